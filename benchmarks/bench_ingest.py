"""Benchmark ingestion (reading + cleaning + outlet/date inference) on SaudiNewsNet.

Run from the repository root::

    python benchmarks/bench_ingest.py [CORPUS_DIR_OR_FILES ...] [--progress]

Times :func:`narratives.read_corpus` over the 18 zip archives of SaudiNewsNet
(31,030 records, 14 outlets) and prints articles/s, total time, peak memory
(process max RSS), the warnings raised, and what was found: outlets, date
methods, span roles and languages. Target: well under a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import polars as pl

import narratives
from narratives.io import NarrativesIngestWarning

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    args = parser.parse_args()
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        sys.exit(f"not found: {', '.join(map(str, missing))} (give the SaudiNewsNet folder)")

    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NarrativesIngestWarning)
        articles = narratives.read_corpus(args.paths, progress=args.progress)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles:        {articles.height:,}")
    print(f"total time:      {seconds:.1f} s")
    print(f"articles/s:      {articles.height / seconds:,.0f}")
    print(f"peak memory:     {peak_mb:,.0f} MB (max RSS of this process)")
    print(f"characters read: {articles['raw_text'].str.len_chars().sum():,}")
    print(f"warnings:        {len(caught)}")
    for w in caught[:20]:
        print(f"  - {str(w.message)[:160]}")

    with pl.Config(tbl_rows=40, tbl_width_chars=120):
        print(articles.group_by("outlet", "outlet_method").len().sort("len", descending=True))
        print(articles.group_by("published_method").len().sort("len", descending=True))
        print(articles["language"].value_counts(sort=True))
    roles = Counter(s["role"] for spans in articles["spans"].to_list() for s in spans)
    print("span roles:", dict(roles.most_common()))
    titles = articles["title"].is_not_null().sum()
    print(f"titles: {titles:,} ({titles / max(articles.height, 1):.1%})")


if __name__ == "__main__":
    main()
