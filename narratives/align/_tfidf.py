"""Sparse TF-IDF matrices built from token lists, without a global vocabulary file.

Word features are content tokens and, optionally, pairs of adjacent tokens.
Character n-gram features are built once per distinct word (a word x n-gram
matrix) and summed per statement with one sparse product, which is much
faster than running a character analyzer over every statement's text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp


def _csr(rows: list[list[int]], n_cols: int) -> sp.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    m = sp.csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))
    m.sum_duplicates()
    return m


def word_counts(
    tokens: Sequence[Sequence[str]], *, bigrams: bool = True
) -> tuple[sp.csr_matrix, dict[str, int]]:
    """Statement x feature count matrix over words (and adjacent word pairs)."""
    vocab: dict[str, int] = {}
    rows = []
    for toks in tokens:
        feats = list(toks)
        if bigrams:
            feats += [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
        rows.append([vocab.setdefault(f, len(vocab)) for f in feats])
    return _csr(rows, len(vocab)), vocab


def char_counts(tokens: Sequence[Sequence[str]], *, n: tuple[int, ...] = (3, 4)) -> sp.csr_matrix:
    """Statement x character n-gram counts; words are padded with spaces first."""
    words: dict[str, int] = {}
    rows = [[words.setdefault(w, len(words)) for w in toks] for toks in tokens]
    counts = _csr(rows, len(words))
    grams: dict[str, int] = {}
    word_rows = []
    for w in words:
        padded = f" {w} "
        word_rows.append(
            [
                grams.setdefault(padded[i : i + k], len(grams))
                for k in n
                for i in range(max(1, len(padded) - k + 1))
            ]
        )
    per_word = _csr(word_rows, len(grams))
    return (counts @ per_word).tocsr()


def tfidf(counts: sp.csr_matrix, *, df: np.ndarray | None = None) -> sp.csr_matrix:
    """Sublinear TF x smoothed IDF, rows scaled to unit length (float32).

    ``df`` (document frequency per column) defaults to the one of ``counts``.
    """
    n = counts.shape[0]
    if df is None:
        df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    m = counts.copy().astype(np.float32)
    m.data = (1 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags(1 / norms) @ m)


def row_dots(a: sp.csr_matrix, i: np.ndarray, j: np.ndarray, *, chunk: int = 200_000) -> np.ndarray:
    """Dot products ``a[i[k]] . a[j[k]]`` for every k (cosines for unit rows)."""
    out = np.zeros(len(i), dtype=np.float64)
    for s in range(0, len(i), chunk):
        e = s + chunk
        out[s:e] = np.asarray(a[i[s:e]].multiply(a[j[s:e]]).sum(axis=1)).ravel()
    return out
