"""Vectorised text helpers shared by the comparison measures.

The package's :func:`narratives.normalize.normalize` works on one string;
comparisons run over whole corpora, so this module applies the same
``"match"`` rewrite table as a polars expression (Aho-Corasick in Rust) and
splits the result into the same word tokens as
:func:`narratives.normalize.tokenize`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

from narratives._resources import load_yaml
from narratives.normalize import PROCLITICS, _table, normalize

#: a word token, as in narratives.normalize.tokenize
TOKEN_PATTERN = r"[\p{L}\p{N}]+"


@lru_cache(maxsize=2)
def _rewrite_pairs(level: str) -> tuple[list[str], list[str]]:
    table = _table(level)
    keys = sorted(table)
    return [chr(k) for k in keys], [table[k] for k in keys]


def normalized(expr: pl.Expr, level: str = "match") -> pl.Expr:
    """``expr`` normalized like :func:`narratives.normalize.normalize`, vectorised.

    Examples
    --------
    >>> df = pl.DataFrame({"t": ["«داعش»  الإرهابيّ"]})
    >>> df.select(normalized(pl.col("t")))["t"][0]
    '"داعش" الارهابي'
    """
    old, new = _rewrite_pairs(level)
    return expr.str.replace_many(old, new).str.replace_all(r"\s+", " ").str.strip_chars()


def tokens(expr: pl.Expr) -> pl.Expr:
    """List of word tokens of an already normalized string expression."""
    return expr.str.extract_all(TOKEN_PATTERN)


def strip_proclitics(token: str, vocabulary: Collection[str], *, min_stem: int = 3) -> str:
    """Remove up to two of و ف ب ل ك where the rest is a known word; keep ال.

    Unlike :func:`narratives.normalize.strip_clitics` the definite article
    stays, so السورية (Syrian) is not folded into سورية (Syria), and stems
    shorter than ``min_stem`` are never produced (كما stays كما).

    Examples
    --------
    >>> vocab = {"الارهاب", "قال", "ما", "الحكومه"}
    >>> [strip_proclitics(t, vocab) for t in ["والارهاب", "وقال", "كما", "للحكومه"]]
    ['الارهاب', 'قال', 'كما', 'الحكومه']
    """
    word = token
    for _ in range(2):
        if len(word) <= min_stem or word[0] not in PROCLITICS:
            break
        rest = word[1:]
        if word[0] == "ك" and not rest.startswith("ال"):
            break  # كافة is no ك + افة: the particle ك goes before nouns with ال
        if rest in vocabulary:
            word = rest
        elif word[0] == "ل" and rest.startswith("ل") and "ا" + rest in vocabulary:
            word = "ا" + rest
        else:
            break
    return word


def proclitic_map(
    tokens_used: Iterable[str],
    vocabulary: Collection[str],
    *,
    words: Collection[str] | None = None,
) -> dict[str, str]:
    """``{token: stripped}`` for the tokens that :func:`strip_proclitics` changes.

    With ``words`` (words known whole, e.g. the background table's), ف ب ل ك
    before a word without the article are stripped only from a token that is
    no such word itself: بطولة ("championship") is a word, not ب + طولة, and
    فقرات is not ف + قرات; و and a proclitic before ال are always stripped.

    Examples
    --------
    >>> vocab = {"طوله", "بطوله", "الارهاب", "والارهاب"}
    >>> proclitic_map(["بطوله", "والارهاب"], vocab, words={"بطوله"})
    {'والارهاب': 'الارهاب'}
    """
    out = {t: s for t in tokens_used if (s := strip_proclitics(t, vocabulary)) != t}
    if words is None:
        return out
    return {t: r for t, s in out.items() if (r := kept_strip(t, s, words)) != t}


def kept_strip(token: str, stripped: str, words: Container[str]) -> str:
    """What is left of ``token`` once its proclitics are cut (``stripped``), given ``words``
    known whole: و and a proclitic before ال always go; ف ب ل ك before a word without the
    article only from a token that is no such word itself; after و, only from a rest that is
    no such word (``ولبيك`` is و + «لبيك», not و + ل + «بيك»).

    Examples
    --------
    >>> words = {"لبيك", "بيك", "بطوله"}
    >>> [kept_strip(t, s, words) for t, s in [("ولبيك", "بيك"), ("والحكومه", "الحكومه"),
    ...     ("بطوله", "طوله"), ("وقال", "قال")]]
    ['لبيك', 'الحكومه', 'بطوله', 'قال']
    """
    if stripped.startswith("ال"):
        return stripped
    if token[0] == "و":
        rest = token[1:]
        if len(token) - len(stripped) == 1 or rest not in words:
            return stripped
        return rest
    return stripped if token not in words else token


#: column holding each statement's match-normalized word tokens, when computed once
TOKENS_COLUMN = "norm_tokens"


def statement_tokens(frame: pl.DataFrame) -> pl.Expr:
    """The statements' tokens: the ``norm_tokens`` column if present, else computed."""
    if TOKENS_COLUMN in frame.columns:
        return pl.col(TOKENS_COLUMN)
    return tokens(normalized(pl.col("text")))


def with_tokens(statements: pl.DataFrame) -> pl.DataFrame:
    """``statements`` with a ``norm_tokens`` column (match-normalized word tokens).

    Every measure that reads words uses this column when present, so a caller
    running several measures normalizes and tokenizes the text once.

    Examples
    --------
    >>> with_tokens(pl.DataFrame({"text": ["قال لافروف: «الإرهاب»"]}))["norm_tokens"].to_list()
    [['قال', 'لافروف', 'الارهاب']]
    """
    if TOKENS_COLUMN in statements.columns:
        return statements
    return statements.with_columns(tokens(normalized(pl.col("text"))).alias(TOKENS_COLUMN))


# ---------------------------------------------------------------------------
# display tokens and house-style spelling variants

#: a figure as written (10.68, 1,500, SPA's reversed 68ر10, a year with its mark 2013م),
#: else a word: letters and the marks (harakat, tatweel) inside it
_DISPLAY_TOKEN = re.compile(
    r"\d+(?:[.,٫٬]\d+)*(?:ر\d+)?(?:(?:م|هـ|ه)(?![^\W\d_]))?"
    r"|[^\W\d_][^\W\d_\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]*"
    r"(?:[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+[^\W\d_]*)*"
    r"|\d+"
)
#: the marks a written word may hold (harakat, tatweel), as ranges of a character class
MARK_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_MARKS = re.compile(f"[{MARK_CHARS}]")


def display_tokens(text: str) -> list[str]:
    """Word tokens of ``text`` as written (display-normalized, marks kept in the word).

    ``normalize(token)`` of each is the match-normalized token of
    :func:`tokens`, so the two lists align one to one.

    Examples
    --------
    >>> display_tokens("قال «لافروف»: مزيداً من الإرهابيّين")
    ['قال', 'لافروف', 'مزيداً', 'من', 'الإرهابيّين']
    >>> display_tokens("بلغ 10.68 مليار في 2015م و30إلى 31")
    ['بلغ', '10.68', 'مليار', 'في', '2015م', 'و', '30', 'إلى', '31']
    """
    found = _DISPLAY_TOKEN.findall(normalize(text, level="display"))
    return [t for t in found if _MARKS.sub("", t)]  # a lone tatweel (ـ) is no word


def unmarked(word: str) -> str:
    """``word`` without harakat and tatweel (spelling kept: أ stays أ, ة stays ة)."""
    return _MARKS.sub("", word)


@lru_cache(maxsize=1 << 18)
def word_key(word: str) -> str:
    """``normalize(unmarked(word))``: the match key of a written word (memoized).

    Examples
    --------
    >>> word_key("الإرهابيّ")
    'الارهابي'
    """
    return normalize(unmarked(word))


@dataclass(frozen=True)
class VariantRules:
    """House-style variant rules (build with :func:`load_variant_rules`)."""

    classes: dict[str, int]
    long_vowels: frozenset[str]
    hamza: frozenset[str]
    hamza_carriers: frozenset[str]
    year_marks: tuple[str, ...]
    final_alef: frozenset[str]
    min_letters: int
    final_alef_names: frozenset[str]
    abbreviations: dict[str, str]
    transpositions: bool
    digraphs: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=4)
def load_variant_rules(path: str | Path = "house_style.yaml") -> VariantRules:
    """Read the house-style variant lexicon (``lexicons/house_style.yaml``)."""
    data = load_yaml(path)
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: expected a mapping of variant rules")
    classes = {
        normalize(str(letter)): i
        for i, group in enumerate(data.get("transliteration_classes") or [])
        for letter in group
    }
    return VariantRules(
        classes=classes,
        long_vowels=frozenset(str(x) for x in data.get("long_vowels") or []),
        hamza=frozenset(str(x) for x in data.get("hamza") or []),
        hamza_carriers=frozenset(str(x) for x in data.get("hamza_carriers") or []),
        year_marks=tuple(
            sorted({normalize(str(x)) for x in data.get("year_marks") or []}, key=len)
        ),
        final_alef=frozenset(normalize(str(x)) for x in data.get("final_alef") or []),
        min_letters=int(data.get("min_letters", 5)),
        final_alef_names=frozenset(normalize(str(x)) for x in data.get("final_alef_names") or []),
        abbreviations={
            normalize(str(k)): normalize(str(v))
            for k, v in (data.get("abbreviations") or {}).items()
        },
        transpositions=bool(data.get("transpositions", False)),
        digraphs=tuple(
            (normalize(str(pair[0])), normalize(str(pair[1])))
            for pair in data.get("digraphs") or []
            if isinstance(pair, list) and len(pair) == 2
        ),
    )


_FOLD_KINDS = (  # letters that match normalization folds, and the variant they show
    (frozenset("أإآٱا"), "hamza_alef"),
    (frozenset("ىي"), "alef_maksura"),
    (frozenset("ةه"), "ta_marbuta"),
)


def _find_all(text: str, part: str) -> list[int]:
    """Start offsets of ``part`` in ``text``."""
    return [i for i in range(len(text)) if text.startswith(part, i)]


def _one_edit(a: str, b: str) -> tuple[str, str, str] | None:
    """The single edit turning ``a`` into ``b``: (kind, char_a, char_b), else None.

    kind is ``sub`` (one letter replaced), ``indel`` (one letter more or less;
    the letter in char_a or char_b) or ``swap`` (two neighbours exchanged).
    """
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return "sub", a[diff[0]], b[diff[0]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            if a[i] == b[i + 1] and a[i + 1] == b[i]:
                return "swap", a[i], a[i + 1]
        return None
    if abs(len(a) - len(b)) != 1:
        return None
    long, short = (a, b) if len(a) > len(b) else (b, a)
    i = next((k for k in range(len(short)) if long[k] != short[k]), len(short))
    if long[:i] + long[i + 1 :] != short:
        return None
    return ("indel", long[i], "") if long is a else ("indel", "", long[i])


def variant_kind(
    display_a: str, display_b: str, *, rules: VariantRules | None = None
) -> str | None:
    """Why two spellings are one word in different house styles, or None.

    Kinds: ``hamza_alef`` / ``alef_maksura`` / ``ta_marbuta`` (letters that
    match normalization folds: أ/ا, ى/ي, ة/ه), ``spacing`` (عبد العزيز /
    عبدالعزيز), ``year_mark`` (2013 / 2013م), ``number_format`` (1.391 /
    1391), ``definite_article`` on a name (الفيفا / فيفا), ``hamza_seat``
    (مسؤول / مسئول), ``final_alef`` (سورية / سوريا), ``shadda`` (غرّ / غرر: a
    doubled letter written once with a shadda), ``transliteration``
    (الأميركي / الأمريكي, سيرغي / سيرجي, ديميتري / دميتري), ``abbreviation``
    (د / الدكتور), ``transposition`` (المنتزهات / المتنزهات). Spellings that
    differ only in harakat or tatweel are the same spelling (None).

    Examples
    --------
    >>> [variant_kind(a, b) for a, b in [("عبد العزيز", "عبدالعزيز"), ("2013", "2013م"),
    ...     ("الأميركي", "الأمريكي"), ("سيرغي", "سيرجي"), ("الروسى", "الروسي"),
    ...     ("الإرهابيين", "المسلحين"), ("قال", "قيل")]]
    ['spacing', 'year_mark', 'transliteration', 'transliteration', 'alef_maksura', None, None]
    >>> [variant_kind(a, b) for a, b in [("سوروتش", "سوروج"), ("قادرون", "قادرين")]]
    ['transliteration', None]
    >>> [variant_kind(a, b) for a, b in [("غرّ", "غرر"), ("غرّ", "غر")]]
    ['shadda', None]
    """
    default = load_variant_rules()
    if rules is None or rules is default:
        return _default_variant_kind(display_a, display_b)
    return _variant_kind(display_a, display_b, rules)


@lru_cache(maxsize=1 << 18)
def _default_variant_kind(display_a: str, display_b: str) -> str | None:
    """:func:`variant_kind` with the shipped rules, memoized (a pure function of two strings:
    the aligned differences, discrepancies and terms ask it of the same spans again and again)."""
    return _variant_kind(display_a, display_b, load_variant_rules())


#: a letter doubled by a shadda (غرّ is غرر written short)
_SHADDA = re.compile("(\\w)\u0651")


def _variant_kind(display_a: str, display_b: str, rules: VariantRules) -> str | None:
    ua, ub = unmarked(display_a), unmarked(display_b)
    if ua == ub:
        return None
    doubled_a, doubled_b = _SHADDA.sub(r"\1\1", display_a), _SHADDA.sub(r"\1\1", display_b)
    if (doubled_a, doubled_b) != (display_a, display_b) and unmarked(doubled_a) == unmarked(
        doubled_b
    ):
        return "shadda"  # «غرّ بهم» / «غرر بهم»: one letter doubled, written with a shadda
    a, b = normalize(ua), normalize(ub)
    if a == b:  # match normalization folds the difference: say which letters differ
        if len(ua) == len(ub):
            for x, y in zip(ua, ub, strict=True):
                if x != y:
                    if x in "أإآ" and y in "أإآ":
                        return None  # إن / أن: two words (a hamza either way), not two spellings
                    for letters, kind in _FOLD_KINDS:
                        if x in letters and y in letters:
                            return kind
        return "letter_form"
    if a.replace(" ", "") == b.replace(" ", ""):
        return "spacing"
    if rules.abbreviations.get(a) == b or rules.abbreviations.get(b) == a:
        return "abbreviation"
    if " " in a or " " in b:
        return None
    if a.isdigit() or b.isdigit():
        for mark in rules.year_marks:
            if (a == b + mark or b == a + mark) and _year_like(min(a, b, key=len)):
                return "year_mark"  # (3460 / 3460م2 is an area in square metres)
        digits_a, digits_b = re.sub(r"[.,]", "", a), re.sub(r"[.,]", "", b)
        if digits_a == digits_b and digits_a.isdigit() and re.search(r"\d[.,]\d{3}\b", a + " " + b):
            return "number_format"
        return None
    if any(ch.isdigit() for ch in a + b):
        return None
    if (a == "ال" + b or b == "ال" + a) and min(len(a), len(b)) >= 3:
        return "definite_article"
    # سوروتش / سوروج: one foreign sound, two letter groups; the shorter spelling may be a
    # letter under the length floor (تشاوش / جاوش, Çavuşoğlu)
    if max(len(a), len(b)) >= rules.min_letters and min(len(a), len(b)) >= 3:
        for x, y in rules.digraphs:
            for p, q in ((a, b), (b, a)):
                if x in p and any(p[:i] + y + p[i + len(x) :] == q for i in _find_all(p, x)):
                    return "transliteration"
    if min(len(a), len(b)) < rules.min_letters:
        return None
    edit = _one_edit(a, b)
    if edit is None:
        return None
    kind, x, y = edit
    if kind == "sub":
        if {x, y} <= rules.hamza or (
            (x in rules.hamza and y in rules.hamza_carriers)
            or (y in rules.hamza and x in rules.hamza_carriers)
        ):
            return "hamza_seat"
        if (
            a[:-1] == b[:-1]
            and {x, y} == rules.final_alef
            and len(rules.final_alef) == 2
            and (a[:-1] + "ا" in rules.final_alef_names)
        ):
            return "final_alef"
        if {x, y} <= rules.long_vowels:
            if a[-2:] in ("ون", "ين") and b[-2:] in ("ون", "ين") and a[:-2] == b[:-2]:
                return None  # قادرون / قادرين: two case endings, grammar, not spelling
            return "transliteration"  # أنجليس / أنجلوس
        cx, cy = rules.classes.get(x), rules.classes.get(y)
        if cx is not None and cx == cy:
            return "transliteration"
        return None
    if kind == "indel":
        long = a if len(a) > len(b) else b
        at = next((i for i, (p, q) in enumerate(zip(a, b, strict=False)) if p != q), len(b))
        if (x or y) in rules.long_vowels:
            if long[at + 1 :] in ("ه", "ات", "ي", "ين", "ون", "يه"):
                return None  # an ending: اتفاقيات / اتفاقات is two words, not two spellings
            return "transliteration"
        if (x or y) == "ا" and long[at + 1 : at + 2] in rules.hamza:
            return "hamza_seat"  # مائة / مئة
        return None
    # swap of two neighbours, one of them a long vowel (الأميركي / الأمريكي)
    if x in rules.long_vowels or y in rules.long_vowels:
        return "transliteration"
    if rules.transpositions and min(len(a), len(b)) >= 5 and not {x, y} & {"ا", "و", "ي"}:
        return "transposition"  # المنتزهات / المتنزهات
    return None


def _year_like(number: str) -> bool:
    """A Gregorian (1800-2100) or Hijri (1300-1500) year."""
    return number.isdigit() and (1800 <= int(number) <= 2100 or 1300 <= int(number) <= 1500)
