"""Discrepancies between aligned statements of one claim: figures, dates, speakers, entities.

Only pairs of statements clustered into the same claim (and, when stories
are given, in articles of the same story) are compared, by default from
different outlets.

**Figures and dates** are compared slot by slot: the two statements are
diffed word by word, and a discrepancy is a replaced span holding a figure
on both sides, between words the two statements share ("زيادة قدرها **2.3**
مليون برميل" / "زيادة قدرها **3.2** مليون برميل"). Figures are read as
numbers whatever the writing: thousands separators and decimal commas
("1,500", "2,4", "1.391" read both ways), SPA's reversed decimals ("68ر10" =
10.68), Arabic-Indic digits, ranges ("20-25", "بين 20 و25") and scale words
(``quantities.yaml``: "10 آلاف" = 10000, "ألف" alone = 1000); two spans that
can be read as the same number are no discrepancy. A number before a month
is a day (a ``date`` row); a number after a list marker ("رقم", "البند",
"الدورة"; ``figures.yaml``), list numbering at the start of a statement,
match scores and clock times ("2-1", "10:30") are not figures of the claim.
Two articles published on different days whose statements speak relative to
the day ("اليوم", "غدا": weather forecasts, prices) are not compared, nor two
statements giving different clock times ("بحلول الساعة 0647" / "1831": two
readings of a market) or with a word replaced by its opposite ("ارتفع" /
"تراجع", ``opposites.tsv``: two sessions, or a contradiction for
``narratives.align`` to flag, not a misreported figure). Number words with
the article are read ("المئة ألف" = 100 ألف).

**Speakers** differ when both statements name a speaker and the speakers
differ; **entities** (typed by ``entity_mentions``) only when each side
names exactly one entity of the type the other lacks (a swap, not a list of
attendees).

Every row says what differs (``what``) and how sure the match of the two
values is (``confidence``, 0-1, and ``certainty``: high / medium / low, from
the shared words around the slot, the publication days and numbers written
in words); the table is sorted most certain first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from narratives import schemas
from narratives._figures import (
    _PROCLITICS,
    LIST_START,
    SLASH_DATE,
    NumberWords,
    load_number_words,
    read_number_words,
    unreverse_figures,
)
from narratives._resources import load_yaml
from narratives.compare._common import (
    ALIGNMENT_COLUMNS,
    SAME_CLAIM_RELATIONS,
    check,
    same_claim_pairs,
)
from narratives.compare._text import (
    MARK_CHARS,
    display_tokens,
    normalized,
    variant_kind,
    word_key,
)
from narratives.normalize import normalize

_YEAR = r"\b(?:(?:19|20)\d{2}م?|1[34]\d{2}ه)\b"  # 2014, 2014م; Hijri 1436هـ stays 1436ه
_NUMBER = r"\d+(?:[.,]\d+)*"


def _alternation(words: Sequence[str]) -> str:
    forms = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


def _lexicons(
    months: str | Path, quantities: str | Path
) -> tuple[dict[str, int], dict[str, float]]:
    month_data = load_yaml(months)
    scale_data = load_yaml(quantities)
    if not isinstance(month_data, Mapping) or not isinstance(month_data.get("months"), Mapping):
        raise ValueError(f"{months}: expected a 'months' mapping")
    if not isinstance(scale_data, Mapping) or not isinstance(scale_data.get("scales"), Mapping):
        raise ValueError(f"{quantities}: expected a 'scales' mapping")
    month_map = {normalize(str(k)): int(v) for k, v in month_data["months"].items()}
    scale_map = {normalize(str(k)): float(v) for k, v in scale_data["scales"].items()}
    return month_map, scale_map


def _number_value(text: str, scales: Mapping[str, float]) -> str:
    """Canonical value of a figure such as ``10 الاف`` -> ``10000``."""
    found = re.match(r"([\d.,]+)\s*(.*)", text)
    if found is None:
        return text
    head, scale = found.group(1), re.sub(r"\s+", " ", found.group(2)).strip()
    # "1,500" groups thousands; "2,4" is a decimal comma, as Arabic copy often writes it
    head = head.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", head) else head
    try:
        value = float(head.replace(",", ".")) * scales.get(scale, 1.0)
    except ValueError:
        return text
    return f"{value:.12g}"


def statement_values(
    statements: pl.DataFrame,
    entity_mentions: pl.DataFrame | None = None,
    *,
    months: str | Path = "months.yaml",
    quantities: str | Path = "quantities.yaml",
) -> pl.DataFrame:
    """Long table ``statement_id``, ``kind``, ``value`` of what each statement states.

    Kinds: ``number``, ``date``, ``speaker``, and the entity types of
    ``entity_mentions`` (``entity`` when no mentions are given).
    """
    month_map, scale_map = _lexicons(months, quantities)
    month_re = _alternation(list(month_map))
    scale_re = _alternation(list(scale_map))
    # a day glued to a proclitic (و27 أبريل) has no word boundary before it
    date_re = rf"(?:^|\D)\d{{1,2}}\s+(?:{month_re})\b"
    figure_re = rf"{_NUMBER}(?:\s*(?:{scale_re}))?"
    text = statements.select("statement_id", norm=normalized(pl.col("text")))
    dates = text.select(
        "statement_id",
        value=pl.concat_list(
            pl.col("norm").str.extract_all(date_re), pl.col("norm").str.extract_all(_YEAR)
        ),
    ).explode("value")
    figures = text.select(
        "statement_id",
        value=pl.col("norm")
        .str.replace_all(date_re, " ")
        .str.replace_all(_YEAR, " ")
        .str.extract_all(figure_re),
    ).explode("value")
    canon = {
        v: _number_value(v, scale_map) for v in figures["value"].drop_nulls().unique().to_list()
    }
    day_month = {
        v: f"{int(m.group(1))}/{month_map.get(m.group(2).strip(), m.group(2))}"
        for v in dates["value"].drop_nulls().unique().to_list()
        if (m := re.search(r"(\d{1,2})\s+(.+)$", v))
    }
    parts = [
        dates.drop_nulls("value").with_columns(
            kind=pl.lit("date"),
            value=pl.col("value").replace(day_month).str.strip_chars_end("م"),
        ),
        figures.drop_nulls("value").with_columns(
            kind=pl.lit("number"), value=pl.col("value").replace(canon)
        ),
        *_agent_parts(statements, entity_mentions),
    ]
    return pl.concat(
        [p.select("statement_id", "kind", pl.col("value").cast(pl.String)) for p in parts]
    ).unique()


def _agent_values(
    statements: pl.DataFrame, entity_mentions: pl.DataFrame | None = None
) -> pl.DataFrame:
    """The speaker and entity rows of :func:`statement_values` (its figures and dates not read)."""
    parts = [
        p.select("statement_id", "kind", pl.col("value").cast(pl.String))
        for p in _agent_parts(statements, entity_mentions)
    ]
    if not parts:
        return pl.DataFrame(
            schema={"statement_id": pl.String, "kind": pl.String, "value": pl.String}
        )
    return pl.concat(parts).unique()


def _agent_parts(
    statements: pl.DataFrame, entity_mentions: pl.DataFrame | None
) -> list[pl.DataFrame]:
    parts = []
    if "speaker" in statements.columns:
        parts.append(
            statements.select("statement_id", value="speaker", kind=pl.lit("speaker")).drop_nulls()
        )
    if "entities" in statements.columns:
        ents = statements.select("statement_id", value="entities").explode("value").drop_nulls()
        if entity_mentions is not None and "entity_type" in entity_mentions.columns:
            types = (
                entity_mentions.group_by("entity_id", "entity_type")
                .len()
                .sort(["entity_id", "len"], descending=[False, True])
                .unique("entity_id", keep="first", maintain_order=True)
                .select(value="entity_id", kind="entity_type")
            )
            ents = ents.join(types, on="value", how="left").with_columns(
                pl.col("kind").fill_null("entity")
            )
        else:
            ents = ents.with_columns(kind=pl.lit("entity"))
        parts.append(ents)
    return parts


@dataclass(frozen=True)
class _FigureLexicon:
    scales: dict[str, float]
    months: frozenset[str]  # first words of month names (Gregorian, Syriac, Hijri)
    list_markers: frozenset[str]
    relative_days: frozenset[str]
    number_words: frozenset[str]
    number_values: dict[str, float]
    half_words: frozenset[str]
    function_words: frozenset[str]
    figure_words: frozenset[str]
    month_names: frozenset[str]
    month_numbers: dict[str, int] = field(default_factory=dict)  # one-word month names
    approximate: frozenset[str] = frozenset()
    close_phrases: tuple[str, ...] = ()  # a figure dated to the session's close
    market_words: frozenset[str] = frozenset()  # a price reading (للبرميل, برنت)
    units: dict[str, str] = field(default_factory=dict)  # unit word -> dimension (طن: mass)
    numbers: NumberWords | None = None  # the number words, for read_number_words


def _figure_lexicon(
    months: str | Path, quantities: str | Path, figures: str | Path
) -> _FigureLexicon:
    from narratives.compare.substitutions import function_words

    month_map, scale_map = _lexicons(months, quantities)
    data = load_yaml(figures)
    if not isinstance(data, Mapping):
        raise ValueError(f"{figures}: expected a mapping")

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize(str(w)) for w in data.get(key) or [])

    month_words = {m.split()[0] for m in month_map} | {m.split()[0] for m in words("hijri_months")}
    return _FigureLexicon(
        scales=scale_map,
        months=frozenset(month_words),
        list_markers=words("list_markers"),
        relative_days=words("relative_days"),
        number_words=words("number_words"),
        number_values={
            normalize(str(k)): float(v) for k, v in (data.get("number_values") or {}).items()
        },
        half_words=words("half_words"),
        function_words=function_words(),
        figure_words=words("figure_words"),
        month_names=frozenset(w for m in month_map for w in m.split())
        | frozenset(w for m in words("hijri_months") for w in m.split()),
        month_numbers={m: v for m, v in month_map.items() if " " not in m},
        approximate=words("approximate_words"),
        close_phrases=tuple(sorted(words("close_phrases"))),
        market_words=words("market_words"),
        units={
            normalize(str(w)): str(dim)
            for dim, ws in (data.get("units") or {}).items()
            for w in ws or []
        },
        numbers=load_number_words(figures),
    )


_REVERSED_R = re.compile(r"^(\d+)ر(\d+)$")  # SPA / Asharq Al-Awsat: "68ر10" is 10.68
_SCORE = re.compile(r"(?<![\d/.,])\d{1,2}\s*[-:]\s*\d{1,2}(?![\d/.,])")
_YEAR_TOKEN = re.compile(r"^(?:(?:19|20)\d{2}م?|1[34]\d{2}(?:ه|هـ))$")


def _candidates(token: str) -> set[float]:
    """The numbers a written figure can stand for ("1.391" -> {1.391, 1391})."""
    reversed_r = _REVERSED_R.match(token)
    if reversed_r:
        return {float(f"{reversed_r.group(2)}.{reversed_r.group(1)}")}
    token = re.sub(r"(?:م|هـ|ه)$", "", token).replace("٫", ".").replace("٬", ",")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", token):
        return set()
    out: set[float] = set()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):  # thousands grouped: 1,500 / 1.391
        out.add(float(re.sub(r"[.,]", "", token)))
    if token.count(".") + token.count(",") == 1:  # one separator: a decimal point or comma
        out.add(float(token.replace(",", ".")))
    elif not out and re.search(r"[.,]\d{1,2}$", token):
        # «1.340.7 مليار» for 1,340,700,000: separators that group no thousands; read the
        # first as the point (1.3407) or the last (1340.7), as the writer may have meant
        head, _, tail = re.sub(r"[.,]", ".", token).partition(".")
        out.add(float(f"{head}.{tail.replace('.', '')}"))
        out.add(float(re.sub(r"[.,](?=.*[.,])", "", token).replace(",", ".")))
    if not re.search(r"[.,]", token):
        out.add(float(token))
    return out


def _span_values(keys: list[str], lex: _FigureLexicon) -> list[set[float]]:
    """Numbers in a span of match-normalized tokens, each with its readings.

    A range ("20 - 25", "بين 20 و25", "20 الي 25") is one value holding both
    ends and every reading between them is taken as equal (see :func:`_same`).
    """
    values: list[set[float]] = []
    # numbers in words, read by the one reader the aligner uses too («لخمسة آلاف»,
    # «المئة ألف», «مائتي وخمسين», «أربع وعشرين»); here the ambiguous words count alone
    # (the span lies between words both statements share)
    worded = {s: (e, v) for s, e, v in read_number_words(keys, lex.numbers, alone=True)}
    i = 0
    while i < len(keys):
        tok = keys[i]
        cands = _candidates(tok)
        j = i + 1
        if not cands and i in worded:
            j, value = worded[i]
            cands = {float(value)}
        scale = 1.0
        bare = tok[1:] if len(tok) > 3 and tok[0] in "وفبلك" and tok[1:] in lex.scales else tok
        if not cands and bare in lex.scales and bare not in ("%",):
            after = worded.get(i + 1)
            if after is not None and keys[i + 1].startswith("و") and not values:
                # «بألف وثلاثمائة طالب» = 1300: a thousand and the number after it
                values.append({lex.scales[bare] + after[1]})
                i = after[0]
                continue
            if not values and not any(ch.isdigit() for t in keys for ch in t):
                # "ألف شخص": the scale word alone is a number (not after a figure that
                # could not be read: «1.340.7 مليار» is no «مليار»)
                values.append({lex.scales[bare]})
            i += 1
            continue
        if not cands:
            i += 1
            continue
        for width in (2, 1):
            phrase = " ".join(keys[j : j + width])
            if phrase in lex.scales:
                # percentages compare as written ("7,4%" = "7.4 في المائة"): "%" is no token
                scale, j = max(lex.scales[phrase], 1.0), j + width
                break
        if any(k in lex.half_words for k in keys[j : j + 2]):
            cands = cands | {c + 0.5 for c in cands}  # "8 سنوات ونصف"
        read = {round(c * scale, 9) for c in cands}
        if scale > 1 and any(c >= scale for c in cands):
            # «5,307,846 مليون ريال», «(18000) ألف ريال»: a sum written in full, the scale
            # word repeated; read both ways
            read |= cands
        values.append(read)
        i = j
    return values


def _unread_number_words(side: list[str], lex: _FigureLexicon) -> bool:
    """A span without digits holding several number words that are not all one number read
    by :func:`narratives._figures.read_number_words` («الحادية عشرة», an ordinal)."""
    if any(ch.isdigit() for t in side for ch in t):
        return False
    worded = [k for k, t in enumerate(side) if t in lex.number_values or t in lex.number_words]
    if len(worded) < 2:
        return False
    read = {k for s, e, _ in read_number_words(side, lex.numbers, alone=True) for k in range(s, e)}
    return any(k not in read for k in worded)


def _same(a: list[set[float]], b: list[set[float]]) -> bool:
    """Whether some reading of a figure in ``a`` equals one in ``b`` (or a range holds it)."""
    flat_a = set().union(*a) if a else set()
    flat_b = set().union(*b) if b else set()
    if any(abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0) for x in flat_a for y in flat_b):
        return True
    if len(a) == 2 and flat_b:  # a range on side a holds b's figure
        lo, hi = min(min(a[0]), min(a[1])), max(max(a[0]), max(a[1]))
        if all(lo <= y <= hi for y in flat_b):
            return True
    if len(b) == 2 and flat_a:
        lo, hi = min(min(b[0]), min(b[1])), max(max(b[0]), max(b[1]))
        if all(lo <= x <= hi for x in flat_a):
            return True
    return False


def _mantissa(token: str) -> tuple[float, int] | None:
    """A figure token's number as written and its decimals ("9.68" -> (9.68, 2))."""
    reversed_r = _REVERSED_R.match(token)
    if reversed_r:
        token = f"{reversed_r.group(2)}.{reversed_r.group(1)}"
    token = token.replace(",", ".")
    if not re.fullmatch(r"\d+(?:\.\d+)?", token):
        return None
    return float(token), len(token.split(".")[1]) if "." in token else 0


def _rounded(span_a: list[str], span_b: list[str]) -> bool:
    """One figure is the other rounded to fewer decimals (9.68 / 9.7, 2.49 / 2.5), or
    rounded or cut to a whole number of 10 or more (an index «9098.27 نقطة» in one
    report, «9098 نقطة» in the other's headline and body)."""
    ma = next((m for t in span_a if (m := _mantissa(t))), None)
    mb = next((m for t in span_b if (m := _mantissa(t))), None)
    if ma is None or mb is None or ma[1] == mb[1]:
        return False
    (fine, _), (coarse, places) = (ma, mb) if ma[1] > mb[1] else (mb, ma)
    if places == 0:
        return coarse >= 10 and coarse in (float(round(fine)), float(int(fine)))
    return abs(round(fine, places) - coarse) < 1e-9


_ARABIC_DECIMAL = re.compile(r"(?<=\d)،(?=\d)")  # «45،5 مليون»: the Arabic decimal comma


def _rounded_to_scale(
    keys_a: list[str],
    keys_b: list[str],
    va: list[set[float]],
    vb: list[set[float]],
    lex: _FigureLexicon,
) -> bool:
    """One figure is the other rounded or cut to the digits written before a scale word
    («45،5 مليون» for 45,503,347, «87،3 مليون» for 87,390,000: within 0.1 million)."""
    if len(va) != 1 or len(vb) != 1:
        return False
    for keys, vals, other in ((keys_a, va[0], vb[0]), (keys_b, vb[0], va[0])):
        scale = max((lex.scales.get(k, 0.0) for k in keys), default=0.0)
        written = next((m for k in keys if (m := _mantissa(k))), None)
        in_words = written is None and not any(ch.isdigit() for k in keys for ch in k)
        if in_words:
            written = (0.0, 0)  # «عشرة ملايين» for 10,100,000: a round figure in words
        if scale < 1000 or written is None:
            continue
        unit = scale * 10.0 ** -written[1] / (2 if in_words else 1)
        if any(abs(x - y) < unit for x in vals for y in other):
            return True
    return False


def _prepared(text: str) -> list[str]:
    text = _ARABIC_DECIMAL.sub(",", unreverse_figures(text))
    text = SLASH_DATE.sub(" ", text)  # dates written with slashes, in either order
    text = _SCORE.sub(" ", text)  # scores and clock times are not figures of a claim
    return display_tokens(text)


def _may_hold_figures(text: pl.Expr, lex: _FigureLexicon) -> pl.Expr:
    """Whether a statement's ``text`` may hold a figure :func:`_span_values` reads.

    A superset: a digit anywhere, or a word of the text (match-normalized, its marks
    dropped as :func:`narratives.compare._text.word_key` drops them) that is a number
    word or ordinal of :func:`narratives._figures.read_number_words`, after a proclitic
    or the article as that reader takes them, or a scale word. A text without any holds
    no figure slot, so no pair with it has a figure or date row.
    """
    assert lex.numbers is not None
    words = set(lex.numbers.values) | set(lex.numbers.ordinals)
    words |= {w for w in lex.scales if re.fullmatch(r"[^\W\d_]+", w)}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a whole word: no letter on either side (marks are dropped first, as in the word keys)
    word = rf"(?:^|\P{{L}})(?:[{_PROCLITICS}]|ال|وال)?(?:{alternation})(?:$|\P{{L}})"
    unmarked = text.str.replace_all(f"[{MARK_CHARS}]", "")
    return text.str.contains(r"\d") | normalized(unmarked).str.contains(word)


def _figure_rows(
    statements: pl.DataFrame,
    pairs: pl.DataFrame,
    lex: _FigureLexicon,
    *,
    max_span: int,
    other_days: bool,
    opcodes: Callable[[list[str], list[str]], list[tuple[str, int, int, int, int]]],
) -> list[dict[str, object]]:
    cols = ["statement_id", "text"] + (["published"] if "published" in statements.columns else [])
    ids = pl.concat([pairs["statement_id_a"], pairs["statement_id_b"]]).unique().implode()
    used = statements.filter(pl.col("statement_id").is_in(ids)).select(cols)
    # only a pair of two statements that can both hold a figure can give a row: the rest
    # are not diffed (most pairs of a large corpus hold no figure)
    used = used.filter(_may_hold_figures(pl.col("text"), lex))
    kept = used["statement_id"].implode()
    pairs = pairs.filter(
        pl.col("statement_id_a").is_in(kept) & pl.col("statement_id_b").is_in(kept)
    )
    info = {r["statement_id"]: r for r in used.iter_rows(named=True)}
    # each statement's tokens once (a statement is in several pairs); not modified below
    tokens: dict[str, tuple[list[str], list[str]]] = {}

    def words(row: dict[str, Any]) -> tuple[list[str], list[str]]:
        out = tokens.get(row["statement_id"])
        if out is None:
            shown = _prepared(row["text"])
            out = tokens[row["statement_id"]] = (shown, [word_key(t) for t in shown])
        return out

    clocks: dict[str, set[str]] = {}  # each statement's clock times once, likewise

    def clock(row: dict[str, Any]) -> set[str]:
        out = clocks.get(row["statement_id"])
        if out is None:
            out = clocks[row["statement_id"]] = _clock_times(row["text"], lex.close_phrases)
        return out

    rows: list[dict[str, object]] = []
    for pair in pairs.iter_rows(named=True):
        a, b = info.get(pair["statement_id_a"]), info.get(pair["statement_id_b"])
        if a is None or b is None or not a["text"] or not b["text"]:
            continue
        (wa, ka), (wb, kb) = words(a), words(b)
        other_day = (
            a.get("published") is not None
            and b.get("published") is not None
            and a["published"] != b["published"]
        )
        if other_day and (not other_days or (set(ka) | set(kb)) & lex.relative_days):
            continue  # figures of different days (forecasts, prices): not one claim's figures
        clock_a, clock_b = clock(a), clock(b)
        if clock_a and clock_b and not clock_a & clock_b:
            # «بحلول الساعة 0647» / «1831», «عند التسوية» / «بحلول الساعة 1345»: two readings
            # of a market, not one figure
            continue
        # a market reading dated on one side only: perhaps another hour of the same day
        undated = bool(clock_a) != bool(clock_b) and bool(set(ka) & set(kb) & lex.market_words)
        ops = list(opcodes(ka, kb))
        if _opposite_moves(ops, ka, kb):
            continue  # «ارتفع 40 سنتا» / «تراجع 40 سنتا»: two sessions, or a contradiction
        # a month both statements name is no other word, whichever series names it:
        # «سبتمبر (أيلول)» / «سبتمبر»
        months_a = {lex.month_numbers[t] for t in ka if t in lex.month_numbers}
        months_b = {lex.month_numbers[t] for t in kb if t in lex.month_numbers}
        same_month = {t for t in ka + kb if lex.month_numbers.get(t, 0) in months_a & months_b}
        # words of the pair that differ outside figure slots (another film, another company);
        # words only one side has (an added clause, a time of day) are more said, not other
        differing = [
            t
            for op, i1, i2, j1, j2 in ops
            if op == "replace" and not _house_variant(wa[i1:i2], wb[j1:j2])
            for t in ka[i1:i2] + kb[j1:j2]
            if not any(ch.isdigit() for ch in t)
            and t not in lex.function_words
            and t not in lex.figure_words
            and t not in lex.scales
            and t not in lex.number_words
            and t not in lex.number_values
            and t not in same_month
            and len(t) > 2
        ]
        other_words = len(differing)
        other_month = any(t in lex.month_names for t in differing)
        pair_rows: list[dict[str, object]] = []
        for n, (op, i1, i2, j1, j2) in enumerate(ops):
            if op != "replace" or i2 - i1 > max_span or j2 - j1 > max_span:
                continue
            before = ops[n - 1][2] - ops[n - 1][1] if n and ops[n - 1][0] == "equal" else 0
            after = (
                ops[n + 1][2] - ops[n + 1][1]
                if n + 1 < len(ops) and ops[n + 1][0] == "equal"
                else 0
            )
            # a scale word shared right after the slot belongs to both figures
            width = next(
                (w for w in (2, 1) if w <= after and " ".join(ka[i2 : i2 + w]) in lex.scales), 0
            )
            tail = ka[i2 : i2 + width]
            half_a = [t for t in ka[i2 : i2 + 2] if t in lex.half_words]
            half_b = [t for t in kb[j2 : j2 + 2] if t in lex.half_words]
            va = _span_values(ka[i1:i2] + tail + half_a, lex)
            vb = _span_values(kb[j1:j2] + tail + half_b, lex)
            width = width or min(after, 1)  # show the scale, else the unit word after the slot
            if not va or not vb or _same(va, vb) or _rounded(ka[i1:i2], kb[j1:j2]):
                continue
            if _rounded_to_scale(ka[i1:i2] + tail, kb[j1:j2] + tail, va, vb, lex):
                continue  # «45،5 مليون ريال» / «45.503.347 ريالاً»: the same sum rounded
            if _approximately(va, vb, ka[max(0, i1 - 2) : i2], kb[max(0, j1 - 2) : j2], lex):
                # «أكثر من 1300» / «أكثر من 1343», «تجاوزت 134.230.000» / «134.230.802.95»:
                # a round figure for an exact one
                continue
            digits_a = "".join(ch for t in ka[i1:i2] for ch in t if ch.isdigit())
            if digits_a and digits_a == "".join(ch for t in kb[j1:j2] for ch in t if ch.isdigit()):
                continue  # the same digits spaced or punctuated otherwise: «7/11» / «711»
            if any(_unread_number_words(side, lex) for side in (ka[i1:i2], kb[j1:j2])):
                continue  # «الحادية عشرة»: an ordinal, or number words the reader cannot join
            prev = ka[i1 - 1] if before else ""
            # a list marker, also after a conjunction («والمادة 2، 8» / «والمادة (٨,٢)»)
            bare_prev = prev[1:] if len(prev) > 3 and prev[0] in "وف" else prev
            if {prev, bare_prev, ka[i1]} & lex.list_markers:
                continue
            if i1 == 0 and j1 == 0 and (LIST_START.match(a["text"]) or LIST_START.match(b["text"])):
                continue  # list numbering
            nxt = ka[i2] if after else ""
            is_date = nxt in lex.months or any(_YEAR_TOKEN.match(t) for t in ka[i1:i2] + kb[j1:j2])
            if is_date and _two_calendars(va, vb):
                continue  # «لهذا العام 1436 / 1437هـ» / «لهذا العام 2015»: one year, two calendars
            conf = 0.5 * min(before, 3) / 3 + 0.5 * min(after, 3) / 3
            notes = []
            if other_day:
                conf -= 0.4
                notes.append("published on different days")
            near_a, near_b = set(ka[max(0, i1 - 2) : i2 + 2]), set(kb[max(0, j1 - 2) : j2 + 2])
            if (near_a ^ near_b) & lex.number_words:  # near the slot: «يوم أول من أمس» is no figure
                conf -= 0.3
                notes.append("a side writes numbers in words")
            if len(va) != len(vb):
                conf -= 0.2
            if undated:
                conf -= 0.3
                notes.append("only one side gives the time of the market reading")
            units_a = {lex.units[t] + ":" + t for t in ka[i1 : i2 + 2] if t in lex.units}
            units_b = {lex.units[t] + ":" + t for t in kb[j1 : j2 + 2] if t in lex.units}
            if units_a and units_b and units_a != units_b:
                # «1.5 مليون كيلو غرام» / «1.5 ألف طن»: one figure in two units, or two items
                conf -= 0.5
                notes.append("the units differ")
            if other_month:
                conf -= 0.4
                notes.append("the months differ")
            elif other_words:
                conf -= 0.15 * min(other_words, 4)
                notes.append(f"{other_words} other words differ")
            span_a, span_b = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
            shown_tail = " ".join(wa[i2 : i2 + width])
            context = " ".join(wa[max(0, i1 - 3) : i1])
            kind = "date" if is_date else "number"
            what = f"{kind}: {context} [{span_a} | {span_b}] {shown_tail}".strip()
            if notes:
                what += f" ({'; '.join(notes)})"
            pair_rows.append(
                {
                    **pair,
                    "kind": kind,
                    "value_a": [f"{span_a} {shown_tail}".strip()],
                    "value_b": [f"{span_b} {' '.join(wb[j2 : j2 + width])}".strip()],
                    "what": what,
                    "confidence": conf,
                    "_ratio": _ratio(va, vb),
                }
            )
        if len(pair_rows) > 1:  # several figures differ: perhaps two items, not one claim
            # all of them far apart (36.9 / 8.6 billion and 46.8 / 2 %: two funds), not one
            # figure misreported with what follows from it (39 / 75 cents, 57.04 / 57.38)
            apart = all(float(row.pop("_ratio")) >= 2 for row in pair_rows)  # type: ignore[arg-type]
            # a market report whose every figure differs (gold «0.2 % to 1088.10» / «0.3 % to
            # 1092.10», an index's points and percent): two readings of the market at
            # different hours more likely than one misreported
            market = bool(set(ka) & set(kb) & lex.market_words)
            for row in pair_rows:
                penalty = (0.5 if apart else 0.3) + (0.3 if market else 0.0)
                row["confidence"] = float(row["confidence"]) - penalty  # type: ignore[arg-type]
                row["what"] = f"{row['what']} ({len(pair_rows)} figures differ" + (
                    "; market readings, perhaps of different hours)" if market else ")"
                )
        elif pair_rows and not undated and set(ka) & set(kb) & lex.market_words:
            # one price of a market report differs (silver «0.1 % to 14.63» / «0.1 % to
            # 14.75 dollars an ounce», neither side dated): a wire updated through the day,
            # perhaps two hours' readings, as likely as a figure misreported
            row = pair_rows[0]
            row["confidence"] = float(row["confidence"]) - 0.3  # type: ignore[arg-type]
            row["what"] = f"{row['what']} (a market reading, perhaps of another hour)"
        for row in pair_rows:
            row.pop("_ratio", None)
            row["confidence"] = max(0.0, min(1.0, float(row["confidence"])))  # type: ignore[arg-type]
        rows.extend(pair_rows)
    return rows


_CLOCK = re.compile(r"(?:الساعة|الساعه)\s*\(?\s*(\d{1,2}(?:[:.]\d{2})?|\d{4})(?!\d)")


def _clock_times(text: str, close_phrases: Sequence[str] = ()) -> set[str]:
    """Clock times a statement gives («بحلول الساعة 0647», «الساعة 3:25»), as hhmm.

    ``close``: the statement dates its figures to the session's close («عند التسوية»),
    one of ``close_phrases`` (match-normalized).
    """
    out = set()
    for found in _CLOCK.findall(normalize(text, level="display")):
        digits = re.sub(r"\D", "", found)
        out.add(digits.zfill(4) if len(digits) > 2 else digits.zfill(2) + "00")
    if close_phrases:
        norm = " ".join(normalize(text).split())
        if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", norm) for p in close_phrases):
            out.add("close")
    return out


def _two_calendars(a: list[set[float]], b: list[set[float]]) -> bool:
    """One side gives Hijri years only (1300-1500) and the other Gregorian years only
    (1900-2100): the same year in two calendars, not two years."""

    def years(values: list[set[float]], lo: int, hi: int) -> bool:
        flat = [v for vals in values for v in vals]
        return bool(flat) and all(lo <= v < hi for v in flat)

    return (years(a, 1300, 1500) and years(b, 1900, 2100)) or (
        years(b, 1300, 1500) and years(a, 1900, 2100)
    )


def _opposite_moves(
    ops: Sequence[tuple[str, int, int, int, int]], ka: list[str], kb: list[str]
) -> bool:
    """Whether a replaced word is the opposite of the other side's (rises / falls)."""
    from narratives.align._text import light_key
    from narratives.align.aligner import load_opposites

    opposites = load_opposites()

    def keys(word: str) -> set[str]:
        bare = word[1:] if len(word) > 3 and word[0] in "وف" else word
        return {word, bare, light_key(word), light_key(bare)}

    for op, i1, i2, j1, j2 in ops:
        if op != "replace":
            continue
        for x in ka[i1:i2]:
            for y in kb[j1:j2]:
                if any(frozenset({p, q}) in opposites for p in keys(x) for q in keys(y)):
                    return True
    return False


def _approximately(
    a: list[set[float]],
    b: list[set[float]],
    before_a: list[str],
    before_b: list[str],
    lex: _FigureLexicon,
) -> bool:
    """A round figure after an approximating word (نحو, أكثر من) within 10 % of the other."""
    words = lex.approximate
    for vals, other, before in ((a, b, before_a), (b, a, before_b)):
        near = set(before) | {t[1:] for t in before if t[:1] in "وبلفك"}  # لأكثر من
        if len(vals) != 1 or len(other) != 1 or not near & words:
            continue
        for x in vals[0]:
            if (
                x >= 10
                and x % 10 == 0
                and any(y and abs(x - y) <= 0.1 * max(x, y) for y in other[0])
            ):
                return True
    return False


def _ratio(a: list[set[float]], b: list[set[float]]) -> float:
    """How far apart two figures are: the larger over the smaller of their largest values."""
    x = max((v for vals in a for v in vals), default=0.0)
    y = max((v for vals in b for v in vals), default=0.0)
    lo, hi = sorted((abs(x), abs(y)))
    return hi / lo if lo else float("inf")


def _house_variant(a: list[str], b: list[str]) -> bool:
    return bool(a) and bool(b) and variant_kind(" ".join(a), " ".join(b)) is not None


def _on_both_sides(
    pairs: pl.DataFrame, values: pl.DataFrame, column: str, name_a: str, name_b: str
) -> pl.DataFrame:
    """``pairs`` with ``values[column]`` of each side's statement, as ``name_a`` and ``name_b``."""
    for side, name in (("statement_id_a", name_a), ("statement_id_b", name_b)):
        pairs = pairs.join(
            values.select("statement_id", column).rename({"statement_id": side, column: name}),
            on=side,
            how="left",
        )
    return pairs


def _certainty(confidence: pl.Expr) -> pl.Expr:
    return (
        pl.when(confidence >= 0.8)
        .then(pl.lit("high"))
        .when(confidence >= 0.5)
        .then(pl.lit("medium"))
        .otherwise(pl.lit("low"))
    )


def discrepancies(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    entity_mentions: pl.DataFrame | None = None,
    *,
    stories: pl.DataFrame | None = None,
    relations: Sequence[str] = SAME_CLAIM_RELATIONS,
    cross_outlet: bool = True,
    mode: Literal["conflict", "any"] = "conflict",
    min_confidence: float = 0.5,
    max_span: int = 6,
    other_days: bool = False,
    entity_kinds: Sequence[str] | None = ("speaker",),
    months: str | Path = "months.yaml",
    quantities: str | Path = "quantities.yaml",
    figures: str | Path = "figures.yaml",
) -> pl.DataFrame:
    """Different figures, dates, speakers or entities in statements of one claim.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``text``; ``published``,
        ``speaker``, ``entities`` when present).
    alignments
        ``schemas.ALIGNMENTS``.
    claims
        ``schemas.CLAIMS``: when given, a pair is compared only when both
        statements belong to one claim (whatever the relation band, so the
        table follows the alignment threshold); without claims, pairs whose
        ``relation`` is in ``relations``.
    entity_mentions
        ``schemas.ENTITY_MENTIONS`` to type the entities (person, place, ...).
    stories
        ``article_id``, ``story_id`` (``narratives.group_stories``): only
        pairs of articles of the same story.
    cross_outlet
        Only pairs from different outlets.
    mode
        For speakers and entities: ``"conflict"`` (each side names one the
        other lacks) or ``"any"`` (the sets differ).
    min_confidence
        Drop rows less certain than this (default 0.5: medium and high
        certainty only; 0 lists the low ones too, "perhaps two items").
    other_days
        Also compare figures of articles published on different days
        (reported with low certainty; never when the statements speak
        relative to the day: اليوم, غدا ...). Off by default: daily reports
        (weather, markets) of two days share their wording, not their figures.
    entity_kinds
        Kinds of agents compared besides figures and dates: ``speaker``
        (default) and entity types such as ``person``, ``organisation``,
        ``place`` (capitals stand for their countries, so places differ in
        wording without differing in fact); ``None`` for every kind.
    max_span
        Longest replaced span (words) read as one slot.
    months, quantities, figures
        Lexicons: month names, scale words, list markers and day words.

    Returns
    -------
    pl.DataFrame
        ``schemas.DISCREPANCIES``, one row per pair and slot (figures,
        dates) or per pair and kind (speakers, entities), most certain first.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"],
    ...     "text": ["وصول أكثر من 700 طن من المساعدات", "وصول أكثر من 500 طن من المساعدات"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["rt"], "outlet_b": ["sana"], "score": [90.0], "relation": ["paraphrase"]})
    >>> discrepancies(st, al)[["kind", "value_a", "value_b", "certainty"]].rows()
    [('number', ['700 طن'], ['500 طن'], 'high')]
    """
    from narratives.compare.substitutions import difflib_opcodes

    check(statements, ("statement_id", "text"), name="statements", stage="discrepancies")
    check(alignments, ALIGNMENT_COLUMNS, name="alignments", stage="discrepancies")
    if mode not in ("conflict", "any"):
        raise ValueError(f"discrepancies: mode must be 'conflict' or 'any', not {mode!r}")
    pairs = same_claim_pairs(
        alignments, claims, stories=stories, relations=tuple(relations), cross_outlet=cross_outlet
    ).select("statement_id_a", "statement_id_b", "outlet_a", "outlet_b", "relation", "claim_id")
    lex = _figure_lexicon(months, quantities, figures)
    figure_rows = _figure_rows(
        statements,
        pairs,
        lex,
        max_span=max_span,
        other_days=other_days,
        opcodes=lambda x, y: list(difflib_opcodes(x, y)),
    )
    texts = statements.select("statement_id", "text")
    ids = pl.concat([pairs["statement_id_a"], pairs["statement_id_b"]]).unique().implode()
    subset = statements.filter(pl.col("statement_id").is_in(ids))
    if "speaker_mention" in subset.columns and "speaker" in subset.columns:
        # a speaker found by co-reference ("وبين أن") or carried over is no evidence of who
        # said it: compare speakers only where the statement names them
        named = pl.col("speaker_mention").is_not_null() & pl.col("text").str.contains(
            pl.col("speaker_mention"), literal=True
        )
        subset = subset.with_columns(
            speaker=pl.when(named).then(pl.col("speaker")).otherwise(pl.lit(None, pl.String))
        )
    values = (
        _agent_values(subset, entity_mentions)
        .filter(~pl.col("kind").is_in(["number", "date"]))
        .filter(pl.lit(True) if entity_kinds is None else pl.col("kind").is_in(list(entity_kinds)))
        .group_by("statement_id", "kind")
        .agg(pl.col("value").unique().sort())
    )
    kinds = values.select("kind").unique()
    agents = (
        pairs.join(kinds, how="cross")
        .join(
            values.rename({"statement_id": "statement_id_a", "value": "set_a"}),
            on=["statement_id_a", "kind"],
            how="left",
        )
        .join(
            values.rename({"statement_id": "statement_id_b", "value": "set_b"}),
            on=["statement_id_b", "kind"],
            how="left",
        )
        .filter(pl.col("set_a").is_not_null() & pl.col("set_b").is_not_null())
        .with_columns(
            value_a=pl.col("set_a").list.set_difference("set_b").list.sort(),
            value_b=pl.col("set_b").list.set_difference("set_a").list.sort(),
        )
    )
    a_has, b_has = pl.col("value_a").list.len() > 0, pl.col("value_b").list.len() > 0
    agents = agents.filter(a_has & b_has if mode == "conflict" else a_has | b_has)
    # an entity swap is one name against one name; lists of attendees differ without conflict
    one_each = (pl.col("value_a").list.len() == 1) & (pl.col("value_b").list.len() == 1)
    # speakers: only canonical actor ids (actors.yaml) on both sides; names read from open
    # text ("فهد المقحم" / "فهد المقحم المبتعثين", a title / the name) are not told apart
    canonical = pl.col("value_a").list.eval(
        pl.element().str.contains(r"^[a-z0-9_]+$")
    ).list.all() & (
        pl.col("value_b").list.eval(pl.element().str.contains(r"^[a-z0-9_]+$")).list.all()
    )
    agents = agents.filter(
        ((pl.col("kind") == "speaker") & canonical) | ((pl.col("kind") != "speaker") & one_each)
    )
    # a statement naming the other side's speaker too («ولي ولي العهد للرئيس المصري:»
    # against «فخامة الرئيس: ...», «خادم الحرمين يؤكد للسيسي» against «أكد خادم الحرمين ...
    # وأخوه فخامة الرئيس المصري»): who spoke to whom, read two ways, not two speakers
    # (not sure: hidden at the default)
    addressee = pl.lit(False)
    if "entities" in subset.columns:
        entity_sets = subset.select("statement_id", pl.col("entities").fill_null([]))
        agents = _on_both_sides(agents, entity_sets, "entities", "_named_a", "_named_b")
        a_in_b = pl.col("value_a").list.set_difference(pl.col("_named_b").fill_null([]))
        b_in_a = pl.col("value_b").list.set_difference(pl.col("_named_a").fill_null([]))
        addressee = (pl.col("kind") == "speaker") & (
            (a_in_b.list.len() == 0) | (b_in_a.list.len() == 0)
        )
    agents = agents.with_columns(
        confidence=pl.when(addressee)
        .then(0.3)
        .when(pl.col("kind") == "speaker")
        .then(0.6)
        .otherwise(0.5),
        what=pl.format(
            "{}: {} | {}",
            "kind",
            pl.col("value_a").list.join(", "),
            pl.col("value_b").list.join(", "),
        )
        + pl.when(addressee)
        .then(pl.lit(" (one statement names the other's speaker too: perhaps the one spoken to)"))
        .otherwise(pl.lit("")),
    )
    frames = [
        agents.select(
            *pairs.columns,
            "kind",
            "value_a",
            "value_b",
            "what",
            pl.col("confidence").cast(pl.Float64),
        )
    ]
    if figure_rows:
        frames.append(
            pl.DataFrame(
                figure_rows,
                schema={
                    **dict(pairs.schema),
                    "kind": pl.String,
                    "value_a": pl.List(pl.String),
                    "value_b": pl.List(pl.String),
                    "what": pl.String,
                    "confidence": pl.Float64,
                },
            )
        )
    rows = pl.concat(frames, how="vertical_relaxed").filter(pl.col("confidence") >= min_confidence)
    rows = _on_both_sides(rows, texts, "text", "text_a", "text_b")
    # a pair may give several rows of one kind (two figures differing): their span text
    # (``what``) orders them, so that the table is the same from run to run
    out = rows.with_columns(certainty=_certainty(pl.col("confidence"))).sort(
        ["confidence", "statement_id_a", "statement_id_b", "kind", "what"],
        descending=[True, False, False, False, False],
        maintain_order=True,
    )
    return schemas.conform(out, schemas.DISCREPANCIES).select(schemas.DISCREPANCIES.names())
