"""Events: which reports are one incident, in batch (analyze, cluster) and streaming (ingest).

Every report here is written for these tests; names, streets and towns are invented or generic.
"""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, needs_seeds

from corroborate import Store, analyze, cli
from corroborate.cluster import profile
from corroborate.model import Article
from corroborate.pipeline import ingest_paths, stored_events
from corroborate.streets import streets


def profile_streets(title, text):
    return profile(Article(input="t.txt", id="a1", title=title, text=text), facts={}).streets


def record(rid, published, title, text, outlet="Example News"):
    return {"id": rid, "published": published, "title": title, "text": text, "outlet": outlet}


# Two shootings on the same Saturday night, in two different cities, told in the same words.
COLUMBUS = record(
    "col-1", "2023-05-14T07:10:00-04:00", "Two men wounded in Columbus shooting",
    "Two men were wounded in a shooting in Columbus, Ohio, late Saturday, police said. "
    "Officers found the men outside a convenience store on Parsons Avenue shortly before 11 p.m. "
    "Both were taken to a hospital in stable condition. No arrests have been made, police said.")
MEMPHIS = record(
    "mem-1", "2023-05-14T06:55:00-05:00", "Two men wounded in Memphis shooting",
    "Two men were wounded in a shooting in Memphis, Tennessee, late Saturday, police said. "
    "Officers found the men outside a convenience store on Lamar Avenue shortly before 11 p.m. "
    "Both were taken to a hospital in stable condition. No arrests have been made, police said.")
COLUMBUS_AGAIN = record(
    "col-2", "2023-05-14T12:30:00-04:00", "Police seek gunman after double shooting on Parsons Avenue",
    "Columbus police are looking for the gunman who shot two men outside a Parsons Avenue "
    "convenience store on Saturday night. Investigators said the men, aged 24 and 31, had argued "
    "with a stranger in the parking lot before shots were fired. Both men are expected to survive.",
    outlet="Ohio Ledger")
# Two days later: an arrest, in other words, naming the street and the victims' ages again.
COLUMBUS_ARREST = record(
    "col-3", "2023-05-16T09:00:00-04:00", "Arrest made in Parsons Avenue double shooting",
    "A 27-year-old man has been charged with two counts of felonious assault in the shooting of two "
    "men outside a convenience store on Parsons Avenue in Columbus on Saturday, police said Monday. "
    "The victims, aged 24 and 31, are recovering.", outlet="Ohio Ledger")
# Five days later one of the two men dies: the report is dated by the death, in the same story's words.
COLUMBUS_DEATH = record(
    "col-4", "2023-05-19T08:00:00-04:00", "Man shot outside Parsons Avenue store dies",
    "One of the two men wounded outside a convenience store on Parsons Avenue in Columbus last weekend "
    "died Thursday at a hospital, police said. The man, 31, had argued with a stranger in the parking "
    "lot before shots were fired. His friend, 24, is recovering. No arrests have been made.", outlet="Ohio Ledger")
# A week later, another shooting in Columbus told in the first report's template, on another street.
COLUMBUS_NEXT_WEEK = record(
    "col-9", "2023-05-21T07:10:00-04:00", "Man wounded in Columbus shooting",
    "A man was wounded in a shooting in Columbus, Ohio, late Saturday, police said. "
    "Officers found him outside a bar on Cleveland Avenue shortly before midnight. "
    "He was taken to a hospital in stable condition. No arrests have been made, police said.")

# A bombing in one town; a month later a new attack in another town whose reports mention it.
GAO_OCTOBER = record(
    "gao-1", "2022-10-03T10:00:00Z", "Car bomb kills nine at Gao bus station",
    "A car bomb exploded at the main bus station in Gao, in northern Mali, on Sunday, killing nine "
    "civilians and wounding 20, the regional governor said. No group claimed responsibility.")
TIMBUKTU = record(
    "tim-1", "2022-11-06T09:00:00Z", "Gunmen kill 14 villagers near Timbuktu",
    "Gunmen on motorbikes killed 14 villagers in an attack on a village near Timbuktu on Saturday, "
    "a local official said. The assailants burned granaries and stole cattle before fleeing. "
    "The attack comes a month after a car bomb at the Gao bus station killed nine civilians.")
TIMBUKTU_AGAIN = record(
    "tim-2", "2022-11-06T15:00:00Z", "Toll from attack on village near Timbuktu rises to 16",
    "The death toll from Saturday's attack by gunmen on motorbikes on a village near Timbuktu has "
    "risen to 16, a hospital source said. Granaries were burned and cattle taken, villagers said. "
    "In October a car bomb in Gao killed nine people.", outlet="Sahel Wire")


def jsonl(write, name, *records):
    return write(name, "".join(json.dumps(r) + "\n" for r in records))


def groups(dossier):
    """Each event as the set of its articles' record ids."""
    record_of = {a.id: a.record for a in dossier.articles}
    return sorted(sorted(record_of[i] for i in e.articles) for e in dossier.events)


def test_same_night_shootings_in_two_cities_stay_apart(write):
    d = analyze([jsonl(write, "a.jsonl", COLUMBUS, MEMPHIS)])
    assert groups(d) == [["col-1"], ["mem-1"]]


def test_reports_of_one_shooting_join_and_the_arrest_two_days_later_joins_too(write):
    d = analyze([jsonl(write, "a.jsonl", COLUMBUS, MEMPHIS, COLUMBUS_AGAIN, COLUMBUS_ARREST)])
    assert groups(d) == [["col-1", "col-2", "col-3"], ["mem-1"]]


def test_a_report_dated_by_a_death_days_later_joins_and_a_templated_shooting_on_another_street_stays_apart(write):
    d = analyze([jsonl(write, "a.jsonl", COLUMBUS, MEMPHIS, COLUMBUS_AGAIN, COLUMBUS_DEATH, COLUMBUS_NEXT_WEEK)])
    assert groups(d) == [["col-1", "col-2", "col-4"], ["col-9"], ["mem-1"]]


def test_streets_are_read_with_their_suffix_and_without_compass_words():
    assert streets("shot in the 5700 block of South Halsted St. on Sunday") == {"halsted street"}
    assert streets("near W. 63rd Street and Parsons Ave.") == {"63rd street", "parsons avenue"}
    assert streets("He appeared in Superior Court; a blood drive is planned on Main street.") == set()
    assert profile_streets("Man Shot On Parsons Avenue", "No street in the text.") == ("parsons avenue",)


def test_an_attack_that_mentions_last_months_attack_belongs_to_itself_only(write):
    d = analyze([jsonl(write, "a.jsonl", GAO_OCTOBER, TIMBUKTU, TIMBUKTU_AGAIN)])
    assert groups(d) == [["gao-1"], ["tim-1", "tim-2"]]


def test_streaming_ingest_places_a_late_report_in_the_stored_event(write, db_path):
    with Store(db_path) as store:
        first = ingest_paths(store, [jsonl(write, "day1.jsonl", COLUMBUS, MEMPHIS, COLUMBUS_AGAIN)])
        assert (first.placed, first.opened) == (3, 2)
    with Store(db_path) as store:  # a later run, a new process: the index comes back from the store
        late = ingest_paths(store, [jsonl(write, "day3.jsonl", COLUMBUS_ARREST)])
        assert (late.placed, late.opened) == (1, 0)
        again = ingest_paths(store, [jsonl(write, "day3.jsonl", COLUMBUS_ARREST)])
        assert again.placed == 0  # re-ingesting places nothing twice
        events = stored_events(store)
        record_of = {a.id: a.record for a in store.articles()}
    assert sorted(sorted(record_of[i] for i in e.articles) for e in events) == [["col-1", "col-2", "col-3"], ["mem-1"]]


def test_streaming_and_batch_agree_and_batch_ignores_input_order(write, db_path):
    recs = [GAO_OCTOBER, COLUMBUS, TIMBUKTU, MEMPHIS, COLUMBUS_AGAIN, TIMBUKTU_AGAIN, COLUMBUS_ARREST]
    batch = analyze([jsonl(write, "a.jsonl", *recs)])
    reverse = analyze([jsonl(write, "b.jsonl", *reversed(recs))])
    assert [(e.id, e.articles) for e in batch.events] == [(e.id, e.articles) for e in reverse.events]
    with Store(db_path) as store:
        for i, r in enumerate(recs):
            ingest_paths(store, [jsonl(write, f"s{i}.jsonl", r)])
        record_of = {a.id: a.record for a in store.articles()}
        streamed = sorted(sorted(record_of[i] for i in e.articles) for e in stored_events(store))
    assert streamed == groups(batch) == [["col-1", "col-2", "col-3"], ["gao-1"], ["mem-1"], ["tim-1", "tim-2"]]


def test_a_long_streaming_ingest_keeps_no_copy_of_the_articles_it_has_stored(write, db_path, monkeypatch):
    """Placing reads only the events' sums: a run of a million articles must not hold each one's vector."""
    from corroborate import pipeline

    recs = [GAO_OCTOBER, COLUMBUS, TIMBUKTU, MEMPHIS, COLUMBUS_AGAIN, TIMBUKTU_AGAIN, COLUMBUS_ARREST]
    opened = []
    monkeypatch.setattr(pipeline, "_open_index", lambda store, real=pipeline._open_index: opened.append(real(store))
                        or opened[-1])
    with Store(db_path) as store:  # one run, one file (one transaction) after another
        report = ingest_paths(store, [jsonl(write, f"s{i}.jsonl", r) for i, r in enumerate(recs)])
        record_of = {a.id: a.record for a in store.articles()}
        streamed = sorted(sorted(record_of[i] for i in e.articles) for e in stored_events(store))
    (index,) = opened
    assert report.placed == len(index.of) == len(recs)
    assert not index.vectors and not index.profiles and not index.keys
    assert streamed == [["col-1", "col-2", "col-3"], ["gao-1"], ["mem-1"], ["tim-1", "tim-2"]]


def test_event_ids_and_headlines_name_the_earliest_report(write):
    d = analyze([jsonl(write, "a.jsonl", COLUMBUS_ARREST, COLUMBUS_AGAIN, COLUMBUS)])
    (event,) = d.events
    first = next(a for a in d.articles if a.record == "col-1")
    assert event.id == "ev-" + first.id and event.headline == COLUMBUS["title"]
    assert event.articles[0] == first.id


def test_cli_events_cluster_and_show(write, db_path, capsys):
    path = jsonl(write, "a.jsonl", COLUMBUS, MEMPHIS, COLUMBUS_AGAIN)
    assert cli.main(["ingest", str(path), "--db", str(db_path), "--quiet"]) == 0
    assert cli.main(["events", "--db", str(db_path)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert sorted(r[2] for r in rows) == ["1", "2"]
    assert cli.main(["cluster", "--db", str(db_path), "--quiet"]) == 0
    assert cli.main(["events", "--db", str(db_path)]) == 0
    again = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert sorted(r[2] for r in again) == ["1", "2"]
    two = next(r[0] for r in again if r[2] == "2")
    assert cli.main(["show", two, "--db", str(db_path), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {a["record"] for a in shown["articles"]} == {"col-1", "col-2"}
    assert shown["events"][0]["id"] == two


@needs_seeds
def test_the_five_seed_reports_are_one_event_in_batch_and_streaming(db_path):
    d = analyze([SEEDS])
    assert len(d.events) == 1 and len(d.events[0].articles) == 5
    with Store(db_path) as store:
        for path in sorted(SEEDS.iterdir()):
            ingest_paths(store, [path])
        assert [len(e.articles) for e in stored_events(store)] == [5]


@pytest.mark.parametrize("published", [None, "not a date"])
def test_articles_without_a_usable_date_are_still_grouped(write, published):
    a = dict(COLUMBUS, published=published)
    b = dict(COLUMBUS_AGAIN, published=published)
    d = analyze([jsonl(write, "a.jsonl", a, b, MEMPHIS)])
    assert groups(d) == [["col-1", "col-2"], ["mem-1"]]


def test_a_later_run_reads_only_the_events_near_its_articles_and_places_as_if_it_read_all(write, db_path):
    with Store(db_path) as store:
        ingest_paths(store, [jsonl(write, "old.jsonl", GAO_OCTOBER, COLUMBUS, MEMPHIS, COLUMBUS_AGAIN)])
    with Store(db_path) as store:
        lazy, whole = store.load_index(), store.load_index(whole=True)
        assert not lazy.clusters and len(whole.clusters) == 3
        arrest = store.articles([a.id for a in store.articles() if a.record == "col-1"])[0]
        from corroborate import cluster
        from corroborate.extract import extract
        from corroborate.clean import clean
        from corroborate.model import Article

        new = extract(clean(Article(input="x", title=COLUMBUS_ARREST["title"], raw_text=COLUMBUS_ARREST["text"],
                                    published=COLUMBUS_ARREST["published"], id="arrest")))
        assert lazy.add(cluster.profile(new)) == whole.add(cluster.profile(new)) == lazy.of[arrest.id]
        # the Gao bombing, seven months earlier, was not read; the May shootings were
        assert {e for e in lazy.clusters} == {whole.of[a.id] for a in store.articles() if a.record != "gao-1"}
        assert arrest.id in lazy.of and "nowhere" not in lazy.of


def test_events_are_read_once_even_when_the_window_grows(write, db_path):
    with Store(db_path) as store:
        ingest_paths(store, [jsonl(write, "old.jsonl", GAO_OCTOBER, TIMBUKTU, TIMBUKTU_AGAIN)])
        index = store.load_index()
        index.loader(738_430, 738_440)
        index.loader(738_400, 738_470)
        index.loader(None, None)
        whole = store.load_index(whole=True)
        assert {c.id: (sorted(c.members), c.squares) for c in index.clusters.values()} == \
               {c.id: (sorted(c.members), c.squares) for c in whole.clusters.values()}


def test_a_schema_4_store_gets_its_spans(write, db_path):
    with Store(db_path) as store:
        ingest_paths(store, [jsonl(write, "a.jsonl", COLUMBUS, MEMPHIS, COLUMBUS_AGAIN)])
        spans = store.db.execute("SELECT * FROM spans ORDER BY event").fetchall()
        store.db.execute("DELETE FROM spans")
        store.db.execute("ALTER TABLE events DROP COLUMN time")
        store.db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(db_path) as store:
        assert store.db.execute("SELECT * FROM spans ORDER BY event").fetchall() == spans
        assert len(spans) == 2 and all(s["start"] is not None for s in spans)


def test_a_crowded_week_scores_only_the_closest_events_and_keeps_the_right_one():
    from corroborate import cluster

    def prof(aid, words, published=740_000):
        return cluster.Profile(aid, {w: 2.0 for w in words}, None, published, None, False, (published, "", aid))

    common = ["shooting", "police", "wounded"]
    index = cluster.Index()
    for i in range(cluster.MAX_CANDIDATES * 2):  # many events the same week, sharing its common words
        index.add(prof(f"other{i:03}", common + [f"w{i}x{j}" for j in range(8)]))
    index.add(prof("target", common + ["elmwood", "harlan", "ketteridge", "brayford", "quillon", "osterby"]))
    assert len(index.clusters) == cluster.MAX_CANDIDATES * 2 + 1
    late = prof("late", common + ["elmwood", "harlan", "ketteridge", "brayford", "quillon", "osterby", "arrest"],
                740_003)
    vec = index.vector(late)
    found = index.candidates(late, vec, cluster._keys(vec))
    assert len(found) <= cluster.MAX_CANDIDATES and index.of["target"] in found and found == sorted(found)
    assert index.add(late) == index.of["target"]


def test_an_event_is_dated_by_the_middle_of_its_reports_not_by_any_one_of_them():
    """One misdated member must not make a large event fit articles from weeks later (events chaining)."""
    from corroborate import cluster

    words = {w: 2.0 for w in ["shooting", "elmwood", "harlan", "ketteridge", "brayford"]}
    index = cluster.Index()
    for i, day in enumerate([740_000, 740_000, 740_001, 740_030]):
        index.add(cluster.Profile(f"r{i}", dict(words), day, day + 1, None, False, (day, "", f"r{i}")))
    (event,) = index.clusters.values()
    near = cluster.Profile("near", dict(words), 740_001, 740_002, None, False, (740_001, "", "near"))
    weeks_later = cluster.Profile("later", dict(words), 740_031, 740_032, None, False, (740_031, "", "later"))
    assert index._date_evidence(near, event, None) == cluster.SAME_DAY
    assert index._date_evidence(weeks_later, event, None) == cluster.OTHER_DAY


def test_the_index_keeps_its_postings_and_vectors_where_the_cycle_collector_does_not_walk():
    """At 100k articles the collector walking millions of small sets took a growing share of the time."""
    import gc

    from corroborate import cluster

    index = cluster.Index()
    for i in range(40):  # a busy week: several events share each word, one event per town
        words = {"shooting": 1.0, "police": 1.0, f"town{i % 5}": 2.0, f"street{i % 7}": 2.0, f"name{i}": 1.0}
        day = 740_000 + i % 3
        index.add(cluster.Profile(f"a{i:02}", words, None, day, None, False, (day, "", f"a{i:02}")))
    gc.collect()
    gc.collect()  # a tuple of tuples is let go once its inner tuples were
    assert any(not isinstance(events, str) for buckets in index.postings.values() for events in buckets.values())
    assert not any(gc.is_tracked(buckets) for buckets in index.postings.values())
    assert not any(gc.is_tracked(v) for v in index.vectors.values())
    assert not any(gc.is_tracked(k) for k in index.keys.values())
    first = index.vector_of("a00")
    assert list(first) == list(index.vector(index.profiles["a00"]))  # the words as placed, heaviest first


def test_a_story_told_again_each_week_does_not_chain_into_one_event():
    """A misread date is forgiven once; an event already dated over more than two weeks takes no more clashes."""
    from corroborate import cluster

    words = {w: 2.0 for w in ["stabbing", "ferrymoor", "quayside", "dunmarrow", "tollgate"]}

    def report(aid, day, *, dated=True):
        return cluster.Profile(aid, dict(words), day if dated else None, day, None, False, (day, "", aid))

    index = cluster.Index()
    first = index.add(report("w0", 740_000))
    assert index.add(report("w0b", 740_000)) == first
    assert index.add(report("w1", 740_009)) == first        # one report dated differently: a misread date
    assert index.add(report("w2", 740_015)) == first        # still within two weeks of the first
    assert index.add(report("w3", 740_022)) != first        # the event's dates already lie 15 days apart
    assert index.add(report("same-day", 740_001)) == first  # a report that fits its date still joins
    assert index.add(report("undated", 740_030, dated=False)) != first  # dated by publication, weeks off


def test_a_word_many_events_share_in_the_articles_week_proposes_only_the_latest_few():
    """At ten times the incidents per week a common key word found ten times the events; now a few."""
    from corroborate import cluster

    def prof(aid, words, day):
        return cluster.Profile(aid, {w: 2.0 for w in words}, None, day, None, False, (day, "", aid))

    index = cluster.Index()
    index.add(prof("kiln", ["harbourside", "kilnworth", "pettigrew", "brinewick", "copperlane"], 740_000))
    for i in range(12):  # a busy week: a dozen other incidents in the same harbour district
        index.add(prof(f"other{i:02}", ["harbourside", f"x{i}alder", f"x{i}brook", f"x{i}crane"], 740_000 + i % 3))
    late = prof("late", ["harbourside", "kilnworth", "pettigrew", "brinewick", "arrest"], 740_003)
    vec = index.vector(late)
    found = dict(index._near(late, cluster._keys(vec)))
    assert len(found["harbourside"]) == cluster.BUSY_CAP
    assert set(found["harbourside"]) == {index.of[f"other{i:02}"] for i in range(12 - cluster.BUSY_CAP, 12)}
    assert index.add(late) == index.of["kiln"]  # its rarer words still find its incident


def test_batch_weighs_words_with_the_corpus_idf_it_works_out_once_exactly_as_per_word():
    """Batch looks idf up in a table made once (words of one report share one value); the vectors must be
    the very ones the df table gives, or the same corpus would cluster differently."""
    from collections import Counter

    from corroborate import cluster

    def prof(aid, words, day):
        return cluster.Profile(aid, {w: 1.0 + len(w) % 3 for w in words}, None, day, None, False, (day, "", aid))

    profiles = [prof("a", ["gunfire", "tannery", "wexcombe", "shooting"], 740_000),
                prof("b", ["gunfire", "tannery", "shooting", "vigil"], 740_001),
                prof("c", ["shooting", "orchard", "lindqvist"], 740_002)]
    index = cluster.batch(profiles)
    df = Counter(t for p in profiles for t in p.counts)
    per_word = cluster.Index(df, len(profiles), frozen_df=True)
    for p in profiles:
        assert index.vector(p) == per_word.vector(p)
    assert index.vector(profiles[0])["wexcombe"] > index.vector(profiles[0])["tannery"]  # rarer weighs more
