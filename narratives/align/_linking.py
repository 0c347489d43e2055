"""Competitive linking: relative evidence between two articles.

When two articles cover one event (they share at least one strong
alignment, the *anchor*), the true counterpart of a statement in the other
article is usually its best match there, and the match is mutual. Such a
*mutual best* pair is good evidence even at a lower absolute score than a
pair that is neither anchored nor mutual: on SaudiNewsNet samples (three
days, 14 outlets, read by hand) mutual best pairs of anchored article pairs
scoring 40-55 reported the same claim in 14 of 20 cases, about the share of
all pairs at 55-60; at 30-40 only 8 of 20 did.

A pair below the threshold whose two statements both align strongly
(``threshold`` or more) with one same third statement is *supported*: two
outlets rewrote the claim a third carried nearly as is (a headline and a
body sentence both matching a wire sentence). On the two same-event dev
golds, supported pairs scoring 35-55 were true in 26 of 31 and 18 of 21
cases (recall +0.035 and +0.043, precision -0.008 and -0.003); but on a
fresh SaudiNewsNet day (2015-08-04) only 10 of 20 read were the same
claim: a third statement carrying several claims (a cabinet session's list
of appointments, a market report) supports pairs of its different parts.
So it is off unless asked for (``align(support_threshold=35)``).

Everything here is a group-by (or a sparse row product) over the scored
candidate pairs, so it costs time linear in their number, and it is
symmetric in the two statements.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import scipy.sparse as sp

from narratives.align._tfidf import row_dots


def mutual_best(i: np.ndarray, j: np.ndarray, score: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Per pair: is it each statement's best-scoring pair in the other's article (ties count)?

    Examples
    --------
    >>> mutual_best(np.array([0, 0, 1]), np.array([2, 3, 2]), np.array([50.0, 40.0, 30.0]),
    ...             np.array([0, 0, 1, 1])).tolist()
    [True, False, False]
    """
    if len(i) == 0:
        return np.zeros(0, dtype=bool)
    pairs = pl.DataFrame({"i": i, "j": j, "ai": article[i], "aj": article[j], "s": score})
    best = pairs.select(
        (pl.col("s") >= pl.col("s").max().over("i", "aj"))
        & (pl.col("s") >= pl.col("s").max().over("j", "ai"))
    )
    return best.to_series().to_numpy()


def anchored(
    i: np.ndarray, j: np.ndarray, score: np.ndarray, article: np.ndarray, *, at: float
) -> np.ndarray:
    """Per pair: do its two articles share some pair scoring at least ``at``?

    Examples
    --------
    >>> anchored(np.array([0, 1]), np.array([2, 3]), np.array([70.0, 45.0]),
    ...          np.array([0, 0, 1, 1]), at=55).tolist()
    [True, True]
    """
    if len(i) == 0:
        return np.zeros(0, dtype=bool)
    lo, hi = np.minimum(article[i], article[j]), np.maximum(article[i], article[j])
    pairs = pl.DataFrame({"lo": lo, "hi": hi, "s": score})
    return pairs.select(pl.col("s").max().over("lo", "hi") >= at).to_series().to_numpy()


def competitive_links(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    *,
    threshold: float,
    link_threshold: float,
) -> np.ndarray:
    """Pairs below ``threshold`` kept as links.

    A link scores at least ``link_threshold``, is a mutual best match and
    its articles share a pair scoring ``threshold`` or more.
    """
    low = (score >= link_threshold) & (score < threshold)
    if not low.any():
        return low
    return low & mutual_best(i, j, score, article) & anchored(i, j, score, article, at=threshold)


def supported(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    n: int,
    *,
    threshold: float,
    support_threshold: float,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because a third statement supports them.

    A supported pair scores at least ``support_threshold`` and its two
    statements (of ``n``) each have a pair scoring ``threshold`` or more with
    one same third statement.

    Examples
    --------
    >>> supported(np.array([0, 1, 0]), np.array([2, 2, 1]), np.array([80.0, 70.0, 40.0]), 3,
    ...           threshold=55, support_threshold=35).tolist()
    [False, False, True]
    """
    low = (score >= support_threshold) & (score < threshold)
    if not low.any():
        return low
    strong = score >= threshold
    ones = np.ones(2 * int(strong.sum()), dtype=np.float32)
    rows = np.concatenate([i[strong], j[strong]])
    cols = np.concatenate([j[strong], i[strong]])
    adjacency = sp.csr_matrix((ones, (rows, cols)), shape=(n, n))
    out = np.zeros(len(i), dtype=bool)
    k = np.flatnonzero(low)
    out[k] = row_dots(adjacency, i[k], j[k]) > 0  # statements aligned with both
    return out
