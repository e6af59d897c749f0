"""Baseline: one compiled regex per code (its match: words/globs as \\b-anchored alternatives),
applied to every answer of the survey; tallies answers per code. No negation, exclusions,
phrases with gaps or spans: the simplest thing that counts words per code."""
import csv, re, sys

codebook, survey = sys.argv[1], sys.argv[2]
codes, current = {}, None
for line in open(codebook, encoding="utf-8"):
    m = re.match(r"\s*- id:\s*(\S+)", line)
    if m and line.startswith("  - id:"):
        current = m.group(1)
        codes[current] = []
    elif current and "match:" in line:
        for w in re.findall(r"[\w*æøåÆØÅ-]+", line.split("match:")[1].split("#")[0]):
            core = re.escape(w.strip("*"))
            pre = r"\w*" if w.startswith("*") else r"\b"
            post = r"\w*" if w.endswith("*") else r"\b"
            codes[current].append(pre + core + post)
regexes = {c: re.compile("|".join(p), re.I) for c, p in codes.items() if p}
counts = {c: 0 for c in regexes}
with open(survey, encoding="utf-8", newline="") as f:
    reader = csv.reader(f, delimiter=";")
    next(reader)
    for row in reader:
        text = row[2]
        for c, rx in regexes.items():
            if rx.search(text):
                counts[c] += 1
print(counts)
