#!/usr/bin/env python3
"""Split each holdout gold file into a development half and a test half (deterministic).

dev  = answers whose id number is odd  (h-tud-001, h-tud-003, ...): used to revise the rules
test = answers whose id number is even (h-tud-002, h-tud-004, ...): not read while revising

Writes <codebook>.dev.csv and <codebook>.test.csv next to <codebook>.csv, same format.
Run from anywhere: python3 Corpora/holdout/split.py
"""
import csv
import pathlib

here = pathlib.Path(__file__).resolve().parent
for name in ("rekruttering", "tud", "recovery"):
    source = here / f"{name}.csv"
    if not source.exists():
        continue
    with source.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, body = rows[0], rows[1:]
    for half, parity in (("dev", 1), ("test", 0)):
        chosen = [r for r in body if int(r[0].rsplit("-", 1)[1]) % 2 == parity]
        with (here / f"{name}.{half}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\n")
            w.writerow(header)
            w.writerows(chosen)
