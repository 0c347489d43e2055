"""How sure an omission row is: "sure" or "not sure", with a plain reason.

"Outlet X left out claim C" is a sentence a journalist may print, so a row
is only called ``sure`` when the evidence that X did not carry C is clear.
Read on two SaudiNewsNet days, the false omissions were claims X carried in
other words below the carried score (a quote reworded, a headline rewritten,
"هجر يغادر الخميس إلى تركيا" given as "تقرر أن تغادر بعثة الفريق صباح بعد غد
إلى تركيا"), formulas that are no claim ("إنا لله وإنا إليه راجعون"), and
articles of which the corpus holds little more than a headline. A row is
``not sure`` when any of these holds (the first one met is the ``why``):

near miss
    X's closest statement scores within ``near_score`` points of the carried
    score, or within ``near_containment`` of the carried containment.
words in X's text
    The claim's content words (IDF-weighted over the story's statements; a
    word counts when X's statements in the story hold it or its stem) are
    ``spread_share`` or more in X's text of the story, spread over sentences
    (one sentence holding them would have counted as carried).
short claim
    The claim statement has fewer than ``min_content`` content words: too
    little to tell a reworded claim from a missing one.
not a statement
    The claim statement X's text covers best is a piece of a sentence: it
    ends in a quote cut after fewer than four words (the sentence splitter
    took the quote's full stop for the sentence's: «قوله "القائد توفي.»), or
    it is a line of a table (three figures or more, at most two words per
    figure). (Claims of fewer than four content words, «الطيار الثاني حي.»,
    «لكن تبقى تحديات كبيرة», are listed by no omission rule at all.)
another matter
    A statement of the claim opens with a marker of another matter in its
    article ("على صعيد آخر", "من جهة أخرى", "من جانب آخر", "من جهة ثانية",
    "في سياق آخر", "قضائياً،", "ميدانياً،" ...): round-ups join items of other events or of other
    news of the same club, ministry or court to the story's article, and
    an outlet that reports the story's event does not "leave out" them
    (alyaum's Egypt round-up on Iran, whose «قضائياً، أجلت محكمة جنايات
    القاهرة ... محاكمة ... محمد مرسي» 3alyoum's Iran article does not give).
another item
    (:func:`another_item`, after :func:`round_up`) The claim follows such a
    marker in every article giving it, and nothing of that item (from the
    marker to the next one) is shared with the outlet's articles or carried
    by them in other words (the Qassam brigades' camps, «على صعيد آخر», after
    Abu Marzouk's call in alyaum's Palestine round-up, against alriyadh's
    article on the call).
round-up
    (:func:`round_up`, after the others, with the claims table) Every
    article giving the claim is a round-up whose statements around the
    claim align with articles of *other* stories, and none of them with
    X's articles of the story, which share another part of it: the claim
    is another event told beside the story's (AFP's Turkey round-up gives
    the Agri bombing aleqtisadiya reports, then the air strikes in Iraqi
    Kurdistan, which have their own stories).
courtesy
    (:func:`courtesy`, after the others) Every statement of the claim (the
    part, for a part row) thanks, praises or prays for the rulers: a phrase
    of ``leadership`` and one of ``praise`` in ``lexicons/formulae.yaml``
    («وفق أفضل المعايير العالمية التي تحقق رؤية وتطلعات ولاة أمرنا»): a
    formula of press releases, not a fact an outlet leaves out.
commentary
    (:func:`commentary`, after :func:`courtesy`) Every statement of the
    claim (the part, for a part row) is a view: unnamed analysts or
    observers as its subject («وأشار محللون سياسيون يمنيون إلى أن الهدنة
    الجديدة تعطي فرصة كبيرة»), a hedge outside quotation marks («ربما»,
    «يبدو»), or three stock phrases of purpose, effort and praise (``stock``
    in ``lexicons/formulae.yaml``: «حرص الهيئة على مواكبة النمو ... الكوادر
    ... الارتقاء»); a statement giving a figure is never one.
formula
    (:func:`formulas_and_background`, after the others) Every statement of
    the claim (the part, for a part row) is a wish or a prayer: fewer than
    four content words before a phrase of ``wishes`` in
    ``lexicons/formulae.yaml`` («معرباً عن تمنياته بالشفاء العاجل للمصابين»,
    «داعية المولى أن يحفظ البلاد والقادة والشعب من كل مكروه», «حفظ الله سموه في
    سفره وإقامته»), or a prayer to God after the speaker's name and titles
    («ودعا سمو الأمير سعود بن نايف بن عبدالعزيز المولى أن يحمي هذه البلاد»);
    or thanks or scripture after fewer than four content words
    (``thanks``, ``scripture``: «فيما أعرب المصاب عن تقديره وشكره لهذه الزيارة»,
    «وقال صلى الله عليه وسلم (بادروا بالأعمال سبعا ...)»), the protocol of a
    ceremony or a visit anywhere in it (``ceremony``: «تلا ذلك الحفل الخطابي المعد
    بهذه المناسبة بتلاوة آيات من الذكر الحكيم», «وكان في استقبال سموه ...») or the
    stock warning of an interior ministry's statement anywhere in it (``warning``:
    «بأن العقاب الشرعي سيكون مصيره», «كل من تسول له نفسه العبث بأمن الوطن»), or what
    the speaker told another outlet named in quotes («من خلال "اليوم"», «قال
    لـ"الاقتصادية"»: its own interview), a letter's greeting, courtesy and address line
    (``letter``, ``address``: «السلام عليكم ورحمة الله وبركاته», «ملك المملكة العربية
    السعودية حفظه الله»), a session's procedure (``procedure``: «وقد أحاط المجلس علماً
    بما ورد فيها») or a line opening the list or quote after it («وذلك على النحو
    التالي :»); a statement giving a figure is never one.
background
    (same function) Every statement of the claim opens by recalling an
    earlier fact: the pluperfect «وكان(ت) X قد» («وكانت الكويت قد شهدت في 26
    من الشهر الماضي هجوما انتحاريا»), «سبق أن», or «يذكر أن», «يشار إلى أن»,
    «وكان X» without «قد» naming an earlier time (الماضي, منذ, مؤخرا, قبل عام,
    an earlier year: «وكان هولمز اقتحم الصالة ... في 20 تموز/يوليو 2012»), or
    tells of "then" anywhere («آنذاك», «في ذلك الوقت»: «وهو ما أثار حفيظة وزيرة
    الخارجية الأمريكية آنذاك كوندوليزا رايس»), or opens with a date before its
    article's («وفي 22 أبريل (نيسان) الماضي، غرق مركب»), or goes on with such a
    recall just before it, telling no news of its own day («ووجهت الاتهام فيها
    إلى هؤلاء» after «وقالت النيابة آنذاك»): the story's history, not its news.
later news, earlier news
    (:func:`moments`, last) The claim's statements are all in articles of
    news of a day after the outlet's last article of the story, or all before
    its first one (an article's news day: its publication date and its first
    «أمس» or «اليوم»; a paper's «أمس» and a website's «اليوم» of the day
    before are one day): a story running over days joins two moments of one event
    (the preview and the result, Tuesday's market close and Wednesday's),
    and the outlet wrote before the claim was news, or told a later moment.
another moment of the market
    (:func:`market_moments`, after them) Every statement of the claim is, in
    a market article, in a passage on an earlier day's session («وفي نيويورك
    خفضت أسعار العقود الآجلة ... أول من أمس» and what follows it) while the
    outlet's articles tell no earlier day, or in an article whose reading
    times («بحلول الساعة 1345», «عند التسوية») are all other than the outlet's:
    another edition of the market wire, not a fact left out.
a list's item
    (:func:`formulas_and_background`) A short statement opening with «و» and
    a title right after one that opens a list («كل من:»): the list's last
    item, cut off by the sentence splitter.
another part
    (:func:`another_part`, after the others, with the claims table) No
    statement of any article giving the claim shares a claim with the
    outlet's articles of the story: nothing shows the outlet covered the part
    the claim belongs to (another chapter of a report, another release of the
    same body, another item of a round-up).
little text
    X's statements in the story hold fewer than ``min_outlet_words`` words
    (a headline, a caption): its article may say more than the corpus has.
restates the headline
    The claim statement holds ``lead_share`` or more of its own article's
    headline (IDF-weighted): it is the story's main fact, which an outlet
    covering the story gives, most likely in other words ("تحطم الطائرة
    المروحية حدث خلال استعراض جوي" against "تحطمت طائرة هليكوبتر خلال عرض جوي").

A claim that is a headline is not an omission at all (the row is dropped,
``carried``) when ``spread_share`` or more of its words are in X's text of
the story: a headline sums up what the body says in its own sentences
(aawsat's "الأسهم السعودية تغلق على انخفاض بنسبة 0.76%", which alyaum's report
gives over several sentences, none scoring more than 29 with it). Headlines
reworded with other verbs stay near misses (aawsat gives okaz's "المغرب يقبض
على خلية إرهابية موالية لداعش" as «الأمن المغربي يفكك خلية ... لهم ارتباط
بـ«داعش»», score 33: not sure).

A figure of the claim (see :func:`narratives.compare._closest._figures`:
two digits or more or a unit word, years aside; a round figure agrees with
the precise one it rounds, 400 ألف with 407516) that X's text of the story
does not give anywhere overrides the headline tests and the first two
tests: the specific fact is absent, whatever the wording around it. The
figures that count are those of the claim statement whose words X's text
covers best: another outlet's sentence of the claim that adds a figure does
not make X's near miss sure.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import polars as pl

from narratives.compare._closest import _figures, figures_agree
from narratives.normalize import normalize

#: certainty values
SURE, NOT_SURE = "sure", "not sure"

_PREFIX = re.compile(r"^[يتنا](?=\w{3,})")
#: a preposition or conjunction left on a word without the article (لداعش, بداعش)
_PROCLITIC = re.compile(r"^[لبكوف](?=\w{4,})")


#: suffixes taken off (one, the longest that leaves three letters): nisba (المغربي,
#: إرهابية after normalization إرهابيه), sound plurals, a final ة/ه
_SUFFIXES = ("يه", "ات", "ون", "ين", "ي", "ه", "ة")


def _stem(word: str) -> str:
    """A crude stem: imperfect-verb prefix and one suffix off.

    يغادر, تغادر -> غادر; المغربي, المغرب -> مغرب (the definite article is
    already off in the content tokens); مواليه -> موال; لداعش -> داعش.
    """
    word = _PROCLITIC.sub("", word)
    word = _PREFIX.sub("", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


#: a word, as counted for "little text"
_WORDS = re.compile(r"\w+")


def _stems(tokens: list[list[str]]) -> list[set[str]]:
    """The stems of each token list, words of one synonym group one word."""
    from narratives.compare._synonyms import with_synonyms

    return [{_stem(w) for w in toks} for toks in with_synonyms(tokens)]


#: an opening quote or bracket and its closing one
_PAIRS = (("«", "»"), ("“", "”"), ("(", ")"), ("[", "]"))
_WORD = re.compile(r"[^\W\d_]{2,}")
#: fewer words after an unclosed quote: the sentence splitter cut the quote
_MIN_QUOTED = 4


def _idf(stems: list[set[str]]) -> dict[str, float]:
    """Smoothed IDF of each stem over ``stems`` (one set per statement).

    >>> _idf([{"a", "b"}, {"a"}])["a"] < _idf([{"a", "b"}, {"a"}])["b"]
    True
    """
    df: dict[str, int] = {}
    for words in stems:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(stems)
    return {w: float(np.log((1 + n) / (1 + c)) + 1) for w, c in df.items()}


def _fragment(text: str) -> str | None:
    """Why ``text`` is no statement of its own, or None.

    A quote cut where the sentence splitter saw a full stop («قوله "القائد
    توفي.», then «الطيار الثاني حي.»), a line of a table (figures with few
    words between them).
    """
    body = text.strip()
    for opening, closing in (*_PAIRS, ('"', '"')):
        if opening == closing:
            unclosed = body.count(opening) % 2 == 1
        else:
            unclosed = body.count(opening) > body.count(closing)
        if not unclosed:
            continue
        tail = body[body.rfind(opening) + 1 :]
        n = len(_WORD.findall(tail))
        if opening == closing and n == 0:
            continue  # a straight quote closing a quote opened in the sentence before
        if n < _MIN_QUOTED:
            return f"a fragment: a quote cut after {n} words ({opening}{tail.strip()})"
    figures = re.findall(r"\d+(?:[.,،٫]\d+)*", body)
    words = _WORD.findall(body)
    if len(figures) >= 3 and len(figures) * 2 >= len(words):
        return f"a table row: {len(figures)} figures and {len(words)} words"
    return None


#: a sentence that opens another matter of a round-up article: "on another front",
#: "in another context", or a field adverb and a comma (قضائياً، ميدانياً، سياسياً،)
_ANOTHER_MATTER = re.compile(
    # a diacritic on the noun («على صعيدٍ آخر»), a word between («وفي شأن شبابي آخر»)
    r"^\W*[وف]?(?:(?:على صعيد|في سياق|في شأن|من جهة|من ناحية|من جانب)[\u064b-\u0652]*\s+"
    r"(?:[^\s،,]+\s+)?(?:آخر|اخر|أخرى|اخرى|منفصل|ثانية|ثانيه)"
    r"|(?:قضائي|ميداني|سياسي|أمني|امني|اقتصادي|دبلوماسي|عسكري|رياضي|محلي|دولي|إقليمي|اقليمي)"
    r"اً?\s*[،,])"
)


def certainty(
    omissions: pl.DataFrame,
    statements: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    carried_score: float,
    carried_containment: float,
    near_score: float = 10.0,
    near_containment: float = 0.1,
    spread_share: float = 0.6,
    min_content: int = 4,
    min_outlet_words: int = 20,
    lead_share: float = 0.4,
) -> pl.DataFrame:
    """``omissions`` (story rule) with ``certainty``, ``why`` and ``carried`` (module docs).

    ``carried`` rows are headline claims the outlet gives in its own sentences:
    no omission (the caller drops them).
    """
    from narratives.compare._tokens import content_tokens_in_parts, in_parts

    n = omissions.height
    if n == 0 or "text" not in statements.columns:
        return omissions.with_columns(
            certainty=pl.lit(None, pl.String),
            why=pl.lit(None, pl.String),
            carried=pl.lit(False, pl.Boolean),
        )
    story_of = stories.select("article_id", "story_id").unique("article_id")
    st = (
        statements.select(
            "statement_id",
            "article_id",
            "outlet",
            "text",
            *(["is_headline"] if "is_headline" in statements.columns else []),
        )
        .join(story_of, on="article_id", how="inner")
        .join(omissions.select("story_id").unique(), on="story_id", how="semi")
    )
    texts = st["text"].fill_null("").to_list()
    heads = (
        st["is_headline"].fill_null(False).to_list()
        if "is_headline" in st.columns
        else [False] * st.height
    )
    # each article's headline statements (rows)
    head_rows: dict[str, list[int]] = {}
    for r, (art, h) in enumerate(zip(st["article_id"].to_list(), heads, strict=True)):
        if h:
            head_rows.setdefault(art, []).append(r)
    arts = st["article_id"].to_list()
    # words of one synonym group (مروحية / هليكوبتر, استشهاد / مقتل) count as one word
    # (tokenized in parts on the usable cores: the tokens of one call)
    stems = content_tokens_in_parts(texts, then=_stems)
    sids = st["statement_id"].to_list()
    row_of = {sid: i for i, sid in enumerate(sids)}
    # IDF over the statements of the stories in question
    idf = _idf(stems)
    # each outlet's words and figures in each story
    words_of: dict[tuple[str, str], set[str]] = {}
    figures_of: dict[tuple[str, str], set[tuple[int, int]]] = {}
    n_words: dict[tuple[str, str], int] = {}
    # each statement's figures and word count, in parts on forked workers: those of the
    # outlets asked about in each story (the rows' outlets) only
    asked_keys = set(omissions.select("story_id", "outlet").iter_rows())
    where = [
        (r, (story, outlet))
        for r, (outlet, story) in enumerate(st.select("outlet", "story_id").iter_rows())
        if (story, outlet) in asked_keys
    ]
    read = in_parts(
        lambda span: [
            (_figures(texts[r]), len(_WORDS.findall(texts[r]))) for r, _ in where[span]
        ],
        len(where),
    )
    # each outlet's statements giving a figure in each story: (figures, row)
    figures_at: dict[tuple[str, str], list[tuple[frozenset[tuple[int, int]], int]]] = {}
    for (r, key), (figures, count) in zip(where, read, strict=True):
        words_of.setdefault(key, set()).update(stems[row_of[sids[r]]])
        figures_of.setdefault(key, set()).update(figures)
        if figures:
            figures_at.setdefault(key, []).append((figures, r))
        n_words[key] = n_words.get(key, 0) + count
    del read
    where.clear()
    asked = omissions.select(
        "outlet", "story_id", "statement_ids", "closest_score", "containment"
    ).to_dicts()

    def judge(span: slice) -> list[tuple[str, str | None, bool]]:
        """``certainty``, ``why`` and ``carried`` of the rows ``asked[span]``."""
        return [_judge(row) for row in asked[span]]

    def _judge(row: dict[str, Any]) -> tuple[str, str | None, bool]:
        key = (row["story_id"], row["outlet"])
        have = words_of.get(key, set())
        rows = [row_of[s] for s in row["statement_ids"] or [] if s in row_of]
        # the claim statement the outlet's text covers best
        share, size = 0.0, 0
        head_share, lead = 0.0, 0.0
        figs: set[tuple[int, int]] = set()
        best, best_row = -1.0, -1
        fragment = None
        another = None
        for r in rows:
            if another is None and (m := _ANOTHER_MATTER.match(texts[r])):
                another = m.group(0).strip(" ،,")
            weights = {w: idf[w] for w in stems[r]}
            total = sum(weights.values())
            if total:
                got = sum(v for w, v in weights.items() if w in have) / total
                share = max(share, got)
                # the figures that count are those of the claim's wording X covers best:
                # a sentence of the claim that adds a figure (another outlet's "32 ألف
                # كشاف") does not make X's near miss a sure omission
                if got > best:
                    best, best_row, figs = got, r, set(_figures(texts[r]))
                    fragment = _fragment(texts[r])
                if heads[r]:
                    head_share = max(head_share, got)
                # how much of its own article's headline the claim statement restates
                for h in head_rows.get(arts[r], []):
                    hw = {w: idf[w] for w in stems[h]}
                    inter = sum(v for w, v in hw.items() if w in weights)
                    if hw:
                        lead = max(lead, inter / max(sum(hw.values()), 1e-9))
            size = max(size, len(stems[r]))
        figure_absent = bool(figs) and not figures_agree(
            frozenset(figs), frozenset(figures_of.get(key, set()))
        )
        score = row["closest_score"]
        cont = row["containment"]
        why = None
        held = n_words.get(key, 0)
        # a headline's words spread over X's text: X gives it in its own sentences
        carried = not figure_absent and head_share >= spread_share
        if carried:
            why = f"headline carried: {head_share:.0%} of its words are in the outlet's text"
        elif held < min_outlet_words:
            why = f"little text: the outlet's statements in the story hold {held} words"
        elif size < min_content:
            why = f"short claim ({size} content words): too little to tell it is missing"
        elif fragment is not None:
            why = f"not a statement ({fragment}): too little to tell it is missing"
        elif another is not None:
            why = (
                f"another matter: the claim opens with «{another}» in its article, "
                "an item of a round-up beside the story's event"
            )
        elif figure_absent and (
            near := _near_figure(figs, texts[best_row], figures_at.get(key, []), texts)
        ):
            why = (
                "in other words or another count?: the outlet gives a figure near the "
                f"claim's (within 5 %), one of them approximate: «{near}»"
            )
        elif not figure_absent:
            if (score is not None and score >= carried_score - near_score) or (
                cont is not None and cont >= carried_containment - near_containment
            ):
                why = (
                    f"near miss: closest statement scores {score or 0:.0f} "
                    f"(carried from {carried_score:.0f}), containment {cont or 0:.2f}"
                )
            elif share >= spread_share:
                why = f"{share:.0%} of the claim's words are in the outlet's text of the story"
            elif lead >= lead_share:
                why = (
                    f"the claim restates its article's headline ({lead:.0%} of its words): "
                    "an outlet covering the story most likely gives it in other words"
                )
        return (SURE if why is None else NOT_SURE), why, carried

    judged = in_parts(judge, len(asked))
    labels = [j[0] for j in judged]
    whys = [j[1] for j in judged]
    carried_rows = [j[2] for j in judged]
    return omissions.with_columns(
        certainty=pl.Series(labels, dtype=pl.String),
        why=pl.Series(whys, dtype=pl.String),
        carried=pl.Series(carried_rows, dtype=pl.Boolean),
    )



#: a figure given as approximate: «نحو 370», «أكثر من 360», «تخطى 22%»; match-normalized
_APPROXIMATE = re.compile(
    r"(?<!\w)(?:نحو|حوالي|حوالى|قرابه|زهاء|اكثر من|اقل من|ما يقارب|ما يزيد|يقارب|تخطى|"
    r"تجاوز|تجاوزت|يناهز|ناهز|قارب|قاربت)(?!\w)"
)


_PERCENT = re.compile(r"%|٪|(?<!\w)(?:في المائه|في المئه|بالمائه|بالمئه)(?!\w)")


def _near_figure(
    figs: set[tuple[int, int]],
    claim: str,
    outlet: list[tuple[frozenset[tuple[int, int]], int]],
    texts: list[str],
    *,
    within: float = 0.05,
) -> str | None:
    """The outlet's statement giving a figure within ``within`` (relative) of one of the
    claim's, other than it, when one of the two statements gives its figure as
    approximate: «وكان أكثر من 360 مهاجرا قد نجوا» and «تحمل نحو 370 من الناجين», «سجلت
    بورصة أثينا تدهورا تخطى 22%» and «هبط المؤشر الرئيسي نحو 23 في المائة» may be one fact
    in other words. Its text, or None."""
    if not figs or not outlet:
        return None
    claim = normalize(claim)
    hedged, share = bool(_APPROXIMATE.search(claim)), bool(_PERCENT.search(claim))
    for theirs, r in outlet:
        text = normalize(texts[r])
        # a share only with a share; a count of a hundred or more (30 years and 31
        # wounded are two facts)
        both_shares = share and bool(_PERCENT.search(text))
        near = any(
            a != b and abs(a - b) <= within * max(a, b) and (both_shares or min(a, b) >= 100)
            for a, _ in figs
            for b, _ in theirs
        )  # fmt: skip
        if near and (hedged or _APPROXIMATE.search(text)):
            return texts[r]
    return None


#: the omission rows a certainty rule reads
SURE_ROWS = pl.col("certainty") == SURE


def _sure_statements(omissions: pl.DataFrame, at: pl.DataFrame, which: pl.Expr) -> pl.DataFrame:
    """One row per (omission row ``_row``, statement of its claim ``sid``) for the rows
    ``which`` selects, with the statement's columns in ``at`` (its article, position)."""
    return (
        omissions.with_row_index("_row")
        .filter(which)
        .select("_row", "story_id", "outlet", sid="statement_ids")
        .explode("sid")
        .drop_nulls("sid")
        .join(at.rename({"statement_id": "sid"}), on="sid")
    )


def round_up(
    omissions: pl.DataFrame,
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    window: int = 3,
    min_other: int = 2,
) -> pl.DataFrame:
    """``sure`` rows of a round-up's other matter made ``not sure`` (why "round-up: ...").

    A round-up (a wire wrap-up of several events, a press review, a news
    digest) joins a story through the part on the story's event; its other
    parts then look like claims the story's single-event outlets "left out".
    A row's claim is taken for such a part when, in every article giving it
    (the claim's statements of the row, ``statement_ids``):

    - some statement shares a claim with the omitting outlet's articles of
      the story (the part the outlet reports), none of them within
      ``window`` statements of the claim's, and
    - ``min_other`` or more statements within ``window`` of it share a
      claim with articles of other stories (another event, which has its
      own story).

    Read on SaudiNewsNet: aawsat's emergency decree in Sinai gives, after the
    decree, the Arish bus bombing (a story of its own), which aleqtisadiya's
    decree article does not; AFP's Turkey round-up gives the Agri bombing
    (aleqtisadiya's story), then the foreign ministry on the strikes in Iraqi
    Kurdistan. Needs ``position`` in ``statements``; rows are returned as they
    are otherwise.
    """
    needed = {"statement_id", "article_id", "position"}
    if omissions.is_empty() or not needed <= set(statements.columns):
        return omissions
    story_of = stories.select("article_id", "story_id").unique("article_id")
    at = statements.select("statement_id", "article_id", "position")
    rows = _sure_statements(omissions, at, SURE_ROWS)
    if rows.is_empty():
        return omissions
    # every statement of the carrier articles with the (story, outlet) of the other
    # articles its claim holds
    arts = rows.select("article_id").unique()
    mine = (
        claims.select("claim_id", "statement_id")
        .join(at.join(arts, on="article_id", how="semi"), on="statement_id")
        .rename({"position": "qpos"})
    )
    links = (
        mine.join(
            claims.select("claim_id", l_art="article_id", l_out=pl.col("outlet").cast(pl.String)),
            on="claim_id",
        )
        .filter(pl.col("l_art") != pl.col("article_id"))
        .join(story_of.rename({"article_id": "l_art", "story_id": "l_story"}), on="l_art")
        .select("article_id", "qpos", "l_story", "l_out")
        .unique()
    )
    near = (pl.col("qpos") - pl.col("position")).abs() <= window
    # the outlet's part: statements shared with its own articles of the story
    anchors = (
        rows.join(
            links,
            left_on=["article_id", "story_id", "outlet"],
            right_on=["article_id", "l_story", "l_out"],
        )
        .select("_row", "sid", "qpos", "position")
        .unique()
    )
    anchored = anchors.group_by("_row", "sid").agg(near_x=near.any())
    other = (
        rows.join(links, on="article_id")
        .filter(
            near
            & (pl.col("qpos") != pl.col("position"))
            & (pl.col("l_story") != pl.col("story_id"))
        )
        .join(anchors.select("_row", "sid", "qpos"), on=["_row", "sid", "qpos"], how="anti")
        .group_by("_row", "sid")
        .agg(
            pl.col("qpos").n_unique().alias("n_other"),
            pl.col("l_story").unique().sort().head(3).alias("others"),
            pl.col("article_id").first(),
        )
    )
    per = (
        rows.select("_row", "sid")
        .join(anchored, on=["_row", "sid"], how="left")
        .join(other, on=["_row", "sid"], how="left")
        .with_columns(
            hit=pl.col("near_x").is_not_null()
            & ~pl.col("near_x").fill_null(True)
            & (pl.col("n_other").fill_null(0) >= min_other)
        )
    )
    found = (
        per.sort("sid")
        .group_by("_row")
        .agg(
            pl.col("hit").all(),
            pl.col("article_id").first().alias("_art"),
            pl.col("others").first().alias("_others"),
        )
        .filter("hit")
    )
    if found.is_empty():
        return omissions
    why = pl.format(
        "round-up: around the claim, its article ({}) gives statements of other stories "
        "({}) and none the outlet's articles share: another event told beside the story's",
        pl.col("_art"),
        pl.col("_others").list.join(", "),
    )
    out = omissions.with_row_index("_row").join(
        found.select("_row", "_art", "_others"), on="_row", how="left"
    )
    hit = pl.col("_art").is_not_null()
    return out.with_columns(
        certainty=pl.when(hit).then(pl.lit(NOT_SURE)).otherwise(pl.col("certainty")),
        why=pl.when(hit).then(why).otherwise(pl.col("why")),
    ).drop("_row", "_art", "_others")


def another_part(
    omissions: pl.DataFrame,
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    reworded: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``sure`` rows whose claim's articles share nothing with the outlet's made ``not sure``.

    A story joins articles on one event, but an outlet's article of it may
    tell another part than the articles giving the claim: another chapter of
    a long report, another press release of the same body, another item of a
    round-up. The row is ``not sure`` (``why`` "another part: ...") when no
    statement of any article giving the claim (the row's ``statement_ids``)
    shares a claim with the outlet's articles of the story, nor gives a claim
    the outlet gives in other words (``reworded``: ``claim_id``, ``story_id``,
    ``outlet``; the caller passes those of closest score 55 or more, the
    alignment's paraphrase threshold: two wires telling one crash share no
    statement, but their headlines score 54-69): nothing shows the outlet
    covered the part the claim belongs to. Read on SaudiNewsNet
    2015-07-23 + 2015-08-11 (docs/accuracy.md, ``omissions``, session 27):
    alyaum's and alweeam's digest of SAMA's annual report, whose banking
    institute and SADAD chapters okaz, alriyadh, almadina and aljazirah "left
    out" in their articles on the payments network; the dermatology clinic's
    release of the Saudi clinics in Zaatari, joined to the psychological
    support unit's release okaz and aljazirah ran; another day's opening of
    Wall Street. Of 26 such rows read on it and on 2015-08-07 + 2015-08-08,
    5 were right omissions (almadina's and alwatan's shorter release on the
    Riyadh women's workshops, which shares no statement with okaz's and
    aljazirah's). Rows of a left-out part
    (``omitted_part``) are left as they are: the outlet gives the rest of the
    claim. Needs ``article_id`` in ``statements``; rows are returned as they
    are without it.
    """
    if omissions.is_empty() or "article_id" not in statements.columns:
        return omissions
    rows = _sure_statements(
        omissions,
        statements.select("statement_id", "article_id"),
        SURE_ROWS & pl.col("omitted_part").is_null(),
    )
    if rows.is_empty():
        return omissions
    # the claims of the outlet's articles of the story
    own = (
        rows.select("_row", "story_id", "outlet")
        .unique()
        .join(stories.select("story_id", "outlet", "article_id"), on=["story_id", "outlet"])
        .join(claims.select("claim_id", "article_id"), on="article_id")
        .select("_row", "claim_id")
    )
    if reworded is not None and not reworded.is_empty():
        own = pl.concat(
            [
                own,
                rows.select("_row", "story_id", "outlet")
                .unique()
                .join(
                    reworded.select("claim_id", "story_id", "outlet"), on=["story_id", "outlet"]
                )
                .select("_row", "claim_id"),
            ]
        )
    own = own.unique()
    # the claims of the articles giving the claim
    theirs = rows.select("_row", "article_id").unique().join(
        claims.select("claim_id", "article_id"), on="article_id"
    )
    shared = theirs.join(own, on=["_row", "claim_id"], how="semi").select("_row").unique()
    found = rows.select("_row").unique().join(shared, on="_row", how="anti")
    why = (
        "another part: no statement of the articles giving the claim is shared with the "
        "outlet's articles of the story (another chapter, another release, another item): "
        "nothing shows the outlet covered this part"
    )
    return _not_sure_rows(omissions, dict.fromkeys(found["_row"].to_list(), why))


def _texts_of(statements: pl.DataFrame, sure: pl.DataFrame) -> dict[str, str]:
    """The texts of the statements of ``sure``'s rows (``statement_ids``): id -> text."""
    return dict(
        statements.select("statement_id", "text")
        .join(
            sure.select(statement_id="statement_ids").explode("statement_id").unique(),
            on="statement_id",
            how="semi",
        )
        .iter_rows()
    )


def _not_sure_rows(omissions: pl.DataFrame, whys: dict[int, str]) -> pl.DataFrame:
    """``omissions`` with the rows numbered in ``whys`` made not sure, for that reason."""
    if not whys:
        return omissions
    rows = sorted(whys)
    hit = pl.DataFrame(
        {"_row": rows, "_why": [whys[r] for r in rows]},
        schema={"_row": pl.UInt32, "_why": pl.String},
    )
    out = omissions.with_row_index("_row").join(hit, on="_row", how="left", maintain_order="left")
    flag = pl.col("_why").is_not_null()
    return out.with_columns(
        certainty=pl.when(flag).then(pl.lit(NOT_SURE)).otherwise(pl.col("certainty")),
        why=pl.when(flag).then(pl.col("_why")).otherwise(pl.col("why")),
    ).drop("_row", "_why")


@lru_cache(maxsize=1)
def _courtesy_pattern() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """``leadership`` and ``praise`` phrases of ``formulae.yaml``, match-normalized."""
    from narratives._resources import load_yaml

    data = load_yaml("formulae.yaml") or {}
    lead = sorted({normalize(str(w)) for w in data.get("leadership") or []}, key=len, reverse=True)
    praise = sorted({normalize(str(w)) for w in data.get("praise") or []}, key=len, reverse=True)
    if not lead or not praise:
        return None

    def phrase(w: str) -> str:
        # «ل» before the article drops its alif: «للقيادة الرشيدة», «لولاة الأمر»
        return "(?:ال|لل)" + re.escape(w[2:]) if w.startswith("ال") else re.escape(w)

    return (
        re.compile("|".join(map(phrase, lead))),
        re.compile("|".join(map(phrase, praise))),
    )


def courtesy(omissions: pl.DataFrame, statements: pl.DataFrame) -> pl.DataFrame:
    """``sure`` rows whose claim is courtesy to the rulers made ``not sure``.

    Every statement of the row's claim (``statement_ids``; the ``omitted_part``
    of a part row) holds a phrase of ``leadership`` and one of ``praise``
    (``lexicons/formulae.yaml``): the thanks, praise and prayers for the
    rulers that close press releases. Read on SaudiNewsNet 2015-08-10/11:
    okaz "left out" a hospital director's «هذا النجاح يأتي ضمن استراتيجية ...
    في ظل ما تتلقاه من دعم دائم من ولاة الأمر».
    """
    pats = _courtesy_pattern()
    if omissions.is_empty() or pats is None or "text" not in statements.columns:
        return omissions
    lead, praise = pats

    def polite(text: str | None) -> bool:
        t = normalize(text or "")
        return bool(lead.search(t)) and bool(praise.search(t))

    sure = omissions.with_row_index("_row").filter(pl.col("certainty") == SURE)
    if sure.is_empty():
        return omissions
    text_of = _texts_of(statements, sure)
    hit: set[int] = set()
    for row, ids, part in sure.select("_row", "statement_ids", "omitted_part").iter_rows():
        texts = [part] if part is not None else [text_of.get(i) for i in ids or []]
        if texts and all(polite(t) for t in texts):
            hit.add(row)
    if not hit:
        return omissions
    flag = pl.int_range(pl.len()).is_in(sorted(hit))
    why = (
        "courtesy: the claim thanks, praises or prays for the rulers (formulae.yaml): "
        "a formula of press releases, not a fact left out"
    )
    return omissions.with_columns(
        certainty=pl.when(flag).then(pl.lit(NOT_SURE)).otherwise(pl.col("certainty")),
        why=pl.when(flag).then(pl.lit(why)).otherwise(pl.col("why")),
    )


#: a sentence that recalls an earlier fact: «سبق أن», or the pluperfect «وكان/وكانت X قد»
#: (X up to seven words: «وكان قائد شرطة كابول عبدالرحمن رحيمي قد صرح»); match-normalized
_RECALL = re.compile(
    r"^\W*[وف]?(?:(?:قد\s+)?سبق\s+(?:و\s*)?(?:ان|ل)"
    r"|كان(?:ت|وا)?\s+(?:\S+\s+){0,7}?قد\s)"
)
#: a closing note («يذكر أن», «يشار إلى أن», «تجدر الإشارة إلى أن», «الجدير بالذكر أن»), or «وكان»
#: without «قد» (:data:`_WAS`): background when it names an earlier time (:data:`_EARLIER`,
#: or a year before the article's)
_NOTE = re.compile(
    r"^\W*[وف]?(?:يذكر|يشار|تجدر الاشاره|الجدير بالذكر|جدير بالذكر|ومن الجدير بالذكر)"
    r"\s+(?:الي\s+)?(?:ان|انه|انها|بان)\b"
)
_EARLIER = re.compile(
    r"\b(?:الماضي|الماضيه|السابق|السابقه|سابقا|سابقه|في وقت سابق|منذ|مؤخرا|موخرا"
    r"|قبل\s+(?:عام|اعوام|سنه|سنتين|سنوات|شهر|شهرين|اشهر|اسبوع|اسبوعين|ايام|يومين)"
    # a first toll, which the later one replaces («وكانت الحصيلة الأولى تفيد بسقوط تسعة قتلى»)
    r"|الحصيله\s+(?:الاولي|الاوليه)|حصيله\s+اوليه)\b"
)
#: «وكان X فعل» without «قد»: the pluperfect too when it names an earlier time («وكان مجلس
#: العموم أقر الشهر الماضي مشروع قانون»), not «وكان في استقباله», «وكان من بين الجرحى»
_WAS = re.compile(
    r"^\W*[وف]?كان(?:ت|وا|تا)?\s+(?!(?:من|في|ضمن|بين|مع|لدي|عند|بحضور|برفقته|برفقتها|له|لها|لهم)\s)"
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


#: "then", "at that time" anywhere in a sentence: it tells of an earlier time («وهو ما أثار
#: حفيظة وزيرة الخارجية الأمريكية آنذاك كوندوليزا رايس», «وأصدر أوباما آنذاك توجيهات
#: بالافراج عن 12 طائرة»); match-normalized
_THEN = re.compile(r"(?<!\w)(?:انذاك|حينذاك|حينئذ|وقتذاك|في ذلك الوقت|في ذلك الحين)(?!\w)")


#: the months, Gregorian and Levantine, match-normalized
_MONTHS = {
    **{m: i for i, m in enumerate(
        ("يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
         "اكتوبر", "نوفمبر", "ديسمبر"), 1)},
    **{m: i for i, m in enumerate(
        ("كانون الثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول",
         "تشرين الاول", "تشرين الثاني", "كانون الاول"), 1)},
}  # fmt: skip
_ORDINALS = {
    w: i
    for i, w in enumerate(
        ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
         "التاسع", "العاشر"), 1)
}  # fmt: skip
#: a sentence opening with a date: «وفي 22 أبريل (نيسان) الماضي، غرق مركب», «وفي الثالث من
#: آب/اغسطس الحالي، انتشر», «وفي كانون الثاني (يناير)، بدأت الكويت»; match-normalized
_DATED = re.compile(
    r"^\W*[وف]?في\s+(?:(\d{1,2}|" + "|".join(_ORDINALS) + r")\s+(?:من\s+)?)?("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")(?!\w)(.{0,40})"
)

#: «وفي عام 2013», «في العام 2010»
_DATED_YEAR = re.compile(r"^\W*[وف]?في\s+(?:عام|العام|سنه)\s+(\d{4})(?!\d)")


def _dated_before(t: str, published: date | None) -> str | None:
    """The date opening ``t`` (match-normalized) when it is before ``published``, or None.

    Before: an earlier year, an earlier month of the year (a later one without a
    year may be last year's or the coming one: not read), or a day of the same
    month more than two days before.
    """
    if published is None:
        return None
    y = _DATED_YEAR.match(t)
    if y is not None:
        return y.group(0).strip() if int(y.group(1)) < published.year else None
    m = _DATED.match(t)
    if m is None:
        return None
    day_word, month = m.group(1), _MONTHS[m.group(2)]
    year = next((int(y) for y in _YEAR.findall(m.group(3))), None)
    if year is not None and year != published.year:
        earlier = year < published.year
    elif month != published.month:
        earlier = month < published.month
    else:
        day = int(day_word) if day_word and day_word.isdigit() else _ORDINALS.get(day_word or "")
        earlier = day is not None and day < published.day - 2
    return m.group(0)[: m.end(2) - m.start(0)].strip() if earlier else None


def _background(text: str, year: int | None, published: date | None = None) -> str | None:
    """The opener (or the «آنذاك») by which ``text`` recalls an earlier fact, or None.

    With ``published`` (the article's date), a sentence opening with an earlier
    date recalls an earlier fact too (:func:`_dated_before`).
    """
    t = normalize(text or "")
    m = _RECALL.match(t) or _THEN.search(t)
    if m is not None:
        return m.group(0).strip()
    dated = _dated_before(t, published)
    if dated is not None:
        return dated
    m = _NOTE.match(t) or _WAS.match(t)
    if m is None:
        return None
    earlier = _EARLIER.search(t) is not None or (
        year is not None and any(int(y) < year for y in _YEAR.findall(t))
    )
    return m.group(0).strip() if earlier else None


@lru_cache(maxsize=1)
def _wish_pattern() -> re.Pattern[str] | None:
    """The ``wishes`` phrases of ``formulae.yaml``, match-normalized."""
    from narratives._resources import load_yaml

    data = load_yaml("formulae.yaml") or {}
    wishes = sorted({normalize(str(w)) for w in data.get("wishes") or []}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, wishes))) if wishes else None


#: a statement that opens by praying God that ...: «ودعا سمو الأمير سعود بن نايف بن عبدالعزيز
#: المولى أن يحمي هذه البلاد», «ندعو الله ان يحمي هذه البلاد», «وسأل سموه الله - تعالى - أن
#: يحفظ», «ودعا سموه المولى جل علاه أن يحفظ خادم الحرمين الشريفين»: the speaker's name and
#: titles come between, so the count of ``wishes`` misses it; match-normalized
_PRAYER = re.compile(
    r"^\W*[وف]?(?:دعا|دعت|دعوا|ندعو|ادعو|يدعو|تدعو|سال|سالت|نسال|اسال|يسال|تسال)\s+"
    r"(?:\S+\s+){0,8}?(?:الله|المولي|الباري)\s+(?:\S+\s+){0,3}?ان\s"
)


def _wish(text: str, *, min_content: int) -> str | None:
    """The wish ``text`` opens with (fewer than ``min_content`` content words before it,
    or a prayer that God ... after the speaker's name: :data:`_PRAYER`)."""
    from narratives.align._text import content_tokens

    pat = _wish_pattern()
    t = normalize(text)
    prayer = _PRAYER.match(t)
    if prayer is not None:
        return prayer.group(0).strip(" -")
    m = pat.search(t) if pat is not None else None
    if m is None:
        return None
    before = t[: m.start()]
    if before.strip() and len(content_tokens([before])[0]) >= min_content:
        return None
    return m.group(0)


@lru_cache(maxsize=1)
def _formula_patterns() -> dict[str, re.Pattern[str]]:
    """``thanks``, ``ceremony``, ``warning`` and ``scripture`` of ``formulae.yaml``: whole
    words of match-normalized text, a proclitic (و ف ب ل) allowed."""
    from narratives._resources import load_yaml

    data = load_yaml("formulae.yaml") or {}
    out: dict[str, re.Pattern[str]] = {}
    for kind in ("thanks", "ceremony", "warning", "scripture", "letter", "procedure", "address"):
        words = sorted({normalize(str(w)) for w in data.get(kind) or []}, key=len, reverse=True)
        if words:
            alts = "|".join(map(re.escape, words))
            out[kind] = re.compile(rf"(?<!\w)[وفبل]{{0,2}}(?:{alts})(?!\w)")
    return out


@lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern[str] | None:
    """An outlet named in quotes as the one a speaker told («قال لـ"الاقتصادية"», «من خلال
    "اليوم"»): every Arabic name of ``outlets.yaml``, match-normalized."""
    from narratives._resources import load_yaml

    data = load_yaml("outlets.yaml") or {}
    entries = data.get("outlets", data) if isinstance(data, dict) else data
    names: set[str] = set()
    for entry in entries or []:
        got = entry.get("name_ar") or [] if isinstance(entry, dict) else []
        names.update(normalize(str(n)) for n in ([got] if isinstance(got, str) else got))
    if not names:
        return None
    alts = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(
        r"(?:(?<!\w)لـ?\s*|(?<!\w)ل?(?:صحيفه|جريده|وكاله)\s+|من خلال\s+|عبر\s+)"
        rf"[\"(]\s*(?:{alts})\s*[\")]"
    )


#: how each kind of formula is named in ``why``
_FORMULA_KINDS = {
    "thanks": "thanks or praise («{}»)",
    "scripture": "scripture quoted («{}»)",
    "ceremony": "the protocol of a ceremony or a visit («{}»)",
    "warning": "the stock warning of an interior ministry's statement («{}»)",
    "credit": "what the speaker told another outlet, its own interview («{}»)",
    "letter": "the greeting or courtesy of a letter («{}»)",
    "procedure": "the procedure of a session («{}»): what it took note of is not given",
    "address": "a letter's address line («{}»)",
    "opener": "a line opening a list or a quote («{}»): its content is what follows",
}

#: a line that opens what follows it: it ends on «:» («:-») or on «التالي», «ما يلي»
#: («وذلك على النحو التالي :», «وقد انتهى المجلس إلى ما يلي :»); match-normalized
_OPENER = re.compile(r"(?:[:：]\s*-?|(?<!\w)(?:التالي|التاليه|كالتالي|ما يلي|الاتي))\W*$")


def _formula(text: str, *, min_content: int) -> str | None:
    """The formula ``text`` is (module docs of :func:`formulas_and_background`), or None.

    Thanks and scripture when fewer than ``min_content`` content words come
    before the phrase, the protocol of a ceremony or an interior ministry's stock
    warning wherever it is, a quoted
    outlet the speaker told (:data:`_FORMULA_KINDS`); never for a statement
    that gives a figure (a donation thanked for is a fact).
    """
    from narratives.align._text import content_tokens

    t = normalize(text or "")
    if _figures(text or ""):
        return None
    pats = _formula_patterns()
    for kind in ("thanks", "scripture"):
        m = pats[kind].search(t) if kind in pats else None
        if m is None:
            continue
        before = t[: m.start()]
        if not before.strip() or len(content_tokens([before])[0]) < min_content:
            return _FORMULA_KINDS[kind].format(m.group(0).strip())
    for kind in ("ceremony", "warning", "letter", "procedure"):
        m = pats[kind].search(t) if kind in pats else None
        if m is not None:
            return _FORMULA_KINDS[kind].format(m.group(0).strip())
    line = t.strip(" .،,:-")
    m = pats["address"].search(line) if "address" in pats else None
    if m is not None and m.end() == len(line) and len(line[: m.start()].split()) <= 6:
        return _FORMULA_KINDS["address"].format(m.group(0).strip())
    m = _OPENER.search(t.strip())
    if m is not None:
        return _FORMULA_KINDS["opener"].format(" ".join(t.split()[-4:]))
    credit = _credit_pattern()
    m = credit.search(t) if credit is not None else None
    if m is not None:
        return _FORMULA_KINDS["credit"].format(m.group(0).strip())
    return None


#: a statement that opens a list of people: «كل من», «وهم», or a line ending on «:»
_LIST = re.compile(r"(?<!\w)(?:كل من|وهم|وهن|هم كل من)(?!\w)\s*:?|[:：]\s*-?\W*$")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """``honorifics`` and ``title_words`` of ``lexicons/speaker_words.yaml``, with and
    without the article, match-normalized."""
    from narratives._resources import load_yaml

    data = load_yaml("speaker_words.yaml") or {}
    words = {normalize(str(w)) for k in ("honorifics", "title_words") for w in data.get(k) or []}
    return frozenset(words | {w[2:] for w in words if w.startswith("ال")}
                     | {"ال" + w for w in words if not w.startswith("ال")})  # fmt: skip


def _list_item(text: str, previous: str | None, *, max_words: int = 15) -> str | None:
    """The list opener ``text`` goes on with, when it is one more item of that list.

    A short statement (at most ``max_words`` words, no figure) opening with «و» and
    a title («ومساعد السكرتير الخاص لخادم الحرمين الشريفين الأستاذ تميم بن
    عبدالعزيز السالم») right after a statement that opens a list of people («وقد
    وصل في معيته ــ أيده الله ــ كل من: ...»): the sentence splitter cut the
    list's last item off (SaudiNewsNet 2015-08-03).
    """
    if not previous or _figures(text):
        return None
    t = normalize(text).split()
    if not t or len(t) > max_words or not t[0].startswith("و") or t[0][1:] not in _title_words():
        return None
    m = _LIST.search(normalize(previous))
    return m.group(0).strip(" :") or ":" if m is not None else None


def formulas_and_background(
    omissions: pl.DataFrame, statements: pl.DataFrame, *, min_content: int = 4
) -> pl.DataFrame:
    """``sure`` rows whose claim is a wish or a recalled earlier fact made ``not sure``.

    - **formula**: every statement of the claim (the ``omitted_part`` of a part
      row) holds fewer than ``min_content`` content words before a phrase of
      ``wishes`` (``lexicons/formulae.yaml``): a get-well wish or a prayer
      («معرباً عن تمنياته بالشفاء العاجل للمصابين», read on SaudiNewsNet
      2015-07-31: the outlet that leaves it out leaves out no fact).
    - **background**: every statement of the claim opens by recalling an
      earlier fact: the pluperfect «وكانت الكويت قد شهدت في 26 من الشهر الماضي
      هجوما انتحاريا», «سبق أن», or a closing note («يذكر أن», «يشار إلى أن»)
      or «وكان X» without «قد» that names an earlier time («الماضي», «منذ»,
      «مؤخرا», «قبل عام», a year before the
      article's: «يذكر أن صندوق النقد العربي ... أنشئت ... في عام 1976»), or
      tells of "then" anywhere («آنذاك», «في ذلك الوقت»: five sure rows of
      SaudiNewsNet 2015-07-31/08-09 and 08-06/08-10, all history), or opens
      with a date before the article's («وفي 22 أبريل (نيسان) الماضي، غرق
      مركب», «وفي 26 اذار/مارس اطلق التحالف»: eleven sure rows of 2015-07-23 +
      2015-08-11, all the closing history of wire stories): the
      story's history, which an outlet reporting the news may leave to its
      earlier articles. A note without one («يذكر أن الاستعراض الجوي كان جزءا
      من حدث يقام لمدة أسبوعين») is context of the event, and stays.

    A statement that directly follows such a recall in its article, tells no
    news of its own day («اليوم», «أمس»), and opens with no reporting verb and
    no turn to another matter goes on with the history (read on SaudiNewsNet
    2015-07-26 + 2015-08-06: «ووجهت الاتهام فيها إلى هؤلاء، بينهم سبع نساء»
    after «وقالت النيابة آنذاك», «لكن موسمه لم يكن ناجحا» after «وكان دي ماريا
    ... انتقل الى مانشستر يونايتد الصيف الماضي», «وأحرزت قطر لقب خليجي 22»
    after «وسبق للكويت استضافة كأس الخليج»); needs ``article_id`` and
    ``position`` in ``statements``.

    Rows already ``not sure`` keep their first reason.
    """
    if omissions.is_empty() or "text" not in statements.columns:
        return omissions
    sure = omissions.with_row_index("_row").filter(pl.col("certainty") == SURE)
    if sure.is_empty():
        return omissions
    dated = "published" in statements.columns
    got = statements.select(
        "statement_id",
        "text",
        year=pl.col("published").dt.year() if dated else pl.lit(None, pl.Int32),
        day=pl.col("published").cast(pl.Date) if dated else pl.lit(None, pl.Date),
    ).join(
        sure.select(statement_id="statement_ids").explode("statement_id").unique(),
        on="statement_id",
        how="semi",
    )
    text_of = dict(zip(got["statement_id"].to_list(), got["text"].to_list(), strict=True))
    year_of = dict(zip(got["statement_id"].to_list(), got["year"].to_list(), strict=True))
    day_of = dict(zip(got["statement_id"].to_list(), got["day"].to_list(), strict=True))
    # each claim statement's previous statement in its article, when that one recalls an
    # earlier fact: the opener of that recall
    prev_of: dict[str, str] = {}
    prev_text: dict[str, str] = {}
    if {"article_id", "position"} <= set(statements.columns):
        mine = statements.select("statement_id", "article_id", "position").join(
            got.select("statement_id"), on="statement_id", how="semi"
        )
        before = statements.select(
            "article_id",
            position=pl.col("position") + 1,
            p_text=pl.col("text"),
            p_year=pl.col("published").dt.year() if dated else pl.lit(None, pl.Int32),
            p_day=pl.col("published").cast(pl.Date) if dated else pl.lit(None, pl.Date),
        ).join(mine.select("article_id", "position").unique(), on=["article_id", "position"])
        for sid, p_text, p_year, p_day in mine.join(
            before, on=["article_id", "position"]
        ).select("statement_id", "p_text", "p_year", "p_day").iter_rows():
            prev_text[sid] = p_text or ""
            recalled = _background(p_text or "", p_year, p_day)
            if recalled is not None:
                prev_of[sid] = recalled
    whys: dict[int, str] = {}
    for row, ids, part in sure.select("_row", "statement_ids", "omitted_part").iter_rows():
        texts = [text_of.get(i) or "" for i in ids or []]
        wishes = [_wish(t, min_content=min_content) for t in ([part] if part else texts)]
        if wishes and all(wishes):
            whys[row] = (
                f"formula: the claim is a wish or a prayer («{wishes[0]}»), "
                "not a fact left out"
            )
            continue
        said = [_formula(t, min_content=min_content) for t in ([part] if part else texts)]
        if said and all(said):
            whys[row] = (
                f"formula: the claim is {said[0]}, not a fact left out"
            )
            continue
        items = [_list_item(text_of.get(i) or "", prev_text.get(i)) for i in ids or []]
        if not part and items and all(items):
            whys[row] = (
                f"a list's item: the claim names one more of the list its article's previous "
                f"statement opens («{items[0]}»), not a fact of its own"
            )
            continue
        opens = [
            _background(text_of.get(i) or "", year_of.get(i), day_of.get(i)) for i in ids or []
        ]
        if opens and all(opens):
            whys[row] = (
                f"background: the claim recalls an earlier fact («{opens[0]}»), "
                "the story's history rather than its news"
            )
            continue
        # or goes on with the history its article's previous statement recalls
        after = [
            opens[k] is not None or (i in prev_of and _goes_on(text_of.get(i) or ""))
            for k, i in enumerate(ids or [])
        ]
        if after and all(after):
            recalled = next(prev_of[i] for i in ids or [] if i in prev_of)
            whys[row] = (
                f"background: the claim goes on with the earlier fact its article recalls "
                f"just before («{recalled}»), the story's history rather than its news"
            )
    return _not_sure_rows(omissions, whys)


#: a statement that tells its own news («اليوم», «أمس», «حاليا») or opens with a reporting
#: verb («وقال تشاووش أوغلو ...») after a recalled fact is news again; match-normalized
_NEWS_AGAIN = re.compile(
    r"(?<!\w)(?:اليوم|امس|الليله|الان|حاليا)(?!\w)"
    r"|^\W*[وف]?(?:قال|قالت|اكد|اكدت|اوضح|اوضحت|اضاف|اضافت|اعلن|اعلنت|ذكر|ذكرت|افاد|افادت"
    r"|اشار|اشارت|صرح|صرحت|تابع|تابعت)(?!\w)"
    r"|^\W*[وف]?(?:هذا\s+)?[وف]?(?:علي صعيد|في سياق|من جهه|من جانب|من ناحيه)(?!\w)"
)


def _goes_on(text: str) -> bool:
    """Whether ``text``, following a recalled earlier fact, goes on with it (module docs of
    :func:`formulas_and_background`): it tells no news of its own day, opens with no
    reporting verb and no turn to another matter."""
    return _NEWS_AGAIN.search(normalize(text or "")) is None


@lru_cache(maxsize=1)
def _commentary_patterns() -> tuple[re.Pattern[str] | None, ...]:
    """``commentators`` (within a statement's first three words), ``hedges`` and ``stock``
    of ``formulae.yaml``: match-normalized whole words, a proclitic (and, for the
    commentators, the article) allowed."""
    from narratives._resources import load_yaml

    data = load_yaml("formulae.yaml") or {}

    def words(kind: str) -> str | None:
        got = sorted({normalize(str(w)) for w in data.get(kind) or []}, key=len, reverse=True)
        return "|".join(map(re.escape, got)) if got else None

    who, hedge, stock = words("commentators"), words("hedges"), words("stock")
    return (
        re.compile(rf"^\W*(?:\S+\s+){{0,2}}?[وفبل]?(?:ال)?(?:{who})(?!\w)") if who else None,
        re.compile(rf"(?<!\w)[وف]?(?:{hedge})(?!\w)") if hedge else None,
        re.compile(rf"(?<!\w)[وفبل]?({stock})(?!\w)") if stock else None,
    )


#: quotation marks: a hedge after one is the speaker's («ربما أكون مخطئا»), not the writer's
_QUOTE_MARKS = re.compile("[«“\"]")


def _commentary(text: str, *, min_stock: int = 3) -> str | None:
    """What makes ``text`` a view rather than a fact, or None: the unnamed commentators
    or the hedge by which it gives one, or ``min_stock`` different stock phrases.

    A statement giving a figure is never commentary (module docs of :func:`commentary`).
    """
    who, hedge, stock = _commentary_patterns()
    if _figures(text or ""):
        return None
    t = normalize(text or "")
    m = who.match(t) if who is not None else None
    if m is not None:
        return f"«{m.group(0).split()[-1]}»"
    m = hedge.search(t) if hedge is not None else None
    if m is not None and not _QUOTE_MARKS.search(t[: m.start()]):
        return f"«{m.group(0)}»"
    said = sorted({m.group(1) for m in stock.finditer(t)}) if stock is not None else []
    if len(said) >= min_stock:
        return "stock phrases " + ", ".join(f"«{w}»" for w in said[:min_stock])
    return None


def commentary(omissions: pl.DataFrame, statements: pl.DataFrame) -> pl.DataFrame:
    """``sure`` rows whose claim is commentary made ``not sure`` (why "commentary: ...").

    Every statement of the claim (the ``omitted_part`` of a part row) opens
    with unnamed commentators as its subject (``commentators`` of
    ``lexicons/formulae.yaml`` within its first three words: «وأشار محللون
    سياسيون يمنيون إلى أن الهدنة الجديدة تعطي فرصة كبيرة للمتمردين الحوثيين»,
    «غير أن المراقبين يؤكدون أن الغارات التركية استهدفت الناشطين الاكراد»), or
    hedges outside quotation marks (``hedges``: «لكن بالنسبة لمسؤولي المطار
    ربما لم يكن الأمر كذلك»): a reading of the news, an outlet's own or its
    wire's, which another outlet reporting the news does not "leave out".
    Read on SaudiNewsNet 2015-07-26 + 2015-08-06 (docs/accuracy.md,
    ``omissions``, session 28). A statement giving a figure is never one; a
    named speaker's hedge in quotes («ربما أكون مخطئا») stays.
    """
    if omissions.is_empty() or "text" not in statements.columns:
        return omissions
    sure = omissions.with_row_index("_row").filter(pl.col("certainty") == SURE)
    if sure.is_empty():
        return omissions
    text_of = _texts_of(statements, sure)
    whys: dict[int, str] = {}
    for row, ids, part in sure.select("_row", "statement_ids", "omitted_part").iter_rows():
        texts = [part] if part is not None else [text_of.get(i) or "" for i in ids or []]
        views = [_commentary(t) for t in texts]
        if views and all(views):
            whys[row] = (
                f"commentary: the claim is a view ({views[0]}), a reading of the news "
                "rather than a fact left out"
            )
    return _not_sure_rows(omissions, whys)


def another_item(
    omissions: pl.DataFrame,
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    carried: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``sure`` rows of a claim in another item of its article made ``not sure``.

    A claim opening with a marker of another matter («من جهة أخرى»,
    «على صعيد آخر», ...) is ``not sure`` already (:func:`certainty`); the
    statements after the marker belong to the same item. The row is ``not
    sure`` (why "another matter: ...") when, in every article giving the
    claim, an earlier statement opens with such a marker and no statement
    of that item (from the marker to the next one or the article's end)
    shares a claim with the outlet's articles of the story, or gives a claim
    the outlet carries in other words (``carried``: ``claim_id``,
    ``story_id``, ``outlet``): the claim is in an item of a round-up beside
    the story's event
    (almadina's and alyaum's Palestine round-up gives, after «من جهة أخرى»,
    the Qassam brigades' training camps, which alriyadh's article on Abu
    Marzouk's call does not; read on SaudiNewsNet 2015-07-26 + 2015-08-06).
    A wire that turns with «من جهة اخرى» from one side of the event to the
    other (AFP's Turkish strikes on the PKK, then on ISIS) gives there claims
    the outlet carries: its item is the story's, and its rows stay.
    Rows of a left-out part are left as they are (the outlet gives the rest
    of the claim). Needs ``article_id``, ``position`` and ``text`` in
    ``statements``; rows are returned as they are otherwise.
    """
    needed = {"statement_id", "article_id", "position", "text"}
    if omissions.is_empty() or not needed <= set(statements.columns):
        return omissions
    at = statements.select("statement_id", "article_id", "position")
    rows = _sure_statements(omissions, at, SURE_ROWS & pl.col("omitted_part").is_null())
    if rows.is_empty():
        return omissions
    arts = rows.select("article_id").unique()
    inside = (
        statements.select("statement_id", "article_id", "position", "text")
        .join(arts, on="article_id", how="semi")
        .join(claims.select("statement_id", "claim_id"), on="statement_id", how="left")
    )
    # each article's statements by position: (marker opening it, its claim)
    items: dict[str, dict[int, tuple[str | None, str | None]]] = {}
    for art, pos, text, claim in inside.select(
        "article_id", "position", "text", "claim_id"
    ).iter_rows():
        # on the text as written, as :func:`certainty` reads the claim's own opener
        m = _ANOTHER_MATTER.match(text or "")
        items.setdefault(art, {})[pos] = (m.group(0).strip(" ،,") if m else None, claim)
    own: dict[int, set[str]] = {}
    for row, claim in (
        rows.select("_row", "story_id", "outlet")
        .unique()
        .join(stories.select("story_id", "outlet", "article_id"), on=["story_id", "outlet"])
        .join(claims.select("claim_id", "article_id"), on="article_id")
        .select("_row", "claim_id")
        .unique()
        .iter_rows()
    ):
        own.setdefault(row, set()).add(claim)
    if carried is not None and not carried.is_empty():
        for row, claim in (
            rows.select("_row", "story_id", "outlet")
            .unique()
            .join(carried.select("claim_id", "story_id", "outlet"), on=["story_id", "outlet"])
            .select("_row", "claim_id")
            .unique()
            .iter_rows()
        ):
            own.setdefault(row, set()).add(claim)
    claim_of = dict(
        omissions.with_row_index("_row")
        .join(rows.select("_row").unique(), on="_row", how="semi")
        .select("_row", "claim_id")
        .iter_rows()
    )
    found: dict[int, tuple[str, int] | None] = {}
    for row, art, pos in rows.select("_row", "article_id", "position").iter_rows():
        if row in found and found[row] is None:
            continue
        shared = own.get(row, set()) - {claim_of.get(row)}
        item = items.get(art, {})
        start = next((q for q in range(pos, -1, -1) if item.get(q, (None,))[0]), None)
        marker = None
        if start is not None:
            end = next((q for q in range(pos + 1, max(item) + 1) if item.get(q, (None,))[0]), None)
            span = range(start, (max(item) + 1) if end is None else end)
            if not any(item.get(q, (None, None))[1] in shared for q in span):
                marker = (str(item[start][0]), pos - start)
        found[row] = marker if row not in found else (found[row] and marker)
    whys = {
        row: (
            f"another matter: the claim is in the item its article opens with «{hit[0]}» "
            f"{hit[1]} statement(s) before, of which the outlet's articles give nothing: "
            "an item of a round-up beside the story's event"
        )
        for row, hit in found.items()
        if hit is not None
    }
    return _not_sure_rows(omissions, whys)


#: the day an article's news happened, from its first time word: «أمس الأول» two days
#: before publication, «أمس» one, «اليوم» / «الليلة» the day itself (not the paper
#: «اليوم» quoted or after لـ); match-normalized
_NEWS_DAY = re.compile(
    r"(?<![\w«\"(ـ])(?:(امس الاول|اول امس|اول من امس)|(امس)|(اليوم|الليله))(?![\w»\")])"
)


def _news_days(texts: list[str], published: Any) -> tuple[Any, Any]:
    """The first and last day an article's news may be of (``published`` a date).

    The first time word of the article (its statements in order) sets the day:
    a print paper's «أمس» of the 27th and a website's «اليوم» of the 26th are one
    day. Without one the article may be of its publication day or the day
    before (papers print the day after).
    """
    from datetime import timedelta

    for text in texts:
        m = _NEWS_DAY.search(normalize(text or ""))
        if m is not None:
            back = 2 if m.group(1) else 1 if m.group(2) else 0
            day = published - timedelta(days=back)
            return day, day
    return published - timedelta(days=1), published


def _row_articles(
    sure: pl.DataFrame, statements: pl.DataFrame, stories: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per omission row (``_row``): the articles giving its claim, and the omitting
    outlet's own articles of the story (``_row``, ``article_id`` each)."""
    claim_arts = (
        sure.select("_row", statement_id="statement_ids")
        .explode("statement_id")
        .join(statements.select("statement_id", "article_id"), on="statement_id")
        .select("_row", "article_id")
        .unique()
    )
    own_arts = (
        sure.select("_row", "story_id", "outlet")
        .join(stories.select("story_id", "outlet", "article_id"), on=["story_id", "outlet"])
        .select("_row", "article_id")
        .unique()
    )
    return claim_arts, own_arts


def moments(
    omissions: pl.DataFrame, statements: pl.DataFrame, stories: pl.DataFrame
) -> pl.DataFrame:
    """``sure`` rows whose claim is news of another day than all the outlet's articles.

    A story may run over days and join two moments of one event: the preview
    and the result, the first toll and the next day's, one day's market close
    and the next. Each article's news day is read from its first «أمس» or
    «اليوم» and its publication date (:func:`_news_days`). When every
    article giving the claim is news of a day after every article of the
    outlet in the story, the outlet wrote before the claim was news (aawsat's
    Thursday "Kerry: agreement with Russia on a draft resolution" does not
    "leave out" Samantha Power's words at Friday's vote); when they are all
    of a day before, the outlet told a later moment (alriyadh's report of the
    adopted resolution does not "leave out" the diplomats' "the vote is
    likely on Friday"). A print paper's «أمس» and a website's «اليوم» of the
    day before are one day: the same market close is no two moments; and the
    publication dates must part too (the corpus dates some websites' «اليوم»
    a day late, beside the papers' «أمس» of the same date). Needs
    ``published`` in ``statements``; rows without dates are left as they are.
    """
    if omissions.is_empty() or not {"published", "text"} <= set(statements.columns):
        return omissions
    sure = omissions.with_row_index("_row").filter(pl.col("certainty") == SURE)
    if sure.is_empty():
        return omissions
    claim_arts, own_arts = _row_articles(sure, statements, stories)
    wanted = pl.concat([claim_arts, own_arts]).select("article_id").unique()
    order = ["article_id", *(["position"] if "position" in statements.columns else [])]
    arts = (
        statements.join(wanted, on="article_id", how="semi")
        .sort(order)
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("text"), pl.col("published").first())
    )
    # each article's news days and its publication day, both as (first, last)
    days: dict[str, tuple[Any, Any, Any, Any]] = {}
    for art, texts, published in arts.iter_rows():
        if published is not None:
            days[art] = (*_news_days(texts[:6], published), published, published)

    def span(frame: pl.DataFrame) -> dict[int, tuple[Any, Any, Any, Any]]:
        out: dict[int, tuple[Any, Any, Any, Any]] = {}
        missing: set[int] = set()
        for row, art in frame.iter_rows():
            if art not in days:
                missing.add(row)
                continue
            got = days[art]
            if row in out:
                was = out[row]
                got = (min(got[0], was[0]), max(got[1], was[1]), min(got[2], was[2]),
                       max(got[3], was[3]))  # fmt: skip
            out[row] = got
        return {r: v for r, v in out.items() if r not in missing}

    claim_span, own_span = span(claim_arts), span(own_arts)
    whys: dict[int, str] = {}
    for row, (c_lo, c_hi, c_first, c_last) in claim_span.items():
        if row not in own_span:
            continue
        x_lo, x_hi, x_first, x_last = own_span[row]
        # both the news days and the publication dates must part: SaudiNewsNet dates a
        # website's «اليوم» of the 5th on the 6th beside the papers' «أمس» of the 6th
        if x_hi < c_lo and x_last < c_first:
            whys[row] = (
                f"later news: the claim is only in articles of news of {c_lo:%Y-%m-%d} or after, "
                f"the outlet's articles of the story are of {x_hi:%Y-%m-%d} or before: it wrote "
                "before the claim was news"
            )
        elif x_lo > c_hi and x_first > c_last:
            whys[row] = (
                f"earlier news: the claim is only in articles of news of {c_hi:%Y-%m-%d} or "
                f"before, the outlet's articles of the story are of {x_lo:%Y-%m-%d} or after: it "
                "told a later moment"
            )
    return _not_sure_rows(omissions, whys)


#: an earlier day than the article's news («أول من أمس», «أمس الأول»), or a weekday named
#: after «يوم», «أمس», «اليوم» or before «الماضي» («أمس الخميس», «يوم الأربعاء»,
#: «الخميس الماضي»); match-normalized
_DAY_BEFORE = re.compile(r"(?<!\w)(?:اول من امس|امس الاول|اول امس)(?!\w)")
_WEEKDAY_NAMES = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}  # fmt: skip
_WEEKDAY = "|".join(_WEEKDAY_NAMES)
_NAMED_DAY = re.compile(
    rf"(?<!\w)(?:يوم|امس|اليوم)\s+({_WEEKDAY})(?!\w)|(?<!\w)({_WEEKDAY})\s+الماضي(?!\w)"
)
#: «بعد», «منذ» whole: what follows is what came before the statement's reading («ارتفع
#: 12 سنتا إلى 48.57 بعد انخفاضه 74 سنتا عند التسوية يوم الخميس», «وتتعرض أسعار الذهب
#: لضغوط منذ أن هوت نحو أربعة في المئة يوم الاثنين»)
_AFTER_WORD = re.compile(r"(?<!\w)(?:بعد|منذ)(?!\w)")
#: a statement of the news day or hour («اليوم», «أمس», «الساعة»): it ends a passage
#: on an earlier day
_TODAY = re.compile(r"(?<!\w)(?:اليوم|امس|الليله|الساعه|حاليا)(?!\w)")


@lru_cache(maxsize=1)
def _market_lexicon() -> tuple[frozenset[str], tuple[str, ...]]:
    """``market_words`` and ``close_phrases`` of ``lexicons/figures.yaml``, match-normalized."""
    from narratives._resources import load_yaml

    data = load_yaml("figures.yaml") or {}
    words = frozenset(normalize(str(w)) for w in data.get("market_words") or [])
    close = tuple(sorted({normalize(str(w)) for w in data.get("close_phrases") or []}))
    return words, close


def _is_market(text: str, words: frozenset[str]) -> bool:
    """A market reading: a market word («برنت», «للبرميل», «المؤشر») and a digit."""
    t = normalize(text)
    return bool(words & set(_WORDS.findall(t))) and any(c.isdigit() for c in t)


def _earlier_day(text: str, news_weekdays: set[int], *, market: bool) -> bool:
    """``text`` tells of a day before its article's news (none of ``news_weekdays``).

    Not after «بعد» or «منذ» («بعد انخفاضه ... يوم الخميس» dates what came before
    the reading), and, unless the statement is a market reading (``market``),
    within its first six words («وقالت وزارة العمل الأميركية أول من أمس»): a day
    named deep in a sentence dates a clause («في استطلاع لرويترز نشرت نتائجه أمس
    الخميس»), not the statement.
    """
    t = normalize(text)
    for m in [*_DAY_BEFORE.finditer(t), *_NAMED_DAY.finditer(t)]:
        if _AFTER_WORD.search(t[: m.start()]):
            continue
        if not market and len(t[: m.start()].split()) > 6:
            continue
        name = (m.group(1) or m.group(2)) if m.re is _NAMED_DAY else None
        if name is None or _WEEKDAY_NAMES[name] not in news_weekdays:
            return True
    return False


def _market_moments(
    texts: list[str], published: Any
) -> tuple[list[bool], set[str]] | None:
    """Which statements of a market article tell an earlier day, and its reading times.

    None when the article holds fewer than two market readings. A statement
    telling an earlier day («وفي نيويورك خفضت أسعار العقود الآجلة ... أول من أمس»,
    «وقالت وزارة العمل الأميركية أول من أمس») opens a passage on that day, which
    the statements after it go on with («لكن العملة الأميركية قلصت مكاسبها») until
    one tells of the news day or hour («اليوم», «أمس», «الساعة») or turns to
    another matter. The reading times are the clock times and the close
    («بحلول الساعة 1345», «عند التسوية») of the article's market readings
    outside such passages, read before any «بعد».
    """
    from datetime import timedelta

    from narratives.compare.discrepancies import _clock_times

    words, close = _market_lexicon()
    if sum(_is_market(t, words) for t in texts) < 2:
        return None
    named = [m for t in texts[:3] for m in _NAMED_DAY.finditer(normalize(t))]
    if named and named[0].group(1):
        news = {_WEEKDAY_NAMES[named[0].group(1)]}
    elif published is not None:
        lo, hi = _news_days(texts[:6], published)
        news = {(lo + timedelta(days=k)).weekday() for k in range((hi - lo).days + 1)}
    else:
        return None
    earlier: list[bool] = []
    on = False
    for t in texts:
        n = normalize(t)
        if _earlier_day(t, news, market=_is_market(t, words)):
            on = True
        elif _TODAY.search(_DAY_BEFORE.sub(" ", n)) or _ANOTHER_MATTER.search(t):
            on = False
        earlier.append(on)
    times: set[str] = set()
    for t, before in zip(texts, earlier, strict=True):
        if not before and _is_market(t, words):
            head = _AFTER_WORD.split(normalize(t), maxsplit=1)[0]
            times |= _clock_times(head, close)
    return earlier, times


def market_moments(
    omissions: pl.DataFrame, statements: pl.DataFrame, stories: pl.DataFrame
) -> pl.DataFrame:
    """``sure`` rows whose claim is a market reading of another moment than the outlet's.

    Outlets run different editions of one market wire: one hour's reading or
    the close, with or without the last session's story («وفي نيويورك خفضت
    أسعار العقود الآجلة ... أول من أمس», the jobless claims and the stocks
    figures of that day). A claim every statement of which is, in a market
    article (two market readings or more, :func:`_market_moments`), either in a
    passage on an earlier day while the outlet's articles of the story tell no
    earlier day, or in an article whose reading times («بحلول الساعة 1345»,
    «عند التسوية») are all other than the outlet's, is of another moment of the
    market: the outlet told its own reading, not a shorter one (Brent,
    SaudiNewsNet 2015-07-25: alwatan's 13:45 reading does not "leave out" the
    settlement's WTI price or Thursday's session). Needs ``article_id``,
    ``position`` and ``published`` in ``statements``; rows without them stay.
    """
    need = {"article_id", "position", "published", "text"}
    if omissions.is_empty() or not need <= set(statements.columns):
        return omissions
    sure = omissions.with_row_index("_row").filter(pl.col("certainty") == SURE)
    if sure.is_empty():
        return omissions
    claim_sts = sure.select("_row", statement_id="statement_ids").explode("statement_id")
    claim_arts = claim_sts.join(
        statements.select("statement_id", "article_id"), on="statement_id"
    )
    own_arts = sure.select("_row", "story_id", "outlet").join(
        stories.select("story_id", "outlet", "article_id"), on=["story_id", "outlet"]
    )
    wanted = pl.concat(
        [claim_arts.select("article_id"), own_arts.select("article_id")]
    ).unique()
    arts = (
        statements.join(wanted, on="article_id", how="semi")
        .sort("article_id", "position")
        .group_by("article_id", maintain_order=True)
        .agg("statement_id", "text", pl.col("published").first())
    )
    earlier_of: dict[str, bool] = {}
    times_of: dict[str, set[str]] = {}
    for art, ids, texts, published in arts.iter_rows():
        got = _market_moments([t or "" for t in texts], published)
        if got is None:
            continue
        earlier_of.update(zip(ids, got[0], strict=True))
        times_of[art] = got[1]
    if not times_of:
        return omissions
    arts_of_row: dict[int, set[str]] = {}
    for row, art in own_arts.select("_row", "article_id").iter_rows():
        arts_of_row.setdefault(row, set()).add(art)
    claim_of_row: dict[int, list[tuple[str, str]]] = {}
    for row, sid, art in claim_arts.select("_row", "statement_id", "article_id").iter_rows():
        claim_of_row.setdefault(row, []).append((sid, art))
    ids_of_art = dict(zip(arts["article_id"].to_list(), arts["statement_id"].to_list(),
                          strict=True))  # fmt: skip
    whys: dict[int, str] = {}
    for row, pairs in claim_of_row.items():
        own = arts_of_row.get(row, set())
        if not own or not all(a in times_of for a in own):
            continue
        own_earlier = any(earlier_of.get(s, False) for a in own for s in ids_of_art[a])
        own_times = set().union(*(times_of[a] for a in own))
        kinds = set()
        for sid, art in pairs:
            if art not in times_of or sid not in earlier_of:
                break
            if earlier_of[sid]:
                if own_earlier:
                    break
                kinds.add("earlier")
            elif times_of[art] and own_times and not times_of[art] & own_times:
                kinds.add("hour")
            else:
                break
        else:
            if kinds:
                whys[row] = (
                    "another moment of the market: the claim is only in "
                    + (
                        "passages on an earlier day's session, which the outlet's articles "
                        "do not tell"
                        if kinds == {"earlier"}
                        else "readings of other hours or of the close than the outlet's"
                        if kinds == {"hour"}
                        else "readings of other hours than the outlet's or an earlier day's "
                        "session"
                    )
                    + ": the outlet told its own reading"
                )
    return _not_sure_rows(omissions, whys)


#: the event still to come in an article's lead: «غدا», «بعد غد», «اليوم», «الليلة» with an
#: imperfect verb opening its first body statement («يقص تشيلسي وأرسنال غدا الأحد شريط
#: الموسم», «يقص تشيلسي وآرسنال اليوم ... عندما يلتقيان») or anywhere in its headline
#: («الأخضر الناشئ يواجه العراق.. اليوم»); match-normalized
_TODAY_WORD = re.compile(r"(?<!\w)(?:اليوم|الليله|غدا|بعد غد)(?!\w)")
_IMPERFECT = re.compile(r"^\W*[وف]?ي\w{2,}")
#: an imperfect verb anywhere in a headline, not a noun of time
_HEADLINE_IMPERFECT = re.compile(r"(?<!\w)[وف]?ي(?!وم|ونيو|وليو|ناير)\w{2,}")
#: a body statement opening with a word in ت before its time word: «تنطلق اليوم الفعاليات»
#: (an imperfect) or «تسلم اليوم» (a perfect): either
_T_OPENING = re.compile(r"^\W*[وف]?ت\w{2,}\s+(?:\w+\s+)?(?:اليوم|الليله|غدا|بعد غد)(?!\w)")


#: an article telling an event still to come anywhere: «غداً الثلاثاء», «الثلاثاء المقبل»
_TO_COME = re.compile(
    r"(?<!\w)(?:غدا|بعد غد|(?:الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد)"
    r"\s+المقبل)(?!\w)"
)


def _previews(lead: list[str]) -> bool | None:
    """Whether an article's lead (its headline and first body statement, in order) tells
    its event as still to come (a preview written before it), or not; None when the lead
    names the day in a way this cannot read («انطلاق فعاليات مهرجان صيف تنومة اليوم»,
    «تنطلق اليوم الفعاليات»). A day in a sentence told in the past is another event's:
    «وصلت مساء أمس ... بعثة النصر ... استعداداً لمواجهة الهلال ... يوم بعد غدٍ»."""
    unclear = False
    for i, text in enumerate(lead[:2]):
        t = normalize(text or "")
        if not _TODAY_WORD.search(t):
            continue
        if _IMPERFECT.match(t) if i > 0 else _HEADLINE_IMPERFECT.search(t):
            return True
        if i == 0 or _T_OPENING.match(t):
            unclear = True
    return None if unclear else False


def previews(
    omissions: pl.DataFrame, statements: pl.DataFrame, stories: pl.DataFrame
) -> pl.DataFrame:
    """``sure`` rows parting a preview of the event from an article told after it.

    An article is a *preview* when its lead tells the event as still to come
    (:func:`_previews`), and none when it tells an event still to come anywhere («غداً
    الثلاثاء», «الثلاثاء المقبل»: an article on a player's illness before the match is
    of the preview's moment too). When every article giving the claim is a preview and
    none of the outlet's articles of the story is, the claim was written before the event
    (sabq's and aawsat's preview of the Community Shield, «كما تحظى باهتمام بالغ ...
    لأنها تأتي قبل أيام قليلة من انطلاق ... الموسم الجديد», Fabregas's «نريد تحقيق
    الفوز», against alyaum's and aleqtisadiya's result); when every article of the
    outlet is a preview and none giving the claim is, the outlet wrote before what
    the claim tells (a preview of a meeting against the words said at it). The day
    of publication cannot part them (:func:`moments`): the preview and the result
    are often in one day's edition. Needs ``position`` and ``is_headline`` in
    ``statements`` (the lead: the headline and the first body statement).
    """
    need = {"text", "position", "is_headline", "article_id"}
    if omissions.is_empty() or not need <= set(statements.columns):
        return omissions
    sure = omissions.with_row_index("_row").filter(pl.col("certainty") == SURE)
    if sure.is_empty():
        return omissions
    claim_arts, own_arts = _row_articles(sure, statements, stories)
    wanted = pl.concat([claim_arts, own_arts]).select("article_id").unique()
    leads = (
        statements.join(wanted, on="article_id", how="semi")
        .sort("article_id", "position")
        .group_by("article_id", maintain_order=True)
        .agg(
            pl.col("text").filter(pl.col("is_headline").fill_null(False)).first().alias("_h"),
            pl.col("text").filter(~pl.col("is_headline").fill_null(False)).first().alias("_b"),
            pl.col("text"),
        )
    )
    # an article that is no preview but tells an event still to come anywhere (the match
    # «غداً الثلاثاء» in an article on a player's illness) may be of the same moment
    preview: dict[str, bool | None] = {}
    for art, head, body, texts in leads.iter_rows():
        told = _previews([head or "", body or ""])
        if told is False and any(_TO_COME.search(normalize(t or "")) for t in texts):
            told = None
        preview[art] = told

    def kinds(frame: pl.DataFrame) -> dict[int, set[bool | None]]:
        out: dict[int, set[bool | None]] = {}
        for row, art in frame.iter_rows():
            if art in preview:
                out.setdefault(row, set()).add(preview[art])
        return out

    claim_kind, own_kind = kinds(claim_arts), kinds(own_arts)
    whys: dict[int, str] = {}
    for row, kind in claim_kind.items():
        own = own_kind.get(row)
        if own is None:
            continue
        if kind == {True} and own == {False}:
            whys[row] = (
                "another moment: the claim is only in previews written before the event "
                "(their lead tells it as still to come), and none of the outlet's articles "
                "of the story is one"
            )
        elif kind == {False} and own == {True}:
            whys[row] = (
                "another moment: the outlet's articles of the story are previews written "
                "before the event (their lead tells it as still to come), and none of the "
                "articles giving the claim is one"
            )
    return _not_sure_rows(omissions, whys)
