"""Reporting verbs: which verb each outlet uses to report each speaker."""

from __future__ import annotations

import polars as pl

from narratives import schemas
from narratives.compare._common import check
from narratives.compare.voices import with_refusals


def reporting_verbs(statements: pl.DataFrame, *, with_speaker: bool = False) -> pl.DataFrame:
    """Counts of reporting verbs (``cue``) per outlet and speaker, with the statements.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``outlet``, ``speaker``, ``cue``,
        ``cue_class``, ``statement_id``); statements without a cue are not
        counted, nor those whose cue is carried over from an earlier statement
        of the same reporting act (``cue_carried``): one verb per act. With
        ``text``, a rejection verb that refuses an act rather than words
        («رفض ذلك», «رفضت المحكمة الدعوى») is class ``refusal``, not ``denial``
        (:func:`narratives.compare.voices.is_refusal`).
    with_speaker
        Keep only statements with an identified speaker.

    Returns
    -------
    pl.DataFrame
        ``schemas.REPORTING_VERBS``, most frequent first within each outlet
        and speaker; ``share`` is the share of that speaker's cued
        statements in that outlet.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "a:2", "a:3"], "outlet": ["sana"] * 3,
    ...     "speaker": ["kerry", "lavrov", "lavrov"], "cue": ["زعم", "أكد", "أكد"],
    ...     "cue_class": ["distancing", "assertive", "assertive"]})
    >>> reporting_verbs(st)[["speaker", "cue", "n", "share"]].rows()
    [('kerry', 'زعم', 1, 1.0), ('lavrov', 'أكد', 2, 1.0)]
    """
    check(
        statements,
        ("statement_id", "outlet", "speaker", "cue"),
        name="statements",
        stage="reporting_verbs",
    )
    frame = statements
    if "cue_class" not in frame.columns:
        frame = frame.with_columns(cue_class=pl.lit(None, pl.String))
    frame = frame.filter(pl.col("cue").is_not_null())
    if "cue_carried" in frame.columns:  # one verb per reporting act, not per statement
        frame = frame.filter(~pl.col("cue_carried").fill_null(False))
    frame = with_refusals(frame)
    if with_speaker:
        frame = frame.filter(pl.col("speaker").is_not_null())
    out = (
        frame.group_by("outlet", "speaker", "cue", "cue_class")
        .agg(
            pl.len().cast(pl.Int64).alias("n"), pl.col("statement_id").sort().alias("statement_ids")
        )
        .with_columns(share=pl.col("n") / pl.col("n").sum().over("outlet", "speaker"))
        .sort(
            ["outlet", "speaker", "n", "cue"],
            descending=[False, False, True, False],
            nulls_last=True,
        )
    )
    return schemas.conform(out, schemas.REPORTING_VERBS).select(schemas.REPORTING_VERBS.names())
