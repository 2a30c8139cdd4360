"""Casualty figures in one sentence: measure, group, value, qualifier and the span of the words.

Patterns, tried in this order on each sentence (a number is used once):

1. negations — "no one was hurt", "no injuries were reported" → 0;
2. tolls — "the death toll rose to 54";
3. subject and verb — "53 soldiers and one civilian have been killed",
   "Four people were wounded", "17 people, including four teenagers, were killed";
4. counts with a noun — "54 bodies including one civilian", "10 survivors", "17 dead, 41 wounded";
5. verb and object — "killed 40 soldiers", "Kills 2, Wounds 4 People", "left two dead";
6. one person — "A 23-year-old man was shot and killed", "shot and killed a woman",
   "He died at the hospital", "the gunman killed himself";
7. a share of a count just given — "Two men were shot, one fatally";
8. people named — "Ann Lee, 23, and Bo Diaz were wounded" (passive or "died" only).

Titles are read first with headline grammar ("3 shot in Elm Park", "Girls, 5 and 8, shot").
Hit by gunfire, whatever the fate: "hitting three people", "sent four people to the hospital",
"showed up at a hospital with gunshot wounds", "suffered a gunshot wound".  ``several`` tells
when a sentence's counts add up several incidents ("in weekend shootings across the city"):
extract keeps them out of the event's figures.

"Seven people, including the gunman, died" counts the gunman among the attackers inside the
total; kin in the plural among the dead ("killed his wife and children") are at least two,
never an exact count; a "K-9 officer" is a police dog, no officer.

Measures: killed, injured, shot (hit by gunfire, fatally or not: the injured
are the shot minus the killed when a report gives only that), missing,
kidnapped, arrested, survivors, casualties, involved (attackers taking part:
"at least three suicide bombers").  Groups are in ``GROUPS``; a noun we do not
know makes no figure, because a wrong number is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import Cue, alternation, lower
from .numbers import NUMBER, SMALL, Number, parse

GROUPS: dict[str, tuple[str, ...]] = {
    "soldiers": ("soldier", "soldiers", "troops", "serviceman", "servicemen", "service members",
                 "army personnel", "military personnel", "paratroopers", "marines", "guardsmen",
                 "gendarmes", "recruits"),
    "police": ("police officer", "police officers", "policeman", "policemen", "policewoman", "officer",
               "officers", "cop", "cops", "deputy", "deputies", "trooper", "troopers", "constable",
               "constables", "police"),
    "civilians": ("civilian", "civilians", "villager", "villagers", "resident", "residents", "bystander",
                  "bystanders", "worshipper", "worshippers", "worshipers", "passenger", "passengers",
                  "student", "students", "pupils", "farmers", "peasants", "miners", "pedestrian",
                  "pedestrians", "shoppers", "customers", "employees", "workers", "journalists",
                  "aid workers", "refugees", "teachers", "guard", "guards", "security guards", "herders",
                  "herdsmen", "traders", "merchants", "vendors", "drivers", "motorists", "fishermen", "hunters",
                  "travellers", "travelers", "pilgrims", "protesters", "demonstrators", "mourners",
                  # one of them: "a driver was shot", "a store clerk was wounded"
                  "driver", "motorist", "customer", "employee", "worker", "teacher", "shopper", "clerk",
                  "cashier", "patron", "patrons", "occupant", "occupants", "homeowner", "homeowners", "tenant",
                  "tenants", "hunter", "farmer", "passerby", "passersby", "partygoer", "partygoers",
                  "hiker", "hikers", "camper", "campers", "guest", "guests", "visitor", "visitors", "diners",
                  # who runs or serves a place: "a store owner was fatally shot", "a bartender was wounded"
                  "owner", "owners", "shopkeeper", "shopkeepers", "bartender", "bartenders", "bouncer", "bouncers",
                  "cabbie", "waitress", "waiter"),
    "attackers": ("militant", "militants", "gunman", "gunmen", "suspect", "suspects", "shooter",
                  "shooters", "attacker", "attackers", "assailant", "assailants", "jihadist",
                  "jihadists", "insurgent", "insurgents", "fighter", "fighters", "bomber", "bombers",
                  "suicide bomber", "suicide bombers", "terrorist", "terrorists", "rebel", "rebels",
                  "robber", "robbers", "intruder", "intruders", "guerrilla", "guerrillas",
                  "gunwoman"),
    "peacekeepers": ("peacekeeper", "peacekeepers", "blue helmets"),
    "children": ("child", "children", "kid", "kids", "boy", "boys", "girl", "girls", "toddler",
                 "toddlers", "infant", "infants", "baby", "babies", "minor", "minors", "juvenile", "juveniles"),
    "people": ("people", "persons", "person", "others", "other people", "victim", "victims", "man",
               "men", "woman", "women", "individual", "individuals", "adult", "adults", "teen",
               "teens", "teenager", "teenagers", "youth", "youths", "relatives", "family members",
               "bodies", "corpses", "male", "males", "female", "females",
               # kin and acquaintances, named the way domestic shootings are reported: "killed his wife"
               "wife", "husband", "girlfriend", "boyfriend", "ex-girlfriend", "ex-boyfriend", "ex-wife",
               "ex-husband", "fiancee", "fiancée", "fiance", "mother", "father", "stepfather", "stepmother",
               "son", "sons", "daughter", "daughters", "stepson", "stepdaughter", "brother", "brothers",
               "sister", "sisters", "grandmother", "grandfather", "grandson", "granddaughter", "nephew",
               "niece", "cousin", "uncle", "aunt", "parents", "friend", "friends", "roommate", "neighbor",
               "neighbour", "neighbors", "neighbours", "family members", "cousins", "uncles", "aunts",
               "nephews", "nieces", "grandparents", "grandsons", "granddaughters", "roommates", "coworkers",
               "co-workers", "classmates", "acquaintances"),
}
_GROUP_OF = {noun: group for group, nouns in GROUPS.items() for noun in nouns}


_NOUN = alternation(_GROUP_OF)
_SINGULAR = {n for n in _GROUP_OF if not n.endswith("s") or n in ("police",)} - {
    "people", "police", "children", "men", "women", "gunmen", "policemen", "servicemen", "troops",
    "guardsmen", "army personnel", "military personnel"}
# One person may also be named by an age alone: "a 14-year-old was injured".
# "17-year-old", also written "17 year-old" and "17 year old"
_YEAR_OLD = r"\d{1,3}(?:-|\s)years?(?:-|\s)old"
_AGE = rf"{_YEAR_OLD}(?:\s+(?:male|female))?(?![\w-])(?!\s+{_NOUN}\b)"  # "a 9-year-old boy": the noun wins
_ONE = r"(?:%s|%s)" % (alternation(_SINGULAR), _AGE)

QUALIFIERS = {
    "at least": "at least", "no fewer than": "at least", "a minimum of": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "up to": "up to", "as many as": "up to", "at most": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "only": "only", "just": "only",
    "a total of": None, "another": None,
}
_QUAL = alternation(QUALIFIERS)

# Verbs and phrases by measure; longest first so "shot and killed" wins over "shot".
_VERBS = {
    "killed": ("shot and killed", "shot, killed", "shot dead", "shot to death", "stabbed to death", "beaten to death",
               "fatally shot", "fatally wounded", "fatally injured", "fatally stabbed", "mortally wounded", "gunned down",
               "found dead", "pronounced dead", "killed", "slain", "murdered", "executed", "died",
               "dead", "dies", "die", "perished", "passed away", "lost their lives", "lost his life", "lost her life", "were massacred",
               "burned to death", "succumbed to"),
    "injured": ("seriously wounded", "critically wounded", "wounded", "injured", "hurt", "hospitalized",
                "hospitalised", "grazed", "critically injured", "seriously injured", "treated and released"),
    "shot": ("shot", "struck by gunfire", "struck by bullets", "hit by gunfire", "hit by bullets", "hit",
             "shot multiple times", "shot several times", "shot twice", "shot once"),
    "kidnapped": ("kidnapped", "abducted", "taken hostage", "held hostage", "seized"),
    "missing": ("missing", "unaccounted for"),
    "arrested": ("arrested", "detained", "taken into custody", "apprehended", "charged"),
    "survivors": ("survived", "unhurt", "unharmed", "escaped unhurt", "rescued"),
}
_MEASURE_OF = {v: m for m, vs in _VERBS.items() for v in vs}
_WOUND = (r"(?:suffered|sustained|received|treated\s+for|suffering\s+from|recovering\s+from|nursing)\s+(?:an?\s+|multiple\s+|several\s+)?(?:[\w-]+\s+){0,3}?"
          r"(?:wounds?|injuries|injury)")
# Taken to hospital: hit ("shot"; the injured are the shot minus the dead), unless the sentence
# says they died there (``_DIED``).
_HOSPITAL = (r"(?:taken|transported|rushed|brought|driven|airlifted|flown|admitted)\s+to\s+"
             r"(?:(?:the|a|an|local|area|nearby|two|several|different|separate)\s+)*"
             # a hospital's name: "Riverside General Hospital", "Valley Medical Center"
             r"(?:(?!(?:jail|custody|headquarters|station|scene|after|before|for|where|and|with|by|from|"
             r"then|but|when|while|was|were|is|are|had|has)\b)[\w.'’-]+\s+){0,4}?"
             r"(?:hospitals?|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re))\b")
# Words saying the one hit lived: the hit is then hurt, not maybe dead.
_SURVIVED = re.compile(r"expected\s+to\s+(?:survive|recover|be\s+ok)|\b(?:stable|good|fair)\s+condition|"
                       r"non-?\s?life[\s-]threatening|not\s+life[\s-]threatening|treated\s+and\s+released|"
                       r"\bminor\s+injur|\bsurvived\b")
_AT_HOSPITAL = re.compile(r"hospital|medical\s+cent|trauma\s+cent")
_DIED = re.compile(r"\b(?:died|dead|pronounced|succumbed|killed|fatal\w*|death)\b")
# "the clerk was shot at, but every round went wide", "shot at by a passing driver": fired on, not hit
# ("shot at a party" is a place: a hit)
# ... nor "shot at two deputies", "shot at a man in a car": people fired at, not a place
_NOT_AT = (r"(?!\s+at(?:\s+(?:but|by)\b|\s*[,.;]|\s+(?:several|multiple|numerous)\s+times\b|"
           rf"\s+(?:(?:an?|the|his|her|their|two|three|four|five|six|several|a\s+dozen|a\s+group\s+of|\d+)\s+)?"
           rf"(?:[\w-]+\s+){{0,2}}?{_NOUN}(?=\s*(?:[,.;:)]|$)|\s+(?:and|who|that|in|on|at|outside|inside|near|"
           rf"from|with|as|while|before|after|during|but|then|when)\b)))")
# "the three hikers remain in good condition": hurt; "two are in critical condition": hit, fate not known
_CONDITION = (r"(?:(?:listed|reported|remains?|remained)\s+)?in\s+(?:stable|good|fair|serious|critical|grave|"
              r"satisfactory)(?:\s+but\s+stable)?\s+condition")
_VERB = r"(?:%s|%s|%s|%s)" % (alternation(_MEASURE_OF, {"shot": _NOT_AT}), _WOUND, _HOSPITAL, _CONDITION)

# Nouns that carry the measure themselves: "54 bodies", "10 survivors", "17 dead".
_COUNT_NOUNS = {
    "dead": "killed", "deaths": "killed", "fatalities": "killed", "bodies": "killed", "corpses": "killed",
    "killed": "killed", "injured": "injured", "wounded": "injured", "injuries": "injured",
    "survivors": "survivors", "casualties": "casualties", "hostages": "kidnapped",
    "missing": "missing", "arrests": "arrested", "arrested": "arrested",
}
_COUNT_NOUN = alternation(_COUNT_NOUNS)

_STOP = r"(?:%s|%s|%s|%s)" % (alternation(
    "were was have has had been be is are and or but in on at of who that which the by from "
    "to with after before for as when while during including among than near into "
    # a span of time or a speaker is no adjective: "over four nights two people were shot",
    # "a 911 caller said two people were shot"
    "seconds minutes hours days nights weeks weekends months years said says told caller callers calls".split()
    + list(SMALL) + list(_MEASURE_OF) + list(_COUNT_NOUNS), {"shot": _NOT_AT}), _WOUND, _HOSPITAL, _CONDITION)
_MOD = rf"(?:(?!{_STOP}\b)(?:[A-Za-z][\w'’.-]*|\d+-[\w-]+|\d{{1,3}}\s+years?[\s-]old)\s+){{0,3}}?"  # adjectives before the noun: "Malian", "heavily armed"
_NUM = rf"(?P<num>{NUMBER})"
_AUX = (r"(?:\s+(?:were|was|have|has|had|been|are|is|got|get|reportedly|also|all|later|both|each|"
        r"allegedly|apparently|initially|then|subsequently|eventually|being|now|still|"
        r"(?:said|believed|confirmed|reported|thought|known)\s+to\s+have|"
        # "a man who was shot": "who" only before an auxiliary ("a man who shot" is the shooter)
        r"who(?=\s+(?:was|were|had|has|have)\b)|"
        r"feared|confirmed|there|here|found|(?!fatally|mortally|nearly)\w+ly))*")
# Where the people were, between them and a passive verb: "A police officer in Elmford was shot".
# The event a victim belongs to: "a victim of Friday's shooting", "one victim of the Elm Street attack"
_OF_EVENT = (r"\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|last\s+)?(?:[\w'’.-]+\s+){0,3}?"
             r"(?:shootings?|attacks?|stabbing|gunfire|rampage|ambush|massacre|violence)\b")
_PLACED = (_OF_EVENT + r"|\s+(?:in|from|at|inside|outside|near)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?"
           r"(?:[\w'’.-]+\s+){0,2}?[\w'’.-]+")
# Or a short relative clause, again before a passive verb only: "three officers who entered the house
# were wounded".  Not one with a verb of harm ("a man who killed two people was shot": that clause is a
# figure), an auxiliary or a pronoun: "a clerk who said her cousin had been shot" (the cousin was), "a man who
# claimed he was shot" (a story told), "children that their uncle was dead", "who claimed to have shot".
# "That" only before a past tense ("the teens that fled"): "a child that age was shot" is no clause.
_RELATIVE = (rf"\s+(?:who|that(?=\s+\w+ed\b))(?:\s+(?!(?:{_VERB}|and|but|or|to|was|were|had|has|have|is|are|be|been|being|"
             rf"he|she|they|it|him|her|them|his|their|its|we|i|you)\b)[\w'’.-]+){{1,4}}?")
_INCLUDING = r"(?:,?\s+including\s+(?P<incl>[^,;]{1,60}?)\s*,)?"
# "Two people, a man and a teenager, were wounded": a list between commas that spells out the count
_SPELLED_OUT = (r"(?:,\s+(?:an?|one|two|three|four|five|six|\d+)\s+[^,;()]{1,40}?\s+and\s+"
                r"(?:an?|one|two|three|four|five|six|\d+|his|her|their)\s+[^,;()]{1,30}?,)?")
_PARTITIVE = r"(?:of\s+(?:the|its|their|his|her|our|those|these)\s+)?"
_AGED = r"(?![\s-]+years?[\s-]+old\b)"  # "the 17 year old male" is one person aged 17
# "both brothers were wounded": two (a singular noun after it is refused in ``_noun_phrases``)
NP = (rf"(?:(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER}|both){_AGED}\s+{_PARTITIVE}{_MOD}(?P<noun>{_NOUN})\b"
      rf"|(?P<det>an?|one|another)\s+{_MOD}(?P<one>{_ONE})(?![\w-])"
      rf"|(?<![\w-])(?:{_YEAR_OLD}\s+)?(?P<bare>{_ONE})(?![\w-]))")
NP_RE = re.compile(rf"\b{NP}", re.IGNORECASE)
# headlines write "and" as "&": "Clerk & Customer Both Shot"
_NPS = (rf"{NP}(?:\s*,\s*{NP})*(?:,?\s+(?:and|&)\s+{NP})?".replace("(?P<qual>", "(?:").replace("(?P<num>", "(?:")
        .replace("(?P<noun>", "(?:").replace("(?P<det>", "(?:").replace("(?P<one>", "(?:")
        .replace("(?P<bare>", "(?:"))

# After a transitive verb with no auxiliary, these words make it active ("A gunman killed two people"):
# the noun phrase before it is then the killer, not the killed.
_TRANSITIVE = {"killed", "shot and killed", "fatally shot", "wounded", "injured", "hurt", "murdered", "shot",
               "executed", "gunned down", "abducted", "kidnapped", "arrested", "detained", "seized", "rescued",
               "charged", "shot dead", "stabbed to death", "beaten to death", "fatally wounded", "fatally injured",
               "fatally stabbed", "mortally wounded", "slain", "hospitalized", "hospitalised", "grazed", "hit"}
_ACTIVE = (r"\s+(?=(?:an?|the|his|her|their|its|him|them|himself|herself|another|one|two|three|four|five|six|"
           r"seven|eight|nine|ten|both|several|multiple|at\s+least|more\s+than|up\s+to|\d+)\b)")

# Headlines drop the article before an object too: "Man shot officer", "Rancher kills wife, self" (not "Man
# shot, police say", "Teen shot near school")
_HEAD_OBJECT = re.compile(rf"\s+(?!police\b|cops?\b){_MOD}{_ONE}(?![\w'’-])")

# A number that names a unit is no count: "Zone 5 officers", "District 3 deputies", "Engine 7 firefighters"
_LABELS = tuple(f"{w} " for w in ("zone", "district", "precinct", "unit", "ward", "squad", "beat", "sector", "station",
                                  "engine", "ladder", "company", "route", "no."))

_DEATH_VERB = re.compile(r"died|dies|succumbed|passed\s+away|perished")
_AUX_VERB = re.compile(r"\b(?:were|was|have|has|had|been|are|is|got|get|being|found)\b", re.IGNORECASE)
# Only "has", "have" or "had" (and adverbs): a perfect tense, active when an object follows ("had shot him").
_PERFECT = re.compile(r"(?:\s+(?:who|have|has|had|also|\w+ly))*\s+(?:have|has|had)(?:\s+(?:also|\w+ly))*", re.IGNORECASE)


def _auxiliary(aux: str) -> bool:
    """Whether the words between a noun and its verb make the verb passive ("was", "had been"):
    adverbs alone do not ("his brother accidentally shot him" is active)."""
    return bool(_AUX_VERB.search(aux))


# A pronoun joined to the people counted: "she and her son", "he and his 8-year-old nephew".
_PRONOUN_AND = re.compile(r"\b(?:he|she)\s+and\s+(?:his|her)\s+(?:(?!and\b)[\w-]+\s+){0,2}$")

_AFTER_INCLUDING = re.compile(r"[^,.;]{0,40}?,?\s+including\s+", re.IGNORECASE)

# "showed up at a hospital with gunshot wounds", "found a woman with a gunshot wound to the leg"
_GUNSHOT_WOUND = r"(?:an?\s+|multiple\s+|several\s+)?(?:[\w-]+\s+){0,2}?(?:gunshot|gun\s*shot|bullet)\s+wounds?\b"
_GUN_CONTEXT = re.compile(r"bullet|gunfire|shot|fire|round|gun|pellet")

# "A third person has died", "4th victim dies": as many dead as the rank ("the second victim" is one of
# those already counted); "a fourth victim is hospitalized": four hit.
_ORDINALS = {w: i for i, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), 2)}
_ORDINALS.update({f"{i}{'nd' if i == 2 else 'rd' if i == 3 else 'th'}": i for i in range(2, 11)})
_ORDINAL = alternation(_ORDINALS)

# "a fourth man was taken to a hospital, but he later died": the one counted died
_BUT_DIED = re.compile(r"[^.;]{0,80}?\b(?:and|but)\s+(?:(?:he|she)\s+)?(?:later\s+|then\s+|eventually\s+|subsequently\s+)?"
                       r"(?:died|succumbed|was\s+pronounced\s+dead)\b")
_DEFINITE_END = re.compile(r"\b(?:the|this|that)\s+$")

# "was shot in the head and died": the one hit died ("and" with no new subject between)
_THEN_DIED = re.compile(r"(?:(?!\b(?:was|were|who|whom|had|has|have|is|are)\b)[^.;]){0,60}?\band\s+"
                        r"(?:later\s+|then\s+|eventually\s+|subsequently\s+|has\s+since\s+|had\s+)?"
                        r"(?:died|was\s+pronounced\s+dead|were\s+pronounced\s+dead|succumbed|passed\s+away|"
                        # "was shot through the neck and killed on Elm Street" (not "... and killed a man": active)
                        r"killed(?=\s*(?:[,.;:)]|$|\s+(?:in|on|at|by|early|late|while|when|after|before|during|"
                        r"outside|inside|near|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)))\b")

# Matched against ``lower(sentence)`` (same offsets) without re.IGNORECASE, which is several times
# slower; ``_Original`` hands back the groups as the sentence wrote them.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("negation", re.compile(
        rf"\b(?:no\s+one|nobody|none|no\s+one\s+else|no\s+(?:other\s+)?(?P<noun>{_NOUN}))\s+"
        rf"(?:else\s+)?(?:was|were|has\s+been|have\s+been|had\s+been|is|are|got)\s+(?:\w+ly\s+)?"
        rf"(?P<verb>{_VERB})\b"
        rf"|\bno\s+(?:other\s+|further\s+|additional\s+)?(?P<cnoun>injuries|deaths|fatalities|casualties)\b"
        rf"(?:\s+(?:were|was|have\s+been|had\s+been))?\s+(?:immediately\s+)?reported")),
    ("toll", re.compile(
        rf"\b(?:death\s+)?toll\b(?:[^.;\d]{{0,40}}?)\b(?:to|at|of|is|was|reached|hit)\s+"
        rf"(?:(?P<qual>{_QUAL})\s+)?{_NUM}\b(?!\s*(?:%|percent|years?|days?|hours?))")),
    ("ordinal", re.compile(
        rf"\b(?:an?\s+)?(?P<ord>{_ORDINAL})\s+(?:{_MOD})(?P<noun>{_ONE})\b"
        # "a second victim, a 30-year-old man, was grazed"
        rf"(?:\s+(?:of|in|from|wounded\s+in|shot\s+in)\s+[^.;,]{{1,50}}?|\s*,\s*[^,.;]{{1,60}},)?"
        rf"(?P<aux>{_AUX})(?:\s+remain(?:s|ed)?)?\s+"
        # "a fourth victim was found behind the mill": hit
        rf"(?:(?P<verb>dies|died|dead|killed|pronounced\s+dead|succumbed|passe[sd]\s+away)|(?P<hverb>{_VERB})|"
        rf"(?P<fverb>found))\b")),
    # "One of three teens shot Friday dies": one of those counted died
    ("one of", re.compile(
        # (not a place in a series: "Image 2 of 10", "Part 3 of 5")
        rf"(?<!image\s)(?<!photo\s)(?<!slide\s)(?<!page\s)(?<!part\s)(?<!video\s)(?<!item\s)(?<!story\s)"
        rf"\b(?P<part>{NUMBER})\s+of\s+(?:the\s+|those\s+|these\s+)?(?P<num>{NUMBER})\s+(?:[\w.'’-]+\s+){{1,8}}?"
        rf"(?:later\s+|has\s+|have\s+|had\s+)?(?:since\s+)?(?P<verb>dies|died|succumbs|succumbed)\b")),
    ("subject", re.compile(
        rf"\b(?P<nps>{_NPS}){_INCLUDING}{_SPELLED_OUT}(?P<pp>{_PLACED}|{_RELATIVE})?(?P<aux>{_AUX})\s+(?P<verb>{_VERB})\b(?P<active>{_ACTIVE})?"
        rf"|\b(?:(?P<qual>{_QUAL})\s+)?{_NUM}(?:\s+(?:more|others|other))?"
        rf"(?P<aux2>(?:\s+(?:were|was|have|has|had|been|are|is|also|all|later|now|still))+(?:\s+(?!fatally|mortally|nearly)\w+ly)?)"
        rf"\s+(?P<bverb>{_VERB})\b")),
    ("alone", re.compile(
        rf"\b(?:(?P<one>one)|(?P<both>both))"
        rf"(?P<aux2>(?:\s+(?:were|was|have|has|had|been|are|is|also|all|later|now|still))+(?:\s+(?!fatally|mortally|nearly)\w+ly)?)"
        rf"\s+(?P<bverb>{_VERB})\b")),
    ("count", re.compile(
        rf"\b(?:(?P<qual>{_QUAL})\s+)?{_NUM}{_AGED}\s+(?:(?P<noun>{_NOUN})\s+)?(?P<cnoun>{_COUNT_NOUN})\b"
        rf"(?:\s+(?:including|among\s+them)\s+(?P<incl>(?:(?:{_QUAL})\s+)?(?:{NUMBER}|an?|one)\s+{_MOD}(?:{_NOUN})))?")),
    ("object", re.compile(
        rf"\b(?P<verb>(?:fatally|mortally)\s+(?:shot|shoots|shooting|wound(?:s|ed|ing))|"
        rf"kill(?:s|ed|ing)|wound(?:s|ed|ing)|injur(?:es|ed|ing)|shot|shoots|"
        rf"abduct(?:s|ed|ing)|kidnap(?:s|ped|ping)|arrest(?:s|ed|ing)|claim(?:s|ed|ing)\s+the\s+li(?:fe|ves)\s+of|"
        rf"(?:left|leaving|leaves)(?=\s+(?:{_QUAL}\s+)?(?:{NUMBER})\s+(?:{_MOD}(?:{_NOUN})\s+)?(?:dead|injured|wounded)))"
        # "killed his two sons", "shot her neighbor's three children"
        rf"\s+(?P<poss>(?:his|her|their)\s+(?:[\w-]+['’]s\s+)?(?=(?:{NUMBER})\s))?"
        rf"(?:(?P<nps>{_NPS})|(?:(?P<qual>{_QUAL})\s+)?{_NUM}\b"
        rf"(?!\s*(?:%|percent|years?|days?|hours?|(?:more\s+|other\s+)?(?:times|rounds|shots|bullets)|of\s+the|-)))"
        rf"(?:\s+(?P<left>dead|injured|wounded))?")),
    ("hit", re.compile(
        rf"\b(?:hitting|striking|struck|strikes|hits|shooting|shoots)\s+(?P<nps>{_NPS})"
        # "a round struck the teen in the hip": one person already met, hit
        rf"|\b(?:hit|hitting|striking|struck|strikes|hits)\s+(?P<nps5>(?:the|his|her)\s+{_MOD}{_ONE})\s+in\s+(?:the|his|her)\b"
        rf"|\bsent\s+(?P<nps2>{_NPS})\s+to\s+(?:(?:the|a|an|area|local|nearby)\s+)*hospitals?\b"
        rf"|\b(?:found|find|discovered|located)\s+(?P<nps4>{_NPS})\s+(?:[^.;]{{0,40}}?\s)?with\s+{_GUNSHOT_WOUND}")),
    ("hit", re.compile(
        rf"\b(?P<nps3>{_NPS})\s+(?:later\s+|also\s+|then\s+)?(?:showed\s+up|turned\s+up|arrived|walked|drove|"
        rf"went|came|(?:was|were)\s+found)\b[^.;]{{0,60}}?\bwith\s+{_GUNSHOT_WOUND}")),
    ("deaths", re.compile(
        r"\b(?P<dverb>(?:(?:shooting|stabbing|beating|gunshot)\s+)?deaths?|(?:(?P<nonfatal>non-?\s?)?fatal\s+)?shootings?|"
        r"killings?|murders?|slayings?)\s+of\s+")),
    ("one", re.compile(
        rf"\b(?P<det>an?|another|one|a\s+second|a\s+third|the|this|that|his|her|their)\s+(?:{_MOD})(?P<noun>{_ONE})\b"
        rf"(?:{_OF_EVENT})?(?:\s*,\s*(?:\d{{1,2}}|[^,]{{1,60}}),)?(?P<oaux>{_AUX})\s+(?P<verb>{_VERB})\b(?P<oactive>{_ACTIVE})?"
        # "she was later pronounced dead", "he has since died", "he was declared brain dead"
        rf"|\b(?P<pron>he|she)\s+(?:(?:has|had)\s+)?(?:(?:later|eventually|subsequently|since|then|also)\s+)?"
        rf"(?P<pverb>died|succumbed|passed\s+away|(?:was|has\s+been|had\s+been)\s+"
        rf"(?:(?:later|then|also|eventually|subsequently|since)\s+)?(?:pronounced|declared)\s+(?:brain\s+|\w+ly\s+)?dead)\b"
        # "she had been hit in the shoulder": one person hit, whoever the pronoun stands for
        rf"|\b(?P<hpron>he|she)\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|\w+ly\s+)?(?P<hpverb>shot\s+and\s+killed|"
        rf"shot\s+dead|shot\s+to\s+death|fatally\s+shot|shot{_NOT_AT}|wounded|injured|grazed|(?:hit|struck)\s+by\s+"
        rf"(?:gunfire|a\s+bullet|bullets|a\s+stray\s+bullet))\b"
        # (and the active forms in -ing and -s: "the siege was over after a farmer killing his nephew")
        rf"|\b(?P<overb>shot\s+and\s+killed|shooting\s+and\s+killing|fatally\s+(?:shot|shooting|shoots)|"
        rf"kill(?:ed|ing|s)|shot|shooting|shoots|wound(?:ed|ing|s)|injur(?:ed|ing|es)|stabbed|stabbing|stabs)\s+"
        rf"(?P<odet>an?|his|her|their)\s+(?:{_MOD})(?P<onoun>{_ONE})\b(?!['’]s\b)"
        rf"|\b(?P<selfverb>killed|kills|killing|shot|shoots|shooting|wounded|wounds|wounding|"
        rf"fatally\s+(?:shot|shoots|shooting))\s+(?P<self>himself|herself|self)\b(?!-)"
        # "shot himself and his son": one more hit
        rf"(?:\s+and\s+(?:his\s+|her\s+)?(?:{_MOD})(?P<snoun>{_ONE})\b)?"
        rf"|\b(?P<self2>turn(?:ed|s|ing)\s+(?:the|a|his|her)\s+(?:gun|weapon|rifle|shotgun|handgun|pistol)\s+on\s+"
        rf"(?:himself|herself)|(?:took|taking|takes)\s+(?:(?:his|her)\s+own|his|her|own)\s+life)\b")),
    ("share", re.compile(
        rf"\b(?:shot|wounded|injured|hit)\b[^.;]{{0,60}}?(?:,\s*|,?\s+and\s+)(?P<num>{NUMBER}|one)\s+(?:of\s+(?:them|whom)\s+)?"
        rf"(?:(?:was|were|has|had|have|been|later|since|already)\s+)*(?P<verb>fatally|died|dead|killed)\b")),
    # "a double shooting", "quadruple shooting": as many hit, the dead among them
    ("multiple", re.compile(r"\b(?P<mult>double|triple|quadruple|quintuple)[\s-]+shooting\b")),
    ("involved", re.compile(
        rf"\b(?:(?P<qual>{_QUAL})\s+)?{_NUM}\s+{_MOD}(?P<noun>%s)\b" % "|".join(
            sorted(GROUPS["attackers"], key=len, reverse=True))
        + r"(?=\s*(?:[,.;:)]|$|\s+(?:who|which|that|were|was|had|have|are|is|and|armed|with|on|in|at|from|"
          r"detonated|attacked|stormed|opened|fired|blew|entered|killed|fled|struck|riding|carried|took)\b))")),
]

# Headlines drop the auxiliary and name people by age: "3 shot in Elm Park", "2 days, 5 shot, 1 dies",
# "Girls, 5 and 8, shot on East Side".  Tried on titles only, before the other patterns.
_HEAD_VERB = (r"(?P<verb>shot\s+dead|shot\s+to\s+death|shot,?\s+and\s+killed|shot,\s+killed|fatally\s+shot|shot|killed|dead|dies?|"
              r"died|wounded|injured|hurt|slain|hospitalized)")
_HEADLINE: list[tuple[str, re.Pattern]] = [
    ("headline", re.compile(
        rf"(?<![\w$#.,-])(?:(?P<qual>{_QUAL})\s+)?{_NUM}(?:\s+(?:more|others|other))?\s+{_HEAD_VERB}\b"
        rf"|\b(?P<noun>{_NOUN}),\s+(?P<ages>\d{{1,2}}(?:\s*(?:,|,?\s*and|&)\s*\d{{1,2}})*),\s+"
        rf"(?:(?:is|was|are|were|now)\s+)?(?:\w+ly\s+)?{_HEAD_VERB.replace('<verb>', '<verb2>')}\b")),
    # "Hiker stable after hunting mishap", "2 in critical condition following ambush": hurt (stable) or hit
    ("condition", re.compile(
        rf"(?<![\w$#.,-])(?:{_NUM}|(?:an?\s+|the\s+)?{_MOD}(?P<one>{_ONE}))\s+(?:(?:is|remains|listed)\s+)?"
        rf"(?:in\s+)?(?P<cond>stable|critical|serious|good|fair)(?:\s+condition)?\s+(?:after|following)\b")),
]

_A_SHARE = re.compile(rf"\b(?:{NUMBER}|one|some|most|all\s+but)\b")
_NEARLY = re.compile(r"\b(?:nearly|almost)\s+$")
_SURVIVED_BUT = re.compile(r"[^.;]{0,20}?\bsurvived\b,?\s+but\s+(?:were|was|had\s+been)\s+(?:also\s+)?"
                           r"(?:hit|injured|wounded|shot|hurt|struck)\b")
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}

_HEAD_MEASURE = {"shot": "shot", "wounded": "injured", "injured": "injured", "hurt": "injured",
                 "hospitalized": "injured"}

# Words a pattern cannot match without: skipping it saves its search on most sentences.
_HIT_NEEDS = [re.compile(r"hitting|strik|struck|hits?\b|shoots\b|\bsent\b|(?:gun\s*shot|bullet)\s+wound|"
                         r"shooting\s+(?:an?|the|his|her|their|\d+|one|two|three|four|five|six|seven|eight|nine|"
                         r"ten|several|at\s+least|more\s+than)\b"),
              re.compile(r"\bwith\s+(?:\S+\s+){0,3}?(?:gun\s*shot|bullet)\s+wound")]
_NEEDS = {"negation": re.compile(r"\bno\b|\bnone\b|nobody"),
          "toll": re.compile(r"\btoll\b"),
          "ordinal": re.compile(r"\b(?:%s)\b[^.;]{0,120}?(?:dies|died|dead|killed|pronounced|succumbed|passe|"
                                r"remain|shot|wounded|injured|hospitali|hurt|grazed|struck|hit|treated|condition|found)" % _ORDINAL[3:-1]),
          "alone": re.compile(r"\b(?:one|both)\s+(?:were|was|have|has|had|been|are|is|also|all|later|now|still)\b"),
          "share": re.compile(r"(?:,|\band)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                              r"(?:of\s|was|were|has|had|have|been|later|since|fatally|died|dead|killed)"),
          "count": re.compile(_COUNT_NOUN),
          "deaths": re.compile(r"(?:death|shooting|killing|murder|slaying)s?\s+of\b"),
          "involved": re.compile("|".join(sorted({n[:6] for n in GROUPS["attackers"]}))),
          "one of": re.compile(r"\b(?:%s|\d+)\s+of\s" % "|".join(SMALL)),
          # both forms end in a space and a verb; starting with a space, this need is found at once
          "subject": re.compile(rf"\s(?:{_VERB})\b")}
# Plain words a need cannot match without: ``in`` finds them far faster than a search that tries a
# pattern at every position, so most sentences skip the need's search too.  (None: no such words.)
_NEED_WORDS = {"negation": ("no",), "toll": ("toll",), "ordinal": tuple(_ORDINALS), "alone": ("one", "both"),
               "count": ("dead", "death", "fatalit", "bodies", "corpses", "killed", "injur", "wounded", "surviv",
                         "casualt", "hostage", "missing", "arrest"),
               "deaths": ("death", "shooting", "killing", "murder", "slaying"),
               "hit": ("hit", "strik", "struck", "shoots", "sent", "wound", "shooting"),
               "share": ("dead", "died", "killed", "fatally"),  # the pattern's last word
               "multiple": ("double", "triple", "uple"),
               "one of": ("died", "dies", "succumb"),  # the pattern's last word
               # the pattern's first word (its verb)
               "object": ("fatally", "mortally", "kill", "wound", "injur", "shot", "shoots", "abduct", "kidnap",
                          "arrest", "claim", "left", "leav"),
               "involved": tuple(sorted({n[:6] for n in GROUPS["attackers"]}))}
_PATTERN_NEEDS = [(name, pattern, _NEEDS.get(name) or (_HIT_NEEDS.pop(0) if name == "hit" else None),
                   ("wound",) if name == "hit" and not _HIT_NEEDS else _NEED_WORDS.get(name))
                  for name, pattern in _PATTERNS]
_HEADLINE_NEEDS = [(name, pattern, None, ("stable", "critical", "serious", "good", "fair") if name == "condition" else None)
                   for name, pattern in _HEADLINE]

_OBJECT_MEASURE = {"kill": "killed", "fata": "killed", "mort": "killed", "woun": "injured", "inju": "injured", "shot": "shot", "shoo": "shot",
                   "abdu": "kidnapped", "kidn": "kidnapped", "arre": "arrested", "clai": "killed"}


class _Original:
    """A match made on the lower-cased sentence, read back from the sentence as written."""

    __slots__ = ("m", "text")

    def __init__(self, m: re.Match, text: str):
        self.m, self.text = m, text

    def __getitem__(self, group: str) -> str | None:
        if self.m.group(group) is None:
            return None
        return self.text[self.m.start(group):self.m.end(group)]

    def group(self, group: int | str = 0) -> str | None:
        return self[group]

    def start(self, group: int | str = 0) -> int:
        return self.m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self.m.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.m.span(group)


@dataclass(slots=True)
class Figure:
    """One number in one sentence, with what it counts and where its words are."""

    measure: str
    group: str
    value: int
    start: int
    end: int
    qualifier: str | None = None
    wording: str | None = None      # the words of a vague or word-number amount, as written
    within: str | None = None       # the group of a total this figure is part of ("including ...")
    single: bool = False            # one person named by an indefinite noun ("a man"): may be summed
    pattern: str = ""


def group_of(noun: str) -> str:
    """The group a noun counts; a person named by age alone is one of the children under 18."""
    words = " ".join(noun.lower().split())
    age = re.match(r"(\d{1,3})[\s-]years?[\s-]old", words)
    if age:
        return "children" if int(age.group(1)) < 18 else "people"
    return _GROUP_OF.get(words, "people")


def _qualifier(text: str | None) -> str | None:
    return QUALIFIERS.get(" ".join(text.lower().split())) if text else None


def _figure(measure: str, noun: str | None, num: Number, start: int, end: int,
            qual: str | None = None, pattern: str = "", within: str | None = None,
            single: bool = False) -> Figure:
    wording = num.wording if num.wording and (num.vague or not num.wording[:1].isdigit()) \
        and num.wording.lower() not in ("a", "an", "another", "the", "this", "that", "his", "her", "their") else None
    qualifier = _qualifier(qual) or ("about" if num.vague else None)
    return Figure(measure, group_of(noun) if noun else "people", num.value, start, end, qualifier,
                  wording, within, single, pattern)


def _measure(verb: str) -> str:
    words = " ".join(verb.lower().split())
    if words.endswith(" condition"):
        return "shot" if re.search(r"serious|critical|grave", words) and "stable" not in words else "injured"
    if words.startswith(("suffered", "sustained", "received", "treated", "recovering", "nursing")):
        if "fatal" in words or "mortal" in words:
            return "killed"
        # "suffered a gunshot wound": hit, and may have died of it; "treated for wounds": hurt
        return "shot" if words.startswith(("suffered", "sustained", "received")) and \
            re.search(r"gunshot|gun\s+shot|bullet", words) else "injured"
    if words.startswith("suffering") or (_AT_HOSPITAL.search(words) and words not in _MEASURE_OF):
        return "shot"  # hit, fate not yet known: a victim taken to hospital may die there
    return _MEASURE_OF.get(words, "killed")


def _died_there(verb: str, low: str) -> bool:
    """"Taken to a hospital, where he died": the hospital is no injury."""
    return bool(_AT_HOSPITAL.search(verb.lower())) and bool(_DIED.search(low))


# "seven people, including the gunman, were killed": the one attacker among those counted
_THE_ATTACKER = re.compile(r"(?P<him>(?:the|a|an)\s+(?:[\w-]+\s+)?(?:gunman|gunwoman|shooter|suspect|attacker|"
                           r"assailant))(?![\w'’-])(?P<more>,?\s+and\s+)?", re.IGNORECASE)


def _inclusions(text: str, offset: int, measure: str, within: str, pattern: str) -> list[Figure]:
    """The part of a total given after "including": "54 bodies including one civilian"; the attacker
    ("including the shooter") is one of the attackers among them."""
    figs = []
    if him := _THE_ATTACKER.match(text):
        figs.append(Figure(measure, "attackers", 1, offset, offset + him.end("him"), within=within, pattern=pattern))
        if not him["more"]:
            return figs
        offset, text = offset + him.end(), text[him.end():]
    m = re.match(_NPS, text, re.IGNORECASE)
    figs += _noun_phrases(m.group(0), offset, measure, pattern) if m else []
    for f in figs:
        f.within, f.single = within, False
    return figs


# Every pattern needs one of these words; most sentences have none and are skipped at once.
_CUE = re.compile(r"kill|dead|die|death|fatal|shootings?\s+of|bod(?:y|ies)|corpse|slain|murder|execut|gunned|perish|lives|"
                  r"massacr|succumb|wound|injur|hurt|treated|hospital|medical\s+cent|trauma\s+cent|graz|shot|struck|hit\b|kidnap|abduct|hostage|"
                  r"seiz|missing|unaccounted|arrest|detain|custody|apprehend|charged|surviv|unhurt|unharm|"
                  r"rescued|casualt|toll|himself|herself|own\s+life|claim\w*\s+the\s+life|passed\s+away|strik|hitting|"
                  r"(?:double|uple)[\s-]+shooting|condition|" + "|".join(
                      sorted({n.split()[-1][:6] for n in GROUPS["attackers"]})))


# ``_CUE``'s plain words as a tree, then its few other alternatives ("shootings?\s+of"): the same test, faster
# than the words tried one by one at each position, or looked for one by one with ``in`` (``clean.Cue``).
_CUE_WORDS = Cue(_CUE)
_CUE_TREE = re.compile(alternation(_CUE_WORDS.words) + "|" + _CUE_WORDS.rest.pattern)


def _cue(low: str) -> bool:
    return _CUE_TREE.search(low) is not None


def find(sentence: str, headline: bool = False, low: str | None = None) -> list[Figure]:
    """Every figure in one sentence (or a title: ``headline``), in text order; each number span is used at most once.

    ``low`` is ``clean.lower(sentence)`` when the caller has it already."""
    found: list[Figure] = []
    low = lower(sentence) if low is None else low
    if not _cue(low) and not (headline and ("stable" in low or "critical" in low or "serious" in low)):
        return found
    taken: list[tuple[int, int]] = []
    hit_at: set[int] = set()  # where the count of "one of the three wounded ... died" starts

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(fig: Figure, span: tuple[int, int]) -> None:
        found.append(fig)
        taken.append(span)

    for name, pattern, need, words in (_HEADLINE_NEEDS + _PATTERN_NEEDS if headline else _PATTERN_NEEDS):
        if words is not None:
            for word in words:
                if word in low:
                    break
            else:
                continue
        if need is not None and not need.search(low):
            continue
        pos = 0
        while (raw := pattern.search(low, pos)) is not None:
            # an active verb ("his brother accidentally shot him") is given back: its object may follow
            pos = raw.end() if raw.end() > raw.start() else raw.start() + 1
            m = _Original(raw, sentence)
            if not free(m.start(), m.end()) and name not in ("count", "share", "one of"):
                continue
            before = len(found)
            if name == "deaths":
                listed = _deaths_of(sentence, low, m.end())
                if listed:
                    verb = " ".join(m["dverb"].lower().split())
                    measure = "injured" if m["nonfatal"] else "killed" if ("death" in verb or "fatal" in verb or not
                                                                          verb.startswith("shooting")) else "shot"
                    value, group, end = listed
                    add(Figure(measure, group, value, m.start(), end, pattern=name), (m.start(), end))
                continue
            if name == "ordinal":  # a fourth victim hit: four hit, the dead among them
                if m.start() == m.start("ord") and _DEFINITE_END.search(low, max(0, m.start() - 6), m.start()):
                    continue  # "the second victim" is one of those already met
                measure = "killed" if m["verb"] or _BUT_DIED.match(low, m.end()) else \
                    "shot" if m["fverb"] else _measure(m["hverb"])
                if measure not in ("killed", "shot", "injured"):
                    continue  # "an eighth person arrested"
                add(Figure(measure if measure == "killed" else "shot", group_of(m["noun"]),
                           _ORDINALS[m["ord"].lower()], m.start(), m.end(), wording=m["ord"], pattern=name),
                    m.span())
                continue
            if name == "negation":
                measure = _COUNT_NOUNS.get((m["cnoun"] or "").lower()) or _measure(m["verb"] or "")
                add(Figure(measure, group_of(m["noun"]) if m["noun"] else "people", 0, m.start(), m.end(),
                           pattern=name), m.span())
            elif name == "toll":
                num = parse(m["num"])
                if num:
                    add(_figure("killed", None, num, m.start(), m.end(), m["qual"], name), m.span())
            elif name in ("subject", "alone"):
                if m["bverb"]:  # "123 have died", "one is critically injured", "both were shot": a number alone
                    if _died_there(m["bverb"], low) or low.endswith(" of ", 0, m.start()):
                        continue  # "a mother of three is dead" is one
                    if name == "alone" and m["both"] and _measure(m["bverb"]) != "killed":
                        continue  # "both were shot": the two met before, counted there (and maybe dead)
                    num = parse(m["num"]) if name == "subject" else \
                        Number(2, m["both"]) if m["both"] else Number(1, m["one"])
                    if num and not (name == "subject" and _is_year(m["num"], num)) and \
                            not (num.value != 1 and m["aux2"].split()[0] == "is"):
                        fig = _figure(_measure(m["bverb"]), None, num, m.start(), m.end(),
                                      m["qual"] if name == "subject" else None, name)
                        for f in (_along_with([fig], sentence, low, m.end(), name) if "along with" in low else [fig]):
                            add(f, (f.start, f.end))
                    continue
                if m["pp"] and not _auxiliary(m["aux"]) and not _DEATH_VERB.fullmatch(m["verb"].lower()):
                    continue  # "a man in a car shot at them": only a passive verb (or "died") follows a place
                if (m["active"] is not None or (headline and _HEAD_OBJECT.match(low, m.end()))) and \
                        (not _auxiliary(m["aux"]) or _PERFECT.fullmatch(m["aux"])) and \
                        " ".join(m["verb"].lower().split()) in _TRANSITIVE:
                    pos = m.start("verb")  # "two men had shot him": active, they are the shooters
                    continue
                if _died_there(m["verb"], low) or low.endswith(" by ", 0, m.start("nps")) or \
                        low.endswith(_LABELS, 0, m.start("nps")):
                    continue  # (the agent of a passive is no subject: "a child shot by his father dies"; nor a unit)
                figs = _noun_phrases(m["nps"], m.start("nps"), _measure(m["verb"]), name)
                if not figs:
                    continue
                first = _AUX_VERB.search(m["aux"])
                if first and first.group().lower() in ("was", "is", "has") and any(f.value > 1 for f in figs):
                    continue  # "a man who killed two people at a store was shot": not the subject of "was"
                if first and first.group().lower() in ("were", "are", "have") and len(figs) == 1 and figs[0].value == 1 \
                        and m["nps"].split()[-1].lower() in _SINGULAR and not _COUNTED_ONE.match(m["nps"]) \
                        and not _AND_BEFORE.search(low, max(0, m.start("nps") - 40), m.start("nps")):
                    continue  # "four men on their way to visit a sick friend were shot": nor one with "were"
                after = _AFTER_INCLUDING.match(sentence, m.end())
                if not (m["incl"] or after):
                    figs = _together(figs, sentence)
                if len(figs) == 1 and (m["incl"] or after):
                    at = m.start("incl") if m["incl"] else after.end()
                    figs += _inclusions(m["incl"] or sentence[at:], at, figs[0].measure, figs[0].group, name)
                if "along with" in low:
                    figs = _along_with(figs, sentence, low, m.end(), name)
                pron = "he and " in low and _PRONOUN_AND.search(low, max(0, m.start("nps") - 30), m.start("nps"))
                if pron:  # "she and her son were both shot": the one the pronoun stands for too
                    same = next((f for f in figs if f.group == "people"), None)
                    if same:
                        same.value, same.start, same.single = same.value + 1, pron.start(), False
                    else:
                        figs.insert(0, Figure(figs[0].measure, "people", 1, pron.start(), pron.end(), pattern=name))
                _then_died(figs, low, m.end())
                if "who" in m["aux"].lower() and _WHO_DIED.match(low, m.end()):
                    for f in figs:  # "a boy who was shot twice during a pool party has died"
                        if f.measure in ("shot", "injured"):
                            f.measure = "killed"
                for f in figs:
                    add(f, (f.start, f.end))
                taken.append(m.span())
            elif name == "count":
                if not free(m.start("num"), m.end("num")):
                    continue
                num = parse(m["num"])
                if not num or _is_year(m["num"], num):
                    continue
                measure = _COUNT_NOUNS[m["cnoun"].lower()]
                noun = m["noun"] or (m["cnoun"] if m["cnoun"].lower() == "survivors" else None)
                fig = _figure(measure, noun if noun and noun.lower() not in ("bodies", "corpses") else None,
                              num, m.start(), m.end("cnoun"), m["qual"], name)
                add(fig, m.span())
                if m["incl"]:
                    for f in _inclusions(m["incl"], m.start("incl"), measure, fig.group, name):
                        add(f, (f.start, f.end))
            elif name == "object":
                if _NEARLY.search(low, max(0, m.start() - 8), m.start()):
                    continue  # "nearly killed his uncle": not dead (and the words do not say he was hit)
                verb = m["verb"].lower()
                measure = {"dead": "killed", "injured": "injured", "wounded": "injured"}.get(
                    (m["left"] or "").lower()) or _OBJECT_MEASURE.get(verb[:4], "killed")
                if (verb.startswith(("left", "leav")) and not m["left"]) or (m["poss"] and not m["nps"]):
                    continue  # "killed his 2 dogs": no person named
                if m["nps"] and low.startswith(("'s ", "’s "), m.end("nps")):
                    continue  # "killed a police officer's son": the son, not the officer
                if m["nps"]:
                    figs = _together(_noun_phrases(m["nps"], m.start("nps"), measure, name), sentence)
                    if figs:
                        figs[0].start = m.start()
                else:
                    num = parse(m["num"])
                    calibre = m["num"].isdigit() and len(m["num"]) > 2  # "a single shot 223"
                    figs = [_figure(measure, None, num, m.start(), m.end(), m["qual"], name)] \
                        if num and not _is_year(m["num"], num) and not calibre else []
                for f in figs:
                    add(f, (f.start, f.end))
                if figs:
                    taken.append(m.span())
                    _more_objects(sentence, low, m.end(), figs, add, taken.append, free)
            elif name == "one":
                if m["overb"] and _NEARLY.search(low, max(0, m.start() - 8), m.start()):
                    continue
                if m["noun"] and _PLURAL_AUX.match(m["oaux"]) and not _AND_BEFORE.search(low, max(0, m.start() - 40),
                                                                                         m.start()):
                    continue  # "the son of a deputy were shot": the deputy is no subject of "were"
                if m["noun"] and m["oactive"] is not None and not _auxiliary(m["oaux"]) and \
                        " ".join(m["verb"].lower().split()) in _TRANSITIVE:
                    if _SELF.match(m.text, m.end()):  # "a 16-year-old shot himself in the foot"
                        _shot_self(m, add)
                    pos = m.start("verb")
                elif m["hpron"] and any(f.measure in _HIT and f.start < m.start() for f in found):
                    continue  # "a student was treated after he was shot": the pronoun is that student
                elif not (m["verb"] and _died_there(m["verb"], low)):
                    _one(m, add)
                    _then_died(found[before:], low, m.end())
                    if m["onoun"] and len(found) > before:
                        _more_objects(sentence, low, m.end(), found[before:], add, taken.append, free)
            elif name == "share":
                if not free(m.start("num"), m.end("num")):
                    continue
                num = parse(m["num"])
                if num:
                    # "four people wounded, two of them already dead": the four were hit, the dead among them
                    hurt = [f for f in found if f.end <= m.start("num")]
                    if hurt and hurt[-1].measure == "injured" and hurt[-1].value > num.value and \
                            hurt[-1].end >= m.start() - 40:
                        hurt[-1].measure = "shot"
                    add(_figure("killed", None, num, m.start("num"), m.end(), None, name), (m.start("num"), m.end()))
            elif name == "hit":
                group = next(g for g in ("nps", "nps5", "nps2", "nps3", "nps4") if g in m.m.re.groupindex and m[g])
                if group in ("nps", "nps5") and not _GUN_CONTEXT.search(low[:m.start()] + low[m.end(group):]):
                    continue  # "a car struck a pedestrian": no gunfire
                nps, at = m[group], m.start(group)
                figs = _together(_noun_phrases(nps, at, "shot", name), sentence)
                for f in figs:
                    add(f, (f.start, f.end))
                if figs:
                    taken.append(m.span())
            elif name == "headline":
                measure = _HEAD_MEASURE.get(" ".join((m["verb"] or m["verb2"]).lower().split()), "killed")
                if m["ages"]:  # "Girls, 5 and 8, shot": one person per age
                    ages = re.findall(r"\d+", m["ages"])
                    young = max(int(x) for x in ages) < 18 and group_of(m["noun"]) == "people"
                    fig = _figure(measure, m["noun"], Number(len(ages), ""), m.start(), m.end(), None, name)
                    fig.group = "children" if young else fig.group
                    add(fig, m.span())
                elif (num := parse(m["num"])) and not _is_year(m["num"], num):
                    add(_figure(measure, None, num, m.start(), m.end(), m["qual"], name), m.span())
            elif name == "one of":  # the count itself is read by the other patterns
                part, num = parse(m["part"]), parse(m["num"])
                if part and num and part.value < num.value and not num.vague and \
                        not _WHO_VERB.search(low, m.start("num"), m.end()):  # "two of the four victims died"
                    add(_figure("killed", None, part, m.start(), m.end(), pattern=name), (m.start(), m.start("num")))
                    hit_at.add(m.start("num"))
            elif name == "multiple":
                add(Figure("shot", "people", _MULTIPLE[m["mult"].lower()], m.start(), m.end(), wording=m["mult"],
                           pattern=name), m.span())
            elif name == "condition":
                num = parse(m["num"]) if m["num"] else Number(1, "")
                if num and not (m["num"] and _is_year(m["num"], num)):
                    measure = "injured" if m["cond"].lower() in ("stable", "good", "fair") else "shot"
                    add(_figure(measure, m["one"], num, m.start(), m.end(), None, name), m.span())
            elif name == "involved":
                num = parse(m["num"])
                if num and not _is_year(m["num"], num):
                    add(_figure("involved", m["noun"], num, m.start(), m.end(), m["qual"], name), m.span())
    if not headline and _NAMED_CUE.search(low) and (_TWO_CAPITALS.search(sentence) or _SURNAME_DIED.search(sentence)):
        for m in [*_NAMED.finditer(sentence), *_SURNAME_DIED.finditer(sentence)]:
            if not free(m.start("names"), m.end("names")) or _LIST_BEFORE.search(sentence, 0, m.start("names")):
                continue  # the end of a list we did not read whole ("mother Kimberly Lee, 49,"): a part of it
            if m.re is _SURNAME_DIED and _CAPITAL_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # the last word of a longer name: "shot in Marlow Creek has died"
            names = people_named(m["names"])
            if not names:
                continue  # "Police Chief", "County Sheriff": an office, not a victim
            ages = [int(x) for pair in re.findall(r",\s*(\d{1,2})\b|(\d{1,2})-year-old", m["names"]) for x in pair if x]
            verb = " ".join((m.groupdict().get("verb") or m.groupdict().get("wverb") or m["dverb"]
                             or m.groupdict().get("rverb")).lower().split())
            group = None
            if m.groupdict().get("rverb"):
                if m["waux"] == "was" and len(names) > 1:
                    continue  # "Ysolde Caddock and Orrin Thistlewood, who was shot": the last one only, not told apart
                if _NAME_WHO_DIED.match(sentence, m.end()):
                    verb = "killed"  # "Orrin Thistlewood, who was wounded last week, died Sunday"
                elif _NAME_WHO_ATTACKER.match(sentence, m.end()):
                    group = "attackers"  # "Corvin Loriot, who was shot dead by a trooper, was the gunman"
            if group is None:
                group = "children" if ages and len(ages) == len(names) and max(ages) < 18 else "people"
            add(Figure(_measure(verb), group, len(names), m.start("names"), m.end("names"), pattern="named"),
                (m.start("names"), m.end("names")))
    if not headline and ("killing " in low or "lly wounding" in low or "lly shooting" in low or "lly injuring" in low):
        for m in _NAMED_OBJECT.finditer(sentence):  # "a stray round struck the bus, mortally wounding Okafor"
            if free(m.start(), m.end()) and not m["names"].endswith(("'s", "’s")) and people_named(m["names"]):
                verb = m["verb"].lower()
                measure = "killed" if verb.startswith(("killing", "fatally", "mortally")) else \
                    "injured" if "wound" in verb or "injur" in verb else "shot"
                add(Figure(measure, "people", len(people_named(m["names"])), m.start(), m.end(), pattern="named"),
                    m.span())
    if any(f.pattern == "multiple" for f in found) and any(f.measure in ("shot", "injured") and
                                                          f.pattern != "multiple" for f in found):
        # "a double shooting that wounded a man and his son": the people listed, each in his own group
        found = [f for f in found if f.pattern != "multiple"]
    for f in found:
        if f.measure == "survivors" and _SURVIVED_BUT.match(low, f.end):
            f.measure = "injured"  # "the two others survived but were wounded"
        elif f.measure in ("injured", "killed") and f.start in hit_at:
            f.measure = "shot"  # "one of the three wounded has died": three hit, one of them dead
    found.sort(key=lambda f: (f.start, f.end))
    if any(f.measure == "shot" for f in found) and _SURVIVED.search(low) and not _DIED.search(low):
        # "was hit in the arm as well and is expected to recover", "the twins, both grazed, are in good
        # condition"
        for f in found:  # not "four were shot, three are in stable condition": a share of them
            if f.measure == "shot" and f.group != "attackers" and f.pattern != "ordinal" and \
                    (f.value == 1 or not _A_SHARE.search(low, f.end)):  # ("a fourth was hit" counts the dead too)
                f.measure = "injured"
    if "call" in low or "report" in low:
        for f in found:  # "deputies answered a call about a wounded child": hit, his fate not yet known
            if f.measure == "injured" and _CALL_BEFORE.search(low, max(0, f.start - 60), f.start):
                f.measure = "shot"
    if not headline and ("die" in low or "succumb" in low or "pronounced" in low):
        for f in found:  # "a boy shot at a park on Friday has died": the one hit died (as "who was shot ... died")
            if f.pattern == "subject" and f.measure in ("shot", "injured") and f.start not in hit_at and \
                    not _OF_THE.search(low, max(0, f.start - 12), f.start) and \
                    (m := _REDUCED.match(low, f.end)) and _WHO_DIED.match(low, m.end()):
                f.measure = "killed"
    if headline and "die" in low:
        for f in list(found):  # "Teen wounded at skate park dies": those hit, and they died
            if f.measure in ("shot", "injured") and f.start not in hit_at and _HEAD_DIES.match(low, f.end):
                f.measure = "shot"
                found.append(Figure("killed", f.group, f.value, f.start, f.end, f.qualifier, f.wording,
                                    pattern=f.pattern))
        found.sort(key=lambda f: (f.start, f.end))
    if not headline and len(found) > 1:
        _shot_besides_the_dead(found, low)
    if "k9" in low or "k-9" in low or "canine" in low:  # "the K-9 officer was grazed": the police dog
        found = [f for f in found if not (f.group == "police" and _DOG.search(low, max(0, f.start - 12), f.end))]
    return _one_self(found)


# A police dog named by its rank, as departments do: "a K-9 officer", "their canine partner"; no person
_DOG = re.compile(r"\b(?:k-?9|canine)\s+(?:officers?|deputy|deputies|partners?|units?|cops?)\b")


# Others than the dead, met after them: "two boys were killed and a teenage girl was shot", "a man died
# and three others were shot"
_OTHERS_FIRST = re.compile(r"(?:(?:shot|shooting|shoots|hitting|striking|struck|sent)\s+)?"
                           r"(?:an?|another|\d+|his|her|their|%s)\b"
                           r"|.*\bothers?\b" % "|".join(SMALL))
_AND_BETWEEN = re.compile(r"[^.;:]{0,80}?(?:,?\s+and\s+|,?\s+while\s+)(?!(?:was|were|is|are|had|has|have|then)\b)"
                          r"(?:(?:sent|left|leaving|sending)\s+)?")


def _shot_besides_the_dead(found: list[Figure], low: str) -> None:
    """A count of people hit, met after a count of the dead in its own clause ("X were killed and Y were
    shot"), names others than the dead: the writer tells the dead apart, so those hit lived (hurt)."""
    for i, f in enumerate(found):
        if f.measure != "shot" or f.pattern not in ("subject", "one", "object", "hit") or f.group == "attackers" or \
                not _OTHERS_FIRST.match(low, f.start):
            continue
        dead = [k for k in found[:i] if k.measure == "killed" and k.group != "attackers" and k.within is None
                and k.end <= f.start]
        if dead and _AND_BETWEEN.fullmatch(low, dead[-1].end, f.start):
            f.measure = "injured"


# A sentence that says all the people just counted died: "Both later died.", "All three died of their wounds."
_ALL_DIED = re.compile(
    r"(?:both(?:\s+(?:victims|men|women|boys|girls|of\s+them))?|all\s+(?P<all>%s|\d+)(?:\s+(?:victims|of\s+them))?|"
    r"they(?:\s+both|\s+all)?)\s+(?:(?:later|eventually|subsequently|have\s+since|had|have|also)\s+)*"
    r"(?:died|succumbed|were\s+(?:later\s+)?pronounced\s+dead)\b" % "|".join(SMALL[1:]))


def all_died(before: list[Figure], low: str) -> None:
    """The people hit in the sentence before ("a woman and a girl were gravely hurt") died when this one
    (lower-cased) says all of them did ("Both later died."): their figures become deaths."""
    m = _ALL_DIED.match(low)
    hit = [f for f in before if f.measure in ("shot", "injured") and f.group != "attackers" and f.within is None]
    if not m or not hit:
        return
    count = sum(f.value for f in hit)
    told = 2 if low.startswith("both") else parse(m["all"]).value if m["all"] else None
    if (told is not None and count != told) or count < 2:
        return
    for f in hit:
        f.measure = "killed"


# the end of a list read in part: "she and her son were", "Tove and her mother were"
_AND_BEFORE = re.compile(r"\band\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+)?$")
_PLURAL_AUX = re.compile(r"\s+(?:were|are|have)\b")
# "two of the five hikers who died": the clause tells the death of all five
_WHO_VERB = re.compile(r"\b(?:who|that)\s+(?:had\s+|have\s+|has\s+|later\s+)*(?:dies|died|succumbed)\b")
_COUNTED_ONE = re.compile(r"(?:one|1|a\s+single)\b", re.IGNORECASE)
# The main verb after a relative clause of one hit: "a man who was shot twice died at the hospital" (not
# "... said her brother died", "... and his son died")
_WHO_DIED = re.compile(r"(?:(?!\b(?:said|says|told|and|but|while|when|after|because|that|whose|as|before|his|her|"
                       r"their|its)\b)[^.;,])*?\s(?:has\s+|had\s+|later\s+)?(?:died|dies|succumbed|was\s+pronounced\s+dead)\b")
# A reduced relative clause after one hit, where a place, a time or a manner follows the participle ("a man
# shot Friday night", "a teen wounded at a party"), not an object ("a man shot his wife"): its subject's own
_REDUCED = re.compile(r"\s+(?:shot|wounded|injured|hit|struck)(?:\s+(?:multiple\s+times|several\s+times|twice|once))?"
                      r"(?=\s+(?:at|in|on|near|outside|inside|during|while|by|early|late|last|this|overnight|earlier|"
                      r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b)")
_OF_THE = re.compile(r"\bof\s+(?:the|those)\s+$")  # "two of the five men shot ... had died": a share died
_CALL_BEFORE = re.compile(r"\b(?:call|calls|report|reports)\s+(?:of|about)\b[^.;]{0,40}$")
# A headline's main verb after the reduced clause of one hit ("Teen shot outside Elm Park rink dies"), with no
# new subject between ("Man shot; wife dies", "Man wounded, another dies", "Man shot as son dies")
_HEAD_DIES = re.compile(r"(?:(?!\b(?:and|but|as|another|while|other|second|third)\b)[^,;:|.!?])*?\b(?:dies|has\s+died|died|succumbs)\b")


_HIT = ("shot", "injured", "killed")

# Victims named: "Ines Partridge, 23, was shot", "Tobias Wren and Milo Verhoeven were also struck by
# bullets", "Dara Quinn, 31, died".  Matched on the sentence as written (names are capitalised),
# passive or "died" only ("John Smith shot his wife" names the shooter); never in a title, where every
# word is capitalised.
_NAME_WORD = r"(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}(?:,?\s+(?:Jr|Sr|II|III)\.?)?"
_NAME = re.compile(NAME)
# One person in a list of names: "Ines Partridge, 23", "19-year-old Milo Verhoeven", "Dara Quinn of Elm
# Creek" (where the person is from)
_FROM = r"(?:,?\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?=[,;]|\s+(?:and|was|were|died)\b|$))"
# and who the person is, between commas: "Dara Quinn, a 67-year-old retired teacher, died"
_WHO_IS = r"(?:,\s+an?\s+(?!(?:few|number|lot|total|couple)\b)(?:(?!\band\b)[^,;()]){1,50}?(?=,))"
# A capitalised phrase after a preposition is a place: "shot in Fenwick Hollow has died", "a girl from Fenwick Hollow"
_NOT_AFTER = r"(?<!\bin\s)(?<!\bat\s)(?<!\bof\s)(?<!\bfrom\s)(?<!\bnear\s)(?<!\bto\s)"
_LY = r"(?!fatally|mortally)\w+ly"  # an adverb, not one that makes "shot" a death ("was fatally shot")
_PERSON = rf"(?:\d{{1,2}}-year-old\s+)?{NAME}(?:,\s*\d{{1,2}}(?=[,;]|\s+and\b))?{_FROM}?{_WHO_IS}?"
# names joined by commas, or by semicolons when each has its age ("Ada Voss, 19; Eli Marsh, 22; and Ann
# Lee, 40"), and the comma that closes the last one's age
_PERSONS = rf"{_PERSON}(?:[,;]\s+(?!and\b){_PERSON})*(?:[,;]?\s+and\s+{_PERSON})?,?"
_NAMED = re.compile(
    rf"(?<![\w,]){_NOT_AFTER}(?P<names>{_PERSONS})"
    rf"(?:\s+(?:were|was|had\s+been|has\s+been|have\s+been)(?:\s+(?:also|both|all|later|then|{_LY}))*\s+"
    rf"(?P<verb>{_VERB})\b|\s+(?:later\s+)?(?P<dverb>died|was\s+pronounced\s+dead|succumbed)"
    # "Orrin Thistlewood, who was shot outside a bar last month, died Sunday": the clause tells the hit (and
    # ``_NAME_WHO_DIED`` the death after it)
    rf"|\s+who\s+(?P<waux>was|were|had\s+been|has\s+been|have\s+been)(?:\s+(?:also|both|all|{_LY}))*\s+"
    rf"(?P<rverb>{_VERB})\b"
    # "Ada Voss, 19, and Eli Marsh both sustained leg wounds"
    rf"|\s+(?:also\s+|all\s+|both\s+)?(?P<wverb>(?:suffered|sustained)\s+(?:an?\s+|multiple\s+|several\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:wounds?|injuries|injury)))")
# A victim named after an active verb in -ing: "opened fire, killing Ada Voss", "mortally wounding Okafor"
_NAMED_OBJECT = re.compile(
    rf"\b(?P<verb>killing|(?:fatally|mortally|critically|seriously)\s+(?:wounding|shooting|injuring))\s+"
    rf"(?P<names>{NAME}|{_NAME_WORD})\b(?!['’]s\b)")
_NAMES = re.compile(_PERSONS)
# The main verb after a named victim's relative clause, past the comma that closes it (a date's year or a
# clock time inside it does not close it): "..., who was shot on May 3, 2019, near Wrenfield pier, died Sunday"
_CLAUSE_REST = r"(?:[^.;,]|[ap]\.m\.|,\s*(?=(?:19|20)\d\d\b)|(?<=\d{4}),)*?,\s+"
_NAME_WHO_DIED = re.compile(_CLAUSE_REST + r"(?:(?:later|then|has|had|since|also|eventually)\s+)*"
                            r"(?:died|dies|succumbed|was\s+pronounced\s+dead|passed\s+away)\b", re.IGNORECASE)
# ... or one that makes the person the attacker: "..., who was shot dead by a trooper, was the gunman"
_NAME_WHO_ATTACKER = re.compile(_CLAUSE_REST + r"(?:was|is)\s+(?:(?:identified|named|described)\s+as\s+|"
                                r"believed\s+to\s+(?:be|have\s+been)\s+)?" + _THE_ATTACKER.pattern, re.IGNORECASE)
_FROM_RE, _WHO_IS_RE = re.compile(_FROM), re.compile(_WHO_IS)


# A surname alone, for a death only: "Okafor was pronounced dead at the scene".
# ("Thistlewood, who was shot on Quarry Lane last week, died Sunday": with the clause between, when a death follows)
_SURNAME_DIED = re.compile(rf"(?<![\w'’-]){_NOT_AFTER}(?P<names>{_NAME_WORD})"
                           rf"(?:\s+(?:later\s+|also\s+|has\s+|has\s+since\s+)?"
                           rf"(?P<dverb>died|was\s+pronounced\s+dead|succumbed|passed\s+away)\b"
                           rf"|,\s+who\s+(?P<waux>was|had\s+been|has\s+been)(?:\s+{_LY})*\s+(?P<rverb>{_VERB})\b"
                           rf"(?={_NAME_WHO_DIED.pattern}))")
_CAPITAL_BEFORE = re.compile(r"\b(?!(?:Officer|Deputy|Trooper|Agent|Sgt|Sergeant|Lt|Cpl|Capt|Det|Detective|Dr|Mr|Mrs|"
                             r"Ms|Miss)\b)[A-Z][\w'’.-]*(?<!-old)\s+$")  # (not "Three-year-old Ada died")
_NOT_SURNAME = set("""He She They It We You I Nobody None No Everyone Everybody Someone Somebody Anyone All Both
Many Some Several Most Few Others Another Each Neither Either One Two Three Four Five Six Seven Eight Nine Ten
Hundreds Thousands Dozens Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Officers Authorities Doctors Victims People Police
The This That These Those Who Which What Later Then On In At After Before When While Last Since During And
But Early Late Officer Deputy""".split())


def people_named(text: str) -> list[str]:
    """The surnames of a list of people's names ("Dara Quinn, 31, and Milo Verhoeven"), or [] when the
    text is not one (an office such as "Police Chief", a place, a group noun)."""
    return [words[-1] for words in full_names(text)]


def full_names(text: str) -> list[list[str]]:
    """The words of each name in a list of people's names (["Tamsin", "Penhallow"]; one word for a name
    told alone), or [] when the text is not one (see ``people_named``)."""
    word = text.strip()
    if re.fullmatch(_NAME_WORD, word):  # a surname alone
        bad = word in _NOT_SURNAME or _NOT_NAME.fullmatch(word) or _INSTITUTION.fullmatch(word)
        return [] if bad else [[word]]
    if not _NAMES.fullmatch(word):
        return []
    out = []
    for name in _NAME.findall(_WHO_IS_RE.sub(",", _FROM_RE.sub(",", text))):  # the names without who or whence
        words = [w for w in name.replace(",", " ").split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
        if any(_NOT_NAME.fullmatch(w) or w in _NOT_SURNAME for w in words[:-1]) or \
                _INSTITUTION.fullmatch(words[-1]) or words[-1] in _NOT_SURNAME:
            return []
        out.append(words)
    return out


_LIST_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\band\s+)(?:(?!and\b)[a-z0-9][\w.'’-]*\s+){1,2}$")
_TWO_CAPITALS = re.compile(r"[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?(?:Mc|O['’])?[A-Z][a-z]")
_NAMED_CUE = re.compile(r"\b(?:were|was|been)\b|died|pronounced|succumbed|suffered|sustained")
# Words that make a capitalised phrase an office, place or organisation rather than a person (checked
# on every word but the last, which may be a surname such as West or Hill), and last words that do.
_INSTITUTION = re.compile(r"Police|Sheriff|County|City|Street|Avenue|Road|Department|Office|Hospital|Center|"
                          r"Centre|School|College|University|Court|Park|Church|Club|Bar|Grill|Restaurant|"
                          r"Station|Patrol|Bureau|News|Apartments|Township|Village|Jail|Prison")
_NOT_NAME = re.compile(
    r"(?:Police|Sheriff|County|City|Street|Avenue|Road|Department|Office|Officer|Chief|Sgt|Lt|Capt|Det|"
    r"Deputy|Detective|Sergeant|Lieutenant|Captain|Mayor|Governor|Judge|State|University|College|School|"
    r"Hospital|Center|Centre|Medical|News|Park|High|North|South|East|West|New|Fort|Saint|St|Mount|Lake|"
    r"Coroner|Attorney|District|Court|Agent|Trooper|Patrol|Highway|Church|Club|Bar|Grill|Restaurant|Inn|"
    r"Hotel|Apartments|Mall|Store|Market|Station|Airport|Beach|Valley|Heights|Township|Village|Jail|"
    r"Prison|Bureau|Federal|National|United|American|Army|Navy|Marine|Air|Force|"
    + "|".join(w.title() for w in sorted(_GROUP_OF, key=len, reverse=True) if " " not in w) + ")")


def _one_self(found: list[Figure]) -> list[Figure]:
    """"A 4-year-old was hurt after shooting himself": the one who shot himself (no noun of his own)
    is the person the sentence already counts as its subject, not a second one."""
    subjects = [f for f in found if f.value == 1 and f.measure in _HIT and f.pattern in ("subject", "one")]
    return [f for f in found if not (f.pattern == "self" and f.measure in _HIT and f.start >= 0 and
                                     any(s.start < f.start and s is not f for s in subjects))]


# Counts summed over several incidents (a roundup): "in weekend shootings across Chicago", "in three
# separate shootings".  A spree ("a string of shootings across the neighbourhood") is one incident.
_SEVERAL = re.compile(
    r"\bshootings\s+(?:across|around|throughout)\b|\b(?:weekend|citywide)\s+shootings\b|"
    r"\b(?:separate|unrelated|different)\s+(?:(?!and\b|or\b)[a-z-]+\s+)?(?:shootings|incidents|shooting\s+incidents|attacks)\b|"
    r"\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:overnight\s+|weekend\s+)?"
    r"(?:shootings|shooting\s+incidents)\b|\bacross\s+the\s+city\b|\bcity-?wide\b")
# Cues for one sentence's counts only (a title with them may still lead a report of one of the
# incidents): "two Friday night shootings", "in a grim two-hour span", "among 8 people shot, two
# fatally, between Monday evening and early Tuesday".
_DAY = r"(?:late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SEVERAL_HERE = [  # each with a word it cannot match without, to skip it at once on most sentences
    ("shooting", re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:(?!the\b|of\b)[a-z]+\s+){0,2}?"
                            r"(?:shootings|shooting\s+incidents)\b")),
    ("-", re.compile(r"\b(?:\d+|[a-z]+)-(?:hour|day)\s+(?:span|period|stretch)\b")),
    ("day", re.compile(rf"\bbetween\s+{_DAY}\b[^.;]{{0,30}}?\band\s+{_DAY}\b|"
                       rf"\bfrom\s+{_DAY}\b[^.;]{{0,30}}?\b(?:to|until|through)\s+{_DAY}\b")),
]
_SPREE = re.compile(r"\b(?:string|spree|series|rampage)\b")
# A title's words for a span of time's or a city's shootings, not one place's: "in overnight shootings",
# "in Sunday shootings", "shootings Tuesday", "in city shootings" (not "Fenmoor City shootings"), "shootings on South,
# West sides", "a violent weekend", "the deadliest night of the year", "weekend violence".  (A place's "Wrenfield Park
# shootings" may be one gunman's several victims; "an overnight shooting" is one.)
_ROUNDUP_TITLE = re.compile(
    rf"\b(?:overnight|weekend|holiday|(?<=in\s)city|(?<=as\s)city|(?<=of\s)city|{_DAY}(?:\s+night)?)\s+shootings\b"
    rf"|\bshootings\s+(?:(?:on|this|last|early|late)\s+)?{_DAY}\b"
    r"|\b(?:north|south|east|west)(?:,?\s+(?:and\s+)?(?:north|south|east|west))*\s+sides\b"
    r"|\b(?:violent|deadly|deadliest|bloody|bloodiest)\s+(?:night|weekend|day|week|holiday|stretch|span)\b"
    r"(?!\s+(?:[\w-]+\s+)?(?:shooting|attack|incident|stabbing|crash|fire)\b)"  # (not "a deadly weekend shooting")
    r"|\b(?:weekend|overnight|holiday)\s+(?:of\s+)?(?:gun\s+)?violence\b")


def several(low: str, article: bool = False) -> str | None:
    """The words saying a (lower-cased) sentence's counts add up several incidents, or None;
    ``article``: the title's words saying the whole report is a roundup."""
    m = _SEVERAL.search(low)
    if m is None and article:
        m = _ROUNDUP_TITLE.search(low)
    if m is None and not article:
        m = next((found for word, cue in _SEVERAL_HERE if word in low and (found := cue.search(low))), None)
    return None if m is None or _SPREE.search(low) else "several incidents: " + m.group(0)


def _noun_phrases(text: str, offset: int, measure: str, pattern: str) -> list[Figure]:
    """The counted noun phrases of "53 soldiers and a civilian"; one indefinite person alone is ``single``."""
    figs = []
    for np in NP_RE.finditer(text):
        if np["num"]:
            num = parse(np["num"])
            if np["num"].lower() == "both" and np["noun"].lower() in _SINGULAR:
                # "both officer and suspect": one each, the list that follows says who
                figs.append(_figure(measure, np["noun"], Number(1, ""), offset + np.start("noun"), offset + np.end(),
                                    None, pattern))
                continue
            if num and not _is_year(np["num"], num):
                figs.append(_figure(measure, np["noun"], num, offset + np.start(), offset + np.end(),
                                    np["qual"], pattern))
        else:
            figs.append(_figure(measure, np["one"] or np["bare"], Number(1, ""), offset + np.start(),
                                offset + np.end(), None, pattern))
    if len(figs) == 1 and figs[0].wording is None and figs[0].value == 1 and not text[:1].isdigit():
        figs[0].single = text.split()[0].lower() in ("a", "an", "another")
    return figs


# "Three guards were hurt along with a driver": the people after it were hit as well
_ALONG_WITH = re.compile(r"(?:\s+(?:in|on|at|near|inside|outside)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?,?\s+along\s+with\s+")


_OWN_CLAUSE = re.compile(r",?\s+(?:who|that|which|whose)\b")


def _along_with(figs: list[Figure], sentence: str, low: str, end: int, pattern: str) -> list[Figure]:
    """``figs`` with the people named after "along with" added, each to its own group."""
    m = _ALONG_WITH.match(low, end)
    nps = re.match(_NPS, low[m.end():]) if m else None
    if not (m and nps and figs) or _OWN_CLAUSE.match(low, m.end() + nps.end()):
        return figs  # "along with two drivers who were never found": a clause of their own says their fate
    for f in _noun_phrases(sentence[m.end():m.end() + nps.end()], m.end(), figs[0].measure, pattern):
        same = next((o for o in figs if o.group == f.group and not o.within), None)
        if same:
            same.value, same.end, same.single = same.value + f.value, f.end, False
        else:
            figs.append(f)
    return figs


def _together(figs: list[Figure], sentence: str) -> list[Figure]:
    """One figure per group for a list of noun phrases: "a man, woman and 6-year-old boy" → 2 people, 1 child.

    Only phrases the list joins ("," or "and") add up: "an adult female" is one person; a count of
    victims that the list after it spells out is that count ("three victims, a man, a woman and a boy")."""
    if len(figs) > 2 and figs[0].value > 1 and not figs[0].within and \
            sentence[figs[0].start:figs[0].end].split()[-1].lower() in _GENERIC and \
            re.fullmatch(r"\s*,\s*", sentence[figs[0].end:figs[1].start]) and \
            sum(f.value for f in figs[1:]) == figs[0].value:
        return figs[:1]
    out: list[Figure] = []
    for f in figs:
        if out and f.value == out[-1].value == 1 and not (f.wording or out[-1].wording) and \
                _ONE_PHRASE.fullmatch(sentence[out[-1].end:f.start]):
            out[-1].end = f.end  # "a 17-year-old motel resident", "teen driver": one person
            continue
        same = next((o for o in out if o.group == f.group), None)
        # a vague amount adds up with nothing; numbers in words do ("two men and a woman": 3)
        if same is None or _vague(f) or _vague(same) or f.within or same.within or \
                not _JOINED.fullmatch(sentence[out[-1].end:f.start]):
            out.append(f)
            continue
        same.value += f.value
        same.end, same.single, same.qualifier = f.end, False, same.qualifier or f.qualifier
        same.wording = None  # (the words of the sum are the span's)
    return out


def _vague(f: Figure) -> bool:
    return f.wording is not None and f.qualifier == "about" and bool(re.match(_VAGUE_WORDS, f.wording.lower()))


_VAGUE_WORDS = r"(?:tens|dozens|scores|hundreds|thousands|a\s+dozen|a\s+handful|a\s+couple)\b"


_GENERIC = {"people", "persons", "victims", "others", "individuals"}
_JOINED = re.compile(r"\s*(?:,|,?\s*(?:and|&))\s*")
_ONE_PHRASE = re.compile(r"\s+(?:(?!(?:and|or|with|to|of)\b)[\w'’.-]+\s+){0,2}|\s+")


def _one(m: re.Match, add) -> None:
    """One person: "a man was shot", "he died", "shot and killed a woman", "killed himself"."""
    if m["noun"]:
        det = m["det"].lower()
        indefinite = det not in ("the", "this", "that", "his", "her", "their")
        add(_figure(_measure(m["verb"]), m["noun"], Number(1, m["det"]), m.start(), m.end(),
                    pattern="one", single=indefinite), m.span())
    elif m["pron"]:
        add(Figure("killed", "people", 1, m.start(), m.end(), pattern="one"), m.span())
    elif m["hpron"]:
        verb = " ".join(m["hpverb"].lower().split())
        add(Figure("shot" if verb.startswith(("hit", "struck")) else _measure(verb), "people", 1, m.start(), m.end(),
                   pattern="one"), m.span())
    elif m["onoun"]:
        verb = " ".join(m["overb"].lower().split())
        measure = "killed" if verb.startswith(("shot and", "shooting and", "fatally", "kill")) else \
            "injured" if verb.startswith(("wound", "injur", "stab")) else "shot"
        if re.match(r"\s+to\s+death\b", m.text[m.end():]):  # "stabbed his wife to death"
            measure = "killed"
        add(_figure(measure, m["onoun"], Number(1, m["odet"]), m.start(), m.end(), pattern="object",
                    single=m["odet"].lower() in ("a", "an")),
            m.span())
    else:  # a perpetrator's own death or wound: counted apart from the victims, unless an accident
        verb = (m["selfverb"] or "killed").lower()
        measure = "killed" if verb.startswith(("kill", "fatally")) or m["self2"] or \
            (verb.startswith("sho") and _suicide(lower(m.text))) else "injured" if verb.startswith("wound") else "shot"
        group = "people" if measure != "killed" and "accident" in lower(m.text) else "attackers"
        end = m.end("self") if m["snoun"] else m.end()
        add(Figure(measure, group, 1, m.start(), end, pattern="self"), (m.start(), end))
        if m["snoun"]:
            add(_figure(_OBJECT_MEASURE.get(verb[:4], "shot"), m["snoun"], Number(1, ""), m.start("snoun"), m.end(),
                        pattern="object"), (m.start("snoun"), m.end()))


_SELF = re.compile(r"\s*(?:himself|herself)\b", re.IGNORECASE)

# "a murder-suicide", "then took his own life in an apparent suicide": the one who shot himself died
# (not "an attempted suicide", "a suicide attempt", "suicide watch")
_SUICIDE = re.compile(r"\bsuicide\b(?!\s+(?:attempt|watch|threat|note|prevention|hotline|risk)s?\b)")
_NOT_SUICIDE = re.compile(r"\b(?:attempted|attempt\s+(?:at|to\s+commit)|failed|tried\s+to\s+commit|not|n['’]t|no)"
                          r"\s+(?:an?\s+)?suicide\b|\bruled\s+out\s+(?:a\s+)?suicide\b")


def _suicide(low: str) -> bool:
    return "suicide" in low and bool(_SUICIDE.search(low)) and not _NOT_SUICIDE.search(low)


# More people after the object of a verb, each with an article, a possessive or nothing: "killed his
# girlfriend and her daughter", "kills wife, her nephew, himself", "shot his wife, then himself".
_MORE = re.compile(r"(?:\s*,\s*(?:and\s+)?|,?\s+(?:and|&)\s+)(?:then\s+)?|\s+then\s+")
# ... not the subject of a clause of its own: "shot his wife and her son was wounded", "and his son survived"
_OWN_VERB = (r"(?!\s+(?:was|were|is|are|has|had|have|survived|escaped|fled|ran|remains?|remained|suffered|"
             r"died|told|said|called|managed|hid|got|jumped|returned|tried|heard|saw)\b)")
_MORE_NP = re.compile(rf"(?:(?:his|her|their)\s+{_MOD})?(?P<np>{NP})(?!['’]){_OWN_VERB}")
_MORE_SELF = re.compile(r"(?:himself|herself|self)(?![\w-])")
# ... or kin in the plural with no number, among the dead: "killed his wife and children".  Plural means two
# or more, so a careful coder records at least two, never an exact count (the parents are two).  ("Shot his
# wife and children" leaves their fate open: no count, lest the shot less the dead read as wounded.)
_KIN_PLURAL = ("children", "kids", "sons", "daughters", "stepchildren", "grandchildren", "brothers", "sisters",
               "parents", "grandparents")
_MORE_PLURAL = re.compile(r"(?:(?:his|her|their)\s+)?(?:(?:young|little|teenage|adult|own)\s+)?"
                          rf"(?P<noun>{'|'.join(_KIN_PLURAL)})(?![\w'’-]){_OWN_VERB}")


def _more_objects(sentence: str, low: str, end: int, figs: list[Figure], add, take, free) -> None:
    """The people listed after the object just read (``figs``, ending at ``end``), with the measure of
    its verb, added to its figures; the shooter himself ("kills his son, then himself") counts with
    the attackers."""
    measure = figs[0].measure
    while (sep := _MORE.match(low, end)) and sep.end() > end:
        at = sep.end()
        if m := _MORE_SELF.match(low, at):
            own = measure if measure != "shot" or not _suicide(low) else "killed"
            if free(at, m.end()):
                add(Figure(own, "attackers", 1, at, m.end(), pattern="self"), (at, m.end()))
            return
        m = _MORE_NP.match(low, at)
        if not m and measure == "killed" and (kin := _MORE_PLURAL.match(low, at)) and free(at, kin.end()):
            noun, group = kin["noun"], group_of(kin["noun"])
            least = None if noun.endswith("parents") else "at least"
            same = next((o for o in figs if o.group == group and not o.within), None)
            if same:
                same.value, same.end, same.single, same.qualifier = same.value + 2, kin.end(), False, least
                take((at, kin.end()))
            else:
                figs.append(Figure(measure, group, 2, at, kin.end(), least, pattern="object"))
                add(figs[-1], (at, kin.end()))
            end = kin.end()
            continue
        if not m or not free(at, m.end()):
            return
        more = _noun_phrases(sentence[m.start("np"):m.end("np")], m.start("np"), measure, "object")
        if len(more) != 1:
            return
        f = more[0]
        same = next((o for o in figs if o.group == f.group and not o.within), None)
        if same:
            same.value, same.end, same.single = same.value + f.value, m.end(), False
            take((at, m.end()))
        else:
            f.start, f.single = at, False
            figs.append(f)
            add(f, (at, m.end()))
        end = m.end()


def _shot_self(m: re.Match, add) -> None:
    """"A teen shot himself in the leg": one person hit by his own shot.

    He counts with the attackers (apart from the victims) when named as one ("the gunman") or
    met again with "the" and no word of an accident: that is the shooter of a murder-suicide."""
    verb = " ".join(m["verb"].lower().split())
    measure = "shot" if verb == "shot" else _measure(verb)
    group = group_of(m["noun"])
    definite = m["det"].lower() in ("the", "this", "that", "his", "her", "their")
    if group == "attackers" or (definite and group != "children" and "accident" not in lower(m.text)):
        group = "attackers"
    add(Figure(measure, group, 1, m.start(), m.end() + len(_SELF.match(m.text, m.end()).group(0)),
               pattern="self-named"), (m.start(), m.end()))


def _then_died(figs: list[Figure], low: str, end: int) -> None:
    """"A man was shot in the neck and died in surgery": the hit just counted are dead."""
    if any(f.measure in ("shot", "injured") for f in figs) and _THEN_DIED.match(low, end):
        for f in figs:
            if f.measure in ("shot", "injured"):
                f.measure = "killed"


# The people after "the deaths of": "a father and his 6-year-old son", "Ann Lee, 9, and Bo
# Diaz, 52", "14-month-old Cal Ortiz"; a name after a noun is that person ("his son, Eli Moss").
_DEATH_NP = re.compile(rf"(?:(?P<qual>{_QUAL})\s+)?{_NUM}{_AGED}\s+{_PARTITIVE}{_MOD}(?P<noun>{_NOUN})\b"
                       rf"|(?:an?|the|his|her|their|its|one|another)\s+{_MOD}(?P<one>{_ONE})(?![\w-])")
_DEATH_NAME = re.compile(rf"(?:(?:an?\s+)?\d{{1,3}}[\s-](?:years?|months?|weeks?)[\s-]old\s+)?(?P<name>{NAME})"
                         rf"(?:,\s*\d{{1,3}}(?=\s*(?:,|and\b|[.;)]|$)))?")
_APPOSITIVE = re.compile(rf",\s*(?P<name>{NAME})(?:,\s*\d{{1,3}})?(?=\s*(?:,|and\b|[.;)]|$))")
_DESCRIBED = re.compile(rf",\s*(?:an?|the|his|her|their)\s+{_MOD}{_NOUN}(?:\s+and\s+{_MOD}{_NOUN})?"
                        r"(?:\s+of\s+[^,;.()]{1,40}?)?"  # "Cy Marsh, the owner of the Kettle Road bakery,"
                        r"(?=\s*(?:,|[.;)]|$|\s+who\b))")
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _deaths_of(sentence: str, low: str, at: int) -> tuple[int, str, int] | None:
    """How many people the list at ``at`` names, their group (or "people"), and where the list ends."""
    count, groups, end, pos = 0, set(), at, at
    while True:
        np, named = _DEATH_NP.match(low, pos), _DEATH_NAME.match(sentence, pos)
        if np:
            num = parse(np["num"]) if np["num"] else Number(1, "")
            if num is None or (np["num"] and _is_year(np["num"], num)):
                break
            count, end = count + num.value, np.end()
            groups.add(group_of(np["noun"] or np["one"]))
            appositive = _APPOSITIVE.match(sentence, end)
            if appositive and people_named(appositive["name"]):
                end = appositive.end()
        elif named and people_named(named["name"]):
            count, end = count + 1, named.end()
            described = _DESCRIBED.match(low, end)  # "Cy Marsh, his landlord and fishing partner,"
            end = described.end() if described else end
            age = re.search(r",\s*(\d{1,3})$", named.group(0))
            groups.add("children" if age and int(age.group(1)) < 18 else "people")
        else:
            break
        sep = _LIST_SEP.match(low, end)
        if not sep:
            break
        pos = sep.end()
    return (count, groups.pop() if len(groups) == 1 else "people", end) if count else None


def _is_year(words: str, num: Number) -> bool:
    return words.isdigit() and len(words) == 4 and 1800 <= num.value <= 2100
