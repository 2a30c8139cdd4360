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
