# Reference outputs for the external-cohort comparison (issue 19): the mixed model with a
# group-by-time term (lme4) and survival from onset by group (survival: survfit, survdiff, coxph
# with the three adjustment covariates). R 4.2.2, lme4 1.1-31, survival 3.5.3 (Debian packages
# r-base-core, r-cran-lme4, r-cran-survival).
# Run from this folder:  Rscript make-comparison-references.R
# Writes data-comparison-lmm.csv, data-comparison-lmm-singular.csv and data-comparison-survival.csv
# (inputs) and lmm-comparison*.csv, km-comparison-*.csv, km-median-comparison-*.csv,
# logrank-comparison.csv, cox-comparison-*.csv, cox-tests-comparison-*.csv (outputs).
suppressMessages(library(lme4))
library(survival)
options(digits = 17)
write <- function(x, file) write.csv(x, file, row.names = FALSE, na = "NA")

# 1. ALSFRS-R of an external (natural-history) cohort, 250 subjects declining about 0.9
# points/month, and 80 treated patients declining about 0.6/month: 1-10 visits each at irregular
# times, whole-point scores kept in 0-48, times rounded to 0.001 months so that the CSV holds
# exactly the numbers that were fitted. treated is the 0/1 group.
set.seed(20261207)
patient <- function(id, treated) {
  visits <- sample(1:10, 1)
  time <- round(sort(c(0, cumsum(runif(visits - 1, 0.5, 4)))), 3)
  level <- rnorm(1, if (treated) 37 else 38, 4)
  slope <- (if (treated) -0.6 else -0.9) + 0.1 * (level - 38) / 4 + rnorm(1, 0, 0.4)
  score <- round(level + slope * time + rnorm(visits, 0, 1.6))
  data.frame(patient = sprintf("%s%03d", if (treated) "T" else "C", id), months = time,
             alsfrs = pmin(48, pmax(0, score)), treated = as.integer(treated))
}
lmm <- rbind(do.call(rbind, lapply(1:250, patient, treated = FALSE)), do.call(rbind, lapply(1:80, patient, treated = TRUE)))
write(lmm, "data-comparison-lmm.csv")

# lme4's default optimisers stop about 1e-6 short of the optimum; as in make-lmm-references.R the
# reference is bobyqa to rhoend = 1e-12, then Newton steps on central-difference derivatives of
# lme4's own profiled criterion, checked against lme4's Nelder-Mead with tolerances of 1e-15.
newton_step <- function(fn, x, h = 1e-4) {
  f0 <- fn(x); g <- numeric(3); H <- matrix(0, 3, 3); e <- diag(h, 3)
  for (i in 1:3) {
    fp <- fn(x + e[, i]); fm <- fn(x - e[, i])
    g[i] <- (fp - fm) / (2 * h); H[i, i] <- (fp - 2 * f0 + fm) / h^2
    for (j in seq_len(i - 1))
      H[i, j] <- H[j, i] <- (fn(x + e[, i] + e[, j]) - fn(x + e[, i] - e[, j]) -
                             fn(x - e[, i] + e[, j]) + fn(x - e[, i] - e[, j])) / (4 * h^2)
  }
  x - solve(H, g)
}
polished <- function(par, fn, lower, upper, control = list(), ...) {
  b <- minqa::bobyqa(par, fn, lower = lower, upper = upper, control = list(rhoend = 1e-12, maxfun = 1e6))
  p <- b$par
  for (step in 1:5) {
    q <- tryCatch(newton_step(fn, p), error = function(e) p)
    if (fn(q) <= fn(p) + 1e-9) p <- q
  }
  if (p[1] < 0) p[1:2] <- -p[1:2]
  p[3] <- abs(p[3])
  fval <- fn(p)
  stopifnot(fval <= b$fval + 1e-9)
  list(par = p, fval = fval, feval = b$feval, conv = 0, message = "bobyqa, then Newton polish")
}
tight <- lmerControl(optimizer = polished, calc.derivs = FALSE)
tight_nm <- lmerControl(optimizer = "Nelder_Mead", optCtrl = list(FtolAbs = 1e-15, FtolRel = 1e-15,
                        XtolRel = 1e-12, maxfun = 1e6), calc.derivs = FALSE)
# A small set whose optimum lies on the boundary (theta3 = 0, lme4's "boundary (singular) fit"), as
# with a clinic's few treated patients: the 40 patients of make-lmm-references.R's singular set
# (same seed and recipe), every fourth one treated (10 patients).
set.seed(23)
singular <- do.call(rbind, lapply(1:40, function(id) {
  k <- sample(2:5, 1); t <- round(sort(runif(k, 0, 24)), 3)
  data.frame(patient = sprintf("S%02d", id), months = t, alsfrs = round(rnorm(1, 40, 3) - 0.8 * t + rnorm(k, 0, 2)),
             treated = as.integer(id %% 4 == 0))
}))
write(singular, "data-comparison-lmm-singular.csv")

formula <- alsfrs ~ months * treated + (months | patient)
for (case in list(list(name = "comparison", data = lmm), list(name = "comparison-singular", data = singular))) {
  d <- case$data
  fit <- lmer(formula, d, REML = TRUE, control = tight)
  check <- lmer(formula, d, REML = TRUE, control = tight_nm)
  stopifnot(REMLcrit(fit) <= REMLcrit(check) + 1e-10)
  default_fit <- lmer(formula, d, REML = TRUE)
  vc <- as.data.frame(VarCorr(fit))
  th <- getME(fit, "theta")
  write(data.frame(n = nobs(fit), subjects = ngrps(fit)[[1]],
                   groupSubjects = length(unique(d$patient[d$treated == 1])),
                   interceptSd = vc$sdcor[1], slopeSd = vc$sdcor[2], correlation = vc$sdcor[3],
                   residualSd = sigma(fit), remlCriterion = REMLcrit(fit),
                   theta1 = th[[1]], theta2 = th[[2]], theta3 = th[[3]], singular = isSingular(fit),
                   defaultRemlCriterion = REMLcrit(default_fit), nelderMeadRemlCriterion = REMLcrit(check)),
        sprintf("lmm-%s.csv", case$name))
  # Fixed effects as fixef and vcov, the Wald interval as confint(method = "Wald") and the normal
  # p-value (lme4 prints none); then the treated group's own slope, months + months:treated,
  # with its SE from vcov.
  fe <- fixef(fit); V <- as.matrix(vcov(fit)); se <- sqrt(diag(V))
  wald <- confint(fit, method = "Wald")[names(fe), ]
  L <- c(0, 1, 0, 1)
  own <- sum(L * fe); own_se <- sqrt(drop(t(L) %*% V %*% L))
  write(data.frame(name = c(names(fe), "groupSlope"), estimate = c(unname(fe), own), se = c(unname(se), own_se),
                   lower = c(unname(wald[, 1]), own - qnorm(0.975) * own_se),
                   upper = c(unname(wald[, 2]), own + qnorm(0.975) * own_se),
                   p = 2 * pnorm(-abs(c(unname(fe), own) / c(unname(se), own_se)))),
        sprintf("lmm-%s-fixef.csv", case$name))
}

# 2. Survival from onset: 300 cohort subjects and 90 treated, with age at onset (years), bulbar
# onset (0/1) and the ALSFRS-R decline rate at baseline (dfrs, points/month). Weibull times whose
# hazard rises with age, bulbar onset and dfrs and falls with treatment; administrative censoring
# between 24 and 84 months and some loss to follow-up. Months rounded to 0.1, so that deaths tie
# and Efron and Breslow differ.
set.seed(20261208)
n <- c(300, 90)
treated <- rep(0:1, n)
age_onset <- round(rnorm(sum(n), 58, 11), 1)
bulbar <- rbinom(sum(n), 1, 0.3)
dfrs <- round(rlnorm(sum(n), log(0.6), 0.5), 3)
lp <- 0.03 * (age_onset - 58) + 0.4 * bulbar + 0.8 * (dfrs - 0.6) - 0.3 * treated
death <- (rexp(sum(n)) / exp(lp))^(1 / 1.5) * 40
censor <- pmin(runif(sum(n), 24, 84), ifelse(runif(sum(n)) < 0.15, runif(sum(n), 6, 60), Inf))
surv <- data.frame(months = round(pmin(death, censor), 1), died = as.integer(death <= censor),
                   treated = treated, age_onset = age_onset, bulbar = bulbar, dfrs = dfrs)
surv$months <- pmax(surv$months, 0.1)
write(surv, "data-comparison-survival.csv")

for (conf in c("log", "log-log")) {
  km <- survfit(Surv(months, died) ~ treated, data = surv, conf.type = conf)
  write(data.frame(group = rep(sub("treated=", "", names(km$strata)), km$strata), time = km$time,
                   n.risk = km$n.risk, n.event = km$n.event, n.censor = km$n.censor,
                   surv = km$surv, std.err = km$std.err, lower = km$lower, upper = km$upper),
        sprintf("km-comparison-%s.csv", conf))
  q <- quantile(km, probs = 0.5)
  write(data.frame(group = sub("treated=", "", names(km$strata)), median = as.vector(q$quantile),
                   lower = as.vector(q$lower), upper = as.vector(q$upper)),
        sprintf("km-median-comparison-%s.csv", conf))
}
lr <- survdiff(Surv(months, died) ~ treated, data = surv)
df <- sum(lr$exp > 0) - 1
write(data.frame(group = sub("treated=", "", names(lr$n)), observed = lr$obs, expected = lr$exp,
                 chisq = lr$chisq, df = df, p = pchisq(lr$chisq, df, lower.tail = FALSE)),
      "logrank-comparison.csv")

covs <- c("treated", "age_onset", "bulbar", "dfrs")
for (ties in c("efron", "breslow")) {
  cox <- coxph(Surv(months, died) ~ treated + age_onset + bulbar + dfrs, data = surv, ties = ties)
  s <- summary(cox)
  write(data.frame(name = covs, coef = unname(coef(cox)), se = unname(sqrt(diag(vcov(cox)))),
                   hr = s$conf.int[, "exp(coef)"], z = s$coefficients[, "z"], p = s$coefficients[, "Pr(>|z|)"],
                   lower = s$conf.int[, "lower .95"], upper = s$conf.int[, "upper .95"]),
        sprintf("cox-comparison-%s.csv", ties))
  write(data.frame(n = cox$n, events = cox$nevent, loglik0 = cox$loglik[1], loglik = cox$loglik[2],
                   lr = s$logtest["test"], lr.df = s$logtest["df"], lr.p = s$logtest["pvalue"],
                   wald = unname(cox$wald.test), wald.p = s$waldtest["pvalue"],
                   score = unname(cox$score), score.p = s$sctest["pvalue"],
                   concordance = unname(cox$concordance["concordance"])),
        sprintf("cox-tests-comparison-%s.csv", ties))
}
