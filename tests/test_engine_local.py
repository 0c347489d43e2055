"""The local engine's forked workers give the rows of one in-process run."""

from __future__ import annotations

import importlib
import os
import warnings
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

import narratives
from narratives.align import _tfidf, aligner
from narratives.align.candidates import block_pairs
from narratives.compare._common import same_claim_pairs
from narratives.engine import local
from tests.conftest import SAUDINEWSNET

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

# the module (``narratives.compare.substitutions`` is also the name of a function)
substitutions = importlib.import_module("narratives.compare.substitutions")

DAY = SAUDINEWSNET / "2015-08-09.zip"


@pytest.fixture(scope="module")
def day() -> tuple[pl.DataFrame, pl.DataFrame]:
    """400 articles of a SaudiNewsNet day: a few thousand statements of several outlets."""
    if not DAY.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the day's known ingest notes (duplicates)
        articles = narratives.read_corpus(DAY).sort("article_id").head(400)
        return articles, narratives.extract_statements(articles)


def test_fork_map_keeps_the_order_of_the_items():
    big = np.arange(1_000_000)  # inherited by the workers, not pickled
    got = local.fork_map(lambda s: int(big[s].sum()), local.chunks(len(big), 7), processes=2)
    assert got == [int(big[s].sum()) for s in local.chunks(len(big), 7)]
    assert sum(got) == int(big.sum())


@pytest.mark.parametrize(("cap", "expected"), [("1", 1), ("64", None), ("0", None), ("two", None)])
def test_the_cores_variable_caps_the_usable_cores(monkeypatch, cap, expected):
    monkeypatch.delenv(local.CORES_VARIABLE, raising=False)
    cores = local.usable_cores()
    monkeypatch.setenv(local.CORES_VARIABLE, cap)
    # a cap above the cores, or no whole number of 1 or more, leaves them as they are
    assert local.usable_cores() == (cores if expected is None else expected)


def test_maps_under_a_cap_of_one_core_run_in_this_process(monkeypatch):
    monkeypatch.setenv(local.CORES_VARIABLE, "1")
    here = os.getpid()
    assert local.fork_map(lambda k: os.getpid(), [1, 2, 3]) == [here] * 3
    assert local.in_parts(lambda s: [os.getpid()] * (s.stop - s.start), 4) == [here] * 4


def test_chunks_cover_the_range_once():
    parts = local.chunks(103, 4)
    assert [p.stop - p.start for p in parts] == [26, 26, 26, 25]
    assert local.chunks(10, 4, least=6) == [slice(0, 10)]
    assert local.chunks(0, 4) == [slice(0, 0)]


def test_a_polars_call_in_a_worker_falls_back_to_this_process(monkeypatch):
    # polars' thread pool is not copied into a forked child: the call would wait for
    # ever; the map notices the idle workers and finishes in this process
    monkeypatch.setattr(local, "STALL_SECONDS", 2)
    pl.DataFrame({"x": [1]}).filter(pl.col("x") > 0)  # the parent's pool is running

    def count(k: int) -> int:
        return pl.DataFrame({"x": list(range(k))}).filter(pl.col("x") > 0).height

    with pytest.warns(RuntimeWarning, match="stopped working"):
        got = local.fork_map(count, [3, 4, 5], processes=2)
    assert got == [2, 3, 4]


def test_a_worker_that_dies_leaves_its_items_to_this_process():
    # a worker killed mid-item (the kernel's out-of-memory killer, say) held no lock
    # the others need: its item runs here, with a warning, and nothing is lost
    parent = os.getpid()

    def square_or_die(k: int) -> int:
        if k == 2 and os.getpid() != parent:
            os._exit(1)
        return k * k

    with pytest.warns(RuntimeWarning, match="ended early"):
        got = local.fork_map(square_or_die, list(range(6)), processes=2)
    assert got == [0, 1, 4, 9, 16, 25]


def test_an_error_in_a_worker_is_raised_here():
    def fail_on_three(k: int) -> int:
        if k == 3:
            raise ValueError(f"item {k}")
        return k

    with pytest.raises(ValueError, match="item 3"):
        local.fork_map(fail_on_three, list(range(5)), processes=2)


def _pid(frame: pl.DataFrame) -> int:
    """The process that got ``frame`` (a module-level function: a spawned child imports it)."""
    return os.getpid()


def test_isolated_runs_large_tables_in_a_child_and_small_ones_here():
    small, large = pl.DataFrame({"x": [1, 2]}), pl.DataFrame({"x": [1, 2, 3]})
    assert local.isolated(_pid, min_rows=3)(small) == os.getpid()
    assert local.isolated(_pid, min_rows=3)(large) != os.getpid()


def test_isolated_releases_after_a_small_table_run_here(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(local, "release_memory", lambda: calls.append(1) or 0)
    small = pl.DataFrame({"x": [1, 2]})
    assert local.isolated(_pid, min_rows=3, release=True)(small) == os.getpid()
    assert calls == [1]
    assert local.isolated(_pid, min_rows=3)(small) == os.getpid()
    assert calls == [1]  # without release: nothing more


def test_statements_cut_in_a_child_equal_this_process(day):
    # `narratives compare` and `report` from STATEMENTS_CHILD_MIN articles: statements and
    # entity mentions gathered in a child (with its own workers), the same rows here
    from functools import partial

    from narratives.statements.extract import statements_and_mentions

    articles, _ = day
    articles = articles.head(120)
    here = statements_and_mentions(articles)
    there = local.isolated(
        partial(statements_and_mentions, n_process=1), min_rows=1, release=True
    )(articles)
    assert here[0].height > 500 and here[1].height > 50
    assert_frame_equal(here[0], there[0])
    assert_frame_equal(here[1], there[1])


def test_in_child_gives_its_warnings_and_errors_here():
    with pytest.warns(UserWarning, match="said in the child"):
        local.in_child(warnings.warn, "said in the child", UserWarning)
    with pytest.raises(ValueError, match="invalid literal"):
        local.in_child(int, "not a number")
    # a call that does not pickle (a lambda) runs in this process
    assert local.in_child(lambda: os.getpid()) == os.getpid()


def test_alignment_and_claims_in_a_child_equal_this_process(day):
    # what `narratives compare` and `report` run on a large corpus: the same tables, the
    # features' memory left in the child
    _, statements = day
    here = aligner.align(statements)
    there = local.isolated(aligner.align, min_rows=1)(statements)
    assert here.height > 0
    assert_frame_equal(here, there)
    claims = narratives.cluster_claims(statements, here)
    assert_frame_equal(
        claims, local.isolated(narratives.cluster_claims, min_rows=1)(statements, here)
    )


def test_alignment_in_worker_processes_equals_one_process(day, monkeypatch):
    _, statements = day
    one = aligner.align(statements, processes=1)
    monkeypatch.setattr(aligner, "PARALLEL_PAIRS", 8)  # more parts than the pairs need
    monkeypatch.setattr(aligner, "PARALLEL_FIGURES", 8)  # the figures read in parts too
    two = aligner.align(statements, processes=2)
    assert one.height > 0
    assert_frame_equal(one, two)


def test_differences_in_worker_processes_equal_one_process(day, monkeypatch):
    _, statements = day
    alignments = aligner.align(statements, processes=1)
    claims = narratives.cluster_claims(statements, alignments)
    pairs = same_claim_pairs(alignments, claims)
    monkeypatch.setattr(local, "usable_cores", lambda: 1)
    monkeypatch.setattr(substitutions, "usable_cores", lambda: 1)
    one = substitutions.aligned_differences(statements, pairs)
    monkeypatch.setattr(substitutions, "usable_cores", lambda: 2)
    monkeypatch.setattr(local, "usable_cores", lambda: 2)
    monkeypatch.setattr(substitutions, "PARALLEL_PAIRS", 2)
    two = substitutions.aligned_differences(statements, pairs)
    assert one.height > 0
    assert_frame_equal(one, two)


def test_containment_weights_share_the_counts_columns(day):
    _, statements = day
    counts = _tfidf.char_counts([t.split() for t in statements["text"].to_list()])
    idf = np.linspace(1, 5, counts.shape[1]).astype(np.float32)
    weighted = _tfidf.containment_matrix(counts, idf)
    assert np.shares_memory(weighted.indices, counts.indices)  # no second copy of the columns
    # each held feature weighs the square root of its IDF, as a binary copy scaled
    expected = counts.astype(np.float32, copy=True)
    expected.data[:] = 1
    expected.data *= np.sqrt(idf)[expected.indices]
    assert np.array_equal(weighted.data, expected.data)
    assert np.array_equal(weighted.indptr, expected.indptr)


def test_containment_target_keeps_only_the_rows_with_a_speakers_words(day):
    # the larger side's speaker's words count as contained (see aligner._Prepared); only
    # the statements with such words get a row of their own, the others use theirs
    _, statements = day
    setup = aligner.prepare_alignment(statements)
    prep = setup.prep
    own = np.flatnonzero(prep.target_row >= 0)
    assert 0 < len(own) == prep.target.shape[0] < prep.contain.shape[0] // 2
    # the full target matrix, one row per statement, as it was built before
    full = prep.contain.tolil()
    full[own] = prep.target
    full = full.tocsr()
    i, j = aligner.candidate_pairs(setup)
    rng = np.random.default_rng(0)
    i = np.concatenate([i, rng.integers(0, len(prep.texts), 20_000)])
    j = np.concatenate([j, rng.integers(0, len(prep.texts), 20_000)])
    expected = _tfidf.containment(prep.contain, i, j, target=full, total=prep.contain_total)
    got = prep.containment(i, j)
    # the same figures (bit for bit where the larger side has no row of its own; the
    # order of a row's columns moves the last bits of a float32 sum)
    large = np.where(prep.contain_total[i] <= prep.contain_total[j], j, i)
    plain = prep.target_row[large] < 0
    assert plain.any() and (~plain).any()
    assert np.array_equal(got[plain], expected[plain])
    assert np.allclose(got, expected, rtol=1e-5, atol=1e-6)
    # and a speaker's words do make some pairs contained that were not on their own
    alone = _tfidf.containment(prep.contain, i, j, total=prep.contain_total)
    assert (got > alone + 0.01).any() and (got >= alone - 1e-6).all()


def test_statement_features_in_worker_processes_equal_one_process(day, monkeypatch):
    # the normalized texts (names joined, figures put right) made in forked workers, in
    # parts: the same features, in the same order, as one process makes them
    _, statements = day
    monkeypatch.setattr(aligner, "PARALLEL_TEXTS", 500)
    assert len(local.chunks(statements.height, 4, least=aligner.PARALLEL_TEXTS)) > 1
    one = aligner.prepare_alignment(statements, processes=1)
    two = aligner.prepare_alignment(statements, processes=2)
    assert one is not None and two is not None
    assert two.prep.full == one.prep.full
    assert any(f != t for f, t in zip(one.prep.full, one.prep.texts, strict=True))
    assert two.prep.tokens == one.prep.tokens
    assert (two.prep.words != one.prep.words).nnz == 0
    assert (two.prep.contain != one.prep.contain).nnz == 0


def test_candidates_in_worker_processes_equal_one_process(day):
    _, statements = day
    setup = aligner.prepare_alignment(statements)
    assert setup is not None
    options = {"article": setup.article, "outlet": setup.outlet, "day": setup.day}
    one = block_pairs(setup.prep.words, chunk_size=500, processes=1, **options)
    two = block_pairs(setup.prep.words, chunk_size=500, processes=2, **options)
    assert len(one[0]) > 1000
    for x, y in zip(one, two, strict=True):
        assert np.array_equal(x, y)


@pytest.mark.skipif(local._malloc_trim() is None, reason="glibc's malloc_trim only")
def test_release_memory_gives_back_the_pages_of_freed_texts():
    # a stage's garbage as the reading leaves it: many article texts, a few kept alive;
    # a collection alone gives none of it back (glibc keeps the freed chunks)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts and min(len(t) for t in texts) > 200
    copies = [f"{k} {texts[k % len(texts)]}" for k in range(20_000)]
    size = sum(len(t.encode("utf-8")) for t in copies)  # Arabic: 2 bytes a letter
    kept = copies[::50]
    del copies
    before = local._resident()
    given = local.release_memory()
    assert given > size // 2
    assert local._resident() < before - size // 2
    assert kept[1].startswith("50 ")  # what is still referenced is untouched


def test_releasing_returns_the_stage_result_and_releases(monkeypatch):
    calls = []
    monkeypatch.setattr(local, "release_memory", lambda: calls.append(1) or 0)
    assert local.releasing(divmod)(7, 2) == (3, 1)
    assert calls == [1]


def test_a_started_child_gives_its_result_warnings_and_errors_when_waited_for():
    wait = local.start_in_child(warnings.warn, "said in the child", UserWarning)
    with pytest.warns(UserWarning, match="said in the child"):
        assert wait() is None
    failing = local.start_in_child(int, "not a number")
    with pytest.raises(ValueError, match="invalid literal"):
        failing()
    large = pl.DataFrame({"x": [1, 2, 3]})
    assert local.started(_pid, min_rows=3)(large)() != os.getpid()
    assert local.started(_pid, min_rows=4)(large)() == os.getpid()


@pytest.mark.parametrize("stories_apart", [False, True])
def test_claims_and_stories_in_children_equal_one_after_the_other(
    day, monkeypatch, stories_apart
):
    # narratives compare / report on a large corpus: cluster_claims in a spawned child
    # and group_stories in another (or in this process, fewer articles) at the same time
    from narratives.report._inputs import claims_and_stories

    articles, statements = day
    alignments = aligner.align(statements)
    children: list[object] = []
    start = local.start_in_child

    def counted(func, *args, **kwargs):
        children.append(func)
        return start(func, *args, **kwargs)

    monkeypatch.setattr(local, "CHILD_MIN_ROWS", 1)
    monkeypatch.setattr(local, "STATEMENTS_CHILD_MIN", 1 if stories_apart else 10_000)
    monkeypatch.setattr(local, "start_in_child", counted)
    claims, stories = claims_and_stories(
        articles, statements, alignments, story_options={"window_days": 3}, threshold=50.0
    )
    # the claims went to a child, the stories to another from STATEMENTS_CHILD_MIN articles
    assert children == [narratives.cluster_claims] + (
        [narratives.group_stories] if stories_apart else []
    )
    assert_frame_equal(claims, narratives.cluster_claims(statements, alignments, threshold=50.0))
    assert_frame_equal(
        stories, narratives.group_stories(articles, statements, alignments, window_days=3)
    )
    assert claims["claim_size"].max() > 2 and stories["story_id"].n_unique() > 10
