#!/usr/bin/env bash
# Peak memory of `fritekst survey` on a ~100 MB ';'-separated CSV (generated once into
# Benchmarks/data/, which is git-ignored). Usage: Benchmarks/survey-memory.sh [size_mb]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-100}"
data="Benchmarks/data/survey-${size_mb}mb.csv"
mkdir -p Benchmarks/data
if [ ! -f "$data" ]; then
  python3 - "$data" "$size_mb" <<'PY'
import json, random, sys
path, size_mb = sys.argv[1], int(sys.argv[2])
random.seed(7)
texts = [json.loads(l)["text"] for l in open("Corpora/is248-published-answers.jsonl")]
munis = [l.split(",")[0] for l in open("Sources/FritekstSurvey/Resources/kommuner-2024.csv")][1:]
limit = size_mb * 1024 * 1024
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("id;kommunenummer;Hva mangler?;Hva fungerer godt?;Andre kommentarer\n")
    n = 0
    written = 0
    while written < limit:
        n += 1
        def ans():
            r = random.random()
            if r < 0.1: return random.choice(["", "-", "vet ikke", "Ingen kommentar."])
            t = " ".join(random.choice(texts) for _ in range(random.randint(1, 3)))
            if r < 0.2: t = '"' + t.replace('"', '""') + '\nNy linje i samme svar."'
            elif ";" in t or '"' in t: t = '"' + t.replace('"', '""') + '"'
            return t
        line = f"r{n};{random.choice(munis)};{ans()};{ans()};{ans()}\n"
        f.write(line)
        written += len(line.encode("utf-8"))
print(f"wrote {path}: {n} rows, {written / 1048576:.1f} MB")
PY
fi
ls -l "$data"
swift build -c release --product fritekst 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/fritekst"
/usr/bin/time -v "$bin" survey "$data" --text-column "Hva mangler?" --text-column "Hva fungerer godt?" \
  --text-column "Andre kommentarer" > Benchmarks/data/survey-report.txt 2> Benchmarks/data/time.txt || true
tail -4 Benchmarks/data/survey-report.txt
grep -E "Elapsed|Maximum resident|Exit status" Benchmarks/data/time.txt
