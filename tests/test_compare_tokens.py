"""Content tokens in parts on forked workers are the tokens of one call, on real statements.

The omission checks tokenize in parts (:mod:`narratives.compare._tokens`);
a text's tokens depend on the known words of *all* the texts (clitic
stripping) and on the negations typed joined to their verb anywhere in them
(لايوجد splits when توجد is a word of another text). Each case forces
several parts (two workers, one text per part at least) and compares them
with one :func:`content_tokens` call over all the texts.
"""

from __future__ import annotations

import warnings

import pytest

import narratives
from narratives.align._text import _TOKEN, content_tokens, join_names
from narratives.compare import _tokens
from narratives.compare._certainty import _stems
from narratives.compare._parts import _keys, _light_keys, _names_normalized, _undated
from narratives.compare._tokens import (
    content_tokens_in_parts,
    normalize_all,
    normalized_in_parts,
    words_in_parts,
    words_of,
)
from narratives.normalize import normalize
from tests.conftest import SAUDINEWSNET

DAY = SAUDINEWSNET / "2015-08-09.zip"
#: the joined negation, its verb only in the other text (in another part)
JOINED = ["وأكد المصدر أنه لايوجد أي تأثير على الإمدادات", "وقال إن الشركة توجد في المنطقة"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Statement texts of 60 articles of a SaudiNewsNet day, and a joined negation."""
    if not DAY.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the day's known ingest notes (duplicates)
        articles = narratives.read_corpus(DAY).sort("article_id").head(60)
        st = narratives.extract_statements(articles).sort("statement_id")
    return [JOINED[0], *st["text"].fill_null("").to_list(), JOINED[1]]


def test_parts_give_the_tokens_of_one_call(texts: list[str]) -> None:
    one = content_tokens(texts)
    parts = content_tokens_in_parts(texts, then=list, processes=2, least=1)
    assert parts == one
    # the joined negation split, as in one call; alone, its text keeps it one word
    assert "لا" in parts[0] and "لايوجد" not in parts[0]
    assert "لايوجد" in content_tokens([texts[0]])[0]


def test_parts_of_some_rows_give_their_tokens_of_one_call(texts: list[str]) -> None:
    one = content_tokens(texts)
    rows = list(range(0, len(texts), 3))
    got = content_tokens_in_parts(texts, then=list, rows=rows, processes=2, least=1)
    assert got == [one[k] for k in rows]
    assert any(got)


def test_parts_with_a_normalizer_vocabulary_and_exclusions(texts: list[str]) -> None:
    # as the parts of claims read them: names joined, the clauses' own vocabulary,
    # the speaker's words left out
    normalized = [_names_normalized(t) for t in texts]
    vocabulary = {w for t in normalized for w in _TOKEN.findall(t)}
    exclude = [None, "المصدر", *([None] * (len(texts) - 2))]
    one = _light_keys(
        content_tokens(texts, vocabulary=vocabulary, normalized=normalized, exclude=exclude)
    )
    got = content_tokens_in_parts(
        texts,
        then=_light_keys,
        normalizer=_names_normalized,
        vocabulary=vocabulary,
        exclude=exclude,
        processes=2,
        least=1,
    )
    assert got == one
    assert normalized_in_parts(texts, _names_normalized, processes=2, least=1) == (
        normalized,
        vocabulary,
    )
    # clauses undated in the workers: the keys of the undated texts
    undated = [_undated(t) for t in texts]
    assert _keys(undated, vocabulary=vocabulary) == _keys(
        texts, vocabulary=vocabulary, normalizer=lambda t: _names_normalized(_undated(t))
    )


def test_certainty_stems_in_parts_are_those_of_one_call(texts: list[str]) -> None:
    one = _stems(content_tokens(texts))
    assert content_tokens_in_parts(texts, then=_stems, processes=2, least=1) == one
    assert all(isinstance(s, set) for s in one) and any(one)


def test_small_inputs_stay_in_this_process_with_the_same_tokens() -> None:
    texts = [normalize(t) for t in JOINED]
    assert content_tokens_in_parts(JOINED, then=list) == content_tokens(JOINED)
    assert content_tokens_in_parts(JOINED, then=list, normalized=texts) == content_tokens(
        JOINED, normalized=texts
    )


@pytest.mark.parametrize("processes", [1, 2])
def test_words_of_pieces_are_those_of_the_normalized_texts(
    texts: list[str], processes: int
) -> None:
    # the content-word count reads the words of every text but normalizes only the texts
    # it counts: the words of each white-space-separated piece, normalized once, are
    # those of the whole texts normalized; with an isolated fatha form (NFKC: a space and
    # the mark), a zero-width space, a tatweel and a soft hyphen inside words
    odd = ["الإرهاب\ufe76خطر", "وزير\u200bالخارجية", "الـسعودية", "مجلس\u00adالأمن  ، «داعش»"]
    every = [*texts, *odd]
    rows = list(range(1, len(every), 4))
    normalized, words = normalized_in_parts(every, processes=processes, least=1)
    got = words_in_parts(every, rows, processes=processes, least=1)
    assert got == ([normalized[k] for k in rows], words)
    assert {"الارهاب", "خطر", "السعوديه"} <= got[1]


#: texts a batch cannot take as it is: a ligature normalized as two letters (ﻻ), an
#: isolated fatha form (a space and the mark), the batch separator itself, a lone
#: surrogate, white space alone, a tatweel alone, an upper-case letter whose lower case
#: is two characters
AWKWARD = [
    "قال إنه \ufefb يوجد أي تأثير",
    "الإرهاب\ufe76خطر",
    "نص\ue000فيه الفاصل",
    "x\ud800y",
    " \u200b ",
    "\u0640",
    "İstanbul  X",
    "",
]


@pytest.mark.parametrize("batch_chars", [64, 1 << 18])
def test_texts_normalized_in_batches_are_those_normalized_one_by_one(
    texts: list[str], batch_chars: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the batch's texts joined, normalized at once and cut again: each text as
    # normalize gives it alone, and the same words, however the batches fall
    monkeypatch.setattr(_tokens, "BATCH_CHARS", batch_chars)
    every = [*texts, *AWKWARD, *texts[:40]]
    one = [normalize(t) for t in every]
    assert normalize_all(every) == one
    assert normalize_all(AWKWARD)[0] == "قال انه لا يوجد اي تاثير"
    assert words_of(one) == {w for t in one for w in _TOKEN.findall(t)}
    # the parts of claims' normalizer, given names joined after it
    assert normalized_in_parts(every, then=join_names, processes=2, least=1) == (
        [_names_normalized(t) for t in every],
        {w for t in every for w in _TOKEN.findall(_names_normalized(t))},
    )
