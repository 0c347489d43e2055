"""Comparisons between outlets: coverage and omission, emphasis, framing.

:func:`compare` runs every measure and returns the tables by name (see
``narratives.schemas.COMPARISON_TABLES``); each measure is also a function of
its own:

=====================  ==========================================  ==============================
table                  function                                    schema
=====================  ==========================================  ==============================
coverage               :func:`coverage` (``by="outlet"``)          ``schemas.COVERAGE``
article_coverage       :func:`coverage` (``by="article"``)         ``schemas.ARTICLE_COVERAGE``
omissions              :func:`omissions`                           ``schemas.OMISSIONS``
omission_rates         :func:`omission_rates`                      ``schemas.OMISSION_RATES``
emphasis               :func:`emphasis`                            ``schemas.EMPHASIS``
emphasis_claims        :func:`emphasis_claims`                     ``schemas.EMPHASIS_CLAIMS``
emphasis_stories       :func:`emphasis_stories`                    ``schemas.EMPHASIS_STORIES``
emphasis_outlets       :func:`emphasis_outlets`                    ``schemas.EMPHASIS_OUTLETS``
reporting_verbs        :func:`reporting_verbs`                     ``schemas.REPORTING_VERBS``
voices                 :func:`voices`                              ``schemas.VOICES``
labels                 :func:`label_choices`                       ``schemas.LABELS``
substitutions          :func:`substitutions`                       ``schemas.SUBSTITUTIONS``
house_style            :func:`house_style`                         ``schemas.HOUSE_STYLE``
headlines              :func:`headlines`                           ``schemas.HEADLINES``
distinguishing_terms   :func:`distinguishing_terms`                ``schemas.DISTINGUISHING_TERMS``
discrepancies          :func:`discrepancies`                       ``schemas.DISCREPANCIES``
stories                :func:`narratives.group_stories`            ``schemas.STORIES``
story_summary          :func:`narratives.stories.story_summary`    ``schemas.STORY_SUMMARY``
talking_points         :func:`narratives.stories.talking_points`   ``schemas.TALKING_POINTS``
copies                 :func:`narratives.stories.copies`           ``schemas.COPIES``
reliability            :func:`narratives.stories.reliability_notes` ``schemas.RELIABILITY``
=====================  ==========================================  ==============================

Every row names the statements behind it, so a chart can link to evidence.

On a large corpus (:data:`BESIDE_MIN_STATEMENTS` statements or more, two usable
cores) :func:`compare` works out the omissions here while a second Python process
computes the tables that do not read them (:mod:`narratives.compare._worker`): the
same functions on the same frames, so the same tables.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np
import polars as pl

from narratives import schemas
from narratives._callable import make_callable
from narratives._progress import phases
from narratives.compare import _worker
from narratives.compare._text import with_tokens
from narratives.compare.coverage import coverage
from narratives.compare.discrepancies import discrepancies
from narratives.compare.emphasis import (
    FURNITURE_CHARS,
    emphasis,
    emphasis_claims,
    emphasis_outlets,
    emphasis_stories,
)
from narratives.compare.headlines import headlines
from narratives.compare.house_style import house_style
from narratives.compare.labels import LabelSource, label_choices, load_contexts, load_labels
from narratives.compare.logodds import distinguishing_terms, log_odds_z
from narratives.compare.omissions import Comparable, bootstrap_rate, omission_rates, omissions
from narratives.compare.substitutions import substitutions
from narratives.compare.verbs import reporting_verbs
from narratives.compare.voices import voices
from narratives.engine.local import release_memory, usable_cores

__all__ = [
    "bootstrap_rate",
    "compare",
    "coverage",
    "discrepancies",
    "distinguishing_terms",
    "emphasis",
    "emphasis_claims",
    "emphasis_outlets",
    "emphasis_stories",
    "headlines",
    "house_style",
    "label_choices",
    "load_contexts",
    "load_labels",
    "log_odds_z",
    "omission_rates",
    "omissions",
    "reporting_verbs",
    "substitutions",
    "voices",
    "with_tokens",
]


def compare(
    articles: pl.DataFrame | None,
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame,
    entity_mentions: pl.DataFrame | None = None,
    *,
    stories: pl.DataFrame | None = None,
    story_options: dict[str, Any] | None = None,
    comparable: Comparable = "story",
    carried_score: float = 35.0,
    talking_point_threshold: float | None = None,
    window_days: int | None = None,
    labels: LabelSource = "labels.yaml",
    lede: int = 1,
    aligned_only: bool | None = None,
    top_n: int = 30,
    n_boot: int = 1000,
    level: float = 0.95,
    rng: np.random.Generator | int | None = 0,
    absent_min_outlets: int = 2,
    article_absent: bool = False,
    progress: bool = False,
    **options: Any,
) -> dict[str, pl.DataFrame]:
    """Run every comparison and return the tables by name.

    Parameters
    ----------
    articles
        ``schemas.ARTICLES`` (its outlets complete the coverage matrix, so
        an outlet with no statement still shows every claim as absent);
        may be ``None``.
    statements, alignments, claims
        ``schemas.STATEMENTS``, ``schemas.ALIGNMENTS``, ``schemas.CLAIMS``.
    entity_mentions
        ``schemas.ENTITY_MENTIONS``, to type entity discrepancies (optional).
    stories
        ``schemas.STORIES`` (an article's story); computed with
        :func:`narratives.group_stories` when not given (from ``articles``,
        or from the statements' text when ``articles`` is ``None``).
    story_options
        Keyword arguments of :func:`narratives.group_stories`.
    talking_point_threshold
        Least mean similarity of a talking point (see
        :func:`narratives.stories.talking_points`; default its own, 0.55).
    comparable, carried_score, window_days
        When an outlet counts as comparable for an omission, and when its
        closest statement counts as carrying the claim (see :func:`omissions`).
    labels
        Label lexicon for :func:`label_choices` (file name, path or mapping).
    lede
        Body statements that form the lede (:func:`emphasis`).
    aligned_only, top_n
        :func:`distinguishing_terms` on statements of claims several outlets
        carried (None or True, the default) or on every statement (False);
        terms kept.
    n_boot, level, rng
        Bootstrap of :func:`omission_rates` (``rng``: generator or seed).
    absent_min_outlets
        ``coverage`` gets ``absent`` rows for the claims carried by at least
        this many outlets (default 2: every shared claim; a claim one outlet
        alone carried shows as ``sole``). 1 gives the full claims x outlets
        matrix, which on a large corpus is mostly singletons.
    article_absent
        Include ``absent`` rows in ``article_coverage`` (claims x articles).
    progress
        Progress bars on the long loops.
    **options
        Passed on by name: ``substitutions_options``, ``house_style_options``,
        ``terms_options``, ``discrepancies_options``, ``talking_points_options``;
        ``all_text`` and ``talking_point_threshold`` as the CLI names them
        (dicts of keyword arguments).

    Returns
    -------
    dict[str, pl.DataFrame]
        One frame per name of ``schemas.COMPARISON_TABLES``.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "b:0"], "article_id": ["a", "b"],
    ...     "outlet": ["sana", "rt"], "position": [0, 0], "text": ["قال لافروف", "قال لافروف"],
    ...     "is_headline": [False, False], "speaker": ["lavrov"] * 2, "cue": ["قال"] * 2,
    ...     "cue_class": ["neutral"] * 2, "quote": ["none"] * 2})
    >>> al = pl.DataFrame({"statement_id_a": ["a:0"], "statement_id_b": ["b:0"],
    ...     "outlet_a": ["sana"], "outlet_b": ["rt"], "score": [100.0], "relation": ["verbatim"]})
    >>> cl = pl.DataFrame({"claim_id": ["c0", "c0"], "statement_id": ["a:0", "b:0"],
    ...     "article_id": ["a", "b"], "outlet": ["sana", "rt"]})
    >>> tables = compare(None, st, al, cl)
    >>> sorted(tables) == sorted(schemas.COMPARISON_TABLES)
    True
    >>> tables["coverage"]["status"].to_list()
    ['verbatim', 'verbatim']
    """
    # the names of `narratives compare` options, as `narratives report` passes them on
    if "all_text" in options:
        aligned_only = not options.pop("all_text")
    if "talking_point_threshold" in options:
        threshold = options.pop("talking_point_threshold")
        if threshold is not None:
            options["talking_points_options"] = {
                **options.get("talking_points_options", {}),
                "threshold": threshold,
            }
    unknown = set(options) - {
        "talking_points_options",
        "substitutions_options",
        "house_style_options",
        "terms_options",
        "discrepancies_options",
    }
    if unknown:
        raise TypeError(f"compare: unknown options {sorted(unknown)}")
    schemas.require(
        statements,
        ("statement_id", "article_id", "outlet", "text"),
        name="statements",
        stage="compare",
    )
    outlets = None
    if articles is not None:
        schemas.require(articles, ("article_id", "outlet"), name="articles", stage="compare")
        outlets = sorted(
            set(articles["outlet"].drop_nulls().to_list())
            | set(statements["outlet"].drop_nulls().to_list())
        )
    # the stories package imports compare._text: imported here, not at the top
    from narratives.stories import articles_from_statements, group_stories, reliability_notes

    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    line = phases("compare", 5, progress=progress)
    line.step("stories", f"{statements['article_id'].n_unique():,} articles")
    if stories is None:
        stories = group_stories(
            articles if articles is not None else articles_from_statements(statements),
            statements,
            alignments,
            **(story_options or {}),
        )
    else:
        schemas.require(stories, ("article_id", "story_id"), name="stories", stage="compare")
    # the stories' features freed: their pages back to the system before the second
    # process starts and the omissions fork their workers from this one
    release_memory()
    # the tables that do not read the omissions run meanwhile, in a second process on a
    # large corpus (the two cores at once), else here after them. Only those tables read
    # the statements' normalized tokens (`with_tokens`): they are made where they run, so
    # this process does not hold them through the omissions
    separate = statements.height >= BESIDE_MIN_STATEMENTS and usable_cores() > 1
    beside = partial(
        _worker.start,
        "narratives.compare._beside_tables",
        {
            # emphasis reads the articles' spans (a standfirst after the credit line) and
            # their openings (a caption or byline before the lede: FURNITURE_CHARS)
            "articles": None
            if articles is None
            else articles.select(
                *(c for c in ("article_id", "spans") if c in articles.columns),
                *(
                    [pl.col("raw_text").str.slice(0, FURNITURE_CHARS + 4)]
                    if "raw_text" in articles.columns
                    else []
                ),
            ),
            "statements": statements,
            "alignments": alignments,
            "claims": claims,
            "entity_mentions": entity_mentions,
            "stories": stories,
        },
        {
            "lede": lede,
            "labels": labels,
            "aligned_only": aligned_only,
            "top_n": top_n,
            # the second process's bars would mix with this one's line
            "progress": progress and not separate,
            "options": {
                **options,
                "talking_points_options": {
                    **(
                        {"threshold": talking_point_threshold}
                        if talking_point_threshold is not None
                        else {}
                    ),
                    **options.get("talking_points_options", {}),
                },
            },
        },
    )
    # the second process's own maps fork no workers (BESIDE_CORES): the omissions here
    # use the two cores already, and its workers' pages were the tree's peak
    pending = beside(separate=True, cores=BESIDE_CORES) if separate else None
    line.step(
        "omissions",
        f"{claims['claim_id'].n_unique():,} claims"
        + (" (emphasis, framing, terms, discrepancies meanwhile)" if separate else ""),
    )
    omitted, other_words = omissions(
        statements,
        claims,
        stories,
        comparable=comparable,
        carried_score=carried_score,
        window_days=window_days,
        other_words=True,
    )
    line.step("coverage, omission rates")
    here = {
        "coverage": coverage(
            statements,
            alignments,
            claims,
            by="outlet",
            absent_min_outlets=absent_min_outlets,
            outlets=outlets,
            stories=stories,
            omissions=omitted if comparable == "story" else None,
            other_words=other_words if comparable == "story" else None,
        ),
        "article_coverage": coverage(
            statements, alignments, claims, by="article", absent=article_absent
        ),
        "omissions": omitted,
        "omission_rates": omission_rates(
            omitted,
            claims,
            stories if comparable == "story" else None,
            n_boot=n_boot,
            level=level,
            rng=gen,
        ),
        "stories": stories,
    }
    del omitted, other_words
    release_memory()  # the omissions' features, before this process waits and reads back
    line.step(
        "emphasis, framing, terms, discrepancies, talking points",
        "(the second process)" if separate else "",
    )
    done = pending.result() if pending is not None else beside(separate=False).result()
    tables = {**here, **done}
    tables = {name: tables[name] for name in _ORDER}
    line.step("reliability")
    tables["reliability"] = reliability_notes(
        {**tables, "claims": claims, "alignments": alignments}
    )
    line.close(f"{len(tables)} tables")
    return tables


#: the tables of :func:`compare`, in the order it returns them (reliability last)
_ORDER = (
    "coverage",
    "article_coverage",
    "omissions",
    "omission_rates",
    "emphasis",
    "emphasis_claims",
    "emphasis_stories",
    "emphasis_outlets",
    "reporting_verbs",
    "voices",
    "labels",
    "substitutions",
    "headlines",
    "house_style",
    "distinguishing_terms",
    "discrepancies",
    "stories",
    "story_summary",
    "talking_points",
    "copies",
)
#: statements from which :func:`compare` computes the tables that do not read the
#: omissions in a second process (below, starting it costs more than it saves)
BESIDE_MIN_STATEMENTS = 20_000
#: cores the second process's own maps may use (None: all): 1, as the omissions fork
#: their workers meanwhile. On all SaudiNewsNet its two forked workers (the aligned
#: differences) added about 0.7 GB to the process tree at its peak, while the two
#: cores were the omissions' workers' (docs/scale.md, perf14)
BESIDE_CORES: int | None = 1


def _beside_tables(
    *,
    articles: pl.DataFrame | None,
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame,
    entity_mentions: pl.DataFrame | None,
    stories: pl.DataFrame,
    lede: int,
    labels: LabelSource,
    aligned_only: bool | None,
    top_n: int,
    progress: bool,
    options: dict[str, Any],
) -> dict[str, pl.DataFrame]:
    """The tables of :func:`compare` that do not read the omissions.

    ``statements`` are given their normalized tokens here (:func:`with_tokens`, once
    for all these tables); ``options`` those of
    :func:`compare` (``talking_points_options`` with its threshold). Run by
    :func:`compare` in a second process (:mod:`narratives.compare._worker`) on a
    large corpus, while it works out the omissions.
    """
    from narratives.stories import copies, story_summary, talking_points

    statements = with_tokens(statements)  # normalize and tokenize the text once
    emph = emphasis(statements, claims, articles=articles, lede=lede)
    emph_claims = emphasis_claims(emph, claims)
    emph_stories = emphasis_stories(emph, claims, stories)
    sub_options = options.get("substitutions_options", {})
    style_options = options.get("house_style_options", {})
    diffs = _shared_differences(
        statements,
        alignments,
        claims,
        sub_options,
        style_options,
        progress=progress,
        article_stories=stories,
    )
    # house style first: its spelling pairs fold variants in distinguishing_terms
    style = house_style(statements, alignments, claims, differences=diffs, **style_options)
    return {
        "emphasis": emph,
        "emphasis_claims": emph_claims,
        "emphasis_stories": emph_stories,
        # over the claims of shared stories, each read in that story's articles
        "emphasis_outlets": emphasis_outlets(emph_stories),
        "reporting_verbs": reporting_verbs(statements),
        "voices": voices(statements, stories),
        "labels": label_choices(statements, labels=labels),
        "substitutions": substitutions(
            statements,
            alignments,
            claims,
            progress=progress,
            differences=diffs,
            article_stories=stories,
            **sub_options,
        ),
        "headlines": headlines(statements, claims, stories, emph),
        "house_style": style,
        "distinguishing_terms": distinguishing_terms(
            statements,
            alignments,
            claims=claims,
            scope="all" if aligned_only is False else "aligned",
            top_n=top_n,
            variants=style,
            **options.get("terms_options", {}),
        ),
        "discrepancies": discrepancies(
            statements,
            alignments,
            claims,
            entity_mentions,
            stories=stories,
            **options.get("discrepancies_options", {}),
        ),
        "story_summary": story_summary(stories),
        "talking_points": talking_points(
            statements, claims, stories, **options.get("talking_points_options", {})
        ),
        "copies": copies(stories, statements)
        if "copy_of" in stories.columns
        else pl.DataFrame(schema=schemas.COPIES),
    }


def _shared_differences(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame,
    sub_options: dict[str, Any],
    style_options: dict[str, Any],
    *,
    progress: bool = False,
    article_stories: pl.DataFrame | None = None,
) -> pl.DataFrame | None:
    """The aligned differences read by both ``substitutions`` and ``house_style``, once.

    None when their options ask for different differences (each then computes its own).
    ``article_stories``: the stories, so that two events of days apart told in one
    template are no word choice (:func:`~narratives.compare.substitutions.aligned_differences`).
    """
    import inspect

    from narratives.compare._common import same_claim_pairs
    from narratives.compare.substitutions import aligned_differences

    def chosen(fn: Any, given: dict[str, Any]) -> dict[str, Any]:
        params = inspect.signature(fn).parameters
        return {
            k: given.get(k, params[k].default if k in params else None)
            for k in ("stories", "relations", "max_span", "opcodes", "indels", "clitics")
        }

    sub, style = chosen(substitutions, sub_options), chosen(house_style, style_options)
    # house_style diffs with indels off and clitics stripped
    style.update(indels=False, clitics=True)
    if sub != style:
        return None
    pairs = same_claim_pairs(
        alignments, claims, stories=sub["stories"], relations=tuple(sub["relations"])
    )
    return aligned_differences(
        statements,
        pairs,
        max_span=sub["max_span"],
        indels=sub["indels"],
        clitics=sub["clitics"],
        opcodes=sub["opcodes"],
        progress=progress,
        # the rows the two tables read (the other bins are not computed)
        bins=("house_style", "word_choice")
        + (("function",) if sub_options.get("function_spans") else ()),
        article_stories=article_stories,
    )


make_callable(__name__, compare)
