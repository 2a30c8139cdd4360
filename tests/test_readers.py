"""Each reader, and format detection from content rather than extension."""

from __future__ import annotations

import gzip
import json

from corroborate import analyze
from corroborate.ingest import sniff
from corroborate.readers import parse_published, read_json_value, read_text

MARKDOWN = """
# Floods cut road to Mopti

Published at: **2020-08-14T10:05:00+00:00**

Author: **AGENCE FRANCE PRESSE**

Original: [Capital News](https://www.capitalfm.co.ke/news/2020/08/floods-mopti/)

MOPTI, Mali, Aug 14 - Heavy rain washed away a bridge on the road to Mopti on Thursday, officials said.
Two drivers were reported missing.
"""


def test_markdown_header_gives_title_date_byline_outlet_url():
    a = read_text("x.md", MARKDOWN)
    assert a.format == "markdown"
    assert a.title == "Floods cut road to Mopti"
    assert a.published == "2020-08-14T10:05:00+00:00"
    assert a.byline == "AGENCE FRANCE PRESSE"
    assert a.outlet == "Capital News"
    assert a.url == "https://www.capitalfm.co.ke/news/2020/08/floods-mopti/"
    assert a.raw_text.startswith("MOPTI, Mali")
    assert "Published at" not in a.raw_text


def test_plain_text_first_line_is_headline_and_no_metadata_is_invented():
    a = read_text("x.txt", "Bridge collapses in Mopti\n\nA bridge fell into the river on Thursday.\n")
    assert a.format == "text"
    assert a.title == "Bridge collapses in Mopti"
    assert a.raw_text == "A bridge fell into the river on Thursday."
    assert a.published is None and a.outlet is None and a.url is None and a.byline is None


def test_plain_text_long_first_line_is_body_not_headline():
    first = "word " * 60
    a = read_text("x.txt", first + "\nsecond line")
    assert a.title == ""
    assert a.raw_text.startswith("word")


def test_json_aliases_are_read():
    a = read_json_value("r", {"headline": "H", "maintext": "Body.", "date_publish": "2019-11-02 06:42:14",
                              "site_name": "Site", "authors": ["A", "B"], "link": "https://x.org/a"}, "jsonl")
    assert (a.title, a.raw_text, a.published, a.outlet, a.byline, a.url) == (
        "H", "Body.", "2019-11-02T06:42:14", "Site", "A, B", "https://x.org/a")


def test_json_newsapi_source_object_gives_outlet():
    a = read_json_value("r", {"title": "T", "content": "C", "source": {"id": None, "name": "Reuters"}}, "json")
    assert a.outlet == "Reuters"


def test_unknown_json_fields_are_kept_in_extra():
    a = read_json_value("r", {"title": "T", "text": "C", "incident": "96792"}, "jsonl")
    assert a.extra == {"incident": "96792"}


def test_published_keeps_precision_and_refuses_relative_dates():
    assert parse_published("2014-01-14") == "2014-01-14"
    assert parse_published("2019-11-03T08:36:00Z") == "2019-11-03T08:36:00+00:00"
    assert parse_published("November 2, 2019") == "2019-11-02"
    assert parse_published("2 hours ago") is None
    assert parse_published("") is None


def test_sniff_detects_format_from_content():
    assert sniff('{"title": "a", "text": "b"}\n{"title": "c"}') == "jsonl"
    assert sniff('{\n  "title": "a"\n}') == "json"
    assert sniff('[{"title": "a"}]') == "json"
    assert sniff("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff("Headline\n\n<p>not html, a stray tag") == "text"
    assert sniff("# Title\n\nPublished at: **2020**") == "text"


def test_html_with_txt_extension_is_read_as_html(write):
    html = ("<html><head><title>Blast in Gao</title><meta property='og:site_name' content='Sahel Daily'>"
            "<link rel='canonical' href='https://saheldaily.example.org/gao'></head><body><article>"
            "<h1>Blast in Gao</h1><p>A car bomb exploded at the livestock market in Gao on Tuesday, "
            "killing at least twelve people, a health official said.</p><p>Witnesses said the car had "
            "been parked near the cattle pens since the early morning hours.</p></article>"
            "<footer>Copyright Sahel Daily</footer></body></html>")
    path = write("page.txt", html)
    d = analyze([path])
    [a] = d.articles
    assert a.format == "html"
    assert a.title == "Blast in Gao"
    assert a.outlet == "Sahel Daily"
    assert a.url == "https://saheldaily.example.org/gao"
    assert "twelve people" in a.text and "Copyright" not in a.text


def test_jsonl_input_names_record_id_or_line(write):
    lines = [json.dumps({"id": "a1", "title": "One", "text": "First story text here."}),
             json.dumps({"title": "Two", "text": "Second story text here."})]
    path = write("feed", "\n".join(lines) + "\n")
    d = analyze([path])
    assert [(a.input, a.record) for a in d.articles] == [(f"{path}#a1", "a1"), (f"{path}:2", "2")]


def test_json_array_document(write):
    path = write("a.json", json.dumps([{"title": "One", "text": "Story one."}, {"title": "Two", "text": "Story two."}]))
    d = analyze([path])
    assert [a.title for a in d.articles] == ["One", "Two"]
    assert [a.input for a in d.articles] == [f"{path}:1", f"{path}:2"]


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(write, tmp_path):
    write("b/second.txt", "Second\n\nBody of the second story.")
    write("a/first.txt", "First\n\nBody of the first story.")
    write(".git/config", "not an article")
    d = analyze([tmp_path / "in"])
    assert [a.title for a in d.articles] == ["First", "Second"]
    assert d.rejected == []


def test_gzip_input_is_unpacked(write):
    path = write("feed.jsonl.gz", gzip.compress(json.dumps({"title": "Z", "text": "Zipped story."}).encode()))
    [a] = analyze([path]).articles
    assert a.title == "Z"


def test_stdin_is_read(monkeypatch):
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(b"From stdin\n\nA story piped in on standard input."))
    monkeypatch.setattr(sys, "stdin", fake)
    [a] = analyze(["-"]).articles
    assert a.input == "<stdin>" and a.title == "From stdin"
