"""Candidate generation (blocking): which statement pairs are worth scoring.

No all-pairs comparison: statements are indexed by their *rare* word
features (content words and adjacent word pairs whose document frequency is
at most ``max_df``); two statements become candidates when they share such
features, ranked by the TF-IDF weight of what they share, and each statement
keeps its ``top_k`` best partners. The work is one sparse matrix product per
chunk of rows, and a feature seen in ``df`` statements costs at most ``df²``
products, so capping ``df`` keeps the cost close to linear in corpus size.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from narratives.engine.local import fork_map

#: shared weights are rounded to this many decimals before the cut-off and the
#: ranking, so that sums taken in another order (a Spark join) rank alike
SHARED_DECIMALS = 9
#: what rounding to :data:`SHARED_DECIMALS` may move a weight by, and far more
_MARGIN = 1e-4


def _top_k_per_row(
    rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # best first; equal weights by partner: the same pairs whatever order the products came in
    order = _order(rows, cols, vals)
    rows, cols, vals = rows[order], cols[order], vals[order]
    # each entry's rank in its row (the rows are sorted now)
    if len(rows):
        first = np.r_[0, np.flatnonzero(rows[1:] != rows[:-1]) + 1]
        starts = np.repeat(first, np.diff(np.r_[first, len(rows)]))
    else:
        starts = np.zeros(0, dtype=np.int64)
    keep = (np.arange(len(rows)) - starts) < k
    return rows[keep], cols[keep], vals[keep]


def _order(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray) -> np.ndarray:
    """The order of the entries by row, weight (largest first), then column.

    ``np.lexsort((cols, -vals, rows))``; as one sort of a 64-bit key when the rows, the
    weights (non-negative float32: their bits sort as they do) and the columns fit in it.
    """
    if len(rows) == 0:
        return np.zeros(0, dtype=np.int64)
    if vals.dtype == np.float32 and rows.min() >= 0 and cols.min() >= 0:
        bits = vals.view(np.int32).astype(np.int64)
        low, high = int(bits.min()), int(bits.max())
        row0 = int(rows.min())
        row_bits = (int(rows.max()) - row0).bit_length()
        val_bits = (high - low).bit_length()
        col_bits = int(cols.max()).bit_length()
        if low >= 0 and row_bits + val_bits + col_bits <= 63:
            key = ((rows - row0) << (val_bits + col_bits)) | ((high - bits) << col_bits) | cols
            return np.argsort(key)  # keys are distinct: any sort gives the one order
    return np.lexsort((cols, -vals, rows))


def block_pairs(
    features: sp.csr_matrix,
    *,
    article: np.ndarray,
    outlet: np.ndarray | None = None,
    day: np.ndarray | None = None,
    top_k: int = 20,
    max_df: int = 200,
    min_shared: float = 0.05,
    cross_outlet: bool = True,
    same_article: bool = False,
    date_window: int | None = None,
    chunk_size: int = 4000,
    processes: int | None = None,
    progress: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs ``(i, j, shared)`` with ``i < j`` from a unit-row TF-IDF matrix.

    Parameters
    ----------
    features
        Statement x feature TF-IDF matrix, rows of unit length.
    article, outlet, day
        Per statement: article code, outlet code (any hashable codes as
        integers; -1 for unknown outlet), publication day number (or -1).
    top_k
        Partners kept per statement (the union over both sides is returned).
    max_df
        Features in more statements than this are not used for blocking.
    min_shared
        Least TF-IDF weight (cosine over the rare features) a pair must share.
    cross_outlet
        Only pairs from different outlets (unknown outlets count as different).
    same_article
        Also pairs within one article.
    date_window
        Only pairs published at most this many days apart (unknown dates pass).
    chunk_size
        Rows per sparse product.
    processes
        Worker processes for the chunks (forked, sharing the matrices; default:
        the usable cores; one chunk runs in this process).
    progress
        Show a progress bar on stderr.

    Examples
    --------
    >>> from narratives.align._tfidf import tfidf, word_counts
    >>> m, _ = word_counts([["a", "b"], ["a", "b"], ["c"]])
    >>> i, j, s = block_pairs(tfidf(m), article=np.array([0, 1, 2]))
    >>> list(zip(i.tolist(), j.tolist()))
    [(0, 1)]
    """
    n = features.shape[0]
    blocking, transposed = blocking_matrix(features, max_df=max_df)

    def chunk(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return chunk_pairs(
            blocking,
            transposed,
            start,
            start + chunk_size,
            article=article,
            outlet=outlet,
            day=day,
            top_k=top_k,
            min_shared=min_shared,
            cross_outlet=cross_outlet,
            same_article=same_article,
            date_window=date_window,
        )

    # chunks are independent: forked workers share the matrices (same pairs, same order)
    parts = fork_map(
        chunk, range(0, n, chunk_size), processes=processes, progress=progress, desc="candidates"
    )
    return merge_pairs(parts, n)


# --- the steps of block_pairs, public so that other engines run chunks in parallel ---


def blocking_matrix(features: sp.csr_matrix, *, max_df: int = 200) -> tuple[sp.csr_matrix, ...]:
    """The TF-IDF matrix on the rare features (``2 <= df <= max_df``) and its transpose."""
    df = np.bincount(features.indices, minlength=features.shape[1])
    rare = sp.diags(((df <= max_df) & (df >= 2)).astype(np.float32))
    blocking = (features @ rare).tocsr()
    blocking.eliminate_zeros()
    return blocking, blocking.T.tocsr()


def chunk_pairs(
    blocking: sp.csr_matrix,
    transposed: sp.csr_matrix,
    start: int,
    stop: int,
    *,
    article: np.ndarray,
    outlet: np.ndarray | None = None,
    day: np.ndarray | None = None,
    top_k: int = 20,
    min_shared: float = 0.05,
    cross_outlet: bool = True,
    same_article: bool = False,
    date_window: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidates of the rows ``start:stop`` (each row's ``top_k``), as ``(min, max, shared)``."""
    product = (blocking[start:stop] @ transposed).tocsr()
    # most products share less than ``min_shared``: only the others are read (a margin
    # for the rounding, well above its error)
    near = np.flatnonzero(product.data >= min_shared - _MARGIN)
    rows = np.searchsorted(product.indptr, near, side="right").astype(np.int64) - 1 + start
    cols = product.indices[near].astype(np.int64)
    vals = np.round(product.data[near], SHARED_DECIMALS)
    keep = (vals >= min_shared) & (rows != cols)
    keep &= (article[rows] != article[cols]) | same_article
    if cross_outlet and outlet is not None:
        keep &= (outlet[rows] != outlet[cols]) | (outlet[rows] < 0)
    if date_window is not None and day is not None:
        known = (day[rows] >= 0) & (day[cols] >= 0)
        keep &= ~known | (np.abs(day[rows] - day[cols]) <= date_window)
    r, c, v = _top_k_per_row(rows[keep], cols[keep], vals[keep], top_k)
    return np.minimum(r, c), np.maximum(r, c), v


def merge_pairs(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The union of the chunks' pairs (in chunk order), each pair once, sorted by ``(i, j)``."""
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    i = np.concatenate([p[0] for p in parts])
    j = np.concatenate([p[1] for p in parts])
    v = np.concatenate([p[2] for p in parts])
    key = i * n + j
    _, first = np.unique(key, return_index=True)
    return i[first], j[first], v[first].astype(np.float64)
