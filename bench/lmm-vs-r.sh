#!/usr/bin/env bash
# Issue 4's mixed-model speed target: outcome ~ time + (time | subject) by REML on 10,000
# patients x 12 visits, at least as fast as R's lme4, in the same run on the same machine.
# Installs R and lme4 with apt-get if missing (the tests never need R). R generates the data
# and writes the CSV; both sides then fit from memory (reading the CSV is not timed on either).
# Usage: bench/lmm-vs-r.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/r-packages.sh
ensure_r_packages lme4
mkdir -p bench/out
csv="$PWD/bench/out/lmm-10000x12.csv"
echo "== R (median of 5 runs after a warm-up)"
Rscript bench/lmm-vs-r.R "$csv"
echo "== ours: the same fit through the CLI (includes reading the CSV and start-up; for agreement only)"
dotnet run --project src/CellTherapyCenter.Cli -c Release -- stats lmm --csv "$csv" --subject patient --time months --outcome alsfrs
echo
echo "== ours (BenchmarkDotNet, fit only)"
LMM_BENCH_CSV="$csv" dotnet run --project bench/CellTherapyCenter.Statistics.Benchmarks -c Release -- --filter '*MixedModel*' --artifacts bench/out/BenchmarkDotNet.Artifacts 2>&1 | sed -n '/^| Method/,/^$/p'
