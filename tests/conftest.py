from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# property tests check what holds, not how fast: a loaded machine (CI's two cores beside other
# work) made a 200 ms example deadline fail a test that passes alone
settings.register_profile("narratives", deadline=None)
settings.load_profile("narratives")

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
