"""The HTML dossier: one self-contained page with charts, the copy graph and cited brief.

Every report here is written for these tests; towns are real, the events and outlets invented.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import lxml.html
import pytest

from corroborate import analyze
from corroborate.cli import main
from corroborate.html import to_html
from corroborate.model import Article, Dossier, Event

WIRE = ("GAO, Mali (Reuters) - Gunmen attacked a police checkpoint outside the northern town of Bourem on Monday, "
        "killing 7 police officers, a security source said. The attackers arrived on motorbikes at dawn and set "
        "fire to two vehicles before fleeing toward the river, the source said. No group has claimed "
        "responsibility for the attack. Jihadist groups linked to al Qaeda and Islamic State operate across the "
        "region.")
RECORDS = [
    {"id": "wire", "published": "2024-03-04T09:00:00Z", "title": "Gunmen kill 7 police at Mali checkpoint",
     "text": WIRE, "outlet": "Reuters", "url": "https://example.org/wire"},
    # a copy of the wire story whose title and URL try to inject script
    {"id": "copy", "published": "2024-03-04T11:30:00Z",
     "title": "Seven police killed near Bourem <script>alert(1)</script>",
     "text": WIRE.replace("GAO, Mali (Reuters) - ", "") + " Residents said the market stayed closed.",
     "outlet": "Sahel Daily", "url": "javascript:alert(1)"},
    {"id": "local", "published": "2024-03-05T08:00:00Z", "title": "Bourem checkpoint toll rises to 9",
     "text": "The toll from Monday's attack on a police checkpoint near Bourem has risen to 9 police officers, a "
             "hospital official told our reporter.", "outlet": "Bourem FM"},
    {"id": "undated", "title": "Police checkpoint attacked near Bourem",
     "text": "Gunmen on motorbikes attacked a police checkpoint near Bourem in northern Mali on Monday, killing eight "
             "police officers, officials said."},
    {"id": "protest", "published": "2024-03-05T15:00:00Z", "title": "Farmers march in Nakuru over fertiliser prices",
     "text": "Farmers marched through the streets of Nakuru, Kenya, on Tuesday to protest against the price of "
             "fertiliser, organisers said. The march ended peacefully outside the county offices.",
     "outlet": "Rift Valley Times"},
]
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


@pytest.fixture
def corpus(write):
    return write("reports.jsonl", "".join(json.dumps(r) + "\n" for r in RECORDS))


@pytest.fixture
def dossier(corpus):
    return analyze([corpus])


def event_with_figures(dossier: Dossier) -> Event:
    [event] = [e for e in dossier.events if e.figures]
    return event


def section(page: str, event: Event):
    return lxml.html.fromstring(page).get_element_by_id(event.id)


def dated(reports: list[dict]) -> list[dict]:
    return [r for r in reports if r["published"]]


class _Balance(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):  # <path .../> inside SVG opens and closes itself
        pass

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def assert_well_formed(page: str) -> None:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    for svg in re.findall(r"<svg.*?</svg>", page, re.S):
        ET.fromstring(svg)  # inline SVG is XML too: it must also open as a standalone .svg


def test_html_draws_one_chart_per_dated_figure_with_one_point_per_dated_report(dossier):
    event = event_with_figures(dossier)
    details = section(to_html(dossier), event).find_class("figures")[0].find_class("detail")
    assert len(details) == len(event.figures)
    for figure, row in zip(event.figures, details):
        [chart] = row.xpath(".//svg")
        assert chart.get("aria-label") == f"{figure['measure']} {figure['group']} over publication time"
        assert len(chart.xpath(".//circle")) == len(dated(figure["reports"])) > 0
        assert chart.xpath(".//line[@class='best']")
        undated = [r for r in figure["reports"] if not r["published"]]
        if undated:  # the undated report is listed under the chart, not drawn
            assert "Undated, not on the chart" in row.find_class("undated")[0].text_content()


def test_html_chart_draws_vague_reports_hollow_and_lists_undated_ones():
    report = {"article": "a", "outlet": "Daily A", "qualifier": None, "said_by": None, "quote": "q", "context": "c"}
    figure = {"measure": "killed", "group": "people", "estimate": {"low": 12, "best": 12, "high": 30},
              "status": "disputed", "independent_sources": 3,
              "reports": [{**report, "published": "2024-01-01T08:00:00Z", "value": 30, "wording": "dozens"},
                          {**report, "article": "b", "outlet": "Daily B", "published": "2024-01-01T12:00:00",
                           "value": 12, "wording": None},
                          {**report, "article": "c", "outlet": "Daily C", "published": None, "value": 12,
                           "wording": None}],
              "series": [{"article": "a", "vague": True}, {"article": "b", "vague": False},
                         {"article": "c", "vague": False}]}
    event = Event(id="ev-1", articles=["a", "b", "c"], headline="Toll", figures=[figure])
    d = Dossier(articles=[Article(input=x, id=x, outlet=f"Daily {x.upper()}") for x in "abc"], events=[event])
    chart = lxml.html.fromstring(to_html(d)).xpath("//svg[@class='chart']")[0]
    fills = [c.get("fill") for c in chart.xpath(".//circle")]
    assert len(fills) == 2 and fills[0] == "#fff" and fills[1] != "#fff"  # "dozens" is drawn hollow
    assert [t.text for t in chart.xpath("./text")][-2:] == ["Daily A", "Daily B"]
    assert "Undated, not on the chart: Daily C: 12" in to_html(d)


def test_html_copy_graph_has_an_edge_per_copy_and_colours_by_origin(dossier):
    event = event_with_figures(dossier)
    assert event.copies  # the fixture has one copy of the wire story
    graph = section(to_html(dossier), event).xpath(".//svg[@class='copies']")[0]
    edges = graph.find_class("copy-edge")
    assert len(edges) == len(event.copies)
    assert [e.xpath("./text")[0].text for e in edges] == [f"{c['share']:.0%}" for c in event.copies]
    nodes = {n.xpath("./text")[0].text: n.xpath("./circle")[0].get("fill") for n in graph.find_class("node")}
    assert len(nodes) == len(event.articles)
    assert nodes["Reuters"] == nodes["Sahel Daily"] != nodes["Bourem FM"]  # a copy shares its source's colour


def test_html_copy_graph_adds_a_node_for_a_wire_no_article_in_the_event_is():
    event = Event(id="ev-2", articles=["a", "b"], headline="Two copies of one wire story",
                  copies=[{"article": "a", "copied_from": "wire:AFP", "share": 0.8, "direction": "known"},
                          {"article": "b", "copied_from": "a", "share": 0.5, "direction": "unknown"}])
    d = Dossier(articles=[Article(input=x, id=x, outlet=x.upper()) for x in "ab"], events=[event],
                origins={"a": "wire:AFP", "b": "wire:AFP"})
    graph = lxml.html.fromstring(to_html(d)).xpath("//svg[@class='copies']")[0]
    assert [n.xpath("./text")[0].text for n in graph.find_class("node")] == ["A", "B", "AFP wire"]
    assert [e.xpath("./text")[0].text for e in graph.find_class("copy-edge")] == ["80%", "50% (direction unknown)"]


def test_html_citations_resolve_to_the_numbered_sources_and_mark_copies(dossier):
    event = event_with_figures(dossier)
    page = section(to_html(dossier), event)
    sources = {li.get("id"): li for li in page.xpath(".//ol[@class='sources']/li")}
    assert len(sources) == len(event.brief["sources"])
    cites = page.find_class("cite")
    assert cites
    for a in cites:
        assert a.get("href")[1:] in sources
    copied = {c for s in event.brief["sentences"] for c in s["copies"]}
    assert copied and all(("copy" in a.get("class")) == ("copy" in a.text) for a in cites)


def test_html_escapes_article_text_and_links_only_web_urls(dossier):
    page = to_html(dossier)
    assert "<script" not in page
    assert "Seven police killed near Bourem &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert '<a href="https://example.org/wire">' in page


def test_html_is_well_formed_and_self_contained(dossier):
    page = to_html(dossier)
    assert_well_formed(page)
    assert page.startswith("<!DOCTYPE html>")
    for outside in ("<script", "<link", "src=", "@import", "<iframe"):
        assert outside not in page
    assert set(re.findall(r"url\(([^)]*)\)", page)) <= {f"#arrow-{e.id}" for e in dossier.events}


def test_html_renders_the_same_bytes_for_the_same_input(corpus):
    assert to_html(analyze([corpus])) == to_html(analyze([corpus]))


def test_html_event_without_figures_still_renders(dossier):
    [protest] = [e for e in dossier.events if not e.figures]
    page = section(to_html(dossier), protest)
    assert "No figures reported." in page.text_content()
    assert not page.xpath(".//svg[@class='chart']")
    assert page.xpath(".//svg[@class='copies']")  # one node, no edges


def test_html_empty_dossier_renders():
    page = to_html(Dossier())
    assert_well_formed(page)
    assert "No articles." in page and "No inputs were rejected." in page


def test_cli_analyze_writes_an_html_file(corpus, tmp_path, capsys):
    out = tmp_path / "out.html"
    assert main(["analyze", str(corpus.parent), "--db", str(tmp_path / "d.db"), "--format", "html",
                 "-o", str(out), "--quiet"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Gunmen kill 7 police at Mali checkpoint" in page
    assert capsys.readouterr().out == ""


def test_markdown_counts_one_article_and_one_source_in_the_singular(write):
    from corroborate.render import to_markdown

    one = write("one.jsonl", json.dumps(RECORDS[2]) + "\n")
    md = to_markdown(analyze([one]))
    assert "1 article," in md and "1 independent source." in md
    assert "1 articles" not in md and "1 sources" not in md and "1 events" not in md
