"""spaCy tokenization for Arabic news copy, turned into plain token arrays.

``spacy.blank("ar")`` with tokenizer rules fixed for news copy: quote marks
and sentence punctuation split off words even when no space separates them
(``تستند”.`` → ``تستند ” .``, ``لافروف»لدى`` → ``لافروف » لدى``,
``و”جبهة`` → ``و ” جبهة``), while decimals (``2.5``) and dates stay whole.
spaCy ``Doc`` objects never leave this module: :func:`tokenize` returns, per
text, the token offsets and a shared, cached :class:`Feat` per distinct token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from narratives.normalize import normalize
from narratives.statements._lexicon import Cue, Lexicon

QUOTES = "\"“”«»„‟″＂"
OPENING = "“«„‟"
CLOSING = "”»"
_PUNCT = "\"'“”«»„‟″＂‘’()\\[\\]{}.,،؛;:!?؟…\\-–—/*•|"
_PREFIX = re.compile(f"^[{_PUNCT}]")
_SUFFIX = re.compile(f"[{_PUNCT}]$")
# quotes anywhere; sentence punctuation between letters (no space after a full stop)
_INFIX = re.compile(f"[{QUOTES}]|(?<=[^\\W\\d_])[.،,:;؛!؟?](?=[^\\W\\d_])|\\.\\.+")

SENT_END = frozenset({".", "!", "?", "…", ";", "..", "..."})
PROCLITIC_LETTERS = "وفبلك"
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")


@lru_cache(maxsize=1)
def make_tokenizer():  # type: ignore[no-untyped-def]
    """The spaCy tokenizer of ``spacy.blank("ar")`` with the news-copy rules."""
    import spacy
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("ar")
    return Tokenizer(
        nlp.vocab,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
    )


@dataclass(slots=True)
class Feat:
    """What the segmenter needs to know about one distinct token string."""

    text: str
    norm: str
    kind: str  # w word | e sentence end | c comma | q quote | : colon | p other punctuation
    cue: Cue | None  # reporting verb (after an optional و/ف)
    prefixed: bool  # the cue carried a proclitic و/ف (وقال, فأكد)
    variants: tuple[tuple[str, int], ...]  # (form without proclitics, letters stripped)
    roles: frozenset[str]  # clause-marker roles of the token (single-token markers)


def _kind(norm: str) -> str:
    if not norm:
        return "p"
    if norm in SENT_END or set(norm) <= {".", "!", "?", "…"}:
        return "e"
    if norm == ",":
        return "c"
    if norm == '"':
        return "q"
    if norm == ":":
        return ":"
    if not any(ch.isalnum() for ch in norm):
        return "p"
    return "w"


def make_feat(text: str, lex: Lexicon) -> Feat:
    """Features of one token string (normalization, cue, proclitic variants)."""
    norm = normalize(text)
    kind = _kind(norm)
    cue = None
    prefixed = False
    variants: list[tuple[str, int]] = [(norm, 0)]
    roles: set[str] = set()
    if kind == "w":
        cue = lex.cues.get(norm)
        if cue is None and len(norm) > 3 and norm[0] in "وف":
            cue = lex.cues.get(norm[1:])
            prefixed = cue is not None
        for p in PROCLITICS:
            if norm.startswith(p) and len(norm) - len(p) >= 2:
                variants.append((norm[len(p) :], len(p)))
                if norm[len(p) :].startswith("ل") and p.endswith("ل"):
                    variants.append(("ا" + norm[len(p) :], len(p) - 1))
        roles = {role for role, forms in lex.single_markers.items() if norm in forms}
    return Feat(text, norm, kind, cue, prefixed, tuple(variants), frozenset(roles))


def tokenize(
    texts: Iterable[str], lex: Lexicon, cache: dict[int, Feat], *, batch_size: int = 64
) -> Iterator[tuple[list[int], list[int], list[Feat]]]:
    """Tokenize ``texts``; yield ``(starts, ends, feats)`` per text.

    ``cache`` maps spaCy orth ids to :class:`Feat` and should live for one
    call of the stage (it grows with the vocabulary of the texts seen).
    """
    from spacy.attrs import IDX, LENGTH, ORTH

    tokenizer = make_tokenizer()
    strings = tokenizer.vocab.strings
    for doc in tokenizer.pipe(texts, batch_size=batch_size):
        if not len(doc):
            yield [], [], []
            continue
        arr = doc.to_array([IDX, LENGTH, ORTH]).tolist()
        starts = [a[0] for a in arr]
        ends = [a[0] + a[1] for a in arr]
        feats = []
        for a in arr:
            f = cache.get(a[2])
            if f is None:
                f = cache[a[2]] = make_feat(strings[a[2]], lex)
            feats.append(f)
        yield starts, ends, feats
