"""The commands chain: a statements table into `align`, `-` for stdin/stdout, sweep lines."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from narratives.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"


@pytest.fixture(scope="module")
def statements_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("st") / "statements.parquet"
    result = CliRunner().invoke(main, ["statements", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_align_takes_a_statements_table_as_it_is(statements_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "aligned"
    result = CliRunner().invoke(
        main, ["align", str(statements_file), "-o", str(out), "--threshold", "30"]
    )
    assert result.exit_code == 0, result.output
    assert "read 177 statements" in result.output or "read " in result.output
    statements = pl.read_parquet(out / "statements.parquet")
    assert statements.equals(pl.read_parquet(statements_file))  # not re-read as articles
    assert pl.read_parquet(out / "alignments.parquet").height > 0


def test_a_statements_table_is_not_read_as_a_corpus(statements_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(statements_file), "-o", str(tmp_path / "a.pq")]
    )
    assert result.exit_code != 0
    assert "is a statements table, not a corpus" in result.output


def test_dash_pipes_one_table_from_stdout_to_stdin(tmp_path: Path) -> None:
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", str(SEEDS), "-o", "-", "--format", "parquet"])
    assert ingested.exit_code == 0
    cut = runner.invoke(
        main, ["statements", "-", "-o", "-", "--format", "parquet"], input=ingested.stdout_bytes
    )
    assert cut.exit_code == 0, cut.output
    out = tmp_path / "aligned"
    aligned = runner.invoke(
        main, ["align", "-", "-o", str(out), "--threshold", "30"], input=cut.stdout_bytes
    )
    assert aligned.exit_code == 0, aligned.output
    assert pl.read_parquet(out / "claims.parquet").height > 100


def test_stdin_that_is_not_a_table_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["statements", "-", "-o", "-"], input=b"hello")
    assert result.exit_code != 0 and "stdin" in result.output


def test_evaluate_sweep_prints_one_line_per_threshold() -> None:
    args = ["evaluate", "--sweep", "--sweep-from", "80", "--sweep-step", "10", str(SEEDS)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = result.stdout
    data = json.loads(text)
    assert [r["threshold"] for r in data["sweep"]] == [80.0, 90.0, 100.0]
    lines = [line for line in text.splitlines() if line.strip().startswith('{"threshold"')]
    assert len(lines) == 3
