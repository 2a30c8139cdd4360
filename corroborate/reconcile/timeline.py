"""Timeline: the reports in publication order, each with what it was first to state."""

from __future__ import annotations

from collections import defaultdict

from ..model import Article
from .tolls import _is_vague


def timeline(articles: list[Article], date_: dict | None, place: dict | None, actor_rows: list[dict]) -> list[dict]:
    """Reports in publication order (undated last), each with what it was first to report.

    Figures are the ones each report states (not totals added up here), so a toll that rises
    from report to report ("dozens", then 53 soldiers, then 54 bodies) shows as it was told.
    """
    said: dict[str, list[tuple[tuple, str]]] = defaultdict(list)
    for a in articles:
        for c in a.claims:
            if c.kind == "figure" and c.scope is None:
                vague = bool(c.wording and _is_vague(c.wording))
                shown = c.wording if vague else f"{c.qualifier + ' ' if c.qualifier else ''}{c.value}"
                said[a.id].append((("figure", c.measure, c.group, c.wording.lower() if vague else c.value),
                                   f"{c.measure} {c.group}: {shown}"))
    for part, label in ((date_, "date"), (place, "place")):
        for r in (part or {}).get("reports", []):
            value = r["value"]["name"] if isinstance(r["value"], dict) else r["value"]
            if value and not r.get("derived"):
                said[r["article"]].append(((label, value), f"{label} {value}"))
    for row in actor_rows:
        for r in row["reports"]:
            what = (f"{row['name']} {r['link']}" if row["name"] else r["link"]) if row["role"] == "perpetrator" \
                else f"target {row['name']}"
            said[r["article"]].append((("actor", row["role"], row["name"], r["link"]), what))
    seen: set[tuple] = set()
    out = []
    for a in articles:
        first = []
        for key, label in said.get(a.id, []):
            if key not in seen:
                seen.add(key)
                if label not in first:
                    first.append(label)
        out.append({"published": a.published, "article": a.id, "outlet": a.outlet, "title": a.title,
                    "what": "; ".join(first) if first else "nothing new", "first": first})
    return out
