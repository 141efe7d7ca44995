#!/usr/bin/env bash
# Issue 4's mixed-model speed target: outcome ~ time + (time | subject) by REML on 10,000
# patients x 12 visits, at least as fast as R's lme4, in the same run on the same machine.
# Installs R and lme4 with apt-get if missing (the tests never need R). R generates the data
# and writes the CSV; both sides then fit from memory (reading the CSV is not timed on either).
# Usage: bench/lmm-vs-r.sh
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(lme4)' >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends r-base-core r-cran-lme4 >/dev/null
fi
mkdir -p bench/out
csv="$PWD/bench/out/lmm-10000x12.csv"
echo "== R (median of 5 runs after a warm-up)"
Rscript bench/lmm-vs-r.R "$csv"
echo "== ours: the same fit through the CLI (includes reading the CSV and start-up; for agreement only)"
dotnet run --project src/CellTherapyCenter.Cli -c Release -- stats lmm --csv "$csv" --subject patient --time months --outcome alsfrs
echo
echo "== ours (BenchmarkDotNet, fit only)"
LMM_BENCH_CSV="$csv" dotnet run --project bench/CellTherapyCenter.Statistics.Benchmarks -c Release -- --filter '*MixedModel*' --artifacts bench/out/BenchmarkDotNet.Artifacts 2>&1 | sed -n '/^| Method/,/^$/p'
