#!/usr/bin/env bash
# Rebuild the README's pictures from real output: page 1 of the glute-strength
# handout (standard template), page 1 of each built-in template side by side,
# and the figure contact sheets.
# Needs poppler-utils (pdftoppm) and librsvg2-bin (rsvg-convert).
#   docs/make-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin=$PWD/target/release/handout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make() { "$bin" make --patient "Zoë Ó'Brien" --program glute-strength --date 2026-11-25 --force "$@" 2>/dev/null; }

make -o "$work/standard.pdf"
pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$work/standard.pdf" docs/handout-page-1

# Page 1 of each template, side by side with its name under it.
x=0
svg="$work/templates.svg"
parts=""
for t in standard large-print compact; do
  make --template "$t" -o "$work/$t.pdf"
  pdftoppm -r 50 -png -f 1 -l 1 -singlefile "$work/$t.pdf" "$work/$t"
  parts+="<rect x='$((x + 9))' y='9' width='415' height='586' fill='none' stroke='#8A9399' stroke-width='2'/>"
  parts+="<image x='$((x + 10))' y='10' width='413' height='584' href='$work/$t.png'/>"
  parts+="<text x='$((x + 216))' y='625' font-family='DejaVu Sans, sans-serif' font-size='22' text-anchor='middle'>$t</text>"
  x=$((x + 433))
done
echo "<svg xmlns='http://www.w3.org/2000/svg' width='$((x + 10))' height='645'><rect width='100%' height='100%' fill='white'/>$parts</svg>" > "$svg"
rsvg-convert "$svg" -o docs/templates.png

# The figures: the five of the glute-strength programme, every figure of the
# library, and the worked example of the README.
"$bin" figure clams side-lying-leg-raise side-lying-leg-raise-glute-med hip-hitch hip-hinge --width-mm 46 -o docs/figures.png
"$bin" figure --all --width-mm 45 --dpi 100 --columns 6 -o docs/all-figures.png
"$bin" figure seated-knee-extension --width-mm 50 -o docs/figure-example.png
ls -l docs/*.png
