"""Conflicts between two renderings of one sentence that fuzzy scores cannot see.

Helpers of :func:`narratives.align.score.substitution_conflict`: roles that
change places (an *exchange*, ``X … p … Y`` / ``Y … p … X``), a preposition
that moves from one name to the other (دعم طهران لنظام الأسد / دعم نظام
الأسد لطهران), a name changed after a head noun that opens a name slot
(وزارة العدل / وزارة الداخلية, ``lexicons/slot_heads.tsv``) and months that
differ (سبتمبر / ديسمبر, ``lexicons/months.yaml``).

All work on the content tokens of :func:`narratives.align._text.match_tokens`
(match-normalized, the article dropped, some proclitics kept).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from narratives._resources import load_tsv, load_yaml
from narratives.normalize import normalize

#: proclitics taken off before comparing a word's place or its slot head
_PROCLITICS = "وفبل"


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """``word`` without one proclitic (و ف ب ل) and the article, if 3+ letters remain.

    Examples
    --------
    >>> bare("لطهران"), bare("والنصر"), bare("بديوان"), bare("ليبيا")
    ('طهران', 'نصر', 'ديوان', 'ليبيا')
    """
    if len(word) >= 4 and word[0] in _PROCLITICS and not word.startswith("لي"):
        word = word[1:]
    if word.startswith("ال") and len(word) >= 5:
        word = word[2:]
    return word


@lru_cache(maxsize=4)
def load_slot_heads(name_or_path: str | Path = "slot_heads.tsv") -> frozenset[str]:
    """Head nouns that open a name slot (``lexicons/slot_heads.tsv``, column ``head``)."""
    table = load_tsv(name_or_path)
    if "head" not in table.columns:
        raise ValueError(f"{name_or_path}: a slot-heads TSV needs a 'head' column")
    words = [normalize(h) for h in table["head"].to_list() if h]
    return frozenset(words) | frozenset(bare(w) for w in words)


def _is_head(word: str, heads: frozenset[str]) -> bool:
    return word in heads or bare(word) in heads


@lru_cache(maxsize=2)
def load_months(name_or_path: str | Path = "months.yaml") -> dict[str, frozenset[int]]:
    """Month word (match-normalized, first word of two-word names) -> month numbers.

    ``تشرين`` and ``كانون`` stand for two months each (الأول / الثاني).
    """
    data = load_yaml(name_or_path)
    months = data.get("months") if isinstance(data, dict) else None
    if not isinstance(months, dict):
        raise ValueError(f"{name_or_path}: a months YAML needs a 'months' mapping")
    out: dict[str, set[int]] = {}
    for name, number in months.items():
        first = bare(normalize(str(name)).split()[0])
        out.setdefault(first, set()).add(int(number))
    return {k: frozenset(v) for k, v in out.items()}


def exchanged(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> bool:
    """Do two words change places around a word that stays between them?

    ``X … p … Y`` on one side and ``Y … p … X`` on the other, with ``X`` and
    ``Y`` written once on each side: two slots swapped their fillers (من درجة
    ملازم إلى درجة قاضي / من درجة قاضي إلى درجة ملازم; كان تدخل التحالف بناء
    على طلب الرئيس / كان طلب الرئيس بناء على تدخل التحالف). A block that
    only moves (قال الوزير / الوزير قال, an adverb moved to the end) keeps its
    own order and that of the words it crosses, so it never has such a pivot.

    Examples
    --------
    >>> exchanged("كريج حكم ساحه كيفن حكم رابع".split(), "كيفن حكم ساحه كريج حكم رابع".split())
    True
    >>> exchanged("اعلن وزير امس زياره".split(), "اعلن وزير زياره امس".split())
    False
    """
    a = [bare(w) for w in tokens_a]
    b = [bare(w) for w in tokens_b]
    if len(a) > 80 or len(b) > 80:
        return False
    once_a = {w: k for k, w in enumerate(a) if a.count(w) == 1}
    once_b = {w: k for k, w in enumerate(b) if b.count(w) == 1}
    shared = [w for w in once_a if w in once_b and not w.isdigit()]
    order = [once_b[w] for w in shared]  # shared is in a's order
    if len(shared) < 2 or order == sorted(order):
        return False  # no two words change their order
    where_a: dict[str, list[int]] = {}
    where_b: dict[str, list[int]] = {}
    for k, w in enumerate(a):
        where_a.setdefault(w, []).append(k)
    for k, w in enumerate(b):
        where_b.setdefault(w, []).append(k)
    pivots = set(where_a) & set(where_b)
    for x in shared:
        for y in shared:
            xa, ya, xb, yb = once_a[x], once_a[y], once_b[x], once_b[y]
            if not (xa < ya and yb < xb):
                continue
            for p in pivots - {x, y}:
                if any(xa < k < ya for k in where_a[p]) and any(yb < k < xb for k in where_b[p]):
                    return True
    return False


def preposition_moved(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> bool:
    """Does the preposition ل or ب move from one shared word to another?

    دعم طهران لنظام الأسد / دعم نظام الأسد لطهران: the beneficiary changed.

    Examples
    --------
    >>> preposition_moved("دعم طهران لنظام اسد".split(), "دعم نظام اسد لطهران".split())
    True
    >>> preposition_moved("دعم لنظام اسد".split(), "دعم نظام اسد".split())
    False
    """

    def marked(tokens: Sequence[str]) -> tuple[set[str], set[str]]:
        with_p, without = set(), set()
        for w in tokens:
            if len(w) >= 5 and w[0] in "لب" and not w.startswith("لي"):
                with_p.add(bare(w))
            else:
                without.add(bare(w))
        return with_p, without

    pa, na = marked(tokens_a)
    pb, nb = marked(tokens_b)
    lost = (pa - pb) & nb  # marked on a, bare on b
    gained = (pb - pa) & na  # marked on b, bare on a
    return bool(lost and gained and lost != gained)


def slot_changed(
    tokens_a: Sequence[str],
    span_a: tuple[int, int],
    tokens_b: Sequence[str],
    span_b: tuple[int, int],
    heads: frozenset[str],
) -> bool:
    """Is a replaced span a different name in a slot a head noun opens?

    The word before the span (the same on both sides) is a head (وزارة
    العدل / وزارة الداخلية), or the spans open with heads themselves (ديوان
    المظالم / هيئة التحقيق), or a one-word name follows a head and one
    more word (فريقي الهلال والنصر / الهلال والأهلي). Spelling variants
    (ميدغلف / ميدجلف) are not a change.

    Examples
    --------
    >>> heads = frozenset({"وزاره"})
    >>> slot_changed("وزاره عدل".split(), (1, 2), "وزاره داخليه".split(), (1, 2), heads)
    True
    >>> slot_changed("وزاره عدل".split(), (1, 2), "وزاره العدل".split(), (1, 2), heads)
    False
    """
    (i1, i2), (j1, j2) = span_a, span_b
    wa, wb = list(tokens_a[i1:i2]), list(tokens_b[j1:j2])
    if not wa or not wb or any(w.isdigit() for w in wa + wb):
        return False
    if fuzz.ratio(" ".join(bare(w) for w in wa), " ".join(bare(w) for w in wb)) >= 70:
        return False
    if _is_head(wa[0], heads) and _is_head(wb[0], heads) and (len(wa) > 1 or len(wb) > 1):
        return True
    if i1 == 0 or j1 == 0:
        return False
    if _is_head(tokens_a[i1 - 1], heads):
        return True
    # a second name after a head (فريقي الهلال والنصر / فريقي الهلال والأهلي)
    return len(wa) == len(wb) == 1 and i1 >= 2 and _is_head(tokens_a[i1 - 2], heads)


def months_differ(
    words_a: Sequence[str], words_b: Sequence[str], months: Mapping[str, frozenset[int]]
) -> bool:
    """Do two replaced spans name months, and none in common?

    Examples
    --------
    >>> m = {"سبتمبر": frozenset({9}), "ديسمبر": frozenset({12})}
    >>> months_differ(["سبتمبر"], ["ديسمبر"], m), months_differ(["سبتمبر"], ["ايلول"], m)
    (True, False)
    """
    ma = frozenset().union(*(months.get(bare(w), frozenset()) for w in words_a))
    mb = frozenset().union(*(months.get(bare(w), frozenset()) for w in words_b))
    return bool(ma and mb and ma.isdisjoint(mb))
