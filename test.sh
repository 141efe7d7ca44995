#!/usr/bin/env bash
# Runs every test project against SQLite and against a throwaway PostgreSQL cluster on
# 127.0.0.1 that lives in a temporary directory and is stopped and deleted afterwards.
# Installs what it lacks with apt-get (PostgreSQL, and Chromium for the browser tests). CI calls
# exactly this script.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source scripts/throwaway-postgres.sh
# The browser tests drive Debian's Chromium (tests/CellTherapyCenter.Browser.Tests), never a Playwright download.
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium from apt"
  apt_install chromium
fi
export CTC_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=20"

dotnet tool restore >/dev/null
# Packages exactly as packages.lock.json records them: a changed dependency fails here, not later.
dotnet restore CellTherapyCenter.slnx --locked-mode -v quiet
dotnet build CellTherapyCenter.slnx -c Release -nologo -v quiet
# Whitespace and style as .editorconfig says (rules at warning). FORMAT_CHECK=0 skips it.
format_status=0
if [ "${FORMAT_CHECK:-1}" != 0 ]; then
  dotnet format CellTherapyCenter.slnx --verify-no-changes --no-restore --severity warn -v quiet || format_status=$?
  [ "$format_status" = 0 ] || echo "dotnet format: files differ from .editorconfig; 'dotnet format CellTherapyCenter.slnx' fixes them"
fi
log="$PG_TMP/test.log"
set +e
dotnet test CellTherapyCenter.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line summing every test project: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
[ "$status" = 0 ] && status=$format_status
exit "$status"
