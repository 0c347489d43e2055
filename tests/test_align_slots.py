"""One template about other people or ordinals is two claims (issue 9, second dev gold).

Excerpts are real SaudiNewsNet statements (2015-08-02, 08-04, 08-06).
"""

from __future__ import annotations

import difflib
from collections import Counter

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import LCSseq

import narratives
from narratives.align import _conflicts
from narratives.align._conflicts import (
    FillerFeatures,
    has_byline,
    load_given_names,
    named_people,
    other_fillers,
)

# two border guards' bodies flown home, one per plane (SaudiNewsNet 2015-08-02)
PLANE_1 = (
    "حيث أقلت الطائرة الأولى جثمان شهيد الواجب العريف أحمد جعفر المجايشي من قاعدة طيران "
    "الأمن بمنطقة عسير بمرافقة عدد من أقارب الشهيد وهبطت في شمال محافظة بارق يوم أمس الأول."
)
PLANE_1_OTHER_OUTLET = (
    "حيث أقلت الطائرة الأولى جثمان شهيد الواجب العريف أحمد جعفر المجايشي من قاعدة طيران "
    "الأمن في منطقة عسير بمرافقة عدد من أقارب الشهيد وهبطت في شمال محافظة بارق أول أمس."
)
PLANE_1_SHORT = (
    "وكانت الطائرة الأولى أقلت جثمان العريف أحمد المجايشي من قاعدة طيران الأمن بمنطقة عسير "
    "بمرافقة عدد من ذويه، وهبطت في شمال محافظة بارق يوم أمس،"
)
PLANE_2 = (
    "كما أقلت طائرة ثانية جثمان شهيد الواجب الجندي أول محمد علي العمري من قاعدة طيران الأمن "
    "بمنطقة عسير يرافقها عدد من أقارب الشهيد وهبطت في قيادة حرس الحدود بمحافظة القنفذة "
    "ليلة الجمعة الماضية."
)
# list items of one royal order (2015-08-04)
APPOINT_4 = (
    "4 ـ تعيين محمد بن عبد الله بن محمد بن مهناء على وظيفة (مدير عام الحقوق) بالمرتبة "
    "الرابعة عشرة بوزارة الداخلية."
)
APPOINT_5 = (
    "5 ـ تعيين عبدالله بن محمد بن سعد الدهيمي على وظيفة (رئيس كتابة عدل) بالمرتبة الرابعة "
    "عشرة بوزارة العدل."
)
# the King's cable and the Crown Prince's (2015-08-04)
KING = (
    "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس "
    "باتريك ألين حاكم عام جامايكا بمناسبة ذكرى استقلال بلاده."
)
CROWN_PRINCE = (
    "كما بعث نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز "
    "آل سعود برقية تهنئة لفخامة الرئيس باتريك ألين حاكم عام جامايكا بمناسبة ذكرى استقلال بلاده."
)
BOTH = (
    "إلى ذلك، بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، ونائب خادم الحرمين "
    "الشريفين الأمير محمد بن نايف برقيتي تهنئة لحاكم عام جامايكا باتريك ألين بمناسبة ذكرى "
    "استقلال بلاده."
)
# two lines of the Jeddah metro (2015-08-06)
LINE_2 = (
    'أما الخط الثاني يمر عبر شارع الأمير محمد بن عبدالعزيز "التحلية" بطول 11 كيلو متراً '
    "ويمر بـ 9 محطات،"
)
LINE_3 = (
    "أما الخط الثالث يمر عبر شارع فلسطين بطول 9 كيلو مترات ويمر بـ 11 محطة ويصل إلى 37 كيلو "
    "متراً في المرحلة الثانية للمشروع"
)
# one player named in full, the other side names him and a team mate by family name
ABED_ALONE = "وأجرى نواف العابد مرانه بالجري حول الملعب وأداء تدريبات خفيفة بالكرة،"
ABED_AND_QAHTANI = (
    "فيما أدى العابد والقحطاني مرانهما بالجري حول الملعب وأداء تدريبات خفيفة باستخدام "
    "الكرة، ضمن برنامجيهما الإعدادي والتأهيلي."
)


@pytest.mark.parametrize(
    ("a", "b", "note"),
    [
        (PLANE_1, PLANE_2, "note:persons"),
        (APPOINT_4, APPOINT_5, "note:persons"),
        (KING, CROWN_PRINCE, "note:persons"),
        (LINE_2, LINE_3, "note:ordinals"),
    ],
)
def test_one_template_about_other_people_is_two_claims(a, b, note):
    out = narratives.similarity([a, b], [b, a])
    assert out["conflict"].to_list() == [note, note]
    assert out["relation"].to_list() == ["related", "related"]
    assert (out["score"] < 55).all()
    # with the check off the pair scores as a paraphrase or closer: the check is what splits it
    off = narratives.similarity([a], [b], slot_penalty=1.0)
    assert off["score"][0] > out["score"][0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (PLANE_1, PLANE_1_OTHER_OUTLET),  # the same man, the same plane
        (PLANE_1, PLANE_1_SHORT),  # the name shortened (أحمد جعفر المجايشي / أحمد المجايشي)
        (KING, BOTH),  # the King's cable told with the Crown Prince's
        (ABED_ALONE, ABED_AND_QAHTANI),  # نواف العابد / العابد والقحطاني
    ],
)
def test_one_claim_with_the_same_people_keeps_its_pair(a, b):
    out = narratives.similarity([a], [b])
    assert out["conflict"][0] is None or not out["conflict"][0].endswith(("persons", "ordinals"))
    assert out["score"][0] == narratives.similarity([a], [b], slot_penalty=1.0)["score"][0]


def test_align_drops_the_cross_pairs_and_keeps_the_true_ones():
    texts = [PLANE_1, PLANE_2, PLANE_1_OTHER_OUTLET, PLANE_2.replace("يرافقها", "بمرافقة")]
    st = pl.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "b:0", "b:1"],
            "article_id": ["a", "a", "b", "b"],
            "outlet": ["x", "x", "y", "y"],
            "text": texts,
        }
    )
    pairs = {
        tuple(r) for r in narratives.align(st).select("statement_id_a", "statement_id_b").rows()
    }
    assert pairs == {("a:0", "b:0"), ("a:1", "b:1")}
    before = narratives.align(st, slot_penalty=1.0)
    assert before.height > 2  # the plane-1 / plane-2 pairs scored as one claim


def test_named_people_skips_fathers_families_and_places():
    given = load_given_names()
    assert named_people(
        ["الامير", "محمد", "بن", "نايف", "بن", "عبدالعزيز", "ال", "سعود"], given
    ) == {"محمد"}
    assert named_people(["وكيل", "اماره", "منطقه", "الرياض"], given) == set()
    assert "علي" not in given  # على once normalized


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عبدالله البرقاوي- سبق- الرياض: أعلنت المديرية العامة للجوازات", True),
        ("طارق قمقوم – عين اليوم  أكد المتحدث الأمني لوزارة الداخلية", True),
        (KING, False),
    ],
)
def test_bylines_are_read_at_the_opening_only(text, expected):
    assert has_byline(text) is expected


# --- speed: what the check reads of a statement is made once, not once per pair ------------

EXCERPTS = [PLANE_1, PLANE_1_OTHER_OUTLET, PLANE_1_SHORT, PLANE_2, APPOINT_4, APPOINT_5]
EXCERPTS += [KING, CROWN_PRINCE, BOTH, LINE_2, LINE_3, ABED_ALONE, ABED_AND_QAHTANI]


def _prepared(texts: list[str]):
    from narratives.align.aligner import prepare_alignment

    st = pl.DataFrame(
        {
            "statement_id": [f"s:{k}" for k in range(len(texts))],
            "article_id": [f"s{k}" for k in range(len(texts))],
            "outlet": [f"o{k}" for k in range(len(texts))],
            "text": texts,
        }
    )
    return prepare_alignment(st).prep


def test_per_statement_features_give_every_pair_the_same_answer():
    prep = _prepared(EXCERPTS)
    got, plain = {}, {}
    for a in range(len(EXCERPTS)):
        for b in range(len(EXCERPTS)):
            if a == b:
                continue
            got[a, b] = prep.fillers(a, b)
            # the check read from scratch, pair by pair (as before the cache)
            plain[a, b] = other_fillers(
                prep.tokens[a],
                prep.tokens[b],
                prep.given_names,
                prep.ordinals,
                words=(prep.raw_words(a), prep.raw_words(b)),
                bylines=(prep.byline(a), prep.byline(b)),
            )
    assert got == plain
    assert got[0, 3] == "persons" and got[9, 10] == "ordinals" and got[0, 1] is None
    # one feature set per statement, whatever the number of pairs
    assert len(prep._fillers) == len(EXCERPTS)
    assert all(isinstance(f, FillerFeatures) for f in prep._fillers.values())


def test_a_pair_sharing_too_few_words_is_no_template_without_aligning_them(monkeypatch):
    # the two appointments of the royal order share most of their words; the King's
    # cable and the metro line share almost none: no word alignment (difflib) is run
    prep = _prepared([APPOINT_4, LINE_2, APPOINT_5])
    assert prep.fillers(0, 2) == "persons"

    def refuse(*args, **kwargs):
        raise AssertionError("SequenceMatcher run on a pair that shares too few words")

    monkeypatch.setattr(_conflicts.difflib, "SequenceMatcher", refuse)
    fa, fb = prep.filler_features(0), prep.filler_features(1)
    assert (fa.counts & fb.counts).total() < 0.5 * min(len(fa.bare), len(fb.bare))
    assert fa.differs(fb)  # they name other people: the cheap test alone cannot tell
    assert prep.fillers(0, 1) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from("ابجدهوزح"), max_size=14),
    st.lists(st.sampled_from("ابجدهوزح"), max_size=14),
)
def test_the_template_bound_is_never_below_the_words_aligned(a, b):
    # other_fillers leaves a pair when the longest common subsequence (LCSseq) is below
    # its least share: the blocks SequenceMatcher aligns are never more words than that
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    aligned = sum(block.size for block in matcher.get_matching_blocks())
    assert aligned <= LCSseq.similarity(a, b) <= (Counter(a) & Counter(b)).total()
