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

Two statements of **one outlet's two articles** are never scored by alignment
either (``cross_outlet``), and average linkage leaves their pair out of the
mean, so another outlet's statement aligned with both joined them: the wire's
«وهبط المؤشر ناسداك المجمع 30.64 نقطة» pulled in the same paper's «وزاد المؤشر
ناسداك المجمع 58.25 نقطة» of another report. Such a pair, inside a cluster found
first, must score ``outlet_threshold`` with each other (by default the
clustering's ``threshold``, what alignment asks of two outlets' statements; a
headline and a body statement: ``headline_threshold``), or the component is
clustered again with that pair kept apart; an outlet's two copies of one
story stay together.

Two statements that alignment found to be **one template told of two facts**
(``conflict`` ``note:figures``, ``note:roles``, ``note:action``: an outlet
printed both versions, or two days' reports; ``note:persons``,
``note:countries``, ``note:ordinals``: other people, countries or ordinals in
one template) never share a claim (``apart``): their pair is no edge, and
the clustering keeps them apart even where third statements align with both.
Without this, a market report's two lists joined in one claim: «وشهدت تداولات
اليوم ارتفاع أسهم 82 شركة» and «... 12 شركة», 61 to each other (the note) and
100 to their own copies, so that every mean between the two groups reached the
threshold.

Statements **of days far apart** (``published`` more than ``day_gap`` days
apart) share a claim only through a pair of the claim that is a long
near-verbatim copy with no conflict and no other figures (:func:`joins_days`):
a release or a background paragraph run again. A claim found otherwise is
split by runs of days, each run's statements kept together. Without this, two
days' market reports joined on their template («فيما جاءت أسهم شركات الإنماء
وسابك ...» / «... وإعمار ...», 84), a forecast headline on the next week's
forecast, a closing formula on another article's wish, and a link on another
day's attack.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable

import numpy as np
import polars as pl
from rapidfuzz import fuzz
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from tqdm.auto import tqdm

from narratives._figures import number_words, scaled_figures
from narratives.engine.local import fork_map, usable_cores
from narratives.normalize import normalize
from narratives.schemas import CLAIMS, conform, require


def _average_linkage(
    members: list[int],
    edges: dict[tuple[int, int], float],
    group: list[Hashable],
    threshold: float,
    article: list[Hashable] | None = None,
    allowed: set[tuple[int, int]] | None = None,
    forbidden: set[tuple[int, int]] | None = None,
) -> list[list[int]]:
    """Greedy average-linkage clustering of one connected component.

    The mean between two clusters is the sum of their edge scores over the
    number of pairs that could have had an edge: pairs in different groups,
    plus same-group pairs that do have one. With ``article`` and ``allowed``,
    two clusters never merge when that would put two statements of one
    article together whose pair (``(min, max)`` row numbers) is not in
    ``allowed``; with ``forbidden``, nor when it would put together any pair
    of ``forbidden``.

    The merges go best mean first (ties: the smaller row numbers first); a
    mean below ``threshold`` is never queued, as it could never be merged.
    """
    constrained = article is not None and allowed is not None
    banned: dict[int, list[int]] = defaultdict(list)
    for p, q in forbidden or ():
        banned[p].append(q)
        banned[q].append(p)
    if not constrained and not banned and len(members) == 2 and len(edges) == 1:
        # most components: one pair, whose mean is its score (one comparable pair)
        ((x, y), s), *_ = edges.items()
        if {x, y} == set(members):
            return [[min(x, y), max(x, y)]] if s / 1.0 >= threshold else [[m] for m in members]
    by_article: dict[int, dict[Hashable, list[int]]] = (
        {m: {article[m]: [m]} for m in members} if article is not None and constrained else {}
    )

    owner = {m: m for m in members}

    def compatible(x: int, y: int) -> bool:
        if banned:
            for p in clusters[x]:
                if any(owner[q] == y for q in banned.get(p, ())):
                    return False
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
    groups: dict[int, dict[Hashable, int]] = {m: {group[m]: 1} for m in members}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    inside: dict[int, dict[int, float]] = defaultdict(dict)  # same-group edge counts
    # two single statements with an edge make one comparable pair (another group's, or
    # their own group's that has an edge): their mean is the edge's score
    for (x, y), s in edges.items():
        sums[x][y] = sums[y][x] = s
        if group[x] == group[y]:
            inside[x][y] = inside[y][x] = 1.0
    heap = [
        (-(s / 1.0), x, y, 0, 0)
        for x in members
        for y, s in sums[x].items()
        if x < y and s / 1.0 >= threshold
    ]
    heapq.heapify(heap)
    version = dict.fromkeys(members, 0)

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
        if banned:
            for m in clusters[y]:
                owner[m] = x
        clusters[x].extend(clusters.pop(y))
        into = groups[x]
        for g, c in groups.pop(y).items():
            into[g] = into.get(g, 0) + c
        version[x] += 1
        for table in (sums, inside):
            for z, v in table.pop(y, {}).items():
                table[z].pop(y, None)
                if z != x:
                    table[x][z] = table[x].get(z, 0) + v
                    table[z][x] = table[x][z]
            table[x].pop(x, None)
        # the means of the merged cluster with its neighbours (:func:`average`, inlined:
        # the counts and sums are symmetric)
        size_x, groups_x, inside_x, version_x = len(clusters[x]), groups[x], inside[x], version[x]
        for z, total in sums[x].items():
            groups_z = groups[z]
            small, large = (
                (groups_x, groups_z) if len(groups_x) <= len(groups_z) else (groups_z, groups_x)
            )
            n: float = size_x * len(clusters[z]) - sum(
                c * large.get(g, 0) for g, c in small.items()
            )
            n += inside_x.get(z, 0.0)
            mean = total / n if n > 0 else 0.0
            if mean >= threshold:
                if x < z:
                    heapq.heappush(heap, (-mean, x, z, version_x, version[z]))
                else:
                    heapq.heappush(heap, (-mean, z, x, version[z], version_x))
    return list(clusters.values())


Components = Callable[[np.ndarray, np.ndarray, int], np.ndarray]

#: ``scorer(texts_a, texts_b) -> scores`` (0-100, one per pair, in order)
PairScorer = Callable[[list[str], list[str]], "np.ndarray | list[float] | pl.Series"]

#: least own score of two body statements of one article in one claim (a repeat)
REPEAT_THRESHOLD = 70.0
#: least own score of a headline and a body statement of its article in one claim
HEADLINE_THRESHOLD = 30.0
#: alignment conflicts (``conflict``) that say two statements are one template told of
#: two facts: such a pair never shares a claim
APART: tuple[str, ...] = ("note:figures",)
#: least :func:`rapidfuzz.fuzz.ratio` of two statements' texts without their figures for
#: them to be one template (:func:`one_template`)
TEMPLATE_RATIO = 85.0

_FIGURE = re.compile(r"[0-9٠-٩]+(?:[.,،٫'/-][0-9٠-٩]+)*")


def _figures(text: str) -> list[str]:
    """The figures of ``text`` in order, separators dropped (``2,804,130`` -> ``2804130``)."""
    return [re.sub(r"[^0-9٠-٩]", "", f) for f in _FIGURE.findall(text)]


def one_template(text_a: str, text_b: str, *, ratio: float = TEMPLATE_RATIO) -> bool:
    """Are two statements one template with other figures in the same places?

    Both hold as many figures, at least one differs, and the texts without their
    figures are alike (``ratio``, :func:`rapidfuzz.fuzz.ratio` of the match-normalized
    texts): a market report's risers on two lists, a forecast or a weekly tally of two
    days. A figure written in words on one side (``مليونان و804 آلاف`` /
    ``2,804,130``) or another unit (``1.5 ألف طن`` / ``1.5 مليون كيلو``) is no template.

    Examples
    --------
    >>> one_template("ارتفاع أسهم 82 شركة في قيمتها", "ارتفاع أسهم 12 شركة في قيمتها")
    True
    >>> one_template("بمبلغ تعويض قدره مليونان و804 آلاف", "بمبلغ تعويض قدره (2,804,130 ريالا)")
    False
    """
    fa, fb = _figures(text_a), _figures(text_b)
    if not fa or len(fa) != len(fb) or fa == fb:
        return False
    norm_a, norm_b = normalize(text_a), normalize(text_b)
    for norm in (norm_a, norm_b):
        if scaled_figures(norm) != norm or number_words(norm):
            return False  # a figure in words or with a scale word: read elsewhere, not here
    bare_a, bare_b = _FIGURE.sub(" ", norm_a), _FIGURE.sub(" ", norm_b)
    return bool(fuzz.ratio(bare_a, bare_b) >= ratio)


#: statements of one claim more than this many days apart (``published``) are one claim
#: only through a near-verbatim pair (:func:`_split_days`)
DAY_GAP = 2
#: least :func:`rapidfuzz.fuzz.ratio` of the match-normalized texts of a pair that joins
#: two days (the ``near_verbatim`` band of ``align``)
DAY_RATIO = 85.0
#: least words of the shorter statement of a pair that joins two days
DAY_WORDS = 6


def _days(statements: pl.DataFrame) -> list[int | None]:
    """Each statement's ``published`` day as an integer (None: no date, or no column)."""
    if "published" not in statements.columns or statements.schema["published"] not in (
        pl.Date,
        pl.Datetime,
    ):
        return [None] * statements.height
    return statements["published"].cast(pl.Date).to_physical().to_list()


def joins_days(
    text_a: str, text_b: str, *, ratio: float = DAY_RATIO, words: int = DAY_WORDS
) -> bool:
    """May two statements of days far apart be one claim (:func:`_split_days`)?

    Only when one is a near-verbatim copy of the other (``ratio``, :func:`rapidfuzz.fuzz.ratio`
    of the match-normalized texts), the shorter holds at least ``words`` words, and they
    are not one template with other figures (:func:`one_template`): a release or a
    background paragraph run again, not a template of two days' reports, a formula or
    a fragment on a few shared words.

    Examples
    --------
    >>> joins_days("وبدأت المعارك في حلب في صيف 2012،", "بدأت المعارك في حلب في صيف 2012،")
    True
    >>> joins_days("إنا لله وإنا إليه راجعون».", "(إنا لله وإنا إليه راجعون).")
    False
    >>> joins_days("والله ولي التوفيق.", "ودعا المنيف للجميع بالتوفيق.")
    False
    """
    norm_a, norm_b = normalize(text_a or ""), normalize(text_b or "")
    if min(len(norm_a.split()), len(norm_b.split())) < words:
        return False
    if fuzz.ratio(norm_a, norm_b) < ratio:
        return False
    return not one_template(text_a or "", text_b or "")


def _root(parent: dict[Hashable, Hashable], r: Hashable) -> Hashable:
    """The root of ``r`` in the union-find forest ``parent`` (paths halved on the way)."""
    while parent[r] != r:
        parent[r] = parent[parent[r]]
        r = parent[r]
    return r


def _split_days(
    found_in: dict[int, list[list[int]]],
    edges: dict[int, dict[tuple[int, int], float]],
    days: list[int | None],
    texts: list[str],
    *,
    day_gap: int,
    ratio: float,
    words: int,
    conflicted: Collection[tuple[int, int]] = (),
) -> int:
    """Split (in place) the clusters whose statements lie on days far apart.

    A cluster's dated statements fall into runs of days (a new run where the next
    day of the cluster is more than ``day_gap`` days after the one before); two
    runs stay one claim only when a pair of the cluster (an edge of its component)
    joins them that :func:`joins_days` accepts (``ratio``, ``words``) and alignment
    found no conflict in (``conflicted``). A statement without a date goes with the
    runs it has edges to. The statements of one run are never parted. Returns the
    number of clusters split.
    """
    split = 0
    for label, clusters in found_in.items():
        spans = []
        for k, cluster in enumerate(clusters):
            dated = [d for m in cluster if (d := days[m]) is not None]
            if dated and max(dated) - min(dated) > day_gap:
                spans.append(k)
        if not spans:
            continue
        where = {m: k for k in spans for m in clusters[k]}
        run: dict[int, Hashable] = {}
        for k in spans:
            last: int | None = None
            current = 0
            dated_rows = sorted((d, m) for m in clusters[k] if (d := days[m]) is not None)
            for day, m in dated_rows:
                if last is not None and day - last > day_gap:
                    current += 1
                last = day
                run[m] = (k, current)
            for m in clusters[k]:
                if days[m] is None:
                    run[m] = ("undated", m)
        parent: dict[Hashable, Hashable] = {r: r for r in run.values()}
        for x, y in edges.get(label, {}):
            home = where.get(x)
            if home is None or where.get(y) != home:
                continue
            rx, ry = _root(parent, run[x]), _root(parent, run[y])
            if rx == ry:
                continue
            if (
                days[x] is None
                or days[y] is None
                or (
                    (x, y) not in conflicted
                    and joins_days(texts[x], texts[y], ratio=ratio, words=words)
                )
            ):
                parent[rx] = ry
        for k in spans:
            parts: dict[Hashable, list[int]] = defaultdict(list)
            for m in clusters[k]:
                parts[_root(parent, run[m])].append(m)
            if len(parts) > 1:
                split += 1
                clusters[k] = []
                clusters.extend(parts.values())
        found_in[label] = [c for c in clusters if c]
    return split


def _similarity_scores(texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """The :func:`narratives.similarity` score of each pair (the scorer of ``align``)."""
    from narratives.align._similarity import similarity_scores

    return similarity_scores(texts_a, texts_b)


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
    texts: pl.Series,
    *,
    threshold: float,
    repeat_threshold: float,
    headline_threshold: float,
    outlet_threshold: float | None = None,
    scorer: PairScorer,
    processes: int | None = 1,
    apart: dict[int, set[tuple[int, int]]] | None = None,
) -> None:
    """Cluster again (in place) the components whose clusters hold two statements
    of one article that do not score ``repeat_threshold`` with each other (a
    headline and a body statement: ``headline_threshold``, and the body
    statement is the one of the article the headline scores best with); pairs
    never scored are not allowed then. With ``outlet_threshold``, also those
    holding two statements of one group (``group``: one outlet) from two
    articles that score below it (a headline with a body statement: below the
    lower of it and ``headline_threshold``); those pairs are kept apart then,
    the others of that kind allowed (``processes``: see :func:`_linkages`). The
    pairs of ``apart`` (per component) stay apart in the new clustering too."""
    pairs: list[tuple[int, int, int]] = []  # (component, row, row)
    for label, found in found_in.items():
        for cluster in found:
            if len(cluster) < 2:
                continue
            seen: dict[Hashable, list[int]] = defaultdict(list)
            for m in sorted(cluster):
                seen[articles[m] if outlet_threshold is None else group[m]].append(m)
            for rows in seen.values():
                pairs.extend((label, p, q) for i, p in enumerate(rows) for q in rows[i + 1 :])
    if not pairs:
        return
    # a headline is scored with every body statement of its article that aligns with
    # the same stories (its connected component): it goes with the one it restates best
    # (its lede), not with a later statement that shares its names
    headlines = {
        (label, r)
        for label, p, q in pairs
        for r in (p, q)
        if heads[p] != heads[q] and heads[r] and articles[p] == articles[q]
    }
    rows_of: dict[tuple[int, Hashable], list[int]] = defaultdict(list)
    for label in {label for label, _ in headlines}:
        for k in members[label]:
            rows_of[label, articles[k]].append(k)
    scored = {(min(p, q), max(p, q)) for _, p, q in pairs if articles[p] == articles[q]}
    scored |= {
        (min(h, k), max(h, k))
        for label, h in headlines
        for k in rows_of[label, articles[h]]
        if not heads[k]
    }
    across = {(min(p, q), max(p, q)) for _, p, q in pairs if articles[p] != articles[q]}
    score: dict[tuple[int, int], float] = {}
    # one article's pairs and one outlet's pairs across articles are scored apart: the
    # scorer fits its weights on the texts it is given
    for batch in (scored, across):
        if not batch:
            continue
        order = sorted(batch)
        # only the texts of the pairs scored leave polars (not all the statements')
        text_a = texts.gather([p for p, _ in order]).to_list()
        text_b = texts.gather([q for _, q in order]).to_list()
        values = np.asarray(scorer(text_a, text_b), dtype=float)
        score.update(zip(order, values.tolist(), strict=True))
    best: dict[int, float] = defaultdict(float)
    for (p, q), s in score.items():
        if heads[p] != heads[q] and articles[p] == articles[q]:
            h = p if heads[p] else q
            best[h] = max(best[h], s)
    allowed: set[tuple[int, int]] = set()
    forbidden: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for label, kept_apart in (apart or {}).items():
        forbidden[label] |= kept_apart
    redo: set[int] = set()
    for label, p, q in pairs:
        s = score[(p, q)]
        if articles[p] != articles[q]:
            # one outlet's two articles: held to the score alignment asks of two
            # outlets' statements (a headline restating a body sentence: the headline's)
            assert outlet_threshold is not None
            least = outlet_threshold
            if heads[p] != heads[q]:
                least = min(least, headline_threshold)
            if s < least:
                forbidden[label].add((p, q))
                redo.add(label)
            continue
        else:
            ok = s >= repeat_threshold
            if not ok and heads[p] != heads[q]:
                h = p if heads[p] else q
                ok = s >= headline_threshold and s >= best[h]
        if ok:
            allowed.add((p, q))
        else:
            redo.add(label)
    found_in.update(
        _linkages(
            sorted(redo),
            members,
            by_component,
            group,
            threshold,
            article=articles,
            allowed=allowed,
            forbidden=forbidden,
            processes=processes,
        )
    )


#: edges of all the components to cluster below which they are clustered in this
#: process (forking the workers costs more than it saves)
PARALLEL_EDGES = 100_000


def _linkages(
    labels: list[int],
    members: dict[int, list[int]],
    edges: dict[int, dict[tuple[int, int], float]],
    group: list[Hashable],
    threshold: float,
    *,
    article: list[Hashable] | None = None,
    allowed: set[tuple[int, int]] | None = None,
    forbidden: dict[int, set[tuple[int, int]]] | None = None,
    processes: int | None = 1,
    progress: bool = False,
) -> dict[int, list[list[int]]]:
    """:func:`_average_linkage` of each component of ``labels``, in that order.

    Components are independent: from :data:`PARALLEL_EDGES` edges in all they are
    clustered in parts on forked worker processes (``processes``: None for the
    usable cores), the parts made of components of about equal edge counts and
    handed out the costliest first, so that no worker is left with a large
    component at the end (the largest component of all SaudiNewsNet holds 148,137
    of its 380,000 edges). The clusters are those of one process.
    """
    cores = usable_cores() if processes is None else processes
    total = sum(len(edges[label]) for label in labels)
    banned = forbidden or {}
    if cores <= 1 or total < PARALLEL_EDGES:
        return {
            label: _average_linkage(
                members[label],
                edges[label],
                group,
                threshold,
                article,
                allowed,
                banned.get(label),
            )
            for label in tqdm(labels, disable=not progress, desc="claims", unit="component")
        }
    # components by edge count, the largest first, gathered into parts of about
    # total / (4 cores) edges (a larger component is a part of its own)
    budget = total / (4 * cores)
    parts: list[list[int]] = []
    size = budget
    for label in sorted(labels, key=lambda c: len(edges[c]), reverse=True):
        if size >= budget:
            parts.append([])
            size = 0
        parts[-1].append(label)
        size += len(edges[label])

    def cluster(part: list[int]) -> list[list[list[int]]]:
        return [
            _average_linkage(
                members[c], edges[c], group, threshold, article, allowed, banned.get(c)
            )
            for c in part
        ]

    done = fork_map(cluster, parts, processes=cores, progress=progress, desc="claims")
    found = {
        c: clusters
        for part, out in zip(parts, done, strict=True)
        for c, clusters in zip(part, out, strict=True)
    }
    return {label: found[label] for label in labels}


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
    outlet_threshold: float | None = None,
    apart: Collection[str] = APART,
    day_gap: int | None = DAY_GAP,
    day_ratio: float = DAY_RATIO,
    day_words: int = DAY_WORDS,
    processes: int | None = None,
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
        only on the pairs of one article (or one outlet's two articles) the
        clustering would join.
    outlet_threshold
        Least score of two statements of one outlet's two articles, scored
        with each other, for them to share a claim when ``cross_outlet`` left
        them unaligned (a headline and a body statement: the lower of this and
        ``headline_threshold``). None: ``threshold``; 0 turns the check off (the
        clustering before 2026-12-07, session 27). Checked only with
        ``repeat_threshold`` set.
    apart
        Values of the alignments' ``conflict`` column (when present) whose pairs
        never share a claim: one template told of two facts (default
        :data:`APART`: the notes of figures, roles and actions an outlet also
        printed the other way or that differ between two days, and of other
        people, countries or ordinals in one template). Such a pair is no edge,
        and the two statements are kept apart even when third statements align
        with both. Empty: the clustering before 2026-12-08 (session 28).
    day_gap
        Statements (``published``) more than this many days apart share a claim only
        through a pair of the claim that is a near-verbatim copy (``day_ratio``,
        :func:`rapidfuzz.fuzz.ratio` of the match-normalized texts), the shorter of at
        least ``day_words`` words, with no alignment conflict and not one template with
        other figures (:func:`joins_days`): a release or a background paragraph run
        again. Otherwise the claim is split by runs of days (days at most ``day_gap``
        apart stay together; one run's statements are never parted): a template of two
        days' reports (forecasts, market lists, a promotion told of two people), a
        formula or a fragment on shared words, a link to another day's event. None:
        the clustering before 2026-12-08 (session 29); statements without a
        ``published`` column or date are not split.
    processes
        Forked worker processes for the clustering of the connected components
        (None: the usable cores; below :data:`PARALLEL_EDGES` edges, or where
        ``fork`` is missing, they are clustered in this process). The claims are
        the same.
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
    split_off = alignments.head(0)
    if apart and "conflict" in alignments.columns:
        noted = alignments.filter(pl.col("conflict").is_in(list(apart)).fill_null(False))
        if noted.height:
            text_of = dict(
                zip(statements["statement_id"], statements["text"].fill_null(""), strict=True)
            )
            template = [
                one_template(text_of.get(a, ""), text_of.get(b, ""))
                for a, b in zip(noted["statement_id_a"], noted["statement_id_b"], strict=True)
            ]
            split_off = noted.filter(pl.Series(template, dtype=pl.Boolean))
            pairs = split_off.select("statement_id_a", "statement_id_b")
            alignments = alignments.join(pairs, on=["statement_id_a", "statement_id_b"], how="anti")
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
    side_a, side_b = kept["statement_id_a"].to_list(), kept["statement_id_b"].to_list()
    unknown = (set(side_a) | set(side_b)) - index.keys()
    if unknown:
        raise ValueError(
            f"cluster_claims: alignments name statements not in the statements table, "
            f"e.g. {sorted(unknown)[0]!r}"
        )
    ea = np.array([index[s] for s in side_a], dtype=np.int64)
    eb = np.array([index[s] for s in side_b], dtype=np.int64)
    n = len(ids)
    labels = np.asarray((components or graph_components)(ea, eb, n))
    edges, ex, ey, es = _component_edges(ea, eb, kept["score"].to_numpy(), labels)
    members = _members(labels, edges)
    # pairs told of two facts, where both statements are in one component
    kept_apart: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for a, b in zip(
        split_off["statement_id_a"].to_list(), split_off["statement_id_b"].to_list(), strict=True
    ):
        p, q = index.get(a), index.get(b)
        if p is None or q is None or p == q:
            continue
        label = int(labels[p])
        if label == int(labels[q]) and label in edges:
            kept_apart[label].add((min(p, q), max(p, q)))
    found_in = _linkages(
        sorted(edges),
        members,
        edges,
        group,
        threshold,
        forbidden=kept_apart,
        processes=processes,
        progress=progress,
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
            edges,
            group,
            articles,
            heads,
            statements["text"].fill_null(""),
            threshold=threshold,
            repeat_threshold=repeat_threshold,
            headline_threshold=headline_threshold,
            outlet_threshold=(
                (threshold if outlet_threshold is None else outlet_threshold)
                if cross_outlet
                else None
            ),
            scorer=repeat_scorer or _similarity_scores,
            processes=processes,
            apart=kept_apart,
        )
    if day_gap is not None:
        days = _days(statements)
        if any(d is not None for d in days):
            conflicted: set[tuple[int, int]] = set()
            if "conflict" in alignments.columns:
                noted_any = alignments.filter(pl.col("conflict").is_not_null())
                for a, b in zip(
                    noted_any["statement_id_a"].to_list(),
                    noted_any["statement_id_b"].to_list(),
                    strict=True,
                ):
                    p, q = index.get(a), index.get(b)
                    if p is not None and q is not None:
                        conflicted.add((min(p, q), max(p, q)))
            _split_days(
                found_in,
                edges,
                days,
                statements["text"].fill_null("").to_list(),
                day_gap=day_gap,
                ratio=day_ratio,
                words=day_words,
                conflicted=conflicted,
            )
    # a statement of no aligned pair is a claim of its own
    claim_of = np.full(n, -1, dtype=np.int64)
    found = 0
    for label in sorted(found_in):
        for cluster in found_in[label]:
            claim_of[cluster] = found
            found += 1
    alone = claim_of < 0
    claim_of[alone] = found + np.arange(int(alone.sum()))
    return _claims_frame(statements, claim_of, _strength(claim_of, ex, ey, es))


def _component_edges(
    a: np.ndarray, b: np.ndarray, scores: np.ndarray, labels: np.ndarray
) -> tuple[dict[int, dict[tuple[int, int], float]], np.ndarray, np.ndarray, np.ndarray]:
    """Per connected component, its edges ``(min, max) -> best score`` (no loops), in the
    order of their first appearance in ``a``, ``b``; and those edges as arrays
    (``x``, ``y``, ``score``), component by component in that order."""
    x, y = np.minimum(a, b), np.maximum(a, b)
    real = x != y
    edge = (
        pl.DataFrame({"x": x[real], "y": y[real], "s": np.asarray(scores, dtype=np.float64)[real]})
        .group_by("x", "y", maintain_order=True)
        .agg(pl.col("s").max())
    )
    x, y = edge["x"].to_numpy(), edge["y"].to_numpy()
    s = np.maximum(edge["s"].to_numpy(), 0.0)
    label = labels[x]
    order = np.argsort(label, kind="stable")
    x, y, s, label = x[order], y[order], s[order], label[order]
    cuts = np.flatnonzero(np.diff(label)) + 1
    starts, stops = np.r_[0, cuts], np.r_[cuts, len(label)]
    xs, ys, ss = x.tolist(), y.tolist(), s.tolist()
    edges = {
        int(label[p]): dict(zip(zip(xs[p:q], ys[p:q], strict=True), ss[p:q], strict=True))
        for p, q in zip(starts.tolist(), stops.tolist(), strict=True)
        if q > p
    }
    return edges, x, y, s


def _members(labels: np.ndarray, components: Collection[int]) -> dict[int, list[int]]:
    """The rows of each of ``components`` (labels of ``labels``), in order."""
    order = np.argsort(labels, kind="stable")
    ordered = labels[order]
    cuts = np.flatnonzero(np.diff(ordered)) + 1
    starts, stops = np.r_[0, cuts], np.r_[cuts, len(ordered)]
    wanted = set(components)
    return {
        int(ordered[p]): order[p:q].tolist()
        for p, q in zip(starts.tolist(), stops.tolist(), strict=True)
        if q > p and int(ordered[p]) in wanted
    }


def _strength(claim_of: np.ndarray, x: np.ndarray, y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Per statement, the sum of the scores of its edges inside its claim (in edge order)."""
    strength = np.zeros(len(claim_of))
    inside = claim_of[x] == claim_of[y]
    # both ends of each edge in turn, as a loop over the edges adds them
    np.add.at(strength, np.stack([x[inside], y[inside]], axis=1).ravel(), np.repeat(s[inside], 2))
    return strength


def _claims_frame(
    statements: pl.DataFrame, claim_of: np.ndarray, strength: np.ndarray
) -> pl.DataFrame:
    """The CLAIMS frame of ``statements`` given each one's claim (``0, 1, ...``) and strength.

    A claim's id is ``"claim:"`` + its smallest statement id; its representative the
    text of its member of the highest strength (then the shortest, then the first).
    """
    n = statements.height
    text = statements["text"]
    outlet = (
        statements["outlet"] if "outlet" in statements.columns else pl.Series("outlet", [None] * n)
    ).cast(pl.String)
    rows = pl.DataFrame(
        {
            "claim": claim_of,
            "m": np.arange(n, dtype=np.int64),
            "strength": strength,
            "statement_id": statements["statement_id"],
            "outlet": outlet,
            "length": text.str.len_chars().fill_null(0),
        }
    )
    per_claim = (
        rows.group_by("claim")
        .agg(
            pl.col("statement_id").min().alias("claim_id"),
            pl.len().alias("claim_size"),
            pl.col("outlet").drop_nulls().n_unique().alias("claim_outlets"),
            pl.col("m")
            .sort_by("strength", "length", "m", descending=[True, False, False])
            .first()
            .alias("best"),
        )
        .sort("claim")
    )
    per_row = per_claim.select(pl.all().gather(claim_of))
    frame = pl.DataFrame(
        {
            "claim_id": "claim:" + per_row["claim_id"],
            "statement_id": statements["statement_id"],
            "article_id": statements["article_id"],
            "outlet": outlet,
            "claim_size": per_row["claim_size"],
            "claim_outlets": per_row["claim_outlets"],
            "representative": text.gather(per_row["best"]),
        }
    )
    return conform(frame, CLAIMS)
