"""Speed-ups that must not change results: batch refinement that skips unchanged articles, JSON made in pieces."""

from __future__ import annotations

import json
import random

from corroborate import cluster, render
from corroborate.model import Article, Dossier, Event


class _FullRefine(cluster.Index):
    """``refine`` as it was: every article scored against its candidates in every round."""

    def refine(self, rounds: int = 2) -> int:
        moved = 0
        for _ in range(rounds):
            changed = 0
            for article in sorted(self.of, key=lambda a: self.profiles[a].order):
                p, vec = self.profiles[article], self.vector_of(article)
                home = self.of[article]
                stay = self.score(p, vec, self.clusters[home], exclude=article) \
                    if len(self.clusters[home].members) > 1 else cluster.THRESHOLD
                best, best_score = home, stay
                for cid in self.candidates(p, vec, cluster._keys(vec)):
                    if cid == home:
                        continue
                    s = self.score(p, vec, self.clusters[cid])
                    if s > best_score + 1e-12:
                        best, best_score = cid, s
                if best != home:
                    self._leave(article)
                    self._join(p, vec, best)
                    changed += 1
            moved += changed
            if not changed:
                break
        return moved


def _profiles(n: int, seed: int) -> list[cluster.Profile]:
    rng = random.Random(seed)
    topics = [[f"t{k}w{j}" for j in range(12)] for k in range(n // 6)]
    common = [f"c{j}" for j in range(30)]
    out = []
    for i in range(n):
        topic = rng.randrange(len(topics))
        words = rng.sample(topics[topic], 6) + rng.sample(topics[rng.randrange(len(topics))], 2) + rng.sample(common, 8)
        day = 740_000 + topic % 40 + rng.randrange(3)
        place = (40.0 + topic % 5, -90.0 + topic % 7, "town", "US", f"S{topic % 3}", rng.random() < 0.5, "") \
            if rng.random() < 0.7 else None
        out.append(cluster.Profile(f"a{i:04}", {w: float(rng.randrange(1, 4)) for w in words},
                                   day if rng.random() < 0.6 else None, day + rng.randrange(2), place,
                                   rng.random() < 0.05, (day, "", f"a{i:04}")))
    return out


def _batch(index_type, profiles, rounds=3):
    profiles = sorted(profiles, key=lambda p: p.order)
    df = cluster.Counter()
    for p in profiles:
        df.update(p.counts.keys())
    index = index_type(df, len(profiles), frozen_df=True)
    for p in profiles:
        index.add(p)
    moved = index.refine(rounds)
    index.relabel()
    return index, moved


def test_refining_only_what_changed_places_every_article_as_refining_all_does():
    for seed in range(4):
        profiles = _profiles(400, seed)
        fast, moved = _batch(cluster.Index, profiles)
        full, moved_full = _batch(_FullRefine, profiles)
        assert moved == moved_full
        assert fast.of == full.of
        assert {c: sorted(x.members) for c, x in fast.clusters.items()} == \
               {c: sorted(x.members) for c, x in full.clusters.items()}


def test_refining_moves_articles_in_these_corpora():
    assert any(_batch(cluster.Index, _profiles(400, seed))[1] for seed in range(4))


def test_json_made_in_pieces_is_the_one_document():
    a = Article(input="x.txt", title="Two \"quoted\"\nlines", text="Ünïcode — text.", id="a1", published="2019-11-01")
    b = Article(input="y.txt", title="Other", text="More", id="b2")
    for dossier in (Dossier(articles=[], events=[]),
                    Dossier(articles=[a, b], events=[Event("ev-a1", ["a1", "b2"], "Two lines")],
                            origins={"a1": "a1", "b2": "a1"})):
        expected = json.dumps(render.to_dict(dossier), ensure_ascii=False, indent=2) + "\n"
        assert render.to_json(dossier) == "".join(render.iter_json(dossier)) == expected
