"""Extract stage: an article's claims — figures, date, time, place, actors, type — each with its speaker.

reads: article.title, article.sentences, article.published; fills: article.claims

The stage runs the per-sentence finders (``figures``, ``dates``, ``places``,
``actors``, ``eventtypes``, ``attribution``), then decides two things about
the article as a whole:

- **the event date**: of every date in the title or text, the one most tied to
  the event ("killed Friday", "Friday's attack") before a death's, a mere
  mention's and last a follow-up's or statement's ("charged Monday", "told
  Reuters on Saturday"), skipping the dateline and page stamps (``_event_date``);
- **the scope** of every figure: a figure is about another event when its
  sentence names a different date ("on Sept. 30", "last month", "in late
  September"), or says so ("in a separate incident", "a month after", "so far",
  "since 2012"), or gives another cause for the death ("his vehicle hit an
  improvised explosive device" in a report of an armed attack).  Such figures
  keep a ``scope`` (the words) and ``scope_date``; they are never counted for
  the article's event.

``facts`` condenses an article's claims into its event's killed/injured
totals, date and place (the benchmarks and, later, reconciliation use it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from . import actors, attribution, dates, eventtypes, figures, numbers, places
from .clean import alternation, lower
from .model import Article, Claim

# An event's words ("attack*": with any ending), as a tree (``clean.alternation``): faster than tried one by one
_EVENT_WORDS = [w.replace("_", " ") for w in (
    "attack* assault* shooting* shot shoot* kill* ambush* raid* bomb* explosion* blast* opened_fire stabb* clash* "
    "fighting died dead wound* injur* hurt incident struck discharg* went_off massacre* kidnap* abduct* protest* riot* "
    "gunfire homicide murder* slay* slain violence fire fired firing shots gunshot gunshots happened occurred took_place "
    "responded respond dispatched called_to found discovered scene").split()]
_EVENT = re.compile(r"\b%s\b" % alternation([w.rstrip("*") for w in _EVENT_WORDS],
                                                     {w[:-1]: r"\w*" for w in _EVENT_WORDS if w.endswith("*")}))
_REPORTING = re.compile(
    r"\b(?:said|says|told|claimed|claims|claiming|reported|wrote|announced|tweeted|statement|posted|"
    r"confirmed|released|identified|arrested|charged|court|trial|funeral|vigil|sentenced|appeared|"
    r"updated|published|interview|news\s+conference|according)\b")
_BACKGROUND = re.compile(
    r"\b(?:in\s+a\s+separate\s+(?:incident|attack|shooting)|separately|in\s+another\s+(?:incident|attack|shooting)|"
    r"a\s+similar\s+(?:incident|attack)|previous(?:ly)?|earlier\s+(?:attacks?|incidents?|assaults?)|"
    r"last\s+(?:year|month)|so\s+far|since\s+(?:19|20)\d\d|this\s+year|in\s+(?:19|20)\d\d|"
    r"(?:a|one|two|three|four|five|six|several|few|many)\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:ago|after|before|earlier)|(?:comes|came|follows|followed)\s+(?:just\s+|only\s+)?(?:a|one|two|three|"
    r"several|days|weeks|months)\b|the\s+latest\s+in|over\s+the\s+(?:past|last)\s+\w+|"
    r"(?:spilt|spilled|spread|spreading)\s+(?:over\s+)?(?:into|to|across)|in\s+recent\s+(?:years|months)|"
    r"over\s+the\s+years|for\s+(?:more\s+than\s+)?a\s+decade|(?:has|have)\s+(?:been\s+)?(?:struggling|"
    r"battling|fighting)\s+(?:with|against)?)\b")
_TOLL = re.compile(r"\b(?:toll|total|tally)\b", re.IGNORECASE)  # a count's words naming it the whole count
# A running total of many events, told after this one's count: "..., pushing the city's death toll to 49 this
# year", "bringing the number of homicides in the county to 31", "raising the toll from the weekend's violence to
# nine".  From its verb on the sentence is about the total; what came before it is still this event's.  (Not
# "raising the death toll from the attack to 54": the total of this attack, no period's or place's.)
_RUNNING_TOTAL = re.compile(
    r"\b(?:pushing|bringing|raising|taking|lifting|putting)\s+(?:the\s+|its\s+|their\s+)?[^.;]{0,60}?\b"
    r"(?:toll|total|tally|count|number)\b[^.;]{0,80}?"
    r"\b(?:this\s+year|so\s+far|(?:for|of)\s+the\s+(?:year|month|weekend)|year-to-date|in\s+(?:19|20)\d\d|"
    r"since\s+(?:january|the\s+(?:start|beginning))|(?:city|county|state|nation|country|region)['’]s|homicides|"
    r"murders|killings|shootings|violence)\b")
_OTHER_CAUSE = re.compile(
    r"\b(?:when|after)\s+(?:his|her|their|its|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:vehicle|car|convoy|truck|"
    r"patrol|bus|helicopter|aircraft|plane)\s+(?:hit|struck|ran\s+over|drove\s+over|triggered|crashed|"
    r"came\s+under)\b[^.;,]*", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:,[^—–\n]{1,40}?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s")
_BORDER = re.compile(r"\b(?:close\s+to|near|along|on|by|at)\s+(?:the\s+|its\s+|Mali's\s+)?border\s+with\s+$|"
                     r"\bborder\s+with\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Unit:
    index: int   # -1 = title
    text: str
    whens: list
    low: str = ""  # lower(text): _EVENT, _REPORTING and _BACKGROUND are matched against it
    event: bool = False  # _EVENT is in it (found once: three steps ask)
    background: tuple[int, str, str | None] | None = None  # (from char, words, date) when about another event


def extract(article: Article) -> Article:
    """Fill ``article.claims`` from its title and sentences."""
    units = [_Unit(-1, article.title or "", [])] + [_Unit(s.index, s.text, []) for s in article.sentences]
    for u in units:
        u.low = lower(u.text)
        u.event = _EVENT.search(u.low) is not None
    base = dates.written_day(article)
    breaks = [True, True] + [("\n" in article.text[a.end:b.start])
                             for a, b in zip(article.sentences, article.sentences[1:])]
    said = attribution.attribute([u.text for u in units], breaks[:len(units)])
    dateline_end = 0
    if article.sentences:
        m = _DATELINE.match(article.sentences[0].text)
        dateline_end = m.end() if m else 0
    written = [base] + dates.section_days([u.text for u in units[1:]], base)  # an update's own day, from its stamp line
    for u, day in zip(units, written):
        u.whens = [w for w in dates.find(u.text, day) if not (u.index == 0 and w.start < dateline_end)]
    main_type = eventtypes.main([eventtypes.find(u.text) for u in units[:4]])
    found_figures = [figures.find(u.text, headline=u.index < 0, low=u.low) for u in units]
    # "Both later died.": the people the sentence before counted hit (units[0] is the title, never that sentence)
    for i in range(2, len(units)):
        if "died" in units[i].low[:40] or "dead" in units[i].low[:60] or "succumbed" in units[i].low[:40]:
            figures.all_died(found_figures[i - 1], units[i].low)
    counted = {u.index for u, figs in zip(units, found_figures)
               if any(f.measure in ("killed", "injured", "shot") for f in figs)}
    event_when = _event_date(units, counted, base)
    for u in units:
        u.background = _background(u, event_when, main_type)
    _own_past(units, found_figures)

    claims: list[Claim] = []

    said_in = {u.index: att for u, att in zip(units, said)}

    def claim(u: _Unit, kind: str, value, start: int, end: int, **kw) -> Claim:
        att = said_in[u.index] if kind != "type" else None
        c = Claim(article.id, kind, value, u.index, start, end, u.text,
                  said_by=att.said_by if att else None, channel=att.channel if att else None, **kw)
        claims.append(c)
        return c

    roundup = figures.several(units[0].low, article=True)  # a roundup's title: none of its counts is one event's
    for u, figs in zip(units, found_figures):
        several = (figures.several(u.low) if figs else None) or roundup
        for f in figs:
            scope = scope_date = None
            if u.background and f.start >= u.background[0]:
                scope, scope_date = u.background[1], u.background[2]
            elif several:  # "2 dead, 19 hurt in weekend shootings across the city": no one event's toll
                scope = several
            claim(u, "figure", f.value, f.start, f.end, measure=f.measure, group=f.group, qualifier=f.qualifier,
                  wording=f.wording, within=f.within, scope=scope, scope_date=scope_date)
    if event_when:
        u, w = event_when
        value = {"date": w.date, "precision": w.precision, "time": w.time}
        if (until := _until(u, w)) is not None:
            value["until"] = until
        claim(u, "date", value, w.start, w.end)
    for u in units:
        if u.background is None and u.event:
            found = dates.find_time(u.text)
            if found and any(_stamped(u.text, w) and found[1] - 6 <= w.end <= found[1] for w in u.whens):
                continue  # "March 3, 2011 4:15 PM": a page's or a link's stamp, not when it happened
            if found and not _REPORTING.search(u.low[max(0, found[1] - 25):found[1]]):
                claim(u, "time", {"time": found[0]}, found[1], found[2])
                break
    _place_claims(units, claim, dateline_end, article)
    for i, u in enumerate(units):
        nxt = units[i + 1].text if i + 1 < len(units) else ""
        for a in actors.find(u.text, nxt):
            value = {"name": a.name or None, "role": a.role, "link": a.link, "via": a.via,
                     "evidence": a.evidence, "by": a.by}
            scope = u.background[1] if u.background and a.start >= u.background[0] else None
            claim(u, "actor", {k: v for k, v in value.items() if v is not None}, a.start, a.end, scope=scope,
                  scope_date=u.background[2] if scope else None)
    if main_type:
        for u in units:
            hit = eventtypes.first(main_type, u.text) if u.background is None else None
            if hit:
                claim(u, "type", eventtypes.acled(main_type), *hit)
                break
    article.claims = claims
    return article


def _event_date(units: list[_Unit], counted: set[int], base: date | None):
    """The date expression most tied to the event itself, as (unit, When), or None.

    Every date in a sentence that is not about another event is a candidate, ranked first by whether it
    is an act someone "also" did or is also wanted for (``_ALSO``: another act, whatever words it goes
    with), then by the words it goes with (``_tie``): the shooting's own ("shot Saturday", "Saturday's shooting",
    "at 10:45 p.m. Saturday") before a death or a discovery ("died Sunday", "found Monday"),
    before a date in a sentence that only mentions the event, before a date with no event word
    near it, and last a follow-up's or a statement's ("arrested Thursday", "said Monday"): the
    event came no later than any of these, so even that is nearer than the publication day.
    Within a rank, a day within a week of publication first, then an older day ("the Feb. 20
    shooting" in a follow-up a month later; of several, the latest), then a week or a month ("in January", often an
    earlier incident); then a sentence that gives a casualty figure (``counted``) or the title;
    then the first in the text. A week or a month chosen gives way to a day inside it that is no follow-up's
    ("shot at last week" beside "on Friday night").

    Skipped: dates in a sentence the page gives three times or more (another story's teaser, repeated
    in a sidebar or a carousel), dates after "claimed responsibility" (the claim's date), page stamps ("Posted:
    Tuesday ...", a line that is only a date, a year with a clock after it: "March 3, 2011 4:15 PM"),
    the start or end of a state ("since Friday night", "as of Tuesday"), future plans ("is scheduled
    for Tuesday"), "yesterday"/"today" inside a quotation (relative to when the speaker spoke, which the
    report does not say), a sentence about other events ("In other shootings on Thursday"; from a
    background cue on: the day before "a month after" stays), and a video's length and title ("0:36
    Crews fight a barn fire Tuesday night").
    """
    ranked = []
    # a sentence a page repeats word for word three times or more is a teaser or a sidebar's, not the story's
    told = Counter(u.text for u in units if u.whens)
    for u in units:
        if not u.whens or told[u.text] >= 3 or (u.text[:1].isdigit() and _CLIP.match(u.text)) or \
                dates.stamp_only(u.text):
            continue
        # another event from a background cue on ("killed Saturday, a month after a man was shot nearby": the
        # day before "a month after" is this event's); a cue that looks back as a whole ("previously"), or a
        # day after ("held on Sunday, a day after police said ...": Sunday is the later of the two), rules out
        # the sentence
        other = min((m.start() if _LONG_SINCE.match(m.group(0)) else 0 for m in _BACKGROUND.finditer(u.low)
                     if not _after_a_date(u, m.start())), default=None)
        if other is None and "other" in u.low and _OTHER_EVENTS.search(u.low):
            other = 0  # "In other shootings on Thursday, ...": those events' day
        eventful = u.event
        for w in u.whens:
            if other is not None and w.end > other:
                continue
            head = u.text[:w.start]
            if _STAMP.search(head[-40:]) or _header(head, u.text[w.end:]) or _stamped(u.text, w):
                continue
            if _CLAIMED.search(head) or (_RELATIVE.match(w.text) and _in_quote(head)):
                continue
            tie, shift = _tie(u.low, w, u.text)
            if tie is None:
                continue
            if tie == 2 and not eventful:
                tie = 3
            if shift:
                day = date.fromisoformat(w.date) - timedelta(days=shift)
                w = dates.When(day.isoformat(), w.precision, w.text, w.start, w.end, w.time)
            age = (base - date.fromisoformat(w.date)).days if base else 0
            recency = 0 if w.precision == "day" and age <= 7 else 2 if w.precision != "day" else 1
            vague = _DEICTIC.fullmatch(w.text.lower()) is not None
            older = age if recency == 1 else 0  # of older days the latest: earlier ones are mostly background
            also = _ALSO.search(u.low, max(0, w.start - 80), w.start) is not None
            ranked.append(((also, tie, recency, older, vague, not (u.index in counted or u.index < 0), len(ranked)), u, w))
    if not ranked:
        return None
    _, u, w = min(ranked, key=lambda r: r[0])
    if w.precision != "day":  # "shot last week" beside "on Friday night" inside that week: the day says which
        start, end = dates.span(w.date, w.precision)
        inside = [r for r in ranked if r[2].precision == "day" and r[0][1] <= 3
                  and start <= date.fromisoformat(r[2].date) <= end]
        if inside:
            _, u, w = min(inside, key=lambda r: r[0])
    return u, w


# "on Monday evening and Tuesday morning", "late Friday or early Saturday", "from Friday evening to Monday":
# the event's days run on to the second day named
_RUN_ON = re.compile(r",?\s+(?:and|or|into|to|through|until|till|and\s+into)\s+")


def _until(u: _Unit, w) -> str | None:
    """The last day of a run of days the event's date opens ("cars fired at on Monday evening and Tuesday morning":
    Tuesday), when the next date of its sentence follows it joined by "and", "or", "to" ... within a week."""
    if w.precision != "day":
        return None
    nxt = next((x for x in u.whens if x.start >= w.end), None)
    if nxt is None or nxt.precision != "day" or not _RUN_ON.fullmatch(u.text, w.end, nxt.start):
        return None
    return nxt.date if 0 < (date.fromisoformat(nxt.date) - date.fromisoformat(w.date)).days <= 6 else None


# "Posted: Monday, March 3, 2020 9:12 AM": the page's own time, not the event's.
_STAMP = re.compile(r"(?:\(@\w+\)\s*|\b(?:posted|updated?|published|created|added|last\s+modified)\b(?:\s+on)?\s*:?\s*|\bdate\s*:\s*)"
                    r"(?:[A-Za-z]+,?\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*,?\s*)?$", re.IGNORECASE)
# "9:05 AM FRIDAY: Police have now named ...": a date that heads a paragraph, with a colon, is an update's stamp.
_HEADER_HEAD = re.compile(r"^[\W\d]*(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?\s*,?\s*$", re.IGNORECASE)
_HEADER_TAIL = re.compile(r"^(?:,?\s*(?:19|20)\d\d)?(?:,?\s*(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?\s*:", re.IGNORECASE)


# "March 3, 2011 4:15 PM", "04/08/2020 06:15": a day with its year and a clock time straight after it is a
# page's or a link's time stamp (a related story's teaser: "Two hurt in Wrenfield pier crash March 3, 2011 4:15 PM"),
# never the way a sentence tells when something happened ("at 4:15 p.m. on March 3"); so is one with "at"
# before the clock that ends its line ("Posted on March 3, 2011 at 4:15 pm").
# A span of time ("Date: March 31, 2017, 10:24 PM - April 1, 2017, 12:18 AM", an incident log's) is no stamp.
_WITH_YEAR = re.compile(r"(?:(?:19|20)\d\d|/\d\d)$")
_CLOCK_STAMP = re.compile(r",?\s*(?:\d{1,2}:\d\d(?::\d\d)?(?![\d/])\s*(?:[AaPp]\.?[Mm]\.?)?|(?:at|@)\s+\d{1,2}:\d\d\s*"
                          r"(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?\W*$)")
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\b|until\b)")
_RANGE_BEFORE = re.compile(r"\d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[-–—]|to|until)\s*(?:[A-Za-z]+,?\s+)?$")


def _stamped(text: str, w) -> bool:
    if _WITH_YEAR.search(w.text) is None or (m := _CLOCK_STAMP.match(text, w.end)) is None:
        return False
    return not (_RANGE_AFTER.match(text, m.end()) or _RANGE_BEFORE.search(text, max(0, w.start - 40), w.start))


# "By The Associated Press on Wed 04/08/2020 06:15am": a byline's date is the page's.
_BYLINE = re.compile(r"^\W*by\s+[^.!?]{1,60}?\s+on\s+(?:[A-Za-z]{3,9}\.?,?\s+)?$", re.IGNORECASE)


def _header(head: str, tail: str) -> bool:
    return bool(_HEADER_HEAD.match(head) and _HEADER_TAIL.match(tail)) or bool(_BYLINE.match(head))
# "overnight", "today": the report's own day or the night before it, as the reporter saw it; a named
# day for the same event is the better witness ("killed one person overnight ... around 11:30 Thursday night")
_DEICTIC = re.compile(r"overnight|today|earlier\s+today|tonight|this\s+(?:morning|afternoon|evening)")
_CLAIMED = re.compile(r"\bclaim\w*\s+(?:the\s+)?responsibility\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))", re.IGNORECASE)


def _in_quote(head: str) -> bool:
    """Whether a quotation is open at the end of ``head``."""
    return head.count("\"") % 2 == 1 or head.count("“") > head.count("”")


# What a date goes with, from the nearest of these words before it in its clause (or after it,
# when none comes before: "On Monday, a man was shot"). Reports or calls received "of" or "about"
# gunfire date it as a 911 call does ("On Sunday, the paper received reports that there was gunfire").
_TIE_CUES = re.compile(
    r"(?P<strong>\b(?:911\s+calls?|shot|shoot\w*|open(?:s|ed|ing)?\s+fire|fired|firing|gunfire|gunshots?|shots|happened|occurred|"
    r"receiv(?:ed|es|ing)\s+(?:\w+\s+)?(?:reports?\s+(?:of|about|that|from)|calls?\s+(?:of|about|that|reporting))|"
    r"took\s+place|kill(?:ed|ing)|slain|slaying|wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|struck|stabb\w*|"
    r"attack\w*|assault\w*|(?<!without\s)incident|homicide|murder\w*|responded|called|dispatched|discharg\w*|"
    r"went\s+off|robbery|standoff|ambush\w*|bomb\w*|explosion|blast|clash\w*|raid\w*|massacre|kidnap\w*|"
    r"abduct\w*)\b)"
    r"|(?P<weak>\b(?:died|dies|dead|death|suicide|found|discovered|bod(?:y|ies))\b)"
    r"|(?P<future>\b(?:scheduled|will|expected|due|set\s+to|plans?\s+to|planned|next|tune\s+in|watch|(?:was|were)\s+to)\b)"
    r"|(?P<report>\b(?:said|says|told|tells|reported|reports|according|statement|confirmed|posted|tweeted|"
    r"wrote|news\s+conference|announc\w*)\b)"
    r"|(?P<follow>\b(?:arrest\w*|charg\w*|booked|arraign\w*|sentenc\w*|plead\w*|court(?:room|house)?|hearing|bond|bail|jail\w*|"
    r"custody|autopsy|funeral|vigil|memorial|identif\w*|released?|search\w*|underway|investigat\w*|remain\w*|judge|"
    r"surgery|hospitali[sz]ed|condition|recovering|interview\w*|spoke|indicted|convicted|trial|filed|"
    r"life\s+support|gathered|gathers)\b)")
# "in the shooting", "about the recent attack": the event named as a known thing, after a preposition
_NAMED_EVENT = re.compile(r"\b(?:in|of|into|about|on|over|after|from|for|to)\s+"
                          r"(?:the|that|this|last\s+\w+['’]s)\s+(?:[\w-]+\s+)?$")
# what a holiday's eve may name after it: a night's celebration, which runs into the next day
_PAST_MIDNIGHT = re.compile(r"^\s+(?:party|parties|celebration|bash|gathering|festivities)\b")
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight|\d{1,2}:\d\d)"
_TIE_RANK = {"strong": 0, "weak": 1, "report": 4, "follow": 4}
_CLAUSE = re.compile(r"[;—–]|:\s|,\s+(?:and|but|while|who|which)\s")
# what may come before a date that opens its clause ("On Monday, a man was shot")
_OPENING = re.compile(rf"^[\s,]*(?:(?:on|early|late|about|around|at|approximately|shortly\s+\w+|just\s+\w+)\s+|"
                      rf"{_CLOCK}\s*,?\s*)*$")
_LATER = ("report", "follow", "future")
# "he is also accused of firing into a second home on Dec. 28": one more act, after the one the report is about
_ALSO = re.compile(r"\balso\s+(?:\w+\s+){0,2}?(?:accused|suspect(?:ed)?|wanted|shot|fired|wounded|injured|killed|stabbed|"
                   r"attacked|robbed)\b")
_SETTING = re.compile(r"\b(?:at|during|into|outside)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$")
_PASSIVE = re.compile(r"\b(?:was|were|been)\s+$")
_STATE = re.compile(r"\b(?:since|as\s+of|by|until|till|through|before|prior\s+to)\s+$")
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}\s*,?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$")
_CLOCK_AFTER = re.compile(rf"^,?\s*(?:(?:at|around|about|approximately|shortly\s+\w+|just\s+\w+)\s+)*{_CLOCK}")
_EVENT_NOUN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?!(?:in|at|of|on|for|with|to|from|after|before|during|by|the|a|an|his|her|their)\b)"
    r"[\w-]+\s+){0,2}?(?:shootings?|homicides?|killings?|attacks?|incidents?|murders?|"
    r"stabbings?|slayings?|gunfire|standoff|robbery|violence|crash|deaths?)\b")
_FOLLOW_NOUN_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:arraignment|hearing|funeral|vigil|court|trial|sentencing|autopsy|meeting|"
    r"(?:news|press)\s+conference|memorial|service)\b")
# crimes named as charges: after "charged with" they are the charge, not the act
_CHARGE = re.compile(r"murder\w*|robbery|homicide|assault\w*|manslaughter|kill(?:ing)?|attack\w*|kidnap\w*|abduct\w*")
_EVENT_CLAUSE_AFTER = re.compile(r"^,?\s*(?:killing|wounding|injuring|leaving\s+(?:one|two|three|\d+|a|an)\b)")
# "arrested Thursday[ on a manslaughter charge], a day after he shot ..."
_DAYS_AFTER = re.compile(r"(?:[^;.,]{0,40}?,)?\s*(?P<rel>(?:a|one|the|(?P<n>two|three|four|five|six))\s+days?\s+after)\b")


def _after_a_date(u: _Unit, at: int) -> bool:
    """Whether "a day after" at ``at`` follows a date ("arrested Thursday, a day after he shot"):
    the same event, dated relative to what came next, not another event."""
    return any((m := _DAYS_AFTER.match(u.low, w.end)) and m.start("rel") == at for w in u.whens)


def date_tie(sentence: str, start: int, end: int) -> int | None:
    """How closely the date at ``sentence[start:end]`` goes with the event (``_tie``'s rank: 0 its own, 1 a
    death or a discovery, 2-3 no event word, 4 a follow-up's or a statement's; None not the event's)."""
    return _tie(lower(sentence), dates.When("", "day", sentence[start:end], start, end), sentence)[0]


# the police's or a caller's part, not the act's: "police were called to Elm Street around 11 p.m. Monday"
_ANSWER = re.compile(r"911\s+calls?|receiv.*|responded|called|dispatched")


def answered(low: str, start: int, end: int, text: str | None = None) -> bool:
    """Whether the word that ties the date at ``low[start:end]`` to the event (the nearest before it in its
    clause, else the first after it) is the police's answer to a call, not the act ("officers responded
    to the house Monday"; not "responded to the shooting on Monday"): the day the police came, which is
    the act's day or, for a body found or a call made late, a later one.  ``text`` (the sentence as
    written) lets a cue word inside a place's name be passed over, as ``_tie`` does ("Wrenfold Court")."""
    left, first = _clause_before(low, start)
    cues = [c for c in _TIE_CUES.finditer(left) if not _in_a_name(text, c, first)]
    cue = cues[-1] if cues else \
        next((c for c in _TIE_CUES.finditer(low, end, end + 60) if not _in_a_name(text, c, 0)), None)
    return cue is not None and _ANSWER.fullmatch(cue.group(0)) is not None


# the kinds of court a capitalised "Court" after a capitalised word may still be ("Superior Court on Monday")
_COURTS = frozenset("superior district municipal circuit county supreme federal juvenile family magistrate criminal "
                    "appeals appellate city state probate traffic drug sessions justice recorder's claims pleas "
                    "high magistrates".split())


def _in_a_name(text: str | None, cue, offset: int) -> bool:
    """Whether a "court" or "memorial" cue (found ``offset`` characters into ``text``) is a word of a place's
    name, not a court step or a memorial: a street or housing court ("on Wrenfold Court Friday") or a
    hospital, park or drive ("taken to Halvik Memorial Hospital Sunday").  The original case tells them apart."""
    word, start, end = cue.group(0), cue.start() + offset, cue.end() + offset
    if text is None or word not in ("court", "memorial") or not text[start:start + 1].isupper():
        return False
    before = text[max(0, start - 40):start].split()
    named = bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", "!", "?"))
    if word == "court":
        return named and before[-1].lower().rstrip(",") not in _COURTS
    after = text[end:end + 30].split()
    return named or (bool(after) and after[0][:1].isupper())


def _clause_before(low: str, at: int) -> tuple[str, int]:
    """The words of ``at``'s clause before it (at most 80 characters back) and where they start in ``low``."""
    first = max(0, at - 80)
    left = low[first:at]
    cut = max((m.end() for m in _CLAUSE.finditer(left)), default=0)
    return left[cut:], first + cut


def _tie(low: str, w, text: str | None = None) -> tuple[int | None, int]:
    """(rank, days back) of one date: 0 the event's own ... 4 a follow-up's or a statement's, None
    when it is not the event's at all (a state's start or end, a plan); days back when the date
    is given relative to the event ("arrested Thursday, a day after he shot ...").  ``text``, the
    sentence as written (``low`` lower-cased), lets a cue word inside a place's name be passed over."""
    left, first = _clause_before(low, w.start)
    right = low[w.end:w.end + 60]
    if _STATE.search(left[-20:]):
        return None, 0
    shift = 0
    m = _DAYS_AFTER.match(low, w.end)
    if m:
        cue = _TIE_CUES.search(low[m.end():m.end() + 40])
        if cue and (cue["strong"] or cue["weak"]):
            shift = numbers.parse(m["n"]).value if m["n"] else 1
            return 0, shift
    if _FOLLOW_NOUN_AFTER.match(right):
        return 4, 0
    if _PAST_MIDNIGHT.match(right) and w.text.lower().endswith(" eve"):
        return 3, 0  # "a New Year's Eve party": a night that runs past midnight; the shots may be on either day
    if _EVENT_NOUN_AFTER.match(right) or _EVENT_CLAUSE_AFTER.match(right):
        return 0, 0
    cues = [c for c in _TIE_CUES.finditer(left) if not _in_a_name(text, c, first)]
    if len(cues) > 1 and cues[-1].group(0) == "reported" and _PASSIVE.search(left, 0, cues[-1].start()):
        cues.pop()  # "the shooting was reported on Oct. 9": the event's day, not a statement's
    cue = cues[-1] if cues else None
    after = None if cue is not None else \
        next((c for c in _TIE_CUES.finditer(right) if not _in_a_name(text, c, w.end)), None)
    if cue is None and (_OPENING.match(left) or (after and after.start() <= 12 and after.lastgroup in _LATER)):
        kind = after.lastgroup if after else None  # "On Monday, a man was shot"; "the chief on Monday said"
        if kind == "strong" and _NAMED_EVENT.search(right, 0, after.start()):
            kind = None  # "Late Monday, new details emerged in the shooting": what happened to it, not the act
    else:  # nothing before it in its clause: a plan after it still makes it a day to come ("so on Monday ... will")
        kind = cue.lastgroup if cue else "future" if after and after.lastgroup == "future" else None
    if kind == "follow" and len(cues) > 1 and cues[-2].lastgroup == "strong" and cue.start() - cues[-2].end() <= 30 \
            and _SETTING.search(left, 0, cue.start()):
        kind = "strong"  # "two men were hit by gunfire at a vigil Friday": the vigil is where, not a later day
    if kind == "strong" and cue and _CHARGE.fullmatch(cue.group(0)) and any(c.lastgroup == "follow" for c in cues[:-1]):
        kind = "follow"  # "charged with attempted murder, robbery ... at his Saturday arraignment"
    if kind == "future":
        return None, 0
    clock = _CLOCK_BEFORE.search(left) or _CLOCK_AFTER.match(right)
    if clock and kind in (None, "report"):
        return 0, 0
    return _TIE_RANK.get(kind, 2), 0


# "0:36 Crews fight a house fire Tuesday night": a video's length and title, a link to another story
_CLIP = re.compile(r"\d{1,2}:\d\d\s+(?!AM\b|PM\b|A\.M\.|P\.M\.)[A-Z'‘“\"]")
_OTHER_EVENTS = re.compile(r"\b(?:in|during)\s+(?:the\s+|an\s+|two\s+|three\s+)?(?:other|unrelated)\s+"
                           r"(?:incidents?|shootings?|attacks?|cases?)\b")
_LONG_SINCE = re.compile(r".*\b(?:weeks?|months?|years?)\s+(?:after|before)\b")
_SINCE = re.compile(r"after|before|follows|followed|comes|came", re.IGNORECASE)  # a cue that places it by this one
_CLAUSE_END = re.compile(r"[,;]\s+(?:but|however|while|and)?\b|[;]")


def _clause(text: str) -> str:
    """The clause ``text`` opens (a background event's words, as the dossier quotes them), at most 120 characters."""
    return _CLAUSE_END.split(text, 1)[0].strip(" ,.")[:120]


# A death told now of someone hit before ("a woman who was shot last month died Tuesday", "last month, a man
# was shot on Elm Street; he died Tuesday"): a follow-up's own news, not another event; its earlier day or
# month is the shooting's.  (Not "in a separate shooting, a man died Tuesday": only a day or a time back.)
_DIED_NOW = re.compile(r"\b(?:died|dies|has\s+died|succumbed|passed\s+away|was\s+pronounced\s+dead)\b"
                       r"(?:\s+(?!and\b|but\b)[\w,.'’-]+){0,5}?\s+(?:on\s+|early\s+|late\s+)?"
                       r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|overnight|"
                       r"this\s+(?:week|morning|afternoon|weekend))\b")
_TIME_BACK = re.compile(r"last\s+(?:year|month)|\b(?:ago|earlier)$")


_PAST_CUE = re.compile(r"(?:last\s+(?:year|month)|(?:a|one|two|three|four|five|six|several|few)\s+(?:days?|weeks?|"
                       r"months?)\s+(?:ago|earlier))\b", re.IGNORECASE)


def _own_past(units: list[_Unit], found: list[list]) -> None:
    """A follow-up that tells its own shooting only as past ("last month, a woman was killed outside a
    laundromat" in a report of an arrest): when no sentence of its body tells anyone hit now, those told
    with "last month" or "two weeks ago" are its event's, not another's."""
    hit = [u.index >= 0 and any(f.measure in ("killed", "shot", "injured") for f in figs)
           for figs, u in zip(found, units)]
    if any(h and u.background is None for h, u in zip(hit, units)):
        return
    for u, h in zip(units, hit):
        if h and u.background and _PAST_CUE.match(u.background[1]) and \
                not _OTHER_EVENTS.search(u.low) and "separate" not in u.low and "another" not in u.low:
            u.background = None


def _died_now(u: _Unit, at: int) -> bool:
    """Whether the sentence tells, after ``at``, a death on a day of this report's news."""
    return ("die" in u.low or "succumb" in u.low or "passed" in u.low or "pronounced" in u.low) and \
        _DIED_NOW.search(u.low, at) is not None


def _background(u: _Unit, event_when, main_type: str | None) -> tuple[int, str, str | None] | None:
    """Whether (from which character) a sentence is about an event other than the article's."""
    main = date.fromisoformat(event_when[1].date) if event_when else None
    low = u.low
    m = _RUNNING_TOTAL.search(low) if "toll" in low or "tota" in low or "tally" in low or "count" in low \
        or "number" in low else None  # (the search only where the word for a total is: it is slow)
    if m:  # "a man was killed Sunday, pushing the city's toll to 49 this year": from "pushing" on
        return m.start(), _clause(u.text[m.start():]), None
    if event_when and event_when[0] is u:  # "killed on Friday, a month after an attack killed 20": from "a month after"
        m = next((m for m in _BACKGROUND.finditer(u.low, event_when[1].end)
                  if _LONG_SINCE.match(m.group(0)) and not _after_a_date(u, m.start())), None)
        if m is None:
            return None
        return m.start(), _clause(u.text[m.start():]), _relative_date(m.group(0), main)
    for w in u.whens:
        d = date.fromisoformat(w.date)
        if main is None:
            continue
        # only earlier dates: a later one is the same story going on (died Sunday, charged Monday)
        other = ((main - d).days > 2) if w.precision == "day" else \
            (d.replace(day=1) != main.replace(day=1) and d < main) if w.precision == "month" else \
            (main - d).days > 7
        if other:
            if _died_now(u, w.end):  # "a man who was shot on May 2 died Tuesday": this report's news
                return None
            when = w.date[:7] if w.precision == "month" else w.date
            return 0, w.text, when
    m = _BACKGROUND.search(u.low)
    if m:
        words = m.group(0)
        if _TIME_BACK.search(words) and _died_now(u, m.end()):
            return None
        start = m.start() if _SINCE.search(words) else 0
        return start, _clause(u.text[m.start():]), _relative_date(words, main)
    if main_type not in ("explosion", "suicide bombing") and ("when" in u.low or "after" in u.low):
        m = _OTHER_CAUSE.search(u.text)  # (its case-blind search is slow: only where its first word is)
        if m:
            return 0, m.group(0).strip(), None
    return None


def _relative_date(words: str, main: date | None) -> str | None:
    """"a month after" / "last month" → the month meant, from the event date."""
    if main is None:
        return None
    low = words.lower()
    if "month" in low and re.search(r"\b(?:a|one|last)\b", low):
        return (main.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    year = re.search(r"(?:19|20)\d\d", low)
    return year.group(0) if year else None


def _place_claims(units: list[_Unit], claim, dateline_end: int, article: Article) -> None:
    head, site = places.headline(units[0].text)  # "... - KXYZ News 12 Shreveport": the site, not the event
    found: list[places.Mention] = []
    for u in units:
        found.extend(places.mentions(head if u.index < 0 else u.text, u.index))
    for m in found:
        if m.sentence == 0 and m.start < dateline_end:
            m.use = "dateline"
    for u in units[1:4]:  # the dateline may follow a line or two of page furniture
        if d := places.dateline(u.text, u.index):
            found = [m for m in found if not (m.sentence == u.index and m.start < d.end)] + [d]
            break
    home = places.home(article.url, site, [u.text for u in units[1:]])
    outlet = places.outlet_town(article.url, units[0].text, site, home)
    places.resolve(found, home, outlet.place if outlet else None)
    background = {u.index for u in units if u.background and u.background[0] == 0}
    late = {u.index: u.background[0] for u in units if u.background}
    eventful = {u.index for u in units if u.event}
    people = places.surnames([u.text for u in units], {m.text for m in found if " " not in m.text})
    location = places.choose(found, background, eventful, people, home, outlet)
    by_index = {u.index: u for u in units}
    if location:
        m = location.mention
        value = {"name": location.name, "admin1": location.admin1, "country": location.country,
                 "lat": location.lat, "lon": location.lon, "precision": location.precision}
        if m.use in ("site", "address"):  # the text names no place: the outlet's own town, and it says so
            value["basis"] = "outlet's " + ("site name" if m.use == "site" else "web address")
        claim(by_index[m.sentence], "place", value, m.start, m.end)
    for m in found:
        u = by_index[m.sentence]
        if m.use == "border" and m.place and m.start < late.get(m.sentence, len(u.text) + 1):
            rel = _BORDER.search(u.text[max(0, m.start - 40):m.start])
            if rel:
                claim(u, "relation", {"relation": "near the border with", "place": m.place.name,
                                      "country": m.place.country}, m.start - len(rel.group(0)), m.end)


def day_before(article: Article) -> tuple[str, Claim | None] | None:
    """Why a report that gives no day in its words tells of the day before it was written, else None: a
    late-evening hour ("around 11 p.m.", ``dates.night_before``): ("night", its time claim); a headline of an
    arrest, a charge or a naming (``dates.follow_up_headline``): ("follow-up", None)."""
    hour = next((c for c in article.claims if c.kind == "time"), None)
    if hour is not None and dates.night_before(hour.value["time"]):
        return "night", hour
    if dates.follow_up_headline(article.title):
        return "follow-up", None
    return None


def facts(article: Article, victims_only: bool = False) -> dict:
    """The article's own event in brief: killed, injured, date, place and type from its main-scope claims.

    Totals: the largest count any one sentence gives (its groups added: "53 soldiers and one
    civilian" → 54), the number of different people introduced one at a time ("a man was
    shot ... a woman was wounded"), or the number of different people named ("Ann Lee, 23, was
    shot"), whichever is largest.  Injured: the wounded given, or the shot
    minus the killed when the report only says how many were shot.  ``victims_only`` leaves out
    attackers (a gunman who killed himself; the gunman a count includes: "seven people, including
    the gunman, died" is six victims), as GVDB counts; GVA counts everyone shot.
    """
    main = [c for c in article.claims if c.kind == "figure" and c.scope is None
            and not (victims_only and c.group == "attackers")]
    gunmen = [c for c in article.claims if victims_only and c.kind == "figure" and c.scope is None
              and c.group == "attackers" and c.within is not None]
    dead = [n for c in main if c.measure == "killed" and c.group != "attackers" and c.value and (n := _noun(c))]
    if dead:  # "the girl was injured" after "a 3-year-old girl died": the dead girl, not one more hurt
        main = [c for c in main if not (c.measure in ("shot", "injured") and _back_to(c, dead))]

    def total(measure: str) -> int | None:
        mine = [c for c in main if c.measure == measure and c.within is None]
        exact = [c for c in mine if not (c.wording and c.qualifier == "about" and c.wording.lower().rstrip("s of")
                                         in ("ten", "dozen", "score", "hundred", "thousand", "a dozen"))]
        mine = exact or mine
        if not mine:
            return None
        per_group: dict[tuple[int, str], int] = {}  # a sentence's groups add up; one group's repeats do not
        tolls: dict[int, int] = {}  # ... but a toll is the sentence's total ("a guard died, raising the toll to six")
        for c in mine:
            if c.group == "people" and _TOLL.search(c.quote, c.start, c.end):
                tolls[c.sentence] = max(tolls.get(c.sentence, 0), c.value)
                continue
            key = (c.sentence, c.group)
            per_group[key] = max(per_group.get(key, 0), c.value)
        for c in gunmen:  # "seven people, including the gunman, died": six victims
            key = (c.sentence, c.within)
            if c.measure == measure and key in per_group:
                per_group[key] = max(per_group[key] - c.value, 0)
        per_sentence: dict[int, int] = {}
        for (sentence, _), value in per_group.items():
            per_sentence[sentence] = per_sentence.get(sentence, 0) + value
        for sentence, value in tolls.items():
            per_sentence[sentence] = max(per_sentence.get(sentence, 0), value)
        singles = len(distinct_people([c for c in mine if c.group != "attackers"]))
        return max(max(per_sentence.values()), singles, len(people_named(mine, main)))

    killed, injured, shot = total("killed"), total("injured"), total("shot")
    hit = [c for c in main if c.measure in ("shot", "injured") and c.within is None and c.group != "attackers"]
    # the dead introduced one at a time were hit too: "a man was shot and died ... another man was shot"
    dead = [c for c in main if c.measure == "killed" and c.within is None and c.group != "attackers"]
    hit_singles = max(len(distinct_people(hit + dead)), len(people_named(hit, main)))
    if hit_singles > (shot or 0):
        shot = hit_singles
    for c in hit:  # "... was killed. Three other men were also hit": people besides the dead told before them
        if c.measure == "shot" and c.sentence >= 0 and _OTHERS.match(c.quote, c.start, c.end) and \
                not _AND_OTHERS.search(c.quote, max(0, c.start - 6), c.start):
            before = [k for k in dead if 0 <= k.sentence < c.sentence]
            if before:
                shot = max(shot or 0, c.value + max(max(k.value for k in before), len(distinct_people(before))))
    if shot is not None:
        rest = max(shot - (killed or 0), 0)
        # people named as hit and not named among the dead were hurt, whoever else died
        named_dead = people_named([c for c in main if c.measure == "killed" and c.within is None], main)
        rest = max(rest, len(people_named(hit, main) - named_dead) if named_dead else 0)
        if injured is None or injured < rest:
            injured = rest
    out = {"killed": killed, "injured": injured}
    when = next((c for c in article.claims if c.kind == "date"), None)
    if when:
        out["date"], out["date_precision"], out["date_basis"] = when.value["date"], when.value["precision"], "text"
    elif article.published:  # no date in the words: the page's own stamp when it is earlier than the metadata
        written = dates.written_day(article)
        stamped = written is not None and written != dates.published_day(article.published)
        out["date"], out["date_precision"] = written.isoformat() if stamped else article.published[:10], "day"
        out["date_basis"] = "stamp" if stamped else "published"
        if day_before(article):  # "around 11 p.m." with no day, or a headline of an arrest or a charge
            out["date"] = (date.fromisoformat(out["date"]) - timedelta(days=1)).isoformat()
    place = next((c for c in article.claims if c.kind == "place"), None)
    out["place"] = place.value if place else None
    kind = next((c for c in article.claims if c.kind == "type"), None)
    out["type"] = kind.value["type"] if kind else None
    return out


# "three other men", "two others" (not "he and two others": others than he)
_OTHERS, _AND_OTHERS = re.compile(r"(?:\d+|[a-z]+)\s+others?\b", re.IGNORECASE), re.compile(r"\b(?:and|with)\s+$")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_ANOTHER = {"other", "another", "second", "third", "surviving", "wounded", "injured", "two", "both"}


def _noun(c: Claim) -> str | None:
    """The person noun a claim ends with ("the young girl" → girl), or None (a pronoun, a name)."""
    words = c.quote[c.start:c.end].lower().split()
    return next((w for w in reversed(words) if w in figures._GROUP_OF), None)


def _back_to(c: Claim, dead: list[str]) -> bool:
    """Whether a claim of one person hit names someone already met with "the" who may be one of the dead."""
    if c.value != 1 or c.sentence < 0:
        return False
    words = c.quote[c.start:c.end].lower().split()
    definite = (words and words[0] in ("the", "this", "that")) or _DEFINITE_BEFORE.search(c.quote, 0, c.start)
    before = c.quote[max(0, c.start - 30):c.start].lower().split()[-3:]
    if not definite or _ANOTHER & set(words + before):
        return False
    noun = _noun(c)
    return noun is not None and any(_same_person(noun, None, d, None) for d in dead)


# Nouns that may name the same person as a more specific one ("a child" ... "a 9-year-old boy").
_VAGUE_PERSON = {"child": "young", "kid": "young", "minor": "young", "juvenile": "young", "baby": "young",
                 "infant": "young", "toddler": "young", "teen": "teen", "teenager": "teen", "youth": "teen",
                 "person": "any", "victim": "any", "individual": "any",
                 # a role may be anyone met before: "a cab driver" ... "an innocent bystander"
                 **{noun: "any" for noun in figures.GROUPS["civilians"] if not noun.endswith("s")}}
_KIND_OF = {"boy": "young", "girl": "young", "teen": "teen", "man": "adult", "woman": "adult"}
# "a male" / "a female" may be the man or boy / woman or girl met before
_SEX_OF = {"male": "m", "man": "m", "boy": "m", "female": "f", "woman": "f", "girl": "f"}


def distinct_people(claims: list[Claim]) -> list[Claim]:
    """The people introduced one at a time ("a man was shot ... a woman was wounded"), once each.

    A later "a child was shot" is the same person as an earlier "a young child" unless it says
    "another" or their nouns or ages differ: reports re-introduce their victim more often than
    they add a new one with the same description.
    """
    people: list[tuple[Claim, str | None, int | None]] = []
    for c in sorted(claims, key=lambda c: (c.sentence, c.start)):
        if c.sentence < 0 or c.value != 1 or not is_single(c):
            continue
        words = c.quote[c.start:c.end].lower().split()
        age_m = re.search(r"(\d{1,3})[\s-]years?[\s-]old", " ".join(words))
        age = int(age_m.group(1)) if age_m else None
        noun = words[-1] if words[-1] in figures._GROUP_OF else None
        same = None if "another" in words else next(
            (i for i, (_, n, a) in enumerate(people) if _same_person(noun, age, n, a)), None)
        if same is None:
            people.append((c, noun, age))
        else:
            kept, n, a = people[same]
            people[same] = (kept, n if n not in (None, *_VAGUE_PERSON) else noun or n, a if a is not None else age)
    return [c for c, _, _ in people]


def people_named(claims: list[Claim], among: list[Claim] | None = None) -> set[str]:
    """The people the text names ("Tamsin Penhallow, 31, and Idris Fenwright were killed"), once each by surname;
    a name told alone that is the first name of someone named in full in ``among`` (default: ``claims``)
    ("Tamsin Penhallow was shot ... Tamsin died on Sunday") is that person, by surname, not another."""
    def names(cs: list[Claim]) -> list[list[str]]:
        return [words for c in cs if c.sentence >= 0 for words in figures.full_names(c.quote[c.start:c.end])]

    mine = names(claims)
    whole = [w for w in (mine if among is None else names(among)) if len(w) > 1]
    given = {w[0]: {v[-1] for v in whole if v[0] == w[0]} for w in whole}
    return {next(iter(given[w[0]])) if len(w) == 1 and len(given.get(w[0], ())) == 1 else w[-1] for w in mine}


def _same_person(noun: str | None, age: int | None, other: str | None, other_age: int | None) -> bool:
    if age is not None and other_age is not None and age != other_age:
        return False
    if noun is None or other is None or noun == other:
        return True
    if "male" in (noun, other) or "female" in (noun, other):
        vague = _VAGUE_PERSON.get(other if noun in ("male", "female") else noun)
        if vague:  # "a teenager" ... "a 17-year-old male"
            known = age if age is not None else other_age
            return known is None or vague == "any" or (known < 18 if vague == "young" else 13 <= known <= 19)
        return _SEX_OF.get(noun) is not None and _SEX_OF.get(noun) == _SEX_OF.get(other)
    for vague, specific in ((noun, other), (other, noun)):
        kind = _VAGUE_PERSON.get(vague)
        if kind == "any" or (kind and kind in (_VAGUE_PERSON.get(specific), _KIND_OF.get(specific))):
            return True
    return False


def is_single(c: Claim) -> bool:
    """A person introduced with "a"/"an"/"another" (not "the man", not a pronoun)."""
    words = c.quote[c.start:c.end].lower().split()
    return bool(words) and (words[0] in ("a", "an", "another") or
                            (len(words) > 1 and words[0] in ("killed", "shot", "wounded", "injured", "stabbed")
                             and words[-2:-1] != ["the"] and any(w in ("a", "an") for w in words[:4])))
