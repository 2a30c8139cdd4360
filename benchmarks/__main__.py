"""`python -m benchmarks [NAME...]`: run benchmarks, write JSON and a Markdown summary to benchmarks/results/."""

from __future__ import annotations

import argparse
import json
import sys

from . import cluster_bench, e2e_bench, extract_gva, extract_gvdb, extract_muc, ingest_bench, reconcile_gva, reuse_bench, reuse_gva, scale_bench
from .common import RESULTS, Skip, write_result

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
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("names", nargs="*", choices=[[], *BENCHMARKS], help="benchmarks to run (default: all)")
    args = p.parse_args(argv)
    names = args.names or list(BENCHMARKS)
    for name in names:
        try:
            result = BENCHMARKS[name]()
        except Skip as exc:
            print(f"{name}: skipped: {exc}", file=sys.stderr)
            continue
        path = write_result(name, result)
        print(f"{name}: {json.dumps({k: v for k, v in result.items() if not isinstance(v, (dict, list))})}")
        print(f"  -> {path}")
    _summary()
    return 0


def _summary() -> None:
    rows = []
    for path in sorted(RESULTS.glob("*.json")):
        r = json.loads(path.read_text())
        scalars = ", ".join(f"{k}={v}" for k, v in r.items() if isinstance(v, (int, float)) and k != "returncode")
        rows.append(f"| {r.get('benchmark', path.stem)} | {scalars} |")
    (RESULTS / "SUMMARY.md").write_text("| benchmark | results |\n|---|---|\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    sys.exit(main())
