"""Which outlet an article comes from: metadata, URL, credit lines, datelines.

The outlets are data (``narratives/lexicons/outlets.yaml``), extended by the
user's own YAML file of the same format. :func:`infer_outlet` returns the
outlet id together with *how* it was found and the cue, so no outlet is ever
a silent guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from narratives._resources import load_yaml
from narratives.io._text import fold

SHIPPED = "outlets.yaml"

#: kinds of text cue, with the span roles they are looked for in
CUE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("credits", ("credit",)),
    ("datelines", ("dateline",)),
    ("credits", ("boilerplate",)),
    ("site_markers", ("boilerplate",)),
)
_ROLE_LABEL = {"credit": "credit line", "dateline": "dateline", "boilerplate": "page furniture"}


@dataclass(frozen=True)
class Outlets:
    """The outlets lexicon, compiled for fast lookup (build with :func:`load_outlets`)."""

    ids: tuple[str, ...]
    aliases: Mapping[str, str]  # folded id/alias/name -> id (for metadata values)
    domains: tuple[tuple[str, str], ...]  # (domain, id), longest domain first
    cues: Mapping[str, re.Pattern[str]]  # kind -> one regex over the folded cues
    owners: Mapping[str, Mapping[str, tuple[str, str]]]  # kind -> folded cue -> (id, note)
    source: str  # where the lexicon came from

    def canonical(self, value: str) -> str | None:
        """The outlet id for a metadata value (id, alias or name), or None."""
        return self.aliases.get(fold(value)) or self.aliases.get(value.strip().lower())


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _entries(name_or_path: str | Path) -> list[dict[str, Any]]:
    data = load_yaml(name_or_path)
    entries = data.get("outlets") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ValueError(f"{name_or_path}: expected a list under 'outlets:'")
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("id"):
            raise ValueError(f"{name_or_path}: outlet entry {i} has no 'id'")
    return entries


def _compile(cues: Iterable[str], *, glued: bool = False) -> re.Pattern[str]:
    """One regex for ``cues``: whole words, after an optional proclitic (و ف ب ل ك).

    ``glued`` cues may run into the next word (site markers such as
    "الشريط الاخباري" printed as "الشريط الاخباريدولي").
    """
    ordered = sorted(set(cues), key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(c) for c in ordered)
    right = "" if glued else r"(?![^\W_])"
    return re.compile(rf"(?<![^\W_])[وفبلك]?(?P<cue>{body}){right}", re.IGNORECASE)


def build_outlets(entries: Sequence[Mapping[str, Any]], *, source: str = "") -> Outlets:
    """Compile outlet entries (dicts as in ``outlets.yaml``) into an :class:`Outlets`.

    Later entries with the same id replace earlier ones.
    """
    by_id: dict[str, Mapping[str, Any]] = {}
    for entry in entries:
        by_id[str(entry["id"])] = entry
    aliases: dict[str, str] = {}
    domains: list[tuple[str, str]] = []
    owners: dict[str, dict[str, tuple[str, str]]] = {k: {} for k, _ in CUE_KINDS}
    for oid, entry in by_id.items():
        names = [oid, *_as_list(entry.get("aliases"))]
        names += _as_list(entry.get("name_en")) + _as_list(entry.get("name_ar"))
        for name in names:
            aliases.setdefault(fold(str(name)), oid)
        for domain in _as_list(entry.get("domains")):
            domains.append((str(domain).lower().lstrip("."), oid))
        for kind in ("credits", "datelines"):
            for cue in _as_list(entry.get(kind)):
                owners[kind][fold(str(cue))] = (oid, "")
        for marker in _as_list(entry.get("site_markers")):
            text, why = (
                (marker.get("marker", ""), marker.get("note", ""))
                if isinstance(marker, Mapping)
                else (marker, "")
            )
            owners["site_markers"][fold(str(text))] = (oid, str(why))
    domains.sort(key=lambda d: len(d[0]), reverse=True)
    return Outlets(
        ids=tuple(by_id),
        aliases=aliases,
        domains=tuple(domains),
        cues={
            kind: _compile(owned, glued=kind == "site_markers") for kind, owned in owners.items()
        },
        owners=owners,
        source=source,
    )


@lru_cache(maxsize=16)
def _load(paths: tuple[str, ...]) -> Outlets:
    entries: list[dict[str, Any]] = []
    for path in paths:
        entries += _entries(path)
    return build_outlets(entries, source=" + ".join(paths))


def load_outlets(path: str | Path | Outlets | None = None) -> Outlets:
    """The shipped outlets, merged with the user's YAML at ``path`` (same format).

    Examples
    --------
    >>> outlets = load_outlets()
    >>> "sana" in outlets.ids, outlets.canonical("روسيا اليوم")
    (True, 'rt-arabic')
    """
    if isinstance(path, Outlets):
        return path
    paths = (SHIPPED,) if path is None else (SHIPPED, str(path))
    return _load(paths)


def outlet_from_url(url: str | None, outlets: Outlets) -> tuple[str, str] | None:
    """``(outlet_id, domain)`` when ``url`` is on a known outlet's domain."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    for domain, oid in outlets.domains:
        if host == domain or host.endswith("." + domain):
            return oid, domain
    return None


def infer_outlet(
    raw_text: str,
    url: str | None,
    outlets: Outlets | None = None,
    *,
    spans: Sequence[Mapping[str, Any]] | None = None,
) -> tuple[str | None, str, str]:
    """Infer the outlet of one article from its URL and its non-body lines.

    Cues are tried in order: URL domain, credit lines, datelines, credit
    phrases and site markers in page furniture (copyright lines, navigation).
    Body text is never used: an article that quotes "روسيا اليوم" is not RT's.

    Parameters
    ----------
    raw_text
        The article text as read.
    url
        The article URL, if known.
    outlets
        From :func:`load_outlets` (default: the shipped lexicon).
    spans
        The article's spans from :func:`narratives.io.clean_article`
        (computed when not given).

    Returns
    -------
    (outlet, method, evidence)
        ``method`` is ``"inferred"`` with the cue in ``evidence``, or
        ``"unknown"`` (outlet None) with the reason.

    Examples
    --------
    >>> infer_outlet("موسكو-سانا\\nأكد وزير الخارجية الروسي أمس أن بلاده مستعدة.", None)
    ('sana', 'inferred', 'dateline: موسكو-سانا')
    >>> infer_outlet("نص بلا أي إشارة إلى المصدر.", None)[:2]
    (None, 'unknown')
    """
    outlets = outlets or load_outlets()
    hit = outlet_from_url(url, outlets)
    if hit is not None:
        return hit[0], "inferred", f"url domain: {hit[1]}"
    if spans is None:
        from narratives.io.clean import clean_article

        spans = clean_article(raw_text, outlets=outlets).spans
    for kind, roles in CUE_KINDS:
        pattern = outlets.cues[kind]
        for span in spans:
            if span["role"] not in roles:
                continue
            piece = raw_text[span["start"] : span["end"]]
            match = pattern.search(fold(piece))
            if match is None:
                continue
            oid, why = outlets.owners[kind][match.group("cue")]
            label = "site marker" if kind == "site_markers" else _ROLE_LABEL[span["role"]]
            evidence = f"{label}: {piece.strip()}"
            if why:
                evidence += f" ({why})"
            return oid, "inferred", evidence
    return (
        None,
        "unknown",
        "no outlet metadata, and no known domain, credit line, dateline or site marker "
        f"(checked against {len(outlets.ids)} outlets in {outlets.source})",
    )
