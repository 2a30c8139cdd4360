"""The gazetteer behaves the same when built on first use and when read back from its cache."""

from __future__ import annotations

from corroborate import gazetteer


def test_a_fresh_build_and_the_cache_it_writes_give_the_same_places(tmp_path, monkeypatch):
    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path))
    gazetteer.load.cache_clear()
    try:
        built = gazetteer.load()  # no cache yet: built, then written
        fresh = (built.lookup("Harris County"), built.county_size, built.flat)
        gazetteer.load.cache_clear()
        cached = gazetteer.load()
        assert cached is not built
        assert (cached.lookup("Harris County"), cached.county_size, cached.flat) == fresh
        # the prior that reads an unqualified Harris County as Texas's
        assert fresh[1][("Texas", "harris county")] > fresh[1][("Georgia", "harris county")]
        assert {p.admin1 for p in built.lookup("Leflore County")} == {"Mississippi", "Oklahoma"}  # Le Flore, Okla.
    finally:
        gazetteer.load.cache_clear()  # the other tests go back to the shared cache


def test_a_town_abroad_has_its_own_first_level_region_or_none():
    gaz = gazetteer.load()
    english = [p for p in gaz.lookup("Birmingham") if p.country == "GB"]
    assert english and all(p.admin1 in (None, "England") for p in english)  # not "York", a unitary authority


def test_a_us_county_has_a_point_near_its_people():
    harris = next(p for p in gazetteer.load().lookup("Harris County") if p.admin1 == "Texas")
    assert abs(harris.lat - 29.8) < 0.3 and abs(harris.lon + 95.4) < 0.3  # by Houston
