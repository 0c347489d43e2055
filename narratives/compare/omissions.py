"""Omissions: claims that comparable coverage elsewhere carried and an outlet left out.

"Comparable" is explicit (``comparable=``):

``"story"``
    The outlet covered the same story: its articles share at least
    ``min_shared`` other multi-outlet claims with the articles carrying the
    claim.
``"speaker"``
    The outlet reported the claim's (most frequent) speaker.
``"window"``
    The outlet published anything within ``window_days`` of the claim.
``"all"``
    Every outlet of the corpus.

``window_days`` also narrows ``"story"`` and ``"speaker"``: the comparable
articles must be published within that many days of an article carrying
the claim. Articles with an unknown date never qualify under a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import polars as pl

from narratives import schemas
from narratives.compare._common import CLAIM_COLUMNS, check, claim_facts

Comparable = Literal["story", "speaker", "window", "all"]
COMPARABLE: tuple[str, ...] = ("story", "speaker", "window", "all")


def _article_dates(statements: pl.DataFrame) -> pl.DataFrame:
    if "published" not in statements.columns:
        return statements.select("article_id", pl.lit(None, pl.Date).alias("published")).unique()
    return statements.group_by("article_id").agg(pl.col("published").drop_nulls().first())


def _within(window_days: int | None) -> pl.Expr:
    if window_days is None:
        return pl.lit(True)
    gap = (pl.col("published") - pl.col("published_other")).dt.total_days().abs()
    return gap <= window_days


def _story(
    claims: pl.DataFrame,
    facts: pl.DataFrame,
    dates: pl.DataFrame,
    *,
    window_days: int | None,
    max_evidence: int,
) -> pl.DataFrame:
    """Story rule: per (claim, outlet), the multi-outlet claims the outlet shares
    with the articles carrying the claim, and the outlet's articles sharing them.

    Work is done per article first (the claims an article shares with each
    other outlet), so it grows with the shared claims, not claims x articles.
    """
    ca = claims.select("claim_id", "article_id", "outlet").unique()
    multi = ca.join(facts.filter(pl.col("claim_outlets") >= 2).select("claim_id"), on="claim_id")
    # article a carries shared claim s, which article ea of outlet o carries too
    links = (
        multi.select(pl.col("article_id").alias("a"), pl.col("claim_id").alias("s"))
        .join(
            multi.select(pl.col("claim_id").alias("s"), pl.col("article_id").alias("ea"), "outlet"),
            on="s",
        )
        .filter(pl.col("ea") != pl.col("a"))
    )
    if window_days is not None:
        links = (
            links.join(dates.select(pl.col("article_id").alias("a"), "published"), on="a")
            .join(
                dates.select(pl.col("article_id").alias("ea"), published_other="published"),
                on="ea",
            )
            .filter(_within(window_days))
        )
    per_article = links.group_by("a", "outlet").agg(
        pl.col("s").n_unique().cast(pl.Int32).alias("shared_claims"),
        pl.col("ea").unique().sort().head(max_evidence).alias("evidence_article_ids"),
    )
    carriers = ca.select("claim_id", pl.col("article_id").alias("a")).join(
        facts.select("claim_id", "claim_articles"), on="claim_id"
    )
    single = carriers.filter(pl.col("claim_articles") == 1).join(per_article, on="a")
    several = (
        carriers.filter(pl.col("claim_articles") > 1)
        .join(links.select("a", "s", "ea", "outlet"), on="a")
        .group_by("claim_id", "outlet")
        .agg(
            pl.col("s").n_unique().cast(pl.Int32).alias("shared_claims"),
            pl.col("ea").unique().sort().head(max_evidence).alias("evidence_article_ids"),
        )
    )
    cols = ["claim_id", "outlet", "shared_claims", "evidence_article_ids"]
    return pl.concat([single.select(cols), several.select(cols)])


def _candidates(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    facts: pl.DataFrame,
    *,
    comparable: str,
    window_days: int | None,
    units: list[str | None],
    max_evidence: int,
) -> pl.DataFrame:
    """(claim_id, outlet, shared_claims, evidence_article_ids) of comparable outlets."""
    dates = _article_dates(statements)
    if comparable == "story":
        return _story(claims, facts, dates, window_days=window_days, max_evidence=max_evidence)
    none = pl.lit(None, pl.Int32).alias("shared_claims")
    if comparable == "all" and window_days is None:
        return (
            facts.select("claim_id")
            .join(pl.DataFrame({"outlet": units}, schema={"outlet": pl.String}), how="cross")
            .with_columns(none, evidence_article_ids=pl.lit([], pl.List(pl.String)))
        )
    docs = statements.select(
        "article_id", "outlet", *(["speaker"] if comparable == "speaker" else [])
    ).unique()
    if comparable == "speaker":
        docs = docs.drop_nulls("speaker")
        if window_days is None:  # per speaker and outlet first: no claims x articles rows
            return (
                docs.sort("article_id")
                .group_by("speaker", "outlet")
                .agg(
                    pl.col("article_id")
                    .unique()
                    .sort()
                    .head(max_evidence)
                    .alias("evidence_article_ids")
                )
                .join(facts.drop_nulls("speaker").select("claim_id", "speaker"), on="speaker")
                .select("claim_id", "outlet", none, "evidence_article_ids")
            )
        docs = docs.join(facts.drop_nulls("speaker").select("claim_id", "speaker"), on="speaker")
    else:
        if window_days is None:
            raise ValueError("omissions: comparable='window' needs window_days")
        docs = facts.select("claim_id").join(docs.select("article_id", "outlet"), how="cross")
    spans = (
        claims.select("claim_id", "article_id")
        .join(dates, on="article_id", how="left")
        .group_by("claim_id")
        .agg(pl.col("published").min().alias("first"), pl.col("published").max().alias("last"))
    )
    days = pl.duration(days=window_days)
    return (
        docs.select("claim_id", "article_id", "outlet")
        .join(dates.rename({"published": "published_other"}), on="article_id")
        .join(spans, on="claim_id")
        .filter(
            (pl.col("published_other") >= pl.col("first") - days)
            & (pl.col("published_other") <= pl.col("last") + days)
        )
        .group_by("claim_id", "outlet")
        .agg(pl.col("article_id").unique().sort().head(max_evidence).alias("evidence_article_ids"))
        .with_columns(none)
    )


def omissions(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    comparable: Comparable = "story",
    min_shared: int = 1,
    window_days: int | None = None,
    min_outlets: int = 1,
    outlets: Sequence[str] | None = None,
    max_evidence: int = 10,
) -> pl.DataFrame:
    """Claims each outlet left out although comparable coverage elsewhere carried them.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``, ``outlet``,
        ``speaker``, ``published`` are used).
    claims
        ``schemas.CLAIMS``.
    comparable
        Which outlets count as comparable for a claim: ``"story"``,
        ``"speaker"``, ``"window"`` or ``"all"`` (see the module docs).
    min_shared
        ``"story"``: claims an outlet's articles must share with the carriers.
    window_days
        Only articles published within this many days of the claim count.
    min_outlets
        Only claims carried by at least this many outlets.
    outlets
        Restrict the outlets examined for omissions.
    max_evidence
        Cap on ``evidence_article_ids`` per row (the first ones by id).

    Returns
    -------
    pl.DataFrame
        ``schemas.OMISSIONS``, one row per (omitting outlet, claim).

    Examples
    --------
    >>> claims = pl.DataFrame({"claim_id": ["c1", "c1", "c2", "c3"],
    ...     "statement_id": ["a:1", "b:1", "a:2", "c:1"],
    ...     "article_id": ["a", "b", "a", "c"], "outlet": ["sana", "rt", "sana", "x"]})
    >>> st = claims.select("statement_id", "article_id", "outlet")
    >>> omissions(st, claims)[["outlet", "claim_id", "shared_claims"]].rows()
    [('rt', 'c2', 1)]
    """
    check(
        statements, ("statement_id", "article_id", "outlet"), name="statements", stage="omissions"
    )
    check(claims, CLAIM_COLUMNS, name="claims", stage="omissions")
    if comparable not in COMPARABLE:
        raise ValueError(f"omissions: comparable must be one of {COMPARABLE}, not {comparable!r}")
    if min_shared < 1:
        raise ValueError("omissions: min_shared must be at least 1")
    facts = claim_facts(statements, claims).filter(pl.col("claim_outlets") >= min_outlets)
    claims = claims.join(facts.select("claim_id"), on="claim_id", how="semi")
    units = sorted(
        set(statements["outlet"].unique().to_list()) | set(claims["outlet"].unique().to_list()),
        key=lambda o: (o is None, o or ""),
    )
    out = _candidates(
        statements,
        claims,
        facts,
        comparable=comparable,
        window_days=window_days,
        units=units,
        max_evidence=max_evidence,
    )
    if outlets is not None:
        out = out.filter(pl.col("outlet").is_in(list(outlets)))
    have = claims.select("claim_id", "outlet").unique()
    out = out.join(have, on=["claim_id", "outlet"], how="anti", nulls_equal=True)
    if comparable == "story":
        out = out.filter(pl.col("shared_claims") >= min_shared)
    ids = (
        claims.sort("statement_id")
        .group_by("claim_id")
        .agg(pl.col("statement_id").alias("statement_ids"))
    )
    out = (
        out.join(facts, on="claim_id", how="left")
        .join(ids, on="claim_id", how="left")
        .with_columns(comparable=pl.lit(comparable))
    )
    return (
        schemas.conform(out, schemas.OMISSIONS)
        .select(schemas.OMISSIONS.names())
        .sort("outlet", "claim_id", nulls_last=True)
    )


def bootstrap_rate(
    n: np.ndarray, k: np.ndarray, *, n_boot: int, level: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of the rates ``k / n`` (resampling units).

    Resampling ``n`` binary outcomes with replacement makes the count of ones
    Binomial(n, k/n), so the replicates are drawn from that directly.

    Examples
    --------
    >>> lo, hi = bootstrap_rate(np.array([10]), np.array([3]), n_boot=2000, level=0.95,
    ...                         rng=np.random.default_rng(0))
    >>> bool(lo[0] <= 0.3 <= hi[0])
    True
    """
    n = np.asarray(n, dtype=np.int64)
    k = np.asarray(k, dtype=np.int64)
    if len(n) == 0:
        return np.empty(0), np.empty(0)
    p = np.divide(k, n, out=np.zeros(len(n)), where=n > 0)
    draws = rng.binomial(n[:, None], p[:, None], size=(len(n), n_boot)) / np.maximum(n, 1)[:, None]
    tail = (1.0 - level) / 2.0
    lo, hi = np.quantile(draws, [tail, 1.0 - tail], axis=1)
    return lo, hi


def omission_rates(
    omissions: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    rng: np.random.Generator | int | None = 0,
) -> pl.DataFrame:
    """Omission rate of every outlet A relative to every other outlet B.

    Among the claims B carried for which A was comparable (A carried them, or
    :func:`omissions` lists them as left out by A), the share A left out,
    with a percentile bootstrap interval over claims.

    Parameters
    ----------
    omissions
        The table returned by :func:`omissions` (``schemas.OMISSIONS``).
    claims
        ``schemas.CLAIMS`` used to build it.
    n_boot, level
        Bootstrap replicates and confidence level.
    rng
        A ``numpy.random.Generator`` or a seed; no global random state is used.

    Returns
    -------
    pl.DataFrame
        ``schemas.OMISSION_RATES``.

    Examples
    --------
    >>> claims = pl.DataFrame({"claim_id": ["c1", "c1", "c2"],
    ...     "statement_id": ["a:1", "b:1", "a:2"], "article_id": ["a", "b", "a"],
    ...     "outlet": ["sana", "rt", "sana"]})
    >>> om = omissions(claims.select("statement_id", "article_id", "outlet"), claims)
    >>> omission_rates(om, claims)[["outlet", "other", "n_claims", "n_omitted", "rate"]].rows()
    [('rt', 'sana', 2, 1, 0.5), ('sana', 'rt', 1, 0, 0.0)]
    """
    check(omissions, ("outlet", "claim_id"), name="omissions", stage="omission_rates")
    check(claims, CLAIM_COLUMNS, name="claims", stage="omission_rates")
    if not 0 < level < 1:
        raise ValueError(f"omission_rates: level must be in (0, 1), not {level}")
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    have = claims.select("claim_id", "outlet").unique()
    status = pl.concat(
        [
            have.with_columns(omitted=pl.lit(False)),
            omissions.select("claim_id", "outlet", omitted=pl.lit(True)),
        ]
    )
    pairs = (
        status.join(have.rename({"outlet": "other"}), on="claim_id")
        .filter(pl.col("outlet").ne_missing(pl.col("other")))
        .group_by("outlet", "other")
        .agg(
            pl.len().cast(pl.Int64).alias("n_claims"),
            pl.col("omitted").sum().cast(pl.Int64).alias("n_omitted"),
            pl.col("claim_id").filter(pl.col("omitted")).sort().alias("claim_ids"),
        )
        .sort("outlet", "other", nulls_last=True)
    )
    lo, hi = bootstrap_rate(
        pairs["n_claims"].to_numpy(),
        pairs["n_omitted"].to_numpy(),
        n_boot=n_boot,
        level=level,
        rng=gen,
    )
    out = pairs.with_columns(
        rate=pl.col("n_omitted") / pl.col("n_claims"),
        ci_low=pl.Series(lo, dtype=pl.Float64),
        ci_high=pl.Series(hi, dtype=pl.Float64),
        level=pl.lit(level),
        n_boot=pl.lit(n_boot, pl.Int64),
    )
    return schemas.conform(out, schemas.OMISSION_RATES).select(schemas.OMISSION_RATES.names())
