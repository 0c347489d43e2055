"""Cross-outlet alignment: statement pairs that carry the same claim, and claims.

``narratives.align(statements, ...)`` returns aligned statement pairs
(ALIGNMENTS plus component scores); ``narratives.similarity(texts_a,
texts_b)`` scores given pairs of texts the same way; ``narratives.cluster_claims(statements,
alignments)`` groups statements into claims (CLAIMS, every statement in
exactly one claim). Candidate generation lives in :mod:`.candidates`, the pair
scorers in :mod:`.score`, the clustering in :mod:`.cluster`.

The module itself is callable (``narratives.align(...)`` calls :func:`align`),
so it works whether ``narratives.align`` resolves to this module or to the
function.
"""

from __future__ import annotations

from narratives._callable import make_callable
from narratives.align._similarity import similarity
from narratives.align.aligner import COMPONENTS, align, all_pairs
from narratives.align.candidates import block_pairs
from narratives.align.cluster import cluster_claims
from narratives.align.score import DEFAULT_WEIGHTS, RELATIONS

__all__ = [
    "COMPONENTS",
    "DEFAULT_WEIGHTS",
    "RELATIONS",
    "align",
    "all_pairs",
    "block_pairs",
    "cluster_claims",
    "similarity",
]


make_callable(__name__, align)
