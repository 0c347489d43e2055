"""Progress on stderr: every long phase of align and compare is named; --quiet silences it."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from narratives.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


def _lines(stderr: str) -> str:
    return stderr.replace("\r", "\n")


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("aligned")
    result = CliRunner().invoke(main, ["align", str(SEEDS), "-o", str(out), "--threshold", "30"])
    assert result.exit_code == 0, result.output
    err = _lines(result.stderr)
    for phase in (
        r"features \d+ statements",
        "candidates",
        r"scoring \d+ candidate pairs",
        r"linking \d+ pairs scoring 30 or more",
        r"\d+ aligned pairs",
    ):
        assert re.search(f"align: {phase}", err), phase
    assert "claims:" in _lines(result.stderr)  # clustering has its bar too
    return out


def test_align_names_each_phase_and_quiet_silences_it(aligned: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["align", str(SEEDS), "-o", str(tmp_path / "q"), "--threshold", "30", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (tmp_path / "q" / "claims.parquet").exists()


@pytest.mark.parametrize("quiet", [False, True])
def test_compare_names_each_phase_unless_quiet(aligned: Path, tmp_path: Path, quiet: bool) -> None:
    args = ["compare", str(aligned), "-o", str(tmp_path / "cmp")] + (["-q"] if quiet else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    err = _lines(result.stderr)
    if quiet:
        assert err == ""
    else:
        for phase in ("stories", "omissions", "coverage", "emphasis, framing", "reliability"):
            assert f"compare: {phase}" in err, phase
        assert "wrote" in err and "tables to" in err


def test_a_python_warning_prints_as_one_clean_line(capsys: pytest.CaptureFixture[str]) -> None:
    from narratives.cli import _warnings_on_one_line  # what `main` installs for every command

    before = warnings.showwarning
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        with _warnings_on_one_line():
            warnings.warn("something odd\n  happened", UserWarning, stacklevel=1)
    err = capsys.readouterr().err
    assert "warning: UserWarning: something odd happened" in err
    assert "warnings.warn(" not in err  # no source line
    assert warnings.showwarning is before  # restored when the command ends
