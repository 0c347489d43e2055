"""Emphasis: where and how much an outlet gives a claim, read as the article was published.

Per statement: headline or not, lede or not, relative position, share of the
article's words, repetitions of its claim within the article, direct quote.
Per claim x outlet and per outlet: aggregates of those.

How the article is read (the rules, in order):

- **Reading order** is the order of the text (``start``), not the order the
  statements were numbered in (headlines first).
- The **headline** is a headline line that comes before the first body
  statement. A headline line after body text is a **crosshead**
  (``is_crosshead``): a subheading inside the article, not its headline
  (SANA's "لافروف: ..." lines between paragraphs).
- A body paragraph that the scrape put after the article's closing credit
  line ("المصدر: روسيا اليوم"), when body text comes before that line, is the
  page's standfirst placed last by the scrape: it is read first (RT Arabic
  pages end with their summary paragraph). This needs ``articles`` (spans).
- The **lede** is the first ``lede`` body statements in that reading order
  (never a headline or crosshead), after the short lines that open the body
  before its first sentence (a photo caption, a byline, a deck: ten words or
  fewer, no sentence punctuation at the end, a line break after, within the
  first ``FURNITURE_CHARS`` characters; not when the body is short lines only,
  a poem). This needs ``articles`` (``raw_text``).
- **Repetitions**: statements of one article that say the same thing are one
  claim told again: the same claim id, or the same content words (at least
  ``repeat_min_shared`` shared, and at least ``repeat_overlap`` of the
  shorter statement's content words); ``repetitions`` counts the statement
  and those that say the same. Not a repetition: one template told of two
  figures, places, countries or people (two callers' telephone calls, two
  governments' condemnations), and two
  neighbouring body statements of one claim that share no wording, the
  first ending on a comma rather than a full stop (one sentence cut in two),
  nor the same act told as to come in one (سـ/سوف + imperfect) and as done in
  the other (a perfect of the same verb: «ستجري مزيدا من الاتصالات» / «أجرت
  سلسلة اتصالات»), nor two items of a numbered list (``6 - تعيين ...`` / ``7 -
  تعيين ...``, ``أولا:`` / ``ثالثا:``), nor a line whose object is the list after
  it (``قرر مجلس الوزراء ما يلي :``) with one of its items, nor a line ending on
  the list after it (``... المضبوطات التالية:``) with an item (numbered, lettered:
  ``أ - تجديد عضوية ...`` / ``ب - تعيين ...``, or opened with a bullet: ``/ثمانية
  أسلحة ...``); two bulleted items are two facts; nor two statements of two items of
  one template on a page (``_items``: an item opened on «من جهة أخرى», «إلى ذلك» or
  «كما» and the verb an earlier item opened with; the openings worded or opening
  alike, each naming a figure, a place or a person the other does not: «استقبل ...
  كلاً من رئيس ديوان المراقبة العامة ...» / «كما استقبل ... وكلاء إمارة المنطقة ...»,
  and the visitors' «سائلين الله العلي القدير ...» after each), nor a claim's two
  statements one template told of other figures, places or people, each naming its
  own (the King's cable and the Crown Prince's), nor the page's link line («رابط الخبر
  بصحيفة الوئام: <headline>», with what the splitter cut from it) and its headline, nor a
  prayer or a closing formula with anything (``_FORMULA``: «سائلين الله العلي القدير أن
  ...», «داعياً الله جل جلاله أن ...», «والله الهادي إلى سواء السبيل»); nor one
  template told of a title's holder and of a deputy (``نائب``, ``مساعد``, ``وكيل``
  before the title: «وأعرب خادم الحرمين الشريفين ...» / «وأعرب سمو نائب خادم الحرمين
  الشريفين ...»), nor two statements whose shared words (names aside) are only one
  noun phrase naming a thing, the setting, three words or more with the article
  («المجلس الوطني للثقافة والفنون والآداب», «ذكرى الحرب العالمية الثانية»), or names of
  institutions, events or projects each opened by its head (``_INSTITUTION_HEADS``,
  ``_EVENT_HEADS``: «مشروع تطوير خيمة سوق عكاظ»), which may hold a construct with ل and
  end on ب + a place
  («الجمعية الخيرية لعائلات التوحد بالمملكة»; «لجنة التنمية الاجتماعية الأهلية» and
  «الجمعية الخيرية لتحفيظ القرآن الكريم بعنك»), unless
  one is the headline and the other its lede (the first two body statements);
  nor two body statements that share words of their article's setting and fewer than
  two words or figures beyond it (the content words a fifth of its statements, three or more,
  carry: «مركز الملك سلمان للإغاثة والأعمال الإنسانية», «وفقا للتوجيهات الكريمة» all
  along one relief article; ``setting_share``, ``setting_min``, ``min_own`` of
  :func:`repeat_pairs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import polars as pl

from narratives import schemas
from narratives.compare._common import check, split_singletons
from narratives.compare._text import TOKENS_COLUMN, statement_tokens
from narratives.normalize import PROCLITICS, normalize

DIRECT_QUOTES: tuple[str, ...] = ("direct", "mixed")

_MARK_CHARS = '“«„‟”»"″'
#: a span between two quotation marks
_QUOTED = re.compile(f"[{_MARK_CHARS}]([^{_MARK_CHARS}]*)[{_MARK_CHARS}]")
#: a title announced before its quotation marks: «بعنوان "..."», «تحت شعار "..."»
_TITLED = re.compile(r"(?:بعنوان|عنوان|شعار|باسم|اسم|مسمى)\s*[:،,]?\s*$")


def names_in_quotes(text: str, *, longest: int = 4) -> bool:
    """Whether every span a statement has in quotation marks is ``longest`` words or
    fewer, the marks paired: the name of an exhibition, a programme, a company or a
    slogan («الفيصل.. شاهد وشهيد», «ستاندرد أند بورز», "الشراكة في التغيير"), not
    someone's words; a span of any length announced as a title (``بعنوان «أمن وسلامة
    الآثار والمنشآت السياحية»``, ``تحت شعار``) is a name too. A ``mixed`` statement
    with no speaker and no reporting verb that quotes only such names is no direct
    quote (SaudiNewsNet 2015-07-26/27, 2015-08-03/04).

    Examples
    --------
    >>> names_in_quotes('أمير مكة يفتتح معرض "الفيصل.. شاهد وشهيد" بالطائف')
    True
    >>> names_in_quotes('وكتب على لافتة "احبس بولك! واقض حاجتك في مكان مناسب".')
    False
    >>> names_in_quotes('الملتقى الأول بعنوان «أمن وسلامة الآثار والمنشآت السياحية» .')
    True
    """
    marks = sum(text.count(c) for c in _MARK_CHARS)
    if not marks or marks % 2:
        return False
    spans = list(_QUOTED.finditer(text))
    return bool(spans) and all(
        len(m.group(1).split()) <= longest or _TITLED.search(text[: m.start()]) for m in spans
    )


def _match_stopwords() -> list[str]:
    from narratives._resources import load_tsv

    return load_tsv("match_stopwords.tsv")["word"].to_list()


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Words of names (people, places, organisations, nationalities), match-normalized:
    two statements sharing them share who and where, not what is said."""
    from narratives._resources import load_tsv, load_yaml
    from narratives.compare._choice import load_choice_lexicon

    words = set(load_choice_lexicon().names)
    for entry in ((load_yaml("entities.yaml") or {}).get("entities") or {}).values():
        if isinstance(entry, dict):  # one-word names only: مجلس الأمن الدولي is common words
            words |= {normalize(str(n)) for n in entry.get("names") or [] if " " not in str(n)}
    words |= {normalize(str(w)) for w in load_tsv("countries.tsv")["name"]}
    words |= {"ال" + w for w in words if not w.startswith("ال")}
    words |= {p + w for w in words for p in PROCLITICS}  # وكيري, بباريس
    words |= {"لل" + w[2:] for w in words if w.startswith("ال")}
    return frozenset(w for w in words if len(w) > 2)


@lru_cache(maxsize=1)
def _name_heads() -> tuple[frozenset[str], frozenset[str]]:
    """Words that head a place's name (ساحة, حي, شارع ...) or an office (محافظ, رئيس ...)
    with their proclitic forms, and the given names of ``person_names.tsv``, normalized."""
    from narratives.statements._speakers import speaker_words, sw_given

    # and offices: «محافظ الزلفي», «رئيس بلدية الزلفي» say who, not what
    bare = {normalize(w) for w in _PLACE_HEADS} | set(speaker_words().offices)
    heads = bare | {"ال" + w for w in bare}
    heads |= {p + w for w in heads for p in PROCLITICS} | {"لل" + w for w in bare}
    return frozenset(heads), sw_given() - {"علي"}  # علي: also على "on", normalized alike


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, str]:
    """Countries, capitals and nationality adjectives (``countries.tsv``), with proclitics,
    to their country: a condemnation by Spain and one by Germany told in one template are
    two facts; سوريا and سورية are one country."""
    from narratives.compare.substitutions import country_words

    words = country_words()
    return {**{p + w: c for w, c in words.items() for p in PROCLITICS}, **words}


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """``_PLACE_HEADS`` match-normalized, with the article and proclitics."""
    bare = {normalize(w) for w in _PLACE_HEADS}
    heads = bare | {"ال" + w for w in bare}
    return frozenset(heads | {p + w for w in heads for p in PROCLITICS} | {"لل" + w for w in bare})


# nouns that head the name of a place in local news (not of an institution: a ministry
# or a company shared by two statements is what they are about)
_PLACE_HEADS = [
    "ساحة", "حي", "شارع", "طريق", "ميدان", "قاعة", "مسرح", "مجمع", "حديقة", "منتزه", "متنزه",
    "كورنيش", "سوق", "مول", "مدينة", "منطقة", "محافظة", "قرية", "مركز", "بلدة", "جزيرة",
    "مخيم", "مطار", "ميناء", "ملعب", "استاد", "فندق", "جامع", "مسجد", "مستشفى",
    "بحر", "خليج", "نهر", "جبل", "وادي",
]  # fmt: skip


# nouns that head the name of an event, a campaign or a project («مهرجان عيد وصيف حفر
# الباطن», «حملة شفا بلا سموم», «مشروع تطوير خيمة سوق عكاظ»): two statements sharing only
# such a name share the setting
_EVENT_HEADS = [
    "مهرجان", "معرض", "ملتقى", "مؤتمر", "منتدى", "ندوة", "حملة", "مسابقة", "بطولة",
    "جائزة", "مبادرة", "احتفالية", "فعاليات", "مشروع",
]  # fmt: skip


# nouns that head the name of an institution («الجمعية الخيرية لتحفيظ القرآن الكريم»,
# «لجنة التنمية الاجتماعية الأهلية»): a construct with ل inside such a name is the name
_INSTITUTION_HEADS = [
    "جمعية", "لجنة", "هيئة", "مجلس", "وزارة", "إدارة", "مديرية", "نادي", "اتحاد", "جامعة",
    "كلية", "معهد", "مؤسسة", "صندوق", "مركز", "رابطة", "غرفة", "شركة", "منظمة",
]  # fmt: skip


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    """``_INSTITUTION_HEADS`` match-normalized, with the article and proclitics."""
    bare = {normalize(w) for w in _INSTITUTION_HEADS}
    heads = bare | {"ال" + w for w in bare if not w.startswith("ال")}
    return frozenset(heads | {p + w for w in heads for p in PROCLITICS} | {"لل" + w for w in bare})


@lru_cache(maxsize=1)
def _event_heads() -> frozenset[str]:
    """``_EVENT_HEADS`` match-normalized, with the article and proclitics."""
    bare = {normalize(w) for w in _EVENT_HEADS}
    heads = bare | {"ال" + w for w in bare}
    return frozenset(heads | {p + w for w in heads for p in PROCLITICS} | {"لل" + w for w in bare})


def _figures(text: str) -> set[str]:
    """The figures written in digits in a statement, as numbers: «11679.70» and «11679.7»
    are one figure, «1.391» and «1391» too (its largest reading)."""
    from narratives.compare.discrepancies import _candidates

    out: set[str] = set()
    for tok in re.findall(r"\d+(?:[.,٫]\d+)*", text):
        values = _candidates(tok)
        out.add(f"{max(values):.12g}" if values else tok)
    return out


def _figure_sets(statements: pl.DataFrame, pairs: pl.DataFrame) -> dict[str, set[str]]:
    """The figures (see ``_figures``) of the statements of ``pairs``."""
    ids = pl.concat([pairs["statement_id"], pairs["statement_id_b"]]).unique().implode()
    rows = statements.filter(pl.col("statement_id").is_in(ids)).select("statement_id", "text")
    return {sid: _figures(text or "") for sid, text in rows.iter_rows()}


def _particulars(
    statements: pl.DataFrame, words: _Words, pairs: pl.DataFrame
) -> dict[str, tuple[set[str], set[str], bool, set[str]]]:
    """What each statement of ``pairs`` is particular about.

    ``statement_id -> (figures and places, figures and names, borrowed,
    persons named)``. A
    statement with no figure and no name (``وباشرت الجهات الأمنية الموقع ...``)
    continues the statement before it in its article and takes that one's
    figures and names (``borrowed``): a template clause told after each
    accident of a round-up is about that accident.
    """
    order = [c for c in ("start", "position") if c in statements.columns][:1]
    frame = statements.select("statement_id", "article_id", *order)
    if order:
        frame = frame.sort("article_id", *order, maintain_order=True)
    frame = frame.with_columns(prev=pl.col("statement_id").shift(1).over("article_id"))
    ids = pl.concat([pairs["statement_id"], pairs["statement_id_b"]]).unique()
    prev = dict(
        frame.filter(pl.col("statement_id").is_in(ids.implode()))
        .select("statement_id", "prev")
        .iter_rows()
    )
    wanted = pl.concat(
        [ids, pl.Series([p for p in prev.values() if p is not None], dtype=pl.String)]
    ).unique()
    both = pl.DataFrame({"statement_id": wanted, "statement_id_b": wanted})
    figs = _figure_sets(statements, both)
    placed: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
    persons: dict[str, set[str]] = {}
    rows = words.of(wanted)
    country = _country_forms()
    for sid, tok, mark, place, person in rows.select(
        "statement_id", "tok", "mark", "place", "person"
    ).iter_rows():
        tok = country.get(tok, tok)
        if place:
            placed.setdefault(sid, set()).add(tok)
        if mark or place:
            named.setdefault(sid, set()).add(tok)
        if person:
            persons.setdefault(sid, set()).add(tok)
    out: dict[str, tuple[set[str], set[str], bool, set[str]]] = {}
    for sid in ids.to_list():
        own = figs.get(sid, set()) | named.get(sid, set())
        people = persons.get(sid, set())
        before = prev.get(sid)
        borrowed = not own and before is not None
        if before is not None and borrowed:
            own = figs.get(before, set()) | named.get(before, set())
            people = persons.get(before, set())
        out[sid] = (figs.get(sid, set()) | placed.get(sid, set()), own, borrowed, people)
    return out


def _other_facts(
    a: tuple[set[str], set[str], bool, set[str]], b: tuple[set[str], set[str], bool, set[str]]
) -> bool:
    """Whether two statements sharing words tell two facts in one template.

    Each has a figure or a place of its own that the other lacks (two funds'
    loans, two accidents' hospitals), or a person of its own (two callers:
    «اتصالاً هاتفياً من ... راشد بن عبدالله آل خليفة» / «... محمد الخالد
    الحمد الصباح»); or one names nothing and the statement
    it continues shares no figure or name with the other (a template clause
    after each accident of a round-up), where a restated claim continues a
    statement about the same people («وقال إن بوتين أكد ...» then «مضيفا أن
    الجانبين أكدا ...»).
    """
    (pa, na, borrowed_a, qa), (pb, nb, borrowed_b, qb) = a, b
    other_people = bool(qa - qb and qb - qa)
    if borrowed_a or borrowed_b:
        return bool(na and nb and not na & nb) or other_people
    return bool(pa - pb and pb - pa) or other_people


_IMPERFECT = "يتنا"
_WEAK = "يوا"


def _future_cores(toks: list[str]) -> set[str]:
    """The stems of the future verbs of a statement's normalized tokens: سـ + an
    imperfect (``ستجري``, ``سنجري``) or ``سوف`` + an imperfect; a weak last radical
    also gives the stem without it (``جري`` -> ``جر``, as in the perfect ``اجرت``)."""
    out: set[str] = set()
    for i, tok in enumerate(toks):
        t = tok[1:] if len(tok) > 4 and tok[0] in "وف" else tok
        if len(t) >= 5 and t[0] == "س" and t[1] in _IMPERFECT:
            stem = t[2:]
        elif i and toks[i - 1] in ("سوف", "وسوف") and len(t) >= 4 and t[0] in _IMPERFECT:
            stem = t[1:]
        else:
            continue
        if stem.endswith("ه"):  # سياسه, سيطره: a noun, not a verb
            continue
        out.add(stem)
        if stem[-1] in _WEAK and len(stem) >= 3:
            out.add(stem[:-1])
    return out


def _perfect_of(core: str) -> set[str]:
    """Perfect forms of a verb stem that no noun shares: a subject suffix (ت, وا, نا)
    or the ا of forms IV, VII, VIII, X (``اجرت``, ``انطلقت``, ``استانف``)."""
    forms = {core + "ت", core + "وا", core + "نا", "ا" + core + "ت", "ا" + core + "وا"}
    if len(core) >= 3:
        forms.add("ا" + core)
    if core[-1] not in _WEAK:
        forms.add("ا" + core + "ي")
    return forms


def _ordinals(toks: list[str]) -> set[tuple[str, int]]:
    """The ordinals a statement's normalized tokens name (``ordinals.tsv``: ثاني, الثالثه,
    وللمره الاولي), each with the words next to it (``(لقاءاته, 1)`` for «في أول
    لقاءاته»), not أول in «أول أمس» / «أول من أمس» (the day before yesterday)."""
    from narratives.align._conflicts import load_ordinals

    table = load_ordinals()

    def bare(tok: str) -> str:
        word = tok
        for _ in range(2):
            if word in table or len(word) < 4 or word[0] not in "وفبل":
                break
            word = word[1:]
        return word[2:] if word not in table and word.startswith("ال") else word

    out: set[tuple[str, int]] = set()
    for i, tok in enumerate(toks):
        word = bare(tok)
        if word not in table:
            continue
        if word == "اول" and i + 1 < len(toks) and toks[i + 1] in ("امس", "من"):
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < len(toks) and len(toks[k]) > 2 and bare(toks[k]) not in table:
                out.add((bare(toks[k]), table[word]))
    return out


def _other_ordinals(a: list[str], b: list[str]) -> bool:
    """Whether the statements put other ordinals by one same word: «الهلال يلاقي ... في أول
    لقاءاته الودية» / «وسيلاقي الهلال أيضًا ... في ثاني لقاءاته الودية» are two matches,
    «العقد الثاني» / «العقد الثالث» two contracts; «موبايلي الأولى» and «الجيل الرابع» are
    no such pair."""
    return _ordinals_differ(_ordinals(a), _ordinals(b))


def _ordinals_differ(oa: set[tuple[str, int]], ob: set[tuple[str, int]]) -> bool:
    """:func:`_other_ordinals` of two statements' ordinals (``_ordinals``)."""
    for word in {w for w, _ in oa} & {w for w, _ in ob}:
        na = {n for w, n in oa if w == word}
        nb = {n for w, n in ob if w == word}
        if na - nb and nb - na:
            return True
    return False


def _tense_differs(a: list[str], b: list[str]) -> bool:
    """Whether one statement says an act will be done and the other that it was done:
    «موسكو ستجري قريبا مزيدا من الاتصالات» / «موسكو اجرت مؤخرا سلسله اتصالات» (the same
    verb, future in one, perfect in the other, and neither has the other's tense)."""

    return _tenses_differ(_tense_words(a), _tense_words(b))


def _tense_words(toks: list[str]) -> tuple[set[str], set[str]]:
    """A statement's future verb stems (``_future_cores``) and its words, each also
    without a leading و/ف: what :func:`_tense_differs` compares."""
    bare = {t[1:] if len(t) > 4 and t[0] in "وف" else t for t in toks} | set(toks)
    return _future_cores(toks), bare


def _tenses_differ(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """:func:`_tense_differs` of two statements' ``_tense_words``."""
    (fa, wa), (fb, wb) = a, b
    for fut, past, fut_words in ((fa, wb, wa), (fb, wa, wb)):
        for core in fut - (fb if fut is fa else fa):
            forms = _perfect_of(core)
            if forms & past and not forms & fut_words:
                return True
    return False


@dataclass(frozen=True)
class _Words:
    """The content words of every statement, one row per statement and word.

    ``frame``: ``row`` (the statement's row number), ``tid`` (one integer per
    word), ``other`` (no name), ``mark`` (a name of its own), ``place``,
    ``person``; ``ids``: ``row``, ``statement_id``, ``article_id``; ``vocab``:
    ``tid``, ``tok``. A corpus's words held as integers, their strings joined
    back for the statements a rule reads (:meth:`of`).
    """

    frame: pl.DataFrame
    ids: pl.DataFrame
    vocab: pl.DataFrame

    def of(
        self,
        statement_ids: pl.Series | list[str] | None = None,
        *,
        articles: pl.DataFrame | None = None,
    ) -> pl.DataFrame:
        """The words of ``statement_ids`` (or of every statement of ``articles``, an
        ``article_id`` frame): ``statement_id``, ``article_id``, ``tok`` and the flags."""
        rows = self.ids
        if statement_ids is not None:
            rows = rows.filter(
                pl.col("statement_id").is_in(pl.Series(statement_ids, dtype=pl.String).implode())
            )
        if articles is not None:
            rows = rows.join(articles, on="article_id", how="semi", nulls_equal=True)
        return (
            self.frame.join(rows, on="row")
            .join(self.vocab, on="tid")
            .select("statement_id", "article_id", "tok", "other", "mark", "place", "person")
        )


def _content_words(
    statements: pl.DataFrame,
    *,
    stop: set[str],
    names: frozenset[str],
    heads: frozenset[str],
    given: frozenset[str],
    places: frozenset[str],
    countries: dict[str, str],
) -> _Words:
    """The content words of every statement (words of three letters or more, not
    stopwords, not numbers) and what each is: a name (a lexicon's name, the head of a
    place or an office, a given name, or the word after one of those), a name of its
    own, a place, a person. Each distinct word is looked up once: the words are
    numbered (``tid``) and the word before (and two before) are shifts of those
    numbers within a statement."""
    exploded = statements.select(
        row=pl.int_range(pl.len(), dtype=pl.UInt32), tok=statement_tokens(statements)
    ).explode("tok")
    tid = exploded["tok"].cast(pl.Categorical).to_physical()
    vocab = pl.DataFrame({"tid": tid, "tok": exploded["tok"]}).drop_nulls("tid").unique("tid")
    row = exploded["row"].to_numpy()
    del exploded
    word = pl.col("tok")
    kinds = vocab.select(
        "tid",
        keep=~word.is_in(list(stop)) & (word.str.len_chars() > 2) & ~word.str.contains(r"^\d+$"),
        names=word.is_in(list(names)),
        heads_given=word.is_in(list(heads | given)),
        heads=word.is_in(list(heads)),
        places=word.is_in(list(places)),
        countries=word.is_in(list(countries)),
        given=word.is_in(list(given)),
    )
    # one flag array per kind, by word number; the last entry (no word) is False
    at = kinds["tid"].to_numpy()
    none = int(at.max()) + 1 if at.size else 0
    flag = {}
    for kind in kinds.columns[1:]:
        table = np.zeros(none + 1, dtype=bool)
        table[at] = kinds[kind].to_numpy()
        flag[kind] = table
    this = tid.fill_null(none).to_numpy()

    def before(k: int) -> np.ndarray:
        out = np.full(len(this), none, dtype=this.dtype)
        if len(this) > k:
            out[k:] = this[:-k]
            out[k:][row[k:] != row[:-k]] = none
        return out

    prev, prev2 = before(1), before(2)
    # a place or a person named in words no lexicon lists: «في ساحة العروض بحي
    # الجزيرة», «عبير خليل»: the head, the name after it, a given name and the word
    # after it are names, not what is said
    name = (
        flag["names"][this]
        | flag["heads_given"][this]
        | flag["heads_given"][prev]
        | flag["heads"][prev2]
    )
    keep = flag["keep"][this]
    # one group per statement and word: a single integer key (row, word number)
    frame = (
        pl.DataFrame(
            {
                "key": row[keep].astype(np.uint64) << np.uint64(32) | this[keep],
                "name": name[keep],
                # a name of its own (not the head of a place or an office): who and where
                "mark": (name & ~flag["heads"][this])[keep],
                # the name of a place after its head: «مستشفى رفحاء», «طريق قرية العجرمية»
                "place": (
                    (~flag["heads"][this] & (flag["places"][prev] | flag["places"][prev2]))
                    | flag["countries"][this]
                )[keep],
                # a person's name: a given name and the word after it («راشد بن عبدالله»)
                "person": (flag["given"][this] | flag["given"][prev])[keep],
            }
        )
        .group_by("key")
        .agg(
            other=~pl.col("name").any(),
            mark=pl.col("mark").any(),
            place=pl.col("place").any(),
            person=pl.col("person").any(),
        )
        .select(
            row=(pl.col("key") // (1 << 32)).cast(pl.UInt32),
            tid=(pl.col("key") % (1 << 32)).cast(pl.UInt32),
            other="other",
            mark="mark",
            place="place",
            person="person",
        )
    )
    ids = statements.select(
        row=pl.int_range(pl.len(), dtype=pl.UInt32),
        statement_id="statement_id",
        article_id="article_id",
    )
    return _Words(frame, ids, vocab)


def repeat_pairs(
    statements: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    min_shared: int = 5,
    overlap: float = 0.5,
    min_shared_other: int = 3,
    setting_share: float = 0.2,
    setting_min: int = 3,
    min_own: int = 2,
    own_overlap: float = 0.0,
) -> pl.DataFrame:
    """The pairs of statements of one article that tell one claim twice (the rules of
    :func:`repetitions`): ``a``, ``b`` (statement ids, ``a < b``), one row per pair.

    ``setting_share``, ``setting_min``, ``min_own``, ``own_overlap``: two body
    statements that share words of their article's setting must also share ``min_own``
    words or figures outside it
    (content words, names aside, carried by at least ``max(setting_min, setting_share
    * statements)`` of its statements), and that many must make ``own_overlap`` of the
    shorter one's own words (0: not required; 0.3 lost restatements on SaudiNewsNet
    2015-08-06/07, docs/accuracy.md); a pair with a headline is not held to it.
    ``setting_share=1`` turns the rule off."""
    stop = set(_match_stopwords())
    names = _name_words()
    heads, given = _name_heads()
    places = _place_heads()
    countries = _country_forms()
    words = _content_words(
        statements,
        stop=stop,
        names=names,
        heads=heads,
        given=given,
        places=places,
        countries=countries,
    )
    # pairs of statements of one article sharing words: a self-join on integer keys only
    # (its rows are every pair of words an article repeats, 12 M on all SaudiNewsNet):
    # ``code`` numbers the statements in id order (code < code_b is statement_id <
    # statement_id_b), ``key`` is one (article, word); words of no article pair with none
    id_cols = statements.select("statement_id", "article_id")
    code = statements["statement_id"].rank("dense").cast(pl.UInt32)
    rows = words.frame["row"]
    article = id_cols["article_id"].cast(pl.Categorical).to_physical().gather(rows)
    keyed = pl.DataFrame(
        {
            "key": article.cast(pl.UInt64) * (1 << 32) + words.frame["tid"].cast(pl.UInt64),
            "code": code.gather(rows),
            "other": words.frame["other"],
        }
    ).drop_nulls("key")
    del article
    # a statement's words counted by row, then by id (rows of one id add up)
    counts = words.frame.group_by("row").len("n_words")
    sizes = (
        pl.DataFrame(
            {
                "statement_id": id_cols["statement_id"].gather(counts["row"]),
                "n_words": counts["n_words"],
            }
        )
        .group_by("statement_id")
        .agg(pl.col("n_words").sum())
    )
    codes = sizes.join(id_cols.select("statement_id", code=code), on="statement_id")
    shared = (
        keyed.join(keyed.select("key", code_b="code"), on="key")
        .filter(pl.col("code") < pl.col("code_b"))
        .group_by("code", "code_b")
        .agg(pl.len().alias("shared"), pl.col("other").sum().alias("shared_other"))
        .filter((pl.col("shared") >= min_shared) & (pl.col("shared_other") >= min_shared_other))
        .join(codes, on="code")
        .join(
            codes.rename({"code": "code_b", "statement_id": "statement_id_b", "n_words": "n_b"}),
            on="code_b",
        )
        .filter(pl.col("shared") >= overlap * pl.min_horizontal("n_words", "n_b"))
        .select("statement_id", "statement_id_b")
    )
    claimed: list[tuple[str, str]] = []
    if claims is not None and "article_id" in statements.columns:
        same = (
            statements.select("statement_id", "article_id")
            .join(claims.select("statement_id", "claim_id"), on="statement_id")
            .filter(pl.len().over("article_id", "claim_id") > 1)
            .sort("statement_id")
            .group_by("article_id", "claim_id")
            .agg(pl.col("statement_id"))
        )
        for ids in same["statement_id"].to_list():
            claimed.extend((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    templates = _same_opening(statements, claimed)
    own = _particulars(
        statements,
        words,
        pl.concat(
            [
                shared,
                pl.DataFrame(
                    sorted(templates),
                    schema={"statement_id": pl.String, "statement_id_b": pl.String},
                    orient="row",
                ),
            ]
        ),
    )
    # one template told of other figures, places or people: two facts, whatever the
    # clustering says of them («بعث خادم الحرمين الشريفين ... برقية تهنئة لجلالة السلطان
    # قابوس» / «بعث ... الأمير محمد بن نايف ... برقية تهنئة لجلالة السلطان قابوس»)
    two_facts = {(a, b) for a, b in shared.iter_rows() if _other_facts(own[a], own[b])}
    edges = [(a, b) for a, b in shared.iter_rows() if (a, b) not in two_facts]
    head_ids = (
        set(statements.filter(pl.col("is_headline").fill_null(False))["statement_id"].to_list())
        if "is_headline" in statements.columns
        else set()
    )
    # the clustering may still join such a pair when both tell their own figures or
    # people (neither borrows them from the statement before it) and neither is a
    # headline (a headline rounds its figures: «320 مليون» / «320.8 مليون»)
    two_facts = {
        (a, b)
        for a, b in two_facts
        if a not in head_ids and b not in head_ids and not own[a][2] and not own[b][2]
    }
    if edges:
        # sharing the name of a thing (an institution, an event) is sharing the setting
        edges = _not_setting_only(statements, words, edges)
    worded = set(edges)
    cuts = _adjacent_body(statements)
    # a claim's statements in one article, but not two neighbouring body statements
    # sharing no wording (one sentence cut in two: «أشعر بالفخر الشديد،» / «لا أطيق ...»),
    # nor two statements opening alike about other people or countries (one template the
    # clustering joined: «وقدم سمو نائب خادم الحرمين شكره ... لوزير الداخلية بدولة الكويت»
    # / «... بمملكة البحرين»)
    # nor two body statements of one claim whose figures are all other figures (one
    # month's rejected shipments and another's: «رفض 198 إرسالية ... 851 طنا» / «رفض 172
    # إرسالية ... 717 طنا»); a headline rounds its figures («22 ألف حبة» / «22.790 حبة»)
    figures = (
        _figure_sets(
            statements,
            pl.DataFrame(
                claimed,
                schema={"statement_id": pl.String, "statement_id_b": pl.String},
                orient="row",
            ),
        )
        if claimed
        else {}
    )

    def other_figures(a: str, b: str) -> bool:
        fa, fb = figures.get(a, set()), figures.get(b, set())
        return bool(fa and fb and not fa & fb) and a not in head_ids and b not in head_ids

    others = [
        (a, b)
        for a, b in claimed
        if (a, b) not in worded
        and (a, b) not in two_facts
        and frozenset((a, b)) not in cuts
        and not ((a, b) in templates and _other_facts(own[a], own[b]))
        and not other_figures(a, b)
    ]
    # nor two statements of one claim that share only the name of a thing, the setting
    edges.extend((a, b) for a, b in claimed if (a, b) in worded)
    edges.extend(_not_setting_only(statements, words, others) if others else [])
    if edges:
        # a prayer or a closing formula tells no claim: «سائلين الله العلي القدير أن يعيده
        # على الجميع باليمن والخير والبركات» after each of two receptions, «والله الهادي
        # إلى سواء السبيل» closing each of two statements
        texts = dict(
            statements.filter(pl.col("statement_id").is_in([x for pair in edges for x in pair]))
            .select("statement_id", "text")
            .iter_rows()
        )
        formulas = {sid for sid, t in texts.items() if _FORMULA.search(normalize(t or ""))}
        edges = [(a, b) for a, b in edges if a not in formulas and b not in formulas]
    if edges:
        # the page's link to itself («رابط الخبر بصحيفة الوئام: <headline>») tells nothing
        # again: the line and what the splitter cut from it after it
        link, after = _link_lines(statements, {x for pair in edges for x in pair})
        edges = [
            (a, b)
            for a, b in edges
            if a not in after
            and b not in after
            and not ((a in link and b in head_ids) or (b in link and a in head_ids))
        ]
    if edges:
        # the same act told as to come and as done is two facts, not one claim told twice;
        # so is one template told of a person and of that person's deputy
        ids = list({x for pair in edges for x in pair})
        sub = statements.filter(pl.col("statement_id").is_in(ids))
        toks = dict(sub.select("statement_id", t=statement_tokens(sub)).iter_rows())
        headlines = (
            set(sub.filter(pl.col("is_headline").fill_null(False))["statement_id"].to_list())
            if "is_headline" in sub.columns
            else set()
        )
        # each statement's tenses and ordinals read once, not once per pair it is in
        tenses = {sid: _tense_words(t or []) for sid, t in toks.items()}
        ordinals = {sid: _ordinals(t or []) for sid, t in toks.items()}
        no_tense, no_ordinal = _tense_words([]), _ordinals([])
        edges = [
            (a, b)
            for a, b in edges
            if not _tenses_differ(tenses.get(a, no_tense), tenses.get(b, no_tense))
            and not _ordinals_differ(ordinals.get(a, no_ordinal), ordinals.get(b, no_ordinal))
            and not _deputy_differs(
                toks.get(a) or [],
                toks.get(b) or [],
                # a headline opens with its subject, not a verb: «القيادة تهنئ الرئيس ...»
                opening=0 if a in headlines or b in headlines else 4,
            )
        ]
    if edges:
        # two items of a numbered list (decisions, conditions) are two facts, and a line
        # announcing a list («قرر مجلس الوزراء ما يلي :») tells none of them again
        ids = list({x for pair in edges for x in pair})
        texts = dict(
            statements.filter(pl.col("statement_id").is_in(ids))
            .select("statement_id", "text")
            .iter_rows()
        )
        marks = {sid: _list_marker(t or "", sid) for sid, t in texts.items()}
        norms = {sid: normalize(t or "") for sid, t in texts.items()}
        lists = {sid for sid, t in norms.items() if _LIST_AHEAD.search(t)}
        # each statement read once (``_announces``), not once per pair it is in
        announcing = {sid for sid, t in norms.items() if _ANNOUNCES.search(t)}
        edges = [
            (a, b)
            for a, b in edges
            if not (marks.get(a) and marks.get(b) and marks[a] != marks[b])
            and a not in announcing
            and b not in announcing
            # «... تبين احتواؤها على المضبوطات التالية:» and «/ثمانية أسلحة ...»
            and not ((a in lists and marks.get(b)) or (b in lists and marks.get(a)))
        ]
    if edges:
        # a page may carry two items of one template, each opened on «من جهة أخرى», «إلى
        # ذلك» or «كما» and the same verb: with other figures, places or people in their
        # openings, each template sentence is told once in each («استقبل ... أمير منطقة
        # الرياض ... كلاً من رئيس ديوان المراقبة العامة ...» / «كما استقبل ... أمير منطقة
        # الرياض ... وكلاء إمارة المنطقة ...»)
        alike = set(shared.iter_rows())
        edges = _not_another_item(statements, words, edges, heads=head_ids, alike=alike)
    if edges and setting_share < 1:
        # what two body statements share must go beyond the article's setting: the
        # words most of its statements carry («التفجير الإرهابي الذي استهدف مسجد قوات
        # الطوارئ في عسير» in every condemnation of a round-up)
        edges = _beyond_setting(
            statements,
            words,
            edges,
            heads=head_ids,
            share=setting_share,
            least=setting_min,
            min_own=min_own,
            own_overlap=own_overlap,
        )
    return pl.DataFrame(edges, schema={"a": pl.String, "b": pl.String}, orient="row").unique()


#: an opening that turns to another item of the page: «من جهة أخرى», «إلى ذلك», «في سياق
#: آخر» (match-normalized)
_ANOTHER_ITEM = re.compile(
    r"^\W*(?:من جه[هة] (?:اخر[يى]|ثاني[هة])|من ناحي[هة] اخر[يى]|من جانب اخر|الي ذلك"
    r"|في سياق (?:اخر|منفصل)|علي صعيد اخر|في شان اخر|في موضوع اخر|في غضون ذلك)(?!\w)"
)
#: «كما» / «وكما» and the word after it: «كما استقبل ...» (match-normalized)
_ALSO = re.compile(r"^\W*و?كما\s+(\w+)")


def _bare_first(text: str) -> str:
    """A statement's first word, match-normalized, without a leading و/ف."""
    words = normalize(text).split()
    first = words[0] if words else ""
    return first[1:] if len(first) > 3 and first[0] in "وف" else first


def _items(statements: pl.DataFrame, articles: pl.Series) -> dict[str, tuple[int, str]]:
    """The items of a page: each body statement of ``articles`` with its item's number and
    the statement that opens the item.

    The first body statement opens the first item; a statement opening on a turn to
    another item (``_ANOTHER_ITEM``: «من جهة أخرى، التقى ...», «إلى ذلك، استقبل ...») or
    on «كما» and the verb an item opened with («استقبل ...» then «كما استقبل ...»: the
    same act again, of other people) opens the next one.
    """
    order = [c for c in ("start", "position") if c in statements.columns][:1]
    head = (
        pl.col("is_headline").fill_null(False)
        if "is_headline" in statements.columns
        else pl.lit(False)
    )
    rows = (
        statements.filter(pl.col("article_id").is_in(articles.implode()) & ~head)
        .select("statement_id", "article_id", "text", *order)
        .sort("article_id", *order, maintain_order=True)
    )
    out: dict[str, tuple[int, str]] = {}
    current, item, opener, verbs = None, 0, "", set()
    for sid, aid, text in rows.select("statement_id", "article_id", "text").iter_rows():
        norm = normalize(text or "")
        if aid != current:
            current, item, opener, verbs = aid, 0, sid, {_bare_first(norm)}
        else:
            also = _ALSO.match(norm)
            if _ANOTHER_ITEM.search(norm) or (also and also.group(1) in verbs):
                item, opener = item + 1, sid
                verbs.add(also.group(1) if also else _bare_first(_ANOTHER_ITEM.sub("", norm)))
        out[sid] = (item, opener)
    return out


def _not_another_item(
    statements: pl.DataFrame,
    words: _Words,
    edges: list[tuple[str, str]],
    *,
    heads: set[str],
    alike: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """The pairs of ``edges`` that are not one template told of two items of a page.

    A page may carry several items of one template (``_items``: two receptions, two
    cables, two meetings, each opened on «من جهة أخرى», «إلى ذلك» or «كما» and the
    same verb). Two body statements of two items whose opening statements are worded
    alike (a pair of ``alike``: the statement ids in order) or open alike
    (``_same_opening``) and each name a figure, a
    place or a person the other's does not (``_particulars``, none borrowed from the
    statement before) tell two facts, each template sentence once: «استقبل ...
    أمير منطقة الرياض ... كلاً من رئيس ديوان المراقبة العامة ...» / «كما استقبل ... أمير
    منطقة الرياض ... وكلاء إمارة المنطقة ...», and «سائلين الله العلي القدير أن يعيده
    على الجميع ...» after each. An item that tells the same act again names nothing of
    its own: «كانت قوات الأمن المصرية قد تمكنت من تفجير 7 عبوات ...» / «كما تمكنت قوات
    الأمن المصرية من تفجير 7 عبوات ...» still count twice.
    """
    body = [(a, b) for a, b in edges if a not in heads and b not in heads]
    if not body:
        return edges
    ids = list({x for pair in body for x in pair})
    arts = statements.filter(pl.col("statement_id").is_in(ids))["article_id"].unique()
    items = _items(statements, arts)
    across = [(a, b) for a, b in body if a in items and b in items and items[a][0] != items[b][0]]

    def openers(a: str, b: str) -> tuple[str, str]:
        x, y = items[a][1], items[b][1]
        return (x, y) if x < y else (y, x)

    pairs = {openers(a, b) for a, b in across}
    # openers worded alike, or opening alike («بعث خادم الحرمين الشريفين ... برقية تهنئة
    # لجلالة السلطان قابوس» / «كما بعث خادم الحرمين الشريفين برقية تهنئة لفخامة الرئيس
    # عبدالفتاح السيسي»)
    alike = (pairs & alike) | _same_opening(statements, sorted(pairs))
    candidates = [(a, b) for a, b in across if openers(a, b) in alike]
    if not candidates:
        return edges
    opening = {(items[a][1], items[b][1]) for a, b in candidates}
    own = _particulars(
        statements,
        words,
        pl.DataFrame(
            sorted(opening),
            schema={"statement_id": pl.String, "statement_id_b": pl.String},
            orient="row",
        ),
    )

    def named(sid: str) -> set[str]:
        placed, _, borrowed, persons = own[sid]
        return set() if borrowed else placed | persons

    two = {
        (a, b)
        for a, b in candidates
        if named(items[a][1]) - named(items[b][1]) and named(items[b][1]) - named(items[a][1])
    }
    return [pair for pair in edges if pair not in two]


#: a statement that is a prayer («سائلين الله العلي القدير أن ...», «داعياً الله جل جلاله
#: أن ...», «ونسأل المولى عز وجل أن ...») or a closing formula («والله الهادي إلى سواء
#: السبيل», «والله ولي التوفيق»), match-normalized
_FORMULA = re.compile(
    r"^\W*(?:[وف](?=\w))?(?:سائلا|سائلين|سائله|سائلتين|داعيا|داعين|داعيه|راجيا|راجين"
    r"|متمنيا|متمنين|اسال|نسال|ادعو|ندعو)"
    r"\s+(?:من\s+)?(?:الله|المولي|العلي|الباري)(?!\w)"
    r"|^\W*والله\s+(?:الهادي|ولي التوفيق|الموفق|من وراء القصد)"
)

#: a page's link to itself, as some outlets close an article: «رابط الخبر بصحيفة الوئام:
#: <headline>» (match-normalized)
_LINK_LINE = re.compile(r"رابط الخبر\s+ب?(?:صحيف[هة]|موقع)")


def _link_lines(statements: pl.DataFrame, ids: set[str]) -> tuple[set[str], set[str]]:
    """The statements of ``ids`` that hold an article's link line (``_LINK_LINE``: the
    line glued to the sentence before it, «... www.uj.edu.sa رابط الخبر بصحيفة الوئام:
    جامعة جده تعلن ...»), and those after such a line in their article (the headline's
    words the splitter cut from it after «بالصور..»: «كاميرا طائرة تكتشف مشهداً ...»).
    Neither tells the headline again."""
    order = [c for c in ("start", "position") if c in statements.columns][:1]
    arts = statements.filter(pl.col("statement_id").is_in(list(ids)))["article_id"].unique()
    rows = (
        statements.filter(pl.col("article_id").is_in(arts.implode()))
        .select("statement_id", "article_id", "text", *order)
        .sort("article_id", *order, maintain_order=True)
    )
    link: set[str] = set()
    after: set[str] = set()
    seen: set[str] = set()
    for sid, aid, text in rows.select("statement_id", "article_id", "text").iter_rows():
        if aid in seen:
            after.add(sid)
        elif _LINK_LINE.search(normalize(text or "")):
            link.add(sid)
            seen.add(aid)
    return link, after


def _stem(tok: pl.Expr) -> pl.Expr:
    """Tokens without a leading و/ف and a preposition before the article (والإرهاب,
    بالإرهاب, للإرهاب -> الارهاب): the word an article repeats, whatever its clitics."""
    return (
        tok.str.replace(r"^[وف](.{3,})$", "${1}")
        .str.replace(r"^لل(.{3,})$", "ال${1}")
        .str.replace(r"^[بكل](ال.{2,})$", "${1}")
    )


def _beyond_setting(
    statements: pl.DataFrame,
    words: _Words,
    edges: list[tuple[str, str]],
    *,
    heads: set[str],
    share: float,
    least: int,
    min_own: int,
    own_overlap: float,
) -> list[tuple[str, str]]:
    """The pairs of ``edges`` that share content beyond their article's setting.

    An article's setting words are the content words (names aside) that at least
    ``max(least, share * statements)`` of its statements carry: the event, the place,
    the date an account repeats all along. Two body statements tell one claim twice
    only when they share ``min_own`` words or figures outside the setting, making
    ``own_overlap`` of the shorter one's own (its words outside the setting, and its
    figures), when they share a setting word at all (two statements sharing no word
    were joined as paraphrases, which this rule cannot judge): the relief centre's
    spokesman on the events that «تنطلق وفقاً للتوجيهات الكريمة من خادم الحرمين
    الشريفين» and the centre that, «وفقاً للتوجيهات الكريمة ...», «استعد لمقابلة المرحلة
    المقبلة» share the article's setting, not a claim, as do a family's first and fourth
    cases «منوم بمستشفى مدينة الملك عبدالعزيز الطبية بالحرس الوطني». A pair with a
    headline is kept: a headline names the article's topic, whose words are its
    setting.
    """
    # the setting of the articles of the pairs judged here only (a pair with a headline
    # is kept whatever its words), each word's stem once
    ids = list({x for a, b in edges if a not in heads and b not in heads for x in (a, b)})
    articles = statements.filter(pl.col("statement_id").is_in(ids)).select("article_id").unique()
    stems = (
        words.of(articles=articles)
        .filter(pl.col("other"))
        .select("statement_id", "article_id", stem=_stem(pl.col("tok")))
    )
    counts = stems.unique().group_by("article_id", "stem").len("n")
    sizes = statements.group_by("article_id").len("n_statements")
    setting = (
        counts.join(sizes, on="article_id")
        .filter(pl.col("n") >= pl.max_horizontal(pl.lit(least), pl.col("n_statements") * share))
        .select("article_id", "stem")
    )
    rows = stems.filter(pl.col("statement_id").is_in(ids)).join(
        setting.with_columns(is_setting=pl.lit(True)), on=["article_id", "stem"], how="left"
    )
    own: dict[str, set[str]] = {}
    in_setting: dict[str, set[str]] = {}
    for sid, stem, is_setting in rows.select("statement_id", "stem", "is_setting").iter_rows():
        (in_setting if is_setting else own).setdefault(sid, set()).add(stem)
    texts = dict(
        statements.filter(pl.col("statement_id").is_in(ids))
        .select("statement_id", "text")
        .iter_rows()
    )
    for sid, text in texts.items():
        own.setdefault(sid, set()).update("#" + f for f in _figures(text or ""))
    kept = []
    for a, b in edges:
        if a in heads or b in heads:
            kept.append((a, b))
            continue
        # two statements sharing no setting word either were joined on other grounds
        # (a paraphrase in one claim: «مستوى الثقة ... تراجع» / «العلاقات ... تمر حاليا
        # بمرحلة صعبة»): what they share is not the setting, and the rule has no say
        if not in_setting.get(a, set()) & in_setting.get(b, set()):
            kept.append((a, b))
            continue
        oa, ob = own.get(a, set()), own.get(b, set())
        common = len(oa & ob)
        if common >= min_own and common >= own_overlap * min(len(oa), len(ob)):
            kept.append((a, b))
    return kept


def repetitions(
    statements: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    min_shared: int = 5,
    overlap: float = 0.5,
    min_shared_other: int = 3,
) -> pl.DataFrame:
    """How many statements of its article say what each statement says.

    Two statements of an article are one claim told twice when they belong
    to the same claim, or share at least ``min_shared`` content words (words
    outside ``match_stopwords.tsv``: not function words, reporting verbs or
    titles) making at least ``overlap`` of the shorter one's content words,
    ``min_shared_other`` of them no names of people, places, organisations or
    nationalities: "I told Kerry in Paris" and "Lavrov refuted Kerry's
    statements in Paris" are not one claim because they name the same people;
    and shared words make no repetition when each statement has a figure the
    other lacks (two funds' loans told in one template sentence are two facts).
    Pairs are not chained: a long statement that restates two claims does
    not make those two one claim. The pairs themselves: :func:`repeat_pairs`.

    Returns
    -------
    pl.DataFrame
        ``statement_id``, ``repetitions`` (Int32: 1 + the statements of the
        article saying the same).

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "a:2", "a:3"], "article_id": ["a"] * 3,
    ...     "text": ["أكد الجانبان عزمهما محاربة الإرهاب الدولي بلا تنازلات",
    ...              "مضيفا أن الجانبين أكدا عزمهما محاربة الإرهاب الدولي بلا تنازلات",
    ...              "وقال إن العلاقات تمر بمرحلة صعبة"]})
    >>> repetitions(st)["repetitions"].to_list()
    [2, 2, 1]
    """
    pairs = repeat_pairs(
        statements,
        claims,
        min_shared=min_shared,
        overlap=overlap,
        min_shared_other=min_shared_other,
    )
    degree = (
        pl.concat([pairs.select(statement_id="a"), pairs.select(statement_id="b")])
        .group_by("statement_id")
        .len("others")
    )
    return (
        statements.select("statement_id")
        .join(degree, on="statement_id", how="left")
        .select("statement_id", repetitions=(pl.col("others").fill_null(0) + 1).cast(pl.Int32))
    )


_DEPUTIES = frozenset({"نائب", "مساعد", "وكيل"})


def _deputy_differs(a: list[str], b: list[str], *, opening: int = 4) -> bool:
    """Whether one statement tells of a deputy (نائب, مساعد, وكيل + a title) and the other
    of the title's holder and of no deputy (the same title, or, in the ``opening`` words of
    both, after the opening verb, another title with no deputy: «وأعرب الملك المفدى ...»):
    «وأعرب سمو نائب خادم الحرمين الشريفين عن أبلغ التهاني ...» / «وعبر خادم الحرمين
    الشريفين ... عن أصدق التهاني ...», one template told of two people (normalized
    tokens; a leading و/ف/ل aside)."""

    def bare(t: str) -> str:
        return t[1:] if len(t) > 3 and t[0] in "وفل" else t

    def titles(toks: list[str]) -> tuple[set[str], set[str]]:
        words = [bare(t) for t in toks]
        # a deputy word after بن is a name («عبدالله بن مساعد»); the word after it a title
        deputy = {
            w
            for i, w in enumerate(words)
            if i and words[i - 1] in _DEPUTIES and _is_title(w)
            if i < 2 or words[i - 2] not in ("بن", "ابن", "بنت")
        }
        alone = {w for i, w in enumerate(words) if not i or words[i - 1] not in _DEPUTIES}
        return deputy, alone

    def any_deputy(toks: list[str]) -> bool:  # «خادم الحرمين الشريفين ونائبه»: both
        return any(bare(t).startswith(tuple(_DEPUTIES)) for t in toks)

    (da, aa), (db, ab) = titles(a), titles(b)
    if ((da - aa) & (ab - db) and not any_deputy(b)) or (
        (db - ab) & (aa - da) and not any_deputy(a)
    ):
        return True
    # the holder named by another title: «وعبر نائب خادم الحرمين الشريفين عن أبلغ التهاني
    # ...» / «وأعرب الملك المفدى ... عن أصدق التهاني ...»: a deputy in the opening words of
    # one, a title with no deputy in the other's
    if not opening:
        return False
    oa, ob = [bare(t) for t in a[:opening]], [bare(t) for t in b[:opening]]
    return (_opens_with_deputy(oa) and _opens_with_title(ob)) or (
        _opens_with_deputy(ob) and _opens_with_title(oa)
    )


def _is_title(word: str) -> bool:
    return (word[2:] if word.startswith("ال") else word) in _titles()


def _opens_with_deputy(words: list[str]) -> bool:
    """A deputy word and the title it qualifies after the opening verb (``وعبر نائب خادم``,
    ``وعبر سمو نائب خادم``; not ``عبدالله بن مساعد يعتمد``, a name)."""
    return any(words[i] in _DEPUTIES and _is_title(words[i + 1]) for i in range(1, len(words) - 1))


def _opens_with_title(words: list[str]) -> bool:
    """A title (an office of ``speaker_words``, ملك, خادم, ولي) after the opening verb and
    no deputy word (``وأعرب الملك``)."""
    return not any(w in _DEPUTIES for w in words) and any(_is_title(w) for w in words[1:])


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from narratives.statements._speakers import speaker_words

    return frozenset(speaker_words().offices | {"ملك", "مليك", "خادم", "ولي"}) - _DEPUTIES


def _headlines_and_ledes(statements: pl.DataFrame, *, first: int = 2) -> tuple[set[str], set[str]]:
    """The headline statements, and the ``first`` body statements of each article in
    text order (the lede, and the line after a dateline or a share-button line)."""
    order = [c for c in ("start", "position") if c in statements.columns][:1]
    if not order or "is_headline" not in statements.columns:
        return set(), set()
    frame = statements.select(
        "statement_id", "article_id", *order, head=pl.col("is_headline").fill_null(False)
    )
    heads = set(frame.filter(pl.col("head"))["statement_id"].to_list())
    ledes = (
        frame.filter(~pl.col("head"))
        .sort("article_id", *order, maintain_order=True)
        .filter(pl.int_range(pl.len()).over("article_id") < first)
    )
    return heads, set(ledes["statement_id"].to_list())


def _definite(tok: str) -> bool:
    """A word with the article, after one proclitic: الحرب, للثقافه, والفنون, بالمجلس."""
    return tok.startswith(("ال", "لل")) or (len(tok) > 3 and tok[0] in "وفبكل" and tok[1:3] == "ال")


def _not_setting_only(
    statements: pl.DataFrame, words: _Words, edges: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The pairs of ``edges`` that share more than one noun phrase naming a thing.

    When all the content words two statements share (names aside) make, in one of
    them, one run of words (names between them aside, no function word) that is a
    noun phrase, each word with the article but perhaps the first (the head of a
    construct: «ذكرى الحرب العالمية الثانية», «المجلس الوطني للثقافة والفنون
    والآداب»), at least three with it, or a run of three words or more opened by the
    head of an event's name (``_EVENT_HEADS``: «مهرجان عيد وصيف حفر الباطن»), they
    share the name of an institution or an event, the setting, not a claim:
    «حاصل على جائزتين ... من المجلس الوطني للثقافة والفنون والآداب في الكويت» /
    «ويعمل مستشارا لسلسلة ... يصدرها المجلس الوطني للثقافة والفنون والآداب في الكويت».
    A headline and its lede (the first two body statements) are kept: a lede
    restates its headline in other verb forms («يؤكد» / «أكد»), so what they share
    in words may be the object alone.
    """
    ids = list({x for pair in edges for x in pair})
    sub = statements.filter(pl.col("statement_id").is_in(ids))
    toks = dict(sub.select("statement_id", t=statement_tokens(sub)).iter_rows())
    heads, ledes = _headlines_and_ledes(statements)
    events = _event_heads()
    things = events | _institution_heads()
    content: dict[str, dict[str, bool]] = {}
    for sid, tok, other in words.of(ids).select("statement_id", "tok", "other").iter_rows():
        content.setdefault(sid, {})[tok] = other

    def name_run(run: list[str], common: set[str], *, headed: bool = False) -> bool:
        """Whether a run of words names a thing: opened by an event's head, or each word
        after the first with the article (names aside), three with it at least. A run
        opened by the head of an institution or an event may hold a construct head
        before a word with the article, ل + a noun («الجمعيه الخيريه لعائلات التوحد»,
        «لتحفيظ القران»), and end on ب + a place («بعنك»); ``headed``: it must open so."""
        opened = run[0] in things
        if headed and not opened:
            return False
        if run[0] in events and len(run) >= 3:
            return True  # the name of an event: «مهرجان عيد وصيف حفر الباطن»
        for i, t in enumerate(run[1:], 1):
            if t not in common or _definite(t):
                continue  # a name, or a word with the article
            nxt = run[i + 1] if i + 1 < len(run) else None
            if opened and t[0] in "لب" and len(t) > 3 and (nxt is None or _definite(nxt)):
                continue
            return False
        # three words with the article: shared ones, or names too in a run opened by its
        # head («لجنة التنمية الاجتماعية الأهلية»)
        return sum(_definite(t) for t in run if t in common or headed) >= 3

    def in_phrases(sid: str, common: set[str], names: set[str]) -> bool:
        """Whether the shared words of ``sid`` name one thing or several (runs of shared
        words and names, cut by a function word or an unshared content word: a clause
        «مزيدا من الاتصالات مع الجهات الاقليميه» is no name): one run, or runs each
        opened by the head of an institution or an event («لجنة التنمية الاجتماعية
        الأهلية» and «الجمعية الخيرية لتحفيظ القرآن الكريم بعنك»)."""
        seq = toks.get(sid) or []
        own = content.get(sid, {})
        runs: list[list[str]] = [[]]
        for t in seq:
            # shared, a name (not a function word), or the head of an institution's or an
            # event's name («لجنة», a title word the content words leave out)
            if t in common or t in names or not own.get(t, True) or (t in things and t not in own):
                runs[-1].append(t)
            elif runs[-1]:
                runs.append([])
        # one run: from its first shared word to its last (names around it aside); runs
        # each opened by its head: from the head (a name) to the last shared word
        spans = []
        for run in runs:
            at = [i for i, t in enumerate(run) if t in common]
            if at:
                spans.append((run[at[0] : at[-1] + 1], run[: at[-1] + 1]))
        if not spans:
            return False
        if len(spans) == 1:
            return name_run(spans[0][0], common)
        return all(name_run(run, common, headed=True) for _, run in spans)

    kept = []
    for a, b in edges:
        if (a in heads and b in ledes) or (b in heads and a in ledes):
            kept.append((a, b))  # a lede restating its headline in other verbs
            continue
        wa, wb = content.get(a, {}), content.get(b, {})
        common = {t for t in wa.keys() & wb.keys() if wa[t] and wb[t]}
        # words both have, a name in one of them
        names = {t for t in wa.keys() & wb.keys() if not (wa[t] and wb[t])}
        if common and (in_phrases(a, common, names) or in_phrases(b, common, names)):
            continue
        kept.append((a, b))
    return kept


_ITEM_NUMBER = re.compile(r"^\W*([0-9٠-٩]+)\s*[-–—.)/]")
_ITEM_WORD = re.compile(r"^\W*(\w+)\s*[:：\-–—]")
#: an item opened with a letter and a dash or a bracket: «أ - تجديد عضوية ...», «ب) ...»
_ITEM_LETTER = re.compile(r"^\W*([\u0621-\u064A])\u0640?\s*[-–—)]\s")


@lru_cache(maxsize=1)
def _ordinal_adverbs() -> dict[str, int]:
    """أولا, ثانيا ... (an ordinal of ``ordinals.tsv`` with its accusative ا), normalized."""
    from narratives.align._conflicts import load_ordinals

    return {w + "ا": n for w, n in load_ordinals().items() if not w.endswith(("ه", "ي"))}


def _list_marker(text: str, key: str = "") -> str | None:
    """The number of a list item the statement opens with (``6 - تعيين ...``,
    ``ثالثا: ترفع جميع طلبات ...``), its letter (``أ - تجديد عضوية ...``, ``ب - تعيين
    ...``), a bullet's own ``key`` for an item opened with a bullet (``/ثمانية أسلحة
    أوتوماتيكية ...``, ``• تعيين ...``), else None."""
    if _BULLET.match(text):
        return "bullet " + key
    m = _ITEM_NUMBER.match(text)
    if m:
        return str(int(m.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))))
    m = _ITEM_LETTER.match(text)
    if m:
        return "letter " + normalize(m.group(1))
    m = _ITEM_WORD.match(normalize(text.replace("ـ", "-")))  # «أولاً ـ تتاح ...»
    if m and m.group(1) in _ordinal_adverbs():
        return str(_ordinal_adverbs()[m.group(1)])
    return None


_ANNOUNCES = re.compile(r"\bما (?:يلي|ياتي)\s*[:：]\s*$")
#: a statement ending on the list after it («... المضبوطات التالية:», «على النحو التالي :»)
_LIST_AHEAD = re.compile(r"(?:التالي|التاليه|الاتي|الاتيه|يلي|ياتي)\s*[:：]\s*$")
_BULLET = re.compile(r"^\s*[/•·*▪◦●]|^\s*[-–]\s")


def _announces(text: str) -> bool:
    """Whether a statement's object is the list after it («... قرر مجلس الوزراء ما يلي
    :»): it tells none of the items again (a statement that tells its own fact before
    «على النحو التالي :» or «وفيما يلي نص البيان :» still can be told again)."""
    return bool(_ANNOUNCES.search(normalize(text)))


def _same_opening(
    statements: pl.DataFrame, pairs: list[tuple[str, str]], *, words: int = 4, alike: int = 3
) -> set[tuple[str, str]]:
    """The pairs whose statements open alike: ``alike`` of their first ``words`` tokens
    in common (a leading و/ف aside), as template sentences do."""
    if not pairs:
        return set()
    ids = {x for pair in pairs for x in pair}
    rows = statements.filter(pl.col("statement_id").is_in(list(ids))).select(
        "statement_id",
        head=statement_tokens(statements.filter(pl.col("statement_id").is_in(list(ids)))).list.head(
            words
        ),
    )
    heads = {
        sid: {t[1:] if len(t) > 3 and t[0] in "وف" else t for t in toks or []}
        for sid, toks in rows.iter_rows()
    }
    return {(a, b) for a, b in pairs if len(heads.get(a, set()) & heads.get(b, set())) >= alike}


def _adjacent_body(statements: pl.DataFrame) -> set[frozenset[str]]:
    """Pairs of body statements next to each other in their article's text order, the
    first not ending its sentence (a comma, no full stop): one sentence cut in two."""
    order = [c for c in ("start", "position") if c in statements.columns][:1]
    if not order or "article_id" not in statements.columns:
        return set()
    head = (
        pl.col("is_headline").fill_null(False)
        if "is_headline" in statements.columns
        else pl.lit(False)
    )
    frame = (
        statements.select("statement_id", "article_id", *order, _head=head, _text="text")
        .sort("article_id", *order, maintain_order=True)
        .with_columns(
            nxt=pl.col("statement_id").shift(-1).over("article_id"),
            nxt_head=pl.col("_head").shift(-1).over("article_id"),
        )
        .filter(~pl.col("_head") & pl.col("nxt").is_not_null() & ~pl.col("nxt_head"))
        .filter(~pl.col("_text").str.contains(r"[.!?؟…»\"”)]\s*$"))
    )
    return {frozenset(p) for p in frame.select("statement_id", "nxt").iter_rows()}


#: the furniture rule reads only this many characters of an article (headline and the
#: short lines after it): ``compare`` sends only them to the process that runs emphasis
FURNITURE_CHARS = 1000

#: a line ending on one of these is a sentence (or runs on), not a caption or a byline
_SENTENCE_END = re.compile(r"[.!?؟:،,;؛…»\"”)]\s*$")


def _furniture(
    body: pl.DataFrame, articles: pl.DataFrame | None, *, max_words: int = 10
) -> pl.Series:
    """Ids of the short lines that open an article's body before its first sentence.

    A photo caption («لاعب التعاون البرازيلي ساندرو في هجمه تعاونية», «جانب من قناة
    السويس الجديدة»), a byline («مسلّم الهواملة – عين اليوم») or a deck the scrape put
    between headline and text: at most ``max_words`` words, no sentence punctuation at
    its end, a line break right after it, and more body after it. ``body`` holds the
    body statements in reading order; needs ``articles`` (``raw_text``) and offsets.
    """
    empty = pl.Series("statement_id", [], pl.String)
    need = {"article_id", "statement_id", "text", "end", "n_words"}
    if articles is None or "raw_text" not in articles.columns or not need <= set(body.columns):
        return empty
    raws = dict(
        articles.filter(pl.col("article_id").is_in(body["article_id"].unique().implode()))
        .select("article_id", "raw_text")
        .iter_rows()
    )
    out: list[str] = []
    pending: list[str] = []  # the current article's leading short lines
    current, leading = None, False
    for aid, sid, text, end, n_words in body.select(
        "article_id", "statement_id", "text", "end", "n_words"
    ).iter_rows():
        if aid != current:
            current, leading, pending = aid, True, []
        if not leading:
            continue
        raw = raws.get(aid) or ""
        short = (n_words or 0) <= max_words and not _SENTENCE_END.search((text or "").strip())
        line = (
            end is not None
            and end < FURNITURE_CHARS
            and raw[end : end + 4].lstrip(" \t\xa0").startswith("\n")
        )
        if short and line:
            pending.append(sid)
        else:
            # a sentence follows: the short lines before it were furniture (a body of short
            # lines only, a poem, keeps its first line as the lede)
            if not short:
                out.extend(pending)
            leading = False
    return pl.Series("statement_id", out, pl.String)


def _standfirsts(statements: pl.DataFrame, articles: pl.DataFrame | None) -> pl.DataFrame:
    """Body statements placed after the article's closing credit line: ``statement_id``."""
    if articles is None or "spans" not in articles.columns or "start" not in statements.columns:
        return pl.DataFrame(schema={"statement_id": pl.String})
    credits = (
        articles.select("article_id", "spans")
        .explode("spans")
        .unnest("spans")
        .filter(pl.col("role") == "credit")
        .group_by("article_id")
        .agg(pl.col("end").max().alias("credit_end"))
    )
    body = statements.filter(~pl.col("is_headline").fill_null(False)).join(credits, on="article_id")
    before = body.filter(pl.col("start") < pl.col("credit_end")).select("article_id").unique()
    return (
        body.filter(pl.col("start") >= pl.col("credit_end"))
        .join(before, on="article_id", how="semi")
        .select("statement_id")
    )


#: the statements' columns :func:`emphasis` reads (the rest are not copied)
_READ = (
    "statement_id",
    "article_id",
    "outlet",
    "position",
    "start",
    "end",
    "text",
    "is_headline",
    "speaker",
    "cue",
    "quote",
    TOKENS_COLUMN,
)


def emphasis(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    articles: pl.DataFrame | None = None,
    lede: int = 1,
    repeat_min_shared: int = 5,
    repeat_overlap: float = 0.5,
) -> pl.DataFrame:
    """Emphasis of every statement in its article, in reading order.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS``.
    claims
        ``schemas.CLAIMS`` (for the claim of each statement and repetitions).
    articles
        ``schemas.ARTICLES`` (its ``spans``), to read a standfirst the scrape
        placed after the closing credit line first (optional).
    lede
        How many of the first body statements form the lede.
    repeat_min_shared, repeat_overlap
        When two statements of one article are the same claim told again
        (see :func:`repetitions`).

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS``.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:0", "a:1", "a:2"], "article_id": ["a"] * 3,
    ...     "outlet": ["sana"] * 3, "position": [0, 1, 2],
    ...     "text": ["عنوان", "قال لافروف.", "وأضاف."],
    ...     "is_headline": [True, False, False], "quote": ["none", "direct", "indirect"]})
    >>> cl = pl.DataFrame({"claim_id": ["c0", "c1", "c1"], "statement_id": ["a:0", "a:1", "a:2"]})
    >>> emphasis(st, cl)[["is_lede", "relative_position", "word_share", "repetitions"]].rows()
    [(False, 0.0, 0.25, 1), (True, 0.0, 0.5, 2), (False, 1.0, 0.25, 2)]
    """
    need = ("statement_id", "article_id", "outlet", "position", "text", "is_headline")
    check(statements, need, name="statements", stage="emphasis")
    check(claims, ("claim_id", "statement_id"), name="claims", stage="emphasis")
    if lede < 0:
        raise ValueError("emphasis: lede must be >= 0")
    optional = {
        "speaker": pl.String,
        "quote": pl.String,
    }
    # the columns read here only: the frame below is sorted, a copy of what it holds
    frame = statements.select(c for c in _READ if c in statements.columns)
    frame = frame.with_columns(
        (pl.lit(None, t).alias(c) for c, t in optional.items() if c not in frame.columns)
    )
    order = pl.col("start") if "start" in frame.columns else pl.col("position")
    standfirst = _standfirsts(frame, articles)
    head_flag = pl.col("is_headline").fill_null(False)
    frame = (
        frame.join(claims.select("statement_id", "claim_id"), on="statement_id", how="left")
        .with_columns(
            n_words=statement_tokens(frame).list.len().cast(pl.Int32),
            _first=pl.col("statement_id").is_in(standfirst["statement_id"].implode()),
            _order=order,
        )
        .sort("article_id", "_order")
        .with_columns(_body_seen=(~head_flag).cum_sum().over("article_id"))
        .with_columns(
            is_crosshead=head_flag & (pl.col("_body_seen") > 0),
            is_headline=head_flag & (pl.col("_body_seen") == 0),
        )
        # reading order: headline, then a standfirst placed after the credit line, then the rest
        .sort("article_id", pl.col("is_headline").not_(), pl.col("_first").not_(), "_order")
    )
    body = ~pl.col("is_headline") & ~pl.col("is_crosshead")
    # a mixed statement of no one (no speaker, no reporting verb) quoting only names
    nobody = pl.col("speaker").is_null() & (
        pl.col("cue").is_null() if "cue" in frame.columns else pl.lit(True)
    )
    named = [
        sid
        for sid, text in frame.filter((pl.col("quote") == "mixed") & nobody)
        .select("statement_id", "text")
        .iter_rows()
        if names_in_quotes(text or "")
    ]
    furniture = _furniture(frame.filter(body), articles)
    reps = repetitions(frame, claims, min_shared=repeat_min_shared, overlap=repeat_overlap).select(
        "statement_id", "repetitions"
    )
    frame = (
        frame.join(reps, on="statement_id", how="left")
        .with_columns(
            body_rank=pl.when(body).then(body.cum_sum().over("article_id") - 1),
            body_before=body.cum_sum().over("article_id"),
            n_body=body.sum().over("article_id"),
            article_words=pl.col("n_words").sum().over("article_id"),
        )
        .with_columns(
            # a caption, byline or deck line opening the body is not the lede (_furniture)
            _lede_rank=pl.when(body & ~pl.col("statement_id").is_in(furniture.implode())).then(
                (body & ~pl.col("statement_id").is_in(furniture.implode()))
                .cum_sum()
                .over("article_id")
                - 1
            )
        )
        .with_columns(
            is_lede=pl.col("_lede_rank").is_not_null() & (pl.col("_lede_rank") < lede),
            relative_position=pl.when(pl.col("is_headline") | (pl.col("n_body") <= 1))
            .then(0.0)
            .otherwise(
                pl.coalesce("body_rank", pl.col("body_before").cast(pl.Float64)).clip(
                    0, pl.col("n_body") - 1
                )
                / (pl.col("n_body") - 1)
            ),
            word_share=pl.when(pl.col("article_words") > 0).then(
                pl.col("n_words") / pl.col("article_words")
            ),
            is_direct=(pl.col("quote") == "direct")
            | ((pl.col("quote") == "mixed") & ~pl.col("statement_id").is_in(named)),
        )
    )
    return schemas.conform(frame, schemas.EMPHASIS).select(schemas.EMPHASIS.names())


def emphasis_claims(emphasis: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """Emphasis of every claim in every outlet that carried it, over the whole corpus.

    Parameters
    ----------
    emphasis
        The table returned by :func:`emphasis`.
    claims
        ``schemas.CLAIMS`` (for ``claim_outlets`` and ``representative``).

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS_CLAIMS``: ``word_share`` sums the claim's
        statements per article, then averages over articles;
        ``repetitions`` is the mean count per carrying article (in each, the
        claim's statements there as far as their own counts say they repeat one
        another, at least the count of its least repeated statement).

    Examples
    --------
    >>> em = pl.DataFrame({"statement_id": ["a:1", "a:2"], "article_id": ["a", "a"],
    ...     "outlet": ["sana", "sana"], "claim_id": ["c1", "c1"], "is_headline": [False, False],
    ...     "is_lede": [True, False], "relative_position": [0.0, 1.0], "word_share": [0.5, 0.25],
    ...     "repetitions": [2, 2], "is_direct": [True, False]})
    >>> cl = pl.DataFrame({"claim_id": ["c1", "c1"], "statement_id": ["a:1", "a:2"],
    ...     "outlet": ["sana", "sana"]})
    >>> cols = ["in_lede", "word_share", "repetitions", "direct_quote_share"]
    >>> emphasis_claims(em, cl)[cols].rows()
    [(True, 0.75, 2.0, 0.5)]
    """
    check(
        emphasis,
        ("statement_id", "claim_id", "outlet", "article_id"),
        name="emphasis",
        stage="emphasis_claims",
    )
    check(claims, ("claim_id", "statement_id", "outlet"), name="claims", stage="emphasis_claims")
    out = _claim_emphasis(emphasis, claims, by=[])
    return (
        schemas.conform(out, schemas.EMPHASIS_CLAIMS)
        .select(schemas.EMPHASIS_CLAIMS.names())
        .sort("claim_id", "outlet", nulls_last=True)
    )


def emphasis_stories(
    emphasis: pl.DataFrame, claims: pl.DataFrame, stories: pl.DataFrame
) -> pl.DataFrame:
    """Emphasis of every claim in every outlet, story by story.

    The same measures as :func:`emphasis_claims`, each computed from the
    outlet's articles **in one story** only: an outlet that headlines a claim
    in one story's article and buries it in another's has ``in_headline``
    true in the first story's row and false in the second's.
    ``claim_outlets`` counts the outlets carrying the claim in that story.

    Parameters
    ----------
    emphasis
        The table returned by :func:`emphasis`.
    claims
        ``schemas.CLAIMS`` (for ``representative``).
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``): statements of
        articles in no story are left out.

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS_STORIES``, sorted by story, claim and outlet.

    Examples
    --------
    >>> em = pl.DataFrame({"statement_id": ["a:0", "b:3"], "article_id": ["a", "b"],
    ...     "outlet": ["sana", "sana"], "claim_id": ["c1", "c1"], "is_headline": [True, False],
    ...     "is_lede": [False, False], "relative_position": [0.0, 0.8], "word_share": [0.1, 0.05],
    ...     "repetitions": [1, 1], "is_direct": [False, False]})
    >>> cl = pl.DataFrame({"claim_id": ["c1", "c1"], "statement_id": ["a:0", "b:3"],
    ...     "outlet": ["sana", "sana"]})
    >>> st = pl.DataFrame({"article_id": ["a", "b"], "story_id": ["s1", "s2"]})
    >>> emphasis_stories(em, cl, st)[["story_id", "in_headline", "relative_position"]].rows()
    [('s1', True, 0.0), ('s2', False, 0.8)]
    """
    check(
        emphasis,
        ("statement_id", "claim_id", "outlet", "article_id"),
        name="emphasis",
        stage="emphasis_stories",
    )
    check(claims, ("claim_id", "statement_id", "outlet"), name="claims", stage="emphasis_stories")
    check(stories, ("article_id", "story_id"), name="stories", stage="emphasis_stories")
    story_of = stories.select("article_id", "story_id").unique("article_id", keep="first")
    out = _claim_emphasis(emphasis.join(story_of, on="article_id"), claims, by=["story_id"])
    return (
        schemas.conform(out, schemas.EMPHASIS_STORIES)
        .select(schemas.EMPHASIS_STORIES.names())
        .sort("story_id", "claim_id", "outlet", nulls_last=True)
    )


def _claim_emphasis(emphasis: pl.DataFrame, claims: pl.DataFrame, *, by: list[str]) -> pl.DataFrame:
    """Claim x outlet aggregates of ``emphasis``, within each group of ``by`` columns."""
    rep = (
        pl.col("representative")
        if "representative" in claims.columns
        else pl.lit(None, pl.String).alias("representative")
    )
    ones, rest = split_singletons(claims.select("claim_id", "statement_id", "outlet", rep))
    # a claim of one statement: its statement's figures, no group-by needed
    single = emphasis.join(ones.select("statement_id", "representative"), on="statement_id").select(
        *by,
        "claim_id",
        "outlet",
        n_statements=pl.lit(1, pl.Int32),
        n_articles=pl.lit(1, pl.Int32),
        claim_outlets=pl.lit(1, pl.Int32),
        in_headline="is_headline",
        in_lede="is_lede",
        relative_position="relative_position",
        word_share="word_share",
        repetitions=pl.col("repetitions").cast(pl.Float64),
        direct_quote_share=pl.col("is_direct").cast(pl.Float64),
        representative="representative",
        statement_ids=pl.concat_list("statement_id"),
    )
    keys = [*by, "claim_id", "outlet"]
    # sorted before every float sum and mean: the same bits whatever the row order
    multi = emphasis.join(rest.select("statement_id"), on="statement_id").sort("statement_id")
    facts = (
        multi.group_by(*by, "claim_id")
        .agg(pl.col("outlet").n_unique().cast(pl.Int32).alias("claim_outlets"))
        .join(rest.group_by("claim_id").agg(pl.col("representative").first()), on="claim_id")
    )
    per_article = multi.group_by(*keys, "article_id", maintain_order=True).agg(
        pl.col("word_share").sum().alias("article_share"),
        # the claim's statements here as far as they repeat one another (each statement's
        # count, which also counts what other claims restate of it, bounds it): not when
        # they are one sentence cut in two («قام المدير العام ... بزيارة ...» / «حيث تم
        # السماح لهم ...») or two facts the clustering joined, each told once; and at
        # least as many as repeat its least repeated statement
        pl.max_horizontal(
            pl.min_horizontal(pl.len(), pl.col("repetitions").max()),
            pl.col("repetitions").min(),
        ).alias("article_reps"),
    )
    per_claim = multi.group_by(*keys).agg(
        pl.len().cast(pl.Int32).alias("n_statements"),
        pl.col("article_id").n_unique().cast(pl.Int32).alias("n_articles"),
        pl.col("is_headline").any().alias("in_headline"),
        pl.col("is_lede").any().alias("in_lede"),
        pl.col("relative_position").min().alias("relative_position"),
        pl.col("is_direct").mean().alias("direct_quote_share"),
        pl.col("statement_id").alias("statement_ids"),
    )
    means = (
        per_article.sort(*keys, "article_id")
        .group_by(*keys, maintain_order=True)
        .agg(
            pl.col("article_share").mean().alias("word_share"),
            pl.col("article_reps").mean().cast(pl.Float64).alias("repetitions"),
        )
    )
    several = per_claim.join(means, on=keys, how="left", nulls_equal=True).join(
        facts, on=[*by, "claim_id"], how="left", nulls_equal=True
    )
    return pl.concat([single, several.select(single.columns)], how="vertical_relaxed")


def emphasis_outlets(
    emphasis_claims: pl.DataFrame,
    *,
    min_outlets: int = 2,
    claims: pl.DataFrame | None = None,
    stories: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Per-outlet means of claim emphasis over claims others carried too.

    Parameters
    ----------
    emphasis_claims
        The table returned by :func:`emphasis_stories` (what :func:`compare`
        passes: each row measured in the outlet's articles of one story, kept
        when at least ``min_outlets`` outlets carried the claim **in that
        story**, so outlets are compared on the claims of the stories they
        share, each figure read in those stories' articles only), or by
        :func:`emphasis_claims` (one row per claim and outlet over the corpus).
    min_outlets
        Only claims carried by at least this many outlets (the default, 2,
        compares outlets on the claims they share; 1 takes every claim).
    claims, stories
        With an :func:`emphasis_claims` table only: ``schemas.CLAIMS`` (with
        ``article_id``) and ``schemas.STORIES`` (``article_id``, ``story_id``,
        ``outlet``): when both are given, a claim counts for an outlet only in
        articles of stories that at least ``min_outlets`` outlets covered, so
        outlets are compared on the stories they share, not on what one
        covered alone.

    Returns
    -------
    pl.DataFrame
        ``schemas.EMPHASIS_OUTLETS``.

    Examples
    --------
    >>> ec = pl.DataFrame({"outlet": ["sana", "sana"], "claim_outlets": [2, 1],
    ...     "in_headline": [True, False], "in_lede": [False, False],
    ...     "relative_position": [0.0, 1.0], "word_share": [0.1, 0.2],
    ...     "repetitions": [1.0, 1.0], "direct_quote_share": [0.0, 1.0]})
    >>> emphasis_outlets(ec)[["outlet", "n_claims", "headline_share"]].rows()
    [('sana', 1, 1.0)]
    """
    check(
        emphasis_claims,
        ("outlet", "claim_outlets"),
        name="emphasis_claims",
        stage="emphasis_outlets",
    )
    kept = emphasis_claims.filter(pl.col("claim_outlets") >= min_outlets)
    if claims is not None and stories is not None and "story_id" not in kept.columns:
        check(claims, ("claim_id", "article_id"), name="claims", stage="emphasis_outlets")
        check(
            stories, ("article_id", "story_id", "outlet"), name="stories", stage="emphasis_outlets"
        )
        shared = stories.filter(pl.col("outlet").n_unique().over("story_id") >= min_outlets)
        in_shared = (
            claims.select("claim_id", "article_id")
            .join(shared.select("article_id", "outlet"), on="article_id")
            .select("claim_id", "outlet")
            .unique()
        )
        kept = kept.join(in_shared, on=["claim_id", "outlet"], how="semi")
    out = (
        kept.group_by("outlet")
        .agg(
            pl.len().cast(pl.Int64).alias("n_claims"),
            pl.col("in_headline").cast(pl.Float64).mean().alias("headline_share"),
            pl.col("in_lede").cast(pl.Float64).mean().alias("lede_share"),
            pl.col("relative_position").mean(),
            pl.col("word_share").mean(),
            pl.col("repetitions").mean(),
            pl.col("direct_quote_share").mean(),
        )
        .sort("outlet", nulls_last=True)
    )
    return schemas.conform(out, schemas.EMPHASIS_OUTLETS).select(schemas.EMPHASIS_OUTLETS.names())
