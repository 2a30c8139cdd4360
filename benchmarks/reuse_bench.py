"""Reuse detection at scale: 10k and 100k articles generated from the GVA texts, and datasketch as a peer.

Each generated article is a GVA text with every third word replaced (so replicas are
not copies of one another), a publication date shifted by up to three years, and an
outlet of its own; one in ten is instead a light edit of an earlier generated article
(a sentence dropped, punctuation changed), published within two days of it: a true copy to find.
Each size runs in its own process so its peak RSS is its own.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time

from .common import DATA, machine, need

SIZES = (10_000, 100_000)


def generate(n: int, seed: int = 7):
    from corroborate.clean import split_sentences
    from corroborate.model import Article

    src = need(DATA / "gva" / "articles.jsonl")
    base = [json.loads(line)["text"] for line in open(src, encoding="utf-8")]
    base = [t for t in base if len(t.split()) > 30]
    vocab = sorted({w for t in base[:300] for w in t.split() if w.isalpha()})
    rng = random.Random(seed)
    out: list[Article] = []
    copies = 0
    words_text = None
    for k in range(n):
        if k > 20 and rng.random() < 0.1:
            orig = out[rng.randrange(len(out))]
            paras = orig.text.split("\n")
            if len(paras) > 2:
                del paras[rng.randrange(len(paras))]
            text = "\n".join(paras).replace(",", ";", 2)
            copies += 1
        else:
            words = base[k % len(base)].split(" ")
            if k >= len(base):
                words = [rng.choice(vocab) if i % 3 == k % 3 else w for i, w in enumerate(words)]
            text = " ".join(words)
            words_text = text
        published = f"{2014 + k % 3}-{1 + k % 12:02d}-{1 + k % 28:02d}"
        if text is not words_text:  # a copy runs within days of its original, as wire copy does
            published = orig.published[:8] + f"{min(28, int(orig.published[8:10]) + rng.randrange(3)):02d}"
        a = Article(input=f"gen:{k}", text=text, published=published, outlet=f"outlet{k % 500}.example")
        a.id = f"g{k:07d}"
        a.sentences = split_sentences(text)
        out.append(a)
    return out, copies


def _one(n: int) -> dict:
    """Run in a child: generate n articles, find reuse, report time and peak RSS."""
    from corroborate.reuse import find_reuse, independent_sources

    t0 = time.perf_counter()
    arts, copies = generate(n)
    t1 = time.perf_counter()
    pairs = find_reuse(arts)
    t2 = time.perf_counter()
    found = sum(1 for r in pairs if r.passages)
    return {
        "articles": n,
        "planted_copies": copies,
        "pairs_with_reuse": found,
        "sentences": sum(len(a.sentences) for a in arts),
        "generate_seconds": round(t1 - t0, 2),
        "reuse_seconds": round(t2 - t1, 2),
        "independent_sources": independent_sources(arts, pairs),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _datasketch(n: int) -> dict:
    """The peer: datasketch MinHash + MinHashLSH over the same sentences and shingles."""
    from datasketch import MinHash, MinHashLSH

    from corroborate.reuse import BANDS, MIN_TOKENS, ROWS, shingles, tokens

    arts, _ = generate(n)
    sets = []
    for a in arts:
        for s in a.sentences:
            toks = tokens(s.text)
            if len(toks) >= MIN_TOKENS:
                sets.append(shingles(toks)[0])
    t0 = time.perf_counter()
    ms = MinHash.bulk([[x.encode() for x in s] for s in sets], num_perm=BANDS * ROWS)
    lsh = MinHashLSH(num_perm=BANDS * ROWS, params=(BANDS, ROWS))
    with lsh.insertion_session() as session:
        for i, m in enumerate(ms):
            session.insert(i, m)
    candidates = sum(len(lsh.query(m)) for m in ms)
    t1 = time.perf_counter()
    return {"articles": n, "sentences": len(sets), "minhash_lsh_seconds": round(t1 - t0, 2),
            "candidates": candidates,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _child(fn: str, n: int) -> dict:
    code = f"import json; from benchmarks.reuse_bench import {fn}; print(json.dumps({fn}({n})))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode:
        return {"articles": n, "error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run() -> dict:
    need(DATA / "gva" / "articles.jsonl")
    ours = [_child("_one", n) for n in SIZES]
    peer = _child("_datasketch", SIZES[0])
    # one row per (stage, size) for the throughput and memory plots (benchmarks/plots.py)
    scaling = [{"stage": "reuse", "articles": r["articles"], "seconds": r["reuse_seconds"],
                "peak_rss_mib": r["peak_rss_mib"]} for r in ours if "reuse_seconds" in r]
    if "minhash_lsh_seconds" in peer:
        scaling.append({"stage": "reuse: datasketch MinHash+LSH (peer)", "articles": peer["articles"],
                        "seconds": peer["minhash_lsh_seconds"], "peak_rss_mib": peer["peak_rss_mib"]})
    ratio = ours[1]["reuse_seconds"] / ours[0]["reuse_seconds"] if "reuse_seconds" in ours[1] else None
    return {
        "benchmark": "reuse_scale",
        "corroborate": ours,
        "datasketch_peer": peer,
        "time_ratio_100k_vs_10k": round(ratio, 2) if ratio else None,
        "scaling": scaling,
        "corroborate_vs_datasketch_at_10k": {
            "corroborate_minhash_lsh_and_verification_seconds": ours[0].get("reuse_seconds"),
            "datasketch_minhash_lsh_only_seconds": peer.get("minhash_lsh_seconds"),
        },
        "machine": machine(),
    }
