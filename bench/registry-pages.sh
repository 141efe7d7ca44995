#!/usr/bin/env bash
# Benchmark of issue 2: seeds N synthetic patients (default 100,000, ~15 assessments each) into
# a throwaway PostgreSQL (without issue 5's follow-up schedules: they are seeded and measured by
# bench/follow-up-scheduler.sh), starts the app in Release on loopback, signs in, and drives the
# filtered, paged patient list and a patient chart with wrk (16 connections, 2 threads, playing a
# signed-in browser: bench/staff-browser.lua): the chart of the patient with the most assessments,
# then charts rotating over the 200 patients with the most.
# Usage: [WARMUP=45] [POOL=connections] bench/registry-pages.sh [patients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DURATION=${2:-30}
PORT=5099
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source scripts/throwaway-postgres.sh
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl

export Database__Provider=PostgreSQL
# The pool is sized to the database server, as the README advises: about twice its cores plus one.
# With more connections than that, 16 busy PostgreSQL backends time-slice the same two cores and
# the slowest requests wait longest (docs/benchmarks.md, eleventh run).
POOL=${POOL:-$(( 2 * $(nproc) + 1 ))}
export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PG_PORT;Database=ctc_bench;Username=postgres;Maximum Pool Size=$POOL"
export Admin__Email=bench@bench.local Admin__Password=Bench-password-1234 Demo__Enabled=false
export DataProtection__KeysPath="$PG_TMP/keys" Logging__LogLevel__Default=Warning
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ctc_bench" postgres

dotnet build src/CellTherapyCenter.Web -c Release -nologo -v quiet >/dev/null
bin="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
web="dotnet $bin/CellTherapyCenter.Web.dll"

echo "== seeding $N synthetic patients"
start=$(date +%s.%N)
# About 15 ALSFRS-R per patient: clinic visits plus monthly self-reports in 70% of months.
$web seed-demo --patients "$N" --self-report-share 0.7 --without-follow-up --contentRoot "$bin"
seed_seconds=$(echo "$(date +%s.%N) - $start" | bc)
echo "seeding took ${seed_seconds}s (wall clock, including migrations)"
sql() { pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -tAc "$1"; }
counts="$(sql 'SELECT count(*) FROM "Patients"') patients, $(sql 'SELECT count(*) FROM "AlsfrsRAssessments"') assessments"
echo "$counts"
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -qc "VACUUM ANALYZE"
# Seeding leaves gigabytes of dirty pages: write them out now, so that the checkpoint the seeding
# would otherwise trigger does not stall commits in the middle of a measurement.
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -qc "CHECKPOINT"
# The cohort is seeded without follow-up schedules, so the scheduler's first pass would write all
# 3.4 million items while the pages are measured; it has its own benchmark (bench/follow-up-scheduler.sh).
export FollowUp__SchedulerEnabled=false

$web --urls "http://127.0.0.1:$PORT" --contentRoot "$bin" >"${APP_LOG:-$PG_TMP/app.log}" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true; stop_throwaway_postgres' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

jar="$PG_TMP/cookies"
token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/staff/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "http://localhost:$PORT/staff/login" \
  --data-urlencode "Email=$Admin__Email" --data-urlencode "Password=$Admin__Password" --data-urlencode "__RequestVerificationToken=$token"
# Send the session's cookies as a browser does: the sign-in and the antiforgery cookie. Without
# the latter, every page would make (and encrypt) a new antiforgery cookie for a client that drops it.
cookie=$(awk '$6 == "ctc.staff" || $6 == "ctc.af" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar")
case "$cookie" in *ctc.staff=*) ;; *) echo "sign-in failed"; exit 1 ;; esac

patient=$(pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -tAc \
  'SELECT "PatientId" FROM "AlsfrsRAssessments" GROUP BY "PatientId" ORDER BY count(*) DESC, "PatientId" LIMIT 1')
# The same patient again and again finds its rows in every cache; the rotation over the 200 patients
# with the most assessments is the fairer measure of charts opened by different clinicians.
paths="$PG_TMP/chart-paths"
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -tAc \
  "SELECT '/staff/patients/' || \"PatientId\" FROM \"AlsfrsRAssessments\" GROUP BY \"PatientId\" ORDER BY count(*) DESC, \"PatientId\" LIMIT 200" > "$paths"
list="http://127.0.0.1:$PORT/staff/patients?stage=2&status=Alive&p=3"
chart="http://127.0.0.1:$PORT/staff/patients/$patient"
for url in "$list" "$chart"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")
  [ "$code" = 200 ] || { echo "$url answered $code"; exit 1; }
done

# A server runs for days: measure it warm. The JIT keeps tiering EF Core, Npgsql and Razor code up
# for the first minute or so of load, so each page is driven for WARMUP seconds, unmeasured, first.
# wrk plays a browser (bench/staff-browser.lua): it keeps the sign-in cookie the app renews when it
# re-checks the security stamp (once a minute). With a fixed -H "Cookie: ..." every request after
# the first minute would re-check the stamp against the user store, which no browser causes.
WARMUP=${WARMUP:-45}
browse() { wrk -t2 -c16 -d"$1" --latency -s bench/staff-browser.lua "$2" -- "$cookie" ${3:+"$3"}; }
echo "== warming up both pages for ${WARMUP}s each (not measured)"
for url in "$list" "$chart"; do browse "${WARMUP}s" "$url" >/dev/null; done

echo "== wrk: patient list, filtered and paged: $list"
browse "${DURATION}s" "$list"
echo "== wrk: patient chart (the patient with the most assessments): $chart"
browse "${DURATION}s" "$chart"
echo "== wrk: patient charts rotating over the 200 patients with the most assessments"
browse "${DURATION}s" "http://127.0.0.1:$PORT" "$paths"
