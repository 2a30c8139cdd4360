"""The SQLite store: idempotent re-ingest, WAL, schema versioning, round trip."""

from __future__ import annotations

import sqlite3

import pytest

from corroborate import Store, StoreError, ingest_paths
from corroborate.model import Article, Removal
from corroborate.pipeline import process
from corroborate.store import SCHEMA_VERSION

STORY = "Blast at Gao market\n\nA car bomb killed 12 people at the market on Tuesday. Twenty-three were hurt."


def test_reingesting_the_same_input_changes_nothing(write, db_path):
    path = write("story.txt", STORY)
    with Store(db_path) as s:
        first = ingest_paths(s, [path]).counts
        before = s.db.execute("SELECT * FROM articles").fetchall(), s.db.execute("SELECT * FROM sentences").fetchall()
    with Store(db_path) as s:
        second = ingest_paths(s, [path]).counts
        after = s.db.execute("SELECT * FROM articles").fetchall(), s.db.execute("SELECT * FROM sentences").fetchall()
    assert first["new"] == 1 and second == {"new": 0, "updated": 0, "unchanged": 1, "duplicate": 0, "rejected": 0}
    assert [tuple(r) for r in before[0]] == [tuple(r) for r in after[0]]
    assert [tuple(r) for r in before[1]] == [tuple(r) for r in after[1]]


def test_same_content_from_another_input_is_a_duplicate_keeping_the_first(write, db_path):
    a, b = write("a.txt", STORY), write("b.txt", STORY)
    with Store(db_path) as s:
        report = ingest_paths(s, [a, b])
        assert report.counts["duplicate"] == 1 and s.count("articles") == 1
        assert s.articles()[0].input == str(a)
        assert report.duplicates == {report.article_ids[0]: [str(b)]}


def test_store_uses_wal_and_records_schema_version(db_path):
    with Store(db_path) as s:
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_store_from_a_newer_version_is_refused(db_path):
    Store(db_path).close()
    db = sqlite3.connect(db_path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer corroborate"):
        Store(db_path)


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(bad)


def test_article_round_trips_with_sentences_and_removals(store):
    a = process(Article(input="x", title="T", raw_text="ADVERTISEMENT\nOne sentence here. Another one there."))
    store.add([a])
    [b] = store.articles()
    assert (b.id, b.text, b.removed) == (a.id, a.text, [Removal("ADVERTISEMENT", "advertisement")])
    assert [(s.start, s.end, s.text) for s in b.sentences] == [(s.start, s.end, s.text) for s in a.sentences]
    assert [x.id for x in store.iter_articles(batch=1)] == [a.id]


def test_articles_read_back_in_batches_keep_their_own_sentences_and_claims(store):
    stories = [
        ("Ferry sinks off Marlow Creek", "A ferry sank off Marlow Creek on Sunday. Four people drowned, the coast guard said."),
        ("Bridge shut in Bexley Ford", "The old bridge in Bexley Ford was closed on Monday. Engineers found two cracks."),
        ("Storm in Quenby Hollow", "A storm tore roofs off 30 homes in Quenby Hollow. No one was hurt, officials said."),
    ]
    made = [process(Article(input=f"s{i}.txt", title=t, raw_text=x)) for i, (t, x) in enumerate(stories)]
    store.add(made)
    ids = [a.id for a in made]
    for got in (store.articles(list(reversed(ids))), list(store.iter_articles(batch=2))):
        by_id = {a.id: a for a in got}
        assert sorted(by_id) == sorted(ids)
        for want in made:
            a = by_id[want.id]
            assert [s.text for s in a.sentences] == [s.text for s in want.sentences]
            assert [(c.kind, c.value, c.quote) for c in a.claims] == [(c.kind, c.value, c.quote) for c in want.claims]
    assert [a.id for a in store.articles(list(reversed(ids)))] == list(reversed(ids))
    assert any(a.claims for a in made)
