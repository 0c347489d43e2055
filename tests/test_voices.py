"""Voices: whose words each outlet carries (compare.voices and viz.voices_by_outlet)."""

from __future__ import annotations

import json

import polars as pl
import pytest

import narratives
from narratives import schemas
from narratives.compare import voices
from narratives.statements import extract_statements
from narratives.viz import voices_by_outlet


def _articles(texts: dict[str, tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": list(texts),
            "outlet": [o for o, _ in texts.values()],
            "raw_text": [t for _, t in texts.values()],
            "spans": [[{"role": "body", "start": 0, "end": len(t)}] for _, t in texts.values()],
        },
        schema_overrides={"spans": narratives.schemas.ARTICLES["spans"]},
    )


@pytest.fixture(scope="module")
def statements() -> pl.DataFrame:
    arts = _articles(
        {
            "a": (
                "sana",
                "وقال وزير الخارجية الروسي سيرغي لافروف إن «الحل في سورية سياسي». "
                "وأضاف لافروف أن التعاون ممكن. وزعم كيري أن المعارضة معتدلة.",
            ),
            "b": (
                "alriyadh",
                "وقالت زهرة آدم المسؤولة المحلية إن المياه انقطعت. وأضافت أن السكان غادروا.",
            ),
        }
    )
    return extract_statements(arts)


def test_voices_count_speakers_quotes_and_verbs(statements: pl.DataFrame) -> None:
    v = voices(statements)
    assert v.columns == schemas.VOICES.names()
    sana = v.filter(pl.col("outlet") == "sana")
    lavrov = sana.filter(pl.col("speaker") == "lavrov").row(0, named=True)
    assert lavrov["n_statements"] == 2
    assert lavrov["n_direct"] == 1
    assert {c["cue"] for c in lavrov["cues"]} == {"قال", "أضاف"}
    kerry = sana.filter(pl.col("speaker") == "kerry").row(0, named=True)
    assert [(c["cue"], c["cue_class"]) for c in kerry["cues"]] == [("زعم", "distancing")]
    zahra = v.filter(pl.col("outlet") == "alriyadh").row(0, named=True)
    assert (zahra["speaker"], zahra["title"]) == ("زهره ادم", "المسؤولة المحلية")
    assert zahra["n_statements"] == 2


def test_voices_per_story_and_overall(statements: pl.DataFrame) -> None:
    stories = pl.DataFrame({"article_id": ["a", "b"], "story_id": ["s1", "s2"]})
    v = voices(statements, stories)
    assert v.filter(pl.col("story_id").is_null()).height == 3
    assert v.filter(pl.col("story_id") == "s1")["speaker"].sort().to_list() == ["kerry", "lavrov"]
    shares = v.group_by("outlet", "story_id").agg(pl.col("share").sum())["share"]
    assert all(abs(s - 1.0) < 1e-9 for s in shares)


def test_carried_verb_is_not_counted_twice() -> None:
    st = pl.DataFrame(
        {
            "statement_id": ["a:1", "a:2"],
            "article_id": ["a", "a"],
            "outlet": ["x", "x"],
            "speaker": ["lavrov", "lavrov"],
            "cue": ["قال", "قال"],
            "cue_class": ["neutral", "neutral"],
            "cue_carried": [False, True],
            "quote": ["direct", "direct"],
        }
    )
    row = voices(st).row(0, named=True)
    assert (row["n_statements"], row["n_acts"], row["cues"][0]["n"]) == (2, 1, 1)


def test_voices_chart_is_a_vega_lite_heatmap_with_verbs(statements: pl.DataFrame) -> None:
    chart = voices_by_outlet(voices(statements))
    spec = chart.to_dict()
    text = json.dumps(spec, ensure_ascii=False)
    assert "Whose words" in text
    assert "زعم ×1" in text
    assert voices_by_outlet(voices(statements.clear())).to_dict()["title"].endswith("speaker")


def test_lone_first_names_are_not_pooled_across_articles() -> None:
    # SaudiNewsNet 2015-07-22/23: «عبدالله» and «محمد» alone were one voice in 8 and 7
    # alriyadh articles (different people: vox pops, names the article never completes)
    arts = _articles(
        {
            "v1": ("alriyadh", "ويقول محمد: «العيد فرصة لزيارة الأقارب»."),
            "v2": ("alriyadh", "وقال محمد إن أسعار الملابس ارتفعت قبل العيد."),
            "v3": ("alriyadh", "وقالت زهرة آدم المسؤولة المحلية إن المياه انقطعت."),
            "v4": ("alriyadh", "وأضافت زهرة آدم المسؤولة المحلية أن السكان غادروا."),
        }
    )
    st = extract_statements(arts)
    assert st["speaker"].to_list().count("محمد") == 2
    v = voices(st).filter(pl.col("story_id").is_null())
    rows = dict(zip(v["speaker"], v["n_statements"], strict=True))
    assert rows["محمد (v1)"] == 1 and rows["محمد (v2)"] == 1
    assert rows["زهره ادم"] == 2  # a full name is one voice across articles
