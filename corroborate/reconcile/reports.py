"""Reports and origins: one article's position on a fact, and which independent source it comes from."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import Article, Claim, Event
from ..reuse import MIN_TOKENS, tokens


DEFAULT_POLICY = "best"
POLICIES = ("best", "conservative")
INF = float("inf")

# Groups that do not overlap, so an article's counts of them add up to its total.
DISJOINT = ("soldiers", "police", "civilians", "attackers", "peacekeepers")
_OFFICIAL = re.compile(
    r"\b(?:government|ministry|minister|spokes(?:man|woman|person)|police|sheriff|army|military|"
    r"official|officials|authorities|president|presidency|governor|mayor|coroner|medical\s+examiner|"
    r"department|chief|commander|prosecutor|district\s+attorney|state)\b", re.I)



@dataclass(slots=True)
class Report:
    """One article's position on one question, with the claim(s) that carry it."""

    article: Article
    claims: list[Claim]
    value: Any
    origin: str
    low: float = 0
    high: float = INF
    vague: bool = False
    derived: str | None = None   # how a total was added up, when no single claim states it

    @property
    def published(self) -> str:
        return self.article.published or ""

    @property
    def official(self) -> bool:
        return any(c.said_by and _OFFICIAL.search(c.said_by) for c in self.claims)

    def summary(self) -> dict[str, Any]:
        c = self.claims[0]
        out = {"article": self.article.id, "outlet": _name(self.article), "published": self.article.published,
               "value": self.value, "qualifier": c.qualifier, "wording": None if self.derived else c.wording,
               "vague": self.vague, "said_by": c.said_by,
               "channel": c.channel, "origin": self.origin,
               "quote": c.quote[c.start:c.end] if c.start >= 0 else "", "sentence": c.sentence,
               "context": c.quote}
        if self.derived:
            out["derived"] = self.derived
        return out


# --- Origins -------------------------------------------------------------------------

def members(event: Event, articles: Iterable[Article], pairs: Iterable[Any]) -> tuple[list[Article], list[Any]]:
    """The event's articles in publication order (undated last) and the reuse pairs among them."""
    ids = set(event.articles)
    arts = sorted((a for a in articles if a.id in ids), key=lambda a: (a.published is None, a.published or "", a.id))
    return arts, [r for r in pairs if r.a in ids and r.b in ids]


class Origins:
    """Which independent source each sentence of each article comes from."""

    def __init__(self, articles: Iterable[Article], pairs: Iterable[Any]):
        self.articles = {a.id: a for a in articles}
        self.own = {i: (f"wire:{a.wire}" if a.wire else i) for i, a in self.articles.items()}  # an article's own sentences
        self.copied: dict[tuple[str, int], str] = {}
        for r in sorted(pairs, key=lambda r: (r.a, r.b)):
            if r.a not in self.articles or r.b not in self.articles or not r.passages:
                continue
            if r.origin in (r.a, r.b):
                source = self.own[r.origin]
            else:  # a common wire, or no direction: the pair shares one source either way
                source = r.origin if r.origin.startswith("wire:") else min(self.own[r.a], self.own[r.b])
            for i, j in r.passages:
                self.copied.setdefault((r.a, i), source)
                self.copied.setdefault((r.b, j), source)
        # the same headline word for word (as long as a sentence reuse would compare) in several reports is one
        # source's: reuse pairs the text's sentences, never the titles, so copied headlines would each count
        same: dict[str, list[str]] = defaultdict(list)
        for i, a in self.articles.items():
            words = [w for w, _ in tokens(a.title or "")]
            if len(words) >= MIN_TOKENS:
                same[" ".join(words)].append(i)
        for ids in same.values():
            if len(ids) > 1:
                source = min(self.own[i] for i in ids)
                for i in ids:
                    self.copied.setdefault((i, -1), source)

    def of(self, article: Article, claim: Claim) -> str:
        return self.copied.get((article.id, claim.sentence), self.own[article.id])


# --- Figures -------------------------------------------------------------------------


def _position(value: Any, held: list[Report]) -> dict[str, Any]:
    out = {"value": value, "articles": sorted({r.article.id for r in held}),
           "outlets": sorted({_name(r.article) for r in held}),
           "said_by": sorted({c.said_by for r in held for c in r.claims[:1] if c.said_by}),
           "origins": sorted({r.origin for r in held})}
    how = sorted({r.derived for r in held if r.derived})
    if how:  # a figure no sentence states as such ("4 killed by the gunman + the gunman"): how it was read
        out["how"] = how
    return out


def _name(a: Article) -> str:
    """How a reader knows an article: its outlet, else its title."""
    if a.outlet:
        return a.outlet
    title = a.title or a.id
    return title if len(title) <= 60 else title[:title.rfind(" ", 0, 57)].rstrip(" ,:;") + "…"


def _first(a: Article, kind: str) -> Claim | None:
    return next((c for c in a.claims if c.kind == kind and c.scope is None), None)
