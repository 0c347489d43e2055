"""Voices: whose words each outlet carries, per story and overall.

One row per outlet, speaker and story (and one row per outlet and speaker over
all stories, ``story_id`` null): how many statements the outlet gives the
speaker, how many of them quote the speaker directly, and the reporting verbs
it uses for them, so that "SANA quotes Lavrov 40 times and Kerry once, with
زعم" is one filter:

>>> # voices(st).filter(pl.col("outlet") == "sana", pl.col("story_id").is_null())

Verbs are counted once per reporting act: a statement whose verb is carried
over from the previous one (``cue_carried``, a quotation running on) adds to
the speaker's statements, not to the verb's count.

A quotation that runs over several statements (``وقال بيلسا السبت: «توصلنا
لاتفاق ...`` / ``يوم الأربعاء الماضي تلقيت دعوة ...`` / ``وتم إبلاغي ...»``,
often across paragraphs, which the statements' own ``quote`` flags do not
see) is read here: its statements are direct quotes of the speaker who opens
it, and its statements that name no speaker are that speaker's words.

A rejection verb (رفض, يرفض, رافضا) is a ``denial`` only when what is
rejected is words (``رفض الاتهامات``, ``رفض ما نشر``, objects listed in
``lexicons/denied_words.tsv``); otherwise (``رفض ذلك``, ``رفض التعليق``,
``رافضا الحديث عن ...``) the speaker refused an act, a proposal or a
question, and the verb is counted as ``refusal``.

A speaker known only by a first name (``وقال محمد``: a vox pop, or a name the
article never completes) is no one across articles: its rows are kept per
article, the speaker shown as ``محمد (article id)``, so that every محمد of an
outlet is not pooled into one voice. Ids that one article's mentions cut at
different places («سلطان سعد», «سلطان السبيعي», «سلطان سعد السبيعي»; «مارك تونر
ردا علي سؤال») are one voice (``narratives.statements._speakers.same_speakers``).
A state institution named without its country
(«وزارة الداخلية») comes from ``narratives.statements`` with the country the article
names (``وزاره الداخليه الافغانيه``), or kept to its article (``وزاره الداخليه (article
id)``) when the article does not say whose it is: two countries' ministries are never
one voice.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

import polars as pl

from narratives import schemas
from narratives.compare._common import check
from narratives.normalize import normalize
from narratives.statements._speakers import same_speakers, sw_given

_CUE = pl.Struct({"cue": pl.String, "cue_class": pl.String, "n": pl.Int64})

#: quotation marks (which of them opens is read from its place, as the scrape often
#: reverses guillemets)
QUOTE_MARKS = '“«„‟”»"″'
#: a quotation longer than this many statements is taken for stray marks
MAX_QUOTE_STATEMENTS = 8
#: share of a statement's words inside quotation marks above which it is a direct quote
#: (as in ``narratives.statements``)
DIRECT_SHARE = 0.6
_WORD = re.compile(r"\w+")


def voices(
    statements: pl.DataFrame,
    stories: pl.DataFrame | None = None,
    *,
    headlines: bool = True,
) -> pl.DataFrame:
    """Speakers each outlet quotes, with direct-quote share and reporting verbs.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``, ``outlet``,
        ``speaker``; ``speaker_mention``, ``speaker_title``, ``cue``,
        ``cue_class``, ``cue_carried``, ``quote``, ``is_headline`` when present).
        Statements without a speaker are not counted.
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``), e.g. from
        :func:`narratives.group_stories`: adds one row per story. Without it
        only the overall rows (``story_id`` null) are returned.
    headlines
        Count headline statements (``لافروف: ...``) as the speaker's words.

    Returns
    -------
    pl.DataFrame
        ``schemas.VOICES``, most quoted first within each outlet and story;
        overall rows (``story_id`` null) first.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "a:2", "a:3", "a:4"],
    ...     "article_id": ["a"] * 4, "outlet": ["sana"] * 4,
    ...     "speaker": ["lavrov", "lavrov", "lavrov", "kerry"],
    ...     "cue": ["أكد", "أكد", "قال", "زعم"],
    ...     "cue_class": ["assertive", "assertive", "neutral", "distancing"],
    ...     "cue_carried": [False, True, False, False],
    ...     "quote": ["direct", "direct", "indirect", "indirect"]})
    >>> v = voices(st)
    >>> v.select("speaker", "n_statements", "direct_share").rows()
    [('lavrov', 3, 0.6666666666666666), ('kerry', 1, 0.0)]
    >>> v.filter(pl.col("speaker") == "kerry")["cues"].to_list()
    [[{'cue': 'زعم', 'cue_class': 'distancing', 'n': 1}]]
    """
    check(
        statements,
        ("statement_id", "article_id", "outlet", "speaker"),
        name="statements",
        stage="voices",
    )
    frame = with_refusals(_quotes_across(statements)).filter(pl.col("speaker").is_not_null())
    if not headlines and "is_headline" in frame.columns:
        frame = frame.filter(~pl.col("is_headline").fill_null(False))
    defaults = {
        "speaker_mention": pl.String,
        "speaker_title": pl.String,
        "cue": pl.String,
        "cue_class": pl.String,
        "cue_carried": pl.Boolean,
        "quote": pl.String,
    }
    frame = frame.with_columns(
        pl.lit(None, dtype).alias(c) for c, dtype in defaults.items() if c not in frame.columns
    ).with_columns(story_id=pl.lit(None, pl.String))
    frame = _one_id_per_speaker(frame).with_columns(speaker=_article_scoped(pl.col("speaker")))
    if stories is not None:
        schemas.require(stories, ("article_id", "story_id"), name="stories", stage="voices")
        per_story = frame.drop("story_id").join(
            stories.select("article_id", "story_id").unique("article_id"), on="article_id"
        )
        frame = pl.concat([frame, per_story.select(frame.columns)])
    keys = ["outlet", "story_id", "speaker"]
    own_cue = pl.col("cue").is_not_null() & ~pl.col("cue_carried").fill_null(False)
    cues = (
        frame.filter(own_cue)
        .group_by(*keys, "cue", "cue_class")
        .agg(pl.len().cast(pl.Int64).alias("n"))
        .sort(["n", "cue", "cue_class"], descending=[True, False, False], nulls_last=True)
        .group_by(keys, maintain_order=True)
        .agg(pl.struct("cue", "cue_class", "n").alias("cues"))
    )
    out = (
        frame.sort("statement_id")
        .group_by(keys)
        .agg(
            pl.len().cast(pl.Int64).alias("n_statements"),
            pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
            pl.col("quote").is_in(["direct", "mixed"]).sum().cast(pl.Int64).alias("n_direct"),
            own_cue.sum().cast(pl.Int64).alias("n_acts"),
            pl.col("speaker_mention").drop_nulls().mode().sort().first().alias("mention"),
            pl.col("speaker_title").drop_nulls().mode().sort().first().alias("title"),
            pl.col("statement_id").alias("statement_ids"),
        )
        .join(cues, on=keys, how="left", nulls_equal=True)
        .with_columns(
            direct_share=pl.col("n_direct") / pl.col("n_statements"),
            share=pl.col("n_statements") / pl.col("n_statements").sum().over("outlet", "story_id"),
            cues=pl.col("cues").fill_null(pl.lit([], pl.List(_CUE))),
        )
        .sort(
            ["outlet", "story_id", "n_statements", "speaker"],
            descending=[False, False, True, False],
            nulls_last=False,
        )
    )
    return schemas.conform(out, schemas.VOICES).select(schemas.VOICES.names())


def _one_id_per_speaker(frame: pl.DataFrame) -> pl.DataFrame:
    """One id for one speaker within an article (``same_speakers``): «سلطان سعد»,
    «سلطان السبيعي» and «سلطان سعد السبيعي» of one article are one voice."""
    ids = (
        frame.filter(
            pl.col("speaker").str.contains(" ")
            & ~pl.col("speaker").str.contains(r"^[\x00-\x7f]*$")
        )
        .group_by("article_id", "speaker")
        .agg(pl.len().alias("n"))
        .filter(pl.len().over("article_id") > 1)
    )
    rows: list[tuple[str, str, str]] = []
    for (article,), group in ids.group_by("article_id"):
        counts = dict(zip(group["speaker"], group["n"], strict=True))
        rows += [(article, a, b) for a, b in same_speakers(list(counts), counts).items()]
    if not rows:
        return frame
    to = pl.DataFrame(
        rows, schema={"article_id": pl.String, "speaker": pl.String, "_to": pl.String}, orient="row"
    )
    return (
        frame.join(to, on=["article_id", "speaker"], how="left")
        .with_columns(speaker=pl.coalesce("_to", "speaker"))
        .drop("_to")
    )


def _article_scoped(speaker: pl.Expr) -> pl.Expr:
    """A lone first name (no gazetteer id, one listed given name) qualified by its article."""
    lone = speaker.is_in(sorted(sw_given())) & ~speaker.str.contains(" ")
    return (
        pl.when(lone)
        .then(pl.format("{} ({})", speaker, pl.col("article_id")))
        .otherwise(speaker)
        .alias("speaker")
    )


def _marks(text: str) -> list[tuple[int, str]]:
    """Quotation marks of ``text`` (offset, how the mark reads), as
    ``narratives.statements`` reads them: a mark glued to the word after it opens
    (also after a lone proclitic: ``و"جالكسي``), one glued to the word before it
    closes, any other toggles (whatever its shape: ``« المجنون «``, ``:»فوجئت``)."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch not in QUOTE_MARKS:
            continue
        left = i > 0 and text[i - 1].isalnum()
        right = i + 1 < len(text) and text[i + 1].isalnum()
        j = i - 2 if text[i - 1 : i] == "ـ" else i - 1  # لـ"رويترز"
        clitic = (
            left and text[j : j + 1] in tuple("وفبلك") and (j == 0 or not text[j - 1].isalnum())
        )
        how = "open" if right and (not left or clitic) else "close" if left else "toggle"
        out.append((i, how))
    return out


@lru_cache(maxsize=1)
def _saying_words() -> frozenset[str]:
    """Words after which a quotation opens: reporting verbs and participles
    (``reporting_verbs.tsv``, with و/ف), complementizers and قوله."""
    from narratives._resources import load_tsv

    forms = {normalize(f) for f in load_tsv("reporting_verbs.tsv")["form"]}
    forms |= {"ان", "بان", "انه", "انها", "انهم", "قوله", "قولها", "فيه", "فيها"}
    return frozenset(forms | {p + f for f in forms for p in "وف"})


def _opens_quote(rec: dict[str, Any], at: int) -> bool:
    """Whether the mark at ``at`` opens someone's words: after a colon, or right after a
    reporting verb or أن (``وقال بيلسا السبت: «``, ``ونوه إلى أن «``, ``وقال “توجد``),
    or in a reporting act of its own with most words after it (``يقول الناقد ... عن
    هذا الموضوع "نقاشات ...``); not a name or title (``لصحيفة “الحياة”``)."""
    text = rec["text"] or ""
    before = text[:at].rstrip()
    if before.endswith((":", "：")):
        return True
    words = _WORD.findall(normalize(before))
    if words and words[-1] in _saying_words():
        return True
    own = rec["cue"] is not None and not rec["cue_carried"]
    return own and _share(text, at, len(text)) >= 0.5


def _opens_act(text: str | None) -> bool:
    """Whether a statement opens on a reporting verb (``وقالت مصادر ...``): someone
    else speaks, not the quotation running on."""
    words = _WORD.findall(normalize(text or ""))[:2]
    return any(w in _saying_words() and w not in ("ان", "انه", "انها") for w in words)


def _new_act(rec: dict[str, Any], marks: list[tuple[int, str]]) -> bool:
    """Whether a statement opens a reporting act of its own outside quotation marks
    (its own cue, a speaker, and words before its first mark: ``وقال الناقد ... سمير
    فريد ... "``, ``ونوه إلى أن «``)."""
    if rec["cue"] is None or rec["cue_carried"] or rec["speaker"] is None:
        return False
    first = marks[0][0] if marks else len(rec["text"] or "")
    return bool(_WORD.search(rec["text"] or "", 0, first))


def _ends_quote(text: str, at: int) -> bool:
    """Whether the closing mark at ``at`` ends a quotation that ran into this statement:
    most of the statement's words come before it (``للجمهور "`` / ``وهذا ما نفتقده
    بالمنطقة الشرقية".``), not a title quoted further on (``لـ«الشرق الأوسط» على ...``,
    ``وتنضم مسرحية ” سراة الشعر ”``)."""
    return _share(text, 0, at) >= DIRECT_SHARE


#: openings of a statement that tell the writer's narration, not a quotation run on
_NARRATION = re.compile(
    r"^\W*(?:من جهة اخري|من جهه اخري|من جهته|من جهتها|من جهتهم|من جانبه|من جانبها|من جانبهم"
    r"|من ناحيه اخري|من ناحيته|من ناحيتها|بدوره|بدورها|الي ذلك|وفي سياق|في سياق|وفي غضون"
    r"|وعلي صعيد|علي صعيد)"
)


def _share(text: str, lo: int, hi: int) -> float:
    words = _WORD.findall(text)
    return len(_WORD.findall(text[lo:hi])) / len(words) if words else 0.0


def _quotes_across(statements: pl.DataFrame) -> pl.DataFrame:
    """Statements inside a quotation opened in an earlier statement of the article and
    closed in a later one: ``quote`` direct (or mixed for the opening and closing
    statements when most of their words are outside), and the opener's speaker for
    those that have none (their cue carried over)."""
    order = next((c for c in ("start", "position") if c in statements.columns), None)
    if order is None or "text" not in statements.columns or statements.is_empty():
        return statements
    cols = {"quote": pl.String, "cue": pl.String, "cue_class": pl.String, "cue_carried": pl.Boolean}
    frame = statements.with_columns(
        pl.lit(None, dtype).alias(c) for c, dtype in cols.items() if c not in statements.columns
    )
    loose = (
        frame.filter(pl.col("text").str.contains(f"[{re.escape(QUOTE_MARKS)}]"))
        .select("article_id")
        .unique()
    )
    rows = (
        frame.join(loose, on="article_id", how="semi")
        .select(
            "statement_id", "article_id", order, "text", "speaker", "quote", "cue",
            "cue_class", "cue_carried",
            head=pl.col("is_headline").fill_null(False)
            if "is_headline" in frame.columns
            else pl.lit(False),
        )
        .sort("article_id", order)
    )  # fmt: skip
    fixes: dict[str, dict[str, Any]] = {}
    for _, group in rows.group_by("article_id", maintain_order=True):
        recs = group.to_dicts()
        depth = 0
        opened: tuple[int, int] = (0, 0)
        for k, rec in enumerate(recs):
            if rec["head"] or (depth and k - opened[0] > MAX_QUOTE_STATEMENTS):
                depth = 0  # a headline ends any quotation; a long one was stray marks
            if rec["head"]:
                continue
            marks = _marks(rec["text"] or "")
            if depth and _new_act(rec, marks):
                # «A ... then وأردف: «B ...: the first quotation was never closed; it ran
                # to here when the same speaker opens another, else it was a stray mark
                if marks and opened[0] >= 0 and rec["speaker"] == recs[opened[0]]["speaker"]:
                    _close(recs, opened, (k - 1, len(recs[k - 1]["text"] or "")), fixes)
                depth = 0
            for at, how in marks:
                if how == "open" or (how == "toggle" and not depth):
                    if not depth:
                        opened = (k, at) if _opens_quote(rec, at) else (-1, at)
                    depth += 1
                elif depth:
                    depth -= 1
                    if not depth and opened[0] == k:
                        _within(rec, opened[1], at, fixes)
                    elif not depth and opened[0] >= 0 and _ends_quote(rec["text"], at):
                        _close(recs, opened, (k, at), fixes)
    if not fixes:
        return statements
    fix = pl.DataFrame(
        [{"statement_id": sid, **f} for sid, f in fixes.items()],
        schema={
            "statement_id": pl.String,
            **{f"_{c}": t for c, t in cols.items()},
            "_speaker": pl.String,
        },
        orient="row",
    )
    out = frame.join(fix, on="statement_id", how="left").with_columns(
        pl.coalesce(f"_{c}", c).alias(c) for c in (*cols, "speaker")
    )
    return out.select(statements.columns)


def _within(rec: dict[str, Any], lo: int, hi: int, fixes: dict[str, dict[str, Any]]) -> None:
    """A quotation opened and closed in one statement whose own flag missed it (marks
    the scrape reversed earlier in the paragraph): direct when most words are inside."""
    if (
        rec["speaker"] is not None
        and rec["quote"] in ("indirect", "none")
        and _share(rec["text"], lo, hi) >= DIRECT_SHARE
    ):
        fixes[rec["statement_id"]] = {"_quote": "direct"}


def _close(
    recs: list[dict[str, Any]],
    opened: tuple[int, int],
    closed: tuple[int, int],
    fixes: dict[str, dict[str, Any]],
) -> None:
    """Mark the statements of one quotation (``opened`` and ``closed``: statement index
    and character offset of the mark)."""
    (i, o), (j, c) = opened, closed
    if j == i or j - i > MAX_QUOTE_STATEMENTS:
        return
    opener = recs[i]
    speaker = opener["speaker"]
    if speaker is None:
        return  # nobody's words: nothing to count
    inner = recs[i + 1 : j + 1]
    # the speaker named in the third person («بحسب بورقيبة»): the writer's narration
    names = {w for w in speaker.split() if len(w) > 3} - {"عبدالله", "عبدالعزيز", "عبدالرحمن"}
    if any(
        (r["speaker"] not in (None, speaker) and not r["cue_carried"])
        or (r["speaker"] is None and r["cue"] is not None and _opens_act(r["text"]))
        or _NARRATION.match(normalize(r["text"] or ""))
        or (r["speaker"] is None and names & set(_WORD.findall(normalize(r["text"] or ""))))
        for r in inner
    ):
        return  # someone else speaks inside: stray marks, not one quotation
    shares = [_share(opener["text"], o, len(opener["text"]))]
    shares += [1.0] * (j - i - 1) + [_share(recs[j]["text"], 0, c)]
    for rec, share in zip(recs[i : j + 1], shares, strict=True):
        quote = "direct" if share >= DIRECT_SHARE else "mixed"
        f: dict[str, Any] = {}
        if rec["quote"] != "direct" and quote != rec["quote"]:
            f["_quote"] = quote
        if rec["speaker"] is None:
            f |= {
                "_speaker": speaker,
                "_cue": opener["cue"],
                "_cue_class": opener["cue_class"],
                "_cue_carried": True,
            }
        if f:
            fixes[rec["statement_id"]] = f


_REJECT = frozenset({
    "رفض", "رفضت", "رفضوا", "يرفض", "ترفض", "يرفضون", "يرفضان",
    "رافضا", "رافضه", "رافضين", "رافضون",
})  # fmt: skip


@lru_cache(maxsize=1)
def _denied_words() -> frozenset[str]:
    from narratives._resources import load_tsv

    return frozenset(normalize(w) for w in load_tsv("denied_words.tsv")["word"])


def _bare(tok: str) -> str:
    """A token without up to two proclitics (و ف ب ل ك) and the article."""
    for _ in range(2):
        if tok.startswith("لل") and len(tok) > 4:
            return tok[2:]
        if len(tok) > 3 and tok[0] in "وفبلك" and tok[1:] not in _REJECT:
            tok = tok[1:]
    return tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok


def is_refusal(text: str, *, window: int = 8) -> bool:
    """Whether the rejection verb of ``text`` refuses an act rather than denies words.

    The ``window`` words after the verb are looked at (a subject may come first: «رفض
    رئيس التحرير، الدكتور ... الاتهامات»); a word or phrase of
    ``lexicons/denied_words.tsv`` among them makes a denial. False when the text has
    no rejection verb.

    Examples
    --------
    >>> is_refusal("غير أن الملك فاروق رفض ذلك")
    True
    >>> is_refusal("رافضًا الحديث بشكل قاطع عن عملية التسويق لعدم اختصاصه بالموضوع،")
    True
    >>> is_refusal("ورفض المتحدث الاتهامات التي وجهتها المنظمة")
    False
    """
    toks = _WORD.findall(normalize(text))
    at = next(
        (k for k, t in enumerate(toks) if t in _REJECT or (t[:1] in "وف" and t[1:] in _REJECT)),
        None,
    )
    if at is None:
        return False
    after = [_bare(t) for t in toks[at + 1 : at + 1 + window]]
    denied = _denied_words()
    pairs = {f"{a} {b}" for a, b in pairwise(after)}
    return not (set(after) & denied or pairs & denied)


def with_refusals(statements: pl.DataFrame) -> pl.DataFrame:
    """Own rejection cues that refuse an act (``is_refusal``) get the class ``refusal``.

    Used by :func:`voices` and :func:`narratives.compare.reporting_verbs`, so both
    tables class one verb alike.
    """
    if not {"cue", "cue_class", "text"} <= set(statements.columns):
        return statements
    carried = (
        pl.col("cue_carried").fill_null(False)
        if "cue_carried" in statements.columns
        else pl.lit(False)
    )
    rejecting = (pl.col("cue") == "رفض") & (pl.col("cue_class") == "denial") & ~carried
    # the text of rejecting statements only: is_refusal runs on them, not on every row
    refused = (
        pl.when(rejecting)
        .then(pl.col("text"))
        .map_elements(is_refusal, return_dtype=pl.Boolean, skip_nulls=True)
        .fill_null(False)
    )
    return statements.with_columns(
        cue_class=pl.when(refused).then(pl.lit("refusal")).otherwise(pl.col("cue_class"))
    )
