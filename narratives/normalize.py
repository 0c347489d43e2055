"""Arabic text normalization, at two documented levels.

``"display"`` (display-safe)
    Changes nothing a reader would call a different spelling: Arabic
    presentation forms become their base letters, invisible format
    characters (zero-width joiners, bidi embeddings/overrides/isolates, BOM,
    Arabic letter mark) are removed, every run of white space becomes one
    space, and the ends are trimmed.

``"match"`` (for comparing text across outlets)
    Everything ``"display"`` does, plus: diacritics (harakat, tanwin, shadda,
    sukun, dagger alef, Quranic marks) and tatweel removed; alef forms
    (أ إ آ ٱ) → ا; alef maksura ى → ي; ta marbuta ة → ه; Persian/Urdu
    letter forms (ی ک ہ ۀ) → Arabic ones; Arabic-Indic and Persian digits → ASCII
    digits; quote marks (“ ” « » „ ‟ ‘ ’ ‹ › ″ ＂) → ``"``; Arabic comma,
    semicolon, question mark and percent → ASCII; dashes → ``-``; Latin
    lower-cased.

Both levels are idempotent (``normalize(normalize(t)) == normalize(t)``) and
have an offset-aware twin, :func:`normalize_with_offsets`, that also returns,
for every output character, the index of the input character it came from.

Clitic stripping is separate (:func:`strip_clitics`): a prefix (و ف ب ل ك,
then ال) is removed only when what remains is a known word, so names such as
لافروف are never cut to افروف.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import cache
from typing import Any, Literal

from narratives._callable import make_callable

Level = Literal["display", "match"]
LEVELS: tuple[Level, ...] = ("display", "match")

_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2066\u2067\u2068\u2069"  # word joiner, bidi isolates
    "\ufeff"  # BOM / zero-width no-break space
)
_DIACRITICS = (
    [chr(c) for c in range(0x0610, 0x061B)]  # honorifics and small marks
    + [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, hamza marks
    + ["\u0670"]  # dagger alef
    + [chr(c) for c in range(0x06D6, 0x06DD)]  # Quranic annotation marks
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
_TATWEEL = "\u0640"
_MATCH_MAP: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Farsi yeh
    "ې": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ک": "ك",  # keheh
    "ڪ": "ك",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "«": '"',
    "»": '"',
    "″": '"',
    "＂": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "‹": "'",
    "›": "'",
    "`": "'",
    "´": "'",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    "۔": ".",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "‐": "-",
    "‑": "-",
}
for _i in range(10):
    _MATCH_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MATCH_MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (FB50–FDFF, FE70–FEFF) → base letters (NFKC)."""
    table: dict[str, str] = {}
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFF)):
        for code in block:
            ch = chr(code)
            mapped = unicodedata.normalize("NFKC", ch)
            if mapped != ch:
                table[ch] = mapped
    return table


def _char_map(level: Level) -> dict[str, str]:
    """Single-character rewrite rules of ``level``, composed to fixed points."""
    base: dict[str, str] = {ch: "" for ch in _INVISIBLE}
    if level == "match":
        base.update({ch: "" for ch in _DIACRITICS})
        base[_TATWEEL] = ""
        base.update(_MATCH_MAP)
    forms = _presentation_forms()

    def rewrite(ch: str) -> str:
        out = forms.get(ch, ch)
        out = "".join(base.get(c, c) for c in out)
        if level == "match":
            out = out.lower()
            out = "".join(base.get(c, c) for c in out)
        return out

    keys = set(base) | set(forms)
    if level == "match":
        keys |= {chr(c) for c in range(0x41, 0x5B)} | {chr(c) for c in range(0xC0, 0x250)}
    table = {}
    for ch in keys:
        out = rewrite(ch)
        if out != ch:
            table[ch] = out
    return table


@cache
def _table(level: Level) -> dict[int, str]:
    if level not in LEVELS:
        raise ValueError(f"unknown normalization level {level!r}; choose one of {LEVELS}")
    return {ord(k): v for k, v in _char_map(level).items()}


_SPACE_RUN = re.compile(r"\s+")


def normalize(text: str, level: Level = "match") -> str:
    """Normalize Arabic ``text`` at ``level`` (``"display"`` or ``"match"``).

    Examples
    --------
    >>> normalize("وزير الخارجية الروسى سيرغى لافروف")
    'وزير الخارجيه الروسي سيرغي لافروف'
    >>> normalize("«داعش»  الإرهابيّ", level="match")
    '"داعش" الارهابي'
    >>> normalize("سورية\\u200f  اليوم", level="display")
    'سورية اليوم'
    """
    if len(text) >= _ARRAY_MIN:
        out = _normalize_array(text, level)
        if out is not None:
            return out
    return _SPACE_RUN.sub(" ", text.translate(_table(level))).strip()


#: characters from which a text is normalized as an array of code points (faster
#: than ``str.translate`` with a dict and a regex on all but short texts)
_ARRAY_MIN = 150
#: the rewrite of a character ``level`` removes / rewrites as two or more characters
_DELETED, _LONGER = 0x110000, 0x110001


@cache
def _arrays(level: Level) -> tuple[Any, Any]:
    """Per BMP code point: its one-character rewrite (:data:`_DELETED`: none,
    :data:`_LONGER`: two or more, those texts take the ``str.translate`` path), and
    whether it is white space.
    """
    import numpy as np

    table = _table(level)
    single = np.arange(0x10000, dtype=np.uint32)
    for code, out in table.items():
        if code >= 0x10000 or (len(out) == 1 and ord(out) >= 0x10000):
            raise AssertionError("normalization rules beyond the BMP need the translate path")
        single[code] = ord(out) if len(out) == 1 else _DELETED if not out else _LONGER
    space = np.array([chr(c).isspace() for c in range(0x10000)], dtype=bool)
    return single, space


def _normalize_array(text: str, level: Level) -> str | None:
    """:func:`normalize` on the text's code points with numpy (None: a text it leaves to
    ``str.translate``: characters beyond the BMP, a rule giving two characters, surrogates).
    """
    import numpy as np

    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if codes.max() >= 0x10000:
        return None
    single, space = _arrays(level)
    mapped = single[codes]
    if mapped.max() >= _DELETED:
        if (mapped == _LONGER).any():
            return None
        mapped = mapped[mapped != _DELETED]
    blank = space[mapped]
    # each run of white space becomes one space, none at either end
    keep = ~blank
    keep[1:] |= keep[:-1]
    mapped[blank] = 32
    out = mapped[keep]
    if out.size and out[-1] == 32:
        out = out[:-1]
    return out.tobytes().decode("utf-32-le")


def normalize_with_offsets(text: str, level: Level = "match") -> tuple[str, list[int]]:
    """Normalize like :func:`normalize` and map every output character back.

    Returns
    -------
    (normalized, offsets)
        ``offsets[i]`` is the index in ``text`` of the character that produced
        ``normalized[i]``. The span ``normalized[i:j]`` therefore comes from
        ``text[offsets[i] : offsets[j - 1] + 1]``.

    Examples
    --------
    >>> out, offsets = normalize_with_offsets("  الإرهابيّ")
    >>> out, offsets[0], offsets[-1]
    ('الارهابي', 2, 9)
    """
    table = _table(level)
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        for r in rep:
            if r.isspace():
                if not chars or chars[-1] == " ":
                    continue
                r = " "
            chars.append(r)
            offsets.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def tokenize(text: str, level: Level = "match") -> list[str]:
    """Word tokens of ``text`` after normalization (punctuation dropped).

    >>> tokenize("قال لافروف: «الإرهاب»، اليوم")
    ['قال', 'لافروف', 'الارهاب', 'اليوم']
    """
    return _TOKEN.findall(normalize(text, level))


#: proclitic letters stripped before a known word (conjunctions, prepositions)
PROCLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل", "ك")
DEFINITE_ARTICLE = "ال"


def strip_clitics(token: str, vocabulary: Collection[str], *, min_stem: int = 2) -> str:
    """Remove proclitics from a match-normalized ``token`` where the rest is known.

    Up to two of و ف ب ل ك are removed, then ال (and the لل of ل + ال),
    each only if what remains is in ``vocabulary`` and at least ``min_stem``
    letters long. Unknown remainders leave the token whole: a light stemmer
    that cut every leading ل would turn لافروف into افروف.

    Examples
    --------
    >>> vocab = {"الارهاب", "ارهاب", "لافروف", "الولايات", "ولايات"}
    >>> strip_clitics("والارهاب", vocab)
    'ارهاب'
    >>> strip_clitics("لافروف", vocab)
    'لافروف'
    >>> strip_clitics("للولايات", vocab)
    'ولايات'
    """
    word = token
    for _ in range(2):
        if len(word) > min_stem and word[0] in PROCLITICS:
            rest = word[1:]
            if rest in vocabulary or (
                word[0] == "ل" and rest.startswith("ل") and "ا" + rest in vocabulary
            ):
                word = rest if rest in vocabulary else "ا" + rest
                continue
        break
    if word.startswith(DEFINITE_ARTICLE) and len(word) - 2 >= min_stem:
        rest = word[2:]
        if rest in vocabulary:
            word = rest
    return word


def build_vocabulary(texts: Iterable[str], *, min_count: int = 1) -> set[str]:
    """Known words for :func:`strip_clitics`: tokens seen standing alone in ``texts``.

    ``texts`` should already be match-normalized or raw; they are normalized here.

    >>> sorted(build_vocabulary(["الإرهاب خطر", "والإرهاب"]))
    ['الارهاب', 'خطر', 'والارهاب']
    """
    counts: dict[str, int] = {}
    for text in texts:
        for tok in tokenize(text):
            counts[tok] = counts.get(tok, 0) + 1
    return {tok for tok, n in counts.items() if n >= min_count}


make_callable(__name__, normalize)
