"""Coverage: which outlet (or article) carried which claim, and how closely.

A claim's status in an outlet is the best alignment relation between that
outlet's statements of the claim and the other outlets' statements of it
(``verbatim`` > ``near_verbatim`` > ``paraphrase`` > ``related``); ``sole``
when no other outlet carries the claim; ``absent`` when the outlet does not
carry it. The same holds per article with "article" for "outlet".

With ``stories`` (``schemas.STORIES``), a claim an outlet did not carry is
``absent`` only when the outlet covered a story the claim appears in;
``not_covered`` when it covered none of them (it had nothing to leave out).
With the story rule's ``omissions`` as well, an outlet those rows name among
the carriers although it has no statement of the claim (its closest statement
there scored the carried score, held the claim's words or gave its figure) is
``related``: it carried the claim in other words. So is an outlet that
covered the claim's story, when the claim is carried by two or more outlets
(or has omission rows) and the omission table does not name the outlet as
leaving it out: the story rule judged it carried in other words. ``absent``
then agrees with the omission rows (a claim of a few words, such as a web
address, is nobody's omission and shows as ``related`` too). An outlet whose
row names only a part of the claim left out (``omitted_part``) carried the
rest: ``related``.

A ``related`` cell without a statement of the outlet cites one of the outlet's
statements, which the reader checks (``closest_statement_id``): with the
rule's ``other_words`` side table, where the rule judged the outlet to carry
the claim in other words, the statement it found closest, with its score and
reason (``closest_score``, ``closest_why``); otherwise the outlet's statement
in the claim's stories nearest the claim's words (:func:`closest_statements`,
no score).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import polars as pl

from narratives import schemas
from narratives.compare._common import (
    ALIGNMENT_COLUMNS,
    CLAIM_COLUMNS,
    STATUS_RANK,
    carried,
    check,
    claim_facts,
    rank_status,
    status_rank,
    unit_speakers,
)


def _best_links(claims: pl.DataFrame, alignments: pl.DataFrame, unit: str) -> pl.DataFrame:
    """Best relation rank and score per (claim, unit) over within-claim alignments."""
    claim_of = claims.select("statement_id", "claim_id", "article_id", "outlet")
    pairs = (
        alignments.select(ALIGNMENT_COLUMNS)
        .join(
            claim_of.rename(
                {"statement_id": "statement_id_a", "claim_id": "claim_a", "article_id": "art_a"}
            ).drop("outlet"),
            on="statement_id_a",
        )
        .join(
            claim_of.rename(
                {"statement_id": "statement_id_b", "claim_id": "claim_b", "article_id": "art_b"}
            ).drop("outlet"),
            on="statement_id_b",
        )
        .filter(pl.col("claim_a") == pl.col("claim_b"))
    )
    left, right = ("outlet_a", "outlet_b") if unit == "outlet" else ("art_a", "art_b")
    pairs = pairs.filter(pl.col(left).ne_missing(pl.col(right))).with_columns(
        rank=status_rank(pl.col("relation"))
    )
    key = "outlet" if unit == "outlet" else "article_id"
    both = pl.concat(
        [
            pairs.select(
                pl.col("claim_a").alias("claim_id"), pl.col(side).alias(key), "rank", "score"
            )
            for side in (left, right)
        ]
    )
    return both.group_by("claim_id", key).agg(
        pl.col("rank").min().alias("link_rank"), pl.col("score").max().alias("best_score")
    )


def _story_status(
    rows: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    omissions: pl.DataFrame | None,
) -> pl.DataFrame:
    """``absent`` rows split by whether the outlet covered one of the claim's stories."""
    check(stories, ("article_id", "story_id", "outlet"), name="stories", stage="coverage")
    claim_stories = (
        claims.select("claim_id", "article_id")
        .join(stories.select("article_id", "story_id"), on="article_id")
        .select("claim_id", "story_id")
        .unique()
    )
    covered = (
        claim_stories.join(stories.select("story_id", "outlet").unique(), on="story_id")
        .select("claim_id", "outlet")
        .unique()
        .with_columns(_covered=pl.lit(True))
    )
    absent = pl.col("status_rank") == STATUS_RANK["absent"]
    rows = rows.join(covered, on=["claim_id", "outlet"], how="left", maintain_order="left")
    rank = (
        pl.when(absent & pl.col("_covered").is_null())
        .then(pl.lit(STATUS_RANK["not_covered"], pl.Int8))
        .otherwise(pl.col("status_rank"))
    )
    if omissions is not None and "omitted_part" in omissions.columns:
        # a row of a part left out: the outlet carried the rest of the claim (related)
        omissions = omissions.filter(pl.col("omitted_part").is_null())
    if omissions is not None and "story_id" in omissions.columns:
        # the omission rule looked at every outlet covering a story of a claim two
        # outlets carry: one it did not list as omitting found the claim there in
        # other words (its closest statement scored the carried score, held the
        # claim's words or gave its figure)
        named = omissions.select("claim_id", "outlet").unique().with_columns(_omitted=pl.lit(True))
        judged = omissions.select("claim_id").unique().with_columns(_judged=pl.lit(True))
        rows = rows.join(named, on=["claim_id", "outlet"], how="left", maintain_order="left")
        rows = rows.join(judged, on="claim_id", how="left", maintain_order="left")
        rank = (
            pl.when(
                absent
                & pl.col("_covered").is_not_null()
                & pl.col("_omitted").is_null()
                & ((pl.col("claim_outlets") >= 2) | pl.col("_judged").is_not_null())
            )
            .then(pl.lit(STATUS_RANK["related"], pl.Int8))
            .otherwise(rank)
        )
    if omissions is not None and "story_id" in omissions.columns and omissions.height:
        # outlets the omission rule found carrying the claim in other words
        loose = (
            omissions.filter(pl.col("story_id").is_not_null())
            .select("claim_id", "carried_by")
            .explode("carried_by")
            .select("claim_id", outlet="carried_by")
            .unique()
            .with_columns(_loose=pl.lit(True))
        )
        rows = rows.join(loose, on=["claim_id", "outlet"], how="left", maintain_order="left")
        rank = (
            pl.when(absent & pl.col("_loose").is_not_null())
            .then(pl.lit(STATUS_RANK["related"], pl.Int8))
            .otherwise(rank)
        )
    return rows.with_columns(status_rank=rank.cast(pl.Int8)).drop(
        "_covered", "_omitted", "_judged", strict=False
    )


def _cite_closest(rows: pl.DataFrame, other_words: pl.DataFrame) -> pl.DataFrame:
    """``closest_*`` of the ``related`` rows without a statement: the outlet's closest
    statement where the omission rule judged it carried in other words (the best
    scored over the claim's stories)."""
    check(
        other_words,
        ("claim_id", "outlet", "closest_statement_id", "closest_score", "why"),
        name="other_words",
        stage="coverage",
    )
    best = (
        other_words.drop_nulls("closest_statement_id")
        .sort("closest_score", "closest_statement_id", descending=[True, False], nulls_last=True)
        .unique(["claim_id", "outlet"], keep="first")
        .select("claim_id", "outlet", "closest_statement_id", "closest_score",
                closest_why="why")
    )  # fmt: skip
    cell = (pl.col("status_rank") == STATUS_RANK["related"]) & (pl.col("n_statements") == 0)
    rows = rows.join(best, on=["claim_id", "outlet"], how="left", maintain_order="left")
    return rows.with_columns(
        pl.when(cell).then(pl.col(c)).otherwise(None).alias(c)
        for c in ("closest_statement_id", "closest_score", "closest_why")
    )


#: ``closest_why`` of a cell cited by :func:`closest_statements` (the rule did not judge it)
NEAREST_WHY = "the outlet's sentence holding most of the claim's words; not judged carried"


def closest_statements(
    rows: pl.DataFrame,
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
) -> pl.DataFrame:
    """``rows`` (``schemas.COVERAGE``) with ``closest_statement_id`` for ``related`` cells
    without a statement of the outlet.

    Such a cell says the outlet covered one of the claim's stories and the omission
    rule did not list it as leaving the claim out; no statement of it was aligned
    with the claim, so the cell cites the outlet's statement in the claim's stories
    that holds the largest share of the claim's statements' content words (IDF-weighted
    over the statements read, words of one synonym group one word, as the omission
    rule's containment; the mean over the claim's statements): the words a reader
    checks. Null for the other
    cells, and when no statement of the outlet shares a word with the claim. A cell
    already citing the omission rule's closest statement (:func:`_cite_closest`)
    keeps it; one cited here gets ``closest_why`` saying how it was found (no score).
    """
    from narratives.align._text import content_tokens
    from narratives.compare._certainty import _idf, _stems

    out = rows.with_columns(
        pl.lit(None, dtype).alias(c)
        for c, dtype in (
            ("closest_statement_id", pl.String),
            ("closest_score", pl.Float64),
            ("closest_why", pl.String),
        )
        if c not in rows.columns
    )
    need = {"statement_id", "article_id", "text"}
    if not need <= set(statements.columns) or "n_statements" not in rows.columns:
        return out
    cells = (
        out.with_row_index("_r")
        .filter(
            (pl.col("status_rank") == STATUS_RANK["related"])
            & (pl.col("n_statements") == 0)
            & pl.col("closest_statement_id").is_null()
        )
        .select("_r", "claim_id", "outlet")
    )
    if cells.is_empty():
        return out
    story_of = stories.select("article_id", "story_id", "outlet").unique("article_id")
    claim_stories = (
        claims.select("claim_id", "article_id")
        .join(cells.select("claim_id").unique(), on="claim_id", how="semi")
        .join(story_of.select("article_id", "story_id"), on="article_id")
        .select("claim_id", "story_id")
        .unique()
    )
    texts = statements.select("statement_id", "article_id", "text")
    # the outlet's statements in the claim's stories, and the claim's statements
    cand = (
        cells.join(claim_stories, on="claim_id")
        .join(story_of, on=["story_id", "outlet"])
        .join(texts.select("statement_id", "article_id"), on="article_id")
        .select("_r", "claim_id", "statement_id")
        .unique()
        .sort("_r", "statement_id")
    )
    mine = claims.select("claim_id", "statement_id").join(
        cand.select("claim_id").unique(), on="claim_id", how="semi"
    )
    ids = pl.concat([cand["statement_id"], mine["statement_id"]]).unique().sort()
    read = texts.join(ids.to_frame(), on="statement_id", how="semi").sort("statement_id")
    if read.is_empty():
        return out
    row_of = {sid: k for k, sid in enumerate(read["statement_id"].to_list())}
    stems = _stems(content_tokens(read["text"].fill_null("").to_list()))
    idf = _idf(stems)
    claim_words = {
        cid: [stems[row_of[s]] for s in sids if s in row_of]
        for cid, sids in mine.group_by("claim_id").agg("statement_id").iter_rows()
    }
    best: dict[int, tuple[float, str]] = {}
    for r, cid, sid in cand.iter_rows():
        have = stems[row_of[sid]] if sid in row_of else set()
        # the mean over the claim's statements: a sentence sharing one outlet's wording
        # of a side detail («الفريق الأول لكرة القدم») does not beat the one of the fact
        shares = [
            sum(idf[w] for w in words if w in have) / total
            for words in claim_words.get(cid, [])
            if (total := sum(idf[w] for w in words))
        ]
        share = sum(shares) / len(shares) if shares else 0.0
        if share > 0 and (r not in best or share > best[r][0]):
            best[r] = (share, sid)
    if not best:
        return out
    found = pl.DataFrame(
        {"_r": list(best), "_c": [v[1] for v in best.values()]},
        schema={"_r": pl.UInt32, "_c": pl.String},
    )
    return (
        out.with_row_index("_r")
        .join(found, on="_r", how="left", maintain_order="left")
        .with_columns(
            closest_statement_id=pl.coalesce("closest_statement_id", "_c"),
            closest_why=pl.when(pl.col("_c").is_not_null())
            .then(pl.lit(NEAREST_WHY))
            .otherwise(pl.col("closest_why")),
        )
        .drop("_r", "_c")
    )


def coverage(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    by: Literal["outlet", "article"] = "outlet",
    absent: bool = True,
    absent_min_outlets: int = 1,
    outlets: Sequence[str] | None = None,
    stories: pl.DataFrame | None = None,
    omissions: pl.DataFrame | None = None,
    other_words: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Claim x outlet (or claim x article) coverage matrix.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``speaker`` are used).
    alignments
        ``schemas.ALIGNMENTS``.
    claims
        ``schemas.CLAIMS``: every statement in exactly one claim.
    by
        ``"outlet"`` (returns ``schemas.COVERAGE``) or ``"article"``
        (returns ``schemas.ARTICLE_COVERAGE``).
    absent
        Add a row with status ``absent`` for every claim an outlet (article)
        did not carry. Per article this grows as claims x articles.
    absent_min_outlets
        Add ``absent`` rows only for claims carried by at least this many
        outlets (2 leaves out the claims one outlet alone carried, which are
        most claims of a large corpus; they keep their ``sole`` row).
    outlets
        The outlets of the matrix (default: every outlet in ``statements``
        and ``claims``); ignored when ``by="article"``.
    stories
        ``schemas.STORIES``: splits ``absent`` (``by="outlet"``) into
        ``absent`` and ``not_covered`` (see the module docs).
    omissions
        The story rule's ``schemas.OMISSIONS`` (with ``story_id``): an
        outlet named in their ``carried_by`` without a statement of the
        claim becomes ``related``.
    other_words
        The rule's ``schemas.OTHER_WORDS`` (``omissions(..., other_words=True)``):
        a ``related`` cell without a statement of the outlet cites the outlet's
        closest statement there (``closest_statement_id``, ``closest_score``,
        ``closest_why``).

    Examples
    --------
    >>> claims = pl.DataFrame({"claim_id": ["c1", "c1", "c2"],
    ...     "statement_id": ["a:1", "b:1", "a:2"], "article_id": ["a", "b", "a"],
    ...     "outlet": ["sana", "rt", "sana"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["sana"], "outlet_b": ["rt"], "score": [97.0],
    ...     "relation": ["near_verbatim"]})
    >>> st = claims.select("statement_id", "article_id", "outlet")
    >>> coverage(st, al, claims).sort("claim_id", "outlet").select("claim_id", "outlet", "status")
    shape: (4, 3)
    ┌──────────┬────────┬───────────────┐
    │ claim_id ┆ outlet ┆ status        │
    │ ---      ┆ ---    ┆ ---           │
    │ str      ┆ str    ┆ str           │
    ╞══════════╪════════╪═══════════════╡
    │ c1       ┆ rt     ┆ near_verbatim │
    │ c1       ┆ sana   ┆ near_verbatim │
    │ c2       ┆ rt     ┆ absent        │
    │ c2       ┆ sana   ┆ sole          │
    └──────────┴────────┴───────────────┘
    """
    check(statements, ("statement_id",), name="statements", stage="coverage")
    check(alignments, ALIGNMENT_COLUMNS, name="alignments", stage="coverage")
    check(claims, CLAIM_COLUMNS, name="claims", stage="coverage")
    if by not in ("outlet", "article"):
        raise ValueError(f"coverage: by must be 'outlet' or 'article', not {by!r}")
    facts = claim_facts(statements, claims).rename({"speaker": "claim_speaker"})
    links = _best_links(claims, alignments, by)
    key = "outlet" if by == "outlet" else "article_id"
    sole_if = "claim_outlets" if by == "outlet" else "claim_articles"
    rows = (
        carried(claims, by)
        .join(facts, on="claim_id", how="left")
        .join(links, on=["claim_id", key], how="left", nulls_equal=True)
        .join(unit_speakers(statements, claims, by), on=["claim_id", key], how="left")
        .with_columns(
            status_rank=pl.when(pl.col(sole_if) == 1)
            .then(pl.lit(STATUS_RANK["sole"], pl.Int8))
            .otherwise(pl.col("link_rank").fill_null(STATUS_RANK["related"]))
            .cast(pl.Int8)
        )
    )
    if not absent:
        rows = rows.sort("claim_id", key, nulls_last=True)
    else:
        if by == "outlet":
            units = (
                pl.DataFrame({"outlet": list(outlets)}, schema={"outlet": pl.String})
                if outlets is not None
                else pl.concat(
                    [statements.select(pl.col("outlet").cast(pl.String)), claims.select("outlet")]
                    if "outlet" in statements.columns
                    else [claims.select("outlet")]
                )
            ).unique()
        else:
            units = claims.select("article_id", "outlet").unique()
        # the full grid in claim-major order; what was carried is joined onto it,
        # so the result comes out sorted without sorting claims x units rows
        grid = (
            facts.filter(pl.col("claim_outlets") >= absent_min_outlets)
            .sort("claim_id")
            .join(units.sort(key, nulls_last=True), how="cross")
        )
        info = rows.drop(*(c for c in facts.columns if c != "claim_id"))
        if by == "article":
            info = info.drop("outlet")
        extra = info.join(grid, on=["claim_id", key], how="anti", nulls_equal=True)
        rows = grid.join(
            info, on=["claim_id", key], how="left", nulls_equal=True, maintain_order="left"
        ).with_columns(
            pl.col("status_rank").fill_null(STATUS_RANK["absent"]),
            pl.col("n_statements").fill_null(0),
            pl.col("statement_ids").fill_null(pl.lit([], pl.List(pl.String))),
            *([pl.col("n_articles").fill_null(0)] if "n_articles" in info.columns else []),
        )
        if extra.height:  # claims below absent_min_outlets, carriers left out of ``outlets``
            rows = pl.concat(
                [rows, extra.join(facts, on="claim_id", how="left")], how="diagonal_relaxed"
            ).sort("claim_id", key, nulls_last=True)
    if stories is not None and by == "outlet":
        rows = _story_status(rows, claims, stories, omissions)
        if other_words is not None and "n_statements" in rows.columns:
            # the omission rule's own closest statement, with its score, where it judged
            rows = _cite_closest(rows, other_words)
        rows = closest_statements(rows, statements, claims, stories)
    rows = rows.with_columns(status=rank_status(pl.col("status_rank")))
    schema = schemas.COVERAGE if by == "outlet" else schemas.ARTICLE_COVERAGE
    return schemas.conform(rows.select(c for c in schema if c in rows.columns), schema)
