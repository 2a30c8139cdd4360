"""Extraction on GVDB dev: killed and injured victims per article vs the annotators' counts.

GVDB annotators listed each victim; ``counts.killed`` and ``counts.injured`` (injured or
hospitalised, not killed) are counted from that list.  We compare the article's main-event
victim totals (``extract.facts(victims_only=True)``: attackers left out, as GVDB lists
shooters apart).  A missing figure counts as 0.
"""

from __future__ import annotations

import json
import time
from collections import Counter

from .common import DATA, machine, need


def run() -> dict:
    from corroborate.extract import facts
    from corroborate.model import Article
    from corroborate.pipeline import process

    rows = [json.loads(line) for line in open(need(DATA / "gvdb" / "articles.jsonl"), encoding="utf-8")]
    right, total, causes = Counter(), 0, {"killed": Counter(), "injured": Counter()}
    start = time.perf_counter()
    for r in rows:
        text = r["text"]
        if r.get("title") and text.startswith(r["title"]):
            text = text[len(r["title"]):]  # the crawl glues the title to the first sentence
        article = process(Article(input=f"gvdb#{r['id']}", title=r.get("title") or "", raw_text=text,
                                  url=r.get("url"), format="json", record=r["id"]))
        if not isinstance(article, Article):
            causes["killed"]["rejected"] += 1
            continue
        total += 1
        got = facts(article, victims_only=True)
        for measure in ("killed", "injured"):
            gold, mine = r["counts"][measure], got[measure] or 0
            if gold == mine:
                right[measure] += 1
            else:
                causes[measure]["too high" if mine > gold else "too low" if mine else "none found"] += 1
    seconds = time.perf_counter() - start
    return {
        "dataset": "GVDB dev",
        "articles": len(rows),
        "articles_scored": total,
        "killed_exact": round(right["killed"] / total, 4),
        "injured_exact": round(right["injured"] / total, 4),
        "seconds": round(seconds, 2),
        "error_causes": {k: dict(v.most_common()) for k, v in causes.items()},
        "machine": machine(),
    }
