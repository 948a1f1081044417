#!/usr/bin/env bash
# Profile one endpoint of an app started by a previous bench/run.sh (reuses its database and published app).
#
#   bench/profile.sh sqlite|postgres register|pupil|csv|health [seconds]
#
# Starts the app on BENCH_PORT+1, drives the endpoint with wrk, takes a CPU sampling trace with dotnet-trace
# (installed into bench/out/tools), and prints the top methods by exclusive and inclusive time plus the SQL the
# endpoint runs (EF command logging on). BENCH_APP_ENV adds VAR=value pairs to the app's environment.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET="${1:?sqlite|postgres}"; WHAT="${2:?register|pupil|csv|health}"; SECS="${3:-10}"
RUN="$ROOT/bench/out/$TARGET"; OUT="$ROOT/bench/out"; TOOLS="$OUT/tools"
PORT="$(( ${BENCH_PORT:-5077} + 1 ))"; BASE="http://127.0.0.1:$PORT"
[[ -f "$RUN/bench.env" ]] || { echo "run bench/run.sh $TARGET first" >&2; exit 1; }
# shellcheck disable=SC1091
source "$RUN/bench.env"
[[ -x "$TOOLS/dotnet-trace" ]] || dotnet tool install --tool-path "$TOOLS" dotnet-trace >/dev/null
if [[ "$TARGET" == sqlite ]]; then PROVIDER=Sqlite; CS="Data Source=$RUN/senco.db"
else PROVIDER=Postgres; CS="Host=127.0.0.1;Port=5432;Username=senco_bench;Password=senco_bench;Database=senco_bench"; fi
APP_ENV=(Database__Provider="$PROVIDER" ConnectionStrings__Senco="$CS")
# shellcheck disable=SC2206
[[ -n "${BENCH_APP_ENV:-}" ]] && APP_ENV+=(${BENCH_APP_ENV})
( cd "$OUT/app" && exec env "${APP_ENV[@]}" dotnet senco-bench-host.dll --urls "$BASE" ) >"$RUN/profile-app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "$BASE/health" && break; sleep 0.5; done
TOKEN="$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"bench-senco-password-2026\"}" | jq -r .accessToken)"
export BENCH_TOKEN="$TOKEN" BENCH_IDS="" BENCH_TEMPLATE=""
case "$WHAT" in
  register) URL="/api/v1/schools/$BENCH_URN/register" ;;
  csv) URL="/api/v1/schools/$BENCH_URN/register.csv" ;;
  health) URL="/health"; BENCH_TOKEN="" ;;
  pupil) URL="/api/v1/pupils/%s"; BENCH_IDS="$RUN/pupil-ids.txt"; BENCH_TEMPLATE="$URL" ;;
  *) echo "unknown endpoint $WHAT" >&2; exit 2 ;;
esac
wrk -t2 -c32 -d5s -s bench/wrk/bench.lua "$BASE$URL" >/dev/null
TRACE="$RUN/$WHAT.nettrace"
wrk -t2 -c32 -d"$((SECS + 6))s" -s bench/wrk/bench.lua "$BASE$URL" >"$RUN/profile-$WHAT-wrk.txt" &
WRK=$!
sleep 2
"$TOOLS/dotnet-trace" collect -p "$APP_PID" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf %02d "$SECS")" -o "$TRACE" >/dev/null
wait $WRK
grep BENCH_RESULT "$RUN/profile-$WHAT-wrk.txt"
"$TOOLS/dotnet-trace" report "$TRACE" topN -n 40 2>&1 | tee "$RUN/profile-$WHAT-top-exclusive.txt"
"$TOOLS/dotnet-trace" report "$TRACE" topN -n 60 --inclusive 2>&1 | tee "$RUN/profile-$WHAT-top-inclusive.txt"
