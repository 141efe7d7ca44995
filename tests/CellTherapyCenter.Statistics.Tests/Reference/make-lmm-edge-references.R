# Reference outputs for the edges of the linear mixed model y ~ t + (t | id): the models lme4's
# lmer refuses as unidentifiable (its exact messages), isSingular on small data sets, and lines
# without residual noise. R 4.2.2, lme4 1.1-31 (Debian packages r-base-core, r-cran-lme4).
# Run from this folder:  Rscript make-lmm-edge-references.R
# Writes data-lmm-edge.csv (the data sets, one per value of "case") and lmm-edge.csv (per case:
# lmer's error, or its fit, isSingular and the messages it printed).
suppressMessages(library(lme4))

cases <- list()
add <- function(name, id, t, y) cases[[name]] <<- data.frame(case = name, id = id, t = t, y = y)
# One patient: check.nlev.gtr.1.
add("one-subject", "a", 0:5, c(40, 39, 37, 38, 35, 34))
# One visit each: check.nobs.vs.nlev.
add("one-visit-each", c("a", "b", "c", "d"), c(0, 1, 2, 3), c(40, 38, 41, 40))
# A diagnosis visit and a baseline each (the audit's pre-course model): check.nobs.vs.nRE, N = M.
add("two-visits-each", rep(c("a", "b", "c", "d"), each = 2), rep(c(0, 3), 4), c(40, 38, 41, 40, 35, 33, 44, 41))
# One or two visits: check.nobs.vs.nRE, N < M.
add("one-or-two-visits", c("a", "a", "b", "b", "c", "c", "d"), c(0, 1, 0, 2, 0, 3, 1), c(40, 38, 41, 40, 35, 33, 40))
# Two patients with lines and three with a single visit: lmer fits it (N = 15 > M = 10), but two
# slopes cannot estimate a slope variance; CellTherapyCenter refuses fewer than three patients
# with two or more distinct times.
add("two-lines", c(rep("a", 6), rep("b", 6), "c", "d", "e"), c(0:5, 0:5, 1, 2, 3),
    c(40, 39, 37, 38, 35, 34, 44, 43, 40, 40, 39, 37, 41, 36, 39))
# Singular: every patient declines at the same rate; the optimum puts the slope on the intercept (theta3 = 0).
set.seed(1)
add("equal-slopes", rep(sprintf("S%d", 1:8), each = 5), rep(0:4 * 3, 8),
    round(rep(rnorm(8, 40, 3), each = 5) - 0.9 * rep(0:4 * 3, 8) + rnorm(40, 0, 1), 1))
# Singular: slope and level move together exactly (correlation -1).
set.seed(1)
level <- rnorm(8, 0, 1)
add("correlated", rep(sprintf("C%d", 1:8), each = 5), rep(0:4 * 3, 8),
    round(rep(40 + 3 * level, each = 5) + rep(-0.9 - 0.3 * level, each = 5) * rep(0:4 * 3, 8) + rnorm(40, 0, 1.5), 2))
# Not singular: levels and slopes vary independently.
set.seed(3)
add("regular", rep(sprintf("R%d", 1:10), each = 6), rep(0:5 * 2, 10),
    round(rep(rnorm(10, 40, 3), each = 6) + rep(rnorm(10, -0.9, 0.4), each = 6) * rep(0:5 * 2, 10) + rnorm(60, 0, 0.7), 2))
# No residual noise: y = a_i + b_i t exactly (the issue's 40.8). lmer's own fit stops short here
# (it reports 40.889, with convergence warnings): the model's optimum is at residual variance 0,
# where each patient's line is known exactly, so the REML estimates are the mean of the lines
# (fixed effects, standard errors sqrt(diag(cov) / m)) and their covariance (divisor m - 1).
a <- c(42, 40, 38, 44, 40); b <- c(-1, -0.5, -1.5, -0.8, -1.2)
add("noise-free", rep(c("a", "b", "c", "d", "e"), each = 4), rep(c(0, 3, 6, 9), 5), rep(a, each = 4) + rep(b, each = 4) * rep(c(0, 3, 6, 9), 5))

# The same lines with three more patients seen once each, exactly on their own lines.
add("noise-free-singles", c(as.character(cases[["noise-free"]]$id), "f", "g", "h"), c(cases[["noise-free"]]$t, 2, 5, 8),
    c(cases[["noise-free"]]$y, 41 - 0.7 * 2, 37 - 1.1 * 5, 43 - 0.9 * 8))

data <- do.call(rbind, unname(cases))
write.csv(data, "data-lmm-edge.csv", row.names = FALSE)

rows <- lapply(names(cases), function(name) {
  d <- cases[[name]]
  said <- character()
  fit <- tryCatch(withCallingHandlers(lmer(y ~ t + (t | id), d, REML = TRUE),
                    warning = function(w) { said <<- c(said, conditionMessage(w)); invokeRestart("muffleWarning") },
                    message = function(m) { said <<- c(said, trimws(conditionMessage(m))); invokeRestart("muffleMessage") }),
                  error = function(e) conditionMessage(e))
  out <- data.frame(case = name, n = nrow(d), subjects = length(unique(d$id)), error = "", singular = NA,
                    intercept = NA, slope = NA, interceptSe = NA, slopeSe = NA, interceptSd = NA, slopeSd = NA,
                    correlation = NA, residualSd = NA, theta1 = NA, theta2 = NA, theta3 = NA, messages = "")
  if (is.character(fit)) { out$error <- fit; return(out) }
  fe <- fixef(fit); se <- sqrt(diag(as.matrix(vcov(fit)))); vc <- as.data.frame(VarCorr(fit)); th <- getME(fit, "theta")
  out$singular <- isSingular(fit)
  out$intercept <- fe[[1]]; out$slope <- fe[[2]]; out$interceptSe <- se[[1]]; out$slopeSe <- se[[2]]
  out$interceptSd <- vc$sdcor[1]; out$slopeSd <- vc$sdcor[2]; out$correlation <- vc$sdcor[3]; out$residualSd <- sigma(fit)
  out$theta1 <- th[[1]]; out$theta2 <- th[[2]]; out$theta3 <- th[[3]]
  out$messages <- gsub("\\s+", " ", paste(said, collapse = " | "))
  out
})
out <- do.call(rbind, rows)

# The exact fit without noise, from the patients' own lines.
lines <- t(sapply(split(cases[["noise-free"]], cases[["noise-free"]]$id), function(d) coef(lm(y ~ t, d))))
stopifnot(max(abs(sapply(split(cases[["noise-free"]], cases[["noise-free"]]$id), function(d) residuals(lm(y ~ t, d))))) < 1e-12)
v <- cov(lines)
exact <- data.frame(case = "noise-free-exact", n = nrow(cases[["noise-free"]]), subjects = nrow(lines), error = "", singular = FALSE,
                    intercept = mean(lines[, 1]), slope = mean(lines[, 2]),
                    interceptSe = sqrt(v[1, 1] / nrow(lines)), slopeSe = sqrt(v[2, 2] / nrow(lines)),
                    interceptSd = sqrt(v[1, 1]), slopeSd = sqrt(v[2, 2]), correlation = cov2cor(v)[1, 2], residualSd = 0,
                    theta1 = NA, theta2 = NA, theta3 = NA, messages = "")
out <- rbind(out, exact)

# With single visits the exact fit needs a search: at sigma = 0 a patient's data are its line
# c_i ~ N(beta, D), or for a single visit y_i ~ N(x_i' beta, x_i' D x_i). The REML criterion of
# those data (generalised least squares with V block diagonal), minimised over D = L L'.
nf <- cases[["noise-free-singles"]]
parts <- lapply(split(nf, factor(nf$id, levels = unique(nf$id))), function(d)
  if (length(unique(d$t)) > 1) list(z = coef(lm(y ~ t, d)), X = diag(2)) else list(z = mean(d$y), X = cbind(1, d$t[1])))
reml0 <- function(l) {
  D <- matrix(c(l[1], l[2], 0, l[3]), 2) %*% t(matrix(c(l[1], l[2], 0, l[3]), 2))
  V <- as.matrix(Matrix::bdiag(lapply(parts, function(p) p$X %*% D %*% t(p$X))))
  X <- do.call(rbind, lapply(parts, `[[`, "X")); z <- unlist(lapply(parts, `[[`, "z"))
  Vi <- solve(V); XtViX <- t(X) %*% Vi %*% X; beta <- solve(XtViX, t(X) %*% Vi %*% z); r <- z - X %*% beta
  list(value = as.numeric(determinant(V)$modulus + determinant(XtViX)$modulus + t(r) %*% Vi %*% r + (length(z) - 2) * log(2 * pi)),
       beta = beta, vcov = solve(XtViX), D = D)
}
start <- t(chol(cov(t(sapply(Filter(function(p) length(p$z) == 2, parts), `[[`, "z")))))[c(1, 2, 4)]
o <- optim(start, function(l) reml0(l)$value, method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
o <- optim(o$par, function(l) reml0(l)$value, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 10000))
o <- optim(o$par, function(l) reml0(l)$value, method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
best <- reml0(o$par)
out <- rbind(out, data.frame(case = "noise-free-singles-exact", n = nrow(nf), subjects = length(parts), error = "", singular = FALSE,
                             intercept = best$beta[1], slope = best$beta[2],
                             interceptSe = sqrt(best$vcov[1, 1]), slopeSe = sqrt(best$vcov[2, 2]),
                             interceptSd = sqrt(best$D[1, 1]), slopeSd = sqrt(best$D[2, 2]), correlation = cov2cor(best$D)[1, 2],
                             residualSd = 0, theta1 = NA, theta2 = NA, theta3 = NA, messages = ""))

# isSingular on the two stored data sets of make-lmm-references.R.
for (name in c("alsfrs", "singular")) {
  d <- read.csv(if (name == "alsfrs") "data-alsfrs-lmm.csv" else "data-alsfrs-singular.csv")
  said <- character()
  fit <- withCallingHandlers(lmer(alsfrs ~ months + (months | patient), d, REML = TRUE),
                             message = function(m) { said <<- c(said, trimws(conditionMessage(m))); invokeRestart("muffleMessage") })
  row <- out[1, ]; row[] <- NA
  row$case <- name; row$n <- nrow(d); row$subjects <- length(unique(d$patient)); row$error <- ""
  row$singular <- isSingular(fit); row$messages <- paste(said, collapse = " | ")
  out <- rbind(out, row)
}
# The tests split the CSV on commas: the errors hold none, and the messages (which may) come last.
stopifnot(!any(grepl(",", out$error)), names(out)[ncol(out)] == "messages")
write.csv(out, "lmm-edge.csv", row.names = FALSE)
