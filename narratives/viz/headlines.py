"""Headlines per story: each outlet's headline side by side with its lede claim."""

from __future__ import annotations

import altair as alt
import polars as pl

from narratives.schemas import require
from narratives.viz._text import clean, clean_columns, shorten
from narratives.viz._theme import configure as _configure
from narratives.viz.framing import _rtl_column


def headlines(
    headlines: pl.DataFrame,
    *,
    stories: list[str] | None = None,
    top: int = 6,
    max_chars: int = 90,
    configure: bool = True,
) -> alt.FacetChart:
    """One block per story: each outlet's headline, the claim its lede leads with, its own words.

    Parameters
    ----------
    headlines
        The ``headlines`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.HEADLINES`).
    stories
        Story ids to show (default: the ``top`` stories with most outlets).
    top
        Stories shown when ``stories`` is not given.
    max_chars
        Longer headlines and claims are cut between words.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> h = pl.DataFrame({"story_id": ["s1", "s1"], "outlet": ["sana", "rt"],
    ...     "article_id": ["a", "b"], "headline": ["لافروف: الإرهابيون", "لافروف: المسلحون"],
    ...     "lede": ["قال لافروف", "قال لافروف"], "lede_shared": [True, True],
    ...     "own_words": [["الإرهابيون"], ["المسلحون"]], "n_outlets": [2, 2]})
    >>> "facet" in viz.headlines(h).to_dict()
    True
    """
    require(
        headlines,
        ["story_id", "outlet", "article_id", "headline", "lede", "own_words"],
        name="headlines",
        stage="viz.headlines",
    )
    frame = clean_columns(headlines, ["outlet", "story_id", "article_id"])
    if stories is None:
        ranked = (
            frame.group_by("story_id")
            .agg(pl.col("outlet").n_unique().alias("_n"))
            .sort(["_n", "story_id"], descending=[True, False])
            .head(top)
        )
        stories = ranked["story_id"].to_list()
    frame = frame.filter(pl.col("story_id").is_in(stories)).sort("story_id", "outlet")
    shared = (
        frame["lede_shared"].to_list() if "lede_shared" in frame.columns else [None] * frame.height
    )
    lede_note = [
        shorten(text, max_chars) + ("" if s is None else (" ●" if s else " ○"))
        for text, s in zip(frame["lede"].to_list(), shared, strict=True)
    ]
    rows = frame.with_columns(
        _rtl_column(frame, "headline", "headline", max_chars),
        pl.Series("lede (● shared in the story)", [clean(x) for x in lede_note], dtype=pl.String),
        pl.col("own_words").list.join("، ").fill_null("").alias("own words"),
        pl.col("outlet").alias("row"),
    ).select(
        "story_id", "row", "article_id", "headline", "lede (● shared in the story)", "own words"
    )
    columns = ["headline", "lede (● shared in the story)", "own words"]
    long = rows.unpivot(
        index=["story_id", "row", "article_id"],
        on=columns,
        variable_name="column",
        value_name="value",
    ).with_columns(pl.col("value").fill_null(""))
    chart = (
        alt.Chart(long)
        .mark_text(align="right", baseline="middle", dx=170)
        .encode(
            x=alt.X(
                "column:N",
                sort=list(reversed(columns)),
                title=None,
                axis=alt.Axis(
                    orient="top", labelAngle=0, domain=False, ticks=False, labelFontWeight="bold"
                ),
            ),
            y=alt.Y("row:N", title=None),
            text="value:N",
            tooltip=[
                alt.Tooltip("row:N", title="outlet"),
                alt.Tooltip("article_id:N", title="article"),
                alt.Tooltip("value:N", title="text"),
            ],
        )
        .properties(width=alt.Step(360), height=alt.Step(22))
        .facet(
            row=alt.Row(
                "story_id:N",
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            )
        )
        .resolve_scale(y="independent")
        .properties(title="Headlines per story")
    )
    return _configure(chart) if configure else chart
