"""Article word vectors for story grouping: rare words and names, IDF over the corpus.

Each article is represented by the match-normalized words of its headline
(counted twice: the headline names the event) and the start of its body,
without function words and the reporting frame (``match_stopwords.tsv``),
with the definite article and a proclitic before it taken off
(الرياض / والرياض / بالرياض count as one word). Words are weighted by
sublinear TF x IDF computed over the articles given, rows scaled to unit
length, so the dot product of two rows is their cosine. Words found in one
article only cannot link two articles and are dropped; in a corpus of 50
articles or more, words found in more than ``max_df`` of them (``الملك``,
``المملكة`` in Saudi news) are dropped too.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import scipy.sparse as sp

from narratives.align._text import load_stopwords
from narratives.compare._text import normalized, tokens

#: definite article (with an optional proclitic before it) taken off words of 3+ letters
_ARTICLE = r"^(?:[وفبك]?ال|لل)(\p{L}{3,})$"


def article_tokens(articles: pl.DataFrame, *, body_chars: int = 1500) -> pl.Series:
    """Content words of each article: headline twice, then the first ``body_chars`` of text."""
    title = pl.col("title").fill_null("") if "title" in articles.columns else pl.lit("")
    text = pl.col("text").fill_null("").str.slice(0, body_chars)
    joined = pl.concat_str([title, title, text], separator=" ")
    stop = list(load_stopwords())
    words = (
        articles.select(tokens(normalized(joined)).alias("w"))
        .with_row_index("row")
        .explode("w")
        .drop_nulls("w")
        .with_columns(pl.col("w").str.replace(_ARTICLE, "$1"))
        .filter((pl.col("w").str.len_chars() >= 3) & ~pl.col("w").is_in(stop))
    )
    grouped = words.group_by("row", maintain_order=True).agg("w")
    return (
        pl.DataFrame({"row": np.arange(articles.height, dtype=np.uint32)})
        .join(grouped, on="row", how="left")
        .sort("row")["w"]
        .fill_null(pl.lit([], pl.List(pl.String)))
    )


def word_vectors(
    words: pl.Series, *, max_df: float = 0.05, min_df: int = 2, min_articles_for_max_df: int = 50
) -> sp.csr_matrix:
    """Unit-length sublinear TF-IDF rows over ``words`` (lists of tokens per article)."""
    n = len(words)
    flat = (
        pl.DataFrame({"w": words})
        .with_row_index("row")
        .explode("w")
        .drop_nulls("w")
        .group_by("row", "w")
        .len()
    )
    if flat.height == 0:
        return sp.csr_matrix((n, 0), dtype=np.float32)
    flat = flat.with_columns(df=pl.len().over("w"))
    idf = (np.log((1 + n) / (1 + flat["df"].to_numpy())) + 1).astype(np.float32)
    flat = flat.with_columns(
        weight=pl.Series((1 + np.log(flat["len"].to_numpy())).astype(np.float32) * idf)
    )
    # lengths over every word, so an article is not made to look like another
    # because only the words they share are left
    norms = np.sqrt(
        np.bincount(
            flat["row"].to_numpy().astype(np.int64),
            weights=flat["weight"].to_numpy().astype(np.float64) ** 2,
            minlength=n,
        )
    )
    norms[norms == 0] = 1
    keep = pl.col("df") >= min_df
    if n >= min_articles_for_max_df:
        keep &= pl.col("df") <= max(min_df, max_df * n)
    flat = flat.filter(keep)
    if flat.height == 0:
        return sp.csr_matrix((n, 0), dtype=np.float32)
    codes = flat["w"].cast(pl.Categorical).to_physical().to_numpy().astype(np.int64)
    _, col = np.unique(codes, return_inverse=True)
    rows = flat["row"].to_numpy().astype(np.int64)
    data = (flat["weight"].to_numpy() / norms[rows]).astype(np.float32)
    return sp.csr_matrix((data, (rows, col)), shape=(n, int(col.max()) + 1))
