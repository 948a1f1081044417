#!/usr/bin/env bash
# Senco benchmark: one command from a clean checkout to a table of numbers.
#
#   bench/run.sh [sqlite|postgres|both]        (default: sqlite)
#
# Builds Release, generates a 2,000-pupil school plus two more (so the tenancy filter has other schools to
# filter out) into a fresh database, starts the published app on 127.0.0.1, signs in as the school's SENCO and
# drives each endpoint with wrk: a warm-up, then a measured run. Raw output and a summary go to bench/out/<db>/.
#
# Knobs (environment): BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_DURATION (20s), BENCH_WARMUP (20s: .NET re-compiles hot code for about that long after start),
# BENCH_SCHOOLS (3), BENCH_PUPILS_PER_SCHOOL (2000), BENCH_SEED (42), BENCH_PORT (5077), BENCH_SKIP_BUILD (unset),
# BENCH_APP_ENV (extra VAR=value pairs for the app, space-separated, e.g. to change its log levels),
# BENCH_PG_ADMIN (how to run psql as the PostgreSQL superuser; default "runuser -u postgres -- psql"),
# BENCH_APP_DIR (a published app to run instead of bench/out/app, e.g. a patched build to measure a fix),
# BENCH_TAG (a suffix for the results folder, bench/out/<db><tag>),
# BENCH_TRUST (set: generate the trust view's rows too, sign in as the trust SEND lead and measure the trust dashboard
# page, its API and its CSV instead of the register; bench/trust.sh sets it for 30 schools × 1,000 pupils).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TARGET="${1:-sqlite}"
case "$TARGET" in
  both) "$0" sqlite && "$0" postgres; exit $? ;;
  sqlite|postgres) ;;
  *) echo "usage: bench/run.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac

CONNS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-20s}"
SCHOOLS="${BENCH_SCHOOLS:-3}"
PUPILS="${BENCH_PUPILS_PER_SCHOOL:-2000}"
SEED="${BENCH_SEED:-42}"
PORT="${BENCH_PORT:-5077}"
PASSWORD="bench-senco-password-2026"
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/bench/out"
RUN="$OUT/$TARGET${BENCH_TAG:-}"
APP_DIR="${BENCH_APP_DIR:-$OUT/app}"
LUA="$ROOT/bench/wrk/bench.lua"

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is needed ($2)" >&2; exit 1; }; }
need dotnet "the .NET SDK"
need curl "apt-get install curl"
need jq "apt-get install jq"
if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk (Debian package)"; apt-get install -y wrk >/dev/null
fi

rm -rf "$RUN"; mkdir -p "$RUN"
log() { echo "[bench $(date +%H:%M:%S)] $*"; }

# ---------------------------------------------------------------------------------------------- build
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building Release (generator) and publishing the app to bench/out/app"
  dotnet build bench/Senco.Bench/Senco.Bench.csproj -c Release -nologo -v q >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
  dotnet publish src/Senco.Web/Senco.Web.csproj -c Release -o "$OUT/app" -nologo -v q >>"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
fi
GEN="$ROOT/bench/Senco.Bench/bin/Release/net10.0/Senco.Bench.dll"

# ------------------------------------------------------------------------------------- fresh database
if [[ "$TARGET" == sqlite ]]; then
  PROVIDER=Sqlite
  DBFILE="$RUN/senco.db"
  rm -f "$DBFILE" "$DBFILE-wal" "$DBFILE-shm"
  CS="Data Source=$DBFILE"
else
  PROVIDER=Postgres
  PSQL_ADMIN="${BENCH_PG_ADMIN:-runuser -u postgres -- psql}"
  if command -v pg_lsclusters >/dev/null && pg_lsclusters -h | awk '$1=="15" && $2=="main" && $4!="online"{f=1} END{exit !f}'; then
    log "starting PostgreSQL 15"; pg_ctlcluster 15 main start
  fi
  PGDB=senco_bench
  $PSQL_ADMIN -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'senco_bench') THEN
    CREATE ROLE senco_bench LOGIN PASSWORD 'senco_bench';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS $PGDB WITH (FORCE);
CREATE DATABASE $PGDB OWNER senco_bench;
SQL
  CS="Host=127.0.0.1;Port=5432;Username=senco_bench;Password=senco_bench;Database=$PGDB"
fi

log "generating $SCHOOLS schools × $PUPILS pupils into a fresh $PROVIDER database"
dotnet "$GEN" generate --provider "$PROVIDER" --connection "$CS" --schools "$SCHOOLS" --pupils-per-school "$PUPILS" \
  --seed "$SEED" --password "$PASSWORD" --ids-out "$RUN/pupil-ids.txt" --env-out "$RUN/bench.env" \
  ${BENCH_TRUST:+--trust-data true} | tee "$RUN/generate.log"
# shellcheck disable=SC1091
source "$RUN/bench.env"
# The trust view is measured as the person who reads it: the trust SEND lead.
[[ -n "${BENCH_TRUST:-}" ]] && BENCH_EMAIL="$BENCH_TRUST_EMAIL"

# ------------------------------------------------------------------------------------------ start app
if curl -s -o /dev/null "$BASE/health"; then
  echo "bench: something already answers on $BASE; set BENCH_PORT" >&2; exit 1
fi
log "starting the app (Release) on $BASE"
# Rate limits off: wrk is one client sending thousands of requests a second, which is what the limits exist to stop.
APP_ENV=(Database__Provider="$PROVIDER" ConnectionStrings__Senco="$CS" Senco__RateLimits__ApiPerMinute=0 Senco__RateLimits__SignInPerMinute=0)
# shellcheck disable=SC2206
[[ -n "${BENCH_APP_ENV:-}" ]] && APP_ENV+=(${BENCH_APP_ENV})
# The app's directory is its content root, so it reads its own appsettings.json as a deployment would.
# It runs under an alias of Senco.Web.dll (the same file, hard-linked): on a shared development machine other
# sessions stop stray "Senco.Web" processes by name, and that must not end a benchmark half-way.
( cd "$APP_DIR" && ln -f Senco.Web.dll senco-bench-host.dll && cp Senco.Web.runtimeconfig.json senco-bench-host.runtimeconfig.json \
    && cp Senco.Web.deps.json senco-bench-host.deps.json \
    && exec env "${APP_ENV[@]}" dotnet senco-bench-host.dll --urls "$BASE" ) >"$RUN/app.log" 2>&1 &
APP_PID=$!
cleanup() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "$BASE/health"; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "bench: the app exited; see $RUN/app.log" >&2; tail -20 "$RUN/app.log" >&2; exit 1; fi
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/health" || { echo "bench: /health did not answer 200 within 60 s" >&2; exit 1; }

# ------------------------------------------------------------------------------------------ sign in
TOKEN=""
for _ in 1 2 3; do
  TOKEN_STATUS="$(curl -s -o "$RUN/token.json" -w '%{http_code}' -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$PASSWORD\"}" || true)"
  if [[ "$TOKEN_STATUS" == 200 ]]; then TOKEN="$(jq -r .accessToken "$RUN/token.json")"; break; fi
  sleep 1
done
[[ -n "$TOKEN" && "$TOKEN" != null ]] || { echo "bench: no bearer token for $BENCH_EMAIL (HTTP $TOKEN_STATUS): $(head -c 300 "$RUN/token.json")" >&2; exit 1; }
rm -f "$RUN/token.json"

# The register page needs the sign-in cookie. Sign in through the UI's form if it exists.
COOKIE=""
PAGE_NOTE=""
JAR="$RUN/cookies.txt"
SIGNIN_STATUS="$(curl -s -o "$RUN/sign-in.html" -w '%{http_code}' -c "$JAR" "$BASE/account/sign-in")"
if [[ "$SIGNIN_STATUS" == 200 ]]; then
  AF="$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$RUN/sign-in.html" | head -1 | sed 's/.*value="//; s/"$//')"
  EMAIL_FIELD="$(grep -o '<input[^>]*type="email"[^>]*>' "$RUN/sign-in.html" | grep -o 'name="[^"]*"' | head -1 | sed 's/name="//; s/"$//')"
  PASS_FIELD="$(grep -o '<input[^>]*type="password"[^>]*>' "$RUN/sign-in.html" | grep -o 'name="[^"]*"' | head -1 | sed 's/name="//; s/"$//')"
  curl -s -o /dev/null -b "$JAR" -c "$JAR" -X POST "$BASE/account/sign-in" \
    --data-urlencode "${EMAIL_FIELD:-Email}=$BENCH_EMAIL" --data-urlencode "${PASS_FIELD:-Password}=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$AF"
  AUTH_COOKIE="$(awk -F'\t' '$6=="senco.auth"{print $6"="$7}' "$JAR" | tail -1)"
  # As a browser would: the sign-in cookie and the antiforgery cookie (without it, every page with a form would set a
  # new one). bench.lua keeps the sign-in cookie current when the app renews it.
  AF_COOKIE="$(awk -F'\t' '$6=="senco.af"{print $6"="$7}' "$JAR" | tail -1)"
  COOKIE="$AUTH_COOKIE${AF_COOKIE:+; $AF_COOKIE}"
  [[ -z "$AUTH_COOKIE" ]] && { COOKIE=""; PAGE_NOTE="the sign-in form did not give a senco.auth cookie"; }
else
  PAGE_NOTE="no sign-in page (GET /account/sign-in answered $SIGNIN_STATUS): UI not measured"
fi
if [[ -n "$COOKIE" ]]; then
  PAGE_STATUS="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/schools/$BENCH_URN/register")"
  [[ "$PAGE_STATUS" == 200 ]] || { PAGE_NOTE="/schools/$BENCH_URN/register answered $PAGE_STATUS with the cookie"; COOKIE=""; }
fi

# ------------------------------------------------------------------------------------------ soak (bench/soak.sh)
if [[ -n "${BENCH_SOAK_MINUTES:-}" ]]; then
  log "soak: ${BENCH_SOAK_MINUTES} min at ${BENCH_SOAK_RPS:-40} requests/s, mixed reads and writes"
  dotnet build bench/Soak/Soak.csproj -c Release -nologo -v q >>"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
  set +e
  dotnet bench/Soak/bin/Release/net10.0/Soak.dll --base "$BASE" --token "$TOKEN" --urn "$BENCH_URN" --ids "$RUN/pupil-ids.txt" \
    --pid "$APP_PID" --email "$BENCH_EMAIL" --password "$PASSWORD" --minutes "$BENCH_SOAK_MINUTES" --rps "${BENCH_SOAK_RPS:-40}" --out "$RUN/soak.md"
  SOAK_STATUS=$?
  set -e
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "bench: the app exited during the soak; see $RUN/app.log" >&2; exit 1; fi
  log "soak report: $RUN/soak.md"
  exit $SOAK_STATUS
fi

# ------------------------------------------------------------------------------------------ measure
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
vm() { awk -v k="$1:" '$1==k{print $2}' "/proc/$APP_PID/status"; }
FIRST_ID="$(head -1 "$RUN/pupil-ids.txt")"

# name | path or template | credentials | id file
ENDPOINTS=(
  "health|/health|none|"
  "register (API)|/api/v1/schools/$BENCH_URN/register|token|"
  "register page|/schools/$BENCH_URN/register|cookie|"
  "pupil (API)|/api/v1/pupils/%s|token|$RUN/pupil-ids.txt"
  "pupil page|/pupils/%s|cookie|$RUN/pupil-ids.txt"
  "register.csv|/api/v1/schools/$BENCH_URN/register.csv|token|"
)

if [[ -n "${BENCH_TRUST:-}" ]]; then
  ENDPOINTS=(
    "health|/health|none|"
    "trust dashboard page|/trust|cookie|"
    "trust dashboard (API)|/api/v1/trusts/$BENCH_TRUST_ID/dashboard|token|"
    "trust dashboard CSV|/trust?handler=csv|cookie|"
  )
fi

SUMMARY="$RUN/summary.md"
{
  echo "| endpoint | requests/s | p50 ms | p95 ms | p99 ms | non-2xx | response bytes | app CPU ms/req | app RSS after (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$SUMMARY.rows"

for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r NAME PATHT CRED IDS <<<"$e"
  SLUG="$(echo "$NAME" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//')"
  HDR=()
  export BENCH_TOKEN="" BENCH_COOKIE="" BENCH_IDS="$IDS" BENCH_TEMPLATE="$PATHT"
  case "$CRED" in
    token) BENCH_TOKEN="$TOKEN"; HDR=(-H "Authorization: Bearer $TOKEN") ;;
    cookie)
      if [[ -z "$COOKIE" ]]; then
        echo "| $NAME | not measured: $PAGE_NOTE | | | | | | | |" >>"$SUMMARY.rows"; log "skip $NAME: $PAGE_NOTE"; continue
      fi
      BENCH_COOKIE="$COOKIE"; HDR=(-H "Cookie: $COOKIE") ;;
  esac
  PATH1="$PATHT"; [[ -n "$IDS" ]] && PATH1="$(printf "$PATHT" "$FIRST_ID")"
  CHECK="$(curl -s -o "$RUN/$SLUG.sample" -w '%{http_code} %{size_download}' "${HDR[@]}" "$BASE$PATH1")"
  read -r CODE SIZE <<<"$CHECK"
  if [[ "$CODE" != 200 ]]; then
    echo "| $NAME | not measured: GET $PATH1 answered $CODE | | | | | | | |" >>"$SUMMARY.rows"; log "skip $NAME: $CODE"; continue
  fi
  log "$NAME: warm-up $WARMUP, then $DURATION at $CONNS connections, $THREADS threads ($BASE$PATH1, $SIZE bytes)"
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --latency -s "$LUA" "$BASE$PATHT" >"$RUN/$SLUG.warmup.txt" 2>&1 || true
  LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
  T0="$(cpu_ticks)"
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$LUA" "$BASE$PATHT" >"$RUN/$SLUG.txt" 2>&1
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    wait "$APP_PID"; STATUS=$?
    echo "bench: the app exited during \"$NAME\" (exit status $STATUS$( ((STATUS > 128)) && echo ", signal $((STATUS - 128))")); see $RUN/app.log" >&2
    exit 1
  fi
  T1="$(cpu_ticks)"
  echo "load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/$SLUG.txt"
  R="$(grep '^BENCH_RESULT' "$RUN/$SLUG.txt" | head -1)"
  val() { echo "$R" | tr ' ' '\n' | awk -F= -v k="$1" '$1==k{print $2}'; }
  REQS="$(val requests)"
  CPU_MS="$(awk -v t="$((T1 - T0))" -v hz="$CLK_TCK" -v n="$REQS" 'BEGIN{ if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "-" }')"
  RSS_MB="$(awk -v k="$(vm VmRSS)" 'BEGIN{printf "%.0f", k/1024}')"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$NAME" "$(val rps)" "$(val p50_ms)" "$(val p95_ms)" "$(val p99_ms)" \
    "$(val non2xx)" "$SIZE" "$CPU_MS" "$RSS_MB" >>"$SUMMARY.rows"
  echo "$NAME|$(val rps)|$(val p50_ms)|$(val p95_ms)" >>"$RUN/results.psv"
done

HWM_MB="$(awk -v k="$(vm VmHWM)" 'BEGIN{printf "%.0f", k/1024}')"
HEALTH_RPS="$(awk -F'|' '$1=="health"{print $2}' "$RUN/results.psv" 2>/dev/null || true)"
REG_RPS="$(awk -F'|' '$1=="register (API)"{print $2}' "$RUN/results.psv" 2>/dev/null || true)"
{
  echo "## $PROVIDER — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) CPUs ($(lscpu | awk -F: '/Model name/{gsub(/^ +/,"",$2); print $2; exit}')), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  [[ "$APP_DIR" != "$OUT/app" || -n "${BENCH_APP_ENV:-}" ]] && echo "App: $APP_DIR ${BENCH_APP_ENV:-}"
  echo "Data: $SCHOOLS schools × $PUPILS pupils (seed $SEED); measured school URN $BENCH_URN with $BENCH_PUPILS pupils, $BENCH_REGISTER on the register."
  [[ -n "${BENCH_TRUST:-}" ]] && echo "Trust view: signed in as $BENCH_EMAIL (trust SEND lead of all $SCHOOLS schools); $BENCH_TRUST_ROWS plan, review, funding, provision and score rows."
  echo "wrk: $CONNS connections, $THREADS threads, $WARMUP warm-up then $DURATION; pupil ids rotated over $(wc -l <"$RUN/pupil-ids.txt") pupils."
  echo
  cat "$SUMMARY.rows"
  echo
  echo "Peak RSS of the app (VmHWM at the end): $HWM_MB MB."
  if [[ -n "$HEALTH_RPS" && -n "$REG_RPS" ]]; then
    echo "Register (API) throughput is $(awk -v a="$REG_RPS" -v b="$HEALTH_RPS" 'BEGIN{printf "%.0f%%", 100*a/b}') of /health's."
  fi
  [[ -n "$PAGE_NOTE" ]] && echo "Register page: $PAGE_NOTE."
  echo
} >"$SUMMARY"
rm -f "$SUMMARY.rows"
echo
cat "$SUMMARY"
echo "Raw wrk output, the app's log and the generator's log: $RUN/"
