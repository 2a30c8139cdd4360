"""Streaming placement at scale: the time to place one new article with 100k and 1M articles indexed.

For each size a child process builds a store as ``corroborate ingest`` would have left it (the
events, profiles, spans and vocabulary tables; no article text) with ``n`` placed articles made
from the GVA profiles, then opens it as a later ``ingest`` run does (``Store.load_index``) and
places 1,000 new articles one at a time, timing each.

The articles are replicas of the GVA articles, made as in ``cluster_scale`` (replica k: dates
moved 7·k days, place moved, rare words suffixed with k; replica k of a gold incident is one
event), but written straight to the store: replica k's vector is its GVA article's vector (weighed
with the document frequencies of the whole generated corpus) under the new words, so no text is
extracted and nothing is clustered to build the index.  The 1,000 new articles are the latest of
``n + 1000`` generated ones: some open new events, others are later reports of indexed events.

Reported per size: the time to open the store and read the events the new articles' dates need
(``window_load_seconds``: everything within ``WINDOW_DAYS`` of them, and ``FOLLOWUP_DAYS`` back
for follow-up reports) and the RSS that takes, then p50/p99/max milliseconds to place one article
(words weighed with document frequencies read from the store, candidates found, scored, joined),
and the time to write their placement (``put_events``).  At 100k also the time and RSS of reading
the whole index (``load_index(whole=True)``), in a separate child.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from .cluster_bench import common_words, moved, renamer

from .common import DATA, load_articles, machine, need, run_measured

NEW = 1000
# 1M (STREAM_SIZES=100000,1000000) is not in the default run: its store is 4.4 GiB, and building it took
# 165 CPU seconds (12 minutes on 2 cores shared with other jobs), reading the window 26 CPU seconds and
# 1.2 GiB (see benchmarks/README.md); `make bench` is over its 30 minutes without it
SIZES = tuple(int(n) for n in os.environ.get("STREAM_SIZES", "100000").split(","))
STEP = 7


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _base(path: Path) -> None:
    """The GVA articles' profiles and gold incidents, pickled for the children (read once)."""
    from corroborate import cluster

    arts, gold = load_articles(need(DATA / "gva" / "articles.jsonl"), "incident")
    with open(path, "wb") as f:
        pickle.dump(([cluster.profile(a) for a in arts], gold), f)


def _generate(base, gold, n: int):
    """Yield (profile, stored profile JSON or None, event id) for ``n + NEW`` replicas.

    The NEW latest are the new articles: they come with their word counts (for placing) and no
    JSON; the others with the JSON ``cluster.dump_profile`` would write for them (built from the
    GVA article's vector under the replica's words, without re-weighing or re-sorting).
    """
    from corroborate import cluster

    total = n + NEW
    per = len(base)
    replicas = -(-total // per)
    df = Counter(t for p in base for t in p.counts)
    common = common_words(base)
    index = cluster.Index(Counter({t: c * replicas if t in common else c for t, c in df.items()}), per * replicas,
                          frozen_df=True)
    pieces = []  # per GVA article: its vector as JSON members, rare words with a {k} to fill in
    for p in base:
        vec = {t: round(w, 6) for t, w in sorted(index.vector(p).items())}
        member = [(json.dumps(t, ensure_ascii=False)[:-1], t in common, json.dumps(w)) for t, w in vec.items()]
        pieces.append((member, cluster._keys(vec)))
    first: dict[str, str] = {}
    for p, g in sorted(zip(base, gold), key=lambda pg: pg[0].order):
        first.setdefault(g, p.article)
    times = sorted(((p.time if p.time is not None else 10**7) + STEP * k, i, k)
                   for k in range(replicas) for i, p in enumerate(base) if k * per + i < total)
    newest = {(i, k) for _, i, k in times[-NEW:]}
    for k in range(replicas):
        rename = renamer(common, k)
        suffix = str(k) if k else ""
        for i, (p, g) in enumerate(zip(base, gold)):
            if k * per + i >= total:
                return
            place, day, published, order = moved(p, k, STEP, rename)
            aid = order[2]
            if (i, k) in newest:
                counts = {rename(w): c for w, c in p.counts.items()}
                yield cluster.Profile(aid, counts, day, published, place, p.followup, order), None, f"ev-{first[g]}-{k}"
                continue
            member, keys = pieces[i]
            vector = ", ".join([f'{name}": {w}' if keep else f'{name}{suffix}": {w}' for name, keep, w in member])
            text = (f'{{"day": {json.dumps(day)}, "followup": {json.dumps(p.followup)}, '
                    f'"keys": {json.dumps([rename(w) for w in keys], ensure_ascii=False)}, '
                    f'"order": {json.dumps(list(order))}, "place": {json.dumps(place, ensure_ascii=False)}, '
                    f'"published": {json.dumps(published)}, "vector": {{{vector}}}}}')
            yield cluster.Profile(aid, {}, day, published, place, p.followup, order), text, f"ev-{first[g]}-{k}"


def _build(db: Path, base, gold, n: int) -> list:
    """Write the store of ``n`` placed articles; return the NEW new articles' profiles, in time order."""
    import sqlite3

    from corroborate import Store

    Store(db).close()  # the schema
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("BEGIN")
    con.execute("DROP INDEX events_event")  # made again once the rows are in: one sort, not a B-tree insert per row
    new, rows = [], []
    spans: dict[str, list] = {}
    for q, text, event in _generate(base, gold, n):
        if text is None:
            new.append(q)
            continue
        rows.append((q.article, event, text, q.time))
        if q.time is not None:
            span = spans.get(event)
            if span is None:
                spans[event] = [q.time, q.time]
            elif q.time < span[0]:
                span[0] = q.time
            elif q.time > span[1]:
                span[1] = q.time
        else:
            spans.setdefault(event, None)
        if len(rows) == 10_000:
            con.executemany("INSERT INTO events (article, event, profile, time) VALUES (?, ?, ?, ?)", rows)
            rows = []
    con.executemany("INSERT INTO events (article, event, profile, time) VALUES (?, ?, ?, ?)", rows)
    # document frequencies: those of the GVA words, per replica under its names
    per = len(base)
    common = {t for t, c in Counter(t for p in base for t in p.counts).items() if c >= 20}
    full = Counter(t for p in base for t in p.counts)
    df: Counter = Counter()
    for k in range(-(-n // per)):
        upto = min(per, n - k * per)
        part = full if upto == per else Counter(t for p in base[:upto] for t in p.counts)
        for t, c in part.items():
            if k == 0 or t in common:
                df[t] += c
            else:
                df[f"{t}{k}"] = c
    con.executemany("INSERT INTO vocabulary VALUES (?, ?)", df.items())
    con.execute("INSERT OR REPLACE INTO meta VALUES ('documents', ?)", (str(n),))
    # each event's earliest and latest member time, as Store.put_events keeps them
    con.executemany("INSERT INTO spans VALUES (?, ?, ?)",
                    [(e, *(span or (None, None))) for e, span in sorted(spans.items())])
    con.execute("CREATE INDEX events_event ON events(event)")
    con.execute("COMMIT")
    con.close()
    return sorted(new, key=lambda p: p.order)


def child(n: int, base_path: str, whole: bool) -> None:
    """One size in this process: build, open, read the window, place NEW articles; print JSON."""
    from corroborate import Store, cluster

    with open(base_path, "rb") as f:
        base, gold = pickle.load(f)
    # the whole-index child runs first and leaves its store (unchanged: it only reads) and the new
    # articles for the placing child of the same size, which then does not build it again
    keep = Path(os.environ.get("TMPDIR") or tempfile.gettempdir()) / f"stream-{n}"
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        db = Path(tmp) / "stream.db"
        start = time.perf_counter()
        if not whole and (keep / "stream.db").exists():
            (keep / "stream.db").rename(db)
            with open(keep / "new.pickle", "rb") as f:
                new, build = pickle.load(f)
            keep.joinpath("new.pickle").unlink()
            keep.rmdir()
        else:
            new = _build(db, base, gold, n)
            build = time.perf_counter() - start
        size_mib = db.stat().st_size / 2**20
        out = {"articles": n, "new": len(new), "build_seconds": round(build, 1), "store_mib": round(size_mib)}
        if whole:
            keep.mkdir(exist_ok=True)
            with open(keep / "new.pickle", "wb") as f:
                pickle.dump((new, build), f)
        with Store(db) as store:
            if whole:
                rss = _rss_mib()
                start, cpu = time.perf_counter(), time.process_time()
                index = store.load_index(whole=True)
                out |= {"whole_load_seconds": round(time.perf_counter() - start, 2),
                        "whole_load_cpu_seconds": round(time.process_time() - cpu, 2),
                        "whole_index_rss_mib": round(_rss_mib() - rss), "events": len(index.clusters),
                        "peak_rss_mib": _peak_mib()}
                print(json.dumps(out))
        if whole:  # closed: kept for the placing child
            db.rename(keep / "stream.db")
            return
        with Store(db) as store:
            rss = _rss_mib()
            start, cpu = time.perf_counter(), time.process_time()
            index = store.load_index()
            times = [p.time for p in new if p.time is not None]
            back = max(cluster.FOLLOWUP_DAYS if p.followup else cluster.WINDOW_DAYS for p in new)
            index.loader(min(times) - back, max(times) + cluster.WINDOW_DAYS)
            out["window_load_seconds"] = round(time.perf_counter() - start, 2)
            out["window_load_cpu_seconds"] = round(time.process_time() - cpu, 2)
            out["events_read"] = len(index.clusters)
            out["articles_read"] = sum(len(c.members) for c in index.clusters.values())
            out["window_rss_mib"] = round(_rss_mib() - rss)
            took, cpus, opened = [], [], 0
            for p in new:
                start, cpu = time.perf_counter(), time.process_time()
                event = index.add(p)
                took.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
                opened += event == cluster.event_id(p.article)
            ms, cpu_ms = sorted(t * 1000 for t in took), sorted(t * 1000 for t in cpus)
            out |= {"place_p50_ms": round(ms[len(ms) // 2], 3), "place_p99_ms": round(ms[int(len(ms) * 0.99)], 3),
                    "place_max_ms": round(ms[-1], 3), "place_mean_ms": round(sum(ms) / len(ms), 3),
                    "place_cpu_p50_ms": round(cpu_ms[len(ms) // 2], 3),
                    "place_cpu_p99_ms": round(cpu_ms[int(len(ms) * 0.99)], 3),
                    "opened": opened, "joined": len(new) - opened,
                    "index_rss_mib": round(_rss_mib() - rss)}
            store.db.executemany(  # stand-ins for the new articles' rows, which the events table refers to
                "INSERT INTO articles (id, input, format, title, text, raw_text) VALUES (?, ?, 'bench', '', '', '')",
                [(p.article, p.article) for p in new])
            start = time.perf_counter()
            store.put_events(index, [p.article for p in new])
            out["put_events_seconds"] = round(time.perf_counter() - start, 2)
    print(json.dumps(out | {"peak_rss_mib": _peak_mib()}))


def _peak_mib() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run() -> dict:
    need(DATA / "gva" / "articles.jsonl")
    result = {"benchmark": "stream", "new_articles": NEW, "machine": machine(), "sizes": {}, "scaling": []}
    with tempfile.TemporaryDirectory() as tmp:
        base_path = Path(tmp) / "base.pickle"
        _base(base_path)
        env_tmp = {"TMPDIR": tmp}
        for n, whole in [(SIZES[0], True)] + [(n, False) for n in SIZES]:
            argv = [sys.executable, "-m", "benchmarks.stream_bench", "child", str(n), str(base_path)]
            measured = _run_in(argv + (["whole"] if whole else []), env_tmp)
            if measured["returncode"] != 0:
                raise RuntimeError(f"stream {n}: {measured['stderr_tail']}")
            child_out = json.loads(measured.pop("stdout"))
            key = f"{n}_whole" if whole else str(n)
            result["sizes"][key] = {**child_out, "child_seconds": measured["seconds"]}
            if not whole:
                result["scaling"].append({"stage": "place", "articles": n,
                                          "seconds": round(child_out["place_p50_ms"] / 1000, 6),
                                          "p99_ms": child_out["place_p99_ms"],
                                          "peak_rss_mib": child_out["peak_rss_mib"]})
    for n in SIZES:
        size = result["sizes"][str(n)]
        result |= {f"place_p50_ms_{n}": size["place_p50_ms"], f"place_p99_ms_{n}": size["place_p99_ms"],
                   f"place_cpu_p99_ms_{n}": size["place_cpu_p99_ms"],
                   f"window_load_seconds_{n}": size["window_load_seconds"], f"window_rss_mib_{n}": size["window_rss_mib"]}
    result[f"whole_load_seconds_{SIZES[0]}"] = result["sizes"][f"{SIZES[0]}_whole"]["whole_load_seconds"]
    return result


def _run_in(argv: list[str], env: dict) -> dict:
    """``run_measured`` with extra environment variables (the children's temporary directory)."""
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return run_measured(argv, keep_stdout=True)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(int(sys.argv[2]), sys.argv[3], sys.argv[4:5] == ["whole"])
