#!/usr/bin/env bash
# Streaming benchmark: `fritekst code` on a 1,000,000-answer CSV, side by side with two baselines
# a researcher might otherwise use on the same file: GNU grep (case-insensitive substring count
# for each code's words, no negation/tokens/tally) and a Python script that tokenises once
# and looks up exact words, prefixes, suffixes and infixes per code (quanteda-style).
#
# Usage: Benchmarks/code-1m.sh [answers] [codebook]
# Writes the generated survey to Benchmarks/data/ (git-ignored). Reports wall time, answers/s,
# CPU use (>100 % means more than one core) and peak RSS from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
answers="${1:-1000000}"
codebook="${2:-Codebooks/rekruttering.yaml}"
data="Benchmarks/data/survey-${answers}.csv"
mkdir -p Benchmarks/data
if [ ! -f "$data" ]; then
  python3 Benchmarks/make-survey.py "$data" "$answers"
fi
swift build -c release --product fritekst 2>&1 | grep -E "error|Compiling fritekst|Build" || true
bin=.build/release/fritekst
ls -l "$data" | awk '{printf "input: %s, %.0f MB\n", $9, $5/1e6}'

run() {  # label, command...
  local label="$1"; shift
  /usr/bin/time -v "$@" >/tmp/fritekst-bench.out 2>/tmp/fritekst-bench.time || { cat /tmp/fritekst-bench.time; exit 1; }
  local wall cpu rss
  wall=$(grep "Elapsed (wall clock)" /tmp/fritekst-bench.time | awk '{print $NF}')
  cpu=$(grep "Percent of CPU" /tmp/fritekst-bench.time | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" /tmp/fritekst-bench.time | awk '{printf "%.1f MB", $NF/1024}')
  printf "%-44s wall %8s  cpu %5s  peak RSS %s\n" "$label" "$wall" "$cpu" "$rss"
}

out=$(mktemp -d)
run "fritekst code (all cores)" "$bin" code "$data" --codebook "$codebook" --text-column svar --out "$out/all" --quiet
run "fritekst code (--threads 1)" "$bin" code "$data" --codebook "$codebook" --text-column svar --out "$out/one" --threads 1 --quiet
cmp "$out/all/coded.jsonl" "$out/one/coded.jsonl" && echo "coded.jsonl identical with 1 and all threads"
grep -c '' "$out/all/coded.jsonl" | awk '{print "coded.jsonl records:", $1}'
words=$(python3 Benchmarks/codebook-words.py "$codebook")
run "grep -ciE (substring, no rules)" grep -ciE "$words" "$data"
run "python token lookup per code (one core)" python3 Benchmarks/regex-baseline.py "$codebook" "$data"
rm -rf "$out"
