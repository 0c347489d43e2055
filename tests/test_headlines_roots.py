"""Own words of a headline: a verb against its verbal noun is no word choice."""

from __future__ import annotations

import pytest

from narratives.compare.headlines import _own_words


@pytest.mark.parametrize(
    ("rows", "own"),
    [
        (  # SaudiNewsNet 2015-08-04:104 / :925, Britain's Tornado mission
            [
                ("aawsat", "بريطانيا تقرر تمديد حملتها ضد «داعش» في العراق لمدة سنة"),
                ("alyaum", "بريطانيا تمدد مشاركة تورنادو في ضرب «داعش» بالعراق"),
            ],
            ["تقرر", "حملتها", "لمدة", "سنة"],
        ),
        (  # 2015-07-27:1364, the Dammam shops: «إغلاق» / «تغلق»
            [
                ("alyaum", "إغلاق 250 محلاً مخالفاً وسط الدمام في رمضان"),
                ("alriyadh", "بلدية الدمام تغلق 250 محلاً مخالفاً خلال شهر رمضان"),
            ],
            ["وسط"],
        ),
        (  # 2015-07-27:300, the relief ship: «إغاثة» / «الإغاثية»
            [
                ("aleqtisadiya", "«درب الخير» .. أكبر سفينة إغاثة سعودية تصل إلى اليمن"),
                ("okaz", "سفينة «درب الخير» الإغاثية تصل ميناء عدن"),
                ("alriyadh", "«درب الخير».. أكبر سفينة إغاثية سعودية تصل إلى ميناء عدن"),
            ],
            ["اليمن"],
        ),
    ],
    ids=["extend", "close", "relief"],
)
def test_a_verb_and_its_verbal_noun_are_one_word_of_two_headlines(rows, own) -> None:
    words = _own_words([(f"a{i}", outlet, text) for i, (outlet, text) in enumerate(rows)])
    assert words["a0"] == own


def test_words_of_other_roots_stay_own_words() -> None:
    # 2015-08-04:731 / :1251: «الصغير» / «صغار» are one root and no own word; «مهمة»,
    # «تعويض», «يواجهون», «الإمارات» share no root with the other headline's words
    rows = [
        ("alyaum", "صغار (الأخضر) يواجهون الإمارات.. اليوم"),
        ("okaz", "الأخضر الصغير في مهمة تعويض"),
    ]
    words = _own_words([(f"a{i}", outlet, text) for i, (outlet, text) in enumerate(rows)])
    assert words["a1"] == ["مهمة", "تعويض"]
    assert "يواجهون" in words["a0"] and "الإمارات" in words["a0"]
