"""Cluster: group the articles that report one real-world event, in batch or one at a time.

One scoring code serves both modes.  Each article becomes a ``Profile``: its
distinctive words (tf-idf, names and streets weighted up), the event date the
extract stage resolved (or the publication date), the event's place and its
toll.  ``Index.add`` scores a profile against the events it could belong to
and either joins the best one or opens a new event.  Streaming is ``add`` as
articles arrive; batch is ``add`` in time order over the whole corpus, then
passes that move each article to the event that now fits it best.

The score is text similarity plus evidence for or against: a different day
when both dates come from the text, a different town when both places are
towns, a different state or country, a street both name or none in common.
Words say "same kind of story"; date, place and street say "same incident".
Candidates come from an inverted index of each article's rarest words,
bucketed by week, so a new article is compared with a few events near its
date, not with the corpus; at most MAX_CANDIDATES of them, those sharing the
most key-word weight with it.  A key word that more than BUSY_WORD events near
the date share (a common word in a busy stretch) only finds the events of the
article's own week and the weeks beside it, and of those only the BUSY_CAP that
took a report naming it last, so the work per article does not grow with the
number of incidents per week.  An index opened
from the store (``Store.load_index``) reads events as the dates of the new
articles need them (``Index.loader``).

The weights and the threshold were chosen on the development portions of
the GVA and ECB+ data in ``../shared/data`` together (``python -m benchmarks
cluster``), one setting for both; nothing is tuned on the data at run time.
"""

from __future__ import annotations

import json
import math
import re
from sys import intern
from collections import Counter
from collections import _count_elements  # the C loop behind Counter.update, on a plain dict (``Index.df``)
from dataclasses import dataclass, field
from array import array
from bisect import bisect_right
from itertools import chain, islice, repeat
from operator import mul
from typing import Iterable

from .clean import lower
from .dates import published_day
from .places import title_case_to_sentence
from .streets import streets
from .model import Article, Event

# Tuned on GVA + ECB+ development data (see the module docstring); one setting for every corpus.
THRESHOLD = 0.21        # join the best event when its score reaches this
TOP_TERMS = 150         # words kept per article
INDEX_TERMS = 12        # of those, the rarest that find candidate events
WINDOW_DAYS = 45        # an event is a candidate when its dates are this close to the article's
NAME_WEIGHT = 1.6       # a capitalised word (a name, a street, a town) counts this much more
TITLE_WEIGHT = 2.0      # title words count as this many occurrences
SAME_DAY = 0.12         # both dates from the text and within a day of each other
OTHER_DAY = -0.35       # both dates from the text and further apart than that
LATE_REPORT = -0.004    # per day a publication-dated report lies beyond the event's dates (after a week)
SAME_TOWN = 0.10        # both places towns within NEAR_KM
OTHER_TOWN = -0.15      # both places towns, further apart
OTHER_REGION = -0.15    # different states / regions or countries (often a misread place: weak)
OTHER_LEAD_PLACE = -1.0  # different towns or regions, both named in the title or first sentence: apart
NEAR_KM = 30.0
SAME_STREET = 0.10      # both name streets and share one
OTHER_STREET = -0.10    # both name streets, none in common (two incidents in one town, told alike)
MOST_EVIDENCE = SAME_DAY + SAME_TOWN + SAME_STREET  # the most date, place and street can add to words
CLOSE_WORDS = 0.45      # word cosine at which a report reads as the same story: a date clash counts less
DATE_DOUBT = 0.3        # ... this share of it (the date read from one text is the likelier mistake)
DOUBT_SPAN = 14         # an event whose own reports' dates already lie further apart than this many days ...
SPREAD_CLASH = -1.0     # ... takes no report whose date clashes with it (two incidents a week apart read alike)
MAX_CANDIDATES = 6      # events scored per article at most: those sharing the most key-word weight
SHARED_CAP = 12         # once this many events are found by rarer key words, commoner ones only add weight
BUSY_WORD = 8           # a key word with more events than this in the window finds them in its own week ±1 only
BUSY_CAP = 4            # ... and of those, only the BUSY_CAP that took a report naming it last

FOLLOWUP_DAYS = 730     # how far back a follow-up report looks for its incident
# Words that mark a report on what came after an incident: its date is not the incident's date.
_FOLLOWUP = re.compile(
    r"\b(?:sentenc\w*|arraign\w*|indict\w*|plead\w*|pled|guilty|trial|jury|convict\w*|acquit\w*|"
    r"funeral|vigil|lawsuit|anniversary|(?:weeks|months|years)\s+(?:after|since|later))\b")
_WORD = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]|\d{2,}")
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did didn't do does doesn't doing don't down during each few for from
further had has have having he he'd he'll he's her here here's hers herself him himself his how how's i i'd
i'll i'm i've if in into is isn't it it's its itself just let's me more most my myself no nor not now of off
on once only or other ought our ours ourselves out over own same she she'd she'll she's should so some such
than that that's the their theirs them themselves then there there's these they they'd they'll they're
they've this those through to too under until up upon very was wasn't we we'd we'll we're we've were weren't
what what's when when's where where's which while who who's whom why why's will with won't would you you'd
you'll you're you've your yours yourself yourselves said says say told according also one two three four five
six seven eight nine ten news new reported report reports including like just many much may might must
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening
night week weekend january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec year years day days time last first
""".split())


@dataclass(slots=True)
class Profile:
    """What clustering knows of one article."""

    article: str
    counts: dict[str, float]          # weighted term frequencies (before idf)
    day: int | None = None            # event day (ordinal) resolved from the text
    published: int | None = None      # publication day (ordinal)
    place: tuple | None = None        # (lat, lon, precision, country, admin1, named in the lead, name words)
    followup: bool = False            # a later report on an earlier incident (charges, trial, funeral)
    order: tuple = ()                 # sort key for batch mode: time first, then the id
    streets: tuple[str, ...] = ()     # street names in the title and text (``streets.streets``)

    @property
    def time(self) -> int | None:
        return self.day if self.day is not None else self.published


def profile(article: Article, facts: dict | None = None) -> Profile:
    """The article's clustering profile, from its text and the facts the extract stage found."""
    if facts is None:
        from .extract import facts as article_facts
        facts = article_facts(article)
    counts: Counter = Counter()
    for text, weight in ((article.title, TITLE_WEIGHT), (article.text, 1.0)):
        low = lower(text)
        for m in _WORD.finditer(low):
            word = m.group()
            if word in STOPWORDS or len(word) < 3 and not word.isdigit():
                continue
            counts[intern(word)] += weight * (NAME_WEIGHT if text[m.start()].isupper() else 1.0)
    day = _ordinal(facts.get("date")) if facts.get("date_basis") == "text" else None
    published = _ordinal(article.published)
    place = facts.get("place")
    where = None
    if place:
        said = next((c for c in article.claims if c.kind == "place" and c.value == place), None)
        where = (place.get("lat"), place.get("lon"), place["precision"], place["country"], place.get("admin1"),
                 said is not None and said.sentence <= 0, " ".join(_WORD.findall(lower(place.get("name") or ""))))
    time = day if day is not None else published
    lead = " ".join([article.title] + [s.text for s in article.sentences[:1]])
    followup = bool(_FOLLOWUP.search(lower(lead)))
    named = streets(title_case_to_sentence(article.title)) | streets(article.text)
    return Profile(article.id, dict(counts), day, published, where, followup,
                   (time if time is not None else 10**7, article.published or "", article.id), tuple(sorted(named)))


def profile_order(article: Article) -> tuple:
    """Arrival order for placing stored articles: publication date, then id."""
    return (article.published or "9999", article.id)


def to_events(index: "Index", articles: Iterable[Article]) -> list[Event]:
    """The index's events that hold ``articles``, each with its articles in time order."""
    members = {a.id: a for a in articles}
    groups: dict[str, list[str]] = {}
    for a in members:
        groups.setdefault(index.of[a], []).append(a)
    return events_from(groups, members)


def events_from(groups: dict[str, list[str]], members: dict[str, Article]) -> list[Event]:
    """Events from event id -> article ids: articles by publication, events by their first report."""
    out = []
    for eid, ids in groups.items():
        arts = sorted((members[i] for i in ids if i in members), key=lambda a: (a.published or "9999", a.id))
        if arts:
            out.append(Event(eid, [a.id for a in arts], _headline(arts)))
    return sorted(out, key=lambda e: ((members[e.articles[0]].published or "9999"), e.id))


def _headline(articles: list[Article]) -> str:
    """The earliest report's title, else its first sentence."""
    for a in articles:
        if a.title.strip():
            return a.title.strip()
    first = articles[0].sentences[0].text if articles[0].sentences else articles[0].text
    return first[:120].strip()


def dump_profile(p: Profile, vector: dict[str, float]) -> str:
    """A placed article as the store keeps it: its vector as placed, date, place, follow-up flag."""
    vector = {t: round(w, 6) for t, w in sorted(vector.items())}
    return json.dumps({"vector": vector, "keys": _keys(vector), "day": p.day,
                       "published": p.published, "place": p.place, "followup": p.followup,
                       "order": list(p.order), "streets": list(p.streets)}, ensure_ascii=False, sort_keys=True)


def load_profile(article: str, text: str) -> tuple[Profile, dict[str, float], list[str] | None]:
    """A stored profile, its vector and its key words (``None`` when stored before they were)."""
    d = json.loads(text)
    place = tuple(d["place"]) if d["place"] else None
    vector = dict(zip(map(intern, d["vector"]), d["vector"].values()))  # one copy of each word across articles
    keys = [intern(t) for t in d["keys"]] if "keys" in d else None
    return Profile(article, {}, d["day"], d["published"], place, d["followup"], tuple(d["order"]),
                   tuple(d.get("streets", ()))), vector, keys


def _ordinal(iso: str | None) -> int | None:
    day = published_day(iso)
    return day.toordinal() if day else None


@dataclass(slots=True)
class Cluster:
    """An event as the index holds it: members, the sum of their vectors, their dates and places."""

    # Tuples, not lists: the cycle collector stops walking a tuple of strings or numbers once it has
    # seen one, and an event lives as long as the run (four lists per event were half of the objects
    # each full collection walked at 100k articles).
    id: str
    members: tuple[str, ...] = ()
    centroid: dict[str, float] = field(default_factory=dict)
    days: tuple[int, ...] = ()     # text-resolved event days of first-hand members, sorted
    later: tuple[int, ...] = ()    # text-resolved days of follow-up members, sorted
    times: tuple[int, ...] = ()    # each member's day or publication day, sorted
    places: dict = field(default_factory=dict)          # place -> members placed there
    streets: dict = field(default_factory=dict)         # street -> members naming it
    squares: float = 0.0                                # squared length of ``centroid``, kept as it changes
    span: tuple[int, int] | None = None                 # earliest and latest of ``times``


class Index:
    """Events so far and the inverted index that finds candidates; ``add`` places one article."""

    def __init__(self, df: dict[str, int] | None = None, documents: int = 0, *, frozen_df: bool = False):
        # word -> documents: a plain dict of strings and numbers, which the cycle collector never walks
        # (a Counter, as any instance of a subclass, is walked word by word on each full collection: a
        # third of a second per collection at 100k articles); a store's vocabulary reads from its table
        self.df: dict[str, int] = df if df is not None else {}
        self.documents = documents
        self.frozen_df = frozen_df                 # batch mode: df of the whole corpus, given up front
        self.clusters: dict[str, Cluster] = {}
        self.of: dict[str, str] = {}               # article id -> event id
        self.vectors: dict[str, tuple[tuple[str, ...], bytes]] = {}  # words and weights, compact (``vector_of``)
        self.profiles: dict[str, Profile] = {}
        self.keys: dict[str, tuple[str, ...]] = {}  # article id -> its key words (``_keys``), for the batch passes
        # key word -> week -> the event (a str) or events (a tuple) with a report naming it that week
        self.postings: dict[str, dict[int | None, str | tuple[str, ...]]] = {}
        self.relabelled = False                    # ``postings`` name events by their old ids (``relabel``)
        self.loader = None                         # streaming from a store: loads the events near a date range
        # batch mode: idf per word, worked out once from the whole corpus's df (``batch``); a word
        # missing from it is in one document only (``rare_idf``): the df table itself is left unread
        self.idf: dict[str, float] | None = None
        self.rare_idf = 0.0

    # -- vectors ---------------------------------------------------------------------------------
    def vector_of(self, article: str) -> dict[str, float]:
        """The vector an article was placed with."""
        terms, weights = self.vectors[article]
        return dict(zip(terms, memoryview(weights).cast("d")))

    # The index keeps what it holds for the whole run in objects the cycle collector need not walk
    # (tuples and bytes of strings and numbers, dicts of them): walking millions of small sets and
    # lists again and again cost a growing share of the time as the corpus grew.
    def _keep(self, p: Profile, vec: dict[str, float], keys: Iterable[str] | None = None) -> None:
        self.vectors[p.article] = (tuple(vec), array("d", vec.values()).tobytes())
        self.profiles[p.article] = p
        if keys is not None:
            self.keys[p.article] = tuple(keys)

    def forget(self, articles: Iterable[str]) -> None:
        """Streaming: drop the vectors and profiles kept of placed ``articles`` once they are stored.

        Their events keep their sums, dates, places and postings, which is all that placing a new
        article reads; only the batch passes (``refine``, ``relabel``) read what is dropped.  A long
        ``corroborate ingest`` then holds per article only its event's share, not its own copy.
        """
        for a in articles:
            self.vectors.pop(a, None)
            self.profiles.pop(a, None)
            self.keys.pop(a, None)

    def keys_of(self, article: str) -> tuple[str, ...]:
        """The key words of a kept article (``_keys`` of its vector), computed once."""
        keys = self.keys.get(article)
        if keys is None:
            keys = self.keys[article] = tuple(_keys(self.vector_of(article)))
        return keys

    def vector(self, p: Profile) -> dict[str, float]:
        """tf-idf of the article's TOP_TERMS heaviest words, unit length, heaviest first (ties by word)."""
        log = math.log
        if self.idf is not None:
            idf, rare = self.idf.get, self.rare_idf
            weighted = {t: (1.0 + log(c)) * idf(t, rare) for t, c in p.counts.items()}
        else:
            df, n = self.df.get, self.documents + 1
            # idf = log((documents + 1) / (df + 1)) + 1, written in line: this runs once per word of every article
            weighted = {t: (1.0 + log(c)) * (log(n / (df(t, 0) + 1)) + 1.0) for t, c in p.counts.items()}
        # by weight, heaviest first, ties by word: two stable sorts without a key function per word
        top = sorted(sorted(weighted), key=weighted.__getitem__, reverse=True)[:TOP_TERMS]
        ws = list(map(weighted.__getitem__, top))
        norm = math.sqrt(sum(map(mul, ws, ws))) or 1.0
        return dict(zip(top, [w / norm for w in ws]))

    # -- scoring (the one scoring code both modes use) -------------------------------------------
    def score(self, p: Profile, vec: dict[str, float], c: Cluster, exclude: str | None = None) -> float:
        """How well the article fits event ``c``: words, then date and place evidence."""
        cos, own = self._cosine(p, vec, c, exclude)
        return cos if cos == -1.0 else self._with_evidence(p, vec, c, cos, own, exclude)

    def _cosine(self, p: Profile, vec: dict[str, float], c: Cluster,
                exclude: str | None = None) -> tuple[float, dict[str, float] | None]:
        """Word similarity to the event's centroid (without ``exclude``'s words); -1 for an empty one."""
        centroid = c.centroid
        dot = _dot(vec, centroid)
        squares = c.squares
        own = None
        if exclude is not None:  # a member against its own event without itself (the centroid minus it)
            own = vec if exclude == p.article else self.vector_of(exclude)
            cross = dot if own is vec else _dot(own, centroid)
            dot -= _dot(vec, own)
            squares += sum(w * w for w in own.values()) - 2 * cross
        if squares <= 1e-12:
            return -1.0, own
        return dot / math.sqrt(squares), own

    def _with_evidence(self, p: Profile, vec: dict[str, float], c: Cluster, cos: float,
                       own: dict[str, float] | None, exclude: str | None) -> float:
        when = self._date_evidence(p, c, exclude)
        street = self._street_evidence(p, c, exclude)
        if when < 0:
            if (p.day is not None or not p.followup) and self._spread(c, exclude, p.day is not None) > DOUBT_SPAN:
                # the event already holds reports dated far apart: one more that does not fit its date would
                # chain look-alike incidents week after week (a misread date is forgiven once, below)
                when = SPREAD_CLASH
            elif cos >= CLOSE_WORDS and street >= 0:
                when *= DATE_DOUBT  # the same story, dated differently: more likely a misread date than two incidents
        return cos + when + street + self._place_evidence(p, vec, c, own, exclude)

    def _scored(self, p: Profile, vec: dict[str, float], cids: list[str], floor: float) -> list[tuple[str, float]]:
        """(event, score) for the candidates that could beat ``floor`` or each other, in ``cids``' order.

        Words first for all; date, place and street evidence (the costly part) only while the word
        similarity plus the most that evidence can add could still reach the best score so far. The
        events left out could not have been chosen, so the choice is the one scoring all would make.
        """
        clusters = self.clusters
        words = [(cid, *self._cosine(p, vec, clusters[cid])) for cid in cids]
        out = {}
        for cid, cos, own in sorted(words, key=lambda w: -w[1]):  # stable: ties keep ``cids``' order
            if cos + MOST_EVIDENCE < floor - 1e-9:
                break
            s = cos if cos == -1.0 else self._with_evidence(p, vec, clusters[cid], cos, own, None)
            out[cid] = s
            floor = max(floor, s)
        return [(cid, out[cid]) for cid in cids if cid in out]

    def _spread(self, c: Cluster, exclude: str | None, text: bool) -> int:
        """Days between the event's earliest and latest date (without ``exclude``): its text-resolved
        days (first-hand ones, else follow-ups') when ``text``, else every report's day or publication."""
        own = self.profiles[exclude] if exclude is not None else None
        if text:
            first, later = c.days, c.later
            if own is not None:
                if own.followup:
                    later = _without(later, own.day)
                else:
                    first = _without(first, own.day)
            days = first or later
        else:
            days = c.times if own is None else _without(c.times, own.time)
        return days[-1] - days[0] if days else 0

    def _date_evidence(self, p: Profile, c: Cluster, exclude: str | None) -> float:
        days, later, times = c.days, c.later, c.times
        if exclude is not None:
            own = self.profiles[exclude]
            if own.followup:
                later = _without(later, own.day)
            else:
                days = _without(days, own.day)
            times = _without(times, own.time)
        # The lists are sorted. An event's day is the middle of its first-hand reports' days, not any
        # of them: a large event with a report on nearly every day must not fit every article.
        if p.day is not None and p.followup and (days or later):
            # a follow-up dated after the incident fits it; one dated before it does not
            return 0.0 if p.day >= (days or later)[0] - 1 else OTHER_DAY
        if p.day is not None and days:
            return SAME_DAY if abs(p.day - days[(len(days) - 1) // 2]) <= 1 else OTHER_DAY
        if p.day is not None and later:
            return 0.0 if p.day <= later[0] + 1 else OTHER_DAY
        t = p.time
        if t is None or not times:
            return 0.0
        gap = abs(t - times[(len(times) - 1) // 2]) if len(times) > 2 else min(abs(t - d) for d in times)
        return LATE_REPORT * max(0, gap - 7)

    def _place_evidence(self, p: Profile, vec: dict[str, float], c: Cluster, own: dict[str, float] | None,
                        exclude: str | None) -> float:
        if p.place is None:
            return 0.0
        places = c.places  # each distinct place once: members often share one
        mine = self.profiles[exclude].place if exclude is not None else None
        if mine is not None and places.get(mine) == 1:
            places = [q for q in places if q != mine]
        if not places:
            return 0.0
        here = p.place
        if here[2] == "town" and here[0] is not None and here in places:
            return SAME_TOWN  # a member placed at the very same town: the loop below would end there
        best, rank = "other region", _RANK["other region"]  # the closest relation to any of the event's places
        for q in places:
            relation = _place_relation(here, q)
            if _RANK[relation] < rank:
                best, rank = relation, _RANK[relation]
                if best == "same":
                    break
        if best in ("other town", "other region") and (
                _names_in(p.place[6], c.centroid, own) or any(_names_in(q[6], vec) for q in places)):
            return 0.0  # the other side names this place too: one side probably resolved it wrongly
        if best in ("other town", "other region") and p.place[5] and all(q[5] for q in places):
            return OTHER_LEAD_PLACE  # each report opens with its own place: two incidents
        return {"same": SAME_TOWN, "near": 0.0, "unknown": 0.0, "other town": OTHER_TOWN,
                "other region": OTHER_REGION}[best]

    def _street_evidence(self, p: Profile, c: Cluster, exclude: str | None) -> float:
        if not p.streets:
            return 0.0
        named = c.streets
        mine = self.profiles[exclude].streets if exclude is not None else ()
        if mine:  # each member names a street once: those only ``exclude`` names drop out
            named = [s for s, n in named.items() if n > (s in mine)]
        if not named:
            return 0.0
        return SAME_STREET if any(s in named for s in p.streets) else OTHER_STREET

    # -- candidates --------------------------------------------------------------------------------
    def candidates(self, p: Profile, vec: dict[str, float], keys: list[str]) -> list[str]:
        """Events with one of the article's key words (``_keys``) and a report near its date, sorted.

        When more than MAX_CANDIDATES qualify (a dense stretch of time, or key words common in it),
        only the events sharing the most key-word weight with the article are kept, so the work per
        article stays bounded as the corpus grows.
        """
        return self._choose(p, self._shared(p, vec, keys))

    def _shared(self, p: Profile, vec: dict[str, float], keys: list[str]) -> dict[str, float]:
        """Event id -> the weight of the article's key words it has a report with near the article's date."""
        shared: dict[str, float] = {}
        near = sorted(self._near(p, keys), key=lambda tf: len(tf[1]))  # stable: ties in key order
        for term, found in near:
            weight = vec[term]
            if len(shared) < SHARED_CAP:
                for cid in found:
                    shared[cid] = shared.get(cid, 0.0) + weight
            elif found.__class__ is tuple or len(found) < len(shared):
                # enough events found by rarer words: commoner ones only add to their weight
                for cid in found:
                    if cid in shared:
                        shared[cid] += weight
            else:
                for cid in shared:
                    if cid in found:
                        shared[cid] += weight
        return shared

    def _near(self, p: Profile, keys: list[str]):
        """(key word, the events with a report naming it near the article's date) per key word."""
        t = p.time
        back = FOLLOWUP_DAYS if p.followup else WINDOW_DAYS
        if self.loader is not None:
            self.loader(None if t is None else t - back, None if t is None else t + WINDOW_DAYS)
        postings = self._postings()
        if t is not None:
            week = t // 7
            first, last = week - back // 7 - 1, week + WINDOW_DAYS // 7 + 1
            weeks = range(first, last + 1)
        for term in keys:
            buckets = postings.get(term)
            if not buckets:
                continue
            if t is None:
                groups = list(buckets.values())
            else:
                if len(buckets) > 3:
                    # busy already in the article's own weeks: the latest of those are the events it finds
                    # (below), and the whole window need not be read
                    groups = [buckets[w] for w in (None, week - 1, week, week + 1) if w in buckets]
                    if _count(groups) > BUSY_WORD:
                        yield term, _latest(groups, BUSY_CAP)
                        continue
                if len(buckets) < len(weeks):
                    groups = [s for w, s in buckets.items() if w is None or first <= w <= last]
                else:
                    groups = [buckets[w] for w in weeks if w in buckets]
                    if None in buckets:
                        groups.append(buckets[None])
                if _count(groups) > BUSY_WORD:
                    # a word this common around the article's date only finds events of its own days,
                    # and of those the few that took a report naming it last
                    groups = [buckets[w] for w in (None, week - 1, week, week + 1) if w in buckets]
                    if _count(groups) > BUSY_CAP:
                        yield term, _latest(groups, BUSY_CAP)
                        continue
            if groups:
                yield term, _union(groups)

    def _choose(self, p: Profile, shared: dict[str, float]) -> list[str]:
        """Of the events in ``shared``, those whose span is near the article's date; the MAX_CANDIDATES
        sharing the most weight when more qualify; sorted by id."""
        t = p.time
        back = FOLLOWUP_DAYS if p.followup else WINDOW_DAYS
        clusters = self.clusters
        out = []
        # the most shared weight first (ties by id), so the events past the first MAX_CANDIDATES that
        # qualify are never looked up: at 100k articles each look-up is a likely cache miss
        order = sorted(shared, key=lambda cid: (-shared[cid], cid)) if len(shared) > MAX_CANDIDATES else shared
        for cid in order:
            c = clusters.get(cid)  # events emptied by ``refine`` leave stale postings
            if c is None:
                continue
            span = c.span
            if t is None or span is None or span[0] - WINDOW_DAYS <= t <= span[1] + back:
                out.append(cid)
                if len(out) == MAX_CANDIDATES:
                    break
        return sorted(out)

    # -- assignment -----------------------------------------------------------------------------------
    def add(self, p: Profile) -> str:
        """Place one article: join the best-scoring candidate event, or open a new one; its id."""
        if p.article in self.of:
            return self.of[p.article]
        if not self.frozen_df:
            self.documents += 1
            if self.df.__class__ is dict:
                _count_elements(self.df, p.counts)
            else:  # a store's vocabulary: fetches the words it lacks in one query
                self.df.update(p.counts.keys())
        vec = self.vector(p)
        keys = list(islice(vec, INDEX_TERMS))  # ``_keys``: ``vector`` puts the heaviest first
        self._keep(p, vec, keys)
        best, best_score = None, THRESHOLD
        for cid, s in self._scored(p, vec, self.candidates(p, vec, keys), THRESHOLD):
            if s >= best_score + 1e-12 or (best is None and s >= best_score):
                best, best_score = cid, s
        if best is None:
            best = event_id(p.article)
            self.clusters[best] = Cluster(best)
        self._join(p, vec, best, keys)
        return best

    def restore(self, p: Profile, vec: dict[str, float], event: str, keep: bool = True,
                keys: Iterable[str] | None = None) -> None:
        """Put back an article placed in an earlier run, with the vector it was placed with.

        Without ``keep`` only its event remembers it (enough for streaming; ``refine`` needs it kept).
        """
        if keep:
            self._keep(p, vec, keys)
        self.clusters.setdefault(event, Cluster(event))
        self._join(p, vec, event, keys)

    def _join(self, p: Profile, vec: dict[str, float], cid: str, keys: Iterable[str] | None = None) -> None:
        c = self.clusters[cid]
        c.members += (p.article,)
        if not c.centroid:  # the first member (same sums as below, without a lookup per word)
            c.centroid = dict(vec)
            c.squares = sum(map(mul, vec.values(), vec.values()), c.squares)
        else:
            for t, w in vec.items():
                old = c.centroid.get(t, 0.0)
                c.centroid[t] = old + w
                c.squares += (old + w) ** 2 - old * old
        if p.day is not None:
            if p.followup:
                c.later = _insorted(c.later, p.day)
            else:
                c.days = _insorted(c.days, p.day)
        if p.time is not None:
            c.times = _insorted(c.times, p.time)
            c.span = (min(c.span[0], p.time), max(c.span[1], p.time)) if c.span else (p.time, p.time)
        if p.place is not None:
            c.places[p.place] = c.places.get(p.place, 0) + 1
        for s in p.streets:
            c.streets[s] = c.streets.get(s, 0) + 1
        self.of[p.article] = cid
        week = p.time // 7 if p.time is not None else None
        postings = self._postings()
        for term in keys if keys is not None else _keys(vec):
            _post(postings, term, week, cid)

    def _leave(self, article: str) -> None:
        cid = self.of.pop(article)
        c = self.clusters[cid]
        p, vec = self.profiles[article], self.vector_of(article)
        c.members = tuple(_without(c.members, article))
        if not c.members:
            del self.clusters[cid]
            return
        for t, w in vec.items():
            old = c.centroid[t]
            left = old - w
            c.squares += left * left - old * old
            if abs(left) < 1e-9:
                del c.centroid[t]
            else:
                c.centroid[t] = left
        if p.day is not None:
            if p.followup:
                c.later = tuple(_without(c.later, p.day))
            else:
                c.days = tuple(_without(c.days, p.day))
        if p.time is not None:
            c.times = tuple(_without(c.times, p.time))
            c.span = (c.times[0], c.times[-1]) if c.times else None
        if p.place is not None:
            c.places[p.place] -= 1
            if not c.places[p.place]:
                del c.places[p.place]
        for s in p.streets:  # the streets no member names any more drop out
            c.streets[s] -= 1
            if not c.streets[s]:
                del c.streets[s]

    def refine(self, rounds: int = 2) -> int:
        """Batch only: move each article to the event that fits it best now that all are placed.

        An article that chose to stay is not scored again in a later round unless its event, or an
        event sharing a key word with it near its date, has changed since (a member moved in or
        out): the scores it would get are the ones it got, so the choice is the same.  When only
        other events changed, only those are scored again against staying.
        """
        moved = 0
        moves = 0                                  # moves made so far in this call
        changed_at: dict[str, int] = {}            # event id -> the move that last changed it
        touched: set[str] = set()                  # the keys of ``changed_at``, as a set to intersect
        stayed_at: dict[str, int] = {}             # article -> ``moves`` when it last chose to stay
        order = sorted(self.of, key=lambda a: self.profiles[a].order)
        for _ in range(rounds):
            changed = 0
            for article in order:
                p, keys, home = self.profiles[article], self.keys_of(article), self.of[article]
                since = stayed_at.get(article)
                home_as_was = since is not None and changed_at.get(home, 0) <= since
                if home_as_was and not any(changed_at[cid] > since for _, found in self._near(p, keys)
                                           for cid in touched.intersection(found)):
                    continue
                vec = self.vector_of(article)
                candidates = [cid for cid in self.candidates(p, vec, keys) if cid != home]
                if home_as_was:
                    # its event is as it was: the events that have not changed lost to it then and still do
                    candidates = [cid for cid in candidates if changed_at.get(cid, 0) > since]
                stay = self.score(p, vec, self.clusters[home], exclude=article) \
                    if len(self.clusters[home].members) > 1 else THRESHOLD
                best, best_score = home, stay
                for cid, s in self._scored(p, vec, candidates, stay):
                    if s > best_score + 1e-12:
                        best, best_score = cid, s
                if best != home:
                    self._leave(article)
                    self._join(p, vec, best, keys)
                    moves += 1
                    changed_at[home] = changed_at[best] = moves
                    touched.update((home, best))
                    stayed_at.pop(article, None)
                    changed += 1
                else:
                    stayed_at[article] = moves
            moved += changed
            if not changed:
                break
        return moved

    def relabel(self) -> None:
        """Batch only: name each event after its earliest article, so ids do not depend on the passes."""
        clusters = {}
        for c in self.clusters.values():
            c.members = tuple(sorted(c.members, key=lambda a: self.profiles[a].order))
            c.id = event_id(c.members[0])
            clusters[c.id] = c
            for a in c.members:
                self.of[a] = c.id
        self.clusters = clusters
        self.relabelled = True

    def _postings(self) -> dict[str, dict[int | None, str | tuple[str, ...]]]:
        """The inverted index, rebuilt under the new event ids the first time it is needed after
        ``relabel`` (a batch run that only stores its events never needs it)."""
        if self.relabelled:
            self.relabelled = False
            self.postings = postings = {}
            for c in self.clusters.values():
                for a in c.members:
                    p = self.profiles[a]
                    week = p.time // 7 if p.time is not None else None
                    for term in self.keys_of(a):
                        _post(postings, term, week, c.id)
        return self.postings


def _post(postings: dict, term: str, week: int | None, cid: str) -> None:
    """Note in ``postings`` that event ``cid`` has a report with key word ``term`` in ``week``."""
    buckets = postings.get(term)
    if buckets is None:
        postings[term] = {week: cid}
        return
    there = buckets.get(week)
    if there is None:
        buckets[week] = cid
    elif there.__class__ is str:
        if there != cid:
            buckets[week] = (there, cid)
    elif cid not in there:
        buckets[week] = there + (cid,)


def _count(groups: list) -> int:
    """How many events the ``postings`` buckets ``groups`` hold together (an event in two counts twice)."""
    return sum(1 if g.__class__ is str else len(g) for g in groups)


def _latest(groups: list, n: int) -> tuple[str, ...]:
    """The ``n`` events last posted in ``postings`` buckets ``groups`` (the last bucket's last first)."""
    out: list[str] = []
    for g in reversed(groups):
        for cid in ((g,) if g.__class__ is str else reversed(g)):
            if cid not in out:
                out.append(cid)
                if len(out) == n:
                    return tuple(out)
    return tuple(out)


def _union(groups: list) -> tuple[str, ...] | set[str]:
    """The events in ``postings`` buckets ``groups``: a tuple when one bucket holds them all, else a set."""
    if len(groups) == 1:
        g = groups[0]
        return (g,) if g.__class__ is str else g
    out = set()
    for g in groups:
        if g.__class__ is str:
            out.add(g)
        else:
            out.update(g)
    return out


def _dot(vec: dict[str, float], other: dict[str, float]) -> float:
    """Sum of ``vec[t] * other[t]`` over ``vec``'s words, in ``vec``'s order (map: no Python frame per word)."""
    return sum(map(mul, vec.values(), map(other.get, vec, repeat(0.0))))


def event_id(article: str) -> str:
    """An event is named after the article that opened it (batch: its earliest article)."""
    return "ev-" + article


def _keys(vec: dict[str, float]) -> list[str]:
    """The words that find an article's candidate events: its INDEX_TERMS heaviest."""
    return sorted(vec, key=lambda t: (-vec[t], t))[:INDEX_TERMS]


_RELATION_ORDER = ["same", "near", "unknown", "other town", "other region"]
_RANK = {relation: i for i, relation in enumerate(_RELATION_ORDER)}


def _place_relation(a: tuple, b: tuple) -> str:
    lat1, lon1, prec1, country1, admin1 = a[:5]
    lat2, lon2, prec2, country2, admin2 = b[:5]
    if country1 and country2 and country1 != country2:
        return "other region"
    if admin1 and admin2 and admin1 != admin2:
        return "other region"
    if prec1 == "town" and prec2 == "town" and lat1 is not None and lat2 is not None:
        if abs(lat1 - lat2) * _KM_PER_DEGREE > NEAR_KM + 0.01:
            return "other town"  # the north-south distance alone is too far (the distance is at least that)
        km = _km(lat1, lon1, lat2, lon2)
        if km <= 1.0:
            return "same"
        return "near" if km <= NEAR_KM else "other town"
    return "unknown"


_KM_PER_DEGREE = 6371.0 * math.pi / 180  # of latitude, on the sphere ``_km`` uses


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _names_in(name: str, vector: dict[str, float], minus: dict[str, float] | None = None) -> bool:
    """Every word of a place name is among an article's (or event's, ``minus`` one member's) words."""
    words = name.split()
    if minus is None:
        return bool(words) and all(w in vector for w in words)
    return bool(words) and all(vector.get(w, 0.0) - minus.get(w, 0.0) > 1e-9 for w in words)


def _insorted(values: tuple, value) -> tuple:
    """``values`` (sorted) with ``value`` put in its place, after any equal ones (as ``insort``)."""
    i = bisect_right(values, value)
    return values[:i] + (value,) + values[i:]


def _without(values: list, value) -> list:
    if value is None:
        return values
    out = list(values)
    try:
        out.remove(value)
    except ValueError:
        pass
    return out


def batch(profiles: Iterable[Profile], refine: bool = True) -> Index:
    """Cluster a whole corpus: document frequencies over all of it, articles added in time order."""
    profiles = sorted(profiles, key=lambda p: p.order)
    df: dict[str, int] = {}
    _count_elements(df, chain.from_iterable([p.counts for p in profiles]))  # one C loop over every word
    index = Index(df, len(profiles), frozen_df=True)
    # the same idf ``vector`` would work out per word of every article, once per word of the corpus; words
    # of one document (half the vocabulary) share one value, so the table looked up per word is half as
    # large: at 100k articles the df table outgrows the processor's cache and each look-up is a miss
    log, n = math.log, len(profiles) + 1
    index.idf = {t: log(n / (c + 1)) + 1.0 for t, c in df.items() if c > 1}
    index.rare_idf = log(n / 2) + 1.0
    for p in profiles:
        index.add(p)
    if refine:
        index.refine()
    index.relabel()
    return index
