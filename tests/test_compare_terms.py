"""Distinguishing terms are words of the news, as written (issue 11, point 6)."""

from __future__ import annotations

import polars as pl

from narratives.compare import distinguishing_terms


def _statements() -> pl.DataFrame:
    rows = []
    places = ["صباحا", "ليلا", "مجددا", "بعنف", "أمس", "فجرا"]
    for k, when in enumerate(places):
        rows += [
            (
                f"a{k}:1",
                f"a{k}",
                "aawsat",
                f"وقالت صحيفة الشرق الأوسط إن الميليشيات الحوثية من قصفت عدن {when}",
            ),
            (f"a{k}:2", f"a{k}", "aawsat", "للاشتراك في خدمة الأخبار العاجلة أرسل رسالة"),
            (f"b{k}:1", f"b{k}", "alriyadh", f"وقال المتحدث إن الانقلابيين من قصفوا عدن {when}"),
        ]
    return pl.DataFrame(rows, schema=["statement_id", "article_id", "outlet", "text"], orient="row")


def test_no_function_words_letters_own_names_or_furniture() -> None:
    terms = distinguishing_terms(_statements(), min_count=1, top_n=20, min_z=0, scope="all")
    shown = set(terms["term"])
    assert not shown & {"من", "إن", "ان", "الشرق", "الأوسط", "صحيفة", "للاشتراك", "العاجلة"}
    assert all(len(t) > 1 for t in shown)


def test_terms_are_shown_as_written() -> None:
    terms = distinguishing_terms(_statements(), min_count=1, top_n=20, min_z=0, scope="all")
    aawsat = terms.filter((pl.col("outlet") == "aawsat") & (pl.col("z") > 0))
    assert "الحوثية" in set(aawsat["term"])  # not the match-normalized الحوثيه
    assert "الحوثيه" in set(aawsat["term_key"])


def test_default_scope_is_shared_claims() -> None:
    st = _statements()
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c1"],
            "statement_id": ["a0:1", "b0:1"],
            "outlet": ["aawsat", "alriyadh"],
        }
    )
    terms = distinguishing_terms(st, claims=claims, min_count=1, top_n=20, min_z=0)
    ids = {i for ids in terms["statement_ids"].to_list() if ids for i in ids}
    assert ids <= {"a0:1", "b0:1"}
    everything = distinguishing_terms(
        st, claims=claims, min_count=1, top_n=20, min_z=0, scope="all"
    )
    assert {i for ids in everything["statement_ids"].to_list() if ids for i in ids} > ids


def test_quantifiers_are_no_distinguishing_terms() -> None:
    # SaudiNewsNet 2015-07-22/23: aawsat's «جميع» (z -3.6) and sabq's «بحق» (4.5) were rows
    st = pl.DataFrame(
        [
            (f"{o}{k}:1", f"{o}{k}", o, f"{w} الموظفين تبادلوا التهاني بحق {k}")
            for k in range(6)
            for o, w in (("a", "جميع"), ("b", "كافة"))
        ],
        schema=["statement_id", "article_id", "outlet", "text"],
        orient="row",
    ).with_columns(outlet=pl.col("outlet").replace({"a": "aawsat", "b": "sabq"}))
    terms = distinguishing_terms(st, min_count=1, top_n=20, min_z=0, scope="all")
    assert not set(terms["term"]) & {"جميع", "كافة", "بحق"}
