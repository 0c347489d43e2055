"""Every table that flows between the stages, in one place.

The pipeline::

    files ─► io ─► ARTICLES ─► STATEMENTS (+ ENTITY_MENTIONS) ─► ALIGNMENTS / CLAIMS
          ─► comparison tables ─► charts / report

Each stage checks its input on entry with :func:`require` and returns frames
that :func:`conform` to its output schema, so a wrong table fails loudly at
the boundary instead of deep inside a join.

Offsets (``start``/``end``) are always character offsets into the article's
``raw_text`` (Python string indices, end exclusive), so
``raw_text[start:end]`` gives back the piece of text they describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import polars as pl

SPAN = pl.Struct({"role": pl.String, "start": pl.Int64, "end": pl.Int64})
"""One piece of an article's raw text. ``role`` is one of ``headline``,
``body``, ``dateline``, ``credit``, ``date``, ``boilerplate``: the kept pieces
(``headline``, ``body``) and what cleaning set aside, so nothing is dropped
without a trace."""

ARTICLES = pl.Schema(
    {
        "article_id": pl.String,  # unique within a corpus; file stem for .txt files
        "outlet": pl.String,  # canonical outlet id (lexicons/outlets.yaml), null if unknown
        "outlet_method": pl.String,  # "metadata" | "inferred" | "unknown"
        "outlet_evidence": pl.String,  # the cue used (e.g. "dateline: موسكو-سانا") or why unknown
        "published": pl.Date,  # null when the year (or date) cannot be established
        "published_method": pl.String,  # "metadata" | "inferred" | "unknown"
        "published_evidence": pl.String,  # the cue used, or why unknown
        "title": pl.String,  # headline, null if none
        "text": pl.String,  # cleaned body: kept body spans joined by "\n"
        "raw_text": pl.String,  # the text exactly as read (decoded), never altered
        "url": pl.String,
        "source_path": pl.String,  # file (and archive member, as "archive.zip::member")
        "encoding": pl.String,  # encoding used to decode the bytes
        "language": pl.String,  # "ar", "en", ..., "und"
        "spans": pl.List(SPAN),  # ordered pieces of raw_text with their role
    }
)

STATEMENTS = pl.Schema(
    {
        "statement_id": pl.String,  # f"{article_id}:{position}"
        "article_id": pl.String,
        "outlet": pl.String,
        "published": pl.Date,
        "position": pl.Int32,  # 0-based order in the article (headline first)
        "start": pl.Int64,  # raw_text[start:end] is the statement
        "end": pl.Int64,
        "text": pl.String,
        "is_headline": pl.Boolean,
        "speaker": pl.String,  # canonical actor id (lexicons/actors.yaml), null if none
        "speaker_mention": pl.String,  # the words used for the speaker
        "cue": pl.String,  # normalized reporting verb lemma, e.g. "قال", null if none
        "cue_class": pl.String,  # neutral | assertive | distancing | denial | ...
        "quote": pl.String,  # direct | indirect | mixed | none
        "entities": pl.List(pl.String),  # canonical ids of entities mentioned
    }
)

ENTITY_MENTIONS = pl.Schema(
    {
        "statement_id": pl.String,
        "article_id": pl.String,
        "outlet": pl.String,
        "entity_id": pl.String,  # canonical id (actors.yaml / entities)
        "entity_type": pl.String,  # person | organisation | place | group | ...
        "mention": pl.String,  # surface form as written
        "start": pl.Int64,  # offsets into raw_text
        "end": pl.Int64,
    }
)

ALIGNMENTS = pl.Schema(
    {
        "statement_id_a": pl.String,  # statement_id_a < statement_id_b
        "statement_id_b": pl.String,
        "article_id_a": pl.String,
        "article_id_b": pl.String,
        "outlet_a": pl.String,
        "outlet_b": pl.String,
        "score": pl.Float64,  # combined score, 0-100
        "relation": pl.String,  # verbatim | near_verbatim | paraphrase | related
        # component scores (0-100, null when not computed) follow in the
        # frame returned by narratives.align; see narratives.align docs.
    }
)

CLAIMS = pl.Schema(
    {
        "claim_id": pl.String,
        "statement_id": pl.String,  # every statement belongs to exactly one claim
        "article_id": pl.String,
        "outlet": pl.String,
        "claim_size": pl.Int32,  # statements in the claim
        "claim_outlets": pl.Int32,  # distinct outlets in the claim
        "representative": pl.String,  # representative text of the claim
    }
)

# --- comparison tables (narratives.compare) are declared below this line ---


class SchemaError(ValueError):
    """A frame does not have the columns or types a stage needs."""


def require(
    frame: pl.DataFrame | pl.LazyFrame,
    schema: Mapping[str, pl.DataType] | Iterable[str],
    *,
    name: str,
    stage: str,
) -> None:
    """Check that ``frame`` has the columns (and dtypes) a stage needs.

    Parameters
    ----------
    frame
        The frame passed to the stage.
    schema
        A schema (columns and dtypes are checked) or column names (presence only).
    name
        What the frame is called in messages, e.g. ``"articles"``.
    stage
        The function doing the check, e.g. ``"extract_statements"``.

    Raises
    ------
    SchemaError
        Naming every missing column and every column of the wrong type.
    """
    have = frame.collect_schema() if isinstance(frame, pl.LazyFrame) else frame.schema
    problems: list[str] = []
    if isinstance(schema, Mapping):
        for col, dtype in schema.items():
            if col not in have:
                problems.append(f"missing column {col!r} ({dtype})")
            elif have[col] != dtype and have[col] != pl.Null:
                problems.append(f"column {col!r} is {have[col]}, expected {dtype}")
    else:
        problems = [f"missing column {col!r}" for col in schema if col not in have]
    if problems:
        raise SchemaError(f"{stage}: {name} table does not fit: " + "; ".join(problems))


def conform(frame: pl.DataFrame, schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    """Return ``frame`` with the schema's columns first, in order and cast.

    Columns missing from ``frame`` are added as nulls; extra columns are kept
    after the schema's own.
    """
    exprs = [
        (pl.col(c) if c in frame.columns else pl.lit(None)).cast(t).alias(c)
        for c, t in schema.items()
    ]
    extra = [c for c in frame.columns if c not in schema]
    return frame.select([*exprs, *extra])
