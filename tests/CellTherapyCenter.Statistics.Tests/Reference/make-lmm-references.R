# Reference outputs for the linear mixed model (lme4) and the exact Poisson interval used for
# observed/expected deaths. R 4.2.2, lme4 1.1-31 (Debian packages r-base-core, r-cran-lme4).
# Run from this folder:  Rscript make-lmm-references.R
# Writes data-alsfrs-lmm.csv, data-alsfrs-singular.csv, data-sleepstudy.csv (inputs) and lmm-*.csv, poisson-oe.csv (outputs).
suppressMessages(library(lme4))

# A generated ALSFRS-R data set: 300 patients, 1-12 visits each at irregular times, declining
# about 0.9 points/month with between-patient spread in level and slope (correlated), scores
# rounded to whole points and kept in 0-48 as the scale is. Times rounded to 0.001 months so
# that the CSV holds exactly the numbers that were fitted.
set.seed(20261125)
n_patients <- 300
rows <- lapply(seq_len(n_patients), function(id) {
  visits <- sample(1:12, 1)
  time <- round(sort(c(0, cumsum(runif(visits - 1, 1, 5)))), 3)
  level <- rnorm(1, 40, 4)
  slope <- -0.9 + 0.4 * (level - 40) / 4 * 0.3 + rnorm(1, 0, 0.45)
  score <- round(level + slope * time + rnorm(visits, 0, 1.5))
  data.frame(patient = sprintf("P%03d", id), months = time, alsfrs = pmin(48, pmax(0, score)))
})
alsfrs <- do.call(rbind, rows)
write.csv(alsfrs, "data-alsfrs-lmm.csv", row.names = FALSE)
# A small set whose optimum lies on the boundary (theta3 = 0: the random slope is a multiple of
# the random intercept, correlation -1), as happens with few patients and few visits each.
set.seed(23)
singular <- do.call(rbind, lapply(1:40, function(id) {
  k <- sample(2:5, 1); t <- round(sort(runif(k, 0, 24)), 3)
  data.frame(patient = sprintf("S%02d", id), months = t, alsfrs = round(rnorm(1, 40, 3) - 0.8 * t + rnorm(k, 0, 2)))
}))
write.csv(singular, "data-alsfrs-singular.csv", row.names = FALSE)
sleep <- sleepstudy[, c("Subject", "Days", "Reaction")]
write.csv(sleep, "data-sleepstudy.csv", row.names = FALSE)

# lme4's default optimisers stop a little short of the optimum (about 2e-6 in the slope SD on
# the ALSFRS-R data). Even bobyqa with rhoend = 1e-12, or BFGS after it, stops short: the
# criterion carries ~1e-11 of rounding noise, and an optimiser that compares function values
# cannot then place theta closer than ~sqrt(2e-11 / curvature), about 6e-8 in theta2 here,
# which is 1.6e-6 relative in the correlation. The references therefore use a custom
# optimiser: bobyqa to rhoend = 1e-12, then Newton steps on central-difference derivatives of
# lme4's own profiled criterion (a root of the gradient is resolved far more finely than a
# minimum of the value). The criterion is even in each column of Lambda, so the Newton steps
# run unconstrained and the signs are normalised afterwards. lme4's own Nelder-Mead, run with
# tolerances of 1e-15, serves as a check only: the polished optimum must not be worse.
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
    q <- tryCatch(newton_step(fn, p), error = function(e) p)  # a singular Hessian: keep bobyqa's point
    # Accept a step that does not raise the criterion beyond its rounding noise: a stricter test
    # would reject the very steps that resolve theta below that noise.
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
summarise <- function(fit, default_fit) {
  vc <- as.data.frame(VarCorr(fit))
  fe <- fixef(fit); se <- sqrt(diag(as.matrix(vcov(fit))))
  th <- getME(fit, "theta")
  data.frame(n = nobs(fit), subjects = ngrps(fit)[[1]],
             intercept = fe[[1]], interceptSe = se[[1]], slope = fe[[2]], slopeSe = se[[2]],
             interceptSd = vc$sdcor[1], slopeSd = vc$sdcor[2], correlation = vc$sdcor[3],
             residualSd = sigma(fit), remlCriterion = REMLcrit(fit),
             theta1 = th[[1]], theta2 = th[[2]], theta3 = th[[3]],
             defaultRemlCriterion = REMLcrit(default_fit),
             defaultSlopeSd = as.data.frame(VarCorr(default_fit))$sdcor[2])
}
for (case in list(list(name = "alsfrs", data = alsfrs, formula = alsfrs ~ months + (months | patient)),
                  list(name = "singular", data = singular, formula = alsfrs ~ months + (months | patient)),
                  list(name = "sleepstudy", data = sleep, formula = Reaction ~ Days + (Days | Subject)))) {
  fit <- lmer(case$formula, case$data, REML = TRUE, control = tight)
  check <- lmer(case$formula, case$data, REML = TRUE, control = tight_nm)
  stopifnot(REMLcrit(fit) <= REMLcrit(check) + 1e-10)
  out <- summarise(fit, lmer(case$formula, case$data, REML = TRUE))
  out$nelderMeadRemlCriterion <- REMLcrit(check)
  write.csv(out, sprintf("lmm-%s.csv", case$name), row.names = FALSE)
}

# Per-patient least-squares slopes (lm per patient) for patients with two or more visits.
slopes <- do.call(rbind, lapply(split(alsfrs, alsfrs$patient), function(d) {
  if (nrow(d) < 2) return(NULL)
  co <- coef(lm(alsfrs ~ months, d))
  data.frame(patient = d$patient[1], visits = nrow(d), intercept = co[[1]], slope = co[[2]])
}))
write.csv(slopes, "lmm-alsfrs-slopes.csv", row.names = FALSE)

# Observed/expected with an exact (Garwood) Poisson interval: poisson.test(observed, expected).
oe <- data.frame(observed = c(0, 1, 7, 25, 130), expected = c(2.5, 3.2, 10.4, 18.75, 140.2))
ci <- t(mapply(function(o, e) poisson.test(o, e)$conf.int, oe$observed, oe$expected))
oe$ratio <- oe$observed / oe$expected; oe$lower <- ci[, 1]; oe$upper <- ci[, 2]
write.csv(oe, "poisson-oe.csv", row.names = FALSE)
