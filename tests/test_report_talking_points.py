"""The talking-points section of the report: findings apart from leads."""

from __future__ import annotations

import polars as pl

from narratives.report import _sections
from narratives.report._evidence import Evidence
from narratives.report._render import Builder
from tests.test_stories import _RUNS, _extracted_frames


def test_only_high_talking_points_are_shown_as_findings() -> None:
    from narratives.stories import talking_points

    # SaudiNewsNet 2015-08-01/02 excerpt: high ones (Kerry's «... تقديم الدعم والتدريب»
    # carried twice) and medium ones (one speaker's several claims of one event)
    st, claims, stories = _extracted_frames(_RUNS)
    tp = talking_points(st, claims, stories)
    level = dict(zip(tp["talking_point_id"], tp["confidence"], strict=False))
    assert {"high", "medium"} <= set(level.values())
    b = Builder(Evidence(None, st), outlets=["o"], rows=500)
    _title, body = _sections.talking_points({"talking_points": tp}, b)
    findings, _, leads = body.partition("Not sure: talking points to check")
    assert leads, "medium talking points have their own table"
    for tp_id, conf in level.items():
        cell = f">{tp_id}<"
        assert (cell in findings) == (conf == "high"), (tp_id, conf)
        assert (cell in leads) == (conf != "high"), (tp_id, conf)


def test_a_table_of_medium_talking_points_only_says_there_is_no_finding() -> None:
    from narratives.stories import talking_points

    st, claims, stories = _extracted_frames(_RUNS)
    tp = talking_points(st, claims, stories).filter(pl.col("confidence") != "high")
    b = Builder(Evidence(None, st), outlets=["o"], rows=500)
    _, body = _sections.talking_points({"talking_points": tp}, b)
    assert "No talking point of high confidence." in body
    assert "Not sure: talking points to check" in body
