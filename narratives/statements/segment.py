"""Statement segmentation of Arabic news copy.

An article's kept spans (``headline``, ``subheadline``, ``body``) become
*paragraphs*: every headline line on its own, body lines joined when a line
was wrapped mid-sentence (no closing punctuation and an open quote, or a long
line that simply stops). A paragraph is then cut into statements at

- sentence ends (``.`` ``!`` ``؟`` ``؛`` ``..``), with any closing quote kept
  on the left;
- circumstantial reporting participles (``مشيرا إلى أن``, ``مؤكدا أن``,
  ``داعيا إلى``, ``قائلا`` ... from ``reporting_verbs.tsv``): each opens a new
  statement by the same speaker;
- new reporting verbs with a conjunction (``وقال``, ``وأضاف``, ``كما أكد``);
- clause connectives after a comma (``، كما``, ``، إلا أن``);

never inside a direct quotation. Pieces still longer than ``max_chars`` are
cut at the comma (else the conjunction) nearest their middle, so a
2,000-character paragraph never comes out as one statement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from narratives.statements._lexicon import Lexicon
from narratives.statements._nlp import CLOSING, OPENING, Feat

KEPT_ROLES = ("headline", "subheadline", "body")
HEADLINE_ROLES = ("headline", "subheadline")
_TERMINAL = tuple('.!?؟…:;؛»”")')
_SINGLE_PROCLITIC = frozenset({"و", "ف", "ب", "ل", "ك", "كـ"})
JOIN_MIN_CHARS = 100  # a body line this long that stops without punctuation was wrapped
MIN_WORDS = 3  # shorter pieces are merged into their neighbour
SPEECH_QUOTE_WORDS = 3  # quotes of fewer words are labels ("داعش"), not speech


@dataclass(slots=True)
class Paragraph:
    """A stretch of ``raw_text`` segmented on its own."""

    start: int
    end: int
    headline: bool


@dataclass(slots=True)
class Segment:
    """Tokens ``[i, j)`` of a paragraph; ``how`` says why it starts there."""

    i: int
    j: int
    how: str  # start | sentence | participle | finite | connective | length


def paragraphs(raw_text: str, spans: Sequence[dict] | None) -> list[Paragraph]:
    """Headline lines and body paragraphs (wrapped lines joined), in text order.

    Examples
    --------
    >>> text = "عنوان\\nقال لافروف “إن\\nالوضع صعب”.\\nوأضاف أن."
    >>> spans = [{"role": "headline", "start": 0, "end": 5},
    ...          {"role": "body", "start": 6, "end": len(text)}]
    >>> [(p.headline, text[p.start:p.end]) for p in paragraphs(text, spans)]
    [(True, 'عنوان'), (False, 'قال لافروف “إن\\nالوضع صعب”.'), (False, 'وأضاف أن.')]
    """
    lines: list[tuple[int, int, bool]] = []
    covered = 0  # overlapping spans (malformed input) are clipped, never read twice
    for span in sorted(spans or (), key=lambda s: (s["start"], s["end"])):
        if span.get("role") not in KEPT_ROLES:
            continue
        s, e = max(covered, int(span["start"])), min(len(raw_text), int(span["end"]))
        covered = max(covered, e)
        pos = s
        for piece in raw_text[s:e].split("\n"):
            a, b = pos, pos + len(piece)
            pos = b + 1
            while a < b and raw_text[a].isspace():
                a += 1
            while b > a and raw_text[b - 1].isspace():
                b -= 1
            if b > a:
                lines.append((a, b, span["role"] in HEADLINE_ROLES))
    out: list[Paragraph] = []
    for a, b, head in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not head
            and not prev.headline
            and raw_text[prev.end : a].count("\n") == 1
            and not raw_text[prev.end : a].strip()
            and _wrapped(raw_text[prev.start : prev.end])
        ):
            prev.end = b
        else:
            out.append(Paragraph(a, b, head))
    return out


def _wrapped(line: str) -> bool:
    """A body line that continues on the next line."""
    if line.endswith(_TERMINAL):
        return False
    opens = sum(line.count(q) for q in OPENING)
    closes = sum(line.count(q) for q in CLOSING)
    return opens > closes or len(line) >= JOIN_MIN_CHARS


def quote_spans(starts: list[int], ends: list[int], feats: list[Feat]) -> list[tuple[int, int]]:
    """Outermost matched quote pairs ``(open, close)`` as token indices.

    A quote mark opens when it is glued to the word after it (or follows a lone
    proclitic: ``و”جبهة``), closes when glued to the word before it, and
    otherwise toggles; marks left unmatched at the end are ignored.
    """
    n = len(feats)
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i in [k for k, f in enumerate(feats) if f.kind == "q"]:
        glued_left = i > 0 and ends[i - 1] == starts[i] and feats[i - 1].kind == "w"
        glued_right = i + 1 < n and starts[i + 1] == ends[i] and feats[i + 1].kind == "w"
        after_clitic = glued_left and feats[i - 1].text in _SINGLE_PROCLITIC
        if glued_right and (not glued_left or after_clitic):
            opening = True
        elif glued_left:
            opening = False
        else:
            opening = not stack
        if opening:
            stack.append(i)
        elif stack:
            o = stack.pop()
            if not stack:
                pairs.append((o, i))
    return pairs


def speech_mask(feats: list[Feat], pairs: list[tuple[int, int]]) -> list[bool]:
    """Per token: inside a quotation of speech (at least a few words)."""
    mask = [False] * len(feats)
    if not pairs:
        return mask
    for o, c in pairs:
        if sum(1 for f in feats[o + 1 : c] if f.kind == "w") >= SPEECH_QUOTE_WORDS:
            for k in range(o, c + 1):
                mask[k] = True
    return mask


def split_paragraph(
    starts: list[int],
    ends: list[int],
    feats: list[Feat],
    lex: Lexicon,
    *,
    headline: bool,
    in_speech: list[bool],
    starts_phrase: Callable[[int], bool],
    max_chars: int,
) -> list[Segment]:
    """Cut one paragraph's tokens into statement segments (see module docstring)."""
    n = len(feats)
    if n == 0:
        return []
    bounds: dict[int, str] = {0: "start"}
    connectives = lex.markers["connective"]
    bare = lex.markers["connective_bare"]
    last = 0
    for i, f in enumerate(feats):
        if f.plain:
            continue
        if f.kind == "e":
            prev = feats[i - 1] if i else None
            if (
                f.norm == "."
                and prev is not None
                and prev.kind == "w"
                and len(prev.norm) == 1
                and ends[i - 1] == starts[i]
            ):
                continue  # abbreviation: د. م.
            j = i + 1
            while j < n and (
                feats[j].kind == "e" or (feats[j].kind == "q" and feats[j].text not in OPENING)
            ):
                if feats[j].kind == "q" and starts[j] != ends[j - 1]:
                    break
                j += 1
            if j < n:
                bounds[j] = "sentence"
                last = j
            continue
        if headline:
            continue
        if f.kind == "c" and i + 1 < n:
            two = (feats[i + 1].norm, feats[i + 2].norm) if i + 2 < n else ()
            if (feats[i + 1].norm,) in connectives or two in connectives:
                bounds.setdefault(i + 1, "connective")
                last = i + 1
            continue
        if f.kind == "w" and i - last >= MIN_WORDS:
            two = (f.norm, feats[i + 1].norm) if i + 1 < n else ()
            clause = f.norm.startswith("و") and len(f.norm) > 3 and two[1:] == ("ان",)
            if (f.norm,) in bare or two in bare or (clause and f.cue is None):
                bounds.setdefault(i, "connective")
                last = i
                continue
        if in_speech[i]:
            continue
        cue = f.cue
        if cue is None or f.kind != "w" or i - last < 2:
            continue
        if cue.kind == "participle":
            if f.prefixed:
                continue
            if cue.ambiguous and not _participle_used(i, feats):
                continue
            bounds.setdefault(i, "participle")
            last = i
        else:
            at = i if f.prefixed else None
            if at is None and feats[i - 1].norm in ("كما", "ثم", "فيما"):
                at = i - 1
            if at is None:
                continue
            if cue.ambiguous and not _has_complement(i, feats, lex, starts_phrase):
                continue
            bounds.setdefault(at, "finite")
            last = at
    cuts = sorted(bounds)
    segs = [Segment(a, b, bounds[a]) for a, b in zip(cuts, [*cuts[1:], n], strict=True)]
    words = [0, *accumulate(f.kind == "w" for f in feats)]  # words[j] - words[i]: in [i, j)
    segs = _merge_small(segs, words)
    out: list[Segment] = []
    for seg in segs:
        out.extend(_split_long(seg, starts, ends, feats, max_chars))
    return [s for s in (_trim(s, feats) for s in out) if s is not None]


def _participle_used(i: int, feats: list[Feat]) -> bool:
    """An ambiguous participle (مجددا "again") used as a reporting cue."""
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    return nxt is not None and nxt.kind in ("w", ":", "q") and "particle" not in nxt.roles


def _has_complement(
    i: int, feats: list[Feat], lex: Lexicon, starts_phrase: Callable[[int], bool]
) -> bool:
    """An ambiguous verb (وبين "and between") followed by a speaker or ``أن``/quote."""
    if i + 1 < len(feats) and starts_phrase(i + 1):
        return True
    for f in feats[i + 1 : i + 9]:
        if f.kind == "e":
            return False
        if f.kind in ("q", ":") or "complementizer" in f.roles:
            return True
    return False


def _merge_small(segs: list[Segment], words: list[int]) -> list[Segment]:
    """Merge pieces of fewer than MIN_WORDS words into a neighbour."""

    def count(seg: Segment) -> int:
        return words[seg.j] - words[seg.i]

    out: list[Segment] = []
    for seg in segs:
        small = count(seg) < MIN_WORDS
        if out and (small or (count(out[-1]) < MIN_WORDS and out[-1].how != "start")):
            out[-1].j = seg.j
        else:
            out.append(seg)
    if len(out) > 1 and count(out[0]) < MIN_WORDS:
        out[1].i, out[1].how = out[0].i, out[0].how
        out.pop(0)
    return out


def _split_long(
    seg: Segment, starts: list[int], ends: list[int], feats: list[Feat], max_chars: int
) -> list[Segment]:
    """Cut a segment longer than ``max_chars`` at the comma nearest its middle."""
    if ends[seg.j - 1] - starts[seg.i] <= max_chars or seg.j - seg.i < 2 * MIN_WORDS:
        return [seg]
    lo, hi = starts[seg.i], ends[seg.j - 1]
    mid = (lo + hi) / 2
    margin = min(60, max_chars // 4)
    best: int | None = None
    for tier in ("comma", "wa", "any"):
        cands = []
        for k in range(seg.i + MIN_WORDS, seg.j - MIN_WORDS + 1):
            if not (lo + margin <= starts[k] <= hi - margin):
                continue
            word = feats[k].kind == "w"
            if (
                (tier == "comma" and feats[k - 1].kind in ("c", "e"))
                or (tier == "wa" and word and feats[k].norm.startswith("و"))
                or (tier == "any" and word)
            ):
                cands.append(k)
        if cands:
            best = min(cands, key=lambda k: abs(starts[k] - mid))
            break
    if best is None:
        return [seg]
    left, right = Segment(seg.i, best, seg.how), Segment(best, seg.j, "length")
    return [
        *_split_long(left, starts, ends, feats, max_chars),
        *_split_long(right, starts, ends, feats, max_chars),
    ]


def _trim(seg: Segment, feats: list[Feat]) -> Segment | None:
    """Drop leading commas/closing quotes and trailing opening quotes."""
    i, j = seg.i, seg.j
    while i < j and (feats[i].kind in ("c", ":") or feats[i].text in CLOSING):
        i += 1
    while j > i and feats[j - 1].text in OPENING:
        j -= 1
    if i >= j:
        return None
    return Segment(i, j, seg.how)
