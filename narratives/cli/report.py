"""``narratives report``: one self-contained HTML report from a corpus or an output folder."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import click

from narratives.cli import compare as _compare
from narratives.cli._options import corpus_options

#: compare options that are not analysis options of a report
_NOT_COPIED = {"paths", "out", "fmt"}


@click.command(name="report")
@corpus_options
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write (one self-contained file; opens offline in any browser), "
    "or - for stdout.",
)
@click.option("--title", default=None, help="Report title (default: from the input paths).")
@click.option(
    "--top",
    type=click.IntRange(1, 500),
    default=30,
    show_default=True,
    help="Rows (claims, outlet pairs, terms) shown per chart; keeps large reports light.",
)
@click.option(
    "--rows",
    type=click.IntRange(1, 5000),
    default=50,
    show_default=True,
    help="Rows embedded per table (each table says 'N of M shown' and can be searched).",
)
@click.option(
    "--stories",
    "n_stories",
    type=click.IntRange(0, 100),
    default=5,
    show_default=True,
    help="Stories covered by two outlets or more that get a section of their own "
    "(claim x outlet matrix, omissions, emphasis), the largest first.",
)
@click.option(
    "--story",
    "story_ids",
    multiple=True,
    help="A story to give its own section instead (its story_id, e.g. s00012); repeatable.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary lines on stderr.")
def command(
    paths: tuple[Path, ...],
    out: Path,
    title: str | None,
    top: int,
    rows: int,
    n_stories: int,
    story_ids: tuple[str, ...],
    quiet: bool,
    on_error: str,
    outlets: Path | None,
    **options: Any,
) -> None:
    """Write an offline HTML report comparing how the outlets in PATHS reported.

    PATHS are corpus files or folders (as for `narratives ingest`), or one
    folder written by `narratives align --out` or `narratives compare --out`:
    its tables are used as they are and only the missing stages run (give an
    analysis option, e.g. --comparable, to recompute the comparisons). Every
    analysis option of `narratives compare` applies.

    The report is rendered in-process from the tables: what the corpus holds,
    how far the alignment can be trusted, coverage, omissions, emphasis,
    framing (reporting verbs, labels, substitutions), aligned statements side
    by side, distinguishing terms and discrepancies. Every chart mark and
    table row links to its statements, shown inside their articles; the file
    embeds the articles it cites and nothing else, and loads nothing from the
    network. Progress goes to stderr (--quiet silences it).

    Examples:

        narratives report data/seeds -o report.html --title "Lavrov on Syria" --threshold 30

        narratives compare corpus/ -o cmp/ && narratives report cmp/ -o report.html
    """
    from narratives.cli._options import load_corpus
    from narratives.report import analyse, collect_warnings, is_output_folder, read_outputs
    from narratives.report import render_report as render
    from narratives.report._inputs import NOT_RENDERED, NOT_RENDERED_COLUMNS

    ctx = click.get_current_context()

    def say(line: str) -> None:
        if not quiet:
            click.echo(f"report: {line}", err=True)

    start = time.perf_counter()
    analysis = {k: v for k, v in options.items() if k in _ANALYSIS}
    read_options = {k: v for k, v in options.items() if k not in _ANALYSIS and v is not None}
    given = {
        k
        for k in analysis
        if ctx.get_parameter_source(k) not in (None, click.core.ParameterSource.DEFAULT)
    }
    folder = len(paths) == 1 and is_output_folder(paths[0])
    problems: list[str] = []
    try:
        if folder:
            root = paths[0].resolve()
            say(f"reading the tables in {paths[0]}")
            # the tables the page never shows stay on disk (memory), unless recomputed anyway
            # the claims' texts are read once, from coverage, when the folder has it
            skip = NOT_RENDERED
            columns = NOT_RENDERED_COLUMNS if any(paths[0].glob("coverage.parquet")) else {}
            tables, problems = collect_warnings(
                lambda: read_outputs(paths[0], skip=skip, skip_columns=columns)
            )
            if given & {"threshold", "date_window"}:
                for name in ("alignments", "claims", "stories", "story_summary"):
                    tables.pop(name, None)
            if given & {"story_window", "story_threshold"}:
                for name in ("stories", "story_summary"):
                    tables.pop(name, None)
        else:
            root = _root(paths)
            say("reading the corpus")
            articles, others = collect_warnings(
                lambda: load_corpus(
                    paths,
                    on_error=on_error,
                    outlets=outlets,
                    progress=not quiet,
                    record=problems,
                    **read_options,
                )
            )
            problems += others
            say(f"{articles.height} articles read")
            tables = {"articles": articles}
        tables, more = collect_warnings(
            lambda: analyse(
                tables,
                threshold=analysis.get("threshold"),
                date_window=analysis.get("date_window"),
                recompare=bool(given - {"threshold", "date_window", "engine", "master"}),
                compare_options=_compare_options(analysis),
                progress=not quiet,
                say=say,
                engine=analysis.get("engine") or "local",
                master=analysis.get("master") or "local[*]",
            )
        )
        problems += more
        say("rendering the report")
        parameters = {
            "input": [_shown(p, root) for p in paths],
            "input kind": "output folder" if folder else "corpus",
            "title": title,
            **({"outlets file": outlets.name} if outlets else {}),
            "on_error": on_error,
            **{k: v for k, v in read_options.items() if v not in ("text", "id", "title", "url")},
            **{k.replace("_", " "): _param_value(v) for k, v in analysis.items()},
            "top": top,
            "rows per table": rows,
        }
        page = render(
            tables,
            title=title or "Narrative comparison: " + ", ".join(p.name for p in paths),
            parameters=parameters,
            problems=problems,
            top=top,
            rows=rows,
            root=root,
            seconds=time.perf_counter() - start,
            stories=n_stories,
            story_ids=story_ids,
        )
    except (OSError, ValueError) as err:
        raise click.ClickException(str(err)) from err
    for line in problems[:20]:
        say(f"warning: {line}")
    if len(problems) > 20:
        say(f"... and {len(problems) - 20} more warnings, all listed in the report")
    if str(out) == "-":
        click.echo(page, nl=False)
        return
    _write(page, out)
    size = out.stat().st_size / 1e6
    say(f"wrote {out} ({size:.1f} MB) in {time.perf_counter() - start:.0f} s")


def _root(paths: tuple[Path, ...]) -> Path:
    resolved = [p.resolve() for p in paths]
    folders = [p if p.is_dir() else p.parent for p in resolved]
    return Path(os.path.commonpath([str(f) for f in folders]))


def _shown(path: Path, root: Path) -> str:
    resolved = path.resolve()
    if resolved == root:
        return path.name or "."
    try:
        return str(resolved.relative_to(root))
    except ValueError:
        return path.name


def _param_value(value: Any) -> Any:
    return value.name if isinstance(value, Path) else value


def _write(page: str, out: Path) -> None:
    from narratives._outputs import atomic_path

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(out) as temporary:  # never a half-written report under its name
            temporary.write_text(page, encoding="utf-8")
    except OSError as err:
        raise click.ClickException(f"cannot write {str(out)!r}: {err.strerror or err}") from err


def _compare_options(analysis: dict[str, Any]) -> dict[str, Any]:
    """``narratives compare`` option values -> keyword arguments of narratives.compare."""
    out: dict[str, Any] = {}
    story: dict[str, Any] = {}
    points: dict[str, Any] = {}
    for name, value in analysis.items():
        if name in ("threshold", "date_window", "engine", "master"):
            continue
        if name.startswith("story_"):  # --story-window, --story-threshold: group_stories
            key = "window_days" if name == "story_window" else name.removeprefix("story_")
            if value is not None:
                story[key] = value
        elif name.startswith("talking_point_"):  # --talking-point-threshold
            if value is not None:
                points[name.removeprefix("talking_point_")] = value
        elif name == "seed":
            out["rng"] = value
        elif name == "labels":
            out["labels"] = value if value is not None else "labels.yaml"
        elif value is not None:
            out[name] = value
    if story:
        out["story_options"] = story
    if points:
        out["talking_points_options"] = points
    return out


# every analysis option of `narratives compare`, with its help, so the two never drift apart
_ANALYSIS: set[str] = set()
for _param in _compare.command.params:
    if _param.name in _NOT_COPIED or _param.name in {p.name for p in command.params}:
        continue
    command.params.append(_param)
    _ANALYSIS.add(str(_param.name))
