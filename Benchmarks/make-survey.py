"""Generates a large synthetic ';'-survey from the published IS-24/8 answers (deterministic).

Usage: make-survey.py OUT.csv ANSWERS   — one row per answer: id;kommunenummer;svar
"""
import json, random, sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(2024)
texts = [json.loads(l)["text"] for l in open("Corpora/is248-published-answers.jsonl", encoding="utf-8")]
munis = [l.split(",")[0] for l in open("Sources/FritekstSurvey/Resources/kommuner-2024.csv", encoding="utf-8")][1:]
munis = [m for m in munis if m != "0301"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("id;kommunenummer;svar\r\n")
    for i in range(n):
        r = rng.random()
        if r < 0.05:
            t = rng.choice(["", "-", "Vet ikke"])
        else:
            t = " ".join(rng.choice(texts) for _ in range(rng.randint(1, 2)))
        if any(c in t for c in ';"\n'):
            t = '"' + t.replace('"', '""') + '"'
        f.write(f"r{i};{rng.choice(munis)};{t}\r\n")
