"""Numbers as news writes them: digits, number words, and vague amounts with a coded value.

``NUMBER`` is a regular expression (for use inside larger patterns) and
``parse`` turns its match into a ``Number``.  Words become values with
text2num ("Fifty-three" → 53, "two hundred and fifty" → 250).  Vague amounts
are coded by ACLED's convention, and the original wording is always kept so a
reader sees what the report said:

    tens → 10, dozens → 12, scores → 20, hundreds → 100, thousands → 1000
    a dozen → 12, a couple → 2, a/an/one → 1, a handful → 3 (vague)
    both → 2 (callers add it before a plural noun: "both victims")

Amounts with no defensible number ("several", "numerous", "many") are not
numbers here: the figure extractor leaves them out rather than invent one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from .clean import alternation

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SMALL = tuple(_UNITS[1:11])
"""The number words from one to ten."""
_SCALE = ("hundred", "thousand", "million")

# Vague wording → (coded value, canonical wording).  Plural "dozens of" etc.
VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "a dozen": 12, "a handful": 3, "a couple": 2, "a couple of": 2,
}

# (as a tree of shared beginnings, ``clean.alternation``: the same matches as the words longest first, found faster)
_WORD = alternation(_UNITS + _TENS + list(_SCALE))
# "fifty-three", "two hundred and fifty", "one thousand two hundred"
_WORDS = rf"{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*"
_DIGITS = r"(?<![:\d.,$A-Za-z])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d.,:]\d)(?!\s*(?:a\.m|p\.m|am\b|pm\b|o'clock)))"
_VAGUE = r"(?:tens|dozens|scores|hundreds|thousands)(?:\s+of)?|a\s+dozen|a\s+handful(?:\s+of)?|a\s+couple(?:\s+of)?"

# (``(?=\d)``: the checks of the character before a digit are made only where a digit is, not at every word)
NUMBER = rf"(?:{_VAGUE}|(?=\d){_DIGITS}|{_WORDS})"
"""Pattern for one amount; never matches a bare "a"/"one" article (callers add that)."""

NUMBER_RE = re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    """An amount as written: the coded value, the words, and whether it is vague."""

    value: int
    wording: str
    vague: bool = False


def parse(text: str) -> Number | None:
    """The value of one amount matched by ``NUMBER`` (or "a"/"an"/"one", "both"); None if it is not a number."""
    words = " ".join(text.lower().split())
    if words in ("a", "an", "one", "another", "single"):
        return Number(1, text)
    if words == "both":
        return Number(2, text)
    bare = words.removesuffix(" of")
    if bare in VAGUE or words in VAGUE:
        return Number(VAGUE.get(bare, VAGUE.get(words, 0)), text, vague=True)
    if words[0].isdigit():
        try:
            return Number(int(words.replace(",", "")), text)
        except ValueError:
            return None
    try:
        return Number(text2num(words.replace(" and ", " "), "en"), text)
    except ValueError:
        return None
