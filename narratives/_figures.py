"""How figures are written in Arabic news copy, shared by the aligner and the comparisons.

Decimals typed right to left (``5.\u200f0`` for 0.5, ``8. 54 مليار`` for 54.8)
and the numbers of list items (``3- في حال …``) are read the same way by
:mod:`narratives.align` and :func:`narratives.compare.discrepancies`.
"""

from __future__ import annotations

import re

#: "5.\u200f0" is 0.5 typed right to left (the mark after the point)
REVERSED_RLM = re.compile(r"(\d+)\.\u200f(\d+)")
#: "8. 54 مليار" is 54.8 typed right to left with a space (Asharq Al-Awsat copy)
REVERSED_SPACE = re.compile(
    r"(?<![\d.,])(\d{1,3})\. (\d{1,3})(?=\s+(?:مليار|مليون|الف|ألف|في المائة|%))"
)
#: "68ر10" is 10.68 typed right to left with ر for the point (SPA, Asharq Al-Awsat copy)
REVERSED_R = re.compile(r"(?<![\w.])(\d+)ر(\d+)(?![\w.])")
#: dates written with slashes, in either order (1436/10/7, 2/ 6/ 1436): not figures of a claim
SLASH_DATE = re.compile(r"\d{1,4}\s*/\s*\d{1,2}\s*/\s*\d{1,4}")
#: a year of the Hijri calendar (1415هـ, 1436 هـ): a date, not a figure of a claim (the
#: same year is 1994 in another outlet's copy)
HIJRI_YEAR = re.compile(r"(?<![\d.,])\d{3,4}\s*هـ?(?![^\W\d_])")
#: the number of a list item opening a text: "3- ", "(2) ", "4. "
LIST_START = re.compile(r"^\s*[(\[]?\d{1,3}\s*[-.)\]]\s")


def unreverse_figures(text: str) -> str:
    """``text`` with decimals typed right to left put back in reading order.

    Examples
    --------
    >>> unreverse_figures("صعد البلاتين 5.\u200f0 في المائة إلى 80.\u200f14 دولار")
    'صعد البلاتين 0.5 في المائة إلى 14.80 دولار'
    >>> unreverse_figures("خسائر 2ر3 مليار دولار")
    'خسائر 3.2 مليار دولار'
    """
    text = REVERSED_RLM.sub(r"\2.\1", text)
    text = REVERSED_R.sub(r"\2.\1", text)
    return REVERSED_SPACE.sub(r"\2.\1", text)


def without_list_number(text: str) -> str:
    """``text`` without the number of a list item it opens with.

    Examples
    --------
    >>> without_list_number("3- في حال وجود خبرة")
    'في حال وجود خبرة'
    """
    return LIST_START.sub("", text, count=1)
