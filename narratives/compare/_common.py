"""Helpers shared by the comparison measures: checks and per-claim facts."""

from __future__ import annotations

import polars as pl

from narratives import schemas

#: coverage status -> rank (0 best); unknown alignment relations rank as "related"
STATUS_RANK: dict[str, int] = {s: i for i, s in enumerate(schemas.COVERAGE_STATUSES)}

#: alignment relations that say two statements carry the same claim
SAME_CLAIM_RELATIONS: tuple[str, ...] = ("verbatim", "near_verbatim", "paraphrase")

STATEMENT_COLUMNS = ("statement_id", "article_id", "outlet")
CLAIM_COLUMNS = ("claim_id", "statement_id", "article_id", "outlet")
ALIGNMENT_COLUMNS = (
    "statement_id_a",
    "statement_id_b",
    "outlet_a",
    "outlet_b",
    "score",
    "relation",
)


def check(frame: pl.DataFrame, columns: tuple[str, ...], *, name: str, stage: str) -> None:
    """Raise :class:`narratives.schemas.SchemaError` when ``columns`` are missing."""
    schemas.require(frame, columns, name=name, stage=stage)


def status_rank(relation: pl.Expr) -> pl.Expr:
    """Rank of an alignment relation as a coverage status (unknown -> related)."""
    return relation.replace_strict(
        STATUS_RANK, default=STATUS_RANK["related"], return_dtype=pl.Int8
    )


def rank_status(rank: pl.Expr) -> pl.Expr:
    """Coverage status named by its rank."""
    names = {i: s for s, i in STATUS_RANK.items()}
    return rank.replace_strict(names, return_dtype=pl.String)


def claim_facts(statements: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """One row per claim: outlets and articles carrying it, main speaker, text.

    Columns: ``claim_id``, ``claim_outlets`` (Int32), ``claim_articles`` (Int32),
    ``carried_by`` (sorted outlets), ``speaker`` (most frequent non-null speaker,
    ties broken alphabetically), ``representative``.
    """
    with_speaker = claims.select("claim_id", "statement_id", "article_id", "outlet").join(
        statements.select("statement_id", "speaker")
        if "speaker" in statements.columns
        else statements.select("statement_id", pl.lit(None, pl.String).alias("speaker")),
        on="statement_id",
        how="left",
    )
    speaker = (
        with_speaker.drop_nulls("speaker")
        .group_by("claim_id", "speaker")
        .len()
        .group_by("claim_id")
        .agg(
            pl.col("speaker")
            .sort_by(pl.col("len"), pl.col("speaker"), descending=[True, False])
            .first()
        )
    )
    rep = (
        [pl.col("representative").first()]
        if "representative" in claims.columns
        else [pl.lit(None, pl.String).alias("representative")]
    )
    facts = claims.group_by("claim_id").agg(
        pl.col("outlet").n_unique().cast(pl.Int32).alias("claim_outlets"),
        pl.col("article_id").n_unique().cast(pl.Int32).alias("claim_articles"),
        *rep,
    )
    # lists keep the frame's order within a group: sort once, not per group
    outlets = (
        claims.select("claim_id", "outlet")
        .unique()
        .sort("outlet", nulls_last=True)
        .group_by("claim_id")
        .agg(pl.col("outlet").alias("carried_by"))
    )
    return facts.join(outlets, on="claim_id", how="left").join(speaker, on="claim_id", how="left")


def carried(claims: pl.DataFrame, by: str = "outlet") -> pl.DataFrame:
    """Claim x ``by`` (outlet or article) rows of what was carried, with statement ids."""
    keys = ["claim_id", by] if by == "outlet" else ["claim_id", "article_id", "outlet"]
    return (
        claims.sort("statement_id")
        .group_by(keys)
        .agg(
            pl.len().cast(pl.Int32).alias("n_statements"),
            pl.col("article_id").n_unique().cast(pl.Int32).alias("n_articles"),
            pl.col("statement_id").alias("statement_ids"),
        )
    )
