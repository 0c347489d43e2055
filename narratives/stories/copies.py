"""``copies``: what each republished copy changed, hop by hop.

:func:`narratives.group_stories` marks an article ``copy_of`` an earlier one
of its story when their texts are nearly identical (the same outlet
republishing, e.g. Almadina's ``?weekly`` pages, or several outlets running
one wire). This module compares each copy with its source statement by
statement: a copy statement matching a source statement at RapidFuzz
``ratio`` ``kept`` or more (normalized text) was *kept*, at ``reworded`` or
more *reworded*; the copy's other statements were *added*, the source's
unmatched statements *dropped*. Matching is one-to-one, best pairs first.

Who copied whom is as far as dates tell: ``order_known`` is false when the
two were published the same day (or a date is missing), and the source is
then a news agency's article if one of the two is (newspapers run the wire),
else the one listed first (:func:`narratives.group_stories`).
"""

from __future__ import annotations

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process

from narratives import schemas
from narratives.normalize import normalize


def _match(
    src: list[str], dst: list[str], *, kept: float, reworded: float
) -> tuple[list[tuple[int, int, float]], set[int], set[int]]:
    """One-to-one matches (src index, dst index, ratio) at ``reworded`` or more."""
    if not src or not dst:
        return [], set(), set()
    scores = process.cdist(src, dst, scorer=fuzz.ratio)
    order = np.dstack(np.unravel_index(np.argsort(-scores, axis=None), scores.shape))[0]
    used_s: set[int] = set()
    used_d: set[int] = set()
    pairs = []
    for a, b in order:
        sc = float(scores[a, b])
        if sc < reworded:
            break
        if a in used_s or b in used_d:
            continue
        used_s.add(int(a))
        used_d.add(int(b))
        pairs.append((int(a), int(b), sc))
    return pairs, used_s, used_d


def copies(
    stories: pl.DataFrame,
    statements: pl.DataFrame,
    *,
    kept: float = 90.0,
    reworded: float = 60.0,
) -> pl.DataFrame:
    """One row per copy hop (copy, source) with the statements kept, reworded, added, dropped.

    Parameters
    ----------
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``, ``outlet``,
        ``published``, ``copy_of``, ``copy_kind``, ``copy_similarity``).
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``,
        ``position``, ``text``).
    kept, reworded
        RapidFuzz ``ratio`` (normalized text) from which a copy statement
        counts as kept, or as a rewording of a source statement.

    Returns
    -------
    pl.DataFrame
        ``schemas.COPIES``.

    Examples
    --------
    >>> from datetime import date
    >>> stories = pl.DataFrame({"article_id": ["a", "b"], "story_id": ["s1", "s1"],
    ...     "outlet": ["spa", "okaz"], "published": [date(2015, 7, 21), date(2015, 7, 22)],
    ...     "copy_of": [None, "a"], "copy_kind": [None, "cross_outlet"],
    ...     "copy_similarity": [None, 0.95]})
    >>> st = pl.DataFrame({"statement_id": ["a:0", "a:1", "b:0", "b:1"],
    ...     "article_id": ["a", "a", "b", "b"], "position": [0, 1, 0, 1],
    ...     "text": ["افتتح الأمير المهرجان", "وحضر الحفل عدد من المسؤولين",
    ...              "افتتح الأمير المهرجان", "وأعلن عن جوائز جديدة للفائزين"]})
    >>> copies(stories, st).select("article_id", "copy_of", "n_kept", "n_added", "n_dropped").rows()
    [('b', 'a', 1, 1, 1)]
    """
    schemas.require(stories, ("article_id", "story_id", "copy_of"), name="stories", stage="copies")
    schemas.require(
        statements, ("statement_id", "article_id", "text"), name="statements", stage="copies"
    )
    hops = stories.filter(pl.col("copy_of").is_not_null())
    if hops.height == 0:
        return pl.DataFrame(schema=schemas.COPIES)
    info = stories.select(
        "article_id",
        *(c for c in ("outlet", "published") if c in stories.columns),
    )
    wanted = set(hops["article_id"].to_list()) | set(hops["copy_of"].to_list())
    order = ["article_id", *(["position"] if "position" in statements.columns else [])]
    st = statements.filter(pl.col("article_id").is_in(list(wanted))).sort(order)
    by_article: dict[str, tuple[list[str], list[str]]] = {}
    for art, group in st.group_by("article_id", maintain_order=True):
        texts = [normalize(t or "") for t in group["text"].to_list()]
        by_article[str(art[0])] = (group["statement_id"].to_list(), texts)
    rows = []
    for hop in hops.iter_rows(named=True):
        src_ids, src = by_article.get(hop["copy_of"], ([], []))
        dst_ids, dst = by_article.get(hop["article_id"], ([], []))
        pairs, used_s, used_d = _match(src, dst, kept=kept, reworded=reworded)
        rows.append(
            {
                "article_id": hop["article_id"],
                "copy_of": hop["copy_of"],
                "story_id": hop["story_id"],
                "copy_kind": hop.get("copy_kind"),
                "similarity": hop.get("copy_similarity"),
                "n_kept": sum(1 for _, _, sc in pairs if sc >= kept),
                "n_reworded": sum(1 for _, _, sc in pairs if sc < kept),
                "n_added": len(dst) - len(used_d),
                "n_dropped": len(src) - len(used_s),
                "added_statement_ids": [dst_ids[k] for k in range(len(dst)) if k not in used_d],
                "dropped_statement_ids": [src_ids[k] for k in range(len(src)) if k not in used_s],
                "reworded_statement_ids": [dst_ids[b] for _, b, sc in pairs if sc < kept],
                "reworded_from_ids": [src_ids[a] for a, _, sc in pairs if sc < kept],
            }
        )
    out = pl.DataFrame(rows, schema_overrides={"similarity": pl.Float64})
    src_info = info.rename({c: f"source_{c}" for c in info.columns if c != "article_id"}).rename(
        {"article_id": "copy_of"}
    )
    out = out.join(info, on="article_id", how="left").join(src_info, on="copy_of", how="left")
    if "published" in out.columns and "source_published" in out.columns:
        out = out.with_columns(
            order_known=(pl.col("source_published") < pl.col("published")).fill_null(False)
        )
    return (
        schemas.conform(out, schemas.COPIES)
        .select(schemas.COPIES.names())
        .sort("story_id", "article_id")
    )
