"""Word substitutions: "outlet A writes X where outlet B writes Y".

Token-level diffs (``difflib.SequenceMatcher`` on match-normalized,
proclitic-stripped tokens) of aligned statement pairs from different outlets,
aggregated over pairs and ranked by how many pairs show each substitution.
The loop runs over aligned pairs only, which is bounded by the alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher

import polars as pl
from rapidfuzz.distance import Indel
from tqdm import tqdm

from narratives import schemas
from narratives.compare._common import ALIGNMENT_COLUMNS, SAME_CLAIM_RELATIONS, check
from narratives.compare._text import proclitic_map, statement_tokens

Opcodes = Callable[[Sequence[str], Sequence[str]], Iterable[tuple[str, int, int, int, int]]]


def difflib_opcodes(a: Sequence[str], b: Sequence[str]) -> Iterable[tuple[str, int, int, int, int]]:
    """``difflib.SequenceMatcher`` opcodes of two token lists (no junk heuristic)."""
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def indel_opcodes(a: Sequence[str], b: Sequence[str]) -> Iterable[tuple[str, int, int, int, int]]:
    """Opcodes from RapidFuzz's Indel (LCS) alignment, adjacent edits merged into one
    ``replace`` as difflib reports them; several times faster than difflib."""
    merged: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag != "equal" and merged and merged[-1][0] != "equal":
            _, pi1, _, pj1, _ = merged[-1]
            merged[-1] = ("replace", pi1, i2, pj1, j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return [
        ("replace" if t != "equal" and i1 < i2 and j1 < j2 else t, i1, i2, j1, j2)
        for t, i1, i2, j1, j2 in merged
    ]


def token_substitutions(
    a: Sequence[str],
    b: Sequence[str],
    *,
    max_span: int = 3,
    indels: bool = False,
    opcodes: Opcodes = difflib_opcodes,
) -> list[tuple[str, str]]:
    """The replaced token spans between two token lists, as ``(in a, in b)`` strings.

    Examples
    --------
    >>> token_substitutions("قال لافروف ان الارهابيين".split(), "قال لافروف ان المسلحين".split())
    [('الارهابيين', 'المسلحين')]
    >>> a, b = "قال عبد العزيز".split(), "قال عبدالعزيز".split()
    >>> token_substitutions(a, b, opcodes=indel_opcodes)
    [('عبد العزيز', 'عبدالعزيز')]
    """
    if a == b:
        return []
    out = []
    for op, i1, i2, j1, j2 in opcodes(a, b):
        if op == "equal" or (op != "replace" and not indels):
            continue
        if i2 - i1 > max_span or j2 - j1 > max_span:
            continue
        out.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def substitutions(
    statements: pl.DataFrame,
    alignments: pl.DataFrame,
    *,
    relations: Sequence[str] = SAME_CLAIM_RELATIONS,
    max_span: int = 3,
    indels: bool = False,
    clitics: bool = True,
    min_count: int = 1,
    max_examples: int = 5,
    opcodes: Opcodes = difflib_opcodes,
    progress: bool = False,
) -> pl.DataFrame:
    """Ranked word substitutions between outlets, mined from aligned pairs.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``text``).
    alignments
        ``schemas.ALIGNMENTS``; only pairs of different outlets whose
        ``relation`` is in ``relations`` are diffed.
    max_span
        Longest replaced span (tokens, either side) kept as a substitution;
        longer differences are rewrites, not word choices.
    indels
        Also keep insertions and deletions (one side empty).
    clitics
        Strip proclitics (و ف ب ل ك, not ال) where the rest is a known word,
        so وقال / قال is no substitution.
    min_count
        Keep substitutions seen in at least this many pairs.
    max_examples
        Example pairs kept per row.
    opcodes
        The token differ: :func:`difflib_opcodes` (``difflib.SequenceMatcher``,
        the default) or :func:`indel_opcodes` (RapidFuzz, faster on large
        corpora), or any function returning difflib-style opcodes.
    progress
        Show a progress bar over the pairs.

    Returns
    -------
    pl.DataFrame
        ``schemas.SUBSTITUTIONS``, outlets ordered so ``outlet_a < outlet_b``.

    Examples
    --------
    >>> st = pl.DataFrame({"statement_id": ["a:1", "b:1"],
    ...     "text": ["سمحت بإلحاق هزائم بالإرهابيين", "سمحت بإلحاق هزائم بالمسلحين"]})
    >>> al = pl.DataFrame({"statement_id_a": ["a:1"], "statement_id_b": ["b:1"],
    ...     "outlet_a": ["sana"], "outlet_b": ["rt"], "score": [90.0], "relation": ["paraphrase"]})
    >>> substitutions(st, al)[["outlet_a", "term_a", "outlet_b", "term_b", "n"]].rows()
    [('rt', 'بالمسلحين', 'sana', 'بالارهابيين', 1)]
    """
    check(statements, ("statement_id", "text"), name="statements", stage="substitutions")
    check(alignments, ALIGNMENT_COLUMNS, name="alignments", stage="substitutions")
    pairs = alignments.filter(
        pl.col("relation").is_in(list(relations))
        & pl.col("outlet_a").ne_missing(pl.col("outlet_b"))
    ).select("statement_id_a", "statement_id_b", "outlet_a", "outlet_b")
    toks = statements.select("statement_id", "text", tok=statement_tokens(statements))
    toks = toks.join(
        pl.concat([pairs["statement_id_a"], pairs["statement_id_b"]])
        .unique()
        .to_frame("statement_id"),
        on="statement_id",
        how="semi",
    )
    if clitics:
        vocab_frame = statements.select(tok=statement_tokens(statements)).explode("tok")
        vocab = set(vocab_frame["tok"].drop_nulls().unique().to_list())
        used = set(toks["tok"].explode().drop_nulls().unique().to_list())
        mapping = proclitic_map(used, vocab)
        toks = toks.with_columns(pl.col("tok").list.eval(pl.element().replace(mapping)))
    by_id = {sid: tok for sid, tok in toks.select("statement_id", "tok").iter_rows()}
    rows: list[tuple[str | None, str | None, str, str, str, str]] = []
    for sid_a, sid_b, out_a, out_b in tqdm(
        pairs.iter_rows(), total=pairs.height, disable=not progress, desc="substitutions"
    ):
        a, b = by_id.get(sid_a), by_id.get(sid_b)
        if a is None or b is None:
            continue
        flip = (out_a or "") > (out_b or "")
        for x, y in token_substitutions(a, b, max_span=max_span, indels=indels, opcodes=opcodes):
            if flip:
                rows.append((out_b, out_a, y, x, sid_b, sid_a))
            else:
                rows.append((out_a, out_b, x, y, sid_a, sid_b))
    found = pl.DataFrame(
        rows,
        schema={
            "outlet_a": pl.String,
            "outlet_b": pl.String,
            "term_a": pl.String,
            "term_b": pl.String,
            "statement_id_a": pl.String,
            "statement_id_b": pl.String,
        },
        orient="row",
    ).unique(maintain_order=True)
    texts = statements.select("statement_id", "text")
    out = (
        found.group_by("outlet_a", "outlet_b", "term_a", "term_b")
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("statement_id_a").head(max_examples),
            pl.col("statement_id_b").head(max_examples),
        )
        .filter(pl.col("n") >= min_count)
        .with_columns(
            rank=pl.col("n")
            .rank("min", descending=True)
            .over("outlet_a", "outlet_b")
            .cast(pl.Int32),
            first_a=pl.col("statement_id_a").list.first(),
            first_b=pl.col("statement_id_b").list.first(),
        )
        .join(
            texts.rename({"statement_id": "first_a", "text": "example_a"}), on="first_a", how="left"
        )
        .join(
            texts.rename({"statement_id": "first_b", "text": "example_b"}), on="first_b", how="left"
        )
        .sort(
            ["outlet_a", "outlet_b", "n", "term_a", "term_b"],
            descending=[False, False, True, False, False],
            nulls_last=True,
        )
    )
    return schemas.conform(out, schemas.SUBSTITUTIONS).select(schemas.SUBSTITUTIONS.names())
