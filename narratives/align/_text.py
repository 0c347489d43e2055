"""Match representations of statements: what two statements are compared on.

A statement is compared on its *content tokens*: match-normalized words
(:func:`narratives.normalize.tokenize`), proclitics stripped where the rest is
a known word (:func:`narratives.normalize.strip_clitics`), without function
words and the reporting frame (``lexicons/match_stopwords.tsv``) and without
the words naming the statement's own speaker. Two outlets reporting one
claim then agree on what was claimed, not on "the Russian foreign minister
said".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from narratives._resources import load_tsv
from narratives.normalize import strip_clitics, tokenize

_TOKEN = re.compile(r"[^\W_]+")  # as narratives.normalize.tokenize

DEFAULT_STOPWORDS = "match_stopwords.tsv"


@lru_cache(maxsize=8)
def load_stopwords(name_or_path: str | Path = DEFAULT_STOPWORDS) -> frozenset[str]:
    """Words left out of the match text (shipped file name or a user's TSV with ``word``).

    Examples
    --------
    >>> "قال" in load_stopwords()
    True
    """
    table = load_tsv(name_or_path)
    if "word" not in table.columns:
        raise ValueError(f"{name_or_path}: a stopword TSV needs a 'word' column")
    return frozenset(w for w in table["word"].to_list() if w)


def content_tokens(
    texts: Sequence[str],
    *,
    stopwords: Collection[str] | None = None,
    vocabulary: Collection[str] | None = None,
    exclude: Sequence[str | None] | None = None,
    min_chars: int = 2,
    normalized: Sequence[str] | None = None,
) -> list[list[str]]:
    """Content tokens of each text (see the module docstring).

    Parameters
    ----------
    texts
        Statement texts.
    stopwords
        Match-normalized words to leave out (default: the shipped list).
    vocabulary
        Known words for clitic stripping (default: every token of ``texts``, as
        :func:`narratives.normalize.build_vocabulary` gives).
    exclude
        Per text, words to leave out as well (e.g. the speaker mention).
    min_chars
        Shorter tokens are left out, except numbers.
    normalized
        The texts already match-normalized (saves normalizing them again).

    Examples
    --------
    >>> content_tokens(["وقال لافروف إن الإرهاب خطر", "الإرهاب خطر"])
    [['لافروف', 'ارهاب', 'خطر'], ['ارهاب', 'خطر']]
    """
    stop = load_stopwords() if stopwords is None else stopwords
    if normalized is None:
        tokenized = [tokenize(t) for t in texts]
    else:
        tokenized = [_TOKEN.findall(t) for t in normalized]
    vocab = set(vocabulary) if vocabulary is not None else {w for ws in tokenized for w in ws}
    vocab |= set(stop)
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        out = cache.get(word)
        if out is None:
            out = strip_clitics(word, vocab)
            # the article is dropped for matching even before unseen words (ال + 3+
            # letters): both sides get the same treatment, so nothing is lost
            if out.startswith("ال") and len(out) >= 5:
                out = out[2:]
            cache[word] = out
        return out

    result = []
    for i, words in enumerate(tokenized):
        drop = set(stop)
        if exclude is not None and exclude[i]:
            drop |= {stem(w) for w in tokenize(str(exclude[i]))}
        result.append(
            [
                s
                for s in (stem(w) for w in words)
                if (len(s) >= min_chars or s.isdigit()) and s not in drop
            ]
        )
    return result


def match_texts(tokens: Iterable[list[str]]) -> list[str]:
    """Join content tokens into the strings rapidfuzz scorers compare."""
    return [" ".join(t) for t in tokens]
