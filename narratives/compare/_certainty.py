"""How sure an omission row is: "sure" or "not sure", with a plain reason.

"Outlet X left out claim C" is a sentence a journalist may print, so a row
is only called ``sure`` when the evidence that X did not carry C is clear.
Read on two SaudiNewsNet days, the false omissions were claims X carried in
other words below the carried score (a quote reworded, a headline rewritten,
"هجر يغادر الخميس إلى تركيا" given as "تقرر أن تغادر بعثة الفريق صباح بعد غد
إلى تركيا"), formulas that are no claim ("إنا لله وإنا إليه راجعون"), and
articles of which the corpus holds little more than a headline. A row is
``not sure`` when any of these holds (the first one met is the ``why``):

near miss
    X's closest statement scores within ``near_score`` points of the carried
    score, or within ``near_containment`` of the carried containment.
words in X's text
    The claim's content words (IDF-weighted over the story's statements; a
    word counts when X's statements in the story hold it or its stem) are
    ``spread_share`` or more in X's text of the story, spread over sentences
    (one sentence holding them would have counted as carried).
short claim
    The claim statement has fewer than ``min_content`` content words: too
    little to tell a reworded claim from a missing one.
little text
    X's statements in the story hold fewer than ``min_outlet_words`` words
    (a headline, a caption): its article may say more than the corpus has.

A figure of the claim (two digits or more, years aside) that X's text of the
story does not give anywhere overrides the first two tests: the specific
fact is absent, whatever the wording around it.
"""

from __future__ import annotations

import re

import numpy as np
import polars as pl

from narratives.compare._closest import _figures

#: certainty values
SURE, NOT_SURE = "sure", "not sure"

_PREFIX = re.compile(r"^[يتنا](?=\w{3,})")


def _stem(word: str) -> str:
    """A crude stem: imperfect-verb prefix and a final ة/ه off (يغادر, تغادر -> غادر)."""
    word = _PREFIX.sub("", word)
    return word[:-1] if len(word) > 3 and word[-1] in "ةه" else word


def certainty(
    omissions: pl.DataFrame,
    statements: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    carried_score: float,
    carried_containment: float,
    near_score: float = 10.0,
    near_containment: float = 0.1,
    spread_share: float = 0.6,
    min_content: int = 4,
    min_outlet_words: int = 20,
) -> pl.DataFrame:
    """``omissions`` (story rule) with ``certainty`` and ``why`` (see the module docs)."""
    from narratives.align._text import content_tokens

    n = omissions.height
    if n == 0 or "text" not in statements.columns:
        return omissions.with_columns(
            certainty=pl.lit(None, pl.String), why=pl.lit(None, pl.String)
        )
    story_of = stories.select("article_id", "story_id").unique("article_id")
    st = (
        statements.select("statement_id", "article_id", "outlet", "text")
        .join(story_of, on="article_id", how="inner")
        .join(omissions.select("story_id").unique(), on="story_id", how="semi")
    )
    texts = st["text"].fill_null("").to_list()
    tokens = content_tokens(texts)
    stems = [{_stem(w) for w in toks} for toks in tokens]
    row_of = {sid: i for i, sid in enumerate(st["statement_id"].to_list())}
    # IDF over the statements of the stories in question
    df: dict[str, int] = {}
    for s in stems:
        for w in s:
            df[w] = df.get(w, 0) + 1
    m = len(stems)
    idf = {w: float(np.log((1 + m) / (1 + c)) + 1) for w, c in df.items()}
    # each outlet's words and figures in each story
    words_of: dict[tuple[str, str], set[str]] = {}
    figures_of: dict[tuple[str, str], set[str]] = {}
    n_words: dict[tuple[str, str], int] = {}
    for sid, outlet, story, text in st.select(
        "statement_id", "outlet", "story_id", "text"
    ).iter_rows():
        key = (story, outlet)
        words_of.setdefault(key, set()).update(stems[row_of[sid]])
        figures_of.setdefault(key, set()).update(_figures(text or ""))
        n_words[key] = n_words.get(key, 0) + len(re.findall(r"\w+", text or ""))
    labels: list[str] = []
    whys: list[str | None] = []
    for row in omissions.select(
        "outlet", "story_id", "statement_ids", "closest_score", "containment"
    ).iter_rows(named=True):
        key = (row["story_id"], row["outlet"])
        have = words_of.get(key, set())
        rows = [row_of[s] for s in row["statement_ids"] or [] if s in row_of]
        # the claim statement the outlet's text covers best
        share, size = 0.0, 0
        figs: set[str] = set()
        for r in rows:
            weights = {w: idf[w] for w in stems[r]}
            total = sum(weights.values())
            if total:
                share = max(share, sum(v for w, v in weights.items() if w in have) / total)
            size = max(size, len(stems[r]))
            figs |= _figures(texts[r])
        figure_absent = bool(figs) and not (figs & figures_of.get(key, set()))
        score = row["closest_score"]
        cont = row["containment"]
        why = None
        held = n_words.get(key, 0)
        if held < min_outlet_words:
            why = f"little text: the outlet's statements in the story hold {held} words"
        elif size < min_content:
            why = f"short claim ({size} content words): too little to tell it is missing"
        elif not figure_absent:
            if (score is not None and score >= carried_score - near_score) or (
                cont is not None and cont >= carried_containment - near_containment
            ):
                why = (
                    f"near miss: closest statement scores {score or 0:.0f} "
                    f"(carried from {carried_score:.0f}), containment {cont or 0:.2f}"
                )
            elif share >= spread_share:
                why = f"{share:.0%} of the claim's words are in the outlet's text of the story"
        labels.append(SURE if why is None else NOT_SURE)
        whys.append(why)
    return omissions.with_columns(
        certainty=pl.Series(labels, dtype=pl.String), why=pl.Series(whys, dtype=pl.String)
    )
