"""Where a report's tables come from: a corpus, an output folder, or frames (private).

:func:`read_outputs` reads the tables a ``narratives align`` or ``narratives
compare`` run wrote to a folder; :func:`analyse` runs whatever part of the
pipeline is missing (statements, alignments, claims, comparisons) with the
options of ``narratives compare``.
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable, Collection, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

from narratives import schemas

#: tables of the pipeline (not comparisons), by name -> schema
PIPELINE: dict[str, pl.Schema] = {
    "articles": schemas.ARTICLES,
    "statements": schemas.STATEMENTS,
    "entity_mentions": schemas.ENTITY_MENTIONS,
    "alignments": schemas.ALIGNMENTS,
    "claims": schemas.CLAIMS,
}
_SUFFIXES = (".parquet", ".ndjson", ".jsonl", ".csv")
#: tables of a compare folder that :func:`narratives.report.render_report` never reads
#: (``narratives report`` leaves them on disk: article_coverage and emphasis alone are
#: about 100 MB in memory on all of SaudiNewsNet)
NOT_RENDERED = frozenset({"article_coverage", "emphasis", "story_summary", "copies"})
#: columns of read tables that :func:`narratives.report.render_report` never reads: the
#: claim's text repeated on every row (the report takes it from ``coverage``); on all of
#: SaudiNewsNet about 320 MB in memory. ``narratives report`` reads them as empty columns.
NOT_RENDERED_COLUMNS: Mapping[str, frozenset[str]] = {
    "claims": frozenset({"representative"}),
    "emphasis_claims": frozenset({"representative"}),
    "emphasis_stories": frozenset({"representative"}),
}


def _known_schema(name: str) -> pl.Schema | None:
    if name in PIPELINE:
        return PIPELINE[name]
    if name in schemas.COMPARISON_TABLES:
        return schemas.COMPARISON_TABLES[name]
    return getattr(schemas, name.upper(), None) if name.isidentifier() else None


def _read_one(path: Path, drop: Collection[str] = ()) -> pl.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        if drop:
            names = pl.read_parquet_schema(path)
            return pl.read_parquet(path, columns=[c for c in names if c not in drop])
        return pl.read_parquet(path)
    if suffix in {".ndjson", ".jsonl"}:
        return pl.read_ndjson(path)
    frame = pl.read_csv(path, infer_schema_length=10000)
    schema = _known_schema(path.stem)
    if schema is None:
        return frame
    fixes = []
    for col, dtype in schema.items():
        if col in frame.columns and isinstance(dtype, pl.List) and frame.schema[col] == pl.String:
            values = [None if v is None else json.loads(v) for v in frame[col].to_list()]
            fixes.append(pl.Series(col, values, dtype=dtype))
    return frame.with_columns(fixes) if fixes else frame


def is_output_folder(path: str | Path) -> bool:
    """True when ``path`` is a folder written by ``narratives align`` or ``compare``."""
    folder = Path(path)
    return folder.is_dir() and any((folder / f"statements{s}").exists() for s in _SUFFIXES)


def read_outputs(
    folder: str | Path,
    *,
    skip: Collection[str] = (),
    skip_columns: Mapping[str, Collection[str]] | None = None,
) -> dict[str, pl.DataFrame]:
    """The tables of a ``narratives align`` or ``narratives compare`` output folder.

    Every ``<name>.parquet`` (or ``.ndjson``, ``.csv``) file becomes a table
    named ``<name>``; known tables (``statements``, ``coverage`` ...) are
    checked against their schema (``narratives.schemas``).

    Parameters
    ----------
    folder
        A folder holding at least ``statements`` (and, from ``align``,
        ``alignments`` and ``claims``; from ``compare``, the comparison tables).
    skip
        Names of tables not to read (e.g. :data:`NOT_RENDERED`, for a report).
    skip_columns
        Per table, columns not to read from Parquet (e.g. :data:`NOT_RENDERED_COLUMNS`);
        they are left empty, without a warning.

    Returns
    -------
    dict of str to polars.DataFrame

    Raises
    ------
    FileNotFoundError
        When ``folder`` is not a folder or holds no statements table.

    Warns
    -----
    UserWarning
        When a known table lacks columns of its schema (they are added empty).
    narratives._outputs.OutputError
        When the folder's ``manifest.json`` shows its tables are not one run's.

    Examples
    --------
    >>> tables = read_outputs("compared/")  # doctest: +SKIP
    >>> sorted(tables)[:3]  # doctest: +SKIP
    ['alignments', 'article_coverage', 'articles']
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"read_outputs: {str(folder)!r} is not a folder")
    from narratives._outputs import MANIFEST, check_folder

    if (folder / MANIFEST).exists():  # written by a narratives command: one run's tables only
        check_folder(folder)
    tables: dict[str, pl.DataFrame] = {}
    for suffix in _SUFFIXES:
        for path in sorted(folder.glob(f"*{suffix}")):
            if path.stem in tables or path.stem in skip or path.name.startswith("."):
                continue
            dropped = frozenset((skip_columns or {}).get(path.stem, ()))
            frame = _read_one(path, dropped)
            schema = _known_schema(path.stem)
            if schema is not None:
                frame = frame.with_columns(
                    pl.lit(None, dtype=schema[c]).alias(c)
                    for c in schema
                    if c in dropped and c not in frame.columns
                )
                missing = [c for c in schema if c not in frame.columns]
                if missing:  # e.g. written by an older narratives: shown, with a warning
                    warnings.warn(
                        f"{path.name}: no column {', '.join(missing)} (written by another "
                        "version of narratives?); those columns are left empty",
                        stacklevel=2,
                    )
                    frame = frame.with_columns(
                        pl.lit(None, dtype=schema[c]).alias(c) for c in missing
                    )
            tables[path.stem] = frame
    if "statements" not in tables:
        raise FileNotFoundError(
            f"read_outputs: {str(folder)!r} holds no statements table: give a folder written "
            "by `narratives align --out` or `narratives compare --out`, or a corpus"
        )
    return tables


Say = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


#: what :func:`narratives.cluster_claims` reads of the statements and of the alignments
CLAIM_COLUMNS = ("statement_id", "article_id", "outlet", "published", "text", "is_headline")
LINK_COLUMNS = ("statement_id_a", "statement_id_b", "score", "linked", "conflict")


#: the articles' columns :func:`narratives.group_stories` reads
STORY_ARTICLE_COLUMNS = ("article_id", "outlet", "published", "title", "text")


def claims_and_stories(
    articles: pl.DataFrame | None,
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    *,
    story_options: Mapping[str, Any] | None = None,
    progress: bool = False,
    **claim_options: Any,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The claims (:func:`narratives.cluster_claims`, ``claim_options``) and the stories
    (:func:`narratives.group_stories`, ``story_options``) of aligned statements.

    Neither reads the other. On a large corpus the claims are clustered in a spawned
    child (:func:`narratives.engine.local.started`; it is sent only the columns it
    reads, :data:`CLAIM_COLUMNS` and :data:`LINK_COLUMNS`) while the stories are
    grouped in another (the articles' :data:`STORY_ARTICLE_COLUMNS`), each on a core
    of its own: the two phases take the wall time of the longer. The tables are those
    of the two functions called one after the other (:func:`narratives.compare` is
    then given the stories).
    """
    from narratives.align import cluster_claims
    from narratives.engine.local import STATEMENTS_CHILD_MIN, started
    from narratives.stories import articles_from_statements, group_stories

    wait = started(cluster_claims)(
        statements.select(c for c in CLAIM_COLUMNS if c in statements.columns),
        alignments.select(c for c in LINK_COLUMNS if c in alignments.columns),
        progress=progress,
        **claim_options,
    )
    # the stories in a child of their own too on a large corpus: what their features
    # leave freed in a process (0.26 GB on all of SaudiNewsNet) is not carried by this
    # one through the omissions (docs/scale.md, perf26). It reads these articles'
    # columns only (`group_stories` selects them first)
    source = articles if articles is not None else articles_from_statements(statements)
    stories = started(group_stories, min_rows=STATEMENTS_CHILD_MIN)(
        source.select(c for c in STORY_ARTICLE_COLUMNS if c in source.columns),
        statements,
        alignments,
        **dict(story_options or {}),
    )
    return wait(), stories()


def analyse(
    tables: Mapping[str, pl.DataFrame],
    *,
    threshold: float | None = None,
    date_window: int | None = None,
    recompare: bool = False,
    compare_options: Mapping[str, Any] | None = None,
    progress: bool = False,
    say: Say = _quiet,
    engine: str = "local",
    master: str = "local[*]",
) -> dict[str, pl.DataFrame]:
    """Run the stages ``tables`` still lacks and return every table by name.

    ``tables`` needs ``articles`` or ``statements``. Missing statements are
    extracted, missing alignments/claims computed (``threshold``,
    ``date_window``), and the comparisons computed when absent or when
    ``recompare`` (with ``compare_options``, the keyword arguments of
    :func:`narratives.compare`). ``say`` receives one line per phase.
    ``engine="spark"`` extracts statements and aligns them on Spark
    (``master``; :mod:`narratives.engine.spark`, same functions, same tables).
    """
    # the functions themselves: `narratives.compare` becomes the subpackage once it is imported
    from narratives.align import align, cluster_claims
    from narratives.compare import compare
    from narratives.engine.local import STATEMENTS_CHILD_MIN, isolated
    from narratives.statements import extract_entities
    from narratives.statements.extract import default_processes, statements_and_mentions

    # the workers' rows gathered in a child on a large corpus (or given back to the
    # system once they are frames): not kept by this process for the later stages
    cut = isolated(
        partial(statements_and_mentions, n_process=default_processes()),
        min_rows=STATEMENTS_CHILD_MIN,
        release=True,
    )
    # the alignment's features and scored pairs go back to the system with the child
    # that held them (narratives.engine.local.isolated), not kept by the comparisons
    align, cluster_claims = isolated(align), isolated(cluster_claims)
    if engine == "spark":
        from narratives.engine import spark

        cut = partial(spark.statements_and_mentions, master=master)
        align = partial(spark.align, master=master)
        cluster_claims = partial(spark.cluster_claims, master=master)
    elif engine != "local":
        raise ValueError(f"analyse: unknown engine {engine!r}; use 'local' or 'spark'")
    out = dict(tables)
    if "statements" not in out:
        if "articles" not in out:
            raise ValueError("analyse: give an articles or a statements table")
        start = time.perf_counter()
        say(f"statements: cutting {out['articles'].height} articles into statements")
        # statements and entity mentions in one pass over the articles
        out["statements"], mentions = cut(out["articles"], progress=progress)
        out.setdefault("entity_mentions", mentions)
        say(f"statements: {out['statements'].height} in {time.perf_counter() - start:.0f} s")
    statements = out["statements"]
    if "alignments" not in out or "claims" not in out:
        options: dict[str, Any] = {"date_window": date_window, "progress": progress}
        claim_options: dict[str, Any] = {}
        if threshold is not None:
            options["threshold"] = claim_options["threshold"] = float(threshold)
        start = time.perf_counter()
        say(f"align: comparing {statements.height} statements across outlets")
        out["alignments"] = align(statements, **options)
        say(
            f"align: {out['alignments'].height} aligned pairs "
            f"in {time.perf_counter() - start:.0f} s"
        )
        claim_input, links = statements, out["alignments"]
        if engine == "local" and "stories" not in out:
            # the stories grouped here while the claims are clustered in a child (the
            # columns cluster_claims reads only: all of SaudiNewsNet 9.1 -> 8.2 s)
            say("claims: clustering the aligned pairs (the stories grouped meanwhile)")
            out["claims"], out["stories"] = claims_and_stories(
                out.get("articles"),
                statements,
                links,
                story_options=dict(compare_options or {}).get("story_options"),
                progress=progress,
                **claim_options,
            )
        else:
            say("claims: clustering the aligned pairs")
            if engine == "local":
                claim_input = statements.select(c for c in CLAIM_COLUMNS if c in statements.columns)
                links = links.select(c for c in LINK_COLUMNS if c in links.columns)
            out["claims"] = cluster_claims(claim_input, links, progress=progress, **claim_options)
        say(f"claims: {out['claims']['claim_id'].n_unique()} claims")
        recompare = True
    if recompare or "coverage" not in out:
        if "entity_mentions" not in out and "articles" in out:
            say("entities: finding the names in the statements")
            out["entity_mentions"] = extract_entities(
                statements, out["articles"], progress=progress
            )
        start = time.perf_counter()
        say("compare: coverage, omissions, emphasis, framing")
        result = compare(
            out.get("articles"),
            statements,
            out["alignments"],
            out["claims"],
            out.get("entity_mentions"),
            stories=out.get("stories"),
            progress=progress,
            **dict(compare_options or {}),
        )
        out.update(result)
        say(f"compare: {len(result)} tables in {time.perf_counter() - start:.0f} s")
    return out


def collect_warnings(func: Callable[[], Any]) -> tuple[Any, list[str]]:
    """Call ``func`` recording its warnings as one clean line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = func()
    lines = [f"{w.category.__name__}: {' '.join(str(w.message).split())}" for w in caught]
    return value, list(dict.fromkeys(lines))
