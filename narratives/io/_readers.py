"""Files, folders and zip archives → raw article records (one dict per article).

A record has the keys of :data:`RECORD_KEYS`; :func:`narratives.io.read_corpus`
turns records into ARTICLES rows. Every problem is reported through
:func:`~narratives.io._errors.report`, naming the file (and record).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import polars as pl

from narratives.io._decode import decode
from narratives.io._errors import IngestError, OnError, note, report

RECORD_KEYS: tuple[str, ...] = (
    "article_id",
    "raw_text",
    "title",
    "outlet_value",  # outlet as given in metadata
    "outlet_field",
    "date_value",  # date as given in metadata
    "date_field",
    "url",
    "source_path",
    "encoding",
)

#: column names tried, in order, when the default column is absent
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "docid", "uid"),
    "text": ("text", "content", "body", "article", "raw_text"),
    "title": ("title", "headline"),
    "date": (
        "published",
        "publish_date",
        "date_published",
        "published_at",
        "pub_date",
        "date",
        "datetime",
        # crawl dates last: they only bound the publication date
        "date_extracted",
        "crawl_date",
        "date_crawled",
    ),
    "outlet": ("outlet", "series", "source", "newspaper", "publisher", "site", "source_name"),
    "url": ("url", "link", "source_url", "canonical_url"),
}
#: fields holding the date a page was crawled, not the date it was published
CRAWL_DATE_FIELDS: frozenset[str] = frozenset({"date_extracted", "crawl_date", "date_crawled"})
DEFAULTS: dict[str, str | None] = {
    "id": "id",
    "text": "text",
    "title": "title",
    "date": None,
    "outlet": None,
    "url": "url",
}
HTML_DATE = "page metadata date"  # how a date found by trafilatura is named in evidence
TEXT_SUFFIXES = {".txt", ".text"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".parquet"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True)
class Columns:
    """Column names asked for by the user (None: detect)."""

    id: str | None = "id"
    text: str | None = "text"
    title: str | None = "title"
    date: str | None = None
    outlet: str | None = None
    url: str | None = "url"

    def resolve(self, present: Sequence[str], where: str) -> dict[str, str | None]:
        """Map each field to a column of ``present``; a non-default missing column fails."""
        out: dict[str, str | None] = {}
        for name, default in DEFAULTS.items():
            asked = getattr(self, name)
            if asked is not None and asked != default:
                if asked not in present:
                    raise IngestError(
                        f"{where}: no {name} column {asked!r} "
                        f"(columns: {', '.join(map(str, present)) or 'none'})"
                    )
                out[name] = asked
                continue
            candidates = ((asked,) if asked else ()) + ALIASES[name]
            out[name] = next((c for c in candidates if c in present), None)
        if out["text"] is None:
            tried = list(dict.fromkeys(((self.text,) if self.text else ()) + ALIASES["text"]))
            raise IngestError(
                f"{where}: missing text field (looked for {', '.join(map(repr, tried))}"
                f"; columns: {', '.join(map(str, present)) or 'none'}); "
                "name it with text_column= / --text-column"
            )
        return out


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _numbers(items: Sequence[int]) -> str:
    shown = ", ".join(map(str, items[:10]))
    return shown + (f", ... ({len(items)} in all)" if len(items) > 10 else "")


def records_from_rows(
    rows: Sequence[Mapping[str, Any]],
    *,
    where: str,
    stem: str,
    columns: Columns,
    encoding: str,
    on_error: OnError,
) -> list[dict[str, Any]]:
    """Records from metadata rows (JSON objects, CSV/Parquet rows).

    A row whose text is empty but which has a title is kept (title only, empty
    text) and reported in one warning per file; a row with neither text nor
    title is skipped and reported (or stops the run with ``on_error="stop"``).
    """
    present: list[str] = []
    for row in rows:
        present += [k for k in row if k not in present]
    cols = columns.resolve(present, where)
    text_col = cols["text"] or "text"
    records: list[dict[str, Any]] = []
    kept_empty: list[int] = []
    skipped: list[int] = []
    for i, row in enumerate(rows):
        raw = row.get(text_col)
        title = _str(row.get(cols["title"])) if cols["title"] else None
        if not isinstance(raw, str) or not raw.strip():
            if title is None or not (raw is None or isinstance(raw, str)):
                skipped.append(i)
                problem = (
                    "missing" if raw is None else "empty" if isinstance(raw, str) else "not text"
                )
                if on_error == "stop":
                    report(f"{where} record {i}: {problem} text field {text_col!r}", on_error)
                continue
            kept_empty.append(i)
            raw = raw or ""
        ident = _str(row.get(cols["id"])) if cols["id"] else None
        records.append(
            {
                "article_id": ident or f"{stem}:{i}",
                "raw_text": raw,
                "title": title,
                "outlet_value": _str(row.get(cols["outlet"])) if cols["outlet"] else None,
                "outlet_field": cols["outlet"],
                "date_value": _str(row.get(cols["date"])) if cols["date"] else None,
                "date_field": cols["date"],
                "url": _str(row.get(cols["url"])) if cols["url"] else None,
                "source_path": where,
                "encoding": encoding,
            }
        )
    if skipped:
        report(
            f"{where}: {len(skipped)} record(s) without text in field {text_col!r} and without "
            f"a title skipped (records {_numbers(skipped)})",
            on_error,
        )
    if kept_empty:
        note(
            f"{where}: {len(kept_empty)} record(s) with an empty text field {text_col!r} kept "
            f"with their title only (records {_numbers(kept_empty)})"
        )
    return records


def _json_rows(text: str, where: str) -> list[Mapping[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise IngestError(f"{where}: not valid JSON ({err})") from err
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        data = (
            lists[0] if len(lists) == 1 and not any(k in data for k in ALIASES["text"]) else [data]
        )
    if not isinstance(data, list):
        raise IngestError(f"{where}: JSON must hold an object or an array of objects")
    bad = [i for i, row in enumerate(data) if not isinstance(row, dict)]
    if bad:
        raise IngestError(f"{where}: JSON array items {bad[:5]} are not objects")
    return data


def _jsonl_rows(text: str, where: str, on_error: OnError) -> list[Mapping[str, Any]]:
    rows: list[Mapping[str, Any]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            report(f"{where} line {n}: not valid JSON ({err})", on_error, skipped="line")
            continue
        if not isinstance(row, dict):
            report(f"{where} line {n}: not a JSON object", on_error, skipped="line")
            continue
        rows.append(row)
    return rows


def _table_rows(data: bytes, suffix: str, where: str) -> tuple[list[dict[str, Any]], str]:
    try:
        if suffix == ".parquet":
            return pl.read_parquet(io.BytesIO(data)).to_dicts(), "utf-8"
        text, encoding = decode(data, where)
        frame = pl.read_csv(
            io.StringIO(text),
            separator="\t" if suffix == ".tsv" else ",",
            infer_schema=False,
        )
        return frame.to_dicts(), encoding
    except (pl.exceptions.PolarsError, OSError) as err:
        kind = "Parquet" if suffix == ".parquet" else "CSV"
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise IngestError(f"{where}: not a readable {kind} file ({first})") from err


def _html_record(text: str, where: str) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = meta.get("text") if isinstance(meta, dict) else None
    if not body or not str(body).strip():
        raise IngestError(f"{where}: no article text found in the HTML page")
    return {
        "text": str(body),
        "title": meta.get("title"),
        "date": meta.get("date"),
        "url": meta.get("url"),
    }


def records_from_bytes(
    data: bytes,
    *,
    where: str,
    name: str,
    columns: Columns,
    on_error: OnError,
) -> list[dict[str, Any]]:
    """Records of one file (``name`` gives its suffix and stem; ``where`` names it)."""
    suffix = PurePosixPath(name).suffix.lower()
    stem = PurePosixPath(name).stem
    if not data.strip():
        raise IngestError(f"{where}: empty file")
    rows: Sequence[Mapping[str, Any]]
    if suffix in TABLE_SUFFIXES:
        rows, encoding = _table_rows(data, suffix, where)
    else:
        text, encoding = decode(data, where)
        if suffix in TEXT_SUFFIXES:
            if not text.strip():
                raise IngestError(f"{where}: empty file")
            if encoding not in ("utf-8", "utf-8-sig"):
                note(f"{where}: not UTF-8; decoded as {encoding}")
            record = dict.fromkeys(RECORD_KEYS)
            record.update(article_id=stem, raw_text=text, source_path=where, encoding=encoding)
            return [record]
        if suffix in HTML_SUFFIXES:
            page = _html_record(text, where)
            page[HTML_DATE] = page.pop("date")
            columns = Columns(date=HTML_DATE)
            rows = [{"id": stem, **page}]
        elif suffix in JSON_SUFFIXES:
            rows = _json_rows(text, where)
        else:
            rows = _jsonl_rows(text, where, on_error)
    if not rows:
        raise IngestError(f"{where}: no records")
    if encoding not in ("utf-8", "utf-8-sig"):
        note(f"{where}: not UTF-8; decoded as {encoding}")
    return records_from_rows(
        rows, where=where, stem=stem, columns=columns, encoding=encoding, on_error=on_error
    )


def _hidden(parts: Sequence[str]) -> bool:
    return any(p.startswith((".", "__MACOSX")) for p in parts)


def iter_files(
    paths: Sequence[str | Path], on_error: OnError
) -> Iterator[tuple[str, str, Callable[[], bytes]]]:
    """``(where, name, read)`` for every readable file under ``paths``.

    Folders are walked recursively (sorted; hidden files skipped), zip
    archives are opened and their members listed as ``"archive.zip::member"``.
    """
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path).parts)
            )
            if not files:
                report(f"{path}: folder holds no files", on_error)
            for file in files:
                yield from _from_file(file, on_error, in_folder=True)
        elif path.is_file():
            yield from _from_file(path, on_error, in_folder=False)
        else:
            report(f"{path}: no such file or folder", on_error)


def _from_file(
    path: Path, on_error: OnError, *, in_folder: bool
) -> Iterator[tuple[str, str, Callable[[], bytes]]]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from _from_zip(path, on_error)
    elif suffix in SUPPORTED:
        yield str(path), path.name, path.read_bytes
    else:
        kinds = ", ".join(sorted(SUPPORTED | {".zip"}))
        report(
            f"{path}: unsupported file type {suffix or '(none)'!r} (read: {kinds})",
            on_error,
            skipped="file",
        )


def _from_zip(path: Path, on_error: OnError) -> Iterator[tuple[str, str, Callable[[], bytes]]]:
    try:
        archive = zipfile.ZipFile(path)
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir() and not _hidden(PurePosixPath(m.filename).parts)
        ]
    except (zipfile.BadZipFile, OSError) as err:
        report(f"{path}: unreadable zip archive ({err})", on_error, skipped="archive")
        return
    with archive:
        for member in members:
            where = f"{path}::{member.filename}"
            suffix = PurePosixPath(member.filename).suffix.lower()
            if suffix not in SUPPORTED:
                report(
                    f"{where}: unsupported file type {suffix or '(none)'!r}",
                    on_error,
                    skipped="file",
                )
                continue

            def read(member: zipfile.ZipInfo = member, where: str = where) -> bytes:
                try:
                    return archive.read(member)
                except (zipfile.BadZipFile, OSError, EOFError) as err:
                    raise IngestError(f"{where}: unreadable archive member ({err})") from err

            yield where, member.filename, read
