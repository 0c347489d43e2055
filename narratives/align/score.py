"""Pair scorers: the component scores of an alignment and how they combine.

Every component is on a 0-100 scale and symmetric in its two statements:

``ratio``
    :func:`rapidfuzz.fuzz.ratio` of the match-normalized full texts (wording
    kept as is): 100 for a verbatim copy.
``fuzzy``
    The ``scorer`` argument of :func:`narratives.align` (default
    :func:`rapidfuzz.fuzz.token_set_ratio`) on the content tokens, so word
    order and extra words in a longer rewrite matter less. Never ``WRatio``:
    it gives a flat 85.5 to Arabic pairs of unequal length.
``tfidf``
    Cosine of character 3-4-gram TF-IDF vectors of the content tokens, which
    tolerates Arabic morphology (توحيد / التوحد, الإرهاب / الإرهابية).
``words``
    Cosine of word and word-pair TF-IDF vectors of the content tokens.
``entity_overlap``
    Jaccard overlap of the canonical entities mentioned (null when neither
    mentions any).
``speaker_match``
    100 when both statements have the same known speaker, 0 when both have
    known, different speakers, null otherwise.
``number_overlap``
    Jaccard overlap of the numbers written in the two statements (null
    unless both carry numbers). News claims hinge on figures: two
    statements with numbers but none in common report different facts.
``embedding``
    Cosine of sentence embeddings (optional, see ``narratives[embeddings]``).

The combined ``score`` is the weighted mean of the text components present
(:data:`DEFAULT_WEIGHTS`), multiplied by ``speaker_penalty`` when the known
speakers differ, by ``number_penalty`` when both statements carry numbers
and share none, and scaled down for statements shorter than ``min_tokens``
content tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

import numpy as np

#: weights of the text components in the combined score
DEFAULT_WEIGHTS: Mapping[str, float] = {"tfidf": 0.5, "words": 0.4, "fuzzy": 0.1}

#: lowest combined score of each relation, tested in this order; ``ratio`` is
#: tested for the first two (verbatim copies and lightly edited wire copy)
RELATIONS: Mapping[str, float] = {
    "verbatim": 97.0,
    "near_verbatim": 85.0,
    "paraphrase": 55.0,
    "related": 0.0,
}

Scorer = Callable[..., float]


def pairwise(scorer: Scorer, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """``scorer(a[k], b[k])`` for every k, symmetrised (mean of both orders).

    Examples
    --------
    >>> from rapidfuzz import fuzz
    >>> pairwise(fuzz.ratio, ["abc"], ["abc"]).tolist()
    [100.0]
    """
    out = np.fromiter((scorer(x, y) for x, y in zip(a, b, strict=True)), float, len(a))
    if getattr(scorer, "__name__", "") not in {"ratio", "token_set_ratio", "token_sort_ratio"}:
        back = np.fromiter((scorer(y, x) for x, y in zip(a, b, strict=True)), float, len(a))
        out = (out + back) / 2
    return np.clip(out, 0.0, 100.0)


def set_overlap(
    a: Sequence[Collection[str] | None],
    b: Sequence[Collection[str] | None],
    *,
    both: bool = False,
) -> np.ndarray:
    """Jaccard overlap x 100 of two lists of sets.

    NaN when both sets are empty (``both=True``: when either is empty).
    """
    out = np.full(len(a), np.nan)
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        sx, sy = set(x or ()), set(y or ())
        if (sx and sy) if both else (sx or sy):
            out[k] = 100.0 * len(sx & sy) / len(sx | sy)
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers written in a match-normalized text (ASCII digits).

    Examples
    --------
    >>> sorted(numbers_in("ارتفع 3.4% الى 593 دولارا"))
    ['3.4', '593']
    """
    return frozenset(_NUMBER.findall(text))


def speaker_agreement(a: Sequence[str | None], b: Sequence[str | None]) -> np.ndarray:
    """100 same known speaker, 0 different known speakers, NaN otherwise."""
    out = np.full(len(a), np.nan)
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        if x and y:
            out[k] = 100.0 if x == y else 0.0
    return out


def combine(
    components: Mapping[str, np.ndarray],
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    speaker_penalty: float = 0.8,
    number_penalty: float = 0.85,
    short: np.ndarray | None = None,
) -> np.ndarray:
    """The combined 0-100 score from component arrays (see module docstring).

    ``short`` is, per pair, the fraction (0-1] by which to scale the score for
    statements with few content tokens (1 = not short).

    Examples
    --------
    >>> combine({"tfidf": np.array([80.0]), "fuzzy": np.array([60.0]),
    ...          "words": np.array([70.0])}).round(1).tolist()
    [74.0]
    """
    used = {k: w for k, w in weights.items() if k in components and w > 0}
    if not used:
        raise ValueError(f"no weighted component among {sorted(components)}")
    total = sum(used.values())
    score = sum(np.nan_to_num(components[k], nan=0.0) * (w / total) for k, w in used.items())
    score = np.asarray(score, dtype=float)
    speaker = components.get("speaker_match")
    if speaker is not None:
        score = np.where(speaker == 0, score * speaker_penalty, score)
    numbers = components.get("number_overlap")
    if numbers is not None:
        score = np.where(numbers == 0, score * number_penalty, score)
    if short is not None:
        score = score * short
    return np.clip(score, 0.0, 100.0)


def relation(
    score: np.ndarray, ratio: np.ndarray, *, thresholds: Mapping[str, float] = RELATIONS
) -> list[str]:
    """Relation label per pair: ``verbatim``/``near_verbatim`` by ``ratio``, then by ``score``.

    Examples
    --------
    >>> relation(np.array([100.0, 70.0, 40.0]), np.array([100.0, 50.0, 30.0]))
    ['verbatim', 'paraphrase', 'related']
    """
    out = []
    for s, r in zip(score, ratio, strict=True):
        if r >= thresholds["verbatim"]:
            out.append("verbatim")
        elif r >= thresholds["near_verbatim"]:
            out.append("near_verbatim")
        elif s >= thresholds["paraphrase"]:
            out.append("paraphrase")
        else:
            out.append("related")
    return out
