# Sourced by test.sh and the benchmarks: installs PostgreSQL with apt-get if missing and starts
# a throwaway cluster on 127.0.0.1 in a temporary directory, stopped and deleted on exit.
# After sourcing: $PG_PORT, $PG_TMP, $PGBIN, and the function pg_as_owner.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

_apt_updated=
apt_install() {
  [ -n "$_apt_updated" ] || { as_root apt-get update -qq; _apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ -z "$(_pg_bin)" ] || [ ! -x "$(_pg_bin)/initdb" ]; then
  echo "installing PostgreSQL from apt"
  apt_install postgresql
fi
PGBIN=$(_pg_bin)

# PostgreSQL refuses to run as root, so run it as the postgres user then.
pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PG_TMP=$(mktemp -d "${PG_TMP_PARENT:-/tmp}/ctc-pg.XXXXXX")
[ "$(id -u)" = 0 ] && chown postgres "$PG_TMP"
PG_PORT=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done

stop_throwaway_postgres() {
  pg_as_owner "$PGBIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
trap stop_throwaway_postgres EXIT

pg_as_owner "$PGBIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_as_owner "$PGBIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -o \
  "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c synchronous_commit=on ${PG_EXTRA_OPTIONS:-}" start >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
