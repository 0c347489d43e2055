"""Distinguishing terms: log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection
and Evaluation for Identifying the Content of Political Conflict", Political
Analysis 16(4), section 3.5. For word ``w``, group ``i`` and group ``j``::

    delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w))
            - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
    var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w     = delta_w / sqrt(var_w)

with the prior ``a_w = a_0 * f_w`` proportional to the word's frequency
``f_w`` in the background (both groups together) and ``a_0`` the prior's
total weight (``prior_scale``). Swapping ``i`` and ``j`` flips the sign of
``z``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

import numpy as np
import polars as pl

from narratives import schemas
from narratives.compare._common import check
from narratives.compare._text import proclitic_map, statement_tokens


def log_odds_z(
    counts_i: np.ndarray, counts_j: np.ndarray, prior: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log-odds ratio, its variance and z-score per word (Monroe et al. 2008).

    Parameters
    ----------
    counts_i, counts_j
        Word counts of the two groups (same vocabulary order).
    prior
        Dirichlet prior ``a_w`` per word (positive).

    Examples
    --------
    >>> d, v, z = log_odds_z(np.array([10, 1]), np.array([1, 10]), np.array([1.0, 1.0]))
    >>> bool(z[0] > 0 > z[1]), bool(np.isclose(z[0], -z[1]))
    (True, True)
    """
    yi = np.asarray(counts_i, dtype=np.float64)
    yj = np.asarray(counts_j, dtype=np.float64)
    a = np.asarray(prior, dtype=np.float64)
    if np.any(a <= 0):
        raise ValueError("log_odds_z: every prior weight must be positive")
    if len(a) < 2:
        raise ValueError("log_odds_z: needs at least two words (odds against the others)")
    a0 = a.sum()
    ni, nj = yi.sum(), yj.sum()
    delta = np.log((yi + a) / (ni + a0 - yi - a)) - np.log((yj + a) / (nj + a0 - yj - a))
    var = 1.0 / (yi + a) + 1.0 / (yj + a)
    return delta, var, delta / np.sqrt(var)


def term_counts(
    statements: pl.DataFrame,
    *,
    clitics: bool = True,
    stopwords: Collection[str] = (),
) -> pl.DataFrame:
    """Token occurrences: ``statement_id``, ``outlet``, ``term`` (one row each).

    Tokens are match-normalized; with ``clitics`` the proclitics و ف ب ل ك
    are stripped where the rest is a word seen in these statements (ال is
    kept, see :func:`narratives.compare._text.strip_proclitics`).
    """
    long = (
        statements.select("statement_id", "outlet", term=statement_tokens(statements))
        .explode("term")
        .drop_nulls("term")
        .filter(~pl.col("term").str.contains(r"^\d+$"))
    )
    if clitics:
        vocab = set(long["term"].unique().to_list())
        long = long.with_columns(pl.col("term").replace(proclitic_map(vocab, vocab)))
    if stopwords:
        long = long.filter(~pl.col("term").is_in(list(stopwords)))
    return long


def _versus_rest(
    counts: pl.DataFrame, outlets: list[str], min_count: int, prior_scale: float, top_n: int
) -> pl.DataFrame:
    """Every outlet against the others pooled, all outlets at once (polars expressions).

    The same figures as :func:`log_odds_z` with ``counts_i`` the outlet's
    counts, ``counts_j`` everyone else's, and the prior from all counts.
    """
    total = counts.group_by("term").agg(pl.col("n").sum().alias("n_all"))
    kept = total.filter(pl.col("n_all") >= min_count)
    if kept.height < 2:
        return pl.DataFrame()
    grid = (
        pl.DataFrame({"outlet": outlets}, schema={"outlet": pl.String})
        .join(kept, how="cross")
        .join(counts, on=["outlet", "term"], how="left")
        .sort("outlet", "term")
        .select(
            "outlet",
            "term",
            "n_all",
            n_outlet=pl.col("n").fill_null(0).cast(pl.Int64),
            n_versus=(pl.col("n_all") - pl.col("n").fill_null(0)).cast(pl.Int64),
        )
    )
    yi, yj = pl.col("n_outlet").cast(pl.Float64), pl.col("n_versus").cast(pl.Float64)
    a = prior_scale * pl.col("n_all") / kept["n_all"].sum()
    ni, nj = yi.sum().over("outlet"), yj.sum().over("outlet")
    delta = ((yi + a) / (ni + prior_scale - yi - a)).log() - (
        (yj + a) / (nj + prior_scale - yj - a)
    ).log()
    var = 1.0 / (yi + a) + 1.0 / (yj + a)
    scored = grid.with_columns(log_odds=delta, variance=var).with_columns(
        z=pl.col("log_odds") / pl.col("variance").sqrt(), versus=pl.lit("rest")
    )
    high = pl.col("z").rank("ordinal", descending=True).over("outlet")
    low = pl.col("z").rank("ordinal").over("outlet")
    return scored.filter((high <= top_n) | (low <= top_n)).with_columns(
        rank=pl.col("z")
        .abs()
        .rank("ordinal", descending=True)
        .over(pl.col("outlet"), pl.col("z") > 0)
        .cast(pl.Int32)
    )


def distinguishing_terms(
    statements: pl.DataFrame,
    alignments: pl.DataFrame | None = None,
    *,
    versus: Literal["rest", "each"] = "rest",
    aligned_only: bool = False,
    prior_scale: float = 1000.0,
    min_count: int = 3,
    top_n: int = 30,
    clitics: bool = True,
    stopwords: Collection[str] = (),
    max_examples: int = 5,
) -> pl.DataFrame:
    """Terms typical of each outlet against the rest (or each other outlet).

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``outlet``, ``text``).
    alignments
        ``schemas.ALIGNMENTS``; needed with ``aligned_only``.
    versus
        ``"rest"``: each outlet against all the others pooled; ``"each"``:
        every ordered pair of outlets.
    aligned_only
        Count only statements aligned with a statement of another outlet, so
        the topic is held constant and what differs is wording.
    prior_scale
        Total weight ``a_0`` of the informative prior (background frequencies).
    min_count
        Drop terms seen fewer times in the two groups together.
    top_n
        Keep the ``top_n`` highest and ``top_n`` lowest z per comparison.
    clitics, stopwords
        Token handling, see :func:`term_counts`.
    max_examples
        Statement ids kept per row as evidence.

    Returns
    -------
    pl.DataFrame
        ``schemas.DISTINGUISHING_TERMS``: ``z > 0`` marks a term of
        ``outlet``, ``z < 0`` one of ``versus``; ``rank`` counts from the
        extreme on each side.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"], "outlet": ["sana", "rt"],
    ...     "text": ["الإرهابيين الإرهابيين الإرهابيين سورية", "المسلحين المسلحين المسلحين سوريا"]})
    >>> out = distinguishing_terms(st, min_count=1, top_n=1)
    >>> out.filter(pl.col("outlet") == "sana")[["term", "rank"]].rows()
    [('الارهابيين', 1), ('المسلحين', 1)]
    """
    check(
        statements,
        ("statement_id", "outlet", "text"),
        name="statements",
        stage="distinguishing_terms",
    )
    if versus not in ("rest", "each"):
        raise ValueError(f"distinguishing_terms: versus must be 'rest' or 'each', not {versus!r}")
    if prior_scale <= 0:
        raise ValueError("distinguishing_terms: prior_scale must be positive")
    frame = statements
    if aligned_only:
        if alignments is None:
            raise ValueError("distinguishing_terms: aligned_only needs the alignments")
        cross = alignments.filter(pl.col("outlet_a").ne_missing(pl.col("outlet_b")))
        ids = pl.concat([cross["statement_id_a"], cross["statement_id_b"]]).unique()
        frame = frame.filter(pl.col("statement_id").is_in(ids.implode()))
    long = term_counts(frame, clitics=clitics, stopwords=stopwords).drop_nulls("outlet")
    counts = long.group_by("outlet", "term").len("n")
    outlets = sorted(counts["outlet"].unique().to_list())
    total = counts.group_by("term").agg(pl.col("n").sum().alias("n_all"))
    results: list[pl.DataFrame] = []
    if versus == "rest":
        results.append(_versus_rest(counts, outlets, min_count, prior_scale, top_n))
    comparisons = [(o, p) for o in outlets for p in outlets if o != p] if versus == "each" else []
    for outlet, other in comparisons:
        mine = counts.filter(pl.col("outlet") == outlet).select("term", n_outlet="n")
        if other == "rest":
            theirs = total.join(mine, on="term", how="left").select(
                "term", n_versus=pl.col("n_all") - pl.col("n_outlet").fill_null(0)
            )
            background = total
        else:
            theirs = counts.filter(pl.col("outlet") == other).select("term", n_versus="n")
            background = None
        table = mine.join(theirs, on="term", how="full", coalesce=True).fill_null(0)
        if background is None:
            table = table.with_columns(n_all=pl.col("n_outlet") + pl.col("n_versus"))
        else:
            table = table.join(background, on="term", how="left")
        table = table.filter(pl.col("n_outlet") + pl.col("n_versus") >= min_count)
        if table.height < 2:
            continue
        n_all = table["n_all"].to_numpy().astype(np.float64)
        prior = prior_scale * n_all / n_all.sum()
        delta, var, z = log_odds_z(
            table["n_outlet"].to_numpy(), table["n_versus"].to_numpy(), prior
        )
        table = table.with_columns(
            log_odds=pl.Series(delta),
            variance=pl.Series(var),
            z=pl.Series(z),
            outlet=pl.lit(outlet),
            versus=pl.lit(other),
        )
        top = pl.concat(
            [
                table.sort("z", descending=True).head(top_n),
                table.filter(
                    ~pl.col("term").is_in(
                        table.sort("z", descending=True).head(top_n)["term"].implode()
                    )
                )
                .sort("z")
                .head(top_n),
            ]
        ).with_columns(
            rank=pl.col("z")
            .abs()
            .rank("ordinal", descending=True)
            .over(pl.col("z") > 0)
            .cast(pl.Int32)
        )
        results.append(top)
    results = [r for r in results if r.height]
    if not results:
        return pl.DataFrame(schema=schemas.DISTINGUISHING_TERMS)
    out = pl.concat(results, how="diagonal_relaxed")
    examples = (
        long.join(out.select("outlet", "term").unique(), on=["outlet", "term"])
        .unique(["outlet", "term", "statement_id"])
        .sort("statement_id")
        .group_by("outlet", "term")
        .agg(pl.col("statement_id").head(max_examples).alias("statement_ids"))
    )
    out = out.join(examples, on=["outlet", "term"], how="left").sort(
        ["outlet", "versus", "z"], descending=[False, False, True]
    )
    return schemas.conform(out, schemas.DISTINGUISHING_TERMS).select(
        schemas.DISTINGUISHING_TERMS.names()
    )
