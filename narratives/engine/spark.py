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
    for key, value in (conf or {}).items():
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
    **options: Any,
) -> pl.DataFrame:
    """:func:`narratives.align` with candidates and pair scoring on Spark (same rows).

    ``options`` are those of :func:`narratives.align`. With a ``blocking``
    other than the default :func:`~narratives.align.candidates.block_pairs`,
    candidates are generated on the driver.
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
    candidates = {
        "cross_outlet": opts["cross_outlet"],
        "same_article": opts["same_article"],
        "date_window": opts["date_window"],
    }
    if opts["blocking"] is block_pairs:
        block = _defaults(block_pairs)
        matrix, transposed = blocking_matrix(setup.prep.words, max_df=block["max_df"])
        k = _partitions(sc, partitions, n)
        size = min(block["chunk_size"], math.ceil(n / k))
        shared = sc.broadcast((matrix, transposed, setup.article, setup.outlet, setup.day, size))
        starts = list(range(0, n, size))
        chunk_options = {"top_k": block["top_k"], "min_shared": block["min_shared"], **candidates}
        parts = (
            sc.parallelize(starts, min(k, len(starts)))
            .mapPartitions(partial(_chunk_partition, matrices=shared, options=chunk_options))
            .collect()
        )
        shared.unpersist()
        i, j, _ = merge_pairs(parts, n)
    else:
        i, j = aligner.candidate_pairs(setup, blocking=opts["blocking"], **candidates)
    if len(i) == 0:
        return aligner.empty_alignments()
    threshold, link_threshold = opts["threshold"], opts["link_threshold"]
    lowest = threshold if link_threshold is None else min(threshold, link_threshold)
    # executors need the features and the two columns the scorers read, not every column
    worker_setup = setup._replace(
        ids=[],
        column={c: v for c, v in setup.column.items() if c in {"entities", "speaker"}},
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
        relations=opts["relations"],
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
