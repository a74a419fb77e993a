#!/usr/bin/env bash
# Benchmark: one handout as a whole process, from a release build.
# Builds target/release/handout, makes the glute-strength handout RUNS times
# (default 50) and reports the median and 90th percentile wall time, the PDF size
# and the peak memory of one run.
#   benches/make.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
# HANDOUT_BIN=path runs another binary (e.g. an older build to compare) instead.
if [ -n "${HANDOUT_BIN:-}" ]; then
  bin=$(realpath "$HANDOUT_BIN")
else
  cargo build --release --locked -q
  bin=$PWD/target/release/handout
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
args=(make --patient "Zoë Ó'Brien" --program glute-strength --date 2026-11-25 --force -o out.pdf)
"$bin" "${args[@]}" 2>/dev/null   # warm the file cache
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s%N)
  "$bin" "${args[@]}" 2>/dev/null
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
p90=${sorted[$(( runs * 9 / 10 ))]}
size=$(stat -c %s out.pdf)
peak=$( { /usr/bin/time -f '%M' "$bin" "${args[@]}" 2>&1 >/dev/null | tail -n 1; } 2>/dev/null || echo "?")
printf 'handout make (glute-strength, A4, %s runs): median %d.%03d ms, p90 %d.%03d ms, %d bytes (%d KB), peak memory %s KB\n' \
  "$runs" $((median / 1000)) $((median % 1000)) $((p90 / 1000)) $((p90 % 1000)) "$size" $((size / 1024)) "$peak"
