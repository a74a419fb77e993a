#!/usr/bin/env bash
# Benchmark of paper: how full the pages of every built-in programme are, with
# every template, on A4 and Letter, with and without a 4-week log, notes and an
# appointment (see examples/page_fill.rs for the columns).
#   benches/page_fill.sh [--detail]
# benches/page_fill-before.txt and -after.txt are its output before and after
# the pagination of the plan box, dose in words and tick chart (branch `pages`).
# page_fill-figures.txt: with the figures drawn from poses and the cards' cautions.
# page_fill-columns.txt: large print with one-line footers and lying figures
# beside the words, compact cards down columns.
# page_fill-onepage.txt: words run on under the pictures line by line, compact
# on one A4 page for the glute programme (how often said once, in the plan).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --locked -q --example page_fill -- "$@"
