#!/usr/bin/env bash
# Benchmark: layout time against the length of the notes (bounded work).
# Lays out and renders the glute-strength handout with notes of 10, 100 and
# 1000 KB (or the sizes given), first as paragraphs of six sentences, then as
# one paragraph with no line break. Time should grow about linearly.
#   benches/notes.sh [KB ...]
# The command line and rosters refuse notes over 20,000 characters; the
# example calls the engine directly to go past that limit.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q --example notes_scaling
echo "paragraphs of six sentences:"
target/release/examples/notes_scaling "$@"
echo "one paragraph:"
ONE_PARAGRAPH=1 target/release/examples/notes_scaling "$@"
