"""Options shared by every command that reads a corpus or writes tables.

Commands stack the decorators and hand the parsed values on::

    @click.command()
    @corpus_options
    @output_options
    def command(paths, out, fmt, **corpus):
        articles = load_corpus(paths, **corpus)
        write_table(articles, out, fmt)

``corpus_options`` adds the ``PATHS...`` argument (parameter ``paths``) and
the :func:`narratives.read_corpus` options (parameters ``on_error``,
``outlets``, ``text_column``, ``id_column``, ``title_column``,
``date_column``, ``outlet_column``, ``url_column``, ``max_member_bytes``);
``output_options`` adds
``--out/-o`` (parameter ``out``) and ``--format`` (parameter ``fmt``).
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
import polars as pl

F = TypeVar("F", bound=Callable[..., Any])

FORMATS: tuple[str, ...] = ("parquet", "csv", "ndjson")
_SUFFIX_FORMAT = {
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}


def corpus_options(func: F) -> F:
    """Add ``PATHS...`` and the :func:`narratives.read_corpus` options to a command."""
    options = [
        click.argument(
            "paths",
            nargs=-1,
            required=True,
            type=click.Path(exists=True, allow_dash=True, path_type=Path),
        ),
        click.option(
            "--on-error",
            type=click.Choice(["skip", "stop"]),
            default="skip",
            show_default=True,
            help="On a bad file or record: 'skip' warns (naming the file and the "
            "problem) and goes on; 'stop' aborts the run.",
        ),
        click.option(
            "--outlets",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            default=None,
            help="Your own outlets YAML (same format as narratives/lexicons/outlets.yaml), "
            "merged with the shipped one.",
        ),
        click.option(
            "--text-column",
            default="text",
            show_default=True,
            help="Field holding the article text in JSON/CSV/Parquet input "
            "(SaudiNewsNet's 'content' is detected automatically).",
        ),
        click.option("--id-column", default="id", show_default=True, help="Article id field."),
        click.option("--title-column", default="title", show_default=True, help="Title field."),
        click.option(
            "--date-column",
            default=None,
            help="Publication date field (default: detected, e.g. publish_date, date).",
        ),
        click.option(
            "--outlet-column",
            default=None,
            help="Outlet field (default: detected, e.g. passim's 'series', 'source').",
        ),
        click.option("--url-column", default="url", show_default=True, help="URL field."),
        click.option(
            "--max-member-mb",
            "max_member_bytes",
            type=click.IntRange(min=1),
            default=100,
            show_default=True,
            callback=lambda _ctx, _param, value: None if value is None else value * 2**20,
            help="Largest zip archive member read, in MiB once decompressed; a larger one "
            "is reported and skipped without being read whole.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


class _OutPath(click.Path):
    """A click path that refuses the empty string (which would mean the current folder)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("is empty; give a file or folder name", param, ctx)
        return super().convert(value, param, ctx)


#: commands whose --out is a folder of tables (the others write one file)
FOLDER_COMMANDS: frozenset[str] = frozenset({"align", "compare"})


def _check_out(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """Refuse an empty --out and check it can be written before any work starts."""
    from narratives._outputs import OutputError, check_writable

    if value is None:
        return value
    folder = ctx.info_name in FOLDER_COMMANDS
    if str(value) == "-":
        if folder:
            raise click.BadParameter("'-' (stdout) takes one table; give a folder", ctx=ctx)
        return value
    try:
        check_writable(value, folder=folder)
    except OutputError as err:
        if "empty" in str(err):
            raise click.BadParameter(str(err), ctx=ctx) from err
        raise click.ClickException(str(err)) from err
    return value


def quiet_option(func: F) -> F:
    """Add ``--quiet/-q``: no progress bars or summary lines on stderr (warnings still print)."""
    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        help="No progress bars or summary lines on stderr (warnings still print).",
    )(func)


def output_options(func: F) -> F:
    """Add ``--out/-o PATH`` and ``--format [parquet|csv|ndjson]`` to a command.

    ``--out`` is checked when the command line is read, before any work: an
    empty value is refused and the location must be writable; ``-`` writes
    one table to stdout.
    """
    func = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format (default: from the --out suffix, else parquet).",
    )(func)
    func = click.option(
        "--out",
        "-o",
        "out",
        required=True,
        type=_OutPath(path_type=Path, allow_dash=True),
        callback=_check_out,
        help="Output file (or directory, for commands that write several tables; "
        "'-' writes one table to stdout). Checked for writing before any work starts.",
    )(func)
    return func


def load_corpus(
    paths: str | Path | Sequence[str | Path],
    *,
    progress: bool = True,
    record: list[str] | None = None,
    problems: list[dict[str, Any]] | None = None,
    **options: Any,
) -> pl.DataFrame:
    """Read ``paths`` with :func:`narratives.read_corpus` (with progress) for a command.

    Ingest warnings print on stderr as one line each, or are appended to
    ``record`` (as text) when it is given.

    A single Parquet file that already has the ARTICLES columns (the output
    of ``narratives ingest``) is passed through as it is, so commands can
    start from a saved articles table. Reading problems are printed on stderr
    (``warning: ...``, each on its own line) and appended to ``problems``.

    Raises
    ------
    click.ClickException
        When reading fails (``--on-error stop``), with the file and problem.
    """
    from narratives.engine.local import release_memory
    from narratives.io import IngestError, NarrativesIngestWarning, read_corpus

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if [str(i) for i in items] == ["-"]:
        return _stdin_articles()
    if len(items) == 1 and Path(items[0]).suffix.lower() == ".parquet":
        saved = _saved_articles(Path(items[0]))
        if saved is not None:
            return saved
    if len(items) == 1:
        other = _pipeline_table_kind(Path(items[0]))
        if other is not None:  # e.g. a statements table is not a corpus of articles
            raise click.ClickException(
                f"{items[0]} is a {other} table, not a corpus: give it to a command that "
                "reads it (`narratives align` takes a statements table, `narratives report` "
                "an align/compare output folder)"
            )
    kwargs = {k: v for k, v in options.items() if v is not None}
    ctx = click.get_current_context(silent=True)
    if problems is None and ctx is not None:  # recorded in the run's manifest.json
        problems = ctx.meta.setdefault(_PROBLEMS_KEY, [])
    elif problems is not None and ctx is not None:
        ctx.meta[_PROBLEMS_KEY] = problems
    with warnings.catch_warnings():
        # ingest warnings (bad files skipped, encodings) go to stderr as plain lines
        warnings.filterwarnings("always", category=NarrativesIngestWarning)
        shown = warnings.showwarning

        def show(message: Any, category: type[Warning], *args: Any, **kw: Any) -> None:
            if issubclass(category, NarrativesIngestWarning):
                line = " ".join(str(message).split())
                if record is not None:
                    record.append(f"{category.__name__}: {line}")
                else:
                    echo_warning(line)
            else:
                shown(message, category, *args, **kw)

        warnings.showwarning = show
        try:
            articles = read_corpus(items, progress=progress, problems=problems, **kwargs)
        except IngestError as err:
            raise click.ClickException(str(err)) from err
    # the parsed records are garbage now: their pages back to the system, not carried by
    # every later stage (all of SaudiNewsNet: 827 MB resident for 202 MB of articles)
    release_memory()
    return articles


def echo_warning(message: str) -> None:
    """Print ``warning: <message>`` on stderr on a line of its own, even under a progress bar."""
    from tqdm import tqdm

    line = f"warning: {message}"
    if not sys.stderr.isatty() and getattr(tqdm, "_instances", None):
        # a bar redrawn with "\r" shares the line in a log: start the warning on a new one
        with tqdm.external_write_mode(file=sys.stderr):
            sys.stderr.write(f"\n{line}\n")
            sys.stderr.flush()
        return
    tqdm.write(line, file=sys.stderr)


_TABLE_SUFFIXES = (".parquet", ".ndjson", ".jsonl")


def _read_table_file(path: Path) -> pl.DataFrame | None:
    """A Parquet or NDJSON table read whole, or None when ``path`` is not one."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return pl.read_parquet(path)
        if suffix in (".ndjson", ".jsonl"):
            return pl.read_ndjson(path)
    except (pl.exceptions.PolarsError, OSError, ValueError):
        return None
    return None


def _pipeline_table_kind(path: Path) -> str | None:
    """ "statements", "alignments" ... when ``path`` is such a table of the pipeline."""
    from narratives import schemas

    if path.suffix.lower() != ".parquet":
        return None
    try:
        columns = set(pl.read_parquet_schema(path))
    except (pl.exceptions.PolarsError, OSError):
        return None
    for name in ("statements", "alignments", "claims"):
        if set(getattr(schemas, name.upper())) <= columns:
            return name
    return None


def _fix_types(frame: pl.DataFrame, schema: Mapping[str, Any]) -> pl.DataFrame:
    """Types NDJSON cannot carry: dates written as text, integers read as another width."""
    fixes = []
    for col, dtype in schema.items():
        have = frame.schema.get(col)
        if have is None or have == dtype:
            continue
        if dtype == pl.Date and have == pl.String:
            fixes.append(pl.col(col).str.to_date(strict=False))
        elif have == pl.Null or (have.is_integer() and dtype.is_integer()):
            fixes.append(pl.col(col).cast(dtype))
    return frame.with_columns(fixes) if fixes else frame


def stdin_table() -> pl.DataFrame:
    """The table piped on stdin (Parquet or NDJSON), read once per command run."""
    import io
    import sys

    ctx = click.get_current_context(silent=True)
    meta: dict[str, Any] = ctx.find_root().meta if ctx is not None else {}
    if "narratives.stdin" not in meta:
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise click.ClickException("- (stdin): nothing was piped in")
        try:
            frame = (
                pl.read_parquet(io.BytesIO(data))
                if data[:4] == b"PAR1"
                else pl.read_ndjson(io.BytesIO(data), infer_schema_length=None)
            )
        except (pl.exceptions.PolarsError, ValueError) as err:
            raise click.ClickException(
                f"- (stdin): not a Parquet or NDJSON table ({str(err)[:200]})"
            ) from err
        meta["narratives.stdin"] = frame
    frame_read: pl.DataFrame = meta["narratives.stdin"]
    return frame_read


def _stdin_articles() -> pl.DataFrame:
    from narratives import schemas

    frame = stdin_table()
    if not set(schemas.ARTICLES) <= set(frame.columns):
        raise click.ClickException(
            "- (stdin): not an articles table (pipe `narratives ingest ... -o -` in)"
        )
    return schemas.conform(_fix_types(frame, schemas.ARTICLES), schemas.ARTICLES)


def saved_statements(paths: Sequence[str | Path]) -> pl.DataFrame | None:
    """The statements table when PATHS is one (.parquet, .ndjson), else None.

    Raises
    ------
    click.ClickException
        The file has the statements columns but wrong types.
    """
    from narratives import schemas

    if len(paths) != 1:
        return None
    path = Path(paths[0])
    if str(path) == "-":
        frame: pl.DataFrame | None = stdin_table()
    elif path.suffix.lower() not in _TABLE_SUFFIXES or (
        path.suffix.lower() == ".parquet" and _pipeline_table_kind(path) != "statements"
    ):
        return None
    else:
        frame = _read_table_file(path)
    if frame is None or not set(schemas.STATEMENTS) <= set(frame.columns):
        return None
    frame = _fix_types(frame, schemas.STATEMENTS)
    try:
        schemas.require(frame, schemas.STATEMENTS, name="statements", stage=f"reading {path}")
    except schemas.SchemaError as err:
        raise click.ClickException(f"{path}: not a usable statements table ({err})") from err
    return schemas.conform(frame, schemas.STATEMENTS)


def _saved_articles(path: Path) -> pl.DataFrame | None:
    """The articles table saved by ``narratives ingest``, or None if ``path`` is another Parquet.

    Raises
    ------
    click.ClickException
        The file has the articles columns but wrong types or repeated ids.
    """
    from narratives import schemas

    try:
        schema = pl.read_parquet_schema(path)
    except (pl.exceptions.PolarsError, OSError):
        return None  # not a Parquet file read whole: the corpus reader will say why
    if not all(col in schema for col in schemas.ARTICLES):
        return None
    try:
        frame = pl.read_parquet(path)
        schemas.require(frame, schemas.ARTICLES, name="articles", stage=f"reading {path}")
    except (pl.exceptions.PolarsError, OSError, schemas.SchemaError) as err:
        raise click.ClickException(f"{path}: not a usable articles table ({err})") from err
    repeated = frame["article_id"].filter(frame["article_id"].is_duplicated()).unique().sort()
    if repeated.len():
        shown = ", ".join(map(repr, repeated.head(5).to_list()))
        raise click.ClickException(
            f"{path}: not a usable articles table: {repeated.len()} duplicate article id(s) "
            f"({shown}); ids must be unique"
        )
    if frame["article_id"].null_count():
        raise click.ClickException(f"{path}: not a usable articles table: empty article ids")
    return schemas.conform(frame, schemas.ARTICLES)


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else guessed from the suffix of ``path``."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise click.BadParameter(f"unknown format {fmt!r}; choose one of {FORMATS}")
        return fmt
    return _SUFFIX_FORMAT.get(Path(path).suffix.lower(), "parquet")


def _json_encode_nested(frame: pl.DataFrame) -> pl.DataFrame:
    """JSON-encode list/struct columns (CSV cannot hold them)."""
    nested = [
        name
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.List | pl.Struct | pl.Array)
    ]
    if not nested:
        return frame
    return frame.with_columns(
        pl.Series(
            name,
            [
                None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                for v in frame[name].to_list()
            ],
            dtype=pl.String,
        )
        for name in nested
    )


def _write_one(frame: pl.DataFrame, path: Path, fmt: str) -> None:
    if fmt == "parquet":
        frame.write_parquet(path)
    elif fmt == "csv":
        _json_encode_nested(frame).write_csv(path)
    else:
        frame.write_ndjson(path)


def _to_stdout(frame: pl.DataFrame, fmt: str | None) -> None:
    out = sys.stdout.buffer
    if fmt == "parquet":
        frame.write_parquet(out)
    elif fmt == "csv":
        _json_encode_nested(frame).write_csv(out)
    else:
        frame.write_ndjson(out)
    out.flush()


def write_table(frame: pl.DataFrame, path: str | Path, fmt: str | None = None) -> Path:
    """Write ``frame`` to ``path`` as parquet, csv (nested columns as JSON) or ndjson.

    The file is written under a temporary name in the same folder and renamed
    into place, so an interrupted run never leaves a truncated table. ``-``
    writes to stdout (ndjson unless ``fmt`` says otherwise).

    Returns the path written. Errors name the path and the reason.
    """
    from narratives._outputs import OutputError, atomic_path, check_writable

    if str(path) == "-":
        _to_stdout(frame, fmt)
        return Path("-")
    fmt = format_for(path, fmt)
    try:
        path = check_writable(path, folder=False, create=True)
        with atomic_path(path) as temporary:
            _write_one(frame, temporary, fmt)
    except OutputError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:
        raise click.ClickException(f"cannot write {str(path)!r}: {err.strerror or err}") from err
    return Path(path)


_PROBLEMS_KEY = "narratives.reading_problems"


def _run_record() -> tuple[str | None, list[Any], dict[str, Any], list[dict[str, Any]] | None]:
    """The running command, its inputs, parameters and reading problems (for the manifest)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None, [], {}, None
    params = dict(ctx.params)
    paths = params.pop("paths", ()) or ()
    name = ctx.command_path or ctx.info_name
    return name, list(paths), params, ctx.meta.get(_PROBLEMS_KEY)


def write_tables(
    tables: Mapping[str, pl.DataFrame], out_dir: str | Path, fmt: str | None = None
) -> list[Path]:
    """Write each frame to ``out_dir/<key>.<fmt>`` (default parquet) as one run; return the paths.

    Every table is written to a temporary file and renamed into place; tables
    an earlier run left in ``out_dir`` and this run does not write are
    removed; ``manifest.json`` records the command, inputs, parameters,
    version, each table's rows and SHA-256, and the reading problems of the
    corpus (see :mod:`narratives._outputs`).
    """
    from narratives import __version__
    from narratives._outputs import OutputError, write_outputs

    if str(out_dir) == "-":
        raise click.ClickException("--out -: this command writes several tables; give a folder")
    command, inputs, parameters, problems = _run_record()
    try:
        return write_outputs(
            tables,
            out_dir,
            fmt=fmt or "parquet",
            writer=_write_one,
            command=command,
            inputs=inputs,
            parameters=parameters,
            version=__version__,
            reading_problems=problems,
        )
    except OutputError as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:
        raise click.ClickException(
            f"cannot write to {str(out_dir)!r}: {err.strerror or err}"
        ) from err


threshold_option = click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Least combined score (0-100) for two statements to align and for clusters to "
    "merge into one claim (default: narratives.align's, 55, set for several outlets "
    "covering the same event: wire copy and its rewrites). Lower it, e.g. to 30, to "
    "see loose paraphrases across different events; raise it to keep only close copies.",
)
"""``--threshold``, shared by the commands that align statements."""

date_window_option = click.option(
    "--date-window",
    type=click.IntRange(0),
    default=None,
    help="Only align statements published at most this many days apart "
    "(statements of undated articles are then never aligned).",
)
"""``--date-window``, shared by the commands that align statements."""


def story_options(func: F) -> F:
    """``--story-window`` and ``--story-threshold``: how articles group into stories."""
    func = click.option(
        "--story-threshold",
        type=click.FloatRange(0, 1, min_open=True),
        default=0.3,
        show_default=True,
        help="Least mean similarity (0-1) of two groups of articles to form one story "
        "(shared rare words and names, headlines, aligned statements).",
    )(func)
    return click.option(
        "--story-window",
        type=click.IntRange(0),
        default=2,
        show_default=True,
        help="Days apart two dated articles may be to fall in one story (undated "
        "articles group on their text alone).",
    )(func)


def engine_options(func: F) -> F:
    """``--engine {local,spark}`` and ``--master``: where statements and alignment run."""
    func = click.option(
        "--master",
        default="local[*]",
        show_default=True,
        help="Spark master URL for --engine spark (e.g. local[4], spark://host:7077, yarn).",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["local", "spark"]),
        default="local",
        show_default=True,
        help="Run statement extraction and alignment in this process (local) or on Apache "
        "Spark (needs pip install 'narratives[spark]'); the tables are the same.",
    )(func)


def engine_stages(
    engine: str, master: str, *, mentions: bool = False
) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``(extract_statements, align)`` of the chosen engine (same functions, same tables).

    With ``mentions`` the first is ``statements_and_mentions`` (statements and
    entity mentions in one pass); locally it uses the usable cores, and the
    alignment of a large table runs in a spawned child
    (:func:`narratives.engine.local.isolated`).
    """
    from functools import partial

    if engine == "spark":
        try:
            from narratives.engine import spark
        except ImportError as err:
            raise click.ClickException(str(err)) from err
        cut = spark.statements_and_mentions if mentions else spark.extract_statements
        return partial(cut, master=master), partial(spark.align, master=master)
    from narratives.align import align
    from narratives.engine.local import STATEMENTS_CHILD_MIN, isolated
    from narratives.statements import extract_statements
    from narratives.statements.extract import default_processes, statements_and_mentions

    local = statements_and_mentions if mentions else extract_statements
    # the statements' gathered rows and the alignment's features and scored pairs live
    # in children that give them back to the system when they end, not in the process
    # that runs the comparisons next
    statements = isolated(
        partial(local, n_process=default_processes()), min_rows=STATEMENTS_CHILD_MIN, release=True
    )
    return statements, isolated(align)
