"""``narratives ingest``: read a corpus into the ARTICLES table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from narratives.cli._options import corpus_options, load_corpus, output_options, write_table


@click.command(name="ingest")
@corpus_options
@output_options
def command(paths: tuple[Path, ...], out: Path, fmt: str | None, **corpus: Any) -> None:
    """Read articles from PATHS into one articles table.

    PATHS are files, folders (read recursively) or .zip archives of .txt,
    .json, .jsonl/.ndjson, .csv/.tsv, .parquet or .html files. Each article
    gets its outlet and publication date (from metadata, or inferred from
    datelines, credit lines, URLs and date lines, with the cue recorded in
    outlet_evidence / published_evidence), its headline, its cleaned body
    (navigation, promotions, copyright lines, counters and credit lines set
    aside but traceable through the spans column) and a language flag.

    Bad files (empty, unreadable, missing text field, duplicate ids) are
    reported on stderr and skipped, or stop the run with --on-error stop.

    Example:

        narratives ingest data/seeds --out articles.parquet
    """
    articles = load_corpus(paths, **corpus)
    written = write_table(articles, out, fmt)
    counts = articles["outlet"].fill_null("unknown").value_counts(sort=True)
    summary = ", ".join(f"{o} {n}" for o, n in counts.iter_rows())
    click.echo(f"{articles.height} articles ({summary}) -> {written}", err=True)
