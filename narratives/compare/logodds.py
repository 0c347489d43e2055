"""Distinguishing terms: log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection
and Evaluation for Identifying the Content of Political Conflict", Political
Analysis 16(4), section 3.5. For word ``w``, group ``i`` and group ``j``::

    delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w))
            - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
    var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w     = delta_w / sqrt(var_w)

with the prior ``a_w = a_0 * f_w`` proportional to the word's frequency
``f_w`` in the background (both groups together) and ``a_0`` the prior's
total weight (``prior_scale``). Swapping ``i`` and ``j`` flips the sign of
``z``.

What is counted (:func:`distinguishing_terms`): by default only statements
of claims that several outlets carried (``scope="aligned"``), so the topic
is held constant and what differs is wording; ``scope="all"`` counts every
statement. Left out: function words, single letters, numbers, each outlet's
own name (الشرق الأوسط in Asharq Al-Awsat), site furniture words
(``lexicons/distinguishing_terms.yaml``), numbers in words (في المئة, مليون)
and statements an outlet repeats word for word in several articles
(promotions, sign-offs: learned from the corpus). Spellings of one word are
counted as one term (:func:`variant_groups`: hamza seats always,
transliterations such as الأميركية / الأمريكية when the ``house_style``
table saw them in aligned statements); "عبد" is joined to the name it
starts however spaced. Terms are shown as written (the outlet's most frequent spelling),
not in the normalized form used to count them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from typing import Literal

import numpy as np
import polars as pl

from narratives import schemas
from narratives._resources import load_yaml
from narratives.align._background import load_background
from narratives.compare._common import check
from narratives.compare._text import (
    TOKENS_COLUMN,
    display_tokens,
    normalized,
    proclitic_map,
    statement_tokens,
    unmarked,
    word_key,
)
from narratives.normalize import normalize


def log_odds_z(
    counts_i: np.ndarray, counts_j: np.ndarray, prior: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log-odds ratio, its variance and z-score per word (Monroe et al. 2008).

    Parameters
    ----------
    counts_i, counts_j
        Word counts of the two groups (same vocabulary order).
    prior
        Dirichlet prior ``a_w`` per word (positive).

    Examples
    --------
    >>> d, v, z = log_odds_z(np.array([10, 1]), np.array([1, 10]), np.array([1.0, 1.0]))
    >>> bool(z[0] > 0 > z[1]), bool(np.isclose(z[0], -z[1]))
    (True, True)
    """
    yi = np.asarray(counts_i, dtype=np.float64)
    yj = np.asarray(counts_j, dtype=np.float64)
    a = np.asarray(prior, dtype=np.float64)
    if np.any(a <= 0):
        raise ValueError("log_odds_z: every prior weight must be positive")
    if len(a) < 2:
        raise ValueError("log_odds_z: needs at least two words (odds against the others)")
    a0 = a.sum()
    ni, nj = yi.sum(), yj.sum()
    delta = np.log((yi + a) / (ni + a0 - yi - a)) - np.log((yj + a) / (nj + a0 - yj - a))
    var = 1.0 / (yi + a) + 1.0 / (yj + a)
    return delta, var, delta / np.sqrt(var)


def term_key(word: str) -> str:
    """The counting key of a written word: its match key with a final ة kept.

    The match spelling writes ة as ه, which makes «دورة» ("a course") and
    «دوره» ("its role", also «بدوره» "in turn" once its ب is cut) one word;
    outlets write ة consistently, so a term keeps it.

    Examples
    --------
    >>> [term_key(w) for w in ["الدورةُ", "بدوره", "الإرهابيّ"]]
    ['الدورة', 'بدوره', 'الارهابي']
    """
    key = word_key(word)
    if key.endswith("ه") and unmarked(word).endswith("ة"):
        return key[:-1] + "ة"
    return key


def _term_phrase(text: str) -> str:
    """``text``'s words as :func:`term_key` writes them, joined by spaces."""
    return " ".join(term_key(w) for w in display_tokens(text))


def term_tokens(frame: pl.DataFrame, *, chunk: int = 20_000) -> pl.Series:
    """Each statement's word tokens as :func:`term_key` counts them (one list per row),
    made ``chunk`` statements at a time (Python lists of a whole corpus weigh gigabytes)."""
    texts = frame["text"]
    parts = [
        pl.Series(
            TOKENS_COLUMN,
            [
                [term_key(w) for w in display_tokens(t or "")]
                for t in texts.slice(start, chunk).to_list()
            ],
            dtype=pl.List(pl.String),
        )
        for start in range(0, len(texts), chunk)
    ]
    if not parts:
        return pl.Series(TOKENS_COLUMN, [], dtype=pl.List(pl.String))
    return pl.concat(parts, rechunk=True)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The background table's words, each also with a final ة where it ends in ه."""
    words = load_background().words
    return frozenset(words) | frozenset(w[:-1] + "ة" for w in words if w.endswith("ه"))


def term_counts(
    statements: pl.DataFrame,
    *,
    clitics: bool = True,
    stopwords: Collection[str] = (),
) -> pl.DataFrame:
    """Token occurrences: ``statement_id``, ``outlet``, ``term`` (one row each).

    Tokens are match-normalized; with ``clitics`` the proclitics و ف ب ل ك
    are stripped where the rest is a word seen in these statements (ال is
    kept, see :func:`narratives.compare._text.strip_proclitics`).
    """
    long = (
        statements.select("statement_id", "outlet", term=statement_tokens(statements))
        .explode("term")
        .drop_nulls("term")
        .filter(~pl.col("term").str.contains(r"^\d+$"))
    )
    if clitics:
        vocab = set(long["term"].unique().to_list())
        mapping = proclitic_map(vocab, vocab, words=_known_words())
        long = long.with_columns(pl.col("term").replace(mapping))
    if stopwords:
        folded = pl.col("term").str.replace(r"ة$", "ه")
        long = long.filter(~folded.is_in(list(stopwords)))
    return long


def statement_tokens_vocab(frame: pl.DataFrame) -> list[str]:
    """Distinct match-normalized tokens of ``frame``'s statements."""
    return frame.select(t=statement_tokens(frame)).explode("t")["t"].drop_nulls().unique().to_list()


def _versus_rest(
    counts: pl.DataFrame, outlets: list[str], min_count: int, prior_scale: float, top_n: int
) -> pl.DataFrame:
    """Every outlet against the others pooled, all outlets at once (polars expressions).

    The same figures as :func:`log_odds_z` with ``counts_i`` the outlet's
    counts, ``counts_j`` everyone else's, and the prior from all counts.
    """
    total = counts.group_by("term").agg(pl.col("n").sum().alias("n_all"))
    kept = total.filter(pl.col("n_all") >= min_count)
    if kept.height < 2:
        return pl.DataFrame()
    grid = (
        pl.DataFrame({"outlet": outlets}, schema={"outlet": pl.String})
        .join(kept, how="cross")
        .join(counts, on=["outlet", "term"], how="left")
        .sort("outlet", "term")
        .select(
            "outlet",
            "term",
            "n_all",
            n_outlet=pl.col("n").fill_null(0).cast(pl.Int64),
            n_versus=(pl.col("n_all") - pl.col("n").fill_null(0)).cast(pl.Int64),
        )
    )
    yi, yj = pl.col("n_outlet").cast(pl.Float64), pl.col("n_versus").cast(pl.Float64)
    a = prior_scale * pl.col("n_all") / kept["n_all"].sum()
    ni, nj = yi.sum().over("outlet"), yj.sum().over("outlet")
    delta = ((yi + a) / (ni + prior_scale - yi - a)).log() - (
        (yj + a) / (nj + prior_scale - yj - a)
    ).log()
    var = 1.0 / (yi + a) + 1.0 / (yj + a)
    scored = grid.with_columns(log_odds=delta, variance=var).with_columns(
        z=pl.col("log_odds") / pl.col("variance").sqrt(), versus=pl.lit("rest")
    )
    high = pl.col("z").rank("ordinal", descending=True).over("outlet")
    low = pl.col("z").rank("ordinal").over("outlet")
    return scored.filter((high <= top_n) | (low <= top_n)).with_columns(
        rank=pl.col("z")
        .abs()
        .rank("ordinal", descending=True)
        .over(pl.col("outlet"), pl.col("z") > 0)
        .cast(pl.Int32)
    )


@lru_cache(maxsize=2)
def _excluded_words(path: str = "distinguishing_terms.yaml") -> frozenset[str]:
    from narratives.compare.substitutions import function_words, scale_words

    data = load_yaml(path)
    words = data.get("furniture_words") if isinstance(data, dict) else None
    # numbers in words are numbers (في المئة, الف, الثاني), with the article too
    numbers = scale_words()
    numbers |= {"ال" + w for w in numbers if not w.startswith("ال")}
    return function_words() | numbers | frozenset(normalize(str(w)) for w in words or [])


_SKELETON = str.maketrans("", "", "اويىءئؤأإآ ")
#: variant kinds that are spelling whatever the word (another hamza seat: مسؤول / مسئول)
ORTHOGRAPHIC = frozenset({"hamza_seat", "spacing", "abbreviation", "letter_form"})
#: kinds never folded: سورية / سوريا is how SANA names the country, a choice readers notice
KEPT_APART = frozenset({"definite_article", "final_alef"})


def variant_groups(
    terms: Collection[str], observed: Collection[frozenset[str]] = ()
) -> dict[str, str]:
    """``{term: the term it is folded into}`` for spelling variants of one word.

    House style is not word choice: مسؤول / مسئول (kinds in
    :data:`ORTHOGRAPHIC`, :func:`narratives.compare._text.variant_kind`) are
    one term, counted under the first of each group in sorted order; سورية /
    سوريا and a definite article are kept apart (:data:`KEPT_APART`). A
    transliteration or transposition (الاميركيه / الامريكيه) is folded only
    when ``observed``: pairs of match keys seen as variants in aligned
    statements of one claim (the ``house_style`` table), since a long vowel
    more or less or two letters swapped is as often another word (التعليم /
    التعلم, المهتم / المتهم).
    """
    from narratives.compare._text import variant_kind

    seen = {frozenset(p) for p in observed}
    by_skeleton: dict[str, list[str]] = {}
    for term in sorted(terms):
        by_skeleton.setdefault(term.translate(_SKELETON).replace("ه", ""), []).append(term)
    out: dict[str, str] = {}
    for group in by_skeleton.values():
        if len(group) < 2 or len(group) > 12:  # a large group is short words, no variants
            continue
        for i, term in enumerate(group):
            if term in out:
                continue
            for other in group[i + 1 :]:
                if other in out:
                    continue
                kind = variant_kind(term, other)
                if kind in ORTHOGRAPHIC or (
                    kind is not None and kind not in KEPT_APART and frozenset({term, other}) in seen
                ):
                    out[other] = term
    return out


@lru_cache(maxsize=2)
def _outlet_names(path: str = "outlets.yaml") -> dict[str, tuple[str, ...]]:
    """Each outlet's Arabic names of two words or more, written as terms are counted.

    One-word names (الرياض, الجزيرة, اليوم) are also common words, so only
    longer names (الشرق الاوسط) are taken for self-references.
    """
    data = load_yaml(path)
    entries = data.get("outlets", data) if isinstance(data, dict) else data
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries or []:
        if not isinstance(entry, dict) or "id" not in entry:
            continue
        names = entry.get("name_ar") or []
        names = [names] if isinstance(names, str) else names
        phrases = {_term_phrase(str(name)) for name in names}
        out[str(entry["id"])] = tuple(sorted(p for p in phrases if " " in p))
    extra = load_yaml("distinguishing_terms.yaml")
    for outlet, words in ((extra or {}).get("self_names") or {}).items():
        out[str(outlet)] = out.get(str(outlet), ()) + tuple(_term_phrase(str(w)) for w in words)
    return out


@lru_cache(maxsize=2)
def _function_phrases(path: str = "distinguishing_terms.yaml") -> tuple[str, ...]:
    """Patterns of the phrases that work as one preposition (عن طريق "by means of", على
    هامش): the words after the first are no vocabulary of the outlet (``طريق`` of «عن
    طريق» is no road; «على طريق الملك فهد» keeps it)."""
    data = load_yaml(path)
    phrases = (data.get("function_phrases") if isinstance(data, dict) else None) or []
    out = []
    for phrase in phrases:
        first, *rest = _term_phrase(str(phrase)).split()
        if rest:
            out.append(rf"((?:^|\s)[وف]?{re.escape(first)}) {re.escape(' '.join(rest))}(\s|$)")
    return tuple(out)


def without_own_names(statements: pl.DataFrame) -> pl.DataFrame:
    """``statements`` with each outlet's own name (two words or more, or listed in
    ``distinguishing_terms.yaml``) left out of its tokens, and "عبد ال..." names joined."""
    from narratives.compare._text import TOKENS_COLUMN

    frame = statements.with_columns(statement_tokens(statements).alias(TOKENS_COLUMN))
    joined = pl.col(TOKENS_COLUMN).list.join(" ")
    for pattern in _function_phrases():
        joined = joined.str.replace_all(pattern, "${1}${2}")
    # "عبد العزيز" and "عبدالعزيز" are one name however spaced: count it as one word
    # (also after a proclitic, وعبد العزيز, and before a name without the article, عبد ربه)
    frame = frame.with_columns(
        joined.str.replace_all(r"(^|\s)([وفبلك]?)عبد (\S+)", "${1}${2}عبد${3}")
        .str.split(" ")
        .list.eval(pl.element().filter(pl.element() != ""))
        .alias(TOKENS_COLUMN)
    )
    present = set(frame["outlet"].drop_nulls().unique().to_list())
    for outlet, phrases in _outlet_names().items():
        if outlet not in present or not phrases:
            continue
        pattern = "|".join(rf"(?:^|\s){re.escape(p)}(?:\s|$)" for p in phrases)
        joined = pl.col(TOKENS_COLUMN).list.join(" ")
        frame = frame.with_columns(
            pl.when(pl.col("outlet") == outlet)
            .then(
                joined.str.replace_all(pattern, " ")
                .str.split(" ")
                .list.eval(pl.element().filter(pl.element() != ""))
            )
            .otherwise(pl.col(TOKENS_COLUMN))
            .alias(TOKENS_COLUMN)
        )
    return frame


def repeated_statements(statements: pl.DataFrame, *, min_articles: int = 3) -> pl.DataFrame:
    """Statements an outlet prints word for word in ``min_articles`` articles or more.

    Such lines are the outlet's furniture (promotions, sign-offs, boilerplate
    that survived cleaning), not its wording of the news. Returns
    ``statement_id``.
    """
    if "article_id" not in statements.columns:
        return pl.DataFrame(schema={"statement_id": pl.String})
    keyed = statements.select(
        "statement_id", "outlet", "article_id", _key=normalized(pl.col("text"))
    )
    return keyed.filter(
        pl.col("article_id").n_unique().over("outlet", "_key") >= min_articles
    ).select("statement_id")


def without_repeated_openings(
    statements: pl.DataFrame, *, min_articles: int = 9, words: int = 3
) -> pl.DataFrame:
    """``statements`` with their first ``words`` tokens dropped where an outlet opens
    statements of ``min_articles`` articles or more with them.

    Catches furniture glued to content ("رابط الخبر بصحيفة الوئام: <headline>"):
    the repeated opening is not counted, the rest is. Works on the
    ``norm_tokens`` column (added when missing).
    """
    from narratives.compare._text import TOKENS_COLUMN

    frame = statements.with_columns(statement_tokens(statements).alias(TOKENS_COLUMN))
    joined = pl.col(TOKENS_COLUMN).list.join(" ")
    for pattern in _function_phrases():
        joined = joined.str.replace_all(pattern, "${1}${2}")
    if "article_id" not in frame.columns or frame.height == 0:
        return frame
    opening = pl.col(TOKENS_COLUMN).list.head(words).list.join(" ")
    flagged = frame.with_columns(_open=opening).with_columns(
        _rep=(pl.col(TOKENS_COLUMN).list.len() > words)
        & (pl.col("article_id").n_unique().over("outlet", "_open") >= min_articles)
    )
    return flagged.with_columns(
        pl.when(pl.col("_rep"))
        .then(pl.col(TOKENS_COLUMN).list.slice(words))
        .otherwise(pl.col(TOKENS_COLUMN))
        .alias(TOKENS_COLUMN)
    ).drop("_open", "_rep")


def _display_forms(
    frame: pl.DataFrame,
    keys: set[str],
    mapping: dict[str, str],
    clitic_keys: Collection[str] = (),
) -> dict[str, str]:
    """``{term: most frequent written form}`` for the terms in ``keys``: a word as printed,
    preferring forms printed without a proclitic; a term printed only with one is shown
    with it (never a stem no article printed)."""
    forms: dict[str, Counter[str]] = {}
    whole: dict[str, Counter[str]] = {}
    # a word's term and shown form, once per distinct written word
    seen: dict[str, tuple[str, str] | None] = {}
    for text in frame["text"].to_list():
        for word in display_tokens(text or ""):
            if word not in seen:
                key = term_key(word)
                term = mapping.get(key, key)
                seen[word] = None
                if term in keys:
                    seen[word] = (term, unmarked(word))
            hit = seen[word]
            if hit is not None:
                # printed without a proclitic the term was cut from (``clitic_keys``)
                target = forms if term_key(word) in clitic_keys else whole
                target.setdefault(hit[0], Counter())[hit[1]] += 1
    out = {k: c.most_common(1)[0][0] for k, c in forms.items()}
    out.update({k: c.most_common(1)[0][0] for k, c in whole.items()})
    return out


def distinguishing_terms(
    statements: pl.DataFrame,
    alignments: pl.DataFrame | None = None,
    *,
    claims: pl.DataFrame | None = None,
    versus: Literal["rest", "each"] = "rest",
    scope: Literal["aligned", "all"] | None = None,
    aligned_only: bool | None = None,
    furniture_min_articles: int = 3,
    min_z: float = 1.96,
    prior_scale: float = 1000.0,
    min_count: int = 3,
    top_n: int = 30,
    clitics: bool = True,
    stopwords: Collection[str] = (),
    max_examples: int = 5,
    variants: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Terms typical of each outlet against the rest (or each other outlet).

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``outlet``, ``text``).
    alignments
        ``schemas.ALIGNMENTS``; with ``scope="aligned"`` and no ``claims``,
        statements aligned with another outlet's are counted.
    claims
        ``schemas.CLAIMS`` (with ``claim_outlets`` or computed): with
        ``scope="aligned"``, statements of claims several outlets carried.
    versus
        ``"rest"``: each outlet against all the others pooled; ``"each"``:
        every ordered pair of outlets.
    scope
        ``"aligned"`` (the default when claims or alignments are given):
        count only statements of claims other outlets carried too, so the
        topic is held constant and what differs is wording; ``"all"`` (the
        default without them): every statement.
    aligned_only
        Older spelling of ``scope`` (True = "aligned", False = "all").
    min_z
        Keep terms with ``|z|`` at least this (1.96: significant at 5 %,
        two-sided); 0 keeps the ``top_n`` whatever their z.
    furniture_min_articles
        A statement an outlet repeats word for word in this many articles is
        furniture and is not counted (0 keeps everything).
    prior_scale
        Total weight ``a_0`` of the informative prior (background frequencies).
    min_count
        Drop terms seen fewer times in the two groups together.
    top_n
        Keep the ``top_n`` highest and ``top_n`` lowest z per comparison.
    clitics, stopwords
        Token handling, see :func:`term_counts`.
    max_examples
        Statement ids kept per row as evidence.
    variants
        The :func:`narratives.compare.house_style` table (``form_a``,
        ``form_b``): one-word spellings seen as variants of one word in
        aligned statements are counted as one term (الأميركية / الأمريكية),
        besides hamza seats and final alef, always folded (see
        :func:`variant_groups`).

    Returns
    -------
    pl.DataFrame
        ``schemas.DISTINGUISHING_TERMS``: ``z > 0`` marks a term of
        ``outlet``, ``z < 0`` one of ``versus``; ``rank`` counts from the
        extreme on each side.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"], "outlet": ["sana", "rt"],
    ...     "text": ["الإرهابيين الإرهابيين الإرهابيين سورية", "المسلحين المسلحين المسلحين سوريا"]})
    >>> out = distinguishing_terms(st, min_count=1, top_n=1, min_z=0)
    >>> out.filter(pl.col("outlet") == "sana")[["term", "rank"]].rows()
    [('الإرهابيين', 1), ('المسلحين', 1)]
    """
    check(
        statements,
        ("statement_id", "outlet", "text"),
        name="statements",
        stage="distinguishing_terms",
    )
    if versus not in ("rest", "each"):
        raise ValueError(f"distinguishing_terms: versus must be 'rest' or 'each', not {versus!r}")
    if prior_scale <= 0:
        raise ValueError("distinguishing_terms: prior_scale must be positive")
    if scope is None:
        given = claims is not None or alignments is not None
        aligned = aligned_only is True or (aligned_only is None and given)
        scope = "aligned" if aligned else "all"
    if scope not in ("aligned", "all"):
        raise ValueError(f"distinguishing_terms: scope must be 'aligned' or 'all', not {scope!r}")
    frame = statements
    if scope == "aligned":
        if claims is not None:
            check(claims, ("claim_id", "statement_id"), name="claims", stage="distinguishing_terms")
            with_outlets = claims.join(
                statements.select("statement_id", "outlet"),
                on="statement_id",
                how="left",
                suffix="_st",
            )
            outlet_col = "outlet" if "outlet" in claims.columns else "outlet_st"
            shared = with_outlets.filter(pl.col(outlet_col).n_unique().over("claim_id") > 1)
            frame = frame.join(shared.select("statement_id"), on="statement_id", how="semi")
        elif alignments is not None:
            cross = alignments.filter(pl.col("outlet_a").ne_missing(pl.col("outlet_b")))
            ids = pl.concat([cross["statement_id_a"], cross["statement_id_b"]]).unique()
            frame = frame.filter(pl.col("statement_id").is_in(ids.implode()))
        else:
            raise ValueError("distinguishing_terms: scope='aligned' needs claims or alignments")
    if furniture_min_articles > 0:
        furniture = repeated_statements(statements, min_articles=furniture_min_articles)
        frame = frame.join(furniture, on="statement_id", how="anti")
    # counted with a final ة kept (term_key): «دورة» is not «دوره» (the statements kept only)
    frame = frame.with_columns(term_tokens(frame))
    frame = without_repeated_openings(frame, min_articles=max(furniture_min_articles, 1) * 3)
    frame = without_own_names(frame)
    excluded = _excluded_words() | frozenset(stopwords)
    long = term_counts(frame, clitics=clitics, stopwords=excluded).drop_nulls("outlet")
    long = long.filter((pl.col("term").str.len_chars() > 1) & ~pl.col("term").str.contains(r"\d"))

    observed: list[frozenset[str]] = []
    if variants is not None and {"form_a", "form_b"} <= set(variants.columns):
        observed = [
            frozenset({term_key(a), term_key(b)})
            for a, b in variants.select("form_a", "form_b").iter_rows()
            if a and b and " " not in a and " " not in b
        ]
    folded = variant_groups(long["term"].unique().to_list(), observed)
    if folded:
        long = long.with_columns(pl.col("term").replace(folded))
    counts = long.group_by("outlet", "term").len("n")
    outlets = sorted(counts["outlet"].unique().to_list())
    total = counts.group_by("term").agg(pl.col("n").sum().alias("n_all"))
    results: list[pl.DataFrame] = []
    if versus == "rest":
        results.append(_versus_rest(counts, outlets, min_count, prior_scale, top_n))
    comparisons = [(o, p) for o in outlets for p in outlets if o != p] if versus == "each" else []
    for outlet, other in comparisons:
        mine = counts.filter(pl.col("outlet") == outlet).select("term", n_outlet="n")
        if other == "rest":
            theirs = total.join(mine, on="term", how="left").select(
                "term", n_versus=pl.col("n_all") - pl.col("n_outlet").fill_null(0)
            )
            background = total
        else:
            theirs = counts.filter(pl.col("outlet") == other).select("term", n_versus="n")
            background = None
        table = mine.join(theirs, on="term", how="full", coalesce=True).fill_null(0)
        if background is None:
            table = table.with_columns(n_all=pl.col("n_outlet") + pl.col("n_versus"))
        else:
            table = table.join(background, on="term", how="left")
        table = table.filter(pl.col("n_outlet") + pl.col("n_versus") >= min_count)
        if table.height < 2:
            continue
        n_all = table["n_all"].to_numpy().astype(np.float64)
        prior = prior_scale * n_all / n_all.sum()
        delta, var, z = log_odds_z(
            table["n_outlet"].to_numpy(), table["n_versus"].to_numpy(), prior
        )
        table = table.with_columns(
            log_odds=pl.Series(delta),
            variance=pl.Series(var),
            z=pl.Series(z),
            outlet=pl.lit(outlet),
            versus=pl.lit(other),
        )
        top = pl.concat(
            [
                table.sort("z", descending=True).head(top_n),
                table.filter(
                    ~pl.col("term").is_in(
                        table.sort("z", descending=True).head(top_n)["term"].implode()
                    )
                )
                .sort("z")
                .head(top_n),
            ]
        ).with_columns(
            rank=pl.col("z")
            .abs()
            .rank("ordinal", descending=True)
            .over(pl.col("z") > 0)
            .cast(pl.Int32)
        )
        results.append(top)
    results = [r.filter(pl.col("z").abs() >= min_z) for r in results if r.height]
    results = [r for r in results if r.height]
    if not results:
        return pl.DataFrame(schema=schemas.DISTINGUISHING_TERMS)
    out = pl.concat(results, how="diagonal_relaxed")
    examples = (
        long.join(out.select("outlet", "term").unique(), on=["outlet", "term"])
        .unique(["outlet", "term", "statement_id"])
        .sort("statement_id")
        .group_by("outlet", "term")
        .agg(pl.col("statement_id").head(max_examples).alias("statement_ids"))
    )
    out = out.join(examples, on=["outlet", "term"], how="left").sort(
        ["outlet", "versus", "z"], descending=[False, False, True]
    )
    terms = set(out["term"].to_list())
    mapping: dict[str, str] = {}
    if clitics:
        vocab = set(statement_tokens_vocab(frame))
        mapping = proclitic_map(vocab, vocab, words=_known_words())
    clitic_keys = set(mapping)
    if folded:  # a variant's written forms show under the term it was folded into
        keys = set(mapping) | set(folded)
        mapping = {k: folded.get(mapping.get(k, k), mapping.get(k, k)) for k in keys}
    shown = _display_forms(frame, terms, mapping, clitic_keys)
    out = out.with_columns(
        term_key=pl.col("term"),
        term=pl.col("term").replace(shown),
    )
    return schemas.conform(out, schemas.DISTINGUISHING_TERMS).select(
        schemas.DISTINGUISHING_TERMS.names()
    )
