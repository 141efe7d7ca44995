#!/usr/bin/env bash
# Issue 4's speed targets: Kaplan-Meier and log-rank on 1,000,000 subjects and Cox with 5
# covariates on 100,000, each at least as fast as R's survival package, in the same run on the
# same machine. Installs R with apt-get if missing (the tests never need R).
# Usage: bench/statistics-vs-r.sh
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(survival)' >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends r-base-core r-cran-survival >/dev/null
fi
echo "== R (median of 5 runs after a warm-up)"
Rscript bench/statistics-vs-r.R
echo "== .NET (BenchmarkDotNet)"
dotnet run --project bench/CellTherapyCenter.Statistics.Benchmarks -c Release -- --filter '*SurvivalBenchmarks*' 2>&1 | sed -n '/^| Method/,/^$/p'
