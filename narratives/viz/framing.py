"""How outlets worded the same claims: reporting verbs, labels, substitutions, terms."""

from __future__ import annotations

import altair as alt
import polars as pl

from narratives.schemas import require
from narratives.viz._text import attach_evidence, clean, clean_columns, rtl, shorten
from narratives.viz._theme import configure as _configure

NO_SPEAKER = "(no speaker)"

#: colours of reporting-verb classes (lexicon classes not listed get grey)
CUE_CLASS_COLORS: dict[str, str] = {
    "neutral": "#bdbdbd",
    "assertive": "#74c476",
    "distancing": "#fd8d3c",
    "denial": "#de2d26",
    "directive": "#9e9ac8",
    "expressive": "#6baed6",
    "question": "#fed976",
}


def _rtl_column(frame: pl.DataFrame, column: str, alias: str, max_chars: int = 60) -> pl.Series:
    return pl.Series(alias, [rtl(shorten(v, max_chars)) for v in frame[column].to_list()])


def _grid(
    frame: pl.DataFrame,
    *,
    y: str,
    facet: str,
    color: str,
    color_scale: alt.Scale,
    text: str,
    tooltip: list[alt.Tooltip],
    title: str,
    legend: str,
) -> alt.FacetChart:
    n_outlets = frame["outlet"].n_unique()
    base = alt.Chart(frame).encode(
        x=alt.X(
            "outlet:N",
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0 if n_outlets <= 6 else -45),
        ),
        y=alt.Y(f"{y}:N", title=None, sort="-x" if False else None),
        tooltip=tooltip,
    )
    rect = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        color=alt.Color(
            f"{color}:N", scale=color_scale, legend=alt.Legend(orient="bottom", title=legend)
        ),
    )
    label = base.mark_text(baseline="middle").encode(text=f"{text}:N")
    return (
        alt.layer(rect, label)
        .properties(width=alt.Step(110 if n_outlets <= 6 else 56), height=alt.Step(26))
        .facet(
            row=alt.Row(
                f"{facet}:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")
            )
        )
        .resolve_scale(y="independent")
        .properties(title=title)
    )


def reporting_verbs(
    reporting_verbs: pl.DataFrame,
    *,
    statements: pl.DataFrame | None = None,
    top_speakers: int = 6,
    top_cues: int = 8,
    unattributed: bool = False,
    configure: bool = True,
) -> alt.FacetChart:
    """Which reporting verb each outlet used for each speaker (e.g. قال / أكد / زعم).

    One panel per speaker (the ``top_speakers`` with the most statements);
    cells give the number of statements, coloured by the verb's class
    (neutral, assertive, distancing, denial, ...).

    Parameters
    ----------
    reporting_verbs
        The ``reporting_verbs`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.REPORTING_VERBS`).
    statements
        Optional STATEMENTS table, for the statement text in tooltips.
    top_speakers, top_cues
        Panels and verbs per panel shown.
    unattributed
        Also show statements with a reporting verb but no identified speaker
        (as "(no speaker)").
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> rv = pl.DataFrame({"outlet": ["sana"], "speaker": ["kerry"], "cue": ["زعم"],
    ...     "cue_class": ["distancing"], "n": [1], "share": [1.0], "statement_ids": [["a:3"]]})
    >>> "facet" in viz.reporting_verbs(rv).to_dict()
    True
    """
    require(
        reporting_verbs,
        ["outlet", "speaker", "cue", "cue_class", "n"],
        name="reporting_verbs",
        stage="reporting_verbs",
    )
    if not unattributed:
        reporting_verbs = reporting_verbs.filter(pl.col("speaker").is_not_null())
    frame = clean_columns(reporting_verbs, ["outlet", "speaker", "cue", "cue_class"]).with_columns(
        pl.col("speaker").fill_null(NO_SPEAKER), pl.col("cue_class").fill_null("other")
    )
    speakers = (
        frame.group_by("speaker")
        .agg(pl.col("n").sum())
        .sort(["n", "speaker"], descending=[True, False])
        .head(top_speakers)
    )
    frame = frame.filter(pl.col("speaker").is_in(speakers["speaker"].implode()))
    cues = (
        frame.group_by("speaker", "cue")
        .agg(pl.col("n").sum().alias("_t"))
        .sort(["_t", "cue"], descending=[True, False])
    )
    cues = cues.group_by("speaker", maintain_order=True).head(top_cues)
    frame = frame.join(cues.select("speaker", "cue"), on=["speaker", "cue"], how="semi")
    frame = attach_evidence(frame, statements).with_columns(_rtl_column(frame, "cue", "verb"))
    frame = frame.with_columns(pl.col("n").cast(pl.String).alias("n_text"))
    classes = sorted(set(frame["cue_class"].to_list()) | set(CUE_CLASS_COLORS))
    scale = alt.Scale(domain=classes, range=[CUE_CLASS_COLORS.get(c, "#dadaeb") for c in classes])
    share = (
        [alt.Tooltip("share:Q", format=".0%", title="share of the speaker's verbs")]
        if "share" in frame.columns
        else []
    )
    keep = [
        c
        for c in (
            "speaker",
            "outlet",
            "verb",
            "cue_class",
            "n",
            "n_text",
            "share",
            "evidence",
            "articles",
        )
        if c in frame.columns
    ]
    chart = _grid(
        frame.select(keep),
        y="verb",
        facet="speaker",
        color="cue_class",
        color_scale=scale,
        text="n_text",
        tooltip=[
            alt.Tooltip("speaker:N"),
            alt.Tooltip("outlet:N"),
            alt.Tooltip("verb:N", title="reporting verb"),
            alt.Tooltip("cue_class:N", title="class"),
            alt.Tooltip("n:Q", title="statements"),
            *share,
            alt.Tooltip("evidence:N", title="statement"),
            alt.Tooltip("articles:N", title="article"),
        ],
        title="Reporting verbs by outlet and speaker",
        legend="verb class",
    )
    return _configure(chart) if configure else chart


def label_choices(
    labels: pl.DataFrame,
    *,
    statements: pl.DataFrame | None = None,
    top_referents: int = 6,
    top_labels: int = 8,
    configure: bool = True,
) -> alt.FacetChart:
    """Which label each outlet used for the same referent (e.g. ISIS, the opposition).

    One panel per referent; cells give occurrences, coloured by the label's
    connotation (lexicon class).

    Parameters
    ----------
    labels
        The ``labels`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.LABELS`).
    statements
        Optional STATEMENTS table, for the statement text in tooltips.
    top_referents, top_labels
        Panels, and labels per panel, shown.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> lb = pl.DataFrame({"referent": ["isis"], "label": ["داعش"], "connotation": ["neutral"],
    ...     "outlet": ["sana"], "n": [3], "share": [1.0], "forms": [["داعش"]],
    ...     "statement_ids": [["a:1"]]})
    >>> "facet" in viz.label_choices(lb).to_dict()
    True
    """
    require(
        labels,
        ["referent", "label", "connotation", "outlet", "n"],
        name="labels",
        stage="label_choices",
    )
    frame = clean_columns(labels, ["referent", "label", "connotation", "outlet"]).with_columns(
        pl.col("connotation").fill_null("unclassified")
    )
    refs = (
        frame.group_by("referent")
        .agg(pl.col("n").sum())
        .sort(["n", "referent"], descending=[True, False])
        .head(top_referents)
    )
    frame = frame.filter(pl.col("referent").is_in(refs["referent"].implode()))
    top = (
        frame.group_by("referent", "label")
        .agg(pl.col("n").sum().alias("_t"))
        .sort(["_t", "label"], descending=[True, False])
        .group_by("referent", maintain_order=True)
        .head(top_labels)
    )
    frame = frame.join(top.select("referent", "label"), on=["referent", "label"], how="semi")
    frame = attach_evidence(frame, statements).with_columns(
        _rtl_column(frame, "label", "label_text")
    )
    forms = (
        [shorten(" | ".join(v or []), 120) for v in frame["forms"].to_list()]
        if "forms" in frame.columns
        else [""] * frame.height
    )
    frame = frame.with_columns(
        pl.Series("forms_text", forms, dtype=pl.String),
        pl.col("n").cast(pl.String).alias("n_text"),
    )
    keep = [
        c
        for c in (
            "referent",
            "outlet",
            "label_text",
            "connotation",
            "n",
            "n_text",
            "share",
            "forms_text",
            "evidence",
            "articles",
        )
        if c in frame.columns
    ]
    share = (
        [alt.Tooltip("share:Q", format=".0%", title="share of the referent's mentions")]
        if "share" in keep
        else []
    )
    chart = _grid(
        frame.select(keep),
        y="label_text",
        facet="referent",
        color="connotation",
        color_scale=alt.Scale(scheme="set2"),
        text="n_text",
        tooltip=[
            alt.Tooltip("referent:N"),
            alt.Tooltip("outlet:N"),
            alt.Tooltip("label_text:N", title="label"),
            alt.Tooltip("connotation:N"),
            alt.Tooltip("n:Q", title="occurrences"),
            *share,
            alt.Tooltip("forms_text:N", title="as written"),
            alt.Tooltip("evidence:N", title="statement"),
            alt.Tooltip("articles:N", title="article"),
        ],
        title="Labels each outlet chose for the same referent",
        legend="connotation",
    )
    return _configure(chart) if configure else chart


def substitution_table(
    substitutions: pl.DataFrame,
    *,
    top: int = 8,
    max_pairs: int = 6,
    configure: bool = True,
) -> alt.FacetChart:
    """Words one outlet wrote where another wrote something else, as a table.

    One block per outlet pair (A, B): each row reads "where A writes ...,
    B writes ...", with the number of aligned statement pairs showing it.

    Parameters
    ----------
    substitutions
        The ``substitutions`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.SUBSTITUTIONS`).
    top
        Rows per outlet pair (by ``rank``).
    max_pairs
        Outlet pairs shown (those with the most substitutions).
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> sub = pl.DataFrame({"outlet_a": ["rt-arabic"], "outlet_b": ["sana"],
    ...     "term_a": ["سوريا"], "term_b": ["سوريه"], "n": [3], "rank": [1],
    ...     "example_a": ["في سوريا"], "example_b": ["في سورية"]})
    >>> "facet" in viz.substitution_table(sub).to_dict()
    True
    """
    require(
        substitutions,
        ["outlet_a", "outlet_b", "term_a", "term_b", "n"],
        name="substitutions",
        stage="substitution_table",
    )
    frame = clean_columns(substitutions, ["outlet_a", "outlet_b"])
    if "rank" not in frame.columns:
        frame = frame.with_columns(
            pl.col("n")
            .rank("ordinal", descending=True)
            .over("outlet_a", "outlet_b")
            .cast(pl.Int32)
            .alias("rank")
        )
    frame = frame.with_columns(pl.format("A = {}   B = {}", "outlet_a", "outlet_b").alias("pair"))
    pairs = (
        frame.group_by("pair")
        .agg(pl.col("n").sum())
        .sort(["n", "pair"], descending=[True, False])
        .head(max_pairs)
    )
    frame = frame.filter(pl.col("pair").is_in(pairs["pair"].implode()), pl.col("rank") <= top).sort(
        "pair", "rank"
    )
    ex_a = (
        [shorten(v, 200) for v in frame["example_a"].to_list()]
        if "example_a" in frame.columns
        else [""] * frame.height
    )
    ex_b = (
        [shorten(v, 200) for v in frame["example_b"].to_list()]
        if "example_b" in frame.columns
        else [""] * frame.height
    )

    def first_article(column: str) -> pl.Series:
        values = frame[column].to_list() if column in frame.columns else [None] * frame.height
        ids = [(v[0] if isinstance(v, list) and v else v) or "" for v in values]
        return pl.Series(
            column.replace("statement_id", "article"), [clean(i.rsplit(":", 1)[0]) for i in ids]
        )

    rows = frame.with_columns(
        first_article("statement_id_a"),
        first_article("statement_id_b"),
        _rtl_column(frame, "term_a", "A writes", 40),
        _rtl_column(frame, "term_b", "B writes", 40),
        pl.col("n").cast(pl.String).alias("pairs"),
        pl.Series("example_a", ex_a, dtype=pl.String),
        pl.Series("example_b", ex_b, dtype=pl.String),
    ).select(
        "pair",
        "rank",
        "outlet_a",
        "outlet_b",
        "A writes",
        "B writes",
        "pairs",
        "example_a",
        "example_b",
        "article_a",
        "article_b",
    )
    columns = ["A writes", "B writes", "pairs"]
    long = rows.unpivot(
        index=[
            "pair",
            "rank",
            "outlet_a",
            "outlet_b",
            "example_a",
            "example_b",
            "article_a",
            "article_b",
        ],
        on=columns,
        variable_name="column",
        value_name="value",
    )
    chart = (
        alt.Chart(long)
        .mark_text(align="right", baseline="middle", dx=60)
        .encode(
            x=alt.X(
                "column:N",
                sort=list(reversed(columns)),
                title=None,
                axis=alt.Axis(
                    orient="top", labelAngle=0, domain=False, ticks=False, labelFontWeight="bold"
                ),
            ),
            y=alt.Y("rank:O", title=None, axis=None),
            text="value:N",
            color=alt.condition(
                alt.datum.column == "pairs", alt.value("#636363"), alt.value("black")
            ),
            tooltip=[
                alt.Tooltip("outlet_a:N", title="A"),
                alt.Tooltip("example_a:N", title="A's statement"),
                alt.Tooltip("article_a:N", title="A's article"),
                alt.Tooltip("outlet_b:N", title="B"),
                alt.Tooltip("example_b:N", title="B's statement"),
                alt.Tooltip("article_b:N", title="B's article"),
            ],
        )
        .properties(width=alt.Step(150), height=alt.Step(22))
        .facet(
            row=alt.Row(
                "pair:N",
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            )
        )
        .resolve_scale(y="independent")
        .properties(title="Word substitutions between aligned statements")
    )
    return _configure(chart) if configure else chart


def distinguishing_terms(
    distinguishing_terms: pl.DataFrame,
    *,
    statements: pl.DataFrame | None = None,
    top: int = 12,
    versus: str | None = "rest",
    configure: bool = True,
) -> alt.FacetChart:
    """Words most typical of each outlet: Monroe et al. log-odds z-scores.

    One panel per outlet with its ``top`` terms of positive z (used more by
    the outlet than by the comparison group, weighted by evidence). |z| > 1.96
    is the usual threshold of a notable difference; terms below it are drawn
    pale.

    Parameters
    ----------
    distinguishing_terms
        The ``distinguishing_terms`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.DISTINGUISHING_TERMS`).
    statements
        Optional STATEMENTS table, for an example statement in tooltips.
    top
        Terms per outlet.
    versus
        Keep rows with this ``versus`` value ("rest" = all other outlets);
        None keeps all.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> dt = pl.DataFrame({"outlet": ["sana"], "versus": ["rest"], "term": ["سوريه"],
    ...     "n_outlet": [9], "n_versus": [1], "z": [2.5], "rank": [1]})
    >>> "facet" in viz.distinguishing_terms(dt).to_dict()
    True
    """
    require(
        distinguishing_terms,
        ["outlet", "term", "z"],
        name="distinguishing_terms",
        stage="distinguishing_terms",
    )
    frame = clean_columns(distinguishing_terms, ["outlet", "versus", "term"])
    if versus is not None and "versus" in frame.columns:
        frame = frame.filter(pl.col("versus") == versus)
    frame = (
        frame.filter(pl.col("z") > 0)
        .sort(["outlet", "z"], descending=[False, True])
        .group_by("outlet", maintain_order=True)
        .head(top)
    )
    frame = attach_evidence(frame, statements).with_columns(
        _rtl_column(frame, "term", "word", 40),
        (pl.col("z") >= 1.96).alias("notable"),
    )
    keep = [
        c
        for c in ("outlet", "word", "z", "notable", "n_outlet", "n_versus", "evidence", "articles")
        if c in frame.columns
    ]
    counts = (
        [
            alt.Tooltip("n_outlet:Q", title="uses in outlet"),
            alt.Tooltip("n_versus:Q", title="uses elsewhere"),
        ]
        if "n_versus" in keep
        else []
    )
    chart = (
        alt.Chart(frame.select(keep))
        .mark_bar()
        .encode(
            x=alt.X("z:Q", title="log-odds z (Monroe et al. 2008)"),
            y=alt.Y("word:N", sort="-x", title=None),
            color=alt.Color("outlet:N", legend=None),
            opacity=alt.Opacity(
                "notable:N", scale=alt.Scale(domain=[True, False], range=[0.95, 0.4]), legend=None
            ),
            tooltip=[
                alt.Tooltip("outlet:N"),
                alt.Tooltip("word:N", title="term"),
                alt.Tooltip("z:Q", format=".2f"),
                *counts,
                alt.Tooltip("evidence:N", title="statement"),
                alt.Tooltip("articles:N", title="article"),
            ],
        )
        .properties(width=180, height=alt.Step(18))
        .facet(facet=alt.Facet("outlet:N", title=None), columns=4)
        .resolve_scale(y="independent")
        .properties(title="Words most typical of each outlet (vs the others)")
    )
    return _configure(chart) if configure else chart
