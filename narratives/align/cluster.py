"""``narratives.cluster_claims``: claims as clusters of aligned statements.

Clustering is average linkage over the alignment graph: two clusters merge
when the *mean* score over all their comparable statement pairs, missing
alignments counting as 0, is at least ``threshold``. One loose pair between
two large clusters therefore cannot merge them (no chaining), while a
statement reported by many outlets joins the claim its copies support.

A *competitive link* (``linked`` true: a mutual best match between two
articles that share a strong alignment, kept by ``align`` below its
threshold) counts as an alignment scoring exactly ``threshold``: it can join
two statements, but adds no more to a cluster's mean than the weakest
accepted alignment, so a link never pulls a third statement in alone.

Pairs that alignment never compares (same article; same outlet when
``cross_outlet``) are left out of the mean rather than counted as 0, so an
outlet repeating a claim twice is not held against the cluster.

Two statements of **one article** share a claim only when they say the same
thing to each other, not merely each to a third statement: their own score
(:func:`narratives.similarity`, the scorer of ``align``) must reach
``repeat_threshold`` (body statements: a repeat) or ``headline_threshold``
(a headline with the body statement of its article it scores best with,
which it restates in fewer words).
Without this, a longer statement of another outlet that holds two facts
(«وجاء فيلم ... في المركز الثاني ...، والفيلم بطولة ...») pulls both of the
article's statements that tell them one by one into one claim, and the
article shows as telling one claim twice. The check runs on the clusters
found first: a component whose clusters join such a pair is clustered again
with those pairs forbidden.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable

import numpy as np
import polars as pl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from tqdm.auto import tqdm

from narratives.schemas import CLAIMS, conform, require


def _comparable(a: Counter[Hashable], b: Counter[Hashable], size_a: int, size_b: int) -> int:
    """Statement pairs across two clusters that fall in different groups."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return size_a * size_b - sum(n * large.get(g, 0) for g, n in small.items())


def _average_linkage(
    members: list[int],
    edges: dict[tuple[int, int], float],
    group: list[Hashable],
    threshold: float,
    article: list[Hashable] | None = None,
    allowed: set[tuple[int, int]] | None = None,
) -> list[list[int]]:
    """Greedy average-linkage clustering of one connected component.

    The mean between two clusters is the sum of their edge scores over the
    number of pairs that could have had an edge: pairs in different groups,
    plus same-group pairs that do have one. With ``article`` and ``allowed``,
    two clusters never merge when that would put two statements of one
    article together whose pair (``(min, max)`` row numbers) is not in
    ``allowed``.
    """
    constrained = article is not None and allowed is not None
    by_article: dict[int, dict[Hashable, list[int]]] = (
        {m: {article[m]: [m]} for m in members} if article is not None and constrained else {}
    )

    def compatible(x: int, y: int) -> bool:
        if not constrained:
            return True
        ax, ay = by_article[x], by_article[y]
        if len(ay) < len(ax):
            ax, ay = ay, ax
        for a, mx in ax.items():
            for p in mx:
                for q in ay.get(a, ()):
                    if (min(p, q), max(p, q)) not in allowed:  # type: ignore[operator]
                        return False
        return True

    clusters: dict[int, list[int]] = {m: [m] for m in members}
    groups: dict[int, Counter[Hashable]] = {m: Counter([group[m]]) for m in members}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    inside: dict[int, dict[int, float]] = defaultdict(dict)  # same-group edge counts
    for (x, y), s in edges.items():
        sums[x][y] = sums[y][x] = s
        if group[x] == group[y]:
            inside[x][y] = inside[y][x] = 1.0
    version = dict.fromkeys(members, 0)

    def average(x: int, y: int) -> float:
        n: float = _comparable(groups[x], groups[y], len(clusters[x]), len(clusters[y]))
        n += inside[x].get(y, 0.0)
        return sums[x].get(y, 0.0) / n if n > 0 else 0.0

    def push(x: int, y: int) -> None:
        a, b = min(x, y), max(x, y)
        heapq.heappush(heap, (-average(a, b), a, b, version[a], version[b]))

    heap: list[tuple[float, int, int, int, int]] = []
    for x in members:
        for y in sums[x]:
            if x < y:
                push(x, y)
    while heap:
        neg, x, y, vx, vy = heapq.heappop(heap)
        if -neg < threshold:
            break
        if x not in clusters or y not in clusters or version[x] != vx or version[y] != vy:
            continue
        if not compatible(x, y):
            continue
        if constrained:
            for a, my in by_article.pop(y).items():
                by_article[x].setdefault(a, []).extend(my)
        clusters[x].extend(clusters.pop(y))
        groups[x].update(groups.pop(y))
        version[x] += 1
        for table in (sums, inside):
            for z, v in table.pop(y, {}).items():
                table[z].pop(y, None)
                if z != x:
                    table[x][z] = table[x].get(z, 0) + v
                    table[z][x] = table[x][z]
            table[x].pop(x, None)
        for z in sums[x]:
            push(x, z)
    return list(clusters.values())


Components = Callable[[np.ndarray, np.ndarray, int], np.ndarray]

#: ``scorer(texts_a, texts_b) -> scores`` (0-100, one per pair, in order)
PairScorer = Callable[[list[str], list[str]], "np.ndarray | list[float] | pl.Series"]

#: least own score of two body statements of one article in one claim (a repeat)
REPEAT_THRESHOLD = 70.0
#: least own score of a headline and a body statement of its article in one claim
HEADLINE_THRESHOLD = 30.0


def _similarity_scores(texts_a: list[str], texts_b: list[str]) -> pl.Series:
    """The :func:`narratives.similarity` score of each pair (the scorer of ``align``)."""
    from narratives.align._similarity import similarity

    return similarity(texts_a, texts_b)["score"]


def graph_components(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Connected component of each of ``n`` nodes given the edges ``a[k] - b[k]``.

    Labels are ``0, 1, ...`` in order of each component's smallest node.

    Examples
    --------
    >>> graph_components(np.array([3, 1]), np.array([1, 4]), 5).tolist()
    [0, 1, 2, 1, 1]
    """
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


def _split_same_article(
    found_in: dict[int, list[list[int]]],
    members: dict[int, list[int]],
    by_component: dict[int, dict[tuple[int, int], float]],
    group: list[Hashable],
    articles: list[Hashable],
    heads: list[bool],
    texts: list[str],
    *,
    threshold: float,
    repeat_threshold: float,
    headline_threshold: float,
    scorer: PairScorer,
) -> None:
    """Cluster again (in place) the components whose clusters hold two statements
    of one article that do not score ``repeat_threshold`` with each other (a
    headline and a body statement: ``headline_threshold``, and the body
    statement is the one of the article the headline scores best with); pairs
    never scored are not allowed then."""
    pairs: list[tuple[int, int, int]] = []  # (component, row, row)
    for label, found in found_in.items():
        for cluster in found:
            if len(cluster) < 2:
                continue
            seen: dict[Hashable, list[int]] = defaultdict(list)
            for m in sorted(cluster):
                seen[articles[m]].append(m)
            for rows in seen.values():
                pairs.extend((label, p, q) for i, p in enumerate(rows) for q in rows[i + 1 :])
    if not pairs:
        return
    # a headline is scored with every body statement of its article that aligns with
    # the same stories (its connected component): it goes with the one it restates best
    # (its lede), not with a later statement that shares its names
    headlines = {
        (label, r) for label, p, q in pairs for r in (p, q) if heads[p] != heads[q] and heads[r]
    }
    rows_of: dict[tuple[int, Hashable], list[int]] = defaultdict(list)
    for label in {label for label, _ in headlines}:
        for k in members[label]:
            rows_of[label, articles[k]].append(k)
    scored = {(min(p, q), max(p, q)) for _, p, q in pairs}
    scored |= {
        (min(h, k), max(h, k))
        for label, h in headlines
        for k in rows_of[label, articles[h]]
        if not heads[k]
    }
    order = sorted(scored)
    values = np.asarray(
        scorer([texts[p] for p, _ in order], [texts[q] for _, q in order]), dtype=float
    )
    score = dict(zip(order, values.tolist(), strict=True))
    best: dict[int, float] = defaultdict(float)
    for (p, q), s in score.items():
        if heads[p] != heads[q]:
            h = p if heads[p] else q
            best[h] = max(best[h], s)
    allowed: set[tuple[int, int]] = set()
    redo: set[int] = set()
    for label, p, q in pairs:
        s = score[(p, q)]
        ok = s >= repeat_threshold
        if not ok and heads[p] != heads[q]:
            h = p if heads[p] else q
            ok = s >= headline_threshold and s >= best[h]
        if ok:
            allowed.add((p, q))
        else:
            redo.add(label)
    for label in redo:
        found_in[label] = _average_linkage(
            members[label], by_component[label], group, threshold, articles, allowed
        )


def cluster_claims(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    *,
    threshold: float = 55.0,
    cross_outlet: bool = True,
    components: Components | None = None,
    repeat_threshold: float | None = REPEAT_THRESHOLD,
    headline_threshold: float = HEADLINE_THRESHOLD,
    repeat_scorer: PairScorer | None = None,
    progress: bool = False,
) -> pl.DataFrame:
    """Group statements into claims: every statement gets exactly one claim.

    Parameters
    ----------
    statements
        STATEMENTS frame (``statement_id``, ``article_id``, ``text``;
        ``outlet`` when present).
    alignments
        ALIGNMENTS frame from :func:`narratives.align` (``statement_id_a``,
        ``statement_id_b``, ``score``; ``linked`` when present).
    threshold
        Least mean score (0-100) over the comparable pairs of two clusters
        for them to merge; alignments below it never link anything, except
        competitive links (``linked`` true), which count as scoring
        ``threshold``.
    cross_outlet
        Leave pairs of one outlet out of the mean (set as in ``align``).
    components
        ``components(a, b, n) -> labels``: the connected component of each of
        the ``n`` statements given the edges ``a[k] - b[k]`` (row numbers),
        labelled ``0, 1, ...`` in order of each component's first statement.
        Default :func:`graph_components` (scipy, in memory); the Spark engine
        passes large-star/small-star rounds when the edges do not fit.
    repeat_threshold
        Least score of two body statements of one article, scored with each
        other, for them to share a claim (one claim told twice). Alignment
        never scores such pairs, so without this check two facts of one
        account join whenever each matches a third statement (another
        outlet's sentence holding both). ``None`` turns the check off (the
        clustering before 2026-12-07).
    headline_threshold
        The same for a headline (``is_headline``) and a body statement of its
        article, which must also be the statement the headline scores best
        with among those of its article that align with anything in the same
        connected component (its lede, as a rule): a headline restates the
        lede in a few words and scores lower. A headline and a body statement
        scoring ``repeat_threshold`` always may share a claim.
    repeat_scorer
        ``repeat_scorer(texts_a, texts_b) -> scores`` (0-100) for those pairs;
        default :func:`narratives.similarity` (the scorer of ``align``), run
        only on the pairs of one article the clustering would join.
    progress
        Show a progress bar over connected components on stderr.

    Returns
    -------
    pl.DataFrame
        CLAIMS: ``claim_id`` (``"claim:"`` + the smallest statement id in the
        claim), ``statement_id``, ``article_id``, ``outlet``, ``claim_size``,
        ``claim_outlets``, ``representative`` (the text of the member with
        the highest total score to the others; a singleton's own text).

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "b:0", "c:0"],
    ...     "article_id": ["a", "b", "c"], "outlet": ["x", "y", "z"],
    ...     "text": ["one", "one!", "two"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:0"], "statement_id_b": ["b:0"],
    ...     "score": [90.0]})
    >>> cluster_claims(st, al).select("statement_id", "claim_id", "claim_size").rows()
    [('a:0', 'claim:a:0', 2), ('b:0', 'claim:a:0', 2), ('c:0', 'claim:c:0', 1)]
    """
    require(
        statements,
        ["statement_id", "article_id", "text"],
        name="statements",
        stage="cluster_claims",
    )
    require(
        alignments,
        ["statement_id_a", "statement_id_b", "score"],
        name="alignments",
        stage="cluster_claims",
    )
    ids = statements["statement_id"].to_list()
    index = {s: k for k, s in enumerate(ids)}
    articles = statements["article_id"].to_list()
    outlets = (
        statements["outlet"].to_list() if "outlet" in statements.columns else [None] * len(ids)
    )
    group: list[Hashable] = [
        ("outlet", o) if cross_outlet and o is not None else ("article", a)
        for a, o in zip(articles, outlets, strict=True)
    ]
    kept = alignments.filter(pl.col("score") >= threshold)
    if "linked" in alignments.columns:
        links = alignments.filter(pl.col("linked") & (pl.col("score") < threshold))
        kept = pl.concat(
            [
                kept.select("statement_id_a", "statement_id_b", "score"),
                links.select(
                    "statement_id_a", "statement_id_b", pl.lit(float(threshold)).alias("score")
                ),
            ]
        )
    unknown = set(kept["statement_id_a"]) | set(kept["statement_id_b"])
    unknown -= set(index)
    if unknown:
        raise ValueError(
            f"cluster_claims: alignments name statements not in the statements table, "
            f"e.g. {sorted(unknown)[0]!r}"
        )
    ea = np.array([index[s] for s in kept["statement_id_a"]], dtype=np.int64)
    eb = np.array([index[s] for s in kept["statement_id_b"]], dtype=np.int64)
    scores = kept["score"].to_numpy()
    n = len(ids)
    labels = (components or graph_components)(ea, eb, n)
    by_component: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for x, y, s in zip(ea.tolist(), eb.tolist(), scores.tolist(), strict=True):
        if x != y:
            key = (min(x, y), max(x, y))
            by_component[int(labels[x])][key] = max(s, by_component[int(labels[x])].get(key, 0.0))
    members: dict[int, list[int]] = defaultdict(list)
    for k, label in enumerate(labels.tolist()):
        members[label].append(k)
    claim_of = np.zeros(n, dtype=np.int64)
    strength = np.zeros(n)
    clusters: list[list[int]] = []
    found_in: dict[int, list[list[int]]] = {}
    for label in tqdm(sorted(members), disable=not progress, desc="claims", unit="component"):
        edges = by_component.get(label, {})
        found_in[label] = (
            _average_linkage(members[label], edges, group, threshold)
            if edges
            else [[m] for m in members[label]]
        )
    if repeat_threshold is not None:
        heads = (
            statements["is_headline"].fill_null(False).to_list()
            if "is_headline" in statements.columns
            else [False] * n
        )
        _split_same_article(
            found_in,
            members,
            by_component,
            group,
            articles,
            heads,
            statements["text"].fill_null("").to_list(),
            threshold=threshold,
            repeat_threshold=repeat_threshold,
            headline_threshold=headline_threshold,
            scorer=repeat_scorer or _similarity_scores,
        )
    for label in sorted(members):
        edges = by_component.get(label, {})
        for cluster in found_in[label]:
            for m in cluster:
                claim_of[m] = len(clusters)
            clusters.append(sorted(cluster))
        for (x, y), s in edges.items():
            if claim_of[x] == claim_of[y]:
                strength[x] += s
                strength[y] += s
    texts = statements["text"].to_list()
    names, reps, sizes, spread = [], [], [], []
    for cluster in clusters:
        best = max(cluster, key=lambda m: (strength[m], -len(texts[m] or ""), -m))
        names.append("claim:" + min(ids[m] for m in cluster))
        reps.append(texts[best])
        sizes.append(len(cluster))
        spread.append(len({outlets[m] for m in cluster if outlets[m] is not None}))
    frame = pl.DataFrame(
        {
            "claim_id": [names[c] for c in claim_of],
            "statement_id": ids,
            "article_id": articles,
            "outlet": outlets,
            "claim_size": [sizes[c] for c in claim_of],
            "claim_outlets": [spread[c] for c in claim_of],
            "representative": [reps[c] for c in claim_of],
        },
        schema_overrides={"outlet": pl.String},
    )
    return conform(frame, CLAIMS)
