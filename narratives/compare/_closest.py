"""For each statement, the closest statement of every other outlet in its story.

An omission is only credible when the outlet said nothing like the claim in
the story it covered. The alignment table keeps the pairs above its
threshold only, so the near misses are scored here: every pair of
statements of one story from two outlets is scored with
:func:`narratives.align` (same components and combined score, nothing
thresholded), and each statement keeps, per other outlet, the best one.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import polars as pl
import scipy.sparse as sp

from narratives.normalize import normalize

CLOSEST = {
    "statement_id": pl.String,  # a statement of the claim
    "story_id": pl.String,
    "other": pl.String,  # another outlet covering the story
    "closest_statement_id": pl.String,  # that outlet's statement closest to it
    "closest_score": pl.Float64,
    "closest_relation": pl.String,
    # best share of the statement's content words (IDF-weighted) found in one of the
    # outlet's statements, or the reverse (the larger)
    "containment": pl.Float64,
    # one of the outlet's statements gives one of its figures
    "figure_match": pl.Boolean,
}


_PAIR_SCHEMA = {
    "statement_id_a": pl.String,
    "statement_id_b": pl.String,
    "containment": pl.Float64,
    "figure_match": pl.Boolean,
}
_FIGURE = re.compile(r"\d+(?:[.,،٫]\d+)*")


def _figures(text: str) -> frozenset[str]:
    """Integer parts of a statement's figures (two digits or more, years aside)."""
    out = set()
    for m in _FIGURE.findall(normalize(text or "")):
        whole = re.split(r"[.,،٫]", m)[0]
        if len(whole) >= 2 and not (len(whole) == 4 and whole[:2] in ("19", "20")):
            out.add(whole)
    return frozenset(out)


def _figure_match(texts: list[str], pi: np.ndarray, pj: np.ndarray) -> list[bool]:
    """Whether the two statements give one figure (71 and 71.08, 85,539 and 85.5 thousand)."""
    figs = [_figures(t) for t in texts]
    return [bool(figs[a] & figs[b]) for a, b in zip(pi.tolist(), pj.tolist(), strict=True)]


def _containment(st: pl.DataFrame, pi: np.ndarray, pj: np.ndarray) -> pl.DataFrame:
    """IDF-weighted containment of each pair's content words, the larger direction.

    A long sentence carrying several propositions scores low against one of
    them on the symmetric score, yet holds all its words.
    """
    from narratives.align._text import content_tokens

    tokens = content_tokens(
        [t or "" for t in st["text"].to_list()],
        exclude=st["speaker_mention"].to_list() if "speaker_mention" in st.columns else None,
    )
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, words in enumerate(tokens):
        for w in set(words):
            rows.append(r)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(tokens)
    ids = st["statement_id"].to_list()
    if not vocab:
        return pl.DataFrame(schema=_PAIR_SCHEMA)
    b = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
        shape=(n, len(vocab)),
    )
    df = np.asarray(b.sum(axis=0)).ravel()
    idf = np.log((1 + n) / (1 + df)) + 1
    w = sp.csr_matrix(b.multiply(idf[None, :]))
    total = np.asarray(w.sum(axis=1)).ravel()
    inter = np.zeros(len(pi))
    for s in range(0, len(pi), 200_000):
        e = s + 200_000
        inter[s:e] = np.asarray(w[pi[s:e]].multiply(b[pj[s:e]]).sum(axis=1)).ravel()
    # a side of fewer than three content words is contained too easily
    few = np.array([len(set(t)) < 3 for t in tokens])
    a_in_b = np.where(few[pi], 0.0, inter / np.maximum(total[pi], 1e-9))
    b_in_a = np.where(few[pj], 0.0, inter / np.maximum(total[pj], 1e-9))
    sid = np.array(ids, dtype=object)
    a = np.where(sid[pi] < sid[pj], sid[pi], sid[pj])
    b_ = np.where(sid[pi] < sid[pj], sid[pj], sid[pi])
    return pl.DataFrame(
        {
            "statement_id_a": a.tolist(),
            "statement_id_b": b_.tolist(),
            "containment": np.round(np.maximum(a_in_b, b_in_a), 3),
            "figure_match": _figure_match(st["text"].to_list(), pi, pj),
        },
        schema=_PAIR_SCHEMA,
    )


def closest_in_stories(
    statements: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    max_pairs: int = 5_000_000,
    align_options: dict[str, Any] | None = None,
) -> pl.DataFrame:
    """Per statement and other outlet of its story, that outlet's closest statement.

    Stories of one outlet need nothing. ``max_pairs`` bounds the work: beyond
    it, the largest stories are left out (their rows get no closest
    statement, which the omission table shows as unknown).
    """
    from narratives.align import align

    st = statements.join(stories.select("article_id", "story_id"), on="article_id", how="inner")
    multi = st.group_by("story_id").agg(pl.col("outlet").n_unique().alias("k"), pl.len().alias("m"))
    multi = multi.filter(pl.col("k") >= 2)
    if multi.height == 0:
        return pl.DataFrame(schema=CLOSEST)
    # pairs per story ~ m^2 / 2: keep the smaller stories first within the budget
    multi = multi.with_columns(cost=(pl.col("m") * (pl.col("m") - 1) // 2)).sort("cost")
    multi = multi.filter(pl.col("cost").cum_sum() <= max_pairs)
    st = st.join(multi.select("story_id"), on="story_id", how="semi").sort(
        "story_id", "statement_id"
    )
    if st.height < 2:
        return pl.DataFrame(schema=CLOSEST)
    idx = st.select("story_id", "outlet").with_row_index("row")
    pairs = (
        idx.join(idx, on="story_id", suffix="_b")
        .filter((pl.col("row") < pl.col("row_b")) & pl.col("outlet").ne_missing(pl.col("outlet_b")))
        .select("row", "row_b")
    )
    if pairs.height == 0:
        return pl.DataFrame(schema=CLOSEST)
    pi = pairs["row"].to_numpy().astype(np.int64)
    pj = pairs["row_b"].to_numpy().astype(np.int64)

    def story_pairs(features: Any, **_: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return pi, pj, np.ones(len(pi))

    options = {**(align_options or {}), "threshold": 0.0, "link_threshold": None}
    # relation labels as the default alignment gives them (paraphrase from 55 up)
    options.setdefault("relations", {"paraphrase": 55.0})
    # did the outlet carry this content at all? Who it names as the speaker is another
    # question (and unresolved mentions of one person differ: وليد الصمعاني / وليد بن محمد
    # الصمعاني), so the speaker penalty is off here
    options.setdefault("speaker_penalty", 1.0)
    scored = align(st.drop("story_id"), blocking=story_pairs, **options)
    out = scored.select(
        "statement_id_a", "statement_id_b", "outlet_a", "outlet_b", "score", "relation"
    ).join(_containment(st, pi, pj), on=["statement_id_a", "statement_id_b"], how="left")
    both = pl.concat(
        [
            out.select(
                statement_id="statement_id_a",
                other="outlet_b",
                closest_statement_id="statement_id_b",
                closest_score="score",
                closest_relation="relation",
                containment="containment",
                figure_match="figure_match",
            ),
            out.select(
                statement_id="statement_id_b",
                other="outlet_a",
                closest_statement_id="statement_id_a",
                closest_score="score",
                closest_relation="relation",
                containment="containment",
                figure_match="figure_match",
            ),
        ]
    )
    best = (
        both.sort("closest_score", "closest_statement_id", descending=[True, False])
        .group_by("statement_id", "other", maintain_order=True)
        .agg(
            pl.col("closest_statement_id", "closest_score", "closest_relation").first(),
            pl.col("containment").max(),
            pl.col("figure_match").any(),
        )
        .join(st.select("statement_id", "story_id"), on="statement_id", how="left")
    )
    return best.select(list(CLOSEST)).cast(CLOSEST)  # type: ignore[arg-type]
