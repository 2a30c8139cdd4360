"""Readers: one decoded input (Markdown/plain text, HTML, a JSON record) → one raw ``Article``.

reads: decoded text or a parsed JSON value; fills: Article.title, raw_text,
url, outlet, published, byline, format, extra.  Cleaning, outlet and wire
normalisation happen later (``clean`` and ``outlets``), so every reader stays
a plain mapping from a source format to the model.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from . import errors
from .model import Article

# --- Markdown and plain text ------------------------------------------------

# Metadata lines at the head of a Markdown article, as in the seeds:
#   Published at: **2019-11-03T08:36:00+00:00**
#   Author: **Reuters **
#   Original: [euronews](https://www.euronews.com/...)
_META_KEYS = {
    "published": "published", "published at": "published", "publication date": "published",
    "date": "published", "published on": "published",
    "author": "byline", "authors": "byline", "by": "byline", "byline": "byline",
    "original": "original", "source": "original", "url": "original", "link": "original",
    "outlet": "outlet", "site": "outlet", "publisher": "outlet",
}
_META_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*?)\s*$")
_MD_LINK = re.compile(r"^\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")

# A first line longer than this is a paragraph, not a headline.
MAX_HEADLINE_WORDS = 40


def read_text(name: str, text: str) -> Article:
    """Read a Markdown article with a metadata header, or plain text whose first line is the headline."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    article = Article(input=name, format="text")
    i = _skip_blank(lines, 0)
    if i < len(lines) and (heading := _MD_HEADING.match(lines[i])):
        article.title = _strip_md(heading.group(1))
        article.format = "markdown"
        i += 1
    meta: dict[str, str] = {}
    while True:
        j = _skip_blank(lines, i)
        if j >= len(lines):
            i = j
            break
        parsed = _meta_line(lines[j])
        if parsed is None or parsed[0] in meta:
            break
        meta[parsed[0]] = parsed[1]
        i = j + 1
    if meta:
        article.format = "markdown"
    body = lines[i:]
    if not article.title:
        k = _skip_blank(body, 0)
        if k < len(body) and len(body[k].split()) <= MAX_HEADLINE_WORDS:
            article.title = body[k].strip()
            body = body[k + 1 :]
    article.raw_text = "\n".join(body).strip("\n")
    _apply_meta(article, meta)
    return article


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _strip_md(value: str) -> str:
    """Remove Markdown emphasis around a value: ``**Reuters **`` → ``Reuters``."""
    value = value.strip()
    match = re.fullmatch(r"(\*\*|__|\*|_)(.*)\1", value, re.S)
    return (match.group(2) if match else value).strip()


def _meta_line(line: str) -> tuple[str, str] | None:
    match = _META_LINE.match(line)
    if not match:
        return None
    key = _META_KEYS.get(match.group(1).strip().lower())
    return (key, _strip_md(match.group(2))) if key else None


def _apply_meta(article: Article, meta: dict[str, str]) -> None:
    if "published" in meta:
        article.published = parse_published(meta["published"])
        if article.published is None and meta["published"]:
            article.extra["published_raw"] = meta["published"]
    if meta.get("byline"):
        article.byline = meta["byline"]
    if original := meta.get("original"):
        link = _MD_LINK.match(original)
        if link:
            article.outlet = link.group(1).strip() or None
            article.url = link.group(2)
        elif re.match(r"https?://", original):
            article.url = original
        else:
            article.outlet = original
    if meta.get("outlet"):
        article.outlet = meta["outlet"]


# --- Publication dates ------------------------------------------------------

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


def parse_published(value: str | None) -> str | None:
    """Normalise a publication date to ISO 8601; None when it is not an absolute date.

    Keeps the precision given: a date stays a date, a date-time keeps its time
    and offset.  Relative phrases ("2 hours ago") are refused rather than
    resolved against today's clock, which would make output depend on when
    it ran.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = _dateparser(value)
        if parsed is None:
            return None
    if _HAS_TIME.search(value):
        return parsed.isoformat()
    return parsed.date().isoformat()


def _dateparser(value: str) -> datetime | None:
    import dateparser  # imported lazily: it takes ~0.3 s to load its language data

    return dateparser.parse(
        value,
        languages=None,
        settings={
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


# --- HTML -------------------------------------------------------------------

_META_TIME = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|dc\.date\.issued|sailthru\.date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)


def read_html(name: str, html: str) -> Article:
    """Read an HTML page's main text and metadata with trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        raise errors.UnsupportedFormat(name, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from None
    if doc is None or not (doc.text or "").strip():
        raise errors.EmptyArticle(name, "no article text found in the HTML page")
    article = Article(input=name, format="html")
    article.title = (doc.title or "").strip()
    article.raw_text = doc.text
    article.url = doc.url or None
    article.outlet = (doc.sitename or "").strip() or None
    article.byline = (doc.author or "").strip() or _meta_content(html, _META_AUTHOR)
    article.published = _html_published(html, doc.date)
    if doc.description:
        article.extra["description"] = doc.description
    return article


_META_AUTHOR = re.compile(
    r"""<meta[^>]+(?:name|property)\s*=\s*["'](?:author|article:author|byl|dc\.creator)["'][^>]*>""", re.I
)


def _meta_content(html: str, tag_pattern: re.Pattern[str]) -> str | None:
    """The content of the first matching <meta> tag (trafilatura drops agency names as authors)."""
    tag = tag_pattern.search(html[:200_000])
    content = _CONTENT.search(tag.group(0)) if tag else None
    value = content.group(1).strip() if content else ""
    return value if value and not value.startswith("http") else None


def _html_published(html: str, day: str | None) -> str | None:
    """trafilatura's date (a day), refined to the page's own timestamp when one agrees with it."""
    for tag in _META_TIME.findall(html[:200_000]):
        content = _CONTENT.search(tag)
        stamp = parse_published(content.group(1)) if content else None
        if stamp and (day is None or stamp.startswith(day)):
            return stamp
    return parse_published(day) if day else None


# --- JSON records -----------------------------------------------------------

# Field names, most specific first.  Documented in README.md ("Input formats").
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "maintext", "article", "full_text"),
    "published": ("published", "date_publish", "date", "published_at", "datePublished", "publication_date", "pubdate"),
    "url": ("url", "link", "canonical_url", "original_url"),
    "outlet": ("outlet", "source", "site_name", "sitename", "source_domain", "publisher"),
    "byline": ("author", "authors", "byline", "by"),
}
_KNOWN = {alias for aliases in FIELDS.values() for alias in aliases} | {"id"}


def read_json_value(label: str, record: Any, fmt: str) -> Article:
    """Map one JSON object onto an Article; a wrong type names the offending field."""
    if not isinstance(record, dict):
        raise errors.InvalidRecord(label, f"expected a JSON object, got {_json_type(record)}")
    article = Article(input=label, format=fmt)
    article.title = _string(label, record, "title") or ""
    article.raw_text = _string(label, record, "text") or ""
    article.url = _string(label, record, "url")
    article.outlet = _string(label, record, "outlet")
    article.byline = _string(label, record, "byline")
    published = _string(label, record, "published")
    article.published = parse_published(published)
    if published and article.published is None:
        article.extra["published_raw"] = published
    article.extra.update({k: v for k, v in record.items() if k not in _KNOWN})
    return article


def _string(label: str, record: dict, field: str) -> str | None:
    """The first alias of ``field`` present in the record, as a string (lists of strings are joined)."""
    for key in FIELDS[field]:
        if key not in record or record[key] is None:
            continue
        value = record[key]
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            joined = ("\n" if field == "text" else ", ").join(v.strip() for v in value if v.strip())
            return joined or None
        if isinstance(value, dict) and field in ("outlet", "byline") and isinstance(value.get("name"), str):
            return value["name"].strip() or None  # e.g. NewsAPI's "source": {"id": ..., "name": ...}
        if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "published":
            return _epoch(label, key, value)
        raise errors.InvalidRecord(label, f"field {key!r} is {_json_type(value)}, expected a string")
    return None


def _epoch(label: str, key: str, value: float) -> str:
    """A numeric date is a Unix timestamp in seconds (or milliseconds when too large for seconds)."""
    from datetime import timezone

    seconds = value / 1000 if value > 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
    except (OverflowError, OSError, ValueError):
        raise errors.InvalidRecord(label, f"field {key!r} is not a valid timestamp: {value!r}") from None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
