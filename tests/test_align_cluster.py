"""Claims (``cluster_claims``): two statements of one article share a claim only when
they say the same thing to each other.

Real excerpts from SaudiNewsNet (2015-07-26/27, 2015-08-03/04): one outlet tells two
facts in two statements, another outlet in one sentence holding both; before the
check, both statements of the first article joined the claim through the long
sentence and the emphasis tables showed the outlet "repeating" a claim.
"""

from __future__ import annotations

import polars as pl
import pytest

from narratives.align import align, cluster_claims


def statements(rows: list[tuple[str, str, str, bool]]) -> pl.DataFrame:
    """``(statement_id, outlet, text, is_headline)``; the article is the id without ``:n``."""
    return pl.DataFrame(
        {
            "statement_id": [r[0] for r in rows],
            "article_id": [r[0].rsplit(":", 1)[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "text": [r[2] for r in rows],
            "is_headline": [r[3] for r in rows],
        }
    )


def claim_of(claims: pl.DataFrame) -> dict[str, str]:
    return dict(claims.select("statement_id", "claim_id").iter_rows())


TWO_FACTS = {
    # aawsat splits box office and cast; aljazirah tells both in one sentence
    "film": [
        (
            "2015-08-04:188:3",
            "aawsat",
            "وجاء فيلم المغامرات والكوميديا الجديد «فاكيشن» في المركز الثاني بإيرادات قدرها"
            " 8.\u200f14 مليون دولار.",
            False,
        ),
        (
            "2015-08-04:188:4",
            "aawsat",
            "الفيلم بطولة اد هلمس وكريستينا أبلجيت ومن إخراج جون فرانسيس ديلي وجوناسان غولدشتاين.",
            False,
        ),
        (
            "2015-08-04:385:3",
            "aljazirah",
            "وجاء فيلم المغامرات والكوميديا الجديد «فاكيشن» في المركز الثاني بإيرادات قدرها 14.8"
            " مليون دولار، والفيلم بطولة إد هلمس وكريستينا أبلجيت، ومن إخراج جون فرانسيس ديلي"
            " وجوناسان جولدشتاين.",
            False,
        ),
    ],
    # two players in the line-up: aawsat two sentences, aljazirah one
    "lineup": [
        (
            "2015-08-03:174:24",
            "aawsat",
            "بينما دفع غوارديولا بالوافد الجديد دوغلاس كوستا في التشكيل الأساسي إلى جانب النجم"
            " العائد من الإصابة روبن.",
            False,
        ),
        (
            "2015-08-03:174:25",
            "aawsat",
            "وشارك المهدي بنعطية أساسيا بعد تعافيه من الإصابة أيضا.",
            False,
        ),
        (
            "2015-08-03:452:12",
            "aljazirah",
            "بينما دفع جوارديولا بالوافد الجديد دوجلاس كوستا في التشكيل الأساسي إلى جانب النجم"
            " روبن ، وشارك المهدي بنعطية أساسيا بعد تعافيه من الإصابة ،",
            False,
        ),
    ],
    # the same two Reuters sentences in two outlets: each pair is verbatim, and the
    # cross pairs (both name Clinton and the Democratic nomination) score about 60
    "clinton": [
        (
            "2015-07-26:227:2",
            "aleqtisadiya",
            "قالت هيلاري كلينتون التي تسعى للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة"
            " الأمريكية اليوم السبت إنها لم ترسل أو تتلق معلومات سرية على حساب شخصي عبر البريد"
            " الالكتروني أثناء عملها وزيرة للخارجية .",
            False,
        ),
        (
            "2015-07-26:227:3",
            "aleqtisadiya",
            "وكلينتون هي المرشحة الأوفر حظا للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة",
            False,
        ),
        (
            "2015-07-26:1064:1",
            "alweeam",
            "قالت هيلاري كلينتون التي تسعى للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة"
            " الأمريكية اليوم السبت إنها لم ترسل أو تتلق معلومات سرية على حساب شخصي عبر البريد"
            " الالكتروني أثناء عملها وزيرة للخارجية .",
            False,
        ),
        (
            "2015-07-26:1064:3",
            "alweeam",
            "وكلينتون هي المرشحة الأوفر حظا للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة",
            False,
        ),
    ],
}


@pytest.mark.parametrize("case", sorted(TWO_FACTS))
def test_two_facts_of_one_article_are_two_claims(case: str) -> None:
    st = statements(TWO_FACTS[case])
    al = align(st)
    first, second = TWO_FACTS[case][0][0], TWO_FACTS[case][1][0]
    # the clustering before the check joined them (through the other outlet's sentence)
    before = claim_of(cluster_claims(st, al, repeat_threshold=None))
    assert before[first] == before[second]
    after = claim_of(cluster_claims(st, al))
    assert after[first] != after[second]
    # the other outlet's statement still shares a claim with one of them
    others = [r[0] for r in TWO_FACTS[case][2:]]
    assert all(after[o] in {after[first], after[second]} for o in others)


REPEATS = {
    # alyaum tells the Arab League's welcome twice (score 84 with each other)
    "repeat": [
        ("2015-07-27:1195:3", "alyaum", "فيما رحبت الجامعة العربية بالهدنة الإنسانية", False),
        (
            "2015-07-27:1195:15",
            "alyaum",
            "وفي سياق متصل، رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن،",
            False,
        ),
        (
            "2015-07-26:567:1",
            "almadina",
            "رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن،",
            False,
        ),
        (
            "2015-07-27:675:1",
            "alriyadh",
            "رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن،",
            False,
        ),
    ],
    # a headline and the lede it restates stay one claim
    "headline": [
        ("2015-07-26:820:0", "alriyadh", "أبو مرزوق يدعو لتشكيل حكومة وحدة وطنية فلسطينية", True),
        (
            "2015-07-26:820:1",
            "alriyadh",
            "دعا موسى ابو مرزوق نائب رئيس المكتب السياسي لحماس الى تشكيل حكومة وحدة وطنية"
            " فلسطينية،",
            False,
        ),
        (
            "2015-07-26:1120:3",
            "alyaum",
            "دعا موسى أبو مرزوق نائب رئيس المكتب السياسي لحماس إلى تشكيل حكومة وحدة وطنية"
            " فلسطينية،",
            False,
        ),
        ("2015-07-26:1120:0", "alyaum", "حماس تدعو الرئيس الفلسطيني لتشكيل حكومة وحدة وطنية", True),
    ],
}


@pytest.mark.parametrize("case", sorted(REPEATS))
def test_a_claim_told_twice_in_one_article_stays_one_claim(case: str) -> None:
    st = statements(REPEATS[case])
    claims = cluster_claims(st, align(st))
    assert claims["claim_id"].n_unique() == 1
    outlets = len({r[1] for r in REPEATS[case]})
    assert claims["claim_outlets"].to_list() == [outlets] * len(REPEATS[case])


def test_repeat_scorer_decides_pairs_of_one_article() -> None:
    st = statements(TWO_FACTS["film"])
    al = align(st)
    # a scorer calling every pair a repeat restores the joined claim; only the pair of
    # one article is asked for
    asked: list[tuple[str, str]] = []

    def scorer(a: list[str], b: list[str]) -> list[float]:
        asked.extend(zip(a, b, strict=True))
        return [100.0] * len(a)

    claims = claim_of(cluster_claims(st, al, repeat_scorer=scorer))
    assert claims["2015-08-04:188:3"] == claims["2015-08-04:188:4"]
    assert asked == [(TWO_FACTS["film"][0][2], TWO_FACTS["film"][1][2])]
