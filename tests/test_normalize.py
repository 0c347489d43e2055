"""Laws of narratives.normalize: idempotence, offsets, spelling variants, digits."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narratives.normalize import (
    LEVELS,
    normalize,
    normalize_with_offsets,
    strip_clitics,
    tokenize,
)

# Arabic letters and marks, their variants, digits, quotes, punctuation, and
# every kind of white space and invisible format character the module handles
ARABIC_CHARS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.sampled_from(list(" \t\n\r\u00a0\u200b\u200c\u200d\u200f\u202b\u2066\ufeff")),
    st.sampled_from(list("“”«»„‟‘’‹›″＂\"'`´–—―−‐‑-.,;:?!%")),
    st.characters(min_codepoint=0x20, max_codepoint=0x24F),
)
ARABIC_TEXT = st.text(alphabet=ARABIC_CHARS, max_size=80)
ANY_TEXT = st.one_of(ARABIC_TEXT, st.text(max_size=60))

level = pytest.mark.parametrize("lvl", LEVELS)


@level
@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT)
def test_idempotent(lvl: str, text: str) -> None:
    once = normalize(text, lvl)  # type: ignore[arg-type]
    assert normalize(once, lvl) == once  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT)
def test_match_absorbs_display(text: str) -> None:
    assert normalize(normalize(text, "display"), "match") == normalize(text, "match")


@level
@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT)
def test_offsets_agree_with_normalize(lvl: str, text: str) -> None:
    out, offsets = normalize_with_offsets(text, lvl)  # type: ignore[arg-type]
    assert out == normalize(text, lvl)  # type: ignore[arg-type]
    assert len(offsets) == len(out)
    assert all(0 <= i < len(text) for i in offsets)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    for ch, i in zip(out, offsets, strict=True):
        if ch != " ":  # a kept space may stand for any white-space run
            assert normalize(text[i], lvl) and ch in normalize(text[i], lvl)  # type: ignore[arg-type]
        else:  # white space, or a presentation form that decomposes to space + mark
            assert text[i].isspace() or " " in unicodedata.normalize("NFKC", text[i])


@level
@settings(max_examples=200, deadline=None)
@given(text=ARABIC_TEXT)
def test_offsets_slice_back_to_the_source(lvl: str, text: str) -> None:
    out, offsets = normalize_with_offsets(text, lvl)  # type: ignore[arg-type]
    if out:
        span = text[offsets[0] : offsets[-1] + 1]
        assert normalize(span, lvl) == out  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("الروسى", "الروسي"),
        ("سيرغى", "سيرغي"),
        ("سورية", "سوريه"),
        ("أكد", "اكد"),
        ("إرهاب", "ارهاب"),
        ("آليات", "اليات"),
        ("الإرهابيّ", "الارهابي"),
        ("الميدانيـة", "الميدانيه"),
        ("«داعش»", '"داعش"'),
        ("“داعش”", '"داعش"'),
        ("٢٠١٧", "2017"),
        ("۲۰۱۷", "2017"),
        ("قال،", "قال,"),
        ("ﻻ", "لا"),
        ("RT  Arabic", "rt arabic"),
        ("سانا\u200f", "سانا"),
    ],
)
def test_spelling_variants_match(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سورية  اليوم", "سورية اليوم"),
        ("الإرهابيّ", "الإرهابيّ"),
        ("ﻻ\u200f", "لا"),
        ("\t سيرغى \n", "سيرغى"),
    ],
)
def test_display_level_keeps_spelling(text: str, expected: str) -> None:
    assert normalize(text, "display") == expected


def test_unknown_level_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown normalization level"):
        normalize("نص", "strict")  # type: ignore[arg-type]


def test_seed_spellings_normalize_equal(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    text_000 = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    text_001 = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    assert "سيرغي لافروف" in text_000 and "سيرغى لافروف" in text_001
    assert "وزير الخارجيه الروسي سيرغي لافروف" in normalize(text_000)
    assert "وزير الخارجيه الروسي سيرغي لافروف" in normalize(text_001)


def test_tokenize_drops_punctuation() -> None:
    assert tokenize("قال لافروف: «الإرهاب»، اليوم") == ["قال", "لافروف", "الارهاب", "اليوم"]


@pytest.mark.parametrize(
    ("token", "expected"),
    [("والارهاب", "ارهاب"), ("لافروف", "لافروف"), ("للولايات", "ولايات"), ("بالارهاب", "ارهاب")],
)
def test_strip_clitics_only_to_known_words(token: str, expected: str) -> None:
    vocab = {"الارهاب", "ارهاب", "لافروف", "الولايات", "ولايات"}
    assert strip_clitics(token, vocab) == expected


def _translated(text: str, lvl: str) -> str:
    """:func:`normalize` as ``str.translate`` and a regex give it (its short-text path)."""
    from narratives.normalize import _SPACE_RUN, _table

    return _SPACE_RUN.sub(" ", text.translate(_table(lvl))).strip()  # type: ignore[arg-type]


LONG_TEXT = st.one_of(
    st.text(alphabet=ARABIC_CHARS, min_size=150, max_size=250),
    # no presentation form (those rewritten as two letters leave the array path)
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
            st.sampled_from(list(" \t\n\r\u00a0\u200b\u200f\u202b\ufeff«»“”،؛؟")),
        ),
        min_size=150,
        max_size=250,
    ),
    st.text(min_size=150, max_size=300),
)


@level
@settings(max_examples=50, deadline=None)
@given(text=LONG_TEXT)
def test_long_texts_normalize_as_translate_does(lvl: str, text: str) -> None:
    # long texts go through numpy code point arrays; white space runs at either end,
    # presentation forms that give two letters, characters beyond the BMP, surrogates
    assert normalize(text, lvl) == _translated(text, lvl)  # type: ignore[arg-type]


def test_articles_normalize_as_translate_does() -> None:
    import warnings

    import narratives
    from tests.conftest import SAUDINEWSNET

    day = SAUDINEWSNET / "2015-08-10.zip"
    if not day.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = narratives.read_corpus(day)["raw_text"].head(300).to_list()
    assert sum(len(t) >= 150 for t in texts) > 250
    for lvl in LEVELS:
        assert [normalize(t, lvl) for t in texts] == [_translated(t, lvl) for t in texts]
    padded = "\u200f  " + texts[0] + "\u0651\ufefb \ud83d\ude00\n\t "
    assert normalize(padded) == _translated(padded, "match")
    assert normalize("\ud800" + texts[0]) == _translated("\ud800" + texts[0], "match")
