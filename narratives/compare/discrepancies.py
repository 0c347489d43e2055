"""Discrepancies between aligned statements: figures, dates, speakers, entities.

For every aligned pair of statements (by default from different outlets), the
figures, dates, speakers and entities each side mentions are compared; a
discrepancy is a kind of value where each side has a value the other lacks
(``mode="conflict"``), or where the two sets differ at all (``mode="any"``).
Figures are read as numbers with their scale words (``quantities.yaml``: 10
آلاف == 10000), dates as day-month from ``months.yaml`` plus years.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

import polars as pl

from narratives import schemas
from narratives._resources import load_yaml
from narratives.compare._common import (
    ALIGNMENT_COLUMNS,
    SAME_CLAIM_RELATIONS,
    check,
    same_claim_pairs,
)
from narratives.compare._text import normalized
from narratives.normalize import normalize

_YEAR = r"\b(?:(?:19|20)\d{2}م?|1[34]\d{2}ه)\b"  # 2014, 2014م; Hijri 1436هـ stays 1436ه
_NUMBER = r"\d+(?:[.,]\d+)*"


def _alternation(words: Sequence[str]) -> str:
    forms = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


def _lexicons(
    months: str | Path, quantities: str | Path
) -> tuple[dict[str, int], dict[str, float]]:
    month_data = load_yaml(months)
    scale_data = load_yaml(quantities)
    if not isinstance(month_data, Mapping) or not isinstance(month_data.get("months"), Mapping):
        raise ValueError(f"{months}: expected a 'months' mapping")
    if not isinstance(scale_data, Mapping) or not isinstance(scale_data.get("scales"), Mapping):
        raise ValueError(f"{quantities}: expected a 'scales' mapping")
    month_map = {normalize(str(k)): int(v) for k, v in month_data["months"].items()}
    scale_map = {normalize(str(k)): float(v) for k, v in scale_data["scales"].items()}
    return month_map, scale_map


def _number_value(text: str, scales: Mapping[str, float]) -> str:
    """Canonical value of a figure such as ``10 الاف`` -> ``10000``."""
    found = re.match(r"([\d.,]+)\s*(.*)", text)
    if found is None:
        return text
    head, scale = found.group(1), re.sub(r"\s+", " ", found.group(2)).strip()
    # "1,500" groups thousands; "2,4" is a decimal comma, as Arabic copy often writes it
    head = head.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", head) else head
    try:
        value = float(head.replace(",", ".")) * scales.get(scale, 1.0)
    except ValueError:
        return text
    return f"{value:.12g}"


def statement_values(
    statements: pl.DataFrame,
    entity_mentions: pl.DataFrame | None = None,
    *,
    months: str | Path = "months.yaml",
    quantities: str | Path = "quantities.yaml",
) -> pl.DataFrame:
    """Long table ``statement_id``, ``kind``, ``value`` of what each statement states.

    Kinds: ``number``, ``date``, ``speaker``, and the entity types of
    ``entity_mentions`` (``entity`` when no mentions are given).
    """
    month_map, scale_map = _lexicons(months, quantities)
    month_re = _alternation(list(month_map))
    scale_re = _alternation(list(scale_map))
    # a day glued to a proclitic (و27 أبريل) has no word boundary before it
    date_re = rf"(?:^|\D)\d{{1,2}}\s+(?:{month_re})\b"
    figure_re = rf"{_NUMBER}(?:\s*(?:{scale_re}))?"
    text = statements.select("statement_id", norm=normalized(pl.col("text")))
    dates = text.select(
        "statement_id",
        value=pl.concat_list(
            pl.col("norm").str.extract_all(date_re), pl.col("norm").str.extract_all(_YEAR)
        ),
    ).explode("value")
    figures = text.select(
        "statement_id",
        value=pl.col("norm")
        .str.replace_all(date_re, " ")
        .str.replace_all(_YEAR, " ")
        .str.extract_all(figure_re),
    ).explode("value")
    canon = {
        v: _number_value(v, scale_map) for v in figures["value"].drop_nulls().unique().to_list()
    }
    day_month = {
        v: f"{int(m.group(1))}/{month_map.get(m.group(2).strip(), m.group(2))}"
        for v in dates["value"].drop_nulls().unique().to_list()
        if (m := re.search(r"(\d{1,2})\s+(.+)$", v))
    }
    parts = [
        dates.drop_nulls("value").with_columns(
            kind=pl.lit("date"),
            value=pl.col("value").replace(day_month).str.strip_chars_end("م"),
        ),
        figures.drop_nulls("value").with_columns(
            kind=pl.lit("number"), value=pl.col("value").replace(canon)
        ),
    ]
    if "speaker" in statements.columns:
        parts.append(
            statements.select("statement_id", value="speaker", kind=pl.lit("speaker")).drop_nulls()
        )
    if "entities" in statements.columns:
        ents = statements.select("statement_id", value="entities").explode("value").drop_nulls()
        if entity_mentions is not None and "entity_type" in entity_mentions.columns:
            types = (
                entity_mentions.group_by("entity_id", "entity_type")
                .len()
                .sort(["entity_id", "len"], descending=[False, True])
                .unique("entity_id", keep="first", maintain_order=True)
                .select(value="entity_id", kind="entity_type")
            )
            ents = ents.join(types, on="value", how="left").with_columns(
                pl.col("kind").fill_null("entity")
            )
        else:
            ents = ents.with_columns(kind=pl.lit("entity"))
        parts.append(ents)
    return pl.concat(
        [p.select("statement_id", "kind", pl.col("value").cast(pl.String)) for p in parts]
    ).unique()


def discrepancies(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    entity_mentions: pl.DataFrame | None = None,
    *,
    relations: Sequence[str] = SAME_CLAIM_RELATIONS,
    cross_outlet: bool = True,
    mode: Literal["conflict", "any"] = "conflict",
    months: str | Path = "months.yaml",
    quantities: str | Path = "quantities.yaml",
) -> pl.DataFrame:
    """Different figures, dates, speakers or entities in statements aligned as one claim.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``text``, and ``speaker``,
        ``entities`` when present).
    alignments
        ``schemas.ALIGNMENTS``; pairs whose ``relation`` is in ``relations``.
    claims
        ``schemas.CLAIMS``: when given, a pair is compared only when both
        statements belong to one claim (whatever the relation band, so the
        table follows the alignment threshold); without claims, pairs whose
        ``relation`` is in ``relations``.
    entity_mentions
        ``schemas.ENTITY_MENTIONS`` to type the entities (person, place, ...).
    cross_outlet
        Only pairs from different outlets.
    mode
        ``"conflict"``: each side has a value of the kind the other lacks;
        ``"any"``: the values of the kind differ and both sides have some.
    months, quantities
        Lexicons of month names and scale words (file names or paths).

    Returns
    -------
    pl.DataFrame
        ``schemas.DISCREPANCIES``, one row per pair and kind.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"],
    ...     "text": ["وصول أكثر من 700 طن من المساعدات", "وصول أكثر من 500 طن من المساعدات"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["rt"], "outlet_b": ["sana"], "score": [90.0], "relation": ["paraphrase"]})
    >>> discrepancies(st, al)[["kind", "value_a", "value_b"]].rows()
    [('number', ['700'], ['500'])]
    """
    check(statements, ("statement_id", "text"), name="statements", stage="discrepancies")
    check(alignments, ALIGNMENT_COLUMNS, name="alignments", stage="discrepancies")
    if mode not in ("conflict", "any"):
        raise ValueError(f"discrepancies: mode must be 'conflict' or 'any', not {mode!r}")
    pairs = same_claim_pairs(
        alignments, claims, relations=tuple(relations), cross_outlet=cross_outlet
    ).select("statement_id_a", "statement_id_b", "outlet_a", "outlet_b", "relation", "claim_id")
    ids = pl.concat([pairs["statement_id_a"], pairs["statement_id_b"]]).unique().implode()
    subset = statements.filter(pl.col("statement_id").is_in(ids))
    values = (
        statement_values(subset, entity_mentions, months=months, quantities=quantities)
        .group_by("statement_id", "kind")
        .agg(pl.col("value").unique().sort())
    )
    kinds = values.select("kind").unique()
    rows = (
        pairs.join(kinds, how="cross")
        .join(
            values.rename({"statement_id": "statement_id_a", "value": "set_a"}),
            on=["statement_id_a", "kind"],
            how="left",
        )
        .join(
            values.rename({"statement_id": "statement_id_b", "value": "set_b"}),
            on=["statement_id_b", "kind"],
            how="left",
        )
        .filter(pl.col("set_a").is_not_null() & pl.col("set_b").is_not_null())
        .with_columns(
            value_a=pl.col("set_a").list.set_difference("set_b").list.sort(),
            value_b=pl.col("set_b").list.set_difference("set_a").list.sort(),
        )
    )
    a_has, b_has = pl.col("value_a").list.len() > 0, pl.col("value_b").list.len() > 0
    rows = rows.filter(a_has & b_has if mode == "conflict" else a_has | b_has)
    texts = statements.select("statement_id", "text")
    rows = rows.join(
        texts.rename({"statement_id": "statement_id_a", "text": "text_a"}),
        on="statement_id_a",
        how="left",
    ).join(
        texts.rename({"statement_id": "statement_id_b", "text": "text_b"}),
        on="statement_id_b",
        how="left",
    )
    out = rows.sort("statement_id_a", "statement_id_b", "kind")
    return schemas.conform(out, schemas.DISCREPANCIES).select(schemas.DISCREPANCIES.names())
