"""Time every comparison on SaudiNewsNet (or any corpus) after alignment.

Usage::

    python benchmarks/bench_compare.py [--aligned DIR] [--corpus PATH] [--limit N]

``--aligned DIR`` holds the tables of ``narratives align PATH --out DIR``
(``articles``, ``statements``, ``alignments``, ``claims`` as Parquet); when
they are missing they are computed from ``--corpus`` (default: the shared
SaudiNewsNet copy) and written there first, so later runs time only the
comparisons. Prints the time of each measure, of :func:`narratives.compare`
as a whole, the size of every table, and a few findings a reader of Saudi
news would recognise (labels for the Houthis, terms of the SPA wire).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import polars as pl

import narratives as n
from narratives.compare import (
    compare,
    coverage,
    discrepancies,
    distinguishing_terms,
    emphasis,
    emphasis_claims,
    label_choices,
    omission_rates,
    omissions,
    reporting_verbs,
    substitutions,
    with_tokens,
)

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


def timed(label: str, func, *args, **kwargs) -> pl.DataFrame:
    start = time.perf_counter()
    out = func(*args, **kwargs)
    print(f"  {label:24s} {time.perf_counter() - start:7.2f}s  {out.height:>10,} rows")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aligned", type=Path, default=Path("/tmp/snn_aligned"))
    parser.add_argument("--corpus", type=Path, default=SAUDINEWSNET)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()

    t = load_or_align(args.aligned, args.corpus, args.limit)
    art, st, al, cl = t["articles"], t["statements"], t["alignments"], t["claims"]
    print(
        f"articles {art.height:,}  outlets {art['outlet'].n_unique()}  statements {st.height:,}  "
        f"alignments {al.height:,}  claims {cl['claim_id'].n_unique():,} "
        f"(multi-outlet: {cl.filter(pl.col('claim_outlets') > 1)['claim_id'].n_unique():,})"
    )

    print("each measure:")
    st = timed("tokens (once)", with_tokens, st)
    timed("coverage", coverage, st, al, cl, absent_min_outlets=2)
    timed("article_coverage", coverage, st, al, cl, by="article", absent=False)
    om = timed("omissions (story)", omissions, st, cl)
    timed("omission_rates", omission_rates, om, cl)
    em = timed("emphasis", emphasis, st, cl)
    timed("emphasis_claims", emphasis_claims, em, cl)
    timed("reporting_verbs", reporting_verbs, st)
    timed("labels", label_choices, st)
    timed("substitutions", substitutions, st, al)
    timed("distinguishing_terms", distinguishing_terms, st, al)
    timed("discrepancies", discrepancies, st, al, cl)

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
