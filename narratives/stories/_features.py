"""Article word vectors for story grouping: rare words and names, IDF over the corpus.

Each article is represented by the match-normalized words of its headline
(counted twice: the headline names the event) and the start of its body,
without function words and the reporting frame (``match_stopwords.tsv``),
with the definite article and a proclitic before it taken off
(الرياض / والرياض / بالرياض count as one word). Words are weighted by
sublinear TF x IDF computed over the articles given, rows scaled to unit
length, so the dot product of two rows is their cosine. Words found in one
article only cannot link two articles and are dropped; words found in more
than ``max_df`` of the articles and in more than 100 of them (``الملك``,
``المملكة`` in a large corpus of Saudi news) are dropped too; a small corpus
keeps them, weighted down by their IDF.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import scipy.sparse as sp

from narratives.align._text import load_stopwords
from narratives.compare._text import normalized, tokens

#: definite article (with an optional proclitic before it) taken off words of 3+ letters
_ARTICLE = r"^(?:[وفبك]?ال|لل)(\p{L}{3,})$"


def article_heads(articles: pl.DataFrame, *, body_chars: int = 1500) -> pl.Series:
    """Match-normalized headline (twice) and first ``body_chars`` of each article's text."""
    title = pl.col("title").fill_null("") if "title" in articles.columns else pl.lit("")
    text = pl.col("text").fill_null("").str.slice(0, body_chars)
    joined = pl.concat_str([title, title, text], separator=" ")
    return articles.select(normalized(joined).alias("h"))["h"]


def article_tokens(heads: pl.Series) -> pl.Series:
    """Content words of each article's normalized head (see :func:`article_heads`)."""
    stop = list(load_stopwords())
    words = (
        pl.DataFrame({"h": heads})
        .select(tokens(pl.col("h")).alias("w"))
        .with_row_index("row")
        .explode("w")
        .drop_nulls("w")
        .with_columns(pl.col("w").str.replace(_ARTICLE, "$1"))
        .filter((pl.col("w").str.len_chars() >= 3) & ~pl.col("w").is_in(stop))
    )
    grouped = words.group_by("row", maintain_order=True).agg("w")
    return (
        pl.DataFrame({"row": np.arange(len(heads), dtype=np.uint32)})
        .join(grouped, on="row", how="left")
        .sort("row")["w"]
        .fill_null(pl.lit([], pl.List(pl.String)))
    )


def word_vectors(
    words: pl.Series,
    *,
    max_df: float = 0.05,
    min_df: int = 2,
    max_df_floor: int = 100,
    max_features: int | None = None,
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
        # group_by gives its groups in no set order: sorted, every sum below runs in
        # one order and the columns are numbered alike between runs
        .sort("row", "w")
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
    keep = (pl.col("df") >= min_df) & (pl.col("df") <= max(max_df_floor, max_df * n))
    flat = flat.filter(keep)
    if flat.height == 0:
        return sp.csr_matrix((n, 0), dtype=np.float32)
    if max_features:  # an article's strongest words carry its event; the rest cost time
        flat = (
            flat.sort("row", "weight", "w", descending=[False, True, False])
            .filter(pl.int_range(pl.len()).over("row") < max_features)
            .sort("row", "w")
        )
    # columns in word order (not the categorical codes, which depend on what the
    # process met before)
    col = (flat["w"].rank("dense").to_numpy() - 1).astype(np.int64)
    rows = flat["row"].to_numpy().astype(np.int64)
    data = (flat["weight"].to_numpy() / norms[rows]).astype(np.float32)
    return sp.csr_matrix((data, (rows, col)), shape=(n, int(col.max()) + 1))


#: a figure: digits with decimal or thousands separators
_NUMBER = r"\d+(?:[.,٫]\d+)*"


def article_numbers(heads: pl.Series) -> list[frozenset[str]]:
    """The figures of each article's normalized head (see :func:`article_heads`).

    Single digits and years (1900-2099) are left out.
    """
    found = pl.DataFrame({"h": heads}).select(pl.col("h").str.extract_all(_NUMBER))["h"].to_list()
    out = []
    for nums in found:
        clean = {x.replace(",", "").replace("٫", ".") for x in nums or []}
        # single digits ("5 billion") recur in any two reports; years are not figures
        year = {x for x in clean if len(x) == 4 and x[:2] in ("19", "20")}
        out.append(frozenset(x for x in clean - year if len(x) > 1))
    return out


def figures_disagree(numbers: list[frozenset[str]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where both articles give two or more figures and share none.

    Daily reports cast in one template (the stock market's close, the weather)
    share most of their words; their figures tell one day's from the next.
    """
    return np.fromiter(
        (
            len(numbers[a]) >= 2 and len(numbers[b]) >= 2 and not (numbers[a] & numbers[b])
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ),
        dtype=bool,
        count=len(i),
    )


#: proclitics taken off a headline word when the rest is a known place (بجازان, وإيران)
_PLACE_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب")


#: border posts of ``countries.tsv`` and the region they lie in
_POST_REGION = {"tuwal": "jazan", "wadiah": "najran"}


def headline_places(
    titles: pl.Series, *, forms: tuple[str, ...] = ("city",)
) -> list[frozenset[str]]:
    """The places each headline names (``countries.tsv`` rows of the given ``forms``).

    Default: the Saudi regions (form ``city``); a city stands for its region
    (جدة and الطائف for Makkah) and a border post for the region it lies in
    (الطوال for Jazan). ``forms=("name", "adjective")``: the countries (a capital
    or a nationality adjective stands for its country). A proclitic is taken
    off a word only when the rest is a known place (بجازان, وجيزان).
    """
    from narratives._resources import load_tsv

    table = load_tsv("countries.tsv").filter(pl.col("form").is_in(list(forms)))
    places = {
        name: _POST_REGION.get(region, region)
        for name, region in zip(table["name"].to_list(), table["country"].to_list(), strict=True)
    }
    heads = pl.DataFrame({"t": titles.fill_null("")}).select(
        tokens(normalized(pl.col("t"))).alias("w")
    )["w"]
    out = []
    for words in heads.to_list():
        found = set()
        for w in words or []:
            for cand in (w, *(w[len(c) :] for c in _PLACE_CLITICS if w.startswith(c))):
                if cand in places:
                    found.add(places[cand])
                    break
        out.append(frozenset(found))
    return out


def places_disagree(places: list[frozenset[str]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where both headlines name Saudi regions and none is common to both.

    Announcements cast in one template (a soldier killed, an execution) share
    most of their words; the region in the headline tells Jazan's from Najran's.
    """
    named = np.fromiter((bool(p) for p in places), dtype=bool, count=len(places))
    out = named[i] & named[j] if len(i) else np.zeros(0, dtype=bool)
    both = np.flatnonzero(out)  # few pairs: most headlines name no region
    out[both] = [not (places[a] & places[b]) for a, b in zip(i[both], j[both], strict=True)]
    return out
