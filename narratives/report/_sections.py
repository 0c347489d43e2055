"""The sections of a report, each from the tables it shows (private).

Each ``_section`` function returns ``(title, html)`` or ``None`` when its
tables are absent. Charts and tables are built by :class:`Builder`, which
links every mark and row to its statements; empty results say why.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from narratives.report._render import Builder, _num
from narratives.schemas import COVERAGE_STATUSES
from narratives.stories.reliability import TALKING_POINT_READ
from narratives.viz._text import clean, shorten

Section = tuple[str, str]


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f} %"


def overview(t: Mapping[str, pl.DataFrame], b: Builder) -> Section:
    """What the corpus holds: outlets, dates, articles and statements per outlet."""
    articles, statements = t.get("articles"), t["statements"]
    parts: list[str] = []
    if articles is not None and articles.height:
        dated = articles["published"].drop_nulls() if "published" in articles.columns else None
        span = (
            f"published {dated.min()!s} to {dated.max()!s}"
            if dated is not None and dated.len()
            else "no publication dates known"
        )
        parts.append(
            _p(
                f"{_num(articles.height)} articles from {articles['outlet'].n_unique()} outlets, "
                f"{span}; {_num(statements.height)} statements were cut from them."
            )
        )
        per = articles.group_by("outlet").agg(
            pl.len().alias("articles"),
            pl.col("published").min().alias("first"),
            pl.col("published").max().alias("last"),
            pl.col("published").null_count().alias("undated"),
        )
    else:
        parts.append(_p(f"{_num(statements.height)} statements (no articles table was given)."))
        per = statements.group_by("outlet").agg(
            pl.col("article_id").n_unique().alias("articles"),
            pl.col("published").min().alias("first"),
            pl.col("published").max().alias("last"),
            pl.lit(0).alias("undated"),
        )
    st = statements.group_by("outlet").agg(
        pl.len().alias("statements"),
        pl.col("speaker").is_not_null().mean().alias("with_speaker"),
    )
    shared = _shared_by_outlet(t)
    per = per.join(st, on="outlet", how="left")
    if shared is not None:
        per = per.join(shared, on="outlet", how="left")
    per = per.sort(["articles", "outlet"], descending=[True, False])
    columns: dict[str, Callable[[dict[str, Any]], str] | str] = {
        "outlet": lambda r: r["outlet"] or "unknown",
        "articles": "articles",
        "first published": lambda r: str(r["first"] or "unknown"),
        "last published": lambda r: str(r["last"] or "unknown"),
        "undated articles": "undated",
        "statements": "statements",
        "with a known speaker": lambda r: _pct(r["with_speaker"]),
    }
    if shared is not None:
        columns["statements aligned with another outlet"] = lambda r: _pct(r.get("aligned_share"))
    parts.append(
        b.table(
            per,
            columns,
            caption="Outlets: what each published and how much of it the alignment matched",
        )
    )
    return "What the corpus holds", "".join(parts)


def _shared_by_outlet(t: Mapping[str, pl.DataFrame]) -> pl.DataFrame | None:
    alignments = t.get("alignments")
    if alignments is None:
        return None
    statements = t["statements"]
    cross = alignments.filter(pl.col("outlet_a") != pl.col("outlet_b"))
    ids = pl.concat([cross["statement_id_a"], cross["statement_id_b"]]).unique()
    return (
        statements.with_columns(pl.col("statement_id").is_in(ids.implode()).alias("_al"))
        .group_by("outlet")
        .agg(pl.col("_al").mean().alias("aligned_share"))
    )


def reliability(t: Mapping[str, pl.DataFrame], b: Builder) -> Section | None:
    """How far the alignment can be trusted here, with a plain warning when little is shared."""
    alignments, coverage = t.get("alignments"), t.get("coverage")
    if alignments is None:
        return None
    statements = t["statements"]
    cross = alignments.filter(pl.col("outlet_a") != pl.col("outlet_b"))
    rel = cross["relation"].value_counts(sort=True) if cross.height else None
    shared_claims = 0
    n_claims = 0
    if coverage is not None and coverage.height:
        per_claim = coverage.group_by("claim_id").agg(pl.col("claim_outlets").max())
        n_claims = per_claim.height
        shared_claims = per_claim.filter(pl.col("claim_outlets") >= 2).height
    aligned = pl.concat([cross["statement_id_a"], cross["statement_id_b"]]).n_unique()
    share = aligned / statements.height if statements.height else 0.0
    parts = [
        _p(
            f"{_num(cross.height)} statement pairs from different outlets were aligned; "
            f"{_num(aligned)} of {_num(statements.height)} statements ({_pct(share)}) have a "
            f"counterpart in another outlet; {_num(shared_claims)} of {_num(n_claims)} claims "
            "are carried by two outlets or more."
        )
    ]
    if rel is not None:
        kinds = ", ".join(f"{r}: {_num(n)}" for r, n in rel.iter_rows())
        parts.append(
            _p(
                f"Aligned pairs by relation ({kinds}). Verbatim and near-verbatim pairs are "
                "copies (often of the same wire story) and are reliable; paraphrases and "
                "'related' pairs rest on fuzzy matching and include false matches: open the "
                "statements before quoting a figure."
            )
        )
    notes = t.get("reliability")
    if notes is not None and notes.height:
        items = "".join(
            f"<li><strong>{html.escape(clean(r['level']))}</strong>: "
            f"{html.escape(clean(r.get('note') or ''))}</li>"
            for r in notes.iter_rows(named=True)
            if r.get("note")
        )
        if items:
            parts.append(f'<ul class="reliability">{items}</ul>')
    if share < 0.02 or shared_claims < 3:
        parts.append(
            '<p class="warning"><strong>Warning:</strong> '
            + html.escape(
                "the outlets share almost nothing at this threshold. They may cover different "
                "events, or the alignment threshold is too strict for independently written "
                "articles (try --threshold 30). Omission and emphasis figures below then rest "
                "on very few claims: read them as leads, not findings."
            )
            + "</p>"
        )
    parts.append(
        _p(
            "Pairs marked 'contradicts' (one side negates, or gives other figures or roles, "
            "in what is otherwise one statement) are leads, not findings: of 30 read on "
            "SaudiNewsNet, 7 were real differences (an attack's toll, a consul's denial "
            "against a report of poisoning) and 2 debatable; the others were one statement "
            "in other words (a negation spelt two ways, a toll told as its parts, a time in "
            "words) or two days' reports. A paraphrase score may still hide a contradiction "
            "no rule reads. Not "
            "measured here: statements the segmenter missed. Every figure below links to its "
            "statements: check them."
        )
    )
    return "How far the alignment can be trusted", "".join(parts)


def stories_table(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    frame = t.get("stories")
    if frame is None:
        return None
    if not frame.height:
        return "Stories", b.empty("No story was found: no two articles share an event.")
    story = frame
    if "article_id" in frame.columns and "story_id" in frame.columns:
        agg = [pl.len().alias("n_articles_"), pl.col("article_id")]
        extra = [
            c
            for c in ("label", "outlets", "first_published", "last_published")
            if c in frame.columns
        ]
        agg += [pl.col(c).first() for c in extra]
        story = frame.group_by("story_id").agg(agg).sort("n_articles_", descending=True)
    columns: dict[str, Callable[[dict[str, Any]], str] | str] = {"story": "story_id"}
    for c in ("label", "outlets", "first_published", "last_published", "n_articles_", "n_articles"):
        if c in story.columns:
            columns[c.rstrip("_").replace("_", " ")] = c
    statements = t["statements"]

    def key(row: dict[str, Any]) -> list[str]:
        ids = row.get("article_id") or []
        first = (
            statements.filter(pl.col("article_id").is_in(list(ids)[:5]))
            .group_by("article_id", maintain_order=True)
            .agg(pl.col("statement_id").first())
        )
        return first["statement_id"].to_list()

    rows = [
        {**r, "statement_ids": key(r)} if "article_id" in r else r
        for r in story.head(b.rows).iter_rows(named=True)
    ]
    shown = pl.DataFrame(rows, infer_schema_length=None) if rows else story
    return "Stories", b.table(
        shown,
        columns,
        caption="Stories (one event each), largest first",
        total=story.height,
        order="(largest first)",
    )


def coverage(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    import narratives.viz as viz

    table = t.get("coverage")
    if table is None:
        return None
    statements = t["statements"]
    parts = [
        _p(
            "Each row is a claim carried by at least two outlets, each column an outlet. "
            "Dark blue: the outlet carried the claim in (nearly) the same words as another "
            "outlet; pale blue: in other words; gold: only this outlet; grey: left out of a "
            "story the outlet covered; white: the outlet did not cover the claim's story; "
            "pale mauve, not sure: the outlet covered the story and is not listed as leaving "
            "the claim out, but none of its statements was aligned with it (read on "
            "SaudiNewsNet, about half of such outlets carried the claim in other words; a "
            "click opens the outlet's sentence closest to the claim first, with the omission "
            "rule's score where it judged the claim carried: read it). "
            "Click a cell for the statements behind it, shown inside their articles."
        )
    ]
    shared = table.filter(pl.col("claim_outlets") >= 2)
    if shared.height:
        n_shared = shared["claim_id"].n_unique()
        parts.append(
            b.chart(
                viz.coverage_heatmap(
                    table, statements=statements, top=top, min_outlets=2, outlets=b.outlets
                )
            )
        )
        if n_shared > top:
            parts.append(
                b.note(
                    f"The chart shows the {top} claims carried by the most outlets, of "
                    f"{n_shared}; the table below lists more and can be searched."
                )
            )
        claims = (
            shared.group_by("claim_id")
            .agg(
                pl.col("claim_outlets").max(),
                # outlets with a statement of the claim: not those that did not cover its
                # story (not_covered) nor the "not sure" cells (related, no statement)
                pl.col("outlet").filter(pl.col("n_statements") > 0).sort().alias("carried"),
                pl.col("outlet").filter(pl.col("status") == "absent").sort().alias("absent"),
                pl.col("outlet")
                .filter((pl.col("status") == "related") & (pl.col("n_statements") == 0))
                .sort()
                .alias("unsure"),
                pl.col("statement_ids")
                .list.explode(keep_nulls=False, empty_as_null=False)
                .alias("statement_ids"),
                pl.col("claim_speaker").first(),
                pl.format("{}: {}", "outlet", "speaker")
                .filter(pl.col("speaker").is_not_null())
                .sort()
                .alias("speakers"),
                pl.col("speaker").drop_nulls().n_unique().alias("n_speakers"),
            )
            .with_columns(
                pl.col("claim_id").replace_strict(b.claim_numbers, default=10**9).alias("_n")
            )
            .sort("_n")
        )
        parts.append(
            b.table(
                claims,
                {
                    "claim": lambda r: b.claim_number(r["claim_id"]),
                    "what was said": lambda r: b.claim_text(r["claim_id"]),
                    "outlets": "claim_outlets",
                    "carried by": "carried",
                    "left out by": "absent",
                    "not sure": "unsure",
                    # each outlet's own attribution where the outlets differ
                    "speaker": lambda r: (
                        "; ".join(r["speakers"])
                        if r["n_speakers"] > 1
                        else (r["claim_speaker"] or "")
                    ),
                },
                caption="Claims carried by two outlets or more",
                order="(most outlets first)",
            )
        )
    else:
        parts.append(
            b.empty(
                "No claim is carried by two outlets at this alignment threshold. Articles "
                "written independently paraphrase each other and score lower than wire copy: "
                "try a lower threshold (narratives report ... --threshold 30)."
            )
        )
    return "Coverage: who carried which claim", "".join(parts)


def _closest(row: dict[str, Any]) -> str:
    """An omission's near miss: the outlet's closest statement in the story, with its score."""
    text, score = row.get("closest_text"), row.get("closest_score")
    if not text or score is None:
        return ""
    return f"{shorten(text, 120)} (score {score:.0f})"


def _how_sure(row: dict[str, Any]) -> str:
    """An omission's certainty and the reason: "not sure (near miss: ...)"."""
    why = row.get("why")
    return " ".join(x for x in (row.get("certainty"), why and f"({why})") if x)


def _version(row: dict[str, Any]) -> str:
    """A short version of the story or a story told at length: "short: 3 of 14 statements
    (the same text, cut)"."""
    version, n, m = row.get("version"), row.get("outlet_statements"), row.get("fuller_statements")
    if not version or n is None or m is None:
        return ""
    shared = row.get("shared_statements") or 0
    source = (
        "the same text"
        if n and shared * 2 >= n
        else "another text"
        if not shared
        else f"{shared} shared"
    )
    if version == "short":
        return f"short version: {n} of {m} statements ({source})"
    return f"told at length: {n} statements, the claim's article {m} ({source})"


def _omission_table(
    table: pl.DataFrame,
    b: Builder,
    *,
    caption: str,
    empty: str,
    columns: Mapping[str, Callable[[dict[str, Any]], str] | str] | None = None,
) -> str:
    """Omission rows, the ones the rule is sure of first, with how sure each is.

    "not sure" rows (the outlet may carry the claim in other words) come last
    and a note says how many there are and that the rates leave them out.
    """
    keys, descending = ["claim_outlets", "outlet"], [True, False]
    note = ""
    if "certainty" in table.columns:
        keys, descending = ["certainty", *keys], [True, *descending]  # "sure" > "not sure"
        unsure = table.filter(pl.col("certainty") == "not sure").height
        if unsure:
            note = b.note(
                f"{unsure} of {table.height} rows are 'not sure' (the outlet may carry "
                "the claim in other words): they are listed last and left out of the rates."
            )
    shown: dict[str, Callable[[dict[str, Any]], str] | str] = {
        "left out by": "outlet",
        "claim": lambda r: b.claim_number(r["claim_id"]),
        "what was said": lambda r: b.claim_text(r["claim_id"]),
        "carried by": "carried_by",
        **(columns or {}),
        **(
            {"part left out": lambda r: r.get("omitted_part") or "(the whole claim)"}
            if "omitted_part" in table.columns
            else {}
        ),
        "its closest statement": _closest,
    }
    if "version" in table.columns:
        shown["the outlet's telling"] = _version
    if "certainty" in table.columns:
        shown["how sure"] = _how_sure
    order = "(claims carried by the most outlets first)"
    if "certainty" in table.columns:
        order = "(sure rows first, then claims carried by the most outlets)"
    return note + b.table(
        table.sort(keys, descending=descending),
        shown,
        caption=caption,
        order=order,
        empty=empty,
    )


def omissions(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    import narratives.viz as viz

    rates, table = t.get("omission_rates"), t.get("omissions")
    if rates is None and table is None:
        return None
    parts = [
        _p(
            "For each pair of outlets, the share of the second outlet's claims that the first "
            "left out although it covered the same story. The whisker is the interval; pale "
            "bars rest on fewer than 10 claims. Click a bar or a row for the claims' statements."
        )
    ]
    drawable = (
        rates.filter(pl.col("rate").is_not_null(), pl.col("n_claims") > 0)
        if rates is not None
        else None
    )
    if rates is not None and "note" in rates.columns:
        notes = rates.filter(pl.col("rate").is_null(), pl.col("note").is_not_null())
        if notes.height:
            reasons = sorted(set(notes["note"].to_list()))
            parts.append(
                b.note(f"{notes.height} outlet pairs have no rate: " + "; ".join(reasons[:3]))
            )
    if rates is not None and drawable is not None and drawable.height:
        parts.append(b.chart(viz.omission_bars(drawable, top=top, outlets=b.outlets)))
        if drawable.height > top:
            parts.append(
                b.note(
                    f"The chart shows the {top} outlet pairs resting on the most claims, "
                    f"of {rates.height}."
                )
            )
    else:
        parts.append(
            b.empty(
                "No outlet pair had comparable claims (with the default rule an outlet can "
                "omit a claim only in a story it covered; here no two outlets covered the "
                "same story): no omission rate to show."
            )
        )
    if table is not None:
        parts.append(
            _omission_table(
                table,
                b,
                columns={
                    "speaker": lambda r: r["speaker"] or "",
                    "story": lambda r: shorten(r.get("story_label"), 80),
                },
                caption="Claims left out (with the statements of the outlets that carried them)",
                empty="No claim was left out by a comparable outlet (an outlet counts as "
                "comparable only where it covered the claim's story; --comparable changes "
                "the rule).",
            )
        )
    return "Omissions: what each outlet left out", "".join(parts)


def _with_claim_texts(frame: pl.DataFrame, b: Builder, *, min_outlets: int = 1) -> pl.DataFrame:
    """``frame`` with its claims' texts from coverage (:attr:`Builder.claim_texts`) when
    they were not read (``narratives report`` reads each claim's text once); only the
    rows of claims carried by ``min_outlets`` outlets or more, the ones a chart shows."""
    if "representative" not in frame.columns or frame["representative"].null_count() == 0:
        return frame
    texts = b.claim_texts
    shown = frame.filter(pl.col("claim_outlets") >= min_outlets) if min_outlets > 1 else frame
    wanted = shown["claim_id"].unique().to_list()
    found = {c: texts[c] for c in wanted if c in texts}
    if not found:
        return frame
    return frame.with_columns(
        pl.coalesce(
            "representative",
            pl.col("claim_id").replace_strict(found, default=None, return_dtype=pl.String),
        ).alias("representative")
    )


def emphasis(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    import narratives.viz as viz

    outlets, claims = t.get("emphasis_outlets"), t.get("emphasis_claims")
    if outlets is None and claims is None:
        return None
    parts = [
        _p(
            "How much weight each outlet gave the claims it shares with others: how often in "
            "a headline or the lede, how early, how much of the article, how often quoted "
            "directly. Whiskers are 95 % intervals."
        )
    ]
    if outlets is not None and outlets.height:
        parts.append(b.chart(viz.emphasis_by_outlet(outlets, outlets=b.outlets)))
    else:
        parts.append(b.empty("No claims shared by two outlets: emphasis is not compared."))
    if claims is not None and claims.filter(pl.col("claim_outlets") >= 2).height:
        parts.append(
            b.chart(
                viz.emphasis_by_claim(
                    _with_claim_texts(claims, b, min_outlets=2),
                    statements=t["statements"],
                    top=min(top, 15),
                    outlets=b.outlets,
                )
            )
        )
    return "Emphasis", "".join(parts)


def framing(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    import narratives.viz as viz

    verbs, labels, subs = t.get("reporting_verbs"), t.get("labels"), t.get("substitutions")
    if verbs is None and labels is None and subs is None:
        return None
    statements = t["statements"]
    parts: list[str] = []
    if verbs is not None:
        parts.append("<h3>Reporting verbs by outlet and speaker</h3>")
        parts.append(
            _p(
                "Which verb introduces each speaker's words in each outlet: neutral (قال), "
                "assertive (أكد), distancing (زعم, ادعى) or denial. Each cell gives the number "
                "of statements and the share of that speaker's verbs in that outlet."
            )
        )
        attributed = verbs.filter(pl.col("speaker").is_not_null())
        if attributed.height:
            parts.append(b.chart(viz.reporting_verbs(verbs, statements=statements, max_marked=6)))
            marked = attributed.filter(pl.col("cue_class").is_in(["distancing", "denial"]))
            parts.append(
                b.table(
                    marked.with_columns((pl.col("cue_class") != "distancing").alias("_later")).sort(
                        ["_later", "n", "speaker", "outlet"], descending=[False, True, False, False]
                    ),
                    {
                        "outlet": "outlet",
                        "speaker": "speaker",
                        "verb": "cue",
                        "class": "cue_class",
                        "statements": "n",
                        "share of the speaker's verbs": lambda r: _pct(r.get("share")),
                    },
                    caption="Distancing and denial verbs (distancing first, then the most used)",
                    empty="No distancing or denial verb introduces a known speaker.",
                )
            )
        else:
            parts.append(b.empty("No reporting verb introduces a known speaker."))
    if labels is not None:
        parts.append("<h3>Labels for the same referent</h3>")
        if labels.height:
            parts.append(b.chart(viz.label_choices(labels, statements=statements)))
        else:
            parts.append(b.empty("No referent of the labels lexicon is named in these articles."))
    if subs is not None:
        parts.append("<h3>Word substitutions</h3>")
        if subs.height:
            parts.append(b.chart(viz.substitution_table(subs, top=min(top, 10))))
            parts.append(
                b.table(
                    subs.sort(["n", "outlet_a", "outlet_b"], descending=[True, False, False]),
                    {
                        "outlet A": "outlet_a",
                        "A writes": "term_a",
                        "outlet B": "outlet_b",
                        "B writes": "term_b",
                        "pairs": "n",
                        "example (A)": lambda r: shorten(r.get("example_a"), 140),
                    },
                    caption="Word substitutions between aligned statements",
                    order="(most frequent first)",
                )
            )
        else:
            parts.append(
                b.empty("No word substitutions between aligned statements of different outlets.")
            )
    voices = t.get("voices")
    if voices is not None:
        parts.append("<h3>Voices: who speaks in each outlet</h3>")
        overall = (
            voices.filter(pl.col("story_id").is_null()) if "story_id" in voices.columns else voices
        )
        if overall.filter(pl.col("speaker").is_not_null()).height:
            parts.append(b.chart(viz.voices_by_outlet(voices)))
        else:
            parts.append(b.empty("No statement has an identified speaker."))
    for name, heading in (("headlines", "Headlines"), ("house_style", "House style")):
        extra = t.get(name)
        if extra is not None:
            parts.append(f"<h3>{heading}</h3>")
            parts.append(_generic_table(extra, b, caption=heading))
    return "Framing: verbs, labels and words", "".join(parts)


def _generic_table(frame: pl.DataFrame, b: Builder, *, caption: str) -> str:
    simple = [
        c
        for c, dtype in frame.schema.items()
        if not c.startswith(("statement_id", "example_")) and not isinstance(dtype, pl.Struct)
    ][:8]
    return b.table(
        frame,
        {c.replace("_", " "): c for c in simple},
        caption=caption,
        empty=f"No {caption.lower()} found.",
    )


def side_by_side(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    import narratives.viz as viz

    alignments = t.get("alignments")
    if alignments is None:
        return None
    prefer: dict[tuple[str, str], str] = {}
    discrepancies = t.get("discrepancies")
    if discrepancies is not None:
        for r in discrepancies.iter_rows(named=True):
            why = f"differ in a {r.get('kind') or 'detail'}"
            prefer.setdefault((r["statement_id_a"], r["statement_id_b"]), why)
            prefer.setdefault((r["statement_id_b"], r["statement_id_a"]), why)
    subs = t.get("substitutions")
    if subs is not None and "statement_id_a" in subs.columns:
        for r in subs.sort("n", descending=True).head(50).iter_rows(named=True):
            why = f"{r['term_a']} / {r['term_b']}"
            for sa, sb in zip(r["statement_id_a"] or [], r["statement_id_b"] or [], strict=False):
                prefer.setdefault((sa, sb), why)
                prefer.setdefault((sb, sa), why)
    sbs = viz.side_by_side(alignments, t["statements"], top=min(top, 10), prefer=prefer)

    def attrs(sid: str) -> str:
        anchors = b.ev.cite([sid])
        return f' data-ev="{anchors[0]}" data-n="1" tabindex="0"' if anchors else ""

    intro = _p(
        "Pairs chosen to be instructive: discrepancies and word substitutions first, then "
        "paraphrases, then near copies; verbatim copies are left out. Click a statement to "
        "read it in its article."
    )
    return "Aligned statements side by side", intro + sbs.to_html(attrs)


def terms(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    import narratives.viz as viz

    table = t.get("distinguishing_terms")
    if table is None:
        return None
    if not table.filter(pl.col("z") > 0).height:
        return "Distinguishing terms", b.empty(
            "No term is more typical of one outlet than of the others."
        )
    return "Distinguishing terms", _p(
        "Words most typical of each outlet compared with the others (Monroe et al. 2008 "
        "log-odds with an informative prior); pale bars are below z = 1.96."
    ) + b.chart(
        viz.distinguishing_terms(
            table, statements=t["statements"], top=min(top, 15), outlets=b.outlets
        )
    )


def discrepancies(t: Mapping[str, pl.DataFrame], b: Builder, *, top: int) -> Section | None:
    table = t.get("discrepancies")
    if table is None:
        return None
    return "Discrepancies", _p(
        "Aligned statements whose numbers, dates or names differ. Click a row for both "
        "statements in their articles."
    ) + b.table(
        table,
        {
            "outlet A": "outlet_a",
            "outlet B": "outlet_b",
            "kind": "kind",
            "only in A": "value_a",
            "only in B": "value_b",
            "A": lambda r: shorten(r.get("text_a"), 160),
            "B": lambda r: shorten(r.get("text_b"), 160),
        },
        caption="Discrepancies between aligned statements",
        empty="No aligned statements differ in a number, date or name.",
    )


def problems_section(messages: list[str]) -> Section:
    if not messages:
        return (
            "Reading problems",
            '<p class="note">No problems while reading and analysing the corpus.</p>',
        )
    limit = 200
    items = "".join(f"<li>{html.escape(clean(m))}</li>" for m in messages[:limit])
    more = f"<li>... and {len(messages) - limit} more</li>" if len(messages) > limit else ""
    return "Reading problems", (
        f'<details class="problems"><summary>{len(messages)} warning(s) while reading '
        f"and analysing the corpus</summary><ul>{items}{more}</ul></details>"
    )


def build(
    t: Mapping[str, pl.DataFrame],
    b: Builder,
    *,
    top: int,
    problems: list[str],
    stories: int = 5,
    chosen: list[str] | None = None,
) -> list[dict[str, str]]:
    """Every section that has its tables, in reading order: corpus, stories, corpus-wide."""
    made: list[Section | None] = [
        overview(t, b),
        stories_overview(t, b) if "stories" in t else stories_table(t, b, top=top),
        reliability(t, b),
        *story_sections(t, b, top=top, n=stories, chosen=list(chosen or [])),
        coverage(t, b, top=top),
        omissions(t, b, top=top),
        emphasis(t, b, top=top),
        framing(t, b, top=top),
        talking_points(t, b),
        side_by_side(t, b, top=top),
        terms(t, b, top=top),
        discrepancies(t, b, top=top),
    ]
    made.append(problems_section(problems))
    out = []
    for n, section in enumerate((s for s in made if s is not None), 1):
        title, body = section
        out.append({"id": f"section-{n}", "title": title, "body": body})
    return out


# --- stories ---------------------------------------------------------------------


def _story_rows(t: Mapping[str, pl.DataFrame]) -> pl.DataFrame | None:
    """One row per story: label, dates, outlets, articles per outlet, who published first."""
    stories = t.get("stories")
    if stories is None or not stories.height or "story_id" not in stories.columns:
        return None
    first = (
        stories.filter(pl.col("published").is_not_null())
        .filter(pl.col("published") == pl.col("published").min().over("story_id"))
        .group_by("story_id")
        .agg(pl.col("outlet").unique().sort().alias("first_outlets"))
    )
    per_outlet = (
        stories.group_by("story_id", "outlet")
        .agg(pl.len().alias("n"))
        .sort(["n", "outlet"], descending=[True, False])
        .group_by("story_id", maintain_order=True)
        .agg(pl.format("{} {}", pl.col("outlet").fill_null("unknown"), "n").alias("per_outlet"))
    )
    rows = (
        stories.group_by("story_id")
        .agg(
            pl.col("label").first(),
            pl.col("published").min().alias("first_published"),
            pl.col("published").max().alias("last_published"),
            pl.col("outlet").n_unique().alias("n_outlets"),
            pl.len().alias("n_articles"),
            pl.col("article_id"),
            (
                pl.col("copy_of").is_not_null().sum().alias("n_copies")
                if "copy_of" in stories.columns
                else pl.lit(0).alias("n_copies")
            ),
        )
        .join(per_outlet, on="story_id", how="left")
        .join(first, on="story_id", how="left")
        .sort(["n_outlets", "n_articles", "story_id"], descending=[True, True, False])
    )
    return rows


def _headline_statements(t: Mapping[str, pl.DataFrame], article_ids: list[str]) -> list[str]:
    """The first statement (the headline, when there is one) of each article."""
    statements = t["statements"]
    first = (
        statements.filter(pl.col("article_id").is_in(article_ids))
        .sort("position")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("statement_id").first())
    )
    order = {a: i for i, a in enumerate(article_ids)}
    pairs = sorted(first.iter_rows(), key=lambda r: order.get(r[0], 0))
    return [sid for _, sid in pairs]


def stories_overview(t: Mapping[str, pl.DataFrame], b: Builder) -> Section | None:
    rows = _story_rows(t)
    if rows is None:
        return None
    shared = rows.filter(pl.col("n_outlets") >= 2)
    parts = [
        _p(
            f"The articles were grouped into {_num(rows.height)} stories (one event each); "
            f"{_num(shared.height)} of them were covered by two outlets or more, the ones a "
            "comparison can say something about. Click a row for each article's headline, "
            "in the article."
        )
    ]
    if not shared.height:
        parts.append(
            '<p class="warning"><strong>Warning:</strong> '
            + html.escape(
                "no story was covered by two outlets: the outlets report different events, "
                "so there is nothing to compare story by story (omission rates need shared "
                "stories)."
            )
            + "</p>"
        )
    head = rows.head(b.rows)
    table = head.with_columns(
        pl.Series(
            "statement_ids",
            [_headline_statements(t, list(ids)) for ids in head["article_id"]],
            dtype=pl.List(pl.String),
        )
    )
    parts.append(
        b.table(
            table,
            {
                "story": "story_id",
                "headline": lambda r: shorten(r["label"], 100),
                "dates": lambda r: _dates(r["first_published"], r["last_published"]),
                "outlets": "n_outlets",
                "articles per outlet": "per_outlet",
                "first published by": lambda r: ", ".join(r["first_outlets"] or []) or "unknown",
                "copies": "n_copies",
            },
            caption="Stories, those covered by the most outlets first",
            total=rows.height,
            order="(most outlets first)",
        )
    )
    return "Stories: what the outlets covered", "".join(parts)


def _dates(first: Any, last: Any) -> str:
    if first is None:
        return "undated"
    return str(first) if first == last or last is None else f"{first} to {last}"


def _story_only(frame: pl.DataFrame, story_statements: pl.DataFrame) -> pl.DataFrame:
    """Claim x outlet rows citing only the story's statements; rows left with none dropped.

    A claim can have statements in other stories (a line repeated on another
    day): a story's views must not cite them. ``n_statements`` and
    ``claim_outlets`` are counted again inside the story.
    """
    here = story_statements["statement_id"].implode()
    local = frame.with_columns(
        pl.col("statement_ids").list.eval(pl.element().filter(pl.element().is_in(here)))
    ).filter(pl.col("statement_ids").list.len() > 0)
    return local.with_columns(
        pl.col("statement_ids").list.len().cast(pl.Int32).alias("n_statements"),
        pl.col("outlet").n_unique().over("claim_id").cast(pl.Int32).alias("claim_outlets"),
    )


def _story_emphasis(
    t: Mapping[str, pl.DataFrame], *, sid: str, claims: list[str], statements: pl.DataFrame
) -> pl.DataFrame | None:
    """The story's emphasis rows carried by two outlets or more, each figure measured in
    the outlet's articles of this story (``emphasis_stories``); from an older output
    folder without that table, the corpus-wide rows restricted to the story's statements
    (their position and headline figures then span all the outlet's articles)."""
    per_story = t.get("emphasis_stories")
    if per_story is not None and "story_id" in per_story.columns:
        return per_story.filter(pl.col("story_id") == sid, pl.col("claim_outlets") >= 2)
    corpus = t.get("emphasis_claims")
    if corpus is None or not claims:
        return None
    here = corpus.filter(pl.col("claim_id").is_in(claims))
    return _story_only(here, statements).filter(pl.col("claim_outlets") >= 2)


def _story_coverage(coverage: pl.DataFrame, story_statements: pl.DataFrame) -> pl.DataFrame:
    """The coverage rows of one story: cells cite only the story's statements.

    An outlet whose statements of a claim all lie outside the story counts as
    having left it out here ("absent") if it covered the story, and as not
    covering it otherwise. Cells with no statement keep the corpus table's
    verdict ("related": the omission rule found the claim in the outlet's story
    text in other words; "absent") when the outlet covered the story.
    """
    carried = _story_only(coverage.filter(pl.col("n_statements") > 0), story_statements)
    if "closest_statement_id" in coverage.columns:
        # a "not sure" cell cites the outlet's closest statement only inside this story
        here = story_statements["statement_id"].implode()
        coverage = coverage.with_columns(
            pl.when(pl.col("closest_statement_id").is_in(here)).then(pl.col(c)).alias(c)
            for c in ("closest_statement_id", "closest_score", "closest_why")
            if c in coverage.columns
        )
    story_outlets = story_statements["outlet"].unique().implode()
    counts = carried.group_by("claim_id").agg(pl.len().cast(pl.Int32).alias("_k"))
    rest = (
        coverage.join(carried.select("claim_id", "outlet"), on=["claim_id", "outlet"], how="anti")
        .join(counts, on="claim_id", how="inner")  # claims carried in this story
        .with_columns(
            pl.when(~pl.col("outlet").is_in(story_outlets))
            .then(pl.lit("not_covered"))
            # the omission rule's verdict on an outlet of the story with no aligned
            # statement stands: "related" (found in other words) or "absent"
            .when(pl.col("n_statements") == 0)
            .then(pl.col("status"))
            .otherwise(pl.lit("absent"))
            .alias("status"),
            pl.lit(None, dtype=pl.Float64).alias("best_score"),
            pl.lit(0, dtype=pl.Int32).alias("n_statements"),
            pl.lit([], dtype=pl.List(pl.String)).alias("statement_ids"),
            pl.col("_k").alias("claim_outlets"),
        )
        .drop("_k")
    )
    rank = {status: i for i, status in enumerate(COVERAGE_STATUSES)}
    rest = rest.with_columns(
        pl.col("status").replace_strict(rank, return_dtype=pl.Int8).alias("status_rank")
    )
    return pl.concat([carried, rest.select(carried.columns)], how="vertical")


def _claim_statements_in(claims: pl.DataFrame | None, articles: list[str]) -> dict[str, list[str]]:
    """Each claim's statements inside the given articles (one story)."""
    if claims is None:
        return {}
    here = claims.filter(pl.col("article_id").is_in(articles)).sort("statement_id")
    return {cid: ids for cid, ids in here.group_by("claim_id").agg("statement_id").iter_rows()}


def _cell_statements(row: Mapping[str, Any], *, local: Mapping[str, list[str]]) -> list[str]:
    """What a story matrix cell cites: its statements; for a not sure cell the outlet's
    closest statement (``closest_statement_id``), which the reader checks, then what the
    other outlets said in the story; for an absent one (or a not sure one without a
    closest statement) what the other outlets said (the reader checks the outlet's
    article)."""
    ids = row.get("statement_ids") or []
    if ids:
        return list(ids)
    if row.get("status") in ("absent", "not sure"):
        others = list(local.get(row.get("claim_id") or "", []))
        closest = row.get("closest_statement_id")
        if row.get("status") == "not sure" and isinstance(closest, str):
            # the outlet's closest sentence in its article first: the reader checks it
            return [closest, *(i for i in others if i != closest)]
        return others
    return []


def story_sections(
    t: Mapping[str, pl.DataFrame], b: Builder, *, top: int, n: int, chosen: list[str]
) -> list[Section]:
    """One section per story (the largest shared ones, or those chosen): matrix, omissions."""
    import narratives.viz as viz

    rows = _story_rows(t)
    if rows is None:
        return []
    if chosen:
        picked = rows.filter(pl.col("story_id").is_in(chosen))
    else:
        picked = rows.filter(pl.col("n_outlets") >= 2).head(n)
    claims, coverage = t.get("claims"), t.get("coverage")
    out: list[Section] = []
    for story in picked.iter_rows(named=True):
        sid = story["story_id"]
        articles = list(story["article_id"])
        parts = [
            _p(
                f"{story['n_articles']} articles by {story['n_outlets']} outlets "
                f"({', '.join(story['per_outlet'] or [])}), "
                f"{_dates(story['first_published'], story['last_published'])}; "
                f"first published by {', '.join(story['first_outlets'] or []) or 'unknown'}."
            )
        ]
        story_claims: list[str] = []
        if claims is not None:
            story_claims = (
                claims.filter(pl.col("article_id").is_in(articles))["claim_id"].unique().to_list()
            )
        story_statements = t["statements"].filter(pl.col("article_id").is_in(articles))
        if coverage is not None and story_claims:
            cov = _story_coverage(
                coverage.filter(pl.col("claim_id").is_in(story_claims)), story_statements
            )
            if cov.filter(pl.col("claim_outlets") >= 2).height:
                local = _claim_statements_in(claims, articles)
                parts.append(
                    b.chart(
                        viz.coverage_heatmap(
                            cov,
                            statements=t["statements"],
                            top=min(top, 15),
                            min_outlets=2,
                            outlets=sorted({o for o in cov["outlet"].to_list() if o}),
                        ),
                        # an absent cell cites what the other outlets said in this story
                        statement_key=functools.partial(_cell_statements, local=local),
                    )
                )
            else:
                parts.append(
                    b.empty(
                        "The outlets of this story share no aligned claim: they tell it in "
                        "different words, or the alignment missed it (open the headlines above)."
                    )
                )
        omissions_table = t.get("omissions")
        if omissions_table is not None and "story_id" in omissions_table.columns:
            rows_here = omissions_table.filter(pl.col("story_id") == sid)
            parts.append(
                _omission_table(
                    rows_here,
                    b,
                    caption=f"Claims of story {sid} left out by an outlet that covered it",
                    empty="No outlet of this story left out a claim another carried.",
                )
            )
        em = _story_emphasis(t, sid=sid, claims=story_claims, statements=story_statements)
        if em is not None and em.height:
            parts.append(
                b.chart(
                    viz.emphasis_by_claim(
                        _with_claim_texts(em, b),
                        statements=t["statements"],
                        top=min(top, 10),
                        outlets=b.outlets,
                        title="Where each outlet placed the shared claims in this story's articles",
                    )
                )
            )
        parts.append(story_framing(t, b, sid=sid, articles=articles))
        title = f"Story {sid}: {shorten(story['label'], 90)}"
        out.append((title, "".join(parts)))
    return out


_MARKED = ("distancing", "denial")


def _yes_no(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def story_framing(
    t: Mapping[str, pl.DataFrame], b: Builder, *, sid: str, articles: list[str]
) -> str:
    """How each outlet framed one story: headline and lede, reporting verbs, labels, words."""
    parts = [f"<h3>Framing in story {html.escape(clean(sid))}</h3>"]
    headlines = t.get("headlines")
    if headlines is not None and "story_id" in headlines.columns:
        here = headlines.filter(pl.col("story_id") == sid).sort("outlet")
        if here.height:
            parts.append(
                b.table(
                    here.with_columns(
                        pl.concat_list(pl.col("headline_statement_id"), pl.col("lede_statement_id"))
                        .list.drop_nulls()
                        .alias("statement_ids")
                    ),
                    {
                        "outlet": "outlet",
                        # a round-up page's headline is another item's: said so
                        "headline": lambda r: (
                            ("(round-up page) " if r.get("round_up") else "")
                            + shorten(r.get("headline"), 120)
                        ),
                        "headline verb": lambda r: r.get("headline_cue") or "",
                        # the article's own lede, not its claim's representative (another
                        # outlet's sentence, or a headline the lede was clustered with)
                        "leads with": lambda r: shorten(r.get("lede") or r.get("lede_claim"), 120),
                        "lede verb": lambda r: " ".join(
                            x for x in (r.get("lede_cue"), r.get("lede_cue_class")) if x
                        ),
                        "lede shared by another outlet": lambda r: _yes_no(r.get("lede_shared")),
                        "headline words no other outlet used": lambda r: " ".join(
                            r.get("own_words") or []
                        ),
                    },
                    caption=f"Story {sid}: each article's headline and what it leads with",
                )
            )
    statements = t["statements"]
    needed = {"speaker", "cue", "cue_class", "article_id", "outlet"}
    if needed <= set(statements.columns):
        acts = statements.filter(
            pl.col("article_id").is_in(articles),
            pl.col("speaker").is_not_null(),
            pl.col("cue").is_not_null(),
        )
        if "cue_carried" in acts.columns:
            acts = acts.filter(~pl.col("cue_carried").fill_null(False))
        verbs = (
            acts.group_by("speaker", "outlet", "cue", "cue_class")
            .agg(pl.len().alias("n"), pl.col("statement_id").alias("statement_ids"))
            .with_columns(
                (pl.col("n") / pl.col("n").sum().over("speaker", "outlet")).alias("share"),
                pl.col("cue_class").is_in(_MARKED).alias("_marked"),
            )
        )
        if verbs.height:
            # a speaker at least two outlets quote, or one an outlet distances itself from
            keep = verbs.group_by("speaker").agg(
                (pl.col("outlet").n_unique() >= 2) | pl.col("_marked").any()
            )
            keep_speakers = keep.filter(pl.col(keep.columns[1]))["speaker"]
            verbs = verbs.filter(pl.col("speaker").is_in(keep_speakers.implode())).sort(
                ["_marked", "speaker", "outlet", "n", "cue"],
                descending=[True, False, False, True, False],  # cue: ties in one order
            )
            n_marked = verbs.filter(pl.col("_marked")).height
            lead = (
                f"{n_marked} distancing or denial verb(s) here, listed first."
                if n_marked
                else "No distancing or denial verb introduces a speaker in this story."
            )
            parts.append(
                b.note(
                    "How each outlet introduced the words of the speakers of this story "
                    f"(speakers quoted by two outlets or more, or with a marked verb). {lead}"
                )
            )
            parts.append(
                b.table(
                    verbs,
                    {
                        "speaker": "speaker",
                        "outlet": "outlet",
                        "verb": "cue",
                        "class": "cue_class",
                        "statements": "n",
                        "share of the speaker's verbs in the outlet": lambda r: _pct(r["share"]),
                    },
                    caption=f"Story {sid}: reporting verbs by speaker and outlet",
                    empty="No speaker of this story is quoted by two outlets.",
                )
            )
        else:
            parts.append(b.empty("No statement of this story has a speaker and a reporting verb."))
    story_statements = set(
        statements.filter(pl.col("article_id").is_in(articles))["statement_id"].to_list()
    )
    labels = t.get("labels")
    if labels is not None and labels.height and "statement_ids" in labels.columns:
        here = (
            labels.with_columns(
                pl.col("statement_ids")
                .list.eval(pl.element().filter(pl.element().is_in(list(story_statements))))
                .alias("statement_ids")
            )
            .filter(pl.col("statement_ids").list.len() > 0)
            .with_columns(pl.col("statement_ids").list.len().alias("in_story"))
            .sort(["referent", "in_story", "outlet"], descending=[False, True, False])
        )
        if here.height:
            parts.append(
                b.table(
                    here,
                    {
                        "referent": "referent",
                        "outlet": "outlet",
                        "label": "label",
                        "connotation": "connotation",
                        "statements in this story": "in_story",
                    },
                    caption=f"Story {sid}: names chosen for the same referent",
                )
            )
    subs = t.get("substitutions")
    if subs is not None and subs.height and "statement_id_a" in subs.columns:
        here = subs.filter(
            pl.col("statement_id_a")
            .list.eval(pl.element().is_in(list(story_statements)))
            .list.any()
        )
        if here.height:
            parts.append(
                b.table(
                    here.sort("n", descending=True),
                    {
                        "outlet A": "outlet_a",
                        "A writes": "term_a",
                        "outlet B": "outlet_b",
                        "B writes": "term_b",
                        "example (A)": lambda r: shorten(r.get("example_a"), 140),
                    },
                    caption=f"Story {sid}: word substitutions between aligned statements",
                )
            )
    return "".join(parts)


def _point_stories(r: Mapping[str, Any]) -> str:
    """A talking point's stories cell: how many, whether all of one day, and where a
    statement of it is told again as background of a later report."""
    cell = f"{r['n_stories']}" + (" (one day: perhaps one event)" if r["one_day"] else "")
    retold = r.get("retold_in") or []
    if retold:
        more = f" and {len(retold) - 3} more" if len(retold) > 3 else ""
        cell += f"; retold as background in {', '.join(retold[:3])}{more}"
    return cell


def talking_points(t: Mapping[str, pl.DataFrame], b: Builder) -> Section | None:
    table = t.get("talking_points")
    if table is None:
        return None
    if not table.height:
        return "Talking points", b.empty(
            "No position recurs across two stories or more (no talking point)."
        )
    statements = t.get("statements")
    if statements is not None and "published" in statements.columns:
        table = table.join(
            statements.select("statement_id", "published"), on="statement_id", how="left"
        )
    else:
        table = table.with_columns(published=pl.lit(None, pl.Date))
    for col in ("retold", "outlet"):
        if col not in table.columns:
            table = table.with_columns(pl.lit(None, pl.String).alias(col))
    points = (
        table.group_by("talking_point_id")
        .agg(
            pl.col("label").first(),
            # every statement of one day: often one event whose articles fell into two
            # stories (the same statement told by two outlets), not a position repeated
            (
                (pl.col("published").drop_nulls().n_unique() == 1)
                & pl.col("published").is_not_null().all()
            ).alias("one_day"),
            pl.col("n_stories").first(),
            pl.col("n_outlets").first(),
            pl.col("outlets").first(),
            pl.col("confidence").first(),
            (pl.col("why") if "why" in table.columns else pl.lit(None, pl.String))
            .first()
            .alias("why"),
            # the most frequent speaker; of two as frequent, the first by name (every run)
            pl.col("speaker").drop_nulls().mode().sort().first().alias("speaker"),
            pl.col("statement_id").alias("statement_ids"),
            # statements told again as background of a later report («وكان ... قد صرح»,
            # an earlier article's paragraph copied): the same words reported again
            pl.concat_str(
                pl.col("outlet").fill_null(""),
                pl.col("published").cast(pl.String).fill_null(""),
                separator=" ",
            )
            .str.strip_chars()
            .filter(pl.col("retold").is_not_null())
            .unique()
            .sort()
            .alias("retold_in"),
        )
        .sort(["n_stories", "n_outlets", "talking_point_id"], descending=[True, True, False])
    )
    columns: dict[str, Any] = {
        "talking point": "talking_point_id",
        "wording": lambda r: shorten(r["label"], 140),
        "speaker": lambda r: r["speaker"] or "",
        "stories": _point_stories,
        "outlets": "outlets",
        "confidence": "confidence",
    }
    # only "high" rows are shown as findings: read on all of SaudiNewsNet they were right
    # in 1 of 12 as a point repeated at two events (4 debatable), medium ones in about
    # half (docs/accuracy.md)
    sure = points.filter(pl.col("confidence") == "high")
    # medium (days apart) before low (one speaker's days), then most stories first
    unsure = points.filter(pl.col("confidence") != "high").sort(
        pl.col("confidence") == "low", maintain_order=True
    )
    n_one_day = sure.filter(pl.col("one_day")).height
    one_day_note = (
        f" {n_one_day} of the {sure.height} found all their statements on one day "
        "(marked 'one day'): most such points read on SaudiNewsNet were one statement told "
        "by two outlets whose articles fell into two stories of one event, which shows the "
        "stories split more than a position repeated."
        if n_one_day
        else ""
    )
    parts = [
        _p(
            "A talking point is a position repeated across two stories or more, looser than "
            "a claim. Only high-confidence ones are listed here: one claim told again at "
            "events days apart, a statement retold as background of a later report not "
            "counting (read on all of SaudiNewsNet, 1 of 12 was a position repeated, 4 "
            "debatable, 7 wrong: words quoted again in a column, a late copy, a phrase or a "
            "template of two events); the others are in their own table below, as leads to "
            "check; by default no point of dated statements is high (the high ones were "
            "still mostly wrong), so a dated corpus lists none here. Read the statements "
            "before saying a speaker repeats himself." + one_day_note
        ),
        b.table(
            sure,
            columns,
            caption="Talking points (high confidence), those in the most stories first",
            order="(most stories first)",
            empty="No talking point of high confidence.",
        ),
    ]
    if unsure.height:
        parts.append("<h3>Not sure: talking points to check</h3>")
        parts.append(
            _p(
                "Medium and low confidence. Medium: statements days apart of one actor of "
                "the gazetteer sharing a phrase, neither a report of an event, a meeting "
                "or a figure; read blind on SaudiNewsNet as a position repeated at two "
                f"events, {TALKING_POINT_READ['medium']} (often two different statements "
                "of one speaker on one subject, or words quoted again later). Low, with "
                "the reason in 'why low': in a dated corpus, every statement within two "
                "days (one event whose articles fell into two stories, or one speaker's "
                f"two points of one event: {TALKING_POINT_READ['low']}), or days apart but "
                "not one named speaker, the same words told again, one template of two "
                "places, a report of an event, a meeting or a figure, two different "
                "statements sharing words, or a speaker outside the gazetteer "
                f"({TALKING_POINT_READ['moved']}). Read the statements first."
            )
        )
        parts.append(
            b.table(
                unsure,
                {**columns, "why low": lambda r: r["why"] or ""},
                caption="Talking points not sure (medium or low confidence)",
                order="(most stories first)",
            )
        )
    return "Talking points: positions repeated across stories", "".join(parts)
