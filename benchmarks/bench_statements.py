"""Benchmark the statements stage on SaudiNewsNet (31,030 Arabic articles).

Run from the repository root::

    python benchmarks/bench_statements.py [CORPUS_DIR] [--limit N] [-j PROCESSES]

Reads the corpus once with :func:`narratives.read_corpus` (not timed), then
times :func:`narratives.extract_statements` over all articles and prints
articles/s, statements, mean statement length and the share attributed. The
target is all 31,030 articles segmented and attributed in under 60 s on a
2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import warnings
from pathlib import Path

import polars as pl

import narratives

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("-j", "--processes", type=int, default=2, help="worker processes")
    args = parser.parse_args()

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = narratives.read_corpus(args.corpus)
    if args.limit:
        articles = articles.head(args.limit)
    read_s = time.perf_counter() - t0
    chars = int(articles["raw_text"].str.len_chars().sum())
    print(f"read {len(articles):,} articles ({chars:,} chars) in {read_s:.1f} s")

    t0 = time.perf_counter()
    cpu0 = _cpu()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        statements = narratives.extract_statements(articles, n_process=args.processes)
    secs = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    print(
        f"CPU time {cpu:.1f} s (this process and its workers); load average at the end "
        f"{os.getloadavg()[0]:.1f}"
    )
    lengths = statements["text"].str.len_chars()
    print(
        f"extract_statements: {secs:.1f} s, {len(articles) / secs:,.0f} articles/s, "
        f"{chars / secs / 1e6:.2f} M chars/s"
    )
    print(
        f"statements: {len(statements):,} ({len(statements) / max(len(articles), 1):.1f} "
        f"per article), mean length {lengths.mean():.0f} chars, "
        f"median {lengths.median():.0f}, max {lengths.max()}"
    )
    share = statements.select(
        speaker=pl.col("speaker").is_not_null().mean(),
        mention=pl.col("speaker_mention").is_not_null().mean(),
        cue=pl.col("cue").is_not_null().mean(),
    ).row(0, named=True)
    print(
        f"with a resolved speaker {share['speaker']:.1%}, a speaker mention "
        f"{share['mention']:.1%}, a reporting verb {share['cue']:.1%}"
    )
    print(statements["quote"].value_counts(sort=True).rows())
    print(
        "top speakers:", statements["speaker"].drop_nulls().value_counts(sort=True).head(10).rows()
    )
    for w in caught:
        print("warning:", str(w.message)[:200])


def _cpu() -> float:
    """User + system CPU seconds of this process and its finished children."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
