#!/usr/bin/env bash
# Runs every test project against SQLite and against a throwaway PostgreSQL cluster on
# 127.0.0.1 that lives in a temporary directory and is stopped and deleted afterwards.
# Installs what it lacks with apt-get (PostgreSQL, and Chromium for the browser tests). CI calls
# exactly this script. Builds once, then runs three stages (unit tests, web tests, browser tests),
# each timed (formatting is checked by the build); the last line sums them: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Only for this throwaway cluster, deleted after the run: in memory when /dev/shm exists, no fsync
# and no full-page writes (a crash of the machine loses nothing worth keeping); synchronous_commit
# off on the server, so the test that reads it on the app's connection proves the app pins it on.
PG_TMP_PARENT=$([ -d /dev/shm ] && echo /dev/shm || echo /tmp) \
  PG_EXTRA_OPTIONS="-c fsync=off -c full_page_writes=off -c synchronous_commit=off" source scripts/throwaway-postgres.sh
# The browser tests drive Debian's Chromium (tests/CellTherapyCenter.Browser.Tests), never a Playwright download.
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium from apt"
  apt_install chromium
fi
# The PDF summary's tests render it with poppler (pdftoppm for the pages, pdftotext for their text).
if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "installing poppler-utils from apt"
  apt_install poppler-utils
fi
# The backup tests run pg_dump and pg_restore (Debian's postgresql-client; the postgresql package brings it).
if ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null; then
  echo "installing postgresql-client from apt"
  apt_install postgresql-client
fi
export CTC_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=20"

dotnet tool restore >/dev/null
started=$SECONDS
# Packages exactly as packages.lock.json records them: a changed dependency fails here, not later.
dotnet restore CellTherapyCenter.slnx --locked-mode -v quiet
dotnet build CellTherapyCenter.slnx -c Release -nologo -v quiet --no-restore
echo "build: $((SECONDS - started)) s"
# Whitespace, layout and naming as .editorconfig says fail the build above (IDE0055, IDE1006 at
# warning, warnings as errors): a separate `dotnet format --verify-no-changes` pass took 77 s of CI.
# What the compiler's formatter does not see: line endings and final newlines of the C# sources.
format_status=0
bad_endings=$(git ls-files -z '*.cs' | xargs -0 -r grep -lI $'\r' || true)
missing_newline=$(git ls-files -z '*.cs' | while IFS= read -r -d '' f; do [ -s "$f" ] && [ -n "$(tail -c1 "$f")" ] && echo "$f"; done || true)
if [ -n "$bad_endings$missing_newline" ]; then
  echo "C# files with CR line endings or no final newline ('dotnet format CellTherapyCenter.slnx' fixes them):"
  printf '%s\n' $bad_endings $missing_newline
  format_status=1
fi

log="$PG_TMP/test.log"
: > "$log"
status=0
# Runs one stage: each project with `dotnet test --no-build`, its output kept for the closing sum.
stage() {
  local name=$1 project; shift
  local stage_started=$SECONDS
  for project in "$@"; do
    dotnet test "tests/$project/$project.csproj" -c Release --no-build -nologo 2>&1 | tee -a "$log" || status=1
  done
  echo "stage $name: $((SECONDS - stage_started)) s"
}

set +e
stage unit CellTherapyCenter.Clinical.Tests CellTherapyCenter.Statistics.Tests CellTherapyCenter.Outcomes.Tests CellTherapyCenter.Cli.Tests
stage web CellTherapyCenter.Web.Tests
stage browser CellTherapyCenter.Browser.Tests
set -e

# One closing line summing every test project: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
[ "$status" = 0 ] && status=$format_status
exit "$status"
