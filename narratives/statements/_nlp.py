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
from typing import TYPE_CHECKING

from narratives.normalize import _table, normalize
from narratives.statements._lexicon import Cue, Lexicon, is_homograph
from narratives.statements._predicates import load_predicates

if TYPE_CHECKING:  # spaCy is imported when the first tokenizer is made, not on import
    from spacy.tokenizer import Tokenizer

QUOTES = '"“”«»„‟″＂'
OPENING = "“«„‟"
CLOSING = "”»"
_PUNCT = "\"'“”«»„‟″＂‘’()\\[\\]{}.,،؛;:!?؟…\\-–—/*•|"
_PREFIX = re.compile(f"^[{_PUNCT}]")
_SUFFIX = re.compile(f"[{_PUNCT}]$")
# quotes anywhere; sentence punctuation between letters (no space after a full stop),
# also a full stop between a figure and an Arabic word (عام 2014.وحققت: no decimal point)
_INFIX = re.compile(
    f"[{QUOTES}]|(?<=[^\\W\\d_])[.،,:;؛!؟?](?=[^\\W\\d_])|(?<=\\d)\\.(?=[\u0621-\u064a])|\\.\\.+"
)

_SPACE = re.compile(r"\s")  # the characters of str.isspace
SENT_END = frozenset({".", "!", "?", "…", "..", "..."})  # ؛ works as a comma in news copy
PROCLITIC_LETTERS = "وفبلك"
_MATCH = _table("match")
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
#: space-separated chunks whose tokens the tokenizer keeps (spaCy 3.8 keeps 10,000)
TOKENIZER_CACHE = 2_000_000


@lru_cache(maxsize=1)
def make_tokenizer() -> Tokenizer:
    """The spaCy tokenizer of ``spacy.blank("ar")`` with the news-copy rules."""
    import spacy
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("ar")
    # Only ORTH/IDX/LENGTH are read: skip computing shape, like_num ... for every new
    # word, which otherwise costs more than the tokenization itself on a large corpus.
    nlp.vocab.lex_attr_getters = {}  # type: ignore[attr-defined]
    tokenizer = Tokenizer(
        nlp.vocab,
        rules=nlp.tokenizer.rules,  # type: ignore[union-attr]
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
    )
    # spaCy 3.8 caches the tokens of 10,000 space-separated chunks, then cuts every
    # new chunk with the Python regexes above again: a corpus's chunks all kept cost
    # about 110 MB for all of SaudiNewsNet and halve the tokenizer's time (same tokens)
    if hasattr(tokenizer, "max_cache_size"):
        tokenizer.max_cache_size = TOKENIZER_CACHE
    return tokenizer


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
    heads: tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]  # (stripped, phrases it starts)
    plain: bool  # a word with no role for the segmenter (the common case, skipped fast)


def _kind(norm: str) -> str:
    if not norm:
        return "p"
    if norm.isalnum():  # a word (most tokens): none of the marks below
        return "w"
    if norm in SENT_END or set(norm) <= {".", "!", "?", "…"}:
        return "e"
    if norm in (",", ";"):
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
    norm = text.translate(_MATCH) if _SPACE.search(text) is None else normalize(text)
    kind = _kind(norm)
    cue = None
    prefixed = False
    variants: list[tuple[str, int]] = [(norm, 0)]
    roles: frozenset[str] = frozenset()
    if kind == "w":
        cue = lex.cues.get(norm)
        if cue is None and len(norm) > 3 and norm[0] in "وف":
            cue = lex.cues.get(norm[1:])
            prefixed = cue is not None
        if cue is not None and is_homograph(text, lex):
            cue, prefixed = None, False  # يدعى "is named", نُقل "was moved"
        for p in PROCLITICS if norm[0] in PROCLITIC_LETTERS else ():  # (their first letters)
            if norm.startswith(p) and len(norm) - len(p) >= 2:
                variants.append((norm[len(p) :], len(p)))
                if norm[len(p) :].startswith("ل") and p.endswith("ل"):
                    variants.append(("ا" + norm[len(p) :], len(p) - 1))
        roles = _roles_of(lex).get(norm, roles)
    heads = tuple(
        (strip, tuple(lex.first_token[form])) for form, strip in variants if form in lex.first_token
    )
    plain = (
        kind == "w"
        and cue is None
        and not roles
        and not (norm.startswith("و") and len(norm) > 2)
        and norm not in load_predicates().consequence
        and (norm,) not in lex.markers["connective_bare"]
        and norm not in lex.bare_heads
    )
    return Feat(text, norm, kind, cue, prefixed, tuple(variants), roles, heads, plain)


def _roles_of(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Each single-token clause marker's roles (``lex.single_markers`` turned around, kept
    with the lexicon: every new token looked up once, not once per role)."""
    roles: dict[str, frozenset[str]] | None = lex.memo.get("roles_of")
    if roles is None:
        found: dict[str, set[str]] = {}
        for role, forms in lex.single_markers.items():
            for form in forms:
                found.setdefault(form, set()).add(role)
        roles = lex.memo["roles_of"] = {form: frozenset(r) for form, r in found.items()}
    return roles


class FeatCache(dict[int, Feat]):
    """spaCy orth id -> :class:`Feat`, computed on first sight.

    Lives for one call of the stage: it grows with the vocabulary seen.
    """

    def __init__(self, lex: Lexicon) -> None:
        super().__init__()
        self.lex = lex
        self.strings = make_tokenizer().vocab.strings

    def __missing__(self, orth: int) -> Feat:
        feat = self[orth] = make_feat(self.strings[orth], self.lex)
        return feat


def tokenize(
    texts: Iterable[tuple[str, int]], cache: FeatCache, *, batch_size: int = 64
) -> Iterator[tuple[list[int], list[int], list[Feat]]]:
    """Tokenize ``(text, offset)`` pairs; yield ``(starts, ends, feats)`` per text.

    ``starts``/``ends`` are character offsets plus ``offset`` (so they point
    into the article's ``raw_text`` when the text is a slice of it).
    """
    from spacy.attrs import IDX, LENGTH, ORTH

    pairs = iter(texts)
    offsets: list[int] = []

    def strings() -> Iterator[str]:
        for text, offset in pairs:
            offsets.append(offset)
            yield text

    getter = cache.__getitem__
    for n, doc in enumerate(make_tokenizer().pipe(strings(), batch_size=batch_size)):
        if not len(doc):
            yield [], [], []
            continue
        arr = doc.to_array([IDX, LENGTH, ORTH])
        starts = arr[:, 0] + offsets[n]
        yield starts.tolist(), (starts + arr[:, 1]).tolist(), list(map(getter, arr[:, 2].tolist()))
