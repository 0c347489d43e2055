"""Publication dates: parsed from metadata or inferred from date lines.

Arabic month names of both series (Levantine نيسان, Egyptian/Gulf أبريل)
and weekday names are data (``narratives/lexicons/months.yaml``). A date is
only taken as the publication date from a cue that can be named: a date
line of the article, a date in the dateline, or a full date in the lede.
A page-header date (the date a web page was viewed or crawled) is never
taken for the article's, and a date without a year leaves the year unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from narratives._resources import load_yaml
from narratives.io._text import fold
from narratives.normalize import normalize_with_offsets

SHIPPED = "months.yaml"
_TIME = r"(?:\s*[-,|]?\s*(?:الساعه\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:ص|م|am|pm))?)?"


@dataclass(frozen=True)
class DatePatterns:
    """Month/weekday names compiled into regexes (build with :func:`load_months`)."""

    months: Mapping[str, int]  # folded name -> month number
    weekdays: Mapping[str, int]  # folded name -> Python weekday (Monday = 0)
    textual: re.Pattern[str]  # day month[/month] [year] (starts at the digits: fast)
    weekday_before: re.Pattern[str]  # a weekday name right before a textual date
    numeric: re.Pattern[str]  # yyyy-mm-dd or dd/mm/yyyy
    date_line: re.Pattern[str]  # a whole line that is only a date (plus marker/time)


def _alternation(names: Sequence[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=8)
def load_months(path: str | Path = SHIPPED) -> DatePatterns:
    """Compile the month and weekday names of ``path`` (default: the shipped file)."""
    data: dict[str, Any] = load_yaml(path)
    months = {fold(str(k)): int(v) for k, v in data["months"].items()}
    weekdays = {fold(str(k)): int(v) for k, v in data["weekdays"].items()}
    markers = [fold(str(m)) for m in data.get("published_markers", [])]
    month = _alternation(list(months))
    weekday = _alternation(list(weekdays))
    weekday_prefix = rf"(?:(?P<weekday>{weekday})\s*[,،]?\s*)?"
    textual = (
        rf"(?P<day>\d{{1,2}})\s*(?:من\s+)?(?P<month>{month})(?:\s*/\s*(?P<month2>{month}))?"
        rf"(?:\s*[,،]?\s*(?:عام\s*|سنه\s*)?(?P<year>\d{{4}})(?!\d))?"
    )
    numeric = (
        r"(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
        r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4}))(?!\d)"
    )
    marker = rf"(?:(?:{_alternation(markers)})\s*(?:في)?\s*:?\s*)?" if markers else ""
    date_line = re.compile(
        rf"^{marker}(?:(?:{weekday_prefix}{textual})|(?:(?:(?P<weekday_n>{weekday})\s*[,،]?\s*)?{numeric}))"
        rf"{_TIME}\s*$",
        re.IGNORECASE,
    )
    return DatePatterns(
        months=months,
        weekdays=weekdays,
        textual=re.compile(rf"(?<!\d){textual}(?![^\W_])", re.IGNORECASE),
        weekday_before=re.compile(rf"(?<![^\W_])(?P<weekday>{weekday})\s*[,،]?\s*$"),
        numeric=re.compile(rf"(?<!\d){numeric}", re.IGNORECASE),
        date_line=date_line,
    )


def _textual_dates(folded: str, patterns: DatePatterns) -> Iterator[tuple[int, int, dict]]:
    """``(start, end, groups)`` of each textual date, with a weekday right before it."""
    for match in patterns.textual.finditer(folded):
        groups: dict[str, Any] = match.groupdict()
        start = match.start()
        before = patterns.weekday_before.search(folded, max(0, start - 16), start)
        if before is not None:
            groups["weekday"], start = before.group("weekday"), before.start()
        yield start, match.end(), groups


def _to_date(groups: Mapping[str, str | None], patterns: DatePatterns) -> dt.date | None:
    try:
        if groups.get("month"):
            if not groups.get("year"):
                return None
            month = patterns.months[groups["month"] or ""]
            return dt.date(int(groups["year"] or 0), month, int(groups["day"] or 0))
        if groups.get("y1"):
            return dt.date(int(groups["y1"] or 0), int(groups["m1"] or 0), int(groups["d1"] or 0))
        if groups.get("y2"):
            return dt.date(int(groups["y2"] or 0), int(groups["m2"] or 0), int(groups["d2"] or 0))
    except ValueError:
        return None
    return None


def parse_date_line(text: str, patterns: DatePatterns | None = None) -> dt.date | None:
    """The date of a line that holds only a date (and perhaps a weekday/time), else None.

    >>> parse_date_line("13 ابريل 2017 10:48")
    datetime.date(2017, 4, 13)
    >>> parse_date_line("الأربعاء 27 أبريل/نيسان") is None  # no year
    True
    """
    patterns = patterns or load_months()
    match = patterns.date_line.match(fold(text))
    return None if match is None else _to_date(match.groupdict(), patterns)


def find_dates(text: str, patterns: DatePatterns | None = None) -> list[tuple[str, dt.date | None]]:
    """Every date expression in ``text``: ``(as written, folded; date or None if no year)``."""
    patterns = patterns or load_months()
    folded = fold(text)
    found = [
        (folded[start:end], _to_date(groups, patterns))
        for start, end, groups in _textual_dates(folded, patterns)
    ]
    found += [
        (m.group(0), _to_date(m.groupdict(), patterns)) for m in patterns.numeric.finditer(folded)
    ]
    return found


def parse_date_value(value: Any) -> dt.date | None:
    """A metadata date (date, datetime, ISO string, ``dd/mm/yyyy``, Arabic text) or None.

    >>> parse_date_value("2015-07-21 02:51:32")
    datetime.date(2015, 7, 21)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = [d for _, d in find_dates(text) if d is not None]
    return found[0] if found else None


def _years_with(day: int, month: int, weekday: int, years: range) -> list[int]:
    out = []
    for year in years:
        try:
            if dt.date(year, month, day).weekday() == weekday:
                out.append(year)
        except ValueError:
            continue
    return out


def infer_date(
    raw_text: str,
    spans: Sequence[Mapping[str, Any]],
    *,
    patterns: DatePatterns | None = None,
    years: range = range(2000, 2031),
) -> tuple[dt.date | None, str, str]:
    """Infer the publication date of one article from its spans.

    Tried in order: a ``date`` span (a line holding only a date), a date
    inside a ``dateline`` span, a full date in the first body span. Dates in
    page furniture before the headline are page dates and never used; a
    weekday and day without a year leaves the date unknown, with the years
    (in ``years``) that fit listed as evidence.

    Returns
    -------
    (published, method, evidence)
        ``method`` is ``"inferred"`` or ``"unknown"`` (``published`` None).

    Examples
    --------
    >>> from narratives.io import clean_article
    >>> raw = "عنوان الخبر هنا\\n13 ابريل 2017 10:48\\nقال الوزير إن المحادثات مثمرة."
    >>> infer_date(raw, clean_article(raw).spans)
    (datetime.date(2017, 4, 13), 'inferred', 'date line: 13 ابريل 2017 10:48')
    """
    patterns = patterns or load_months()

    def piece(span: Mapping[str, Any]) -> str:
        return raw_text[span["start"] : span["end"]]

    page_dates = []
    for span in spans:
        if span["role"] == "headline" or span["role"] == "body":
            break
        if span["role"] == "boilerplate" and find_dates(piece(span), patterns):
            page_dates.append(piece(span))
    ignored = (
        f" (page-header date {page_dates[0]!r} ignored: it dates the page)" if page_dates else ""
    )

    for role, label in (("date", "date line"), ("dateline", "dateline")):
        for span in spans:
            if span["role"] != role:
                continue
            for _, date in find_dates(piece(span), patterns):
                if date is not None:
                    return date, "inferred", f"{label}: {piece(span)}{ignored}"

    body = [s for s in spans if s["role"] == "body"][:2]
    partial: list[str] = []
    for span in body:
        folded = fold(piece(span))
        if not any(name in folded for name in patterns.weekdays):
            continue  # only a date after a weekday name counts here (most spans have none)
        for start, end, groups in _textual_dates(folded, patterns):
            if not groups.get("weekday"):
                continue
            # only now map back to the text as written (rare, and slower)
            refolded, offsets = normalize_with_offsets(piece(span), "match")
            written = (
                piece(span)[offsets[start] : offsets[end - 1] + 1]
                if refolded == folded
                else folded[start:end]
            )
            weekday = patterns.weekdays[groups["weekday"] or ""]
            date = _to_date(groups, patterns)
            if date is not None and date.weekday() == weekday and span is body[0]:
                return date, "inferred", f"date in the lede: {written}{ignored}"
            if date is None:
                day, month = int(groups["day"] or 0), patterns.months[groups["month"] or ""]
                fits = _years_with(day, month, weekday, years)
                partial.append(
                    f"the body dates the event only as {written!r}, with no year; "
                    f"years {years.start}-{years.stop - 1} where that day falls on that weekday: "
                    f"{', '.join(map(str, fits)) or 'none'} (not guessed)"
                )
    if partial:
        return None, "unknown", partial[0] + ignored
    if page_dates:
        return (
            None,
            "unknown",
            f"only a page-header date {page_dates[0]!r}, which dates the page, not the article",
        )
    return None, "unknown", "no date line, dated dateline or dated lede in the text"
