#!/usr/bin/env bash
# Soak test: Senco under a steady load of mixed reads and writes for a long time (default one hour), reporting per
# minute the latency percentiles, errors and the app's memory (flat is the goal).
#
#   bench/soak.sh [sqlite|postgres] [minutes] [requests-per-second]      (defaults: sqlite 60 40)
#
# Uses bench/run.sh for the set-up (Release build, a generated 2,000-pupil school, the app on 127.0.0.1, sign-in),
# then bench/Soak drives the load. Report: bench/out/<db>-soak/soak.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export BENCH_SOAK_MINUTES="${2:-60}" BENCH_SOAK_RPS="${3:-40}" BENCH_TAG="${BENCH_TAG:--soak}" BENCH_SCHOOLS="${BENCH_SCHOOLS:-1}"
exec bench/run.sh "${1:-sqlite}"
