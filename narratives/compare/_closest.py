"""For each statement, the closest statement of every other outlet in its story.

An omission is only credible when the outlet said nothing like the claim in
the story it covered. The alignment table keeps the pairs above its
threshold only, so the near misses are scored here: every pair of
statements of one story from two outlets is scored with
:func:`narratives.align`'s components and combined score (nothing
thresholded), and each statement keeps, per other outlet, the best one.

Only the pairs asked for are scored (``needed``: the claim statements and
the outlets that may have left them out, not the outlets already carrying
the claim), and the relation label, whose contradiction tests took three
quarters of the time when every pair got one, is given to the closest pairs
only.
"""

from __future__ import annotations

import inspect
import itertools
import re
from functools import lru_cache
from typing import Any

import numpy as np
import polars as pl
import scipy.sparse as sp

from narratives.normalize import normalize

CLOSEST = {
    "statement_id": pl.String,  # a statement of the claim
    "story_id": pl.String,
    "other": pl.String,  # another outlet covering the story
    "closest_statement_id": pl.String,  # that outlet's statement closest to it
    "closest_score": pl.Float64,
    "closest_relation": pl.String,
    # best share of the statement's content words (IDF-weighted) found in one of the
    # outlet's statements, or the reverse (the larger)
    "containment": pl.Float64,
    # the share of the statement's content words found in one of the outlet's statements
    # (that direction only), words of one synonym group (lexicons/synonyms.tsv) counted
    # as one word: مروحية in the claim, هليكوبتر in the outlet's text
    "synonym_containment": pl.Float64,
    # one of the outlet's statements gives one of its figures
    "figure_match": pl.Boolean,
}


_UNITS = "الف|الاف|الفا|مليون|ملايين|مليار|مليارات|بليون|تريليون"
_FIGURE = re.compile(rf"(\d+(?:[.,،٫]\d+)*)(?:\s*({_UNITS}))?")
#: a number word before a unit (خمسة مليارات, after normalization خمسه) or a dual unit
_WORDS = {
    "واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6,
    "سبع": 7, "ثماني": 8, "ثمان": 8, "تسع": 9, "عشر": 10,
}  # fmt: skip
_WORD_FIGURE = re.compile(rf"(?<!\w)({'|'.join(_WORDS)})[هة]?\s+({_UNITS})(?!\w)")
_DUAL = re.compile(r"(?<!\w)(الفين|الفان|مليونين|مليونان|مليوني|مليارين|ملياران|ملياري)(?!\w)")
_DUAL_UNIT = {"ا": "الف", "مليو": "مليون", "مليا": "مليار"}
_UNIT = {
    "الف": 10**3,
    "الاف": 10**3,
    "الفا": 10**3,
    "مليون": 10**6,
    "ملايين": 10**6,
    "مليار": 10**9,
    "مليارات": 10**9,
    "بليون": 10**9,
    "تريليون": 10**12,
}
#: letters just before a figure (attached, or ال and a space), proclitics apart
_BEFORE = re.compile(r"(?<![^\W\d_])([وفبلك]{0,2})([^\W\d_]*)(-?)$|(?<!\w)[وفبلك]{0,2}ال $")


def _not_a_quantity(before: str) -> bool:
    """Whether the text ``before`` a figure makes it an ordinal or a model name.

    ``الـ23`` / ``الدورة الـ 23`` (normalized ``ال23``, ``ال 23``) is an ordinal,
    ``مي-28``, ``اف-16`` a model; ``بـ13.41`` and ``ب58`` are quantities.
    """
    m = _BEFORE.search(before[-12:])
    if m is None:
        return False
    if m.group(1) is None:  # "ال " and a space
        return True
    word = m.group(2)
    return bool(word) and (word == "ال" or len(word) >= 2 or m.group(3) == "-")


#: a comma between thousands (85,539), not a decimal point
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


@lru_cache(maxsize=1 << 18)
def _figures(text: str) -> frozenset[tuple[int, int]]:
    """The figures of a statement as ``(value, significant digits)``.

    Two digits or more in the integer part, or a figure with a unit word
    (``7 مليار``); years (19xx, 20xx, Hijri 14xx) and dates with slashes
    aside, and so are ordinals and model names (``الـ23``, ``مي-28``); a unit
    after a number word or a dual counts (``خمسة مليارات``,
    ``مليوني``). ``400 ألف`` is ``(400000, 1)``, ``407516`` is ``(407516, 6)``,
    ``71.08`` is ``(71, 2)`` (within one event, 71 and 71.08 are one figure).
    See :func:`figures_agree` for rounded figures. Cached: the omission table
    reads the figures of one statement in three places (closest statements,
    parts, certainty); :func:`narratives.compare.omissions` clears the cache.

    Examples
    --------
    >>> sorted(_figures("أكثر من ٤٠٠ ألف يمني، و 7.16 مليار يورو عام 2015"))
    [(400000, 1), (7160000000, 3)]
    >>> sorted(_figures("بتداولات قاربت خمسة مليارات ريال"))
    [(5000000000, 1)]
    """
    from narratives._figures import SLASH_DATE, unreverse_figures

    out = set()
    clean = SLASH_DATE.sub(" ", unreverse_figures(normalize(text or "")))
    for m in _FIGURE.finditer(clean):
        written, unit = m.group(1), m.group(2)
        if _not_a_quantity(clean[: m.start()]):
            continue
        if _THOUSANDS.match(written):
            whole, frac = written.replace(",", ""), ""
        else:
            parts = re.split(r"[.,،٫]", written)
            whole, frac = parts[0], (parts[1] if len(parts) > 1 else "")
        if not whole.isdigit():
            continue
        if unit is None:
            if len(whole) < 2 or (len(whole) == 4 and whole[:2] in ("19", "20", "14")):
                continue
            value = int(whole)
            digits = whole
        else:
            value = round(float(f"{whole}.{frac or 0}") * _UNIT[unit])
            digits = (whole + frac).lstrip("0")
        sig = len(digits.rstrip("0")) or 1
        out.add((value, sig))
    for m in _WORD_FIGURE.finditer(clean):
        out.add((_WORDS[m.group(1)] * _UNIT[m.group(2)], 1))
    for m in _DUAL.finditer(clean):
        unit = next(u for p, u in _DUAL_UNIT.items() if m.group(1).startswith(p))
        out.add((2 * _UNIT[unit], 1))
    return frozenset(out)


#: what a normalized text holds when :func:`_figures` finds a figure in it: a digit, or a
#: unit word standing alone (after a number word, or a dual); the dates taken out and
#: the decimals put back in order are digits too
_MAY_GIVE = re.compile(
    rf"\d|(?<!\w)(?:{_UNITS}|الفين|الفان|مليونين|مليونان|مليوني|مليارين|ملياران|ملياري)(?!\w)"
)


def _cut(value: int, sig: int) -> tuple[int, int]:
    """``value`` truncated and rounded to ``sig`` significant digits."""
    scale = 10 ** max(len(str(value)) - sig, 0)
    return value // scale * scale, round(value / scale) * scale


def figures_agree(a: frozenset[tuple[int, int]], b: frozenset[tuple[int, int]]) -> bool:
    """Whether two statements give one figure, exactly or one rounding the other.

    A round figure of a thousand or more (``400 ألف``, ``407 آلاف``,
    ``400000``) agrees with a precise one it rounds or truncates (407516):
    "more than 400,000" is the same fact as 407,516. Smaller round figures
    do not (100 judges are not 125).

    Examples
    --------
    >>> figures_agree(_figures("أكثر من 400000 يمني"), _figures("بلغ (407516)"))
    True
    >>> figures_agree(_figures("100 قاض"), _figures("125 قاضيا"))
    False
    """
    for va, sa in a:
        for vb, sb in b:
            if va == vb:
                return True
            (rv, rs), (xv, _) = ((va, sa), (vb, sb)) if sa <= sb else ((vb, sb), (va, sa))
            if rv >= 1000 and rv % 10 ** max(len(str(rv)) - rs, 0) == 0 and rv in _cut(xv, rs):
                return True
    return False


def _figure_match(texts: list[str], pi: np.ndarray, pj: np.ndarray) -> np.ndarray:
    """Whether the two statements give one figure (71 and 71.08, 407516 and 400 ألف).

    Each text's figures are read once, those of the texts of some pair only; only
    the pairs whose two sides both give a figure are compared (the others never agree).
    """
    from narratives.compare._tokens import normalize_all

    figs: list[frozenset[tuple[int, int]]] = [frozenset()] * len(texts)
    some = np.zeros(len(texts), dtype=bool)
    rows = np.unique(np.concatenate([pi, pj])).tolist()
    # a text without a digit or a unit word once normalized gives no figure: only the
    # others are read (normalized in batches here, text by text in _figures)
    normalized = normalize_all([texts[k] for k in rows])
    for k, text in zip(rows, normalized, strict=True):
        if _MAY_GIVE.search(text):
            figs[k] = _figures(texts[k])
            some[k] = bool(figs[k])
    out = np.zeros(len(pi), dtype=bool)
    both = np.flatnonzero(some[pi] & some[pj])
    out[both] = [figures_agree(figs[a], figs[b]) for a, b in zip(pi[both], pj[both], strict=True)]
    return out


def _contained(
    tokens: list[list[str]], pi: np.ndarray, pj: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """IDF-weighted containment of each pair (rows ``pi``, ``pj``): ``pi`` in ``pj``, and back."""
    distinct = [set(words) for words in tokens]
    # word codes in the order first seen (row by row), as one pass of setdefault gives
    vocab = {w: k for k, w in enumerate(dict.fromkeys(itertools.chain.from_iterable(distinct)))}
    n = len(tokens)
    if not vocab:
        return None
    lens = np.fromiter((len(u) for u in distinct), dtype=np.int64, count=n)
    cols = np.fromiter((vocab[w] for u in distinct for w in u), dtype=np.int64, count=lens.sum())
    b = sp.csr_matrix(
        (np.ones(len(cols), dtype=np.float64), (np.repeat(np.arange(n), lens), cols)),
        shape=(n, len(vocab)),
    )
    del cols
    df = np.asarray(b.sum(axis=0)).ravel()
    idf = np.log((1 + n) / (1 + df)) + 1
    w = sp.csr_matrix(b.multiply(idf[None, :]))
    total = np.asarray(w.sum(axis=1)).ravel()
    inter = np.zeros(len(pi))
    for s in range(0, len(pi), 200_000):
        e = s + 200_000
        inter[s:e] = np.asarray(w[pi[s:e]].multiply(b[pj[s:e]]).sum(axis=1)).ravel()
    # a side of fewer than three content words is contained too easily
    few = lens < 3
    a_in_b = np.where(few[pi], 0.0, inter / np.maximum(total[pi], 1e-9))
    b_in_a = np.where(few[pj], 0.0, inter / np.maximum(total[pj], 1e-9))
    return np.round(a_in_b, 3), np.round(b_in_a, 3)


#: pairs from which the plain and synonym containments run in two forked workers
PARALLEL_CONTAINED = 50_000


def _pair_containment(
    st: pl.DataFrame,
    pi: np.ndarray,
    pj: np.ndarray,
    tokens: list[list[str]] | None = None,
    *,
    processes: int | None = None,
) -> dict[str, np.ndarray] | None:
    """Per pair ``(pi, pj)``: containment, synonym containment both ways, figure match.

    ``containment`` is the IDF-weighted containment of the pair's content
    words, the larger direction: a long sentence carrying several
    propositions scores low against one of them on the symmetric score, yet
    holds all its words. ``syn_ab`` (``pi`` in ``pj``) and ``syn_ba`` count
    the words of one synonym group (``lexicons/synonyms.tsv``: مروحية /
    هليكوبتر) as one word. None when no statement has a content word.
    """
    from narratives.align._text import content_tokens
    from narratives.compare._synonyms import with_synonyms
    from narratives.engine.local import fork_map

    if tokens is None:  # the alignment's content tokens when it made them
        tokens = content_tokens(
            [t or "" for t in st["text"].to_list()],
            exclude=st["speaker_mention"].to_list() if "speaker_mention" in st.columns else None,
        )

    # the plain containment and, a word of the claim given in other words (مروحية /
    # هليكوبتر: lexicons/synonyms.tsv) counted as that word, the synonym containment:
    # one in each forked worker (two pure functions of the tokens and the pairs)
    def contained(k: int) -> tuple[np.ndarray, np.ndarray] | None:
        return _contained(tokens if k == 0 else with_synonyms(tokens), pi, pj)

    both = (
        fork_map(contained, [0, 1], processes=processes)
        if len(pi) >= PARALLEL_CONTAINED
        else [contained(0), contained(1)]
    )
    plain, synonym = both
    if plain is None:
        return None
    assert synonym is not None
    return {
        "containment": np.maximum(*plain),
        "syn_ab": synonym[0],
        "syn_ba": synonym[1],
        "figure_match": _figure_match(st["text"].fill_null("").to_list(), pi, pj),
    }


def _options(align_options: dict[str, Any] | None) -> dict[str, Any]:
    """:func:`narratives.align`'s defaults, overridden by ``align_options``."""
    from narratives.align.aligner import align

    defaults = {
        k: p.default
        for k, p in inspect.signature(align).parameters.items()
        if p.default is not inspect.Parameter.empty
    }
    unknown = set(align_options or {}) - set(defaults)
    if unknown:
        raise TypeError(f"closest_in_stories: unknown align options {sorted(unknown)}")
    options = {**defaults, **(align_options or {})}
    # relation labels as the default alignment gives them (paraphrase from 55 up)
    if align_options is None or "relations" not in align_options:
        options["relations"] = {"paraphrase": 55.0}
    # did the outlet carry this content at all? Who it names as the speaker is another
    # question (and unresolved mentions of one person differ: وليد الصمعاني / وليد بن محمد
    # الصمعاني), so the speaker penalty is off here
    if align_options is None or "speaker_penalty" not in align_options:
        options["speaker_penalty"] = 1.0
    return options


def _codes(values: pl.Series) -> tuple[np.ndarray, list[Any]]:
    """Integer codes of ``values`` (-1 for null) and the distinct values, in sorted order."""
    code = (values.rank("dense").cast(pl.Int64) - 1).fill_null(-1)
    return code.to_numpy(), values.drop_nulls().unique().sort().to_list()


def _story_pairs(
    story: np.ndarray, outlet: np.ndarray, want: np.ndarray | None, n_codes: int
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (i < j) of one story and two outlets, where either direction is needed.

    ``story`` and ``outlet`` are integer codes per row (outlet -1 for unknown:
    another outlet than any known one, as ``ne_missing``); ``want``: the sorted
    :func:`_key` s of the (row, other outlet) asked for (None: all).
    """
    idx = pl.DataFrame({"row": np.arange(len(story), dtype=np.int64), "story": story})
    pairs = idx.join(idx, on="story", suffix="_b").filter(pl.col("row") < pl.col("row_b"))
    del idx
    i = pairs["row"].to_numpy()
    j = pairs["row_b"].to_numpy()
    del pairs
    keep = outlet[i] != outlet[j]
    if want is not None:
        keep &= _asked(_key(i, outlet[j], n_codes), want) | _asked(
            _key(j, outlet[i], n_codes), want
        )
    i, j = i[keep], j[keep]
    order = np.lexsort((j, i))
    return i[order], j[order]


def _key(row: np.ndarray, outlet: np.ndarray, n_codes: int) -> np.ndarray:
    """One integer per (row, outlet code), codes from -1 (unknown) to ``n_codes - 1``."""
    return row * (n_codes + 1) + (outlet + 1)


def _asked(keys: np.ndarray, want: np.ndarray) -> np.ndarray:
    """Whether each key is in the sorted array ``want``."""
    if len(want) == 0:
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(want, keys), len(want) - 1)
    return want[at] == keys


#: components whose scores bound the combined score before the per-pair scorers run
_BOUNDED = frozenset({"tfidf", "containment", "words", "fuzzy"})
#: margin (score points) of the bounds: far above float noise and the 0.01 rounding
_MARGIN = 0.5


def _token_set_ratio() -> Any:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio


def _speaker_match(speakers: list[Any], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """:func:`narratives.align.score.speaker_agreement` of the pairs, on speaker codes."""
    known = pl.Series(speakers, dtype=pl.String)
    code, _ = _codes(known.set(known == "", None))
    a, b = code[i], code[j]
    return np.where((a >= 0) & (b >= 0), np.where(a == b, 100.0, 0.0), np.nan)


def _read_numbers(prep: Any, rows: np.ndarray, *, processes: int | None = None) -> None:
    """Read the numbers (and figure slots) of statements ``rows`` into ``prep``'s cache,
    in parts on forked workers: what ``prep.numbers(k)`` reads, once per statement.

    Each statement's numbers are a function of its text alone, so the parts give
    the values of the calls in this process; the scorers and contradiction checks
    (forked later) then find them in the copied cache.
    """
    from narratives.compare._tokens import PARALLEL_TEXTS
    from narratives.engine.local import chunks, fork_map, usable_cores

    todo = [k for k in rows.tolist() if k not in prep._numbers]
    n = usable_cores() if processes is None else processes
    parts = chunks(len(todo), 2 * n, least=PARALLEL_TEXTS)
    if n <= 1 or len(parts) <= 1:
        return

    def read(s: slice) -> list[tuple[frozenset[str], frozenset[str]]]:
        return [(prep.numbers(k), prep.figure_slots(k)) for k in todo[s]]

    done = fork_map(read, parts, processes=n)
    for k, (numbers, slots) in zip(todo, itertools.chain.from_iterable(done), strict=True):
        prep._numbers[k] = numbers
        prep._slots[k] = slots


def _number_overlap(
    prep: Any, i: np.ndarray, j: np.ndarray, *, processes: int | None = None
) -> np.ndarray:
    """:func:`narratives.align.score.number_overlap` of the pairs whose sides both give
    numbers (NaN for the others, as it gives them), each statement's numbers read once;
    both in parts on forked workers (``processes``, default the usable cores)."""
    from narratives.align.score import number_overlap
    from narratives.compare._tokens import PARALLEL_TEXTS
    from narratives.engine.local import chunks, fork_map, usable_cores

    rows = np.unique(np.concatenate([i, j]))
    _read_numbers(prep, rows, processes=processes)
    some = np.zeros(len(prep.texts), dtype=bool)
    some[rows] = [bool(prep.numbers(k)) for k in rows.tolist()]
    out = np.full(len(i), np.nan)
    both = np.flatnonzero(some[i] & some[j])

    def overlap(s: slice) -> np.ndarray:
        at = both[s]
        return number_overlap(
            [prep.numbers(k) for k in i[at].tolist()], [prep.numbers(k) for k in j[at].tolist()]
        )

    # pair by pair: in parts on forked workers (the numbers read above, in their cache)
    n = usable_cores() if processes is None else processes
    parts = chunks(len(both), 2 * n, least=PARALLEL_TEXTS)
    if n <= 1 or len(parts) <= 1:
        out[both] = overlap(slice(None))
    else:
        out[both] = np.concatenate(fork_map(overlap, parts, processes=n))
    return out


def _fuzzy_bounds(
    tokens: list[list[str]], i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Bounds on ``fuzz.token_set_ratio`` of the pairs' match texts (``" ".join(tokens)``)
    from the lengths of their word sets alone.

    With ``I`` the words both texts hold and ``A``, ``B`` those of one side only
    (each set joined by spaces: lengths ``s``, ``a``, ``b``), the score is the
    largest of ``100 - 100 (1 + a) / (2s + 1 + a)``, its mirror (exact, when ``I``
    is not empty) and the ratio of ``I A`` to ``I B``, whose distance ``a + b - 2 lcs``
    is at least ``|a - b|``. A side without a word scores 0, a side whose words are
    all the other's 100. The lengths come from one sparse product: each word
    weighs its length plus one.
    """
    rows = np.unique(np.concatenate([i, j]))
    words = [set(" ".join(tokens[k]).split()) for k in rows.tolist()]
    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(w, len(vocab)) for u in words for w in u]
    lens = np.fromiter((len(u) for u in words), dtype=np.int64, count=len(words))
    weight = np.fromiter((len(w) + 1 for w in vocab), dtype=np.float64, count=len(vocab))
    cols_a = np.asarray(cols, dtype=np.int64)
    binary = sp.csr_matrix(
        (np.ones(len(cols_a)), (np.repeat(np.arange(len(rows)), lens), cols_a)),
        shape=(len(rows), max(len(vocab), 1)),
    )
    weighted = sp.csr_matrix(binary.multiply(weight[None, :]))
    own = np.asarray(weighted.sum(axis=1)).ravel()
    a_at, b_at = np.searchsorted(rows, i), np.searchsorted(rows, j)
    shared = np.zeros(len(i))
    for s in range(0, len(i), 200_000):
        e = s + 200_000
        shared[s:e] = np.asarray(
            weighted[a_at[s:e]].multiply(binary[b_at[s:e]]).sum(axis=1)
        ).ravel()
    shared = np.round(shared)  # sums of small integers
    la, lb = own[a_at], own[b_at]
    sect = np.maximum(shared - 1, 0)
    a = np.where(la > shared, la - shared - 1, 0)
    b = np.where(lb > shared, lb - shared - 1, 0)
    has = sect > 0
    ab = sect + has + a
    ba = sect + has + b
    total = ab + ba
    diff = 100 - 100 * np.abs(a - b) / np.where(total > 0, total, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        r_ab = np.where(has, 100 - 100 * (has + a) / (sect + ab), 0.0)
        r_ba = np.where(has, 100 - 100 * (has + b) / (sect + ba), 0.0)
    lo = np.maximum(r_ab, r_ba)
    hi = np.maximum(lo, diff)
    empty = (la == 0) | (lb == 0)
    subset = has & ((a == 0) | (b == 0))
    lo = np.where(empty, 0.0, np.where(subset, 100.0, lo))
    hi = np.where(empty, 0.0, np.where(subset, 100.0, hi))
    return np.clip(lo, 0, 100), np.clip(hi, 0, 100)


def _contenders(
    setup: Any, i: np.ndarray, j: np.ndarray, both: pl.DataFrame, o: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """The pairs (indices into ``i``, ``j``) that may be the closest of a row of ``both``.

    The combined score is a weighted mean of components, times the speaker and
    figure penalties; the ``fuzzy`` scorer is the slow part. With the other
    components computed, a pair's score lies between its score at fuzzy 0 and
    at fuzzy 100 (100 when the texts are equal: an exact copy scores 100 on
    every component). A pair whose upper bound is below another pair's lower
    bound, for every statement and outlet it could be the closest of, is never
    chosen: it is not scored in full. Every pair when the weights use other
    components (ratio, embeddings). ``both``: ``_s`` (row), ``_o`` (other
    outlet), ``_pair``.

    Returns the kept pairs and, per pair of ``i``, ``j``, its lower bound and an
    upper bound that holds for the score :func:`score_in_parts` gives (the
    containment with the larger side's speaker's words, as the scorer reads it;
    None, None when every pair is kept: see :func:`_best_of_kept`).
    """
    from narratives.align import _tfidf
    from narratives.align.score import combine

    every = np.arange(len(i))
    weights = {k: w for k, w in setup.weights.items() if w > 0}
    if setup.vectors is not None or not set(weights) <= _BOUNDED or len(i) == 0:
        return every, None, None
    prep = setup.prep
    tfidf = 100 * _tfidf.row_dots(prep.chars, i, j)
    words = 100 * _tfidf.row_dots(prep.words, i, j)
    contained = 100 * _tfidf.containment(prep.contain, i, j, total=prep.contain_total)
    short = np.minimum(prep.n_tok[i], prep.n_tok[j]) < max(o["min_tokens"], 1)
    speakers = setup.column.get("speaker")
    comp = {
        "tfidf": np.clip(tfidf, 0, 100),
        "words": np.clip(words, 0, 100),
        "containment": np.clip(np.where(short, tfidf, contained), 0, 100),
        "speaker_match": _speaker_match(speakers, i, j)
        if speakers is not None
        else np.full(len(i), np.nan),
        "number_overlap": _number_overlap(prep, i, j, processes=o["processes"]),
    }
    del tfidf, words, contained
    penalties = {"speaker_penalty": o["speaker_penalty"], "number_penalty": o["number_penalty"]}
    lower = combine({**comp, "fuzzy": np.zeros(len(i))}, weights=weights, **penalties)
    upper = combine({**comp, "fuzzy": np.full(len(i), 100.0)}, weights=weights, **penalties)
    text, _ = _codes(pl.Series(prep.full, dtype=pl.String))
    same = text[i] == text[j]
    upper = np.where(same, 100.0, upper)
    pair = both["_pair"].to_numpy()
    rows = both.select("_s", "_o", "_pair", _lo=lower[pair], _up=upper[pair])
    keep = rows.filter(pl.col("_up") + _MARGIN >= pl.col("_lo").max().over("_s", "_o"))
    kept = np.unique(keep["_pair"].to_numpy())
    del rows, keep
    # bounds of the kept pairs' scores, to order and prune their scoring (_best_of_kept):
    # the scorer's containment reads the larger side's speaker's words too (a target
    # row), where the one above may be lower; and the fuzzy score's own bounds, from
    # the lengths of the pairs' word sets
    at = {k: v[kept] for k, v in comp.items()}
    ki, kj = i[kept], j[kept]
    total = prep.contain_total
    larger = np.where(total[ki] <= total[kj], kj, ki)
    target = getattr(prep, "target_row", None)
    if target is not None:
        extra = np.flatnonzero(~short[kept] & (target[larger] >= 0))
        held = np.clip(100 * prep.containment(ki[extra], kj[extra]), 0, 100)
        at["containment"][extra] = np.maximum(at["containment"][extra], held)
    if o["scorer"] is _token_set_ratio():
        lo, hi = _fuzzy_bounds(prep.tokens, ki, kj)
    else:
        lo, hi = np.zeros(len(kept)), np.full(len(kept), 100.0)
    lower = np.full(len(i), np.nan)
    upper = np.full(len(i), np.nan)
    lower[kept] = combine({**at, "fuzzy": lo}, weights=weights, **penalties)
    upper[kept] = np.where(
        same[kept], 100.0, combine({**at, "fuzzy": hi}, weights=weights, **penalties)
    )
    return kept, lower, upper


def _best_of_kept(
    scored: Any,
    kept: np.ndarray,
    lower: np.ndarray | None,
    upper: np.ndarray | None,
    both: pl.DataFrame,
    n: int,
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """The pairs of ``kept`` that may be chosen, scored by ``scored`` (pair numbers to
    components and rounded scores): ``kept`` scored, ``part``, ``score`` (-inf unscored).

    A row of ``both`` (statement, other outlet) chooses the best-scoring of its pairs
    in ``kept``. Each row's pair of the highest ``lower`` bound is scored first; a pair
    whose ``upper`` bound (which holds for its score) is below the best score already
    found in every row it belongs to cannot be chosen, and is not scored: the rows
    choose as if every kept pair were scored (ties included, by :data:`_MARGIN`).
    """
    score = np.full(n, -np.inf)
    if lower is None or upper is None or len(kept) == 0:
        part, values = scored(kept)
        score[kept] = values
        return kept, part, score
    is_kept = np.zeros(n, dtype=bool)
    is_kept[kept] = True
    rows = both.select("_s", "_o", "_pair").filter(pl.Series(is_kept[both["_pair"].to_numpy()]))
    rows = rows.with_columns(_lo=lower[rows["_pair"].to_numpy()])
    first = np.unique(
        rows.sort("_lo", "_pair", descending=[True, False])
        .group_by("_s", "_o", maintain_order=True)
        .agg(pl.col("_pair").first())["_pair"]
        .to_numpy()
    )
    part_first, score[first] = scored(first)
    if np.isnan(score[first]).any():  # no order to prune by: every kept pair scored
        part, values = scored(kept)
        score[kept] = values
        return kept, part, score
    rows = rows.with_columns(_sc=score[rows["_pair"].to_numpy()]).with_columns(
        _best=pl.col("_sc").max().over("_s", "_o")
    )
    best = rows.group_by("_pair").agg(pl.col("_best").min())
    at = best["_pair"].to_numpy()
    need = np.zeros(n, dtype=bool)
    need[at] = upper[at] + _MARGIN >= best["_best"].to_numpy()
    need[first] = False
    then = np.flatnonzero(need)
    if len(then) == 0:
        return first, part_first, score
    part_then, score[then] = scored(then)
    done = np.concatenate([first, then])
    order = np.argsort(done, kind="stable")
    part = {name: np.concatenate([part_first[name], part_then[name]])[order] for name in part_first}
    return done[order], part, score


def closest_in_stories(
    statements: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    needed: pl.DataFrame | None = None,
    max_pairs: int = 5_000_000,
    align_options: dict[str, Any] | None = None,
) -> pl.DataFrame:
    """Per statement and other outlet of its story, that outlet's closest statement.

    Stories of one outlet need nothing. ``needed`` (``statement_id``,
    ``other``) limits the work to those statements and outlets (default:
    every statement, every other outlet of its story). ``max_pairs`` bounds
    the work: beyond it, the largest stories are left out (their rows get no
    closest statement, which the omission table shows as unknown).

    Every pair is scored with :func:`narratives.align`'s components and
    combined score, computed once over the statements of the stories (the
    IDF is theirs); the relation label (with its contradiction tests, the
    slow part of an alignment) is only worked out for the closest pairs.
    Pairs are rows of integers (statement rows, outlet codes) until the
    closest are chosen: statement ids are strings only on the rows returned.
    """
    found = closest_pairs(
        statements, stories, needed=needed, max_pairs=max_pairs, align_options=align_options
    )
    if found is None:
        return pl.DataFrame(schema=CLOSEST)
    near, labels = found
    rel = labels.of(near["_pair"].to_numpy())
    near = near.drop("closest_relation").join(rel, on="_pair", how="left")
    return near.select(list(CLOSEST)).sort("statement_id", "other").cast(CLOSEST)  # type: ignore[arg-type]


def closest_pairs(
    statements: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    needed: pl.DataFrame | None = None,
    max_pairs: int = 5_000_000,
    align_options: dict[str, Any] | None = None,
) -> tuple[pl.DataFrame, ClosestLabels] | None:
    """:func:`closest_in_stories` without the relation labels, and what gives them.

    The rows of ``CLOSEST`` (``closest_relation`` null) with ``_pair``, the
    number of the pair chosen; :meth:`ClosestLabels.of` labels the pairs
    asked for, as :func:`closest_in_stories` labels them all. The omission
    table asks only for the pairs shown on its rows (a tenth of them). None
    when no pair of two outlets is asked for.
    """
    from narratives.align.aligner import _USED, prepare_alignment, score_in_parts

    used = ["statement_id", "text", *(c for c in _USED if c in statements.columns)]
    st = statements.select(used).join(
        stories.select("article_id", "story_id"), on="article_id", how="inner"
    )
    multi = st.group_by("story_id").agg(pl.col("outlet").n_unique().alias("k"), pl.len().alias("m"))
    multi = multi.filter(pl.col("k") >= 2)
    if multi.height == 0:
        return None
    # pairs per story ~ m^2 / 2: keep the smaller stories first within the budget
    multi = multi.with_columns(cost=(pl.col("m") * (pl.col("m") - 1) // 2)).sort("cost", "story_id")
    multi = multi.filter(pl.col("cost").cum_sum() <= max_pairs)
    st = st.join(multi.select("story_id"), on="story_id", how="semi").sort(
        "story_id", "statement_id"
    )
    if st.height < 2:
        return None
    ids = st["statement_id"]
    story, _ = _codes(st["story_id"])
    outlet, names = _codes(st["outlet"].cast(pl.String))
    n_codes = len(names)
    want = None
    if needed is not None:
        # (row, other outlet) asked for; an outlet of none of these statements never pairs
        asked = needed.select("statement_id", "other").unique()
        asked = asked.join(
            ids.to_frame().with_row_index("_s"), on="statement_id", how="inner"
        ).select(
            "_s",
            _o=pl.col("other").replace_strict(
                names, list(range(n_codes)), default=-1, return_dtype=pl.Int64
            ),
        )
        asked = asked.filter(pl.col("_o") >= 0)
        want = np.unique(
            _key(asked["_s"].to_numpy().astype(np.int64), asked["_o"].to_numpy(), n_codes)
        )
        del asked
    i, j = _story_pairs(story, outlet, want, n_codes)
    if len(i) == 0:
        return None
    o = _options(align_options)
    setup = prepare_alignment(
        st.drop("story_id"),
        **{
            k: o[k]
            for k in (
                "processor",
                "stopwords",
                "background",
                "prior",
                "embeddings",
                "embedding_range",
                "weights",
            )
        },
    )
    if setup is None:
        return None
    pair = np.arange(len(i), dtype=np.int64)
    # a row per pair and direction: the statement (row), the other outlet, its statement
    s_row = np.concatenate([i, j])
    s_other = np.concatenate([outlet[j], outlet[i]])
    keep = (
        _asked(_key(s_row, s_other, n_codes), want)
        if want is not None
        else np.ones(len(s_row), dtype=bool)
    )
    both = pl.DataFrame(
        {
            "_s": s_row[keep],
            "_o": s_other[keep],
            "_c": np.concatenate([j, i])[keep],
            "_pair": np.concatenate([pair, pair])[keep],
            # the statement is the pair's first (its words in the second's) or second
            "_first": np.concatenate([np.ones(len(i), bool), np.zeros(len(i), bool)])[keep],
        },
    )
    del s_row, s_other, keep
    if both.height == 0:
        return None
    # nothing thresholded, but only the pairs that can be the closest of a statement and
    # outlet are scored in full (the others keep their containment and figures)
    kept, lower, upper = _contenders(setup, i, j, both, o)

    def scored(pairs: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
        _, _, part, part_score = score_in_parts(
            setup,
            i[pairs],
            j[pairs],
            processes=o["processes"],
            scorer=o["scorer"],
            lowest=0.0,
            min_tokens=o["min_tokens"],
            speaker_penalty=o["speaker_penalty"],
            number_penalty=o["number_penalty"],
        )
        return part, np.round(part_score, 2)

    kept, part, score = _best_of_kept(scored, kept, lower, upper, both, len(i))
    same_tokens = o["processor"] is None and o["stopwords"] is None
    contained = _pair_containment(
        st, i, j, setup.prep.tokens if same_tokens else None, processes=o["processes"]
    )
    if contained is None:
        return None
    at = both["_pair"].to_numpy()
    first = both["_first"].to_numpy()
    both = both.select("_s", "_o", "_c", "_pair").with_columns(
        closest_score=score[at],
        containment=contained["containment"][at],
        synonym_containment=np.where(first, contained["syn_ab"][at], contained["syn_ba"][at]),
        figure_match=contained["figure_match"][at],
    )
    del at, first, contained
    # rows sorted by story and statement id: within a story, row order is id order
    best = (
        both.sort("closest_score", "_c", descending=[True, False])
        .group_by("_s", "_o", maintain_order=True)
        .agg(
            pl.col("_c", "closest_score", "_pair").first(),
            pl.col("containment", "synonym_containment").max(),
            pl.col("figure_match").any(),
        )
    )
    del both
    chosen = np.unique(best["_pair"].to_numpy())
    labels = ClosestLabels(
        setup, i, j, kept, part, score, chosen, ids, o["relations"], o["processes"]
    )
    s_at = best["_s"].to_numpy()
    o_at = best["_o"].to_numpy()
    other = pl.Series([*names, None], dtype=pl.String).gather(np.where(o_at >= 0, o_at, n_codes))
    best = best.with_columns(
        statement_id=ids.gather(s_at),
        story_id=st["story_id"].gather(s_at),
        other=other,
        closest_statement_id=ids.gather(best["_c"].to_numpy()),
        closest_relation=pl.lit(None, pl.String),
    )
    near = best.select(*CLOSEST, "_pair").sort("statement_id", "other")
    return near.cast({**CLOSEST, "_pair": pl.Int64}), labels  # type: ignore[dict-item]


class ClosestLabels:
    """The relation labels of the closest pairs (:func:`closest_pairs`), on demand.

    A label is that of :func:`narratives.align.finish_alignments` over all the
    pairs chosen (threshold 0, no linking). It depends on the pair alone
    (its score lifted where its two articles share a pair scoring 0 or more:
    itself) but for a conflict, which a pair of one of its statements with
    the other article can make a note (``_said_elsewhere``): pairs with a
    conflict or note are labelled again beside every chosen pair of their two
    statements. With a score below 0 or NaN among the chosen, all of them are
    labelled at once, as before.
    """

    def __init__(
        self,
        setup: Any,
        i: np.ndarray,
        j: np.ndarray,
        kept: np.ndarray,
        part: dict[str, np.ndarray],
        score: np.ndarray,
        chosen: np.ndarray,
        ids: pl.Series,
        relations: Any,
        processes: int | None,
    ) -> None:
        # the labels read the statements' tokens, words and numbers, not their TF-IDF
        # matrices (scoring is done): those are let go while the rows are worked out
        prep = setup.prep
        for name in ("chars", "words", "contain", "target"):
            if hasattr(prep, name):
                setattr(prep, name, None)
        # only a chosen pair is ever labelled: its two rows, score and components are
        # kept, those of every pair scored (millions on a large corpus) let go while the
        # rows are worked out (a pair not scored in full has no components: NaN, as its
        # score is -inf)
        chosen = np.unique(np.asarray(chosen, dtype=np.int64))
        where = np.full(len(i), -1, dtype=np.int64)
        where[kept] = np.arange(len(kept))
        at = where[chosen]
        self.comp = {
            name: np.where(at >= 0, values[np.maximum(at, 0)], np.nan)
            if len(values)
            else np.full(len(chosen), np.nan)
            for name, values in part.items()
        }
        self.setup, self.i, self.j = setup, i[chosen], j[chosen]
        self.score, self.chosen, self.ids = score[chosen], chosen, ids
        self.relations, self.processes = relations, processes

    def _at(self, pairs: np.ndarray) -> np.ndarray:
        """The places of chosen ``pairs`` (pair numbers) in :attr:`chosen`."""
        at = np.searchsorted(self.chosen, pairs)
        if len(pairs) and (
            at.max() >= len(self.chosen) or not np.array_equal(self.chosen[at], pairs)
        ):
            raise ValueError("ClosestLabels: only chosen pairs are labelled")
        return at

    def _finish(self, pairs: np.ndarray) -> pl.DataFrame:
        """``_pair``, ``closest_relation``, ``_conflict`` of chosen ``pairs`` labelled together."""
        from narratives.align.aligner import CONFLICT, finish_alignments

        pairs = np.asarray(pairs, dtype=np.int64)
        at = self._at(pairs)
        i, j = self.i[at], self.j[at]
        labelled = finish_alignments(
            self.setup,
            i,
            j,
            {name: values[at] for name, values in self.comp.items()},
            self.score[at],
            threshold=0.0,
            link_threshold=None,
            relations=self.relations,
            processes=self.processes,
        )
        ids = self.ids
        rel = pl.DataFrame({"_pair": pairs, "_a": ids.gather(i), "_b": ids.gather(j)}).with_columns(
            _lo=pl.min_horizontal("_a", "_b"), _hi=pl.max_horizontal("_a", "_b")
        )
        return rel.join(
            labelled.select(
                _lo="statement_id_a",
                _hi="statement_id_b",
                closest_relation="relation",
                _conflict=CONFLICT,
            ),
            on=["_lo", "_hi"],
            how="left",
        ).select("_pair", "closest_relation", "_conflict")

    def of(self, pairs: np.ndarray) -> pl.DataFrame:
        """``_pair``, ``closest_relation`` of ``pairs`` (chosen pairs' numbers)."""
        pairs = np.unique(np.asarray(pairs, dtype=np.int64))
        empty = pl.DataFrame(schema={"_pair": pl.Int64, "closest_relation": pl.String})
        if len(pairs) == 0:
            return empty
        if not bool(np.all(self.score >= 0)):  # NaN or -inf: label every chosen pair
            every = self._finish(self.chosen)
            return every.join(pl.DataFrame({"_pair": pairs}), on="_pair", how="semi").select(
                "_pair", "closest_relation"
            )
        first = self._finish(pairs)
        again = first.filter(pl.col("_conflict").is_not_null())["_pair"].to_numpy()
        if len(again) == 0:
            return first.select("_pair", "closest_relation")
        # a conflict: beside every chosen pair of the two statements, as all were labelled
        at = self._at(again)
        ends = np.unique(np.concatenate([self.i[at], self.j[at]]))
        touching = self.chosen[np.isin(self.i, ends) | np.isin(self.j, ends)]
        redone = self._finish(touching).join(pl.DataFrame({"_pair": again}), on="_pair", how="semi")
        return (
            first.filter(pl.col("_conflict").is_null())
            .select("_pair", "closest_relation")
            .vstack(redone.select("_pair", "closest_relation"))
        )
