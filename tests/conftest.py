from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = DATA / "seeds"
GOLD = DATA / "gold" / "seeds_gold.yaml"
SAUDINEWSNET = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD
