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


def test_taken_to_a_named_hospital_counts_as_hit():
    a = report("Two men were taken to Lakeside Memorial Hospital after the shooting on Friday.")
    assert facts(a)["injured"] == 2
    b = report("A woman was rushed to County General Medical Center on Friday night.")
    assert facts(b)["injured"] == 1
    c = report("Two men were taken to jail after the fight, and a hospital was locked down.")
    assert not facts(c)["injured"]


def test_someone_who_shot_himself_by_accident_is_the_one_hurt():
    a = report("A 15-year-old boy shot himself in the hand on Friday while cleaning a rifle.")
    assert facts(a)["injured"] == 1
    assert facts(a, victims_only=True)["injured"] == 1
    b = report("Farmer accidentally shoots himself while hunting", title="")
    assert facts(b)["injured"] == 1


def test_an_adverb_does_not_make_an_active_verb_passive():
    a = report("Police said a 12-year-old accidentally shot his cousin on Friday.")
    assert figures(a) == [("shot", "people", 1, None)]
    assert facts(a)["injured"] == 1


def test_headlines_drop_the_auxiliary_and_name_people_by_age():
    a = report("Police are looking for the gunman.", title="Police: 3 shot outside corner store")
    assert facts(a)["injured"] == 3
    b = report("Police are looking for the gunman.", title="Sisters, 7 and 9, wounded in drive-by")
    assert facts(b)["injured"] == 2
    assert ("injured", "children", 2, None) in figures(b)
    c = report("Police are looking for the gunman.", title="Standoff at farm: 5 shot, 2 die")
    assert facts(c)["killed"] == 2 and facts(c)["injured"] == 3
    d = report("Police said 3 shot at the officers before fleeing.")  # not a headline: no count
    assert not facts(d)["injured"]


def test_one_who_shot_himself_is_the_subject_already_counted():
    a = report("A 6-year-old was taken to a hospital on Friday after he found a pistol and shot himself.")
    assert facts(a)["injured"] == 1
    b = report("The 19-year-old was shot in the arm, while the 16-year-old shot himself in the hand.")
    assert facts(b)["injured"] == 2


def test_found_shot_to_death_and_mortally_wounded_are_deaths():
    a = report("Officers said a man and a woman were found shot to death in a car on Friday.")
    assert facts(a)["killed"] == 2
    b = report("Two men found shot to death in parked car", title="")
    assert facts(b)["killed"] == 2
    c = report("A woman was mortally wounded in the robbery on Friday.")
    assert facts(c)["killed"] == 1 and not facts(c)["injured"]
    d = report("A man was fatally shot outside a bar on Friday.")  # "fatally" is no auxiliary adverb
    assert facts(d)["killed"] == 1 and not facts(d)["injured"]


def test_a_gunshot_wound_suffered_is_a_hit_that_may_have_been_fatal():
    a = report("A 9-year-old boy died on Friday. Deputies said the boy suffered a gunshot wound to the leg.")
    assert facts(a)["killed"] == 1 and not facts(a)["injured"]
    b = report("A woman suffered a gunshot wound to the leg on Friday and is expected to recover.")
    assert facts(b)["injured"] == 1


def test_victims_named_are_counted_once_each():
    a = report("Dara Quinn, 31, and Milo Verhoeven, 40, were killed on Friday, and Ines Partridge and "
               "Tobias Wren were injured. Verhoeven was a teacher. Tobias Wren was later released.")
    assert facts(a)["killed"] == 2 and facts(a)["injured"] == 2
    b = report("Dara Quinn was shot in the leg on Friday. On Saturday Dara Quinn was shot again, police said.")
    assert facts(b)["injured"] == 1
    c = report("Police Chief Marta Lund was not hurt. Dara Quinn shot his neighbour on Friday.")
    assert ("shot", "people", 1, None) in figures(c) and facts(c)["injured"] == 1  # the neighbour only
    d = report("Father Ivo Lund, 50, mother Kim Lund, 49, died at the scene on Friday.")
    assert not facts(d)["killed"]  # a list read only in part is not counted


def test_hit_by_gunfire_sent_to_hospital_or_arriving_with_wounds():
    a = report("Shots were fired from a passing car on Friday, hitting three people outside a store.")
    assert facts(a)["injured"] == 3
    b = report("The shooting on Friday sent four people to the hospital.")
    assert facts(b)["injured"] == 4
    c = report("Two men later showed up at a hospital with gunshot wounds, police said on Friday.")
    assert facts(c)["injured"] == 2
    d = report("Deputies found a woman in the yard with a gunshot wound to the leg on Friday.")
    assert facts(d)["injured"] == 1
    e = report("A pickup truck struck two people on the bridge on Friday.")  # no gunfire: no count
    assert not facts(e)["injured"]


def test_a_male_is_the_man_met_before():
    a = report("A 30-year-old man was shot on Friday. Police found a male with a gunshot wound nearby.")
    assert facts(a)["injured"] == 1
    b = report("A woman was shot on Friday. Police found a male with a gunshot wound nearby.")
    assert facts(b)["injured"] == 2


def test_passed_away_and_claimed_the_life_of_are_deaths():
    a = report("A man was shot on Friday. He was taken to a hospital, where he passed away.")
    assert facts(a)["killed"] == 1 and not facts(a)["injured"]
    b = report("An accident with a hunting rifle claimed the life of a 12-year-old on Friday.")
    assert facts(b)["killed"] == 1


def test_people_named_as_hit_and_not_among_the_dead_were_hurt():
    a = report("Dara Quinn, 31, died at the scene on Friday. Milo Verhoeven and Ines Partridge were also "
               "shot, police said.")
    assert facts(a)["killed"] == 1 and facts(a)["injured"] == 2


def test_a_surname_alone_counts_for_a_death_once():
    a = report("Officers found Ivo Lund in the yard on Friday. Lund was pronounced dead at the scene.")
    assert facts(a)["killed"] == 1
    b = report("Ivo Lund, 50, died on Friday. Lund was a teacher. On Saturday Lund died, his family wrote.")
    assert facts(b)["killed"] == 1
    c = report("Nobody died in the shooting on Friday. Both died later, police said.")
    assert not facts(c)["killed"]


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


def test_a_running_total_after_the_events_count_is_not_the_events():
    a = report("A man was shot and killed on Marsh Lane on Sunday, pushing the county's death toll to 23 this year, "
               "deputies said.")
    assert [(c.value, c.scope is None) for c in a.claims if c.kind == "figure" and c.sentence >= 0] == \
        [(1, True), (23, False)]
    assert facts(a)["killed"] == 1
    b = report("Two guards were shot dead at the depot on Sunday, raising the toll from the weekend's violence to nine.")
    assert facts(b)["killed"] == 2
    # the total of this attack is still its own count
    c = report("Gunmen attacked the depot on Friday. A wounded guard died on Sunday, raising the death toll from "
               "the attack to six.", published="2021-03-08")
    assert facts(c)["killed"] == 6  # the toll counts the guard: six, not seven


def test_counts_over_several_incidents_are_no_one_events_toll():
    a = report("Two people were killed and nine wounded in three separate shootings on Friday. "
               "A man was shot in the leg on Elm Street.")
    assert [c.scope for c in a.claims if c.kind == "figure" and c.value in (2, 9)] == \
        ["several incidents: separate shootings"] * 2
    assert facts(a)["killed"] is None and facts(a)["injured"] == 1
    b = report("Officers found a man shot dead on Elm Street on Friday. Another 12 people were wounded.",
               title="3 killed, 12 wounded in weekend shootings across the city")
    assert facts(b)["killed"] is None and facts(b)["injured"] is None
    c = report("One man was killed and four people wounded in a string of shootings across the town on Friday.")
    assert facts(c)["killed"] == 1 and facts(c)["injured"] == 4


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


def test_a_speaker_who_gives_or_puts_a_figure_is_its_source():
    a = report("The port authority gave a lower figure of 11 dead in a statement on Sunday. "
               "Aid workers put the death toll at 14.")
    said = {c.value: (c.said_by, c.channel) for c in a.claims if c.kind == "figure"}
    assert said == {11: ("The port authority", "in a statement"), 14: ("Aid workers", None)}


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


# --- page furniture is not the event's date -----------------------------------------------------

def test_a_time_stamp_after_a_year_is_a_link_s_or_page_s_not_the_event_s():
    # a related story's teaser: its day and clock are when that page was posted
    a = report("Gunfire heard near Wrenfield ferry dock March 5, 2021 4:15 PM\n\n"
               "Shots were fired on Quarry Lane in Wrenfield on Thursday night, police said.\n")
    assert one(a, "date").value["date"] == "2021-03-04"
    assert one(a, "time").value["time"] == "night"
    a = report("Shots were fired on Quarry Lane in Wrenfield on Thursday night, police said.\n\nMore stories\n\n"
               "Gunfire heard near Wrenfield ferry dock\nMarch 5, 2021 at 4:15 PM EST\n")
    assert one(a, "date").value["date"] == "2021-03-04"
    # a day and a clock told in a sentence are the event's
    a = report("A man was shot on Quarry Lane in Wrenfield on March 3, 2021 at 4:15 p.m., police said.")
    assert one(a, "date").value["date"] == "2021-03-03" and one(a, "time").value["time"] == "4:15 p.m."
    # a span of time in an incident log is when it happened, not a stamp
    a = report("Date: Friday, March 5, 2021, 10:24 PM - Saturday, March 6, 2021, 1:18 AM\n\n"
               "Shots were fired into two houses on Quarry Lane in Wrenfield, deputies said.\n")
    assert one(a, "date").value["date"] in ("2021-03-05", "2021-03-06")


def test_a_line_that_is_only_a_date_heads_a_section_and_is_no_event_date():
    # a birth date in a list of suspects, a section's stamp: not when the shots were fired
    a = report("Deputies arrested a man after shots were fired into a house on Quarry Lane in Wrenfield. No one was "
               "hit. The man was booked into the county jail. His bond was set at $5,000.\n\nSuspect:\n\n09/15/1991\n")
    assert not [c for c in a.claims if c.kind == "date"]
    assert facts(a)["date"] == "2021-03-06"


def test_event_words_found_whole_or_with_their_endings():
    """A sentence tells the event when it holds one of the event's words, whole ("fire", "went off") or, for
    some, with any ending ("shootout", "attackers"); a longer word that merely begins alike is not one."""
    from corroborate.extract import _EVENT

    for text in ("the shootout lasted an hour", "two attackers fled", "a rifle went   off near the barn",
                 "deputies were dispatched to marlow creek", "he opened fire", "the fire spread", "it happened"):
        assert _EVENT.search(text), text
    for text in ("the fireman and the firewood", "a skilled welder", "the shots", "wentworth offices", "founder"):
        assert bool(_EVENT.search(text)) == (text == "the shots"), text


def targets(text: str) -> list[str]:
    return [c.value["name"] for c in report(text).claims if c.kind == "actor" and c.value["role"] == "target"]


def test_targets_are_what_the_attack_hit_however_the_sentence_puts_it():
    # the object of a sabotage verb, with a list after it
    assert targets("Rebels blew up three electricity pylons and two power poles outside Valdoria on Friday.") == [
        "three electricity pylons", "two power poles"]
    # the place a bomb went off, and what a passive sentence says was destroyed
    assert targets("A bomb exploded in front of a savings bank branch on Friday.") == ["a savings bank branch"]
    assert targets("On Friday night the district offices of the farmers' union were partly destroyed.") == [
        "the district offices"]
    # shots fired into a home or a car: the usual target of a shooting report
    assert targets("Someone fired several shots into a parked car on Friday, police said.") == ["a parked car"]


def test_a_crash_or_a_crowd_is_not_a_target():
    assert targets("The pickup struck a light pole after the shooting on Friday.") == []
    assert targets("On Friday a man fired shots into a crowd gathered outside a birthday party, wounding four people.") == []
