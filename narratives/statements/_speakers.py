"""Speakers no gazetteer lists: a name and a title read from the words of the mention.

``وقالت زهرة آدم المسؤولة المحلية`` gives the speaker id ``زهره ادم`` (the name,
match-normalized) and the title ``المسؤولة المحلية``; ``أكد الدكتور سليم النهدي``
gives ``سليم النهدي`` with the title ``الدكتور``. A name starts at a given name
(``person_names.tsv``) or right after an honorific (``speaker_words.yaml``) and
runs until a title word or punctuation. Institutions with a name of more than
one word (``وزارة الداخلية العراقية``) are speakers of their own. Within an
article, a later title or surname (``الوزير``, ``المتحدث الرسمي``,
``الزهراني``, ``الوزارة``) refers back to the last speaker it fits. Unnamed
sources (``مصادر محلية``, ``مسؤول``) and descriptions that fit no one stay
without a speaker: their words go to the title alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import polars as pl

from narratives._resources import load_tsv, load_yaml
from narratives.normalize import normalize

MAX_NAME = 5  # words of a name
MENTION_LOOKAHEAD = 10  # words after a title in which its holder's name is looked for
# a word: letters, digits and Arabic marks (not the Arabic comma, semicolon or question mark)
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+")
# words that are no name but do not end a description (مدير برنامج ..., المتحدث في ...)
_NOUNS = frozenset(
    normalize(w)
    for w in [
        "شخص",
        "أشخاص",
        "سبب",
        "أسباب",
        "عملية",
        "خطة",
        "مشروع",
        "برنامج",
        "نظام",
        "قرار",
        "حكم",
        "أحكام",
        "الحادث",
        "حادث",
        "ضرورة",
        "أهمية",
        "في",
        "على",
        "إلى",
        "عن",
        "مع",
        "بين",
        "لدى",
        "عند",
        "حول",
        "ضد",
        "عبر",
        "وفق",
        "نحو",
        "منذ",
        "من",
        "شيخ",  # أمين جربوع شيخ قبلي: a tribal sheikh, no name of two unknown words
    ]
)
_THAT = frozenset(
    normalize(w)
    for w in [
        "بأن",
        "بأنه",
        "بأنها",
        "بأنهم",
        "بأنهما",
        "أنه",
        "أنها",
        "أنهم",
        "إنه",
        "إنها",
        "إنهم",
    ]
)
_PRONOUNS = frozenset({"هو", "هي", "هم", "هما", "نحن", "انا"})
# المتحدثة باسم هذه المنظمة: a demonstrative before a definite noun stays in the phrase
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "هذين", "هاتين", "هولاء"})
_CUT = frozenset(
    normalize(w)
    for w in [
        *["قوله", "قولها", "قولهم", "بقوله", "بقولها", "لقوله"],
        # a reply after the name: مارك تونر ردا على سؤال
        *["ردا", "تعليقا", "تعقيبا", "جوابا"],
    ]
)
_JOIN = re.compile(r"\b(عبد|ابو) (?=\w)")
_PLACES = frozenset(
    normalize(w) for w in ["مدينة", "منطقة", "محافظة", "قرية", "دولة", "ولاية", "جزيرة", "بلدة"]
)
_SAINT = frozenset({"سانت", "سان"})  # سانت لويس, سان فرانسيسكو: a place
# words that end an institution's name (a preposition or adverb after it)
_INSTITUTION_ENDS = frozenset(
    normalize(w)
    for w in [
        *["في", "عبر", "إلى", "على", "مع", "حول", "خلال", "أمس", "اليوم", "بعد"],
        # مركز شرطة جرول وجرى الرفع: a passive verb of narration opens the next clause
        *["وجرى", "وتم", "وقد", "وذلك"],
    ]
)
# words that open a date (نهاية يونيو, مطلع الشهر): a time phrase after the verb, never a speaker
_TIME_HEADS = frozenset(
    normalize(w)
    for w in [
        *["نهاية", "بداية", "مطلع", "منتصف", "أواخر", "أوائل", "مستهل", "غرة"],
        # «رئيس الوزراء الماليزي نجيب عبد الرزاق الأسبوع الماضي»: the time, not the name
        *["الأسبوع", "أمس", "الشهر", "يوم"],
    ]
)
# prepositions (with a pronoun) that follow a verb: «أشرف عليها باحثون», «أشرف على», as written
# (على with ى: علي normalized is also the name)
_VERB_PREPOSITIONS = frozenset(
    [
        "على",
        "عليه",
        "عليها",
        "عليهم",
        "عليهما",
        "إليه",
        "إليها",
        "إليهم",
        "عنه",
        "عنها",
        "عنهم",
        "له",
        "لها",
        "لهم",
        "به",
        "بها",
        "بهم",
        "فيه",
        "فيها",
        "منه",
        "منها",
        "منهم",
    ]
)
# quantifiers that open the verb's object after an institution's name
_QUANTIFIERS = frozenset(normalize(w) for w in ["العديد", "الكثير", "البعض", "عدد", "بعض", "جميع"])
# kin words after which a name is the relative's (ابنة الرئيس ... احمد سوكارنو), normalized
_KIN = frozenset(normalize(w) for w in ["ابنة", "حفيد", "حفيدة", "زوجة", "أرملة", "نجل", "نجلة"])
# plural nouns that head a genitive inside an institution's name (هيئة حقوق الإنسان)
_BRANCHES = frozenset({"البحري", "الجوي"})  # العميد البحري, اللواء الجوي: a rank's branch
_CONSTRUCT = frozenset(normalize(w) for w in ["حقوق", "شؤون", "شئون", "علوم", "خدمات", "قوات"])
# punctuation between two words that ends a name (not the dot of «د.»)
_ABBREVIATION_ONTO = re.compile(r"(?<!\w)([دمأ]\.)(?=\w)")
_NAME_BREAK = re.compile(r"[,،;؛:()\[\]«»\"“”–—]|\s-\s")
_PUNCT = re.compile(r"[.,،؛;:!?؟\"«»“”()\[\]\n]")
_WORD_OR_COMMA = re.compile(_WORD.pattern + r"|[،,]")
#: :func:`~narratives.normalize.normalize` of one word, kept: the speaker rules
#: normalize the same words of a mention many times
_normal_word = lru_cache(maxsize=1 << 16)(normalize)


@dataclass(frozen=True)
class SpeakerWords:
    given: frozenset[str]
    honorifics: frozenset[str]
    descriptors: frozenset[str]
    titles: frozenset[str]
    institutions: frozenset[str]
    anonymous: frozenset[str]
    not_names: frozenset[str]
    offices: frozenset[str]
    generic: frozenset[str]
    adjectives: frozenset[str]
    countries: frozenset[str]
    generic_adjectives: frozenset[str]  # محلي, رسمي ...: no nationality, no name
    first_person: frozenset[str] = frozenset()  # وقلت: the writer speaks
    relatives: frozenset[str] = frozenset()  # عائلة, والد: the relative speaks, not the one named
    media: frozenset[str] = frozenset()  # وكالة, صحيفة ... (without ال): outlets that relay
    media_tails: frozenset[str] = frozenset()  # تايمز, نت: an outlet's name goes on
    media_generic: frozenset[str] = frozenset()  # أنباء, التواصل ...: no outlet named
    sayings: frozenset[str] = frozenset()  # المثل, الآية, سبحانه, أخرجه: a text quoted, no one
    writer_openers: frozenset[str] = frozenset()  # وللأسف, وفي رأيي: the writer comments


@lru_cache(maxsize=1)
def speaker_words() -> SpeakerWords:
    """The shipped ``person_names.tsv`` and ``speaker_words.yaml``, match-normalized."""
    data = load_yaml("speaker_words.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize(str(w)) for w in data.get(key) or [])

    given = frozenset(normalize(str(w)) for w in load_tsv("person_names.tsv")["form"])
    honorifics = words("honorifics")
    # «د.» is one token for the tokenizer (an abbreviation): the honorific with its dot
    honorifics |= frozenset(h + "." for h in honorifics if len(h) == 1)
    return SpeakerWords(
        given=given,
        honorifics=honorifics,
        descriptors=words("descriptors"),
        titles=words("title_words"),
        institutions=words("institution_heads"),
        anonymous=words("anonymous"),
        not_names=words("not_names"),
        offices=words("office_heads"),
        generic=words("generic_complements"),
        adjectives=words("adjectives") | _nationalities(),
        countries=_nationalities("name"),
        generic_adjectives=words("adjectives"),
        first_person=words("first_person"),
        relatives=words("relatives"),
        media=frozenset(_strip(w) for w in words("media_heads")),
        media_tails=words("media_name_tails"),
        media_generic=words("media_generic"),
        sayings=words("sayings") | words("transmission"),
        writer_openers=words("writer_openers"),
    )


@lru_cache(maxsize=1)
def _bad_name_words() -> frozenset[str]:
    """Words that never end a name looked up in the article (titles, descriptions ...)."""
    sw = speaker_words()
    return sw.titles | sw.honorifics | sw.descriptors | sw.not_names | sw.adjectives


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """The written forms of ``reporting_verbs.tsv``, match-normalized, with و/ف."""
    forms = {normalize(str(w)) for w in load_tsv("reporting_verbs.tsv")["form"]}
    return frozenset(forms | {p + w for w in forms for p in "وف"})


@lru_cache(maxsize=4)
def _nationalities(form: str = "adjective") -> frozenset[str]:
    """Nationality adjectives (أردني, تركي ...) or country names of ``countries.tsv``."""
    rows = load_tsv("countries.tsv").filter(pl.col("form") == form)["name"]
    extra = {"تركي", "تركيه"} if form == "adjective" else set()
    return frozenset(normalize(str(w)) for w in rows) | extra


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Words of the month and weekday names of ``months.yaml`` (يونيو, حزيران, الخميس).

    Words of three letters or less once normalized (آب "August" = أب "father", ماي) are
    left out: they are also names or common words.
    """
    data = load_yaml("months.yaml") or {}
    words = {
        normalize(part)
        for key in ("months", "weekdays")
        for name in (data.get(key) or {})
        for part in str(name).split()
    }
    return frozenset(w for w in words if len(w) > 3 and w not in ("الثاني", "الاول"))


def _time_word(w: str) -> bool:
    """``w`` (match-normalized) opens or names a date: نهاية, مطلع, يونيو, حزيران."""
    w = _plain(w)
    return w in _TIME_HEADS or w in _months()


def _in(w: str, words: frozenset[str]) -> bool:
    """``w`` in ``words``, also without (or with) the article and a proclitic ب ل و."""
    if w in words:
        return True
    if w.startswith("ال") and w[2:] in words:
        return True
    if w[:1] in "وبل" and len(w) > 3 and (w[1:] in words or _in(w[1:], words)):
        return True
    return w.startswith("لل") and "ال" + w[2:] in words


def _in_word_lists(w: str, sw: SpeakerWords) -> bool:
    """``w`` is a listed word that is no name: not-a-name, title, honorific, descriptor,
    adjective, anonymous word, institution or country."""
    return any(
        _in(w, words)
        for words in (
            sw.not_names,
            sw.titles,
            sw.honorifics,
            sw.descriptors,
            sw.adjectives,
            sw.anonymous,
            sw.institutions,
            sw.countries,
        )
    )


def _word_lists(sw: SpeakerWords) -> tuple[frozenset[str], ...]:
    return (
        sw.not_names, sw.titles, sw.honorifics, sw.descriptors, sw.adjectives, sw.anonymous,
        sw.institutions, sw.countries,
    )  # fmt: skip


def _plain(w: str) -> str:
    """``w`` without a proclitic و/ف (``فهو`` -> ``هو``)."""
    return w[1:] if w[:1] in "وف" and len(w) > 2 else w


def _strip(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


@lru_cache(maxsize=1)
def _lone_known() -> frozenset[str]:
    """The listed words :func:`lone_name` reads after a proclitic (their union, made once)."""
    sw = speaker_words()
    return sw.not_names | sw.titles | sw.anonymous | sw.institutions | sw.countries


def lone_name(word: str) -> bool:
    """``word`` (match-normalized) can be a surname standing alone: ``بوروشينكو``, ``جونزاليس``.

    Only for the subject right after a reporting verb, where an indefinite common
    noun is rare: no article, proclitic, plural or pronoun ending, no word the
    lexicons know as anything else.
    """
    sw = speaker_words()
    w = word
    known = _lone_known()
    if w.startswith("ال") and w.endswith("ي") and len(w) >= 6 and w[2:3] != "ا":
        # الحجيري, القحطاني: a family name in ـي (not a nisba, not الصحافي)
        if any(_in(w, x) for x in (sw.adjectives, sw.countries, sw.descriptors, sw.titles)):
            return False
        w = w[2:]
    return (
        len(w) >= 4
        and w.isalpha()
        and not w.startswith("ال")
        # والوزير, بسبب; not بوروشينكو, لافروف
        and not (w[:1] in "وفبلك" and (w[1:3] == "ال" or _in(w[1:], known)))
        and not (len(w) <= 5 and w[:1] in "يتن")  # يقول, تشير
        # مقاتلون, شبكة, تصميمها: plurals, feminine nouns, pronoun endings
        and not w.endswith(("ون", "ين", "ات", "ه", "ها", "هم", "هما", "كم", "نا"))
        and not _in_word_lists(w, sw)
        and w not in _NOUNS
        and not _verb_faalat(w)
    )


def _verb_faalat(w: str) -> bool:
    """``w`` (match-normalized) is a verb فاعلت of the past: حاولت, شاركت, طالبت (she
    tried, took part, asked), no name (names in ت have four letters: حكمت, مدحت; a long
    vowel before the ت makes a foreign name: بافيت)."""
    return len(w) == 5 and w[1] == "ا" and w[-1] == "ت" and w[3] not in "اوي"


def _verb_like(w: str, prev: str, sw: SpeakerWords, *, person: bool = True) -> bool:
    """``w`` (a word of an id, after ``prev``) is a verb form, not part of a name.

    A reporting verb (``انريكي اشار``, ``هادي يؤكد``); a past verb in ت
    (``عملت``, ``استطعت``, ``اصطدمت``, ``ضاعت``) unless it is a surname after a
    listed given name (``اندرو رايت``, ``توني ابوت``).
    """
    if w in sw.given:
        return False
    if w in _reporting_forms():
        return True
    if person and not prev and w[:1] == "ا" and w[2:3] == "ت" and len(w) == 5:
        return True  # أعتقد, أحتاج: a verb in the first person
    if person and not prev and w[:1] in "يت" and w.endswith("ني") and len(w) >= 5:
        return True  # يعجبني
    if not person or not w.endswith("ت") or w.startswith("ال") or w in ("بنت", "سانت"):
        return False  # صحيفة فيلت, شركة اسمنت: a foreign word in an institution's name
    if w.startswith("است") or (w[:1] == "ا" and w[2:3] in "تط" and len(w) >= 5):
        return True  # استطعت, انتقلت, اصطدمت
    if prev in sw.given or prev in ("بن", "ابن", "بنت", "عبد"):
        return False
    return len(w) <= 5 and not w.endswith(("ات", "وت", "يت"))


def sw_given() -> frozenset[str]:
    """The given names of ``person_names.tsv``, match-normalized."""
    return speaker_words().given


def speaker_id(name: str) -> str:
    """The id of an open-text speaker: the name match-normalized, ``عبد العزيز`` joined.

    Examples
    --------
    >>> speaker_id("عبد العزيز بن إبراهيم الهويمل")
    'عبدالعزيز بن ابراهيم الهويمل'
    """
    return _JOIN.sub(r"\1", normalize(name))


@dataclass
class Parsed:
    name: str | None  # the name as written
    title: str | None  # the rest of the mention as written
    kind: str  # person | institution | title | anonymous | none


def _name_start(k: int, norm: list[str], sw: SpeakerWords) -> bool:
    w = norm[k]
    if w in ("ابو", "ام", "ابن") and k + 1 < len(norm) and not _in(norm[k + 1], sw.titles):
        return True  # أم أحمد, أبو حسين
    if (
        k + 2 < len(norm)
        and norm[k + 1] in ("بن", "بنت")
        and len(w) >= 3
        and w.isalpha()
        and not w.startswith("ال")
        and w not in sw.anonymous
        and (w not in sw.not_names or w == "صباح")  # اللواء صباح بن عايد الزمهري
    ):
        return True  # مساعد بن غالي العنزي: مساعد the name, not "assistant"
    if (
        k + 1 < len(norm)
        and norm[k + 1] == "الدين"
        and w.isalpha()
        and len(w) >= 2
        and not w.startswith("ال")
        and w not in sw.not_names
    ):
        return True  # عز الدين الأصبحي, محيي الدين: a compound given name
    if _in(w, sw.titles) or w in sw.anonymous or w in sw.honorifics or len(w) < 2:
        return False
    if w in _BRANCHES and k and norm[k - 1] in sw.honorifics:
        return False  # المقدم البحري شايع بن خالد القحطاني: the rank's branch, not a name
    if (
        w.startswith("ال")
        and w[2:] in sw.adjectives
        and k + 1 < len(norm)
        and (norm[k + 1] in sw.given or _in(norm[k + 1], sw.titles))
    ):
        return False  # الجنرال الأمريكي جون كامبل: the nationality belongs to the title
    if w in sw.given or (w.startswith("عبد") and len(w) > 4):
        return True  # before not_names: علي the name, على "on" normalized alike
    if (
        k + 2 < len(norm)
        and norm[k + 1] == "ال"  # آل, normalized
        and w.isalpha()
        and len(w) >= 3
        and not w.startswith("ال")
        and w not in sw.not_names
        and w[:1] not in "وفبل"  # وقال آل الشيخ: a verb
        and not _in(w, sw.institutions)
    ):
        return True  # هذيل آل شرمة: a name and its family
    if _sabah_name(k, norm, sw):
        return True  # الشيخ صباح الخالد, الناطق باسم الجهاز صباح النعمان: not "morning"
    if w in sw.not_names:
        return False
    if w in ("عبد", "ابو", "ام", "ابن") and k + 1 < len(norm):
        return True
    prev = norm[k - 1] if k else ""
    if prev in sw.descriptors and prev not in sw.honorifics:
        # السفير بلاك ويل, المدرب إنريكي: a description before an unlisted name; a definite
        # word (الرئيس التنفيذي), a nisba, a place or a verb (اللاعب يحتاج) is none
        return (
            not w.startswith("ال")
            and w[:1].isalpha()
            and len(w) >= 3
            and w not in sw.adjectives
            and w not in sw.descriptors
            and w not in sw.countries
            and not _in(w, sw.institutions)
            # للمقاومة, بسحب, والمحاضر: a preposition or conjunction (not فهمي, بلال)
            and not (
                w[:1] in "وفبلك"
                and (
                    w[1:3] == "ال"
                    or _in(w[1:], sw.titles | sw.institutions | sw.not_names | sw.descriptors)
                    or w[:1] in "بل"  # a listed name (بدر, بلال) was taken above
                )
            )
            and not w.endswith(("ها", "هم", "هما", "نا", "كم"))  # تصميمها
            and not (len(w) <= 4 and w[:1] in "نيتا")
            and not (len(w) <= 5 and w[:1] in "يتن")  # يحتاج, تمكن
            and not w.endswith(("ون", "ين", "ات"))
            and not any(ch in "\u064b\u064c\u064d" for ch in w)
        )
    if not prev or prev not in sw.honorifics or w in sw.adjectives or w in sw.descriptors:
        return False  # only a personal honorific licenses an unknown word: الدكتور النهدي
    if prev == "صاحب" and w not in sw.honorifics:
        return False  # ديفيد كيناستون صاحب كتاب: "the author of", no honorific (صاحب السمو)
    if (w[:1] in "وفبلك" and w[1:3] == "ال") or not w[:1].isalpha():
        return False  # المقيمة بالمركز
    # الدكتور الزامل: a family name; الدكتور الشاعر: no name
    return not w.startswith("ال") or not (_in(w, sw.institutions) or w in sw.honorifics)


_NOT_AFTER_SABAH = frozenset({"الباكر", "الخير", "الغد", "العيد", "اليوم", "الامس", "النور"})


def _sabah_name(k: int, norm: list[str], sw: SpeakerWords) -> bool:
    """``norm[k]`` is the given name صباح, not "morning": a family name with ال follows
    that is no time word (``الشيخ صباح الخالد``, ``صباح النعمان``; not ``صباح اليوم``,
    ``صباح الأحد``) and no word lists know (``صباح الانتخابات``)."""
    if norm[k] != "صباح" or k + 1 >= len(norm):
        return False
    w = norm[k + 1]
    return (
        w.startswith("ال")
        and len(w) >= 5
        and w.isalpha()
        and w not in _NOT_AFTER_SABAH
        and not _time_word(w)
        and w not in sw.not_names
        and not _in(w, sw.institutions | sw.titles | sw.anonymous)
        and not _masdar(w)
        and not w.endswith(("ات", "ه"))  # صباح الانتخابات, صباح الجمعة
    )


def _family_title(i: int, j: int, norm: list[str], sw: SpeakerWords) -> bool:
    """``norm[j]`` is a family name that is also a title word, after one listed given name
    (``norm[i]``) that follows an honorific: ``المستشار أيمن الجندي``, ``الدكتور محمد
    القاضي``, ``راجح بادي المتحدث``. Only a nisba-shaped word (ال...ي, or a bare four-letter
    word in ـي) that ends the mention or comes right before an office or title word."""
    if not (j == i + 1 and norm[i] in sw.given) or j >= len(norm):
        return False
    w = norm[j]
    end = j + 1 == len(norm) or _in(norm[j + 1], sw.titles) or norm[j + 1] in sw.offices
    end = end or norm[j + 1] in sw.descriptors
    if not end or w in sw.adjectives or _in(w, sw.countries) or w in sw.given:
        return False
    if w.startswith("ال") and w.endswith("ي") and len(w) >= 5:
        return i > 0 and norm[i - 1] in sw.honorifics
    if w.startswith("ال") and len(w) >= 5 and j + 1 == len(norm) and i > 0:
        # المخرج محمد المخرج: a family name that is a title word, ending the mention after
        # an honorific or a description and one given name
        return norm[i - 1] in sw.honorifics or norm[i - 1] in sw.descriptors
    # راجح بادي: a short word in ب/ل read as a preposition and a noun
    return len(w) == 4 and w[:1] in "بل" and w.endswith("ي") and w.isalpha()


def _royal_in_institution(i: int, norm: list[str], sw: SpeakerWords) -> bool:
    """The name at ``i`` follows الملك/الأمير inside an institution's name (مستشفى الملك فهد).

    An institution word that is an office's portfolio (وزير الداخلية الأمير محمد بن نايف)
    names no institution after which the royal name comes: the prince holds the office.
    """
    if not (i > 1 and norm[i - 1] in ("الملك", "الامير")):
        return False
    # the institution word right before (مستشفى الملك فهد, مدير جامعة الملك سعود), not a
    # place or portfolio between (أمير منطقة الرياض الأمير فيصل, وزير الحرس الوطني الأمير)
    w = norm[i - 2]
    if w[:1] == "ل" and not w.startswith("لل") and len(w) >= 4 and not _in(w, sw.institutions):
        return True  # المؤسسة العامة لجسر الملك فهد: a genitive with ل, a thing named after him
    return _in(w, sw.institutions) and not (
        w.startswith("ال") and i >= 3 and norm[i - 3] in sw.offices
    )


def _masdar(w: str) -> bool:
    """``w`` (match-normalized) is a verbal noun of the form استفعال: استشهاد, استقبال, استمرار."""
    return w.startswith("است") and len(w) == 7 and w[5] == "ا" and w[3] not in "يو"  # not استيفان


def _owned_verbal_noun(w: str) -> bool:
    """``w`` (match-normalized) is a verbal noun with a pronoun: استعداده, تفاؤله, تأكيده.

    «أبدى الرئيس محمود عباس استعداده»: the verb's object (his readiness) after the
    subject's name. The verbal noun is افتعال, استفعال, تفعيل or تفاعل with ه/ها/هم (not
    إفعال, which a plural أفعال shares: «عرض صالح مجمل أفكاره»).
    """
    for suffix in ("ه", "ها", "هم"):
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 5 and not stem.startswith("ال"):
            if (len(stem) == 5 and stem[0] == "ا" and stem[3] == "ا") and stem[2] != "ت":
                continue  # أفكاره, أعماله: a plural أفعال (not انتقاله; اعلانه is missed)
            if _verbal_noun(stem) or (len(stem) == 5 and stem[0] == "ت" and stem[2] == "ا"):
                return True
    return False


def _foreign_wy(w: str) -> bool:
    """``w`` (match-normalized, in وي) is a foreign name, not و + a verb: the rest after و
    is no word of the background table (``ويضيف`` is و + يضيف; ``ويلشير`` is listed whole,
    ``يلشير`` is no word), and no plural or pronoun ending closes it."""
    from narratives.align._background import load_background

    words = load_background().words
    return (
        len(w) >= 5
        and w[1:] not in words
        and (w in words or not w.endswith(("ون", "ين", "ان", "وا", "ها", "هم")))
    )


def _name_goes_on(w: str, sw: SpeakerWords) -> bool:
    if w in sw.given:
        return True  # محمد علي خان: علي, not على
    if _masdar(w) or _owned_verbal_noun(w):
        return False  # العميد محمد سمير استشهاد ضابط, محمود عباس استعداده: the object begins
    if w in sw.sayings:
        return False  # جيمس بروكنشاير القول إن: the object begins
    if w[:1] == "و" and w[1:] in sw.given:
        return False  # سعد بخيت وإبراهيم الربيش: a second person
    if w.startswith("ال") and w[2:] in sw.given and w[2:] not in sw.titles:
        return True  # عبد الرحمن السلطان, عبدالله الحسين: a family name from a given name
    if w.startswith("الت") and len(w) >= 7 and w[-2] == "ي":
        return False  # جدد عباس التأكيد: a verbal noun (not التويجري, التميمي)
    if len(w) == 5 and w.startswith("فال") and w[3:] not in ("ذي", "تي") and w[-1] != "ه":
        return True  # فرانك فالتر شتاينماير, مايكل فالون: a name, not ف and a definite noun
    if _verb_faalat(w):
        return False  # هيلاري حاولت, شاركت: a verb of the past, no family name
    if w[:1] == "و" and w[1:2] == "ي" and _foreign_wy(w):
        return True  # جاك ويلشير, داني ويلبيك: a foreign name in وي, not و + a verb
    if (w[:1] in "وفبلك" and w[1:3] == "ال") or (
        (w[:1] == "و" and w[1:2] in "بلكسي") or (w[:1] == "ف" and w[1:2] in "بلكس")
    ):
        return False  # بكر بالدعم, المنطقة وسيناقش (not فيفريه)
    if w.startswith("لل") or w in _THAT:
        return False  # روني للصحفيين, هبل بأنهم
    if w in ("بحضور", "برئاسه", "برعايه", "بمشاركه", "بصحبه"):
        return False  # خالد بن محمد اليوسف بحضور ...: the name has ended
    if w[:1] in "بل" and len(w) <= 4 and w not in ("بن", "بنت"):
        return False  # خالد طاهر بقص الشريط: a preposition and a short noun
        # (a short family name in ب/ل, بحاح, is read by ``_short_family``)
    return not (
        _in(w, sw.titles)
        or w in sw.honorifics
        or w in sw.descriptors
        or w in sw.adjectives
        or w in sw.not_names
        or w in sw.anonymous  # وأورد المؤلف أسماء الكثير من ...: "names of many", no name
        or _in(w, sw.institutions)
        or not any(ch.isalpha() for ch in w)
    )


# words of four letters or fewer in ب/ل that are a preposition and a word, never a name
_SHORT_FUNCTION = frozenset(
    normalize(w)
    for w in [
        *["بحسب", "بهذا", "لهذا", "بذلك", "لذلك", "لذا", "بعض", "بعد", "لكل", "بكل", "لدي"],
        *["لدى", "لديه", "لديها", "بين", "بلا", "لنا", "بنا", "لكم", "بكم", "لهم", "بهم"],
        *["لها", "بها", "بما", "لما", "لمن", "بمن", "ليس", "لعل", "لقد", "بات", "بقي", "بد"],
        *["لاحقا", "بعيد", "بشكل", "بسبب", "لصالح", "بصفته", "بصفتها", "بدء", "بدوره"],
        # a manner after the name (قال رونالدو بغضب), فرانس برس (the agency told)
        *["بغضب", "بجد", "بقدر", "بمدى", "بشأن", "بحزم", "بصدق", "بفخر", "برس"],
    ]
)


def _governs(w: str, sw: SpeakerWords) -> bool:
    """``w`` is ل and a noun in construct (لشؤون, لتنسيق, لمراقبة): the definite noun after
    it belongs to an institution's name (not لوسائل الإعلام, the media told)."""
    return (
        w[:1] == "ل"
        and not w.startswith("لل")
        and len(w) >= 4
        and w.isalpha()
        and not _media_word(w[1:], sw)
    )


def _media_word(w: str, sw: SpeakerWords) -> bool:
    return w in sw.media or "ال" + w in sw.media


def _short_family(
    j: int,
    norm: list[str],
    words: list[str],
    mention: str,
    spans: list[tuple[int, int]],
    sw: SpeakerWords,
) -> bool:
    """``norm[j]``, a word of three or four letters in ب/ل after a name, is a family name.

    «وصف خالد بحاح، نائب الرئيس اليمني»: بحاح, لباد, بلان, بيغ, باور end a name and are
    followed by a comma, a title or nothing; «خالد طاهر بقص الشريط», «فان غال بهذا
    الصدد», «صالح بحسب هافنغتون بوست» are a preposition and the noun it governs: a
    definite word follows (or the word is a function word).
    """
    w = norm[j]
    if not (w[:1] in "بل" and 3 <= len(w) <= 4) or w in _SHORT_FUNCTION or w in _THAT:
        return False
    if w.startswith("لل"):  # هشام بوناجمة للحد
        return False
    raw = words[j]
    if (
        not w.isalpha()
        or raw.endswith(("ة", "ه"))
        or any(ch in "\u064b\u064c\u064d" for ch in raw)
        or any(w in x or "ال" + w in x for x in _word_lists(sw))
    ):
        return False  # لاعب, باحث, بائع: a listed word, not a name (بلان is, though لان is listed)
    if w[1:] in sw.given or _in(w[1:], sw.titles) or _media_word(w[1:], sw):
        return False  # لمحمد, لعكاظ: the one told
    if j + 1 >= len(norm) or _NAME_BREAK.search(mention[spans[j][1] : spans[j + 1][0]]):
        return True
    nxt = norm[j + 1]
    return not nxt.startswith(("ال", "لل", "بال")) and (
        _in(nxt, sw.titles) or nxt in sw.honorifics or nxt in sw.descriptors
    )


def parse_mention(mention: str) -> Parsed:
    """Split a speaker mention into a name and the title around it.

    Examples
    --------
    >>> p = parse_mention("زهرة آدم المسؤولة المحلية")
    >>> p.name, p.title, p.kind
    ('زهرة آدم', 'المسؤولة المحلية', 'person')
    >>> p = parse_mention("الدكتور سليم النهدي")
    >>> p.name, p.title
    ('سليم النهدي', 'الدكتور')
    >>> parse_mention("مصادر محلية").kind
    'anonymous'
    """
    name, title, kind = _parsed(mention)
    return Parsed(name, title, kind)  # a new object: a caller may change its fields


#: mentions parsed, kept: the speaker rules parse the same mentions many times (57 %
#: of the calls on 4,000 SaudiNewsNet articles repeat one); at most about 25 MB
@lru_cache(maxsize=1 << 15)
def _parsed(mention: str) -> tuple[str | None, str | None, str]:
    p = _parse_mention(mention)
    return p.name, p.title, p.kind


def _parse_mention(mention: str) -> Parsed:
    sw = speaker_words()
    spans = [(m.start(), m.end()) for m in _WORD.finditer(mention)]
    words = [mention[a:b] for a, b in spans]
    norm = [_normal_word(w) for w in words]
    while (
        norm
        and norm[0] not in sw.given
        and norm[0] not in ("ام", "ابو")  # أم أحمد
        and (norm[0] in sw.not_names or _plain(norm[0]) in _PRONOUNS or _time_word(norm[0]))
    ):
        spans, words, norm = spans[1:], words[1:], norm[1:]  # أفاد به الناطق ..., فهو
    for k, w in enumerate(norm):  # نقل عن الوزير قوله | رئيسة الاتحاد الثلاثاء الماضي
        named = w in sw.given or norm[k - 1] == "عبد"  # علي, عبد الله
        named = named or _sabah_name(k, norm, sw)  # الشيخ صباح الخالد
        named = named or (k + 1 < len(norm) and norm[k + 1] in ("بن", "بنت"))  # صباح بن عايد
        raw = words[k]
        if (
            k >= 2
            and norm[k - 1] in sw.given
            and raw.replace("\u0640", "") in _VERB_PREPOSITIONS
            and not any(_in(norm[k - 2], x) for x in (sw.honorifics, sw.titles, sw.given))
            and norm[k - 2] not in ("بن", "ابن", "بنت", "عبد", "ابو", "ام")
        ):
            # «دراسة طبية حديثة أشرف عليها باحثون»: a given name after a noun, followed by
            # عليها, is a verb (not «قال الدكتور أحمد له», where أحمد speaks)
            spans, words, norm = spans[: k - 1], words[: k - 1], norm[: k - 1]
            break
        if (
            k
            and not named
            and (
                any(ch in "\u064b\u064c\u064d" for ch in raw)  # معترفاً
                or (
                    not w.startswith("ال")
                    and len(w) >= 4
                    and (
                        raw.endswith(("ته", "تها", "تهم", "ها", "هم", "هما"))
                        # باسمه, بقوله (not مبارك بن بنيه)
                        or (
                            raw[:1] in "بل"
                            and raw.endswith("ه")
                            and norm[k - 1] != "بن"
                            # باعجاجه, باسلمه: Hadrami family names, not باسمه
                            and not (raw.startswith("با") and len(raw) >= 6 and raw[2:4] != "سم")
                        )
                    )
                )  # مدير عام أوفيد كلمته
            )
        ):
            spans, words, norm = spans[:k], words[:k], norm[:k]
            break
        if k and w == "عام" and _in(norm[k - 1], sw.titles):
            continue  # مدير عام الهيئة: "general", not "year"
        if k and w in _DEMONSTRATIVES and k + 1 < len(norm) and norm[k + 1].startswith("ال"):
            continue
        if (
            w in _CUT
            # قال صحفي لمعالي وزير الخارجية ...: the one told, after ل and an honorific
            or (k and w[:1] == "ل" and w[1:] in sw.honorifics and len(w) > 3)
            or (k and w in sw.not_names and w not in _NOUNS and not named)
            or (k and _time_word(w) and not named)
            or (k and w in ("التي", "الذي", "الذين"))
        ):
            spans, words, norm = spans[:k], words[:k], norm[:k]
            break
    n = len(norm)
    if not n:
        return Parsed(None, None, "none")

    def text(i: int, j: int) -> str:
        return mention[spans[i][0] : spans[j - 1][1]]

    def title_without(i: int, j: int) -> str | None:
        rest = [w for k, w in enumerate(words) if not i <= k < j]
        return " ".join(rest) or None

    if n >= 3 and norm[0].startswith("ال") and norm[0][2:] in _nationalities():
        # السويسري جوزف بلاتر, البوليفي كارلوس تشافيز: a nationality, then the name
        rest = parse_mention(text(1, n))
        if rest.kind == "person" and rest.name:
            title = " ".join([words[0], *([rest.title] if rest.title else [])])
            return Parsed(rest.name, title, "person")

    after_honorific = [
        i
        for i in range(1, n)
        if (
            norm[i - 1] in sw.honorifics
            # العميد البحري عبدالله الغرير: the name after the rank and its branch
            or (i >= 2 and norm[i - 1] in _BRANCHES and norm[i - 2] in sw.honorifics)
        )
        and not (i >= 2 and norm[i - 2] == "ولد")
        and not (i >= 2 and norm[i - 1] == "السيد" and norm[i - 2] in sw.given)  # سالم السيد
        # غيوم كلارييه الأستاذ الجامعي: an honorific after a name is its apposition
        and not (i >= 3 and all(_foreign_name_word(x, sw) for x in norm[: i - 1]))
        and not (norm[i - 1] == "صاحب" and norm[i] not in sw.honorifics)  # صاحب كتاب
    ]  # إسماعيل ولد الشيخ أحمد: a Mauritanian name, not the honorific الشيخ
    # شركة مجموعة محمد المعجل: a name inside an institution's name is no speaker
    owned = _in(norm[0], sw.institutions) and norm[0] not in sw.anonymous
    for i in (
        [] if owned else [*after_honorific, *range(n)]
    ):  # جامعة الملك فيصل ... الدكتور عبدالعزيز الساعاتي
        if _royal_in_institution(i, norm, sw):
            continue  # مستشفى الملك فهد, مدير جامعتي الملك عبدالعزيز: an institution's name
        if (
            i >= 3
            and norm[i - 1] in sw.honorifics
            and all(_foreign_name_word(x, sw) for x in norm[: i - 1])
        ):
            continue  # غيوم كلارييه الأستاذ الجامعي: the honorific is his apposition
        if i and norm[i - 1] in _SAINT:
            continue  # المسؤول التنفيذي بمقاطعة "سانت لويس": a place's name, not a person's
        if (
            i
            and norm[i - 1].startswith("لل")
            and "ال" + norm[i - 1][2:] in sw.descriptors | sw.honorifics
            and norm[i - 1] != "للفريق"  # القائد السابق للفريق براين روبسون: the team
        ):
            continue  # الفصيل المؤيد للمخلوع صالح: a genitive names someone else
        if (
            i
            and words[i][:1] in "بل"
            and words[i].endswith("ة")
            and norm[i] not in sw.given
            and norm[i - 1] in sw.honorifics
            and i + 1 < n
            and norm[i + 1].startswith("ال")  # not «الدكتورة بثينة شعبان»
        ):
            continue  # الجنرال بمشاة البحرية جوزيف دانفورد: the rank's branch, no name
        if _name_start(i, norm, sw) and words[i] not in ("على", "وعلى"):  # على "on", not علي
            j = i + 1
            while (
                j < n
                and (
                    j - i < MAX_NAME
                    # عبدالله بن محمد بن إبراهيم آل الشيخ: a chain of بن and the family آل
                    # go on past five words
                    or (
                        j - i < MAX_NAME + 4
                        and (
                            words[j] == "آل"
                            or words[j - 1] == "آل"
                            or norm[j] in ("بن", "بنت")
                            or norm[j - 1] in ("بن", "بنت")
                            # عبد الله بن عبد المحسن التركي: the family name after بن and
                            # a name of two words
                            or (norm[j - 3] in ("بن", "بنت") and norm[j - 2] == "عبد")
                        )
                    )
                )
                # الأمير محمد بن نايف، الجلسة | آل سعود – حفظه الله –: a comma or a dash ends it
                and not _NAME_BREAK.search(mention[spans[j - 1][1] : spans[j][0]])
                and words[j] not in ("على", "وعلى")  # جدد عباس التأكيد على: not علي
                and (
                    norm[j - 1] in ("عبد", "بن", "ابن", "بنت", "ولد")  # خالد بن مساعد السهلي
                    or _name_goes_on(norm[j], sw)
                    or _short_family(j, norm, words, mention, spans, sw)  # خالد بحاح
                    or (norm[j] == "ولد" and j + 1 < n)  # إسماعيل ولد الشيخ أحمد
                    or (norm[j] == "عبد" and j + 1 < n)  # عبد الخالق عبد الله: a second عبد
                    or (norm[j] == "الله" and norm[j - 1] == "عبد")
                    or (norm[j] == "السيد" and norm[j - 1] in sw.given)  # سالم السيد: a family
                    or (words[j] == "آل" and j + 1 < n)  # صالح بن عبدالعزيز آل الشيخ
                    # عبد الله بن عبد المحسن التركي: a nisba after a chain with بن is the
                    # family name
                    or (
                        norm[j].startswith("ال")
                        and norm[j].endswith("ي")
                        and "بن" in norm[i:j]
                        and norm[j] not in sw.titles
                    )
                    or _family_title(i, j, norm, sw)  # المستشار أيمن الجندي
                    or (words[j - 1] == "آل" and j > i)
                )
                and not (j - 2 > i and norm[j - 2] == "ال" and norm[j] not in ("بن", "ال"))
                # الأمير سلطان بن سلمان تسجيل الرسوم: a verbal noun تفعيل after a listed
                # name is the verb's object (not after «بن عيسى حفل»: no name was read)
                and not (
                    len(norm[j]) == 5
                    and norm[j][0] == "ت"
                    and norm[j][3] == "ي"
                    and norm[j - 1] in sw.given
                    and norm[j] not in sw.given
                )
                # العميد السحيباني الأشقاء: after a family name with ال, only another
                # family name in ـي goes on (عبدالله الحمد الغامدي)
                and not (
                    norm[j - 1].startswith("ال")
                    and norm[j - 1] != "ال"
                    and not (j - 2 >= i and norm[j - 2] == "عبد")  # عبد الرحمن السلطان
                    and norm[j].startswith("ال")
                    and not (norm[j].endswith("ي") and norm[j] not in sw.adjectives)
                    and norm[j] not in sw.given
                )
            ):
                j += 1
            while j > i and norm[j - 1] in ("بن", "ابن", "عبد", "ابو", "ام", "ال", "ولد"):
                j -= 1  # محمد بن نايف بن عبد (cut off): محمد بن نايف
            split = next(
                (
                    q
                    for q in range(i + 2, j - 1)
                    if norm[q] in sw.given
                    and norm[q - 1].startswith("ال")
                    and norm[q - 1].endswith("ي")
                    and len(norm[q - 1]) >= 5
                    and norm[q - 2] not in ("بن", "ابن", "بنت", "عبد")
                    and not _in(norm[q - 1], sw.adjectives)
                ),
                None,
            )
            if split is not None and i > 0:
                i = split  # لرئيس مجلس الوزراء حيدر العبادي سعد الحديثي: the office's
                # holder in the genitive, then the speaker's own name
            if i >= 2 and norm[i - 2] == "ولد" and norm[i - 1] in sw.honorifics:
                i -= 2  # ولد الشيخ أحمد: a Mauritanian name (إسماعيل ولد الشيخ أحمد)
                if i >= 1 and norm[i - 1] in sw.given:
                    i -= 1
            if i >= 2 and norm[i - 1] in ("بن", "ابن", "بنت") and _name_goes_on(norm[i - 2], sw):
                i -= 2  # يزيد بن عبدالرحمن السديس: the name starts before بن
            elif (
                i >= 2
                and (norm[i - 2] in sw.descriptors or norm[i - 2] in sw.honorifics)
                and not norm[i - 1].startswith("ال")
                and _name_goes_on(norm[i - 1], sw)
            ):
                i -= 1  # المواطن مكي عبدالمحسن اللعاب: an unlisted first name, a listed one
            elif (
                i >= 2
                # وزير البترول المصري شريف إسماعيل: a listed name ending the mention
                and (j - i >= 2 or j == n)
                and norm[i - 2].startswith(("ال", "بال", "لل"))
                and norm[i - 2] not in sw.honorifics
                and unlisted_name_word(norm[i - 1], words[i - 1], sw)
                and norm[i - 1][:1] not in "لبو"  # المبعوث الخاص لهولاند نيكولا هولو
                and not _in(norm[i - 1], sw.offices)
                and norm[i] in sw.given
            ):
                # القيادي في المقاومة الشعبية بالجنوب شلال علي شابع: an unlisted first name
                # after the description, then listed and family names (was «علي شابع»)
                i -= 1
            elif (
                i == 1
                and unlisted_name_word(norm[0], words[0], sw)
                and len(norm[0]) >= 4
                and norm[0][:1] not in "لبوف"
                and not _verbal_noun(norm[0])
                and norm[i] in sw.given
                and (j - i >= 2 or j == n or _in(norm[j], sw.titles) or norm[j] in sw.offices)
            ):
                # خوسيب ماريا بارتوميو رئيس نادي برشلونة, ميرزا أحمد الأمين العام للجنة: an
                # unlisted first name opening the mention, before a listed one (was «ماريا
                # بارتوميو», «أحمد»)
                i = 0
            lone = (
                j == i + 1
                and i > 0
                and norm[i - 1] not in sw.honorifics
                and norm[i - 1] not in sw.descriptors  # المدرب إنريكي
            )
            if lone and (_in(norm[i - 1], sw.titles) or _in(norm[i - 1], sw.anonymous)):
                continue  # مصدر تركي: an adjective, not the name تركي
            if _royal_in_institution(i, norm, sw):
                continue  # مركز الملك سلمان بن عبدالعزيز (found from عبدالعزيز)
            if j == i + 1 and j < n and norm[j] in sw.anonymous and norm[j] not in sw.given:
                continue  # ردّ عليّ أحد المفكرين: "on me", then the unnamed subject
            if j < n and norm[j][:1] == "و" and norm[j][1:] in sw.given:
                return Parsed(None, text(0, n), "none")  # سعد بخيت وإبراهيم الربيش: two people
            kin = next((r for r in range(1, i) if norm[r] in _KIN or norm[r] in sw.relatives), None)
            if j > i and kin is not None:
                # راشماواتي سوكارنوبوتري ابنة الرئيس الاندونيسي الاسبق احمد سوكارنو: the
                # name after «ابنة» is her father's; she is the one before it
                before = parse_mention(text(0, kin))
                if before.kind == "person" and before.name:
                    return Parsed(before.name, " ".join(words[kin:]), "person")
                return Parsed(None, text(0, n), "title")
            if j > i:
                return Parsed(text(i, j), title_without(i, j), "person")
    first = norm[0]
    size = next(
        (
            z
            for z in (2, 3)
            if n > z
            and all(
                norm[q] in sw.given or unlisted_name_word(norm[q], words[q], sw) for q in range(z)
            )
            and not norm[z].startswith("ال")
            and (norm[z] in sw.offices or _in(norm[z], sw.titles))
            and norm[z] not in sw.anonymous
            and not _in(norm[z], sw.institutions)
        ),
        None,
    )
    if (
        size is not None
        and (first in sw.given or first[:1] not in "مبلوف")
        and not (first[:1] == "ك" and len(first) < 6)
        and not _verbal_noun(first)
    ):
        # توماس باخ رئيس اللجنة الأولمبية الدولية, روري كوتريل عالم الجيولوجيا: a name no
        # list knows, two or three bare words, then its office in construct
        return Parsed(text(0, size), text(size, n), "person")
    if (
        n >= 2
        and lone_name(first)
        and unlisted_name_word(first, words[0], sw)
        and not _verbal_noun(first)
        and first[:1] not in "مبلو"  # مقتل الرجل, بلسان الخبير: a noun, a preposition
        and not (first[:1] in "فك" and len(first) < 6)  # not فرديناند
        and not norm[1].startswith("ال")  # a bare office in construct: مدافع يونايتد
        and (norm[1] in sw.offices or _in(norm[1], sw.titles))
        and norm[1] not in sw.anonymous
        and not _in(norm[1], sw.institutions)
    ):
        # فرديناند مدافع يونايتد السابق: a lone surname, then its title (the article's «ريو
        # فرديناند»)
        return Parsed(text(0, 1), text(1, n), "person")
    kept = text(0, n)  # the mention without leading function words (أفاد به ...)
    if _in(first, sw.titles) or first in sw.offices:
        # المتحدث باسم الصندوق جيري رايس في بيان: the name ends before an adjunct; مدير
        # المبيعات في كاديلاك الشرق الأوسط فيليكس ويلر: or at the end, after one
        cuts = [n, *(k for k in range(n - 1, 2, -1) if norm[k] in _TAIL_ADJUNCTS)]
        cut, tail = next(
            ((c, t) for c in cuts if (t := _unlisted_tail(norm[:c], words[:c], sw)) is not None),
            (n, None),
        )
        if tail is not None:
            # المتحدث باسم البيت الأبيض جوش إرنست, رئيس اللجنة الأولمبية الدولية توماس
            # باخ: an unlisted name closes the description of its office
            return Parsed(text(tail, cut), text(0, tail), "person")
    specific = n >= 2 and not (
        _in(norm[1], sw.generic_adjectives)
        or norm[1] in sw.not_names
        or _in(norm[1], sw.titles)
        or norm[1] in sw.anonymous
        or (norm[1][:1] in "بلف" and norm[1][1:3] != "ال")
        # ودعت الوزارة المعلنة أسماؤهم, الجهة المعنية: a participle after a bare head
        # describes the body the article named, no name of its own (not الهيئة الملكية)
        or (
            first.startswith("ال")
            and first in sw.anonymous
            and norm[1].startswith("الم")
            and len(norm[1]) >= 6
            # a feminine participle (المعلنة, المطورة), not a nisba (المصري, الملكية) and
            # not the name «الأمم المتحدة»
            and norm[1].endswith("ه")
            and (not norm[1].endswith("يه") or norm[1] == "المعنيه")
            and norm[1] != "المتحده"
        )
    )  # المرصد السوري, الأمم المتحدة; not المصدر الأمني, الوزارة في بيان
    place = _strip(first) in _PLACES  # منطقة المدينة المنورة: a place, no speaker
    if (
        _in(first, sw.institutions)
        and n >= 2
        and not place
        and (first not in sw.anonymous or specific)
    ):
        definite = first.startswith("ال")
        j = 1
        while j < min(n, MAX_NAME):
            w = norm[j]
            if w in ("برئاسه", "برياسه", "بحضور", "برعايه") or w in _INSTITUTION_ENDS:
                break  # مجلس الوزراء برئاسة ..., وزارة التجارة والصناعة عبر: the name has ended
            if w in _QUANTIFIERS:
                break  # اللجنة المنظمة للمهرجان العديد من المواقع: "many", the object
            if w == "خادم" and norm[j + 1 : j + 3] == ["الحرمين", "الشريفين"]:
                j += 3  # سفارة خادم الحرمين الشريفين: one name
                continue
            if _place_word(norm[j - 1]) and w.isalpha() and w not in _INSTITUTION_ENDS:
                j += 1  # أمانة منطقة الرياض: the place's name (was cut to «أمانة منطقة»)
                continue
            if j >= 3 and _place_word(norm[j - 2]) and not _adjective_like(w):
                break  # أمانة محافظة جدة زيادة عدد الدوائر: after the place only its adjective
                # (منطقة مكة المكرمة, منطقة الحدود الشمالية)
            if norm[j - 1] == "انباء" and (w in sw.countries or w.startswith("ال")):
                j += 1  # وكالة أنباء البحرين, وكالة أنباء الإمارات: the country names it
                continue
            if w in sw.countries and not (definite and w.startswith("ال")):
                break  # حذر صندوق النقد الدولي اليابان: the country is the object
            if w in sw.media_tails and _strip(first) in sw.media and not w.startswith("ال"):
                j += 1  # صحيفة نيويورك تايمز, موقع السورية نت: the outlet's name goes on
                continue
            if not definite and len(w) <= 5 and w[:1] in "يتن" and w not in sw.given:
                break  # منظمة يوجد قانون: a verb ends the name
            if (
                not definite
                and w.startswith("ال")
                and not w.endswith(("ي", "ه"))  # مكة المكرمة, أرامكو السعودية
                and norm[j - 1] not in sw.given  # مجموعة محمد المعجل
                # جهاز مكافحة الإرهاب, هيئة حقوق الإنسان: a noun in construct goes on
                and not (norm[j - 1].endswith("ه") or norm[j - 1] in _CONSTRUCT)
                # مفوضية الأمم المتحدة لشؤون اللاجئين: the genitive of a ل-construct
                and not _governs(norm[j - 1], sw)
                and any(not x.startswith("ال") for x in norm[1:j])
                # وكالة أنباء الشرق الأوسط: an adjective of the definite noun before it
                and not (norm[j - 1].startswith("ال") and _adjective_like(w))
            ):
                break  # مؤسسة ستاندرد آند بورز التصنيف: the object after a proper name
            if (
                not definite
                and j >= 2
                and w.startswith("ال")
                and norm[j - 1].startswith("ال")  # not مجموعة محمد المعجل
                and not _adjective_like(w)
            ):
                break  # وزارة التعليم الخطة الدراسية, لجنة الانتخابات الحد: the verb's object
            if (
                w[:1] == "و"
                and len(w) > 3
                and (w[1:] in sw.countries or _in(w[1:], sw.institutions))
            ):
                break  # مجموعة 5+1 وإيران: a second party
            if (
                w in sw.given
                and norm[j - 1].startswith("ال")
                and norm[j - 1]
                not in (
                    "الملك",
                    "الامير",
                )
            ):
                break  # صحيفة حريت التركية علي ...: a person after the name (not مجموعة محمد)
            # الحكومة المواطنين, اللجنة عموم الطلبة: after a definite head only adjectives
            # (المكتب الإعلامي, الحكومة السعودية) and ل-genitives (المرصد السوري لحقوق
            # الإنسان) go on
            if definite and not (
                (w.startswith("ال") and w.endswith(("ي", "يه", "ه")))
                or (w[:1] == "ل" and len(w) > 3)
                or (norm[j - 1][:1] == "ل" and w.startswith("ال"))  # لحقوق الإنسان
            ):
                break
            j += 1
        if j == MAX_NAME and j < n and _governs(norm[j - 1], sw) and norm[j].startswith("ال"):
            j += 1  # المفوضية السامية للأمم المتحدة لشؤون اللاجئين: the genitive ends it
        if j >= 2:
            return Parsed(text(0, j), None, "institution")
    if first in sw.anonymous:
        return Parsed(None, kept or None, "anonymous")
    if _in(first, sw.titles) or first in sw.honorifics:
        end = next(
            (
                k
                for k in range(2, n)
                if norm[k] in _ADJUNCTS
                or norm[k] == "عند"
                or (  # أمير منطقة نجران بالملاحم الوطنية: a complement after the place
                    norm[k][:1] in "بل"
                    and norm[k][1:3] == "ال"
                    and k + 1 < n  # not مدير مستشفى الملك فهد بالباحة (a place)
                    and not norm[k - 1].startswith("ال")
                    and not _in(norm[k][1:], sw.institutions)
                    and _strip(norm[k][1:]) not in _PLACES
                    and not _in(norm[k][1:], sw.titles)
                )
            ),
            n,
        )  # محافظ أملج عند إطلاق شارة بدء السباق: the office ends before the adjunct
        # حاكم كاليفورنيا حالة الطوارئ: a noun in ة and its definite genitive after a bare
        # proper name are the verb's object, not the office
        end = next(
            (
                k
                for k in range(2, end)
                if words[k].endswith("ة")
                and k + 1 < n
                and norm[k + 1].startswith("ال")
                # وزير النقل والبنى التحتية, والإرشاد وتوعية الجاليات: the office's name goes on
                and not norm[k].startswith(("ال", "و"))
                and not norm[k - 1].startswith(("ال", "وال"))
                and not words[k - 1].endswith(("ة", "ه"))
                and norm[k - 1] not in sw.given
                # a proper name before (كاليفورنيا), not a noun in construct (قسم مساندة)
                and not _in(norm[k - 1], sw.generic)
                and not _in_word_lists(norm[k - 1], sw)
                and norm[k - 1] not in _NOUNS
                and not _verbal_noun(norm[k - 1])  # قائد معركة تحرير قاعدة العند
                and not _in(norm[k], sw.institutions)
                and not _in(norm[k], sw.titles)
                and not _place_word(norm[k])
            ),
            end,
        )
        if end < n:
            n, norm = end, norm[:end]
            kept = text(0, n)
        office = (first in sw.offices or _strip(first) in sw.offices) and n >= 2
        office = office and not (norm[1][:1] in "بل" and norm[1][1:3] != "ال" and norm[1] != "باسم")
        office = (
            office
            and any(
                w not in sw.generic
                and not _in(w, sw.titles)
                and not (w in sw.adjectives and not w.startswith("ال"))  # مندوب خليجي
                for w in norm[1:]
            )
        )
        return Parsed(
            kept if office else None,
            kept or None,
            "office" if office else "title",
        )
    j = 1
    while j < n and _name_goes_on(norm[j], sw):
        j += 1
    name = norm[:j]
    # رعد الدهلكي, نبيلة محجوب: an unlisted first name and a family name
    family = j == 2 and (
        (name[1].startswith("ال") and name[1].endswith("ي") and len(name[1]) >= 5)
        or (first.endswith("ه") and not name[1].startswith("ال"))
    )
    family = family and not any(
        x in sw.adjectives or x in sw.countries for x in (name[1], _strip(name[1]))
    )  # إخراج الأمريكي: a nisba, no family name
    tanwin = any(ch in "\u064b\u064c\u064d" for ch in mention[spans[0][0] : spans[j - 1][1]])
    verb_like = len(first) <= 4 and first[:1] in "نيتا" and first not in sw.given  # نسمع
    plain = (
        len(first) >= 3
        and j <= 3
        and not tanwin  # إعلامياً, رسمياً: adverbs, not names
        and not verb_like
        and first not in sw.not_names
        and not (first[:1] == "و" and first not in sw.given)  # ومضى قائلا
        and first not in ("ابو", "ام", "ابن", "بن")
        and not any(
            (w[:2] == "ال" and not (family and k == 1)) or (w[:1] in "وفبلك" and w[1:3] == "ال")
            for k, w in enumerate(name)
        )  # أفضل الأماكن, بالضربات
        and not first.startswith("لل")  # للنظر
        and not (first[:1] in "بلك" and first not in sw.given)  # بما تمتلكه
        and not first.endswith(("ها", "هم", "هما"))  # خصصها الشرقي
        and not first.endswith(("ون", "ين", "ات"))  # مقاتلون, قيادات
        and not (first.endswith("ه") and not family)
        and not any(w in sw.adjectives for w in norm[1 : j + 1])  # سائق أردني
        # رئيسة يمكن فيها: a verb is no name
        and not any(len(w) <= 4 and w[:1] in "يتن" and w not in sw.given for w in name[1:])
        and not words[0].endswith("ه")  # مبعثه الأساسي: a pronoun ending (names end in ة)
        and not any(w in sw.descriptors for w in norm[1:j])  # تيم كوك الرئيس التنفيذي
        and not _in(first, sw.institutions)
        and not _in(first, sw.titles)
    )
    if plain and j >= 2:  # one unknown word alone (هام, تخوفاً, جيري) is too weak a name
        return Parsed(text(0, j), title_without(0, j), "person")
    return Parsed(None, kept or None, "none")


_TAIL_ADJUNCTS = frozenset(
    normalize(w) for w in ["في", "خلال", "عبر", "أمام", "لدى", "مع", "عن", "أثناء", "عقب"]
)


def unlisted_name_word(w: str, raw: str, sw: SpeakerWords) -> bool:
    """``w`` (match-normalized; ``raw`` as written) can be a word of a name no list knows.

    ``جوش``, ``إرنست``, ``باخ``, ``كاي``: a bare word, no article, proclitic, plural or
    pronoun ending, no tanwin, no feminine ending, no verb of the present, no listed word.
    """
    return (
        len(w) >= 2
        and w.isalpha()
        and not w.startswith(("ال", "لل"))  # للطيران: ل and the article
        and not (w[:1] in "وفبلك" and w[1:3] == "ال")
        and not w.endswith(("ون", "ين", "ات", "ها", "هم", "هما", "نا", "كم"))
        and not raw.endswith(("ة", "ه"))
        and not any(ch in "\u064b\u064c\u064d" for ch in raw)
        # يعمل, تقرر: a verb of the present (not توماس, يانيس: a foreign name in ـس)
        and not (len(w) <= 5 and w[:1] in "يتن" and w not in sw.given and not w.endswith("اس"))
        and not (w[:1] == "س" and w[1:2] in "يتن")  # سيقود
        and not _verb_faalat(w)
        and w not in _NOUNS
        and w not in _reporting_forms()
        and not _time_word(w)
        and not _in_word_lists(w, sw)
        and not _verbal_noun(w)
        and not (w[:1] in "بلك" and _verbal_noun(w[1:]))  # بانتظار ابلاغ
    )


def _verbal_noun(w: str) -> bool:
    """``w`` has the shape of a verbal noun: إفعال (ابلاغ), افتعال (انتظار), استفعال, تفعيل."""
    return (
        (len(w) == 5 and w[0] == "ا" and w[3] == "ا")
        or (len(w) == 6 and w[0] == "ا" and w[4] == "ا")
        or _masdar(w)
        or (len(w) == 5 and w[0] == "ت" and w[3] == "ي")
    )


def _unlisted_tail(norm: list[str], words: list[str], sw: SpeakerWords) -> int | None:
    """Where an unlisted name of two or three words ends ``norm`` (see :func:`unlisted_name_at`).

    ``المتحدث باسم البيت الأبيض جوش إرنست`` -> the index of ``جوش``; None when the
    words before the end are not all name-like or nothing that closes a description
    precedes them.
    """
    n = len(norm)
    for size in (2, 3):
        if n - size >= 2 and unlisted_name_at(norm, words, n - size, n, sw):
            return n - size
    return None


# a bare word after these is the name of a place or a body (في ينبع, سلطنة عمان, لدى
# الأمم), which a description may end with before its holder's name
_GOVERNING = frozenset(
    normalize(w) for w in ["في", "لدى", "سلطنة", "مملكة", "جمهورية", "إمارة", "إقليم", "بلدية"]
)
# two-letter function words that are no word of a name (ضبط أي عملية)
_FUNCTION_PAIRS = frozenset(
    normalize(w)
    for w in ["أي", "أو", "إن", "أن", "ما", "من", "عن", "في", "لا", "لم", "لن", "قد", "هل"]
)
# heads after which the next word is a place's name (ولاية نيوجيرسي, إقليم كاتالونيا)
_PLACE_HEADS = frozenset(normalize(w) for w in ["إقليم", "بلدية", "سلطنة", "مملكة", "جمهورية"])


def unlisted_name_at(norm: list[str], words: list[str], i: int, n: int, sw: SpeakerWords) -> bool:
    """``norm[i:n]`` (two or three words; ``words`` as written) is a name no list knows,
    closing the description of an office before it.

    The word before the name ends a description: a definite word (``وزير النفط الإيراني
    بيجن زنغنه``, ``المتحدث باسم البيت الأبيض جوش إرنست``) or a bare one governed by a
    place's or an office's word or by في / لدى (``حاكم كاليفورنيا جيري براون``, ``السفير
    السعودي في سلطنة عمان عيد الثقفي``). Each word of the name is a listed given name or an
    unlisted bare word; foreign names in ـون/ـين (``براون``, ``داتشين``), Persian ones in ـه
    (``زنغنه``) and a family name in ال...ي (``الثقفي``) count when another word of the
    name is surely one.
    """
    if not 2 <= n - i <= 3 or i < 1 or "بن" in norm[i:n] or norm[i].startswith("ال"):
        return False  # a name with بن is read by the rules for names
    before = norm[i - 1]
    if before in sw.honorifics or before in ("الملك", "الامير"):
        return False  # a listed honorific is read by the rules for names; مركز الملك سلمان
    if not before.startswith(("ال", "لل", "بال")) and (
        _place_word(before) or before in _PLACE_HEADS or _in(before, sw.institutions)
    ):
        # حاكم ولاية نيوجيرسي كريس كريستي, رئيس نادي بايرن ميونيخ: the first word names
        # the place or the body (not «حاكم المقاطعة، عليم فدائي»)
        return False
    if any(w in sw.countries or w.endswith("ستان") for w in norm[i:n]):
        return False  # في برلمان إقليم كردستان: a place, no one's name
    if not before.startswith(("ال", "لل", "بال")):
        gov = norm[i - 2] if i >= 2 else ""
        by_office = gov in sw.offices or (_in(gov, sw.titles) and gov not in sw.descriptors)
        # نائب مدير أمن عدن فضل الراعي: an office, the body it heads (a bare noun), its place
        by_office = by_office or (
            i >= 3
            and norm[i - 3] in sw.offices
            and gov.isalpha()
            and not gov.startswith("ال")
            and not words[i - 2].endswith(("ة", "ه"))
        )
        if (
            n - i == 3  # بلدية هيروشيما كازومي ماتسوي: three words after a bare one
            or (i == 2 and gov in sw.given)  # أمين جربوع شيخ قبلي: أمين is his name
            or before in sw.given
            or not before.isalpha()
            or not (gov in _GOVERNING or _place_word(gov) or by_office)
            # after an office or في, the bare word is a place's name (حاكم كاليفورنيا,
            # في ينبع) ...
            or
            # قائد عمليات غضب عدن, في مشروع غاز واسط: the bare word is a common noun
            # whose genitive follows, no place's name
            (
                _in_word_lists(before, sw)
                or _in(before, sw.generic)
                or before.endswith(("ات", "ون", "ين", "ها", "هم"))
                or words[i - 1].endswith(("ة", "ه"))
                or before in _NOUNS
                or _verbal_noun(before)
                or _time_word(before)
            )
        ):
            return False  # وزير الخارجية X Y Z: the bare word before is no place's name
    if norm[i][:1] in "لب" and (
        _in(before, sw.titles) or before in sw.offices or _in(before, sw.generic)
    ):
        return False  # المدير التنفيذي لسوق عكاظ: the office's ل-genitive, no name
    if any(len(w) == 5 and w[2] == "ا" and w[3] in "ئي" and w[4] != "ي" for w in norm[i:n]):
        return False  # تحالف قبائل مأرب: a broken plural فعائل, no name
    if any(w in _SHORT_FUNCTION or w in _FUNCTION_PAIRS for w in norm[i:n]):
        return False  # ضبط أي, موجه لمن: function words, no name (not «دي» of a name)
    strict = [norm[q] in sw.given or unlisted_name_word(norm[q], words[q], sw) for q in range(i, n)]
    if sum(not x for x in strict) > 1 or not any(strict):
        return False  # one word of the name may be of the looser kinds below, not two
    for q in range(i, n):
        if strict[q - i] or (norm[q] == "الله" and q > i):
            continue  # قاضي خليل الله
        w, raw = norm[q], words[q]
        if not w.isalpha() or _in_word_lists(w, sw) or w in _NOUNS or _time_word(w):
            return False
        if w in _reporting_forms() or _verbal_noun(w):
            return False
        family = (
            q == n - 1
            and w.startswith("ال")
            and w.endswith("ي")
            and len(w) >= 6
            and not (len(w) == 7 and w[4] == "ا")  # خالص التعازي, التهاني: a plural فعالي
            and not any(_in(w, x) for x in (sw.adjectives, sw.countries, sw.descriptors))
        )  # عيد الثقفي
        persian = (
            n - i == 2
            and raw.endswith("نه")
            and len(w) >= 5
            and w[:1] not in "وفبلك"
            and not w.startswith("ال")
        )  # بيجن زنغنه (a feminine noun is written with ة; not «رانييري مشواره»)
        foreign = (
            w.endswith(("ون", "ين"))
            and len(w) >= 5
            and w[:1] not in "ميت"  # مسؤولون, يتواجدون: no name
            and not (w[:1] in "وفبلك" and (w[1:3] == "ال" or w[1:2] == "م"))  # والمواطنين
            and not w.endswith(("يين", "يون"))  # اليمنيين
            and not w.startswith("ال")
        )  # جيري براون, داتشين شولوز
        if not (family or persian or foreign):
            return False
    return True


def _foreign_name_word(w: str, sw: SpeakerWords) -> bool:
    """``w`` reads as a word of a name: a listed given name or an unlisted bare word."""
    if w in sw.given:
        return True
    return (
        len(w) >= 3
        and w.isalpha()
        and not w.startswith("ال")
        and not (w[:1] in "وفبلك" and w[1:3] == "ال")
        and not w.endswith(("ون", "ين", "ات", "ها", "هم"))
        and not _in_word_lists(w, sw)
    )


def _place_word(w: str) -> bool:
    """``w`` is منطقة, محافظة, مدينة ... (with ال, ب or ل): the next word names the place."""
    return _strip(w) in _PLACES or (w[:1] in "بل" and w[1:] in _PLACES)


def _adjective_like(w: str) -> bool:
    """``w`` (with ال) reads as an adjective of a name: الوطنية, المكرمة, الأحمر, العامة."""
    return (
        w.endswith(("ي", "يه", "يين", "يون", "يات"))  # اليمنيين
        or w.startswith("الم")  # المنورة, المتحدة, المصغر: participles
        or (len(w) == 6 and w.startswith("الا"))  # الأحمر, الأعلى, الأوسط
        or w in ("العام", "العامه", "الخاص", "الخاصه", "العليا", "الحر", "الحره", "الكبري")
    )


# a deputy's title is not the title it qualifies (نائب رئيس الديوان is not الرئيس)
_DEPUTY = frozenset(normalize(w) for w in ["نائب", "نائبة", "مساعد", "مساعدة", "وكيل", "وكيلة"])
# words after which a title's description has ended: the next name is someone else's
_ADJUNCTS = frozenset(
    normalize(w)
    for w in ["مع", "إلى", "خلال", "لدى", "أمام", "عقب", "بعد", "قبل", "أثناء", "بحضور"]
)


def _ended(words: list[str]) -> bool:
    """``words`` (match-normalized) between a title and a name hold an adjunct or a pronoun."""
    sw = speaker_words()
    bare_after_definite = any(
        a.startswith(("ال", "وال"))
        and a not in ("العام", "العامه")
        and not b.startswith(("ال", "وال", "لل"))
        and b[:1] not in "بلف"
        and b not in _NOUNS
        and b not in sw.given
        and len(b) > 2
        for a, b in pairwise(words)
    ) or any(  # حرص المملكة على دعم الأمير ...: على, not a name (the name comes after)
        b == "علي" and a not in ("العام", "العامه") for a, b in pairwise(words)
    )  # وزير الخارجية حرص المملكة على ... محمد: the object began, the name is someone else's
    return (
        bare_after_definite
        or any(
            w in _ADJUNCTS
            or w == "من"  # تلقى نائب خادم الحرمين الاتصالات من الشيخ سيف: the caller
            or w.startswith("نظير")
            # المرشد ومساعد المدير العام ... الأستاذ حمد: a second person's title
            or (w[:1] == "و" and len(w) > 3 and (_in(w[1:], sw.titles) or w[1:] in sw.offices))
            or (not w.startswith("ال") and len(w) > 3 and w.endswith(("ه", "ها", "هم")))
            for w in words
        )
    )


def _name_like(name: list[str]) -> bool:
    """A full name whose words after the first are names, not the sentence going on.

    ``بدر الشمري``, ``خالد بن طالب``, ``منيرة عواض``; not ``سالم ارتفاع أسعار`` (ويبرر
    سالم ارتفاع أسعار التأجير) nor ``عبدالمنعم لتعزيز قيم``.
    """
    sw = speaker_words()
    for k, w in enumerate(name[1:], start=1):
        family = w.startswith("ال") and w.endswith("ي") and len(w) >= 5
        linked = name[k - 1] in ("بن", "ابن", "بنت", "ال", "ابو", "عبد") or w in (
            "بن",
            "ابن",
            "بنت",
        )
        if not (w in sw.given or family or linked or w.startswith("عبد")):
            if (
                k == len(name) - 1
                and len(name) == 2
                and w[:1] not in "لبوف"
                and not w.startswith("ال")
                # جسر الملك فهد يرجع إلى عطل: a verb of the present, no family name
                and not (w[:1] in "يتن" and 3 <= len(w) <= 5)  # (not وانغ يي)
            ):
                continue  # منيرة عواض: an unlisted family name without the article
            return False
    return True


@dataclass
class Known:
    id: str
    kind: str
    name: list[str]  # normalized words of the name
    title: set[str]  # normalized words of the title, without the article


class _Occurrences:
    """Where each word of an article occurs, itself or after a و/ب/ل (``وبلد`` for ``بلد``).

    ``get(word, default)`` gives the word numbers in order and ``word in`` tells
    whether there is one, as a dict of every word would, but each word is looked
    up when asked (with ``str.find`` in the words joined by spaces): an article's
    rules ask about a few words, and a dict of all of them cost more than the rest
    of the speaker search.
    """

    __slots__ = ("_found", "_joined")

    def __init__(self, words: list[str]) -> None:
        self._joined = " " + " ".join(words) + " "  # no word holds a space
        self._found: dict[str, list[int]] = {}

    def get(self, word: str, default: list[int]) -> list[int]:
        hits = self._found.get(word)
        if hits is None:
            hits = self._found[word] = self._where(word)
        return hits or default

    def __contains__(self, word: str) -> bool:
        return bool(self.get(word, []))

    def _where(self, word: str) -> list[int]:
        if not word or " " in word:
            return []  # no word is empty or holds a space
        joined = self._joined
        prefixed = len(word) >= 3  # a prefixed form is a word of more than 3 letters
        needle = word + " "
        hits: list[int] = []
        at = joined.find(needle, 1)
        while at >= 0:
            before = joined[at - 1]
            if before == " ":  # the spaces before it, less the one that opens the text
                hits.append(joined.count(" ", 0, at) - 1)
            elif prefixed and before in "وبل" and joined[at - 2] == " ":
                hits.append(joined.count(" ", 0, at - 1) - 1)
            at = joined.find(needle, at + len(word))
        return hits


@dataclass
class ArticleSpeakers:
    """The speakers an article has introduced so far, for co-reference."""

    known: list[Known] = field(default_factory=list)
    text: str = ""  # the article's raw text, where a surname's full name is looked up
    # a lone unlisted word may be a speaker (set for the subject right after a verb)
    lone_ok: bool = False
    _words: list[str] | None = None
    _norm: str = ""
    _at: _Occurrences | None = None
    _break_set: set[int] | None = None

    def full_name(
        self, surname: str, *, strict: bool = False, family: bool = False
    ) -> str | None:
        """The article's full name ending in ``surname`` (``أحمد الخثلان`` for ``الخثلان``).

        ``strict``: only a name of listed given names (not ``نهاد المشنوق`` after a title).
        ``family``: ``surname`` followed an honorific (``الدكتور التركي``), so a nisba
        adjective is a family name too (``عبدالله التركي``), after listed given names.
        """
        sw = speaker_words()
        bad = _bad_name_words()
        # a family name that is also a title word (المرشد, السلطان) only after a chain of
        # listed given names: محمد بن عبدالله المرشد
        titled_surname = strict and surname.startswith("ال") and _in(surname, sw.titles)
        titled_surname = titled_surname or (
            strict and family and surname.startswith("ال") and _in(surname, sw.adjectives)
        )
        if (
            (_in(surname, bad) and not titled_surname)
            or _in(surname, sw.institutions)
            or surname in sw.anonymous
            or _in(surname, sw.countries)  # الإمارات
        ):
            return None
        words, at = self._index()
        hits = at.get(surname, [])
        for k in hits:
            breaks = self._breaks
            for i in range(max(0, k - MAX_NAME + 1), k):
                if words[i] == "علي" and i == k - 1:
                    continue  # على مهرجان: not علي مهرجان
                # strict: given names and connectors only (احمد بن محمد الخثلان)
                if any(q in breaks for q in range(i, k)):
                    continue  # الأمير محمد بن نايف، الجلسة: a name never runs past a comma
                if (
                    words[i] in sw.given
                    and all(
                        x in sw.given
                        or x in ("بن", "ابن", "عبد", "ابو", "ال")
                        or x.startswith("عبد")
                        or (words[q - 1] in ("بن", "ابن") and x.isalpha())  # مبارك بن بنيه الخرينج
                        for q, x in enumerate(words[i + 1 : k], start=i + 1)
                    )
                ):
                    return " ".join(words[i : k + 1])
        for k in [] if strict else hits:  # وزير الداخلية نهاد المشنوق: an unlisted first name
            w = words[k]
            if (
                w == surname
                and k > 1
                and words[k - 1] != "علي"  # not على ...
                and k - 1 not in self._breaks
            ):
                x, before = words[k - 1], words[k - 2]
                titled = (
                    before.startswith("ال") and len(before) > 3 and before not in sw.not_names
                ) or _in(before, sw.titles | sw.honorifics)  # not الى (إلى)
                # أكد إيهاب طبارة: the name right after a reporting verb (not «قال أشعر»,
                # a verb; not «أكد صفوف طالبان», a noun the article writes with its article)
                titled = titled or (
                    before in _reporting_forms()
                    and x not in _reporting_forms()
                    and not (x[:1] == "ا" and len(x) == 4 and x not in sw.given)
                    and "ال" + x not in at
                    and not x.endswith(("ون", "ين", "ات"))
                )
                verb_like = x.endswith(("ت", "وا", "ين", "ون")) or x[:1] in "يتن"  # أعلنت, داعين
                verb_like = verb_like or (x[:1] == "س" and x[1:2] in "يتنا")  # سيضع
                verb_like = verb_like or x in _reporting_forms()  # قال علماء
                suffixed = surname.endswith(("ها", "هم", "هما", "نا"))  # سيطرتها
                if (
                    titled
                    and not verb_like
                    and not suffixed
                    and len(x) >= 3
                    and not x.startswith("ال")
                    and x[:1] not in "وفب"
                    and not _in(x, bad)
                    and not _in(x, sw.institutions)
                    and x not in sw.anonymous
                    and x not in sw.countries
                ):
                    return f"{x} {w}"
        return None

    def _index(self) -> tuple[list[str], _Occurrences]:
        """The article's words match-normalized, and where each (without و/ب/ل) occurs."""
        if self._words is None or self._at is None:
            self._norm = normalize(self.text)
            self._words = _WORD.findall(self._norm)
            self._at = _Occurrences(self._words)
        return self._words, self._at

    @property
    def _breaks(self) -> set[int]:
        """The words a punctuation mark follows (not the last word), worked out on first use."""
        if self._break_set is None:
            self._index()
            # no punctuation mark is a word character: the words between two marks are
            # those of the text between them, and each mark follows the last word before it
            n, after = 0, set()
            for chunk in _PUNCT.split(self._norm):
                n += len(_WORD.findall(chunk))
                after.add(n - 1)
            self._break_set = {k for k in after if 0 <= k < n - 1}
        return self._break_set

    def full_holder(self, title: list[str]) -> str | None:
        """The one person the article names with ``title`` (match-normalized words).

        ``وزير الطاقة`` -> ``سهيل المزروعي`` when the article wrote ``وزير الطاقة
        سهيل المزروعي``; ``المتحدث الرسمي`` -> the spokesman named once. None when
        it names no one or two different people with that title.
        """
        sw = speaker_words()
        want = [_strip(w) for w in title if w not in sw.honorifics or len(title) == 1]
        if not want or not (
            _in(title[0], sw.offices) or title[0] in sw.descriptors or _in(title[0], sw.titles)
        ):
            return None
        found: set[str] = set()
        self._index()
        for chunk in _PUNCT.split(self._norm):
            if want[0][:3] not in chunk:
                continue
            words = _WORD.findall(chunk)
            for k in range(len(words) - len(want) + 1):
                if [_strip(w) for w in words[k : k + len(want)]] != want:
                    continue
                if k and words[k - 1] in _DEPUTY:
                    continue  # نائب رئيس الديوان: the deputy, not the head
                p = parse_mention(" ".join(words[k : k + MENTION_LOOKAHEAD]))
                if p.kind == "person" and p.name and len(p.name.split()) >= 2:
                    first = normalize(p.name).split()[0]
                    if first == "علي" and not re.search(r"\bعلي\b", self.text):
                        continue  # المشرف على الفئات: على "on", normalized like علي
                    between = words[k + len(want) : k + MENTION_LOOKAHEAD]
                    cut = between.index(first) if first in between else None
                    if cut is not None and _ended([words[k + len(want) - 1], *between[:cut]]):
                        continue  # وزير الخارجية في مؤتمر مع نظيره الإيراني محمد ...: not his name
                    found.add(p.name)
                    if len(found) > 1:
                        return None
        if not found:
            # «الدكتور عبد الواحد النبوي وزير الثقافة» then «وقال الوزير»: named before it
            found = self._holders_before(want)
        if len(found) > 1:
            return None
        return found.pop() if found else None

    def _known_id(self, name: str) -> str | None:
        """The id of a speaker named before with ``name`` (the gazetteer's ``mansour_al_turki``
        for ``منصور التركي``), so one man keeps one id."""
        words = normalize(name).split()
        for k in reversed(self.known):
            if k.kind in ("actor", "person") and k.name == words:
                return k.id
        return None

    def _holders_before(self, want: list[str]) -> set[str]:
        """The names the article writes right before the title ``want`` (stripped words),
        its apposition: ``الدكتور عبد الواحد النبوي وزير الثقافة``, ``اللواء منصور التركي،
        المتحدث الأمني`` (a comma may come between)."""
        sw = speaker_words()
        self._index()
        found: set[str] = set()
        for sentence in re.split(r"[.!?؟\n:؛;«»\"“”()]", self._norm):
            if want[0][:3] not in sentence:
                continue
            tokens = _WORD_OR_COMMA.findall(sentence)
            for k in range(1, len(tokens) - len(want) + 1):
                if [_strip(w) for w in tokens[k : k + len(want)]] != want:
                    continue
                j = k - 1 if tokens[k - 1] in "،," else k
                start = max(0, j - MAX_NAME)
                before = tokens[start:j]
                if "،" in before or "," in before:
                    before = before[max(i for i, w in enumerate(before) if w in "،,") + 1 :]
                if not before or before[-1] in _DEPUTY:
                    continue  # نائب وزير: the deputy
                for size in range(len(before), 1, -1):
                    cand = before[-size:]
                    p = parse_mention(" ".join(cand))
                    name = normalize(p.name or "").split()
                    lead = normalize(p.title or "").split()
                    if not (
                        p.kind == "person"
                        and len(name) >= 2
                        and cand[-len(name) :] == name
                        and (name[0] in sw.given or (lead and lead[-1] in sw.honorifics))
                    ):
                        continue
                    at = j - len(name) - 1  # the word before the name
                    if at >= 0 and (tokens[at] in _NAME_LINK_WORDS or tokens[at] in sw.given):
                        break  # حمدان بن | زايد آل نهيان: the window cut a longer name
                    if name[0] == "علي" and not re.search(r"\bعلي\b", self.text):
                        break  # على تصريحات: the preposition على, normalized like علي
                    found.add(" ".join(name))
                    break
        return found

    def full_institution(self, head: str) -> str | None:
        """The one institution the article names with ``head`` (``وزاره`` for ``الوزارة``).

        ``وزارة الخدمة المدنية`` for a later ``الوزارة``; None when the article
        names none or two different ones (``وزارة الصحة``, ``وزارة التعليم``).
        """
        found: set[str] = set()
        forms = {head, "ال" + head}
        self._index()
        for chunk in _PUNCT.split(self._norm):  # a name never runs past punctuation
            if head[:3] not in chunk:
                continue
            words = _WORD.findall(chunk)
            for k, w in enumerate(words):
                bare = w[1:] if w[:1] in "وبل" and w[1:] in forms else w
                if w.startswith("لل") and "ال" + w[2:] in forms:
                    bare = "ال" + w[2:]  # للمؤسسة العامة: المؤسسة العامة
                if bare not in forms:
                    continue
                p = parse_mention(" ".join([bare, *words[k + 1 : k + MAX_NAME]]))
                if (
                    p.kind == "institution"
                    and p.name
                    and len(p.name.split()) >= 2
                    and not generic_outlet(p.name)
                ):
                    found.add(speaker_id(p.name))
                    if len(found) > 1:
                        return None
        return found.pop() if found else None

    def add(self, sid: str, kind: str, name: str | None, title: str | None) -> None:
        words = normalize(title or "").split() + (
            normalize(name).split() if kind == "institution" and name else []
        )
        self.known.append(
            Known(sid, kind, normalize(name or "").split(), {_strip(w) for w in words})
        )

    def add_actor(self, sid: str, mention: str | None) -> str | None:
        """Note a gazetteer speaker (so ``الوزير`` can refer back); return its title."""
        p = parse_mention(mention or "")
        title = (
            p.title if p.kind == "person" else mention if p.kind in ("title", "office") else None
        )
        self.add(sid, "actor", p.name, title)
        return title

    def full_first(self, given: str) -> str | None:
        """The one full name the article writes starting with ``given`` (بدر الشمري)."""
        words, at = self._index()
        found: set[str] = set()
        for k in at.get(given, []):
            if words[k] != given:
                continue
            end = next((q + 1 for q in range(k, k + MAX_NAME) if q in self._breaks), k + MAX_NAME)
            p = parse_mention(" ".join(words[k:end]))  # not past «صالح: «حقيقة»
            name = normalize(p.name or "").split()
            if (
                p.kind == "person"
                and len(name) >= 2
                and name[0] == given
                and _name_like(name)
                and self.plausible(speaker_id(" ".join(name)))  # not «حسن أعلن»
            ):
                found.add(" ".join(name))
        return found.pop() if len(found) == 1 else None

    def named_before(self, surname: str, *, strict: bool = True) -> str | None:
        """The id of someone this article named in full with ``surname`` (``كارتر``).

        ``strict``: only a full name of listed given names (see :meth:`full_name`).
        """
        w = normalize(surname)
        for k in reversed(self.known):
            if k.kind in ("person", "actor") and len(k.name) > 1 and w == k.name[-1]:
                return k.id
        full = self.full_name(w, strict=strict) if self.text else None
        return None if full is None else self._person(full)

    def named_with_bin(self, word: str) -> str | None:
        """The id of the one person the article named in full ending «بن ``word``»
        (``نايف بن سعيدان`` for ``بن سعيدان``), or None."""
        sw = speaker_words()
        if len(word) < 3 or _in_word_lists(word, sw):
            return None
        for k in reversed(self.known):
            if k.kind in ("person", "actor") and len(k.name) > 2 and k.name[-2:] == ["بن", word]:
                return k.id
        full = self.full_name(word, strict=True) if self.text else None
        if full is None or full.split()[-2:] != ["بن", word]:
            return None
        return self._person(full)

    def _person(self, full: str) -> str | None:
        """The id of the person named ``full``, recorded as named here, or None when
        the id is no plausible speaker."""
        sid = speaker_id(full)
        if not self.plausible(sid):
            return None
        self.add(sid, "person", full, None)
        return sid

    def _one_of_name(self, word: str, slot: int, title: str | None) -> str | None:
        """The id of the one full name of this article with ``word`` in ``slot``.

        ``slot`` 0: a first name (``بدر`` -> ``بدر الشمري``); -1: a surname
        (``الخثلان`` -> ``أحمد الخثلان``). Speakers named before come first, then
        the article's text; a full name found in the text is remembered.
        """
        for k in reversed(self.known):
            if k.kind in ("person", "actor") and len(k.name) > 1 and word == k.name[slot]:
                return k.id
        if not self.text:
            return None
        full = self.full_first(word) if slot == 0 else self.full_name(word)
        bare = _bare_family(word) if slot == -1 else None
        if full is None and bare is not None:
            # وقال العواملة after «كمال عواملة»: the family name written with the article
            for k in reversed(self.known):
                if k.kind in ("person", "actor") and len(k.name) > 1 and bare == k.name[-1]:
                    return k.id
            full = self.full_name(bare, strict=True)
        if full is None:
            return None
        sid = speaker_id(full)
        self.add(sid, "person", full, title)
        return sid

    def resolve(self, mention: str) -> tuple[str | None, str | None]:
        """``(speaker id, title)`` of an open-text mention in this article.

        An id that cannot be a name (:meth:`plausible`) gives no speaker: a verb
        read as a surname (``وقال عملت على ...``), a verb run into a name
        (``انريكي اشار``), a noun with a preposition (``ويقول بتردد``).
        """
        # «د.العاصمي»: the abbreviated honorific written onto the name is read as «د. العاصمي»
        mention = _ABBREVIATION_ONTO.sub(r"\1 ", mention)
        sid, title = self._resolve(mention)
        if sid is not None and not self.plausible(sid, mention):
            self.known = [k for k in self.known if k.id != sid]
            return None, title
        return sid, title

    def plausible(self, sid: str, mention: str = "") -> bool:
        """``sid`` (an open-text id) can be a speaker's name or an institution's."""
        if sid.isascii():
            return True  # a gazetteer id
        words = sid.split()
        if not words:
            return False
        sw = speaker_words()
        if len(words) == 1 and words[0] in sw.media_generic:
            return False  # كشفت أنباء أن: reports, no outlet named
        if any(w in sw.sayings for w in words):
            return False  # وكما يقول المثل, أخبر سبحانه, أخرجه البخاري: a text quoted, no one
        person = not _in(words[0], sw.institutions)
        if person and len(words) > 1 and _owned_verbal_noun(words[-1]):
            return False  # ياسين انزعاجه: a name and the verb's object, no id
        for k, w in enumerate(words):
            prev = words[k - 1] if k else ""
            if k and k == len(words) - 1 and not (prev[:1] == "ب" or prev.endswith("ه")):
                prev = "بن"  # جوش ارنست, فان دير فارت: a last word in ت after a name is a surname
            if _verb_like(w, prev, sw, person=person):
                return False
        if any(ch.isdigit() for ch in sid):
            return False  # 2006 رايت: a year beside a surname
        if person and any(
            len(w) >= 5 and w.endswith(("تنا", "تها", "تهم", "تكم")) for w in words[1:]
        ):
            return False  # ولا يرى سلامة عقيدتنا: a noun with a possessive, the verb's object
        if person and any(
            w.startswith("ال") and w.endswith(("يين", "يون")) and len(w) >= 7 for w in words[1:]
        ):
            return False  # ودعا عباس الإسرائيليين: a people, the verb's object
        last = words[-1]
        if person and len(words) > 1 and last.startswith("الت") and last.endswith("ه"):
            return False  # فهد بن عبدالله التهنئة: a verbal noun (التنمية, التوعية), no surname
        if len(words) > 1:
            return True
        w = words[0]
        if w in sw.given or w.startswith("ال"):
            return True
        if w[:1] == "و" and w[1:2] not in "اوي":
            return False  # المهندس وفريقه, ووقوفا, وفخر: "and" and a noun
        said = normalize(mention).split()
        if w in said[1:] and (
            said[said.index(w) - 1] in sw.honorifics or said[said.index(w) - 1] in sw.descriptors
        ):
            return True  # الدكتور بصفر: an honorific makes the word a name
        if any(ch in "\u064b\u064c\u064d" for ch in mention):
            return False  # متحدثاً, محامٍ, ووقوفاً: an accusative or indefinite noun
        if (w[:1] in "وبك" and w[1:2] not in "اويلرن") or (w[:1] == "ل" and w[1:2] not in "اوي"):
            return False  # بتردد, ببرود, كمستهلك, لرويترز, وفخر (not بلاتر, كولوتا, لوجان)
        if not self.text:
            return True
        _, at = self._index()
        # a common noun the article also writes with the article: مصطلح / المصطلح
        stems = {w}
        if w.endswith("ا") and len(w) >= 4:
            stems.add(w[:-1])  # شهرا, قليلا, اهتماما
            if w.startswith("م"):
                return False  # متمنيا, مدافعا: a participle
        if w.endswith(("تا", "تي")) and len(w) >= 5:
            stems.add(w[:-2] + "ه")  # صحيفتا, قائمتا: a dual in construct
            if _in(w[:-2] + "ه", sw.institutions):
                return False
        if w.endswith("ان") and len(w) >= 5:
            stems.add(w[:-2])  # مندوبان
            if _in(w[:-2], sw.offices | sw.anonymous):
                return False
        return not any("ال" + x in at or "لل" + x in at for x in stems)

    def unlisted_pair(self, mention: str) -> bool:
        """``mention`` is two bare words that can each be a word of a name no list knows
        (``وجدان بوقس``, ``جيب بوش``, ``كلود بيفير``), not a verb and its object."""
        sw = speaker_words()
        raw = mention.split()
        words = normalize(mention).split()
        if len(words) != 2 or any(not w.isalpha() for w in raw):
            return False
        first, second = words
        return (
            all(
                w in sw.given or unlisted_name_word(w, r, sw)
                for w, r in zip(words, raw, strict=True)
            )
            and not (first[:1] == "س" and len(first) >= 5)  # سأغادر: a future verb
            # بلا حماس, عز بهدوء, أكينو لجمع: a preposition and a noun (not بوش, بيفير, لورانت)
            and not any(
                (w[:1] == "ب" and w[1:2] not in "اويلرن") or (w[:1] == "ل" and w[1:2] not in "اوي")
                for w in words
            )
            and not any(w in _SHORT_FUNCTION for w in words)
            and not _verb_like(second, first, sw)
            and not _verb_like(first, "", sw)
            and not (all(w.endswith("ا") for w in words) and self._accusative(raw))
            and len(first) >= 2
            and len(second) >= 2
            and not (self.text and any("ال" + w in self._index()[1] for w in words))
        )  # a common noun the article also writes with the article is no name

    def _accusative(self, pair: list[str]) -> bool:
        """Two words in ا are accusative nouns (``حدا أسبوعيا``), not a foreign name
        (``جوتا سيلفا``, ``كوستا``): a short word, a nisba or participle in ا, a tanwin,
        or a stem the article also writes with the article (``شهرا`` / ``الشهر``)."""
        norm = [_normal_word(w) for w in pair]
        if any(
            len(w) <= 3
            or (len(w) >= 5 and w.endswith("يا") and w not in speaker_words().given)
            or (w[:1] == "م" and len(w) >= 5)
            or any(ch in "\u064b\u064c\u064d" for ch in raw)
            for w, raw in zip(norm, pair, strict=True)
        ):
            return True
        if not self.text:
            return True
        _, at = self._index()
        return any("ال" + w[:-1] in at or "ال" + w in at for w in norm)

    def _resolve(self, mention: str) -> tuple[str | None, str | None]:
        raw = mention.split()
        while (
            len(raw) > 1
            and (
                _normal_word(raw[-1]).startswith("لل")  # روني للصحفيين
                or (  # دانييلو كاتالدي لمحطة «لاتسيو ستايل»: the one he spoke to
                    _normal_word(raw[-1])[:1] == "ل"
                    and _normal_word(raw[-1]).endswith("ه")
                    and len(_normal_word(raw[-1])) >= 5
                    and _normal_word(raw[-1]) not in speaker_words().given
                )
                or any(ch in "\u064b\u064c\u064d" for ch in raw[-1])  # متهكماً
                or (raw[-1][:1] == "م" and raw[-1].endswith("ا") and len(raw[-1]) >= 5)  # متهكما
                or (
                    _normal_word(raw[-1]) in speaker_words().not_names
                    and _normal_word(raw[-1]) not in speaker_words().given  # أحمد علي
                    and not (raw[-1] == "الله" and _normal_word(raw[-2]) == "عبد")
                )
            )
        ):
            raw = raw[:-1]
        if len(raw) == 1 and lone_name(normalize(raw[0])):
            mention = raw[0]
        elif (
            len(raw) > 1
            and len(raw) < len(mention.split())
            and (
                parse_mention(mention).kind == "person"
                # رئيس بلدية تشاتانوغا أندي بيرك لشبكة: the holder's name, then the network
                # told (the whole mention read as one title)
                or parse_mention(" ".join(raw)).kind == "person"
            )
        ):
            mention = " ".join(raw)  # not المكتب الوطني للإحصاءات: a genitive of its name
        if (
            len(raw) >= 2
            and all(w.endswith("ا") and not w.endswith("اا") for w in raw[:2])
            and self._accusative(raw[:2])
        ):
            return None, None  # لكنه أضاف حدا أسبوعيا جديدا: accusative nouns, an object
        p = parse_mention(mention)
        words = normalize(mention).split()
        if (
            len(words) > 1
            and not words[0].startswith("ال")  # المحامية أميرة القوقاني: the lawyer herself
            and _in(words[0], speaker_words().relatives)
        ):
            return None, mention  # قالت عائلة الملا محمد عمر: the family, not the one named
        if len(words) == 2 and words[0] == "ال":
            # وأشار آل كركمان: the family name of جلوي بن محمد آل كركمان named before
            for k in reversed(self.known):
                if k.kind == "person" and len(k.name) > 2 and k.name[-2:] == words:
                    return k.id, None
        # المولى, المرضى, الدعوى: a word in ى is no family name in ي
        lone = len(words) == 1 and lone_name(words[0]) and not mention.strip().endswith("ى")
        if p.kind == "none" and self.lone_ok and self.unlisted_pair(mention):
            # وبينت وجدان بوقس أنه, وقال جيب بوش إن: two bare words no list knows in the
            # subject's slot right after the verb are a name, as one lone surname is
            p.name, p.kind, p.title = mention.strip(), "person", None
        sw = speaker_words()
        if (
            len(words) == 1
            and self.text
            and words[0].startswith("ال")
            and (words[0] in sw.descriptors or words[0] in sw.offices or _in(words[0], sw.titles))
            and words[0] not in sw.anonymous
        ):
            # ويجيب الكاتب after «الكاتب الصحفي فهد بن جليد»: the one the article named so
            holder = self.full_holder(words)
            if holder is not None:
                sid = self._known_id(holder) or speaker_id(holder)
                self.add(sid, "person", holder, mention)
                return sid, mention
        if p.kind in ("none", "person") and len(words) == 1 and len(words[0]) >= 4:
            p.name, p.kind, p.title = mention.strip(), "surname", None  # named before?
        elif p.kind == "none" and len(words) == 1 and len(words[0]) == 3 and words[0].isalpha():
            # رأى كرم: a short surname only names someone the article named in full (فادي كرم)
            found = self._one_of_name(words[0], -1, None)
            if found is not None:
                return found, None
        if p.kind in ("person", "surname") and p.name:
            norm = normalize(p.name).split()
            if len(norm) == 1 and norm[0] in sw_given():
                # ويضيف بدر: a first name alone is the article's full name when it has one
                # (بدر الشمري), so that ids do not pool every بدر of a corpus
                found = self._one_of_name(norm[0], 0, p.title)
                if found is not None:
                    return found, p.title
                # else the first name is all the article gives (vox pops): it stays the id
            if len(norm) == 1:  # a surname (or first name) of someone named before
                found = self._one_of_name(norm[0], -1, p.title)
                if found is not None:
                    return found, p.title
                lead = normalize(p.title or "").split()
                if lead and lead[-1] in speaker_words().honorifics and self.text:
                    # وقال الدكتور التركي: the article's «الدكتور عبدالله التركي»
                    full = self.full_name(norm[0], strict=True, family=True)
                    if full is not None:
                        sid = speaker_id(full)
                        self.add(sid, "person", full, p.title)
                        return sid, p.title
                if p.kind == "surname" and not (lone and self.lone_ok):
                    return None, None
            sid = speaker_id(p.name)
            self.add(sid, "person", p.name, p.title)
            return sid, p.title
        if p.kind == "office" and p.name:
            fits = {  # وزير الإسكان introduced by name before
                k.id
                for k in self.known
                if k.kind in ("person", "actor")
                and all(_strip(w) in k.title for w in words)
                and not (k.title & _DEPUTY) - {_strip(w) for w in words}
            }
            if len(fits) == 1:  # two ministers of water named before: not sure which
                return fits.pop(), p.title
            if len(words) == 2 and words[1].startswith("ال"):
                # وأكد الوزير الأصبحي, الوزير المومني: the family name of the minister the
                # article named (عز الدين الأصبحي), not an office «الوزير الأصبحي»
                for k in reversed(self.known):
                    if k.kind == "person" and len(k.name) > 1 and k.name[-1] == words[1]:
                        return k.id, words[0]
            holder = self.full_holder(words) if self.text else None
            if holder is not None:  # وزير الطاقة سهيل المزروعي, named elsewhere in the article
                sid = self._known_id(holder) or speaker_id(holder)
                self.add(sid, "person", holder, p.title)
                return sid, p.title
            sid = speaker_id(p.name)
            self.add(sid, "office", None, p.title)
            return sid, p.title
        if p.kind == "institution" and p.name:
            if generic_outlet(p.name):
                return None, None  # كشفت وكالة أنباء: no outlet named
            sid = speaker_id(p.name)
            self.add(sid, "institution", p.name, None)
            return sid, None
        sw = speaker_words()
        lead = normalize(p.title or "").split()
        if (
            p.kind in ("title", "anonymous", "none")
            and lead
            and lead[0].startswith("ال")
            and _in(lead[0], sw.institutions)
            and (len(lead) == 1 or not _in(lead[1], sw.institutions))
        ):
            # وقالت الوزارة: the ministry the article named (وزارة الخدمة المدنية)
            if (
                len(lead) >= 3
                and lead[1].startswith(("ال", "لل"))  # not الوزارة تطبيق الدليل الوطني للأنشطة
                and any(w.startswith("لل") for w in lead[2:])
            ):
                # اللجنة العامة للانتخابات البلدية: named in full, not «اللجنة المحلية»;
                # المؤسسة العامة للتقاعد ارتفاع ...: the name ends before the object
                end = next(
                    (q for q in range(2, len(lead)) if not lead[q].startswith(("ال", "لل", "وال"))),
                    len(lead),
                )
                name = " ".join((p.title or "").split()[:end])
                sid = speaker_id(name)
                self.add(sid, "institution", name, None)
                return sid, None
            head = _strip(lead[0])
            for k in reversed(self.known):
                if k.kind == "institution" and k.name and _strip(k.name[0]) == head:
                    return k.id, None
            inst = self.full_institution(head) if self.text else None
            if inst is not None:
                self.add(inst, "institution", inst, None)
                return inst, None
        if p.kind in ("title", "office") and len(words) <= 2 and words[-1].startswith("ال"):
            # ولفت المخرج, وذكر المهندس المخرج: the family name of «محمد المخرج» named
            # before, though it is also a title word; وأكد الوزير الأصبحي: of «عز الدين
            # الأصبحي» (not «المحلل المالي»: no one named so)
            for k in reversed(self.known):
                if (
                    k.kind == "person"
                    and len(k.name) > 1
                    and k.name[-1] == words[-1]
                    and (
                        len(words) == 1
                        or words[0] in speaker_words().honorifics
                        or words[0] in speaker_words().descriptors
                    )
                ):
                    return k.id, p.title
        content = [_strip(w) for w in words if len(w) > 1]
        if content and p.kind in ("title", "anonymous", "none"):
            fits = {
                k.id
                for k in self.known
                if all(w in k.title for w in content) and not (k.title & _DEPUTY) - set(content)
            }  # «الرئيس» is not the «نائب رئيس الديوان» named before
            if len(fits) == 1:
                return fits.pop(), p.title
        if (
            p.kind == "title"
            and self.text
            and len(words) == 2
            and words[0] in sw.honorifics
            and words[1].startswith("ال")
        ):
            # وبين الأستاذ المرشد: the surname of محمد بن عبدالله المرشد, not a title
            full = self.full_name(words[1], strict=True)
            if full is not None:
                sid = speaker_id(full)
                self.add(sid, "person", full, p.title)
                return sid, words[0]
        if p.kind == "title" and self.text and words and words[0] not in sw.anonymous:
            holder = self.full_holder(words)  # الوزير, المتحدث الرسمي: the one the article named
            if holder is not None:
                sid = self._known_id(holder) or speaker_id(holder)
                self.add(sid, "person", holder, p.title)
                return sid, p.title
        return None, p.title


def _bare_family(word: str) -> str | None:
    """``word`` without the article when it can be a family name the article wrote without
    it (``العواملة`` for ``كمال عواملة``): four letters or more, no listed word."""
    bare = word[2:] if word.startswith("ال") else ""
    sw = speaker_words()
    if (
        len(bare) < 4
        or not bare.isalpha()
        or bare in sw.given
        or _in_word_lists(bare, sw)
        or _verbal_noun(bare)  # التنظيم: the organisation, no family name تنظيم
    ):
        return None
    return bare


_NAME_LINK_WORDS = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ام", "ال", "ولد"})
_RUN_ON = frozenset({"ردا", "علي", "عن", "في", "من", "الي", "مع", "حول", "خلال", "امس", "اليوم"})


def _run_on(tail: list[str], person: bool, sw: SpeakerWords) -> bool:
    """Words after a name that are not part of it: ``ردا علي سؤال``, ``باعتماد``,
    ``بسلميه المظاهرات``, ``المتخصص``, ``التناول``, ``مالكو`` (a verb run in)."""
    w = tail[0]
    if w in sw.given or w in ("بن", "بنت", "ابن", "ال", "ابو"):
        return False
    if w in _RUN_ON or w in sw.not_names or w in sw.descriptors or w in sw.honorifics:
        return True
    if w[:1] == "ب" and (
        w[1:].startswith("ال")
        or _masdar(w[1:])
        or (w[1:2] == "ا" and len(w) == 7 and w[5] == "ا")
        or (w.endswith("ه") and not w.startswith("با"))
    ):
        return True  # بالمظاهرات, باعتماد, بمكتبه, بسلميه: a preposition and a noun
    if len(w) >= 4 and w.endswith("ا"):
        return True  # ردا, حرجا: an accusative noun
    if w in _reporting_forms() or (w.endswith(("و", "وا")) and len(w) >= 4):
        return True  # مالكو: «قال ... مالكو» a verb or a plural run into the id
    # a person's family name with ال is a nisba (الحارثي) or a listed word; المتخصص,
    # التناول: a description or the verb's object
    return person and w.startswith("ال") and not w.endswith("ي") and len(w) > 4


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _name_tail(tail: list[str], sw: SpeakerWords) -> bool:
    """Words that go on a person's name: given names, بن, آل, a nisba (الحارثي)."""
    return all(
        w in sw.given or w in ("بن", "بنت", "ابن", "ال", "ابو") or w.endswith("ي") for w in tail
    )


def generic_outlet(name: str) -> bool:
    """``name`` describes a kind of outlet and names none: «وكالة أنباء», «وكالة
    الأنباء», «موقع التواصل الاجتماعي», «موقع صحيفة» (``media_heads`` and
    ``media_generic`` of ``speaker_words.yaml``)."""
    sw = speaker_words()
    words = normalize(name).split()
    return (
        bool(words)
        and _strip(words[0]) in sw.media
        and all(_strip(w) in sw.media or w in sw.media_generic for w in words)
    )


def same_speakers(ids: list[str], counts: dict[str, int] | None = None) -> dict[str, str]:
    """Ids of one article that name the same speaker, mapped to the one to show.

    The rules cut a mention at different places in one article: «المقدم سلطان سعد»
    and «المقدم سلطان سعد السبيعي», «فان غال» and «لويس فان غال», «مارك تونر» and
    «مارك تونر ردا علي سؤال», «هيئه شؤون الاعلام» and «هيئه شؤون الاعلام
    البحريني». An open id of two words or more is the same speaker as a longer id
    of the article that has its words in order: a longer id that only adds words
    after it that are no name (:func:`_run_on`) is shown as the shorter one; else,
    when exactly one longer id has its words, the shorter is shown as the longer.
    A person's longer id whose added words are neither a name nor sure to be no name
    («ممدوح سالم جمهور الجاده») is shown as the id with more statements
    (``counts``, the statements of each id in the article). Gazetteer ids (ASCII)
    and ids kept to their article (``... (article id)``) are left alone; two longer
    ids (two people: «محمد الحربي» in «عبدالله محمد الحربي» and «محمد بن علي الحربي»)
    leave the shorter alone.

    Examples
    --------
    >>> same_speakers(["سلطان سعد", "سلطان سعد السبيعي", "kerry"])
    {'سلطان سعد': 'سلطان سعد السبيعي'}
    >>> same_speakers(["مارك تونر", "مارك تونر ردا", "مارك تونر ردا علي سؤال"])
    {'مارك تونر ردا': 'مارك تونر', 'مارك تونر ردا علي سؤال': 'مارك تونر'}
    """
    sw = speaker_words()
    open_ids = sorted(
        {i for i in ids if i and not i.isascii() and "(" not in i},
        key=lambda i: (len(i.split()), i),
    )
    words = {i: i.split() for i in open_ids}
    out: dict[str, str] = {}
    for a in open_ids:  # shortest first: a run-on id goes to the shortest clean one
        wa = words[a]
        if len(wa) < 2 or a in out:
            continue
        person = not _in(wa[0], sw.institutions)
        longer = [b for b in open_ids if len(words[b]) > len(wa) and _subsequence(wa, words[b])]
        fuller = []
        for b in longer:
            if words[b][: len(wa)] == wa and _run_on(words[b][len(wa) :], person, sw):
                out.setdefault(b, a)
            else:
                fuller.append(b)
        if len(fuller) == 1 and fuller[0] not in out:
            b = fuller[0]
            tail = words[b][len(wa) :]
            unsure = person and words[b][: len(wa)] == wa and not _name_tail(tail, sw)
            if unsure and counts is not None and counts.get(a, 0) > counts.get(b, 0):
                out[b] = a
            else:
                out[a] = b
    for k in list(out):  # a chain (A -> B -> C) ends at its last id
        seen = {k}
        while out[k] in out and out[k] not in seen:
            seen.add(out[k])
            out[k] = out[out[k]]
    return {k: v for k, v in out.items() if k != v}
