"""The pipeline's stage functions on Apache Spark (optional extra ``narratives[spark]``).

This is the one module that imports pyspark (lazily: importing it needs no
Spark). Every stage here composes the **same functions** the local path
runs, so the tables are equal row for row:

- statements: :func:`narratives.extract_statements` on partitions of the
  articles (articles are independent);
- alignment: the global statistics (vocabulary, document frequencies, the
  background blend, embeddings) are computed once on the driver with
  :func:`narratives.align.aligner.prepare_alignment` and broadcast;
  candidate generation runs :func:`narratives.align.candidates.chunk_pairs`
  on chunks of rows on the executors (the blocking matrix broadcast), the
  pairs are merged with :func:`~narratives.align.candidates.merge_pairs`;
  pair scoring runs :func:`narratives.align.aligner.score_pairs` on
  partitions of the candidate pairs (each pair is scored on its own);
  competitive linking compares a pair with the other pairs of its two
  articles and runs on the driver
  (:func:`~narratives.align.aligner.finish_alignments`);
- claims (connected components and average linkage), stories and the
  comparison tables run on the driver, with the local functions.

Frames travel between driver and executors as Arrow IPC bytes through the
RDD API (``mapPartitions``): ``DataFrame.mapInArrow`` would need pandas
(pyspark's ``sql`` extra), which this path does not. Reading runs on the
driver (duplicate articles are detected across files).

Examples
--------
>>> from narratives.engine import spark  # doctest: +SKIP
>>> tables = spark.run(["data/seeds"], master="local[2]")  # doctest: +SKIP
>>> sorted(tables)[:3]  # doctest: +SKIP
['alignments', 'article_coverage', 'articles']
"""

from __future__ import annotations

import inspect
import io
import math
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

EXTRA_HINT = "the Spark engine needs the optional extra: pip install 'narratives[spark]'"
DEFAULT_MASTER = "local[*]"
# Spark's own default driver heap (1 GB) leaves hash aggregations of one SaudiNewsNet
# day too little execution memory on a loaded machine (UNABLE_TO_ACQUIRE_MEMORY);
# local masters start with this heap unless the caller's conf names another.
LOCAL_DRIVER_MEMORY = "3g"


def _pyspark() -> Any:
    try:
        import pyspark.sql
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(EXTRA_HINT) from err
    return pyspark.sql


def session(
    master: str = DEFAULT_MASTER,
    *,
    app_name: str = "narratives",
    conf: Mapping[str, str] | None = None,
) -> Any:
    """A SparkSession (the active one if there is one) whose Python workers run this Python.

    ``PYSPARK_PYTHON`` is set to this interpreter unless it is set already
    (on a cluster, set it to the executors' Python that has narratives).
    A ``local`` master gets a driver heap of ``LOCAL_DRIVER_MEMORY`` unless
    ``conf`` sets ``spark.driver.memory``.
    """
    sql = _pyspark()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    active = sql.SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = (
        sql.SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
    )
    settings = dict(conf or {})
    if master.startswith("local"):
        settings.setdefault("spark.driver.memory", LOCAL_DRIVER_MEMORY)
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _context(spark: Any | None, master: str) -> Any:
    return (spark if spark is not None else session(master)).sparkContext


def _dump(frame: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.write_ipc(buf)
    return buf.getvalue()


def _load(data: bytes) -> pl.DataFrame:
    return pl.read_ipc(io.BytesIO(data))


def _partitions(sc: Any, partitions: int | None, n: int) -> int:
    k = partitions or 2 * sc.defaultParallelism
    return max(1, min(k, n))


# --- statements ------------------------------------------------------------


def _statements_partition(
    parts: Iterator[bytes], options: Mapping[str, Any], mentions: bool = False
) -> Iterator[tuple[bytes, dict[str, list[str]], list[dict[str, Any]]]]:
    from narratives.statements.extract import statements_of_chunk

    for data in parts:
        frame, problems, ments = statements_of_chunk(_load(data), mentions=mentions, **options)
        yield _dump(frame), problems, ments


def _statements(
    articles: pl.DataFrame,
    spark: Any | None,
    master: str,
    partitions: int | None,
    options: Mapping[str, Any],
    mentions: bool,
) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """Statements (conformed) and mention rows of ``articles``, cut on the executors."""
    from narratives.schemas import STATEMENTS, conform
    from narratives.statements.extract import warn_problems

    sc = _context(spark, master)
    k = _partitions(sc, partitions, articles.height)
    size = math.ceil(articles.height / k)
    slices = [_dump(articles.slice(s, size)) for s in range(0, articles.height, size)]
    out = (
        sc.parallelize(slices, len(slices))
        .mapPartitions(partial(_statements_partition, options=options, mentions=mentions))
        .collect()
    )
    problems: dict[str, list[str]] = {}
    ments: list[dict[str, Any]] = []
    for _, part, part_mentions in out:
        for what, ids in part.items():
            problems.setdefault(what, []).extend(ids)
        ments.extend(part_mentions)
    warn_problems(problems, stacklevel=4)
    frame = pl.concat([_load(data) for data, _, _ in out], how="vertical_relaxed")
    return conform(frame, STATEMENTS), ments


def extract_statements(
    articles: pl.DataFrame,
    *,
    spark: Any | None = None,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    **options: Any,
) -> pl.DataFrame:
    """:func:`narratives.extract_statements` on partitions of ``articles`` (same rows, same order).

    ``options`` are those of :func:`narratives.extract_statements`
    (``progress`` and ``n_process`` are ignored: Spark parallelises). The
    problems met on the executors are warned about on the driver, as the
    local function does.
    """
    from narratives.statements import extract_statements as local

    options = {k: v for k, v in options.items() if k not in {"progress", "n_process"}}
    if articles.height == 0:
        return local(articles, **options)
    return _statements(articles, spark, master, partitions, options, mentions=False)[0]


def statements_and_mentions(
    articles: pl.DataFrame,
    *,
    spark: Any | None = None,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    **options: Any,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """:func:`narratives.statements.extract.statements_and_mentions` on partitions of ``articles``.

    The statements and the entity mentions in one pass on the executors (same
    rows as the local function; ``progress`` and ``n_process`` are ignored).
    """
    from narratives.statements.entities import mentions_frame
    from narratives.statements.extract import statements_and_mentions as local

    options = {k: v for k, v in options.items() if k not in {"progress", "n_process"}}
    if articles.height == 0:
        return local(articles, **options)
    statements, ments = _statements(articles, spark, master, partitions, options, mentions=True)
    return statements, mentions_frame(ments, statements)


# --- alignment -------------------------------------------------------------


def _chunk_partition(starts: Iterator[int], matrices: Any, options: Mapping[str, Any]) -> Any:
    from narratives.align.candidates import chunk_pairs

    blocking, transposed, article, outlet, day, size = matrices.value
    for start in starts:
        yield chunk_pairs(
            blocking,
            transposed,
            start,
            start + size,
            article=article,
            outlet=outlet,
            day=day,
            **options,
        )


def _score_partition(
    pairs: Iterator[tuple[np.ndarray, np.ndarray]], setup: Any, options: Mapping[str, Any]
) -> Iterator[Any]:
    from narratives.align.aligner import score_pairs

    for i, j in pairs:
        yield score_pairs(setup.value, i, j, **options)


def _table(columns: Mapping[str, np.ndarray]) -> Any:
    import pyarrow as pa

    return pa.table({name: pa.array(values) for name, values in columns.items()})


def join_pairs(
    blocking: Any,
    *,
    spark: Any,
    article: np.ndarray,
    outlet: np.ndarray | None = None,
    day: np.ndarray | None = None,
    top_k: int = 20,
    min_shared: float = 0.05,
    cross_outlet: bool = True,
    same_article: bool = False,
    date_window: int | None = None,
    bucket_days: int = 7,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(i, j)`` of ``block_pairs`` (narratives.align.candidates) as a Spark join.

    The rare-feature postings ``(feature, time bucket, row, weight)`` of the
    blocking matrix (:func:`~narratives.align.candidates.blocking_matrix`)
    are joined on ``(feature, bucket)``: each posting meets the postings of
    its feature in its own bucket on one side and, replicated, in every
    bucket it can pair with on the other (within ``date_window`` when it is
    set, every bucket of the feature otherwise; unknown dates pair with all).
    A feature common over the whole corpus is thus split into
    per-bucket groups instead of landing in one task. Shared weights are
    summed per pair, filtered as :func:`~narratives.align.candidates.chunk_pairs`
    filters them, and each row keeps its ``top_k`` partners (ties by partner):
    the same pairs as the local function.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from narratives.align.candidates import SHARED_DECIMALS

    if bucket_days < 1:
        raise ValueError(f"join_pairs: bucket_days must be at least 1, not {bucket_days}")
    coo = blocking.tocoo()
    row = coo.row.astype(np.int64)
    days = day[row] if day is not None else np.full(len(row), -1, dtype=np.int64)
    postings = spark.createDataFrame(
        _table(
            {
                "feature": coo.col.astype(np.int64),
                "bucket": np.where(days >= 0, days // bucket_days, -1),
                "row": row,
                "weight": coo.data.astype(np.float64),
                "article": article[row].astype(np.int64),
                "outlet": (outlet[row] if outlet is not None else np.full(len(row), -1)).astype(
                    np.int64
                ),
                "day": days.astype(np.int64),
            }
        )
    )
    # every bucket each feature occurs in, and which buckets a bucket pairs with
    buckets = postings.select("feature", F.col("bucket").alias("target")).distinct()
    right = postings.select(
        "feature",
        F.col("bucket").alias("source"),
        F.col("row").alias("c"),
        F.col("weight").alias("wc"),
        F.col("article").alias("ac"),
        F.col("outlet").alias("oc"),
        F.col("day").alias("dc"),
    ).join(buckets, "feature")
    if date_window is not None:
        reach = -(-date_window // bucket_days)  # buckets a window can span
        right = right.where(
            (F.col("source") < 0)
            | (F.col("target") < 0)
            | (F.abs(F.col("source") - F.col("target")) <= reach)
        )
    right = right.withColumnRenamed("target", "bucket").drop("source")
    left = postings.select(
        "feature",
        "bucket",
        F.col("row").alias("r"),
        F.col("weight").alias("wr"),
        F.col("article").alias("ar"),
        F.col("outlet").alias("orr"),
        F.col("day").alias("dr"),
    )
    pairs = left.join(right, ["feature", "bucket"]).where(F.col("r") != F.col("c"))
    if not same_article:
        pairs = pairs.where(F.col("ar") != F.col("ac"))
    if cross_outlet and outlet is not None:
        pairs = pairs.where((F.col("orr") != F.col("oc")) | (F.col("orr") < 0))
    if date_window is not None:
        pairs = pairs.where(
            (F.col("dr") < 0)
            | (F.col("dc") < 0)
            | (F.abs(F.col("dr") - F.col("dc")) <= date_window)
        )
    shared = (
        pairs.groupBy("r", "c")
        .agg(F.round(F.sum(F.col("wr") * F.col("wc")), SHARED_DECIMALS).alias("shared"))
        .where(F.col("shared") >= min_shared)
    )
    rank = Window.partitionBy("r").orderBy(F.col("shared").desc(), F.col("c"))
    best = shared.withColumn("rank", F.row_number().over(rank)).where(F.col("rank") <= top_k)
    table = (
        best.select(F.least("r", "c").alias("i"), F.greatest("r", "c").alias("j"))
        .distinct()
        .toArrow()
    )
    i = table.column("i").to_numpy().astype(np.int64)
    j = table.column("j").to_numpy().astype(np.int64)
    order = np.lexsort((j, i))
    return i[order], j[order]


def _defaults(func: Any) -> dict[str, Any]:
    return {
        name: p.default
        for name, p in inspect.signature(func).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def align(
    statements: pl.DataFrame,
    *,
    spark: Any | None = None,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    candidates: str = "join",
    bucket_days: int = 7,
    **options: Any,
) -> pl.DataFrame:
    """:func:`narratives.align` with candidates and pair scoring on Spark (same rows).

    ``options`` are those of :func:`narratives.align`. Candidates
    (``blocking`` the default :func:`~narratives.align.candidates.block_pairs`):
    ``candidates="join"`` joins the rare-feature postings on
    ``(feature, time bucket)`` (:func:`join_pairs`, buckets of
    ``bucket_days`` days; what scales past one machine), ``"broadcast"``
    broadcasts the blocking matrix and runs
    :func:`~narratives.align.candidates.chunk_pairs` on chunks of rows. With
    another ``blocking``, candidates are generated on the driver.
    """
    from narratives.align import aligner
    from narratives.align.candidates import block_pairs, blocking_matrix, merge_pairs

    opts = _defaults(aligner.align)
    unknown = set(options) - set(opts)
    if unknown:
        raise TypeError(f"align: unknown options {sorted(unknown)}")
    opts.update(options)
    setup = aligner.prepare_alignment(
        statements,
        processor=opts["processor"],
        stopwords=opts["stopwords"],
        background=opts["background"],
        prior=opts["prior"],
        embeddings=opts["embeddings"],
        embedding_range=opts["embedding_range"],
        weights=opts["weights"],
    )
    if setup is None:
        return aligner.empty_alignments()
    sc = _context(spark, master)
    n = statements.height
    candidates_options = {
        "cross_outlet": opts["cross_outlet"],
        "same_article": opts["same_article"],
        "date_window": opts["date_window"],
    }
    if candidates not in {"join", "broadcast"}:
        raise ValueError(f"align: candidates must be 'join' or 'broadcast', not {candidates!r}")
    if opts["blocking"] is block_pairs and candidates == "join":
        block = _defaults(block_pairs)
        matrix, _ = blocking_matrix(setup.prep.words, max_df=block["max_df"])
        i, j = join_pairs(
            matrix,
            spark=spark if spark is not None else session(master),
            article=setup.article,
            outlet=setup.outlet,
            day=setup.day,
            top_k=block["top_k"],
            min_shared=block["min_shared"],
            bucket_days=bucket_days,
            **candidates_options,
        )
        del matrix
    elif opts["blocking"] is block_pairs:
        block = _defaults(block_pairs)
        matrix, transposed = blocking_matrix(setup.prep.words, max_df=block["max_df"])
        k = _partitions(sc, partitions, n)
        size = min(block["chunk_size"], math.ceil(n / k))
        shared = sc.broadcast((matrix, transposed, setup.article, setup.outlet, setup.day, size))
        starts = list(range(0, n, size))
        chunk_options = {
            "top_k": block["top_k"],
            "min_shared": block["min_shared"],
            **candidates_options,
        }
        parts = (
            sc.parallelize(starts, min(k, len(starts)))
            .mapPartitions(partial(_chunk_partition, matrices=shared, options=chunk_options))
            .collect()
        )
        shared.unpersist()
        i, j, _ = merge_pairs(parts, n)
    else:
        i, j = aligner.candidate_pairs(setup, blocking=opts["blocking"], **candidates_options)
    if len(i) == 0:
        return aligner.empty_alignments()
    threshold, link_threshold = opts["threshold"], opts["link_threshold"]
    lowest = aligner.lowest_score(threshold, link_threshold, opts["support_threshold"])
    top_threshold = opts["top_threshold"] if link_threshold is not None else None
    # executors need the features and the two columns the scorers read, not every column
    worker_setup = setup._replace(
        ids=[],
        column={c: v for c, v in setup.column.items() if c in aligner.SCORER_COLUMNS},
    )
    shared = sc.broadcast(worker_setup)
    k = _partitions(sc, partitions, len(i))
    chunks = list(zip(np.array_split(i, k), np.array_split(j, k), strict=True))
    score_options = {
        "scorer": opts["scorer"],
        "lowest": lowest,
        "min_tokens": opts["min_tokens"],
        "speaker_penalty": opts["speaker_penalty"],
        "number_penalty": opts["number_penalty"],
        "top_threshold": top_threshold,
    }
    scored = (
        sc.parallelize(chunks, k)
        .mapPartitions(partial(_score_partition, setup=shared, options=score_options))
        .collect()
    )
    shared.unpersist()
    i = np.concatenate([s[0] for s in scored])
    j = np.concatenate([s[1] for s in scored])
    score = np.concatenate([s[3] for s in scored])
    comp = {name: np.concatenate([s[2][name] for s in scored]) for name in scored[0][2]}
    return aligner.finish_alignments(
        setup,
        i,
        j,
        comp,
        score,
        threshold=threshold,
        link_threshold=link_threshold,
        support_threshold=opts["support_threshold"],
        top_threshold=top_threshold,
        lone_margin=opts["lone_margin"],
        copy_threshold=opts["copy_threshold"],
        relations=opts["relations"],
    )


# --- claims: connected components ------------------------------------------

#: edges up to which connected components run on the driver (scipy); past it,
#: large-star/small-star rounds on the executors
MAX_DRIVER_EDGES = 50_000_000


def _large_star(edges: Any) -> Any:
    """Each node links its larger neighbours to the smallest node of its neighbourhood."""

    def star(item: tuple[int, Any]) -> list[tuple[int, int]]:
        u, around = item
        around = set(around)
        m = min(around | {u})
        return [(v, m) for v in around if v > u]

    return edges.flatMap(lambda e: ((e[0], e[1]), (e[1], e[0]))).groupByKey().flatMap(star)


def _small_star(edges: Any) -> Any:
    """Each node links itself and its smaller neighbours to the smallest of them."""

    def star(item: tuple[int, Any]) -> list[tuple[int, int]]:
        u, around = item
        around = set(around) | {u}
        m = min(around)
        return [(v, m) for v in around if v != m]

    return edges.map(lambda e: (max(e), min(e))).groupByKey().flatMap(star)


def star_components(
    a: np.ndarray,
    b: np.ndarray,
    n: int,
    *,
    spark: Any,
    partitions: int | None = None,
    checkpoint_every: int = 3,
    max_rounds: int = 100,
) -> np.ndarray:
    """Connected components by large-star/small-star rounds on Spark (Kiveris et al., 2014).

    Alternates large-star and small-star until the edge set stops changing:
    every node then points at the smallest node of its component. The edge
    RDD is checkpointed every ``checkpoint_every`` rounds (the lineage of
    many rounds would otherwise grow without bound; a checkpoint directory is
    made in the temporary folder when the context has none). Returns the
    labels of :func:`narratives.align.cluster.graph_components` (``0, 1, ...``
    in order of each component's smallest node).
    """
    sc = spark.sparkContext
    if sc.getCheckpointDir() is None:
        import tempfile

        sc.setCheckpointDir(tempfile.mkdtemp(prefix="narratives-checkpoints-"))
    k = _partitions(sc, partitions, max(len(a), 1))
    pairs = [(int(x), int(y)) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x != y]
    edges = sc.parallelize(pairs, k).map(lambda e: (max(e), min(e))).distinct().cache()
    for step in range(max_rounds):
        nxt = _small_star(_large_star(edges).distinct()).distinct()
        if (step + 1) % checkpoint_every == 0:
            nxt.checkpoint()
        nxt = nxt.cache()
        changed = not nxt.subtract(edges).isEmpty() or not edges.subtract(nxt).isEmpty()
        edges.unpersist()
        edges = nxt
        if not changed:
            break
    else:  # pragma: no cover - a graph of n nodes converges in O(log n) rounds
        raise RuntimeError(f"star_components: no convergence in {max_rounds} rounds")
    root = np.arange(n, dtype=np.int64)
    for v, m in edges.collect():
        root[v] = m
    edges.unpersist()
    # roots are the smallest node of each component: number them in that order
    _, labels = np.unique(root, return_inverse=True)
    return labels.astype(np.int64)


def components(
    a: np.ndarray,
    b: np.ndarray,
    n: int,
    *,
    spark: Any,
    max_driver_edges: int = MAX_DRIVER_EDGES,
    partitions: int | None = None,
) -> np.ndarray:
    """Connected components: on the driver when the edges fit, else :func:`star_components`."""
    from narratives.align.cluster import graph_components

    if len(a) <= max_driver_edges:
        return graph_components(a, b, n)
    return star_components(a, b, n, spark=spark, partitions=partitions)


def cluster_claims(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    *,
    spark: Any | None = None,
    master: str = DEFAULT_MASTER,
    max_driver_edges: int = MAX_DRIVER_EDGES,
    **options: Any,
) -> pl.DataFrame:
    """:func:`narratives.cluster_claims` with Spark connected components past ``max_driver_edges``.

    The claims are clustered per component on the driver, as locally; only
    the components come from large-star/small-star rounds when the alignment
    graph has more than ``max_driver_edges`` edges (same labels, same table).
    """
    from narratives.align.cluster import cluster_claims as local

    session_ = spark if spark is not None else session(master)
    return local(
        statements,
        alignments,
        components=partial(components, spark=session_, max_driver_edges=max_driver_edges),
        **options,
    )


# --- the whole pipeline ----------------------------------------------------


def run(
    paths: str | Path | Sequence[str | Path],
    *,
    master: str = DEFAULT_MASTER,
    spark: Any | None = None,
    read_options: Mapping[str, Any] | None = None,
    threshold: float | None = None,
    date_window: int | None = None,
    compare_options: Mapping[str, Any] | None = None,
) -> dict[str, pl.DataFrame]:
    """Every table of a corpus, with statements and alignment on Spark.

    The corpus is read on the driver (:func:`narratives.read_corpus` with
    ``read_options``), then :func:`narratives.report.analyse` runs with
    ``engine="spark"``: the same stages, options and tables as
    ``narratives report`` / ``narratives compare`` (``articles``,
    ``statements``, ``alignments``, ``claims``, ``entity_mentions`` and the
    tables of :func:`narratives.compare`).
    """
    from narratives.io import read_corpus
    from narratives.report import analyse

    spark = spark if spark is not None else session(master)
    articles = read_corpus(paths, **dict(read_options or {}))
    return analyse(
        {"articles": articles},
        threshold=threshold,
        date_window=date_window,
        compare_options=compare_options,
        engine="spark",
        master=master,
    )
