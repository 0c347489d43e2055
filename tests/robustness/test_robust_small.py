"""Smaller probes: bidi controls in the report title, warnings on their own line."""

from __future__ import annotations

from pathlib import Path

from _robust_fixtures import TEXT, damaged_zip, run_cli

from narratives.report import render_report


def test_bidi_controls_are_stripped_from_the_report_title() -> None:
    import polars as pl

    from narratives import schemas

    statements = pl.DataFrame(schema=schemas.STATEMENTS)
    page = render_report({"statements": statements}, title="\u202eلافروف\u202c \u2067x\u2069")
    head = page.split("</header>")[0]
    assert not any(c in head for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "<title>لافروف x</title>" in head


def test_warnings_start_their_own_line_under_the_progress_bar(tmp_path: Path) -> None:
    damaged_zip(tmp_path / "a.zip", "corrupt")
    for i in range(30):
        (tmp_path / f"{i}.txt").write_text(f"{TEXT}\n{i}", encoding="utf-8")
    result = run_cli("ingest", str(tmp_path), "-o", str(tmp_path / "out.parquet"))
    assert result.returncode == 0
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == 1 and "a.zip::bad.txt" in warned[0]
    assert all("warning:" not in line for line in result.stderr.splitlines() if line not in warned)


def test_ingest_problems_table_lists_every_problem(tmp_path: Path) -> None:
    import polars as pl

    damaged_zip(tmp_path / "a.zip", "encrypted")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    report = tmp_path / "problems.csv"
    result = run_cli(
        "ingest", str(tmp_path), "-o", str(tmp_path / "out.parquet"), "--problems", str(report)
    )
    assert result.returncode == 0, result.stderr
    problems = pl.read_csv(report)
    assert problems.columns == ["source", "location", "problem", "action"]
    assert sorted(Path(s).name for s in problems["source"]) == [
        ".hidden.txt",
        "a.zip::bad.txt",
        "empty.txt",
    ]
    articles = pl.read_parquet(tmp_path / "out.parquet")
    assert articles["article_id"].to_list() == ["a/good"]
