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
# Results: bench/out/multi/summary.md. Knobs: BENCH_DURATION (15s), BENCH_CONNECTIONS (32), BENCH_SKIP_BUILD,
# BENCH_APP_ENV (extra VAR=value pairs for both instances, space-separated), and
# BENCH_INSTANCE_CPUS: cap each instance at that many CPUs (e.g. 0.4) with its own cgroup (v1 or v2; needs root), so
# that on one small machine each instance stands in for a server of its own and "does throughput scale with
# instances" can be answered; the summary then gives the register's requests/s with both instances over one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
RUN="$OUT/multi"
DURATION="${BENCH_DURATION:-15s}"
CONNS="${BENCH_CONNECTIONS:-32}"
PASSWORD="bench-senco-password-2026"
LB=5180; PA=5181; PB=5182
CPUS="${BENCH_INSTANCE_CPUS:-}"
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
  rmdir /sys/fs/cgroup/senco-multi-* /sys/fs/cgroup/cpu/senco-multi-* 2>/dev/null || true
}
trap cleanup EXIT

# cap_cgroup NAME -> prints a cgroup.procs file whose members get at most $CPUS CPUs (cgroup v2, else v1's cpu controller)
cap_cgroup() {
  local quota; quota="$(awk -v c="$CPUS" 'BEGIN{printf "%d", c * 100000}')"
  ((quota >= 1000)) || { echo "multi: BENCH_INSTANCE_CPUS=$CPUS is not a number of CPUs of at least 0.01" >&2; exit 2; }
  local dir
  if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    dir="/sys/fs/cgroup/senco-multi-$1"
    echo +cpu >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
    mkdir -p "$dir" && echo "$quota 100000" >"$dir/cpu.max"
  else
    dir="/sys/fs/cgroup/cpu/senco-multi-$1"
    mkdir -p "$dir" && echo 100000 >"$dir/cpu.cfs_period_us" && echo "$quota" >"$dir/cpu.cfs_quota_us"
  fi || { echo "multi: cannot make a cgroup to cap instance $1 at $CPUS CPUs (run as root on a machine with cgroups)" >&2; exit 2; }
  echo "$dir/cgroup.procs"
}

start_instance() { # name port
  local procs=/dev/null
  [[ -n "$CPUS" ]] && procs="$(cap_cgroup "$1")"
  # The subshell joins the cgroup before exec, so .NET starts inside its cap and sizes its thread pool and GC to it.
  ( [[ "$procs" == /dev/null ]] || echo "$BASHPID" >"$procs"
    cd "$OUT/app" && ln -f Senco.Web.dll "senco-multi-$1.dll" && cp Senco.Web.runtimeconfig.json "senco-multi-$1.runtimeconfig.json" \
      && cp Senco.Web.deps.json "senco-multi-$1.deps.json" \
      && exec env Database__Provider=Postgres ConnectionStrings__Senco="$CS" Senco__RateLimits__ApiPerMinute=0 Senco__RateLimits__SignInPerMinute=0 \
         Senco__ReverseProxy__KnownProxies__0=127.0.0.1 ${BENCH_APP_ENV:-} dotnet "senco-multi-$1.dll" --urls "http://127.0.0.1:$2" ) >"$RUN/app-$1.log" 2>&1 &
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
ticks() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
named() { pgrep -d ' ' -x "$1" || true; } # pids of every process called $1 (postgres backends, nginx workers)
per_req() { awk -v a="$1" -v b="$2" -v t="$CLK_TCK" -v n="$3" 'BEGIN{ if (n > 0) printf "%.2f", (a-b)*1000/t/n; else print "n/a" }'; }
measure() { # label url pids...   (a url with %s takes each request's pupil from pupil-ids.txt)
  local label="$1" url="$2"; shift 2
  export BENCH_TOKEN="$TOKEN" BENCH_COOKIE="" BENCH_IDS="" BENCH_TEMPLATE=""
  if [[ "$url" == *%s* ]]; then
    BENCH_IDS="$RUN/pupil-ids.txt"; BENCH_TEMPLATE="/${url#http://*/}"; url="${url%%/api/*}"
  fi
  wrk -t2 -c"$CONNS" -d5s -s bench/wrk/bench.lua "$url" >/dev/null 2>&1 || true
  local before; before=$(ticks "$@")
  local pg_pids ng_pids; pg_pids="$(named postgres)"; ng_pids="$(named nginx)"
  # shellcheck disable=SC2086
  local pg0 ng0; pg0=$(ticks $pg_pids); ng0=$(ticks $ng_pids)
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/wrk/bench.lua "$url" >"$RUN/wrk-$(echo "$label" | tr -c 'a-z0-9' '-').txt" 2>&1
  local after; after=$(ticks "$@")
  # shellcheck disable=SC2086
  local pg1 ng1; pg1=$(ticks $pg_pids); ng1=$(ticks $ng_pids)
  local line; line="$(grep BENCH_RESULT "$RUN/wrk-$(echo "$label" | tr -c 'a-z0-9' '-').txt" | tail -1)"
  local rps p50 p95 errs reqs
  rps="$(sed -n 's/.*rps=\([^ ]*\).*/\1/p' <<<"$line")"; p50="$(sed -n 's/.*p50_ms=\([^ ]*\).*/\1/p' <<<"$line")"
  p95="$(sed -n 's/.*p95_ms=\([^ ]*\).*/\1/p' <<<"$line")"; errs="$(sed -n 's/.*non2xx=\([^ ]*\).*/\1/p' <<<"$line")"
  reqs="$(sed -n 's/.*requests=\([^ ]*\).*/\1/p' <<<"$line")"
  local cpu pg ng; cpu="$(per_req "$after" "$before" "${reqs:-0}")"; pg="$(per_req "$pg1" "$pg0" "${reqs:-0}")"; ng="$(per_req "$ng1" "$ng0" "${reqs:-0}")"
  echo "| $label | $rps | $p50 | $p95 | $errs | $cpu | $pg | $ng |" >>"$RUN/rows.md"
  RPS["$label"]="$rps"
  log "$label: $rps req/s, p50 $p50 ms, p95 $p95 ms, non-2xx $errs"
}
: >"$RUN/rows.md"
declare -A RPS
REGISTER="/api/v1/schools/$BENCH_URN/register"
PUPIL="/api/v1/pupils/%s"
measure "health, nginx → A+B" "$BASE/health" "$PID_A" "$PID_B"
measure "register API, nginx → A+B" "$BASE$REGISTER" "$PID_A" "$PID_B"
measure "pupil API, nginx → A+B" "$BASE$PUPIL" "$PID_A" "$PID_B"
measure "health, straight to A (B running)" "http://127.0.0.1:$PA/health" "$PID_A"
kill "$PID_B"; wait "$PID_B" 2>/dev/null || true
measure "register API, nginx → A only (B stopped)" "$BASE$REGISTER" "$PID_A"
measure "pupil API, nginx → A only (B stopped)" "$BASE$PUPIL" "$PID_A"
measure "register API, straight to A (B stopped)" "http://127.0.0.1:$PA$REGISTER" "$PID_A"
ratio() { awk -v a="${RPS[$1]:-0}" -v b="${RPS[$2]:-0}" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
SCALE_REGISTER="$(ratio "register API, nginx → A+B" "register API, nginx → A only (B stopped)")"
SCALE_PUPIL="$(ratio "pupil API, nginx → A+B" "pupil API, nginx → A only (B stopped)")"

# ------------------------------------------------------------------ one audit chain, no double runs
sleep 12 # let each instance's sealer finish its last round
VERIFY="$(cd "$OUT/app" && Database__Provider=Postgres ConnectionStrings__Senco="$CS" dotnet Senco.Web.dll audit verify 2>&1 | tail -3 || true)"
DOUBLE="$($PSQL_ADMIN -d senco_multi -tAc 'SELECT COUNT(*) FROM (SELECT "Job", "RunKey" FROM "JobClaims" GROUP BY 1, 2 HAVING COUNT(*) > 1) d' 2>&1)"

{
  echo "# Two instances behind nginx ($(date -u '+%Y-%m-%d %H:%M') UTC)"
  echo
  echo "$(nproc) CPUs, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). PostgreSQL, 3 schools × 2,000 pupils; wrk -t2 -c$CONNS -d$DURATION."
  if [[ -n "$CPUS" ]]; then
    echo "Each instance capped at $CPUS CPUs (its own cgroup), standing in for a server of its own; PostgreSQL, nginx and wrk uncapped."
  else
    echo "Instances not capped: both share the machine's CPUs with PostgreSQL, nginx and wrk (set BENCH_INSTANCE_CPUS to cap them)."
  fi
  echo
  echo "- Sign-in through nginx answered $SIGNIN; then 20 register pages with that cookie: $NON200 not 200; instance A served $HITS_A and B served $HITS_B."
  echo "- Audit chain written by both instances: $(echo "$VERIFY" | tr '\n' ' ')"
  echo "- Scheduled runs claimed more than once: $DOUBLE"
  echo "- Throughput with two instances over one, through nginx: register API × $SCALE_REGISTER, pupil API × $SCALE_PUPIL"
  echo
  echo "| what | requests/s | p50 ms | p95 ms | non-2xx | app CPU ms/req (the instances measured) | PostgreSQL CPU ms/req | nginx CPU ms/req |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  cat "$RUN/rows.md"
} >"$RUN/summary.md"
cat "$RUN/summary.md"
[[ "$NON200" == 0 && "$HITS_A" -gt 0 && "$HITS_B" -gt 0 && "$DOUBLE" == 0 ]]
