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
    lines = result.stderr.split("\n")  # as grep sees them: a "\r" does not end a line
    warned = [line for line in lines if line.startswith("warning:")]
    assert len(warned) == 1 and "a.zip::bad.txt" in warned[0]
    assert all("warning:" not in line for line in lines if line not in warned)


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


def test_emphasis_claims_is_bit_identical_whatever_the_row_order() -> None:
    """Averages are taken in a fixed order: identical inputs give byte-identical tables."""
    import random

    import polars as pl

    from narratives.compare.emphasis import emphasis_claims

    rng = random.Random(0)
    rows = []
    for a in range(400):
        for k in range(3):
            rows.append(
                {
                    "statement_id": f"a{a}:{k}",
                    "article_id": f"a{a}",
                    "outlet": f"o{a % 3}",
                    "claim_id": f"c{k}",
                    "is_headline": False,
                    "is_lede": k == 0,
                    "relative_position": rng.random(),
                    "word_share": rng.random() / 7,
                    "repetitions": 1,
                    "is_direct": False,
                }
            )
    em = pl.DataFrame(rows)
    claims = em.select("claim_id", "statement_id", "outlet")
    first = emphasis_claims(em, claims)
    for seed in range(6):
        shuffled = em.sample(fraction=1.0, shuffle=True, seed=seed)
        again = emphasis_claims(shuffled, claims.sample(fraction=1.0, shuffle=True, seed=seed))
        assert again["word_share"].to_list() == first["word_share"].to_list()
        assert again.equals(first)


def test_a_token_longer_than_max_chars_does_not_make_an_overlong_statement() -> None:
    import warnings

    import polars as pl

    import narratives as nar
    from narratives.io import articles_from_records

    blob = "ب" * 3000
    text = (
        f"قال وزير الخارجية إن {blob} وأضاف أن الحوار مستمر "
        + " ".join(["كلمة"] * 200)
        + ".\nhttp://example.com/"
        + "a" * 400
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = articles_from_records([{"article_id": "x", "raw_text": text}])
        statements = nar.extract_statements(articles, max_chars=250)
    lengths = statements.select(pl.col("text").str.len_chars()).to_series().to_list()
    # 200 words with no clause boundary stay whole up to HARD_LIMIT x max_chars
    # (a list is not cut), then are cut anyway; the 3,000-character token is left out
    from narratives.statements.segment import HARD_LIMIT

    assert lengths and max(lengths) <= 250 * HARD_LIMIT, lengths
    assert not statements["text"].str.contains(blob, literal=True).any()
