"""HTML tables of comparison frames, escaped and right-to-left where Arabic (private)."""

from __future__ import annotations

import html
from collections.abc import Sequence

import polars as pl

from narratives.viz._text import clean, is_arabic, shorten


class Table:
    """An HTML table for notebooks and reports (``_repr_html_``).

    Every cell is cleaned (:func:`narratives.viz._text.clean`) and
    HTML-escaped, so markup in article text shows as text; cells holding
    Arabic get ``dir="rtl"``.
    """

    def __init__(
        self, frame: pl.DataFrame, *, caption: str | None = None, max_chars: int = 160
    ) -> None:
        self.frame = frame
        self.caption = caption
        self.max_chars = max_chars

    def _cell(self, value: object) -> str:
        if value is None:
            return '<td class="null"></td>'
        if isinstance(value, list):
            value = ", ".join("" if v is None else str(v) for v in value)
        elif isinstance(value, float):
            value = f"{value:.3g}"
        text = shorten(str(value), self.max_chars)
        direction = ' dir="rtl"' if is_arabic(text) else ""
        return f"<td{direction}>{html.escape(text)}</td>"

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(clean(c))}</th>" for c in self.frame.columns)
        body = "".join(
            "<tr>" + "".join(self._cell(v) for v in row) + "</tr>" for row in self.frame.iter_rows()
        )
        caption = f"<caption>{html.escape(clean(self.caption))}</caption>" if self.caption else ""
        return (
            f'<table class="narratives-table">{caption}'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def __repr__(self) -> str:
        return f"Table({self.frame.height} rows x {self.frame.width} columns)"


def table(
    frame: pl.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    max_rows: int = 20,
    caption: str | None = None,
    max_chars: int = 160,
) -> Table:
    """Show the first ``max_rows`` rows of ``frame`` as an escaped, RTL-aware HTML table.

    Parameters
    ----------
    frame
        Any table (e.g. one returned by :func:`narratives.compare`).
    columns
        Columns to show (default: all).
    max_rows
        Rows shown; the caption says how many were left out.
    caption
        Text above the table.
    max_chars
        Longer cells are cut between words.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> html = viz.table(pl.DataFrame({"text": ["<b>زعم</b>"]}))._repr_html_()
    >>> "&lt;b&gt;" in html and 'dir="rtl"' in html
    True
    """
    if columns is not None:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ValueError(f"table: no column {missing} in this table (it has {frame.columns})")
        frame = frame.select(list(columns))
    shown = frame
    note = (
        f"{min(max_rows, frame.height)} of {frame.height} rows" if frame.height > max_rows else ""
    )
    cap = " · ".join(x for x in (caption, note) if x) or None
    return Table(shown.head(max_rows), caption=cap, max_chars=max_chars)
