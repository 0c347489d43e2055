"""How common a match word or character n-gram is in Arabic news at large.

IDF fitted only on the statements at hand does not know that titles and
name lists (``صاحب السمو الملكي الأمير … بن عبدالعزيز``) are everywhere, and
on a single pair of texts it knows nothing at all. The shipped table
``lexicons/background_df.tsv.gz`` holds sentence document frequencies from
SaudiNewsNet (see ``lexicons/README.md``); :func:`blended_idf` mixes them
with the document frequencies of the statements being compared, the
corpus's own share growing with its size (``n / (n + prior)``).
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import polars as pl

DEFAULT_BACKGROUND = "background_df.tsv.gz"

#: statements at which the corpus's own frequencies weigh as much as the background's
DEFAULT_PRIOR = 500.0


@dataclass(frozen=True, slots=True)
class Background:
    """Document frequencies of a reference corpus (``n`` documents)."""

    n: int
    words: dict[str, int]
    chars: dict[str, int]

    def share(self, terms: list[str], kind: str) -> np.ndarray:
        """Share of reference documents holding each term (unknown terms: half the rarest kept).

        Word pairs (``"a b"``) get the share of their rarer word.
        """
        table = self.words if kind == "word" else self.chars
        floor = min(table.values(), default=1) / 2
        series = pl.Series("t", terms, dtype=pl.String)

        def look(values: pl.Series) -> pl.Series:
            return values.replace_strict(table, default=floor, return_dtype=pl.Float64)

        if kind == "word":
            parts = series.str.split_exact(" ", 1).struct.unnest()
            first, second = look(parts["field_0"]), parts["field_1"]
            out = pl.select(
                pl.when(second.is_null())
                .then(first)
                .otherwise(pl.min_horizontal(first, look(second.fill_null(""))))
            ).to_series()
        else:
            out = look(series)
        return (out.to_numpy() + 1) / (self.n + 1)


@lru_cache(maxsize=4)
def load_background(name_or_path: str | Path = DEFAULT_BACKGROUND) -> Background:
    """Read a background table (shipped file name or a path to a TSV, optionally gzipped).

    Columns ``kind`` (``total`` | ``word`` | ``char``), ``term``, ``df``.

    Examples
    --------
    >>> bg = load_background()
    >>> bg.n > 100_000 and bg.words["امير"] > bg.words["تشاور"]
    True
    """
    path = Path(name_or_path)
    if path.exists():
        raw = path.read_bytes()
    else:
        shipped = resources.files("narratives.lexicons").joinpath(str(name_or_path))
        if not shipped.is_file():
            raise FileNotFoundError(f"no background table {str(name_or_path)!r}")
        raw = shipped.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    body = "\n".join(ln for ln in raw.decode("utf-8").splitlines() if not ln.startswith("#"))
    table = pl.read_csv(
        io.StringIO(body), separator="\t", schema_overrides={"term": pl.String, "df": pl.Int64}
    )
    missing = {"kind", "term", "df"} - set(table.columns)
    if missing:
        raise ValueError(f"{name_or_path}: a background table needs columns {sorted(missing)}")
    total = table.filter(pl.col("kind") == "total")["df"]
    if total.len() != 1:
        raise ValueError(f"{name_or_path}: needs exactly one 'total' row")

    def part(kind: str) -> dict[str, int]:
        rows = table.filter(pl.col("kind") == kind)
        return dict(zip(rows["term"].to_list(), rows["df"].to_list(), strict=True))

    return Background(int(total[0]), part("word"), part("char"))


def blended_idf(
    counts_df: np.ndarray,
    n_docs: int,
    terms: list[str],
    kind: str,
    *,
    background: Background | None,
    prior: float = DEFAULT_PRIOR,
) -> np.ndarray:
    """IDF per term from the corpus's document frequencies blended with the background's.

    The document share is ``λ·(df+1)/(n+1) + (1-λ)·share_background`` with
    ``λ = n / (n + prior)``; the IDF is ``1 - log(share)``. Without a
    background it is the usual smoothed IDF.

    Examples
    --------
    >>> bg = Background(1000, {"a": 900, "b": 1}, {})
    >>> idf = blended_idf(np.array([1, 1]), 2, ["a", "b"], "word", background=bg)
    >>> bool(idf[1] > 2 * idf[0])
    True
    """
    own = (counts_df + 1) / (n_docs + 1)
    if background is None:
        return (1 - np.log(own)).astype(np.float32)
    lam = n_docs / (n_docs + prior)
    share = lam * own + (1 - lam) * background.share(terms, kind)
    return (1 - np.log(share)).astype(np.float32)
