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
import re
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


_PAIR_SCHEMA = {
    "statement_id_a": pl.String,
    "statement_id_b": pl.String,
    "containment": pl.Float64,
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


def _figures(text: str) -> frozenset[tuple[int, int]]:
    """The figures of a statement as ``(value, significant digits)``.

    Two digits or more in the integer part, or a figure with a unit word
    (``7 مليار``); years (19xx, 20xx, Hijri 14xx) and dates with slashes
    aside, and so are ordinals and model names (``الـ23``, ``مي-28``); a unit
    after a number word or a dual counts (``خمسة مليارات``,
    ``مليوني``). ``400 ألف`` is ``(400000, 1)``, ``407516`` is ``(407516, 6)``,
    ``71.08`` is ``(71, 2)`` (within one event, 71 and 71.08 are one figure).
    See :func:`figures_agree` for rounded figures.

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


def _figure_match(texts: list[str], pi: np.ndarray, pj: np.ndarray) -> list[bool]:
    """Whether the two statements give one figure (71 and 71.08, 407516 and 400 ألف)."""
    figs = [_figures(t) for t in texts]
    return [figures_agree(figs[a], figs[b]) for a, b in zip(pi.tolist(), pj.tolist(), strict=True)]


def _contained(
    tokens: list[list[str]], pi: np.ndarray, pj: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """IDF-weighted containment of each pair (rows ``pi``, ``pj``): ``pi`` in ``pj``, and back."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, words in enumerate(tokens):
        for w in set(words):
            rows.append(r)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(tokens)
    if not vocab:
        return None
    b = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
        shape=(n, len(vocab)),
    )
    df = np.asarray(b.sum(axis=0)).ravel()
    idf = np.log((1 + n) / (1 + df)) + 1
    w = sp.csr_matrix(b.multiply(idf[None, :]))
    total = np.asarray(w.sum(axis=1)).ravel()
    inter = np.zeros(len(pi))
    for s in range(0, len(pi), 200_000):
        e = s + 200_000
        inter[s:e] = np.asarray(w[pi[s:e]].multiply(b[pj[s:e]]).sum(axis=1)).ravel()
    # a side of fewer than three content words is contained too easily
    few = np.array([len(set(t)) < 3 for t in tokens])
    a_in_b = np.where(few[pi], 0.0, inter / np.maximum(total[pi], 1e-9))
    b_in_a = np.where(few[pj], 0.0, inter / np.maximum(total[pj], 1e-9))
    return np.round(a_in_b, 3), np.round(b_in_a, 3)


def _containment(
    st: pl.DataFrame,
    pi: np.ndarray,
    pj: np.ndarray,
    tokens: list[list[str]] | None = None,
) -> pl.DataFrame:
    """IDF-weighted containment of each pair's content words, the larger direction.

    A long sentence carrying several propositions scores low against one of
    them on the symmetric score, yet holds all its words. ``synonym_containment``
    counts the words of one synonym group (``lexicons/synonyms.tsv``: مروحية /
    هليكوبتر) as one word, one direction at a time (``_syn_ab``: ``pi`` in ``pj``,
    ``_syn_ba``, in the order of the pairs).
    """
    from narratives.align._text import content_tokens
    from narratives.compare._synonyms import with_synonyms

    if tokens is None:  # the alignment's content tokens when it made them
        tokens = content_tokens(
            [t or "" for t in st["text"].to_list()],
            exclude=st["speaker_mention"].to_list() if "speaker_mention" in st.columns else None,
        )
    plain = _contained(tokens, pi, pj)
    if plain is None:
        return pl.DataFrame(schema={**_PAIR_SCHEMA, "_syn_ab": pl.Float64, "_syn_ba": pl.Float64})
    # a word of the claim given in other words (مروحية / هليكوبتر): lexicons/synonyms.tsv
    grouped = with_synonyms(tokens)
    same = all(a == b for a, b in zip(tokens, grouped, strict=True))
    synonym = plain if same else _contained(grouped, pi, pj)
    assert synonym is not None
    sid = st["statement_id"]
    return (
        pl.DataFrame(
            {
                "_x": sid.gather(pi),
                "_y": sid.gather(pj),
                "containment": np.maximum(*plain),
                "_syn_ab": synonym[0],
                "_syn_ba": synonym[1],
                "figure_match": _figure_match(st["text"].to_list(), pi, pj),
            },
        )
        .select(
            statement_id_a=pl.min_horizontal("_x", "_y"),
            statement_id_b=pl.max_horizontal("_x", "_y"),
            containment="containment",
            figure_match="figure_match",
            _syn_ab="_syn_ab",
            _syn_ba="_syn_ba",
        )
        .cast({**_PAIR_SCHEMA, "_syn_ab": pl.Float64, "_syn_ba": pl.Float64})  # type: ignore[dict-item]
    )


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


def _story_pairs(st: pl.DataFrame, needed: pl.DataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (i < j) of one story and two outlets, where either direction is needed."""
    idx = st.select("statement_id", "story_id", "outlet").with_row_index("row")
    pairs = idx.join(idx, on="story_id", suffix="_b").filter(
        (pl.col("row") < pl.col("row_b")) & pl.col("outlet").ne_missing(pl.col("outlet_b"))
    )
    if needed is not None:
        want = needed.select("statement_id", "other").unique().with_columns(_w=pl.lit(True))
        pairs = (
            pairs.join(
                want.rename({"other": "outlet_b", "_w": "_ab"}),
                on=["statement_id", "outlet_b"],
                how="left",
            )
            .join(
                want.rename({"statement_id": "statement_id_b", "other": "outlet", "_w": "_ba"}),
                on=["statement_id_b", "outlet"],
                how="left",
            )
            .filter(pl.col("_ab").is_not_null() | pl.col("_ba").is_not_null())
        )
    pairs = pairs.sort("row", "row_b")
    return (
        pairs["row"].to_numpy().astype(np.int64),
        pairs["row_b"].to_numpy().astype(np.int64),
    )


#: components whose scores bound the combined score before the per-pair scorers run
_BOUNDED = frozenset({"tfidf", "containment", "words", "fuzzy"})
#: margin (score points) of the bounds: far above float noise and the 0.01 rounding
_MARGIN = 0.5


def _contenders(
    setup: Any, i: np.ndarray, j: np.ndarray, both: pl.DataFrame, o: dict[str, Any]
) -> np.ndarray:
    """The pairs (indices into ``i``, ``j``) that may be the closest of a row of ``both``.

    The combined score is a weighted mean of components, times the speaker and
    figure penalties; the ``fuzzy`` scorer is the slow part. With the other
    components computed, a pair's score lies between its score at fuzzy 0 and
    at fuzzy 100 (100 when the texts are equal: an exact copy scores 100 on
    every component). A pair whose upper bound is below another pair's lower
    bound, for every statement and outlet it could be the closest of, is never
    chosen: it is not scored in full. Every pair when the weights use other
    components (ratio, embeddings).
    """
    from narratives.align import _tfidf
    from narratives.align.score import combine, number_overlap, speaker_agreement

    every = np.arange(len(i))
    weights = {k: w for k, w in setup.weights.items() if w > 0}
    if setup.vectors is not None or not set(weights) <= _BOUNDED or len(i) == 0:
        return every
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
        "speaker_match": speaker_agreement([speakers[k] for k in i], [speakers[k] for k in j])
        if speakers is not None
        else np.full(len(i), np.nan),
        "number_overlap": number_overlap(
            [prep.numbers(k) for k in i], [prep.numbers(k) for k in j]
        ),
    }
    penalties = {"speaker_penalty": o["speaker_penalty"], "number_penalty": o["number_penalty"]}
    lower = combine({**comp, "fuzzy": np.zeros(len(i))}, weights=weights, **penalties)
    upper = combine({**comp, "fuzzy": np.full(len(i), 100.0)}, weights=weights, **penalties)
    full = pl.Series(prep.full, dtype=pl.String)
    upper = np.where((full.gather(i) == full.gather(j)).to_numpy(), 100.0, upper)
    rows = both.select(
        "statement_id",
        "other",
        "_pair",
        _lo=pl.Series(lower).gather(both["_pair"]),
        _up=pl.Series(upper).gather(both["_pair"]),
    )
    keep = rows.filter(pl.col("_up") + _MARGIN >= pl.col("_lo").max().over("statement_id", "other"))
    return np.unique(keep["_pair"].to_numpy())


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
    """
    from narratives.align.aligner import finish_alignments, prepare_alignment, score_in_parts

    st = statements.join(stories.select("article_id", "story_id"), on="article_id", how="inner")
    multi = st.group_by("story_id").agg(pl.col("outlet").n_unique().alias("k"), pl.len().alias("m"))
    multi = multi.filter(pl.col("k") >= 2)
    if multi.height == 0:
        return pl.DataFrame(schema=CLOSEST)
    # pairs per story ~ m^2 / 2: keep the smaller stories first within the budget
    multi = multi.with_columns(cost=(pl.col("m") * (pl.col("m") - 1) // 2)).sort("cost", "story_id")
    multi = multi.filter(pl.col("cost").cum_sum() <= max_pairs)
    st = st.join(multi.select("story_id"), on="story_id", how="semi").sort(
        "story_id", "statement_id"
    )
    if st.height < 2:
        return pl.DataFrame(schema=CLOSEST)
    pi, pj = _story_pairs(st, needed)
    if len(pi) == 0:
        return pl.DataFrame(schema=CLOSEST)
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
        return pl.DataFrame(schema=CLOSEST)
    ids, outlets = st["statement_id"], st["outlet"].cast(pl.String)
    i, j = pi, pj
    pair = np.arange(len(i))
    both = pl.DataFrame(
        {
            "statement_id": pl.concat([ids.gather(i), ids.gather(j)]),
            "other": pl.concat([outlets.gather(j), outlets.gather(i)]),
            "closest_statement_id": pl.concat([ids.gather(j), ids.gather(i)]),
            "_pair": np.concatenate([pair, pair]),
            # the statement is the pair's first (its words in the second's) or second
            "_first": np.concatenate([np.ones(len(i), bool), np.zeros(len(i), bool)]),
        },
    )
    if needed is not None:
        both = both.join(
            needed.select("statement_id", "other").unique(),
            on=["statement_id", "other"],
            how="semi",
        )
    if both.height == 0:
        return pl.DataFrame(schema=CLOSEST)
    # nothing thresholded, but only the pairs that can be the closest of a statement and
    # outlet are scored in full (the others keep their containment and figures)
    kept = _contenders(setup, i, j, both, o)
    _, _, part, part_score = score_in_parts(
        setup,
        i[kept],
        j[kept],
        processes=o["processes"],
        scorer=o["scorer"],
        lowest=0.0,
        min_tokens=o["min_tokens"],
        speaker_penalty=o["speaker_penalty"],
        number_penalty=o["number_penalty"],
    )
    score = np.full(len(i), -np.inf)
    score[kept] = np.round(part_score, 2)
    comp: dict[str, np.ndarray] = {}
    for name, values in part.items():
        comp[name] = np.full(len(i), np.nan)
        comp[name][kept] = values
    sid = st["statement_id"].to_list()
    both = both.with_columns(closest_score=pl.Series(score).gather(both["_pair"]))
    same_tokens = o["processor"] is None and o["stopwords"] is None
    contained = _containment(st, i, j, setup.prep.tokens if same_tokens else None)
    contained = contained.with_columns(_pair=pl.Series(pair))
    both = both.join(
        contained.select("_pair", "containment", "figure_match", "_syn_ab", "_syn_ba"),
        on="_pair",
    ).with_columns(
        synonym_containment=pl.when("_first").then("_syn_ab").otherwise("_syn_ba"),
    )
    best = (
        both.sort("closest_score", "closest_statement_id", descending=[True, False])
        .group_by("statement_id", "other", maintain_order=True)
        .agg(
            pl.col("closest_statement_id", "closest_score", "_pair").first(),
            pl.col("containment", "synonym_containment").max(),
            pl.col("figure_match").any(),
        )
    )
    # relation labels of the closest pairs only
    chosen = np.unique(best["_pair"].to_numpy())
    labelled = finish_alignments(
        setup,
        i[chosen],
        j[chosen],
        {k: v[chosen] for k, v in comp.items()},
        score[chosen],
        threshold=0.0,
        link_threshold=None,
        relations=o["relations"],
        processes=o["processes"],
    )
    rel = pl.DataFrame(
        {
            "_pair": chosen,
            "_a": [sid[k] for k in i[chosen]],
            "_b": [sid[k] for k in j[chosen]],
        }
    ).with_columns(_lo=pl.min_horizontal("_a", "_b"), _hi=pl.max_horizontal("_a", "_b"))
    rel = rel.join(
        labelled.select(_lo="statement_id_a", _hi="statement_id_b", closest_relation="relation"),
        on=["_lo", "_hi"],
        how="left",
    ).select("_pair", "closest_relation")
    best = best.join(rel, on="_pair", how="left").join(
        st.select("statement_id", "story_id"), on="statement_id", how="left"
    )
    return best.select(list(CLOSEST)).sort("statement_id", "other").cast(CLOSEST)  # type: ignore[arg-type]
