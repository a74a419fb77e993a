#!/usr/bin/env bash
# Benchmark: `handout batch` on a roster of ROWS patients (default 1000) with the
# glute-strength program and the built-in illustrations, from a release build.
# Reports wall time, handouts per second and peak memory (RSS).
#   benches/batch.sh [ROWS] [extra batch flags, e.g. --jobs 1]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000}
shift || true
# HANDOUT_BIN=path runs another binary (e.g. an older build to compare) instead.
if [ -n "${HANDOUT_BIN:-}" ]; then
  bin=$(realpath "$HANDOUT_BIN")
else
  cargo build --release --locked -q
  bin=$PWD/target/release/handout
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "patient,program,date"
  for i in $(seq 1 "$rows"); do echo "Patient Number $i,glute-strength,2026-11-25"; done
} > "$work/roster.csv"
s=$(date +%s%N)
/usr/bin/time -f '%M' -o "$work/rss" "$bin" batch "$work/roster.csv" --out-dir "$work/out" --quiet "$@"
e=$(date +%s%N)
ms=$(( (e - s) / 1000000 ))
written=$(find "$work/out" -name '*.pdf' | wc -l)
bytes=$(du -sb "$work/out" | cut -f1)
rss=$(cat "$work/rss")
echo "batch: $written handouts in $ms ms ($(( written * 1000 / (ms > 0 ? ms : 1) )) per second), peak memory $(( rss / 1024 )) MB, $(( bytes / written / 1024 )) KB per PDF, $(nproc) cores"
