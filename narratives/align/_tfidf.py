"""Sparse TF-IDF matrices built from token lists, without a global vocabulary file.

Word features are content tokens and, optionally, pairs of adjacent tokens.
Character n-gram features are built once per distinct word (a word x n-gram
matrix) and summed per statement with one sparse product, which is much
faster than running a character analyzer over every statement's text.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Literal, overload

import numpy as np
import polars as pl
import scipy.sparse as sp


def _index(values: pl.Series) -> tuple[np.ndarray, list[str]]:
    """Dense integer code per string and the distinct strings in code order."""
    codes = values.cast(pl.Categorical).to_physical().to_numpy().astype(np.int64)
    # each code's rank among the codes present (np.unique's inverse, without a sort)
    present = np.zeros(int(codes.max()) + 1 if len(codes) else 0, dtype=bool)
    present[codes] = True
    rank = np.cumsum(present, dtype=np.int64) - 1
    dense = rank[codes]
    first = np.zeros(int(present.sum()), dtype=np.int64)
    first[dense[::-1]] = np.arange(len(dense))[::-1]
    return dense.astype(np.int32), values.gather(first).to_list()


def _matrix(doc: np.ndarray, col: np.ndarray, n_rows: int, n_cols: int) -> sp.csr_matrix:
    data = np.ones(len(doc), dtype=np.float32)
    m = sp.csr_matrix((data, (doc, col)), shape=(n_rows, n_cols))
    m.sum_duplicates()
    return m


def _flatten(tokens: Sequence[Sequence[str]]) -> tuple[pl.Series, np.ndarray]:
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    flat = pl.Series("w", list(itertools.chain.from_iterable(tokens)), dtype=pl.String)
    return flat, np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)


def word_counts(
    tokens: Sequence[Sequence[str]], *, bigrams: bool = True
) -> tuple[sp.csr_matrix, list[str]]:
    """Statement x feature count matrix over words (and adjacent word pairs).

    Returns the matrix and the feature strings in column order.

    Examples
    --------
    >>> m, feats = word_counts([["a", "b"], ["b"]])
    >>> m.toarray().tolist(), feats
    ([[1.0, 1.0, 1.0], [0.0, 1.0, 0.0]], ['a', 'b', 'a b'])
    """
    flat, doc = _flatten(tokens)
    if bigrams and len(flat) > 1:
        same = doc[:-1] == doc[1:]
        pairs = (flat.head(len(flat) - 1) + " " + flat.tail(len(flat) - 1)).filter(pl.Series(same))
        flat = pl.concat([flat, pairs])
        doc = np.concatenate([doc, doc[:-1][same]])
    if len(flat) == 0:
        return sp.csr_matrix((len(tokens), 0), dtype=np.float32), []
    codes, names = _index(flat)
    return _matrix(doc, codes, len(tokens), len(names)), names


@overload
def char_counts(
    tokens: Sequence[Sequence[str]], *, n: tuple[int, ...] = ..., names: Literal[False] = ...
) -> sp.csr_matrix: ...
@overload
def char_counts(
    tokens: Sequence[Sequence[str]], *, n: tuple[int, ...] = ..., names: Literal[True]
) -> tuple[sp.csr_matrix, list[str]]: ...
def char_counts(
    tokens: Sequence[Sequence[str]], *, n: tuple[int, ...] = (3, 4), names: bool = False
) -> sp.csr_matrix | tuple[sp.csr_matrix, list[str]]:
    """Statement x character n-gram counts; words are padded with spaces first.

    With ``names=True`` also the n-gram strings in column order.

    Examples
    --------
    >>> char_counts([["ab"], ["ab", "ab"]], n=(3,)).toarray().tolist()
    [[1.0, 1.0], [2.0, 2.0]]
    >>> char_counts([["ab"]], n=(3,), names=True)[1]
    [' ab', 'ab ']
    """
    flat, doc = _flatten(tokens)
    if len(flat) == 0:
        empty = sp.csr_matrix((len(tokens), 0), dtype=np.float32)
        return (empty, []) if names else empty
    codes, words = _index(flat)
    counts = _matrix(doc, codes, len(tokens), len(words))
    grams: dict[str, int] = {}
    rows, cols = [], []
    for w_id, w in enumerate(words):
        padded = f" {w} "
        for k in n:
            for i in range(max(1, len(padded) - k + 1)):
                rows.append(w_id)
                cols.append(grams.setdefault(padded[i : i + k], len(grams)))
    per_word = _matrix(np.array(rows), np.array(cols), len(words), len(grams))
    out = (counts @ per_word).tocsr()
    return (out, list(grams)) if names else out


def doc_freq(counts: sp.csr_matrix) -> np.ndarray:
    """Document frequency of each column."""
    return np.bincount(counts.indices, minlength=counts.shape[1])


def tfidf(
    counts: sp.csr_matrix, *, df: np.ndarray | None = None, idf: np.ndarray | None = None
) -> sp.csr_matrix:
    """Sublinear TF x IDF, rows scaled to unit length (float32).

    ``idf`` per column defaults to the smoothed IDF of ``df`` (document
    frequency per column, default: the one of ``counts``).
    """
    n = counts.shape[0]
    if idf is None:
        if df is None:
            df = doc_freq(counts)
        idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    idf = np.asarray(idf, dtype=np.float32)
    m = counts.astype(np.float32, copy=True)
    m.data = (1 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags(1 / norms) @ m)


def containment_matrix(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Binary features scaled by the square root of their IDF (for :func:`containment`).

    The result shares its column indices with ``counts`` (no copy of them):
    it only has new values.
    """
    root = np.sqrt(np.asarray(idf, dtype=np.float32))
    return sp.csr_matrix((root[counts.indices], counts.indices, counts.indptr), shape=counts.shape)


def squared_norms(weighted: sp.csr_matrix) -> np.ndarray:
    """Each row's sum of squares (what :func:`containment` calls a side's own weight)."""
    return np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel()


def containment(
    weighted: sp.csr_matrix,
    i: np.ndarray,
    j: np.ndarray,
    *,
    floor: float = 0.0,
    target: sp.csr_matrix | None = None,
    total: np.ndarray | None = None,
) -> np.ndarray:
    """IDF-weighted share of the smaller side's features found in the other, per pair.

    ``weighted`` is :func:`containment_matrix`: the dot product of two rows is
    the sum of the IDF of the features both hold, a row's squared norm the
    sum over its own. The share is ``shared / max(min(own of each side),
    floor)``, in [0, 1]; ``floor`` keeps a side with little content from
    being "contained" by anything that shares it. ``target`` (same columns
    and weights, each row holding at least its row of ``weighted``) gives
    what the larger side offers to contain the smaller (its features and
    more, such as its speaker's words); default ``weighted``. ``total`` is
    :func:`squared_norms` of ``weighted`` when the caller keeps it (it is
    computed otherwise).

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> m = sp.csr_matrix(np.array([[1, 1, 0], [1, 1, 1]], dtype=np.float32))
    >>> containment(containment_matrix(m, np.ones(3)), np.array([0]), np.array([1])).tolist()
    [1.0]
    """
    if total is None:
        total = squared_norms(weighted)
    if target is None or target is weighted:
        both = row_dots(weighted, i, j)
    else:
        # the smaller side's features, found among the larger side's target features
        small_i = total[i] <= total[j]
        small, large = np.where(small_i, i, j), np.where(small_i, j, i)
        both = row_dots_raw(weighted, target, small, large)
    low = np.maximum(np.minimum(total[i], total[j]), floor)
    low[low == 0] = 1
    return np.clip(both / low, 0.0, 1.0)


#: pairs per sparse row product: each takes a copy of both sides' rows (tens of MB)
ROW_CHUNK = 50_000


def row_dots_raw(
    a: sp.csr_matrix, b: sp.csr_matrix, i: np.ndarray, j: np.ndarray, *, chunk: int = ROW_CHUNK
) -> np.ndarray:
    """Dot products ``a[i[k]] . b[j[k]]`` for every k."""
    out = np.zeros(len(i), dtype=np.float64)
    for s in range(0, len(i), chunk):
        e = s + chunk
        out[s:e] = np.asarray(a[i[s:e]].multiply(b[j[s:e]]).sum(axis=1)).ravel()
    return out


def row_dots(
    a: sp.csr_matrix, i: np.ndarray, j: np.ndarray, *, chunk: int = ROW_CHUNK
) -> np.ndarray:
    """Dot products ``a[i[k]] . a[j[k]]`` for every k (cosines for unit rows)."""
    out = np.zeros(len(i), dtype=np.float64)
    for s in range(0, len(i), chunk):
        e = s + chunk
        out[s:e] = np.asarray(a[i[s:e]].multiply(a[j[s:e]]).sum(axis=1)).ravel()
    return out
