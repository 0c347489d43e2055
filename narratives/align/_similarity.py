"""``narratives.similarity``: the alignment score of given pairs of texts.

The same scorer as :func:`narratives.align` (same components, IDF weights
from the texts given blended with the shipped background table, same
relation bands), on pairs you choose instead of candidates found by
blocking, and every pair is returned whatever its score.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from rapidfuzz import fuzz

from narratives.align._background import DEFAULT_BACKGROUND, DEFAULT_PRIOR
from narratives.align.aligner import (
    COMPONENTS,
    CONFLICT,
    CONTAINED,
    DEFAULT_THRESHOLD,
    EMBEDDING_RANGES,
    SLOT_PENALTY,
    Embeddings,
    _bands,
    _conflicts,
    _embed,
    _Prepared,
    _score,
    lift_contained,
)
from narratives.align.score import DEFAULT_WEIGHTS, Scorer, relation

#: columns of the frame :func:`similarity` returns, components and conflict after these
SIMILARITY_COLUMNS: tuple[str, ...] = ("pair", "text_a", "text_b", "score", "relation")


def _as_list(texts: str | Sequence[str], name: str) -> list[str]:
    if isinstance(texts, str):
        return [texts]
    out = list(texts)
    bad = [t for t in out if not isinstance(t, str)]
    if bad:
        raise TypeError(f"similarity: {name} must hold strings, got {type(bad[0]).__name__}")
    return out


def similarity(
    texts_a: str | Sequence[str],
    texts_b: str | Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    scorer: Scorer = fuzz.token_set_ratio,
    processor: Callable[[str], str] | None = None,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    relations: Mapping[str, float] | None = None,
    stopwords: str | Path | None = None,
    background: str | Path | None = DEFAULT_BACKGROUND,
    prior: float = DEFAULT_PRIOR,
    min_tokens: int = 4,
    number_penalty: float = 0.7,
    slot_penalty: float = SLOT_PENALTY,
    embeddings: Embeddings = None,
    embedding_range: tuple[float, float] | None = None,
) -> pl.DataFrame:
    """Score pairs of texts as :func:`narratives.align` scores statement pairs.

    Pair ``k`` is ``(texts_a[k], texts_b[k])``; a single string on either
    side is paired with every text of the other. IDF weights are fitted on
    the distinct texts given (blended with the background table), so
    scoring the statements of a corpus pair by pair gives the scores
    ``align`` gives them on that corpus.

    Parameters
    ----------
    texts_a, texts_b
        The texts to compare (equal lengths, or one a single string).
    threshold
        Start of the ``paraphrase`` band, as ``align``'s ``threshold``
        (default 55); pairs below it are still returned.
    scorer, processor, weights, relations, stopwords, background, prior, min_tokens,
    number_penalty, slot_penalty, embeddings, embedding_range
        As in :func:`narratives.align`.

    Returns
    -------
    pl.DataFrame
        One row per pair, in order: ``pair`` (0-based index), ``text_a``,
        ``text_b``, ``score`` (0-100), ``relation`` (``verbatim`` |
        ``near_verbatim`` | ``paraphrase`` | ``contradicts`` | ``related``),
        the component scores of :data:`narratives.align.COMPONENTS` and
        ``conflict`` (``polarity`` | ``roles`` | ``figures`` | ``action``, null if none;
        ``note:polarity`` when the evidence is too weak to call: the pair is ``related``;
        ``note:persons`` / ``note:countries`` / ``note:ordinals`` for one template about
        other people, another country's body or the nth of several: two claims, the
        score times ``slot_penalty``).

    Examples
    --------
    >>> out = similarity(["روسيا لا تشارك في التحالف الدولي", "روسيا تشارك في التحالف"],
    ...                  ["روسيا تشارك في التحالف الدولي", "روسيا تشارك في التحالف"])
    >>> out.select("relation", "conflict").rows()
    [('contradicts', 'polarity'), ('verbatim', None)]
    """
    a, b = _as_list(texts_a, "texts_a"), _as_list(texts_b, "texts_b")
    if len(a) == 1 and len(b) != 1:
        a = a * len(b)
    elif len(b) == 1 and len(a) != 1:
        b = b * len(a)
    if len(a) != len(b):
        raise ValueError(f"similarity: {len(a)} texts_a for {len(b)} texts_b")
    columns = {
        **dict.fromkeys(SIMILARITY_COLUMNS[:3], pl.String),
        "pair": pl.Int64,
        "score": pl.Float64,
        "relation": pl.String,
        **dict.fromkeys(COMPONENTS, pl.Float64),
        CONFLICT: pl.String,
    }
    schema = {c: columns[c] for c in (*SIMILARITY_COLUMNS, *COMPONENTS, CONFLICT)}
    if not a:
        return pl.DataFrame(schema=schema)
    prep, i, j, comp, score = _scored(
        a,
        b,
        threshold=threshold,
        scorer=scorer,
        processor=processor,
        weights=weights,
        stopwords=stopwords,
        background=background,
        prior=prior,
        min_tokens=min_tokens,
        number_penalty=number_penalty,
        slot_penalty=slot_penalty,
        embeddings=embeddings,
        embedding_range=embedding_range,
    )
    conflict = _conflicts(prep, i, j, comp["number_overlap"])
    frame = pl.DataFrame(
        {
            "pair": np.arange(len(a), dtype=np.int64),
            "text_a": a,
            "text_b": b,
            "score": score,
            "relation": relation(
                score, comp["ratio"], thresholds=_bands(relations, threshold), conflict=conflict
            ),
            **{k: pl.Series(k, comp[k], dtype=pl.Float64, nan_to_null=True) for k in COMPONENTS},
            CONFLICT: pl.Series(CONFLICT, conflict, dtype=pl.String),
        }
    )
    return frame.select(list(schema)).cast(schema)  # type: ignore[arg-type]


def _scored(
    a: list[str],
    b: list[str],
    *,
    threshold: float,
    scorer: Scorer,
    processor: Callable[[str], str] | None,
    weights: Mapping[str, float],
    stopwords: str | Path | None,
    background: str | Path | None,
    prior: float,
    min_tokens: int,
    number_penalty: float,
    slot_penalty: float,
    embeddings: Embeddings,
    embedding_range: tuple[float, float] | None,
) -> tuple[_Prepared, np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """The features, the texts' rows, the components and the score (both rounded) of the
    pairs ``(a[k], b[k])`` (of equal lengths, not empty) as :func:`similarity` gives them."""
    distinct = list(dict.fromkeys(a + b))
    where = {t: k for k, t in enumerate(distinct)}
    i = np.array([where[t] for t in a], dtype=np.int64)
    j = np.array([where[t] for t in b], dtype=np.int64)
    prep = _Prepared(
        distinct,
        processor=processor,
        stopwords=stopwords,
        exclude=None,
        background=background,
        prior=prior,
    )
    weights = dict(weights)
    vectors, model = _embed(distinct, embeddings)
    if vectors is not None:
        weights.setdefault("embedding", 0.3)
        if embedding_range is None and model is not None:
            embedding_range = EMBEDDING_RANGES.get(model)
    i_kept, _, comp, score = _score(
        prep,
        i,
        j,
        scorer=scorer,
        weights=weights,
        lowest=-1.0,
        min_tokens=min_tokens,
        speaker_penalty=1.0,
        number_penalty=number_penalty,
        slot_penalty=slot_penalty,
        vectors=vectors,
        embedding_range=embedding_range,
        column={},
    )
    if len(i_kept) != len(i):  # pragma: no cover - lowest=-1 keeps every pair
        raise RuntimeError("similarity: a pair was dropped")
    # each text is its own article: a pair is anchored when it scores the threshold itself
    score = lift_contained(
        i, j, score, comp.get(CONTAINED), np.arange(len(distinct)), threshold=threshold
    )
    score = np.round(score, 2)
    comp = {k: np.round(v, 2) for k, v in comp.items()}
    return prep, i, j, comp, score


def similarity_scores(texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """The ``score`` column of :func:`similarity` with its default options, alone: the
    pairs' conflicts (which do not move a score) are not looked for."""
    if len(texts_a) != len(texts_b):
        raise ValueError(f"similarity: {len(texts_a)} texts_a for {len(texts_b)} texts_b")
    if not texts_a:
        return np.zeros(0)
    return _scored(list(texts_a), list(texts_b), **_defaults())[4]


def _defaults() -> dict[str, Any]:
    """The default options of :func:`similarity` that :func:`_scored` takes."""
    return {
        name: p.default
        for name, p in inspect.signature(similarity).parameters.items()
        if p.kind is p.KEYWORD_ONLY and name != "relations"
    }
