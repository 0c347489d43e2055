"""One match token for the words news wires swap (``lexicons/match_synonyms.tsv``).

Two outlets rewriting one wire sentence often say one thing with other words
that mean the same in any news sentence: `مصرع طيار` / `مقتل طيار`, `مروحية`
/ `هليكوبتر`, `إصابة` / `أصيب`. Their match tokens
(:mod:`narratives.align._text`) then differ and the pair scores like two
claims of one story (`مصرع طيار روسي وإصابة آخر في استعراض جوي عسكري` /
`مقتل طيار وإصابة آخر بعد تحطم طائرة هيلكوبتر في عرض جوي روسي`, 46 before).
Each word of a group of that small closed list becomes the group's first
word among the match tokens, so every component (character and word TF-IDF,
containment, token set) sees one word.

The list is kept closed and strict (one meaning in news copy whatever the
sentence; no name, no word of several senses, no opposite, no negation):
it is stricter than ``lexicons/synonyms.tsv``, which only tells the
omission table that an outlet carried a claim in other words.

Measured and left out (``docs/accuracy.md``, 2026-12-07, rec2): a derived
verb as its verbal noun by pattern (`أنشأوا` / `إنشاء`, `ارتفعت` /
`ارتفاع`, `أحالت` / `إحالة`, the noun a known word of the background
table): two statements that share the rare verb form itself then share
only the much more common noun, whose IDF weight is far lower, and more
pairs were lost than gained (second same-event dev gold: 5 true pairs
fewer, none gained on either gold).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from narratives._resources import load_tsv
from narratives.normalize import normalize

DEFAULT_SYNONYMS = "match_synonyms.tsv"


@lru_cache(maxsize=4)
def load_match_synonyms(name_or_path: str | Path = DEFAULT_SYNONYMS) -> dict[str, str]:
    """Word -> the first word of its group, from a TSV with ``group`` and ``word`` columns.

    Words are match-normalized; a group's first word maps to nothing (it is its own
    token).

    Examples
    --------
    >>> syn = load_match_synonyms()
    >>> syn["مصرع"], syn["هليكوبتر"], "مقتل" in syn
    ('مقتل', 'مروحيه', False)
    """
    table = load_tsv(name_or_path)
    if not {"group", "word"} <= set(table.columns):
        raise ValueError(f"{name_or_path}: a synonyms TSV needs 'group' and 'word' columns")
    first: dict[str, str] = {}
    out: dict[str, str] = {}
    for group, word in zip(table["group"], table["word"], strict=True):
        if not group or not word:
            continue
        key = normalize(word, level="match")
        head = first.setdefault(group, key)
        if key != head:
            if out.get(key, head) != head:
                raise ValueError(f"{name_or_path}: {word!r} is in two groups")
            out[key] = head
    return out


class Lemmas(dict[str, str]):
    """A content token's match token: its group's first word, else itself (once a word).

    ``keep``: tokens never replaced (negation and denial words).

    Examples
    --------
    >>> lemma = Lemmas()
    >>> lemma["مصرع"], lemma["طيار"]
    ('مقتل', 'طيار')
    """

    def __init__(
        self, synonyms: dict[str, str] | None = None, keep: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self.synonyms = load_match_synonyms() if synonyms is None else synonyms
        self.keep = keep

    def __missing__(self, token: str) -> str:
        out = token if token in self.keep else self.synonyms.get(token, token)
        self[token] = out
        return out
