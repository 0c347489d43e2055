"""Outputs complete and isolated: atomic files, one run per folder, checked before work."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from _robust_fixtures import ROOT, run_cli
from click.testing import CliRunner

from narratives._outputs import MANIFEST, PAUSE_ENV, OutputError, check_folder, read_tables
from narratives.cli import main

SEEDS = ROOT / "data" / "seeds"


def test_empty_out_is_an_error(tmp_path: Path) -> None:
    for command in ("ingest", "align"):
        result = CliRunner().invoke(main, [command, str(SEEDS), "--out", ""])
        assert result.exit_code == 2
        assert "empty" in result.output
    assert not any(Path.cwd().glob("*.parquet"))


def test_dash_writes_one_table_to_stdout(tmp_path: Path) -> None:
    result = run_cli("ingest", str(SEEDS), "--out", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5 and rows[0]["article_id"].startswith("000_")
    assert not (tmp_path / "-").exists()
    refused = CliRunner().invoke(main, ["align", str(SEEDS), "--out", "-"])
    assert refused.exit_code == 2 and "give a folder" in refused.output


def test_unwritable_out_is_refused_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("align", str(SEEDS), "--out", str(blocker / "sub"))
    assert result.returncode == 1
    assert "cannot create output directory" in result.stderr
    assert "reading" not in result.stderr  # refused before the corpus was read


def test_folder_of_another_run_is_replaced_as_one_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["compare", str(SEEDS), "--out", str(out), "--n-boot", "5"]).exit_code
        == 0
    )
    many = {p.name for p in out.iterdir()}
    assert "omissions.parquet" in many
    assert runner.invoke(main, ["align", str(SEEDS), "--out", str(out)]).exit_code == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    left = {p.name for p in out.iterdir()} - {MANIFEST}
    assert left == {e["file"] for e in manifest["tables"].values()}
    assert "omissions.parquet" not in left  # the compare run's tables are gone
    assert manifest["command"].endswith("align")
    assert manifest["inputs"][0]["path"] == str(SEEDS)
    for name, entry in manifest["tables"].items():
        assert pl.read_parquet(out / entry["file"]).height == entry["rows"], name
    check_folder(out)


def test_compare_refuses_a_mixed_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    aligned, other = tmp_path / "aligned", tmp_path / "other"
    assert runner.invoke(main, ["align", str(SEEDS), "--out", str(aligned)]).exit_code == 0
    one = SEEDS / "000_1bc6e33470cacd38.txt"
    assert (
        runner.invoke(
            main, ["align", str(one), str(SEEDS / "002_c253744d7154f1cd.txt"), "--out", str(other)]
        ).exit_code
        == 0
    )
    (other / "statements.parquet").replace(aligned / "statements.parquet")
    result = runner.invoke(main, ["compare", str(aligned), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 1
    assert "statements.parquet" in result.output and "one run" in result.output
    assert not isinstance(result.exception, OutputError)  # a clean click error, no traceback
    with pytest.raises(OutputError, match=r"statements\.parquet"):
        read_tables(aligned)


def test_folder_without_manifest_is_refused(tmp_path: Path) -> None:
    pl.DataFrame({"x": [1]}).write_parquet(tmp_path / "statements.parquet")
    with pytest.raises(OutputError, match=r"no manifest\.json"):
        read_tables(tmp_path)


def _hashes(folder: Path) -> dict[str, str]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return {e["file"]: e["sha256"] for e in manifest["tables"].values()}


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An align folder of two seed articles (the old run) and one of all five (the new)."""
    base = tmp_path_factory.mktemp("runs")
    old, new = base / "old", base / "new"
    small = [str(SEEDS / "000_1bc6e33470cacd38.txt"), str(SEEDS / "002_c253744d7154f1cd.txt")]
    assert run_cli("align", *small, "--out", str(old)).returncode == 0
    assert run_cli("align", str(SEEDS), "--out", str(new)).returncode == 0
    return old, new


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_align_leaves_whole_tables_and_compare_refuses(
    tmp_path: Path, two_runs: tuple[Path, Path], sig: signal.Signals
) -> None:
    """Interrupt align between two table renames: each table old or new, never cut."""
    out = tmp_path / "out"
    shutil.copytree(two_runs[0], out)
    old, new = _hashes(two_runs[0]), _hashes(two_runs[1])
    env = {**os.environ, "PYTHONPATH": str(ROOT), PAUSE_ENV: "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "narratives", "align", str(SEEDS), "--out", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 120
        while time.time() < deadline:  # wait for the first table of the new run to land
            if any(
                (out / f).exists() and h != old.get(f) and _sha(out / f) == h
                for f, h in new.items()
            ):
                break
            time.sleep(0.2)
        else:
            pytest.fail("align never renamed its first table")
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert "Traceback" not in stderr
    for path in out.iterdir():
        assert not path.name.startswith("."), f"temporary file left: {path.name}"
        if path.name != MANIFEST:
            assert _sha(path) in (old.get(path.name), new.get(path.name)), path.name
    assert _hashes(out) == old  # the manifest is still the old run's
    result = CliRunner().invoke(main, ["compare", str(out), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 1 and "one run" in result.output
    if sig == signal.SIGINT:
        assert run_cli("align", str(SEEDS), "--out", str(out)).returncode == 0  # re-run is clean
        check_folder(out)
        assert _hashes(out) == new


def test_identical_runs_give_byte_identical_tables_with_any_hash_seed(tmp_path: Path) -> None:
    hashes = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        result = run_cli(
            "compare", str(SEEDS), "--out", str(out), "--n-boot", "50", env={"PYTHONHASHSEED": seed}
        )
        assert result.returncode == 0, result.stderr
        hashes.append(_hashes(out))
    differ = sorted(name for name in hashes[0] if hashes[0][name] != hashes[1].get(name))
    assert differ == []


def test_manifest_records_the_reading_problems(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, corpus / path.name)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["align", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["reading_problems"] == [
        {
            "source": str(corpus / "empty.txt"),
            "location": None,
            "problem": "empty file",
            "action": "file skipped",
        }
    ]
    assert manifest["tables"]["articles"]["rows"] == 2


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_report_leaves_the_previous_report_whole(
    tmp_path: Path, sig: signal.Signals
) -> None:
    page = tmp_path / "report.html"
    page.write_text("<!DOCTYPE html><title>the previous report</title>", encoding="utf-8")
    before = page.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "narratives", "report", str(SEEDS), "-o", str(page)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # interrupt while it works, after reading the corpus
            if "statements" in line or "align" in line:
                break
        proc.send_signal(sig)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    # (no check on stderr: a signal landing inside polars' native code prints its panic)
    assert page.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # nothing left over


def test_report_refuses_a_mixed_output_folder(tmp_path: Path, two_runs: tuple[Path, Path]) -> None:
    folder = tmp_path / "aligned"
    shutil.copytree(two_runs[1], folder)
    shutil.copy(two_runs[0] / "statements.parquet", folder / "statements.parquet")
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "statements.parquet" in result.output and "one run" in result.output
    assert not (tmp_path / "r.html").exists()
