#!/usr/bin/env bash
# Benchmark: the glute-strength handout when each of its five exercises shows a
# different 4000x3000 phone photo stored sideways with an EXIF rotation tag.
# Reports the time of each whole `handout make` run, the PDF size, and the
# embedded images (they must be upright: taller than wide).
#   benches/photos.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --locked -q
cargo build --release --locked -q --example photo_library
bin=$PWD/target/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/photo_library "$work/lib"
cd "$work"
args=(make --library lib --patient "Zoë Ó'Brien" --program glute-strength --date 2026-11-25 --force -o out.pdf)
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s%N)
  "$bin" "${args[@]}" 2>/dev/null
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "photos: 5 x 4000x3000 EXIF-rotated JPEGs ($(du -ch lib/images/*-photo.jpg | tail -1 | cut -f1) in all)"
echo "handout make, $runs runs: median ${sorted[$(( runs / 2 ))]} ms (all: ${times[*]} ms)"
echo "PDF: $(stat -c %s out.pdf) bytes"
if command -v pdfimages >/dev/null; then
  pdfimages -list out.pdf | awk 'NR > 2 && $3 == "image" && $9 == "jpeg" { print "  embedded " $4 "x" $5 (($5 > $4) ? " (upright)" : " (SIDEWAYS)") }'
fi
