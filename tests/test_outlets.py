"""Outlet from URL/site name/link; wire from byline and credit lines, not from mentions."""

from __future__ import annotations

import pytest

from corroborate.model import Article
from corroborate.outlets import hostname, identify, outlet_name, unwrap_url, wire_from_credits, wire_in


def test_known_domain_gives_one_name_whatever_the_input_calls_it():
    assert outlet_name("https://www.aljazeera.com/news/2019/11/x.html", "Aljazeera") == "Al Jazeera"
    assert outlet_name("https://www.theguardian.com/world/2019/nov/02/x", None) == "The Guardian"


def test_unknown_domain_uses_given_name_then_registered_domain():
    assert outlet_name("https://news.saheldaily.example.co.uk/a", "Sahel Daily") == "Sahel Daily"
    assert outlet_name("https://news.example.co.uk/a", None) == "example.co.uk"
    assert outlet_name(None, None) is None


def test_wayback_capture_is_unwrapped_to_the_page_itself():
    url = "http://web.archive.org/web/20160616231247/http://ktla.com:80/2014/01/14/4-injured/"
    assert unwrap_url(url) == "http://ktla.com:80/2014/01/14/4-injured/"
    assert hostname(url) == "ktla.com"
    assert outlet_name(url, None) == "KTLA"


@pytest.mark.parametrize(
    "byline, wire",
    [("AGENCE FRANCE PRESSE", "AFP"), ("Reuters ", "Reuters"), ("By The Associated Press", "AP"),
     ("Jane Doe, Reuters", "Reuters"), ("Jason Burke", None), ("Apple Jones", None), ("Ansa Khan", None)],
)
def test_wire_from_byline(byline, wire):
    assert wire_in(byline) == wire


@pytest.mark.parametrize(
    "text, wire",
    [
        ("BAMAKO (Reuters) - Gunmen killed 12 people.", "Reuters"),
        ("DAKAR, Senegal (AP) — Gunmen killed 12.", "AP"),
        ("Gunmen killed 12 people.\n(Reporting by Tiemoko Diallo; Editing by Alex Richardson)", "Reuters"),
        ("Gunmen killed 12 people.\n— AFP", "AFP"),
        ("Gunmen killed 12 people.\nCopyright 2016 The Associated Press. All rights reserved.", "AP"),
        ("Gunmen killed 12 people, a spokesman told Reuters.", None),
        ("Several sources told AFP news agency the toll had been downplayed.", None),
    ],
)
def test_wire_from_credit_lines_not_from_mentions(text, wire):
    assert wire_from_credits(text) == wire


def test_identify_fills_outlet_and_wire_and_empties_blank_byline():
    a = identify(Article(input="t", byline=" **** ", url="https://www.capitalfm.co.ke/news/x",
                         outlet="Capital News", raw_text="NAIROBI (AFP) - Text."))
    assert (a.outlet, a.byline, a.wire) == ("Capital FM", None, "AFP")
