"""Scoring same-event alignment and story grouping against a same-event gold.

The gold format is the one of ``data/gold/same_event_dev.yaml`` (described in
``data/gold/SAME_EVENT_README.md``): ``documents`` (every article, with its
outlet and its ``story`` or ``distractor: true``), ``stories`` and ``claims``
anchored like the seeds gold, each claim inside one story.

Pair figures are strict: a system pair of statements in two different
articles is right only when both statements carry a mention of one gold
claim; every other pair is wrong (it is counted apart when it touches a
distractor article, joins two stories, or stays in one story without a
shared claim). Recall is over the gold claim pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

import polars as pl

from narratives.evaluate.gold import GoldLike, load_gold, map_mentions
from narratives.evaluate.scoring import Pair, _f1, _pair, _ratio, gold_pairs, system_pairs

#: the same-event dev gold shipped with the repository (not in the wheel)
SAME_EVENT_GOLD = Path(__file__).resolve().parents[2] / "data" / "gold" / "same_event_dev.yaml"
#: its article texts (JSON Lines: id, outlet, published, title, text, url)
SAME_EVENT_ARTICLES = SAME_EVENT_GOLD.with_suffix(".jsonl")


def load_same_event(gold: GoldLike = SAME_EVENT_GOLD) -> dict[str, Any]:
    """Parse a same-event gold and check that documents, stories and claims agree.

    Returns the mapping of :func:`narratives.evaluate.load_gold` with
    ``documents`` (article id -> fields), ``stories`` (each with ``articles``,
    the ids of its documents, and ``outlets``) and ``distractors`` (ids).

    Raises
    ------
    ValueError
        A document with neither a story nor ``distractor: true``, a claim of an
        unknown story, or a mention of an article outside the claim's story.

    Examples
    --------
    >>> g = load_same_event({
    ...     "documents": {"a": {"outlet": "x", "story": "s"}, "b": {"outlet": "y", "story": "s"},
    ...                   "c": {"outlet": "z", "distractor": True}},
    ...     "stories": [{"id": "s"}],
    ...     "claims": [{"id": "k", "story": "s", "mentions": [
    ...         {"doc": "a", "anchor": "u"}, {"doc": "b", "anchor": "v"}]}]})
    >>> g["stories"][0]["articles"], g["distractors"]
    (['a', 'b'], ['c'])
    """
    data = load_gold(gold)
    docs: Mapping[str, Any] = data.get("documents") or {}
    stories = {s["id"]: {**s, "articles": [], "outlets": []} for s in data.get("stories") or []}
    distractors = []
    for doc_id, doc in docs.items():
        story = doc.get("story")
        if story is None:
            if not doc.get("distractor"):
                raise ValueError(f"document {doc_id!r} has neither a story nor distractor: true")
            distractors.append(doc_id)
            continue
        if story not in stories:
            raise ValueError(f"document {doc_id!r}: unknown story {story!r}")
        stories[story]["articles"].append(doc_id)
        if doc.get("outlet") not in stories[story]["outlets"]:
            stories[story]["outlets"].append(doc.get("outlet"))
    for claim in data["claims"]:
        story = claim.get("story")
        if story not in stories:
            raise ValueError(f"claim {claim['id']!r}: unknown story {story!r}")
        for m in claim["mentions"]:
            if docs.get(m["doc"], {}).get("story") != story:
                raise ValueError(f"claim {claim['id']!r}: {m['doc']!r} is not in story {story!r}")
    return {**data, "stories": list(stories.values()), "distractors": distractors}


def story_membership(gold: GoldLike = SAME_EVENT_GOLD) -> pl.DataFrame:
    """One row per gold document: ``article_id``, ``outlet``, ``story_id`` (null for a
    distractor) and ``distractor``."""
    data = load_same_event(gold)
    rows = [
        {
            "article_id": doc_id,
            "outlet": doc.get("outlet"),
            "story_id": doc.get("story"),
            "distractor": bool(doc.get("distractor")),
        }
        for doc_id, doc in data["documents"].items()
    ]
    schema = {
        "article_id": pl.String,
        "outlet": pl.String,
        "story_id": pl.String,
        "distractor": pl.Boolean,
    }
    return pl.DataFrame(rows, schema=schema)


def true_omissions(gold: GoldLike = SAME_EVENT_GOLD) -> pl.DataFrame:
    """The omissions the gold supports: an outlet covered the claim's story and none of
    its articles there carries the claim.

    Returns
    -------
    pl.DataFrame
        ``story_id``, ``claim_id``, ``outlet``, ``articles`` (the outlet's articles
        in the story), sorted.

    Examples
    --------
    >>> g = {"documents": {"a": {"outlet": "x", "story": "s"}, "b": {"outlet": "y", "story": "s"},
    ...                    "c": {"outlet": "z", "story": "s"}},
    ...      "stories": [{"id": "s"}],
    ...      "claims": [{"id": "k", "story": "s", "mentions": [
    ...          {"doc": "a", "anchor": "u"}, {"doc": "b", "anchor": "v"}]}]}
    >>> true_omissions(g)["outlet"].to_list()
    ['z']
    """
    data = load_same_event(gold)
    docs = data["documents"]
    rows = []
    for claim in data["claims"]:
        story = next(s for s in data["stories"] if s["id"] == claim["story"])
        carried = {docs[m["doc"]].get("outlet") for m in claim["mentions"]}
        for outlet in story["outlets"]:
            if outlet not in carried:
                arts = [a for a in story["articles"] if docs[a].get("outlet") == outlet]
                rows.append(
                    {
                        "story_id": story["id"],
                        "claim_id": claim["id"],
                        "outlet": outlet,
                        "articles": arts,
                    }
                )
    schema = pl.Schema(
        {
            "story_id": pl.String(),
            "claim_id": pl.String(),
            "outlet": pl.String(),
            "articles": pl.List(pl.String()),
        }
    )
    return pl.DataFrame(rows, schema=schema).sort("story_id", "claim_id", "outlet")


def pair_figures(
    statements: pl.DataFrame,
    alignments: pl.DataFrame | None = None,
    claims: pl.DataFrame | None = None,
    *,
    gold: GoldLike = SAME_EVENT_GOLD,
    articles: pl.DataFrame | None = None,
) -> dict[str, Any]:
    """Precision, recall and F1 of cross-article statement pairs against the gold.

    A system pair (an alignment row, or two statements in one claim cluster)
    is right only when both statements carry a mention of one gold claim.

    Returns
    -------
    dict
        ``system_pairs``, ``gold_pairs``, ``true_pairs``, ``precision``,
        ``recall``, ``f1``; the wrong pairs split into ``false_distractor``
        (touching a distractor article), ``false_cross_story`` (two stories),
        ``false_same_story`` (one story, no shared claim) and
        ``false_unknown`` (an article the gold does not list); and the
        mention counts ``mentions``, ``unsegmented_mentions``.
    """
    data = load_same_event(gold)
    mentions, _ = map_mentions(statements, data, articles=articles)
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    gc = gold_pairs(mentions, level="claim", article_of=article_of)
    system = system_pairs(alignments, claims, article_of=article_of)
    docs = data["documents"]
    story_of = {d: docs[d].get("story") for d in docs}
    wrong: dict[str, int] = defaultdict(int)
    for a, b in system - gc:
        arts = (article_of[a], article_of[b])
        if any(x not in docs for x in arts):
            wrong["false_unknown"] += 1
        elif any(docs[x].get("distractor") for x in arts):
            wrong["false_distractor"] += 1
        elif story_of[arts[0]] != story_of[arts[1]]:
            wrong["false_cross_story"] += 1
        else:
            wrong["false_same_story"] += 1
    hits = len(system & gc)
    precision, recall = _ratio(hits, len(system)), _ratio(hits, len(gc))
    mapped = sum(m.statement_id is not None for m in mentions)
    return {
        "system_pairs": len(system),
        "gold_pairs": len(gc),
        "true_pairs": hits,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        **{
            k: wrong.get(k, 0)
            for k in ("false_distractor", "false_cross_story", "false_same_story", "false_unknown")
        },
        "mentions": len(mentions),
        "unsegmented_mentions": len(mentions) - mapped,
    }


def pair_review(
    statements: pl.DataFrame,
    alignments: pl.DataFrame | None = None,
    claims: pl.DataFrame | None = None,
    *,
    gold: GoldLike = SAME_EVENT_GOLD,
    articles: pl.DataFrame | None = None,
) -> dict[str, pl.DataFrame]:
    """The wrong and the missed pairs with their texts, for reading.

    Returns ``{"false_positives": ..., "missed": ...}``, frames with
    ``statement_id_a``, ``statement_id_b``, ``text_a``, ``text_b`` and ``kind``
    (the kind of error, or the claim of a missed pair).
    """
    data = load_same_event(gold)
    mentions, _ = map_mentions(statements, data, articles=articles)
    article_of = dict(zip(statements["statement_id"], statements["article_id"], strict=True))
    text_of = dict(zip(statements["statement_id"], statements["text"], strict=True))
    system = system_pairs(alignments, claims, article_of=article_of)
    by_claim: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.statement_id is not None:
            by_claim[m.claim].add(m.statement_id)
    claim_of: dict[Pair, str] = {}
    for claim, members in by_claim.items():
        for a, b in combinations(sorted(members), 2):
            if article_of[a] != article_of[b]:
                claim_of.setdefault(_pair(a, b), claim)
    docs = data["documents"]

    def kind(a: str, b: str) -> str:
        arts = [docs.get(article_of[x], {}) for x in (a, b)]
        if any(d.get("distractor") for d in arts):
            return "distractor"
        return "same_story" if arts[0].get("story") == arts[1].get("story") else "cross_story"

    def frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
        schema = {k: pl.String for k in ("statement_id_a", "statement_id_b", "text_a", "text_b")}
        return pl.DataFrame(rows, schema={**schema, "kind": pl.String})

    false_rows = [
        {
            "statement_id_a": a,
            "statement_id_b": b,
            "text_a": text_of[a],
            "text_b": text_of[b],
            "kind": kind(a, b),
        }
        for a, b in sorted(system - set(claim_of))
    ]
    missed_rows = [
        {
            "statement_id_a": a,
            "statement_id_b": b,
            "text_a": text_of[a],
            "text_b": text_of[b],
            "kind": claim_of[(a, b)],
        }
        for a, b in sorted(set(claim_of) - system)
    ]
    return {"false_positives": frame(false_rows), "missed": frame(missed_rows)}


def story_purity(stories: pl.DataFrame, *, gold: GoldLike = SAME_EVENT_GOLD) -> dict[str, Any]:
    """Read a system's stories table (``article_id``, ``story_id``) against the gold stories.

    A gold story is *whole* when all its articles share one system story, and
    *pure* when no other article (a distractor or another gold story's) has
    that system story.

    Returns
    -------
    dict
        ``stories`` (gold stories), ``whole``, ``pure``, ``whole_and_pure``,
        ``distractors_joining`` (distractors whose system story holds a gold
        story article), ``missing_articles`` (gold articles absent from the
        table) and ``per_story`` (a frame: ``story_id``, ``articles``,
        ``system_stories`` the articles fall in, ``intruders``).

    Examples
    --------
    >>> g = {"documents": {"a": {"outlet": "x", "story": "s"}, "b": {"outlet": "y", "story": "s"},
    ...                    "c": {"outlet": "z", "distractor": True}},
    ...      "stories": [{"id": "s"}], "claims": []}
    >>> t = pl.DataFrame({"article_id": ["a", "b", "c"], "story_id": ["1", "1", "2"]})
    >>> story_purity(t, gold=g)["whole_and_pure"]
    1
    """
    data = load_same_event(gold)
    docs = data["documents"]
    system_of = dict(
        zip(stories["article_id"].cast(pl.String), stories["story_id"].cast(pl.String), strict=True)
    )
    members: dict[str, list[str]] = defaultdict(list)
    for art, sid in system_of.items():
        members[sid].append(art)
    rows = []
    joining: set[str] = set()
    missing = 0
    for story in data["stories"]:
        arts = story["articles"]
        missing += sum(a not in system_of for a in arts)
        sids = sorted({system_of[a] for a in arts if a in system_of})
        intruders = sorted({x for sid in sids for x in members[sid] if x not in arts and x in docs})
        joining.update(x for x in intruders if docs[x].get("distractor"))
        rows.append(
            {
                "story_id": story["id"],
                "articles": len(arts),
                "system_stories": len(sids),
                "whole": len(sids) == 1 and all(a in system_of for a in arts),
                "pure": not intruders,
                "intruders": intruders,
            }
        )
    per_story = pl.DataFrame(
        rows,
        schema={
            "story_id": pl.String,
            "articles": pl.Int64,
            "system_stories": pl.Int64,
            "whole": pl.Boolean,
            "pure": pl.Boolean,
            "intruders": pl.List(pl.String),
        },
    )
    return {
        "stories": per_story.height,
        "whole": int(per_story["whole"].sum()),
        "pure": int(per_story["pure"].sum()),
        "whole_and_pure": int((per_story["whole"] & per_story["pure"]).sum()),
        "distractors_joining": len(joining),
        "missing_articles": missing,
        "per_story": per_story,
    }


def omission_figures(
    omissions: pl.DataFrame,
    statements: pl.DataFrame,
    *,
    gold: GoldLike = SAME_EVENT_GOLD,
    articles: pl.DataFrame | None = None,
) -> dict[str, Any]:
    """Read a system's omission rows (``outlet``, ``statement_ids``) against the gold.

    A row says "``outlet`` left out the claim carried by ``statement_ids``".
    The gold *knows* the row when one of those statements carries a gold
    claim. A known row is **true** when, for one of those gold claims, the
    outlet covered the claim's story and none of its articles there carries
    the claim (a row of :func:`true_omissions`); otherwise it is **false**
    (the outlet carried the claim, or did not cover the story).

    Returns
    -------
    dict
        ``rows``, ``known_rows``, ``true_rows``, ``false_rows``,
        ``false_share`` (false / known), ``gold_true_omissions``,
        ``true_omissions_found`` (gold true omissions matched by a true row)
        and ``false_examples`` (up to 10 (outlet, gold claim) of false rows).

    Examples
    --------
    >>> g = {"documents": {"a": {"outlet": "x", "story": "s"}, "b": {"outlet": "y", "story": "s"},
    ...                    "c": {"outlet": "z", "story": "s"}},
    ...      "stories": [{"id": "s"}],
    ...      "claims": [{"id": "k", "story": "s", "mentions": [
    ...          {"doc": "a", "anchor": "foo"}, {"doc": "b", "anchor": "foo"}]}]}
    >>> st = pl.DataFrame({"statement_id": ["a:0", "b:0", "c:0"], "article_id": ["a", "b", "c"],
    ...     "start": [0, 0, 0], "end": [3, 3, 3], "text": ["foo", "foo", "bar"]})
    >>> om = pl.DataFrame({"outlet": ["z", "y"], "statement_ids": [["a:0"], ["a:0"]]})
    >>> f = omission_figures(om, st, gold=g)
    >>> f["true_rows"], f["false_rows"], f["true_omissions_found"]
    (1, 1, 1)
    """
    data = load_same_event(gold)
    mentions, _ = map_mentions(statements, data, articles=articles)
    claims_of: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.statement_id is not None:
            claims_of[m.statement_id].add(m.claim)
    truth = {(c, o) for c, o in true_omissions(data).select("claim_id", "outlet").iter_rows()}
    known = true_rows = 0
    found: set[tuple[str, str]] = set()
    false_examples: list[tuple[str, str]] = []
    for outlet, sids in omissions.select("outlet", "statement_ids").iter_rows():
        gold_claims = set().union(*(claims_of.get(s, set()) for s in sids or []))
        if not gold_claims:
            continue
        known += 1
        hits = {(c, outlet) for c in gold_claims} & truth
        if hits:
            true_rows += 1
            found |= hits
        elif len(false_examples) < 10:
            false_examples.append((outlet, sorted(gold_claims)[0]))
    false_rows = known - true_rows
    return {
        "rows": omissions.height,
        "known_rows": known,
        "true_rows": true_rows,
        "false_rows": false_rows,
        "false_share": _ratio(false_rows, known),
        "gold_true_omissions": len(truth),
        "true_omissions_found": len(found),
        "false_examples": false_examples,
    }
