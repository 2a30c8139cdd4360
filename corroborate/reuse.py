"""Reuse: which articles copy text from which, who copied whom, and how many independent origins remain.

reads: Article.sentences, published, wire, outlet; fills: Reuse records and origin groups.

Method.  Every sentence of six words or more becomes a set of word 3-gram
shingles over a normalised form (case, quote marks, punctuation, month
abbreviations such as "Sept." folded away), so light edits still match.
MinHash signatures (60 permutations, vectorised with numpy) are banded
(30 bands × 2 rows, i.e. candidates from a Jaccard of about 0.2) so the
cost grows with the number of sentences, not the number of article pairs.
Candidates are then checked exactly: a reused sentence pair has a shingle
Jaccard ≥ 0.5, a containment ≥ 0.8 (a cut or extended sentence), or, for
sentences of ten words or more, a word-sequence similarity ≥ 0.75 (a
sentence with a few words swapped).

Shared quotations are not copying: when two sentences match only inside
their quotation marks (the same tweet or spokesman quoted by two outlets)
the pair is recorded as a shared quote and does not count as reuse; when the
framing around the quote matches too ("…," the governor said on the radio late on
Tuesday), it is reuse.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from difflib import SequenceMatcher
from typing import Any, Iterable, Iterator

import numpy as np

from .model import Article

MIN_TOKENS = 6        # shorter sentences ("Police said.") are too common to prove copying
SHINGLE = 3           # words per shingle
BANDS, ROWS = 30, 2   # 60 permutations; candidates from a Jaccard of ≈ (1/30)^(1/2) ≈ 0.18
MATCH_JACCARD = 0.5   # exact check of a candidate pair of sentences ...
MATCH_CONTAINMENT = 0.8
# ... or, for sentences of 10+ words, a word-sequence similarity (difflib ratio).  On the seeds, lightly
# rewritten wire sentences ("Sept. 30" → "30 September", "al Qaeda" → "al-Qaida") score 0.72-0.85 and
# stock phrases shared by unrelated GVA reports ("Anyone with information is asked to call ...") ≤ 0.70.
MATCH_RATIO = 0.75
MIN_RATIO_TOKENS = 10
PREFILTER_JACCARD = 0.2
MIN_SHARED_FRAME = 3  # shared shingles outside quotation marks needed to call a quoted sentence reuse
MAX_BUCKET_ARTICLES = 200  # a sentence in more articles than this is a stock phrase, not a copy
# A sentence found in 3+ articles published more than STOCK_SPAN_DAYS apart is site furniture or a
# stock phrase ("There was a problem saving your notification."): wire copy spreads within days.
STOCK_SPAN_DAYS = 31
COPY_SHARE = 0.2      # an article whose reused sentences make up this share of its text is a copy


@dataclass(slots=True)
class Reuse:
    """Text shared by two articles: which sentences, how much of each, and who copied whom."""

    a: str
    b: str
    share_a: float                      # share of a's text (characters of sentences) reused with b
    share_b: float
    passages: list[tuple[int, int]] = field(default_factory=list)  # (sentence in a, sentence in b)
    quotes: list[tuple[int, int]] = field(default_factory=list)    # shared quotations only: not reuse
    origin: str = "unknown"             # article id, "wire:NAME", or "unknown"
    because: str = ""                   # the rule that settled the direction


# --- Normalisation and shingles ---------------------------------------------------

_MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.U)
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{3,})[\"“”«»„]")


def tokens(text: str) -> list[tuple[str, bool]]:
    """Normalised word tokens, each with whether it lies inside quotation marks."""
    spans = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]  # usually none
    months = _MONTHS
    if not spans:
        # lower-cased word by word (as below): str.lower() of the whole text could change its length
        get = months.get
        return [(get(w, w), False) for w in (w.lower() for w in _TOKEN.findall(text))
                ] if "’" not in text else [(get(w, w), False) for w in (
                    w.lower().replace("’", "'") for w in _TOKEN.findall(text))]
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0).lower().replace("’", "'")
        word = months.get(word, word)
        out.append((word, any(start <= m.start() < end for start, end in spans)))
    return out


def shingles(toks: list[tuple[str, bool]]) -> tuple[set[str], set[str]]:
    """All shingles, and those with no word inside a quotation (the sentence's own framing; the
    same set object when no word is quoted)."""
    words = [w for w, _ in toks]
    quoted = [q for _, q in toks]
    all_ = {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:])}  # SHINGLE = 3 words
    if not any(quoted):
        return all_, all_
    frame = set()
    for i in range(len(words) - SHINGLE + 1):
        if not any(quoted[i : i + SHINGLE]):
            frame.add(" ".join(words[i : i + SHINGLE]))
    return all_, frame


# --- MinHash LSH (numpy) -------------------------------------------------------------

_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20191101)  # fixed seed: same signatures on every run and machine
_A = _rng.integers(1, (1 << 31) - 1, size=BANDS * ROWS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=BANDS * ROWS, dtype=np.uint64)


def _stable_hash(s: str) -> int:
    """A 32-bit hash that, unlike ``hash()``, is the same in every process."""
    return zlib.crc32(s.encode("utf-8"))


def shingle_hashes(shingle_set: set[str]) -> np.ndarray:
    """Sorted unique 32-bit hashes of a set of shingles (a compact, comparable form of the set)."""
    crc32 = zlib.crc32  # = _stable_hash, inlined: this runs for every shingle of every sentence
    return np.unique(np.array([crc32(x.encode("utf-8")) for x in shingle_set], dtype=np.uint32))


def signatures(hash_sets: list[np.ndarray]) -> np.ndarray:
    """MinHash signatures, one row per set: min over shingles of (a·h + b) mod p per permutation."""
    sig = np.empty((len(hash_sets), BANDS * ROWS), dtype=np.uint64)
    step = 50_000  # shingles per block, bounding memory to step × permutations × 8 bytes
    row = 0
    while row < len(hash_sets):
        end_row, total = row, 0
        while end_row < len(hash_sets) and (total + len(hash_sets[end_row]) <= step or end_row == row):
            total += len(hash_sets[end_row])
            end_row += 1
        block = np.concatenate(hash_sets[row:end_row]).astype(np.uint64)
        offsets = np.concatenate(([0], np.cumsum([len(h) for h in hash_sets[row:end_row - 1]], dtype=np.int64)))
        perm = (block[:, None] * _A[None, :] + _B[None, :]) % _PRIME
        sig[row:end_row] = np.minimum.reduceat(perm, offsets, axis=0)
        row = end_row
    return sig


def candidate_pairs(sig: np.ndarray, owner: np.ndarray, day: np.ndarray | None = None) -> set[tuple[int, int]]:
    """Pairs of rows (i < j) from different owners that share a band.

    Crowded buckets, and buckets whose owners' publication days (``day``, NaN
    when unknown) span more than ``STOCK_SPAN_DAYS``, are stock phrases and skipped.
    """
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        cols = sig[:, band * ROWS : (band + 1) * ROWS]
        order = np.lexsort(cols.T[::-1])  # rows sorted by their band (first column first); ties by row
        sorted_cols = cols[order]
        breaks = np.flatnonzero((sorted_cols[1:] != sorted_cols[:-1]).any(axis=1)) + 1
        starts = np.concatenate(([0], breaks))
        ends = np.concatenate((breaks, [len(order)]))
        size = ends - starts
        # buckets of two rows (most of them): a pair when the rows' articles differ, all at once
        two = starts[size == 2]
        x, y = order[two], order[two + 1]
        keep = owner[x] != owner[y]
        pairs.update(zip(np.minimum(x, y)[keep].tolist(), np.maximum(x, y)[keep].tolist()))
        shared = np.flatnonzero(size > 2)  # buckets of one row pair with nothing: skip them
        for start, end in zip(starts[shared].tolist(), ends[shared].tolist()):
            group = order[start:end]
            owners = set(owner[group].tolist())
            if len(owners) > MAX_BUCKET_ARTICLES:
                continue
            if day is not None and len(owners) >= 3:
                days = day[group]
                days = days[~np.isnan(days)]
                if days.size and days.max() - days.min() > STOCK_SPAN_DAYS:
                    continue
            g = sorted(group.tolist())
            for x in range(len(g)):
                for y in range(x + 1, len(g)):
                    if owner[g[x]] != owner[g[y]]:
                        pairs.add((g[x], g[y]))
    return pairs


# --- Finding reuse ------------------------------------------------------------------


@dataclass(slots=True)
class _Sent:
    article: int
    index: int
    all: np.ndarray    # sorted shingle hashes
    frame: np.ndarray  # those outside quotation marks
    quoted: bool


def sentence_shingles(article: Article) -> tuple[list[int], list[bool], list[bool], list[int], np.ndarray]:
    """What reuse detection needs of one article, made from it alone (so a worker process can make it).

    For each sentence of at least ``MIN_TOKENS`` words: its index, whether any word is quoted, and its
    sorted shingle hashes and those outside quotation marks (often the same).  Packed as
    ``(indexes, quoted, frame_is_all, lengths, hashes)``, every array end to end in one (one object
    to send between processes, not two per sentence); ``_unpack`` gives the rows back.
    """
    indexes, quoted, same, parts = [], [], [], []
    for s in article.sentences:
        toks = tokens(s.text)
        if len(toks) < MIN_TOKENS:
            continue
        all_, frame = shingles(toks)
        all_hashes = shingle_hashes(all_)
        indexes.append(s.index)
        quoted.append(any(q for _, q in toks))
        same.append(len(frame) == len(all_))  # frame ⊆ all: the same set
        parts.append(all_hashes)
        if not same[-1]:
            parts.append(shingle_hashes(frame))
    hashes = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint32)
    return indexes, quoted, same, [len(p) for p in parts], hashes


def _unpack(packed: tuple) -> Iterator[tuple[int, np.ndarray, np.ndarray, bool]]:
    """``sentence_shingles``' rows: (index, shingle hashes, those outside quotations, quoted?)."""
    indexes, quoted, same, lengths, hashes = packed
    at = k = 0
    for index, q, s in zip(indexes, quoted, same):
        all_hashes = hashes[at:at + lengths[k]]
        at += lengths[k]
        k += 1
        frame_hashes = all_hashes
        if not s:
            frame_hashes = hashes[at:at + lengths[k]]
            at += lengths[k]
            k += 1
        yield index, all_hashes, frame_hashes, q


def find_reuse(articles: list[Article], prepared: dict[str, tuple] | None = None) -> list[Reuse]:
    """Every pair of articles that shares text, with passages, shares and direction; sorted, deterministic.

    ``prepared``: article id -> ``sentence_shingles(article)``, for the articles it was already made for.
    """
    sents: list[_Sent] = []
    made = prepared or {}
    for ai, art in enumerate(articles):
        packed = made.get(art.id)
        for index, all_hashes, frame_hashes, quoted in _unpack(sentence_shingles(art) if packed is None else packed):
            sents.append(_Sent(ai, index, all_hashes, frame_hashes, quoted))
    if not sents:
        return []
    sig = signatures([s.all for s in sents])
    owner = np.array([s.article for s in sents], dtype=np.int64)
    art_day = np.array([_day(a.published) for a in articles], dtype=float)
    matched: dict[tuple[int, int], dict[str, set[tuple[int, int]]]] = defaultdict(lambda: {"reuse": set(), "quote": set()})
    for i, j in candidate_pairs(sig, owner, art_day[owner]):
        kind = _match(sents[i], sents[j], articles)
        if kind is None:
            continue
        x, y = sents[i], sents[j]
        if articles[x.article].id > articles[y.article].id:  # orient by id: independent of input order
            x, y = y, x
        matched[(x.article, y.article)][kind].add((x.index, y.index))
    out = []
    for (ai, bi), kinds in matched.items():
        a, b = articles[ai], articles[bi]
        passages = sorted(kinds["reuse"])
        r = Reuse(a.id, b.id, _share(a, {p[0] for p in passages}), _share(b, {p[1] for p in passages}),
                  passages, sorted(kinds["quote"]))
        if passages:
            r.origin, r.because = direction(a, b)
        else:
            r.origin, r.because = "unknown", "shared quotations only: not reuse"
        out.append(r)
    return sorted(out, key=lambda r: (r.a, r.b))


def _match(x: _Sent, y: _Sent, articles: list[Article]) -> str | None:
    inter = len(np.intersect1d(x.all, y.all, assume_unique=True))
    jaccard = inter / (len(x.all) + len(y.all) - inter)
    if jaccard < PREFILTER_JACCARD:
        return None
    small = min(len(x.all), len(y.all))
    if jaccard < MATCH_JACCARD and (small < 4 or inter / small < MATCH_CONTAINMENT) and not _similar_words(
        articles[x.article].sentences[x.index].text, articles[y.article].sentences[y.index].text
    ):
        return None
    if not (x.quoted and y.quoted):
        return "reuse"
    shared_frame = len(np.intersect1d(x.frame, y.frame, assume_unique=True))
    return "reuse" if shared_frame >= MIN_SHARED_FRAME else "quote"


def _similar_words(a: str, b: str) -> bool:
    wa, wb = [w for w, _ in tokens(a)], [w for w, _ in tokens(b)]
    if min(len(wa), len(wb)) < MIN_RATIO_TOKENS:
        return False
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= MATCH_RATIO


def _share(article: Article, indexes: set[int]) -> float:
    total = sum(s.end - s.start for s in article.sentences)
    used = sum(s.end - s.start for s in article.sentences if s.index in indexes)
    return round(used / total, 3) if total else 0.0


# --- Direction and wire origin --------------------------------------------------------

_WIRE_MENTION = re.compile(
    r"\b(?:told|according to|(?:said|reported) to|quoted by|speaking to|interview with)\s+(?:the\s+)?"
    r"(?P<a>Reuters|AFP|Agence France-Presse|AP|Associated Press)\b"
    r"|\b(?P<b>Reuters|AFP|Agence France-Presse|AP|Associated Press)(?: news agency)? (?:reported|said|learned|quoted)\b"
)
_WIRE_NAMES = {"Reuters": "Reuters", "AFP": "AFP", "Agence France-Presse": "AFP", "AP": "AP",
               "Associated Press": "AP"}


def wire_mentions(article: Article) -> list[str]:
    """Wires the text names as the source of its reporting ("told Reuters", "AFP reported"), in order."""
    found = []
    for m in _WIRE_MENTION.finditer(article.text):
        name = _WIRE_NAMES[m.group("a") or m.group("b")]
        if name not in found:
            found.append(name)
    return found


def direction(a: Article, b: Article) -> tuple[str, str]:
    """Which of two articles sharing text is the origin: the credited wire first, then the earlier one."""
    if a.wire and a.wire == b.wire:
        for x in (a, b):
            if x.outlet == x.wire:
                return x.id, f"{x.id} is {x.wire}'s own article"
        return f"wire:{a.wire}", f"both carry {a.wire} copy"
    for x, y in ((a, b), (b, a)):
        if x.wire and not y.wire:
            return x.id, f"{x.id} is credited to {x.wire}"
    for x, y in ((a, b), (b, a)):
        mentions = wire_mentions(y)
        if x.outlet in mentions and not wire_mentions(x):
            return x.id, f"{y.id} credits {x.outlet}"
    if a.published and b.published and a.published[:16] != b.published[:16]:
        first, second = (a, b) if _when(a.published) < _when(b.published) else (b, a)
        return first.id, f"{first.id} was published first"
    return "unknown", "no wire credit and no publication order"


def _day(stamp: str | None) -> float:
    """Days since 1970 of an ISO date or date-time; NaN when unknown."""
    try:
        return float(date.fromisoformat(stamp[:10]).toordinal() - 719163) if stamp else float("nan")
    except ValueError:
        return float("nan")


def _when(stamp: str) -> str:
    """A sortable UTC form of an ISO date or date-time."""
    try:
        dt = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat()


# --- Independence -------------------------------------------------------------------


def origins(articles: Iterable[Article], reuses: Iterable[Reuse]) -> dict[str, str]:
    """Article id → origin label; copies of one another, or of one wire, share a label.

    Two articles join when one reuses at least ``COPY_SHARE`` of its text from
    the other, or when both carry the same wire's copy.  The label is the wire
    (``wire:Reuters``) when the group has one, else the group's earliest article.
    """
    arts = {a.id: a for a in articles}
    parent = {i: i for i in arts}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for r in reuses:
        if r.a in arts and r.b in arts and r.passages and max(r.share_a, r.share_b) >= COPY_SHARE:
            union(r.a, r.b)
    by_wire: dict[str, str] = {}
    for a in arts.values():
        if a.wire:
            if a.wire in by_wire:
                union(a.id, by_wire[a.wire])
            by_wire.setdefault(a.wire, a.id)
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in arts.values():
        groups[find(a.id)].append(a)
    label = {}
    for members in groups.values():
        wires = sorted({m.wire for m in members if m.wire})
        name = f"wire:{wires[0]}" if len(wires) == 1 else min(members, key=lambda m: (_when(m.published or "9"), m.id)).id
        for m in members:
            label[m.id] = name
    return label


def independent_sources(articles: Iterable[Article], reuses: Iterable[Reuse]) -> int:
    """How many independent origins a set of articles has once copies are collapsed."""
    return len(set(origins(articles, reuses).values()))


def claim_origin(article: Article, sentence: int, reuses: Iterable[Reuse], labels: dict[str, str]) -> str:
    """The origin of what one sentence says: its copy group if the sentence is reused, else the article itself.

    An article that copies a wire story but adds its own quotes or facts is
    independent for those sentences only.
    """
    for r in reuses:
        if (r.a == article.id and any(p[0] == sentence for p in r.passages)) or (
            r.b == article.id and any(p[1] == sentence for p in r.passages)
        ):
            return labels.get(article.id, article.id)
    return article.id


def copy_rows(pairs: Iterable[Reuse]) -> list[dict[str, Any]]:
    """The contract's ``copies``: one row per copying article, with the share of it that is reused.

    When neither side settles who copied whom, ``direction`` is "unknown" and
    the pair is listed once, from ``a`` to ``b``.
    """
    out = []
    for r in pairs:
        if not r.passages:
            continue
        if r.origin == r.a:
            rows = [(r.b, r.a, r.share_b, [(j, i) for i, j in r.passages])]
        elif r.origin == r.b:
            rows = [(r.a, r.b, r.share_a, r.passages)]
        else:  # a common wire origin, or unknown direction
            rows = [(r.a, r.b, r.share_a, r.passages), (r.b, r.a, r.share_b, [(j, i) for i, j in r.passages])]
            if r.origin == "unknown":
                rows = rows[:1]
        for article, other, share, passages in rows:
            out.append({
                "article": article,
                "copied_from": r.origin if r.origin.startswith("wire:") else other,
                "share": share,
                "direction": "unknown" if r.origin == "unknown" else "known",
                "shares_text_with": other,
                "passages": [{"sentence": i, "source_sentence": j} for i, j in passages],
                "because": r.because,
            })
    return out
