"""``narratives.group_stories``: articles grouped into stories (one event each).

A *story* is one event or development, covered by one or more outlets within
a few days. Two articles belong to one story on article-level evidence:

1. **Shared rare words and names.** Cosine of the articles' TF-IDF word
   vectors (headline counted twice, start of the body; IDF over the articles
   given; see :mod:`narratives.stories._features`), halved
   (``number_penalty``) when both give figures and share none, and halved
   (``place_penalty``) when both headlines name Saudi regions and share none,
   (``country_penalty``) when both name countries and share none, and
   (``club_penalty``) when both name football clubs (``lexicons/clubs.yaml``),
   none in common, and either both name two clubs (two matches) or neither
   article names a club of the other's headline in its headline or lead, and
   (``slot_penalty``) when both headlines fill one named slot (a country, or a
   body after a head noun: جامعة الإمام / جامعة حائل) with names neither
   article gives in its headline or lead, or end alike after two subjects that
   share no word and neither article names (محكمة الاستئناف / صحة الرياض تعايد
   منسوبيها). Places are Saudi regions, cities and governorates
   (``countries.tsv``): two cities differ even in one region, a region covers
   its cities.
2. **Aligned statements** (optional): pairs of the ``alignments`` table
   scoring ``alignment_score`` or more (55, the alignment's paraphrase
   threshold) add up to ``alignment_weight``. They join an article whose
   headline is a metaphor and whose second half is on something else
   ("عاشق الحمراء يضبط السوبر", which gives the referees' names in sentences
   aligned with five outlets' reports).
   **Reports that share most of their sentences.** Two articles of the same
   day whose statements are aligned ``verbatim`` or ``near_verbatim`` for at
   least ``strong_share`` of each (three or more, formulas of under
   ``strong_words`` words left out, no aligned pair flagged as a conflict,
   headlines naming no two regions or countries, text cosine at least
   ``strong_text``) count as similar as ``strong_similarity``: the four
   reports of the Hawaii trade talks, one of them split off because its
   «11 دولة» against «الدول الـ12» halved its similarity. A round-up page
   carrying a short report whole covers the report but not the other way
   round, so it gains nothing.
3. **Dates.** Two dated articles are compared only when published at most
   ``window_days`` apart. An article without a date is compared with every
   article, on its text alone (its row says so: ``dated`` false).
4. **Same text.** Articles whose normalized text is identical (and at least
   ``min_copy_chars`` long) are linked whatever their dates: a republished
   copy belongs to its original's story.
5. **Openings alike** (``lede_weight``): the headline and first ``lede_chars``
   characters of two articles of two outlets, as character n-grams of their
   content words (TF-IDF over the articles given), raise the pair by
   ``lede_weight`` of the amount their cosine exceeds the word cosine. This
   evidence only *joins whole stories* (average linkage over the stories formed
   without it); it never splits one. It joins a report told in its own angle
   whose lede restates the event in other words («بموعده» / «في موعدها») to the
   other outlets' reports; one outlet's two items of a day (two wedding notices,
   two regional offices' interviews) gain nothing from it.
6. **A headline alone is not evidence.** An article whose headline and lead
   hold fewer than ``min_words`` distinct content words (a cartoon page
   titled "كاريكاتير") joins others by identical text only.

Clustering is average linkage within the connected components of the pairs
scoring ``threshold`` or more: two groups merge only when the *mean*
similarity over all their article pairs (pairs never compared, such as
articles a week apart, counting 0) reaches ``threshold``. One wire copy
resembling both Monday's and Friday's cabinet session cannot chain them into
one story, since Monday's and Friday's articles share nothing with each other.

Copies: an article whose similarity to an earlier article of its story is at
least ``copy_threshold`` is marked ``copy_of`` that article: the most similar
one published on an earlier day, else (dates cannot tell) the most similar
one of the same day listed before it; of a news agency's article and a
newspaper's of the same day, the agency's is the source, and the preferred one
among same-day candidates (newspapers run the
wire: SaudiNewsNet's SPA items, «عام / ...», were listed as copies of the
newspapers that ran them). An agency is an outlet of ``outlets.yaml`` whose
name says so («وكالة», "Agency").
"""

from __future__ import annotations

import functools

import numpy as np
import polars as pl
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from narratives import schemas
from narratives._resources import load_yaml
from narratives.stories._features import (
    article_heads,
    article_numbers,
    article_tokens,
    clubs_disagree,
    figures_disagree,
    gram_vectors,
    headline_clubs,
    headline_places,
    headline_slots,
    lead_text,
    places_disagree,
    slots_disagree,
    subjects_disagree,
    word_vectors,
)

_NEEDED = ("article_id", "outlet", "published")


@functools.cache
def _agencies() -> frozenset[str]:
    """Outlet ids of news agencies: ``outlets.yaml`` entries named «وكالة ...» / "... Agency"."""
    data = load_yaml("outlets.yaml") or {}
    return frozenset(
        str(o["id"])
        for o in data.get("outlets", [])
        if any("وكالة" in str(x) for x in o.get("name_ar") or [])
        or any("agency" in str(x).lower() for x in o.get("name_en") or [])
    )


def _days(values: pl.Series) -> np.ndarray:
    out = values.cast(pl.Date).to_physical().fill_null(-(10**9)).to_numpy().astype(np.int64)
    return out


def _candidate_pairs(
    x: sp.csr_matrix, day: np.ndarray, *, window_days: int, min_similarity: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) for i < j compared pairs with cosine >= ``min_similarity``.

    Dated articles are compared within ``window_days``, day by day (one sparse
    product per day against the following days); undated ones with everything.
    """
    undated = day < -(10**8)
    loose = np.flatnonzero(undated)
    parts_i, parts_j, parts_s = [], [], []
    dated_rows = np.flatnonzero(~undated)
    order = dated_rows[np.argsort(day[dated_rows], kind="stable")]
    sorted_days = day[order]
    xt = x.T.tocsc()

    def keep(rows: np.ndarray, cols: np.ndarray, sims: sp.csr_matrix, *, first: bool) -> None:
        coo = sims.tocoo()
        # the similar pairs first (a few in a hundred): the rest is never indexed
        near = coo.data >= min_similarity
        col, s = coo.col[near], coo.data[near]
        gi, gj = rows[coo.row[near]], cols[col]
        # rows are among cols (their first ones, or the undated): each pair once
        among = col < len(rows) if first else undated[gj]
        ok = (gi != gj) & (~among | (gi < gj))
        gi, gj, s = gi[ok], gj[ok], s[ok]
        parts_i.append(np.minimum(gi, gj))
        parts_j.append(np.maximum(gi, gj))
        parts_s.append(s)

    if len(order):
        for d in np.unique(sorted_days):
            lo = np.searchsorted(sorted_days, d, side="left")
            hi = np.searchsorted(sorted_days, d, side="right")
            end = np.searchsorted(sorted_days, d + window_days, side="right")
            rows, cols = order[lo:hi], order[lo:end]
            keep(rows, cols, x[rows] @ xt[:, cols], first=True)
    if len(loose):
        keep(loose, np.arange(x.shape[0]), x[loose] @ xt, first=False)
    if not parts_i:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0)
    i, j, s = np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_s)
    return i, j, s.astype(np.float64)


def _same_text_pairs(articles: pl.DataFrame, min_chars: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (first row, other row) of articles with identical text (spacing aside)."""
    keyed = (
        articles.select(pl.col("text").fill_null("").str.replace_all(r"\s+", " ").alias("t"))
        .with_row_index("row")
        .filter(pl.col("t").str.len_chars() >= min_chars)
        .with_columns(h=pl.col("t").hash())
        .drop("t")
    )
    groups = keyed.group_by("h").agg(pl.col("row").sort()).filter(pl.col("row").list.len() > 1)
    if groups.height == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    pairs = groups.select(first=pl.col("row").list.first(), other=pl.col("row").list.slice(1))
    pairs = pairs.explode("other")
    return pairs["first"].to_numpy().astype(np.int64), pairs["other"].to_numpy().astype(np.int64)


def _alignment_pairs(
    alignments: pl.DataFrame | None,
    ids: list[str],
    *,
    min_score: float,
    weight: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, bonus) per article pair sharing aligned statements."""
    empty = np.empty(0, dtype=np.int64)
    if alignments is None or alignments.height == 0 or weight <= 0:
        return empty, empty, np.empty(0)
    if not {"article_id_a", "article_id_b"} <= set(alignments.columns):
        return empty, empty, np.empty(0)
    schemas.require(alignments, ("score",), name="alignments", stage="group_stories")
    index = pl.DataFrame({"article_id": ids, "row": np.arange(len(ids), dtype=np.int64)})
    strong = alignments.filter(
        (pl.col("score") >= min_score) & (pl.col("article_id_a") != pl.col("article_id_b"))
    )
    if "relation" in strong.columns:
        strong = strong.filter(pl.col("relation") != "related")
    if "conflict" in strong.columns:
        # one template said of two countries or two agents ("وأعرب الملك ... لرئيس تشاد" /
        # "... لرئيس الإكوادور"): aligned, but evidence of two events, not of one
        strong = strong.filter(pl.col("conflict").ne_missing("roles"))
    per = (
        strong.join(index.rename({"article_id": "article_id_a", "row": "i"}), on="article_id_a")
        .join(index.rename({"article_id": "article_id_b", "row": "j"}), on="article_id_b")
        .select(a=pl.min_horizontal("i", "j"), b=pl.max_horizontal("i", "j"))
        .group_by("a", "b")
        .len()
    )
    bonus = weight * np.minimum(1.0, per["len"].to_numpy() / 3.0)
    return per["a"].to_numpy(), per["b"].to_numpy(), bonus


def _strong_links(
    alignments: pl.DataFrame | None,
    statements: pl.DataFrame | None,
    ids: list[str],
    *,
    min_share: float,
    min_statements: int,
    min_words: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) of article pairs that share most of their statements near-verbatim.

    A statement counts when it holds ``min_words`` words or more (bylines, credits
    and formulas such as «والله الموفق» are shorter) and is aligned ``verbatim`` or
    ``near_verbatim`` (without a relation column: score 70 or more) with a statement
    of the other article. A pair is strong when such statements are at least
    ``min_statements`` and ``min_share`` of the counted statements of *each*
    article, and no aligned pair between them is flagged as a conflict (figures,
    roles, polarity: one template said of two events). A round-up page (alyaum's
    Libya page carrying alriyadh's 40 drowned migrants whole, 9 of 9 sentences)
    covers the short report, but the report is 8 of the page's 22 sentences: no
    strong link. Shares of 0.4-0.6 were still pages of two items read on
    SaudiNewsNet (a bear in Yellowstone and boars in Sicily, 0.50; UAE martyrs
    and the relief flight to Aden, 0.57): hence 0.6 by default.
    """
    empty = np.empty(0, dtype=np.int64)
    if (
        alignments is None
        or statements is None
        or alignments.height == 0
        or min_share <= 0
        or not {"article_id_a", "article_id_b", "statement_id_a", "statement_id_b"}
        <= set(alignments.columns)
        or not {"statement_id", "article_id", "text"} <= set(statements.columns)
    ):
        return empty, empty
    index = pl.DataFrame({"article_id": ids, "row": np.arange(len(ids), dtype=np.int64)})
    words = statements.select(
        "statement_id",
        "article_id",
        pl.col("text").fill_null("").str.split(" ").list.len().alias("w"),
    ).filter(pl.col("w") >= min_words)
    counted = words.group_by("article_id").len("n")
    cross = alignments.filter(pl.col("article_id_a") != pl.col("article_id_b"))
    # a conflict of the pair itself; a note ("note:polarity" on a merely related
    # pair: «لا اتفاق» against a sentence without the negation) is none
    conflict = (
        pl.col("conflict").is_in(["figures", "roles", "polarity"]).fill_null(False)
        if "conflict" in cross.columns
        else pl.lit(False)
    )
    if "relation" in cross.columns:
        conflict &= pl.col("relation") != "related"
        close = pl.col("relation").is_in(["verbatim", "near_verbatim"])
    else:
        close = pl.col("score") >= 70
    pair = [
        pl.min_horizontal("article_id_a", "article_id_b").alias("x"),
        pl.max_horizontal("article_id_a", "article_id_b").alias("y"),
    ]
    flagged = cross.filter(conflict).select(pair).unique()
    near = cross.filter(close & ~conflict)
    sides = pl.concat(
        [
            near.select("article_id_a", "article_id_b", pl.col("statement_id_a").alias("s"), *pair)
            .drop("article_id_b")
            .rename({"article_id_a": "art"}),
            near.select("article_id_b", "article_id_a", pl.col("statement_id_b").alias("s"), *pair)
            .drop("article_id_a")
            .rename({"article_id_b": "art"}),
        ]
    ).join(words.select(pl.col("statement_id").alias("s")), on="s", how="semi")
    per = (
        sides.group_by("x", "y", "art")
        .agg(pl.col("s").n_unique().alias("k"))
        .join(counted, left_on="art", right_on="article_id")
        .with_columns(ok=(pl.col("k") >= min_statements) & (pl.col("k") >= min_share * pl.col("n")))
        .group_by("x", "y")
        .agg(pl.col("ok").all() & (pl.len() == 2))
        .filter("ok")
        .join(flagged, on=["x", "y"], how="anti")
        .join(index.rename({"article_id": "x", "row": "i"}), on="x")
        .join(index.rename({"article_id": "y", "row": "j"}), on="y")
    )
    return per["i"].to_numpy().astype(np.int64), per["j"].to_numpy().astype(np.int64)


def _cluster(
    n: int,
    i: np.ndarray,
    j: np.ndarray,
    s: np.ndarray,
    *,
    threshold: float,
    max_component: int,
) -> np.ndarray:
    """Story label per row: average linkage inside components of the strong pairs."""
    strong = s >= threshold
    graph = sp.coo_matrix((np.ones(int(strong.sum())), (i[strong], j[strong])), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    label = comp.astype(np.int64).copy()
    sizes = np.bincount(comp)
    big = np.flatnonzero(sizes > 2)
    if len(big) == 0:
        return label
    same = comp[i] == comp[j]
    ci, cj, cs, cc = i[same], j[same], s[same], comp[i[same]]
    order = np.argsort(cc, kind="stable")
    ci, cj, cs, cc = ci[order], cj[order], cs[order], cc[order]
    bounds = np.searchsorted(cc, np.arange(len(sizes) + 1))
    members_order = np.argsort(comp, kind="stable")
    member_bounds = np.searchsorted(comp[members_order], np.arange(len(sizes) + 1))
    next_label = len(sizes)
    for c in big:
        members = members_order[member_bounds[c] : member_bounds[c + 1]]
        local = {int(m): k for k, m in enumerate(members)}
        a = np.fromiter((local[int(v)] for v in ci[bounds[c] : bounds[c + 1]]), dtype=np.int64)
        b = np.fromiter((local[int(v)] for v in cj[bounds[c] : bounds[c + 1]]), dtype=np.int64)
        sim = cs[bounds[c] : bounds[c + 1]]
        m = len(members)
        cut = threshold
        if m > max_component:  # too large for a dense matrix: keep the strongest pairs only
            cut = float(np.quantile(sim, 1 - max_component * 4 / max(len(sim), 1)))
        dense = np.zeros((m, m), dtype=np.float64)
        dense[a, b] = np.maximum(dense[a, b], sim)
        dense[b, a] = dense[a, b]
        dist = 1.0 - np.clip(dense, 0.0, 1.0)
        np.fill_diagonal(dist, 0.0)
        condensed = dist[np.triu_indices(m, k=1)]
        tree = linkage(condensed, method="average")
        flat = fcluster(tree, t=1.0 - cut + 1e-9, criterion="distance")
        label[members] = next_label + flat
        next_label += int(flat.max()) + 1
    return label


def _join_stories(
    label: np.ndarray, i: np.ndarray, j: np.ndarray, s: np.ndarray, *, threshold: float
) -> np.ndarray:
    """``label`` with whole stories merged while their mean similarity reaches ``threshold``.

    Average linkage over stories, never splitting one: in each round the pair of
    stories with the highest mean similarity over all their article pairs (pairs
    not compared counting 0) merges first, each story at most once a round.
    """
    label = np.unique(label, return_inverse=True)[1].astype(np.int64)
    while True:
        size = np.bincount(label)
        a, b = label[i], label[j]
        other = a != b
        if not other.any():
            return label
        x, y = np.minimum(a[other], b[other]), np.maximum(a[other], b[other])
        sums = (
            pl.DataFrame({"x": x, "y": y, "s": s[other]}).group_by("x", "y").agg(pl.col("s").sum())
        )
        mean = sums["s"].to_numpy() / (size[sums["x"].to_numpy()] * size[sums["y"].to_numpy()])
        ok = mean >= threshold
        if not ok.any():
            return label
        order = np.argsort(-mean[ok], kind="stable")
        xs, ys = sums["x"].to_numpy()[ok][order], sums["y"].to_numpy()[ok][order]
        used: set[int] = set()
        target = np.arange(len(size))
        for u, v in zip(xs.tolist(), ys.tolist(), strict=True):
            if u in used or v in used:
                continue
            used.update((u, v))
            target[v] = u
        label = target[label]


def group_stories(
    articles: pl.DataFrame,
    statements: pl.DataFrame | None = None,
    alignments: pl.DataFrame | None = None,
    *,
    window_days: int = 2,
    threshold: float = 0.3,
    min_similarity: float = 0.1,
    alignment_weight: float = 0.1,
    alignment_score: float = 55.0,
    copy_threshold: float = 0.9,
    min_copy_chars: int = 200,
    body_chars: int = 1500,
    max_df: float = 0.05,
    number_penalty: float = 0.5,
    place_penalty: float = 0.5,
    country_penalty: float = 0.5,
    club_penalty: float = 0.5,
    slot_penalty: float = 0.5,
    lead_chars: int = 400,
    max_component: int = 6000,
    min_words: int = 4,
    strong_share: float = 0.6,
    strong_statements: int = 3,
    strong_words: int = 5,
    strong_similarity: float = 0.6,
    strong_text: float = 0.2,
    lede_chars: int = 300,
    lede_weight: float = 0.3,
) -> pl.DataFrame:
    """Group articles into stories: one event covered by one or more outlets.

    See the module docs for the evidence and the clustering.

    Parameters
    ----------
    articles
        ``schemas.ARTICLES`` (``article_id``, ``outlet``, ``published``,
        ``title``, ``text`` are used).
    statements
        ``schemas.STATEMENTS``; only used to complete ``published`` when the
        articles lack it (optional).
    alignments
        ``schemas.ALIGNMENTS``: aligned statement pairs add evidence that two
        articles report one event (optional).
    window_days
        Two dated articles are compared only when published at most this
        many days apart.
    threshold
        Least mean similarity (0-1) for two groups of articles to merge.
        0.3 was read off SaudiNewsNet samples (see docs/methods.md).
    min_similarity
        Pairs below this similarity count as 0 in the means.
    alignment_weight, alignment_score
        Three or more aligned statement pairs scoring ``alignment_score`` or
        more add ``alignment_weight`` to an article pair's similarity (fewer
        add a share of it). 55 (it was 70): on SaudiNewsNet 2015-08-09, 13
        stories more were joined, 11 of them rightly (two reports of one
        event), 2 debatable (two battles of one day in Yemen, a condemnation
        and an op-ed on it); the number, place and country penalties apply
        to the whole similarity, aligned statements included, and pairs
        the alignment flags as a change of roles (one cable template to two
        countries, sentence by sentence) add nothing. On 2015-08-10, 15
        joined: 9 right, 5 debatable, 1 wrong (another meeting at the same
        relief centre).
    copy_threshold
        Least similarity for an article to be marked a copy of an earlier one.
    min_copy_chars
        Identical texts shorter than this are not linked regardless of date.
    body_chars
        Characters of the body read after the headline.
    max_df
        Words found in more than this share of the articles (and in more
        than 100 of them) are ignored.
    number_penalty
        Factor applied to the similarity of two articles that both give two
        or more figures (years aside) in their headline and lead and share
        none: one template's reports of two different days.
    place_penalty
        Factor applied to the similarity of two articles whose headlines both
        name a Saudi region or city (``lexicons/countries.tsv``, form ``city``)
        and share no region: one template's announcements of two places (a
        soldier killed in Jazan, another in Najran).
    country_penalty
        Factor applied to the similarity of two articles whose headlines both
        name a country (a capital, a nationality adjective) and share none:
        one template's cables to two countries (the King congratulates
        Singapore, and Ecuador, the same day).
    club_penalty, lead_chars
        Factor applied to the similarity of two sports articles whose
        headlines name football clubs (``lexicons/clubs.yaml``; a name that is
        also a common word, such as النصر or التعاون, only in an article with a
        sports word) and share none, when both headlines name two clubs or more
        (Zamalek against Wadi Degla, Al Ahly against ENPPI, one evening: two
        matches) or neither article names a club of the other's headline in
        its headline or first ``lead_chars`` characters (Al-Ettifaq and
        Al-Faisaly leaving for camps in Turkey). A headline naming one side of
        a match and another naming the other side, with a lead naming the
        first, stays one event. On all of SaudiNewsNet it splits 6 stories: 4
        of them two events (see docs/accuracy.md, `stories`).
    slot_penalty
        Factor applied to the similarity of two articles whose headlines fill one
        slot with different names, neither of which the other article gives in
        its headline or first ``lead_chars`` characters: a country (a name,
        capital or nationality adjective; the outlet's own country of
        ``outlet_countries.tsv`` left out) or a named body (a head noun of
        ``slot_heads.tsv`` and the word after it, with the article, a place or a
        given name: جامعة الإمام / جامعة حائل). One template told of two bodies
        or countries: the Kuwaiti and the Bahraini cabinets' condemnations of the
        Abha bombing, two universities' Eid receptions. On SaudiNewsNet 2015-07-23
        + 08-11, 07-27 + 08-04, 07-31 + 08-09 and 08-06 + 08-08 it changed 12
        stories: 9 right, 2 debatable, 1 wrong (see docs/accuracy.md, `stories`).
    min_words
        Articles whose headline and lead hold fewer distinct content words
        (a cartoon or photo page titled "كاريكاتير") are grouped with others
        by identical text only.
    strong_share, strong_statements, strong_words, strong_similarity, strong_text
        Two articles of the same day have a similarity of at least
        ``strong_similarity`` when at least ``strong_statements`` of their
        statements of ``strong_words`` words or more, and ``strong_share`` of
        those of *each* article, are aligned ``verbatim`` or ``near_verbatim``
        with the other, with no aligned pair flagged as a conflict, their
        headlines do not name two regions or two countries, and their text
        cosine is ``strong_text`` or more. Needs ``statements`` (their
        ``text``). Average linkage then weighs that pair against the other
        articles of both stories. ``strong_share=0`` turns it off. On all of
        SaudiNewsNet it changes 3 stories (the Hawaii talks, Turkey's strikes
        on ISIS and the PKK, the Okaz souk's programme), all read right; at
        0.4 it changed 22, with two-item pages chained (see docs/accuracy.md).
    lede_weight, lede_chars
        Two articles of two outlets whose headline and first ``lede_chars``
        characters, as character n-grams (3-5) of their content words, are more
        alike than their words are gain ``lede_weight`` of the difference; the
        stories formed without it are then merged whole while their mean
        similarity reaches ``threshold`` (none is split). ``lede_weight=0`` turns
        it off. On the third same-event dev gold (alignments of main 4772a79) it
        joins aawsat's Gulf Cup report (its own sources on the dispute) and
        alyaum's schools report (the minister's tweet in its own words): 3 of 3
        stories whole and pure (1 of 3 without), true omissions found 47 -> 77
        of 89. On SaudiNewsNet 2015-07-31 +
        08-09 it joined 19 stories, read: 12 right, 4 debatable, 3 wrong (see
        docs/accuracy.md, `stories`).
    max_component
        Largest group clustered exactly (a dense matrix); larger ones keep
        their strongest pairs only.

    Returns
    -------
    pl.DataFrame
        ``schemas.STORIES``: one row per article with its ``story_id``, the
        story's label, dates, outlets and counts, and its copy link.

    Examples
    --------
    >>> from datetime import date
    >>> arts = pl.DataFrame({"article_id": ["a", "b", "c"],
    ...     "outlet": ["spa", "okaz", "alriyadh"],
    ...     "published": [date(2015, 7, 21), date(2015, 7, 21), date(2015, 7, 21)],
    ...     "title": ["أمير الرياض يفتتح مهرجان التمور في بريدة",
    ...               "أمير الرياض يفتتح مهرجان التمور",
    ...               "ارتفاع أسعار النفط في الأسواق الآسيوية"],
    ...     "text": ["افتتح أمير منطقة الرياض مهرجان التمور في بريدة بحضور المزارعين",
    ...              "افتتح أمير منطقة الرياض مهرجان التمور في بريدة أمس",
    ...              "ارتفعت أسعار النفط الخام في الأسواق الآسيوية صباح اليوم"]})
    >>> st = group_stories(arts)
    >>> st.select("article_id", "story_id", "n_articles").rows()
    [('a', 's00001', 2), ('b', 's00001', 2), ('c', 's00002', 1)]
    """
    schemas.require(articles, _NEEDED, name="articles", stage="group_stories")
    if not 0 < threshold <= 1:
        raise ValueError(f"group_stories: threshold must be in (0, 1], not {threshold}")
    if window_days < 0:
        raise ValueError("group_stories: window_days must be 0 or more")
    frame = articles.select(
        "article_id",
        pl.col("outlet").cast(pl.String),
        pl.col("published").cast(pl.Date),
        (pl.col("title") if "title" in articles.columns else pl.lit(None)).cast(pl.String),
        (pl.col("text") if "text" in articles.columns else pl.lit("")).cast(pl.String),
    )
    if frame["article_id"].is_duplicated().any():
        dupes = frame.filter(pl.col("article_id").is_duplicated())["article_id"]
        raise ValueError(f"group_stories: duplicate article ids, e.g. {dupes[0]!r}")
    if statements is not None and "published" in statements.columns:
        known = statements.group_by("article_id").agg(
            pl.col("published").drop_nulls().first().alias("_p")
        )
        frame = (
            frame.join(known, on="article_id", how="left")
            .with_columns(pl.coalesce("published", "_p").alias("published"))
            .drop("_p")
        )
    n = frame.height
    if n == 0:
        return pl.DataFrame(schema=schemas.STORIES)
    heads = article_heads(frame, body_chars=body_chars)
    words = article_tokens(heads)
    x = word_vectors(words, max_df=max_df)
    day = _days(frame["published"])
    i, j, s = _candidate_pairs(x, day, window_days=window_days, min_similarity=min_similarity)
    s_all = s
    if lede_weight > 0:
        # the headline and lede in character n-grams: one event in each outlet's own
        # words (تؤجل / تأجيل, موعدها / بموعده) raises a pair, never lowers it
        # n-grams hashed to integers (the same vectors, counted in half the time), a
        # chunk of articles at a time (never all n-grams as strings at once)
        lede = gram_vectors(
            article_tokens(article_heads(frame, body_chars=lede_chars)), max_df=max_df
        )
        li, lj, ls = _candidate_pairs(
            lede, day, window_days=window_days, min_similarity=min_similarity
        )
        merged = (
            pl.DataFrame({"i": i, "j": j, "w": s})
            .join(
                pl.DataFrame({"i": li, "j": lj, "l": ls}), on=["i", "j"], how="full", coalesce=True
            )
            .with_columns(pl.col("w").fill_null(0.0), pl.col("l").fill_null(0.0))
            .sort("i", "j")
        )
        i, j = merged["i"].to_numpy(), merged["j"].to_numpy()
        s, lede_sim = merged["w"].to_numpy(), merged["l"].to_numpy()
        # one outlet's two reports of a day alike in their openings are more often one
        # template (two weddings, two regional offices' interviews) than one event
        outlets = frame["outlet"].fill_null("").to_numpy()
        cross = outlets[i] != outlets[j]
        s_all = s + lede_weight * np.clip(lede_sim - s, 0.0, None) * cross
        keep = s_all >= min_similarity
        i, j, s, s_all = i[keep], j[keep], s[keep], s_all[keep]
    # a headline alone ("كاريكاتير", "صور اقتصادية" over a cartoon or a photo page) says
    # nothing of an event: such articles join others by identical text only
    few = (words.list.unique().list.len() < min_words).to_numpy()
    if few.any() and len(i):
        keep = ~(few[i] | few[j])
        i, j, s, s_all = i[keep], j[keep], s[keep], s_all[keep]
    ids = frame["article_id"].to_list()
    if (
        alignments is not None
        and "article_id_a" not in alignments.columns
        and statements is not None
        and {"statement_id_a", "statement_id_b"} <= set(alignments.columns)
    ):
        art = statements.select("statement_id", "article_id")
        alignments = alignments.join(
            art.rename({"statement_id": "statement_id_a", "article_id": "article_id_a"}),
            on="statement_id_a",
        ).join(
            art.rename({"statement_id": "statement_id_b", "article_id": "article_id_b"}),
            on="statement_id_b",
        )
    ai, aj, ab = _alignment_pairs(
        alignments, ids, min_score=alignment_score, weight=alignment_weight
    )
    if few.any() and len(ai):
        keep = ~(few[ai] | few[aj])
        ai, aj, ab = ai[keep], aj[keep], ab[keep]
    if len(ai):
        undated = day < -(10**8)
        ok = undated[ai] | undated[aj] | (np.abs(day[ai] - day[aj]) <= window_days)
        ai, aj, ab = ai[ok], aj[ok], ab[ok]
    ci, cj = _same_text_pairs(frame, min_copy_chars)
    pairs = (
        pl.DataFrame(
            {
                "i": np.concatenate([i, ai, np.minimum(ci, cj)]),
                "j": np.concatenate([j, aj, np.maximum(ci, cj)]),
                "text": np.concatenate([s, np.zeros(len(ai)), np.ones(len(ci))]),
                "base": np.concatenate([s, np.zeros(len(ai)), np.ones(len(ci))]),
                "lift": np.concatenate([s_all - s, np.zeros(len(ai)), np.zeros(len(ci))]),
                "bonus": np.concatenate([np.zeros(len(i)), ab, np.zeros(len(ci))]),
            },
            schema={
                "i": pl.Int64,
                "j": pl.Int64,
                "text": pl.Float64,
                "base": pl.Float64,
                "lift": pl.Float64,
                "bonus": pl.Float64,
            },
        )
        .group_by("i", "j")
        .agg(
            pl.col("text").max(), pl.col("base").max(), pl.col("lift").max(), pl.col("bonus").max()
        )
        .with_columns(
            sim0=pl.min_horizontal(pl.lit(1.0), pl.col("base") + pl.col("bonus")),
            sim=pl.min_horizontal(pl.lit(1.0), pl.col("base") + pl.col("bonus") + pl.col("lift")),
        )
        .sort("i", "j")
    )
    pi, pj = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    psim, ptext = pairs["sim"].to_numpy(), pairs["text"].to_numpy()
    psim0 = pairs["sim0"].to_numpy()
    # one template's reports of two days, two regions, two countries: the penalties apply
    # to the whole similarity (aligned statements of a template align whatever the place)
    factor = np.ones(len(pi))
    if number_penalty < 1 and len(pi):
        factor[figures_disagree(article_numbers(heads), pi, pj)] *= number_penalty
    if place_penalty < 1 and len(pi):
        factor[places_disagree(headline_places(frame["title"]), pi, pj)] *= place_penalty
    if country_penalty < 1 and len(pi):
        countries = headline_places(frame["title"], forms=("name",))
        factor[places_disagree(countries, pi, pj)] *= country_penalty
    # clubs of each headline, and of each headline and lead (read only where the
    # headline names one: no other pair can disagree)
    clubs = headline_clubs(frame["title"], frame["text"])
    club_named = list(clubs)
    sport = [r for r, c in enumerate(clubs) if c]
    if sport:
        lead = frame[sport].select(lead_text("title", "text", lead_chars)).to_series()
        for r, c in zip(sport, headline_clubs(lead, frame["text"][sport]), strict=True):
            club_named[r] = c
    if club_penalty < 1 and len(pi):
        factor[clubs_disagree(clubs, club_named, pi, pj)] *= club_penalty
    # one template of two bodies or two countries (جامعة الإمام / جامعة حائل, the Kuwaiti
    # / the Bahraini cabinet), neither named by the other article's headline or lead
    slots: list[dict[str, frozenset[str]]] = [{}] * n
    slot_named: list[frozenset[str]] = [frozenset()] * n
    if slot_penalty < 1:
        leads = frame.select(lead_text("title", "text", lead_chars)).to_series()
        from narratives.statements._institutions import outlet_countries

        home = outlet_countries()
        homes = [home.get(o) for o in frame["outlet"].fill_null("").to_list()]
        slots, slot_named = headline_slots(frame["title"], leads, homes)
    if slot_penalty < 1 and len(pi):
        factor[slots_disagree(slots, slot_named, pi, pj)] *= slot_penalty
        # one template of two subjects that fill no named slot (two Eid receptions)
        factor[subjects_disagree(frame["title"], slot_named, pi, pj)] *= slot_penalty
    # identical texts stay linked whatever their headlines say
    same_text = ptext >= 1.0
    factor[same_text] = 1.0
    psim, ptext, psim0 = psim * factor, ptext * factor, psim0 * factor
    # two articles of one day sharing most of their statements near-verbatim report one
    # event: their similarity is raised to ``strong_similarity`` (average linkage still
    # weighs it against the rest of both stories, so a round-up cannot chain two)
    si, sj = _strong_links(
        alignments,
        statements,
        ids,
        min_share=strong_share,
        min_statements=strong_statements,
        min_words=strong_words,
    )
    if len(si):
        ok = (day[si] == day[sj]) & (day[si] > -(10**8)) & ~few[si] & ~few[sj]
        # one template's announcements of two regions or cables to two countries
        ok &= ~places_disagree(headline_places(frame["title"]), si, sj)
        ok &= ~places_disagree(headline_places(frame["title"], forms=("name",)), si, sj)
        ok &= ~clubs_disagree(clubs, club_named, si, sj)
        ok &= ~slots_disagree(slots, slot_named, si, sj)
        if slot_penalty < 1:
            ok &= ~subjects_disagree(frame["title"], slot_named, si, sj)
        # and their own words must be alike too: a page of two items (a bear in
        # Yellowstone and boars in Sicily) shares one item with a report of it
        text_sim = dict(zip(zip(i.tolist(), j.tolist(), strict=True), s.tolist(), strict=True))
        cos = np.array(
            [text_sim.get((min(a, b), max(a, b)), 0.0) for a, b in zip(si, sj, strict=True)]
        )
        ok &= cos >= strong_text
        si, sj = si[ok], sj[ok]
    if len(si):
        strong = pl.DataFrame(
            {"i": np.minimum(si, sj), "j": np.maximum(si, sj), "lift": True},
            schema={"i": pl.Int64, "j": pl.Int64, "lift": pl.Boolean},
        )
        lifted = (
            pl.DataFrame({"i": pi, "j": pj, "sim": psim, "sim0": psim0, "text": ptext})
            .join(strong, on=["i", "j"], how="full", coalesce=True)
            .with_columns(pl.col("sim", "sim0", "text").fill_null(0.0))
            .with_columns(
                pl.when(pl.col("lift"))
                .then(pl.max_horizontal(c, pl.lit(strong_similarity)))
                .otherwise(c)
                .alias(c)
                for c in ("sim", "sim0")
            )
            .sort("i", "j")
        )
        pi, pj = lifted["i"].to_numpy(), lifted["j"].to_numpy()
        psim, ptext = lifted["sim"].to_numpy(), lifted["text"].to_numpy()
        psim0 = lifted["sim0"].to_numpy()
    raw = _cluster(n, pi, pj, psim0, threshold=threshold, max_component=max_component)
    if lede_weight > 0:
        # openings alike: whole stories may join, none is split
        raw = _join_stories(raw, pi, pj, psim, threshold=threshold)
    return _finish(frame, raw, pi, pj, psim, ptext, copy_threshold=copy_threshold)


def _finish(
    frame: pl.DataFrame,
    raw: np.ndarray,
    pi: np.ndarray,
    pj: np.ndarray,
    psim: np.ndarray,
    ptext: np.ndarray,
    *,
    copy_threshold: float,
) -> pl.DataFrame:
    """Story ids in publication order, labels, summaries and copy links."""
    n = frame.height
    same = raw[pi] == raw[pj]
    si, sj, ss, st = pi[same], pj[same], psim[same], ptext[same]
    total = np.bincount(si, weights=ss, minlength=n) + np.bincount(sj, weights=ss, minlength=n)
    size = np.bincount(raw)[raw]
    core = np.where(size > 1, total / np.maximum(size - 1, 1), np.nan)
    rows = frame.with_columns(
        _raw=pl.Series(raw),
        _row=pl.Series(np.arange(n)),
        core_similarity=pl.Series(core, dtype=pl.Float64, nan_to_null=True),
    )
    # copies: most similar earlier article of the same story, text similarity >= copy_threshold
    copy_of: list[str | None] = [None] * n
    copy_sim = np.full(n, np.nan)
    close = st >= copy_threshold
    if close.any():
        day = _days(frame["published"])
        ci, cj, cs = si[close], sj[close], st[close]
        # the source is the earlier one; same or unknown day: a news agency's article
        # (newspapers run the wire), else the first listed
        agency = np.isin(frame["outlet"].to_numpy(), list(_agencies()))
        dated = (day[ci] > -(10**8)) & (day[cj] > -(10**8))
        undecided = ~dated | (day[ci] == day[cj])
        earlier_j = ((day[cj] < day[ci]) & (day[cj] > -(10**8))) | (
            undecided & agency[cj] & ~agency[ci]
        )
        src = np.where(earlier_j, cj, ci)
        dst = np.where(earlier_j, ci, cj)
        # a source published strictly earlier beats a same-day one, then an agency's
        # article (the wire the others ran), then similarity
        strict = (day[src] < day[dst]) & (day[src] > -(10**8))
        order = np.lexsort((-cs, ~agency[src], ~strict, dst))
        ids = frame["article_id"].to_list()
        for k in order:
            d = int(dst[k])
            if copy_of[d] is None and np.isnan(copy_sim[d]):
                copy_of[d] = ids[int(src[k])]
                copy_sim[d] = cs[k]
    outlets_col = frame["outlet"].to_list()
    id_row = {a: r for r, a in enumerate(frame["article_id"].to_list())}
    kind = [
        None
        if c is None
        else ("same_outlet" if outlets_col[id_row[c]] == outlets_col[r] else "cross_outlet")
        for r, c in enumerate(copy_of)
    ]
    rows = rows.with_columns(
        copy_of=pl.Series(copy_of, dtype=pl.String),
        copy_kind=pl.Series(kind, dtype=pl.String),
        copy_similarity=pl.Series(copy_sim, dtype=pl.Float64, nan_to_null=True),
    )
    headline = pl.coalesce(
        pl.col("title").str.strip_chars().replace("", None),
        pl.col("text").str.slice(0, 100).str.strip_chars(),
    )
    summary = rows.group_by("_raw").agg(
        pl.col("published").min().alias("first_published"),
        pl.col("published").max().alias("last_published"),
        pl.col("outlet").drop_nulls().unique().sort().alias("outlets"),
        pl.len().cast(pl.Int32).alias("n_articles"),
        pl.col("outlet").n_unique().cast(pl.Int32).alias("n_outlets"),
        pl.col("published").is_not_null().all().alias("dated"),
        headline.sort_by(
            pl.col("core_similarity").fill_null(0), pl.col("_row"), descending=[True, False]
        )
        .first()
        .alias("label"),
        pl.col("_row").min().alias("_first_row"),
    )
    summary = summary.sort("first_published", "_first_row", nulls_last=True).with_columns(
        story_id=pl.format("s{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(5))
    )
    out = rows.join(summary, on="_raw", how="left").sort("_row")
    return schemas.conform(out, schemas.STORIES).select(schemas.STORIES.names())


def story_summary(stories: pl.DataFrame) -> pl.DataFrame:
    """One row per story (``schemas.STORY_SUMMARY``) from a ``stories`` table.

    Examples
    --------
    >>> from datetime import date
    >>> st = pl.DataFrame({"article_id": ["a", "b"], "story_id": ["s00001"] * 2,
    ...     "outlet": ["spa", "okaz"], "published": [date(2015, 7, 21)] * 2,
    ...     "label": ["عنوان"] * 2, "copy_of": [None, "a"]})
    >>> story_summary(st).select("story_id", "n_articles", "n_copies").rows()
    [('s00001', 2, 1)]
    """
    schemas.require(
        stories, ("article_id", "story_id", "outlet"), name="stories", stage="story_summary"
    )
    have = stories.columns
    copy = pl.col("copy_of").is_not_null() if "copy_of" in have else pl.lit(False)
    published = pl.col("published") if "published" in have else pl.lit(None, pl.Date)
    out = (
        stories.sort("article_id")
        .group_by("story_id")
        .agg(
            (pl.col("label").first() if "label" in have else pl.lit(None, pl.String)).alias(
                "label"
            ),
            published.min().alias("first_published"),
            published.max().alias("last_published"),
            pl.col("outlet").drop_nulls().unique().sort().alias("outlets"),
            pl.len().cast(pl.Int32).alias("n_articles"),
            pl.col("outlet").n_unique().cast(pl.Int32).alias("n_outlets"),
            copy.sum().cast(pl.Int32).alias("n_copies"),
            published.is_not_null().all().alias("dated"),
            pl.col("article_id").alias("article_ids"),
        )
        .sort("story_id")
    )
    return schemas.conform(out, schemas.STORY_SUMMARY).select(schemas.STORY_SUMMARY.names())


def articles_from_statements(statements: pl.DataFrame) -> pl.DataFrame:
    """A minimal articles table (id, outlet, date, headline, text) rebuilt from statements.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "a:1"], "article_id": ["a", "a"],
    ...     "outlet": ["sana", "sana"], "position": [0, 1], "text": ["عنوان", "نص"],
    ...     "is_headline": [True, False]})
    >>> articles_from_statements(st).select("article_id", "title", "text").rows()
    [('a', 'عنوان', 'نص')]
    """
    have = statements.columns
    order = ["article_id", *(["position"] if "position" in have else [])]
    head = pl.col("is_headline") if "is_headline" in have else pl.lit(False)
    published = pl.col("published") if "published" in have else pl.lit(None, pl.Date)
    if "text" not in have:
        statements = statements.with_columns(text=pl.lit("", pl.String))
    return (
        statements.sort(order)
        .group_by("article_id", maintain_order=True)
        .agg(
            pl.col("outlet").first(),
            published.drop_nulls().first().alias("published"),
            pl.col("text").filter(head).first().alias("title"),
            pl.col("text").filter(~head).str.join("\n").alias("text"),
        )
        .with_columns(pl.col("published").cast(pl.Date))
    )
