"""Store: one SQLite file (WAL mode, versioned schema) holding everything the pipeline made.

Articles are keyed by a hash of their source content, so ingesting the same
input twice changes nothing; each input's articles and rejections are written
in one transaction, so an interrupted run never leaves half an input behind.
"""

from __future__ import annotations

import gc
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

SCHEMA_VERSION = 5  # 2: reuse table; 3: claims table; 4: events, profiles, vocabulary; 5: events.time, spans

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
    profile  TEXT NOT NULL,                  -- JSON: what clustering placed the article with
    time     INTEGER                         -- its event day or publication day (ordinal), if any
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_event ON events(event);
CREATE TABLE IF NOT EXISTS spans (           -- each event's earliest and latest member time (NULL: none dated)
    event    TEXT PRIMARY KEY,
    start    INTEGER,
    end      INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS spans_end ON spans(end);
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
                # a checkpoint (and its sync) every 40 MB of log instead of every 4 MB: ingest writes rows all
                # over large tables, and each checkpoint syncs the pages written since the last one
                self.db.execute("PRAGMA wal_autocheckpoint = 10000")
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
        elif int(row[0]) < SCHEMA_VERSION:  # older stores lack tables (created above) or columns
            if int(row[0]) == 4:
                self._migrate_events()
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
        self._put_claims(article, new=old is None)
        return "new" if old is None else "updated"

    def _put_claims(self, article: Article, new: bool = False) -> None:
        if not new:  # a new article has none to replace: the look-up is a B-tree descent per article for nothing
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
        Each touched event's span (earliest and latest member time) is kept in ``spans``, so a
        later run loads only the events near the dates of its new articles.
        """
        from .cluster import dump_profile

        ids = list(dict.fromkeys(articles))
        with self._transaction():
            known: dict[str, str] = {}
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                known.update(self.db.execute(
                    f"SELECT article, event FROM events WHERE article IN ({', '.join('?' * len(part))})", part))
            fresh = [a for a in ids if a not in known]
            terms: dict[str, int] = {}
            for a in fresh:
                for t in index.profiles[a].counts:
                    terms[t] = terms.get(t, 0) + 1
            self.db.executemany("INSERT INTO vocabulary VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                                sorted(terms.items()))
            documents = self._meta_int("documents") + len(fresh)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('documents', ?)", (str(documents),))
            # in key order: each row lands beside the last one written, not on a random page of a large table
            written = sorted(ids if replace else fresh)
            rows = [(a, index.of[a], dump_profile(index.profiles[a], index.vector_of(a)), index.profiles[a].time)
                    for a in written]
            self.db.executemany("INSERT OR REPLACE INTO events (article, event, profile, time) VALUES (?, ?, ?, ?)", rows)
            self._put_spans({r[1] for r in rows} | {known[a] for a in written if a in known})

    def _put_spans(self, events: Iterable[str]) -> None:
        """Recompute the spans of ``events`` from their members (an event left with none loses its span)."""
        touched = sorted(events)
        for i in range(0, len(touched), 500):
            part = touched[i:i + 500]
            marks = ", ".join("?" * len(part))
            self.db.execute(f"DELETE FROM spans WHERE event IN ({marks})", part)
            self.db.execute(f"INSERT INTO spans SELECT event, min(time), max(time) FROM events "
                            f"WHERE event IN ({marks}) GROUP BY event", part)

    def _migrate_events(self) -> None:
        """Schema 4 -> 5: each placed article's time as a column, each event's span in ``spans``."""
        with self._transaction():
            columns = {r[1] for r in self.db.execute("PRAGMA table_info(events)")}
            if "time" not in columns:
                self.db.execute("ALTER TABLE events ADD COLUMN time INTEGER")
            rows = []
            for article, profile in self.db.execute("SELECT article, profile FROM events").fetchall():
                d = json.loads(profile)
                rows.append((d["day"] if d["day"] is not None else d["published"], article))
            self.db.executemany("UPDATE events SET time = ? WHERE article = ?", rows)
            self.db.execute("DELETE FROM spans")
            self.db.execute("INSERT INTO spans SELECT event, min(time), max(time) FROM events GROUP BY event")

    def load_index(self, *, whole: bool = False) -> "Index":
        """The streaming index as earlier runs left it: vocabulary, placed articles and their events.

        By default nothing is read up front: the index reads an event (all its members) the first
        time an article near its dates is placed (``Index.loader``), a word's document frequency the
        first time it is weighed, and whether an article was placed when asked.  Placement is the
        same as with everything read (``whole``): an event is only ever a candidate for articles
        within ``WINDOW_DAYS`` of its span (``FOLLOWUP_DAYS`` for follow-up reports).
        """
        from .cluster import Index

        index = Index(_Vocabulary(self.db), self._meta_int("documents"))
        index.of = _Placed(self.db)
        loader = _Loader(self.db, index)
        if whole:
            loader(None, None)
        else:
            index.loader = loader
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


class _Vocabulary(dict):
    """Document frequencies read from the vocabulary table as words are first weighed, then kept."""

    def __init__(self, db: sqlite3.Connection):
        super().__init__()
        self.db = db

    def prefetch(self, terms: Iterable[str]) -> None:
        wanted = [t for t in terms if not dict.__contains__(self, t)]
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            found = dict(self.db.execute(f"SELECT term, df FROM vocabulary WHERE term IN ({', '.join('?' * len(part))})",
                                         part))
            for t in part:
                dict.__setitem__(self, t, found.get(t, 0))

    def get(self, term: str, default: int = 0) -> int:
        if not dict.__contains__(self, term):
            self.prefetch([term])
        return dict.__getitem__(self, term) or default

    def update(self, terms: Iterable[str]) -> None:  # type: ignore[override]  # Counter.update over words
        terms = list(terms)
        self.prefetch(terms)
        for t in terms:
            dict.__setitem__(self, t, dict.__getitem__(self, t) + 1)


class _Placed(dict):
    """Article id -> event id: the articles read or placed in this run, else asked of the events table."""

    def __init__(self, db: sqlite3.Connection):
        super().__init__()
        self.db = db

    def __missing__(self, article: str) -> str:
        row = self.db.execute("SELECT event FROM events WHERE article = ?", (article,)).fetchone()
        if row is None:
            raise KeyError(article)
        return row[0]

    def __contains__(self, article: object) -> bool:
        return dict.__contains__(self, article) or self.db.execute(
            "SELECT 1 FROM events WHERE article = ?", (article,)).fetchone() is not None

    def get(self, article: str, default: object = None) -> object:  # type: ignore[override]
        try:
            return self[article]
        except KeyError:
            return default


class _Loader:
    """Reads into ``index`` the stored events whose span meets a day range (``None``: every event).

    Events already in the index (read before, or opened in this run) are not read again; the days
    read so far are one interval that only grows.
    """

    def __init__(self, db: sqlite3.Connection, index: "Index"):
        self.db, self.index = db, index
        self.lo: int | None = None
        self.hi: int | None = None
        self.everything = False
        self.undated = False

    def __call__(self, lo: int | None, hi: int | None) -> None:
        if self.everything or (self.lo is not None and lo is not None and self.lo <= lo and hi <= self.hi):
            return
        if lo is None or hi is None:
            query, args = "SELECT article, event, profile FROM events ORDER BY event, article", ()
            self.everything = True
        else:
            if self.lo is not None:
                lo, hi = min(lo, self.lo), max(hi, self.hi)
            self.lo, self.hi = lo, hi
            # each member of each event whose span meets [lo, hi] (and, once, of the undated events)
            query = ("SELECT e.article, e.event, e.profile FROM spans s JOIN events e ON e.event = s.event "
                     "WHERE (s.end >= ? AND s.start <= ?)" + ("" if self.undated else " OR s.start IS NULL") +
                     " ORDER BY e.event, e.article")
            args = (lo, hi)
            self.undated = True
        self._read(self.db.execute(query, args))

    def _read(self, rows: Iterable) -> None:
        from .cluster import load_profile

        index = self.index
        clusters = index.clusters
        current, take = None, False
        for article, event, profile in rows:  # grouped by event
            if event != current:
                current, take = event, event not in clusters
            if take:
                p, vec, keys = load_profile(article, profile)
                index.restore(p, vec, event, keep=False, keys=keys)
        gc.freeze()  # the index lives as long as the run: keep the cycle collector from walking it each time


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
