"""Claims (``cluster_claims``): two statements of one article share a claim only when
they say the same thing to each other.

Real excerpts from SaudiNewsNet (2015-07-26/27, 2015-08-03/04): one outlet tells two
facts in two statements, another outlet in one sentence holding both; before the
check, both statements of the first article joined the claim through the long
sentence and the emphasis tables showed the outlet "repeating" a claim.
"""

from __future__ import annotations

import polars as pl
import pytest

from narratives.align import align, cluster_claims


def statements(rows: list[tuple[str, str, str, bool]]) -> pl.DataFrame:
    """``(statement_id, outlet, text, is_headline)``; the article is the id without ``:n``."""
    return pl.DataFrame(
        {
            "statement_id": [r[0] for r in rows],
            "article_id": [r[0].rsplit(":", 1)[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "text": [r[2] for r in rows],
            "is_headline": [r[3] for r in rows],
        }
    )


def claim_of(claims: pl.DataFrame) -> dict[str, str]:
    return dict(claims.select("statement_id", "claim_id").iter_rows())


TWO_FACTS = {
    # aawsat splits box office and cast; aljazirah tells both in one sentence
    "film": [
        (
            "2015-08-04:188:3",
            "aawsat",
            "وجاء فيلم المغامرات والكوميديا الجديد «فاكيشن» في المركز الثاني بإيرادات قدرها"
            " 8.\u200f14 مليون دولار.",
            False,
        ),
        (
            "2015-08-04:188:4",
            "aawsat",
            "الفيلم بطولة اد هلمس وكريستينا أبلجيت ومن إخراج جون فرانسيس ديلي وجوناسان غولدشتاين.",
            False,
        ),
        (
            "2015-08-04:385:3",
            "aljazirah",
            "وجاء فيلم المغامرات والكوميديا الجديد «فاكيشن» في المركز الثاني بإيرادات قدرها 14.8"
            " مليون دولار، والفيلم بطولة إد هلمس وكريستينا أبلجيت، ومن إخراج جون فرانسيس ديلي"
            " وجوناسان جولدشتاين.",
            False,
        ),
    ],
    # two players in the line-up: aawsat two sentences, aljazirah one
    "lineup": [
        (
            "2015-08-03:174:24",
            "aawsat",
            "بينما دفع غوارديولا بالوافد الجديد دوغلاس كوستا في التشكيل الأساسي إلى جانب النجم"
            " العائد من الإصابة روبن.",
            False,
        ),
        (
            "2015-08-03:174:25",
            "aawsat",
            "وشارك المهدي بنعطية أساسيا بعد تعافيه من الإصابة أيضا.",
            False,
        ),
        (
            "2015-08-03:452:12",
            "aljazirah",
            "بينما دفع جوارديولا بالوافد الجديد دوجلاس كوستا في التشكيل الأساسي إلى جانب النجم"
            " روبن ، وشارك المهدي بنعطية أساسيا بعد تعافيه من الإصابة ،",
            False,
        ),
    ],
    # the same two Reuters sentences in two outlets: each pair is verbatim, and the
    # cross pairs (both name Clinton and the Democratic nomination) score about 60
    "clinton": [
        (
            "2015-07-26:227:2",
            "aleqtisadiya",
            "قالت هيلاري كلينتون التي تسعى للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة"
            " الأمريكية اليوم السبت إنها لم ترسل أو تتلق معلومات سرية على حساب شخصي عبر البريد"
            " الالكتروني أثناء عملها وزيرة للخارجية .",
            False,
        ),
        (
            "2015-07-26:227:3",
            "aleqtisadiya",
            "وكلينتون هي المرشحة الأوفر حظا للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة",
            False,
        ),
        (
            "2015-07-26:1064:1",
            "alweeam",
            "قالت هيلاري كلينتون التي تسعى للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة"
            " الأمريكية اليوم السبت إنها لم ترسل أو تتلق معلومات سرية على حساب شخصي عبر البريد"
            " الالكتروني أثناء عملها وزيرة للخارجية .",
            False,
        ),
        (
            "2015-07-26:1064:3",
            "alweeam",
            "وكلينتون هي المرشحة الأوفر حظا للفوز بترشيح الحزب الديمقراطي لها في انتخابات الرئاسة",
            False,
        ),
    ],
}


@pytest.mark.parametrize("case", sorted(TWO_FACTS))
def test_two_facts_of_one_article_are_two_claims(case: str) -> None:
    st = statements(TWO_FACTS[case])
    al = align(st)
    first, second = TWO_FACTS[case][0][0], TWO_FACTS[case][1][0]
    # the clustering before the check joined them (through the other outlet's sentence)
    before = claim_of(cluster_claims(st, al, repeat_threshold=None))
    assert before[first] == before[second]
    after = claim_of(cluster_claims(st, al))
    assert after[first] != after[second]
    # the other outlet's statement still shares a claim with one of them
    others = [r[0] for r in TWO_FACTS[case][2:]]
    assert all(after[o] in {after[first], after[second]} for o in others)


REPEATS = {
    # alyaum tells the Arab League's welcome twice (score 84 with each other)
    "repeat": [
        ("2015-07-27:1195:3", "alyaum", "فيما رحبت الجامعة العربية بالهدنة الإنسانية", False),
        (
            "2015-07-27:1195:15",
            "alyaum",
            "وفي سياق متصل، رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن،",
            False,
        ),
        (
            "2015-07-26:567:1",
            "almadina",
            "رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن،",
            False,
        ),
        (
            "2015-07-27:675:1",
            "alriyadh",
            "رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن،",
            False,
        ),
    ],
    # a headline and the lede it restates stay one claim
    "headline": [
        ("2015-07-26:820:0", "alriyadh", "أبو مرزوق يدعو لتشكيل حكومة وحدة وطنية فلسطينية", True),
        (
            "2015-07-26:820:1",
            "alriyadh",
            "دعا موسى ابو مرزوق نائب رئيس المكتب السياسي لحماس الى تشكيل حكومة وحدة وطنية"
            " فلسطينية،",
            False,
        ),
        (
            "2015-07-26:1120:3",
            "alyaum",
            "دعا موسى أبو مرزوق نائب رئيس المكتب السياسي لحماس إلى تشكيل حكومة وحدة وطنية"
            " فلسطينية،",
            False,
        ),
        ("2015-07-26:1120:0", "alyaum", "حماس تدعو الرئيس الفلسطيني لتشكيل حكومة وحدة وطنية", True),
    ],
}


@pytest.mark.parametrize("case", sorted(REPEATS))
def test_a_claim_told_twice_in_one_article_stays_one_claim(case: str) -> None:
    st = statements(REPEATS[case])
    claims = cluster_claims(st, align(st))
    assert claims["claim_id"].n_unique() == 1
    outlets = len({r[1] for r in REPEATS[case]})
    assert claims["claim_outlets"].to_list() == [outlets] * len(REPEATS[case])


def test_repeat_scorer_decides_pairs_of_one_article() -> None:
    st = statements(TWO_FACTS["film"])
    al = align(st)
    # a scorer calling every pair a repeat restores the joined claim; only the pair of
    # one article is asked for
    asked: list[tuple[str, str]] = []

    def scorer(a: list[str], b: list[str]) -> list[float]:
        asked.extend(zip(a, b, strict=True))
        return [100.0] * len(a)

    claims = claim_of(cluster_claims(st, al, repeat_scorer=scorer))
    assert claims["2015-08-04:188:3"] == claims["2015-08-04:188:4"]
    assert asked == [(TWO_FACTS["film"][0][2], TWO_FACTS["film"][1][2])]


def test_repeat_scorer_reads_a_missing_text_as_empty() -> None:
    # only the texts of the pairs asked for are taken from the frame (a missing one: "")
    st = statements(TWO_FACTS["film"])
    al = align(st)
    first = TWO_FACTS["film"][0][0]
    st = st.with_columns(
        text=pl.when(pl.col("statement_id") == first).then(None).otherwise(pl.col("text"))
    )
    asked: list[tuple[str, str]] = []

    def scorer(a: list[str], b: list[str]) -> list[float]:
        asked.extend(zip(a, b, strict=True))
        return [0.0] * len(a)

    claims = claim_of(cluster_claims(st, al, repeat_scorer=scorer))
    assert asked == [("", TWO_FACTS["film"][1][2])]
    assert claims[first] != claims[TWO_FACTS["film"][1][0]]


# --- the clustering's fast paths against the plain algorithm -------------------------


# One outlet's two articles (SaudiNewsNet 2015-08-11): alignment never scores them with
# each other (``cross_outlet``), so a statement of another outlet that aligns with both
# joined them, and a claim held two facts of one outlet. Scores are those ``align``
# gave on the day (``linked``: a competitive link below the threshold).
OUTLET_PAIRS = {
    # the Nasdaq falling 30.64 points (wire) and rising 58.25 points (another report)
    "nasdaq": (
        [
            (
                "2015-08-11:330:4",
                "aleqtisadiya",
                "وهبط المؤشر ناسداك المجمع 30.64 نقطة توازي 0.6 في المئة ليصل إلى 5071.16 نقطة.",
                False,
            ),
            (
                "2015-08-11:1660:3",
                "was",
                'وشملت الانخفاضات مؤشر "ناسداك" المجمع الذي سجل 30.64 نقطة بنسبة 0.6% ليصل إلى'
                " 5071.16 نقطة.",
                False,
            ),
            (
                "2015-08-11:272:4",
                "aleqtisadiya",
                "وزاد المؤشر ناسداك المجمع 58.25 نقطة أو 1.16 % إلى مستوى 5101.80 نقطة.",
                False,
            ),
        ],
        [
            ("2015-08-11:1660:3", "2015-08-11:330:4", 74.62, False),
            ("2015-08-11:1660:3", "2015-08-11:272:4", 45.71, True),
        ],
    ),
    # the volleyball team against Algeria (two outlets) and against Tunisia
    "volleyball": (
        [
            (
                "2015-08-11:1308:0",
                "arriyadiyah",
                '"أخضر الطائرة" في مواجهة مرتقبة امام الجزائر',
                True,
            ),
            (
                "2015-08-11:1684:0",
                "was",
                "رياضي / أخضر الطائرة في مواجهة مرتقبة أمام الجزائر",
                True,
            ),
            (
                "2015-08-11:1337:0",
                "arriyadiyah",
                '"أخضر الطائرة" يختتم تمهيدي عربية الرباط بمواجهة تونس',
                True,
            ),
        ],
        [
            ("2015-08-11:1308:0", "2015-08-11:1684:0", 95.66, False),
            ("2015-08-11:1337:0", "2015-08-11:1684:0", 40.43, True),
        ],
    ),
}


def alignments(rows: list[tuple[str, str, float, bool]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema=["statement_id_a", "statement_id_b", "score", "linked"], orient="row"
    )


@pytest.mark.parametrize("case", sorted(OUTLET_PAIRS))
def test_another_outlet_does_not_join_two_claims_of_one_outlet(case: str) -> None:
    rows, pairs = OUTLET_PAIRS[case]
    st, al = statements(rows), alignments(pairs)
    first, other, second = (r[0] for r in rows)
    before = claim_of(cluster_claims(st, al, outlet_threshold=0.0))
    assert before[first] == before[second] == before[other]
    after = claim_of(cluster_claims(st, al))
    # the pair of the other outlet stays a claim; the outlet's other fact is alone
    assert after[first] == after[other] != after[second]
    # without the outlet grouping every pair counts, a pair never aligned as 0
    alone = claim_of(cluster_claims(st, al, cross_outlet=False))
    assert alone[first] == alone[other] != alone[second]


OUTLET_KEEPS = {
    # almadina ran one story twice: both copies stay in the claim
    "copies": (
        [
            (
                "2015-08-11:360:5",
                "aljazirah",
                "وأبدى إعجابه الكبير بما شاهده من برامج متطورة وحديثة.",
                False,
            ),
            (
                "2015-08-11:532:5",
                "almadina",
                "وأبدى إعجابه الكبير بما شاهده من برامج متطورة وحديثة.",
                False,
            ),
            (
                "2015-08-11:685:5",
                "almadina",
                "وأبدى إعجابه الكبير بما شاهده من برامج متطورة وحديثة.",
                False,
            ),
        ],
        [
            ("2015-08-11:360:5", "2015-08-11:532:5", 100.0, False),
            ("2015-08-11:360:5", "2015-08-11:685:5", 100.0, False),
        ],
    ),
    # alriyadh's headline of one article restates the body sentence of its other
    # article (53.8 with it, under the threshold: a headline is held to
    # ``headline_threshold``)
    "headline": (
        [
            (
                "2015-08-11:791:0",
                "alriyadh",
                "مجلس الشؤون الاقتصادية والتنمية يطلع على رؤى صوامع الغلال",
                True,
            ),
            (
                "2015-08-11:806:2",
                "alriyadh",
                "وقد اطلع المجلس خلال الاجتماع على عدد من الموضوعات الاقتصادية والتنموية، منها رؤى"
                " الهيئة الوطنية للحياة الفطرية، والمؤسسة العامة لصوامع الغلال ومطاحن الدقيق"
                " وتوجهاتهما.",
                False,
            ),
            (
                "2015-08-11:354:2",
                "aljazirah",
                "وقد اطلع المجلس خلال الاجتماع على عدد من الموضوعات الاقتصادية والتنموية ومنها"
                " توجهات ورؤى الهيئة الوطنية للحياة الفطرية والمؤسسة العامة لصوامع الغلال ومطاحن"
                " الدقيق،",
                False,
            ),
        ],
        [
            ("2015-08-11:354:2", "2015-08-11:806:2", 95.0, False),
            ("2015-08-11:354:2", "2015-08-11:791:0", 63.0, False),
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(OUTLET_KEEPS))
def test_one_outlet_telling_one_claim_in_two_articles_stays_one_claim(case: str) -> None:
    rows, pairs = OUTLET_KEEPS[case]
    claims = cluster_claims(statements(rows), alignments(pairs))
    assert claims["claim_id"].n_unique() == 1
    assert claims["claim_outlets"].to_list() == [2, 2, 2]


def reference_linkage(
    members: list[int],
    edges: dict[tuple[int, int], float],
    group: list[object],
    threshold: float,
    article: list[object] | None = None,
    allowed: set[tuple[int, int]] | None = None,
) -> list[list[int]]:
    """Average linkage as first written (every mean queued, groups as Counters): the
    reference the faster :func:`_average_linkage` must agree with, merge for merge."""
    import heapq
    from collections import Counter, defaultdict

    constrained = article is not None and allowed is not None
    by_article = {m: {article[m]: [m]} for m in members} if constrained else {}  # type: ignore[index]

    def compatible(x: int, y: int) -> bool:
        if not constrained:
            return True
        for a, mx in by_article[x].items():
            for p in mx:
                for q in by_article[y].get(a, ()):
                    if (min(p, q), max(p, q)) not in allowed:  # type: ignore[operator]
                        return False
        return True

    clusters = {m: [m] for m in members}
    groups = {m: Counter([group[m]]) for m in members}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    inside: dict[int, dict[int, float]] = defaultdict(dict)
    for (x, y), s in edges.items():
        sums[x][y] = sums[y][x] = s
        if group[x] == group[y]:
            inside[x][y] = inside[y][x] = 1.0
    version = dict.fromkeys(members, 0)

    def average(x: int, y: int) -> float:
        same = sum(n * groups[y].get(g, 0) for g, n in groups[x].items())
        n = len(clusters[x]) * len(clusters[y]) - same + inside[x].get(y, 0.0)
        return sums[x].get(y, 0.0) / n if n > 0 else 0.0

    heap: list[tuple[float, int, int, int, int]] = []

    def push(x: int, y: int) -> None:
        a, b = min(x, y), max(x, y)
        heapq.heappush(heap, (-average(a, b), a, b, version[a], version[b]))

    for x in members:
        for y in list(sums[x]):
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
        for z in list(sums[x]):
            push(x, z)
    return list(clusters.values())


def as_sets(clusters: list[list[int]]) -> set[frozenset[int]]:
    return {frozenset(c) for c in clusters}


def components_of(st: pl.DataFrame, al: pl.DataFrame, threshold: float = 55.0):
    """Per connected component of the kept pairs: members, edges, as cluster_claims has them."""
    import numpy as np

    from narratives.align.cluster import _component_edges, _members, graph_components

    index = {s: k for k, s in enumerate(st["statement_id"].to_list())}
    kept = al.filter((pl.col("score") >= threshold) | pl.col("linked"))
    a = np.array([index[s] for s in kept["statement_id_a"]], dtype=np.int64)
    b = np.array([index[s] for s in kept["statement_id_b"]], dtype=np.int64)
    score = np.where(kept["linked"].to_numpy(), threshold, kept["score"].to_numpy())
    edges = _component_edges(a, b, score, graph_components(a, b, st.height))[0]
    return _members(graph_components(a, b, st.height), edges), edges


@pytest.fixture(scope="module")
def cover_day() -> tuple[pl.DataFrame, pl.DataFrame]:
    """306 statements of the stories of 2015-07-31 (SaudiNewsNet) and their alignments."""
    from pathlib import Path

    rows = pl.read_ndjson(Path(__file__).parent / "data" / "talking_points_cover_2015-07-31.jsonl")
    st = rows.with_columns(
        pl.col("published").str.to_date(),
        article_id=pl.col("statement_id").str.replace(r":\d+$", ""),
    )
    return st, align(st)


@pytest.mark.parametrize("threshold", [55.0, 70.0, 40.0])
def test_linkage_of_real_components_merges_as_the_plain_algorithm(cover_day, threshold) -> None:
    from narratives.align.cluster import _average_linkage

    st, al = cover_day
    members, edges = components_of(st, al)
    assert any(len(m) > 2 for m in members.values()) and any(len(m) == 2 for m in members.values())
    articles = st["article_id"].to_list()
    group: list[object] = articles
    for label, rows in members.items():
        fast = _average_linkage(rows, edges[label], group, threshold)
        assert as_sets(fast) == as_sets(reference_linkage(rows, edges[label], group, threshold))
        # constrained: only the pairs of one article whose rows are both even may join
        allowed = {(p, q) for p in rows for q in rows if p < q and p % 2 == 0 and q % 2 == 0}
        fast = _average_linkage(rows, edges[label], group, threshold, articles, allowed)
        slow = reference_linkage(rows, edges[label], group, threshold, articles, allowed)
        assert as_sets(fast) == as_sets(slow)


@pytest.mark.parametrize("seed", range(20))
def test_linkage_with_tied_scores_merges_as_the_plain_algorithm(seed: int) -> None:
    import random

    from narratives.align.cluster import _average_linkage

    rnd = random.Random(seed)
    n = rnd.randint(2, 40)
    group: list[object] = [rnd.randint(0, 4) for _ in range(n)]
    # few distinct scores: many ties, broken by the rows' order; some below the threshold
    edges = {
        (x, y): float(rnd.choice([40, 55, 55, 60, 70, 100]))
        for x in range(n)
        for y in range(x + 1, n)
        if rnd.random() < 0.3
    }
    rows = list(range(n))
    assert as_sets(_average_linkage(rows, edges, group, 55.0)) == as_sets(
        reference_linkage(rows, edges, group, 55.0)
    )


def test_claims_frame_names_sizes_and_representatives() -> None:
    import numpy as np

    from narratives.align.cluster import _claims_frame

    st = pl.DataFrame(
        {
            "statement_id": ["b:1", "a:0", "c:2", "d:0"],
            "article_id": ["b", "a", "c", "d"],
            "outlet": ["x", None, "x", "y"],
            "text": ["طويل جدا", "قصير", None, "وحده"],
        }
    )
    # claim 0: three statements, two of equal strength: the shorter text is shown
    out = _claims_frame(st, np.array([0, 0, 0, 1]), np.array([2.0, 2.0, 1.0, 0.0]))
    assert out.rows() == [
        ("claim:a:0", "b:1", "b", "x", 3, 1, "قصير"),
        ("claim:a:0", "a:0", "a", None, 3, 1, "قصير"),
        ("claim:a:0", "c:2", "c", "x", 3, 1, "قصير"),
        ("claim:d:0", "d:0", "d", "y", 1, 1, "وحده"),
    ]


def test_claims_from_the_columns_the_report_sends_equal_claims_from_every_column(
    seeds_dir,
) -> None:
    # narratives report / compare send cluster_claims only CLAIM_COLUMNS and
    # LINK_COLUMNS (report._inputs): the claims must not depend on any other column
    import narratives as n
    from narratives.report._inputs import CLAIM_COLUMNS, LINK_COLUMNS

    st = n.extract_statements(n.read_corpus(seeds_dir))
    al = n.align(st, threshold=30.0)
    assert al.height
    whole = n.cluster_claims(st, al, threshold=30.0)
    narrow = n.cluster_claims(
        st.select(c for c in CLAIM_COLUMNS if c in st.columns),
        al.select(c for c in LINK_COLUMNS if c in al.columns),
        threshold=30.0,
    )
    assert narrow.equals(whole)


@pytest.mark.parametrize("threshold", [55.0, 40.0])
def test_components_clustered_on_forked_workers_give_the_claims_of_one_process(
    cover_day, threshold, monkeypatch
) -> None:
    # the components' linkage (and the second one, with the pairs of one article that
    # are no repeat forbidden) in parts on two forked workers, the largest parts first
    from narratives.align import cluster

    st, al = cover_day
    one = cluster_claims(st, al, threshold=threshold, processes=1)
    calls: list[int] = []
    real = cluster.fork_map

    def counted(func, items, **kwargs):
        calls.append(len(items))
        return real(func, items, **kwargs)

    monkeypatch.setattr(cluster, "PARALLEL_EDGES", 1)
    monkeypatch.setattr(cluster, "fork_map", counted)
    two = cluster_claims(st, al, threshold=threshold, processes=2)
    assert calls and calls[0] > 2  # the components went to the workers in parts
    assert two.equals(one)
    assert one["claim_size"].max() > 2


# --- one template told of two facts (session 28) ---------------------------------------

# SaudiNewsNet 2015-08-06: two market reports of one day in one template, the risers of
# one (82) and of the other (12); 3alyoum printed both, so alignment notes the figures
# (``note:figures``) instead of a contradiction. Scores and conflicts as ``align`` gave
# them on the day (2015-07-26 + 08-06 slice).
RISERS = [
    ("2015-08-06:45:3", "3alyoum", "وشهدت تداولات اليوم ارتفاع أسهم 82 شركة في قيمتها،", False),
    ("2015-08-06:122:2", "3alyoum", "وشهدت تداولات اليوم ارتفاع أسهم 12 شركة في قيمتها،", False),
    ("2015-08-06:277:3", "aawsat", "وشهدت تداولات اليوم ارتفاع أسهم 82 شركة في قيمتها،", False),
    (
        "2015-08-06:682:2",
        "aleqtisadiya",
        "وشهدت تداولات اليوم ارتفاع أسهم 12 شركة في قيمتها،",
        False,
    ),
]
RISER_PAIRS = [
    ("2015-08-06:122:2", "2015-08-06:682:2", 100.0, False, None),
    ("2015-08-06:277:3", "2015-08-06:45:3", 100.0, False, None),
    ("2015-08-06:122:2", "2015-08-06:277:3", 61.11, False, "note:figures"),
    ("2015-08-06:277:3", "2015-08-06:682:2", 61.11, False, "note:figures"),
    ("2015-08-06:45:3", "2015-08-06:682:2", 61.11, False, "note:figures"),
]

# SaudiNewsNet 2015-07-26: one expropriation told by four outlets; alwatan writes the
# compensation in words («مليونان و804 آلاف»), the others in digits, so the figures
# check noted a conflict that is none: one claim, not one template of two facts.
EXPROPRIATION = [
    (
        "2015-07-26:355:7",
        "aljazirah",
        "الموافقة على بدء إجراءات نزع ملكية (عقار واحد) لصالح قناة السيول بوادي الكراع بمحافظة"
        " جدة، إضافة إلى الموافقة على نزع ملكية وصرف تعويض (عقار واحد) لصالح شارع خالد بن"
        " الوليد وشارع عبدالله بن خميس بحي الروضة بمدينة جدة بمبلغ تعويض قدره (2,804.130 ريال).",
        False,
    ),
    (
        "2015-07-26:714:7",
        "alriyadh",
        "الموافقة على بدء إجراءات نزع ملكية (عقار واحد) لصالح قناة السيول بوادي الكراع بمحافظة"
        " جدة، إضافة إلى الموافقة على نزع ملكية وصرف تعويض (عقار واحد) لصالح شارع خالد بن"
        " الوليد وشارع عبدالله بن خميس بحي الروضة بمدينة جدة بمبلغ تعويض قدره (2,804,130"
        " ريالا).",
        False,
    ),
    (
        "2015-07-26:931:9",
        "alwatan",
        "وفي جدة، تمت الموافقة على بدء إجراءات نزع ملكية (عقار واحد) لمصلحة قناة السيول بوادي"
        " الكراع بمحافظة جدة، إضافة إلى نزع ملكية وصرف تعويض عقار واحد لمصلحة شارع خالد بن"
        " الوليد وشارع عبدالله بن خميس بحي الروضة بمدينة جدة بمبلغ تعويض قدره مليونان و804"
        " آلاف.",
        False,
    ),
]
EXPROPRIATION_PAIRS = [
    ("2015-07-26:355:7", "2015-07-26:714:7", 100.0, False, None),
    ("2015-07-26:355:7", "2015-07-26:931:9", 60.42, False, "note:figures"),
    ("2015-07-26:714:7", "2015-07-26:931:9", 60.42, False, "note:figures"),
]


def noted(rows: list[tuple[str, str, float, bool, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "statement_id_a": pl.String,
            "statement_id_b": pl.String,
            "score": pl.Float64,
            "linked": pl.Boolean,
            "conflict": pl.String,
        },
        orient="row",
    )


def test_one_template_with_other_figures_is_two_claims() -> None:
    st, al = statements(RISERS), noted(RISER_PAIRS)
    before = claim_of(cluster_claims(st, al, apart=()))
    assert len(set(before.values())) == 1  # every mean reached the threshold
    claims = claim_of(cluster_claims(st, al))
    assert claims["2015-08-06:45:3"] == claims["2015-08-06:277:3"]
    assert claims["2015-08-06:122:2"] == claims["2015-08-06:682:2"]
    assert claims["2015-08-06:45:3"] != claims["2015-08-06:122:2"]


def test_a_figure_written_in_words_keeps_its_claim() -> None:
    st, al = statements(EXPROPRIATION), noted(EXPROPRIATION_PAIRS)
    assert len(set(claim_of(cluster_claims(st, al)).values())) == 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (RISERS[0][2], RISERS[1][2], True),
        (RISERS[0][2], RISERS[2][2], False),  # the same figures
        (EXPROPRIATION[1][2], EXPROPRIATION[2][2], False),  # a figure in words
        # two days' trading ranges: one template, other figures
        (
            "وقد تراوحت الانخفاضات والارتفاعات في تداولات اليوم ما بين 9.96% إلى 0.46% ,",
            "وقد تراوحت الانخفاضات والارتفاعات في تداولات اليوم ما بين 9.61? إلى 1.39?.",
            True,
        ),
        # another unit (tons / kilograms) with a scale word: not compared
        (
            '"الغذاء والدواء" تمنع دخول أكثر من 1.5 ألف طن من الأغذية المخالفة خلال شهرين',
            "“الغذاء والدواء” تمنع دخول أكثر من 1.5 مليون كيلو غرام من الأغذية المخالفة خلال شهرين",
            False,
        ),
    ],
)
def test_one_template_reads_figures_in_the_same_places(a: str, b: str, expected: bool) -> None:
    from narratives.align.cluster import one_template

    assert one_template(a, b) is expected
    assert one_template(b, a) is expected


# SaudiNewsNet 2015-07-27 + 2015-08-02 (six days apart), as ``align`` scored them on that
# slice: ``(statement_id, outlet, published, text)``; pairs ``(a, b, score, linked)``.
DAYS_APART: dict[
    str, tuple[list[tuple[str, str, str, str]], list[tuple[str, str, float, bool]]]
] = {
    # the most active shares of two days' market reports: one template, other companies
    "market list": (
        [
            (
                "2015-07-27:952:7",
                "alwatan",
                "2015-07-27",
                "فيما جاءت أسهم شركات الإنماء وسابك ودار وكيان السعودية وزين السعودية ودار"
                " الأركان وجاكو الزراعية على قائمة أكثر الأسهم نشاطا بالكمية.",
            ),
            (
                "2015-08-02:250:6",
                "aleqtisadiya",
                "2015-08-02",
                "فيما جاءت أسهم شركات الإنماء ودار الأركان ,وإعمار وزين السعودية ,وكيان وسابك"
                " على قائمة أكثر الأسهم نشاطا بالكمية .",
            ),
            (
                "2015-08-02:36:6",
                "3alyoum",
                "2015-08-02",
                "فيما جاءت أسهم شركات الإنماء ودار الأركان ,وإعمار وزين السعودية ,وكيان وسابك"
                " على قائمة أكثر الأسهم نشاطا بالكمية.",
            ),
        ],
        [
            ("2015-08-02:250:6", "2015-08-02:36:6", 100.0, False),
            ("2015-07-27:952:7", "2015-08-02:250:6", 84.42, False),
            ("2015-07-27:952:7", "2015-08-02:36:6", 84.42, False),
        ],
    ),
    # a closing formula and a wish of another article
    "formula": (
        [
            ("2015-07-27:272:29", "aleqtisadiya", "2015-07-27", "والله ولي التوفيق."),
            ("2015-08-02:522:2", "aljazirah", "2015-08-02", "ودعا المنيف للجميع بالتوفيق."),
        ],
        [("2015-07-27:272:29", "2015-08-02:522:2", 79.93, False)],
    ),
    # a car bomb in Diyarbakir (2 killed, 4 wounded) linked to the Dogubayazit attack
    # (2 killed, 31 wounded) a week later
    "another day's event": (
        [
            (
                "2015-07-27:95:8",
                "aawsat",
                "2015-07-27",
                "لكن الجيش التركي أعلن مقتل جنديين وإصابة 4 بجروح.",
            ),
            (
                "2015-08-02:941:7",
                "alyaum",
                "2015-08-02",
                'واكد الجيش ان جنديين قتلا واصيب 31 آخرون "بينهم اربعة في حالة حرجة".',
            ),
        ],
        [("2015-07-27:95:8", "2015-08-02:941:7", 51.74, True)],
    ),
}

# Abu Dhabi Islamic Bank's report on Dubai, run by alyaum and alriyadh on 27 July and by
# aawsat on 2 August: one claim (alriyadh prints the second half of the sentence)
DUBAI_REPORT = (
    [
        (
            "2015-07-27:1177:4",
            "alyaum",
            "2015-07-27",
            "ومن المتوقع أن تدخل السوق 2.5 مليون قدم مربعة إضافية من المساحات المكتبية بحلول"
            " نهاية عام 2015، علماً أن عدداً قليلاً من المطورين/ المستثمرين يقفون وراء معظم"
            " المعروض الجديد.",
        ),
        (
            "2015-07-27:797:8",
            "alriyadh",
            "2015-07-27",
            "علماً أن عدداً قليلاً من المطورين والمستثمرين يقفون وراء معظم المعروض الجديد.",
        ),
        (
            "2015-08-02:141:10",
            "aawsat",
            "2015-08-02",
            "وتوقع التقرير أن تدخل السوق 2.5 مليون قدم مربعة إضافية من المساحات المكتبية بحلول"
            " نهاية عام 2015، علما بأن عددا قليلا من المطورين والمستثمرين يقفون وراء معظم"
            " المعروض الجديد.",
        ),
    ],
    [
        ("2015-07-27:1177:4", "2015-08-02:141:10", 96.64, False),
        ("2015-07-27:1177:4", "2015-07-27:797:8", 80.23, False),
        ("2015-07-27:797:8", "2015-08-02:141:10", 79.58, False),
    ],
)


def dated(rows: list[tuple[str, str, str, str]], *, day: str | None = None) -> pl.DataFrame:
    """``(statement_id, outlet, published, text)``; ``day`` puts them all on one day."""
    import datetime as dt

    return pl.DataFrame(
        {
            "statement_id": [r[0] for r in rows],
            "article_id": [r[0].rsplit(":", 1)[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "published": [dt.date.fromisoformat(day or r[2]) for r in rows],
            "text": [r[3] for r in rows],
            "is_headline": [False] * len(rows),
        }
    )


def linked(rows: list[tuple[str, str, float, bool]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "statement_id_a": pl.String,
            "statement_id_b": pl.String,
            "score": pl.Float64,
            "linked": pl.Boolean,
        },
        orient="row",
    )


@pytest.mark.parametrize("case", sorted(DAYS_APART))
def test_a_template_or_a_fragment_of_two_days_is_two_claims(case: str) -> None:
    rows, pairs = DAYS_APART[case]
    st, al = dated(rows), linked(pairs)
    # before (session 28): one claim across the six days
    assert len(set(claim_of(cluster_claims(st, al, day_gap=None)).values())) == 1
    claims = claim_of(cluster_claims(st, al))
    for a in rows:
        for b in rows:
            # each day's statements keep their claim, the days are apart
            assert (claims[a[0]] == claims[b[0]]) is (a[2] == b[2])


@pytest.mark.parametrize("case", sorted(DAYS_APART))
def test_the_same_pairs_on_one_day_keep_their_claim(case: str) -> None:
    rows, pairs = DAYS_APART[case]
    al = linked(pairs)
    for st in (dated(rows, day="2015-07-27"), dated(rows, day="2015-07-27").drop("published")):
        assert claim_of(cluster_claims(st, al)) == claim_of(cluster_claims(st, al, day_gap=None))
    # two days apart is one story told late: not split
    st = dated([(r[0], r[1], "2015-07-29" if r[2] > "2015-07-27" else r[2], r[3]) for r in rows])
    assert len(set(claim_of(cluster_claims(st, al)).values())) == 1


def test_a_report_run_again_days_later_stays_one_claim() -> None:
    rows, pairs = DUBAI_REPORT
    claims = claim_of(cluster_claims(dated(rows), linked(pairs)))
    # aawsat's copy six days later is near-verbatim: the whole claim stays, alriyadh's
    # half sentence of the first day with it
    assert len(set(claims.values())) == 1


def test_a_statement_without_a_date_goes_with_the_days_it_aligns_with() -> None:
    rows, pairs = DUBAI_REPORT
    st = dated(rows).with_columns(
        pl.when(pl.col("outlet") == "alriyadh")
        .then(None)
        .otherwise(pl.col("published"))
        .alias("published")
    )
    assert len(set(claim_of(cluster_claims(st, linked(pairs))).values())) == 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # background run again, word for word
        ("وبدأت المعارك في حلب في صيف 2012،", "بدأت المعارك في حلب في صيف 2012،", True),
        (DUBAI_REPORT[0][0][3], DUBAI_REPORT[0][2][3], True),
        # a formula of five words
        ("إنا لله وإنا إليه راجعون».", "(إنا لله وإنا إليه راجعون).", False),
        # one template, other companies (84 with each other)
        (DAYS_APART["market list"][0][0][3], DAYS_APART["market list"][0][1][3], False),
        # two days' trading ranges: one template, other figures
        (
            "وقد تراوحت الانخفاضات والارتفاعات في تداولات اليوم ما بين 9.96% إلى 0.46% ,",
            "وقد تراوحت الانخفاضات والارتفاعات في تداولات اليوم ما بين 9.61% إلى 1.39% ,",
            False,
        ),
    ],
)
def test_joins_days_asks_a_long_near_verbatim_copy(a: str, b: str, expected: bool) -> None:
    from narratives.align.cluster import joins_days

    assert joins_days(a, b) is expected
    assert joins_days(b, a) is expected
