"""Laws of the comparison statistics (Hypothesis)."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from narratives.compare import (
    bootstrap_rate,
    coverage,
    distinguishing_terms,
    log_odds_z,
    omission_rates,
    omissions,
)

counts = st.lists(st.integers(min_value=0, max_value=500), min_size=2, max_size=30)
WORDS = ["سوريا", "سورية", "الإرهابيين", "المسلحين", "داعش", "قال", "أكد", "زعم"]
OUTLETS = ["sana", "rt-arabic", "al-ittihad"]


@given(counts, st.data())
def test_log_odds_z_flips_sign_when_groups_swap(a: list[int], data: st.DataObject) -> None:
    b = data.draw(st.lists(st.integers(0, 500), min_size=len(a), max_size=len(a)))
    prior = np.asarray(a) + np.asarray(b) + 0.5
    d1, v1, z1 = log_odds_z(np.asarray(a), np.asarray(b), prior)
    d2, v2, z2 = log_odds_z(np.asarray(b), np.asarray(a), prior)
    assert np.allclose(z1, -z2) and np.allclose(d1, -d2) and np.allclose(v1, v2)


@given(counts)
def test_identical_groups_distinguish_nothing(a: list[int]) -> None:
    prior = np.asarray(a, dtype=float) + 1.0
    _, _, z = log_odds_z(np.asarray(a), np.asarray(a), prior)
    assert np.allclose(z, 0.0)


statement_texts = st.lists(
    st.tuples(st.sampled_from(OUTLETS), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)),
    min_size=2,
    max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(statement_texts)
def test_pairwise_terms_are_antisymmetric(rows: list[tuple[str, list[str]]]) -> None:
    frame = pl.DataFrame(
        {
            "statement_id": [f"s{i}" for i in range(len(rows))],
            "outlet": [o for o, _ in rows],
            "text": [" ".join(w) for _, w in rows],
        }
    )
    terms = distinguishing_terms(frame, versus="each", min_count=1, top_n=1000, clitics=False)
    z = {(o, v, t): zz for o, v, t, zz in terms.select("outlet", "versus", "term", "z").rows()}
    for (o, v, t), value in z.items():
        assert np.isclose(value, -z[(v, o, t)])


@settings(deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 200), st.floats(0, 1)), min_size=1, max_size=20),
    st.integers(0, 2**32 - 1),
)
def test_bootstrap_interval_contains_the_estimate(
    pairs: list[tuple[int, float]], seed: int
) -> None:
    n = np.array([p[0] for p in pairs])
    k = np.array([round(p[0] * p[1]) for p in pairs])
    lo, hi = bootstrap_rate(n, k, n_boot=500, level=0.95, rng=np.random.default_rng(seed))
    rate = k / n
    assert np.all(lo <= rate + 1e-12) and np.all(rate <= hi + 1e-12)
    assert np.all(lo >= 0) and np.all(hi <= 1)


claim_rows = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 5), st.sampled_from(OUTLETS)),
    min_size=1,
    max_size=30,
)


def _claims(rows: list[tuple[int, int, str]]) -> pl.DataFrame:
    """claim, article, outlet triples -> CLAIMS rows; an article keeps one outlet."""
    outlet_of: dict[int, str] = {}
    data = []
    for i, (claim, article, outlet) in enumerate(rows):
        outlet = outlet_of.setdefault(article, outlet)
        data.append((f"c{claim}", f"a{article}:{i}", f"a{article}", outlet))
    return pl.DataFrame(
        data, schema=["claim_id", "statement_id", "article_id", "outlet"], orient="row"
    )


@settings(max_examples=60, deadline=None)
@given(claim_rows, st.sampled_from(["story", "speaker", "all"]))
def test_omissions_never_list_a_carrier(rows: list[tuple[int, int, str]], rule: str) -> None:
    claims = _claims(rows)
    statements = claims.select("statement_id", "article_id", "outlet", speaker=pl.lit("lavrov"))
    om = omissions(statements, claims, comparable=rule)  # type: ignore[arg-type]
    carried = set(claims.select("claim_id", "outlet").rows())
    assert not carried & set(om.select("claim_id", "outlet").rows())
    rates = omission_rates(om, claims, n_boot=200, rng=1)
    assert rates["rate"].is_between(0, 1).all()
    assert (rates["ci_low"] <= rates["rate"] + 1e-12).all()
    assert (rates["rate"] <= rates["ci_high"] + 1e-12).all()
    assert (rates["n_omitted"] == rates["claim_ids"].list.len()).all()


@settings(max_examples=60, deadline=None)
@given(claim_rows)
def test_coverage_is_a_full_matrix(rows: list[tuple[int, int, str]]) -> None:
    claims = _claims(rows)
    statements = claims.select("statement_id", "article_id", "outlet")
    empty = pl.DataFrame(
        schema={
            "statement_id_a": pl.String,
            "statement_id_b": pl.String,
            "outlet_a": pl.String,
            "outlet_b": pl.String,
            "score": pl.Float64,
            "relation": pl.String,
        }
    )
    cov = coverage(statements, empty, claims)
    assert cov.height == claims["claim_id"].n_unique() * claims["outlet"].n_unique()
    carried = cov.filter(pl.col("status") != "absent")
    assert carried.height == claims.select("claim_id", "outlet").unique().height
    assert set(carried["status"]) <= {"sole", "related"}
