"""The ``narratives compare`` command, through click's runner."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from narratives import schemas
from narratives.cli import main

TABLES = sorted(
    [
        "articles",
        "statements",
        "entity_mentions",
        "alignments",
        "claims",
        *schemas.COMPARISON_TABLES,
    ]
)


def test_help_names_every_table() -> None:
    result = CliRunner().invoke(main, ["compare", "--help"])
    assert result.exit_code == 0
    for name in (
        "coverage",
        "omissions",
        "reporting_verbs",
        "distinguishing_terms",
        "discrepancies",
        "--comparable",
        "--window-days",
        "--labels",
    ):
        assert name in result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_compare_writes_one_file_per_table(seeds_dir: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "cmp"
    result = CliRunner().invoke(
        main, ["compare", str(seeds_dir), "--out", str(out), "--format", fmt, "--n-boot", "50"]
    )
    assert result.exit_code == 0, result.output
    written = [p for p in out.iterdir() if p.name != "manifest.json"]  # the run's record
    assert sorted(p.stem for p in written) == TABLES
    assert {p.suffix for p in written} == {f".{fmt}"}
    read = pl.read_parquet if fmt == "parquet" else pl.read_csv
    coverage = read(out / f"coverage.{fmt}")
    assert set(coverage["outlet"]) == {"sana", "rt-arabic", "al-ittihad"}
    statements = read(out / f"statements.{fmt}")
    claims = read(out / f"claims.{fmt}")
    assert claims["statement_id"].n_unique() == statements.height


def test_bad_label_file_is_reported(seeds_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "labels.yaml"
    bad.write_text("referents: 3\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["compare", str(seeds_dir), "--out", str(tmp_path / "o"), "--labels", str(bad)]
    )
    assert result.exit_code == 1
    assert "labels.yaml" in result.output and "referents" in result.output
    assert not (tmp_path / "o").exists()


def test_compare_reads_an_aligned_directory(seeds_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    aligned = tmp_path / "aligned"
    assert runner.invoke(main, ["align", str(seeds_dir), "--out", str(aligned)]).exit_code == 0
    out = tmp_path / "cmp"
    result = runner.invoke(main, ["compare", str(aligned), "--out", str(out), "--n-boot", "20"])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in out.iterdir() if p.name != "manifest.json") == TABLES
    saved = pl.read_parquet(aligned / "statements.parquet")
    assert pl.read_parquet(out / "statements.parquet").equals(saved)
