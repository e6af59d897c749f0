"""Baseline: dictionary lookup as a careful analyst would write it in Python (the quanteda
approach): tokenise each answer once (lower-cased words, hyphenated compounds kept), then for
each code test the tokens against its exact words, prefixes (word*), suffixes (*word) and infixes
(*word*) taken from the codebook's match: lines. Counts answers per code. No negation,
exclusions, phrases, proximity, spans or size bands — a lower bound on what a real tool must do.
"""
import csv, re, sys

codebook, survey = sys.argv[1], sys.argv[2]
codes, current = {}, None
for line in open(codebook, encoding="utf-8"):
    m = re.match(r"  - id:\s*(\S+)", line)
    if m:
        current = m.group(1)
        codes[current] = (set(), [], [], [])
    elif current and "match:" in line:
        for w in re.findall(r"[\w*æøåÆØÅ-]+", line.split("match:")[1].split("#")[0]):
            core = w.strip("*").lower()
            if not core:
                continue
            exact, pre, suf, inf = codes[current]
            if w.startswith("*") and w.endswith("*"): inf.append(core)
            elif w.endswith("*"): pre.append(core)
            elif w.startswith("*"): suf.append(core)
            else: exact.add(core)
tables = {c: (e, tuple(p), tuple(s), i) for c, (e, p, s, i) in codes.items() if e or p or s or i}
counts = {c: 0 for c in tables}
word = re.compile(r"\w+(?:-\w+)*")
with open(survey, encoding="utf-8", newline="") as f:
    reader = csv.reader(f, delimiter=";")
    next(reader)
    for row in reader:
        tokens = set(word.findall(row[2].lower()))
        for c, (exact, pre, suf, inf) in tables.items():
            if (exact & tokens) or any(t.startswith(pre) for t in tokens if pre) \
               or any(t.endswith(suf) for t in tokens if suf) or any(x in t for t in tokens for x in inf):
                counts[c] += 1
print(counts)
