"""read_corpus: readers + cleaning + outlet/date inference → the ARTICLES table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import polars as pl
from tqdm import tqdm

from narratives import schemas
from narratives.engine.local import in_parts
from narratives.io._errors import IngestError, OnError, collecting, note, report
from narratives.io._language import detect_language
from narratives.io._readers import (
    CRAWL_DATE_FIELDS,
    MAX_MEMBER_BYTES,
    Columns,
    iter_files,
    records_from_bytes,
)
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
    found = infer_outlet(record["raw_text"], record.get("url"), outlets, spans=spans)
    if found[0] is not None:
        return found
    group = record.get("source_group") or record.get("source_path") or record.get("article_id")
    return f"{UNKNOWN}{group}", found[1], f"{found[2]}; kept apart as {UNKNOWN}{group}"


#: prefix of the pseudo-outlet an article of unknown outlet gets: one per folder or file
UNKNOWN = "unknown:"


#: a date in the lede (an event's) is taken for the publication only up to this many days
#: before the crawl date; an older one is a past event's (an anniversary column)
LEDE_DATE_DAYS = 7


def _not_the_publication(inferred: Found, crawled: dt.date | None) -> str:
    """Why an inferred date cannot be the publication of an article crawled on ``crawled``.

    Empty when it can. A date after the crawl date is a coming event's (the article
    existed when crawled); a date in the lede more than :data:`LEDE_DATE_DAYS` before it is
    a past event's: «قبل خمسة وعشرين عاماً ... في فجر الخميس 2 أغسطس 1990» in aljazirah's
    column crawled on 2015-08-04 (SaudiNewsNet 2015-08-04:437).
    """
    date, _, evidence = inferred
    if date is None or crawled is None:
        return ""
    if date > crawled:
        return f"; {evidence} is after the crawl date: a coming event's, not used"
    if evidence.startswith("date in the lede") and (crawled - date).days > LEDE_DATE_DAYS:
        return (
            f"; {evidence} is {(crawled - date).days} days before the crawl date: "
            "an event's, not the publication's, not used"
        )
    return ""


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
        unlikely = _not_the_publication(inferred, date)
        if inferred[0] is not None and not unlikely:
            return inferred[0], inferred[1], f"{inferred[2]}; crawl date {field}={value} not used"
        if date is not None:
            return (
                date,
                "metadata",
                f"{field}: {value} is the crawl date, not the publication date "
                f"(the article was published on or before it){unlikely}",
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
    return schemas.conform(_frame(out), schemas.ARTICLES)


def _frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """ARTICLES rows (:func:`article_row`) as a frame.

    The ``spans`` column is built from one flat frame of all the spans, put
    back into lists per article by polars: polars converts a column of Python
    lists of dicts one dict at a time (nine tenths of the frame's cost on all of
    SaudiNewsNet).
    """
    import numpy as np

    spans = [row["spans"] for row in rows]
    if not all(isinstance(s, list) for s in spans):
        return pl.DataFrame(rows, schema=schemas.ARTICLES)
    dtype = schemas.ARTICLES["spans"]
    flat = list(chain.from_iterable(spans))
    article = np.repeat(np.arange(len(spans), dtype=np.uint32), list(map(len, spans)))
    pieces = pl.DataFrame(
        {
            "article": article,
            **{f: list(map(itemgetter(f), flat)) for f in ("role", "start", "end")},
        },
        schema={"article": pl.UInt32, "role": pl.String, "start": pl.Int64, "end": pl.Int64},
    )
    lists = pieces.group_by("article", maintain_order=True).agg(
        pl.struct("role", "start", "end").alias("spans")
    )
    column = (
        pl.DataFrame({"article": np.arange(len(spans), dtype=np.uint32)})
        .join(lists, on="article", how="left", maintain_order="left")
        .select(pl.col("spans").fill_null(pl.lit([], dtype=dtype)))
        .to_series()
    )
    columns: dict[str, Any] = {
        c: list(map(itemgetter(c), rows)) for c in schemas.ARTICLES if c != "spans"
    }
    columns["spans"] = column
    return pl.DataFrame(columns, schema=schemas.ARTICLES)


#: articles per worker process below which :func:`read_corpus` cleans them in this process
PARALLEL_ARTICLES = 4_000


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
    max_member_bytes: int = MAX_MEMBER_BYTES,
    problems: list[dict[str, Any]] | None = None,
    progress: bool = False,
) -> pl.DataFrame:
    """Read articles from files, folders (recursive) and zip archives.

    Formats: ``.txt`` (one article), ``.json`` (an object or an array of
    objects), ``.jsonl``/``.ndjson``, ``.csv``/``.tsv``, ``.parquet``,
    ``.html`` (main text extracted with trafilatura), and ``.zip`` archives of
    any of these. Record layouts are detected: passim (``id, series, text``),
    newspaper-style (``title, text, publish_date, url``) and SaudiNewsNet
    (``source, url, date_extracted, title, author, content``).

    Article ids are unique by construction: a ``.txt`` file's id is its path
    below the folder given, without the suffix (``outletA/1`` for
    ``corpus/outletA/1.txt``; the stem for a file given directly); records
    without an id get ``"<that path>:<row>"``. An id met twice (two records
    giving the same id, two folders given with the same layout) is kept under
    a longer id when the text differs, and skipped as a duplicate when it is
    the same text; both are reported.

    An article whose outlet is neither in its metadata nor inferred gets the
    pseudo-outlet ``"unknown:<folder>"`` (its folder below the folder given,
    or ``"unknown:<file>"`` for a file at the top), so unknown sources are
    kept apart and never pooled into one.

    Parameters
    ----------
    paths
        Files, folders or archives. Symbolic links are followed (loops are
        cut and reported).
    id_column, text_column, title_column, date_column, outlet_column, url_column
        Field names in JSON/CSV/Parquet records. Defaults fall back to common
        names (``content``, ``series``, ``source``, ``publish_date`` ...); a
        name you set explicitly must exist.
    outlets
        Your outlets YAML (format of ``narratives/lexicons/outlets.yaml``),
        merged with the shipped one.
    on_error
        ``"skip"``: warn (:class:`NarrativesIngestWarning`, naming the file,
        member, line or record and the problem) and go on; ``"stop"``: raise
        :class:`IngestError`. Applies to empty, invisible or unreadable files,
        damaged, encrypted or oversized archive members, missing text fields,
        bad lines, broken links, unsupported files and duplicate articles.
        Text not in UTF-8 and hidden files (skipped) are warned about only.
    max_member_bytes
        Largest archive member read (decompressed bytes); a larger one is
        reported and skipped without being read whole.
    problems
        A list to which every problem is appended as a row of
        :data:`narratives.schemas.READING_PROBLEMS` (``source``,
        ``location``, ``problem``, ``action``): with the articles returned,
        it accounts for every input.
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
    if on_error not in ("skip", "stop"):
        raise ValueError(f"on_error must be 'skip' or 'stop', not {on_error!r}")
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
    seen: dict[str, tuple[str, str]] = {}  # id -> (where, raw text)
    records: list[dict[str, Any]] = []
    bar = tqdm(desc="reading", unit=" articles", disable=not progress)
    with collecting(problems):
        try:
            for source in iter_files(items, on_error, max_member_bytes=max_member_bytes):
                for record in _records(source, columns, on_error):
                    ident = _unique_id(record, source.root, seen, on_error)
                    if ident is None:
                        continue
                    record["article_id"] = ident
                    records.append(record)
                    bar.update()
        finally:
            bar.close()
        del seen
        # cleaning and the outlet and date inference, record by record (pure Python: in
        # parts on forked workers for many articles; the rows come back in order)
        rows = in_parts(
            lambda part: [
                article_row(r, outlets=compiled, rules=rules, months=months) for r in records[part]
            ],
            len(records),
            least=PARALLEL_ARTICLES,
            processes=None,
            per_core=4,  # parts of different cost: the workers end closer together
        )
        records.clear()  # the raw records are no longer needed
    if not rows:
        raise IngestError(
            f"no articles read from {', '.join(map(str, items))} (see the warnings above)"
        )
    return schemas.conform(_frame(rows), schemas.ARTICLES)


def _records(source: Any, columns: Columns, on_error: OnError) -> list[dict[str, Any]]:
    """The records of one source; a file that cannot be read is reported and gives none."""
    try:
        return records_from_bytes(
            source.read(),
            where=source.where,
            name=source.name,
            columns=columns,
            on_error=on_error,
            key=source.key,
            group=source.group,
        )
    except IngestError as err:
        if on_error == "stop" and err.where is None:
            raise
        report(
            err.problem or str(err),
            on_error,
            where=err.where or source.where,
            location=err.location,
        )
    except OSError as err:
        report(f"cannot be read ({err.strerror or err})", on_error, where=source.where)
    except (MemoryError, RecursionError, ValueError, TypeError, LookupError) as err:
        # a reader met input it does not expect: cost this file, never the run
        report(f"could not be read ({type(err).__name__}: {err})", on_error, where=source.where)
    return []


def _unique_id(
    record: dict[str, Any], root: str, seen: dict[str, tuple[str, str]], on_error: OnError
) -> str | None:
    """The record's id, made unique; None when it repeats an article already read."""
    ident = str(record["article_id"])
    where, text = record["source_path"], f"{record.get('title') or ''}\n{record['raw_text']}"
    if ident not in seen:
        seen[ident] = (where, text)
        return ident
    first_where, first_text = seen[ident]
    if first_text == text:
        report(
            f"duplicate of article {ident!r} (same id and text, first read from {first_where})",
            on_error,
            where=where,
            location=record.get("location"),
            skipped="article",
        )
        return None
    candidates = [f"{root}/{ident}", *(f"{ident}~{n}" for n in range(2, len(seen) + 3))]
    new = next(c for c in candidates if c not in seen)
    note(
        f"article id {ident!r} already used by {first_where}; read as {new!r}",
        where=where,
        location=record.get("location"),
        action="read under a new id",
    )
    seen[new] = (where, text)
    return new
