"""Whose ministry: a state institution named without its country gets the article's.

«وزارة الداخلية» is Saudi Arabia's in a sabq report on arrests in Jazan, Afghanistan's
in an aawsat report from Kabul and Egypt's in a Cairo story; under one id the voices
and talking points tables join the three. After attribution, each open-text speaker id
of a state institution (``state_institutions`` of ``speaker_words.yaml``: وزارة,
السفارة, الحكومة, الجيش, الشرطة, مجلس الوزراء ...) with no country in its name is
qualified by the country the text says:

1. the one country named in the statement that names the institution (with the
   rest of its sentence carried on in the next statement) and the statement
   before it (a country, capital or Saudi region of ``countries.tsv``, or a
   nationality adjective: «وقال مسؤولون ... في كابل. وقالت وزارة الداخلية» ->
   ``وزاره الداخليه الافغانيه``); when both name several, the one country of the
   statement itself;
2. else, when the article names no country at all or only the outlet's own, the
   outlet's country (``outlet_countries.tsv``);
3. else the id stays unqualified and is kept to its article
   (``وزاره الداخليه (article id)``), so that two countries' ministries are never one.

Statements that carry the speaker on (``وأضافت``, a quotation running on) take the
qualification of the statement that named the institution. A country already in the
name is written in one spelling (``الخارجيه الاميركيه`` and ``الخارجيه الامريكيه`` are
one id). Gazetteer ids (ASCII) are left as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from narratives._resources import load_tsv, load_yaml
from narratives.normalize import normalize

_WORD = re.compile(r"\w+")
# the Saudi regions and cities of countries.tsv (forms "region", "city") are Saudi Arabia
_NATIONALITY_OF = frozenset({"جنسيه", "الجنسيه", "بالجنسيه", "والجنسيه"})


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Match-normalized country names, capitals, Saudi places and adjectives -> country id.

    An indefinite masculine or plural adjective (``مقيم يمني``, ``يمنيين``) is a person's
    nationality, not the state's: only the feminine (``اليمنية``, ``يمنية``) and, with the
    article, the masculine singular (``الجيش اليمني``) are kept.
    """
    out: dict[str, str] = {}
    for name, country, form in load_tsv("countries.tsv").select("name", "country", "form").rows():
        w = normalize(str(name))
        if form == "adjective" and not w.endswith("ه"):
            if not w.endswith("ي"):
                continue  # يمنيين, يمنيون, يمنيان
            w = "ال" + w if not w.startswith("ال") else w
        out.setdefault(w, "saudi_arabia" if form in ("city", "region") else str(country))
    return out


@lru_cache(maxsize=1)
def _name_country_words() -> dict[str, str]:
    """:func:`_country_words` and, for the words of an institution's own name, the
    masculine with the article of every feminine adjective: «الجيش التركي» (countries.tsv
    leaves out تركي, the given name Turki, so that «اللواء منصور التركي» in a text names no
    country; after a state body's head it is the nationality)."""
    out = dict(_country_words())
    for w, country in list(out.items()):
        if w.startswith("ال") and w.endswith("يه") and len(w) > 5:
            out.setdefault(w[:-1], country)
    return out


@lru_cache(maxsize=1)
def _adjective() -> dict[str, str]:
    """Country id -> its feminine nisba without the article (``saudi_arabia`` -> ``سعوديه``,
    ``germany`` -> ``المانيه``): the shortest listed word in ``يه``."""
    out: dict[str, str] = {}
    for name, country in load_tsv("countries.tsv").select("name", "country").rows():
        w = normalize(str(name))
        if w.endswith("يه") and len(w) >= 5 and not w.startswith("ال" + "ال"):
            if w.startswith("ال") and w[2:] in out.values():
                continue
            best = out.get(str(country))
            if best is None or len(w) < len(best):
                out[str(country)] = w
    return out


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(one-word heads, heads of two or three words, words that leave a name generic)."""
    data = load_yaml("speaker_words.yaml") or {}
    heads = [normalize(str(w)) for w in data.get("state_institutions") or []]
    generic = frozenset(normalize(str(w)) for w in data.get("generic_complements") or [])
    return (
        frozenset(h for h in heads if " " not in h),
        frozenset(h for h in heads if " " in h),
        generic,
    )


@lru_cache(maxsize=1)
def outlet_countries() -> dict[str, str]:
    """Outlet id -> its country id (``outlet_countries.tsv``)."""
    frame = load_tsv("outlet_countries.tsv")
    return dict(zip(frame["outlet"].to_list(), frame["country"].to_list(), strict=True))


def _country_of(word: str, *, name: bool = False) -> str | None:
    """The country of ``word`` (``name``: a word of an institution's own name)."""
    table = _name_country_words() if name else _country_words()
    for w in (word, word[1:] if word[:1] in "وبلف" else "", word[2:] if word[:2] == "لل" else ""):
        if not w:
            continue
        if w in table:
            return table[w]
        if w.startswith("ال") and w[2:] in table and not w.endswith("ي"):
            return table[w[2:]]  # الرياض, اليمنيه (not an indefinite يمني with the article)
    return None


def countries_in(text: str) -> set[str]:
    """The countries ``text`` names (names, capitals, Saudi places, adjectives).

    >>> sorted(countries_in("وقال مسؤولون إن هجوما وقع في كابل"))
    ['afghanistan']
    >>> sorted(countries_in("القبض على مقيم من الجنسية اليمنية"))  # a person's nationality
    []
    >>> sorted(countries_in("القبض على مقيم يمني في جازان"))  # an indefinite nisba: a person
    ['saudi_arabia']
    """
    words = _WORD.findall(normalize(text))
    out = set()
    for k, w in enumerate(words):
        c = _country_of(w)
        if c is not None and not (k and words[k - 1] in _NATIONALITY_OF):
            out.add(c)
    return out


def state_institution(sid: str) -> tuple[bool, str | None]:
    """``(is a state institution, its country or None)`` for an open-text speaker id.

    >>> state_institution("وزاره الداخليه")
    (True, None)
    >>> state_institution("الخارجيه التركيه")
    (True, 'turkey')
    >>> state_institution("وزاره الصحه بحكومه الوفاق")[0]  # a name of its own in it
    False
    >>> state_institution("هيئه الهلال الاحمر")[0]
    False
    """
    one, two, generic = _heads()
    words = sid.split()
    if len(words) < 2 or sid.isascii():
        return False, None
    if " ".join(words[:3]) in two:
        rest = words[3:]  # وكاله الانباء الرسميه
    elif " ".join(words[:2]) in two:
        rest = words[2:]
    elif words[0] in one:
        rest = words[1:]
    else:
        return False, None
    country = None
    for w in rest:
        c = _country_of(w, name=True)
        if c is not None:
            country = country or c
            continue
        if not (w.startswith(("ال", "لل", "وال")) or w in generic):
            return False, None  # a word of a name of its own: not a generic state body
    return True, country


def qualified(sid: str, country: str) -> str:
    """``sid`` with its country's adjective in one spelling, added when missing.

    The adjective agrees with the head (``الجيش الاسرائيلي``, ``وزاره ... السعوديه``); a
    place already in the name (``شرطه جده``) is kept; a country with no listed nisba is
    added in brackets.

    >>> qualified("وزاره الداخليه", "saudi_arabia")
    'وزاره الداخليه السعوديه'
    >>> qualified("وزاره الخارجيه الاميركيه", "usa")
    'وزاره الخارجيه الامريكيه'
    >>> qualified("الجيش", "israel"), qualified("مجلس الوزراء", "turkey")
    ('الجيش الاسرائيلي', 'مجلس الوزراء التركي')
    >>> qualified("الجيش الكوري الجنوبي", "korea")
    'الجيش الكوري الجنوبي'
    """
    words = sid.split()
    if any(_country_of(w, name=True) == country and not _nisba(w) for w in words):
        return sid  # شرطه جده, سفاره الرياض: a place of its own in the name
    fem = _adjective().get(country)
    if fem is None:
        return f"{sid} ({country})"
    written = next((w for w in words if _country_of(w, name=True) == country), None)
    feminine = written.endswith("ه") if written is not None else words[0].endswith("ه")
    adjective = "ال" + (fem if feminine else fem[:-1])  # القوات المسلحه الاماراتيه
    if written is None:
        return " ".join([*words, adjective])
    # الجيش الكوري الجنوبي: the adjective replaces the country word where it is written
    at = words.index(written)
    rest = [w for k, w in enumerate(words) if k <= at or _country_of(w, name=True) != country]
    rest[at] = adjective
    return " ".join(rest)


def _nisba(w: str) -> bool:
    """``w`` (a country word) is a nationality adjective, not a place's name."""
    return w.endswith(("ي", "يه"))


def qualify_institutions(
    rows: list[dict[str, Any]], *, outlet: str | None, article_id: str
) -> None:
    """Qualify the state institutions among ``rows`` (one article's statements, in order:
    ``text``, ``speaker``, ``speaker_mention``, ``reported_by``, ``cue_carried``) in place."""
    found: dict[str, str] = {}  # unqualified id -> its id in this article
    article_countries: set[str] | None = None
    norms: list[str] | None = None  # the statements' match-normalized texts, when needed
    prev_text = ""
    for at, row in enumerate(rows):
        text = row.get("text") or ""
        nxt = rows[at + 1] if at + 1 < len(rows) else None
        if nxt is not None and nxt.get("cue_carried") and nxt.get("speaker") == row.get("speaker"):
            # «أعلنت وزارة الداخلية عن هوية منفذ التفجير، / وذلك في مسجد ... في منطقة عسير»:
            # the rest of the sentence, carried on
            sentence = text + " " + (nxt.get("text") or "")
        else:
            sentence = text
        for key in ("speaker", "reported_by"):
            sid = row.get(key)
            if not sid or sid.isascii():
                continue
            state, country = state_institution(sid)
            if not state:
                continue
            if country is not None:
                row[key] = qualified(sid, country)
                continue
            mention = normalize(row.get("speaker_mention") or "")
            names_it = bool(mention) and mention in normalize(text) and not row.get("cue_carried")
            if sid in found and not names_it:
                row[key] = found[sid]
                continue
            here = countries_in(sentence)
            near = here | countries_in(prev_text)
            if norms is None:
                norms = [normalize(r.get("text") or "") for r in rows]
            named = _named_with_country(sid, norms[: at + 1])
            if len(named) == 1:
                # «قرر مجلس الوزراء السعودي ...» earlier, then «وشدد مجلس الوزراء» after a
                # sentence on Jordan: the body the article named with its country
                new = qualified(sid, next(iter(named)))
            elif len(near) == 1:
                new = qualified(sid, next(iter(near)))
            elif len(here) == 1:
                new = qualified(sid, next(iter(here)))
            elif sid in found:
                new = found[sid]  # «وقالت الوزارة» after the ministry was qualified
            else:
                if article_countries is None:
                    article_countries = set().union(
                        *(countries_in(r.get("text") or "") for r in rows)
                    )
                home = outlet_countries().get(outlet or "")
                # the article names no country, or only the outlet's own (a Saudi paper's
                # «وزارة الحج» in an article that names Makkah and Mina only)
                if not near and home is not None and article_countries <= {home}:
                    new = qualified(sid, home)
                else:
                    new = f"{sid} ({article_id})"
            found[sid] = new
            row[key] = new
        prev_text = text


def _named_with_country(sid: str, texts: list[str]) -> set[str]:
    """The countries whose adjective follows the institution ``sid`` where ``texts``
    (match-normalized) name it in full («مجلس الوزراء السعودي»): the article's own naming.

    >>> sorted(_named_with_country("مجلس الوزراء", ["قرر مجلس الوزراء السعودي"]))
    ['saudi_arabia']
    >>> _named_with_country("مجلس الوزراء", ["اجتماع مجلس الوزراء امس"])
    set()
    """
    pattern = re.compile(r"(?<!\w)" + re.escape(sid) + r"\s+(\w+)")
    out: set[str] = set()
    for text in texts:
        for m in pattern.finditer(text):
            c = _country_of(m.group(1), name=True)
            if c is not None and _nisba(m.group(1)):
                out.add(c)
    return out

