"""The five canonical seed reports (../shared/seeds): metadata, wire and cleaning."""

from __future__ import annotations

import re

import pytest

from conftest import SEEDS, needs_seeds

from corroborate import analyze

pytestmark = needs_seeds


@pytest.fixture(scope="module")
def seeds():
    d = analyze([SEEDS])
    assert d.rejected == []
    return {a.input.rsplit("/", 1)[-1][:3]: a for a in d.articles}


def test_five_articles_with_outlet_time_byline_and_wire(seeds):
    got = {k: (a.outlet, a.published, a.byline, a.wire) for k, a in seeds.items()}
    assert got == {
        "000": ("euronews", "2019-11-03T08:36:00+00:00", "Reuters", "Reuters"),
        "001": ("Capital FM", "2019-11-02T06:42:14+00:00", "AGENCE FRANCE PRESSE", "AFP"),
        "002": (None, None, None, None),
        "003": ("The Guardian", "2019-11-02T13:36:47+00:00", "Jason Burke", None),
        "004": ("Al Jazeera", "2019-11-03T08:59:34+00:00", None, None),
    }


def test_plain_text_seed_takes_its_first_line_as_headline(seeds):
    assert seeds["002"].title == "Mali attack: ISIS claims responsibility for death of more than 50 soldiers"
    assert seeds["002"].format == "text"


BOILERPLATE = re.compile(
    r"ADVERTISEMENT|Post Views|INBOX|leave this field|spam folder|READ MORE|Wikimedia|Representational|Flintlock",
    re.I)


def test_no_boilerplate_left_in_any_text(seeds):
    for key, a in seeds.items():
        assert not BOILERPLATE.search(a.text), (key, BOILERPLATE.search(a.text))
        assert all(a.text[s.start : s.end] == s.text for s in a.sentences)


def test_news_sentences_survive_cleaning(seeds):
    assert "Fifty-three soldiers were killed Friday" in seeds["001"].text
    assert "Only 20 soldiers survived the assault." in seeds["003"].text
    assert "according to security sources.He added" in seeds["004"].text  # kept as written
    assert any(s.text == "He added the death toll could rise." for s in seeds["004"].sentences)
    assert seeds["000"].text.startswith("BAMAKO, Mali — At least 53 soldiers")
