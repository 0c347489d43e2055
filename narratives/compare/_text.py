"""Vectorised text helpers shared by the comparison measures.

The package's :func:`narratives.normalize.normalize` works on one string;
comparisons run over whole corpora, so this module applies the same
``"match"`` rewrite table as a polars expression (Aho-Corasick in Rust) and
splits the result into the same word tokens as
:func:`narratives.normalize.tokenize`.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from narratives.normalize import _table

#: a word token, as in narratives.normalize.tokenize
TOKEN_PATTERN = r"[\p{L}\p{N}]+"


@lru_cache(maxsize=2)
def _rewrite_pairs(level: str) -> tuple[list[str], list[str]]:
    table = _table(level)  # type: ignore[arg-type]
    keys = sorted(table)
    return [chr(k) for k in keys], [table[k] for k in keys]


def normalized(expr: pl.Expr, level: str = "match") -> pl.Expr:
    """``expr`` normalized like :func:`narratives.normalize.normalize`, vectorised.

    Examples
    --------
    >>> df = pl.DataFrame({"t": ["«داعش»  الإرهابيّ"]})
    >>> df.select(normalized(pl.col("t")))["t"][0]
    '"داعش" الارهابي'
    """
    old, new = _rewrite_pairs(level)
    return expr.str.replace_many(old, new).str.replace_all(r"\s+", " ").str.strip_chars()


def tokens(expr: pl.Expr) -> pl.Expr:
    """List of word tokens of an already normalized string expression."""
    return expr.str.extract_all(TOKEN_PATTERN)
