#!/usr/bin/env bash
# The one command that runs Senco's whole test suite, on a fresh Debian machine (as root or with
# sudo) or a developer's. Idempotent, and quick to get going when everything is already installed.
#
#   ./test.sh                        everything
#   ./test.sh --filter Upn           only tests matching a dotnet test filter, in every suite
#   ./test.sh --suite core           only some suites: core, web-sqlite, web-postgres, browser (repeatable)
#
# 1. installs missing Debian packages (chromium, postgresql; nodejs/npm only if node is absent)
# 2. npm ci when node_modules is missing or older than package-lock.json, then npm run build
# 3. starts PostgreSQL for the run (scripts/pg-test.sh), stopping it afterwards if it started it
# 4. builds Senco.sln in Release once, then runs each suite with --no-build, TRX into TestResults/
# 5. keeps going through every suite, prints per-suite counts and `Total: N passed, M failed`,
#    and exits non-zero if anything failed (a suite that could not run counts as a failure).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"
CONFIGURATION=Release
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The test processes start the app dozens of times and JIT the same code in each; profile-guided re-compilation pays
# off in a long-running server, not here (the web suite took a quarter less CPU without it on the 2-CPU machine).
export DOTNET_TieredPGO=${DOTNET_TieredPGO:-0}
export SENCO_CHROMIUM=${SENCO_CHROMIUM:-/usr/bin/chromium}

FILTER=()
SUITES=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter) FILTER=(--filter "$2"); shift 2 ;;
    --filter=*) FILTER=(--filter "${1#--filter=}"); shift ;;
    --suite) SUITES+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ ${#SUITES[@]} -eq 0 ]] && SUITES=(core web-sqlite web-postgres browser)
wants() { [[ " ${SUITES[*]} " == *" $1 "* ]]; }

started=$SECONDS
step() { printf '\n==> %s\n' "$*"; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- 1. Debian packages ---------------------------------------------------------------------
step "System packages"
missing=()
dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s postgresql >/dev/null 2>&1 || missing+=(postgresql)
# The machine images ship Node.js 20; Debian 12's own nodejs (18) is a last resort if node is absent.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "chromium, postgresql, node and npm are installed"
fi
command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET SDK (dotnet) is not installed" >&2; exit 1; }

# --- 2. Front-end ------------------------------------------------------------------------------
step "Front-end (npm)"
# Compared by content, not by file times: a fresh clone or checkout gives package-lock.json a new time without changing it.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f node_modules/.package-lock.json || ! -f node_modules/.senco-lock-sha256 || "$(cat node_modules/.senco-lock-sha256)" != "$lock_sum" ]]; then
  npm ci --no-audit --no-fund --ignore-scripts
  echo "$lock_sum" > node_modules/.senco-lock-sha256
else
  echo "node_modules is up to date with package-lock.json"
fi
npm run --silent build

# --- 3. PostgreSQL -------------------------------------------------------------------------------
# shellcheck source=scripts/pg-test.sh
source "$ROOT/scripts/pg-test.sh"
pg_ready=0
cleanup() { pg_test_stop; }
trap cleanup EXIT
if wants web-postgres; then
  step "PostgreSQL"
  if pg_test_start; then pg_ready=1; else echo "PostgreSQL could not be started: $PG_TEST_ERROR" >&2; fi
fi

# --- 4. Build once, then run every suite ---------------------------------------------------------
step "Build (dotnet build Senco.sln -c $CONFIGURATION)"
if ! dotnet build Senco.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly; then
  echo
  echo "The build failed, so no tests ran."
  echo "Total: 0 passed, 1 failed"
  exit 1
fi

mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.trx
summary=()
total_passed=0
total_failed=0

# counters FILE -> "total passed failed" from a TRX file's <Counters .../> element
counters() {
  local line
  line=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 || true)
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$line"; }
  echo "$(attr total) $(attr passed) $(attr failed)"
}

record() { # name passed failed skipped seconds note
  local name=$1 passed=$2 failed=$3 skipped=$4 secs=$5 note=${6:-}
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$(printf '  %-28s passed %4d   failed %3d   skipped %3d   %4ds  %s' "$name" "$passed" "$failed" "$skipped" "$secs" "$note")")
}

# run_suite NAME PROJECT [env(1) arguments: -u NAME first, then NAME=VALUE...]
run_suite() {
  local name=$1 project=$2; shift 2
  local trx="$RESULTS/$name.trx" t0=$SECONDS code=0
  step "Tests: $name ($project)"
  env "$@" dotnet test "$project" --no-build -c "$CONFIGURATION" -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" --blame-hang-timeout 10m --blame-hang-dump-type none "${FILTER[@]}" || code=$?

  local secs=$((SECONDS - t0))
  if [[ ! -f "$trx" ]]; then
    record "$name" 0 1 0 "$secs" "did not run (dotnet test exit code $code; see above)"
    return
  fi
  local total passed failed skipped
  read -r total passed failed <<<"$(counters "$trx")"
  total=${total:-0} passed=${passed:-0} failed=${failed:-0}
  skipped=$((total - passed - failed))
  ((skipped < 0)) && skipped=0
  if [[ $code -ne 0 && $failed -eq 0 ]]; then
    record "$name" "$passed" 1 "$skipped" "$secs" "test run failed (exit code $code) though no test failed: see above"
  else
    record "$name" "$passed" "$failed" "$skipped" "$secs"
  fi
}

wants core && run_suite core tests/Senco.Core.Tests
wants web-sqlite && run_suite web-sqlite tests/Senco.Web.Tests -u SENCO_TEST_POSTGRES SENCO_TEST_DB=Sqlite
if wants web-postgres; then
  if [[ $pg_ready == 1 ]]; then
    run_suite web-postgres tests/Senco.Web.Tests SENCO_TEST_DB=Postgres SENCO_TEST_POSTGRES="$SENCO_TEST_POSTGRES"
  else
    record web-postgres 0 1 0 0 "NOT RUN: PostgreSQL could not be started: $PG_TEST_ERROR"
  fi
fi
wants browser && run_suite browser tests/Senco.Browser.Tests SENCO_CHROMIUM="$SENCO_CHROMIUM"

# --- 5. Summary ----------------------------------------------------------------------------------
find "$RESULTS" -mindepth 1 -type d -empty -delete 2>/dev/null || true # the blame collector's empty folders
printf '\n==> Results (TRX files in %s; screenshots of pages that failed axe in %s/screenshots, of every page checked with SENCO_SCREENSHOTS=1)\n' \
  "${RESULTS#"$ROOT"/}" "${RESULTS#"$ROOT"/}"
printf '%s\n' "${summary[@]}"
printf '  took %ds\n\n' "$((SECONDS - started))"
echo "Total: $total_passed passed, $total_failed failed"
[[ $total_failed -eq 0 ]]
