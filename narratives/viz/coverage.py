"""Who carried which claim: coverage heatmap and omission rates."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import polars as pl

from narratives.schemas import OMISSION_RATES, require
from narratives.viz._text import attach_evidence, clean_columns, lookup_claim_text, rtl, shorten
from narratives.viz._theme import RELATION_COLORS, RELATIONS, outlet_scale
from narratives.viz._theme import configure as _configure


def _claim_labels(frame: pl.DataFrame, *, width: int) -> dict[str, str]:
    """One unique, right-to-left label per claim id, cut between words at ``width``.

    Labels are single lines: multi-line axis labels are not laid out
    reliably by every Vega renderer (vl-convert overlaps them). The whole
    text is in the tooltip.
    """
    labels: dict[str, str] = {}
    seen: set[str] = set()
    reps = frame.unique("claim_id", keep="first", maintain_order=True)
    for claim_id, rep in reps.select("claim_id", "representative").iter_rows():
        label = rtl(shorten(rep or claim_id, width)) or claim_id
        while label in seen:
            label += " "
        seen.add(label)
        labels[claim_id] = label
    return labels


#: a cell whose outlet covered the story with no statement aligned with the claim and
#: no omission row either: shown apart from "related", which cites statements
NOT_SURE = "not sure"
NOT_SURE_COLOR = "#f3e6f5"


def coverage_heatmap(
    coverage: pl.DataFrame,
    *,
    statements: pl.DataFrame | None = None,
    top: int = 30,
    min_outlets: int = 1,
    label_width: int = 64,
    outlets: Sequence[str] | None = None,
    configure: bool = True,
) -> alt.Chart:
    """Claims x outlets, each cell coloured by how the outlet carried the claim.

    Colours run from verbatim (dark blue) through near-verbatim and paraphrase
    to related (pale blue); ``sole`` (orange) marks a claim no other outlet
    carried and ``absent`` (grey) one the outlet left out; ``not sure`` (pale
    mauve) marks an outlet that covered the story, had no statement aligned with
    the claim and was not listed as leaving it out (``related`` in the table with
    no statement: it may carry the claim in other words); where the omission rule
    judged it carried, the cell quotes the outlet's closest statement and its score
    (``closest_statement_id``, ``closest_score``) for the reader to check. Rows are the ``top``
    claims carried by the most outlets (then the most statements).

    Parameters
    ----------
    coverage
        The ``coverage`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.COVERAGE`).
    statements
        Optional STATEMENTS table: tooltips then show the outlet's first
        statement of the claim and its article.
    top
        Claims shown (rows); keeps large corpora legible.
    min_outlets
        Show only claims carried by at least this many outlets.
    label_width
        Characters of the claim labels (cut between words; the tooltip has all).
    outlets
        Every outlet to show as a column (default: those in ``coverage``).
    configure
        Apply the narratives theme (set False to combine charts first).

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> cov = pl.DataFrame({"claim_id": ["c1", "c1"], "outlet": ["sana", "rt-arabic"],
    ...     "status": ["paraphrase", "absent"], "claim_outlets": [1, 1],
    ...     "n_statements": [2, 0], "representative": ["توحيد الجهود", "توحيد الجهود"],
    ...     "statement_ids": [["a:1", "a:2"], []]})
    >>> viz.coverage_heatmap(cov).to_dict()["mark"]["type"]
    'rect'
    """
    require(
        coverage,
        ["claim_id", "outlet", "status", "claim_outlets", "n_statements", "representative"],
        name="coverage",
        stage="coverage_heatmap",
    )
    claims = (
        coverage.group_by("claim_id", maintain_order=True)
        .agg(pl.col("claim_outlets").max(), pl.col("n_statements").sum().alias("_n"))
        .filter(pl.col("claim_outlets") >= min_outlets)
        .sort(["claim_outlets", "_n", "claim_id"], descending=[True, True, False])
        .head(top)
    )
    shown = coverage.filter(pl.col("claim_id").is_in(claims["claim_id"].implode()))
    # a claim has rows only for the outlets that carried it (and, for shared
    # claims, "absent" rows): complete the grid so every outlet gets a column
    names = sorted({o for o in (outlets or coverage["outlet"].unique().to_list()) if o})
    outlets_frame = pl.DataFrame({"outlet": names}, schema={"outlet": pl.String})
    reps = shown.group_by("claim_id").agg(pl.col("representative").first())
    frame = (
        claims.select("claim_id")
        .join(outlets_frame, how="cross")
        .join(shown.drop("representative"), on=["claim_id", "outlet"], how="left")
        .join(reps, on="claim_id", how="left")
        .with_columns(
            pl.col("status").fill_null("absent"),
            pl.col("n_statements").fill_null(0),
        )
        .with_columns(
            # «related» with no statement of the outlet: the omission rule did not list
            # it as leaving the claim out, but nothing of it was aligned with the claim;
            # read on SaudiNewsNet, about half such outlets carried the claim: not sure
            pl.when((pl.col("status") == "related") & (pl.col("n_statements") == 0))
            .then(pl.lit(NOT_SURE))
            .otherwise(pl.col("status"))
            .alias("status")
        )
    )
    frame = clean_columns(frame, ["representative", "outlet"])
    labels = _claim_labels(frame, width=label_width)
    order = [labels[c] for c in claims["claim_id"].to_list()]
    cited = "closest_statement_id" in frame.columns
    if cited:
        # a not-sure cell quotes the outlet's closest statement (the omission rule's, with
        # its score, or the one holding most of the claim's words): the reader checks it
        closest = (pl.col("status") == NOT_SURE) & pl.col("closest_statement_id").is_not_null()
        score = (
            pl.col("closest_score")
            if "closest_score" in frame.columns
            else pl.lit(None, pl.Float64)
        )
        frame = frame.with_columns(
            _cite=pl.when(closest)
            .then(pl.concat_list(pl.col("closest_statement_id")))
            .otherwise(pl.col("statement_ids") if "statement_ids" in frame.columns else None),
            closest=pl.when(closest & score.is_not_null())
            .then(
                pl.format(
                    "closest sentence in this outlet's article, score {}: read it",
                    score.round(0).cast(pl.Int64),
                )
            )
            .when(closest)
            .then(
                pl.lit(
                    "the sentence of this outlet's article holding most of the claim's words "
                    "(not scored): read it"
                )
            ),
        )
    frame = attach_evidence(
        frame, statements, ids="_cite" if cited else "statement_ids"
    ).with_columns(
        pl.col("claim_id").replace_strict(labels, return_dtype=pl.String).alias("claim"),
        pl.col("representative")
        .map_batches(lambda s: pl.Series([shorten(v, 300) for v in s.to_list()]))
        .alias("claim_text"),
    )
    keep = ["claim", "claim_id", "outlet", "status", "n_statements"]
    keep += [
        c
        for c in ("best_score", "evidence", "articles", "statement_ids", "closest_statement_id",
                  "closest")
        if c in frame.columns
    ]  # fmt: skip
    n_outlets = max(len(names), 1)
    n_claims = coverage.filter(pl.col("claim_outlets") >= min_outlets)["claim_id"].n_unique()
    subtitle = (
        [f"the {claims.height} claims carried by the most outlets, of {n_claims}"]
        if n_claims > claims.height
        else []
    )
    if not claims.height:  # an empty chart says why
        subtitle = [
            f"none: no claim is carried by {min_outlets} outlets or more"
            if min_outlets > 1
            else "none: no claim in these tables",
            "(outlets that paraphrase each other align at a lower threshold)",
        ]
    title = alt.Title("Which outlet carried which claim", subtitle=subtitle)
    chart = (
        alt.Chart(frame.select(keep), title=title)
        .mark_rect(stroke="#d9d9d9", strokeWidth=1)
        .encode(
            x=alt.X(
                "outlet:N",
                title=None,
                sort=names,
                axis=alt.Axis(orient="top", labelAngle=0 if n_outlets <= 6 else -45),
            ),
            y=alt.Y(
                "claim:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelFontSize=13),
            ),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(
                    domain=[*RELATIONS, NOT_SURE], range=[*RELATION_COLORS, NOT_SURE_COLOR]
                ),
                legend=alt.Legend(title="coverage", orient="bottom", direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("claim_text:N", title="claim"),
                alt.Tooltip("outlet:N", title="outlet"),
                alt.Tooltip("status:N", title="status"),
                alt.Tooltip("n_statements:Q", title="statements"),
                *(
                    [alt.Tooltip("best_score:Q", title="best score", format=".0f")]
                    if "best_score" in keep
                    else []
                ),
                *([alt.Tooltip("closest:N", title="not sure")] if "closest" in keep else []),
                alt.Tooltip("evidence:N", title="statement"),
                alt.Tooltip("articles:N", title="article"),
            ],
        )
        .properties(width=alt.Step(90 if n_outlets <= 6 else 44), height=alt.Step(30))
    )
    chart = lookup_claim_text(chart, frame)
    return _configure(chart) if configure else chart


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of k successes in n (drawn when no interval is given)."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


#: rates resting on fewer items than this are drawn pale and marked "small sample"
SMALL_SAMPLE = 10


def omission_bars(
    omission_rates: pl.DataFrame,
    *,
    min_claims: int = 1,
    top: int = 30,
    outlets: Sequence[str] | None = None,
    configure: bool = True,
) -> alt.LayerChart:
    """Share of outlet B's claims that outlet A left out, with its interval.

    One bar per ordered outlet pair (A omits B), coloured by A; the whisker is
    the bootstrap interval (``ci_low``..``ci_high``), or the Wilson score
    interval where the bootstrap gives none (a rate on one claim has no
    spread to resample); the label gives ``omitted / claims``; rates resting
    on fewer than :data:`SMALL_SAMPLE` claims are drawn pale and marked.

    Parameters
    ----------
    omission_rates
        The ``omission_rates`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.OMISSION_RATES`).
    min_claims
        Hide pairs with fewer comparable claims than this.
    top
        Pairs shown: those resting on the most comparable claims (the
        subtitle says how many were cut).
    outlets
        Every outlet of the corpus, so colours match the other charts.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> rates = pl.DataFrame({"outlet": ["rt-arabic"], "other": ["sana"], "n_claims": [4],
    ...     "n_omitted": [1], "rate": [0.25], "ci_low": [0.0], "ci_high": [0.75],
    ...     "level": [0.95], "claim_ids": [["c3"]]})
    >>> len(viz.omission_bars(rates).to_dict()["layer"])
    3
    """
    require(
        omission_rates,
        {k: OMISSION_RATES[k] for k in ("outlet", "other", "n_claims", "n_omitted", "rate")},
        name="omission_rates",
        stage="omission_bars",
    )
    # a pair without a rate (too few shared stories: see its ``note``) has nothing to draw
    eligible = omission_rates.filter(
        pl.col("n_claims") >= max(min_claims, 1), pl.col("rate").is_not_null()
    )
    frame = clean_columns(
        eligible.sort(["n_claims", "outlet", "other"], descending=[True, False, False]).head(top),
        ["outlet", "other"],
    )
    lows, highs, kinds = [], [], []
    for row in frame.iter_rows(named=True):
        lo, hi = row.get("ci_low"), row.get("ci_high")
        if lo is None or hi is None or (lo == hi and row["n_claims"] < 1000):
            lo, hi = _wilson(int(row["n_omitted"]), int(row["n_claims"]))
            kinds.append("Wilson score interval")
        else:
            kinds.append("bootstrap interval")
        lows.append(float(lo))
        highs.append(float(hi))
    frame = (
        frame.with_columns(
            pl.format("{} omits {}", "outlet", "other").alias("pair"),
            pl.Series("ci_low", lows, dtype=pl.Float64),
            pl.Series("ci_high", highs, dtype=pl.Float64),
            pl.Series("interval", kinds, dtype=pl.String),
            (pl.col("n_claims") < SMALL_SAMPLE).alias("small"),
            (
                pl.col("claim_ids").list.head(8).list.join(", ")
                if "claim_ids" in frame.columns
                else pl.lit("")
            ).alias("claims"),
        )
        .with_columns(
            pl.when(pl.col("small"))
            .then(pl.format("{}/{} small sample", "n_omitted", "n_claims"))
            .otherwise(pl.format("{}/{}", "n_omitted", "n_claims"))
            .alias("count"),
        )
        .sort(["outlet", "other"])
    )
    keep = [
        "pair",
        "outlet",
        "other",
        "n_claims",
        "n_omitted",
        "rate",
        "ci_low",
        "ci_high",
        "interval",
        "small",
        "count",
        "claims",
        *(["claim_ids"] if "claim_ids" in frame.columns else []),
    ]
    level: float = (
        float(frame["level"].drop_nulls().first() or 0.95)  # type: ignore[arg-type]
        if "level" in frame.columns and frame["level"].drop_nulls().len()
        else 0.95
    )
    base = alt.Chart(frame.select(keep)).encode(
        y=alt.Y("pair:N", title=None, sort=frame["pair"].to_list()),
    )
    tooltip = [
        alt.Tooltip("outlet:N", title="outlet"),
        alt.Tooltip("other:N", title="claims of"),
        alt.Tooltip("rate:Q", title="omission rate", format=".0%"),
        alt.Tooltip("ci_low:Q", title="interval low", format=".0%"),
        alt.Tooltip("ci_high:Q", title="interval high", format=".0%"),
        alt.Tooltip("interval:N", title="interval"),
        alt.Tooltip("count:N", title="omitted / comparable"),
        alt.Tooltip("claims:N", title="omitted claims"),
    ]
    names = outlets or frame["outlet"].unique().to_list()
    bars = base.mark_bar().encode(
        x=alt.X(
            "rate:Q",
            title=f"share of the other outlet's claims left out ({level:.0%} interval)",
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format="%"),
        ),
        color=alt.Color("outlet:N", scale=outlet_scale(names), legend=None),
        opacity=alt.Opacity(
            "small:N", scale=alt.Scale(domain=[False, True], range=[0.85, 0.3]), legend=None
        ),
        tooltip=tooltip,
    )
    whiskers = base.mark_rule(strokeWidth=1.5, color="black").encode(
        x="ci_low:Q", x2="ci_high:Q", tooltip=tooltip
    )
    counts = base.mark_text(align="left", dx=4, baseline="middle").encode(
        x="ci_high:Q", text="count:N"
    )
    cut = eligible.height - frame.height
    subtitle = [f"{cut} pairs resting on fewer claims not shown"] if cut > 0 else []
    subtitle.append(f"pale: fewer than {SMALL_SAMPLE} comparable claims")
    if not frame.height:
        notes = (
            sorted({n for n in omission_rates["note"].to_list() if n})
            if "note" in omission_rates.columns
            else []
        )
        subtitle = ["no outlet pair has a rate to draw", *notes[:2]]
    chart = alt.LayerChart(
        layer=[bars, whiskers, counts],
        title=alt.Title("Omissions by outlet pair", subtitle=subtitle),
        width=420,
        height=alt.Step(26),
    )
    return _configure(chart) if configure else chart
