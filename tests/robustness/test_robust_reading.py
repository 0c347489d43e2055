"""Every input accounted for: damaged archives, links, hidden files, encodings, ids.

Each test builds its bad input at test time and checks what a user would see:
the good records read, the bad one named (file, member, line) with what was
done, and no traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import polars as pl
import pytest
from _robust_fixtures import DAMAGES, TEXT, damaged_zip, run_cli

from narratives import read_corpus, schemas
from narratives.io import IngestError, NarrativesIngestWarning


def read(
    *args: object, **kwargs: object
) -> tuple[pl.DataFrame, list[dict[str, object]], list[str]]:
    """read_corpus with its problems and its warnings."""
    problems: list[dict[str, object]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NarrativesIngestWarning)
        frame = read_corpus(*args, problems=problems, **kwargs)  # type: ignore[arg-type]
    return frame, problems, [str(w.message) for w in caught]


# --- 1. damaged zip members -------------------------------------------------


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_zip_member_costs_that_member_only(tmp_path: Path, damage: str) -> None:
    archive = damaged_zip(tmp_path / f"{damage}.zip", damage)
    (tmp_path / "other.txt").write_text(TEXT, encoding="utf-8")
    frame, problems, messages = read(tmp_path)
    if damage == "version64":  # zipfile cannot list such an archive: it costs the archive
        assert frame["article_id"].to_list() == ["other"]
        assert [p["source"] for p in problems] == [str(archive)]
        assert "version 6.4" in str(problems[0]["problem"])
        return
    assert frame["article_id"].to_list() == [f"{damage}/good", "other"]
    assert [p["source"] for p in problems] == [f"{archive}::bad.txt"]
    assert any("bad.txt" in m for m in messages)


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_zip_member_stops_the_run_when_asked(tmp_path: Path, damage: str) -> None:
    archive = damaged_zip(tmp_path / f"{damage}.zip", damage)
    with pytest.raises(IngestError, match="version 6.4" if damage == "version64" else "bad.txt"):
        read_corpus(archive, on_error="stop")


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_zip_member_on_the_command_line(tmp_path: Path, damage: str) -> None:
    archive = damaged_zip(tmp_path / f"{damage}.zip", damage)
    (tmp_path / "other.txt").write_text(TEXT, encoding="utf-8")
    named = str(archive) if damage == "version64" else "bad.txt"
    result = run_cli(
        "ingest", str(archive), str(tmp_path / "other.txt"), "-o", str(tmp_path / "a.parquet")
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.split("\n")  # as grep sees them
    assert any(line.startswith("warning:") and named in line for line in lines)
    stopped = run_cli(
        "ingest", str(archive), "-o", str(tmp_path / "b.parquet"), "--on-error", "stop"
    )
    assert stopped.returncode == 1
    assert "Traceback" not in stopped.stderr and named in stopped.stderr


# --- 8. a member too large to read whole --------------------------------------


def test_large_zip_member_is_capped_without_reading_it_whole(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("good.txt", TEXT)
        zf.writestr("huge.txt", TEXT.encode() + b" " * (40 * 2**20))
    assert archive.stat().st_size < 2**20
    tracemalloc.start()
    try:
        frame, problems, _ = read(archive, max_member_bytes=2**20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert frame.height == 1
    assert problems[0]["source"] == f"{archive}::huge.txt"
    assert "larger than" in str(problems[0]["problem"])
    assert peak < 8 * 2**20


# --- 3. inputs that used to vanish --------------------------------------------


def test_zip_member_climbing_out_is_reported(tmp_path: Path) -> None:
    archive = tmp_path / "climb.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("good.txt", TEXT)
        zf.writestr("../evil.txt", TEXT)
        zf.writestr(".hidden.txt", TEXT)
        zf.writestr("__MACOSX/._good.txt", b"\x00\x05")
    frame, problems, messages = read(archive)
    assert frame.height == 1
    sources = {str(p["source"]).split("::")[1]: p for p in problems}
    assert set(sources) == {"../evil.txt", ".hidden.txt", "__MACOSX/._good.txt"}
    assert ".." in str(sources["../evil.txt"]["problem"])
    assert "hidden" in str(sources[".hidden.txt"]["problem"])
    assert len(messages) >= 3


def test_hidden_files_and_links_in_a_folder_are_accounted_for(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    real = tmp_path / "elsewhere"
    (corpus / "a").mkdir(parents=True)
    real.mkdir()
    (corpus / "a" / "1.txt").write_text(TEXT, encoding="utf-8")
    (corpus / ".draft.txt").write_text(TEXT, encoding="utf-8")
    (real / "2.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "linked").symlink_to(real, target_is_directory=True)
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "a" / "loop").symlink_to(corpus, target_is_directory=True)
    frame, problems, _ = read(corpus)
    assert sorted(frame["article_id"]) == ["a/1", "linked/2"]  # links followed by default
    reasons = {Path(str(p["source"])).name: str(p["problem"]) for p in problems}
    assert "hidden" in reasons[".draft.txt"]
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "loop" in reasons["loop"]


def test_a_looping_link_stops_the_run_when_asked(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(IngestError, match=r"dangling\.txt"):
        read_corpus(tmp_path, on_error="stop")


# --- 4. JSON Lines with Unicode line separators inside strings -----------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_json_lines_split_only_on_newline(tmp_path: Path, separator: str) -> None:
    rows = [{"id": f"r{i}", "text": f"قال الوزير{separator}إن الحوار مستمر {i}."} for i in range(3)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, "{broken")
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, problems, _ = read(path)
    assert frame["article_id"].to_list() == ["r0", "r1", "r2"]
    assert separator in frame["raw_text"][0]
    assert [(p["source"], p["location"]) for p in problems] == [(str(path), "line 3")]


# --- 5. decoding ----------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode(codec))
    frame, _, messages = read(path)
    assert frame["raw_text"][0] == TEXT
    assert frame["language"][0] == "ar"
    assert any("byte-order mark" in m for m in messages)


def test_half_utf8_half_cp1256_is_decoded_line_by_line(tmp_path: Path) -> None:
    first, second = TEXT.splitlines(keepends=True)[:2], TEXT.splitlines(keepends=True)[2:]
    path = tmp_path / "mixed.txt"
    path.write_bytes("".join(first).encode("utf-8") + "".join(second).encode("cp1256"))
    frame, _, messages = read(path)
    assert frame["raw_text"][0] == TEXT
    assert "mixed" in frame["encoding"][0]
    assert any("mixed" in m and "line" in m for m in messages)


@pytest.mark.parametrize(
    "data",
    [b"\x00" * 64, "\u200b\u200c\u200f \u2060\n\ufeff".encode(), "\u202e\u202a\n".encode()],
    ids=["nul", "zero-width", "bidi"],
)
def test_invisible_files_are_not_articles(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "ghost.txt"
    path.write_bytes(data)
    (tmp_path / "real.txt").write_text(TEXT, encoding="utf-8")
    frame, problems, _ = read(tmp_path)
    assert frame["article_id"].to_list() == ["real"]
    assert [p["source"] for p in problems] == [str(path)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "وزیر امور خارجه روسیه گفت که گفتگوها با آمریکا مثبت بوده است و این روند ادامه دارد.",
            "fa",
        ),
        (
            "روس کے وزیر خارجہ نے کہا ہے کہ امریکہ کے ساتھ بات چیت مثبت رہی"
            " اور یہ عمل جاری رہے گا۔",
            "ur",
        ),
        (TEXT, "ar"),
    ],
)
def test_persian_and_urdu_are_not_arabic(tmp_path: Path, text: str, language: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    assert read_corpus(path)["language"].to_list() == [language]


# --- 6. ids unique by construction ------------------------------------------------


def test_same_file_names_in_outlet_folders_do_not_collide(tmp_path: Path) -> None:
    for outlet in ("outletA", "outletB"):
        (tmp_path / outlet).mkdir()
        for i in (1, 2):
            (tmp_path / outlet / f"{i}.txt").write_text(f"{TEXT}\n{outlet} {i}", encoding="utf-8")
    frame, problems, _ = read(tmp_path)
    assert sorted(frame["article_id"]) == ["outletA/1", "outletA/2", "outletB/1", "outletB/2"]
    assert problems == []


def test_same_names_under_two_given_folders_do_not_collide(tmp_path: Path) -> None:
    for outlet in ("a", "b"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "1.txt").write_text(f"{TEXT}\n{outlet}", encoding="utf-8")
    frame, _, _ = read([tmp_path / "a", tmp_path / "b"])
    assert frame.height == 2
    assert frame["article_id"].n_unique() == 2


def test_same_record_ids_in_two_files_keep_both_articles(tmp_path: Path) -> None:
    for name in ("x", "y"):
        rows = [{"id": "1", "text": f"{TEXT} {name}"}]
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(rows[0], ensure_ascii=False), "utf-8")
    frame, _, _ = read(tmp_path)
    assert frame.height == 2 and frame["article_id"].n_unique() == 2


def test_true_duplicate_is_still_reported(tmp_path: Path) -> None:
    row = json.dumps({"id": "1", "text": TEXT}, ensure_ascii=False)
    (tmp_path / "x.jsonl").write_text(row + "\n" + row + "\n", encoding="utf-8")
    frame, problems, _ = read(tmp_path)
    assert frame.height == 1
    assert [p["location"] for p in problems] == ["line 2"]
    assert "duplicate" in str(problems[0]["problem"])


# --- 2. unknown outlets kept apart -------------------------------------------------


def test_unknown_outlets_are_kept_apart_per_folder(tmp_path: Path) -> None:
    body = "قال الوزير إن الحوار مستمر مع جميع الأطراف.\n"
    for folder in ("siteA", "siteB"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "1.txt").write_text(body, encoding="utf-8")
    (tmp_path / "loose.txt").write_text(body, encoding="utf-8")
    frame = read_corpus(tmp_path).sort("article_id")
    assert frame["outlet"].to_list() == ["unknown:loose.txt", "unknown:siteA", "unknown:siteB"]
    assert frame["outlet_method"].to_list() == ["unknown"] * 3


# --- 9. CSV with an unterminated quote ------------------------------------------------


def test_csv_with_one_unterminated_quote_keeps_the_readable_rows(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,text\n1,"قال الوزير إن الحوار مستمر"\n2,"قال المتحدث إن الاجتماع انتهى\n'
        '3,"أكد الرئيس أن العلاقات قوية"\n',
        encoding="utf-8",
    )
    frame, problems, _ = read(path)
    assert "1" in frame["article_id"].to_list()
    assert frame.height + len(problems) >= 2
    assert problems and "quote" in str(problems[0]["problem"])
    assert problems[0]["location"] == "line 3"


# --- the accounting, every bad case at once ------------------------------------------


def test_problems_match_the_schema(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    _, problems, _ = read(tmp_path)
    frame = pl.DataFrame(problems, schema=schemas.READING_PROBLEMS)
    assert frame.row(0, named=True) == {
        "source": str(tmp_path / "empty.txt"),
        "location": None,
        "problem": "empty file",
        "action": "file skipped",
    }


def test_articles_parquet_with_wrong_types_is_a_clear_error(tmp_path: Path) -> None:
    good = read_corpus(tmp_path / "x.txt") if False else None  # noqa: F841
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    articles = read_corpus(tmp_path / "x.txt")
    wrong = articles.with_columns(pl.lit(3).alias("published"))
    wrong.write_parquet(tmp_path / "wrong.parquet")
    result = run_cli(
        "statements", str(tmp_path / "wrong.parquet"), "-o", str(tmp_path / "s.parquet")
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "published" in result.stderr
    pl.concat([articles, articles]).write_parquet(tmp_path / "dup.parquet")
    result = run_cli("statements", str(tmp_path / "dup.parquet"), "-o", str(tmp_path / "s.parquet"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "duplicate" in result.stderr


def test_link_to_a_file_already_read_is_not_read_twice(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(tmp_path / "1.txt", tmp_path / "same.txt")
    frame, problems, _ = read(tmp_path)
    assert frame.height == 1
    assert "same file" in str(problems[0]["problem"])


def test_utf16_marked_text_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    assert read(path)[0]["raw_text"][0] == TEXT


def test_every_bad_case_at_once_is_accounted_for(tmp_path: Path) -> None:
    from _robust_fixtures import every_bad_case

    inputs = every_bad_case(tmp_path / "corpus")
    frame, problems, _ = read(tmp_path / "corpus", max_member_bytes=2**20)
    left_out = [p for p in problems if str(p["action"]).endswith("skipped")]
    caveats = [p for p in problems if not str(p["action"]).endswith("skipped")]
    assert frame.height + len(left_out) == inputs, (frame["article_id"].to_list(), left_out)
    assert {str(p["problem"]).split(" (")[0] for p in caveats} >= {
        "no byte-order mark, but every other byte is almost constant; decoded as utf-16-le",
    }
    assert frame["article_id"].n_unique() == frame.height
    assert frame["outlet"].null_count() == 0
    assert "fa" in frame["language"].to_list()
    assert all(p["source"] for p in problems)


def test_unknown_outlets_are_compared_and_drawn_apart(tmp_path: Path) -> None:
    """Two sources of unknown outlet sharing a claim: two outlets, no null, charts draw."""
    import narratives as nar
    from narratives.compare import compare
    from narratives.statements import extract_entities
    from narratives.viz.coverage import omission_bars

    body = (
        "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مع الجانب الأمريكي كانت مثمرة.\n"
        "وأضاف أن الطرفين اتفقا على مواصلة الحوار حول الأزمة السورية.\n"
    )
    for site, extra in (("siteA", ""), ("siteB", "وأكد أن بلاده لن تتخلى عن حلفائها.\n")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "1.txt").write_text(body + extra, encoding="utf-8")
    articles = read_corpus(tmp_path)
    statements = nar.extract_statements(articles)
    alignments = nar.align(statements)
    claims = nar.cluster_claims(statements, alignments)
    mentions = extract_entities(statements, articles)
    tables = compare(articles, statements, alignments, claims, mentions, comparable="all", n_boot=5)
    outlets = set(tables["coverage"]["outlet"].to_list())
    assert outlets == {"unknown:siteA", "unknown:siteB"}
    assert tables["omissions"]["outlet"].null_count() == 0
    omission_bars(tables["omission_rates"]).to_dict()  # drawn without a schema error
