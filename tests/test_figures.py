"""Numbers written in words: one reader for the aligner and the discrepancies table."""

from __future__ import annotations

import pytest

from narratives._figures import number_words, read_number_words
from narratives.compare.discrepancies import _figure_lexicon, _span_values
from narratives.normalize import normalize


# SaudiNewsNet 2015-08-06/07 and 2015-07-25, each excerpt as printed
@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # OIC statement: «الدورة الثامنة والثلاثين» against «الدورة الـ 38» was read 30 and the
        # verbatim pair labelled `contradicts`
        ("الذي اعتمدته الدورة الثامنة والثلاثين لمجلس وزراء خارجية المنظمة", {"38"}),
        ("ويختتم البرنامج يوم الخميس الثامن والعشرين من الشهر الجاري", {"28"}),
        # «أربع وعشرين» is 24, not 4 and 20
        ("على أن يتم توقيع العقد في غضون أربع وعشرين ساعة", {"24"}),
        # a number after a proclitic or the article
        ("وإخلاء ساكني العمارة والمقدر عددهم بخمسة عشر شخصًا", {"15"}),
        ("خلال الأيام الستة الماضية للمهرجان", {"6"}),
        ("على مدى مستوى الأربعة والعشرين أو الثمانية والأربعين ساعة", {"24", "48"}),
        ("وهناك فرق بين سبعين ألف متفرج وتسعة عشر ألفاً", {"70000", "19000"}),
        # not numbers: Monday, the ordinal alone, «لست»
        ("وصل يوم الاثنين الملك عبدالله الثاني ولست أدري", set()),
    ],
)
def test_numbers_in_words_are_read_as_the_aligner_compares_them(
    text: str, figures: set[str]
) -> None:
    assert number_words(normalize(text)) == figures


@pytest.mark.parametrize(
    "text",
    [
        "الذي اعتمدته الدورة الثامنة والثلاثين لمجلس وزراء خارجية المنظمة",
        "على أن يتم توقيع العقد في غضون ثمانٍ وعشرين ساعة",
        "والغرامة التي لا تقل عن مائتي وخمسين ألف درهم",
        "ومنح لخمسة آلاف سوري",
        "وإخلاء ساكني العمارة والمقدر عددهم بخمسة عشر شخصًا",
        "المئة ألف سلة",
    ],
)
def test_the_aligner_and_the_discrepancies_read_the_same_figures(text: str) -> None:
    """One reader: the figures the discrepancies table reads in a span are the aligner's."""
    lex = _figure_lexicon("months.yaml", "quantities.yaml", "figures.yaml")
    keys = normalize(text).split()
    spans = {f"{v:.0f}" for values in _span_values(keys, lex) for v in values}
    assert spans == number_words(normalize(text))


def test_ambiguous_words_are_numbers_only_in_a_compound_unless_asked() -> None:
    assert read_number_words(["ست", "سنوات"]) == []
    assert read_number_words(["ست", "سنوات"], alone=True) == [(0, 1, 6)]
    assert read_number_words(["اثنين", "وعشرين"]) == [(0, 2, 22)]
    # never with the article: الاثنين is Monday
    assert read_number_words(["الاثنين"], alone=True) == []
