"""Words news wires swap, compared as one match token (narratives.align._lemmas)."""

from __future__ import annotations

import pytest

import narratives
from narratives.align._lemmas import Lemmas, load_match_synonyms
from narratives.align._text import content_tokens, load_polarity
from narratives.normalize import normalize

# SaudiNewsNet 2015-08-02 (second same-event dev gold): alweeam's headline and lead against
# the headlines of two other outlets on the helicopter crash at the Ryazan air show
HEADLINE = "مصرع طيار روسي وإصابة آخر في استعراض جوي عسكري"
LEAD = "لقي طيار روسي مصرعه وأصيب آخر في تحطم مروحية عسكرية خلال استعراض جوي عسكري في روسيا."
OTHER_HEADLINES = [
    "مقتل طيار وإصابة آخر بعد تحطم طائرة هيلكوبتر في عرض جوي روسي",
    "مقتل طيار وإصابة آخر إثر تحطم هيلكوبتر بعرض جوي روسي",
]


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        # about 47 before: مصرع / مقتل and مروحية / هيلكوبتر were different words
        (HEADLINE, OTHER_HEADLINES[0]),
        (HEADLINE, OTHER_HEADLINES[1]),
        # aleqtisadiya's lead and alriyadh's headline (قتل / مقتل, أصيب / إصابة, تحطمت /
        # تحطم, هليكوبتر / هيلكوبتر)
        ("قتل طيار وأصيب آخر عندما تحطمت طائرة هليكوبتر خلال عرض جوي في إقليم ريازان "
         "الروسي اليوم الأحد.", OTHER_HEADLINES[1]),
    ],
)
def test_one_claim_in_swapped_words_is_a_paraphrase(mine: str, theirs: str) -> None:
    row = narratives.similarity([mine], [theirs]).row(0, named=True)
    assert row["score"] >= 55
    assert row["relation"] == "paraphrase"


def test_swapped_words_share_one_token() -> None:
    tokens = content_tokens([HEADLINE, OTHER_HEADLINES[0], LEAD])
    assert "مقتل" in tokens[0] and "مصرع" not in tokens[0]
    assert "مروحيه" in tokens[1] and "مروحيه" in tokens[2]


def test_no_group_holds_a_negation_or_a_stopword_and_no_word_is_in_two_groups() -> None:
    groups = load_match_synonyms()
    polarity = load_polarity()
    words = set(groups) | set(groups.values())
    assert words.isdisjoint(polarity)
    assert all(w == normalize(w) for w in words)


def test_a_negation_is_never_replaced() -> None:
    lemma = Lemmas(synonyms={"لم": "ما", "مصرع": "مقتل"}, keep=frozenset({"لم"}))
    assert lemma["لم"] == "لم"
    assert lemma["مصرع"] == "مقتل"


def test_a_word_in_two_groups_is_an_error(tmp_path) -> None:
    bad = tmp_path / "syn.tsv"
    bad.write_text("group\tword\na\tمقتل\na\tمصرع\nb\tوفاه\nb\tمصرع\n", encoding="utf-8")
    with pytest.raises(ValueError, match="two groups"):
        load_match_synonyms(bad)


def test_a_negated_claim_in_swapped_words_still_contradicts() -> None:
    # the swapped word must not hide the polarity check
    row = narratives.similarity(
        ["لم يلق الطيار مصرعه في تحطم المروحية"], ["لقي الطيار مصرعه في تحطم الهليكوبتر"]
    ).row(0, named=True)
    assert row["relation"] in {"contradicts", "related"}
