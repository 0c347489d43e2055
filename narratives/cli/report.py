"""``narratives report``: analyse a corpus and write a self-contained HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from narratives.cli._options import corpus_options, threshold_option


@click.command(name="report")
@corpus_options
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write (one self-contained file; opens offline in any browser).",
)
@click.option("--title", default=None, help="Report title (default: from the corpus paths).")
@threshold_option
@click.option(
    "--top",
    type=click.IntRange(1, 500),
    default=30,
    show_default=True,
    help="Rows (claims, outlet pairs, terms) shown per chart; keeps large reports light.",
)
@click.option(
    "--timeout",
    type=click.IntRange(10),
    default=1800,
    show_default=True,
    help="Seconds one step of the report may run before it is stopped.",
)
@click.option(
    "--notebook",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also keep the executed report notebook (.ipynb) at this path.",
)
def command(
    paths: tuple[Path, ...],
    out: Path,
    title: str | None,
    threshold: float | None,
    top: int,
    timeout: int,
    notebook: Path | None,
    on_error: str,
    outlets: Path | None,
    **read_options: Any,
) -> None:
    """Write an offline HTML report comparing how the outlets in PATHS reported.

    PATHS are corpus files or folders (as for `narratives ingest`). The report
    notebook shipped with narratives is run with these parameters (papermill)
    and exported with nbconvert, code hidden: coverage heatmap, omissions,
    emphasis, reporting verbs, labels, word substitutions, aligned statements
    side by side, distinguishing terms and discrepancies, with the parameters
    and the narratives version recorded. The file is self-contained: the chart
    code is inlined and nothing is loaded from the network.

    Example:

        narratives report data/seeds -o report.html --title "Lavrov on Syria"
    """
    from narratives.report import ReportError, render_report

    options = {k: v for k, v in read_options.items() if v is not None}
    try:
        path = render_report(
            list(paths),
            out,
            title=title,
            outlets=outlets,
            on_error=on_error,
            read_options=options,
            threshold=threshold,
            top=top,
            timeout=timeout,
            notebook=notebook,
        )
    except (ReportError, OSError) as err:
        raise click.ClickException(str(err)) from err
    size = path.stat().st_size / 1e6
    click.echo(f"wrote {path} ({size:.1f} MB)", err=True)
