"""Ingest the GVA articles (raw JSON Lines → cleaned articles in SQLite): time, peak RSS, per-stage split.

Then the cleaning peer, "trafilatura alone": on the same records (the GVA crawled texts, and the
five seed reports of ../shared/seeds), our clean stage against ``trafilatura.extract`` with the
settings our HTML reader uses.  The records are text, not HTML, so each is given to trafilatura as
the page it would be, one ``<p>`` per line under its ``<title>``: trafilatura's text heuristics
apply, its DOM ones (link density, page regions) have nothing to work on.  For each tool:
articles per second (one core), share of the characters kept, articles left empty, and which raw
lines each removes (a line counts as kept by trafilatura when its text occurs in its output).
Our time is the whole clean stage (it also detects the language and splits sentences) and,
apart, its boilerplate removal alone (normalise, rules, paragraphs).
"""

from __future__ import annotations

import html
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from .common import DATA, SHARED, machine, need, run_measured, stage_split


def run() -> dict:
    src = need(DATA / "gva" / "articles.jsonl")
    # the gazetteer is built once per machine and cached: build it (if need be) before timing ingest
    warm = run_measured([sys.executable, "-c", "from corroborate import gazetteer; gazetteer.load()"])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gva.db"
        cli = run_measured([sys.executable, "-m", "corroborate", "ingest", str(src), "--db", str(db), "--quiet"])
        from corroborate import Store

        with Store(db) as s:
            n_articles, n_rejected = s.count("articles"), s.count("rejected")
            rejected = [(r.input.rsplit("/", 1)[-1], r.reason) for r in s.rejected()]
        stages = stage_split(src, Path(tmp) / "split.db")
    records = sum(1 for line in open(src, encoding="utf-8") if line.strip())
    return {
        "benchmark": "ingest",
        "data": str(src.relative_to(DATA.parent.parent)) if DATA.parent.parent in src.parents else str(src),
        "records": records,
        "articles_stored": n_articles,
        "rejected": n_rejected,
        "rejected_reasons": rejected,
        "seconds": cli["seconds"],
        "articles_per_second": round(records / cli["seconds"], 1),
        "peak_rss_mib": cli["peak_rss_mib"],
        "gazetteer_load_or_build_seconds": warm["seconds"],
        "stage_seconds": stages,
        "returncode": cli["returncode"],
        "clean_peer": {"gva": clean_peer([src]), "seeds": clean_peer([need(SHARED / "seeds")])},
        "machine": machine(),
    }


def _as_page(title: str, text: str) -> str:
    """The page trafilatura would have been given: the title, and one paragraph per line."""
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return (f"<html><head><title>{html.escape(title)}</title></head>"
            f"<body><article>\n{paras}</article></body></html>")


def clean_peer(paths: list[Path]) -> dict:
    """Our clean stage vs trafilatura alone on the articles read from ``paths``."""
    import trafilatura

    from corroborate import clean, ingest

    arts = [a for _, items in ingest.read_inputs(paths) for a in items if hasattr(a, "raw_text")]
    raws = [(a.title or "", a.raw_text or "") for a in arts]
    pages = [_as_page(t, r) for t, r in raws]
    if not arts:
        return {"articles": 0}
    # first calls load models (language identification, sentence splitter): not part of either speed
    from corroborate.model import Article

    clean.clean(Article(input="warm-up", title=raws[0][0], raw_text=raws[0][1]))
    trafilatura.extract(pages[0])

    start = time.perf_counter()
    ours = [clean.clean(a) for a in arts]
    ours_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for title, raw in raws:
        kept, _ = clean._strip_boilerplate(clean.normalise(raw).split("\n"), clean.normalise(title))
        clean._paragraphs(kept)
    boilerplate_seconds = time.perf_counter() - start
    start = time.perf_counter()
    theirs = [trafilatura.extract(page, include_comments=False, include_tables=False, deduplicate=False) or ""
              for page in pages]
    theirs_seconds = time.perf_counter() - start

    chars_in = sum(len(clean.normalise(r)) for _, r in raws)
    lines = Counter()  # raw non-empty lines: removed by us, by trafilatura, by both
    for a, their_text, (_, raw) in zip(ours, theirs, raws):
        removed = Counter(r.text for r in a.removed)
        their_words = " ".join(their_text.split())
        for line in clean.normalise(raw).split("\n"):
            if not line:
                continue
            by_us = removed[line] > 0
            if by_us:
                removed[line] -= 1
            by_them = " ".join(line.split()) not in their_words
            lines["all"] += 1
            lines["both"] += by_us and by_them
            lines["ours_only"] += by_us and not by_them
            lines["trafilatura_only"] += by_them and not by_us
    n = len(arts)

    def side(seconds: float, texts: list[str], removed_lines: int, only: int) -> dict:
        kept = sum(len(t) for t in texts)
        return {"seconds": round(seconds, 3), "articles_per_second": round(n / seconds, 1) if seconds else None,
                "chars_kept": kept, "chars_kept_share": round(kept / chars_in, 4) if chars_in else None,
                "empty_articles": sum(1 for t in texts if not t.strip()),
                "lines_removed": removed_lines,
                "lines_removed_share": round(removed_lines / lines["all"], 4) if lines["all"] else None,
                "lines_removed_by_this_only": only}

    return {
        "articles": n,
        "chars_in": chars_in,
        "lines": lines["all"],
        "lines_removed_by_both": lines["both"],
        "ours": side(ours_seconds, [a.text for a in ours], lines["both"] + lines["ours_only"], lines["ours_only"])
        | {"boilerplate_only_seconds": round(boilerplate_seconds, 3),
           "boilerplate_only_articles_per_second": round(n / boilerplate_seconds, 1) if boilerplate_seconds else None},
        "trafilatura": side(theirs_seconds, theirs, lines["both"] + lines["trafilatura_only"], lines["trafilatura_only"]),
        "seconds_ratio_ours_vs_trafilatura": round(ours_seconds / theirs_seconds, 2) if theirs_seconds else None,
    }
