"""Streets: the street names a report gives, normalised, to tell incidents in one town apart.

Local crime reports name the street or block ("the 5700 block of South Halsted Street",
"outside a store on Parsons Ave."). Two reports naming the same street are probably one
incident; two that each name streets and share none are probably two, even when their words
and town agree (templated police-blotter reports). Clustering uses this as evidence beside date
and place (``cluster.Index.score``).

Only suffixes that are streets in news prose are read, capitalised: "Court", "Place", "Way" and
"Circle" are left out because "Superior Court" or "Times Square" would match every follow-up
that mentions them. Leading compass words are dropped ("South Halsted Street" and "Halsted St."
are one street).
"""

from __future__ import annotations

import re

_SUFFIX = {"Street": "street", "St": "street", "Avenue": "avenue", "Ave": "avenue", "Road": "road",
           "Rd": "road", "Boulevard": "boulevard", "Blvd": "boulevard", "Drive": "drive", "Dr": "drive",
           "Lane": "lane", "Ln": "lane", "Parkway": "parkway", "Pkwy": "parkway", "Terrace": "terrace"}
_NAME = r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+|[A-Z]\.)"
_STREET = re.compile(rf"\b(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})\s+(?P<kind>{'|'.join(_SUFFIX)})\b\.?")
# words that may precede a street name in a capitalised run but are not part of it
_LEAD = frozenset("north south east west n s e w the a on in at of and near outside along off from "
                  "police officers shooting".split())


def streets(text: str) -> frozenset[str]:
    """The streets ``text`` names, as 'halsted street', '63rd street', 'parsons avenue'."""
    found = set()
    for m in _STREET.finditer(text):
        words = [w.lower().rstrip(".") for w in m.group("name").split()]
        while words and words[0] in _LEAD:
            words = words[1:]
        if words:
            found.add(" ".join(words) + " " + _SUFFIX[m.group("kind")])
    return frozenset(found)
