import json, csv, re, unicodedata, collections
readme = open('/work/shared/codebooks/README.md', encoding='utf-8').read()
ok = True
def err(*a):
    global ok; ok = False; print('ERROR', *a)
for cb in ('rekruttering', 'tud', 'recovery'):
    sec = readme.split(f'## {cb}.yaml')[1].split('\n## ')[0]
    valid = re.findall(r'^\| ([a-z_]+\.[a-z_]+) \|', sec, re.M)
    raw_j = open(f'/work/devsets/{cb}.jsonl', 'rb').read()
    raw_c = open(f'/work/devsets/{cb}.csv', 'rb').read()
    for name, raw in (('jsonl', raw_j), ('csv', raw_c)):
        if b'\r' in raw: err(cb, name, 'CR found')
        s = raw.decode('utf-8')
        if unicodedata.normalize('NFC', s) != s: err(cb, name, 'not NFC')
        if raw.startswith(b'\xef\xbb\xbf'): err(cb, name, 'BOM')
    recs = [json.loads(l) for l in raw_j.decode().splitlines()]
    ids = [r['id'] for r in recs]
    if ids != [f'd-{cb}-{i:03d}' for i in range(1, 101)]: err(cb, 'jsonl ids not d-cb-001..100')
    for r in recs:
        if set(r) != {'id', 'text', 'kind', 'question'} or r['kind'] != 'written': err(cb, r['id'], 'keys/kind')
        if not (r['question'] == 'own' or r['question'].startswith('other: ')): err(cb, r['id'], 'question')
        if not r['text'].strip(): err(cb, r['id'], 'empty text')
    texts = [r['text'].strip().lower() for r in recs]
    for t, n in collections.Counter(texts).items():
        if n > 1: err(cb, 'duplicate text', t)
    rows = list(csv.reader(raw_c.decode().splitlines(), delimiter=';'))
    if rows[0] != ['id', 'codes', 'note']: err(cb, 'header')
    rows = rows[1:]
    if [r[0] for r in rows] != ids: err(cb, 'csv ids differ from jsonl')
    freq = collections.Counter(); coded = 0
    for (rid, codes, note), rec in zip(rows, recs):
        cl = codes.split('|') if codes else []
        if len(set(cl)) != len(cl): err(cb, rid, 'dup code')
        for c in cl:
            if c not in valid: err(cb, rid, 'invalid code', c)
        if cl != sorted(cl, key=valid.index): err(cb, rid, 'not codebook order')
        if not note.startswith(rec['question']): err(cb, rid, 'note/question mismatch')
        freq.update(cl); coded += bool(cl)
    own = sum(r['question'] == 'own' for r in recs)
    own_coded = sum(bool(row[1]) for row, r in zip(rows, recs) if r['question'] == 'own')
    print(f'\n{cb}: {len(recs)} records, own {own} (coded {own_coded}), other {100-own} (coded {coded-own_coded}); coded {coded}, uncoded {100-coded}')
    for c in valid: print(f'  {c:32s} {freq[c]}')
    missing = [c for c in valid if freq[c] == 0]
    if missing: err(cb, 'codes never used', missing)
print('\nVALID' if ok else '\nINVALID')
