#!/usr/bin/env bash
# Benchmark of issue 4's claims audit: seeds N synthetic patients (default 100,000, ~15 ALSFRS-R
# each, as bench/registry-pages.sh) into a throwaway PostgreSQL, then runs `ctc claims` with
# --repeat, which loads the registry and computes the whole audit RUNS more times in one process
# and prints each run's wall-clock time on stderr (run 0 includes start-up and JIT); after each run,
# also the audit after a change to one patient (that patient's facts read again, as the server does).
# With COHORT > 0, a synthetic PRO-ACT cohort of COHORT subjects (bench/make-proact.py) is imported
# first, so the audit also computes the comparison with an external cohort (issue 19).
# Usage: bench/claims-audit.sh [patients] [runs] [cohort subjects]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-5}
COHORT=${3:-0}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source scripts/throwaway-postgres.sh
export Database__Provider=PostgreSQL
export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PG_PORT;Database=ctc_bench;Username=postgres"
export Admin__Email=bench@bench.local Admin__Password=Bench-password-1234 Demo__Enabled=false
# The demo's own natural-history cohort is left out: the only external cohort is the one of COHORT subjects.
export Demo__NaturalHistorySubjects=0
export DataProtection__KeysPath="$PG_TMP/keys" Logging__LogLevel__Default=Warning
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ctc_bench" postgres

dotnet build src/CellTherapyCenter.Cli -c Release -nologo -v quiet >/dev/null
web="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
echo "== seeding $N synthetic patients"
dotnet "$web/CellTherapyCenter.Web.dll" seed-demo --patients "$N" --self-report-share 0.7 --without-follow-up --contentRoot "$web"
if [ "$COHORT" -gt 0 ]; then
  echo "== importing a synthetic PRO-ACT cohort of $COHORT subjects"
  python3 bench/make-proact.py "$PG_TMP/proact" "$COHORT"
  dotnet src/CellTherapyCenter.Cli/bin/Release/net10.0/ctc.dll import proact --dir "$PG_TMP/proact" --database "$ConnectionStrings__Registry" --cohort bench-natural-history >/dev/null
fi
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -qc "VACUUM ANALYZE"

echo "== ctc claims --repeat $RUNS (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet src/CellTherapyCenter.Cli/bin/Release/net10.0/ctc.dll claims --database "$ConnectionStrings__Registry" --repeat "$RUNS" >"$PG_TMP/claims.json"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg); audit of $(grep -m1 '"treatedPatients"' "$PG_TMP/claims.json" | tr -dc 0-9) treated patients"
