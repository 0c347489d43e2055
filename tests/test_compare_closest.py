"""The omission table's fast paths give the values of the slow references they replace.

:func:`narratives.compare._closest.closest_in_stories` works on integer rows
and reads each statement's figures, numbers and speaker once; the claims'
content words are counted only where a row can follow. Each helper is checked
against the per-pair (or all-texts) function it replaces, on the statements
of a SaudiNewsNet day.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import polars as pl
import pytest

import narratives
from narratives.align._text import content_tokens
from narratives.align.aligner import prepare_alignment
from narratives.align.score import number_overlap, speaker_agreement
from narratives.compare._closest import (
    _codes,
    _figure_match,
    _figures,
    _key,
    _number_overlap,
    _speaker_match,
    _story_pairs,
    figures_agree,
)
from narratives.compare.omissions import content_counts
from tests.conftest import SAUDINEWSNET

DAY = SAUDINEWSNET / "2015-08-09.zip"


@pytest.fixture(scope="module")
def statements() -> pl.DataFrame:
    """Statements of 60 articles of a SaudiNewsNet day (figures, speakers, several outlets)."""
    if not DAY.exists():
        pytest.skip(f"SaudiNewsNet is not at {SAUDINEWSNET}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the day's known ingest notes (duplicates)
        articles = narratives.read_corpus(DAY).sort("article_id").head(60)
        return narratives.extract_statements(articles).sort("statement_id")


@pytest.fixture(scope="module")
def pairs(statements: pl.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of statements of two outlets (i < j)."""
    outlet = statements["outlet"].to_list()
    got = [
        (a, b)
        for a, b in itertools.combinations(range(statements.height), 2)
        if outlet[a] != outlet[b]
    ]
    return np.array([a for a, _ in got]), np.array([b for _, b in got])


def test_story_pairs_are_the_pairs_of_one_story_and_two_outlets_asked_for() -> None:
    # rows of three stories; an unknown outlet (-1) is another outlet than any known one
    story = np.array([0, 0, 0, 0, 1, 1, 1, 2])
    outlet = np.array([0, 1, 1, -1, 2, 2, 0, -1])
    n_codes = 3
    every = {
        (a, b)
        for a, b in itertools.combinations(range(len(story)), 2)
        if story[a] == story[b] and outlet[a] != outlet[b]
    }
    i, j = _story_pairs(story, outlet, None, n_codes)
    assert list(zip(i.tolist(), j.tolist(), strict=True)) == sorted(every)
    # asked: row 3 (unknown outlet) about outlet 0, row 6 about outlet 2; the keys of an
    # unknown outlet must not collide with the previous row's last outlet
    asked = {(3, 0), (6, 2)}
    want = np.unique(_key(np.array([3, 6]), np.array([0, 2]), n_codes))
    i, j = _story_pairs(story, outlet, want, n_codes)
    expected = sorted(
        (a, b) for a, b in every if (a, outlet[b]) in asked or (b, outlet[a]) in asked
    )
    assert list(zip(i.tolist(), j.tolist(), strict=True)) == expected == [(0, 3), (4, 6), (5, 6)]


def test_codes_keep_the_sort_order_and_nulls_apart() -> None:
    code, names = _codes(pl.Series(["okaz", None, "aleqtisadiya", "okaz"]))
    assert names == ["aleqtisadiya", "okaz"]
    assert code.tolist() == [1, -1, 0, 1]


def test_figure_match_is_figures_agree_of_every_pair(
    statements: pl.DataFrame, pairs: tuple[np.ndarray, np.ndarray]
) -> None:
    texts = statements["text"].to_list()
    i, j = pairs
    figs = [_figures(t) for t in texts]
    slow = [figures_agree(figs[a], figs[b]) for a, b in zip(i, j, strict=True)]
    fast = _figure_match(texts, i, j)
    assert fast.tolist() == slow
    assert 0 < sum(slow) < len(slow)  # the day's statements share some figures, not all


def test_speaker_and_number_overlap_are_the_per_pair_scores(
    statements: pl.DataFrame, pairs: tuple[np.ndarray, np.ndarray]
) -> None:
    setup = prepare_alignment(statements)
    assert setup is not None
    i, j = pairs
    speakers = setup.column["speaker"]
    slow = speaker_agreement([speakers[k] for k in i], [speakers[k] for k in j])
    fast = _speaker_match(speakers, i, j)
    np.testing.assert_array_equal(fast, slow)  # NaN where either speaker is unknown
    assert (fast == 0).any()
    # the day's first articles share no speaker across outlets (their two «وزارة الداخلية»,
    # Saudi Arabia's and Afghanistan's, are no longer one id): same-outlet pairs agree
    a, b = np.triu_indices(min(400, len(speakers)), 1)
    slow = speaker_agreement([speakers[k] for k in a], [speakers[k] for k in b])
    fast = _speaker_match(speakers, a, b)
    np.testing.assert_array_equal(fast, slow)
    assert (fast == 100).any() and (fast == 0).any()
    prep = setup.prep
    slow = number_overlap([prep.numbers(k) for k in i], [prep.numbers(k) for k in j])
    fast = _number_overlap(prep, i, j)
    np.testing.assert_array_equal(fast, slow)
    assert np.isfinite(fast).any()


def test_content_counts_of_some_texts_are_those_of_all_texts(statements: pl.DataFrame) -> None:
    # a negation typed joined to its verb (لايوجد) splits only when the verb is known in
    # some text; clitics strip only before known words: both read every text
    texts = [
        *statements["text"].to_list(),
        "وأكد المصدر أنه لايوجد أي تأثير على الإمدادات",
        "وقال إن الشركة توجد في المنطقة منذ سنوات",
    ]
    every = [len(set(t)) for t in content_tokens(texts)]
    counted = np.zeros(len(texts), dtype=bool)
    counted[::3] = True
    counted[-2] = True  # the joined negation, its verb (توجد) only in a text not counted
    got = content_counts(texts, counted)
    assert [g for g, c in zip(got, counted, strict=True) if c] == [
        e for e, c in zip(every, counted, strict=True) if c
    ]
    assert all(g is None for g, c in zip(got, counted, strict=True) if not c)
    # alone, the text would not know its verb: لايوجد would stay one word
    assert "لايوجد" in content_tokens([texts[-2]])[0]
    assert got[-2] == every[-2] == 5  # مصدر لا يوجد تاثير امدادات


def test_numbers_read_in_parts_are_those_read_here(
    statements: pl.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    import narratives.compare._tokens as tokens_module
    from narratives.compare._closest import _read_numbers

    here = prepare_alignment(statements)
    parted = prepare_alignment(statements)
    assert here is not None and parted is not None
    rows = np.arange(statements.height)
    monkeypatch.setattr(tokens_module, "PARALLEL_TEXTS", 1)  # force two forked workers
    _read_numbers(parted.prep, rows, processes=2)
    assert len(parted.prep._numbers) == statements.height  # filled by the workers
    for k in rows.tolist():
        assert parted.prep._numbers[k] == here.prep.numbers(k)
        assert parted.prep._slots[k] == here.prep.figure_slots(k)
    assert any(parted.prep._numbers.values())  # the day's statements give figures
    # the overlap of the pairs, in parts on two workers: the per-pair scores
    i, j = np.triu_indices(statements.height, k=1)
    slow = number_overlap([here.prep.numbers(k) for k in i], [here.prep.numbers(k) for k in j])
    fast = _number_overlap(parted.prep, i, j, processes=2)
    np.testing.assert_array_equal(fast, slow)
    assert np.isfinite(fast).sum() >= 2


def test_containment_in_two_workers_is_the_one_of_this_process(
    statements: pl.DataFrame,
    pairs: tuple[np.ndarray, np.ndarray],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import narratives.compare._closest as closest

    i, j = pairs
    monkeypatch.setattr(closest, "PARALLEL_CONTAINED", len(i) + 1)  # in this process
    here = closest._pair_containment(statements, i, j, processes=2)
    monkeypatch.setattr(closest, "PARALLEL_CONTAINED", 1)  # in two forked workers
    parted = closest._pair_containment(statements, i, j, processes=2)
    assert here is not None and parted is not None
    for name in ("containment", "syn_ab", "syn_ba", "figure_match"):
        np.testing.assert_array_equal(parted[name], here[name])
    assert (here["containment"] > 0.5).any() and (here["containment"] < 0.5).any()


def test_relation_labels_of_some_pairs_are_those_of_all_pairs(
    statements: pl.DataFrame,
) -> None:
    # the omission table labels only the closest pairs shown on its rows; a pair's
    # conflict can turn into a note through another closest pair of its statements
    # (a list whose items pair with every other), so those are labelled beside them
    from narratives.compare._closest import closest_in_stories, closest_pairs

    stories = statements.select("article_id", "outlet", story_id=pl.lit("s")).unique("article_id")
    every = closest_in_stories(statements, stories)
    found = closest_pairs(statements, stories)
    assert found is not None
    near, labels = found
    assert near.height == every.height > 100
    # the labels keep the chosen pairs' rows, scores and components only (not those of
    # every pair scored: their memory is let go while the omission rows are worked out)
    assert len(labels.i) == len(labels.j) == len(labels.score) == len(labels.chosen)
    assert len(labels.chosen) == near["_pair"].n_unique()
    assert all(len(v) == len(labels.chosen) for v in labels.comp.values())
    with pytest.raises(ValueError, match="only chosen pairs"):
        labels.of(np.array([int(labels.chosen.max()) + 1]))
    rows = near.select("_pair", "statement_id", "other").join(every, on=["statement_id", "other"])
    assert rows.height == near.height
    # every third row, and every row whose pair has a conflict (or a note) when all the
    # closest pairs are labelled together
    together = labels._finish(labels.chosen)
    conflicted = together.filter(pl.col("_conflict").is_not_null())["_pair"]
    assert 0 < conflicted.len() < together.height
    some = rows.filter(
        (pl.int_range(pl.len()) % 3 == 0) | pl.col("_pair").is_in(conflicted.implode())
    )
    got = labels.of(some["_pair"].to_numpy())
    assert got.height == some["_pair"].n_unique() < near["_pair"].n_unique()
    compared = (
        some.select("_pair", "closest_relation")
        .unique()
        .join(got, on="_pair", suffix="_some")
        .sort("_pair")
    )
    assert compared.height == got.height
    assert compared["closest_relation"].to_list() == compared["closest_relation_some"].to_list()
    assert compared["closest_relation"].n_unique() >= 2


def test_stories_too_narrow_for_a_row_are_not_scored_and_the_table_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a row needs its outlet and two others carrying the claim (or the part left out):
    # the closest statements of a story of two outlets are not worked out, unless
    # they decide which statements' words the parts of claims know; on the dev gold's
    # same-event articles (stories of one, two and six outlets)
    import importlib
    from pathlib import Path

    from narratives.stories import articles_from_statements

    om = importlib.import_module("narratives.compare.omissions")
    gold = Path(__file__).resolve().parents[1] / "data" / "gold" / "same_event_dev.jsonl"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        statements = narratives.extract_statements(narratives.read_corpus(gold))
        claims = narratives.cluster_claims(statements, narratives.align(statements))
        stories = narratives.group_stories(articles_from_statements(statements), statements)
    story_of = stories.select("article_id", "story_id", "outlet").unique("article_id")
    cs = claims.join(story_of.select("article_id", "story_id"), on="article_id")
    narrow = om._narrow_stories(story_of, cs, statements, 2)
    k = story_of.group_by("story_id").agg(pl.col("outlet").n_unique().alias("k"))
    sizes = narrow.join(k, on="story_id")["k"]
    assert sizes.len() == narrow.height and sizes.max() == 2
    assert k["k"].max() > 2
    skipped = om.omissions(statements, claims, stories)
    asked: list[int] = []
    real = om.closest_pairs

    def counted(*args: object, **kwargs: object) -> object:
        asked.append(kwargs["needed"].height)  # type: ignore[union-attr]
        return real(*args, **kwargs)

    monkeypatch.setattr(om, "closest_pairs", counted)
    om.omissions(statements, claims, stories)
    monkeypatch.setattr(
        om, "_narrow_stories", lambda *a, **k: pl.DataFrame(schema={"story_id": pl.String})
    )
    every = om.omissions(statements, claims, stories)
    assert asked[0] < asked[1]  # fewer (statement, outlet) asked with the skip
    assert skipped.height > 0
    assert skipped.equals(every)


def test_fuzzy_bounds_hold_the_token_set_ratio_of_every_pair(
    statements: pl.DataFrame, pairs: tuple[np.ndarray, np.ndarray]
) -> None:
    # the closest statements' scoring skips pairs whose score cannot beat one found:
    # their fuzzy score is bounded from the lengths of their word sets alone
    from rapidfuzz import fuzz

    from narratives.compare._closest import _fuzzy_bounds

    setup = prepare_alignment(statements)
    assert setup is not None
    i, j = pairs
    tokens = setup.prep.tokens
    lo, hi = _fuzzy_bounds(tokens, i, j)
    texts = [" ".join(t) for t in tokens]
    exact = np.array([fuzz.token_set_ratio(texts[a], texts[b]) for a, b in zip(i, j, strict=True)])
    assert (lo <= exact + 1e-9).all() and (exact <= hi + 1e-9).all()
    # exact where a side has no word (0) or all its words are the other's (100)
    assert (lo == hi).any() and (exact == 100).any()
    assert np.mean(hi - lo) < 80  # narrower than 0-100


def test_closest_pairs_skip_pairs_that_cannot_be_chosen_and_choose_the_same(
    statements: pl.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every pair the bounds keep, scored, against the pairs whose upper bound reaches
    # the best score already found in one of their rows (statement, other outlet)
    import narratives.compare._closest as closest

    stories = statements.select("article_id", "outlet", story_id=pl.lit("s")).unique("article_id")
    scored: list[int] = []
    real = closest._best_of_kept

    def counted(scorer: object, kept: np.ndarray, *args: object) -> object:
        out = real(scorer, kept, *args)  # type: ignore[arg-type]
        scored.append(len(out[0]))
        scored.append(len(kept))
        return out

    monkeypatch.setattr(closest, "_best_of_kept", counted)
    pruned = closest.closest_in_stories(statements, stories)
    monkeypatch.setattr(
        closest,
        "_best_of_kept",
        lambda scorer, kept, lower, upper, both, n: real(scorer, kept, None, None, both, n),
    )
    every = closest.closest_in_stories(statements, stories)
    assert 0 < scored[0] < scored[1]  # fewer scored than kept
    assert pruned.height > 100 and pruned.equals(every)


def test_texts_read_for_figures_are_all_those_giving_one(statements: pl.DataFrame) -> None:
    # _figure_match reads the figures of the texts with a digit or a unit word only
    from narratives.compare._closest import _MAY_GIVE
    from narratives.compare._tokens import normalize_all

    texts = statements["text"].fill_null("").to_list()
    extra = ["بتداولات قاربت خمسة مليارات ريال", "أنفق مليوني ريال", "خسائر ٢ر٣ مليار دولار"]
    read = [bool(_MAY_GIVE.search(t)) for t in normalize_all(texts + extra)]
    gives = [bool(_figures(t)) for t in texts + extra]
    assert all(r for r, g in zip(read, gives, strict=True) if g)
    assert all(read[-3:]) and sum(gives) > 10
    assert sum(read) < len(read) / 2  # most texts give none: not read
