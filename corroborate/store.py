"""Store: one SQLite file (WAL mode, versioned schema) holding everything the pipeline made.

Articles are keyed by a hash of their source content, so ingesting the same
input twice changes nothing; each input's articles and rejections are written
in one transaction, so an interrupted run never leaves half an input behind.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from . import errors
from .model import Article, Claim, Rejection, Removal, Sentence

if TYPE_CHECKING:
    from .cluster import Index
    from .reuse import Reuse

COUNTS = ("new", "updated", "unchanged", "duplicate", "rejected")  # what Store.add reports

SCHEMA_VERSION = 4  # 2: reuse table; 3: claims table; 4: events, profiles, vocabulary

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq       INTEGER PRIMARY KEY,           -- order of first ingest
    id        TEXT NOT NULL UNIQUE,          -- content hash (see article_id)
    input     TEXT NOT NULL,                 -- file, file#id or file:line it was first read from
    record    TEXT,                          -- the record's id or line inside a JSON/JSONL input
    format    TEXT NOT NULL,
    title     TEXT NOT NULL,
    text      TEXT NOT NULL,                 -- cleaned text; sentence offsets index it
    raw_text  TEXT NOT NULL,
    url       TEXT,
    outlet    TEXT,
    published TEXT,                          -- ISO 8601 date or date-time
    byline    TEXT,
    wire      TEXT,
    language  TEXT,
    removed   TEXT NOT NULL DEFAULT '[]',    -- JSON: what cleaning removed and why
    extra     TEXT NOT NULL DEFAULT '{}'     -- JSON: input fields kept but not interpreted
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS sentences (
    article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reuse (
    a        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    share_a  REAL NOT NULL,
    share_b  REAL NOT NULL,
    passages TEXT NOT NULL,                  -- JSON [[sentence in a, sentence in b], ...]
    quotes   TEXT NOT NULL,                  -- JSON, shared quotations only (not reuse)
    origin   TEXT NOT NULL,                  -- article id, wire:NAME or unknown
    because  TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS claims (
    article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,               -- order within the article
    kind     TEXT NOT NULL,                  -- figure | date | time | place | relation | actor | type
    claim    TEXT NOT NULL,                  -- JSON: the Claim's fields
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    article  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    event    TEXT NOT NULL,                  -- event id (ev- + the id of the article that opened it)
    profile  TEXT NOT NULL                   -- JSON: what clustering placed the article with
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_event ON events(event);
CREATE TABLE IF NOT EXISTS vocabulary (      -- document frequency of each word among placed articles
    term     TEXT PRIMARY KEY,
    df       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rejected (
    input  TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    error  TEXT NOT NULL
);
"""

_COLUMNS = ("id", "input", "record", "format", "title", "text", "raw_text", "url", "outlet",
            "published", "byline", "wire", "language", "removed", "extra")


def article_id(article: Article) -> str:
    """A hash of what the source said (not of our cleaning), so ids survive better cleaning rules."""
    payload = json.dumps(
        [article.title, article.raw_text, article.url, article.published, article.outlet, article.byline],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


class Store:
    """The SQLite store; use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = "corroborate.db"):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise errors.StoreError(f"{self.path}: cannot open as a corroborate store: {exc}") from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        self.db.executescript(_SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) < SCHEMA_VERSION:  # older stores only lack tables, created above
            self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise errors.StoreError(
                f"{self.path}: written by a newer corroborate (schema {row[0]}, this one reads {SCHEMA_VERSION}); "
                "upgrade corroborate or use another --db"
            )

    # --- writing -------------------------------------------------------------

    def add(self, items: Sequence[Article | Rejection]) -> dict[str, int]:
        """Write one input's articles and rejections in a single transaction.

        Returns counts: ``new``, ``updated`` (same source, different cleaning),
        ``unchanged``, ``duplicate`` (same content already stored from another
        input; the first input is kept) and ``rejected``.
        """
        counts = dict.fromkeys(COUNTS, 0)
        with self._transaction():
            for item in items:
                if isinstance(item, Rejection):
                    self.db.execute(
                        "INSERT INTO rejected VALUES (?, ?, ?) ON CONFLICT(input) DO UPDATE "
                        "SET reason = excluded.reason, error = excluded.error",
                        (item.input, item.reason, item.error),
                    )
                    counts["rejected"] += 1
                else:
                    counts[self._put(item)] += 1
                    self.db.execute("DELETE FROM rejected WHERE input = ?", (item.input,))
        return counts

    def _put(self, article: Article) -> str:
        if not article.id:
            article.id = article_id(article)
        row = _row(article)
        old = self.db.execute(
            f"SELECT {', '.join(_COLUMNS[1:])} FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if old is not None and old["input"] != article.input:
            return "duplicate"
        if old is not None and tuple(old)[2:] == tuple(row[3:]):
            self._put_claims(article)  # a newer extractor may read the same text differently
            return "unchanged"
        if old is None:
            self.db.execute(f"INSERT INTO articles ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", row)
        else:
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS[3:])
            self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*row[3:], article.id))
            self.db.execute("DELETE FROM sentences WHERE article = ?", (article.id,))
        self.db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?)",
            [(article.id, s.index, s.start, s.end) for s in article.sentences],
        )
        self._put_claims(article)
        return "new" if old is None else "updated"

    def _put_claims(self, article: Article) -> None:
        self.db.execute("DELETE FROM claims WHERE article = ?", (article.id,))
        self.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?)", [
            (article.id, i, c.kind, _claim_json(c)) for i, c in enumerate(article.claims)])

    def put_reuse(self, reuses: Sequence["Reuse"], among: Iterable[str]) -> None:
        """Replace the stored reuse pairs among the given articles with ``reuses`` (one transaction)."""
        ids = list(among)
        with self._transaction():
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _among (id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM _among")
            self.db.executemany("INSERT OR IGNORE INTO _among VALUES (?)", [(i,) for i in ids])
            self.db.execute("DELETE FROM reuse WHERE a IN (SELECT id FROM _among) AND b IN (SELECT id FROM _among)")
            self.db.executemany(
                "INSERT OR REPLACE INTO reuse VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.a, r.b, r.share_a, r.share_b, json.dumps(r.passages), json.dumps(r.quotes), r.origin, r.because)
                 for r in reuses],
            )

    def reuses(self, among: Iterable[str] | None = None) -> list["Reuse"]:
        """Stored reuse pairs (all, or those with both articles among the given ids), sorted."""
        from .reuse import Reuse

        rows = self.db.execute("SELECT * FROM reuse ORDER BY a, b").fetchall()
        wanted = None if among is None else set(among)
        return [
            Reuse(r["a"], r["b"], r["share_a"], r["share_b"], [tuple(p) for p in json.loads(r["passages"])],
                  [tuple(q) for q in json.loads(r["quotes"])], r["origin"], r["because"])
            for r in rows if wanted is None or (r["a"] in wanted and r["b"] in wanted)
        ]

    def put_events(self, index: "Index", articles: Iterable[str], *, replace: bool = False) -> None:
        """Write where ``index`` placed ``articles`` (one transaction).

        Articles placed for the first time add their words to the vocabulary, so a later
        streaming run weighs words as this one did.  ``replace`` (batch mode) also rewrites
        the events of articles that were placed before, and renames events that now hold none.
        """
        from .cluster import dump_profile

        ids = list(dict.fromkeys(articles))
        with self._transaction():
            known = set()
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                known |= {r[0] for r in self.db.execute(
                    f"SELECT article FROM events WHERE article IN ({', '.join('?' * len(part))})", part)}
            fresh = [a for a in ids if a not in known]
            terms: dict[str, int] = {}
            for a in fresh:
                for t in index.profiles[a].counts:
                    terms[t] = terms.get(t, 0) + 1
            self.db.executemany("INSERT INTO vocabulary VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                                sorted(terms.items()))
            documents = self._meta_int("documents") + len(fresh)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', ?)", (str(documents),))
            rows = [(a, index.of[a], dump_profile(index.profiles[a], index.vectors[a]))
                    for a in (ids if replace else fresh)]
            self.db.executemany("INSERT OR REPLACE INTO events VALUES (?, ?, ?)", rows)

    def load_index(self) -> "Index":
        """The streaming index as earlier runs left it: vocabulary, placed articles and their events."""
        from collections import Counter

        from .cluster import Index, load_profile

        df = Counter(dict(self.db.execute("SELECT term, df FROM vocabulary")))
        index = Index(df, self._meta_int("documents"))
        for article, event, profile in self.db.execute("SELECT article, event, profile FROM events ORDER BY article"):
            p, vec = load_profile(article, profile)
            index.restore(p, vec, event)
        return index

    def events(self) -> dict[str, list[str]]:
        """Event id -> its article ids, from the events table."""
        out: dict[str, list[str]] = {}
        for article, event in self.db.execute("SELECT article, event FROM events ORDER BY event, article"):
            out.setdefault(event, []).append(article)
        return out

    def unplaced(self) -> list[str]:
        """Articles not in any event yet (ingested by a run that stopped before placing them)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article FROM events) ORDER BY seq")]

    def _meta_int(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.db)

    # --- reading -------------------------------------------------------------

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in ingest order (all of them, or those with the given ids, in that order)."""
        if ids is None:
            rows = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM articles ORDER BY seq").fetchall()
        else:
            wanted = list(dict.fromkeys(ids))
            rows = []
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                found = {
                    r["id"]: r
                    for r in self.db.execute(
                        f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE id IN ({', '.join('?' * len(part))})", part
                    )
                }
                rows.extend(found[a] for a in part if a in found)
        return [self._article(r) for r in rows]

    def iter_articles(self, batch: int = 1000) -> Iterator[Article]:
        """All articles in ingest order, read in batches (for corpora larger than memory)."""
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT seq, {', '.join(_COLUMNS)} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._article(r)
            last = rows[-1]["seq"]

    def _article(self, r: sqlite3.Row) -> Article:
        a = Article(
            input=r["input"], record=r["record"], format=r["format"], title=r["title"], text=r["text"],
            raw_text=r["raw_text"], url=r["url"], outlet=r["outlet"], published=r["published"],
            byline=r["byline"], wire=r["wire"], language=r["language"], id=r["id"],
            removed=[Removal(**x) for x in json.loads(r["removed"])], extra=json.loads(r["extra"]),
        )
        a.sentences = [
            Sentence(i, s, e, a.text[s:e])
            for i, s, e in self.db.execute(
                "SELECT idx, start, end FROM sentences WHERE article = ? ORDER BY idx", (a.id,)
            )
        ]
        for (claim,) in self.db.execute("SELECT claim FROM claims WHERE article = ? ORDER BY idx", (a.id,)):
            fields = json.loads(claim)
            quote = a.title if fields["sentence"] < 0 else a.sentences[fields["sentence"]].text
            a.claims.append(Claim(article=a.id, quote=quote, **fields))
        return a

    def rejected(self, inputs: Iterable[str] | None = None) -> list[Rejection]:
        rows = self.db.execute("SELECT input, reason, error FROM rejected ORDER BY input").fetchall()
        wanted = None if inputs is None else set(inputs)
        return [Rejection(*r) for r in rows if wanted is None or r[0] in wanted]

    def count(self, table: str) -> int:
        if table not in ("articles", "sentences", "rejected", "reuse", "claims", "events", "vocabulary"):
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim) if f.name not in ("article", "quote"))


def _claim_json(c: Claim) -> str:
    """A claim's stored fields as JSON: what ``asdict`` would give, without its deep copy."""
    try:
        return json.dumps({k: getattr(c, k) for k in _CLAIM_FIELDS}, ensure_ascii=False, sort_keys=True)
    except TypeError:  # a value holding a dataclass: let asdict turn it into a dict
        return json.dumps({k: v for k, v in asdict(c).items() if k not in ("article", "quote")},
                          ensure_ascii=False, sort_keys=True)


def _row(a: Article) -> tuple:
    return (
        a.id, a.input, a.record, a.format, a.title, a.text, a.raw_text, a.url, a.outlet, a.published,
        a.byline, a.wire, a.language,
        json.dumps([asdict(r) for r in a.removed], ensure_ascii=False),
        json.dumps(a.extra, ensure_ascii=False, sort_keys=True, default=str),
    )


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK on any error, so an input is written whole or not at all."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
