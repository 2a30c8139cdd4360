"""Who did it and to whom: perpetrators with the kind of link, and targets.

Links a report can make between a group and an attack:

    claimed    "Islamic State claimed responsibility ... via its Amaq news agency"
    no claim   "No group immediately claimed responsibility" (a claim too: an absence, dated)
    blamed     "The group blamed Ansar-ul-Islam for the attack", "blamed on", "accused"
    suspected  "suspected jihadists", "X is suspected"
    reported   "an attack by FMLN guerrillas" (stated as fact)

``via`` keeps the channel ("its Amaq news agency") and ``evidence`` is False
when the report says the claim came without evidence ("without providing
evidence"; "It did not cite any evidence" in the next sentence counts).
Group names and aliases are in ``data/actors.json``; a name not there is kept
as written when the sentence pattern is unambiguous ("militants", "gunmen").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .clean import lower


@dataclass(slots=True)
class Actor:
    name: str            # canonical name, or the words of the text when no known group is named
    role: str            # perpetrator | target | victim
    link: str | None     # claimed | no claim | blamed | suspected | reported (perpetrators)
    start: int
    end: int
    via: str | None = None
    evidence: bool | None = None
    by: str | None = None  # who blamed or accused


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    data = json.loads(resources.files("corroborate").joinpath("data/actors.json").read_text(encoding="utf-8"))
    canonical: dict[str, str] = {}
    exact, folded = [], []
    for actor in data["actors"]:
        for alias in [actor["name"], *actor["aliases"]]:
            canonical[alias.lower()] = actor["name"]
            (exact if alias.isupper() and len(alias) <= 4 else folded).append(alias)
    def alt(names: list[str]) -> str:
        return "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
                        for n in sorted(set(names), key=len, reverse=True))
    return (re.compile(rf"(?<![\w-])(?:the\s+)?(?:{alt(folded)})(?![\w-])", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{alt(exact)})(?![\w-])"), canonical)


@lru_cache(maxsize=1)
def _entries() -> dict[str, dict]:
    data = json.loads(resources.files("corroborate").joinpath("data/actors.json").read_text(encoding="utf-8"))
    return {a["name"]: a for a in data["actors"]}


def entry(name: str) -> dict | None:
    """The data file's entry for a canonical group name (its kind, aliases, codes), if it has one."""
    return _entries().get(name)


def canonical(name: str) -> str:
    _, _, table = _table()
    key = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.IGNORECASE).lower()
    return table.get(key) or table.get(key.replace("-", " ")) or table.get(key.replace(" ", "-")) or name


def groups(sentence: str) -> list[tuple[str, int, int]]:
    """Known armed groups named in a sentence: (canonical name, start, end)."""
    folded, exact, _ = _table()
    found = [(canonical(m.group(0)), m.start(), m.end()) for m in folded.finditer(sentence)]
    found += [(canonical(m.group(0)), m.start(), m.end()) for m in exact.finditer(sentence)
              if not any(s <= m.start() < e for _, s, e in found)]
    return sorted(found, key=lambda g: g[1])


_GENERIC = (r"(?:(?:suspected\s+|armed\s+|heavily\s+armed\s+|unidentified\s+|unknown\s+|islamist\s+|jihadist\s+)*"
            r"(?:militants|gunmen|jihadists|insurgents|rebels|guerrillas|terrorists|attackers|assailants|"
            r"bandits|fighters|extremists|separatists|gunman|shooter|suspect|soldiers|troops|police|"
            r"security\s+forces|army|militia(?:men)?))")
_CLAIM = re.compile(
    r"(?:(?P<neg>\bno\s+(?:group|one|organi[sz]ation|faction)|\bnobody)\s+)?\b(?:has\s+|had\s+|have\s+|"
    r"immediately\s+|quickly\s+|later\s+|yet\s+|since\s+|also\s+)*(?:claimed|claims|claiming)\s+"
    r"(?:(?:the\s+)?responsibility|the\s+(?:attack|bombing|killing|killings|assault|raid|ambush|kidnapping|"
    r"abduction|shooting|massacre|explosion|blast))"
    r"|\bclaim(?:ed)?\s+(?:by|of\s+responsibility\s+(?:by|from))\s+"
    r"|\bresponsibility\s+(?:for\s+[^.;]{0,60}?\s+)?(?:was|has\s+been|had\s+been)\s+claimed\s+by\s+",
    re.IGNORECASE)
_VIA = re.compile(r"\b(?:via|through|on|in\s+a\s+(?:report|statement|post|video)\s+(?:by|on|from)|in)\s+"
                  r"(?:its|their|the\s+group's)\s+(?P<via>(?:[\w'’-]+\s+){0,4}?(?:news\s+agency|media\s+arm|"
                  r"propaganda\s+(?:arm|outlet|agency)|Telegram\s+channel|channels?|website|outlet|mouthpiece))",
                  re.IGNORECASE)
_NO_EVIDENCE = re.compile(r"\bwithout\s+(?:providing|citing|giving|offering|presenting)\s+(?:any\s+)?evidence"
                          r"|\b(?:did|does)\s+not\s+(?:cite|provide|give|offer|present)\s+(?:any\s+)?evidence",
                          re.IGNORECASE)
_BLAME = re.compile(
    r"\b(?P<verb>blamed|blames|blaming|accused|accuses|accusing|attributed|attributes|held)\s+(?P<obj>[^.;]{0,80})",
    re.IGNORECASE)
_BLAMED_ON = re.compile(r"\b(?:blamed\s+on|attributed\s+to|carried\s+out\s+by|perpetrated\s+by|"
                        r"(?:attack|assault|raid|ambush|bombing|shooting|killings?|massacre)s?\s+by)\s+", re.IGNORECASE)
_SUSPECT = re.compile(r"\bsuspected\s+(?P<g>[\w' -]{0,40}?)\s*(?:militants|jihadists|rebels|insurgents|guerrillas|"
                      r"members|fighters|gunmen)\b|\b(?P<who>[\w' -]{2,60}?)\s+(?:is|are|was|were)\s+suspected\b",
                      re.IGNORECASE)
# What attacks hit: places, buildings, vehicles and the works of a power grid ("two high-voltage
# pylons", "the peruvian embassy", "a bus"), singular or plural
_THING = (r"(?:post|outpost|base|camp|checkpoint|convoy|patrol|school|church|mosque|market|hotel|village|"
          r"police\s+station|station|substation|barracks|garrison|site|mine|embassy|consulate|office|"
          r"headquarters|prison|hospital|restaurant|bar|club|home|house|residence|store|shop|nightclub|party|"
          r"vehicle|car|bus|truck|jeep|helicopter|aircraft|plane|train|bank|building|facilit(?:y|ie)|"
          r"installation|plant|bridge|pylon|tower|pole|power\s?line|pipeline|exchange|booth|warehouse|farm|"
          r"property|institute|university|campus|theater|theatre|cinema|newspaper|network|grid|premise|"
          r"tank|ministry|hall|compound|apartment|business|establishment|dealership|branch|cent(?:er|re)|"
          r"compan(?:y|ie)|corporation)(?:e?s)?")


def _object(group: str) -> str:
    """What was hit, as the named group ``group``: a determiner or a number, up to three words that are
    not a preposition, and a thing, or two ("bank branches": the last one is the noun)."""
    return (rf"(?P<{group}>(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|their|its|"
            r"his|her)\s+(?:(?!(?:at|in|on|of|outside|near|with|from|to|for|by|and|or|who|that|which)\s)"
            rf"[\w'’-]+\s+){{0,3}}?{_THING}(?:\s+{_THING})?)")


_TARGET = re.compile(
    r"\b(?:attack(?:ed|s)?|assault(?:ed|s)?|raid(?:ed|s)?|ambush(?:ed)?|stormed|targeted|bomb(?:ed|ing)|"
    r"shelled|overran|overrun|destroy(?:ed|ing|s)?|damag(?:ed|ing|es)|dynamit(?:ed|ing)|blew\s+up|blowing\s+up|"
    r"burn(?:ed|t|ing)|torched|set\s+fire\s+to|setting\s+fire\s+to|looted|ransacked|machine-?gunned|"
    r"fired\s+(?:(?:\w+\s+)?(?:shots|rounds|bullets)\s+)?(?:at|on|into)|sabotage\s+(?:against|of|on))(?:\s+and\s+\w+ed)?\s+(?:on|of|against|at|into)?\s*"
    + _object("t") + r"\b"
    # "a bomb exploded at the soda shop", "a car bomb went off outside a hotel"
    r"|\b(?:bomb|explosive|device|charge|grenade|dynamite|explosion)s?\s+(?:\w+\s+){0,3}?"
    r"(?:exploded|went\s+off|was\s+(?:detonated|placed|planted|thrown|hurled|set\s+off)|occurred|blew\s+up)\s+"
    r"(?:\w+\s+){0,2}?(?:in\s+front\s+of|at|in|inside|outside|near|under|on|against|opposite)\s+" + _object("u") + r"\b"
    # "detonated a bomb near a power tower", "threw a grenade at a passenger bus"
    r"|\b(?:detonated|placed|planted|set\s+off|threw|hurled|left)\s+(?:\w+\s+){1,3}?(?:bomb|explosive|device|charge|"
    r"grenade|dynamite)s?\s+(?:in\s+front\s+of|at|in|inside|outside|near|under|on|against|opposite)\s+"
    + _object("w") + r"\b"
    # "a store was partially destroyed", "the main offices of the paper were damaged"
    r"|\b" + _object("v") +
    r"\s+(?:(?:in|on|at|of|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?)?(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?:attacked|bombed|destroyed|damaged|dynamited|burned|burnt|torched|looted|ransacked|"
    r"blown\s+up|set\s+on\s+fire|set\s+ablaze|raided|machine-?gunned|shelled|riddled)\b",
    re.IGNORECASE)

_MORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)" + _object("t") + r"\b", re.IGNORECASE)


# Cheap word checks before each pattern: most sentences of a shooting report say "shooting" or "suspect"
_BLAME_CUE = re.compile(r"blam|accus|attribut|held")
_BLAMED_ON_CUE = re.compile(r"blamed\s+on|attributed\s+to|carried\s+out|perpetrated|\sby\s")
_HIT = "destr|damag|dynam|blew|blow|burn|torch|fired|set fire|setting fire|loot|ransack|gunned|sabota|explo|device|grenade"
_TARGET_CUE = re.compile(rf"attack|assault|raid|ambush|storm|struck|target|bomb|shell|overr|{_HIT}|charge")
_CUE = re.compile(r"responsib|claim|blam|accus|attribut|suspect|attack|assault|raid|ambush|storm|struck|"
                  rf"target|bomb|shell|overr|over-r|carried\s+out|perpetrat|killing|massacre|shooting|{_HIT}")


def find(sentence: str, next_sentence: str = "") -> list[Actor]:
    """Perpetrator and target claims in a sentence (the next one may say the claim lacked evidence)."""
    out: list[Actor] = []
    low = lower(sentence)
    if not _CUE.search(low):
        return out
    found: list = []

    def named() -> list[tuple[str, int, int]]:  # the alias search is the costly part: only when a pattern matched
        if not found:
            found.append(groups(sentence))
        return found[0]

    for m in _CLAIM.finditer(sentence) if "claim" in low else ():
        if m["neg"]:
            out.append(Actor("", "perpetrator", "no claim", m.start(), m.end()))
            continue
        actor = _nearest(named(), m, sentence)
        if actor is None:
            continue
        name, start, end = actor
        via = _VIA.search(sentence, m.end())
        evidence = False if (_NO_EVIDENCE.search(sentence) or _NO_EVIDENCE.search(next_sentence[:80])) else None
        out.append(Actor(name, "perpetrator", "claimed", min(start, m.start()), max(end, m.end()),
                         via=" ".join(via["via"].split()) if via else None, evidence=evidence))
    for m in _BLAME.finditer(sentence) if _BLAME_CUE.search(low) else ():
        inside = [g for g in named() if m.start("obj") <= g[1] < m.end("obj")]
        if inside:
            by = re.sub(r"^(?:but|and|while|however|whereas)\s+", "", sentence[:m.start()].strip().split(",")[-1].strip(),
                        flags=re.IGNORECASE) or None
            out.append(Actor(inside[0][0], "perpetrator", "blamed", m.start(), inside[0][2], by=by))
    for m in _BLAMED_ON.finditer(sentence) if _BLAMED_ON_CUE.search(low) else ():
        after = [g for g in named() if m.end() <= g[1] <= m.end() + 30]
        if after and not any(a.name == after[0][0] for a in out):
            link = "blamed" if m.group(0).lower().startswith(("blamed", "attributed")) else "reported"
            out.append(Actor(after[0][0], "perpetrator", link, m.start(), after[0][2]))
    for m in _SUSPECT.finditer(sentence) if "suspected" in low else ():
        span = (m.start("g"), m.end("g")) if m["g"] is not None else (m.start("who"), m.end("who"))
        inside = [g for g in named() if span[0] <= g[1] < span[1] + 1]
        if inside and not any(a.name == inside[0][0] for a in out):
            out.append(Actor(inside[0][0], "perpetrator", "suspected", m.start(), m.end()))
    for m in _TARGET.finditer(sentence) if _TARGET_CUE.search(low) else ():
        g = next(g for g in "tuwv" if m[g])
        end = m.end(g)
        out.append(Actor(" ".join(m[g].split()), "target", None, m.start(g), end))
        while more := _MORE.match(sentence, end):  # "destroying two pylons and seven power poles"
            end = more.end("t")
            out.append(Actor(" ".join(more["t"].split()), "target", None, more.start("t"), end))
    return out


def _nearest(named: list[tuple[str, int, int]], m: re.Match, sentence: str) -> tuple[str, int, int] | None:
    """The group that claimed: named just before "claimed", or just after "claimed by"."""
    before = [g for g in named if g[2] <= m.start() and m.start() - g[2] <= 60]
    after = [g for g in named if g[1] >= m.end() and g[1] - m.end() <= 30]
    if m.group(0).lower().startswith(("claim", "responsibility")) and after:
        return after[0]
    if before:
        return before[-1]
    generic = re.search(rf"({_GENERIC})\s+(?:\w+\s+){{0,2}}$", sentence[:m.start()], re.IGNORECASE)
    if generic:
        return generic.group(1), generic.start(1), generic.end(1)
    if re.search(r"\b(?:the|a|an)\s+(?:group|organi[sz]ation|faction|movement)\s+$", sentence[:m.start()], re.IGNORECASE):
        return "the group", m.start(), m.start()
    return None
