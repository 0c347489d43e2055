"""Tables computed in a second process (``compare._worker``) equal those of one process."""

from __future__ import annotations

import importlib
import warnings

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import narratives
from narratives.compare import _worker
from tests.conftest import SAUDINEWSNET

# the module (``narratives.compare`` is also the name of a function)
compare_module = importlib.import_module("narratives.compare")

DAY = SAUDINEWSNET / "2015-08-09.zip"
#: this module as the second process imports it (from the root of the repository)
HERE = "tests.test_compare_worker"


@pytest.fixture(scope="module")
def day() -> dict[str, pl.DataFrame]:
    """300 articles of a SaudiNewsNet day, cut, aligned and clustered."""
    if not DAY.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the day's known ingest notes (duplicates)
        articles = narratives.read_corpus(DAY).sort("article_id").head(300)
    statements = narratives.extract_statements(articles)
    alignments = narratives.align(statements, processes=1)
    claims = narratives.cluster_claims(statements, alignments)
    return {
        "articles": articles,
        "statements": statements,
        "alignments": alignments,
        "claims": claims,
    }


def _compare(day: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return compare_module.compare(
        day["articles"], day["statements"], day["alignments"], day["claims"], n_boot=50
    )


def test_tables_of_the_second_process_equal_one_process(day, monkeypatch):
    monkeypatch.setattr(compare_module, "BESIDE_MIN_STATEMENTS", 10**12)
    one = _compare(day)
    started = []
    start = _worker.start

    def spy(*args, **kwargs):
        started.append(kwargs.get("separate"))
        return start(*args, **kwargs)

    monkeypatch.setattr(compare_module, "BESIDE_MIN_STATEMENTS", 0)
    monkeypatch.setattr(compare_module, "usable_cores", lambda: 2)
    monkeypatch.setattr(_worker, "start", spy)
    two = _compare(day)
    assert started == [True]  # the second process ran
    assert list(one) == list(two)  # the same tables, in the same order
    for name in one:
        assert_frame_equal(one[name], two[name], check_exact=True)
    # the second process's tables are not empty on a day of news
    assert two["emphasis"].height == day["statements"].height
    assert two["labels"].height > 0 and two["headlines"].height > 0


def _warns(*, text: str) -> dict[str, pl.DataFrame]:
    warnings.warn(f"read {text} twice", UserWarning, stacklevel=1)
    return {"text": pl.DataFrame({"text": [text]})}


def _fails(*, text: str) -> dict[str, pl.DataFrame]:
    raise ValueError(f"no statements in {text}")


def test_a_warning_in_the_second_process_is_issued_here():
    pending = _worker.start(f"{HERE}._warns", {}, {"text": "لافروف"})
    with pytest.warns(UserWarning, match="read لافروف twice"):
        got = pending.result()
    assert got["text"]["text"].to_list() == ["لافروف"]


def test_an_error_in_the_second_process_is_raised_here():
    pending = _worker.start(f"{HERE}._fails", {}, {"text": "sana"})
    with pytest.raises(_worker.WorkerError, match="ValueError: no statements in sana"):
        pending.result()


def test_a_second_process_that_dies_leaves_the_work_to_this_process(monkeypatch):
    frame = pl.DataFrame({"a": [1, 2]})
    monkeypatch.setattr(_worker, "_RUN", "import sys; sys.exit(3)")
    pending = _worker.start(f"{HERE}._with_frame", {"frame": frame}, {})
    with pytest.warns(RuntimeWarning, match="ended with status 3"):
        got = pending.result()
    assert_frame_equal(got["frame"], frame)


def _with_frame(*, frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    return {"frame": frame}


def _cores() -> dict[str, pl.DataFrame]:
    from narratives.engine.local import usable_cores

    return {"cores": pl.DataFrame({"n": [usable_cores()]})}


def test_the_second_process_forks_no_workers_when_given_one_core(monkeypatch):
    # compare gives its second process one core (BESIDE_CORES): the omissions fork their
    # workers meanwhile, and the second process's own workers were the tree's peak
    monkeypatch.delenv("NARRATIVES_CORES", raising=False)
    from narratives.engine.local import usable_cores

    assert compare_module.BESIDE_CORES == 1
    assert _worker.start(f"{HERE}._cores", {}, {}, cores=1).result()["cores"]["n"][0] == 1
    assert _worker.start(f"{HERE}._cores", {}, {}).result()["cores"]["n"][0] == usable_cores()
