import json, csv, random, re, sys, unicodedata, io
sys.path.insert(0, '/tmp/devsets-src')
import rekruttering_data, tud_data, recovery_data

# code ids in codebook order, from the shared README tables
readme = open('/work/shared/codebooks/README.md', encoding='utf-8').read()
CODES = {}
for cb in ('rekruttering', 'tud', 'recovery'):
    sec = readme.split(f'## {cb}.yaml')[1].split('\n## ')[0]
    CODES[cb] = re.findall(r'^\| ([a-z_]+\.[a-z_]+) \|', sec, re.M)

def full(cb, short):
    m = [c for c in CODES[cb] if c.split('.', 1)[1] == short]
    assert len(m) == 1, (cb, short)
    return m[0]

for cb, mod in (('rekruttering', rekruttering_data), ('tud', tud_data), ('recovery', recovery_data)):
    data = list(mod.DATA)
    random.Random(f'devset-{cb}').shuffle(data)
    jl = io.StringIO(); cs = io.StringIO()
    w = csv.writer(cs, delimiter=';', lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
    w.writerow(['id', 'codes', 'note'])
    for i, (q, codes, text, reason) in enumerate(data, 1):
        rid = f'd-{cb}-{i:03d}'
        text = unicodedata.normalize('NFC', text)
        cl = sorted({full(cb, s) for s in codes.split()}, key=CODES[cb].index)
        note = q + (f' — {reason}' if reason else '')
        jl.write(json.dumps({'id': rid, 'text': text, 'kind': 'written', 'question': q}, ensure_ascii=False) + '\n')
        w.writerow([rid, '|'.join(cl), unicodedata.normalize('NFC', note)])
    open(f'/work/devsets/{cb}.jsonl', 'w', encoding='utf-8', newline='\n').write(jl.getvalue())
    open(f'/work/devsets/{cb}.csv', 'w', encoding='utf-8', newline='\n').write(cs.getvalue())
print({k: len(v) for k, v in CODES.items()})
