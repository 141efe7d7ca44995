#!/usr/bin/env bash
# Benchmark of issue 17: /outcomes from the output cache against the bare /hello endpoint of the
# same app. On a shared machine the load swings within seconds, so the two paths are driven in
# alternation (ROUNDS rounds of /hello then /outcomes, wrk with 64 connections and 2 threads on
# loopback) and each round's ratio is reported with the median ratio and the median p99s.
# Both paths are asked with the Accept-Encoding a browser sends (ENCODING; Chromium's by default,
# ENCODING= for none): the public pages are cached compressed (PublicPageCompression).
# Usage: [ROUNDS=5] [WARMUP=10] [ENCODING=...] [BASE=http://127.0.0.1:5099] bench/outcomes-page.sh [seconds per path per round]
# Without BASE the app is built and started as bench/public-pages.sh does (Release, SQLite, demo cohort).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-10}
ENCODING=${ENCODING-gzip, deflate, br, zstd}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
if [ -z "${BASE:-}" ]; then
  PORT=5099
  BASE="http://127.0.0.1:$PORT"
  work=$(mktemp -d /tmp/ctc-outcomes-bench.XXXXXX)
  dotnet build src/CellTherapyCenter.Web -c Release -nologo -v quiet >/dev/null
  bin="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
  Database__SqlitePath="$work/registry.db" DataProtection__KeysPath="$work/keys" Benchmarks__HelloEndpoint=true \
    Logging__LogLevel__Default=Warning dotnet "$bin/CellTherapyCenter.Web.dll" --urls "$BASE" --contentRoot "$bin" >"$work/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 240); do curl -fs "$BASE/health" >/dev/null && break; sleep 0.5; done
fi

header=(-H "Accept-Encoding: $ENCODING")
echo "Accept-Encoding: '$ENCODING'; bytes sent: /hello $(curl -s "${header[@]}" "$BASE/hello" | wc -c), /outcomes $(curl -s "${header[@]}" "$BASE/outcomes" | wc -c); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in /hello /outcomes; do wrk -t2 -c64 -d"${WARMUP}s" "${header[@]}" "$BASE$p" >/dev/null; done
ratios=() hello99=() outcomes99=()
ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }
echo "| round | /hello req/s | /hello p99 | /outcomes req/s | /outcomes p99 | ratio | load |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for r in $(seq 1 "$ROUNDS"); do
  h=$(wrk -t2 -c64 -d"${DURATION}s" --latency "${header[@]}" "$BASE/hello")
  o=$(wrk -t2 -c64 -d"${DURATION}s" --latency "${header[@]}" "$BASE/outcomes")
  hr=$(echo "$h" | awk '/Requests\/sec/ {print $2}'); hp=$(echo "$h" | awk '$1 == "99%" {print $2}' | ms)
  orps=$(echo "$o" | awk '/Requests\/sec/ {print $2}'); op=$(echo "$o" | awk '$1 == "99%" {print $2}' | ms)
  ratio=$(echo "scale=2; $orps / $hr" | bc)
  ratios+=("$ratio"); hello99+=("$hp"); outcomes99+=("$op")
  echo "| $r | $hr | $hp ms | $orps | $op ms | $ratio | $(cut -d' ' -f1 /proc/loadavg) |"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
echo "median ratio $(median "${ratios[@]}"); median p99: /hello $(median "${hello99[@]}") ms, /outcomes $(median "${outcomes99[@]}") ms"
