from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import narratives
from narratives.align import align, all_pairs, block_pairs, cluster_claims
from narratives.schemas import ALIGNMENTS, CLAIMS, SchemaError

ARABIC = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآ ،.0123456789")),
    max_size=80,
)


def frame(texts: list[str], outlets: list[str | None] | None = None, **extra) -> pl.DataFrame:
    n = len(texts)
    data = {
        "statement_id": [f"a{k:02d}:0" for k in range(n)],
        "article_id": [f"a{k:02d}" for k in range(n)],
        "outlet": outlets or [f"o{k}" for k in range(n)],
        "text": texts,
        **extra,
    }
    return pl.DataFrame(data, schema_overrides={"outlet": pl.String})


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    try:
        articles = narratives.read_corpus(seeds_dir)
        statements = narratives.extract_statements(articles)
    except (AttributeError, ImportError) as err:  # pragma: no cover - early in the project
        pytest.skip(f"statements stage not available yet: {err}")
    return articles, statements


# --- laws -----------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABIC, ARABIC)
def test_scores_are_symmetric_and_within_0_100(x, y):
    # the scores of any one pair (two articles sharing one short pair drop it: lone_margin)
    forward = align(frame([x, y]), threshold=0, blocking=all_pairs, lone_margin=None)
    backward = align(frame([y, x]), threshold=0, blocking=all_pairs, lone_margin=None)
    assert forward.height == backward.height == 1
    a, b = forward.row(0, named=True), backward.row(0, named=True)
    assert 0 <= a["score"] <= 100
    assert a["score"] == pytest.approx(b["score"])
    for name in ("ratio", "fuzzy", "tfidf", "words"):
        assert 0 <= a[name] <= 100
        assert a[name] == pytest.approx(b[name])


@settings(max_examples=60, deadline=None)
@given(ARABIC)
@example("0،0،0")  # a figure we cannot read as a number must still agree with itself
def test_statement_and_its_copy_score_100_verbatim(x):
    out = align(frame([x, x]), threshold=0, blocking=all_pairs)
    row = out.row(0, named=True)
    assert row["score"] == 100
    assert row["relation"] == "verbatim"


def test_output_conforms_to_alignments_schema_with_ordered_ids(seeds):
    _, statements = seeds
    out = align(statements, threshold=20, cross_outlet=False)
    assert out.height > 0
    assert list(out.schema.items())[: len(ALIGNMENTS)] == list(ALIGNMENTS.items())
    assert (out["statement_id_a"] < out["statement_id_b"]).all()
    assert (out["article_id_a"] != out["article_id_b"]).all()
    assert (
        out["relation"]
        .is_in(["verbatim", "near_verbatim", "paraphrase", "contradicts", "related"])
        .all()
    )


# --- wire copy and the seeds ----------------------------------------------------------


def test_every_statement_of_a_copied_article_aligns_verbatim_with_its_copy(seeds):
    _, statements = seeds
    original = statements.filter(pl.col("article_id").str.starts_with("002"))
    copy = original.with_columns(
        pl.col("statement_id").str.replace("^002", "copy"),
        pl.lit("copy_article").alias("article_id"),
        pl.lit("wire-copy").alias("outlet"),
    )
    out = align(pl.concat([statements, copy]))
    copies = out.filter(pl.col("article_id_b") == "copy_article")
    verbatim = copies.filter(pl.col("relation") == "verbatim")
    pairs = set(zip(verbatim["statement_id_a"], verbatim["statement_id_b"], strict=True))
    for sid in original["statement_id"]:
        assert (sid, sid.replace("002", "copy", 1)) in pairs


def test_rewritten_wire_copy_aligns_and_unrelated_news_does_not():
    texts = [
        "أكد وزير الخارجية الروسي سيرغي لافروف استعداد بلاده للتعاون مع الولايات المتحدة"
        " في مكافحة الإرهاب",
        "وأعلن لافروف أن روسيا مستعدة للتعاون مع الولايات المتحدة في مجال مكافحة الإرهاب",
        "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأمريكية",
    ]
    out = align(frame(texts), threshold=40)
    assert set(zip(out["statement_id_a"], out["statement_id_b"], strict=True)) == {
        ("a00:0", "a01:0")
    }


def test_hard_negatives_and_seed_figures_with_defaults(seeds, gold_path):
    articles, statements = seeds
    alignments = align(statements)
    claims = cluster_claims(statements, alignments)
    figures = narratives.evaluate(statements, claims=claims, gold=gold_path, articles=articles)
    assert figures["hard_negatives_aligned"] == 0
    assert figures["unsegmented_mentions"] == 0


# --- candidate generation --------------------------------------------------------------


def test_blocking_finds_what_all_pairs_finds_on_the_seeds(seeds):
    _, statements = seeds
    blocked = align(statements, threshold=30, cross_outlet=False)
    exhaustive = align(statements, threshold=30, cross_outlet=False, blocking=all_pairs)
    got = set(zip(blocked["statement_id_a"], blocked["statement_id_b"], strict=True))
    want = set(zip(exhaustive["statement_id_a"], exhaustive["statement_id_b"], strict=True))
    assert got == want


@pytest.mark.parametrize(
    ("cross_outlet", "expected"),
    [(True, {("a00:0", "a02:0"), ("a01:0", "a02:0")}), (False, None)],
)
def test_cross_outlet_switch(cross_outlet, expected):
    text = "دعا لافروف إلى توحيد جهود المجتمع الدولي في مكافحة الإرهاب الدولي"
    out = align(frame([text] * 3, outlets=["sana", "sana", "rt"]), cross_outlet=cross_outlet)
    pairs = set(zip(out["statement_id_a"], out["statement_id_b"], strict=True))
    assert pairs == (expected or {("a00:0", "a01:0"), ("a00:0", "a02:0"), ("a01:0", "a02:0")})


def test_date_window_keeps_pairs_close_in_time():
    text = "دعا لافروف إلى توحيد جهود المجتمع الدولي في مكافحة الإرهاب الدولي"
    days = [dt.date(2016, 4, 27), dt.date(2016, 4, 28), dt.date(2017, 4, 13)]
    out = align(frame([text] * 3, published=days), date_window=3)
    assert set(zip(out["statement_id_a"], out["statement_id_b"], strict=True)) == {
        ("a00:0", "a01:0")
    }


def test_block_pairs_is_sparse_on_unrelated_statements():
    from narratives.align._tfidf import tfidf, word_counts

    tokens = [[f"w{k}", f"w{k + 1}", f"x{k}"] for k in range(200)]
    i, j, _ = block_pairs(tfidf(word_counts(tokens)[0]), article=np.arange(200), top_k=5)
    assert len(i) < 200 * 5
    assert np.all(i < j)


def test_bad_input_names_the_problem():
    with pytest.raises(SchemaError, match="text"):
        align(pl.DataFrame({"statement_id": ["a"], "article_id": ["a"]}))
    dup = frame(["نص", "نص"]).with_columns(pl.lit("same:0").alias("statement_id"))
    with pytest.raises(ValueError, match="duplicate statement ids"):
        align(dup)


def test_embeddings_from_a_function_add_a_component():
    texts = ["دعا لافروف إلى توحيد الجهود", "دعا لافروف إلى توحيد الجهود الدولية"]
    out = align(frame(texts), embeddings=lambda t: np.ones((len(t), 4)), threshold=0)
    assert out["embedding"].to_list() == [100.0]


# --- claims --------------------------------------------------------------------------


def test_every_statement_gets_exactly_one_claim(seeds):
    _, statements = seeds
    claims = cluster_claims(statements, align(statements))
    assert list(claims.schema.items())[: len(CLAIMS)] == list(CLAIMS.items())
    assert claims.height == statements.height
    assert claims["statement_id"].n_unique() == statements.height
    sizes = claims.group_by("claim_id").agg(pl.len(), pl.col("claim_size").first())
    assert (sizes["len"] == sizes["claim_size"]).all()


def _clique_alignments(groups: list[list[str]], score: float, bridges: list[tuple[str, str]]):
    rows = [(a, b, score) for g in groups for k, a in enumerate(g) for b in g[k + 1 :]] + [
        (a, b, 55.0) for a, b in bridges
    ]
    return pl.DataFrame(rows, schema=["statement_id_a", "statement_id_b", "score"], orient="row")


def test_one_loose_pair_does_not_merge_two_claims():
    left = [f"l{k}:0" for k in range(4)]
    right = [f"r{k}:0" for k in range(4)]
    ids = left + right
    statements = pl.DataFrame(
        {"statement_id": ids, "article_id": [s[:2] for s in ids], "outlet": ids, "text": ids}
    )
    alignments = _clique_alignments([left, right], 90.0, bridges=[("l0:0", "r0:0")])
    claims = cluster_claims(statements, alignments, threshold=50)
    assert claims["claim_id"].n_unique() == 2
    assert sorted(claims["claim_size"].unique()) == [4]


def test_a_claim_reported_by_many_outlets_is_one_cluster():
    ids = [f"o{k}:0" for k in range(6)]
    statements = pl.DataFrame(
        {"statement_id": ids, "article_id": ids, "outlet": ids, "text": ["t"] * 6}
    )
    claims = cluster_claims(statements, _clique_alignments([ids], 80.0, []))
    assert claims["claim_id"].unique().to_list() == ["claim:o0:0"]
    assert claims["claim_outlets"].unique().to_list() == [6]


def test_cluster_rejects_alignments_of_unknown_statements():
    statements = frame(["a", "b"])
    bad = pl.DataFrame({"statement_id_a": ["a00:0"], "statement_id_b": ["zz:9"], "score": [90.0]})
    with pytest.raises(ValueError, match="zz:9"):
        cluster_claims(statements, bad)


# --- CLI -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_cli_writes_four_tables(tmp_path, seeds_dir, seeds, fmt):
    from narratives.cli import main

    result = CliRunner().invoke(
        main, ["align", str(seeds_dir), "--out", str(tmp_path), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    for name in ("articles", "statements", "alignments", "claims"):
        assert (tmp_path / f"{name}.{fmt}").exists()
    read = pl.read_parquet if fmt == "parquet" else pl.read_csv
    claims = read(tmp_path / f"claims.{fmt}")
    statements = read(tmp_path / f"statements.{fmt}")
    assert claims.height == statements.height


def test_cli_help_lists_options():
    from narratives.cli import main

    result = CliRunner().invoke(main, ["align", "--help"])
    assert result.exit_code == 0
    for flag in (
        "--threshold",
        "--scorer",
        "--same-outlet",
        "--date-window",
        "--format",
        "--link-threshold",
        "--no-links",
    ):
        assert flag in result.output


def test_cli_no_links_leaves_no_linked_pair(tmp_path, seeds_dir):
    from narratives.cli import main

    args = ["align", str(seeds_dir), "--out", str(tmp_path), "--threshold", "25"]
    result = CliRunner().invoke(main, [*args, "--no-links"])
    assert result.exit_code == 0, result.output
    alignments = pl.read_parquet(tmp_path / "alignments.parquet")
    assert alignments.height > 0
    assert not alignments["linked"].any()
    assert alignments["score"].min() >= 25


def test_a_headline_naming_the_body_speaker_is_contained_in_it() -> None:
    # 3alyoum's headline and al-Madina's body sentence (2015-08-06): the body's speaker
    # (قيادة القوات المشتركة) is masked from its content, the headline names it as content
    head = "القوات المشتركة: هبوط اضطراري لأباتشي في الطوال"
    body = (
        "أعلنت قيادة القوات المشتركة صباح أمس عن إجراء هبوط اضطراري لطائرة أباتشي تابعة "
        "للقوات البرية السعودية بعد تنفيذها لعمليات على الحد الجنوبي في منفذ الطوال السعودي"
    )
    rows = pl.DataFrame(
        {
            "statement_id": ["a:0", "b:1"],
            "article_id": ["a", "b"],
            "outlet": ["3alyoum", "almadina"],
            "text": [head, body],
            "speaker_mention": [None, "قيادة القوات المشتركة"],
        }
    )
    out = align(rows, threshold=0, link_threshold=None, blocking=all_pairs)
    assert out["containment"].to_list() == [100.0]
    # the speaker's words still count for nothing on the side contained
    swapped = rows.with_columns(pl.Series("speaker_mention", ["القوات المشتركة", None]))
    out = align(swapped, threshold=0, link_threshold=None, blocking=all_pairs)
    assert out["containment"].to_list() == [100.0]
    assert out["words"][0] < 50


# --- a headline contained in the body sentence of another outlet (same-event dev gold) ---

_GOLD_ARTICLES = Path(__file__).resolve().parents[1] / "data" / "gold" / "same_event_dev.jsonl"


def _gold_statements(*article_ids: str) -> pl.DataFrame:
    articles = narratives.read_corpus(_GOLD_ARTICLES)
    return narratives.extract_statements(articles.filter(pl.col("article_id").is_in(article_ids)))


@pytest.mark.parametrize(
    ("articles", "headline", "body"),
    [
        # القوات المشتركة: هبوط اضطراري لأباتشي في الطوال / Sabq's 30-word sentence on the
        # landing (42.1 on the mean of the components)
        (
            ("snn-2015-08-06-0055", "snn-2015-08-06-3174"),
            "snn-2015-08-06-0055:0",
            "snn-2015-08-06-3174:1",
        ),
        # الجبير: المملكة حريصة على تطوير علاقاتها مع إيران شرط ... / the minister's sentence
        # (46.2)
        (
            ("snn-2015-08-10-0568", "snn-2015-08-10-1119"),
            "snn-2015-08-10-0568:0",
            "snn-2015-08-10-1119:1",
        ),
        # الأسهم السعودية تغلق على انخفاض بنسبة 0.76% / the report's sentence with 0.76% (48.3)
        (
            ("snn-2015-07-26-0008", "snn-2015-07-26-0122"),
            "snn-2015-07-26-0122:0",
            "snn-2015-07-26-0008:1",
        ),
    ],
)
def test_a_headline_contained_in_a_body_sentence_aligns(articles, headline, body):
    st = _gold_statements(*articles)
    assert st.filter(pl.col("statement_id") == headline)["is_headline"].item()
    out = align(st)
    a, b = sorted((headline, body))
    row = out.filter((pl.col("statement_id_a") == a) & (pl.col("statement_id_b") == b))
    assert row.height == 1, out.select("statement_id_a", "statement_id_b", "score").rows()
    assert row["relation"].item() == "paraphrase"
    assert row["score"].item() >= 55
    assert not row["linked"].item()


def test_a_contained_headline_needs_articles_that_share_a_claim():
    # without the two body sentences that align with the other article's statements,
    # nothing ties the articles: the headline is not lifted
    st = _gold_statements("snn-2015-08-06-0055", "snn-2015-08-06-3174")
    assert align(st).filter(pl.col("statement_id_b") == "snn-2015-08-06-3174:1").height == 1
    alone = st.filter(
        ~pl.col("statement_id").is_in(["snn-2015-08-06-3174:5", "snn-2015-08-06-3174:6"])
    )
    assert align(alone).height == 0


def test_a_contained_headline_keeps_the_polarity_guard():
    st = _gold_statements("snn-2015-08-06-0055", "snn-2015-08-06-3174").with_columns(
        text=pl.when(pl.col("statement_id") == "snn-2015-08-06-0055:0")
        .then(pl.lit("القوات المشتركة: لا هبوط اضطراري لأباتشي في الطوال"))
        .otherwise(pl.col("text"))
    )
    out = align(st).filter(pl.col("statement_id_b") == "snn-2015-08-06-3174:1")
    assert out["relation"].to_list() in ([], ["related"], ["contradicts"])


def _said_elsewhere_reference(conflict, i, j, score, numbers, article):
    """The pair-by-pair loop aligner._said_elsewhere was, kept as the reference."""
    agree: dict = {}
    for k, c in enumerate(conflict):
        if c is None:
            for x, y in ((i[k], j[k]), (j[k], i[k])):
                agree.setdefault((int(x), int(article[y])), []).append((score[k], numbers[k]))
    out = list(conflict)
    for k, c in enumerate(conflict):
        if c is None or c.startswith("note:"):
            continue
        for x, y in ((i[k], j[k]), (j[k], i[k])):
            others = agree.get((int(x), int(article[y])), ())
            if any(s >= score[k] and (c != "figures" or (n == n and n > 0)) for s, n in others):
                out[k] = "note:" + c
                break
    return out


@pytest.mark.parametrize("seed", range(6))
def test_said_elsewhere_equals_the_pair_by_pair_rule(seed):
    # a conflict with one statement of an article that another statement of that article
    # agrees with (scoring as high; for figures, with a figure in common) is a note
    from narratives.align.aligner import _said_elsewhere

    rng = np.random.default_rng(seed)
    n, pairs = 60, 3000
    article = rng.integers(0, 12, n)
    i, j = rng.integers(0, n, pairs), rng.integers(0, n, pairs)
    score = np.round(rng.uniform(40, 100, pairs), 0)
    numbers = rng.choice([np.nan, 0.0, 0.5, 1.0], pairs)
    kinds = [None, None, None, "figures", "polarity", "roles", "note:figures"]
    conflict = [kinds[k] for k in rng.integers(0, len(kinds), pairs)]
    got = _said_elsewhere(conflict, i, j, score, numbers, article)
    expected = _said_elsewhere_reference(conflict, i, j, score, numbers, article)
    assert got == expected
    assert sum(c != e for c, e in zip(conflict, expected, strict=True)) > 10
    assert any(c == "figures" and g == "figures" for c, g in zip(conflict, got, strict=True))


# SaudiNewsNet: al-Yaum's cable to Niger (2015-08-02), Okaz's to Cote d'Ivoire (2015-08-07)
# and Okaz's to Niger (2015-08-03): one template sent to two countries on two days
_CABLE = (
    "وأعرب الملك المفدى باسمه واسم شعب وحكومة المملكة العربية السعودية عن أصدق التهاني "
    "وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب جمهورية {} الشقيق اطراد التقدم "
    "والازدهار."
)


@pytest.mark.parametrize(
    ("texts", "outlets", "expected"),
    [
        # Okaz also printed al-Yaum's cable: al-Yaum does not contradict Okaz
        (
            [_CABLE.format("النيجر"), _CABLE.format("كوت ديفوار"), _CABLE.format("النيجر")],
            ["alyaum", "okaz", "okaz"],
            None,
        ),
        # no outlet printed the other's version: still a contradiction to check
        (
            [_CABLE.format("النيجر"), _CABLE.format("كوت ديفوار")],
            ["alyaum", "okaz"],
            "roles",
        ),
    ],
)
def test_an_outlet_that_also_prints_the_other_version_does_not_contradict_it(
    texts, outlets, expected
):
    out = align(frame(texts, outlets), blocking=all_pairs)
    pair = out.filter(pl.col("statement_id_a") == "a00:0", pl.col("statement_id_b") == "a01:0")
    assert pair.height == 1
    if expected is None:
        assert pair["relation"][0] != "contradicts"
        assert pair["conflict"][0] == "note:roles"
    else:
        assert pair["relation"][0] == "contradicts"
        assert pair["conflict"][0] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # SaudiNewsNet 2015-08-03, sabq / aleqtisadiya: وألا written وأن لا
        (
            "واشترطت الكلية في المتقدم أن يكون سعودي الجنسية، وحاصلاً على درجة البكالوريوس في "
            'تخصص "الهندسة المدنية" من جامعة سعودية أو أي جامعة أخرى معترف بها، وألا يقل التقدير '
            'في البكالوريوس عن "جيد جداً"، مع حسن السيرة والسلوك، وألا يتجاوز العمر 30 سنة، مع '
            "الحصول على الدرجة المطلوبة في التوفل، أو STEP أو IELTS 0.",
            "وأن لا يقل التقدير في البكالوريوس عن جيد جدًا، مع حسن السيرة والسلوك، وأن لا يتجاوز "
            "العمر (30) سنة، مع الحصول على الدرجة المطلوبة في التوفل, أو STEP أو IELTS 0",
        ),
        # aljazirah / alriyadh: وبعدم with a preposition, وعدم without
        (
            "محذراً المصابين بمرض الربو من التعرض المباشر للغبار واتخاذ الإجراءات الوقائية "
            "اللازمة باستخدام الأدوية الوقائية والابتعاد قدر المستطاع عن المثيرات للحساسية "
            "وبعدم مغادرة المنزل وعدم التواجد في الأماكن المفتوحة في مثل هذه الأجواء إلا للضرورة",
            "وحذر المصابين بمرض الربو من التعرض المباشر للغبار واتخاذ الإجراءات الوقائية "
            "اللازمة باستخدام الأدوية الوقائية والابتعاد قدر المستطاع عن المثيرات للحساسية "
            "وعدم مغادرة المنزل وعدم التواجد في الأماكن المفتوحة في مثل هذه الأجواء إلاّ للضرورة",
        ),
        # sabq / okaz: لم يسعفه لا الوقت ولا = لم يسعفه الوقت و
        (
            "ليدرك في اللحظة الأخيرة أنه تخطى ممر الهبوط، وهنا لم يسعفه لا الوقت ولا سرعة "
            "الطائرة ليعاود الارتفاع فهبط فوق موقف السيارات.",
            "فتخطى ممر الهبوط، ومن ثم لم يسعفه الوقت وسرعة الطائرة لمعاودة الارتفاع فاضطر إلى "
            "الهبوط فوق موقف السيارات.",
        ),
    ],
    ids=["wa-alla", "wa-bi-adam", "la-wala"],
)
def test_one_negation_in_two_spellings_is_no_contradiction(a, b):
    out = narratives.similarity([a], [b])
    assert out["relation"][0] != "contradicts"
    assert out["conflict"][0] != "polarity"


# all of SaudiNewsNet: aawsat 2015-08-02:143:0 and alwatan 2015-08-06:1965:5, one
# congratulation template for two countries' independence days, four days apart
_NIGER = "خادم الحرمين الشريفين ونائبه يبعثان برقيتي تهنئة لرئيس النيجر بمناسبة استقلال بلاده"
_BURKINA = (
    "من جهة أخرى، بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، ونائبه الأمير محمد بن"
    " نايف، برقيتي تهنئة لرئيس بوركينا فاسو ميشيل كفاندو بمناسبة ذكرى استقلال بلاده."
)


def _cables(day_b: dt.date) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "statement_id": ["a:0", "b:5"],
            "article_id": ["a", "b"],
            "outlet": ["aawsat", "alwatan"],
            "published": [dt.date(2015, 8, 2), day_b],
            "text": [_NIGER, _BURKINA],
        }
    )


def test_a_conflict_between_two_days_reports_is_a_note_not_a_contradiction():
    apart = align(_cables(dt.date(2015, 8, 6)), threshold=40).row(0, named=True)
    assert apart["relation"] == "related", apart
    assert apart["conflict"] == "note:roles", apart
    # the same two sentences on one day still contradict (roles)
    same = align(_cables(dt.date(2015, 8, 2)), threshold=40).row(0, named=True)
    assert (same["relation"], same["conflict"]) == ("contradicts", "roles"), same


# --- one claim of a longer statement of another outlet (same-event dev gold) ---


@pytest.mark.parametrize(
    ("articles", "part", "whole"),
    [
        # بينما اختير كيفن فرند كحكم رابع. / the sentence naming the whole referee crew
        (
            ("snn-2015-08-06-0441", "snn-2015-08-06-1189"),
            "snn-2015-08-06-0441:3",
            "snn-2015-08-06-1189:2",
        ),
        # وبلغ عدد الأسهم المرتفعة للشركات 35 شركة، / the sentence giving the risers, the
        # fallers, the unchanged and the volume
        (
            ("snn-2015-07-27-0670", "snn-2015-07-27-1178"),
            "snn-2015-07-27-1178:6",
            "snn-2015-07-27-0670:3",
        ),
    ],
)
def test_one_claim_of_a_longer_statement_is_linked(articles, part, whole):
    st = _gold_statements(*articles)
    out = align(st)
    a, b = sorted((part, whole))
    row = out.filter((pl.col("statement_id_a") == a) & (pl.col("statement_id_b") == b))
    assert row.height == 1, out.select("statement_id_a", "statement_id_b", "score").rows()
    assert row["linked"].item() and row["score"].item() < 55
    # a figure of the part that the longer statement does not give: no part of it
    changed = st.with_columns(
        text=pl.when(pl.col("statement_id") == part)
        .then(pl.col("text").str.replace("35", "36").str.replace("فرند", "فرند 4"))
        .otherwise(pl.col("text"))
    )
    out = align(changed)
    assert out.filter((pl.col("statement_id_a") == a) & (pl.col("statement_id_b") == b)).height == 0


def test_two_statements_giving_the_same_figures_are_linked():
    # al-Yaum and al-Riyadh (2015-08-02): the public prosecution referred 41 accused; the
    # two leads say it in other words (47.4 before) and give the same figure
    second = Path(__file__).resolve().parents[1] / "data" / "gold" / "same_event_dev2.jsonl"
    articles = narratives.read_corpus(second).filter(
        pl.col("article_id").is_in(["snn-2015-08-02-0077", "snn-2015-08-02-1288"])
    )
    st = narratives.extract_statements(articles)
    a, b = "snn-2015-08-02-0077:1", "snn-2015-08-02-1288:1"
    out = align(st)
    row = out.filter((pl.col("statement_id_a") == a) & (pl.col("statement_id_b") == b))
    assert row.height == 1, out.select("statement_id_a", "statement_id_b", "score").rows()
    assert row["linked"].item() and row["number_overlap"].item() == 100
    # another figure on one side: two facts, no link
    changed = st.with_columns(
        text=pl.when(pl.col("statement_id") == a)
        .then(pl.col("text").str.replace("41", "14"))
        .otherwise(pl.col("text"))
    )
    out = align(changed)
    assert out.filter((pl.col("statement_id_a") == a) & (pl.col("statement_id_b") == b)).height == 0


# --- a statement that only names who said the sentence before it (third dev gold) ---

_THIRD_GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "same_event_dev3.jsonl"


def test_a_bare_attribution_aligns_with_no_claim_and_frees_the_right_pair():
    # aljazirah's «أوضح ذلك الأستاذ عبدالرحمن المحنّا مدير عام جمرك البطحاء» shares only the
    # office with alriyadh's «وعثر على الخمور ... وفق ما ذكره عبدالرحمن المحنّا مدير عام جمرك
    # البطحاء» (63.3 before) and took it from aljazirah's own sentence on the same search
    # («إذ تم إحباطها عند إجراء عملية الكشف والمعاينة ...», 50.9, no longer a mutual best)
    articles = narratives.read_corpus(_THIRD_GOLD).filter(
        pl.col("article_id").is_in(["snn-2015-08-04-0388", "snn-2015-08-04-0558"])
    )
    st = narratives.extract_statements(articles)
    fragment = "snn-2015-08-04-0388:5"
    assert st.filter(pl.col("statement_id") == fragment)["text"].item().startswith("أوضح ذلك")
    out = align(st)
    touching = out.filter(
        (pl.col("statement_id_a") == fragment) | (pl.col("statement_id_b") == fragment)
    )
    assert touching.height == 0, touching.select("statement_id_b", "score").rows()
    row = out.filter(
        (pl.col("statement_id_a") == "snn-2015-08-04-0388:3")
        & (pl.col("statement_id_b") == "snn-2015-08-04-0558:2")
    )
    assert row.height == 1, out.select("statement_id_a", "statement_id_b", "score").rows()


# --- the one pair of two articles, on a short statement (session 28) --------------------

# SaudiNewsNet 2015-07-22 + 08-04: two articles that share one short sentence and nothing
# else share a template of two events (two hospitals' Eid visits) or a fragment on
# common words, not a claim (18 of 20 such pairs read wrong).
LONE = {
    "two hospitals' Eid visits": (
        ("مستشفى الصحة النفسية يعايد المرضى", True),
        ("محافظ المذنب يعايد مرضى   المستشفى العام", True),
    ),
    "a fragment on common words": (
        ("إلا أن ذلك يحصل غالبا.", False),
        ("ولكن ذلك لم يحصل».", False),
    ),
}
# a sentence both articles also carry (the Eid visit's wire lede): the pair is not alone
SHARED = (
    "قام مدير الشؤون الصحية بزيارة المرضى المنومين في المستشفى وقدم لهم الهدايا بمناسبة عيد"
    " الفطر المبارك متمنيا لهم الشفاء العاجل"
)


def two_articles(a: tuple[str, bool], b: tuple[str, bool], *extra: str) -> pl.DataFrame:
    rows = [("x:0", "x", "alyaum", a[0], a[1]), ("y:0", "y", "alriyadh", b[0], b[1])]
    rows += [(f"x:{k + 1}", "x", "alyaum", t, False) for k, t in enumerate(extra)]
    rows += [(f"y:{k + 1}", "y", "alriyadh", t, False) for k, t in enumerate(extra)]
    return pl.DataFrame(
        rows,
        schema=["statement_id", "article_id", "outlet", "text", "is_headline"],
        orient="row",
    )


@pytest.mark.parametrize("case", sorted(LONE))
def test_the_one_short_pair_of_two_articles_is_no_claim(case: str) -> None:
    frame = two_articles(*LONE[case])
    before = align(frame, processes=1, lone_margin=None)
    assert before.select("statement_id_a", "statement_id_b").rows() == [("x:0", "y:0")]
    assert before["score"][0] < 65
    assert align(frame, processes=1).height == 0


def test_a_short_pair_of_two_articles_sharing_more_is_kept() -> None:
    frame = two_articles(*LONE["two hospitals' Eid visits"], SHARED)
    pairs = set(align(frame, processes=1).select("statement_id_a", "statement_id_b").rows())
    assert ("x:1", "y:1") in pairs
    assert ("x:0", "y:0") in pairs
