"""Display-safe text for charts and tables (private).

Article text is untrusted: it may carry markup, ``<script>`` tags and bidi
control characters. Charts draw text with SVG/canvas text (never as HTML), and
every string shown goes through :func:`clean` first, which removes bidi
embeddings/overrides/isolates and other invisible format or control characters
(so a U+202E cannot reverse a label) and collapses white space. Markup stays
literal text: ``<script>`` is shown as the characters ``<script>``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

import polars as pl

if TYPE_CHECKING:
    import altair as alt

from narratives.normalize import normalize

ELLIPSIS = "…"
ChartT = TypeVar("ChartT", bound="alt.Chart")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def clean(text: str | None) -> str:
    """Return ``text`` safe to display: no control or bidi format characters."""
    if text is None:
        return ""
    text = _CONTROL.sub(" ", str(text))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return normalize(text, level="display")


def is_arabic(text: str | None) -> bool:
    """True when ``text`` contains Arabic letters (so it reads right to left)."""
    if not text:
        return False
    return _ARABIC.search(text) is not None


def shorten(text: str | None, max_chars: int) -> str:
    """Clean ``text`` and cut it at a word boundary to at most ``max_chars``.

    Never cuts inside a word (a single over-long word is kept whole);
    an ellipsis marks the cut.
    """
    text = clean(text)
    if len(text) <= max_chars:
        return text
    words = text.split(" ")
    out: list[str] = []
    used = 0
    for word in words:
        extra = len(word) + (1 if out else 0)
        if out and used + extra > max_chars - 1:
            break
        out.append(word)
        used += extra
    return " ".join(out) + " " + ELLIPSIS


def wrap(text: str | None, width: int, *, max_lines: int = 3) -> list[str]:
    """Clean ``text`` and break it into lines of at most ``width`` characters.

    Lines break between words only; when more than ``max_lines`` lines are
    needed, the last one ends with an ellipsis.
    """
    words = clean(text).split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1] + " " + ELLIPSIS
    return lines


def clean_columns(frame: pl.DataFrame, columns: Iterable[str]) -> pl.DataFrame:
    """Apply :func:`clean` to the string ``columns`` of ``frame`` that exist."""
    updates = [
        pl.Series(col, [clean(v) if v is not None else None for v in frame[col].to_list()])
        for col in columns
        if col in frame.columns and frame.schema[col] == pl.String
    ]
    return frame.with_columns(updates) if updates else frame


RLM = "\u200f"


def rtl(text: str) -> str:
    """Prefix Arabic ``text`` with a right-to-left mark so it lays out right to left.

    SVG and canvas text take their base direction from the first strong
    character; the mark makes a line that starts with a digit or Latin word,
    or ends with punctuation, still read right to left.
    """
    return RLM + text if is_arabic(text) else text


def attach_evidence(
    frame: pl.DataFrame,
    statements: pl.DataFrame | None,
    *,
    ids: str = "statement_ids",
    max_chars: int = 280,
) -> pl.DataFrame:
    """Add ``evidence`` (first statement's text) and ``articles`` columns for tooltips.

    ``ids`` names a list column of statement ids (or a plain string column).
    Without ``statements``, ``evidence`` lists the statement ids themselves.
    """
    n = frame.height
    if ids not in frame.columns:
        return frame.with_columns(
            pl.lit("", dtype=pl.String).alias("evidence"),
            pl.lit("", dtype=pl.String).alias("articles"),
        )
    values = frame[ids].to_list()
    lists = [v if isinstance(v, list) else ([v] if v else []) for v in values]
    texts: dict[str, tuple[str, str]] = {}
    if statements is not None and {"statement_id", "text", "article_id"} <= set(statements.columns):
        wanted = {i for lst in lists for i in lst}
        rows = statements.filter(pl.col("statement_id").is_in(list(wanted))).select(
            "statement_id", "text", "article_id"
        )
        texts = {r[0]: (r[1] or "", r[2] or "") for r in rows.iter_rows()}
    evidence: list[str] = []
    articles: list[str] = []
    for lst in lists:
        if not lst:
            evidence.append("")
            articles.append("")
            continue
        first = lst[0]
        if first in texts:
            evidence.append(shorten(texts[first][0], max_chars))
        else:
            evidence.append(shorten(", ".join(lst[:5]), max_chars))
        arts = sorted({texts[i][1] if i in texts else i.rsplit(":", 1)[0] for i in lst})
        articles.append(shorten(", ".join(arts), 160))
    assert len(evidence) == n
    return frame.with_columns(
        pl.Series("evidence", evidence, dtype=pl.String),
        pl.Series("articles", articles, dtype=pl.String),
    )


def lookup_claim_text(chart: ChartT, frame: pl.DataFrame) -> ChartT:
    """Give ``chart`` the ``claim_text`` of each ``claim_id`` of ``frame`` once.

    A claim x outlet chart has one mark per outlet of a claim: its tooltip's
    claim text is stored once per claim (a Vega-Lite lookup) rather than in
    every mark, which keeps a large report's charts small.
    """
    import altair as alt

    texts = frame.unique("claim_id", keep="first", maintain_order=True).select(
        "claim_id", "claim_text"
    )
    return chart.transform_lookup(
        lookup="claim_id",
        from_=alt.LookupData(
            data=alt.InlineData(values=texts.to_dicts()), key="claim_id", fields=["claim_text"]
        ),
    )
