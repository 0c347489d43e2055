"""Is a swapped span a word choice? Content checks for :mod:`narratives.compare.substitutions`.

Two aligned statements of one claim differ in many ways that are not word
choices; reading SaudiNewsNet rows found these, each a check here:

- **another form of the same word**: a misspelling (تسير / تسيير in a text
  about تسيير الرحلات), a pronoun or number ending (فعالياته / فعالياتها,
  جرفهم / جرفهما), a verb prefix (يأتي / تأتي), a proclitic (للخطوبة /
  خطوبة): the words share a light stem or are one letter apart
  (:func:`same_word`), which also sets aside two related nouns one letter
  apart (اتفاقيات / اتفاقات, الرئيسة / الرئيسية: the same two letters make
  the misspelling الدولة / الدولية);
- **content, not wording**: a person's name on either side (أندرو أكسوم /
  أليسا سلوتكين in two attendee lists, المصري / عبدالفتاح السيسي), a word of
  one span that the other statement has elsewhere (a list or sentence in
  another order: «كانت ... قد أثارت» / «أثارت»), a span of function words
  against content words (an insertion, not a swap), honorific pronouns
  (معاليه / اليوسف: who is referred to, not how);
- **statements about different facts**: two statements whose figures
  disagree (36.9 against 8.6 billion riyals of two banks) are not one
  statement worded two ways.

The lexicon is data: ``lexicons/substitutions.yaml`` (honorific pronouns,
name particles, prepositions), ``person_names.tsv`` and the person names of ``actors.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import polars as pl
from rapidfuzz.distance import Levenshtein

from narratives._resources import load_tsv, load_yaml
from narratives.compare._text import variant_kind
from narratives.normalize import PROCLITICS, normalize

#: attached pronouns and noun/verb endings (match-normalized: ة is ه), longest first
SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        (
            "ه",
            "ها",
            "هم",
            "هما",
            "هن",
            "كم",
            "كما",
            "نا",
            "ات",
            "ون",
            "ين",
            "ان",
            "وا",
            "تم",
            "ت",
            "ي",
            "ا",
        ),
        key=len,
        reverse=True,
    )
)
#: imperfect verb prefixes (يأتي / تأتي)
VERB_PREFIXES = ("ي", "ت", "ن", "ا")


@dataclass(frozen=True)
class ChoiceLexicon:
    """Words that make a span content rather than wording (see :func:`load_choice_lexicon`)."""

    names: frozenset[str]
    references: frozenset[str]
    prepositions: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    countries: Mapping[str, str] = field(default_factory=dict)  # word -> country id
    country_words: frozenset[str] = frozenset()  # البلاد, المملكة: a country unnamed
    fact_words: Mapping[str, int] = field(default_factory=dict)  # word -> class (directions)


@lru_cache(maxsize=4)
def load_choice_lexicon(path: str = "substitutions.yaml") -> ChoiceLexicon:
    """Person-name words and honorific pronouns, match-normalized.

    Person names: ``person_names.tsv`` (given names), the words of the person
    names in ``actors.yaml``, ``name_words`` of ``substitutions.yaml`` and
    one-word month names (``months.yaml``: أغسطس آب / أغسطس المقبل is a date,
    not a word choice). Institutions: ``institution_heads`` of
    ``speaker_words.yaml`` (الجامعة / الهيئة is another institution).
    """
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with 'references' and 'name_words'")
    names = {normalize(str(w)) for w in load_tsv("person_names.tsv")["form"]}
    actors = (load_yaml("actors.yaml") or {}).get("actors") or {}
    for entry in actors.values():
        if isinstance(entry, dict) and entry.get("type") == "person":
            for name in entry.get("names") or []:
                names |= set(normalize(str(name)).split())
    particles = {normalize(str(w)) for w in data.get("name_words") or []} - {"ال"}
    months = (load_yaml("months.yaml") or {}).get("months") or {}
    # one-word month names of any length: آب is a month (أغسطس (آب) / أغسطس الجاري)
    month_words = {normalize(str(m)) for m in months if " " not in str(m)}
    heads = (load_yaml("speaker_words.yaml") or {}).get("institution_heads") or []
    institutions = {normalize(str(w)) for w in heads}
    institutions |= {"ال" + w for w in institutions if not w.startswith("ال")}
    return ChoiceLexicon(
        names=frozenset(w for w in names if len(w) >= 3) | particles | month_words,
        references=frozenset(normalize(str(w)) for w in data.get("references") or []),
        prepositions=frozenset(normalize(str(w)) for w in data.get("prepositions") or []),
        determiners=frozenset(normalize(str(w)) for w in data.get("determiners") or []),
        institutions=frozenset(institutions),
        countries=_country_names(),
        country_words=frozenset(normalize(str(w)) for w in data.get("country_words") or []),
        fact_words={
            normalize(str(w)): k
            for k, words in enumerate(data.get("fact_classes") or [])
            for w in words
        },
    )


def _country_names() -> dict[str, str]:
    """Country names, capitals and adjectives of ``countries.tsv`` (also with ال) -> country."""
    out: dict[str, str] = {}
    rows = load_tsv("countries.tsv").filter(pl.col("form").is_in(["name", "adjective"]))
    for name, country in rows.select("name", "country").iter_rows():
        word = normalize(str(name))
        out.setdefault(word, str(country))
        if not word.startswith("ال"):
            out.setdefault("ال" + word, str(country))
    return out


@lru_cache(maxsize=1 << 16)
def light_stem(key: str) -> str:
    """``key`` (match-normalized) without a proclitic before the article, the article
    (or the لل of ل + ال) and one ending.

    Examples
    --------
    >>> [light_stem(w) for w in ["فعالياته", "فعالياتها", "للخطوبه", "خطوبه", "والمجتمع"]]
    ['فعاليات', 'فعاليات', 'خطوب', 'خطوب', 'مجتمع']
    """
    word = key
    if len(word) > 4 and word[0] in PROCLITICS and word[1:3] in ("ال", "لل"):
        word = word[1:]  # والمجتمع, وللشعب: a proclitic only before the article
    if word.startswith(("ال", "لل")) and len(word) > 4:
        word = word[2:]
    for end in SUFFIXES:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


@lru_cache(maxsize=1 << 16)
def skeletons(key: str) -> frozenset[str]:
    """The consonants of a word form: light stem without a future or tense prefix, a
    person ending or the weak letters ا و ي ى ء; with and without a first letter that
    may be a tense prefix or the root's own (نشاط / أنشطة, بدت / تبدو -> بد)."""
    word = light_stem(key)
    if len(word) > 4 and word[0] == "س" and word[1] in VERB_PREFIXES:
        word = word[1:]  # the future prefix: سيحفز
    forms = {word}
    if len(word) > 3 and word[0] in VERB_PREFIXES:
        forms.add(word[1:])
    out = set()
    for form in forms:
        if len(form) > 2 and form.endswith("ت"):
            form = form[:-1]
        out.add("".join(c for c in form if c not in "اويىءئؤ"))
    return frozenset(f for f in out if len(f) >= 2)


@lru_cache(maxsize=1 << 18)
def same_word(a: str, b: str) -> bool:
    """Two match-normalized tokens that are forms (or misspellings) of one word.

    Examples
    --------
    >>> [same_word(a, b) for a, b in [("تسير", "تسيير"), ("فعالياته", "فعالياتها"),
    ...     ("جرفهم", "جرفهما"), ("ياتي", "تاتي"), ("بدت", "تبدو"), ("تم", "تمت"),
    ...     ("تحفيز", "سيحفز"), ("انشطه", "نشاط"), ("المراجيح", "المجاريح"),
    ...     ("يعرف", "يدرك"), ("المقبله", "القادمه"), ("طن", "الطن"), ("الصوت", "الصوتيه")]]
    [True, True, True, True, True, True, True, True, True, False, False, True, True]
    """
    if a == b:
        return True
    long, short = (a, b) if len(a) >= len(b) else (b, a)
    if len(short) >= 2 and long.startswith(short) and long[len(short) :] in SUFFIXES:
        return True  # تم / تمت
    if len(short) >= 2 and (
        long in ("ال" + short, "لل" + short)
        or (len(long) == len(short) + 1 and long[0] in PROCLITICS and long[1:] == short)
        or (long[:1] in PROCLITICS and long[1:] == "ال" + short)
    ):
        return True  # «نحو طن» / «نحو الطن»: the article only
    if min(len(a), len(b)) < 3:
        return False
    if (
        len(long) - len(short) <= 2
        and long.endswith(short)
        and all(c in PROCLITICS for c in long[: len(long) - len(short)])
    ):
        return True  # ولترسيخ / ترسيخ: proclitics the stripper kept
    if Levenshtein.distance(a, b) <= 1:
        return True
    for x, y in ((a, b), (b, a)):  # ليشمه / يشمل: a kept proclitic and a typo
        if len(x) >= 5 and x[0] in PROCLITICS and Levenshtein.distance(x[1:], y) <= 1:
            return True
        # بمشروعاتها / مشاريعها, بقرص / قرصا: a preposition kept on one side only (the
        # stripper keeps it before a word it has not seen), then two forms of one noun
        if len(x) >= 4 and x[0] in PROCLITICS and len(y) >= 3:
            bare = x[1:]
            # (four consonants or more: three are a root, عمليات / أعمال are two words)
            if light_stem(bare) == light_stem(y) or any(
                len(c) >= 4 for c in skeletons(bare) & skeletons(y)
            ):
                return True
    sa, sb = light_stem(a), light_stem(b)
    if sa == sb:
        return True
    if min(len(sa), len(sb)) >= 3 and (sa == sb + "ي" or sb == sa + "ي"):
        return True  # a noun and its adjective: «بقنابل الصوت» / «بالقنابل الصوتية»
    na, nb = (x[:-1] if x.endswith("ي") else x for x in (sa, sb))
    if na != nb and variant_kind(na, nb) is not None:
        return True  # الانكليزية / الإنجليزي: a transliteration and an ending
    if a[0] in VERB_PREFIXES and b[0] in VERB_PREFIXES and light_stem(a[1:]) == light_stem(b[1:]):
        return True
    if len(a) >= 4 and len(a) == len(b) and sorted(a) == sorted(b):
        return True  # المراجيح / المجاريح: the same letters in another order, a typo
    return bool(skeletons(a) & skeletons(b))  # بدت / تبدو, أنشطة / نشاط


_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")


def figures(keys: Sequence[str]) -> set[str]:
    """The numbers of a statement's tokens, separators and year marks dropped."""
    if not _DIGIT.search("".join(keys)):
        return set()  # most statements hold no digit: no token is read
    return {
        m.lstrip("0") or "0"
        for k in keys
        if any(c.isdigit() for c in k)
        for m in [re.sub(r"\D", "", k)]
        if m
    }


def figures_differ(keys_a: Sequence[str], keys_b: Sequence[str]) -> bool:
    """Each statement has a number the other lacks: two facts, not one worded twice."""
    fa, fb = figures(keys_a), figures(keys_b)
    return bool(fa - fb) and bool(fb - fa)


def not_a_choice(
    span_a: Sequence[str],
    span_b: Sequence[str],
    rest_a: Collection[str],
    rest_b: Collection[str],
    *,
    function: Collection[str],
    lexicon: ChoiceLexicon,
) -> str | None:
    """Why two swapped spans (match-normalized, proclitics stripped) are no word choice.

    ``rest_a`` / ``rest_b``: the other tokens of each statement. Returns the
    bin (``insertion``, ``rewrite``: other function words around the swap or a
    noun against a verb, ``reference``, ``name``, ``inflection``,
    ``reordered``) or None for a word choice.

    Examples
    --------
    >>> lex = ChoiceLexicon(names=frozenset({"اندرو", "اليسا"}), references=frozenset({"معاليه"}))
    >>> not_a_choice(["يعرف"], ["يدرك"], set(), set(), function=set(), lexicon=lex) is None
    True
    >>> not_a_choice(["اندرو", "اكسوم"], ["اليسا", "سلوتكين"], set(), set(),
    ...     function=set(), lexicon=lex)
    'name'
    """
    content_a = [t for t in span_a if not _function_like(t, function)]
    content_b = [t for t in span_b if not _function_like(t, function)]
    if not content_a or not content_b:
        return "insertion"  # function words against content words: added, not swapped
    frame_a = {t for t in span_a if t not in content_a and t not in lexicon.determiners}
    frame_b = {t for t in span_b if t not in content_b and t not in lexicon.determiners}
    if frame_a != frame_b:
        return "rewrite"  # «في الدولة» / «سيبدأ», «كما تمتاز» / «تسمح»: another construction
    if any(
        t in lexicon.references or (t[0] in PROCLITICS and t[1:] in lexicon.references)
        for t in list(span_a) + list(span_b)
    ):  # لجلالته / للرئيس المصري: two telegrams to two heads of state
        return "reference"
    if any(
        t in lexicon.names or light_stem(t) in lexicon.names or _LATIN.search(t)
        for t in content_a + content_b
    ):
        return "name"
    if _other_country(content_a, content_b, lexicon) or _other_country(
        content_b, content_a, lexicon
    ):
        return "name"  # «جمهورية النيجر الشقيق» / «جمهورية بنين الصديق»: two countries
    if len(content_a) == len(content_b) == 1 and _other_fact(content_a[0], content_b[0], lexicon):
        return "fact"  # «جنوب مدينة رفح» / «غرب مدينة رفح», «ارتفع» / «تراجع»: another fact
    if len(content_a) == len(content_b) == 1 and _one_name_two_spellings(
        content_a[0], content_b[0]
    ):
        return "inflection"  # سروج / سوروتش, نيوجيرسي / نيوجرزي: a foreign name transliterated
    if _periphrasis(content_a, content_b) or _periphrasis(content_b, content_a):
        return "rewrite"  # «قامت بتكثيف» / «كثفت», «يقوم بتوفير» / «يوفر»: one verb
    if _noun_against_verb(content_a, content_b) or _noun_against_verb(content_b, content_a):
        return "rewrite"  # «بالظهران» / «وتستمر»: a place against a verb, another sentence
    if set(content_a) & lexicon.institutions and set(content_b) & lexicon.institutions:
        return "name"  # منسوبو الجامعة / منسوبو الهيئة: another institution, not another word
    if any(
        same_word(x, y) or _participle(x, y) or _doubled_root(x, y) or _doubled_plural(x, y)
        for x in content_a
        for y in content_b
    ) or same_word("".join(span_a), "".join(span_b)):
        return "inflection"  # (joined: ووزارةالداخلية / وزارة الداخلية, a missing space)
    if len(content_a) == len(content_b) == 1 and _one_stem(content_a[0], content_b[0]):
        return "inflection"  # تستهدف / مستهدفة, يستغلون / استغلالاً, يونايتد / مانشستريونايتد
    if any(same_word(t, r) for t in content_a for r in rest_b if len(r) >= 3) or any(
        same_word(t, r) for t in content_b for r in rest_a if len(r) >= 3
    ):
        return "reordered"  # the word is in the other statement too: moved, not replaced
    return None


_LATIN = re.compile(r"[A-Za-z]")


def _other_country(a: Sequence[str], b: Sequence[str], lexicon: ChoiceLexicon) -> bool:
    """``a`` names a country that ``b`` neither names nor calls البلاد / المملكة."""
    if not lexicon.countries:
        return False
    named_a = {c for t in a if (c := lexicon.countries.get(t))}
    named_b = {c for t in b if (c := lexicon.countries.get(t))}
    if not named_a or named_a <= named_b:
        return False
    return not (not named_b and any(t in lexicon.country_words for t in b))


#: letters folded when two spellings of a foreign name are compared (تش for ج, ز for س ...)
_FOREIGN_FOLD = str.maketrans(
    {
        "ز": "س",
        "ص": "س",
        "ذ": "س",
        "ظ": "س",
        "ط": "ت",
        "غ": "ج",
        "ق": "ج",
        "ك": "ج",
        "ڤ": "ف",
        "پ": "ب",
        "ة": "",
        "ه": "",
    }
)


def _consonants(word: str) -> str:
    """A foreign name's consonants: no vowels, ال or ending, one letter per sound."""
    word = light_stem(word).replace("تش", "ج")
    return "".join(c for c in word if c not in "اويىء").translate(_FOREIGN_FOLD)


def _consonant_forms(word: str) -> set[str]:
    """:func:`_consonants` of ``word`` with and without its ending taken off: «فيرجسون» ends
    in «ون» like a plural but is a name (فيرغسن)."""
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    whole = "".join(c for c in bare.replace("تش", "ج") if c not in "اويىء")
    return {_consonants(word), whole.translate(_FOREIGN_FOLD)}


def _one_name_two_spellings(a: str, b: str) -> bool:
    """Two spellings of one foreign name (سروج / سوروتش, فيرجسون / فيرغسن): the same
    consonants once vowels and letters for one foreign sound are folded, at least three."""
    common = _consonant_forms(a) & _consonant_forms(b)
    return a != b and any(len(c) >= 3 for c in common)


def _other_fact(a: str, b: str, lexicon: ChoiceLexicon) -> bool:
    """Two members of one closed class (the compass directions of ``fact_classes``) or a
    word and its opposite (``opposites.tsv``): the statements differ in a fact."""
    from narratives.align._text import light_key
    from narratives.align.aligner import load_opposites

    def forms(word: str) -> set[str]:
        bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
        return {word, bare, light_key(word), light_key(bare)}

    classes = lexicon.fact_words
    ka = {classes[f] for f in forms(a) if f in classes}
    if ka & {classes[f] for f in forms(b) if f in classes} and a != b:
        return True
    opposites = load_opposites()
    return any(frozenset({x, y}) in opposites for x in forms(a) for y in forms(b))


#: forms of قام ("did"): «قام بتكثيف» is «كثف» said with a verbal noun
_DID = frozenset({"قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون", "وقام", "وقامت", "ويقوم"})


def _periphrasis(a: Sequence[str], b: Sequence[str]) -> bool:
    """``a`` is قام + ب + a verbal noun and ``b`` that verb (قامت بتكثيف / كثفت)."""
    if len(a) != 2 or len(b) != 1 or a[0] not in _DID or not a[1].startswith("ب"):
        return False
    noun, verb = a[1][1:], b[0]
    return bool(
        skeletons(noun) & (skeletons(verb) | skeletons(verb[1:] if verb[:1] in "وف" else verb))
    )


def _participle(a: str, b: str) -> bool:
    """One word is the participle (م...) of the other's verb: «مثنيا» / «وأثنى», «متمنيا» /
    «وتمنى بلاتر»: one verb, two constructions (only between the swapped spans: a participle
    elsewhere in the statement, «مقاتلين», moves no «القتال»)."""
    for x, y in ((a, b), (b, a)):
        # (y a verb or verbal noun: no article, no adverbial ا: مؤخرا / أخيرا is a choice;
        # وشددا is a verb of two)
        verb_like = y[-1:] != "ا" or y[:1] in "وف"
        participle = len(x) >= 4 and x[0] == "م" and not y.startswith(("م", "ال"))
        if participle and verb_like and skeletons(x[1:]) & skeletons(y):
            return True
    return False


def _doubled_root(a: str, b: str) -> bool:
    """A verb against its verbal noun after «ب» or «ل», of one root: «أعدوا» / «بإعداد»
    («قاموا ... بإعداد», ع د د: a last letter doubled is written out in the noun only),
    «أقدم على» / «لإقدامه على»: the sentence built another way, not another word. Only
    between the swapped spans, with the preposition the stripper kept on one side only
    (without it, خاصة / خصوصاً of one root are two adverbs an outlet chooses between),
    and a root of three letters at least unless it is a doubled one."""
    for x, y in ((a, b), (b, a)):
        if len(x) >= 5 and x[0] in "بل" and y[:1] not in "بل":
            noun, verb = skeletons(x[1:]), skeletons(y)
            doubled = {c[:2] for c in noun if len(c) == 3 and c[1] == c[2]}
            if doubled & verb or any(len(c) >= 3 for c in noun & verb):
                return True
    return False


def _doubled_plural(a: str, b: str) -> bool:
    """A فعيل noun of a root whose last letter is doubled and its plural أفعلاء: «الشقيق» /
    «الأشقاء», «عزيز» / «أعزاء», «طبيب» / «أطباء»: one word, singular and plural (the
    skeletons miss it: the plural writes the doubled letter once)."""
    for x, y in ((a, b), (b, a)):
        plural = x[2:] if x.startswith("ال") else x
        single = y[2:] if y.startswith("ال") else y
        single = single[:-1] if single.endswith("ه") else single
        if (
            len(plural) == 5
            and plural[0] == "ا"
            and plural[3:] == "اء"
            and single == plural[1] + plural[2] + "ي" + plural[2]
        ):
            return True
    return False


def _one_stem(a: str, b: str, *, min_shared: int = 4) -> bool:
    """Two words sharing ``min_shared`` letters in a row once the article is off: a verb and
    its participle or verbal noun (تستهدف / مستهدفة), a name and a longer form of it."""
    a, b = (w[2:] if w.startswith("ال") and len(w) > 4 else w for w in (a, b))
    if min(len(a), len(b)) < min_shared:
        return False
    return any(a[i : i + min_shared] in b for i in range(len(a) - min_shared + 1))


def _noun_against_verb(a: Sequence[str], b: Sequence[str]) -> bool:
    """``a`` is one definite noun (ال...) and ``b`` opens with an imperfect verb (ي/ت...)."""
    first = b[0]
    if first[0] in PROCLITICS and first[1:2] in ("ي", "ت"):
        first = first[1:]
    return (
        len(a) == 1
        and a[0].startswith(("ال", "بال", "وال", "لل"))
        and first[0] in "يت"
        and len(first) >= 4
        and not first.startswith("ت" + "ال")
    )


def _function_like(token: str, function: Collection[str]) -> bool:
    """A function word, also with an attached pronoun (فيها, عليه, خلالها -> خلال) or after
    a proclitic the stripper kept (لكل, لكافة), or a letter standing alone (the
    preposition written apart: «واستمر لـ12 يوما» / «لمدة 12 يوما»)."""
    if (
        len(token) <= 1
        or token in function
        or (len(token) > 3 and token[0] in "وبلك" and token[1:] in function)
    ):
        return True  # (not ف: فتحت is a verb, not ف + تحت)
    return any(
        token.endswith(end) and token[: -len(end)] in function
        for end in ("ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي")
    )
