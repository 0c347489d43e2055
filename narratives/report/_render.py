"""The HTML report, rendered in-process from the tables with a Jinja2 template (private)."""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from narratives import __version__
from narratives.report._evidence import Evidence, Rows
from narratives.viz._text import clean, is_arabic, shorten

#: what a report may never contain: resources fetched from elsewhere
_REMOTE = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data)\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
_CSS_REMOTE = re.compile(r"""@import|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)


class ReportError(RuntimeError):
    """The report could not be made, or its HTML would not be self-contained."""


def check_offline(page: str) -> None:
    """Raise :class:`ReportError` if ``page`` would fetch a script, style, font or image."""
    remote = _REMOTE.search(page)
    if remote:
        raise ReportError(f"report would load from the network: {remote.group(0)[:120]!r}")
    for match in re.finditer(r"<style\b[^>]*>(.*?)</style>", page, re.DOTALL | re.IGNORECASE):
        css = _CSS_REMOTE.search(match.group(1))
        if css:
            raise ReportError(f"report style would load from the network: {css.group(0)!r}")


def _resource(name: str) -> str:
    return (resources.files("narratives.report") / "templates" / name).read_text(encoding="utf-8")


def _esc(value: Any) -> str:
    return html.escape(clean("" if value is None else str(value)))


def _num(n: int | float) -> str:
    return f"{n:,}" if isinstance(n, int) else f"{n:,.1f}"


#: characters of a statement quoted in a chart tooltip (a click shows all of it)
TOOLTIP_CHARS = 160


class Builder:
    """Collects the blocks of one report and the evidence they cite."""

    def __init__(self, evidence: Evidence, *, outlets: Sequence[str], rows: int) -> None:
        self.ev = evidence
        self.outlets = list(outlets)
        self.rows = rows
        self.claim_numbers: dict[str, int] = {}
        self.claim_texts: Mapping[str, str] = {}
        self.n_charts = 0

    # --- labels ---------------------------------------------------------------

    def number_claims(self, coverage: pl.DataFrame | None) -> None:
        if coverage is None or not coverage.height:
            return
        order = (
            coverage.group_by("claim_id")
            .agg(
                pl.col("claim_outlets").max(),
                pl.col("n_statements").sum().alias("_n"),
                pl.col("representative").first(),
            )
            .sort(["claim_outlets", "_n", "claim_id"], descending=[True, True, False])
        )
        ids = order["claim_id"].to_list()
        self.claim_numbers.update(zip(ids, range(1, len(ids) + 1), strict=True))
        # the texts are read from the frame when asked for (a Python string per claim of
        # a large corpus is hundreds of MB; a report shows a few hundred)
        self.claim_texts = Rows(
            order.select("claim_id", "representative"), "claim_id", "representative"
        )

    def claim_number(self, claim_id: str | None) -> str:
        """ "C12": the claim's number in this report (claims carried by most outlets first)."""
        if claim_id is None:
            return ""
        n = self.claim_numbers.get(claim_id)
        return f"C{n}" if n else clean(claim_id)

    def claim_text(self, claim_id: str | None, *, width: int = 160) -> str:
        return shorten(self.claim_texts.get(claim_id or "") or "", width)

    def claim_label(self, claim_id: str | None, *, width: int = 110) -> str:
        if claim_id is None:
            return ""
        n = self.claim_numbers.get(claim_id)
        text = shorten(self.claim_texts.get(claim_id) or "", width)
        head = f"C{n}" if n else clean(claim_id)
        return f"{head} · {text}" if text else head

    # --- blocks -----------------------------------------------------------------

    def chart(
        self, chart: Any, *, statement_key: Callable[[dict[str, Any]], list[str]] | None = None
    ) -> str:
        """A chart block whose marks link to their statements (``_ev`` in each datum)."""
        from narratives.viz._embed import chart_block

        spec: dict[str, Any] = chart.to_dict()
        datasets = spec.get("datasets", {})
        # fields the marks do not draw, once their statements are linked: dropped
        used = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
        drop = {
            "statement_ids",
            "claim_ids",
            "statement_id_a",
            "statement_id_b",
            "closest_statement_id",
        }
        drop = {f for f in drop if f'"{f}"' not in used}
        # a chart has many marks: two statements each, one in a dense chart (the panel says
        # of how many), so a large corpus's framing grids do not embed a thousand articles
        marks = sum(len(v) for v in datasets.values())
        limit = 2 if marks <= 150 else 1
        for name, values in datasets.items():
            wired = []
            for row in values:
                ids = statement_key(row) if statement_key else self.row_statements(row)
                row = {k: v for k, v in row.items() if k not in drop}
                if isinstance(row.get("evidence"), str) and len(row["evidence"]) > TOOLTIP_CHARS:
                    # a preview: the click opens the whole statement in its article
                    row["evidence"] = shorten(row["evidence"], TOOLTIP_CHARS)
                if ids:
                    # a cell's statements are interchangeable: prefer articles already embedded
                    anchors = self.ev.cite(ids, limit=limit, reuse=True)
                    if anchors:
                        row["_ev"] = " ".join(anchors)
                        row["_n"] = len(ids)
                        first = self.ev.anchor_statement(anchors[0])
                        if first != ids[0] and isinstance(row.get("evidence"), str):
                            # the tooltip quotes the statement a click opens first
                            text = self.ev.statement_text(first)
                            row["evidence"] = shorten(text, TOOLTIP_CHARS)
                wired.append(row)
            datasets[name] = wired
        self.n_charts += 1
        return chart_block(spec, f"chart-{self.n_charts}")

    def row_statements(self, row: Mapping[str, Any]) -> list[str]:
        """The statements behind a chart datum or table row."""
        ids = row.get("statement_ids")
        if isinstance(ids, str):
            ids = [ids]
        if ids:
            out = [i for i in ids if i]
            closest = row.get("closest_statement_id")  # an omission's near miss
            if isinstance(closest, str) and closest not in out:
                out.insert(1, closest)
            return out
        pair = [row.get("statement_id_a"), row.get("statement_id_b")]
        if any(isinstance(p, str) for p in pair):
            return [p for p in pair if isinstance(p, str)]
        if any(isinstance(p, list) for p in pair):
            a, b = (p if isinstance(p, list) else [] for p in pair)
            return [x for ab in zip(a, b, strict=False) for x in ab if x]
        claim_ids = row.get("claim_ids")
        if claim_ids and row.get("other"):
            found: list[str] = []
            for cid in claim_ids:
                found += self.ev.claim_statements(cid, outlets=[row["other"]])[:1]
            return found
        cid = row.get("claim_id")
        if cid and row.get("status") == "absent":
            return self.ev.claim_statements(cid)
        closest = row.get("closest_statement_id")
        if cid and row.get("status") == "not sure" and isinstance(closest, str):
            # the outlet's closest statement first (in its article, to read), then the claim
            return [closest, *(i for i in self.ev.claim_statements(cid) if i != closest)]
        return []

    def table(
        self,
        frame: pl.DataFrame,
        columns: Mapping[str, Callable[[dict[str, Any]], str] | str],
        *,
        caption: str,
        order: str = "",
        empty: str = "No rows.",
        total: int | None = None,
    ) -> str:
        """A searchable table: escaped cells, "N of M shown", rows linking to their statements.

        ``columns`` maps a header to a column name or to a function of the
        row returning plain text (escaped here).
        """
        total = frame.height if total is None else total
        if not frame.height:
            return f'<p class="note empty">{html.escape(empty)}</p>'
        shown = frame.head(self.rows)
        head = "".join(f"<th>{html.escape(h)}</th>" for h in columns) + "<th>evidence</th>"
        body: list[str] = []
        for row in shown.iter_rows(named=True):
            cells = []
            for spec in columns.values():
                value = spec(row) if callable(spec) else row.get(spec)
                if isinstance(value, list):
                    value = ", ".join("" if v is None else str(v) for v in value)
                elif isinstance(value, float):
                    value = f"{value:.3g}"
                text = "" if value is None else clean(str(value))
                direction = ' dir="rtl"' if is_arabic(text) else ""
                cells.append(f"<td{direction}>{html.escape(text)}</td>")
            ids = self.row_statements(row)
            anchors = self.ev.cite(ids)
            if anchors:
                n = len(ids)
                label = f"{n} statement{'s' if n != 1 else ''}"
                cells.append(
                    f'<td class="ev-cell"><button type="button" class="ev" '
                    f'data-ev="{" ".join(anchors)}" data-n="{n}">{label} ›</button></td>'
                )
                attrs = f' data-ev="{" ".join(anchors)}" data-n="{n}" tabindex="0"'
            else:
                cells.append('<td class="ev-cell"></td>')
                attrs = ""
            body.append(f"<tr{attrs}>{''.join(cells)}</tr>")
        if not any(" data-ev=" in row for row in body):  # nothing to open: no empty column
            head = head.removesuffix("<th>evidence</th>")
            body = [row.replace('<td class="ev-cell"></td></tr>', "</tr>") for row in body]
        note = f" {order}" if order and total > shown.height else ""
        counter = (
            f'<span class="count" data-total="{total}" data-embedded="{shown.height}">'
            f"{_num(shown.height)} of {_num(total)} rows shown{html.escape(note)}</span>"
        )
        return (
            '<div class="table-block">'
            f'<div class="table-tools"><input type="search" class="filter" '
            'placeholder="Search these rows (Arabic or Latin)" '
            f'aria-label="filter {html.escape(caption)}">'
            f"{counter}</div>"
            f'<table class="narratives-table"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )

    @staticmethod
    def note(text: str) -> str:
        return f'<p class="note">{html.escape(text)}</p>'

    @staticmethod
    def empty(text: str) -> str:
        return f'<p class="note empty">{html.escape(text)}</p>'


def _outlets_of(tables: Mapping[str, pl.DataFrame]) -> list[str]:
    found: set[str] = set()
    for name in ("articles", "statements"):
        frame = tables.get(name)
        if frame is not None and "outlet" in frame.columns:
            found |= {o for o in frame["outlet"].unique().to_list() if o}
    return sorted(found)


def _format_value(value: Any, root: Path | None) -> str:
    if value is None:
        return "default"
    if isinstance(value, Mapping):
        items = [f"{k}={_format_value(v, root)}" for k, v in value.items() if v is not None]
        return ", ".join(items) or "none"
    if isinstance(value, list | tuple):
        return ", ".join(_format_value(v, root) for v in value) or "none"
    if isinstance(value, Path):
        if value.is_absolute():
            if root is not None:
                try:
                    return str(value.relative_to(root)) or "."
                except ValueError:
                    pass
            return value.name
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _heading(title: str) -> str:
    """A section title as HTML: an Arabic part after "Story s12: " is isolated right to left,
    so it cannot reorder the Latin head nor run into the next column of the contents."""
    head, sep, rest = title.partition(": ")
    if sep and is_arabic(rest) and not is_arabic(head):
        return f'{html.escape(head)}: <bdi dir="rtl">{html.escape(rest)}</bdi>'
    return html.escape(title)


def render_report(
    tables: Mapping[str, pl.DataFrame],
    *,
    title: str | None = None,
    parameters: Mapping[str, Any] | None = None,
    problems: Sequence[str] = (),
    top: int = 30,
    rows: int = 50,
    root: str | Path | None = None,
    seconds: float | None = None,
    stories: int = 5,
    story_ids: Sequence[str] = (),
) -> str:
    """The offline HTML report of a set of tables, as one string.

    Rendered in-process with a Jinja2 template: no notebook, no kernel.
    Every chart mark and table row links to the statements behind it, and
    the report embeds the articles it cites (and only those), with the
    statement highlighted, its outlet, date, headline and URL.

    Parameters
    ----------
    tables
        The frames by name: ``statements`` is required; ``articles``,
        ``alignments``, ``claims`` and the comparison tables of
        :func:`narratives.compare` are shown when present, as are
        ``stories``, ``voices``, ``headlines`` and ``house_style``.
    title
        Report title.
    parameters
        How the tables were made (shown in "About this report"; ``None``
        values read "default").
    problems
        Warnings of the run, one line each (shown in "Reading problems").
    top
        Rows (claims, outlet pairs, terms) per chart.
    rows
        Rows embedded per table (the table says "N of M shown" and can be
        searched).
    root
        Folder the corpus paths are shown relative to.
    seconds
        How long the analysis took (recorded in the header).
    stories
        Stories covered by two outlets or more given a section of their own
        (claim x outlet matrix, omissions, emphasis), the largest first.
    story_ids
        Stories to give a section instead (``story_id`` of the stories table).

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ReportError
        If the page would load anything from the network.

    Examples
    --------
    >>> import narratives as nv  # doctest: +SKIP
    >>> articles = nv.read_corpus("data/seeds")  # doctest: +SKIP
    >>> statements = nv.extract_statements(articles)  # doctest: +SKIP
    >>> alignments = nv.align(statements, threshold=30)  # doctest: +SKIP
    >>> claims = nv.cluster_claims(statements, alignments, threshold=30)  # doctest: +SKIP
    >>> tables = nv.compare(articles, statements, alignments, claims)  # doctest: +SKIP
    >>> page = nv.render_report({"articles": articles, "statements": statements,
    ...     "alignments": alignments, "claims": claims, **tables}, title="Lavrov")  # doctest: +SKIP
    """
    import jinja2
    from markupsafe import Markup

    from narratives.report import _sections
    from narratives.viz._embed import vega_bundle

    if "statements" not in tables:
        raise ValueError("render_report: tables must include 'statements'")
    root_path = Path(root).expanduser().resolve() if root is not None else None
    evidence = Evidence(tables.get("articles"), tables["statements"], root=root_path)
    evidence.set_claims(tables.get("claims"))
    builder = Builder(evidence, outlets=_outlets_of(tables), rows=rows)
    builder.number_claims(tables.get("coverage"))
    if root_path is not None:  # paths in messages are shown relative to the input root
        prefix = str(root_path).rstrip("/") + "/"
        problems = [m.replace(prefix, "").replace(str(root_path), ".") for m in problems]
    sections = _sections.build(
        tables,
        builder,
        top=top,
        problems=list(problems),
        stories=stories,
        chosen=list(story_ids),
    )
    about = [(k, _format_value(v, root_path)) for k, v in (parameters or {}).items()]
    about += [
        ("narratives version", __version__),
        ("python", sys.version.split()[0]),
        (
            "articles cited",
            f"{evidence.n_articles} articles, {evidence.n_statements} statements "
            "(the last section holds them, and nothing else of the corpus)",
        ),
    ]
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(_resource("report.html.j2"))
    title = clean(title or "Narrative comparison")  # no direction override can flip it
    took = f" in {seconds:.0f} s" if seconds is not None else ""
    page = template.render(
        title=title,
        version=__version__,
        stamp=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") + took,
        sections=[
            {**s, "body": Markup(s["body"]), "heading": Markup(_heading(s["title"]))}
            for s in sections
        ],
        about=about,
        articles=[
            {**a, "body": Markup(a["body"]), "link": Markup(a["link"])}
            for a in evidence.articles_html()
        ],
        css=Markup(_resource("report.css")),
        js=Markup(_resource("report.js").replace("</script", "<\\/script")),
        vega=Markup(vega_bundle()),
    )
    check_offline(page)
    return page
