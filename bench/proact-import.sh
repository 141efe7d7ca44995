#!/usr/bin/env bash
# PRO-ACT import benchmark (issue 19): a synthetic 10,000-subject PRO-ACT folder (bench/make-proact.py:
# 60,000 ALSFRS-R rows, 40,000 FVC rows, the one-row files) imported into a throwaway PostgreSQL
# with the Release build of ctc. The first import migrates the empty database and warms nothing
# shared (a new process); the measured one imports under another cohort name; the last imports the
# same files again ("unchanged": read, check and fingerprint only). Build first (Release).
# Usage: bench/proact-import.sh [SUBJECTS]
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-10000}
PG_TMP_PARENT=/dev/shm source scripts/throwaway-postgres.sh
pg_as_owner "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres proact_bench
conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=proact_bench"
data=$(mktemp -d /tmp/proact-bench.XXXXXX)
trap 'rm -rf "$data"; stop_throwaway_postgres' EXIT
python3 bench/make-proact.py "$data" "$subjects"
ctc=src/CellTherapyCenter.Cli/bin/Release/net10.0/ctc
"$ctc" import proact --dir "$data" --database "$conn" --cohort first >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "measured import: %e s wall clock, %U s user + %S s system CPU, %M KiB peak" \
  "$ctc" import proact --dir "$data" --database "$conn" --cohort measured | grep -o '"status":"[a-z]*"\|"seconds":[0-9.]*'
/usr/bin/time -f "same files again: %e s wall clock, %U s user + %S s system CPU" \
  "$ctc" import proact --dir "$data" --database "$conn" --cohort measured | grep -o '"status":"[a-z]*"\|"seconds":[0-9.]*'
