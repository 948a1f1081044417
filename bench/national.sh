#!/usr/bin/env bash
# Senco at national scale on PostgreSQL: 24,000 schools and 9,000,000 fictional pupils (issue "Scale and speed").
#
#   bench/national.sh            generate (first time, ~tens of minutes) or reuse the dataset, then measure
#
# 1. builds the generator and publishes the app (unless BENCH_SKIP_BUILD);
# 2. makes (once) a PostgreSQL 15 cluster "national" on port 5435 with settings for a database of this size
#    (shared_buffers 4GB, effective_cache_size 12GB, max_wal_size 8GB, ...), separate from the test suite's cluster;
# 3. generates the dataset into the database senco_national with `Senco.Bench national`, unless it already holds one
#    (BENCH_NATIONAL_REGENERATE=1 makes it again); the sample of schools it picked stays in bench/out/national-data/;
# 4. starts the published app on it, takes a bearer token for the SENCO of each sampled school (500 by default, of
#    every kind and size), and drives with wrk, rotating over the sampled schools, each request with its own SENCO's
#    token: /health (the ceiling), the register API of "any school", a pupil read of any pupil, and the register API
#    again with the register cache off (Senco:RegisterCacheRows=0), so every request reads PostgreSQL.
#
# Knobs: BENCH_NATIONAL_SCHOOLS (24000), BENCH_NATIONAL_PUPILS (9000000), BENCH_NATIONAL_SAMPLE (500), BENCH_SEED (42),
# BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_DURATION (20s), BENCH_WARMUP (20s: .NET re-compiles hot code for about that long after start), BENCH_PORT (5078),
# BENCH_SKIP_BUILD, BENCH_NATIONAL_REGENERATE, BENCH_NATIONAL_DB (senco_national), BENCH_NATIONAL_GENERATE_ONLY (stop after
# generating, e.g. to measure later on a quiet machine).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SCHOOLS="${BENCH_NATIONAL_SCHOOLS:-24000}"
PUPILS="${BENCH_NATIONAL_PUPILS:-9000000}"
SAMPLE="${BENCH_NATIONAL_SAMPLE:-500}"
SEED="${BENCH_SEED:-42}"
CONNS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-20s}"
PORT="${BENCH_PORT:-5078}"
PGDB="${BENCH_NATIONAL_DB:-senco_national}"
PGPORT=5435
PASSWORD="bench-senco-password-2026"
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/bench/out"
DATA="$OUT/national-data"
RUN="$OUT/national"
APP_DIR="${BENCH_APP_DIR:-$OUT/app-national}"
LUA="$ROOT/bench/wrk/bench.lua"
CS="Host=127.0.0.1;Port=$PGPORT;Username=senco_bench;Password=senco_bench;Database=$PGDB;Maximum Pool Size=64"
log() { echo "[national $(date +%H:%M:%S)] $*"; }
as_postgres() { runuser -u postgres -- "$@"; }
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
command -v jq >/dev/null || apt-get install -y jq >/dev/null

mkdir -p "$DATA"; rm -rf "$RUN"; mkdir -p "$RUN"

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building Release (generator) and publishing the app to bench/out/app-national"
  dotnet build bench/Senco.Bench/Senco.Bench.csproj -c Release -nologo -v q >"$OUT/build-national.log" 2>&1 || { tail -30 "$OUT/build-national.log"; exit 1; }
  dotnet publish src/Senco.Web/Senco.Web.csproj -c Release -o "$APP_DIR" -nologo -v q >>"$OUT/build-national.log" 2>&1 || { tail -30 "$OUT/build-national.log"; exit 1; }
fi
GEN="$ROOT/bench/Senco.Bench/bin/Release/net10.0/Senco.Bench.dll"

# ------------------------------------------------------------------------------------------ the cluster
if ! pg_lsclusters -h | awk '$1=="15" && $2=="national"{f=1} END{exit !f}'; then
  log "creating PostgreSQL 15 cluster \"national\" on port $PGPORT"
  pg_createcluster 15 national -p "$PGPORT" \
    -o shared_buffers=4GB -o effective_cache_size=12GB -o work_mem=16MB -o maintenance_work_mem=1GB \
    -o max_wal_size=8GB -o checkpoint_timeout=15min -o random_page_cost=1.1 -o max_connections=200 >/dev/null
fi
if pg_lsclusters -h | awk '$1=="15" && $2=="national" && $4!="online"{f=1} END{exit !f}'; then
  log "starting cluster national"; pg_ctlcluster 15 national start
fi
until pg_isready -q -h 127.0.0.1 -p "$PGPORT"; do sleep 0.5; done
as_postgres psql -p "$PGPORT" -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'senco_bench') THEN CREATE ROLE senco_bench LOGIN PASSWORD 'senco_bench'; END IF;
END \$\$;
SQL

# ------------------------------------------------------------------------------------------ the dataset
HAVE="$(as_postgres psql -p "$PGPORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PGDB'" || true)"
COUNT=0
[[ "$HAVE" == 1 ]] && COUNT="$(as_postgres psql -p "$PGPORT" -d "$PGDB" -tAc 'SELECT count(*) FROM "Schools"' 2>/dev/null || echo 0)"
if [[ -n "${BENCH_NATIONAL_REGENERATE:-}" || "$COUNT" != "$SCHOOLS" || ! -s "$DATA/sample.tsv" ]]; then
  log "generating $SCHOOLS schools, $PUPILS pupils into $PGDB (seed $SEED)"
  as_postgres psql -p "$PGPORT" -q -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE);" -c "CREATE DATABASE $PGDB OWNER senco_bench;"
  dotnet "$GEN" national --connection "$CS" --schools "$SCHOOLS" --pupils "$PUPILS" --seed "$SEED" --password "$PASSWORD" \
    --sample "$SAMPLE" --sample-out "$DATA/sample.tsv" | tee "$DATA/generate.log"
else
  log "reusing $PGDB ($COUNT schools; generated as in $DATA/generate.log)"
fi
as_postgres psql -p "$PGPORT" -d "$PGDB" -tA -F ' ' -c \
  "SELECT 'schools', count(*) FROM \"Schools\" UNION ALL SELECT 'pupils', count(*) FROM \"Pupils\"
   UNION ALL SELECT 'pupils with SEN (on roll)', count(*) FROM \"Pupils\" WHERE \"OnRoll\" AND \"SenStatus\" IN ('K','E')
   UNION ALL SELECT 'database MB', pg_database_size(current_database()) / 1048576" | tee "$RUN/counts.txt"

[[ -n "${BENCH_NATIONAL_GENERATE_ONLY:-}" ]] && { log "generated; not measuring (BENCH_NATIONAL_GENERATE_ONLY)"; exit 0; }

# ------------------------------------------------------------------------------------------ the app
APP_PID=""
start_app() {
  if curl -s -o /dev/null "$BASE/health"; then echo "national: something already answers on $BASE; set BENCH_PORT" >&2; exit 1; fi
  ( cd "$APP_DIR" && ln -f Senco.Web.dll senco-bench-host.dll && cp Senco.Web.runtimeconfig.json senco-bench-host.runtimeconfig.json \
      && cp Senco.Web.deps.json senco-bench-host.deps.json \
      && exec env Database__Provider=Postgres ConnectionStrings__Senco="$CS" Senco__RateLimits__ApiPerMinute=0 \
         Senco__RateLimits__SignInPerMinute=0 "$@" dotnet senco-bench-host.dll --urls "$BASE" ) >>"$RUN/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$BASE/health" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "national: the app exited; see $RUN/app.log" >&2; tail -20 "$RUN/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "national: /health did not answer within 120 s" >&2; exit 1
}
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
trap stop_app EXIT

start_app
log "bearer tokens for the SENCOs of $(wc -l <"$DATA/sample.tsv") sampled schools"
: >"$RUN/register.pairs"; : >"$RUN/pupil.pairs"
while IFS=$'\t' read -r URN EMAIL IDS; do
  TOKEN="$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)"
  [[ -n "$TOKEN" && "$TOKEN" != null ]] || { echo "national: no token for $EMAIL" >&2; exit 1; }
  printf '%s\t%s\n' "$URN" "$TOKEN" >>"$RUN/register.pairs"
  for ID in $IDS; do printf '%s\t%s\n' "$ID" "$TOKEN" >>"$RUN/pupil.pairs"; done
done < <(tr '\t' ' ' <"$DATA/sample.tsv" | awk '{ ids=""; for (i = 3; i <= NF; i++) ids = ids (i > 3 ? " " : "") $i; printf "%s\t%s\t%s\n", $1, $2, ids }')
# Spread the pupils' order, so consecutive requests are of different schools.
shuf --random-source=<(yes) "$RUN/pupil.pairs" -o "$RUN/pupil.pairs"
shuf --random-source=<(yes) "$RUN/register.pairs" -o "$RUN/register.pairs"

CLK_TCK="$(getconf CLK_TCK)"
SUMMARY_ROWS="$RUN/summary.rows"
echo "| endpoint | requests/s | p50 ms | p95 ms | p99 ms | non-2xx | app CPU ms/req | app RSS after (MB) |" >"$SUMMARY_ROWS"
echo "|---|---:|---:|---:|---:|---:|---:|---:|" >>"$SUMMARY_ROWS"
measure() { # name, template, pairs file (or empty)
  local name="$1" template="$2" pairs="$3" slug t0 t1 r
  slug="$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//')"
  export BENCH_TOKEN="" BENCH_COOKIE="" BENCH_IDS="" BENCH_TEMPLATE="$template" BENCH_PAIRS="$pairs"
  log "$name: warm-up $WARMUP, then $DURATION at $CONNS connections"
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --latency -s "$LUA" "$BASE${template//%s/x}" >"$RUN/$slug.warmup.txt" 2>&1 || true
  local load_before; load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  t0="$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")"
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$LUA" "$BASE${template//%s/x}" >"$RUN/$slug.txt" 2>&1
  t1="$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")"
  echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/$slug.txt"
  r="$(grep '^BENCH_RESULT' "$RUN/$slug.txt" | head -1)"
  val() { echo "$r" | tr ' ' '\n' | awk -F= -v k="$1" '$1==k{print $2}'; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(val rps)" "$(val p50_ms)" "$(val p95_ms)" "$(val p99_ms)" "$(val non2xx)" \
    "$(awk -v t="$((t1 - t0))" -v hz="$CLK_TCK" -v n="$(val requests)" 'BEGIN{ if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "-" }')" \
    "$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$APP_PID/status")" >>"$SUMMARY_ROWS"
}

FIRST_URN="$(head -1 "$RUN/register.pairs" | cut -f1)"; FIRST_TOKEN="$(head -1 "$RUN/register.pairs" | cut -f2)"
curl -s -o "$RUN/register.sample.json" -w 'first register: HTTP %{http_code}, %{size_download} bytes\n' -H "Authorization: Bearer $FIRST_TOKEN" "$BASE/api/v1/schools/$FIRST_URN/register"
measure "health" "/health" ""
measure "register (API), any of $(wc -l <"$RUN/register.pairs") schools" "/api/v1/schools/%s/register" "$RUN/register.pairs"
measure "pupil (API), any of $(wc -l <"$RUN/pupil.pairs") pupils" "/api/v1/pupils/%s" "$RUN/pupil.pairs"
HWM1="$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$APP_PID/status")"
stop_app
log "again with the register cache off (Senco__RegisterCacheRows=0): every register read goes to PostgreSQL"
start_app Senco__RegisterCacheRows=0
measure "register (API), cache off, any of $(wc -l <"$RUN/register.pairs") schools" "/api/v1/schools/%s/register" "$RUN/register.pairs"
HWM2="$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$APP_PID/status")"
stop_app

{
  echo "## National dataset, PostgreSQL 15 — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) CPUs ($(lscpu | awk -F: '/Model name/{gsub(/^ +/,"",$2); print $2; exit}')), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Data: $(tr '\n' ';' <"$RUN/counts.txt" | sed 's/;$//; s/;/; /g')."
  echo "wrk: $CONNS connections, $THREADS threads, $WARMUP warm-up then $DURATION; each request with the sampled school's own SENCO token."
  echo
  cat "$SUMMARY_ROWS"
  echo
  echo "Peak RSS of the app: $HWM1 MB (cache on), $HWM2 MB (cache off)."
} >"$RUN/summary.md"
rm -f "$SUMMARY_ROWS"
cat "$RUN/summary.md"
