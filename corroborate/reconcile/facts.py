"""Date, place, event type and actors, each merged across reports with its disputes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date as _date, timedelta
from typing import Any

from .. import dates
from ..clean import lower
from ..dates import span as date_span
from ..extract import answered, day_before
from ..model import Article
from .reports import Origins, Report, _first, _position


FRESH_DAYS = 3  # a report published this many days after the date it gives broke the news
_LINK_RANK = {"claimed": 0, "blamed": 1, "suspected": 2, "reported": 3}


def date(articles: list[Article], origins: Origins) -> tuple[dict | None, list[dict]]:
    """The event date most origins give (ties: one the words tie to the event itself, then one the act's own words
    give before a later one only the police's arrival gives, then one given fresh,
    then one more reports carry, then one written out, then one told with its hour, then with its part of the
    day, then the earliest), else the first report's publication day (the day before when a report of that day
    tells a late-evening hour with no day, ``dates.night_before``, or heads an arrest or a charge,
    ``dates.follow_up_headline``: the act came before it was written).  A report whose words run its date on
    to a later day ("on Monday evening and Tuesday morning": ``until``) supports each day of the run; so does
    "overnight" the evening before the day it is read as ("overnight" beside "Monday night" is no dispute).

    A date after the first report's publication day is a later event's (an arrest, a trial, a
    death in hospital) and takes no part; the reports keep it. The day just after it, given as the
    news broke and not as a follow-up's, may be the event's told by a page stamped a day early: it
    may win, never dispute.  Only a report that gives a date
    bounds it by its day: an undated report's stamp (which may be a crawl or update time) bounds
    it by FRESH_DAYS.  A late report's relative day that would fall out is read again against the
    first report's day (``_reread_late``): it may agree with the others, never dispute them.  A
    month or week lends its origins to the days inside it, not the other way round.  "Late Friday
    night" beside "early Saturday" is Saturday (see ``_after_midnight``)."""
    reports = []
    for a in articles:
        c = _first(a, "date")
        if c is not None:
            reports.append(Report(a, [c], c.value["date"], origins.of(a, c)))
    times = [(a, c) for a in articles for c in [_first(a, "time")] if c is not None]
    time = Counter(c.value["time"] for _, c in times).most_common(1)[0][0] if times else None
    written_on = {id(a): dates.written_day(a) for a in articles}  # each report's day, read once (by object: ids may be unset)
    first = min(filter(None, written_on.values()), default=None)
    # (a report that gives no date may carry a wrong stamp: its day bounds the event by FRESH_DAYS only)
    first_dated = min(filter(None, (written_on[id(r.article)] for r in reports)), default=None)
    rank = {id(r): _rank(r.claims[0]) for r in reports}

    def too_late(start: _date, r: Report | None = None) -> bool:  # the event happened by the day it was first reported
        bound = first_dated + timedelta(days=1) if r is not None and day_after(r) else first_dated
        return first is not None and (start > bound or (start - first).days > FRESH_DAYS)

    def day_after(r: Report) -> bool:
        # a page's stamp may be a day early: the day after the first report's stays in when a report written as
        # the news broke gives it and its words do not make it a follow-up's or a statement's ("shot early
        # Friday", not "arrested Friday"); such a day may win the vote, never open a dispute (``loose``)
        day, written = _date.fromisoformat(r.value), written_on[id(r.article)]
        return (rank[id(r)] <= 3 and r.claims[0].value.get("precision") == "day" and written is not None
                and 0 <= (written - day).days <= FRESH_DAYS)

    reread = _reread_late(reports, first, too_late, rank)
    spans = {r.value: date_span(r.value, r.claims[0].value["precision"]) for r in reports}
    own = {r.value for r in reports if rank[id(r)] <= 1}
    # of those, a day the police's arrival gives ("officers were called Sunday") gives way to an earlier day the
    # act's own words give ("the May 11 shooting"): police come to a shooting after it, at times the next day
    act = {r.value for r in reports if rank[id(r)] == 0 and not _answered(r.claims[0])}
    # a later date is a follow-up's (arrest, trial, a death in hospital)
    later = {v for v, (start, _) in spans.items()
             if too_late(start) and not any(r.value == v and not too_late(start, r) for r in reports)}
    loose = {v for v, (start, _) in spans.items() if v not in later and too_late(start)}
    if len(later) == len(spans):
        dated = sorted((day, a.published, a.id, a) for a in articles if (day := written_on[id(a)]))
        if not dated:
            return None, []
        day, _, _, a = dated[0]
        derived = "publication date"
        # a report of that day that tells the hour but no day, late in the evening ("around 11 p.m."), tells of
        # the night before it was written; one headed by an arrest or a charge, of a day before (``day_before``)
        why = [(reason, b) for _, _, _, b in dated if written_on[id(b)] == day and (reason := day_before(b))]
        late = next((hour for (kind, hour), _ in why if kind == "night"), None)
        justice = next((b for (kind, _), b in why if kind == "follow-up"), None)
        if late is not None:
            day -= timedelta(days=1)
            derived = f"the night before the publication date: '{late.value['time']}' with no day"
        elif justice is not None:
            day -= timedelta(days=1)
            derived = f"the day before the publication date of a report of a later step: '{justice.title}'"
        return {"value": day.isoformat(), "precision": "day", "time": time, "basis": "published",
                "status": "single-source", "reports": [{"article": a.id, "outlet": a.outlet,
                                                        "published": a.published, "value": day.isoformat(),
                                                        "quote": late.quote[late.start:late.end] if late else None,
                                                        "context": late.quote if late else None,
                                                        "derived": derived}]
                + [_summary(r, reread) for r in reports]}, []
    votes: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        if r.value in later:
            continue
        votes[r.value].add(r.origin)
    _after_midnight(votes, reports)
    # a month or week agrees with a day inside it (and lends it its origins, not the other way round:
    # "in January" beside "Jan. 3" and "Jan. 2" does not outvote either); the finest value most origins
    # support wins
    support = {v: {o for w, os in votes.items() if _meets(spans[v], spans[w]) and _width(spans[w]) >= _width(spans[v])
                   for o in os} for v in votes}
    # a report that tells its event over a run of days ("on Monday evening and Tuesday morning") lends its
    # origin to each day of the run another report gives, as a week does
    runs = {id(r): _run(r) for r in reports if r.value not in later and id(r) not in reread}
    for r in reports:
        if runs.get(id(r)):
            for v in votes:
                if _width(spans[v]) == 0 and _meets(spans[v], runs[id(r)]):
                    support[v].add(r.origin)
    # a tie goes to a date the words tie to the event itself (``own``; not "arrested Monday"),
    # then to a date that a report gave within FRESH_DAYS of its own publication (written while the
    # news broke, when "Saturday" meant this Saturday)
    fresh = {v for v in votes for r in reports if r.value == v and (day := written_on[id(r.article)])
             and (day - spans[v][0]).days <= FRESH_DAYS}
    # then to one more reports carry (copies of one source are one origin, but still say it more than once),
    carried = Counter(r.value for r in reports)
    # then to a date written out ("June 6", not "Sunday", which leans on the report's stamp)
    written = {r.value for r in reports for c in r.claims[:1] if c.start >= 0 and _DIGIT.search(c.quote[c.start:c.end])}
    # (a day only read again is a guess: it gives way to one a report gave as it stands)
    given = {r.value for r in reports if id(r) not in reread}
    # then to one told with its hour ("about 11 p.m. Monday"), then with its part of the day ("early Monday
    # morning"), before the weekday alone: the report that knows when in the day it happened knows the day
    # better ("overnight", "this morning" lean on the report's stamp and do not count)
    timed: dict[str, int] = defaultdict(int)
    for r in reports:
        c = r.claims[0]
        if c.value.get("time") and c.start >= 0 and not _DEICTIC.search(c.quote[c.start:c.end]):
            timed[r.value] = max(timed[r.value], 2 if _DIGIT.search(c.value["time"]) else 1)
    value = min(votes, key=lambda v: (-len(support[v]), _width(spans[v]), v not in given, v not in own,
                                      v not in act and any(w < v for w in act), v not in fresh,
                                      -carried[v], v not in written, -timed[v], v))
    precision = next(r.claims[0].value["precision"] for r in reports if r.value == value)
    conflicting = sorted(v for v in votes if not _meets(spans[v], spans[value]))
    # (a day read again is a guess at what a late report's words meant: it may agree, never dispute; so may a
    # later day that only a statement or a follow-up gives: "the attack took place in Ketto, the governor wrote on
    # Saturday" says the act came by Saturday, not on it)
    firm = {v: {r.origin for r in reports if r.value == v and id(r) not in reread
                and not (runs.get(id(r)) and _meets(runs[id(r)], spans[value]))
                and not (rank[id(r)] >= 4 and spans[v][0] > spans[value][1])} if v not in loose else set()
            for v in conflicting}
    disputes = []
    if conflicting and any(firm[v] - votes[value] for v in conflicting):
        disputes.append({"about": "date", "positions": [
            _position(v, [r for r in reports if r.value == v]) for v in sorted(votes)]})
    out = {"value": value, "precision": precision, "time": time, "basis": "text",
           "status": "disputed" if disputes else ("agreed" if len(support[value]) > 1 else "single-source"),
           "reports": [_summary(r, reread) for r in reports]}
    if times:
        out["time_reports"] = [Report(a, [c], c.value["time"], origins.of(a, c)).summary() for a, c in times]
    return out, disputes


def _summary(r: Report, reread: dict[int, str]) -> dict:
    """A report's summary; one read again against the first report's day keeps the day its words give
    against its own (a reader of that report reads them so) and says how it was counted (``read_as``)."""
    out = r.summary()
    if id(r) in reread:
        out["read_as"], out["value"] = out["value"], reread[id(r)]
    return out


def _reread_late(reports: list[Report], first: _date | None, too_late, rank: dict[int, int]) -> dict[int, str]:
    """A report's relative day ("late Friday", "yesterday") read again against the first report's day, when
    read against its own it is ``too_late`` for the event and the words do not tie it to a follow-up or a
    statement ("shot late Friday", "late Friday in Elm Park"; not "arraigned Monday"). A page crawled,
    re-published or stamped days later keeps the words written when the news broke: the same Friday as the
    first report's, when that lands within FRESH_DAYS before it. Such a report votes with the day read
    again (``r.value``, ``derived`` says how); its summary keeps the day its words give against its own
    stamp (``_summary``). Returns each such report's own value (by ``id``)."""
    out: dict[int, str] = {}
    if first is None:
        return out
    for r in reports:
        c = r.claims[0]
        if c.value.get("precision") != "day" or c.start < 0 or rank[id(r)] > 3:
            continue
        words = c.quote[c.start:c.end]
        if _DIGIT.search(words) or not too_late(_date.fromisoformat(r.value), r):
            continue
        again = next((w for w in dates.find(words, first) if w.precision == "day"), None)
        if again and 0 <= (first - _date.fromisoformat(again.date)).days <= FRESH_DAYS:
            out[id(r)] = r.value
            r.value = again.date
            r.derived = f"'{words}' read against the first report's day, {first.isoformat()}"
    return out


def _run(r: Report) -> tuple[_date, _date] | None:
    """The days a report's date runs over when its words join it to a later day ("late Friday or early
    Saturday": ``until`` in the claim), or "overnight" (read as the report's day: the evening before it too),
    else None."""
    c = r.claims[0]
    until = c.value.get("until")
    if until and until > r.value:
        return _date.fromisoformat(r.value), _date.fromisoformat(until)
    if c.start >= 0 and c.value.get("precision") == "day" and c.quote[c.start:c.end].lower() == "overnight":
        day = _date.fromisoformat(r.value)  # the night before the report's day and its small hours
        return day - timedelta(days=1), day
    return None


def _rank(c) -> int:
    """How closely a date claim's words tie it to the event (extraction's rank): 0 the act's own ("shot Friday",
    "Friday's shooting"), 1 a death or a discovery ("died Sunday"), 2-3 no event word near it, 4 a follow-up's or a
    statement's ("arrested Monday", "said Tuesday"); 5 not the event's at all."""
    from ..extract import date_tie

    rank = date_tie(c.quote, c.start, c.end) if c.start >= 0 else None
    return 5 if rank is None else rank


def _answered(c) -> bool:
    """Whether the police's arrival, not the act, ties a date claim to the event (``extract.answered``)."""
    return c.start >= 0 and answered(lower(c.quote), c.start, c.end, c.quote)


def _width(span: tuple[_date, _date]) -> int:
    return (span[1] - span[0]).days


_DIGIT = re.compile(r"\d")
_DEICTIC = re.compile(r"overnight|today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)", re.I)
_NIGHT = re.compile(r"\b(?:night|late)\b", re.I)
_SMALL_HOURS = re.compile(r"\b(?:early|midnight|wee\s+hours|small\s+hours)\b", re.I)  # not "overnight": its day is a guess


def _after_midnight(votes: dict[str, set[str]], reports: list[Report]) -> None:
    """"Late Friday night" beside "early Saturday" is one hour told two ways: the calendar day is
    Saturday, and the Friday votes move to it (only when some report puts it in Saturday's small hours)."""
    said: dict[str, list[str]] = defaultdict(list)
    for r in reports:
        c = r.claims[0]
        if c.value.get("precision") == "day":
            said[r.value].append(c.quote[c.start:c.end] if c.start >= 0 else "")
    for v in sorted(votes):
        if v not in said or not all(_NIGHT.search(w) and not _SMALL_HOURS.search(w) for w in said[v]):
            continue
        after = (_date.fromisoformat(v[:10]) + timedelta(days=1)).isoformat()
        if after in votes and any(_SMALL_HOURS.search(w) for w in said.get(after, [])):
            votes[after] |= votes.pop(v)


_PRECISION = {"town": 0, "village": 0, "district": 1, "region": 2, "country": 3}


def _contains(outer: dict, inner: dict) -> bool:
    """Whether place ``outer`` is ``inner`` or a coarser place around it."""
    if outer.get("country") != inner.get("country"):
        return False
    po = _PRECISION.get(outer.get("precision"), 0)
    if po == 3:
        return True
    if po == 2 and outer.get("name") in (inner.get("admin1"), inner.get("name")):
        return True
    return _place_key(outer) == _place_key(inner)


def _place_key(p: dict) -> tuple:
    return (p.get("country"), p.get("admin1"), p.get("name"))


def location(articles: list[Article], origins: Origins) -> tuple[dict | None, list[dict]]:
    """The finest place that most origins name or name a place around; other places are disputes."""
    reports = []
    for a in articles:
        c = _first(a, "place")
        if c is not None:
            reports.append(Report(a, [c], c.value, origins.of(a, c)))
    disputes: list[dict] = []
    out: dict[str, Any] | None = None
    if reports:
        places = {_place_key(r.value): r.value for r in reports}
        support = {k: {r.origin for r in reports if _contains(r.value, p) or _contains(p, r.value)}
                   for k, p in places.items()}
        key = min(places, key=lambda k: (-len(support[k]), _PRECISION.get(places[k].get("precision"), 0),
                                         tuple(str(x) for x in k)))
        chosen = places[key]
        other = [r for r in reports if not (_contains(r.value, chosen) or _contains(chosen, r.value))]
        if other and {r.origin for r in other} - support[key]:
            names = sorted({_place_key(r.value) for r in reports}, key=lambda k: tuple(str(x) for x in k))
            disputes.append({"about": "place", "positions": [
                _position(places[k]["name"], [r for r in reports if _place_key(r.value) == k]) for k in names]})
        out = {**{k: chosen.get(k) for k in ("name", "admin1", "country", "lat", "lon", "precision")},
               "status": "disputed" if disputes else ("agreed" if len(support[key]) > 1 else "single-source"),
               "reports": [r.summary() for r in reports]}
    relations = []
    rel: dict[str, list[Report]] = defaultdict(list)
    for a in articles:
        for c in a.claims:
            if c.kind == "relation" and c.scope is None:
                rel[c.value.get("relation") or ""].append(Report(a, [c], c.value.get("place"), origins.of(a, c)))
    for relation, reps in sorted(rel.items()):
        named = sorted({r.value for r in reps if r.value})
        for place in named:
            held = [r for r in reps if r.value == place]
            relations.append({"relation": relation, "place": place, "country": held[0].claims[0].value.get("country"),
                              "reports": [r.summary() for r in held]})
        if len(named) > 1:
            disputes.append({"about": relation.strip() or "relation", "positions": [
                _position(p, [r for r in reps if r.value == p]) for p in named]})
    if out is None and not relations:
        return None, disputes
    out = out or {"name": None, "admin1": None, "country": None, "lat": None, "lon": None, "precision": None,
                  "status": "unknown", "reports": []}
    out["relations"] = relations
    return out, disputes


def event_type(articles: list[Article], origins: Origins) -> dict | None:
    """The type most origins give; ties go to the most specific (the taxonomy's order)."""
    from ..eventtypes import TYPES

    order = list(TYPES)
    reports = [Report(a, [c], c.value["type"], origins.of(a, c)) for a in articles for c in [_first(a, "type")] if c]
    if not reports:
        return None
    votes: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        votes[r.value].add(r.origin)
    best = min(votes, key=lambda t: (-len(votes[t]), order.index(t) if t in order else len(order)))
    chosen = next(r for r in reports if r.value == best).claims[0].value
    return {**chosen, "status": "agreed" if len(votes) == 1 and len(votes[best]) > 1 else
            "single-source" if len(votes) == 1 else "mixed",
            "reports": [r.summary() for r in reports]}


# --- Actors -----------------------------------------------------------------------------

def actors(articles: list[Article], origins: Origins, when: dict | None = None) -> tuple[list[dict], list[dict]]:
    """Perpetrators (with the strongest link any report gives) and targets; unverified claims marked.

    A claim whose sentence names another day ("blamed X for the September 30 attack") is about
    another event even when its article, undated, could not place that day itself."""
    by_key: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for a in articles:
        for c in a.claims:
            if c.kind == "actor" and c.scope is None and not _names_another_day(c.quote, when):
                by_key[(c.value.get("role") or "", c.value.get("name") or "")].append(
                    Report(a, [c], c.value.get("link"), origins.of(a, c)))
    out = []
    def rank(kv):  # perpetrators first, the strongest link and the most sources first
        (role, name), reps = kv
        best = min((_LINK_RANK.get(r.value, 9) for r in reps), default=9)
        return (role != "perpetrator", best, -len({r.origin for r in reps}), role, name)

    for (role, name), reps in sorted(by_key.items(), key=rank):
        reps.sort(key=lambda r: (r.published or "9999", r.article.id))
        links = sorted({r.value for r in reps if r.value}, key=lambda l: _LINK_RANK.get(l, 9))
        row: dict[str, Any] = {"name": name or None, "role": role, "link": links[0] if links else None,
                               "links": links, "independent_sources": len({r.origin for r in reps}),
                               "reports": [{**r.summary(), "link": r.value, "via": r.claims[0].value.get("via"),
                                            "evidence": r.claims[0].value.get("evidence"),
                                            "by": r.claims[0].value.get("by")} for r in reps]}
        if role == "perpetrator" and name:
            if "claimed" in links:
                row["verified"] = False
                row["unverified_because"] = (
                    "claimed without evidence" if any(r.claims[0].value.get("evidence") is False for r in reps)
                    else "a claim of responsibility by the group itself, not confirmed by another source")
            elif links and links[0] in ("blamed", "suspected"):
                row["verified"] = False
                row["unverified_because"] = f"{links[0]} by others; no claim of responsibility"
        out.append(row)
    disputes = []
    nobody = [r for r in out if r["role"] == "perpetrator" and r["name"] is None and r["link"] == "no claim"]
    named = [r for r in out if r["role"] == "perpetrator" and r["name"] and r["link"] in ("claimed", "blamed")]
    for r in nobody:  # "no group immediately claimed" before a claim is how the story evolved, not a dispute
        first_claim = min((rep["published"] or "9999" for n in named for rep in n["reports"]
                           if rep["link"] == "claimed"), default=None)
        if first_claim and all((rep["published"] or "") <= first_claim for rep in r["reports"]):
            r["evolution"] = "no claim of responsibility at first; a claim came later"
    if len({r["name"] for r in named}) > 1:
        disputes.append({"about": "perpetrator", "positions": [
            {"value": f"{r['name']} ({r['link']})", "articles": sorted({p["article"] for p in r["reports"]}),
             "outlets": sorted({p["outlet"] or p["article"] for p in r["reports"]}),
             "said_by": sorted({p["said_by"] for p in r["reports"] if p["said_by"]}),
             "origins": sorted({p["origin"] for p in r["reports"]})} for r in named]})
    return out, disputes


def _names_another_day(quote: str, when: dict | None) -> bool:
    """Whether ``quote`` writes out a month and day more than a day away from the event's day."""
    if not when or when.get("precision") != "day" or not when.get("value"):
        return False
    day = _date.fromisoformat(when["value"][:10])
    # resolved against two days after the event: a date written within a day of it stays in its year
    return any(re.search(r"\d", w.text) and abs((_date.fromisoformat(w.date) - day).days) > 1
               for w in dates.find(quote, day + timedelta(days=2)))


# --- Related events ---------------------------------------------------------------------


def _meets(a: tuple[_date, _date] | None, b: tuple[_date, _date] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])
