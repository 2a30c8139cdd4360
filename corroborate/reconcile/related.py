"""Related events: background mentions grouped into the other events they describe, each reconciled apart."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date as _date, timedelta
from typing import Any

from ..model import Article, Claim
from .facts import _meets, date_span
from .reports import Origins
from .tolls import figures


_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_COMMON = frozenset("""that this with were have been from after before their there which when while about
said says told according also into near over under than them they more most some such only other
killed kill attack attacks attacked people died dead wounded injured month months week weeks year years
day days last comes came""".split())
RELATED_SCORE = 0.35   # see related_events
SAME_FIGURE = 0.3
SAME_DAYS = 0.2


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _COMMON}


_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|\d+)\s+(day|week|month|year)s?\s+(?:after|ago|before|earlier)\b", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _span(c: Claim, main: _date | None) -> tuple[_date, _date] | None:
    """The days a background mention can be about: its date, its month, or "a month after" counted back."""
    if c.scope_date and len(c.scope_date) in (7, 10):
        return date_span(c.scope_date, "day" if len(c.scope_date) == 10 else "month")
    m = _AGO.search(c.scope or "")
    if m and main is not None:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
        days = n * _UNIT_DAYS[m.group(2).lower()]
        slack = max(1, _UNIT_DAYS[m.group(2).lower()] // 4)
        return main - timedelta(days=days + slack), main - timedelta(days=days - slack)
    return None




def _same_figure(c: Claim, figs: list[Claim]) -> bool:
    """Another mention gives the same measure for the same group, within a quarter of its value."""
    return c.kind == "figure" and any(f.measure == c.measure and f.group == c.group and
                                      abs(f.value - c.value) <= 0.25 * max(f.value, c.value) for f in figs)


def related_events(event_id: str, articles: list[Article], origins: Origins, main: str | None = None) -> list[dict]:
    """Background events the reports mention, each with its own figures and disputes.

    Mentions from one sentence belong together.  Another mention joins the related event it
    fits best if their dates do not contradict and it scores at least ``RELATED_SCORE``: the
    share of its words the event's mentions use, plus ``SAME_FIGURE`` when it gives the same
    figure within 25 % (38 vs 40 soldiers killed), plus ``SAME_DAYS`` when both are dated to
    within a fortnight ("a month after" the 1 November attack and "Sept. 30").
    """
    main_day = _date.fromisoformat(main[:10]) if main and len(main) >= 10 else None
    mentions = sorted(((a, c) for a in articles for c in a.claims if c.scope is not None and c.kind in ("figure", "actor")),
                      key=lambda ac: (len(ac[1].scope_date or "") != 10, ac[0].published or "9999", ac[0].id, ac[1].sentence))
    groups: list[dict[str, Any]] = []
    where: dict[tuple[str, int], dict] = {}
    for a, c in mentions:
        g = where.get((a.id, c.sentence))
        words = _words(f"{c.scope} {c.quote}")
        span = _span(c, main_day)
        if g is None:
            best, score = None, 0.0
            for h in groups:
                if not _meets(h["span"], span):
                    continue
                s = len(words & h["words"]) / max(1, min(len(words), len(h["words"])))
                s += SAME_FIGURE * _same_figure(c, h["figures"])
                s += SAME_DAYS * bool(span and h["span"] and (span[1] - span[0]).days <= 15
                                      and (h["span"][1] - h["span"][0]).days <= 15)
                if s > score:
                    best, score = h, s
            if best is not None and score >= RELATED_SCORE:
                g = best
            else:
                g = {"span": None, "date": None, "words": set(), "figures": [], "mentions": []}
                groups.append(g)
            where[(a.id, c.sentence)] = g
        g["mentions"].append((a, c))
        g["words"] |= words
        if c.kind == "figure":
            g["figures"].append(c)
        if span and (g["span"] is None or (span[1] - span[0]) < (g["span"][1] - g["span"][0])):
            g["span"] = span
        if c.scope_date and (g["date"] is None or len(c.scope_date) > len(g["date"])):
            g["date"] = c.scope_date
    out = []
    for n, g in enumerate(groups, 1):
        figs = defaultdict(list)
        for a, c in g["mentions"]:
            if c.kind == "figure":
                figs[a.id].append(c)
        members = [a for a in articles if a.id in {x.id for x, _ in g["mentions"]}]
        rows, disputes = figures(members, origins, claims={a.id: figs.get(a.id, []) for a in members})
        first_a, first_c = g["mentions"][0]
        out.append({"id": f"{event_id}/related-{n}", "date": g["date"], "description": first_c.quote,
                    "mentioned_as": sorted({c.scope for _, c in g["mentions"] if c.scope}),
                    "articles": sorted({a.id for a, _ in g["mentions"]}),
                    "figures": rows, "disputes": disputes,
                    "actors": [{"role": role, "name": name} for role, name in sorted(
                        {(c.value.get("role"), c.value.get("name")) for _, c in g["mentions"]
                         if c.kind == "actor" and c.value.get("name")})]})
    return out


# --- Timeline and the whole event ----------------------------------------------------------
