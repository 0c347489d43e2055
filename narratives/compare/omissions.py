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
from narratives.compare._common import CLAIM_COLUMNS, carried, check, claim_facts

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


def _candidates(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    facts: pl.DataFrame,
    *,
    comparable: str,
    min_shared: int,
    window_days: int | None,
    outlets: Sequence[str] | None,
) -> pl.DataFrame:
    """(claim_id, outlet, evidence article_id, shared claim_id or null) rows."""
    ca = claims.select("claim_id", "article_id", "outlet").unique()
    dates = _article_dates(statements)
    carrier = ca.join(dates, on="article_id", how="left").rename(
        {"article_id": "carrier_article", "outlet": "carrier_outlet"}
    )
    if comparable == "story":
        multi = ca.join(
            facts.filter(pl.col("claim_outlets") >= 2).select("claim_id"), on="claim_id"
        )
        # claim -> articles carrying it -> other multi-outlet claims there ...
        bridge = carrier.join(
            multi.rename({"claim_id": "shared", "article_id": "carrier_article"}).drop("outlet"),
            on="carrier_article",
        ).filter(pl.col("shared") != pl.col("claim_id"))
        # ... -> the articles of other outlets carrying those claims
        other = multi.rename({"claim_id": "shared"}).join(
            dates.rename({"published": "published_other"}), on="article_id", how="left"
        )
        rows = bridge.join(other, on="shared").filter(_within(window_days))
        rows = rows.select("claim_id", "outlet", "article_id", "shared")
    else:
        docs = statements.select(
            "article_id", "outlet", *(["speaker"] if comparable == "speaker" else [])
        ).unique()
        if comparable == "speaker":
            docs = docs.drop_nulls("speaker").join(
                facts.drop_nulls("speaker").select("claim_id", "speaker"), on="speaker"
            )
            docs = docs.select("claim_id", "article_id", "outlet").unique()
        else:
            docs = facts.select("claim_id").join(
                docs.select("article_id", "outlet").unique(), how="cross"
            )
        if window_days is not None or comparable == "window":
            if window_days is None:
                raise ValueError("omissions: comparable='window' needs window_days")
            spans = carrier.group_by("claim_id").agg(
                pl.col("published").min().alias("first"), pl.col("published").max().alias("last")
            )
            docs = (
                docs.join(dates.rename({"published": "published_other"}), on="article_id")
                .join(spans, on="claim_id")
                .filter(
                    (pl.col("published_other") >= pl.col("first") - pl.duration(days=window_days))
                    & (pl.col("published_other") <= pl.col("last") + pl.duration(days=window_days))
                )
            )
        rows = docs.select(
            "claim_id", "outlet", "article_id", pl.lit(None, pl.String).alias("shared")
        )
    if outlets is not None:
        rows = rows.filter(pl.col("outlet").is_in(list(outlets)))
    return rows


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
        Comparable articles examined per row for ``evidence_article_ids``
        (the list holds the distinct ones among them).

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
    cands = _candidates(
        statements,
        claims,
        facts,
        comparable=comparable,
        min_shared=min_shared,
        window_days=window_days,
        outlets=outlets,
    )
    have = carried(claims, "outlet")
    cands = cands.join(have.select("claim_id", "outlet"), on=["claim_id", "outlet"], how="anti")
    out = cands.group_by("claim_id", "outlet").agg(
        pl.col("shared").drop_nulls().n_unique().cast(pl.Int32).alias("shared_claims"),
        pl.col("article_id").head(max_evidence).alias("evidence_article_ids"),
    )
    out = out.with_columns(pl.col("evidence_article_ids").list.unique().list.sort())
    if comparable == "story":
        out = out.filter(pl.col("shared_claims") >= min_shared)
    else:
        out = out.with_columns(shared_claims=pl.lit(None, pl.Int32))
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
