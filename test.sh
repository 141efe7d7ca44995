#!/usr/bin/env bash
# Runs every test project against SQLite and against a throwaway PostgreSQL cluster on
# 127.0.0.1 that lives in a temporary directory and is stopped and deleted afterwards.
# Installs what it lacks with apt-get (PostgreSQL). CI calls exactly this script.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  echo "test.sh: installing PostgreSQL from apt"
  apt_install postgresql
fi
PGBIN=$(pg_bin)

# A throwaway cluster. PostgreSQL refuses to run as root, so run it as the postgres user then.
tmp=$(mktemp -d /tmp/ctc-pg.XXXXXX)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

stop_pg() {
  run_pg "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop_pg EXIT

run_pg "$PGBIN/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -o \
  "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c synchronous_commit=on" start >/dev/null
echo "test.sh: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export CTC_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=20"

dotnet tool restore >/dev/null
dotnet build CellTherapyCenter.slnx -c Release -nologo -v quiet
log="$tmp/test.log"
set +e
dotnet test CellTherapyCenter.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line summing every test project: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
