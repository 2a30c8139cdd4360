"""Brief: a cited, extractive summary of one reconciled event.

reads: the event (after ``reconcile``), its articles and the reuse pairs among them;
fills: ``Event.brief`` = ``{"markdown", "sentences": [...], "sources": [...]}``.

Every sentence of the brief is a sentence of a report, never rewritten; a report's headline counts
as one of its sentences, taken only where it states more of the facts left than any body sentence
(a toll of wounded that only the headline gives: "Two dead, three hurt in ...").  A sentence that
several reports carry (copies of one wire story, found by ``reuse``, or the same words) is
given once and cites every article that carries it; the ones that copied it are marked.
Three parts:

1. **Consensus** — the fewest sentences that state the agreed facts: each figure's best
   value, the date, the place, the type of attack and its targets.  Sentences are picked
   greedily by how many facts they add, then by how many independent sources carry them,
   then by how early they come in the earliest report.
2. **Disputed** — for each dispute, the positions with who holds them, each backed by a
   sentence that states it; a position that no sentence states as such (a report's groups added
   up, or its victims and the gunman) says how it was read ("5 (Ledger: 4 killed by the gunman
   + the gunman)").
3. **Unverified** — claims of responsibility and blame that no independent source confirms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

from .model import Article, Event
from .reconcile import Origins, members

MAX_CONSENSUS = 5   # sentences; a brief is read in a minute
TITLE = -1          # the sentence index claims give a headline


class _Sentences:
    """The event's sentences, with copies of one sentence merged into one entry."""

    def __init__(self, articles: list[Article], pairs: Iterable[Any]):
        self.articles = {a.id: a for a in articles}
        self.order = {a.id: n for n, a in enumerate(articles)}
        parent: dict[tuple[str, int], tuple[str, int]] = {}

        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(x, y):
            rx, ry = find(x), find(y)
            if rx != ry:
                keep, drop = sorted((rx, ry), key=self._rank)
                parent[drop] = keep

        self._copied: set[tuple[str, int]] = set()
        by_text: dict[str, tuple[str, int]] = {}
        for a in articles:
            told = [(TITLE, a.title)] if a.title else []
            for index, text in told + [(s.index, s.text) for s in a.sentences]:
                key = (a.id, index)
                find(key)
                norm = " ".join(re.findall(r"\w+", text.lower()))
                if norm in by_text:
                    union(by_text[norm], key)
                else:
                    by_text[norm] = key
        for r in pairs:
            if r.a in self.articles and r.b in self.articles:
                for i, j in r.passages:
                    union((r.a, i), (r.b, j))
                    copier = r.b if r.origin == r.a else r.a if r.origin == r.b else None
                    if copier:
                        self._copied.add((copier, j if copier == r.b else i))
        self.group = {k: find(k) for k in parent}
        self.members: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
        for k, root in self.group.items():
            self.members[root].append(k)

    def _rank(self, key: tuple[str, int]) -> tuple:
        return (self.order.get(key[0], 0), key[1])

    def text(self, key: tuple[str, int]) -> str:
        root = self.group.get(key, key)
        article, index = root
        a = self.articles[article]
        return a.title if index == TITLE else a.sentences[index].text

    def cite(self, key: tuple[str, int]) -> dict[str, Any]:
        """The sentence once, with every article that carries it and which of them copied it."""
        root = self.group.get(key, key)
        members = sorted(self.members.get(root, [root]), key=self._rank)
        articles = list(dict.fromkeys(a for a, _ in members))
        copies = [a for a in articles if any((a, i) in self._copied for a2, i in members if a2 == a)]
        if not copies:  # a common wire, or direction unknown: the first to publish is the original
            copies = articles[1:]
        return {"text": self.text(root), "articles": articles, "copies": copies,
                "at": [{"article": a, "sentence": i} for a, i in members]}


def _facts(event: Event, articles: list[Article]) -> dict[tuple, set[tuple[str, int]]]:
    """Each agreed fact → the sentences (article, index) that state it."""
    facts: dict[tuple, set[tuple[str, int]]] = defaultdict(set)
    best = {(row["measure"], row["group"]): row["estimate"]["best"] for row in event.figures
            if row["status"] != "disputed"}
    for a in articles:
        per_sentence: dict[tuple[int, str], int] = defaultdict(int)
        for c in a.claims:
            if c.kind != "figure" or c.scope is not None or (c.sentence < 0 and c.sentence != TITLE):
                continue
            if best.get((c.measure, c.group)) == c.value:
                facts[("figure", c.measure, c.group)].add((a.id, c.sentence))
            if c.within is None:
                per_sentence[(c.sentence, c.measure)] += c.value
        for (sentence, measure), total in per_sentence.items():  # "53 soldiers and one civilian" states 54
            if best.get((measure, "people")) == total:
                facts[("figure", measure, "people")].add((a.id, sentence))
    for name, part in (("date", event.date), ("place", event.location)):
        if part and part.get("status") != "disputed":
            value = part.get("value") if name == "date" else part.get("name")
            for r in part.get("reports", []):
                got = r["value"]["name"] if isinstance(r["value"], dict) else r["value"]
                if got == value and r.get("sentence") is not None and r["sentence"] >= 0:
                    facts[(name,)].add((r["article"], r["sentence"]))
    if event.type:
        for r in event.type.get("reports", []):
            if r["value"] == event.type.get("type") and r["sentence"] >= 0:
                facts[("type",)].add((r["article"], r["sentence"]))
    for row in event.actors:
        if row["role"] == "target":
            for r in row["reports"]:
                if r["sentence"] >= 0:
                    facts[("target",)].add((r["article"], r["sentence"]))
    return facts


def brief(event: Event, articles: list[Article], pairs: Iterable[Any] = ()) -> Event:
    """Fill ``event.brief`` (see the module docstring)."""
    arts, pairs = members(event, articles, pairs)
    sents = _Sentences(arts, pairs)
    origin_of = Origins(arts, ()).own

    def support(root) -> int:
        return len({origin_of[a] for a, _ in sents.members.get(root, [root])})

    facts = _facts(event, arts)
    covers: dict[tuple[str, int], set[tuple]] = defaultdict(set)
    for fact, keys in facts.items():
        for k in keys:
            if k in sents.group:
                covers[sents.group[k]].add(fact)
    chosen: list[tuple[str, int]] = []
    left = set(facts)
    while left and len(chosen) < MAX_CONSENSUS:
        root = max(covers, key=lambda r: (len(covers[r] & left), r[1] != TITLE, support(r),
                                          [-x for x in sents._rank(r)]), default=None)
        if root is None or not covers[root] & left:
            break
        chosen.append(root)
        left -= covers[root]
    chosen.sort(key=sents._rank)
    out: list[dict[str, Any]] = [{**sents.cite(k), "section": "consensus"} for k in chosen]
    used = set(chosen)

    for d in event.disputes:
        for pos in d["positions"]:
            key = _stating(event, d["about"], pos, sents)
            entry = {**sents.cite(key), "section": "disputed", "about": d["about"], "value": pos["value"]} \
                if key else None
            if entry and sents.group[key] not in used:
                used.add(sents.group[key])
                out.append(entry)
    for row in event.actors:
        if row.get("verified") is False:
            for r in row["reports"]:
                key = (r["article"], r["sentence"])
                if r["sentence"] >= 0 and key in sents.group and sents.group[key] not in used:
                    used.add(sents.group[key])
                    out.append({**sents.cite(key), "section": "unverified", "about": row["name"]})
                    break
    event.brief = {"sentences": out, "sources": _sources(arts, out)}
    event.brief["markdown"] = _markdown(event, out, event.brief["sources"])
    return event


def _stating(event: Event, about: str, position: dict, sents: _Sentences) -> tuple[str, int] | None:
    """A sentence that states one position of a dispute (from the reports that hold it)."""
    rows = [r for r in event.figures if f"{r['measure']} {r['group']}" == about or r["measure"] == about]
    reports = [rep for r in rows for rep in r["reports"] if rep["value"] == position["value"]]
    if about in ("date", "place"):
        reports = (event.date if about == "date" else event.location or {}).get("reports", [])
        reports = [r for r in reports if (r["value"]["name"] if isinstance(r["value"], dict) else r["value"])
                   == position["value"]]
    if not reports and event.location:
        reports = [r for rel in event.location.get("relations", []) if rel["place"] == position["value"]
                   for r in rel["reports"]]
    if not reports:
        name = str(position["value"]).split(" (")[0]
        reports = [r for row in event.actors if row["name"] == name for r in row["reports"]]
    for r in sorted(reports, key=lambda r: (r.get("sentence", -1) < 0, r.get("published") or "9999")):
        key = (r["article"], r.get("sentence", -1))
        if key[1] >= 0 and key in sents.group:
            return key
    return None


def _sources(articles: list[Article], sentences: list[dict]) -> list[dict[str, Any]]:
    cited = {a for s in sentences for a in s["articles"]}
    return [{"n": n, "article": a.id, "outlet": a.outlet, "title": a.title, "url": a.url,
             "published": a.published, "wire": a.wire}
            for n, a in enumerate((a for a in articles if a.id in cited), 1)]


def positions(dispute: dict) -> str:
    """A dispute's positions in one line: each value with who holds it and how it was read when no
    sentence states it ("1 (police); 5 (Ledger: 4 killed by the gunman + the gunman)")."""
    return "; ".join(f"{p['value']} ({', '.join(p['said_by'] or p['outlets'])}"
                     + (f": {', '.join(p['how'])})" if p.get("how") else ")") for p in dispute["positions"])


def _markdown(event: Event, sentences: list[dict], sources: list[dict]) -> str:
    number = {s["article"]: s["n"] for s in sources}

    def cite(s: dict) -> str:
        return "".join(f"[{number[a]}{', copy' if a in s['copies'] else ''}]" for a in s["articles"])

    lines = [f"## {event.headline}", ""]
    parts = [("consensus", None), ("disputed", "### Disputed"), ("unverified", "### Unverified")]
    for section, heading in parts:
        mine = [s for s in sentences if s["section"] == section]
        if not mine and not (section == "disputed" and event.disputes):
            continue  # a dispute is listed even when the sentences stating its positions are all above
        if heading:
            lines += [heading, ""]
        if section == "disputed":
            for d in event.disputes:
                held = [s for s in mine if s["about"] == d["about"]]
                lines.append(f"- **{d['about']}**: {positions(d)}")
                lines += [f"  - {s['text']} {cite(s)}" for s in held]
        else:
            lines += [f"- {s['text']} {cite(s)}" if section == "unverified" else f"{s['text']} {cite(s)}"
                      for s in mine]
        lines.append("")
    lines += ["Sources:", ""]
    for s in sources:
        when = (s["published"] or "undated")[:16].replace("T", " ")
        lines.append(f"{s['n']}. {s['outlet'] or s['title']}, {when}"
                     + (f" ({s['wire']})" if s["wire"] else "") + (f" <{s['url']}>" if s["url"] else ""))
    return "\n".join(lines) + "\n"
