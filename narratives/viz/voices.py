"""Whose words each outlet carries: speakers by outlet, with quotes and verbs."""

from __future__ import annotations

import altair as alt
import polars as pl

from narratives.schemas import require
from narratives.viz._text import clean, rtl, shorten
from narratives.viz._theme import configure as _configure


def _verbs(cues: list[dict[str, object]] | None, top: int = 4) -> str:
    """``قال ×12 · زعم ×1`` from the ``cues`` list of a VOICES row (already counted)."""
    parts = [f"{clean(str(c['cue']))} ×{c['n']}" for c in (cues or [])[:top]]
    more = len(cues or []) - top
    return " · ".join(parts) + (f" · +{more}" if more > 0 else "")


def voices_by_outlet(
    voices: pl.DataFrame,
    *,
    story_id: str | None = None,
    top_speakers: int = 15,
    configure: bool = True,
) -> alt.LayerChart | alt.FacetChart:
    """Speakers (rows) by outlet (columns): statements given to each, share quoted.

    Each cell shows how many statements the outlet attributes to the speaker
    and, below, the share it quotes directly; the tooltip lists the reporting
    verbs used for them (one per reporting act, as counted in the table), so
    "SANA quotes Lavrov 40 times and Kerry once, with زعم" reads off one row.

    Parameters
    ----------
    voices
        ``schemas.VOICES`` from :func:`narratives.compare.voices`.
    story_id
        Draw one story's rows; ``None`` draws the rows over all articles
        (``story_id`` null).
    top_speakers
        Speakers kept: those with the most statements over all outlets.
    configure
        Apply the package theme (fonts able to draw Arabic).

    Returns
    -------
    alt.Chart
        A heatmap; empty (with a title saying so) when no row has a speaker.
    """
    require(
        voices,
        ("outlet", "story_id", "speaker", "n_statements", "direct_share", "cues"),
        name="voices",
        stage="viz.voices",
    )
    rows = voices.filter(
        pl.col("story_id").is_null() if story_id is None else pl.col("story_id") == story_id
    )
    keep = (
        rows.group_by("speaker")
        .agg(pl.col("n_statements").sum().alias("total"))
        .sort(["total", "speaker"], descending=[True, False])
        .head(top_speakers)
    )
    rows = rows.join(keep, on="speaker").sort(["total", "speaker"], descending=[True, False])
    order = list(dict.fromkeys(rows["speaker"].to_list()))
    mention = rows["mention"] if "mention" in rows.columns else rows["speaker"]
    title_col = rows["title"] if "title" in rows.columns else pl.Series([None] * rows.height)
    data = pl.DataFrame(
        {
            "outlet": rows["outlet"],
            "speaker_label": [rtl(shorten(clean(s), 40)) for s in rows["speaker"].to_list()],
            "mention": [rtl(shorten(clean(m), 60)) for m in mention.fill_null("").to_list()],
            "title": [rtl(shorten(clean(t), 60)) for t in title_col.fill_null("").to_list()],
            "n": rows["n_statements"],
            "cell": [
                f"{n} · {round(100 * d)}%"
                for n, d in zip(rows["n_statements"], rows["direct_share"], strict=True)
            ],
            "verbs": [rtl(_verbs(c)) for c in rows["cues"].to_list()],
        }
    )
    labels = [rtl(shorten(clean(s), 40)) for s in order]
    where = "all articles" if story_id is None else f"story {story_id}"
    title = f"Whose words each outlet carries ({where}): statements · % quoted directly"
    if data.is_empty():
        return (
            alt.Chart(pl.DataFrame({"x": []}))
            .mark_text()
            .properties(title=f"{title}: no statement with a speaker")
        )
    base = alt.Chart(data).encode(
        x=alt.X("outlet:N", title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("speaker_label:N", title=None, sort=labels),
        tooltip=[
            alt.Tooltip("outlet:N", title="outlet"),
            alt.Tooltip("mention:N", title="written as"),
            alt.Tooltip("title:N", title="title"),
            alt.Tooltip("n:Q", title="statements"),
            alt.Tooltip("cell:N", title="statements · direct"),
            alt.Tooltip("verbs:N", title="reporting verbs"),
        ],
    )
    rect = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        color=alt.Color(
            "n:Q", scale=alt.Scale(scheme="blues"), legend=alt.Legend(title="statements")
        )
    )
    text = base.mark_text(baseline="middle", fontSize=11).encode(text="cell:N")
    chart = alt.layer(rect, text).properties(width=alt.Step(96), height=alt.Step(24), title=title)
    return _configure(chart) if configure else chart
