"""Aligned statements side by side, with the words that differ highlighted."""

from __future__ import annotations

import difflib
import re
from typing import Any

import altair as alt
import polars as pl

from narratives.normalize import normalize
from narratives.schemas import require
from narratives.viz._text import clean, rtl, shorten
from narratives.viz._theme import CHANGED_COLOR, FONT_SIZE, SHARED_COLOR
from narratives.viz._theme import configure as _configure

_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")

#: advance widths (in em) of Arabic letters in Noto Sans Arabic, measured once
#: with a browser's canvas ``measureText``: (final/isolated form, medial form).
#: Used to lay words out right to left; other fonts differ a little, so the
#: layout adds some slack between words.
_ARABIC_EM: dict[str, tuple[float, float]] = {
    "ا": (0.24, 0.29),
    "ب": (0.99, 0.34),
    "ت": (0.99, 0.37),
    "ث": (0.99, 0.37),
    "ج": (0.64, 0.64),
    "ح": (0.64, 0.64),
    "خ": (0.64, 0.64),
    "د": (0.48, 0.53),
    "ذ": (0.48, 0.53),
    "ر": (0.37, 0.4),
    "ز": (0.37, 0.4),
    "س": (1.21, 0.85),
    "ش": (1.21, 0.85),
    "ص": (1.31, 0.95),
    "ض": (1.31, 0.95),
    "ط": (0.79, 0.71),
    "ظ": (0.79, 0.71),
    "ع": (0.51, 0.52),
    "غ": (0.51, 0.52),
    "ف": (0.98, 0.49),
    "ق": (0.77, 0.49),
    "ك": (0.88, 0.51),
    "ل": (0.69, 0.3),
    "م": (0.48, 0.58),
    "ن": (0.68, 0.34),
    "ه": (0.4, 0.51),
    "و": (0.45, 0.47),
    "ي": (0.76, 0.37),
    "ء": (0.41, 0.41),
    "آ": (0.23, 0.29),
    "أ": (0.23, 0.29),
    "إ": (0.24, 0.29),
    "ؤ": (0.45, 0.47),
    "ئ": (0.76, 0.34),
    "ة": (0.4, 0.49),
    "ى": (0.76, 0.34),
}
#: letters that do not join the next one (the letter before them takes its final form)
_NON_JOINING = set("اأإآدذرزوؤءة")
_OTHER_EM = 0.52  # Latin letters, digits and punctuation, on average
SPACE_EM = 0.5  # a space plus slack for font differences
_GAP = 40  # pixels between the two statements
_BOLD = 1.12  # bold words (the changed ones) are wider


def text_width(word: str, font_size: float = FONT_SIZE + 1) -> float:
    """Approximate rendered width of ``word`` in pixels (Arabic letters joined)."""
    em = 0.0
    for i, ch in enumerate(word):
        widths = _ARABIC_EM.get(ch)
        if widths is None:
            em += _OTHER_EM if not ("\u064b" <= ch <= "\u065f") else 0.0
            continue
        prev = word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        joins_prev = prev in _ARABIC_EM and prev not in _NON_JOINING
        if ch in _NON_JOINING or nxt not in _ARABIC_EM:  # final or isolated form
            em += widths[1] + 0.5 * (widths[0] - widths[1]) if joins_prev else widths[0]
        else:
            em += widths[1]
    return em * font_size


def _key(word: str) -> str:
    """Comparison key of a word: match-normalized, outer punctuation removed."""
    return _PUNCT.sub("", normalize(word, level="match"))


def word_diff(text_a: str, text_b: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Words of each text with a flag: True when the other text lacks it there.

    Words are compared after match normalization (so ة/ه, أ/ا and quote marks
    do not count as differences), in order, with :class:`difflib.SequenceMatcher`.

    Examples
    --------
    >>> a, b = word_diff("أكد لافروف", "زعم لافروف")
    >>> [w for w, changed in a if changed], [w for w, changed in b if changed]
    (['أكد'], ['زعم'])
    """
    words_a, words_b = clean(text_a).split(), clean(text_b).split()
    keys_a, keys_b = [_key(w) for w in words_a], [_key(w) for w in words_b]
    changed_a, changed_b = [True] * len(words_a), [True] * len(words_b)
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            changed_a[block.a + k] = False
            changed_b[block.b + k] = False
    return list(zip(words_a, changed_a, strict=True)), list(zip(words_b, changed_b, strict=True))


def _layout(
    words: list[tuple[str, bool]], width: float, max_lines: int, right: float
) -> list[dict[str, Any]]:
    """Place words right to left from ``right`` in lines no wider than ``width`` pixels."""
    rows: list[dict[str, Any]] = []
    line, offset = 1, 0.0
    for word, changed in words:
        advance = text_width(word) * (_BOLD if changed else 1.0)
        if offset and offset + advance > width:
            line, offset = line + 1, 0.0
        if line > max_lines:
            rows.append({"line": max_lines, "x": right - offset, "word": "…", "kind": "shared"})
            break
        rows.append(
            {
                "line": line,
                "x": right - offset,
                "word": word,
                "kind": "changed" if changed else "shared",
            }
        )
        offset += advance + SPACE_EM * (FONT_SIZE + 1)
    return rows


def side_by_side(
    alignments: pl.DataFrame,
    statements: pl.DataFrame,
    *,
    top: int = 8,
    relations: tuple[str, ...] | None = ("near_verbatim", "paraphrase", "related"),
    cross_outlet: bool = True,
    width: int = 380,
    max_lines: int = 6,
    configure: bool = True,
) -> alt.FacetChart:
    """Aligned statement pairs side by side; words that differ are highlighted.

    Statement A is on the right (Arabic reads right to left), B on the left.
    Words the other statement does not have, in that place, are drawn in
    colour and bold: swapped reporting verbs, labels and qualifiers stand out.
    Hover a word for the whole statement, its outlet and its article.

    Parameters
    ----------
    alignments
        ALIGNMENTS table (:func:`narratives.align`); filter it first to pick pairs.
    statements
        STATEMENTS table, for the texts.
    top
        Pairs shown, highest score first.
    relations
        Keep only these relations (default: all but verbatim copies, which
        have no differences to show); None keeps all.
    cross_outlet
        Keep only pairs from two different outlets.
    width
        Pixel width of each statement column.
    max_lines
        Lines per statement before it is cut with an ellipsis.
    configure
        Apply the narratives theme.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"], "article_id": ["a", "b"],
    ...     "outlet": ["sana", "rt-arabic"], "text": ["زعم كيري أن", "قال كيري أن"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["sana"], "outlet_b": ["rt-arabic"], "score": [80.0],
    ...     "relation": ["paraphrase"]})
    >>> "facet" in viz.side_by_side(al, st).to_dict()
    True
    """
    require(
        alignments,
        ["statement_id_a", "statement_id_b", "outlet_a", "outlet_b", "score", "relation"],
        name="alignments",
        stage="side_by_side",
    )
    require(
        statements,
        ["statement_id", "article_id", "outlet", "text"],
        name="statements",
        stage="side_by_side",
    )
    pairs = alignments
    if relations is not None:
        pairs = pairs.filter(pl.col("relation").is_in(list(relations)))
    if cross_outlet:
        pairs = pairs.filter(pl.col("outlet_a") != pl.col("outlet_b"))
    pairs = pairs.sort(
        ["score", "statement_id_a", "statement_id_b"], descending=[True, False, False]
    ).head(top)
    info = {
        r[0]: r[1:]
        for r in statements.select("statement_id", "text", "article_id", "outlet").iter_rows()
    }
    rows: list[dict[str, Any]] = []
    order: list[str] = []
    for n, pair in enumerate(pairs.iter_rows(named=True), start=1):
        sid_a, sid_b = pair["statement_id_a"], pair["statement_id_b"]
        if sid_a not in info or sid_b not in info:
            raise ValueError(
                f"side_by_side: statement {sid_a if sid_a not in info else sid_b!r} "
                "of an alignment is not in the statements table"
            )
        words_a, words_b = word_diff(info[sid_a][0], info[sid_b][0])
        label = (
            f"{n}. {clean(pair['outlet_a'])} / {clean(pair['outlet_b'])}: "
            f"{pair['relation']}, score {pair['score']:.0f}"
        )
        order.append(label)
        for side, sid, words in (("A", sid_a, words_a), ("B", sid_b, words_b)):
            text, article, outlet = info[sid]
            common = {
                "pair": label,
                "side": side,
                "outlet": clean(outlet),
                "article": clean(article),
                "statement": shorten(text, 400),
            }
            right = float(width) if side == "B" else 2.0 * width + _GAP
            head = rtl(f"{side}: {clean(outlet)} · {clean(article)}")
            rows.append({**common, "line": 0, "x": right, "word": head, "kind": "header"})
            rows.extend({**common, **r} for r in _layout(words, width, max_lines, right))
    frame = pl.DataFrame(
        rows,
        schema={
            "pair": pl.String,
            "side": pl.String,
            "outlet": pl.String,
            "article": pl.String,
            "statement": pl.String,
            "line": pl.Int64,
            "x": pl.Float64,
            "word": pl.String,
            "kind": pl.String,
        },
    )
    full = 2 * width + _GAP
    base = alt.Chart(frame).encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[0, full], range=[0, full]), axis=None),
        y=alt.Y("line:O", axis=None),
        text="word:N",
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(
                domain=["header", "shared", "changed"],
                range=["#636363", SHARED_COLOR, CHANGED_COLOR],
            ),
            legend=alt.Legend(
                title="words",
                orient="bottom",
                values=["shared", "changed"],
                labelExpr="datum.label == 'changed' ? 'not in the other statement' : 'shared'",
            ),
        ),
        tooltip=[
            alt.Tooltip("statement:N", title="statement"),
            alt.Tooltip("outlet:N", title="outlet"),
            alt.Tooltip("article:N", title="article"),
        ],
    )
    text = {"align": "right", "baseline": "middle", "dir": "rtl", "fontSize": FONT_SIZE + 1}
    layers = [
        base.transform_filter(alt.datum.kind == "header").mark_text(
            **{**text, "fontSize": FONT_SIZE - 1}
        ),
        base.transform_filter(alt.datum.kind == "shared").mark_text(**text),
        base.transform_filter(alt.datum.kind == "changed").mark_text(**text, fontWeight="bold"),
    ]
    chart = (
        alt.layer(*layers, data=frame)
        .properties(width=full, height=alt.Step(24))
        .facet(
            row=alt.Row(
                "pair:N",
                title=None,
                sort=order,
                header=alt.Header(
                    labelAngle=0, labelOrient="top", labelAnchor="end", labelFontWeight="bold"
                ),
            ),
        )
        .properties(
            title="Aligned statements side by side (A right, B left; differing words in colour)"
        )
    )
    return _configure(chart) if configure else chart
