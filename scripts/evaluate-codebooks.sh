#!/usr/bin/env bash
# Micro precision/recall/F1 of each shipped codebook on every evaluation set that exists for it:
#   manual     Corpora/manual/<cb>.csv     published answers (development data: the rules were written from them)
#   challenge  Corpora/challenge/<cb>.csv  written answers (seen while tuning 1.1.0)
#   holdout    Corpora/holdout/<cb>.csv    written blind, see Corpora/holdout/README.md
#              (.dev: odd ids, used to revise the rules; .test: even ids, not read while revising)
# Usage: scripts/evaluate-codebooks.sh [path/to/fritekst]   (default: .build/debug/fritekst)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/fritekst}"
[ -x "$bin" ] || { echo "no fritekst binary at $bin (run: swift build)" >&2; exit 2; }
printf '| codebook | set | answers | codes (ref) | precision | recall | F1 |\n|---|---|--:|--:|--:|--:|--:|\n'
for cb in rekruttering tud recovery; do
  for set in manual challenge holdout holdout.dev holdout.test; do
    dir=${set%%.*}; half=${set#"$dir"}
    gold="Corpora/$dir/$cb$half.csv"
    [ -f "$gold" ] || continue
    if [ "$dir" = manual ]; then survey=Corpora/is248-published-answers.jsonl; else survey="Corpora/$dir/$cb.jsonl"; fi
    n=$(($(wc -l < "$gold") - 1))
    "$bin" agree --manual "$gold" --codebook "Codebooks/$cb.yaml" "$survey" --id-column id --text-column text \
      | awk -F'|' -v cb="$cb" -v set="$set" -v n="$n" '/\*\*micro\*\*/ {
          gsub(/ /, "", $0); split($0, f, "|");
          printf "| %s | %s | %d | %s | %s | %s | %s |\n", cb, set, n, f[5], f[11], f[12], f[13] }'
  done
done
