#!/usr/bin/env bash
# A/B: two published builds of the app (or one build with two environments) against the same database,
# measured in alternation so that drift in the machine's load (a shared machine) hits both alike.
#
#   bench/ab.sh sqlite|postgres <endpoint> <appdir A> <appdir B> [rounds] [seconds]
#     endpoint: register | csv | pupil | health
#   BENCH_AB_ENV_A / BENCH_AB_ENV_B: extra VAR=value pairs for A / B.
# Needs a database from bench/run.sh <db>. Prints, per round and as medians: requests/s, p95 and app CPU ms/request.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET="${1:?sqlite|postgres}"; WHAT="${2:?endpoint}"; A="$(cd "${3:?app dir A}" && pwd)"; B="$(cd "${4:?app dir B}" && pwd)"
ROUNDS="${5:-5}"; SECS="${6:-8}"
RUN="$ROOT/bench/out/$TARGET"
[[ -f "$RUN/bench.env" ]] || { echo "run bench/run.sh $TARGET first" >&2; exit 1; }
# shellcheck disable=SC1091
source "$RUN/bench.env"
if [[ "$TARGET" == sqlite ]]; then PROVIDER=Sqlite; CS="Data Source=$RUN/senco.db"
else PROVIDER=Postgres; CS="Host=127.0.0.1;Port=5432;Username=senco_bench;Password=senco_bench;Database=senco_bench"; fi
PORT_A=$(( ${BENCH_PORT:-5077} + 2 )); PORT_B=$(( ${BENCH_PORT:-5077} + 3 ))
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() {
  local dir="$1" port="$2" extra="$3" log="$4"
  # shellcheck disable=SC2086
  ( cd "$dir" && ln -f Senco.Web.dll senco-bench-host.dll && cp Senco.Web.runtimeconfig.json senco-bench-host.runtimeconfig.json \
      && cp Senco.Web.deps.json senco-bench-host.deps.json \
      && exec env Database__Provider="$PROVIDER" ConnectionStrings__Senco="$CS" $extra dotnet senco-bench-host.dll --urls "http://127.0.0.1:$port" ) >"$log" 2>&1 &
  PIDS+=($!)
}
start "$A" "$PORT_A" "${BENCH_AB_ENV_A:-}" "$RUN/ab-A.log"; PID_A=${PIDS[-1]}
start "$B" "$PORT_B" "${BENCH_AB_ENV_B:-}" "$RUN/ab-B.log"; PID_B=${PIDS[-1]}
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.5; done
done
token() { curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"bench-senco-password-2026\"}" | jq -r .accessToken; }
TOKEN_A="$(token "$PORT_A")"; TOKEN_B="$(token "$PORT_B")"
export BENCH_IDS="" BENCH_TEMPLATE="" BENCH_COOKIE=""
case "$WHAT" in
  register) URL="/api/v1/schools/$BENCH_URN/register" ;;
  csv) URL="/api/v1/schools/$BENCH_URN/register.csv" ;;
  health) URL="/health" ;;
  pupil) URL="/api/v1/pupils/%s"; BENCH_IDS="$RUN/pupil-ids.txt"; BENCH_TEMPLATE="$URL" ;;
  *) echo "unknown endpoint $WHAT" >&2; exit 2 ;;
esac
HZ="$(getconf CLK_TCK)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
one() { # label port pid token seconds -> "rps p95 cpu_ms"
  local port="$2" pid="$3"; export BENCH_TOKEN="$4"
  [[ "$WHAT" == health ]] && export BENCH_TOKEN=""
  local t0 t1 r
  t0="$(ticks "$pid")"
  r="$(wrk -t2 -c32 -d"$5s" -s bench/wrk/bench.lua "http://127.0.0.1:$port$URL" | grep BENCH_RESULT)"
  t1="$(ticks "$pid")"
  echo "$r" | awk -v t=$((t1 - t0)) -v hz="$HZ" '{for(i=2;i<=NF;i++){split($i,kv,"=");v[kv[1]]=kv[2]} printf "%s %s %.2f %s\n", v["rps"], v["p95_ms"], t*1000/hz/v["requests"], v["non2xx"]}'
}
one A "$PORT_A" "$PID_A" "$TOKEN_A" 3 >/dev/null; one B "$PORT_B" "$PID_B" "$TOKEN_B" 3 >/dev/null
: >"$RUN/ab-$WHAT.txt"
for r in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    if [[ $side == A ]]; then res="$(one A "$PORT_A" "$PID_A" "$TOKEN_A" "$SECS")"; else res="$(one B "$PORT_B" "$PID_B" "$TOKEN_B" "$SECS")"; fi
    echo "$side $res $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RUN/ab-$WHAT.txt" | awk '{printf "round '"$r"' %s: %8s req/s  p95 %8s ms  app CPU %6s ms/req  non-2xx %s  load %s\n", $1, $2, $3, $4, $5, $6}'
  done
done
med() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for side in A B; do
  printf 'median %s (%s %s): %s req/s, p95 %s ms, app CPU %s ms/req\n' "$side" "$( [[ $side == A ]] && echo "$A" || echo "$B")" \
    "$( [[ $side == A ]] && echo "${BENCH_AB_ENV_A:-}" || echo "${BENCH_AB_ENV_B:-}")" \
    "$(awk -v s=$side '$1==s{print $2}' "$RUN/ab-$WHAT.txt" | med)" "$(awk -v s=$side '$1==s{print $3}' "$RUN/ab-$WHAT.txt" | med)" \
    "$(awk -v s=$side '$1==s{print $4}' "$RUN/ab-$WHAT.txt" | med)"
done
