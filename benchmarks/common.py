"""Shared helpers: where the data is, running a command for time and peak memory, writing results."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# CORROBORATE_SHARED points the benchmarks at another copy of ../shared (the tests point it at nothing)
SHARED = Path(os.environ.get("CORROBORATE_SHARED") or ROOT.parent / "shared")
DATA = SHARED / "data"
RESULTS = ROOT / "benchmarks" / "results"


class Skip(Exception):
    """The benchmark cannot run here (e.g. ../shared is absent); the message says why."""


def need(path: Path) -> Path:
    if not path.exists():
        raise Skip(f"{path} not found: the evaluation data lives in ../shared beside the repository")
    return path


# `python -m benchmarks` sets this to a directory of its own for the run: the first benchmark that
# ingests a dataset (e.g. the GVA articles, wanted by cluster, extract_gva, reuse_gva, reconcile_gva
# and stream) leaves the articles there and the others read them back instead of ingesting again.
# Only benchmarks that time what they do with the articles use it; ingest, e2e, scale and
# extract_gva's speed figure still run the stages themselves.
SHARE_ENV = "CORROBORATE_BENCH_SHARE"


def load_articles(path: Path, key: str) -> tuple[list, list]:
    """The records of a JSON Lines file ingested into a memory store (cleaned and extracted, not
    placed in events), and each article's gold label from the record field ``key``."""
    gold: dict[str, str] = {}
    for line in open(need(path), encoding="utf-8"):
        r = json.loads(line)
        gold.setdefault(r["id"], r[key])
    arts = ingested(path)
    return arts, [gold[a.record] for a in arts]


def ingested(path: Path) -> list:
    """``path`` ingested into a memory store and read back; once per ``python -m benchmarks`` run."""
    import hashlib
    import pickle

    share = os.environ.get(SHARE_ENV)
    cached = None
    if share:
        stat = Path(path).stat()
        name = hashlib.sha256(f"{Path(path).resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
        cached = Path(share) / f"articles-{name}.pickle"
        if cached.exists():
            with open(cached, "rb") as f:
                return pickle.load(f)
    from corroborate import Store, ingest_paths

    with Store(":memory:") as store:
        ingest_paths(store, [path], place=False)
        arts = list(store.iter_articles())
    if cached is not None:
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(arts, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cached)
    return arts


def gva_articles() -> tuple[list, dict[str, str]]:
    """The GVA articles ingested into a memory store, and each record id's gold incident."""
    arts, gold = load_articles(DATA / "gva" / "articles.jsonl", "incident")
    return arts, {a.record: g for a, g in zip(arts, gold)}


def run_measured(argv: list[str], keep_stdout: bool = False) -> dict:
    """Run a command in a child process; wall time and that child's own peak RSS (``wait4``)."""
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return ({"stdout": stdout} if keep_stdout else {}) | {
        "argv": argv,
        "returncode": proc.returncode,
        "seconds": round(wall, 3),
        # ru_maxrss of this child (and of its own children it waited for), in KiB on Linux; it
        # includes the RSS of this process at the spawn (vfork), small where benchmarks call this
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "stderr_tail": stderr.strip().splitlines()[-3:],
    }


def machine() -> dict:
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count()}


def write_result(name: str, result: dict, results: Path | None = None) -> Path:
    results = results or RESULTS
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return path


def run_child(spec: str, out: str) -> None:
    """Run one benchmark function (``module:name``) in this process, a child of ``python -m benchmarks``.

    Writes ``{"status": "ok", "result": ...}``, ``{"status": "skipped", "message": ...}`` or
    ``{"status": "failed", "error": ...}`` to the file ``out``; a child that is killed writes nothing.
    """
    import importlib
    import traceback

    module, _, name = spec.partition(":")
    fn = importlib.import_module(module)
    for part in name.split("."):
        fn = getattr(fn, part)
    try:
        record = {"status": "ok", "result": fn()}
    except Skip as exc:
        record = {"status": "skipped", "message": str(exc)}
    except Exception as exc:  # the benchmark failed: recorded, and the run goes on
        traceback.print_exc()
        record = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"}
    Path(out).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def stage_split(src, db=None) -> dict:
    """Each per-article stage (``module.function``), the reading and, given ``db``, the storing of
    ``src`` timed in-process on one core.  An article a stage rejects stops there, as in ``process``.

    Measured once per ``python -m benchmarks`` run (``ingest`` and ``e2e`` both report it): a later
    call with the same ``src`` (and a ``db`` or none) returns the first one's timings.
    """
    share = os.environ.get(SHARE_ENV)
    if share:
        import hashlib

        key = hashlib.sha256(f"{Path(src).resolve()}|{db is not None}".encode()).hexdigest()[:16]
        cached = Path(share) / f"split-{key}.json"
        if cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        got = _stage_split(src, db)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(got), encoding="utf-8")
        tmp.replace(cached)
        return got
    return _stage_split(src, db)


def _stage_split(src, db=None) -> dict:
    from corroborate import Store, ingest
    from corroborate.model import Article
    from corroborate.pipeline import ARTICLE_STAGES
    from corroborate.store import article_id

    names = [f"{s.__module__.split('.')[-1]}.{s.__name__}" for s in ARTICLE_STAGES]
    t: dict[str, float] = {"read": 0.0, **({"store": 0.0} if db else {}), **dict.fromkeys(names, 0.0)}
    store = Store(db) if db else None
    try:
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
                if isinstance(item, Article):
                    item.id = article_id(item)
                    for name, stage in zip(names, ARTICLE_STAGES):
                        start = time.perf_counter()
                        try:
                            item = stage(item)
                        except Exception:
                            item = None
                            break
                        finally:
                            t[name] += time.perf_counter() - start
                if item is not None:
                    done.append(item)
            if store is not None:
                start = time.perf_counter()
                store.add(done)
                t["store"] += time.perf_counter() - start
    finally:
        if store is not None:
            store.close()
    return {k: round(v, 3) for k, v in t.items()}
