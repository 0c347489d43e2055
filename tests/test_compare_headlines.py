"""Headlines per story: a round-up page's headline is no outlet's headline of the story."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from narratives.compare.headlines import headlines

_DATA = Path(__file__).parent / "data"


def _excerpt() -> tuple[pl.DataFrame, ...]:
    raw = json.loads((_DATA / "headlines_round_up.json").read_text(encoding="utf-8"))
    return tuple(
        pl.DataFrame(raw[k], infer_schema_length=None)
        for k in ("statements", "claims", "stories", "emphasis")
    )


ASSAD_PAGE = "2015-08-11:619"  # almadina: «اعتقال أحد أقارب الأسد ...», the Swedish girl lower
HILAL_PAGE = "2015-08-11:247"  # aleqtisadiya: «ياسر.. لم يتقاعس», Al-Hilal's training lower


def test_a_round_up_pages_headline_is_not_given_as_the_storys_headline() -> None:
    # SaudiNewsNet 2015-08-11: almadina's page on the arrest of al-Assad's relative carries
    # the Swedish girl held by ISIS in its fifth to seventh sentences, and was shown as
    # almadina's headline of the Swedish girl's story
    statements, claims, stories, emphasis = _excerpt()
    out = headlines(statements, claims, stories, emphasis)
    by = {r["article_id"]: r for r in out.iter_rows(named=True)}
    assert by[ASSAD_PAGE]["round_up"] and by[HILAL_PAGE]["round_up"]
    assert by[ASSAD_PAGE]["own_words"] is None and by[HILAL_PAGE]["own_words"] is None
    # every other row is an outlet's report of its story: okaz's Sakina funeral and
    # alriyadh's report, whose shared sentences lie lower, keep the event's words
    assert out.filter(pl.col("round_up")).height == 2
    # the Swedish girl's story has no other headline to compare 3alyoum's with
    assert by["2015-08-11:34"]["own_words"] is None
    # Al-Hilal's story: the two other outlets' own words are read against each other only
    assert "لندن" in by["2015-08-11:976"]["own_words"]
    off = headlines(statements, claims, stories, emphasis, round_up_cover=0)
    assert not off["round_up"].any()
    assert off.filter(pl.col("article_id") == ASSAD_PAGE)["own_words"].to_list()[0]


def test_an_outlets_article_published_twice_is_one_headline() -> None:
    # SaudiNewsNet 2015-07-24: almadina ran «القبض على مواطن قتل زوجته بحفر الباطن» under two
    # article ids; the story's headlines listed almadina twice with the same words
    text = ["القبض على مواطن قتل زوجته بحفر الباطن", "تمكنت شرطة محافظة حفر الباطن من ضبط مواطن"]
    other = ["ثلاثيني يقتل زوجته في حفر الباطن", "ضرب رجل ثلاثيني زوجته بحجر كبير على رأسها"]
    ids = ["a1", "a1", "a2", "a2", "b", "b"]
    st = pl.DataFrame(
        {
            "statement_id": [f"{a}:{k % 2}" for k, a in enumerate(ids)],
            "article_id": ids,
            "outlet": ["almadina"] * 4 + ["alriyadh"] * 2,
            "position": [0, 1] * 3,
            "is_headline": [True, False] * 3,
            "text": text + text + other,
        }
    )
    cl = st.select("statement_id", "article_id", "outlet").with_columns(
        claim_id=pl.col("statement_id").str.replace(r"^a\d", "a")
    )
    sto = st.select("article_id", "outlet").unique().with_columns(story_id=pl.lit("s1"))
    out = headlines(st, cl, sto)
    assert out["outlet"].to_list() == ["almadina", "alriyadh"]
    assert out["article_id"].to_list() == ["a1", "b"]
