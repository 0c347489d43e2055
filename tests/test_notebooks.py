"""Every notebook runs: the ones in notebooks/ and the packaged report template.

A failing cell fails the suite. Notebooks run from their own folder (as in
Jupyter), the report template from the repository root (its default
``paths`` is ``data/seeds``), with this interpreter's kernel.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from narratives.report import _current_python_kernel, template_path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ALL = [*NOTEBOOKS, template_path()]


def _run(path: Path, cwd: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        kernel_manager_class=_current_python_kernel(),
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()  # raises CellExecutionError naming the failing cell
    return nb


def test_there_are_notebooks_to_run() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"quickstart.ipynb", "corpus.ipynb"}


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_without_error(path: Path) -> None:
    nb = _run(path, path.parent)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("vega" in str(o.get("data", {})).lower() for o in outputs), "no chart shown"


@pytest.mark.notebook
def test_report_template_runs_with_its_default_parameters() -> None:
    nb = _run(template_path(), ROOT)
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    assert html.count('class="narratives-spec"') >= 3  # charts as inert JSON blocks
    assert "narratives version" in html


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
    logic = re.search(r"^\s*(def|class|for|while|with)\b", source, re.M)
    assert not logic, "notebooks hold no logic"
