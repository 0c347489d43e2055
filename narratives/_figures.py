"""How figures are written in Arabic news copy, shared by the aligner and the comparisons.

Decimals typed right to left (``5.\u200f0`` for 0.5, ``8. 54 مليار`` for 54.8)
and the numbers of list items (``3- في حال …``) are read the same way by
:mod:`narratives.align` and :func:`narratives.compare.discrepancies`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

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


_DIGITS = re.compile(r"\d+")


def dates_as_one(tokens: Sequence[str], text: str) -> list[str]:
    """``tokens`` with each slash date of ``text`` as one token, year first.

    Outlets write one date in either order (1436/10/15هـ, 15/10/1436ه; 13/ 08/ 2015,
    13/ 8/ 2015): read as three figures each, the same date made a figures
    "conflict" of two copies of one sentence. The date's three numbers in the
    tokens (a token may carry a letter after its digits, ``15ه``) become one token
    of digits, year, month and day, so the same date is one token on both sides
    and two dates still differ as figures.

    Examples
    --------
    >>> dates_as_one(["يوم", "1436", "10", "15ه", "بعد"], "يوم 1436/10/15ه بعد")
    ['يوم', '14361015', 'بعد']
    >>> dates_as_one(["يوم", "15", "10", "1436ه"], "يوم 15/10/1436ه")
    ['يوم', '14361015']
    >>> dates_as_one(["يوم", "13", "08", "2015"], "يوم 13/ 08/ 2015")
    ['يوم', '20150813']
    """
    out = list(tokens)
    for match in SLASH_DATE.finditer(text):
        digits = _DIGITS.findall(match.group())
        if len(digits) != 3:
            continue
        values = [int(d) for d in digits]
        year, month, day = values if len(digits[0]) >= 3 else values[::-1]
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        one = f"{year}{month:02d}{day:02d}"
        for k in range(len(out) - 2):
            lead = [_DIGITS.match(t) for t in out[k : k + 3]]
            if all(lead) and [m.group() for m in lead if m] == digits:
                out[k : k + 3] = [one]
                break
    return out


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


#: a clock time after «الساعة» written with a colon or a point (06:47, 09.47 from 47ر09)
_CLOCK = re.compile(r"(الساع[ةه]\s+(?:ال[ـ]*\s*)?)(\d{1,2})[:.](\d{2})(?!\d)")


def clock_as_one(text: str) -> str:
    """``text`` with a clock time after «الساعة» written as the wires write it (0647).

    One reading of a market told «بحلول الساعة 0647 بتوقيت جرينتش» by one outlet and
    «06:47» or «47ر09» (read 09.47) by another is one time, not two figures.

    Examples
    --------
    >>> clock_as_one("بحلول الساعة 06:47 بتوقيت جرينتش"), clock_as_one("الساعة 9.47 صباحا")
    ('بحلول الساعة 0647 بتوقيت جرينتش', 'الساعة 0947 صباحا')
    >>> clock_as_one("عند الساعة الـ11:30 مساء")
    'عند الساعة الـ1130 مساء'
    """
    return _CLOCK.sub(lambda m: f"{m[1]}{int(m[2]):02d}{m[3]}", text)


_CLOCK_READ = re.compile(r"الساع[ةه]\s+(?:ال[ـ]*\s*)?(\d{3,4})(?!\d)")


def clock_times(text: str) -> frozenset[str]:
    """The clock times ``text`` gives after «الساعة» (as :func:`clock_as_one` writes them).

    >>> sorted(clock_times("نزل الذهب الساعة 1853 بتوقيت جرينتش")), clock_times("أمس")
    (['1853'], frozenset())
    """
    if "الساع" not in text:
        return frozenset()
    return frozenset(_CLOCK_READ.findall(clock_as_one(unreverse_figures(text))))


def without_list_number(text: str) -> str:
    """``text`` without the number of a list item it opens with.

    Examples
    --------
    >>> without_list_number("3- في حال وجود خبرة"), without_list_number("6 ـ نقل محمد")
    ('في حال وجود خبرة', 'نقل محمد')
    """
    return LIST_START.sub("", text, count=1)


#: a thousand, a million, a billion after a number (match-normalized): ``أربعة آلاف`` is 4000
_SCALE_WORDS = {
    "الف": 10**3, "الفا": 10**3, "الاف": 10**3, "مليون": 10**6, "مليونا": 10**6,
    "ملايين": 10**6, "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9,
}  # fmt: skip
_PROCLITICS = "وفبلك"
_TEENS = ("عشر", "عشره")
_PERCENT = ("المئه", "المائه")  # «في المئة» is the percent sign, not «المئة ألف»
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class NumberWords:
    """The cardinals written in words (match-normalized), from ``figures.yaml``.

    ``values``: each word's number (units, tens, hundreds and their construct forms);
    ``ambiguous``: words that are something else when alone (واحد in «في آن واحد»,
    الاثنين "Monday", ست "a lady", سبع "a lion", عشر "a compound's second half"): numbers
    only inside a compound (اثنين وعشرين) unless the reader asks for them alone.
    """

    values: Mapping[str, int]
    ambiguous: frozenset[str]
    ordinals: Mapping[str, int] = field(default_factory=dict)  # الخامسة: 5th, in compounds


def load_number_words(path: str | Path = "figures.yaml") -> NumberWords:
    """The number words of a figures lexicon (keys ``number_values``, ``ambiguous_number_words``).

    Examples
    --------
    >>> words = load_number_words()
    >>> words.values["خمسه"], words.values["ثلاثمائه"], "ست" in words.ambiguous
    (5, 300, True)
    """
    return _load_number_words(str(path))


@lru_cache(maxsize=8)
def _load_number_words(path: str) -> NumberWords:
    from narratives._resources import load_yaml
    from narratives.normalize import normalize

    data = load_yaml(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("number_values"), Mapping):
        raise ValueError(f"{path}: expected a 'number_values' mapping of words to numbers")
    values = {normalize(str(k)): int(v) for k, v in data["number_values"].items()}
    ambiguous = frozenset(normalize(str(w)) for w in data.get("ambiguous_number_words") or [])
    ordinals = {normalize(str(k)): int(v) for k, v in (data.get("ordinal_units") or {}).items()}
    return NumberWords(values=values, ambiguous=ambiguous, ordinals=ordinals)


def number_word_forms(lexicon: NumberWords | None = None) -> frozenset[str]:
    """Every token :func:`read_number_words` may read as part of a number: a text none
    of whose words is here holds no number in words (a quick test before reading it).

    Examples
    --------
    >>> forms = number_word_forms()
    >>> {"خمسه", "لخمسه", "الخمسه", "والعشرين", "الرابعه"} <= forms, "سنوات" in forms
    (True, False)
    """
    return _number_word_forms(lexicon or load_number_words())


def _number_word_forms(lex: NumberWords) -> frozenset[str]:
    # the tests of read_number_words, each as the set of tokens it can accept
    cached: frozenset[str] | None = _FORMS.get(id(lex), (None, None))[1]
    if cached is not None:
        return cached
    out = set(lex.ordinals) | set(lex.values)
    for word in lex.values:
        out.update(p + word for p in _PROCLITICS)
        out.update(("ال" + word, "وال" + word))
    forms = frozenset(out)
    _FORMS[id(lex)] = (lex, forms)  # the lexicon kept alive with its forms: its id stays its own
    return forms


_FORMS: dict[int, tuple[NumberWords, frozenset[str]]] = {}


def read_number_words(
    tokens: Sequence[str], lexicon: NumberWords | None = None, *, alone: bool = False
) -> list[tuple[int, int, int]]:
    """Each cardinal written in words in match-normalized ``tokens``: ``(start, end, value)``.

    ``tokens[start:end]`` are the words of one number. The one reader of numbers in words,
    for the aligner (:func:`number_words`) and the discrepancies table. A word is a number
    as written, after one proclitic و ف ب ل ك (four letters or more: «لخمسة», «وعشرين») or
    after the article («المئة ألف»; not «في المئة», the percent); a hundred takes the units
    and tens after it (مائتي وخمسين = 250, مئة وخمسة وعشرين = 125), a unit the tens after it
    (أربع وعشرين = 24) and عشر after it (خمسة عشر = 15); an ordinal does so too (الرابعة
    عشرة = 14, الخامسة والسبعين = 75: the 75th year is age 75) and alone is no number.
    ``alone``: the lexicon's ambiguous words count alone too (never with the article:
    الاثنين is Monday). A scale word after the number (ألف, مليون) is left to the caller.

    Examples
    --------
    >>> read_number_words("مائتي وخمسين الف و اربع وعشرين ساعه".split())
    [(0, 2, 250), (4, 6, 24)]
    >>> read_number_words("المرتبه الرابعه عشره و خمسه عشر جنديا لخمسه الاف".split())
    [(1, 3, 14), (4, 6, 15), (7, 8, 5)]
    >>> read_number_words("بلوغ سن الخامسه والسبعين و الثاني".split())
    [(2, 4, 75)]
    >>> read_number_words("مستوي الاربعه والعشرين ساعه".split())
    [(1, 3, 24)]
    >>> read_number_words("ست سنوات".split()), read_number_words("ست سنوات".split(), alone=True)
    ([], [(0, 1, 6)])
    """
    lex = lexicon or load_number_words()
    if _number_word_forms(lex).isdisjoint(tokens):
        return []  # most texts: no word is a number word in any form
    values, ambiguous = lex.values, lex.ambiguous
    n = len(tokens)
    # each token's number word, if it is one: (word, how it was reached)
    found: list[tuple[str, str] | None] = []
    for k, tok in enumerate(tokens):
        if tok in lex.ordinals:
            found.append((tok, "ordinal"))
        elif tok in values:
            found.append((tok, ""))
        elif len(tok) > 3 and tok[0] in _PROCLITICS and tok[1:] in values:
            found.append((tok[1:], tok[0]))
        elif (
            tok.startswith("ال")
            and tok[2:] in values
            and tok[2:] not in ambiguous
            and not (tok in _PERCENT and k and tokens[k - 1] == "في")
        ):
            found.append((tok[2:], "ال"))
        elif tok.startswith("وال") and tok[3:] in values and tok[3:] not in ambiguous:
            found.append((tok[3:], "وال"))  # «الأربعة والعشرين»
        else:
            found.append(None)
    found.append(None)  # the word after the last

    def joined(k: int) -> int | None:
        """The value of token ``k`` when it is و + a number word (a compound's next part)."""
        hit = found[k] if k < n else None
        if hit is None or hit[1] not in ("و", "وال"):
            return None
        return values[hit[0]]

    out: list[tuple[int, int, int]] = []
    k = 0
    while k < n:
        hit = found[k]
        if hit is None:
            k += 1
            continue
        word, how = hit
        if how == "ordinal":
            # «الرابعة عشرة» is 14th, «الخامسة والسبعين» 75th; «الثاني» alone is no figure
            value, end = lex.ordinals[word], k + 1
            tens = joined(end)
            if end < n and tokens[end] in _TEENS:
                out.append((k, end + 1, value + 10))
                k = end + 1
            elif tens is not None and tens >= 20 and tens % 10 == 0:
                out.append((k, end + 1, value + tens))
                k = end + 1
            else:
                k += 1
            continue
        value, end = values[word], k + 1
        if word in _TEENS and not how and k and tokens[k - 1].startswith("ال") and not found[k - 1]:
            k += 1
            continue  # an ordinal the lexicon does not list before عشر: not ten
        compound = False
        if value >= 100 and value % 100 == 0:
            nxt = joined(end)
            if nxt is not None and nxt < 100:  # مائتي وخمسين, مئة وخمسة وعشرين
                value, end, compound = value + nxt, end + 1, True
                tens = joined(end) if nxt < 10 else None
                if tens is not None and tens >= 20 and tens % 10 == 0:
                    value, end = value + tens, end + 1
        elif value < 10:
            tens = joined(end)
            if end < n and tokens[end] in _TEENS:
                value, end, compound = value + 10, end + 1, True  # خمسة عشر = 15
            elif tens is not None and tens >= 20 and tens % 10 == 0:
                value, end, compound = value + tens, end + 1, True  # أربع وعشرين = 24
        if not compound and word in ambiguous and not alone:
            k += 1
            continue
        out.append((k, end, value))
        k = end
    return out


def number_words(normalized: str) -> set[str]:
    """Cardinal numbers written in words in a match-normalized text, as digits
    (read by :func:`read_number_words`, the lexicon's ambiguous words only in a compound).

    ``ثمانية عناصر`` is ``8 عناصر`` in another outlet's copy; ``خمسة عشر`` is 15.

    Examples
    --------
    >>> sorted(number_words("خطفت ثمانيه عناصر و خمسه عشر جنديا بعد عشرين يوما"))
    ['15', '20', '8']
    >>> sorted(number_words("لديهم اربعه الاف نقطه بالمرتبه الرابعه عشره و ثمانيه مليارات"))
    ['14', '4000', '8000000000']
    >>> sorted(number_words("غرامه لا تقل عن مائتي وخمسين الف درهم و ثلاثمائه متر"))
    ['250000', '300']
    """
    words = _WORD.findall(normalized)
    out: set[str] = set()
    for _, end, value in read_number_words(words):
        scale = _SCALE_WORDS.get(words[end], 1) if end < len(words) else 1
        out.add(str(value * scale))
    return out


#: a figure and its scale word: "2.8 مليون" is 2800000 (match-normalized text); a comma
#: before one or two digits is a decimal point (1,3 مليون)
_SCALED = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d{1,2}(?!\d)|\.\d+)?)[)»\"]?\s*"
    r"(الفا|الف|الاف|مليونا|مليون|ملايين|مليارا|مليار|مليارات)(?![^\W\d_])"
)
_SCALE_OF = _SCALE_WORDS


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
