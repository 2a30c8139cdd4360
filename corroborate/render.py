"""Render: a Dossier as the JSON contract of DESIGN.md, or as Markdown for reading.

Output is deterministic: same dossier, same bytes (no clock, no dict-order accidents).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Article, Dossier


def to_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier contract: ``articles``, ``events``, ``rejected``."""
    return {
        "articles": [_article(a) for a in dossier.articles],
        "events": [_event(e) for e in dossier.events],
        "rejected": [r.summary() for r in dossier.rejected],
    }


def _article(a: Article) -> dict[str, Any]:
    out = a.summary()
    if a.extra.get("duplicate_inputs"):
        out["duplicate_inputs"] = a.extra["duplicate_inputs"]
    return out


def _event(e: Any) -> dict[str, Any]:
    return {"id": e.id, "headline": e.headline, "articles": list(e.articles)}


def to_json(dossier: Dossier) -> str:
    return json.dumps(to_dict(dossier), ensure_ascii=False, indent=2) + "\n"


def to_markdown(dossier: Dossier) -> str:
    lines = [f"# Dossier: {len(dossier.articles)} articles, {len(dossier.events)} events", ""]
    if dossier.events:
        lines += ["## Events", ""]
        for e in dossier.events:
            lines.append(f"- **{e.id}** {e.headline} ({len(e.articles)} articles)")
        lines.append("")
    lines += ["## Articles", "", "| id | outlet | wire | published | byline | title |", "|---|---|---|---|---|---|"]
    for a in dossier.articles:
        cells = [a.id, a.outlet or "?", a.wire or "", a.published or "?", a.byline or "", a.title]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
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


def _cell(value: str) -> str:
    value = value.replace("|", "\\|").replace("\n", " ")
    return value if len(value) <= 120 else value[:117] + "..."


RENDERERS = {"json": to_json, "md": to_markdown}
