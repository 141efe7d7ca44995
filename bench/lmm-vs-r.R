# R's side of bench/lmm-vs-r.sh: generates 10,000 patients x 12 ALSFRS-R visits (the recipe of
# tests/.../Reference/make-lmm-references.R, with 12 visits each), writes them to the CSV named
# on the command line, reads it back, and times lmer(alsfrs ~ months + (months | patient)) by
# REML. Reading the CSV is not timed. Prints the median of 5 timed runs after one warm-up, in ms.
suppressMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
csv <- if (length(args) > 0) args[1] else "bench/out/lmm-10000x12.csv"
set.seed(20261126)
n_patients <- 10000; visits <- 12
level <- rnorm(n_patients, 40, 4)
slope <- -0.9 + 0.4 * (level - 40) / 4 * 0.3 + rnorm(n_patients, 0, 0.45)
gaps <- matrix(runif(n_patients * (visits - 1), 1, 5), n_patients)   # 1-5 months between visits
months <- as.vector(t(round(cbind(0, t(apply(gaps, 1, cumsum))), 3)))  # patient by patient
patient <- rep(sprintf("P%05d", seq_len(n_patients)), each = visits)
score <- round(rep(level, each = visits) + rep(slope, each = visits) * months + rnorm(n_patients * visits, 0, 1.5))
write.csv(data.frame(patient = patient, months = months, alsfrs = pmin(48, pmax(0, score))), csv, row.names = FALSE)

d <- read.csv(csv)
time_ms <- function(f) { f(); median(replicate(5, system.time(f())[["elapsed"]])) * 1000 }
fit_default <- function() lmer(alsfrs ~ months + (months | patient), d, REML = TRUE)
tight <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e6), calc.derivs = FALSE)
fit_tight <- function() lmer(alsfrs ~ months + (months | patient), d, REML = TRUE, control = tight)
default_ms <- time_ms(fit_default)
tight_ms <- time_ms(fit_tight)
m <- fit_tight()
cat(sprintf("R %s, lme4 %s; %d rows, %d patients\n", R.version.string, packageVersion("lme4"), nrow(d), n_patients))
cat(sprintf("| lmer, default control | %.0f ms |\n| lmer, bobyqa rhoend = 1e-12, no derivative check | %.0f ms |\n", default_ms, tight_ms))
cat(sprintf("R fit: REML criterion %.10f, slope %.10f, slope SD %.10f, correlation %.10f\n",
            REMLcrit(m), fixef(m)[[2]], as.data.frame(VarCorr(m))$sdcor[2], as.data.frame(VarCorr(m))$sdcor[3]))
