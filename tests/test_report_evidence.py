"""What a report embeds: the articles it cites, and no more than its links need."""

from __future__ import annotations

import polars as pl

from narratives.report._evidence import Evidence

A = "قال لافروف إن روسيا مستعدة. وأكد أن الحوار ممكن."
B = "قال كيري إن الحل سياسي."


def _evidence() -> Evidence:
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["sana", "rt-arabic"],
            "raw_text": [A, B],
            "title": ["لافروف", "كيري"],
        }
    )
    statements = pl.DataFrame(
        {
            "statement_id": ["a:1", "a:2", "b:1"],
            "article_id": ["a", "a", "b"],
            "outlet": ["sana", "sana", "rt-arabic"],
            "start": [0, 28, 0],
            "end": [27, len(A), len(B)],
            "text": [A[:27], A[28:], B],
        }
    )
    return Evidence(articles, statements)


def test_a_chart_cell_cites_a_statement_of_an_article_already_embedded() -> None:
    ev = _evidence()
    ev.cite(["a:1"])
    # the cell's statements are b:1 and a:2: a:2's article is embedded already
    anchors = ev.cite(["b:1", "a:2"], limit=1, reuse=True)
    assert [ev.anchor_statement(a) for a in anchors] == ["a:2"]
    assert ev.n_articles == 1


def test_without_reuse_the_order_given_is_kept() -> None:
    ev = _evidence()
    ev.cite(["a:1"])
    anchors = ev.cite(["b:1", "a:2"], limit=1)
    assert [ev.anchor_statement(a) for a in anchors] == ["b:1"]
    assert ev.n_articles == 2
