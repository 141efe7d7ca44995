# Reference outputs of the Aalen-Johansen estimator: R 4.2.2 / survival 3.5.3, multi-state survfit.
# Run from this folder:  Rscript make-competing-risk-references.R
library(survival)
options(digits = 17)
# Progression to plasma-cell malignancy (1) against death (2), from mgus2; and a small set with ties across causes.
sets <- list(
  mgus2 = with(survival::mgus2, data.frame(time = ifelse(pstat == 1, ptime, futime), cause = ifelse(pstat == 1, 1L, 2L * death))),
  ties = data.frame(time = c(1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 8), cause = c(1, 2, 0, 1, 1, 2, 0, 1, 0, 2, 2, 1, 0, 1, 2)))
for (name in names(sets)) {
  d <- sets[[name]]
  write.csv(d, sprintf("data-competing-%s.csv", name), row.names = FALSE)
  f <- survfit(Surv(time, factor(cause, 0:2)) ~ 1, data = d)
  s <- f$states
  write.csv(data.frame(time = f$time, n.risk = f$n.risk[, 1], event.free = f$pstate[, which(s == "(s0)")],
                       cif1 = f$pstate[, which(s == "1")], se1 = f$std.err[, which(s == "1")],
                       cif2 = f$pstate[, which(s == "2")], se2 = f$std.err[, which(s == "2")]),
            sprintf("cif-%s.csv", name), row.names = FALSE)
}
