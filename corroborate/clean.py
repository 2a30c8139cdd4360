"""Clean: strip page boilerplate, normalise text, split sentences, detect the language.

reads: Article.raw_text, title; fills: Article.text, sentences, removed, language.

Every removal is recorded (``Article.removed``: the text and the rule) so an
analyst can see what cleaning took out.  Rules are about kinds of page
furniture seen across outlets (advert markers, view counters, newsletter
forms, share buttons, photo credits and their captions, "read more" links,
sidebar headlines), never one outlet's exact string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

from .model import Article, Removal, Sentence

# --- Normalisation ------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=1024)
def lower(text: str) -> str:
    """ASCII lower case that keeps every offset (``str.lower`` can change a string's length).

    Case-sensitive patterns over this text are several times faster than ``re.IGNORECASE`` ones.
    """
    return text.translate(_ASCII_LOWER)


def top_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's outermost ``|`` (none inside brackets or parentheses)."""
    parts, depth, at, escaped, in_class = [], 0, 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[at:i])
            at = i + 1
    return parts + [pattern[at:]]


def alternation(words, ends: dict[str, str] | None = None) -> str:
    """A pattern matching any of ``words`` (a space in one matches any run of spaces), written as a tree of
    shared beginnings: "police officer|police|policeman" as "police(?:\\s+officer|man)?".

    The same match as the plain alternation longest first, found faster: a plain alternation tries each
    word in turn at every position, the tree only the few that begin with the letter there.  Two words can
    match at one place only if one begins the other, and the tree tries the longer first, as the longest-first
    list does, so the match and its backtracking order are the same.  ``ends`` adds a pattern after a word
    ("shot" but not "shot at")."""
    ends = ends or {}
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = ends.get(word, "")

    def write(node: dict) -> str:
        branches = [unit + write(child) for unit, child in node.items() if unit]
        if "" not in node:
            return branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
        if not branches:
            return node[""]
        if node[""]:
            return "(?:%s)" % "|".join(branches + [node[""]])
        return "(?:%s)?" % "|".join(branches)

    return "(?:%s)" % write(tree)


class Cue:
    """Whether a pattern of many plain lower-case words (a cue: "kill|dead|shootings?\\s+of") is in a text,
    the same test as ``pattern.search(text)``, faster: each plain word is looked for with ``in`` (a search
    tries every word at every position), then one search for the alternatives that are not plain words."""

    __slots__ = ("words", "rest")

    def __init__(self, pattern: re.Pattern):
        assert not pattern.flags & re.IGNORECASE
        alternatives = top_alternatives(pattern.pattern)
        self.words = tuple(a for a in alternatives if re.fullmatch(r"[a-z]+", a))
        rest = [a for a in alternatives if a not in self.words]
        self.rest = re.compile("|".join(rest)) if rest else None

    def __call__(self, text: str) -> bool:
        for word in self.words:
            if word in text:
                return True
        return self.rest is not None and self.rest.search(text) is not None


def normalise(text: str) -> str:
    """NFC, one kind of space, no invisible or control characters, ``\\n`` line ends.

    Quotes, dashes and ellipses are kept as written: quotes in a dossier must
    match the article character for character.
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# --- Boilerplate rules --------------------------------------------------------
# Each rule is (name, test on one stripped line).  Tests see the line and its
# word count; they must be specific enough never to fire on a news sentence.

_QUOTE_OR_SAID = re.compile(r"[\"“”]|\b(said|says|told|according)\b", re.I)


def _full(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(rf"^(?:{pattern})[\s.:!]*$", re.I)
    return lambda line: bool(compiled.match(line))


def _short_with(pattern: str, max_words: int) -> Callable[[str], bool]:
    compiled = re.compile(pattern, re.I)
    return lambda line: (
        len(line.split()) <= max_words and bool(compiled.search(line)) and not _QUOTE_OR_SAID.search(line)
    )


# "(AP Photo/Jane Roe)", "(WISH Photo/Jane Roe)": an agency's or a station's credit, in brackets
_CREDIT = r"\((?:[A-Z][\w.&'’-]*\s+){0,3}Photos?\s*(?:/|:|by\b)[^()]{0,80}\)"
# a paragraph that ends with one is that photo's caption, however long ("Mourners gather ... on Monday,
# Feb. 11, 2013, in Chicago. (AP Photo/Jane Roe)"): its dates and figures are the photo's, often a file photo's
_CAPTION = re.compile(rf"{_CREDIT}(?:\s+Photos?:[^()]{{0,80}})?\s*$")
_PHOTO_CREDIT = re.compile(
    rf"({_CREDIT}|\((?:AP|AFP|Reuters|EPA|Getty)? ?Photo[^)]*\)|\(Representational (?:image|photo)\)|"
    r"\b(?:Wikimedia Commons|Getty Images|Shutterstock|iStock(?:photo)?|Alamy|"
    r"EPA-EFE|AFP via Getty Images|Creative Commons)\b|"
    r"(?:^|\s)(?:REUTERS|AFP|AP|EPA)/[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\s*$|"
    r"^(?:photo|image|picture|photograph|file photo|caption|video)\s*(?:credit)?\s*:)",
)
_TERMINAL = re.compile(r"[.!?\"”’)]$")

RULES: list[tuple[str, Callable[[str], bool]]] = [
    ("advertisement", _full(
        r"advertisement|advertising|advert|ad|sponsored(?: content)?|paid content|"
        r"(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?|"
        r"continue reading(?: (?:below|the main story|after the ad))?|scroll (?:down )?to continue(?: with content)?"
    )),
    ("counter", _full(
        r"(?:post |page )?views?\s*:?\s*[\d,.]+k?|[\d,.]+k? (?:views|shares|comments|reads)|"
        r"(?:share|tweet|email|e-mail|print|comment|comments|pin|whatsapp|telegram)"
        r"(?: (?:this|the) (?:article|story|page))?(?: on \w+)?"
    )),
    ("form", _full(
        r"please leave this field empty|leave this field (?:empty|blank)|(?:enter )?your e-?mail(?: address)?|"
        r"e-?mail address|required fields are marked.*|your e-?mail address will not be published.*|"
        r"leave a (?:comment|reply)|(?:submit|send)|thank you for (?:subscribing|signing up).*|"
        r"check your inbox.*|invalid e-?mail.*|we respect your privacy.*"
    )),
    ("newsletter", _short_with(r"\b(?:newsletters?|subscribe|subscription|sign ?up|inbox|unsubscribe)\b", 20)),
    ("promotion", _short_with(
        r"\b(?:follow us|like us on|join us (?:here )?on|download (?:our|the) app|get the app|mobile app|"
        r"watch free|click here|tap here|listen to (?:the|our) podcast|share (?:this|your) (?:story|news)|"
        r"send us your|got a (?:news )?tip|have a (?:news )?tip)\b", 40)),
    ("read-more", _full(
        r"read more|read more\s*:.*|read also\s*:?.*|also read\s*:?.*|related\s*:.*|related (?:articles?|stories|content|coverage|news)|"
        r"more (?:from|on) [^.]{0,60}|recommended(?: for you)?|see also\s*:?.*|more stories|"
        r"watch\s*:.*|video\s*:.*|listen\s*:.*|trending(?: now)?|most (?:read|popular|viewed)|top stories|"
        r"you (?:may|might) (?:also )?(?:like|be interested in)\s*:?"
    )),
    ("copyright", _short_with(
        r"^(?:copyright|©|\(c\))|all rights reserved|may not be (?:published|reproduced|redistributed)", 60)),
    ("video-caption", _short_with(r"\((?:Published|Updated) [A-Z][a-z]+day, [^)]*\d{4}\)\s*$", 60)),
    ("photo-caption", lambda line: len(line.split()) > 12 and bool(_CAPTION.search(line))),
    ("photo-credit", lambda line: len(line.split()) <= 30 and bool(_PHOTO_CREDIT.search(line))),
    ("account-ui", _short_with(
        r"\b(?:log ?in|sign ?in|signed in|your (?:account|profile|password|subscription)|verification (?:email|message)|"
        r"(?:e-?mail|push|news) notifications?|(?:saving|manage) your notifications?|activate your|owner of this article|registered users?|create an account|"
        r"already a (?:subscriber|member)|set up your account|comment(?:ing)? (?:policy|guidelines))\b", 40)),
    ("cookie-notice", _short_with(r"\b(?:cookies?|privacy policy|terms of (?:use|service))\b.*\b(?:accept|agree|consent|use)\b", 50)),
]


_FIELD_LINE = re.compile(
    r"^(?:location|address|date|time|victims?|suspects?|arrested|charges?|case(?: number)?|incident|"
    r"age|name|where|when)\s*:", re.I)


def _is_sidebar_headline(line: str) -> bool:
    """A title-case line with no sentence punctuation between paragraphs: a link to another story.

    e.g. "Instant Olympic Classic: U.S. Beats Russia in Hockey".  At least four
    words, at least 70 % of the longer words capitalised, no verb of saying.
    """
    words = line.split()
    if not 4 <= len(words) <= 16 or _TERMINAL.search(line) or _QUOTE_OR_SAID.search(line):
        return False
    if line.endswith((":", ",")) or line.startswith(("-", "–", "—")) or _FIELD_LINE.match(line):
        return False  # introduces a statement, continues a transcript, or is a fact field
    if line.isupper() and "," in line:
        return False  # an all-caps transcript sentence, not a headline
    content = [w for w in words if len(w.strip("'\":,()-–—")) > 3]
    if len(content) < 3:
        return False
    capitalised = sum(1 for w in content if w.strip("'\"(“‘")[:1].isupper())
    return capitalised / len(content) >= 0.7


def _strip_boilerplate(lines: list[str], title: str) -> tuple[list[str], list[Removal]]:
    kept: list[str] = []
    removed: list[Removal] = []
    title_key = _key(title)
    in_body = False  # has a non-empty line been kept yet?
    for line in lines:
        if not line:
            kept.append(line)
            continue
        # Page furniture is short; a paragraph of over 60 words is news (and skipping it halves the cost).
        rule = None if line.count(" ") >= 60 else next((name for name, test in RULES if test(line)), None)
        if rule is None and title_key and not in_body and _key(line) == title_key:
            rule = "title-repeat"
        if rule is None and in_body and _is_sidebar_headline(line):
            rule = "sidebar-headline"
        if rule is None:
            kept.append(line)
            in_body = True
            continue
        removed.append(Removal(line, rule))
        if rule == "photo-credit":
            _drop_caption(kept, removed)
    return kept, removed


def _drop_caption(kept: list[str], removed: list[Removal]) -> None:
    """The line just above a bare photo credit is that photo's caption.

    Only when the credit stands alone (a short line with no sentence of its
    own, e.g. "Mali Army (Representational image) Wikimedia Commons") and the
    line above reads like a caption: one unpunctuated clause, no URL, no quote.
    """
    credit = removed[-1].text
    if len(credit.split()) > 12 or _SENTENCE_INSIDE.search(credit):
        return
    i = len(kept) - 1
    while i >= 0 and not kept[i]:
        i -= 1
    if i < 0:
        return
    line = kept[i]
    if (
        _TERMINAL.search(line)
        or len(line.split()) > 40
        or _SENTENCE_INSIDE.search(line)
        or _QUOTE_OR_SAID.search(line)
        or re.search(r"https?://|www\.|#{2,}|:\s*$", line)
    ):
        return
    removed.insert(len(removed) - 1, Removal(line, "photo-caption"))
    del kept[i]


_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?] +[A-Z]")


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


# --- Paragraphs and sentences ------------------------------------------------

_BROKEN = re.compile(r"[,;]$|\b(?:and|or|but|the|a|an|of|to|in|at|on|with|for|by|from)$", re.I)


def _paragraphs(lines: list[str]) -> list[str]:
    """Join lines into paragraphs; a line broken mid-sentence ("…and called police,") joins the next."""
    paras: list[str] = []
    for line in lines:
        if not line:
            continue
        if paras and _BROKEN.search(paras[-1]):
            paras[-1] = f"{paras[-1]} {line}"
        else:
            paras.append(line)
    return paras


_MERIDIEM = re.compile(r"\b(?:[ap]\.m\.|[AP]\.M\.|No\.|Nos\.|St\.|Mt\.|Ft\.)\s*$")
_WEEKDAY_START = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|local time|"
    r"(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\s*\d|"  # "at 6 p.m. Feb. 26"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d|"
    r"[A-Z]{2,4}\b(?! [a-z]))"
)


def split_sentences(text: str, language: str | None = "en") -> list[Sentence]:
    """Sentences of each paragraph (one per line of ``text``) with character offsets.

    sentencex does the splitting (measured ~300x faster than pysbd on the GVA
    articles, with the same splits on abbreviations such as "Sept. 30" and
    "U.S."); two repairs follow: a split after "p.m." before a weekday, a date or
    a time zone, and a split before a lower-case word, are joined back.
    """
    import sentencex

    lang = language if language in _SENTENCEX_LANGS else "en"
    spans: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        if para.strip():
            for b in sentencex.get_sentence_boundaries(lang, para):
                start, end = offset + b["start_index"], offset + b["end_index"]
                while end > start and text[end - 1].isspace():
                    end -= 1
                while start < end and text[start].isspace():
                    start += 1
                if end <= start:
                    continue
                if spans and _should_join(text[spans[-1][0] : spans[-1][1]], text[start:end], spans[-1][1], start, text):
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
        offset += len(para) + 1
    return [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]


def _should_join(prev: str, nxt: str, prev_end: int, start: int, text: str) -> bool:
    if "\n" in text[prev_end:start]:
        return False
    if nxt[:1].islower():
        return True
    return bool(_MERIDIEM.search(prev) and _WEEKDAY_START.match(nxt))


# Languages sentencex has rules for beyond its default; others fall back to English rules.
_SENTENCEX_LANGS = {
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar", "zh", "ja", "hi", "tr", "pl", "uk", "fa",
    "sv", "da", "fi", "el", "ca", "cs", "ro", "hu", "bg", "sk", "sl", "hr", "sr", "lt", "lv", "et",
}


# --- Language -----------------------------------------------------------------

MIN_LANGUAGE_CHARS = 40


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None for text too short to tell."""
    sample = text[:1200]  # py3langid is linear in length; 1,200 characters settle a news text's language
    if len(sample.strip()) < MIN_LANGUAGE_CHARS:
        return None
    import py3langid

    _load_language_model()
    lang, _ = py3langid.classify(sample)
    return lang


def _load_language_model() -> None:
    """py3langid's model, from an uncompressed copy in the cache folder (``$CORROBORATE_CACHE`` or
    ``~/.cache/corroborate``) when there is one: the same arrays without decompressing 4.5 MB of
    LZMA on every run (a quarter of a second).  The copy is made on first use; where it cannot be
    written or read, py3langid loads its own file as before."""
    import py3langid.langid as langid

    if langid.IDENTIFIER is not None:
        return
    try:
        import lzma
        import os
        from pathlib import Path

        import numpy as np
        from py3langid.modelio import _to_array

        source = langid.MODEL_DIR / langid.MODEL_FILE
        stat = source.stat()
        root = Path(os.environ.get("CORROBORATE_CACHE") or Path.home() / ".cache" / "corroborate")
        path = root / f"langid-{stat.st_size}-{int(stat.st_mtime)}.npz"
        if not path.exists():
            root.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with lzma.open(source) as src, open(tmp, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            tmp.replace(path)
        with np.load(path, allow_pickle=False) as data:  # as py3langid.modelio.load_model reads it
            langid.IDENTIFIER = langid.LanguageIdentifier(
                np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                _to_array(data["nextmove"]), data["out_feat"].tolist(), tk_row=_to_array(data["nextmove_row"]))
    except Exception:  # any trouble: py3langid loads its own model on first use
        langid.IDENTIFIER = None


# --- The stage ---------------------------------------------------------------


def clean(article: Article) -> Article:
    """Fill text, sentences, removed and language from raw_text (the raw text is kept)."""
    article.title = normalise(article.title).replace("\n", " ").strip()
    lines = normalise(article.raw_text).split("\n")
    kept, removed = _strip_boilerplate(lines, article.title)
    article.text = "\n".join(_paragraphs(kept))
    article.removed = removed
    article.language = detect_language(f"{article.title}\n{article.text}")
    article.sentences = split_sentences(article.text, article.language)
    return article
