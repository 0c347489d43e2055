"""read_corpus: readers + cleaning + outlet/date inference → the ARTICLES table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
from tqdm import tqdm

from narratives import schemas
from narratives.io._errors import IngestError, OnError, report
from narratives.io._language import detect_language
from narratives.io._readers import CRAWL_DATE_FIELDS, Columns, iter_files, records_from_bytes
from narratives.io.clean import CleaningRules, clean_article, load_rules
from narratives.io.dates import DatePatterns, infer_date, load_months, parse_date_value
from narratives.io.outlets import Outlets, infer_outlet, load_outlets

Found = tuple[Any, str, str]  # (value or None, method, evidence)


def _outlet(record: Mapping[str, Any], spans: list[dict[str, Any]], outlets: Outlets) -> Found:
    value = record.get("outlet_value")
    if value:
        oid = outlets.canonical(value)
        field = record.get("outlet_field") or "outlet"
        if oid is None:
            return value, "metadata", f"{field}: {value} (not in the outlets lexicon)"
        return oid, "metadata", f"{field}: {value}"
    return infer_outlet(record["raw_text"], record.get("url"), outlets, spans=spans)


def _published(
    record: Mapping[str, Any], spans: list[dict[str, Any]], months: DatePatterns
) -> Found:
    value, field = record.get("date_value"), record.get("date_field") or "date"
    raw = record["raw_text"]
    if not value:
        return infer_date(raw, spans, patterns=months)
    date = parse_date_value(value)
    if field in CRAWL_DATE_FIELDS:
        inferred = infer_date(raw, spans, patterns=months)
        if inferred[0] is not None:
            return inferred[0], inferred[1], f"{inferred[2]}; crawl date {field}={value} not used"
        if date is not None:
            return (
                date,
                "metadata",
                f"{field}: {value} is the crawl date, not the publication date "
                "(the article was published on or before it)",
            )
    elif date is not None:
        return date, "metadata", f"{field}: {value}"
    date, method, evidence = infer_date(raw, spans, patterns=months)
    return date, method, f"{field} {value!r} is not a date; {evidence}"


def with_title(raw: str | None, title: str | None) -> str:
    r"""The raw text of a record whose title is a separate field.

    Offsets of headlines and statements must point into one string, so when a
    record (JSON, CSV, Parquet) carries its title apart from its text, and the
    text does not already open with it, ``raw_text`` is the title, a blank
    line, then the text exactly as given.

    >>> with_title("نص الخبر", "العنوان")
    'العنوان\n\nنص الخبر'
    >>> with_title("العنوان\nنص الخبر", "العنوان")
    'العنوان\nنص الخبر'
    """
    raw = raw or ""
    title = (title or "").strip()
    if not title:
        return raw
    first = raw.lstrip().split("\n", 1)[0].strip()
    if first == title:
        return raw
    return f"{title}\n\n{raw}" if raw else title


def article_row(
    record: Mapping[str, Any],
    *,
    outlets: Outlets,
    rules: CleaningRules,
    months: DatePatterns,
) -> dict[str, Any]:
    """One ARTICLES row from one raw record (see ``_readers.RECORD_KEYS``)."""
    raw = with_title(record["raw_text"], record.get("title"))
    cleaned = clean_article(
        raw, title=record.get("title"), outlets=outlets, rules=rules, months=months
    )
    outlet, outlet_method, outlet_evidence = _outlet(record, cleaned.spans, outlets)
    published, published_method, published_evidence = _published(record, cleaned.spans, months)
    return {
        "article_id": record["article_id"],
        "outlet": outlet,
        "outlet_method": outlet_method,
        "outlet_evidence": outlet_evidence,
        "published": published,
        "published_method": published_method,
        "published_evidence": published_evidence,
        "title": cleaned.title,
        "text": cleaned.text,
        "raw_text": raw,
        "url": record.get("url"),
        "source_path": record.get("source_path"),
        "encoding": record.get("encoding"),
        "language": detect_language(cleaned.text or raw or cleaned.title or ""),
        "spans": cleaned.spans,
    }


def articles_from_records(
    records: pl.DataFrame | Iterable[Mapping[str, Any]],
    *,
    outlets: str | Path | Outlets | None = None,
    progress: bool = False,
) -> pl.DataFrame:
    """Clean raw records and infer outlet and date: the per-partition core of :func:`read_corpus`.

    Parameters
    ----------
    records
        Rows with ``article_id`` and ``raw_text``, and optionally ``title``,
        ``outlet_value``/``outlet_field``, ``date_value``/``date_field``,
        ``url``, ``source_path``, ``encoding`` (metadata as given).
    outlets
        A user outlets YAML merged with the shipped one, or compiled outlets.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    pl.DataFrame
        :data:`narratives.schemas.ARTICLES`.

    Examples
    --------
    >>> rows = [{"article_id": "a1", "raw_text": "موسكو-سانا\\nقال الوزير إن بلاده مستعدة."}]
    >>> articles_from_records(rows).select("outlet", "outlet_method", "text").row(0)
    ('sana', 'inferred', 'قال الوزير إن بلاده مستعدة.')
    """
    compiled = outlets if isinstance(outlets, Outlets) else load_outlets(outlets)
    rules, months = load_rules(), load_months()
    rows = records.iter_rows(named=True) if isinstance(records, pl.DataFrame) else records
    out = [
        article_row(r, outlets=compiled, rules=rules, months=months)
        for r in tqdm(rows, desc="articles", unit=" art", disable=not progress)
    ]
    return schemas.conform(pl.DataFrame(out, schema=schemas.ARTICLES), schemas.ARTICLES)


def read_corpus(
    paths: str | Path | Sequence[str | Path],
    *,
    id_column: str = "id",
    text_column: str = "text",
    title_column: str = "title",
    date_column: str | None = None,
    outlet_column: str | None = None,
    url_column: str = "url",
    outlets: str | Path | None = None,
    on_error: OnError = "skip",
    progress: bool = False,
) -> pl.DataFrame:
    """Read articles from files, folders (recursive) and zip archives.

    Formats: ``.txt`` (one article; id = file stem), ``.json`` (an object or an
    array of objects), ``.jsonl``/``.ndjson``, ``.csv``/``.tsv``, ``.parquet``,
    ``.html`` (main text extracted with trafilatura), and ``.zip`` archives of
    any of these. Record layouts are detected: passim (``id, series, text``),
    newspaper-style (``title, text, publish_date, url``) and SaudiNewsNet
    (``source, url, date_extracted, title, author, content``).

    Parameters
    ----------
    paths
        Files, folders or archives.
    id_column, text_column, title_column, date_column, outlet_column, url_column
        Field names in JSON/CSV/Parquet records. Defaults fall back to common
        names (``content``, ``series``, ``source``, ``publish_date`` ...); a
        name you set explicitly must exist. Records without an id get
        ``"<file stem>:<row>"``.
    outlets
        Your outlets YAML (format of ``narratives/lexicons/outlets.yaml``),
        merged with the shipped one.
    on_error
        ``"skip"``: warn (:class:`NarrativesIngestWarning`, naming the file
        and the problem) and go on; ``"stop"``: raise :class:`IngestError`.
        Applies to empty or unreadable files, missing text fields, broken
        archives, unsupported files and duplicate article ids (the later
        duplicate is skipped). Text not in UTF-8 is read and warned about.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    pl.DataFrame
        :data:`narratives.schemas.ARTICLES`, one row per article.

    Raises
    ------
    IngestError
        With ``on_error="stop"``, at the first problem; also when nothing at
        all could be read.

    Examples
    --------
    >>> articles = read_corpus("data/seeds")  # doctest: +SKIP
    >>> articles.select("article_id", "outlet", "published").head(2)  # doctest: +SKIP
    """
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if not items:
        raise IngestError("read_corpus: no paths given")
    columns = Columns(
        id=id_column,
        text=text_column,
        title=title_column,
        date=date_column,
        outlet=outlet_column,
        url=url_column,
    )
    compiled = load_outlets(outlets)
    rules, months = load_rules(), load_months()
    seen: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    bar = tqdm(desc="reading", unit=" articles", disable=not progress)
    try:
        for where, name, read in iter_files(items, on_error):
            try:
                records = records_from_bytes(
                    read(), where=where, name=name, columns=columns, on_error=on_error
                )
            except IngestError as err:
                report(str(err), on_error, skipped="file")
                continue
            except OSError as err:
                report(f"{where}: cannot be read ({err.strerror or err})", on_error, skipped="file")
                continue
            for record in records:
                ident = record["article_id"]
                if ident in seen:
                    report(
                        f"{where}: duplicate article id {ident!r} (first read from {seen[ident]})",
                        on_error,
                        skipped="later article",
                    )
                    continue
                seen[ident] = where
                rows.append(article_row(record, outlets=compiled, rules=rules, months=months))
                bar.update()
    finally:
        bar.close()
    if not rows:
        raise IngestError(
            f"no articles read from {', '.join(map(str, items))} (see the warnings above)"
        )
    return schemas.conform(pl.DataFrame(rows, schema=schemas.ARTICLES), schemas.ARTICLES)
