"""Competitive linking: relative evidence between two articles.

When two articles cover one event (they share at least one strong
alignment, the *anchor*), the true counterpart of a statement in the other
article is usually its best match there, and the match is mutual. Such a
*mutual best* pair is good evidence even at a lower absolute score than a
pair that is neither anchored nor mutual: on SaudiNewsNet samples (three
days, 14 outlets, read by hand) mutual best pairs of anchored article pairs
scoring 40-55 reported the same claim in 14 of 20 cases, about the share of
all pairs at 55-60; at 30-40 only 8 of 20 did.

A headline and the *lead* (the first statement after the headline) of
another article on the same event are kept at the same floor, mutual best
or not: an article states its main claim in both, and a headline's best
match in the other article is often that article's headline, not its lead
(the lead's is a body sentence repeating it). The floor is tested on the
score a headline contained in the lead takes
(:func:`~narratives.align.aligner.lift_contained`). On the two same-event
dev golds the rule added 19 and 20 pairs, 14 and 20 of them true (F1 0.832
-> 0.841 and 0.734 -> 0.770; the 5 others join the headline naming the
referee to the leads on the English referees); on a fresh SaudiNewsNet day
(2015-08-10, 399 pairs added to 10,149) 30 of 40 read were right, 9
debatable, 1 wrong. Articles published two or more days apart are not
linked so: of 15 such pairs read (2015-07-25 / 07-27), 8 were wrong (Eid
parties of other institutions, a Corona infection against a death).

Two articles that *open alike* (another pair of their tops, headline or
lead, scores 70 or more: a repeat) keep a headline and the other article's
lead from a lower floor (30), mutual best or not: a headline reworded from
the wire lead (`مقتل طيار وإصابة آخر …` / `لقي طيار روسي مصرعه وأصيب آخر …`,
about 31) scores like the wrong pairs of one story anywhere else, but two
articles that open with one wire sentence put that claim in both tops. On
the two same-event dev golds it added 8 and 16 pairs, 6 and 16 true by the
gold (the 2 others read debatable: the 100 judges of one ministry against
the 125 of the two); a floor of 35 for every headline-lead pair, measured
earlier, added 10 wrong pairs in 20 read on a fresh day (another day's
market report, a cable to another president) that no such repeat joins.

A pair below the threshold whose two statements both align strongly
(``threshold`` or more) with one same third statement is *supported*: two
outlets rewrote the claim a third carried nearly as is (a headline and a
body sentence both matching a wire sentence). The third statement must
align that strongly with no other statement of either article: one that
matches several carries several claims (a cabinet session's list of
appointments, a market report) and would join its different parts. On the
two same-event dev golds, supported pairs scoring 35-55 were true in 11 of
15 and 10 of 10 cases (F1 0.817 -> 0.825 and 0.738 -> 0.756, precision
-0.007 and +0.003); on a fresh SaudiNewsNet day (2015-08-04, 178 pairs
added to 7,099) 12 of 20 read were right, 3 debatable, 5 wrong, about the
quality of the mutual best links at 40-55. It is off unless asked for
(``align(support_threshold=35)``).

Two articles that share no pair at the threshold are still anchored when
several independent pairs agree (:func:`story_anchors`): two or more mutual
best pairs from the link floor, one giving a figure the other side gives
and none giving other figures (two wires rewriting one story sentence by
sentence, as passim anchors text reuse on several n-grams). On the two
same-event dev golds it added 14 true pairs to the first (recall 0.781 ->
0.800, precision 0.963 -> 0.964) and 7 to the second (6 true, the seventh
right by reading); on a fresh SaudiNewsNet day (2015-08-04) 15 of 20 pairs
it added read right, 4 debatable, 1 wrong.

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
    anchor: np.ndarray | None = None,
) -> np.ndarray:
    """Pairs below ``threshold`` kept as links.

    A link scores at least ``link_threshold``, is a mutual best match and
    its articles share a pair scoring ``threshold`` or more (or, when
    ``anchor`` is given, per pair, its articles are anchored so: :func:`story_anchors`).
    """
    low = (score >= link_threshold) & (score < threshold)
    if not low.any():
        return low
    if anchor is None:
        anchor = anchored(i, j, score, article, at=threshold)
    return low & mutual_best(i, j, score, article) & anchor


def leads(article: np.ndarray, position: np.ndarray, headline: np.ndarray) -> np.ndarray:
    """Per statement: is it its article's *lead*, the first statement that is no headline?

    Examples
    --------
    >>> leads(np.array([0, 0, 0, 1, 1]), np.array([0, 1, 2, 0, 1]),
    ...       np.array([True, False, False, False, False])).tolist()
    [False, True, False, True, False]
    """
    out = np.zeros(len(article), dtype=bool)
    body = np.flatnonzero(~headline)
    if len(body) == 0:
        return out
    first = (
        pl.DataFrame({"k": body, "a": article[body], "p": position[body]})
        .sort("p", "k")
        .group_by("a", maintain_order=True)
        .first()["k"]
        .to_numpy()
    )
    out[first] = True
    return out


def near_in_time(i: np.ndarray, j: np.ndarray, day: np.ndarray, max_days: int) -> np.ndarray:
    """Per pair: published at most ``max_days`` apart (``day``: day number per statement, -1
    when unknown; a pair with an unknown date passes).

    Examples
    --------
    >>> near_in_time(np.array([0, 0]), np.array([1, 2]), np.array([5, 6, -1]), 0).tolist()
    [False, True]
    """
    known = (day[i] >= 0) & (day[j] >= 0)
    return ~known | (np.abs(day[i] - day[j]) <= max_days)


def lead_links(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    headline: np.ndarray,
    lead: np.ndarray,
    *,
    threshold: float,
    link_threshold: float,
    day: np.ndarray | None = None,
    max_days: int = 1,
    anchor: np.ndarray | None = None,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because they pair a headline with the other article's lead.

    A news article states its main claim twice, in its headline and in its
    first sentence (the *lead*); two articles on one event (they share a pair
    scoring ``threshold`` or more) report that claim in both. A pair of a
    headline (``headline``, per statement) and the lead of the other article
    (``lead``, :func:`leads`) scoring at least ``link_threshold`` is kept,
    whether or not it is a mutual best match, when the two were published
    at most ``max_days`` apart (``day``: day number per statement, -1 when
    unknown; None: no dates): a headline's best match in the
    other article is often that article's headline, and the lead's a body
    sentence that repeats it. Pass as ``score`` the score with the
    containment floor of a headline (:func:`~narratives.align.aligner.lift_contained`).

    Examples
    --------
    >>> article = np.array([0, 0, 1, 1])
    >>> headline = np.array([True, False, True, False])
    >>> lead = np.array([False, True, False, True])
    >>> lead_links(np.array([0, 1, 0]), np.array([2, 3, 3]), np.array([80.0, 70.0, 45.0]),
    ...            article, headline, lead, threshold=55, link_threshold=40).tolist()
    [False, False, True]
    >>> lead_links(np.array([0, 1, 0]), np.array([2, 3, 3]), np.array([80.0, 70.0, 45.0]),
    ...            article, headline, lead, threshold=55, link_threshold=40,
    ...            day=np.array([0, 0, 2, 2])).tolist()
    [False, False, False]
    """
    low = (score >= link_threshold) & (score < threshold)
    low &= (headline[i] & lead[j]) | (headline[j] & lead[i])
    low &= article[i] != article[j]
    if day is not None:
        # coverage of one event: published the same day or the next (unknown dates pass)
        low &= near_in_time(i, j, day, max_days)
    if not low.any():
        return low
    if anchor is None:
        anchor = anchored(i, j, score, article, at=threshold)
    return low & anchor


def story_anchors(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    numbers: np.ndarray,
    *,
    threshold: float,
    link_threshold: float,
    day: np.ndarray | None = None,
    max_days: int = 1,
    least: int = 2,
    telling: np.ndarray | None = None,
) -> np.ndarray:
    """Per pair: are its two articles one story by several agreeing pairs below ``threshold``?

    Two wires on one event rewrite every sentence, so no pair of their
    articles reaches the threshold and no link anchored on such a pair can
    join their claims (`مؤشر سوق الأسهم يغلق يتراجع 71 نقطة …` against
    another outlet's report of that session; the UAE's 41 accused told by
    two agencies). Several independent pairs agreeing are evidence of one
    story as good as one strong pair, as passim anchors a text reuse on
    several n-grams: two articles published at most ``max_days`` apart
    (``day`` as in :func:`lead_links`) are anchored when at least ``least``
    pairs of theirs are mutual best matches scoring ``link_threshold`` or
    more, one of them gives a figure the other side gives too
    (``numbers``: the ``number_overlap`` component, above 0) and none gives
    figures the other side does not (``number_overlap`` 0: another day's
    market report, another session, shares the template and none of its
    figures). One such pair is enough when its figures agree entirely and
    one of them is *telling* (``telling``, per pair: four significant digits
    or more and no year, as 33.288 bottles in two wires' leads on one
    seizure): no other story gives that figure by chance.

    Examples
    --------
    Articles 0 and 1 share two mutual best pairs at 45 and 42, one with a
    figure in common; articles 0 and 2 as many, but one gives other figures:

    >>> article = np.array([0, 0, 1, 1, 2, 2])
    >>> story_anchors(np.array([0, 1, 0, 1]), np.array([2, 3, 4, 5]),
    ...               np.array([45.0, 42.0, 45.0, 42.0]), article,
    ...               np.array([100.0, np.nan, 100.0, 0.0]),
    ...               threshold=55, link_threshold=40).tolist()
    [True, True, False, False]
    """
    out = np.zeros(len(i), dtype=bool)
    if len(i) == 0:
        return out
    agree = (score >= link_threshold) & (score < threshold) & (article[i] != article[j])
    if day is not None:
        agree &= near_in_time(i, j, day, max_days)
    if not agree.any():
        return out
    agree &= mutual_best(i, j, score, article)
    lo, hi = np.minimum(article[i], article[j]), np.maximum(article[i], article[j])
    figures = np.nan_to_num(numbers, nan=-1.0)
    pairs = pl.DataFrame(
        {
            "lo": lo,
            "hi": hi,
            "s": score,
            "agree": agree,
            "shared": agree & (figures > 0),
            "other": agree & (figures == 0),
            "telling": agree & (figures == 100) & (telling if telling is not None else False),
        }
    )
    return (
        pairs.select(
            (pl.col("s").max().over("lo", "hi") < threshold)
            & (
                (pl.col("agree").sum().over("lo", "hi") >= least)
                | pl.col("telling").any().over("lo", "hi")
            )
            & pl.col("shared").any().over("lo", "hi")
            & ~pl.col("other").any().over("lo", "hi")
        )
        .to_series()
        .to_numpy()
    )


def supported(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    *,
    threshold: float,
    support_threshold: float,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because a third statement supports them.

    A supported pair scores at least ``support_threshold`` and its two
    statements each have a pair scoring ``threshold`` or more with one same
    third statement, which aligns that strongly with no other statement of
    their articles (``article``: article code per statement): a statement
    that matches several statements of one article carries several claims
    (a list of appointments, a market report) and supports none.

    Examples
    --------
    >>> article = np.array([0, 1, 2])
    >>> supported(np.array([0, 1, 0]), np.array([2, 2, 1]), np.array([80.0, 70.0, 40.0]),
    ...           article, threshold=55, support_threshold=35).tolist()
    [False, False, True]
    """
    low = (score >= support_threshold) & (score < threshold)
    if not low.any():
        return low
    strong = np.flatnonzero(score >= threshold)
    # both directions of each strong pair: (supporter x, supported y)
    x = np.concatenate([i[strong], j[strong]])
    y = np.concatenate([j[strong], i[strong]])
    edges = pl.DataFrame({"x": x, "y": y, "ay": article[y]})
    one = edges.select(pl.len().over("x", "ay") == 1).to_series().to_numpy()
    n = len(article)
    ones = np.ones(int(one.sum()), dtype=np.float32)
    # row y holds the statements that support y (aligned with y and with nothing else there)
    adjacency = sp.csr_matrix((ones, (y[one], x[one])), shape=(n, n))
    out = np.zeros(len(i), dtype=bool)
    k = np.flatnonzero(low)
    out[k] = row_dots(adjacency, i[k], j[k]) > 0  # statements supporting both
    return out


def top_links(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    headline: np.ndarray,
    lead: np.ndarray,
    *,
    threshold: float,
    floor: float,
    opening: float,
    day: np.ndarray | None = None,
    max_days: int = 1,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because they pair the tops of two articles that open alike.

    The *tops* of an article are its headline (``headline``, per statement)
    and its lead (``lead``, :func:`leads`). Two articles *open alike* when a
    pair of their tops scores ``opening`` or more. Then a headline and the
    other article's lead scoring at least ``floor`` are kept, whether or not
    another pair of the two articles is, when some *other* pair of their tops
    opens alike (not the pair itself) and they were published at most
    ``max_days`` apart (``day`` as in :func:`lead_links`). Pass as ``score``
    the score with the containment floor of a headline
    (:func:`~narratives.align.aligner.lift_contained`).

    Examples
    --------
    Articles 0 and 1 open with one sentence (leads 1 and 3, 80); the headline
    of 0 and the lead of 1 score 32; the leads of 0 and 2 score 60 only:

    >>> article = np.array([0, 0, 1, 1, 2, 2])
    >>> headline = np.array([True, False, True, False, True, False])
    >>> lead = ~headline
    >>> top_links(np.array([1, 0, 1, 0]), np.array([3, 3, 5, 5]),
    ...           np.array([80.0, 32.0, 60.0, 32.0]), article, headline, lead,
    ...           threshold=55, floor=30, opening=70).tolist()
    [False, True, False, False]
    """
    low = (score >= floor) & (score < threshold) & (article[i] != article[j])
    low &= (headline[i] & lead[j]) | (headline[j] & lead[i])
    if day is not None:
        low &= near_in_time(i, j, day, max_days)
    top = headline | lead
    strong = np.flatnonzero((score >= opening) & top[i] & top[j] & (article[i] != article[j]))
    if not low.any() or len(strong) == 0:
        return np.zeros(len(i), dtype=bool)
    lo, hi = np.minimum(article[i], article[j]), np.maximum(article[i], article[j])
    k = np.flatnonzero(low)
    # a pair of tops scoring ``opening`` or more, other than the low pair itself (the low
    # pair is below ``threshold``, so it is never one of them unless opening < threshold)
    opened = pl.DataFrame(
        {
            "lo": lo[strong],
            "hi": hi[strong],
            "s": np.minimum(i, j)[strong],
            "t": np.maximum(i, j)[strong],
        }
    )
    cand = pl.DataFrame(
        {"k": k, "lo": lo[k], "hi": hi[k], "x": np.minimum(i, j)[k], "y": np.maximum(i, j)[k]}
    )
    other = (pl.col("s") != pl.col("x")) | (pl.col("t") != pl.col("y"))
    ok = cand.join(opened, on=["lo", "hi"]).filter(other)["k"].unique().to_numpy()
    out = np.zeros(len(i), dtype=bool)
    out[ok] = True
    return out


def copy_links(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    ratio: np.ndarray,
    article: np.ndarray,
    restated: np.ndarray,
    *,
    threshold: float,
    link_threshold: float,
    copy: float,
    day: np.ndarray | None = None,
    max_days: int = 1,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because the other statement copies what this one restates.

    ``restated`` gives, per statement, the statement of its own article that
    it restates (an article's headline and the body sentence it sums up:
    :func:`~narratives.align.aligner.restatements`), or -1. A pair ``(h, y)``
    scoring ``link_threshold`` or more is kept when ``y``, in another article
    published at most ``max_days`` apart (``day``, as in :func:`lead_links`),
    is a copy of the statement ``h`` restates (their ``ratio``, the character
    similarity of the whole texts, ``copy`` or more: a short sentence that a
    long one contains is no copy of it), so what ``h`` is to that statement it
    is to ``y``. Competitive linking misses such a pair: ``y``'s best match in
    ``h``'s article is its copy there, not the headline.

    Examples
    --------
    >>> article = np.array([0, 0, 1])
    >>> restated = np.array([1, -1, -1])  # statement 0 (a headline) restates statement 1
    >>> i, j = np.array([0, 1]), np.array([2, 2])
    >>> copy_links(i, j, np.array([45.0, 95.0]), np.array([30.0, 92.0]), article, restated,
    ...            threshold=55, link_threshold=40, copy=85).tolist()
    [True, False]
    >>> copy_links(i, j, np.array([45.0, 95.0]), np.array([30.0, 60.0]), article, restated,
    ...            threshold=55, link_threshold=40, copy=85).tolist()
    [False, False]
    """
    low = (score >= link_threshold) & (score < threshold) & (article[i] != article[j])
    if day is not None:
        low &= near_in_time(i, j, day, max_days)
    strong = np.nan_to_num(np.asarray(ratio, dtype=float)) >= copy
    if not low.any() or not strong.any():
        return np.zeros(len(i), dtype=bool)
    copies = pl.DataFrame(
        {
            "x": np.concatenate([i[strong], j[strong]]).astype(np.int64),
            "y": np.concatenate([j[strong], i[strong]]).astype(np.int64),
        }
    ).unique()
    # a statement with a copy of its own in the other article: that copy carries it there
    copied_in = copies.select(
        h="x", art=pl.Series(article[copies["y"].to_numpy()]).cast(pl.Int64)
    ).unique()
    k = np.flatnonzero(low)
    out = np.zeros(len(i), dtype=bool)
    for h, y in ((i[k], j[k]), (j[k], i[k])):
        asked = (
            pl.DataFrame(
                {
                    "k": k,
                    "h": h.astype(np.int64),
                    "x": restated[h].astype(np.int64),
                    "y": y.astype(np.int64),
                    "art": article[y].astype(np.int64),
                }
            )
            .filter(pl.col("x") >= 0)
            .join(copied_in, on=["h", "art"], how="anti")
        )
        hits = asked.join(copies, on=["x", "y"], how="inner")["k"].to_numpy()
        out[hits] = True
    return out
