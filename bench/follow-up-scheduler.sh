#!/usr/bin/env bash
# Benchmark of issue 5's scheduler: seeds N synthetic patients (default 100,000) with their
# courses' follow-up schedules into a throwaway PostgreSQL, then times the scheduler's pass (find
# what is due, complete what visits and self-reports cover, queue one reminder per due item in the
# outbox) in a fresh process: `follow-up-pass --repeat 4 --step-days 14`. The first pass queues
# every reminder due on the data date, cold; each further pass runs 14 days later on the calendar
# and queues the reminders due then, warm. A last run on the data date finds nothing new (the
# steady state between windows opening). Quiet hours are switched off so the result does not
# depend on the hour.
# Usage: bench/follow-up-scheduler.sh [patients]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source scripts/throwaway-postgres.sh

export Database__Provider=PostgreSQL
export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PG_PORT;Database=ctc_bench;Username=postgres;Maximum Pool Size=64"
export Admin__Email=bench@bench.local Admin__Password=Bench-password-1234 Demo__Enabled=false
export DataProtection__KeysPath="$PG_TMP/keys" Logging__LogLevel__Default=Warning
# The demo cohort is synthetic, and synthetic patients get no reminders unless asked for.
export FollowUp__QuietHoursStart=00:00 FollowUp__QuietHoursEnd=00:00 FollowUp__RemindSyntheticPatients=true
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ctc_bench" postgres

dotnet build src/CellTherapyCenter.Web -c Release -nologo -v quiet >/dev/null
bin="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
web="dotnet $bin/CellTherapyCenter.Web.dll"
sql() { pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -tAc "$1"; }

echo "== seeding $N synthetic patients with their follow-up schedules"
$web seed-demo --patients "$N" --self-report-share 0.7 --contentRoot "$bin"
echo "$(sql 'SELECT count(*) FROM "Patients"') patients, $(sql 'SELECT count(*) FROM "TreatmentCourses"') courses," \
  "$(sql 'SELECT count(*) FROM "FollowUpItems"') follow-up items ($(sql 'SELECT count(*) FROM "FollowUpItems" WHERE "Status" = 1') open)"
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -qc "VACUUM ANALYZE"

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== follow-up-pass --repeat 4 --step-days 14: the data date, then 14, 28 and 42 days later (fresh process: pass 1 includes JIT and EF model building)"
$web follow-up-pass --repeat 4 --step-days 14 --contentRoot "$bin"
echo "$(sql 'SELECT count(*) FROM "FollowUpReminders"') reminders, $(sql 'SELECT count(*) FROM "OutboundEmails"') queued emails"

echo "== the steady state: follow-up-pass --repeat 3 on the data date again (everything due is queued already)"
$web follow-up-pass --repeat 3 --contentRoot "$bin"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
