#!/usr/bin/env bash
# Coverage-guided fuzzing of Senco's parsers with AFL++ and SharpFuzz (issue 9).
#
#   bench/fuzz-afl.sh [minutes per target = 5] [targets = upn,ctf,csv,xlsx-sheet]
#
# Installs afl++ if missing (apt-get, needs root), restores the sharpfuzz tool from .config/dotnet-tools.json,
# publishes bench/FuzzAfl in Release to bench/out/afl/app, instruments the parser assemblies there, writes each
# target's seed corpus and dictionary, runs afl-fuzz for the given minutes per target (niced) and writes
# bench/out/afl/report.md from each target's fuzzer_stats. Crashing and hanging inputs stay in
# bench/out/afl/<target>/out/default/{crashes,hangs}; replay one with
#   dotnet bench/out/afl/app/FuzzAfl.dll <target> <file>
# Extra afl-fuzz options can be passed in AFL_EXTRA (e.g. AFL_EXTRA="-p explore"); the per-execution timeout in
# AFL_TIMEOUT_MS (default 10000: .NET on a loaded machine is slow, and a parser that needs 10 s is a hang).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MINUTES=${1:-5}
TARGETS=${2:-upn,ctf,csv,xlsx-sheet}
TIMEOUT_MS=${AFL_TIMEOUT_MS:-10000}
SECS=${AFL_SECONDS:-$((MINUTES * 60))}   # AFL_SECONDS overrides, for a smoke test
OUT=$ROOT/bench/out/afl
APP=$OUT/app

if ! command -v afl-fuzz >/dev/null; then
  echo "installing afl++ ..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++
fi

echo "restoring the sharpfuzz tool ..."
dotnet tool restore >/dev/null

echo "publishing bench/FuzzAfl ..."
rm -rf "$APP"
nice -n 10 dotnet publish bench/FuzzAfl/FuzzAfl.csproj -c Release -v q -o "$APP" -p:SencoSkipFrontend=true >"$OUT.publish.log" 2>&1 \
  || { cat "$OUT.publish.log"; exit 1; }

# Instrument what holds the parsers: all of Senco.Core (UPN, CTF reader, import planner and values), the import
# feature of Senco.Web (RollFileReader; the rest of the web app is not on the path) and CsvHelper, whose tokenizer
# every CSV byte goes through. DocumentFormat.OpenXml is left uninstrumented: large, and the sheet target reaches
# it through RollFileReader's own branches.
echo "instrumenting ..."
dotnet sharpfuzz "$APP/Senco.Core.dll"
dotnet sharpfuzz "$APP/Senco.Web.dll" Senco.Web.Features.Imports
dotnet sharpfuzz "$APP/CsvHelper.dll"

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
       AFL_FORKSRV_INIT_TMOUT=60000 AFL_TRY_AFFINITY=0 DOTNET_TieredPGO=0

IFS=, read -ra WANT <<<"$TARGETS"
for t in "${WANT[@]}"; do
  dir=$OUT/$t
  rm -rf "$dir"
  dotnet "$APP/FuzzAfl.dll" seeds "$t" "$dir/in" "$dir/dict.txt"
  dictopt=()
  [ -s "$dir/dict.txt" ] && dictopt=(-x "$dir/dict.txt")
  echo "fuzzing $t for $SECS s ..."
  nice -n 10 afl-fuzz -i "$dir/in" -o "$dir/out" -t "$TIMEOUT_MS" -m none -V "$SECS" "${dictopt[@]}" ${AFL_EXTRA:-} \
    -- dotnet "$APP/FuzzAfl.dll" "$t" >"$dir/afl.log" 2>&1 || { echo "afl-fuzz failed for $t:"; tail -30 "$dir/afl.log"; }
done

# The report: one row per target from AFL's own statistics.
stat() { sed -n "s/^$2 *: *//p" "$1" | head -1; }
{
  echo "# Coverage-guided fuzzing (AFL++ with SharpFuzz)"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
       "AFL++ $(dpkg-query -W -f='${Version}' afl++ 2>/dev/null || echo '?'), SharpFuzz $(sed -n 's/.*\"SharpFuzz\" Version=\"\([^\"]*\)\".*/\1/p' Directory.Packages.props), .NET $(dotnet --version)," \
       "$SECS s per target, timeout $TIMEOUT_MS ms."
  echo
  echo "| Target | Run time (s) | Executions | Execs/s | Corpus (paths) | Found by AFL | Edges covered | Bitmap | Saved crashes | Saved hangs |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for t in "${WANT[@]}"; do
    f=$OUT/$t/out/default/fuzzer_stats
    if [ ! -f "$f" ]; then echo "| $t | no fuzzer_stats: see bench/out/afl/$t/afl.log | | | | | | | | |"; continue; fi
    echo "| $t | $(stat "$f" run_time) | $(stat "$f" execs_done) | $(stat "$f" execs_per_sec) | $(stat "$f" corpus_count) | $(stat "$f" corpus_found) | $(stat "$f" edges_found) / $(stat "$f" total_edges) | $(stat "$f" bitmap_cvg) | $(stat "$f" saved_crashes) | $(stat "$f" saved_hangs) |"
  done
  echo
  echo "Findings (inputs kept under bench/out/afl/<target>/out/default/):"
  echo
  any=0
  for t in "${WANT[@]}"; do
    for kind in crashes hangs; do
      d=$OUT/$t/out/default/$kind
      [ -d "$d" ] || continue
      for f in "$d"/id:*; do
        [ -e "$f" ] || continue
        any=1; echo "- $t, $kind: \`${f#"$ROOT"/}\`"
      done
    done
  done
  [ $any = 0 ] && echo "- none"
} >"$OUT/report.md"
cat "$OUT/report.md"
