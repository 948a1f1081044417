#!/usr/bin/env bash
# Two Senco instances behind nginx on loopback, sharing one PostgreSQL database: the deployment for a trust or a local
# authority (docs/deployment.md), checked and measured in one command.
#
#   bench/multi.sh
#
# 1. installs nginx and wrk (Debian) if missing; builds the generator and publishes the app (Release) to bench/out/app
# 2. makes a fresh PostgreSQL database senco_multi with 3 generated schools of 2,000 pupils (seed 42)
# 3. starts instance A on :5181 and instance B on :5182 (Senco__ReverseProxy__KnownProxies__0=127.0.0.1), and nginx on
#    :5180 balancing round-robin over both, no sticky sessions (bench/out/multi/nginx.conf)
# 4. checks: a sign-in through nginx keeps working whichever instance answers (nginx's log names the instance of each
#    request: both must appear, every answer 200); the audit trail written by both instances verifies as one chain
#    (`Senco.Web audit verify`); no scheduled run was claimed twice (JobClaims)
# 5. measures with wrk (32 connections): the register API and /health through nginx to both instances, and straight to
#    instance A alone with B stopped, so "does it scale" is answered on this machine
# Results: bench/out/multi/summary.md. Knobs: BENCH_DURATION (15s), BENCH_CONNECTIONS (32), BENCH_SKIP_BUILD.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
RUN="$OUT/multi"
DURATION="${BENCH_DURATION:-15s}"
CONNS="${BENCH_CONNECTIONS:-32}"
PASSWORD="bench-senco-password-2026"
LB=5180; PA=5181; PB=5182
rm -rf "$RUN"; mkdir -p "$RUN/nginx"
log() { echo "[multi $(date +%H:%M:%S)] $*"; }

for pkg in nginx wrk jq; do
  command -v "$pkg" >/dev/null 2>&1 || { log "installing $pkg (Debian)"; apt-get install -y "$pkg" >/dev/null; }
done
# Debian starts a system nginx on :80 when it installs it; ours runs on its own port with its own config.

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building the generator and publishing the app (Release)"
  dotnet build bench/Senco.Bench/Senco.Bench.csproj -c Release -nologo -v q >"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; exit 1; }
  dotnet publish src/Senco.Web/Senco.Web.csproj -c Release -o "$OUT/app" -nologo -v q >>"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; exit 1; }
fi
GEN="$ROOT/bench/Senco.Bench/bin/Release/net10.0/Senco.Bench.dll"

if command -v pg_lsclusters >/dev/null && pg_lsclusters -h | awk '$2=="main" && $4!="online"{f=1} END{exit !f}'; then
  log "starting PostgreSQL"; pg_ctlcluster "$(pg_lsclusters -h | awk '$2=="main"{print $1; exit}')" main start
fi
PSQL_ADMIN="${BENCH_PG_ADMIN:-runuser -u postgres -- psql}"
$PSQL_ADMIN -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'senco_bench') THEN CREATE ROLE senco_bench LOGIN PASSWORD 'senco_bench'; END IF;
END \$\$;
DROP DATABASE IF EXISTS senco_multi WITH (FORCE);
CREATE DATABASE senco_multi OWNER senco_bench;
SQL
CS="Host=127.0.0.1;Port=5432;Username=senco_bench;Password=senco_bench;Database=senco_multi"
log "generating 3 schools × 2,000 pupils"
dotnet "$GEN" generate --provider Postgres --connection "$CS" --schools 3 --pupils-per-school 2000 --seed 42 --password "$PASSWORD" \
  --ids-out "$RUN/pupil-ids.txt" --env-out "$RUN/bench.env" >"$RUN/generate.log"
# shellcheck disable=SC1091
source "$RUN/bench.env"

PIDS=()
cleanup() {
  [[ -f "$RUN/nginx/nginx.pid" ]] && kill "$(cat "$RUN/nginx/nginx.pid")" 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

start_instance() { # name port
  ( cd "$OUT/app" && ln -f Senco.Web.dll "senco-multi-$1.dll" && cp Senco.Web.runtimeconfig.json "senco-multi-$1.runtimeconfig.json" \
      && cp Senco.Web.deps.json "senco-multi-$1.deps.json" \
      && exec env Database__Provider=Postgres ConnectionStrings__Senco="$CS" Senco__RateLimits__ApiPerMinute=0 Senco__RateLimits__SignInPerMinute=0 \
         Senco__ReverseProxy__KnownProxies__0=127.0.0.1 dotnet "senco-multi-$1.dll" --urls "http://127.0.0.1:$2" ) >"$RUN/app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$2/health" && return 0; sleep 0.5; done
  echo "multi: instance $1 did not start; see $RUN/app-$1.log" >&2; exit 1
}
log "starting instance A (:$PA) and instance B (:$PB)"
start_instance a $PA
PID_A=${PIDS[0]}
start_instance b $PB
PID_B=${PIDS[1]}

cat >"$RUN/nginx.conf" <<NGINX
worker_processes 1;
pid $RUN/nginx/nginx.pid;
error_log $RUN/nginx/error.log;
events { worker_connections 1024; }
http {
  log_format combined_upstream '\$remote_addr "\$request" \$status \$upstream_addr';
  access_log $RUN/nginx/access.log combined_upstream;
  client_body_temp_path $RUN/nginx/body; proxy_temp_path $RUN/nginx/proxy; fastcgi_temp_path $RUN/nginx/fastcgi;
  uwsgi_temp_path $RUN/nginx/uwsgi; scgi_temp_path $RUN/nginx/scgi;
  client_max_body_size 20m;
  upstream senco { server 127.0.0.1:$PA; server 127.0.0.1:$PB; keepalive 64; }
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://senco;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
nginx -t -c "$RUN/nginx.conf" -p "$RUN/nginx" >"$RUN/nginx/test.log" 2>&1 || { cat "$RUN/nginx/test.log"; exit 1; }
nginx -c "$RUN/nginx.conf" -p "$RUN/nginx"
BASE="http://127.0.0.1:$LB"
for _ in $(seq 1 20); do curl -sf -o /dev/null "$BASE/health" && break; sleep 0.3; done
log "nginx on $BASE"

# ------------------------------------------------------------------ sign in through nginx, then browse
JAR="$RUN/cookies.txt"
curl -s -c "$JAR" -o "$RUN/sign-in.html" "$BASE/account/sign-in"
AF="$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$RUN/sign-in.html" | head -1 | sed 's/.*value="//; s/"$//')"
SIGNIN="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" -X POST "$BASE/account/sign-in" --data-urlencode "Input.Email=$BENCH_EMAIL" \
  --data-urlencode "Input.Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$AF")"
: >"$RUN/nginx/access.log"
STATUSES=""
for i in $(seq 1 20); do STATUSES+="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE/schools/$BENCH_URN/register") "; done
sleep 0.5
HITS_A="$(grep -c "register.*127.0.0.1:$PA" "$RUN/nginx/access.log" || true)"
HITS_B="$(grep -c "register.*127.0.0.1:$PB" "$RUN/nginx/access.log" || true)"
NON200="$(echo "$STATUSES" | tr ' ' '\n' | grep -v '^$' | grep -vc '^200$' || true)"
log "sign-in answered $SIGNIN; 20 register pages: $NON200 not 200; instance A served $HITS_A, B served $HITS_B"

TOKEN="$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)"

# ------------------------------------------------------------------ measure
CLK_TCK="$(getconf CLK_TCK)"
ticks() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
measure() { # label url pids...
  local label="$1" url="$2"; shift 2
  export BENCH_TOKEN="$TOKEN" BENCH_COOKIE="" BENCH_IDS="" BENCH_TEMPLATE=""
  wrk -t2 -c"$CONNS" -d5s -s bench/wrk/bench.lua "$url" >/dev/null 2>&1 || true
  local before; before=$(ticks "$@")
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/wrk/bench.lua "$url" >"$RUN/wrk-$(echo "$label" | tr -c 'a-z0-9' '-').txt" 2>&1
  local after; after=$(ticks "$@")
  local line; line="$(grep BENCH_RESULT "$RUN/wrk-$(echo "$label" | tr -c 'a-z0-9' '-').txt" | tail -1)"
  local rps p50 p95 errs reqs
  rps="$(sed -n 's/.*rps=\([^ ]*\).*/\1/p' <<<"$line")"; p50="$(sed -n 's/.*p50_ms=\([^ ]*\).*/\1/p' <<<"$line")"
  p95="$(sed -n 's/.*p95_ms=\([^ ]*\).*/\1/p' <<<"$line")"; errs="$(sed -n 's/.*non2xx=\([^ ]*\).*/\1/p' <<<"$line")"
  reqs="$(sed -n 's/.*requests=\([^ ]*\).*/\1/p' <<<"$line")"
  local cpu="n/a"; [[ -n "$reqs" && "$reqs" != 0 ]] && cpu="$(awk -v a="$after" -v b="$before" -v t="$CLK_TCK" -v n="$reqs" 'BEGIN{printf "%.2f", (a-b)*1000/t/n}')"
  echo "| $label | $rps | $p50 | $p95 | $errs | $cpu |" >>"$RUN/rows.md"
  log "$label: $rps req/s, p50 $p50 ms, p95 $p95 ms, non-2xx $errs"
}
: >"$RUN/rows.md"
measure "health, nginx → A+B" "$BASE/health" "$PID_A" "$PID_B"
measure "register API, nginx → A+B" "$BASE/api/v1/schools/$BENCH_URN/register" "$PID_A" "$PID_B"
measure "health, straight to A (B running)" "http://127.0.0.1:$PA/health" "$PID_A"
kill "$PID_B"; wait "$PID_B" 2>/dev/null || true
measure "register API, nginx → A only (B stopped)" "$BASE/api/v1/schools/$BENCH_URN/register" "$PID_A"
measure "register API, straight to A (B stopped)" "http://127.0.0.1:$PA/api/v1/schools/$BENCH_URN/register" "$PID_A"

# ------------------------------------------------------------------ one audit chain, no double runs
sleep 12 # let each instance's sealer finish its last round
VERIFY="$(cd "$OUT/app" && Database__Provider=Postgres ConnectionStrings__Senco="$CS" dotnet Senco.Web.dll audit verify 2>&1 | tail -3 || true)"
DOUBLE="$($PSQL_ADMIN -d senco_multi -tAc 'SELECT COUNT(*) FROM (SELECT "Job", "RunKey" FROM "JobClaims" GROUP BY 1, 2 HAVING COUNT(*) > 1) d' 2>&1)"

{
  echo "# Two instances behind nginx ($(date -u '+%Y-%m-%d %H:%M') UTC)"
  echo
  echo "$(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). PostgreSQL, 3 schools × 2,000 pupils; wrk -t2 -c$CONNS -d$DURATION."
  echo
  echo "- Sign-in through nginx answered $SIGNIN; then 20 register pages with that cookie: $NON200 not 200; instance A served $HITS_A and B served $HITS_B."
  echo "- Audit chain written by both instances: $(echo "$VERIFY" | tr '\n' ' ')"
  echo "- Scheduled runs claimed more than once: $DOUBLE"
  echo
  echo "| what | requests/s | p50 ms | p95 ms | non-2xx | app CPU ms/req (both instances) |"
  echo "|---|---:|---:|---:|---:|---:|"
  cat "$RUN/rows.md"
} >"$RUN/summary.md"
cat "$RUN/summary.md"
[[ "$NON200" == 0 && "$HITS_A" -gt 0 && "$HITS_B" -gt 0 && "$DOUBLE" == 0 ]]
