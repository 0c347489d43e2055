"""Word substitutions: "outlet A writes X where outlet B writes Y".

Token-level diffs (``difflib.SequenceMatcher`` on match-normalized,
proclitic-stripped tokens) of aligned pairs of statements of the same claim
from different outlets, aggregated over pairs and ranked by how many pairs
show each substitution. The loop runs over aligned pairs only, which is
bounded by the alignment.

Every difference found is sorted into one of three bins
(:func:`aligned_differences`):

- a **house-style** variant: the same word spelt in another outlet's style
  (عبد العزيز / عبدالعزيز, الأميركي / الأمريكي, 2013 / 2013م, الروسى /
  الروسي; rules in ``lexicons/house_style.yaml``), reported by
  :func:`narratives.compare.house_style`;
- a **figure** (a span with digits): left to
  :func:`narratives.compare.discrepancies`;
- a **word choice**: everything else but spans of function words only,
  reported here in the spelling the outlets used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Container, Iterable, Sequence
from datetime import date, datetime
from difflib import SequenceMatcher
from functools import lru_cache

import polars as pl
from rapidfuzz.distance import Indel, Levenshtein

from narratives import schemas
from narratives._resources import load_tsv, load_yaml
from narratives.align._background import load_background
from narratives.compare._choice import (
    figures,
    load_choice_lexicon,
    not_a_choice,
    same_word,
)
from narratives.compare._common import (
    SAME_CLAIM_RELATIONS,
    best_counterparts,
    check,
    same_claim_pairs,
    with_examples,
)
from narratives.compare._text import (
    display_tokens,
    kept_strip,
    load_variant_rules,
    proclitic_map,
    statement_tokens,
    unmarked,
    variant_kind,
    word_key,
)
from narratives.engine.local import chunks, fork_map, usable_cores
from narratives.normalize import normalize

Opcodes = Callable[[Sequence[str], Sequence[str]], Iterable[tuple[str, int, int, int, int]]]


class _Either:
    """Words in any of several sets (``in`` only; the sets are not copied)."""

    def __init__(self, *sets: Container[str]) -> None:
        self.sets = sets

    def __contains__(self, word: object) -> bool:
        return any(word in s for s in self.sets)


def difflib_opcodes(a: Sequence[str], b: Sequence[str]) -> Iterable[tuple[str, int, int, int, int]]:
    """``difflib.SequenceMatcher`` opcodes of two token lists (no junk heuristic)."""
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def indel_opcodes(a: Sequence[str], b: Sequence[str]) -> Iterable[tuple[str, int, int, int, int]]:
    """Opcodes from RapidFuzz's Indel (LCS) alignment, adjacent edits merged into one
    ``replace`` as difflib reports them; several times faster than difflib."""
    merged: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag != "equal" and merged and merged[-1][0] != "equal":
            _, pi1, _, pj1, _ = merged[-1]
            merged[-1] = ("replace", pi1, i2, pj1, j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return [
        ("replace" if t != "equal" and i1 < i2 and j1 < j2 else t, i1, i2, j1, j2)
        for t, i1, i2, j1, j2 in merged
    ]


def token_substitutions(
    a: Sequence[str],
    b: Sequence[str],
    *,
    max_span: int = 3,
    indels: bool = False,
    opcodes: Opcodes = difflib_opcodes,
) -> list[tuple[str, str]]:
    """The replaced token spans between two token lists, as ``(in a, in b)`` strings.

    Examples
    --------
    >>> token_substitutions("قال لافروف ان الارهابيين".split(), "قال لافروف ان المسلحين".split())
    [('الارهابيين', 'المسلحين')]
    >>> a, b = "قال عبد العزيز".split(), "قال عبدالعزيز".split()
    >>> token_substitutions(a, b, opcodes=indel_opcodes)
    [('عبد العزيز', 'عبدالعزيز')]
    """
    if a == b:
        return []
    out = []
    for op, i1, i2, j1, j2 in opcodes(a, b):
        if op == "equal" or (op != "replace" and not indels):
            continue
        if i2 - i1 > max_span or j2 - j1 > max_span:
            continue
        out.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


@lru_cache(maxsize=4)
def function_words(path: str = "match_stopwords.tsv") -> frozenset[str]:
    """Match-normalized function words (``kind == "function"`` in ``match_stopwords.tsv``)."""
    table = load_tsv(path)
    if "kind" not in table.columns:
        return frozenset(table["word"].to_list())
    return frozenset(table.filter(pl.col("kind") == "function")["word"].to_list())


@lru_cache(maxsize=4)
def frame_words(path: str = "match_stopwords.tsv") -> frozenset[str]:
    """Reporting verbs, titles and interview words (``match_stopwords.tsv``, not function words):
    a span holding one is about attribution (see ``reporting_verbs``), not word choice."""
    table = load_tsv(path)
    if "kind" not in table.columns:
        return frozenset()
    return frozenset(table.filter(pl.col("kind") != "function")["word"].to_list())


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """Unambiguous reporting-verb forms and lemmas of ``reporting_verbs.tsv``, match-normalized."""
    table = load_tsv("reporting_verbs.tsv")
    if "ambiguous" in table.columns:
        table = table.filter(pl.col("ambiguous") != "yes")
    # نقل is also "carried": «بلغت 24636 مسافرا» / «نقلت 24636 مسافرا» (an airport's figures)
    table = table.filter(pl.col("lemma").map_elements(normalize, return_dtype=pl.String) != "نقل")
    return frozenset(normalize(str(w)) for w in table["form"].to_list() + table["lemma"].to_list())


def _reporting_form(token: str) -> bool:
    """A form of a listed reporting verb, with a number or person ending the list lacks
    (مؤكدين, شددا, أكدوا): the swap is about attribution, not word choice."""
    forms = _reporting_forms()
    word = token[1:] if token[:1] in "وف" and len(token) > 3 else token
    if word in forms:
        return True
    return any(
        word.endswith(end)
        and len(word) - len(end) >= 3
        and (word[: -len(end)] in forms or word[: -len(end)] + "ا" in forms)
        for end in ("ين", "ون", "وا", "ا", "ت", "ن")
    )


@lru_cache(maxsize=4)
def scale_words(path: str = "quantities.yaml", numbers: str = "figures.yaml") -> frozenset[str]:
    """Match-normalized scale words (ألف, ملايين ...) and numbers in words (أربعة, ستة,
    ``number_words`` of ``figures.yaml``): spans with them are figures."""
    data = load_yaml(path)
    scales = data.get("scales") if isinstance(data, dict) else None
    words = load_yaml(numbers)
    spelled = words.get("number_words") if isinstance(words, dict) else None
    return frozenset(normalize(str(k)) for k in [*(scales or {}), *(spelled or [])])


@lru_cache(maxsize=2)
def country_words(path: str = "countries.tsv") -> dict[str, str]:
    """``{match-normalized word: country id}``: names, capitals, nationality adjectives."""
    table = load_tsv(path)
    if not {"name", "country"} <= set(table.columns):
        return {}
    return {normalize(str(w)): str(c) for w, c in zip(table["name"], table["country"], strict=True)}


def known_words(statements: pl.DataFrame, *, min_count: int = 2) -> set[str]:
    """Words a proclitic may be stripped to: tokens seen ``min_count`` times in the
    statements, and the words of the background table (``background_df.tsv.gz``,
    stored without the article), so باونداً is never cut to اونداً on the strength
    of one stray token.
    """
    counts = (
        statements.select(tok=statement_tokens(statements))
        .explode("tok")
        .drop_nulls()
        .group_by("tok")
        .len()
    )
    known = set(counts.filter(pl.col("len") >= min_count)["tok"].to_list())
    background = set(load_background().words)
    rare = set(counts.filter(pl.col("len") < min_count)["tok"].to_list())
    known |= {t for t in rare if t in background or (t.startswith("ال") and t[2:] in background)}
    return known


def _strip_display(word: str, key: str) -> str:
    """``word`` (as written) cut to the letters of its proclitic-stripped ``key``."""
    out = word
    while out and normalize(unmarked(out)) != key and len(normalize(unmarked(out))) > len(key):
        out = out[1:]
    if normalize(unmarked(out)) == key:
        return out
    if key.startswith("ال") and normalize(unmarked(word)).startswith("لل"):
        cut = word
        while cut and not normalize(unmarked(cut)).startswith("لل"):
            cut = cut[1:]
        return "ا" + cut[1:]  # لل of ل + ال: للشعب is ل + الشعب
    return word


#: endings that make another form of one word: attached pronouns (حضره / حضر),
#: plural and dual endings (مليار / مليارات); standard Arabic morphology
INFLECTIONS: tuple[str, ...] = ("ه", "ها", "هم", "هما", "هن", "كم", "نا", "ات", "ون", "ين", "ان")


def _inflected(a: str, b: str) -> bool:
    """One word with and without an ending of :data:`INFLECTIONS` (حضره / حضر)."""
    if " " in a or " " in b or a == b:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    stem = short[:-1] if short.endswith("ه") else short  # ta marbuta before an ending
    return len(stem) >= 2 and any(
        long == short + end or long == stem + "ت" + end for end in INFLECTIONS
    )


def _same(wa: list[str], wb: list[str], ka: list[str], kb: list[str], rules: object) -> bool:
    if ka == kb or variant_kind(" ".join(wa), " ".join(wb), rules=rules) is not None:  # type: ignore[arg-type]
        return True
    return len(ka) == len(kb) == 1 and same_word(ka[0], kb[0])  # يأتي / تأتي at a span's end


def _peel(
    wa: list[str],
    wb: list[str],
    ka: list[str],
    kb: list[str],
    i1: int,
    i2: int,
    j1: int,
    j2: int,
    *,
    rules: object,
    indels: bool,
) -> list[tuple[int, int, int, int]]:
    """Split a replaced block into house-style variants at its ends and what remains.

    "عبد العزيز" / "عبدالعزيز آل سعود" is a spacing variant plus an insertion
    (آل سعود), not a substitution of three words for two.
    """
    out: list[tuple[int, int, int, int]] = []
    tail: list[tuple[int, int, int, int]] = []
    moved = True
    while moved and i1 < i2 and j1 < j2:
        moved = False
        for k in range(1, min(3, i2 - i1) + 1):
            for m in range(1, min(3, j2 - j1) + 1):
                if (k, m) == (i2 - i1, j2 - j1):
                    continue
                if _same(wa[i1 : i1 + k], wb[j1 : j1 + m], ka[i1 : i1 + k], kb[j1 : j1 + m], rules):
                    out.append((i1, i1 + k, j1, j1 + m))
                    i1, j1, moved = i1 + k, j1 + m, True
                    break
                if _same(wa[i2 - k : i2], wb[j2 - m : j2], ka[i2 - k : i2], kb[j2 - m : j2], rules):
                    tail.insert(0, (i2 - k, i2, j2 - m, j2))
                    i2, j2, moved = i2 - k, j2 - m, True
                    break
            if moved:
                break
    if (i1 < i2 and j1 < j2) or (indels and (i1 < i2 or j1 < j2)):
        out.append((i1, i2, j1, j2))
    return out + tail


#: a differing span of a pair: written, shown and keyed on each side, its bin and kind
Span = tuple[str, str, str, str, str, str, str, str | None]

#: aligned pairs per worker process below which the differences stay in this process
PARALLEL_PAIRS = 5_000

DIFFERENCE_SCHEMA = pl.Schema(
    {
        "outlet_a": pl.String,
        "outlet_b": pl.String,
        "claim_id": pl.String,
        "statement_id_a": pl.String,
        "statement_id_b": pl.String,
        "written_a": pl.String,  # the span as outlet A wrote it, proclitics stripped
        "written_b": pl.String,
        "shown_a": pl.String,  # the span as printed in the article (the table's display)
        "shown_b": pl.String,
        "key_a": pl.String,  # match-normalized, proclitics stripped
        "key_b": pl.String,
        # house_style | figure | function | attribution | inflection | word_choice, or why a
        # swap is content rather than wording: name | reference | reordered | insertion |
        # list (another member of a coordinated list) | content (the two statements'
        # figures differ: two facts) | moment (the two articles' news are of days apart:
        # two events told in one template)
        "bin": pl.String,
        "kind": pl.String,  # the house-style kind (variant_kind), else null
    }
)


def aligned_differences(
    statements: pl.DataFrame,
    pairs: pl.DataFrame,
    *,
    max_span: int = 3,
    indels: bool = False,
    clitics: bool = True,
    opcodes: Opcodes = difflib_opcodes,
    min_overlap: float = 0.0,
    min_context: int = 3,
    max_choice: int = 2,
    choice_overlap: tuple[float, float] = (0.6, 0.3),
    progress: bool = False,
    bins: Collection[str] | None = None,
    article_stories: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Every differing span of every pair, binned as house style, figure, function or word choice.

    ``pairs`` has ``statement_id_a``, ``statement_id_b``, ``outlet_a``,
    ``outlet_b`` (and ``claim_id``), e.g. from
    :func:`narratives.compare._common.same_claim_pairs`. Outlets are ordered
    so ``outlet_a <= outlet_b``. Tokens equal once match-normalized but
    written differently (الروسى / الروسي) are house-style rows too. Pairs
    sharing fewer than ``min_overlap`` of the shorter statement's words are
    not paraphrases (their differences are other content) and are skipped.
    A replaced span other than a house-style variant counts only inside
    shared wording: the same words right before and right after it,
    ``min_context`` of them or more in all ("ضرورة تنفيذ [اتفاقيات | اتفاقات]
    مينسك"), or that many on one side at a statement's start or end; a word
    choice needs two or more on each side (one shared word between two
    changes is a rewrite: «البلد المستضيف المغرب» / «منتخبات المغرب صاحب
    الضيافة»), and no word beside it gains or loses the article (a genitive
    against a coordination: «قوات الطوارئ الخاصة» / «القوات والعاملين») or a
    preposition (ل ب ك) on one side only («يستغلون ثقة» / «واستغلالاً لثقة»).
    A replaced span is a word choice only when it passes the content checks
    of :mod:`narratives.compare._choice` (no other form of the same word, no
    person's name or honorific pronoun, no word moved from elsewhere in the
    other statement, content words on both sides, the pair's figures agree)
    and has at most ``max_choice`` words a side (longer: ``rewrite``), in a
    pair sharing at least ``choice_overlap`` of the words of the shorter and
    of the longer statement (else ``content``: a sentence that says more or
    other things, whose differing words are not the same words chosen
    otherwise), and where neither names a country the other does not
    (``countries.tsv``: Egypt's condemnation and the US State Department's,
    clustered as one claim, are two facts).

    Two statements of articles published on different days whose news days (the first
    «أمس» / «اليوم» of each article, :func:`_days_apart`) cannot be one day are two
    events told in one template (a release on 30 fines and, a week later, one on 23;
    the crown prince's phone call and his visit): their swaps are bin ``moment``, not
    word choices; with ``article_stories`` (``article_id``, ``story_id``), only when
    the two articles are of different stories (one story's follow-up telling the same
    fact again keeps its swaps).

    ``bins``: only the rows of these bins (None: every row). With ``house_style`` and
    ``word_choice`` alone, as :func:`substitutions` and :func:`house_style` read them,
    a span that cannot be a word choice (a rewrite, another list member, a pair telling
    two facts) is not put through the word-choice checks.
    """
    rules = load_variant_rules()
    wanted = None if bins is None else frozenset(bins)
    # the word-choice checks (names, the speaker's words, ...) only sort spans that are
    # no word choice into other bins: not needed when no other bin is asked for
    choices_only = wanted is not None and not wanted - {"house_style", "word_choice"}
    lexicon = load_choice_lexicon()
    stop = function_words()
    frame = frame_words()
    prepositions = frozenset(load_choice_lexicon().prepositions)
    scale = scale_words()
    countries = country_words()
    ids = pl.concat([pairs["statement_id_a"], pairs["statement_id_b"]]).unique().implode()
    texts = statements.filter(pl.col("statement_id").is_in(ids)).select("statement_id", "text")
    # a text's tokens are worked out once, whatever the statements that print it (wire
    # copies): ``text_of`` numbers the distinct texts, whose lists the statements share
    # (no list below is changed in place)
    text_of: dict[str, int] = {}
    by_text: dict[str, int] = {}
    written: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    tokens_of: list[tuple[list[str], list[str]]] = []
    for sid, text in texts.iter_rows():
        text = text or ""
        n = by_text.get(text)
        if n is None:
            n = by_text[text] = len(tokens_of)
            toks = display_tokens(text)
            tokens_of.append((toks, [word_key(t) for t in toks]))
        text_of[sid] = n
        written[sid], keys[sid] = tokens_of[n]
    del by_text
    printed = dict(written)  # never stripped: displayed
    attribution = _attribution_words(statements, ids)
    # the day each article's news is of: two articles of days apart tell two events in one
    # template (a release of 30 fines and, a week later, one of 23), not one fact worded twice
    news_day = _news_days_of(statements, ids)
    # statements cut mid-sentence by the scrape's line breaks: a swap at such an edge is
    # the end of a sentence begun in the statement before («صرح بحاح للصحافيين عند |
    # وصوله أن ...» / «وبرفقته 6 | وزراء إن ...»), not a word chosen
    cut_at = _cut_edges(statements, ids)
    story_of: dict[str, str] = {}  # statement -> its article's story
    if article_stories is not None and news_day:
        story_of = dict(
            statements.filter(pl.col("statement_id").is_in(ids))
            .join(article_stories.select("article_id", "story_id"), on="article_id")
            .select("statement_id", "story_id")
            .unique("statement_id")
            .iter_rows()
        )
    raw = dict(keys)  # before proclitics are stripped: «لثقة» / «ثقة» tell a construction
    if clitics:
        used = {t for toks in keys.values() for t in toks}
        known = known_words(statements)
        background = load_background().words
        whole = _Either(background, known)  # words known whole
        mapping = {
            t: kept
            for t, r in proclitic_map(used, known).items()
            # ف ب ل ك before a word without the article: only where the whole token is
            # no known word itself (فقرات is a word, not ف + قرات; ولبيك is و + لبيك)
            if (kept := kept_strip(t, r, whole)) != t
        }
        cut: list[tuple[list[str], list[str]]] = []
        display_cut: dict[tuple[str, str], str] = {}  # a written word cut once per form

        def strip(word: str, key: str) -> str:
            out = display_cut.get((word, key))
            if out is None:
                out = display_cut[word, key] = _strip_display(word, key)
            return out

        for shown, toks in tokens_of:
            stripped = [mapping.get(t, t) for t in toks]
            cut.append(
                (
                    [
                        w if k == s else strip(w, s)
                        for w, k, s in zip(shown, toks, stripped, strict=True)
                    ],
                    stripped,
                )
            )
        del display_cut
        for sid, n in text_of.items():
            written[sid], keys[sid] = cut[n]
        del cut
    del tokens_of
    # words of the language (the background table, words seen twice in the corpus): a form
    # that is none of them, two letters off a word, is a misprint
    spelled: frozenset[str] = frozenset()
    if clitics:
        spelled = frozenset(known) | frozenset(background)
    claim = pairs["claim_id"] if "claim_id" in pairs.columns else [None] * pairs.height
    found: dict[str, set[str]] = {}
    todo = list(
        zip(
            pairs.select("statement_id_a", "statement_id_b", "outlet_a", "outlet_b").iter_rows(),
            claim,
            strict=True,
        )
    )

    def figures_of(sid: str, keys: list[str]) -> set[str]:
        """A statement's figures (:func:`figures`), once per statement; not modified."""
        out = found.get(sid)
        if out is None:
            out = found[sid] = figures(keys)
        return out

    # a pair's spans are a function of its two texts and the two statements' speaker
    # and cue words: worked out once per such four (wire copies make the same pair again
    # and again), in each worker
    spans_of: dict[
        tuple[
            int,
            int,
            frozenset[str] | None,
            frozenset[str] | None,
            bool,
            tuple[Edges, Edges],
        ],
        tuple[Span, ...],
    ] = {}
    heard = {sid: frozenset(words) for sid, words in attribution.items()}

    def _pair_rows(
        rows: list[tuple[str | None, ...]],
        sid_a: str,
        sid_b: str,
        out_a: str | None,
        out_b: str | None,
        claim_id: str | None,
    ) -> None:
        """Append the rows of one pair to ``rows``."""
        if sid_a not in keys or sid_b not in keys:
            return
        if (out_a or "") > (out_b or ""):
            sid_a, sid_b, out_a, out_b = sid_b, sid_a, out_b, out_a
        apart = _days_apart(news_day.get(sid_a), news_day.get(sid_b))
        if apart and story_of:
            story_a = story_of.get(sid_a)
            apart = story_a is None or story_a != story_of.get(sid_b)
        edges = (cut_at.get(sid_a, _WHOLE), cut_at.get(sid_b, _WHOLE))
        key = (text_of[sid_a], text_of[sid_b], heard.get(sid_a), heard.get(sid_b), apart, edges)
        spans = spans_of.get(key)
        if spans is None:
            spans = spans_of[key] = _pair_spans(sid_a, sid_b, apart, edges)
        rows.extend((out_a, out_b, claim_id, sid_a, sid_b, *span) for span in spans)

    def _pair_spans(
        sid_a: str,
        sid_b: str,
        apart: bool = False,
        edges: tuple[Edges, Edges] = (_WHOLE, _WHOLE),
    ) -> tuple[Span, ...]:
        """The rows of one pair (its outlets in order), but its outlets, claim and ids;
        ``apart``: the two articles' news are of different days (:func:`_days_apart`);
        ``edges``: the words beyond each statement's cut start and end (:func:`_cut_edges`).
        """
        found_spans: list[Span] = []
        ka, kb, wa, wb = keys[sid_a], keys[sid_b], written[sid_a], written[sid_b]
        if ka == kb and wa == wb:
            return ()
        ops = list(opcodes(ka, kb))
        shared = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal")
        if shared < min_overlap * min(len(ka), len(kb)):
            return ()  # not a paraphrase: differences are other content, not other words
        fa, fb = figures_of(sid_a, ka), figures_of(sid_b, kb)
        # each names a country the other does not: two countries' statements or cables
        # (مصر / الخارجية الأمريكية condemning, cables to كوت ديفوار / سنغافورة)
        na = {countries[t] for t in ka if t in countries}
        nb = {countries[t] for t in kb if t in countries}
        two_facts = (
            (bool(fa - fb) and bool(fb - fa))  # figures_differ(ka, kb)
            or (bool(na - nb) and bool(nb - na))
            or shared < choice_overlap[0] * min(len(ka), len(kb))
            or shared < choice_overlap[1] * max(len(ka), len(kb))
            or apart
        )
        for n, (op, i1, i2, j1, j2) in enumerate(ops):
            spans: list[tuple[int, int, int, int]] = []
            anchored = tight = True
            listed = fragment = False
            if op == "equal":
                # a shared word written alike on both sides is no variant (variant_kind of
                # one spelling twice is None): only the words written otherwise are read
                spans = [
                    (i1 + k, i1 + k + 1, j1 + k, j1 + k + 1)
                    for k in range(i2 - i1)
                    if wa[i1 + k] != wb[j1 + k]
                ]
            elif op == "replace" or indels:
                if i2 - i1 > max_span or j2 - j1 > max_span:
                    continue
                before = ops[n - 1][2] - ops[n - 1][1] if n and ops[n - 1][0] == "equal" else 0
                after = (
                    ops[n + 1][2] - ops[n + 1][1]
                    if n + 1 < len(ops) and ops[n + 1][0] == "equal"
                    else 0
                )
                at_start, at_end = i1 == 0 and j1 == 0, i2 == len(ka) and j2 == len(kb)
                anchored = (
                    (before and after and before + after >= min_context)
                    or (at_end and before >= min_context)
                    or (at_start and after >= min_context)
                )
                tight = (
                    (min(before, after) >= 2 and before + after >= min_context)
                    or (at_end and before >= min_context)
                    or (at_start and after >= min_context)
                )
                # a swap at both statements' cut edges, whose sentences go on with other
                # words beyond the cut: not a swap inside shared wording (the same words
                # beyond, «... وعيا كبيرا | وتؤمل» / «... | وتحلم», keep it one)
                (sa0, sa1), (sb0, sb1) = edges
                fragment = bool(
                    (at_start and sa0 and sb0 and sa0 != sb0)
                    or (at_end and sa1 and sb1 and sa1 != sb1)
                )
                spans = _peel(wa, wb, ka, kb, i1, i2, j1, j2, rules=rules, indels=indels)
                # a word that gains or loses the article beside the swap changes the
                # construction: «قوات الطوارئ الخاصة» / «القوات والعاملين», «التعازي
                # والمواساة» / «تعازي القيادة» (a genitive against a coordination)
                # another member of a coordinated list («وفرنسا، وبريطانيا، وأوكرانيا» /
                # «وفرنسا وفيرجن آيلاندز وأوكرانيا»): other content, not another word
                listed = _list_member(
                    raw[sid_a], keys[sid_a], i1, i2, before, after
                ) or _list_member(raw[sid_b], keys[sid_b], j1, j2, before, after)
                if len(spans) > 1 and any(
                    variant_kind(" ".join(wa[x1:x2]), " ".join(wb[y1:y2]), rules=rules)
                    == "definite_article"
                    or (x2 - x1 == y2 - y1 == 1 and _construction(ka[x1], kb[y1]))
                    for x1, x2, y1, y2 in spans
                ):
                    tight = False
                # so does a preposition or the article on the shared word next to it:
                # «يستغلون ثقة» / «واستغلالاً لثقة», «استهدفت منسوبي قوات» / «مسجدا لقوات»
                ra, rb = raw[sid_a], raw[sid_b]
                if (before and _construction(ra[i1 - 1], rb[j1 - 1])) or (
                    after and _construction(ra[i2], rb[j2])
                ):
                    tight = False
            for x1, x2, y1, y2 in spans:
                sa, sb = " ".join(wa[x1:x2]), " ".join(wb[y1:y2])
                key_a, key_b = " ".join(ka[x1:x2]), " ".join(kb[y1:y2])
                kind = variant_kind(sa, sb, rules=rules) if sa and sb else None
                if kind is None and key_a != key_b and x2 - x1 == y2 - y1 == 1:
                    # a proclitic kept on one side only (its rest no known word there):
                    # «وغرّ» / «غرر» of «وغرّ بهم» / «وغرر بهم» are one word as printed
                    printed_kind = variant_kind(
                        printed[sid_a][x1], printed[sid_b][y1], rules=rules
                    )
                    kind = printed_kind if printed_kind == "shadda" else None
                if kind is None and (op == "equal" or key_a == key_b or not anchored):
                    continue  # (not anchored: not a word swapped inside shared wording)
                if (
                    kind is None
                    and choices_only
                    and (
                        "word_choice" not in wanted  # type: ignore[operator]
                        or two_facts
                        or fragment
                        or not tight
                        or listed
                        or max(x2 - x1, y2 - y1) > max_choice
                    )
                ):
                    continue  # content, a rewrite or a list member at best: not asked for
                if kind == "definite_article":
                    bin_ = "inflection"  # الدول / دول is grammar as often as house style
                elif kind is not None:
                    bin_ = "house_style"
                elif any(ch.isdigit() for ch in sa + sb) or (
                    set(ka[x1:x2]) & scale or set(kb[y1:y2]) & scale
                ):
                    bin_ = "figure"
                elif all(t in stop for t in ka[x1:x2] + kb[y1:y2]):
                    bin_ = "function"
                elif any(t in frame or _reporting_form(t) for t in ka[x1:x2] + kb[y1:y2]):
                    bin_ = "attribution"  # «مؤكدين» / «وشددا»: the reporting verb, who said
                elif _inflected(key_a, key_b):
                    bin_ = "inflection"
                elif _misprint(key_a, key_b, spelled):
                    bin_ = "inflection"  # «الطوائ» / «الطوارئ»: a misprint, no other word
                elif _respaced(raw[sid_a], raw[sid_b], x1, x2, y1, y2):
                    bin_ = "inflection"  # «عزو جل» / «عز وجل»: a space misplaced, one text
                elif _attributed(ka[x1:x2], attribution.get(sid_a)) or _attributed(
                    kb[y1:y2], attribution.get(sid_b)
                ):
                    bin_ = "attribution"  # the speaker's name or the reporting verb: who said
                elif fragment:
                    bin_ = "fragment"  # a sentence's end cut off by the scrape, both sides
                elif apart:
                    bin_ = "moment"  # two events of one template, days apart
                elif two_facts:
                    bin_ = "content"
                else:
                    why = not_a_choice(
                        ka[x1:x2],
                        kb[y1:y2],
                        set(ka[:x1] + ka[x2:]),
                        set(kb[:y1] + kb[y2:]),
                        function=stop | prepositions,
                        lexicon=lexicon,
                    )
                    if why is None and (max(x2 - x1, y2 - y1) > max_choice or not tight):
                        # three words for three, or a swap next to other changes: another
                        # sentence, not another word
                        why = "rewrite"
                    if why is None and listed:
                        why = "list"
                    bin_ = why or "word_choice"
                if wanted is not None and bin_ not in wanted:
                    continue
                shown_a = " ".join(printed[sid_a][x1:x2])
                shown_b = " ".join(printed[sid_b][y1:y2])
                found_spans.append((sa, sb, shown_a, shown_b, key_a, key_b, bin_, kind))
        return tuple(found_spans)

    def differences_of(part: slice) -> list[tuple[str | None, ...]]:
        """The rows of the pairs ``todo[part]``, in pair order."""
        rows: list[tuple[str | None, ...]] = []
        for (sid_a, sid_b, out_a, out_b), claim_id in todo[part]:
            _pair_rows(rows, sid_a, sid_b, out_a, out_b, claim_id)
        return rows

    # pair by pair: parts of the pairs in forked worker processes give the same rows
    parts = chunks(len(todo), 4 * usable_cores(), least=PARALLEL_PAIRS)
    done = fork_map(differences_of, parts, progress=progress, desc="substitutions")
    rows = [row for part in done for row in part]
    return pl.DataFrame(rows, schema=DIFFERENCE_SCHEMA, orient="row").unique(maintain_order=True)


#: the words of a statement's sentence beyond its (start, end), where the scrape cut it
Edges = tuple[str | None, str | None]

#: a statement's (start, end) not cut mid-sentence
_WHOLE: Edges = (None, None)

#: a statement's last character when it ends a sentence or a clause
_CLAUSE_END = re.compile(r"[.!?؟:،,;؛…»\"”)\]]\s*$")


def _cut_edges(statements: pl.DataFrame, ids: pl.Series | pl.Expr) -> dict[str, Edges]:
    """Per statement of ``ids`` cut mid-sentence, the sentence's word outside it at each cut
    edge (match-normalized; None where not cut): its start is cut when the body statement
    before it in its article ends on no punctuation (the last word of «صرح بحاح للصحافيين
    عند» before «وصوله أن عودته ...»), its end when it ends on none and a statement
    follows (that one's first word). Headlines end on none and cut nothing. Empty without
    ``article_id`` and ``position``."""
    if not {"article_id", "position"} <= set(statements.columns):
        return {}
    heads = (
        pl.col("is_headline").fill_null(False)
        if "is_headline" in statements.columns
        else pl.lit(False)
    )
    arts = statements.filter(pl.col("statement_id").is_in(ids)).select("article_id").unique()
    words = pl.col("text").fill_null("").str.strip_chars().str.split(" ")
    frame = (
        statements.join(arts, on="article_id", how="semi")
        .sort("article_id", "position")
        .with_columns(
            open_end=~pl.col("text").fill_null("").str.contains(_CLAUSE_END.pattern) & ~heads,
            first_word=words.list.first(),
            last_word=words.list.last(),
        )
        .with_columns(
            before=pl.when(pl.col("open_end").shift(1).over("article_id")).then(
                pl.col("last_word").shift(1).over("article_id")
            ),
            after=pl.when(pl.col("open_end")).then(
                pl.col("first_word").shift(-1).over("article_id")
            ),
        )
        .filter(
            pl.col("statement_id").is_in(ids)
            & (pl.col("before").is_not_null() | pl.col("after").is_not_null())
        )
    )
    return {
        sid: (normalize(before) if before else None, normalize(after) if after else None)
        for sid, before, after in frame.select("statement_id", "before", "after").iter_rows()
    }


#: (first, last) day an article's news may be of, and its publication day
NewsDays = tuple[date, date, date]


def _news_days_of(statements: pl.DataFrame, ids: pl.Series | pl.Expr) -> dict[str, NewsDays]:
    """Per statement of ``ids``, the days its article's news may be of (the first «أمس»,
    «اليوم» of the article's first statements and its publication date:
    :func:`narratives.compare._certainty._news_days`). Empty without ``article_id`` and
    ``published``."""
    from narratives.compare._certainty import _news_days

    if not {"article_id", "published"} <= set(statements.columns):
        return {}
    wanted = statements.filter(pl.col("statement_id").is_in(ids)).select(
        "statement_id", "article_id"
    )
    order = ["article_id", "position"] if "position" in statements.columns else ["article_id"]
    articles = (
        statements.join(wanted.select("article_id").unique(), on="article_id", how="semi")
        .sort(order)
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("text").head(6), pl.col("published").first())
    )
    days: dict[str, NewsDays] = {}
    for art, texts, published in articles.iter_rows():
        if isinstance(published, datetime):
            published = published.date()
        if isinstance(published, date):
            days[art] = (*_news_days(texts, published), published)
    return {sid: days[art] for sid, art in wanted.iter_rows() if art in days}


def _days_apart(a: NewsDays | None, b: NewsDays | None) -> bool:
    """Two articles published on different days whose news days cannot be one day: the
    Saudi crown prince's phone call to Jordan's king «أمس» (published 07-27) and his
    arrival in Jordan «اليوم» (08-04), told in one template. An article without «أمس» or
    «اليوم» may be of its publication day or the day before; a print paper's «أمس» and a
    website's «اليوم» of the day before are one day."""
    if a is None or b is None or a[2] == b[2]:
        return False
    return a[1] < b[0] or b[1] < a[0]


def _misprint(a: str, b: str, words: Collection[str]) -> bool:
    """Two one-word spans two letters apart at most, one of them no word of the language
    («الطوائ» for «الطوارئ»): a misprint of the other. Needs five letters a side."""
    if not words or " " in a or " " in b or min(len(a), len(b)) < 5:
        return False
    if a in words and b in words:
        return False
    bare_a, bare_b = (re.sub("[ءئؤ]", "", w) for w in (a, b))  # hamza seats misprinted too
    return Levenshtein.distance(bare_a, bare_b) <= 2


def _respaced(ra: Sequence[str], rb: Sequence[str], x1: int, x2: int, y1: int, y2: int) -> bool:
    """The two spans and the word after (or before) them are the same letters spaced
    otherwise («كتاب الله عزو جل» / «عز وجل»: a misprint, not another word)."""
    if x1 == x2 or y1 == y2:
        return False
    after = "".join(ra[x1 : x2 + 1]) == "".join(rb[y1 : y2 + 1]) and x2 < len(ra) and y2 < len(rb)
    before = x1 > 0 and y1 > 0 and "".join(ra[x1 - 1 : x2]) == "".join(rb[y1 - 1 : y2])
    return after or before


def _conjunct(raw: str, key: str) -> bool:
    """A token written with the conjunction و before a word (وفرنسا: و + فرنسا): stripped
    by the proclitic map, or و before the article or a word of the background table."""
    if not raw.startswith("و") or len(raw) < 4:
        return False
    return raw != key or raw[1:3] == "ال" or raw[1:] in load_background().words


def _list_member(
    raw: list[str], keys: list[str], i1: int, i2: int, before: int, after: int
) -> bool:
    """The span ``raw[i1:i2]`` is a member of a coordinated list: a conjunct itself next to
    a shared conjunct («وفرنسا [وبريطانيا] وأوكرانيا»). The object of a list member is no
    member («ومقاومة [الاعتصام] ومكافحة» / «ومقاومة [أعمال الشغب] ومكافحة» stays a word
    choice). Checked on the tokens before proclitics are stripped (``raw``) against the
    stripped ``keys``."""
    if i1 >= i2 or not _conjunct(raw[i1], keys[i1]):
        return False
    if i2 - i1 >= 2 and all(_conjunct(raw[k], keys[k]) for k in range(i1, i2)):
        return True  # the span is a list itself: «[وسابك وملاذ]» / «[وساسكو]» in a stock list
    prev = bool(before) and _conjunct(raw[i1 - 1], keys[i1 - 1])
    nxt = bool(after) and i2 < len(raw) and _conjunct(raw[i2], keys[i2])
    return prev or nxt


def _construction(a: str, b: str) -> bool:
    """One shared word written with a preposition (ل ب ك) or the article on one side
    only: the words around it are built another way (a genitive against «ل» + noun)."""
    if a == b:
        return False
    short, long = sorted((a, b), key=len)
    return long.endswith(short) and long[: len(long) - len(short)] in {
        "ل", "ب", "ك", "ال", "لل", "بال", "كال", "وال", "ول", "وب"
    }  # fmt: skip


def _attribution_words(statements: pl.DataFrame, ids: pl.Expr | pl.Series) -> dict[str, set[str]]:
    """Per statement, the match-normalized words of its speaker mention and reporting cue."""
    cols = [c for c in ("speaker_mention", "cue") if c in statements.columns]
    if not cols:
        return {}
    rows = statements.filter(pl.col("statement_id").is_in(ids)).select("statement_id", *cols)
    out: dict[str, set[str]] = {}
    for sid, *values in rows.iter_rows():
        words = {w for v in values if v for w in normalize(str(v)).split() if len(w) >= 2}
        if words:
            out[sid] = words
    return out


def _attributed(span: list[str], words: set[str] | None) -> bool:
    """A token of ``span`` is (a form of) a word of the statement's speaker or cue."""
    if not words:
        return False
    return any(t in words or any(same_word(t, w) for w in words if len(w) >= 3) for t in span)


def _spelling(written: str) -> pl.Expr:
    """Most frequent written form of a group (ties: alphabetical)."""
    return pl.col(written).mode().sort().first()


def substitutions(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    stories: pl.DataFrame | None = None,
    relations: Sequence[str] = SAME_CLAIM_RELATIONS,
    max_span: int = 3,
    indels: bool = False,
    clitics: bool = True,
    function_spans: bool = False,
    headlines: bool = False,
    min_count: int = 1,
    max_examples: int = 5,
    opcodes: Opcodes = difflib_opcodes,
    progress: bool = False,
    differences: pl.DataFrame | None = None,
    article_stories: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Ranked word choices between outlets, mined from aligned statements of one claim.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``text``).
    alignments
        ``schemas.ALIGNMENTS``; only pairs from different outlets are diffed.
    claims
        ``schemas.CLAIMS``: when given (as :func:`narratives.compare.compare`
        does), a pair is diffed when both statements belong to one claim,
        whatever its relation band, so the table follows the alignment
        threshold. Without claims, the pair's ``relation`` must be in
        ``relations``.
    stories
        ``article_id``, ``story_id``: only pairs of articles of one story.
    max_span
        Longest replaced span (tokens, either side) kept as a substitution;
        longer differences are rewrites, not word choices.
    indels
        Also keep insertions and deletions (one side empty).
    clitics
        Strip proclitics (و ف ب ل ك, not ال) where the rest is a known word,
        so وقال / قال is no substitution.
    function_spans
        Keep spans made of function words only (في / على); off by default.
    headlines
        Also diff headline lines; off by default: headlines are written to a
        pattern ("X تعايد منسوبيها"), so two of them differ in what they are
        about more often than in their words.
    min_count
        Keep substitutions seen in at least this many pairs.
    max_examples
        Example pairs kept per row.
    opcodes
        The token differ: :func:`difflib_opcodes` (``difflib.SequenceMatcher``,
        the default) or :func:`indel_opcodes` (RapidFuzz, faster on large
        corpora), or any function returning difflib-style opcodes.
    progress
        Show a progress bar over the pairs.
    differences
        :func:`aligned_differences` of these pairs with these options, when
        already computed (:func:`narratives.compare.compare` computes them
        once for this table and :func:`~narratives.compare.house_style`).
    article_stories
        ``article_id``, ``story_id`` (``schemas.STORIES``): two articles of days apart
        are two events told in one template unless one story holds both (see
        :func:`aligned_differences`); without it, days apart are enough.

    Returns
    -------
    pl.DataFrame
        ``schemas.SUBSTITUTIONS``, outlets ordered so ``outlet_a < outlet_b``;
        terms as written (the most frequent spelling of the match-normalized
        term). House-style variants are in :func:`narratives.compare.house_style`,
        figures in :func:`narratives.compare.discrepancies`.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"],
    ...     "text": ["سمحت بإلحاق هزائم بالإرهابيين", "سمحت بإلحاق هزائم بالمسلحين"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["sana"], "outlet_b": ["rt"], "score": [90.0], "relation": ["paraphrase"]})
    >>> substitutions(st, al)[["outlet_a", "term_a", "outlet_b", "term_b", "n"]].rows()
    [('rt', 'بالمسلحين', 'sana', 'بالإرهابيين', 1)]
    """
    check(statements, ("statement_id", "text"), name="statements", stage="substitutions")
    diffs = differences
    if diffs is None:
        pairs = same_claim_pairs(alignments, claims, stories=stories, relations=tuple(relations))
        diffs = aligned_differences(
            statements,
            pairs,
            max_span=max_span,
            indels=indels,
            clitics=clitics,
            opcodes=opcodes,
            progress=progress,
            bins=("word_choice", "function") if function_spans else ("word_choice",),
            article_stories=article_stories,
        )
    if headlines is False and "is_headline" in statements.columns:
        heads = statements.filter(pl.col("is_headline").fill_null(False))["statement_id"]
        diffs = diffs.filter(
            ~pl.col("statement_id_a").is_in(heads.implode())
            & ~pl.col("statement_id_b").is_in(heads.implode())
        )
    keep = ["word_choice", "function"] if function_spans else ["word_choice"]
    found = diffs.filter(pl.col("bin").is_in(keep))
    # crossed pairs, each side with a better counterpart in the other's article: two items
    # of one list differing by a word are no word choice (``best_counterparts``)
    if found.height and {"article_id_a", "article_id_b", "score"} <= set(alignments.columns):
        crossed = alignments.select("statement_id_a", "statement_id_b").join(
            best_counterparts(
                alignments.filter(pl.col("outlet_a").ne_missing(pl.col("outlet_b")))
            ).select("statement_id_a", "statement_id_b"),
            on=["statement_id_a", "statement_id_b"],
            how="anti",
        )
        crossed = pl.concat(
            [
                crossed,
                crossed.select(statement_id_a="statement_id_b", statement_id_b="statement_id_a"),
            ]
        )
        found = found.join(crossed, on=["statement_id_a", "statement_id_b"], how="anti")
    texts = statements.select("statement_id", "text")
    out = (
        found.sort("statement_id_a", "statement_id_b")
        .group_by("outlet_a", "outlet_b", "key_a", "key_b")
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("claim_id").drop_nulls().n_unique().cast(pl.Int64).alias("n_claims"),
            _spelling("shown_a").alias("term_a"),
            _spelling("shown_b").alias("term_b"),
            pl.col("statement_id_a").head(max_examples),
            pl.col("statement_id_b").head(max_examples),
        )
        .filter(pl.col("n") >= min_count)
        .with_columns(
            rank=pl.struct("n_claims", "n")
            .rank("min", descending=True)
            .over("outlet_a", "outlet_b")
            .cast(pl.Int32),
        )
        .pipe(with_examples, texts)
        .sort(
            ["outlet_a", "outlet_b", "n_claims", "n", "term_a", "term_b"],
            descending=[False, False, True, True, False, False],
            nulls_last=True,
        )
    )
    return schemas.conform(out, schemas.SUBSTITUTIONS).select(schemas.SUBSTITUTIONS.names())
