"""``narratives compare``: every comparison table for a corpus, one file each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import polars as pl

from narratives.cli._options import (
    corpus_options,
    date_window_option,
    engine_options,
    engine_stages,
    load_corpus,
    output_options,
    quiet_option,
    story_options,
    threshold_option,
    write_tables,
)


@click.command(name="compare")
@corpus_options
@output_options
@click.option(
    "--comparable",
    type=click.Choice(["story", "speaker", "window", "all"]),
    default="story",
    show_default=True,
    help="When an outlet counts as able to carry a claim it left out: 'story' (it "
    "covered the claim's story: see --story-window), 'speaker' (it reported the "
    "claim's speaker), 'window' (it published within --window-days), 'all' (every "
    "outlet).",
)
@click.option(
    "--carried-score",
    type=click.FloatRange(0, 100),
    default=35.0,
    show_default=True,
    help="'story': an outlet whose closest statement in the story scores this much "
    "against the claim is taken to carry it in other words (no omission listed).",
)
@click.option(
    "--window-days",
    type=click.IntRange(min=0),
    default=None,
    help="Only articles published within this many days of the claim are comparable.",
)
@click.option(
    "--labels",
    "labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Your own label lexicon (format of narratives/lexicons/labels.yaml) instead "
    "of the shipped one.",
)
@click.option(
    "--aligned-only",
    is_flag=True,
    help="Distinguishing terms from statements of claims several outlets carried "
    "(topic held constant); the default, kept for older scripts.",
)
@click.option(
    "--all-text",
    is_flag=True,
    help="Distinguishing terms from every statement, not only those of shared claims.",
)
@click.option(
    "--n-boot",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Bootstrap replicates of the omission-rate intervals.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap random seed.")
@threshold_option
@date_window_option
@story_options
@engine_options
@click.option(
    "--talking-point-threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.55,
    show_default=True,
    help="Least mean similarity (0-1) of statements of different stories to form one "
    "talking point (a position repeated across events); lower finds more, less surely.",
)
@quiet_option
def command(
    paths: tuple[Path, ...],
    out: Path,
    fmt: str | None,
    comparable: str,
    carried_score: float,
    window_days: int | None,
    labels: Path | None,
    aligned_only: bool,
    all_text: bool,
    n_boot: int,
    seed: int,
    threshold: float | None,
    date_window: int | None,
    story_window: int,
    story_threshold: float,
    talking_point_threshold: float,
    engine: str,
    master: str,
    quiet: bool,
    **corpus: Any,
) -> None:
    """Compare how outlets covered the same claims; write one table per measure.

    Reads PATHS (files, folders or archives), extracts statements, aligns them
    across outlets, clusters claims, and writes to the --out directory:

    \b
      articles, statements, entity_mentions,
      alignments, claims                         the pipeline's tables
      stories, story_summary                     every article's story; one row per story
      talking_points                             positions repeated across stories
      copies                                     republished copies: what each hop changed
      reliability                                per level: what was found, how sure
      coverage, article_coverage                 claim x outlet / article status
      omissions, omission_rates                  what each outlet left out, sure or not
                                                 (rates over sure rows, with CIs)
      emphasis, emphasis_claims, emphasis_outlets  headline, lede, position, share
      emphasis_stories                           the same per claim, outlet and story
      reporting_verbs                            verbs per outlet and speaker
      labels                                     names chosen for the same referent
      substitutions                              "A writes X where B writes Y"
      house_style                                same word, another spelling (عبد العزيز/عبدالعزيز)
      headlines                                  each outlet's headline and lede claim per story
      distinguishing_terms                       Monroe et al. log-odds z per outlet
      discrepancies                              different figures, dates, agents

    PATHS may instead be one directory written by ``narratives align --out``
    (with statements, alignments and claims Parquet files): its tables are
    used as they are, and only the comparisons run.

    Parquet by default; --format csv writes list columns as JSON text.

    Examples:

        narratives compare data/seeds --out comparisons/

        narratives align corpus/ --out aligned/ && narratives compare aligned/ --out cmp/
    """
    from narratives.compare import compare, load_labels
    from narratives.report._inputs import claims_and_stories
    from narratives.statements import extract_entities

    if labels is not None:
        try:
            load_labels(labels)
        except ValueError as err:
            raise click.ClickException(str(err)) from err
    story_options = {"window_days": story_window, "threshold": story_threshold}
    saved = _aligned_tables(paths)
    if saved:
        articles, statements = saved.get("articles"), saved["statements"]
        alignments, claims = saved["alignments"], saved["claims"]
        entity_mentions = saved.get("entity_mentions")
        stories = saved.get("stories")
        if entity_mentions is None and articles is not None:
            entity_mentions = extract_entities(statements, articles, progress=not quiet)
    else:
        cut, align = engine_stages(engine, master, mentions=True)
        articles = load_corpus(paths, progress=not quiet, **corpus)
        statements, entity_mentions = cut(articles, progress=not quiet)
        align_options: dict[str, Any] = {"date_window": date_window, "progress": not quiet}
        claim_options: dict[str, Any] = {}
        if threshold is not None:
            align_options["threshold"] = claim_options["threshold"] = threshold
        alignments = align(statements, **align_options)
        # the claims in a spawned child on large tables, as the alignment
        # (engine_stages), the stories grouped here meanwhile
        claims, stories = claims_and_stories(
            articles,
            statements,
            alignments,
            story_options=story_options,
            progress=not quiet,
            **claim_options,
        )
    tables = compare(
        articles,
        statements,
        alignments,
        claims,
        entity_mentions,
        stories=stories,
        story_options=story_options,
        comparable=comparable,  # type: ignore[arg-type]
        carried_score=carried_score,
        window_days=window_days,
        labels=labels if labels is not None else "labels.yaml",
        aligned_only=not all_text,
        n_boot=n_boot,
        rng=seed,
        progress=not quiet,
        talking_point_threshold=talking_point_threshold,
    )
    pipeline = {
        "articles": articles,
        "statements": statements,
        "entity_mentions": entity_mentions,
        "alignments": alignments,
        "claims": claims,
    }
    written = write_tables(
        {**{k: v for k, v in pipeline.items() if v is not None}, **tables}, out, fmt
    )
    if quiet:
        return
    click.echo(f"wrote {len(written)} tables to {out}", err=True)
    for level, note in tables["reliability"].select("level", "note").iter_rows():
        click.echo(f"{level}: {note}", err=True)


_SAVED = ("statements", "alignments", "claims")


def _aligned_tables(paths: tuple[Path, ...]) -> dict[str, pl.DataFrame]:
    """The tables of an ``narratives align --out DIR`` directory, or {} if PATHS is not one."""
    if len(paths) != 1 or not paths[0].is_dir():
        return {}
    folder = paths[0]
    if not all((folder / f"{name}.parquet").exists() for name in _SAVED):
        return {}
    names = (*_SAVED, "articles", "entity_mentions", "stories")
    from narratives._outputs import OutputError, read_tables

    try:  # refuse tables that do not belong to one run (see narratives._outputs)
        return read_tables(folder, [n for n in names if (folder / f"{n}.parquet").exists()])
    except OutputError as err:
        raise click.ClickException(str(err)) from err
