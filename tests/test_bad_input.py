"""Bad input gets a clear error naming the input; the rest of the batch proceeds; nothing half-written."""

from __future__ import annotations

import json

import pytest

from corroborate import Limits, Store, analyze, ingest_paths
from corroborate.cli import EXIT_REJECTED, main

GOOD = "Good story\n\nPolice said two people were hurt in a crash on Friday."


def _only_rejection(d, name_part):
    [r] = [r for r in d.rejected if name_part in r.input]
    return r


def test_missing_path_is_rejected_and_batch_proceeds(write, tmp_path):
    good = write("good.txt", GOOD)
    d = analyze([tmp_path / "nope.txt", good])
    assert [a.title for a in d.articles] == ["Good story"]
    r = _only_rejection(d, "nope.txt")
    assert r.error == "UnreadableInput" and "no such file" in r.reason


def test_unreadable_file_is_rejected(write, monkeypatch):
    bad = write("locked.txt", GOOD)
    good = write("good.txt", GOOD.replace("two", "three"))
    import corroborate.ingest as ingest

    real_open = ingest.Source.open

    def fake_open(self):
        if self.path == bad:
            raise PermissionError(13, "Permission denied", str(bad))
        return real_open(self)

    monkeypatch.setattr(ingest.Source, "open", fake_open)
    d = analyze([bad, good])
    assert len(d.articles) == 1
    r = _only_rejection(d, "locked.txt")
    assert r.error == "UnreadableInput" and "Permission denied" in r.reason


def test_binary_file_is_rejected(write):
    png = write("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    junk = write("blob.bin", b"abc\x00\x01\x02" * 100)
    d = analyze([png, junk])
    assert d.articles == []
    assert "PNG image" in _only_rejection(d, "photo.txt").reason
    assert _only_rejection(d, "blob.bin").error == "BinaryInput"


def test_empty_and_whitespace_files_are_rejected(write):
    d = analyze([write("empty.txt", ""), write("blank.md", "\n   \n\t\n"), write("title-only.txt", "Just a headline\n")])
    assert d.articles == []
    assert {r.error for r in d.rejected} == {"EmptyArticle"}
    assert len(d.rejected) == 3


def test_article_that_is_all_boilerplate_is_rejected_with_what_was_removed(write):
    d = analyze([write("furniture.txt", "Headline\n\nADVERTISEMENT\nPost Views: 12\nREAD MORE\n")])
    r = _only_rejection(d, "furniture.txt")
    assert r.error == "EmptyArticle"
    assert "advertisement" in r.reason and "counter" in r.reason


def test_undecodable_bytes_are_rejected_with_an_encoding_hint(write):
    d = analyze([write("latin.txt", "Caf\xe9 attack\n\nThe caf\xe9 was hit.".encode("latin-1"))])
    r = _only_rejection(d, "latin.txt")
    assert r.error == "DecodeError"
    assert "offset 3" in r.reason and "--encoding" in r.reason


def test_explicit_encoding_reads_legacy_text(write):
    path = write("latin.txt", "Caf\xe9 attack\n\nThe caf\xe9 was hit by gunfire.".encode("latin-1"))
    [a] = analyze([path], encoding="latin-1").articles
    assert a.title == "Café attack"


def test_html_declared_charset_is_honoured(write):
    html = ("<html><head><meta charset='windows-1252'><title>Caf\xe9</title></head><body><article><p>"
            + "Gunmen attacked the caf\xe9 in the old town on Friday evening, police said. " * 3
            + "</p></article></body></html>")
    [a] = analyze([write("page.html", html.encode("cp1252"))]).articles
    assert "café" in a.text


def test_broken_html_is_read_or_rejected_never_crashes(write):
    broken = write("broken.html", "<html><body><div><p>Two soldiers were killed in an ambush near Gao "
                   "on Monday, the army said in a statement released late in the evening.<div><span></b>")
    tags_only = write("tags.html", "<html><head><title></title></head><body><div></div></body></html>")
    d = analyze([broken, tags_only])
    assert [a.input for a in d.articles] == [str(broken)]
    assert "ambush near Gao" in d.articles[0].text
    assert _only_rejection(d, "tags.html").error == "EmptyArticle"


def test_hostile_xml_entities_are_not_expanded(write):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
            + ']><html><body><p>&lol9;</p><p>Police said one man was shot in the leg on Main Street '
            'on Sunday night and taken to hospital.</p></body></html>')
    d = analyze([write("bomb.html", bomb)])
    text = " ".join(a.text for a in d.articles)
    assert "lollollol" not in text
    assert len(text) < 10_000


def test_huge_file_is_rejected_without_reading_it_all(write):
    path = write("huge.txt", b"Headline\n\n" + b"All work and no play. " * (50 * 1024 * 1024 // 22))
    d = analyze([path])
    r = _only_rejection(d, "huge.txt")
    assert r.error == "InputTooLarge" and "--max-bytes" in r.reason


def test_huge_jsonl_is_streamed_and_an_overlong_line_is_rejected(write):
    good = json.dumps({"id": "ok", "title": "Fine", "text": "A normal story."})
    long_line = json.dumps({"id": "big", "title": "Big", "text": "x " * 3000})
    other = json.dumps({"id": "ok2", "title": "Fine too", "text": "Another normal story."})
    path = write("feed.jsonl", f"{good}\n{long_line}\n{other}\n")
    d = analyze([path], limits=Limits(max_record_bytes=2000))
    assert [a.record for a in d.articles] == ["ok", "ok2"]
    assert _only_rejection(d, ":2").error == "InputTooLarge"


def test_invalid_json_line_and_wrong_types_are_rejected_per_record(write):
    lines = [
        json.dumps({"id": 1, "title": "Fine", "text": "A story about a fire."}),
        '{"id": 2, "title": "Broken", "text": "unterminated',
        json.dumps([1, 2, 3]),
        json.dumps({"id": 4, "title": "Numbers", "text": 42}),
        json.dumps({"id": 5, "title": "Nothing"}),
        json.dumps({"id": 6, "title": "Fine too", "text": "A story about a flood."}),
    ]
    path = write("feed.jsonl", "\n".join(lines))
    d = analyze([path])
    assert [a.record for a in d.articles] == ["1", "6"]
    reasons = {r.input.rsplit("/", 1)[-1]: (r.error, r.reason) for r in d.rejected}
    assert reasons["feed.jsonl:2"][0] == "InvalidRecord" and "invalid JSON" in reasons["feed.jsonl:2"][1]
    assert reasons["feed.jsonl:3"] == ("InvalidRecord", "expected a JSON object, got an array")
    assert reasons["feed.jsonl#4"] == ("InvalidRecord", "field 'text' is a number, expected a string")
    assert reasons["feed.jsonl#5"][0] == "EmptyArticle"


def test_json_document_of_wrong_type_is_rejected(write):
    d = analyze([write("n.json", "[1, 2]"), write("s.json", '"just a string"')])
    assert d.articles == []
    assert {r.input.rsplit("/", 1)[-1] for r in d.rejected} == {"n.json:1", "n.json:2", "s.json"}


def test_cli_exit_status_says_whether_anything_was_rejected(write, tmp_path, capsys):
    good = write("good.txt", GOOD)
    assert main(["ingest", str(good), "--db", str(tmp_path / "a.db"), "--quiet"]) == 0
    bad = write("bad.bin", b"\x00\x01binary")
    assert main(["ingest", str(good), str(bad), "--db", str(tmp_path / "b.db")]) == EXIT_REJECTED
    err = capsys.readouterr().err
    assert "bad.bin" in err and "BinaryInput" in err


def test_rejections_are_stored_and_cleared_when_the_input_is_fixed(write, db_path):
    path = write("story.txt", b"")
    with Store(db_path) as s:
        ingest_paths(s, [path])
        assert [r.input for r in s.rejected()] == [str(path)]
    path.write_text(GOOD)
    with Store(db_path) as s:
        ingest_paths(s, [path])
        assert s.rejected() == [] and s.count("articles") == 1


def test_failure_mid_input_leaves_nothing_half_written(write, db_path, monkeypatch):
    lines = "\n".join(json.dumps({"id": i, "title": f"T{i}", "text": f"Story number {i}."}) for i in range(5))
    path = write("feed.jsonl", lines)
    import corroborate.store as store_mod

    real_put = store_mod.Store._put
    calls = {"n": 0}

    def failing_put(self, article):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real_put(self, article)

    monkeypatch.setattr(store_mod.Store, "_put", failing_put)
    with Store(db_path) as s:
        with pytest.raises(RuntimeError):
            ingest_paths(s, [path])
    with Store(db_path) as s:
        assert s.count("articles") == 0 and s.count("sentences") == 0
