#!/usr/bin/env bash
# Check that a change keeps the output byte for byte: makes the same handouts
# with an older binary and the current release build, and compares every PDF.
#   cp target/release/handout /tmp/handout-old     # before the change
#   benches/identical.sh /tmp/handout-old          # after it
# Covers the three templates on A4 and Letter with a log, per-exercise and
# general notes and a next appointment, Greek and Cyrillic names, PDF/A, a
# batch roster (the layout cache), EXIF-rotated phone photos (re-encoded JPEGs)
# and, where ImageMagick's `convert` exists, a PNG logo and WebP pictures
# (passed through).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "${1:?usage: benches/identical.sh OLD_BINARY}")
cargo build --release --locked -q
cargo build --release --locked -q --example photo_library
new=$PWD/target/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

target/release/examples/photo_library "$work/photos" >/dev/null
cp -r content "$work/raster"
if command -v convert >/dev/null; then
  convert -size 240x90 gradient:'#0B5563'-'#FFFFFF' "$work/raster/images/logo.png"
  sed -i 's/^logo = "logo.svg"/logo = "logo.png"/' "$work/raster/clinic.toml"
  for id in clams hip-hitch; do
    convert -size 400x300 plasma:fractal -seed 7 "$work/raster/images/$id.webp" 2>/dev/null ||
      convert -size 400x300 gradient:red-blue "$work/raster/images/$id.webp"
    sed -i "s/file = \"$id.svg\"/file = \"$id.webp\"/" "$work/raster/exercises/$id.toml"
  done
fi
{
  echo "patient,program,exercises,date,paper,template,notes,log,next-appointment"
  names=("Jane Doe" "Αλέξανδρος Παπαδόπουλος" "Наталья Щукина" "Zoë Ó'Brien"
    "Alexandra Konstantinopoulou-Featherstonehaugh de la Cruz y Montenegro" "Sam Lee")
  for i in $(seq 0 23); do
    n=${names[$((i % 6))]}
    paper=$([ $((i % 2)) -eq 0 ] && echo a4 || echo letter)
    template=$(echo "standard large-print compact" | cut -d' ' -f$((i % 3 + 1)))
    ex=$([ $((i % 4)) -eq 0 ] && echo "\"clams:2x15@4s,hip-hitch\"" || echo "")
    prog=$([ $((i % 4)) -eq 0 ] && echo "" || echo glute-strength)
    notes=$([ $((i % 5)) -eq 0 ] && echo "\"clams=Use the green band|Walk every day.\"" || echo "")
    echo "$n $i,$prog,$ex,2026-11-25,$paper,$template,$notes,$((i % 3)),$([ $((i % 2)) -eq 1 ] && echo "2026-12-02 10:30")"
  done
} > "$work/roster.csv"

# Run quietly; show what a failing run said.
run() { "$@" 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }; }

make_all() {
  local bin=$1 out=$2
  mkdir -p "$out"
  cd "$out"
  local common=(--patient "Zoë Ó'Brien" --program glute-strength --date 2026-11-25 --force)
  local extra=(--log 4 --note clams=x --next-appointment "2026-12-02 10:30"
    --notes "Walk for 20 minutes every day.\nCome back in two weeks.")
  run "$bin" make "${common[@]}" -o plain.pdf
  for t in standard large-print compact; do
    for p in a4 letter; do
      run "$bin" make "${common[@]}" "${extra[@]}" --template "$t" --paper "$p" -o "$t-$p.pdf"
    done
  done
  run "$bin" make "${common[@]}" --pdfa -o pdfa.pdf
  run "$bin" make --patient "Αλέξανδρος Наталья" --exercises clams:3x12@5s,hip-hinge --date 2026-11-25 \
    --clinician "Dr Maximilian Oppenheimer-Wolfe" --force -o greek.pdf
  run "$bin" make --library "$work/photos" "${common[@]}" -o photos.pdf
  run "$bin" make --library "$work/raster" "${common[@]}" --template compact -o raster.pdf
  run "$bin" batch "$work/roster.csv" --out-dir batch --quiet --force
  cd - >/dev/null
}
make_all "$old" "$work/old"
make_all "$new" "$work/new"
count=0
differ=0
while IFS= read -r f; do
  count=$((count + 1))
  if ! cmp -s "$work/old/$f" "$work/new/$f"; then
    echo "differs: $f"
    differ=$((differ + 1))
  fi
done < <(cd "$work/old" && find . -name '*.pdf' | sort)
new_count=$(cd "$work/new" && find . -name '*.pdf' | wc -l)
echo "$count PDFs compared ($new_count made by the new binary), $differ differ"
[ "$differ" -eq 0 ] && [ "$count" -eq "$new_count" ] && [ "$count" -gt 0 ]
