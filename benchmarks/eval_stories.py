"""Score a ``narratives compare`` output folder on stories, omissions and shared claims.

Reads the folder's ``articles``, ``statements``, ``claims``, ``omissions``,
``stories`` and (when present) ``talking_points`` tables and prints, against
a gold:

* seeds gold (``data/gold/seeds_gold.yaml``, ``--gold seeds``):
  - false omissions: omission rows whose claim the gold knows (their
    ``statement_ids`` hold a gold mention) although the omitting outlet
    carries that gold claim (in the row's ``evidence_article_ids`` when
    given, else in any of its articles);
  - the gold claims carried by two or more outlets that the output shows as
    carried by two or more of them, inside one system claim or one talking
    point;
  - narrative precision over the cross-article statement pairs inside the
    system's claims and talking points (and claim precision).
* same-event dev gold (``data/gold/same_event_dev.yaml``, ``--gold same-event``):
  - story purity: gold stories whole (all articles in one system story) and
    pure (no other article joins), distractors joining a gold story;
  - true omissions found (an omission row naming the gold claim and the
    outlet), and false omissions (the outlet carries the claim in the story).

    python3 -m narratives compare data/seeds --out /tmp/cmp_seeds
    python3 benchmarks/eval_stories.py /tmp/cmp_seeds
    python3 -m narratives compare data/gold/same_event_dev.jsonl --out /tmp/cmp_dev
    python3 benchmarks/eval_stories.py /tmp/cmp_dev --gold same-event
    python3 -m narratives compare data/gold/same_event_dev2.jsonl --out /tmp/cmp_dev2
    python3 benchmarks/eval_stories.py /tmp/cmp_dev2 --gold same-event \
        --gold-file data/gold/same_event_dev2.yaml --review

``--json`` prints the figures as JSON; ``--review`` prints every false
omission row (the claim, the outlet's closest statement, its score and the
row's certainty) to read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import polars as pl

from narratives.evaluate.gold import SEED_GOLD, load_gold, map_mentions

ROOT = Path(__file__).resolve().parents[1]
SAME_EVENT = ROOT / "data" / "gold" / "same_event_dev.yaml"


def read_folder(folder: Path) -> dict[str, pl.DataFrame]:
    tables = {}
    for name in ("articles", "statements", "claims", "omissions", "stories", "talking_points"):
        for ext in ("parquet",):
            path = folder / f"{name}.{ext}"
            if path.exists():
                tables[name] = pl.read_parquet(path)
    missing = [t for t in ("statements", "claims", "omissions") if t not in tables]
    if missing:
        sys.exit(f"{folder}: missing tables {missing} (a `narratives compare --out` folder?)")
    return tables


def gold_index(
    tables: dict[str, pl.DataFrame], gold: dict[str, Any]
) -> tuple[dict[str, set[str]], dict[str, str], dict[str, str], dict[str, str]]:
    """(gold claim -> statement ids, statement -> gold claim, narrative, and article of doc)."""
    mentions, _ = map_mentions(tables["statements"], gold, articles=tables.get("articles"))
    by_claim: dict[str, set[str]] = defaultdict(set)
    claim_of: dict[str, str] = {}
    narrative_of: dict[str, str] = {}
    for m in mentions:
        if m.statement_id is None:
            continue
        by_claim[m.claim].add(m.statement_id)
        claim_of.setdefault(m.statement_id, m.claim)
        narrative_of.setdefault(m.statement_id, m.narrative)
    return by_claim, claim_of, narrative_of, {m.doc: m.article_id or "" for m in mentions}


def _claims_of_statements(mentions_by_claim: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for claim, sids in mentions_by_claim.items():
        for sid in sids:
            out[sid].add(claim)
    return out


def groups(tables: dict[str, pl.DataFrame]) -> list[tuple[str, list[str]]]:
    """(level, statement ids) of every system claim and talking point of 2+ statements."""
    out: list[tuple[str, list[str]]] = []
    cl = tables["claims"].group_by("claim_id").agg("statement_id")
    out += [("claim", ids) for ids in cl["statement_id"].to_list() if len(ids) > 1]
    tp = tables.get("talking_points")
    if tp is not None and tp.height:
        if "statement_id" in tp.columns:
            members = tp.select("talking_point_id", "statement_id")
        else:
            members = tp.select("talking_point_id", "claim_id").join(
                tables["claims"].select("claim_id", "statement_id"), on="claim_id"
            )
        grouped = members.unique().group_by("talking_point_id").agg("statement_id")
        out += [("talking_point", ids) for ids in grouped["statement_id"].to_list() if len(ids) > 1]
    return out


def omission_figures(
    tables: dict[str, pl.DataFrame],
    claims_of: dict[str, set[str]],
    carriers: dict[str, set[tuple[str, str]]],
) -> dict[str, Any]:
    """Rows whose claim the gold knows, and how many of them are false."""
    om = tables["omissions"]
    known = false = 0
    sure_known = sure_false = 0
    examples = []
    wrong_rows: list[dict[str, Any]] = []
    rows = om.select(
        "outlet",
        "claim_id",
        "statement_ids",
        *(["evidence_article_ids"] if "evidence_article_ids" in om.columns else []),
        *(["story_id"] if "story_id" in om.columns else []),
        *(["certainty"] if "certainty" in om.columns else []),
        *[c for c in ("representative", "closest_text", "closest_score", "why") if c in om.columns],
    ).iter_rows(named=True)
    named = []
    for row in rows:
        votes = Counter(g for sid in row["statement_ids"] or [] for g in claims_of.get(sid, ()))
        if not votes:
            continue
        evidence = set(row.get("evidence_article_ids") or [])

        def held(claim: str, row: dict[str, Any] = row, evidence: set[str] = evidence) -> bool:
            arts = {a for a, o in carriers.get(claim, set()) if o == row["outlet"]}
            return bool(arts & evidence) if evidence else bool(arts)

        # a statement holding several gold claims: the row is true when the outlet left
        # out one of them (as narratives.evaluate.omission_figures counts it), and it is
        # named by that claim; ties broken by name, so that runs agree
        ranked = sorted(votes, key=lambda c: (held(c), -votes[c], c))
        gold_claim = ranked[0]
        known += 1
        wrong = held(gold_claim)
        false += wrong
        sure = row.get("certainty") != "not sure"
        sure_known += sure
        sure_false += wrong and sure
        named.append((gold_claim, row["outlet"], row.get("story_id"), wrong, sure))
        # a statement holding two gold claims (one sentence, two facts) omits both:
        # credit each (the row counts once, as false or not, on its main claim above)
        for other in votes:
            if other != gold_claim:
                named.append((other, row["outlet"], row.get("story_id"), held(other), sure))
        if wrong and len(examples) < 5:
            examples.append(f"{row['outlet']} 'omits' {gold_claim} ({row.get('story_id')})")
        if wrong:
            wrong_rows.append({"gold_claim": gold_claim, **row})
    return {
        "omission_rows": om.height,
        "rows_gold_knows": known,
        "false_omissions": false,
        "false_share": round(false / known, 3) if known else 0.0,
        "false_examples": examples,
        # rows the toolkit calls "sure" (certainty column), and the false ones among them
        "sure_rows_gold_knows": sure_known,
        "sure_false_omissions": sure_false,
        "named": named,
        "wrong_rows": wrong_rows,
    }


def seeds(tables: dict[str, pl.DataFrame], gold_path: Path) -> dict[str, Any]:
    gold = load_gold(gold_path)
    by_claim, _, narrative_of, _ = gold_index(tables, gold)
    claims_of = _claims_of_statements(by_claim)
    outlet_of = dict(tables["statements"].select("statement_id", "outlet").iter_rows())
    article_of = dict(tables["statements"].select("statement_id", "article_id").iter_rows())
    carriers = {c: {(article_of[s], outlet_of[s]) for s in sids} for c, sids in by_claim.items()}
    om = omission_figures(tables, claims_of, carriers)
    om.pop("named")
    om.pop("wrong_rows")
    multi = {c for c, sids in by_claim.items() if len({outlet_of[s] for s in sids}) >= 2}
    shown: dict[str, str] = {}
    pairs: set[tuple[str, str]] = set()
    for level, ids in groups(tables):
        for c in multi:
            outlets = {outlet_of[s] for s in ids if s in by_claim[c]}
            if len(outlets) >= 2:
                shown.setdefault(c, level)
        for a, b in itertools.combinations(sorted(set(ids)), 2):
            if article_of.get(a) != article_of.get(b):
                pairs.add((a, b))
    narr_sets: dict[str, set[str]] = defaultdict(set)
    for sid, nar in narrative_of.items():
        narr_sets[sid].add(nar)
    for c, sids in by_claim.items():
        for s in sids:
            narr_sets[s].add(next(m["narrative"] for m in gold["claims"] if m["id"] == c))
    narrative_ok = sum(1 for a, b in pairs if narr_sets.get(a, set()) & narr_sets.get(b, set()))
    claim_ok = sum(1 for a, b in pairs if claims_of.get(a, set()) & claims_of.get(b, set()))
    return {
        "gold": str(gold_path),
        **om,
        "gold_claims_multi_outlet": len(multi),
        "shown_as_carried": len(shown),
        "shown_by_level": dict(Counter(shown.values())),
        "shown_claims": sorted(shown),
        "pairs_in_groups": len(pairs),
        "narrative_precision": round(narrative_ok / len(pairs), 3) if pairs else 0.0,
        "claim_precision": round(claim_ok / len(pairs), 3) if pairs else 0.0,
    }


def same_event(tables: dict[str, pl.DataFrame], gold_path: Path) -> dict[str, Any]:
    from narratives.evaluate.same_event import load_same_event, story_purity, true_omissions

    gold = load_same_event(gold_path)
    out: dict[str, Any] = {"gold": str(gold_path)}
    if "stories" in tables:
        purity = story_purity(tables["stories"], gold=gold_path)
        out["stories"] = {k: v for k, v in purity.items() if k != "per_story"}
        out["stories_per_story"] = (
            purity["per_story"]
            .select("story_id", "system_stories", "whole", "pure", "intruders")
            .to_dicts()
        )
    by_claim, _, _, _ = gold_index(tables, gold)
    claims_of = _claims_of_statements(by_claim)
    outlet_of = dict(tables["statements"].select("statement_id", "outlet").iter_rows())
    article_of = dict(tables["statements"].select("statement_id", "article_id").iter_rows())
    carriers = {c: {(article_of[s], outlet_of[s]) for s in sids} for c, sids in by_claim.items()}
    # the gold's own carriers (by anchor, whether or not a statement holds it)
    docs = gold["documents"]
    for claim in gold["claims"]:
        for m in claim["mentions"]:
            carriers.setdefault(claim["id"], set()).add((m["doc"], docs[m["doc"]]["outlet"]))
    om = omission_figures(tables, claims_of, carriers)
    truth = true_omissions(gold_path)
    named = om.pop("named")
    out["false_rows"] = om.pop("wrong_rows")
    found = {(c, o) for c, o, _, wrong, _ in named if not wrong}
    found_sure = {(c, o) for c, o, _, wrong, sure in named if not wrong and sure}
    hits = [(c, o) for c, o in truth.select("claim_id", "outlet").iter_rows() if (c, o) in found]
    out.update(om)
    out["true_omissions"] = truth.height
    out["true_omissions_found"] = len(hits)
    out["true_omissions_found_sure"] = sum(1 for h in hits if h in found_sure)
    out["true_omissions_missed"] = [
        f"{o} / {c}"
        for c, o in truth.select("claim_id", "outlet").iter_rows()
        if (c, o) not in found
    ]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="output folder of `narratives compare --out`")
    parser.add_argument("--gold", choices=["seeds", "same-event"], default="seeds")
    parser.add_argument("--gold-file", type=Path, default=None, help="another gold file")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--review", action="store_true", help="print every false omission row to read"
    )
    args = parser.parse_args(argv)
    tables = read_folder(args.folder)
    if args.gold == "seeds":
        result = seeds(tables, args.gold_file or SEED_GOLD)
    else:
        result = same_event(tables, args.gold_file or SAME_EVENT)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return
    wrong = result.pop("false_rows", [])
    for key, value in result.items():
        print(f"{key:28s} {value}")
    if args.review:
        for row in wrong:
            print(
                f"\n- {row['outlet']} 'omits' {row['gold_claim']} [{row.get('certainty')}]"
                f" {row.get('why') or ''}\n  claim:   {row.get('representative')}"
                f"\n  closest: ({row.get('closest_score')}) {row.get('closest_text')}"
            )


if __name__ == "__main__":
    main()
