"""The talking-points section of the report: findings apart from leads."""

from __future__ import annotations

import polars as pl

from narratives.report import _sections
from narratives.report._evidence import Evidence
from narratives.report._render import Builder
from tests.test_stories import _RUNS, _extracted_frames


def test_only_high_talking_points_are_shown_as_findings() -> None:
    from narratives.stories import talking_points

    # SaudiNewsNet 2015-08-01/02 excerpt: low ones (one speaker's several claims of one
    # event; Kerry's «... تقديم الدعم والتدريب» carried twice on one day); the first point is
    # made high here, as a point told on two days would be: the report's layout is tested
    st, claims, stories = _extracted_frames(_RUNS)
    tp = talking_points(st, claims, stories)
    first = tp["talking_point_id"].min()
    tp = tp.with_columns(
        confidence=pl.when(pl.col("talking_point_id") == first)
        .then(pl.lit("high"))
        .otherwise(pl.col("confidence"))
    )
    level = dict(zip(tp["talking_point_id"], tp["confidence"], strict=False))
    assert {"high", "low"} <= set(level.values())
    b = Builder(Evidence(None, st), outlets=["o"], rows=500)
    _title, body = _sections.talking_points({"talking_points": tp}, b)
    findings, _, leads = body.partition("Not sure: talking points to check")
    assert leads, "medium and low talking points have their own table"
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


def test_a_talking_point_of_one_day_is_marked_as_perhaps_one_event() -> None:
    # SaudiNewsNet 2015-07-25: the UN mission's concern over the clashes in southern Libya,
    # carried by aawsat and okaz, whose articles fell into two stories: one statement of one
    # day, not a position repeated at two events
    tp = pl.DataFrame(
        {
            "talking_point_id": ["tp1", "tp1", "tp2", "tp2"],
            "statement_id": ["a:1", "b:1", "c:1", "d:1"],
            "label": ["أعربت بعثة الأمم المتحدة للدعم في ليبيا عن قلقها"] * 2
            + ["لا يوجد شك على الإطلاق في أنه إذا طبقت خطة فيينا"] * 2,
            "n_stories": [2, 2, 2, 2],
            "n_outlets": [2, 2, 2, 2],
            "outlets": [["aawsat", "okaz"]] * 2 + [["aawsat", "alweeam"]] * 2,
            "confidence": ["high"] * 4,
            "speaker": ["unsmil", "unsmil", "kerry", "kerry"],
        }
    )
    day = pl.Date
    st = pl.DataFrame(
        {
            "statement_id": ["a:1", "b:1", "c:1", "d:1"],
            "article_id": ["a", "b", "c", "d"],
            "outlet": ["aawsat", "okaz", "aawsat", "alweeam"],
            "text": ["..."] * 4,
            "published": pl.Series(
                ["2015-07-25", "2015-07-25", "2015-08-02", "2015-08-03"], dtype=pl.String
            ).str.to_date(),
        },
        schema_overrides={"published": day},
    )
    b = Builder(Evidence(None, st), outlets=["aawsat", "okaz", "alweeam"], rows=50)
    _, body = _sections.talking_points({"talking_points": tp, "statements": st}, b)
    assert "1 of the 2 found all their statements on one day" in body
    assert body.count("one day: perhaps one event") == 1
