"""Every notebook runs offline, and what its prose names is in its charts.

A failing cell fails the suite. Notebooks run from their own folder (as in
Jupyter), the example report notebook from the repository root (its default
``paths`` is ``data/seeds``), with this interpreter's kernel. Their nbconvert
HTML export must load no remote script (charts are static SVG there, the
Vega-Lite spec is kept for JupyterLab), and the findings the prose points at
must be in the charts' data.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from narratives.report import check_offline, template_path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ALL = [*NOTEBOOKS, template_path()]
VEGALITE = "application/vnd.vegalite.v6+json"


class CurrentPythonKernelManager(KernelManager):
    """ipykernel with this interpreter (not ``python`` on PATH), quiet."""

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                  "--log-level=ERROR"],
            display_name=f"Python ({sys.executable})",
            language="python",
        )  # fmt: skip


def _run(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        kernel_manager_class=CurrentPythonKernelManager,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()  # raises CellExecutionError naming the failing cell
    return nb


def _charts(nb: nbformat.NotebookNode) -> list[dict[str, Any]]:
    return [
        o["data"][VEGALITE]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if VEGALITE in o.get("data", {})
    ]


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for rows in spec.get("datasets", {}).values() for r in rows]


#: the config docs/quickstart.md gives for an export that loads nothing remote
OFFLINE_EXPORT = ROOT / "notebooks" / "nbconvert_offline.json"


def _export(nb: nbformat.NotebookNode, config: Path | None = OFFLINE_EXPORT) -> str:
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    settings = Config(json.loads(config.read_text())) if config else Config()
    body, _ = HTMLExporter(template_name="lab", config=settings).from_notebook_node(nb)
    return str(body)


def _remote_scripts(page: str) -> list[str]:
    scripts = re.findall(r"<script\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)", page, re.I)
    return [s for s in scripts if "//" in s]


def _no_remote_script(page: str) -> None:
    assert not _remote_scripts(page), _remote_scripts(page)
    assert "cdn.jsdelivr.net" not in page and "vega@" not in page


@pytest.fixture(scope="module")
def executed() -> dict[str, nbformat.NotebookNode]:
    return {p.name: _run(nbformat.read(str(p), as_version=4), p.parent) for p in NOTEBOOKS}


def test_there_are_notebooks_to_run() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"quickstart.ipynb", "corpus.ipynb"}


def test_offline_export_config_removes_the_template_remote_scripts() -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("نص")])
    default = _remote_scripts(_export(nb, config=None))
    assert any("require" in s for s in default) and any("mathjax" in s for s in default)
    assert _remote_scripts(_export(nb)) == []
    assert "nbconvert_offline.json" in (ROOT / "docs" / "quickstart.md").read_text()


@pytest.mark.notebook
@pytest.mark.parametrize("name", [p.name for p in NOTEBOOKS])
def test_notebook_runs_offline_and_exports_without_remote_scripts(
    executed: dict[str, nbformat.NotebookNode], name: str
) -> None:
    nb = executed[name]
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert _charts(nb), "no chart shown"
    # every chart has a static SVG for viewers without Vega (nbconvert, GitHub)
    assert all("image/svg+xml" in o["data"] for o in outputs if VEGALITE in o.get("data", {}))
    # no progress bars saved as piles of stderr output
    assert len([o for o in outputs if o.get("name") == "stderr"]) <= 2
    page = _export(nb)
    _no_remote_script(page)
    assert page.count("data:image/svg+xml") >= len(_charts(nb))  # charts as static images


@pytest.mark.notebook
def test_quickstart_findings_are_in_its_charts(
    executed: dict[str, nbformat.NotebookNode],
) -> None:
    nb = executed["quickstart.ipynb"]
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    rows = [r for spec in _charts(nb) for r in _rows(spec)]
    # "look at who SANA reports with زعم: it is not Lavrov"
    assert "زعم" in prose
    kerry = [r for r in rows if r.get("speaker") == "kerry" and "زعم" in str(r.get("verb", ""))]
    assert kerry and all(r["outlet"] == "sana" for r in kerry)
    # "the Minsk claim is blue for SANA and Al-Ittihad and white for RT Arabic"
    assert "Minsk" in prose
    # the claim text is stored once per claim (a lookup), the status once per cell
    texts = {r["claim_id"]: r["claim_text"] for r in rows if "claim_text" in r}
    minsk = [r for r in rows if "مينسك" in texts.get(r.get("claim_id"), "") and "status" in r]
    status = {r["outlet"]: r["status"] for r in minsk}
    assert status.get("rt-arabic") == "not_covered"
    assert status.get("sana") not in (None, "absent") and status.get("al-ittihad") != "absent"
    # statements shown in full, not cut at polars' 30 characters
    tables = "".join(
        o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", [])
    )
    assert re.search(r"[\u0600-\u06ff][^<]{80,}", tables)


@pytest.mark.notebook
def test_corpus_findings_are_in_its_charts(
    executed: dict[str, nbformat.NotebookNode],
) -> None:
    nb = executed["corpus.ipynb"]
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    specs = _charts(nb)
    # "the royal order appointing judges and the foreign minister's statements on Iran
    # are carried almost word for word by six outlets"
    assert "six outlets" in prose and "judges" in prose and "Iran" in prose
    cells = [r for r in _rows(specs[0]) if "status" in r]
    texts = {r["claim_id"]: r["claim_text"] for r in _rows(specs[0]) if "claim_text" in r}
    dark: dict[str, set[str]] = {}
    for r in cells:
        if r["status"] in ("verbatim", "near_verbatim"):
            dark.setdefault(texts[r["claim_id"]], set()).add(r["outlet"])
    for word in ("قاضي", "ايران"):
        most = max((len(o) for text, o in dark.items() if word in text), default=0)
        assert most >= 6, f"no claim with {word} carried word for word by six outlets"
    # every other chart the prose describes has rows to show
    titles = [json.dumps(spec.get("title", "")) for spec in specs]
    for name in ("Emphasis", "Reporting verbs", "Labels", "substitutions", "typical"):
        i = next(k for k, t in enumerate(titles) if name in t)
        assert _rows(specs[i]), f"the {name} chart is empty"
    # "the omissions themselves are still listed ... 'not sure' rows say why"
    shown = {
        kind: "".join(
            o["data"]["text/html"]
            for c in nb.cells
            if f'omissions.filter(certainty="{kind}")' in c.source
            for o in c.outputs
            if "text/html" in o.get("data", {})
        )
        for kind in ("sure", "not sure")
    }
    assert "&quot;sure&quot;" in shown["sure"] and "not sure" not in shown["sure"]
    assert "&quot;not sure&quot;" in shown["not sure"]
    assert not re.search(r"&quot;not sure&quot;</td><td>null", shown["not sure"])  # says why
    side = next(c for c in nb.cells if c.source.startswith("viz.side_by_side"))
    assert "0 pairs" not in json.dumps(side.outputs) and side.outputs


@pytest.mark.notebook
def test_example_report_notebook_renders_a_report(tmp_path: Path) -> None:
    nb = nbformat.read(str(template_path()), as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    target = tmp_path / "report.html"
    params.source = params.source.replace('"report.html"', json.dumps(str(target)))
    _run(nb, ROOT)
    page = target.read_text(encoding="utf-8")
    check_offline(page)
    assert page.count('class="narratives-spec"') >= 3
    assert "narratives version" in page


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_uses_only_the_public_api(path: Path) -> None:
    nb = nbformat.read(str(path), as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", source, re.M)
    assert set(imports) <= {"narratives"}, imports
    logic = re.search(r"^\s*(def|class|for|while)\b", source, re.M)
    assert not logic, "notebooks hold no logic"
