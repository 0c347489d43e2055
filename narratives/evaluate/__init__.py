"""Evaluation harness: score statements, alignments and claims against a gold file.

``narratives.evaluate(statements, alignments, claims, gold=..., articles=...)``
returns the figures of ``data/gold/EVAL_README.md`` as a dict;
:func:`sweep` gives them across score thresholds and :func:`review` lists the
false-positive and missed pairs with their texts.

The module itself is callable (``narratives.evaluate(...)`` calls
:func:`evaluate`), so it works whether ``narratives.evaluate`` resolves to
this module or to the function.
"""

from __future__ import annotations

from narratives._callable import make_callable
from narratives.evaluate.gold import SEED_GOLD, Mention, load_gold, map_mentions
from narratives.evaluate.same_event import (
    SAME_EVENT_ARTICLES,
    SAME_EVENT_GOLD,
    load_same_event,
    omission_figures,
    pair_figures,
    pair_review,
    story_membership,
    story_purity,
    true_omissions,
)
from narratives.evaluate.scoring import evaluate, figures, gold_pairs, review, sweep, system_pairs

__all__ = [
    "SAME_EVENT_ARTICLES",
    "SAME_EVENT_GOLD",
    "SEED_GOLD",
    "Mention",
    "evaluate",
    "figures",
    "gold_pairs",
    "load_gold",
    "load_same_event",
    "map_mentions",
    "omission_figures",
    "pair_figures",
    "pair_review",
    "review",
    "story_membership",
    "story_purity",
    "sweep",
    "system_pairs",
    "true_omissions",
]


make_callable(__name__, evaluate)
