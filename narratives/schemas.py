"""Every table that flows between the stages, in one place.

The pipeline::

    files ─► io ─► ARTICLES ─► STATEMENTS (+ ENTITY_MENTIONS) ─► ALIGNMENTS / CLAIMS
          ─► comparison tables ─► charts / report

Each stage checks its input on entry with :func:`require` and returns frames
that :func:`conform` to its output schema, so a wrong table fails loudly at
the boundary instead of deep inside a join.

Offsets (``start``/``end``) are always character offsets into the article's
``raw_text`` (Python string indices, end exclusive), so
``raw_text[start:end]`` gives back the piece of text they describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import polars as pl


def _columns(
    columns: dict[str, pl.DataType | type[pl.DataType]],
) -> dict[str, pl.DataType | type[pl.DataType]]:
    """Typed column mapping (mypy cannot infer a dict mixing dtype classes and instances)."""
    return columns


SPAN = pl.Struct({"role": pl.String, "start": pl.Int64, "end": pl.Int64})
"""One piece of an article's raw text. ``role`` is one of ``headline``,
``subheadline`` (a crosshead inside the body), ``body``, ``dateline``,
``credit``, ``date``, ``boilerplate``: the kept pieces (``headline``,
``subheadline``, ``body``) and what cleaning set aside, so nothing is dropped
without a trace."""

ARTICLES = pl.Schema(
    _columns(
        {
            # unique within a corpus; for a .txt file its path below the folder given, no suffix
            "article_id": pl.String,
            # canonical outlet id (lexicons/outlets.yaml); "unknown:<folder or file>" if unknown
            "outlet": pl.String,
            "outlet_method": pl.String,  # "metadata" | "inferred" | "unknown"
            "outlet_evidence": pl.String,  # the cue used ("dateline: موسكو-سانا") or why unknown
            "published": pl.Date,  # null when the year (or date) cannot be established
            "published_method": pl.String,  # "metadata" | "inferred" | "unknown"
            "published_evidence": pl.String,  # the cue used, or why unknown
            "title": pl.String,  # headline, null if none
            "text": pl.String,  # cleaned body: kept body spans joined by "\n"
            # the text exactly as read (decoded), never altered; for records whose title is a
            # separate field (JSON, CSV, Parquet) it is the title, a blank line, then the text
            "raw_text": pl.String,
            "url": pl.String,
            "source_path": pl.String,  # file (and archive member, as "archive.zip::member")
            "encoding": pl.String,  # encoding used to decode the bytes
            "language": pl.String,  # "ar", "en", ..., "und"
            "spans": pl.List(SPAN),  # ordered pieces of raw_text with their role
        }
    )
)

# Every input left out of ARTICLES, or read with a caveat, while reading a corpus
# (``read_corpus(problems=...)``, ``narratives ingest --problems``, the
# ``reading_problems`` table of ``align`` and ``compare``): with the articles it
# accounts for every file, member, line and record.
READING_PROBLEMS = pl.Schema(
    _columns(
        {
            "source": pl.String,  # the file, or "archive.zip::member"
            "location": pl.String,  # "line 3", "record 4" (0-based row), null for the whole file
            "problem": pl.String,  # what was wrong
            # what was done: "file skipped", "line skipped", "record skipped", "read anyway" ...
            "action": pl.String,
        }
    )
)

STATEMENTS = pl.Schema(
    _columns(
        {
            "statement_id": pl.String,  # f"{article_id}:{position}"
            "article_id": pl.String,
            "outlet": pl.String,
            "published": pl.Date,
            "position": pl.Int32,  # 0-based order in the article (headline first)
            "start": pl.Int64,  # raw_text[start:end] is the statement
            "end": pl.Int64,
            "text": pl.String,
            "is_headline": pl.Boolean,
            # canonical actor id (lexicons/actors.yaml); for a speaker no gazetteer lists,
            # the name, institution or office match-normalized ("زهره ادم", "وزير الاسكان");
            # null if none
            "speaker": pl.String,
            "speaker_mention": pl.String,  # the words used for the speaker
            "cue": pl.String,  # normalized reporting verb lemma, e.g. "قال", null if none
            "cue_class": pl.String,  # neutral | assertive | distancing | denial | ...
            "quote": pl.String,  # direct | indirect | mixed | none
            "entities": pl.List(pl.String),  # canonical ids of entities mentioned
            # outer speaker of a nested report ("وقال لافروف إن بوتين أكد ..." → speaker
            # putin, reported_by lavrov), null otherwise
            "reported_by": pl.String,
            # the speaker's title or role as written, apart from the name ("المسؤولة
            # المحلية" for "زهرة آدم المسؤولة المحلية"); for an unnamed source its words
            "speaker_title": pl.String,
            # true when the cue belongs to an earlier statement of the same reporting act
            # (a quotation or sentence continued); count verbs where it is false
            "cue_carried": pl.Boolean,
        }
    )
)

ENTITY_MENTIONS = pl.Schema(
    {
        "statement_id": pl.String,
        "article_id": pl.String,
        "outlet": pl.String,
        "entity_id": pl.String,  # canonical id (actors.yaml / entities)
        "entity_type": pl.String,  # person | organisation | place | group | ...
        "mention": pl.String,  # surface form as written
        "start": pl.Int64,  # offsets into raw_text
        "end": pl.Int64,
    }
)

ALIGNMENTS = pl.Schema(
    {
        "statement_id_a": pl.String,  # statement_id_a < statement_id_b
        "statement_id_b": pl.String,
        "article_id_a": pl.String,
        "article_id_b": pl.String,
        "outlet_a": pl.String,
        "outlet_b": pl.String,
        "score": pl.Float64,  # combined score, 0-100
        # verbatim | near_verbatim | paraphrase | contradicts | related; `contradicts` is a pair
        # to check, not a finding: on the last reading over all of SaudiNewsNet about 1 in 7
        # of those left was a real disagreement (the rest one claim written two ways, or two
        # events told in one template on one day; docs/accuracy.md, Alignment pairs)
        "relation": pl.String,
        # component scores (0-100, null when not computed) follow in the
        # frame returned by narratives.align; see narratives.align docs.
    }
)

CLAIMS = pl.Schema(
    {
        "claim_id": pl.String,
        "statement_id": pl.String,  # every statement belongs to exactly one claim
        "article_id": pl.String,
        "outlet": pl.String,
        "claim_size": pl.Int32,  # statements in the claim
        "claim_outlets": pl.Int32,  # distinct outlets in the claim
        "representative": pl.String,  # representative text of the claim
    }
)

# One row per article: the story (one event covered by one or more outlets within
# a few days) it belongs to, with the story's label, dates, outlets and counts
# repeated on each row, and the article's copy link (narratives.group_stories).
STORIES = pl.Schema(
    _columns(
        {
            "article_id": pl.String,
            "story_id": pl.String,  # "s00001", ... numbered by first publication
            "outlet": pl.String,
            "published": pl.Date,  # null: the article joined its story on text alone
            "title": pl.String,
            # mean similarity (0-1) to the story's other articles, null if alone
            "core_similarity": pl.Float64,
            # the earlier article this one republishes (near-identical text), null if none
            "copy_of": pl.String,
            "copy_kind": pl.String,  # same_outlet | cross_outlet | null
            "copy_similarity": pl.Float64,  # similarity to copy_of (0-1)
            "label": pl.String,  # the story's most representative headline
            "first_published": pl.Date,  # earliest date in the story, null if none dated
            "last_published": pl.Date,
            "outlets": pl.List(pl.String),  # outlets covering the story
            "n_articles": pl.Int32,  # articles in the story (copies included)
            "n_outlets": pl.Int32,
            "dated": pl.Boolean,  # every article of the story has a date
        }
    )
)

# One row per story (narratives.story_summary).
STORY_SUMMARY = pl.Schema(
    _columns(
        {
            "story_id": pl.String,
            "label": pl.String,  # the most representative headline
            "first_published": pl.Date,
            "last_published": pl.Date,
            "outlets": pl.List(pl.String),
            "n_articles": pl.Int32,
            "n_outlets": pl.Int32,
            "n_copies": pl.Int32,  # articles marked copy_of another
            "dated": pl.Boolean,  # false: some articles were grouped on text alone
            "article_ids": pl.List(pl.String),
        }
    )
)

# One row per statement of a talking point: a position repeated across two or more
# stories, looser than a claim (narratives.stories.talking_points).
TALKING_POINTS = pl.Schema(
    _columns(
        {
            "talking_point_id": pl.String,  # "tp0001", ... most stories first
            "statement_id": pl.String,
            "claim_id": pl.String,  # the statement's claim (CLAIMS)
            "story_id": pl.String,  # the statement's story (STORIES)
            "article_id": pl.String,
            "outlet": pl.String,
            "speaker": pl.String,
            "cue": pl.String,  # reporting verb of the statement
            "text": pl.String,  # the statement as worded here
            # why the statement is told again as background of a later report, not said
            # there: "said before: «وكان ... قد صرح»" (its frame names an earlier moment:
            # «في تصريح سابق», «الشهر الماضي», an earlier date) or "copied from <article_id>"
            # (with its neighbour, word for word, from an article of an earlier day); null
            # otherwise. Such statements do not make the point one of days apart
            "retold": pl.String,
            "n_stories": pl.Int32,  # stories the talking point recurs in (>= 2)
            "n_outlets": pl.Int32,
            "n_statements": pl.Int32,
            "outlets": pl.List(pl.String),
            "score": pl.Float64,  # mean similarity (0-1) of its statement pairs
            # how sure: high | medium | low, from the precision measured at that score
            # on the seed gold (docs/methods.md); for dated statements low when every
            # statement said there (``retold`` ones not counting) is within two days (one
            # event told in two stories, or two points of one event: none of 31 read held
            # as a position repeated at two events) and otherwise at most medium unless
            # ``dated_high`` (high ones read on all of SaudiNewsNet held in 1 of 12, 4
            # debatable); days apart, low too unless one named actor's position is said
            # again (``positions_only``; medium ones read blind held in 8 of 31, 8
            # debatable): treat every talking point as a lead to read
            "confidence": pl.String,
            # why a point is low, in words: every statement within two days of each other;
            # days apart but not one named speaker, the same words told again, a template
            # of two places, a report of an event, a meeting or a figure, two different
            # statements sharing words, a speaker outside the gazetteer; its wordings
            # alike only loosely. Null for medium and high points
            "why": pl.String,
            "label": pl.String,  # its shortest wording
        }
    )
)

# One row per level of a comparison: what was found and a plain-language note on how
# far to trust it (narratives.stories.reliability_notes; printed by `narratives compare`).
RELIABILITY = pl.Schema(
    _columns(
        {
            "level": pl.String,  # story | claim | talking_point | omission
            "n_units": pl.Int64,  # stories, claims, talking points, omission rows
            "n_pairs": pl.Int64,  # article pairs in stories, aligned pairs, pairs in talking points
            "note": pl.String,  # e.g. "the outlets share few stories: omission rates are not ..."
        }
    )
)

# One row per republished copy (an article marked copy_of another in STORIES): who
# copied whom as far as dates tell, and what the copy changed, statement by statement
# (narratives.stories.copies).
COPIES = pl.Schema(
    _columns(
        {
            "article_id": pl.String,  # the copy
            "copy_of": pl.String,  # its source
            "story_id": pl.String,
            "outlet": pl.String,
            "source_outlet": pl.String,
            "copy_kind": pl.String,  # same_outlet | cross_outlet
            "published": pl.Date,
            "source_published": pl.Date,
            # the source was published on an earlier day; false: same day or a date
            # missing, so who copied whom is not known (the source is a news agency's
            # article if one of the two is, else the one listed first)
            "order_known": pl.Boolean,
            "similarity": pl.Float64,  # text similarity of the two articles (0-1)
            "n_kept": pl.Int64,  # statements carried over (ratio >= 90)
            "n_reworded": pl.Int64,  # statements reworded (ratio 60-90)
            "n_added": pl.Int64,  # statements of the copy with no counterpart in the source
            "n_dropped": pl.Int64,  # statements of the source the copy left out
            "added_statement_ids": pl.List(pl.String),
            "dropped_statement_ids": pl.List(pl.String),
            "reworded_statement_ids": pl.List(pl.String),  # in the copy ...
            "reworded_from_ids": pl.List(pl.String),  # ... and the source statement, element-wise
        }
    )
)

# --- comparison tables (narratives.compare) are declared below this line ---
#
# Every comparison table carries the statements behind each row (a list column
# ``statement_ids``, or ``statement_id_a``/``statement_id_b`` for pairs) so a
# chart or report can link every figure to its evidence.
#
# Coverage status, best first (the best alignment relation wins):
#   verbatim > near_verbatim > paraphrase > related > sole > absent > not_covered
# With stories (narratives.group_stories): ``absent``: the outlet covered a story
# the claim appears in and carried nothing like it there (an omission);
# ``not_covered``: the outlet covered none of the claim's stories (nothing to omit);
# ``related`` also marks an outlet the omission rule found carrying the claim in
# other words (named in an omission row's ``carried_by``).
# ``sole``: the outlet (article) carries the claim and no other outlet
# (article) does; ``related``: it carries the claim but is linked to the other
# carriers only through the cluster or by a ``related`` alignment. A ``related`` row
# with no statement (``n_statements`` 0) is inferred, not aligned: the charts draw it
# "not sure" (read on SaudiNewsNet, about half such outlets carried the claim).


COVERAGE_STATUSES: tuple[str, ...] = (
    "verbatim",
    "near_verbatim",
    "paraphrase",
    "related",
    "sole",
    "absent",
    "not_covered",
)

COVERAGE = pl.Schema(
    _columns(
        {
            "claim_id": pl.String,
            "outlet": pl.String,  # outlet (claim x outlet table)
            "status": pl.String,  # one of COVERAGE_STATUSES
            "status_rank": pl.Int8,  # 0 = verbatim ... 5 = absent, 6 = not_covered
            "best_score": pl.Float64,  # best cross-outlet alignment score (0-100), null if none
            "n_statements": pl.Int32,  # statements of the claim in this outlet (0 if absent)
            "n_articles": pl.Int32,  # articles of this outlet carrying the claim
            "claim_outlets": pl.Int32,  # distinct outlets carrying the claim
            # the speaker this outlet gives the claim (most frequent over its statements
            # of the claim), null if none or absent
            "speaker": pl.String,
            "claim_speaker": pl.String,  # most frequent speaker of the claim over all outlets
            "representative": pl.String,  # representative text of the claim
            "statement_ids": pl.List(pl.String),  # this outlet's statements of the claim
            # a "related" cell without a statement of the outlet (drawn "not sure": it
            # covered the claim's story and the omission rule did not list it as leaving the
            # claim out): the outlet's statement the reader checks. Where the omission rule
            # judged the outlet to carry the claim in other words (OTHER_WORDS), the
            # statement it found closest, with its combined alignment score (0-100) and the
            # rule's reason; otherwise its statement in the claim's stories holding the
            # largest share of the claim's words (no score, closest_why says so). Null for
            # other cells or when no statement shares a word
            "closest_statement_id": pl.String,
            "closest_score": pl.Float64,
            "closest_why": pl.String,
        }
    )
)

# A side table of the omission rule (story rule; ``omissions(..., other_words=True)``):
# each outlet of a claim's story it judged to carry the claim in other words, so listed
# no omission. Not written by ``compare``: ``coverage`` cites it in its "related" cells
# without a statement.
OTHER_WORDS = pl.Schema(
    _columns(
        {
            "claim_id": pl.String,
            "story_id": pl.String,  # the story (STORIES) where the rule looked
            "outlet": pl.String,  # the outlet taken to carry the claim in other words
            # its statement in the story closest to the claim's statements, and the score
            # (0-100, the alignment's combined score); the words or figure test may have
            # passed on another of its statements (``why`` says which test passed)
            "closest_statement_id": pl.String,
            "closest_score": pl.Float64,
            "why": pl.String,  # which test judged it carried, with its figure
        }
    )
)

ARTICLE_COVERAGE = pl.Schema(
    _columns(
        {
            "claim_id": pl.String,
            "article_id": pl.String,  # article (claim x article table)
            "outlet": pl.String,
            "status": pl.String,  # one of COVERAGE_STATUSES (vs other articles)
            "status_rank": pl.Int8,
            "best_score": pl.Float64,  # best cross-article alignment score, null if none
            "n_statements": pl.Int32,  # statements of the claim in this article
            "claim_articles": pl.Int32,  # distinct articles carrying the claim
            "speaker": pl.String,  # the speaker this article gives the claim, null if none
            "statement_ids": pl.List(pl.String),
        }
    )
)

OMISSIONS = pl.Schema(
    _columns(
        {
            "outlet": pl.String,  # the outlet that left the claim out
            "claim_id": pl.String,
            "comparable": pl.String,  # rule making the outlet comparable: story|speaker|window|all
            "carried_by": pl.List(pl.String),  # outlets that carried the claim (story rule: there)
            "claim_outlets": pl.Int32,  # len(carried_by)
            "speaker": pl.String,  # most frequent speaker of the claim, null if none
            "representative": pl.String,  # representative text of the claim
            # the outlet's comparable articles (story rule: its articles in the story)
            "evidence_article_ids": pl.List(pl.String),
            # story rule: claims the outlet carried in the story with another outlet
            "shared_claims": pl.Int32,
            # the claim's statements in other outlets (story rule: in the story)
            "statement_ids": pl.List(pl.String),
            "story_id": pl.String,  # story rule: the story the outlet covered (STORIES)
            "story_label": pl.String,  # its most representative headline
            # the outlet's statement in the story closest to the claim (near miss), its
            # combined alignment score (0-100; below the carried score, else no omission),
            # relation and text; null when the outlet has no statement there
            "closest_statement_id": pl.String,
            "closest_score": pl.Float64,
            "closest_relation": pl.String,
            "closest_text": pl.String,
            # share of the claim's words (IDF-weighted) found in one of the outlet's statements
            # in the story, or the reverse (the larger; 0-1): a long sentence holding the claim
            "containment": pl.Float64,
            "figure_match": pl.Boolean,  # one of its statements there gives a figure of the claim
            # story rule: "sure" | "not sure" that the outlet left the claim out (near miss,
            # claim words spread over its text, short claim, not a statement, another matter
            # of a round-up, little text, told elsewhere: the outlet gives the claim in an
            # article of another story, round-up: the claim's articles tell other stories'
            # events around it, courtesy to the rulers, formula: a wish or a prayer,
            # background: an earlier fact recalled, later news / earlier news: the claim is
            # only in articles of other days than all the outlet's articles of the story;
            # another moment: a preview written before the event and an article told after);
            # null otherwise
            "certainty": pl.String,
            "why": pl.String,  # plain reason for "not sure", null when sure
            # story rule: the part of the claim (a clause of one of its sentences) the outlet
            # left out while carrying the rest; null when it left out the whole claim
            "omitted_part": pl.String,
            # story rule: "short" when the outlet's longest article in the story has fewer
            # than half the statements of the longest article giving the claim there (a
            # short version: the rest of a release or wire left out), "full" otherwise (the
            # outlet told the story at length); null otherwise
            "version": pl.String,
            "outlet_statements": pl.Int32,  # statements of the outlet's longest article there
            "fuller_statements": pl.Int32,  # ... of the longest article giving the claim there
            # the outlet's statements there in a claim that fuller article also gives (most:
            # the same wire or release; none: another text)
            "shared_statements": pl.Int32,
        }
    )
)

OMISSION_RATES = pl.Schema(
    _columns(
        {
            "outlet": pl.String,  # outlet A, whose omissions are counted
            "other": pl.String,  # outlet B, whose claims A could have carried
            # claims B carried for which A was comparable (story rule: claim x story units
            # B carried in stories A covered)
            "n_claims": pl.Int64,
            "n_omitted": pl.Int64,  # ... of which A carried none
            "rate": pl.Float64,  # n_omitted / n_claims (point estimate)
            # bootstrap percentile interval (resampling shared stories; claims without stories)
            "ci_low": pl.Float64,
            "ci_high": pl.Float64,
            "level": pl.Float64,  # confidence level, e.g. 0.95
            "n_boot": pl.Int64,  # bootstrap replicates
            "claim_ids": pl.List(pl.String),  # the omitted claims
            # story rule: stories both outlets covered (the units resampled); null otherwise
            "n_stories": pl.Int64,
            # story rule: A's 'not sure' omission rows of B's claims, set aside (neither
            # omitted nor carried in the rate); null otherwise
            "n_not_sure": pl.Int64,
            # plain-language caveat, e.g. "only 2 shared stories (fewer than 5): too few for
            # a rate" (rate and interval are then null); null when the rate stands
            "note": pl.String,
        }
    )
)

EMPHASIS = pl.Schema(
    _columns(
        {
            "statement_id": pl.String,
            "article_id": pl.String,
            "outlet": pl.String,
            "claim_id": pl.String,
            "speaker": pl.String,
            "is_headline": pl.Boolean,  # the article's headline (before any body text)
            "is_crosshead": pl.Boolean,  # a headline line after body text: a subheading
            "is_lede": pl.Boolean,  # among the first `lede` body statements in reading order
            "position": pl.Int32,  # 0-based order in the article (headline first)
            "relative_position": pl.Float64,  # body order scaled to [0, 1]; 0 = top, headline 0
            "n_words": pl.Int32,  # words in the statement
            "word_share": pl.Float64,  # n_words / words of all the article's statements
            # statements of this article saying the same (same claim or same content words), >= 1
            "repetitions": pl.Int32,
            "quote": pl.String,  # direct | indirect | mixed | none
            "is_direct": pl.Boolean,  # quote in (direct, mixed)
        }
    )
)

EMPHASIS_CLAIMS = pl.Schema(
    _columns(
        {
            "claim_id": pl.String,
            "outlet": pl.String,
            "n_statements": pl.Int32,
            "n_articles": pl.Int32,
            "claim_outlets": pl.Int32,
            "in_headline": pl.Boolean,  # in a headline of any of the outlet's articles
            "in_lede": pl.Boolean,  # in a lede of any of the outlet's articles
            "relative_position": pl.Float64,  # earliest relative position (0 = top)
            "word_share": pl.Float64,  # mean over articles of the claim's share of words
            "repetitions": pl.Float64,  # mean statements of the claim per carrying article
            "direct_quote_share": pl.Float64,  # share of the statements quoted directly
            "representative": pl.String,
            "statement_ids": pl.List(pl.String),
        }
    )
)

EMPHASIS_STORIES = pl.Schema(
    _columns(
        {
            "story_id": pl.String,
            "claim_id": pl.String,
            "outlet": pl.String,
            "n_statements": pl.Int32,  # the claim's statements in the outlet's story articles
            "n_articles": pl.Int32,  # the outlet's articles of the story carrying the claim
            "claim_outlets": pl.Int32,  # outlets carrying the claim in this story
            "in_headline": pl.Boolean,  # in a headline of the outlet's articles of the story
            "in_lede": pl.Boolean,  # in a lede of the outlet's articles of the story
            "relative_position": pl.Float64,  # earliest relative position in them (0 = top)
            "word_share": pl.Float64,  # mean over those articles of the claim's share of words
            "repetitions": pl.Float64,  # mean statements of the claim per carrying article
            "direct_quote_share": pl.Float64,  # share of the statements quoted directly
            "representative": pl.String,
            "statement_ids": pl.List(pl.String),  # the statements, all in the story
        }
    )
)

EMPHASIS_OUTLETS = pl.Schema(
    _columns(
        {
            "outlet": pl.String,
            # claim x outlet rows aggregated: per story (claims two outlets carried in a story)
            "n_claims": pl.Int64,
            "headline_share": pl.Float64,  # share of those claims put in a headline
            "lede_share": pl.Float64,  # ... in a lede
            "relative_position": pl.Float64,  # mean earliest relative position
            "word_share": pl.Float64,  # mean share of the article's words
            "repetitions": pl.Float64,  # mean repetitions per article
            "direct_quote_share": pl.Float64,  # mean share of direct quotes
        }
    )
)

REPORTING_VERBS = pl.Schema(
    _columns(
        {
            "outlet": pl.String,
            "speaker": pl.String,  # canonical actor id, null = no speaker identified
            "cue": pl.String,  # reporting verb lemma, e.g. "زعم"
            "cue_class": pl.String,  # neutral | assertive | distancing | denial | ...
            "n": pl.Int64,  # statements
            "share": pl.Float64,  # n / statements of this speaker in this outlet with a cue
            "statement_ids": pl.List(pl.String),
        }
    )
)

VOICES = pl.Schema(
    _columns(
        {
            "outlet": pl.String,
            "story_id": pl.String,  # the story (STORIES); null = over all the outlet's articles
            # canonical actor id, or the match-normalized name of a speaker no gazetteer lists
            "speaker": pl.String,
            "mention": pl.String,  # the outlet's most frequent words for the speaker
            "title": pl.String,  # the most frequent title/role written with the name, if any
            "n_statements": pl.Int64,  # statements the outlet attributes to the speaker
            "n_articles": pl.Int64,  # articles they come from
            "share": pl.Float64,  # n_statements / the outlet's statements with a speaker (story)
            "n_direct": pl.Int64,  # statements quoting the speaker (quote direct or mixed)
            "direct_share": pl.Float64,  # n_direct / n_statements
            "n_acts": pl.Int64,  # reporting acts: statements with their own reporting verb
            # reporting verbs used for the speaker, one per act, most used first
            "cues": pl.List(pl.Struct({"cue": pl.String, "cue_class": pl.String, "n": pl.Int64})),
            "statement_ids": pl.List(pl.String),
        }
    )
)

LABELS = pl.Schema(
    _columns(
        {
            "referent": pl.String,  # what is named, e.g. "isis" (labels.yaml)
            "label": pl.String,  # the lexicon's label, e.g. "تنظيم داعش الإرهابي"
            "connotation": pl.String,  # the label's class, e.g. neutral | pejorative | ...
            "outlet": pl.String,
            "n": pl.Int64,  # occurrences
            "share": pl.Float64,  # n / occurrences of the referent in this outlet
            "forms": pl.List(pl.String),  # distinct surface forms as written in raw_text
            # whose words the uses are: the outlet's own narration, words reported (a
            # statement with a speaker or a reporting verb) outside quotation marks, or
            # inside quotation marks (marks around the name alone are no quotation)
            "n_narration": pl.Int64,
            "n_reported": pl.Int64,
            "n_quoted": pl.Int64,
            "speakers": pl.List(pl.String),  # speakers of the reported and quoted uses
            "statement_ids": pl.List(pl.String),
        }
    )
)

SUBSTITUTIONS = pl.Schema(
    _columns(
        {
            "outlet_a": pl.String,  # outlet_a < outlet_b
            "outlet_b": pl.String,
            "term_a": pl.String,  # what outlet A writes (as written, most frequent spelling)
            "term_b": pl.String,  # where outlet B writes this
            "n": pl.Int64,  # aligned pairs showing the substitution
            "n_claims": pl.Int64,  # claims those pairs belong to (a habit recurs across claims)
            "rank": pl.Int32,  # 1 = seen in most claims (then pairs) within the outlet pair
            "statement_id_a": pl.List(pl.String),  # example pairs, element-wise
            "statement_id_b": pl.List(pl.String),
            "example_a": pl.String,  # text of the first example pair
            "example_b": pl.String,
        }
    )
)

HOUSE_STYLE = pl.Schema(
    _columns(
        {
            "outlet_a": pl.String,  # outlet_a < outlet_b
            "outlet_b": pl.String,
            "form_a": pl.String,  # how outlet A spells the word, e.g. "عبد العزيز"
            "form_b": pl.String,  # how outlet B spells it, e.g. "عبدالعزيز"
            # spacing | transliteration | year_mark | number_format | abbreviation | hamza_seat |
            # hamza_alef | alef_maksura | ta_marbuta | final_alef | transposition | shadda |
            # letter_form
            "kind": pl.String,
            "n": pl.Int64,  # aligned pairs showing the variant
            "n_claims": pl.Int64,  # claims those pairs belong to
            "statement_id_a": pl.List(pl.String),  # example pairs, element-wise
            "statement_id_b": pl.List(pl.String),
            "example_a": pl.String,
            "example_b": pl.String,
        }
    )
)

HEADLINES = pl.Schema(
    _columns(
        {
            "story_id": pl.String,
            "story_label": pl.String,  # the story's most representative headline
            "n_outlets": pl.Int32,  # outlets that covered the story
            "outlet": pl.String,
            "article_id": pl.String,
            "headline": pl.String,  # the article's headline (crossheads excluded), null if none
            "headline_statement_id": pl.String,
            "headline_cue": pl.String,  # reporting verb of the headline, if any
            "lede_statement_id": pl.String,  # first body statement in reading order
            "lede": pl.String,
            "lede_claim_id": pl.String,  # the claim the article leads with
            "lede_claim": pl.String,  # that claim's representative statement
            "lede_claim_outlets": pl.Int32,  # outlets of the story carrying that claim
            "lede_shared": pl.Boolean,  # another outlet of the story carried the lede claim
            "lede_cue": pl.String,  # reporting verb of the lede
            "lede_cue_class": pl.String,  # neutral | assertive | distancing | denial | ...
            # headline words (as written) no other outlet's headline of the story uses
            # (null for a round-up, or when no other outlet's headline is left to compare)
            "own_words": pl.List(pl.String),
            # a page whose headline and lede are another item's: its story part lies lower
            "round_up": pl.Boolean,
        }
    )
)

DISTINGUISHING_TERMS = pl.Schema(
    _columns(
        {
            "outlet": pl.String,  # the outlet compared
            "versus": pl.String,  # "rest" or the other outlet
            "term": pl.String,  # the term as written (the outlets' most frequent spelling)
            "n_outlet": pl.Int64,  # count in the outlet
            "n_versus": pl.Int64,  # count in the comparison group
            "log_odds": pl.Float64,  # Monroe et al. (2008) log-odds ratio, informative prior
            "variance": pl.Float64,
            "z": pl.Float64,  # log_odds / sqrt(variance); > 0 = typical of `outlet`
            "rank": pl.Int32,  # 1 = most distinguishing (by |z| within its sign)
            "statement_ids": pl.List(pl.String),  # example statements of the outlet using it
            "term_key": pl.String,  # the token counted: match spelling, final ة kept, clitics cut
        }
    )
)

DISCREPANCIES = pl.Schema(
    _columns(
        {
            "claim_id": pl.String,  # claim of statement a (null if the pair is split)
            "statement_id_a": pl.String,
            "statement_id_b": pl.String,
            "outlet_a": pl.String,
            "outlet_b": pl.String,
            "relation": pl.String,  # alignment relation of the pair
            "kind": pl.String,  # number | date | speaker | person | organisation | place | ...
            "value_a": pl.List(pl.String),  # values only in statement a (figures as written)
            "value_b": pl.List(pl.String),  # values only in statement b
            "what": pl.String,  # what differs: "number: قدرها [2.3 | 3.2] مليون برميل"
            "confidence": pl.Float64,  # 0-1: how sure the two values are the same slot
            "certainty": pl.String,  # high (>= 0.8) | medium (>= 0.5) | low
            "text_a": pl.String,
            "text_b": pl.String,
        }
    )
)

COMPARISON_TABLES: dict[str, pl.Schema] = {
    "coverage": COVERAGE,
    "article_coverage": ARTICLE_COVERAGE,
    "omissions": OMISSIONS,
    "omission_rates": OMISSION_RATES,
    "emphasis": EMPHASIS,
    "emphasis_claims": EMPHASIS_CLAIMS,
    "emphasis_stories": EMPHASIS_STORIES,
    "emphasis_outlets": EMPHASIS_OUTLETS,
    "reporting_verbs": REPORTING_VERBS,
    "voices": VOICES,
    "labels": LABELS,
    "substitutions": SUBSTITUTIONS,
    "house_style": HOUSE_STYLE,
    "headlines": HEADLINES,
    "distinguishing_terms": DISTINGUISHING_TERMS,
    "discrepancies": DISCREPANCIES,
    "stories": STORIES,
    "story_summary": STORY_SUMMARY,
    "talking_points": TALKING_POINTS,
    "copies": COPIES,
    "reliability": RELIABILITY,
}
"""Name of each table returned by ``narratives.compare`` -> its schema."""


class SchemaError(ValueError):
    """A frame does not have the columns or types a stage needs."""


def require(
    frame: pl.DataFrame | pl.LazyFrame,
    schema: Mapping[str, pl.DataType] | Iterable[str],
    *,
    name: str,
    stage: str,
) -> None:
    """Check that ``frame`` has the columns (and dtypes) a stage needs.

    Parameters
    ----------
    frame
        The frame passed to the stage.
    schema
        A schema (columns and dtypes are checked) or column names (presence only).
    name
        What the frame is called in messages, e.g. ``"articles"``.
    stage
        The function doing the check, e.g. ``"extract_statements"``.

    Raises
    ------
    SchemaError
        Naming every missing column and every column of the wrong type.
    """
    have = frame.collect_schema() if isinstance(frame, pl.LazyFrame) else frame.schema
    problems: list[str] = []
    if isinstance(schema, Mapping):
        for col, dtype in schema.items():
            if col not in have:
                problems.append(f"missing column {col!r} ({dtype})")
            elif have[col] != dtype and have[col] != pl.Null:
                problems.append(f"column {col!r} is {have[col]}, expected {dtype}")
    else:
        problems = [f"missing column {col!r}" for col in schema if col not in have]
    if problems:
        raise SchemaError(f"{stage}: {name} table does not fit: " + "; ".join(problems))


def conform(frame: pl.DataFrame, schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    """Return ``frame`` with the schema's columns first, in order and cast.

    Columns missing from ``frame`` are added as nulls; extra columns are kept
    after the schema's own.
    """
    exprs = [
        (pl.col(c) if c in frame.columns else pl.lit(None)).cast(t).alias(c)
        for c, t in schema.items()
    ]
    extra = [c for c in frame.columns if c not in schema]
    return frame.select([*exprs, *extra])
