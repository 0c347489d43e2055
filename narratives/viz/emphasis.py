"""How much weight each outlet gave a claim: position, headline, share of words."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import polars as pl

from narratives.schemas import require
from narratives.viz._text import attach_evidence, clean_columns, lookup_claim_text, shorten
from narratives.viz._theme import configure as _configure
from narratives.viz._theme import outlet_scale
from narratives.viz.coverage import SMALL_SAMPLE, _claim_labels, _wilson

#: measures that are shares of the outlet's claims (drawn with an interval)
PROPORTIONS = frozenset({"headline_share", "lede_share"})

#: EMPHASIS_OUTLETS column -> title of its panel
MEASURES: dict[str, str] = {
    "headline_share": "in a headline",
    "lede_share": "in the lede",
    "relative_position": "position (0 = top)",
    "word_share": "share of the article's words",
    "direct_quote_share": "quoted directly",
}


def emphasis_by_outlet(
    emphasis_outlets: pl.DataFrame,
    *,
    measures: dict[str, str] | None = None,
    outlets: Sequence[str] | None = None,
    configure: bool = True,
) -> alt.FacetChart:
    """One small panel per emphasis measure, one bar per outlet.

    Shares of claims (in a headline, in the lede) get a 95 % Wilson interval
    over the outlet's ``n_claims``; outlets with fewer than 10 claims are
    drawn pale.

    Parameters
    ----------
    emphasis_outlets
        The ``emphasis_outlets`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.EMPHASIS_OUTLETS`).
    measures
        Columns to show, mapped to panel titles (default :data:`MEASURES`).
    outlets
        Every outlet of the corpus, so colours match the other charts.
    title
        The chart's title.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> em = pl.DataFrame({"outlet": ["sana", "rt-arabic"], "n_claims": [5, 3],
    ...     "headline_share": [0.2, 0.0], "lede_share": [0.4, 0.3],
    ...     "relative_position": [0.3, 0.5], "word_share": [0.1, 0.2],
    ...     "direct_quote_share": [0.5, 0.1]})
    >>> "facet" in viz.emphasis_by_outlet(em).to_dict()
    True
    """
    measures = dict(measures or MEASURES)
    present = {k: v for k, v in measures.items() if k in emphasis_outlets.columns}
    require(
        emphasis_outlets, ["outlet", *present], name="emphasis_outlets", stage="emphasis_by_outlet"
    )
    ids = ["outlet"] + (["n_claims"] if "n_claims" in emphasis_outlets.columns else [])
    long = (
        clean_columns(emphasis_outlets, ["outlet"])
        .select(*ids, *[pl.col(c).cast(pl.Float64) for c in present])
        .unpivot(index=ids, on=list(present), variable_name="key", value_name="value")
        .with_columns(
            pl.col("key").replace_strict(present, return_dtype=pl.String).alias("measure")
        )
    )
    lows: list[float | None] = []
    highs: list[float | None] = []
    for row in long.iter_rows(named=True):
        n = row.get("n_claims")
        if row["key"] in PROPORTIONS and n and row["value"] is not None:
            lo, hi = _wilson(round(row["value"] * n), int(n))
            lows.append(lo)
            highs.append(hi)
        else:
            lows.append(None)
            highs.append(None)
    long = long.with_columns(
        pl.Series("ci_low", lows, dtype=pl.Float64),
        pl.Series("ci_high", highs, dtype=pl.Float64),
        (
            (pl.col("n_claims") < SMALL_SAMPLE) if "n_claims" in long.columns else pl.lit(False)
        ).alias("small"),
    )
    names = outlets or long["outlet"].unique().to_list()
    base = alt.Chart().encode(y=alt.Y("outlet:N", title=None))
    bars = base.mark_bar().encode(
        x=alt.X(
            "value:Q",
            title=None,
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%", tickCount=3),
        ),
        color=alt.Color("outlet:N", scale=outlet_scale(names), legend=None),
        opacity=alt.Opacity(
            "small:N", scale=alt.Scale(domain=[False, True], range=[0.9, 0.3]), legend=None
        ),
        tooltip=[
            alt.Tooltip("outlet:N"),
            alt.Tooltip("measure:N"),
            alt.Tooltip("value:Q", format=".0%"),
            alt.Tooltip("ci_low:Q", title="interval low", format=".0%"),
            alt.Tooltip("ci_high:Q", title="interval high", format=".0%"),
            *([alt.Tooltip("n_claims:Q", title="claims")] if "n_claims" in ids else []),
        ],
    )
    whiskers = base.mark_rule(color="black").encode(x="ci_low:Q", x2="ci_high:Q")
    chart = (
        alt.layer(bars, whiskers, data=long)
        .properties(width=150, height=alt.Step(22))
        .facet(
            facet=alt.Facet("measure:N", title=None, sort=list(present.values())),
            columns=3,
            title=alt.Title(
                "Emphasis by outlet (claims the outlets share)",
                subtitle=[
                    "whiskers: 95 % Wilson interval of the share of claims; "
                    f"pale: fewer than {SMALL_SAMPLE} shared claims"
                    if long.height
                    else "none: no claim is shared by two outlets, so emphasis is not compared"
                ],
            ),
        )
    )
    return _configure(chart) if configure else chart


def emphasis_by_claim(
    emphasis_claims: pl.DataFrame,
    *,
    statements: pl.DataFrame | None = None,
    top: int = 15,
    min_outlets: int = 2,
    label_width: int = 60,
    outlets: Sequence[str] | None = None,
    title: str = "Where each outlet placed the shared claims",
    configure: bool = True,
) -> alt.Chart:
    """Where each outlet placed each shared claim: one dot per claim and outlet.

    The horizontal axis is the earliest relative position in the article
    (0 = headline/top, 1 = last statement); a larger dot is a larger share of
    the article's words; a diamond marks a claim put in a headline.

    Parameters
    ----------
    emphasis_claims
        The ``emphasis_claims`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.EMPHASIS_CLAIMS`), or the rows of
        one story of ``emphasis_stories`` (figures from that story's articles).
    statements
        Optional STATEMENTS table, for the statement text in tooltips.
    top
        Claims shown (those carried by the most outlets first).
    min_outlets
        Only claims carried by at least this many outlets.
    label_width
        Characters of the claim labels (cut between words).
    outlets
        Every outlet of the corpus, so colours match the other charts.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> ec = pl.DataFrame({"claim_id": ["c1", "c1"], "outlet": ["sana", "rt-arabic"],
    ...     "claim_outlets": [2, 2], "n_statements": [1, 2], "in_headline": [True, False],
    ...     "relative_position": [0.0, 0.6], "word_share": [0.1, 0.05],
    ...     "representative": ["مكافحة الإرهاب", "مكافحة الإرهاب"]})
    >>> viz.emphasis_by_claim(ec).to_dict()["mark"]["type"]
    'point'
    """
    require(
        emphasis_claims,
        [
            "claim_id",
            "outlet",
            "claim_outlets",
            "relative_position",
            "in_headline",
            "representative",
        ],
        name="emphasis_claims",
        stage="emphasis_by_claim",
    )
    claims = (
        emphasis_claims.filter(pl.col("claim_outlets") >= min_outlets)
        .group_by("claim_id", maintain_order=True)
        .agg(pl.col("claim_outlets").max(), pl.col("relative_position").min().alias("_pos"))
        .sort(["claim_outlets", "_pos", "claim_id"], descending=[True, False, False])
        .head(top)
    )
    frame = clean_columns(
        emphasis_claims.filter(pl.col("claim_id").is_in(claims["claim_id"].implode())),
        ["representative", "outlet"],
    )
    labels = _claim_labels(frame, width=label_width)
    order = [labels[c] for c in claims["claim_id"].to_list()]
    frame = attach_evidence(frame, statements).with_columns(
        pl.col("claim_id").replace_strict(labels, return_dtype=pl.String).alias("claim"),
        pl.col("representative")
        .map_batches(lambda s: pl.Series([shorten(v, 300) for v in s.to_list()]))
        .alias("claim_text"),
        pl.when(pl.col("in_headline"))
        .then(pl.lit("headline"))
        .otherwise(pl.lit("body"))
        .alias("where"),
    )
    extra = [
        c
        for c in ("word_share", "n_statements", "evidence", "articles", "statement_ids")
        if c in frame.columns
    ]
    data = frame.select("claim", "claim_id", "outlet", "relative_position", "where", *extra)
    chart = (
        alt.Chart(data, title=title)
        .mark_point(filled=True, opacity=0.85)
        .encode(
            x=alt.X(
                "relative_position:Q",
                title="position in the article (0 = headline / top, 1 = end)",
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y(
                "claim:N",
                sort=order,
                title=None,
                axis=alt.Axis(grid=True),
            ),
            color=alt.Color(
                "outlet:N",
                scale=outlet_scale(outlets or data["outlet"].unique().to_list()),
                legend=alt.Legend(
                    orient="bottom", values=sorted(data["outlet"].unique().to_list())
                ),
            ),
            shape=alt.Shape(
                "where:N",
                scale=alt.Scale(domain=["headline", "body"], range=["diamond", "circle"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            size=(
                alt.Size(
                    "word_share:Q",
                    title="share of words",
                    legend=None,
                    scale=alt.Scale(range=[60, 400]),
                )
                if "word_share" in data.columns and data["word_share"].drop_nulls().len()
                else alt.value(120)
            ),
            tooltip=[
                alt.Tooltip("claim_text:N", title="claim"),
                alt.Tooltip("outlet:N"),
                alt.Tooltip("relative_position:Q", title="position", format=".2f"),
                alt.Tooltip("where:N", title="in"),
                *(
                    [alt.Tooltip("word_share:Q", title="share of words", format=".1%")]
                    if "word_share" in extra
                    else []
                ),
                *(
                    [
                        alt.Tooltip("evidence:N", title="statement"),
                        alt.Tooltip("articles:N", title="article"),
                    ]
                    if "evidence" in extra
                    else []
                ),
            ],
        )
        .properties(width=380, height=alt.Step(30))
    )
    chart = lookup_claim_text(chart, frame)
    return _configure(chart) if configure else chart
