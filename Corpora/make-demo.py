#!/usr/bin/env python3
"""Build Corpora/demo-is248.csv: a SYNTHETIC IS-24/8 survey export made of REAL published
answer texts placed in REAL municipalities. The municipalities did not write these answers.

Deterministic: running it again gives byte-identical output (seed 2024, inputs sorted by id).

    python3 Corpora/make-demo.py            # run from the repository root (or anywhere)

Inputs (all under Corpora/):
  is248-published-answers.jsonl            texts from the public IS-24/8 reports (see README.md)
  data/kommuner-2024.csv                   357 municipalities, population 1.1.2024 (SSB 07459)
  data/oslo-bydeler-2024.csv               15 Oslo districts, population 1.1.2024 (SSB 10826)
Outputs:
  demo-is248.csv                           ';'-separated, UTF-8 without BOM, CRLF, RFC 4180 quoting
  demo-is248-answers.jsonl                 one line per non-empty cell: key back to the sources
"""
import csv
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2024

COLUMNS = {
    "rekruttering": ["recruitment_needs", "competence_needs_2012", "recruitment_other_actions"],
    "tud": ["tud_legislation_interpretation"],
    "recovery": ["recovery_why", "recovery_why_not"],
}
# 'annet': answers to OTHER questions, to test the codebooks' precision.
# Every ANNET_STEP-th record (by id) of all other topics, plus these topics in full
# because they mention professions, staffing or coercion in another context.
ANNET_STEP = 7
ANNET_ALWAYS = ["gp_cooperation_comments", "staff_changes_made", "violence_comments"]

# One cell per listed pair joins two short answers of the same topic with a line break,
# so that readers must handle a quoted newline.
JOINS = {
    "rekruttering": ("s001-L2193", "s001-L2200"),
    "annet": ("s001-L2215", "s001-L2216"),
}
NON_ANSWERS = ["-", "Ingen kommentar", "Vet ikke", "-", "Ingen", "Ikke aktuelt", "Vet ikke", "Nei"]

BANDS = ["<2000", "2000-4999", "5000-9999", "10000-19999", "20000-49999", ">=50000", "oslo-bydel"]
# Every spelling of a size band that occurs in the reports -> band. "De minste" / "De nest
# minste kommunene" are the first two groups of the report's list (<2000, 2000-5000).
BAND_LABELS = {
    "Kommuner med færre enn 2000 innbyggere": "<2000",
    "< 2000 innbyggere": "<2000",
    "De minste kommunene": "<2000",
    "Kommuner med 2000-5000 innbyggere": "2000-4999",
    "2000-5000 innbyggere": "2000-4999",
    "De nest minste kommunene": "2000-4999",
    "Kommuner med 5000-10000 innbyggere": "5000-9999",
    "5000-10000 innbyggere": "5000-9999",
    "Kommuner med 10000 til 20000 innbyggere": "10000-19999",
    "Kommuner med 10000-20000 innbyggere": "10000-19999",
    "10000-20000 innbyggere": "10000-19999",
    "Kommuner med 20000-50000 innbyggere": "20000-49999",
    "20000-50000 innbyggere": "20000-49999",
    "Kommuner med over 50000 innbyggere utenom Oslo": ">=50000",
    "Kommuner med over 50 000 innbyggere": ">=50000",
    "50000 innbyggere og mer": ">=50000",
    "Bydeler i Oslo": "oslo-bydel",
    "Bydelene i Oslo": "oslo-bydel",
    "Bydel i Oslo": "oslo-bydel",
}


def band_of(pop):
    for limit, band in [(2000, "<2000"), (5000, "2000-4999"), (10000, "5000-9999"),
                        (20000, "10000-19999"), (50000, "20000-49999")]:
        if pop < limit:
            return band
    return ">=50000"


def load_units():
    units = []  # (kommunenummer, name, band)
    with open(HERE / "data" / "kommuner-2024.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["kommunenummer"] == "0301":
                continue  # Oslo answers as its 15 districts
            units.append((r["kommunenummer"], r["kommunenavn"], band_of(int(r["innbyggere"]))))
    with open(HERE / "data" / "oslo-bydeler-2024.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            units.append((r["bydelsnummer"], "Bydel " + r["bydelsnavn"], "oslo-bydel"))
    units.sort()
    return units


def main():
    records = [json.loads(l) for l in open(HERE / "is248-published-answers.jsonl", encoding="utf-8")]
    records.sort(key=lambda r: r["id"])
    by_id = {r["id"]: r for r in records}
    for r in records:
        lab = r.get("size_band_label")
        if lab and lab not in BAND_LABELS:
            raise SystemExit(f"unknown size band label {lab!r} in {r['id']}")

    used_topics = {t for ts in COLUMNS.values() for t in ts}
    others = [r for r in records if r["topic"] not in used_topics]
    annet = [r for i, r in enumerate(others) if i % ANNET_STEP == 0 or r["topic"] in ANNET_ALWAYS]
    pools = {col: [r for r in records if r["topic"] in ts] for col, ts in COLUMNS.items()}
    pools["annet"] = annet

    units = load_units()
    names = {k: n for k, n, _ in units}
    band = {k: b for k, _, b in units}
    rng = random.Random(SEED)
    cells = {}  # (kommunenummer, column) -> (text, [source ids])

    for col in ["rekruttering", "tud", "recovery", "annet"]:
        pool = pools[col]
        # items: (source ids, text, band or None)
        join = JOINS.get(col)
        items = []
        for r in pool:
            if join and r["id"] == join[1]:
                continue
            if join and r["id"] == join[0]:
                a, b = by_id[join[0]], by_id[join[1]]
                assert a["topic"] == b["topic"] and b in pool
                items.append(([a["id"], b["id"]], a["text"] + "\n" + b["text"], None))
                continue
            items.append(([r["id"]], r["text"], BAND_LABELS.get(r.get("size_band_label"))))
        # banded answers first, so that each gets a municipality of its own band
        items.sort(key=lambda it: (it[2] is None, it[0][0]))
        free = [k for k, _, _ in units]
        for ids, text, b in items:
            candidates = [k for k in free if b is None or band[k] == b]
            if not candidates:
                raise SystemExit(f"no free municipality in band {b} for {ids} in column {col}")
            k = rng.choice(candidates)
            free.remove(k)
            cells[(k, col)] = (text, ids)

    # two synthetic non-answers per column, in cells that are still empty
    texts = iter(NON_ANSWERS)
    for col in ["rekruttering", "tud", "recovery", "annet"]:
        empty = [k for k, _, _ in units if (k, col) not in cells]
        for k in sorted(rng.sample(empty, 2)):
            cells[(k, col)] = (next(texts), [])

    cols = ["rekruttering", "tud", "recovery", "annet"]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(["kommunenummer", "kommune"] + cols)
    for k, name, _ in units:
        w.writerow([k, name] + [cells.get((k, c), ("", []))[0] for c in cols])
    (HERE / "demo-is248.csv").write_bytes(buf.getvalue().encode("utf-8"))

    with open(HERE / "demo-is248-answers.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for k, _, _ in units:
            for c in cols:
                if (k, c) not in cells:
                    continue
                text, ids = cells[(k, c)]
                row = {
                    "answer_id": f"{k}/{c}",
                    # the corpus id; a joined cell has both ids joined by '+'; null for a
                    # synthetic non-answer ("-", "Vet ikke", ...) that has no source
                    "source_id": "+".join(ids) if ids else None,
                    "source_ids": ids,
                    "kommunenummer": k,
                    "column": c,
                    "text": text,
                }
                if not ids:
                    row["non_answer"] = True
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
