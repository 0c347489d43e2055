"""Words that differ: substitutions between aligned statements, distinguishing terms."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import polars as pl

from narratives.schemas import require
from narratives.viz._text import attach_evidence, clean, clean_columns, shorten
from narratives.viz._theme import configure as _configure
from narratives.viz._theme import outlet_scale
from narratives.viz.framing import _rtl_column


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
    frame = (
        frame.filter(pl.col("pair").is_in(pairs["pair"].implode()))
        .sort(
            ["pair", "rank", "n", "term_a", "term_b"], descending=[False, False, True, False, False]
        )
        .with_columns(pl.int_range(1, pl.len() + 1).over("pair").alias("rank"))
        .filter(pl.col("rank") <= top)
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
        *[c for c in ("statement_id_a", "statement_id_b") if c in frame.columns],
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
            *[c for c in ("statement_id_a", "statement_id_b") if c in rows.columns],
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
        .properties(
            title=alt.Title(
                "Word substitutions between aligned statements",
                subtitle=[]
                if frame.height
                else ["none: no aligned statements of two outlets differ by a choice of word"],
            )
        )
    )
    return _configure(chart) if configure else chart


def distinguishing_terms(
    distinguishing_terms: pl.DataFrame,
    *,
    statements: pl.DataFrame | None = None,
    top: int = 12,
    versus: str | None = "rest",
    outlets: Sequence[str] | None = None,
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
    outlets
        Every outlet of the corpus, so colours match the other charts.
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
        for c in (
            "outlet",
            "word",
            "z",
            "notable",
            "n_outlet",
            "n_versus",
            "evidence",
            "articles",
            "statement_ids",
        )
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
            color=alt.Color(
                "outlet:N",
                scale=outlet_scale(outlets or frame["outlet"].unique().to_list()),
                legend=None,
            ),
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
        .properties(
            title=alt.Title(
                "Words most typical of each outlet (vs the others)",
                subtitle=[]
                if frame.height
                else ["none: no word is markedly more frequent in one outlet than in the others"],
            )
        )
    )
    return _configure(chart) if configure else chart
