"""Bytes → text, trying UTF-8 first, then the usual Arabic encodings."""

from __future__ import annotations

import codecs
import re

from narratives.io._errors import IngestError

_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
#: tried in order after UTF-8; the first whose decoding looks like Arabic wins
ARABIC_ENCODINGS: tuple[str, ...] = ("cp1256", "iso8859_6")


def _looks_arabic(text: str) -> bool:
    """At least a third of the letters are Arabic (a wrong code page gives Latin or junk)."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC.findall(text)) / letters >= 0.33


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are;
    otherwise cp1256 and ISO-8859-6 are tried (accepted when at least a third of
    the letters come out Arabic), then charset-normalizer's guess.

    Raises
    ------
    IngestError
        ``where`` is empty (or only white space), or no encoding fits.

    Examples
    --------
    >>> decode("سانا".encode("cp1256"), "x.txt")
    ('سانا', 'cp1256')
    """
    if not data.strip():
        raise IngestError(f"{where}: empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise IngestError(f"{where}: has a UTF-16 mark but is not UTF-16: {err}") from err
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data.decode("utf-8-sig"), "utf-8-sig"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ARABIC_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_arabic(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(
            f"{where}: not UTF-8, cp1256 or ISO-8859-6, and no other encoding fits "
            "(is it a text file?)"
        )
    return str(best), str(best.encoding)
