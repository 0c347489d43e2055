"""Label choices: the names each outlet uses for the same referent.

The referents and their labels come from a lexicon shipped as data
(``narratives/lexicons/labels.yaml``); users pass their own file in the same
format (``labels=PATH``) or a mapping. Matching is on match-normalized text,
tolerant of punctuation between words and of leading proclitics; at one place
the longest label wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

from narratives import schemas
from narratives._resources import load_yaml
from narratives.compare._common import check
from narratives.compare._text import statement_tokens
from narratives.normalize import PROCLITICS, normalize, normalize_with_offsets, tokenize
from narratives.statements._institutions import outlet_countries

CONNOTATIONS: tuple[str, ...] = ("neutral", "delegitimizing", "legitimizing", "self_name")

LabelSource = str | Path | Mapping[str, Any]

#: marks that come in pairs around a name in normalized text (quotes, slashes)
_PAIRED = ('"', "'", "/")


def load_labels(labels: LabelSource = "labels.yaml") -> pl.DataFrame:
    """The label lexicon as rows: ``referent``, ``label``, ``connotation``, ``form``, ``ambiguous``.

    ``form`` is one match-normalized spelling (the label itself and its
    ``forms``); ``ambiguous`` labels (الإرهابيين, الثوار) name the referent
    only where the text ties them to it (:func:`load_contexts`), and one
    ambiguous form may be listed under several referents. Errors name the file
    and the entry at fault.

    Examples
    --------
    >>> lex = load_labels()
    >>> lex.filter(pl.col("form") == "داعش")[["referent", "label"]].row(0)
    ('isis', 'داعش')
    """
    where = str(labels) if not isinstance(labels, Mapping) else "labels mapping"
    data = labels if isinstance(labels, Mapping) else load_yaml(labels)
    if not isinstance(data, Mapping) or not isinstance(data.get("referents"), Mapping):
        raise ValueError(f"{where}: expected a mapping with a 'referents' mapping at the top")
    rows: list[dict[str, str | bool]] = []
    for referent, entry in data["referents"].items():
        items = entry.get("labels") if isinstance(entry, Mapping) else None
        if not isinstance(items, list):
            raise ValueError(f"{where}: referent {referent!r} needs a 'labels' list")
        for i, item in enumerate(items):
            if not isinstance(item, Mapping) or not item.get("label"):
                raise ValueError(f"{where}: referent {referent!r}, label #{i + 1} has no 'label'")
            connotation = item.get("connotation")
            if not connotation:
                raise ValueError(
                    f"{where}: referent {referent!r}, label {item['label']!r} has no connotation"
                )
            forms = [item["label"], *(item.get("forms") or [])]
            for form in forms:
                norm = " ".join(tokenize(str(form)))
                if not norm:
                    raise ValueError(
                        f"{where}: referent {referent!r}, label {item['label']!r}: "
                        f"form {form!r} has no words"
                    )
                rows.append(
                    {
                        "referent": str(referent),
                        "label": str(item["label"]),
                        "connotation": str(connotation),
                        "form": norm,
                        "ambiguous": bool(item.get("ambiguous", False)),
                    }
                )
    lex = pl.DataFrame(
        rows,
        schema={
            "referent": pl.String,
            "label": pl.String,
            "connotation": pl.String,
            "form": pl.String,
            "ambiguous": pl.Boolean,
        },
    )
    plain = lex.filter(~pl.col("ambiguous"))
    clash = (
        lex.group_by("form")
        .agg(pl.col("label").n_unique().alias("k"), pl.col("ambiguous").all().alias("amb"))
        .filter((pl.col("k") > 1) & ~pl.col("amb"))
    )
    if clash.height:
        raise ValueError(f"{where}: forms listed under two labels: {clash['form'].to_list()}")
    shared = lex.filter(pl.col("ambiguous")).join(plain.select("form"), on="form", how="anti")
    return pl.concat([plain.unique("form", keep="first", maintain_order=True), shared]).unique(
        ["form", "referent"], keep="first", maintain_order=True
    )


def _groups(labels: LabelSource, kind: str = "group") -> frozenset[str]:
    """Referents marked ``kind: <kind>`` in the lexicon.

    ``group``: a named group, whose context wins over a country's; ``movement``: a
    referent whose ambiguous label is a name, not a description.
    """
    data = labels if isinstance(labels, Mapping) else load_yaml(labels)
    return frozenset(
        str(r)
        for r, e in (data.get("referents") or {}).items()
        if isinstance(e, Mapping) and e.get("kind") == kind
    )


def _peoples(labels: LabelSource) -> frozenset[str]:
    """``peoples``: adjectives of peoples without a country (الكرد), match-normalized."""
    from narratives.normalize import normalize

    data = labels if isinstance(labels, Mapping) else load_yaml(labels)
    return frozenset(normalize(str(w)) for w in (data.get("peoples") or []))


def load_contexts(labels: LabelSource = "labels.yaml") -> dict[str, frozenset[str]]:
    """Referent -> the words that tie an ambiguous label to it (``context`` in the lexicon).

    Words are match-normalized single tokens (a country, its cities, the
    group's own names: ``سوريا``, ``حلب``, ``داعش``).

    Examples
    --------
    >>> "داعش" in load_contexts()["isis"]
    True
    """
    data = labels if isinstance(labels, Mapping) else load_yaml(labels)
    out: dict[str, frozenset[str]] = {}
    for referent, entry in (data.get("referents") or {}).items():
        words = entry.get("context") if isinstance(entry, Mapping) else None
        out[str(referent)] = frozenset(t for w in (words or []) for t in tokenize(str(w)))
    return out


def _form_pattern(form: str) -> str:
    """Python regex of one match-normalized form, punctuation allowed between words."""
    first, *rest = form.split(" ")
    if first.startswith("ال") and len(first) > 2:
        head = "(?:[وف]?(?:[بك]?ال|لل))" + re.escape(first[2:])
    else:
        head = "[وفبلك]{0,2}" + re.escape(first)
    return head + "".join(r"[^\w]+" + re.escape(t) for t in rest)


def _token_variants(form: str) -> list[str]:
    """Every token sequence ``form`` matches: the form with its proclitic variants."""
    first, *rest = form.split(" ")
    if first.startswith("ال") and len(first) > 2:
        heads = [c + a + first[2:] for c in ("", "و", "ف") for a in ("ال", "بال", "كال", "لل")]
    else:
        heads = [a + b + first for a in ("", *PROCLITICS) for b in ("", *PROCLITICS) if a or not b]
    return [" ".join([h, *rest]) for h in heads]


def _ordered(lex: pl.DataFrame) -> list[dict[str, Any]]:
    """Lexicon rows, longest form first (more words, then more letters)."""
    return (
        lex.with_columns(
            words=pl.col("form").str.count_matches(" ") + 1, chars=pl.col("form").str.len_chars()
        )
        .sort(["words", "chars", "form"], descending=[True, True, False])
        .select("referent", "label", "connotation", "form", "ambiguous")
        .to_dicts()
    )


class _FormMatcher:
    """The lexicon's forms as one leftmost-first regex alternation (longest form first).

    A form whose literal words are not all in a text can match nowhere in it, so each
    text is searched with the alternation of the forms that can (the same matches: an
    alternative that fails everywhere never decides one); the whole lexicon's
    alternation tried at every word was most of the table's time. Nor is the alternation
    of each set compiled (about 3 ms a set, thousands of sets on a large corpus): each
    form's own pattern is compiled once and the alternation's matches are found with them
    (:meth:`spans`); the literal words are looked for once each, not once per form.
    """

    def __init__(self, forms: list[str], labels: list[str]) -> None:
        self.labels = labels
        self.patterns = [_form_pattern(f) for f in forms]
        self.literals = [
            [
                w[2:] if i == 0 and w.startswith("ال") and len(w) > 2 else w
                for i, w in enumerate(f.split(" "))
            ]
            for f in forms
        ]
        self._compiled: dict[int, re.Pattern[str]] = {}
        # each literal word once, and the forms that have it
        self._with: dict[str, list[int]] = {}
        for k, words in enumerate(self.literals):
            for w in dict.fromkeys(words):
                self._with.setdefault(w, []).append(k)

    def _pattern(self, k: int) -> re.Pattern[str]:
        """Form ``k``'s pattern as an alternative of the alternation (compiled once)."""
        pattern = self._compiled.get(k)
        if pattern is None:
            pattern = self._compiled[k] = re.compile(rf"(?<!\w)(?:{self.patterns[k]})(?!\w)")
        return pattern

    def spans(self, norm: str) -> list[tuple[str, int, int]]:
        """(label, start, end) of every match in the normalized text ``norm``.

        The matches of ``(?<!\\w)(?:(P1)|(P2)|...)(?!\\w)`` over the forms that can match:
        from where the last match ended, the leftmost position where some form matches,
        there the first form (in lexicon order) that matches, and on from its end.
        """
        present = {w for w in self._with if w in norm}
        if not present:
            return []
        which = sorted(
            k
            for k in {k for w in present for k in self._with[w]}
            if all(w in present for w in self.literals[k])
        )
        if not which:
            return []
        patterns = [self._pattern(k) for k in which]
        found = [p.search(norm) for p in patterns]
        out: list[tuple[str, int, int]] = []
        while True:
            starts = [m.start() for m in found if m is not None]
            if not starts:
                return out
            at = min(starts)
            # there the first form that matches (one does: the leftmost start's)
            k, end = next(
                (k, m.end())
                for k, p in zip(which, patterns, strict=True)
                if (m := p.match(norm, at)) is not None
            )
            out.append((self.labels[k], at, end))
            if end == at:  # pragma: no cover - a form is never empty
                end += 1
            found = [
                f if f is None or f.start() >= end else p.search(norm, end)
                for f, p in zip(found, patterns, strict=True)
            ]


def _surface_forms(
    text: str,
    matcher: _FormMatcher,
    label: str,
    *,
    memo: dict[str, tuple[str, list[int], list[tuple[str, int, int]]]] | None = None,
) -> list[str]:
    """Spellings of ``label`` in ``text`` as written, with the marks around the name.

    ``memo`` keeps each text's matches (every label's) for the next label asked of it.
    """
    found = memo.get(text) if memo is not None else None
    if found is None:
        norm, offsets = normalize_with_offsets(text)
        found = (norm, offsets, matcher.spans(norm))
        if memo is not None:
            memo[text] = found
    norm, offsets, spans = found
    out = []
    for which, begin, stop in spans:
        if which != label:
            continue
        for mark in _PAIRED:  # keep the closing mark of «داعش»
            if norm[begin:stop].count(mark) % 2 and norm[stop : stop + 1] == mark:
                stop += 1
        if begin > 0 and norm[begin - 1] in _PAIRED and norm[stop : stop + 1] == norm[begin - 1]:
            begin, stop = begin - 1, stop + 1  # the marks around /داعش/
        out.append(text[offsets[begin] : offsets[stop - 1] + 1])
    return out


def _tie(
    found: pl.DataFrame,
    statements: pl.DataFrame,
    contexts: dict[str, frozenset[str]],
    groups: frozenset[str] = frozenset(),
    *,
    names: dict[str, frozenset[str]] | None = None,
    peoples: frozenset[str] = frozenset(),
    movements: frozenset[str] = frozenset(),
) -> pl.DataFrame:
    """Keep each hit's referent; an ambiguous label only where the text ties it.

    A label listed as ``ambiguous`` (الإرهابيين, الثوار, المعارضة) counts for a
    referent when that referent's context words (its country and cities, the
    group's own names) are in the statement (a named group's win over a
    country's); failing that, when they are somewhere in the article, no other
    candidate's are and that referent's country is the conflict country the
    article names most (an article on Yemen that names Syria once does not tie
    its المعارضة to Syria; conflict countries are those the referents' context
    words name). A statement naming a group the label is not listed for
    (التنظيمات الإرهابية beside جبهة النصرة), or one without context words that
    names another conflict's country in an article naming that country most,
    leaves it uncounted. The fallback also needs the referent's country or
    places (its context words) named at least as often as any other country
    (the outlet's own only when it is the referent's): «مكافحة الإرهاب
    والتنظيمات الإرهابية» in a Saudi-Jordanian statement that names Syria
    once is terrorism in general. Referents marked ``kind: movement`` (حماس, a
    name, not a description) are exempt from that. Otherwise
    the use is not counted: not sure is not said. A label followed by another
    referent's one-word name (``المسلحين الحوثيين``, in ``names``) or by another
    country's or people's adjective (``الجماعات المسلحة العراقية``, ``المسلحين
    الكرد``) is not counted for the referents it is listed under, nor is
    ``المسلحين`` followed by «الموالين» / «التابعين» (the regime's gunmen, «قوات
    النظام والمسلحين الموالين لها», are not the armed groups fighting it).
    """
    if "speaker" not in found.columns:
        found = found.with_columns(speaker=pl.lit(None, pl.String))
    if "quote" not in found.columns:
        found = found.with_columns(quote=pl.lit(None, pl.String))
    if "cue" not in found.columns:
        found = found.with_columns(cue=pl.lit(None, pl.String))
    sure = found.filter(~pl.col("ambiguous"))
    unsure = found.filter(pl.col("ambiguous")).with_row_index("__row")
    if unsure.is_empty():
        return sure
    # only the statements an ambiguous hit reads: its own, and its article's (the fallback)
    read = pl.col("statement_id").is_in(unsure["statement_id"].unique().implode())
    if "article_id" in statements.columns and "article_id" in unsure.columns:
        read = read | pl.col("article_id").is_in(unsure["article_id"].unique().implode())
    statements = statements.filter(read)
    seqs = {sid: list(t or []) for sid, t in statements.select("statement_id", "tok").iter_rows()}
    tok = {sid: set(t) for sid, t in seqs.items()}
    foreign = _nationalities() | peoples
    countries = _countries()
    country_memo: dict[str, str | None] = {}  # each word's country once

    def country(word: str) -> str | None:
        try:
            return country_memo[word]
        except KeyError:
            out = country_memo[word] = _country(word, countries)
            return out

    home = {  # the countries a referent's context words name (Syria's groups: syria)
        r: {c for w in words if (c := country(w))} for r, words in contexts.items()
    }
    conflicts = set().union(*home.values())  # countries some referent is tied to
    near: dict[str, set[str]] = {}
    article: dict[str, set[str]] = {}
    # how often the article names each country some referent is tied to (not the outlet's
    # own country, which Saudi papers name in every article)
    mentions: dict[str, Counter[str]] = {}
    every_country: dict[str, Counter[str]] = {}  # every country the article names, conflict or not
    words_in: dict[str, Counter[str]] = {}  # every word of the article, counted
    cities = _cities()
    if "article_id" in statements.columns:
        by = ["article_id", *(["position"] if "position" in statements.columns else [])]
        order = statements.sort(by)
        for sid, aid in order.select("statement_id", "article_id").iter_rows():
            words = tok.get(sid, set())
            near[sid] = words  # the statement itself; the article is the fallback
            article.setdefault(aid, set()).update(words)
            found_here = [c for w in seqs.get(sid, []) if (c := country(w))]
            every_country.setdefault(aid, Counter()).update(
                c for c in found_here if c not in cities
            )
            mentions.setdefault(aid, Counter()).update(c for c in found_here if c in conflicts)
            words_in.setdefault(aid, Counter()).update(seqs.get(sid, []))
    home_of = outlet_countries()
    keep: list[int] = []
    for _, group in unsure.group_by("hit", maintain_order=True):
        sid = group["statement_id"][0]
        aid = group["article_id"][0] if "article_id" in group.columns else None
        cands = list(zip(group["referent"].to_list(), group["__row"].to_list(), strict=True))
        local = near.get(sid, tok.get(sid, set()))
        listed = {r for r, _ in cands}
        after = _word_after(seqs.get(sid, []), str(group["form"][0]))
        if after in foreign and not any(after in contexts.get(r, frozenset()) for r in listed):
            continue  # الجماعات المسلحة العراقية: another country's groups, not Syria's
        if after and any(after in f for r, f in (names or {}).items() if r not in listed):
            continue  # المسلحين الحوثيين: the Houthis' gunmen, not Yemen's resistance
        if after in LOYAL and group["label"][0] == "المسلحين":
            # «قوات النظام والمسلحين الموالين لها»: the regime's gunmen; a name keeps its
            # referent («المقاومة الشعبية الموالية لهادي», «الحرس الجمهوري الموالي لصالح»)
            continue
        if any(contexts.get(g, frozenset()) & local for g in groups - listed):
            # «ظهور التنظيمات الإرهابية كـ"جبهة النصرة" و"داعش"»: the statement names a
            # group the label is not listed for; whose label it is, is not sure
            continue
        scores = [(len(contexts.get(r, frozenset()) & local), i) for r, i in cands]
        named = [(n, i) for (n, i), (r, _) in zip(scores, cands, strict=True) if r in groups and n]
        scores = named or scores  # داعش named nearby wins over the country's words
        best = max(scores)[0] if scores else 0
        if best:
            winners = [i for n, i in scores if n == best]
        else:
            counts = mentions.get(aid, Counter()) if aid is not None else Counter()
            top = max(counts.values(), default=0)
            own = set().union(*(home.get(r, set()) for r in listed))
            if (
                own
                and not any(top and counts[c] == top for c in own)
                and any(country(w) in conflicts - own for w in local)
            ):
                # «تنظيمات إرهابية» beside «الأجهزة الأمنية اللبنانية» in a round-up that
                # names Lebanon most: the statement is about another conflict's country
                continue
            words = article.get(aid, set()) if aid is not None else set()
            winners = [i for r, i in cands if contexts.get(r, frozenset()) & words]
            # an article about another country («الدور السعودي تجاه اليمن» names Syria once
            # and Yemen 40 times; a Turkish story names Turkey 35 times and Syria 20): its
            # المعارضة, مسلحين are not Syria's
            far = {r for r, _ in cands if home.get(r) and top}
            far = {r for r in far if all(counts[c] < top for c in home[r])}
            if any(r in far for r, i in cands if i in winners):
                continue
            # an article about another country that is no conflict's (US sanctions on Qatari
            # financiers name the US 9 times, Qatar 4 and Syria once; Jordan's talks with the
            # Saudi crown prince name Jordan 13 times and Syria 3): its «الجماعات الإرهابية»
            # are terrorism in general, not Syria's armed groups. The referent's country counts
            # with its other context words (Yemen's Abyan, the Houthis); the outlet's own country
            # (Saudi papers name it everywhere) only when it is the referent's. Named groups
            # (حماس, whose context is its leaders and Gaza) are left to the rules above.
            every = every_country.get(aid, Counter()) if aid is not None else Counter()
            outlet_home = home_of.get(str(group["outlet"][0]) if "outlet" in group.columns else "")
            if any(
                r not in groups
                and r not in movements
                and home.get(r)
                and _weight(
                    home[r], every, contexts.get(r, frozenset()), words_in.get(aid or "", Counter())
                )
                < max(
                    (n for c, n in every.items() if c != outlet_home or c in home[r]),
                    default=0,
                )
                for r, i in cands
                if i in winners
            ):
                continue
        if len(winners) == 1:
            keep.append(winners[0])
    unsure = unsure.filter(pl.col("__row").is_in(keep)).drop("__row")
    return pl.concat([sure, unsure.select(sure.columns)])


def _weight(
    home: set[str], every: Counter[str], context: frozenset[str], words: Counter[str]
) -> int:
    """How often an article names a referent's country (``home``, counted in ``every``)
    or its other context words (``context``, counted in the article's ``words``)."""
    own = sum(words[w] for w in context)
    return max(own, max((every[c] for c in home), default=0))


def _cities() -> frozenset[str]:
    """Ids of ``countries.tsv`` rows that are Saudi regions, cities or border posts."""
    from narratives._resources import load_tsv

    rows = load_tsv("countries.tsv")
    return frozenset(
        str(c) for c in rows.filter(pl.col("form").is_in(["city", "region"]))["country"]
    )


def _nationalities() -> frozenset[str]:
    """Nationality adjectives of ``countries.tsv`` with the article, both genders, normalized."""
    from narratives._resources import load_tsv
    from narratives.normalize import normalize

    rows = load_tsv("countries.tsv").filter(pl.col("form") == "adjective")["name"]
    bare = {normalize(str(w)).removeprefix("ال") for w in rows}
    return frozenset(f"ال{w}{end}" for w in bare for end in ("", "ه")) | frozenset(
        f"ال{w[:-1]}يه" for w in bare if w.endswith("ي")
    )


def _countries() -> dict[str, str]:
    """Match-normalized country names, capitals and adjectives (``countries.tsv``) -> country."""
    from narratives._resources import load_tsv
    from narratives.normalize import normalize

    out: dict[str, str] = {}
    for name, country in load_tsv("countries.tsv").select("name", "country").iter_rows():
        word = normalize(str(name))
        out.setdefault(word, str(country))
        if not word.startswith("ال"):
            out.setdefault("ال" + word, str(country))
    return out


def _country(word: str, country_of: Mapping[str, str]) -> str | None:
    """The country a token names, after a proclitic too (وسوريا, باليمن, لليمن)."""
    if word.startswith("لل") and "ال" + word[2:] in country_of:
        return country_of["ال" + word[2:]]
    for cut in (0, 1, 2):
        if cut and (len(word) - cut < 3 or any(ch not in "وفبلك" for ch in word[:cut])):
            break
        if word[cut:] in country_of:
            return country_of[word[cut:]]
    return None


LOYAL = frozenset(
    normalize(w)
    for w in (
        "الموالين",
        "الموالون",
        "الموالية",
        "الموالي",
        "موالين",
        "موالون",
        "موالية",
        "التابعين",
        "التابعون",
        "التابعة",
        "تابعين",
        "تابعون",
    )
)
"""Words after «المسلحين» that make them another side's men (المسلحين الموالين لها)."""


def _word_after(seq: list[str], form: str) -> str | None:
    """The token after the first occurrence of ``form`` (match-normalized words) in ``seq``."""
    words = form.split()
    n = len(words)
    for i in range(len(seq) - n):
        if seq[i : i + n] == words or (
            seq[i].endswith(words[0]) and seq[i + 1 : i + n] == words[1:]
        ):
            return seq[i + n]
    return None


def _voices(hits: pl.DataFrame, texts: pl.DataFrame, rows: list[dict[str, Any]]) -> pl.Series:
    """``narration`` | ``reported`` | ``quoted`` for each hit.

    Quoted: inside quotation marks (marks around the name alone, لـ "داعش",
    are no quotation); reported: in a statement with a speaker or a reporting
    verb (an unnamed source's words too); narration: the outlet's own words.
    """
    wanted = texts.filter(pl.col("statement_id").is_in(hits["statement_id"].unique().implode()))
    text_of = dict(wanted.iter_rows())
    patterns = {
        r["form"]: re.compile(r"(?<!\w)" + _form_pattern(r["form"]) + r"(?!\w)") for r in rows
    }
    out = []
    norms: dict[str, str] = {}  # each statement normalized once (a statement has several hits)
    for sid, form, speaker, cue, quote in hits.select(
        "statement_id", "form", "speaker", "cue", "quote"
    ).iter_rows():
        if quote == "direct":
            out.append("quoted")
            continue
        norm = norms.get(sid)
        if norm is None:
            norm = norms[sid] = normalize_with_offsets(text_of.get(sid) or "")[0]
        m = patterns[form].search(norm)
        inside = False
        if m is not None:
            before = norm[: m.start()]
            if before.endswith('"') and norm[m.end() : m.end() + 1] == '"':
                # لـ "داعش": marks around the name alone are no quotation, but a name so
                # marked inside a quotation is quoted («“... تنظيمي “داعش” و”جبهة النصرة”»)
                before = before[:-1]
            inside = before.count('"') % 2 == 1
        out.append("quoted" if inside else "reported" if (speaker or cue) else "narration")
    return pl.Series("voice", out, dtype=pl.String)


def label_choices(
    statements: pl.DataFrame, *, labels: LabelSource = "labels.yaml", max_examples: int = 50
) -> pl.DataFrame:
    """How often each outlet uses each label of each referent, with the statements.

    Counting is vectorised: the statements' match-normalized tokens are
    scanned once for every label and its proclitic variants (Aho-Corasick,
    leftmost-longest, so "تنظيم داعش الإرهابي" is not also counted as
    "داعش"); the spellings as written are read from up to ``max_examples``
    statements per label and outlet.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``outlet``, ``text``).
    labels
        A label lexicon: a shipped file name, a path, or a mapping in the
        format of ``narratives/lexicons/labels.yaml``.
    max_examples
        Statements per label and outlet read for ``forms``.

    Returns
    -------
    pl.DataFrame
        ``schemas.LABELS``; ``forms`` are the distinct spellings as written,
        marks around the name included (``/داعش/``, ``«داعش»``); ``share`` is
        the label's share of the referent's mentions in that outlet.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"], "outlet": ["sana", "ittihad"],
    ...     "text": ["مكافحة تنظيم “داعش” الإرهابي", "مساعدة متشددي «داعش»."]})
    >>> label_choices(st)[["outlet", "label", "forms"]].rows()  # doctest: +NORMALIZE_WHITESPACE
    [('ittihad', 'متشددي داعش', ['متشددي «داعش»']),
     ('sana', 'تنظيم داعش الإرهابي', ['تنظيم “داعش” الإرهابي'])]
    """
    check(statements, ("statement_id", "outlet", "text"), name="statements", stage="label_choices")
    rows = _ordered(load_labels(labels))
    contexts = load_contexts(labels)
    variant_form: dict[str, str] = {}
    for row in rows:
        for variant in _token_variants(row["form"]):
            variant_form.setdefault(f" {variant.replace(' ', '  ')} ", row["form"])
    patterns = sorted(variant_form, key=lambda v: (-v.count("  "), -len(v)))
    toks = statement_tokens(statements)
    padded = pl.lit("  ") + toks.list.join("  ") + pl.lit("  ")
    lex = pl.DataFrame(rows)
    cols = [
        c for c in ("article_id", "position", "speaker", "cue", "quote") if c in statements.columns
    ]
    found = (
        statements.select(
            "statement_id",
            "outlet",
            *cols,
            variant=padded.str.extract_many(patterns, overlapping=False, leftmost=True),
        )
        .explode("variant")
        .drop_nulls("variant")
        .with_columns(form=pl.col("variant").replace_strict(variant_form, default=None))
        .with_row_index("hit")
        .join(lex, on="form")
    )
    names = {  # one-word names of each referent (الحوثيين): «المسلحين الحوثيين» is theirs
        r: frozenset(f for f in lex.filter(pl.col("referent") == r)["form"] if " " not in f)
        for r in lex["referent"].unique().to_list()
    }
    hits = _tie(
        found,
        statements.select("statement_id", *cols, tok=toks),
        contexts,
        _groups(labels),
        names=names,
        peoples=_peoples(labels),
        movements=_groups(labels, "movement"),
    )
    hits = hits.with_columns(voice=_voices(hits, statements.select("statement_id", "text"), rows))
    matcher = _FormMatcher([r["form"] for r in rows], [r["label"] for r in rows])
    examples = (
        hits.select("statement_id", "outlet", "label")
        .unique()
        .sort("statement_id")
        .filter(pl.int_range(pl.len()).over("label", "outlet") < max_examples)
        .join(statements.select("statement_id", "text"), on="statement_id")
    )
    memo: dict[str, tuple[str, list[int], list[tuple[str, int, int]]]] = {}
    written = [
        (label, outlet, form)
        for label, outlet, text in examples.select("label", "outlet", "text").iter_rows()
        for form in _surface_forms(text, matcher, label, memo=memo)
    ]
    forms = (
        pl.DataFrame(
            written,
            schema={"label": pl.String, "outlet": pl.String, "form": pl.String},
            orient="row",
        )
        .group_by("label", "outlet")
        .agg(pl.col("form").unique().sort().alias("forms"))
    )
    out = (
        hits.sort("statement_id")
        .group_by("referent", "label", "connotation", "outlet")
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            (pl.col("voice") == "narration").sum().cast(pl.Int64).alias("n_narration"),
            (pl.col("voice") == "reported").sum().cast(pl.Int64).alias("n_reported"),
            (pl.col("voice") == "quoted").sum().cast(pl.Int64).alias("n_quoted"),
            pl.col("speaker")
            .filter(pl.col("voice") != "narration")
            .drop_nulls()
            .unique()
            .sort()
            .alias("speakers"),
            pl.col("statement_id").unique(maintain_order=True).alias("statement_ids"),
        )
        .join(forms, on=["label", "outlet"], how="left", nulls_equal=True)
        .with_columns(share=pl.col("n") / pl.col("n").sum().over("referent", "outlet"))
        .sort(
            ["referent", "outlet", "n", "label"],
            descending=[False, False, True, False],
            nulls_last=True,
        )
    )
    return schemas.conform(out, schemas.LABELS).select(schemas.LABELS.names())
