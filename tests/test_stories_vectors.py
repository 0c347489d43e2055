"""The stories' article vectors and candidate pairs, on SaudiNewsNet articles.

``gram_vectors`` and ``_candidate_pairs`` are made for memory and speed; these tests
hold them to the plain computations they replace (the same matrix, the same pairs).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from narratives.stories._features import (
    article_heads,
    article_tokens,
    char_grams,
    gram_vectors,
    word_vectors,
)
from narratives.stories.group import _candidate_pairs, _days

_DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def articles() -> pl.DataFrame:
    """42 articles of six SaudiNewsNet days (three extracts of tests/data)."""
    rows = []
    for name in ("stories_openings", "stories_clubs", "stories_strong_alignment"):
        rows += json.loads((_DATA / f"{name}.json").read_text(encoding="utf-8"))["articles"]
    frame = pl.DataFrame(rows).select("article_id", "published", "title", "text")
    return frame.unique("article_id", keep="first", maintain_order=True).with_columns(
        pl.col("published").str.to_date()
    )


@pytest.mark.parametrize("chunk", [1, 5, 2000])
def test_gram_vectors_are_the_hashed_char_gram_vectors(articles: pl.DataFrame, chunk: int) -> None:
    words = article_tokens(article_heads(articles, body_chars=300))
    plain = word_vectors(char_grams(words).list.eval(pl.element().hash()), max_df=0.05)
    made = gram_vectors(words, max_df=0.05, chunk=chunk)
    assert made.shape == plain.shape and made.nnz == plain.nnz > 1000
    assert np.array_equal(made.indptr, plain.indptr)
    assert np.array_equal(made.indices, plain.indices)
    assert made.dtype == plain.dtype and np.array_equal(made.data, plain.data)


def test_gram_vectors_of_articles_without_words() -> None:
    made = gram_vectors(pl.Series([[], ["موعدها"], []], dtype=pl.List(pl.String)))
    assert made.shape[0] == 3 and made.nnz == 0


def _all_pairs(x, day, *, window_days: int, min_similarity: float) -> set[tuple[int, int, float]]:
    """Every pair i < j within the window (an undated article with every other), by a
    dense product."""
    dense = (x @ x.T).toarray()
    undated = day < -(10**8)
    out = set()
    for i in range(len(day)):
        for j in range(i + 1, len(day)):
            near = undated[i] or undated[j] or abs(int(day[i]) - int(day[j])) <= window_days
            if near and dense[i, j] >= min_similarity:
                out.add((i, j, round(float(dense[i, j]), 5)))
    return out


@pytest.mark.parametrize("undated", [(), (0, 7, 30)])
@pytest.mark.parametrize("window_days", [0, 2, 20])
def test_candidate_pairs_are_each_near_pair_once(
    articles: pl.DataFrame, undated: tuple[int, ...], window_days: int
) -> None:
    x = word_vectors(article_tokens(article_heads(articles)), max_df=0.5)
    day = _days(articles["published"])
    day[list(undated)] = -(10**9)
    i, j, s = _candidate_pairs(x, day, window_days=window_days, min_similarity=0.1)
    found = {(int(a), int(b), round(float(c), 5)) for a, b, c in zip(i, j, s, strict=True)}
    assert len(found) == len(i) > 10  # no pair twice
    assert found == _all_pairs(x, day, window_days=window_days, min_similarity=0.1)
