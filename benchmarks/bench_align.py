"""Benchmark ``narratives.align`` on SaudiNewsNet subsets.

Prints, per subset (1k, 4k, 16k, all articles): statements, align time,
candidate pairs, aligned pairs, claims, peak memory (RSS of a fresh process
aligning that subset); then the fitted scaling exponent (time ~ statements^k)
and, on a subsample, the speed-up over all-pairs ``rapidfuzz.process.cdist``.

    python benchmarks/bench_align.py [--corpus DIR] [--sizes 1000,4000,16000,all]

SaudiNewsNet is not in the repository (licence, size): point --corpus at the
directory of its daily zips (default ../shared/corpora/saudinewsnet beside the checkout).
Each size runs in its own process so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def statements_table(corpus: Path, out: Path) -> dict[str, Any]:
    """Read the corpus and extract statements once; save them for the runs."""
    import narratives

    t0 = time.perf_counter()
    articles = narratives.read_corpus(corpus, progress=True)
    t1 = time.perf_counter()
    statements = narratives.extract_statements(articles, progress=True)
    t2 = time.perf_counter()
    statements.write_parquet(out)
    return {
        "articles": articles.height,
        "statements": statements.height,
        "read_s": round(t1 - t0, 1),
        "statements_s": round(t2 - t1, 1),
        "mean_statement_chars": round(float((statements["end"] - statements["start"]).mean()), 1),
    }


def run_one(statements_path: Path, n_articles: int | None) -> dict[str, Any]:
    """Align the statements of the first ``n_articles`` articles (in this process)."""
    from narratives.align import align, block_pairs, cluster_claims

    statements = pl.read_parquet(statements_path)
    order = statements.select("article_id").unique(maintain_order=True)["article_id"]
    if n_articles is not None:
        keep = order.head(n_articles).to_list()
        statements = statements.filter(pl.col("article_id").is_in(keep))
    counted: dict[str, int] = {}

    def counting(*args: Any, **kwargs: Any) -> tuple[np.ndarray, ...]:
        i, j, s = block_pairs(*args, **kwargs)
        counted["candidates"] = len(i)
        return i, j, s

    t0 = time.perf_counter()
    alignments = align(statements, blocking=counting, progress=True)
    t1 = time.perf_counter()
    claims = cluster_claims(statements, alignments, progress=True)
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB -> GiB
    relations = alignments["relation"].value_counts().sort("relation").rows()
    return {
        "articles": statements["article_id"].n_unique(),
        "statements": statements.height,
        "align_s": round(t1 - t0, 2),
        "cluster_s": round(t2 - t1, 2),
        "candidates": counted.get("candidates", 0),
        "aligned": alignments.height,
        "relations": dict(relations),
        "claims_multi": int(claims.filter(pl.col("claim_size") > 1)["claim_id"].n_unique()),
        "peak_gib": round(peak, 2),
    }


def speedup(statements_path: Path, n: int = 3000, seed: int = 0) -> dict[str, Any]:
    """Our align vs all-pairs ``process.cdist`` (fuzz.ratio, 2 workers) on ``n`` statements."""
    from rapidfuzz import fuzz, process

    from narratives.align import align
    from narratives.normalize import normalize

    statements = pl.read_parquet(statements_path).sample(n, seed=seed)
    texts = [normalize(t) for t in statements["text"].to_list()]
    t0 = time.perf_counter()
    process.cdist(texts, texts, scorer=fuzz.ratio, workers=2, dtype=np.uint8)
    t1 = time.perf_counter()
    align(statements)
    t2 = time.perf_counter()
    return {
        "statements": n,
        "cdist_ratio_s": round(t1 - t0, 2),
        "align_s": round(t2 - t1, 2),
        "speedup": round((t1 - t0) / (t2 - t1), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="1000,4000,16000,all")
    parser.add_argument("--statements", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:  # child process: one size
        size = None if args.one == "all" else int(args.one)
        print(json.dumps(run_one(args.statements, size)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "statements.parquet"
        prep = statements_table(args.corpus, path)
        print(json.dumps({"corpus": str(args.corpus), **prep}))
        rows = []
        for size in args.sizes.split(","):
            child = subprocess.run(
                [sys.executable, __file__, "--statements", str(path), "--one", size],
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            row = {"size": size, **json.loads(child.stdout.strip().splitlines()[-1])}
            rows.append(row)
            print(json.dumps(row), flush=True)
        table = pl.DataFrame(rows).drop("relations")
        with pl.Config(tbl_rows=20, tbl_cols=20, tbl_width_chars=200):
            print(table)
        if len(rows) >= 2:
            x = np.log([r["statements"] for r in rows])
            y = np.log([max(r["align_s"], 1e-3) for r in rows])
            slope = float(np.polyfit(x, y, 1)[0])
            print(json.dumps({"scaling_exponent_time_vs_statements": round(slope, 2)}))
        sample = speedup(path)
        largest = max(rows, key=lambda r: r["statements"])
        factor = (largest["statements"] / sample["statements"]) ** 2
        sample["all_pairs_estimate_s_at_largest"] = round(sample["cdist_ratio_s"] * factor)
        sample["speedup_at_largest"] = round(
            sample["all_pairs_estimate_s_at_largest"] / max(largest["align_s"], 1e-3)
        )
        print(json.dumps({"speedup_vs_cdist": sample}))


if __name__ == "__main__":
    main()
