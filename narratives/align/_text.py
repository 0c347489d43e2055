"""Match representations of statements: what two statements are compared on.

A statement is compared on its *content tokens*: match-normalized words
(:func:`narratives.normalize.tokenize`), proclitics stripped where the rest is
a known word (:func:`narratives.normalize.strip_clitics`), without function
words and the reporting frame (``lexicons/match_stopwords.tsv``) and without
the words naming the statement's own speaker. Two outlets reporting one
claim then agree on what was claimed, not on "the Russian foreign minister
said".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from narratives._resources import load_tsv
from narratives.align._lemmas import Lemmas
from narratives.normalize import normalize, strip_clitics, tokenize

_TOKEN = re.compile(r"[^\W_]+")  # as narratives.normalize.tokenize
_BOUNDARY = re.compile(r"[\"'«»“”:;؛,،.()\[\]!?؟]")


#: عبد + a divine name written as two words (عبد الرحمن) or one (عبدالرحمن)
_ABD = re.compile(r"(?<![^\W_])(عبد) +(?=ال[^\W_]{2})")


def join_names(normalized: str) -> str:
    """Compound given names written as one word, as most copy writes them.

    Examples
    --------
    >>> join_names("شركه عبد الرحمن سعد الراشد و عبد الله")
    'شركه عبدالرحمن سعد الراشد و عبدالله'
    """
    if "عبد " not in normalized:
        return normalized  # most texts: the pattern needs عبد and a space
    return _ABD.sub(r"\1", normalized)


def _clauses(normalized: str) -> list[int]:
    """Per token of a normalized text, the number of punctuation marks before it.

    Examples
    --------
    >>> _clauses('قال: "لا نشارك" ثم')
    [0, 2, 2, 3]
    """
    out: list[int] = []
    for k, chunk in enumerate(_BOUNDARY.split(normalized)):
        out.extend([k] * len(_TOKEN.findall(chunk)))
    return out


#: what follows the verb of a statement that only names who said the sentence before it
#: (not هذا: وقال هذا المصدر ..., وبين هذا وذاك ...)
_THAT = frozenset({"ذلك", "بذلك"})
#: words of a claim clause after the verb (أكد ذلك أن ...): no bare attribution then
_CLAIM_OPENERS = frozenset({"ان", "بان", "انه", "بانه", "انها", "بانها", "انهم", "بانهم"})
_QUOTED = re.compile(r"^\W*\S+\s*[\"«“”'»]")
#: words after ذلك that make it the subject or object of the verb (كشف ذلك عن ...)
_NOT_A_NAME = frozenset({"عن", "علي", "الي", "في", "من", "ان", "انه", "انها", "ايضا"})
#: the most words of a bare attribution (verb, ذلك, the speaker and a long title)
ATTRIBUTION_WORDS = 24


@lru_cache(maxsize=1)
def _attribution_verbs() -> frozenset[str]:
    """Finite neutral and assertive reporting verbs (``lexicons/reporting_verbs.tsv``) in
    the perfect, match-normalized: the verbs of أوضح ذلك / صرح بذلك / أكد ذلك. Not the
    imperfect (ويشير هذا القرار إلى ...: "this decision points to") nor the verbs that
    carry on a speaker's words (وأضاف "هذا العام ...)."""
    table = load_tsv("reporting_verbs.tsv")
    return frozenset(
        normalize(str(form))
        for form, lemma, kind, cls in zip(
            table["form"], table["lemma"], table["kind"], table["class"], strict=True
        )
        if form
        and kind == "finite"
        and cls in {"neutral", "assertive"}
        and str(lemma) not in _CARRY_ON
        and str(form)[0] == str(lemma)[0]
    )


#: reporting verbs that carry on what the speaker said (أضاف، تابع، ...): what follows is
#: more of his words, not his name
_CARRY_ON = frozenset({"أضاف", "تابع", "استطرد", "أردف", "أعاد", "نقل", "لفت", "شدد", "جدد"})


def attribution_only(text: str) -> bool:
    """Does a statement only say who said the sentence before it?

    ``أوضح ذلك الأستاذ عبدالرحمن المحنا مدير عام جمرك البطحاء``: a reporting verb
    (neutral or assertive), then ذلك / بذلك (not هذا: وقال هذا المصدر), then the speaker and
    his title, and no clause of its own (no ``أن``, no colon). Its words all name
    the speaker: it carries no claim, and shares with every statement on that
    speaker's office the words of the office.

    Examples
    --------
    >>> attribution_only("أوضح ذلك الأستاذ عبدالرحمن المحنّا مدير عام جمرك البطحاء")
    True
    >>> attribution_only("صرح بذلك المتحدث الرسمي لهيئة الهلال الأحمر بالقصيم محمد الجعيثن.")
    True
    >>> attribution_only("وأكد ذلك أن الدراسة ستبدأ في موعدها")
    False
    >>> attribution_only("اعتبر هذا الأمر إعلان حرب على تركيا")
    False
    """
    if _QUOTED.match(text):
        return False  # وقال "هذا ليس من شأن ...": his words open after the verb
    head = normalize(text[:40])
    words = _TOKEN.findall(head)
    if len(words) < 3 or words[1] not in _THAT or words[2] in _NOT_A_NAME:
        return False
    verbs = _attribution_verbs()
    verb = words[0]
    if verb not in verbs and not (verb[:1] in "وف" and verb[1:] in verbs):
        return False
    rest = _TOKEN.findall(normalize(text))
    return (
        len(rest) <= ATTRIBUTION_WORDS
        and ":" not in text
        and _CLAIM_OPENERS.isdisjoint(rest[2:])
    )


DEFAULT_STOPWORDS = "match_stopwords.tsv"


@lru_cache(maxsize=8)
def load_stopwords(name_or_path: str | Path = DEFAULT_STOPWORDS) -> frozenset[str]:
    """Words left out of the match text (shipped file name or a user's TSV with ``word``).

    Examples
    --------
    >>> "قال" in load_stopwords()
    True
    """
    table = load_tsv(name_or_path)
    if "word" not in table.columns:
        raise ValueError(f"{name_or_path}: a stopword TSV needs a 'word' column")
    return frozenset(w for w in table["word"].to_list() if w)


DEFAULT_POLARITY = "polarity.tsv"

#: a polarity word's kind (negation | denial | cancels), scope, and the words it cancels
Polar = tuple[str, int, frozenset[str]]


@lru_cache(maxsize=8)
def load_polarity(name_or_path: str | Path = DEFAULT_POLARITY) -> dict[str, Polar]:
    """Negation/denial words -> ``(kind, scope, only_after)`` (shipped name or a user's TSV).

    Examples
    --------
    >>> load_polarity()["لم"]
    ('negation', 1, frozenset())
    """
    table = load_tsv(name_or_path)
    if not {"word", "kind", "scope"} <= set(table.columns):
        raise ValueError(f"{name_or_path}: a polarity TSV needs 'word', 'kind', 'scope' columns")
    after = table["only_after"] if "only_after" in table.columns else [None] * table.height
    return {
        w: (k, int(n), frozenset((a or "").split()))
        for w, k, n, a in zip(table["word"], table["kind"], table["scope"], after, strict=True)
        if w
    }


_SUFFIXES = ("هما", "ها", "هم", "ون", "ين", "ات", "وا", "ان", "ه", "ت", "ي", "ا")


def raw_keys(normalized: str) -> frozenset[str]:
    """``~`` + :func:`light_key` of every word of a normalized text, stopwords included.

    A negation followed only by function or frame words has such a key as
    its scope.
    """
    return frozenset("~" + light_key(w) for w in _TOKEN.findall(normalized))


@lru_cache(maxsize=1 << 18)  # a pure function of a word, asked for the same words often
def light_key(word: str) -> str:
    """A crude stem for comparing negated words: a few suffixes and one verb prefix off.

    Examples
    --------
    >>> light_key("تشارك"), light_key("شاركت"), light_key("يشاركون"), light_key("ستسهم")
    ('شارك', 'شارك', 'شارك', 'سهم')
    """
    if len(word) >= 5 and word[0] == "س" and word[1] in "يتنا":
        word = word[1:]  # the future prefix: ستسهم / تسهم
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    for _ in range(2):
        if len(word) >= 4 and word[0] in "يتنا":
            word = word[1:]
    return word


def _polar(word: str, polarity: dict[str, Polar]) -> Polar | None:
    hit = polarity.get(word)
    if hit is None and len(word) > 2 and word[0] in "وفبل":
        hit = polarity.get(word[1:])
        if hit is not None and word[0] in "بل" and word[1:] not in {"غير", "عدم"}:
            hit = None
    if hit is None and len(word) > 4:
        # a denial noun or verb with a pronoun: رفضها, نفيه, ورفضهم
        for suffix in ("هما", "ها", "هم", "ه"):
            if word.endswith(suffix):
                base = word[: -len(suffix)]
                hit = polarity.get(base)
                if hit is None and base[:1] in "وف":
                    hit = polarity.get(base[1:])
                if hit is not None and hit[0] != "denial":
                    hit = None
                break
    return hit


def _polar_forms(polarity: dict[str, Polar]) -> set[str]:
    """Every word :func:`_polar` may find a polarity for (and more): a listed word with a
    proclitic, a pronoun suffix or both.
    """
    words = set(polarity)
    with_clitic = words | {c + w for w in words for c in "وفبل"}
    return with_clitic | {w + s for w in with_clitic for s in ("هما", "ها", "هم", "ه")}


def content_tokens(
    texts: Sequence[str],
    *,
    stopwords: Collection[str] | None = None,
    vocabulary: Collection[str] | None = None,
    exclude: Sequence[str | None] | None = None,
    min_chars: int = 2,
    normalized: Sequence[str] | None = None,
) -> list[list[str]]:
    """Content tokens of each text (see the module docstring).

    Parameters
    ----------
    texts
        Statement texts.
    stopwords
        Match-normalized words to leave out (default: the shipped list).
    vocabulary
        Known words for clitic stripping (default: every token of ``texts``, as
        :func:`narratives.normalize.build_vocabulary` gives).
    exclude
        Per text, words to leave out as well (e.g. the speaker mention).
    min_chars
        Shorter tokens are left out, except numbers.
    normalized
        The texts already match-normalized (saves normalizing them again).

    Examples
    --------
    >>> content_tokens(["وقال لافروف إن الإرهاب خطر", "الإرهاب خطر"])
    [['لافروف', 'ارهاب', 'خطر'], ['ارهاب', 'خطر']]
    """
    return match_tokens(
        texts,
        stopwords=stopwords,
        vocabulary=vocabulary,
        exclude=exclude,
        min_chars=min_chars,
        normalized=normalized,
    )[0]


def match_tokens(
    texts: Sequence[str],
    *,
    stopwords: Collection[str] | None = None,
    vocabulary: Collection[str] | None = None,
    exclude: Sequence[str | None] | None = None,
    min_chars: int = 2,
    normalized: Sequence[str] | None = None,
    polarity: dict[str, Polar] | None = None,
    masked: list[list[str]] | None = None,
    processes: int | None = 1,
    lemmas: bool = True,
) -> tuple[list[list[str]], list[list[frozenset[str]]]]:
    """Content tokens and negation scopes of each text.

    A negation scope is the set of :func:`light_key` s of the content words a
    negation or denial word (``lexicons/polarity.tsv``) governs: the next
    ``scope`` content words within ``2 x scope`` words and the same clause
    (no punctuation between), none when the next word cancels it (لا يزال).
    Parameters as :func:`content_tokens`; ``polarity`` defaults to the
    shipped table. When ``masked`` is a list, it receives per text the
    tokens left out only because ``exclude`` names them (the speaker's
    words), so a caller can still find them in that text.

    ``processes``: forked worker processes (None: the usable cores) for
    :data:`PARALLEL_TOKENS` texts or more per worker. What every text shares
    (the known words for clitic stripping, the joined negations) is worked
    out over all the texts first, then each text is tokenized on its own: the
    result is the same with any number of processes.

    ``lemmas``: a word of a closed group of words news wires swap is compared as
    the group's first word (:mod:`narratives.align._lemmas`: `مصرع` / `مقتل`,
    `هليكوبتر` / `مروحية`); negation and denial words never are.

    Examples
    --------
    >>> match_tokens(["روسيا لا تشارك في التحالف"])[1]
    [[frozenset({'شارك'})]]
    """
    from narratives.engine.local import chunks, fork_map, usable_cores

    stop = load_stopwords() if stopwords is None else stopwords
    polar = load_polarity() if polarity is None else polarity
    if normalized is None:
        normalized = [normalize(t) for t in texts]
    cores = usable_cores() if processes is None else processes
    parts = chunks(len(normalized), 2 * cores, least=PARALLEL_TOKENS)
    forked = cores > 1 and len(parts) > 1

    def words_of(span: slice) -> set[str]:
        out: set[str] = set()
        for t in normalized[span]:
            out.update(_TOKEN.findall(t))
        return out

    # 1. what all the texts share: their distinct words
    if forked:
        distinct = set().union(*fork_map(words_of, parts, processes=cores))
    else:
        distinct = words_of(slice(0, len(normalized)))
    # a negation typed joined to its verb (لايوجد, لاتوجد): two words, when the verb is
    # known (in either person: يوجد / توجد)
    joined = {
        w: split
        for w in distinct
        if ((w[:2] == "لا" and len(w) >= 6) or w == "مالا")
        and (split := _split_negation(w, distinct)) is not None
    }
    if joined:
        # every joined word is split in every text that holds it
        distinct = (distinct - joined.keys()) | {p for split in joined.values() for p in split}
    # known words for clitic stripping: the statements' own (a larger vocabulary, such
    # as the background table's, strips too much: وزير -> زير, باريس -> اريس)
    vocab = set(vocabulary) if vocabulary is not None else set(distinct)
    vocab |= set(stop)
    polar_of = {w: h for w in distinct & _polar_forms(polar) if (h := _polar(w, polar)) is not None}
    negating = frozenset(w for w, h in polar_of.items() if h[0] in _NEGATING)
    stem = _Stemmer(vocab)
    base_drop = set(stop) | {stem[w] for w in stop if w.startswith("ال")}
    lemma = Lemmas(keep=frozenset(_polar_forms(polar))) if lemmas else None
    del distinct

    # 2. each text on its own, in parts
    def tokens_of(span: slice) -> list[tuple[list[str], list[str], list[frozenset[str]]]]:
        # a word's stem when it stays a content token whatever the text's speaker
        kept = _Kept(stem, base_drop, min_chars, lemma)
        out = []
        for i in range(span.start, span.stop):
            text = normalized[i]
            words = _TOKEN.findall(text)
            if joined and not joined.keys().isdisjoint(words):
                words = [p for w in words for p in joined.get(w, (w,))]
                text = _unjoin(text, joined)
            extra = (
                {_lemma(stem[w], lemma) for w in tokenize(str(exclude[i]))}
                if exclude is not None and exclude[i]
                else None
            )
            base = [s for w in words if (s := kept[w]) is not None]
            if extra:
                tokens = [s for s in base if s not in extra]
                hidden = [s for s in base if s in extra]
            else:
                tokens, hidden = base, []
            events: list[frozenset[str]] = []
            if not negating.isdisjoint(words):
                drop = base_drop | extra if extra else base_drop
                events = _scopes(words, text, stem, drop, polar_of, min_chars)
            out.append((tokens, hidden, events))
        return out

    if forked:
        done = [x for part in fork_map(tokens_of, parts, processes=cores) for x in part]
    else:
        done = tokens_of(slice(0, len(normalized)))
    if masked is not None:
        masked.extend(d[1] for d in done)
    return [d[0] for d in done], [d[2] for d in done]


#: texts per worker process below which :func:`match_tokens` runs in this process
PARALLEL_TOKENS = 50_000


class _Stemmer(dict[str, str]):
    """A word's match stem (clitics, article, accusative ending off), worked out once."""

    def __init__(self, vocab: set[str]) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> str:
        vocab = self.vocab
        out = strip_clitics(word, vocab)
        # the article is dropped for matching even before unseen words (ال + 3+
        # letters): both sides get the same treatment, so nothing is lost
        if out.startswith("ال") and len(out) >= 5:
            out = out[2:]
        # the accusative ending (هبوطاً اضطرارياً / هبوط اضطراري) where the bare
        # word is known too
        if len(out) >= 4 and out[-1] == "ا" and (out[:-1] in vocab or "ال" + out[:-1] in vocab):
            out = out[:-1]
        # the imperfect of a ta- verb where its perfect or noun is known (يتراجع /
        # تراجع); swapping ي / ت (يقود / تقود) was measured too: it lowered SemRel
        if len(out) >= 5 and out.startswith("يت") and out[1:] in vocab:
            out = out[1:]
        self[word] = out
        return out


def _lemma(token: str, lemma: Lemmas | None) -> str:
    return token if lemma is None else lemma[token]


class _Kept(dict[str, "str | None"]):
    """A word's match token when it is a content token (long enough or a number, no
    stopword), else None: its stem, then its lemma (the stopword test is on the stem:
    `أعلنت` is a reporting verb, `إعلان` is not)."""

    def __init__(
        self, stem: _Stemmer, drop: set[str], min_chars: int, lemma: Lemmas | None = None
    ) -> None:
        super().__init__()
        self.stem, self.drop, self.min_chars, self.lemma = stem, drop, min_chars, lemma

    def __missing__(self, word: str) -> str | None:
        s = self.stem[word]
        keep = (len(s) >= self.min_chars or s.isdigit()) and s not in self.drop
        out = _lemma(s, self.lemma) if keep else None
        self[word] = out
        return out


def _scopes(
    words: list[str],
    text: str,
    stem: _Stemmer,
    drop: set[str],
    polar_of: dict[str, Polar],
    min_chars: int,
) -> list[frozenset[str]]:
    """The negation scopes of one text (its words and normalized text; see :func:`match_tokens`)."""

    def content(q: int) -> bool:
        # negation words are not stopwords: they stay content tokens, so a negated
        # claim differs from its affirmation even before polarity is compared
        s = stem[words[q]]
        return (len(s) >= min_chars or s.isdigit()) and s not in drop

    events: list[frozenset[str]] = []
    clause = _clauses(text)
    last_event = -1
    for k, w in enumerate(words):
        hit = polar_of.get(w)
        if hit is None or hit[0] not in _NEGATING:
            continue
        if any(
            words[m] == "الا" and clause[m] == clause[k]
            for m in range(k + 1, min(len(words), k + 8))
        ):
            continue  # لا … إلا, لم … إلا: "only", a restriction, not a negation
        if w == "ولا" and last_event >= 0 and k - last_event <= 8:
            continue  # "nor" after a first negation: one negation, not two
        after = words[k + 1 : k + 1 + 2 * hit[1]]
        if hit[2] and not (after and after[0] in hit[2]):
            continue  # this negation only counts before given words (دون أن)
        nxt = polar_of.get(words[k + 1]) if after else None
        if nxt is not None and nxt[0] == "cancels" and (not nxt[2] or {w, w[1:]} & nxt[2]):
            continue
        if nxt is not None and nxt[0] == "truth":
            # عدم صحة / لا صحة لما …: a denial of what follows the noun
            after = words[k + 1 : k + 2 + 2 * nxt[1]]
            hit = (hit[0], nxt[1], hit[2])
        scope = [
            light_key(stem[words[q]])
            for q in range(k + 1, k + 1 + len(after))
            if clause[q] == clause[k] and words[q] not in polar_of and content(q)
        ][: hit[1]]
        if not scope and hit[0] == "denial" and k + 1 < len(words):
            # «نفت وزارة الداخلية الكويتية، ما يتردد عن منع ...»: the verb's clause holds
            # only its subject (the speaker's words, left out): what it denies opens the
            # next clause
            nxt_clause = [
                q
                for q in range(k + 1, min(len(words), k + 1 + 4 * hit[1]))
                if clause[q] == clause[k] + 1 or clause[q] == clause[k]
            ]
            if any(clause[q] != clause[k] for q in nxt_clause):
                scope = [
                    light_key(stem[words[q]])
                    for q in nxt_clause
                    if clause[q] != clause[k] and words[q] not in polar_of and content(q)
                ][: hit[1]]
        if not scope and after and clause[k + 1] == clause[k]:
            # nothing but function or frame words follow (لم يشر إلى أن ...): the
            # next word itself, marked as a raw word (see raw_keys)
            scope = ["~" + light_key(after[0])]
        if scope:
            events.append(frozenset(scope))
            last_event = k
    return events


#: kinds of ``polarity.tsv`` that negate (``cancels``, ``truth`` and ``auxiliary`` modify one)
_NEGATING = frozenset({"negation", "denial"})
#: ألا ("that ... not") as normalized, with a proclitic: written like إلا ("except")
_THAT_NOT = frozenset({"الا", "والا", "فالا"})


def _split_negation(word: str, known: set[str]) -> tuple[str, str] | None:
    """``لايوجد`` -> ``("لا", "يوجد")`` when the verb (or its other person) is known.

    Examples
    --------
    >>> _split_negation("لايوجد", {"توجد"}), _split_negation("لاتفيا", {"توجد"})
    (('لا', 'يوجد'), None)
    """
    if word == "مالا":
        return ("ما", "لا")  # ما لا تحمد عاقبته typed as one word
    rest = word[2:]
    if rest[:1] not in ("ي", "ت") or len(rest) < 4:
        return None
    other = ("ت" if rest[0] == "ي" else "ي") + rest[1:]
    return ("لا", rest) if rest in known or other in known else None


def _unjoin(text: str, joined: dict[str, tuple[str, str]]) -> str:
    return _TOKEN.sub(lambda m: " ".join(joined.get(m.group(0), (m.group(0),))), text)


def match_texts(tokens: Iterable[list[str]]) -> list[str]:
    """Join content tokens into the strings rapidfuzz scorers compare."""
    return [" ".join(t) for t in tokens]


def polarity_edits(
    words_a: Sequence[str],
    words_b: Sequence[str],
    *,
    polarity: dict[str, Polar] | None = None,
    max_span: int = 3,
) -> tuple[int, int]:
    """Negation and denial words each side adds where the two texts otherwise agree.

    ``words_*`` are the texts' match-normalized words with their clitics. The
    two word sequences are aligned (:class:`difflib.SequenceMatcher`, on words
    without one proclitic and the article); a negation or denial word counts
    for its side when it sits in a small edit (at most ``max_span`` words on
    each side) between stretches both texts share: ``روسيا لا تشارك`` /
    ``روسيا تشارك``, ``تم إصلاح`` / ``لم يتم إصلاح``, ``أوضح أن`` / ``نفى أن``. A
    negation inside a clause only one side has (a longer edit) is no edit of
    the shared claim and does not count, nor does a ``ولا`` ("nor") after a
    first negation. When one side negates in a small edit and the other in
    a longer one, both negate in their own words: no edit is counted. A
    negation typed joined to its verb (``لايشمل``) is two words, and ``أن
    لا`` is ``ألا``.

    Examples
    --------
    >>> polarity_edits("روسيا لا تشارك في التحالف".split(), "روسيا تشارك في التحالف".split())
    (1, 0)
    >>> polarity_edits("متعهدا عدم السماح بتكرار ما حصل".split(),
    ...                "متعهدا بعدم تكرار ما حصل".split())
    (0, 0)
    >>> polarity_edits("شريطه الا تكون على حساب".split(), "شريطه ان لا تكون على حساب".split())
    (0, 0)
    >>> polarity_edits("مطالب الشعب بالا مستقبل للاسد".split(),
    ...                "مطالب الشعب بان لا مستقبل للاسد".split())
    (0, 0)
    >>> polarity_edits("لم يسعفه لا الوقت ولا سرعه الطائره".split(),
    ...                "لم يسعفه الوقت وسرعه الطائره".split())
    (0, 0)
    >>> polarity_edits("مصر تدخل قطر في الشؤون الداخليه غير مقبول".split(),
    ...                "قالت مصر اليوم السبت انها ترفض تدخل قطر في شؤونها الداخليه".split())
    (0, 0)
    >>> polarity_edits("وضع شعبها المعيشي والا تستخدمها في الشغب".split(),
    ...                "وضع شعبها المعيشي ولا تستخدمها في الشغب".split())  # one each: even
    (1, 1)
    >>> polarity_edits("ان موقف المملكه تجاه حماس وتجاه دعم السلطه لم يتغير".split(),
    ...                "ان موقف المملكه لحماس لم يتغير وموقفها لدعم السلطه لم يتغير".split())
    (0, 0)
    """
    import difflib

    polar = load_polarity() if polarity is None else polarity
    known = set(words_a) | set(words_b)

    def prepared(words: Sequence[str]) -> list[str]:
        out: list[str] = []
        for w in words:
            parts = _split_negation(w, known) if w[:2] == "لا" and len(w) >= 5 else None
            if parts is None and w[:2] == "لا" and len(w) == 5 and (w[2:] in known):
                parts = ("لا", w[2:])
            out.extend(parts or (w,))
        merged: list[str] = []
        for w in out:
            if w == "لا" and merged and merged[-1] in ("ان", "وان", "فان", "بان"):
                merged[-1] = merged[-1][:-2] + "الا"  # أن لا = ألا, وأن لا = وألا, بأن لا = بألا
            elif w == "لا" and merged and merged[-1] == "كي":
                merged[-1] = "كيلا"  # كي لا = كيلا
            elif len(w) == 5 and w[0] in "وف" and w[1] in "بل" and w[2:] in ("عدم", "غير"):
                merged.append(w[0] + w[2:])  # وبعدم مغادرة = وعدم مغادرة
            else:
                merged.append(w)
        return merged

    def negating(words: list[str], k: int) -> bool:
        hit = _polar(words[k], polar)
        if hit is None or hit[0] not in _NEGATING:
            return False
        # "nor" after a first negation is no negation of its own, nor the "neither"
        # that opens it (لم يسعفه لا الوقت ولا سرعة الطائرة = لم يسعفه الوقت وسرعة الطائرة)
        before = words[max(0, k - 8) : k] if words[k] == "ولا" else words[max(0, k - 3) : k]
        return not (
            (words[k] == "ولا" or (words[k] == "لا" and "ولا" in words[k + 1 : k + 7]))
            and any(
                (h := _polar(w, polar)) is not None and h[0] in _NEGATING for w in before
            )
        )

    a, b = prepared(words_a), prepared(words_b)
    keys_a = [_bare(w) for w in a]
    keys_b = [_bare(w) for w in b]

    def negated_there(words: list[str], k: int, keys_other: list[str], other: list[str]) -> bool:
        """The word this negation negates is negated in the other text too: «لم يتغير»
        said of two items on one side, of one on the other, is no change of polarity."""
        if k + 1 >= len(words):
            return False
        verb = _bare(words[k + 1])
        return any(
            keys_other[m + 1] == verb and negating(other, m) for m in range(len(other) - 1)
        )

    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    count_a = count_b = other_a = other_b = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        in_a = sum(
            negating(a, k) and not negated_there(a, k, keys_b, b) for k in range(i1, i2)
        )
        in_b = sum(
            negating(b, k) and not negated_there(b, k, keys_a, a) for k in range(j1, j2)
        )
        if tag == "replace" and in_a != in_b:
            # ألا ("that ... not") is written الا like إلا ("except") and is no listed
            # negation: against a لا of the other side it is the same negation
            # («وألا تستخدمها» / «ولا تستخدمها», 2015-07-24)
            if in_a < in_b and _THAT_NOT & set(a[i1:i2]):
                in_a = in_b
            elif in_b < in_a and _THAT_NOT & set(b[j1:j2]):
                in_b = in_a
        whole = (i1 == 0 and j1 == 0) and (i2 == len(a) and j2 == len(b))  # nothing shared
        if i2 - i1 > max_span or j2 - j1 > max_span or whole:
            other_a, other_b = other_a + in_a, other_b + in_b
            continue
        count_a, count_b = count_a + in_a, count_b + in_b
    if (count_a and other_b) or (count_b and other_a):
        return 0, 0  # both sides negate, each in its own words (غير مقبول / إنها ترفض)
    return count_a, count_b


def _bare(word: str) -> str:
    """A word without one proclitic (و ف ب ل) and the article, when 3+ letters remain."""
    if len(word) >= 4 and word[0] in "وفبل" and not word.startswith("لي"):
        word = word[1:]
    if word.startswith("ال") and len(word) >= 5:
        word = word[2:]
    return word
