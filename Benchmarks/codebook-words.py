"""Prints an extended regex of the words/globs of a codebook's match rules (for the grep baseline)."""
import re, sys
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    for w in re.findall(r"[\w*æøåÆØÅ-]+", line.split("#")[0]):
        if len(w.strip("*")) >= 4 and not w.endswith(":"):
            words.add(re.escape(w.strip("*")))
print("|".join(sorted(words)[:400]) or "psykolog")
