"""Small text helpers shared by the cleaning, outlet and date modules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from narratives.normalize import normalize

_LINE = re.compile(r"[^\n]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DIACRITIC = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_WORD = re.compile(r"[^\W\d_]+")


def fold_pattern(pattern: str) -> str:
    """Fold the Arabic letters of a regex pattern like match-level normalization.

    Only letters are touched (no lower-casing, which would break ``\\S``/``\\D``).

    >>> fold_pattern("^مواقيت الصلاة$")
    '^مواقيت الصلاه$'
    """
    return _DIACRITIC.sub("", pattern.translate(_FOLD))


def fold(text: str) -> str:
    """Match-level normalization of a short piece of text (a line, a cue)."""
    return normalize(text, "match")


#: between lines folded at once: no rule rewrites it, it is no white space
_SEP = "\x00"


def fold_lines(lines: list[str]) -> list[str]:
    """:func:`fold` of each line, worked out in one call on all of them.

    (One :func:`~narratives.normalize.normalize` of the lines joined: a call per
    short line cost more than the rewriting itself.)

    >>> fold_lines(["الأربعاء  ", "", "إلى"])
    ['الاربعاء', '', 'الي']
    """
    joined = _SEP.join(lines)
    if not lines or joined.count(_SEP) != len(lines) - 1:  # a line holds the separator
        return [fold(line) for line in lines]
    return [piece.strip() for piece in normalize(joined, "match").split(_SEP)]


def line_pieces(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every non-blank line of ``text``, without edge white space.

    >>> list(line_pieces(" ab \\n\\n c\\r\\n"))
    [(1, 3), (7, 8)]
    """
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def word_count(text: str) -> int:
    """Number of words (letter runs) in ``text``."""
    return len(_ARABIC_WORD.findall(text))
