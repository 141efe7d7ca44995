#!/usr/bin/env bash
# Benchmark of issue 14 (patient search): seeds N synthetic patients (default 100,000) into a
# throwaway PostgreSQL with binary COPY (one clinic visit's worth of records each: no self-reports,
# no follow-up schedules, which the list does not read), starts the app in Release on loopback,
# signs in, and drives the patient search with wrk (16 connections, 2 threads, a signed-in browser:
# bench/staff-browser.lua), each request the next query of a rotating list:
#   names   - parts of names in any order, without diacritics, in Cyrillic, some sorted by a column;
#   contact - 300 patients' codes without prefix, phones as dialled at home, emails in capitals;
#   names, all=true - the name searches asking for every match where more than 1,000 match.
# Then, for comparison under the same load, the filtered list without a search (issue 2's page).
# Usage: [WARMUP=30] [POOL=connections] [NO_BUILD=1] bench/patient-search.sh [patients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DURATION=${2:-30}
PORT=5098
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source scripts/throwaway-postgres.sh
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl

export Database__Provider=PostgreSQL
POOL=${POOL:-$(( 2 * $(nproc) + 1 ))}
export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PG_PORT;Database=ctc_bench;Username=postgres;Maximum Pool Size=$POOL"
export Admin__Email=bench@bench.local Admin__Password=Bench-password-1234 Demo__Enabled=false
export DataProtection__KeysPath="$PG_TMP/keys" Logging__LogLevel__Default=Warning
export FollowUp__SchedulerEnabled=false
pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ctc_bench" postgres
sql() { pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -d ctc_bench -tAc "$1"; }

[ -n "${NO_BUILD:-}" ] || dotnet build src/CellTherapyCenter.Web -c Release -nologo -v quiet >/dev/null
bin="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
web="dotnet $bin/CellTherapyCenter.Web.dll"

echo "== seeding $N synthetic patients"
start=$(date +%s.%N)
$web seed-demo --patients "$N" --self-report-share 0 --without-follow-up --contentRoot "$bin"
echo "seeding took $(echo "$(date +%s.%N) - $start" | bc)s; $(sql 'SELECT count(*) FROM "Patients"') patients," \
  "$(sql "SELECT count(*) FROM \"Patients\" WHERE \"SearchText\" = ''") without search text"
sql 'VACUUM ANALYZE' >/dev/null
sql 'CHECKPOINT' >/dev/null

$web --urls "http://127.0.0.1:$PORT" --contentRoot "$bin" >"${APP_LOG:-$PG_TMP/app.log}" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true; stop_throwaway_postgres' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

jar="$PG_TMP/cookies"
token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/staff/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "http://localhost:$PORT/staff/login" \
  --data-urlencode "Email=$Admin__Email" --data-urlencode "Password=$Admin__Password" --data-urlencode "__RequestVerificationToken=$token"
cookie=$(awk '$6 == "ctc.staff" || $6 == "ctc.af" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar")
case "$cookie" in *ctc.staff=*) ;; *) echo "sign-in failed"; exit 1 ;; esac

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
names="$PG_TMP/name-queries"
for q in "petrovic" "ana petro" "Петровић" "Шевченко" "kovalenko olena" "jovanovic marko" "nikol" "Iryna Bondarenko" \
         "dragan ilic" "Коваленко" "smith sara" "horvat"; do
  for extra in "" "&sort=visit&dir=desc" "&sort=alsfrs" "&p=40"; do echo "/staff/patients?q=$(enc "$q")$extra"; done
done > "$names"
contact="$PG_TMP/contact-queries"
# Codes without "CTC-", phones as dialled in Serbia (0 64 ...), emails in capitals.
sql "SELECT substr(\"Pseudonym\", 5), '0' || substr(\"Phone\", 5, 2) || ' ' || substr(\"Phone\", 7, 3) || ' ' || substr(\"Phone\", 10), upper(\"Email\")
     FROM \"Patients\" ORDER BY md5(\"Id\"::text) LIMIT 100" | while IFS='|' read -r code phone email; do
  echo "/staff/patients?q=$(enc "$code")"; echo "/staff/patients?q=$(enc "$phone")"; echo "/staff/patients?q=$(enc "$email")"
done > "$contact"
for file in "$names" "$contact"; do
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path")
    [ "$code" = 200 ] || { echo "$path answered $code"; exit 1; }
  done < "$file"
done
# What each name query answers: its number of matches, or "more than 1,000" (the list asks for a narrower search).
for q in $(grep -v '&' "$names"); do
  echo "  $q: $(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$PORT$q" | grep -o '<caption>[0-9]* patient\|More than [0-9,]* patients' | head -1 | sed 's/<caption>//')"
done
echo "matches:" \
  "one code $(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$PORT$(head -1 "$contact")" | grep -o '<caption>[0-9]* patient' | grep -o '[0-9]*')," \
  "one phone $(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$PORT$(sed -n 2p "$contact")" | grep -o '<caption>[0-9]* patient' | grep -o '[0-9]*')"

WARMUP=${WARMUP:-30}
browse() { wrk -t2 -c16 -d"$1" --latency -s bench/staff-browser.lua "http://127.0.0.1:$PORT" -- "$cookie" "$2"; }
echo "== warming up for ${WARMUP}s each (not measured)"
for file in "$names" "$contact"; do browse "${WARMUP}s" "$file" >/dev/null; done
echo "== load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk: name searches rotating over $(wc -l < "$names") queries"
browse "${DURATION}s" "$names"
echo "== wrk: code, phone and email searches rotating over $(wc -l < "$contact") queries"
browse "${DURATION}s" "$contact"
# The same name searches asking for every match (all=true): what a search past the limit costs when staff insist.
sed 's/$/\&all=true/' "$names" > "$names-all"
browse 10s "$names-all" >/dev/null
echo "== wrk: name searches listing every match (all=true)"
browse "${DURATION}s" "$names-all"
# The same list without a search, as bench/registry-pages.sh drives it: on a shared machine the
# search's figures mean something only beside this one, taken under the same load.
control="http://127.0.0.1:$PORT/staff/patients?stage=2&status=Alive&p=3"
wrk -t2 -c16 -d10s -s bench/staff-browser.lua "$control" -- "$cookie" >/dev/null
echo "== wrk: control, the list filtered and paged without a search: $control"
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/staff-browser.lua "$control" -- "$cookie"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
