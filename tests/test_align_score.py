"""Work the pair scoring and the contradiction checks need not do, and the same answers.

Excerpts are real SaudiNewsNet statements (2015-07-21, 2015-08-02, 2015-08-04).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import narratives
from narratives._figures import number_words
from narratives.align import aligner, score
from narratives.align.aligner import (
    CONTAINED,
    FILLERS,
    _conflicts,
    _Prepared,
    candidate_pairs,
    finish_alignments,
    prepare_alignment,
    score_pairs,
)
from narratives.align.score import _most_similar, substitution_conflict
from narratives.normalize import normalize
from tests.test_align_slots import CROWN_PRINCE, KING, PLANE_1, PLANE_1_OTHER_OUTLET, PLANE_2

# numbers in words, no digit (2015-07-21)
FOUR_ITALIANS = (
    "أعلنت وزارة الخارجية الايطالية، اليوم (الاثنين)، ان اربعة ايطاليين يعملون في مجال "
    "البناء خطفوا في ليبيا."
)
ADEN_AIRPORT = (
    "موضحا ان فريقاً فنياً متخصصاً وصل من الإمارات لإعادة تشغيل المطار خلال أربع وعشرين ساعة "
    "واستئناف الرحلات من وإلى عدن خلال الساعات المقبلة."
)
MARINES = "مما أدى إلى مقتل أربعة من المارينز وإصابة ثلاثة أشخاص، قبل أن يقتل هو بالرصاص."
# a figure in digits, and a name joined after عبد (2015-08-04)
APPOINT = (
    "4 ـ تعيين محمد بن عبد الله بن محمد بن مهناء على وظيفة (مدير عام الحقوق) بالمرتبة "
    "الرابعة عشرة بوزارة الداخلية."
)
NO_FIGURE = [KING, PLANE_1, PLANE_2]
WITH_FIGURES = [FOUR_ITALIANS, ADEN_AIRPORT, MARINES, APPOINT]


def _prepared(texts: list[str]) -> _Prepared:
    return _Prepared(
        texts,
        processor=None,
        stopwords=None,
        exclude=None,
        background=aligner.DEFAULT_BACKGROUND,
        prior=aligner.DEFAULT_PRIOR,
    )


def _read_in_full(prep: _Prepared, k: int) -> tuple[frozenset[str], frozenset[str]]:
    """What :meth:`_Prepared.numbers` and ``figure_slots`` read when they read the text."""
    text = aligner.SLASH_DATE.sub(
        " ", aligner.unreverse_figures(aligner.without_list_number(prep.texts[k]))
    )
    text = aligner.scaled_figures(normalize(aligner.HIJRI_YEAR.sub(" ", text)))
    numbers = score.numbers_in(text) | number_words(text)
    return frozenset(numbers), aligner.figure_slots(text)


def test_figures_of_a_text_without_digits_or_number_words_are_not_read(monkeypatch):
    prep = _prepared(NO_FIGURE + WITH_FIGURES)
    expected = [_read_in_full(prep, k) for k in range(len(prep.texts))]

    def refuse(*args, **kwargs):
        raise AssertionError("a text with no figure was read for figures")

    # the King's cable and the two planes: no digit, no number word
    with monkeypatch.context() as patch:
        patch.setattr(aligner, "number_words", refuse)
        patch.setattr(aligner, "figure_slots", refuse)
        for k in range(len(NO_FIGURE)):
            assert prep.numbers(k) == frozenset() == prep.figure_slots(k)
    # four Italians, twenty-four hours, four marines, the fourteenth rank: read as before
    for k in range(len(prep.texts)):
        assert (prep.numbers(k), prep.figure_slots(k)) == expected[k]
    assert prep.numbers(len(NO_FIGURE)) == {"4"}
    assert prep.numbers(len(NO_FIGURE) + 1) == {"24"}


def test_a_number_word_after_a_joined_name_is_still_read():
    # the full text joins عبد to the next word (عبد الخمسة is one word there): the words
    # after it are looked at too, so the quick test never hides a number word
    prep = _prepared(["وصل عبد الخمسة لاعبين إلى الملعب", KING])
    assert "عبدالخمسه" in prep.full[0]
    assert prep._number_words_in(0) and not prep._number_words_in(1)
    assert prep.numbers(0) == _read_in_full(prep, 0)[0] == {"5"}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from("ابجدهوزح"), max_size=12),
    st.lists(st.sampled_from("ابجدهوزح"), max_size=12),
)
def test_most_similar_bounds_the_ratio_of_the_word_alignment(a, b):
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert _most_similar(a, b) >= ratio - 1e-12


def test_substitution_check_skips_the_word_alignment_of_other_sentences(monkeypatch):
    # the King's cable against the first plane: too few words in common for an edit
    a, b = normalize(KING).split(), normalize(PLANE_1).split()

    def refuse(*args, **kwargs):
        raise AssertionError("SequenceMatcher run on two different sentences")

    monkeypatch.setattr(score.difflib, "SequenceMatcher", refuse)
    assert substitution_conflict(a, b, {}) is None
    assert substitution_conflict(a, list(a), {}) is None  # one sentence, no edit


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("مؤشر يتراجع 71 نقطه", "مؤشر يتراجع 17 نقطه", "figures"),
        ("استشهاد جندي حد جازان", "استشهاد جندي حد نجران", "roles"),
        ("اغلاق علي انخفاض", "اغلاق علي ارتفاع", "action"),
    ],
)
def test_one_word_changed_is_still_found(a, b, kind):
    places = {"جازان": "jazan", "نجران": "najran"}
    up = {frozenset({"ارتفاع", "انخفاض"})}
    assert substitution_conflict(a.split(), b.split(), places, up) == kind


@pytest.fixture(scope="module")
def statements() -> pl.DataFrame:
    # the first same-event dev gold: 70 articles of 2015 on a few events
    gold = Path(__file__).parents[1] / "data" / "gold" / "same_event_dev.jsonl"
    return narratives.extract_statements(narratives.read_corpus(gold))


def test_scored_pairs_all_reach_their_floor(statements):
    setup = prepare_alignment(statements)
    assert setup is not None
    i, j = candidate_pairs(setup)
    ki, kj, comp, sc = score_pairs(setup, i, j, lowest=40.0, top_threshold=30.0)
    assert 0 < len(ki) < len(i)
    tops = aligner._top_pairs(setup.column, ki, kj)
    floor = np.where(tops, 30.0, 40.0) if tops is not None else np.full(len(ki), 40.0)
    # the score with a headline's containment floor reaches the pair's floor: the pairs
    # below it, in no output, are not handed to linking
    assert (comp[CONTAINED] >= floor).all()
    assert (sc <= comp[CONTAINED]).all()
    # the slot check was read for every returned pair
    assert not np.isnan(comp[FILLERS]).any()
    # and every pair's score is what all pairs scored at once (lowest -1) give it
    ai, aj, acomp, asc = score_pairs(setup, i, j, lowest=-1.0, top_threshold=30.0)
    at = {(a, b): s for a, b, s in zip(ai.tolist(), aj.tolist(), asc.tolist(), strict=True)}
    assert len(ai) == len(i)
    assert [at[(a, b)] for a, b in zip(ki.tolist(), kj.tolist(), strict=True)] == sc.tolist()
    # the pairs dropped change nothing in the alignments
    kept = finish_alignments(setup, ki, kj, comp, sc, threshold=55.0, processes=1)
    every = finish_alignments(setup, ai, aj, acomp, asc, threshold=55.0, processes=1)
    keys = ["statement_id_a", "statement_id_b"]
    assert kept.height > 0 and kept.sort(keys).equals(every.sort(keys))


def test_contradiction_checks_read_the_slot_check_of_scoring(monkeypatch):
    # the two planes: one template about two men (scoring found ``persons``)
    prep = _prepared([PLANE_1, PLANE_2, KING])
    i, j = np.array([0, 0]), np.array([1, 2])
    numbers = np.array([np.nan, np.nan])
    expected = _conflicts(prep, i, j, numbers)
    assert expected[0] == "note:persons"
    found = np.array([0.0, -1.0])  # persons; nothing

    def refuse(*args, **kwargs):
        raise AssertionError("the slot check was run again")

    monkeypatch.setattr(prep, "fillers", refuse)
    assert _conflicts(prep, i, j, numbers, found) == expected


# two headlines of one event in other words and another order (2015-07-25 / 07-26,
# 2015-08-10): more than 0.65 of their words in common, in any order, but their longest
# common subsequence is below that and they share under 0.75 of their words
REWORDED = [
    (
        "اتهام محقق متقاعد في شرطة لوس أنجلوس بالسطو على بنك",
        "اتهام شرطي بالسطو على بنك في لوس أنجلس",
    ),
    (
        "خلال أسبوعين الغارات التركية تقتل 390 كرديا",
        "مقتل 390 كرديًا من حزب العمال خلال أسبوعين جراء الغارات التركية",
    ),
]


@pytest.mark.parametrize(("a", "b"), REWORDED)
def test_substitution_check_bounds_the_word_alignment_by_the_common_subsequence(a, b, monkeypatch):
    a, b = normalize(a).split(), normalize(b).split()
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert ratio <= _most_similar(a, b) < 0.65
    expected = substitution_conflict(a, b, {})

    def refuse(*args, **kwargs):
        raise AssertionError("SequenceMatcher run on a pair its bound rules out")

    monkeypatch.setattr(score.difflib, "SequenceMatcher", refuse)
    assert substitution_conflict(a, b, {}) is None is expected


def test_digit_pattern_finds_what_python_finds():
    # every code point: polars with the built class matches where Python's \d does
    import sys

    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    found = pl.Series(chars).str.contains(aligner._digit_pattern()).to_list()
    assert found == [bool(aligner._ANY_DIGIT.search(c)) for c in chars]
    assert sum(found) == 680 - 20 * (sys.version_info < (3, 12))  # Nd of Python's Unicode


def test_statements_ruled_out_in_bulk_are_not_read_one_by_one(monkeypatch):
    prep = _prepared(NO_FIGURE + WITH_FIGURES)
    expected = [_read_in_full(prep, k) for k in range(len(prep.texts))]
    assert prep.figures_maybe.tolist() == [False] * len(NO_FIGURE) + [True] * len(WITH_FIGURES)

    def refuse(*args, **kwargs):
        raise AssertionError("a statement ruled out in bulk was read one by one")

    with monkeypatch.context() as patch:
        patch.setattr(aligner._Prepared, "_number_words_in", refuse)
        for k in range(len(NO_FIGURE)):
            assert prep.numbers(k) == frozenset() == prep.figure_slots(k)
    for k in range(len(prep.texts)):
        assert (prep.numbers(k), prep.figure_slots(k)) == expected[k]


def test_figures_read_in_parts_equal_those_read_one_by_one(monkeypatch):
    texts = NO_FIGURE + WITH_FIGURES
    one, parts = _prepared(texts), _prepared(texts)
    monkeypatch.setattr(aligner, "PARALLEL_FIGURES", 1)
    parts.read_figures(np.arange(len(texts)), processes=2)
    assert len(parts._numbers) == len(texts)
    for k in range(len(texts)):
        assert (parts._numbers[k], parts._slots[k]) == (one.numbers(k), one.figure_slots(k))


def test_fillers_compared_in_bulk_as_pair_by_pair(monkeypatch):
    # the two planes (other ordinals, other men), the King and the Crown Prince (other
    # people named), one plane told by two outlets (the same people)
    texts = [PLANE_1, PLANE_2, KING, CROWN_PRINCE, PLANE_1_OTHER_OUTLET, *WITH_FIGURES]
    prep = _prepared(texts)
    i, j = np.triu_indices(len(texts), k=1)
    bulk = prep.fillers_differ(i, j)
    one = [
        prep.filler_features(a).differs(prep.filler_features(b)) for a, b in zip(i, j, strict=True)
    ]
    assert bulk.tolist() == one
    assert bulk[(i == 0) & (j == 1)].item() and not bulk[(i == 0) & (j == 4)].item()
    # pairs not differing are those the check answers None for without reading more
    for a, b, d in zip(i.tolist(), j.tolist(), bulk.tolist(), strict=True):
        if not d:
            assert prep.fillers(a, b) is None
