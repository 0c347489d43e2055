"""``narratives evaluate``: score the pipeline on a corpus against a gold file."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

import click

from narratives.cli._options import corpus_options, load_corpus, threshold_option

_SEED_GOLD = Path("data/gold/seeds_gold.yaml")


def _default_gold() -> Path | None:
    from narratives.evaluate import SEED_GOLD

    for path in (_SEED_GOLD, SEED_GOLD):
        if path.exists():
            return path
    return None


@click.command(name="evaluate")
@corpus_options
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Gold YAML (format: data/gold/EVAL_README.md). "
    "Default: data/gold/seeds_gold.yaml when it exists.",
)
@click.option(
    "--statements",
    "statements_only",
    is_flag=True,
    help="Statements-only figures (segmentation, speakers, granularity); no alignment.",
)
@click.option(
    "--sweep",
    "do_sweep",
    is_flag=True,
    help="Print the figures at each score threshold from --sweep-from to 100.",
)
@click.option(
    "--sweep-from",
    type=click.FloatRange(0, 100),
    default=30.0,
    show_default=True,
    help="Lowest threshold of --sweep.",
)
@click.option(
    "--sweep-step",
    type=click.FloatRange(0.5, 50),
    default=5.0,
    show_default=True,
    help="Threshold step of --sweep.",
)
@click.option(
    "--review",
    "do_review",
    is_flag=True,
    help="Also list the false-positive and missed pairs with their texts.",
)
@click.option(
    "--pairs",
    type=click.Choice(["claims", "alignments", "both"]),
    default="claims",
    show_default=True,
    help="System pairs: all pairs inside each claim cluster, the aligned pairs, or both.",
)
@threshold_option
@click.option(
    "--same-outlet",
    is_flag=True,
    help="Also align statements of one outlet (as narratives align --same-outlet).",
)
def command(
    paths: tuple[Path, ...],
    gold: Path | None,
    statements_only: bool,
    do_sweep: bool,
    sweep_from: float,
    sweep_step: float,
    do_review: bool,
    pairs: str,
    threshold: float | None,
    same_outlet: bool,
    **corpus: Any,
) -> None:
    """Score statements, alignments and claims of PATHS against a gold file.

    Reads the corpus at PATHS, extracts statements, aligns them across
    articles and clusters claims with the default settings, then prints the
    figures of the evaluation (claim recall, narrative precision, F1, claim
    precision, narrative recall, hard negatives aligned, speaker accuracy,
    granularity, unsegmented mentions) as JSON.

    Examples:

        narratives evaluate data/seeds

        narratives evaluate --statements data/seeds

        narratives evaluate --sweep --review --gold data/gold/seeds_gold.yaml data/seeds
    """
    import narratives as nar
    from narratives.evaluate import evaluate, review, sweep

    gold = gold or _default_gold()
    if gold is None:
        raise click.UsageError("no --gold given and data/gold/seeds_gold.yaml does not exist")
    articles = load_corpus(paths, **corpus)
    statements = nar.extract_statements(articles)
    out: dict[str, Any] = {"gold": str(gold)}
    if statements_only:
        out["figures"] = evaluate(statements, gold=gold, articles=articles)
        click.echo(_dumps(out))
        return
    from narratives.align import align, cluster_claims

    options: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
    alignments = align(statements, cross_outlet=not same_outlet, **options)
    claims = cluster_claims(statements, alignments, cross_outlet=not same_outlet, **options)
    chosen = {
        "alignments": (alignments, None),
        "claims": (None, claims),
        "both": (alignments, claims),
    }[pairs]
    out["pairs"] = pairs
    out["same_outlet"] = same_outlet
    out["figures"] = evaluate(statements, *chosen, gold=gold, articles=articles)
    if do_sweep:
        low = align(statements, threshold=sweep_from, cross_outlet=not same_outlet)
        steps = int((100 - sweep_from) // sweep_step) + 1
        table = sweep(
            statements,
            low,
            gold=gold,
            articles=articles,
            thresholds=[sweep_from + i * sweep_step for i in range(steps)],
            cluster=None
            if pairs == "alignments"
            else partial(cluster_claims, cross_outlet=not same_outlet),
        )
        out["sweep"] = table.to_dicts()
    if do_review:
        listed = review(statements, *chosen, gold=gold, articles=articles)
        out["review"] = {k: v.to_dicts() for k, v in listed.items()}
    click.echo(_dumps(out))


def _dumps(out: dict[str, Any]) -> str:
    """The JSON of a run: indented, with each threshold of a sweep on one line."""
    sweep = out.pop("sweep", None)
    text = json.dumps(out, ensure_ascii=False, indent=2)
    if sweep is None:
        return text
    rows = ",\n    ".join(json.dumps(r, ensure_ascii=False) for r in sweep)
    return text[: text.rindex("}")].rstrip() + f',\n  "sweep": [\n    {rows}\n  ]\n}}'
