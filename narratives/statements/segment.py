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
- clause connectives after a comma (``، كما``, ``، إلا أن``, ``، ولذلك``, ``، حيث``
  + a verb and its own subject: ``، حيث بدأت الجهات الأمنية ...``; not ``حيث إن``, a
  reason, nor ``حيث قال:`` after its frame, nor ``حيث`` + a verb with no subject of its
  own, ``حيث يتراوح بين 30 إلى 40``);
- ``و`` opening a second clause outside reported content: a verbal particle
  and its verb (``، وقد كان``, ``ولم يصله``) or a new subject and its verb
  (``، والقوات تتقدم``), or a verb followed by its own subject (``، ووصفه
  البعض ...``, ``، ومنحت إدارة الفريق ...``: :func:`_opens_verb_clause`);
  ``و`` + a verb alone goes on with the same subject; a new subject may also be
  a noun and its definite genitive (``، ووزارة الحج تعتزم``), and ``، وكان``
  / ``، وقد`` open a clause even after an ``إنّ`` clause with no verb yet;
- ``، و`` + a fronted phrase (a preposition or ``بـ`` + a noun) + a verb within a few
  words (``، وفي المساء أعلنت الشرطة``, ``، وبإجراء الفحص على الأمتعة عثر``), outside
  reported content and not in a list of names (``، وفي خط الدفاع فيليب لام ...``);
- ``كما أن`` ("moreover"), even with no comma, unless it opens a quotation;

never inside a direct quotation. A statement holds one claim with its
predicate, so some of these cuts are undone or refused:

- a piece opened by a connective whose first clause has no predicate (no verb,
  verbal particle, reporting verb or complementizer before a comma, relative
  or subordinator: see :mod:`narratives.statements._predicates`) goes back to
  its clause (``، وذلك بمقر الجمعية``, ``، ثم قصيدة``, ``وذلك بعد أن ...``), and
  so does the source of a claim (``، وذلك حسبما أفاد ...``, ``وذلك وفقا لـ``);
- ``تم تقديم الخدمة ونقل الحالات``: a verbal noun after ``تم`` is no verb;
- ``كما قال الوزير`` with nothing reported after it is an "as X said" aside of
  the previous claim; a reporting frame with no content (``وأوضح فلان،``) joins
  the ``قائلا: ...`` that carries it;
- ``وأنْ`` + verb (``من كل مكروه وأن يرد كيد الكائدين``) and ``وإن كان`` ("even
  if") continue their sentence, as does ``إلا أن`` closing a ``رغم`` clause;
  ``أما فلان فيقول`` is one clause; a participle after a preposition
  (``على مذكرة``) is a noun; ``ويُدعى`` ("is named") is not ``يدعي``;
- a headline piece of a few words with no predicate (``تركيا و«داعش»..``) joins
  its neighbour; a headline with two clauses splits before ``و`` + verb or
  ``و`` + subject + verb;
- a body line with no predicate and no closing punctuation (a crosshead, a
  byline, a line of tags) gives no statement (:func:`label_line`), nor do a
  run of short lines (verse: :func:`short_line_runs`) and a short question
  in the narrator's voice (:func:`question`).

Pieces still longer than ``max_chars`` are cut where a clause opens (a comma
or ``و`` before a verb, connective or subordinator), or at a comma with a
predicate on both sides (not before ``، و`` + a noun: the next item of a
list); a long list or name chain with no such boundary stays whole. Only
pieces longer than ``HARD_LIMIT`` times ``max_chars`` are also cut inside a
phrase, so a 2,000-character paragraph never comes out as one statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from narratives._resources import load_tsv
from narratives.normalize import normalize
from narratives.statements._lexicon import Lexicon
from narratives.statements._nlp import CLOSING, OPENING, Feat
from narratives.statements._predicates import Predicates, load_predicates
from narratives.statements._predicates import fast_verbish as verbish

KEPT_ROLES = ("headline", "subheadline", "body")
HEADLINE_ROLES = ("headline", "subheadline")
_TERMINAL = tuple('.!?؟…:;؛»”")')
_SINGLE_PROCLITIC = frozenset({"و", "ف", "ب", "ل", "ك", "كـ"})
JOIN_MIN_CHARS = 60  # a body line this long that stops without punctuation was wrapped
MIN_WORDS = 3  # shorter pieces are merged into their neighbour
SPEECH_QUOTE_WORDS = 3  # quotes of fewer words are labels ("داعش"), not speech
ABBREVIATION_LETTERS = 3  # a word this short glued to dots is an initial (بي.إم.)
COLON_CUE_WORDS = 10  # a reporting verb this close before a colon opens direct speech
HEADLINE_FRAGMENT_WORDS = 4  # a headline piece this short with no predicate is a label
HARD_LIMIT = 4  # x max_chars: longer than this, cut even inside a list (a pasted blob)
FRAGMENT_WORDS = 10  # a longer piece with no verb may still carry content (وذلك بهدف ...)
CLAUSE_WORDS = 4  # "، و" + a clause opens a new statement only after this many words
FRONT_WORDS = 8  # "، و" + a fronted phrase this long + a verb opens a clause
WHERE_WORDS = 6  # "، حيث" + a clause this short is a detail of the clause before
LONG_CLAUSE_WORDS = 6  # ... and "ولم/وقد" + a verb with no comma, after this many
_BACKGROUND = frozenset({"كان", "كانت", "كانوا"})  # ، وكان في استقبالهم ...: a new clause
_COPULAS = frozenset(
    [
        "كان",
        "كانت",
        "كانوا",
        "يكون",
        "تكون",
        "يكونوا",
        "سيكون",
        "ستكون",
        "سيكونون",
        "اصبح",
        "اصبحت",
        "يصبح",
        "تصبح",
        "بات",
        "باتت",
        "ظل",
        "ظلت",
        "يظل",
        "تظل",
        "صار",
        "صارت",
        "يزال",
        "تزال",
        "لايزال",
        "مازال",
        "مازالت",
        "ليس",
        "ليست",
        "لست",
    ]
)
_THAT_PRONOUN = frozenset({"وانه", "وانها", "وانهم", "واننا", "وانهما"})
_NO_BARE_CUT = frozenset({"ولا", "وليس", "وليست", "وبين"})  # the clause goes on
_OPENING_MARKS = (*OPENING, "(", "[")
_PARTICLE_CLAUSE = frozenset({"ولم", "ولن", "وقد", "ولقد", "وتم", "وسوف"})
LABEL_WORDS = 4  # a body line this short with no predicate or punctuation is a label
BYLINE_WORDS = 10  # ... and so is a byline of names between dashes up to this length
_DASHES = frozenset({"-", "–", "—", "ـ"})
TRAILER_WORDS = 20  # ... and so is the article's last such line up to this length
TAG_MARKERS = frozenset({"سمات"})  # an outlet's closing tag line (3alyoum) opens with this
# a share bar glued to the first body line (okaz 2015-08-11, 157 articles), match-normalized
SHARE_BARS = (("شارك", "من", "خلال", "تويتر", "فيسبوك", "جوجل", "بلس", "اكتب", "رايك"),)
TITLE_QUOTE_WORDS = 6  # ".." inside a quote this short on both sides is a title, not an end
RUN_LINES = 4  # this many short body lines in a row are verse or a list, not claims
RUN_LINE_WORDS = 8  # ... each of at most this many words, not ending in "." or ":"
QUESTION_WORDS = 8  # a body question this short, not reported, asks and claims nothing
FRAME_WORDS = 8  # "كما قال الوزير" with no complement: an "as X said" aside, not a claim
QUOTED_FRAME_WORDS = 20  # a frame holding a name in quotes, up to this long, awaits content
FRAME_CLAUSE_WORDS = 12  # "وعلق فلان على الاتهامات" + "فأشار إلى أن": a frame this short
_LINK_PRONOUNS = frozenset({"هو", "هي", "هم", "هما"})  # ، هي أحدث صفقة: no length cut
_PERSONAL = frozenset({"انا", "نحن", "انت", "انتم", "هو", "هي", "هم", "هما", "وهو", "وهي", "وهم"})
_SAYING = ("قائلا", "قائله", "قائلين", "قائلتا", "قائلتين")
_RELATIVE_STEMS = frozenset({"التي", "الذي", "الذين", "اللتي", "اللذين", "اللتين"})
_VERB_PARTICLES = frozenset({"لم", "لن", "قد", "لا", "سوف", "كان", "كانت", "تم", "يتم"})
# names and nouns that begin with ب/ل but are no preposition + noun (subjects of a clause)
_B_L_NAMES = frozenset(
    [
        "بريطانيا",
        "بغداد",
        "بيروت",
        "باريس",
        "بكين",
        "بلجيكا",
        "بولندا",
        "بنغلاديش",
        "باكستان",
        "برلين",
        "بروكسل",
        "البرازيل",
        "بوتين",
        "باراك",
        "بان",
        "بشار",
        "لبنان",
        "ليبيا",
        "لندن",
        "لجنه",
        "لجان",
        "لاعب",
        "لاعبو",
        "لاعبي",
        "لقاء",
        "ليله",
    ]
)
_TIME_PREPOSITIONS = frozenset({"بعد", "قبل", "عقب", "اثر"})  # + a noun: an adverbial of time
_TIME_AFTER = frozenset({"بعد", "قبل", "منذ", "ريثما"})  # + أنْ + a verb: a time clause
_TIME_CLAUSE = frozenset({"ان", "ما", "ذلك", "هذا", "هذه", "ذالك"})  # بعد أن/بعد ذلك: a clause
_ESPECIALLY = frozenset({"خصوصا", "وخصوصا", "خاصه", "وخاصه", "بخاصه", "سيما", "لاسيما", "ولاسيما"})
# a condition (match-normalized), answered by ف (إذا كانت ...، فإن ...)
_CONDITIONAL = frozenset({"اذا", "لو", "لولا", "لئن", "كلما", "متي", "طالما"})
_ANSWERS = frozenset({"ان", "انه", "انها", "انهم", "قد", "لا", "لن", "لم", "سوف", "هو", "هي"})
# words that open a fronted reason, purpose or time clause (ونظرا إلى ...، يبدو ...)
_FRONTED = frozenset(
    [
        "نظرا",
        "بسبب",
        "نتيجه",
        "سعيا",
        "حرصا",
        "رغبه",
        "بهدف",
        "لتحقيق",
        "لتعزيز",
        "لضمان",
        "عندما",
        "حينما",
        "حين",
        "بعد",
        "قبل",
        "عقب",
        "اثر",
        "خلال",
    ]
)
_IMPERSONAL = frozenset(
    ["يجب", "ينبغي", "يمكن", "يبدو", "يتعين", "يجدر", "يحق", "يكفي", "يلزم", "يتوقع", "ينتظر"]
)  # ، ويجب أن ...: a modal with no subject of the verbs before it
# وذلك + one of these: the source of the claim before (وذلك حسبما أفاد ...), not a claim
_TIME_WORDS = frozenset({"اليوم", "الان", "الليله", "الغد", "حاليا"})  # تعقد اليوم: no subject
# + آخر/أخرى: "in other words", "on the other hand" (بمعنى آخر، من جهة أخرى), an aside
_OTHER_HEADS = frozenset({"بمعني", "بعباره", "جهه", "ناحيه", "صعيد", "بصيغه"})
_ACCORDING = frozenset(
    {"حسب", "حسبما", "بحسب", "وفق", "وفقا", "وفقما", "طبقا", "نقلا", "استنادا", "بناء"}
)
_RESULT = frozenset({"بحيث"})  # ، بحيث تكون ...: a result clause of the clause before
_WHATEVER = frozenset({"ايا", "مهما", "ايما", "كيفما", "اينما"})  # أيا كانت عقائدهم: an aside
# أنّ/إنّ with no و after a comma: the complement of the verb before, never a claim apart
_BARE_THAT = frozenset({"ان", "بان", "انه", "بانه", "انها", "بانها", "انهم", "بانهم"})
# cardinal words (match-normalized) before a counted noun: ثلاثة متهمين, عشرات المتهمين
_CARDINALS = frozenset(
    [
        "ثلاثه",
        "اربعه",
        "خمسه",
        "سته",
        "سبعه",
        "ثمانيه",
        "تسعه",
        "عشره",
        "عشرات",
        "مئات",
        "الاف",
        "الوف",
        "ملايين",
    ]
)
_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


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
    how: str  # start | sentence | participle | finite | connective | clause | length


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


def short_line_runs(raw_text: str, paras: Sequence[Paragraph]) -> set[int]:
    """Indices of body paragraphs in a run of ``RUN_LINES`` or more short lines.

    Lines of at most ``RUN_LINE_WORDS`` words that do not end in a single ``.``
    or ``:`` (``..`` is a pause of verse), one after another (a line with no
    letters, ``.`` or ``>`` between stanzas, and a short crosshead after the
    first body line go on the run), are verse (``فإذا سخوت بلغت بالجود المدى / وفعلت
    ما لا تفعل الأنواء / ...``), a list of related headlines or the header of a
    decree (``الرقم : أ / 267 / التاريخ : ...``): no claims of their own.
    """
    out: set[int] = set()
    run: list[int] = []
    body = False  # a headline line after the first body line is a crosshead
    for k, p in enumerate([*paras, None]):
        line = raw_text[p.start : p.end] if p is not None else ""
        if p is not None and not any(ch.isalnum() for ch in line):
            run.append(k)  # "." or ">" between stanzas: no break in the run
            continue
        if (
            p is not None
            and (body or not p.headline)
            and len(line.split()) <= RUN_LINE_WORDS
            and (not line.endswith((".", ":")) or line.endswith(".."))
        ):
            body = body or not p.headline  # a verse line io took for a crosshead
            run.append(k)
            continue
        body = body or (p is not None and not p.headline)
        if len(run) >= RUN_LINES:
            out.update(run)
        run = []
    return out


def _wrapped(line: str) -> bool:
    """A body line that continues on the next line."""
    if line.endswith(_TERMINAL):
        return False
    if line.endswith(("،", ",")):
        return True  # منذ استيلاء الحوثيين على العاصمة اليمنية صنعاء،\nثم توسعهم ...
    opens = sum(line.count(q) for q in OPENING)
    closes = sum(line.count(q) for q in CLOSING)
    return opens > closes or len(line) >= JOIN_MIN_CHARS


def quote_spans(starts: list[int], ends: list[int], feats: list[Feat]) -> list[tuple[int, int]]:
    """Outermost matched quote pairs ``(open, close)`` as token indices.

    A quote mark opens when it is glued to the word after it (or follows a lone
    proclitic: ``و”جبهة``), closes when glued to the word before it, and
    otherwise toggles; marks left unmatched at the end are ignored (see
    :func:`speech_spans` for the quotations a reader also hears).
    """
    pairs, _ = _quote_pairs(starts, ends, feats)
    return sorted(pairs + _bracket_sayings(feats, pairs))


def speech_spans(starts: list[int], ends: list[int], feats: list[Feat]) -> list[tuple[int, int]]:
    """:func:`quote_spans` plus the speech quoted without a closing mark.

    A quotation opened right after a reporting verb and never closed
    (``مضيفا "وعندها نبدأ ...``) runs to the end of its sentence; words after a
    colon that ends a reporting clause (``وتقول ريم محمد، صاحبة مشغل ...: بدأت
    ألاحظ``) are quoted too, to the end of the sentence (:func:`_colon_sayings`).
    Either stops at a comma before a reporting verb, where the narration resumes.
    These decide the quote flag of a statement; statement boundaries use
    :func:`quote_spans` alone.
    """
    pairs, unclosed = _quote_pairs(starts, ends, feats)
    if unclosed and _after_cue(unclosed[0], feats):
        pairs.append((unclosed[0], _sentence_end(unclosed[0], feats)))
    pairs += _bracket_sayings(feats, pairs)
    return sorted(pairs + _colon_sayings(feats, pairs))


def _quote_pairs(
    starts: list[int], ends: list[int], feats: list[Feat]
) -> tuple[list[tuple[int, int]], list[int]]:
    """Outermost matched quote pairs, and the marks left open at the end."""
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
    return pairs, stack


def _after_cue(o: int, feats: list[Feat]) -> bool:
    """A reporting verb right before token ``o`` (``مضيفا "``, ``وقال: "``)."""
    k = o - 1
    if k >= 0 and feats[k].kind in (":", "c"):
        k -= 1
    return k >= 0 and feats[k].cue is not None


def _sentence_end(o: int, feats: list[Feat]) -> int:
    """The last token of the sentence that token ``o`` is in, or the comma before
    a reporting verb where the narration resumes (``وقال: القوات الإماراتية لم
    تنفذ ...،| مشددا على أن ...``)."""
    for k in range(o + 1, len(feats)):
        if feats[k].kind == "e":
            return k
        if feats[k].cue is not None and feats[k - 1].kind == "c":
            return k - 1
    return len(feats) - 1


def _colon_sayings(feats: list[Feat], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A colon closing a reporting clause opens direct speech without quote marks.

    ``وتقول ريم محمد، صاحبة مشغل بمحافظة حفر الباطن: بدأت ألاحظ ...`` and
    ``وصرح روسكام أن: الكونجرس ...``: a reporting verb at most
    ``COLON_CUE_WORDS`` words before the colon, with no sentence end, quote
    mark, or complementizer between them (except ``أن`` right before the
    colon: ``وأوضح أن الخطة تشمل: ...`` introduces a list, not speech).
    The quotation runs from the colon to the end of its sentence, unless quote
    marks inside show which words are quoted (``في بيان: إن "الجيش النيجيري شن
    هجوما ..." على مسافة 70 كلم``).
    """
    out: list[tuple[int, int]] = []
    for c, f in enumerate(feats):
        if f.kind != ":" or c + 1 >= len(feats) or feats[c + 1].kind != "w":
            continue
        if any(a <= c <= b for a, b in pairs):
            continue
        words = 0
        for k in range(c - 1, -1, -1):
            g = feats[k]
            if g.kind in ("e", "q", ":"):
                break
            if g.kind != "w":
                continue
            if g.cue is not None:
                end = _sentence_end(c, feats)
                if not any(c < a <= end for a, _ in pairs):  # في بيان: إن "الجيش ..." على
                    out.append((c, end))  # مسافة 70 كلم: only the marked words are quoted
                break
            words += 1
            if words > COLON_CUE_WORDS or ("complementizer" in g.roles and k != c - 1):
                break
    return out


def _bracket_sayings(feats: list[Feat], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Brackets opened right after a colon: a saying quoted (``وقد قيل: (من أراد
    معرفة أخلاق الأمة فليراقبها في أعيادها، ...، وتبرز العواطف ...)``)."""
    out: list[tuple[int, int]] = []
    n = len(feats)
    for o in range(1, n):
        if feats[o].text != "(" or feats[o - 1].kind != ":":
            continue
        depth = 0
        for c in range(o, n):
            depth += (feats[c].text == "(") - (feats[c].text == ")")
            if depth == 0:
                if not any(a <= o <= b or a <= c <= b for a, b in pairs):
                    out.append((o, c))
                break
    return out


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
    pred = load_predicates()
    bounds: dict[int, str] = {0: "start"}
    connectives = lex.markers["connective"]
    bare = lex.markers["connective_bare"]
    last = sentence = 0
    for i, f in enumerate(feats):
        if f.plain:
            continue
        if f.kind == "e":
            if _not_a_sentence_end(i, starts, ends, feats):
                continue
            j = i + 1
            while j < n and (
                feats[j].kind == "e" or (feats[j].kind == "q" and feats[j].text not in OPENING)
            ):
                if feats[j].kind == "q" and starts[j] != ends[j - 1]:
                    break
                j += 1
            if j < n and not headline and _dots_inside(sentence, i, j, feats, pred):
                continue  # والتغير الاجتماعي.. يعد من السمات: ".." as a pause, not an end
            if j < n:
                bounds[j] = "sentence"
                last = sentence = j
            continue
        if headline:
            continue
        if f.kind == "c" and i + 1 < n:
            two = (feats[i + 1].norm, feats[i + 2].norm) if i + 2 < n else ()
            if ((feats[i + 1].norm,) in connectives or two in connectives) and not (
                _closes_concession(i + 1, last, feats, pred)
                or _exception(i + 1, feats)
                or _comparison(i + 1, feats)
                or _where_stays(last, i + 1, feats, pred)
            ):
                bounds.setdefault(i + 1, "connective")
                last = i + 1
            continue
        if f.kind == "w" and i - last >= MIN_WORDS:
            two = (f.norm, feats[i + 1].norm) if i + 1 < n else ()
            clause = (
                f.norm.startswith("و")
                and len(f.norm) > 3
                and two[1:] == ("ان",)
                and not f.norm.startswith("وال")  # وقال المشرفون من الأطباء والمختصين إن
                and not (  # وتحديدا إن قارنا: an adverb, then "if" (not وهدفها أن)
                    f.norm.endswith("ا")
                    and not f.norm.endswith(("ها", "نا"))
                    and not verbish(f.norm)
                )
            )
            if clause and (
                (
                    _same_suffix(feats[i - 1], f)
                    and f.norm[1:2] not in ("ي", "ت", "ن")  # ويمكنها أن: a verb + "it"
                    and not verbish(f.norm)
                )
                or _owned_plural(f.norm)
            ):
                clause = False  # تستطيع بصلاحياتها وعلاقاتها أن توفر: a noun, not وأضاف أن
            that = f.norm in _THAT_PRONOUN and feats[i - 1].kind == "c"  # ، وأنه قد يضطر
            if clause and feats[i - 1].kind == "w" and _verb_chain(sentence, i, feats):
                clause = False  # يرى هذا الشاب قدوة ويتمنى أن لو: the same subject goes on
            if (f.norm,) in bare or two in bare or (clause and f.cue is None) or that:
                if not (
                    _bare_continues(i, last, feats, pred)
                    or _coordinate_that(i, sentence, feats)
                    or feats[i - 1].text[-1:] in _OPENING_MARKS  # يقول “كما أن: opens
                    # the quotation (also قوله: (( وإن خير ...)))
                    or feats[i - 1].kind == ":"
                ):
                    bounds.setdefault(i, "connective")
                    last = i
                continue
        if in_speech[i]:
            continue
        if (
            f.kind == "w"
            and f.norm in pred.consequence
            and feats[i - 1].kind == "c"
            and i - last >= CLAUSE_WORDS
            and _has_predicate(Segment(last, i, ""), feats, pred)
            and _head_has_predicate(i + 1, n, feats, pred, adverbial=False)
        ):
            bounds.setdefault(i, "connective")  # ، ولذلك جاء ...: a claim that follows
            last = i
            continue
        if (
            f.kind == "w"
            and (
                (feats[i - 1].kind == "c" and i - last >= CLAUSE_WORDS)
                or (f.norm in _PARTICLE_CLAUSE and i - last >= LONG_CLAUSE_WORDS)
            )
            and _opens_coordinate_clause(i, feats, pred)
            and _main_predicate(sentence, i, feats, pred)
            and (_particle_clause(f, pred) or not _awaits_predicate(last, i, feats))
            and not _awaits_content(last, i, feats)
            and not (_reported_content if feats[i - 1].kind == "c" else _reported)(
                sentence, i, feats
            )  # أخذوا هذه الأفكار ولم يتبينوا: with no comma, the same subject goes on
        ):
            bounds.setdefault(i, "clause")
            last = i
            continue
        if (
            f.kind == "w"
            and feats[i - 1].kind == "c"
            and i - last >= CLAUSE_WORDS
            and _opens_verb_clause(i, feats, pred, starts_phrase)
            and _main_predicate(last, i, feats, pred)
            and not _continues_relative(last, i, feats, pred, chain=True)
            and not _awaits_predicate(last, i, feats)
            and not _awaits_content(last, i, feats)
            and (
                not (
                    _reported_that(sentence, i, feats)
                    if _direct_subject(i + 1, feats, starts_phrase)
                    and not (  # على أن تشترك ...، ويعمل الجميع: the same "to" goes on
                        _goes_on_infinitive(i, feats)
                        and any(_infinitive(m, feats) for m in range(sentence, i))
                    )
                    else _reported(sentence, i, feats)
                )
                or _quote_closed(last, i, feats)
            )
        ):
            bounds.setdefault(i, "clause")  # ، ووصفه البعض بلونه الأزرق: a second fact
            last = i
            continue
        if (
            f.kind == "w"
            and feats[i - 1].kind == "c"
            and i - last >= CLAUSE_WORDS
            and _adverbial_clause(i, feats, pred)
            and _main_predicate(last, i, feats, pred)
            and not _awaits_predicate(last, i, feats)
            and not _awaits_content(last, i, feats)
            and not _reported_content(sentence, i, feats)
        ):
            bounds.setdefault(i, "clause")  # ، وفي المساء أعلنت الشرطة: a second fact
            last = i
            continue
        cue = f.cue
        if cue is None or f.kind != "w" or i - last < 2:
            continue
        if cue.kind == "participle":
            if f.prefixed or feats[i - 1].norm in pred.preposition:
                continue  # على مذكرة مشتركة: a noun after a preposition
            if feats[i - 1].norm in _COPULAS:
                continue  # سيكون مطالبا بدفع تعويض: the predicate of "to be"
            if _number(feats[i - 1]) and not _reports_next(i, feats):
                continue  # أحالت النيابة 41 متهما من: the counted noun, not "accusing"
            if _indefinite_accusative(feats[i - 1]) and not _reports_next(i, feats):
                continue  # قدمت دورا لافتا مع ...: an adjective agreeing with its noun
            if _adjective(i, feats):
                continue  # لمراقبة مشددة: "strict monitoring"
            if feats[i - 1].norm in _PERSONAL or feats[i - 1].norm == "او":
                continue  # وهو داعية إسلامي بارز, لواعظ أو داعية: a noun, "a preacher"
            if cue.ambiguous and not _participle_used(i, feats):
                continue
            bounds.setdefault(i, "participle")
            last = i
        else:
            at = i if f.prefixed else None
            if at is None and feats[i - 1].norm in ("كما", "ثم", "فيما"):
                at = i - 1
                if feats[i - 1].norm == "كما" and feats[i - 2].kind == "w":
                    continue  # فإن اللجنة كما ذكر البيان ستكتفي: an aside inside a clause
            if at is None or _named(f):
                continue
            if at == i and _passive_chain(i, last, feats):
                continue  # تم تقديم الخدمة الطارئة ونقل الحالات: "transferring", no report
            if feats[i - 1].norm == "سبق":
                continue  # وهو ما سبق وأكد عليه الوزير: "had already stressed", one clause
            if f.norm.startswith("ف") and any(g.norm == "اما" for g in feats[last:i]):
                continue  # أما فلان فيقول: one clause
            if cue.ambiguous and not _has_complement(i, feats, lex, starts_phrase):
                continue
            if (
                at == i
                and feats[i - 1].kind == "w"
                and _verb_chain(sentence, i, feats)
                and not _has_complement(i, feats, lex, starts_phrase)
            ):
                continue  # يظهر في دور جد يساعد حفيدته ويشرح لها نظريات: not a report
            bounds.setdefault(at, "finite")
            last = at
    cuts = sorted(bounds)
    segs = [Segment(a, b, bounds[a]) for a, b in zip(cuts, [*cuts[1:], n], strict=True)]
    words = [0, *accumulate(f.kind == "w" for f in feats)]  # words[j] - words[i]: in [i, j)
    segs = _merge_small(segs, words, feats)
    if headline:
        segs = _headline_clauses(segs, feats, words, pred)
    else:
        segs = _merge_fragments(segs, feats, words, lex, pred)
    out: list[Segment] = []
    for seg in segs:
        out.extend(_split_long(seg, starts, ends, feats, max_chars, lex, pred))
    return [  # a piece with no word ("." between stanzas) is no statement
        s
        for s in (_trim(s, feats) for s in out)
        if s is not None and any(f.kind == "w" for f in feats[s.i : s.j])
    ]


def label_line(feats: list[Feat], *, last: bool) -> bool:
    """A body line that is no claim: a crosshead, a byline or a line of tags.

    A line with no predicate and no closing punctuation of at most
    ``LABEL_WORDS`` words (``تجارب عملية``, ``* غضب``, ``عمر المهنا``), a
    byline of short runs of names between dashes (``فايز الحسيكي – مسلّم
    الهواملة – الخرج``), a numbered heading (``4- التسويق:``), or the
    article's last line of that kind of at most ``TRAILER_WORDS`` words
    (``سمات ارتفاع الاسعار الذهب تداول ...``: an outlet's tags) or opening
    with ``رابط`` (``رابط الخبر بصحيفة الوئام: ...``, even with a verb). Such
    lines give no statement.
    """
    words = [f for f in feats if f.kind == "w"]
    if last and words and words[0].norm == "رابط":
        return True  # رابط الخبر بصحيفة الوئام: <headline>: the link to the article
    if not words or len(words) > (TRAILER_WORDS if last else BYLINE_WORDS):
        return False
    if any(_predicate_token(f) for f in words):
        return False
    # a numbered heading (4- التسويق:) ends with a colon and is still a label
    numbered = feats[0].text.isdigit() and len(feats) > 1 and feats[1].kind == "p"
    if numbered and feats[-1].kind == ":" and len(words) <= LABEL_WORDS + 1:
        return True
    if feats[-1].kind == ":" and len(words) <= LABEL_WORDS and not last:
        return True  # •• مراجعة الأنظمة وتطويرها:, ثانياً:, آخر السطور:: a crosshead
    if feats[-1].text in CLOSING and len(words) <= LABEL_WORDS and _named_in_quotes(feats):
        return True  # * خدمة «واشنطن بوست», خاص بـ«الشرق الأوسط»: a credit line
    if feats[-1].kind in ("e", ":") or feats[-1].text in CLOSING or feats[-1].norm in ("؟", "?"):
        return False
    if len(words) <= LABEL_WORDS or last:
        return True
    # a byline of names and a place between dashes (فايز الحسيكي – مسلّم الهواملة – الخرج)
    parts, run = [], 0
    for f in feats:
        if f.kind == "p" and f.text in _DASHES:
            parts.append(run)
            run = 0
        elif f.kind == "w":
            run += 1
    parts.append(run)
    return len(parts) >= 2 and all(1 <= n <= 3 for n in parts)


def _named_in_quotes(feats: list[Feat]) -> bool:
    """A short line that ends in a quoted name opened after its first word
    (``* خدمة «نيويورك تايمز»``), not a quotation standing alone (``«الله أكبر»``)."""
    first_word = next((k for k, f in enumerate(feats) if f.kind == "w"), None)
    first_quote = next(
        (k for k, f in enumerate(feats) if f.kind == "q" and f.text in OPENING), None
    )
    return first_word is not None and first_quote is not None and first_word < first_quote


def tag_tail(feats: list[Feat]) -> int | None:
    """Where an article's closing line of tags starts, if it has one.

    ``... مع عادات مجتمعنا. سمات امانة المدينة المنورة خالد طاهر``, ``... عبر
    مواقع التواصل الاجتماعي سمات أبو السنان النجدي تفجير داعش عسير``: a tag
    marker (``TAG_MARKERS``) followed by one to ``TRAILER_WORDS`` words and no
    punctuation at all up to the end of the paragraph; the tags are no claim
    (even when one looks like a verb: ``قتل``, ``يكشف``).
    """
    words = 0
    for m in range(len(feats) - 1, -1, -1):
        f = feats[m]
        if f.kind == "q":
            continue  # سمات مُتحف " حضارات الأمم ": a quoted tag
        if f.kind != "w":
            return None  # punctuation after the marker: a sentence, not tags
        if f.norm in TAG_MARKERS and words:
            return m
        words += 1
        if words > TRAILER_WORDS:
            return None
    return None


def share_head(feats: list[Feat]) -> int:
    """How many tokens of a share bar (``SHARE_BARS``) open the paragraph: ``شارك من
    خلال تويتر فيسبوك جوجل بلس اكتب رأيك توفي مدرب حراس نادي العيون ...`` (okaz on
    2015-08-11) is the site's widget glued to the lede, no part of its claim; 0 if none."""
    norms = [f.norm for f in feats[: max(map(len, SHARE_BARS)) + 1]]
    for bar in SHARE_BARS:
        if tuple(norms[: len(bar)]) == bar:
            return len(bar)
    return 0


def question(feats: list[Feat], in_speech: list[bool]) -> bool:
    """A short question in the narrator's voice: asks, claims nothing.

    An interview question or a rhetorical one (``وماذا يحدث خلف الكواليس؟``,
    ``* هل تؤمن بالحظ؟``, ``لماذا يحدث التحرش في بلد متدين ومحافظ؟``) of at
    most ``QUESTION_WORDS`` words, with no reporting verb and not inside a
    quotation, gives no statement. A headline question is kept (the caller
    only asks about body segments), and so is ``وتساءل الوزير: لماذا ...؟``.
    """
    words = [f for f in feats if f.kind == "w"]
    if not words or len(words) > QUESTION_WORDS or any(in_speech):
        return False
    k = len(feats)
    while k and (feats[k - 1].kind == "e" or feats[k - 1].text in CLOSING):
        if feats[k - 1].norm == "?":
            break
        k -= 1
    asks = k > 0 and feats[k - 1].norm == "?"
    return asks and all(f.cue is None for f in words) and not any(f.kind == ":" for f in feats)


def _not_a_sentence_end(i: int, starts: list[int], ends: list[int], feats: list[Feat]) -> bool:
    """Abbreviations (``د.``), dots inside web addresses, an elided ``(...)``."""
    f = feats[i]
    prev = feats[i - 1] if i else None
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    after = i + 1
    while after < len(feats) and feats[after].kind == "e":
        after += 1
    if after < len(feats) and feats[after].text == ")":
        return True  # (...) marks an elision inside a sentence
    if _in_short_quote(i, after, feats):
        return True  # حملة بعنوان "زكاتك.. فرحة علاج لكل محتاج": a quoted title
    if _in_short_parens(i, after, feats):
        return True  # شبكة (سي.إن. إن), شركة داماك (ش.م. ع.): an abbreviation in brackets
    if (
        f.norm in (".", "..", "...", "…")
        and after < len(feats)
        and feats[after].norm == "او"
        and i > 0
    ):
        return True  # إعادة صياغة البيت بأي طريقة كانت.. أو نقل بيتك: "or", the list goes on
    if prev is None or ends[i - 1] != starts[i]:
        return False
    if f.norm == "." and prev.kind == "w" and len(prev.norm) == 1:
        return True  # abbreviation: د. م.
    if f.norm == "." and _dotted_initials(i, starts, ends, feats):
        return True  # شركة بي.إم. دبليو, وكالة "د.ب.أ-أيه.إف. إكس": letters joined by dots
    if (
        f.norm == "."
        and prev.norm in _LETTER_NAMES
        and i >= 2
        and feats[i - 2].kind == "w"
        and nxt is not None
        and nxt.kind == "w"
        and nxt.norm[:1] != "و"
    ):
        return True  # إدوارد إم. كيندي, جون إيه. بوينر: a Latin initial spelled out
    glued = nxt is not None and starts[i + 1] == ends[i] and nxt.kind == "w"
    if not glued or nxt is None:
        return False
    return f.norm == "." and (prev.norm.isascii() or nxt.norm.isascii())


def _initial(f: Feat) -> bool:
    """A letter or a spelled-out Latin letter (``بي``, ``إم``, the ``أيه`` of ``أ-أيه``,
    the ``د`` of ``الألمانية(د`` where the tokenizer kept a bracket inside a word)."""
    tail = re.split(r"[-(/]", f.norm)[-1].rstrip(".")
    return f.kind == "w" and 0 < len(tail) <= ABBREVIATION_LETTERS and not tail.isascii()


def _dotted_initials(i: int, starts: list[int], ends: list[int], feats: list[Feat]) -> bool:
    """The dot ``i`` is one of a chain of initials glued by dots (``بي.إم.``).

    Glued to a short word before it, and either glued to another short word
    after it or itself closing a chain (the word before it follows a glued
    dot); a chain followed by ``و`` + a word or by nothing ends the sentence.
    Latin letters are left to the rule for web addresses (``WWW.MOI.GOV.SA.
    وذلك``: a sentence end).
    """
    if i < 1 or feats[i - 1].kind != "w" or ends[i - 1] != starts[i]:
        return False
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    if nxt is None or nxt.kind != "w":
        return False
    if starts[i + 1] == ends[i] and _initial(nxt):
        if _initial(feats[i - 1]):
            return True  # بي.|إم
        two = i + 2 < len(feats) and feats[i + 2].norm == "." and starts[i + 2] == ends[i + 1]
        return two  # أودي.|أيه.جي: a name, then initials
    if not _initial(feats[i - 1]):
        return False
    before = feats[i - 2] if i >= 2 else None
    chained = (
        before is not None
        and ends[i - 2] == starts[i - 1]
        and (before.norm == "." or (before.kind == "w" and before.text.endswith(".")))
    )
    return chained and not nxt.norm.startswith("و")


def _in_short_quote(i: int, after: int, feats: list[Feat]) -> bool:
    """End marks ``[i, after)`` sit inside a short quotation (a title or slogan).

    An opening quote 1 to ``TITLE_QUOTE_WORDS`` words before and its closing
    quote 1 to that many words after, with no other end mark in between (so
    ``قال "نعم". وأضاف "لا"`` stays two sentences).
    """

    def reach(ks: range, marks: str) -> bool:
        seen = 0
        for k in ks:
            g = feats[k]
            if g.kind == "q":  # a word inside: not "نعم". وأضاف "لا"
                return seen > 0 and (g.text in marks or g.text == '"')
            if g.kind == "e":
                return False
            seen += g.kind == "w"
            if seen > TITLE_QUOTE_WORDS:
                return False
        return False

    before = i - 1
    while before >= 0 and feats[before].kind == "e":
        before -= 1  # the second dot of ".."
    return reach(range(before, -1, -1), OPENING) and reach(range(after, len(feats)), CLOSING)


def _in_short_parens(i: int, after: int, feats: list[Feat]) -> bool:
    """End marks ``[i, after)`` sit inside brackets of at most ``TITLE_QUOTE_WORDS``
    words on either side (``(سي.إن. إن)``, ``(ش.م. ع.)``, ``(د.ب.أ)``)."""

    def reach(ks: range, mark: str, other: str) -> bool:
        seen = 0
        for k in ks:
            g = feats[k]
            if g.text == mark:
                return True
            if g.text == other:
                return False
            seen += g.kind == "w"
            if seen > TITLE_QUOTE_WORDS:
                return False
        return False

    return reach(range(i - 1, -1, -1), "(", ")") and reach(range(after, len(feats)), ")", "(")


def _named(f: Feat) -> bool:
    """``ويُدعى`` "is named" (written with ى), not ``يدعي`` "claims"."""
    cue = f.cue
    return (
        cue is not None
        and cue.lemma == "ادعى"
        and f.text.translate({ord(c): None for c in _DIACRITICS}).endswith("ى")
        and f.norm.lstrip("وف")[:1] in ("ي", "ت")
    )


def _closes_concession(i: int, last: int, feats: list[Feat], pred: Predicates) -> bool:
    """``إلا أن``/``لكن`` after ``رغم``/``على الرغم``/``مع أن`` in the same sentence
    closes one claim (``ورغم أننا لم نصل إلى الكمال ... ولكن علينا أن نجتهد``)."""
    if feats[i].norm.lstrip("و") not in ("الا", "غير", "لكن"):
        return False
    for k in range(last, i):
        g = feats[k]
        if g.norm.lstrip("وب") in pred.concessive:
            return True
        if k + 1 < i and (g.norm, feats[k + 1].norm) in pred.concessive_pairs:
            return True  # ومع أن ...، إلا أن ...
    return False


def _bare_continues(i: int, last: int, feats: list[Feat], pred: Predicates) -> bool:
    """A bare connective that does not open a claim of its own.

    ``وأن يرد كيد الكائدين`` (``أنْ`` + verb: a second wish of the same sentence),
    ``وإن كان ...`` ("even if"), ``خصوصا وأن ...`` ("especially since"), ``إلا أن``
    closing a ``رغم`` clause, and
    ``إلا أنْ`` + verb: "but to", an exception (``لا يسعه إلا أن يظل ساعيا``);
    ``وكذلك`` + a noun: "and also", the next item of a list (``وكذلك سحور خاص``).
    """
    f = feats[i]
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    if f.norm in ("وان",) and nxt is not None and (verbish(nxt.norm) or _subjunctive(nxt.norm)):
        return True
    if f.norm in ("وان", "وانه", "وانها") and i > 0 and feats[i - 1].norm in _ESPECIALLY:
        return True  # خصوصا وأن الإمارة تحمل ...: "especially since", a reason of the clause
    if _exception(i, feats):
        return True
    if (
        f.norm == "وكذلك"
        and nxt is not None
        and nxt.kind == "w"
        and nxt.cue is None
        and not verbish(nxt.norm)
        and nxt.norm not in pred.particles
        and nxt.norm not in _VERB_PARTICLES
        and nxt.norm not in _PERSONAL
        and not _noun_clause(i + 1, feats)
    ):
        return True  # تخصيص إفطار خاص، وكذلك سحور خاص: the next item of a list
    if (
        f.norm == "وكذلك"
        and nxt is not None
        and nxt.kind == "w"
        and nxt.norm not in _PERSONAL
        and nxt.cue is None
        and not verbish(nxt.norm)
        and _subject_awaits(last, i, feats, pred)
    ):
        return True  # أن لجان المراقبة بالوزارة وكذلك لجان الأجهزة الرقابية الأخرى رصدت
    return _closes_concession(i, last, feats, pred)


def _subject_awaits(last: int, i: int, feats: list[Feat], pred: Predicates) -> bool:
    """An ``أن`` in ``[last, i)`` whose subject has no predicate yet: what comes at
    ``i`` (``وكذلك`` + a noun) is a second subject of the same verb, not a new
    clause. A verb or a bare preposition after the ``أن`` is a predicate (``أن
    المشروع تحت الدراسة | وكذلك هي الحال``)."""
    for c in range(i - 1, last - 1, -1):
        g = feats[c]
        if g.kind != "w":
            return False
        if "complementizer" in g.roles and g.norm[:1] != "و":
            return c + 1 < i
        if g.cue is not None or verbish(g.norm) or _relative(g) or g.norm in pred.preposition:
            return False
    return False


def _noun_clause(i: int, feats: list[Feat]) -> bool:
    """Tokens from ``i`` hold a subject and its own verb within a few words
    (``وكذلك علاقته الطيبة بجمهور الاتحاد جعلت``, ``وكذلك نشر الوعي لا يقل أهمية``),
    not a relative's verb (``وكذلك أمراض التي تزداد``) nor a coordinated one."""
    for k in range(i, min(i + 6, len(feats))):
        g = feats[k]
        if g.kind != "w":
            return False
        if g.norm[:1] == "و":
            continue
        if k > i and (_relative(feats[k - 1]) or feats[k - 1].norm in _AFTER):
            continue
        if verbish(g.norm) or g.norm in ("لا", "لم", "لن", "قد"):
            return True
    return False


_AFTER = frozenset({"ان", "ما", "فيما", "كما", "لما", "مما"})  # a verb after these is no predicate


def _coordinate_that(i: int, sentence: int, feats: list[Feat]) -> bool:
    """``، وأن`` + a clause after an ``أن`` clause of the same sentence that no
    reporting verb opens: its second complement, no claim of its own
    (``الإفصاح بأنها تخص أحد أبناء الأسر ...، وأن عائلته تريد استرداد جثته``,
    ``يتفقان على أن ...، وأن ...``). After a reporting verb (``اعترف الأسد بأن
    ...، وأنه قد يضطر ...``) it is a second claim of the same speaker and opens
    a statement that carries the attribution."""
    if feats[i].norm != "وان" and feats[i].norm not in _THAT_PRONOUN:
        return False
    for c in range(sentence, i):
        g = feats[c]
        if g.cue is not None and g.cue.kind == "finite":
            return False
        if "complementizer" in g.roles and g.norm[:1] != "و":
            head = [h for h in feats[max(sentence, c - 4) : c] if h.kind == "w"][-3:]
            return not any(h.cue is not None or verbish(h.norm) for h in head)
    return False


def _exception(i: int, feats: list[Feat]) -> bool:
    """``إلا أنْ`` + a verb: an exception inside the clause, not "however"."""
    if feats[i].norm not in ("الا",) or i + 2 >= len(feats) or feats[i + 1].norm != "ان":
        return False
    after = feats[i + 2]
    return after.kind == "w" and (verbish(after.norm) or _subjunctive(after.norm))


def _comparison(i: int, feats: list[Feat]) -> bool:
    """``كما`` + "it is/was" (``كما هو الحال``, ``كما كان متبعا في الخمسينات``): "as",
    an aside of the clause before, not ``كما`` "also" opening a new claim."""
    if feats[i].norm != "كما" or i + 2 >= len(feats):
        return False
    nxt, after = feats[i + 1].norm, feats[i + 2]
    if nxt in ("هو", "هي", "هم", "هما"):
        return True
    return nxt in ("كان", "كانت", "يكون", "تكون") and (
        _indefinite_accusative(after) or after.norm in ("الحال", "عليه", "الامر")
    )


def _where_stays(last: int, i: int, feats: list[Feat], pred: Predicates) -> bool:
    """``، حيث`` that does not open a second claim: a reason (``حيث إن علاج الاكتئاب ليس
    بهذه السهولة``, kept with its claim as ``لأن`` is), direct speech whose frame is the
    clause before (``تحدث ... عن تلك الواقعة، حيث قال: "..."``), or a verb with no subject
    of its own (``يظل قليلا، حيث يتراوح بين 30 إلى 40``: the figure of the clause before;
    ``، حيث كانت مخبأة``), as ``، و`` + a verb alone is no cut. ``، حيث بدأت الجهات
    الأمنية ...``, ``، حيث أعلنت الشركة ...`` open a claim.
    Nor when the few words since the last cut have no predicate of their own (``وكذلك
    وحدة الهرمونات، حيث يتم إرسال عينات الدم``) or open with ``أما`` still waiting
    for its answer (``أما فئة الأندية الممارسة، وهي التي ...، حيث سيتم إسقاط``)."""
    if feats[i].norm != "حيث" or i + 1 >= len(feats):
        return False
    if any(f.norm in ("اما", "واما") for f in feats[last:i]) or (
        sum(f.kind == "w" for f in feats[last:i]) < WHERE_WORDS
        and not _main_predicate(last, i, feats, pred)
    ):
        return True
    nxt = feats[i + 1]
    if nxt.norm in _BARE_THAT:
        return True
    run = 0
    for f in feats[i + 1 :]:
        if f.kind in ("c", "e", ":"):
            break
        run += f.kind == "w"
    if run < WHERE_WORDS:
        return True  # في الباحة المكشوفة، حيث كانت السيارات متوقفة: a detail of the place
    if nxt.cue is not None and any(f.kind == ":" for f in feats[i + 2 : i + 5]):
        return True
    if nxt.kind != "w" or (nxt.norm.startswith("ال") and not verbish(nxt.norm)):
        return False  # حيث الأمن مستتب: a nominal clause with its own subject
    return not _own_subject(i + 2, feats, pred)  # also after a verb of no known shape (أبحر)


def _own_subject(k: int, feats: list[Feat], pred: Predicates) -> bool:
    """A verb's own subject starts at ``k``: a definite noun, or a noun and its definite
    genitive (``حيث بدأت الجهات الأمنية``, ``حيث أعلنت الشركة``, ``حيث حل ممثل الحركة``);
    not a preposition, a pronoun suffix or an adjective (``حيث يتراوح بين 30 إلى 40``,
    ``حيث كانت مخبأة بطريقة محكمة``, ``حيث تواصلت معه``: the subject of the clause before
    goes on)."""
    if k >= len(feats) or feats[k].kind != "w":
        return False
    g = feats[k]
    if g.norm.startswith("ال") and len(g.norm) > 3:
        return True
    after = feats[k + 1] if k + 1 < len(feats) else None
    return (
        after is not None
        and after.kind == "w"
        and after.norm.startswith("ال")
        and g.norm[:1] not in ("ب", "ل", "ك", "م")
        and g.norm not in pred.preposition
        and g.norm not in pred.particles
        and g.cue is None
        and not verbish(g.norm)
    )


def _subjunctive(norm: str) -> bool:
    """After ``أنْ`` a word of imperfect shape is a verb (``وأن يمن``, not Yemen;
    ``وأن يسكنه``, with its object pronoun)."""
    if norm[:1] == "ي" and len(norm) >= 3:
        return True
    return norm[:1] in ("ت", "ن") and len(norm) >= 3 and not norm.endswith(("ه", "ات"))


def _imperfect(norm: str) -> str:
    """The prefix ``ي`` of a third-person imperfect verb, with or without و; "" otherwise.

    Not ``ت``: ``تجول``, ``تمثل``, ``تناول`` are as often perfects (``، وتجول الجميع``).
    """
    stem = norm[1:] if norm[:1] == "و" and len(norm) > 3 else norm
    if stem[:1] == "ي" and verbish(stem):
        return stem[:1]
    return ""


def _verb_chain(lo: int, i: int, feats: list[Feat]) -> bool:
    """``و`` + an imperfect verb at ``i`` whose nearest verb before it, in ``[lo, i)``,
    is an imperfect of the same person: one subject doing several things (``يتعلم
    الهارب كيف يذبح البشر ويتلقى تدريبا ...، ويرفع راية التنظيم``), not a new clause.
    """
    person = _imperfect(feats[i].norm) if feats[i].norm[:1] == "و" else ""
    if not person or feats[i].norm[1:] in _IMPERSONAL:
        return False  # يريد أن يحترم قراري ويجب أن نحترم: "one must", a claim of its own
    for k in range(i - 1, lo - 1, -1):
        g = feats[k]
        if g.kind == "e":
            return False
        if g.kind != "w":
            continue
        if _imperfect(g.norm):
            return _imperfect(g.norm) == person
        stem = g.norm[1:] if g.norm[:1] in ("و", "ف") and len(g.norm) > 3 else g.norm
        if verbish(g.norm) or verbish(stem) or g.norm in _COPULAS:
            return False  # a perfect verb in between: another clause
    return False


def _definite_after(k: int, feats: list[Feat], pred: Predicates) -> bool:
    """A definite noun right after the verb at ``k``, or after a preposition with a
    pronoun (``ويجري العمل``, ``ويشهد له التاريخ``): maybe a new subject, so the verb
    may open a clause of its own (an object looks the same: ``ويحصن المجتمع``)."""
    for m in range(k + 1, min(k + 3, len(feats))):
        g = feats[m]
        if g.kind != "w":
            return False
        if g.norm.startswith("ال") and len(g.norm) > 3:
            return True
        if g.norm[:1] not in ("ل", "ب") or len(g.norm) > 4:
            return False  # له، لها، بها: step over a preposition with a pronoun
    return False


def _number(f: Feat) -> bool:
    """A figure (``41``, ``٤١``, ``1,500``) or a cardinal word (``ثلاثة``, ``عشرات``):
    a participle-looking word after it is the counted noun (``41 متهمًا``)."""
    if f.kind != "w":
        return False
    if f.norm[:1].isdigit():
        return all(ch.isdigit() or ch in ".,٫٬" for ch in f.norm)
    return f.norm in _CARDINALS


def _dots_inside(sentence: int, i: int, j: int, feats: list[Feat], pred: Predicates) -> bool:
    """``..`` at ``i`` used as a pause inside a clause: the words before it since the
    sentence began have no predicate yet, or an ``أن`` clause still waits for its verb,
    and a verb or a ``و`` word follows (``وهذه التغيرات الاجتماعية ... المعاصر.. ألقت
    بظلالها``, ``والتغير الاجتماعي.. يعد من السّمات``)."""
    while i > sentence and feats[i - 1].kind == "e":
        i -= 1  # the second dot of ".." is read again: start from the first
    dots = [f for f in feats[i:j] if f.kind == "e"]
    if not (len(dots) >= 2 or any(f.text in ("..", "...", "…") for f in dots)):
        return False
    if any(f.text in ("؟", "?", "!") for f in dots):
        return False
    if i > 0 and (feats[i - 1].text in CLOSING or feats[i - 1].text == '"'):
        return False  # "... أن وراءه إيران".. وأنا أقول: the quotation is over
    if sum(f.kind == "w" for f in feats[sentence:i]) < MIN_WORDS:
        return False
    nxt = feats[j]
    if nxt.kind != "w" or not (verbish(nxt.norm) or nxt.norm[:1] == "و"):
        return False
    if _opens_coordinate_clause(j, feats, pred):
        return False  # 59%.. والأحكام تصدر ...: a clause of its own
    if nxt.norm[:1] == "و" and (nxt.norm[1:] in pred.pronoun or nxt.norm in _PERSONAL):
        return False  # ... القرض البنكي.. وهم يقولون: a clause of its own
    return not _main_predicate(sentence, i, feats, pred) or _awaits_predicate(sentence, i, feats)


def _indefinite_accusative(f: Feat) -> bool:
    """An indefinite noun in the accusative (``دورا``, ``بيانا``): a participle in
    ``ا`` right after it agrees with it (``دورا لافتا``) unless a report follows."""
    n = f.norm
    return (
        f.kind == "w"
        and len(n) > 2
        and n.endswith("ا")
        and not n.endswith(("ها", "نا"))  # مصيرها: a pronoun, not the accusative
        and not n.startswith(("ال", "وال"))
        and f.cue is None
        and f.plain
        and not verbish(n)
    )


# a preposition + a pronoun right after a verb points back to the noun before the comma
_RESUMPTIVE = frozenset(
    {"فيه", "فيها", "به", "بها", "عليه", "عليها", "منه", "منها", "عنه", "عنها", "اليه", "اليها"}
)


def _indefinite_relative(k: int, feats: list[Feat], pred: Predicates) -> bool:
    """``، `` + an imperfect at ``k`` right after an indefinite noun or adjective: a
    relative clause describing that noun (``وفقًا لخطة عسكرية، تقضي بوصول قوات
    المقاومة``, ``انتظار حدوث (مفاجأة) سارة، تعيد إلى الكرة السعودية نزاهتها``); a
    perfect too when a pronoun after it points back (``عبر غطاء ناري كثيف، استخدمت فيه
    الميليشيات المدفعية``),
    not a clause of its own. Not after a definite noun, a pronoun suffix, a verb,
    a figure or a particle (``نخبة من الشباب المستقل، يتعدى عددهم``)."""
    if k < 2 or feats[k - 1].kind != "c":
        return False
    m = k - 2
    if m > 0 and feats[m].text in CLOSING:
        m -= 1  # كمرحلة أولى «تجريبية»، تستمر لمدة 6 أشهر
    f, g = feats[k], feats[m]
    if g.norm in ("اخر", "اخري") and m > 0 and feats[m - 1].norm in _OTHER_HEADS:
        return False  # (...) بمعنى آخر، يقامر أوباما: "in other words", an aside
    nxt = feats[k + 1] if k + 1 < len(feats) else None
    resumptive = (  # غطاء ناري كثيف، استخدمت فيه; not ، ونتج عنه (a second fact)
        nxt is not None and nxt.norm in _RESUMPTIVE and f.norm[:1] != "و"
    )
    return (
        f.kind == "w"
        and (f.norm[:1] in ("ي", "ت") or resumptive)
        and f.cue is None
        and f.norm not in _IMPERSONAL  # معسكرات طويلة، يجب أيضا أن: a modal, a new claim
        and verbish(f.norm)
        and not _subject_next(k, feats)  # أسرة منتجة، يقدم المعرض: a new subject
        and g.kind == "w"
        and g.plain
        and g.cue is None
        and len(g.norm) > 2
        and not g.norm.startswith(("ال", "وال"))
        and not g.text.endswith(("ه", "ها", "هم", "هما", "نا", "كم", "ي"))
        and not verbish(g.norm)
        and not _number(g)
        and g.norm not in pred.particles
        and g.norm not in pred.preposition
        and g.norm not in _PERSONAL
    )


def _bare_imperfect(k: int, feats: list[Feat]) -> bool:
    """``، `` + an imperfect with no ``و``/``ف`` at ``k`` and no subject of its own
    right after it: a clause leaning on what came before, not a claim apart. It
    describes a noun further back (``وصلت اليوم ثاني طائرة إلى مطار عدن ... بعد تحريره
    من مليشيات الحوثيين والنظام المخلوع ، تحمل على متنها أكثر من 10 أطنان``, ``جدارية
    ... على مساحة 720 مترا مربعا، بجوار مسجد الملك فيصل، تمثل العمارة التراثية``) or
    is the predicate of a fronted subject (``ولأن المكان ... وربما خارجها، يستحق
    التفاتة``). The length rule does not cut there. A modal (``، يجب أن``) and a verb
    with a definite noun after it (``، يقدم المعرض``: maybe a new subject) still may."""
    if k < 2 or feats[k - 1].kind != "c":
        return False
    if feats[k - 2].norm in ("اخر", "اخري") and k > 2 and feats[k - 3].norm in _OTHER_HEADS:
        return False  # (...) بمعنى آخر، يقامر أوباما: "in other words", a claim follows
    f = feats[k]
    return (
        f.kind == "w"
        and f.norm[:1] in ("ي", "ت")
        and f.cue is None
        and f.norm not in _IMPERSONAL
        and verbish(f.norm)
        and not _subject_next(k, feats)
    )


def _aside_head(k: int, feats: list[Feat], pred: Predicates) -> bool:
    """``خاصة``, ``خصوصا``, ``لا سيما`` ("especially") or "not"/"nor" + a noun or a
    preposition (``لا``/``ولا`` + ``ال...``, ``بـ``, ``لـ``) at ``k``: the rest of the
    clause before, not a claim apart (``التي يسيطر التنظيم على مساحات واسعة منها، لا
    سيما مدينة الفلوجة``, ``خصوصا أن الإدارة المكلفة ...``, ``إتاحة مساحة أوسع لتنوع
    فكري، لا العودة إلى أساليب ...``, ``لا أتحدث باسم رؤساء الأندية، ولا باسم
    نادي المنطقة``). ``لا شك``, ``لا بد``, ``ولا يعني`` (a verb) still open a claim."""
    f = feats[k]
    if f.kind != "w":
        return False
    if f.norm in _ESPECIALLY:  # not before a report of its own (خاصة أن وزير التعليم
        # "د. عزام الدخيل" قال ... إن لمديري الإدارات الصلاحيات: the minister's claim)
        words = [g for g in feats[k + 1 : k + 1 + 2 * FRAME_WORDS] if g.kind == "w"]
        return not any(g.cue is not None for g in words[:FRAME_WORDS])
    if f.norm not in ("لا", "ولا") or k + 1 >= len(feats):
        return False
    g = feats[k + 1]
    n = g.norm
    return g.kind == "w" and (
        n in _ESPECIALLY
        or (n.startswith("ال") and len(n) > 3)
        or n in pred.preposition
        or (n[:1] in ("ب", "ل") and len(n) > 3 and not verbish(n))  # ولا باسم, لا لأنها
    )


def _subject_next(k: int, feats: list[Feat]) -> bool:
    """A definite noun right after the verb at ``k`` (not ``اليوم``, ``الآن``): maybe
    its own subject (``يقدم المعرض فئة جديدة``)."""
    g = feats[k + 1] if k + 1 < len(feats) else None
    return (
        g is not None
        and g.kind == "w"
        and g.norm.startswith("ال")
        and len(g.norm) > 3
        and g.norm not in _TIME_WORDS
    )


def _list_item(k: int, j: int, feats: list[Feat], pred: Predicates) -> bool:
    """``ثم`` + a quote or a preposition, or ``إضافة إلى`` + a noun, at ``k``: the
    next item of a list or sequence (``بمكرر بلغ 15.17 مرة، ثم «بروج» بمكرر ...``,
    ``ستبقى وفية لعهدها مع الله، ثم مع المسلمين``, ``مخالفات تصل إلى 10.000 ريال،
    إضافة إلى أي مبالغ أخرى``), not a clause; not ``ثم`` + a verb (``، ثم تبيع
    التسجيلات``) nor ``إضافة إلى أن`` + a clause."""
    words = [m for m in range(k, min(j, k + 5)) if feats[m].kind == "w"]
    if not words:
        return False
    head = feats[words[0]].norm
    if head == "ثم":  # only before a quote or a preposition: ثم + a bare word may be a
        # verb the lexicon does not know (ثم ألقى رئيس المجموعة كلمة, ثم مدّ الرجل يده)
        nxt = feats[words[0] + 1] if words[0] + 1 < j else None
        return nxt is not None and (
            (nxt.kind == "q" and nxt.text in OPENING)
            or (
                nxt.kind == "w"
                and (nxt.norm in pred.preposition or nxt.norm.startswith(("بال", "لل", "كال")))
            )
        )
    if head in ("اضافه", "بالاضافه", "واضافه") and len(words) > 1:
        if feats[words[1]].norm not in ("الي", "ل"):
            return False
        rest = words[2:]
    else:
        return False
    if not rest:
        return False
    g = feats[rest[0]]
    return (
        g.norm not in ("ذلك", "هذا", "هذه", "ما")  # إضافة إلى ذلك فإن ...: "moreover", a claim
        and g.cue is None
        and "complementizer" not in g.roles
        and not verbish(g.norm)
        and g.norm not in pred.particles
        and g.norm not in _PERSONAL
    )


def _awaits_kana(i: int, k: int, feats: list[Feat]) -> bool:
    """Tokens ``[i, k)`` open with ``كان`` and its subject, and the verb at ``k`` is
    its predicate (``وكانت مصادر عسكرية موالية للرئيس ...، قالت في وقت سابق``)."""
    first = next((m for m in range(i, k) if feats[m].kind == "w"), None)
    if first is None or feats[first].norm.removeprefix("و") not in _BACKGROUND:
        return False
    f = feats[k]
    if f.kind != "w" or not (f.cue is not None or verbish(f.norm)) or f.norm[:1] == "و":
        return False
    return not any(
        g.kind == "w" and (g.cue is not None or verbish(g.norm) or "complementizer" in g.roles)
        for g in feats[first + 1 : k]
    )


def _reports_next(i: int, feats: list[Feat]) -> bool:
    """The participle at ``i`` is followed by what a report opens with (``إلى أن``,
    ``أن``, ``بأن``, a colon or a quote): ``... 500 مشيرا إلى أن`` still reports."""
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    if nxt is None or nxt.kind in (":", "q"):
        return True
    return nxt.kind == "w" and (
        nxt.norm in ("الي", "ان", "بان", "انه", "انها", "علي") or "complementizer" in nxt.roles
    )


def _predicate_token(f: Feat) -> bool:
    """A verb, a verbal particle, a reporting cue, a complementizer or a personal pronoun."""
    return f.kind == "w" and (
        f.cue is not None or "complementizer" in f.roles or f.norm in _PERSONAL or verbish(f.norm)
    )


def _predicate_flags(feats: list[Feat], lex: Lexicon) -> list[bool]:
    """:func:`_predicate_token` of each token, cached by token string."""
    cache: dict[str, bool] = lex.memo.setdefault("predicate_token", {})
    if len(cache) > 1_000_000:
        cache.clear()
    out = []
    for f in feats:
        hit = cache.get(f.text)
        if hit is None:
            hit = cache[f.text] = _predicate_token(f)
        out.append(hit)
    return out


def _has_predicate(seg: Segment, feats: list[Feat], pred: Predicates) -> bool:
    """A verb, a verbal particle, a reporting cue or a complementizer in the segment."""
    for k in range(seg.i, seg.j):
        f = feats[k]
        if f.kind != "w":
            continue
        if f.cue is not None or "complementizer" in f.roles or verbish(f.norm):
            return True
        if f.norm in _PERSONAL or (k == seg.i and f.norm[1:] in pred.pronoun and f.norm[0] == "و"):
            return True  # نحن نشهد / ، وهو ما يعني / وهي من ...: a clause
    return False


def _head_has_predicate(
    i: int, j: int, feats: list[Feat], pred: Predicates, *, adverbial: bool = True
) -> bool:
    """The clause that opens tokens ``[i, j)`` has a predicate of its own.

    A piece that opens with a bare preposition (``، من دعم ورعاية ...``) is a
    complement of the clause before. The clause ends at the first comma, relative
    pronoun or subordinator: in
    ``وذلك بعد أن أطلقت ...`` or ``وذلك ضمن برنامج التدريب، الذي تعتمده ...``
    the verbs belong to a subordinate clause, and the piece is an adverbial. After
    a contrastive connective the clause may be nominal (``لكن تلوثها أصعب``).

    With ``adverbial=False`` (after ``، لذلك``) a first word such as
    ``باستطاعة`` is the clause's own predicate phrase, not an adverbial of the
    clause before.
    """
    if i + 2 < j and feats[i].norm == "في" and feats[i + 1].norm == "حين":
        # ، في حين هوت الأسهم 69 بالمئة: "whereas", a contrast with a clause of its own
        return _head_has_predicate(i + 2, j, feats, pred, adverbial=adverbial)
    for k in range(i, j):
        f = feats[k]
        if f.kind in ("c", "e", ":"):
            return False
        if f.kind != "w":
            continue
        nxt = feats[k + 1].norm if k + 1 < j else ""
        if k == i and ("relative" in f.roles or f.norm[1:] in _RELATIVE_STEMS):
            return False  # ، والذي ...: a relative clause of the noun before
        if k == i and (f.norm in _RESULT or f.norm in _WHATEVER):
            return False  # ، بحيث تكون الهيئة ... / ، أيا كانت مواطنهم: of the clause before
        if (
            k == i
            and f.norm == "وذلك"
            and k + 1 < j
            and feats[k + 1].kind == "w"
            and feats[k + 1].norm not in pred.purpose  # وذلك بهدف ...: a purpose of its own
            and _adverbial_opener(feats[k + 1], "", pred)
        ):
            return False  # وذلك بإصدار قوانين تجرّم ...: how, an adverbial of the clause before
        if (f.norm,) in pred.adjunct or (f.norm, nxt) in pred.adjunct:
            return False  # بعد أن ...: a time clause of the clause before
        if k == i and f.norm in pred.preposition and (f.norm, nxt) not in pred.subordinator:
            return False  # لما توليه الحكومة، | من دعم ورعاية: a complement of the clause before
        if adverbial and k == i and _adverbial_opener(f, nxt, pred):
            return False  # أزمة ...، | بسبب تظلم ناديه / | بقيمة تعويضية بلغت: an adverbial
        if (
            k <= i + 1
            and f.norm in pred.contrast
            and nxt
            and nxt not in pred.preposition
            and nxt[:1] not in ("ب", "ل", "ك")  # لكن بالاسم فقط: an adverbial
        ):
            return True
        if k > i and (
            "relative" in f.roles
            or f.norm[1:] in _RELATIVE_STEMS
            or (f.norm,) in pred.subordinator
            or (
                k + 1 < j
                and f.norm in pred.subordinator_heads
                and (f.norm, feats[k + 1].norm) in pred.subordinator
            )
        ):
            return False
        if f.cue is not None and f.cue.ambiguous and f.norm in pred.preposition:
            continue  # وذلك ضمن التعاون بين برلين والرياض: بين "between", not بيّن
        if f.cue is not None or "complementizer" in f.roles or f.norm in _PERSONAL:
            return True
        if verbish(f.norm) or (k == i and f.norm[:1] == "و" and f.norm[1:] in pred.pronoun):
            return True
    return False


def _adverbial_opener(f: Feat, nxt: str, pred: Predicates) -> bool:
    """A word that opens an adverbial of the clause before, not a clause.

    A reason or purpose noun not followed by ``أن``/``ما`` (``بسبب تظلم ناديه``,
    ``نظرا لارتفاع``), or a noun with the preposition ``بـ``/``لـ`` (``بقيمة
    تعويضية``, ``بمشاركة``, ``لملاك العقارات``); not a verb (``ليصبح``), a
    connective (``لذلك``, ``لكن``, ``بينما``) or a subordinator (``لأن``).
    """
    norm = f.norm
    if norm in pred.purpose and nxt not in ("ان", "ما") and (norm,) not in pred.subordinator:
        return True
    if norm in _TIME_PREPOSITIONS and nxt and nxt not in _TIME_CLAUSE:
        return True  # ...، | بعد تلقيهم العناية الصحية: when, not a clause (not بعد ذلك قال)
    return (
        norm[:1] in ("ب", "ل")
        and len(norm) > 3
        and not norm.startswith(("بين", "لكن", "لذ", "لان", "لما", "لو", "لقد", "لعل", "لدي"))
        and norm not in _B_L_NAMES
        and f.cue is None
        and not verbish(norm)
        and (norm,) not in pred.subordinator
        and norm not in pred.subordinator_heads
        and norm not in pred.contrast
        and norm not in pred.consequence
        and norm not in pred.particles
        and norm not in pred.preposition
        and norm[1:] not in pred.pronoun
    )


def _main_predicate(i: int, k: int, feats: list[Feat], pred: Predicates) -> bool:
    """Tokens ``[i, k)`` hold a predicate outside a relative clause: ``مثل هذه
    الممارسات التي ارتكبها المدير والتي تسيء لسمعتنا | وقد تسيء ...`` is still a
    subject waiting for its verb."""
    for m in range(i, k):
        f = feats[m]
        if f.kind != "w":
            continue
        if (
            f.cue is not None
            or "complementizer" in f.roles
            or verbish(f.norm)
            or f.norm in _PERSONAL
        ):
            if not _in_relative(m, i, feats):
                return True
        elif m == i and f.norm[:1] == "و" and f.norm[1:] in pred.pronoun:
            return True
    return False


def _reported(i: int, k: int, feats: list[Feat]) -> bool:
    """Tokens ``[i, k)`` hold a reporting verb or an ``أن`` clause: a clause after
    ``، و`` may still be reported content (``أعلن لافروف أن الجانبين أكدا ...،
    وأعلنا ...``), so it is not cut off from its speaker."""
    return any(f.cue is not None or "complementizer" in f.roles for f in feats[i:k])


def _reported_that(i: int, k: int, feats: list[Feat]) -> bool:
    """:func:`_reported`, but ``أنْ`` + a verb ("to": ``بعد أن لعب``, ``يمكن أن
    تتحرك``) reports nothing."""
    return any(
        f.cue is not None
        or (
            "complementizer" in f.roles
            and not _infinitive(m, feats)
            and not (  # بعد أن لعب: "after", whatever the verb
                f.norm == "ان" and m > i and feats[m - 1].norm.removeprefix("و") in _TIME_AFTER
            )
        )
        for m, f in enumerate(feats[i:k], start=i)
    )


def _direct_subject(m: int, feats: list[Feat], starts_phrase: Callable[[int], bool]) -> bool:
    """The word at ``m`` is a definite noun or a known name: the subject of the verb
    before it (``، وحاول الأهلي بيع عقده``), not the first noun of a construct
    (``، ووقع حوافر الخيل``: maybe a list of nouns)."""
    return m < len(feats) and (
        (feats[m].norm.startswith("ال") and len(feats[m].norm) > 3) or starts_phrase(m)
    )


def _reported_content(i: int, k: int, feats: list[Feat]) -> bool:
    """:func:`_reported`, but an ``إنّ`` opening the sentence (``إن تلك الأعراض
    ...``), ``كما أن`` ("moreover") and ``أنْ`` + a verb ("to": ``يمكن للأموال أن
    تتحرك``) report nothing: the narrator's own clause."""
    first = next((m for m in range(i, k) if feats[m].kind == "w"), k)
    to = not _goes_on_infinitive(k, feats) and not (  # بعد أن أنهت ...، ولم يتبق ...، اقتربت:
        first + 1 < k and feats[first].norm.removeprefix("و") in _TIME_PREPOSITIONS
    )  # a fronted time clause still waits for its main clause
    return any(
        f.cue is not None
        or (
            "complementizer" in f.roles
            and m != first
            and not (m > i and feats[m - 1].norm == "كما")
            and not (to and _infinitive(m, feats))
        )
        for m, f in enumerate(feats[i:k], start=i)
    )


def _infinitive_that(k: int, feats: list[Feat]) -> bool:
    """``وأنْ`` + a verb at ``k``: the next "to" of a list of wishes or aims
    (``سائلين المولى أن يتغمد الشهداء ... وأن يمن على المصابين``), no claim of
    its own (:func:`_bare_continues` keeps it in the main loop)."""
    nxt = feats[k + 1] if k + 1 < len(feats) else None
    return nxt is not None and nxt.kind == "w" and _subjunctive(nxt.norm)  # not وإن كان


def _goes_on_infinitive(k: int, feats: list[Feat]) -> bool:
    """``و`` + an imperfect at ``k``: after ``أنْ`` + a verb it is the next verb of
    that "to" (``من الحكمة أن يركز الرجال ...، ويتركوا الآسيوية الثانية``)."""
    if k >= len(feats):
        return False
    norm = feats[k].norm
    return norm[:1] == "و" and _subjunctive(norm[1:]) and verbish(norm)


def _first_to(i: int, k: int, feats: list[Feat]) -> bool:
    """The nearest ``أن`` before ``k`` in ``[i, k)`` is ``أنْ`` + a verb of the
    main clause (``سائلا الله أن يتقبلهم ...``), so ``وأن`` + a verb at ``k`` is
    its next item. Not one inside a relative clause (``العملية السياسية التي يجب
    أن تكون سورية سورية شاملة | وأن تؤدي إلى الوفاق``, seeds gold: a long relative
    clause stays cuttable there)."""
    for m in range(k - 1, i - 1, -1):
        if "complementizer" not in feats[m].roles:
            continue
        if not (_infinitive(m, feats) or (feats[m].norm == "وان" and _infinitive_that(m, feats))):
            return False
        return not any(_relative(g) for g in feats[max(i, m - 3) : m])
    return False


def _infinitive(m: int, feats: list[Feat]) -> bool:
    """``أنْ`` + a verb at ``m`` (``يمكن أن تتحرك``, ``يجب أن نحترم``): "to", a
    verbal noun of the clause, not an ``أنّ`` clause of reported content."""
    nxt = feats[m + 1] if m + 1 < len(feats) else None
    return feats[m].norm == "ان" and nxt is not None and nxt.kind == "w" and verbish(nxt.norm)


def _purpose(seg: Segment, feats: list[Feat], pred: Predicates) -> bool:
    """``وذلك بهدف ...``, ``وذلك بسبب ...``: a purpose or reason, with content of its own."""
    ws = [f.norm for f in feats[seg.i : min(seg.j, seg.i + 3)] if f.kind == "w"]
    return len(ws) >= 2 and ws[1] in pred.purpose


def _opens_coordinate_clause(i: int, feats: list[Feat], pred: Predicates) -> bool:
    """``، و`` + a clause of its own: a verbal particle and its verb, or a new
    definite subject and its verb (``، وقد كان في استقبالهم``, ``، والبياوي يواصل``).

    Not ``، و`` + a verb alone: it mostly goes on with the same subject
    (``خلت المواقع ...، وبدت خالية``), or lists figures of one report (``ارتفاع
    أسهم 35 شركة، وظلت أسهم 19 شركة``). Not ``، ولا`` (``لا ... ولا``:
    coordination), nor ``، والتي`` (a relative).
    """
    f = feats[i]
    if f.norm[:1] != "و" or len(f.norm) < 3 or f.cue is not None:
        return False
    stem = f.norm[1:]
    if stem in _RELATIVE_STEMS or stem in ("لا", "ما"):
        return False
    if stem == "ليس" and any(_infinitive(m, feats) for m in range(max(0, i - 12), i)):
        return False  # على القادة أن يعيشوا هذا المبدأ، وليس فقط أن يتحدثوا عنه: "not only"
    if _as_if(f):
        return False  # غريب أن يصل ...، وكأن الشرق الأوسط بلا ذاكرة: "as if", an aside
    if stem in pred.particles or stem in _BACKGROUND:
        return True
    n = len(feats)
    nxt = feats[i + 1] if i + 1 < n else None
    if nxt is None or nxt.kind != "w":
        return False
    if stem == "ربما":  # ، وربما تفشل عودتهما إلى ناديهما: "and maybe" + a verb, a claim of its own
        return nxt.norm[:1] != "و" and verbish(nxt.norm)
    if stem.startswith("ال") and len(stem) > 3:
        # والحلم لا العجز والصبر لا الخور: "not" between nouns, no verb
        return (
            nxt.norm[:1] != "و"
            and verbish(nxt.norm)
            and nxt.norm not in _NOT_VERBS
            and (nxt.norm not in ("لا", "ما") or (i + 2 < n and verbish(feats[i + 2].norm)))
        )
    # ، وأرض الواقع تؤكد ذلك: a noun and its definite genitive (idafa), then a verb
    return (
        i + 2 < n
        and len(stem) >= 3
        and stem[:1] not in ("ب", "ل", "ك")
        and not verbish(f.norm)
        and stem not in pred.preposition
        and stem not in pred.pronoun
        and stem not in pred.title
        and stem not in _DEMONSTRATIVE  # وأولئك الذين يحاولون: a relative, no new subject
        and stem[:1] != "ي"  # ويعطينا الدنيا بلا معنى: a verb with a suffix, not a noun
        and feats[i + 2].norm not in _NOT_VERBS
        and nxt.norm.startswith("ال")
        and len(nxt.norm) > 3
        and not _relative(nxt)
        and feats[i + 2].norm not in _given_names()  # ، ومدافع التعاون ياسين حمزة: a list
        and feats[i + 2].kind == "w"
        and feats[i + 2].norm[:1] != "و"
        and feats[i + 2].norm not in ("لا", "ما")
        and verbish(feats[i + 2].norm)
    )


def _as_if(f: Feat) -> bool:
    """``وكأن``/``وكأنه`` ("as if"), which normalization turns into ``وكان``."""
    return "كأن" in f.text.translate(_NO_MARKS)[:5]


_NO_MARKS = str.maketrans("", "", _DIACRITICS)


def _particle_clause(f: Feat, pred: Predicates) -> bool:
    """``وكان``, ``وقد``, ``ولم``: a clause of its own, never the predicate of an
    ``أن`` clause before it (``إن تلك الأعراض نتيجة لضعف العظام ...، وكان يمكن
    تجنب ...``)."""
    return (
        f.norm[:1] == "و"
        and (f.norm[1:] in _CLAUSE_PARTICLES or f.norm[1:] in _BACKGROUND)
        and not _as_if(f)
    )


# و + these opens a clause of its own (not ليس/لا: وليس اليأس منفردا is coordination)
_CLAUSE_PARTICLES = frozenset({"قد", "لقد", "لم", "لن", "سوف", "تم", "يتم", "سيتم"})


def _opens_verb_clause(
    i: int, feats: list[Feat], pred: Predicates, starts_phrase: Callable[[int], bool]
) -> bool:
    """``، و`` + a verb + its own subject: a second fact (``، ووصفه البعض بلونه
    الأزرق``, ``، واختتم المصدر تصريحه``, ``، وتوفي الجنود الثلاثة``).

    The verb must be followed by a definite noun or a known name (the subject of
    a verb-first clause) and by at least ``CLAUSE_WORDS`` words before the next
    comma or end, so ``، وبدت خالية`` (same subject, a predicate adjective) and
    ``، وظلت أسهم 19 شركة`` (an indefinite subject listing figures of one report)
    go on. Not a verbal particle (``، وقد``: :func:`_opens_coordinate_clause`), not
    ``، ولا`` (``لا ... ولا``).
    """
    f = feats[i]
    if f.norm[:1] != "و" or len(f.norm) < 4 or f.prefixed:
        return False
    stem = f.norm[1:]
    if stem in pred.particles or stem in _BACKGROUND or stem in pred.not_verb:
        return False
    if stem[:1] == "ل":
        return False  # ، ولتبصر المبادئ: a second purpose of the verb before
    if not verbish(f.norm) or (f.norm in pred.verbs and stem not in pred.verbs):
        return False  # وقع، وصل: a verb of its own, not و + a verb
    n = len(feats)
    nxt = i + 1
    if nxt >= n or feats[nxt].kind != "w":
        return False
    g = feats[nxt]
    after = feats[nxt + 1] if nxt + 1 < n else None
    subject = (
        (g.norm.startswith("ال") and len(g.norm) > 3)
        or starts_phrase(nxt)
        or (  # ، ومنحت إدارة الفريق اللاعبين: a noun + a definite noun (idafa)
            after is not None
            and after.kind == "w"
            and after.norm.startswith("ال")
            and (g.norm[:1] not in ("ب", "ل", "ك") or g.norm in _B_L_NAMES)  # ، وقال بحضور
            and g.norm not in pred.preposition
            and g.norm not in pred.particles
            and g.cue is None
            and not verbish(g.norm)
        )
    )
    if not subject or g.norm in pred.title:
        return False
    run = 0
    for h in feats[i:]:
        if h.kind in ("c", "e", ":"):
            break
        run += h.kind == "w"
    return run >= CLAUSE_WORDS


def _adverbial_clause(i: int, feats: list[Feat], pred: Predicates) -> bool:
    """``، و`` + a fronted phrase + a verb: a clause of its own whose adverbial comes
    first (``، وفي المساء أعلنت الشرطة القبض عليه``, ``، وبإجراء الفحص على الأمتعة
    عثر على ...``, ``، وبتفتيش السائق عثر على مبلغ``).

    The phrase opens with a preposition (``وفي``, ``وخلال``, ``ومن``) or ``بـ`` + a
    noun, and a verb outside a relative clause (also not right after an indefinite noun:
    ``، وبمعدل نمو بلغ 21 %``) follows within ``FRONT_WORDS`` words
    with no comma between; ``، وفي مقدمتهم الأمير ...`` (no verb) and ``، وفي مجال
    النقل الذي يشهد ...`` (a relative) go on with the clause before."""
    f = feats[i]
    if f.norm[:1] != "و" or len(f.norm) < 3 or f.cue is not None or verbish(f.norm):
        return False
    stem = f.norm[1:]
    if f.norm in _ESPECIALLY or stem in _ESPECIALLY:
        return False  # ، وبخاصة بعد اجتماع ...: "especially", an aside
    if not (
        stem in pred.preposition
        or (stem[:1] == "ب" and len(stem) >= 5 and stem[1:3] != "ال" and not verbish(stem))
    ):
        return False
    for words, m in enumerate(range(i + 1, min(len(feats), i + 1 + FRONT_WORDS)), start=1):
        g = feats[m]
        if g.kind != "w":
            return False  # a comma, a quote or an end before any verb: a list item
        if g.norm in _NOT_VERBS or "complementizer" in g.roles:
            return False  # ، وبعد أن / وبدون: a subordinate clause or an exception
        if (g.norm[:1] == "و" and len(g.norm) > 2) or g.norm in _LINK_PRONOUNS:
            return False  # ، وفي خط الدفاع فيليب لام والإسباني ... / 3 لاعبين هم: a list
        if (verbish(g.norm) or g.cue is not None) and g.norm not in _given_names():
            if words == 1 or _in_relative(m, i + 1, feats) or _after_indefinite(m, feats, pred):
                return False  # ، ومن يريد ("whoever") / وفي مجال ... الذي يشهد
            run = sum(h.kind == "w" for h in feats[m : _clause_end(m, feats)])
            return run >= CLAUSE_WORDS - 1
    return False


def _after_indefinite(m: int, feats: list[Feat], pred: Predicates) -> bool:
    """The verb at ``m`` follows an indefinite noun or adjective: a relative clause of it
    (``، وبمعدل نمو بلغ 21 %``, ``، وبقيمة إجمالية قدرت بأكثر من``), not a main clause."""
    g = feats[m - 1]
    return (
        g.kind == "w"
        and len(g.norm) > 2
        and not g.norm.startswith(("ال", "وال"))
        and not g.text.endswith(("ه", "ها", "هم", "هما", "نا", "كم"))
        and not verbish(g.norm)
        and not _number(g)
        and g.norm not in pred.particles
        and g.norm not in pred.preposition
        and g.norm not in pred.pronoun
        and g.norm not in _DEMONSTRATIVE
        and g.norm not in _PERSONAL
    )


def _clause_end(m: int, feats: list[Feat]) -> int:
    """The first comma, sentence end or colon at or after ``m``."""
    for k in range(m, len(feats)):
        if feats[k].kind in ("c", "e", ":"):
            return k
    return len(feats)


def _quote_closed(i: int, k: int, feats: list[Feat]) -> bool:
    """Tokens ``[i, k)`` end with a closed quotation and a comma (``مؤكدين "..."،``):
    the reported content is over, so a clause after it is the narrator's."""
    return k - 2 > i and feats[k - 1].kind == "c" and feats[k - 2].text in CLOSING + '"'


def _has_content(seg: Segment, feats: list[Feat]) -> bool:
    """Reported content after the cue: a complementizer, a quote or a colon; a name
    in quote marks is no content (``وأوضح سكينر، الرئيس الحالي ... في شركة «صوفان
    غروب» الخاصة ...،`` still waits for its ``قائلا: «...»``)."""
    m = seg.i
    while m < seg.j:
        f = feats[m]
        if f.kind == ":" or "complementizer" in f.roles:
            return True
        if f.kind == "q":
            c = next(
                (
                    x
                    for x in range(m + 1, min(seg.j, m + SPEECH_QUOTE_WORDS + 1))
                    if feats[x].kind == "q"
                ),
                None,
            )
            if c is None or _label_quote(seg.i, c, feats) != m:
                return True
            m = c
        m += 1
    return False


def _merge_fragments(
    segs: list[Segment], feats: list[Feat], words: list[int], lex: Lexicon, pred: Predicates
) -> list[Segment]:
    """Attach pieces that are not claims of their own to their neighbour.

    - a piece opened by a connective whose first clause has no predicate
      (``، ثم قصيدة للشاعر``, ``وذلك بمقر الجمعية``, ``وذلك بعد أن أطلقت ...``,
      ``وذلك ضمن برنامج التدريب، الذي ...``) goes back to the clause it belongs to,
      except a long purpose or reason with no verb (``وذلك بهدف تنفيذ أهدافها ...``);
    - ``كما قال الوزير`` with nothing reported after it is an "as X said" aside,
      and ``، كما هو الحال في ...`` an "as is the case" comparison;
    - a reporting frame with no content (``وأوضح رئيس اللجنة فلان،``) joins the
      ``قائلا: ...`` that carries its content, and a short clause with no content
      (``وعلق فلان على هذه الاتهامات``) the ``فأشار إلى أن ...`` that goes on with
      its subject.
    """
    out: list[Segment] = []
    for seg in segs:
        prev = out[-1] if out else None
        if prev is not None:
            if (
                seg.how == "connective"
                and not _head_has_predicate(seg.i, seg.j, feats, pred)
                and (
                    words[seg.j] - words[seg.i] <= FRAGMENT_WORDS
                    or _has_predicate(seg, feats, pred)
                    or not _purpose(seg, feats, pred)
                )
            ):
                prev.j = seg.j
                continue
            if seg.how in ("connective", "clause") and _list_item(seg.i, seg.j, feats, pred):
                prev.j = seg.j  # ، ثم مرحلة تدريس العقال: the next step of a list
                continue
            if (
                seg.how == "connective"
                and feats[seg.i].norm == "وذلك"
                and seg.i + 1 < seg.j
                and feats[seg.i + 1].norm in _ACCORDING
            ):
                prev.j = seg.j  # ، وذلك حسبما أفاد أعضاء بالحزب: the source of the claim
                continue
            if (
                seg.how == "connective"
                and feats[seg.i].norm == "كما"
                and seg.i + 1 < seg.j
                and feats[seg.i + 1].norm in ("هو", "هي", "هم")
            ):
                prev.j = seg.j  # ، كما هو الحال في ...: "as is the case", a comparison
                continue
            if (
                seg.how in ("finite", "connective")
                and feats[seg.i].norm == "كما"
                and seg.i + 1 < seg.j
                and feats[seg.i + 1].cue is not None
                and words[seg.j] - words[seg.i] <= FRAME_WORDS
                and not _has_content(seg, feats)
            ):
                prev.j = seg.j
                continue
            if (
                seg.how == "finite"
                and feats[seg.i].prefixed
                and feats[seg.i].norm[:1] == "ف"
                and _reports_next(seg.i, feats)
                and words[prev.j] - words[prev.i] <= FRAME_CLAUSE_WORDS
                and not _has_content(prev, feats)
            ):
                prev.j = seg.j  # وعلق فلان على الاتهامات فأشار إلى أن ...: one report
                continue
            if (
                seg.how == "sentence"
                and (feats[seg.i - 1].text in ("..", "...", "…") or feats[seg.i - 2].kind == "e")
                and feats[seg.i].norm in _BARE_THAT
                and any(
                    f.cue is not None and f.cue.kind == "finite" for f in feats[prev.i : prev.j]
                )
                and not _has_content(prev, feats)
            ):
                prev.j = seg.j  # قال السيد إيمرسون (المحامي ...).. إنه هجوم نووي: one report
                continue
            if (
                seg.how == "participle"
                and feats[seg.i].norm in _SAYING
                and any(f.cue is not None for f in feats[prev.i : prev.j])
                and not _has_content(prev, feats)
            ):
                prev.j = seg.j
                continue
        out.append(seg)
    return out


def _headline_clauses(
    segs: list[Segment], feats: list[Feat], words: list[int], pred: Predicates
) -> list[Segment]:
    """Headline pieces: labels join their neighbour, two clauses split at ``و`` + verb.

    A short last piece opened by ``و`` is an elliptic second claim (``أمر ملكي
    بترقية 100 قاضٍ بوزارة العدل.. و25 بديوان المظالم``) and stays apart.

    ``تركيا و«داعش».. نهاية شهر العسل`` and ``حالة عدم استقرار تضرب طقس المملكة ..
    منتصف الأسبوع القادم`` stay one statement; ``البحرين تستدعي سفيرها في إيران
    للتشاور وتطلب ...`` and ``الراشد يغادر معسكر الفتح والبياوي يواصل بحصتين``
    become two.
    """

    def label(seg: Segment) -> bool:
        return words[seg.j] - words[seg.i] <= HEADLINE_FRAGMENT_WORDS and not _has_predicate(
            seg, feats, pred
        )

    merged: list[Segment] = []
    for seg in segs:
        prev = merged[-1] if merged else None
        if prev is not None and (label(prev) or (label(seg) and feats[seg.i].norm[:1] != "و")):
            prev.j = seg.j
            continue
        merged.append(seg)
    out: list[Segment] = []
    for seg in merged:
        start = seg.i
        seen_verb = False
        for k in range(seg.i, seg.j):
            f = feats[k]
            if f.kind != "w":
                continue
            if (
                k > start
                and seen_verb
                and f.norm[:1] == "و"
                and f.cue is None
                and (
                    (verbish(f.norm) and words[k] - words[start] > HEADLINE_FRAGMENT_WORDS)
                    or (
                        not verbish(f.norm)
                        and _opens_coordinate_clause(k, feats, pred)
                        and words[k] - words[start] >= MIN_WORDS
                    )
                )
                and words[seg.j] - words[k] >= MIN_WORDS
            ):
                out.append(Segment(start, k, seg.how if start == seg.i else "clause"))
                start, seen_verb = k, False
            if verbish(f.norm) or f.cue is not None:
                seen_verb = True
        out.append(Segment(start, seg.j, seg.how if start == seg.i else "clause"))
    return out


def _adjective(i: int, feats: list[Feat]) -> bool:
    """A feminine participle right after an indefinite feminine noun agrees with it.

    ``تخضع لمراقبة مشددة`` is "strict monitoring" (``إجراءات مشددة``: a plural of
    things agrees in the feminine singular); ``الوزارة، مشيرة إلى`` and
    ``الوزيرة مشيرة`` (a definite noun) keep the reporting reading. After any
    other indefinite noun (a broken plural: ``فرضت فيه قيود مشددة في محيط
    المسجد``) it is an adjective too unless what a report takes follows it
    (``في بيان مشيرة إلى``, ``مؤكدة أن``, a quote or a colon).
    """
    prev, f = feats[i - 1], feats[i]
    if not (
        prev.kind == "w"
        and f.norm.endswith("ه")
        and not prev.norm.lstrip("وفبلك").startswith("ال")
        and prev.cue is None
        and not verbish(prev.norm)
    ):
        return False
    if prev.norm.endswith(("ه", "ات")):  # إجراءات مشددة: a plural takes it too
        return True
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    return (
        prev.plain
        and len(prev.norm) >= 3
        and not prev.norm.endswith(_OWNER_SUFFIXES)  # في تصريح له مشيرة: "his"
        and prev.norm not in _PERSONAL
        and nxt is not None
        and nxt.kind == "w"
        and nxt.norm not in _REPORT_NEXT
        and "complementizer" not in nxt.roles
    )


# what a reporting participle takes next: ``مشيرة إلى``, ``مشددة على``, ``معلنة عن``
_REPORT_NEXT = frozenset({"الي", "علي", "عن", "ان", "بان", "انه", "انها", "بانه", "بانها"})
_AGAIN = frozenset({"مجددا", "مجدده"})  # "again" as often as "renewing (his call)"
# a preposition after an ambiguous participle: مجددا عبر "again through", not a report
_ADVERBIAL_NEXT = frozenset({"في", "عبر", "من", "مع", "بين", "حول", "ضمن", "نحو", "لدي"})


def _participle_used(i: int, feats: list[Feat]) -> bool:
    """An ambiguous participle (مجددا "again") used as a reporting cue.

    Not right after a verb (``وسيحاول مجددا``: "will try again"), nor right before
    one (``وخوفا من اعتقاله مجددا قرر الوصول``: "again, he decided"): a reporting
    participle takes a noun or ``أن``, never a finite verb.
    """
    nxt = feats[i + 1] if i + 1 < len(feats) else None
    prev = feats[i - 1] if i else None
    if prev is not None and prev.kind == "w" and prev.cue is None and verbish(prev.norm):
        return False
    if nxt is not None and nxt.kind == "w" and nxt.norm in _ADVERBIAL_NEXT:
        return False  # ونجح في التقدم مجددا عبر مامادو: "again", the clause goes on
    if (
        feats[i].norm in _AGAIN
        and nxt is not None
        and nxt.kind == "w"
        and nxt.norm[:1] == "ل"
        and nxt.norm not in ("لا", "لم", "لن")
    ):
        return False  # ثم تدخل الحظ مجددا للوقوف إلى جانب الفريق: "renewing" takes an object
    if (
        nxt is not None
        and nxt.kind == "w"
        and nxt.cue is None
        and "complementizer" not in nxt.roles
        and verbish(nxt.norm)
    ):
        return False
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


def _merge_small(
    segs: list[Segment], words: list[int], feats: list[Feat] | None = None
) -> list[Segment]:
    """Merge pieces of fewer than MIN_WORDS words into a neighbour: the one before,
    except a short frame ending in a colon (``. وتضيف: «...»``) or followed by a
    participle of saying (``. وأوضح الربيعي قائلا: «...»``), which goes with the
    content it opens."""

    def count(seg: Segment) -> int:
        return words[seg.j] - words[seg.i]

    out: list[Segment] = []
    for k, seg in enumerate(segs):
        small = count(seg) < MIN_WORDS
        if (
            out
            and small
            and feats is not None
            and k + 1 < len(segs)
            and (
                _opens_content(seg, feats)
                # «. وأوضح الربيعي | قائلا: «...»»: the frame goes with the participle
                # that carries its words, not with the sentence before
                or (segs[k + 1].how == "participle" and feats[segs[k + 1].i].norm in _SAYING)
            )
            and seg.how == "sentence"
            and feats[seg.i].cue is not None
        ):
            out.append(seg)  # joined by the next piece (below), not the one before
            continue
        if out and (small or (count(out[-1]) < MIN_WORDS and out[-1].how != "start")):
            out[-1].j = seg.j
        else:
            out.append(seg)
    if len(out) > 1 and count(out[0]) < MIN_WORDS:
        out[1].i, out[1].how = out[0].i, out[0].how
        out.pop(0)
    return out


def _opens_content(seg: Segment, feats: list[Feat]) -> bool:
    """The piece ends in a colon, with or without an opening quote (``وتضيف: «``)."""
    last = seg.j - 1
    if feats[last].kind == "q" and feats[last].text in OPENING and last > seg.i:
        last -= 1
    return feats[last].kind == ":"


def _split_long(
    seg: Segment,
    starts: list[int],
    ends: list[int],
    feats: list[Feat],
    max_chars: int,
    lex: Lexicon,
    pred: Predicates,
) -> list[Segment]:
    """Cut a segment longer than ``max_chars`` where a new clause opens.

    Candidates, best first: a comma (or ``؛``) before a clause opener (a verb,
    a connective, a complementizer, a subordinator such as ``حيث``, ``و`` + a
    pronoun); a clause opener with ``و``/``ف`` and no comma, but not ``ولا``,
    ``وليس``, ``وبين`` (``لن نقبل بولاية الفقيه | ولا بحزب``, ``فالنقد يكون للعمل |
    وليس للأشخاص``: the clause goes on); a comma with a
    predicate on both sides, unless ``و`` + a noun follows it (``، وما قام به
    المركز``, ``، وحشد الدعم``: the next item of a list). Only a segment longer
    than ``HARD_LIMIT * max_chars`` (a pasted blob) is also cut at any comma,
    ``و`` or word (nearest the middle).
    So an overlong sentence is not cut inside a list (``، وعدن، والضالع``), a
    name chain or a coordinated noun phrase (``خياطة وصناعة الدمية``).
    """
    if ends[seg.j - 1] - starts[seg.i] <= max_chars:
        return [seg]
    huge = next((k for k in range(seg.i, seg.j) if ends[k] - starts[k] > max_chars), None)
    if huge is not None:  # a "word" longer than a statement (a pasted blob): left out
        pieces = [Segment(seg.i, huge, seg.how), Segment(huge + 1, seg.j, "length")]
        return [
            cut
            for piece in pieces
            if piece.j > piece.i
            for cut in _split_long(piece, starts, ends, feats, max_chars, lex, pred)
        ]
    if seg.j - seg.i < 2 * MIN_WORDS:
        return [seg]
    lo, hi = starts[seg.i], ends[seg.j - 1]
    mid = (lo + hi) / 2
    margin = min(60, max_chars // 4)  # pieces of less than this are no claims
    near = margin // 2  # ... unless a clause opens there
    ks = [
        k
        for k in range(seg.i + MIN_WORDS, seg.j - MIN_WORDS + 1)
        if lo + near <= starts[k] <= hi - near
    ]

    prefix: list[int] = []  # predicate cues in [seg.i, seg.i + m), computed on first use

    def left_predicate(k: int) -> bool:  # not a fronted adverbial (وحول دخول تركيا ...،)
        if not prefix:
            prefix.extend([0, *accumulate(_predicate_flags(feats[seg.i : seg.j], lex))])
        return prefix[k - seg.i] > 0

    def whole(k: int) -> bool:  # the left piece is not waiting for its predicate,
        # and the right piece does not open with an adverbial (، إضافة إلى ...)
        # nor with an apposition (، وهي السعودية والكويت)
        return (
            left_predicate(k)
            and not _apposition(k, seg.j, feats, pred)
            and not _awaits_predicate(seg.i, k, feats)
            and not (
                any("complementizer" in g.roles for g in feats[k : min(k + 2, seg.j)])
                and _awaits_content(seg.i, k, feats)
            )  # لفت فلان الذي ...، | إلى أن ...: the frame stays with its content
            and _head_has_predicate(k, seg.j, feats, pred)
            and not _subjunctive_complement(k, seg.j, feats)
            and not _continues_relative(seg.i, k, feats, pred)
            and not _fronted_clause(seg.i, k, feats, pred)
            and not _bare_that(feats[k])  # أخبره فلان، ...، | بأن بوتين يريد
            and not _indefinite_relative(k, feats, pred)  # خطة عسكرية، | تقضي بوصول
            and not _bare_imperfect(k, feats)  # ... والنظام المخلوع ، | تحمل على متنها
            and not _aside_head(k, feats, pred)  # ...، | لا سيما مدينة الفلوجة
            and not (  # الصفقة التي أبرمت مع ...، | هي أحدث صفقة: a pronoun linking the
                feats[k - 1].kind == "c" and feats[k].norm in _LINK_PRONOUNS
            )  # subject to its predicate (or an apposition: مقتل 4844 مدنيا، هم 995 طفلا)
            and not _awaits_kana(seg.i, k, feats)  # وكانت مصادر ...، | قالت
            and not _topic_awaits(seg.i, k, feats, pred)  # الأمم المتحدة التي ...، | تقفز
            and not _list_item(k, seg.j, feats, pred)  # ، | ثم «بروج» بمكرر، ، | إضافة إلى
            and not (  # ارتفعت 20 %، | لتبلغ 5 مليارات: the result of the clause before
                _purpose_verb(feats[k]) and not _definite_after(k, feats, pred)
            )  # (، ليقوم الكثير من المؤرخين بدحض الرواية: a subject of its own, a new fact)
        )

    best: int | None = None
    best_key = (9, 0.0)
    openers = []  # a clause opener, after a comma (0) or with و/ف (1)
    for k in ks:
        f = feats[k]
        if f.kind != "w":
            continue
        if _relative(feats[k - 1]):
            continue  # الحرس الثوري الذي | فقد علة وجوده: the relative clause's own verb
        comma = feats[k - 1].kind in ("c", "e")
        if not comma and (f.norm[:1] not in ("و", "ف") or verbish(feats[k - 1].norm)):
            continue  # تمنع وترفض، يقتل ويصيب: verbs sharing a subject and object
        if not comma and _same_suffix(feats[k - 1], f):
            continue  # ليؤدوا عبادتهم | ونسكهم: two nouns of one owner, not و + a verb
        if (
            not comma
            and not (lo + margin <= starts[k] <= hi - margin)
            and "complementizer" not in f.roles  # ... شاملة | وأن تؤدي إلى الوفاق: a wish
            and f.norm not in _PARTICLE_CLAUSE  # ... | ولم تتعرض الطائرة لأي أضرار
            and not _plain_clause(k, feats, pred)  # ... بالمدينة | وعادت الحالة الأمنية
        ):
            continue  # تحت حماية قوات الاحتلال | وصمت مؤسساته.: with no comma, a short
            # piece is more often a coordinated noun (وصمت "silence") than a clause
        if not comma and feats[k - 1].text[-1:] in OPENING:
            continue  # قال فلان في فرنسا «فرنسوا هولاند ...»: a quotation opens, no و/ف + verb
        if _subjunctive_plural(f.norm):
            continue  # ليتمكنوا من المشاركة | ويكونوا جزءا فاعلا: the same "to" goes on
        if not comma and f.norm in pred.verbs and f.cue is None:
            continue  # بل وقع المشاركون: وقع is the verb, not و + a word
        if f.norm == "او":
            continue  # ولا تزيد على عشرة آلاف ريال، | أو إغلاق المنشأة: "or", the list goes on
        if not comma and f.norm in _NO_BARE_CUT:
            continue  # يعاند التاريخ | وأن يتنحى، لن نقبل بولاية الفقيه | ولا بحزب: one clause
        if (
            not comma
            and f.cue is None
            and _verb_chain(seg.i, k, feats)
            and not _definite_after(k, feats, pred)
        ):
            continue  # نصر ثمين يعزز روح الفريق | ويؤكد تفوقه: the same subject goes on
        if (
            f.norm == "وان"
            and _infinitive_that(k, feats)
            and (feats[k - 1].norm in ("بد", "الا") or _first_to(seg.i, k, feats))
        ):
            continue  # أن يتغمد الشهداء برحمته | وأن يمن على المصابين: a second wish
        if f.norm in ("قد", "لقد"):
            continue  # يكون الحوثيون وقوات صالح، قد خسروا: the predicate of the clause
        if _as_if(f):
            continue  # ، وكأن الشرق الأوسط بلا ذاكرة: "as if", an aside of the clause
        if f.norm == "وبين" and any(g.norm == "بين" for g in feats[max(seg.i, k - 25) : k]):
            continue  # فرق بين الحاجة إلى قانون ...، | وبين الحاجة لنظام: one "between"
        if feats[k - 1].norm == "سبق":
            continue  # أساليب سبق | وأن أسهمت: "had already", one clause
        if _in_address(k, starts, ends, feats):
            continue  # www.cchi.gov. | sa: a dot inside a web address, no sentence end
        if feats[k - 1].norm in _ESPECIALLY or feats[k - 1].norm in ("كما", "مثلما"):
            continue  # خصوصا | وأن ...: "especially since"; كما | وصفت ...: "as ... described"
        if _comparison(k, feats):
            continue  # «صناعة الرأي العام من الداخل، كما كان متبعا ...»: "as", an aside
        if not comma and f.norm.startswith("في") and f.cue is None:
            continue  # عالم فيراري أبوظبي, فيسبوك, فيينا: a name that looks like ف + a verb
        if not comma and (_passive_chain(k, seg.i, feats) or _noun_chain(k, seg.i, feats)):
            continue  # تم تقديم الخدمة الطارئة | ونقل الحالات: a second verbal noun of تم
        if _opens_clause(k, feats, lex, pred):
            openers.append(((0 if comma else 1, abs(starts[k] - mid)), k))
    for key, k in sorted(openers):
        if whole(k):
            best, best_key = k, key
            break
    if best is None:
        flags: list[int] | None = None  # predicate cues in [seg.i, seg.i + m)
        fallback = []
        for k in ks:
            if not (lo + margin <= starts[k] <= hi - margin):
                continue
            f = feats[k]
            if _comparison(k, feats) or f.norm == "او" or _in_address(k, starts, ends, feats):
                continue
            word = f.kind == "w"
            after_comma = feats[k - 1].kind in ("c", "e")
            if word and after_comma:
                if flags is None:
                    flags = [0, *accumulate(_predicate_flags(feats[seg.i : seg.j], lex))]
                before = flags[k - seg.i]
                rank = 2 if before and flags[-1] > before else 3  # 2: if whole(k), below
            elif after_comma:
                rank = 3
            elif word and f.norm.startswith("و"):
                rank = 4
            elif word:
                rank = 5
            else:
                continue
            if rank == 2 and word and f.norm[:1] == "و" and not verbish(f.norm):
                rank = 3  # ، وما قام به المركز / ، وحشد الدعم: the next item of a list
            if _in_title(feats[k - 1], pred) or _in_title(f, pred):
                rank += 3  # inside a name or title chain: the very last resort
            fallback.append(((rank, abs(starts[k] - mid)), k))
        rest = []
        for key, k in sorted(fallback):
            if key[0] != 2:
                rest.append((key, k))
            elif whole(k) and not _awaits_content(seg.i, k, feats):
                best, best_key = k, key  # not after a bare frame (وأوضح المتحدث ...، | مساعد)
                break
            else:
                rest.append(((3, key[1]), k))
        if best is None and rest:
            best_key, best = min(rest)
    if best is None or (best_key[0] > 2 and hi - lo <= HARD_LIMIT * max_chars):
        return [seg]  # no clause boundary: too long beats a cut inside a list or a phrase
    while best - 1 > seg.i and feats[best - 1].text[-1:] in _OPENING_MARKS:
        best -= 1  # كما في قوله: (( | وإن خير: an opening mark goes with what it opens
    if best_key[0] == 1:  # ، ومن جانب | فهي سياحة فكرية: the opener of the clause goes with it
        best = _fronted_phrase(seg.i + MIN_WORDS, best, feats, pred)
    left, right = Segment(seg.i, best, seg.how), Segment(best, seg.j, "length")
    return [
        *_split_long(left, starts, ends, feats, max_chars, lex, pred),
        *_split_long(right, starts, ends, feats, max_chars, lex, pred),
    ]


def _in_address(k: int, starts: list[int], ends: list[int], feats: list[Feat]) -> bool:
    """A mark glued between Latin text and the word at ``k`` (``www.cchi.gov.sa``):
    a dot of a web address, not a place to cut."""
    return (
        k >= 2
        and feats[k - 1].kind == "e"
        and starts[k] == ends[k - 1]
        and feats[k - 2].text.isascii()
        and feats[k - 2].text.isalnum()
        and not feats[k - 2].text.isdigit()  # 2014.وحققت: a figure, then a sentence
        and feats[k].text.isascii()
    )


def _topic_awaits(i: int, k: int, feats: list[Feat], pred: Predicates) -> bool:
    """A bare verb after a comma at ``k`` is the predicate of a topic with a relative
    clause opening ``[i, k)``: ``الأمم المتحدة التي يعلم أعضاؤها ... أن الفقر ...
    يتزايد ...، هذه الأمم المتحدة، | تقفز على الواقع``. The topic (a noun phrase of
    up to four words, no preposition) waits for its verb past the relative clause."""
    g = feats[k]
    if g.kind != "w" or feats[k - 1].kind != "c" or g.norm[:1] in ("و", "ف"):
        return False
    if not verbish(g.norm) or g.cue is not None:
        return False
    if not feats[i].norm.startswith(("ال", "وال")):
        return False  # وفي محاولة لإجهاض الانتصار الذي ...، قدمت: a fronted adverbial
    for m in range(i, min(i + 5, k)):
        h = feats[m]
        if h.kind != "w":
            return False
        if _relative(h):
            return m > i
        if (
            verbish(h.norm)
            or h.cue is not None
            or h.norm in pred.preposition
            or h.norm in pred.particles
            or h.norm in _PERSONAL
            or "complementizer" in h.roles
        ):
            return False
    return False


# ، وبالتالي فإن / ، ومن ثم فهو: a linking adverb that opens the clause after it
_LINKING_ADVERBS = frozenset({"بالتالي", "ثم", "لذلك", "لذا", "هكذا", "بذلك", "عليه", "بهذا"})


def _plain_clause(k: int, feats: list[Feat], pred: Predicates) -> bool:
    """``و`` + a word at ``k`` that can only open a clause: ``وكان``, a known verb with a
    definite subject after it (``وعادت الحالة الأمنية``, ``ومازال الناس``), a future (``وسيكون
    هناك``) or a demonstrative subject with its verb (``وهذه تعتبر``); not ``وادي``
    ("valley", also "and he performed")."""
    f = feats[k]
    stem = f.norm[1:]
    if f.norm[:1] != "و" or len(stem) < 3 or f.norm == "وادي":
        return False
    if stem in _BACKGROUND:
        return True  # ... المنظومات | وكانت كل تجارب العمل الوطني: "was" opens a clause
    if (stem in pred.verbs or stem in _STILL) and _definite_after(k, feats, pred):
        return True
    if (
        stem[:2] in ("سي", "ست", "سن")
        and verbish(stem)
        and verbish(stem[1:])
        and not stem.endswith(("ه", "ات", "و"))  # وسيطرتهم "their control", سيناريو
        and not re.search(r"ت(?:ه|ها|هم|هما|نا|كم)$", stem)
    ):
        return True
    nxt = feats[k + 1] if k + 1 < len(feats) else None
    return stem in _DEMONSTRATIVE and nxt is not None and nxt.kind == "w" and verbish(nxt.norm)


def _purpose_verb(f: Feat) -> bool:
    """``ل`` + an imperfect verb: a purpose or result clause of the clause before
    (``، ليعلموا أن السادس من أغسطس ...``, ``بنسبة 4.5 %، لتبلغ 6.17 مليار``,
    ``، لتجنب المواقف المتطرفة``), no claim of its own; not ``ليس``, ``لن``."""
    n = f.norm
    return (
        f.kind == "w"
        and n[:1] == "ل"
        and n[1:2] in ("ي", "ت", "ن")
        and len(n) >= 5
        and not n.startswith(("ليس", "لكن"))
        and verbish(n)
    )


def _subjunctive_plural(norm: str) -> bool:
    """``و`` + ``يفعلوا``: a plural imperfect without its ``ن`` is governed by a
    ``أنْ``/``لـ``/``لم`` before it (``ليتمكنوا ... ويكونوا``, ``أن يعملوا ...
    ويحرصوا``), the next verb of that clause, never a main clause of its own
    (that would be ``ويكونون``)."""
    return (
        norm[:2] == "وي"
        and len(norm) >= 6
        and norm.endswith("وا")
        and not norm.endswith("اوا")
        and verbish(norm)
    )


def _owned_plural(norm: str) -> bool:
    """``و`` + a sound feminine plural with a pronoun (``وعلاقاتها``, ``وخبراتهم``):
    a noun, never a verb (a verb's ``ت`` + pronoun has no ``ا`` before it)."""
    return norm[:1] == "و" and bool(re.search(r"..ات(?:ه|ها|هم|هما|نا|كم)$", norm))


_STILL = frozenset({"مازال", "مازالت", "لازال", "لازالت", "مايزال", "ماتزال"})  # "still"
_OWNER_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا")


def _same_suffix(prev: Feat, f: Feat) -> bool:
    """``و`` + a word with the same pronoun suffix as the noun before it
    (``عبادتهم ونسكهم``, ``أبناؤهم وبناتهم``): one owner's things in a list."""
    if prev.kind != "w" or f.norm[:1] != "و" or verbish(prev.norm) or prev.cue is not None:
        return False
    suffix = next((x for x in _OWNER_SUFFIXES if prev.norm.endswith(x)), None)
    return (
        suffix is not None
        and len(prev.norm) >= len(suffix) + 3
        and f.norm.endswith(suffix)
        and len(f.norm) >= len(suffix) + 4
    )


def _fronted_phrase(lo: int, k: int, feats: list[Feat], pred: Predicates) -> int:
    """Where the clause opening at ``k`` (``و``/``ف`` with no comma) really starts.

    A short phrase with no verb between a comma and ``k`` is its fronted opener
    (``، ومن جانب فهي سياحة``, ``، ومن ثم فإن``, ``، وبالتالي فهو``): the cut moves
    back to the comma, so the left piece does not end in a dangling ``ومن جانب``.
    """
    for m in range(k - 1, max(lo, k - 4) - 1, -1):
        g = feats[m]
        if g.kind in ("c", "e"):
            head = feats[m + 1].norm if m + 1 < k else ""
            head = head[1:] if head[:1] in ("و", "ف") and len(head) > 2 else head
            return m + 1 if head in pred.preposition or head in _LINKING_ADVERBS else k
        if g.kind != "w" or g.cue is not None or verbish(g.norm) or g.norm in pred.verbs:
            return k
    return k


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names (``person_names.tsv``), match-normalized: ``ياسين``, ``يوسف``
    look like imperfect verbs."""
    table = load_tsv("person_names.tsv")
    return frozenset(normalize(str(w)) for w in table["form"].to_list() if w)


# Latin letters spelled in Arabic (match-normalized), written as a name's initial
_LETTER_NAMES = frozenset(
    ["ام", "ايه", "جيه", "كيه", "اف", "اتش", "ار", "اس", "اكس", "دبليو", "جي", "دي", "تي"]
)
_NOT_VERBS = frozenset({"بلا", "دون", "بدون", "الا", "الي", "لدي", "سوي"})  # verb-shaped
_DEMONSTRATIVE = frozenset({"اولئك", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "هولاء"})
_DONE = frozenset({"تم", "يتم", "سيتم", "وتم", "ويتم", "وسيتم", "تمت", "وتمت", "جرى", "وجرى"})


def _passive_chain(k: int, i: int, feats: list[Feat], *, nested: bool = False) -> bool:
    """``و`` + a word at ``k`` that is the next verbal noun after ``تم``/``يتم``
    (``تم تقديم الخدمة الطبية الطارئة ونقل الحالات``): no comma and no other verb
    between, so ``ونقل`` is "and transferring", not "and he transferred"."""
    f = feats[k]
    stem = f.norm[1:]
    # وأخذ looks like "and he took": a verbal noun only after another one of the chain
    second = verbish(f.norm) and len(stem) == 3
    if f.norm[:1] != "و" or len(stem) < 3 or (verbish(f.norm) and not second):
        return False  # وتتضمن، ويكون: a verb
    if stem.startswith("ال"):
        return False  # وهي، والتي: no verbal noun
    if stem in _PERSONAL or stem in _RELATIVE_STEMS or _in_title(f, load_predicates()):
        return False
    for m in range(k - 1, max(i, k - 8) - 1, -1):
        g = feats[m]
        if g.kind != "w" or _relative(g):
            return False
        if g.norm in _DONE:  # not الذي تم التوصل إليه ... وقال: a relative's تم
            return (
                not second
                and m + 1 < k
                and not verbish(feats[m + 1].norm)
                and not (m > i and _relative(feats[m - 1]))
                and (f.cue is None or (k + 1 < len(feats) and feats[k + 1].norm[:2] == "ال"))
            )
        if g.cue is not None or verbish(g.norm):
            return False
        if not nested and g.norm[:1] == "و" and _passive_chain(m, i, feats, nested=True):
            return True  # إجراء التقصي ومناظرة المخالطين وأخذ عينات: the third one
    return False


_VERBAL_NOUN = re.compile(r"^(?:ت..ي.|ا..ا.|است...ا.)ه?$")  # تفعيل، إفعال، استفعال(ة)
_SUFFIXED_ROOT = re.compile(r"^...(?:ه|ها|هم|هما)$")  # نقلهم: فَعْل + a pronoun (or فَعَلَهم)


def _noun_chain(k: int, i: int, feats: list[Feat]) -> bool:
    """``و`` + a word at ``k`` that coordinates with a verbal noun ``و`` + تفعيل/إفعال
    a few words before, with no verb or comma between (``وتنفيذ خطة إخلاء المرضى
    المصابين العمانيين ونقلهم جواً``, ``وتقديم المساعدة لهم ونقلهم للمستشفى``):
    ``ونقلهم`` is "and moving them", the next item of the list, not a new clause."""
    f = feats[k]
    stem = f.norm[1:]
    if f.norm[:1] != "و" or len(stem) < 3 or stem.startswith("ال"):
        return False
    if verbish(f.norm) and not (_VERBAL_NOUN.match(stem) or _SUFFIXED_ROOT.match(stem)):
        return False  # ويعمل: a verb; ونقلهم, وإخلاء: a verbal noun as well
    if stem in _PERSONAL or stem in _RELATIVE_STEMS:
        return False
    for m in range(k - 1, max(i, k - 8) - 1, -1):
        g = feats[m]
        if g.kind != "w" or _relative(g) or g.cue is not None or verbish(g.norm):
            return False
        if g.norm[:1] == "و" and _VERBAL_NOUN.match(g.norm[1:]):
            return True
    return False


def _fronted_clause(i: int, k: int, feats: list[Feat], pred: Predicates) -> bool:
    """Tokens ``[i, k)`` end in a fronted condition, reason or time clause whose main
    clause opens at ``k``, or ``k`` falls inside such a clause.

    The last clause of ``[i, k)`` (after its last comma) holds a condition
    answered at ``k`` by ``ف`` (``إذا كانت إيران دولة ...، | فإن الولايات المتحدة
    دولة ديمقراطية``), or opens with a reason, purpose, time or concession word
    before a verb with no ``و``/``ل`` at ``k`` (``ونظراً إلى حجم أرباحهما يشكل ...، |
    يبدو كل من ...``, ``إن الغارات ...، قبل أن يبادر الثوار باقتحامه، | كان لها دور``):
    the two halves are one claim; with no comma before ``k`` the cut would fall inside
    the fronted clause itself (``وحين تعددت الجامعات | وانتشرت، أتيح``). A condition
    after its answer (``سيكون قويا فيما لو أخفق``) is not fronted.
    """
    f = feats[k]
    if f.kind != "w":
        return False
    m = k - 1
    comma = feats[m].kind == "c"
    while m > i and feats[m].kind == "c":
        m -= 1
    start = m + 1
    opener = False
    words: list[str] = []
    for _ in range(3):  # a verbless phrase (، تحت ذريعة الدواعي الأمنية،) extends the clause
        end = start
        start = end - 1
        while start > i and feats[start - 1].kind not in ("c", "e"):
            start -= 1
        words = [g.norm for g in feats[start:k] if g.kind == "w"]
        opener = bool(words) and _fronted_opener(words, pred)
        if (
            opener
            or start <= i
            or feats[start - 1].kind == "e"
            or _has_predicate(Segment(start, end, ""), feats, pred)
        ):
            break
    if not words:
        return False
    if not comma:  # inside the fronted clause: before its own verb is done
        verbs = sum(
            1 for g in feats[start:k] if g.kind == "w" and (g.cue is not None or verbish(g.norm))
        )
        return opener and verbs <= 1
    stem = f.norm[1:] if f.norm[:1] == "ف" else ""
    answer = stem in _ANSWERS or (len(stem) > 2 and verbish(stem) and verbish(f.norm))
    main = f.norm[:1] not in ("و", "ف", "ل") and (
        f.cue is not None or verbish(f.norm) or _perfect3(f, pred)
    )
    if not (answer or main):
        return False
    if answer:  # أما بالنسبة للنصوص ...، فيجب / وبعيدا عن تنفيذ القرارات ...، فقد وافق
        head = m  # the ف answers a fronted phrase with no verb of its own
        while head > i and feats[head - 1].kind not in ("c", "e"):
            head -= 1
        if (
            head > i
            and _adverbial_head(feats[head], pred)
            and not _has_predicate(Segment(head, m + 1, ""), feats, pred)
        ):
            return True
    for n, w in enumerate(words):
        if w.removeprefix("و") in _CONDITIONAL and (n == 0 or words[n - 1] != "فيما"):
            return True
        if w.removeprefix("و") == "في" and n + 1 < len(words) and words[n + 1] in ("حال", "حاله"):
            return True  # وفي حال قيام المليشيات ...، فسوف يتم التصدي لها
    return opener


def _adverbial_head(f: Feat, pred: Predicates) -> bool:
    """A word that opens a fronted adverbial phrase: a preposition (``وإلى ما
    شاهدناه``, ``فإلى جانب``), ``أما``, a source (``وفقا لـ``) or an indefinite
    accusative noun (``إنفاذا لما قضى به``, ``وبعيدا عن``, ``فبدلا من``, ``وعوضا عن``),
    not a participle of the pattern فاعلا (``تاركا لنا الحزن``: the clause before
    goes on), a definite noun or a verb."""
    n = f.norm[1:] if f.norm[:1] in ("و", "ف") and len(f.norm) > 2 else f.norm
    if f.kind != "w":
        return False
    if n in pred.preposition or n == "اما" or n in _ACCORDING:
        return True
    return (
        len(n) > 3
        and n.endswith("ا")
        and not n.endswith(("ها", "نا", "ما"))  # وإنما في العالم، فإن: a particle
        and not n.startswith("ال")
        and n not in pred.particles
        and not (len(n) == 5 and n[1] == "ا")  # تاركا, قائلا: a participle
        and not n.startswith("م")  # مؤكدا, مشيرا: a participle
        and f.cue is None
        and not verbish(n)
    )


def _perfect3(f: Feat, pred: Predicates) -> bool:
    """A word of three letters that is no particle, preposition or clause word: most
    likely a perfect verb, which has no shape of its own (``قرر``, ``بدأ``, ``جاء``)."""
    n = f.norm
    return (
        len(n) == 3
        and n.isalpha()
        and f.plain
        and n not in pred.preposition
        and n not in pred.particles
        and n not in pred.pronoun
        and n not in pred.not_verb
        and n not in pred.subordinator_heads
        and (n,) not in pred.subordinator
        and n not in _FRONTED
    )


def _fronted_opener(words: list[str], pred: Predicates) -> bool:
    """The clause (its words, match-normalized) opens with a condition, reason,
    purpose, time or concession word (``ونظرا``, ``وبعد أن``, ``وفي حين``)."""
    first = words[0][1:] if words[0][:1] == "و" and len(words[0]) > 2 else words[0]
    two = (first, words[1]) if len(words) > 1 else (first, "")
    return (
        first in _FRONTED
        or first in _CONDITIONAL
        or first in pred.concessive
        or (first,) in pred.adjunct
        or two in pred.adjunct
        or two in pred.concessive_pairs
        or two == ("في", "حين")
        or two in (("فيما", "يتعلق"), ("في", "ضوء"))  # وفيما يتعلق بالصناعة البحرية، أوضح
        or two in (("في", "حال"), ("في", "حاله"))  # وفي حال قيام ...، فسوف يتم التصدي
        or first in ("بالنسبه", "حول")
    )


def _bare_that(f: Feat) -> bool:
    """``أنّ``/``بأن`` with no ``و``, written with its hamza (not ``إنّ`` or a bare
    ``ان``, which also open a sentence of their own in run-on copy: ``...، إن معظم
    أنواع الإنسولين ...``, ``...، ان المملكة لا تحتاج ...``)."""
    return f.norm in _BARE_THAT and (f.text.startswith("أ") or f.norm.startswith("ب"))


def _subjunctive_complement(k: int, j: int, feats: list[Feat]) -> bool:
    """``أنْ`` + a verb at ``k``: the complement of the verb before, no claim of its
    own (``طلب من الموظفين في الشركة ...، | أن يجلبوا عقلية الشركات الناشئة``)."""
    f = feats[k]
    if f.norm != "ان" or k + 1 >= j:
        return False  # ، وأن يكون ...: one more condition of a list, a place to cut
    g = feats[k + 1]
    if g.norm in ("لا", "لم") and k + 2 < j:
        g = feats[k + 2]
    return g.kind == "w" and _subjunctive(g.norm)


def _apposition(k: int, j: int, feats: list[Feat], pred: Predicates) -> bool:
    """``و`` + a personal pronoun + a noun: an apposition naming what precedes.

    ``بين الدول التي التزمت بها، وهي السعودية والكويت``, ``بالجائزة الكبرى، وهي
    قضاء عطلة``, ``ما نريد الوصول إليه وهو السير على ...``: a description of the
    last noun, not a clause of its own. ``، وهو ما يعني`` (a comment on the whole
    clause), ``، وهو يستعد`` (pronoun + verb), ``وهي معروفة تاريخيا`` (a participle
    as predicate) and ``، وهي من النباتات`` are clauses.
    """
    f = feats[k]
    if f.norm[:1] != "و" or f.norm[1:] not in ("هو", "هي", "هم", "هما"):
        return False
    nxt = next((g for g in feats[k + 1 : j] if g.kind == "w"), None)
    return (
        nxt is not None
        and (f.norm, nxt.norm) not in pred.subordinator
        and nxt.cue is None
        and not verbish(nxt.norm)
        and nxt.norm not in pred.particles
        and nxt.norm not in pred.preposition  # ، وهي من النباتات: a predicate
        and (nxt.norm.startswith("ال") or nxt.norm[:1] != "م")  # وهي معروفة: a predicate
    )


def _awaits_predicate(i: int, k: int, feats: list[Feat]) -> bool:
    """Tokens ``[i, k)`` end inside an ``أن`` clause whose predicate is still to come.

    ``وتؤكد البحرين أن استمرار التصريحات ... وإثارة الفتن، | يعكس ...``: the
    left piece has the subject of ``أن`` but not its verb. A verb of a relative
    clause (``أن هذه الجهود التي يقوم بها المركز، | تنطلق ...``) is not that verb.
    """
    for m in range(k - 1, i - 1, -1):
        f = feats[m]
        if f.kind != "w":
            continue
        if "complementizer" in f.roles:
            return True
        if m > i and feats[m - 1].norm in _WHATEVER:
            continue  # أن على الرأي العام، ... أيا كانت عقائدهم: not the predicate of أن
        if (f.cue is not None or verbish(f.norm) or f.norm in _PERSONAL) and not _in_relative(
            m, i, feats
        ):
            return False
    return False


def _continues_relative(
    i: int, k: int, feats: list[Feat], pred: Predicates, *, chain: bool = False
) -> bool:
    """``و`` + an imperfect verb at ``k`` that goes on the relative clause before it.

    The last verb in ``[i, k)`` has the same person prefix and opens a relative
    clause, after a relative pronoun or an indefinite noun (``قوانين تقيد الخطابات
    المحرضة ...، وتحرم الدعوة إلى العنصرية``, ``هو الذي تسمو أخلاقه في العيد ...،
    وتمتد فيه مشاعر الإخاء``): a second verb of the same relative clause, whose
    subject is the noun before it, not a new fact. With ``chain``, a run of
    ``و`` + verbs of that person is followed back to its first verb (``الاخلاق التي
    بدورها تضبط وتقوم وترتقي ...، وتكون الميزان``); the length rule does not ask
    for it (a long list of aims of one subject is still cut there).
    """
    f = feats[k]
    if f.kind != "w" or f.norm[:1] != "و" or f.norm[1:2] not in ("ي", "ت"):
        return False
    if not verbish(f.norm):
        return False
    for m in range(k - 1, i - 1, -1):
        g = feats[m]
        if g.kind != "w" or not (verbish(g.norm) or g.cue is not None):
            continue
        if (
            chain
            and g.norm[:1] == "و"
            and g.norm[1:2] == f.norm[1:2]
            and g.cue is None
            and m > i
            and feats[m - 1].kind == "w"
        ):
            continue  # تضبط وتقوم وترتقي ...، وتكون: back to the first verb of the chain
        if g.norm[:1] != f.norm[1:2]:
            return False  # the last verb is of another form: a clause of its own
        if g.norm in _IMPERSONAL and f.norm[1:] != g.norm:
            return False  # التي يمكن من خلالها إغلاق ...، ويقوم التطبيق: "one can" has
            # no subject for the next verb to share
        if _in_relative(m, i, feats):
            return True
        h = feats[m - 1] if m > i else None
        return (
            h is not None
            and h.kind == "w"
            and not h.norm.startswith(("ال", "وال"))
            and h.norm not in pred.preposition
            and h.norm not in pred.particles
            and h.norm not in _PERSONAL
            and h.cue is None
            and not verbish(h.norm)
        )
    return False


def _relative(f: Feat) -> bool:
    """A relative pronoun (``الذي``, ``التي``, ``والذين``)."""
    return f.kind == "w" and ("relative" in f.roles or f.norm in _RELATIVE_STEMS)


def _in_relative(m: int, i: int, feats: list[Feat]) -> bool:
    """The verb at ``m`` opens a relative clause (``التي يقوم بها``, ``الذي لم يعد``)."""
    for back in (1, 2):
        if m - back < i:
            return False
        g = feats[m - back]
        if g.kind != "w":
            return False
        if "relative" in g.roles or g.norm[1:] in _RELATIVE_STEMS:
            return True
        if back == 1 and g.norm not in _VERB_PARTICLES:
            return False
    return False


def _awaits_content(i: int, k: int, feats: list[Feat]) -> bool:
    """Tokens ``[i, k)`` end in a reporting frame (``وأوضح المدير فلان،``) with no content yet.

    A name in quote marks is part of the frame (``ويعتبر السيد «كلارك شيركي» وهو
    محلل إنترنت،``): a quotation of fewer than ``SPEECH_QUOTE_WORDS`` words is a label.
    """
    m = k - 1
    words = 0
    label = False
    while m >= i:
        f = feats[m]
        if f.kind == "q":
            o = _label_quote(i, m, feats)
            if o is None:
                return False
            m, label = o - 1, True
            continue
        if f.kind == ":" or "complementizer" in f.roles:
            return False
        if f.cue is not None and f.cue.kind == "finite":
            return not label or words <= QUOTED_FRAME_WORDS  # وأشار فلان في تدوينة عبر
            # موقع "فيسبوك" إلى تكريم ...: a long clause after the cue is its content
        words += f.kind == "w"
        m -= 1
    return False


def _label_quote(i: int, c: int, feats: list[Feat]) -> int | None:
    """The opening mark of a short quotation closed at ``c`` (a name or title: ``«كلارك
    شيركي»``), or None if ``c`` closes no such label."""
    if feats[c].text not in CLOSING and feats[c].text != '"':
        return None
    for o in range(c - 1, max(i, c - SPEECH_QUOTE_WORDS) - 1, -1):
        g = feats[o]
        if g.kind == "q":
            return o if g.text in OPENING or (g.text == '"' and feats[c].text == '"') else None
        if g.kind != "w":
            return None
    return None


def _in_title(f: Feat, pred: Predicates) -> bool:
    """A word of a name or title chain (``وسمو``, ``ولي``, ``العهد``, ``بن``)."""
    return f.norm in pred.title or (f.norm[:1] == "و" and f.norm[1:] in pred.title)


def _opens_clause(k: int, feats: list[Feat], lex: Lexicon, pred: Predicates) -> bool:
    """Token ``k`` opens a clause: a verb, a cue, a connective, a subordinator ..."""
    f = feats[k]
    cache: dict[str, bool] = lex.memo.setdefault("opens_clause", {})
    hit = cache.get(f.norm)
    if hit is None:
        hit = cache[f.norm] = _opens_clause_alone(f, lex, pred)
        if len(cache) > 1_000_000:
            cache.clear()
    if hit:
        return True
    if k + 1 < len(feats) and f.norm in pred.subordinator_heads:
        return (f.norm, feats[k + 1].norm) in pred.subordinator
    return False


def _opens_clause_alone(f: Feat, lex: Lexicon, pred: Predicates) -> bool:
    if f.cue is not None or verbish(f.norm) or "complementizer" in f.roles:
        return True
    one = (f.norm,)
    if one in lex.markers["connective"] or one in lex.markers["connective_bare"]:
        return True
    if one in pred.subordinator:
        return True
    stem = f.norm[1:] if f.norm[:1] in ("و", "ف") else f.norm
    return stem in pred.pronoun or (stem,) in pred.subordinator


def _trim(seg: Segment, feats: list[Feat]) -> Segment | None:
    """Drop leading commas/closing quotes and trailing opening quotes (and spaces)."""
    i, j = seg.i, seg.j
    while i < j and (
        feats[i].kind in ("c", ":") or feats[i].text in CLOSING or feats[i].text.isspace()
    ):
        i += 1
    while j > i and (
        feats[j - 1].text in OPENING
        or feats[j - 1].text.isspace()
        or (feats[j - 1].text and set(feats[j - 1].text) <= {"(", "["})
    ):
        j -= 1
    if i >= j:
        return None
    return Segment(i, j, seg.how)
