"""Candidate generation (``narratives.align.candidates``): the fast reading of the
sparse products gives the pairs, and their order, of the plain one.

The products of real statements (stories of 2015-07-31, SaudiNewsNet) are read as
first written (every product as a COO triple, a three-key lexsort per chunk) and
with the faster steps (only the products near ``min_shared`` read, one sort key).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from narratives.align import aligner, candidates
from narratives.align.candidates import SHARED_DECIMALS, _order, blocking_matrix, chunk_pairs


def reference_chunk(blocking, transposed, start, stop, *, article, outlet, top_k, min_shared):
    product = (blocking[start:stop] @ transposed).tocoo()
    rows = product.row.astype(np.int64) + start
    cols = product.col.astype(np.int64)
    vals = np.round(product.data, SHARED_DECIMALS)
    keep = (vals >= min_shared) & (rows != cols) & (article[rows] != article[cols])
    keep &= (outlet[rows] != outlet[cols]) | (outlet[rows] < 0)
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.searchsorted(rows, rows, side="left")
    best = (np.arange(len(rows)) - starts) < top_k
    rows, cols, vals = rows[best], cols[best], vals[best]
    return np.minimum(rows, cols), np.maximum(rows, cols), vals


@pytest.fixture(scope="module")
def features():
    rows = pl.read_ndjson(Path(__file__).parent / "data" / "talking_points_cover_2015-07-31.jsonl")
    st = rows.with_columns(
        pl.col("published").str.to_date(),
        article_id=pl.col("statement_id").str.replace(r":\d+$", ""),
        # no outlet in the file: the article number's first digit stands for one, so that
        # pairs of one "outlet" are left out as they are in a corpus
        outlet=pl.col("statement_id").str.extract(r":(\d)\d*:").cast(pl.String),
    )
    setup = aligner.prepare_alignment(st)
    assert setup is not None
    return setup


@pytest.mark.parametrize(("top_k", "min_shared", "chunk"), [(20, 0.05, 100), (3, 0.2, 37), (1, 0.0, 306)])
def test_chunks_give_the_pairs_of_the_plain_reading(features, top_k, min_shared, chunk) -> None:
    blocking, transposed = blocking_matrix(features.prep.words)
    n = blocking.shape[0]
    found = 0
    for start in range(0, n, chunk):
        options = {"article": features.article, "outlet": features.outlet, "top_k": top_k}
        fast = chunk_pairs(blocking, transposed, start, start + chunk, min_shared=min_shared, **options)
        slow = reference_chunk(
            blocking, transposed, start, start + chunk, min_shared=min_shared, **options
        )
        for x, y in zip(fast, slow, strict=True):
            assert x.dtype == y.dtype
            assert np.array_equal(x, y)
        found += len(fast[0])
    assert found > 0


def test_order_is_the_lexsort_of_rows_weights_and_columns(features) -> None:
    blocking, transposed = blocking_matrix(features.prep.words)
    product = (blocking @ transposed).tocoo()
    rows, cols, vals = product.row.astype(np.int64), product.col.astype(np.int64), product.data
    assert vals.dtype == np.float32 and len(vals) > 1000
    # shuffled, with tied weights and a row whose partners all weigh alike
    rng = np.random.default_rng(0)
    shuffle = rng.permutation(len(rows))
    rows, cols, vals = rows[shuffle], cols[shuffle], vals[shuffle]
    vals[::7] = np.float32(0.5)
    for r, c, v in [(rows, cols, vals), (rows + 10**6, cols, vals), (rows, cols, vals.astype(np.float64))]:
        assert np.array_equal(_order(r, c, v), np.lexsort((c, -v, r)))


def test_block_pairs_are_each_pair_once_across_articles(features) -> None:
    i, j, shared = candidates.block_pairs(
        features.prep.words, article=features.article, outlet=features.outlet, processes=1
    )
    # each pair once, i < j, across articles and outlets, sharing at least min_shared
    assert len(i) > 0 and np.all(i < j)
    assert len(set(zip(i.tolist(), j.tolist(), strict=True))) == len(i)
    assert np.all(features.article[i] != features.article[j])
    assert np.all(shared >= 0.05)
