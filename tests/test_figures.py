"""Casualty figures in one sentence (``figures.find``) and an article's totals (``extract.facts``),
on short sentences written for these tests."""

from __future__ import annotations

from corroborate import figures
from corroborate.extract import facts
from corroborate.model import Article
from corroborate.pipeline import process


def found(sentence: str, headline: bool = False) -> list[tuple]:
    return [(f.measure, f.group, f.value) for f in figures.find(sentence, headline=headline)]


def totals(text: str, title: str = "") -> tuple:
    article = process(Article(input="test.txt", title=title, raw_text=text, published="2021-03-06", format="text"))
    got = facts(article)
    return got["killed"] or 0, got["injured"] or 0


def test_a_non_fatal_shooting_is_no_death():
    assert found("Police charged a couple in the non-fatal shooting of their son.") == [("injured", "people", 1)]


def test_the_deaths_of_a_list_count_everyone_listed_once():
    assert found("The pair is charged in the deaths of Mara Quill, 9, and Dena Hollis, 52, both of Elmford.") == \
        [("killed", "people", 2)]
    assert found("Prosecutors filed charges over the shooting death of 14-month-old Tam Roe.") == [("killed", "people", 1)]
    assert found("Detectives are investigating the murders of 25-year-old Nia Dorsey and her daughter, Lia Dorsey.") \
        == [("killed", "people", 2)]
    # a description after a name is that person
    assert found("Pell was sought in the death of Ivo Brandt, his landlord and fishing partner, who was shot Sunday.") \
        == [("killed", "people", 1)]


def test_a_third_person_dead_means_three_dead_but_the_second_victim_is_one_of_them():
    assert found("A third person died Monday, days after gunfire outside a bakery on Vine Street.") == \
        [("killed", "people", 3)]
    assert found("4th victim of Elm County shooting dies", headline=True) == [("killed", "people", 4)]
    assert totals("Officers found one man with gunshot wounds to both legs. The second victim died on the "
                  "sidewalk.")[0] == 1


def test_shot_and_then_died_is_a_death_but_not_when_someone_else_died():
    assert found("A 20-year-old man, Rob Vane of Oak Ridge, was shot twice and later died in surgery.") == \
        [("killed", "people", 1)]
    assert found("A man was shot in the leg and a woman died.") == [("shot", "people", 1), ("killed", "people", 1)]


def test_an_age_written_with_spaces_is_one_person():
    assert found("Detectives are looking into gunfire that killed a 17 year-old boy near the rink.") == \
        [("killed", "children", 1)]


def test_a_sentence_adding_up_several_shootings_is_no_one_events_toll():
    assert totals("Detectives are looking into two Friday night shootings that killed a woman and injured three "
                  "others. A man was shot in the leg on Elm Street.") == (0, 1)
    assert totals("It was one of several shootings in a grim two-hour span that saw 10 people shot. "
                  "Seven people were shot at a party on Oak Street.") == (0, 7)
    assert totals("Two men were shot on Birch Avenue. They were among 9 people shot, one fatally, from Friday "
                  "evening to early Sunday.") == (0, 2)
    assert totals("Across the city, seven people had been wounded by dawn. A man was shot on Pine Street.") == (0, 1)


def test_a_title_naming_two_shootings_does_not_empty_the_report():
    assert totals("A woman was found shot to death in the back of a parked truck.", title="2 shootings in Elmford, 1 dead") == (1, 0)


def test_who_was_before_the_verb_is_passive_but_who_shot_is_the_shooter():
    assert found("Another woman who was shot in the elbow drove herself to a clinic.") == [("shot", "people", 1)]
    assert found("A man who shot at officers fled on foot.") == []
    assert found("Four people are now confirmed to have been shot.") == [("shot", "people", 4)]


def test_a_male_or_female_may_be_the_teenager_or_child_met_before():
    assert totals("A teenager is in hospital after gunfire at a skate park. Officers say a 16-year-old male had "
                  "been shot in the hip.") == (0, 1)
    assert totals("A girl was shot on Elm Street. Later a 40-year-old male was shot on Oak Street.") == (0, 2)


def test_a_fourth_victim_hit_means_four_hit_and_an_eighth_arrest_is_no_casualty():
    assert totals("Three people died in the shooting at a farmhouse. A fourth victim is hospitalized with a "
                  "wound to the shoulder.") == (3, 1)
    assert found("Eighth person arrested in murder of Elmford man", headline=True) == [("arrested", "people", 1)]


def test_the_dead_introduced_one_at_a_time_were_hit_too():
    assert totals("A 20-year-old man was shot twice and later died in surgery. Another 20-year-old man was "
                  "shot in the back and released.") == (1, 1)


def test_a_pronoun_or_the_person_met_before_hit_is_one_person_hit():
    assert found("Though she was shot in the abdomen, her vest took most of the impact.") == [("shot", "people", 1)]
    assert found("He was shot and killed outside his home.") == [("killed", "people", 1)]
    assert found("The rifle fired and a round struck the teen in the hip.") == [("shot", "people", 1)]
    assert found("A car struck the man in the parking lot.") == []
    assert totals("A 30-year-old man was killed on Elm Street. He was shot in the chest.") == (1, 0)


def test_treated_and_released_is_hurt():
    assert found("A 19-year-old cashier was treated and released from Mercy Hospital on Friday.") == \
        [("injured", "civilians", 1)]


def test_the_dead_met_again_as_hurt_is_not_one_more_hurt():
    assert totals("A 3-year-old girl died of her wound on Tuesday. Investigators said the young girl was "
                  "injured by a firearm in the kitchen.") == (1, 0)
    # someone else met with "the" is still hurt
    assert totals("A man was killed on Elm Street. A woman was shot too. The woman was injured in the arm.") == (1, 1)
    assert totals("Two men were shot and one died. The other man was injured in the leg.") == (1, 1)


def test_a_place_between_the_people_and_a_passive_verb():
    assert found("A police officer in Elmford was shot in the line of duty.") == [("shot", "police", 1)]
    assert found("An 18-year-old woman from Dunmore was also shot in the abdomen.") == [("shot", "people", 1)]
    assert found("A man in a red car shot at the officers.") == []


def test_one_or_both_alone_as_subject():
    assert found("Four men are dead and one is gravely injured.") == \
        [("killed", "people", 4), ("injured", "people", 1)]
    assert found("Both were fatally shot beside the garden shed.") == [("killed", "people", 2)]
    assert found("Both were taken to a hospital.") == []  # the two met before, counted there
    assert found("A beloved mother of three is dead.") == []  # not three dead


def test_one_hit_who_will_recover_is_hurt_even_after_deaths():
    assert totals("Three people were shot to death in a duplex on Elm Street. The woman's 23-year-old cousin was "
                  "also shot in the thigh and is expected to recover.") == (3, 1)


def test_a_pronoun_after_the_person_it_stands_for_is_not_one_more():
    assert totals("A 19-year-old cashier was treated and released from Mercy Hospital after he was "
                  "accidentally shot outside a gym.") == (0, 1)


def test_an_infinitive_or_a_habit_is_no_casualty():
    assert found("Reckless drivers wound and kill hundreds of pedestrians each year.") == []
    assert found("He told a friend he was looking to kill a cop.") == []


def test_words_between_an_age_and_an_unknown_role_make_one_person():
    assert found("A 17-year-old motel resident was injured after a pistol went off.") == [("injured", "children", 1)]
    assert found("A store clerk was wounded in the robbery.") == [("injured", "civilians", 1)]


def test_a_role_may_be_the_person_met_before():
    assert totals("Officers are hunting the gunman who injured a cab driver. They confirmed that a passing "
                  "bystander was hit in the ribs.") == (0, 1)


def test_cue_words_and_rest_are_the_same_test_as_the_cue_pattern():
    from corroborate.clean import lower, top_alternatives
    from corroborate.figures import _CUE, _cue

    assert top_alternatives(r"ab|c(?:d|e)|[|x]|f\|g") == ["ab", "c(?:d|e)", "[|x]", r"f\|g"]
    for text in ("Two hikers were found alive near Brantwell Ridge on Sunday.",
                 "The mayor of Kellsby spoke about the shootings of last spring.",
                 "A cyclist was hit by a van and taken to a medical center.",
                 "Officials said the man took his own life.",
                 "The festival drew record crowds to the Orlane waterfront."):
        low = lower(text)
        assert _cue(low) == bool(_CUE.search(low))


def test_a_short_relative_clause_between_the_people_and_a_passive_verb():
    assert found("Three deputies who entered the barn were wounded.") == [("injured", "police", 3)]
    assert found("The two teens that fled the farmhouse were arrested.") == [("arrested", "people", 2)]
    # a clause telling what someone said or claimed is not the people hit; "that age" is no clause
    assert all(f.start > 0 for f in figures.find("A clerk who said her cousin had been shot called the police."))
    assert all(f.start > 0 for f in figures.find("A driver who claimed to have shot a burglar was questioned."))
    assert all(f.start > 12 for f in figures.find("It was the second time a boy that age was shot in Dunmore."))


def test_still_between_the_people_and_the_verb():
    assert found("Two people are still hospitalized after the shooting near Crestfall.") == [("injured", "people", 2)]
    assert [f.value for f in figures.find("One was still hospitalized on Monday.")] == [1]


def test_wounded_with_the_dead_among_them_are_those_hit():
    assert found("Deputies found four people wounded, two of them already dead.") == \
        [("shot", "people", 4), ("killed", "people", 2)]
    assert totals("Deputies in Dunmore found four people wounded on Friday, two of them already dead.") == (2, 2)
    assert found("Three people were injured and two were killed.") == [("injured", "people", 3), ("killed", "people", 2)]
