# Reference outputs for Wilson intervals and paired differences (R 4.2.2, stats package).
# Run from this folder:  Rscript make-proportion-references.R
cases <- data.frame(x = c(42, 0, 10, 1, 27, 68, 5), n = c(62, 10, 10, 3, 196, 196, 1000))
ci <- t(mapply(function(x, n) prop.test(x, n, correct = FALSE)$conf.int, cases$x, cases$n))
write.csv(data.frame(x = cases$x, n = cases$n, lower = ci[, 1], upper = ci[, 2]), "wilson.csv", row.names = FALSE)

set.seed(42)
before <- round(rnorm(30, -1.0, 0.6), 3)
after <- round(before + rnorm(30, 0.3, 0.5), 3)
write.csv(data.frame(before = before, after = after), "data-paired.csv", row.names = FALSE)
tt <- t.test(after, before, paired = TRUE)
write.csv(data.frame(mean = unname(tt$estimate), lower = tt$conf.int[1], upper = tt$conf.int[2],
                     t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value), "paired.csv", row.names = FALSE)
