"""Extraction on MUC-3/4 (GTT split): perpetrator organisation, victim and target role fillers, F1.

Document-level role-filler extraction as in GRIT/GTT: each role's gold entities are pooled
over a document's templates; a prediction matches an entity when its head noun (last word)
equals the head noun of one of the entity's mentions, or when one string contains the other
(for names such as "fmln" / "farabundo marti national liberation front").  Each entity is
matched once; precision counts every distinct predicted head.  The texts are lower-cased,
which the capitalisation-based parts of the extractor cannot use: a first figure, no bar.

Predictions: PerpOrg — groups in ``data/actors.json`` that a perpetrator claim names, or
named in a sentence that also says someone attacked, killed, kidnapped or bombed;
Victim — the counted noun of killed/injured/kidnapped/shot figures; Target — target claims.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter

from .common import DATA, machine, need

_ATTACK = re.compile(r"\b(?:attack|kill|murder|kidnap|abduct|bomb|dynamit|assassinat|shot|shoot|burn|destroy|"
                     r"massacre|ambush|blew|explo)", re.IGNORECASE)


def _head(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return words[-1] if words else ""


def _matches(pred: list[str], mentions: list[str]) -> bool:
    for p in pred:
        for m in mentions:
            m = m.lower()
            if _head(p) == _head(m) or (len(p) > 3 and (p in m or m in p)):
                return True
    return False


def run() -> dict:
    from corroborate.actors import _table, groups
    from corroborate.model import Article
    from corroborate.pipeline import process

    _, _, table = _table()
    aliases: dict[str, list[str]] = {}
    for alias, name in table.items():
        aliases.setdefault(name, [name.lower()]).append(alias.lower())

    docs = [json.loads(line) for line in open(need(DATA / "muc" / "documents.jsonl"), encoding="utf-8")]
    tp, npred, ngold = Counter(), Counter(), Counter()
    start = time.perf_counter()
    for d in docs:
        article = process(Article(input=f"muc#{d['id']}", raw_text=d["text"], format="json", record=d["id"]))
        gold = {role: [] for role in ("PerpOrg", "Victim", "Target")}
        for t in d["templates"]:
            for role in gold:
                for entity in t["roles"].get(role, []):
                    if entity not in gold[role]:
                        gold[role].append(entity)
        pred: dict[str, dict[str, list[str]]] = {role: {} for role in gold}
        if isinstance(article, Article):
            for c in article.claims:
                if c.scope is not None:
                    continue
                if c.kind == "actor" and c.value.get("role") == "perpetrator" and c.value.get("name") in aliases:
                    pred["PerpOrg"][c.value["name"]] = aliases[c.value["name"]]
                elif c.kind == "actor" and c.value.get("role") == "target":
                    pred["Target"][_head(c.value["name"])] = [c.value["name"].lower()]
                elif c.kind == "figure" and c.measure in ("killed", "injured", "kidnapped", "shot"):
                    words = c.quote[c.start:c.end]
                    pred["Victim"][_head(words)] = [words.lower()]
            for s in article.sentences:
                if _ATTACK.search(s.text):
                    for name, _, _ in groups(s.text):
                        pred["PerpOrg"].setdefault(name, aliases.get(name, [name.lower()]))
        for role in gold:
            ngold[role] += len(gold[role])
            npred[role] += len(pred[role])
            left = list(pred[role].values())
            for entity in gold[role]:
                hit = next((p for p in left if _matches(p, entity)), None)
                if hit is not None:
                    tp[role] += 1
                    left.remove(hit)
    seconds = time.perf_counter() - start
    out = {"dataset": "MUC-3/4 (GTT train+dev)", "documents": len(docs)}
    for role in ("PerpOrg", "Victim", "Target"):
        p = tp[role] / npred[role] if npred[role] else 0.0
        r = tp[role] / ngold[role] if ngold[role] else 0.0
        out[f"{role}_precision"] = round(p, 4)
        out[f"{role}_recall"] = round(r, 4)
        out[f"{role}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    out.update(seconds=round(seconds, 2), machine=machine())
    return out
