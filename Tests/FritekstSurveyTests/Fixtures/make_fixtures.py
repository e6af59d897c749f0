#!/usr/bin/env python3
"""Writes the survey-reader test fixtures (run from this folder: python3 make_fixtures.py).

Answer texts are verbatim answers from shared/corpora/is248-published-answers.jsonl (IS-24/8,
SINTEF); the ids are given next to each. The same rows are written in several encodings and
delimiters so the tests can check that every variant gives the same records. Binary outputs
(BOM, UTF-16, Windows-1252) are why this is a script and not hand-written files.

same-data.xlsx is made from same-data.csv by LibreOffice (see README.md); handmade.xlsx is
written below with zipfile (inline strings, a merged header, a gap, numbers 301 and 5.0).
"""
import zipfile

Q1 = "Hva mangler for at tilbudet skal bli bedre?"
Q2 = "Hvilke tiltak har kommunen?"
HEADER = ["kommunenummer", "kommunenavn", Q1, Q2]
ROWS = [
    # Oslo as a whole (band "Oslo"); s001-L3380, non-answer "-"
    ["0301", "Oslo", "FOT-ung, ruskonsulenter, miljøarbeidere, utekontakter, skolehelsestjenesten, barnevern, Oslo hjelpe mm", "-"],
    # an Oslo district; s001-L3443 (contains å); "vet ikke" is a non-answer
    ["030102", "Grünerløkka", "Mestringsteamet. Jobber primært med å bistå tjenestebrukere som ønsker å flytte ut fra tilrettelagte botilbud.", "vet ikke"],
    # Stavanger (50000+); s001-L3428 (Nynorsk), s001-L3434
    ["1103", "Stavanger", "Spesialisthelsetenesta og kommuane er i ein prosess om veien vidare i høve tverrfagleg samarbeid kring FACT", "FACT til voksne er under etablering, intensjonsavtale er inngått"],
    # Halden with its 2023 number 3001 (→ 3101); s001-L3429; empty second answer
    ["3001", "Halden", "Ambulant akutt-team, som ble nedlagt av økonomiske hensyn 01.04.24", ""],
    # Herøy (Nordland) (< 2000): only non-answers
    ["1818", "Herøy (Nordland)", "Ingen kommentar.", "nei"],
    # Tromsø with its 2023 number 5401 (→ 5501); s001-L3446 (Ø); s001-L3426 (Nynorsk)
    ["5401", "Tromsø", "D-FACT (digitalt FACT team) Øst-Finnmark", "Ruskonsulentar - Lågterskel helse og aktivitetstilbod"],
]


def csv_text(rows, delim, eol):
    def q(v):
        if any(c in v for c in (delim, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "".join(delim.join(q(v) for v in r) + eol for r in rows)


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


base = [HEADER] + ROWS
write("utf8-semicolon-lf.csv", csv_text(base, ";", "\n").encode("utf-8"))
write("utf8bom-comma-crlf.csv", b"\xef\xbb\xbf" + csv_text(base, ",", "\r\n").encode("utf-8"))
write("utf16le-tab-crlf.csv", b"\xff\xfe" + csv_text(base, "\t", "\r\n").encode("utf-16-le"))
write("cp1252-semicolon-crlf.csv", csv_text(base, ";", "\r\n").encode("cp1252"))
write("same-data.csv", csv_text(base, ";", "\n").encode("utf-8"))

# JSONL: the same rows (municipality numbers as strings and one as a number), plus a bad line
# (line 4) and an empty line (line 6).
import json
lines = []
for i, r in enumerate(ROWS):
    obj = dict(zip(HEADER, r))
    if r[0] == "1103":
        obj["kommunenummer"] = 1103
    lines.append(json.dumps(obj, ensure_ascii=False))
lines.insert(3, '{"kommunenummer": "1106", "kommunenavn": "Haugesund", ')  # truncated JSON → line 4
lines.insert(5, "")
write("answers.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))

# Quoting: a quoted line break (CRLF inside), doubled quotes, a stray quote in an unquoted field,
# text after a closing quote; LF line ends.
write("quoting.csv", (
    "knr;svar\n"
    '1103;"Vi har ""Rask psykisk helsehjelp"".\r\nOg FACT-team."\n'
    '1106;Tilbudet heter "Ung Arena" her\n'
    '1101;"Lavterskel"tilbud for unge\n'
).encode("utf-8"))

# Truncated: the last quoted field never ends (row 3, column 2).
write("truncated.csv", (
    "knr;svar\n"
    "1103;Trenger mer ressurser og fagpersoner\n"
    '1106;"Behov for styrking av FACT-team\nog mer'
).encode("utf-8"))

write("header-only.csv", "kommunenummer;svar\r\n".encode("utf-8"))

# Rejections (no id column: the municipality number is the respondent key).
write("rejections.csv", (
    "kommunenummer;kommune;svar\n"
    "1103;Stavanger;Trenger bedre og mer differensiert boligtilbud\n"   # row 2 ok
    "9999;Ukjent;Trenger mer ressurser og fagpersoner\n"                # row 3 unknown
    "1103;Stavanger;Behov for styrking av FACT-team\n"                  # row 4 duplicate of row 2
    ";Tom;Utekontakten arbeider med denne målgruppa\n"                  # row 5 no municipality
    "1106;Haugesund;Etablert ulike team;ekstra\n"                       # row 6 too many fields
    "1101;Eigersund\n"                                                  # row 7 too few: svar empty
    "1507;Ålesund;Barnekoordinator/barne- og familiekoordinator\n"      # row 8 split number
    "\n"                                                                # row 9 empty line
    "3001;Halden;Opprettet et nytt tilbud med mulighet for praktisk arbeid heller enn teori\n"  # row 10 ok (3101)
    "3101;Halden;Gjennomfører oppgavekartlegginger\n"                   # row 11 duplicate of row 10 (same 2024 number)
).encode("utf-8"))

# An id column: duplicates are by id; the same municipality may answer twice.
write("ids.csv", (
    "id,kommunenr,svar\n"
    "r1,1103,Trenger mer ressurser og fagpersoner\n"
    "r2,1103,Behov for styrking av FACT-team\n"
    "r1,1106,Bruker spesialisthelsetjenesten i større grad til veiledning og henvisning\n"
    ",1106,Utekontakten arbeider med denne målgruppa\n"
).encode("utf-8"))

# No municipality column at all: every respondent is in band "alle".
write("no-municipality.csv", (
    "respondent;stilling;svar;antall\n"
    "a;leder;Trenger mer ressurser og fagpersoner;3\n"
    "b;leder;ikke aktuelt;5\n"
    "c;rådgiver;Etablert ulike team (FACT, hjemmeveiledningsteam);7\n"
).encode("utf-8"))

# A population column overrides the registry; an empty value falls back to it.
write("population.csv", (
    "kommunenummer;innbyggere;svar\n"
    "1103;1500;Trenger bedre og mer differensiert boligtilbud\n"   # Stavanger as if tiny → "< 2000"
    "1106;;Behov for styrking av FACT-team\n"                        # registry: 38292 → 20000-49999
    "1101;12 000;Trenger mer ressurser og fagpersoner\n"             # 12 000 → 10000-19999
    "1108;mange;Utekontakten arbeider med denne målgruppa\n"         # rejected: not a number
).encode("utf-8"))

# Non-answers, one per row, plus one real answer; group column.
NON = ["", "-", ".", "x", "Nei", "ingen kommentar", "Vet ikke.", "ikke aktuelt", "Ingen", "nei.", "/",
       "Ingen kommentarer", "ikkje aktuelt", "veit ikkje!", "  X  "]
munis = ["1101", "1103", "1106", "1108", "1111", "1112", "1114", "1119", "1120", "1121", "1122", "1124",
         "1127", "1130", "1133", "1134"]
out = "kommunenummer;region;svar\n"
for m, t in zip(munis, NON + ["Nei, vi mangler psykolog"]):
    out += f"{m};vest;{t}\n"
write("non-answers.csv", out.encode("utf-8"))

# A minimal XLSX written by hand: shared strings, an inline string, numbers (301 and 5.0),
# an empty cell (C3 missing), a merged header cell (C1:D1), rows addressed by reference.
def handmade_xlsx(name):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          '<sheet name="Info" sheetId="1" r:id="rId2"/><sheet name="Svar" sheetId="2" r:id="rId1"/>'
          '</sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
              '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '</Relationships>')
    sst = ['kommunenummer', 'antall', 'Åpne svar', 'Trenger mer ressurser og fagpersoner', 'vet ikke']
    ss = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">'
          + ''.join(f'<si><t>{s}</t></si>' for s in sst[:3])
          + '<si><r><t>Trenger mer </t></r><r><rPr><b/></rPr><t>ressurser og fagpersoner</t></r></si>'
          + f'<si><t>{sst[4]}</t></si></sst>')
    # Svar sheet (sheet1.xml): header A1 kommunenummer, B1 antall, C1:D1 merged "Åpne svar".
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
             '<row r="2"><c r="A2"><v>301</v></c><c r="B2"><v>5.0</v></c><c r="C2" t="s"><v>3</v></c>'
             '<c r="D2" t="inlineStr"><is><t>Behov for styrking av FACT-team</t></is></c></row>'
             '<row r="3"><c r="A3"><v>30101</v></c><c r="B3"><v>2.5</v></c><c r="D3" t="s"><v>4</v></c></row>'
             '<row r="5"><c r="A5"><v>1103</v></c><c r="C5" t="inlineStr"><is><t>Utekontakten arbeider med denne målgruppa</t></is></c></row>'
             '</sheetData><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells></worksheet>')
    info = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Dette arket er bare informasjon</t></is></c></row>'
            '</sheetData></worksheet>')
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wbrels)
        z.writestr("xl/sharedStrings.xml", ss)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/worksheets/sheet2.xml", info)

handmade_xlsx("handmade.xlsx")
