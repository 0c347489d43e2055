"""The Spark engine gives the local path's tables, row for row (marker ``spark``).

Runs on Spark ``local[2]`` on the seeds and on one SaudiNewsNet day (1,276
articles; skipped when the corpus is absent). Skipped cleanly when pyspark
(the ``narratives[spark]`` extra) is not importable.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tests.conftest import SAUDINEWSNET

pytestmark = pytest.mark.spark

DAY = SAUDINEWSNET / "2015-08-09.zip"


@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark", reason="needs the spark extra: pip install 'narratives[spark]'")
    from narratives.engine import spark as engine

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # JVM start-up chatter is not ours
        session = engine.session("local[2]", conf={"spark.sql.shuffle.partitions": "8"})
    yield session
    session.stop()


def _both(spark: Any, paths: list[Path]) -> tuple[dict[str, Any], dict[str, Any], list, list]:
    """Every table of ``paths`` with the local engine and with Spark, and their warnings."""
    import narratives as nv
    from narratives.engine import spark as engine
    from narratives.report import analyse

    with warnings.catch_warnings(record=True) as local_warnings:
        warnings.simplefilter("always")
        local = analyse({"articles": nv.read_corpus(paths)})
    with warnings.catch_warnings(record=True) as spark_warnings:
        warnings.simplefilter("always")
        distributed = engine.run(paths, spark=spark)
    return local, distributed, local_warnings, spark_warnings


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows in one order: by every plain column, floats last (their last bits may differ)."""
    plain = [c for c, t in frame.schema.items() if not t.is_nested()]
    sortable = [c for c in plain if not frame.schema[c].is_float()] + [
        c for c in plain if frame.schema[c].is_float()
    ]
    return frame.sort(sortable, nulls_last=True) if sortable else frame


def _assert_same_tables(local: dict[str, Any], distributed: dict[str, Any]) -> None:
    assert sorted(local) == sorted(distributed)
    for name, frame in local.items():
        other = distributed[name]
        assert other.height == frame.height, name
        assert other.schema == frame.schema, name
        try:
            # floats to 1e-6: group_stories itself differs by up to 2e-7 between two
            # local runs in one process (core_similarity); every other value is exact
            assert_frame_equal(_sorted(frame), _sorted(other), rel_tol=1e-6, abs_tol=1e-6)
        except AssertionError as err:
            raise AssertionError(f"table {name!r} differs: {err}") from err


@pytest.fixture(scope="module")
def seeds_run(spark: Any, seeds_dir: Path) -> tuple[dict[str, Any], dict[str, Any], list, list]:
    return _both(spark, [seeds_dir])


@pytest.fixture(scope="module")
def day_run(spark: Any) -> tuple[dict[str, Any], dict[str, Any], list, list]:
    if not DAY.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    return _both(spark, [DAY])


def test_seeds_tables_equal_local(seeds_run: tuple) -> None:
    local, distributed, _, _ = seeds_run
    assert local["statements"].height > 100
    _assert_same_tables(local, distributed)


def test_day_tables_equal_local(day_run: tuple) -> None:
    local, distributed, _, _ = day_run
    # the sample exercises every stage: thousands of statements and aligned pairs
    assert local["statements"].height > 10_000
    assert local["alignments"].height > 1_000
    assert local["claims"]["claim_id"].n_unique() < local["statements"].height
    _assert_same_tables(local, distributed)


def test_day_warnings_reach_the_driver(day_run: tuple) -> None:
    """Warnings of the executors (e.g. articles without text) are raised again on the driver."""
    _, _, local_warnings, spark_warnings = day_run
    local = sorted(str(w.message) for w in local_warnings if "narratives" in w.filename)
    remote = sorted(str(w.message) for w in spark_warnings if "narratives" in w.filename)
    assert local == remote


def test_align_options_pass_through(spark: Any, seeds_run: tuple) -> None:
    from narratives.align import align
    from narratives.engine import spark as engine

    statements = seeds_run[0]["statements"]
    local = align(statements, threshold=30, link_threshold=None)
    distributed = engine.align(statements, spark=spark, threshold=30, link_threshold=None)
    assert local.height > 0
    assert_frame_equal(local, distributed)
    with pytest.raises(TypeError, match="unknown options"):
        engine.align(statements, spark=spark, treshold=30)


def _graph(seed: int) -> tuple[Any, Any, int]:
    """A graph with long chains (several star rounds), stars, a cycle and isolated nodes."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 300
    order = rng.permutation(n)  # chains over shuffled node numbers converge slowly
    a = [order[k] for k in range(0, 120)]
    b = [order[k + 1] for k in range(0, 120)]  # one chain of 121 nodes
    a += [order[200]] * 20
    b += [order[k] for k in range(201, 221)]  # a star
    a += [order[230], order[231], order[232]]
    b += [order[231], order[232], order[230]]  # a triangle
    extra = rng.integers(240, 280, size=(15, 2))  # random small components
    a += extra[:, 0].tolist()
    b += extra[:, 1].tolist()
    return np.array(a, dtype=np.int64), np.array(b, dtype=np.int64), n


@pytest.mark.parametrize("seed", [0, 1])
def test_star_components_equal_the_driver_components(spark: Any, seed: int) -> None:
    from narratives.align.cluster import graph_components
    from narratives.engine import spark as engine

    a, b, n = _graph(seed)
    expected = graph_components(a, b, n)
    # a checkpoint every round: the fallback's checkpoints are exercised too
    found = engine.star_components(a, b, n, spark=spark, checkpoint_every=1)
    assert found.tolist() == expected.tolist()
    assert len(set(expected.tolist())) < n - 100  # the chain is one component


def test_claims_with_star_components_equal_local(spark: Any, day_run: tuple) -> None:
    from narratives.engine import spark as engine

    local = day_run[0]
    forced = engine.cluster_claims(
        local["statements"], local["alignments"], spark=spark, max_driver_edges=0
    )
    assert local["claims"]["claim_id"].n_unique() < local["claims"].height
    assert_frame_equal(forced, local["claims"])


@pytest.mark.parametrize(("date_window", "bucket_days"), [(None, 2), (1, 1), (3, 2)])
def test_join_candidates_equal_local_blocking(
    spark: Any, day_run: tuple, date_window: int | None, bucket_days: int
) -> None:
    """Blocking as a join on (feature, time bucket) finds the local candidates.

    The day's first 4,000 statements, their articles spread over ten days
    (and some undated), so that features fall into many buckets.
    """
    import numpy as np

    from narratives.align.aligner import candidate_pairs, prepare_alignment
    from narratives.align.candidates import blocking_matrix
    from narratives.engine import spark as engine

    setup = prepare_alignment(day_run[0]["statements"].head(4000))
    assert setup is not None
    day = np.where(setup.article % 7 == 0, -1, 736000 + setup.article % 10)
    setup = setup._replace(day=day)
    i, j = candidate_pairs(setup, date_window=date_window)
    matrix, _ = blocking_matrix(setup.prep.words)
    ji, jj = engine.join_pairs(
        matrix,
        spark=spark,
        article=setup.article,
        outlet=setup.outlet,
        day=setup.day,
        date_window=date_window,
        bucket_days=bucket_days,
    )
    assert len(i) > 1000
    assert np.array_equal(ji, i) and np.array_equal(jj, j)
