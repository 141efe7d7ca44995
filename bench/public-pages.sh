#!/usr/bin/env bash
# Benchmark of issue 3: the public content pages against a bare "hello" endpoint of the same app,
# in the same run: wrk with 64 connections and 2 threads on loopback. The app runs in Release on
# SQLite with the demo cohort, as the README's run command does.
# Usage: [WARMUP=10] bench/public-pages.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
WARMUP=${WARMUP:-10}
PORT=5098
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
apt_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; fi
}
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl

work=$(mktemp -d /tmp/ctc-public-bench.XXXXXX)
dotnet build src/CellTherapyCenter.Web -c Release -nologo -v quiet >/dev/null
bin="$PWD/src/CellTherapyCenter.Web/bin/Release/net10.0"
Database__SqlitePath="$work/registry.db" DataProtection__KeysPath="$work/keys" Benchmarks__HelloEndpoint=true \
  Logging__LogLevel__Default=Warning dotnet "$bin/CellTherapyCenter.Web.dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$bin" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

paths=(/hello / /als /outcomes)
for p in "${paths[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$p")
  [ "$code" = 200 ] || { echo "$p answered $code"; exit 1; }
  wrk -t2 -c64 -d"${WARMUP}s" "http://127.0.0.1:$PORT$p" >/dev/null
done

declare -A rps p99
for p in "${paths[@]}"; do
  echo "== wrk -t2 -c64 -d${DURATION}s --latency http://127.0.0.1:$PORT$p"
  out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$p")
  echo "$out"
  rps[$p]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99[$p]=$(echo "$out" | awk '$1 == "99%" {print $2}')
done

echo
echo "| path | requests/s | share of /hello | p99 |"
echo "| --- | --- | --- | --- |"
for p in "${paths[@]}"; do
  share=$(echo "scale=2; ${rps[$p]} / ${rps[/hello]}" | bc)
  echo "| $p | ${rps[$p]} | $share | ${p99[$p]} |"
done
