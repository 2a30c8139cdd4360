"""PNG plots of the results in benchmarks/results/ (matplotlib, headless Agg, same numbers -> same bytes).

- ``throughput.png``: articles per second against corpus size (log x), one line per benchmark
  stage, from every result with a ``scaling`` list of ``{"stage", "articles", "seconds",
  "peak_rss_mib"}`` rows (older shapes of ``reuse`` and ``cluster_scale`` are adapted);
- ``peak_rss.png``: peak RSS against corpus size, from the same rows;
- ``accuracy.png``: for each accuracy headline of ``summary.HEADLINES``, ours beside the
  peer or baseline and the acceptance bar (``summary.BARS``).
"""

from __future__ import annotations

from pathlib import Path

from .summary import headline_rows, load_results

# the benchmarks whose headline fractions are accuracies (the others' are speeds, memory, counts)
ACCURACY_BENCHMARKS = ("extract_gva", "extract_gvdb", "extract_muc", "cluster", "reconcile_gva")
# PNG text chunks matplotlib would otherwise fill with its version: the bytes depend on the numbers only
PNG_METADATA = {"Software": None}


def scaling_rows(name: str, result: dict) -> list[dict]:
    """``{"stage", "articles", "seconds", "peak_rss_mib"}`` rows of one result (empty if it has none)."""
    if isinstance(result.get("scaling"), list):
        rows = result["scaling"]
    elif isinstance(result.get("sizes"), dict):  # cluster_scale before it wrote a scaling list
        rows = [{"stage": f"cluster {mode}" + (" (spread in time)" if n.endswith("_spread") else ""),
                 "articles": r.get("articles", int(n.split("_")[0])), "seconds": r.get(f"{mode}_seconds"),
                 "peak_rss_mib": r.get("peak_rss_mib")}
                for n, r in result["sizes"].items() for mode in ("batch", "streaming")]
    elif isinstance(result.get("corroborate"), list):  # reuse before it wrote a scaling list
        rows = [{"stage": "reuse", "articles": r.get("articles"), "seconds": r.get("reuse_seconds"),
                 "peak_rss_mib": r.get("peak_rss_mib")} for r in result["corroborate"]]
    else:
        return []
    return [r for r in rows if isinstance(r, dict) and isinstance(r.get("articles"), (int, float))
            and r["articles"] > 0]


def _series(results: dict[str, dict]) -> dict[str, list[dict]]:
    series: dict[str, list[dict]] = {}
    for name, result in sorted(results.items()):
        for row in scaling_rows(name, result):
            stage = str(row.get("stage") or name)
            label = stage if stage.startswith(name) else f"{name}: {stage}"
            series.setdefault(label, []).append(row)
    return {k: sorted(v, key=lambda r: r["articles"]) for k, v in series.items()}


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _save(fig, path: Path) -> Path:
    fig.savefig(path, format="png", metadata=PNG_METADATA)
    return path


def _line_plot(series: dict[str, list[dict]], value, ylabel: str, title: str, path: Path, log_y: bool) -> Path | None:
    points = {label: [(r["articles"], value(r)) for r in rows if value(r) is not None] for label, rows in series.items()}
    points = {k: v for k, v in points.items() if v}
    if not points:
        return None
    fig = _figure(8, 5)
    ax = fig.add_subplot()
    for label, xy in points.items():
        ax.plot([x for x, _ in xy], [y for _, y in xy], marker="o", label=label)
    ax.set_xscale("log")
    ys = [y for xy in points.values() for _, y in xy]
    if log_y and max(ys) > 20 * min(ys):  # a log scale over a narrow range only adds clutter
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    ax.set_xlabel("articles (log scale)")
    ax.set_ylabel(ylabel.replace(" (log scale)", "") if ax.get_yscale() == "linear" else ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize="small")
    fig.tight_layout()
    return _save(fig, path)


def _rate(row: dict):
    s = row.get("seconds")
    return row["articles"] / s if isinstance(s, (int, float)) and s > 0 else None


def _rss(row: dict):
    m = row.get("peak_rss_mib")
    return m if isinstance(m, (int, float)) and m > 0 else None


def accuracy_rows(results: dict[str, dict]) -> list[dict]:
    """Headline accuracies (fractions) of the accuracy benchmarks, with their peer and bar."""
    out = []
    for name in ACCURACY_BENCHMARKS:
        if name not in results or results[name].get("status") == "failed":
            continue
        for row in headline_rows(name, results[name]):
            ours = row["ours"]
            if "seconds" in row["metric"] or not isinstance(ours, (int, float)) or not 0 <= ours <= 1:
                continue
            out.append(row | {"benchmark": name})
    return out


def _accuracy_plot(rows: list[dict], path: Path) -> Path | None:
    if not rows:
        return None
    fig = _figure(10, 1.2 + 0.42 * len(rows))
    ax = fig.add_subplot()
    h = 0.27
    ys = list(range(len(rows)))[::-1]
    kinds = (("ours", lambda r: r["ours"], "tab:blue"),
             ("peer / baseline", lambda r: r["peer"] if isinstance(r["peer"], (int, float)) else None, "tab:orange"),
             ("acceptance bar", lambda r: r["bar"][1] if r["bar"] else None, "0.75"))
    for i, (label, value, color) in enumerate(kinds):
        pts = [(y + h * (1 - i), value(r)) for y, r in zip(ys, rows) if value(r) is not None]
        if pts:
            ax.barh([y for y, _ in pts], [v for _, v in pts], height=h, color=color, label=label,
                    hatch="//" if label == "acceptance bar" else None)
    labels = [f"{r['benchmark']} · {r['dataset']} · {r['metric']}" + (f"  (vs {r['peer_name']})" if r["peer_name"] else "")
              for r in rows]
    ax.set_yticks(ys, labels, fontsize="small")
    ax.set_xlim(0, 1)
    ax.set_xlabel("score (fraction right, or F1)")
    fig.suptitle("Accuracy per dataset: ours, peer or baseline, acceptance bar")
    ax.grid(True, axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5 / len(rows) - 0.03), ncol=3, fontsize="small")
    fig.tight_layout()
    return _save(fig, path)


def write(results: Path) -> list[Path]:
    """Write the plots for the result files in ``results``; the paths written (none without data)."""
    import matplotlib

    matplotlib.use("Agg")
    found = load_results(results)
    series = _series(found)
    written = [
        _line_plot(series, _rate, "articles per second (log scale)", "Throughput against corpus size",
                   results / "throughput.png", log_y=True),
        _line_plot(series, _rss, "peak RSS (MiB)", "Peak memory against corpus size", results / "peak_rss.png",
                   log_y=False),
        _accuracy_plot(accuracy_rows(found), results / "accuracy.png"),
    ]
    return [p for p in written if p is not None]
