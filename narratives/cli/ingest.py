"""``narratives ingest``: read a corpus into the ARTICLES table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import polars as pl

from narratives.cli._options import corpus_options, load_corpus, output_options, write_table


@click.command(name="ingest")
@corpus_options
@output_options
@click.option(
    "--problems",
    "--report",
    "problems_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write every reading problem (file, member, line or record; what was "
    "wrong; what was done) to this table (.csv, .parquet or .ndjson): with the articles "
    "it accounts for every input.",
)
def command(
    paths: tuple[Path, ...], out: Path, fmt: str | None, problems_out: Path | None, **corpus: Any
) -> None:
    """Read articles from PATHS into one articles table.

    PATHS are files, folders (read recursively) or .zip archives of .txt,
    .json, .jsonl/.ndjson, .csv/.tsv, .parquet or .html files. Each article
    gets its outlet and publication date (from metadata, or inferred from
    datelines, credit lines, URLs and date lines, with the cue recorded in
    outlet_evidence / published_evidence), its headline, its cleaned body
    (navigation, promotions, copyright lines, counters and credit lines set
    aside but traceable through the spans column) and a language flag.

    Bad files (empty, invisible, unreadable, damaged archive members, missing
    text fields, bad lines, broken links, duplicate articles) are reported on
    stderr, each on a line starting with "warning:", and skipped, or stop the
    run with --on-error stop. --problems FILE also writes them as a table.

    Example:

        narratives ingest data/seeds --out articles.parquet
    """
    from narratives import schemas

    problems: list[dict[str, Any]] = []
    try:
        articles = load_corpus(paths, problems=problems, **corpus)
    finally:
        if problems_out is not None:
            frame = pl.DataFrame(problems, schema=schemas.READING_PROBLEMS)
            write_table(frame, problems_out)
    written = write_table(articles, out, fmt)
    counts = articles["outlet"].fill_null("unknown").value_counts(sort=True)
    summary = ", ".join(f"{o} {n}" for o, n in counts.iter_rows())
    click.echo(f"{articles.height} articles ({summary}) -> {written}", err=True)
