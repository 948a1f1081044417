#!/usr/bin/env bash
# The trust dashboard benchmark (issue 8, "Measure and report"): a generated trust of 30 schools × 1,000 pupils with
# EHC plans and reviews, funding, provision and intervention scores; the trust SEND lead's dashboard page, its API and
# its CSV driven with wrk by bench/run.sh. Results in bench/out/<db>-trust/summary.md.
#
#   bench/trust.sh [sqlite|postgres]        (default: sqlite)
#
# Other knobs as bench/run.sh (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_SKIP_BUILD, ...).
set -euo pipefail
export BENCH_TRUST=1
export BENCH_SCHOOLS="${BENCH_SCHOOLS:-30}"
export BENCH_PUPILS_PER_SCHOOL="${BENCH_PUPILS_PER_SCHOOL:-1000}"
export BENCH_TAG="${BENCH_TAG:--trust}"
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" "${1:-sqlite}"
