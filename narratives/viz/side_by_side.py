"""Aligned statements side by side, with the words that differ highlighted."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from narratives.normalize import normalize
from narratives.schemas import require
from narratives.viz._text import clean

_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


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


#: pairs whose differences teach the most come first: paraphrases, then near copies
RELATION_ORDER: dict[str, int] = {
    "paraphrase": 0,
    "contradicts": 0,
    "near_verbatim": 1,
    "related": 2,
    "verbatim": 3,
}

_SBS_CSS = """
.nv-sbs { margin: 8px 0 16px; }
.nv-sbs .pair { border-top: 1px solid #ddd; padding: 6px 0; }
.nv-sbs .head { font-weight: bold; font-size: 0.9em; color: #444; }
.nv-sbs .row { display: flex; gap: 24px; }
.nv-sbs .side { flex: 1 1 0; min-width: 0; }
.nv-sbs .meta { color: #666; font-size: 0.85em; unicode-bidi: isolate; }
.nv-sbs .text { font-size: 1.08em; line-height: 1.8; margin: 2px 0; white-space: normal; }
.nv-sbs .chg { color: #c2185b; font-weight: bold; }
"""


class SideBySide:
    """Aligned statement pairs as HTML, right to left, differing words highlighted.

    Each statement is one right-to-left paragraph: words keep their
    punctuation and every space between them, and the browser's bidi
    algorithm places punctuation at the correct edge. ``pairs`` lists the
    pairs shown (ids, outlets, relation, score, why chosen).
    """

    def __init__(self, pairs: list[dict[str, Any]], *, title: str, note: str = "") -> None:
        self.pairs = pairs
        self.title = title
        self.note = note

    @staticmethod
    def _text(words: list[tuple[str, bool]]) -> str:
        out = []
        for word, changed in words:
            w = html.escape(word)
            out.append(f'<span class="chg">{w}</span>' if changed else w)
        return " ".join(out)

    def to_html(self, attrs: Callable[[str], str] | None = None) -> str:
        """The HTML; ``attrs(statement_id)`` adds attributes to each statement (e.g. links)."""
        if not self.pairs:
            return f'<p class="note empty">{html.escape(self.note or "No pair to show.")}</p>'
        blocks = []
        for n, pair in enumerate(self.pairs, start=1):
            why = f" ({pair['why']})" if pair.get("why") else ""
            head = (
                f"{n}. {html.escape(pair['outlet_a'])} / {html.escape(pair['outlet_b'])}: "
                f"{html.escape(pair['relation'])}, score {pair['score']:.0f}{html.escape(why)}"
            )
            sides = []
            for side in ("a", "b"):
                sid = pair[f"statement_id_{side}"]
                extra = attrs(sid) if attrs else ""
                meta = html.escape(
                    f"{side.upper()}: {pair[f'outlet_{side}']} · {pair[f'label_{side}']}"
                )
                sides.append(
                    f'<div class="side"{extra}><div class="meta">{meta}</div>'
                    f'<p class="text" dir="rtl">{self._text(pair[f"words_{side}"])}</p></div>'
                )
            blocks.append(
                f'<div class="pair"><div class="head">{head}</div>'
                f'<div class="row" dir="rtl">{"".join(sides)}</div></div>'
            )
        note = f'<p class="note">{html.escape(self.note)}</p>' if self.note else ""
        return (
            f'<div class="nv-sbs"><style>{_SBS_CSS}</style>'
            f"<h4>{html.escape(self.title)}</h4>{note}{''.join(blocks)}</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"SideBySide({len(self.pairs)} pairs)"


class _RowsOf:
    """Rows of ``frame`` by statement id (``at``: id -> row number), read on access."""

    def __init__(self, frame: pl.DataFrame, at: dict[str, int]) -> None:
        self._frame, self._at = frame, at

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def __getitem__(self, key: str) -> dict[str, Any]:
        return self._frame.row(self._at[key], named=True)


def side_by_side(
    alignments: pl.DataFrame,
    statements: pl.DataFrame,
    *,
    top: int = 8,
    relations: tuple[str, ...] | None = ("paraphrase", "contradicts", "near_verbatim", "related"),
    cross_outlet: bool = True,
    prefer: Mapping[tuple[str, str], str] | None = None,
) -> SideBySide:
    """Aligned statements side by side (A right, B left), words that differ highlighted.

    Pairs are chosen to be instructive: first those named in ``prefer``
    (e.g. discrepancies and substitution examples, with why), then
    paraphrases before near copies before loosely related pairs, each by
    score; pairs whose words do not differ (after normalization) are skipped.

    Parameters
    ----------
    alignments
        ALIGNMENTS table (:func:`narratives.align`); filter it first to pick pairs.
    statements
        STATEMENTS table, for the texts (and ``published`` when present).
    top
        Pairs shown.
    relations
        Keep only these relations (default: all but verbatim copies); None keeps all.
    cross_outlet
        Keep only pairs from two different outlets.
    prefer
        ``(statement_id_a, statement_id_b)`` -> reason, shown first.

    Returns
    -------
    SideBySide
        HTML (``_repr_html_``) in notebooks; ``.pairs`` lists what is shown.

    Examples
    --------
    >>> import polars as pl, narratives.viz as viz
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"], "article_id": ["a", "b"],
    ...     "outlet": ["sana", "rt-arabic"], "text": ["زعم كيري أن", "قال كيري أن"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["sana"], "outlet_b": ["rt-arabic"], "score": [80.0],
    ...     "relation": ["paraphrase"]})
    >>> sbs = viz.side_by_side(al, st)
    >>> '<span class="chg">زعم</span>' in sbs._repr_html_()
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
    prefer = dict(prefer or {})
    pairs = alignments
    if relations is not None:
        pairs = (
            pairs.filter(
                pl.col("relation").is_in(list(relations))
                | pl.struct("statement_id_a", "statement_id_b").is_in(
                    [{"statement_id_a": a, "statement_id_b": b} for a, b in prefer] or [None]
                )
            )
            if prefer
            else pairs.filter(pl.col("relation").is_in(list(relations)))
        )
    if cross_outlet:
        pairs = pairs.filter(pl.col("outlet_a") != pl.col("outlet_b"))
    keyed = pairs.with_columns(
        pl.struct("statement_id_a", "statement_id_b")
        .map_elements(
            lambda r: 0 if (r["statement_id_a"], r["statement_id_b"]) in prefer else 1,
            return_dtype=pl.Int32,
        )
        .alias("_preferred")
        if prefer
        else pl.lit(1).alias("_preferred"),
        pl.col("relation")
        .replace_strict(RELATION_ORDER, default=4, return_dtype=pl.Int32)
        .alias("_rel"),
    ).sort(
        ["_preferred", "_rel", "score", "statement_id_a", "statement_id_b"],
        descending=[False, False, True, False, False],
    )
    wanted = ("statement_id", "text", "article_id", "outlet", "published")
    cols = [c for c in wanted if c in statements.columns]
    # the rows of the statements read, looked up when read (a dict per statement of a
    # corpus was hundreds of MB for the few dozen pairs shown)
    rows_of = statements.select(cols)
    at = {sid: i for i, sid in enumerate(rows_of["statement_id"].to_list())}
    info = _RowsOf(rows_of, at)
    shown: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for pair in keyed.iter_rows(named=True):
        if len(shown) >= top:
            break
        sid_a, sid_b = pair["statement_id_a"], pair["statement_id_b"]
        if sid_a not in info or sid_b not in info:
            raise ValueError(
                f"side_by_side: statement {sid_a if sid_a not in info else sid_b!r} "
                "of an alignment is not in the statements table"
            )
        texts = (info[sid_a]["text"] or "", info[sid_b]["text"] or "")
        words_a, words_b = word_diff(*texts)
        if not any(c for _, c in words_a) and not any(c for _, c in words_b):
            continue  # identical after normalization: nothing to learn
        key = (texts[0], texts[1])
        if key in seen:
            continue
        seen.add(key)

        def label(sid: str) -> str:
            row = info[sid]
            date = str(row.get("published") or "undated")
            return f"{date} · article {clean(row['article_id'])}"

        shown.append(
            {
                "statement_id_a": sid_a,
                "statement_id_b": sid_b,
                "outlet_a": clean(pair["outlet_a"]),
                "outlet_b": clean(pair["outlet_b"]),
                "relation": str(pair["relation"]),
                "score": float(pair["score"]),
                "why": prefer.get((sid_a, sid_b), ""),
                "label_a": label(sid_a),
                "label_b": label(sid_b),
                "words_a": words_a,
                "words_b": words_b,
            }
        )
    note = (
        ""
        if shown
        else "No aligned pair of different outlets differs in its words (only verbatim "
        "copies, or no pair at all)."
    )
    return SideBySide(
        shown,
        title="Aligned statements side by side (A right, B left; differing words in colour)",
        note=note,
    )
