#!/usr/bin/env python3
"""Which corpus records each manual (gold) file codes. Deterministic: records sorted by id.

For each codebook: every record of its own topics, plus N records from other topics, taken as
every k-th record (k = pool size // wanted, starting at the first) from two pools:
  'near' - other topics whose answers mention professions, staffing, coercion or user
           involvement in another context (hard negatives); the wanted number is split evenly
           over these topics (earlier topics in the list take the remainder) and every k-th
           record is taken within each topic;
  'rest' - all remaining topics, as one pool.
    python3 Corpora/manual/select_records.py            # prints: codebook <tab> id <tab> own|near|rest
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OWN = {
    "rekruttering": ["recruitment_needs", "competence_needs_2012", "recruitment_other_actions"],
    "tud": ["tud_legislation_interpretation"],
    "recovery": ["recovery_why", "recovery_why_not"],
}
NEAR = {
    "rekruttering": ["gp_cooperation_comments", "main_challenges_2011", "staff_changes_made",
                     "youth_substance_services"],
    "tud": ["violence_comments", "violence_proactive_challenges", "acute_offer", "ohd_kad_partners",
            "ohd_other_offer", "ohd_use_situations", "ohd_adaptations", "ohd_not_established_why"],
    "recovery": ["user_experience_not_collected_why", "ohd_adaptations", "staff_changes_made"],
}
WANT = {"rekruttering": (30, 30), "tud": (15, 15), "recovery": (15, 15)}


def every_kth(pool, n):
    k = max(1, len(pool) // n)
    return pool[::k][:n]


def selection():
    recs = sorted((json.loads(l) for l in open(HERE.parent / "is248-published-answers.jsonl",
                                               encoding="utf-8")), key=lambda r: r["id"])
    out = {}
    for cb, own in OWN.items():
        n_near, n_rest = WANT[cb]
        near = []
        topics = NEAR[cb]
        for i, t in enumerate(topics):
            quota = n_near // len(topics) + (1 if i < n_near % len(topics) else 0)
            near += every_kth([r for r in recs if r["topic"] == t], quota)
        rest = [r for r in recs if r["topic"] not in NEAR[cb] and r["topic"] not in own]
        out[cb] = ([(r, "own") for r in recs if r["topic"] in own]
                   + [(r, "near") for r in near]
                   + [(r, "rest") for r in every_kth(rest, n_rest)])
    return out


if __name__ == "__main__":
    for cb, rows in selection().items():
        for r, why in rows:
            print(f"{cb}\t{r['id']}\t{why}")
