#!/usr/bin/env bash
# Benchmark of issue 18's FHIR search: GET /fhir/Observation?patient=X&code=82954-9 (a patient's
# ALSFRS-R Observations, a searchset Bundle of up to 50, audited as every search is) with 16
# clients. Seeds N synthetic patients (default 100,000) into a throwaway PostgreSQL, or reuses a
# seeded one (DB_ENV=/work/benchdb/NAME.env, as /work/benchdb/keep-pg*.sh write it), starts the
# app in Release on loopback (pool of 2 x cores + 1, scheduler off), registers a FHIR client
# (system/*.read, an ES384 key made here), picks 1,000 patients with ALSFRS-R at random (the same
# ones for the same database) and drives the search over them with wrk -t2 -c16 --latency
# (bench/fhir-search.lua: bearer token, each request the next patient), after WARMUP seconds
# unmeasured. Each wrk run gets a fresh access token (they live five minutes).
# Usage: [NO_BUILD=1] [DB_ENV=file] [WARMUP=30] [RUNS=1] [POOL=n] bench/fhir-search.sh [patients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DURATION=${2:-30}
WARMUP=${WARMUP:-30}
RUNS=${RUNS:-1}
PORT=${PORT:-5098}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -n "${DB_ENV:-}" ]; then
  source "$DB_ENV"
  pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  WORK=$(mktemp -d /tmp/ctc-search-bench.XXXXXX)
  cleanup() { rm -rf "$WORK"; }
else
  source scripts/throwaway-postgres.sh
  WORK=$PG_TMP
  cleanup() { stop_throwaway_postgres; }
fi
trap cleanup EXIT
# (apt_install by hand: sourcing throwaway-postgres.sh for it would start a second cluster.)
for tool in wrk curl; do command -v $tool >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $tool >/dev/null; }; done

export Database__Provider=PostgreSQL
POOL=${POOL:-$(( 2 * $(nproc) + 1 ))}
export ConnectionStrings__Registry="Host=127.0.0.1;Port=$PG_PORT;Database=ctc_bench;Username=postgres;Maximum Pool Size=$POOL"
export Admin__Email=owner@clinic.example Admin__Password=Search-measure-1234 Demo__Enabled=false
export DataProtection__KeysPath="$WORK/keys" Logging__LogLevel__Default=Warning FollowUp__SchedulerEnabled=false
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
fi
echo "== $(sql 'SELECT count(*) FROM "Patients"') patients, $(sql 'SELECT count(*) FROM "AlsfrsRAssessments" WHERE "VoidedAt" IS NULL') ALSFRS-R"

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

# 1,000 patients with ALSFRS-R, drawn at random but the same for the same database (setseed).
paths="$WORK/search-paths"
sql "SELECT setseed(0.18); SELECT '/fhir/Observation?patient=' || p FROM (SELECT DISTINCT \"PatientId\" AS p FROM \"AlsfrsRAssessments\" WHERE \"VoidedAt\" IS NULL ORDER BY 1) s ORDER BY random() LIMIT 1000" \
  | grep '^/' | sed 's/$/\&code=82954-9/' > "$paths"
echo "== $(wc -l < "$paths") patients; one of them: $(head -1 "$paths")"
refresh_token
code=$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT$(head -1 "$paths")")
[ "$code" = 200 ] || { echo "the search answered $code: $(head -c 400 "$WORK/first.json")"; exit 1; }
python3 - "$WORK/first.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
print(f"== the first search: a {b['type']} of {len(b.get('entry', []))} entries, total {b.get('total')}, {len(open(sys.argv[1], 'rb').read())} bytes")
PY

search() { token=; refresh_token; wrk -t2 -c16 -d"$1" --latency -s bench/fhir-search.lua "http://127.0.0.1:$PORT" -- "$token" "$paths"; }
echo "== warming up for ${WARMUP}s (not measured)"
search "${WARMUP}s" >/dev/null
for run in $(seq 1 "$RUNS"); do
  echo "== wrk run $run: GET /fhir/Observation?patient=X&code=82954-9 over the 1,000 patients; $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  search "${DURATION}s"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
