"""The statements stage: ARTICLES → STATEMENTS (+ ENTITY_MENTIONS).

A statement is one clause-level claim of an article, attributed to a speaker,
as the outlet reports it. :func:`extract_statements` segments Arabic news copy
(:mod:`~narratives.statements.segment`) and attributes each statement
(:mod:`~narratives.statements.attribution`); :func:`extract_entities` lists the
actors, places, organisations and groups each statement mentions
(:mod:`~narratives.statements.entities`). Gazetteers and lexicons are data
files in ``narratives/lexicons/`` that users extend with their own.
"""

from __future__ import annotations

from narratives.statements._lexicon import load_lexicon
from narratives.statements.entities import extract_entities
from narratives.statements.extract import StatementsWarning, extract_statements

__all__ = ["StatementsWarning", "extract_entities", "extract_statements", "load_lexicon"]
