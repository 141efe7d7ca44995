# R's side of bench/statistics-vs-r.sh: the same sizes and data recipe as
# bench/CellTherapyCenter.Statistics.Benchmarks (exponential times in days, 30% censored, two groups).
# Prints the median of 5 timed runs after one warm-up, in milliseconds.
suppressMessages(library(survival))
set.seed(20261125)
gen <- function(n) {
  group <- sample(c("a", "b"), n, replace = TRUE)
  rate <- ifelse(group == "a", 1.0, 1.3)
  data.frame(time = ceiling(rexp(n, rate) * 365), status = as.integer(runif(n) >= 0.3), group = group)
}
big <- gen(1e6)
cox <- gen(1e5)
for (j in 1:5) cox[[paste0("x", j)]] <- if (j %% 2 == 1) runif(1e5, -1, 1) else rbinom(1e5, 1, 0.5)
time_ms <- function(f) {
  f()
  median(replicate(5, system.time(f())[["elapsed"]])) * 1000
}
km <- time_ms(function() survfit(Surv(time, status) ~ 1, data = big))
lr <- time_ms(function() survdiff(Surv(time, status) ~ group, data = big))
cx <- time_ms(function() coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = cox, ties = "efron"))
cat(sprintf("R %s, survival %s\n", R.version.string, packageVersion("survival")))
cat(sprintf("| Kaplan-Meier, 1,000,000 subjects | %.0f ms |\n| log-rank, 1,000,000 subjects, 2 groups | %.0f ms |\n| Cox (Efron), 5 covariates, 100,000 subjects | %.0f ms |\n", km, lr, cx))
