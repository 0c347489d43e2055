"""Parts of a claim an outlet left out while carrying the rest: the clause-level omission test.

A news sentence often holds several facts: «تمت إحالة المتهمين إلى المحكمة
الاتحادية العليا بعد أن أسفرت التحقيقات عن أنهم أنشأوا جماعة إرهابية بمسمى
"مجموعة شباب المنارة"». An outlet that gives the founding of the group and
not the court or the group's name carries most of the sentence's words, so
the whole-statement test (:mod:`narratives.compare._closest`) calls the claim
carried. Here each claim statement is cut at clause boundaries (commas,
quotes, brackets, connectives: كما، فيما، بينما، بعد أن، بغية، بهدف ...; a
new reporting verb: وأضاف، مشيرا ...), the attribution frame is masked
(a clause opened by a reporting verb up to its complementizer, a source
clause: «وفق ما بثته وكالة الأنباء», «حسبما ذكرت»; the speaker's name and
title), and a part is *left out* by an outlet when its own words (content
words, IDF over the story's statements, one synonym group one word, light
stems) are mostly absent from everything the outlet wrote in the story and
none of its figures is there, while at least ``min_outlets`` outlets carry
that part (one of their statements holds most of its words). Used by the
omission table only: parts never align statements or build claims.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import polars as pl

#: connectives and frame openers that start a new clause (matched on the raw text,
#: with an optional و/ف before the word)
_OPENERS = (
    "كما", "فيما", "بينما", "حيث", "إذ", "بعد أن", "بعد ان", "بعدما", "بغية", "بهدف",
    "من أجل", "من اجل", "في حين", "إلا أن", "الا ان", "غير أن", "غير ان", "لكن", "ثم",
    "وفق ما", "وفقا لما", "وفقاً لما", "حسبما", "بحسب", "نقلا عن", "نقلاً عن",
    "مشيرا", "مشيراً", "مضيفا", "مضيفاً", "مؤكدا", "مؤكداً", "لافتا", "لافتاً",
    "موضحا", "موضحاً", "وأضاف", "وأوضح", "وقال", "وأكد", "وتابع", "واستطرد", "وأشار",
    "وذكر", "وصرح", "ونقلت", "ونقل",
)  # fmt: skip
_SPLIT = re.compile(
    r"[،,;؛:()\[\]«»“”\"]|\.{2,}|…|(?<!\S)(?=(?:[وف]?(?:"
    + "|".join(re.escape(w) for w in sorted(_OPENERS, key=len, reverse=True))
    + r"))(?!\S))"
)
#: a source clause: no fact of the story, whoever reports it
_SOURCE = re.compile(r"^[وف]?(?:وفق|وفقا|حسبما|بحسب|نقلا|حسب)(?!\S)")
_COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "بانه", "انها", "بانها", "انهم", "بانهم"})


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """Normalized forms of ``lexicons/reporting_verbs.tsv``."""
    from narratives._resources import load_tsv
    from narratives.normalize import normalize

    return frozenset(normalize(str(w)) for w in load_tsv("reporting_verbs.tsv")["form"] if w)


#: relative time words: when, not what (اليوم، الأربعاء المقبل، الموافق)
_TIME_WORDS = (
    "اليوم", "امس", "غدا", "المقبل", "المقبله", "القادم", "الماضي", "الماضيه", "الجاري",
    "الحالي", "الموافق", "صباح", "مساء", "ليله", "يوم", "عام", "العام", "هـ",
)  # fmt: skip


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    """A date or time phrase on normalized text: weekdays, months with day and year, «اليوم»."""
    from narratives._resources import load_yaml
    from narratives.normalize import normalize

    data = load_yaml("months.yaml")
    names = {normalize(str(n)) for key in ("months", "weekdays") for n in data.get(key, {})}
    names |= {n[2:] for n in names if n.startswith("ال")}
    words = "|".join(re.escape(w) for w in sorted(names | set(_TIME_WORDS), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:\d{{1,2}}\s*)?[وبلف]?(?:ال)?(?:{words})(?:\s*/\s*\w+)?(?:\s*\d{{4}}\s*م?)?(?!\w)"
        r"|(?<!\d)(?:19|20|14)\d{2}\s*[مه]?(?!\w)"
    )


def _undated(text: str) -> str:
    """The text, normalized, without its date and time phrases.

    Examples
    --------
    >>> _undated("في لندن يوم الأربعاء المقبل الموافق 12 أغسطس 2015م.")
    'في لندن .'
    """
    from narratives.normalize import normalize

    return " ".join(_date_pattern().sub(" ", normalize(text)).split())


def split_clauses(text: str) -> list[str]:
    """The clauses of a statement, frame clauses included, in order.

    Examples
    --------
    >>> split_clauses("أحالت النيابة 41 متهما إلى المحكمة، كما صادرت أموالهم")
    ['أحالت النيابة 41 متهما إلى المحكمة', 'كما صادرت أموالهم']
    >>> split_clauses('قال الوزير "نرحب بالقرار" بعد أن أعلن الاتفاق')
    ['قال الوزير', 'نرحب بالقرار', 'بعد أن أعلن الاتفاق']
    """
    return [p.strip() for p in _SPLIT.split(text or "") if p and p.strip()]


def _unframed(clause: str) -> str:
    """The clause without its attribution frame; empty when it is all frame.

    A clause opened by a reporting verb (وقال، وأوضح، مشيرا) keeps what follows
    its complementizer (أن، إن، بأن), or nothing; a source clause (وفق ما
    بثته، حسبما ذكرت، نقلا عن) is all frame.

    Examples
    --------
    >>> _unframed("وأوضح كبيش أن المتهمين تواصلوا مع منظمات إرهابية")
    'المتهمين تواصلوا مع منظمات إرهابية'
    >>> _unframed("حسبما ذكرت وكالة الأنباء الإماراتية الرسمية")
    ''
    """
    from narratives.normalize import normalize

    words = clause.split()
    if not words:
        return ""
    if _SOURCE.match(normalize(words[0])):
        return ""
    first = normalize(words[0])
    forms = _reporting_forms()
    if first in forms or (len(first) > 2 and first[0] in "وف" and first[1:] in forms):
        for k, w in enumerate(words[1:], start=1):
            if normalize(w) in _COMPLEMENTIZERS:
                return " ".join(words[k + 1 :])
        return ""
    return clause


def _names_normalized(text: str) -> str:
    """The text match-normalized, given names joined (عبد العزيز, عبدالعزيز)."""
    from narratives.align._text import join_names
    from narratives.normalize import normalize

    return join_names(normalize(text))


def _undated_normalized(text: str) -> str:
    """:func:`_names_normalized` of the text without its date and time phrases."""
    return _names_normalized(_undated(text))


def _light_keys(tokens: list[list[str]]) -> list[set[str]]:
    """The light stems of each token list, words of one synonym group one word."""
    from narratives.align._text import light_key
    from narratives.compare._synonyms import with_synonyms

    return [{light_key(w) for w in toks} for toks in with_synonyms(tokens)]


def _keys(
    texts: Sequence[str],
    exclude: Sequence[str | None] | None = None,
    vocabulary: set[str] | None = None,
    normalized: Sequence[str] | None = None,
    normalizer: Callable[[str], str] = _names_normalized,
    distinct: set[str] | None = None,
    rows: Sequence[int] | None = None,
) -> list[set[str]]:
    """Light-stemmed content words of each text, one synonym group one word.

    Given names are joined (عبد العزيز, عبدالعزيز); ``vocabulary`` (the known words
    for clitic stripping) must be the same for the texts compared; ``normalized``:
    the texts match-normalized with names joined, when the caller has them
    (else ``normalizer`` makes them); ``rows``: only these texts' keys (sorted row
    numbers; the joined negations are still every text's). Tokenized in parts on the usable cores
    (:func:`narratives.compare._tokens.content_tokens_in_parts`: the tokens of one call).
    """
    from narratives.align._text import _TOKEN
    from narratives.compare._tokens import content_tokens_in_parts

    if vocabulary is None:
        if normalized is None:
            normalized = [normalizer(t) for t in texts]
        vocabulary = {w for t in normalized for w in _TOKEN.findall(t)}
    return content_tokens_in_parts(
        texts,
        then=_light_keys,
        normalizer=normalizer,
        normalized=normalized,
        vocabulary=vocabulary,
        exclude=exclude,
        distinct=distinct,
        rows=rows,
    )


PARTS = pl.Schema(
    {  # type: ignore[arg-type]
        "claim_id": pl.String,
        "story_id": pl.String,
        "outlet": pl.String,
        "omitted_part": pl.String,  # the part's text (the weightiest left-out part)
        "part_statement_ids": pl.List(pl.String),  # claim statements holding the part
        "part_carriers": pl.List(pl.String),  # outlets carrying the part
        "part_share": pl.Float64,  # share of the part's words in the outlet's story text (0-1)
        "part_words": pl.Int32,  # content words of the part
    }
)


def left_out_parts(
    statements: pl.DataFrame,
    story_of: pl.DataFrame,
    candidates: pl.DataFrame,
    *,
    listed: pl.DataFrame | None = None,
    min_outlets: int = 2,
    min_words: int = 4,
    gap_share: float = 0.4,
    carried_share: float = 0.6,
) -> pl.DataFrame:
    """Per candidate (claim, story, outlet), the claim's weightiest part the outlet left out.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``, ``outlet``, ``text``;
        ``speaker_mention``, ``speaker_title`` masked when present).
    story_of
        ``article_id``, ``story_id``.
    candidates
        ``claim_id``, ``story_id``, ``outlet`` and ``statement_ids`` (the claim's
        statements of other outlets in the story): outlets taken to carry the claim.
    listed
        ``story_id``, ``outlet``, ``statement_ids`` of the claims already listed as
        left out (whole): a part one of those statements holds is not listed again.
    min_outlets
        Least outlets carrying the part (one of their statements in the story holds
        ``carried_share`` of its words).
    min_words
        Least content words of a part once its frame and dates are masked (fewer
        are too little to tell a part reworded from a part left out, as for claims).
    gap_share
        A part is left out when less than this share of its words (IDF-weighted) is
        anywhere in the outlet's statements of the story, and none of its figures.

    Returns
    -------
    pl.DataFrame
        ``PARTS``: one row per candidate that left a part out; of two rows of one
        story and outlet whose parts share half their words, the weightier only.

    Examples
    --------
    >>> st = pl.DataFrame({
    ...     "statement_id": ["a:1", "b:1", "c:1"], "article_id": ["a", "b", "c"],
    ...     "outlet": ["x", "y", "z"],
    ...     "text": ["أحالت النيابة العامة المتهمين إلى القضاء، كما صادرت أموالهم المنقولة"
    ...              " والعقارات الفاخرة",
    ...              "أحالت النيابة العامة المتهمين إلى القضاء وصادرت أموالهم المنقولة"
    ...              " والعقارات الفاخرة",
    ...              "أحالت النيابة العامة المتهمين إلى القضاء"]})
    >>> so = pl.DataFrame({"article_id": ["a", "b", "c"], "story_id": ["s", "s", "s"]})
    >>> cand = pl.DataFrame({"claim_id": ["k"], "story_id": ["s"], "outlet": ["z"],
    ...                      "statement_ids": [["a:1", "b:1"]]})
    >>> left_out_parts(st, so, cand)["omitted_part"].to_list()
    ['كما صادرت أموالهم المنقولة والعقارات الفاخرة']
    """
    from narratives.compare._closest import _figures, figures_agree
    from narratives.compare._tokens import in_parts

    if candidates.height == 0 or "text" not in statements.columns:
        return pl.DataFrame(schema=PARTS)
    read = ("statement_id", "article_id", "outlet", "text", "speaker_mention", "speaker_title")
    st = (
        statements.select(c for c in read if c in statements.columns)
        .join(story_of.select("article_id", "story_id"), on="article_id", how="inner")
        .join(candidates.select("story_id").unique(), on="story_id", how="semi")
    )
    has_mention = "speaker_mention" in st.columns
    has_title = "speaker_title" in st.columns
    texts = st["text"].fill_null("").to_list()
    mentions = [
        " ".join(x for x in (m, t) if x)
        for m, t in zip(
            st["speaker_mention"].to_list() if has_mention else [None] * st.height,
            st["speaker_title"].to_list() if has_title else [None] * st.height,
            strict=True,
        )
    ]
    from narratives.align._text import join_names
    from narratives.compare._tokens import normalized_in_parts

    # the known words for clitic stripping: every statement's of these stories (each
    # text _names_normalized: normalized in batches, then its given names joined)
    normalized, vocabulary = normalized_in_parts(texts, then=join_names)
    sids = st["statement_id"].to_list()
    stories = st["story_id"].to_list()
    outlets = st["outlet"].to_list()
    row_of = {s: i for i, s in enumerate(sids)}
    # the parts of each claim statement asked about: (text, keys, figures)
    # a part is listed when min_outlets outlets besides the one asked carry it: in a
    # story of fewer outlets nothing is asked (its words still count as known words)
    in_story: dict[str, set[str]] = {}
    for story, outlet in zip(stories, outlets, strict=True):
        in_story.setdefault(story, set()).add(outlet)
    asked = [
        row
        for row in candidates.select("claim_id", "story_id", "outlet", "statement_ids").rows()
        if len(in_story.get(row[1], set()) - {row[2]}) >= min_outlets
    ]
    wanted = {s for *_, ids in asked for s in ids or []}
    ats = [at for s in sorted(wanted) if (at := row_of.get(s)) is not None]

    def clauses_of(span: slice) -> list[list[str]]:
        """The clauses of the statements ``ats[span]`` (none for a statement of one)."""
        out = []
        for at in ats[span]:
            clauses = [c for c in (_unframed(c) for c in split_clauses(texts[at])) if c]
            # one clause: the whole-statement test already answered
            out.append(clauses if len(clauses) >= 2 else [])
        return out

    # the statements' clauses, then the parts' figures, in parts on forked workers
    part_rows = [
        (at, c)
        for at, clauses in zip(ats, in_parts(clauses_of, len(ats)), strict=True)
        for c in clauses
    ]
    if not part_rows:
        return pl.DataFrame(schema=PARTS)
    # the clauses undated and normalized in the worker processes (the same texts)
    part_keys = _keys(
        [c for _, c in part_rows],
        exclude=[mentions[r] for r, _ in part_rows],
        vocabulary=vocabulary,
        normalizer=_undated_normalized,
    )
    big = [(r, c, k) for (r, c), k in zip(part_rows, part_keys, strict=True) if len(k) >= min_words]
    # (a part's figures, and an outlet's, are read only where its words are missing)
    parts_of: dict[int, list[tuple[str, set[str]]]] = {}
    for r, c, k in big:
        parts_of.setdefault(r, []).append((c, k))
    if not parts_of:
        return pl.DataFrame(schema=PARTS)
    # the words of the statements of the stories where a part was asked about (the IDF,
    # the outlets' texts and the parts' carriers are read there only); the vocabulary
    # stays every statement's above, so each gets the tokens of one call over them all
    with_parts = {stories[r] for r in parts_of}
    in_scope = [r for r, story in enumerate(stories) if story in with_parts]
    keys: list[set[str]] = [set() for _ in texts]
    for r, k in zip(
        in_scope,
        _keys(
            texts, vocabulary=vocabulary, normalized=normalized, distinct=vocabulary, rows=in_scope
        ),
        strict=True,
    ):
        keys[r] = k
    # IDF over the statements of each story
    idf: dict[str, dict[str, float]] = {}
    per_story: dict[str, list[int]] = {}
    for r in in_scope:
        per_story.setdefault(stories[r], []).append(r)
    for story, rows in per_story.items():
        df: dict[str, int] = {}
        for r in rows:
            for w in keys[r]:
                df[w] = df.get(w, 0) + 1
        m = len(rows)
        idf[story] = {w: float(np.log((1 + m) / (1 + c)) + 1) for w, c in df.items()}
    # each outlet's statements in each story
    rows_of: dict[tuple[str, str], list[int]] = {}
    for r in in_scope:
        rows_of.setdefault((stories[r], outlets[r]), []).append(r)

    totals: dict[tuple[str, int], float] = {}

    def share(story: str, part: set[str], have: set[str], heads: set[str] | None = None) -> float:
        """IDF-weighted share of ``part`` in ``have`` (or, with ``heads``, sharing its
        first four letters with a word of ``have``: أنشأوا / إنشاء, أداروا / إدارة)."""
        weights = idf[story]
        # fsum: exactly rounded, so the same whatever order the set's words come in
        # (a set of strings is ordered by a hash seeded per process); a part's total
        # once per story (the part's set lives as long as ``parts_of``)
        total = totals.get((story, id(part)))
        if total is None:
            total = totals[(story, id(part))] = math.fsum(weights.get(w, 1.0) for w in part)
        if heads is None:  # the shared words only (fsum: their order does not matter)
            common = part & have
            if not common:
                return 0.0
            got = math.fsum(weights.get(w, 1.0) for w in common)
        else:
            got = math.fsum(
                weights.get(w, 1.0) for w in part if w in have or (len(w) >= 4 and w[:4] in heads)
            )
        return got / max(total, 1e-9)

    listed_rows: dict[tuple[str, str], list[int]] = {}
    if listed is not None:
        for story, outlet, ids in listed.select("story_id", "outlet", "statement_ids").iter_rows():
            listed_rows.setdefault((story, outlet), []).extend(
                row_of[x] for x in ids or [] if x in row_of
            )

    outlets_of: dict[str, dict[str, list[int]]] = {}
    for (story, outlet), rows in rows_of.items():
        outlets_of.setdefault(story, {})[outlet] = rows
    carried_cache: dict[tuple[int, str], list[str]] = {}

    def carriers_of(story: str, at: int, text: str, part: set[str]) -> list[str]:
        """Outlets of the story one of whose statements holds ``carried_share`` of the part."""
        hit = carried_cache.get((at, text))
        if hit is None:
            hit = sorted(
                o
                for o, rows in outlets_of.get(story, {}).items()
                if any(share(story, part, keys[q]) >= carried_share for q in rows)
            )
            carried_cache[(at, text)] = hit
        return hit

    # what an outlet's text of a story holds: its words, their heads, its figures (once
    # per story and outlet asked about, however many claims are asked of it)
    Held = tuple[set[str], set[str]]
    held: dict[tuple[str, str], Held] = {}
    held_figures: dict[tuple[str, str], frozenset[tuple[int, int]]] = {}

    def holding_of(story: str, outlet: str) -> Held:
        out = held.get((story, outlet))
        if out is None:
            rows = rows_of.get((story, outlet), [])
            have: set[str] = set().union(*(keys[r] for r in rows))
            out = held[(story, outlet)] = (have, {w[:4] for w in have if len(w) >= 4})
        return out

    def figures_of(story: str, outlet: str) -> frozenset[tuple[int, int]]:
        out = held_figures.get((story, outlet))
        if out is None:
            rows = rows_of.get((story, outlet), [])
            out = held_figures[(story, outlet)] = frozenset().union(
                *(_figures(texts[r]) for r in rows)
            )
        return out

    Found = list[tuple[float, set[str], dict[str, object]]]

    def find(span: slice) -> Found:
        """The left-out parts of the candidates ``asked[span]`` (a pure function of them:
        the caches above only save work)."""
        found: Found = []
        for claim, story, outlet, ids in asked[span]:
            for s in ids or []:
                at = row_of.get(s)
                if at is None:
                    continue
                for text, part in parts_of.get(at, []):
                    have, heads = holding_of(story, outlet)
                    got = share(story, part, have, heads)
                    if got >= gap_share:
                        continue
                    pfigs = _figures(text)
                    if pfigs and figures_agree(pfigs, figures_of(story, outlet)):
                        continue
                    if any(
                        share(story, part, keys[q]) >= carried_share
                        for q in listed_rows.get((story, outlet), [])
                    ):
                        continue  # listed already, as a whole claim left out
                    # who carries the part: one statement holding most of its words
                    carriers = [o for o in carriers_of(story, at, text, part) if o != outlet]
                    if len(carriers) < min_outlets:
                        continue
                    holding = sorted(
                        x
                        for x in ids
                        if x in row_of and share(story, part, keys[row_of[x]]) >= carried_share
                    )
                    weight = math.fsum(idf[story].get(w, 1.0) for w in part) * (1.0 - got)
                    found.append(
                        (
                            weight,
                            part,
                            {
                                "claim_id": claim,
                                "story_id": story,
                                "outlet": outlet,
                                "omitted_part": text,
                                "part_statement_ids": holding,
                                "part_carriers": carriers,
                                "part_share": round(got, 3),
                                "part_words": len(part),
                            },
                        )
                    )
        return found

    # the candidates in parts on forked workers, in order: the rows of one pass
    from narratives.compare._tokens import PARALLEL_TEXTS
    from narratives.engine.local import chunks, fork_map, usable_cores

    n_proc = usable_cores()
    spans = chunks(len(asked), 2 * n_proc, least=PARALLEL_TEXTS)
    found: Found = [
        b
        for part in (
            fork_map(find, spans, processes=n_proc) if len(spans) > 1 else [find(slice(None))]
        )
        for b in part
    ]
    # the weightiest part first; one row per claim, and one fact told in two claims of
    # the story (a wire sentence and its rewrite) once
    out: list[dict[str, object]] = []
    done: set[tuple[object, object, object]] = set()
    kept: dict[tuple[object, object], list[set[str]]] = {}
    for _, part, row in sorted(
        found, key=lambda b: (-b[0], str(b[2]["claim_id"]), str(b[2]["omitted_part"]))
    ):
        key = (row["claim_id"], row["story_id"], row["outlet"])
        seen = kept.setdefault((row["story_id"], row["outlet"]), [])
        if key in done or any(len(part & k) * 2 >= min(len(part), len(k)) for k in seen):
            continue
        done.add(key)
        seen.append(part)
        out.append(row)
    return pl.DataFrame(out, schema=PARTS)
