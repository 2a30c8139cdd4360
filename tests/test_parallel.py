"""The per-article stages in worker processes give the same output, in the same order, as in-process."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from corroborate import Store, analyze, ingest_paths, pipeline, render
from corroborate.cli import main

CITIES = ["Columbus", "Memphis", "Tulsa", "Dayton", "Fresno", "Toledo", "Akron", "Mobile"]


def _records(n: int) -> list[dict]:
    out = []
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        out.append({
            "id": f"r{i}",
            "title": f"{i % 5 + 1} hurt in {city} shooting",
            "text": f"Police in {city} said {i % 5 + 1} people were injured and {i % 3} killed in a shooting "
                    f"on Friday night. Officers arrested a {20 + i}-year-old man on Saturday, police said.",
            "url": f"https://news{i % 4}.example.com/story/{i}",
            "published": f"2021-03-{i % 27 + 1:02d}T12:00:00Z",
        })
    return out


@pytest.fixture
def small_pool(monkeypatch):
    """Send every article to the workers, two at a time, with few in flight (exercises ordering)."""
    monkeypatch.setattr(pipeline, "IN_PROCESS", 0)
    monkeypatch.setattr(pipeline, "BATCH", 2)
    monkeypatch.setattr(pipeline, "IN_FLIGHT", 5)


def _lines(records: list[dict], bad: dict[int, str] | None = None) -> str:
    lines = [json.dumps(r) for r in records]
    for i, line in (bad or {}).items():
        lines[i] = line
    return "\n".join(lines) + "\n"


def test_workers_give_the_same_dossier(write, tmp_path, small_pool):
    path = write("many.jsonl", _lines(_records(23)))
    one = render.to_json(analyze([path], db=tmp_path / "one.db", workers=1))
    two = render.to_json(analyze([path], db=tmp_path / "two.db", workers=2))
    assert one == two
    assert len(json.loads(two)["articles"]) == 23


def test_workers_store_the_same_rows(write, tmp_path, small_pool):
    path = write("many.jsonl", _lines(_records(17)))
    dumps = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as s:
            report = ingest_paths(s, [path], workers=workers)
            rows = [tuple(r) for t in ("articles", "sentences", "claims", "events")
                    for r in s.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]
        dumps.append((report.article_ids, report.counts, rows))
    assert dumps[0] == dumps[1]


def test_bad_records_in_a_parallel_batch_are_rejected_by_name(write, tmp_path, small_pool):
    records = _records(12)
    records[5] = {"id": "furniture", "title": "Menu", "text": "ADVERTISEMENT\nREAD MORE\n"}
    path = write("mixed.jsonl", _lines(records, {8: "{not json"}))
    d = analyze([path], db=tmp_path / "p.db", workers=2)
    rejected = {r.input.rsplit("/", 1)[-1]: r.error for r in d.rejected}
    assert rejected == {"mixed.jsonl#furniture": "EmptyArticle", "mixed.jsonl:9": rejected["mixed.jsonl:9"]}
    assert [a.record for a in d.articles] == [f"r{i}" for i in range(12) if i not in (5, 8)]


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the patched stage reaches workers only by fork")
def test_a_stage_that_fails_in_a_worker_names_the_input(write, tmp_path, small_pool, monkeypatch):
    from corroborate import clean

    real = clean.clean

    def flaky(article):
        if article.record == "r3":
            raise RuntimeError("boom")
        return real(article)

    # workers are forked, so they see the patched stage list
    monkeypatch.setattr(pipeline, "ARTICLE_STAGES", [flaky if s is real else s for s in pipeline.ARTICLE_STAGES])
    d = analyze([write("a.jsonl", _lines(_records(6)))], db=tmp_path / "f.db", workers=2)
    [r] = d.rejected
    assert r.input.endswith("a.jsonl#r3") and r.error == "StageError" and "boom" in r.reason


def test_cli_workers_flag(write, tmp_path, capsys):
    path = write("many.jsonl", _lines(_records(4)))
    outs = []
    for n in ("1", "2"):
        assert main(["analyze", str(path), "--db", str(tmp_path / f"{n}.db"), "--workers", n, "--quiet"]) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1]
    with pytest.raises(SystemExit):
        main(["analyze", str(path), "--workers", "0"])


def _copied_records() -> list[dict]:
    """Eight reports, where each odd one is a wire copy of the report before it (a copy to find)."""
    records = _records(8)
    for i in range(1, 8, 2):
        records[i]["text"] = records[i - 1]["text"] + " The street was closed for three hours."
    return records


def test_reuse_beside_grouping_gives_the_same_dossier(write, tmp_path, monkeypatch):
    """Reuse detection in a forked child while this process groups: the same bytes as one after the other."""
    src = write("in.jsonl", _lines(_copied_records()))
    monkeypatch.setattr(pipeline, "OVERLAP_MIN_ARTICLES", 1000)
    serial = render.to_json(analyze([src], db=str(tmp_path / "a.db"), workers=2))
    monkeypatch.setattr(pipeline, "OVERLAP_MIN_ARTICLES", 2)
    forked = []
    real_fork = pipeline._fork
    monkeypatch.setattr(pipeline, "_fork", lambda *a: forked.append(1) or real_fork(*a))
    overlapped = render.to_json(analyze([src], db=str(tmp_path / "b.db"), workers=2))
    assert forked and overlapped == serial
    assert json.loads(serial)["copies"]  # there was reuse to find
    with Store(tmp_path / "b.db") as store:
        assert store.count("reuse") == len(json.loads(serial)["copies"]) > 0


def test_a_failed_reuse_child_falls_back_to_this_process(write, tmp_path, monkeypatch):
    src = write("in.jsonl", _lines(_copied_records()))
    expected = render.to_json(analyze([src], db=str(tmp_path / "a.db"), workers=1))
    monkeypatch.setattr(pipeline, "OVERLAP_MIN_ARTICLES", 2)
    monkeypatch.setattr(pipeline, "_join", lambda child: child[0].join() or None)  # as if the child died
    assert render.to_json(analyze([src], db=str(tmp_path / "b.db"), workers=2)) == expected


TOWNS = ["Marlow Creek", "Bexley Ford", "Quenby Hollow", "Tarrant Mills"]


def _town_records(n: int) -> list[dict]:
    return [{
        "id": f"t{i}",
        "title": f"Barn fire in {TOWNS[i % 4]} leaves {i % 3 + 1} hurt",
        "text": f"A barn fire in {TOWNS[i % 4]} hurt {i % 3 + 1} farm workers on Monday, the fire chief said. "
                f"Crews from two counties fought the blaze for {i + 2} hours.",
        "url": f"https://gazette{i % 3}.example.org/local/{i}",
        "published": f"2022-07-{i % 20 + 1:02d}T08:00:00Z",
    } for i in range(n)]


def test_workers_make_the_clustering_profiles_and_reuse_shingles(write, tmp_path, small_pool):
    from corroborate import cluster, reuse

    path = write("towns.jsonl", _lines(_town_records(9)))
    profiles: dict = {}
    shingles: dict = {}
    with Store(tmp_path / "p.db") as s:
        report = ingest_paths(s, [path], workers=2, place=False, profiles=profiles, shingles=shingles)
        stored = s.articles(report.article_ids)
    assert sorted(profiles) == sorted(shingles) == sorted(report.article_ids)
    assert all(profiles[a.id] == cluster.profile(a) for a in stored)  # as if made from the stored article
    assert all(repr(shingles[a.id]) == repr(reuse.sentence_shingles(a)) for a in stored)


def test_analyze_uses_what_the_workers_made(write, tmp_path, small_pool, monkeypatch):
    from corroborate import cluster, reuse

    path = write("towns.jsonl", _lines(_town_records(11)))
    one = render.to_json(analyze([path], db=tmp_path / "one.db", workers=1))
    made_here = []
    real, real_shingles = cluster.profile, reuse.sentence_shingles
    monkeypatch.setattr(cluster, "profile", lambda a, *rest: made_here.append(a.id) or real(a, *rest))
    monkeypatch.setattr(reuse, "sentence_shingles", lambda a: made_here.append(a.id) or real_shingles(a))
    two = render.to_json(analyze([path], db=tmp_path / "two.db", workers=2))
    assert two == one
    assert made_here == []  # every one came from a worker (theirs count in their own copies of the list)


SEPARATE = [
    ("Marlow Creek", "A barn fire hurt {n} farm workers", "2021-02-03"),
    ("Bexley Ford", "A gunman shot {n} people outside a bowling alley", "2021-05-14"),
    ("Quenby Hollow", "A school bus overturned and {n} children were hurt", "2021-09-22"),
    ("Tarrant Mills", "Floodwater trapped {n} drivers on a county road", "2022-01-09"),
    ("Ashcombe Vale", "A warehouse roof collapsed on {n} workers", "2022-06-30"),
]


def _separate_events() -> list[dict]:
    """Two reports each of five unrelated incidents, months apart in different towns."""
    return [{
        "id": f"e{i}{k}",
        "title": f"{what.format(n=i + 2)} in {town}",
        "text": f"{what.format(n=i + 2)} in {town} on Tuesday, officials said. "
                f"{'Witnesses described the scene as chaotic.' if k else 'An investigation is under way.'}",
        "url": f"https://paper{k}.example.org/{i}",
        "published": f"{day}T09:00:00Z",
    } for i, (town, what, day) in enumerate(SEPARATE) for k in range(2)]


def test_events_reconciled_half_in_a_forked_child_give_the_same_dossier(write, tmp_path, monkeypatch):
    src = write("events.jsonl", _lines(_separate_events()))
    serial = render.to_json(analyze([src], db=str(tmp_path / "a.db"), workers=1))
    monkeypatch.setattr(pipeline, "SHARE_MIN_EVENTS", 2)
    shared = []
    real_fork = pipeline._fork
    monkeypatch.setattr(pipeline, "_fork", lambda fn, *a: (
        shared.append(len(a[0])) if fn is pipeline._reconcile_events else None) or real_fork(fn, *a))
    assert render.to_json(analyze([src], db=str(tmp_path / "b.db"), workers=2)) == serial
    events = len(json.loads(serial)["events"])
    assert events >= 4 and 0 < shared[0] < events  # the child had a share, this process the rest
    assert all(e["brief"] for e in json.loads(serial)["events"])


def test_a_failed_reconcile_child_falls_back_to_this_process(write, tmp_path, monkeypatch):
    src = write("events.jsonl", _lines(_separate_events()))
    serial = render.to_json(analyze([src], db=str(tmp_path / "a.db"), workers=1))
    monkeypatch.setattr(pipeline, "SHARE_MIN_EVENTS", 2)
    monkeypatch.setattr(pipeline, "_join", lambda child: child[0].join() or None)  # as if the child died
    assert render.to_json(analyze([src], db=str(tmp_path / "b.db"), workers=2)) == serial
