"""A cheap script-based language flag for the ARTICLES ``language`` column."""

from __future__ import annotations

import re

_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
#: letters of Urdu that Arabic and Persian do not use (ٹ ڈ ڑ ں ہ ھ ے ۓ)
_URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06c1\u06be\u06d2\u06d3]")
#: letters of Persian (and Urdu) that Arabic does not use (پ چ ژ گ)
_PERSIAN_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06af]")
#: frequent Persian words that are not Arabic words (with Persian ی / ک)
_PERSIAN_WORDS = frozenset(
    [
        "است",
        "این",
        "که",
        "را",
        "می",
        "های",
        "برای",
        "یک",
        "شده",
        "بود",
        "کرد",
        "شود",
        "نیز",
        "ای",
        "باید",
        "دارد",
        "کند",
        "گفت",
    ]
)
#: frequent Urdu words (with Urdu ہ / ے / ک / ی)
_URDU_WORDS = frozenset(
    ("ہے", "ہیں", "کے", "کی", "کا", "میں", "سے", "نے", "کو", "اور", "یہ", "پر", "تھا", "گیا")
)
_SAMPLE = 1500  # characters looked at; enough to tell the script of an article


def _arabic_script_language(sample: str, arabic: int, words: list[str] | None = None) -> str:
    """``"ar"``, ``"fa"`` or ``"ur"`` for text written in Arabic script (``words``: its
    runs of Arabic letters, when the caller has them)."""
    if words is None:
        words = _WORD.findall(sample)
    if not words:
        return "ar"
    urdu_words = sum(map(_URDU_WORDS.__contains__, words))
    persian_words = sum(map(_PERSIAN_WORDS.__contains__, words))
    urdu_letters = len(_URDU_LETTERS.findall(sample))
    persian_letters = len(_PERSIAN_LETTERS.findall(sample))
    # a few hits are needed: one loan name or one stray word does not make a language
    if (urdu_words >= 3 and urdu_words / len(words) >= 0.08) or (
        urdu_letters >= 3 and urdu_letters / arabic >= 0.02
    ):
        return "ur"
    if (persian_words >= 3 and persian_words / len(words) >= 0.05) or (
        persian_letters >= 3 and persian_letters / arabic >= 0.02
    ):
        return "fa"
    return "ar"


def detect_language(text: str, *, threshold: float = 0.6) -> str:
    """``"ar"``, ``"fa"``, ``"ur"`` or ``"en"`` when that script has ``threshold`` of the letters.

    Latin script is reported as ``"en"`` (the toolkit does not tell Latin-script
    languages apart); Arabic script is ``"fa"`` (Persian) or ``"ur"`` (Urdu)
    when the letters Arabic does not use (پ چ ژ گ; ٹ ڈ ڑ ں ے) or the frequent
    words of those languages (است این که را; ہے کے کی) are common enough; text
    with too few letters is ``"und"``.

    Examples
    --------
    >>> detect_language("قال وزير الخارجية الروسي")
    'ar'
    >>> detect_language("وزیر امور خارجه روسیه گفت که این روند ادامه دارد")
    'fa'
    >>> detect_language("Lavrov said on Wednesday")
    'en'
    >>> detect_language("2024 - 44")
    'und'
    """
    sample = text[:_SAMPLE]
    # letters counted as the lengths of their runs (fewer matches than one per letter)
    words = _WORD.findall(sample)
    arabic = sum(map(len, words))
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    letters = arabic + latin
    if letters < 3:
        return "und"
    if arabic / letters >= threshold:
        return _arabic_script_language(sample, arabic, words)
    if latin / letters >= threshold:
        return "en"
    return "und"
