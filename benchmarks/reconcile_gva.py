"""Reconciliation and briefs on GVA: incidents with two or more articles, vs the gold incident.

**Facts.**  For every gold incident with at least two ingested articles, the event's reconciled
killed and injured totals, date and city are compared with GVA's, in two settings:

- ``gold_grouping``: the incident's own articles form one event (reconciliation alone);
- ``our_clustering``: ``cluster.batch`` over all GVA articles; each incident is scored by the
  event that holds most of its articles (ties: the event of its earliest article).

and, on the same incidents, the ``single_article`` baseline: ``extract.facts`` of the incident's
earliest article (by publication, then id) — what one report says without reconciliation.

An event's total killed is its figure row (measure ``killed``) for group ``people``; without
one (reconcile drops it when every report's total is one named group's figure), the sum over
the disjoint groups (soldiers, police, civilians, attackers, peacekeepers), or the children's row
when that is larger; no row at all is 0 (a report that says nothing of deaths means none, as in
``extract_gva``).  The same for injured.  Each under both estimate policies (``best`` and
``conservative``).  ``injured_shot_exact`` also counts the shot minus the killed when that is
larger, as ``extract.facts`` does for one article (reconcile keeps ``shot`` as its own measure).
Date right = the event date's value is GVA's date (``date_within_1_day`` also takes the day
before or after: "late Wednesday" for a shooting GVA dates Thursday); city right by name (GVA's
city, or without " county") or within 25 km of the incident (town or district precision), as in
``extract_gva``.

**Briefs.**  On the gold-grouped events, our brief's consensus sentences against sumy's LexRank
over the event's articles' cleaned sentences (identical sentences once), with as many sentences
as our consensus (at least 1).  One checker for both:

- killed (injured) stated: some summary sentence's ``figures.find`` figures of that measure, not
  part of a larger total, add up to GVA's count (a group's repeats in a sentence count once, its
  largest), or GVA's count is 0 and no summary sentence gives a figure of that measure
  (``*_stated_nonzero`` scores only incidents whose count is above 0);
- city stated: GVA's city (folded, without " county") occurs as words in the summary;
- date stated: ``dates.find`` on some summary sentence, relative to the publication day of the
  article the sentence comes from (LexRank sentences are mapped back by their exact text to the
  first article that has it), gives GVA's date at day precision.

LexRank's time covers building its input, parsing and summarising; ours is the brief stage
alone (``brief_seconds``) and reconcile + brief.  Sumy's own tokenizer needs NLTK data, so
LexRank gets a tokenizer that returns the article sentences we already have and words by regex.

**Speed.**  Reconcile + brief over every gold-grouped event, one core, untraced: seconds and
articles per second (reuse detection, which both settings share, is timed apart).

Misses of the reconciled killed and injured (``best``) are sorted into kinds, ``miss_kinds_best``:
GVA's count is among the figures the event's reports give and reconcile chose another (the part
reconciliation owns), no report gives it (per-article extraction), or no report gives a figure.

Error rows (at most 40 per field and setting) go to ``results/reconcile_gva_errors.json.tmp``,
which git ignores (``*.tmp``): it quotes GVA text.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import Counter, defaultdict

from .common import DATA, RESULTS, gva_articles, machine, need

ERRORS = RESULTS / "reconcile_gva_errors.json.tmp"
MAX_ERRORS = 40
DISJOINT = ("soldiers", "police", "civilians", "attackers", "peacekeepers")
_SEP = "\ue000"   # between sentences in LexRank's input: no sentence contains it
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _day(iso: str):
    from datetime import date

    return date.fromisoformat(iso[:10])


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


# --- An event's facts ------------------------------------------------------------------

def _total(rows: list[dict], measure: str, policy: str) -> float:
    """An event's total for ``measure`` (see the module docstring)."""
    by_group = {r["group"]: r["estimates"][policy]["best"] for r in rows if r["measure"] == measure}
    if "people" in by_group:
        return by_group["people"]
    return max(sum(by_group.get(g, 0) for g in DISJOINT), by_group.get("children", 0))


def event_facts(event) -> dict:
    got = {}
    for policy in ("best", "conservative"):
        for measure in ("killed", "injured", "shot"):
            got[f"{measure}_{policy}"] = _total(event.figures, measure, policy)
        got[f"injured_shot_{policy}"] = max(got[f"injured_{policy}"],
                                            got[f"shot_{policy}"] - got[f"killed_{policy}"])
    for measure in ("killed", "injured"):  # every total a report gives (for sorting misses into kinds)
        rows = [r for r in event.figures if r["measure"] == measure]
        people = [r for r in rows if r["group"] == "people"] or rows
        # (a row derived from the shot minus the killed offers its own figure, not the shot reports')
        got[f"{measure}_reported"] = sorted({v for r in people for v in
                                            ([r["estimate"]["best"]] if r.get("derived") else
                                             [rep["value"] for rep in r["reports"]])})
    d = event.date or {}
    loc = event.location or {}
    got.update(date=d.get("value"), date_basis=d.get("basis") or "none", date_precision=d.get("precision"),
               date_status=d.get("status"), place=loc if loc.get("name") else None)
    return got


def article_facts(article) -> dict:
    from corroborate.extract import facts

    f = facts(article)
    got = {}
    for policy in ("best", "conservative"):  # one article has one figure: both policies are the same
        got[f"killed_{policy}"] = f["killed"] or 0
        got[f"injured_{policy}"] = got[f"injured_shot_{policy}"] = f["injured"] or 0
    got.update(date=f.get("date"), date_basis=f.get("date_basis") or "none", date_precision=f.get("date_precision"),
               date_status=None, place=f.get("place"))
    return got


# --- Scoring -----------------------------------------------------------------------------

class Scorer:
    """Exact-match rates of one setting, error causes and (at most MAX_ERRORS) error rows per field."""

    def __init__(self):
        self.n = 0
        self.right: Counter = Counter()
        self.causes: dict[str, Counter] = defaultdict(Counter)
        self.errors: dict[str, list] = defaultdict(list)
        self.kinds: dict[str, Counter] = defaultdict(Counter)   # a miss: reconcile's choice, or no report had it

    def _error(self, field: str, cause: str, row: dict, count: bool = True) -> None:
        if count:
            self.causes[field][cause] += 1
        if len(self.errors[field]) < MAX_ERRORS:
            self.errors[field].append({"cause": cause, **row})

    def add(self, g: dict, got: dict, context) -> None:
        from corroborate.gazetteer import fold

        self.n += 1
        for measure in ("killed", "injured", "injured_shot"):
            for policy in ("best", "conservative"):
                value = got[f"{measure}_{policy}"]
                gold = g["injured" if measure == "injured_shot" else measure]
                if value == gold:
                    self.right[f"{measure}_{policy}"] += 1
                elif measure != "injured_shot":
                    cause = "too high" if value > gold else "too low" if value else "none found"
                    self.causes[f"{measure}_{policy}"][cause] += 1
                    if policy == "best" and f"{measure}_reported" in got:
                        reported = got[f"{measure}_reported"]
                        kind = ("no figure: gold 0 taken as none" if not reported and gold == 0 else
                                "no figure found" if not reported else
                                "gold among the reports: reconcile chose another" if gold in reported else
                                "no report gives gold: extraction")
                        self.kinds[measure][kind] += 1
                    if policy == "best":
                        self._error(measure, cause, {"incident": g["incident"], "gold": gold, "got": value,
                                                     "conservative": got[f"{measure}_conservative"],
                                                     **context(measure)}, count=False)
        if got["date"] and abs((_day(got["date"]) - _day(g["date"])).days) <= 1:
            self.right["date_within_1_day"] += 1
        if got["date"] == g["date"]:
            self.right["date"] += 1
        else:
            where = "none" if not got["date"] else "after gold" if got["date"] > g["date"] else "before gold"
            precision = "" if got["date_precision"] in (None, "day") else f" ({got['date_precision']})"
            self._error("date", f"{got['date_basis']}: {where}{precision}",
                        {"incident": g["incident"], "gold": g["date"], "got": got["date"],
                         "precision": got["date_precision"], "status": got["date_status"], **context("date")})
        place = got["place"]
        names = {fold(g["city"]), fold(g["city"]).removesuffix(" county")}
        name_ok = bool(place) and fold(place["name"]) in names
        geo_ok = name_ok or bool(place and place.get("lat") is not None and g.get("latitude") is not None
                                 and place.get("precision") in ("town", "district")
                                 and _km((place["lat"], place["lon"]), (g["latitude"], g["longitude"])) <= 25)
        self.right["city_name"] += name_ok
        self.right["city_geo"] += geo_ok
        if not geo_ok:
            cause = ("none found" if not place else "other state" if place.get("admin1") and place["admin1"] != g["state"]
                     else f"precision {place.get('precision')}" if place.get("precision") not in ("town", "district")
                     else "other town")
            self._error("city", cause, {"incident": g["incident"], "gold": f"{g['city']}, {g['state']}",
                                        "got": {k: place.get(k) for k in ("name", "admin1", "precision")} if place
                                        else None, **context("city")})

    def result(self) -> dict:
        out = {"incidents": self.n}
        for key in ("killed_best", "killed_conservative", "injured_best", "injured_conservative",
                    "injured_shot_best", "injured_shot_conservative", "date", "date_within_1_day", "city_name",
                    "city_geo"):
            name = key if key.startswith("city") or key == "date_within_1_day" else f"{key}_exact"
            out[name] = _rate(self.right[key], self.n)
        out["error_causes"] = {k: dict(v.most_common()) for k, v in sorted(self.causes.items())}
        if self.kinds:
            out["miss_kinds_best"] = {k: dict(v.most_common()) for k, v in sorted(self.kinds.items())}
        return out


def _figure_claims(article, measure: str) -> list[dict]:
    kinds = ("killed", "injured", "shot") if measure != "date" else ()
    return [c.summary() | {"scope": c.scope} for c in article.claims
            if (c.kind == "figure" and c.measure in kinds) or (measure == "date" and c.kind == "date")]


def _event_context(event, arts: list) -> callable:
    """Error-row details of an event: its row's reports, and each article's own claims."""
    from corroborate.extract import facts

    def context(field: str) -> dict:
        out: dict = {"articles": []}
        if field in ("killed", "injured"):
            out["rows"] = [{"measure": r["measure"], "group": r["group"], "status": r["status"], "estimate": r["estimate"],
                            "series": [s["value"] for s in r["series"]]}
                           for r in event.figures if r["measure"] in (field, "shot")]
        elif field == "date":
            out["reports"] = [{"value": r.get("value"), "published": r.get("published"),
                               "quote": r.get("quote")} for r in (event.date or {}).get("reports", [])]
        for a in arts:
            f = facts(a)
            row = {"id": a.record, "published": a.published, "title": a.title}
            if field in ("killed", "injured"):
                row |= {"facts": f[field], "claims": _figure_claims(a, field)}
            elif field == "date":
                row |= {"facts": f.get("date"), "basis": f.get("date_basis"), "claims": _figure_claims(a, "date")}
            else:
                row |= {"place": f.get("place") and f["place"].get("name")}
            out["articles"].append(row)
        return out
    return context


def _article_context(article) -> callable:
    from corroborate.extract import facts

    def context(field: str) -> dict:
        f = facts(article)
        row = {"id": article.record, "published": article.published, "title": article.title}
        if field != "city":
            row["claims"] = _figure_claims(article, field)
        if field == "date":
            row["basis"] = f.get("date_basis")
        return {"articles": [row]}
    return context


# --- Summaries ----------------------------------------------------------------------------

class _Tokenizer:
    """Sumy's tokenizer interface over sentences we already have (no NLTK data)."""

    language = "english"

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [s for s in text.split(_SEP) if s.strip()]

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def _per_sentence_total(text: str, measure: str) -> int | None:
    from corroborate import figures

    per_group: dict[str, int] = {}
    for f in figures.find(text):
        if f.measure == measure and f.within is None:
            per_group[f.group] = max(per_group.get(f.group, 0), f.value)
    return sum(per_group.values()) if per_group else None


def states(sentences: list[tuple[str, object]], g: dict) -> dict[str, bool]:
    """Whether a summary (sentences with their article) states GVA's killed, injured, city and date."""
    from corroborate import dates
    from corroborate.gazetteer import fold

    out = {}
    for measure in ("killed", "injured"):
        totals = [t for t in (_per_sentence_total(s, measure) for s, _ in sentences) if t is not None]
        out[measure] = g[measure] in totals or (g[measure] == 0 and not totals)
    city = fold(g["city"]).removesuffix(" county")
    out["city"] = bool(city) and re.search(rf"(?<!\w){re.escape(city)}(?!\w)",
                                           fold(" ".join(s for s, _ in sentences))) is not None
    out["date"] = any(w.date == g["date"] and w.precision == "day"
                      for s, a in sentences for w in dates.find(s, dates.published_day(a.published)))
    return out


def lexrank(arts: list, count: int, summarizer) -> list[tuple[str, object]]:
    import numpy
    from sumy.parsers.plaintext import PlaintextParser

    first: dict[str, object] = {}
    for a in arts:
        for s in a.sentences:
            text = " ".join(s.text.replace(_SEP, " ").split())
            if text and text not in first:
                first[text] = a
    if not first:
        return []
    parser = PlaintextParser(_SEP.join(first), _Tokenizer())
    with numpy.errstate(invalid="ignore"):  # sumy's power method divides by a zero norm on a tiny event
        picked = summarizer(parser.document, count)
    return [(str(s), first[str(s)]) for s in picked]


# --- The benchmark --------------------------------------------------------------------------

def run() -> dict:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from corroborate import cluster
    from corroborate.brief import brief
    from corroborate.gazetteer import load
    from corroborate.model import Event
    from corroborate.reconcile import reconcile
    from corroborate.reuse import find_reuse

    gold = {}
    for line in open(need(DATA / "gva" / "incidents.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        gold[g["incident"]] = g
    load()
    arts, incident = gva_articles()
    by_id = {a.id: a for a in arts}
    members: dict[str, list] = defaultdict(list)
    for a in arts:
        if incident[a.record] in gold:
            members[incident[a.record]].append(a)
    multi = {i: sorted(v, key=lambda a: (a.published or "9999", a.id)) for i, v in members.items() if len(v) >= 2}
    listed = sum(1 for g in gold.values() if len(g["articles"]) >= 2)

    t = time.perf_counter()
    pairs = find_reuse(arts)
    reuse_seconds = time.perf_counter() - t

    def shared(ids: set[str]) -> list:
        return [r for r in pairs if r.a in ids and r.b in ids]

    # (a) gold grouping: reconcile and brief each incident's articles, timed per stage
    scores = {"gold_grouping": Scorer(), "our_clustering": Scorer(), "single_article": Scorer()}
    events_a = {}
    reconcile_seconds = brief_seconds = 0.0
    for inc, mine in sorted(multi.items()):
        ev = Event(f"gva-{inc}", [a.id for a in mine], mine[0].title)
        ids = set(ev.articles)
        mine_pairs = shared(ids)
        t = time.perf_counter()
        reconcile(ev, mine, mine_pairs)
        t2 = time.perf_counter()
        brief(ev, mine, mine_pairs)
        brief_seconds += time.perf_counter() - t2
        reconcile_seconds += t2 - t
        events_a[inc] = ev
        scores["gold_grouping"].add(gold[inc], event_facts(ev), _event_context(ev, mine))
        scores["single_article"].add(gold[inc], article_facts(mine[0]), _article_context(mine[0]))
    n_articles_a = sum(len(v) for v in multi.values())

    # (b) our clustering of every GVA article; each incident scored by the event holding most of its articles
    t = time.perf_counter()
    index = cluster.batch(cluster.profile(a) for a in arts)
    events_b = {e.id: e for e in cluster.to_events(index, arts)}
    cluster_seconds = time.perf_counter() - t
    done: dict[str, object] = {}
    whole = pure = 0
    for inc, mine in sorted(multi.items()):
        votes = Counter(index.of[a.id] for a in mine)
        eid = votes.most_common(1)[0][0]
        ev = events_b[eid]
        if eid not in done:
            held = [by_id[i] for i in ev.articles]
            reconcile(ev, held, shared(set(ev.articles)))
            done[eid] = held
        whole += votes[eid] == len(mine)
        pure += votes[eid] == len(mine) == len(ev.articles)
        scores["our_clustering"].add(gold[inc], event_facts(ev), _event_context(ev, done[eid]))

    # briefs: our consensus sentences vs LexRank with as many sentences
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    stated = {"brief": Counter(), "lexrank": Counter()}
    nonzero = Counter()
    lengths = {"brief": [0, 0], "lexrank": [0, 0]}   # sentences, characters
    lexrank_seconds = 0.0
    empty_consensus = 0
    summary_errors = []
    for inc, ev in sorted(events_a.items()):
        g, mine = gold[inc], multi[inc]
        article = {a.id: a for a in mine}
        ours = [(s["text"], article[s["at"][0]["article"]]) for s in ev.brief["sentences"] if s["section"] == "consensus"]
        empty_consensus += not ours
        t = time.perf_counter()
        theirs = lexrank(mine, max(1, len(ours)), summarizer)
        lexrank_seconds += time.perf_counter() - t
        for name, summary in (("brief", ours), ("lexrank", theirs)):
            got = states(summary, g)
            lengths[name][0] += len(summary)
            lengths[name][1] += sum(len(s) for s, _ in summary)
            for k, v in got.items():
                stated[name][k] += v
                if k in ("killed", "injured") and g[k] > 0:
                    stated[name][f"{k}_nonzero"] += v
            if name == "brief" and not all(got.values()) and len(summary_errors) < MAX_ERRORS:
                summary_errors.append({"incident": inc, "missing": [k for k, v in got.items() if not v],
                                       "gold": {k: g[k] for k in ("killed", "injured", "city", "date")},
                                       "brief": [s for s, _ in ours], "lexrank": [s for s, _ in theirs]})
        for k in ("killed", "injured"):
            nonzero[k] += g[k] > 0
    n = len(events_a)

    def summary_rates(name: str) -> dict:
        s = stated[name]
        return {"killed_stated": _rate(s["killed"], n), "injured_stated": _rate(s["injured"], n),
                "city_stated": _rate(s["city"], n), "date_stated": _rate(s["date"], n),
                "killed_stated_nonzero": _rate(s["killed_nonzero"], nonzero["killed"]),
                "injured_stated_nonzero": _rate(s["injured_nonzero"], nonzero["injured"]),
                "mean_sentences": round(lengths[name][0] / n, 2), "mean_chars": round(lengths[name][1] / n, 1)}

    errors = {setting: dict(s.errors) for setting, s in scores.items()} | {"briefs": summary_errors}
    RESULTS.mkdir(parents=True, exist_ok=True)
    ERRORS.write_text(json.dumps(errors, indent=1, ensure_ascii=False))
    res = {name: s.result() for name, s in scores.items()}
    res["our_clustering"] |= {"incidents_in_one_event": _rate(whole, n),
                              "incidents_exactly_one_event": _rate(pure, n),
                              "events_reconciled": len(done), "cluster_seconds": round(cluster_seconds, 2)}
    a, b, base = res["gold_grouping"], res["our_clustering"], res["single_article"]
    briefs = {"brief": summary_rates("brief") | {"brief_seconds": round(brief_seconds, 2),
                                                 "reconcile_brief_seconds": round(reconcile_seconds + brief_seconds, 2),
                                                 "empty_consensus": empty_consensus},
              "lexrank": summary_rates("lexrank") | {"seconds": round(lexrank_seconds, 2)},
              "incidents_killed_nonzero": nonzero["killed"], "incidents_injured_nonzero": nonzero["injured"]}
    total = reconcile_seconds + brief_seconds
    return {
        "benchmark": "reconcile_gva",
        "dataset": "GVA incidents with >= 2 articles",
        "incidents": n,
        "incidents_listing_2plus_articles": listed,
        "articles": n_articles_a,
        **{f"gold_{k}": v for k, v in a.items() if k != "error_causes" and k != "incidents"},
        **{f"cluster_{k}": b[k] for k in ("killed_best_exact", "injured_best_exact", "date_exact", "city_name",
                                          "city_geo")},
        **{f"single_{k}": base[k] for k in ("killed_best_exact", "injured_best_exact", "date_exact", "city_name",
                                            "city_geo")},
        "brief_killed_stated": briefs["brief"]["killed_stated"],
        "lexrank_killed_stated": briefs["lexrank"]["killed_stated"],
        "brief_city_stated": briefs["brief"]["city_stated"],
        "lexrank_city_stated": briefs["lexrank"]["city_stated"],
        "brief_date_stated": briefs["brief"]["date_stated"],
        "lexrank_date_stated": briefs["lexrank"]["date_stated"],
        "reconcile_brief_seconds": round(total, 2),
        "reconcile_seconds": round(reconcile_seconds, 2),
        "brief_seconds": round(brief_seconds, 2),
        "articles_per_second": round(n_articles_a / total, 1),
        "events_per_second": round(n / total, 1),
        "reuse_seconds": round(reuse_seconds, 2),
        "lexrank_seconds": round(lexrank_seconds, 2),
        "settings": res,
        "briefs": briefs,
        "machine": machine(),
    }
