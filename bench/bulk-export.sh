#!/usr/bin/env bash
# Benchmark of issue 18's bulk export: seeds N synthetic patients (default 100,000, with their
# follow-up schedules) into a throwaway PostgreSQL, starts the app in Release on loopback, registers
# a FHIR client (an ES384 key made here), kicks off GET /fhir/$export, polls the status URL until it
# answers 200, downloads every file, and prints resources, seconds (kick-off to the last byte
# downloaded), resources per second and the app's peak resident memory (VmHWM).
# Access tokens live five minutes: a new one is signed and fetched whenever the last is 4 minutes old.
# DB_ENV=/work/benchdb/NAME.env runs against a database seeded before (as /work/benchdb/keep-pg*.sh
# write it: PG_TMP, PG_PORT, PGBIN) instead of seeding one; its earlier export jobs are deleted first.
# SAVE_TO=folder keeps the downloaded files there (to compare two builds' exports), else they are only counted.
# PROGRESS=1 prints the job's progress every 5 s while it runs.
# Usage: [NO_BUILD=1] [DB_ENV=file] [SAVE_TO=folder] [PROGRESS=1] bench/bulk-export.sh [patients]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PORT=${PORT:-5097}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -n "${DB_ENV:-}" ]; then
  source "$DB_ENV"
  pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  WORK=$(mktemp -d /tmp/ctc-export-bench.XXXXXX)
  cleanup() { rm -rf "$WORK"; }
else
  source scripts/throwaway-postgres.sh
  WORK=$PG_TMP
  cleanup() { stop_throwaway_postgres; }
fi
trap cleanup EXIT
# (apt-get by hand: sourcing throwaway-postgres.sh for its apt_install would start a second cluster.)
command -v curl >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >/dev/null; }

export Database__Provider=PostgreSQL
export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PG_PORT;Database=ctc_bench;Username=postgres"
export Admin__Email=owner@clinic.example Admin__Password=Export-measure-1234 Demo__Enabled=false
export DataProtection__KeysPath="$WORK/keys" Logging__LogLevel__Default=Warning
export FollowUp__SchedulerEnabled=false Fhir__Export__Directory="$WORK/export"
sql() { pg_as_owner "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d ctc_bench -tAc "$1"; }

[ -n "${NO_BUILD:-}" ] || dotnet build src/CellTherapyCenter.Web -c Release -nologo -v quiet >/dev/null
bin="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
web="dotnet $bin/CellTherapyCenter.Web.dll"

if [ -z "${DB_ENV:-}" ]; then
  pg_as_owner "$PGBIN/psql" -h "$PG_TMP" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE ctc_bench" postgres
  echo "== seeding $N synthetic patients"
  $web seed-demo --patients "$N" --contentRoot "$bin"
  sql 'VACUUM ANALYZE' >/dev/null
  sql 'CHECKPOINT' >/dev/null
else
  sql 'DELETE FROM "BulkExportJobs"' >/dev/null
  echo "== reusing the database of $DB_ENV: $(sql 'SELECT count(*) FROM "Patients"') patients"
fi

key="$WORK/client"
python3 - "$key" <<'PY'
import base64, json, sys
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import serialization
k = ec.generate_private_key(ec.SECP384R1())
n = k.public_key().public_numbers()
b = lambda i: base64.urlsafe_b64encode(i.to_bytes(48, "big")).rstrip(b"=").decode()
open(sys.argv[1] + ".pem", "wb").write(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
json.dump({"keys": [{"kty": "EC", "kid": "ec1", "alg": "ES384", "crv": "P-384", "x": b(n.x), "y": b(n.y)}]}, open(sys.argv[1] + ".jwks", "w"))
PY
client=$($web fhir-client add --name Bench --jwks "$key.jwks" --scopes "system/*.read" --contentRoot "$bin" | tail -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientId"])')

$web --urls "http://127.0.0.1:$PORT" --contentRoot "$bin" >"${APP_LOG:-$WORK/app.log}" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

# Signs a new client assertion and fetches a new access token when there is none or the last is
# 4 minutes old (tokens live 5): called before each request, so a long export never outlives its token.
token= token_at=0
refresh_token() {
  [ -n "$token" ] && [ $((SECONDS - token_at)) -lt 240 ] && return
  assertion=$(python3 - "$key.pem" "$client" "http://127.0.0.1:$PORT/" <<'PY'
import base64, json, sys, time, uuid
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
k = serialization.load_pem_private_key(open(sys.argv[1], "rb").read(), None)
e = lambda d: base64.urlsafe_b64encode(d).rstrip(b"=")
now = int(time.time())
head = e(json.dumps({"alg": "ES384", "kid": "ec1", "typ": "client-authentication+jwt"}).encode())
body = e(json.dumps({"iss": sys.argv[2], "sub": sys.argv[2], "aud": sys.argv[3], "jti": str(uuid.uuid4()), "iat": now, "nbf": now, "exp": now + 240}).encode())
r, s = decode_dss_signature(k.sign(head + b"." + body, ec.ECDSA(hashes.SHA384())))
print((head + b"." + body + b"." + e(r.to_bytes(48, "big") + s.to_bytes(48, "big"))).decode())
PY
)
  token=$(curl -s "http://127.0.0.1:$PORT/fhir/auth/token" -d grant_type=client_credentials \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer -d "client_assertion=$assertion" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  token_at=$SECONDS
}
refresh_token

echo "load average at the kick-off: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
status=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" -H "Prefer: respond-async" "http://127.0.0.1:$PORT/fhir/\$export" \
  | tr -d '\r' | awk 'tolower($1) == "content-location:" {print $2}')
polls=0
while refresh_token && [ "$(curl -s -D "$WORK/status.headers" -o "$WORK/manifest.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$status")" = 202 ]; do
  # PROGRESS=1: the job's progress every 5 s (it moves as files are finished and the lease is renewed).
  if [ -n "${PROGRESS:-}" ] && [ $((++polls % 10)) = 0 ]; then
    echo "  $(echo "$(date +%s.%N) - $start" | bc | cut -d. -f1) s: $(tr -d '\r' < "$WORK/status.headers" | awk 'tolower($1) == "x-progress:" {$1 = ""; print}')"
  fi
  sleep 0.5
done
exported=$(echo "$(date +%s.%N) - $start" | bc)
resources=0
for url in $(python3 -c 'import json,sys; [print(o["url"]) for o in json.load(open(sys.argv[1]))["output"]]' "$WORK/manifest.json"); do
  refresh_token
  if [ -n "${SAVE_TO:-}" ]; then
    mkdir -p "$SAVE_TO"
    curl -s -o "$SAVE_TO/${url##*/}" -H "Authorization: Bearer $token" "$url"
    lines=$(wc -l < "$SAVE_TO/${url##*/}")
  else
    lines=$(curl -s -H "Authorization: Bearer $token" "$url" | wc -l)
  fi
  resources=$((resources + lines))
done
seconds=$(echo "$(date +%s.%N) - $start" | bc)
python3 - "$WORK/manifest.json" <<'PY'
import collections, json, sys
counts = collections.Counter()
for o in json.load(open(sys.argv[1]))["output"]: counts[o["type"]] += o["count"]
print("manifest: " + ", ".join(f"{t} {c}" for t, c in counts.items()))
PY
echo "export written in ${exported}s, downloaded by ${seconds}s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "exported $resources resources of $N patients in ${seconds}s: $(echo "$resources / $seconds" | bc) resources/s;" \
  "app peak memory $(awk '/VmHWM/ {print $2 / 1024 " MB"}' /proc/$app_pid/status)"
