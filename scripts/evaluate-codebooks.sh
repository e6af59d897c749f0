#!/usr/bin/env bash
# Micro precision/recall/F1 of each shipped codebook on every evaluation set that exists for it:
#   manual     Corpora/manual/<cb>.csv     published answers (development data: the rules were written from them)
#   challenge  Corpora/challenge/<cb>.csv  written answers (seen while tuning 1.1.0)
#   holdout    Corpora/holdout/<cb>.csv    written blind, see Corpora/holdout/README.md
#              (.dev: odd ids, used to revise 1.2.0; .test: even ids, not read until 1.2.0 was measured;
#              both used to revise 1.3.0)
#   dev        Corpora/dev/<cb>.csv        written blind, used to revise 1.3.0 (measured once before that)
#   holdout2   Corpora/holdout2/<cb>.csv   written blind, round 2: the held-out test for 1.3.0; used to revise 1.4.0
#   holdout3   Corpora/holdout3/<cb>.csv   written blind, round 3: the held-out test for 1.4.0; used to revise 1.5.0
#   holdout4   Corpora/holdout4/<cb>.csv   written blind, round 4: the held-out test for 1.5.0 and later
#              (measure, do not tune on it; see Corpora/holdout4/README.md)
# Usage: scripts/evaluate-codebooks.sh [path/to/fritekst]   (default: .build/debug/fritekst)
#        SETS="manual holdout" scripts/evaluate-codebooks.sh    (only these sets)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/fritekst}"
[ -x "$bin" ] || { echo "no fritekst binary at $bin (run: swift build)" >&2; exit 2; }
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
printf '| codebook | set | answers | codes (ref) | precision | recall | F1 |\n|---|---|--:|--:|--:|--:|--:|\n'
for cb in rekruttering tud recovery; do
  for set in ${SETS:-manual challenge holdout holdout.dev holdout.test dev holdout2 holdout3 holdout4}; do
    dir=${set%%.*}; half=${set#"$dir"}
    gold="Corpora/$dir/$cb$half.csv"
    [ -f "$gold" ] || continue
    if [ "$dir" = manual ]; then survey=Corpora/is248-published-answers.jsonl; else survey="Corpora/$dir/$cb.jsonl"; fi
    "$bin" agree --manual "$gold" --codebook "Codebooks/$cb.yaml" "$survey" --id-column id --text-column text \
      --csv "$tmp" > /dev/null
    # The (micro) row of the per-code CSV, columns found by their header names.
    tr -d '\r' < "$tmp" | awk -F, -v cb="$cb" -v set="$set" '
      NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
      NR == 2 { n = $col["n"] }   # a code row: n = answers compared
      $1 == "(micro)" {
        printf "| %s | %s | %d | %s | %.3f | %.3f | %.3f |\n", cb, set, n, $col["coded_b"],
          $col["precision"], $col["recall"], $col["f1"] }'
  done
done
