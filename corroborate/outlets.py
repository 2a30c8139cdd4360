"""Outlet and wire: who published an article, and which news agency's copy it is.

reads: Article.url, outlet, byline, raw_text; fills: Article.outlet, wire.

The outlet is the publisher the reader sees (from the URL, the site name or a
Markdown "Original" link); the wire is the agency whose copy it runs (Reuters,
AFP, AP, ...), found in the byline or in the agency's own credit lines.  The
wire is its own field because five outlets running one Reuters story are one
source, not five.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from .model import Article

_WAYBACK = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d+[a-z_]*/(.+)$", re.I)


@lru_cache(maxsize=1)
def known_outlets() -> dict[str, str]:
    data = json.loads(resources.files("corroborate").joinpath("data/outlets.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def known_wires() -> dict[str, list[str]]:
    data = json.loads(resources.files("corroborate").joinpath("data/wires.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def unwrap_url(url: str) -> str:
    """The archived page's own URL for a Wayback Machine capture; other URLs unchanged."""
    match = _WAYBACK.match(url.strip())
    if match:
        inner = match.group(1)
        return inner if "://" in inner else "http://" + inner
    return url.strip()


def hostname(url: str | None) -> str | None:
    """Lower-case host without ``www.`` and port, of the page itself (Wayback unwrapped)."""
    if not url:
        return None
    try:
        host = urlsplit(unwrap_url(url)).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def registered_domain(host: str) -> str:
    """``news.bbc.co.uk`` → ``bbc.co.uk``, using the public suffix list bundled with ``tld``."""
    from tld import get_fld

    return get_fld(host, fix_protocol=True, fail_silently=True) or host


def outlet_name(url: str | None, given: str | None) -> str | None:
    """The outlet's usual name: known domain first, then the name the input gives, then the domain."""
    host = hostname(url)
    if host:
        table = known_outlets()
        labels = host.split(".")
        for i in range(len(labels) - 1):
            name = table.get(".".join(labels[i:]))
            if name:
                return name
    if given and given.strip():
        return given.strip()
    return registered_domain(host) if host else None


@lru_cache(maxsize=1)
def _wire_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for wire, names in known_wires().items():
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        # Short all-caps names (AP, AFP) only match in capitals; full names in any case.
        out.append((wire, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")))
    return out


def wire_in(text: str) -> str | None:
    """The wire agency named in a short string (a byline or a credit line), if exactly one is."""
    found = {wire for wire, pattern in _wire_patterns() if pattern.search(text) or pattern.search(text.title())}
    return found.pop() if len(found) == 1 else None


# Credit lines that agencies put on their own copy.  A mention such as
# "told Reuters" or "AFP reported" is sourcing, not a credit: the reuse stage
# weighs those; here only credits count.
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,60}\(([A-Za-z .-]{2,40})\)\s*[-—–:]")
_CREDIT_LINES = [
    re.compile(r"^\(?\s*(?:Reporting|Writing) by .{3,200}(?:Editing|editing) by", re.S),  # Reuters house style
    re.compile(r"^(?:copyright|©|\(c\))\s*(?:\d{4}\s*)?(.{2,60}?)(?:\.|,|$)", re.I),
    re.compile(r"^[-—–]\s*([A-Za-z .-]{2,40})\s*$"),  # "— AFP"
    re.compile(r"^(?:source|via|credit)\s*:\s*(.{2,60})$", re.I),
    re.compile(r"^(.{2,40}?) (?:writers?|correspondents?) .{0,120}contributed to this (?:report|story)", re.I),
]


def wire_from_credits(text: str) -> str | None:
    """The wire credited in the first line or the last lines of a text."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return None
    first = _DATELINE.match(lines[0])
    if first and (wire := wire_in(first.group(1))):
        return wire
    for line in lines[-4:]:
        for i, pattern in enumerate(_CREDIT_LINES):
            match = pattern.match(line)
            if not match:
                continue
            if i == 0:
                return "Reuters"
            if wire := wire_in(match.group(1)):
                return wire
    return None


def identify(article: Article) -> Article:
    """Fill ``outlet`` (normalised) and ``wire`` (byline first, then credit lines)."""
    article.outlet = outlet_name(article.url, article.outlet)
    byline = (article.byline or "").strip(" *")
    article.byline = byline or None
    wire = wire_in(byline) if byline else None
    if wire is None and article.raw_text:
        wire = wire_from_credits(article.raw_text)
    if wire is None and article.outlet:
        wire = wire_in(article.outlet) if article.outlet in known_wires() else None
    article.wire = wire
    return article
