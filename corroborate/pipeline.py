"""Pipeline: run the stages in order over inputs, persist to the store, return a Dossier.

The per-article stages are a plain ordered list of functions, each taking and
returning an ``Article``.  A stage that raises on one article turns that
article into a ``Rejection`` naming the stage; the batch goes on.
"""

from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import brief, clean, cluster, errors, extract, ingest, outlets, reconcile, reuse
from .model import Article, Dossier, Event, Rejection
from .store import COUNTS, Store, article_id

ARTICLE_STAGES: list[Callable[[Article], Article]] = [
    outlets.identify,  # reads url, outlet, byline, raw_text; fills outlet, wire
    clean.clean,       # reads raw_text, title; fills text, sentences, removed, language
    extract.extract,   # reads title, sentences, published; fills claims
]


@dataclass
class IngestReport:
    """What one ingest run did: article ids in input order, rejections, and counts."""

    article_ids: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # article id -> other inputs with the same content
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    sources: int = 0
    placed: int = 0     # new articles placed in events (streaming)
    opened: int = 0     # of those, how many opened a new event


def process(article: Article) -> Article | Rejection:
    """Run every per-article stage; a failure becomes a rejection that names the stage."""
    article.id = article_id(article)
    for stage in ARTICLE_STAGES:
        try:
            article = stage(article)
        except errors.InputError as exc:
            return Rejection(article.input, exc.reason, type(exc).__name__)
        except Exception as exc:  # a bug on one hostile input must not stop the batch
            return Rejection(article.input, f"stage {stage.__module__}.{stage.__name__} failed: "
                             f"{type(exc).__name__}: {exc}", "StageError")
    if not article.text.strip():
        removed = ", ".join(sorted({r.rule for r in article.removed})) or "nothing"
        return Rejection(article.input, f"empty article: no text left after cleaning (removed: {removed})",
                         "EmptyArticle")
    return article


# Parallel per-article stages: the first IN_PROCESS articles of a run are processed in this process
# (small inputs never start a pool, and the lazily loaded gazetteer and patterns are then inherited
# by forked workers); the rest go to worker processes in batches of BATCH, at most IN_FLIGHT articles
# at a time, and come back in input order.
IN_PROCESS = 16
BATCH = 16
IN_FLIGHT = 512


def default_workers() -> int:
    """Worker processes for the per-article stages: one per CPU."""
    return os.cpu_count() or 1


def _process_batch(items: list[Article | Rejection], profiles: bool = False, shingles: bool = False,
                   ) -> tuple[list, list]:
    """``process`` each item; and for each article, (id, its clustering profile if ``profiles``, its
    ``reuse.sentence_shingles`` if ``shingles``), when either is asked for."""
    done = [process(item) if isinstance(item, Article) else item for item in items]
    if not (profiles or shingles):
        return done, []
    return done, [(x.id, cluster.profile(x) if profiles else None, reuse.sentence_shingles(x) if shingles else None)
                  for x in done if isinstance(x, Article)]


def process_all(
    chunks: Iterable[tuple[str, list[Article | Rejection]]],
    workers: int | None = None,
    timings: dict[str, float] | None = None,
    profiles: dict[str, cluster.Profile] | None = None,
    shingles: dict[str, tuple] | None = None,
) -> Iterator[tuple[str, list[Article | Rejection]]]:
    """``process`` every article of every ``(source, items)`` chunk; yield the chunks in input order.

    With ``workers`` > 1 the articles are processed by that many worker processes; the output is
    the same, item for item, as with ``workers=1`` (everything runs in this process).
    Memory is bounded: at most ``IN_FLIGHT`` articles are handed to workers at any time.
    ``profiles``, if given, gets each article's clustering profile (``cluster.profile``), made where
    the article was processed (in the workers, beside the other per-article stages), by article id;
    ``shingles`` likewise each one's ``reuse.sentence_shingles``.
    """
    workers = default_workers() if workers is None else max(1, workers)
    t = timings if timings is not None else {}
    pool: ProcessPoolExecutor | None = None
    want = (profiles is not None, shingles is not None)
    pending: deque[tuple[str, list[tuple[list, list] | Future], int]] = deque()  # chunk: parts (done or futures), articles sent
    in_flight = 0
    here = 0  # articles processed in this process so far
    it = iter(chunks)

    def add(key: str, start: float) -> None:
        t[key] = t.get(key, 0.0) + time.perf_counter() - start

    def done(part: tuple[list, list] | Future) -> list[Article | Rejection]:
        items, made = part.result() if isinstance(part, Future) else part
        for aid, profile, sh in made:
            if profiles is not None:
                profiles.setdefault(aid, profile)
            if shingles is not None:
                shingles.setdefault(aid, sh)
        return items

    def collect() -> tuple[str, list[Article | Rejection]]:
        nonlocal in_flight
        name, parts, sent = pending.popleft()
        start = time.perf_counter()
        out = [x for part in parts for x in done(part)]
        add("process_wait", start)
        in_flight -= sent
        t["items"] = t.get("items", 0) + len(out)
        return name, out

    try:
        while True:
            start = time.perf_counter()
            try:
                name, items = next(it)
            except StopIteration:
                break
            finally:
                add("read", start)
            local = len(items) if workers == 1 else max(0, IN_PROCESS - here)
            start = time.perf_counter()
            parts: list[tuple[list, list] | Future] = [_process_batch(items[:local], *want)]
            add("process_here", start)
            here += min(local, len(items))
            sent = max(0, len(items) - local)
            if not sent and not pending:  # all done here: yield it now
                t["items"] = t.get("items", 0) + len(items)
                yield name, done(parts[0])
                continue
            if sent:
                if pool is None:
                    pool = ProcessPoolExecutor(workers)
                parts += [pool.submit(_process_batch, items[i:i + BATCH], *want) for i in range(local, len(items), BATCH)]
                in_flight += sent
            pending.append((name, parts, sent))
            while pending and (in_flight > IN_FLIGHT or all(
                    not isinstance(part, Future) or part.done() for part in pending[0][1])):
                yield collect()
        while pending:
            yield collect()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike],
    *,
    encoding: str | None = None,
    limits: ingest.Limits = ingest.Limits(),
    progress: Callable[[str], None] | None = None,
    place: bool = True,
    workers: int | None = None,
    timings: dict[str, float] | None = None,
    profiles: dict[str, cluster.Profile] | None = None,
    shingles: dict[str, tuple] | None = None,
) -> IngestReport:
    """Read, clean and store every input; one transaction per input file (or JSONL chunk).

    With ``place`` (the default) each new article is then placed in an event, streaming mode:
    it joins the stored event it fits or opens a new one (see ``cluster``).
    ``workers`` processes run the per-article stages (default: one per CPU; 1: all in this
    process); the result does not depend on it.  ``timings``, if given, accumulates seconds
    spent per step (read, process_here, process_wait, store, place) and ``items`` processed.
    ``profiles``, if given, gets each new article's clustering profile by id, made in the workers
    (for ``group``: batch mode then skips making them one after the other); ``shingles`` likewise
    each one's ``reuse.sentence_shingles`` (for ``find_reuse``).
    """
    t = timings if timings is not None else {}
    report = IngestReport()
    seen: set[str] = set()
    index = _open_index(store) if place else None
    own = index is not None and profiles is None
    if own:
        profiles = {}  # streaming: placing needs each new article's profile; the workers make them
    last_source = None
    chunks = ingest.read_inputs(paths, encoding=encoding, limits=limits)
    for source_name, processed in process_all(chunks, workers, t, profiles, shingles):
        if source_name != last_source:
            report.sources += 1
            last_source = source_name
            if progress:
                progress(source_name)
        start = time.perf_counter()
        for key, value in store.add(processed).items():
            report.counts[key] += value
        t["store"] = t.get("store", 0.0) + time.perf_counter() - start
        for item in processed:
            if isinstance(item, Rejection):
                report.rejected.append(item)
            elif item.id in seen:
                report.duplicates.setdefault(item.id, []).append(item.input)
            else:
                seen.add(item.id)
                report.article_ids.append(item.id)
        if index is not None:
            start = time.perf_counter()
            placed = [item for item in processed if isinstance(item, Article) and item.id not in index.of]
            for item in placed:
                p = profiles.get(item.id) or cluster.profile(item)
                opened = index.add(p) == cluster.event_id(item.id)  # it opened its event
                report.placed += 1
                report.opened += opened
            if placed:
                store.put_events(index, [a.id for a in placed])
                index.forget(a.id for a in placed)
            if own:
                profiles.clear()  # this chunk's are placed: hold none across chunks
            t["place"] = t.get("place", 0.0) + time.perf_counter() - start
    return report


def _open_index(store: Store) -> cluster.Index:
    """The store's streaming index, after placing articles an interrupted or older run left unplaced."""
    index = store.load_index()
    missing = store.unplaced()
    for i in range(0, len(missing), 1000):
        batch = store.articles(missing[i:i + 1000])
        for article in sorted(batch, key=lambda a: cluster.profile_order(a)):
            index.add(cluster.profile(article))
        store.put_events(index, [a.id for a in batch])
        index.forget(a.id for a in batch)
    return index


def group(store: Store, articles: list[Article], profiles: dict[str, cluster.Profile] | None = None) -> list[Event]:
    """Batch mode: group ``articles`` into events, store where each went, and return the events.

    ``profiles``: article id -> ``cluster.profile`` of it, where already made (``ingest_paths``).
    """
    made = profiles or {}
    index = cluster.batch(made.get(a.id) or cluster.profile(a) for a in articles)
    store.put_events(index, [a.id for a in articles], replace=True)
    return cluster.to_events(index, articles)


def stored_events(store: Store, articles: list[Article] | None = None) -> list[Event]:
    """The events in the store (or those holding ``articles``), as placed by earlier runs."""
    groups = store.events()
    if articles is not None:
        wanted = {a.id for a in articles}
        groups = {e: ids for e, ids in groups.items() if wanted & set(ids)}
    members = {a.id: a for a in (articles if articles is not None else store.articles(
        [i for ids in groups.values() for i in ids]))}
    return cluster.events_from(groups, members)


def analyze(
    paths: Iterable[str | os.PathLike],
    *,
    db: str | Path = ":memory:",
    encoding: str | None = None,
    limits: ingest.Limits = ingest.Limits(),
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> Dossier:
    """Ingest ``paths`` and run every stage that exists; return the dossier of those inputs.

    The inputs' articles are grouped into events in batch mode (re-grouping any of them that
    an earlier ``ingest`` placed).  ``workers``: processes for the per-article stages (default:
    one per CPU; the dossier is the same for any number).

    >>> dossier = analyze(["articles/"])            # doctest: +SKIP
    >>> [a.outlet for a in dossier.articles]        # doctest: +SKIP
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    with Store(db) as store:
        profiles: dict[str, cluster.Profile] = {}  # made in the workers, beside the per-article stages
        shingles: dict[str, tuple] = {}
        report = ingest_paths(store, paths, encoding=encoding, limits=limits, progress=progress, place=False,
                              workers=workers, profiles=profiles, shingles=shingles)
        articles = store.articles(report.article_ids)
        pairs, events = copies_and_events(store, articles, workers, profiles=profiles, shingles=shingles)
        del profiles, shingles
    dossier_events(events, articles, pairs, default_workers() if workers is None else max(1, workers))
    for article in articles:
        if article.id in report.duplicates:
            article.extra = {**article.extra, "duplicate_inputs": report.duplicates[article.id]}
    return Dossier(articles=articles, events=events, rejected=report.rejected, reuse=pairs,
                   origins=reuse.origins(articles, pairs))


# From this many events, ``dossier_events`` with more than one worker shares them with a forked child.
SHARE_MIN_EVENTS = 200


def dossier_events(events: list[Event], articles: list[Article], pairs: list, workers: int = 1) -> list[Event]:
    """Reconcile each event's claims and write its brief (the last two stages before rendering).

    Each event is done on its own, so with ``workers`` > 1 (and ``fork``, and at least
    ``SHARE_MIN_EVENTS`` events) a forked child does about half of them (by member articles) while
    this process does the rest; the events are the same as done here one after the other.
    """
    event_of = {a: e.id for e in events for a in e.articles}
    members: dict[str, list[Article]] = {e.id: [] for e in events}
    shared: dict[str, list] = {e.id: [] for e in events}
    for a in articles:
        if a.id in event_of:
            members[event_of[a.id]].append(a)
    for r in pairs:
        if r.a in event_of and event_of[r.a] == event_of.get(r.b):
            shared[event_of[r.a]].append(r)
    here, there = list(events), []
    if workers > 1 and len(events) >= SHARE_MIN_EVENTS:
        here, there = [], []
        load = [0, 0]  # member articles on each side; the largest events first, each to the lighter side
        for event in sorted(events, key=lambda e: -len(members[e.id])):
            side = 0 if load[0] <= load[1] else 1
            (here, there)[side].append(event)
            load[side] += len(members[event.id]) + 1
    child = _fork(_reconcile_events, there, members, shared) if there else None
    if child is None:
        here, there = here + there, []
    _reconcile_events(here, members, shared)
    if child is not None:
        got = _join(child)
        if got is None:  # the child died or failed: do its share here
            _reconcile_events(there, members, shared)
        else:
            for event, done in zip(there, got[0]):
                for name, value in done.items():
                    setattr(event, name, value)
    return events


def _reconcile_events(events: list[Event], members: dict[str, list[Article]], shared: dict[str, list]) -> list[dict]:
    """Reconcile and brief ``events`` in place; their fields (for a forked child to send back)."""
    for event in events:
        reconcile.reconcile(event, members[event.id], shared[event.id])
        brief.brief(event, members[event.id], shared[event.id])
    return [{f.name: getattr(event, f.name) for f in fields(event)} for event in events]


def stored_dossier(store: Store, event_ids: Iterable[str] | None = None) -> Dossier:
    """Reconciled, briefed events from the store (all, or ``event_ids``), with their articles.

    Copies are those stored by ``analyze`` or ``copies``; an event whose articles have none
    stored (placed by streaming ``ingest``) is checked for copies among its own articles.
    """
    groups = store.events()
    if event_ids is not None:
        wanted = list(dict.fromkeys(event_ids))
        missing = [e for e in wanted if e not in groups]
        if missing:
            raise errors.CorroborateError(f"no event {missing[0]!r} in the store; list them with `corroborate events`")
        groups = {e: groups[e] for e in wanted}
    ids = [i for members in groups.values() for i in members]
    articles = store.articles(ids)
    events = cluster.events_from(groups, {a.id: a for a in articles})
    pairs = store.reuses(ids)
    stored = {x for r in pairs for x in (r.a, r.b)}
    by_id = {a.id: a for a in articles}
    for e in events:
        if len(e.articles) > 1 and not stored & set(e.articles):
            pairs += reuse.find_reuse([by_id[i] for i in e.articles if i in by_id])
    dossier_events(events, articles, pairs)
    articles.sort(key=lambda a: (a.published or "9999", a.id))
    return Dossier(articles=articles, events=events, reuse=pairs, origins=reuse.origins(articles, pairs))


# Below this many articles reuse detection runs in this process: forking costs more than it saves.
OVERLAP_MIN_ARTICLES = 200


def copies_and_events(
    store: Store, articles: list[Article], workers: int | None = None, timings: dict[str, float] | None = None,
    profiles: dict[str, cluster.Profile] | None = None, shingles: dict[str, tuple] | None = None,
) -> tuple[list[reuse.Reuse], list[Event]]:
    """``find_copies`` and ``group`` over ``articles``: the reuse pairs and the events, both stored.

    The two do not depend on each other, so with more than one worker (and ``fork``, and at least
    ``OVERLAP_MIN_ARTICLES`` articles) reuse detection runs in a forked child process while this
    one groups: on two cores the slower of the two sets the time, not their sum.  The result is the
    same as running them one after the other; if the child fails, reuse detection runs here.
    ``timings``, if given, gets each one's own seconds (``reuse``, ``cluster``) and their wall
    time together (``reuse+cluster``).  ``profiles``: clustering profiles already made (see ``group``);
    ``shingles``: ``reuse.sentence_shingles`` already made, by article id.
    """
    t = timings if timings is not None else {}
    start = time.perf_counter()
    workers = default_workers() if workers is None else max(1, workers)
    child = None
    if workers > 1 and len(articles) >= OVERLAP_MIN_ARTICLES:
        child = _fork(reuse.find_reuse, articles, shingles)
    if child is None:
        mark = time.perf_counter()
        pairs = reuse.find_reuse(articles, shingles)
        t["reuse"] = time.perf_counter() - mark
    mark = time.perf_counter()
    events = group(store, articles, profiles)
    t["cluster"] = time.perf_counter() - mark
    if child is not None:
        got = _join(child)
        if got is None:  # the child died or failed: do it here
            mark = time.perf_counter()
            pairs = reuse.find_reuse(articles, shingles)
            t["reuse"] = time.perf_counter() - mark
        else:
            pairs, t["reuse"] = got
    store.put_reuse(pairs, [a.id for a in articles])
    t["reuse+cluster"] = time.perf_counter() - start
    return pairs, events


def _fork(fn: Callable, *args: object):
    """Start ``fn(*args)`` in a forked child (the arguments are inherited, not copied through a
    pipe); ``None`` where fork is not available."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(send, fn, args), daemon=True)
    proc.start()
    send.close()
    return proc, receive


def _child_main(send, fn: Callable, args: tuple) -> None:
    start = time.perf_counter()
    try:
        result = fn(*args)
    except BaseException:
        send.send(None)
        raise
    send.send((result, time.perf_counter() - start))
    send.close()


def _join(child) -> tuple | None:
    """The forked child's (result, seconds), or None if it failed or died."""
    proc, receive = child
    try:
        got = receive.recv()
    except (EOFError, OSError):
        got = None
    finally:
        receive.close()
        proc.join()
    return got


def find_copies(store: Store, articles: list[Article] | None = None) -> list[reuse.Reuse]:
    """Run reuse detection over ``articles`` (default: the whole store) and store the pairs."""
    if articles is None:
        articles = list(store.iter_articles())
    pairs = reuse.find_reuse(articles)
    store.put_reuse(pairs, [a.id for a in articles])
    return pairs
