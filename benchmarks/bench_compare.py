"""Time every comparison on SaudiNewsNet (or any corpus) after alignment.

Usage::

    python benchmarks/bench_compare.py [--aligned DIR] [--corpus PATH] [--limit N]

``--aligned DIR`` holds the tables of ``narratives align PATH --out DIR``
(``articles``, ``statements``, ``alignments``, ``claims`` as Parquet); when
they are missing they are computed from ``--corpus`` (default: the shared
SaudiNewsNet copy) and written there first, so later runs time only the
comparisons. Prints the time of each measure (wall seconds and CPU seconds of this
process and its forked workers; stories and claims too), of
:func:`narratives.compare` as a whole, the size of every table, and a few
findings a reader of Saudi news would recognise (labels for the Houthis,
terms of the SPA wire). ``--each-only`` stops after the measures: on a
``narratives compare --out`` folder of the whole corpus (its frames are the
inputs), the list of CPU seconds per table in docs/scale.md.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import polars as pl

import narratives as n
from narratives.compare import (
    _shared_differences,
    compare,
    coverage,
    discrepancies,
    distinguishing_terms,
    emphasis,
    emphasis_claims,
    emphasis_outlets,
    emphasis_stories,
    headlines,
    house_style,
    label_choices,
    omission_rates,
    omissions,
    reporting_verbs,
    substitutions,
    voices,
    with_tokens,
)
from narratives.stories import copies, talking_points

SAUDINEWSNET = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"
TABLES = ("articles", "statements", "alignments", "claims")


def load_or_align(aligned: Path, corpus: Path, limit: int | None) -> dict[str, pl.DataFrame]:
    """The pipeline's tables from ``aligned``, computing (and saving) them if missing."""
    if all((aligned / f"{t}.parquet").exists() for t in TABLES):
        return {t: pl.read_parquet(aligned / f"{t}.parquet") for t in TABLES}
    t0 = time.perf_counter()
    articles = n.read_corpus(corpus, progress=True)
    if limit:
        articles = articles.head(limit)
    statements = n.extract_statements(articles, progress=True)
    t1 = time.perf_counter()
    alignments = n.align(statements, progress=True)
    claims = n.cluster_claims(statements, alignments)
    t2 = time.perf_counter()
    print(f"pipeline: read+statements {t1 - t0:.1f}s, align+claims {t2 - t1:.1f}s")
    aligned.mkdir(parents=True, exist_ok=True)
    tables = {
        "articles": articles,
        "statements": statements,
        "alignments": alignments,
        "claims": claims,
    }
    for name, frame in tables.items():
        frame.write_parquet(aligned / f"{name}.parquet")
    return tables


def _cpu() -> float:
    """CPU seconds of this process and of its waited-for children (forked workers)."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, func, *args, **kwargs) -> pl.DataFrame:
    start, cpu = time.perf_counter(), _cpu()
    out = func(*args, **kwargs)
    print(
        f"  {label:24s} {time.perf_counter() - start:7.2f}s wall {_cpu() - cpu:7.2f}s CPU"
        f"  {out.height:>10,} rows",
        flush=True,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aligned", type=Path, default=Path("/tmp/snn_aligned"))
    parser.add_argument("--corpus", type=Path, default=SAUDINEWSNET)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument(
        "--each-only", action="store_true", help="time each measure, not compare() as a whole"
    )
    args = parser.parse_args()

    t = load_or_align(args.aligned, args.corpus, args.limit)
    art, st, al, cl = t["articles"], t["statements"], t["alignments"], t["claims"]
    print(
        f"articles {art.height:,}  outlets {art['outlet'].n_unique()}  statements {st.height:,}  "
        f"alignments {al.height:,}  claims {cl['claim_id'].n_unique():,} "
        f"(multi-outlet: {cl.filter(pl.col('claim_outlets') > 1)['claim_id'].n_unique():,})"
    )

    print("each measure (the second process's tables in the order compare() runs them):")
    timed("claims", n.cluster_claims, st, al)
    stories = timed("stories", n.group_stories, art, st, al)
    st = timed("tokens (once)", with_tokens, st)
    mentions = None
    if (args.aligned / "entity_mentions.parquet").exists():
        mentions = pl.read_parquet(args.aligned / "entity_mentions.parquet")
    spans = art.select(c for c in ("article_id", "spans") if c in art.columns)
    em = timed("emphasis", emphasis, st, cl, articles=spans)
    timed("emphasis_claims", emphasis_claims, em, cl)
    es = timed("emphasis_stories", emphasis_stories, em, cl, stories)
    timed("emphasis_outlets", emphasis_outlets, es)
    diffs = timed("aligned differences", _shared_differences, st, al, cl, {}, {})
    style = timed("house_style", house_style, st, al, cl, differences=diffs)
    timed("reporting_verbs", reporting_verbs, st)
    timed("voices", voices, st, stories)
    timed("labels", label_choices, st)
    timed("substitutions", substitutions, st, al, cl, differences=diffs)
    timed("headlines", headlines, st, cl, stories, em)
    timed("distinguishing_terms", distinguishing_terms, st, al, claims=cl, variants=style)
    timed("discrepancies", discrepancies, st, al, cl, mentions, stories=stories)
    timed("talking_points", talking_points, st, cl, stories)
    timed("copies", copies, stories, st)
    if args.each_only:
        return
    timed("coverage", coverage, st, al, cl, absent_min_outlets=2)
    timed("article_coverage", coverage, st, al, cl, by="article", absent=False)
    om = timed("omissions (story)", omissions, st, cl)
    timed("omission_rates", omission_rates, om, cl)

    start = time.perf_counter()
    tables = compare(art, st, al, cl)
    total = time.perf_counter() - start
    print(f"compare(): all {len(tables)} tables in {total:.1f}s")
    for name, frame in tables.items():
        print(f"  {name:22s} {frame.height:>10,} rows")

    pl.Config.set_tbl_rows(40)
    pl.Config.set_fmt_str_lengths(40)
    pl.Config.set_tbl_width_chars(160)
    labels = tables["labels"]
    for referent in ("houthis", "isis", "yemen_government"):
        view = (
            labels.filter(pl.col("referent") == referent)
            .group_by("outlet")
            .agg(
                pl.col("n").sum(),
                pl.col("label").sort_by("n", descending=True).first().alias("top_label"),
                (pl.col("n") * (pl.col("connotation") == "delegitimizing")).sum().alias("deleg"),
            )
            .with_columns(delegitimizing_share=(pl.col("deleg") / pl.col("n")).round(2))
            .sort("delegitimizing_share", descending=True)
            .drop("deleg")
        )
        print(f"labels for {referent} (share of delegitimizing labels per outlet):\n{view}")
    terms = tables["distinguishing_terms"]
    for outlet in ("was", "sabq", "okaz"):
        top = terms.filter((pl.col("outlet") == outlet) & (pl.col("z") > 0)).head(15)
        print(f"terms of {outlet} vs the rest: {top['term'].to_list()}")
    rates = tables["omission_rates"].filter(pl.col("n_claims") >= 50).sort("rate", descending=True)
    print("omission rates (pairs with >= 50 comparable claims):")
    print(
        rates.select("outlet", "other", "n_claims", "n_omitted", "rate", "ci_low", "ci_high").head(
            10
        )
    )


if __name__ == "__main__":
    main()
