#!/usr/bin/env bash
# Release-mode micro-benchmarks: tokens per second on one core, and matching time for
# synthetic codebooks of 20 and 2,000 rules over 20,000 answers.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product fritekst-bench >/dev/null
corpus=Corpora/is248-published-answers.jsonl
.build/release/fritekst-bench tokenize "$corpus" 20
.build/release/fritekst-bench rules "$corpus" 20000 20 2000
