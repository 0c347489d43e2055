"""``narratives statements`` through the click runner."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from click.testing import CliRunner

from narratives.cli import main
from narratives.schemas import ENTITY_MENTIONS, STATEMENTS


def test_statements_command_writes_the_table(seeds_dir: Path, tmp_path: Path) -> None:
    out, ents = tmp_path / "statements.parquet", tmp_path / "entities.parquet"
    result = CliRunner().invoke(
        main, ["statements", str(seeds_dir), "--out", str(out), "--entities-out", str(ents)]
    )
    assert result.exit_code == 0, result.output
    statements = pl.read_parquet(out)
    assert list(statements.columns[: len(STATEMENTS)]) == list(STATEMENTS)
    assert statements.height > 100
    assert "lavrov" in statements["speaker"].to_list()
    assert list(pl.read_parquet(ents).columns) == list(ENTITY_MENTIONS)


def test_statements_command_writes_csv(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "statements.csv"
    result = CliRunner().invoke(main, ["statements", str(seeds_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert pl.read_csv(out).height > 100


def test_statements_help_explains_the_command() -> None:
    result = CliRunner().invoke(main, ["statements", "--help"])
    assert result.exit_code == 0
    for word in ("speaker", "--actors", "--max-chars", "--entities-out", "Example"):
        assert word in result.output
