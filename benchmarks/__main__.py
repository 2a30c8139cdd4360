"""`python -m benchmarks [NAME...]`: run benchmarks, write JSON, a Markdown summary and PNG plots to benchmarks/results/.

Each benchmark runs in its own child process (its peak RSS is its own, and a crash or a hang
does not stop the run): a benchmark that fails, dies or runs past --timeout is recorded as
failed, the others still run, and the summary and plots are written; the exit status is 1 if
any benchmark failed.  A benchmark whose data (../shared) is absent is skipped with a message
naming the missing path and does not count as a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import (cluster_bench, e2e_bench, extract_gva, extract_gvdb, extract_muc, ingest_bench, reconcile_gva,
               reuse_bench, reuse_gva, scale_bench, stream_bench)
from .common import RESULTS, SHARE_ENV, SHARED, write_result

BENCHMARKS = {
    "ingest": ingest_bench.run,
    "reuse": reuse_bench.run,
    "reuse_gva": reuse_gva.run,
    "extract_gva": extract_gva.run,
    "extract_gvdb": extract_gvdb.run,
    "extract_muc": extract_muc.run,
    "cluster": cluster_bench.run,
    "cluster_scale": cluster_bench.run_scale,
    "reconcile_gva": reconcile_gva.run,
    "e2e": e2e_bench.run,
    "scale": scale_bench.run,
    "stream": stream_bench.run,
}

# run only when named (`python -m benchmarks cluster_scale`): batch and streaming clustering alone on 10k and
# 100k replicated profiles, with B³.  The default run measures the same 10k -> 100k batch clustering as the
# `cluster` stage of `scale` (issue 5's bar: time ratio, memory), and streaming at 100k in `stream`; a second
# 100k clustering would take longer than the rest of `make bench` allows (the 30-minute bar)
EXTRA = ("cluster_scale",)

# seconds one benchmark may run before it is killed: the slowest, scale (1k, 10k and 100k articles end
# to end), has a budget of its own (scale_bench.BUDGET_SECONDS) and gets that plus a margin; cluster_scale
# (seven 100k clusterings, each mode twice, about 15 minutes) gets CLUSTER_SCALE_TIMEOUT
TIMEOUT = 600
CLUSTER_SCALE_TIMEOUT = 1800


def timeout_for(name: str, default: float | None) -> float | None:
    """The per-benchmark limit: ``default``, or for ``scale`` and ``cluster_scale`` their own if larger."""
    if name == "scale" and default:
        from .scale_bench import BUDGET_SECONDS

        return max(default, BUDGET_SECONDS + 60)
    if name == "cluster_scale" and default:
        return max(default, CLUSTER_SCALE_TIMEOUT)
    return default


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("names", nargs="*", choices=[[], *BENCHMARKS],
                   help=f"benchmarks to run (default: all but {', '.join(EXTRA)}, which run when named)")
    p.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
                   help=f"kill a benchmark after this long and record it as failed (default {TIMEOUT}; 0: no limit)")
    p.add_argument("--results", type=Path, default=RESULTS, metavar="DIR",
                   help="where result JSON, SUMMARY.md and plots go (default benchmarks/results)")
    args = p.parse_args(argv)
    # on SIGTERM (e.g. `timeout make bench`) unwind, so the running benchmark's process group is killed too
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        return _run(args, argv if argv is not None else sys.argv[1:])
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace, argv: list[str]) -> int:
    names = args.names or [n for n in BENCHMARKS if n not in EXTRA]
    results: Path = args.results
    results.mkdir(parents=True, exist_ok=True)
    if not SHARED.exists():
        print(f"{SHARED} not found: the evaluation data lives in ../shared beside the repository; "
              "benchmarks that need it are skipped", file=sys.stderr)

    start = time.perf_counter()
    statuses = {}
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as share:
        os.environ[SHARE_ENV] = share  # datasets ingested once for the whole run (common.ingested)
        try:
            for i, name in enumerate(names, 1):
                print(f"[{i}/{len(names)}] {name} ...", file=sys.stderr, flush=True)
                status = run_one(name, BENCHMARKS[name], results, timeout_for(name, args.timeout or None))
                statuses[name] = status
                line = f"{name}: {status['status']} in {status['wall_seconds']} s"
                if status.get("message"):
                    line += f": {status['message']}"
                print(line, file=sys.stderr, flush=True)
        finally:
            os.environ.pop(SHARE_ENV, None)
    failed = [n for n, s in statuses.items() if s["status"] == "failed"]
    _write_outputs(results, argv, names, statuses, start)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def run_one(name: str, fn, results: Path, timeout: float | None) -> dict:
    """Run one benchmark in a child process; write its result (with its wall time); its status."""
    spec = f"{fn.__module__}:{fn.__qualname__}"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "record.json"
        code = "import sys; from benchmarks.common import run_child; run_child(sys.argv[1], sys.argv[2])"
        env = os.environ | {"PYTHONPATH": os.pathsep.join(p or os.getcwd() for p in sys.path)}
        cpu_before = _children_cpu()
        started = time.perf_counter()
        # a session of its own, so a timeout kills the benchmark's own children too
        proc = subprocess.Popen([sys.executable, "-c", code, spec, str(out)], env=env, start_new_session=True)
        try:
            returncode = proc.wait(timeout=timeout)
            error = None if returncode == 0 else _died(returncode)
        except subprocess.TimeoutExpired:
            error = f"timed out after {timeout:g} s and was killed"
        finally:
            _kill_group(proc)
        wall = round(time.perf_counter() - started, 1)
        cpu = round(_children_cpu() - cpu_before, 1)  # the benchmark and every process it waited for
        record = json.loads(out.read_text(encoding="utf-8")) if out.exists() and error is None else None
    if record is None:
        record = {"status": "failed", "error": error or "the benchmark wrote no result"}
    status = {"status": record["status"], "wall_seconds": wall, "cpu_seconds": cpu}
    if record["status"] == "ok":
        # benchmark_cpu_seconds: not cpu_seconds, which some results use for what they measure (e2e: the CLI's)
        result = record["result"] | {"wall_seconds": wall, "benchmark_cpu_seconds": cpu}
        path = write_result(name, result, results)
        print(f"{name}: {json.dumps({k: v for k, v in result.items() if not isinstance(v, (dict, list))})}")
        print(f"  -> {path}")
    elif record["status"] == "skipped":
        status["message"] = record["message"]
    else:
        status["message"] = record["error"]
        write_result(name, {"benchmark": name, "status": "failed", "error": record["error"], "wall_seconds": wall},
                     results)
    return status


def _children_cpu() -> float:
    """User + system CPU seconds of this process's reaped children (and theirs)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _died(returncode: int) -> str:
    if returncode < 0:
        return f"killed by signal {signal.Signals(-returncode).name}"
    return f"exited with status {returncode}"


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _write_outputs(results: Path, argv: list[str], names: list[str], statuses: dict, start: float) -> None:
    """run.json (status and wall time of each benchmark, merged with earlier runs), SUMMARY.md, plots."""
    from . import summary

    run_path = results / "run.json"
    run = json.loads(run_path.read_text(encoding="utf-8")) if run_path.exists() else {}
    merged = run.get("benchmarks", {}) | statuses
    run = {"benchmarks": {n: merged[n] for n in [*BENCHMARKS, *merged] if n in merged}}
    failed = sum(1 for s in statuses.values() if s["status"] == "failed")
    invocation = {"argv": list(argv), "names": names, "failed": failed}

    def dump(seconds: float) -> None:
        run["invocation"] = invocation | {"seconds": round(seconds, 1)}
        run_path.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    dump(time.perf_counter() - start)
    try:
        from . import plots

        written = plots.write(results)
    except ImportError as exc:  # matplotlib is in the `bench` extra
        print(f"plots skipped: {exc} (pip install -e '.[bench]')", file=sys.stderr)
        written = []
    dump(time.perf_counter() - start)  # the total includes the plots
    path = summary.write(results)
    for p in [path, *written]:
        print(f"  -> {p}")


if __name__ == "__main__":
    sys.exit(main())
