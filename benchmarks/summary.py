"""benchmarks/results/SUMMARY.md: one readable table per benchmark, ours beside the peer and the bar.

The acceptance bars live in ``BARS`` and nowhere else; the headline rows of each benchmark
(which numbers of its JSON to show, and the peer or baseline beside each) in ``HEADLINES``.
A benchmark without headline rows (e.g. one added on another branch) gets a table of its
top-level numbers, with a bar wherever ``BARS`` names one of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

# (benchmark, JSON path of our number) -> (">=" or "<=", bar).  The only place bars are written down.
BARS: dict[tuple[str, str], tuple[str, float]] = {
    ("extract_gva", "killed_exact"): (">=", 0.90),
    ("extract_gva", "injured_exact"): (">=", 0.85),
    ("extract_gva", "date_exact"): (">=", 0.90),
    ("extract_gva", "city_geo"): (">=", 0.90),
    ("extract_gva", "articles_per_cpu_second"): (">=", 300),
    ("cluster", "gva.batch.b3_f1"): (">=", 0.93),
    ("cluster", "ecbplus.batch.b3_f1"): (">=", 0.90),
    ("reconcile_gva", "gold_killed_best_exact"): (">=", 0.92),
    ("reconcile_gva", "gold_injured_best_exact"): (">=", 0.85),
    ("reconcile_gva", "gold_date_exact"): (">=", 0.95),
    ("e2e", "articles_per_second"): (">=", 300),
    ("e2e", "peak_rss_mib"): ("<=", 1024),
    ("scale", "ratio_100k_10k"): ("<=", 12),
    ("scale", "cluster_ratio_100k_10k"): ("<=", 12),  # issue 5's scaling bar, measured in scale's cluster stage
    ("reuse", "time_ratio_100k_vs_10k"): ("<=", 12),
    ("cluster_scale", "batch_time_ratio_100k_10k"): ("<=", 12),
    ("cluster_scale", "streaming_time_ratio_100k_10k"): ("<=", 12),
    ("stream", "place_p99_ms_1000000"): ("<=", 5),  # the bar is at 1M indexed; 100k is reported beside it
}

# JSON files in results/ that are not benchmark results (run record, git-ignored samples of text)
NOT_RESULTS = {"run", "extract_gva_errors", "reuse_gva_sample"}


@dataclass(frozen=True)
class Row:
    """One headline: our number at ``ours`` (a dotted JSON path), and optionally a peer's beside it."""

    dataset: str
    metric: str
    ours: str
    peer_name: str = ""
    peer: str = ""


_TFIDF = "TF-IDF + agglomerative"
_SINGLE = "single article"
_LEXRANK = "sumy LexRank"
_TRAFILATURA = "trafilatura alone"
HEADLINES: dict[str, list[Row]] = {
    "ingest": [
        Row("GVA", "articles/s (CLI, all stages)", "articles_per_second"),
        Row("GVA", "peak RSS MiB", "peak_rss_mib"),
        Row("GVA", "articles stored", "articles_stored"),
        Row("GVA", "records rejected", "rejected"),
        Row("GVA", "clean: articles/s", "clean_peer.gva.ours.articles_per_second",
            _TRAFILATURA, "clean_peer.gva.trafilatura.articles_per_second"),
        Row("GVA", "clean: share of characters kept", "clean_peer.gva.ours.chars_kept_share",
            _TRAFILATURA, "clean_peer.gva.trafilatura.chars_kept_share"),
        Row("GVA", "clean: share of lines removed", "clean_peer.gva.ours.lines_removed_share",
            _TRAFILATURA, "clean_peer.gva.trafilatura.lines_removed_share"),
        Row("GVA", "clean: lines removed by this tool only", "clean_peer.gva.ours.lines_removed_by_this_only",
            _TRAFILATURA, "clean_peer.gva.trafilatura.lines_removed_by_this_only"),
        Row("GVA", "clean: articles left empty", "clean_peer.gva.ours.empty_articles",
            _TRAFILATURA, "clean_peer.gva.trafilatura.empty_articles"),
        Row("GVA", "clean: articles/s, boilerplate removal only", "clean_peer.gva.ours.boilerplate_only_articles_per_second"),
        Row("seeds", "clean: share of characters kept", "clean_peer.seeds.ours.chars_kept_share",
            _TRAFILATURA, "clean_peer.seeds.trafilatura.chars_kept_share"),
        Row("seeds", "clean: share of lines removed", "clean_peer.seeds.ours.lines_removed_share",
            _TRAFILATURA, "clean_peer.seeds.trafilatura.lines_removed_share"),
        Row("seeds", "clean: lines removed by this tool only", "clean_peer.seeds.ours.lines_removed_by_this_only",
            _TRAFILATURA, "clean_peer.seeds.trafilatura.lines_removed_by_this_only"),
    ],
    "extract_gva": [
        Row("GVA single-article", "killed exact", "killed_exact"),
        Row("GVA single-article", "injured exact", "injured_exact"),
        Row("GVA single-article", "date exact", "date_exact"),
        Row("GVA single-article", "city (name or ≤ 25 km)", "city_geo"),
        Row("GVA single-article", "city by name", "city_name"),
        Row("GVA all", "articles/s (extract, one core, wall)", "articles_per_second"),
        Row("GVA all", "articles/s (extract, one core, CPU)", "articles_per_cpu_second"),
    ],
    "extract_gvdb": [
        Row("GVDB dev", "killed exact", "killed_exact"),
        Row("GVDB dev", "injured exact", "injured_exact"),
    ],
    "extract_muc": [
        Row("MUC-3/4", "PerpOrg F1", "PerpOrg_f1"),
        Row("MUC-3/4", "Victim F1", "Victim_f1"),
        Row("MUC-3/4", "Target F1", "Target_f1"),
    ],
    "cluster": [
        Row("GVA", "B³ F1 (batch)", "gva.batch.b3_f1", _TFIDF, "gva.baseline_tfidf_average_linkage.b3_f1"),
        Row("GVA", "B³ F1 (streaming)", "gva.streaming.b3_f1", _TFIDF, "gva.baseline_tfidf_average_linkage.b3_f1"),
        Row("GVA", "pairwise F1 (batch)", "gva.batch.pairwise_f1",
            _TFIDF, "gva.baseline_tfidf_average_linkage.pairwise_f1"),
        Row("GVA", "seconds (batch)", "gva.batch.seconds", _TFIDF, "gva.baseline_tfidf_average_linkage.seconds"),
        Row("ECB+", "B³ F1 (batch)", "ecbplus.batch.b3_f1", _TFIDF, "ecbplus.baseline_tfidf_average_linkage.b3_f1"),
        Row("ECB+", "B³ F1 (streaming)", "ecbplus.streaming.b3_f1",
            _TFIDF, "ecbplus.baseline_tfidf_average_linkage.b3_f1"),
        Row("ECB+", "pairwise F1 (batch)", "ecbplus.batch.pairwise_f1",
            _TFIDF, "ecbplus.baseline_tfidf_average_linkage.pairwise_f1"),
    ],
    "reconcile_gva": [
        Row("GVA ≥ 2 articles, gold grouping", "killed exact (best)", "gold_killed_best_exact",
            _SINGLE, "single_killed_best_exact"),
        Row("GVA ≥ 2 articles, gold grouping", "injured exact (best)", "gold_injured_best_exact",
            _SINGLE, "single_injured_best_exact"),
        Row("GVA ≥ 2 articles, gold grouping", "date exact", "gold_date_exact", _SINGLE, "single_date_exact"),
        Row("GVA ≥ 2 articles, gold grouping", "city (name or ≤ 25 km)", "gold_city_geo",
            _SINGLE, "single_city_geo"),
        Row("GVA ≥ 2 articles, our clustering", "killed exact (best)", "cluster_killed_best_exact",
            _SINGLE, "single_killed_best_exact"),
        Row("GVA ≥ 2 articles, our clustering", "injured exact (best)", "cluster_injured_best_exact",
            _SINGLE, "single_injured_best_exact"),
        Row("GVA ≥ 2 articles, our clustering", "date exact", "cluster_date_exact", _SINGLE, "single_date_exact"),
        Row("GVA briefs", "killed stated", "briefs.brief.killed_stated", _LEXRANK, "briefs.lexrank.killed_stated"),
        Row("GVA briefs", "injured stated", "briefs.brief.injured_stated", _LEXRANK, "briefs.lexrank.injured_stated"),
        Row("GVA briefs", "city stated", "briefs.brief.city_stated", _LEXRANK, "briefs.lexrank.city_stated"),
        Row("GVA briefs", "date stated", "briefs.brief.date_stated", _LEXRANK, "briefs.lexrank.date_stated"),
        Row("GVA briefs", "seconds (brief vs LexRank)", "brief_seconds", _LEXRANK, "lexrank_seconds"),
    ],
    "reuse": [
        Row("generated 10k", "seconds (ours: MinHash+LSH+verification)",
            "corroborate_vs_datasketch_at_10k.corroborate_minhash_lsh_and_verification_seconds",
            "datasketch MinHash+LSH only", "corroborate_vs_datasketch_at_10k.datasketch_minhash_lsh_only_seconds"),
        Row("generated 10k", "peak RSS MiB", "corroborate.0.peak_rss_mib",
            "datasketch MinHash+LSH only", "datasketch_peer.peak_rss_mib"),
        Row("generated 10k", "planted copies", "corroborate.0.planted_copies"),
        Row("generated 10k", "pairs with reuse found", "corroborate.0.pairs_with_reuse"),
        Row("generated 100k", "peak RSS MiB", "corroborate.1.peak_rss_mib"),
        Row("generated", "time ratio 100k / 10k", "time_ratio_100k_vs_10k"),
    ],
    "reuse_gva": [
        Row("GVA", "pairs reusing ≥ 50 %", "pairs_reusing_ge_50pct"),
        Row("GVA", "of which one gold incident", "of_which_same_incident"),
        Row("GVA", "seconds", "seconds"),
    ],
    "cluster_scale": [
        Row("generated", "batch time ratio 100k / 10k", "batch_time_ratio_100k_10k"),
        Row("generated", "streaming time ratio 100k / 10k", "streaming_time_ratio_100k_10k"),
        Row("generated", "batch CPU time ratio 100k / 10k", "batch_cpu_ratio_100k_10k"),
        Row("generated", "streaming CPU time ratio 100k / 10k", "streaming_cpu_ratio_100k_10k"),
        Row("generated, spread in time", "batch time ratio 100k / 10k", "spread_batch_time_ratio_100k_10k"),
        Row("generated, spread in time", "streaming time ratio 100k / 10k",
            "spread_streaming_time_ratio_100k_10k"),
        Row("generated 100k", "peak RSS MiB", "peak_rss_mib_100k"),
    ],
}


def get(result: dict, path: str):
    """The value at a dotted path (list items by index), or None."""
    node = result
    for part in path.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def meets(value, bar: tuple[str, float] | None) -> bool | None:
    if bar is None or not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    op, threshold = bar
    return value >= threshold if op == ">=" else value <= threshold


def fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def load_results(results: Path) -> dict[str, dict]:
    """Benchmark name (the file's stem) -> its result, for every result JSON in ``results``."""
    out = {}
    for path in sorted(results.glob("*.json")):
        if path.stem in NOT_RESULTS:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            out[path.stem] = data
    return out


def headline_rows(name: str, result: dict) -> list[dict]:
    """The rows of one benchmark's table: dataset, metric, ours, peer name, peer value, bar, meets."""
    rows = []
    specs = HEADLINES.get(name)
    if specs is None:  # a benchmark we have no headlines for: its top-level numbers
        specs = [Row("", key, key) for key, v in result.items()
                 if isinstance(v, (int, float)) and not isinstance(v, bool)
                 and key not in ("returncode", "wall_seconds")]
    for spec in specs:
        ours = get(result, spec.ours)
        if ours is None:
            continue
        bar = BARS.get((name, spec.ours))
        rows.append({"dataset": spec.dataset, "metric": spec.metric, "ours": ours,
                     "peer_name": spec.peer_name, "peer": get(result, spec.peer) if spec.peer else None,
                     "bar": bar, "meets": meets(ours, bar)})
    return rows


def render(results: Path) -> str:
    """SUMMARY.md for the result files in ``results`` (and the run record ``run.json``, if any)."""
    found = load_results(results)
    run_path = results / "run.json"
    run = json.loads(run_path.read_text(encoding="utf-8")) if run_path.exists() else {}
    status = run.get("benchmarks", {})
    names = list(dict.fromkeys([*status, *found]))
    out = ["# Benchmark results", "",
           "Written by `python -m benchmarks` (`make bench`); every number comes from the JSON file of the same "
           "name in this folder. Bars are the acceptance bars (`BARS` in `benchmarks/summary.py`); "
           "✅ meets the bar, ❌ does not.", ""]
    machine = next((r["machine"] for r in found.values() if isinstance(r.get("machine"), dict)), None)
    if machine:
        out += [f"Machine: Python {machine.get('python')}, {machine.get('cpus')} CPUs, {machine.get('platform')}.", ""]

    # CPU seconds (user + system, the benchmark's process tree): unlike wall time, hardly changed by other
    # work on a shared machine; a benchmark that keeps both cores busy has about twice its wall time
    out += ["## Run", "", "| benchmark | status | wall time (s) | CPU time (s) |", "|---|---|---:|---:|"]
    total = cpu_total = 0.0
    for name in names:
        st = status.get(name, {})
        wall = st.get("wall_seconds", found.get(name, {}).get("wall_seconds"))
        cpu = st.get("cpu_seconds", found.get(name, {}).get("benchmark_cpu_seconds"))
        total += wall or 0
        cpu_total += cpu or 0
        state = st.get("status") or found.get(name, {}).get("status") or "ok"
        note = st.get("message") or found.get(name, {}).get("error")
        out.append(f"| {name} | {state}{': ' + _cell(note) if note and state != 'ok' else ''} | {fmt(wall)} "
                   f"| {fmt(cpu)} |")
    out.append(f"| **total** (sum of the above) | | **{total:,.1f}** | **{cpu_total:,.1f}** |")
    inv = run.get("invocation")
    if inv:
        command = " ".join(["python -m benchmarks", *inv.get("argv", [])])
        out += ["", f"Last invocation: `{command}` ran {', '.join(inv.get('names', []))} "
                f"in {fmt(inv.get('seconds'))} s wall time (benchmarks, summary and plots); "
                f"{inv.get('failed', 0)} failed."]
    out.append("")

    for name in names:
        result = found.get(name)
        if result is None:
            continue
        out += [f"## {name}", ""]
        if result.get("status") == "failed":
            out += [f"Failed after {fmt(result.get('wall_seconds'))} s: {_cell(result.get('error', ''))}", ""]
            continue
        if status.get(name, {}).get("status") == "skipped":
            out += ["Skipped in the last run; these numbers are from an earlier run.", ""]
        rows = headline_rows(name, result)
        if not rows:
            out += ["(no headline numbers)", ""]
            continue
        with_peer = any(r["peer_name"] for r in rows)
        with_bar = any(r["bar"] for r in rows)
        head = ["dataset", "metric", "ours"] + (["peer", "peer value"] if with_peer else []) \
            + (["bar", "meets"] if with_bar else [])
        out += ["| " + " | ".join(head) + " |", "|" + "|".join("---:" if h in ("ours", "peer value") else "---"
                                                              for h in head) + "|"]
        for r in rows:
            cells = [r["dataset"], r["metric"], fmt(r["ours"])]
            if with_peer:
                cells += [r["peer_name"], fmt(r["peer"]) if r["peer_name"] else ""]
            if with_bar:
                cells += [f"{_OPS[r['bar'][0]]} {fmt(r['bar'][1])}" if r["bar"] else "",
                          {True: "✅", False: "❌", None: ""}[r["meets"]]]
            out.append("| " + " | ".join(cells) + " |")
        out += ["", f"Wall time: {fmt(result.get('wall_seconds'))} s.", ""]
    return "\n".join(out)


_OPS = {">=": "≥", "<=": "≤"}


def _cell(text) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")[:300]


def write(results: Path) -> Path:
    path = results / "SUMMARY.md"
    path.write_text(render(results), encoding="utf-8")
    return path
