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


def split_singletons(claims: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``(singletons, rest)``: claims of one statement, and the others.

    Most claims of a large corpus have one statement; they need no group-by.
    Uses ``claim_size`` when the frame has it.
    """
    size = pl.col("claim_size") if "claim_size" in claims.columns else pl.len().over("claim_id")
    flagged = claims.with_columns(_one=size == 1)
    return (
        flagged.filter(pl.col("_one")).drop("_one"),
        flagged.filter(~pl.col("_one")).drop("_one"),
    )


def claim_facts(statements: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """One row per claim: outlets and articles carrying it, main speaker, text.

    Columns: ``claim_id``, ``claim_outlets`` (Int32), ``claim_articles`` (Int32),
    ``carried_by`` (sorted outlets), ``speaker`` (most frequent non-null speaker,
    ties broken alphabetically), ``representative``.
    """
    speakers = (
        statements.select("statement_id", "speaker")
        if "speaker" in statements.columns
        else statements.select("statement_id", pl.lit(None, pl.String).alias("speaker"))
    )
    rep = (
        pl.col("representative")
        if "representative" in claims.columns
        else pl.lit(None, pl.String).alias("representative")
    )
    ones, rest = split_singletons(claims)
    single = ones.join(speakers, on="statement_id", how="left").select(
        "claim_id",
        claim_outlets=pl.lit(1, pl.Int32),
        claim_articles=pl.lit(1, pl.Int32),
        representative=rep,
        carried_by=pl.concat_list("outlet"),
        speaker="speaker",
    )
    speaker = (
        rest.select("claim_id", "statement_id")
        .join(speakers, on="statement_id", how="left")
        .drop_nulls("speaker")
        .group_by("claim_id", "speaker")
        .len()
        .group_by("claim_id")
        .agg(
            pl.col("speaker")
            .sort_by(pl.col("len"), pl.col("speaker"), descending=[True, False])
            .first()
        )
    )
    facts = rest.group_by("claim_id").agg(
        pl.col("outlet").n_unique().cast(pl.Int32).alias("claim_outlets"),
        pl.col("article_id").n_unique().cast(pl.Int32).alias("claim_articles"),
        rep.first(),
    )
    # lists keep the frame's order within a group: sort once, not per group
    outlets = (
        rest.select("claim_id", "outlet")
        .unique()
        .sort("outlet", nulls_last=True)
        .group_by("claim_id")
        .agg(pl.col("outlet").alias("carried_by"))
    )
    several = facts.join(outlets, on="claim_id", how="left").join(
        speaker, on="claim_id", how="left"
    )
    return pl.concat([single, several.select(single.columns)])


def unit_speakers(
    statements: pl.DataFrame, claims: pl.DataFrame, by: str = "outlet"
) -> pl.DataFrame:
    """The speaker of each claim as each outlet (or article) carried it.

    One row per claim x ``by`` with a speaker: the most frequent non-null
    speaker of that unit's statements of the claim (ties broken
    alphabetically), so a claim SANA gives to Lavrov and RT to its own
    correspondent shows each outlet's attribution, not the claim's majority.
    Columns ``claim_id``, ``by`` (``outlet`` or ``article_id``), ``speaker``.
    """
    key = "outlet" if by == "outlet" else "article_id"
    if "speaker" not in statements.columns:
        return pl.DataFrame(schema={"claim_id": pl.String, key: pl.String, "speaker": pl.String})
    return (
        claims.select("claim_id", key, "statement_id")
        .join(statements.select("statement_id", "speaker"), on="statement_id", how="inner")
        .drop_nulls("speaker")
        .group_by("claim_id", key, "speaker")
        .len()
        .sort("len", "speaker", descending=[True, False])
        .group_by("claim_id", key, maintain_order=True)
        .agg(pl.col("speaker").first())
    )


def carried(claims: pl.DataFrame, by: str = "outlet") -> pl.DataFrame:
    """Claim x ``by`` (outlet or article) rows of what was carried, with statement ids."""
    keys = ["claim_id", by] if by == "outlet" else ["claim_id", "article_id", "outlet"]
    ones, rest = split_singletons(claims)
    single = ones.select(
        *keys,
        n_statements=pl.lit(1, pl.Int32),
        n_articles=pl.lit(1, pl.Int32),
        statement_ids=pl.concat_list("statement_id"),
    )
    several = (
        rest.sort("statement_id")
        .group_by(keys)
        .agg(
            pl.len().cast(pl.Int32).alias("n_statements"),
            pl.col("article_id").n_unique().cast(pl.Int32).alias("n_articles"),
            pl.col("statement_id").alias("statement_ids"),
        )
    )
    return pl.concat([single, several.select(single.columns)])


def same_claim_pairs(
    alignments: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    stories: pl.DataFrame | None = None,
    relations: tuple[str, ...] | list[str] | None = SAME_CLAIM_RELATIONS,
    cross_outlet: bool = True,
    best_counterpart: bool = False,
) -> pl.DataFrame:
    """Aligned pairs of statements that carry the same claim (and story).

    With ``claims``, a pair counts when both statements were clustered into
    the same claim: the claims follow the alignment threshold, so this works
    at any threshold and ignores the relation bands. Without ``claims``, the
    pair's ``relation`` must be one of ``relations``. With ``stories``
    (``article_id``, ``story_id``), both articles must belong to one story.
    With ``best_counterpart``, a statement is compared with the best-scoring
    statement(s) of each other article only, both ways (:func:`best_counterparts`).

    Returns the alignment columns plus ``claim_id`` (null without claims).
    """
    check(alignments, ALIGNMENT_COLUMNS, name="alignments", stage="same_claim_pairs")
    pairs = alignments
    if cross_outlet:
        pairs = pairs.filter(pl.col("outlet_a").ne_missing(pl.col("outlet_b")))
    if claims is not None:
        check(claims, ("claim_id", "statement_id"), name="claims", stage="same_claim_pairs")
        ids = claims.select("statement_id", "claim_id").unique("statement_id")
        pairs = (
            pairs.join(ids.rename({"statement_id": "statement_id_a"}), on="statement_id_a")
            .join(
                ids.rename({"statement_id": "statement_id_b", "claim_id": "_claim_b"}),
                on="statement_id_b",
            )
            .filter(pl.col("claim_id") == pl.col("_claim_b"))
            .drop("_claim_b")
        )
    else:
        if relations is not None:
            pairs = pairs.filter(pl.col("relation").is_in(list(relations)))
        pairs = pairs.with_columns(claim_id=pl.lit(None, pl.String))
    if stories is not None:
        check(stories, ("article_id", "story_id"), name="stories", stage="same_claim_pairs")
        need = {"article_id_a", "article_id_b"}
        if not need <= set(pairs.columns):
            if claims is None or "article_id" not in claims.columns:
                raise schemas.SchemaError(
                    "same_claim_pairs: stories need article_id_a/article_id_b in the "
                    "alignments, or claims with article_id"
                )
            arts = claims.select("statement_id", "article_id").unique("statement_id")
            pairs = (
                pairs.drop(need & set(pairs.columns))
                .join(
                    arts.rename({"statement_id": "statement_id_a", "article_id": "article_id_a"}),
                    on="statement_id_a",
                )
                .join(
                    arts.rename({"statement_id": "statement_id_b", "article_id": "article_id_b"}),
                    on="statement_id_b",
                )
            )
        sid = stories.select("article_id", "story_id").unique("article_id")
        pairs = (
            pairs.join(sid.rename({"article_id": "article_id_a"}), on="article_id_a")
            .join(
                sid.rename({"article_id": "article_id_b", "story_id": "_story_b"}),
                on="article_id_b",
            )
            .filter(pl.col("story_id") == pl.col("_story_b"))
            .drop("_story_b", "story_id")
        )
    if best_counterpart:
        pairs = best_counterparts(pairs)
    return pairs


def best_counterparts(pairs: pl.DataFrame) -> pl.DataFrame:
    """Drop crossed pairs: both sides have a better-scoring counterpart in the other's article.

    Two items of one list that differ by a word («عدم السماح لها بتسجيل لاعبين أجانب» /
    «... لاعبين محليين», okaz and aljazirah, SaudiNewsNet 2015-08-03) align with each other
    across outlets too (86), besides with their own copies (100): compared with the other
    item, the list's two words read as one outlet's word choice. A pair is kept when it is
    the best (ties kept) of at least one side's pairs with the other's article: a statement
    whose article's headline scores higher with the other side is still compared with it
    (sabq's «من مسلحي تنظيم الدولة الإسلامية ... للجهاديين» / aawsat's «للمتطرفين», whose
    best counterpart in sabq's article is the headline). Needs
    ``article_id_a``/``article_id_b`` and ``score``; without them the pairs are returned as
    they are.

    >>> pairs = pl.DataFrame({"statement_id_a": ["a1", "a1", "a2", "a2"],
    ...     "statement_id_b": ["b1", "b2", "b1", "b2"], "article_id_a": ["A"] * 4,
    ...     "article_id_b": ["B"] * 4, "score": [100.0, 86.2, 86.2, 100.0]})
    >>> best_counterparts(pairs)[["statement_id_a", "statement_id_b"]].rows()
    [('a1', 'b1'), ('a2', 'b2')]
    """
    if not {"article_id_a", "article_id_b", "score"} <= set(pairs.columns):
        return pairs
    # each statement's best score with each other article, whichever side it is stored on
    best = (
        pl.concat(
            [
                pairs.select(_s="statement_id_a", _art="article_id_b", _best="score"),
                pairs.select(_s="statement_id_b", _art="article_id_a", _best="score"),
            ]
        )
        .group_by("_s", "_art")
        .agg(pl.col("_best").max())
    )
    return (
        pairs.join(
            best.rename({"_s": "statement_id_a", "_art": "article_id_b", "_best": "_best_a"}),
            on=["statement_id_a", "article_id_b"],
            how="left",
        )
        .join(
            best.rename({"_s": "statement_id_b", "_art": "article_id_a", "_best": "_best_b"}),
            on=["statement_id_b", "article_id_a"],
            how="left",
        )
        .filter((pl.col("score") >= pl.col("_best_a")) | (pl.col("score") >= pl.col("_best_b")))
        .drop("_best_a", "_best_b")
    )


def with_examples(pairs: pl.DataFrame, texts: pl.DataFrame) -> pl.DataFrame:
    """Add ``first_a``/``first_b`` (the first of each side's ``statement_id_a``/``_b`` lists)
    and their texts as ``example_a``/``example_b`` from ``texts`` (``statement_id``, ``text``)."""
    return (
        pairs.with_columns(
            first_a=pl.col("statement_id_a").list.first(),
            first_b=pl.col("statement_id_b").list.first(),
        )
        .join(
            texts.rename({"statement_id": "first_a", "text": "example_a"}), on="first_a", how="left"
        )
        .join(
            texts.rename({"statement_id": "first_b", "text": "example_b"}), on="first_b", how="left"
        )
    )
