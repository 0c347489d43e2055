"""docs/accuracy.md has one section per comparison table, and only those."""

from __future__ import annotations

import re
from pathlib import Path

from narratives import schemas

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "accuracy.md"
#: tables shown to readers that are not returned by narratives.compare
EXTRA_TABLES: set[str] = set()


def _sections() -> list[str]:
    return re.findall(r"^## `([a-z_]+)`", PAGE.read_text(encoding="utf-8"), re.M)


def test_every_comparison_table_has_an_accuracy_section() -> None:
    missing = set(schemas.COMPARISON_TABLES) - set(_sections())
    assert not missing, f"docs/accuracy.md has no section for {sorted(missing)}"


def test_accuracy_sections_name_real_tables_once() -> None:
    sections = _sections()
    assert len(sections) == len(set(sections)), "a table has two sections"
    unknown = set(sections) - set(schemas.COMPARISON_TABLES) - EXTRA_TABLES
    assert not unknown, f"docs/accuracy.md has sections for unknown tables {sorted(unknown)}"
