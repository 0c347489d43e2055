"""How outlets attributed and named: reporting verbs by speaker, label choices."""

from __future__ import annotations

import altair as alt
import polars as pl

from narratives.schemas import require
from narratives.viz._text import attach_evidence, clean_columns, rtl, shorten
from narratives.viz._theme import configure as _configure

NO_SPEAKER = "(no speaker)"

#: colours of reporting-verb classes (lexicon classes not listed get grey)
CUE_CLASS_COLORS: dict[str, str] = {
    "neutral": "#e0e0e0",
    "assertive": "#a1d99b",
    "distancing": "#e6550d",
    "denial": "#a50f15",
    "refusal": "#fcbba1",
    "accusation": "#7a0177",
    "directive": "#bcbddc",
    "expressive": "#d9f0a3",
    "opinion": "#fdd0a2",
    "warning": "#fa9fb5",
    "question": "#ffffb2",
    "commitment": "#c7e9c0",
}
OTHER_CLASS_COLOR = "#f0f0f0"

#: colours of label connotations (labels.yaml classes; others get grey)
CONNOTATION_COLORS: dict[str, str] = {
    "neutral": "#e0e0e0",
    "delegitimizing": "#b2182b",
    "legitimizing": "#1b7837",
    "self_name": "#8073ac",
    "unclassified": "#f0f0f0",
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
    title: str | alt.Title,
    legend: str,
) -> alt.FacetChart:
    n_outlets = frame["outlet"].n_unique()
    base = alt.Chart(frame).encode(
        x=alt.X(
            "outlet:N",
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0 if n_outlets <= 6 else -45),
        ),
        y=alt.Y(f"{y}:N", title=None),
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
    always: tuple[str, ...] = ("distancing", "denial"),
    max_marked: int | None = None,
    configure: bool = True,
) -> alt.FacetChart:
    """Which reporting verb each outlet used for each speaker (e.g. قال / أكد / زعم).

    One panel per speaker (the ``top_speakers`` with the most statements,
    plus every speaker reported with a verb of the ``always`` classes); cells
    give the number of statements and their share of the speaker's verbs in
    that outlet (outlets differ in size), coloured by the verb's class.

    Parameters
    ----------
    reporting_verbs
        The ``reporting_verbs`` table of :func:`narratives.compare`
        (schema :data:`narratives.schemas.REPORTING_VERBS`).
    statements
        Optional STATEMENTS table, for the statement text in tooltips.
    top_speakers, top_cues
        Panels and verbs per panel shown; the subtitle says what was cut.
    always
        Verb classes never cut: every speaker and verb of these classes is
        shown however rare (a single زعم can be the finding).
    max_marked
        At most this many speakers kept for a verb of the ``always`` classes
        beyond the ``top_speakers`` (on a large corpus hundreds of speakers
        are denied or doubted once): those with the most such statements,
        earlier classes of ``always`` first; the subtitle says how many
        were left out. ``None`` keeps them all.
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
    keep_classes = list(always)
    marked = pl.col("cue_class").is_in(keep_classes)
    all_speakers = frame["speaker"].n_unique()
    all_cells = frame.height
    rank = {c: i for i, c in enumerate(keep_classes)}
    speakers = (
        frame.group_by("speaker")
        .agg(
            pl.col("n").sum(),
            marked.any().alias("_marked"),
            pl.col("n").filter(marked).sum().alias("_n_marked"),
            pl.col("cue_class")
            .filter(marked)
            .replace_strict(rank, default=len(rank), return_dtype=pl.Int64)
            .min()
            .alias("_class"),
        )
        .sort(["n", "speaker"], descending=[True, False])
    )
    chosen = speakers.head(top_speakers)["speaker"].to_list()
    extra = [
        s
        for s in speakers.filter(pl.col("_marked"))
        .sort(["_class", "_n_marked", "speaker"], descending=[False, True, False])["speaker"]
        .to_list()
        if s not in chosen
    ]
    n_marked_left = 0
    if max_marked is not None and len(extra) > max_marked:
        n_marked_left = len(extra) - max_marked
        extra = extra[:max_marked]
    chosen += extra
    frame = frame.filter(pl.col("speaker").is_in(chosen))
    cues = (
        frame.group_by("speaker", "cue")
        .agg(pl.col("n").sum().alias("_t"), marked.any().alias("_marked"))
        .sort(["_t", "cue"], descending=[True, False])
        .with_columns(pl.int_range(pl.len()).over("speaker").alias("_i"))
        .filter((pl.col("_i") < top_cues) | pl.col("_marked"))
    )
    frame = frame.join(cues.select("speaker", "cue"), on=["speaker", "cue"], how="semi")
    frame = attach_evidence(frame, statements).with_columns(_rtl_column(frame, "cue", "verb"))
    frame = frame.with_columns(
        (
            pl.when(pl.col("share").is_not_null())
            .then(pl.format("{} · {}%", "n", (pl.col("share") * 100).round(0).cast(pl.Int64)))
            .otherwise(pl.col("n").cast(pl.String))
            if "share" in frame.columns
            else pl.col("n").cast(pl.String)
        ).alias("n_text")
    )
    subtitle = ["cells: statements · share of the speaker's verbs in that outlet"]
    if frame.height < all_cells:
        subtitle.append(
            f"shown: {len(chosen)} of {all_speakers} speakers, {frame.height} of {all_cells} "
            f"outlet-speaker-verb cells; every {' / '.join(keep_classes)} verb is kept"
            + (
                f" except those of {n_marked_left} speakers with fewer (see the table)"
                if n_marked_left
                else ""
            )
        )
    classes = sorted(set(frame["cue_class"].to_list()) | set(CUE_CLASS_COLORS))
    scale = alt.Scale(
        domain=classes, range=[CUE_CLASS_COLORS.get(c, OTHER_CLASS_COLOR) for c in classes]
    )
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
            "statement_ids",
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
        title=alt.Title("Reporting verbs by outlet and speaker", subtitle=subtitle),
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
    n_refs = frame["referent"].n_unique()
    n_cells = frame.height
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
        (
            pl.when(pl.col("share").is_not_null())
            .then(pl.format("{} · {}%", "n", (pl.col("share") * 100).round(0).cast(pl.Int64)))
            .otherwise(pl.col("n").cast(pl.String))
            if "share" in frame.columns
            else pl.col("n").cast(pl.String)
        ).alias("n_text"),
    )
    subtitle = ["cells: occurrences · share of the referent's mentions in that outlet"]
    if frame.height < n_cells:
        subtitle.append(
            f"shown: {frame['referent'].n_unique()} of {n_refs} referents, "
            f"{frame.height} of {n_cells} outlet-label cells"
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
            "statement_ids",
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
        color_scale=alt.Scale(
            domain=(conn := sorted(set(frame["connotation"].to_list()) | set(CONNOTATION_COLORS))),
            range=[CONNOTATION_COLORS.get(c, OTHER_CLASS_COLOR) for c in conn],
        ),
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
        title=alt.Title("Labels each outlet chose for the same referent", subtitle=subtitle),
        legend="connotation",
    )
    return _configure(chart) if configure else chart
