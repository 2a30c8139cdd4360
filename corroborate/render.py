"""Render: a Dossier as the JSON contract of DESIGN.md, or as Markdown for reading.

Output is deterministic: same dossier, same bytes (no clock, no dict-order accidents).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Iterable, Iterator

from .html import _n, to_html
from .model import Article, Dossier, Event
from .reuse import copy_rows


def to_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier contract: ``articles``, ``events``, ``rejected``."""
    return {key: (list(value) if isinstance(value, Iterator) else value) for key, value in _parts(dossier)}


def _parts(dossier: Dossier) -> list[tuple[str, Any]]:
    """The contract's top-level keys in order; the long lists as iterators, made one item at a time."""
    return [
        ("articles", (_article(a) for a in dossier.articles)),
        ("events", (event_dict(e) for e in dossier.events)),
        ("copies", copy_rows(dossier.reuse)),
        ("shared_quotes", shared_quotes(dossier.reuse)),
        ("independent_sources", len(set(dossier.origins.values()))),
        ("origins", dict(sorted(dossier.origins.items()))),
        ("rejected", [r.summary() for r in dossier.rejected]),
    ]


def shared_quotes(pairs: list) -> list[dict[str, Any]]:
    """Sentences two articles share only inside quotation marks: shared sourcing, not copying."""
    return [{"articles": [r.a, r.b], "sentences": [list(q) for q in r.quotes]} for r in pairs if r.quotes]


def _article(a: Article) -> dict[str, Any]:
    out = a.summary()
    out["claims"] = [c.summary() for c in a.claims]
    if a.extra.get("duplicate_inputs"):
        out["duplicate_inputs"] = a.extra["duplicate_inputs"]
    return out


def event_dict(e: Event) -> dict[str, Any]:
    """An event as the contract lists it; ``type`` is the type's name, ``type_detail`` the rest."""
    detail = dict(e.type) if e.type else None
    return {"id": e.id, "headline": e.headline, "articles": list(e.articles),
            "date": e.date, "location": e.location, "type": detail["type"] if detail else None,
            "type_detail": detail, "figures": e.figures, "actors": e.actors, "disputes": e.disputes,
            "related_events": e.related_events, "copies": e.copies,
            "independent_sources": e.independent_sources, "timeline": e.timeline, "brief": e.brief}


def to_json(dossier: Dossier) -> str:
    """``json.dumps(to_dict(dossier), ensure_ascii=False, indent=2)`` and a newline, the same bytes,
    made one article, event or entry at a time (the encoder with ``indent`` otherwise holds the
    whole document as millions of small pieces)."""
    return "".join(iter_json(dossier))


def iter_json(dossier: Dossier) -> Iterator[str]:
    """``to_json`` in pieces (an article, an event, ...), for writing to a file as they are made."""
    yield "{"
    first = True
    for key, value in _parts(dossier):
        yield ("\n  " if first else ",\n  ") + _dumps(key) + ": "
        first = False
        if isinstance(value, dict):
            items: Iterable[str] = (_dumps(k) + ": " + _dumps(v) for k, v in value.items())
            opening, closing = "{", "}"
        elif isinstance(value, (list, Iterator)):
            items = (_dumps(v) for v in value)
            opening, closing = "[", "]"
        else:
            yield _dumps(value)
            continue
        empty = True
        for item in items:  # one level deeper than the top: indented by four spaces
            yield (opening + "\n    " if empty else ",\n    ") + item.replace("\n", "\n    ")  # JSON
            empty = False                                            # strings hold no raw newline
        yield opening + closing if empty else "\n  " + closing
    yield "\n}\n"


def _dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same string, about three times faster.

    With ``indent`` the standard library encodes in Python, one small piece per token; this builds
    each container with one join and leaves strings to the C string encoder.  Anything it does not
    know (another type, a cycle) goes to ``json.dumps``, which says what is wrong.
    """
    try:
        return _encode(value, "\n")
    except (TypeError, ValueError, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2)


_INF = float("inf")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key(k: Any) -> str:
    """A dict key as ``json`` writes it: strings as they are, numbers, booleans and None as text."""
    if isinstance(k, str):
        return encode_basestring(k)
    if isinstance(k, float):
        return encode_basestring(_float(k))
    if k is True or k is False or k is None:
        return encode_basestring("true" if k is True else "false" if k is False else "null")
    if isinstance(k, int):
        return encode_basestring(int.__repr__(k))
    raise TypeError(k)


def _encode(o: Any, pad: str) -> str:
    """``o`` as indented JSON; ``pad`` is a newline and the indent of the line ``o`` starts on."""
    t = type(o)
    if t is str:
        return encode_basestring(o)
    if t is dict or t is not list and isinstance(o, dict):
        if not o:
            return "{}"
        inner = pad + "  "
        return ("{" + inner + ("," + inner).join([
            (encode_basestring(k) if type(k) is str else _key(k)) + ": "
            + (encode_basestring(v) if type(v) is str else _encode(v, inner)) for k, v in o.items()]) + pad + "}")
    if t is list or isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        inner = pad + "  "
        return ("[" + inner + ("," + inner).join([
            encode_basestring(v) if type(v) is str else _encode(v, inner) for v in o]) + pad + "]")
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, str):
        return encode_basestring(o)
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    raise TypeError(type(o).__name__)


def to_markdown(dossier: Dossier) -> str:
    lines = [f"# Dossier: {_n(len(dossier.articles), 'article')}, {_n(len(dossier.events), 'event')}", ""]
    if dossier.events:
        lines += ["## Events", ""]
        for e in dossier.events:
            lines.append(f"- **{e.id}** {e.headline} ({_n(len(e.articles), 'article')})")
        lines.append("")
        for e in dossier.events:
            lines += event_markdown(e)
    lines += ["## Articles", "", "| id | outlet | wire | published | byline | title |", "|---|---|---|---|---|---|"]
    for a in dossier.articles:
        cells = [a.id, a.outlet or "?", a.wire or "", a.published or "?", a.byline or "", a.title]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    names = {a.id: a.outlet or a.id for a in dossier.articles}
    rows = copy_rows(dossier.reuse)
    if rows:
        lines += [f"## Copies ({_n(len(set(dossier.origins.values())), 'independent source')} among "
                  f"{_n(len(dossier.articles), 'article')})", ""]
        for c in rows:
            src = c["copied_from"]
            lines.append(f"- {names.get(c['article'], c['article'])} reuses {c['share']:.0%} of its text "
                         f"from {names.get(src, src)} ({len(c['passages'])} passages; {c['because']})")
        lines.append("")
    claimed = [a for a in dossier.articles if a.claims]
    if claimed:
        lines += ["## Claims", ""]
        for a in claimed:
            lines.append(f"- **{_cell(a.outlet or a.title or a.id)}** (`{a.id}`)")
            for c in a.claims:
                lines.append(f"  - {_claim_line(c)}")
        lines.append("")
    removed = [(a, r) for a in dossier.articles for r in a.removed]
    if removed:
        lines += ["## Removed by cleaning", ""]
        for a, r in removed:
            lines.append(f"- `{a.id}` [{r.rule}] {_cell(r.text)}")
        lines.append("")
    if dossier.rejected:
        lines += ["## Rejected inputs", ""]
        for r in dossier.rejected:
            lines.append(f"- `{r.input}`: {r.error}: {r.reason}")
        lines.append("")
    return "\n".join(lines)


def event_markdown(e: Event) -> list[str]:
    """One event's dossier for reading: brief, figures, facts, disputes, timeline, related events."""
    lines = [f"## Event {e.id}: {_cell(e.headline)}", "",
             f"{_n(len(e.articles), 'article')}, {_n(e.independent_sources, 'independent source')}.", ""]
    if e.brief:
        lines += ["### Brief", "", e.brief["markdown"].split("\n", 2)[-1].strip().replace("### ", "#### "), ""]
    facts = []
    if e.date:
        facts.append(f"- **Date**: {e.date['value']} ({e.date['precision']}"
                     f"{', ' + e.date['time'] if e.date.get('time') else ''}; {e.date['status']}"
                     f"{', from the publication date' if e.date.get('basis') == 'published' else ''})")
    if e.location and e.location.get("name"):
        loc = e.location
        facts.append(f"- **Place**: {', '.join(str(x) for x in (loc['name'], loc['admin1'], loc['country']) if x)}"
                     f" ({loc['precision']}; {loc['status']})")
    for rel in (e.location or {}).get("relations", []):
        facts.append(f"- **{rel['relation']}** {rel['place']} "
                     f"({', '.join(sorted({r['outlet'] for r in rel['reports']}))})")
    if e.type:
        facts.append(f"- **Type**: {e.type['type']} (ACLED: {e.type['acled_event_type']} / "
                     f"{e.type['acled_sub_event_type']})")
    for a in e.actors:
        if a["role"] == "perpetrator":
            who = a["name"] or "no group"
            note = f"; unverified: {a['unverified_because']}" if a.get("unverified_because") else ""
            note += f"; {a['evolution']}" if a.get("evolution") else ""
            facts.append(f"- **Perpetrator**: {who} ({a['link']}, {_n(a['independent_sources'], 'source')}{note})")
    targets = sorted({a["name"] for a in e.actors if a["role"] == "target"})
    if targets:
        facts.append(f"- **Targets**: {', '.join(targets)}")
    if facts:
        lines += ["### Facts", ""] + facts + [""]
    if e.figures:
        lines += ["### Figures", "", "| measure | group | best | low | high | status | sources | reports |",
                  "|---|---|---|---|---|---|---|---|"]
        for f in e.figures:
            est = f["estimate"]
            reports = "; ".join(f"{r['outlet']}: {r['wording'] or r['value']}"
                                + (f" ({r['said_by']})" if r.get("said_by") else "") for r in f["reports"])
            lines.append(f"| {f['measure']} | {f['group']} | {est['best']} | {est['low']} | {est['high']} | "
                         f"{f['status']} | {f['independent_sources']} | {_cell(reports)} |")
        lines.append("")
    if e.disputes:
        lines += ["### Disputes", ""]
        for d in e.disputes:
            lines.append(f"- **{d['about']}**: " + " vs ".join(
                f"{p['value']} ({', '.join(p['outlets'])}"
                + (f"; said by {', '.join(p['said_by'])}" if p.get("said_by") else "") + ")" for p in d["positions"]))
        lines.append("")
    if e.timeline:
        lines += ["### Timeline", ""]
        for t in e.timeline:
            lines.append(f"- {(t['published'] or 'undated')[:16].replace('T', ' ')} "
                         f"{_cell(t['outlet'] or t['title'])}: {t['what']}")
        lines.append("")
    if e.related_events:
        lines += ["### Related events (background, not counted above)", ""]
        for r in e.related_events:
            figs = "; ".join(f"{f['measure']} {f['group']} {f['estimate']['best']}"
                             + (" (disputed: " + " vs ".join(str(p['value']) for d in r['disputes']
                                                              for p in d['positions']) + ")"
                                if f["status"] == "disputed" else "") for f in r["figures"])
            lines.append(f"- {r['date'] or 'undated'}: {_cell(r['description'])} — {figs or 'no figures'}")
        lines.append("")
    return lines


def _claim_line(c: Any) -> str:
    """One claim as a reader checks it: what, how qualified, who said it, the words, and its scope."""
    if c.kind == "figure":
        what = f"{c.measure} {c.group}: {(c.qualifier + ' ') if c.qualifier else ''}{c.value}"
    elif isinstance(c.value, dict):
        what = f"{c.kind}: " + ", ".join(f"{k} {v}" for k, v in c.value.items() if v is not None)
    else:
        what = f"{c.kind}: {c.value}"
    said = f" — {c.said_by}{(' ' + c.channel) if c.channel else ''}" if c.said_by else ""
    scope = f" [other event: {c.scope}]" if c.scope else ""
    words = c.quote[c.start:c.end] if c.start >= 0 else ""
    return f"{what}{said} “{_cell(words)}”{scope}"


def _cell(value: str) -> str:
    value = value.replace("|", "\\|").replace("\n", " ")
    return value if len(value) <= 120 else value[:117] + "..."


RENDERERS = {"json": to_json, "md": to_markdown, "html": to_html}
