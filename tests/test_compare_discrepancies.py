"""Discrepancies are real differences of one claim's figures (issue 11, point 5)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from narratives.compare import discrepancies
from narratives.compare.discrepancies import _candidates, _figure_lexicon, _span_values


def _pair(
    text_a: str,
    text_b: str,
    *,
    days: tuple[date, date] = (date(2015, 7, 22), date(2015, 7, 22)),
    claim: bool = True,
    min_confidence: float = 0.5,
) -> pl.DataFrame:
    st = pl.DataFrame(
        {
            "statement_id": ["a:1", "b:1"],
            "outlet": ["aawsat", "alriyadh"],
            "published": list(days),
            "text": [text_a, text_b],
        }
    )
    al = pl.DataFrame(
        {
            "statement_id_a": ["a:1"],
            "statement_id_b": ["b:1"],
            "outlet_a": ["aawsat"],
            "outlet_b": ["alriyadh"],
            "score": [40.0],
            "relation": ["related"],
        }
    )
    cl = pl.DataFrame({"claim_id": ["c1", "c1" if claim else "c2"], "statement_id": ["a:1", "b:1"]})
    return discrepancies(st, al, cl, min_confidence=min_confidence)


@pytest.mark.parametrize(
    ("token", "values"),
    [
        ("1.391", {1.391, 1391.0}),
        ("1,500", {1.5, 1500.0}),
        ("2,4", {2.4}),
        ("68ر10", {10.68}),
        ("2013م", {2013.0}),
    ],
)
def test_figures_are_read_every_way_they_are_written(token: str, values: set[float]) -> None:
    assert _candidates(token) == values


def test_scales_ranges_and_words() -> None:
    lex = _figure_lexicon("months.yaml", "quantities.yaml", "figures.yaml")
    assert _span_values(["354", "الف"], lex) == [{354000.0}]
    assert _span_values(["سبعه", "مليارات"], lex) == [{7e9}]
    assert _span_values(["الف"], lex) == [{1000.0}]
    assert _span_values(["20", "الي", "25"], lex) == [{20.0}, {25.0}]


# SaudiNewsNet 2015-07-22 (aawsat / alriyadh): the real finds of the issue
@pytest.mark.parametrize(
    ("text_a", "text_b", "value_a", "value_b"),
    [
        (
            "وتأمل الحكومة في تحقيق عائدات سنوية إضافية بقيمة 4.2 مليار يورو اعتبارا من عام 2016",
            "وتأمل الحكومة في تحقيق عائدات سنوية إضافية بقيمة 2,4 مليار يورو اعتبارا من العام 2016",
            "4.2 مليار",
            "2,4 مليار",
        ),
        (
            "وأصدرت المحكمة حكمها بحضور 25 قاضيا من قضاة الاستئناف",
            "وأصدرت المحكمة حكمها بحضور 125 قاضيا من قضاة الاستئناف",
            "25 قاضيا",
            "125 قاضيا",
        ),
    ],
)
def test_real_differences_are_found_and_certain(
    text_a: str, text_b: str, value_a: str, value_b: str
) -> None:
    out = _pair(text_a, text_b)
    assert out.select("kind", "value_a", "value_b", "certainty").rows() == [
        ("number", [value_a], [value_b], "high")
    ]


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # the same figure written another way
        ("ليرتفع العدد إلى 1.391 حالة", "ليرتفع العدد إلى 1391 حالة"),
        ("بلغ صافي أرباحها 68ر10 مليار دولار", "بلغ صافي أرباحها 10.68 مليار دولار"),
        ("وانخفض الدولار 5.\u200f0 في المائة أمام سلة", "وانخفض الدولار 0.5 في المائة أمام سلة"),
        ("بنسبة 7,4% لتبلغ 358.4 مليار ريال", "بنسبة 7.4 في المائة لتبلغ 358.4 مليار ريال"),
        ("تنفق نحو سبعة مليارات دولار سنويا", "تنفق 7 مليارات دولار سنويا"),
        ("وصل عددهم إلى ٣٥٤ ألف شخص", "وصل عددهم إلى 354 ألف شخص"),
        ("في 8 سنوات ونصف", "في 8.5 سنوات"),
        # hundreds in words, in their construct form, with tens (alweeam / aawsat 2015-07-21)
        (
            "والغرامة التي لا تقل عن مائتي وخمسين ألف درهم ولا تزيد على مليون درهم",
            "والغرامة التي لا تقل عن 250 ألف درهم ولا تزيد على مليون درهم",
        ),
        ("أصدر مرسوما بتعيين مئة وخمسة وعشرين قاضيا", "أصدر مرسوما بتعيين 125 قاضيا"),
        ("بنسبة 9.68 في المائة", "بنسبة 9.7 في المائة"),
        # list numbering, ordinals in words, dates with slashes, match scores
        ("101- وزارة الداخلية تعلن النتائج", "5- وزارة الداخلية تعلن النتائج"),
        ("والدورة (الحادية عشرة) من المستفيدين", "والدورة (11) من المستفيدين"),
        ("الموافق 1436/10/7هـ بلغ العدد", "الموافق ٧/١٠/١٤٣٦هـ بلغ العدد"),
        ("وفاز الهلال على النصر 2-1 في المباراة", "وفاز الهلال على النصر 3-0 في المباراة"),
    ],
)
def test_no_discrepancy_where_the_figures_agree_or_are_no_figures(text_a: str, text_b: str) -> None:
    assert _pair(text_a, text_b).filter(pl.col("kind") == "number").height == 0


def test_weather_figures_of_different_days_are_no_discrepancy() -> None:
    forecast = "وتتوقع الأرصاد أن تصل درجات الحرارة العظمى اليوم في الدمام إلى {} درجة مئوية"
    out = _pair(
        forecast.format(47),
        forecast.format(44),
        days=(date(2015, 7, 22), date(2015, 7, 23)),
    )
    assert out.height == 0
    same_day = _pair(forecast.format(47), forecast.format(44))
    assert same_day["value_a"].to_list() == [["47 درجة"]]


def test_only_statements_of_one_claim_are_compared() -> None:
    text = "وصول أكثر من {} طن من المساعدات"
    assert _pair(text.format(700), text.format(500), claim=False).height == 0


def test_rows_say_what_differs_most_certain_first() -> None:
    # Brent's rise and price both differ: two readings of the market more likely than one
    # misreported (hidden at the default since 2026-12-07, shown below it with the note)
    out = _pair(
        "وقفز سعر برنت 39 سنتا إلى 57.04 دولار للبرميل في عقود سبتمبر",
        "وقفز سعر برنت 75 سنتا إلى 57.38 دولار للبرميل في عقود سبتمبر",
        min_confidence=0,
    )
    assert out.height == 2
    assert out["confidence"].is_sorted(descending=True)
    assert all("figures differ" in w for w in out["what"])
    assert set(out["certainty"]) <= {"medium", "low"}


def test_an_added_clause_or_the_other_month_name_does_not_hide_a_figure() -> None:
    # 2015-07-23:1013 / :1048 (aleqtisadiya / alriyadh): the Syrian Observatory's toll; one
    # side adds a clause («بالإضافة إلى مقتل مقاتل إسلامي»): more said, not other words
    out = _pair(
        "وقال المرصد في بيان اليوم الخميس إن 173 مدنيا قتلوا وأصيب العشرات بالإضافة إلى "
        "مقتل مقاتل إسلامي أيضا جراء هذه الغارات خلال هذه الفترة .",
        "وقال المرصد في بيان اليوم الخميس إن 170 مدنيا قتلوا وأصيب العشرات أيضا جراء هذه "
        "الغارات خلال هذه الفترة،",
    )
    assert [(r[0], r[1]) for r in out.select("value_a", "value_b").rows()] == [
        (["173 مدنيا"], ["170 مدنيا"])
    ]
    # Brent (aljazirah / okaz, 2015-07-22): «سبتمبر (أيلول)» names one month twice
    out = _pair(
        "وقفز سعر برنت في عقود سبتمبر 39 سنتا إلى 57.04 دولار للبرميل بعدما انخفض 45 سنتا",
        "وقفز سعر برنت في عقود سبتمبر (أيلول) 75 سنتا إلى 57.38 دولار للبرميل بعدما انخفض 45 سنتا",
        min_confidence=0,  # (market readings whose every figure differs: below the default)
    )
    assert out.height == 2
    assert not any("months differ" in w for w in out["what"])


def test_two_items_with_every_figure_far_apart_are_no_discrepancy() -> None:
    # alyaum / aljazirah, 2015-07-22: loans of two different funds in one long report
    out = _pair(
        "في حين بلغ رصيد القروض القائمة بنهاية 2014م نحو 36.9 مليار ريال بارتفاع بنسبة 46.8% "
        "مقارنة بالعام 2013م.",
        "وذلك في الوقت الذي بلغ فيه رصيد القروض القائمة بنهاية 2014م نحو 8.6 مليار ريال "
        "بارتفاع مقداره 2 % مقارنة بالعام 2013م.",
    )
    assert out.height == 0


def test_the_same_digits_spaced_otherwise_are_one_figure() -> None:
    # 2015-07-22 aawsat / alriyadh: Beyonce's song «7/11» written 711 and «7 11»
    out = _pair(
        "وحصلت على جوائز عن أغنية باد بلود لسويفت و711 لبيونسيه في الحفل",
        "وحصلت على جوائز عن أغنية باد بلود لسويفت و 7 11 لبيونسيه في الحفل",
    )
    assert out.height == 0


def test_a_round_figure_after_more_than_is_no_discrepancy() -> None:
    # 2015-07-22 alwatan / alyaum: Saudi clinics for Syrian refugees
    out = _pair(
        "واصلت العيادات التخصصية السعودية تقديم الخدمات الطبية للأشقاء اللاجئين السوريين "
        "مقدمة خدماتها لأكثر من 1300 حالة، وذلك استكمالا لعملها في المحور الطبي",
        "واصلت العيادات التخصصية السعودية تقديم الخدمات الطبية للاشقاء اللاجئين السوريين "
        "مقدمة خدماتها لأكثر من 1343 حالة، استكمالاً لعملها في المحور الطبي",
    )
    assert out.height == 0


# SaudiNewsNet 2015-08-07/08, read in the audit of issue 11 (rows that were wrong)
@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # alwatan / alriyadh 2015-08-07:1088:5 / 816:5: «المئة ألف» is 100 ألف
        (
            "وقال في تصريح صحفي إن المئة ألف سلة التي دشنت في رمضان المنصرم تم توزيعها على"
            " المحتاجين",
            "وقال في تصريح صحفي: إن 100 ألف سلة التي دشنت في رمضان تم توزيعها على المحتاجين",
        ),
        # alweeam / 3alyoum 2015-08-07:1155:3 / 47:6: gold read at two hours of one day
        (
            "وارتفع سعر الذهب في المعاملات الفورية 0.3 بالمئة إلى 1092.10 دولار للأوقية (الأونصة)"
            " بحلول الساعة 0647 بتوقيت جرينتش.",
            "وارتفع سعر الذهب في المعاملات الفورية 0.5 بالمئة إلى 1094.54 دولار للأوقية (الأونصة)"
            " بحلول الساعة 1831 بتوقيت جرينتش.",
        ),
        # alyaum / aleqtisadiya 2015-08-08:1058:4 / 217:9: Brent up in one report, down in
        # the other: two sessions (or a contradiction), not one figure misreported
        (
            "وارتفع سعر خام برنت في العقود الآجلة 40 سنتًا إلى 49.92 دولار للبرميل بحلول الساعة"
            " 0847 بتوقيت جرينتش بعد وصوله إلى أدنى مستوياته في ستة أشهر في الجلسة السابقة.",
            "وتراجع سعر خام برنت في العقود الآجلة 40 سنتا إلى 49.12 دولار للبرميل،",
        ),
    ],
)
def test_number_words_clock_times_and_opposite_moves_are_no_discrepancy(
    text_a: str, text_b: str
) -> None:
    assert _pair(text_a, text_b).filter(pl.col("kind") == "number").height == 0


def test_a_real_difference_at_one_hour_is_still_found() -> None:
    # alyaum / alriyadh 2015-08-07:1195:2 / 763:5 (real: ten against 12 martyrs)
    out = _pair(
        "ونتج عنه استشهاد عشرة من منسوبي قوات الطوارئ الخاصة وثلاثة من العاملين في الموقع الساعة 1",
        "ونتج عنه استشهاد 12 من منسوبي قوات الطوارئ الخاصة وثلاثة من العاملين في الموقع الساعة 1",
    )
    assert out["value_a"].to_list() == [["عشرة من"]]


def test_percent_written_two_ways_is_no_discrepancy() -> None:
    # okaz / aleqtisadiya 2015-08-07:1329:8 / 242:4 (a first version read «المائة» as 100)
    out = _pair(
        "إنها تريد شحنات حجمها 55 ألف طن تزيد أو تنقص خمسة بالمئة للنقل إلى ميناء جدة",
        "إنها تريد شحنات حجمها 55 ألف طن تزيد أو تنقص خمسة في المائة للنقل إلى ميناء جدة",
    )
    assert out.height == 0


# SaudiNewsNet 2015-07-24/25, read in the audit3 re-reading of issue 11 (rows that were wrong)
@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # almadina / sabq 2015-07-24:1171:10 / 2041:6: «ثمانٍ وأربعين» is 48 (read as 8)
        (
            "تضمن طلب حضور اللاعب إلى جدة لإجراء الكشف الطبي، على أن يتم توقيع العقد في غضون "
            "48 ساعة، علما بأن موافقة نادي الشباب سارية حتى يوم الجمعة",
            "تضمن طلب حضور اللاعب إلى جدة لإجراء الكشف الطبي، على أن يتم توقيع العقد في غضون "
            "ثمانٍ وأربعين ساعة، علماً بأن موافقة نادي الشباب سارية حتى يوم الجمعة",
        ),
        # alwatan / sabq 2015-07-24:1636:3 / 2041:5: «أربع وعشرين ساعة» is 24 hours
        (
            "لتأتي الموافقة الرسمية من نادي الشباب على العرض الأهلاوي ثالث أيام العيد، — أي بعد "
            "24 ساعة — من خطابنا الأول، لترد إدارة النادي الأهلي بخطاب رسمي آخر",
            "لتأتي الموافقة الرسمية من نادي الشباب على العرض الأهلاوي ثالث أيام العيد؛ أي بعد "
            "أربع وعشرين ساعة من خطابنا الأول، لتردّ إدارة النادي الأهلي بخطاب رسمي آخر",
        ),
        # alweeam / 3alyoum 2015-07-25:1120:2 / 23:3: Brent's session low at settlement and
        # by 13:45 GMT: two readings of one day's market
        (
            "وتراجع سعر مزيج برنت عند التسوية 65 سنتاً أو 1.18 % إلى 54.62 دولار للبرميل بعدما "
            "بلغ أدنى مستوى له في الجلسة عند 54.40 دولار للبرميل مسجلا أقل سعر له منذ أوائل أبريل.",
            "وتراجع سعر مزيج برنت 28 سنتا إلى 54.99 دولار للبرميل بحلول الساعة 1345 بتوقيت جرينتش "
            "بعدما بلغ أدنى مستوى له في الجلسة عند 54.80 دولار للبرميل مسجلا أقل سعر له منذ أوائل "
            "أبريل نيسان.",
        ),
    ],
)
def test_compound_number_words_and_a_settlement_price_are_no_discrepancy(
    text_a: str, text_b: str
) -> None:
    assert _pair(text_a, text_b).height == 0


def test_a_compound_number_in_words_that_differs_is_still_found() -> None:
    # the same sentence with «ثمانٍ وعشرين» (28) against 48: a real difference
    out = _pair(
        "على أن يتم توقيع العقد في غضون 48 ساعة، علما بأن موافقة نادي الشباب سارية حتى الجمعة",
        "على أن يتم توقيع العقد في غضون ثمانٍ وعشرين ساعة، علماً بأن موافقة نادي الشباب سارية "
        "حتى الجمعة",
    )
    assert out.height == 1
    lex = _figure_lexicon("months.yaml", "quantities.yaml", "figures.yaml")
    assert _span_values(["ثمان", "وعشرين"], lex) == [{28.0}]


def test_a_market_reading_dated_on_one_side_only_is_not_sure() -> None:
    # alweeam / aawsat 2015-07-25:1120:2 / 130:3: the session low at settlement against a
    # report whose hour was lost in print («بحلول بعدما»): perhaps two hours of one day
    settlement = (
        "وتراجع سعر مزيج برنت عند التسوية 65 سنتاً أو 1.18 % إلى 54.62 دولار للبرميل بعدما بلغ "
        "أدنى مستوى له في الجلسة عند 54.40 دولار للبرميل مسجلا أقل سعر له منذ أوائل أبريل."
    )
    undated = (
        "وتراجع سعر مزيج برنت 35 سنتا إلى 54.92 دولار للبرميل بحلول بعدما بلغ أدنى مستوى له في "
        "الجلسة عند 54.80 دولار للبرميل مسجلا أقل سعر له منذ أوائل أبريل (نيسان)."
    )
    assert _pair(settlement, undated).height == 0
    shown = _pair(settlement, undated, min_confidence=0)
    assert shown.height > 0
    assert shown["what"].str.contains("only one side gives the time").all()


# SaudiNewsNet 2015-08-01/02, read in the audit3 re-reading (rows that were wrong)
@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # aljazirah / alriyadh: «لـ(5000)» and «لخمسة آلاف» (a number word after ل)
        (
            "الحملة الوطنية السعودية تواصل تقديم الدعم النفسي والمعنوي لـ(5000) سوري في لبنان",
            "الحملة الوطنية السعودية تواصل تقديم الدعم النفسي لخمسة آلاف سوري في لبنان",
        ),
        # aljazirah / alriyadh: 45,503,347 riyals rounded to «45،5 مليون» (Arabic decimal comma)
        (
            "وشملت مشروعات المدينة المنورة والبالغة كلفتها 45.503.347 ريالاً على إنشاء حدائق "
            "وممرات مشاة",
            "وشملت مشروعات المدينة المنورة والبالغة كلفتها 45،5 مليون ريال على إنشاء حدائق وممرات "
            "مشاة",
        ),
        # aljazirah / alriyadh: 87,390,000 cut to «87،3 مليون»
        (
            "وبلغت التكلفة الإجمالية للمشروعات 87.390.000 ريال في المناطق",
            "وبلغت التكلفة الإجمالية للمشروعات 87،3 مليون ريال في المناطق",
        ),
    ],
)
def test_a_number_word_after_a_proclitic_and_a_sum_rounded_to_millions_are_no_discrepancy(
    text_a: str, text_b: str
) -> None:
    assert _pair(text_a, text_b).height == 0


def test_a_sum_that_is_no_rounding_of_the_other_is_still_found() -> None:
    out = _pair(
        "وشملت مشروعات المدينة المنورة والبالغة كلفتها 45.503.347 ريالاً على إنشاء حدائق",
        "وشملت مشروعات المدينة المنورة والبالغة كلفتها 54،5 مليون ريال على إنشاء حدائق",
    )
    assert out.height == 1


def test_hundreds_in_words_differ_from_another_figure() -> None:
    """«مائتي وخمسين ألف» is 250 thousand: against 350 thousand it is a discrepancy."""
    rows = _pair(
        "والغرامة التي لا تقل عن مائتي وخمسين ألف درهم ولا تزيد على مليون درهم",
        "والغرامة التي لا تقل عن 350 ألف درهم ولا تزيد على مليون درهم",
    ).filter(pl.col("kind") == "number")
    assert rows.height == 1


def test_hundreds_in_words_keep_the_pair_from_contradicting() -> None:
    """The decree's fine written in words in one outlet and in digits in another is one
    claim (alweeam / aawsat, 2015-07-21; it was labelled `contradicts`)."""
    from narratives import similarity

    words = "والغرامة التي لا تقل عن مائتي وخمسين ألف درهم ولا تزيد على مليون درهم لكل من قدم"
    digits = "والغرامة التي لا تقل عن 250 ألف درهم ولا تزيد على مليون درهم لكل من قدم"
    other = digits.replace("250", "350")
    out = similarity([words, words], [digits, other])
    assert out["relation"].to_list()[0] != "contradicts"
    assert out["relation"].to_list()[1] == "contradicts"


# SaudiNewsNet 2015-08-06 (almadina / alriyadh, alriyadh / alyaum, aleqtisadiya / alyaum): one sum
# written two ways, read in the first blind reading as discrepancies
@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        (
            "حيث بلغت قروض الزواج (22375) قرض زواج بقيمة (1.340.700.000) ريال، وقروض الأسرة",
            "حيث بلغت قروض الزواج 22.375 قرض زواج بقيمة 1.340.7 مليار ريال، وقروض الأسرة",
        ),
        (
            "وبلغ صافي مبلغ التعويضات لملاك حقوق الأولوية وكسور الأسهم 5,307,846 مليون ريال أي ما "
            "يعادل حوالي 4.46 ريالات للسهم الواحد.",
            "وبلغ صافي مبلغ التعويضات لملاك حقوق الأولوية وكسور الأسهم 5.3 مليون ريال، أي ما يعادل "
            "حوالي 4.46 ريال للسهم الواحد.",
        ),
        (
            "بلغ مجموعها 601 مشروع بقيمة 10.100.000 ريال، والمشاريع الناشئة 509 مشروعات",
            "بلغ مجموعها 601 مشروع بقيمة عشرة ملاين ريال، والمشاريع الناشئة 509 مشروعات",
        ),
    ],
)
def test_one_sum_written_in_full_garbled_or_in_words_is_no_discrepancy(
    text_a: str, text_b: str
) -> None:
    assert _pair(text_a, text_b).height == 0


def test_a_round_figure_in_words_far_from_the_other_is_still_found() -> None:
    out = _pair(
        "بلغ مجموعها 601 مشروع بقيمة 12.100.000 ريال، والمشاريع الناشئة 509 مشروعات",
        "بلغ مجموعها 601 مشروع بقيمة عشرة ملاين ريال، والمشاريع الناشئة 509 مشروعات",
        min_confidence=0,
    )
    assert out.height == 1


def test_market_readings_whose_every_figure_differs_are_not_sure() -> None:
    """Gold at two hours of one day (3alyoum / aawsat 2015-08-06:166:7 / 282:6): hidden at the
    default, shown with a note below it; one figure of one market report still shows."""
    gold_a = (
        "وارتفع سعر الذهب في العقود الأمريكية الآجلة لتسليم ديسمبر كانون الأول 0.2 في المائة "
        "إلى 1088.10 دولار للأوقية."
    )
    gold_b = (
        "وارتفع سعر الذهب في العقود الأميركية الآجلة لتسليم ديسمبر (كانون الأول) 3.\u200f0 في "
        "المائة إلى 10.\u200f1092 دولار للأوقية."
    )
    assert _pair(gold_a, gold_b).height == 0
    low = _pair(gold_a, gold_b, min_confidence=0)
    assert low.height == 2
    assert low["what"].str.contains("market readings").all()
    one = gold_b.replace("10.\u200f1092", "10.\u200f1088")
    assert _pair(gold_a, one).height == 1


def test_a_full_figure_before_a_repeated_scale_word_is_read_both_ways() -> None:
    # alweeam / sabq 2015-07-21:1558:3 / 2648:3: «ثمانية عشر ألف ريال» / «(18000) ألف ريال»
    out = _pair(
        "كما عثر على مبلغ ثمانية عشر ألف ريال سعودي (18000)",
        "كما عثر على مبلغ مالي قدره (18000) ألف ريال سعودي.",
    )
    assert out.height == 0


def test_an_index_level_cut_to_a_whole_number_is_no_discrepancy() -> None:
    # SaudiNewsNet 2015-07-31, alriyadh / alwatan: the week's close of TASI, «9098.27» in
    # one report and «9098» in the other (its headline: «تاسي يغلق عند 9098 نقطة»)
    out = _pair(
        "أنهى مؤشر سوق الأسهم السعودية تداولاته لهذا الأسبوع على انخفاض طفيف ب 9.12 نقطة"
        " عند مستوى 9098.27 نقطة بتداولات تجاوزت 4.1 مليار ريال.",
        "أنهى مؤشر سوق الأسهم السعودية تداولاته لهذا الأسبوع على انخفاض طفيف بـ9.12 نقطة،"
        " حيث أغلق عند مستوى 9098 نقطة بتداولات تجاوزت 4.1 مليارات ريال.",
    )
    assert out.height == 0


@pytest.mark.parametrize(
    ("text_a", "text_b", "value_a", "value_b"),
    [
        # a whole number that is neither the other rounded nor cut stays a discrepancy
        ("عند مستوى 9098.27 نقطة", "عند مستوى 9089 نقطة", "9098.27 نقطة", "9089 نقطة"),
        # a figure under 10: 2.6 against 2 points is no rounding of note
        (
            "وارتفع المؤشر 2.6 نقطة في ختام التعاملات",
            "وارتفع المؤشر 2 نقطة في ختام التعاملات",
            "2.6 نقطة",
            "2 نقطة",
        ),
    ],
)
def test_a_whole_number_that_is_no_rounding_is_still_found(
    text_a: str, text_b: str, value_a: str, value_b: str
) -> None:
    out = _pair(text_a, text_b)
    assert out.select("value_a", "value_b").rows() == [([value_a], [value_b])]


def _speakers(named_a: list[str], named_b: list[str]) -> pl.DataFrame:
    # SaudiNewsNet 2015-07-31, alriyadh / alweeam: the crown prince's cable to Sisi on
    # leaving Cairo; alriyadh's «فخامة الرئيس:» (the address) was read as Sisi speaking
    st = pl.DataFrame(
        {
            "statement_id": ["2015-07-31:1094:3", "2015-07-31:1442:0"],
            "outlet": ["alriyadh", "alweeam"],
            "published": [date(2015, 7, 31)] * 2,
            "text": [
                'فخامة الرئيس: "لقد أثبتت المباحثات المشتركة التي عقدناها متانة الروابط الأخوية'
                " بين بلدينا الشقيقين والرغبة الجادة في تعميق التعاون وتوثيق العلاقات",
                "ولي ولي العهد للرئيس المصري: لقد أثبتت المباحثات المشتركة متانة الروابط الأخوية"
                " بين بلدينا الشقيقين",
            ],
            "speaker": ["sisi", "mohammed_bin_salman"],
            "speaker_mention": ["فخامة الرئيس", "ولي ولي العهد للرئيس المصري"],
            "entities": [named_a, named_b],
        }
    )
    al = pl.DataFrame(
        {
            "statement_id_a": ["2015-07-31:1094:3"],
            "statement_id_b": ["2015-07-31:1442:0"],
            "outlet_a": ["alriyadh"],
            "outlet_b": ["alweeam"],
            "score": [80.0],
            "relation": ["paraphrase"],
        }
    )
    cl = pl.DataFrame({"claim_id": ["c1", "c1"], "statement_id": st["statement_id"]})
    return discrepancies(st, al, cl, min_confidence=0)


def test_a_speaker_the_other_statement_names_too_is_not_sure() -> None:
    out = _speakers(["sisi", "king_salman"], ["mohammed_bin_salman", "sisi"])
    assert out.select("kind", "certainty").rows() == [("speaker", "low")]
    assert "perhaps the one spoken to" in out["what"][0]


def test_two_speakers_neither_statement_names_together_are_still_found() -> None:
    out = _speakers(["sisi", "king_salman"], ["mohammed_bin_salman"])
    assert out.select("kind", "value_a", "value_b", "certainty").rows() == [
        ("speaker", ["sisi"], ["mohammed_bin_salman"], "medium")
    ]


def test_a_trillion_spelt_without_its_ya_is_one_figure() -> None:
    # SaudiNewsNet 2015-08-04, alriyadh / alwatan (and alyaum): one SPA report on the Royal
    # Commission's cities, «(1 ترليون) ريال» against «تريليون ريال»
    text = "وتشير الأرقام الصادرة عن الهيئة الملكية إلى أن الاستثمارات في المدن التابعة للهيئة"
    assert _pair(f"{text} تجاوزت (1 ترليون) ريال،", f"{text} تجاوزت تريليون ريال،").height == 0
    # ... and two sums in trillions that differ still do
    out = _pair("بلغت الاستثمارات 2 ترليون ريال", "بلغت الاستثمارات 3 تريليونات ريال")
    assert out.select("value_a", "value_b").rows() == [(["2 ترليون ريال"], ["3 تريليونات ريال"])]


def test_one_year_in_two_calendars_is_no_discrepancy() -> None:
    # SaudiNewsNet 2015-08-11, aljazirah / alwatan: the grain silos' third wheat tender
    text = "أتمت المؤسسة العامة لصوامع الغلال ومطاحن الدقيق إجراءات ترسية الدفعة الثالثة"
    out = _pair(
        f"{text} من القمح المستورد لهذا العام 1436 / 1437هـ بكمية 505 آلاف طن",
        f"{text} من القمح المستورد لهذا العام 2015، بكمية 505 آلاف طن",
    )
    assert out.height == 0
    # two Gregorian years still differ (2012م / 2013م, the doping list, 2015-08-10)
    out = _pair(
        "ضمن قائمة لاعبي الفحص المستهدف منذ عام 2012م، وهذه القائمة معتمدة",
        "ضمن قائمة لاعبي الفحص المستهدف منذ عام 2013م، وهذه القائمة معتمدة",
    )
    assert out.select("kind", "value_a", "value_b").rows() == [
        ("date", ["2012م وهذه"], ["2013م وهذه"])
    ]


def test_a_list_marker_after_a_conjunction_is_no_figure() -> None:
    # SaudiNewsNet 2015-08-11, aawsat / alriyadh: «والمادة 2، 8» / «والمادة (٨,٢)»
    text = "صدرت الموافقة على تسجيل اللاعب وفق ما يقضي به"
    out = _pair(
        f"{text} الملحق 3 والمادة 2، 8 والفقرة 6 من لائحة",
        f"{text} الملحق (٣) والمادة (٨,٢) والفقرة (٦) من لائحة",
    )
    assert out.height == 0


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        # SaudiNewsNet 2015-07-26, aleqtisadiya / aljazirah: «1300 طالب» / «بألف وثلاثمائة»
        (
            "شارك فيه نحو 60 دولة من كل القارات ممثلة 1300 طالب شاركوا بمجموعة من الابتكارات",
            "شارك فيه نحو 60 دولة من كل القارات ممثلة بألف وثلاثمائة طالب شاركوا بمجموعة من"
            " الابتكارات",
        ),
        # 2015-07-26, 3alyoum / alriyadh: the same sum, one side «تجاوزت» its round part
        (
            "اعتمد وزير التعليم 26 مشروعاً مدرسياً للإدارة العامة للتعليم بمنطقة حائل بقيمة"
            " تجاوزت 134.230.000 مليون ريال شملت إنشاء مبان",
            "اعتمد وزير التعليم 26 مشروعاً مدرسياً للإدارة العامة للتعليم بمنطقة حائل بقيمة"
            " 134.230.802.95 مليون ريال شملت إنشاء مبان",
        ),
    ],
    ids=["thousand-and-hundreds", "exceeded"],
)
def test_a_thousand_in_words_and_an_exceeded_round_sum_are_no_discrepancy(
    text_a: str, text_b: str
) -> None:
    assert _pair(text_a, text_b).height == 0


def test_one_figure_in_two_units_is_not_sure() -> None:
    # SaudiNewsNet 2015-07-26, alweeam / aleqtisadiya: the food authority's seizures
    text = "«الغذاء والدواء» تمنع دخول أكثر من 1.5 {} من الأغذية المخالفة خلال شهرين"
    out = _pair(text.format("مليون كيلو غرام"), text.format("ألف طن"), min_confidence=0)
    assert out.select("certainty").rows() == [("low",)]
    assert "the units differ" in out["what"][0]
    assert _pair(text.format("مليون كيلو غرام"), text.format("ألف طن")).height == 0
    # one unit on both sides: a figure that differs is still found
    out = _pair(text.format("ألف طن"), text.format("مليون طن"))
    assert out.select("value_a", "value_b").rows() == [(["ألف طن"], ["مليون طن"])]


# statements that hold a figure in words only, or a scale word alone (SaudiNewsNet excerpts
# above): the pairs of statements without any figure are not diffed, these must be
@pytest.mark.parametrize(
    "text",
    [
        "على أن يتم توقيع العقد في غضون ثمانٍ وأربعين ساعة",  # 2015-07-24:2041:6
        "أي بعد أربع وعشرين ساعة من خطابنا الأول",  # 2015-07-24:2041:5
        "الحملة الوطنية السعودية تواصل تقديم الدعم النفسي لخمسة آلاف سوري في لبنان",
        "احتلت المرتبة الحادية عشرة في الترتيب",  # an ordinal and its teen
        "وصل ألف شخص إلى المخيم",  # a scale word alone is a figure
        "بلغت الكلفة المئة ألف ريال",
    ],
)
def test_a_statement_with_a_figure_in_words_is_diffed(text: str) -> None:
    from narratives.compare.discrepancies import _may_hold_figures

    lex = _figure_lexicon("months.yaml", "quantities.yaml", "figures.yaml")
    flagged = pl.DataFrame({"text": [text]}).select(_may_hold_figures(pl.col("text"), lex))
    assert flagged.item() is True


def test_only_statements_without_any_figure_are_left_out(seeds_dir) -> None:
    """On the seed articles: every statement in which a figure can be read (by the reader
    of the slots, on its whole text) is kept; the ones left out hold none."""
    import narratives as n
    from narratives.compare._text import word_key
    from narratives.compare.discrepancies import _may_hold_figures, _prepared

    lex = _figure_lexicon("months.yaml", "quantities.yaml", "figures.yaml")
    statements = n.extract_statements(n.read_corpus(seeds_dir))
    flags = statements.select(_may_hold_figures(pl.col("text"), lex))["text"].to_list()
    read = [
        bool(_span_values([word_key(t) for t in _prepared(x)], lex)) for x in statements["text"]
    ]
    assert all(f for f, r in zip(flags, read, strict=True) if r)
    assert sum(read) > 0 and not all(flags)  # some hold figures, some are left out


def test_one_price_of_an_undated_market_reading_is_not_sure() -> None:
    # alriyadh / 3alyoum 2015-07-24 (a wire's metals report): the same move, another price:
    # two hours' readings as likely as a figure misreported, so not high
    out = _pair(
        "ومن بين المعادن النفيسة الأخرى نزلت الفضة 0.1 بالمئة إلى 14.63 دولار للأوقية",
        "ومن بين المعادن النفيسة الأخرى نزلت الفضة 0.1 بالمئة إلى 14.75 دولار للأوقية",
        min_confidence=0,
    )
    assert out["certainty"].to_list() == ["medium"]
    assert "market reading" in out["what"][0]


def test_one_count_of_two_stock_market_sessions_is_no_discrepancy_at_the_default() -> None:
    # alwatan / 3alyoum 2015-07-24: one session report's template, two sessions (the index
    # closed at 9373 in one article, 9275.20 in the other): 70 risers in both, 67 / 78
    # fallers is two days' trading, not a figure misreported
    alwatan = "وشهدت تداولات الأمس ارتفاع أسهم 70 شركة في قيمتها وتراجعت أسهم 67 شركة،"
    threealyoum = (
        "وشهدت تداولات اليوم ارتفاع أسهم 70 شركة في قيمتها وتراجعت أسهم 78 شركة, وظلت أسهم"
        " 17 شركة أخرى بدون تغير"
    )
    assert _pair(alwatan, threealyoum).is_empty()
    shown = _pair(alwatan, threealyoum, min_confidence=0)
    assert shown.height == 1
    assert "market reading" in shown["what"][0]
