"""Hypothesis fuzzing of the readers: whatever the bytes, no traceback, every input accounted for.

Bounded (a few dozen examples each) so the default suite stays quick.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import warnings
import zipfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narratives import read_corpus, schemas
from narratives.io import IngestError, NarrativesIngestWarning
from narratives.io._decode import visible

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: a failure is reproducible
)
GOOD = "قال وزير الخارجية إن الحوار مستمر مع جميع الأطراف.\n"


def _read(paths: list[Path]) -> tuple[pl.DataFrame | None, list[dict[str, object]]]:
    problems: list[dict[str, object]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NarrativesIngestWarning)
        try:
            frame = read_corpus(paths, problems=problems)
        except IngestError as err:
            assert "no articles read" in str(err)
            return None, problems
    schemas.require(frame, schemas.ARTICLES, name="articles", stage="fuzz")
    return frame, problems


def _accounted(frame: pl.DataFrame | None, problems: list[dict[str, object]], source: str) -> bool:
    read = frame is not None and source in set(frame["source_path"])
    return read or any(str(p["source"]).startswith(source) for p in problems)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".csv"]))
def test_random_bytes_in_a_zip_member(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "a.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("good.txt", GOOD)
            zf.writestr(f"member{suffix}", data)
        frame, problems = _read([archive])
        assert frame is not None and f"{archive}::good.txt" in set(frame["source_path"])
        assert _accounted(frame, problems, f"{archive}::member{suffix}")


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(1, 255)), max_size=8))
def test_damaged_zip_bytes(flips: list[tuple[int, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "a.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("one.txt", GOOD * 5)
            zf.writestr("two.jsonl", json.dumps({"id": "x", "text": GOOD}, ensure_ascii=False))
        data = bytearray(archive.read_bytes())
        for at, value in flips:
            data[at % len(data)] ^= value
        archive.write_bytes(bytes(data))
        other = Path(tmp) / "other.txt"
        other.write_text(GOOD, encoding="utf-8")
        frame, problems = _read([archive, other])
        assert frame is not None and str(other) in set(frame["source_path"])
        try:  # every member the archive still lists is read or reported
            listed = [m.filename for m in zipfile.ZipFile(archive).infolist()]
        except Exception:  # unlistable: the archive itself must be reported
            assert any(p["source"] == str(archive) for p in problems)
            return
        for name in listed:
            assert _accounted(frame, problems, f"{archive}::{name}") or any(
                p["source"] == str(archive) for p in problems
            ), name


@FUZZ
@given(texts=st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_random_unicode_in_json_lines(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        lines = [
            json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        frame, problems = _read([path])
        kept = [f"r{i}" for i, t in enumerate(texts) if visible(t)]
        assert (frame["article_id"].to_list() if frame is not None else []) == kept
        assert len(kept) + len([p for p in problems if p["location"]]) == len(texts)


@FUZZ
@given(texts=st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_random_unicode_in_csv(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "text"])
        writer.writerows([f"r{i}", t] for i, t in enumerate(texts))
        path.write_text(buffer.getvalue(), encoding="utf-8")
        frame, problems = _read([path])
        ids = frame["article_id"].to_list() if frame is not None else []
        assert set(ids) <= {f"r{i}" for i in range(len(texts))}
        assert len(ids) + len(problems) >= 1
        for i, text in enumerate(texts):
            if visible(text) and "\r" not in text and "\x00" not in text:
                assert f"r{i}" in ids, (text, problems)


@FUZZ
@given(text=st.text(max_size=200))
def test_random_unicode_text_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        other = Path(tmp) / "other.txt"
        other.write_text(GOOD, encoding="utf-8")
        frame, problems = _read([path, other])
        assert frame is not None
        assert _accounted(frame, problems, str(path))
