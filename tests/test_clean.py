"""Cleaning on realistic snippets: boilerplate goes, news sentences stay, every removal is recorded."""

from __future__ import annotations

import pytest

from corroborate.clean import clean, detect_language, normalise, split_sentences
from corroborate.model import Article


def _clean(raw: str, title: str = "Gunmen attack army post") -> Article:
    return clean(Article(input="t", title=title, raw_text=raw))


@pytest.mark.parametrize(
    "line, rule",
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Post Views: 392", "counter"),
        ("1,204 views", "counter"),
        ("Share this article", "counter"),
        ("GET TOP NEWS FOR THE DAY DIRECT TO YOUR INBOX", "newsletter"),
        ("Sign up for our daily newsletter.", "newsletter"),
        ("Please leave this field empty", "form"),
        ("Check your inbox or spam folder to confirm your subscription.", "form"),
        ("READ MORE", "read-more"),
        ("RELATED: Three killed in Kidal ambush last month", "read-more"),
        ("Copyright 2019 The Associated Press. All rights reserved.", "copyright"),
        ("Follow us on Twitter for breaking news", "promotion"),
        ("A soldier stands guard in Gao. (AP Photo/Baba Ahmed)", "photo-credit"),
        # a caption of any length ends with its credit: its dates are the photo's, often a file photo's
        ("Officers search a yard on Tern Road in Bexley Ford during a news conference on Tuesday, June 4, 2013, "
         "after two men were shot there. (WQBX Photo/Dana Holt)", "photo-caption"),
        ("Mourners gather outside the Tern Road church on Sunday. (Photo: Bexley Ford Ledger) Photo: Dana Holt",
         "photo-caption"),
        ("Three Killed In Overnight Bamako Fire As Crews Struggle", "sidebar-headline"),
    ],
)
def test_boilerplate_line_is_removed_and_recorded(line, rule):
    a = _clean(f"Gunmen attacked the post at dawn, the army said.\n{line}\nTen soldiers were wounded, officials said.")
    assert line not in a.text
    assert [(r.text, r.rule) for r in a.removed] == [(line, rule)]
    assert a.text == "Gunmen attacked the post at dawn, the army said.\nTen soldiers were wounded, officials said."


@pytest.mark.parametrize(
    "sentence",
    [
        "The man had subscribed to a militia's channel, police said.",
        "He said the newsletter had published the names of the victims.",
        "Police Chief Maria Lopez said Two Rivers Park would stay closed.",
        "Location: 1300 Aswan Drive",
        "HPD Homicide Division Sergeant W. Meeler and Senior Police Officer J. Sosa reported:",
        "Views differ on how many people died in the attack.",
        "Photographs of the victims were shown at the vigil on Sunday.",
        "Detectives released a photo of the car seen near the bar (a grey sedan) on Monday night, police said.",
    ],
)
def test_news_sentences_that_look_like_boilerplate_are_kept(sentence):
    a = _clean(f"First paragraph of the story, police said.\n{sentence}\nLast paragraph.")
    assert sentence in a.text
    assert a.removed == []


def test_photo_caption_above_a_bare_credit_is_removed_with_it():
    raw = ("Members of the army train new recruits in Tombouctou, Mali, Sept. 4, 2007\n"
           "Mali Army (Representational image) Wikimedia Commons\n\n"
           "An attack at a military post killed 53 people.")
    a = _clean(raw)
    assert a.text == "An attack at a military post killed 53 people."
    assert [r.rule for r in a.removed] == ["photo-caption", "photo-credit"]


def test_sentence_above_a_credit_is_not_taken_for_a_caption():
    raw = "Anyone with information should call police. Tips can be anonymous\nPhoto courtesy of Getty Images\nMore text."
    a = _clean(raw)
    assert "Anyone with information" in a.text


def test_repeated_title_at_top_is_removed_but_not_elsewhere():
    a = _clean("Gunmen attack army post\n\nGunmen attacked an army post on Friday.", title="Gunmen attack army post")
    assert a.text == "Gunmen attacked an army post on Friday."
    assert a.removed[0].rule == "title-repeat"


def test_line_broken_mid_sentence_is_joined():
    a = _clean("Residents heard shots at about 8:34 p.m. and called police,\n\nTacoma police told KIRO 7.")
    assert a.text == "Residents heard shots at about 8:34 p.m. and called police, Tacoma police told KIRO 7."


def test_normalise_unifies_spaces_and_drops_invisible_characters_but_keeps_quotes():
    assert normalise("  “Fifty\u00a0three”\u200b soldiers\u00ad\r\nkilled ") == "“Fifty three” soldiers\nkilled"


def test_sentences_have_offsets_into_text_and_respect_abbreviations():
    text = ("Thirty-eight soldiers were killed on Sept. 30 in central Mali. U.S. forces were not involved.\n"
            "Shots rang out at 8 p.m. Monday near the base. Police said no one else was hurt.")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Thirty-eight soldiers were killed on Sept. 30 in central Mali.",
        "U.S. forces were not involved.",
        "Shots rang out at 8 p.m. Monday near the base.",
        "Police said no one else was hurt.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sents)


def test_a_time_followed_by_its_date_stays_in_one_sentence():
    sents = split_sentences("The first call came at 6 p.m. Feb. 26. Two men were hurt at 9 a.m. March 4 in a second "
                            "shooting. Officers left at 7 p.m. May brought more calls.")
    assert [s.text for s in sents] == ["The first call came at 6 p.m. Feb. 26.",
                                       "Two men were hurt at 9 a.m. March 4 in a second shooting.",
                                       "Officers left at 7 p.m.", "May brought more calls."]


def test_missing_space_after_full_stop_still_splits():
    [a, b] = split_sentences("It involved three bombers, according to security sources.He added the toll could rise.")
    assert a.text.endswith("sources.") and b.text.startswith("He added")


def test_language_is_detected_and_short_text_gives_none():
    assert detect_language("Au moins 53 soldats ont été tués vendredi dans une attaque contre un poste militaire.") == "fr"
    assert detect_language("At least 53 soldiers were killed on Friday in an attack on a military post.") == "en"
    assert detect_language("Mali") is None


def test_language_model_is_read_from_an_uncompressed_copy_in_the_cache(tmp_path, monkeypatch):
    import py3langid.langid as langid

    texts = ["Deux granges ont brûlé samedi soir près de Marlow Creek, selon les pompiers du canton.",
             "Two barns burned down near Marlow Creek on Saturday night, the county fire service said."]
    want = [langid._get_identifier().classify(t)[0] for t in texts]
    monkeypatch.setattr(langid, "IDENTIFIER", None)  # restored after the test
    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path / "cache"))
    assert [detect_language(t) for t in texts] == want == ["fr", "en"]
    assert len(list((tmp_path / "cache").glob("langid-*.npz"))) == 1  # made on first use, read from then on
    monkeypatch.setattr(langid, "IDENTIFIER", None)
    assert [detect_language(t) for t in texts] == want


def test_language_is_detected_when_the_cache_cannot_be_written(tmp_path, monkeypatch):
    import py3langid.langid as langid

    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setattr(langid, "IDENTIFIER", None)
    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path / "not-a-folder"))
    assert detect_language("Two barns burned down near Marlow Creek on Saturday night, the fire service said.") == "en"
