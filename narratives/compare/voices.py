"""Voices: whose words each outlet carries, per story and overall.

One row per outlet, speaker and story (and one row per outlet and speaker over
all stories, ``story_id`` null): how many statements the outlet gives the
speaker, how many of them quote the speaker directly, and the reporting verbs
it uses for them, so that "SANA quotes Lavrov 40 times and Kerry once, with
زعم" is one filter:

>>> # voices(st).filter(pl.col("outlet") == "sana", pl.col("story_id").is_null())

Verbs are counted once per reporting act: a statement whose verb is carried
over from the previous one (``cue_carried``, a quotation running on) adds to
the speaker's statements, not to the verb's count.

A speaker known only by a first name (``وقال محمد``: a vox pop, or a name the
article never completes) is no one across articles: its rows are kept per
article, the speaker shown as ``محمد (article id)``, so that every محمد of an
outlet is not pooled into one voice.
"""

from __future__ import annotations

import polars as pl

from narratives import schemas
from narratives.compare._common import check
from narratives.statements._speakers import sw_given

_CUE = pl.Struct({"cue": pl.String, "cue_class": pl.String, "n": pl.Int64})


def voices(
    statements: pl.DataFrame,
    stories: pl.DataFrame | None = None,
    *,
    headlines: bool = True,
) -> pl.DataFrame:
    """Speakers each outlet quotes, with direct-quote share and reporting verbs.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``, ``outlet``,
        ``speaker``; ``speaker_mention``, ``speaker_title``, ``cue``,
        ``cue_class``, ``cue_carried``, ``quote``, ``is_headline`` when present).
        Statements without a speaker are not counted.
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``), e.g. from
        :func:`narratives.group_stories`: adds one row per story. Without it
        only the overall rows (``story_id`` null) are returned.
    headlines
        Count headline statements (``لافروف: ...``) as the speaker's words.

    Returns
    -------
    pl.DataFrame
        ``schemas.VOICES``, most quoted first within each outlet and story;
        overall rows (``story_id`` null) first.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "a:2", "a:3", "a:4"],
    ...     "article_id": ["a"] * 4, "outlet": ["sana"] * 4,
    ...     "speaker": ["lavrov", "lavrov", "lavrov", "kerry"],
    ...     "cue": ["أكد", "أكد", "قال", "زعم"],
    ...     "cue_class": ["assertive", "assertive", "neutral", "distancing"],
    ...     "cue_carried": [False, True, False, False],
    ...     "quote": ["direct", "direct", "indirect", "indirect"]})
    >>> v = voices(st)
    >>> v.select("speaker", "n_statements", "direct_share").rows()
    [('lavrov', 3, 0.6666666666666666), ('kerry', 1, 0.0)]
    >>> v.filter(pl.col("speaker") == "kerry")["cues"].to_list()
    [[{'cue': 'زعم', 'cue_class': 'distancing', 'n': 1}]]
    """
    check(
        statements,
        ("statement_id", "article_id", "outlet", "speaker"),
        name="statements",
        stage="voices",
    )
    frame = statements.filter(pl.col("speaker").is_not_null())
    if not headlines and "is_headline" in frame.columns:
        frame = frame.filter(~pl.col("is_headline").fill_null(False))
    defaults = {
        "speaker_mention": pl.String,
        "speaker_title": pl.String,
        "cue": pl.String,
        "cue_class": pl.String,
        "cue_carried": pl.Boolean,
        "quote": pl.String,
    }
    frame = frame.with_columns(
        pl.lit(None, dtype).alias(c) for c, dtype in defaults.items() if c not in frame.columns
    ).with_columns(story_id=pl.lit(None, pl.String), speaker=_article_scoped(pl.col("speaker")))
    if stories is not None:
        schemas.require(stories, ("article_id", "story_id"), name="stories", stage="voices")
        per_story = frame.drop("story_id").join(
            stories.select("article_id", "story_id").unique("article_id"), on="article_id"
        )
        frame = pl.concat([frame, per_story.select(frame.columns)])
    keys = ["outlet", "story_id", "speaker"]
    own_cue = pl.col("cue").is_not_null() & ~pl.col("cue_carried").fill_null(False)
    cues = (
        frame.filter(own_cue)
        .group_by(*keys, "cue", "cue_class")
        .agg(pl.len().cast(pl.Int64).alias("n"))
        .sort(["n", "cue"], descending=[True, False])
        .group_by(keys, maintain_order=True)
        .agg(pl.struct("cue", "cue_class", "n").alias("cues"))
    )
    out = (
        frame.sort("statement_id")
        .group_by(keys)
        .agg(
            pl.len().cast(pl.Int64).alias("n_statements"),
            pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
            pl.col("quote").is_in(["direct", "mixed"]).sum().cast(pl.Int64).alias("n_direct"),
            own_cue.sum().cast(pl.Int64).alias("n_acts"),
            pl.col("speaker_mention").drop_nulls().mode().sort().first().alias("mention"),
            pl.col("speaker_title").drop_nulls().mode().sort().first().alias("title"),
            pl.col("statement_id").alias("statement_ids"),
        )
        .join(cues, on=keys, how="left", nulls_equal=True)
        .with_columns(
            direct_share=pl.col("n_direct") / pl.col("n_statements"),
            share=pl.col("n_statements") / pl.col("n_statements").sum().over("outlet", "story_id"),
            cues=pl.col("cues").fill_null(pl.lit([], pl.List(_CUE))),
        )
        .sort(
            ["outlet", "story_id", "n_statements", "speaker"],
            descending=[False, False, True, False],
            nulls_last=False,
        )
    )
    return schemas.conform(out, schemas.VOICES).select(schemas.VOICES.names())


def _article_scoped(speaker: pl.Expr) -> pl.Expr:
    """A lone first name (no gazetteer id, one listed given name) qualified by its article."""
    lone = speaker.is_in(sorted(sw_given())) & ~speaker.str.contains(" ")
    return (
        pl.when(lone)
        .then(pl.format("{} ({})", speaker, pl.col("article_id")))
        .otherwise(speaker)
        .alias("speaker")
    )
