"""Self-contained HTML reports: run the packaged report notebook, export it offline.

:func:`render_report` runs ``narratives/notebooks/report.ipynb`` with
papermill (parameters: the corpus paths, title, reading options), exports it
with nbconvert with the code hidden, and assembles one HTML file that needs
nothing from the network: the Vega, Vega-Lite and vega-embed JavaScript is
inlined once (vl-convert carries it), charts are stored as inert JSON, there is
no web font, no CDN script (nbconvert's basic template, without require.js or
MathJax) and a table of contents is built from the section headings.

The other functions here are used by the report notebook itself.
"""

from __future__ import annotations

import html
import os
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl

from narratives import __version__

TEMPLATE = "report.ipynb"
#: what a report may never contain: resources fetched from elsewhere
_REMOTE = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data)\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
_CSS_REMOTE = re.compile(r"""@import|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
#: bidirectional embedding, override and isolate controls, and direction marks
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


class ReportError(RuntimeError):
    """The report notebook failed, or its HTML would not be self-contained."""


def template_path() -> Path:
    """Path of the packaged report notebook (works from a wheel and from a checkout)."""
    return Path(str(resources.files("narratives") / "notebooks" / TEMPLATE))


def render_report(
    paths: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    title: str | None = None,
    outlets: str | Path | None = None,
    on_error: str = "skip",
    read_options: Mapping[str, Any] | None = None,
    threshold: float | None = None,
    top: int = 30,
    timeout: int = 1800,
    notebook: str | Path | None = None,
) -> Path:
    """Analyse a corpus and write a self-contained, offline HTML report.

    Parameters
    ----------
    paths
        Corpus files or folders, as for :func:`narratives.read_corpus`.
    output
        The HTML file to write (its folder is created).
    title
        Report title (default: "Narrative comparison: <paths>").
    outlets
        Your own outlets YAML, merged with the shipped one.
    on_error
        ``"skip"`` (warn, in the report too, and go on) or ``"stop"``.
    read_options
        Further keyword arguments of :func:`narratives.read_corpus`
        (e.g. ``{"text_column": "content"}``).
    threshold
        Least score (0-100) for two statements to align and for claims to
        merge (``threshold`` of :func:`narratives.align` and
        :func:`narratives.cluster_claims`); default: theirs.
    top
        Rows (claims, pairs, terms) shown per chart; keeps reports light.
    timeout
        Seconds a notebook cell may run.
    notebook
        Also keep the executed notebook at this path (default: not kept).

    Returns
    -------
    Path
        The report written.

    Raises
    ------
    FileNotFoundError
        When a corpus path does not exist.
    ReportError
        When a notebook cell fails (the message names the error) or the HTML
        would load anything from the network.

    Examples
    --------
    >>> from narratives.report import render_report
    >>> render_report("data/seeds", "/tmp/report.html", title="Lavrov on Syria")  # doctest: +SKIP
    PosixPath('/tmp/report.html')
    """
    import papermill as pm

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if not items:
        raise ValueError("render_report: give at least one corpus path")
    resolved = [Path(p).expanduser().resolve() for p in items]
    missing = [str(p) for p in resolved if not p.exists()]
    if missing:
        raise FileNotFoundError(f"render_report: no such file or folder: {', '.join(missing)}")
    output = Path(output).expanduser().resolve()
    parameters: dict[str, Any] = {
        "paths": [str(p) for p in resolved],
        "title": title or "Narrative comparison: " + ", ".join(p.name for p in resolved),
        "outlets": str(Path(outlets).expanduser().resolve()) if outlets else None,
        "on_error": on_error,
        "read_options": dict(read_options or {}),
        "threshold": threshold,
        "top": int(top),
    }
    with tempfile.TemporaryDirectory(prefix="narratives-report-") as tmp:
        executed = Path(notebook) if notebook else Path(tmp) / "report.ipynb"
        start = time.perf_counter()
        try:
            pm.execute_notebook(
                str(template_path()),
                str(executed),
                parameters=parameters,
                kernel_name="python3",
                kernel_manager_class=_current_python_kernel(),
                progress_bar=False,
                cwd=os.getcwd(),
                execution_timeout=timeout,
            )
        except pm.PapermillExecutionError as err:
            raise ReportError(
                f"the report notebook failed in cell {err.exec_count}: {err.ename}: {err.evalue}"
            ) from err
        body = _export_body(executed)
    page = assemble(body, title=parameters["title"], seconds=time.perf_counter() - start)
    output.parent.mkdir(parents=True, exist_ok=True)
    from narratives._outputs import atomic_path

    with atomic_path(output) as temporary:  # never a half-written report under its name
        temporary.write_text(page, encoding="utf-8")
    return output


def _current_python_kernel() -> type:
    """A kernel manager that starts ipykernel with this interpreter (not ``python`` on PATH)."""
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import KernelManager

    class CurrentPythonKernelManager(KernelManager):
        @property
        def kernel_spec(self) -> KernelSpec:
            return KernelSpec(
                argv=[
                    sys.executable,
                    "-m",
                    "ipykernel_launcher",
                    "-f",
                    "{connection_file}",
                    "--log-level=ERROR",  # no kernel chatter on the user's terminal
                ],
                display_name=f"Python ({sys.executable})",
                language="python",
            )

    return CurrentPythonKernelManager


def _export_body(notebook: Path) -> str:
    """The executed notebook as HTML body content, code and prompts hidden."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    nb = nbformat.read(str(notebook), as_version=4)
    # the parameters cells (template defaults and papermill's injected values)
    # are recorded in the report's own "About" section instead
    nb.cells = [
        c
        for c in nb.cells
        if not {"parameters", "injected-parameters"} & set(c.get("metadata", {}).get("tags", []))
    ]
    body, _ = exporter.from_notebook_node(nb)
    return body


def _sanitize(body: str) -> str:
    """Keep only inert script blocks (chart specs) in the notebook's HTML."""

    def keep(match: re.Match[str]) -> str:
        attrs = match.group(1)
        if 'type="application/json"' in attrs and "narratives-spec" in attrs:
            return match.group(0)
        return ""

    return _SCRIPT.sub(keep, body)


def _toc(body: str) -> tuple[str, str]:
    """Table of contents from the section headings; headings get plain ids."""
    entries: list[tuple[str, str]] = []

    def rename(match: re.Match[str]) -> str:
        text = re.sub(r"<a class=\"anchor-link\".*?</a>", "", match.group(2), flags=re.DOTALL)
        ident = f"section-{len(entries) + 1}"
        entries.append((ident, text.strip()))
        return f'<h2 id="{ident}">{text}</h2>'

    body = _HEADING.sub(rename, body)
    items = "".join(f'<li><a href="#{i}">{t}</a></li>' for i, t in entries)
    return f'<nav class="toc"><h2>Contents</h2><ol>{items}</ol></nav>', body


def assemble(body: str, *, title: str, seconds: float | None = None) -> str:
    """One offline HTML page from nbconvert body content: styles, contents, chart code.

    Raises
    ------
    ReportError
        If anything in the page would be loaded from the network.
    """
    from narratives.viz._embed import scripts

    toc, body = _toc(_sanitize(body))
    title = _BIDI.sub("", title)  # no direction override can flip the title
    took = f" in {seconds:.0f} s" if seconds is not None else ""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="narratives {__version__}">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head>\n<body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f'<p class="meta">narratives {__version__} · {stamp}{took}</p></header>'
        f"{toc}<main>{body}</main>\n{scripts()}\n</body></html>\n"
    )
    check_offline(page)
    return page


def check_offline(page: str) -> None:
    """Raise :class:`ReportError` if ``page`` would fetch a script, style, font or image."""
    remote = _REMOTE.search(page)
    if remote:
        raise ReportError(f"report would load from the network: {remote.group(0)[:120]!r}")
    for match in re.finditer(r"<style\b[^>]*>(.*?)</style>", page, re.DOTALL | re.IGNORECASE):
        css = _CSS_REMOTE.search(match.group(1))
        if css:
            raise ReportError(f"report style would load from the network: {css.group(0)!r}")


# --- used by the report notebook -------------------------------------------


class Analysis(NamedTuple):
    """Everything the report shows, from :func:`analyse`."""

    articles: pl.DataFrame
    statements: pl.DataFrame
    alignments: pl.DataFrame
    claims: pl.DataFrame
    tables: dict[str, pl.DataFrame]
    problems: list[str]


def analyse(
    paths: str | Path | Sequence[str | Path],
    *,
    outlets: str | Path | None = None,
    on_error: str = "skip",
    read_options: Mapping[str, Any] | None = None,
    threshold: float | None = None,
    top: int = 30,
) -> Analysis:
    """Run the whole pipeline for a report; warnings are collected, not printed.

    The report lists them (file, record and problem) in its "Reading
    problems" section instead of opening with a wall of warnings.
    """
    import narratives as nv

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = nv.read_corpus(
            paths,
            outlets=outlets,
            on_error=on_error,
            **dict(read_options or {}),
        )
        statements = nv.extract_statements(articles)
        scores = {} if threshold is None else {"threshold": float(threshold)}
        alignments = nv.align(statements, **scores)
        claims = nv.cluster_claims(statements, alignments, **scores)
        tables = nv.compare(articles, statements, alignments, claims, top_n=top)
    problems = [f"{w.category.__name__}: {w.message}" for w in caught]
    return Analysis(articles, statements, alignments, claims, tables, problems)


def problems(messages: Sequence[str], *, limit: int = 200) -> Any:
    """The warnings of a run as an escaped, collapsed list."""
    from IPython.display import HTML

    from narratives.viz._text import clean

    if not messages:
        return HTML('<p class="note">No problems while reading and analysing the corpus.</p>')
    items = "".join(f"<li>{html.escape(clean(m))}</li>" for m in messages[:limit])
    more = f"<li>... and {len(messages) - limit} more</li>" if len(messages) > limit else ""
    return HTML(
        f'<details class="problems"><summary>{len(messages)} warning(s) while reading '
        f"and analysing the corpus</summary><ul>{items}{more}</ul></details>"
    )


def use_inline_charts() -> None:
    """Display Altair charts as offline chart blocks (for the report notebook).

    The report's HTML then carries each chart's spec as inert JSON; one
    inlined copy of the Vega libraries draws them all.
    """
    import altair as alt

    from narratives.viz._embed import renderer

    alt.renderers.register("narratives-report", renderer)
    alt.renderers.enable("narratives-report")


def about(
    parameters: Mapping[str, Any],
    *,
    articles: pl.DataFrame,
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame,
) -> Any:
    """HTML summary of the run: parameters, version and corpus figures (escaped)."""
    from IPython.display import HTML

    from narratives.viz._text import clean

    def row(key: str, value: Any) -> str:
        return (
            f"<tr><th>{html.escape(clean(key))}</th><td>{html.escape(clean(str(value)))}</td></tr>"
        )

    outlets = (
        articles.group_by("outlet")
        .len()
        .sort(["len", "outlet"], descending=[True, False])
        .iter_rows()
        if articles.height
        else []
    )
    per_outlet = ", ".join(f"{o or 'unknown'}: {n}" for o, n in outlets)
    rows = [row(k, v) for k, v in parameters.items()]
    rows += [
        row("narratives version", __version__),
        row("python", sys.version.split()[0]),
        row("articles", f"{articles.height} ({per_outlet})"),
        row("statements", statements.height),
        row("alignments", alignments.height),
        row("claims", claims["claim_id"].n_unique() if claims.height else 0),
    ]
    return HTML(f'<table class="narratives-table about">{"".join(rows)}</table>')


def note(text: str) -> Any:
    """A short escaped paragraph (e.g. "no substitutions found")."""
    from IPython.display import HTML

    return HTML(f'<p class="note">{html.escape(text)}</p>')


CSS = """
:root { --ink: #222; --muted: #666; --line: #ddd; --accent: #08519c; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', Tahoma, Arial, sans-serif;
  line-height: 1.5; }
header, nav.toc, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header h1 { margin: 24px 0 0; font-size: 1.7em; }
p.meta { color: var(--muted); margin: 4px 0 16px; }
nav.toc { border-bottom: 1px solid var(--line); padding-bottom: 8px; }
nav.toc h2 { font-size: 1.1em; margin: 8px 0; border: none; }
nav.toc ol { margin: 0; padding-left: 1.4em; columns: 2; }
nav.toc a { color: var(--accent); text-decoration: none; }
main h2 { margin-top: 40px; padding-top: 8px; border-top: 1px solid var(--line); }
main p, main li { max-width: 62em; }
.jp-Cell, .jp-OutputArea-output { margin: 8px 0; }
.jp-RenderedText pre, pre { white-space: pre-wrap; background: #fff8e1; padding: 6px 10px;
  border-left: 3px solid #f9a825; font-size: 0.85em; overflow-x: auto; }
.narratives-chart { overflow-x: auto; margin: 8px 0 16px; }
table.narratives-table { border-collapse: collapse; margin: 8px 0 20px; font-size: 0.9em; }
table.narratives-table caption { text-align: left; color: var(--muted); padding: 4px 0; }
table.narratives-table th, table.narratives-table td { border-bottom: 1px solid var(--line);
  padding: 4px 10px; vertical-align: top; text-align: start; }
table.narratives-table td[dir="rtl"] { font-size: 1.08em; unicode-bidi: isolate; }
table.about th { text-align: left; color: var(--muted); font-weight: normal; }
p.note { color: var(--muted); font-style: italic; }
details.problems { font-size: 0.85em; color: var(--muted); }
details.problems li { margin: 2px 0; }
"""
