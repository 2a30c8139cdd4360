"""End to end on GVA: raw JSON Lines → dossiers in SQLite, as a user runs it, on every core.

1. ``corroborate analyze articles.jsonl --db X.db -o dossier.json --workers N`` in a child
   process: wall time, articles/s, peak RSS (largest process, and the whole process tree sampled).
2. The same run through the library in a child process with a timer around each stage
   (read, outlets+clean+extract, store, reuse, cluster, reconcile+brief, render/write), and the
   per-article stages split (outlets, clean, extract) timed on one core.
3. cProfile of the slowest stage: its top functions.
"""

from __future__ import annotations

import cProfile
import importlib
import io
import json
import os
import pstats
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

from .common import DATA, machine, need, run_measured, stage_split

TARGET_ARTICLES_PER_SECOND = 300
TARGET_PEAK_RSS_MIB = 1024
# how often the process tree's PSS is summed while the CLI runs: reading /proc/PID/smaps_rollup of a
# 300 MiB process takes 2-5 ms of CPU, so sampling its three processes every 50 ms (as before) took
# 15-30 % of a core from the 2-core run being measured; every 0.5 s takes 1-3 %.  (Peak RSS, the bar,
# comes from wait4 and is exact whatever the period.)
TREE_SAMPLE_SECONDS = 0.5
# the per-article stages are profiled on every 4th article (a sample of ~540 GVA articles shows which
# functions dominate; the stage split has the time of every article), in a quarter of the time
PROFILE_EVERY = 4


def run(workers: int | None = None) -> dict:
    src = need(DATA / "gva" / "articles.jsonl")
    workers = workers or os.cpu_count() or 1
    records = sum(1 for line in open(src, encoding="utf-8") if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "gva.db", Path(tmp) / "dossier.json"
        cli = run_tree_measured([sys.executable, "-m", "corroborate", "analyze", str(src), "--db", str(db),
                                 "-o", str(out), "--quiet", "--workers", str(workers)])
        dossier = json.loads(out.read_text())
        stages = _child(["--stages", str(src), str(Path(tmp) / "stages.db"), str(workers)])
        split = _child(["--split", str(src), str(Path(tmp) / "split.db")])
        startup = _child(["--startup"])
        slowest = max(stages["stage_seconds"], key=stages["stage_seconds"].get)
        profile = _child(["--profile", slowest, str(src), str(Path(tmp) / "stages.db")])
    kept = len(dossier["articles"])
    return {
        "benchmark": "e2e",
        "data": "shared/data/gva/articles.jsonl",
        "command": f"corroborate analyze articles.jsonl --db X.db -o dossier.json --quiet --workers {workers}",
        "workers": workers,
        "records": records,
        "articles": kept,
        "events": len(dossier["events"]),
        "rejected": len(dossier["rejected"]),
        "seconds": cli["seconds"],
        "articles_per_second": round(kept / cli["seconds"], 1),
        "records_per_second": round(records / cli["seconds"], 1),
        "peak_rss_mib": cli["peak_rss_mib"],
        "peak_tree_pss_mib": cli["peak_tree_pss_mib"],
        "cpu_seconds": cli["cpu_seconds"],
        "load_average_1min_before_after": cli["load_average_1min"],  # other work on the machine slows every number
        "target_articles_per_second": TARGET_ARTICLES_PER_SECOND,
        "target_peak_rss_mib": TARGET_PEAK_RSS_MIB,
        "returncode": cli["returncode"],
        "stage_seconds": stages["stage_seconds"],
        "stage_notes": {
            "read": "parse JSON Lines into articles (parent process)",
            "outlets+clean+extract": f"per-article stages, {workers} worker processes (wall time the parent "
                                     "spends processing or waiting for them); the workers also make each "
                                     "article's clustering profile and reuse shingle hashes",
            "store": "write articles, sentences and claims (in the parent, between worker results)",
            "load": "read the articles back from the store (as analyze does)",
            "reuse": "find copies from the workers' shingle hashes (in a forked child process, beside "
                     "cluster) and store the pairs",
            "cluster": "batch grouping of the workers' profiles into events and storing them (while reuse "
                       "runs in the child)",
            "reconcile+brief": "per event (about half of them in a forked child)",
            "render/write": "JSON dossier to a file",
        },
        "stages_total_seconds": stages["total"],
        # reuse runs in a forked child while the parent clusters (pipeline.copies_and_events): their wall time
        # together, less than the two stage times above added up
        "reuse_and_cluster_together_seconds": stages["reuse_and_cluster_together_seconds"],
        "article_stage_cpu_seconds_one_core": split,
        # CPU seconds per stage of the --stages run: [this process, its reaped children] (the workers
        # count under read+outlets+clean+extract+store, the reuse child under reuse+cluster)
        "stage_cpu_seconds": stages["stage_cpu_seconds"],
        "startup_cpu_seconds": startup,
        "what_dominates": dominates(split, startup, stages["stage_cpu_seconds"], workers, kept),
        "slowest_stage": slowest,
        "profile": profile,
        "machine": machine(),
    }


def run_tree_measured(argv: list[str]) -> dict:
    """``run_measured`` plus the peak of the summed PSS of the child and its descendants (sampled)."""
    peak = [0]
    stop = threading.Event()
    me = os.getpid()

    def sample() -> None:
        while not stop.is_set():
            kids = _children(me)
            peak[0] = max(peak[0], sum(_rss_kib(p) for k in kids for p in [k, *_descendants(k)]))
            stop.wait(TREE_SAMPLE_SECONDS)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    try:
        result = run_measured(argv)
    finally:
        stop.set()
        thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result | {"peak_tree_pss_mib": round(peak[0] / 1024, 1),
                     "cpu_seconds": round(cpu, 2),  # user + system of the child and its reaped workers
                     "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _descendants(pid: int) -> list[int]:
    out = []
    for c in _children(pid):
        out += [c, *_descendants(c)]
    return out


def _rss_kib(pid: int) -> int:
    """The process's proportional set size (shared pages split among their sharers, so forked
    workers' copy-on-write pages are not counted twice), or its RSS where PSS is not available."""
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(name).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except OSError:
            continue
    return 0


def _child(args: list[str]) -> dict:
    r = run_measured([sys.executable, "-m", "benchmarks.e2e_bench", *args], keep_stdout=True)
    if r["returncode"] != 0:
        raise RuntimeError(f"e2e child {args[0]} failed: {r['stderr_tail']}")
    return json.loads(r["stdout"])


def dominates(split: dict, startup: dict, cpu: dict, workers: int, articles: int) -> str:
    """What sets the end-to-end time, in plain words.

    From CPU seconds (``stage_cpu_seconds`` of the stages run, ``startup``), which a busy machine
    inflates far less than wall time; the one-core split only shares the workers' CPU among the
    per-article stages.  The floor assumes the workers keep every core busy and nothing else waits.
    """
    per_article = {k: v for k, v in split.items() if k not in ("read", "store")}
    top = max(per_article, key=per_article.get)
    share = per_article[top] / sum(per_article.values())
    parent, work = cpu.get("read+outlets+clean+extract+store", [0.0, 0.0])
    first = startup.get("first_article", 0.0)
    start = startup.get("import", 0.0) + first
    parallel = (work + max(0.0, parent - first)) / workers  # the parent stores while the workers run
    tail = {k: max(cpu.get(k, [0.0, 0.0])) for k in ("load", "reuse+cluster", "reconcile+brief", "render/write")}
    floor = start + parallel + sum(tail.values())
    gap = max(0.0, floor - articles / TARGET_ARTICLES_PER_SECOND)
    return (f"CPU seconds: the workers' per-article work {work:.2f} (by the one-core split: "
            f"{', '.join(f'{k} {v / sum(per_article.values()):.0%}' for k, v in sorted(per_article.items(), key=lambda kv: -kv[1]))}), "
            f"the parent's share of that phase (storing, the first articles) {parent:.2f}; on {workers} cores that phase "
            f"takes at least {parallel:.2f} s. Startup {start:.2f} (imports {startup.get('import', 0.0):.2f}, first "
            f"article with the gazetteer and language model {first:.2f}) and the tail after the workers "
            f"{sum(tail.values()):.2f} ({', '.join(f'{k} {v:.2f}' for k, v in tail.items())}; where a forked child "
            f"shares a stage, the larger of the two) each run on one core. Floor about {floor:.1f} s, "
            f"{articles / floor if floor else 0:.0f} articles/s, against {articles / TARGET_ARTICLES_PER_SECOND:.2f} s "
            f"for {TARGET_ARTICLES_PER_SECOND}/s. {top} ({share:.0%} of the per-article work) sets the pace: the bar "
            f"needs {gap:.1f} s less wall, i.e. about {gap * workers:.1f} s less per-article CPU, or {gap:.1f} s less "
            f"startup and tail.")


# --- child processes ----------------------------------------------------------------------------


def stages(src: str, db: str, workers: int, emit=None, ingest_t: dict | None = None) -> dict:
    """``pipeline.analyze`` step by step with a timer around each stage, then JSON to a file.

    ``emit(stage, seconds)``, if given, is called as each stage ends (the ingest steps all at once).
    """
    emit = emit or (lambda stage, seconds: None)
    from corroborate import render
    from corroborate.pipeline import copies_and_events, dossier_events, ingest_paths
    from corroborate.model import Dossier
    from corroborate.reuse import origins
    from corroborate.store import Store

    t: dict[str, float] = {}
    cpu: dict[str, list[float]] = {}  # stage -> [this process's CPU seconds, its reaped children's]
    mark_cpu = [_cpu()]

    def took(stage: str) -> None:
        now = _cpu()
        cpu[stage] = [round(b - a, 3) for a, b in zip(mark_cpu[0], now)]
        mark_cpu[0] = now

    start = time.perf_counter()
    with Store(db) as store:
        ingest_t = {} if ingest_t is None else ingest_t  # the caller may watch it fill
        profiles: dict = {}  # as analyze does: clustering profiles and reuse shingles made in the workers
        shingles: dict = {}
        report = ingest_paths(store, [src], place=False, workers=workers, timings=ingest_t, profiles=profiles,
                              shingles=shingles)
        took("read+outlets+clean+extract+store")  # the workers are reaped when the pool shuts down
        emit("read", ingest_t.get("read", 0.0))
        emit("outlets+clean+extract", ingest_t.get("process_here", 0.0) + ingest_t.get("process_wait", 0.0))
        emit("store", ingest_t.get("store", 0.0))
        mark = time.perf_counter()
        articles = store.articles(report.article_ids)
        t["load"] = time.perf_counter() - mark
        took("load")
        emit("load", t["load"])
        both: dict[str, float] = {}  # as analyze does: reuse in a forked child while this process groups
        pairs, events = copies_and_events(store, articles, workers, timings=both, profiles=profiles,
                                          shingles=shingles)
        t["reuse"], t["cluster"] = both["reuse"], both["cluster"]
        took("reuse+cluster")  # reuse in the forked child (children), cluster here
        emit("cluster", t["cluster"])  # first: the sampled RSS of this process while both ran is clustering's
        emit("reuse", t["reuse"])
        emit("reuse+cluster", both["reuse+cluster"])
    mark = time.perf_counter()
    dossier_events(events, articles, pairs, workers)  # as analyze does: a forked child takes about half
    t["reconcile+brief"] = time.perf_counter() - mark
    took("reconcile+brief")
    emit("reconcile+brief", t["reconcile+brief"])
    mark = time.perf_counter()
    dossier = Dossier(articles=articles, events=events, rejected=report.rejected, reuse=pairs,
                      origins=origins(articles, pairs))
    with open(Path(db).with_suffix(".json"), "w", encoding="utf-8") as fh:  # as `analyze -o` writes it: streamed
        fh.writelines(render.iter_json(dossier))
    t["render/write"] = time.perf_counter() - mark
    took("render/write")
    emit("render/write", t["render/write"])
    total = time.perf_counter() - start
    stage_seconds = {
        "read": ingest_t.get("read", 0.0),
        "outlets+clean+extract": ingest_t.get("process_here", 0.0) + ingest_t.get("process_wait", 0.0),
        "store": ingest_t.get("store", 0.0),
        **t,
    }
    return {"stage_seconds": {k: round(v, 3) for k, v in stage_seconds.items()}, "total": round(total, 3),
            "reuse_and_cluster_together_seconds": round(both["reuse+cluster"], 3),
            "stage_cpu_seconds": cpu}


def _cpu() -> tuple[float, float]:
    """User + system CPU seconds of this process, and of its children that have been waited for."""
    return tuple(sum(getattr(resource.getrusage(who), f) for f in ("ru_utime", "ru_stime"))  # type: ignore[return-value]
                 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def split(src: str, db: str) -> dict:
    """Each per-article stage, and the storing, timed on one core over every article (as ``ingest``
    measures it: once per ``python -m benchmarks`` run, see ``common.stage_split``); and the two
    things the workers also make of each article for later stages (``profile`` for clustering,
    ``shingles`` for reuse), timed over the stored articles (the same result as in the workers)."""
    from corroborate import cluster, reuse
    from corroborate.store import Store

    out = {k.split(".")[0]: v for k, v in stage_split(src, db).items()}
    with Store(db) as store:
        articles = store.articles()
    for name, fn in (("profile", cluster.profile), ("shingles", reuse.sentence_shingles)):
        start = time.perf_counter()  # timed as stage_split times the others
        for a in articles:
            fn(a)
        out[name] = round(time.perf_counter() - start, 3)
    return out


def startup() -> dict:
    """CPU seconds of what every run pays before its first article: importing the package (as the
    CLI does) and processing one short invented article (loading the gazetteer and language model)."""
    start = time.process_time()
    importlib.import_module("corroborate.cli")
    from corroborate.model import Article
    from corroborate.pipeline import process

    imported = time.process_time()
    process(Article(input="startup", title="Two hurt in a barn fire in Marlow Creek",
                    raw_text="Two farm workers were hurt when a barn burned in Marlow Creek on Tuesday night, "
                             "the county fire chief said."))
    return {"import": round(imported - start, 3), "first_article": round(time.process_time() - imported, 3)}


def profile(stage: str, src: str, db: str, top: int = 20) -> dict:
    """cProfile one stage (per-article stages on one core, in-process); its top functions."""
    from corroborate import ingest, render
    from corroborate.model import Article, Dossier
    from corroborate.pipeline import dossier_events, group, process
    from corroborate.reuse import origins, find_reuse
    from corroborate.store import Store

    prof = cProfile.Profile()
    if stage in ("outlets+clean+extract", "read", "store"):
        items = [x for _, chunk in ingest.read_inputs([src]) for x in chunk][::PROFILE_EVERY]
        prof.enable()
        for x in items:
            if isinstance(x, Article):
                process(x)
        prof.disable()
        what = f"pipeline.process over every {PROFILE_EVERY}th article ({len(items)}), one core"
    else:
        with Store(db) as store:
            articles = list(store.iter_articles())
            pairs = store.reuses([a.id for a in articles])
            prof.enable()
            if stage == "reuse":
                find_reuse(articles)
            elif stage == "cluster":
                group(store, articles)
            elif stage == "load":
                store.articles([a.id for a in articles])
            prof.disable()
            events = None
            if stage in ("reconcile+brief", "render/write"):
                events = group(store, articles)
        if stage == "reconcile+brief":
            prof.enable()
            dossier_events(events, articles, pairs)
            prof.disable()
        elif stage == "render/write":
            dossier_events(events, articles, pairs)
            d = Dossier(articles=articles, events=events, reuse=pairs, origins=origins(articles, pairs))
            prof.enable()
            for _ in render.iter_json(d):
                pass
            prof.disable()
        what = stage
    stats = pstats.Stats(prof, stream=io.StringIO())
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = file.split("/site-packages/")[-1].split("/corroborate/")[-1] if "/" in file else file
        rows.append({"function": f"{where}:{line}({func})", "calls": nc, "tottime": round(tt, 3),
                     "cumtime": round(ct, 3)})
    return {
        "stage": stage,
        "what": what,
        "total_seconds": round(stats.total_tt, 3),  # type: ignore[attr-defined]
        "top_by_tottime": sorted(rows, key=lambda r: -r["tottime"])[:top],
        "top_by_cumtime": sorted(rows, key=lambda r: -r["cumtime"])[:top],
    }


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    if cmd == "--stages":
        print(json.dumps(stages(rest[0], rest[1], int(rest[2]))))
    elif cmd == "--split":
        print(json.dumps(split(rest[0], rest[1])))
    elif cmd == "--startup":
        print(json.dumps(startup()))
    elif cmd == "--profile":
        print(json.dumps(profile(rest[0], rest[1], rest[2])))
    else:
        sys.exit(f"unknown: {cmd}")
