"""Who said it: the speaker and channel a sentence attributes its content to.

Forms recognised, in this order:

- "according to security sources", "according to a statement by the French presidency";
- the speaker before a reporting verb: "government spokesman Yaya Sangare told Reuters on
  Saturday", "the government said", "Local media reported that", "..., Police Say";
- the verb before the speaker: "..., said police spokesman Jane Roe";
- a speaker giving a figure: "The governor's office gave a lower figure of 13", "officials put
  the death toll at 40".

The channel is kept when given: "on Twitter", "in a statement", "told Reuters",
"via its Amaq news agency".  A pronoun speaker ("he said", "it said in a
statement") is resolved by ``attribute`` to the last named speaker of the same
article.  A sentence with no attribution of its own inherits one only from the
sentence just before it in the same paragraph when that sentence opened with
its speaker ("Local media reported that ... . Only 20 soldiers survived.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import alternation, lower

_VERBS = (r"(?:said|says|say|told|tells|wrote|writes|reported|reports|announced|announces|added|adds|"
          r"stated|states|confirmed|confirms|tweeted|tweets|claimed|claims|posted|noted|explained|"
          r"insisted|acknowledged|disclosed|revealed)")
_CHANNEL = (r"(?P<channel>(?:on|via|in|through|to|during)\s+(?:its\s+|his\s+|her\s+|their\s+|a\s+|an\s+|the\s+)?"
            r"(?:Twitter|X|Facebook|Telegram|social\s+media|(?:written\s+|joint\s+|short\s+)?statement|"
            r"press\s+(?:release|conference|briefing|statement)|news\s+conference|televised\s+address|"
            r"state\s+(?:television|TV|radio|media)|(?:[A-Z][\w-]+\s+){1,3}news\s+agency|"
            r"interview|briefing|video|post)\b(?:\s+(?:with|to)\s+(?:[A-Z][\w&.-]*\s?){1,4})?)")
_TOLD = r"(?P<told>told\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s?){1,4}(?:news\s+agency)?)"
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "the statement", "the spokesman", "the spokeswoman",
             "the official", "the source", "the minister", "the report"}
# Words that end a speaker phrase when walking back from the verb.
_BOUNDARY = re.compile(r"[\"“”‘’,;:()—–]|\b(?:and|but|that|while|as|after|before|when)\s*$", re.IGNORECASE)

_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:an?\s+|the\s+)?(?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+?)"
    r"(?=\s*(?:[,.;]|$|\s+(?:who|which|on|in|at|via|when|after)\b))", re.IGNORECASE)
# "The governor's office gave a lower figure of 13", "officials put the death toll at 40"
_GAVE = (r"(?:gave|gives|give|put|puts|set|sets|estimated|estimates)\s+(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}?"
         r"(?:figure|toll|number|count|estimate|tally)")
_AFTER = re.compile(rf"\b(?:(?P<verb>{_VERBS})\b(?:\s+(?P<lead>that|:))?|(?P<gave>{_GAVE})\b)")  # on lower(sentence)
_INVERTED = re.compile(
    r"[,\"”]\s*(?P<verb>said|says|according\s+to)\s+(?P<who>(?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+?)\s*(?:[,;]|\.?\s*$)",
    re.IGNORECASE)


@dataclass(slots=True)
class Attribution:
    """The speaker of a sentence's content, the channel, and the span of those words."""

    said_by: str
    channel: str | None
    start: int
    end: int
    lead: bool = False  # the speaker opens the sentence ("X reported that ..."): may carry to the next


# (its words as a tree, ``clean.alternation``: the same test, faster than the words tried one by one)
_CUE = re.compile(r"\b%s\b" % alternation(
    _VERBS[3:-1].split("|") + "according gave gives give put puts set sets estimated estimates".split()))


def find(sentence: str) -> Attribution | None:
    """The attribution of one sentence, or None when it states its content unattributed."""
    low = lower(sentence)
    if not _CUE.search(low):
        return None
    m = _ACCORDING.search(sentence) if "according" in low else None
    if m:
        who = _tidy(m["who"])
        if who:
            by = re.match(r"(?:an?|the)\s+((?:\w+\s+)?(?:statement|report|release|post))\s+(?:by|from)\s+(.+)", who,
                          re.IGNORECASE)
            if by:
                return Attribution(by.group(2), f"in a {by.group(1)}", m.start(), m.end())
            return Attribution(who, None, m.start(), m.end())
    for v in _AFTER.finditer(low):
        who, start = _speaker_before(sentence, v.start())
        if not who:
            continue
        rest = sentence[v.end():]
        verb = v["verb"] or v["gave"]
        channel = _channel(verb, rest)
        lead = bool(v["lead"]) or (start == 0 and verb in ("reported", "said", "says"))
        return Attribution(who, channel, start, v.end(), lead=lead and start <= 2)
    m = _INVERTED.search(sentence)
    if m and not m["verb"].lower().startswith("according"):
        who = _tidy(m["who"])
        if who:
            return Attribution(who, None, m.start("verb"), m.end("who"))
    return None


def _speaker_before(sentence: str, verb_at: int) -> tuple[str | None, int]:
    """The noun phrase just before a reporting verb, back to a clause boundary (at most 8 words)."""
    head = sentence[:verb_at].rstrip()
    words = head.split()
    if not words or words[-1][-1] in ",;:\"”’)—–":  # ", said Sgt. Roe": the speaker follows the verb
        return None, 0
    taken: list[str] = []
    for word in reversed(words):
        if _BOUNDARY.search(word) and taken:
            # "Sangare," ends the phrase; a closing quote before the speaker ends it too
            if word[-1] in ",;:\"”’)—–" or word[0] in "\"“(":
                break
        taken.append(word)
        if len(taken) >= 8 or _BOUNDARY.search(word):
            break
    taken.reverse()
    phrase = " ".join(taken).strip("\"“”‘’,;:()—– ")
    phrase = _LEAD_CONJ.sub("", phrase)
    who = _tidy(phrase)
    if not who or (not _CAPITAL.search(who) and who.lower() not in _PRONOUNS and not _COMMON.search(who)):
        return None, 0
    return who, head.rfind(taken[0]) if taken else 0


_COMMON = re.compile(
    r"\b(?:police|officials?|authorities|government|ministry|spokes(?:man|woman|person)|sources?|media|"
    r"witness(?:es)?|residents?|army|military|group|statement|officers?|investigators?|prosecutors?|"
    r"family|relatives|neighbou?rs?|doctors?|hospital|coroner|sheriff|chief|report|presidency|"
    r"agency|department|minister|mayor|governor|commander|analysts?|experts?|activists?|organi[sz]ation)\b",
    re.IGNORECASE)


_LEAD_CONJ = re.compile(r"^(?:and|but|that|while|as|after|before|when)\s+", re.IGNORECASE)
_CAPITAL = re.compile(r"[A-Z]")
_FULL_STOP = re.compile(r"(?<![A-Z])\.$")
_WHEN_AFTER = re.compile(r"\s+(?:on|in|earlier|later|late|early|last|this)\b.*$", re.IGNORECASE)
_ADVERB_AFTER = re.compile(r"\s+(?:first|also|initially|previously|later|earlier|then|have|has|had)$", re.IGNORECASE)
_CONJ_BEFORE = re.compile(r"^(?:however|but|and|while|although|though|yet|also|meanwhile)\s+", re.IGNORECASE)
_NOBODY = re.compile(r"(?:no|nobody|none)\b", re.IGNORECASE)


def _channel(verb: str, rest: str) -> str | None:
    if verb.lower().startswith("told"):
        m = re.match(r"\s+((?:the\s+)?(?:[A-Z][\w&.'’-]*\s?){1,4})", rest)
        return f"told {m.group(1).strip().rstrip('.')}" if m else None
    m = re.search(_CHANNEL, rest[:80])
    return " ".join(m["channel"].split()) if m else None


def _tidy(who: str) -> str | None:
    who = " ".join(who.split()).strip(" ,;:\"“”‘’")
    who = _FULL_STOP.sub("", who)  # a full stop, not an initial's ("Sgt. John Smith Jr.")
    who = _WHEN_AFTER.sub("", who)
    who = _ADVERB_AFTER.sub("", who)
    who = _CONJ_BEFORE.sub("", who)
    if not who or len(who) > 90 or who.lower() in ("it is", "there", "this", "that", "who") or _NOBODY.match(who):
        return None
    return who


def is_pronoun(who: str) -> bool:
    return who.lower() in _PRONOUNS


def attribute(sentences: list[str], paragraph_breaks: list[bool]) -> list[Attribution | None]:
    """Attributions for an article's sentences, pronouns resolved, lead-ins carried one sentence.

    ``paragraph_breaks[i]`` is True when sentence ``i`` starts a new paragraph.
    """
    out: list[Attribution | None] = []
    last_named: str | None = None
    for i, text in enumerate(sentences):
        att = find(text)
        if att and is_pronoun(att.said_by) and last_named:
            att.said_by = last_named
        elif att:
            last_named = att.said_by
        if att is None and i and not paragraph_breaks[i] and out[-1] is not None and out[-1].lead:
            prev = out[-1]
            att = Attribution(prev.said_by, prev.channel, -1, -1)  # inherited: no span in this sentence
        out.append(att)
    return out
