"""Date expressions found and resolved against a publication day (dates.find), on short texts."""

from __future__ import annotations

from datetime import date

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
