"""Reconciliation, brief and exports: one dossier per event from reports that agree, differ and copy.

The reports are written for these tests (an invented attack on an army post in Douentza,
Mali); none is taken from a real article.
"""

from __future__ import annotations

import json

import lxml.html
import pytest

from conftest import needs_seeds, SEEDS

from corroborate import analyze, cli
from corroborate.export import ACLED_COLUMNS, COLUMNS, EXPORTERS, UCDP_COLUMNS
from corroborate.reconcile import total

FIRST = ("Gunmen killed 12 soldiers in an attack on an army post in Douentza, in central Mali, on Friday, "
         "the army said. A civilian was also killed in the attack, the army said in a statement. "
         "Ten soldiers survived the attack, an army spokesman said. "
         "The post is near the border with Niger, the spokesman added. "
         "No group immediately claimed responsibility. "
         "Thirty people were killed on Feb. 2 in an attack on a market in Diallassagou, the government said.")
COPY = ("Gunmen killed 12 soldiers in an attack on an army post in Douentza, in central Mali, on Friday, "
        "the army said. A civilian was also killed in the attack, the army said in a statement. "
        "Ten soldiers survived the attack, an army spokesman said. "
        "Only 15 soldiers survived, a local official told the Tribune. "
        "Residents said the gunmen arrived on motorbikes at dawn and stayed for two hours.")
LATER = ("Thirteen soldiers and one civilian were killed in Friday's attack on the army post in Douentza, "
         "the army said on Saturday, revising its earlier toll. "
         "Dozens of soldiers were wounded in the assault, hospital staff said. "
         "The post lies close to the border with Burkina Faso. "
         "The Islamic State claimed responsibility for the attack without providing evidence. "
         "The attack came a month after an assault on a market in Diallassagou killed 34 people.")


def reports(tmp_path):
    rows = [
        {"id": "r1", "published": "2024-03-09T08:00:00Z", "outlet": "Sahel Daily", "byline": "Reuters",
         "title": "Gunmen kill 12 soldiers at Mali army post", "text": FIRST},
        {"id": "r2", "published": "2024-03-09T12:00:00Z", "outlet": "Bamako Tribune",
         "title": "Twelve soldiers killed in Douentza attack", "text": COPY},
        {"id": "r3", "published": "2024-03-10T09:00:00Z", "outlet": "Niger Courier", "byline": "AFP",
         "title": "Douentza toll revised to 13 soldiers", "text": LATER},
    ]
    path = tmp_path / "douentza.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def event(tmp_path):
    dossier = analyze([reports(tmp_path)])
    assert len(dossier.events) == 1, [e.articles for e in dossier.events]
    ids = {a.record: a.id for a in dossier.articles}
    return dossier.events[0], ids


def figure(event, measure, group):
    return next(f for f in event.figures if f["measure"] == measure and f["group"] == group)


def test_later_official_revision_supersedes_for_best_but_stays_in_timeline(event):
    e, ids = event
    soldiers = figure(e, "killed", "soldiers")
    assert soldiers["estimate"]["best"] == 13
    assert soldiers["status"] != "disputed"
    assert {r["article"] for r in soldiers["superseded"]} >= {ids["r1"]}
    first = {t["article"]: t["first"] for t in e.timeline}
    assert "killed soldiers: 12" in first[ids["r1"]]
    assert "killed soldiers: 13" in first[ids["r3"]]
    assert [t["article"] for t in e.timeline] == [ids["r1"], ids["r2"], ids["r3"]]


def test_groups_add_up_to_the_total(event):
    e, _ = event
    assert figure(e, "killed", "civilians")["estimate"]["best"] == 1
    assert figure(e, "killed", "people")["estimate"]["best"] == 14


def test_a_vague_amount_does_not_dispute_and_keeps_its_wording(event):
    e, _ = event
    wounded = figure(e, "injured", "soldiers")
    assert wounded["status"] == "single-source"
    assert wounded["reports"][0]["wording"].lower().startswith("dozens")
    assert wounded["estimates"]["conservative"]["best"] == 12  # ACLED's code for "dozens"


def test_a_copy_counts_once_and_its_own_sentence_counts_apart(event):
    e, ids = event
    survivors = figure(e, "survivors", "soldiers")
    assert survivors["status"] == "disputed"
    dispute = next(d for d in e.disputes if d["about"].startswith("survivors"))
    by_value = {p["value"]: p for p in dispute["positions"]}
    assert set(by_value) == {10, 15}
    assert by_value[15]["articles"] == [ids["r2"]]
    assert "a local official" in by_value[15]["said_by"]
    assert e.independent_sources == 2 < len(e.articles)


def test_border_relations_that_differ_are_disputed(event):
    e, _ = event
    dispute = next(d for d in e.disputes if "border" in d["about"])
    assert {p["value"] for p in dispute["positions"]} == {"Niger", "Burkina Faso"}


def test_no_claim_then_a_claim_is_an_evolution_and_the_claim_is_unverified(event):
    e, _ = event
    assert not any(d["about"] == "perpetrator" for d in e.disputes)
    nobody = next(a for a in e.actors if a["role"] == "perpetrator" and a["name"] is None)
    assert "evolution" in nobody
    claimed = next(a for a in e.actors if a["name"] == "Islamic State")
    assert claimed["link"] == "claimed" and claimed["verified"] is False
    assert "without evidence" in claimed["unverified_because"]


def test_date_place_and_type(event):
    e, _ = event
    assert (e.date["value"], e.date["precision"], e.date["status"]) == ("2024-03-08", "day", "agreed")
    assert (e.location["name"], e.location["country"]) == ("Douentza", "ML")
    assert e.type["acled_event_type"]


def test_background_event_keeps_its_own_figures_and_dispute(event):
    e, _ = event
    assert all(f["estimate"]["best"] < 30 for f in e.figures if f["measure"] == "killed")
    market = next(r for r in e.related_events if r["date"] == "2024-02-02")
    killed = next(f for f in market["figures"] if f["measure"] == "killed")
    assert killed["status"] == "disputed"
    assert {p["value"] for d in market["disputes"] for p in d["positions"]} == {30, 34}


def test_brief_cites_every_sentence_and_marks_copies(event):
    e, ids = event
    sentences = e.brief["sentences"]
    assert sentences and all(s["articles"] for s in sentences)
    texts = [s["text"] for s in sentences]
    assert len(texts) == len(set(texts))  # a sentence two reports carry is given once
    copied = next(s for s in sentences if s["text"].startswith("Gunmen killed 12 soldiers"))
    assert copied["articles"] == [ids["r1"], ids["r2"]] and copied["copies"] == [ids["r2"]]
    sections = [s["section"] for s in sentences]
    assert sections == sorted(sections, key=["consensus", "disputed", "unverified"].index)
    assert any(s["section"] == "unverified" and "Islamic State" in s["text"] for s in sentences)
    for s in sentences:  # extractive: every sentence is one of the reports' own
        assert s["text"] in FIRST + COPY + LATER
    numbers = {src["n"] for src in e.brief["sources"]}
    assert "[1]" in e.brief["markdown"] and "copy]" in e.brief["markdown"]
    assert numbers == set(range(1, len(numbers) + 1))


def test_same_input_same_dossier_bytes(tmp_path):
    from corroborate.render import to_json

    path = reports(tmp_path)
    assert to_json(analyze([path])) == to_json(analyze([path]))


@pytest.fixture
def exported(tmp_path):
    db = tmp_path / "x.db"
    assert cli.main(["ingest", str(reports(tmp_path)), "--db", str(db), "--quiet"]) == 0
    out = {}
    for fmt in EXPORTERS:
        path = tmp_path / f"events.{fmt}"
        assert cli.main(["export", "--format", fmt, "--db", str(db), "-o", str(path)]) == 0
        out[fmt] = path
    return out


def test_exports_load_in_pandas(exported):
    pd = pytest.importorskip("pandas")
    table = pd.read_csv(exported["csv"])
    assert list(table.columns) == COLUMNS and len(table) == 1
    assert table.loc[0, "killed_best"] == 14 and table.loc[0, "country"] == "ML"
    acled = pd.read_csv(exported["acled"])
    assert list(acled.columns) == ACLED_COLUMNS
    assert acled.loc[0, "fatalities"] == 14  # the army's revised toll replaces its first (ACLED revises too)
    assert acled.loc[0, "iso"] == 466 and acled.loc[0, "time_precision"] == 1
    assert "Disputed" in acled.loc[0, "notes"]
    # the Islamic State (a rebel group in ACLED's codes) against Mali's army: interaction 12
    assert (acled.loc[0, "actor1"], acled.loc[0, "inter1"], acled.loc[0, "inter2"], acled.loc[0, "interaction"]) == \
        ("Islamic State", 2, 1, 12)
    ucdp = pd.read_csv(exported["ucdp"])
    assert list(ucdp.columns) == UCDP_COLUMNS
    assert (ucdp.loc[0, "best"], ucdp.loc[0, "deaths_a"], ucdp.loc[0, "deaths_civilians"]) == (14, 13, 1)
    lines = pd.read_json(exported["jsonl"], lines=True)
    assert lines.loc[0, "id"] == table.loc[0, "event_id"]


def test_acled_inter_codes_come_from_the_groups_kind_and_stay_blank_where_it_does_not_say():
    from corroborate.export import _inter, _interaction

    assert _inter("Islamic State in the Greater Sahara") == 2 and _inter("Wagner Group") == 8
    assert _inter("Rapid Support Forces") == "" and _inter("a group nobody listed") == ""  # the coder decides
    assert _interaction(3, 7) == 37 and _interaction(2, 1) == 12 and _interaction(2, "") == 20
    assert _interaction("", 1) == ""


def test_geojson_loads_in_gdal(exported):
    pyogrio = pytest.importorskip("pyogrio")
    info = pyogrio.read_info(exported["geojson"])
    assert info["geometry_type"] == "Point" and info["features"] == 1 and info["crs"] == "EPSG:4326"
    meta, _, geometry, fields = pyogrio.raw.read(exported["geojson"])
    values = dict(zip(meta["fields"], (f[0] for f in fields)))
    assert values["event_id"].startswith("ev-") and values["killed_best"] == 14
    lon, lat = json.loads(exported["geojson"].read_text())["features"][0]["geometry"]["coordinates"]
    assert -5 < lon < 5 and 12 < lat < 18  # Douentza, Mali


def test_export_of_an_unknown_event_names_it(tmp_path, capsys):
    db = tmp_path / "x.db"
    cli.main(["ingest", str(reports(tmp_path)), "--db", str(db), "--quiet"])
    assert cli.main(["export", "--db", str(db), "--event", "ev-nope"]) == 1
    assert "ev-nope" in capsys.readouterr().err


@needs_seeds
def test_seeds_dossier():
    """The issue's acceptance on the canonical five reports."""
    dossier = analyze([SEEDS])
    assert len(dossier.events) == 1 and len(dossier.events[0].articles) == 5
    e = dossier.events[0]
    best = {(f["measure"], f["group"]): f for f in e.figures}
    assert best[("killed", "soldiers")]["estimate"]["best"] == 53
    assert best[("killed", "civilians")]["estimate"]["best"] == 1
    assert best[("killed", "people")]["estimate"]["best"] == 54
    assert all(best[("killed", g)]["status"] == "agreed" for g in ("soldiers", "civilians", "people"))
    survivors = next(d for d in e.disputes if d["about"].startswith("survivors"))
    assert {p["value"] for p in survivors["positions"]} == {10, 20}
    assert any("Local media" in p["said_by"] for p in survivors["positions"])
    assert (e.location["name"], e.location["admin1"], e.location["country"]) == ("Indelimane", "Ménaka", "ML")
    assert e.date["value"] == "2019-11-01"
    # the undated report blames another group "for the September 30 attack": that is not this event's
    assert "perpetrator" not in {d["about"] for d in e.disputes}
    islamic_state = next(a for a in e.actors if a["name"] == "Islamic State")
    assert islamic_state["link"] == "claimed" and islamic_state["verified"] is False
    september = next(r for r in e.related_events if r["date"] == "2019-09-30")
    assert {p["value"] for d in september["disputes"] for p in d["positions"]} == {38, 40}
    told = [t["first"] for t in e.timeline]
    assert any("killed soldiers: 53" in f for f in told) and any("killed people: 54" in f for f in told)
    assert all(s["articles"] for s in e.brief["sentences"])
    assert e.independent_sources < len(e.articles)


def test_wounded_are_the_shot_minus_the_dead_across_reports(tmp_path):
    rows = [
        {"id": "s1", "published": "2023-07-09T08:00:00Z", "outlet": "Lakeside Post",
         "title": "Five shot outside Lakeside pool hall",
         "text": "Five people were shot outside a pool hall on Harbor Road in Toledo, Ohio, late Saturday, "
                 "police said. Officers found the victims in the parking lot shortly after midnight."},
        {"id": "s2", "published": "2023-07-09T15:00:00Z", "outlet": "Toledo Evening",
         "title": "Man dies after shooting outside Harbor Road pool hall",
         "text": "One man was killed in the shooting outside a pool hall on Harbor Road in Toledo late Saturday, "
                 "police said. No arrests have been made."},
    ]
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (e,) = analyze([path]).events
    injured = figure(e, "injured", "people")
    assert injured["estimate"]["best"] == 4 and injured["derived"].startswith("shot 5 - killed 1")


def test_people_named_make_an_articles_total(tmp_path):
    rows = [
        {"id": "n1", "published": "2023-07-09T08:00:00Z", "outlet": "Lakeside Post",
         "title": "Shooting on Harbor Road",
         "text": "Dara Quinn, 31, and Milo Verhoeven, 40, were wounded in a shooting on Harbor Road in Toledo, "
                 "Ohio, late Saturday, police said. Ines Partridge was also wounded."},
        {"id": "n2", "published": "2023-07-09T15:00:00Z", "outlet": "Toledo Evening",
         "title": "Three hurt in Harbor Road shooting",
         "text": "Three people were wounded in a shooting on Harbor Road in Toledo late Saturday, police said."},
    ]
    path = tmp_path / "named.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (e,) = analyze([path]).events
    injured = figure(e, "injured", "people")
    assert injured["estimate"]["best"] == 3 and injured["status"] == "agreed"
    assert injured["reports"][0]["derived"] == "3 people named: Partridge, Quinn, Verhoeven"


def test_a_follow_up_dated_after_the_first_report_does_not_move_the_event_date(tmp_path):
    rows = [
        {"id": "f1", "published": "2023-07-09T08:00:00Z", "outlet": "Lakeside Post",
         "title": "Two shot outside Lakeside pool hall",
         "text": "Two men were shot outside a pool hall on Harbor Road in Toledo, Ohio, on Saturday night, "
                 "police said."},
        {"id": "f2", "published": "2023-07-19T15:00:00Z", "outlet": "Toledo Evening",
         "title": "Arrest in Harbor Road pool hall shooting",
         "text": "Police arrested a 22-year-old man on Tuesday in the shooting that wounded two men outside "
                 "a pool hall on Harbor Road in Toledo. The shooting happened on Saturday, July 8, police said."},
        {"id": "f3", "published": "2023-07-26T15:00:00Z", "outlet": "Toledo Courier",
         "title": "Man shot outside pool hall dies",
         "text": "One of the two men shot outside a Harbor Road pool hall in Toledo died on Monday at a "
                 "hospital, police said."},
    ]
    from corroborate.model import Article, Event
    from corroborate.pipeline import process
    from corroborate.reconcile import reconcile

    articles = [process(Article(input=r["id"], title=r["title"], raw_text=r["text"], published=r["published"],
                                outlet=r["outlet"], format="text")) for r in rows]
    e = Event("pool-hall", [a.id for a in articles], rows[0]["title"])
    reconcile(e, articles, [])  # grouped by hand: this tests the date, not the clustering
    assert e.date["value"] == "2023-07-08"
    assert any(r["value"] > "2023-07-09" for r in e.date["reports"])  # kept, without a vote
    assert not [d for d in e.disputes if d["about"] == "date"]



def test_a_tie_between_dates_goes_to_the_one_a_report_gave_while_the_news_broke(tmp_path):
    rows = [
        {"id": "g1", "published": "2023-09-11T08:00:00Z", "outlet": "Lakeside Post",
         "title": "Three shot at skate park",
         "text": "Three teenagers were shot at the Elm Street skate park in Toledo, Ohio, on Sunday, police said."},
        {"id": "g2", "published": "2023-11-20T15:00:00Z", "outlet": "Toledo Evening",
         "title": "Skate park shooting ruled self-defense",
         "text": "Prosecutors ruled that the Aug. 27 shooting at the Elm Street skate park in Toledo, which "
                 "wounded three teenagers, was self-defense."},
    ]
    from corroborate.model import Article, Event
    from corroborate.pipeline import process
    from corroborate.reconcile import reconcile

    articles = [process(Article(input=r["id"], title=r["title"], raw_text=r["text"], published=r["published"],
                                outlet=r["outlet"], format="text")) for r in rows]
    e = Event("skate-park", [a.id for a in articles], rows[0]["title"])
    reconcile(e, articles, [])
    # one report each: the one written the day after (Sunday, Sept. 10) beats the one recalled months later
    assert e.date["value"] == "2023-09-10"
    assert [d for d in e.disputes if d["about"] == "date"]

def test_an_actor_claim_naming_another_day_is_not_this_events(tmp_path):
    from corroborate.model import Article, Event
    from corroborate.pipeline import process
    from corroborate.reconcile import reconcile

    rows = [("d1", "2024-03-06T09:00:00Z", "Gunmen killed nine villagers in Douentza on Tuesday, March 5. "
                                          "The Islamic State group claimed responsibility on its Amaq channel."),
            ("d2", None, "Nine villagers were killed in Douentza. Officials blamed the Islamic State group. "
                         "Residents blamed Ansarul Islam for the February 12 attack on a nearby market.")]
    articles = [process(Article(input=i, title="Douentza attack", raw_text=t, published=p, format="text"))
                for i, p, t in rows]
    e = Event("douentza", [a.id for a in articles], "Douentza attack")
    reconcile(e, articles, [])
    names = {a["name"] for a in e.actors if a["role"] == "perpetrator"}
    assert "Islamic State" in names
    assert "Ansarul Islam" not in names
    assert "perpetrator" not in {d["about"] for d in e.disputes}


def _by_hand(rows):
    """Reports grouped by hand into one event (these tests are about reconciling, not clustering),
    and the event's articles."""
    from corroborate.model import Article, Event
    from corroborate.pipeline import process
    from corroborate.reconcile import reconcile

    articles = [process(Article(input=i, title=t, raw_text=x, published=p, outlet=o, format="text"))
                for i, p, o, t, x in rows]
    e = Event("by-hand", [a.id for a in articles], rows[0][3])
    return reconcile(e, articles, []), articles


def _event_by_hand(rows):
    return _by_hand(rows)[0]


def test_a_victim_mentioned_alone_does_not_outvote_the_full_count():
    e = _event_by_hand([
        ("v1", "2023-05-14T08:00:00Z", "Lakeside Post", "Man killed in Harbor Road shooting",
         "A man was killed in a shooting on Harbor Road in Toledo, Ohio, on Saturday night, police said."),
        ("v2", "2023-05-14T09:00:00Z", "Toledo Evening", "Harbor Road shooting victim named",
         "Police named the man killed on Harbor Road in Toledo on Saturday night as Tomas Ferrell."),
        ("v3", "2023-05-14T12:00:00Z", "Maumee Courier", "Three killed in Toledo shooting",
         "Three people were killed in a shooting on Harbor Road in Toledo on Saturday night, police said."),
    ])
    killed = figure(e, "killed", "people")
    # "a man" is one of the dead, not a count of them: no dispute, and both policies give the count
    assert killed["status"] == "agreed"
    assert killed["estimates"]["best"]["best"] == killed["estimates"]["conservative"]["best"] == 3


def test_counts_that_differ_stay_a_dispute_with_their_positions():
    e = _event_by_hand([
        ("c1", "2023-05-14T08:00:00Z", "Lakeside Post", "Two killed in Harbor Road shooting",
         "Two people were killed in a shooting on Harbor Road in Toledo, Ohio, on Saturday night, police said."),
        ("c2", "2023-05-14T12:00:00Z", "Maumee Courier", "Three killed in Toledo shooting",
         "Three people were killed in a shooting on Harbor Road in Toledo on Saturday night, police said."),
    ])
    killed = figure(e, "killed", "people")
    assert killed["status"] == "disputed"
    assert killed["estimates"]["conservative"]["best"] == 2
    [d] = [d for d in e.disputes if d["about"] == "killed people"]
    assert [p["value"] for p in d["positions"]] == [2, 3]


def test_a_month_does_not_outvote_the_days_inside_it():
    e = _event_by_hand([
        ("m1", "2024-01-04T08:00:00Z", "Lakeside Post", "Two hurt in Elm Street shooting",
         "Two men were wounded in a shooting on Elm Street in Toledo, Ohio, on Jan. 3, police said."),
        ("m2", "2024-01-04T09:00:00Z", "Toledo Evening", "Elm Street shooting",
         "Two men were wounded in a shooting on Elm Street in Toledo on Jan. 3, police said."),
        ("m3", "2024-01-05T09:00:00Z", "Maumee Courier", "Elm Street shooting",
         "Two men were wounded in a shooting on Elm Street in Toledo on Jan. 2, a witness said."),
        ("m4", "2024-02-20T09:00:00Z", "Ohio Weekly", "Arrest in Elm Street shooting",
         "Police arrested a man over the shooting that wounded two men on Elm Street in Toledo in January."),
    ])
    assert (e.date["value"], e.date["precision"]) == ("2024-01-03", "day")


def test_late_at_night_and_early_next_day_are_the_same_hour():
    e = _event_by_hand([
        ("n1", "2023-06-10T08:00:00Z", "Lakeside Post", "Two hurt in bar shooting",
         "Two men were wounded in a shooting outside a bar on Elm Street in Toledo, Ohio, late Friday night, "
         "police said."),
        ("n2", "2023-06-10T15:00:00Z", "Toledo Evening", "Elm Street bar shooting",
         "Two men were wounded in a shooting outside a bar on Elm Street in Toledo early Saturday, police said."),
    ])
    # just after midnight: Saturday by the calendar, and no dispute between the two ways of telling it
    assert e.date["value"] == "2023-06-10"
    assert not [d for d in e.disputes if d["about"] == "date"]


def test_a_report_that_gives_no_date_bounds_the_event_date_by_a_few_days_only():
    e = _event_by_hand([
        ("u1", "2023-03-30T08:00:00Z", "Lakeside Post", "Shooting on Elm Street",
         "Two men were wounded in a shooting on Elm Street in Toledo, Ohio, police said."),
        ("u2", "2023-04-02T15:00:00Z", "Toledo Evening", "Elm Street shooting",
         "Two men were wounded in a shooting on Elm Street in Toledo on Saturday, police said."),
    ])
    # the first stamp may be wrong (a page's crawl or update time); a dated report two days on is believed
    assert e.date["value"] == "2023-04-01" and e.date["basis"] == "text"


def test_two_speakers_in_one_article_who_disagree_are_a_dispute_with_their_names():
    from corroborate.model import Dossier
    from corroborate.render import to_markdown

    e = _event_by_hand([
        ("w1", "2024-05-08T10:00:00Z", "Kidal Observer", "Kidal bus blast",
         "Fifteen people were killed by Tuesday's bomb at the Kidal bus station, staff at the regional hospital "
         "said on Wednesday. The governor's office said in a statement that 13 people were killed, without "
         "explaining the difference."),
    ])
    killed = figure(e, "killed", "people")
    assert killed["status"] == "disputed"
    [d] = [d for d in e.disputes if d["about"] == "killed people"]
    assert [(p["value"], p["said_by"]) for p in d["positions"]] == [
        (13, ["The governor's office"]), (15, ["staff at the regional hospital"])]
    md = to_markdown(Dossier(articles=[], events=[e]))
    assert "13 (Kidal Observer; said by The governor's office) vs 15 (Kidal Observer; said by staff at the " \
           "regional hospital)" in md


def test_a_figure_the_article_calls_earlier_is_not_a_second_voice():
    e = _event_by_hand([
        ("w2", "2024-05-08T10:00:00Z", "Kidal Observer", "Kidal bus blast",
         "Doctors said 30 people were wounded by Tuesday's bomb at the Kidal bus station, more than the 23 "
         "wounded first reported by the army."),
    ])
    injured = figure(e, "injured", "people")
    assert injured["status"] == "single-source" and injured["estimate"]["best"] == 30
    assert not e.disputes


def test_a_count_of_one_group_is_no_dispute_with_a_larger_total():
    e = _event_by_hand([
        ("k1", "2023-05-14T08:00:00Z", "Lakeside Post", "Two children killed in Harbor Road shooting",
         "Two children were killed in a shooting at a house on Harbor Road in Toledo, Ohio, on Saturday, "
         "police said."),
        ("k2", "2023-05-14T12:00:00Z", "Maumee Courier", "Four dead in Toledo house shooting",
         "Four people died in a shooting at a house on Harbor Road in Toledo on Saturday, police said."),
    ])
    killed = figure(e, "killed", "people")
    # the two children are some of the four dead: the reports agree on four
    assert killed["status"] == "agreed" and killed["estimate"]["best"] == 4


def test_a_tie_between_stale_dates_goes_to_the_one_written_out():
    e = _event_by_hand([
        ("t1", "2023-06-09T08:00:00Z", "Lakeside Post", "Elm Street shooting",
         "Police are still looking for the gunman who wounded two men in a shooting on Elm Street in Toledo, "
         "Ohio, on Sunday night."),
        ("t2", "2023-09-20T15:00:00Z", "Toledo Evening", "Man charged in Elm Street shooting",
         "A man was charged on Tuesday over the June 6 shooting on Elm Street in Toledo that wounded two men."),
    ])
    # neither was written while the news broke; "June 6" does not lean on a stamp as "Sunday" does
    assert e.date["value"] == "2023-06-06"


def test_one_person_told_twice_in_one_phrase_is_counted_once():
    teen = _event_by_hand([
        ("p1", "2023-05-14T08:00:00Z", "Lakeside Post", "Teen killed on Harbor Road",
         "A 15-year-old Harbor Road teen was killed in a shooting in Toledo, Ohio, on Saturday, police said."),
    ])
    assert figure(teen, "killed", "children")["estimate"]["best"] == 1
    assert not [f for f in teen.figures if f["measure"] == "killed" and f["estimate"]["best"] > 1]
    two = _event_by_hand([
        ("p2", "2023-05-14T12:00:00Z", "Maumee Courier", "Boy and woman killed on Elm Street",
         "A 6-year-old boy and a 30-year-old woman were killed in a shooting on Elm Street in Toledo on "
         "Saturday, police said."),
    ])
    assert figure(two, "killed", "people")["estimate"]["best"] == 2


def test_a_victim_first_reported_wounded_who_died_is_not_counted_wounded():
    first = ("w1", "2023-08-19T08:00:00Z", "Marlow Creek Star", "Man wounded in Birch Lane shooting",
             "A man was wounded in a shooting on Birch Lane in Marlow Creek, Ohio, on Friday night, police said. "
             "Medics drove him to Marlow Creek General with grave wounds.")
    later = ("w2", "2023-08-20T09:00:00Z", "Bexley Ford Ledger", "Man shot on Birch Lane dies",
             "A man was shot and killed on Birch Lane in Marlow Creek on Friday night, police said. "
             "The man died at the hospital hours after the shooting.")
    e = _event_by_hand([first, later])
    assert figure(e, "killed", "people")["estimate"]["best"] == 1
    # the later report reads the one man hit as dead: no one is left wounded
    assert figure(e, "injured", "people")["estimate"]["best"] == 0
    # someone else told apart as wounded ("also shot") keeps the wounded count
    other = ("w3", "2023-08-20T11:00:00Z", "Ohio Weekly", "Birch Lane shooting",
             "A man was killed on Birch Lane in Marlow Creek on Friday night. His cousin was also shot and is "
             "expected to survive, police said.")
    e = _event_by_hand([first, later, other])
    assert figure(e, "injured", "people")["estimate"]["best"] == 1


def test_a_child_first_reported_wounded_who_died_leaves_no_wounded():
    e = _event_by_hand([
        ("g1", "2023-09-02T08:00:00Z", "Marlow Creek Star", "Girl wounded in Alder Court shooting",
         "A 7-year-old girl was wounded in a shooting on Alder Court in Marlow Creek, Ohio, on Friday, police said."),
        ("g2", "2023-09-03T09:00:00Z", "Bexley Ford Ledger", "Girl shot on Alder Court dies",
         "Police said a 7-year-old girl shot on Alder Court in Marlow Creek on Friday has since died. "
         "She died at the hospital hours after the shooting."),
    ])
    # the wounded child is the dead child: the event's total of wounded is 0, not the child's 1
    assert figure(e, "injured", "people")["estimate"]["best"] == 0


def test_a_count_of_several_wounded_outweighs_one_report_that_all_died_but_not_two():
    died = [("d1", "2023-10-07T08:00:00Z", "Marlow Creek Star", "Man shot dead on Quarry Road",
             "A man was shot on Quarry Road in Marlow Creek, Ohio, on Friday, police said. He died at the scene."),
            ("d2", "2023-10-07T10:00:00Z", "Bexley Ford Ledger", "Quarry Road shooting",
             "A man was shot on Quarry Road in Marlow Creek on Friday. The man was taken to a hospital, "
             "where he died.")]
    several = ("d3", "2023-10-07T12:00:00Z", "Ohio Weekly", "Two hurt in Quarry Road shooting",
               "Two people were wounded in a shooting on Quarry Road in Marlow Creek on Friday, police said.")
    assert figure(_event_by_hand([died[0], several]), "injured", "people")["estimate"]["best"] == 2
    # two independent reports that the one man hit died against one count of two wounded: a dispute
    injured = figure(_event_by_hand(died + [several]), "injured", "people")
    assert injured["status"] == "disputed" and injured["estimate"]["best"] == 0


def test_the_conservative_policy_never_counts_the_dead_as_wounded_either():
    e = _event_by_hand([
        ("k1", "2023-11-04T08:00:00Z", "Marlow Creek Star", "One hurt in Fenwick Row shooting",
         "One man was wounded in a shooting on Fenwick Row in Marlow Creek, Ohio, on Friday night, police said."),
        ("k2", "2023-11-05T09:00:00Z", "Bexley Ford Ledger", "Fenwick Row victim dies",
         "A man was shot on Fenwick Row in Marlow Creek on Friday night. The man was taken to a hospital, "
         "where he died."),
    ])
    injured = figure(e, "injured", "people")
    assert injured["estimates"]["best"]["best"] == injured["estimates"]["conservative"]["best"] == 0


_QUIET = ("Officers closed Tanner Street for several hours. Detectives asked anyone with video to call them. "
          "No arrests had been made by Sunday afternoon. The tavern opened two years ago. Its owner said he "
          "would add cameras. Neighbors called the block calm most nights. A church group plans a vigil on "
          "Tuesday. The city council meets on Monday. Residents want more street lights.")


def test_a_death_only_one_report_tells_past_its_lead_is_not_the_events():
    wounded = ("t1", "2023-12-03T08:00:00Z", "Bexley Ford Ledger", "Three hurt outside Tanner Street tavern",
               "Gunfire outside a tavern on Tanner Street in Bexley Ford, Ohio, wounded three men on Saturday "
               "night, police said.")
    deep = ("t2", "2023-12-03T10:00:00Z", "Marlow Creek Star", "Tanner Street tavern shooting",
            "Gunfire outside a tavern on Tanner Street in Bexley Ford wounded three men on Saturday night. "
            + _QUIET + " Neighbors said a man was killed outside the same tavern.")
    e = _event_by_hand([wounded, deep])
    # the death ten sentences down, in one report only, is background: the event has no killed figure
    assert not [f for f in e.figures if f["measure"] == "killed"]
    assert figure(e, "injured", "people")["estimate"]["best"] == 3
    # told in the lead, the same death is the event's
    lead = ("t3", "2023-12-03T11:00:00Z", "Ohio Weekly", "Tanner Street tavern shooting",
            "Gunfire outside a tavern on Tanner Street in Bexley Ford killed a man and wounded three men on "
            "Saturday night. " + _QUIET)
    assert figure(_event_by_hand([wounded, lead]), "killed", "people")["estimate"]["best"] == 1


def test_a_follow_up_days_later_that_tells_part_of_the_toll_is_not_the_lowest_credible_figure():
    first = [("b1", "2023-03-11T08:00:00Z", "Marlow Creek Star", "Four killed at Quarry Road bowling alley",
              "Four people died after a gunman fired inside a bowling alley on Quarry Road in Marlow Creek, Ohio, "
              "on Friday night, police said."),
             ("b2", "2023-03-11T10:00:00Z", "Bexley Ford Ledger", "Bowling alley shooting",
              "A gunman killed four people at a Quarry Road bowling alley in Marlow Creek late Friday, "
              "the sheriff said.")]
    trial = ("b3", "2023-09-20T09:00:00Z", "Ohio Weekly", "Verdict in bowling alley case",
             "A jury on Tuesday convicted a Bexley Ford man of killing one man at the Quarry Road bowling alley "
             "in Marlow Creek in March.")
    killed = figure(_event_by_hand(first + [trial]), "killed", "people")
    # months on, a trial over one of the deaths: the toll did not fall, so four is the lowest count
    assert killed["estimates"]["conservative"]["best"] == killed["estimates"]["best"]["best"] == 4
    assert killed["estimates"]["conservative"]["low"] == 1  # still shown as the lowest figure given
    # given the same day, the lower count is a credible low figure
    same_day = ("b4", "2023-03-11T12:00:00Z", "Ohio Weekly", "Bowling alley shooting",
                "One man died after a gunman fired inside the Quarry Road bowling alley in Marlow Creek on Friday "
                "night, police said.")
    killed = figure(_event_by_hand(first + [same_day]), "killed", "people")
    assert killed["estimates"]["conservative"]["best"] == 1


def test_a_figure_only_a_headline_gives_is_stated_by_citing_the_headline():
    e, articles = _by_hand([
        ("h1", "2023-04-08T08:00:00Z", "Marlow Creek Star", "Two dead, three hurt in Tanner Street garage shooting",
         "Two men were shot dead outside a garage on Tanner Street in Marlow Creek, Ohio, on Friday night, "
         "police said. Detectives asked anyone with video to call them."),
        ("h2", "2023-04-08T11:00:00Z", "Bexley Ford Ledger", "Garage shooting",
         "Two men were killed at a garage on Tanner Street in Marlow Creek on Friday night, police said."),
    ])
    from corroborate.brief import brief

    assert figure(e, "injured", "people")["estimate"]["best"] == 3
    brief(e, articles)
    consensus = [s for s in e.brief["sentences"] if s["section"] == "consensus"]
    # no sentence of either report gives the wounded: the headline that does is quoted and cited
    headline = next(s for s in consensus if s["text"] == "Two dead, three hurt in Tanner Street garage shooting")
    assert headline["articles"] == [articles[0].id]
    assert any(s["text"].startswith("Two men were") for s in consensus)


def test_a_round_up_of_several_shootings_bounds_the_toll_and_does_not_set_it():
    e = _event_by_hand([
        ("u1", "2023-06-11T08:00:00Z", "Marlow Creek Star", "Woman killed on Alder Court",
         "A woman was fatally shot on Alder Court in Marlow Creek, Ohio, on Saturday night, police said."),
        ("u2", "2023-06-12T09:00:00Z", "Bexley Ford Ledger", "Weekend gunfire in Marlow Creek",
         "A violent weekend in Marlow Creek left three people dead, police said. "
         "One of them was a woman shot on Alder Court late Saturday."),
    ])
    killed = figure(e, "killed", "people")
    # the city's three dead include the woman: at most three died on Alder Court, and one report says one
    assert killed["status"] != "disputed"
    assert killed["estimates"]["best"]["best"] == killed["estimates"]["conservative"]["best"] == 1
    hours = _event_by_hand([
        ("u3", "2023-06-11T10:00:00Z", "Ohio Weekly", "Woman killed on Alder Court",
         "A woman died of gunshot wounds on Alder Court in Marlow Creek, Ohio, on Saturday night, police said."),
        ("u4", "2023-06-12T10:00:00Z", "Bexley Ford Ledger", "Weekend gunfire in Marlow Creek",
         "Three people were killed within six hours in Marlow Creek on Saturday, police said."),
    ])
    assert figure(hours, "killed", "people")["estimate"]["best"] == 1


def test_the_conservative_figure_is_never_above_the_best_one():
    e = _event_by_hand([
        ("f1", "2023-05-01T08:00:00Z", "Marlow Creek Star", "Seven hurt at county fair",
         "Seven people were wounded by gunfire at the county fair in Marlow Creek, Ohio, on Sunday, police said."),
        ("f2", "2023-05-01T09:00:00Z", "Bexley Ford Ledger", "Fair shooting",
         "Nine people were wounded by gunfire at the Marlow Creek county fair on Sunday, the sheriff said."),
        ("f3", "2023-05-04T09:00:00Z", "Ohio Weekly", "Fair shooting victims",
         "Two people were wounded by gunfire at the Marlow Creek county fair on Sunday, a court filing says."),
        ("f4", "2023-05-05T09:00:00Z", "Tri-County Herald", "Fair shooting charges",
         "Four people were wounded by gunfire at the Marlow Creek county fair on Sunday, prosecutors said."),
    ])
    injured = figure(e, "injured", "people")
    assert injured["status"] == "disputed" and injured["estimates"]["best"]["best"] == 4
    # the later, lower figures are no credible low count, but the lowest credible one is not above the best
    assert injured["estimates"]["conservative"]["best"] == 4

# --- The event date: the day each report was written ---------------------------------------------------


def test_a_page_stamp_earlier_than_its_metadata_is_the_day_its_report_was_written():
    e = _event_by_hand([
        ("s1", "2023-10-24T08:00:00Z", "Lakeside Post", "Two hurt on Quarry Lane",
         "Gunfire on Quarry Lane in Marlow Creek left two brothers hurt on Sunday, police said."),
        ("s2", "2025-03-01T08:00:00Z", "Bexley Ford Ledger", "Quarry Lane shooting",
         "Updated: 10/16/2023 9:10 PM\n\nGunfire on Quarry Lane in Marlow Creek left two brothers hurt on "
         "Sunday, police said."),
    ])
    # the second page was written on Oct. 16 (its metadata is a later crawl): its Sunday, Oct. 15, was the
    # news when it broke, and the first report's Sunday a week later is after the event was first told
    assert e.date["value"] == "2023-10-15"
    undated = _event_by_hand([
        ("s3", "2025-03-01T08:00:00Z", "Bexley Ford Ledger", "Quarry Lane shooting",
         "Updated: 10/16/2023 9:10 PM\n\nGunfire on Quarry Lane in Marlow Creek left two brothers hurt, "
         "police said."),
        ("s4", "2025-03-02T08:00:00Z", "Lakeside Post", "Quarry Lane shooting",
         "Gunfire on Quarry Lane in Marlow Creek left two brothers hurt, police said."),
    ])
    assert undated.date["value"] == "2023-10-16" and undated.date["basis"] == "published"


# --- The event date: which report's day (date helper's block) ----------------------------------------------


def test_a_late_copy_s_weekday_is_read_against_the_first_report_s_day():
    e = _event_by_hand([
        ("c1", "2023-05-01T08:00:00Z", "Lakeside Post", "Teen hurt in Cedar Lane robbery",
         "A teenager was hurt during a robbery on Cedar Lane in Marlow Creek, police said."),
        ("c2", "2023-05-13T08:00:00Z", "Bexley Ford Ledger", "Teen hurt in Cedar Lane robbery",
         "A teenager was shot during a robbery on Cedar Lane in Marlow Creek late Friday, police said."),
    ])
    # the copy's "late Friday" was written when the news broke: the Friday before May 1, not May 12
    assert e.date["value"] == "2023-04-28" and e.date["basis"] == "text"
    # the report keeps the day its words give read against its own stamp, and says how it was counted
    [r] = e.date["reports"]
    assert r["value"] == "2023-05-12" and r["read_as"] == "2023-04-28" and "2023-05-01" in r["derived"]


def test_a_late_follow_up_s_weekday_is_not_read_again():
    e = _event_by_hand([
        ("c3", "2023-05-01T08:00:00Z", "Lakeside Post", "Teen hurt in Cedar Lane robbery",
         "A teenager was hurt during a robbery on Cedar Lane in Marlow Creek, police said."),
        ("c4", "2023-05-13T08:00:00Z", "Bexley Ford Ledger", "Arrest in Cedar Lane robbery",
         "A man was arraigned on Friday in the robbery on Cedar Lane in Marlow Creek that hurt a teenager."),
    ])
    assert e.date["value"] == "2023-05-01" and e.date["basis"] == "published"


def test_a_tie_goes_to_the_day_tied_to_the_shooting_before_an_arrest_s_day():
    e = _event_by_hand([
        ("a1", "2023-06-20T08:00:00Z", "Lakeside Post", "Gunfire on Heron Road",
         "Neighbours heard gunfire on Heron Road in Marlow Creek on June 12 at about 10 p.m., deputies said."),
        ("a2", "2023-06-20T09:00:00Z", "Bexley Ford Ledger", "Second man held",
         "A second man was arrested June 19 on a weapons charge, deputies in Marlow Creek said."),
    ])
    # one report each; the later day is an arrest's, though it was told fresher
    assert e.date["value"] == "2023-06-12"


def test_a_tie_of_origins_goes_to_the_day_more_reports_carry():
    text = ("MARLOW CREEK, Ohio (AP) — A boy, 4, shot himself with his father's pistol on Sunday morning, "
            "deputies said.")
    e = _event_by_hand([
        ("m1", "2023-04-03T08:00:00Z", "Lakeside Post", "Boy shoots himself", text),
        ("m2", "2023-04-03T09:00:00Z", "Bexley Ford Ledger", "Boy shoots himself", text),  # one wire story, twice
        ("m3", "2023-04-03T10:00:00Z", "County Log", "Weekend log",
         "A boy was shot in Marlow Creek on April 1, 2023, the log shows."),
    ])
    assert len({r["origin"] for r in e.date["reports"]}) == 2
    assert e.date["value"] == "2023-04-02"



def test_a_day_read_again_may_agree_but_never_disputes():
    e = _event_by_hand([
        ("c5", "2023-05-01T08:00:00Z", "Lakeside Post", "Teen shot on Cedar Lane",
         "A teenager was shot on Cedar Lane in Marlow Creek on Saturday, police said."),
        ("c6", "2023-05-13T08:00:00Z", "Bexley Ford Ledger", "Teen shot on Cedar Lane",
         "A teenager was shot on Cedar Lane in Marlow Creek late Friday, police said."),
    ])
    # read again, the late report's "late Friday" is April 28: a guess, no dispute with the first report's day
    assert [r.get("read_as") for r in e.date["reports"]] == [None, "2023-04-28"]
    assert e.date["value"] == "2023-04-29"
    assert not [d for d in e.disputes if d["about"] == "date"]


def test_a_day_read_again_gives_way_to_a_day_a_report_gave_as_it_stands():
    e = _event_by_hand([
        ("c7", "2023-05-01T08:00:00Z", "Lakeside Post", "Cedar Lane closed",
         "Deputies closed Cedar Lane in Marlow Creek on Saturday after a teenager was hurt there."),
        ("c8", "2023-05-13T08:00:00Z", "Bexley Ford Ledger", "Teen shot on Cedar Lane",
         "A teenager was shot on Cedar Lane in Marlow Creek late Friday, police said."),
    ])
    # the late report's words tie its day to the shooting, the first report's do not; still a guess loses
    assert e.date["value"] == "2023-04-29"


# --- Figures: whose death, whose wounds, which count (reconcile of tolls) --------------------------------


def test_a_gunman_who_killed_himself_leaves_the_officer_he_shot_wounded():
    wounded = ("m1", "2023-06-11T08:00:00Z", "Bexley Ford Ledger", "Deputy wounded at Kestrel Road feed store",
               "A deputy was wounded outside a feed store on Kestrel Road in Bexley Ford, Ohio, on Saturday, "
               "the sheriff said.")
    shooter = ("m2", "2023-06-11T10:00:00Z", "Marlow Creek Star", "Gunman shoots deputy, then kills himself",
               "A man shot a deputy outside a feed store on Kestrel Road in Bexley Ford on Saturday and then "
               "killed himself, the sheriff said. The 44-year-old deputy is expected to recover.")
    e = _event_by_hand([wounded, shooter])
    # the only death is the gunman's: the deputy he shot is not read as dead, so one stays wounded
    assert total(e.figures, "injured")["estimate"]["best"] == 1
    assert total(e.figures, "killed")["estimate"]["best"] == 1
    # a boy who shot himself and died is the one hit: no one is left wounded
    e = _event_by_hand([
        ("m3", "2023-06-12T08:00:00Z", "Bexley Ford Ledger", "Boy hurt in Kestrel Road shooting",
         "A 6-year-old boy was wounded in a shooting at a home on Kestrel Road in Bexley Ford, Ohio, police said."),
        ("m4", "2023-06-12T11:00:00Z", "Marlow Creek Star", "Boy, 6, fatally shoots himself",
         "A 6-year-old boy found a loaded pistol in a bedroom on Kestrel Road in Bexley Ford and shot himself "
         "in the head, police said. He died at the scene."),
    ])
    assert total(e.figures, "injured")["estimate"]["best"] == 0


_CAR_WASH = [
    ("c1", "2023-07-08T08:00:00Z", "Marlow Creek Star", "Two killed, one hurt at Wren Street car wash",
     "Two men were killed and a third was wounded in a shooting at a car wash on Wren Street in Marlow Creek, "
     "Ohio, on Friday night, police said."),
    ("c2", "2023-07-08T11:00:00Z", "Bexley Ford Ledger", "Car wash shooting on Wren Street",
     "Gunfire at a Wren Street car wash in Marlow Creek killed two men and wounded another on Friday night, "
     "the police chief said."),
]


def test_a_later_report_that_a_victim_has_since_died_raises_the_toll_and_lowers_the_wounded():
    died = ("c3", "2023-07-11T09:00:00Z", "Ohio Weekly", "Third victim of Wren Street car wash shooting dies",
            "A third man shot at the Wren Street car wash in Marlow Creek on Friday night has died, police said. "
            "Three men have now died in the shooting.")
    e = _event_by_hand(_CAR_WASH + [died])
    killed = figure(e, "killed", "people")
    # tolls rise: the two earlier reports of two dead did not know of the third death (superseded, still listed)
    assert killed["estimates"]["best"]["best"] == killed["estimates"]["conservative"]["best"] == 3
    assert {r["value"] for r in killed["superseded"]} == {2}
    # the man wounded on Friday is the man who died: no one is left wounded
    injured = figure(e, "injured", "people")
    assert injured["estimates"]["best"]["best"] == injured["estimates"]["conservative"]["best"] == 0
    # a round-up of the city's dead over two days is no news of this shooting's toll
    round_up = ("c4", "2023-07-11T09:00:00Z", "Ohio Weekly", "Marlow Creek violence",
                "Three men have died in shootings across Marlow Creek in just two days, police said.")
    e = _event_by_hand(_CAR_WASH + [round_up])
    assert figure(e, "killed", "people")["estimate"]["best"] == 2
    assert figure(e, "injured", "people")["estimate"]["best"] == 1


def test_a_dead_gunman_counts_with_the_victims_a_report_says_he_killed():
    killed = ("g1", "2023-02-06T08:00:00Z", "Bexley Ford Ledger", "Gunman kills four at Tern Avenue warehouse",
              "A gunman killed four people at a warehouse on Tern Avenue in Bexley Ford, Ohio, on Monday, police said.")
    e = _event_by_hand([
        killed,
        ("g2", "2023-02-06T10:00:00Z", "Marlow Creek Star", "Five dead in Tern Avenue warehouse shooting",
         "Five people, including the gunman, died in a shooting at a warehouse on Tern Avenue in Bexley Ford on "
         "Monday, police said."),
        ("g3", "2023-02-06T12:00:00Z", "Ohio Weekly", "Tern Avenue warehouse shooting",
         "Four people died when shots were fired into a warehouse on Tern Avenue in Bexley Ford on Monday, "
         "the mayor said."),
    ])
    # the four he killed and the gunman make the five one report counts: no dispute, under both policies
    row = figure(e, "killed", "people")
    assert row["status"] == "agreed"
    assert row["estimates"]["best"]["best"] == row["estimates"]["conservative"]["best"] == 5
    # his death told on its own ("found the gunman dead") adds him to the four he killed
    found = ("g4", "2023-02-06T11:00:00Z", "Ohio Weekly", "Tern Avenue warehouse shooting",
             "Officers found the gunman dead inside the warehouse on Tern Avenue in Bexley Ford, police said.")
    assert figure(_event_by_hand([killed, found]), "killed", "people")["estimate"]["best"] == 5
    # the man officers killed is the dead intruder, not one more
    e = _event_by_hand([
        ("p1", "2023-02-12T08:00:00Z", "Bexley Ford Ledger", "Armed intruder shot dead by police on Dune Street",
         "An armed intruder was shot dead by police at a house on Dune Street in Marlow Creek, Ohio, on Sunday, "
         "police said."),
        ("p2", "2023-02-20T10:00:00Z", "Marlow Creek Star", "Officers back at work after Dune Street shooting",
         "Two officers who shot and killed one man on Dune Street in Marlow Creek this month returned to work on "
         "Monday."),
    ])
    assert figure(e, "killed", "people")["estimate"]["best"] == 1
    # the wounded too: a report that counts the gunman among them is no dispute with one that does not
    e = _event_by_hand([
        ("w1", "2023-02-17T08:00:00Z", "Bexley Ford Ledger", "Three hurt in Heron Lane diner shooting",
         "A gunman wounded three people at a diner on Heron Lane in Marlow Creek, Ohio, on Friday, police said."),
        ("w2", "2023-02-17T12:00:00Z", "Marlow Creek Star", "Heron Lane diner shooting",
         "Four people, including the gunman, were wounded in a shooting at a diner on Heron Lane in Marlow Creek "
         "on Friday, police said."),
    ])
    injured = figure(e, "injured", "people")
    assert injured["status"] == "agreed" and injured["estimate"]["best"] == 4


def test_people_introduced_one_by_one_do_not_set_the_floor_unless_told_apart():
    by_one = ("i1", "2023-04-16T08:00:00Z", "Bexley Ford Ledger", "Man found dead on Larch Street",
              "Gunfire on Larch Street in Marlow Creek, Ohio, left a man dead on Saturday night, detectives said. "
              "A 17-year-old boy died in the gunfire, they added.")
    one = ("i2", "2023-04-16T10:00:00Z", "Marlow Creek Star", "Teen shot dead on Larch Street",
           "A teenager was shot dead on Larch Street in Marlow Creek on Saturday night, police said.")
    # the man and the boy of 17 may be one victim told twice: the other report's one is not outvoted
    assert figure(_event_by_hand([by_one, one]), "killed", "people")["estimate"]["best"] == 1
    apart = ("i3", "2023-04-16T12:00:00Z", "Ohio Weekly", "Larch Street shooting",
             "A man was killed on Larch Street in Marlow Creek on Saturday night. Another man was also killed "
             "there, police said.")
    # "another man" is a second victim: two, and the lone "a teenager" is one of them
    assert figure(_event_by_hand([one, apart]), "killed", "people")["estimate"]["best"] == 2


def test_a_count_of_everyone_then_a_victim_in_one_sentence_is_one_death_told_twice():
    twice = ("q2", "2023-05-21T10:00:00Z", "Marlow Creek Star", "Pell Park shooting",
             "A shooting at Pell Park in Marlow Creek left one person dead and four hurt, and the man who killed a "
             "16-year-old there turned himself in, police said.")
    assert figure(_event_by_hand([twice]), "killed", "people")["estimate"]["best"] == 1
    # two people told one after the other in one phrase are two
    both = ("q3", "2023-05-21T12:00:00Z", "Ohio Weekly", "Pell Park shooting",
            "Gunfire at Pell Park in Marlow Creek on Sunday killed a man and a teenage boy, police said.")
    assert figure(_event_by_hand([both]), "killed", "people")["estimate"]["best"] == 2


def test_a_citys_toll_since_a_day_is_a_round_up_not_the_events_count():
    e = _event_by_hand([
        ("r1", "2023-08-05T08:00:00Z", "Bexley Ford Ledger", "Woman killed on Osprey Street",
         "A woman was killed in a shooting on Osprey Street in Bexley Ford, Ohio, early Saturday, police said."),
        ("r2", "2023-08-07T10:00:00Z", "Marlow Creek Star", "Police chief on weekend violence",
         "The police chief said on Monday that six people had died of gunshot wounds in the city since Friday, "
         "including a woman shot on Osprey Street in Bexley Ford early Saturday."),
    ])
    # the six are the city's weekend, the woman one of them: the event's toll is hers
    assert figure(e, "killed", "people")["estimate"]["best"] == 1


def test_one_who_shot_himself_told_as_the_gunman_and_as_a_student_is_one_death():
    himself = ("h1", "2023-09-12T08:00:00Z", "Bexley Ford Ledger", "Police: boy killed himself on Plover Lane",
               "A boy of 12 fatally shot himself in a bedroom on Plover Lane in Marlow Creek, Ohio, on Tuesday, "
               "police said.")
    student = ("h2", "2023-09-12T10:00:00Z", "Marlow Creek Star", "Student dies on Plover Lane",
               "A Marlow Creek Middle School student died Tuesday after shooting himself at his home on Plover Lane, "
               "police said.")
    assert total(_event_by_hand([himself, student]).figures, "killed")["estimate"]["best"] == 1
    # a gunman shot dead by police and the clerk he killed are two
    e = _event_by_hand([
        ("h3", "2023-09-14T08:00:00Z", "Bexley Ford Ledger", "Gunman shot dead at Plover Lane store",
         "Police shot and killed a gunman at a store on Plover Lane in Marlow Creek, Ohio, on Thursday."),
        ("h4", "2023-09-14T10:00:00Z", "Marlow Creek Star", "Clerk killed at Plover Lane store",
         "A clerk was killed at a store on Plover Lane in Marlow Creek on Thursday, police said."),
    ])
    assert total(e.figures, "killed")["estimate"]["best"] == 2


def test_the_people_a_report_names_are_some_of_the_dead_not_a_lower_count():
    e = _event_by_hand([
        ("n1", "2023-10-21T08:00:00Z", "Bexley Ford Ledger", "Three killed at Sedge Road house",
         "Three men died after gunfire at a house on Sedge Road in Marlow Creek, Ohio, on Friday night, "
         "police said."),
        ("n2", "2023-10-23T10:00:00Z", "Marlow Creek Star", "Sedge Road victims named",
         "Ari Quenby, 28, and Wes Dunmore, 27, were found dead inside the house on Sedge Road in Marlow Creek, "
         "police said."),
    ])
    killed = figure(e, "killed", "people")
    # two named dead are two of the three: no dispute, and three is also the lowest credible count
    assert killed["status"] == "agreed"
    assert killed["estimates"]["best"]["best"] == killed["estimates"]["conservative"]["best"] == 3


def test_a_position_no_sentence_states_as_such_says_how_it_was_read():
    from corroborate.brief import brief

    e, articles = _by_hand([
        ("g1", "2023-02-06T08:00:00Z", "Bexley Ford Ledger", "Gunman kills four at Tern Avenue warehouse",
         "A gunman killed four people at a warehouse on Tern Avenue in Bexley Ford, Ohio, on Monday, police said."),
        ("g4", "2023-02-06T11:00:00Z", "Ohio Weekly", "Tern Avenue warehouse shooting",
         "Officers found the gunman dead inside the warehouse on Tern Avenue in Bexley Ford, police said."),
        ("g3", "2023-02-06T12:00:00Z", "Lakeside Post", "Tern Avenue warehouse shooting",
         "Three people died when shots were fired into a warehouse on Tern Avenue in Bexley Ford on Monday, "
         "the mayor said."),
    ])
    d = next(d for d in e.disputes if d["about"] == "killed people")
    five = next(p for p in d["positions"] if p["value"] == 5)
    assert five["how"] == ["4 killed by the gunman + the gunman"]
    e = brief(e, articles)
    assert "5 (Bexley Ford Ledger: 4 killed by the gunman + the gunman)" in e.brief["markdown"]
    # the sentences stating the other positions are in the consensus (they give the place and the target
    # too): the dispute is still listed, in the markdown and on the page
    from corroborate.html import to_html
    from corroborate.model import Dossier
    page = lxml.html.fromstring(to_html(Dossier(articles=articles, events=[e])))
    disputed = page.xpath("//h4[text()='Disputed']/following-sibling::ul[1]")[0].text_content()
    assert "killed people: 1 (police); 3 (the mayor); 5 (Bexley Ford Ledger: 4 killed by the gunman" in disputed


# --- Date: the first report's stamp a day early ------------------------------------------------------


def test_the_day_after_the_first_report_s_stamp_stays_in_when_reports_tie_it_to_the_act():
    e = _event_by_hand([
        ("p1", "2023-03-09T08:00:00Z", "Lakeside Post", "Clerk hurt in Alder Street pawn shop",
         "A clerk was wounded when a man fired into a pawn shop on Alder Street in Marlow Creek early Friday, "
         "police said."),
        ("p2", "2023-03-10T09:00:00Z", "Bexley Ford Ledger", "Pawn shop clerk shot",
         "Shots hit a clerk early Friday inside a pawn shop on Alder Street in Marlow Creek, deputies said."),
        ("p3", "2023-03-12T09:00:00Z", "County Log", "Alder Street clerk recovering",
         "The clerk shot early Friday at the Alder Street pawn shop in Marlow Creek is recovering at home."),
    ])
    # the first page's stamp (a Thursday) puts its "early Friday" six days back; two reports written as the
    # news broke say the Friday after it: the stamp was a day early, not a later event
    assert e.date["value"] == "2023-03-10"


def test_the_day_after_the_first_report_stays_out_when_it_is_a_follow_up_s_or_stale():
    e = _event_by_hand([
        ("q1", "2023-03-09T08:00:00Z", "Lakeside Post", "Clerk hurt in Alder Street pawn shop",
         "A clerk was wounded when a man fired into a pawn shop on Alder Street in Marlow Creek on Wednesday, "
         "police said."),
        ("q2", "2023-03-10T09:00:00Z", "Bexley Ford Ledger", "Man held in pawn shop shooting",
         "A man was arrested on Friday in the shooting of a clerk at a pawn shop on Alder Street in Marlow Creek."),
        ("q3", "2023-03-30T09:00:00Z", "County Log", "Pawn shop clerk dies",
         "The clerk hurt in the Alder Street pawn shop shooting in Marlow Creek died March 10, his family said."),
    ])
    assert e.date["value"] == "2023-03-08"
    assert not [d for d in e.disputes if d["about"] == "date"]


def test_the_day_after_the_first_report_may_win_but_never_opens_a_dispute():
    e = _event_by_hand([
        ("s1", "2023-03-09T08:00:00Z", "Lakeside Post", "Clerk hurt in Alder Street pawn shop",
         "A clerk was wounded when a man fired into a pawn shop on Alder Street in Marlow Creek on Wednesday, "
         "police said."),
        ("s2", "2023-03-09T10:00:00Z", "County Log", "Shots at Alder Street pawn shop",
         "Deputies say shots hit the pawn shop on Alder Street in Marlow Creek on Wednesday night."),
        ("s3", "2023-03-10T09:00:00Z", "Bexley Ford Ledger", "Pawn shop clerk shot",
         "Shots hit a clerk early Friday inside a pawn shop on Alder Street in Marlow Creek, deputies said."),
    ])
    assert e.date["value"] == "2023-03-08"
    assert not [d for d in e.disputes if d["about"] == "date"]


# --- Figures: how some of them are, whose death, which group, who died since (fixes helper's block) ------


def test_how_some_of_those_hit_are_doing_is_no_second_count():
    e = _event_by_hand([
        ("x1", "2023-03-04T08:00:00Z", "Bexley Ford Ledger", "Brackwater Road party shooting",
         "Five people were shot at a party on Brackwater Road in Marlow Creek, Ohio, on Friday night, police said. "
         "Two were listed in critical condition, a hospital spokeswoman said."),
    ])
    # the hospital's two are some of the five, not a second speaker's count of them
    shot = figure(e, "shot", "people")
    assert shot["status"] != "disputed" and shot["estimate"]["best"] == 5
    assert not e.disputes


def test_a_report_of_the_gunmans_death_alone_is_no_count_of_his_victims():
    e = _event_by_hand([
        ("y1", "2023-03-05T08:00:00Z", "Bexley Ford Ledger", "Tamber Street office shooting",
         "Three people were killed at an office on Tamber Street in Marlow Creek, Ohio, on Monday, police said."),
        ("y2", "2023-03-05T10:00:00Z", "Marlow Creek Star", "Tamber Street shooting",
         "The 41-year-old gunman was shot dead by officers at an office on Tamber Street in Marlow Creek on Monday, "
         "police said."),
    ])
    killed = figure(e, "killed", "people")
    # "1" is the gunman, not a lower toll: no dispute, and the toll stays the three
    assert killed["status"] == "agreed" and killed["estimate"]["best"] == 3
    assert not any(d["about"] == "killed people" for d in e.disputes)


_PARK = [
    ("k1", "2023-04-02T08:00:00Z", "Bexley Ford Ledger", "Shooting at Fennick Park",
     "Three people were wounded in a shooting at Fennick Park in Marlow Creek, Ohio, on Saturday, police said. "
     "Two children were hurt, the chief said."),
    ("k3", "2023-04-02T09:00:00Z", "Ohio Weekly", "Fennick Park shooting",
     "Three people were wounded in a shooting at Fennick Park in Marlow Creek on Saturday."),
]


def test_a_group_is_disputed_only_when_a_side_of_the_total_leaves_no_room_for_it():
    two = ("k2", "2023-04-02T10:00:00Z", "Marlow Creek Star", "Fennick Park shooting",
           "Two people were wounded at Fennick Park in Marlow Creek on Saturday, police said. Two children were "
           "hurt, the mayor said.")
    e = _event_by_hand(_PARK + [two])
    assert figure(e, "injured", "people")["status"] == "disputed"
    # every report gives two children: "two people" is another count that happens to be two
    assert figure(e, "injured", "children")["status"] == "agreed"
    # a report that no one but the dead man was hurt leaves no room for a wounded child
    e = _event_by_hand([
        ("k5", "2023-04-09T08:00:00Z", "Bexley Ford Ledger", "Boy hurt at Fennick Park",
         "A 12-year-old boy was wounded at Fennick Park in Marlow Creek, Ohio, on Saturday, police said."),
        ("k6", "2023-04-09T10:00:00Z", "Marlow Creek Star", "Fennick Park shooting",
         "A man was shot dead at Fennick Park in Marlow Creek on Saturday, police said. No one else "
         "was injured."),
    ])
    assert figure(e, "injured", "people")["status"] == "disputed"
    assert figure(e, "injured", "children")["status"] == "disputed"


def test_a_child_who_has_since_died_is_no_longer_among_the_wounded_children():
    e = _event_by_hand([
        ("d1", "2023-04-07T20:00:00Z", "Bexley Ford Ledger", "Two boys hurt at Fennick Park",
         "Two boys were wounded in a shooting at Fennick Park in Marlow Creek, Ohio, on Friday, police said."),
        ("d2", "2023-04-10T10:00:00Z", "Marlow Creek Star", "Boy shot at Fennick Park dies",
         "A boy shot at Fennick Park in Marlow Creek on Friday has died, police said."),
    ])
    assert figure(e, "killed", "children")["estimate"]["best"] == 1
    injured = figure(e, "injured", "children")
    assert injured["estimate"]["best"] == 1
    assert injured["reports"][0]["derived"] == "2 wounded less 1 who died since"


# --- derived wounded and their dispute, copied headlines, the act's day against the police's ----------

def test_wounded_read_from_the_shot_keep_the_dispute_of_the_reports_they_replace():
    e = _event_by_hand([
        ("q1", "2023-07-09T08:00:00Z", "Wrenfield Ledger", "Two hurt in Quarry Lane shooting",
         "Shots fired at a feed store on Quarry Lane in Wrenfield late Saturday left two people wounded, "
         "police said."),
        ("q2", "2023-07-09T10:00:00Z", "Harrowgate Courier", "Three hurt in Quarry Lane shooting",
         "Shots fired at a feed store on Quarry Lane in Wrenfield late Saturday left three people wounded, "
         "deputies said."),
        ("q3", "2023-07-09T15:00:00Z", "Valley Signal", "Man dies after Quarry Lane shooting",
         "Five people were shot outside a feed store on Quarry Lane in Wrenfield late Saturday, and one man died "
         "at the scene, the sheriff said."),
    ])
    injured = figure(e, "injured", "people")
    # five shot less the one dead: four wounded, but the reports of the wounded said two and three
    assert injured["estimate"]["best"] == 4
    assert injured["status"] == "disputed" and injured["derived"].endswith("said 2 or 3")
    (dispute,) = [d for d in e.disputes if d["about"] == "injured people"]
    assert [p["value"] for p in dispute["positions"]] == [2, 3, 4]
    assert dispute["positions"][-1]["how"] == ["shot 5 - killed 1"]


def test_a_headline_copied_word_for_word_is_one_source():
    title = "Two hurt in shooting outside Wrenfield feed store"
    e = _event_by_hand([
        ("h1", "2023-07-09T08:00:00Z", "Wrenfield Ledger", title,
         "Deputies were called to a feed store on Quarry Lane in Wrenfield late Saturday."),
        ("h2", "2023-07-09T10:00:00Z", "Harrowgate Courier", title,
         "The feed store on Quarry Lane in Wrenfield was closed on Sunday, its owner said."),
    ])
    injured = figure(e, "injured", "people")
    # the two reports carry one headline: one source for the figure, not two that agree
    assert injured["estimate"]["best"] == 2
    assert injured["independent_sources"] == 1 and injured["status"] == "single-source"
    # headlines that differ are two sources
    e = _event_by_hand([
        ("h3", "2023-07-09T08:00:00Z", "Wrenfield Ledger", title,
         "Deputies were called to a feed store on Quarry Lane in Wrenfield late Saturday."),
        ("h4", "2023-07-09T10:00:00Z", "Harrowgate Courier", "Shooting at Wrenfield feed store leaves two hurt",
         "The feed store on Quarry Lane in Wrenfield was closed on Sunday, its owner said."),
    ])
    assert figure(e, "injured", "people")["status"] == "agreed"


def test_a_day_only_the_police_s_arrival_gives_yields_to_an_earlier_day_of_the_act():
    def event(day: str):
        return _event_by_hand([
            ("p1", "2023-04-11T08:00:00Z", "Lakeside Post", "Gunfire on Linnet Lane",
             "Deputies were called to a house on Linnet Lane in Marlow Creek around 12:30 a.m. Sunday, the sheriff said."),
            ("p2", "2023-05-20T08:00:00Z", "Bexley Ford Ledger", "Man charged",
             f"A man was charged Friday in the {day} shooting on Linnet Lane in Marlow Creek."),
        ])
    # police come to a shooting after it, at times past midnight: the act's own earlier day wins the tie,
    # though the later report was written weeks on
    assert event("April 8").date["value"] == "2023-04-08"
    # an act's day after the police came is no reason to move: the day told as the news broke stays
    assert event("April 10").date["value"] == "2023-04-09"


def test_a_tie_goes_to_the_day_told_with_its_hour_before_a_bare_weekday():
    def event(second: str, first: str = "on Thursday"):
        return _event_by_hand([
            ("t1", "2023-03-10T20:00:00Z", "Lakeside Post", "Man shot on Quarry Lane",
             f"A man was shot on Quarry Lane in Bexley Ford {first}, deputies said."),
            ("t2", "2023-03-10T21:00:00Z", "County Log", "Quarry Lane shooting",
             f"A man was shot on Quarry Lane in Bexley Ford {second}, deputies said."),
        ])
    # one report each: the one that says when in the day knows the day better
    assert event("on Friday afternoon").date["value"] == "2023-03-10"
    # "overnight" leans on the report's stamp: no better than the weekday, and the earlier day stays
    assert event("overnight").date["value"] == "2023-03-09"
    # an hour on the clock says more than a part of the day
    assert event("at about 2 a.m. Friday", first="on Thursday evening").date["value"] == "2023-03-10"
    assert event("on Friday", first="on Thursday evening").date["value"] == "2023-03-09"


# --- Date: reports that give no day ----------------------------------------------------------------------

def test_undated_reports_of_a_late_evening_hour_date_the_event_the_night_before():
    def event(hour: str):
        return _event_by_hand([
            ("n1", "2022-10-18T09:00:00Z", "Tolley Mills Ledger", "Boy hurt in Tern Road shooting",
             f"Deputies were called to a house on Tern Road in Tolley Mills around {hour} after a bullet grazed "
             "a boy's foot, the sheriff said."),
            ("n2", "2022-10-19T09:00:00Z", "Harl County Courier", "Sheriff urges gun safety",
             "The sheriff urged parents in Tolley Mills to lock up their guns after a bullet grazed a boy's foot."),
        ])
    late = event("11 p.m.").date
    assert (late["value"], late["basis"]) == ("2022-10-17", "published")
    assert "night before" in late["reports"][0]["derived"] and late["reports"][0]["quote"] == "around 11 p.m."
    # an afternoon hour is the day the first report was written
    assert event("3 p.m.").date["value"] == "2022-10-18"


def test_a_report_of_a_run_of_days_supports_each_day_of_it_and_disputes_none():
    def event(first: str):
        return _event_by_hand([
            ("s1", "2022-10-19T09:00:00Z", "Tolley Mills Ledger", "Deputies hunt gunman",
             f"Deputies were hunting a man who fired at cars {first} near Tolley Mills, the sheriff said."),
            ("s2", "2022-10-20T09:00:00Z", "Harl County Courier", "Gunman killed by deputies",
             "A gunman who had wounded four drivers near Tolley Mills was killed by deputies on Tuesday night, "
             "the sheriff said."),
        ])
    # the first report's run reaches the day the second gives: both support Thursday, and nothing is disputed
    e = event("on Monday evening and Tuesday morning")
    assert (e.date["value"], e.date["status"]) == ("2022-10-18", "agreed")
    assert not [d for d in e.disputes if d["about"] == "date"]
    # a single day each is a tie that stays a dispute
    e = event("on Monday evening")
    assert (e.date["value"], e.date["status"]) == ("2022-10-17", "disputed")


def test_undated_reports_led_by_an_arrest_date_the_event_before_the_first_report():
    def event(title: str):
        return _event_by_hand([
            ("j1", "2022-10-18T09:00:00Z", "Tolley Mills Ledger", title,
             "A bullet grazed a woman's arm at a house on Tern Road in Tolley Mills, the sheriff said."),
            ("j2", "2022-10-19T09:00:00Z", "Harl County Courier", "Sheriff urges gun safety",
             "The sheriff urged people in Tolley Mills to lock up their guns after a bullet grazed a woman's arm."),
        ])
    d = event("Neighbor arrested after woman shot on Tern Road").date
    assert d["value"] == "2022-10-17" and "later step" in d["reports"][0]["derived"]
    assert event("Woman shot on Tern Road").date["value"] == "2022-10-18"


def test_overnight_and_the_night_before_are_one_night_not_a_dispute():
    e = _event_by_hand([
        ("o1", "2023-03-10T08:00:00Z", "Lakeside Post", "Man shot on Quarry Lane",
         "A man was shot on Quarry Lane in Bexley Ford overnight, deputies said."),
        ("o2", "2023-03-10T09:00:00Z", "County Log", "Quarry Lane shooting",
         "A man was shot on Quarry Lane in Bexley Ford on Thursday night, deputies said."),
    ])
    assert (e.date["value"], e.date["status"]) == ("2023-03-09", "agreed")
    assert not [d for d in e.disputes if d["about"] == "date"]


def test_a_later_day_only_a_statement_gives_is_no_dispute_with_the_acts_day():
    friday = ("k1", "2023-06-17T07:00:00Z", "Lakeside Post", "Gunmen attack police post in Ketto",
              "Gunmen attacked a police post in Ketto on Friday, killing four officers, the governor said.")
    e = _event_by_hand([
        friday,
        ("k2", "2023-06-18T09:00:00Z", "County Log", "Four officers killed in Ketto",
         "The attack on the police post took place in Ketto, near the river, the governor wrote on Saturday."),
    ])
    assert (e.date["value"], e.date["status"]) == ("2023-06-16", "single-source")
    assert not [d for d in e.disputes if d["about"] == "date"]
    # a later day the act's own words give is still a dispute
    e = _event_by_hand([
        friday,
        ("k3", "2023-06-18T09:00:00Z", "County Log", "Four officers killed in Ketto",
         "Gunmen attacked a police post in Ketto on Saturday, killing four officers."),
    ])
    assert [d for d in e.disputes if d["about"] == "date"]
