"""Files, folders and zip archives → raw article records (one dict per article).

A record has the keys of :data:`RECORD_KEYS`; :func:`narratives.io.read_corpus`
turns records into ARTICLES rows. Every problem is reported through
:func:`~narratives.io._errors.report` or :func:`~narratives.io._errors.note`,
naming the file (and member, line or record): nothing is left out without a
line in the reading problems.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import polars as pl

from narratives.io._decode import decode, visible
from narratives.io._errors import OnError, fail, note, report

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
    "source_group",  # the file or folder an unknown outlet is named after
)
#: largest zip member read (bytes of decompressed data); see ``max_member_bytes``
MAX_MEMBER_BYTES = 100 * 2**20

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
                    raise fail(
                        where,
                        f"no {name} column {asked!r} "
                        f"(columns: {', '.join(map(str, present)) or 'none'})",
                    )
                out[name] = asked
                continue
            candidates = ((asked,) if asked else ()) + ALIASES[name]
            out[name] = next((c for c in candidates if c in present), None)
        if out["text"] is None:
            tried = list(dict.fromkeys(((self.text,) if self.text else ()) + ALIASES["text"]))
            raise fail(
                where,
                f"missing text field (looked for {', '.join(map(repr, tried))}"
                f"; columns: {', '.join(map(str, present)) or 'none'}); "
                "name it with text_column= / --text-column",
            )
        return out


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class Source:
    """One file (or archive member) to read.

    ``key`` is its path relative to the folder or archive given (without the
    suffix; ``outletA/1`` for ``corpus/outletA/1.txt``): the article id of a
    one-article file and the prefix of the ids of a records file, unique by
    construction. ``group`` names the folder (or, for a file at the top, the
    file) an article of unknown outlet is kept apart under.
    """

    where: str
    name: str
    key: str
    group: str
    root: str
    read: Callable[[], bytes]


def _location(kind: str, n: int) -> str:
    return f"{kind} {n}"


def records_from_rows(
    rows: Sequence[Mapping[str, Any]],
    *,
    where: str,
    stem: str,
    columns: Columns,
    encoding: str,
    on_error: OnError,
    locations: Sequence[str] | None = None,
    group: str | None = None,
) -> list[dict[str, Any]]:
    """Records from metadata rows (JSON objects, CSV/Parquet rows).

    A row whose text is empty but which has a title is kept (title only, empty
    text) and reported in one warning per file; a row with neither text nor
    title is skipped and reported (or stops the run with ``on_error="stop"``).
    ``locations`` name the rows in problems (default ``"record <i>"``).
    """
    present: list[str] = []
    for row in rows:
        present += [k for k in row if k not in present]
    cols = columns.resolve(present, where)
    text_col = cols["text"] or "text"
    where_of = list(locations) if locations else [_location("record", i) for i in range(len(rows))]
    records: list[dict[str, Any]] = []
    kept_empty: list[str] = []
    skipped: list[str] = []
    for i, row in enumerate(rows):
        raw = row.get(text_col)
        title = _str(row.get(cols["title"])) if cols["title"] else None
        if title is not None and not visible(title):
            title = None
        if not isinstance(raw, str) or not visible(raw):
            if title is None or not (raw is None or isinstance(raw, str)):
                skipped.append(where_of[i])
                problem = (
                    "missing" if raw is None else "empty" if isinstance(raw, str) else "not text"
                )
                if on_error == "stop":
                    report(
                        f"{problem} text field {text_col!r}",
                        on_error,
                        where=where,
                        location=where_of[i],
                    )
                continue
            kept_empty.append(where_of[i])
            raw = ""
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
                "source_group": group,
                "location": where_of[i],
            }
        )
    if skipped:
        report(
            f"no text in field {text_col!r} and no title",
            on_error,
            where=where,
            locations=skipped,
            skipped="record",
        )
    if kept_empty:
        note(
            f"empty text field {text_col!r}",
            where=where,
            locations=kept_empty,
            action="kept with its title only",
        )
    return records


def _json_rows(text: str, where: str) -> list[Mapping[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise fail(where, f"not valid JSON ({err})") from err
    except RecursionError as err:
        raise fail(where, "JSON nested too deeply to read") from err
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        data = (
            lists[0] if len(lists) == 1 and not any(k in data for k in ALIASES["text"]) else [data]
        )
    if not isinstance(data, list):
        raise fail(where, "JSON must hold an object or an array of objects")
    bad = [i for i, row in enumerate(data) if not isinstance(row, dict)]
    if bad:
        raise fail(where, f"JSON array items {bad[:5]} are not objects")
    return data


def _jsonl_rows(
    text: str, where: str, on_error: OnError
) -> tuple[list[Mapping[str, Any]], list[str]]:
    """Rows of a JSON Lines file and their line numbers.

    Lines end at ``\\n`` only (a ``\\r`` before it is dropped): U+2028, U+2029,
    U+0085 and the other characters :meth:`str.splitlines` would also split
    on may stand unescaped inside JSON strings.
    """
    rows: list[Mapping[str, Any]] = []
    lines: list[str] = []
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            report(
                f"not valid JSON ({err})",
                on_error,
                where=where,
                location=f"line {n}",
                skipped="line",
            )
            continue
        except RecursionError:
            report(
                "JSON nested too deeply to read",
                on_error,
                where=where,
                location=f"line {n}",
                skipped="line",
            )
            continue
        if not isinstance(row, dict):
            report("not a JSON object", on_error, where=where, location=f"line {n}", skipped="line")
            continue
        rows.append(row)
        lines.append(f"line {n}")
    return rows, lines


def _csv_salvage(
    text: str, separator: str, where: str, on_error: OnError
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows of a CSV file the fast reader refused: good records kept, bad lines reported.

    A record is one line, or several when a quoted field spans lines; a line
    that opens a quote never closed (no valid record can start there) is
    reported and skipped, and reading goes on at the next line.
    """
    lines = text.split("\n")
    header: list[str] | None = None
    rows: list[dict[str, Any]] = []
    where_of: list[str] = []
    n = 0
    while n < len(lines):
        found = None
        for end in range(n + 1, min(len(lines), n + 200) + 1):
            chunk = "\n".join(lines[n:end])
            try:
                parsed = list(csv.reader(io.StringIO(chunk), delimiter=separator, strict=True))
            except csv.Error:
                continue
            if len(parsed) == 1 and (header is None or len(parsed[0]) == len(header)):
                found = (parsed[0], end)
                break
            if not parsed:
                found = ([], end)
                break
        if found is None:
            report(
                "unterminated quote or wrong number of fields",
                on_error,
                where=where,
                location=f"line {n + 1}",
                skipped="line",
            )
            n += 1
            continue
        fields, end = found
        if fields and header is None:
            header = fields
        elif fields and any(f.strip() for f in fields):
            rows.append(dict(zip(header or [], fields, strict=False)))
            where_of.append(f"line {n + 1}")
        n = end
    return rows, where_of


def _table_rows(
    data: bytes, suffix: str, where: str, on_error: OnError
) -> tuple[list[dict[str, Any]], str, list[str] | None]:
    """Rows of a CSV/TSV/Parquet file, its encoding and the rows' locations (None: records)."""
    if suffix == ".parquet":
        try:
            return pl.read_parquet(io.BytesIO(data)).to_dicts(), "utf-8", None
        except (pl.exceptions.PolarsError, OSError, ValueError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise fail(where, f"not a readable Parquet file ({first})") from err
    text, encoding = decode(data, where)
    separator = "\t" if suffix == ".tsv" else ","
    try:
        frame = pl.read_csv(io.StringIO(text), separator=separator, infer_schema=False)
        return frame.to_dicts(), encoding, None
    except (pl.exceptions.PolarsError, OSError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        rows, where_of = _csv_salvage(text, separator, where, on_error)
        if not rows:
            raise fail(where, f"not a readable CSV file ({first})") from err
        return rows, encoding, where_of


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
    if not body or not visible(str(body)):
        raise fail(where, "no article text found in the HTML page")
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
    key: str | None = None,
    group: str | None = None,
) -> list[dict[str, Any]]:
    """Records of one file (``name`` gives its suffix; ``where`` names it).

    ``key`` is the id of a one-article file and the prefix of the ids of the
    records of a records file (default: the stem of ``name``); ``group`` names
    where an article of unknown outlet comes from.
    """
    suffix = PurePosixPath(name).suffix.lower()
    stem = key if key is not None else PurePosixPath(name).stem
    if not data.strip():
        raise fail(where, "empty file")
    rows: Sequence[Mapping[str, Any]]
    locations: list[str] | None = None
    if suffix in TABLE_SUFFIXES:
        rows, encoding, locations = _table_rows(data, suffix, where, on_error)
    else:
        text, encoding = decode(data, where)
        if suffix in TEXT_SUFFIXES:
            if not text.strip():
                raise fail(where, "empty file")
            if not visible(text):
                raise fail(where, "no visible text (only invisible or control characters)")
            record = dict.fromkeys(RECORD_KEYS)
            record.update(
                article_id=stem,
                raw_text=text,
                source_path=where,
                encoding=encoding,
                source_group=group,
            )
            return [record]
        if suffix in HTML_SUFFIXES:
            page = _html_record(text, where)
            page[HTML_DATE] = page.pop("date")
            columns = Columns(date=HTML_DATE)
            rows = [{"id": stem, **page}]
        elif suffix in JSON_SUFFIXES:
            rows = _json_rows(text, where)
        else:
            rows, locations = _jsonl_rows(text, where, on_error)
    if not rows:
        raise fail(where, "no records")
    return records_from_rows(
        rows,
        where=where,
        stem=stem,
        columns=columns,
        encoding=encoding,
        on_error=on_error,
        locations=locations,
        group=group,
    )


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def _strip_suffix(rel: str) -> str:
    path = PurePosixPath(rel)
    return str(path.with_suffix("")) if path.suffix else rel


def _group(prefix: str, rel: str) -> str:
    """The folder a file sits in, below the root (or the file itself when at the top)."""
    parent = str(PurePosixPath(rel).parent)
    return prefix + (rel if parent == "." else parent)


def iter_files(
    paths: Sequence[str | Path],
    on_error: OnError,
    *,
    max_member_bytes: int = MAX_MEMBER_BYTES,
) -> Iterator[Source]:
    """A :class:`Source` for every readable file under ``paths``.

    Folders are walked recursively in sorted order, following symbolic links
    (a folder reached twice, as through a link loop, and a file reached twice
    are read once); zip archives are opened and their members listed as
    ``"archive.zip::member"``. Every input left out is reported: hidden files
    and folders (``.name``, ``__MACOSX``), broken or looping links, special
    files, unsupported types, unsafe or encrypted archive members.
    """
    seen_files: dict[tuple[int, int], str] = {}
    seen_dirs: dict[tuple[int, int], str] = {}
    for item in paths:
        path = Path(item)
        if path.is_dir():
            count = 0
            for file, rel in _walk(path, on_error, seen_dirs):
                if _same_file(file, seen_files, on_error):
                    continue
                count += 1
                yield from _from_file(
                    file, on_error, rel=rel, root=path.name, max_member_bytes=max_member_bytes
                )
            if not count:
                report("folder holds no files", on_error, where=str(path), skipped="folder")
        elif path.is_file():
            if _same_file(path, seen_files, on_error):
                continue
            yield from _from_file(
                path, on_error, rel=None, root=path.name, max_member_bytes=max_member_bytes
            )
        elif path.is_symlink():
            report("broken symbolic link", on_error, where=str(path))
        else:
            report("no such file or folder", on_error, where=str(path))


def _same_file(path: Path, seen: dict[tuple[int, int], str], on_error: OnError) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    ident = (stat.st_dev, stat.st_ino)
    if ident in seen:
        note(
            f"same file as {seen[ident]} (a link); read once",
            where=str(path),
            action="file skipped",
        )
        return True
    seen[ident] = str(path)
    return False


def _walk(
    root: Path, on_error: OnError, seen: dict[tuple[int, int], str]
) -> Iterator[tuple[Path, str]]:
    """``(file, path relative to root)`` under ``root``, links followed, loops cut."""
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            stat = folder.stat()
        except OSError as err:
            report(
                f"cannot open folder ({err.strerror or err})",
                on_error,
                where=str(folder),
                skipped="folder",
            )
            continue
        ident = (stat.st_dev, stat.st_ino)
        if ident in seen:
            report(
                f"symbolic link loop or second link to a folder already read ({seen[ident]})",
                on_error,
                where=str(folder),
                skipped="folder",
            )
            continue
        seen[ident] = str(folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            report(
                f"cannot list folder ({err.strerror or err})",
                on_error,
                where=str(folder),
                skipped="folder",
            )
            continue
        folders: list[tuple[Path, str]] = []
        for entry in entries:
            path = Path(entry.path)
            child = f"{rel}{entry.name}"
            if _hidden(entry.name):
                kind = "folder" if entry.is_dir() else "file"
                note(f"hidden {kind}", where=str(path), action=f"{kind} skipped")
                continue
            try:
                if entry.is_symlink():
                    path.stat()  # raises when the link is broken or loops
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except FileNotFoundError:
                report(
                    "broken symbolic link (its target does not exist)", on_error, where=str(path)
                )
                continue
            except OSError as err:
                problem = "symbolic link loop" if err.errno == 40 else (err.strerror or str(err))
                report(problem, on_error, where=str(path))
                continue
            if is_dir:
                folders.append((path, child + "/"))
            elif is_file:
                yield path, child
            else:
                report("not a regular file (device, pipe or socket)", on_error, where=str(path))
        stack.extend(reversed(folders))


def _from_file(
    path: Path,
    on_error: OnError,
    *,
    rel: str | None,
    root: str,
    max_member_bytes: int,
) -> Iterator[Source]:
    suffix = path.suffix.lower()
    name = rel if rel is not None else path.name
    if suffix == ".zip":
        prefix = f"{_strip_suffix(rel)}/" if rel is not None else ""
        yield from _from_zip(
            path, on_error, prefix=prefix, root=root, max_member_bytes=max_member_bytes
        )
    elif suffix in SUPPORTED:
        yield Source(
            str(path), path.name, _strip_suffix(name), _group("", name), root, path.read_bytes
        )
    else:
        kinds = ", ".join(sorted(SUPPORTED | {".zip"}))
        report(
            f"unsupported file type {suffix or '(none)'!r} (read: {kinds})",
            on_error,
            where=str(path),
        )


_METHODS = {
    9: "Deflate64",
    6: "Implode",
    18: "IBM TERSE",
    19: "IBM LZ77",
    97: "WavPack",
    98: "PPMd",
}


def _member_problem(member: zipfile.ZipInfo) -> str | None:
    """Why a member cannot be read, when its header says so."""
    parts = PurePosixPath(member.filename).parts
    if (
        member.filename.startswith(("/", "\\"))
        or ".." in parts
        or ":" in (parts[0] if parts else "")
    ):
        return "unsafe member name (climbs out of the archive with '..' or is absolute)"
    if member.flag_bits & 0x1:
        return "encrypted member (password required)"
    return None


def _local_headers(path: Path) -> int:
    """How many local file headers (``PK\\x03\\x04``) the archive's bytes hold."""
    import mmap

    try:
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mm,
        ):
            count, at = 0, mm.find(b"PK\x03\x04")
            while at != -1:
                count += 1
                at = mm.find(b"PK\x03\x04", at + 4)
            return count
    except (OSError, ValueError):
        return 0


def _from_zip(
    path: Path, on_error: OnError, *, prefix: str, root: str, max_member_bytes: int
) -> Iterator[Source]:
    try:
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        report(f"unreadable zip archive ({err})", on_error, where=str(path), skipped="archive")
        return
    if not members:
        report("zip archive holds no files", on_error, where=str(path), skipped="archive")
    headers = _local_headers(path)
    listed = len(archive.infolist())
    if headers > listed:
        report(
            f"damaged zip directory: it lists {listed} member(s) but the archive holds "
            f"{headers} file headers; the unlisted members cannot be read",
            on_error,
            where=str(path),
            skipped="unlisted members",
        )
    with archive:
        for member in members:
            where = f"{path}::{member.filename}"
            parts = PurePosixPath(member.filename).parts
            if any(_hidden(p) for p in parts if p != ".."):
                note("hidden file in the archive", where=where, action="file skipped")
                continue
            problem = _member_problem(member)
            if problem is not None:
                report(problem, on_error, where=where)
                continue
            suffix = PurePosixPath(member.filename).suffix.lower()
            if suffix not in SUPPORTED:
                report(f"unsupported file type {suffix or '(none)'!r}", on_error, where=where)
                continue

            def read(member: zipfile.ZipInfo = member, where: str = where) -> bytes:
                return _read_member(archive, member, where, max_member_bytes)

            yield Source(
                where,
                member.filename,
                prefix + _strip_suffix(member.filename),
                _group(prefix, member.filename),
                root,
                read,
            )


def _read_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, where: str, limit: int
) -> bytes:
    """The bytes of one member, streamed and cut off at ``limit`` (never read whole first)."""
    too_big = (
        f"larger than the limit of {limit / 2**20:g} MiB "
        "(raise it with max_member_bytes= / --max-member-mb)"
    )
    if member.file_size > limit:
        raise fail(where, f"member is {member.file_size / 2**20:.1f} MiB, {too_big}")
    try:
        with archive.open(member) as handle:
            data = handle.read(limit + 1)
    except NotImplementedError as err:
        method = _METHODS.get(member.compress_type, f"method {member.compress_type}")
        text = str(err)
        if "compression" in text:
            text = f"compression {method} is not supported"
        raise fail(where, f"unreadable archive member: {text}") from err
    except RuntimeError as err:  # encrypted
        raise fail(where, f"unreadable archive member: {err}") from err
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as err:
        raise fail(where, f"unreadable archive member, damaged ({err})") from err
    if len(data) > limit:
        raise fail(where, f"member decompresses to more than its header says, {too_big}")
    return data
