"""Is there a predicate here? Cheap cues for Arabic clauses, without a tagger.

The segmenter must not leave a piece of text that holds no predicate (a list
item ``، وعدن``, a title ``، أمير منطقة الرياض``, an adverbial ``وذلك بمقر
الجمعية``). No trained Arabic model can be used, so a token counts as a
predicate cue when

- it is a finite reporting verb (``reporting_verbs.tsv``) or a verb or particle
  listed in ``predicates.tsv`` (``قد``, ``لم``, ``تم``, ``شهد``, ``أعلن`` ...), the
  listed perfect verbs also with the endings ``ت تا وا نا تم`` (and the dual
  ``ا`` of those that begin with alif: ``اتفقا``, ``أكدا``; not ``قدما``/``شكرا``,
  which are adverbs);
- or it has the shape of an imperfect verb (``يقول``, ``تشهد``, ``سيتم``,
  ``ليوضح``), a derived perfect (``استقبل``, ``ارتفع``, ``انطلق``), a plural
  or feminine perfect (``شاركوا``, ``حذرت``), after an optional ``و``/``ف``; verbal nouns of the
  same letters (``تطوير``, ``تنمية``, ``تاريخ``) and the nouns listed as
  ``not_verb`` are excluded.

These are rules of thumb: they make a cut *possible* or a piece *whole*; they
never decide a statement's content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from narratives._resources import load_tsv
from narratives.normalize import _table

_MATCH = _table("match")
PREDICATE_ROLES = (
    "title",
    "verb",
    "particle",
    "not_verb",
    "preposition",
    "concessive",
    "pronoun",
    "subordinator",
    "purpose",
    "adjunct",
    "contrast",
    "consequence",
)
_ENDINGS = ("", "ت", "تا", "وا", "نا", "تم")
_NOUN_ENDINGS = ("ه", "ات", "يه", "اتهم", "اتها", "اتنا", "اتكم", "اتهما")
_STEMS = ("", "و", "ف", "ل", "ول", "فل", "وب", "ب")


@dataclass(frozen=True)
class Predicates:
    """Word sets of ``predicates.tsv`` (match-normalized)."""

    verbs: frozenset[str]
    particles: frozenset[str]
    not_verb: frozenset[str]
    preposition: frozenset[str]
    concessive: frozenset[str]
    pronoun: frozenset[str]
    subordinator: frozenset[tuple[str, ...]]
    multi_particles: frozenset[tuple[str, ...]]
    title: frozenset[str] = frozenset()
    subordinator_heads: frozenset[str] = frozenset()  # first words of multi-word ones
    concessive_pairs: frozenset[tuple[str, str]] = frozenset()  # مع أن, ومع أن
    purpose: frozenset[str] = frozenset()  # وذلك بهدف / بسبب: a claim of its own
    adjunct: frozenset[tuple[str, ...]] = frozenset()  # بعد أن, قبل أن: no claim of its own
    contrast: frozenset[str] = frozenset()  # لكن, بينما: may open a nominal clause
    consequence: frozenset[str] = frozenset()  # ، ولذلك / لذا: a second claim


def _norm(text: str) -> str:
    return text.strip().translate(_MATCH)


@lru_cache(maxsize=4)
def load_predicates(source: str = "predicates.tsv") -> Predicates:
    """Read a predicates lexicon (the shipped one by default)."""
    sets: dict[str, set[tuple[str, ...]]] = {r: set() for r in PREDICATE_ROLES}
    for row in load_tsv(source).iter_rows(named=True):
        role = row["role"]
        if role not in sets:
            raise ValueError(f"predicates: form {row['form']!r} has unknown role {role!r}")
        sets[role].add(tuple(_norm(w) for w in row["form"].split()))
    single = {r: frozenset(k[0] for k in v if len(k) == 1) for r, v in sets.items()}
    verbs = frozenset(v + e for v in single["verb"] for e in _ENDINGS) | frozenset(
        v + "ا"
        for v in single["verb"]
        if v[:1] == "ا"  # the dual اتفقا، أكدا
    )
    return Predicates(
        verbs=verbs,
        particles=single["particle"],
        not_verb=single["not_verb"],
        preposition=single["preposition"],
        concessive=single["concessive"],
        pronoun=single["pronoun"],
        subordinator=frozenset(sets["subordinator"]),
        multi_particles=frozenset(k for k in sets["particle"] if len(k) > 1),
        title=single["title"],
        subordinator_heads=frozenset(k[0] for k in sets["subordinator"] if len(k) > 1),
        concessive_pairs=frozenset((k[0], k[1]) for k in sets["concessive"] if len(k) == 2),
        purpose=single["purpose"],
        adjunct=frozenset(sets["adjunct"]),
        contrast=single["contrast"],
        consequence=single["consequence"],
    )


def verbish(norm: str) -> bool:
    """A match-normalized word that is (very likely) a verb or a verbal particle.

    Examples
    --------
    >>> [w for w in ["ويقول", "تطوير", "سيتم", "استقبل", "والاعراف", "يونيو", "شاركوا"]
    ...  if verbish(w)]
    ['ويقول', 'سيتم', 'استقبل', 'شاركوا']
    """
    return _shipped_verbish(norm)


@lru_cache(maxsize=1 << 18)
def _shipped_verbish(norm: str) -> bool:
    return _verbish(norm, load_predicates())


fast_verbish = _shipped_verbish  # the same, without the documented wrapper (hot loops)


def _verbish(norm: str, pred: Predicates) -> bool:
    if norm in pred.not_verb or norm.startswith("ال"):
        return False
    for p in _STEMS:
        if p and not (norm.startswith(p) and len(norm) - len(p) >= 2):
            continue
        stem = norm[len(p) :]
        if stem in pred.not_verb or stem.startswith("ال"):
            continue
        if stem in pred.verbs or stem in pred.particles:
            return True
        if p in ("ب", "وب"):
            continue  # بـ + noun; only listed words after it
        if _imperfect(stem) or _derived_perfect(stem):
            return True
        if (
            stem[:1] == "س"
            and stem[1:3] != "يا"  # سياسة، سيارة
            and len(stem) >= 5
            and _imperfect(stem[1:], future=True)
        ):
            return True
        if len(stem) >= 5 and stem.endswith("وا") and not stem.endswith("اوا"):
            return True
        if p in ("", "و", "ف") and _feminine_perfect(stem):
            return True
    return False


def _imperfect(stem: str, *, future: bool = False) -> bool:
    """``يفعل``/``تفعل`` (and ``نفعل`` after the future ``س``), not a verbal noun."""
    first = stem[:1]
    if first not in ("ي", "ت", "ن"):
        return False
    if len(stem) < (3 if first == "ي" else 4):
        return False
    if first == "ن" and not future and ("ا" in stem[1:3] or stem.endswith(("ي", "ين", "ون"))):
        return False  # نظام، نتائج، نائب: nouns; نشهد، نعمل، نريد: "we ..."
    if stem.endswith(_NOUN_ENDINGS) or (stem.endswith("ا") and not stem.endswith("وا")):
        return False  # تنمية، تحديات، تدخلاتهم، تقريبا: nouns
    # تاريخ، تطوير، تكرار، تفاصيل: verbal nouns and plurals
    return not (
        first == "ت"
        and (
            stem[1] == "ا"
            or (len(stem) == 5 and stem[3] in "يا")
            or (len(stem) >= 6 and stem[-2] == "ي" and not stem.startswith("تست"))
        )
    )


def _feminine_perfect(stem: str) -> bool:
    """``قدمت``, ``حذرت``, ``اكتملت``: a perfect verb with the ending ``ت``.

    Nouns ending in ``ت`` are rarer: plurals in ``ات``, ``بيروت``/``بيوت``,
    ``تصويت``/``توقيت`` and names such as ``اوبريت`` are excluded by shape.
    """
    return (
        4 <= len(stem) <= 7
        and stem.endswith("ت")
        and not stem.endswith(("ات", "وت"))
        and not (stem.endswith("يت") and len(stem) >= 5)
        and stem[0] not in "تب"
    )


def _derived_perfect(stem: str) -> bool:
    """``استفعل``, ``افتعل``, ``انفعل``: perfects whose verbal nouns are longer."""
    if stem.endswith("ه"):
        return False
    if stem.startswith("است") and len(stem) in (5, 6) and stem[3] != "ا":
        return True
    if len(stem) == 5 and stem[0] == "ا" and stem[3] != "ا":
        return stem[2] == "ت" or stem[1] == "ن"
    return False
