"""The TF-IDF matrices' vocabulary (``narratives.align._tfidf``): one column per distinct
string, in the order its categorical code gives, as ``np.unique`` of the codes ranks them."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from narratives.align._tfidf import _index, word_counts


def reference_index(values: pl.Series) -> tuple[np.ndarray, list[str]]:
    codes = values.cast(pl.Categorical).to_physical().to_numpy().astype(np.int64)
    uniq, dense = np.unique(codes, return_inverse=True)
    first = np.zeros(len(uniq), dtype=np.int64)
    first[dense[::-1]] = np.arange(len(dense))[::-1]
    return dense.astype(np.int32), values.gather(first).to_list()


@given(st.lists(st.sampled_from(["وزير", "الخارجيه", "لافروف", "ارهاب", "a", "b b"]), min_size=1))
def test_index_ranks_codes_as_np_unique(words: list[str]) -> None:
    # codes seen before in the process leave gaps in the codes of these words
    pl.Series(["قبل", "بعد", *words[::-1]]).cast(pl.Categorical)
    values = pl.Series("w", words, dtype=pl.String)
    dense, names = _index(values)
    want_dense, want_names = reference_index(values)
    assert dense.dtype == np.int32
    assert np.array_equal(dense, want_dense) and names == want_names
    assert sorted(set(names)) == sorted(set(words))


def test_word_counts_of_real_tokens() -> None:
    tokens = [["لافروف", "ارهاب", "خطر"], ["ارهاب", "خطر"], []]
    counts, names = word_counts(tokens)
    assert set(names) == {"لافروف", "ارهاب", "خطر", "لافروف ارهاب", "ارهاب خطر"}
    assert counts.shape == (3, 5) and counts.sum() == 8
    assert counts[1, names.index("ارهاب خطر")] == 1 and counts[2].sum() == 0
