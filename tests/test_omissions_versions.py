"""Each omission row says whether the outlet ran a short version of the story or told it
at length (``version``), with the statement counts a reader checks it by."""

from __future__ import annotations

import polars as pl
import pytest

from narratives.compare import omissions
from narratives.compare.omissions import versions
from tests.test_compare_certainty import _market_story


@pytest.fixture(scope="module")
def market() -> pl.DataFrame:
    """SaudiNewsNet 2015-07-25, Brent near a four-month low (tests/data): okaz's 09:47
    reading (7 statements), aawsat's and aleqtisadiya's longer text (10), alweeam's
    settlement (4) and aleqtisadiya's (8)."""
    st, claims, stories = _market_story(okaz_tells_thursday=False)
    return omissions(st, claims, stories, min_outlets=1)


def test_a_short_settlement_is_a_short_version_a_reading_told_at_length_is_not(
    market: pl.DataFrame,
) -> None:
    rows = {(r["outlet"], r["claim_id"]): r for r in market.iter_rows(named=True)}
    # alweeam's four statements against aawsat's ten: the PMI it left out is a short
    # version's omission
    weeam = rows[("alweeam", "pmi")]
    assert (weeam["version"], weeam["outlet_statements"], weeam["fuller_statements"]) == (
        "short",
        4,
        10,
    )
    # okaz's seven statements against the same ten: it told the story at length, and gives
    # two of aawsat's statements (the PMI, Brent's month)
    okaz = rows[("okaz", "jobless")]
    assert (okaz["version"], okaz["outlet_statements"], okaz["fuller_statements"]) == (
        "full",
        7,
        10,
    )
    assert okaz["shared_statements"] == 2
    # the rig count is in aleqtisadiya's settlement article (eight statements): alweeam's
    # four are half of it, no shorter
    assert rows[("alweeam", "rigs")]["version"] == "full"
    assert rows[("alweeam", "rigs")]["fuller_statements"] == 8


def test_every_story_row_has_a_version_and_the_counts_agree(market: pl.DataFrame) -> None:
    assert market["version"].null_count() == 0
    short = market["outlet_statements"] * 2 < market["fuller_statements"]
    assert ((market["version"] == "short") == short).all()
    assert (market["shared_statements"] <= market["outlet_statements"]).all()


def test_rows_without_a_story_have_no_version() -> None:
    empty = versions(
        pl.DataFrame({"outlet": ["a"], "claim_id": ["c1"]}),
        pl.DataFrame({"statement_id": ["x:0"], "article_id": ["x"]}),
        pl.DataFrame({"claim_id": ["c1"], "statement_id": ["x:0"], "article_id": ["x"]}),
        pl.DataFrame({"article_id": ["x"], "story_id": ["s"], "outlet": ["b"]}),
    )
    assert empty["version"].to_list() == [None]


def test_the_reliability_note_gives_each_version_its_own_reading(market: pl.DataFrame) -> None:
    from narratives.stories import reliability_notes
    from narratives.stories.reliability import SURE_FULL_READ, SURE_SHORT_READ

    # the market story's rows made sure: 'full' and 'short' rows, counted in the note
    rows = market.with_columns(certainty=pl.lit("sure"))
    n_full = rows.filter(pl.col("version") == "full").height
    n_short = rows.filter(pl.col("version") == "short").height
    assert n_full and n_short
    note = reliability_notes({"omissions": rows})
    text = note.filter(pl.col("level") == "omission")["note"][0]
    assert f"told the story at length ('full' version, {n_full} here) {SURE_FULL_READ}" in text
    assert f"('short', {n_short} here) {SURE_SHORT_READ}" in text
    assert "a lead to check, not a finding" in text
    # without versions (another rule than the story's), the pooled reading
    plain = reliability_notes({"omissions": rows.drop("version")})
    assert "about half were right" in plain.filter(pl.col("level") == "omission")["note"][0]
