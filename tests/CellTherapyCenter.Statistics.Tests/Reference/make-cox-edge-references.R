# Reference outputs of coxph (R 4.2.2, survival 3.5.3) where a Cox model cannot estimate every
# term or should not be trusted: aliased covariates (x2 = 2*x1; total = a + b), constant
# covariates, one event, perfect separation and a fit that runs out of iterations.
# Run from this folder:  Rscript make-cox-edge-references.R
# Writes for each case data-cox-edge-CASE.csv (the input), cox-edge-CASE.csv (coefficients,
# NA where coxph drops an aliased term), cox-edge-tests-CASE.csv (likelihoods, the three tests
# with their degrees of freedom, concordance, iterations) and cox-edge-warnings-CASE.csv (the
# warnings coxph gave, one a row), each under Efron's and Breslow's ties.
library(survival)
options(digits = 17)

set.seed(15)
n <- 60
base <- data.frame(time = round(rexp(n, 0.1) + 0.1, 1), status = rbinom(n, 1, 0.7), x1 = round(rnorm(n), 2), z = rbinom(n, 1, 0.5))

# x2 is twice x1: coxph keeps x1 and drops x2.
double <- base[, c("time", "status", "x1", "z")]
double$x2 <- 2 * double$x1

# total is a + b: the third term adds nothing and is dropped.
total <- base[, c("time", "status")]
total$a <- round(runif(n, 0, 10))
total$b <- round(runif(n, 0, 5))
total$total <- total$a + total$b

# Constant covariates: one centred and scaled by coxph (five), one left as it is because its
# values lie in {-1, 0, 1} (one).
constant <- base[, c("time", "status", "x1")]
constant$five <- 5
constant$one <- 1

# One event, in a treated patient: the partial likelihood rises without end in the treatment's
# coefficient (monotone likelihood).
set.seed(16)
one <- data.frame(time = round(runif(20, 1, 30), 1), status = 0, treated = rep(0:1, 10))
one$status[which(one$treated == 1)[3]] <- 1

# Perfect separation: everyone treated dies before anyone untreated has an event.
set.seed(17)
separation <- data.frame(time = c(sort(round(runif(10, 1, 10), 1)), round(runif(20, 11, 40), 1)),
                         status = c(rep(1, 10), rbinom(20, 1, 0.6)), treated = c(rep(1, 10), rep(0, 20)),
                         age = round(rnorm(30, 60, 8)))

# Six patients where Newton-Raphson runs out of its 20 iterations (found by searching random sets).
set.seed(42)
m <- sample(6:15, 1)
diverge <- data.frame(time = sample(1:8, m, TRUE), status = rbinom(m, 1, 0.7), x = round(rnorm(m, 0, 3), 1), g = rbinom(m, 1, .5))

# As diverge, and the linear predictor passes 500: coxph adds that a coefficient may be infinite.
set.seed(83)
m <- sample(6:15, 1)
overflow <- data.frame(time = sample(1:8, m, TRUE), status = rbinom(m, 1, 0.7), x = round(rnorm(m, 0, 3), 1), g = rbinom(m, 1, .5))

cases <- list(
  "aliased-double" = list(double, c("x1", "x2", "z")),
  "aliased-total" = list(total, c("a", "b", "total")),
  "constant" = list(constant, c("x1", "five", "one")),
  "constant-only" = list(constant, c("five")),
  "one-event" = list(one, c("treated")),
  "separation" = list(separation, c("treated", "age")),
  "diverge" = list(diverge, c("x", "g")),
  "overflow" = list(overflow, c("x", "g")))

for (name in names(cases)) {
  d <- cases[[name]][[1]]; covs <- cases[[name]][[2]]
  write.csv(d, sprintf("data-cox-edge-%s.csv", name), row.names = FALSE)
  d <- read.csv(sprintf("data-cox-edge-%s.csv", name))  # fit exactly the numbers the CSV holds
  coefficients <- NULL; tests <- NULL; warnings <- data.frame(ties = character(0), message = character(0))
  for (ties in c("efron", "breslow")) {
    caught <- character(0)
    fit <- withCallingHandlers(
      coxph(as.formula(paste("Surv(time, status) ~", paste(covs, collapse = " + "))), data = d, ties = ties),
      warning = function(w) { caught <<- c(caught, conditionMessage(w)); invokeRestart("muffleWarning") })
    s <- summary(fit)
    coefficients <- rbind(coefficients, data.frame(ties = ties, name = covs, coef = unname(coef(fit)),
      se = ifelse(is.na(coef(fit)), NA, unname(sqrt(diag(vcov(fit))))),
      z = s$coefficients[, "z"], p = s$coefficients[, "Pr(>|z|)"],
      lower = s$conf.int[, "lower .95"], upper = s$conf.int[, "upper .95"], aliased = is.na(coef(fit))))
    tests <- rbind(tests, data.frame(ties = ties, n = fit$n, events = fit$nevent, loglik0 = fit$loglik[1], loglik = fit$loglik[2],
      df = unname(s$logtest["df"]), lr = unname(s$logtest["test"]), lr.p = unname(s$logtest["pvalue"]),
      wald = if (length(fit$wald.test)) unname(fit$wald.test) else NA,
      wald.p = if (length(fit$wald.test)) unname(s$waldtest["pvalue"]) else NA,
      score = unname(fit$score), score.p = unname(s$sctest["pvalue"]),
      concordance = unname(fit$concordance["concordance"]), iter = fit$iter))
    if (length(caught)) warnings <- rbind(warnings, data.frame(ties = ties, message = caught))
  }
  write.csv(coefficients, sprintf("cox-edge-%s.csv", name), row.names = FALSE)
  write.csv(tests, sprintf("cox-edge-tests-%s.csv", name), row.names = FALSE)
  write.csv(warnings, sprintf("cox-edge-warnings-%s.csv", name), row.names = FALSE)
}
