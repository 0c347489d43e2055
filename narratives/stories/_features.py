"""Article word vectors for story grouping: rare words and names, IDF over the corpus.

Each article is represented by the match-normalized words of its headline
(counted twice: the headline names the event) and the start of its body,
without function words and the reporting frame (``match_stopwords.tsv``),
with the definite article and a proclitic before it taken off
(الرياض / والرياض / بالرياض count as one word). Words are weighted by
sublinear TF x IDF computed over the articles given, rows scaled to unit
length, so the dot product of two rows is their cosine. Words found in one
article only cannot link two articles and are dropped; words found in more
than ``max_df`` of the articles and in more than 100 of them (``الملك``,
``المملكة`` in a large corpus of Saudi news) are dropped too; a small corpus
keeps them, weighted down by their IDF.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import numpy as np
import polars as pl
import scipy.sparse as sp

from narratives.align._text import load_stopwords
from narratives.compare._text import normalized, tokens

#: definite article (with an optional proclitic before it) taken off words of 3+ letters
_ARTICLE = r"^(?:[وفبك]?ال|لل)(\p{L}{3,})$"


def article_heads(articles: pl.DataFrame, *, body_chars: int = 1500) -> pl.Series:
    """Match-normalized headline (twice) and first ``body_chars`` of each article's text."""
    title = pl.col("title").fill_null("") if "title" in articles.columns else pl.lit("")
    text = pl.col("text").fill_null("").str.slice(0, body_chars)
    joined = pl.concat_str([title, title, text], separator=" ")
    return articles.select(normalized(joined).alias("h"))["h"]


def lead_text(title: str, text: str, chars: int) -> pl.Expr:
    """The headline (column ``title``) and the first ``chars`` characters of the column
    ``text``, joined by a space: what a reader sees of an article before the story."""
    return pl.concat_str(
        [pl.col(title).fill_null(""), pl.col(text).fill_null("").str.slice(0, chars)],
        separator=" ",
    )


def article_tokens(heads: pl.Series) -> pl.Series:
    """Content words of each article's normalized head (see :func:`article_heads`)."""
    stop = list(load_stopwords())
    words = (
        pl.DataFrame({"h": heads})
        .select(tokens(pl.col("h")).alias("w"))
        .with_row_index("row")
        .explode("w")
        .drop_nulls("w")
        .with_columns(pl.col("w").str.replace(_ARTICLE, "$1"))
        .filter((pl.col("w").str.len_chars() >= 3) & ~pl.col("w").is_in(stop))
    )
    grouped = words.group_by("row", maintain_order=True).agg("w")
    return (
        pl.DataFrame({"row": np.arange(len(heads), dtype=np.uint32)})
        .join(grouped, on="row", how="left")
        .sort("row")["w"]
        .fill_null(pl.lit([], pl.List(pl.String)))
    )


def word_vectors(
    words: pl.Series,
    *,
    max_df: float = 0.05,
    min_df: int = 2,
    max_df_floor: int = 100,
    max_features: int | None = None,
) -> sp.csr_matrix:
    """Unit-length sublinear TF-IDF rows over ``words`` (lists of tokens per article)."""
    n = len(words)
    flat = (
        pl.DataFrame({"w": words})
        .with_row_index("row")
        .explode("w")
        .drop_nulls("w")
        .group_by("row", "w")
        .len()
        # group_by gives its groups in no set order: sorted, every sum below runs in
        # one order and the columns are numbered alike between runs
        .sort("row", "w")
    )
    return _counted_vectors(
        flat, n, max_df=max_df, min_df=min_df, max_df_floor=max_df_floor, max_features=max_features
    )


def _counted_vectors(
    flat: pl.DataFrame,
    n: int,
    *,
    max_df: float,
    min_df: int,
    max_df_floor: int,
    max_features: int | None,
) -> sp.csr_matrix:
    """:func:`word_vectors` of ``flat``: each article's ``row``, word ``w`` and count
    ``len``, one row per article and word, sorted by row and word."""
    if flat.height == 0:
        return sp.csr_matrix((n, 0), dtype=np.float32)
    flat = flat.with_columns(df=pl.len().over("w"))
    idf = (np.log((1 + n) / (1 + flat["df"].to_numpy())) + 1).astype(np.float32)
    flat = flat.with_columns(
        weight=pl.Series((1 + np.log(flat["len"].to_numpy())).astype(np.float32) * idf)
    )
    # lengths over every word, so an article is not made to look like another
    # because only the words they share are left
    norms = np.sqrt(
        np.bincount(
            flat["row"].to_numpy().astype(np.int64),
            weights=flat["weight"].to_numpy().astype(np.float64) ** 2,
            minlength=n,
        )
    )
    norms[norms == 0] = 1
    keep = (pl.col("df") >= min_df) & (pl.col("df") <= max(max_df_floor, max_df * n))
    flat = flat.filter(keep)
    if flat.height == 0:
        return sp.csr_matrix((n, 0), dtype=np.float32)
    if max_features:  # an article's strongest words carry its event; the rest cost time
        flat = (
            flat.sort("row", "weight", "w", descending=[False, True, False])
            .filter(pl.int_range(pl.len()).over("row") < max_features)
            .sort("row", "w")
        )
    # columns in word order (not the categorical codes, which depend on what the
    # process met before)
    col = (flat["w"].rank("dense").to_numpy() - 1).astype(np.int64)
    rows = flat["row"].to_numpy().astype(np.int64)
    data = (flat["weight"].to_numpy() / norms[rows]).astype(np.float32)
    return sp.csr_matrix((data, (rows, col)), shape=(n, int(col.max()) + 1))


def _gram_parts(
    words: pl.Series, sizes: tuple[int, ...], name: str, *, hashed: bool = False, offset: int = 0
) -> list[pl.DataFrame]:
    """One frame per n-gram size: ``row`` (the article, from ``offset``) and ``name``, each
    character n-gram of each word padded with a space on both sides (its hash if ``hashed``:
    the strings are never held as a column)."""
    frame = (
        pl.DataFrame({"w": words})
        .with_row_index("row", offset=offset)
        .explode("w")
        .drop_nulls("w")
        .select("row", w=pl.concat_str([pl.lit(" "), pl.col("w"), pl.lit(" ")]))
    )
    parts = []
    for size in sizes:
        gram = pl.col("w").str.slice(pl.col("k"), size)
        parts.append(
            frame.with_columns(k=pl.int_ranges(0, pl.col("w").str.len_chars() - size + 1))
            .explode("k")
            .drop_nulls("k")
            .select("row", (gram.hash() if hashed else gram).alias(name))
        )
    return parts


def gram_vectors(
    words: pl.Series,
    *,
    sizes: tuple[int, ...] = (3, 4, 5),
    max_df: float = 0.05,
    min_df: int = 2,
    max_df_floor: int = 100,
    chunk: int = 2000,
) -> sp.csr_matrix:
    """:func:`word_vectors` of each article's :func:`char_grams`, the n-grams hashed.

    The same matrix as ``word_vectors(char_grams(words, sizes=sizes).list.eval(
    pl.element().hash()), max_df=max_df)``, made ``chunk`` articles at a time: the
    n-grams of all articles are never held as strings at once (on all of
    SaudiNewsNet they took 1.2 GB, and their explode as many again).
    """
    n = len(words)
    counted = []
    for lo in range(0, n, chunk):
        parts = _gram_parts(words.slice(lo, chunk), sizes, "w", hashed=True, offset=lo)
        # sorted within the chunk, the chunks in row order: sorted as word_vectors sorts
        counted.append(pl.concat(parts).group_by("row", "w").len().sort("row", "w"))
    flat = (
        pl.concat(counted)
        if counted
        else pl.DataFrame(schema={"row": pl.UInt32, "w": pl.UInt64, "len": pl.UInt32})
    )
    return _counted_vectors(
        flat, n, max_df=max_df, min_df=min_df, max_df_floor=max_df_floor, max_features=None
    )


#: a figure: digits with decimal or thousands separators
_NUMBER = r"\d+(?:[.,٫]\d+)*"


def article_numbers(heads: pl.Series) -> list[frozenset[str]]:
    """The figures of each article's normalized head (see :func:`article_heads`).

    Single digits and years (1900-2099) are left out.
    """
    found = pl.DataFrame({"h": heads}).select(pl.col("h").str.extract_all(_NUMBER))["h"].to_list()
    out = []
    for nums in found:
        clean = {x.replace(",", "").replace("٫", ".") for x in nums or []}
        # single digits ("5 billion") recur in any two reports; years are not figures
        year = {x for x in clean if len(x) == 4 and x[:2] in ("19", "20")}
        out.append(frozenset(x for x in clean - year if len(x) > 1))
    return out


def figures_disagree(numbers: list[frozenset[str]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where both articles give two or more figures and share none.

    Daily reports cast in one template (the stock market's close, the weather)
    share most of their words; their figures tell one day's from the next.
    """
    return np.fromiter(
        (
            len(numbers[a]) >= 2 and len(numbers[b]) >= 2 and not (numbers[a] & numbers[b])
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ),
        dtype=bool,
        count=len(i),
    )


#: proclitics taken off a headline word when the rest is a known place (بجازان, وإيران)
_PLACE_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب")


#: border posts of ``countries.tsv`` and the region they lie in
_POST_REGION = {"tuwal": "jazan", "wadiah": "najran"}


def headline_places(
    titles: pl.Series, *, forms: tuple[str, ...] = ("region", "city")
) -> list[frozenset[str]]:
    """The places each headline names (``countries.tsv`` rows of the given ``forms``).

    Default: the Saudi regions (form ``region``: ``"asir"``) and cities (form
    ``city``, as ``"region/city"``: ``"asir/بيشه"``, ``"makkah/جده"``; a border
    post in the region it lies in, ``"jazan/طوال"``): see :func:`places_disagree`.
    ``forms=("name", "adjective")``: the countries (a capital or a nationality
    adjective stands for its country). A proclitic is taken off a word only when
    the rest is a known place (بجازان, وجيزان).

    Examples
    --------
    >>> [sorted(p) for p in headline_places(pl.Series(["تعليم بيشة يدعو", "أمطار على عسير وجدة"]))]
    [['asir/بيشه'], ['asir', 'makkah/جده']]
    """
    from narratives._resources import load_tsv

    table = load_tsv("countries.tsv").filter(pl.col("form").is_in(list(forms)))
    places = {
        name: (
            f"{_POST_REGION.get(region, region)}/{name.removeprefix('ال')}"
            if form == "city"
            else region
        )
        for name, region, form in table.select("name", "country", "form").rows()
    }
    heads = pl.DataFrame({"t": titles.fill_null("")}).select(
        tokens(normalized(pl.col("t"))).alias("w")
    )["w"]
    out = []
    for words in heads.to_list():
        found = set()
        for w in words or []:
            for cand in (w, *(w[len(c) :] for c in _PLACE_CLITICS if w.startswith(c))):
                if cand in places:
                    found.add(places[cand])
                    break
        out.append(frozenset(found))
    return out


def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """One place both name: the same, or a region and a city of it (عسير / أبها).

    >>> _places_meet(frozenset({"asir"}), frozenset({"asir/ابها"}))
    True
    >>> _places_meet(frozenset({"makkah/جده"}), frozenset({"makkah/طائف"}))
    False
    """
    if a & b:
        return True
    regions_a = {p.partition("/")[0] for p in a}
    regions_b = {p.partition("/")[0] for p in b}
    return bool((a & regions_b) or (b & regions_a))


def places_disagree(places: list[frozenset[str]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where both headlines name Saudi places and no place meets (:func:`_places_meet`).

    Announcements cast in one template (a soldier killed, an execution, teachers
    called to interviews) share most of their words; the place in the headline
    tells Jazan's from Najran's, and Bisha's education office from Hafr al-Batin's
    (2015-07-24): two cities differ even in one region (جدة / الطائف), a region
    named alone covers its cities (عسير / أبها).
    """
    named = np.fromiter((bool(p) for p in places), dtype=bool, count=len(places))
    out = named[i] & named[j] if len(i) else np.zeros(0, dtype=bool)
    both = np.flatnonzero(out)  # few pairs: most headlines name no region
    out[both] = [
        not _places_meet(places[a], places[b]) for a, b in zip(i[both], j[both], strict=True)
    ]
    return out


@lru_cache(maxsize=4)
def _club_lexicon(
    name: str,
) -> tuple[
    dict[tuple[str, ...], tuple[str, bool]],
    frozenset[str],
    frozenset[str],
    dict[str, frozenset[str]],
]:
    """(names -> (club, ambiguous), sports words, not-before words, not-after words by name)."""
    from narratives._resources import load_yaml
    from narratives.normalize import normalize

    data = load_yaml(name)

    def words(text: str) -> tuple[str, ...]:
        return tuple(normalize(text).split())

    names: dict[tuple[str, ...], tuple[str, bool]] = {}
    for key, ambiguous in (("clubs", False), ("ambiguous", True)):
        for club, forms in (data.get(key) or {}).items():
            for form in forms:
                names[words(form)] = (str(club), ambiguous)
    sports = frozenset(w for x in data.get("sports_words") or [] for w in words(x))
    before = frozenset(w for x in data.get("not_before") or [] for w in words(x))
    after = {
        ("*" if k == "*" else " ".join(words(k))): frozenset(w for x in v for w in words(x))
        for k, v in (data.get("not_after") or {}).items()
    }
    return names, sports, before, after


def _unclitic(word: str, known: frozenset[str]) -> str:
    """``word`` without a proclitic when the rest is known (وللدوري -> الدوري)."""
    for c in _PLACE_CLITICS:
        rest = word[len(c) :]
        if word.startswith(c) and rest in known:
            return rest
    return word


def headline_clubs(
    titles: pl.Series,
    leads: pl.Series | None = None,
    *,
    lexicon: str = "clubs.yaml",
) -> list[frozenset[str]]:
    """The football clubs each headline names (``lexicons/clubs.yaml``).

    ``titles`` may be any text (a headline and the start of its article). A name
    that is also a common word (الهلال, النصر, الاتحاد, التعاون ...) counts only
    when the headline or its ``leads`` (the start of the text) hold a sports word
    (الدوري, مباراة, لاعب ...), and not next to a word that makes it no club
    (الهلال الأحمر, مجلس التعاون, الاتحاد الأوروبي, كأس الاتحاد الإفريقي).

    Examples
    --------
    >>> clubs = headline_clubs(pl.Series(["الزمالك يسعى لمواصلة احتفالاته أمام وادي دجلة",
    ...     "الهلال الأحمر ينقل 3 مصابين", "الهلال يفوز على النصر في الدوري"]))
    >>> [sorted(c) for c in clubs]
    [['wadi_degla', 'zamalek'], [], ['hilal', 'nassr']]
    """
    names, sports, before, after = _club_lexicon(lexicon)
    longest = max((len(k) for k in names), default=1)
    firsts = {k[0] for k in names}
    frame = pl.DataFrame({"t": titles.fill_null("")}).select(normalized(pl.col("t")))
    # most texts name no club: only those holding a first word of a name are read
    maybe = frame.select(pl.col("t").str.contains_any(sorted(firsts)))["t"].to_list()
    norm = frame.select(tokens(pl.col("t")))["t"].to_list()
    if leads is None:
        context: list[list[str] | None] = [None] * len(norm)
    else:
        context = (
            pl.DataFrame({"t": leads.fill_null("").str.slice(0, 300)})
            .select(tokens(normalized(pl.col("t"))))["t"]
            .to_list()
        )
    out = []
    for head, lead, hit_any in zip(norm, context, maybe, strict=True):
        found: set[str] = set()
        is_sport: bool | None = None
        k = 0
        while hit_any and head and k < len(head):
            word = head[k]
            starts = [word, *(word[len(c) :] for c in _PLACE_CLITICS if word.startswith(c))]
            starts = [w for w in starts if w in firsts]
            hit = None
            for size in range(min(longest, len(head) - k), 0, -1) if starts else ():
                rest = tuple(head[k + 1 : k + size])
                hit = next(((f, *rest) for f in starts if (f, *rest) in names), None)
                if hit is not None:
                    break
            if hit is None:
                k += 1
                continue
            size = len(hit)
            club, ambiguous = names[hit]
            if ambiguous:
                if is_sport is None:
                    is_sport = any(_unclitic(w, sports) in sports for w in [*head, *(lead or [])])
                prev = head[k - 1] if k else ""
                nxt = head[k + size] if k + size < len(head) else ""
                blocked = after.get("*", frozenset()) | after.get(" ".join(hit), frozenset())
                if not is_sport or prev in before or nxt in blocked:
                    k += size
                    continue
            found.add(club)
            k += size
        out.append(frozenset(found))
    return out


def clubs_disagree(
    headline: list[frozenset[str]],
    named: list[frozenset[str]],
    i: np.ndarray,
    j: np.ndarray,
) -> np.ndarray:
    """True where two sports headlines name clubs, none in common, of two events.

    ``headline``: the clubs of each headline; ``named``: the clubs of each
    headline and lead (see :func:`headline_clubs`). Two events when both
    headlines name two clubs or more (two matches: Zamalek against Wadi Degla,
    Al Ahly against ENPPI, though Al Ahly's lead recalls Zamalek's title), or
    when neither article names a club of the other's headline in its headline
    or lead (Al-Ettifaq and Al-Faisaly each leaving for a camp in Turkey). A
    headline naming one side of a match and a lead naming the other («الباشا:
    معسكر إسبانيا طور من أداء الخليج» / «والفوز على أتلتيكو أراحنا») is one event.
    """
    count = np.fromiter((len(c) for c in headline), dtype=np.int64, count=len(headline))
    out = (count[i] > 0) & (count[j] > 0) if len(i) else np.zeros(0, dtype=bool)
    both = np.flatnonzero(out)
    out[both] = [
        not (headline[a] & headline[b])
        and (
            (count[a] >= 2 and count[b] >= 2)
            or (not (headline[a] & named[b]) and not (headline[b] & named[a]))
        )
        for a, b in zip(i[both], j[both], strict=True)
    ]
    return out


def char_grams(words: pl.Series, *, sizes: tuple[int, ...] = (3, 4, 5)) -> pl.Series:
    """Character n-grams of each article's words, a word padded with a space each side.

    ``words``: lists of content words (see :func:`article_tokens`). موعدها and
    بموعده, الحدودية and الحد, تؤجل and التأجيل share n-grams where they share no
    word: two reports of one event in their own words and clitics.

    Examples
    --------
    >>> grams = char_grams(pl.Series([["موعدها"], ["بموعده"]])).to_list()
    >>> sorted(set(grams[0]) & set(grams[1]))
    ['عده', 'موع', 'موعد', 'موعده', 'وعد', 'وعده']
    """
    parts = _gram_parts(words, sizes, "g")
    grams = pl.concat(parts).group_by("row").agg("g")
    return (
        pl.DataFrame({"row": np.arange(len(words), dtype=np.uint32)})
        .join(grams, on="row", how="left")
        .sort("row")["g"]
        .fill_null(pl.lit([], pl.List(pl.String)))
    )


#: title words skipped after a head noun: جامعة الملك خالد is named by خالد
_SLOT_TITLES = frozenset({"ملك", "امير", "اميره", "شيخ", "دكتور"})


def headline_slots(
    titles: pl.Series, leads: pl.Series, homes: list[str | None] | None = None
) -> tuple[list[dict[str, frozenset[str]]], list[frozenset[str]]]:
    """The named slots of each headline, and the names each headline and lead give.

    A slot is a country (``countries.tsv``: a name, capital or nationality
    adjective: «مجلس الوزراء الكويتي» / «البحريني») or a named body: a head noun of
    ``lexicons/slot_heads.tsv`` and the first word after it (جامعة الإمام / جامعة
    حائل, وزارة الصحة / وزارة العمل; a title after the head is skipped, جامعة الملك
    خالد is named by خالد, and a short word joins the next one, أم القرى). Returns,
    per article, ``{kind: fillers}`` (kind ``"country"`` or the head) of its title,
    and the set of words (without proclitic and article) and countries of its
    title and ``leads`` (the title and start of the text). ``homes``: each article's
    outlet's country (``outlet_countries.tsv``), left out of its countries: a Saudi
    outlet's «السعودية» is the default party of its news, not a slot (the fourth Saudi
    relief plane to Aden / the Yemeni doctors it carried). A body's name is a word
    with the article, a place or a given name: «محكمة خاصة» / «محكمة دولية» are one
    court described twice, not two.

    Examples
    --------
    >>> slots, named = headline_slots(
    ...     pl.Series(["جامعة الإمام تقيم حفل معايدة", "مجلس الوزراء الكويتي يدين التفجير"]),
    ...     pl.Series(["", ""]))
    >>> slots[0], slots[1]["country"]
    ({'جامعه': frozenset({'امام'})}, frozenset({'kuwait'}))
    """
    from narratives._resources import load_tsv
    from narratives.align._conflicts import bare, load_given_names, load_slot_heads
    from narratives.statements._predicates import fast_verbish

    table = load_tsv("countries.tsv")
    places = frozenset(table["name"].to_list())
    table = table.filter(pl.col("form").is_in(["name", "adjective"]))
    country = dict(zip(table["name"].to_list(), table["country"].to_list(), strict=True))
    heads = load_slot_heads()
    stop = load_stopwords()
    people = load_given_names()

    def country_of(word: str) -> str | None:
        clitic = (word[len(c) :] for c in _PLACE_CLITICS if word.startswith(c))
        for cand in (word, bare(word), *clitic):
            if cand in country:
                return country[cand]
        return None

    def words_of(series: pl.Series) -> list[list[str]]:
        frame = pl.DataFrame({"t": series.fill_null("")})
        return [w or [] for w in frame.select(tokens(normalized(pl.col("t"))))["t"].to_list()]

    slots: list[dict[str, frozenset[str]]] = []
    for row, words in enumerate(words_of(titles)):
        home = homes[row] if homes is not None else None
        found: dict[str, set[str]] = {}
        for k, w in enumerate(words):
            code = country_of(w)
            if code is not None:
                if code != home:
                    found.setdefault("country", set()).add(code)
                continue
            head = w if w in heads else bare(w)
            if head not in heads:
                continue
            raw = words[k + 1 : k + 5]
            # a title is skipped, and a function word (but الإمام, a noun, is no أمام)
            while raw and (
                bare(raw[0]) in _SLOT_TITLES or (raw[0] in stop and not raw[0].startswith("ال"))
            ):
                raw = raw[1:]
            rest = [bare(x) for x in raw]
            if not rest or rest[0] in heads or country_of(rest[0]) is not None:
                continue  # the head's name is a country or another head: no slot of its own
            if fast_verbish(rest[0]):
                continue  # «جامعة تقيم»: a verb, no name
            if not (raw[0].startswith("ال") or rest[0] in places or rest[0] in people):
                continue  # «محكمة خاصة», «بنك أوف»: a description, not a name
            filler = rest[0] if len(rest[0]) >= 3 or len(rest) < 2 else rest[0] + " " + rest[1]
            if len(filler) >= 3:
                found.setdefault(head, set()).add(filler)
        slots.append({k: frozenset(v) for k, v in found.items()})
    named: list[frozenset[str]] = []
    for words in words_of(leads):
        bag = {bare(w) for w in words} | set(words)
        # a two-word filler (ام قري) is named when both words are
        bag |= {bare(a) + " " + bare(b) for a, b in itertools.pairwise(words)}
        bag |= {c for w in words if (c := country_of(w)) is not None}
        named.append(frozenset(bag))
    return slots, named


def subjects_disagree(
    titles: pl.Series,
    named: list[frozenset[str]],
    i: np.ndarray,
    j: np.ndarray,
    *,
    min_tail: int = 2,
) -> np.ndarray:
    """True where two headlines say one thing of two subjects neither article names.

    One template of two bodies whose names fill no slot of :func:`headline_slots`
    («محكمة الاستئناف بالرياض تعايد منسوبيها» / «صحة الرياض تعايد منسوبيها», two Eid
    receptions, 2015-07-24): the headlines end alike (their last ``min_tail``
    words or more the same), the words before that are a subject (no verb: «تركيا
    تشارك التحالف قصف داعش في سوريا» / «تركيا تشن أول غاراتها ضد داعش في سوريا» is one
    event told with two verbs) and, without places, titles and function words, share
    none and neither article names the other's in its headline or lead (``named``,
    :func:`headline_slots`): «الملك يتلقى تعازي ملك البحرين» / «خادم الحرمين يتلقى ...»
    is one call, since each lead names the King as the other headline does.

    Examples
    --------
    >>> t = pl.Series(["محكمة الاستئناف بالرياض تعايد منسوبيها", "صحة الرياض تعايد منسوبيها"])
    >>> _, named = headline_slots(t, t)
    >>> subjects_disagree(t, named, np.array([0]), np.array([1])).tolist()
    [True]
    """
    from narratives._resources import load_tsv
    from narratives.align._conflicts import bare
    from narratives.statements._predicates import fast_verbish

    out = np.zeros(len(i), dtype=bool)
    if not len(i):
        return out
    frame = pl.DataFrame({"t": titles.fill_null("")})
    words = [w or [] for w in frame.select(tokens(normalized(pl.col("t"))))["t"].to_list()]
    tails: dict[tuple[str, ...], int] = {}
    key = np.array(
        [tails.setdefault(tuple(w[-min_tail:]), len(tails)) if len(w) > min_tail else -1
         for w in words],
        dtype=np.int64,
    )
    maybe = np.flatnonzero((key[i] == key[j]) & (key[i] >= 0))
    if not len(maybe):
        return out
    stop = load_stopwords()
    places = frozenset(load_tsv("countries.tsv")["name"].to_list())

    def subject(head: list[str]) -> set[str]:
        keep = set()
        for w in head:
            if fast_verbish(w):
                return set()  # «تركيا تشارك التحالف قصف» / «تركيا تشن أول غاراتها ضد»: no subject
            b = bare(w)
            if (
                w in stop
                or b in stop
                or b in places
                or w in places
                or b in _SLOT_TITLES
                or len(b) < 3
                or b.isdigit()
            ):
                continue
            keep.add(b)
        return keep

    for k in maybe.tolist():
        a, b = words[i[k]], words[j[k]]
        n = 0
        while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
            n += 1
        sa, sb = subject(a[: len(a) - n]), subject(b[: len(b) - n])
        out[k] = bool(
            sa and sb and not (sa & sb) and not (sa & named[j[k]]) and not (sb & named[i[k]])
        )
    return out


def slots_disagree(
    slots: list[dict[str, frozenset[str]]],
    named: list[frozenset[str]],
    i: np.ndarray,
    j: np.ndarray,
) -> np.ndarray:
    """True where two headlines fill one slot with two names neither article gives.

    One template told of two bodies or two countries (جامعة الإمام / جامعة حائل
    hold their Eid receptions; the Kuwaiti / the Bahraini cabinet condemns the
    Abha bombing): both headlines fill a slot of one kind (a country, or a head
    noun such as جامعة, وزارة, مجلس) with names that differ, and neither article
    names the other headline's in its headline or lead. A visit told by the
    guest's country in one headline and the host's in the other names both in
    its lead: no disagreement.
    """
    has = np.fromiter((bool(s) for s in slots), dtype=bool, count=len(slots))
    out = has[i] & has[j] if len(i) else np.zeros(0, dtype=bool)
    both = np.flatnonzero(out)
    for k, a, b in zip(both.tolist(), i[both].tolist(), j[both].tolist(), strict=True):
        sa, sb = slots[a], slots[b]
        out[k] = any(
            not (sa[kind] & sb[kind]) and not (sa[kind] & named[b]) and not (sb[kind] & named[a])
            for kind in sa.keys() & sb.keys()
        )
    return out
