"""Ingest the GVA articles (raw JSON Lines → cleaned articles in SQLite): time, peak RSS, per-stage split."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from .common import DATA, machine, need, run_measured


def run() -> dict:
    src = need(DATA / "gva" / "articles.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gva.db"
        cli = run_measured([sys.executable, "-m", "corroborate", "ingest", str(src), "--db", str(db), "--quiet"])
        from corroborate import Store

        with Store(db) as s:
            n_articles, n_rejected = s.count("articles"), s.count("rejected")
            rejected = [(r.input.rsplit("/", 1)[-1], r.reason) for r in s.rejected()]
        stages = _stage_split(src, Path(tmp) / "split.db")
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
        "stage_seconds": stages,
        "returncode": cli["returncode"],
        "machine": machine(),
    }


def _stage_split(src: Path, db: Path) -> dict:
    """Time each stage in-process on the same input (one core)."""
    from corroborate import Store, ingest
    from corroborate.pipeline import ARTICLE_STAGES
    from corroborate.store import article_id

    t: dict[str, float] = {"read": 0.0, "store": 0.0}
    for stage in ARTICLE_STAGES:
        t[f"{stage.__module__.split('.')[-1]}.{stage.__name__}"] = 0.0
    with Store(db) as store:
        it = ingest.read_inputs([src])
        while True:
            start = time.perf_counter()
            try:
                _, items = next(it)
            except StopIteration:
                break
            t["read"] += time.perf_counter() - start
            done = []
            for item in items:
                if hasattr(item, "raw_text"):
                    item.id = article_id(item)
                    for stage in ARTICLE_STAGES:
                        s = time.perf_counter()
                        item = stage(item)
                        t[f"{stage.__module__.split('.')[-1]}.{stage.__name__}"] += time.perf_counter() - s
                done.append(item)
            start = time.perf_counter()
            store.add(done)
            t["store"] += time.perf_counter() - start
    return {k: round(v, 3) for k, v in t.items()}
