"""Words of one meaning in news copy (``lexicons/synonyms.tsv``), for the omission checks only.

"Outlet X left out claim C" is false when X gives C with other words: مروحية
and هليكوبتر, استعراض جوي and عرض جوي, استشهاد and مقتل. The omission table
asks "did X carry C?" on content words (containment of the closest
statements, :mod:`narratives.compare._closest`; the words-in-X's-text and
headline tests, :mod:`narratives.compare._certainty`); there, each content
word of a synonym group is replaced by the group's name, so a claim word
counts as found when X's text holds a word of its group. The groups are
never used to align statements or to call two statements one claim.

A token is looked up as written, then with one proclitic (و ف ب ل ك) and
ال off, each through :func:`narratives.align._text.light_key` (يرحب, رحبت ->
رحب); a phrase of two words matches two consecutive content words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from narratives._resources import load_tsv

#: prefix of a group's token: no Arabic word starts with it, no stemmer touches it
_MARK = "~"


@dataclass(frozen=True)
class Synonyms:
    """Synonym groups by light stem: single words and two-word phrases."""

    words: dict[str, str]
    phrases: dict[tuple[str, str], str]

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


@lru_cache(maxsize=1 << 18)
def _keys(token: str) -> tuple[str, ...]:
    """Light stems of ``token`` as written and with one proclitic and ال off."""
    # cached: a story's words recur in every statement compared (1.9 M calls on two days)
    from narratives.align._text import light_key

    forms = [token]
    rest = token
    if len(rest) > 3 and rest[0] in "وفبلك":
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > 4 and rest.startswith("ال"):
        forms.append(rest[2:])
    elif len(rest) > 3 and rest.startswith("ل") and token[0] in "ل" and rest != token:
        forms.append(rest[1:])  # لل: ل + ال
    keys: list[str] = []
    for form in forms:
        for key in (form, light_key(form)):
            if key not in keys:
                keys.append(key)
    return tuple(keys)


@lru_cache(maxsize=4)
def load_synonyms(name_or_path: str | Path = "synonyms.tsv") -> Synonyms:
    """The synonym groups of a TSV with ``group`` and ``word`` columns (default: shipped).

    Examples
    --------
    >>> syn = load_synonyms()
    >>> syn.words["هليكوبتر"] == syn.words["مروحيه"]
    True
    """
    from narratives.align._text import light_key
    from narratives.normalize import normalize

    table = load_tsv(name_or_path)
    if not {"group", "word"} <= set(table.columns):
        raise ValueError(f"{name_or_path}: a synonyms TSV needs 'group' and 'word' columns")
    words: dict[str, str] = {}
    phrases: dict[tuple[str, str], str] = {}
    for group, entry in zip(table["group"], table["word"], strict=True):
        if not group or not entry:
            continue
        parts = normalize(entry).split()
        parts = [p[2:] if p.startswith("ال") and len(p) > 4 else p for p in parts]
        name = _MARK + group
        if len(parts) == 1:
            for key in {parts[0], light_key(parts[0])}:
                words.setdefault(key, name)
        elif len(parts) == 2:
            phrases[(light_key(parts[0]), light_key(parts[1]))] = name
        else:
            raise ValueError(f"{name_or_path}: {entry!r}: one word or a phrase of two words")
    return Synonyms(words, phrases)


def _group(token: str, table: dict[str, str]) -> str | None:
    for key in _keys(token):
        hit = table.get(key)
        if hit is not None:
            return hit
    return None


def with_synonyms(
    tokens: Sequence[Sequence[str]], synonyms: Synonyms | None = None
) -> list[list[str]]:
    """Each token list with the words of a synonym group replaced by the group's name.

    Examples
    --------
    >>> a = with_synonyms([["تحطم", "مروحيه", "استعراض", "جوي"],
    ...                    ["تحطم", "هيلكوبتر", "بعرض", "جوي"]])
    >>> a[0] == a[1]
    True
    >>> with_synonyms([["عرض", "سعر"]])  # عرض alone is also "offer": unchanged
    [['عرض', 'سعر']]
    """
    syn = load_synonyms() if synonyms is None else synonyms
    if not syn:
        return [list(t) for t in tokens]
    # each distinct token looked up once: its group (or itself), and whether one of its
    # keys opens a phrase (most do not: no need to look at the next token)
    first = {x for x, _ in syn.phrases}
    word: dict[str, str] = {}
    opens: dict[str, bool] = {}
    out: list[list[str]] = []
    for toks in tokens:
        row: list[str] = []
        k, n = 0, len(toks)
        while k < n:
            token = toks[k]
            if k + 1 < n and first:
                opening = opens.get(token)
                if opening is None:
                    opening = opens[token] = not first.isdisjoint(_keys(token))
                if opening:
                    second = _keys(toks[k + 1])
                    hit = next(
                        (
                            syn.phrases[(x, y)]
                            for x in _keys(token)
                            for y in second
                            if (x, y) in syn.phrases
                        ),
                        None,
                    )
                    if hit is not None:
                        row.append(hit)
                        k += 2
                        continue
            grouped = word.get(token)
            if grouped is None:
                grouped = word[token] = _group(token, syn.words) or token
            row.append(grouped)
            k += 1
        out.append(row)
    return out
