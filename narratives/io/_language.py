"""A cheap script-based language flag for the ARTICLES ``language`` column."""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SAMPLE = 1500  # characters looked at; enough to tell the script of an article


def detect_language(text: str, *, threshold: float = 0.6) -> str:
    """``"ar"`` or ``"en"`` when that script has ``threshold`` of the letters, else ``"und"``.

    Latin script is reported as ``"en"`` (the toolkit does not tell Latin-script
    languages apart); text with too few letters is ``"und"``.

    Examples
    --------
    >>> detect_language("قال وزير الخارجية الروسي")
    'ar'
    >>> detect_language("Lavrov said on Wednesday")
    'en'
    >>> detect_language("2024 - 44")
    'und'
    """
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    letters = arabic + latin
    if letters < 3:
        return "und"
    if arabic / letters >= threshold:
        return "ar"
    if latin / letters >= threshold:
        return "en"
    return "und"
