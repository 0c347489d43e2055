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
#: the number of a list item opening a text: "3- ", "(2) ", "4. ", "6 ـ "
LIST_START = re.compile(r"^\s*[(\[]?\d{1,3}\s*[-.)\]ـ]\s")


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
    >>> without_list_number("3- في حال وجود خبرة"), without_list_number("6 ـ نقل محمد")
    ('في حال وجود خبرة', 'نقل محمد')
    """
    return LIST_START.sub("", text, count=1)


#: cardinal numbers written in words (match-normalized: ة is ه), 3 to 10 and the tens:
#: واحد and اثنان are left out (أحد, "one of"), so are ست, سبع and عشر alone (a lady,
#: a lion, a compound's second half)
_UNITS = {
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "سته": 6,
    "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشره": 10,
}  # fmt: skip
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
#: the hundreds (match-normalized), with the construct forms before a noun (مائتي ألف)
_HUNDREDS = {
    "مئه": 100, "مائه": 100, "مئتين": 200, "مائتين": 200, "مئتان": 200, "مائتان": 200,
    "مئتي": 200, "مائتي": 200, "مئتا": 200, "مائتا": 200,
} | {
    f"{unit}{hundred}": value * 100
    for unit, value in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                        ("ثمان", 8), ("تسع", 9))
    for hundred in ("مئه", "مائه")
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def number_words(normalized: str) -> set[str]:
    """Cardinal numbers written in words in a match-normalized text, as digits.

    ``ثمانية عناصر`` is ``8 عناصر`` in another outlet's copy; ``خمسة عشر`` is 15.

    Examples
    --------
    >>> sorted(number_words("خطفت ثمانيه عناصر و خمسه عشر جنديا بعد عشرين يوما"))
    ['15', '20', '8']
    >>> sorted(number_words("لديهم اربعه الاف نقطه بالمرتبه الرابعه عشره و ثمانيه مليارات"))
    ['4000', '8000000000']
    >>> sorted(number_words("غرامه لا تقل عن مائتي وخمسين الف درهم و ثلاثمائه متر"))
    ['250000', '300']
    """
    words = [
        w[1:] if w[:1] == "و" and w[1:] in _UNITS | _TENS else w for w in _WORD.findall(normalized)
    ]
    words.append("")  # the word after the last
    out: set[str] = set()
    k = 0
    while k < len(words) - 1:
        w, nxt = words[k], words[k + 1]
        if w in _HUNDREDS:
            # «مائتي وخمسين ألف» is 250000, «مئة وخمسة وعشرين» 125: one number, not three
            value = _HUNDREDS[w]
            if nxt in _UNITS and nxt != "عشره":
                value, k = value + _UNITS[nxt], k + 1
                nxt = words[k + 1]
            if nxt in _TENS:
                value, k = value + _TENS[nxt], k + 1
                nxt = words[k + 1]
        elif w in _TENS:
            value = _TENS[w]
        elif w in _UNITS:
            if w == "عشره" and k and words[k - 1].startswith("ال"):
                k += 1
                continue  # الرابعة عشرة: an ordinal ("fourteenth"), not ten
            value = _UNITS[w] + 10 if nxt in ("عشر", "عشره") else _UNITS[w]
        else:
            k += 1
            continue
        # أربعة آلاف is 4000, as scaled_figures reads "4 آلاف"
        out.add(str(value * _SCALE_OF[nxt]) if nxt in _SCALE_OF else str(value))
        k += 1
    return out


#: a figure and its scale word: "2.8 مليون" is 2800000 (match-normalized text); a comma
#: before one or two digits is a decimal point (1,3 مليون)
_SCALED = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d{1,2}(?!\d)|\.\d+)?)[)»\"]?\s*"
    r"(الفا|الف|الاف|مليونا|مليون|ملايين|مليارا|مليار|مليارات)(?![^\W\d_])"
)
_SCALE_OF = dict.fromkeys(("الفا", "الف", "الاف"), 10**3)
_SCALE_OF |= dict.fromkeys(("مليونا", "مليون", "ملايين"), 10**6)
_SCALE_OF |= dict.fromkeys(("مليارا", "مليار", "مليارات"), 10**9)


def scaled_figures(normalized: str) -> str:
    """``normalized`` with each figure followed by a scale word written out in full.

    ``3.3 مليون ريال`` and ``3,324,641 ريالا`` are one figure rounded; ``2.8 مليون``
    and ``2.8 مليار`` are not. The scale word stays after the figure.

    Examples
    --------
    >>> scaled_figures("تعويض قدره 3.3 مليون ريال و 4 الاف نقطه و 1,3 مليون و (38) مليارا")
    'تعويض قدره 3300000 مليون ريال و 4000 الاف نقطه و 1300000 مليون و (38000000000 مليارا'
    """

    def full(m: re.Match[str]) -> str:
        value = float(m.group(1).replace(",", ".")) * _SCALE_OF[m.group(2)]
        return f"{value:.0f} {m.group(2)}"

    return _SCALED.sub(full, normalized)
