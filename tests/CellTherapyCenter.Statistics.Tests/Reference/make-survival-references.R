# Reference outputs of R's survival package for the statistics library's tests.
# Run from this folder:  Rscript make-survival-references.R
# Made with R 4.2.2 and survival 3.5.3 (Debian packages r-base-core, r-cran-survival).
# Writes the input data sets (data-*.csv) and R's results (km-*.csv, km-median-*.csv, logrank-*.csv).
library(survival)
options(digits = 17)
write <- function(x, file) write.csv(x, file, row.names = FALSE, na = "NA")

lung2 <- data.frame(time = lung$time, status = as.integer(lung$status == 2), group = lung$sex)
veteran2 <- data.frame(time = veteran$time, status = veteran$status, group = veteran$trt)
set.seed(20261125)
# Heavy ties: 200 subjects whose times take only 8 values.
ties <- data.frame(time = sample(c(1, 2, 3, 5, 8, 13, 21, 34), 200, replace = TRUE),
                   status = rbinom(200, 1, 0.7), group = sample(1:2, 200, replace = TRUE))
# One group entirely censored.
censored <- data.frame(time = c(5, 8, 12, 15, 20, 3, 6, 9, 11, 14), status = c(1, 1, 0, 1, 1, 0, 0, 0, 0, 0),
                       group = c(1, 1, 1, 1, 1, 2, 2, 2, 2, 2))
single <- data.frame(time = 7, status = 1, group = 1)
sets <- list(lung = lung2, veteran = veteran2, ties = ties, censored = censored, single = single)

for (name in names(sets)) {
  d <- sets[[name]]
  write(d, sprintf("data-%s.csv", name))
  for (conf in c("log", "log-log")) {
    for (stratified in c(FALSE, TRUE)) {
      if (stratified && length(unique(d$group)) < 2) next
      fit <- if (stratified) survfit(Surv(time, status) ~ group, data = d, conf.type = conf)
             else survfit(Surv(time, status) ~ 1, data = d, conf.type = conf)
      group <- if (stratified) rep(sub("group=", "", names(fit$strata)), fit$strata) else rep("all", length(fit$time))
      write(data.frame(group = group, time = fit$time, n.risk = fit$n.risk, n.event = fit$n.event, n.censor = fit$n.censor,
                       surv = fit$surv, std.err = fit$std.err, lower = fit$lower, upper = fit$upper),
            sprintf("km-%s-%s-%s.csv", name, conf, if (stratified) "group" else "all"))
      q <- quantile(fit, probs = 0.5)
      write(data.frame(group = if (stratified) sub("group=", "", names(fit$strata)) else "all",
                       median = as.vector(q$quantile), lower = as.vector(q$lower), upper = as.vector(q$upper)),
            sprintf("km-median-%s-%s-%s.csv", name, conf, if (stratified) "group" else "all"))
    }
  }
  if (length(unique(d$group)) >= 2) {
    lr <- survdiff(Surv(time, status) ~ group, data = d)
    df <- sum(lr$exp > 0) - 1
    write(data.frame(group = sub("group=", "", names(lr$n)), observed = lr$obs, expected = lr$exp,
                     chisq = lr$chisq, df = df, p = pchisq(lr$chisq, df, lower.tail = FALSE)),
          sprintf("logrank-%s.csv", name))
  }
}

# Stratified log-rank: treatment within cell type (veteran) and sex within ECOG score (lung).
strat <- list(
  veteran = data.frame(time = veteran$time, status = veteran$status, group = veteran$trt, stratum = as.character(veteran$celltype)),
  lung = na.omit(data.frame(time = lung$time, status = as.integer(lung$status == 2), group = lung$sex, stratum = lung$ph.ecog)))
for (name in names(strat)) {
  d <- strat[[name]]
  write(d, sprintf("data-strata-%s.csv", name))
  lr <- survdiff(Surv(time, status) ~ group + strata(stratum), data = d)
  # With strata, obs and exp are group x stratum matrices: the test uses their row sums.
  obs <- rowSums(lr$obs); exp <- rowSums(lr$exp)
  df <- sum(exp > 0) - 1
  write(data.frame(group = sub("group=", "", names(lr$n)), observed = obs, expected = exp,
                   chisq = lr$chisq, df = df, p = pchisq(lr$chisq, df, lower.tail = FALSE)),
        sprintf("logrank-strata-%s.csv", name))
}
