"""``narratives ingest`` and the shared CLI options (narratives/cli/_options.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
import polars as pl
import pytest
from click.testing import CliRunner

from narratives import schemas
from narratives.cli import main
from narratives.cli._options import load_corpus, write_table, write_tables

FIXTURES = Path(__file__).parent / "data" / "ingest"


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args))


def test_ingest_seeds_to_parquet(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "articles.parquet"
    result = run("ingest", str(seeds_dir), "--out", str(out))
    assert result.exit_code == 0, result.output
    df = pl.read_parquet(out)
    assert df.height == 5
    assert df["outlet"].to_list() == ["sana", "sana", "rt-arabic", "sana", "al-ittihad"]
    assert [str(d) if d else None for d in df["published"]] == [None] * 4 + ["2017-04-13"]
    for phrase in ("مواقيت الصلاة", "تيلغرام", "واتس أب", "جميع الحقوق محفوظة"):
        assert not df["text"].str.contains(phrase, literal=True).any()
    assert all("44" not in t.splitlines() for t in df["text"])
    assert "5 articles (sana 3" in result.output


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_ingest_other_formats(tmp_path: Path, seeds_dir: Path, fmt: str) -> None:
    out = tmp_path / f"articles.{fmt}"
    result = run("ingest", str(seeds_dir), "-o", str(out), "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        df = pl.read_csv(out)
        spans = json.loads(df["spans"][0])  # nested columns are JSON-encoded
        assert spans[0] == {"role": "dateline", "start": 0, "end": 10}
    else:
        df = pl.read_ndjson(out)
        assert df["spans"][0][0]["role"] == "dateline"
    assert df.height == 5


def test_ingest_reports_bad_file_and_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    result = run(
        "ingest", str(FIXTURES / "passim.jsonl"), str(FIXTURES / "empty.txt"), "-o", str(out)
    )
    assert result.exit_code == 0
    assert "warning: " in result.output and "empty.txt: empty file; file skipped" in result.output
    assert pl.read_parquet(out).height == 2


def test_ingest_stops_on_bad_file_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    result = run(
        "ingest", str(FIXTURES / "passim.jsonl"), str(FIXTURES / "broken.zip"),
        "-o", str(out), "--on-error", "stop",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "broken.zip: unreadable zip archive" in result.output
    assert not out.exists()


def test_ingest_column_options(tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    result = run(
        "ingest", str(FIXTURES / "custom.csv"), "-o", str(out),
        "--id-column", "doc", "--text-column", "body",
        "--outlet-column", "outlet_name", "--date-column", "day",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    df = pl.read_parquet(out)
    assert df["article_id"].to_list() == ["c1", "c2"]
    assert df["outlet_method"].to_list() == ["metadata", "metadata"]


def test_ingest_user_outlets(tmp_path: Path) -> None:
    mine = tmp_path / "o.yaml"
    mine.write_text("outlets:\n  - id: wire\n    datelines: [وكالتي]\n", encoding="utf-8")
    article = tmp_path / "x.txt"
    article.write_text("بيروت-وكالتي\nقال المتحدث إن الاجتماع انتهى.", encoding="utf-8")
    out = tmp_path / "a.parquet"
    result = run("ingest", str(article), "-o", str(out), "--outlets", str(mine))
    assert result.exit_code == 0, result.output
    assert pl.read_parquet(out)["outlet"].to_list() == ["wire"]


def test_ingest_needs_paths_and_out(tmp_path: Path) -> None:
    assert run("ingest", "-o", str(tmp_path / "a.parquet")).exit_code == 2
    assert run("ingest", str(tmp_path)).exit_code == 2
    missing = run("ingest", str(tmp_path / "nope"), "-o", str(tmp_path / "a.parquet"))
    assert missing.exit_code == 2 and "does not exist" in missing.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_dir_is_a_clear_error(tmp_path: Path, seeds_dir: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run("ingest", str(seeds_dir), "-o", str(locked / "sub" / "a.parquet"))
    assert result.exit_code == 1 and "cannot create output directory" in result.output


def test_output_path_under_a_file_is_a_clear_error(tmp_path: Path, seeds_dir: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("ingest", str(seeds_dir), "-o", str(blocker / "a.parquet"))
    assert result.exit_code == 1
    assert "cannot create output directory" in result.output


def test_ingest_help_describes_the_command() -> None:
    result = run("ingest", "--help")
    assert result.exit_code == 0
    for option in ("--on-error", "--outlets", "--text-column", "--out", "--format"):
        assert option in result.output


def test_load_corpus_passes_an_articles_parquet_through(tmp_path: Path, seeds_dir: Path) -> None:
    articles = load_corpus([seeds_dir])
    saved = tmp_path / "articles.parquet"
    articles.write_parquet(saved)
    again = load_corpus((saved,), on_error="skip", outlets=None)
    assert again.equals(articles)
    schemas.require(again, schemas.ARTICLES, name="articles", stage="test")


def test_write_tables_one_file_per_table(tmp_path: Path) -> None:
    tables = {
        "coverage": pl.DataFrame({"outlet": ["sana"], "n": [3]}),
        "spans": pl.DataFrame({"ids": [["a", "b"]], "s": [{"x": 1}]}),
    }
    paths = write_tables(tables, tmp_path / "out", "csv")
    assert [p.name for p in paths] == ["coverage.csv", "spans.csv"]
    nested = pl.read_csv(tmp_path / "out" / "spans.csv")
    assert json.loads(nested["ids"][0]) == ["a", "b"]
    assert json.loads(nested["s"][0]) == {"x": 1}
    assert pl.read_parquet(write_tables(tables, tmp_path / "pq")[0]).height == 1


def test_write_tables_refuses_a_file_as_directory(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    with pytest.raises(click.ClickException, match="is a file"):
        write_tables({"a": pl.DataFrame({"x": [1]})}, target)


def test_write_table_format_from_suffix(tmp_path: Path) -> None:
    frame = pl.DataFrame({"x": [1, 2]})
    assert pl.read_ndjson(write_table(frame, tmp_path / "t.jsonl")).height == 2
    assert pl.read_csv(write_table(frame, tmp_path / "t.csv")).height == 2
