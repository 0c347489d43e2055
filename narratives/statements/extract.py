"""ARTICLES → STATEMENTS: the statements stage."""

from __future__ import annotations

import multiprocessing
import os
import re
import warnings
from bisect import bisect_left
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np
import polars as pl
from tqdm import tqdm

from narratives.schemas import ARTICLES, STATEMENTS, conform, require
from narratives.statements._institutions import qualify_institutions
from narratives.statements._lexicon import Lexicon, Source, load_lexicon
from narratives.statements._nlp import Feat, FeatCache, tokenize
from narratives.statements.attribution import Resolver, State, attribute, someone_else
from narratives.statements.entities import entity_rows, match_phrases
from narratives.statements.segment import (
    Paragraph,
    label_line,
    paragraphs,
    question,
    quote_spans,
    share_head,
    short_line_runs,
    speech_mask,
    speech_spans,
    split_paragraph,
    tag_tail,
)

MAX_CHARS = 250
# the largest worker task when n_process > 1, in characters of article text (about
# 1,000 articles of SaudiNewsNet, 2 CPU s) ...
CHUNK_CHARS = 2_000_000
# ... and the smallest: the last tasks are smaller and smaller (half of what is left
# a worker), so that the workers end together (the last task of one worker is all
# that may run alone)
LEAST_CHARS = 200_000
FEAT_CACHE_MAX = 2_000_000  # distinct tokens whose features are kept
PARALLEL_MIN = 4000  # fewer articles than this run in-process
_COLUMNS = ("article_id", "outlet", "published", "raw_text", "spans")  # what a chunk reads
_ARABIC = re.compile(r"[\u0600-\u06FF]+")
_SEP = "\x1f"  # the unit separator: between the ids of a list while it is made a column


class StatementsWarning(UserWarning):
    """An article gave no statements, or statements the rules cannot attribute."""


def extract_statements(
    articles: pl.DataFrame,
    *,
    actors: Source = None,
    verbs: Source = None,
    entities: Source = None,
    markers: Source = None,
    max_chars: int = MAX_CHARS,
    n_process: int = 1,
    progress: bool = False,
) -> pl.DataFrame:
    """Cut articles into attributed statements.

    Each headline (and subheadline) line is a statement of its own
    (``is_headline=True``), except a short subheadline with no predicate after
    the first body line (a crosshead: ``منتجات التمور``); body text is cut at
    sentence ends, participial reporting clauses (``مشيرا إلى أن``), new
    reporting verbs (``وقال``) and clause connectives, and pieces longer than
    ``max_chars`` are cut where a new clause opens; a piece without a
    predicate (a list item, a title, an adverbial) stays with its neighbour,
    and a body line that is no claim (a crosshead, a byline, a line of tags:
    no predicate, no closing punctuation) gives no statement, nor do verse (a
    run of short lines) and a short question in the narrator's voice (see
    :mod:`narratives.statements.segment`).
    Speakers, reporting verbs and quote types follow
    :mod:`narratives.statements.attribution`. Articles are independent: the
    function can run on any partition of the table.

    Parameters
    ----------
    articles
        An ARTICLES table (:data:`narratives.schemas.ARTICLES`); only
        ``article_id``, ``raw_text`` and ``spans`` are required (``outlet``,
        ``published`` are copied when present). Without ``spans`` an article's
        non-blank lines are segmented as body, with a warning.
    actors, entities
        Your own gazetteer YAML (format of ``narratives/lexicons/actors.yaml``
        / ``entities.yaml``), merged with the shipped one.
    verbs, markers
        Your own TSV of reporting verbs / clause markers (format of
        ``reporting_verbs.tsv`` / ``clause_markers.tsv``), merged.
    max_chars
        Longest statement before it is cut where a new clause opens (a comma
        or ``و`` before a verb, a connective, ``حيث`` ...). With no clause
        boundary (a long list, a name chain) a piece stays whole up to 4 times
        this before it is cut at a comma or a conjunction; a single token
        longer than that (a long URL) stays whole.
    n_process
        Worker processes for large tables (chunks of articles; the result is
        the same as with one process).
    progress
        Show a progress bar (stderr).

    Returns
    -------
    pl.DataFrame
        :data:`narratives.schemas.STATEMENTS` (``raw_text[start:end] == text``;
        statements of an article never overlap; headlines first), plus
        ``reported_by``: the outer speaker of a nested report
        (``وقال لافروف إن بوتين أكد ...`` → speaker ``putin``, reported_by
        ``lavrov``).

    Warns
    -----
    StatementsWarning
        Naming the articles with no headline or body text, not in Arabic, or
        that failed (those give no statements; the run goes on).

    Examples
    --------
    >>> import polars as pl
    >>> text = "قال لافروف إن الوضع صعب مشيرا إلى أن الحل سياسي. وأضاف أن التعاون ممكن."
    >>> arts = pl.DataFrame({"article_id": ["a"], "raw_text": [text],
    ...     "spans": [[{"role": "body", "start": 0, "end": len(text)}]]})
    >>> for row in extract_statements(arts).select("text", "speaker", "cue").rows():
    ...     print(row)
    ('قال لافروف إن الوضع صعب', 'lavrov', 'قال')
    ('مشيرا إلى أن الحل سياسي.', 'lavrov', 'أشار')
    ('وأضاف أن التعاون ممكن.', 'lavrov', 'أضاف')
    """
    _check(articles)
    sources = (_key(actors), _key(verbs), _key(entities), _key(markers))
    frame, _ = _run(articles, sources, max_chars=max_chars, progress=progress, n_process=n_process)
    return conform(frame, STATEMENTS)


def statements_and_mentions(
    articles: pl.DataFrame,
    *,
    actors: Source = None,
    verbs: Source = None,
    entities: Source = None,
    markers: Source = None,
    max_chars: int = MAX_CHARS,
    n_process: int = 1,
    progress: bool = False,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """:func:`extract_statements` and :func:`~narratives.statements.extract_entities` in one pass.

    Both stages tokenize and match the gazetteers on every article; a
    pipeline that needs both (``narratives report``, ``compare``) runs them
    once here. Returns the STATEMENTS and ENTITY_MENTIONS frames the two
    functions return (same options; warns about problem articles once).
    """
    from narratives.statements.entities import mentions_frame

    _check(articles)
    sources = (_key(actors), _key(verbs), _key(entities), _key(markers))
    frame, ments = _run(
        articles,
        sources,
        max_chars=max_chars,
        progress=progress,
        n_process=n_process,
        mentions=True,
    )
    statements = conform(frame, STATEMENTS)
    return statements, mentions_frame(ments, statements)


def default_processes() -> int:
    """Worker processes a pipeline gives the statements stage: the usable cores, at most 4.

    Fewer than ``PARALLEL_MIN`` articles still run in-process (starting a
    worker costs more than it saves).
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _check(articles: pl.DataFrame) -> None:
    require(articles, ["article_id", "raw_text"], name="articles", stage="extract_statements")
    require(
        articles,
        {c: ARTICLES[c] for c in ("article_id", "raw_text", "spans") if c in articles.columns},
        name="articles",
        stage="extract_statements",
    )


def _key(source: Source) -> Source:
    return None if source is None else str(source)


def _run(
    articles: pl.DataFrame,
    sources: tuple[Source, Source, Source, Source],
    *,
    max_chars: int,
    progress: bool,
    mentions: bool = False,
    n_process: int = 1,
) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """Statements (and entity mention rows) of all ``articles``; warns about problems."""
    problems: dict[str, list[str]] = {}
    if n_process > 1 and len(articles) >= PARALLEL_MIN:
        # only the columns a chunk reads are pickled to the workers
        articles = articles.select(c for c in _COLUMNS if c in articles.columns)
        lengths = articles["raw_text"].str.len_chars().fill_null(0).to_numpy()
        chunks = [articles.slice(a, b - a) for a, b in task_bounds(lengths, n_process)]
        ctx = multiprocessing.get_context("spawn")
        frames: list[pl.DataFrame] = []
        ments: list[dict[str, Any]] = []
        with ProcessPoolExecutor(n_process, mp_context=ctx) as pool:
            jobs = pool.map(_chunk, chunks, repeat(sources), repeat(max_chars), repeat(mentions))
            for frame, chunk_ments, chunk_problems in tqdm(
                jobs, total=len(chunks), disable=not progress, desc="statements", unit="chunk"
            ):
                frames.append(frame)
                ments.extend(chunk_ments)
                for what, ids in chunk_problems.items():
                    problems.setdefault(what, []).extend(ids)
        frame = pl.concat(frames) if frames else _chunk(articles.clear(), sources, 1, False)[0]
    else:
        frame, ments, problems = _chunk(articles, sources, max_chars, mentions, progress=progress)
    warn_problems(problems, stacklevel=4)
    return frame, ments


def task_bounds(
    lengths: Sequence[int] | np.ndarray,
    workers: int,
    *,
    largest: int | None = None,
    least: int | None = None,
) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` tasks over items of ``lengths`` for ``workers``.

    Tasks are cut by text length, not by article count (a task's cost is about
    its characters): at most ``largest`` characters (:data:`CHUNK_CHARS`), and
    from the end of the corpus on, half the characters left per worker,
    at least ``least`` (:data:`LEAST_CHARS`), so the tasks handed out last are the
    smallest and the workers end together. Every worker gets a task.

    Examples
    --------
    >>> task_bounds([10] * 12, 2, largest=30, least=10)
    [(0, 3), (3, 6), (6, 8), (8, 9), (9, 10), (10, 11), (11, 12)]
    """
    largest = CHUNK_CHARS if largest is None else largest
    least = LEAST_CHARS if least is None else least
    ends = np.cumsum(np.asarray(lengths, dtype=np.int64))
    n, total = len(ends), int(ends[-1]) if len(ends) else 0
    largest = max(1, min(largest, -(-total // max(workers, 1))))  # every worker gets work
    least = min(least, largest)
    bounds, start, done = [], 0, 0
    while start < n:
        size = max(least, min(largest, (total - done) // (2 * max(workers, 1))), 1)
        # the first item whose end reaches done + size closes the task
        stop = min(max(int(np.searchsorted(ends, done + size, side="left")) + 1, start + 1), n)
        bounds.append((start, stop))
        start, done = stop, int(ends[stop - 1])
    return bounds


def warn_problems(problems: dict[str, list[str]], *, stacklevel: int = 2) -> None:
    """One :class:`StatementsWarning` per kind of problem, naming the articles."""
    for what, ids in problems.items():
        shown = ", ".join(repr(i) for i in ids[:10]) + (" ..." if len(ids) > 10 else "")
        warnings.warn(
            f"extract_statements: {len(ids)} article(s) {what}: {shown}",
            StatementsWarning,
            stacklevel=stacklevel,
        )


def statements_of_chunk(
    articles: pl.DataFrame,
    *,
    actors: Source = None,
    verbs: Source = None,
    entities: Source = None,
    markers: Source = None,
    max_chars: int = MAX_CHARS,
    mentions: bool = False,
) -> tuple[pl.DataFrame, dict[str, list[str]], list[dict[str, Any]]]:
    """What :func:`extract_statements` runs on one chunk of articles (in a worker process).

    Returns the chunk's statements (not yet conformed to the schema), the
    problems met, by kind (not yet warned: see :func:`warn_problems`), and
    with ``mentions`` the entity mention rows (for
    :func:`~narratives.statements.entities.mentions_frame`; else empty). The
    concatenated chunks, conformed, are :func:`extract_statements`'s result.
    """
    sources = (_key(actors), _key(verbs), _key(entities), _key(markers))
    frame, ments, problems = _chunk(articles, sources, max_chars, mentions)
    return frame, problems, ments


def _chunk(
    articles: pl.DataFrame,
    sources: tuple[Source, Source, Source, Source],
    max_chars: int,
    mentions: bool,
    *,
    progress: bool = False,
) -> tuple[pl.DataFrame, list[dict[str, Any]], dict[str, list[str]]]:
    lex = load_lexicon(*sources)
    problems: dict[str, list[str]] = {}
    work: list[tuple[dict[str, Any], list[Paragraph]]] = []
    cols = [c for c in _COLUMNS if c in articles.columns]
    for art in articles.select(cols).iter_rows(named=True):
        raw = art["raw_text"] = art.get("raw_text") or ""
        spans = art.get("spans")
        if spans is None:
            problems.setdefault("have no spans (their lines were segmented as body)", []).append(
                art["article_id"]
            )
            spans = [{"role": "body", "start": 0, "end": len(raw)}]
        paras = paragraphs(raw, spans)
        if not paras:
            problems.setdefault("have no headline or body text", []).append(art["article_id"])
        elif not _is_arabic(raw, paras):
            problems.setdefault(
                "are not in Arabic (segmented, but speakers and reporting verbs are Arabic rules)",
                [],
            ).append(art["article_id"])
        work.append((art, paras))
    # one spaCy Doc per article (fewer, longer docs tokenize faster), cut into paragraphs
    texts = (
        (art["raw_text"][paras[0].start : paras[-1].end], paras[0].start)
        for art, paras in work
        if paras
    )
    tokens = tokenize(texts, _feat_cache(lex))
    rows: list[dict[str, Any]] = []
    ments: list[dict[str, Any]] = []
    for art, paras in tqdm(work, disable=not progress, desc="statements", unit="article"):
        toks = _by_paragraph(next(tokens), paras) if paras else []
        try:
            art_rows, m = _article(art, paras, toks, lex, max_chars=max_chars, mentions=mentions)
        except Exception as err:  # one bad article must not stop the run
            problems.setdefault(f"failed ({type(err).__name__}: {err})", []).append(
                art["article_id"]
            )
            continue
        rows.extend(art_rows)
        ments.extend(m)
    return _frame(rows), ments, problems


def _frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """The statement rows as a STATEMENTS frame."""
    schema = STATEMENTS  # reported_by included
    out: dict[str, Any] = {c: list(map(itemgetter(c), rows)) for c in schema}
    out["entities"] = _string_lists(out["entities"], name="entities")
    return pl.DataFrame(out, schema=schema)


def _string_lists(lists: list[list[str]], *, name: str) -> pl.Series:
    """A ``List(String)`` series of ``lists``, as ``pl.Series(lists)`` makes it.

    polars converts a column of Python lists one list at a time (most of the
    statements frame's cost); here each list is joined with a separator no id
    holds and split again by polars. Should a string hold the separator, the
    lengths differ and the lists are converted one by one.
    """
    dtype = pl.List(pl.String)
    lengths = pl.Series(list(map(len, lists)), dtype=pl.Int64)
    joined = pl.Series(list(map(_SEP.join, lists)), dtype=pl.String)
    split = pl.select(
        pl.when(lengths > 0).then(joined.str.split(_SEP)).otherwise(pl.lit([], dtype=dtype))
    ).to_series()
    if not split.list.len().cast(pl.Int64).equals(lengths, check_names=False):
        return pl.Series(name, lists, dtype=dtype)
    return split.alias(name)


def _feat_cache(lex: Lexicon) -> FeatCache:
    """Token features, kept with the (cached) lexicon so chunks of one process share them."""
    cache: FeatCache | None = lex.memo.get("feats")
    if cache is None or len(cache) > FEAT_CACHE_MAX:
        cache = lex.memo["feats"] = FeatCache(lex)
    return cache


def _by_paragraph(
    tokens: tuple[list[int], list[int], list[Feat]], paras: list[Paragraph]
) -> list[tuple[list[int], list[int], list[Feat]]]:
    """Split an article's tokens into its paragraphs (tokens between them dropped)."""
    starts, ends, feats = tokens
    out = []
    for p in paras:
        a, b = bisect_left(starts, p.start), bisect_left(starts, p.end)
        out.append((starts[a:b], ends[a:b], feats[a:b]))
    return out


def _is_arabic(raw: str, paras: list[Paragraph]) -> bool:
    sample = "".join(raw[p.start : p.end] for p in paras[:5])[:500]
    letters = sum(map(str.isalpha, sample))
    # Arabic characters counted as the lengths of their runs (fewer matches)
    return letters == 0 or sum(map(len, _ARABIC.findall(sample))) >= 0.5 * letters


def _article(
    art: dict[str, Any],
    paras: list[Paragraph],
    toks: list[tuple[list[int], list[int], list[Feat]]],
    lex: Lexicon,
    *,
    max_chars: int,
    mentions: bool,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    raw: str = art["raw_text"]
    aid = art["article_id"]
    resolver = Resolver(lex, art.get("published"))
    state = State()
    pieces: list[tuple[int, dict[str, Any], list[Any]]] = []
    verse = short_line_runs(raw, paras)
    body_seen = False  # a headline line after the first body line is a crosshead
    for k, (para, (starts, ends, feats)) in enumerate(zip(paras, toks, strict=True)):
        crosshead = para.headline and body_seen and label_line(feats, last=False)
        body_seen = body_seen or not para.headline
        state.prev = None
        tags = tag_tail(feats) if para is paras[-1] and not para.headline else None
        if tags is not None:  # ... مجتمعنا. سمات امانة المدينة المنورة: the outlet's tags
            starts, ends, feats = starts[:tags], ends[:tags], feats[:tags]
        bar = share_head(feats) if not para.headline else 0
        if bar:  # شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك توفي ...: the share bar
            starts, ends, feats = starts[bar:], ends[bar:], feats[bar:]
        matches = match_phrases(starts, ends, feats, lex)
        matches = [m for m in matches if not someone_else(m, feats, lex)]  # نائب خادم الحرمين
        for m in matches:
            # علي the name, not على "on" (alike once ى is normalized)
            nxt = feats[m.j] if m.j < len(feats) else None
            resolver.note(m, nxt.norm if nxt is not None and not nxt.text.endswith("ى") else "")
        starts_at = {m.i for m in matches if m.is_actor}
        in_speech = speech_mask(feats, quote_spans(starts, ends, feats))
        voiced = speech_mask(feats, speech_spans(starts, ends, feats))  # for the quote flag
        segs = split_paragraph(
            starts,
            ends,
            feats,
            lex,
            headline=para.headline,
            in_speech=in_speech,
            starts_phrase=starts_at.__contains__,
            max_chars=max_chars,
        )
        if (
            k in verse
            or crosshead  # منتجات التمور, الوصول للمسؤول: io's subheadline inside the body
            or (not para.headline and label_line(feats, last=para is paras[-1]))
        ):
            segs = []  # verse, a crosshead, byline or tag line: no claim
        elif (
            not para.headline
            and para is paras[-1]
            and len(segs) > 1
            and segs[-1].how == "sentence"
            and (
                feats[segs[-1].i].norm == "رابط"  # رابط الخبر بصحيفة الوئام: «...»
                or not any(f.kind in ("e", "q") for f in feats[segs[-1].i : segs[-1].j])
            )
            and label_line(feats[segs[-1].i : segs[-1].j], last=True)
        ):
            segs = segs[:-1]  # ... ولله الحمد. سمات اباتشي الطوال: the tags after the last claim
        if not para.headline:
            segs = [  # وماذا يحدث خلف الكواليس؟: a question claims nothing
                seg for seg in segs if not question(feats[seg.i : seg.j], in_speech[seg.i : seg.j])
            ]
        mi = 0
        for seg in segs:
            while mi < len(matches) and matches[mi].i < seg.i:
                mi += 1
            mj = mi
            while mj < len(matches) and matches[mj].i < seg.j:
                mj += 1
            seg_matches = matches[mi:mj]
            att = attribute(
                seg,
                feats,
                raw,
                starts,
                ends,
                seg_matches,
                voiced,
                lex,
                state,
                headline=para.headline,
            )
            start, end = starts[seg.i], ends[seg.j - 1]
            row = {
                "article_id": aid,
                "outlet": art.get("outlet"),
                "published": art.get("published"),
                "start": start,
                "end": end,
                "text": raw[start:end],
                "is_headline": para.headline,
                "speaker": att.speaker,
                "speaker_mention": att.speaker_mention,
                "speaker_title": att.speaker_title,
                "cue": att.cue,
                "cue_class": att.cue_class,
                "cue_carried": att.cue_carried,
                "quote": att.quote,
                "entities": list(dict.fromkeys(m.resolved for m in seg_matches if m.resolved)),
                "reported_by": att.reported_by or None,
                "_country": att.country,
            }
            pieces.append((0 if para.headline else 1, row, seg_matches))
    pieces.sort(key=lambda p: p[0])  # headlines first, then body in text order
    _metonyms([row for _, row, _ in pieces], lex)
    # «وزارة الداخلية»: the country the text names (speakers work, _institutions.py)
    qualify_institutions([row for _, row, _ in pieces], outlet=art.get("outlet"), article_id=aid)
    rows, ments = [], []
    for pos, (_, row, seg_matches) in enumerate(pieces):
        row.pop("_country")
        row["position"] = pos
        row["statement_id"] = f"{aid}:{pos}"
        rows.append(row)
        if mentions:
            for mention in entity_rows(seg_matches, raw, lex, statement_id=row["statement_id"]):
                ments.append({**mention, "article_id": aid, "outlet": art.get("outlet")})
    return rows, ments


def _metonyms(rows: list[dict[str, Any]], lex: Lexicon) -> None:
    """Headline ``موسكو: ...``: the article's first speaker from that country."""
    for row in rows:
        country = row["_country"]
        if country is None or row["speaker"] is not None:
            continue
        for other in rows:
            sp = other["speaker"]
            if sp is not None and lex.actors.get(sp, {}).get("affiliation") == country:
                row["speaker"] = sp
                break
