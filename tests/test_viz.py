"""Charts of the comparison tables: pure functions of tidy frames, Arabic-safe, inert text.

The frames are hand-made with the comparison schemas and statements taken from
the seed articles (plus one hostile statement with markup and a bidi override),
so the charts are tested independently of the pipeline; test_report.py runs
them on the real seed tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import altair as alt
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import narratives.viz as viz
from narratives import schemas as S
from narratives.schemas import SchemaError
from narratives.viz._embed import chart_block, safe_json
from narratives.viz._text import clean, shorten, wrap
from narratives.viz.side_by_side import word_diff

HOSTILE = "<script>alert(1)</script> \u202eمعكوس"

ST = [
    (
        "000_1bc6e33470cacd38:1",
        "000_1bc6e33470cacd38",
        "sana",
        "أكد وزير الخارجية الروسي سيرغي لافروف استحالة تسوية الأزمة في سورية دون توحيد "
        "جهود المجتمع الدولي في مواجهة التطرف والإرهاب",
    ),
    (
        "001_454dde020f160b0c:1",
        "001_454dde020f160b0c",
        "sana",
        "شدد وزير الخارجية الروسى سيرغى لافروف على ضرورة أن تكون مكافحة الإرهاب أولوية "
        "مطلقة لدى جميع الدول",
    ),
    (
        "002_c253744d7154f1cd:5",
        "002_c253744d7154f1cd",
        "rt-arabic",
        "ودعا شويغو إلى توحيد جهود المجتمع الدولي في مجال مكافحة الإرهاب " + HOSTILE,
    ),
    (
        "004_c08e0aaf86107938:2",
        "004_c08e0aaf86107938",
        "al-ittihad",
        "أعلن وزير الخارجية الروسي، سيرجي لافروف أن الجانبين أكدا عزمهما محاربة الإرهاب "
        "الدولي بلا تنازلات",
    ),
]

CLAIMS = [
    ("unite", "توحيد جهود المجتمع الدولي في مواجهة التطرف والإرهاب",
     {"sana": "paraphrase", "rt-arabic": "near_verbatim", "al-ittihad": "absent"}),
    ("minsk", "ضرورة تنفيذ اتفاقات مينسك بشكل كامل",
     {"sana": "verbatim", "rt-arabic": "absent", "al-ittihad": "verbatim"}),
    ("tillerson", "تيلرسون: مستوى الثقة بين البلدين متدن",
     {"sana": "absent", "rt-arabic": "absent", "al-ittihad": "sole"}),
    ("hostile", HOSTILE, {"sana": "absent", "rt-arabic": "sole", "al-ittihad": "absent"}),
]  # fmt: skip


def statements() -> pl.DataFrame:
    return pl.DataFrame(
        [dict(zip(("statement_id", "article_id", "outlet", "text"), r, strict=True)) for r in ST]
    )


def alignments() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "statement_id_a": [ST[0][0], ST[1][0]],
            "statement_id_b": [ST[2][0], ST[3][0]],
            "article_id_a": [ST[0][1], ST[1][1]],
            "article_id_b": [ST[2][1], ST[3][1]],
            "outlet_a": ["sana", "sana"],
            "outlet_b": ["rt-arabic", "al-ittihad"],
            "score": [81.0, 64.0],
            "relation": ["near_verbatim", "paraphrase"],
        }
    )


def coverage() -> pl.DataFrame:
    rows = []
    for cid, rep, carried in CLAIMS:
        n_out = sum(v != "absent" for v in carried.values())
        for outlet, status in carried.items():
            sid = ST[2][0] if cid == "hostile" else ST[0][0]
            rows.append(
                {
                    "claim_id": cid,
                    "outlet": outlet,
                    "status": status,
                    "status_rank": S.COVERAGE_STATUSES.index(status),
                    "n_statements": 0 if status == "absent" else 1,
                    "claim_outlets": n_out,
                    "representative": rep,
                    "statement_ids": [] if status == "absent" else [sid],
                }
            )
    return S.conform(pl.DataFrame(rows), S.COVERAGE)


def omission_rates() -> pl.DataFrame:
    rows = [("rt-arabic", "sana", 2, 4), ("al-ittihad", "sana", 1, 4), ("sana", "rt-arabic", 0, 1)]
    return S.conform(
        pl.DataFrame(
            {
                "outlet": [r[0] for r in rows],
                "other": [r[1] for r in rows],
                "n_claims": [r[3] for r in rows],
                "n_omitted": [r[2] for r in rows],
                "rate": [r[2] / r[3] for r in rows],
                "ci_low": [0.0, 0.0, 0.0],
                "ci_high": [0.9, 0.7, 0.5],
                "level": [0.95] * 3,
                "claim_ids": [["minsk", "tillerson"], ["hostile"], []],
            }
        ),
        S.OMISSION_RATES,
    )


def emphasis_outlets() -> pl.DataFrame:
    return S.conform(
        pl.DataFrame(
            {
                "outlet": ["sana", "rt-arabic", "al-ittihad"],
                "n_claims": [6, 3, 4],
                "headline_share": [0.33, 0.0, 0.5],
                "lede_share": [0.5, 0.33, 0.75],
                "relative_position": [0.3, 0.55, 0.2],
                "word_share": [0.12, 0.08, 0.1],
                "direct_quote_share": [0.6, 0.3, 0.2],
            }
        ),
        S.EMPHASIS_OUTLETS,
    )


def emphasis_claims() -> pl.DataFrame:
    rows = []
    for i, (cid, rep, carried) in enumerate(CLAIMS):
        outlets = [o for o, s in carried.items() if s != "absent"]
        for j, outlet in enumerate(outlets):
            rows.append(
                {
                    "claim_id": cid,
                    "outlet": outlet,
                    "claim_outlets": len(outlets),
                    "in_headline": i == j,
                    "relative_position": (i + j) / 10,
                    "word_share": 0.1,
                    "representative": rep,
                    "statement_ids": [ST[j][0]],
                }
            )
    return S.conform(pl.DataFrame(rows), S.EMPHASIS_CLAIMS)


def reporting_verbs() -> pl.DataFrame:
    rows = [
        ("sana", "kerry", "زعم", "distancing", 2),
        ("sana", "lavrov", "أكد", "assertive", 5),
        ("rt-arabic", "lavrov", "قال", "neutral", 4),
        ("al-ittihad", None, "أفاد", "neutral", 1),
    ]
    return S.conform(
        pl.DataFrame(
            {
                "outlet": [r[0] for r in rows],
                "speaker": [r[1] for r in rows],
                "cue": [r[2] for r in rows],
                "cue_class": [r[3] for r in rows],
                "n": [r[4] for r in rows],
                "share": [1.0] * 4,
                "statement_ids": [[ST[0][0]]] * 4,
            }
        ),
        S.REPORTING_VERBS,
    )


def labels() -> pl.DataFrame:
    rows = [
        ("isis", "داعش", "neutral", "sana", 3),
        ("isis", "الدولة الإسلامية", "self_name", "al-ittihad", 1),
        ("armed-groups", "الإرهابيين", "pejorative", "sana", 4),
        ("armed-groups", HOSTILE, "neutral", "rt-arabic", 1),
    ]
    return S.conform(
        pl.DataFrame(
            {
                "referent": [r[0] for r in rows],
                "label": [r[1] for r in rows],
                "connotation": [r[2] for r in rows],
                "outlet": [r[3] for r in rows],
                "n": [r[4] for r in rows],
                "forms": [[r[1]] for r in rows],
                "statement_ids": [[ST[2][0]]] * 4,
            }
        ),
        S.LABELS,
    )


def substitutions() -> pl.DataFrame:
    rows = [
        ("rt-arabic", "sana", "سوريا", "سوريه", 3, 1),
        ("al-ittihad", "sana", "محاربه", "مكافحه", 2, 1),
        ("al-ittihad", "sana", "<script>", "التطرف", 1, 2),
    ]
    return S.conform(
        pl.DataFrame(
            {
                "outlet_a": [r[0] for r in rows],
                "outlet_b": [r[1] for r in rows],
                "term_a": [r[2] for r in rows],
                "term_b": [r[3] for r in rows],
                "n": [r[4] for r in rows],
                "rank": [r[5] for r in rows],
                "example_a": [ST[2][3]] * 3,
                "example_b": [ST[0][3]] * 3,
            }
        ),
        S.SUBSTITUTIONS,
    )


def distinguishing_terms() -> pl.DataFrame:
    terms = {"sana": ["سوريه", "الارهاب", "التطرف"], "rt-arabic": ["سوريا", "شويغو", "<b>"]}
    rows = [
        {"outlet": o, "versus": "rest", "term": t, "n_outlet": 9 - i, "n_versus": i,
         "z": 3.0 - i, "rank": i + 1, "statement_ids": [ST[0][0]]}
        for o, ts in terms.items()
        for i, t in enumerate(ts)
    ]  # fmt: skip
    return S.conform(pl.DataFrame(rows), S.DISTINGUISHING_TERMS)


CHARTS: dict[str, Callable[[], alt.TopLevelMixin]] = {
    "coverage_heatmap": lambda: viz.coverage_heatmap(coverage(), statements=statements()),
    "omission_bars": lambda: viz.omission_bars(omission_rates()),
    "emphasis_by_outlet": lambda: viz.emphasis_by_outlet(emphasis_outlets()),
    "emphasis_by_claim": lambda: viz.emphasis_by_claim(
        emphasis_claims(), statements=statements(), min_outlets=1
    ),
    "reporting_verbs": lambda: viz.reporting_verbs(reporting_verbs(), statements=statements()),
    "label_choices": lambda: viz.label_choices(labels(), statements=statements()),
    "substitution_table": lambda: viz.substitution_table(substitutions()),
    "distinguishing_terms": lambda: viz.distinguishing_terms(distinguishing_terms()),
}


def spec_text(chart: alt.TopLevelMixin) -> str:
    return json.dumps(chart.to_dict(), ensure_ascii=False)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_is_a_valid_vega_lite_spec_with_a_title(name: str) -> None:
    spec = CHARTS[name]().to_dict()  # validates against the Vega-Lite schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec.get("title"), f"{name} has no title"
    assert "Noto Sans Arabic" in spec["config"]["font"]


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_strips_bidi_overrides_and_keeps_markup_as_data(name: str) -> None:
    text = spec_text(CHARTS[name]())
    assert "\u202e" not in text
    for ch in "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069":
        assert ch not in text


@pytest.mark.parametrize("name", ["coverage_heatmap", "reporting_verbs", "label_choices"])
def test_charts_render_arabic_as_text(name: str, tmp_path: Path) -> None:
    path = viz.save(CHARTS[name](), tmp_path / f"{name}.svg")
    svg = path.read_text(encoding="utf-8")
    assert re.search(r"[\u0600-\u06ff]{3,}", svg), "no Arabic word in the rendered chart"
    assert "<script" not in svg.replace("&lt;script", "")


@pytest.mark.parametrize("name", ["coverage_heatmap", "emphasis_by_claim"])
def test_tooltips_show_statement_outlet_and_article(name: str) -> None:
    chart = CHARTS[name]()
    fields = {t["field"] for t in _tooltips(chart.to_dict())}
    assert {"outlet", "articles" if name != "side_by_side" else "article"} <= fields
    assert {"evidence", "statement"} & fields
    spec = spec_text(chart)
    assert "000_1bc6e33470cacd38" in spec  # the article id is shown
    assert "لافروف" in spec  # and the statement text


def _tooltips(node: object) -> list[dict[str, str]]:
    if isinstance(node, dict):
        found = list(node["tooltip"]) if isinstance(node.get("tooltip"), list) else []
        return found + [t for v in node.values() for t in _tooltips(v)]
    if isinstance(node, list):
        return [t for v in node for t in _tooltips(v)]
    return []


def test_coverage_heatmap_shows_top_claims_and_every_status_colour() -> None:
    spec = viz.coverage_heatmap(coverage(), top=2).to_dict()
    rows = {r["claim_id"] for r in spec["datasets"][next(iter(spec["datasets"]))]}
    assert rows == {"unite", "minsk"}  # the claims carried by the most outlets
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == [*S.COVERAGE_STATUSES, "not sure"]


def test_a_related_cell_without_a_statement_is_shown_as_not_sure() -> None:
    # SaudiNewsNet 2015-07-25: almadina covered Turkey's strikes on ISIS, the omission rule
    # listed no one as leaving out Davutoglu's «سنتخذ جميع الاجراءات اللازمة لحماية حدودنا»,
    # and the coverage table said "related" (in other words) with no statement: almadina
    # does not carry it. A cell without evidence is not shown as carried.
    cov = pl.DataFrame(
        {
            "claim_id": ["c1"] * 3,
            "outlet": ["alriyadh", "okaz", "almadina"],
            "status": ["near_verbatim", "near_verbatim", "related"],
            "claim_outlets": [2, 2, 2],
            "n_statements": [1, 1, 0],
            "representative": ["لكننا سنتخذ جميع الاجراءات اللازمة لحماية حدودنا"] * 3,
            "statement_ids": [["a:1"], ["b:1"], []],
        }
    )
    spec = viz.coverage_heatmap(cov).to_dict()
    rows = spec["datasets"][next(iter(spec["datasets"]))]
    assert {r["outlet"]: r["status"] for r in rows}["almadina"] == "not sure"
    assert spec["encoding"]["color"]["scale"]["domain"][-1] == "not sure"


def test_missing_column_is_a_clear_schema_error() -> None:
    with pytest.raises(SchemaError, match=r"coverage_heatmap.*'status'"):
        viz.coverage_heatmap(coverage().drop("status"))


@pytest.mark.parametrize(
    ("function", "schema"),
    [
        (viz.coverage_heatmap, S.COVERAGE),
        (viz.omission_bars, S.OMISSION_RATES),
        (viz.emphasis_by_outlet, S.EMPHASIS_OUTLETS),
        (viz.emphasis_by_claim, S.EMPHASIS_CLAIMS),
        (viz.reporting_verbs, S.REPORTING_VERBS),
        (viz.label_choices, S.LABELS),
        (viz.substitution_table, S.SUBSTITUTIONS),
        (viz.distinguishing_terms, S.DISTINGUISHING_TERMS),
    ],
)
def test_empty_tables_give_an_empty_chart_not_an_error(
    function: Callable[..., alt.TopLevelMixin], schema: pl.Schema
) -> None:
    assert function(pl.DataFrame(schema=schema)).to_dict()


def test_side_by_side_highlights_the_swapped_reporting_verb() -> None:
    a, b = word_diff("وزعم كيري أن التحالف شرعي", "وقال كيري أن التحالف شرعي")
    assert [w for w, changed in a if changed] == ["وزعم"]
    assert [w for w, changed in b if changed] == ["وقال"]


def test_side_by_side_treats_spelling_variants_as_the_same_word() -> None:
    a, b = word_diff("الأزمة في سورية", "الازمه في سوريه")
    assert not any(changed for _, changed in a + b)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["لافروف", "أكد", "سورية", "<b>", "x1", "\u202e", "٣"]), max_size=12)
)
def test_a_statement_compared_with_itself_has_no_highlighted_word(words: list[str]) -> None:
    text = " ".join(words)
    a, b = word_diff(text, text)
    assert not any(changed for _, changed in a + b)
    assert [w for w, _ in a] == clean(text).split()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ابتلمنسكي \u202e<>", max_size=120), st.integers(5, 40))
def test_labels_are_cut_between_words_never_inside_one(text: str, width: int) -> None:
    words = set(clean(text).split())
    for piece in [shorten(text, width), *wrap(text, width)]:
        assert "\u202e" not in piece
        for word in piece.replace("…", " ").split():
            assert word in words


def test_untrusted_text_cannot_close_the_chart_script_block() -> None:
    block = chart_block({"data": {"values": [{"t": "</script><script>alert(1)</script>"}]}}, "c1")
    assert block.count("<script") == 1 and block.count("</script>") == 1
    assert "alert(1)" in block  # still there, as inert JSON data
    assert json.loads(safe_json("</script>\u2028")) == "</script>\u2028"


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".html"])
def test_save_writes_static_files_for_papers(suffix: str, tmp_path: Path) -> None:
    path = viz.save(CHARTS["omission_bars"](), tmp_path / f"chart{suffix}")
    data = path.read_bytes()
    assert len(data) > 1000
    if suffix == ".png":
        assert data.startswith(b"\x89PNG")
    if suffix == ".html":
        page = data.decode("utf-8")
        assert not re.search(r"<script[^>]+src=", page)  # the Vega code is inlined


def test_save_rejects_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png, \.svg"):
        viz.save(CHARTS["omission_bars"](), tmp_path / "chart.gif")


def test_table_escapes_markup_and_marks_arabic_cells_rtl() -> None:
    html = viz.table(statements(), max_rows=3)._repr_html_()
    assert 'dir="rtl"' in html
    assert "3 of 4 rows" in html
    hostile = viz.table(pl.DataFrame({"text": [HOSTILE]}))._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile and "\u202e" not in hostile


def test_charts_combine_when_left_unconfigured() -> None:
    left = viz.omission_bars(omission_rates(), configure=False)
    right = viz.coverage_heatmap(coverage(), configure=False)
    combined = viz.configure(alt.hconcat(left, right))
    assert "config" in combined.to_dict()


def test_table_names_a_missing_column() -> None:
    with pytest.raises(ValueError, match="speaker"):
        viz.table(statements(), columns=["text", "speaker"])


def test_side_by_side_keeps_every_space_and_leaves_punctuation_to_the_browser() -> None:
    st = pl.DataFrame(
        {
            "statement_id": ["a:1", "b:1"],
            "article_id": ["a", "b"],
            "outlet": ["sana", "rt-arabic"],
            "text": ["أكد السبت الحكومة في الأمم المتحدة.", "قال السبت الحكومة في الأمم المتحدة."],
        }
    )
    al = (
        alignments()
        .head(1)
        .with_columns(pl.lit("a:1").alias("statement_id_a"), pl.lit("b:1").alias("statement_id_b"))
    )
    page = viz.side_by_side(al, st)._repr_html_()
    assert "السبت الحكومة" in page  # the space between words is kept
    assert "الأمم المتحدة." in page  # punctuation stays with its word, in logical order
    assert 'dir="rtl"' in page and '<span class="chg">أكد</span>' in page


def test_side_by_side_shows_preferred_pairs_first_and_skips_identical_ones() -> None:
    st = statements()
    al = alignments()
    chosen = viz.side_by_side(al, st, prefer={(ST[1][0], ST[3][0]): "a discrepancy"})
    assert chosen.pairs[0]["statement_id_a"] == ST[1][0]
    assert chosen.pairs[0]["why"] == "a discrepancy"
    same = st.with_columns(pl.lit("نص واحد").alias("text"))
    empty = viz.side_by_side(al, same)
    assert not empty.pairs and "No aligned pair" in empty._repr_html_()
    assert HOSTILE.split()[0] not in viz.side_by_side(al, st)._repr_html_()


def test_outlet_colours_are_stable_and_never_category_colours() -> None:
    from narratives.viz._theme import RELATION_COLORS, outlet_colors
    from narratives.viz.framing import CONNOTATION_COLORS, CUE_CLASS_COLORS

    outlets = [f"outlet{i:02d}" for i in range(20)]
    colours = outlet_colors(outlets)
    assert len(set(colours.values())) == 20
    assert outlet_colors(reversed(outlets)) == colours  # order of appearance does not matter
    categories = {*RELATION_COLORS, *CUE_CLASS_COLORS.values(), *CONNOTATION_COLORS.values()}
    assert not categories & set(colours.values())
    # the same outlet has the same colour in every chart that colours outlets
    names = ["sana", "rt-arabic", "al-ittihad"]
    for chart in (
        viz.omission_bars(omission_rates(), outlets=names),
        viz.emphasis_by_outlet(emphasis_outlets(), outlets=names),
        viz.distinguishing_terms(distinguishing_terms(), outlets=names),
    ):
        scales = re.findall(r'"domain": \[([^\]]*)\], "range": \[([^\]]*)\]', spec_text(chart))
        assert any('"sana"' in d for d, _ in scales)
        for domain, rng in scales:
            if '"sana"' in domain:
                mapping = dict(zip(json.loads(f"[{domain}]"), json.loads(f"[{rng}]"), strict=True))
                assert mapping["sana"] == colours_for(names)["sana"]


def colours_for(names: list[str]) -> dict[str, str]:
    from narratives.viz._theme import outlet_colors

    return outlet_colors(names)


def test_reporting_verbs_never_cut_a_distancing_verb_and_say_what_was_cut() -> None:
    rows = reporting_verbs()
    many = pl.concat(
        [
            rows,
            S.conform(
                pl.DataFrame(
                    {
                        "outlet": ["sana"] * 8,
                        "speaker": [f"speaker{i}" for i in range(8)],
                        "cue": ["قال"] * 8,
                        "cue_class": ["neutral"] * 8,
                        "n": [50] * 8,
                        "share": [1.0] * 8,
                        "statement_ids": [[ST[0][0]]] * 8,
                    }
                ),
                S.REPORTING_VERBS,
            ),
        ]
    )
    text = spec_text(viz.reporting_verbs(many, top_speakers=3))
    assert "kerry" in text and "زعم" in text  # rarest speaker, but a distancing verb
    assert "shown: 4 of" in text  # the subtitle says what was cut


def test_reporting_verbs_cap_the_speakers_kept_for_a_denial_and_keep_distancing_first() -> None:
    rows = reporting_verbs()
    denied = S.conform(
        pl.DataFrame(
            {
                "outlet": ["sana"] * 20,
                "speaker": [f"denier{i:02d}" for i in range(20)],
                "cue": ["نفى"] * 20,
                "cue_class": ["denial"] * 20,
                "n": [5] * 20,  # each denies more often than kerry doubts
                "share": [1.0] * 20,
                "statement_ids": [[ST[0][0]]] * 20,
            }
        ),
        S.REPORTING_VERBS,
    )
    many = pl.concat([rows, denied])
    chart = viz.reporting_verbs(many, top_speakers=1, max_marked=3)
    data = next(iter(chart.to_dict()["datasets"].values()))
    speakers = {r["speaker"] for r in data}
    assert "kerry" in speakers  # a distancing verb ranks before any denial
    assert len(speakers - {"kerry"}) <= 3
    assert "speakers with fewer (see the table)" in spec_text(chart)
    uncapped = viz.reporting_verbs(many, top_speakers=1)
    assert len({r["speaker"] for r in next(iter(uncapped.to_dict()["datasets"].values()))}) > 20


def test_omission_bars_draw_an_interval_for_every_rate_and_mark_small_samples() -> None:
    one = omission_rates().with_columns(
        pl.lit(1, pl.Int64).alias("n_claims"), pl.lit(1, pl.Int64).alias("n_omitted"),
        pl.lit(1.0).alias("rate"),
        pl.lit(1.0).alias("ci_low"), pl.lit(1.0).alias("ci_high"),
    )  # fmt: skip
    spec = viz.omission_bars(one).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert all(r["ci_low"] < 0.5 and r["ci_high"] == 1.0 for r in rows)  # Wilson, not 1..1
    assert all(r["small"] and "small sample" in r["count"] for r in rows)


EMPTY: dict[str, Callable[[], alt.TopLevelMixin]] = {
    "coverage_heatmap": lambda: viz.coverage_heatmap(coverage(), min_outlets=9),
    "omission_bars": lambda: viz.omission_bars(omission_rates().clear()),
    "emphasis_by_outlet": lambda: viz.emphasis_by_outlet(emphasis_outlets().clear()),
    "substitution_table": lambda: viz.substitution_table(substitutions().clear()),
    "distinguishing_terms": lambda: viz.distinguishing_terms(distinguishing_terms().clear()),
}


@pytest.mark.parametrize("name", sorted(EMPTY))
def test_an_empty_chart_says_why_it_is_empty(name: str) -> None:
    spec = EMPTY[name]().to_dict()
    assert not any(spec.get("datasets", {}).values())  # nothing to draw
    subtitle = spec["title"]["subtitle"]
    lines = [subtitle] if isinstance(subtitle, str) else subtitle
    assert any(line.startswith(("none:", "no ")) for line in lines), lines


@pytest.mark.parametrize("name", ["coverage_heatmap", "emphasis_by_claim"])
def test_a_claim_text_is_stored_once_not_in_every_outlet_cell(name: str) -> None:
    spec = CHARTS[name]().to_dict()
    rows = [r for rows in spec["datasets"].values() for r in rows]
    texts = [r["claim_text"] for r in rows if "claim_text" in r]
    assert texts and len(texts) == len(set(texts))  # one row per claim
    marks = [r for r in rows if "outlet" in r]
    assert len(marks) > len(texts)  # several outlets per claim: the text is shared
    assert {"claim_id"} <= set(marks[0]) and "claim_text" not in marks[0]
    tooltip = json.dumps(spec["encoding"]["tooltip"])
    assert '"claim_text"' in tooltip  # the tooltip still shows it, through the lookup


def test_a_not_sure_cell_quotes_the_outlets_closest_statement() -> None:
    # SaudiNewsNet 2015-07-23: almadina and alyaum say the price liberalization covers
    # gasoline and diesel; okaz has no statement aligned with it, but the omission rule
    # judged it carried in other words (its closest statement holds 55 % of the claim's
    # words): the cell now quotes okaz's sentence and its score for the reader to check
    statements = pl.DataFrame(
        {
            "statement_id": ["2015-07-23:544:2", "2015-07-23:1016:2", "2015-07-23:1148:1"],
            "article_id": ["2015-07-23:544", "2015-07-23:1016", "2015-07-23:1148"],
            "text": [
                "موضحة أن قرار تحرير الأسعار يشمل مادتي الجازولين والديزل.",
                "وأوضحت الوزارة أن قرار تحرير الأسعار سيشمل مادتي الجازولين والديزل،",
                "تتجه دولة الإمارات العربية المتحدة إلى تحرير أسعار الجازولين (البنزين) "
                "ووقود الديزل المحلية بداية من أول أغسطس المقبل.",
            ],
        }
    )
    cov = pl.DataFrame(
        {
            "claim_id": ["c1"] * 3,
            "outlet": ["almadina", "alyaum", "okaz"],
            "status": ["near_verbatim", "near_verbatim", "related"],
            "claim_outlets": [2, 2, 2],
            "n_statements": [1, 1, 0],
            "representative": [statements["text"][1]] * 3,
            "statement_ids": [["2015-07-23:544:2"], ["2015-07-23:1016:2"], []],
            "closest_statement_id": [None, None, "2015-07-23:1148:1"],
            "closest_score": [None, None, 47.69],
        }
    )
    spec = viz.coverage_heatmap(cov, statements=statements).to_dict()
    rows = {r["outlet"]: r for r in spec["datasets"][next(iter(spec["datasets"]))]}
    okaz = rows["okaz"]
    assert okaz["status"] == "not sure"
    assert okaz["closest"] == "closest sentence in this outlet's article, score 48: read it"
    assert okaz["evidence"].startswith("تتجه دولة الإمارات")
    assert okaz["closest_statement_id"] == "2015-07-23:1148:1"
    assert rows["alyaum"]["closest"] is None  # a cell with its own statement quotes it
    assert rows["alyaum"]["evidence"].startswith("وأوضحت الوزارة")
