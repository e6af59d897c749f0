#!/usr/bin/env bash
# Opens fritekst.xlsx with LibreOffice (headless), converts its first sheet (Tally) to CSV and
# compares every cell with tally.csv from the same run: counts must be equal, percentages equal
# to one decimal. Proves the workbook is a real XLSX that a spreadsheet program reads, not only
# XML our own tests parse.
#
#   scripts/check-xlsx-libreoffice.sh OUT_FOLDER     (a `fritekst code --xlsx` output folder)
#
# Needs soffice (apt-get install -y libreoffice-calc-nogui) and python3; skips with exit 0 and a
# message when soffice is missing.
set -euo pipefail
out="${1:?usage: $0 OUT_FOLDER}"
if ! command -v soffice >/dev/null; then
  echo "SKIP: soffice not found (apt-get install -y libreoffice-calc-nogui)"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# UTF-8 (76), comma-separated (44), quoted text ("=34"); first sheet.
soffice --headless -env:UserInstallation=file://"$tmp"/profile \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$tmp" "$out/fritekst.xlsx" >/dev/null 2>&1
python3 - "$tmp/fritekst.csv" "$out/tally.csv" <<'PY'
import csv, sys
lo = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
ref = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
assert len(lo) == len(ref), f"rows: LibreOffice {len(lo)} vs tally.csv {len(ref)}"
cells = 0
for i, (a, b) in enumerate(zip(lo, ref)):
    assert len(a) == len(b), f"row {i+1}: {len(a)} vs {len(b)} columns"
    for j, (x, y) in enumerate(zip(a, b)):
        if i > 0 and j == 3: x = x.strip()           # labels are indented in the workbook
        if i > 0 and ref[0][j].endswith(" %") and y != "":
            assert x.endswith("%"), f"row {i+1} col {j+1}: {x!r} is not shown as a percentage"
            assert abs(float(x.rstrip("%").replace(",", ".")) - float(y)) < 0.051, f"row {i+1} col {j+1}: {x} vs {y}"
        else:
            assert x == y, f"row {i+1} col {j+1}: LibreOffice {x!r} vs tally.csv {y!r}"
        cells += 1
print(f"OK: LibreOffice read {len(lo)} rows, {cells} cells of the Tally sheet; all equal to tally.csv")
PY
