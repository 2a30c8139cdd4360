"""Export: one row per reconciled event, in the shapes analysts load into pandas, a GIS or a coding sheet.

Formats (``corroborate export --format NAME``):

- ``csv``: the columns of ``COLUMNS``, one event per row (lists joined with "; ").
- ``jsonl``: one event per line, exactly as the dossier contract's ``events`` entries.
- ``acled``: ACLED's column names and codes (``ACLED_COLUMNS``); fatalities are the
  conservative estimate, as ACLED codes them, and disputes go to ``notes``.
- ``ucdp``: UCDP GED's column names (``UCDP_COLUMNS``): best/low/high deaths, split by side
  where the reports name the group, ``where_prec``/``date_prec``, and sourcing fields.
- ``geojson``: a FeatureCollection of points (WGS 84 lon/lat) with the ``csv`` columns as
  properties; events without coordinates have a null geometry, so none is dropped.

ACLED/UCDP codes we derive: ``time_precision`` day 1, week 2, month 3; ``geo_precision``
town 1, district 2, region or country 3; ``where_prec`` town 1, district 3, region 4,
country 6; ``date_prec`` day 1, week 3, month 4.  Actor names are the reports' own
(canonical names from ``data/actors.json``), not ACLED's actor dictionary; a perpetrator
that only claimed responsibility is still listed, and ``notes`` says it is unverified.
``inter1``/``inter2``/``interaction`` use ACLED's inter codes (1 state forces, 2 rebel groups,
3 political militias, 4 identity militias, 7 civilians, 8 external forces): a named group's code
comes from its kind in ``data/actors.json`` (or its ``acled_inter``), an unidentified armed group
is 3, as ACLED codes it; a group our data cannot place is left blank for the coder.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable

from .model import Event
from .reconcile import date_span, total as reconcile_total

MEASURES = ("killed", "injured")
COLUMNS = [
    "event_id", "headline", "date", "date_precision", "time", "location", "admin1", "country",
    "latitude", "longitude", "geo_precision", "type", "acled_event_type", "acled_sub_event_type",
    "perpetrators", "targets",
    "killed_best", "killed_low", "killed_high", "killed_conservative", "killed_status",
    "injured_best", "injured_low", "injured_high", "injured_conservative", "injured_status",
    "disputes", "articles", "independent_sources", "sources", "first_published", "last_published",
]
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
UCDP_COLUMNS = [
    "id", "type_of_violence", "side_a", "side_b", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude",
    "longitude", "country", "iso", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "number_of_sources",
]
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
_GEO_PRECISION = {"town": 1, "village": 1, "district": 2, "region": 3, "country": 3}
_WHERE_PREC = {"town": 1, "village": 1, "district": 3, "region": 4, "country": 6}
_DATE_PREC = {"day": 1, "week": 3, "month": 4}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Demonstrations"}


def total(event: Event, measure: str) -> dict[str, Any] | None:
    """The event's figure row for everyone (see ``reconcile.total``)."""
    return reconcile_total(event.figures, measure)


def _group(event: Event, measure: str, groups: tuple[str, ...]) -> int:
    return sum(f["estimate"]["best"] for f in event.figures if f["measure"] == measure and f["group"] in groups)


def _articles(event: Event) -> list[dict]:
    return sorted(event.timeline, key=lambda t: (t["published"] is None, t["published"] or "", t["article"]))


def _perpetrators(event: Event) -> list[str]:
    return [f"{a['name']} ({a['link']})" for a in event.actors if a["role"] == "perpetrator" and a["name"]]


def disputes_text(event: Event) -> str:
    """Disputes as one line a coder can paste into notes: "survivors: 10 (A, B) vs 20 (C, said by D)"."""
    return "; ".join(f"{d['about']}: " + " vs ".join(
        f"{p['value']} ({', '.join(p['outlets'])}" + (f", said by {', '.join(p['said_by'])}" if p.get("said_by") else "")
        + ")" for p in d["positions"]) for d in event.disputes)


def row(event: Event) -> dict[str, Any]:
    """One event as the ``csv``/``geojson`` columns."""
    loc, when, kind = event.location or {}, event.date or {}, event.type or {}
    out: dict[str, Any] = {
        "event_id": event.id, "headline": event.headline, "date": when.get("value"),
        "date_precision": when.get("precision"), "time": when.get("time"), "location": loc.get("name"),
        "admin1": loc.get("admin1"), "country": loc.get("country"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "geo_precision": loc.get("precision"), "type": kind.get("type"),
        "acled_event_type": kind.get("acled_event_type"), "acled_sub_event_type": kind.get("acled_sub_event_type"),
        "perpetrators": "; ".join(_perpetrators(event)),
        "targets": "; ".join(sorted({a["name"] for a in event.actors if a["role"] == "target" and a["name"]})),
    }
    for measure in MEASURES:
        t = total(event, measure)
        est = t["estimates"] if t else None
        out.update({f"{measure}_best": est["best"]["best"] if t else 0, f"{measure}_low": est["best"]["low"] if t else 0,
                    f"{measure}_high": est["best"]["high"] if t else 0,
                    f"{measure}_conservative": est["conservative"]["best"] if t else 0,
                    f"{measure}_status": t["status"] if t else "none reported"})
    reports = _articles(event)
    out.update({"disputes": disputes_text(event), "articles": len(event.articles),
                "independent_sources": event.independent_sources,
                "sources": "; ".join(dict.fromkeys(t["outlet"] or t["title"] for t in reports)),
                "first_published": next((t["published"] for t in reports if t["published"]), None),
                "last_published": max((t["published"] for t in reports if t["published"]), default=None)})
    return out


def acled_row(event: Event) -> dict[str, Any]:
    """One event in ACLED's columns (see the module docstring for what is derived how)."""
    import pycountry

    r = row(event)
    country = pycountry.countries.get(alpha_2=r["country"]) if r["country"] else None
    perpetrators = [a for a in event.actors if a["role"] == "perpetrator" and a["name"]]
    actor1 = perpetrators[0]["name"] if perpetrators else (
        f"Unidentified Armed Group ({country.name})" if country and r["acled_event_type"] in
        ("Battles", "Explosions/Remote violence", "Violence against civilians") else "")
    inter1 = _inter(perpetrators[0]["name"]) if perpetrators else 3 if actor1 else ""
    killed = {f["group"] for f in event.figures if f["measure"] in ("killed", "injured")}
    actor2, inter2 = "", ""
    if country and killed & {"soldiers", "peacekeepers"}:
        actor2, inter2 = f"Military Forces of {country.name}", 1
    elif country and "police" in killed:
        actor2, inter2 = f"Police Forces of {country.name}", 1
    elif country and killed & {"civilians", "children", "people"}:
        actor2, inter2 = f"Civilians ({country.name})", 7
    notes = " ".join(s["text"] for s in (event.brief or {}).get("sentences", []) if s["section"] == "consensus")
    if r["disputes"]:
        notes += f" Disputed: {r['disputes']}."
    unverified = [a for a in perpetrators if a.get("verified") is False]
    if unverified:
        notes += " Unverified: " + "; ".join(f"{a['name']} ({a['unverified_because']})" for a in unverified) + "."
    return {
        "event_id_cnty": event.id, "event_date": r["date"], "year": (r["date"] or "")[:4] or None,
        "time_precision": _TIME_PRECISION.get(r["date_precision"]),
        "disorder_type": _DISORDER.get(r["acled_event_type"], ""), "event_type": r["acled_event_type"],
        "sub_event_type": r["acled_sub_event_type"], "actor1": actor1, "assoc_actor_1": "", "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter2, "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if r["acled_event_type"] == "Violence against civilians" else "",
        "iso": int(country.numeric) if country else None, "region": "", "country": country.name if country else r["country"],
        "admin1": r["admin1"], "admin2": "", "admin3": "", "location": r["location"], "latitude": r["latitude"],
        "longitude": r["longitude"], "geo_precision": _GEO_PRECISION.get(r["geo_precision"]),
        "source": r["sources"], "source_scale": "", "notes": notes.strip(),
        "fatalities": r["killed_conservative"], "tags": "", "timestamp": "",
    }


# ACLED's inter codes by the kind our actors file gives a group: 1 state forces, 2 rebel groups (ACLED codes
# the jihadist insurgencies as rebels), 3 political militias (organised crime among them); a kind that
# spans several codes ("militia", "armed group") gives none unless the group's entry names it (``acled_inter``)
_INTER = {"state force": 1, "rebel group": 2, "jihadist group": 2, "cartel": 3}


def _inter(name: str) -> int | str:
    """ACLED's inter code of a named group, or "" when our data does not say (the coder decides)."""
    from .actors import entry

    e = entry(name)
    return "" if e is None else e.get("acled_inter") or _INTER.get(e["kind"], "")


def _interaction(inter1: int | str, inter2: int | str) -> int | str:
    """ACLED's interaction: both inter codes, the lower first (17: state forces and civilians); one actor
    alone, its code and 0 (20: rebels alone); "" when actor1's code is unknown."""
    if inter1 == "":
        return ""
    return inter1 * 10 if inter2 == "" else min(inter1, inter2) * 10 + max(inter1, inter2)


def ucdp_row(event: Event) -> dict[str, Any]:
    """One event in UCDP GED's columns: deaths split by side where the reports name the group."""
    import pycountry

    r = row(event)
    country = pycountry.countries.get(alpha_2=r["country"]) if r["country"] else None
    a = _group(event, "killed", ("soldiers", "police", "peacekeepers"))
    b = _group(event, "killed", ("attackers",))
    civilians = _group(event, "killed", ("civilians",)) or _group(event, "killed", ("children",))
    best, low, high = r["killed_best"], r["killed_low"], r["killed_high"]
    reports = _articles(event)
    perpetrators = [p["name"] for p in event.actors if p["role"] == "perpetrator" and p["name"]]
    originals = sorted({rep["said_by"] for f in event.figures if f["measure"] == "killed"
                        for rep in f["reports"] if rep.get("said_by")})
    when = r["date"] if r["date_precision"] == "day" else None
    return {
        "id": event.id, "type_of_violence": "", "side_a": f"Government of {country.name}" if country and a else "",
        "side_b": "; ".join(perpetrators), "source_article": "; ".join(
            f"\"{t['title']}\", {t['outlet'] or ''}, {(t['published'] or '')[:10]}" for t in reports),
        "source_office": r["sources"], "source_date": "; ".join((t["published"] or "")[:10] for t in reports),
        "source_headline": "; ".join(t["title"] for t in reports), "source_original": "; ".join(originals),
        "where_prec": _WHERE_PREC.get(r["geo_precision"]), "where_coordinates": r["location"],
        "adm_1": r["admin1"], "adm_2": "", "latitude": r["latitude"], "longitude": r["longitude"],
        "country": country.name if country else r["country"], "iso": int(country.numeric) if country else None,
        "event_clarity": 2 if event.disputes else 1, "date_prec": _DATE_PREC.get(r["date_precision"]),
        "date_start": when or (r["date"] if r["date"] else None), "date_end": when or _period_end(r["date"], r["date_precision"]),
        "deaths_a": a, "deaths_b": b, "deaths_civilians": civilians,
        "deaths_unknown": max(best - a - b - civilians, 0), "best": best, "high": high, "low": low,
        "number_of_sources": event.independent_sources,
    }


def _period_end(value: str | None, precision: str | None) -> str | None:
    """The last day a week- or month-precise date can be."""
    return date_span(value, precision or "day")[1].isoformat() if value else None


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: "" if r.get(k) is None else r[k] for k in columns})
    return buf.getvalue()


def to_csv(events: list[Event]) -> str:
    return _csv([row(e) for e in events], COLUMNS)


def to_acled(events: list[Event]) -> str:
    return _csv([acled_row(e) for e in events], ACLED_COLUMNS)


def to_ucdp(events: list[Event]) -> str:
    return _csv([ucdp_row(e) for e in events], UCDP_COLUMNS)


def to_jsonl(events: list[Event]) -> str:
    from .render import event_dict

    return "".join(json.dumps(event_dict(e), ensure_ascii=False, sort_keys=False) + "\n" for e in events)


def to_geojson(events: list[Event]) -> str:
    features = []
    for e in events:
        props = row(e)
        point = props["latitude"] is not None and props["longitude"] is not None
        features.append({"type": "Feature", "id": e.id,
                         "geometry": {"type": "Point", "coordinates": [props["longitude"], props["latitude"]]}
                         if point else None, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


EXPORTERS: dict[str, Callable[[list[Event]], str]] = {
    "csv": to_csv, "jsonl": to_jsonl, "acled": to_acled, "ucdp": to_ucdp, "geojson": to_geojson,
}
