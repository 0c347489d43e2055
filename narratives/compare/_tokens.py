"""Content tokens of many texts in parts, on forked worker processes: the tokens of one call.

The omission checks tokenize the statements of the stories they look at three
times (the content-word count, the parts of claims, ``certainty``), each a
pure-Python pass that ran on one core. :func:`narratives.align._text.content_tokens`
reads two things of *all* the texts of a call: the known words for clitic
stripping (its ``vocabulary``, by default every token of the texts) and the
negations typed joined to their verb (لايوجد, split when يوجد or توجد is a
word of the texts). Both are worked out here over all the texts first (each
worker normalizes a part and returns its distinct words), the joined
negations are split in the texts that hold one, and each part is then
tokenized with that vocabulary: a text's tokens depend only on its own words,
the vocabulary and the stopwords, so the parts give the tokens of one call
(``tests/test_compare_tokens.py`` checks this on SaudiNewsNet statements).

The texts are normalized in batches (:func:`normalize_all`: one numpy pass over
many texts' code points instead of a call per text) and their distinct words read
from their distinct white-space-separated pieces (:func:`words_of`): the same
texts and words as one call per text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TypeVar

from narratives.engine.local import chunks, fork_map, usable_cores
from narratives.engine.local import in_parts as _in_parts

T = TypeVar("T")

#: texts per worker process below which everything stays in this process
PARALLEL_TEXTS = 1_000


def in_parts(func: Callable[[slice], list[T]], n: int, *, least: int | None = None) -> list[T]:
    """:func:`narratives.engine.local.in_parts` with ``least`` :data:`PARALLEL_TEXTS` by default.

    Examples
    --------
    >>> words = ["ا", "بب", "ججج"]
    >>> in_parts(lambda span: [len(w) for w in words[span]], len(words))
    [1, 2, 3]
    """
    return _in_parts(func, n, least=PARALLEL_TEXTS if least is None else least)


#: characters of the texts normalized together by :func:`normalize_all` (one numpy
#: array of their code points: the per-text call's overhead paid once)
BATCH_CHARS = 1 << 18
#: between two texts of a batch: a private-use code point, which no normalization rule
#: rewrites, is no white space and no word character
_SEP = "\ue000"


def _batches(texts: Sequence[str]) -> Iterator[list[str]]:
    """The texts in consecutive lists of about :data:`BATCH_CHARS` characters."""
    batch: list[str] = []
    size = 0
    for t in texts:
        batch.append(t)
        size += len(t) + 1
        if size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@functools.cache
def _longer() -> re.Pattern[str] | None:
    """A character normalization rewrites as two or more (a ligature, ﻻ): a text holding
    one takes :func:`narratives.normalize.normalize`'s slower path, so it is
    normalized on its own, not with its batch."""
    from narratives.normalize import _table

    chars = "".join(chr(c) for c, out in _table("match").items() if len(out) >= 2)
    return re.compile(f"[{re.escape(chars)}]") if chars else None


def _joined_normalized(batch: list[str]) -> list[str]:
    from narratives.normalize import normalize

    return [p.strip(" ") for p in normalize(_SEP.join(batch)).split(_SEP)]


def normalize_all(texts: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, the texts normalized in batches.

    :func:`narratives.normalize.normalize` maps character by character and makes
    each run of white space one space, none at either end: so the texts joined by
    a character it keeps as it is, that is no white space (:data:`_SEP`), normalize
    to the normalized texts joined by it but for a space either side of it, taken
    off here. A batch holding that character is normalized text by text; a text
    holding a character rewritten as two (:func:`_longer`) on its own.

    Examples
    --------
    >>> normalize_all(["  الإرهاب  خطر ", "", "ـ", "ﻻ"])
    ['الارهاب خطر', '', '', 'لا']
    """
    from narratives.normalize import normalize

    longer = _longer()
    out: list[str] = []
    for batch in _batches(texts):
        joined = _SEP.join(batch)
        if joined.count(_SEP) != len(batch) - 1:
            out.extend(normalize(t) for t in batch)
        elif longer is None or longer.search(joined) is None:
            out.extend(_joined_normalized(batch))
        else:
            alone = [longer.search(t) is not None for t in batch]
            rest = iter(_joined_normalized([t for t, a in zip(batch, alone, strict=True) if not a]))
            out.extend(normalize(t) if a else next(rest) for t, a in zip(batch, alone, strict=True))
    return out


def words_of(normalized: Sequence[str]) -> set[str]:
    """The distinct words (:func:`narratives.normalize.tokenize`'s) of normalized texts.

    Examples
    --------
    >>> sorted(words_of(["الارهاب خطر", "خطر"]))
    ['الارهاب', 'خطر']
    """
    from narratives.align._text import _TOKEN

    # a word never spans white space: the words of the distinct white-space-separated
    # pieces are those of the texts (most pieces repeat: each is read once)
    pieces: set[str] = set()
    for batch in _batches(normalized):
        pieces.update(" ".join(batch).split())
    distinct: set[str] = set()
    for batch in _batches(list(pieces)):
        distinct.update(_TOKEN.findall(" ".join(batch)))
    return distinct


def _normalized_part(
    texts: Sequence[str],
    normalizer: Callable[[str], str] | None,
    then: Callable[[str], str] | None = None,
) -> tuple[list[str], set[str]]:
    if normalizer is None:
        out = normalize_all(texts)
        if then is not None:
            out = [then(t) for t in out]
    else:
        out = [normalizer(t) for t in texts]
    return out, words_of(out)


def normalized_in_parts(
    texts: Sequence[str],
    normalizer: Callable[[str], str] | None = None,
    *,
    then: Callable[[str], str] | None = None,
    processes: int | None = None,
    least: int = PARALLEL_TEXTS,
) -> tuple[list[str], set[str]]:
    """Each text match-normalized (``normalizer``, default
    :func:`narratives.normalize.normalize`, in batches: :func:`normalize_all`; ``then``
    applied after it, as ``then(normalize(t))``) and the distinct words of them all,
    the texts shared out to forked workers.

    Examples
    --------
    >>> texts, words = normalized_in_parts(["الإرهاب خطر"])
    >>> texts, sorted(words)
    (['الارهاب خطر'], ['الارهاب', 'خطر'])
    """
    n_proc = usable_cores() if processes is None else processes
    parts = chunks(len(texts), n_proc, least=least)
    if n_proc <= 1 or len(parts) <= 1:
        return _normalized_part(texts, normalizer, then)
    done = fork_map(lambda s: _normalized_part(texts[s], normalizer, then), parts, processes=n_proc)
    return [t for d in done for t in d[0]], set().union(*(d[1] for d in done))


def _words_part(texts: Sequence[str], rows: Sequence[int]) -> tuple[list[str], set[str]]:
    out = normalize_all([texts[k] for k in rows])
    distinct = words_of(out)
    if len(rows) < len(texts):
        asked = set(rows)
        distinct |= words_of(normalize_all([t for k, t in enumerate(texts) if k not in asked]))
    return out, distinct


def words_in_parts(
    texts: Sequence[str],
    rows: Sequence[int],
    *,
    processes: int | None = None,
    least: int = PARALLEL_TEXTS,
) -> tuple[list[str], set[str]]:
    """The texts ``rows`` (sorted row numbers) match-normalized, and the distinct
    words of all the texts normalized, the texts shared out to forked workers.

    The words of :func:`normalized_in_parts` with :func:`narratives.normalize.normalize`:
    every text is normalized in batches (:func:`normalize_all`), those of ``rows``
    kept.

    Examples
    --------
    >>> texts, words = words_in_parts(["الإرهاب خطر", "قال الوزير"], [1])
    >>> texts, sorted(words)
    (['قال الوزير'], ['الارهاب', 'الوزير', 'خطر', 'قال'])
    """
    import bisect

    n_proc = usable_cores() if processes is None else processes
    parts = chunks(len(texts), n_proc, least=least)
    if n_proc <= 1 or len(parts) <= 1:
        return _words_part(texts, rows)
    wanted = list(rows)

    def part(s: slice) -> tuple[list[str], set[str]]:
        lo = bisect.bisect_left(wanted, s.start)
        hi = bisect.bisect_left(wanted, s.stop)
        return _words_part(texts[s], [k - s.start for k in wanted[lo:hi]])

    done = fork_map(part, parts, processes=n_proc)
    return [t for d in done for t in d[0]], set().union(*(d[1] for d in done))


def content_tokens_in_parts(
    texts: Sequence[str],
    *,
    then: Callable[[list[list[str]]], list[T]],
    rows: Sequence[int] | None = None,
    normalizer: Callable[[str], str] | None = None,
    normalized: Sequence[str] | None = None,
    vocabulary: Collection[str] | None = None,
    exclude: Sequence[str | None] | None = None,
    distinct: set[str] | None = None,
    processes: int | None = None,
    least: int = PARALLEL_TEXTS,
) -> list[T]:
    """``then(content_tokens(texts, ...))``, the texts shared out to forked workers.

    Parameters
    ----------
    texts
        The texts of the call.
    then
        Applied to the token lists of each part (a pure function of each list:
        :func:`narratives.compare._synonyms.with_synonyms`, stems); its results
        come back from the workers, in order.
    rows
        Tokenize only these texts (sorted row numbers); the vocabulary and the
        joined negations are still every text's, as :func:`content_tokens` of
        all the texts gives them for these rows. Default: every text.
    normalizer
        How a text is match-normalized (default :func:`narratives.normalize.normalize`;
        the parts of claims join given names too). Ignored when ``normalized`` is given.
    normalized, vocabulary, exclude
        As :func:`narratives.align._text.content_tokens` (``exclude``: per text of ``texts``).
    distinct
        The distinct words of ``normalized``, when the caller has them.
    processes
        Worker processes (default: the usable cores); fewer than ``least``
        texts per worker run in this process, in one call.

    Examples
    --------
    >>> content_tokens_in_parts(["وقال لافروف إن الإرهاب خطر", "الإرهاب خطر"], then=list)
    [['لافروف', 'ارهاب', 'خطر'], ['ارهاب', 'خطر']]
    """
    from narratives.align._text import _split_negation, _unjoin, content_tokens

    n_proc = usable_cores() if processes is None else processes
    todo = list(range(len(texts))) if rows is None else list(rows)
    parts = chunks(len(texts), n_proc, least=least)
    if n_proc <= 1 or len(parts) <= 1:
        if normalized is None:
            normalized = (
                normalize_all(texts) if normalizer is None else [normalizer(t) for t in texts]
            )
        if rows is None:
            return then(
                content_tokens(
                    list(texts), vocabulary=vocabulary, exclude=exclude, normalized=normalized
                )
            )
    # 1. every text normalized, and its words (for the vocabulary and joined negations)
    if normalized is None:
        normalized, distinct = normalized_in_parts(texts, normalizer, processes=n_proc, least=least)
    elif distinct is None:
        distinct = words_of(normalized)
    # 2. negations typed joined to their verb, split over all the texts (as match_tokens)
    joined = {
        w: split
        for w in distinct
        if ((w[:2] == "لا" and len(w) >= 6) or w == "مالا")
        and (split := _split_negation(w, distinct)) is not None
    }
    if vocabulary is None:
        vocabulary = (distinct - joined.keys()) | {p for s in joined.values() for p in s}
    known = vocabulary

    # 3. the rows asked, in parts, with that vocabulary
    def tokens_of(s: slice) -> list[T]:
        from narratives.align._text import _TOKEN

        mine = todo[s]
        assert normalized is not None
        texts_in = [normalized[k] for k in mine]
        if joined:
            texts_in = [
                _unjoin(t, joined) if not joined.keys().isdisjoint(_TOKEN.findall(t)) else t
                for t in texts_in
            ]
        return then(
            content_tokens(
                [texts[k] for k in mine],
                vocabulary=known,
                exclude=[exclude[k] for k in mine] if exclude is not None else None,
                normalized=texts_in,
            )
        )

    asked = chunks(len(todo), n_proc, least=least)
    if n_proc <= 1 or len(asked) <= 1:
        return tokens_of(slice(0, len(todo)))
    return list(itertools.chain.from_iterable(fork_map(tokens_of, asked, processes=n_proc)))
