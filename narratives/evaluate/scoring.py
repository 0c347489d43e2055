"""Scoring a system's statements, alignments and claims against a gold file.

Implements ``data/gold/EVAL_README.md`` exactly:

1. each gold mention maps to the statement whose ``[start, end)`` holds the
   middle character of its anchor (none: the mention is *unsegmented*);
2. gold claim pairs ``Gc`` and narrative pairs ``Gn`` are unordered pairs of
   statements in different articles carrying mentions of one claim (one
   narrative);
3. system pairs ``S`` are the aligned pairs across different articles, from
   the alignments and/or all pairs inside each claim cluster;
4. claim recall = |S ∩ Gc| / |Gc|, narrative precision = |S ∩ Gn| / |S|,
   F1 their harmonic mean; also claim precision, narrative recall, hard
   negatives aligned, speaker accuracy and statement granularity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import polars as pl

from narratives.evaluate.gold import GoldLike, Mention, map_mentions

Pair = tuple[str, str]


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def gold_pairs(mentions: Iterable[Mention], *, level: str, article_of: dict[str, str]) -> set[Pair]:
    """Unordered statement pairs in different articles sharing a claim (``level="claim"``)
    or a narrative (``level="narrative"``)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.statement_id is not None:
            groups[m.claim if level == "claim" else m.narrative].add(m.statement_id)
    pairs: set[Pair] = set()
    for members in groups.values():
        for a, b in combinations(sorted(members), 2):
            if article_of.get(a) != article_of.get(b):
                pairs.add(_pair(a, b))
    return pairs


def system_pairs(
    alignments: pl.DataFrame | None,
    claims: pl.DataFrame | None,
    *,
    article_of: dict[str, str],
) -> set[Pair]:
    """Aligned pairs across different articles: alignment rows plus all pairs in each claim."""
    pairs: set[Pair] = set()
    if alignments is not None:
        for a, b in alignments.select("statement_id_a", "statement_id_b").iter_rows():
            pairs.add(_pair(a, b))
    if claims is not None:
        members: dict[str, list[str]] = defaultdict(list)
        for cid, sid in claims.select("claim_id", "statement_id").iter_rows():
            members[cid].append(sid)
        for group in members.values():
            pairs.update(_pair(a, b) for a, b in combinations(sorted(set(group)), 2))
    return {p for p in pairs if article_of.get(p[0]) != article_of.get(p[1])}


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(
    statements: pl.DataFrame,
    mentions: list[Mention],
    negatives: list[tuple[str | None, str | None]],
    system: set[Pair] | None,
) -> dict[str, Any]:
    """All figures of the harness from mapped mentions and system pairs (None: statements only)."""
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    speaker_of = (
        dict(zip(statements["statement_id"], statements["speaker"], strict=True))
        if "speaker" in statements.columns
        else {}
    )
    mapped = [m for m in mentions if m.statement_id is not None]
    claims_per_statement: dict[str, set[str]] = defaultdict(set)
    for m in mapped:
        claims_per_statement[str(m.statement_id)].add(m.claim)
    lengths = (statements["end"] - statements["start"]).cast(pl.Float64).to_list()
    with_speaker = [m for m in mapped if m.speaker is not None]
    right = sum(speaker_of.get(str(m.statement_id)) == m.speaker for m in with_speaker)
    out: dict[str, Any] = {
        "mentions": len(mentions),
        "mapped_mentions": len(mapped),
        "unsegmented_mentions": len(mentions) - len(mapped),
        "speaker_accuracy": _ratio(right, len(with_speaker)),
        "statements": statements.height,
        "mean_statement_chars": sum(lengths) / len(lengths) if lengths else 0.0,
        "statements_with_3plus_claims": sum(len(c) >= 3 for c in claims_per_statement.values()),
    }
    gc = gold_pairs(mentions, level="claim", article_of=article_of)
    gn = gold_pairs(mentions, level="narrative", article_of=article_of)
    out["gold_claim_pairs"] = len(gc)
    out["gold_narrative_pairs"] = len(gn)
    if system is None:
        return out
    hits_c, hits_n = len(system & gc), len(system & gn)
    claim_recall = _ratio(hits_c, len(gc))
    narrative_precision = _ratio(hits_n, len(system))
    negative_pairs = {_pair(a, b) for a, b in negatives if a and b and a != b}
    out.update(
        {
            "system_pairs": len(system),
            "claim_recall": claim_recall,
            "narrative_precision": narrative_precision,
            "f1": _f1(narrative_precision, claim_recall),
            "claim_precision": _ratio(hits_c, len(system)),
            "narrative_recall": _ratio(hits_n, len(gn)),
            "hard_negatives_aligned": len(system & negative_pairs),
            "hard_negatives_mapped": len(negative_pairs),
        }
    )
    return out


def evaluate(
    statements: pl.DataFrame,
    alignments: pl.DataFrame | None = None,
    claims: pl.DataFrame | None = None,
    *,
    gold: GoldLike,
    articles: pl.DataFrame | None = None,
) -> dict[str, Any]:
    """Score statements (and alignments and/or claims) against a gold file.

    Parameters
    ----------
    statements
        STATEMENTS frame (needs ``statement_id``, ``article_id``, ``start``,
        ``end``, ``text``; ``speaker`` for speaker accuracy).
    alignments
        ALIGNMENTS frame; every row is a system pair.
    claims
        CLAIMS frame; all pairs inside each claim are system pairs.
    gold
        Path of a gold YAML file or the parsed mapping.
    articles
        ARTICLES frame supplying ``raw_text`` to locate anchors (recommended;
        without it the raw text is rebuilt from the statements).

    Returns
    -------
    dict
        Statement figures (``mentions``, ``mapped_mentions``,
        ``unsegmented_mentions``, ``speaker_accuracy``, ``mean_statement_chars``,
        ``statements_with_3plus_claims``, ``gold_claim_pairs``,
        ``gold_narrative_pairs``) and, when alignments or claims are given,
        ``system_pairs``, ``claim_recall``, ``narrative_precision``, ``f1``,
        ``claim_precision``, ``narrative_recall``, ``hard_negatives_aligned``.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "b:0"], "article_id": ["a", "b"],
    ...     "start": [0, 0], "end": [5, 5], "text": ["x y z", "x y z"],
    ...     "speaker": ["lavrov", None]})
    >>> gold = {"claims": [{"id": "c", "narrative": "n", "mentions": [
    ...     {"doc": "a", "anchor": "y", "speaker": "lavrov"},
    ...     {"doc": "b", "anchor": "y", "speaker": "lavrov"}]}]}
    >>> al = pl.DataFrame({"statement_id_a": ["a:0"], "statement_id_b": ["b:0"]})
    >>> r = evaluate(st, al, gold=gold)
    >>> r["claim_recall"], r["narrative_precision"], r["speaker_accuracy"]
    (1.0, 1.0, 0.5)
    """
    mentions, negatives = map_mentions(statements, gold, articles=articles)
    system = None
    if alignments is not None or claims is not None:
        article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
        system = system_pairs(alignments, claims, article_of=article_of)
    return figures(statements, mentions, negatives, system)


def sweep(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    *,
    gold: GoldLike,
    articles: pl.DataFrame | None = None,
    thresholds: Iterable[float] = range(30, 101, 5),
    cluster: Any = None,
) -> pl.DataFrame:
    """The figures at each score threshold: alignments with ``score >= t`` are kept.

    ``cluster``, if given, is called as ``cluster(statements, kept_alignments,
    threshold=t)`` and its claims are scored instead of the kept alignments
    (for example :func:`narratives.cluster_claims`).

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "b:0"], "article_id": ["a", "b"],
    ...     "start": [0, 0], "end": [5, 5], "text": ["x y z", "x y z"]})
    >>> gold = {"claims": [{"id": "c", "narrative": "n", "mentions": [
    ...     {"doc": "a", "anchor": "y"}, {"doc": "b", "anchor": "y"}]}]}
    >>> al = pl.DataFrame({"statement_id_a": ["a:0"], "statement_id_b": ["b:0"],
    ...     "score": [60.0]})
    >>> sweep(st, al, gold=gold, thresholds=[50, 70])["claim_recall"].to_list()
    [1.0, 0.0]
    """
    mentions, negatives = map_mentions(statements, gold, articles=articles)
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    rows = []
    for t in thresholds:
        kept = alignments.filter(pl.col("score") >= t)
        if cluster is None:
            system = system_pairs(kept, None, article_of=article_of)
        else:
            claims = cluster(statements, kept, threshold=t)
            system = system_pairs(None, claims, article_of=article_of)
        rows.append({"threshold": float(t), **figures(statements, mentions, negatives, system)})
    return pl.DataFrame(rows)


def review(
    statements: pl.DataFrame,
    alignments: pl.DataFrame | None = None,
    claims: pl.DataFrame | None = None,
    *,
    gold: GoldLike,
    articles: pl.DataFrame | None = None,
) -> dict[str, pl.DataFrame]:
    """The pairs to read: false positives (``S`` outside ``Gn``) and missed claim pairs.

    Returns
    -------
    dict
        ``false_positives`` and ``missed`` frames with ``statement_id_a``,
        ``statement_id_b``, ``text_a``, ``text_b`` (and ``score`` of the
        alignment when there is one; ``claim`` for missed pairs).

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "b:0"], "article_id": ["a", "b"],
    ...     "start": [0, 0], "end": [5, 5], "text": ["x y z", "x y z"]})
    >>> gold = {"claims": [{"id": "c", "narrative": "n", "mentions": [
    ...     {"doc": "a", "anchor": "y"}, {"doc": "b", "anchor": "y"}]}]}
    >>> review(st, gold=gold)["missed"]["claim"].to_list()
    ['c']
    """
    mentions, _ = map_mentions(statements, gold, articles=articles)
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    text_of = dict(zip(statements["statement_id"], statements["text"], strict=True))
    system = system_pairs(alignments, claims, article_of=article_of)
    gn = gold_pairs(mentions, level="narrative", article_of=article_of)
    score_of: dict[Pair, float] = {}
    if alignments is not None and "score" in alignments.columns:
        for a, b, s in alignments.select("statement_id_a", "statement_id_b", "score").iter_rows():
            score_of[_pair(a, b)] = s
    claim_of: dict[Pair, str] = {}
    by_claim: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.statement_id is not None:
            by_claim[m.claim].add(m.statement_id)
    for claim, members in by_claim.items():
        for a, b in combinations(sorted(members), 2):
            if article_of.get(a) != article_of.get(b):
                claim_of.setdefault(_pair(a, b), claim)

    def frame(pairs: Iterable[Pair], extra: dict[Pair, Any], name: str) -> pl.DataFrame:
        rows = [
            {
                "statement_id_a": a,
                "statement_id_b": b,
                "text_a": text_of.get(a),
                "text_b": text_of.get(b),
                name: extra.get((a, b)),
            }
            for a, b in sorted(pairs)
        ]
        schema = {
            "statement_id_a": pl.String,
            "statement_id_b": pl.String,
            "text_a": pl.String,
            "text_b": pl.String,
            name: pl.Float64 if name == "score" else pl.String,
        }
        return pl.DataFrame(rows, schema=schema)

    return {
        "false_positives": frame(system - gn, score_of, "score"),
        "missed": frame(set(claim_of) - system, claim_of, "claim"),
    }
