"""The one data model every pipeline stage reads and fills.

Stages never pass private structures to each other: an ``Article`` goes in,
the same ``Article`` (with more fields filled) comes out.  Later stages add
``Claim``s, ``Event``s and ``Dossier``s.  Every field that a user sees in a
dossier points back to an article and a character span of its cleaned text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Sentence:
    """A sentence of an article's cleaned text; ``start``/``end`` index ``Article.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Removal:
    """A piece of the raw text that cleaning removed, and the rule that removed it."""

    text: str
    rule: str


@dataclass(slots=True)
class Article:
    """One news report as read from an input.

    ``input`` names where it came from (file path, plus ``#id`` or ``:line``
    for a record inside JSON/JSON Lines); ``record`` is that id or line alone
    so results can be joined back to the user's own data.
    """

    input: str
    title: str = ""
    raw_text: str = ""
    text: str = ""
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 as given (date or datetime), None if unknown
    byline: str | None = None
    wire: str | None = None
    language: str | None = None
    format: str = ""  # markdown | text | html | json | jsonl
    record: str | None = None
    id: str = ""  # content hash, set by ingest
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    claims: list["Claim"] = field(default_factory=list)  # filled by the extract stage
    extra: dict[str, Any] = field(default_factory=dict)  # source fields we keep but do not interpret

    def summary(self) -> dict[str, Any]:
        """The article as the dossier contract lists it under ``articles``."""
        return {
            "id": self.id,
            "input": self.input,
            "record": self.record,
            "format": self.format,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "byline": self.byline,
            "wire": self.wire,
            "language": self.language,
            "sentences": len(self.sentences),
            "removed": [asdict(r) for r in self.removed],
        }


@dataclass(slots=True)
class Rejection:
    """An input (file or record) that could not become an article, and why."""

    input: str
    reason: str
    error: str = "InputError"

    def summary(self) -> dict[str, str]:
        return {"input": self.input, "reason": self.reason, "error": self.error}


@dataclass(slots=True)
class Claim:
    """A typed statement in one article: value, qualifier, speaker and evidence span.

    ``sentence`` indexes ``Article.sentences`` (-1 is the title); ``start``/``end``
    index that sentence's text, and ``quote`` is the sentence (or title) itself.
    ``kind`` is figure | date | time | place | relation | actor | type; ``value``
    is an int for figures and a dict for the rest (see ``extract``).
    """

    article: str
    kind: str
    value: Any
    sentence: int
    start: int
    end: int
    quote: str
    qualifier: str | None = None
    measure: str | None = None
    group: str | None = None
    said_by: str | None = None
    scope: str | None = None        # None = the article's main event; else a description of another event
    wording: str | None = None      # the amount as written when it is words or vague ("dozens", "Fifty-three")
    within: str | None = None       # the group of a total this figure is part of ("54 bodies including one civilian")
    channel: str | None = None      # how the speaker said it: "on Twitter", "told Reuters", "in a statement"
    scope_date: str | None = None   # the other event's date (ISO day or month) when the text gives it

    def summary(self) -> dict[str, Any]:
        """The claim as JSON: only the fields that are set, in a fixed order."""
        out = {"kind": self.kind, "value": self.value}
        for name in ("measure", "group", "qualifier", "wording", "within", "said_by", "channel",
                     "scope", "scope_date"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out.update(sentence=self.sentence, start=self.start, end=self.end,
                   text=self.quote[self.start:self.end] if self.start >= 0 else None)
        return out


@dataclass(slots=True)
class Event:
    """A real-world event: the articles that report it and what they claim."""

    id: str
    articles: list[str] = field(default_factory=list)
    headline: str = ""
    # filled by ``reconcile`` (JSON-shaped, as the dossier contract lists them)
    date: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    type: dict[str, Any] | None = None
    figures: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    related_events: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)
    independent_sources: int = 0
    timeline: list[dict[str, Any]] = field(default_factory=list)
    brief: dict[str, Any] | None = None   # filled by ``brief``


@dataclass(slots=True)
class Dossier:
    """What ``analyze`` returns: articles, events and rejected inputs."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    reuse: list[Any] = field(default_factory=list)        # reuse.Reuse pairs among the articles
    origins: dict[str, str] = field(default_factory=dict)  # article id -> independent origin label
