"""Reading a gold file and locating its mentions in a system's statements.

The gold format is the one of ``data/gold/seeds_gold.yaml`` (described in
``data/gold/EVAL_README.md``): claims grouped into narratives, each with
mentions ``{doc, anchor, speaker}``, plus ``hard_negatives`` pairs of
anchors. ``doc`` is the first characters of an article id (the file stem),
``anchor`` an exact substring of the article's raw text occurring once.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from narratives.schemas import require

#: the gold shipped with the repository's sample corpus (not in the wheel)
SEED_GOLD = Path(__file__).resolve().parents[2] / "data" / "gold" / "seeds_gold.yaml"

GoldLike = str | Path | Mapping[str, Any]


@dataclass(frozen=True)
class Mention:
    """One gold mention, located (or not) in the system's statements."""

    claim: str
    narrative: str
    doc: str
    anchor: str
    speaker: str | None
    article_id: str | None = None  # article the doc prefix resolved to
    statement_id: str | None = None  # statement holding the anchor's middle character
    problem: str | None = None  # why it is unmapped, None when mapped


def load_gold(gold: GoldLike) -> dict[str, Any]:
    """Parse a gold file (or pass a parsed mapping through) and check its shape.

    Raises
    ------
    ValueError
        Naming the file and the claim or mention that does not fit.

    A claim without ``narrative`` is its own narrative (the narrative level
    is then the claim level).

    Examples
    --------
    >>> g = load_gold({"claims": [{"id": "c", "narrative": "n", "mentions": []}]})
    >>> g["hard_negatives"]
    []
    >>> load_gold({"claims": [{"id": "c", "mentions": []}]})["claims"][0]["narrative"]
    'c'
    """
    where = "gold mapping"
    if isinstance(gold, Mapping):
        data: Any = dict(gold)
    else:
        where = str(gold)
        try:
            data = yaml.safe_load(Path(gold).read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise FileNotFoundError(f"gold file not found: {gold}") from err
        except yaml.YAMLError as err:
            raise ValueError(f"{where}: not valid YAML: {err}") from err
    if not isinstance(data, Mapping) or not isinstance(data.get("claims"), list):
        raise ValueError(f"{where}: expected a mapping with a 'claims' list")
    claims = []
    for i, claim in enumerate(data["claims"]):
        for key in ("id", "mentions"):
            if key not in claim:
                raise ValueError(f"{where}: claim #{i} ({claim.get('id')!r}) has no {key!r}")
        for j, m in enumerate(claim["mentions"]):
            if "doc" not in m or "anchor" not in m:
                raise ValueError(f"{where}: claim {claim['id']!r} mention #{j} lacks doc/anchor")
        # a gold without narratives (same_event_dev.yaml) scores both levels strictly
        claims.append({**claim, "narrative": claim.get("narrative", claim["id"])})
    out = dict(data)
    out["claims"] = claims
    out["hard_negatives"] = list(data.get("hard_negatives") or [])
    return out


def resolve_doc(doc: str, article_ids: list[str]) -> str | None:
    """Return the one article id equal to ``doc`` or starting with it, else None."""
    if doc in article_ids:
        return doc
    hits = [a for a in article_ids if a.startswith(str(doc))]
    return hits[0] if len(hits) == 1 else None


def raw_texts(statements: pl.DataFrame, articles: pl.DataFrame | None) -> dict[str, str]:
    """Raw text per article id, from ``articles`` or rebuilt from the statements.

    Without ``articles`` each statement's text is put back at its offsets and
    the gaps are filled with NUL characters, so an anchor is found only where
    the statements cover it entirely.
    """
    if articles is not None:
        require(articles, ["article_id", "raw_text"], name="articles", stage="evaluate")
        return dict(zip(articles["article_id"], articles["raw_text"], strict=True))
    texts: dict[str, list[str]] = {}
    rows = statements.select("article_id", "start", "end", "text").sort("article_id", "start")
    for art, start, end, text in rows.iter_rows():
        buf = texts.setdefault(art, [])
        if len(buf) < end:
            buf.extend("\0" * (end - len(buf)))
        buf[start:end] = list(text[: end - start].ljust(end - start, "\0"))
    return {a: "".join(b) for a, b in texts.items()}


def _locate(
    doc: str,
    anchor: str,
    texts: dict[str, str],
    ids: list[str],
    intervals: dict[str, list[tuple[int, int, str]]],
) -> tuple[str | None, str | None, str | None]:
    """(article_id, statement_id, problem) of one anchor."""
    article = resolve_doc(str(doc), ids)
    if article is None:
        return None, None, f"no single article id starts with {doc!r}"
    raw = texts.get(article, "")
    pos = raw.find(anchor)
    if pos < 0:
        return article, None, f"anchor not found in the raw text of {article}"
    middle = pos + len(anchor) // 2
    for start, end, sid in intervals.get(article, []):
        if start <= middle < end:
            return article, sid, None
    return article, None, "unsegmented: no statement holds the anchor's middle character"


def map_mentions(
    statements: pl.DataFrame, gold: GoldLike, *, articles: pl.DataFrame | None = None
) -> tuple[list[Mention], list[tuple[str | None, str | None]]]:
    """Map every gold mention and hard-negative anchor to a statement id.

    Returns
    -------
    (mentions, hard_negatives)
        ``mentions`` in gold order with ``statement_id`` None when unmapped
        (``problem`` says why); ``hard_negatives`` as pairs of statement ids.

    Warns
    -----
    UserWarning
        When an anchor cannot be found in its article's raw text (gold and
        corpus do not match), naming the claim and the article.
    """
    require(
        statements,
        ["statement_id", "article_id", "start", "end", "text"],
        name="statements",
        stage="evaluate",
    )
    data = load_gold(gold)
    texts = raw_texts(statements, articles)
    ids = sorted(set(statements["article_id"].to_list()) | set(texts))
    intervals: dict[str, list[tuple[int, int, str]]] = {}
    for sid, art, start, end in statements.select(
        "statement_id", "article_id", "start", "end"
    ).iter_rows():
        intervals.setdefault(art, []).append((start, end, sid))
    mentions: list[Mention] = []
    for claim in data["claims"]:
        for m in claim["mentions"]:
            article, sid, problem = _locate(m["doc"], m["anchor"], texts, ids, intervals)
            if problem and not problem.startswith("unsegmented") and articles is not None:
                warnings.warn(f"gold claim {claim['id']!r}: {problem}", stacklevel=2)
            mentions.append(
                Mention(
                    claim=str(claim["id"]),
                    narrative=str(claim["narrative"]),
                    doc=str(m["doc"]),
                    anchor=m["anchor"],
                    speaker=m.get("speaker"),
                    article_id=article,
                    statement_id=sid,
                    problem=problem,
                )
            )
    negatives = []
    for neg in data["hard_negatives"]:
        pair = tuple(
            _locate(neg[k]["doc"], neg[k]["anchor"], texts, ids, intervals)[1] for k in ("a", "b")
        )
        negatives.append((pair[0], pair[1]))
    return mentions, negatives
