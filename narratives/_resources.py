"""Reading the lexicons and gazetteers shipped in ``narratives/lexicons/``.

Every loader takes either the name of a shipped file or a user's own path, so
users extend or replace any lexicon without touching code.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
import yaml


def lexicon_text(name_or_path: str | Path) -> tuple[str, str]:
    """Return ``(text, where)`` of a shipped lexicon (by file name) or a user file."""
    path = Path(name_or_path)
    if path.exists():
        return path.read_text(encoding="utf-8"), str(path)
    shipped = resources.files("narratives.lexicons").joinpath(str(name_or_path))
    if not shipped.is_file():
        raise FileNotFoundError(
            f"no lexicon {str(name_or_path)!r}: not a file, and not one of the shipped "
            f"lexicons ({', '.join(sorted(shipped_lexicons()))})"
        )
    return shipped.read_text(encoding="utf-8"), f"narratives/lexicons/{name_or_path}"


def shipped_lexicons() -> list[str]:
    """File names of the lexicons shipped with the package."""
    root = resources.files("narratives.lexicons")
    return sorted(
        p.name for p in root.iterdir() if p.is_file() and p.name.endswith((".yaml", ".tsv"))
    )


def load_yaml(name_or_path: str | Path) -> Any:
    """Parse a YAML lexicon; errors name the file."""
    text, where = lexicon_text(name_or_path)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ValueError(f"{where}: not valid YAML: {err}") from err


def load_tsv(name_or_path: str | Path) -> pl.DataFrame:
    """Read a TSV lexicon (lines starting with ``#`` are comments) as strings."""
    text, where = lexicon_text(name_or_path)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    try:
        return pl.read_csv(io.StringIO(body), separator="\t", infer_schema=False)
    except pl.exceptions.PolarsError as err:
        raise ValueError(f"{where}: not a valid TSV lexicon: {err}") from err
