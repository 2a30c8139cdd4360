"""The benchmark runner, summary and plots on made-up results (no evaluation data needed)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from benchmarks import __main__ as runner
from benchmarks import plots, summary

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _write(results, name, data):
    (results / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def fake_results(tmp_path):
    results = tmp_path / "results"
    results.mkdir()
    _write(results, "scale", {"benchmark": "scale", "wall_seconds": 12.5, "scaling": [
        {"stage": stage, "articles": n, "seconds": n / rate, "peak_rss_mib": 100 + n / 100}
        for stage, rate in (("ingest", 400), ("cluster", 2000)) for n in (1_000, 10_000, 100_000)]})
    _write(results, "cluster_scale", {"benchmark": "cluster_scale", "sizes": {
        "10000": {"articles": 10000, "batch_seconds": 3.0, "streaming_seconds": 2.0, "peak_rss_mib": 300.0},
        "100000": {"articles": 100000, "batch_seconds": 40.0, "streaming_seconds": 25.0, "peak_rss_mib": 1900.0}},
        "batch_time_ratio_100k_10k": 13.3, "streaming_time_ratio_100k_10k": 12.5})
    _write(results, "cluster", {"benchmark": "cluster", "wall_seconds": 40.0,
                                "gva": {"batch": {"b3_f1": 0.95}, "baseline_tfidf_average_linkage": {"b3_f1": 0.87}},
                                "ecbplus": {"batch": {"b3_f1": 0.85}, "baseline_tfidf_average_linkage": {"b3_f1": 0.88}}})
    _write(results, "extract_gva", {"killed_exact": 0.91, "injured_exact": 0.8, "articles_per_second": 300.0})
    _write(results, "extract_gva_errors", [{"quote": "not a result"}])
    return results


def test_plots_are_valid_pngs_and_the_same_numbers_give_the_same_bytes(fake_results):
    from PIL import Image

    written = plots.write(fake_results)
    assert sorted(p.name for p in written) == ["accuracy.png", "peak_rss.png", "throughput.png"]
    first = {}
    for path in written:
        data = path.read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        with Image.open(path) as im:
            im.verify()
        assert b"matplotlib" not in data.lower()  # no version stamp
        first[path.name] = data
    plots.write(fake_results)
    assert {p.name: p.read_bytes() for p in written} == first


def test_scaling_rows_come_from_the_scaling_list_or_older_shapes(fake_results):
    found = summary.load_results(fake_results)
    assert "extract_gva_errors" not in found
    assert len(plots.scaling_rows("scale", found["scale"])) == 6
    stages = {r["stage"] for r in plots.scaling_rows("cluster_scale", found["cluster_scale"])}
    assert stages == {"cluster batch", "cluster streaming"}
    old_reuse = {"corroborate": [{"articles": 10000, "reuse_seconds": 14.1, "peak_rss_mib": 321.6}]}
    assert plots.scaling_rows("reuse", old_reuse) == [
        {"stage": "reuse", "articles": 10000, "seconds": 14.1, "peak_rss_mib": 321.6}]
    assert plots.scaling_rows("extract_gva", found["extract_gva"]) == []


def test_no_plots_without_data(tmp_path):
    assert plots.write(tmp_path) == []


def test_summary_puts_ours_beside_the_peer_and_the_bar(fake_results):
    text = summary.write(fake_results).read_text(encoding="utf-8")
    assert "| GVA | B³ F1 (batch) | 0.95 | TF-IDF + agglomerative | 0.87 | ≥ 0.93 | ✅ |" in text
    assert "| ECB+ | B³ F1 (batch) | 0.85 | TF-IDF + agglomerative | 0.88 | ≥ 0.9 | ❌ |" in text
    assert "| generated | batch time ratio 100k / 10k | 13.3 | ≤ 12 | ❌ |" in text
    assert "| GVA single-article | killed exact | 0.91 | ≥ 0.9 | ✅ |" in text
    assert "extract_gva_errors" not in text
    # a benchmark without headline rows shows its top-level numbers; its wall time is in the run table
    assert "## scale" in text and "| scale | ok | 12.5 |" in text


def test_meets_reads_the_direction_of_the_bar():
    assert summary.meets(0.93, (">=", 0.93)) and not summary.meets(0.92, (">=", 0.93))
    assert summary.meets(5, ("<=", 5)) and not summary.meets(5.1, ("<=", 5))
    assert summary.meets(None, (">=", 1)) is None and summary.meets(0.5, None) is None


def test_missing_data_is_skipped_with_the_path_named(tmp_path, monkeypatch, capsys):
    absent = tmp_path / "no-shared-here"
    monkeypatch.setenv("CORROBORATE_SHARED", str(absent))
    results = tmp_path / "results"
    assert runner.main(["ingest", "extract_gvdb", "--results", str(results)]) == 0
    err = capsys.readouterr().err
    assert "ingest: skipped" in err and "extract_gvdb: skipped" in err
    assert str(absent) in err
    assert not (results / "ingest.json").exists()
    run = json.loads((results / "run.json").read_text())
    assert {n: s["status"] for n, s in run["benchmarks"].items()} == {"ingest": "skipped", "extract_gvdb": "skipped"}
    assert "| ingest | skipped: " in (results / "SUMMARY.md").read_text()


# fake benchmarks: module-level, so the child process can import them from this module
def fake_ok():
    return {"benchmark": "fake_ok", "score": 0.5}


def fake_broken():
    raise RuntimeError("broken on purpose")


def fake_hangs():
    time.sleep(120)


def test_a_failing_or_hanging_benchmark_is_recorded_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(runner, "BENCHMARKS", {"broken": fake_broken, "hangs": fake_hangs, "ok": fake_ok})
    results = tmp_path / "results"
    assert runner.main(["--timeout", "2", "--results", str(results)]) == 1
    broken = json.loads((results / "broken.json").read_text())
    assert broken["status"] == "failed" and broken["error"] == "RuntimeError: broken on purpose"
    hangs = json.loads((results / "hangs.json").read_text())
    assert hangs["status"] == "failed" and "timed out" in hangs["error"]
    ok = json.loads((results / "ok.json").read_text())
    assert ok["score"] == 0.5 and ok["wall_seconds"] >= 0
    text = (results / "SUMMARY.md").read_text()
    assert "| broken | failed: RuntimeError: broken on purpose |" in text
    assert "| hangs | failed: timed out after 2 s and was killed |" in text
    assert "failed: broken, hangs" in capsys.readouterr().err


def test_run_measured_reports_each_childs_own_peak_memory():
    import subprocess
    import sys

    # from a small process: Linux counts the launching process's RSS at the spawn in each child's peak
    code = """if 1:
        import json, sys
        from benchmarks.common import run_measured
        big = run_measured([sys.executable, "-c", "x = bytearray(300 * 1024 * 1024)"])
        small = run_measured([sys.executable, "-c", "import sys; sys.exit(3)"])
        print(json.dumps([big, small]))
    """
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(runner.__file__).resolve().parents[1])
    big, small = json.loads(proc.stdout)
    assert big["returncode"] == 0 and small["returncode"] == 3
    assert big["peak_rss_mib"] >= 300 and small["peak_rss_mib"] < 150  # not the largest child so far


def test_the_default_run_leaves_out_the_extra_benchmarks_and_gives_scale_its_budget():
    from benchmarks import __main__ as bench
    from benchmarks.scale_bench import BUDGET_SECONDS

    assert set(bench.EXTRA) <= set(bench.BENCHMARKS) and "scale" not in bench.EXTRA
    assert bench.timeout_for("scale", 600) == max(600, BUDGET_SECONDS + 60)
    assert bench.timeout_for("cluster", 600) == 600 and bench.timeout_for("scale", None) is None
    assert bench.timeout_for("cluster_scale", 600) == bench.CLUSTER_SCALE_TIMEOUT  # seven 100k clusterings


def test_a_dataset_is_ingested_once_per_run_and_read_back_the_same(tmp_path, monkeypatch):
    from benchmarks import common

    src = tmp_path / "mini.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "r1", "label": "a", "title": "Two killed in Olmsby shooting", "published": "2021-05-08",
         "text": "Two men were killed and three people were injured in a shooting in Olmsby, Ohio, on Friday night, "
                 "police said."},
        {"id": "r2", "label": "b", "title": "Library opens in Wrenfield",
         "text": "A new library opened in Wrenfield on Sunday. The town paid for it with a 2 million dollar grant."},
    ]) + "\n", encoding="utf-8")
    monkeypatch.delenv(common.SHARE_ENV, raising=False)
    plain, gold = common.load_articles(src, "label")
    monkeypatch.setenv(common.SHARE_ENV, str(tmp_path / "share"))
    (tmp_path / "share").mkdir()
    first, _ = common.load_articles(src, "label")
    import corroborate

    def no_second_ingest(*args, **kwargs):
        raise AssertionError("ingested twice")

    monkeypatch.setattr(corroborate, "ingest_paths", no_second_ingest)
    again, gold_again = common.load_articles(src, "label")
    assert gold == gold_again == ["a", "b"]
    assert len(plain) == len(first) == len(again) == 2 and again[0].claims
    for x, y, z in zip(plain, first, again):  # the same articles, every field (claims too)
        for f in x.__dataclass_fields__:
            assert getattr(x, f) == getattr(y, f) == getattr(z, f), f


def test_the_stage_split_is_measured_once_per_run(tmp_path, monkeypatch):
    from benchmarks import common

    src = tmp_path / "mini.jsonl"
    src.write_text(json.dumps({"id": "r1", "title": "Storm closes Pellham school", "published": "2022-01-10",
                               "text": "A storm closed the school in Pellham on Monday. Classes resume on Wednesday, "
                                       "the district said."}) + "\n", encoding="utf-8")
    monkeypatch.setenv(common.SHARE_ENV, str(tmp_path))
    first = common.stage_split(src, tmp_path / "a.db")
    assert {"read", "store", "clean.clean", "extract.extract"} <= set(first)
    monkeypatch.setattr(common, "_stage_split", lambda *a: pytest.fail("measured twice"))
    assert common.stage_split(src, tmp_path / "b.db") == first


def fake_busy():
    start = time.process_time()
    while time.process_time() - start < 0.3:
        pass
    return {"benchmark": "fake_busy", "cpu_seconds": 0.001}  # what it measured: kept as it is


def test_each_benchmarks_cpu_time_is_recorded_beside_its_wall_time(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "BENCHMARKS", {"busy": fake_busy})
    results = tmp_path / "results"
    assert runner.main(["--results", str(results)]) == 0
    run = json.loads((results / "run.json").read_text())["benchmarks"]["busy"]
    assert run["cpu_seconds"] >= 0.3 and run["wall_seconds"] >= 0.3
    assert json.loads((results / "busy.json").read_text())["benchmark_cpu_seconds"] == run["cpu_seconds"]
    assert json.loads((results / "busy.json").read_text())["cpu_seconds"] == 0.001
    assert "| benchmark | status | wall time (s) | CPU time (s) |" in (results / "SUMMARY.md").read_text()


def test_e2e_says_which_stage_sets_the_pace():
    from benchmarks.e2e_bench import dominates

    cpu = {"read+outlets+clean+extract+store": [1.5, 8.0], "load": [0.2, 0.0], "reuse+cluster": [0.9, 0.6],
           "reconcile+brief": [0.3, 0.4], "render/write": [0.5, 0.0]}
    text = dominates({"read": 0.1, "store": 0.5, "clean": 2.0, "extract": 6.0}, {"import": 1.0, "first_article": 0.5},
                     cpu, 2, 1000)
    assert "extract (75% of the per-article work) sets the pace" in text
    assert "at least 4.50 s" in text  # (8.0 + 1.5 - 0.5) / 2
    assert "tail after the workers 2.00" in text  # 0.2 + 0.9 + 0.4 + 0.5: the larger side of each shared stage
    assert "Floor about 8.0 s, 125 articles/s" in text  # 1.5 + 4.5 + 2.0
    assert "the bar needs 4.7 s less wall" in text  # against 3.33 s for 300/s


def test_cluster_scale_keeps_each_sizes_fastest_run_over_alternating_children_and_refuses_disagreeing_ones():
    from benchmarks.cluster_bench import _fastest

    def child(batch, streaming, rss, b3=0.9):
        return {"articles": 10000, "batch_seconds": min(batch), "streaming_seconds": min(streaming),
                "batch_cpu_seconds": min(batch), "streaming_cpu_seconds": min(streaming),
                "batch_runs_seconds": batch, "streaming_runs_seconds": streaming,
                "b3_f1": b3, "events": 5000, "step_days": 7, "peak_rss_mib": rss}

    merged = _fastest([child([5.0, 4.6], [2.5], 280.0), child([4.2, 6.0], [2.9], 290.0)])
    assert merged["batch_seconds"] == 4.2 and merged["streaming_seconds"] == 2.5
    assert merged["batch_runs_seconds"] == [5.0, 4.6, 4.2, 6.0]  # every run stays on record
    assert merged["peak_rss_mib"] == 290.0 and merged["children"] == 2
    with pytest.raises(RuntimeError, match="disagree"):
        _fastest([child([5.0], [2.5], 280.0), child([4.0], [2.0], 280.0, b3=0.8)])


def test_cluster_scale_counts_the_streaming_work_per_article_without_changing_where_articles_go():
    from benchmarks.cluster_bench import work_counts
    from corroborate import cluster

    def p(aid, day, words):
        return cluster.Profile(aid, {w: 2.0 for w in words.split()}, day, day, None, False, (day, "", aid))

    # two reports of one shooting, and a shooting in another town the same day told in other words
    profiles = [p("a1", 738000, "gunman warehouse ridgefield shot clerk"),
                p("a2", 738000, "gunman warehouse ridgefield shot clerk wounded"),
                p("b1", 738000, "drive-by porch maplewood teenager hurt")]
    work = work_counts(profiles)
    plain = cluster.Index()
    for q in profiles:
        plain.add(q)
    assert work["placed"] == plain.of and work["placed"]["a2"] == work["placed"]["a1"] != work["placed"]["b1"]
    # only the second report has an event to find and score, so a third of one per article
    assert work["found"] == work["scored"] == round(1 / 3, 2)
    assert work["event_words"] == round(5 / 3, 2) and work["events"] == 2


def test_cluster_scale_median_ratio_compares_the_middle_runs_of_each_size():
    from benchmarks.cluster_bench import _median_ratio

    sizes = {"10000": {"batch_runs_seconds": [4.0, 9.0, 5.0]},  # one slow outlier does not move the median
             "100000": {"batch_runs_seconds": [55.0, 60.0, 50.0, 70.0]}}
    assert _median_ratio(sizes, "batch_runs_seconds") == 11.5  # 57.5 / 5.0
