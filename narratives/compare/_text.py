"""Vectorised text helpers shared by the comparison measures.

The package's :func:`narratives.normalize.normalize` works on one string;
comparisons run over whole corpora, so this module applies the same
``"match"`` rewrite table as a polars expression (Aho-Corasick in Rust) and
splits the result into the same word tokens as
:func:`narratives.normalize.tokenize`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import lru_cache

import polars as pl

from narratives.normalize import PROCLITICS, _table

#: a word token, as in narratives.normalize.tokenize
TOKEN_PATTERN = r"[\p{L}\p{N}]+"


@lru_cache(maxsize=2)
def _rewrite_pairs(level: str) -> tuple[list[str], list[str]]:
    table = _table(level)
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


def strip_proclitics(token: str, vocabulary: Collection[str], *, min_stem: int = 3) -> str:
    """Remove up to two of و ف ب ل ك where the rest is a known word; keep ال.

    Unlike :func:`narratives.normalize.strip_clitics` the definite article
    stays, so السورية (Syrian) is not folded into سورية (Syria), and stems
    shorter than ``min_stem`` are never produced (كما stays كما).

    Examples
    --------
    >>> vocab = {"الارهاب", "قال", "ما", "الحكومه"}
    >>> [strip_proclitics(t, vocab) for t in ["والارهاب", "وقال", "كما", "للحكومه"]]
    ['الارهاب', 'قال', 'كما', 'الحكومه']
    """
    word = token
    for _ in range(2):
        if len(word) <= min_stem or word[0] not in PROCLITICS:
            break
        rest = word[1:]
        if rest in vocabulary:
            word = rest
        elif word[0] == "ل" and rest.startswith("ل") and "ا" + rest in vocabulary:
            word = "ا" + rest
        else:
            break
    return word


def proclitic_map(tokens_used: Iterable[str], vocabulary: Collection[str]) -> dict[str, str]:
    """``{token: stripped}`` for the tokens that :func:`strip_proclitics` changes."""
    return {t: s for t in tokens_used if (s := strip_proclitics(t, vocabulary)) != t}


#: column holding each statement's match-normalized word tokens, when computed once
TOKENS_COLUMN = "norm_tokens"


def statement_tokens(frame: pl.DataFrame) -> pl.Expr:
    """The statements' tokens: the ``norm_tokens`` column if present, else computed."""
    if TOKENS_COLUMN in frame.columns:
        return pl.col(TOKENS_COLUMN)
    return tokens(normalized(pl.col("text")))


def with_tokens(statements: pl.DataFrame) -> pl.DataFrame:
    """``statements`` with a ``norm_tokens`` column (match-normalized word tokens).

    Every measure that reads words uses this column when present, so a caller
    running several measures normalizes and tokenizes the text once.

    Examples
    --------
    >>> with_tokens(pl.DataFrame({"text": ["قال لافروف: «الإرهاب»"]}))["norm_tokens"].to_list()
    [['قال', 'لافروف', 'الارهاب']]
    """
    if TOKENS_COLUMN in statements.columns:
        return statements
    return statements.with_columns(tokens(normalized(pl.col("text"))).alias(TOKENS_COLUMN))
