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

import difflib
import re
from collections import Counter
from collections.abc import Callable, Collection, Container, Mapping, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from narratives._resources import load_tsv, load_yaml
from narratives.align._text import light_key
from narratives.normalize import normalize
from narratives.statements._predicates import fast_verbish as verbish

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


def exchanged(
    tokens_a: Sequence[str],
    tokens_b: Sequence[str],
    names: Container[str],
    *,
    people: Container[str] | None = None,
) -> bool:
    """Do two names change places around a word that stays between them?

    ``X … p … Y`` on one side and ``Y … p … X`` on the other, with ``X`` and
    ``Y`` words of ``names`` (places, given names, one-word entities) written
    once on each side, both people (``people``) or both not: two slots swapped
    their fillers (كريج باوسون حكما للساحة … كيفن فرند حكما رابعا, the two
    referees swapped). A block that only moves (قال الوزير / الوزير قال, an
    adverb moved to the end) keeps its own order and that of the words it
    crosses, so it never has such a pivot; other words than names are left
    out, as rewrites reorder clauses and appositions all the time (في حضور
    رئيس المركز الأمير تركي / بحضور الأمير تركي رئيس المركز).

    Examples
    --------
    >>> a, b = "كريج حكم ساحه كيفن حكم رابع", "كيفن حكم ساحه كريج حكم رابع"
    >>> exchanged(a.split(), b.split(), {"كريج", "كيفن"})
    True
    >>> exchanged("اعلن وزير امس زياره".split(), "اعلن وزير زياره امس".split(), {"وزير"})
    False
    >>> listed = {"عبدالله", "نواف", "ياسر"}
    >>> exchanged("عبدالله نواف ياسر برامج".split(), "ياسر نواف عبدالله برامج".split(), listed)
    False
    """
    a = [bare(w) for w in tokens_a]
    b = [bare(w) for w in tokens_b]
    if len(a) > 80 or len(b) > 80:
        return False
    once_a = {w: k for k, w in enumerate(a) if a.count(w) == 1}
    once_b = {w: k for k, w in enumerate(b) if b.count(w) == 1}
    shared = [w for w in once_a if w in once_b and (w in names or bare(w) in names)]
    order = [once_b[w] for w in shared]  # shared is in a's order
    if len(shared) < 2 or order == sorted(order):
        return False  # no two words change their order
    where_a: dict[str, list[int]] = {}
    where_b: dict[str, list[int]] = {}
    for k, w in enumerate(a):
        where_a.setdefault(w, []).append(k)
    for k, w in enumerate(b):
        where_b.setdefault(w, []).append(k)
    # a pivot is a slot word (حكم, رئيس), not another name of a list reordered (عبدالله
    # عطيف ونواف العابد وياسر القحطاني / ياسر القحطاني، نواف العابد، وعبدالله عطيف)
    pivots = {p for p in set(where_a) & set(where_b) if p not in names}

    def kind(w: str) -> bool:
        return people is not None and (w in people or bare(w) in people)

    for x in shared:
        for y in shared:
            xa, ya, xb, yb = once_a[x], once_a[y], once_b[x], once_b[y]
            if not (xa < ya and yb < xb):
                continue
            if kind(x) != kind(y):
                continue  # a person and a place (الأمير فيصل … منطقة عسير): a title moved
            for p in pivots - {x, y}:
                if any(xa < k < ya for k in where_a[p]) and any(yb < k < xb for k in where_b[p]):
                    return True
    return False


def slot_changed(
    tokens_a: Sequence[str],
    span_a: tuple[int, int],
    tokens_b: Sequence[str],
    span_b: tuple[int, int],
    heads: frozenset[str],
    raw_a: Sequence[str] | None = None,
    raw_b: Sequence[str] | None = None,
) -> bool:
    """Is a replaced span a different name in a slot a head noun opens?

    The word before the span (the same on both sides) is a head (وزارة
    العدل / وزارة الداخلية), or the spans open with heads themselves (ديوان
    المظالم / هيئة التحقيق), or a coordinated name follows a head within
    three words (فريقي الهلال والنصر / الهلال والأهلي); spans of up to four
    words. Spelling variants
    (ميدغلف / ميدجلف) are not a change.

    Examples
    --------
    >>> heads = frozenset({"وزاره"})
    >>> slot_changed("وزاره عدل".split(), (1, 2), "وزاره داخليه".split(), (1, 2), heads)
    True
    >>> slot_changed("وزاره عدل".split(), (1, 2), "وزاره العدل".split(), (1, 2), heads)
    False
    >>> slot_changed("وزاره ابتداء".split(), (1, 2), "وزاره اعتبارا".split(), (1, 2), heads,
    ...              raw_a="ومكاتب الوزاره ابتداء من".split())
    False
    >>> teams = frozenset({"فريقي"})
    >>> slot_changed("فريقي هلال نصر".split(), (2, 3), "فريقي هلال اهلي".split(), (2, 3), teams,
    ...              raw_a="بين فريقي الهلال والنصر".split(), raw_b="فريقي الهلال والاهلي".split())
    True
    """
    (i1, i2), (j1, j2) = span_a, span_b
    wa, wb = list(tokens_a[i1:i2]), list(tokens_b[j1:j2])
    if not wa or not wb or len(wa) > 4 or len(wb) > 4:
        return False
    if any(w.isdigit() or len(w) < 3 for w in wa + wb):
        return False
    if verbish(wa[0]) or verbish(wb[0]):
        return False  # 445 مستشفى، يوجد فيها / تضم: a verb after the noun, no name
    plain_a = [w for w in wa if not _is_head(w, heads)]
    plain_b = [w for w in wb if not _is_head(w, heads)]
    if not plain_a or not plain_b:
        return False
    # one name written short (مجلس الشؤون الاقتصادية والتنمية / المجلس الاقتصادي): a
    # word of the shorter span is in the longer one
    short, long_ = (plain_a, plain_b) if len(plain_a) <= len(plain_b) else (plain_b, plain_a)
    if any(fuzz.ratio(bare(x), bare(y)) >= 80 for x in short for y in long_):
        return False
    # a spelling variant (ميدغلف / ميدجلف, سوروتش / سوروج, ورشه / ورش: the و of a root
    # is no conjunction, so the words are compared with and without it)
    if (
        max(fuzz.ratio(bare(plain_a[0]), bare(plain_b[0])), fuzz.ratio(plain_a[0], plain_b[0]))
        >= 70
    ):
        return False
    if _is_head(wa[0], heads) and _is_head(wb[0], heads) and (len(wa) > 1 or len(wb) > 1):
        return True
    if i1 == 0 or j1 == 0:
        return False
    if _is_head(tokens_a[i1 - 1], heads):
        # only a construct head opens a name slot: وزارة العدل, not ومكاتب الوزارة |
        # ابتداء من يوم or في نفس المستشفى | نجلها (see _construct)
        return raw_a is None or _construct(raw_a, tokens_a[i1 - 1], tokens_a[i1])
    # a second, coordinated name after a head (فريقي الهلال والنصر / الهلال والأهلي); the
    # token may have lost its و (نصر), the text's word has it (والنصر)
    coordinated = _after_waw(wa[0], raw_a) and _after_waw(wb[0], raw_b)
    return coordinated and any(_is_head(w, heads) for w in tokens_a[max(0, i1 - 3) : i1])


def _after_waw(token: str, raw: Sequence[str] | None) -> bool:
    """Does ``token`` open with و, or is it written with و + (the article) in ``raw``?"""
    if token[:1] == "و":
        return True
    if raw is None:
        return False
    return any(w[:1] == "و" and w[1:].endswith(token) and len(w) - len(token) <= 3 for w in raw)


def _construct(raw: Sequence[str], head: str, word: str) -> bool:
    """Is ``head`` written without the article right before ``word`` in ``raw`` (the
    text's words with their clitics): a construct head and the name it opens?

    Not when a word the tokens left out stands between them (المجلس خلال الاجتماع), nor
    when the head is definite (ومكاتب الوزارة ابتداء من, في نفس المستشفى نجلها).
    """
    for k in range(len(raw) - 1):
        first = raw[k]
        # the token may have lost a suffix (نجلها / نجل)
        if bare(first) in (head, bare(head)) and word in raw[k + 1]:
            plain = first[1:] if first[:1] in _PROCLITICS and first[1:3] == "ال" else first
            if not (plain.startswith("ال") or first.startswith("لل")):
                return True
    return False


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


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    return light_key(bare(word))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Function words and time words of ``match_stopwords.tsv`` (not titles or reporting)."""
    table = load_tsv("match_stopwords.tsv")
    keep = table.filter(table["kind"].is_in(["function", "frame"]))
    return frozenset(keep["word"].to_list())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Title words (``match_stopwords.tsv`` kind ``title``), without the article."""
    table = load_tsv("match_stopwords.tsv")
    words = table.filter(table["kind"] == "title")["word"].to_list()
    return frozenset(bare(w) for w in words) | frozenset(words)


@lru_cache(maxsize=2)
def load_given_names(people: str | Path = "person_names.tsv") -> frozenset[str]:
    """Given names (``person_names.tsv``, column ``form``), match-normalized, but
    those that are function words too (علي, the normalized على): the words
    :func:`other_fillers` reads as a person (see :func:`name_of` for clitics).

    Examples
    --------
    >>> "محمد" in load_given_names(), "السعوديه" in load_given_names()
    (True, False)
    """
    table = load_tsv(people)
    if "form" not in table.columns:
        raise ValueError(f"{people}: a person-names TSV needs a 'form' column")
    words = {normalize(str(w)) for w in table["form"].to_list() if w}
    # not a word that is also a function word once normalized (على / علي)
    return frozenset(words - _function_words())


@lru_cache(maxsize=2)
def load_name_words(
    people: str | Path = "person_names.tsv", entities: str | Path = "entities.yaml"
) -> frozenset[str]:
    """Words that name someone: given names (``person_names.tsv``, column ``form``)
    and one-word entity names (``entities.yaml``: الحوثيون, داعش), match-normalized."""
    table = load_tsv(people)
    if "form" not in table.columns:
        raise ValueError(f"{people}: a person-names TSV needs a 'form' column")
    words = {normalize(str(w)) for w in table["form"].to_list() if w}
    data = load_yaml(entities)
    for entry in (data.get("entities") or {}).values() if isinstance(data, dict) else ():
        for name in entry.get("names") or ():
            parts = normalize(str(name)).split()
            if len(parts) == 1:
                words.add(parts[0])
    return frozenset(words | {bare(w) for w in words})


def blocks_swapped(
    words_a: Sequence[str],
    words_b: Sequence[str],
    names: Container[str],
    *,
    max_span: int = 12,
    people: Container[str] | None = None,
) -> bool:
    """Do two adjacent blocks naming someone change places (agent and patient swapped)?

    ``words_*`` are the texts' words with their clitics. Past their common
    beginning and end, one side reads ``X Y`` and the other ``Y X``, each
    block a noun phrase naming someone (``names``: countries, given names,
    one-word entities): استقبل الملك سلمان الرئيس السيسي / استقبل الرئيس
    السيسي الملك سلمان; اتهم الحوثيون السعودية / اتهم السعودية الحوثيين. Coordinated names
    (روسيا وتركيا / تركيا وروسيا: the second block opens with و) and a verb
    moved past its subject (the verb names no one) are no swap.

    Examples
    --------
    >>> names = {"سلمان", "سيسي"}
    >>> blocks_swapped("استقبل الملك سلمان الرئيس السيسي".split(),
    ...                "استقبل الرئيس السيسي الملك سلمان".split(), names)
    True
    >>> people = {"فيصل", "خالد"}
    >>> blocks_swapped("يرعى الامير فيصل بن خالد امير منطقه عسير الحفل".split(),
    ...                "يرعى امير منطقه عسير الامير فيصل بن خالد الحفل".split(),
    ...                people | {"عسير"}, people=people)
    False
    >>> both = {"روسيا", "تركيا"}
    >>> blocks_swapped("اتفقت روسيا وتركيا".split(), "اتفقت تركيا وروسيا".split(), both)
    False
    """
    if len(words_a) != len(words_b):
        return False  # a swap keeps every word
    ka = [_key(w) for w in words_a]
    kb = [_key(w) for w in words_b]
    start = 0
    while start < len(ka) and ka[start] == kb[start]:
        start += 1
    end = len(ka)
    while end > start and ka[end - 1] == kb[end - 1]:
        end -= 1
    middle_a, middle_b = ka[start:end], kb[start:end]
    if not 2 <= len(middle_a) <= max_span:
        return False

    function = _function_words()

    def named(words: Sequence[str]) -> bool:
        # على is علي once normalized: a function word names no one
        return any((w in names or bare(w) in names) and w not in function for w in words)

    titles = _titles()

    def person(words: Sequence[str]) -> bool:
        return people is not None and any(w in people or bare(w) in people for w in words)

    def office(x: Sequence[str], y: Sequence[str]) -> bool:
        # x: a title naming only places, y: a person
        return bare(x[0]) in titles and not person(x) and person(y)

    def head(words: Sequence[str]) -> Sequence[str]:
        # the words before a complement opens (a function word, a preposition clitic):
        # خادم الحرمين الشريفين الملك سلمان | المتحدث الرسمي [باسم مركز الملك سلمان]
        for k in range(1, len(words)):
            w = words[k]
            if w in function or (w[:1] in "بلك" and bare(w) != w):
                return words[:k]
        return words

    def nominal(words: Sequence[str]) -> bool:
        # a noun phrase: not opened by a function word (إلى الرياض, في جدة, اليوم) or a
        # preposition clitic (بالرياض, للرئيس): those blocks move freely
        first = words[0]
        if first in function or (first[:1] in "بلك" and bare(first) != first):
            return False
        return first.startswith("ال") or named(words)

    for k in range(1, len(middle_a)):
        if middle_b != middle_a[k:] + middle_a[:k]:
            continue
        second_a = words_a[start + k]
        second_b = words_b[start + len(middle_a) - k]
        if second_a.startswith("و") or second_b.startswith("و"):
            return False  # coordination: X وY / Y وX
        x, y = words_a[start : start + k], words_a[start + k : end]
        # both blocks noun phrases naming someone in their head (a title and its name in
        # apposition, المشرف العام الدكتور عبدالله / الدكتور عبدالله المشرف العام, or
        # المتحدث الرسمي باسم مركز الملك سلمان رأفت الصباغ / رأفت الصباغ المتحدث ..., where
        # the title names someone only in its complement, are no swap)
        if not (nominal(x) and nominal(y) and named(head(x)) and named(head(y))):
            return False
        # a title of a place in apposition to a person's name (الأمير فيصل بن خالد أمير
        # منطقة عسير / أمير منطقة عسير الأمير فيصل بن خالد) is no swap
        return people is None or not (office(x, y) or office(y, x))
    return False


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1 << 16)
def _number_word(word: str) -> bool:
    """Is ``word`` a cardinal written in words (:func:`narratives._figures.number_words`)?"""
    from narratives._figures import number_words

    return bool(number_words(word))


def figure_slots(normalized: str) -> frozenset[str]:
    """The words a figure fills a slot of: the nearest content word on each side of
    every number (digits or a number word), as light stems.

    Two statements whose figures differ conflict only when a figure of each
    fills the same slot (قتل 44 شخصا / قتل 51 شخصا, صعد البلاتين 0.5 / صعد
    البلاتين 0.6), not when they count other things (بمشاركة 30 متدربا / على
    مدى ثلاثة أيام).

    Examples
    --------
    >>> sorted(figure_slots("قتل 44 شخصا في كابول"))
    ['شخص', 'قتل']
    """
    words = _WORD_RE.findall(normalized)
    function = _function_words()
    out: set[str] = set()
    for k, w in enumerate(words):
        if not (_FIGURE.fullmatch(w) or _number_word(w)):
            continue
        for step in (-1, 1):
            m, seen = k + step, 0
            while 0 <= m < len(words) and seen < 2:
                v = words[m]
                if not (_FIGURE.fullmatch(v) or v in function or len(v) < 2):
                    out.add(_key(v))
                    break
                m, seen = m + step, seen + 1
    return frozenset(out)


_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@lru_cache(maxsize=2)
def load_ordinals(name_or_path: str | Path = "ordinals.tsv") -> dict[str, int]:
    """Ordinal adjective (match-normalized, no article) -> its number (``lexicons/ordinals.tsv``).

    Examples
    --------
    >>> load_ordinals()["ثانيه"], load_ordinals()["اولي"]
    (2, 1)
    """
    table = load_tsv(name_or_path)
    if not {"form", "number"} <= set(table.columns):
        raise ValueError(f"{name_or_path}: an ordinals TSV needs 'form' and 'number' columns")
    return {normalize(str(w)): int(n) for w, n in zip(table["form"], table["number"], strict=True)}


#: a reporter's byline: up to four words, then a dash (عمر عريبي- سبق- جازان:)
_BYLINE = re.compile(r"^\W*(?:[^\W\d_]+\s*){1,4}[-–—]")


def has_byline(text: str) -> bool:
    """Does ``text`` open with a reporter's byline (a few words, then a dash)?

    Examples
    --------
    >>> has_byline("عبدالله البرقاوي-سبق-الرياض: أعلنت"), has_byline("أعلنت المديرية العامة أن")
    (True, False)
    """
    return bool(_BYLINE.match(text))


#: words before a given name that make it a father's or a family's name (بن نايف, آل سعود)
_NOT_HEAD = frozenset({"بن", "ابن", "بنت", "ال", "ا"})


def named_people(words: Sequence[str], people: Container[str]) -> set[str]:
    """The given names that open a person's name in ``words`` (the text's words).

    Not those after بن / آل (a father's or a family's name), nor a word
    written with the article (الرياض is a city, الحسن a family): given names
    take none.

    Examples
    --------
    >>> sorted(named_people("الامير محمد بن نايف بن عبدالعزيز ال سعود".split(), {"محمد",
    ...        "نايف", "عبدالعزيز", "سعود"}))
    ['محمد']
    >>> named_people("وكيل اماره منطقه الرياض".split(), {"رياض"})
    set()
    """
    return {
        name_of(w, people) or w
        for k, w in enumerate(words)
        if _given(w, people) and (k == 0 or words[k - 1] not in _NOT_HEAD)
    }


def name_of(word: str, people: Container[str]) -> str | None:
    """The given name ``word`` is, with or without one proclitic (وفيصل), else None.

    Examples
    --------
    >>> name_of("فيصل", {"فيصل"}), name_of("وفيصل", {"فيصل"}), name_of("يصل", {"فيصل"})
    ('فيصل', 'فيصل', None)
    """
    if word in people:
        return word
    if len(word) >= 4 and word[0] in _PROCLITICS and word[1:] in people:
        return word[1:]
    return None


def _given(word: str, people: Container[str]) -> bool:
    """Is ``word`` (a text's word) a given name of ``people``, written without the article?"""
    plain = word[1:] if word[:1] in _PROCLITICS and word[1:3] == "ال" else word
    return not plain.startswith("ال") and name_of(word, people) is not None


def _surnames(words: Sequence[str], people: Container[str]) -> dict[str, str]:
    """Given name -> the family name written right after it (نواف العابد), if any."""
    out: dict[str, str] = {}
    for k in range(len(words) - 1):
        nxt = words[k + 1]
        if _given(words[k], people) and nxt.startswith("ال") and len(nxt) >= 5:
            out[name_of(words[k], people) or words[k]] = bare(nxt)
    return out


class FillerFeatures:
    """What :func:`other_fillers` reads of one statement, made once for all its pairs.

    ``tokens`` are its content tokens, ``words`` its text's words (or None; or a
    function giving them, called on first use: most statements' are never read).
    The parts past the first test (the people its text names, its family
    names) are worked out on first use: most pairs never need them. The check
    gives the same answer with or without these features.

    Examples
    --------
    >>> f = FillerFeatures("اقلت طائره اولي جثمان عريف احمد".split(), {"احمد"}, {"اولي": 1})
    >>> sorted(f.nth), sorted(f.names), f.heads is None
    ([1], ['احمد'], True)
    """

    def __init__(
        self,
        tokens: Sequence[str],
        people: Container[str],
        ordinals: Mapping[str, int],
        words: Sequence[str] | Callable[[], Sequence[str]] | None = None,
        places: Mapping[str, str] | None = None,
    ) -> None:
        self.tokens, self.people, self._words = tokens, people, words
        # the countries its tokens name (a name, capital or nationality adjective)
        self.countries = (
            frozenset(c for w in tokens if (c := _country(w, places)) is not None)
            if places
            else frozenset()
        )
        # only the tokens that may be an ordinal or a given name are looked at (most
        # statements have few or none; :meth:`differs` reads nothing else)
        forms = _forms(people, ordinals)
        if forms is None:
            self.nth = frozenset(ordinals[w] for w in self.bare if w in ordinals)
            self.names = frozenset(n for w in tokens if (n := name_of(w, people)))
        else:
            nth, names = forms
            self.nth = frozenset(
                ordinals[b] for w in nth.intersection(tokens) if (b := bare(w)) in ordinals
            )
            self.names = frozenset(
                n for w in names.intersection(tokens) if (n := name_of(w, people))
            )

    @cached_property
    def raw(self) -> Sequence[str] | None:
        """Its text's words (None when not given)."""
        return self._words() if callable(self._words) else self._words

    def differs(self, other: FillerFeatures) -> bool:
        """Other ordinals, people or countries named, on each side (else no other fillers)."""
        return bool(
            (self.nth and other.nth and self.nth != other.nth)
            or (self.names and other.names and self.names != other.names)
            or (self.countries and other.countries and self.countries != other.countries)
        )

    @cached_property
    def bare(self) -> list[str]:
        """Its tokens without a proclitic or the article (:func:`bare`)."""
        return [bare(w) for w in self.tokens]

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(self.bare)

    @cached_property
    def words(self) -> frozenset[str]:
        """Its words without a proclitic or the article: tokens, and the text's words."""
        if self.raw is None:
            return frozenset(self.bare)
        return frozenset(self.bare) | {bare(w) for w in self.raw}

    @cached_property
    def given(self) -> frozenset[str]:
        """The given names it names (in its text's words when given)."""
        if self.raw is None:
            return self.names
        return frozenset(name_of(w, self.people) or w for w in self.raw if _given(w, self.people))

    @cached_property
    def family(self) -> dict[str, str]:
        return {} if self.raw is None else _surnames(self.raw, self.people)

    @cached_property
    def heads(self) -> frozenset[str] | None:
        """The given names that open a person's name (:func:`named_people`), None without words."""
        return None if self.raw is None else frozenset(named_people(self.raw, self.people))


def _country(word: str, places: Mapping[str, str] | None) -> str | None:
    """The country ``word`` names (as written, or :func:`bare`), in ``places``."""
    if not places:
        return None
    return places.get(word) or places.get(bare(word))


def _forms(
    people: Container[str], ordinals: Mapping[str, int]
) -> tuple[frozenset[str], frozenset[str]] | None:
    """Every token :func:`bare` makes an ordinal of, and every token :func:`name_of` names
    someone by (None when ``people`` cannot be listed): a token outside them is neither."""
    if not isinstance(people, (set, frozenset)):
        return None
    key = (id(people), id(ordinals))
    hit = _FORMS.get(key)
    if hit is not None and hit[0] is people and hit[1] is ordinals:
        return hit[2]
    # bare: one proclitic, the article, or both; name_of: one proclitic
    nth = {p + a + w for w in ordinals for p in ("", *_PROCLITICS) for a in ("", "ال")}
    names = set(people) | {p + w for w in people for p in _PROCLITICS}
    forms = (frozenset(nth), frozenset(names))
    _FORMS[key] = (people, ordinals, forms)  # both kept alive: their ids stay theirs
    return forms


_FORMS: dict[tuple[int, int], tuple[Any, Any, tuple[frozenset[str], frozenset[str]]]] = {}


def other_fillers(
    tokens_a: Sequence[str],
    tokens_b: Sequence[str],
    people: Container[str],
    ordinals: Mapping[str, int],
    *,
    words: tuple[Sequence[str], Sequence[str]] | None = None,
    bylines: tuple[bool, bool] = (False, False),
    min_shared: float = 0.5,
    max_span: int = 6,
    features: tuple[FillerFeatures, FillerFeatures] | None = None,
    places: Mapping[str, str] | None = None,
) -> str | None:
    """Do two statements fill one template's slot with different people, countries or
    ordinals?

    ``"persons"`` when the two content-token sequences share at least
    ``min_shared`` of the shorter one's words in order (one template) and a
    replaced span (up to ``max_span`` words) names a person on each side
    (a given name of ``people``) while none of either span's given names is
    written anywhere on the other side (in its tokens, or in ``words``, the
    texts' words, where a speaker's masked name still is; spelling variants
    tolerated; not the reporters of ``bylines``, openings read by
    :func:`has_byline`). With ``words``, lists (three people or more on a side) and
    a side whose people are all named on the other are not compared
    (:func:`named_people`):
    أقلت الطائرة الأولى جثمان العريف أحمد المجايشي / أقلت طائرة ثانية جثمان
    الجندي محمد العمري are two claims about two men, not one claim. Names
    are masked from no score component, but titles, ranks and the template
    around them carry most of the weight, so such pairs score as paraphrases.
    ``"countries"`` when a replaced span names a country on each side (``places``:
    names, capitals and nationality adjectives -> country id) and neither side
    names the other's anywhere: دان مجلس الوزراء البحريني التفجير / دان مجلس الوزراء
    الكويتي التفجير are two bodies' condemnations in one template, not one claim.
    ``"ordinals"`` when a replaced span after the same word holds a
    different ordinal (الطائرة الأولى / طائرة ثانية, المرحلة الثانية /
    المرحلة الثالثة). None otherwise: a name written on one side only, a
    name moved or shortened (أحمد جعفر المجايشي / أحمد المجايشي), a
    list reordered.

    Examples
    --------
    >>> people, nth = {"احمد", "محمد"}, {"اولي": 1, "ثانيه": 2}
    >>> a = "اقلت طائره اولي جثمان عريف احمد مجايشي قاعده طيران".split()
    >>> b = "اقلت طائره ثانيه جثمان جندي محمد عمري قاعده طيران".split()
    >>> other_fillers(a, b, people, nth)
    'persons'
    >>> other_fillers(a, "اقلت طائره ثانيه جثمان عريف احمد مجايشي قاعده طيران".split(), people, nth)
    'ordinals'
    >>> other_fillers(a, "اقلت طائره اولي جثمان شهيد احمد مجايشي قاعده".split(), people, nth)
    """
    if features is None:
        features = (
            FillerFeatures(
                tokens_a, people, ordinals, None if words is None else words[0], places
            ),
            FillerFeatures(
                tokens_b, people, ordinals, None if words is None else words[1], places
            ),
        )
    fa, fb = features
    a, b = fa.bare, fb.bare
    if not fa.differs(fb):
        return None  # cheap exit: most pairs name no one or the same people
    if len(a) > 120 or len(b) > 120:
        return None
    least = min_shared * min(len(a), len(b))
    # the matching blocks are a common subsequence: never more than the longest one
    # (RapidFuzz's LCSseq, in C++; the words shared in any order bound it more loosely)
    if LCSseq.similarity(a, b) < least:
        return None  # not one template
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < least:
        return None  # not one template

    def written(name: str, words: Collection[str]) -> bool:
        return process.extractOne(name, words, scorer=fuzz.ratio, score_cutoff=80) is not None

    words_a, words_b = fa.words, fb.words
    given_a, given_b = fa.given, fb.given
    family_a, family_b = fa.family, fb.family
    compare_people = True
    if fa.heads is not None and fb.heads is not None:
        heads_a, heads_b = fa.heads, fb.heads
        # a list of names (اسماعيل مغربي.. احمد العوفي.. / احمد العوفي وياسر الفهمي)
        # differs without naming other people; one side's people all named on the other
        # (الملك سلمان / الملك سلمان ونائبه الأمير محمد بن نايف) is one claim told fuller
        compare_people = (
            len(heads_a) < 3
            and len(heads_b) < 3
            and not (heads_a and heads_b and (heads_a <= heads_b or heads_b <= heads_a))
        )

    def elsewhere(name: str, family: dict[str, str], other: Collection[str]) -> bool:
        # the given name on the other side, or the family name after it (نواف العابد /
        # العابد والقحطاني: the other side names him by his family name)
        return written(name, other) or (name in family and family[name] in other)

    kind = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        wa, wb = a[i1:i2], b[j1:j2]
        if tag != "replace" or len(wa) > max_span or len(wb) > max_span:
            continue
        if i1 == 0 and j1 == 0 and any(bylines):
            continue  # a byline's reporter (طارق قمقوم – عين اليوم / عبدالله البرقاوي- سبق)
        na = [n for w in tokens_a[i1:i2] if (n := name_of(w, people)) in given_a]
        nb = [n for w in tokens_b[j1:j2] if (n := name_of(w, people)) in given_b]
        if (
            compare_people
            and na
            and nb
            and not any(elsewhere(x, family_a, words_b) for x in na)
            and not any(elsewhere(y, family_b, words_a) for y in nb)
        ):
            return "persons"
        ca = {c for w in tokens_a[i1:i2] if (c := _country(w, places)) is not None}
        cb = {c for w in tokens_b[j1:j2] if (c := _country(w, places)) is not None}
        if ca and cb and ca.isdisjoint(fb.countries) and cb.isdisjoint(fa.countries):
            return "countries"
        oa = {ordinals[w] for w in wa if w in ordinals}
        ob = {ordinals[w] for w in wb if w in ordinals}
        # after the same word (طائره اولي / طائره ثانيه): the slot is that word's
        if oa and ob and oa.isdisjoint(ob) and i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1]:
            kind = "ordinals"
    return kind
