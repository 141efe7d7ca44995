#!/usr/bin/env bash
# Issue 4's speed targets: Kaplan-Meier and log-rank on 1,000,000 subjects and Cox with 5
# covariates on 100,000, each at least as fast as R's survival package, in the same run on the
# same machine. Installs R with apt-get if missing (the tests never need R).
# Usage: bench/statistics-vs-r.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/r-packages.sh
ensure_r_packages survival
echo "== R (median of 5 runs after a warm-up)"
Rscript bench/statistics-vs-r.R
echo "== .NET (BenchmarkDotNet)"
dotnet run --project bench/CellTherapyCenter.Statistics.Benchmarks -c Release -- --filter '*SurvivalBenchmarks*' 2>&1 | sed -n '/^| Method/,/^$/p'
