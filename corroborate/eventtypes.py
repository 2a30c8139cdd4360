"""What kind of event: a small taxonomy, each type mapped onto ACLED's event and sub-event types.

    type               ACLED event type             ACLED sub-event type            words
    suicide bombing    Explosions/Remote violence   Suicide bomb                    suicide bomber, suicide attack
    explosion          Explosions/Remote violence   Remote explosive/landmine/IED   IED, roadside bomb, car bomb, landmine
    air strike         Explosions/Remote violence   Air/drone strike                air strike, drone strike
    shelling           Explosions/Remote violence   Shelling/artillery/missile      shelling, mortar, rocket fire
    armed attack       Battles                      Armed clash                     attack on a post/base, ambush, raid, clashes
    shooting           Violence against civilians   Attack                          shooting, opened fire, shot
    abduction          Violence against civilians   Abduction/forced disappearance  kidnapped, abducted
    attack on civilians Violence against civilians  Attack                          massacre, killed villagers
    protest            Protests                     Peaceful protest                protest, demonstration, rally
    riot               Riots                        Violent demonstration           riot, looting, mob

``find`` returns every type a sentence mentions; ``main`` picks the article's
type from its title and lead: the most specific type mentioned there (the
order of the table), so an attack that "involved suicide bombers" is a
suicide bombing for that report.  GVA-style shootings are "shooting".
"""

from __future__ import annotations

import re

from .clean import lower

TYPES: dict[str, tuple[str, str, str]] = {
    "suicide bombing": ("Explosions/Remote violence", "Suicide bomb",
                        r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car\s+bomb|vest)"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED",
                  r"improvised\s+explosive\s+devices?|IEDs?|roadside\s+bombs?|car\s+bombs?|land\s?mines?|"
                  r"explosive\s+devices?|bomb\s+blast|bombings?|explosions?|exploded|detonated|grenades?"),
    "air strike": ("Explosions/Remote violence", "Air/drone strike", r"air\s?strikes?|drone\s+strikes?|air\s+raids?"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack",
                 r"shell(?:ing|fire|ed)|artillery|mortars?|rocket\s+(?:fire|attacks?)|missile\s+strikes?"),
    "armed attack": ("Battles", "Armed clash",
                     r"(?:attack|assault|raid)(?:s|ed)?\s+(?:on|against)\s+(?:an?\s+|the\s+|two\s+|several\s+)?"
                     r"(?:[\w-]+\s+){0,2}?(?:post|outpost|base|bases|camp|checkpoint|convoy|patrol|barracks|garrison|"
                     r"soldiers|troops|army|military|police)|ambush(?:ed)?|clash(?:es|ed)?|fighting|gun\s?battle|"
                     r"firefight|overran|over-run|overrun|stormed"),
    "shooting": ("Violence against civilians", "Attack",
                 r"shootings?|opened\s+fire|shot|gunfire|gunshots?|gunman|gunmen|shooter"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance",
                  r"kidnapp(?:ed|ing|ings)|abduct(?:ed|ion|ions)|taken\s+hostage"),
    "attack on civilians": ("Violence against civilians", "Attack",
                            r"massacre[sd]?|(?:killed|attacked)\s+(?:\w+\s+){0,2}(?:villagers|civilians|worshippers)"),
    "protest": ("Protests", "Peaceful protest", r"protest(?:s|ers|ed)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies)|march(?:ed)?"),
    "riot": ("Riots", "Violent demonstration", r"riot(?:s|ing|ers)?|looting|mob"),
}
_ORDER = list(TYPES)
# Trigger words hold no upper-case escapes, so lower-casing them is safe; they run on ``lower(sentence)``.
_PATTERNS = {name: re.compile(rf"\b(?:{words.lower()})\b") for name, (_, _, words) in TYPES.items()}


_ANY = re.compile("|".join(rf"(?:{words})" for _, _, words in TYPES.values()).lower())


def find(sentence: str) -> list[tuple[str, int, int]]:
    """Every event type a sentence names: (type, start, end) of its first trigger words."""
    out: list[tuple[str, int, int]] = []
    low = lower(sentence)
    if not _ANY.search(low):
        return out
    for name, pattern in _PATTERNS.items():
        m = pattern.search(low)
        if m:
            out.append((name, m.start(), m.end()))
    return out


def first(name: str, sentence: str) -> tuple[int, int] | None:
    """The span of the first trigger of type ``name`` in a sentence, if any."""
    m = _PATTERNS[name].search(lower(sentence))
    return m.span() if m else None


def acled(name: str) -> dict[str, str]:
    event_type, sub_event_type, _ = TYPES[name]
    return {"type": name, "acled_event_type": event_type, "acled_sub_event_type": sub_event_type}


def main(found: list[list[tuple[str, int, int]]]) -> str | None:
    """The article's type from the types of its title and lead sentences (most specific first).

    A type must be named in the title or lead; "protest" only wins when no violent type is named,
    because reports of attacks often mention protests that followed.
    """
    named = {name for sentence in found for name, _, _ in sentence}
    if "suicide bombing" in named:
        return "suicide bombing"
    if "armed attack" in named:  # shellfire or a blast inside an assault does not make it remote violence
        return "armed attack"
    for name in _ORDER:
        if name in named and name not in ("protest", "riot"):
            return name
    return next((n for n in ("riot", "protest") if n in named), None)
