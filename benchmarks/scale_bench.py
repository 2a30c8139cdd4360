"""End to end at scale: 1k, 10k and 100k articles generated from the GVA records, each size in its own process.

Replica k of a GVA record (k = 0 is the record itself) is published 7·k days later, tells of
another US city (the incident's city and state names are replaced by a city from a fixed list,
chosen by k and the record's position), and comes from its own outlet host.  The sizes take the
first N of replicas 0, 1, 2, ... in order.  Deterministic: no random numbers.

Each size runs the stages of ``analyze`` (as ``e2e`` does) in a child process on every core; each
stage reports its wall time, CPU seconds (the pipeline's process and its reaped workers), the peak
RSS so far (largest process: the pipeline's or a worker's) and the pipeline process's own peak RSS
during that stage (sampled), so the memory of one stage (e.g. clustering) shows apart from the
others.  The 100k/10k time ratio is given for the whole run and for each stage; the ``cluster``
stage's ratio and memory are issue 5's scaling bar (batch clustering of 10k and 100k generated
articles), measured here rather than in a second 100k run.
A size that would overrun the benchmark's time budget is stopped; the stages it finished are kept.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .common import DATA, machine, need
from .e2e_bench import _descendants, _rss_kib

SIZES = (1_000, 10_000, 100_000)
# the whole benchmark, all sizes: 100k articles end to end take about 15 minutes on 2 shared cores
# (the per-article stages alone about 5), so a smaller budget only ever measures 1k and 10k
BUDGET_SECONDS = int(os.environ.get("SCALE_BUDGET_SECONDS", 25 * 60))
SAMPLE_SECONDS = 0.05  # RSS sampling period inside the child (/proc/self/statm: microseconds)
# the parent sums the tree's PSS from /proc/PID/smaps_rollup, milliseconds of CPU per process per read
# (see e2e_bench.TREE_SAMPLE_SECONDS); the runs last minutes, so once a second is enough
TREE_SAMPLE_SECONDS = 1.0
TARGET_RATIO = 12
PROGRESS_SECONDS = 20

# (city, state): the replicas' places, a fixed list of US cities
CITIES = [
    ("Albuquerque", "New Mexico"), ("Baltimore", "Maryland"), ("Birmingham", "Alabama"), ("Boise", "Idaho"),
    ("Buffalo", "New York"), ("Charleston", "South Carolina"), ("Cincinnati", "Ohio"), ("Des Moines", "Iowa"),
    ("El Paso", "Texas"), ("Fresno", "California"), ("Hartford", "Connecticut"), ("Jackson", "Mississippi"),
    ("Kansas City", "Missouri"), ("Little Rock", "Arkansas"), ("Louisville", "Kentucky"), ("Milwaukee", "Wisconsin"),
    ("Minneapolis", "Minnesota"), ("Omaha", "Nebraska"), ("Pittsburgh", "Pennsylvania"), ("Portland", "Oregon"),
    ("Raleigh", "North Carolina"), ("Richmond", "Virginia"), ("Sacramento", "California"), ("Salt Lake City", "Utah"),
    ("Savannah", "Georgia"), ("Spokane", "Washington"), ("Tucson", "Arizona"), ("Tulsa", "Oklahoma"),
    ("Wichita", "Kansas"), ("Wilmington", "Delaware"),
]


def generate(n: int, path: Path) -> int:
    """Write ``n`` generated JSON Lines records to ``path``; returns how many GVA records they came from."""
    src = need(DATA / "gva" / "articles.jsonl")
    incidents = {}
    for line in open(need(DATA / "gva" / "incidents.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        incidents[r["incident"]] = (r.get("city") or "", r.get("state") or "")
    records = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        k = 0
        while written < n:
            for i, r in enumerate(records):
                if written >= n:
                    break
                out.write(json.dumps(replica(r, k, i, incidents.get(r.get("incident"), ("", ""))),
                                     ensure_ascii=False) + "\n")
                written += 1
            k += 1
    return len(records)


def replica(r: dict, k: int, i: int, place: tuple[str, str]) -> dict:
    if k == 0:
        return r
    r = dict(r)
    city, state = place
    new_city, new_state = CITIES[(k * 7 + i) % len(CITIES)]
    for field in ("title", "text"):
        value = r.get(field) or ""
        if city and len(city) > 2:
            value = value.replace(city, new_city)
        if state and len(state) > 3:
            value = value.replace(state, new_state)
        r[field] = value
    r["id"] = f"{r['id']}-{k}"
    r["published"] = _shift(r.get("published"), 7 * k)
    host = f"news{(k * 31 + i) % 997}.example.com"
    for field in ("url", "original_url"):
        if r.get(field):
            u = urlsplit(r[field])
            r[field] = urlunsplit(("https", host, u.path, u.query, ""))
    r.pop("outlet", None)
    return r


def _shift(stamp: str | None, days: int) -> str | None:
    if not stamp:
        return stamp
    try:
        if len(stamp) <= 10:
            return (date.fromisoformat(stamp) + timedelta(days=days)).isoformat()
        return stamp.replace(stamp[:10], (datetime.fromisoformat(stamp[:10]) + timedelta(days=days)).date().isoformat(), 1)
    except ValueError:
        return stamp


def run() -> dict:
    deadline = time.monotonic() + BUDGET_SECONDS
    workers = os.cpu_count() or 1
    rows: list[dict] = []
    sizes = []
    sizes_to_run = tuple(int(x) for x in os.environ.get("SCALE_SIZES", "").split(",") if x) or SIZES
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes_to_run:
            path = Path(tmp) / f"gen-{n}.jsonl"
            mark = time.perf_counter()
            generate(n, path)
            gen_seconds = time.perf_counter() - mark
            left = deadline - time.monotonic()
            size = {"articles": n, "generate_seconds": round(gen_seconds, 2), "input_mib": round(path.stat().st_size / 2**20, 1)}
            if left < 10:
                sizes.append(size | {"finished": False, "note": "not run: time budget spent"})
                continue
            got = _run_size(path, Path(tmp) / f"gen-{n}.db", workers, left)
            for row in got["rows"]:
                if row["stage"] == "progress":
                    continue
                rows.append({"stage": row["stage"], "articles": n, "seconds": row["seconds"],
                             "peak_rss_mib": row["peak_rss_mib"], **{k: row[k] for k in (
                                 "cpu_seconds", "cpu_seconds_read_process_store", "stage_peak_rss_mib", "rss_mib")
                                 if k in row}})
            sizes.append(size | {k: v for k, v in got.items() if k != "rows"})
            path.unlink()
    total = {s["articles"]: s.get("seconds") for s in sizes if s.get("finished")}
    ratio = round(total[100_000] / total[10_000], 2) if 100_000 in total and 10_000 in total else None
    by = {(r["stage"], r["articles"]): r for r in rows}
    stage_ratios = {stage: round(by[stage, 100_000]["seconds"] / by[stage, 10_000]["seconds"], 2)
                    for stage, n in by if n == 100_000 and (stage, 10_000) in by and by[stage, 10_000]["seconds"] > 0}
    cluster = {n: by.get(("cluster", n)) for n in (10_000, 100_000)}
    return {
        "benchmark": "scale",
        "sizes": sizes,
        "workers": workers,
        "ratio_100k_10k": ratio,
        "stage_ratios_100k_10k": stage_ratios,
        # issue 5's scaling bar: batch clustering (profiles, batch, storing the events) of 10k and 100k
        "cluster_ratio_100k_10k": stage_ratios.get("cluster"),
        "cluster_seconds_10k": cluster[10_000] and cluster[10_000]["seconds"],
        "cluster_seconds_100k": cluster[100_000] and cluster[100_000]["seconds"],
        # CPU of clustering and of reuse detection together (they run side by side, see e2e_bench.stages)
        "reuse_and_cluster_cpu_seconds_100k": (by.get(("reuse+cluster", 100_000)) or {}).get("cpu_seconds"),
        "cluster_stage_peak_rss_mib_100k": cluster[100_000] and cluster[100_000].get("stage_peak_rss_mib"),
        "target_ratio": TARGET_RATIO,
        "budget_seconds": BUDGET_SECONDS,
        "scaling": rows,
        "machine": machine(),
    }


def _run_size(path: Path, db: Path, workers: int, timeout: float) -> dict:
    """One size in a child process: a row per stage as it ends; stopped at ``timeout`` seconds."""
    argv = [sys.executable, "-m", "benchmarks.scale_bench", "--run", str(path), str(db), str(workers)]
    start = time.perf_counter()
    err_file = open(db.with_suffix(".stderr"), "w+", encoding="utf-8")
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err_file, text=True)
    rows: list[dict] = []
    peak_tree = 0
    reader = threading.Thread(target=lambda: rows.extend(json.loads(line) for line in proc.stdout if line.strip()),
                              daemon=True)
    reader.start()
    stopped = False
    while proc.poll() is None:
        peak_tree = max(peak_tree, sum(_rss_kib(p) for p in [proc.pid, *_descendants(proc.pid)]))
        if time.perf_counter() - start > timeout:
            for pid in _descendants(proc.pid):  # its worker processes first
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass
            proc.kill()
            stopped = True
            break
        try:
            proc.wait(timeout=TREE_SAMPLE_SECONDS)  # returns as soon as the child ends
        except subprocess.TimeoutExpired:
            pass
    proc.wait()
    reader.join(5)
    seconds = time.perf_counter() - start
    load = os.getloadavg()[0]
    err_file.seek(0)
    err = err_file.read().strip().splitlines()[-3:]
    err_file.close()
    done = [r for r in rows if r["stage"] not in ("total", "progress")]
    progress = [r for r in rows if r["stage"] == "progress"]
    out = {
        "finished": not stopped and proc.returncode == 0,
        "seconds": round(seconds, 2),
        "articles_per_second": round(path_articles(path) / seconds, 1) if not stopped else None,
        "peak_tree_pss_mib": round(peak_tree / 1024, 1),
        "load_average_1min_at_end": round(load, 2),  # other work on the machine slows every number
        "stages_done": [r["stage"] for r in done],
        "ingest_progress": [{k: v for k, v in r.items() if k != "stage"} for r in progress],
        "rows": rows,
    }
    if stopped:
        out["note"] = f"stopped after {seconds:.0f} s (time budget); stages finished: {out['stages_done']}"
    elif proc.returncode != 0:
        out["note"] = f"exit status {proc.returncode}: {err}"
    return out


def path_articles(path: Path) -> int:
    return sum(1 for _ in open(path, encoding="utf-8"))


def _rss_mib() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def _child(src: str, db: str, workers: int) -> None:
    from .e2e_bench import stages

    def peak() -> float:
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return round(max(me, kids) / 1024, 1)

    def cpu() -> float:
        return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                   for f in ("ru_utime", "ru_stime"))

    stage_peak = [0.0]
    cpu_mark = [cpu()]

    def sample() -> None:  # this process's RSS, highest since the last stage ended
        while True:
            stage_peak[0] = max(stage_peak[0], _rss_mib())
            time.sleep(SAMPLE_SECONDS)

    threading.Thread(target=sample, daemon=True).start()

    def emit(stage: str, seconds: float) -> None:
        now = cpu()
        rss = _rss_mib()
        row = {"stage": stage, "seconds": round(seconds, 3), "peak_rss_mib": peak(),
               "stage_peak_rss_mib": round(max(stage_peak[0], rss), 1), "rss_mib": round(rss, 1)}
        # the ingest steps overlap: CPU of all three on "store"; reuse (a forked child) and cluster overlap: CPU
        # of both on "reuse+cluster"
        if stage not in ("read", "outlets+clean+extract", "store", "reuse", "cluster"):
            row["cpu_seconds"] = round(now - cpu_mark[0], 2)
            cpu_mark[0] = now
        elif stage == "store":
            row["cpu_seconds_read_process_store"] = round(now - cpu_mark[0], 2)
            cpu_mark[0] = now
        stage_peak[0] = rss
        print(json.dumps(row), flush=True)

    live: dict = {}
    start = time.perf_counter()
    ingesting = threading.Event()

    def progress() -> None:  # while the per-article stages run: articles done so far
        while not ingesting.wait(PROGRESS_SECONDS):
            print(json.dumps({"stage": "progress", "articles_done": live.get("items", 0),
                              "seconds": round(time.perf_counter() - start, 1), "peak_rss_mib": peak()}), flush=True)

    threading.Thread(target=progress, daemon=True).start()
    emit_after = emit

    def emit(stage: str, seconds: float) -> None:  # noqa: F811
        ingesting.set()
        emit_after(stage, seconds)

    result = stages(src, db, workers, emit, live)
    print(json.dumps({"stage": "total", "seconds": result["total"], "peak_rss_mib": peak(),
                      "cpu_seconds": round(cpu(), 2)}), flush=True)


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    if cmd == "--run":
        _child(rest[0], rest[1], int(rest[2]))
    elif cmd == "--generate":  # python -m benchmarks.scale_bench --generate N FILE: look at the data
        generate(int(rest[0]), Path(rest[1]))
    else:
        sys.exit(f"unknown: {cmd}")
