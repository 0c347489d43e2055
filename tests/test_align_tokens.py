"""The alignment's match tokens in parts on forked workers are those of one call,
on real statements.

:func:`narratives.align._text.match_tokens` reads two things of *all* its
texts: the known words for clitic stripping and the negations typed joined
to their verb (لايوجد splits when توجد is a word of another text). With
``processes`` it works them out over all the texts first and tokenizes each
part with them; each case forces several parts (two workers, one text a part
at least) and compares tokens, negation scopes and the speaker's masked
words with one call in this process.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import narratives
from narratives.align import _text
from narratives.align._text import match_tokens
from narratives.normalize import normalize
from tests.conftest import SAUDINEWSNET

DAY = SAUDINEWSNET / "2015-08-10.zip"
#: the joined negation, its verb only in the other text (in another part)
JOINED = ["وأكد المصدر أنه لايوجد أي تأثير على الإمدادات", "وقال إن الشركة توجد في المنطقة"]


@pytest.fixture(scope="module")
def statements() -> tuple[list[str], list[str | None]]:
    """Texts and speaker mentions of 80 articles of a SaudiNewsNet day, and a joined negation."""
    if not DAY.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the day's known ingest notes (duplicates)
        articles = narratives.read_corpus(DAY).sort("article_id").head(80)
        st = narratives.extract_statements(articles).sort("statement_id")
    texts = [JOINED[0], *st["text"].fill_null("").to_list(), JOINED[1]]
    return texts, [None, *st["speaker_mention"].to_list(), None]


def test_parts_give_the_tokens_scopes_and_masks_of_one_call(
    statements: tuple[list[str], list[str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, exclude = statements
    normalized = [normalize(t) for t in texts]
    masked_one: list[list[str]] = []
    one = match_tokens(texts, exclude=exclude, normalized=normalized, masked=masked_one)
    monkeypatch.setattr(_text, "PARALLEL_TOKENS", 1)
    masked_parts: list[list[str]] = []
    parts = match_tokens(
        texts, exclude=exclude, normalized=normalized, masked=masked_parts, processes=2
    )
    assert parts == one
    assert masked_parts == masked_one
    # what the comparison rests on is there: the joined negation split in its text (its
    # verb is in another part), negation scopes, the speakers' words masked
    assert "لا" in parts[0][0] and "لايوجد" not in parts[0][0]
    assert sum(bool(s) for s in parts[1]) >= 5
    assert sum(bool(m) for m in masked_parts) >= 20


def test_a_negation_scope_reads_the_words_after_it_in_its_clause() -> None:
    # one content word after لا; لا يزال cancels the negation; لا … إلا is no negation
    tokens, scopes = match_tokens(
        [
            "وقال إن روسيا لا تشارك في التحالف",
            "وأكد أن الوضع لا يزال صعبا",
            "لم يصل، الوفد أمس",
            "لا يمكن الحل إلا بالحوار",
        ]
    )
    assert scopes == [[frozenset({"شارك"})], [], [frozenset({"يصل"})], []]
    assert tokens[0] == ["روسيا", "لا", "تشارك", "تحالف"]


@given(
    st.lists(
        st.sampled_from(["عبد", "الرحمن", "الله", "ال", "عبدالله", " ", "  ", "و", "ا", "2"]),
        max_size=12,
    )
)
def test_join_names_skips_only_texts_the_pattern_cannot_match(words: list[str]) -> None:
    text = " ".join(words)
    assert _text.join_names(text) == _text._ABD.sub(r"\1", text)


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        # SaudiNewsNet 2015-07-31 / 2015-08-04: the speaker and the office only
        ("أوضح ذلك الأستاذ حمد بن سعد العُمر المتحدث الرسمي لوزارة الشؤون البلدية والقروية،", True),
        ("صرح بذلك مدير العلاقات العامة بمحافظة القريات عبدالعزيز العنزي.", True),
        ("أكد ذلك لـ«عكاظ» عبدالله الأحمري عضو اللجنة العقارية في غرفة جدة،", True),
        # a claim of its own after the verb
        ("وأكد ذلك أن الدراسة ستبدأ في موعدها في جميع المدارس", False),
        ("اعتبر هذا الأمر إعلان حرب من قبل «داعش» على تركيا،", False),  # an opinion verb
        ("الى ذلك اكد العضو عبدالحميد السعدي عدم الترشح للانتخابات،", False),
        ("جاء ذلك خلال اجتماعه بمديري تعليم عسير، جيزان، نجران", False),
        # his words after the verb, an imperfect, a verb that carries on his words
        ('وقال "هذا ليس من شأن لجنة الاحتراف وإنما يختص بإدارة نادي الاتحاد".', False),
        ("ويشير هذا القرار الى تكثيف للدور التركي في مكافحة مسلحي التنظيم", False),
        ("وأضاف هذا العام يمكن متابعة رد فعل ليفربول وأرسنال", False),
        ("كشف ذلك عن خلل في منظومة الرقابة", False),
        # SaudiNewsNet 2015-08-10 / 2015-07-24: هذا is a determiner, أيضا a claim follows
        ('وقال هذا المصدر في اتصال هاتفي من سيفاري "عثر المحققون على جثث', False),
        ("وبين هذا وذاك كان يزرع التفاؤل والامل في نفوس الأبناء", False),
        ("وكشف ذلك أيضا في مداولات شعبية على نطاق واسع، مغذيات القتل", False),
    ],
)
def test_a_bare_attribution_is_told_from_a_claim(text: str, bare: bool) -> None:
    assert _text.attribution_only(text) is bare
