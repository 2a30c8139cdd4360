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


def test_both_before_a_plural_noun_counts_two():
    assert found("Both brothers were rushed to Bexley Ford General Hospital.") == [("shot", "people", 2)]
    # before a list of single people, each counts once
    assert found("Both clerk and robber were wounded in the exchange.") == \
        [("injured", "civilians", 1), ("injured", "attackers", 1)]


def test_a_headline_ampersand_joins_the_people_hit():
    assert found("Marlow Creek Clerk & Robber Wounded In Shootout", headline=True) == \
        [("injured", "civilians", 1), ("injured", "attackers", 1)]
    assert totals("Neither man is badly hurt.", title="Marlow Creek Clerk & Robber Wounded In Shootout") == (0, 2)


def test_a_double_or_quadruple_shooting_says_how_many_were_hit():
    assert found("Deputies are looking into a quadruple shooting near Marlow Creek.") == [("shot", "people", 4)]
    # the dead are among them: three dead in a quadruple shooting leaves one hurt
    assert totals("Three people were killed early Sunday in a quadruple shooting on Alder Row in Marlow Creek.") == (3, 1)
    # the people listed say it better, each in his own group
    assert found("A double shooting on Pine Lane wounded a 7-year-old boy and a man.") == \
        [("injured", "children", 1), ("injured", "people", 1)]


def test_a_pronoun_joined_to_the_people_hit_is_one_more():
    assert found("She and her nephew were rushed to Bexley Ford General Hospital.") == [("shot", "people", 2)]
    assert found("He and his 8-year-old son were wounded on the porch.") == [("injured", "people", 2)]


def test_killed_his_two_children_counts_the_possessed_people():
    assert found("The man shot and killed his two sons before fleeing Bexley Ford.") == [("killed", "people", 2)]
    assert found("Witnesses said he shot his neighbor's three children.") == [("shot", "children", 3)]
    assert found("He killed his 2 dogs.") == []


def test_shot_at_but_missed_is_no_one_hit():
    assert found("The courier was shot at, but every round went wide.") == []
    assert found("Two brothers were shot at by a passing driver on Quarry Road.") == []
    assert found("A man was shot at a cookout in Marlow Creek.") == [("shot", "people", 1)]


def test_a_headline_takes_own_life_is_a_death():
    assert found("Veteran Takes Own Life At Bexley Ford Armory", headline=True) == [("killed", "attackers", 1)]
    assert totals("A cadet shot himself behind the armory, the sheriff said. No one else was hurt.",
                  title="Cadet Takes Own Life Behind Armory") == (1, 0)


def test_one_of_those_hit_dying_is_one_dead_among_them():
    assert found("One of 2 brothers wounded at Bexley Ford rodeo succumbs", headline=True) == \
        [("killed", "people", 1), ("shot", "people", 2)]
    assert totals("Police gave no names.", title="One of three teens shot at Marlow Creek party dies") == (1, 2)
    assert found("One of the victims died.") == [("killed", "people", 1)]


def test_survived_but_hit_is_hurt():
    assert found("Both guards survived but were wounded in the ambush.") == [("injured", "civilians", 2)]
    assert found("Four passengers survived, but the driver was killed.") == \
        [("survivors", "civilians", 4), ("killed", "civilians", 1)]


def test_people_in_a_stated_condition_were_hurt():
    assert found("Three hunters remain in good condition at Bexley Ford General.") == \
        [("injured", "civilians", 3)]
    # serious or critical: hit, and may yet die
    assert found("Two others are in critical condition.") == [("shot", "people", 2)]
    assert totals("Two men were shot dead on Alder Row. A third man is in critical condition.") == (2, 1)


def test_shot_himself_and_his_son_is_two_hit():
    assert found("Marlow Creek Hunter Wounds Himself And Nephew At Deer Camp", headline=True) == \
        [("injured", "attackers", 1), ("injured", "people", 1)]
    assert totals("Neither is badly hurt.", title="Hunter shot himself and his nephew at deer camp") == (0, 2)


def test_a_fourth_shooting_victim_found_makes_four_hit():
    assert found("Three men arrived at the ranger station with gunshot wounds; a fourth man was "
                 "found by the creek.") == [("shot", "people", 3), ("shot", "people", 4)]


def test_the_hit_said_to_be_stable_are_hurt_however_many():
    assert found("He and his cousin were grazed and are expected to recover.") == [("injured", "people", 2)]
    assert totals("A gunman shot and killed two brothers on Alder Row. A woman and a teenager were grazed "
                  "and are expected to recover.") == (2, 2)
    # a share of them stable says nothing of the others
    assert found("Four people were shot, and three are in stable condition.") == \
        [("shot", "people", 4), ("injured", "people", 3)]
    assert totals("Four people were shot outside a bar in Bexley Ford, and three are in stable condition. "
                  "A driver was also shot and died at the scene.") == (1, 3)


def test_nearly_killed_is_no_death():
    assert found("The rounds nearly killed his uncle, a neighbor in Bexley Ford said.") == []
    assert found("A clerk was nearly killed in the robbery.") == []
    assert found("A clerk was fatally shot in the robbery.") == [("killed", "civilians", 1)]


def test_a_headline_shot_comma_killed_is_a_death():
    assert found("Clerk shot, killed during robbery at Marlow Creek gas station", headline=True) == \
        [("killed", "civilians", 1)]
    assert totals("Deputies said a customer was also wounded.",
                  title="Clerk shot, killed during robbery at Marlow Creek gas station") == (1, 1)


def test_people_named_who_suffered_wounds_were_hit():
    assert found("Nurses said Ada Voss, Eli Marsh and Tom Pellow all sustained leg wounds.") == \
        [("injured", "people", 3)]
    assert found("Dara Quinn, 31, sustained a gunshot wound to her calf.") == [("shot", "people", 1)]
    assert found("Police Chief Ann Lee suffered a sprained wrist.") == []


def test_a_span_of_time_or_a_caller_is_not_part_of_the_count():
    assert found("Over four nights at least ten people were shot in Bexley Ford.") == [("shot", "people", 10)]
    assert found("Over 48 hours four people were wounded.") == [("injured", "people", 4)]
    assert found("A 911 caller said two people were shot.") == [("shot", "people", 2)]
    assert found("Two heavily armed men were killed.") == [("killed", "people", 2)]


def test_along_with_adds_the_people_after_it():
    assert found("Three guards were hurt along with a driver, the warden said.") == [("injured", "civilians", 4)]
    assert found("A man was wounded on Elm Street along with a 6-year-old girl.") == \
        [("injured", "people", 1), ("injured", "children", 1)]
    # a clause of their own tells their fate
    assert found("A guard was killed along with two drivers who were never found.") == \
        [("killed", "civilians", 1)]


def test_a_headline_stable_after_a_shooting_is_one_hurt():
    assert found("Girl in good condition after Bexley Ford fairground gunfire", headline=True) == \
        [("injured", "children", 1)]
    assert found("3 stable following Alder Row ambush", headline=True) == [("injured", "people", 3)]
    assert found("Marlow Creek man in critical condition after shooting", headline=True) == [("shot", "people", 1)]
    assert found("Markets stable after rate decision", headline=True) == []


def test_a_victim_named_after_killing_or_mortally_wounding():
    assert found("A stray round struck the bus, mortally wounding Okafor.") == [("killed", "people", 1)]
    assert found("A gunman opened fire, killing Ada Voss and critically wounding Eli Marsh.") == \
        [("killed", "people", 1), ("injured", "people", 1)]
    assert found("He fled after killing Lee's dog.") == []
    assert totals("A 40-year-old farmhand was shot near the silo on Quarry Road. The slug ricocheted, mortally "
                  "wounding Brandt.") == (1, 0)


def test_people_inside_a_relative_clause_are_not_the_subject_of_the_main_verb():
    # the two were killed by the man; the man is the one police shot
    assert found("A man who killed two people at a feed store was shot by deputies on Tuesday.") == \
        [("killed", "people", 2)]
    assert ("killed", "people", 2) in found("Deputies shot a man who had killed two people earlier that day.")


def test_a_perfect_tense_with_an_object_is_active():
    # "had shot him": the two men are the shooters, not two people hit
    assert found("Witnesses said two men had shot him near the ferry landing.") == []
    assert found("Two men had been shot near the ferry landing.") == [("shot", "people", 2)]


def test_people_listed_after_an_object_with_possessives_are_counted_together():
    assert found("Deputies said the trapper killed his girlfriend and her nephew at a cabin near Bexley Ford.") == \
        [("killed", "people", 2)]
    assert found("Tobin Ashgrove killed his uncle, his aunt and his 6-year-old cousin.") == [("killed", "people", 3)]
    assert found("Rancher Shot His Wife & Daughter at Marlow Creek Farm", headline=True) == [("shot", "people", 2)]
    # the one named next is the subject of a clause of his own, or no person at all
    assert found("The man shot his neighbour and her nephew was hurt by glass.") == \
        [("shot", "people", 1), ("injured", "people", 1)]
    assert found("A man killed a ranger's husband near the dam.") == [("killed", "people", 1)]
    assert found("Trucker kills farmhand's son near Marlow Creek", headline=True) == []


def test_the_shooter_listed_after_his_victims_is_counted_with_the_attackers():
    assert found("Trucker kills girlfriend, her son, himself near Marlow Creek", headline=True) == \
        [("killed", "people", 2), ("killed", "attackers", 1)]
    assert found("Bexley Ford woman kills 7-year-old nephew, self", headline=True) == \
        [("killed", "people", 1), ("killed", "attackers", 1)]
    # a murder-suicide says the one who shot himself died; without it he was hit, fate untold
    assert found("Troopers believe a farmer shot his 9-year-old nephew and then himself in what they call a "
                 "murder-suicide.") == [("shot", "people", 1), ("killed", "attackers", 1)]
    assert found("Police say a farmer shot his brother and then himself.") == \
        [("shot", "people", 1), ("shot", "attackers", 1)]
    assert found("Police say the farmer shot his brother and then himself in an attempted suicide.") == \
        [("shot", "people", 1), ("shot", "attackers", 1)]
    assert found("A drifter shot and killed a teenage girl near Bexley Ford before turning the gun on himself.") == \
        [("killed", "children", 1), ("killed", "attackers", 1)]
    assert found("The clerk fatally shot himself after the robbery.") == [("killed", "attackers", 1)]
    assert found("He turned himself in at the Bexley Ford jail on Friday.") == []


def test_shot_and_then_killed_and_fatally_shot_with_an_object_are_deaths():
    assert found("A teenage boy was shot twice through the chest and killed by the Bexley Ford depot.") == \
        [("killed", "children", 1)]
    # "and killed" with an object after it is an act of the one shot, not his death
    assert found("A man was shot through the arm and killed his attacker.") == \
        [("shot", "people", 1), ("killed", "attackers", 1)]
    assert found("A man fatally shot two people outside a diner in Marlow Creek.") == [("killed", "people", 2)]
    assert found("The trooper mortally wounded the gunman.") == []


def test_a_headline_whose_main_verb_is_dies_tells_a_death():
    assert found("Woman hurt in Bexley Ford hunting mishap dies", headline=True) == \
        [("shot", "people", 1), ("killed", "people", 1)]
    assert found("Toddler shot by cousin in Marlow Creek dies", headline=True) == \
        [("shot", "children", 1), ("killed", "children", 1)]
    # a new subject between: the one hit is not the one who died
    assert found("Man shot at Marlow Creek depot; wife dies", headline=True) == \
        [("shot", "people", 1), ("killed", "people", 1)]
    assert found("One of three men shot near Bexley Ford dies", headline=True) == \
        [("killed", "people", 1), ("shot", "people", 3)]


def test_some_of_the_people_counted_died_the_rest_were_hit():
    assert found("Deputies said two of the five men shot at the hunting lodge had died.") == \
        [("killed", "people", 2), ("shot", "people", 5)]
    assert found("One of the three victims died at Bexley Ford General.") == \
        [("killed", "people", 1), ("shot", "people", 3)]
    # a place in a series is no share of the victims
    assert found("Photo 3 of 8 A 6-year-old boy has died after he was hit.") == [("killed", "children", 1)]
    # the clause tells the death of all those counted, not of the share
    assert ("killed", "people", 2) not in found("Deputies named two of the three men who died near Bexley Ford.")


def test_a_headline_verb_with_a_bare_object_is_active():
    assert found("Rancher's son shot deputy at Bexley Ford ranch", headline=True) == [("shot", "police", 1)]
    assert found("Man killed wife, 3 kids then himself at Marlow Creek", headline=True) == \
        [("killed", "people", 1), ("killed", "children", 3), ("killed", "attackers", 1)]
    assert found("Man shot near Marlow Creek school, police say", headline=True) == [("shot", "people", 1)]


def test_rounds_fired_are_no_people():
    assert found("The deputy then fired and shot four more times at the truck.") == []


def test_a_call_about_someone_wounded_tells_a_hit_not_his_fate():
    assert totals("Deputies answered a call about a wounded child at a farmhouse near Bexley Ford. "
                  "The boy died at the hospital.") == (1, 0)


def test_an_ordinal_with_a_description_counts_everyone_hit():
    assert found("A second victim, a 40-year-old Marlow Creek roofer, was treated and released.") == \
        [("shot", "people", 2)]
    # a fourth hit who survived: four hit, the dead among them, not four hurt
    assert found("A fourth man was also shot but survived.") == [("shot", "people", 4)]
    assert found("A third man, who was in the yard, was taken to a hospital, but he later died.")[0] == \
        ("killed", "people", 3)


def test_one_person_is_not_the_subject_of_were():
    assert found("Three men walking home from a wake for a slain cousin were shot, one fatally.") == \
        [("killed", "people", 1)]
    # (the end of a list read in part keeps its count)
    assert found("She and her brother were both listed in stable condition at Marlow Creek General.") == [("injured", "people", 2)]


def test_present_tense_headline_shoots_takes_its_object():
    assert found("Rancher shoots wife, then himself at Bexley Ford", headline=True) == \
        [("shot", "people", 1), ("shot", "attackers", 1)]


def test_the_one_a_person_is_related_to_is_no_subject_of_were():
    assert ("killed", "police", 1) not in \
        found("A young teacher and the son of a Marlow Creek deputy were gunned down on Monday.")


def test_numbers_in_words_in_a_list_add_up():
    assert found("Two men and a woman were wounded outside a Bexley Ford tavern.") == [("injured", "people", 3)]
    assert found("Deputies found one male and two female campers with gunshot wounds in the barn.") == \
        [("shot", "people", 3)]
    # a vague amount adds up with nothing
    assert found("Dozens of people and two children were hurt.") == \
        [("injured", "people", 12), ("injured", "children", 2)]
    # a count of victims that the list after it spells out is that count
    assert found("Four other victims, a 31-year-old cashier, a 47-year-old woman, a 58-year-old man and a "
                 "2-year-old girl were taken to two hospitals in Marlow Creek.") == [("shot", "people", 4)]


def test_the_main_verb_after_a_clause_of_one_hit_tells_his_death():
    assert found("A toddler who was shot during a Marlow Creek cookout has since died.") == \
        [("killed", "children", 1)]
    assert found("A man who was shot twice on Friday night died at the hospital.") == [("killed", "people", 1)]
    # another's death told by the one hit: she was hit, not killed
    assert found("A woman who was shot on the porch told deputies her uncle died.")[0] == ("shot", "people", 1)
    assert found("A man who was shot on Friday is expected to survive.") == [("injured", "people", 1)]


def test_a_reduced_clause_of_the_hit_before_died_tells_their_death_not_a_wound():
    """"A teen wounded ... has died" was one wounded in the body (the headline rule already read it)."""
    assert found("A teenager wounded at a Bexley Ford skate park last week has died.") == [("killed", "people", 1)]
    assert found("Two brothers shot Saturday night outside a Marlow Creek diner have died, deputies said.") == \
        [("killed", "people", 2)]
    assert totals("A man shot during a robbery on Quarry Lane on Monday died Thursday, police said.") == (1, 0)
    # the hit person speaking of another's death, or an object after the participle: no death of theirs
    assert found("A clerk shot in the shoulder told officers her cousin died in the crossfire.")[0][0] == "shot"
    assert ("killed", "people", 1) not in found("A farmer shot his neighbor near Bexley Ford and fled; the dog died.")


def test_a_subject_before_an_active_verb_and_one_person_is_the_shooter():
    assert found("Outside the motel, a gunman killed one person, then wounded seven others.") == \
        [("killed", "people", 1), ("injured", "people", 7)]


def test_a_denied_suicide_says_nothing_of_the_shooter_s_death():
    assert found("Police said it was not a suicide: the farmer shot his brother and then himself.") == \
        [("shot", "people", 1), ("shot", "attackers", 1)]


def test_a_number_that_names_a_unit_is_no_count():
    assert found("The Zone 4 officers mistakenly shot Ivo Brandt at his Bexley Ford farmhouse.") == []
    assert found("Six officers were wounded.") == [("injured", "police", 6)]


def test_a_count_spelled_out_by_a_list_between_commas_is_the_subject_of_the_verb():
    def got(s):
        return [(f.measure, f.value) for f in figures.find(s)]
    assert got("Two people, a man and a teenager, were wounded in the Bexley Ford shooting.") == [("injured", 2)]
    assert got("Deputies said three people, two women and a man, were shot near the Marlow Creek trail.") == [("shot", 3)]
    assert got("Two brothers, a welder and his cousin's friend, were killed.") == [("killed", 2)]


def test_kin_in_the_plural_and_visitors_are_counted():
    assert [(f.measure, f.group, f.value) for f in figures.find("Two cousins were wounded at the Marlow Creek fair.")] \
        == [("injured", "people", 2)]
    assert [(f.measure, f.group, f.value) for f in figures.find("A gunman killed three hikers near Bexley Ford.")] \
        == [("killed", "civilians", 3)]


def test_a_pronoun_pronounced_or_declared_dead_later_is_a_death():
    assert found("Medics drove the clerk to Bexley Ford General, but she was later pronounced dead.") == \
        [("killed", "people", 1)]
    assert found("He has since died.") == [("killed", "people", 1)]
    assert found("She was declared brain dead on Tuesday.") == [("killed", "people", 1)]


def test_names_with_an_age_before_them_where_they_are_from_or_semicolons_are_counted():
    assert found("Early on Sunday 40-year-old Orla Pemberly, 12-year-old Tavi Brandt and 33-year-old Ned Quarry "
                 "were found dead in a farmhouse.") == [("killed", "people", 3)]
    assert found("Orla Pemberly, 40, Tavi Brandt,33, and 29-year-old Ned Quarry were wounded.") == \
        [("injured", "people", 3)]
    assert found("Orla P. Pemberly, 40; Tavi N. Brandt, 33; and Ned B. Quarry, 29, died at the cabin.") == \
        [("killed", "people", 3)]
    assert found("Tavi Brandt, 16, of Marlow Creek, was killed by a stray round.") == [("killed", "children", 1)]
    # the place a person is from is no second name
    assert figures.people_named("Tavi Brandt of Marlow Creek") == ["Brandt"]


def test_shot_at_people_is_firing_at_them_not_hitting():
    assert found("A man shot at four hikers before turning the gun on himself.") == [("killed", "attackers", 1)]
    assert found("The gunman shot at two deputies and fled.") == []
    assert found("Two men were shot at a party on Alder Lane.") == [("shot", "people", 2)]


def test_the_victim_of_a_shooting_who_died():
    assert found("Bexley Ford: Victim of weekend shooting died Tuesday", headline=True) == [("killed", "people", 1)]
    assert found("A victim of the Alder Lane shooting has died.") == [("killed", "people", 1)]
    assert found("A man in the pickup died at the scene.") == [("killed", "people", 1)]
    assert found("A man in a pickup shot at them.") == []


def test_an_active_verb_in_ing_or_s_takes_its_object_with_a_possessive():
    assert found("The standoff ended with a farmer killing his 4-year-old nephew and then taking his own life.") == \
        [("killed", "people", 1), ("killed", "attackers", 1)]
    assert found("A roofer in Bexley Ford is accused of shooting his neighbor's dog.") == []
    assert found("He was charged with shooting his girlfriend.") == [("shot", "people", 1)]
    assert found("The trapper, wounding his neighbor, fled into the woods.") == [("injured", "people", 1)]


def test_people_hit_told_apart_from_the_dead_lived():
    assert found("The blast of gunfire left two brothers dead and sent a teenage cousin to the hospital.") == \
        [("killed", "people", 2), ("injured", "people", 1)]
    assert found("The intruder killed two campers and shot three others.") == \
        [("killed", "civilians", 2), ("injured", "people", 3)]
    # the one who died is not counted again as hurt, nor a share of those hit
    assert found("A hunter was killed on Friday once he got shot near the creek.") == [("killed", "civilians", 1)]
    assert found("Six hikers were shot, three of them fatally.") == [("shot", "civilians", 6), ("killed", "people", 3)]


def test_separate_shootings_with_an_adjective_add_up_several_incidents():
    assert figures.several("two girls were hurt on saturday in separate accidental shootings")
    assert totals("Over the holiday three cousins got hurt in unrelated hunting shootings near Bexley Ford. A hiker "
                  "was shot in the arm on Kettle Road.") == (0, 1)


def test_a_name_with_who_the_person_is_between_commas():
    assert found("Dara Quinn, a 67-year-old retired welder, died Monday after being shot in Bexley Ford.") == \
        [("killed", "people", 1)]
    assert found("Okafor has died of his wounds.") == [("killed", "people", 1)]
    # a capitalised place after a preposition is nobody
    assert found("An 8-year-old girl who was hit by a stray round in Marlow Creek has died.") == [("killed", "children", 1)]
    # the owner of a place named after the dead is that person again
    assert found("Police are investigating the death of Cy Marsh, the owner of a bakery on Kettle Road.") == \
        [("killed", "people", 1)]


def test_the_owner_of_a_place_is_a_person_who_may_be_shot():
    assert found("A diner owner was fatally shot during a holdup in Bexley Ford.") == [("killed", "civilians", 1)]


def test_a_sentence_saying_all_of_those_hit_died_makes_them_dead():
    assert totals("A hiker and a 7-year-old boy suffered grave wounds at the Kettle Road campsite and were flown "
                  "to Bexley Ford General. Both later died.") == (2, 0)
    assert totals("Three hunters were shot near Marlow Creek. All three died of their wounds.") == (3, 0)
    # a count that does not fit says nothing of who died
    assert totals("Three hunters were shot near Marlow Creek. Both later died.") == (2, 1)


# --- Kin without a number, first names, the gunman among the dead, police dogs (fixes helper's block) -------


def figs(sentence: str) -> list[tuple]:
    return [(f.measure, f.group, f.value, f.qualifier, f.within) for f in figures.find(sentence)]


def test_kin_in_the_plural_without_a_number_are_at_least_two_never_a_count():
    # plural means two or more: "at least 2", and with his wife and himself at least four dead in all
    assert figs("Deputies believe Corwin Brannock killed his wife and children at their cabin before turning the gun on himself.") == \
        [("killed", "people", 1, None, None), ("killed", "children", 2, "at least", None),
         ("killed", "attackers", 1, None, None)]
    assert totals("Investigators said a Bexley Ford man killed his wife and children, then himself.") == (4, 0)
    # a number says how many; the parents are two
    assert figs("A man killed his wife and three children.")[1][:4] == ("killed", "children", 3, None)
    assert figs("A drifter killed his fiancee and her parents at a farm near Marlow Creek.") == \
        [("killed", "people", 3, None, None)]
    # shot, their fate open: no count, lest those shot less the dead read as wounded
    assert figs("He shot his wife and children at the farm.") == [("shot", "people", 1, None, None)]


def test_a_victim_named_in_full_then_by_first_name_is_one_person():
    text = ("Tamsin Penhallow, 34, was shot outside a laundromat on Kettle Road in Marlow Creek on Saturday. "
            "Tamsin died at Ashby General hours later, her brother said.")
    # one woman, shot and then dead: not a dead Tamsin beside a wounded Penhallow
    assert totals(text) == (1, 0)
    assert totals("Tamsin Penhallow, 34, was found shot dead on Kettle Road in Marlow Creek on Saturday. Tamsin was "
                  "pronounced dead at the scene.") == (1, 0)
    # another first name is another person
    assert totals("Tamsin Penhallow, 34, was shot on Kettle Road in Marlow Creek on Saturday. Idris died at the "
                  "scene.") == (1, 1)


def test_a_count_including_the_gunman_has_him_among_the_attackers():
    assert figs("Nine people, including the shooter, lost their lives at a mill in Bexley Ford.") == \
        [("killed", "people", 9, None, None), ("killed", "attackers", 1, None, "people")]
    assert figs("Four people were wounded, including the suspect and a deputy.") == \
        [("injured", "people", 4, None, None), ("injured", "attackers", 1, None, "people"),
         ("injured", "police", 1, None, "people")]
    # the gunman's wife is no gunman
    assert figs("Five people, including the gunman's wife, were killed.") == [("killed", "people", 5, None, None)]
    article = process(Article(input="t.txt", title="", published="2021-03-06", format="text",
                              raw_text="Seven people, including the gunman, died at a mill in Bexley Ford."))
    # everyone shot (as GVA counts) is seven; the victims (as GVDB counts) six
    assert facts(article)["killed"] == 7 and facts(article, victims_only=True)["killed"] == 6


def test_a_police_dog_is_no_officer():
    assert found("Their K-9 officer was wounded in a hind leg as the standoff ended.") == []
    assert found("A canine partner was wounded in the exchange of gunfire.") == []
    assert found("An officer and a deputy were wounded in the exchange of gunfire.") == [("injured", "police", 2)]


def test_a_follow_up_s_own_death_is_not_another_event():
    # the woman shot last month died now: that death is this report's news
    assert totals("A woman who was shot last month outside a laundromat on Kettle Road in Marlow Creek died "
                  "Tuesday, police said.") == (1, 0)
    assert totals("Last month, a waiter was shot behind a diner on Kettle Road in Marlow Creek; he died Tuesday at "
                  "Ashby General, police said.") == (1, 0)
    # a report of an arrest that tells its shooting only as past: that shooting is its event
    assert totals("Detectives arrested a 19-year-old man in Bexley Ford on Thursday. Two weeks ago, a waiter was "
                  "shot dead behind a diner on Kettle Road.") == (1, 0)
    # beside a shooting told now, last month's is another event, and so is a separate one
    assert totals("A waiter was wounded behind a diner on Kettle Road in Marlow Creek on Thursday. Last month, a "
                  "waiter was shot dead on the same street.") == (0, 1)
    assert totals("A waiter was wounded behind a diner on Kettle Road in Marlow Creek on Thursday. In a separate "
                  "shooting, a bartender died Friday.") == (0, 1)


# --- named victims with a relative clause, others hit besides the dead, round-up titles ---------

def test_a_named_victim_whose_relative_clause_tells_the_shooting_died():
    # the clause between the name and "died" tells the hit; the main verb is the death
    assert found("Orrin Thistlewood, who was shot outside a pawn shop in Wrenfield last month, died Tuesday.") == \
        [("killed", "people", 1)]
    assert found("Orrin Thistlewood, 31, of Harrowgate, who was wounded on May 3, 2019, near a ferry dock, has "
                 "died, his sister said.") == [("killed", "people", 1)]
    assert found("Thistlewood, who was shot at 9 p.m. Friday, died Sunday.") == [("killed", "people", 1)]
    assert totals("Orrin Thistlewood, who was shot behind a feed store in Wrenfield last week, died Sunday.") == (1, 0)
    # the clause alone: hit, and living
    assert found("Orrin Thistlewood, who was shot in the hip, is expected to survive.") == [("injured", "people", 1)]
    # a clause that says he shot someone names the shooter, not a victim of his own death
    assert ("killed", "people", 1) not in found("Orrin Thistlewood, who shot a clerk in Wrenfield, died Sunday.")
    # two names and "was": the clause is the last one's, and we cannot tell how many it counts
    assert found("Ysolde Caddock and Orrin Thistlewood, who was shot on the porch, spoke to deputies.") == []


def test_fatally_is_no_mere_adverb_before_a_named_victim_s_verb():
    assert found("Orrin Thistlewood was fatally shot near a ferry dock in Wrenfield.") == [("killed", "people", 1)]
    assert found("Orrin Thistlewood was reportedly shot near a ferry dock in Wrenfield.") == [("shot", "people", 1)]


def test_a_named_person_whose_clause_tells_the_death_and_who_was_the_gunman_is_an_attacker():
    assert [(f.measure, f.group, f.value) for f in figures.find(
        "Deputies said Corvin Loriot, 41, who was shot dead by a trooper, was the gunman.")] == \
        [("killed", "attackers", 1)]
    # a caption that is only the clause: the death it tells
    assert found("Ysolde Caddock, 9, who was fatally shot Friday night on Quarry Lane.") == [("killed", "children", 1)]


def test_a_title_for_a_span_of_time_s_or_a_city_s_shootings_is_a_roundup():
    body = "Police said the shootings were not related. A man was killed on Quarry Lane in Wrenfield."
    for title in ("Two dead, five hurt in Saturday shootings", "Seven wounded in overnight shootings in Wrenfield",
                  "Four hurt in Wrenfield shootings Tuesday", "Seven wounded in city shootings",
                  "Violent weekend in Wrenfield leaves one dead, nine hurt",
                  "Seven hurt in shootings on North, East sides"):
        assert figures.several(title.lower(), article=True), title
        assert totals(body, title=title) == (0, 0), title  # no one event's toll
    # one shooting with several victims, or a place's shootings, is one event
    for title in ("Man killed, three wounded in overnight shooting", "Wrenfield shootings leave one dead, four hurt",
                  "Police name victims of deadly weekend shooting", "Fenmoor City shootings leave two dead"):
        assert figures.several(title.lower(), article=True) is None, title
    assert totals("A man was killed and three people were wounded on Quarry Lane in Wrenfield on Saturday.",
                  title="Man killed, three wounded in overnight shooting") == (1, 3)


def test_others_hit_after_the_dead_were_told_are_besides_them():
    # one dead, then three others hit: four hit, three of them living
    assert totals("A gunman fired into a Wrenfield pawn shop on Friday, and Orrin Thistlewood, 30, was fatally shot. "
                  "Three other customers were struck by bullets too.") == (1, 3)
    # with no dead told before them, the others are all those hit
    assert totals("Three other customers were struck by bullets in a Wrenfield pawn shop on Friday.") == (0, 3)


# --- faster patterns, the same matches ------------------------------------------------------------

def test_word_tree_matches_as_the_longest_first_list_does():
    """The tree of shared beginnings behind the noun and verb patterns finds the same words, longest first,
    backtracking in the same order, and keeps a word's own ending ("shot" but not "shot at")."""
    import re

    words = ["ranger", "rangers", "park ranger", "park rangers", "parson", "par", "shot", "shot dead", "ex-mayor"]
    plain = "(?:%s)" % "|".join(re.escape(w).replace(r"\ ", r"\s+") + (r"(?!\s+at\b)" if w == "shot" else "")
                                for w in sorted(words, key=len, reverse=True))
    from corroborate.clean import alternation

    tree = alternation(words, {"shot": r"(?!\s+at\b)"})
    texts = ["two park  rangers were hurt", "the parson and a ranger", "a ranger's dog", "shot dead at dusk",
             "shot at a car", "the ex-mayor of Bexley Ford", "par for the course", "parsons", "rangersmith"]
    for text in texts:
        for pattern in (r"\b(?P<w>%s)\b", r"(?P<w>%s)(?:ship|s)?\b", r"(?P<w>%s)\s+\w+"):
            a, b = re.search(pattern % plain, text), re.search(pattern % tree, text)
            assert (a and (a.span(), a.span("w"))) == (b and (b.span(), b.span("w"))), (pattern, text)
    assert re.fullmatch(tree, "park    ranger") and not re.fullmatch(tree, "park")
    assert not re.match(r"%s\b" % tree, "shot at a car") and re.match(tree, "shot a car").group() == "shot"


def test_numbers_read_as_the_numbers_module_reads_them():
    """``numbers.NUMBER`` in its faster form (number words as a tree, digits checked only where a digit is)
    finds the same amounts as the plain one: words, digits, vague ones, and no digits glued to letters, times
    or decimals."""
    import re

    from corroborate import numbers

    words = numbers._UNITS + numbers._TENS + list(numbers._SCALE)
    plain_number = numbers.NUMBER.replace(numbers._WORD, "(?:%s)" % "|".join(sorted(words, key=len, reverse=True)))
    plain_number = plain_number.replace("(?=\\d)", "")
    assert plain_number != numbers.NUMBER
    texts = ["twenty-three hikers and 4 rangers", "one hundred and five", "seventeen, seventy or seven",
             "at 3 p.m. the B52 and 4.5 miles", "dozens of campers", "a couple of anglers", "1,200 fans at gate 9",
             "sixteen sixty-six", "F-16 pilots", "$40 fines"]
    for text in texts:
        for pattern in (r"\b(?P<n>%s)\b", r"(?P<n>%s)\s+\w+"):
            plain = [m.span("n") for m in re.finditer(pattern % plain_number, text)]
            assert [m.span("n") for m in re.finditer(pattern % numbers.NUMBER, text)] == plain, text
    assert found("Seventeen hikers were hurt near Bexley Ford.") == [("injured", "civilians", 17)]


def test_verb_and_object_still_read_with_each_of_its_verbs():
    """The verb-and-object pattern is tried only when one of its verbs is in the sentence: each still reads."""
    assert found("A gunman fatally shooting two clerks fled Bexley Ford.") == [("killed", "people", 2)]
    assert found("The blast at the Marlow Creek depot, leaving four workers dead, shook the town.") == \
        [("killed", "civilians", 4)]
    assert found("Raiders abducted three farmers near Tarn Hollow.") == [("kidnapped", "civilians", 3)]
