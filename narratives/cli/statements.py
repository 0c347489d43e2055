"""``narratives statements``: cut articles into attributed statements."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import click

from narratives.cli._options import (
    corpus_options,
    load_corpus,
    output_options,
    quiet_option,
    write_table,
)

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command(name="statements")
@corpus_options
@output_options
@click.option(
    "--actors",
    type=_FILE,
    default=None,
    help="Your own actors gazetteer (YAML, format of narratives/lexicons/actors.yaml), "
    "merged with the shipped one.",
)
@click.option(
    "--entities",
    type=_FILE,
    default=None,
    help="Your own entities gazetteer (YAML, format of narratives/lexicons/entities.yaml), "
    "merged with the shipped one.",
)
@click.option(
    "--verbs",
    type=_FILE,
    default=None,
    help="Your own reporting verbs (TSV, columns of narratives/lexicons/reporting_verbs.tsv), "
    "merged with the shipped ones.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=40),
    default=250,
    show_default=True,
    help="Longest statement; longer pieces are cut where a new clause opens (a list or "
    "name chain with no clause boundary stays whole up to 4 times this).",
)
@click.option(
    "--entities-out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the entity mentions table (ENTITY_MENTIONS) to this file.",
)
@click.option(
    "--processes",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for large corpora.",
)
@quiet_option
def command(
    paths: tuple[Path, ...],
    out: Path,
    fmt: str | None,
    actors: Path | None,
    entities: Path | None,
    verbs: Path | None,
    max_chars: int,
    entities_out: Path | None,
    processes: int,
    quiet: bool,
    **corpus: Any,
) -> None:
    """Cut the articles of PATHS into statements: one claim each, with its speaker.

    PATHS are read as by `narratives ingest` (or give the articles .parquet it
    wrote). Each headline is a statement; body text is cut at sentence ends,
    participial reporting clauses (مشيرا إلى أن, مؤكدا أن ...), new reporting
    verbs (وقال, وأضاف ...) and clause connectives. Every statement gets its
    speaker (a canonical actor id such as lavrov, or null), the words naming
    the speaker, the reporting verb and its class (neutral, assertive,
    distancing, denial ...) and how it is quoted (direct, indirect, mixed,
    none). Articles that give no statements are named on stderr.

    Example:

        narratives statements data/seeds --out statements.parquet
    """
    from narratives.statements import StatementsWarning, extract_entities, extract_statements

    articles = load_corpus(paths, progress=not quiet, **corpus)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StatementsWarning)
        statements = extract_statements(
            articles,
            actors=actors,
            verbs=verbs,
            entities=entities,
            max_chars=max_chars,
            n_process=processes,
            progress=not quiet,
        )
        mentions = None
        if entities_out is not None:
            mentions = extract_entities(
                statements,
                articles,
                entities=entities,
                actors=actors,
                verbs=verbs,
                max_chars=max_chars,
            )
    for w in caught:
        if issubclass(w.category, StatementsWarning):
            click.echo(f"warning: {w.message}", err=True)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    written = write_table(statements, out, fmt)
    attributed = statements["speaker"].is_not_null().sum()
    if quiet:
        return
    click.echo(
        f"{statements.height} statements from {articles.height} articles "
        f"({attributed} with a known speaker) -> {written}",
        err=True,
    )
    if mentions is not None and entities_out is not None:
        click.echo(
            f"{mentions.height} entity mentions -> {write_table(mentions, entities_out)}", err=True
        )
