"""Claims: figures, scope, date, place, actors, type and attribution, on short reports written for these tests."""

from __future__ import annotations

import pytest

from corroborate import Store
from corroborate.extract import facts
from corroborate.gazetteer import fold
from corroborate.model import Article
from corroborate.pipeline import process

from conftest import SEEDS, needs_seeds


def report(text: str, title: str = "", published: str | None = "2021-03-06") -> Article:
    """A processed article (2021-03-06 is a Saturday)."""
    article = process(Article(input="test.txt", title=title, raw_text=text, published=published, format="text"))
    assert isinstance(article, Article), article
    return article


def figures(article: Article, **where) -> list[tuple]:
    return [(c.measure, c.group, c.value, c.qualifier) for c in article.claims if c.kind == "figure"
            and all(getattr(c, k) == v for k, v in where.items())]


def one(article: Article, kind: str):
    found = [c for c in article.claims if c.kind == kind]
    assert found, f"no {kind} claim in {[c.summary() for c in article.claims]}"
    return found[0]


# --- figures ---------------------------------------------------------------------------------

def test_number_words_groups_and_qualifiers():
    a = report("More than forty-two villagers and two policemen were killed in the raid, officials said. "
               "About 15 others were wounded.")
    assert figures(a) == [("killed", "civilians", 42, "more than"), ("killed", "police", 2, None),
                          ("injured", "people", 15, "about")]
    assert facts(a)["killed"] == 44 and facts(a)["injured"] == 15


def test_vague_amounts_are_coded_and_keep_their_wording():
    a = report("Dozens of fighters were killed in the clashes.")
    c = one(a, "figure")
    assert (c.value, c.qualifier, c.wording, c.group) == (12, "about", "Dozens of", "attackers")


def test_numbers_inside_names_are_not_amounts():
    a = report("A gunman armed with an AK-47 killed two people, and a COVID-19 nurse was wounded.")
    assert figures(a, measure="killed") == [("killed", "people", 2, None)]


def test_negation_gives_zero():
    a = report("A man was shot in the arm on Friday night. No one else was hurt, police said.")
    assert ("injured", "people", 0, None) in figures(a)
    assert facts(a)["injured"] == 1 and facts(a)["killed"] is None


def test_inclusion_is_part_of_the_total_not_added():
    a = report("Rescuers recovered 31 bodies including four children from the rubble.")
    assert figures(a) == [("killed", "people", 31, None), ("killed", "children", 4, None)]
    assert [c.within for c in a.claims if c.kind == "figure"] == [None, "people"]
    assert facts(a)["killed"] == 31


def test_shooter_who_killed_himself_is_not_a_victim():
    a = report("A gunman shot three customers at the store on Friday. The gunman then turned the gun on himself.")
    assert ("killed", "attackers", 1, None) in figures(a)
    assert facts(a, victims_only=True)["killed"] is None
    assert facts(a, victims_only=True)["injured"] == 3


def test_active_voice_subject_is_the_killer_not_the_killed():
    a = report("A gunman killed two people at a bus stop on Friday.")
    assert figures(a) == [("killed", "people", 2, None)]


def test_shot_minus_killed_gives_the_injured():
    a = report("Four men were shot, one fatally, outside a bar on Friday.")
    assert facts(a)["killed"] == 1 and facts(a)["injured"] == 3


def test_people_introduced_one_at_a_time_add_up():
    a = report("A 19-year-old man was shot in the leg on Friday. A woman was also wounded. "
               "The man was taken to hospital.")
    assert facts(a)["injured"] == 2


def test_people_listed_together_add_up_and_an_age_before_a_noun_is_one_person():
    a = report("A man, a woman and a 6-year-old boy were shot outside a laundromat on Friday.")
    assert facts(a)["injured"] == 3
    b = report("Deputies said an adult female had been shot in the arm on Friday.")
    assert facts(b)["injured"] == 1
    c = report("Officers said the 15 year old male had been shot in the hand on Friday.")
    assert facts(c)["injured"] == 1


def test_the_same_person_reintroduced_is_counted_once():
    a = report("A young child was shot on Friday morning on the east side. "
               "Dispatchers said a child was shot and a neighbour drove the child to a hospital.")
    assert facts(a)["injured"] == 1
    b = report("A man was shot on Elm Street on Friday. Another man was shot on the next block.")
    assert facts(b)["injured"] == 2


def test_taken_to_hospital_counts_as_hit_unless_they_died_there():
    a = report("Three people were taken to the hospital after a shooting at a party on Friday.")
    assert facts(a)["injured"] == 3
    b = report("A man was shot on Friday. He was taken to a hospital, where he died.")
    assert facts(b)["killed"] == 1 and not facts(b)["injured"]
    c = report("A woman was found suffering from a gunshot wound on Friday. She died later that night.")
    assert facts(c)["killed"] == 1 and not facts(c)["injured"]


def test_kin_named_with_a_possessive_and_calibres_are_not_counts():
    a = report("Police said the man stabbed his wife to death on Friday before fleeing.")
    assert facts(a)["killed"] == 1
    b = report("A man was hurt on Friday when his rifle went off; the weapon was a single shot 308.")
    assert facts(b)["injured"] == 1


# --- scope -----------------------------------------------------------------------------------

def test_figure_with_an_earlier_date_is_background():
    a = report("Gunmen killed 12 farmers in the village on Friday, the governor said. "
               "Nine traders were killed on Jan. 14 in a raid on a nearby market.")
    background = [c for c in a.claims if c.kind == "figure" and c.scope]
    assert [(c.value, c.scope_date) for c in background] == [(9, "2021-01-14")]
    assert facts(a)["killed"] == 12


def test_figure_after_a_month_after_is_background_but_the_lead_is_not():
    a = report("Eight soldiers died in an ambush on Friday, a month after an attack killed 20 soldiers in the east.")
    assert [(c.value, c.scope is None) for c in a.claims if c.kind == "figure"] == [(8, True), (20, False)]
    assert facts(a)["killed"] == 8


def test_separate_incident_and_other_cause_are_background():
    a = report("Militants stormed an army base on Friday, killing 14 soldiers, the army said. "
               "In a separate incident, two policemen were wounded by a grenade. "
               "A foreign soldier died after his vehicle hit a roadside bomb, his ministry said.")
    scoped = {c.value: c.scope for c in a.claims if c.kind == "figure"}
    assert scoped[14] is None
    assert scoped[2].lower().startswith("in a separate incident")
    assert "vehicle hit a roadside bomb" in scoped[1]
    assert facts(a)["killed"] == 14 and facts(a)["injured"] is None


# --- date and time ---------------------------------------------------------------------------

def test_weekday_resolves_to_the_day_before_publication_and_time_is_kept():
    a = report("Gunmen attacked the convoy at around noon on Friday, killing five drivers.")
    c = one(a, "date")
    assert c.value["date"] == "2021-03-05" and c.value["precision"] == "day"
    assert one(a, "time").value["time"] == "around noon"


def test_same_weekday_as_publication_is_that_day():
    a = report("Three people were wounded in a shooting on Saturday, police said.")
    assert one(a, "date").value["date"] == "2021-03-06"


def test_date_of_a_claim_or_a_statement_is_not_the_event_date():
    a = report("The group claimed responsibility for the attack on Saturday. "
               "Six guards were killed when the attack began on Thursday night, a spokesman told reporters on Saturday.")
    c = one(a, "date")
    assert c.value["date"] == "2021-03-04" and c.value["time"] == "night"


def test_last_weekend_has_week_precision_and_no_date_falls_back_to_publication():
    a = report("Two teenagers were shot last weekend near the stadium.")
    assert one(a, "date").value["precision"] == "week"
    b = report("Two teenagers were shot near the stadium.")
    assert not [c for c in b.claims if c.kind == "date"]
    assert facts(b)["date"] == "2021-03-06" and facts(b)["date_basis"] == "published"


def test_a_page_stamp_is_not_the_event_date_and_a_day_beats_a_week():
    a = report("Posted: Saturday, March 6, 2021 9:10 AM. A teenager was shot and killed on Thursday night "
               "outside a gas station, police said.")
    assert one(a, "date").value["date"] == "2021-03-04"
    b = report("A man was seriously injured in an accidental shooting last week. "
               "At about 11 p.m. March 2, a rifle went off inside a garage, injuring the man.")
    assert one(b, "date").value["date"] == "2021-03-02"
    c = report("A man was shot and killed on Saturday, February 27, outside a bar, police said.")
    assert one(c, "date").value["date"] == "2021-02-27"



def test_the_shooting_s_own_day_beats_a_death_a_follow_up_or_a_statement():
    a = report("The man was pronounced dead Thursday. He had been shot Wednesday evening outside a bar.")
    assert one(a, "date").value["date"] == "2021-03-03"
    b = report("Police identified the victim on Friday. He died after Wednesday's shooting on Elm Street.")
    assert one(b, "date").value["date"] == "2021-03-03"
    c = report("Bond was denied Friday for a father whose son accidentally shot himself with a rifle Tuesday.")
    assert one(c, "date").value["date"] == "2021-03-02"
    d = report("The teen pleaded not guilty Friday in the death of a classmate, who was shot on Main Street "
               "Tuesday night.")
    assert one(d, "date").value["date"] == "2021-03-02"
    e = report("He was charged with attempted murder and robbery at his Friday arraignment. Prosecutors said "
               "he shot the clerk on Wednesday.")
    assert one(e, "date").value["date"] == "2021-03-03"


def test_a_day_given_relative_to_an_arrest_and_a_clock_time_after_a_reporting_verb():
    a = report("A man was arrested Thursday, a day after he shot his neighbor, police said.")
    assert one(a, "date").value["date"] == "2021-03-03"
    c = report("A man was arrested Thursday on a manslaughter charge, two days after he shot his neighbor.")
    assert one(c, "date").value["date"] == "2021-03-02"
    b = report("Police said the shooting was reported shortly after 10 p.m. Tuesday on Main Street.")
    assert one(b, "date").value["date"] == "2021-03-02"


def test_a_follow_up_date_is_a_last_resort_before_the_publication_day():
    a = report("A teen was arrested Friday after he accidentally shot his friend in the leg.")
    assert one(a, "date").value["date"] == "2021-03-05"


def test_a_state_s_start_a_plan_and_an_update_stamp_are_not_the_event_date():
    a = report("Four people were shot at a party that had been going on since Thursday night. "
               "An autopsy is scheduled for Monday.")
    assert not [c for c in a.claims if c.kind == "date"]
    b = report("UPDATE 4:15 p.m. Friday: The officer is in good condition.\n\n"
               "The officer was shot during a Thursday night traffic stop.")
    assert one(b, "date").value["date"] == "2021-03-04"


def test_a_named_day_beats_overnight_and_an_embedded_post_s_date_is_not_the_event_s():
    a = report("Two men were killed overnight in a shooting. Police said gunmen opened fire around 11:30 "
               "Thursday night.", published="2021-03-05")
    assert one(a, "date").value["date"] == "2021-03-04"
    b = report("Two people were shot near the park, police said.\n\n— Jane Doe (@janedoe) March 4, 2021")
    assert not [c for c in b.claims if c.kind == "date"]


def test_a_date_followed_by_what_the_gunfire_did_is_the_event_s_and_a_byline_s_is_not():
    a = report("The club reopened Friday. Gunmen stormed the club Thursday, injuring three people.")
    assert one(a, "date").value["date"] == "2021-03-04"
    b = report("By The Associated Press on Sat 03/06/2021 04:48am\n\nA man shot his neighbor shortly before "
               "midnight on Wednesday, deputies said.")
    assert one(b, "date").value["date"] == "2021-03-03"

# --- place -----------------------------------------------------------------------------------

def test_unknown_village_is_geocoded_at_its_region():
    a = report("NIAMEY, Niger — Gunmen killed 11 herders on Friday in Kourtalame, in the Tillaberi region, "
               "near the border with Mali, officials said.")
    c = one(a, "place")
    assert c.value["name"] == "Kourtalame" and c.value["country"] == "NE"
    assert c.value["precision"] == "region" and c.value["admin1"].startswith("Tillab")
    rel = one(a, "relation")
    assert rel.value["place"] == "Mali" and rel.value["relation"] == "near the border with"


def test_town_with_its_state_is_that_town():
    a = report("Two men were shot outside a gas station in Springfield, Ohio, on Friday night.")
    c = one(a, "place")
    assert (c.value["name"], c.value["admin1"], c.value["country"], c.value["precision"]) == \
        ("Springfield", "Ohio", "US", "town")
    assert c.value["lat"] == pytest.approx(39.92, abs=0.1)


def test_dateline_city_is_not_the_event_place_when_the_text_names_one():
    a = report("KABUL — A roadside bomb killed four police officers in Kandahar on Friday, officials said.")
    assert fold(one(a, "place").value["name"]) == "kandahar"  # GeoNames spells it Kandahār


# --- actors and type -------------------------------------------------------------------------

def test_claim_of_responsibility_with_channel_and_no_evidence():
    a = report("Suicide bombers attacked a checkpoint on Friday, killing nine soldiers. "
               "ISIL claimed responsibility through its Amaq news agency. It gave no proof. "
               "The statement did not provide any evidence.")
    claimed = [c.value for c in a.claims if c.kind == "actor" and c.value.get("link") == "claimed"]
    assert claimed[0]["name"] == "Islamic State" and claimed[0]["via"] == "Amaq news agency"
    targets = [c.value["name"] for c in a.claims if c.kind == "actor" and c.value["role"] == "target"]
    assert targets == ["a checkpoint"]
    assert one(a, "type").value["type"] == "suicide bombing"


def test_no_claim_and_blame_are_claims_too():
    a = report("Gunmen ambushed a patrol on Friday, killing six soldiers. No group immediately claimed "
               "responsibility, but the governor blamed Boko Haram for the ambush.")
    links = [(c.value.get("name"), c.value.get("link")) for c in a.claims if c.kind == "actor"
             and c.value["role"] == "perpetrator"]
    assert links == [(None, "no claim"), ("Boko Haram", "blamed")]
    assert one(a, "type").value["acled_event_type"] == "Battles"


def test_without_evidence_is_kept():
    a = report("The Taliban claimed the bombing on Friday without providing evidence.")
    c = one(a, "actor")
    assert c.value["name"] == "Taliban" and c.value["evidence"] is False


def test_shooting_type():
    a = report("Three people were wounded in a shooting at a party on Friday.")
    assert one(a, "type").value == {"type": "shooting", "acled_event_type": "Violence against civilians",
                                    "acled_sub_event_type": "Attack"}


# --- attribution -----------------------------------------------------------------------------

def test_speakers_channels_and_pronouns():
    a = report('"They came at dawn," provincial governor Amina Sule told Reuters on Friday. '
               "She said 17 villagers were killed. "
               "Four more were wounded, according to hospital staff.")
    said = {c.value: (c.said_by, c.channel) for c in a.claims if c.kind == "figure"}
    assert said[17] == ("provincial governor Amina Sule", None)
    assert said[4] == ("hospital staff", None)


def test_reported_that_carries_to_the_next_sentence_in_the_paragraph():
    a = report("Residents reported that the attackers arrived on motorbikes. Only 30 guards survived the assault.\n"
               "Seven guards were missing.")
    said = {c.value: c.said_by for c in a.claims if c.kind == "figure"}
    assert said[30] == "Residents" and said[7] is None


def test_said_on_twitter_channel():
    a = report("Nine soldiers were killed, the defence minister said on Twitter.")
    c = one(a, "figure")
    assert (c.said_by, c.channel) == ("the defence minister", "on Twitter")


# --- evidence spans, storage, determinism ----------------------------------------------------

def test_every_claim_points_at_its_words():
    a = report("At least 40 people were killed in Maiduguri on Friday, police said.", title="Bomb blast kills 40")
    for c in a.claims:
        words = c.quote[c.start:c.end]
        assert words and words in (a.title if c.sentence < 0 else a.sentences[c.sentence].text)


def test_claims_survive_the_store_and_are_deterministic(tmp_path):
    a = report("Twelve miners were abducted near Kidal on Friday, the army said.")
    with Store(tmp_path / "c.db") as store:
        store.add([a])
        back = store.articles([a.id])[0]
    assert [c.summary() for c in back.claims] == [c.summary() for c in a.claims]
    again = report("Twelve miners were abducted near Kidal on Friday, the army said.")
    assert [c.summary() for c in again.claims] == [c.summary() for c in a.claims]


# --- the canonical seeds ---------------------------------------------------------------------

@needs_seeds
def test_seed_claims():
    from corroborate import analyze

    d = analyze([SEEDS])
    by = {a.outlet: a for a in d.articles}
    euronews, capital, guardian, aljazeera = by["euronews"], by["Capital FM"], by["The Guardian"], by["Al Jazeera"]
    ibtimes = by[None]

    def main(a, measure):
        return {(c.group, c.value, c.qualifier, c.within, c.said_by) for c in a.claims
                if c.kind == "figure" and c.measure == measure and c.scope is None}

    assert ("soldiers", 53, "at least", None, "the government") in main(euronews, "killed")
    assert ("civilians", 1, None, None, "the government") in main(euronews, "killed")
    assert ("people", 54, None, None, "Sangare") in main(euronews, "killed")
    assert ("civilians", 1, None, "people", "Sangare") in main(euronews, "killed")
    assert ("people", 10, None, None, "Sangare") in main(euronews, "survivors")
    assert ("soldiers", 20, "only", None, "Local media") in main(guardian, "survivors")
    involved = [c for c in aljazeera.claims if c.measure == "involved"]
    assert [(c.value, c.qualifier, c.group, c.said_by) for c in involved] == [(3, "at least", "attackers",
                                                                                "security sources")]
    for a in (euronews, guardian, ibtimes):  # 38 on 30 September: always the earlier attack
        assert all(c.scope for c in a.claims if c.kind == "figure" and c.value == 38)
    for a in (capital, aljazeera):  # 40 "a month" before: the earlier attack too
        assert all(c.scope for c in a.claims if c.kind == "figure" and c.value == 40)
    french = [c for c in euronews.claims if c.kind == "figure" and "vehicle" in c.quote]
    assert french and all(c.scope for c in french)
    for a in (euronews, capital, guardian):
        assert one(a, "date").value["date"] == "2019-11-01"
        assert facts(a)["killed"] in (53, 54)
    assert one(euronews, "time").value["time"] == "around noon"
    for a in (euronews, capital, guardian, aljazeera):
        place = one(a, "place").value
        assert (place["name"], place["admin1"], place["country"]) == ("Indelimane", "Ménaka", "ML")
    claimed = [c.value for c in euronews.claims if c.kind == "actor" and c.value.get("link") == "claimed"]
    assert {"name": "Islamic State", "role": "perpetrator", "link": "claimed", "via": "Amaq news agency",
            "evidence": False} in claimed
    assert any(c.value.get("link") == "no claim" for c in capital.claims if c.kind == "actor")
