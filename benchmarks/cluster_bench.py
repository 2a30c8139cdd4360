"""Events on GVA (all articles pooled, gold = incident) and ECB+ (all documents pooled, gold = sub-event).

For each: our batch and streaming modes and the peer, scikit-learn TF-IDF + average-linkage
agglomerative clustering at its best single distance threshold on the same data (an oracle
choice the peer is given and we are not: our threshold is one fixed setting for every corpus).
B³ and pairwise precision/recall/F1, time and peak traced memory of each.  Times exclude
reading and extraction, which both sides share (ours reads the extract stage's date and place).

``cluster_scale`` times the batch and streaming modes on 10k and 100k articles made from the GVA
articles: replica k of an article has its dates moved by 7·k days, its place moved by k/10 degrees
and its distinctive words (those in fewer than 20 GVA articles, in its text and its place's name
alike) suffixed with k, so replicas are new incidents that overlap the originals in time and share
their common vocabulary; the more articles, the more incidents per week (as in a feed that takes
in more sources).  The bar is on that ratio.  A second 100k corpus moves replica k by k times the
GVA data's whole span instead ("100000_spread": an archive that grows in time, with GVA's incidents
per week), to show how much of the growth is density.  Each size runs in its own process for peak
RSS; the 10k and 100k processes alternate (``run_scale``).
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections import Counter, defaultdict

from .common import DATA, load_articles, machine, need, run_measured


def b_cubed(pred: list, gold: list) -> dict:
    """B³ precision/recall/F1 (Bagga and Baldwin 1998) and pairwise precision/recall/F1."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    prec = rec = 0.0
    for p, g in zip(pred, gold):
        both = len(by_pred[p] & by_gold[g])
        prec += both / len(by_pred[p])
        rec += both / len(by_gold[g])
    prec, rec = prec / len(pred), rec / len(pred)
    pairs_pred = sum(len(s) * (len(s) - 1) // 2 for s in by_pred.values())
    pairs_gold = sum(len(s) * (len(s) - 1) // 2 for s in by_gold.values())
    joint = Counter(zip(pred, gold))
    pairs_both = sum(n * (n - 1) // 2 for n in joint.values())
    pp = pairs_both / pairs_pred if pairs_pred else 1.0
    pr = pairs_both / pairs_gold if pairs_gold else 1.0
    return {"b3_precision": round(prec, 4), "b3_recall": round(rec, 4), "b3_f1": round(_f1(prec, rec), 4),
            "pairwise_precision": round(pp, 4), "pairwise_recall": round(pr, 4), "pairwise_f1": round(_f1(pp, pr), 4),
            "events": len(by_pred), "gold_events": len(by_gold)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _measured(fn):
    """Run ``fn`` twice: once for the time, once under tracemalloc (which slows it) for peak memory."""
    start = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, {"seconds": round(seconds, 2), "peak_traced_mib": round(peak / 2**20, 1)}


def ours(arts) -> tuple[dict, dict]:
    from corroborate import cluster

    def batch():
        index = cluster.batch(cluster.profile(a) for a in arts)
        return [index.of[a.id] for a in arts]

    def stream():  # articles arrive in publication order (undated last), ties by id
        index = cluster.Index()
        for a in sorted(arts, key=cluster.profile_order):
            index.add(cluster.profile(a))
        return [index.of[a.id] for a in arts]

    return _measured(batch), _measured(stream)


def baseline(arts, gold) -> dict:
    """TF-IDF (sublinear tf, English stop words) + average-linkage on cosine distance, best threshold."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    def fit():
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([a.title + "\n" + a.text for a in arts])
        d = cosine_distances(x)
        np.fill_diagonal(d, 0.0)
        condensed = d[np.triu_indices(len(arts), 1)]
        return linkage(np.clip(condensed, 0, None), "average")

    z, cost = _measured(fit)
    best = None
    for t in np.arange(0.05, 1.0, 0.025):
        score = b_cubed(list(fcluster(z, t, "distance")), gold)
        if best is None or score["b3_f1"] > best[1]["b3_f1"]:
            best = (round(float(t), 3), score)
    return {**best[1], "best_threshold": best[0], **cost}


def run() -> dict:
    from corroborate import cluster

    result = {"benchmark": "cluster", "threshold": cluster.THRESHOLD, "machine": machine()}
    for name, path, key in (("gva", DATA / "gva" / "articles.jsonl", "incident"),
                            ("ecbplus", DATA / "ecbplus" / "documents.jsonl", "subtopic")):
        arts, gold = load_articles(path, key)
        (batch, batch_cost), (stream, stream_cost) = ours(arts)
        result[name] = {
            "articles": len(arts),
            "batch": {**b_cubed(batch, gold), **batch_cost},
            "streaming": {**b_cubed(stream, gold), **stream_cost},
            "baseline_tfidf_average_linkage": baseline(arts, gold),
        }
        result[f"{name}_b3_f1"] = result[name]["batch"]["b3_f1"]
        result[f"{name}_streaming_b3_f1"] = result[name]["streaming"]["b3_f1"]
        result[f"{name}_baseline_b3_f1"] = result[name]["baseline_tfidf_average_linkage"]["b3_f1"]
    return result


# --- scaling -------------------------------------------------------------------------------------

def common_words(base: list) -> set[str]:
    """Words in 20 or more GVA articles: replicas keep them as they are."""
    df = Counter(t for p in base for t in p.counts)
    return {t for t, c in df.items() if c >= 20}


def renamer(common: set[str], k: int):
    """Replica ``k``'s name for a word: rare words get ``k`` appended (the same word, the same name)."""
    from sys import intern

    names: dict[str, str] = {}

    def rename(t: str) -> str:
        if t in common or k == 0:
            return t
        if t not in names:
            names[t] = intern(f"{t}{k}")
        return names[t]
    return rename


def moved(p, k: int, step: int, rename) -> tuple:
    """Replica ``k`` of profile ``p`` in time and space: (place, day, published, order)."""
    shift = step * k
    place = p.place
    if place and place[0] is not None and k:
        # moved k/10 degrees (wrapping after 40 replicas so every place stays on the globe)
        move = k % 40 / 10
        place = (max(-89.0, min(89.0, place[0] + move)), (place[1] + move + 180) % 360 - 180,
                 *place[2:6], " ".join(rename(w) for w in place[6].split()))
    day = p.day + shift if p.day is not None else None
    published = p.published + shift if p.published is not None else None
    t = day if day is not None else published
    return place, day, published, (t if t is not None else 10**7, "", f"{p.article}-{k}")


def _replicas(n: int, arts_gold=None, step: int | None = 7):
    """``n`` profiles made from the GVA articles (see the module docstring), their gold labels, the step.

    ``step``: days between replica k and k + 1; ``None``: the GVA data's span and WINDOW_GAP more.

    A replica renames its rare words (those in fewer than 20 GVA articles) by suffixing ``k``, in its
    text, its place's name and its streets alike, so a replica of a Chicago shooting still says Chicago and
    one of a shooting in a small town names a town no other incident has.
    """
    from corroborate import cluster

    arts, gold = arts_gold or load_articles(DATA / "gva" / "articles.jsonl", "incident")
    base = [cluster.profile(a) for a in arts]
    common = common_words(base)
    if step is None:
        days = sorted(p.time for p in base if p.time is not None)  # the middle 98 %: a few pages are misdated
        step = days[len(days) * 99 // 100] - days[len(days) // 100] + WINDOW_GAP
    out, labels = [], []
    k = 0
    while len(out) < n:
        rename = renamer(common, k)
        for p, g in zip(base, gold):
            if len(out) == n:
                break
            place, day, published, order = moved(p, k, step, rename)
            streets = tuple(" ".join(rename(w) for w in street.split()) for street in p.streets)
            out.append(cluster.Profile(f"{p.article}-{k}", {rename(t): c for t, c in p.counts.items()},
                                       day, published, place, p.followup, order, streets))
            labels.append((g, k))
        k += 1
    return out, labels, step


def work_counts(profiles: list) -> dict:
    """What streaming placement does per article, counted in a pass of its own (never a timed one).

    ``found``: events the article's key words find near its date; ``scored``: of those, the candidates
    whose word similarity is worked out; ``evidence``: of those, the ones also weighed by date, place
    and street; ``event_words``: the words of the events scored (their summed vectors' length).  Flat
    from 10k to 100k articles means the work per article does not grow with the corpus, so a time
    ratio above 10 is the cost of each step growing (memory), not the number of steps.
    """
    from corroborate import cluster

    counts: Counter = Counter()

    class Counting(cluster.Index):
        def _shared(self, p, vec, keys):
            found = super()._shared(p, vec, keys)
            counts["found"] += len(found)
            return found

        def _cosine(self, p, vec, c, exclude=None):
            counts["scored"] += 1
            counts["event_words"] += len(c.centroid)
            return super()._cosine(p, vec, c, exclude)

        def _with_evidence(self, p, vec, c, cos, own, exclude):
            counts["evidence"] += 1
            return super()._with_evidence(p, vec, c, cos, own, exclude)

    index = Counting()
    for p in sorted(profiles, key=lambda p: p.order):
        index.add(p)
    n = len(profiles) or 1
    return {k: round(counts[k] / n, 2) for k in ("found", "scored", "evidence", "event_words")} | {
        "vocabulary": len(index.df), "events": len(index.clusters), "placed": dict(index.of)}


def scale_child(n: int, step: int = 7, count: bool = False) -> None:
    """One size, in this process: prints JSON with the time of batch and streaming clustering and B³.

    Each mode runs REPEATS times and the fastest run counts (as ``timeit`` does): a single run of a
    few seconds varies by a fifth with what else the machine is doing, which swamps a ratio.  The
    median ratio is reported beside it.  With ``count``, nothing is timed: the child only counts the
    streaming work per article (``work_counts``), in a process of its own so that no size's peak RSS
    includes it.
    """
    from corroborate import cluster

    profiles, labels, step = _replicas(n, step=step or None)
    if count:
        work = work_counts(profiles)
        work.pop("placed")
        print(json.dumps({"work_per_article": work}))
        return

    def streaming():
        stream = cluster.Index()
        for p in sorted(profiles, key=lambda p: p.order):
            stream.add(p)
        return stream

    runs = {}
    for mode, fn in (("batch", lambda: cluster.batch(profiles)), ("streaming", streaming)):
        walls, cpus = [], []
        for _ in range(REPEATS):
            index = None  # the previous run's index is freed before the next is built
            wall, cpu = time.perf_counter(), time.process_time()
            index = fn()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        runs[mode] = (index, walls, cpus)
    score = b_cubed([runs["batch"][0].of[p.article] for p in profiles], labels)
    print(json.dumps({"articles": n, "batch_seconds": round(min(runs["batch"][1]), 2),
                      "streaming_seconds": round(min(runs["streaming"][1]), 2),
                      "batch_cpu_seconds": round(min(runs["batch"][2]), 2),
                      "streaming_cpu_seconds": round(min(runs["streaming"][2]), 2),
                      "batch_runs_seconds": [round(w, 2) for w in runs["batch"][1]],
                      "streaming_runs_seconds": [round(w, 2) for w in runs["streaming"][1]],
                      "b3_f1": score["b3_f1"], "events": score["events"], "step_days": step}))


WINDOW_GAP = 60  # days between one spread replica's last report and the next one's first
# runs per mode in one child, the same at every size: the ratio of two sizes' fastest runs is fair only
# when both had as many chances to catch a quiet moment (9 runs at 10k against 3 at 100k biased it up)
REPEATS = 2
ROUNDS = 3  # 10k and 100k children alternate this many times


def run_scale() -> dict:
    """The sizes' children alternate (10k, 100k, 10k, 100k, ...) and each size keeps its fastest run.

    A 100k child runs for minutes and a 10k one for seconds: run one after the other, the ratio
    took whatever the shared machine was doing in each stretch (the same code measured 10.4 to 14.1).
    Alternating them lets both sizes sample the same stretch of time.
    """
    need(DATA / "gva" / "articles.jsonl")
    children: dict[str, list[dict]] = {}
    dense, spread = [("10000", 10_000, 7), ("100000", 100_000, 7)], ("100000_spread", 100_000, 0)
    plan = [(*size, False) for size in dense] * ROUNDS + [(*spread, False)]
    plan += [(*size, True) for size in dense + [spread]]  # then, untimed, a child per size counts the work
    work = {}
    for name, n, step, count in plan:
        measured = run_measured([sys.executable, "-m", "benchmarks.cluster_bench", "scale", str(n), str(step),
                                 *(["count"] if count else [])], keep_stdout=True)
        if measured["returncode"] != 0:
            raise RuntimeError(f"cluster_scale {name}: {measured['stderr_tail']}")
        out = json.loads(measured.pop("stdout"))
        if count:
            work[name] = out["work_per_article"]
        else:
            children.setdefault(name, []).append({**out, "peak_rss_mib": measured["peak_rss_mib"]})
    sizes = {name: _fastest(runs) for name, runs in children.items()}
    return {"benchmark": "cluster_scale", "machine": machine(), "sizes": sizes,
            "batch_time_ratio_100k_10k": round(sizes["100000"]["batch_seconds"] / sizes["10000"]["batch_seconds"], 2),
            "streaming_time_ratio_100k_10k": round(sizes["100000"]["streaming_seconds"]
                                                   / sizes["10000"]["streaming_seconds"], 2),
            "batch_cpu_ratio_100k_10k": round(sizes["100000"]["batch_cpu_seconds"]
                                              / sizes["10000"]["batch_cpu_seconds"], 2),
            "streaming_cpu_ratio_100k_10k": round(sizes["100000"]["streaming_cpu_seconds"]
                                                  / sizes["10000"]["streaming_cpu_seconds"], 2),
            "spread_batch_time_ratio_100k_10k": round(sizes["100000_spread"]["batch_seconds"]
                                                      / sizes["10000"]["batch_seconds"], 2),
            "spread_streaming_time_ratio_100k_10k": round(sizes["100000_spread"]["streaming_seconds"]
                                                          / sizes["10000"]["streaming_seconds"], 2),
            # the same ratios of the middle runs: what a typical run of each size gives, not the quietest
            "batch_median_ratio_100k_10k": _median_ratio(sizes, "batch_runs_seconds"),
            "streaming_median_ratio_100k_10k": _median_ratio(sizes, "streaming_runs_seconds"),
            "peak_rss_mib_100k": sizes["100000"]["peak_rss_mib"],
            # counted, not timed: the streaming work per article at each size (``work_counts``)
            "work_per_article": work}


def _median_ratio(sizes: dict, key: str) -> float:
    from statistics import median

    return round(median(sizes["100000"][key]) / median(sizes["10000"][key]), 2)


def _fastest(children: list[dict]) -> dict:
    """One size's children as one: the fastest run of each mode, every run listed, the largest RSS."""
    first = children[0]
    if any(c["b3_f1"] != first["b3_f1"] or c["events"] != first["events"] for c in children):
        raise RuntimeError(f"cluster_scale {first['articles']}: runs disagree on the events")
    out = {"articles": first["articles"], "children": len(children)}
    for key in ("batch_seconds", "streaming_seconds", "batch_cpu_seconds", "streaming_cpu_seconds"):
        out[key] = min(c[key] for c in children)
    for key in ("batch_runs_seconds", "streaming_runs_seconds"):
        out[key] = [w for c in children for w in c[key]]
    return out | {"b3_f1": first["b3_f1"], "events": first["events"], "step_days": first["step_days"],
                  "peak_rss_mib": max(c["peak_rss_mib"] for c in children)}


if __name__ == "__main__":
    if sys.argv[1:2] == ["scale"]:
        scale_child(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 7, "count" in sys.argv[4:])
