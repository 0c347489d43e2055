"""Distinguishing terms are words of the news, as written (issue 11, point 6)."""

from __future__ import annotations

import polars as pl
import pytest

from narratives.compare import distinguishing_terms


def _statements() -> pl.DataFrame:
    rows = []
    places = ["صباحا", "ليلا", "مجددا", "بعنف", "أمس", "فجرا"]
    for k, when in enumerate(places):
        rows += [
            (
                f"a{k}:1",
                f"a{k}",
                "aawsat",
                f"وقالت صحيفة الشرق الأوسط إن الميليشيات الحوثية من قصفت عدن {when}",
            ),
            (f"a{k}:2", f"a{k}", "aawsat", "للاشتراك في خدمة الأخبار العاجلة أرسل رسالة"),
            (f"b{k}:1", f"b{k}", "alriyadh", f"وقال المتحدث إن الانقلابيين من قصفوا عدن {when}"),
        ]
    return pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")


def test_no_function_words_letters_own_names_or_furniture() -> None:
    terms = distinguishing_terms(_statements(), min_count=1, top_n=20, min_z=0, scope="all")
    shown = set(terms["term"])
    assert not shown & {"من", "إن", "ان", "الشرق", "الأوسط", "صحيفة", "للاشتراك", "العاجلة"}
    assert all(len(t) > 1 for t in shown)


def test_terms_are_shown_as_written() -> None:
    terms = distinguishing_terms(_statements(), min_count=1, top_n=20, min_z=0, scope="all")
    aawsat = terms.filter((pl.col("outlet") == "aawsat") & (pl.col("z") > 0))
    assert "الحوثية" in set(aawsat["term"])  # not the match-normalized الحوثيه
    assert "الحوثية" in set(aawsat["term_key"])  # counted with its ة (not «الحوثيه» "his ...")


def test_default_scope_is_shared_claims() -> None:
    st = _statements()
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c1"],
            "statement_id": ["a0:1", "b0:1"],
            "outlet": ["aawsat", "alriyadh"],
        }
    )
    terms = distinguishing_terms(st, claims=claims, min_count=1, top_n=20, min_z=0)
    ids = {i for ids in terms["statement_ids"].to_list() if ids for i in ids}
    assert ids <= {"a0:1", "b0:1"}
    everything = distinguishing_terms(
        st, claims=claims, min_count=1, top_n=20, min_z=0, scope="all"
    )
    assert {i for ids in everything["statement_ids"].to_list() if ids for i in ids} > ids


def test_quantifiers_are_no_distinguishing_terms() -> None:
    # SaudiNewsNet 2015-07-22/23: aawsat's «جميع» (z -3.6) and sabq's «بحق» (4.5) were rows
    st = pl.DataFrame(
        [
            (f"{o}{k}:1", f"{o}{k}", o, f"{w} الموظفين تبادلوا التهاني بحق {k}")
            for k in range(6)
            for o, w in (("a", "جميع"), ("b", "كافة"))
        ],
        schema=["statement_id", "article_id", "outlet", "text"],
        orient="row",
    ).with_columns(outlet=pl.col("outlet").replace({"a": "aawsat", "b": "sabq"}))
    terms = distinguishing_terms(st, min_count=1, top_n=20, min_z=0, scope="all")
    assert not set(terms["term"]) & {"جميع", "كافة", "بحق"}


# SaudiNewsNet 2015-08-07/08 (audit of issue 11): aawsat's «الأميركية» and «عبد», almadina's
# «المئة» came out as distinguishing terms; they are spellings and numbers, not words chosen
_SPELLINGS = [
    (  # 2015-08-07:110:1 / alyaum: oil near its lows, «الأميركية» / «الأمريكية»
        "aawsat",
        "رغم معدلات التكرير القياسية للمصافي الأميركية وغياب أي مؤشرات لخفض الإنتاج",
        "alyaum",
        "رغم معدلات التكرير القياسية للمصافي الأمريكية وغياب أي مؤشرات لخفض الإنتاج",
    ),
    (  # 2015-08-08:110:5 / aljazirah: the UN sanctions list, «عبد الملك» / «عبدالملك»
        "aawsat",
        "وزعيم التمرد عبد الملك الحوثي وقائدين حوثيين آخرين هما عبد الله يحيى الحكيم وعبد الخالق"
        " الحوثي، ضد الرئيس عبد ربه منصور هادي",
        "aljazirah",
        "وزعيم التمرد عبدالملك الحوثي وقائدين حوثيين آخرين هما عبدالله يحيى الحكيم وعبدالخالق"
        " الحوثي، ضد الرئيس عبدربه منصور هادي",
    ),
    (  # gold in almadina's and aawsat's copy: «في المائة» / «في المئة»
        "almadina",
        "وارتفع سعر الذهب في المعاملات الفورية 0.3 في المائة إلى 1092.10 دولار للأوقية",
        "aawsat",
        "وارتفع سعر الذهب في المعاملات الفورية 0.3 في المئة إلى 1092.10 دولار للأوقية",
    ),
]


@pytest.mark.parametrize(("outlet_a", "text_a", "outlet_b", "text_b"), _SPELLINGS)
def test_spellings_and_numbers_in_words_are_no_distinguishing_terms(
    outlet_a: str, text_a: str, outlet_b: str, text_b: str
) -> None:
    rows = []
    for k in range(4):  # the same sentence in four articles of each outlet
        rows += [(f"a{k}:1", f"a{k}", outlet_a, text_a), (f"b{k}:1", f"b{k}", outlet_b, text_b)]
    st = pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")
    variants = pl.DataFrame({"form_a": ["الأميركية"], "form_b": ["الأمريكية"]})
    terms = distinguishing_terms(
        st,
        min_count=1,
        top_n=50,
        min_z=0,
        scope="all",
        furniture_min_articles=0,
        variants=variants,
    )
    keys = set(terms.filter(pl.col("z").abs() > 1e-6)["term_key"])  # told apart at all
    assert terms.height > 0
    assert not keys & {"الاميركيه", "الامريكيه", "عبد", "المئه", "المائه"}


def test_a_word_is_never_cut_to_a_stem_after_a_letter_that_may_be_a_proclitic() -> None:
    # almadina 2015-08-07:658 (the football federation's decisions): «بطولة» is
    # "championship", not ب + «طولة»; the term is the word the articles printed
    decisions = [
        "إقامة الدوري الممتاز للموسم القادم بنظام الدوري من دورين (وتعتبر بطولة مستقلة)",
        "المرحلة الثانية (بطولة النخبة) يشارك فيها أصحاب المراكز من الأول إلى السادس",
        "منح كل فريق مشارك في بطولة المملكة للبراعم للموسم القادم مكافأة مالية",
    ]
    rows = [(f"m{k}:1", f"m{k}", "almadina", text) for k, text in enumerate(decisions)]
    rows += [  # «طوله» printed alone elsewhere (his height), as on that day
        ("r0:1", "r0", "alriyadh", "ويبلغ طوله مترين ويزن مئة كيلوغرام"),
        ("r1:1", "r1", "alriyadh", "وأعلن الاتحاد مواعيد الدوري الممتاز للموسم القادم"),
    ]
    st = pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")
    terms = distinguishing_terms(st, min_count=1, top_n=30, min_z=0, scope="all")
    almadina = terms.filter(pl.col("outlet") == "almadina")
    assert "بطولة" in set(almadina["term"])
    assert "طولة" not in set(terms["term"])


def test_the_road_of_a_compound_preposition_is_no_distinguishing_term() -> None:
    # SaudiNewsNet 2015-08-06 (alwatan 1980:12 and the other outlets' copy of the fisheries
    # study): «عن طريق الاستيراد» ("by means of") made «طريق» one of alwatan's terms (z -2.4)
    rows = []
    for k, day in enumerate(["الأحد", "الاثنين", "الثلاثاء", "الأربعاء"]):  # four articles each
        rows += [
            (f"a{k}:1", f"a{k}", "alwatan", f"وقالت يوم {day} إن المملكة تسد النقص من الأسماك"),
            (f"b{k}:1", f"b{k}", "okaz", f"وقالت يوم {day} إن المملكة تسد النقص عن طريق الاستيراد"),
            (f"c{k}:1", f"c{k}", "alyaum", f"وأغلقت الشرطة يوم {day} طريق الملك فهد"),
        ]
    st = pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")
    terms = distinguishing_terms(
        st, min_count=1, top_n=50, min_z=0, scope="all", furniture_min_articles=0
    )
    road = dict(terms.filter(pl.col("term_key") == "طريق").select("outlet", "n_outlet").rows())
    assert road["okaz"] == 0  # «عن طريق»: not counted
    assert road["alyaum"] == 4  # «طريق الملك فهد»: a road


def test_a_course_is_not_his_role() -> None:
    # aljazirah 2015-08-10: «بدوره» ("in turn", ب + «دوره» "its role") and «دورة»
    # ("a course") are one word in the match spelling (ة is written ه there); a term
    # keeps the ة, so «دورة» counts the courses only
    in_turn = [
        "ويعني ذلك أن إيران سوف تتجه نحو المزيد من الإنتاج، ما يعني بدوره أن الفائض سيزيد",
        "وهو ما سيؤدي بدوره إلى تباطؤ نمو الإنتاج",
        "وهذا بدوره يرفع الأسعار في الأسواق",
    ]
    rows = [(f"j{k}:1", f"j{k}", "aljazirah", text) for k, text in enumerate(in_turn)]
    rows += [
        ("j9:1", "j9", "aljazirah", "ومشاركة المنتخب في بطولة غرب آسيا ودورة الألعاب الخليجية"),
        ("r0:1", "r0", "alriyadh", "ومشاركة المنتخب الأولمبي في دورة الألعاب الخليجية"),
        ("r1:1", "r1", "alriyadh", "تحدث العواصف الشمسية خلال دورة للنشاط الشمسي"),
        ("r2:1", "r2", "alriyadh", "وانطلقت دورة تدريبية للمعلمين في الرياض"),
    ]
    st = pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")
    terms = distinguishing_terms(st, min_count=1, top_n=50, min_z=0, scope="all")
    course = terms.filter((pl.col("outlet") == "aljazirah") & (pl.col("term") == "دورة"))
    assert course.select("n_outlet", "n_versus").row(0) == (1, 3)
    role = terms.filter(
        (pl.col("outlet") == "aljazirah") & pl.col("term_key").is_in(["دوره", "بدوره"])
    )
    assert role["n_outlet"].to_list() == [3]


def test_sabqs_byline_is_no_word_of_its_own() -> None:
    # SaudiNewsNet 2015-07-24: «سبق» led sabq's distinguishing terms: every one of its 43
    # statements with the word opens with its byline («عبدالله البرقاوي- سبق- الرياض:»)
    rows = []
    for k, city in enumerate(["الرياض", "جدة", "أبها", "جازان", "الدمام", "القاهرة"]):
        rows += [
            (f"s{k}:1", f"s{k}", "sabq", f"سبق - {city}: بدأ الفريق تدريباته في معسكره"),
            (f"r{k}:1", f"r{k}", "alriyadh", "بدأ الفريق تدريباته في معسكره أمس"),
        ]
    st = pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")
    terms = distinguishing_terms(st, min_count=1, top_n=20, min_z=0, scope="all")
    assert "سبق" not in set(terms["term"])
