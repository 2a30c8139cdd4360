"""Reuse on the GVA articles: pairs that share text, pairs reusing >= 50 %, how many are one incident.

Also writes a reading sample (30 random flagged pairs, 30 unflagged same-incident pairs with the
highest word-3-gram containment) to benchmarks/results/reuse_gva_sample.json for manual judgement.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from itertools import combinations

from .common import RESULTS, gva_articles, machine


def run() -> dict:
    from corroborate.reuse import find_reuse, shingles, tokens

    arts, incident = gva_articles()
    start = time.perf_counter()
    pairs = find_reuse(arts)
    seconds = time.perf_counter() - start
    by_id = {a.id: a for a in arts}
    shared = [r for r in pairs if r.passages]
    flagged = [r for r in shared if max(r.share_a, r.share_b) >= 0.5]
    same = [r for r in flagged if incident[by_id[r.a].record] == incident[by_id[r.b].record]]

    rng = random.Random(42)
    sample = rng.sample(flagged, min(30, len(flagged)))
    linked = {(r.a, r.b) for r in shared} | {(r.b, r.a) for r in shared}
    by_incident = defaultdict(list)
    for a in arts:
        by_incident[incident[a.record]].append(a)

    def words(a):
        return set().union(*(shingles(tokens(s.text))[0] for s in a.sentences)) if a.sentences else set()

    near = []
    for group in by_incident.values():
        for x, y in combinations(group, 2):
            wx, wy = words(x), words(y)
            if (x.id, y.id) not in linked and wx and wy:
                near.append((len(wx & wy) / min(len(wx), len(wy)), x.id, y.id, x, y))
    near.sort(key=lambda t: (-t[0], t[1], t[2]))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reuse_gva_sample.json").write_text(json.dumps({
        "flagged_ge50": [{"a": by_id[r.a].record, "b": by_id[r.b].record, "share_a": r.share_a, "share_b": r.share_b,
                          "same_incident": incident[by_id[r.a].record] == incident[by_id[r.b].record],
                          "passages": [[by_id[r.a].sentences[i].text, by_id[r.b].sentences[j].text]
                                       for i, j in r.passages[:6]]} for r in sample],
        "near_miss_unflagged": [{"a": x.record, "b": y.record, "containment": round(c, 3),
                                 "a_text": x.text[:2500], "b_text": y.text[:2500]} for c, _, _, x, y in near[:30]],
    }, indent=1, ensure_ascii=False) + "\n")
    return {
        "benchmark": "reuse_gva",
        "articles": len(arts),
        "seconds": round(seconds, 2),
        "pairs_sharing_text": len(shared),
        "pairs_reusing_ge_50pct": len(flagged),
        "of_which_same_incident": len(same),
        "shared_quote_only_pairs": sum(1 for r in pairs if r.quotes and not r.passages),
        "machine": machine(),
    }
