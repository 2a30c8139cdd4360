"""When: date expressions in a sentence, resolved against the publication date with dateparser.

A report says "on Friday", "Tuesday night", "yesterday", "last weekend",
"Sept. 30" or "in late September".  ``find`` returns each expression with the
date it names (``resolve``), a precision and the time of day when the words
give one.  Rules worth knowing:

- a weekday means the most recent such day up to the publication day
  ("Saturday" in a Saturday report is that day, not a week earlier); "last Tuesday" one or
  two days back is the week before's (a writer says "Tuesday" or "yesterday" for those);
- "last weekend"/"over the weekend" → the Saturday before, precision week;
  "last week" → precision week; "last month", "in September" → precision month;
- a date after the publication day is dropped: reports do not describe the future
  as done, and such a match is usually a misread; so is a month and day without a
  year more than half a year back ("a hearing set for Oct. 14", written in August, is this October's);
- holidays ("Christmas Eve", "on Thanksgiving", "Mother's Day") are their last day up to
  the publication day; "6/24/2013" is month/day/year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import dateparser

from .clean import Cue, lower

if TYPE_CHECKING:
    from .model import Article

_MONTHS = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
           r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
# Holidays a report names instead of a date: (words, month, day) or (words, month, weekday, nth; -1 = last).
# A bare "Christmas", "Thanksgiving" or "Halloween" is often an adjective ("a Christmas party"): only with
# "on" before it or a part of the day after it.
_HOLIDAY_DAYS = (
    (r"christmas\s+eve", 12, 24), (r"christmas(?:\s+day)?", 12, 25), (r"new\s+year['’]?s\s+eve", 12, 31),
    (r"new\s+year['’]?s\s+day", 1, 1), (r"(?:the\s+)?fourth\s+of\s+july|july\s+fourth|independence\s+day", 7, 4),
    (r"halloween", 10, 31), (r"valentine['’]?s\s+day", 2, 14),
    (r"thanksgiving(?:\s+day)?", 11, 3, 4), (r"memorial\s+day", 5, 0, -1), (r"labor\s+day", 9, 0, 1),
    (r"mother['’]?s\s+day", 5, 6, 2), (r"father['’]?s\s+day", 6, 6, 3))
_HOLIDAYS = ("(?:" + "|".join(rf"(?<=on\s){h[0]}|(?:{h[0]})(?=\s+{_PART})" if h[0].startswith(("christmas(", "thanksgiving", "halloween"))
                              else h[0] for h in _HOLIDAY_DAYS) + ")")

# run over lower(sentence) (the same offsets), case-sensitive: several times faster than IGNORECASE
_MONTHS_LOW, _DAYS_LOW = _MONTHS.lower(), _DAYS.lower()
_EXPR = re.compile((
    rf"(?P<md>\b{_MONTHS_LOW}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?)"
    rf"|(?P<dm>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS_LOW}\b(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?)"
    rf"|(?P<wd>\b(?:(?:last|this|early|late|on)\s+)?{_DAYS_LOW}(?:\s+{_PART})?\b)"
    rf"|(?P<rel>\b(?:yesterday|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|tonight|today|"
    rf"earlier\s+today|overnight)\b)"
    rf"|(?P<wk>\b(?:last|this|over\s+the|during\s+the|on\s+the|the|a)\s+weekend\b|\blast\s+week\b)"
    rf"|(?P<mo>\b(?:last\s+month|(?:in\s+)?(?:early|mid|late)[\s-]+{_MONTHS_LOW}(?![\s.]*\d{{1,2}}\b)|in\s+{_MONTHS_LOW}"
    rf"(?:\s+(?:19|20)\d\d)?)\b)"
    ))

# Rarer forms, searched only in a sentence that has their cue (``_EXTRA_CUE``): the main pattern stays fast.
_EXTRA = re.compile((
    rf"(?P<num>\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:(?:19|20)\d\d|\d\d)\b)"
    rf"|(?P<hol>\b(?:(?:on\s+)?{_HOLIDAYS}(?:\s+{_PART})?)\b)"
    ))
_ANAPHORIC = re.compile(r"\b(?:on\s+that|that\s+same|the\s+following|the\s+next)\s+$")  # before a weekday, over lower(sentence)
_EXTRA_CUE = re.compile(r"\d/\d|christmas|new year|fourth|independence|halloween|valentine|thanksgiving|"
                        r"memorial day|labor day|mother|father")

_TIME = re.compile(
    r"\b(?P<q>around|about|at|shortly\s+(?:after|before)|just\s+(?:after|before)|before|after|near)?\s*"
    r"(?P<t>noon|midnight|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b))"
    r"|\b(?P<part>(?:early|late)\s+(?:morning|afternoon|evening|night)|morning|afternoon|evening|"
    r"night|overnight|dawn|dusk)\b")  # over lower(sentence)


_CUE = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|night|week|month|morning|"
                  r"afternoon|evening|christmas|thanksgiving|halloween|new\s+year|\d/\d")
_cue = Cue(_CUE)  # the same test, faster


@dataclass(slots=True)
class When:
    """A date expression, the day it names and how precisely, with its span in the sentence."""

    date: str        # ISO day; for week/month precision the start of the span meant
    precision: str   # day | week | month
    text: str
    start: int
    end: int
    time: str | None = None


def span(value: str, precision: str) -> tuple[date, date]:
    """The days a date covers ("2019-11-01" or "2019-11"): its day, its week (from that day), or its month."""
    day = date.fromisoformat(value[:10] if len(value) >= 10 else value + "-01")
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        day = day.replace(day=1)
        return day, (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return day, day


def published_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published[:10]).date()
    except ValueError:
        return None


# "Updated: 05/02/2019 7:41 PM", "(Published Monday, Feb. 9, 2015)", "March 3, 2021": a page's own stamp, a line
# of its own at the top
_STAMP_LINE = re.compile(
    r"^\W*(?:(?:posted|created|published|updated|last\s+updated)(?:\s+on)?\s*:?\s*)?(?:[A-Za-z]{3,9}\.?,?\s+)?"
    rf"(?:(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>(?:19|20)\d\d)|(?P<md>{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d))\b",
    re.IGNORECASE)


def _stamp_day(m: re.Match, published: date | None) -> date | None:
    if m["m"]:
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    if published:
        return _parse(m["md"].replace("Sept.", "Sep.").replace("sept.", "sep."), published)
    return None


def stamped_day(lines: list[str], published: date | None) -> date | None:
    """The day a page's own stamp in its first lines gives, when it is earlier than ``published`` (metadata
    is often the day a page was last touched or copied, and relative words were written on the first day)."""
    found = [d for line in lines[:4] if len(line) <= 80 and (m := _STAMP_LINE.match(line))
             and (d := _stamp_day(m, published))]
    day = min(found, default=None)
    return day if day and published and day < published else None


def written_day(article: "Article") -> date | None:
    """The day a report was written: its page's own stamp ("Updated: 03/11/2019") when that is earlier than
    the metadata's day (a crawl or re-publication time), else the publication day. Its relative words
    ("on Friday") were written on that day, so extraction reads them against it and reconcile bounds by it."""
    day = published_day(article.published)
    return stamped_day([s.text for s in article.sentences[:4]], day) or day


# A line that is a date and nothing else ("December 30, 2014", "Posted: Tue, 01/05/2016 3:10 PM"): in the
# body it heads one update or story of a page that holds several, each written on its own day.
_STAMP_ONLY = re.compile(
    r"\W*(?:(?:posted|created|published|updated|last\s+updated)(?:\s+on)?\s*:?\s*)?(?:[A-Za-z]{3,9}\.?,?\s+)?"
    rf"(?:(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>(?:19|20)\d\d)|(?P<md>{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d))"
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\W*", re.IGNORECASE)


def stamp_only(line: str) -> re.Match | None:
    """A line that is a date and nothing else (``_STAMP_ONLY``): a page's or a section's stamp."""
    return _STAMP_ONLY.fullmatch(line) if len(line) <= 60 and _cue(lower(line)) else None


# "UPDATE 6/14: ...", "PREVIOUS 6/9: ...", "Update (March 3, 2020) -- ...", "[UPDATE 2/7/19 @ 4:50 p.m.]": a label
# that opens a paragraph with the day that paragraph (and the ones under it) was written
_LABEL_FIRST = frozenset("UuPpOoEe")  # (a cheap test first: the label's first letter)
_LABEL_START = re.compile(r"\W{0,4}(?:update|previous|original|earlier\s+(?:story|report|post))", re.IGNORECASE)
_UPDATE_LABEL = re.compile(
    r"\W{0,4}(?:updated?|previous(?:\s+(?:update|story|report|post))?|original(?:\s+(?:story|report|post))?|"
    r"earlier\s+(?:story|report|post))\b[\s,:;@(\[*–—-]*(?:at\s+)?"
    r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?,?\s*(?:\([A-Z]{2,4}\)\s*)?)?[\s(\[]*(?:on\s+)?(?:[A-Za-z]{3,9}day,?\s+)?"
    rf"(?:(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?:/(?P<y>(?:19|20)?\d\d))?|(?P<md>{_MONTHS}\s+\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<y2>(?:19|20)\d\d))?)\b(?![/\d])", re.IGNORECASE)


def _label_day(m: re.Match, base: date) -> date | None:
    """The day of an update label: a month and day without a year is the one nearest ``base``."""
    if m["m"]:
        year = m["y"]
        try:
            got = date(int(year) + (2000 if len(year) == 2 else 0) if year else base.year, int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    else:
        words = m["md"].replace("Sept.", "Sep.").replace("SEPT.", "SEP.").replace("sept.", "sep.")
        got = _parse(f"{words} {m['y2'] or base.year}", base)
        if got is None:
            return None
        year = m["y2"]
    if not year:  # "UPDATE 1/3" on a page of Dec. 30 is January's
        if (got - base).days > 183:
            got = got.replace(year=got.year - 1)
        elif (base - got).days > 183:
            got = got.replace(year=got.year + 1)
    return got


def section_days(lines: list[str], base: date | None) -> list[date | None]:
    """The day each line was written: ``base`` (the page's day), or for the lines after a line that is only a
    date ("January 8, 2015"), that date when it is not later than ``base``. A page that keeps a story's updates
    one under another, each headed by its day, has "Monday night" in the oldest one meaning that week's Monday.
    A paragraph that opens with an update's label and day ("PREVIOUS 6/9: Deputies are looking into ...") was
    written that day, and so were the ones under it."""
    out, day = [], base
    for line in lines:
        if base and line[:5].lstrip("[(*-—– ")[:1] in _LABEL_FIRST and _LABEL_START.match(line) \
                and (m := _UPDATE_LABEL.match(line)) and m.end() <= 60:
            got = _label_day(m, base)
            if got:
                day = min(got, base)
        out.append(day)
        if base and (m := stamp_only(line)):
            got = _stamp_day(m, base)
            if got:
                day = min(got, base)
    return out


# "Aug. 9, 2015", "9 August 2015": a day written out in full needs no calendar, only the month's number
# (dateparser takes about 0.6 ms for each such string; most date strings in news are of this kind)
_MONTH_NUMBER = {name: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), 1) for name in names}
_WRITTEN_OUT = re.compile(r"(?:(?P<m>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3,9})\.?)"
                          r"(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _parse(text: str, base: date) -> date | None:
    if (m := _WRITTEN_OUT.fullmatch(text)) and (month := _MONTH_NUMBER.get((m["m"] or m["m2"]).lower())):
        try:
            if m["y"]:
                return date(int(m["y"]), month, int(m["d"] or m["d2"]))
            got = date(base.year, month, int(m["d"] or m["d2"]))  # "June 5": the last one on or before base
            return got if got <= base else got.replace(year=base.year - 1)
        except ValueError:
            pass  # "Feb. 30, 2015", "Feb. 29" after a leap year: dateparser's reading
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    got = dateparser.parse(text, settings=settings, languages=["en"])
    return got.date() if got else None


def _weekday(day: str, base: date) -> date | None:
    """``_parse`` of a weekday name: the same days back from any base on the same weekday, so
    dateparser runs once per name and weekday instead of once per name and publication day."""
    back = _weekday_back(day, base.weekday())
    return None if back is None else base - timedelta(days=back)


_WEEKDAY_NUMBER = {name: i for i, name in enumerate(_DAYS_LOW[3:-1].split("|"))}  # "monday": 0


@lru_cache(maxsize=256)
def _weekday_back(day: str, weekday: int) -> int | None:
    if day in _WEEKDAY_NUMBER:  # dateparser's answer (a test checks all 49), without its 2 ms: 1 to 7 days back
        return (weekday - _WEEKDAY_NUMBER[day]) % 7 or 7
    ref = date(2001, 1, 1) + timedelta(days=weekday)  # a Monday, plus weekday days
    got = _parse(day, ref)
    return None if got is None else (ref - got).days


_MONTH_ALONE = re.compile(r"(?P<m>[a-z]{3,9})\.?(?:\s+(?P<y>(?:19|20)\d\d))?")


def _month(words: str, base: date) -> date | None:
    """The first day of the month ``_parse`` gives for "september", "sept." or "may 2014" (lower case). On a base
    day every month has (up to the 28th) that is the month named in the year given, else in the last year
    that has had it by ``base``, as dateparser finds (a test checks every month against it) in 2 ms; after
    the 28th its answer can be another year ("february" on January 30, 2016 is February 2012's), so it is asked."""
    m = _MONTH_ALONE.fullmatch(words)
    month = _MONTH_NUMBER.get(m["m"]) if m else None
    if month and base.day <= 28:
        return date(int(m["y"]) if m["y"] else base.year if month <= base.month else base.year - 1, month, 1)
    got = _parse(words, base)
    return got.replace(day=1) if got else None


def holiday(words: str, base: date) -> date | None:
    """The last day named by a holiday's name on or before ``base`` ("Christmas Eve", "Mother's Day")."""
    for pattern, month, *rule in _HOLIDAY_DAYS:
        if not re.search(rf"\b(?:{pattern})\b", words, re.IGNORECASE):
            continue
        for year in (base.year, base.year - 1):
            if len(rule) == 1:
                day = date(year, month, rule[0])
            else:
                weekday, nth = rule
                if nth > 0:
                    first = date(year, month, 1)
                    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
                else:
                    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
                    day = last - timedelta(days=(last.weekday() - weekday) % 7)
            if day <= base:
                return day
    return None


def resolve(m: re.Match, base: date) -> tuple[date, str] | None:
    """The date and precision of one ``_EXPR`` match (on ``lower(sentence)``), relative to ``base``
    (the publication day)."""
    text = " ".join(m.group(0).split())
    low = text.lower()
    if m.re is _EXTRA:
        if m["num"]:
            month, day, year = (int(x) for x in m["num"].split("/"))
            try:
                return date(year + 2000 if year < 100 else year, month, day), "day"
            except ValueError:
                return None
        got = holiday(low, base)
        return (got, "day") if got else None
    if m["wd"]:
        day = re.search(_DAYS, text, re.IGNORECASE).group(0)
        if day.lower() == base.strftime("%A").lower() and not low.startswith("last"):
            return base, "day"
        got = _weekday(day, base)
        if got and low.startswith("last") and (base - got).days <= 2:
            got -= timedelta(days=7)  # "last Tuesday" written on a Thursday: a week before, else "Tuesday" would do
        return (got, "day") if got else None
    if m["rel"]:
        if low in ("yesterday", "last night"):
            return base - timedelta(days=1), "day"
        return base, "day"
    if m["wk"]:
        if "week" in low and "weekend" not in low:
            return base - timedelta(days=7 + base.weekday()), "week"
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        return saturday, "week"
    if m["mo"]:
        if low == "last month":
            first = base.replace(day=1) - timedelta(days=1)
            return first.replace(day=1), "month"
        words = re.sub(r"^(?:in\s+)?(?:early|mid|late)[\s-]+|^in\s+", "", text, flags=re.IGNORECASE)
        got = _month(words, base)
        return (got, "month") if got else None
    got = _parse(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace("sept.", "sep.")), base)
    return (got, "day") if got else None


def find(sentence: str, base: date | None) -> list[When]:
    """Every date expression in a sentence that resolves to a day not after ``base``."""
    low = lower(sentence)
    if base is None or not _cue(low):
        return []
    out = []
    found = list(_EXPR.finditer(low))
    if _EXTRA_CUE.search(low):
        extra = list(_EXTRA.finditer(low))
        found = sorted([m for m in found if not any(m.start() < x.end() and x.start() < m.end() for x in extra)]
                       + extra, key=lambda m: m.start())
    for m, nxt in zip(found, found[1:] + [None]):
        if m.re is _EXPR and m["wd"] and nxt and nxt.re is _EXPR and (nxt["md"] or nxt["dm"]) and re.fullmatch(r",?\s*", sentence[m.end():nxt.start()]):
            continue  # "on Saturday, July 8": the written date, not the weekday resolved against publication
        if m.re is _EXPR and m["wd"] and _ANAPHORIC.search(low, max(0, m.start() - 16), m.start()):
            continue  # "that Saturday", "the following Monday": a day told relative to another, not to publication
        got = resolve(m, base)
        if not got or got[0] > base:
            continue
        if m.re is _EXPR and (m["md"] or m["dm"]) and not (m["y1"] or m["y2"]) and (base - got[0]).days > 183:
            continue  # "a hearing set for Oct. 14", written in August: a day to come, not last year's
        day, precision = got
        out.append(When(day.isoformat(), precision, sentence[m.start():m.end()], m.start(), m.end(),
                        _time_near(sentence, m)))
    return out


def _time_near(sentence: str, m: re.Match) -> str | None:
    """A time of day given with the date: "Tuesday night", "at 8:15 p.m. Friday"."""
    part = re.search(_PART, m.group(0), re.IGNORECASE)
    if part:
        return part.group(0).lower()
    return time_of_day(sentence[max(0, m.start() - 30): m.end() + 30])


def find_time(sentence: str) -> tuple[str, int, int] | None:
    """The first time of day in a sentence and its span: "around noon", "8:15 p.m.", "early morning"."""
    m = _TIME.search(lower(sentence))
    if not m:
        return None
    if m["t"]:
        q = f"{' '.join(m['q'].split()).lower()} " if m["q"] and m["q"].lower() != "at" else ""
        return q + m["t"].lower(), m.start(), m.end()
    return " ".join(m["part"].lower().split()), m.start(), m.end()


# "around 11 p.m.", "10:40 pm", "just before midnight": an hour so late in the evening that a page written the
# same day could hardly tell of it (a report is written hours after; one posted within the hour is rare)
_LATE_EVENING = re.compile(r"(?:^|\s)(?:1[01](?::[0-5]\d)?\s*p\.?m\b|(?:just|shortly)\s+before\s+midnight)")


def night_before(time: str | None) -> bool:
    """Whether a time of day a report tells without a day ("police were called around 11 p.m.") puts the event in
    the night before the day the report was written: from 10 p.m. to midnight.  A report written on a Tuesday
    that gives no day for "around 11 p.m." means Monday's 11 p.m., as it would say "last night"."""
    return bool(time) and _LATE_EVENING.search(time.lower()) is not None


# "Teen arrested after shooting", "Two charged in Quarry Lane killing", "Police identify man killed on Linnet Lane":
# a headline that reports a step of justice or the naming of someone hit, which come after the act ("No charges
# filed" is no such step)
# (not "in custody": a suspect may be held at the scene, the same night)
_JUSTICE = re.compile(r"\b(?:arrest(?:ed|s)?|charged|indicted|arraigned|booked|convicted|sentenced|pleads?|pleaded|"
                      r"faces?\s+charges|identif(?:y|ies|ied)|ids?|id['’]d|names|named)\b")
# ... nor is the arrest of a heart, or one resisted during the act itself
_NO_JUSTICE = re.compile(r"\b(?:no|not|without)\b[^,;:]{0,30}\b(?:arrest|charge|custody)|"
                         r"\b(?:cardiac|heart|respiratory|resist\w*)\s+arrest")


def follow_up_headline(title: str | None) -> bool:
    """Whether a headline tells an arrest, a charge, a later step of justice or who was hit, by name ("Deputies:
    farmhand arrested in Tern Road shooting"): a page with such a headline and no day in its words was written
    after the act, most often a day or more after it."""
    low = lower(title or "")
    return _JUSTICE.search(low) is not None and _NO_JUSTICE.search(low) is None


def time_of_day(sentence: str) -> str | None:
    """"around noon", "8:15 p.m.", "early morning" — as written, qualifier kept."""
    found = find_time(sentence)
    return found[0] if found else None
