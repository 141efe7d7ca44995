# Reference outputs of coxph (R 4.2.2, survival 3.5.3) for the Cox model tests.
# Run from this folder:  Rscript make-cox-references.R
library(survival)
options(digits = 17)
lung3 <- na.omit(data.frame(time = lung$time, status = as.integer(lung$status == 2), age = lung$age, sex = lung$sex, ecog = lung$ph.ecog))
vet3 <- data.frame(time = veteran$time, status = veteran$status, trt = veteran$trt, karno = veteran$karno, age = veteran$age)
set.seed(7)
ties3 <- data.frame(time = sample(1:6, 150, replace = TRUE), status = rbinom(150, 1, 0.8), x1 = rnorm(150), x2 = rbinom(150, 1, 0.4))
sets <- list(lung = list(lung3, c("age", "sex", "ecog")), veteran = list(vet3, c("trt", "karno", "age")), ties = list(ties3, c("x1", "x2")))
for (name in names(sets)) {
  d <- sets[[name]][[1]]; covs <- sets[[name]][[2]]
  write.csv(d, sprintf("data-cox-%s.csv", name), row.names = FALSE)
  for (ties in c("efron", "breslow")) {
    fit <- coxph(as.formula(paste("Surv(time, status) ~", paste(covs, collapse = " + "))), data = d, ties = ties)
    s <- summary(fit)
    write.csv(data.frame(name = covs, coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))),
                         z = s$coefficients[, "z"], p = s$coefficients[, "Pr(>|z|)"],
                         lower = s$conf.int[, "lower .95"], upper = s$conf.int[, "upper .95"]),
              sprintf("cox-%s-%s.csv", name, ties), row.names = FALSE)
    write.csv(data.frame(n = fit$n, events = fit$nevent, loglik0 = fit$loglik[1], loglik = fit$loglik[2],
                         lr = s$logtest["test"], lr.df = s$logtest["df"], lr.p = s$logtest["pvalue"],
                         wald = unname(fit$wald.test), score = unname(fit$score), concordance = unname(fit$concordance["concordance"])),
              sprintf("cox-tests-%s-%s.csv", name, ties), row.names = FALSE)
  }
}
