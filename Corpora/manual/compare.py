#!/usr/bin/env python3
"""Pass-to-pass agreement and code frequencies for the manual coding files.
    python3 Corpora/manual/compare.py
"""
import csv
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(name):
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return {r["id"]: frozenset(c for c in r["codes"].split("|") if c)
                for r in csv.DictReader(f, delimiter=";")}


for cb in ["rekruttering", "tud", "recovery"]:
    p1, p2, final = load(f"{cb}-pass1.csv"), load(f"{cb}-pass2.csv"), load(f"{cb}.csv")
    assert p1.keys() == p2.keys() == final.keys()
    same = sum(p1[i] == p2[i] for i in p1)
    pairs = [(i, c) for i in p1 for c in p1[i] | p2[i]]
    agree_codes = sum(c in p1[i] and c in p2[i] for i, c in pairs)
    print(f"{cb}: {len(p1)} records, {sum(bool(v) for v in final.values())} with codes; "
          f"identical in both passes {same}/{len(p1)} = {100 * same / len(p1):.1f}%; "
          f"code-level agreement {agree_codes}/{len(pairs)} = {100 * agree_codes / len(pairs):.1f}%")
    for i in p1:
        if p1[i] != p2[i]:
            print(f"   {i}: pass1 only {sorted(p1[i] - p2[i])}, pass2 only {sorted(p2[i] - p1[i])}, "
                  f"resolved {sorted(final[i])}")
    freq = Counter(c for v in final.values() for c in v)
    print("   frequencies:", ", ".join(f"{c} {n}" for c, n in freq.most_common()))
