"""House style: the same word spelt differently by different outlets.

Outlets have spelling habits that say nothing about how they frame a story:
عبد العزيز / عبدالعزيز (spacing in compound names), الأميركي / الأمريكي and
سيرغي / سيرجي (transliteration), الروسى / الروسي (ى/ي), مسؤول / مسئول
(hamza seats), 2013 / 2013م (the mark after a year), سورية / سوريا. Mined
from the same aligned pairs of statements as
:func:`narratives.compare.substitutions` and kept out of that table, so
substitutions are word choices. The rules are data
(``lexicons/house_style.yaml``); :func:`narratives.compare._text.variant_kind`
names the kind of each variant.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from narratives import schemas
from narratives.compare._common import (
    SAME_CLAIM_RELATIONS,
    check,
    same_claim_pairs,
    with_examples,
)
from narratives.compare.substitutions import Opcodes, aligned_differences, difflib_opcodes


def house_style(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    stories: pl.DataFrame | None = None,
    relations: Sequence[str] = SAME_CLAIM_RELATIONS,
    max_span: int = 3,
    min_count: int = 1,
    max_examples: int = 5,
    opcodes: Opcodes = difflib_opcodes,
    differences: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Spelling variants between outlets in aligned statements of one claim.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``text``).
    alignments, claims, stories, relations
        Which pairs are read, as in :func:`narratives.compare.substitutions`.
    max_span
        Longest differing span (tokens) examined.
    min_count
        Keep variants seen in at least this many pairs.
    max_examples
        Example pairs kept per row.
    opcodes
        The token differ (see :func:`narratives.compare.substitutions`).
    differences
        :func:`~narratives.compare.substitutions.aligned_differences` of these
        pairs with these options (clitics stripped, no indels), when already
        computed: :func:`narratives.compare.compare` computes them once for
        this table and :func:`narratives.compare.substitutions`.

    Returns
    -------
    pl.DataFrame
        ``schemas.HOUSE_STYLE``: one row per outlet pair and pair of
        spellings, ``outlet_a < outlet_b``, most frequent first.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"],
    ...     "text": ["استقبل الملك عبد العزيز الوفد الأميركي",
    ...              "استقبل الملك عبدالعزيز الوفد الأمريكي"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["alriyadh"], "outlet_b": ["okaz"], "score": [90.0],
    ...     "relation": ["near_verbatim"]})
    >>> house_style(st, al)[["form_a", "form_b", "kind"]].rows()
    [('الأميركي', 'الأمريكي', 'transliteration'), ('عبد العزيز', 'عبدالعزيز', 'spacing')]
    """
    check(statements, ("statement_id", "text"), name="statements", stage="house_style")
    diffs = differences
    if diffs is None:
        pairs = same_claim_pairs(alignments, claims, stories=stories, relations=tuple(relations))
        diffs = aligned_differences(
            statements, pairs, max_span=max_span, opcodes=opcodes, bins=("house_style",)
        )
    found = diffs.filter(pl.col("bin") == "house_style")
    texts = statements.select("statement_id", "text")
    out = (
        found.sort("statement_id_a", "statement_id_b")
        .group_by("outlet_a", "outlet_b", "written_a", "written_b", "kind")
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("claim_id").drop_nulls().n_unique().cast(pl.Int64).alias("n_claims"),
            pl.col("statement_id_a").head(max_examples),
            pl.col("statement_id_b").head(max_examples),
        )
        .filter(pl.col("n") >= min_count)
        .rename({"written_a": "form_a", "written_b": "form_b"})
        .pipe(with_examples, texts)
        .sort(
            ["n", "outlet_a", "outlet_b", "form_a", "form_b"],
            descending=[True, False, False, False, False],
            nulls_last=True,
        )
    )
    return schemas.conform(out, schemas.HOUSE_STYLE).select(schemas.HOUSE_STYLE.names())
