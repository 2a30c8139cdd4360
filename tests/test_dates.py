"""Date expressions found and resolved against a publication day (dates.find), on short texts."""

from __future__ import annotations

from datetime import date, datetime

from corroborate import dates


def days(text: str, base: date) -> list[tuple[str, str]]:
    return [(w.date, w.precision) for w in dates.find(text, base)]


def test_holidays_resolve_to_their_last_day_up_to_publication():
    assert days("He was shot on Christmas Eve.", date(2021, 12, 28)) == [("2021-12-24", "day")]
    assert days("Two men were hurt Christmas morning.", date(2022, 1, 3)) == [("2021-12-25", "day")]
    assert days("A man was killed on Thanksgiving.", date(2021, 11, 29)) == [("2021-11-25", "day")]
    assert days("A woman was shot on Mother's Day.", date(2021, 5, 10)) == [("2021-05-09", "day")]
    assert days("The Memorial Day shooting left one dead.", date(2021, 6, 1)) == [("2021-05-31", "day")]


def test_a_holiday_word_used_as_an_adjective_is_no_date():
    assert days("Shots were fired at a Christmas party.", date(2021, 12, 28)) == []
    assert days("His New Year's resolution was to quit.", date(2021, 12, 28)) == []


def test_numeric_month_day_year():
    assert days("On 06/24/2013 at about 9:18 pm the victim was found.", date(2013, 6, 25)) == [("2013-06-24", "day")]
    assert days("A shooting on 6/2/21 left two hurt.", date(2021, 6, 5)) == [("2021-06-02", "day")]
    assert days("Half the class, 1/2, was absent.", date(2021, 6, 5)) == []


def test_a_month_and_day_without_a_year_long_past_is_a_day_to_come_and_is_dropped():
    assert days("A hearing was set for Oct. 14.", date(2021, 8, 10)) == []
    assert days("She was shot on Sept. 28.", date(2021, 12, 10)) == [("2021-09-28", "day")]
    assert days("He was shot on Sept. 28, 2020.", date(2021, 7, 10)) == [("2020-09-28", "day")]


def test_a_weekend_has_week_precision_from_its_saturday():
    assert days("A man was arrested in a weekend shooting.", date(2021, 3, 9)) == [("2021-03-06", "week")]


def test_early_before_a_written_day_is_that_day_not_the_month():
    assert days("Casings lay on the street after a shooting early March 5, 2021.", date(2021, 3, 6)) == \
        [("2021-03-05", "day")]
    assert days("The robbery happened in early March.", date(2021, 3, 26)) == [("2021-03-01", "month")]


def test_a_page_stamp_earlier_than_the_metadata_is_the_day_the_words_were_written():
    lines = ["Updated: 03/07/2021 4:10 PM", "Created: 03/06/2021 5:02 AM KXYZ.com", "A man was shot early Saturday."]
    assert dates.stamped_day(lines, date(2023, 1, 14)) == date(2021, 3, 6)
    assert dates.stamped_day(["(Published Saturday, March 6, 2021)"], date(2021, 3, 7)) == date(2021, 3, 6)
    assert dates.stamped_day(lines, date(2021, 3, 5)) is None  # a later stamp is an update, not a correction
    assert dates.stamped_day(["A man was shot early Saturday."], date(2021, 3, 7)) is None


def test_the_event_date_of_a_page_whose_metadata_is_years_late():
    from corroborate.model import Article
    from corroborate.pipeline import process
    a = process(Article(input="t.txt", title="Nine hurt in club shooting", format="text", published="2023-01-14",
                        raw_text="Updated: 03/07/2021 4:10 PM\n\nCreated: 03/06/2021 5:02 AM\n\n"
                                 "Nine people were wounded in a shooting at a nightclub early Saturday, police said."))
    assert next(c.value["date"] for c in a.claims if c.kind == "date") == "2021-03-06"


def test_a_clock_time_before_a_weekday_and_date_ties_the_date_to_the_event():
    from corroborate.model import Article
    from corroborate.pipeline import process
    a = process(Article(input="t.txt", title="Girl shot at home", format="text", published="2021-03-08",
                        raw_text="Deputies reached a farmhouse on Quarry Lane at about 1:10 a.m. Sunday, March 7, "
                                 "when a neighbor phoned to say a girl had been shot. A stolen-car report came in "
                                 "at about 9 p.m. Saturday."))
    assert next(c.value["date"] for c in a.claims if c.kind == "date") == "2021-03-07"


def event_date(text: str, published: str) -> str:
    from corroborate.model import Article
    from corroborate.pipeline import process
    a = process(Article(input="t.txt", title="A report", format="text", published=published, raw_text=text))
    return next(c.value["date"] for c in a.claims if c.kind == "date")


def test_an_older_written_day_of_the_shooting_beats_a_month_named_in_passing():
    text = ("Police arrested a man Thursday in the death of a boy, 8. The boy was killed when a gunman fired into "
            "his family's home Feb. 20. Shots struck the same home in January, police said.")
    assert event_date(text, "2021-03-26") == "2021-02-20"


def test_a_suicide_dates_the_event_before_a_later_arrest():
    text = ("The 17-year-old committed suicide on December 21, 2020, near his family's home in Lowe County. "
            "On Thursday, more than a month and a half after that night, his former manager at the diner on "
            "Route 9 was arrested and charged.")
    assert event_date(text, "2021-02-05") == "2020-12-21"


def test_date_cue_is_the_same_test_as_its_pattern():
    from corroborate.clean import lower
    from corroborate.dates import _CUE, _cue

    for text in ("The ferry to Dunmere left at 6/14 sharp.", "Crews worked through the night in Halvik.",
                 "The council met to discuss the new library.", "She visited Corbeth in March."):
        low = lower(text)
        assert _cue(low) == bool(_CUE.search(low))


def test_last_and_a_weekday_one_or_two_days_back_is_the_week_before():
    assert days("He was shot last Tuesday.", date(2022, 1, 20)) == [("2022-01-11", "day")]  # a Thursday
    assert days("He was shot last Tuesday.", date(2022, 1, 22)) == [("2022-01-18", "day")]  # a Saturday
    assert days("He was shot Tuesday.", date(2022, 1, 20)) == [("2022-01-18", "day")]


def test_a_line_that_is_only_a_date_gives_the_day_the_lines_under_it_were_written():
    lines = ["Man dies of his wounds", "January 20, 2022", "The man has died.", "Posted: Wed, 01/12/2022 3:10 PM",
             "He was shot Monday night.", "May 3, 2023"]
    got = dates.section_days(lines, date(2022, 1, 21))
    assert got == [date(2022, 1, 21), date(2022, 1, 21), date(2022, 1, 20), date(2022, 1, 20), date(2022, 1, 12),
                   date(2022, 1, 12)]
    # a date inside a sentence is no stamp
    assert dates.section_days(["It opened on January 3, 2019.", "Crews came Monday."], date(2022, 1, 21)) == \
        [date(2022, 1, 21)] * 2


def test_the_older_update_of_a_page_dates_its_weekdays_from_its_own_stamp():
    text = ("January 20, 2022\n\nThe man wounded by gunfire on Quenby Lane in Halvik Creek has died, his sister says."
            "\n\nHe was 44.\n\nHe leaves two daughters.\n\nJanuary 12, 2022\n\nDeputies went to a farmhouse on "
            "Quenby Lane in Halvik Creek around 10 p.m. Monday night and found a man with a bullet wound to the arm.")
    assert event_date(text, "2022-01-21") == "2022-01-10"


def test_a_paragraph_opening_with_an_update_label_and_day_was_written_that_day():
    lines = ["UPDATE 3/9: The man shot on Quarry Lane has died, his family said.",
             "PREVIOUS 3/2: Deputies are looking into a shooting on Quarry Lane.", "He was hit Tuesday night.",
             "[Update 12/30 @ 4:10 p.m.] The store reopened."]
    assert dates.section_days(lines, date(2022, 3, 10)) == [date(2022, 3, 9), date(2022, 3, 2), date(2022, 3, 2),
                                                             date(2021, 12, 30)]
    # no day in the label, or a count that only looks like one: the page's own day
    assert dates.section_days(["UPDATE: Two men are in custody.", "Update 4:15 p.m. Friday: He is stable."],
                              date(2022, 3, 10)) == [date(2022, 3, 10)] * 2
    text = ("UPDATE 3/9: The Quarry Lane man in Halvik Creek died in hospital, his cousin told reporters on Sunday.\n\n"
            "PREVIOUS 3/2: Deputies are looking into a shooting in Halvik Creek.\n\n"
            "A man was shot Tuesday outside a feed store on Quarry Lane.")
    assert event_date(text, "2022-03-10") == "2022-03-01"  # the Tuesday before March 2, not before March 10


def test_a_day_inside_the_week_or_month_the_event_is_dated_by_says_which_day():
    text = ("The man a deputy shot at last week was ordered held without bail on Wednesday. He had been waving "
            "a rifle at cars on Alder Road in Halvik Creek on Friday night.")
    assert event_date(text, "2022-03-16") == "2022-03-11"
    # a day outside that week does not refine it
    text = ("The man a deputy shot at last week was ordered held without bail on Wednesday. He had been seen "
            "on Alder Road in Halvik Creek on Monday.")
    assert event_date(text, "2022-03-16") == "2022-03-07"


def test_a_weekday_before_a_plan_is_a_day_to_come_not_the_event():
    text = ("As a boy and his uncle sat on the porch in Bexley Fen on the evening of May 3, a bullet tore into his arm. "
            "So on Friday, as he turns 9, his parents will keep watch at the hospital.")
    assert event_date(text, "2022-05-21") == "2022-05-03"


def test_an_arrest_made_without_incident_is_no_shooting():
    text = ("Deputies say a man shot his neighbor in Bexley Fen on March 2. "
            "Troopers took him into custody without incident shortly before 9 p.m. Friday at a Corran motel.")
    assert event_date(text, "2022-03-12") == "2022-03-02"


def test_a_shooting_that_was_reported_on_a_day_happened_that_day():
    text = ("On Wednesday, police arrested a second man, 20, in the case. "
            "The shooting was reported the night of Feb. 9 near a park in Halvik Creek.")
    assert event_date(text, "2022-03-04") == "2022-02-09"


def test_a_day_said_right_before_a_statement_verb_is_the_statement_s():
    text = ("A sheriff's spokesman on Wednesday said the man killed in a store robbery in Bexley Fen was 24. "
            "Officials say he tried to rob the store at gunpoint on Nov. 22.")
    assert event_date(text, "2022-11-30") == "2022-11-22"


def test_a_day_someone_was_to_do_something_is_no_event_date():
    text = ("Corran man shot near campus was to start a new job Monday. "
            "Gunfire outside a Corran diner early Sunday left one man dead and two others hurt.")
    assert event_date(text, "2022-09-25") == "2022-09-25"


def test_on_that_weekday_refers_back_and_is_not_resolved_against_publication():
    assert days("The shots came just after 5 on that Saturday evening.", date(2022, 7, 30)) == []
    assert days("The girl was shot on July 16. The gun was found the following Tuesday.", date(2022, 8, 3)) == \
        [("2022-07-16", "day")]
    assert days("He died following Thursday night's shooting.", date(2022, 8, 5)) == [("2022-08-04", "day")]


def test_a_family_gathering_and_a_911_call_place_the_event():
    text = ("Deputies arrested the man hours after a woman was shot at a family gathering near the lake on May 20. "
            "He pleaded guilty to the charges Wednesday.")
    assert event_date(text, "2022-10-05") == "2022-05-20"
    text = ("On Monday, a cleaning crew went through the house in Halvik Creek. "
            "Her husband placed a 911 call Saturday morning, an agency spokeswoman said.")
    assert event_date(text, "2022-03-29") == "2022-03-26"


def test_a_meeting_named_by_its_day_is_not_the_event():
    text = ("The town board will look at the shooting that wounded two men at its Wednesday meeting. "
            "Shots were fired at a bar in Corran early Saturday.")
    assert event_date(text, "2022-03-08") == "2022-03-05"


def test_of_older_days_the_latest_is_nearest_the_report_s_story():
    text = ("On July 31, gunfire between two neighbors killed a Corran man. "
            "Detectives have said little about the Aug. 22 triple homicide in Bexley Fen.")
    assert event_date(text, "2022-09-20") == "2022-08-22"


def test_a_judge_s_day_is_a_follow_up():
    text = ("A Corran County judge on Wednesday ruled that a boy, 13, will stand trial for manslaughter over the "
            "accidental shooting death of a classmate inside an old fishing shack on the far bank of the Corran "
            "River Tuesday night.")
    assert event_date(text, "2022-06-23") == "2022-06-21"


def test_with_no_date_in_the_words_the_page_stamp_beats_late_metadata():
    from corroborate.extract import facts
    from corroborate.model import Article
    from corroborate.pipeline import process
    a = process(Article(input="t.txt", title="Two hurt in Corran", format="text", published="2023-01-14",
                        raw_text="Created: 03/06/2021 5:02 AM\n\nTwo men were wounded outside a bar in Corran, "
                                 "police said."))
    f = facts(a)
    assert (f["date"], f["date_basis"]) == ("2021-03-06", "stamp")
    a = process(Article(input="t.txt", title="Two hurt in Corran", format="text", published="2023-01-14",
                        raw_text="Two men were wounded outside a bar in Corran, police said."))
    assert (facts(a)["date"], facts(a)["date_basis"]) == ("2023-01-14", "published")


def test_a_vigil_where_the_shots_were_fired_is_the_event_s_day():
    text = ("Four people were shot at a vigil in Halvik Creek Monday evening, police said. "
            "The vigil was for a man who was killed Sunday.")
    assert event_date(text, "2022-07-12") == "2022-07-11"
    text = ("Nobody faces charges yet over the killing of a man on Sunday, lawyers told the court during a bail "
            "hearing Wednesday.")
    assert event_date(text, "2022-07-15") == "2022-07-10"


def test_an_act_the_suspect_is_also_accused_of_is_not_the_report_s_event():
    text = ("Prosecutors say Dravik shot at a house on Quenby Lane in Corran on Dec. 27. "
            "Dravik also fired at a parked van two streets over on Dec. 28, they say.")
    assert event_date(text, "2023-01-12") == "2022-12-27"


def test_an_act_a_suspect_is_also_wanted_for_gives_way_to_a_lesser_tie_to_this_event():
    # "is also a suspect in a burglary that happened on Monday": another act, even though "happened" names it;
    # the day of this report's shooting, told only beside a find, still dates the event
    text = ("Deputies found a rifle in the pickup the two men left behind on Wednesday before the shooting at the "
            "Tarrow Mill feed store. Ostrander is also a suspect in a burglary in Kelby Hollow that happened on Monday.")
    assert event_date(text, "2021-05-14") == "2021-05-12"
    text = text.replace("is also a suspect in", "is wanted for")
    assert event_date(text, "2021-05-14") == "2021-05-10"


def test_a_day_written_out_in_full_reads_as_dateparser_reads_it():
    import dateparser
    base = date(2021, 3, 15)
    for text in ("Aug. 9, 2015", "aug 9 2015", "Sept. 3, 2019", "3 September 2019", "MAY 1, 2016", "December 31, 1999",
                 "Feb. 30, 2015", "Jun 31 2020", "Smarch 3, 2015",
                 # no year: the last such day on or before the base (the same day counts; a later one is last year's)
                 "March 15", "March 16", "Dec. 31", "3 Jan", "Feb. 29", "Feb 30"):
        want = dateparser.parse(text, settings={"RELATIVE_BASE": datetime(2021, 3, 15, 12), "PREFER_DATES_FROM": "past"},
                                languages=["en"])
        assert dates._parse.__wrapped__(text, base) == (want.date() if want else None), text


def _dateparser_day(text: str, base: date) -> date | None:
    import dateparser
    got = dateparser.parse(text, settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
                                           "PREFER_DATES_FROM": "past"}, languages=["en"])
    return got.date() if got else None


def test_a_weekday_named_alone_goes_back_as_dateparser_reads_it():
    # worked out without dateparser: the same day a week back, else the last such day before
    for weekday in range(7):
        base = date(2022, 5, 2 + weekday)  # Monday May 2, 2022, plus weekday days
        for name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            assert base - dates._weekday(name, base) == base - _dateparser_day(name, base), (name, base)
    assert days("Teodor Quill was shot Friday night near the quarry.", date(2022, 5, 3)) == [("2022-04-29", "day")]


def test_a_month_named_alone_is_the_month_dateparser_gives():
    assert days("Two men were wounded in early September at the fair.", date(2021, 3, 10)) == [("2020-09-01", "month")]
    assert days("The shop in Vexford Creek was robbed in March.", date(2021, 3, 10)) == [("2021-03-01", "month")]
    assert days("It closed in May 2014.", date(2021, 3, 10)) == [("2014-05-01", "month")]
    names = ("january feb. march apr may june jul. august sept. sep october nov december".split()
             + ["sept", "may 2014", "dec 1999"])
    # (after the 28th dateparser may name another year: "february" on January 30, 2016 is 2012's; it is asked then)
    for base in (date(2021, 1, 28), date(2020, 2, 29), date(2016, 1, 30), date(2019, 7, 1), date(2018, 12, 15)):
        for words in names:
            want = _dateparser_day(words, base)
            assert dates._month(words, base) == (want.replace(day=1) if want else None), (words, base)


def test_new_years_eve_named_alone_is_a_date():
    # no other date word in the sentence: the holiday's name is its own cue
    assert days("Deputies seek the driver in the New Year's Eve shooting at Bexley Ford.",
                date(2022, 1, 3)) == [("2021-12-31", "day")]


def test_a_day_before_a_month_after_is_the_event_s_own():
    text = ("A cook was killed outside a diner in Marlow Creek on Saturday, a month after a waiter was shot "
            "on the same corner.")
    assert event_date(text, "2021-03-08") == "2021-03-06"


def test_the_day_of_other_shootings_told_alongside_is_not_the_event_s():
    text = ("A woman was found dead in a parked van on Tern Road in Bexley Ford on Friday morning, police said. "
            "In other shootings on Thursday, a cyclist and a grocer were hurt by gunfire at Marlow Creek.")
    assert event_date(text, "2021-03-06") == "2021-03-05"


def test_a_video_s_length_and_title_is_a_link_to_another_story_not_a_date():
    text = ("0:41 Crews battle a barn fire near Tolley Mills Tuesday night\n\n"
            "A boy, 9, was wounded when a rifle went off in a shed in Marlow Creek, deputies said.")
    from corroborate.model import Article
    from corroborate.pipeline import process
    a = process(Article(input="t.txt", title="Boy hurt", format="text", published="2021-03-05", raw_text=text))
    assert not [c for c in a.claims if c.kind == "date"]
    assert event_date("The shots came at 10:15 p.m. Tuesday from a passing car.", "2021-03-05") == "2021-03-02"


def test_a_day_in_a_courtroom_or_courthouse_is_a_follow_up_s():
    from corroborate.extract import date_tie
    for place in ("courtroom", "courthouse"):
        text = f"The man who shot two hunters near Tolley Mills was back in a {place} Thursday."
        at = text.index("Thursday")
        assert date_tie(text, at, at + len("Thursday")) == 4
    text = "Two hunters were shot near Tolley Mills on Thursday."
    at = text.index("Thursday")
    assert date_tie(text, at, at + len("Thursday")) == 0


def test_an_opening_day_that_only_names_the_shooting_as_a_known_thing_is_not_its_day():
    # "late Tuesday ... in the shooting": something new about it that day; the written day is the act's
    text = ("Late Wednesday, new details came out in the shooting of a courier who fled from deputies. "
            "Six days on, neighbours on Quenby Lane still talk of the March 1 shooting near the mill pond.")
    assert event_date(text, "2021-03-07") == "2021-03-01"
    from corroborate.extract import date_tie
    text = "On Tuesday, a courier was shot near the mill pond at Marlow Creek."
    assert date_tie(text, 3, 10) == 0


def test_a_new_year_s_eve_party_runs_past_midnight_and_a_clock_time_dates_the_shots():
    text = ("Two guests were hurt at the grange hall's New Year's Eve celebration, Bexley Ford deputies said. "
            "Deputies were called to the farmhouse on Tern Road at about 1:40 a.m. Jan. 1.")
    assert event_date(text, "2022-01-04") == "2022-01-01"
    # named alone it is still the date
    assert event_date("Two guests were hurt at the grange hall's New Year's Eve celebration.",
                      "2022-01-04") == "2021-12-31"
    assert event_date("Two guests were hurt at a Saturday evening party in Bexley Ford. Deputies came on Sunday.",
                      "2022-01-04") == "2022-01-01"


def test_a_sentence_a_page_repeats_three_times_is_a_teaser_and_gives_no_event_date():
    teaser = "A Brenford man was pulled over by a deputy around 11 p.m. Saturday on Route 4."
    text = (f"{teaser} {teaser} A boy was shot at the Linnet Court apartments in Marlow Creek just after 7 a.m. "
            f"this morning, deputies said. {teaser}")
    assert event_date(text, "2021-06-15") == "2021-06-15"
    # said twice, it is still the story's own
    assert event_date(text.replace(f" {teaser}", "", 1), "2021-06-15") == "2021-06-12"


def test_a_day_the_police_came_is_told_apart_from_a_day_the_act_s_words_give():
    from corroborate.extract import answered

    def said(text: str) -> bool:
        at = text.index("Monday")
        return answered(text.lower(), at, at + len("Monday"), text)
    assert said("Officers responded to a house on Tern Road in Bexley Ford on Monday.")
    # a court that is a street's name is no court step between the call and the day
    assert said("Officers responded to a house on Wrenfold Court on Monday.")
    assert not said("Officers responded to a report and took him to court on Monday.")
    assert said("On Monday, deputies were dispatched to the grain elevator.")
    assert not said("Officers responded to the shooting on Monday.")
    assert not said("A farmhand was shot on Tern Road on Monday, deputies said after they were called.")


def test_reports_of_gunfire_received_on_a_day_date_the_event_like_a_911_call():
    text = ("The Harl County coroner confirmed Monday evening that two people had died at a farm outside Tolley Mills. "
            "On Sunday, the Gazette received several reports from residents that there was gunfire "
            "on the farm; officials confirmed nothing before Monday.")
    assert event_date(text, "2021-09-15") == "2021-09-12"
    from corroborate.extract import answered
    low = "on sunday, the sheriff's office received calls about gunfire on the farm."
    assert answered(low, 3, 9)  # a call the police took, not the act's own words


def test_a_late_evening_hour_told_without_a_day_is_the_night_before_the_report():
    assert dates.night_before("around 11 p.m.") and dates.night_before("10:40pm")
    assert dates.night_before("just before midnight")
    # an evening hour a same-day report may well tell, and the small hours, are the report's own day
    assert not dates.night_before("about 8 p.m.") and not dates.night_before("shortly after midnight")
    assert not dates.night_before("11 a.m.") and not dates.night_before("night") and not dates.night_before(None)
    from corroborate.extract import facts
    from corroborate.model import Article
    from corroborate.pipeline import process

    def told(text: str) -> tuple[str, str]:
        f = facts(process(Article(input="t.txt", title="Boy hurt in Tolley Mills", format="text",
                                  published="2022-10-18", raw_text=text)))
        return f["date"], f["date_basis"]
    assert told("Deputies were called to a house on Tern Road around 11 p.m. after a bullet grazed a boy's foot.") \
        == ("2022-10-17", "published")
    assert told("Deputies were called to a house on Tern Road around 4 p.m. after a bullet grazed a boy's foot.") \
        == ("2022-10-18", "published")


def test_an_event_told_over_two_days_joined_by_and_or_or_keeps_the_last_day_of_the_run():
    from corroborate.model import Article
    from corroborate.pipeline import process

    def value(text: str) -> dict:
        a = process(Article(input="t.txt", title="A report", format="text", published="2022-10-22", raw_text=text))
        return next(c.value for c in a.claims if c.kind == "date")
    run = value("Deputies sought a man who fired at cars on Monday evening and Tuesday morning near Tolley Mills.")
    assert (run["date"], run["until"]) == ("2022-10-17", "2022-10-18")  # the event's date is still the first day
    assert value("A farmer shot his neighbor late Tuesday or early Wednesday in Bexley Ford.")["until"] == "2022-10-19"
    # a second act on a later day is no run of the first ("shot Thursday and died Friday")
    assert "until" not in value("A man was shot Thursday and died Friday in Bexley Ford.")


def test_a_headline_of_an_arrest_or_a_charge_with_no_day_in_the_words_dates_the_act_the_day_before():
    assert dates.follow_up_headline("Harl County: Teen arrested after shooting at Tern Road party")
    assert dates.follow_up_headline("Two charged in Bexley Ford killing")
    assert dates.follow_up_headline("Deputies identify man killed on Tern Road")
    assert dates.follow_up_headline("Coroner IDs two dead in Bexley Ford farmhouse")
    # no step of justice taken, or a suspect held at the scene: the report may be the act's own day
    assert not dates.follow_up_headline("No charges filed in Bexley Ford hunting death")
    assert not dates.follow_up_headline("Man in custody after Tern Road shooting")
    assert not dates.follow_up_headline("Man in cardiac arrest after Tern Road shooting")
    assert not dates.follow_up_headline("Driver shot while resisting arrest on Tern Road")
    assert not dates.follow_up_headline("Boy hurt in Tolley Mills shooting") and not dates.follow_up_headline(None)
    from corroborate.extract import facts
    from corroborate.model import Article
    from corroborate.pipeline import process

    def told(title: str) -> str:
        return facts(process(Article(input="t.txt", title=title, format="text", published="2022-10-18",
                                     raw_text="A bullet grazed a boy's foot at a house on Tern Road, deputies said.")))["date"]
    assert told("Farmhand arrested after boy shot on Tern Road") == "2022-10-17"
    assert told("Boy shot on Tern Road") == "2022-10-18"


def test_a_street_court_or_a_memorial_hospital_is_a_place_not_a_court_step_or_a_memorial():
    # "Court" and "Memorial" in a place's name do not make the day a follow-up's: the act's words before them do
    text = ("Police said Saturday that one man was killed in the city this week. "
            "Deputies found a man dead inside a house on Wrenfold Court on Friday.")
    assert event_date(text, "2022-10-08") == "2022-10-07"
    text = ("Officers said Monday that two people were wounded in the city. "
            "One teen was shot and taken to Halvik Memorial Hospital on Sunday.")
    assert event_date(text, "2022-10-10") == "2022-10-09"
    # a court by its kind is still a court step, and so is a memorial service
    from corroborate.extract import date_tie

    sentence = "The man appeared in Superior Court on Monday, a week after the shooting."
    assert date_tie(sentence, sentence.index("Monday"), sentence.index("Monday") + 6) == 4
    sentence = "A Memorial service for the teen was held Sunday, police said."
    assert date_tie(sentence, sentence.index("Sunday"), sentence.index("Sunday") + 6) == 4
