"""The statements stage against the seed gold (data/gold/seeds_gold.yaml).

Scoring as in data/gold/EVAL_README.md: each gold mention maps to the
statement holding the middle character of its anchor.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest
import yaml

import narratives
from narratives.statements import extract_statements
from narratives.statements.segment import HARD_LIMIT


@pytest.fixture(scope="module")
def mapped(seeds_dir: Path, gold_path: Path) -> tuple[list[tuple[dict, dict | None]], pl.DataFrame]:
    articles = narratives.read_corpus(seeds_dir)
    statements = extract_statements(articles)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    raw = dict(zip(articles["article_id"], articles["raw_text"], strict=True))
    by_prefix = {aid[:3]: aid for aid in raw}
    rows = defaultdict(list)
    for row in statements.iter_rows(named=True):
        rows[row["article_id"]].append(row)
    out = []
    for claim in gold["claims"]:
        for mention in claim["mentions"]:
            aid = by_prefix[mention["doc"]]
            at = raw[aid].index(mention["anchor"]) + len(mention["anchor"]) // 2
            hit = next((r for r in rows[aid] if r["start"] <= at < r["end"]), None)
            out.append(({**mention, "claim": claim["id"]}, hit))
    return out, statements


def test_every_anchor_falls_inside_a_statement(mapped) -> None:
    pairs, _ = mapped
    missed = [m["anchor"] for m, hit in pairs if hit is None]
    assert len(pairs) == 109
    assert missed == []


def test_speaker_accuracy_is_at_least_90_percent(mapped) -> None:
    pairs, _ = mapped
    wrong = [
        (m["anchor"], m["speaker"], hit and hit["speaker"])
        for m, hit in pairs
        if hit is None or hit["speaker"] != m["speaker"]
    ]
    accuracy = 1 - len(wrong) / len(pairs)
    assert accuracy >= 0.90, wrong


def test_no_statement_carries_three_claims(mapped) -> None:
    pairs, _ = mapped
    claims = defaultdict(set)
    for m, hit in pairs:
        if hit is not None:
            claims[hit["statement_id"]].add(m["claim"])
    assert [sid for sid, ids in claims.items() if len(ids) >= 3] == []


def test_statements_are_clause_sized(mapped) -> None:
    _, statements = mapped
    lengths = statements["text"].str.len_chars()
    assert 60 <= lengths.mean() <= 180  # mean statement length, reported in the closing note
    assert lengths.max() <= 250 * HARD_LIMIT  # longer only where no clause opens
