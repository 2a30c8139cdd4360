"""HTML: the dossier as one self-contained page an analyst can open, mail or archive.

Inline CSS and inline SVG only (no script, no fonts, no network), so the file reads the same
offline and years later.  Article text is hostile input: every string goes through ``_e``
(``html.escape``) and only http(s) URLs become links.  Deterministic like ``render``: no clock,
no random ids, the dossier's own order, fixed number formatting.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from math import cos, pi, sin
from typing import Any, NamedTuple

from .brief import positions
from .model import Dossier, Event

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf"]  # one colour per origin (Tableau 10: distinct on white)
CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:62rem;margin:1rem auto;padding:0 1rem;color:#222}
h2{border-top:3px solid #444;padding-top:.6rem;margin-top:2.5rem}h3{margin:1.6rem 0 .4rem}
table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;
vertical-align:top}th{background:#f2f2f2}tr.disputed>td{background:#fde8e6}tr.detail>td{border-top:0}
.counts,.none,.undated,.note{color:#555}.cite{text-decoration:none;font-size:.85em}.copy{color:#888}
.unverified{color:#b03a2e;font-weight:600}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;
border-radius:50%}svg{display:block;margin:.3rem 0}blockquote{margin:.2rem 0 .2rem 1rem;color:#444}"""


class _Look(NamedTuple):
    """What every section needs to name and colour an article."""

    names: dict[str, str]    # article id -> outlet (or title)
    origin: dict[str, str]   # article id -> origin label
    colour: dict[str, str]   # origin label -> colour

    def name(self, report: dict) -> str:
        return self.names.get(report["article"]) or report.get("outlet") or report["article"]

    def colour_of(self, node: str) -> str:
        return self.colour.get(self.origin.get(node, node), "#444")


def _e(value: Any) -> str:
    """Escape anything for element text or a quoted attribute; None shows as nothing."""
    return "" if value is None else escape(str(value), quote=True)


def _num(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.4g}"
    return _e(value)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _when(published: str | None) -> str:
    return (published or "undated")[:16].replace("T", " ")


def _short(text: str, n: int = 22) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _seconds(published: str | None) -> float | None:
    """Publication time in seconds (a time without zone is read as UTC); None if missing or unreadable."""
    try:
        t = datetime.fromisoformat(published or "")
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).timestamp()


def _link(url: str | None, text: str) -> str:
    """``text`` (already escaped) as a link, only for web URLs: a ``javascript:`` URL stays text."""
    if url and str(url).lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}">{text}</a>'
    return text


def _table(header: list[str], rows: list[list[str]], cls: str = "") -> list[str]:
    """A table of already-escaped cells."""
    attr = f' class="{cls}"' if cls else ""
    return ([f"<table{attr}><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"]
            + ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows] + ["</table>"])


def _svg(cls: str, w: int, h: int, label: str) -> str:
    return (f'<svg class="{cls}" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'font-family="sans-serif" font-size="11" role="img" aria-label="{_e(label)}"><title>{_e(label)}</title>')


def to_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML document (the ``--format html`` renderer)."""
    ids = {a.id for a in dossier.articles}
    origin = {a.id: dossier.origins.get(a.id, a.id) for a in dossier.articles}
    labels = set(origin.values()) | ({c["copied_from"] for e in dossier.events for c in e.copies} - ids)
    look = _Look({a.id: a.outlet or a.title or a.id for a in dossier.articles}, origin,
                 {label: PALETTE[n % len(PALETTE)] for n, label in enumerate(sorted(labels))})
    title = f"Dossier: {_n(len(dossier.articles), 'article')}, {_n(len(dossier.events), 'event')}"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{title}</title><style>{CSS}</style></head><body>", f"<h1>{title}</h1>"]
    if dossier.events:
        out.append("<ul>" + "".join(f'<li><a href="#{_e(e.id)}">{_e(e.headline or e.id)}</a> '
                                    f"({_n(len(e.articles), 'article')})</li>" for e in dossier.events) + "</ul>")
    for e in dossier.events:
        out += _event(e, look)
    out += _articles(dossier, look) + _rejected(dossier) + ["</body></html>"]
    return "\n".join(out) + "\n"


def _event(e: Event, look: _Look) -> list[str]:
    """One event: counts, brief, facts, figures, disputes, copies, timeline, background events."""
    out = [f'<section class="event" id="{_e(e.id)}"><h2>{_e(e.headline or e.id)}</h2>',
           f'<p class="counts">{_n(len(e.articles), "article")}, {_n(e.independent_sources, "independent source")} '
           f"(copies and one wire's stories count once) · <code>{_e(e.id)}</code></p>"]
    out += _brief(e) + _facts(e) + ["<h3>Figures</h3>"] + _figures(e.figures, look)
    if e.disputes:
        out += ["<h3>Disputes</h3>"] + _disputes(e.disputes)
    out += _copy_graph(e, look) + _timeline(e)
    if e.related_events:
        out.append('<h3>Related events</h3><p class="note">Background the reports mention, not counted above.</p>')
    for r in e.related_events:
        out += [f"<h4>{_e(r['date'] or 'undated')}: {_e(r['description'])}</h4>",
                f'<p class="note">Mentioned in {_n(len(r["articles"]), "article")} as: '
                + "; ".join(f"“{_e(m)}”" for m in r.get("mentioned_as", [])) + "</p>"]
        out += _figures(r["figures"], look) + _disputes(r["disputes"])
    return out + ["</section>"]


def _brief(e: Event) -> list[str]:
    """The cited brief: reports' own sentences, each citation a link to the numbered source it came from."""
    if not e.brief:
        return []
    number = {s["article"]: s["n"] for s in e.brief["sources"]}

    def said(s: dict) -> str:
        cites = "".join(f'<a class="cite{" copy" if a in s["copies"] else ""}" href="#{_e(e.id)}-src-{number[a]}">'
                        f'[{number[a]}{", copy" if a in s["copies"] else ""}]</a>'
                        for a in s["articles"] if a in number)
        return f"{_e(s['text'])} {cites}"

    part = {name: [s for s in e.brief["sentences"] if s["section"] == name]
            for name in ("consensus", "disputed", "unverified")}
    out = ["<h3>Brief</h3>"] + (["<p>" + " ".join(said(s) for s in part["consensus"]) + "</p>"]
                                if part["consensus"] else [])
    if e.disputes:  # every dispute, also one whose sentences are all in the consensus above
        out.append("<h4>Disputed</h4><ul>")
        for d in e.disputes:
            stating = [f"<li>{said(s)}</li>" for s in part["disputed"] if s["about"] == d["about"]]
            out.append(f"<li><b>{_e(d['about'])}</b>: {_e(positions(d))}"
                       + (f"<ul>{''.join(stating)}</ul>" if stating else "") + "</li>")
        out.append("</ul>")
    if part["unverified"]:
        out.append("<h4>Unverified</h4><ul>" + "".join(f"<li>{said(s)}</li>" for s in part["unverified"]) + "</ul>")
    copiers = {c["article"] for c in e.copies}
    out.append('<ol class="sources">' + "".join(
        f'<li id="{_e(e.id)}-src-{s["n"]}" value="{s["n"]}">{_e(s["outlet"] or "unknown outlet")}, '
        f'{_e(_when(s["published"]))}' + (f" ({_e(s['wire'])})" if s["wire"] else "")
        + (' <span class="copy">(copies another report)</span>' if s["article"] in copiers else "")
        + f' — {_link(s["url"], _e(s["title"]))}</li>' for s in e.brief["sources"]) + "</ol>")
    return out


def _facts(e: Event) -> list[str]:
    """What the reports agree on, each with how sure it is: date, place, type, perpetrators, targets."""
    rows = []
    if e.date:
        d = e.date
        rows.append(["Date", f"{_e(d['value'])} ({_e(d['precision'])}{', ' + _e(d['time']) if d.get('time') else ''}"
                             f"; {_e(d.get('status'))}"
                             f"{', from the publication date' if d.get('basis') == 'published' else ''})"])
    loc = e.location or {}
    if loc.get("name"):
        where = ", ".join(_e(x) for x in (loc["name"], loc.get("admin1"), loc.get("country")) if x)
        at = f"; {loc['lat']:.4f}, {loc['lon']:.4f}" if None not in (loc.get("lat"), loc.get("lon")) else ""
        rows.append(["Place", f"{where} (precision: {_e(loc.get('precision'))}; {_e(loc.get('status'))}{at})"])
    for rel in loc.get("relations", []):
        said = ", ".join(sorted({r["outlet"] or r["article"] for r in rel["reports"]}))
        rows.append([_e(rel["relation"].capitalize()), f"{_e(rel['place'])} ({_e(said)})"])
    if e.type:
        rows.append(["Type", f"{_e(e.type['type'])} (ACLED: {_e(e.type.get('acled_event_type'))} / "
                             f"{_e(e.type.get('acled_sub_event_type'))})"])
    for a in (a for a in e.actors if a["role"] == "perpetrator"):
        mark = f' <span class="unverified">unverified: {_e(a["unverified_because"])}</span>' \
            if a.get("unverified_because") else ""
        rows.append(["Perpetrator", f"{_e(a['name'] or 'no group')} ({_e(a['link'])}, "
                                    f"{_n(a['independent_sources'], 'source')}){mark}"
                                    + (f"; {_e(a['evolution'])}" if a.get("evolution") else "")])
    targets = sorted({a["name"] for a in e.actors if a["role"] == "target" and a["name"]})
    if targets:
        rows.append(["Targets", _e(", ".join(targets))])
    return ["<h3>Facts</h3>"] + _table(["fact", "what the reports say"], rows, "facts") if rows else []


def _figures(figures: list[dict], look: _Look) -> list[str]:
    """Each figure's estimate and status (disputed rows highlighted), then its chart and its reports."""
    if not figures:
        return ['<p class="none">No figures reported.</p>']
    out = ['<table class="figures"><tr><th>measure</th><th>group</th><th>best</th><th>low</th><th>high</th>'
           "<th>status</th><th>sources</th></tr>"]
    for f in figures:
        est, reports = f["estimate"], f.get("reports", [])
        out.append(f'<tr class="{_e(f["status"])}"><td>{_e(f["measure"])}</td><td>{_e(f["group"])}</td>'
                   + "".join(f"<td>{_num(est.get(k))}</td>" for k in ("best", "low", "high"))
                   + f"<td>{_e(f['status'])}</td><td>{f['independent_sources']} independent, "
                   f"{_n(len(reports), 'report')}</td></tr>")
        undated = "; ".join(f"{_e(look.name(r))}: {_num(r['value'])}" for r in reports
                            if _seconds(r.get("published")) is None)
        items = "".join(f"<li>{_e(look.name(r))}, {_e(_when(r.get('published')))}: {_said(r)}"
                        + (f" — {_e(r['said_by'])}" if r.get("said_by") else "")
                        + f"<blockquote>{_e(r.get('context') or r.get('quote'))}</blockquote></li>" for r in reports)
        out.append(f'<tr class="detail"><td colspan="7">{_chart(f, look)}'
                   + (f'<p class="undated">Undated, not on the chart: {undated}</p>' if undated else "")
                   + f"<details><summary>{_n(len(reports), 'report')}</summary><ul>{items}</ul></details></td></tr>")
    return out + ["</table>"]


def _said(r: dict) -> str:
    """A report's value with its qualifier, its own words when they differ, and how a total was added up."""
    return (_e(f"{r['qualifier'] + ' ' if r.get('qualifier') else ''}{_num(r['value'])}")
            + (f" (“{_e(r['wording'])}”)" if r.get("wording") else "")
            + (f" = {_e(r['derived'])}" if r.get("derived") else ""))


def _chart(f: dict, look: _Look) -> str:
    """The figure as reported over time: a dot per dated report (hollow if vague), a line at the best estimate."""
    series, points = f.get("series", []), []
    for i, r in enumerate(f.get("reports", [])):  # series[i] is reports[i] as a point (see reconcile.figures)
        t = _seconds(r.get("published"))
        if t is not None and isinstance(r["value"], (int, float)):
            vague = r.get("vague", i < len(series) and series[i]["article"] == r["article"] and series[i]["vague"])
            points.append((t, r["value"], vague, r))
    if not points:
        return ""
    best = f["estimate"].get("best")
    best = best if isinstance(best, (int, float)) else None
    values = [p[1] for p in points] + ([best] if best is not None else [])
    t0, t1, v0, v1 = min(p[0] for p in points), max(p[0] for p in points), min(values), max(values)
    pad = (v1 - v0) * 0.15 or max(1.0, abs(v1) * 0.1)
    lo, hi = (max(0.0, v0 - pad) if v0 >= 0 else v0 - pad), v1 + pad
    left, right, top, bottom = 50, 430, 14, 150

    def x(t: float) -> float:  # 14px inside the axes so a dot never sits on a label
        return left + 14 + (right - left - 28) * ((t - t0) / (t1 - t0) if t1 > t0 else 0.5)

    def y(v: float) -> float:
        return bottom - (bottom - top) * (v - lo) / (hi - lo)

    first, last = min(points, key=lambda p: p[0])[3], max(points, key=lambda p: p[0])[3]
    out = [_svg("chart", 560, 180, f"{f['measure']} {f['group']} over publication time"),
           f'<path d="M{left},{top} V{bottom} H{right}" fill="none" stroke="#999"/>',
           f'<text x="{left}" y="{bottom + 16}">{_e(_when(first["published"]))}</text>']
    if t1 > t0:
        out.append(f'<text x="{right}" y="{bottom + 16}" text-anchor="end">{_e(_when(last["published"]))}</text>')
    out += [f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{_num(v)}</text>' for v in sorted({v0, v1})]
    if best is not None:
        out.append(f'<line class="best" x1="{left}" y1="{y(best):.1f}" x2="{right}" y2="{y(best):.1f}" stroke="#444" '
                   f'stroke-dasharray="4 3"/><text x="{right + 6}" y="{y(best) + 4:.1f}">best {_num(best)}</text>')
    for n, (t, v, vague, r) in enumerate(points):
        px, py, name, colour = x(t), y(v), look.name(r), look.colour_of(r["article"])
        anchor, dx = ("end", -7) if px > (left + right) / 2 else ("start", 7)
        dy = -7 if n % 2 == 0 else 15  # alternate above/below so close dots keep readable labels
        out.append(f'<circle class="report{" vague" if vague else ""}" cx="{px:.1f}" cy="{py:.1f}" r="4.5" '
                   f'stroke="{colour}" stroke-width="2" fill="{"#fff" if vague else colour}"><title>{_e(name)}, '
                   f'{_e(_when(r["published"]))}: {_said(r)}</title></circle>'
                   f'<text x="{px + dx:.1f}" y="{py + dy:.1f}" text-anchor="{anchor}">{_e(_short(name))}</text>')
    return "".join(out) + "</svg>"


def _disputes(disputes: list[dict]) -> list[str]:
    """Each open question with every position and who holds it (outlets, speakers, independent origins)."""
    return [f"<p><b>{_e(d['about'])}</b></p><ul>" + "".join(
        f"<li><b>{_e(p['value'])}</b>: {_e(', '.join(p.get('outlets', [])))}"
        + (f"; said by {_e(', '.join(p['said_by']))}" if p.get("said_by") else "")
        + f" ({_n(len(p.get('origins', [])), 'independent origin')})</li>" for p in d["positions"]) + "</ul>"
        for d in disputes]


def _copy_graph(e: Event, look: _Look) -> list[str]:
    """Who copied whom: a node per article coloured by origin, an arrow from copier to source per copy."""
    nodes = list(e.articles) + sorted({c["copied_from"] for c in e.copies} - set(e.articles))  # + wire sources
    if not nodes:
        return []
    size = 380 + 24 * max(0, len(nodes) - 8)
    mid, radius, step = size / 2, (size / 2 - 80) if len(nodes) > 1 else 0, 2 * pi / len(nodes)
    at = {n: (mid + radius * cos(i * step - pi / 2), mid + radius * sin(i * step - pi / 2))
          for i, n in enumerate(nodes)}
    marker = f"arrow-{_e(e.id)}"
    out = ["<h3>Copies</h3>" + _svg("copies", size, size, "Who copied whom")
           + f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
           'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>']
    for c in e.copies:
        (x1, y1), (x2, y2) = at[c["article"]], at[c["copied_from"]]
        length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1.0)
        ux, uy = 16 * (x2 - x1) / length, 16 * (y2 - y1) / length  # stop at the node's rim
        known = c.get("direction") != "unknown"
        style = f'marker-end="url(#{marker})"' if known else 'stroke-dasharray="5 4"'
        out.append(f'<g class="copy-edge"><title>{_e(c.get("because"))}</title><line x1="{x1 + ux:.1f}" '
                   f'y1="{y1 + uy:.1f}" x2="{x2 - ux:.1f}" y2="{y2 - uy:.1f}" stroke="#444" stroke-width="1.5" '
                   f'{style}/><text x="{(x1 + x2) / 2 + 4:.1f}" y="{(y1 + y2) / 2 - 4:.1f}">'
                   f'{c["share"]:.0%}{"" if known else " (direction unknown)"}</text></g>')
    for n in nodes:
        name, (cx, cy) = look.names.get(n) or f"{n.removeprefix('wire:')} wire", at[n]
        out.append(f'<g class="node"><title>{_e(name)} ({_e(look.origin.get(n, n))})</title><circle cx="{cx:.1f}" '
                   f'cy="{cy:.1f}" r="14" fill="{look.colour_of(n)}"/><text x="{cx:.1f}" '
                   f'y="{cy + (30 if cy >= mid else -20):.1f}" text-anchor="middle">{_e(_short(name))}</text></g>')
    out.append("</svg>")
    if not e.copies:
        out.append('<p class="none">No copied text found among these articles.</p>')
    out.append('<p class="note">Colour = independent origin: ' + ", ".join(
        f'<span class="swatch" style="background:{look.colour_of(o)}"></span>{_e(o)}'
        for o in sorted({look.origin.get(n, n) for n in nodes})) + "</p>")
    return out


def _timeline(e: Event) -> list[str]:
    """Reports in publication order with what each was first to say."""
    rows = [[_e(_when(t["published"])), _e(t["outlet"] or t["title"]), _e(t["what"])] for t in e.timeline]
    return ["<h3>Timeline</h3>"] + _table(["published", "outlet", "first to report"], rows) if rows else []


def _articles(dossier: Dossier, look: _Look) -> list[str]:
    """Every article read, with its origin colour, so a reader can check any citation by hand."""
    rows = [[f'<span class="swatch" style="background:{look.colour_of(a.id)}"></span>{_e(a.outlet or "?")}',
             _e(a.wire), _e(_when(a.published)), _link(a.url, _e(a.title)), _e(look.origin[a.id]),
             f"<code>{_e(a.id)}</code>"] for a in dossier.articles]
    header = ["outlet", "wire", "published", "title", "origin", "id"]
    return ["<h2>Articles</h2>"] + (_table(header, rows) if rows else ['<p class="none">No articles.</p>'])


def _rejected(dossier: Dossier) -> list[str]:
    """Inputs that could not be read, and why: nothing is silently dropped."""
    rows = [[_e(r.input), _e(r.error), _e(r.reason)] for r in dossier.rejected]
    return ["<h2>Rejected inputs</h2>"] + (_table(["input", "error", "reason"], rows) if rows
                                           else ['<p class="none">No inputs were rejected.</p>'])
