"""Emphasis: where and how much an outlet gives a claim.

Per statement: headline or not, lede or not, relative position, share of the
article's words, repetitions of its claim within the article, direct quote.
Per claim x outlet and per outlet: aggregates of those.
"""

from __future__ import annotations

import polars as pl

from narratives import schemas
from narratives.compare._common import check, split_singletons
from narratives.compare._text import statement_tokens

DIRECT_QUOTES: tuple[str, ...] = ("direct", "mixed")


def emphasis(statements: pl.DataFrame, claims: pl.DataFrame, *, lede: int = 1) -> pl.DataFrame:
    """Emphasis of every statement in its article.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS``.
    claims
        ``schemas.CLAIMS`` (for the claim of each statement and repetitions).
    lede
        How many of the first body (non-headline) statements form the lede.

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS``.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "a:1", "a:2"], "article_id": ["a"] * 3,
    ...     "outlet": ["sana"] * 3, "position": [0, 1, 2], "text": ["عنوان", "قال لافروف", "وأضاف"],
    ...     "is_headline": [True, False, False], "quote": ["none", "direct", "indirect"]})
    >>> cl = pl.DataFrame({"claim_id": ["c0", "c1", "c1"], "statement_id": ["a:0", "a:1", "a:2"]})
    >>> emphasis(st, cl)[["is_lede", "relative_position", "word_share", "repetitions"]].rows()
    [(False, 0.0, 0.25, 1), (True, 0.0, 0.5, 2), (False, 1.0, 0.25, 2)]
    """
    need = ("statement_id", "article_id", "outlet", "position", "text", "is_headline")
    check(statements, need, name="statements", stage="emphasis")
    check(claims, ("claim_id", "statement_id"), name="claims", stage="emphasis")
    if lede < 0:
        raise ValueError("emphasis: lede must be >= 0")
    optional = {
        "speaker": pl.String,
        "quote": pl.String,
    }
    frame = statements.with_columns(
        (pl.lit(None, t).alias(c) for c, t in optional.items() if c not in statements.columns)
    )
    body = ~pl.col("is_headline").fill_null(False)
    frame = (
        frame.join(claims.select("statement_id", "claim_id"), on="statement_id", how="left")
        .with_columns(n_words=statement_tokens(frame).list.len().cast(pl.Int32))
        .sort("article_id", "position")
        .with_columns(
            body_rank=pl.when(body).then(body.cum_sum().over("article_id") - 1),
            n_body=body.sum().over("article_id"),
            article_words=pl.col("n_words").sum().over("article_id"),
            repetitions=pl.len().over("article_id", "claim_id").cast(pl.Int32),
        )
        .with_columns(
            is_lede=pl.col("body_rank").is_not_null() & (pl.col("body_rank") < lede),
            relative_position=pl.when(~body | (pl.col("n_body") <= 1))
            .then(0.0)
            .otherwise(pl.col("body_rank") / (pl.col("n_body") - 1)),
            word_share=pl.when(pl.col("article_words") > 0).then(
                pl.col("n_words") / pl.col("article_words")
            ),
            is_direct=pl.col("quote").is_in(DIRECT_QUOTES).fill_null(False),
        )
    )
    return schemas.conform(frame, schemas.EMPHASIS).select(schemas.EMPHASIS.names())


def emphasis_claims(emphasis: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """Emphasis of every claim in every outlet that carried it.

    Parameters
    ----------
    emphasis
        The table returned by :func:`emphasis`.
    claims
        ``schemas.CLAIMS`` (for ``claim_outlets`` and ``representative``).

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS_CLAIMS``: ``word_share`` sums the claim's
        statements per article, then averages over articles;
        ``repetitions`` is the mean count per carrying article.

    Examples
    --------
    >>> em = pl.DataFrame({"statement_id": ["a:1", "a:2"], "article_id": ["a", "a"],
    ...     "outlet": ["sana", "sana"], "claim_id": ["c1", "c1"], "is_headline": [False, False],
    ...     "is_lede": [True, False], "relative_position": [0.0, 1.0], "word_share": [0.5, 0.25],
    ...     "repetitions": [2, 2], "is_direct": [True, False]})
    >>> cl = pl.DataFrame({"claim_id": ["c1", "c1"], "statement_id": ["a:1", "a:2"],
    ...     "outlet": ["sana", "sana"]})
    >>> cols = ["in_lede", "word_share", "repetitions", "direct_quote_share"]
    >>> emphasis_claims(em, cl)[cols].rows()
    [(True, 0.75, 2.0, 0.5)]
    """
    check(
        emphasis,
        ("statement_id", "claim_id", "outlet", "article_id"),
        name="emphasis",
        stage="emphasis_claims",
    )
    check(claims, ("claim_id", "statement_id", "outlet"), name="claims", stage="emphasis_claims")
    rep = (
        pl.col("representative")
        if "representative" in claims.columns
        else pl.lit(None, pl.String).alias("representative")
    )
    ones, rest = split_singletons(claims.select("claim_id", "statement_id", "outlet", rep))
    # a claim of one statement: its statement's figures, no group-by needed
    single = emphasis.join(ones.select("statement_id", "representative"), on="statement_id").select(
        "claim_id",
        "outlet",
        n_statements=pl.lit(1, pl.Int32),
        n_articles=pl.lit(1, pl.Int32),
        claim_outlets=pl.lit(1, pl.Int32),
        in_headline="is_headline",
        in_lede="is_lede",
        relative_position="relative_position",
        word_share="word_share",
        repetitions=pl.lit(1.0),
        direct_quote_share=pl.col("is_direct").cast(pl.Float64),
        representative="representative",
        statement_ids=pl.concat_list("statement_id"),
    )
    facts = rest.group_by("claim_id").agg(
        pl.col("outlet").n_unique().cast(pl.Int32).alias("claim_outlets"),
        pl.col("representative").first(),
    )
    # sorted before every float sum and mean: the same bits whatever the row order
    multi = emphasis.join(rest.select("statement_id"), on="statement_id").sort("statement_id")
    per_article = multi.group_by("claim_id", "outlet", "article_id", maintain_order=True).agg(
        pl.col("word_share").sum().alias("article_share"),
        pl.len().alias("article_reps"),
    )
    per_claim = (
        multi.sort("statement_id")
        .group_by("claim_id", "outlet")
        .agg(
            pl.len().cast(pl.Int32).alias("n_statements"),
            pl.col("article_id").n_unique().cast(pl.Int32).alias("n_articles"),
            pl.col("is_headline").any().alias("in_headline"),
            pl.col("is_lede").any().alias("in_lede"),
            pl.col("relative_position").min().alias("relative_position"),
            pl.col("is_direct").mean().alias("direct_quote_share"),
            pl.col("statement_id").alias("statement_ids"),
        )
    )
    means = (
        per_article.sort("claim_id", "outlet", "article_id")
        .group_by("claim_id", "outlet", maintain_order=True)
        .agg(
            pl.col("article_share").mean().alias("word_share"),
            pl.col("article_reps").mean().cast(pl.Float64).alias("repetitions"),
        )
    )
    several = per_claim.join(means, on=["claim_id", "outlet"], how="left", nulls_equal=True).join(
        facts, on="claim_id", how="left"
    )
    out = pl.concat([single, several.select(single.columns)], how="vertical_relaxed")
    return (
        schemas.conform(out, schemas.EMPHASIS_CLAIMS)
        .select(schemas.EMPHASIS_CLAIMS.names())
        .sort("claim_id", "outlet", nulls_last=True)
    )


def emphasis_outlets(emphasis_claims: pl.DataFrame, *, min_outlets: int = 2) -> pl.DataFrame:
    """Per-outlet means of :func:`emphasis_claims` over claims others carried too.

    Parameters
    ----------
    emphasis_claims
        The table returned by :func:`emphasis_claims`.
    min_outlets
        Only claims carried by at least this many outlets (the default, 2,
        compares outlets on the claims they share; 1 takes every claim).

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS_OUTLETS``.

    Examples
    --------
    >>> ec = pl.DataFrame({"outlet": ["sana", "sana"], "claim_outlets": [2, 1],
    ...     "in_headline": [True, False], "in_lede": [False, False],
    ...     "relative_position": [0.0, 1.0], "word_share": [0.1, 0.2],
    ...     "repetitions": [1.0, 1.0], "direct_quote_share": [0.0, 1.0]})
    >>> emphasis_outlets(ec)[["outlet", "n_claims", "headline_share"]].rows()
    [('sana', 1, 1.0)]
    """
    check(
        emphasis_claims,
        ("outlet", "claim_outlets"),
        name="emphasis_claims",
        stage="emphasis_outlets",
    )
    out = (
        emphasis_claims.filter(pl.col("claim_outlets") >= min_outlets)
        .group_by("outlet")
        .agg(
            pl.len().cast(pl.Int64).alias("n_claims"),
            pl.col("in_headline").cast(pl.Float64).mean().alias("headline_share"),
            pl.col("in_lede").cast(pl.Float64).mean().alias("lede_share"),
            pl.col("relative_position").mean(),
            pl.col("word_share").mean(),
            pl.col("repetitions").mean(),
            pl.col("direct_quote_share").mean(),
        )
        .sort("outlet", nulls_last=True)
    )
    return schemas.conform(out, schemas.EMPHASIS_OUTLETS).select(schemas.EMPHASIS_OUTLETS.names())
