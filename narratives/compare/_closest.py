"""For each statement, the closest statement of every other outlet in its story.

An omission is only credible when the outlet said nothing like the claim in
the story it covered. The alignment table keeps the pairs above its
threshold only, so the near misses are scored here: every pair of
statements of one story from two outlets is scored with
:func:`narratives.align` (same components and combined score, nothing
thresholded), and each statement keeps, per other outlet, the best one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

CLOSEST = {
    "statement_id": pl.String,  # a statement of the claim
    "story_id": pl.String,
    "other": pl.String,  # another outlet covering the story
    "closest_statement_id": pl.String,  # that outlet's statement closest to it
    "closest_score": pl.Float64,
    "closest_relation": pl.String,
}


def closest_in_stories(
    statements: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    max_pairs: int = 5_000_000,
    align_options: dict[str, Any] | None = None,
) -> pl.DataFrame:
    """Per statement and other outlet of its story, that outlet's closest statement.

    Stories of one outlet need nothing. ``max_pairs`` bounds the work: beyond
    it, the largest stories are left out (their rows get no closest
    statement, which the omission table shows as unknown).
    """
    from narratives.align import align

    st = statements.join(stories.select("article_id", "story_id"), on="article_id", how="inner")
    multi = st.group_by("story_id").agg(pl.col("outlet").n_unique().alias("k"), pl.len().alias("m"))
    multi = multi.filter(pl.col("k") >= 2)
    if multi.height == 0:
        return pl.DataFrame(schema=CLOSEST)
    # pairs per story ~ m^2 / 2: keep the smaller stories first within the budget
    multi = multi.with_columns(cost=(pl.col("m") * (pl.col("m") - 1) // 2)).sort("cost")
    multi = multi.filter(pl.col("cost").cum_sum() <= max_pairs)
    st = st.join(multi.select("story_id"), on="story_id", how="semi").sort(
        "story_id", "statement_id"
    )
    if st.height < 2:
        return pl.DataFrame(schema=CLOSEST)
    idx = st.select("story_id", "outlet").with_row_index("row")
    pairs = (
        idx.join(idx, on="story_id", suffix="_b")
        .filter((pl.col("row") < pl.col("row_b")) & pl.col("outlet").ne_missing(pl.col("outlet_b")))
        .select("row", "row_b")
    )
    if pairs.height == 0:
        return pl.DataFrame(schema=CLOSEST)
    pi = pairs["row"].to_numpy().astype(np.int64)
    pj = pairs["row_b"].to_numpy().astype(np.int64)

    def story_pairs(features: Any, **_: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return pi, pj, np.ones(len(pi))

    options = {**(align_options or {}), "threshold": 0.0, "link_threshold": None}
    scored = align(st.drop("story_id"), blocking=story_pairs, **options)
    out = scored.select(
        "statement_id_a", "statement_id_b", "outlet_a", "outlet_b", "score", "relation"
    )
    both = pl.concat(
        [
            out.select(
                statement_id="statement_id_a",
                other="outlet_b",
                closest_statement_id="statement_id_b",
                closest_score="score",
                closest_relation="relation",
            ),
            out.select(
                statement_id="statement_id_b",
                other="outlet_a",
                closest_statement_id="statement_id_a",
                closest_score="score",
                closest_relation="relation",
            ),
        ]
    )
    best = (
        both.sort("closest_score", "closest_statement_id", descending=[True, False])
        .group_by("statement_id", "other", maintain_order=True)
        .first()
        .join(st.select("statement_id", "story_id"), on="statement_id", how="left")
    )
    return best.select(list(CLOSEST)).cast(CLOSEST)  # type: ignore[arg-type]
