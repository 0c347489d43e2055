"""Omissions: claims an outlet left out of a story it covered.

"Outlet X left out claim C" is only said when X covered the same story
(``schemas.STORIES``: one event, one or more outlets, a few days) and none of
X's statements in that story carries C, in any wording: X's closest
statement to C's statements in the story is scored (see
:mod:`narratives.compare._closest`) and shown on the row, so a reader can
judge a near miss; when it scores ``carried_score`` or more, X is taken to
carry C in other words and no omission is listed. An outlet that did not
cover the story omits nothing in it. Each row says how sure it is
(``certainty``: ``"sure"`` or ``"not sure"``, with a plain ``why``; see
:mod:`narratives.compare._certainty`): a near miss, a claim whose words are
spread over the outlet's text, a formula, an outlet with a headline only,
another event told in a round-up beside the story's (or in the item after its
«من جهة أخرى»), courtesy to the rulers, commentary (unnamed analysts, a hedge,
stock phrases of purpose and praise), a wish or a prayer, a recalled earlier
fact (background), a claim of another day than all the outlet's articles of
the story (two moments of one event), a claim whose articles share no
statement with the outlet's articles of the story (another part: another
chapter, another release) are ``"not sure"``.
A claim whose statements hold fewer than three words once web and mail
addresses are taken out ("www.gdp.gov.sa .", a byline), or fewer than four
content words (a piece of a quote the sentence splitter cut, «الطيار الثاني
حي.»; a formula, «إنا لله وإنا إليه راجعون»), is nobody's omission: too
little to tell a reworded claim from a missing one.

A claim carried but for a part is listed too (``omitted_part``): a news
sentence often holds several facts, and an outlet giving most of them passes
the whole-statement test. Each claim statement is cut at clause boundaries,
its attribution frame and dates masked, and a part (four content words or
more) that at least two outlets give and the outlet's text of the story
mostly lacks (see :mod:`narratives.compare._parts`) makes a row, asked of the
outlets taken to carry the claim and of the claim's own outlets; its
``carried_by`` are the outlets giving that part. Such a row is a claim *partly
given* (``why`` "partly given: ..."), ``not sure`` unless the part holds a
figure (none of which the outlet's text gives: «لا تتجاوز 10 كم») and at most a
fifth of its words are in the outlet's text: read blind, the parts the
outlets left out were as often the setting, the protocol or a reworded phrase
of a fact they gave («في كلمة له في احتفال تخريج دفعات جديدة» against «في كلمته
خلال الحفل», «يرافقه مساعد مدير عام الجوازات ...», a weight written out in words
beside its figure) as a fact of their own.

Other, looser rules remain available (``comparable=``):

``"story"`` (default)
    The outlet covered the claim's story (see above).
``"speaker"``
    The outlet reported the claim's (most frequent) speaker.
``"window"``
    The outlet published anything within ``window_days`` of the claim.
``"all"``
    Every outlet of the corpus.

``window_days`` narrows ``"speaker"``: the comparable articles must be
published within that many days of an article carrying the claim. Articles
with an unknown date never qualify under a window.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal, overload

import numpy as np
import polars as pl

from narratives import schemas
from narratives.compare._certainty import (
    NOT_SURE,
    SURE,
    another_item,
    another_part,
    certainty,
    commentary,
    courtesy,
    formulas_and_background,
    market_moments,
    moments,
    previews,
    round_up,
)
from narratives.compare._closest import CLOSEST, ClosestLabels, _figures, closest_pairs
from narratives.compare._common import CLAIM_COLUMNS, check, claim_facts

Comparable = Literal["story", "speaker", "window", "all"]
COMPARABLE: tuple[str, ...] = ("story", "speaker", "window", "all")


def _article_dates(statements: pl.DataFrame) -> pl.DataFrame:
    if "published" not in statements.columns:
        return statements.select("article_id", pl.lit(None, pl.Date).alias("published")).unique()
    return statements.group_by("article_id").agg(pl.col("published").drop_nulls().first())


def _within(window_days: int | None) -> pl.Expr:
    if window_days is None:
        return pl.lit(True)
    gap = (pl.col("published") - pl.col("published_other")).dt.total_days().abs()
    return gap <= window_days


def _candidates(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    facts: pl.DataFrame,
    *,
    comparable: str,
    window_days: int | None,
    units: list[str | None],
    max_evidence: int,
) -> pl.DataFrame:
    """(claim_id, outlet, shared_claims, evidence_article_ids) of comparable outlets."""
    dates = _article_dates(statements)
    none = pl.lit(None, pl.Int32).alias("shared_claims")
    if comparable == "all" and window_days is None:
        return (
            facts.select("claim_id")
            .join(pl.DataFrame({"outlet": units}, schema={"outlet": pl.String}), how="cross")
            .with_columns(none, evidence_article_ids=pl.lit([], pl.List(pl.String)))
        )
    docs = statements.select(
        "article_id", "outlet", *(["speaker"] if comparable == "speaker" else [])
    ).unique()
    if comparable == "speaker":
        docs = docs.drop_nulls("speaker")
        if window_days is None:  # per speaker and outlet first: no claims x articles rows
            return (
                docs.sort("article_id")
                .group_by("speaker", "outlet")
                .agg(
                    pl.col("article_id")
                    .unique()
                    .sort()
                    .head(max_evidence)
                    .alias("evidence_article_ids")
                )
                .join(facts.drop_nulls("speaker").select("claim_id", "speaker"), on="speaker")
                .select("claim_id", "outlet", none, "evidence_article_ids")
            )
        docs = docs.join(facts.drop_nulls("speaker").select("claim_id", "speaker"), on="speaker")
    else:
        if window_days is None:
            raise ValueError("omissions: comparable='window' needs window_days")
        docs = facts.select("claim_id").join(docs.select("article_id", "outlet"), how="cross")
    spans = (
        claims.select("claim_id", "article_id")
        .join(dates, on="article_id", how="left")
        .group_by("claim_id")
        .agg(pl.col("published").min().alias("first"), pl.col("published").max().alias("last"))
    )
    days = pl.duration(days=window_days)
    return (
        docs.select("claim_id", "article_id", "outlet")
        .join(dates.rename({"published": "published_other"}), on="article_id")
        .join(spans, on="claim_id")
        .filter(
            (pl.col("published_other") >= pl.col("first") - days)
            & (pl.col("published_other") <= pl.col("last") + days)
        )
        .group_by("claim_id", "outlet")
        .agg(pl.col("article_id").unique().sort().head(max_evidence).alias("evidence_article_ids"))
        .with_columns(none)
    )


def content_counts(texts: Sequence[str], counted: np.ndarray) -> list[int | None]:
    """Distinct content tokens of the ``counted`` texts (None for the others).

    The counts of ``content_tokens(texts)`` (its known words for clitic
    stripping, and its negations typed joined to their verb, are every
    text's), tokenizing only the texts counted.

    Examples
    --------
    >>> content_counts(["وقال لافروف إن الإرهاب خطر", "الإرهاب خطر"], np.array([False, True]))
    [None, 2]
    """
    from narratives.compare._tokens import content_tokens_in_parts, words_in_parts

    rows = np.flatnonzero(counted).tolist()
    # the known words and joined negations are every text's: their words are read, and
    # only the texts counted are normalized (in parts on the usable cores)
    normalized, words = words_in_parts(list(texts), rows)
    # tokenized in parts on the usable cores: the counts of one call
    counts = content_tokens_in_parts(
        [texts[k] for k in rows],
        rows=range(len(rows)),
        then=_distinct_counts,
        normalized=normalized,
        distinct=words,
    )
    out: list[int | None] = [None] * len(texts)
    for k, c in zip(rows, counts, strict=True):
        out[k] = c
    return out


def _distinct_counts(tokens: list[list[str]]) -> list[int]:
    return [len(set(toks)) for toks in tokens]


#: what a speaker said follows the reporting verb: a complementizer, a colon or a quote
#: mark, or a participle of saying (قائلا، مضيفا، مؤكدا ...)
_SAID = re.compile(
    r"(?:^|\s)[وف]?(?:أن|إن|ان|بأن|بان|أنه|إنه|انه|بأنه|بانه|أنها|إنها|انها|بأنها|أنهم|إنهم|انهم)"
    r"(?=\s|$)|[:«»\"“”]|قائل|مضيف|مؤكد|مشير|موضح"
)


def quoted_mentions(statements: pl.DataFrame) -> pl.DataFrame:
    """``statements`` with ``speaker_mention`` dropped where it is no speaker.

    The closest-statement search leaves a statement's speaker mention out of its
    words (who speaks is another question than what is said). Two mentions are
    what the statement says, and their words are kept:

    * the words in quotes closing the statement (an opening quote just before
      it, a closing one and nothing but punctuation after): alyaum's «وأضاف
      "سأبدأ بزيارة الجرحى".» (SaudiNewsNet 2015-08-02) lost all its words that
      way, and "left out" Bahah's «وسأقوم على الفور بزيارة الجرحى»;
    * the subject and object of «أضاف» (added) when nothing was said: no
      complementizer, colon, quote mark or participle of saying anywhere in the
      statement. «وأضاف عبدالعزيز الدوسري الهدف الثاني في الدقيقة (74)» (alriyadh,
      2015-07-31) is a goal scored, not a quote; its mention «عبدالعزيز الدوسري
      الهدف الثاني» took the goal out of the search, and aljazirah's «فيما أحرز
      الهدف الثاني اللاعب عبدالعزيز الدوسري» scored 7 against it: a sure
      omission of a goal aljazirah reports.

    Examples
    --------
    >>> st = pl.DataFrame({"text": ['وأضاف "سأبدأ بزيارة الجرحى".', 'وقالت «فارو» إن الأمر انتهى',
    ...     "وأضاف أحمد عيد الهدف الثاني في الدقيقة 14", "وأضاف الزهراني أن الحالة مستقرة"],
    ...     "speaker_mention": ["سأبدأ بزيارة الجرحى", "فارو", "أحمد عيد الهدف الثاني", "الزهراني"],
    ...     "cue": ["أضاف", "قال", "أضاف", "أضاف"]})
    >>> quoted_mentions(st)["speaker_mention"].to_list()
    [None, 'فارو', None, 'الزهراني']
    """
    if not {"text", "speaker_mention"} <= set(statements.columns):
        return statements
    # statements with a mention that end in a closing quote, or whose cue is «أضاف»:
    # the few to read
    ends = pl.col("text").str.contains(r"[\"»”]\W*$").fill_null(False)
    added = (
        (pl.col("cue") == "أضاف").fill_null(False) if "cue" in statements.columns else pl.lit(False)
    )
    rows = statements.with_row_index("_row").filter(
        pl.col("speaker_mention").is_not_null() & (ends | added)
    )
    cues = rows["cue"].to_list() if "cue" in rows.columns else [None] * rows.height
    quoted = [
        r
        for (r, text, mention), cue in zip(
            rows.select("_row", "text", "speaker_mention").iter_rows(), cues, strict=True
        )
        if _quoted_at_end(text, mention) or (cue == "أضاف" and not _SAID.search(text))
    ]
    if not quoted:
        return statements
    hit = pl.int_range(pl.len()).is_in(quoted)
    return statements.with_columns(
        speaker_mention=pl.when(hit).then(None).otherwise(pl.col("speaker_mention"))
    )


#: an opening quote and spaces closing a text; spaces, a closing quote and no word after
_OPENS = re.compile(r"[\"«“]\s*\Z")
_CLOSES = re.compile(r"\s*[\"»”]\W*$")


def _quoted_at_end(text: str, mention: str) -> bool:
    """Does ``mention`` stand in quotes closing ``text`` (its quote, spaces and
    punctuation after it)? The search of ``["«“]\\s*MENTION\\s*["»”]\\W*$`` without a
    pattern compiled per mention (one each, about 1 ms, on every such statement)."""
    start = text.find(mention)
    while start >= 0:
        if _OPENS.search(text, 0, start) and _CLOSES.match(text, start + len(mention)):
            return True
        start = text.find(mention, start + 1)
    return False


def _no_closest() -> pl.DataFrame:
    return pl.DataFrame(schema={**CLOSEST, "_pair": pl.Int64})


def _own_rows(per: pl.DataFrame, cs: pl.DataFrame, covering: pl.DataFrame) -> pl.DataFrame:
    """(claim, story, outlet) of a claim's own outlets with the claim's statements of the
    other outlets (``statement_ids``) and its own (``closest_statement_id``): the parts
    of claims are asked of them too (see :func:`_part_rows`)."""
    mine = cs.select("claim_id", "story_id", "statement_id", s_outlet="outlet")
    return (
        per.select("claim_id", "story_id", outlet="strict_carriers")
        .explode("outlet")
        .drop_nulls("outlet")
        .join(mine, on=["claim_id", "story_id"])
        .sort("statement_id")
        .group_by("claim_id", "story_id", "outlet")
        .agg(
            pl.col("statement_id").filter(pl.col("s_outlet") != pl.col("outlet")),
            # the outlet's own statement of the claim: its wording, shown as the closest
            pl.col("statement_id")
            .filter(pl.col("s_outlet") == pl.col("outlet"))
            .first()
            .alias("closest_statement_id"),
        )
        .rename({"statement_id": "statement_ids"})
        .filter(pl.col("statement_ids").list.len() > 0)
        .join(covering, on=["story_id", "outlet"])
    )


def _narrow_stories(
    story_of: pl.DataFrame,
    cs: pl.DataFrame,
    statements: pl.DataFrame,
    min_outlets: int,
) -> pl.DataFrame:
    """``story_id`` of the stories with at most ``min_outlets`` outlets (the stories',
    the claims' and the statements' outlets; unknown counted as one more).

    A row needs its outlet and ``min_outlets`` others carrying the claim or the part
    left out: such a story can make none.
    """
    outlets = pl.concat(
        [
            story_of.select("story_id", outlet=pl.col("outlet").cast(pl.String)),
            cs.select("story_id", outlet=pl.col("outlet").cast(pl.String)),
            statements.select("article_id", outlet=pl.col("outlet").cast(pl.String))
            .join(story_of.select("article_id", "story_id"), on="article_id")
            .select("story_id", "outlet"),
        ]
    )
    return (
        outlets.group_by("story_id")
        .agg(pl.col("outlet").n_unique().alias("_k"))
        .filter(pl.col("_k") <= min_outlets)
        .select("story_id")
    )


def _story_rows(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    carried_score: float,
    shared_score: float,
    carried_containment: float,
    min_outlets: int,
    max_evidence: int,
    closest_options: dict[str, Any] | None,
    min_words: int = 3,
    min_content: int = 4,
    parts: bool = True,
    other_words: list[pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Omission rows of the story rule (see the module docs), before the final columns.

    With a list as ``other_words``, the outlets judged to carry a claim in other
    words (no row) are appended to it as ``schemas.OTHER_WORDS`` rows.
    """
    story_of = stories.select("article_id", "story_id", "outlet").unique("article_id")
    # (claim, story): the claim's statements in the story and the outlets carrying it there
    cs = claims.select("claim_id", "statement_id", "article_id", "outlet").join(
        story_of.select("article_id", "story_id"), on="article_id", how="inner"
    )
    per = (
        cs.sort("statement_id")
        .group_by("claim_id", "story_id")
        .agg(
            pl.col("statement_id").alias("statement_ids"),
            pl.col("outlet").drop_nulls().unique().sort().alias("strict_carriers"),
        )
    )
    covering = (
        story_of.drop_nulls("outlet")
        .sort("article_id")
        .group_by("story_id", "outlet")
        .agg(pl.col("article_id").head(max_evidence).alias("evidence_article_ids"))
    )
    if (min_words > 0 or min_content > 0) and "text" in statements.columns:
        # a web address, a byline, a photo credit, a piece of a cut quote («الطيار الثاني
        # حي.»): not a claim anyone can leave out. Only a (claim, story) with an outlet
        # that may have left it out, or carried by two outlets, can make a row: the words
        # of the others' statements are not counted (their known words still count)
        texts = (
            statements.select("statement_id", "text")
            .join(cs.select("statement_id").unique(), on="statement_id", how="semi")
            .select(
                "statement_id",
                _t=pl.col("text")
                .fill_null("")
                .str.replace_all(r"(?:https?://|www\.)\S+|\S+@\S+", " "),
            )
        )
        asked = per.join(covering.select("story_id", "outlet"), on="story_id").filter(
            ~pl.col("outlet").is_in(pl.col("strict_carriers"))
        )
        relevant = pl.concat(
            [
                asked.select("claim_id", "story_id"),
                per.filter(pl.col("strict_carriers").list.len() >= 2).select(
                    "claim_id", "story_id"
                ),
            ]
        ).unique()
        counted = texts["statement_id"].is_in(
            cs.join(relevant, on=["claim_id", "story_id"], how="semi")["statement_id"].implode()
        )
        n_words = texts.select(
            "statement_id",
            _n=pl.col("_t").str.count_matches(r"\p{L}{2,}"),
            _c=pl.Series(content_counts(texts["_t"].to_list(), counted.to_numpy()), dtype=pl.Int64),
        )
        worded = (
            cs.join(n_words, on="statement_id")
            .join(relevant, on=["claim_id", "story_id"], how="semi")
            .group_by("claim_id", "story_id")
            .agg(pl.col("_n", "_c").max())
            .filter((pl.col("_n") >= min_words) & (pl.col("_c") >= min_content))
        )
        per = per.join(
            worded.select("claim_id", "story_id"), on=["claim_id", "story_id"], how="semi"
        )
    # every other outlet of the story: did it carry the claim in other words?
    cand = per.join(covering, on="story_id").filter(
        ~pl.col("outlet").is_in(pl.col("strict_carriers"))
    )
    near_schema = {
        "closest_statement_id": pl.String,
        "closest_score": pl.Float64,
        "closest_relation": pl.String,
        "containment": pl.Float64,
        "synonym_containment": pl.Float64,
        "figure_match": pl.Boolean,
    }
    labels: ClosestLabels | None = None
    if cand.height and "text" in statements.columns:
        # only the claim statements and the outlets that may have left them out, in a
        # story that can make a row: in a story of min_outlets outlets or fewer none can
        # (see _narrow_stories); its closest statements are still worked out when they
        # decide whether its statements' words are known words of the parts of claims (a
        # story enters them with a row carried loosely, or of a claim's own outlet)
        narrow = _narrow_stories(story_of, cs, statements, min_outlets)
        if narrow.height and parts:
            narrow = narrow.join(
                _own_rows(per, cs, covering).select("story_id").unique(),
                on="story_id",
                how="semi",
            )
        needed = (
            cand.join(narrow, on="story_id", how="anti")
            .select("outlet", "statement_ids")
            .explode("statement_ids")
            .select(statement_id="statement_ids", other="outlet")
            .unique()
        )
        found = closest_pairs(
            quoted_mentions(statements),
            story_of.join(cand.select("story_id").unique(), on="story_id", how="semi"),
            needed=needed,
            align_options=closest_options,
        )
        # the closest statements' scoring leaves about 0.6 GB freed but kept by this
        # process on all of SaudiNewsNet, copied into the workers forked next (the parts and
        # the certainty rules): given back here (docs/scale.md, session 28)
        from narratives.engine.local import release_memory

        release_memory()
        # the relation labels (contradiction tests) wait for the rows: only the pairs
        # shown on a row are labelled (`_closest_pair`: the pair's number)
        near, labels = found if found is not None else (_no_closest(), None)
        best = (
            cand.select("claim_id", "story_id", "outlet", "statement_ids")
            .explode("statement_ids")
            .join(
                near.rename(
                    {"statement_id": "statement_ids", "other": "outlet", "_pair": "_closest_pair"}
                ),
                on=["statement_ids", "story_id", "outlet"],
                how="inner",
            )
            .sort("closest_score", "closest_statement_id", descending=[True, False])
            .group_by("claim_id", "story_id", "outlet", maintain_order=True)
            .agg(
                pl.col(
                    "closest_statement_id", "closest_score", "closest_relation", "_closest_pair"
                ).first(),
                pl.col("containment", "synonym_containment").max(),
                pl.col("figure_match").any(),
            )
        )
    else:
        best = pl.DataFrame(
            schema={
                "claim_id": pl.String,
                "story_id": pl.String,
                "outlet": pl.String,
                **near_schema,
                "_closest_pair": pl.Int64,
            }
        )
    cand = cand.join(best, on=["claim_id", "story_id", "outlet"], how="left")
    words = ((pl.col("containment") >= carried_containment) | pl.col("figure_match")).fill_null(
        False
    )
    # X carried C (no omission) on lenient evidence, words of one synonym group counted as
    # one (مروحية / هليكوبتر, lexicons/synonyms.tsv); X counts among C's carriers (C is
    # shared, so its absence elsewhere can be an omission) only on strong evidence, its
    # own words: a synonym makes no claim shared
    synonym = (pl.col("synonym_containment") >= carried_containment).fill_null(False)
    carried = words | synonym | (pl.col("closest_score") >= carried_score).fill_null(False)
    strong = words | (pl.col("closest_score") >= shared_score).fill_null(False)
    if other_words is not None:
        other_words.append(_other_words(cand, carried, carried_score, carried_containment))
    cand = cand.with_columns(_loose=carried, _strong=strong)
    # the containment shown (and read as near-miss evidence) is the one with synonyms
    cand = cand.with_columns(
        containment=pl.max_horizontal("containment", "synonym_containment")
    ).drop("synonym_containment")
    # carriers in the story: the claim's own outlets and those carrying it in other words
    loose = (
        cand.filter(pl.col("_strong"))
        .group_by("claim_id", "story_id")
        .agg(pl.col("outlet").sort().alias("loose_carriers"))
    )
    per = (
        per.join(loose, on=["claim_id", "story_id"], how="left")
        .with_columns(
            carried_by=pl.concat_list(
                "strict_carriers",
                pl.col("loose_carriers").fill_null(pl.lit([], pl.List(pl.String))),
            )
            .list.unique()
            .list.sort()
        )
        .with_columns(claim_outlets=pl.col("carried_by").list.len().cast(pl.Int32))
    )
    # claims the outlet shares with another outlet in this story: how well it covered it
    mine = cs.select("claim_id", "story_id", "outlet").unique()
    shared = (
        mine.join(
            per.filter(pl.col("strict_carriers").list.len() >= 2).select("claim_id", "story_id"),
            on=["claim_id", "story_id"],
        )
        .group_by("story_id", "outlet")
        .agg(pl.len().cast(pl.Int32).alias("shared_claims"))
    )
    whole = (
        cand.filter(~pl.col("_loose"))
        .drop("_loose", "_strong", "strict_carriers")
        .join(
            per.select("claim_id", "story_id", "carried_by", "claim_outlets"),
            on=["claim_id", "story_id"],
        )
        .filter(pl.col("claim_outlets") >= min_outlets)
        .with_columns(omitted_part=pl.lit(None, pl.String), part_share=pl.lit(None, pl.Float64))
    )
    if parts and "text" in statements.columns:
        whole = pl.concat(
            [
                whole,
                _part_rows(
                    statements,
                    story_of,
                    cand,
                    per,
                    cs,
                    covering,
                    whole,
                    min_outlets=min_outlets,
                    columns=whole.columns,
                ),
            ],
            how="vertical_relaxed",
        )
    whole = whole.join(shared, on=["story_id", "outlet"], how="left").with_columns(
        pl.col("shared_claims").fill_null(0)
    )
    if labels is not None:
        rel = labels.of(whole["_closest_pair"].drop_nulls().to_numpy())
        whole = (
            whole.join(
                rel.rename({"_pair": "_closest_pair", "closest_relation": "_rel"}),
                on="_closest_pair",
                how="left",
            )
            .with_columns(
                closest_relation=pl.when(pl.col("_closest_pair").is_not_null())
                .then(pl.col("_rel"))
                .otherwise(pl.col("closest_relation"))
            )
            .drop("_rel")
        )
    return whole.drop("_closest_pair")


def _other_words(
    cand: pl.DataFrame, carried: pl.Expr, carried_score: float, carried_containment: float
) -> pl.DataFrame:
    """``schemas.OTHER_WORDS``: the candidates ``carried`` holds, with the test that passed."""
    pct = (pl.col("containment") * 100).round(0).cast(pl.Int64)
    syn = (pl.col("synonym_containment") * 100).round(0).cast(pl.Int64)
    score = pl.col("closest_score").round(0).cast(pl.Int64)
    why = (
        pl.when((pl.col("containment") >= carried_containment).fill_null(False))
        .then(pl.format("{}% of the claim's words in one of its statements", pct))
        .when(pl.col("figure_match").fill_null(False))
        .then(pl.lit("gives a figure of the claim"))
        .when((pl.col("synonym_containment") >= carried_containment).fill_null(False))
        .then(pl.format("{}% of the claim's words, synonyms counted", syn))
        .otherwise(pl.format("closest statement scores {} (carried from {})", score,
                             pl.lit(round(carried_score))))
    )  # fmt: skip
    found = cand.filter(carried).with_columns(why=why)
    return schemas.conform(found, schemas.OTHER_WORDS).select(schemas.OTHER_WORDS.names())


def _part_rows(
    statements: pl.DataFrame,
    story_of: pl.DataFrame,
    cand: pl.DataFrame,
    per: pl.DataFrame,
    cs: pl.DataFrame,
    covering: pl.DataFrame,
    whole: pl.DataFrame,
    *,
    min_outlets: int,
    columns: list[str],
) -> pl.DataFrame:
    """Rows of claims an outlet carried but for a part (see :mod:`narratives.compare._parts`).

    Asked of the outlets taken to carry the claim in other words, and of the
    claim's own outlets (their statement of the claim may lack a clause the
    others give: «إلى المحكمة الاتحادية العليا»), against the claim's statements
    of the other outlets.
    """
    from narratives.compare._parts import left_out_parts

    loose = cand.filter(pl.col("_loose")).select(
        "claim_id", "story_id", "outlet", "statement_ids", "evidence_article_ids",
        "closest_statement_id", "closest_score", "closest_relation", "_closest_pair",
        "containment", "figure_match",
    )  # fmt: skip
    own = (
        _own_rows(per, cs, covering)
        .with_columns(
            closest_score=pl.lit(None, pl.Float64),
            closest_relation=pl.lit("same claim"),
            _closest_pair=pl.lit(None, pl.Int64),
            containment=pl.lit(None, pl.Float64),
            figure_match=pl.lit(None, pl.Boolean),
        )
        .select(loose.columns)
    )
    asked = pl.concat([loose, own], how="vertical_relaxed")
    found = left_out_parts(
        statements,
        story_of,
        asked.select("claim_id", "story_id", "outlet", "statement_ids"),
        listed=whole.select("story_id", "outlet", "statement_ids"),
        min_outlets=min_outlets,
    )
    rows = asked.drop("statement_ids").join(
        found, on=["claim_id", "story_id", "outlet"], how="inner"
    )
    return rows.select(
        *[c for c in columns if c not in {"statement_ids", "carried_by", "claim_outlets",
                                           "omitted_part", "part_share"}],
        statement_ids="part_statement_ids",
        carried_by="part_carriers",
        claim_outlets=pl.col("part_carriers").list.len().cast(pl.Int32),
        omitted_part="omitted_part",
        part_share="part_share",
    ).select(columns)  # fmt: skip


def _told_elsewhere(out: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """A whole-claim row is ``not sure`` when its outlet gives the claim elsewhere.

    The outlet has a statement of the claim in an article of another story (a
    second article on the event that the stories keep apart, a round-up): it
    did not leave the claim out, it printed it in another article. Read on all
    of SaudiNewsNet: almadina "left out" Van Gaal's 77 million pounds of
    signings, which its 2015-08-08:596 gives («وأنفق فريق فان غال ما يقارب 77
    مليون جنيه إسترليني»); aleqtisadiya "left out" an ambassador's appointment
    of the cabinet session that its appointments article lists. Rows already
    ``not sure`` keep their first reason; rows of a part are left as they are
    (the outlet carries the claim there by definition).
    """
    if out.is_empty():
        return out
    where = (
        claims.select("claim_id", "outlet", "article_id")
        .join(out.select("claim_id", "outlet").unique(), on=["claim_id", "outlet"], how="semi")
        .group_by("claim_id", "outlet")
        .agg(pl.col("article_id").min().alias("_elsewhere"))
    )
    out = out.join(where, on=["claim_id", "outlet"], how="left", maintain_order="left")
    hit = (
        pl.col("_elsewhere").is_not_null()
        & pl.col("omitted_part").is_null()
        & (pl.col("certainty") == "sure")
    )
    why = pl.format(
        "told elsewhere: the outlet gives this claim in another article ({}), outside this "
        "story: not left out",
        pl.col("_elsewhere"),
    )
    return out.with_columns(
        certainty=pl.when(hit).then(pl.lit("not sure")).otherwise(pl.col("certainty")),
        why=pl.when(hit).then(why).otherwise(pl.col("why")),
    ).drop("_elsewhere")


def _part_certainty(
    out: pl.DataFrame, *, sure_share: float = 0.2, min_words: int = 4
) -> pl.DataFrame:
    """How sure a row of a left-out part is (the whole-claim tests read the whole claim).

    A part row is a claim *partly given*: the outlet gives the rest of it. It is
    ``sure`` (for now: :func:`_partly_given` has the last word) when at most
    ``sure_share`` of the part's words are anywhere in the outlet's text of the
    story and the part has ``min_words`` content words or more; "partly given"
    with that share otherwise. A part is never a carried headline.
    """
    part = pl.col("omitted_part").is_not_null()
    share = pl.col("part_share").fill_null(0.0)
    words = pl.col("omitted_part").str.count_matches(r"\p{L}{2,}")
    # "little text" and "another matter" are of the story and the claim, not of the part
    little = pl.col("why").fill_null("").str.contains(r"^(?:little text|another matter)")
    sure = (share <= sure_share) & (words >= min_words) & ~little
    why = (
        pl.when(little)
        .then(pl.col("why"))
        .otherwise(
            pl.format(
                "partly given: the outlet gives the rest of this claim but not this part "
                "({}% of its words are in the outlet's text of the story)",
                (share * 100).round(0).cast(pl.Int64),
            )
        )
    )
    return out.with_columns(
        certainty=pl.when(part)
        .then(pl.when(sure).then(pl.lit(SURE)).otherwise(pl.lit(NOT_SURE)))
        .otherwise("certainty"),
        why=pl.when(part).then(pl.when(sure).then(None).otherwise(why)).otherwise("why"),
        carried=pl.when(part).then(False).otherwise("carried"),
    )


def _partly_given(out: pl.DataFrame) -> pl.DataFrame:
    """A ``sure`` part row is ``not sure`` unless the part holds a figure.

    After every other test (a formula, background or another moment keeps its
    own reason). The part is only listed when the outlet's text gives none of
    its figures: a missing figure is a fact the outlet did not print («بحيث
    يمكن الوصول لها في حدود مسافة لا تتجاوز 10 كم», aleqtisadiya, SaudiNewsNet
    2015-07-31). A part of words only is a claim *partly given*: read blind on
    SaudiNewsNet 2015-07-31 + 2015-08-09, such sure rows were as often the
    setting of a quote the outlet gives in other words («في كلمة له في احتفال
    تخريج دفعات جديدة» against «في كلمته خلال الحفل», four outlets), who
    accompanied a visit, titles, a time of day or a purpose clause half given
    as a fact of their own.
    """
    if out.is_empty():
        return out
    figure = pl.Series(
        [bool(t) and bool(_figures(t)) for t in out["omitted_part"].to_list()],
        dtype=pl.Boolean,
    )
    hit = (
        pl.col("omitted_part").is_not_null() & (pl.col("certainty") == SURE) & ~pl.lit(figure)
    )
    why = pl.lit(
        "partly given: the outlet gives the rest of this claim but not this part, "
        "which holds no figure (a setting, a detail or words it may give otherwise)"
    )
    return out.with_columns(
        certainty=pl.when(hit).then(pl.lit(NOT_SURE)).otherwise("certainty"),
        why=pl.when(hit).then(why).otherwise("why"),
    )


VERSIONS = ("short", "full")
"""``version`` of an omission row: the outlet ran a short version of the story
(its longest article there has fewer than half the statements of the longest
article giving the claim) or told it at length."""


def versions(
    out: pl.DataFrame,
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
) -> pl.DataFrame:
    """Whether each omission row's outlet ran a short version of the story or told it at length.

    The outlet's telling is its longest article in the story (``outlet_statements``:
    its statements, headline apart); the fuller telling is the longest article giving
    the claim there (``fuller_statements``). The row is ``"short"`` when the outlet's
    article has fewer than half the fuller one's statements, ``"full"`` otherwise;
    ``shared_statements`` counts the outlet's statements in a claim the fuller article
    also gives (most of them: the same wire or release, cut; none: another text). A
    short version leaving out the rest of a release is an omission the same-event golds
    count, but not one a journalist would print as a finding: read blind, sure rows
    of short versions and of stories told at length are not right equally often (see
    docs/accuracy.md). Takes and returns ``schemas.OMISSIONS`` rows of the story rule
    (``outlet``, ``story_id``, ``statement_ids``); the columns are null where a count
    cannot be made.
    """
    cols = ("version", "outlet_statements", "fuller_statements", "shared_statements")
    out = out.drop([c for c in cols if c in out.columns])
    if out.is_empty() or "story_id" not in out.columns:
        return out.with_columns(
            version=pl.lit(None, pl.String),
            outlet_statements=pl.lit(None, pl.Int32),
            fuller_statements=pl.lit(None, pl.Int32),
            shared_statements=pl.lit(None, pl.Int32),
        )
    body = statements
    if "is_headline" in statements.columns:
        body = statements.filter(~pl.col("is_headline").fill_null(False))
    size = body.group_by("article_id").agg(pl.len().cast(pl.Int32).alias("_n"))
    story_of = stories.select("article_id", "story_id", "outlet").unique("article_id")
    own = (
        story_of.join(size, on="article_id")
        .sort("_n", "article_id", descending=[True, False])
        .group_by("story_id", "outlet", maintain_order=True)
        .agg(pl.col("article_id").first().alias("_own"), pl.col("_n").first().alias("_on"))
    )
    rows = out.with_row_index("_row")
    fuller = (
        rows.select("_row", "story_id", statement_id="statement_ids")
        .explode("statement_id")
        .join(statements.select("statement_id", "article_id"), on="statement_id")
        .join(story_of.select("article_id", "story_id"), on=["article_id", "story_id"])
        .join(size, on="article_id")
        .sort("_n", "article_id", descending=[True, False])
        .group_by("_row", maintain_order=True)
        .agg(pl.col("article_id").first().alias("_full"), pl.col("_n").first().alias("_fn"))
    )
    rows = rows.join(own, on=["story_id", "outlet"], how="left").join(
        fuller, on="_row", how="left"
    )
    pairs = rows.select("_own", "_full").drop_nulls().unique()
    in_claims = claims.select("claim_id", "statement_id", "article_id")
    if "is_headline" in statements.columns:
        in_claims = in_claims.join(body.select("statement_id"), on="statement_id", how="semi")
    shared = (
        pairs.join(in_claims.rename({"article_id": "_own"}), on="_own")
        .join(
            in_claims.select(_full="article_id", claim_id="claim_id").unique(),
            on=["_full", "claim_id"],
            how="semi",
        )
        .group_by("_own", "_full")
        .agg(pl.col("statement_id").n_unique().cast(pl.Int32).alias("_sh"))
    )
    rows = rows.join(shared, on=["_own", "_full"], how="left")
    known = pl.col("_on").is_not_null() & pl.col("_fn").is_not_null()
    return (
        rows.with_columns(
            version=pl.when(~known)
            .then(pl.lit(None, pl.String))
            .when(pl.col("_on") * 2 < pl.col("_fn"))
            .then(pl.lit("short"))
            .otherwise(pl.lit("full")),
            outlet_statements=pl.col("_on"),
            fuller_statements=pl.col("_fn"),
            shared_statements=pl.when(known).then(pl.col("_sh").fill_null(0)),
        )
        .sort("_row")
        .drop("_row", "_own", "_on", "_full", "_fn", "_sh")
    )


@overload
def omissions(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame | None = ...,
    *,
    comparable: Comparable = ...,
    carried_score: float = ...,
    shared_score: float = ...,
    carried_containment: float = ...,
    window_days: int | None = ...,
    min_outlets: int | None = ...,
    outlets: Sequence[str] | None = ...,
    max_evidence: int = ...,
    closest_options: dict[str, Any] | None = ...,
    other_words: Literal[False] = ...,
) -> pl.DataFrame: ...


@overload
def omissions(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame | None = ...,
    *,
    comparable: Comparable = ...,
    carried_score: float = ...,
    shared_score: float = ...,
    carried_containment: float = ...,
    window_days: int | None = ...,
    min_outlets: int | None = ...,
    outlets: Sequence[str] | None = ...,
    max_evidence: int = ...,
    closest_options: dict[str, Any] | None = ...,
    other_words: Literal[True],
) -> tuple[pl.DataFrame, pl.DataFrame]: ...


def omissions(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame | None = None,
    *,
    comparable: Comparable = "story",
    carried_score: float = 35.0,
    shared_score: float = 55.0,
    carried_containment: float = 0.5,
    window_days: int | None = None,
    min_outlets: int | None = None,
    outlets: Sequence[str] | None = None,
    max_evidence: int = 10,
    closest_options: dict[str, Any] | None = None,
    other_words: bool = False,
) -> pl.DataFrame | tuple[pl.DataFrame, pl.DataFrame]:
    """Claims each outlet left out although comparable coverage elsewhere carried them.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``, ``outlet``,
        ``text``, ``speaker``, ``published`` are used).
    claims
        ``schemas.CLAIMS``.
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``, ``outlet``), for
        ``comparable="story"``; computed with :func:`narratives.group_stories`
        from the statements' text when not given.
    comparable
        Which outlets count as comparable for a claim: ``"story"``,
        ``"speaker"``, ``"window"`` or ``"all"`` (see the module docs).
    carried_score
        ``"story"``: when the outlet's closest statement in the story scores
        this much or more (0-100, the alignment's combined score, speaker
        penalty off) against the claim's statements, the outlet is taken to
        carry the claim in other words and no omission is listed. 35 was set
        on the same-event dev gold (docs/methods.md): above it, most "omitted"
        claims were in fact carried, reworded.
    shared_score
        ``"story"``: an outlet without a statement of the claim counts among
        its carriers (for ``min_outlets``) only when its closest statement
        scores this much (default 55, the alignment's paraphrase threshold),
        or passes ``carried_containment`` or the figure test: a claim is only
        called shared on strong evidence.
    carried_containment
        ``"story"``: the outlet is also taken to carry the claim when one of
        its statements in the story holds this share (0-1, IDF-weighted) of
        a claim statement's content words, or the reverse (a long sentence
        carrying several facts), or gives one of its figures (71 and
        71.08: within one event, one figure is one fact).
    window_days
        ``"speaker"``, ``"window"``: only articles published within this
        many days of the claim count.
    min_outlets
        Only claims carried by at least this many outlets. ``"story"``
        (default 2): outlets carrying it in the story, in other words
        included; a detail one outlet alone gave is its own, not an omission
        of the others (they are listed with ``min_outlets=1``). Other rules:
        default 1.
    outlets
        Restrict the outlets examined for omissions.
    max_evidence
        Cap on ``evidence_article_ids`` per row (the first ones by id).
    closest_options
        ``"story"``: keyword arguments of :func:`narratives.align` used to
        score the closest statements (e.g. ``embeddings``).
    other_words
        Also return, as a second frame (``schemas.OTHER_WORDS``), the outlets
        of a claim's story the rule judged to carry the claim in other words
        (so listed no omission), with their closest statement, its score and
        the test that passed (``coverage`` cites them). Empty unless
        ``comparable="story"``. The omission rows are the same either way.

    Returns
    -------
    pl.DataFrame
        ``schemas.OMISSIONS``, one row per (omitting outlet, claim) and,
        under ``"story"``, per story; with ``other_words``, the pair
        ``(omissions, other_words)``.

    Examples
    --------
    >>> claims = pl.DataFrame({"claim_id": ["c1", "c1", "c2", "c2"],
    ...     "statement_id": ["a:1", "b:1", "a:2", "d:1"],
    ...     "article_id": ["a", "b", "a", "d"], "outlet": ["sana", "rt", "sana", "ap"]})
    >>> st = claims.select("statement_id", "article_id", "outlet").with_columns(
    ...     text=pl.Series(["دعا لافروف إلى توحيد الجهود الدولية ضد الإرهاب",
    ...                     "دعا لافروف إلى توحيد الجهود الدولية ضد الإرهاب",
    ...                     "أعلن الجيش السوري السيطرة على مدينة تدمر بالكامل",
    ...                     "الجيش السوري يسيطر على مدينة تدمر"]))
    >>> stories = pl.DataFrame({"article_id": ["a", "b", "d"],
    ...     "story_id": ["s1", "s1", "s1"], "outlet": ["sana", "rt", "ap"]})
    >>> om = omissions(st, claims, stories)
    >>> om[["outlet", "claim_id", "story_id", "closest_statement_id"]].rows()
    [('ap', 'c1', 's1', 'd:1'), ('rt', 'c2', 's1', 'b:1')]
    """
    check(
        statements, ("statement_id", "article_id", "outlet"), name="statements", stage="omissions"
    )
    check(claims, CLAIM_COLUMNS, name="claims", stage="omissions")
    if comparable not in COMPARABLE:
        raise ValueError(f"omissions: comparable must be one of {COMPARABLE}, not {comparable!r}")
    facts = claim_facts(statements, claims)
    if comparable == "story":
        if stories is None:
            from narratives.stories import articles_from_statements, group_stories

            stories = group_stories(articles_from_statements(statements), statements)
        check(stories, ("article_id", "story_id", "outlet"), name="stories", stage="omissions")
        # the outlets carrying a claim in other words: returned with ``other_words``, and
        # read by ``another_part`` either way
        side: list[pl.DataFrame] = []
        out = _story_rows(
            statements,
            claims,
            stories,
            carried_score=carried_score,
            shared_score=shared_score,
            carried_containment=carried_containment,
            min_outlets=2 if min_outlets is None else min_outlets,
            max_evidence=max_evidence,
            closest_options=closest_options,
            other_words=side,
        )
        if outlets is not None:
            out = out.filter(pl.col("outlet").is_in(list(outlets)))
        out = certainty(
            out,
            statements,
            stories,
            carried_score=carried_score,
            carried_containment=carried_containment,
        )
        out = _part_certainty(out)
        # a headline the outlet gives in its own sentences: carried, no row either
        side.append(
            schemas.conform(out.filter(pl.col("carried")), schemas.OTHER_WORDS).select(
                schemas.OTHER_WORDS.names()
            )
        )
        found = pl.concat(side, how="vertical")
        out = out.filter(~pl.col("carried")).drop("carried", "part_share")
        out = _told_elsewhere(out, claims)
        out = round_up(out, statements, claims, stories)
        out = another_item(out, statements, claims, stories, carried=found)
        out = courtesy(out, statements)
        out = commentary(out, statements)
        out = formulas_and_background(out, statements)
        out = moments(out, statements, stories)
        out = market_moments(out, statements, stories)
        out = previews(out, statements, stories)
        out = another_part(
            out,
            statements,
            claims,
            stories,
            reworded=found.filter(pl.col("closest_score") >= shared_score),
        )
        out = _partly_given(out)
        out = versions(out, statements, claims, stories)
        _figures.cache_clear()  # read by the closest statements, the parts and certainty
        out = out.join(
            facts.select("claim_id", "speaker", "representative"), on="claim_id", how="left"
        )
        labels = stories.select("story_id", *(["label"] if "label" in stories.columns else []))
        out = out.join(
            labels.unique("story_id").rename({"label": "story_label"}, strict=False),
            on="story_id",
            how="left",
        ).with_columns(comparable=pl.lit("story"))
        if "text" in statements.columns:
            out = out.join(
                statements.select(closest_statement_id="statement_id", closest_text="text"),
                on="closest_statement_id",
                how="left",
            )
        out = (
            schemas.conform(out, schemas.OMISSIONS)
            .select(schemas.OMISSIONS.names())
            .sort("outlet", "story_id", "claim_id", nulls_last=True)
        )
        if not other_words:
            return out
        if outlets is not None:
            found = found.filter(pl.col("outlet").is_in(list(outlets)))
        return out, found.sort("claim_id", "story_id", "outlet", nulls_last=True)
    facts = facts.filter(pl.col("claim_outlets") >= (min_outlets or 1))
    claims = claims.join(facts.select("claim_id"), on="claim_id", how="semi")
    units = sorted(
        set(statements["outlet"].unique().to_list()) | set(claims["outlet"].unique().to_list()),
        key=lambda o: (o is None, o or ""),
    )
    out = _candidates(
        statements,
        claims,
        facts,
        comparable=comparable,
        window_days=window_days,
        units=units,
        max_evidence=max_evidence,
    )
    if outlets is not None:
        out = out.filter(pl.col("outlet").is_in(list(outlets)))
    have = claims.select("claim_id", "outlet").unique()
    out = out.join(have, on=["claim_id", "outlet"], how="anti", nulls_equal=True)
    ids = (
        claims.sort("statement_id")
        .group_by("claim_id")
        .agg(pl.col("statement_id").alias("statement_ids"))
    )
    out = (
        out.join(facts, on="claim_id", how="left")
        .join(ids, on="claim_id", how="left")
        .with_columns(comparable=pl.lit(comparable))
    )
    out = (
        schemas.conform(out, schemas.OMISSIONS)
        .select(schemas.OMISSIONS.names())
        .sort("outlet", "claim_id", nulls_last=True)
    )
    return (out, pl.DataFrame(schema=schemas.OTHER_WORDS)) if other_words else out


def bootstrap_rate(
    n: np.ndarray, k: np.ndarray, *, n_boot: int, level: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of the rates ``k / n`` (resampling units).

    Resampling ``n`` binary outcomes with replacement makes the count of ones
    Binomial(n, k/n), so the replicates are drawn from that directly.

    Examples
    --------
    >>> lo, hi = bootstrap_rate(np.array([10]), np.array([3]), n_boot=2000, level=0.95,
    ...                         rng=np.random.default_rng(0))
    >>> bool(lo[0] <= 0.3 <= hi[0])
    True
    """
    n = np.asarray(n, dtype=np.int64)
    k = np.asarray(k, dtype=np.int64)
    if len(n) == 0:
        return np.empty(0), np.empty(0)
    p = np.divide(k, n, out=np.zeros(len(n)), where=n > 0)
    draws = rng.binomial(n[:, None], p[:, None], size=(len(n), n_boot)) / np.maximum(n, 1)[:, None]
    tail = (1.0 - level) / 2.0
    lo, hi = np.quantile(draws, [tail, 1.0 - tail], axis=1)
    return lo, hi


def cluster_bootstrap_rate(
    n: np.ndarray, k: np.ndarray, *, n_boot: int, level: float, rng: np.random.Generator
) -> tuple[float, float]:
    """Percentile interval of ``sum(k) / sum(n)`` resampling the units (stories) of ``n``, ``k``.

    Examples
    --------
    >>> lo, hi = cluster_bootstrap_rate(np.array([4, 2, 3]), np.array([1, 0, 3]), n_boot=500,
    ...                                 level=0.95, rng=np.random.default_rng(0))
    >>> bool(lo <= 4 / 9 <= hi)
    True
    """
    m = len(n)
    if m == 0:
        return float("nan"), float("nan")
    weights = rng.multinomial(m, np.full(m, 1.0 / m), size=n_boot)
    num, den = weights @ k, weights @ n
    rates = np.divide(num, den, out=np.zeros(n_boot), where=den > 0)
    tail = (1.0 - level) / 2.0
    lo, hi = np.quantile(rates, [tail, 1.0 - tail])
    return float(lo), float(hi)


def _story_rates(
    omissions: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    n_boot: int,
    level: float,
    rng: np.random.Generator,
    min_stories: int,
    sure_only: bool = True,
) -> pl.DataFrame:
    story_of = stories.select("article_id", "story_id").unique("article_id")
    carried = (
        claims.select("claim_id", "article_id", "outlet")
        .join(story_of, on="article_id")
        .select("claim_id", "story_id", other="outlet")
        .unique()
    )
    covering = stories.select("story_id", "outlet").unique().drop_nulls("outlet")
    left = omissions.filter(pl.col("story_id").is_not_null()).select(
        "claim_id",
        "story_id",
        "outlet",
        omitted=pl.lit(True),
        unsure=(
            (pl.col("certainty") == NOT_SURE).fill_null(False)
            if sure_only and "certainty" in omissions.columns
            else pl.lit(False)
        ),
    )
    units = (
        carried.join(covering, on="story_id")
        .filter(pl.col("outlet").ne_missing(pl.col("other")))
        .join(
            left.unique(["claim_id", "story_id", "outlet"]),
            on=["claim_id", "story_id", "outlet"],
            how="left",
        )
        .with_columns(pl.col("omitted", "unsure").fill_null(False))
    )
    # a 'not sure' omission is neither counted as left out nor as carried: it is set aside
    # and counted in n_not_sure
    unsure = (
        units.filter(pl.col("unsure"))
        .group_by("outlet", "other")
        .agg(pl.len().cast(pl.Int64).alias("n_not_sure"))
    )
    units = units.filter(~pl.col("unsure"))
    per_story = (
        units.group_by("outlet", "other", "story_id")
        .agg(pl.len().alias("n"), pl.col("omitted").sum().alias("k"))
        .sort("outlet", "other", "story_id")
    )
    pairs = (
        units.sort("claim_id")
        .group_by("outlet", "other")
        .agg(
            pl.len().cast(pl.Int64).alias("n_claims"),
            pl.col("omitted").sum().cast(pl.Int64).alias("n_omitted"),
            pl.col("story_id").n_unique().cast(pl.Int64).alias("n_stories"),
            pl.col("claim_id")
            .filter(pl.col("omitted"))
            .unique(maintain_order=True)
            .alias("claim_ids"),
        )
        .sort("outlet", "other", nulls_last=True)
    )
    every = covering.select("outlet").unique().sort("outlet")
    grid = every.join(every.rename({"outlet": "other"}), how="cross").filter(
        pl.col("outlet") != pl.col("other")
    )
    pairs = (
        grid.join(pairs, on=["outlet", "other"], how="left")
        .join(unsure, on=["outlet", "other"], how="left")
        .with_columns(pl.col("n_not_sure").fill_null(0))
    )
    pairs = pairs.with_columns(
        pl.col("n_claims", "n_omitted", "n_stories").fill_null(0),
        pl.col("claim_ids").fill_null(pl.lit([], pl.List(pl.String))),
    )
    groups = {
        key: (g["n"].to_numpy(), g["k"].to_numpy())
        for key, g in per_story.group_by("outlet", "other", maintain_order=True)
    }
    lows: list[float] = []
    highs: list[float] = []
    rates: list[float | None] = []
    notes: list[str | None] = []
    for row in pairs.iter_rows(named=True):
        enough = row["n_stories"] >= min_stories
        if enough:
            n, k = groups[(row["outlet"], row["other"])]
            lo, hi = cluster_bootstrap_rate(n, k, n_boot=n_boot, level=level, rng=rng)
            rates.append(row["n_omitted"] / row["n_claims"])
            notes.append(None)
        else:
            lo = hi = float("nan")
            rates.append(None)
            shared = row["n_stories"]
            notes.append(
                "no shared story: nothing either could have left out of the other's coverage"
                if shared == 0
                else f"only {shared} shared {'story' if shared == 1 else 'stories'}"
                f" (fewer than {min_stories}): too few for a rate"
            )
        lows.append(lo)
        highs.append(hi)
    out = pairs.with_columns(
        rate=pl.Series(rates, dtype=pl.Float64),
        ci_low=pl.Series(lows, dtype=pl.Float64, nan_to_null=True),
        ci_high=pl.Series(highs, dtype=pl.Float64, nan_to_null=True),
        level=pl.lit(level),
        n_boot=pl.lit(n_boot, pl.Int64),
        note=pl.Series(notes, dtype=pl.String),
    )
    return schemas.conform(out, schemas.OMISSION_RATES).select(schemas.OMISSION_RATES.names())


def omission_rates(
    omissions: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame | None = None,
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    rng: np.random.Generator | int | None = 0,
    min_stories: int = 5,
    sure_only: bool = True,
) -> pl.DataFrame:
    """Omission rate of every outlet A relative to every other outlet B.

    With ``stories`` (omissions of the story rule): over the stories both A
    and B covered, the share of B's (claim, story) units that A left out,
    with a percentile bootstrap interval resampling the shared stories
    (claims of one story are not independent) and the number of shared
    stories beside it; a pair sharing fewer than ``min_stories`` stories
    gets no rate but a ``note`` saying so.

    Without ``stories``: among the claims B carried for which A was
    comparable (A carried them, or :func:`omissions` lists them as left out
    by A), the share A left out, with a percentile bootstrap interval over
    claims.

    Parameters
    ----------
    omissions
        The table returned by :func:`omissions` (``schemas.OMISSIONS``).
    claims
        ``schemas.CLAIMS`` used to build it.
    stories
        ``schemas.STORIES`` used to build it (story rule).
    n_boot, level
        Bootstrap replicates and confidence level.
    rng
        A ``numpy.random.Generator`` or a seed; no global random state is used.
    min_stories
        Least shared stories for a rate (story rule).
    sure_only
        Story rule: rows whose ``certainty`` is ``"not sure"`` count neither
        as omitted nor as carried: they are set aside and counted in
        ``n_not_sure`` (default). ``False`` counts every row as omitted.

    Returns
    -------
    pl.DataFrame
        ``schemas.OMISSION_RATES``.

    Examples
    --------
    >>> claims = pl.DataFrame({"claim_id": ["c1", "c1", "c2"],
    ...     "statement_id": ["a:1", "b:1", "a:2"], "article_id": ["a", "b", "a"],
    ...     "outlet": ["sana", "rt", "sana"]})
    >>> om = omissions(claims.select("statement_id", "article_id", "outlet"), claims,
    ...                comparable="all")
    >>> omission_rates(om, claims)[["outlet", "other", "n_claims", "n_omitted", "rate"]].rows()
    [('rt', 'sana', 2, 1, 0.5), ('sana', 'rt', 1, 0, 0.0)]
    """
    check(omissions, ("outlet", "claim_id"), name="omissions", stage="omission_rates")
    check(claims, CLAIM_COLUMNS, name="claims", stage="omission_rates")
    if not 0 < level < 1:
        raise ValueError(f"omission_rates: level must be in (0, 1), not {level}")
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    if stories is not None and "story_id" in omissions.columns:
        check(stories, ("article_id", "story_id", "outlet"), name="stories", stage="omission_rates")
        return _story_rates(
            omissions,
            claims,
            stories,
            n_boot=n_boot,
            level=level,
            rng=gen,
            min_stories=min_stories,
            sure_only=sure_only,
        )
    have = claims.select("claim_id", "outlet").unique()
    status = pl.concat(
        [
            have.with_columns(omitted=pl.lit(False)),
            omissions.select("claim_id", "outlet", omitted=pl.lit(True)),
        ]
    )
    pairs = (
        status.join(have.rename({"outlet": "other"}), on="claim_id")
        .filter(pl.col("outlet").ne_missing(pl.col("other")))
        .group_by("outlet", "other")
        .agg(
            pl.len().cast(pl.Int64).alias("n_claims"),
            pl.col("omitted").sum().cast(pl.Int64).alias("n_omitted"),
            pl.col("claim_id").filter(pl.col("omitted")).sort().alias("claim_ids"),
        )
        .sort("outlet", "other", nulls_last=True)
    )
    lo, hi = bootstrap_rate(
        pairs["n_claims"].to_numpy(),
        pairs["n_omitted"].to_numpy(),
        n_boot=n_boot,
        level=level,
        rng=gen,
    )
    out = pairs.with_columns(
        rate=pl.col("n_omitted") / pl.col("n_claims"),
        ci_low=pl.Series(lo, dtype=pl.Float64),
        ci_high=pl.Series(hi, dtype=pl.Float64),
        level=pl.lit(level),
        n_boot=pl.lit(n_boot, pl.Int64),
    )
    return schemas.conform(out, schemas.OMISSION_RATES).select(schemas.OMISSION_RATES.names())
