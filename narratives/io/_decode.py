"""Bytes → text, trying UTF-8 first, then the usual Arabic encodings.

Every guess that is not plain UTF-8 is reported (:func:`~._errors.note`):
UTF-16 without a byte-order mark, a file mixing UTF-8 and cp1256 lines
(decoded line by line), a legacy code page.
"""

from __future__ import annotations

import codecs
import re

from narratives.io._errors import fail, note

_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
#: characters that show nothing: white space, controls, format and bidi marks, NUL
_INVISIBLE = (
    r"\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    r"\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
)
#: any other character (one is enough to show something)
_SHOWN = re.compile(f"[^{_INVISIBLE}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
#: tried in order after UTF-8; the first whose decoding looks like Arabic wins
ARABIC_ENCODINGS: tuple[str, ...] = ("cp1256", "iso8859_6")
UTF8 = ("utf-8", "utf-8-sig")


def visible(text: str) -> bool:
    """Whether ``text`` has anything a reader would see (not only NULs, spaces, marks).

    >>> visible("\\u200b\\u200f \\x00"), visible("لا")
    (False, True)
    """
    return _SHOWN.search(text) is not None


def _looks_arabic(text: str) -> bool:
    """At least a third of the letters are Arabic (a wrong code page gives Latin or junk)."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC.findall(text)) / letters >= 0.33


def _readable(text: str) -> float:
    """Share of characters that are letters, digits, spaces or punctuation (not controls)."""
    if not text:
        return 0.0
    return 1 - len(_CONTROL.findall(text)) / len(text)


def _concentration(data: bytes) -> float:
    """Share of ``data`` taken by its two most common byte values."""
    if not data:
        return 0.0
    counts = sorted((data.count(bytes([b])) for b in set(data)), reverse=True)
    return sum(counts[:2]) / len(data)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark.

    In UTF-16 one byte of every pair (the high byte) takes very few values:
    0x00 for Latin text and white space, 0x06 for Arabic letters.
    """
    if len(data) < 8:
        return None
    even, odd = _concentration(data[0::2]), _concentration(data[1::2])
    if max(even, odd) < 0.9:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    high = data[1::2] if odd > even else data[0::2]
    if high.count(0) + high.count(6) < len(high) / 2:  # Latin or Arabic: 0x00 or 0x06
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _readable(text) >= 0.95 and _LETTER.search(text) else None


def _mixed(data: bytes) -> tuple[str, list[int], list[int]] | None:
    """Decode line by line when some lines are UTF-8 and others cp1256."""
    utf8: list[int] = []
    legacy: list[int] = []
    parts: list[str] = []
    for n, line in enumerate(data.split(b"\n"), start=1):
        try:
            parts.append(line.decode("utf-8"))
            if not line.isascii():
                utf8.append(n)
        except UnicodeDecodeError:
            try:
                parts.append(line.decode("cp1256"))
            except UnicodeDecodeError:
                return None
            legacy.append(n)
    if not utf8 or not legacy:
        return None
    return "\n".join(parts), utf8, legacy


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out[:8]) + (" ..." if len(out) > 8 else "")


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are;
    UTF-16 without a BOM is recognised by its zero bytes; a file whose lines
    are partly UTF-8 and partly cp1256 is decoded line by line (encoding
    ``"mixed: utf-8 + cp1256"``); otherwise cp1256 and ISO-8859-6 are tried
    (accepted when at least a third of the letters come out Arabic), then
    charset-normalizer's guess. Every choice but UTF-8 is reported with a
    :class:`~narratives.io.NarrativesIngestWarning`.

    Raises
    ------
    IngestError
        ``where`` is empty (or only white space or NUL bytes), or no encoding fits.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     decode("سانا".encode("cp1256"), "x.txt")
    ('سانا', 'cp1256')
    """
    if not data.strip():
        raise fail(where, "empty file")
    if not data.replace(b"\x00", b"").strip():
        raise fail(where, "no text (only NUL bytes)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise fail(where, f"has a UTF-16 mark but is not UTF-16: {err}") from err
    utf8: tuple[str, str] | None = None
    try:
        if data.startswith(codecs.BOM_UTF8):
            utf8 = data.decode("utf-8-sig"), "utf-8-sig"
        else:
            utf8 = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if utf8 is not None and _readable(utf8[0]) >= 0.98:
        return utf8
    wide = _utf16_without_bom(data)
    if wide is not None:
        note(
            f"no byte-order mark, but every other byte is almost constant; decoded as {wide[1]}",
            where=where,
        )
        return wide
    if utf8 is not None:
        return utf8
    if data.count(0):
        raise fail(where, "binary data (zero bytes), not text")
    mixed = _mixed(data)
    if mixed is not None:
        text, utf8_lines, legacy = mixed
        note(
            f"mixed encodings: lines {_ranges(utf8_lines)} are UTF-8, lines "
            f"{_ranges(legacy)} are not (decoded as cp1256); decoded line by line",
            where=where,
        )
        return text, "mixed: utf-8 + cp1256"
    for encoding in ARABIC_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_arabic(text):
            note(f"not UTF-8; decoded as {encoding}", where=where)
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise fail(
            where,
            "not UTF-8, cp1256 or ISO-8859-6, and no other encoding fits (is it a text file?)",
        )
    note(f"not UTF-8; decoded as {best.encoding} (a guess)", where=where)
    return str(best), str(best.encoding)
