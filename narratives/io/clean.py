"""Split an article's raw text into headline, body and what is set aside.

:func:`clean_article` labels every non-blank line (or line piece) of the raw
text with a role, as ``{role, start, end}`` spans into ``raw_text``:

``headline``     the top headline (a duplicate of it is ``boilerplate``)
``subheadline``  a crosshead inside the body (kept in ``text``)
``body``         running text (kept in ``text``)
``dateline``     "موسكو-سانا", "موسكو (وكالات)" (outlet cue, not body)
``credit``       "المصدر: روسيا اليوم", copyright lines naming an outlet
``date``         a line holding only a date ("13 ابريل 2017 10:48")
``boilerplate``  page header and navigation, promotions, phone numbers,
                 copyright, view counters, duplicated headlines

Lines are never merged or rewritten: a sentence wrapped over two lines stays
two ``body`` spans. The patterns are data (``lexicons/boilerplate.yaml``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from narratives._resources import load_yaml
from narratives.io._text import fold, fold_lines, fold_pattern, line_pieces, word_count
from narratives.io.dates import DatePatterns, find_dates, load_months
from narratives.io.outlets import Outlets, load_outlets

SHIPPED = "boilerplate.yaml"
KEPT_ROLES: tuple[str, ...] = ("headline", "subheadline", "body")
HEADLINE_MAX_WORDS = 25
SUBHEADLINE_MAX_WORDS = 15
CREDIT_MAX_WORDS = 6
#: lines longer than this (characters) are never navigation, promotion or credit lines
FURNITURE_MAX_CHARS = 200
_END_PUNCT = tuple(".!?:…;,،؛؟")
_SENTENCE_END = (*_END_PUNCT, '"', "'", "”", "»", "’")
_CLOSERS = "\"'”»’) "
#: a line opening with a list marker: a dash or bullet, or a number with - . )
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·]|[0-9٠-٩]{1,2}\s*[-–.)](?![0-9٠-٩\u200f]))")


def _list_items(lines: list[str]) -> set[int]:
    """Indices of the lines that open with a list marker next to another such line (blank
    lines between aside): the items of a list. A lone marked line may be a crosshead
    («- استحالة بقاء الأسد» between paragraphs)."""
    kept = [i for i, line in enumerate(lines) if line.strip()]
    marked = {i for i in kept if _LIST_ITEM.match(lines[i])}
    out: set[int] = set()
    for a, b in itertools.pairwise(kept):
        if a in marked and b in marked:
            out |= {a, b}
    return out


_QUOTE_PAIRS = (("“", "”"), ("«", "»"))
_WORDS = r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}"
_DATELINE_START = re.compile(rf"^(?P<place>{_WORDS}?)\s*(?P<sep>[-–—/(])\s*")
_PLACE_DATE = r"[^\W\d_]+(?:\s+[^\W_]+){0,5}"  # place, perhaps with a date: "دمشق 13 نيسان 2016"
_WHOLE_DATELINE = re.compile(rf"^{_PLACE_DATE}\s*(?:[-–—/]\s*{_WORDS}|\(\s*{_WORDS}\s*\))$")


@dataclass(frozen=True)
class LinePatterns:
    """A group of line patterns: the ``^``-anchored ones in one regex, the rest apart.

    (One big alternation of unanchored patterns is slow: it is tried at every
    position of every line.)
    """

    anchored: re.Pattern[str]
    unanchored: tuple[re.Pattern[str], ...]

    def search(self, line: str) -> bool:
        """Whether any pattern matches the (folded) ``line``."""
        return self.anchored.match(line) is not None or any(p.search(line) for p in self.unanchored)


@dataclass(frozen=True)
class CleaningRules:
    """Boilerplate patterns compiled once (build with :func:`load_rules`)."""

    boilerplate: LinePatterns
    navigation: LinePatterns
    copyright: LinePatterns
    credit_prefix: LinePatterns
    agencies: frozenset[str]


@dataclass
class CleanedArticle:
    """What :func:`clean_article` found: spans, headline and cleaned body."""

    spans: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    text: str = ""


def _union(patterns: Iterable[str]) -> LinePatterns:
    folded = [fold_pattern(p) for p in patterns]
    anchored = "|".join(f"(?:{p[1:]})" for p in folded if p.startswith("^"))
    return LinePatterns(
        anchored=re.compile(anchored or r"(?!x)x"),
        unanchored=tuple(re.compile(p) for p in folded if not p.startswith("^")),
    )


@lru_cache(maxsize=8)
def load_rules(path: str | Path = SHIPPED) -> CleaningRules:
    """Compile the boilerplate lexicon at ``path`` (default: the shipped file)."""
    data: dict[str, Any] = load_yaml(path)
    # every group of patterns is boilerplate, but for the two lists of other kinds
    groups = [g for g in data if g not in ("dateline_agencies", "credit_prefixes")]
    return CleaningRules(
        boilerplate=_union(p for g in groups for p in data.get(g) or []),
        navigation=_union(data.get("navigation") or []),
        copyright=_union(data.get("copyright") or []),
        credit_prefix=_union(data.get("credit_prefixes") or []),
        agencies=frozenset(fold(str(a)) for a in data.get("dateline_agencies") or []),
    )


def _balanced(text: str) -> bool:
    if text.count('"') % 2:
        return False
    return all(text.count(a) == text.count(b) for a, b in _QUOTE_PAIRS)


def _is_agency(name: str, rules: CleaningRules, outlets: Outlets) -> bool:
    folded = fold(name)
    return folded in rules.agencies or folded in outlets.owners["datelines"]


def _dateline_prefix(line: str, rules: CleaningRules, outlets: Outlets) -> int:
    """Length of a leading dateline ("موسكو (وكالات)", "الرياض - واس -") in ``line``, or 0."""
    match = _DATELINE_START.match(line)
    if match is None:
        return 0
    rest_at = match.end()
    closing = ")" if match.group("sep") == "(" else ""
    words = list(re.finditer(r"[^\W\d_]+", line[rest_at : rest_at + 60]))
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        end = rest_at + words[n - 1].end()
        if not _is_agency(line[rest_at:end], rules, outlets):
            continue
        tail = re.compile(rf"\s*{re.escape(closing)}\s*[-–—:]?\s*" if closing else r"\s*[-–—:]?\s*")
        after = tail.match(line, end)
        stop = after.end() if after else end
        if closing and ")" not in line[end:stop]:
            continue
        return stop if stop < len(line) else len(line)
    return 0


_YEAR = re.compile(r"\b\d{4}\b")
_LETTERS = re.compile(r"[^\W\d_]+")


def _is_dated_dateline(line: str, rules: CleaningRules, outlets: Outlets) -> bool:
    """A short line "PLACE DATE ... AGENCY", e.g. SPA's
    "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"."""
    if _YEAR.search(line) is None:  # most lines: no year, no need to read the words
        return False
    words = _LETTERS.findall(line)  # word_count's words
    return len(words) <= 14 and bool(words) and _is_agency(words[-1], rules, outlets)


def _is_whole_dateline(line: str) -> bool:
    """A short line that is only "PLACE-AGENCY" ("موسكو-سانا") or "PLACE (AGENCY)"."""
    return word_count(line) <= 7 and _WHOLE_DATELINE.match(line) is not None


def clean_article(
    raw_text: str,
    *,
    title: str | None = None,
    outlets: Outlets | None = None,
    rules: CleaningRules | None = None,
    months: DatePatterns | None = None,
) -> CleanedArticle:
    """Label the lines of one article and return its headline and cleaned body.

    Parameters
    ----------
    raw_text
        The article exactly as read.
    title
        The title from metadata, if any. The text is then not searched for a
        headline; a first line repeating the title is marked ``headline``.
    outlets, rules, months
        Compiled lexicons (default: the shipped ones), from
        :func:`~narratives.io.outlets.load_outlets`, :func:`load_rules` and
        :func:`~narratives.io.dates.load_months`.

    Returns
    -------
    CleanedArticle
        ``spans`` (ordered ``{role, start, end}`` dicts covering every
        non-blank line piece), ``title`` (the headline, else ``title``) and
        ``text`` (``headline``-free kept spans joined by ``"\\n"``).

    Examples
    --------
    >>> raw = "موسكو: تعاوننا ساعد\\n\\n44\\n\\nوقال لافروف إن التعاون مفيد.\\n المصدر: روسيا اليوم"
    >>> art = clean_article(raw)
    >>> art.title, art.text
    ('موسكو: تعاوننا ساعد', 'وقال لافروف إن التعاون مفيد.')
    >>> [s["role"] for s in art.spans]
    ['headline', 'boilerplate', 'body', 'credit']
    """
    outlets = outlets or load_outlets()
    rules = rules or load_rules()
    months = months or load_months()
    pieces = list(line_pieces(raw_text))
    lines = [raw_text[s:e] for s, e in pieces]
    # long lines are running text: they are not folded nor matched against patterns
    folded = fold_lines([line if len(line) <= FURNITURE_MAX_CHARS else "" for line in lines])

    # page header: the longest run of navigation / dated lines at the top
    # that ends with a navigation line ("الأربعاء 24 ابريل 2024 ..." + menus)
    header_end = -1
    for i, f in enumerate(folded):
        if f and rules.navigation.search(f):
            header_end = i
        elif not f or not (
            rules.boilerplate.search(f) or (word_count(f) <= 8 and find_dates(f, months))
        ):
            break

    credit_cues = outlets.cues["credits"]
    listed = _list_items(lines)
    title_folded = fold(title) if title else None
    headline: str | None = None
    roles: list[str] = []
    seen_body = False
    for i, f in enumerate(folded):
        line = lines[i]
        if i <= header_end:
            role = "boilerplate"
            roles.append(role)
            continue
        if not f:
            role = "body"
            seen_body = True
            roles.append(role)
            continue
        words = word_count(f)
        if (not seen_body and _is_whole_dateline(line)) or _is_dated_dateline(line, rules, outlets):
            role = "dateline"
        elif rules.credit_prefix.search(f):
            role = "credit"
        elif rules.boilerplate.search(f):
            is_credit = credit_cues.search(f) and rules.copyright.search(f)
            role = "credit" if is_credit else "boilerplate"
        elif words <= CREDIT_MAX_WORDS and credit_cues.search(f):
            role = "credit"
        elif headline is not None and f == headline:
            role = "boilerplate"
        elif months.date_line.match(f):
            role = "date"
        elif (
            headline is None
            and not seen_body
            and (
                f == title_folded
                if title_folded is not None
                else (
                    0 < words <= HEADLINE_MAX_WORDS
                    and not line.endswith(_END_PUNCT)
                    and i < len(folded) - 1
                )
            )
        ):
            role, headline = "headline", f
        elif (
            seen_body
            and words <= SUBHEADLINE_MAX_WORDS
            # «وأضاف "سنعود إلى مستوى 3.8 ... المقبلة."»: a full stop inside the closing
            # quote ends a sentence of the body, not a crosshead
            and not line.rstrip(_CLOSERS).endswith(_END_PUNCT)
            # «- 5 سنوات بمعدل عائد (1.92%)», «1-ترشيح ...»: an item of a list, not a crosshead
            and i not in listed
            and _balanced(line)
            and i < len(folded) - 1
            and roles[-1] in ("body", "subheadline")
            and lines[i - 1].endswith(_SENTENCE_END)
        ):
            role = "subheadline"
        else:
            role = "body"
        if role in ("body", "subheadline"):
            seen_body = True
        roles.append(role)

    spans: list[dict[str, Any]] = []
    first_body = True
    for (start, end), role, line in zip(pieces, roles, lines, strict=True):
        if role == "body" and first_body:
            first_body = False
            cut = _dateline_prefix(line, rules, outlets)
            if 0 < cut < len(line):
                piece_end = start + len(line[:cut].rstrip())
                spans.append({"role": "dateline", "start": start, "end": piece_end})
                start += cut
        spans.append({"role": role, "start": start, "end": end})

    head = next((s for s in spans if s["role"] == "headline"), None)
    text = "\n".join(raw_text[s["start"] : s["end"]] for s in spans if s["role"] in KEPT_ROLES[1:])
    return CleanedArticle(
        spans=spans,
        title=raw_text[head["start"] : head["end"]] if head else title,
        text=text,
    )
