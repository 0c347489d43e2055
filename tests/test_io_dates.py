"""Dates: Arabic month series, date lines, page-header dates, missing years."""

from __future__ import annotations

import datetime as dt

import pytest

from narratives.io import clean_article, infer_date, parse_date_value
from narratives.io.dates import find_dates, parse_date_line


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("13 ابريل 2017 10:48", dt.date(2017, 4, 13)),
        ("13 أبريل 2017", dt.date(2017, 4, 13)),
        ("13 إبريل 2017", dt.date(2017, 4, 13)),
        ("13 نيسان 2017", dt.date(2017, 4, 13)),
        ("الأربعاء 27 أبريل/نيسان 2016", dt.date(2016, 4, 27)),
        ("1 كانون الثاني 2015", dt.date(2015, 1, 1)),
        ("30 تشرين الأول 2015", dt.date(2015, 10, 30)),
        ("٥ آب ٢٠١٥", dt.date(2015, 8, 5)),
        ("22 يوليو 2015", dt.date(2015, 7, 22)),
        ("الخميس، 6 أغسطس 2015", dt.date(2015, 8, 6)),
        ("نشر في: 12 أيار 2016", dt.date(2016, 5, 12)),
        ("2015-07-21", dt.date(2015, 7, 21)),
        ("21/07/2015", dt.date(2015, 7, 21)),
    ],
)
def test_date_lines(line: str, date: dt.date) -> None:
    assert parse_date_line(line) == date


@pytest.mark.parametrize(
    "line",
    ["الأربعاء 27 أبريل/نيسان", "قال الوزير في 13 ابريل 2017 إن", "31 شباط 2015", "44"],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_find_dates_in_running_text() -> None:
    found = find_dates("وقال في 13 ابريل 2017 ثم في الأربعاء 27 أبريل/نيسان")
    assert [d for _, d in found] == [dt.date(2017, 4, 13), None]


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2015-07-21 02:51:32", dt.date(2015, 7, 21)),
        ("2017-04-12T10:48:00+03:00", dt.date(2017, 4, 12)),
        ("12/04/2017", dt.date(2017, 4, 12)),
        ("13 ابريل 2017", dt.date(2017, 4, 13)),
        (dt.datetime(2016, 4, 27, 9, 0), dt.date(2016, 4, 27)),
        ("", None),
        ("غير معروف", None),
    ],
)
def test_metadata_date_values(value: object, date: dt.date | None) -> None:
    assert parse_date_value(value) == date


def test_page_header_date_is_never_the_article_date() -> None:
    raw = "الأربعاء 24 ابريل 2024 أبوظبي\nمواقيت الصلاة\nعنوان الخبر هنا\nقال الوزير إن الاتفاق تم."
    date, method, evidence = infer_date(raw, clean_article(raw).spans)
    assert (date, method) == (None, "unknown")
    assert "page-header date" in evidence and "24 ابريل 2024" in evidence


def test_weekday_without_year_lists_fitting_years() -> None:
    raw = "عنوان\nوقال لافروف في كلمة ألقاها الأربعاء 27 أبريل/نيسان، إن روسيا مستعدة."
    date, method, evidence = infer_date(raw, clean_article(raw).spans)
    assert (date, method) == (None, "unknown")
    assert "الأربعاء 27 أبريل/نيسان" in evidence
    assert "2005, 2011, 2016, 2022" in evidence


def test_dated_lede_with_matching_weekday() -> None:
    raw = "عنوان\nقال الوزير الأربعاء 27 أبريل 2016 إن روسيا مستعدة."
    date, method, evidence = infer_date(raw, clean_article(raw).spans)
    assert (date, method) == (dt.date(2016, 4, 27), "inferred")
    assert evidence.startswith("date in the lede: الأربعاء 27 أبريل 2016")


def test_dateline_with_date() -> None:
    raw = "دمشق 13 نيسان 2016 - سانا\nقال الوزير إن الاتفاق تم."
    spans = clean_article(raw).spans
    assert spans[0]["role"] in ("dateline", "date")
    assert infer_date(raw, spans)[0] == dt.date(2016, 4, 13)


def test_no_date_at_all() -> None:
    raw = "قال الوزير إن الاتفاق تم."
    assert infer_date(raw, clean_article(raw).spans) == (
        None,
        "unknown",
        "no date line, dated dateline or dated lede in the text",
    )


def test_no_lede_date_has_a_weekday_where_no_weekday_name_is_written() -> None:
    # infer_date reads the lede's dates only in spans that hold a weekday's name:
    # a date counts there only after one
    from narratives.io._text import fold
    from narratives.io.dates import _textual_dates, load_months
    from tests.conftest import SAUDINEWSNET

    day = SAUDINEWSNET / "2015-08-06.zip"
    if not day.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    import warnings

    import narratives

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the day's records without text
        arts = narratives.read_corpus(day).head(600)
    patterns = load_months()
    with_weekday = 0
    for raw, spans in arts.select("raw_text", "spans").iter_rows():
        for span in [s for s in spans if s["role"] == "body"][:2]:
            folded = fold(raw[span["start"] : span["end"]])
            named = any(name in folded for name in patterns.weekdays)
            found = [g for _, _, g in _textual_dates(folded, patterns) if g.get("weekday")]
            assert named or not found, folded[:80]
            with_weekday += bool(found)
    assert with_weekday > 0  # the day has ledes dated after a weekday
