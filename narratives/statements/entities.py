"""Gazetteer matching: actors and entities mentioned in statements.

Names, titles and variant spellings from ``actors.yaml`` and ``entities.yaml``
are matched on match-normalized tokens (hamza, alif maqsura, ta marbuta,
diacritics ignored), after the proclitics و ف ب ل ك where the rest is a known
name (``للولايات المتحدة``, ``بلافروف``). Matches are longest-first and never
overlap; their offsets point into ``raw_text`` and stay tight: in
``تنظيم “داعش” الإرهابي`` the mention is ``داعش``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from narratives.schemas import ENTITY_MENTIONS, conform, require
from narratives.statements._lexicon import Entry, Lexicon, Source
from narratives.statements._nlp import Feat


@dataclass(slots=True)
class Match:
    """Tokens ``[i, j)`` naming something; ``resolved`` is filled in context."""

    i: int
    j: int
    start: int
    end: int
    entries: list[Entry]
    resolved: str | None = None

    @property
    def is_actor(self) -> bool:
        return any(e.is_actor for e in self.entries)

    @property
    def is_person_name(self) -> bool:
        return any(e.kind == "name" and e.type == "person" for e in self.entries)


def match_phrases(
    starts: list[int], ends: list[int], feats: list[Feat], lex: Lexicon
) -> list[Match]:
    """Longest non-overlapping gazetteer matches in a token sequence."""
    out: list[Match] = []
    n = len(feats)
    i = 0
    while i < n:
        heads = feats[i].heads
        if not heads:
            i += 1
            continue
        best: tuple[int, tuple[str, ...], int] | None = None
        for strip, keys in heads:
            for key in keys:  # longest first
                size = len(key)
                if best is not None and size <= best[0]:
                    break
                if i + size <= n and all(feats[i + m].norm == key[m] for m in range(1, size)):
                    best = (size, key, strip)
                    break
        if best is None:
            i += 1
            continue
        size, key, strip = best
        if key in lex.contexts and not _in_context(i, size, feats, lex.contexts[key]):
            i += 1  # القاعدة المتينة: "the base", not the group
            continue
        out.append(Match(i, i + size, starts[i] + strip, ends[i + size - 1], lex.phrases[key]))
        i += size
    return out


def _in_context(
    i: int, size: int, feats: list[Feat], context: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """A context-bound name (``القاعدة``) next to a word that ties it to its referent."""
    before, after = context
    if i > 0 and any(form in before for form, _ in feats[i - 1].variants):
        return True
    nxt = i + size
    return nxt < len(feats) and any(form in after for form, _ in feats[nxt].variants)


def entity_rows(
    matches: list[Match], raw_text: str, lex: Lexicon, *, statement_id: str
) -> list[dict[str, Any]]:
    """ENTITY_MENTIONS rows (without article columns) for resolved matches."""
    rows = []
    for m in matches:
        if m.resolved is None:
            continue
        rows.append(
            {
                "statement_id": statement_id,
                "entity_id": m.resolved,
                "entity_type": lex.entity_type(m.resolved),
                "mention": raw_text[m.start : m.end],
                "start": m.start,
                "end": m.end,
            }
        )
    return rows


def extract_entities(
    statements: pl.DataFrame,
    articles: pl.DataFrame,
    *,
    entities: Source = None,
    actors: Source = None,
    verbs: Source = None,
    max_chars: int = 250,
    progress: bool = False,
) -> pl.DataFrame:
    """Actors, places, organisations and groups mentioned in each statement.

    Every gazetteer match in the articles' kept text is resolved in context
    (titles such as ``الوزير الروسي`` to the actor the article introduced) and
    assigned to the statement whose ``[start, end)`` holds it.

    Parameters
    ----------
    statements
        A STATEMENTS table (:data:`narratives.schemas.STATEMENTS`), e.g. from
        :func:`narratives.extract_statements`.
    articles
        The ARTICLES table the statements came from.
    entities, actors, verbs
        Your own gazetteer / lexicon files, merged with the shipped ones.

    Returns
    -------
    pl.DataFrame
        :data:`narratives.schemas.ENTITY_MENTIONS`: one row per mention, with
        the surface form as written and offsets into ``raw_text``.

    Examples
    --------
    >>> import polars as pl
    >>> from narratives.statements import extract_statements
    >>> text = "قال لافروف إن تنظيم “داعش” الإرهابي يهدد سورية."
    >>> arts = pl.DataFrame({"article_id": ["a"], "raw_text": [text],
    ...     "spans": [[{"role": "body", "start": 0, "end": len(text)}]]})
    >>> st = extract_statements(arts)
    >>> extract_entities(st, arts).select("entity_id", "mention").rows()
    [('lavrov', 'لافروف'), ('isis', 'داعش'), ('syria', 'سورية')]
    """
    from narratives.statements.extract import _key, _run

    require(
        statements,
        ["statement_id", "article_id", "start", "end"],
        name="statements",
        stage="extract_entities",
    )
    sources = (_key(actors), _key(verbs), _key(entities), None)
    wanted = set(statements["article_id"].unique().to_list())
    subset = articles.filter(pl.col("article_id").is_in(list(wanted)))
    _, mentions = _run(subset, sources, max_chars=max_chars, progress=progress, mentions=True)
    return mentions_frame(mentions, statements)


def mentions_frame(mentions: list[dict[str, Any]], statements: pl.DataFrame) -> pl.DataFrame:
    """ENTITY_MENTIONS of the mention rows a statements run gave, assigned to ``statements``.

    A mention belongs to the statement of its article whose ``[start, end)``
    holds it (``statements`` may be a subset or an edited copy of what the run
    cut, so the run's own statement ids are not trusted).
    """
    found = conform(
        pl.DataFrame(mentions, schema_overrides=dict(ENTITY_MENTIONS)), ENTITY_MENTIONS
    ).drop("statement_id")
    spans = statements.select(
        "statement_id",
        "article_id",
        "start",
        "end",
        *(["outlet"] if "outlet" in statements.columns else []),
    )
    joined = (
        found.drop("outlet")
        .join(spans.rename({"start": "s_start", "end": "s_end"}), on="article_id")
        .filter((pl.col("start") >= pl.col("s_start")) & (pl.col("end") <= pl.col("s_end")))
        .sort("article_id", "start")
    )
    return conform(joined.drop("s_start", "s_end"), ENTITY_MENTIONS).select(list(ENTITY_MENTIONS))
