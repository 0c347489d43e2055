"""Two identical ``narratives compare`` runs write identical tables.

Each run is a separate process: polars' group_by order and the categorical
codes a process hands out differ between processes, which is where a table
that depends on them would show it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "gold" / "same_event_dev.jsonl"


def _run(out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "narratives", "compare", str(DEV), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.skipif(not DEV.exists(), reason="dev gold not in this checkout")
def test_compare_twice_writes_identical_tables(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _run(first)
    _run(second)
    tables = sorted(p.name for p in first.glob("*.parquet"))
    assert "talking_points.parquet" in tables and "stories.parquet" in tables
    assert tables == sorted(p.name for p in second.glob("*.parquet"))
    differ = []
    for name in tables:
        a, b = pl.read_parquet(first / name), pl.read_parquet(second / name)
        if not a.equals(b):
            differ.append(name)
    assert differ == [], f"tables differ between identical runs: {differ}"
    # stories carry floats: equal to the last bit, not only close
    a = pl.read_parquet(first / "stories.parquet")["core_similarity"]
    assert a.drop_nulls().len() > 0
