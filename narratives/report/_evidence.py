"""The articles a report cites, with the cited statements highlighted (private).

Every chart mark and table row of a report links to the statements behind
it. :class:`Evidence` records which statements were cited (``cite``) and
renders, for the report's last section, only the articles holding them: the
article text exactly as read, each cited statement wrapped in a ``<mark>``
with a stable anchor, its outlet, date, headline and a link to its URL (the
address isolated left to right so an Arabic slug cannot scramble it). All
text is escaped; nothing from an article is markup.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from narratives.viz._text import clean, is_arabic, shorten

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def _date(value: Any) -> str:
    return "" if value is None else str(value)


class Rows(Mapping[str, Any]):
    """The rows of a frame by key, each read from the frame when asked for.

    A report cites a few thousand of a corpus's statements: a Python dict per
    row of every statement and article held 0.6 GB on all of SaudiNewsNet;
    this holds only the key -> row number index (the last row of a repeated
    key wins, as building a dict row by row did). ``value`` names the one
    column a lookup returns instead of the whole row as a dict.
    """

    def __init__(self, frame: pl.DataFrame, key: str, value: str | None = None) -> None:
        self._frame = frame
        self._index = {k: i for i, k in enumerate(frame[key].to_list())}
        self._value = None if value is None else frame.columns.index(value)

    def __getitem__(self, key: str) -> Any:
        i = self._index[key]
        if self._value is None:
            return self._frame.row(i, named=True)
        return self._frame.row(i)[self._value]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


@dataclass
class Evidence:
    """Statements cited by a report, and the articles that hold them.

    Parameters
    ----------
    articles
        ARTICLES table (``raw_text`` is needed to show a statement in its
        article; without it the statement text alone is shown).
    statements
        STATEMENTS table.
    root
        Folder the corpus paths are shown relative to (never absolute).
    per_item
        Statements linked from one chart mark or table row at most (the
        link says how many there are in all).
    context
        Characters of text kept on each side of a cited statement in a long
        article (about a sentence); the rest is replaced by a marker saying
        how much was left out. ``None`` embeds every cited article whole.
    opening
        Characters kept from the start of a long article (its headline and
        lede), whatever it cites.
    whole_below
        Articles up to twice this many characters are embedded whole.
    """

    articles: pl.DataFrame | None
    statements: pl.DataFrame
    root: Path | None = None
    per_item: int = 2
    context: int | None = 200
    opening: int = 300
    whole_below: int = 800
    _st: Mapping[str, dict[str, Any]] = field(default_factory=dict, init=False)
    _art: Mapping[str, dict[str, Any]] = field(default_factory=dict, init=False)
    _anchors: dict[str, str] = field(default_factory=dict, init=False)
    _idents: dict[str, str] = field(default_factory=dict, init=False)
    _used: set[str] = field(default_factory=set, init=False)
    _cited: dict[str, list[str]] = field(default_factory=dict, init=False)
    _claims: Mapping[str, list[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        cols = [
            c
            for c in ("statement_id", "article_id", "outlet", "published", "start", "end", "text")
            if c in self.statements.columns
        ]
        self._st = Rows(self.statements.select(cols), "statement_id")
        if self.articles is not None and self.articles.height:
            acols = [
                c
                for c in (
                    "article_id",
                    "outlet",
                    "published",
                    "title",
                    "url",
                    "source_path",
                    "raw_text",
                    "text",
                )
                if c in self.articles.columns
            ]
            self._art = Rows(self.articles.select(acols), "article_id")

    # --- anchors and labels ------------------------------------------------

    def _anchor(self, prefix: str, ident: str) -> str:
        key = f"{prefix}:{ident}"
        if key not in self._anchors:
            base = f"{prefix}-" + (_UNSAFE.sub("_", ident).strip("_") or "x")
            anchor, n = base, 1
            while anchor in self._used:
                n += 1
                anchor = f"{base}-{n}"
            self._used.add(anchor)
            self._anchors[key] = anchor
            self._idents[anchor] = ident
        return self._anchors[key]

    def statement_anchor(self, statement_id: str) -> str:
        """The HTML id of a statement's highlight in its article."""
        return self._anchor("s", statement_id)

    def anchor_statement(self, anchor: str) -> str:
        """The statement id of a statement anchor (inverse of :meth:`statement_anchor`)."""
        return self._idents[anchor]

    def article_anchor(self, article_id: str) -> str:
        """The HTML id of an article in the evidence section."""
        return self._anchor("a", article_id)

    def knows(self, statement_id: str) -> bool:
        return statement_id in self._st

    def statement_text(self, statement_id: str) -> str:
        return str(self._st.get(statement_id, {}).get("text") or "")

    def article_label(self, article_id: str, *, width: int = 60) -> str:
        """ "outlet · date · headline" for an article (its id when nothing else is known)."""
        art = self._art.get(article_id)
        if art is None:
            return clean(article_id)
        parts = [clean(art.get("outlet") or "unknown outlet")]
        if art.get("published"):
            parts.append(_date(art["published"]))
        title = art.get("title")
        parts.append(shorten(title, width) if title else f"article {clean(article_id)}")
        return " · ".join(parts)

    def statement_label(self, statement_id: str, *, width: int = 60) -> str:
        row = self._st.get(statement_id)
        if row is None:
            return clean(statement_id)
        return self.article_label(row["article_id"], width=width)

    # --- citing -------------------------------------------------------------

    def set_claims(self, claims: pl.DataFrame | None) -> None:
        """Statements of each claim, so a claim id can be cited."""
        if claims is None or not claims.height:
            return
        grouped = claims.group_by("claim_id", maintain_order=True).agg(pl.col("statement_id"))
        self._claims = Rows(grouped, "claim_id", "statement_id")

    def claim_statements(self, claim_id: str, *, outlets: Iterable[str] | None = None) -> list[str]:
        sids = self._claims.get(claim_id, [])
        if outlets is None:
            return list(sids)
        keep = set(outlets)
        return [s for s in sids if self._st.get(s, {}).get("outlet") in keep]

    def cite(
        self,
        statement_ids: Iterable[str | None] | None,
        *,
        limit: int | None = None,
        reuse: bool = False,
    ) -> list[str]:
        """Record up to ``limit`` (default ``per_item``) statements as cited; return their
        anchors.

        With ``reuse`` (for interchangeable statements, such as those of one
        chart cell), statements in articles the report already embeds come
        first, so a large report embeds fewer articles for the same links.
        """
        most = self.per_item if limit is None else min(limit, self.per_item)
        anchors: list[str] = []
        if not statement_ids:
            return anchors
        if reuse:
            known = [s for s in statement_ids if s is not None and s in self._st]
            old = [s for s in known if self._st[s]["article_id"] in self._cited]
            seen = set(old)
            statement_ids = old + [s for s in known if s not in seen]
        for sid in statement_ids:
            if sid is None or sid not in self._st:
                continue
            article = self._st[sid]["article_id"]
            cited = self._cited.setdefault(article, [])
            if sid not in cited:
                cited.append(sid)
            anchors.append(self.statement_anchor(sid))
            if len(anchors) >= most:
                break
        return anchors

    @property
    def n_articles(self) -> int:
        return len(self._cited)

    @property
    def n_statements(self) -> int:
        return sum(len(v) for v in self._cited.values())

    # --- rendering ------------------------------------------------------------

    def relative(self, path: str | None) -> str:
        """``path`` relative to the corpus root (the file name when outside it)."""
        if not path:
            return ""
        text = str(path)
        member = ""
        if "::" in text:
            text, member = text.split("::", 1)
            member = "::" + member
        p = Path(text)
        if p.is_absolute():
            if self.root is not None:
                try:
                    return clean(str(p.relative_to(self.root)) + member)
                except ValueError:
                    pass
            return clean(p.name + member)
        return clean(text + member)

    def link_html(self, url: str | None) -> str:
        """A working, left-to-right isolated link to an article's URL (or "")."""
        if not url:
            return ""
        url = clean(url).strip()
        if not _SAFE_URL.match(url):
            return f'<bdi dir="ltr" class="url">{html.escape(url)}</bdi>'
        href = html.escape(url, quote=True)
        return (
            f'<a class="url" href="{href}" rel="noopener noreferrer nofollow" target="_blank">'
            f'<bdi dir="ltr">{html.escape(url)}</bdi></a>'
        )

    def _kept(self, raw: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """Parts of ``raw`` to embed: all of a short article; else the lede and the passages
        around the cited statements (``context`` characters each side, widened to whole
        words), so a large report stays small."""
        if self.context is None or len(raw) <= 2 * self.whole_below:
            return [(0, len(raw))]
        windows = [(0, min(len(raw), self.opening))]
        for start, end, _ in spans:
            windows.append((max(0, start - self.context), min(len(raw), end + self.context)))
        windows.sort()
        merged: list[tuple[int, int]] = []
        for a, b in windows:
            a, b = _word_edge(raw, a, back=True), _word_edge(raw, b, back=False)
            if merged and a <= merged[-1][1] + 40:  # a small gap is not worth a marker
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        if sum(b - a for a, b in merged) >= 0.8 * len(raw):
            return [(0, len(raw))]
        return merged

    def _body(self, article: Mapping[str, Any], cited: list[str]) -> str:
        raw = article.get("raw_text") or article.get("text") or ""
        spans = []
        for sid in cited:
            st = self._st[sid]
            start, end = st.get("start"), st.get("end")
            if (
                raw
                and isinstance(start, int)
                and isinstance(end, int)
                and 0 <= start < end <= len(raw)
            ):
                spans.append((start, end, sid))
        spans.sort()
        kept = self._kept(raw, spans)
        out: list[str] = []

        def text(a: int, b: int) -> None:
            """raw[a:b], each part not embedded replaced by a marker saying its length."""
            cur = a
            for ka, kb in kept:
                if kb <= cur:
                    continue
                if ka >= b:
                    break
                lo, hi = max(cur, ka), min(b, kb)
                if lo > cur:
                    out.append(_elided(lo - cur))
                out.append(html.escape(clean_keep_lines(raw[lo:hi])))
                cur = hi
            if cur < b:
                out.append(_elided(b - cur))

        pos = 0
        unplaced = [s for s in cited if s not in {sp[2] for sp in spans}]
        for start, end, sid in spans:
            anchor = self.statement_anchor(sid)
            if start < pos:  # overlaps the previous highlight: an anchor only
                out.append(f'<span class="st-anchor" id="{anchor}" data-s="{anchor}"></span>')
                continue
            text(pos, start)
            out.append(
                f'<mark class="st" id="{anchor}" data-s="{anchor}">'
                f"{html.escape(clean_keep_lines(raw[start:end]))}</mark>"
            )
            pos = end
        text(pos, len(raw))
        extra = "".join(
            f'<p class="st-extra"><mark class="st" id="{self.statement_anchor(s)}" '
            f'data-s="{self.statement_anchor(s)}">{html.escape(clean(self.statement_text(s)))}'
            "</mark></p>"
            for s in unplaced
        )
        direction = "rtl" if is_arabic(raw) else "auto"
        note = (
            '<p class="note excerpt">Excerpt: the opening and the passages around the cited '
            f"statements ({sum(b - a for a, b in kept):,} of {len(raw):,} characters); the "
            "full text is at the link and in the source file.</p>"
            if kept != [(0, len(raw))]
            else ""
        )
        return f'{note}<div class="article-text" dir="{direction}">{"".join(out)}</div>{extra}'

    def articles_html(self) -> list[dict[str, str]]:
        """The cited articles, in order of publication then outlet, for the template."""

        def key(aid: str) -> tuple[str, str, str]:
            art = self._art.get(aid, {})
            return (_date(art.get("published")) or "9999", art.get("outlet") or "", aid)

        items = []
        for aid in sorted(self._cited, key=key):
            art = self._art.get(aid)
            cited = self._cited[aid]
            if art is None:
                art = {"article_id": aid, "outlet": self._st[cited[0]].get("outlet")}
            title = clean(art.get("title") or "")
            items.append(
                {
                    "anchor": self.article_anchor(aid),
                    "id": clean(aid),
                    "outlet": clean(art.get("outlet") or "unknown outlet"),
                    "date": _date(art.get("published")) or "date unknown",
                    "title": title,
                    "title_dir": "rtl" if is_arabic(title) else "auto",
                    "link": self.link_html(art.get("url")),
                    "path": self.relative(art.get("source_path")),
                    "n_cited": str(len(cited)),
                    "body": self._body(art, cited),
                }
            )
        return items


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _elided(n: int) -> str:
    return f'<span class="elided" dir="ltr">[… {n:,} characters not cited …]</span>'


def _word_edge(text: str, i: int, *, back: bool) -> int:
    """``i`` moved to the nearest white space (backwards or forwards) so no word is cut."""
    if i <= 0 or i >= len(text):
        return max(0, min(i, len(text)))
    step = -1 if back else 1
    j = i
    while 0 < j < len(text) and not text[j].isspace() and abs(j - i) < 40:
        j += step
    return j


def clean_keep_lines(text: str) -> str:
    """Article text made inert but otherwise untouched: every space and line break kept.

    Control characters and invisible format characters (bidi embeddings,
    overrides and isolates among them) are removed; nothing else changes.
    """
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
