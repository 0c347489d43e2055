"""Speaker coverage on SaudiNewsNet days: how many statements with a reporting verb have a speaker.

Run from the repository root::

    python benchmarks/speaker_coverage.py [CORPUS_DIR] [--days 2015-07-22 2015-07-23]
        [--sample N --seed S] [-j PROCESSES]

Reads the daily zips, times :func:`narratives.extract_statements` (wall and CPU
seconds), prints the share of body statements (not headlines) with a reporting
verb that have a speaker, and with ``--sample`` prints that many attributed
statements with the two statements before them, to be read and judged against
the text (docs/accuracy.md, ``voices``).
"""

from __future__ import annotations

import argparse
import resource
import time
import warnings
from pathlib import Path

import polars as pl

import narratives

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--days", nargs="+", default=["2015-07-22", "2015-07-23"])
    parser.add_argument("--sample", type=int, default=0, help="attributed statements to print")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--missing", type=int, default=0,
        help="statements with a reporting verb and no speaker to print (same --seed)",
    )
    parser.add_argument("--save", type=Path, help="write the statements to this parquet file")
    parser.add_argument("-j", "--processes", type=int, default=1, help="worker processes")
    args = parser.parse_args()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = pl.concat([narratives.read_corpus(args.corpus / f"{d}.zip") for d in args.days])
        t0, c0 = time.perf_counter(), _cpu()
        st = narratives.extract_statements(articles, n_process=args.processes)
    print(
        f"{len(articles):,} articles, {len(st):,} statements; extract_statements "
        f"{time.perf_counter() - t0:.1f} s wall, {_cpu() - c0:.1f} s CPU"
    )
    body = st.filter(~pl.col("is_headline") & pl.col("cue").is_not_null())
    n, k = body.height, int(body["speaker"].is_not_null().sum())
    print(f"body statements with a reporting verb: {n:,}, with a speaker: {k:,} ({k / n:.1%})")
    if args.save:
        st.write_parquet(args.save)
    st = st.sort("article_id", "position").with_columns(
        prev=pl.col("text").shift(1).over("article_id"),
        prev2=pl.col("text").shift(2).over("article_id"),
    )
    verb = ~pl.col("is_headline") & pl.col("cue").is_not_null()
    for title, n_rows, has_speaker in (
        ("attributed", args.sample, True),
        ("no speaker", args.missing, False),
    ):
        if not n_rows:
            continue
        print(f"--- {title}: {n_rows} rows, seed {args.seed}")
        spoken = pl.col("speaker").is_not_null()
        rows = st.filter(verb & (spoken if has_speaker else ~spoken)).sample(n_rows, seed=args.seed)
        for i, r in enumerate(rows.iter_rows(named=True)):
            print(
                f"#{i} {r['statement_id']} [{r['speaker']}] "
                f"mention={r['speaker_mention']} cue={r['cue']}"
            )
            print("   before:", (r["prev2"] or "")[-150:], "|", (r["prev"] or "")[-250:])
            print("   text:", r["text"][:300])


if __name__ == "__main__":
    main()
