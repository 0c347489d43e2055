"""Label choices: the names each outlet uses for the same referent.

The referents and their labels come from a lexicon shipped as data
(``narratives/lexicons/labels.yaml``); users pass their own file in the same
format (``labels=PATH``) or a mapping. Matching is on match-normalized text,
tolerant of punctuation between words and of leading proclitics; at one place
the longest label wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

from narratives import schemas
from narratives._resources import load_yaml
from narratives.compare._common import check
from narratives.compare._text import normalized
from narratives.normalize import normalize_with_offsets, tokenize

CONNOTATIONS: tuple[str, ...] = ("neutral", "delegitimizing", "legitimizing", "self_name")

LabelSource = str | Path | Mapping[str, Any]

#: marks that come in pairs around a name in normalized text (quotes, slashes)
_PAIRED = ('"', "'", "/")


def load_labels(labels: LabelSource = "labels.yaml") -> pl.DataFrame:
    """The label lexicon as rows: ``referent``, ``label``, ``connotation``, ``form``.

    ``form`` is one match-normalized spelling (the label itself and its
    ``forms``). Errors name the file and the entry at fault.

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
    rows: list[dict[str, str]] = []
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
                    }
                )
    lex = pl.DataFrame(
        rows,
        schema={
            "referent": pl.String,
            "label": pl.String,
            "connotation": pl.String,
            "form": pl.String,
        },
    )
    clash = lex.group_by("form").agg(pl.col("label").n_unique().alias("k")).filter(pl.col("k") > 1)
    if clash.height:
        raise ValueError(f"{where}: forms listed under two labels: {clash['form'].to_list()}")
    return lex.unique("form", keep="first", maintain_order=True)


def _form_pattern(form: str) -> str:
    first, *rest = form.split(" ")
    if first.startswith("ال") and len(first) > 2:
        head = "(?:[وف]?(?:[بك]?ال|لل))" + re.escape(first[2:])
    else:
        head = "[وفبلك]{0,2}" + re.escape(first)
    return head + "".join(r"[^\w]+" + re.escape(t) for t in rest)


def _matcher(lex: pl.DataFrame) -> tuple[re.Pattern[str], list[dict[str, Any]], list[str]]:
    """One regex for all forms (longest first), the row of each group, prefilter keys."""
    ordered = lex.with_columns(
        words=pl.col("form").str.count_matches(" ") + 1, chars=pl.col("form").str.len_chars()
    ).sort(["words", "chars", "form"], descending=[True, True, False])
    rows = ordered.select("referent", "label", "connotation", "form").to_dicts()
    body = "|".join(f"({_form_pattern(r['form'])})" for r in rows)
    keys = set()
    for r in rows:
        words = r["form"].split(" ")
        longest = max(words, key=len)
        if longest == words[0] and longest.startswith("ال") and len(longest) > 2:
            longest = longest[2:]
        keys.add(longest)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)"), rows, sorted(keys)


def label_choices(statements: pl.DataFrame, *, labels: LabelSource = "labels.yaml") -> pl.DataFrame:
    """How often each outlet uses each label of each referent, with the statements.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``outlet``, ``text``).
    labels
        A label lexicon: a shipped file name, a path, or a mapping in the
        format of ``narratives/lexicons/labels.yaml``.

    Returns
    -------
    pl.DataFrame
        ``schemas.LABELS``; ``forms`` are the words as written in the
        statements, ``share`` the label's share of the referent's mentions in
        that outlet.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"], "outlet": ["sana", "ittihad"],
    ...     "text": ["مكافحة تنظيم “داعش” الإرهابي", "مساعدة متشددي «داعش»."]})
    >>> label_choices(st)[["outlet", "label", "forms"]].rows()  # doctest: +NORMALIZE_WHITESPACE
    [('ittihad', 'متشددي داعش', ['متشددي «داعش»']),
     ('sana', 'تنظيم داعش الإرهابي', ['تنظيم “داعش” الإرهابي'])]
    """
    check(statements, ("statement_id", "outlet", "text"), name="statements", stage="label_choices")
    lex = load_labels(labels)
    pattern, rows, keys = _matcher(lex)
    candidates = (
        statements.select("statement_id", "outlet", "text")
        .with_columns(norm=normalized(pl.col("text")))
        .filter(pl.col("norm").str.contains_any(keys))
    )
    found: list[tuple[str, str | None, str, str, str, str]] = []
    for sid, outlet, text, _ in candidates.iter_rows():
        norm, offsets = normalize_with_offsets(text)
        for m in pattern.finditer(norm):
            row = rows[m.lastindex - 1]  # type: ignore[operator]
            stop = m.end()
            for mark in _PAIRED:  # keep the closing mark of «داعش» or /داعش/
                if norm[m.start() : stop].count(mark) % 2 and norm[stop : stop + 1] == mark:
                    stop += 1
            begin = m.start()
            if (
                begin > 0
                and norm[begin - 1] in _PAIRED
                and norm[stop : stop + 1] == norm[begin - 1]
            ):
                begin, stop = begin - 1, stop + 1  # the marks around /داعش/
            start, end = offsets[begin], offsets[stop - 1] + 1
            found.append(
                (row["referent"], outlet, row["label"], row["connotation"], text[start:end], sid)
            )
    hits = pl.DataFrame(
        found,
        schema={
            "referent": pl.String,
            "outlet": pl.String,
            "label": pl.String,
            "connotation": pl.String,
            "form": pl.String,
            "statement_id": pl.String,
        },
        orient="row",
    )
    out = (
        hits.group_by("referent", "label", "connotation", "outlet")
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("form").unique().sort().alias("forms"),
            pl.col("statement_id").unique().sort().alias("statement_ids"),
        )
        .with_columns(share=pl.col("n") / pl.col("n").sum().over("referent", "outlet"))
        .sort(
            ["referent", "outlet", "n", "label"],
            descending=[False, False, True, False],
            nulls_last=True,
        )
    )
    return schemas.conform(out, schemas.LABELS).select(schemas.LABELS.names())
