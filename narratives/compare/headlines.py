"""Headlines per story: how each outlet headlined the same event.

For every story that several outlets covered, one row per article: its
headline, the claim its lede leads with (and whether other outlets of the
story carried that claim), the reporting verbs of headline and lede, and the
headline's own words: content words no other outlet's headline of the story
uses (written as the outlet wrote them), leaving out the section label some
outlets put before a headline (SPA's ``عام /``, ``اقتصادي /``, ``رياضي /``): a
desk's name is not a word choice. A round-up page joined to the story of one of its
items is marked ``round_up``: its headline is another item's, so it has no own words
and is left out of the other headlines' (see :func:`_round_ups`). An outlet's article
published twice (same headline, same lede) is one row.
"""

from __future__ import annotations

import re

import polars as pl

from narratives import schemas
from narratives.compare._common import check
from narratives.compare._text import display_tokens, unmarked
from narratives.compare.substitutions import function_words
from narratives.normalize import normalize

#: a one-word section label opening a headline: «اقتصادي / " صوامع الغلال " تنهي ...»
_SECTION_LABEL = re.compile(r"^\s*[^\W\d_]+\s*/\s*(?=\S)")


def _spaced(text: pl.Expr) -> pl.Expr:
    """``text`` with runs of white space as one space, stripped."""
    return text.str.replace_all(r"\s+", " ").str.strip_chars()


def _without_label(headline: str) -> str:
    """The headline without a section label before it (``عام / ...``)."""
    return _SECTION_LABEL.sub("", headline, count=1)


def _stems(key: str) -> frozenset[str]:
    """A headline word's match key with and without its affixes.

    Forms without و/ف, then without ب/ل/ك (``لل`` -> ``ال``), then without the
    article, then without the accusative ending ا or a possessive pronoun, and a
    plural in construct in either case: two headlines use the same word when their
    forms meet: «المتاجر» / «متاجر», «للاتحاد» / «إلى الاتحاد», «عروس» / «عروسا»,
    «ببلجيكا» / «في بلجيكا», «البرنامج» / «برنامجها», «لاعبو» / «للاعبي» (SaudiNewsNet
    2015-07-26/27); and without the feminine ending or the nisba ي, and an imperfect
    without its prefix and dual or plural suffix: «السوري» / «سورية», «شمالي» / «شمال»,
    «يبحثان» / «بحثا» (2015-08-03/04).

    Examples
    --------
    >>> sorted(_stems("للاتحاد"))
    ['اتحاد', 'الاتحاد', 'لاتحاد', 'للاتحاد']
    >>> sorted(_stems("عروسا"))
    ['عروس', 'عروسا']
    """
    forms = {key}
    for letters in ("وف", "بلك"):
        for word in list(forms):
            if len(word) >= 4 and word[0] in letters and not word.startswith("ال"):
                forms.add(word[1:])
                if word.startswith("لل"):
                    forms.add("ال" + word[2:])
    for word in list(forms):
        if word.startswith("ال") and len(word) >= 5:
            forms.add(word[2:])
    for word in list(forms):
        if len(word) >= 4 and word.endswith("ا"):
            forms.add(word[:-1])
        # a possessive pronoun (برنامجها / البرنامج)
        for suffix in ("هما", "ها", "هم"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                forms.add(word[: -len(suffix)])
        # a masculine plural in construct, nominative or not (لاعبو / للاعبي الأهلي)
        if len(word) >= 5 and word.endswith("و"):
            forms.add(word[:-1] + "ي")
    for word in list(forms):
        # the feminine ending and the nisba ي (السوري / سورية, شمالي / شمال), and both
        # (الإغاثية / إغاثة)
        if len(word) >= 4 and word[-1] in "هي":
            forms.add(word[:-1])
        if len(word) >= 5 and word.endswith("يه"):
            forms.add(word[:-2])
        # an imperfect's prefix with a dual or plural suffix (يبحثان / بحثا)
        if len(word) >= 6 and word[0] in "يت" and word.endswith(("ان", "ون")):
            forms.add(word[1:-2])
    return frozenset(forms)


def _rooted(key: str) -> frozenset[str]:
    """:func:`_stems` of ``key`` and the roots (:func:`_root`) of those forms."""
    forms = _stems(key)
    return forms | {root for word in forms if (root := _root(word))}


def _root(word: str) -> str | None:
    """The three letters of a verb's imperfect or of a verbal noun of a long vowel.

    «تغلق» / «إغلاق», «يدشن» / «تدشين», «تطلق» / «إطلاق»: one verb in two headlines'
    constructions, a verb against its verbal noun, is no word choice (SaudiNewsNet
    2015-07-27 and 08-04). The root is marked (``"#"``) so that it only meets another
    word's root, never a word: a prefix ا, ي or ت off a word of four letters or more,
    then a long vowel before its last letter; only a root of three letters is kept.

    Examples
    --------
    >>> _root("تغلق"), _root("اغلاق"), _root("تدشين"), _root("يدشن")
    ('#غلق', '#غلق', '#دشن', '#دشن')
    >>> _root("انطلاق") is None, _root("نجاح"), _root("نجح")
    (True, '#نجح', '#نجح')
    """
    if len(word) >= 4 and word[0] in "ايت":
        word = word[1:]
    if len(word) >= 4 and word[-2] in "اوي":
        word = word[:-2] + word[-1]
    return "#" + word if len(word) == 3 else None


def _own_words(rows: list[tuple[str, str, str | None]]) -> dict[str, list[str]]:
    """``{article_id: words of its headline no other outlet's headline uses}``.

    A word another outlet's headline uses with a proclitic, the article or the
    accusative ending is no own word (:func:`_stems`), nor one that differs from
    it by a first letter (a proclitic or the prefix of an imperfect: يبحث / بحث), nor
    a verb against its verbal noun or another form of its root (:func:`_root`: «تمدد» /
    «تمديد», «تغلق» / «إغلاق», «جهاز» / «أجهزة»).
    """
    stop = function_words()
    keyed: dict[str, list[tuple[str, str]]] = {}
    for article_id, _, headline in rows:
        words = display_tokens(_without_label(headline or ""))
        keyed[article_id] = [(w, normalize(unmarked(w))) for w in words]
    out: dict[str, list[str]] = {}
    for article_id, outlet, _ in rows:
        others = {
            k
            for other_id, other_outlet, _ in rows
            if other_outlet != outlet
            for _, k in keyed[other_id]
        }
        # a word counts as used by another headline also with a first letter (و/ب/ل, ي/ت)
        # more or less, and with its affixes off on both sides
        stripped = {k[1:] for k in others if len(k) > 3} | others
        # two words another headline writes as one, or one it writes as two
        # («عبد الخالق» / «لعبدالخالق»): the joined form of each pair of neighbours
        joined = {
            a + b
            for other_id, other_outlet, _ in rows
            if other_outlet != outlet
            for (_, a), (_, b) in zip(keyed[other_id], keyed[other_id][1:], strict=False)
        }
        other_stems = frozenset().union(*(_rooted(k) for k in others | joined))
        keys = [k for _, k in keyed[article_id]]
        own = []
        for i, (word, key) in enumerate(keyed[article_id]):
            if key in stop or len(key) < 3 or any(ch.isdigit() for ch in key):
                continue
            if key in stripped or (len(key) > 3 and key[1:] in others):
                continue
            if _rooted(key) & other_stems:
                continue
            pairs = [keys[i - 1] + key] if i else []
            pairs += [key + keys[i + 1]] if i + 1 < len(keys) else []
            if any(_stems(p) & other_stems for p in pairs):
                continue
            if word not in own:
                own.append(word)
        out[article_id] = own
    return out


def _round_ups(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    em: pl.DataFrame,
    story: pl.DataFrame,
    *,
    depth: int,
    cover: float,
    opening_chars: int = 300,
) -> pl.DataFrame:
    """``article_id``, ``round_up``: pages whose headline is another item's.

    A round-up page (almadina's «اعتقال أحد أقارب الأسد بتهمة قتل عميد في الجيش», whose
    fifth to seventh sentences are the Swedish girl held by ISIS) joins the story of one
    of its items, but its headline and lede are another item's. An article is a
    round-up in its story when (1) it carries the story: some of its statements share a
    claim with another outlet's article of the story, (2) none of them is its headline
    or one of its first ``depth`` body statements, and (3) its headline's words are not
    the story's: their IDF-weighted share found in the headlines and openings (first
    ``opening_chars`` characters) of the story's other outlets' articles is under
    ``cover``. A report whose aligned sentences lie lower (its own angle first) keeps
    words of the event in its headline and is no round-up.
    """
    import math

    from narratives.stories._features import article_tokens, lead_text

    ids = story.select("article_id", "story_id", "outlet")
    if "position" not in em.columns:
        if "position" not in statements.columns:
            return pl.DataFrame(schema={"article_id": pl.String, "round_up": pl.Boolean})
        em = em.join(statements.select("statement_id", "position"), on="statement_id")
    pos = em.select("statement_id", "article_id", "is_headline", "position")
    body = pos.filter(~pl.col("is_headline")).with_columns(
        rank=pl.col("position").rank("dense").over("article_id") - 1
    )
    # statements sharing a claim with another outlet's article of the same story
    member = (
        claims.select("claim_id", "statement_id")
        .join(pos.select("statement_id", "article_id"), on="statement_id")
        .join(ids, on="article_id")
    )
    linked = (
        member.join(member, on=["claim_id", "story_id"], suffix="_o")
        .filter(pl.col("outlet") != pl.col("outlet_o"))
        .select("statement_id", "article_id")
        .unique()
        .join(pos.select("statement_id", "is_headline"), on="statement_id")
        .join(body.select("statement_id", "rank"), on="statement_id", how="left")
        .group_by("article_id")
        .agg(
            head=pl.col("is_headline").any() | (pl.col("rank").min() < depth),
        )
        .filter(~pl.col("head"))
    )
    if linked.height == 0:
        return pl.DataFrame(schema={"article_id": pl.String, "round_up": pl.Boolean})
    # each article's headline words and its opening's words (headline and first sentences)
    text = statements.select("statement_id", "text")
    parts = (
        pos.join(text, on="statement_id")
        .sort("article_id", "position")
        .group_by("article_id", maintain_order=True)
        .agg(
            title=pl.col("text").filter(pl.col("is_headline")).str.join(" "),
            body=pl.col("text").filter(~pl.col("is_headline")).str.join(" "),
        )
        .join(ids, on="article_id")
    )
    opening = parts.select(lead_text("title", "body", opening_chars)).to_series()
    frame = parts.select("article_id", "story_id", "outlet").with_columns(
        title=article_tokens(normalized_head(parts["title"])),
        opening=article_tokens(normalized_head(opening)),
    )
    n = frame.height
    df: dict[str, int] = {}
    for words in frame["opening"].to_list():
        for w in set(words):
            df[w] = df.get(w, 0) + 1
    rows = frame.rows_by_key("story_id", named=True)
    candidates = set(linked["article_id"].to_list())
    out: list[tuple[str, bool]] = []
    for members in rows.values():
        for row in members:
            if row["article_id"] not in candidates:
                continue
            heads = set(row["title"])
            others = {w for m in members if m["outlet"] != row["outlet"] for w in m["opening"]}
            weight = {w: math.log((1 + n) / (1 + df.get(w, 0))) + 1 for w in heads}
            total = sum(weight.values())
            share = sum(v for w, v in weight.items() if w in others) / total if total else 1.0
            out.append((row["article_id"], share < cover))
    return pl.DataFrame(out, schema={"article_id": pl.String, "round_up": pl.Boolean}, orient="row")


def normalized_head(text: pl.Series) -> pl.Series:
    """``text`` match-normalized (see :func:`narratives.stories._features.article_heads`)."""
    from narratives.compare._text import normalized

    return pl.DataFrame({"t": text.fill_null("")}).select(normalized(pl.col("t")))["t"]


def headlines(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    emphasis: pl.DataFrame | None = None,
    *,
    min_outlets: int = 2,
    round_up_depth: int = 3,
    round_up_cover: float = 0.1,
) -> pl.DataFrame:
    """Each outlet's headline of every shared story, with the claim its lede leads with.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS``.
    claims
        ``schemas.CLAIMS`` (with ``claim_outlets`` and ``representative``
        when present).
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``, ``outlet``; ``label``).
    emphasis
        The :func:`narratives.compare.emphasis` table (computed when not given):
        it says which statement is the headline (not a crosshead) and which
        the lede, in reading order.
    min_outlets
        Stories covered by at least this many outlets.
    round_up_depth, round_up_cover
        An article is marked ``round_up`` (a page whose headline and lede are
        another item's) when its statements sharing a claim with the story's other
        outlets all lie below its headline and first ``round_up_depth`` body
        statements, and under ``round_up_cover`` of its headline's words (weighted
        by IDF) are in the story's other outlets' headlines and openings. Its
        headline is then no outlet's headline of the story: it has no own words and
        is left out of the other headlines' own words. ``round_up_cover=0`` turns it
        off. On SaudiNewsNet 2015-08-06 + 08-08 it marks 18 of 2,246 rows, read:
        14 right, 4 debatable (see docs/accuracy.md, `headlines`).

    Returns
    -------
    pl.DataFrame
        ``schemas.HEADLINES``, by story then outlet.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "a:1", "b:0", "b:1"],
    ...     "article_id": ["a", "a", "b", "b"], "outlet": ["sana", "sana", "rt", "rt"],
    ...     "position": [0, 1, 0, 1], "is_headline": [True, False, True, False],
    ...     "text": ["لافروف: الإرهابيون يهددون المنطقة", "قال لافروف إن الإرهاب خطر",
    ...              "لافروف: المسلحون يهددون المنطقة", "قال لافروف إن الإرهاب خطر"]})
    >>> cl = pl.DataFrame({"claim_id": ["h1", "c1", "h2", "c1"],
    ...     "statement_id": ["a:0", "a:1", "b:0", "b:1"], "article_id": ["a", "a", "b", "b"],
    ...     "outlet": ["sana", "sana", "rt", "rt"]})
    >>> sto = pl.DataFrame({"article_id": ["a", "b"], "story_id": ["s1", "s1"],
    ...     "outlet": ["sana", "rt"]})
    >>> out = headlines(st, cl, sto)
    >>> out.select("outlet", "lede_claim_id", "lede_shared", "own_words").rows()
    [('rt', 'c1', True, ['المسلحون']), ('sana', 'c1', True, ['الإرهابيون'])]
    """
    from narratives.compare.emphasis import emphasis as emphasis_of

    check(
        statements,
        ("statement_id", "article_id", "outlet", "text"),
        name="statements",
        stage="headlines",
    )
    check(claims, ("claim_id", "statement_id"), name="claims", stage="headlines")
    check(stories, ("article_id", "story_id", "outlet"), name="stories", stage="headlines")
    if emphasis is None:
        emphasis = emphasis_of(statements, claims)
    story = stories.select(
        "article_id",
        "story_id",
        "outlet",
        story_label=pl.col("label") if "label" in stories.columns else pl.lit(None, pl.String),
        _title=pl.col("title") if "title" in stories.columns else pl.lit(None, pl.String),
    ).with_columns(n_outlets=pl.col("outlet").n_unique().over("story_id").cast(pl.Int32))
    story = story.filter(pl.col("n_outlets") >= min_outlets)
    cols = ["statement_id", "text"] + [c for c in ("cue", "cue_class") if c in statements.columns]
    text = statements.select(cols)
    if "cue" not in text.columns:
        text = text.with_columns(cue=pl.lit(None, pl.String))
    if "cue_class" not in text.columns:
        text = text.with_columns(cue_class=pl.lit(None, pl.String))
    em = emphasis.select("statement_id", "article_id", "claim_id", "is_headline", "is_lede")
    head = (
        em.filter(pl.col("is_headline"))
        .join(text, on="statement_id")
        .group_by("article_id", maintain_order=True)
        .agg(
            pl.col("statement_id").first().alias("headline_statement_id"),
            pl.col("text").str.join(" / ").alias("headline"),
            pl.col("cue").drop_nulls().first().alias("headline_cue"),
        )
    )
    lede = (
        em.filter(pl.col("is_lede"))
        .join(text, on="statement_id")
        .group_by("article_id", maintain_order=True)
        .agg(
            pl.col("statement_id").first().alias("lede_statement_id"),
            pl.col("text").first().alias("lede"),
            pl.col("claim_id").first().alias("lede_claim_id"),
            pl.col("cue").first().alias("lede_cue"),
            pl.col("cue_class").first().alias("lede_cue_class"),
        )
    )
    rep = (
        claims.group_by("claim_id").agg(pl.col("representative").first())
        if "representative" in claims.columns
        else claims.select("claim_id").unique().with_columns(representative=pl.lit(None, pl.String))
    )
    # outlets of the story carrying each claim: is the lede claim shared in this story?
    carriers = (
        claims.select("claim_id", "statement_id")
        .join(em.select("statement_id", "article_id"), on="statement_id")
        .join(story.select("article_id", "story_id", "outlet"), on="article_id")
        .group_by("story_id", "claim_id")
        .agg(pl.col("outlet").n_unique().cast(pl.Int32).alias("lede_claim_outlets"))
    )
    out = (
        story.join(head, on="article_id", how="left")
        .join(lede, on="article_id", how="left")
        .join(
            rep.rename({"claim_id": "lede_claim_id", "representative": "lede_claim"}),
            on="lede_claim_id",
            how="left",
        )
        .join(
            carriers.rename({"claim_id": "lede_claim_id"}),
            on=["story_id", "lede_claim_id"],
            how="left",
        )
        .with_columns(
            lede_shared=pl.col("lede_claim_outlets").fill_null(1) > 1,
            # a title cut in two statements («الكلباني يكشف أسباب احتراق منزله» / «وينتقد
            # الهلال الأحمر») is shown as the outlet wrote it, with no « / » between
            headline=pl.when(
                _spaced(pl.col("headline").str.replace_all(" / ", " ", literal=True))
                == _spaced(pl.col("_title"))
            )
            .then(pl.col("_title").str.strip_chars())
            .otherwise(pl.col("headline")),
        )
    )
    pages = (
        _round_ups(statements, claims, emphasis, story, depth=round_up_depth, cover=round_up_cover)
        if round_up_cover > 0
        else pl.DataFrame(schema={"article_id": pl.String, "round_up": pl.Boolean})
    )
    out = out.join(pages, on="article_id", how="left").with_columns(
        pl.col("round_up").fill_null(False)
    )
    # an outlet's article published twice (almadina's «القبض على مواطن قتل زوجته بحفر الباطن»
    # under two ids, 2015-07-24) is one headline of the story, shown once
    out = out.sort("article_id").unique(
        subset=["story_id", "outlet", "headline", "lede"], keep="first", maintain_order=True
    )
    own: dict[str, list[str] | None] = {}
    for _, group in out.group_by("story_id"):
        # a round-up's headline is another item's: no word choice of this story, either way
        kept = group.filter(~pl.col("round_up"))
        if kept["outlet"].n_unique() > 1:
            own.update(_own_words(kept.select("article_id", "outlet", "headline").rows()))
        own.update({a: None for a in group.filter(pl.col("round_up"))["article_id"]})
    own_frame = pl.DataFrame(
        {"article_id": list(own), "own_words": list(own.values())},
        schema={"article_id": pl.String, "own_words": pl.List(pl.String)},
    )
    out = out.join(own_frame, on="article_id", how="left").sort("story_id", "outlet", "article_id")
    return schemas.conform(out, schemas.HEADLINES).select(schemas.HEADLINES.names())
