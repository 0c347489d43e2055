from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest
import yaml
from click.testing import CliRunner

import narratives
from narratives.evaluate import evaluate, gold_pairs, map_mentions, review, sweep

# --- a tiny hand-built case: three articles, figures known by hand -----------

RAW = {
    "aaa_x": "Lavrov: unite against terror. Lavrov: law first.",
    "bbb_y": "Shoigu: unite against terror now. Weather is fine.",
    "ccc_z": "Lavrov: law first always. Peace talks soon.",
}
TINY_GOLD = {
    "claims": [
        {
            "id": "unite",
            "narrative": "ct",
            "mentions": [
                {"doc": "aaa", "anchor": "unite against terror.", "speaker": "lavrov"},
                {"doc": "bbb", "anchor": "unite against terror now", "speaker": "shoigu"},
            ],
        },
        {
            "id": "law",
            "narrative": "ct",
            "mentions": [
                {"doc": "aaa", "anchor": "law first.", "speaker": "lavrov"},
                {"doc": "ccc", "anchor": "law first always", "speaker": "lavrov"},
            ],
        },
    ],
    "hard_negatives": [
        {"a": {"doc": "bbb", "anchor": "Weather is fine"}, "b": {"doc": "ccc", "anchor": "Peace"}}
    ],
}


def _split(raw: dict[str, str]) -> pl.DataFrame:
    """Statements at full stops, with correct offsets."""
    rows = []
    for art, text in raw.items():
        for pos, m in enumerate(re.finditer(r"[^.]+\.?", text)):
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            rows.append(
                {
                    "statement_id": f"{art}:{pos}",
                    "article_id": art,
                    "start": start,
                    "end": m.end(),
                    "text": text[start : m.end()],
                    "speaker": text[start:].split(":")[0].lower() if ":" in m.group() else None,
                }
            )
    return pl.DataFrame(rows)


@pytest.fixture()
def tiny() -> tuple[pl.DataFrame, pl.DataFrame]:
    articles = pl.DataFrame({"article_id": list(RAW), "raw_text": list(RAW.values())})
    return _split(RAW), articles


def _al(*pairs: tuple[str, str], score: float = 80.0) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "statement_id_a": [a for a, _ in pairs],
            "statement_id_b": [b for _, b in pairs],
            "score": [score] * len(pairs),
        },
        schema={"statement_id_a": pl.String, "statement_id_b": pl.String, "score": pl.Float64},
    )


def test_mentions_map_to_statement_holding_anchor_middle(tiny):
    statements, articles = tiny
    mentions, negatives = map_mentions(statements, TINY_GOLD, articles=articles)
    assert [m.statement_id for m in mentions] == ["aaa_x:0", "bbb_y:0", "aaa_x:1", "ccc_z:0"]
    assert negatives == [("bbb_y:1", "ccc_z:1")]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # one right claim pair of two: recall 1/2, precision 1/1
        ((("aaa_x:0", "bbb_y:0"),), {"claim_recall": 0.5, "narrative_precision": 1.0}),
        # a narrative-only pair (unite x law, same narrative): counts for precision only
        (
            (("aaa_x:0", "ccc_z:0"),),
            {"claim_recall": 0.0, "narrative_precision": 1.0, "claim_precision": 0.0},
        ),
        # the hard negative: wrong at both levels and counted
        (
            (("bbb_y:1", "ccc_z:1"),),
            {"narrative_precision": 0.0, "hard_negatives_aligned": 1, "f1": 0.0},
        ),
        # both claim pairs plus one wrong pair
        (
            (("aaa_x:0", "bbb_y:0"), ("aaa_x:1", "ccc_z:0"), ("bbb_y:1", "aaa_x:1")),
            {"claim_recall": 1.0, "narrative_precision": 2 / 3, "f1": 0.8},
        ),
        # a pair inside one article is never a system pair
        ((("aaa_x:0", "aaa_x:1"),), {"system_pairs": 0, "narrative_precision": 0.0}),
    ],
)
def test_figures_match_hand_counts(tiny, pairs, expected):
    statements, articles = tiny
    result = evaluate(statements, _al(*pairs), gold=TINY_GOLD, articles=articles)
    for key, value in expected.items():
        assert result[key] == pytest.approx(value), key


def test_gold_pairs_by_level(tiny):
    statements, articles = tiny
    mentions, _ = map_mentions(statements, TINY_GOLD, articles=articles)
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    gc = gold_pairs(mentions, level="claim", article_of=article_of)
    gn = gold_pairs(mentions, level="narrative", article_of=article_of)
    assert gc == {("aaa_x:0", "bbb_y:0"), ("aaa_x:1", "ccc_z:0")}
    # narrative ct holds aaa_x:0, aaa_x:1, bbb_y:0, ccc_z:0: 6 pairs minus the one in aaa_x
    assert len(gn) == 5 and gc <= gn


def test_claim_clusters_count_as_all_their_pairs(tiny):
    statements, articles = tiny
    claims = pl.DataFrame(
        {"claim_id": ["c1"] * 3, "statement_id": ["aaa_x:1", "ccc_z:0", "bbb_y:0"]}
    )
    result = evaluate(statements, claims=claims, gold=TINY_GOLD, articles=articles)
    assert result["system_pairs"] == 3
    assert result["claim_recall"] == 0.5
    assert result["narrative_precision"] == 1.0


def test_statement_figures(tiny):
    statements, articles = tiny
    result = evaluate(statements, gold=TINY_GOLD, articles=articles)
    assert "claim_recall" not in result
    assert result["unsegmented_mentions"] == 0
    assert result["speaker_accuracy"] == 1.0
    lengths = [len(t) for t in statements["text"]]
    assert result["mean_statement_chars"] == pytest.approx(sum(lengths) / len(lengths))


def test_unsegmented_mention_is_missed(tiny):
    statements, articles = tiny
    # drop the statement holding "law first always"
    result = evaluate(
        statements.filter(pl.col("statement_id") != "ccc_z:0"),
        _al(("aaa_x:1", "ccc_z:1")),
        gold=TINY_GOLD,
        articles=articles,
    )
    assert result["unsegmented_mentions"] == 1
    assert result["gold_claim_pairs"] == 1


def test_one_statement_swallowing_three_claims_is_counted():
    raw = {"aaa": "one two three.", "bbb": "one. two. three."}
    gold = {
        "claims": [
            {
                "id": w,
                "narrative": "n",
                "mentions": [{"doc": "aaa", "anchor": w}, {"doc": "bbb", "anchor": w}],
            }
            for w in ("one", "two", "three")
        ]
    }
    articles = pl.DataFrame({"article_id": list(raw), "raw_text": list(raw.values())})
    assert evaluate(_split(raw), gold=gold, articles=articles)["statements_with_3plus_claims"] == 1


def test_missing_anchor_warns_naming_claim(tiny):
    statements, articles = tiny
    gold = {
        "claims": [
            {
                "id": "ghost",
                "narrative": "n",
                "mentions": [{"doc": "aaa", "anchor": "not in the text"}],
            }
        ]
    }
    with pytest.warns(UserWarning, match="ghost"):
        result = evaluate(statements, gold=gold, articles=articles)
    assert result["unsegmented_mentions"] == 1


def test_review_lists_false_positives_and_missed_with_text(tiny):
    statements, articles = tiny
    listed = review(
        statements, _al(("bbb_y:1", "ccc_z:1"), score=55.0), gold=TINY_GOLD, articles=articles
    )
    fp = listed["false_positives"].row(0, named=True)
    assert fp["text_a"] == "Weather is fine." and fp["score"] == 55.0
    assert sorted(listed["missed"]["claim"]) == ["law", "unite"]


def test_sweep_drops_pairs_below_threshold(tiny):
    statements, articles = tiny
    al = pl.concat([_al(("aaa_x:0", "bbb_y:0"), score=90), _al(("aaa_x:1", "ccc_z:0"), score=60)])
    table = sweep(statements, al, gold=TINY_GOLD, articles=articles, thresholds=[50, 70, 95])
    assert table["claim_recall"].to_list() == [1.0, 0.5, 0.0]


def test_gold_may_be_rebuilt_from_statements_without_articles(tiny):
    statements, _ = tiny
    result = evaluate(statements, _al(("aaa_x:0", "bbb_y:0")), gold=TINY_GOLD)
    assert result["mapped_mentions"] == 4 and result["claim_recall"] == 0.5


def test_package_level_evaluate_is_callable(tiny):
    statements, articles = tiny
    assert narratives.evaluate(statements, gold=TINY_GOLD, articles=articles)["mentions"] == 4


# --- the real seed gold ---------------------------------------------------------


def _line_statements(seeds: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One statement per non-blank line of each seed file (a coarse stand-in)."""
    rows, arts = [], []
    for path in sorted(seeds.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        arts.append({"article_id": path.stem, "raw_text": raw})
        for pos, m in enumerate(re.finditer(r"[^\n]+", raw)):
            rows.append(
                {
                    "statement_id": f"{path.stem}:{pos}",
                    "article_id": path.stem,
                    "start": m.start(),
                    "end": m.end(),
                    "text": m.group(),
                    "speaker": "lavrov",
                }
            )
    return pl.DataFrame(rows), pl.DataFrame(arts)


def test_seed_gold_maps_every_mention(seeds_dir, gold_path):
    statements, articles = _line_statements(seeds_dir)
    result = evaluate(statements, gold=gold_path, articles=articles)
    assert result["mentions"] == 109
    assert result["unsegmented_mentions"] == 0
    assert result["speaker_accuracy"] == pytest.approx(94 / 109)


def test_seed_gold_perfect_system_scores_one(seeds_dir, gold_path):
    statements, articles = _line_statements(seeds_dir)
    mentions, _ = map_mentions(statements, gold_path, articles=articles)
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    gc = sorted(gold_pairs(mentions, level="claim", article_of=article_of))
    result = evaluate(statements, _al(*gc), gold=gold_path, articles=articles)
    assert result["claim_recall"] == 1.0
    assert result["narrative_precision"] == 1.0
    assert result["f1"] == 1.0


def test_seed_gold_file_is_consistent(gold_path, seeds_dir):
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    raws = {p.stem[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for claim in gold["claims"]:
        for m in claim["mentions"]:
            assert raws[m["doc"]].count(m["anchor"]) == 1, (claim["id"], m["anchor"])


# --- CLI ----------------------------------------------------------------------------


def test_cli_help_documents_modes():
    from narratives.cli import main

    result = CliRunner().invoke(main, ["evaluate", "--help"])
    assert result.exit_code == 0
    for flag in ("--gold", "--statements", "--sweep", "--review"):
        assert flag in result.output


@pytest.mark.skipif(not hasattr(narratives, "__getattr__"), reason="public API unavailable")
def test_cli_statements_mode_prints_json(seeds_dir, gold_path):
    pytest.importorskip("narratives.io")
    from narratives.cli import main

    try:
        narratives.extract_statements  # noqa: B018
        narratives.read_corpus  # noqa: B018
    except (AttributeError, ImportError):
        pytest.skip("read_corpus / extract_statements not there yet")
    result = CliRunner().invoke(
        main, ["evaluate", "--statements", "--gold", str(gold_path), str(seeds_dir)]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["figures"]
    assert figures["mentions"] == 109
