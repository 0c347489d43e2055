"""Attribution: who says each statement, with which reporting verb, how quoted.

Rules of Arabic news copy, applied statement by statement through an article:

- The reporting verb (``cue``) is the first verb of ``reporting_verbs.tsv``
  before the reported content (before ``أن``/``إن`` or a quotation).
- Its speaker is the name or title right after it (``قال لافروف``,
  ``وأكد وزير الخارجية الروسي``, ``وقال المتحدث الرسمي باسم الكرملين ديميتري
  بيسكوف``: a person's name wins over the title around it), or right before it
  (``وكان لافروف أكد``); with ``نقل`` the source after ``عن`` (``نقلت وكالة تاس
  عن لافروف قوله``).
- A verb with no subject (``وأضاف أن``, ``وتابع``), a participial clause
  (``مشيرا إلى أن``), a continued quotation and a clause cut off a longer
  sentence keep the current speaker.
- ``وزعم فيها`` ("and claimed in them"): the verb refers back to statements
  just mentioned, so the speaker is the last other actor named
  (``تصريحات أدلى بها ... كيري ... وزعم فيها أن``).
- Nested reports (``وقال إن بوتين أكد ...``) are given to the inner actor;
  ``reported_by`` keeps the outer one.
- Titles resolve to the holder the article introduced (``الوزير الروسي`` → the
  Russian minister named last), else to the holder on the article's date.
- Headlines and title lines ``لافروف: ...`` take the name before the colon; a
  capital used for its government (``موسكو: ...``) stands for the article's
  first speaker from that country.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from narratives.normalize import normalize
from narratives.statements._lexicon import Cue, Lexicon
from narratives.statements._nlp import Feat
from narratives.statements._speakers import (
    MAX_NAME,
    ArticleSpeakers,
    SpeakerWords,
    _adjective_like,
    _in,
    _in_word_lists,
    _nationalities,
    _time_word,
    lone_name,
    parse_mention,
    speaker_words,
    unlisted_name_at,
    unlisted_name_word,
)
from narratives.statements.entities import Match
from narratives.statements.segment import _RELATIVE_STEMS, Segment

CUE_WINDOW = 20  # tokens searched for the reporting verb
SUBJECT_WORDS = 6  # longest unresolved speaker description before the verb
MENTION_WORDS = 12  # longest unresolved speaker description after the verb
DIRECT_SHARE = 0.6  # share of quoted words above which a statement is a direct quote
TOPIC_WINDOW = 6  # tokens in which a sentence's subject sets who later verbs refer to
IDLE_SENTENCES = 2  # sentences of narration after which a verb without subject is no one's


class Resolver:
    """Resolves gazetteer matches to actor ids in the context of one article."""

    def __init__(self, lex: Lexicon, published: dt.date | None) -> None:
        self.lex = lex
        self.published = published
        self.seen: list[str] = []  # actor ids, in order of mention

    def resolve(self, m: Match) -> str | None:
        names = [e for e in m.entries if e.kind == "name"]
        if names:
            return names[0].id
        titles = [e for e in m.entries if e.kind == "title"]
        if titles:
            holders = list(dict.fromkeys(e.id for e in titles))
            for aid in reversed(self.seen):
                if aid in holders:
                    return aid
            if self.published is not None:
                for e in titles:
                    if (e.valid_from is None or e.valid_from <= self.published) and (
                        e.valid_to is None or self.published <= e.valid_to
                    ):
                        return e.id
            current = [e.id for e in titles if e.valid_to is None]
            return current[0] if len(set(current)) == 1 else None
        for e in m.entries:  # generic descriptions
            for aid in reversed(self.seen):
                info = self.lex.actors.get(aid, {})
                if (e.affiliation is None or info.get("affiliation") == e.affiliation) and (
                    e.role is None or e.role in info.get("roles", ())
                ):
                    return aid
        return None

    def _named(self, word: str) -> str | None:
        """ "" when ``word`` starts a person's name (the title is that person's), else None."""
        ids = {
            e.id
            for key in self.lex.first_token.get(word, ())
            for e in self.lex.phrases[key]
            if e.kind == "name" and e.type == "person"
        }
        # a first name alone tells no one (الوزير عادل الطريفي is not عادل الجبير): the name
        # match that follows, if any, names the person
        if ids or word in speaker_words().given:
            return ""
        return None

    def note(self, m: Match, following: str = "") -> None:
        """Resolve ``m`` (``following``: the next token, normalized) and remember it."""
        generic = all(e.kind == "generic" for e in m.entries)
        nisba = len(following) > 4 and following.startswith("ال") and following.endswith("ي")
        if generic and nisba:
            m.resolved = None  # وزير الخارجية البرازيلي: another country's minister
            return
        if generic and following:
            named = self._named(following)
            if named is not None:  # الرئيس دونالد ترامب: the title of the name that follows
                m.resolved = named or None
                if m.resolved is not None:
                    self.seen.append(m.resolved)
                return
        m.resolved = self.resolve(m)
        if m.resolved is not None and m.resolved in self.lex.actors:
            self.seen.append(m.resolved)


_DESCRIBE = frozenset({"وصف", "اتهم", "نعت"})  # وصف X بأنه: X is described, not speaking
_DEPUTY_OF = frozenset({"نائب", "نائبه", "مساعد", "مساعده", "وكيل", "وكيله", "ولي"})
_SON_OF = frozenset({"بن", "ابن", "بنت"})


def someone_else(m: Match, feats: list[Feat], lex: Lexicon) -> bool:
    """``m`` names a listed person or office, but the word before makes it someone else's.

    ``نائب خادم الحرمين الشريفين`` is the King's deputy, not the King;
    ``الدكتور عبدالرحمن بن محمد عسيري`` is not ``أحمد عسيري`` of the gazetteer:
    a surname after ``بن`` or after a given name the gazetteer does not give
    that person is another man's.
    """
    if m.i == 0 or not m.is_actor:
        return False
    entries = [e for e in m.entries if e.type == "person" and e.kind in ("name", "title")]
    if not entries or len(entries) < len(m.entries):
        return False
    prev = feats[m.i - 1]
    if prev.kind != "w":
        return False
    if prev.norm in _DEPUTY_OF:
        return True
    if not all(e.kind == "name" for e in entries):
        return False
    if prev.norm in _SON_OF:
        return True
    if prev.norm not in speaker_words().given:
        return False
    said = tuple(f.norm for f in feats[m.i : m.j])
    longer = False
    for e in entries:  # a listed longer name ending with these words: its given name
        for name in lex.actors.get(e.id, {}).get("names") or []:
            words = tuple(normalize(str(name)).split())
            if len(words) > len(said) and words[-len(said) :] == said:
                if words[-len(said) - 1] == prev.norm:
                    return False
                longer = True
    return longer


@dataclass(slots=True)
class Attribution:
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_title: str | None = None
    cue: str | None = None
    cue_class: str | None = None
    cue_carried: bool | None = None  # the cue is the previous statement's (same reporting act)
    quote: str = "none"
    reported_by: str | None = None
    country: str | None = None  # headline "موسكو: ..." waiting for a speaker
    subject: tuple[str | None, str | None] | None = None  # of a sentence without a cue
    aside: bool = False  # «... كما قال ظريف»: the writer cites someone mid-sentence
    colon_speech: bool = False  # «حيث قال: من ضمن ...»: words after the colon, no marks


@dataclass(slots=True)
class State:
    """What carries over from one statement to the next within an article."""

    speaker: str | None = None
    mention: str | None = None
    title: str | None = None
    gender: str | None = None  # m | f: the form of the verb that named the current speaker
    # m | f of each speaker id, from the verb that named it: kept when the speaker is named
    # again without a verb (a topic), so that «وتقول» is not carried to a man
    genders: dict[str, str] = field(default_factory=dict)
    cue: Cue | None = None
    last_actors: list[str] = field(default_factory=list)
    speakers: ArticleSpeakers = field(default_factory=ArticleSpeakers)
    prev: Attribution | None = None  # the previous statement of the same paragraph
    idle: int = 0  # sentences of narration, naming no one, since the speaker was named


@dataclass(slots=True)
class Sentence:
    """One segment read in its article: what the speaker rules look at.

    ``feats`` are the article's token features, ``starts``/``ends`` their
    character offsets in ``raw``, ``at`` the gazetteer matches by first token.
    """

    seg: Segment
    feats: list[Feat]
    raw: str
    starts: list[int]
    ends: list[int]
    at: dict[int, Match]
    lex: Lexicon
    state: State


def attribute(
    seg: Segment,
    feats: list[Feat],
    raw: str,
    starts: list[int],
    ends: list[int],
    matches: list[Match],
    in_speech: list[bool],
    lex: Lexicon,
    state: State,
    *,
    headline: bool,
) -> Attribution:
    """Speaker, cue and quote type of one segment; updates ``state``."""
    at = {m.i: m for m in matches}
    sent = Sentence(seg, feats, raw, starts, ends, at, lex, state)
    out = Attribution()
    after_verb = False  # the explicit speaker was found right after the verb
    before_verb = False  # ... or is the phrase right before it
    if not state.speakers.text:
        state.speakers.text = raw
    cue_k = _find_cue(seg, feats, in_speech, at, lex)
    explicit: tuple[str | None, str | None] | None = None
    carried = False
    speaker: str | None
    mention: str | None
    if cue_k is not None:
        cue = feats[cue_k].cue
        assert cue is not None
        out.cue, out.cue_class = cue.lemma, cue.cls
        out.aside = cue_k - 1 > seg.i and feats[cue_k - 1].norm == "كما"
        after = cue_k + 1
        if cue.slot == "after_an":
            for k in range(after, min(seg.j, after + 12)):
                if feats[k].norm == "عن":
                    after = k + 1
                    break
        if (
            after + 1 < seg.j
            and feats[after].norm in ("ذلك", "هذا", "هذه", "بذلك", "بهذا")
            and feats[after + 1].kind == "w"
            and _starts_subject(feats[after + 1], lex)
        ):
            # أوضح ذلك الناطق الإعلامي ..., صرح بذلك وكيل الوزارة ...: "that" is the object,
            # the subject follows
            after += 1
        if (
            after + 1 < seg.j
            and (
                "resumptive" in feats[after].roles
                or feats[after].norm in _ABOUT_IT
                or feats[after].norm in _DURING  # مؤتمرا صحفيا ... قال خلاله نتنياهو
            )
            and (
                _starts_subject(feats[after + 1], lex)
                or (after + 1 in at and at[after + 1].is_actor)
            )
        ):
            # يرى فيه الناطق الإعلامي باسم ... عمر الجبلاوي, حتى كشف عنه خامنئي: the
            # subject follows
            after += 1
        caller = None
        if after < seg.j and ("resumptive" in feats[after].roles or feats[after].norm in _DURING):
            caller = _caller(sent)
        if caller is not None:
            # تلقى ... اتصالاً هاتفياً من الشيخ سيف بن زايد ...، أعرب فيه: the caller speaks
            out.speaker, out.speaker_mention = caller
            state.speaker, state.mention, state.title = caller[0], caller[1], None
            state.gender = None
        elif after < seg.j and "resumptive" in feats[after].roles:
            others = [a for a in reversed(state.last_actors) if a != state.speaker]
            if others:
                out.speaker, out.speaker_mention = others[0], feats[after].text
            else:
                carried = True
        elif cue.kind == "participle":
            carried = True  # لافتا الانتباه إلى: the noun after a participle is its object
        else:
            nxt = _skip_blank(after + 1, seg, feats)
            if (
                nxt < seg.j
                and feats[after].kind == "c"
                and feats[nxt].kind == "w"
                and feats[nxt].norm.rstrip(".") in speaker_words().honorifics
            ):
                after = nxt  # وأضاف، د. مرغلاني، أن: the subject between commas
            after = _past_addressee(after, seg, feats, lex)
            kana = (
                feats[seg.i].norm in ("وكان", "كان", "وكانت", "كانت")
                and cue_k - seg.i >= 3
                and feats[cue_k - 1].norm == "قد"
                and _starts_subject(feats[seg.i + 1], lex)
            )  # وكان وزير النقل اليمني بدر باسلمة، قد أبلغ الأمم المتحدة: the subject is
            # before the verb, the noun after it is the one told
            explicit = None if kana else _quoted_person(cue_k + 1, sent)
            explicit = explicit if explicit is not None or kana else _subject(after, sent)
            after_verb = explicit is not None
            if explicit is not None and explicit[0] is None:
                # قالت صحيفة "هآرتس": the institution's name in quotation marks
                explicit = None, _quoted_name(after, seg, feats) or explicit[1]
            if explicit is None and not kana:
                explicit = _preverbal(cue_k, seg, feats, raw, at)
            if (
                explicit is None
                and not kana
                and after + 2 < seg.j
                and feats[after].kind == "q"
                and feats[after + 1].kind == "w"
                and (cue.feminine or not cue.transitive or _colon_after_quote(after, seg, feats))
                # the marks close round a name; «الأمم المتحدة ليس بوسعها ...» opens a quotation
                and any(f.kind == "q" for f in feats[after + 2 : min(seg.j, after + 6)])
            ):
                after += 1  # وأكدت "شريفة عابد" أنها ...: a name in quotation marks
            if explicit is None and not kana and _agrees_with_noun(cue, after, seg, feats):
                explicit = None, _noun_phrase(after, seg, feats, raw, starts, ends, lex.title_heads)
                explicit = None, _quoted_name(after, seg, feats) or explicit[1]
                after_verb = True
            if explicit is None and (anon := _unnamed_before(cue_k, seg, feats)) is not None:
                # لكن مصدرًا قضائيا فرنسيًا قال: an unnamed source, not the last speaker
                explicit = None, raw[starts[anon] : ends[cue_k - 1]]
            if explicit is None and not kana:
                explicit = _preverbal_phrase(cue_k, seg, feats, raw, starts, ends)
                before_verb = explicit is not None
            qad = cue_k - 1 > seg.i and feats[cue_k - 1].norm == "قد"
            sw = speaker_words()
            described = seg.i + 1 < cue_k and (
                feats[seg.i + 1].norm in sw.offices
                or feats[seg.i + 1].norm in sw.honorifics
                or feats[seg.i + 1].norm in lex.title_heads
            )  # وكان المتحدث الرسمي لشرطة جدة العقيد الدكتور عاطي القرشي أعلن
            if (
                explicit is None
                and feats[seg.i].norm in ("وكان", "كان", "وكانت", "كانت")
                and cue_k - seg.i <= (MENTION_WORDS + 2 if qad or described else 4)
            ):
                # وكان تشافيز أكد: a subject before the verb, named or not, not the last speaker
                last = cue_k - 1 - (1 if feats[cue_k - 1].norm == "قد" else 0)  # وكان X قد أكد
                listed = next(  # وكان العميد أحمد عسيري الناطق ... ذكر: the gazetteer's id
                    (
                        m.resolved
                        for m in matches
                        if seg.i < m.i and m.j <= last + 1 and m.is_person_name and m.resolved
                    ),
                    None,
                )
                explicit = (
                    listed,
                    (raw[starts[seg.i + 1] : ends[last]] if last > seg.i else None),
                )
                after_verb = True  # the subject's own slot: a lone surname names someone
            if (
                explicit is None
                and after < seg.j
                and feats[after].kind == "w"
                and feats[after].norm in speaker_words().anonymous
            ):
                # كشف تقرير دولي، عن ...: an unnamed source of its own, not the last speaker
                explicit = None, _noun_phrase(after, seg, feats, raw, starts, ends, lex.title_heads)
            if (
                explicit is None
                and after + 1 < seg.j
                and feats[after].norm == "كل"
                and feats[after + 1].norm == "من"
            ):
                explicit = None, None  # أكد كل من الشيخ أحمد ... والشيخ علي: several people
            if (
                explicit is None
                and feats[seg.i].norm in ("اما", "واما")
                and feats[cue_k].text.startswith("ف")
                and seg.i + 1 < cue_k <= seg.i + MENTION_WORDS + 4
                and feats[seg.i + 1].kind == "w"
            ):
                # أما الدكتور سالم باعجاجة، وكيل كلية ...، فبين أن: the topic of أما speaks
                explicit = (
                    None,
                    _noun_phrase(seg.i + 1, seg, feats, raw, starts, ends, lex.title_heads),
                )
                after_verb = True
            if explicit is not None and _object_not_subject(cue, after, seg, feats):
                explicit = None  # وأبلغ الإدارة النصراوية باستقالته: the board is told
            if explicit is None:
                explicit = _slot_name(after, sent)
                after_verb = explicit is not None
            if (
                explicit is None
                and after < seg.j
                and feats[after].kind == "w"
                and _in_words(feats[after].norm, sw.institutions)
                and feats[after].norm not in sw.anonymous
                and not _object_not_subject(cue, after, seg, feats)
            ):
                # وفي إنجلترا أعلن نادي نيوكاسل تعاقده ...: an institution after the verb is
                # its subject (or an object the rules cannot tell): not the last speaker;
                # وتعهد الائتلاف بالعمل: the one the article named (الائتلاف الوطني الأحوازي)
                # (حث مديرية الكهرباء على ...: a directive's institution is the one urged)
                mention = _noun_phrase(after, seg, feats, raw, starts, ends, lex.title_heads)
                sid = None if cue.cls == "directive" else state.speakers.resolve(mention)[0]
                explicit = (None, mention) if sid is not None else (None, None)
            if (
                explicit is not None
                and explicit[1]
                and cue.lemma in _DESCRIBE
                and re.search(
                    re.escape(explicit[1]) + r"\s+ب[أا]ن", raw[starts[seg.i] : ends[seg.j - 1]]
                )
            ):
                explicit = None  # ووصف حزب العمال الكردستاني بأنه منظمة: the one described
            if (
                explicit is None
                and _own_part_before(cue_k, seg, feats)
                and after < seg.j
                and (
                    _starts_subject(feats[after], lex)
                    or (
                        feats[after].kind == "w"
                        and feats[after].norm.startswith("ال")
                        and _in(feats[after].norm, sw.titles)
                        and feats[after].norm not in sw.anonymous
                    )
                    or (
                        # من جانبه أكد فريدريك زلينسكي: a name no list knows
                        after + 1 < seg.j
                        and feats[after].plain
                        and feats[after + 1].plain
                        and not feats[after].text.endswith("ى")
                        and unlisted_name_word(feats[after].norm, feats[after].text, sw)
                        and unlisted_name_word(feats[after + 1].norm, feats[after + 1].text, sw)
                    )
                )
            ):
                # من جهته، كشف المشرف العام على المهرجان مقبل غربي العنزي: «من جهته» turns to
                # someone new, named after the verb; his words are not the last speaker's
                explicit = None, _noun_phrase(after, seg, feats, raw, starts, ends, lex.title_heads)
                after_verb = True
            if explicit is None:
                carried = True
            _nested(cue_k, seg, feats, at, out)
            if explicit is not None and out.reported_by is None:
                relayed = _relayed(cue_k, explicit, sent)
                if relayed is not None:
                    # وقالت الوكالة نقلا عن بيان لهيئة شؤون الإعلام: the body quoted speaks,
                    # the agency relays (reported_by)
                    source, source_mention = relayed
                    if source is None and source_mention:
                        source = state.speakers.resolve(source_mention)[0]
                    out.speaker, out.speaker_mention = source, source_mention
                    out.reported_by = ""  # filled with the agency by the code below
        if _plural_verb(feats[cue_k].text):
            # وأضافوا, لكن محللين آخرين قالوا, يؤكدون: a plural verb is never one named
            # person's (a subject after it would make it singular), and the group is not named
            explicit, carried = None, False
    else:
        explicit = _colon_speaker(sent, out, headline=headline)
        prev = state.prev
        if explicit is None and not headline and _first_person(seg, feats, in_speech):
            # وقلت: ما أعرفه ...: the columnist's own words, not the last speaker's
            state.speaker = state.mention = state.title = state.gender = None
        elif explicit is None and not headline:
            if (
                prev is not None
                and (in_speech[seg.i] or seg.how in ("connective", "length"))
                and not (prev.aside and not in_speech[seg.i])
                and not (not in_speech[seg.i] and _new_subject_clause(seg, feats, at, prev))
                and not (
                    not in_speech[seg.i]
                    and prev.quote not in ("direct", "mixed")
                    and not prev.colon_speech
                    and _writer_opens(seg, feats)
                )  # «- أعلن اتحاد الكرة اسم المدير الفني ...، وللأسف أن هذا الإعلان ...»
            ):
                # the rest of the previous statement's sentence or quotation
                out.speaker, out.speaker_mention = prev.speaker, prev.speaker_mention
                out.speaker_title = prev.speaker_title
                out.cue, out.cue_class, out.reported_by = prev.cue, prev.cue_class, prev.reported_by
                out.cue_carried = True if prev.cue is not None else None
            else:
                topic = _preverbal(seg.j, seg, feats, raw, at, leading=True)
                if topic is None:
                    topic = _open_topic(sent)
                if topic is not None:
                    state.speaker, state.mention = topic
                    state.title = None
                    state.gender = state.genders.get(topic[0]) if topic[0] else None
                    out.subject = topic
                    state.idle = 0
                elif not in_speech[seg.i] and not any(f.kind == "q" for f in feats[seg.i : seg.j]):
                    state.idle += 1  # narration, not the speaker's quoted words
    if explicit is not None:
        speaker, mention = explicit
        title = None
        if speaker is None and mention and out.country is None and not headline:
            # a lone unlisted word names someone only as the subject right after the verb
            state.speakers.lone_ok = after_verb
            parsed = parse_mention(mention) if before_verb else None
            if (
                parsed is not None
                and parsed.kind == "person"
                and parsed.name
                and not normalize(mention).endswith(normalize(parsed.name))
            ):
                speaker, title = None, None  # حسنا فعل وزير التعليم حينما نفى: no name
            else:
                speaker, title = state.speakers.resolve(mention)  # (موسكو وواشنطن: no one)
                listed = _listed_name(speaker, mention, matches, raw, lex)
                if listed is not None:
                    # «وزير الداخلية الأمير محمد بن نايف»: the name the mention ends with
                    # is the gazetteer's, so the id is too (as for «الأمير محمد بن نايف»)
                    speaker = listed
                if (
                    after_verb
                    and cue_k is not None
                    and parse_mention(mention).kind in ("office", "title")
                ):
                    named = _appositive_name(cue_k + 1, seg, feats, raw, starts, ends)
                    if named is not None:  # نائب شيخ طائفة العقاري ...، أياد بن عبدالوهاب بافقيه
                        found, _ = state.speakers.resolve(named)
                        if found is not None:
                            speaker, title = found, mention
            state.speakers.lone_ok = False
        elif speaker is not None and mention and speaker in lex.actors:
            namesake = None if headline else _namesake(speaker, mention, state, lex)
            if namesake is not None:  # وأضاف الجبير after «المستشار أحمد الجبير»
                speaker = namesake
            else:
                title = state.speakers.add_actor(speaker, mention)
        if (
            speaker is not None
            and speaker.isascii()
            and mention
            and not headline
            and _whose_relation(speaker, mention, matches, feats, lex)
        ):
            # «شتيفن زايبرت المتحدث باسم المستشارة الألمانية أنجيلا ميركل», «مستشار الرئيس
            # الأمريكي باراك أوباما»: the listed name, after its own title and a relation
            # (باسم, مستشار, فريق حملة), is whose spokesman or adviser speaks
            speaker, title = _before_relation(mention, state)
        if out.reported_by is not None:  # nested: the outer speaker is explicit
            out.reported_by = speaker
        else:
            out.speaker, out.speaker_title = speaker, title
        out.speaker_mention = out.speaker_mention or mention
        if not headline:
            state.idle = 0
            state.speaker, state.mention, state.title = speaker, mention, title
            state.cue = feats[cue_k].cue if cue_k is not None else state.cue
            state.gender = state.cue.gender if cue_k is not None and state.cue else None
            if speaker is not None and state.gender is not None:
                state.genders.setdefault(speaker, state.gender)
    elif carried:
        speaker, mention = state.speaker, state.mention
        own = False  # the sentence names its own subject before the verb
        prev = state.prev
        if seg.how == "participle" and prev is not None:
            # a circumstantial participle shares the subject of its sentence's verb
            speaker = prev.reported_by or prev.speaker
            mention = prev.speaker_mention if not prev.reported_by else state.mention
            if prev.cue is None and prev.subject is not None:  # ودافع كيري عن ...، قائلا
                speaker, mention = prev.subject
            later = _clause_subject(seg, sent)
            if later is not None and later[1] != mention:
                # «وظهر حسن حسني في فيديو ...، حيث خاطبه الفنان الخليجي | قائلا»: the
                # participle is the nearest clause's, whose own subject speaks
                speaker, mention = later
        elif cue_k is not None and any(
            f.kind == "w" and f.norm in speaker_words().anonymous and f.norm.startswith("مصادر")
            for f in feats[max(seg.i, cue_k - 3) : cue_k]
        ):
            speaker = mention = None  # إلا أن مصادر السنة تؤكد: unnamed sources speak
            own = True
        elif cue_k is not None and _country_before(cue_k, seg, feats):
            # لكن مدريد لفتت إلى أن: a country or its capital speaks (its government), not
            # the last speaker (حكومة كاتالونيا)
            speaker = mention = None
            own = True
        elif cue_k is not None and (despite := _despite_subject(seg, feats, at)) is not None:
            # ورغم أن أردوغان لم يشر ...، إلا أنه قال: the subject of the رغم clause speaks
            speaker, mention = despite.resolved, raw[despite.start : despite.end]
            own = True
        elif cue_k is not None and any(
            m.is_person_name and m.resolved is not None and m.resolved != speaker
            for m in matches
            if seg.i <= m.i and m.j <= cue_k
        ):
            # ولعل شهادة الملك سلمان في حقه ... حين قال له: someone else is named before
            # the verb in its own sentence; the last speaker is not sure
            speaker = mention = None
        elif cue_k is not None and _prophet_before(cue_k, seg, feats) is not None:
            # ورسولنا -صلى الله عليه وسلم- يقول: the Prophet's saying quoted by the writer,
            # not the last speaker's words (no speaker: the rest of the sentence is the
            # writer's again)
            speaker = mention = None
            own = True
        elif cue_k is not None and _when_someone_said(cue_k, seg, feats, matches):
            # ترى هل هذا ما قصده سيدنا علي رضي الله عنه عندما قال: (...) (a column, after
            # a book quoted), كما جاء في حديث الرسول عندما قال: the one named before «عندما»
            # speaks, not the last speaker: the sentence's subject when the rules read it
            # (ثم عزز مدرب سان جرمان لوران بلان فرضية ... عندما قال), else no one
            before = _subject_before(cue_k, sent)
            speaker, mention = before if before is not None else (None, None)
            own = before is not None
        elif cue_k is not None and (issuer := _issuer_before(cue_k, sent)) is not None:
            # وفي بيان لأعضاء مجلس الأمن الدولي ... صدر أمس، شدد على: the body whose
            # statement is named before the verb speaks, not the last speaker
            speaker, mention = issuer
            own = True
            state.speaker, state.mention, state.title = speaker, mention, None
        elif cue_k is not None and cue_k > seg.i + 1:
            before = _subject_before(cue_k, sent)
            if before is not None:
                # بدوره المخرج والمؤلف ياسر الحسن، قال / دان مسعود البرزاني ... قال إنه: the
                # sentence's own subject, named before the verb, not the last speaker
                speaker, mention = before
                own = True
        if (
            cue_k is not None
            and state.idle >= IDLE_SENTENCES
            and speaker is not None
            and speaker == state.speaker
            and seg.how != "participle"
        ):
            # وفتحت الحكومة الاميركية ... (three sentences of narration) ... وقالت "انها
            # بلدي": a verb without a subject after sentences that name no one is not
            # sure to be the last speaker's
            speaker = mention = None
            state.speaker = state.mention = state.title = None
        if (
            cue_k is not None
            and not own
            and speaker is not None
            and speaker == state.speaker
            and seg.how != "participle"
            and feats[seg.i].text.strip() in _BULLETS
        ):
            # «* اعتقال كوري جنوبي هدد بقتل السفير الأميركي في سيول»: a starred line opens
            # another item of a news digest (a crosshead); a verb without a subject in it is
            # not the last item's speaker's
            speaker = mention = None
            state.speaker = state.mention = state.title = None
        state.idle = 0
        cue = feats[cue_k].cue if cue_k is not None else None
        gender = cue.gender if cue is not None else None
        known = state.genders.get(speaker) if speaker is not None else None
        if gender and state.gender and gender != state.gender and speaker == state.speaker:
            speaker = mention = None  # وأشارت after a man's words: someone else speaks
        elif gender and known and gender != known:
            # «وتقول» after «اختيارات ماليكي للمعرض» (a man named by «يقول ماليكي»): the verb
            # does not agree with the speaker carried, so no speaker rather than a wrong one
            speaker = mention = None
        elif gender == "f" and speaker is not None and _male(mention, state.title):
            # وأكدت (a newspaper) after «الأمير ...»: a feminine verb is not a man's
            speaker = mention = None
        elif (
            gender == "m"
            and speaker is not None
            and _feminine_body(mention)
            and (mention or "") not in raw[starts[seg.i] : ends[seg.j - 1]]
        ):
            # «برأت اللجنة السعودية للرقابة على المنشطات حارس مرمى ...» then «وأكد أنه لجأ
            # إلى ...»: a masculine verb is not the committee's (it is the goalkeeper's)
            speaker = mention = None
        if out.reported_by is not None:
            out.reported_by = speaker
        else:
            out.speaker, out.speaker_mention = speaker, mention
            if speaker == state.speaker:
                out.speaker_title = state.title
        if cue_k is not None:
            state.cue = feats[cue_k].cue
        if own and (
            speaker is None
            or speaker in lex.actors
            or parse_mention(mention or "").kind == "person"
        ):
            # لكن تشو تُشير إلى ... then «وتقول»: the new subject, named or not, is the one
            # a later verb without a subject carries on, not the speaker before her
            state.speaker, state.mention, state.title = speaker, mention, None
            state.gender = gender
            if speaker is not None and gender is not None:
                state.genders.setdefault(speaker, gender)
    state.last_actors = [m.resolved for m in matches if m.resolved and m.resolved in lex.actors]
    if out.cue is not None and out.cue_carried is None:
        out.cue_carried = False
    out.quote = _quote(seg, feats, in_speech, out, state.prev)
    state.prev = out
    return out


# a relation whose complement (a listed person with the title) is not the speaker
_RELATIONS = frozenset(
    {
        "باسم", "مستشار", "مستشاره", "فريق", "حمله", "مكتب", "نجل", "ابن", "ابنه", "زوجه",
        "شقيق", "شقيقه", "مساعد", "مساعده", "سكرتير", "محامي", "مبعوث", "حرس", "للرئيس",
    }
)
_RELATION_HEADS = frozenset({"المتحدث", "الناطق", "المتحدثه", "الناطقه", *_RELATIONS} - {"باسم"})


def _whose_relation(
    speaker: str, mention: str, matches: list[Match], feats: list[Feat], lex: Lexicon
) -> bool:
    """The listed ``speaker`` is named in ``mention`` after his own title and a relation
    (not «المتحدث باسم الرئيس الروسي ديمتري بيسكوف»: the title is Putin's, Peskov speaks)."""
    said = normalize(mention)
    info = lex.actors.get(speaker) or {}
    roles = set(info.get("roles") or [])
    for m in matches:
        if m.resolved != speaker or not m.is_person_name:
            continue
        k = m.i - 1
        if k >= 0 and feats[k].norm in _RELATIONS and feats[k].norm in said.split():
            return True  # «فريق حملة دونالد ترامب», «مستشار أوباما»: the name right after
        title = next((t for t in matches if t.j == m.i and t is not m), None)
        if title is None or not any(
            (e.kind == "title" and e.id == speaker)
            or (
                e.kind == "generic"
                and e.affiliation == info.get("affiliation")
                and e.role in roles
            )
            for e in title.entries
        ):
            continue
        k = title.i - 1
        if k >= 0 and feats[k].norm in _RELATIONS and feats[k].norm in said.split():
            return True
    return False


def _before_relation(mention: str, state: State) -> tuple[str | None, str | None]:
    """The name that opens ``mention`` before the relation (شتيفن زايبرت), else no one."""
    words = mention.split()
    r = next((k for k, w in enumerate(words) if normalize(w) in _RELATION_HEADS), None)
    if r is None or r < 2:
        return None, None
    before = " ".join(words[:r])
    if parse_mention(before).kind != "person":
        return None, None
    return state.speakers.resolve(before)


def _listed_name(
    speaker: str | None, mention: str, matches: list[Match], raw: str, lex: Lexicon
) -> str | None:
    """The gazetteer id of a person whose listed name ends the open-text ``speaker`` id."""
    if speaker is None or speaker.isascii():
        return None
    said = normalize(mention)
    name = speaker.replace(" ", "")
    found = {
        m.resolved
        for m in matches
        if m.resolved is not None
        and m.resolved in lex.actors
        and m.is_person_name
        and normalize(raw[m.start : m.end]) in said
        and normalize(raw[m.start : m.end]).replace(" ", "").endswith(name)
    }
    return found.pop() if len(found) == 1 else None


def _namesake(speaker: str, mention: str, state: State, lex: Lexicon) -> str | None:
    """Someone else the article named in full with the lone surname ``mention``.

    ``وأضاف الجبير`` after «عضو جمعية الاقتصاد السعودي المستشار أحمد الجبير» is the
    economist, not the gazetteer's Adel al-Jubeir; a full name the gazetteer gives
    ``speaker`` (``عادل الجبير``) keeps the gazetteer's id.
    """
    if len(normalize(mention).split()) != 1:
        return None
    sid = state.speakers.named_before(mention)
    if sid is None or sid == speaker:
        return None
    ends = {
        (w[0], w[-1])
        for n in lex.actors.get(speaker, {}).get("names") or []
        if (w := normalize(str(n)).split())
    }
    words = sid.split()
    return None if (words[0], words[-1]) in ends else sid  # عادل بن احمد الجبير: the same man


_BULLETS = frozenset({"*", "**", "***", "•"})  # a starred line: an item of a digest
_DURING = frozenset({"خلاله", "خلالها"})  # أعرب خلاله: during the call just named
CALL_WINDOW = 60  # tokens back from «أعرب فيه» in which «اتصالا ... من» is looked for


def _caller(s: Sentence) -> tuple[str, str] | None:
    """The caller of ``تلقى ... اتصالاً هاتفياً ... من X``, when ``أعرب فيه`` follows it."""
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    state = s.state
    for c in range(seg.i - 1, max(-1, seg.i - CALL_WINDOW), -1):
        f = feats[c]
        if f.kind == "w" and f.norm.startswith(("اتصال", "برقيه", "رساله")) and len(f.norm) <= 8:
            for q in range(c + 1, min(seg.i - 1, c + 8)):
                if feats[q].norm == "من" and feats[q + 1].kind == "w":
                    span = Segment(q + 1, seg.i, "start")
                    mention = _noun_phrase(q + 1, span, feats, raw, starts, ends, set())
                    sid, _ = state.speakers.resolve(mention)
                    return None if sid is None else (sid, mention)
            return None
        if f.kind == "e":
            return None
    return None


_IF = frozenset({"اذا", "واذا", "فاذا", "لو", "ولو", "فلو", "لئن", "ولئن"})


def _conditional(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """The verb at ``k`` is the condition of «إذا (ما) / لو»: a hypothesis, no report."""
    q = k - 1
    if q > seg.i and feats[q].norm == "ما":
        q -= 1  # إذا ما أكدت
    return q >= seg.i and feats[q].norm in _IF


# openings of a topic («وبشأن تحديد الوكالة ... 150 مفتشا، أوضح أن»): what it names is
# what the speaker talks about, not the speaker
_ABOUT = frozenset({"بشان", "وبشان", "حول", "وحول", "بخصوص", "وبخصوص", "عن", "وعن"})


def _subject_before(cue_k: int, s: Sentence) -> tuple[str | None, str] | None:
    """A person named as the subject before a later verb of the same sentence, or None.

    ``بدوره المخرج والمؤلف ياسر الحسن، قال``: after an opener, a described name and a
    comma; ``دان مسعود البرزاني ... قصف تركيا لقرية قال إنه``: the subject of the
    sentence's opening verb (:func:`_open_topic`).
    """
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    lex, state = s.lex, s.state
    sw = speaker_words()
    if feats[seg.i].norm in _ABOUT and any(f.kind == "c" for f in feats[seg.i : cue_k]):
        return None  # وبشأن تحديد الوكالة الدولية ...، أوضح: the topic, not the subject
    start = seg.i
    while start < cue_k and feats[start].kind == "w" and feats[start].norm in sw.not_names:
        start += 1  # بدوره, ثم
    stop = cue_k - 1 if feats[cue_k - 1].kind == "c" else cue_k
    if (
        start < stop
        and _starts_subject(feats[start], lex)
        and all(f.kind == "w" and f.cue is None for f in feats[start:stop])
    ):
        mention = raw[starts[start] : ends[stop - 1]]
        p = parse_mention(mention)
        if p.kind == "person" and p.name and normalize(mention).endswith(normalize(p.name)):
            sid, _ = state.speakers.resolve(mention)
            if sid is not None:
                return sid, mention
    if (
        start > seg.i
        and 2 <= stop - start <= MAX_NAME
        and stop == cue_k
        and not feats[cue_k].text.startswith("ف")  # أما البيت الثاني فيؤكد فيه النابغة
        and _in_words(feats[start].norm, sw.institutions)
        and feats[start].norm not in sw.anonymous
        and all(f.kind == "w" and f.cue is None for f in feats[start:stop])
    ):
        # إلا أن مكتب التحقيقات الفيدرالي حذر من ...: a body named right before the verb,
        # after an opener, is its subject, not the last speaker (أما صحيفة الاتحاد فقد قالت)
        last = stop - 1
        while last > start and feats[last].norm in ("قد", "فقد", "فانه", "فانها"):
            last -= 1
        mention = raw[starts[start] : ends[last]]
        if parse_mention(mention).kind == "institution":
            sid, _ = state.speakers.resolve(mention)
            if sid is not None:
                return sid, mention
    topic = _open_topic(replace(s, seg=Segment(seg.i, cue_k, seg.how)))
    if topic is not None and topic[0] is not None:
        return topic
    if (
        start > seg.i
        and all(f.norm in _BUT for f in feats[seg.i : start])
        and 1 <= stop - start <= 2
        and stop == cue_k
        and all(
            f.kind == "w" and f.cue is None and _unlisted(f.norm, sw) and not f.norm.endswith("ه")
            for f in feats[start:stop]
        )
    ):
        # لكن تشونغ رأى: an unlisted name right before the verb after an opener is its
        # subject (the article's full name when it has one), not the last speaker
        state.speakers.lone_ok = True
        mention = raw[starts[start] : ends[stop - 1]]
        sid, _ = state.speakers.resolve(mention)
        state.speakers.lone_ok = False
        if sid is not None and not set(normalize(mention).split()) <= set(sid.split()):
            sid = None  # the id must carry the words named (كينياتا -> اوهورو كينياتا)
        return sid, mention
    return None


def _first_person(seg: Segment, feats: list[Feat], in_speech: list[bool]) -> bool:
    """The segment opens with a verb of saying in the first person outside a quotation."""
    f = feats[seg.i]
    if f.kind != "w" or in_speech[seg.i]:
        return False
    w = f.norm[1:] if f.norm[:1] in "وف" and len(f.norm) > 3 else f.norm
    fp = speaker_words().first_person
    return f.norm in fp or w in fp


_WHEN_SAID = frozenset({"عندما", "وعندما", "حين", "وحين", "حينما", "وحينما"})
_PROPHET = frozenset({"الرسول", "النبي", "رسول", "سيدنا", "سموه"})


def _prophet_before(cue_k: int, seg: Segment, feats: list[Feat]) -> int | None:
    """The token naming the Prophet as the subject before the verb, or None.

    ``ورسولنا -صلى الله عليه وسلم- يقول``, ``والنبي صلى الله عليه وسلم قال``: within
    the six words before the verb, blessing formula and dashes aside.
    """
    for q in range(cue_k - 1, max(seg.i, cue_k - 9) - 1, -1):
        f = feats[q]
        if f.kind in ("e", "q", ":"):
            return None
        w = f.norm[1:] if f.norm[:1] in "وف" and len(f.norm) > 4 else f.norm
        if f.kind == "w" and (w in ("الرسول", "النبي", "رسولنا", "نبينا") or w == "رسول"):
            return q
    return None


def _when_someone_said(cue_k: int, seg: Segment, feats: list[Feat], matches: list[Match]) -> bool:
    """The verb opens a «عندما / حين قال» clause after someone named in its sentence.

    ``ما قصده سيدنا علي ... عندما قال``, ``لما أعلنه سموه ... حينما قال``: a person (a
    listed one, a given name, the Prophet, «سموه») is named before the clause, so the
    verb is that person's. Not «في حين قال» ("whereas"), nor a clause after no name
    («وأوضح أن هذا ما قصده عندما قال»: the speaker himself).
    """
    if cue_k - 1 <= seg.i or feats[cue_k - 1].norm not in _WHEN_SAID:
        return False
    if cue_k - 2 >= seg.i and feats[cue_k - 2].norm in ("في", "وفي"):
        return False
    given = speaker_words().given
    return any(m.is_person_name for m in matches if seg.i <= m.i and m.j < cue_k) or any(
        f.kind == "w" and (f.norm in _PROPHET or (f.norm in given and not f.text.endswith("ى")))
        for f in feats[seg.i : cue_k - 1]
    )


def _writer_opens(seg: Segment, feats: list[Feat]) -> bool:
    """The segment opens with a word or two of the writer's own comment (وللأسف, وفي رأيي:
    ``writer_openers`` of ``speaker_words.yaml``)."""
    words = [f.norm for f in feats[seg.i : min(seg.j, seg.i + 3)] if f.kind == "w"][:2]
    openers = speaker_words().writer_openers
    return bool(words) and (words[0] in openers or " ".join(words) in openers)


def _blank(f: Feat) -> bool:
    """``f`` is only white space (a no-break space the scrape kept as a token)."""
    return f.kind == "p" and not f.text.strip()


def _skip_blank(k: int, seg: Segment, feats: list[Feat]) -> int:
    while k < seg.j and _blank(feats[k]):
        k += 1
    return k


def _appositive_name(
    k: int, seg: Segment, feats: list[Feat], raw: str, starts: list[int], ends: list[int]
) -> str | None:
    """A person's name after commas that ends the subject's description, or None.

    ``وأكد نائب شيخ طائفة العقاري بالمدينة المنورة، عضو اللجنة العقارية ...،
    أياد بن عبدالوهاب بافقيه على ...``: the office's holder is named after the
    appositions. Only a name of two words or more that starts with a listed given
    name or has بن, right after a comma, before any clause marker, quotation or
    other verb.
    """
    sw = speaker_words()
    for c in range(k, min(seg.j - 2, k + 3 * MENTION_WORDS)):
        f = feats[c]
        if _blank(f):
            continue  # «، د. خالد مرغلاني»: a no-break space after the comma
        if f.kind not in ("w", "c") or f.cue is not None or f.roles - {"particle", "stop"}:
            return None
        first = _skip_blank(c + 1, seg, feats)
        if f.kind != "c" or first >= seg.j or feats[first].kind != "w":
            continue
        stop = first
        while stop < min(seg.j, first + 2 + MAX_NAME) and feats[stop].kind == "w":  # الدكتور ..
            stop += 1
        text = raw[starts[first] : ends[stop - 1]]
        p = parse_mention(text)
        words = normalize(p.name or "").split()
        if (
            p.kind == "person"
            and len(words) >= 2
            and (words[0] in sw.given or "بن" in words)
            and (
                normalize(text).startswith(" ".join(words))
                # مدير جامعة الملك خالد، الدكتور عبد الرحمن بن حمد الداود: an honorific first
                or (
                    p.title is not None
                    and all(w.rstrip(".") in sw.honorifics for w in normalize(p.title).split())
                    and normalize(text)
                    .replace(".", "")
                    .startswith(normalize(p.title).replace(".", "") + " " + " ".join(words))
                )
            )
        ):
            return p.name
    return None


#: words opening a clause with a verb and a subject of its own, inside a sentence
_INNER_CLAUSES = frozenset({"حيث", "عندما", "حين", "حينما", "اذ", "بينما", "فيما"})


def _clause_subject(seg: Segment, s: Sentence) -> tuple[str | None, str] | None:
    """The subject of the clause right before a participle of saying, or None.

    ``... حيث خاطبه الفنان الخليجي | قائلا: «...»``: a clause opened by حيث /
    عندما / حين / إذ, its verb, then a titled or described subject (within the
    last eight tokens, no sentence end between), or ``«...»، ليرد حسني | قائلا``
    (a comma, a verb and a subject the article named): the participle is that
    subject's (its id when the article named it, else the words, speaker not
    sure), not the subject of the sentence's first verb.
    """
    feats, lex = s.feats, s.lex
    for o in range(seg.i - 1, max(-1, seg.i - 9), -1):
        f = feats[o]
        if f.kind in ("e", "q", ":"):
            return None
        comma = f.kind == "c" and o + 3 == seg.i  # «...»، ليرد حسني | قائلا
        if f.norm not in _INNER_CLAUSES and not comma:
            continue
        p = o + 2  # the clause's verb, then its subject (not «حيث تحكي قصة أمير ...»)
        if p >= seg.i:
            return None
        if _starts_subject(feats[p], lex):
            bound = Segment(o, seg.i, seg.how)
            mention = _noun_phrase(p, bound, feats, s.raw, s.starts, s.ends, lex.title_heads)
            found, _ = s.state.speakers.resolve(mention)
            return found, mention
        if comma and feats[p].plain and (named := s.state.speakers.named_before(feats[p].text)):
            return named, feats[p].text  # the surname of someone the article named in full
        return None
    return None


def _starts_subject(f: Feat, lex: Lexicon) -> bool:
    """``f`` opens a named or titled subject (an honorific, office, title or given name)."""
    sw = speaker_words()
    return f.kind == "w" and (
        f.norm in sw.honorifics
        or f.norm in sw.offices
        or f.norm in sw.descriptors
        or f.norm in lex.title_heads
        or (f.norm in sw.given and not f.text.endswith("ى"))
    )


def _object_not_subject(cue: Cue, k: int, seg: Segment, feats: list[Feat]) -> bool:
    """A feminine institution right after a masculine verb is its object, not its subject.

    ``وأكدت الوزارة`` names the ministry as speaker; ``وأبلغ الإدارة النصراوية
    باستقالته`` ("he told the board") does not: Arabic puts a feminine subject right
    after its verb only with a feminine verb. After أبلغ/أخبر, a definite noun
    phrase right before بـ is the one told, whatever the verb's gender.
    """
    if k >= seg.j:
        return False
    if cue.lemma in ("أبلغ", "أخبر") and feats[k].norm.startswith("ال"):
        # «وأبلغت الإدارة الأمريكية بقرارها»: with a subject, the one told comes
        # between the verb and بـ (أبلغت الحكومة الإدارة بقرارها); a definite noun
        # phrase right before بـ is the one told
        m = k + 1
        while (  # nisba adjectives only: الإدارة الأمريكية (not الحكومة الإدارة, two nouns)
            m < seg.j
            and m < k + 4
            and feats[m].kind == "w"
            and feats[m].norm.startswith("ال")
            and feats[m].norm.endswith(("ي", "يه"))
        ):
            m += 1
        if (
            m < seg.j
            and feats[m].kind == "w"
            and feats[m].norm[:1] == "ب"
            and feats[m].norm not in ("بن", "بنت")
            and len(feats[m].norm) > 2
        ):
            return True
    if cue.gender != "m":
        return False
    w = feats[k].norm
    return (
        w.startswith("ال")
        and w.endswith("ه")
        and feats[k].text.endswith("ة")
        and _in_words(w, speaker_words().institutions)
    )


def _slot_name(k: int, s: Sentence) -> tuple[str | None, str] | None:
    """A name in the subject slot that the rules before did not read, or None.

    ``فيما أكد كارتر حرص بلاده``: a lone surname of someone the article named in
    full (``وزير الدفاع الأميركي أشتون كارتر``) is that person, not the last
    speaker. ``أعلن غياث سورجي، مسؤول إعلام ...``: two unlisted words, a comma and a
    title are a name and its title.
    """
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    state = s.state
    if (
        k + 1 < seg.j
        and feats[k].norm == "بن"
        and feats[k + 1].kind == "w"
        and feats[k + 1].plain
        and feats[k + 1].cue is None
    ):
        # واعتبر بن سعيدان: the family name «بن X» of the article's «نايف بن سعيدان»
        sid = state.speakers.named_with_bin(feats[k + 1].norm)
        if sid is not None:
            return sid, raw[starts[k] : ends[k + 1]]
    if k >= seg.j or feats[k].kind != "w" or feats[k].roles or feats[k].cue is not None:
        return None
    f = feats[k]
    if f.plain and ((f.norm.startswith("ال") and len(f.norm) >= 6) or lone_name(f.norm)):
        sid = state.speakers.named_before(f.text, strict=False)
        if sid is not None:
            return sid, f.text
    sw = speaker_words()
    if (
        f.plain
        and k + 1 < seg.j
        and not f.norm.startswith(("ال", "م"))  # ممثلي, منظمو, مذاهب: nouns, no names
        and len(f.norm) >= 5
        and not (f.norm[1:2] == "ا" and f.norm.endswith("و"))  # لاعبو الفريق: a plural
        and lone_name(f.norm)
        and unlisted_name_word(f.norm, f.text, sw)
        and feats[k + 1].kind == "w"
        and feats[k + 1].norm.startswith("ال")
        and not feats[k + 1].roles
        and not any(ch in "\u064b\u064c\u064d" for ch in f.text)
    ):
        # ودعا تسيبراس النواب إلى ...: a lone unlisted name right after the verb, then the
        # definite object, is the subject (named by that word), not the last speaker;
        # «وأكد بلحسن الوسلاتي المتحدث ...»: with its family name in ال...ي
        g = feats[k + 1].norm
        if g.endswith("ي") and len(g) >= 6 and lone_name(g):
            return None, raw[starts[k] : ends[k + 1]]
        return None, f.text
    if (
        k + 3 < seg.j
        and feats[k + 1].kind == "w"
        and feats[k + 2].kind == "c"
        and feats[k + 3].kind == "w"
        and not feats[k + 1].roles
        and feats[k + 1].cue is None
        and lone_name(f.norm)
        and lone_name(feats[k + 1].norm)
        and _titled(feats[k + 3].norm, sw)
        and not _in_words(feats[k + 3].norm, sw.institutions)
    ):
        mention = raw[starts[k] : ends[k + 1]]
        p = parse_mention(mention)
        if p.kind == "person" and p.name and normalize(p.name) == normalize(mention):
            return None, mention
    return None


def _in_words(w: str, words: frozenset[str]) -> bool:
    return w in words or (w.startswith("ال") and w[2:] in words)


def _institution_before(i: int, k: int, feats: list[Feat], institutions: frozenset[str]) -> bool:
    """An institution's head (مركز, لمركز, بجامعة) right before ``i``, or before الملك/الأمير
    there."""
    for p in (i - 1, i - 2):
        if p < k:
            return False
        w = feats[p].norm
        if _in_words(w, institutions) or (
            w[:1] in "لب" and len(w) > 3 and _in_words(w[1:], institutions)
        ):
            return True
        if w not in ("الملك", "الامير"):
            return False
    return False


_AS_FOR = frozenset({"اما", "واما"})
_AS_FOR_THEN = frozenset({"فقد", "فان", "فهو", "فهي", "فانه", "فانها", "فيري", "فيقول"})


def _as_for(seg: Segment, feats: list[Feat]) -> tuple[int, int] | None:
    """``(first word of X, the ف word)`` of «أما X فـ ...» ("as for X, he ..."), or None.

    Also «أمام X ... فقد» (a common misprint of أما: «أمام» "before" takes no ف clause).
    """
    opening = feats[seg.i].norm
    if opening not in _AS_FOR and opening != "امام":
        return None
    for q in range(seg.i + 2, min(seg.j, seg.i + 18)):
        if feats[q].kind in ("e", "q", ":"):
            return None
        if feats[q].norm in _AS_FOR_THEN:
            return seg.i + 1, q
    return None


def _background_words() -> Collection[str]:
    """The words of the background frequency table (``narratives.align._background``)."""
    from narratives.align._background import load_background

    return load_background().words


def _name_first(
    seg: Segment, feats: list[Feat], raw: str, starts: list[int], ends: list[int], sw: SpeakerWords
) -> str | None:
    """The person's name a sentence opens with, right before its verb in the past, or None.

    ``هيلاري حاولت ...``, ``ناصر الجديع تمنيت ...``: a listed given name, one or two
    more name words at most, then a verb of the past in ت (four to six letters, no
    name); not «عزت أمانة المنطقة» (عزت "attributed", a verb, before a noun).
    """
    f = feats[seg.i]
    if f.kind != "w" or f.norm not in sw.given or f.text.endswith("ى"):
        return None
    for end in range(seg.i + 1, min(seg.j - 1, seg.i + 4)):
        w = feats[end]
        if w.kind != "w":
            return None
        if (
            w.norm.endswith("ت")
            and 4 <= len(w.norm) <= 6
            and not w.norm.startswith("ال")  # أشرف الموت على ...: a noun, the name a verb
            and w.norm not in sw.given
            # حاولت is حاول + ت; not ريتشارد هارت (no word «هار»): a family name in ت
            and w.norm[:-1] in _background_words()
        ):
            mention = raw[starts[seg.i] : ends[end - 1]]
            parsed = parse_mention(mention)
            if parsed.kind == "person" and normalize(parsed.name or "") == normalize(mention):
                return mention
            return None
    return None


_PASSIVE_OPENERS = frozenset({"تم", "وتم", "فتم", "جري", "وجري", "يتم", "ويتم", "سيتم", "وسيتم"})


def _open_topic(s: Sentence) -> tuple[str | None, str] | None:
    """The named subject of a sentence without a reporting verb.

    ``وافتتح الأمير خالد الفيصل المعرض``: a verb, then an honorific, a title or
    a given name; later subject-less verbs (``وأكد أن``) refer to that person.
    """
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    lex, state = s.lex, s.state
    sw = speaker_words()
    if feats[seg.i].norm in _SUBORDINATE:
        return None  # وإذا استطاعت وزارة الإسكان أن ...: a condition, not who speaks next
    if feats[seg.i].norm in _PASSIVE_OPENERS:
        return None  # وتم إبلاغ مركز شرطة جرول: a passive names no agent; the noun is its object
    as_for = _as_for(seg, feats)
    if as_for is not None:
        # أما أستاذ العلوم السياسية ... عماد حمودة فقد انتقد: the person after «أما» is the
        # sentence's subject; later verbs without one are his (a body, «وأما الداخلية
        # البريطانية، فقد», is read by the rules below)
        p, end = as_for
        last = end - 1
        while last > p and feats[last].kind != "w":
            last -= 1  # «الصحفي صدام أبو عاصم، فقد»: the comma is no part of the name
        whole = raw[starts[p] : ends[last]]
        if parse_mention(whole).kind == "person":
            sid, _ = state.speakers.resolve(whole)
            return sid, whole
    head = feats[seg.i : min(seg.j, seg.i + 7)]
    if any(f.kind == "p" for f in head[:4]) and any(f.kind == ":" for f in head):
        return None  # محمد عطيف- سبق: the reporter's byline, no one who speaks
    first_name = _name_first(seg, feats, raw, starts, ends, sw)
    if first_name is not None:
        # هيلاري حاولت في أول خطاب ...: a sentence that opens with a person's name and
        # its verb; later verbs without a subject (فهي تقول) are hers
        sid, _ = state.speakers.resolve(first_name)
        return sid, first_name
    first = seg.i + (2 if feats[seg.i].norm in ("بعد", "ثم") else 1)  # بعد ذلك ألقى الشيخ ...
    if "connective" in feats[seg.i].roles:
        first = seg.i + 2  # كما عبر العفالق عن سروره
    lead = seg.i
    while lead < min(seg.j, seg.i + 3) and (
        feats[lead].norm in sw.not_names or feats[lead].norm in ("وقد", "وامس", "واليوم")
    ):
        lead += 1  # وأمس الثلاثاء رفعت مؤسسة ستاندرد آند بورز ...: the verb comes later
    if lead > seg.i:
        first = max(first, lead + 1)
    places = list(range(first, min(seg.j, first + 2)))
    opening = feats[seg.i].norm
    opening = opening[1:] if opening[:1] in "وف" and len(opening) > 2 else opening
    # وفي الحفل الخطابي المعد للمناسبة، ألقى ...: an opening prepositional phrase may be longer
    reach = 7 if opening in _PREPOSITIONS else 4
    comma = next(
        (c for c in range(seg.i + 1, min(seg.j, seg.i + reach)) if feats[c].kind == "c"), None
    )
    own_part = _after_own_part(seg.i + 2, seg, feats) or _after_own_part(seg.i + 1, seg, feats)
    if own_part:
        # من جانبه استعرض رئيس قسم ... فهد عبدالحفيظ: the verb after «من جانبه / بدوره»,
        # then its subject (the one later verbs without a subject carry on)
        verb = seg.i + (2 if feats[seg.i].norm == "من" else 1)
        if verb < seg.j and feats[verb].kind == "c":
            verb += 1  # من جهته، ...
        first = verb + 1
        places = list(range(first, min(seg.j, first + 2)))
    elif opening in _PREPOSITIONS and comma is None:
        return None  # وفي مؤتمر صحافي في واشنطن ... أسف أوباما: the subject comes later
    if not own_part and comma is not None and all(f.kind == "w" for f in feats[seg.i : comma]):
        # وقبل ذلك، عبر وزير الخارجية البلجيكي ...: the verb after an opening adverbial
        places = [q for q in places if q < comma] + list(range(comma + 2, min(seg.j, comma + 4)))
    for p in places:
        f = feats[p]
        if f.kind != "w":
            return None
        if feats[p - 1].norm in sw.sayings:
            return None  # الحديث أخرجه الإمام البخاري: the collector of a hadith, no subject
        if f.norm == "الفريق" and not (
            p + 1 < seg.j and feats[p + 1].norm in sw.honorifics | sw.given
        ):
            continue  # وواصل الفريق تحضيراته: the team, not the rank
        if (
            f.norm in sw.honorifics
            or f.norm in sw.offices
            or _in_words(f.norm, sw.offices)  # الأمين العام للمشروع العربي ...
            or f.norm in _COURTESY
            or f.norm in sw.descriptors
            or (f.norm in sw.given and not f.text.endswith("ى") and not _ala(p, feats, sw))
        ):
            # وقبل ذلك، عبر وزير الخارجية البلجيكي ديدييه رينديرز ...: someone new is the
            # sentence's subject; later verbs without one are his even when his name is not
            # read, so the last speaker is no longer sure (speaker None, not the last one)
            mention = _noun_phrase(p, seg, feats, raw, starts, ends, lex.title_heads)
            if parse_mention(mention).kind == "office":
                named = _appositive_name(p + 1, seg, feats, raw, starts, ends)
                if named is not None:  # واستنكر مدير جامعة الملك خالد، الدكتور عبد الرحمن ...
                    found, _ = state.speakers.resolve(named)
                    if found is not None:
                        return found, named
            sid, _ = state.speakers.resolve(mention)
            if (
                f.norm not in sw.offices
                and _in_words(f.norm, sw.offices)
                and (sid is None or parse_mention(sid).kind != "person")
            ):
                # وعدد المدير العام المقترحات المطروحة: «المدير» opens a new subject, but
                # only a name says who (the phrase may run on into the object)
                return None, mention
            return sid, mention
        if f.norm in sw.institutions and p > seg.i and feats[p - 1].norm in _PREPOSITIONS:
            return None  # غير أن العضو في هيئة الدفاع ...: the member is the subject, not it
        if f.norm in sw.institutions:
            # خفض بنك الاحتياط النيوزيلندي سعر الفائدة ... وأشار إلى أنه
            mention = _quoted_name(p, seg, feats) or _noun_phrase(
                p, seg, feats, raw, starts, ends, lex.title_heads
            )
            if parse_mention(mention).kind != "institution":
                return None
            sid, _ = state.speakers.resolve(mention)
            return None if sid is None else (sid, mention)
        if f.plain and ((f.norm.startswith("ال") and len(f.norm) >= 6) or lone_name(f.norm)):
            # كما عبر العفالق عن سروره, وصنف كارتر إيران: the surname of someone the article
            # named in full (a lone word naming no one else is no topic)
            sid = state.speakers.named_before(f.text)
            if sid is not None:
                return sid, f.text
        if (
            p == first
            and p + 2 < seg.j
            and f.plain
            and feats[p + 1].kind == "w"
            and feats[p + 1].plain
            and _unlisted(f.norm, sw)
            and _unlisted(feats[p + 1].norm, sw)
            and (
                feats[p + 2].kind != "w"
                or feats[p + 2].norm in _NAME_ENDS
                or feats[p + 2].norm.startswith("ب")
            )
            and _opens_with_verb(seg, feats, sw)
        ):
            # وتباهت تسيبي لفني من المعارضة ...: two unlisted name-like words after the
            # opening verb are a new subject the rules cannot read; later verbs without
            # a subject (وقالت) are not the last speaker's
            return None, raw[starts[p] : ends[p + 1]]
        if (
            f.plain
            and not f.norm.startswith("ال")
            and p + 1 < seg.j
            # a family name (العتيبي) or a listed given name must be near: checked cheaply first
            and any(
                g.norm in sw.given or (g.norm.startswith("ال") and g.norm.endswith("ي"))
                for g in feats[p + 1 : min(seg.j, p + 4)]
            )
        ):
            # واتفقت معه نايفة العتيبي: an unlisted name of two words or more
            mention = _noun_phrase(p, seg, feats, raw, starts, ends, lex.title_heads)
            parsed = parse_mention(mention)
            name = normalize(parsed.name or "").split()
            # a family name (العتيبي) or a listed given name makes it a name, not any two words
            family = len(name) >= 2 and (
                (name[-1].startswith("ال") and name[-1].endswith("ي") and len(name[-1]) >= 5)
                or any(w in sw.given for w in name)
            )
            if (
                parsed.kind == "person"
                and family
                and parsed.name
                and mention.startswith(parsed.name)
            ):
                sid, _ = state.speakers.resolve(mention)
                return None if sid is None else (sid, mention)
    return None


def _ala(p: int, feats: list[Feat], sw: SpeakerWords) -> bool:
    """``علي`` at ``p`` is the preposition على written with ي, not the name Ali.

    After an accusative verbal noun (``وردا علي سؤال``, ``تعليقا علي``,
    ``حرصا علي``), which is no given name (``رضا علي`` is two names).
    """
    if feats[p].norm != "علي" or p == 0:
        return False
    prev = feats[p - 1].norm
    return len(prev) >= 4 and prev.endswith("ا") and prev not in sw.given


def _unlisted(w: str, sw: SpeakerWords) -> bool:
    """``w`` may be an unlisted name: no article or clitic, in no word list (تسيبي, لفني)."""
    return (
        len(w) >= 3
        and w.isalpha()
        and not w.startswith("ال")
        and not w.endswith(("ون", "ين", "ات", "ها", "هم"))
        and not any(
            _in_words(w, x)
            for x in (
                sw.not_names,
                sw.titles,
                sw.institutions,
                sw.anonymous,
                sw.adjectives,
                sw.descriptors,
                sw.countries,
                sw.honorifics,
            )
        )
        and w not in _PREPOSITIONS
    )


_NAME_ENDS = frozenset({"من", "في", "عن", "علي", "الي", "مع", "امس", "اليوم"})


def _opens_with_verb(seg: Segment, feats: list[Feat], sw: SpeakerWords) -> bool:
    """The sentence opens with و/ف and a past verb (وتباهت, ورفض), not a noun or particle."""
    w = feats[seg.i].norm
    if feats[seg.i].kind != "w" or w[:1] not in "وف" or len(w) < 4 or w[1:3] == "ال":
        return False
    w = w[1:]
    return not (
        w in sw.not_names
        or w in sw.given
        or _in_words(w, sw.institutions)
        or _in_words(w, sw.titles)
        or w in _PREPOSITIONS
        or w in _SUBORDINATE
        or w.endswith(("ه", "ون", "ين", "ات"))
    )


# words after which a title's description does not go on to its holder's name
_DESCRIPTION_ENDS = frozenset(
    {"بحضور", "بمشاركه", "بسبب", "بشان", "بين", "بدوره", "بدورها", "خلال", "امام", "لدي"}
)
_CHAIRED = frozenset({"برياسه", "برئاسه", "بحضور", "برعايه", "بقياده", "بتوجيه"})
# a sentence opening with these is subordinate: its subject is no topic for later verbs
_SUBORDINATE = frozenset(
    {"اذا", "واذا", "لو", "ولو", "لكي", "ولكي", "كي", "عندما", "وعندما", "حين", "حينما", "لان"}
)
_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "حول", "بعد", "قبل", "خلال", "عبر"})
_COURTESY = frozenset({"صاحب", "سمو", "معالي", "فضيله", "سعاده"})  # صاحب السمو الملكي الأمير ...


def _agrees_with_noun(cue: Cue, k: int, seg: Segment, feats: list[Feat]) -> bool:
    """A noun right after the verb that must be its subject, not its object.

    Any noun after a verb that takes no direct object (وقال عموري, ويقول جيفري
    لويس), a noun after a feminine verb (قالت, أعلنت), or a definite sound
    masculine plural in the nominative (وقال الباحثون).
    """
    if k >= seg.j:
        return False
    f = feats[k]
    given = speaker_words().given
    # علي the name, not على "on" (the same letters once ى is normalized)
    name = (
        f.norm in given
        and not f.text.endswith("ى")
        and k + 1 < seg.j
        and (
            feats[k + 1].kind in ("w", ":")  # فقال علي: أما هذا ...
            # أكد محمد (بائع عسل وسمن بلدي في السوق المركزي) أن: his trade in brackets
            or feats[k + 1].text == "("
        )
    )
    if f.kind != "w" or (f.roles and not name) or f.cue is not None:
        return False
    if f.norm.startswith(("لل", "بال")):  # أكد للرئيس: the one addressed, not the speaker
        return False
    if not cue.transitive or cue.feminine or (f.norm.startswith("ال") and f.norm.endswith("ون")):
        return True
    if name or _name_then_office(k, seg, feats):
        return True
    # وأكد المحارب أن ...: a short noun phrase, then the reported content
    # (أكد المواطن مكي عبدالمحسن اللعاب، أن ...: a comma may come before it)
    for q in range(k + 1, min(seg.j, k + 6)):
        g = feats[q]
        if "complementizer" in g.roles:
            return True
        if g.kind == "c" and q + 1 < seg.j and "complementizer" in feats[q + 1].roles:
            continue
        if g.kind != "w" or g.roles or g.cue is not None:
            return False
    return False


_NAME_LINKS = frozenset({"عبد", "بن", "ابو", "الله"})


def _name_then_office(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """A name of two to four words right after the verb, then an office and the reported
    content: ``أكد سياف المعاوي عضو اتحاد كرة القدم ... أنه``, ``أكد عبد الله البدري الأمين
    العام لمنظمة ... أن`` (the name is the subject however long its office is)."""
    sw = speaker_words()
    if feats[k].norm.startswith("ال"):
        return False
    q = k
    while q < min(seg.j, k + 4):
        f = feats[q]
        if f.kind != "w" or f.cue is not None or (f.roles and f.norm not in sw.given):
            break
        w = f.norm
        if not (
            w in sw.given
            or w in _NAME_LINKS
            or (q > k and w.startswith("ال") and lone_name(w))  # the family name in ال...ي
            or (not w.startswith("ال") and (lone_name(w) or unlisted_name_word(w, f.text, sw)))
        ):
            break
        q += 1
    if q - k < 2 or q >= seg.j or feats[k].norm in _NAME_LINKS - {"عبد", "ابو"}:
        return False
    office = feats[q].norm
    bare = office[2:] if office.startswith("ال") else office
    if office in sw.anonymous or not any(x in sw.offices or x in sw.titles for x in (office, bare)):
        return False  # ووصف مميش حديث البعض: no office after the words, no name
    end = min(seg.j, q + 2 * MENTION_WORDS)
    # without «أن», only an office in construct (رئيس اللجنة, عالم الجيولوجيا) closes the
    # name: «وجدد بارتوميو حديثا عقد المدرب» is a subject, an adverb and the object
    construct = office == bare
    for r in range(q + 1, end):
        g = feats[r]
        if "complementizer" in g.roles:
            return True
        if g.cue is not None:  # (quotation marks may close round a body's acronym: «"أوبك"»)
            return False
        if not construct:
            continue
        if g.kind == ":" or (g.kind == "q" and r + 2 < seg.j and feats[r + 2].kind != "q"):
            # وقال روري كوتريل عالم الجيولوجيا بجامعة روشستر "من المعروف ...": the quotation
            # (a colon) opens the reported words (not «"أوبك"» round an acronym)
            return True
    # بحسب ما أعلن توماس باخ رئيس اللجنة الأولمبية الدولية من كوالالمبور.: the sentence
    # ends with the office, no object came
    return construct and end == seg.j and end - q < 2 * MENTION_WORDS


_WHEN = frozenset(
    normalize(w)
    for w in (
        "أمس", "اليوم", "الليلة", "مساء", "صباح", "السبت", "الأحد", "الاثنين", "الإثنين",
        "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "أيضا", "أيضاً",
    )
)  # fmt: skip


def _colon_after_quote(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """``وأبان "النويصر": ...``: the marks at ``k`` close on a word, then a colon."""
    close = next((r for r in range(k + 1, min(seg.j, k + 5)) if feats[r].kind == "q"), None)
    return close is not None and close + 1 < seg.j and feats[close + 1].kind == ":"


def _past_addressee(k: int, seg: Segment, feats: list[Feat], lex: Lexicon) -> int:
    """The token after an addressee or outlet put before the subject.

    ``قال لـ"الاقتصادية" عقيل الجاسم``, ``أبلغ "الاقتصادية" الدكتور إبراهيم
    العساف``, ``صرح للصحيفة المتحدث الرسمي``: the subject follows them.
    """
    while k + 1 < seg.j and feats[k].kind == "w" and feats[k].norm in _WHEN:
        k += 1  # وأعلنت أمس الشرطة الكينية: the subject after the adverb
    q = k
    if q < seg.j and feats[q].text.replace("\u0640", "") in ("ل", "ول"):
        q += 1
    if q < seg.j and feats[q].kind == "q":
        close = next((r for r in range(q + 1, min(seg.j, q + 5)) if feats[r].kind == "q"), None)
        if close is None or any(f.kind != "w" for f in feats[q + 1 : close]):
            return k
        q = close + 1
        if q + 1 < seg.j and feats[q].kind == "c":
            q += 1  # أوضح لـ "الاقتصادية"، سباستيان جرلاخ رئيس ...: a comma after the outlet
    elif q == k and q < seg.j and feats[q].norm.startswith("لل") and len(feats[q].norm) > 4:
        q += 1  # للصحيفة, للصحفيين
    if q == k or q >= seg.j or feats[q].kind != "w":
        return k
    sw = speaker_words()
    w = feats[q].norm
    starts_subject = (
        w in sw.honorifics
        or w in sw.offices
        or w in sw.descriptors
        or w in lex.title_heads
        or (w in sw.given and not feats[q].text.endswith("ى"))
        or (w in sw.institutions and w not in sw.anonymous)
    )
    if (
        not starts_subject
        and feats[q - 1].kind == "c"
        and q + 2 < seg.j
        and feats[q].plain
        and feats[q + 1].kind == "w"
        and feats[q + 1].plain
        and _unlisted(w, sw)
        and _unlisted(feats[q + 1].norm, sw)
        and (
            feats[q + 2].kind == "c"
            or feats[q + 2].norm in sw.offices
            or _in_words(feats[q + 2].norm, sw.offices)
            or feats[q + 2].norm in lex.title_heads
        )
    ):
        starts_subject = True  # two unlisted words and a title after the outlet: a name
    return q if starts_subject else k


def _nationality_before(w: str) -> bool:
    """``w`` is a definite nationality adjective (البرتغالي, البوليفية) that may stand
    before a person's name as a description."""
    return w.startswith("ال") and len(w) >= 5 and w[2:] in _nationalities()


def _quoted_person(k: int, s: Sentence) -> tuple[str | None, str] | None:
    """A person's name in quotation marks right after the verb, then a comma, an office or
    the reported content: ``وقال "كريس فيليرز" المتحدث باسم "بوينج"، إن``, ``يقول الباحث``
    is not read here (``وأضاف "شكرا للجميع"`` is a quotation, no name)."""
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    if k + 3 >= seg.j or feats[k].kind != "q":
        return None
    close = next((q for q in range(k + 1, min(seg.j, k + 6)) if feats[q].kind != "w"), None)
    if close is None or close - k < 3 or feats[close].kind != "q" or close + 1 >= seg.j:
        return None  # two to four words, then the marks close
    if not all(f.plain for f in feats[k + 1 : close]):
        return None
    nxt = feats[close + 1]
    sw = speaker_words()
    if not (
        nxt.kind in ("c", ":")
        or "complementizer" in nxt.roles
        or (nxt.kind == "w" and (_in(nxt.norm, sw.titles) or nxt.norm in sw.offices))
    ):
        return None
    inner = raw[starts[k + 1] : ends[close - 1]]
    p = parse_mention(inner)
    speakers = s.state.speakers
    if not (
        (p.kind == "person" and p.name and normalize(p.name) == normalize(inner))
        or speakers.unlisted_pair(inner)
    ):
        return None
    speakers.lone_ok = True
    sid, _ = speakers.resolve(inner)
    speakers.lone_ok = False
    return (sid, inner) if sid is not None else None


def _quoted_name(k: int, seg: Segment, feats: list[Feat]) -> str | None:
    """``شركة "مجموعة محمد المعجل"``, ``صحيفة «أ س»``: an institution named in quotation
    marks, also after words that name no outlet (``وكالة أنباء «الأناضول»``, ``شبكة
    التواصل الاجتماعي «فيسبوك»``: ``media_generic`` of ``speaker_words.yaml``)."""
    sw = speaker_words()
    if k + 2 >= seg.j or feats[k].norm not in sw.institutions:
        return None
    q = k + 1
    while q < min(seg.j, k + 4) and feats[q].kind == "w" and feats[q].norm in sw.media_generic:
        q += 1
    if q + 1 >= seg.j or feats[q].kind != "q":
        return None
    words: list[str] = []
    for f in feats[q + 1 : min(seg.j, q + 7)]:
        if f.kind == "q":
            return " ".join([f.text for f in feats[k:q]] + words) if words else None
        if f.kind != "w":
            return None
        words.append(f.text)
    return None


def _preverbal_phrase(
    k: int, seg: Segment, feats: list[Feat], raw: str, starts: list[int], ends: list[int]
) -> tuple[None, str] | None:
    """An unlisted speaker before the verb: ``مؤلف المسرحية بكر نايف قال: ...``."""
    first = seg.i
    if k - 1 > first and feats[k - 1].norm == "قد":
        k -= 1  # رائد الخضر قد أوضح
    if k <= first or k - first > MENTION_WORDS + 2:
        return None
    for f in feats[first:k]:
        if f.kind != "w" or (f.roles and f.norm != "سابقا") or f.cue is not None:
            return None  # (لاعب الهلال سابقا أحمد الحربي قال)
    if k - first > SUBJECT_WORDS + 2:
        # لاعب نادي النجمة ونادي الهلال والرائد والتعاون سابقا أحمد الحربي قال: a long
        # description only when a name of a listed given name ends it, right before the verb
        given = speaker_words().given
        start = next(
            (q for q in range(k - 2, max(first, k - 5) - 1, -1) if feats[q].norm in given), None
        )
        if start is None:
            return None
        name = parse_mention(raw[starts[start] : ends[k - 1]])
        words = normalize(name.name or "").split()
        if not (
            name.kind == "person"
            and len(words) >= 2
            and words[0] in given
            and normalize(raw[starts[start] : ends[k - 1]]) == " ".join(words)
        ):
            return None
        return None, raw[starts[start] : ends[k - 1]]
    lead = feats[first].norm
    lead = lead[1:] if lead[:1] in "وف" and len(lead) > 2 else lead
    if lead in _PREPOSITIONS or lead in speaker_words().not_names:
        return None  # وعن دخولها المجال قالت: a topic, not a subject
    return None, raw[starts[first] : ends[k - 1]]


def _noun_phrase(
    k: int,
    seg: Segment,
    feats: list[Feat],
    raw: str,
    starts: list[int],
    ends: list[int],
    title_heads: set[str],
) -> str:
    """The words of an unlisted speaker: a head noun and its modifiers."""
    stop = k
    honorifics, given = speaker_words().honorifics, speaker_words().given
    while stop < seg.j and (
        stop < k + MENTION_WORDS
        # معالي رئيس مجلس الشورى الشيخ الدكتور عبدالله بن محمد بن إبراهيم آل الشيخ: a
        # chain of بن and the family آل run past the twelve words
        or (
            stop < k + MENTION_WORDS + 3
            and (
                feats[stop].norm in ("بن", "ال")
                or feats[stop - 1].norm in ("بن", "ال")
                # عبدالرحمن بن حمد الفهد: the family name after «بن X»
                or (feats[stop - 2].norm == "بن" and feats[stop].norm.startswith("ال"))
            )
        )
    ):
        f = feats[stop]
        before = feats[stop - 1].norm if stop > k else ""
        if _abbreviation_dot(stop, k, feats, honorifics):
            stop += 1  # م. حمد الوابل
            continue
        a_name = f.norm in given and not f.text.endswith("ى")  # علي, not على
        if f.kind != "w" or (f.roles & {"complementizer", "stop"} and not a_name) or f.cue:
            break
        if before in (".", "/") and stop - 2 >= k:
            before = feats[stop - 2].norm
        if (
            stop > k
            and before.startswith("ال")
            and len(f.norm) == 7
            and f.norm.startswith("الت")
            and f.norm[-2] == "ي"
            and f.norm[-1] != "ه"  # التقنية, التنموية: adjectives in ـية, not التأكيد
            and not _in_word_lists(f.norm, speaker_words())
        ):
            break  # وجدد الوزير التأكيد: a verbal noun تفعيل after a definite word, the object
        if (
            stop > k
            and before.startswith("ال")
            and f.norm in speaker_words().countries
            and not f.norm.endswith("يه")  # الخارجية السعودية: an adjective
            and not a_name  # الدكتور رياض المصطفى: a given name, not the city
        ):
            break  # وحذر السفير اليابان من ...: a country's name after a definite word is
            # the verb's object (the holder of an office of Japan is «سفير اليابان»)
        honorific = before in title_heads or before in honorifics  # الدكتور رامي ...
        # وقال البرتغالي كريستيانو رونالدو: a nationality, then the name
        honorific = honorific or (stop == k + 1 and _nationality_before(before))
        honorific = honorific or before in speaker_words().descriptors or a_name
        honorific = honorific or before == "ال"  # سيف بن زايد آل نهيان: آل, then the family
        # د. عبد الله بن عبد المحسن التركي: الله of a name written apart goes on to بن
        honorific = honorific or (
            before == "الله" and stop - 2 >= k and feats[stop - 2].norm == "عبد"
        )
        # عبد الخالق عبد الله: a second name in عبد goes on after the first
        honorific = honorific or (
            f.norm == "عبد" and stop - 2 >= k and feats[stop - 2].norm == "عبد"
        )
        if (
            before.startswith("ال")
            and not honorific
            and not f.norm.startswith(("ال", "باسم", "لل", "وال"))  # الموارد المائية والري
            and not _purpose_link(stop, k, seg, feats)
        ):
            # المتحدث الرسمي لشرطة الرياض العقيد فواز الميمان: a name further on is the
            # holder's; without one the phrase ends here (الوزير لوكالة الأنباء)
            named = _name_ahead(stop, k, seg, feats)
            if named is not None:
                tail = _noun_phrase(named, seg, feats, raw, starts, ends, title_heads)
                return raw[starts[k] : starts[named] + len(tail)]
            break  # الشرطة الاتحادية | إحباط ...
        if (
            stop - k >= 2
            and before.startswith("ال")
            and before not in ("العام", "العامه")
            and f.norm.startswith("ال")
            and not honorific
            and not _adjective_like(f.norm)
            and not _fa_il(f.norm)
            and not f.norm.endswith(("ين", "ان"))  # الحرمين الشريفين: a dual adjective
            and f.norm not in honorifics
            and f.norm not in speaker_words().descriptors
            and not _titled(f.norm, speaker_words())
            and _titled(feats[k].norm, speaker_words())
        ):
            # رفع نائب خادم الحرمين الشريفين الشكر والعرفان لخادم الحرمين الشريفين الملك
            # سلمان: a definite noun that qualifies nothing is the verb's object; the
            # description has ended, and the King named in the object is not its holder
            break
        stop += 1
    return raw[starts[k] : ends[max(k, stop - 1)]]


def _purpose_link(q: int, k: int, seg: Segment, feats: list[Feat]) -> bool:
    """``feats[q]`` continues an institution's name begun at ``k``: ل and a noun governing
    a definite noun (الهيئة الدائمة المستقلة لحقوق الإنسان, الجمعية الخيرية لرعاية الأيتام,
    الهيئة الوطنية لمكافحة الفساد), not the outlet told (الوزارة لوكالة الأنباء) nor a
    person (لمحمد)."""
    sw = speaker_words()
    w = feats[q].norm
    return (
        q + 1 < seg.j
        and _in_words(feats[k].norm, sw.institutions)
        and w[:1] == "ل"
        and not w.startswith("لل")
        and len(w) >= 4
        and feats[q + 1].kind == "w"
        and feats[q + 1].norm.startswith("ال")
        and not any(
            _in_words(w[1:], x) for x in (sw.institutions, sw.media, sw.titles, sw.honorifics)
        )
        and w[1:] not in sw.given
        and feats[q].cue is None
        # المرصد السوري لحقوق الإنسان: a nationality or a name already tells which body it
        # is, and the id stays the one its shorter mentions give («المرصد السوري»)
        and not any(_specific(f.norm, sw) for f in feats[k + 1 : q])
    )


def _specific(w: str, sw: SpeakerWords) -> bool:
    """``w`` is a nationality or a country (السوري, السعودية, مصر)."""
    w = _strip_al(w)
    return any(
        x in sw.countries or (x in sw.adjectives and x not in sw.generic_adjectives)
        for x in (w, w[:-1] if w.endswith("ه") else w)
    )


def _plural_verb(text: str) -> bool:
    """``text`` (a reporting verb as written) is in the plural: قالوا, وأكدوا, يقولون, مؤكدين.

    (Not يدعوا, the common spelling of the singular يدعو.)
    """
    w = normalize(text)
    w = w[1:] if w[:1] in "وف" and len(w) > 4 else w
    if w[:1] in "يت":
        return w.endswith("ون")
    if w[:1] == "م":
        return w.endswith(("ين", "ون")) and len(w) >= 6
    return w.endswith("وا") and len(w) >= 4


def _fa_il(w: str) -> bool:
    """``w`` (with ال) has the active participle's pattern فاعل: الحاكم, الثاني."""
    return len(w) == 6 and w[3] == "ا"


def _titled(w: str, sw: SpeakerWords) -> bool:
    """``w`` (or it without ال) is a title word or an institution's head."""
    bare = w[2:] if w.startswith("ال") else w
    return any(x in words for x in (w, bare) for words in (sw.titles, sw.institutions, sw.offices))


def _name_ahead(q: int, k: int, seg: Segment, feats: list[Feat]) -> int | None:
    """Where an honorific or a given name starts within the description begun at ``k``."""
    sw = speaker_words()
    head = feats[k].norm
    if not (
        head in sw.offices or head in sw.descriptors or head in sw.honorifics or _titled(head, sw)
    ):
        return None  # أعلنت الإمارات تحرير أسعار الوقود بحضور وزير ...: no description
    for r in range(q, min(seg.j, k + MENTION_WORDS)):
        f = feats[r]
        w = f.norm
        if w in _DESCRIPTION_ENDS or (w[:1] == "ب" and w[1:] in sw.not_names):
            return None  # بحضور: the description has ended (not بمنطقة, بوزارة)
        if f.kind == "q":
            continue  # الهيئة الوطنية لمكافحة الفساد "نزاهة" عبدالرحمن العجلان
        if f.kind == "c" and r + 1 < seg.j:
            # المتحدث الرسمي لمديرية الدفاع المدني بمنطقة جازان، الرائد يحيى القحطاني
            g = feats[r + 1]
            if g.norm in sw.honorifics or (g.norm in sw.given and not g.text.endswith("ى")):
                return r + 1
            return None
        if f.kind != "w" or f.roles & {"complementizer", "stop"} or f.cue is not None:
            return None
        if f.norm in sw.honorifics or (f.norm in sw.given and not f.text.endswith("ى")):
            return r
        if r == q and _unlisted_name_then_content(r, seg, feats):
            return r  # قالت الممثلة اللبنانية نادين نسيب نجيم إنها: a name no list knows
        if _object_starts(r, k, feats):
            return None  # ورفع رئيس الديوان أسمى آيات التهاني ...: the object, not the title
    return None


def _unlisted_name_then_content(r: int, seg: Segment, feats: list[Feat]) -> bool:
    """Two or three bare words no list knows at ``r``, then the reported content (``أن``,
    ``إن``), a comma or a colon: a name closing a description."""
    sw = speaker_words()
    e = r
    while e < min(seg.j, r + 3) and (
        feats[e].plain
        and not feats[e].text.endswith("ى")
        and (feats[e].norm in sw.given or unlisted_name_word(feats[e].norm, feats[e].text, sw))
    ):
        e += 1
    if e - r < 2 or e >= seg.j or all(f.norm.endswith("ا") for f in feats[r:e]):
        return False  # أبدى بعض عضوات الكلية احتجاجا صامتا: accusative nouns, the object
    g = feats[e]
    return "complementizer" in g.roles or g.kind in ("c", ":")


def _object_starts(r: int, k: int, feats: list[Feat]) -> bool:
    """A bare noun right after a definite word of a description begun at ``k``.

    ``وأكد وزير الخارجية حرص المملكة``, ``ورفع رئيس الديوان أسمى آيات``: the
    verb's object begins; the description (and any name after it) is over.
    """
    f, prev = feats[r], feats[r - 1]
    w = f.norm
    return (
        not f.roles
        and not w.startswith(("ال", "وال", "لل"))
        and w[:1] not in "بلو"  # بقيادة, لحماية, ومكافحة: the description goes on
        and r - 1 > k
        and prev.kind == "w"
        and prev.norm.startswith(("ال", "وال"))
        and prev.norm not in ("العام", "العامه")
    )


# words a title's description may run through before its holder's name
_DESCRIPTION_LINKS = frozenset({"في", "بـ", "لـ"})
HOLDER_WINDOW = 14  # tokens after a title in which its holder's name is looked for


def _holder_ahead(k: int, seg: Segment, feats: list[Feat], at: dict[int, Match]) -> int | None:
    """Where the holder's name starts after a long description begun by a title at ``k``.

    ``المتحدث الرسمي بقيادة حرس الحدود في المنطقة الشرقية النقيب عمر الأكلبي``,
    ``رئيس لجنة الشؤون الخارجية، إدوارد رويس``, ``مدير العلاقات والإعلام في "سجون
    القصيم" الملازم أول تركي الحربي``: the description goes through places and
    institutions (في, ب-, ل-, quotation marks, a comma right before the name) and
    ends at a listed given name or an honorific. It stops at anything that ends a
    description: an adjunct (مع, خلال, عن, إلى ...), a word with a pronoun ending
    (في لقائه, نظيره), a named actor, a verb or the reported content, so that
    ``وزير الخارجية في مؤتمر مع نظيره محمد ...`` names no one.
    """
    sw = speaker_words()
    head = feats[k].norm
    bare = head[2:] if head.startswith("ال") else head
    if not (
        head in sw.offices
        or head in sw.descriptors
        or head in sw.titles
        or bare in sw.titles
        or head in sw.honorifics
    ):
        return None
    for r in range(k + 1, min(seg.j, k + HOLDER_WINDOW)):
        f = feats[r]
        w = f.norm
        if r in at and at[r].is_actor:
            return None  # a gazetteer actor inside: the rules before handle it
        if f.kind == "q":
            continue
        if f.kind == "c":
            g = feats[r + 1] if r + 1 < seg.j else None
            if g is not None and (
                g.norm in sw.honorifics or (g.norm in sw.given and not g.text.endswith("ى"))
            ):
                return r + 1
            return None
        if f.kind != "w" or f.cue is not None or "complementizer" in f.roles:
            return None
        if w in sw.honorifics or (w in sw.given and not f.text.endswith("ى")):
            return r if r > k + 1 or feats[k].norm not in sw.honorifics else None
        if w in _DESCRIPTION_ENDS or w in ("مع", "الي", "الذي", "التي", "عبر", "حول"):
            return None
        if w == "علي" and f.text.endswith("ى"):
            continue  # المشرف (العام) على المهرجان: the description goes on
        if f.roles and w not in ("في", "علي", "عن"):  # عضو البرلمان عن محافظة البصرة
            return None
        if (
            not w.startswith("ال")
            and len(w) > 3
            and w.endswith(("ه", "ها", "هم", "هما"))
            and not f.text.endswith("ة")
        ):
            return None  # في لقائه, نظيره: the description has ended
        if (
            w[:1] in "يت"
            and not w.startswith(("تي", "يو"))
            and len(w) <= 5
            and not (len(w) == 5 and w[0] == "ت" and w[3] == "ي")  # تنسيق, تطوير: a masdar
        ):
            return None  # a verb: سيقود, يرى
        if _object_starts(r, k, feats):
            return None  # وأكد وزير الخارجية حرص المملكة: the object, not the description
    return None


# after في, these nouns open an adjunct that follows the speaker's name (في تصريح, في بيان)
_SAID_IN = frozenset(
    normalize(w)
    for w in ["تصريح", "تصريحات", "بيان", "حديث", "مؤتمر", "لقاء", "كلمة", "رسالة", "مقابلة"]
)


def _closes_name(e: int, seg: Segment, feats: list[Feat]) -> bool:
    """``feats[e]`` can follow a speaker's name: the reported words begin (أن, إن, a
    colon, a quotation mark), a comma, the sentence ends, or an adjunct of the act
    opens (أمس, في تصريح, لـ«الشرق الأوسط», وقتها)."""
    if e >= seg.j:
        return True
    f = feats[e]
    if f.kind in ("c", ":", "q", "e") or "complementizer" in f.roles:
        return True
    nxt = feats[e + 1] if e + 1 < seg.j else None
    sw = speaker_words()
    if (
        f.kind == "w"
        and not f.roles
        and f.cue is None
        and nxt is not None
        and nxt.kind == "w"
        and nxt.norm.startswith("ال")
        and not _time_word(nxt.norm)
        and nxt.norm not in sw.not_names
        and not f.norm.startswith("ال")
        and f.norm[:1] not in "وفبل"
        and f.norm not in sw.given
        and not unlisted_name_word(f.norm, f.text, sw)  # كريس كريستي الرئيس: still the name
    ):
        return True  # أعلن حاكم كاليفورنيا أدموند براون حالة الطوارئ: the object begins
    return (
        f.norm in ("امس", "اليوم", "وقتها", "حينها")
        # اتهم حاكم ولاية نيوجيرسي كريس كريستي الرئيس باراك أوباما: another title, the
        # object begins
        or (f.norm.startswith("ال") and _titled(f.norm, sw))
        or _time_word(f.norm)
        or (f.norm in sw.not_names and f.norm != "الله")  # الاثنين, أيضا (not خليل الله)
        or (f.norm == "في" and nxt is not None and nxt.norm in _SAID_IN)
        or (f.norm in ("ل", "لـ") and nxt is not None and nxt.kind == "q")
    )


def _unlisted_holder(k: int, s: Sentence) -> str | None:
    """A title's description and its holder's name that no list knows, right before the
    reported words.

    ``وزير النفط الإيراني بيجن زنغنه إن``, ``وزير البترول المصري شريف إسماعيل إن``,
    ``السفير السعودي في سلطنة عمان عيد الثقفي إن``, ``المفوض الزراعي الأوروبي داتشين
    شولوز وقتها:``: the description runs through places and bodies as in
    :func:`_holder_ahead`; the name is two or three words that
    ``narratives.statements._speakers.unlisted_name_at`` reads as one, closed by what
    :func:`_closes_name` accepts. The mention is returned only when
    :func:`parse_mention` reads the same name in it.
    """
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    sw = speaker_words()
    head = feats[k].norm
    if not (head in sw.offices or _titled(head, sw) or head in s.lex.title_heads):
        return None
    if head in sw.honorifics or head in sw.anonymous:
        return None  # الدكتور X Y: read by the rules for names; مسؤولون: unnamed
    norm: list[str] = [head]
    words: list[str] = [feats[k].text]
    for e in range(k + 1, min(seg.j, k + HOLDER_WINDOW) + 1):
        if len(norm) >= 3 and _closes_name(e, seg, feats):
            for size in (2, 3):
                i = len(norm) - size
                if i >= 2 and unlisted_name_at(norm, words, i, len(norm), sw):
                    mention = raw[starts[k] : ends[e - 1]]
                    name = parse_mention(mention).name
                    if name and normalize(name) == " ".join(norm[i:]):
                        if (
                            e < seg.j
                            and feats[e].kind == "w"
                            and not feats[e].roles
                            and _closes_name(e + 1, seg, feats)
                            and unlisted_name_at(
                                [*norm, feats[e].norm],
                                [*words, feats[e].text],
                                i,
                                len(norm) + 1,
                                sw,
                            )
                        ):
                            # مولود تشاووش أوغلو اليوم: the name goes on to the word that
                            # closes it
                            longer = raw[starts[k] : ends[e]]
                            if normalize(parse_mention(longer).name or "").endswith(feats[e].norm):
                                return longer
                        return mention
        if e >= seg.j:
            return None
        f = feats[e]
        w = f.norm
        if f.kind == "c" and e + 1 < seg.j and _titled(feats[e + 1].norm, sw):
            continue  # رئيس هيئة قناة السويس، الفريق مهاب مميش
        if f.kind == "c" and any(
            e + size + 1 <= seg.j
            and _closes_name(e + size + 1, seg, feats)
            and all(x.kind == "w" for x in feats[e + 1 : e + size + 1])
            and unlisted_name_at(
                [*norm, *(x.norm for x in feats[e + 1 : e + size + 1])],
                [*words, *(x.text for x in feats[e + 1 : e + size + 1])],
                len(norm),
                len(norm) + size,
                sw,
            )
            for size in (2, 3)
        ):
            continue  # وقال حاكم المقاطعة، عليم فدائي: the name between commas
        if (
            f.kind != "w"
            or f.cue is not None
            or f.roles & {"complementizer", "stop"} - {"stop"}
            or (f.roles and w not in ("في", "لدي"))
        ):
            return None
        if w == "لدي" and not (e + 1 < seg.j and feats[e + 1].norm.startswith("ال")):
            return None  # لدى وصوله: an adjunct, not «لدى الأمم المتحدة»
        if w in _DESCRIPTION_ENDS - {"لدي"} or w in ("مع", "الي", "الذي", "التي", "عبر", "حول"):
            return None
        if (
            not w.startswith("ال")
            and len(w) > 3
            and w.endswith(("ه", "ها", "هم", "هما"))
            and not f.text.endswith(("ة", "ه"))
        ):
            return None  # في لقائه, نظيرها: the description has ended
        prev = norm[-1]
        if (
            w[:1] in "يت"
            and len(w) <= 5
            and prev not in ("في", "لدي")
            and w not in sw.given
            and not (len(w) == 5 and w[0] == "ت" and w[3] == "ي")
        ):
            return None  # a verb (not ينبع after في, nor يوسف)
        norm.append(w)
        words.append(f.text)
    return None


def _holder_mention(k: int, named: int | None, s: Sentence) -> str | None:
    """The description from ``k`` to the end of the holder's name at ``named``, if a person."""
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    lex = s.lex
    if named is None:
        return None
    tail = _noun_phrase(named, seg, feats, raw, starts, ends, lex.title_heads)
    mention = raw[starts[k] : starts[named] + len(tail)]
    p = parse_mention(mention)
    read = normalize(parse_mention(tail).name or "")
    if (
        p.kind != "person"
        or not p.name
        or not read
        # شلال علي شابع: an unlisted first name before the listed one found
        or not (normalize(p.name) == read or normalize(p.name).endswith(" " + read))
    ):
        return None  # الملازم أول تركي الحربي: the name was not read; keep the description
    return mention


def _abbreviation_dot(k: int, first: int, feats: list[Feat], honorifics: frozenset[str]) -> bool:
    """The ``.`` or ``/`` after an abbreviated honorific (``م. حمد``, ``د/ سالم``)."""
    return (
        k > first
        and feats[k].norm in (".", "/")
        and feats[k - 1].norm in honorifics
        and k + 1 < len(feats)
        and feats[k + 1].kind == "w"
    )


def _find_cue(
    seg: Segment, feats: list[Feat], in_speech: list[bool], at: dict[int, Match], lex: Lexicon
) -> int | None:
    k = seg.i
    end = min(seg.j, seg.i + CUE_WINDOW * (2 if feats[seg.i].norm in _IN_REPLY else 1))
    two = (feats[seg.i].norm, feats[seg.i + 1].norm) if seg.i + 1 < seg.j else ()
    opens_with_connective = (
        two in lex.markers["connective"] or two in lex.markers["connective_bare"]
    )
    lead = seg.i + (2 if opens_with_connective else 1)  # غير أن كيري أكد ...
    while k < end:
        f = feats[k]
        if f.kind == "q" and feats[seg.i].norm in _ACCORDING:
            close = next((q for q in range(k + 1, min(end, k + 5)) if feats[q].kind == "q"), None)
            if close is not None:  # وبحسب "الألمانية"، فقد قالت مارجريته فيستدجر: a source's name
                k = close + 1
                continue
        if in_speech[k] or (k >= lead and (f.kind == "q" or "complementizer" in f.roles)):
            return _despite_cue(seg, feats, in_speech, at)
        m = at.get(k)
        if m is not None:
            k = m.j
            continue
        cue = f.cue
        after_relative = k > seg.i and (
            "relative" in feats[k - 1].roles  # التي أعلن عنها
            # والتي ادعى فيها [المالكي]: another's claim in a relative clause
            or (feats[k - 1].norm[:1] in "وف" and feats[k - 1].norm[1:] in _RELATIVE_STEMS)
        )
        # في كشف أسماء التجار: a verbal noun after a preposition
        after_relative = after_relative or (k > seg.i and feats[k - 1].norm in _PREPOSITIONS)
        if cue is not None and cue.kind == "participle" and k > 0 and feats[k - 1].norm.isdigit():
            cue = None  # محاكمة 20 متهما: a counted noun ("defendants"), not "accusing"
        if cue is not None and cue.slot == "after_an" and not _source_follows(k, seg, feats):
            cue = None  # ونقل المصاب إلى المستشفى: "moved", not "relayed from"
        if cue is not None and cue.lemma in _NEEDS_TARGET and not _target_follows(k, seg, feats):
            cue = None  # لفت الأنظار في طريقة تعامله: "drew attention", no report
        if (
            cue is not None
            and (
                cue.lemma == "رأى"
                or (cue.lemma == "زعم" and not (k and feats[k - 1].norm == "كما"))
            )
            and not any(
                g.kind in ("q", ":") or "complementizer" in g.roles for g in feats[k + 1 : seg.j]
            )
        ):
            # وهو يرى طفله محمد ...: "sees"; an opinion is «يرى أن», «يرى:»; لا يمكنه تزعم
            # قوات خارج السلطة: "leading" (تزعّم), no claim (a claim is «زعم أن», «كما زعم»)
            cue = None
        if cue is not None and _conditional(k, seg, feats):
            cue = None  # وإذا ما أكدت الوكالة التزام طهران ...: "if it confirms", no report
        if cue is not None and cue.lemma == "أضاف" and _adds_a_thing(k, seg, feats):
            cue = None  # حيث أضافت شركة جوجل المطورة له هذا الدعم: "added" a thing
        if (
            cue is not None
            and cue.lemma in _PARTICIPLE_NOUNS
            and cue.kind == "participle"
            and k + 1 < seg.j
            and feats[k + 1].kind == "w"
            and feats[k + 1].norm.startswith("ال")
        ):
            # متابعا اللقاء عبر بث حي: "watching the match"; a participle has no subject
            # after it, so a definite noun there is its object, not what is said; مدعية
            # المحكمة الجنائية الدولية: "the prosecutor of", a noun before its genitive (a
            # claim goes on with what is claimed: «مدعية أن ...»)
            cue = None
        if (
            cue is not None
            and cue.lemma == "نفى"
            and k >= 2
            and feats[k - 1].norm == "لا"
            and feats[k - 2].norm in _NOT_A_DENIER
        ):
            cue = None  # لكن هذا لا ينفي وجود تباين: "this does not rule out", no denial
        if cue is not None and _no_reporting_act(k, seg, feats, at, lex):
            cue = None  # مذكرة احتجاج, ما يؤكد سبب الانتشار, فهذا القول كشف خطأ
        if (
            cue is not None
            and not after_relative
            and (cue.kind == "finite" or k == seg.i)
            and (
                not cue.ambiguous
                or (k == seg.i and seg.how == "participle")  # the segmenter checked it
                # بيّن "explained", not بين "between" (وعدّ "considered" is no وعد)
                or (cue.kind == "finite" and _doubled_inside(f.text))
                or (
                    (f.prefixed or k == seg.i)  # وبين لافروف, not ما بين إيران
                    and ((k + 1 in at and at[k + 1].is_actor) or _complement_follows(k, seg, feats))
                )
                or (
                    _after_own_part(k, seg, feats)  # من جانبه عبر الأمين العام ... عن اعتزازه
                    and k + 1 < seg.j
                    and _starts_subject(feats[k + 1], lex)
                )
            )
        ):
            return k
        k += 1
    return None


_SHADDA = "\u0651"
_VOWELS = "\u064b\u064c\u064d\u064e\u064f\u0650" + _SHADDA


def _doubled_inside(text: str) -> bool:
    """A shadda inside the word: ``بيّن``, ``عبَّر``, ``حمَّل`` (verbs), not ``وعدّ``.

    The noun or preposition the bare form also spells (بين "between", عبر
    "across", حمل "load") has none; a shadda on the last letter belongs to
    another verb after و (وعدّ "and considered", not وعد "promised").
    """
    return _SHADDA in text.rstrip(_VOWELS)


_ACCORDING = frozenset({"بحسب", "وبحسب", "حسب", "وحسب"})
# وردا على سؤال حول ... قال القنصل: the verb comes after the question's long description
#: reporting participles that are no report before a definite noun: its object (متابعا
#: اللقاء "watching the match") or its genitive (مدعية المحكمة "the court's prosecutor")
_PARTICIPLE_NOUNS = frozenset({"تابع", "ادعى"})

#: a demonstrative subject before «لا ينفي»: "this does not rule out", no one denies
_NOT_A_DENIER = frozenset({"هذا", "وهذا", "فهذا", "ذلك", "وذلك", "فذلك", "هذه", "وهذه"})

_IN_REPLY = frozenset({"ردا", "وردا", "تعليقا", "وتعليقا", "تعقيبا", "وتعقيبا", "جوابا", "وجوابا"})
_WHAT = frozenset({"ما", "وما", "فما"})
_THIS = frozenset({"هذا", "هذه", "وهذا", "وهذه", "فهذا", "فهذه"})
_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")
_ABOUT_IT = frozenset({"عنه", "عنها", "به", "بها", "فيه", "فيها", "اليه", "اليها", "له", "لها"})


_TO_IT = frozenset({"اليها", "اليه", "له", "لها", "الي", "في"})


def _adds_a_thing(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """``أضاف`` at ``k`` adds a thing, not words: no complement, quotation, colon or other
    reporting verb in the sentence, and either the verb does not open it (``حيث أضافت
    شركة جوجل ... هذا الدعم``, ``بينما أضاف زميله الهدف الثاني``) or what follows is a
    place it is added to (``ثم تضيف إليها``, ``ويضيف في سجلاته``), an indefinite
    accusative (``فأضافت مهاما جديدة``) or a plural noun (``وأضافت شركات الحفر 32
    منصة``). A sentence opened by the verb with the words after it (``وأضاف لقد تحول
    ...``, ``وأضاف نسبة التحمل يتحملها ...``) is a report whose marks the writer left out.
    """
    if any(
        g.kind in ("q", ":") or "complementizer" in g.roles or g.cue is not None
        for g in feats[k + 1 : seg.j]
    ):
        return False
    if k > seg.i:
        return True
    nxt = feats[k + 1] if k + 1 < seg.j and feats[k + 1].kind == "w" else None
    if nxt is None:
        return False
    w = nxt.norm
    return (
        w in _TO_IT
        or any(ch in "\u064b" for ch in nxt.text)
        or (
            w.endswith("ا")
            and len(w) >= 4
            and w[:1] not in "فول"  # وأضاف فهذا المكان بيت ...: the words begin
            and w not in speaker_words().given
            and w not in speaker_words().not_names
        )
        or (w.endswith(("ات", "ون")) and len(w) >= 5 and not _in_words(w, speaker_words().titles))
    )


def _no_reporting_act(
    k: int, seg: Segment, feats: list[Feat], at: dict[int, Match], lex: Lexicon
) -> bool:
    """The reporting verb at ``k`` reads as a noun, or its subject is no one who speaks.

    - ``مذكرة احتجاج``: an ambiguous feminine participle before an indefinite noun is
      that noun's head in construct ("memorandum of protest"), not "reminding";
      with a complement it reports (``مذكرة بأن``, ``مطالبة الحكومة بـ``);
    - ``ولكن ما يؤكد سبب الانتشار``: ``ما`` ("what") opening the clause is the verb's
      subject; with an object pronoun (``ما أكده الوزير``) or after a preposition
      (``بحسب ما أعلن رئيسه``) someone still reports;
    - ``فهذا القول كشف خطأ``: "this saying revealed", a thing is the subject;
    - ``أكبر وأبلغ، وماذا نقول``: an elative ("more eloquent") before a comma,
      with nothing reported after it (``وأوضح، في بيان، أن`` reports).
    """
    f = feats[k]
    cue = f.cue
    assert cue is not None
    if cue.kind == "participle" and cue.ambiguous and f.norm.endswith("ه") and k + 1 < seg.j:
        nxt = feats[k + 1]
        if (
            nxt.kind == "w"
            and nxt.plain
            and nxt.cue is None
            and k + 1 not in at
            and not nxt.norm.startswith(("ال", "لل", "ب", "ل"))
            and not nxt.norm.endswith(_OBJECT_PRONOUNS)
            and nxt.norm not in _PREPOSITIONS
            and nxt.norm not in speaker_words().not_names
            and len(nxt.norm) >= 3
            # مطالبة موقعي «أشلي ماديسون» بالتوقف: an object, then what is asked
            and not any(
                g.norm.startswith(("بال", "بان", "بضروره", "بعدم")) or "complementizer" in g.roles
                for g in feats[k + 2 : min(seg.j, k + 20)]
            )
        ):
            return True
    if (
        f.prefixed
        and _elative(f.norm[1:])
        and k + 1 < seg.j
        and feats[k + 1].kind == "c"
        and not _complement_follows(k, seg, feats)
    ):
        return True  # وكان مصابنا أكبر وأبلغ، وماذا نقول: "more eloquent", nothing reported
    lead = seg.i
    while lead < k and feats[lead].norm in _BUT:
        lead += 1
    if (
        k == lead + 1
        and feats[lead].norm in _WHAT
        and not f.norm.endswith(_OBJECT_PRONOUNS)
        and not (k + 1 < seg.j and feats[k + 1].norm in _ABOUT_IT)  # وما أعلنت عنه الوزارة
    ):
        return True  # (بحسب ما أعلن رئيسه: "what" is the object, the speaker follows)
    return (
        k == lead + 2
        and feats[lead].norm in _THIS
        and feats[lead + 1].norm.startswith("ال")
        and not _titled(feats[lead + 1].norm, speaker_words())
        and lead + 1 not in at
    )


def _elative(w: str) -> bool:
    """``w`` has the form of an elative أفعل (اكبر, ابلغ), and is no given name (احمد)."""
    return len(w) == 4 and w[0] == "ا" and w[1] != "ل" and w not in speaker_words().given


_BUT = frozenset({"لكن", "ولكن", "الا", "غير", "ان", "بل", "ثم", "بينما", "فيما", "وفيما"})


def _country_before(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """A country's or capital's name is the subject right before the verb at ``k``, at
    the clause's start or after «لكن», «بينما» ... (``لكن مدريد لفتت``, ``وموسكو تؤكد``)."""
    if k - 1 < seg.i or feats[k - 1].kind != "w":
        return False
    w = feats[k - 1].norm
    countries = speaker_words().countries
    if not (w in countries or (w[:1] in "وف" and w[1:] in countries)):
        return False
    return k - 1 == seg.i or (feats[k - 2].norm in _BUT and k - 2 == seg.i)


def _unnamed_before(k: int, seg: Segment, feats: list[Feat]) -> int | None:
    """Where an unnamed source, the subject right before the verb at ``k``, starts.

    ``لكن مصدرًا قضائيا فرنسيًا قال``, ``غير أن مسؤولين أمريكيين قالوا``: after
    openers, a word of ``anonymous`` (also in the accusative, مصدرًا) and at most
    a few plain words up to the verb; the last speaker named does not say it.
    """
    anonymous = speaker_words().anonymous
    lead = seg.i
    while lead < k and feats[lead].norm in _BUT:
        lead += 1
    if not 1 <= k - lead <= SUBJECT_WORDS or feats[lead].kind != "w":
        return None
    w = feats[lead].norm
    w = w[1:] if w[:1] == "و" and len(w) > 4 and w[1:] in anonymous else w
    if w not in anonymous and not (w.endswith("ا") and w[:-1] in anonymous):
        return None
    if all(f.kind == "w" and f.cue is None and not f.roles for f in feats[lead + 1 : k]):
        return lead
    return None


_CLAUSE_OPENERS = frozenset({"كما", "وكما", "بينما", "فيما", "وفيما"})


def _new_subject_clause(
    seg: Segment, feats: list[Feat], at: dict[int, Match], prev: Attribution
) -> bool:
    """A clause ``كما/بينما + verb + someone named`` with a new subject: the writer's narration.

    ``أعلن وزير الخارجية النمساوي ... عزمه زيارة إيران، كما تستطلع لندن وباريس آفاق
    الفرص``: London and Paris, not the minister, do the exploring.
    """
    if seg.i + 2 >= seg.j or feats[seg.i].norm not in _CLAUSE_OPENERS:
        return False
    if feats[seg.i + 1].kind != "w" or seg.i + 1 in at:
        return False
    m = at.get(seg.i + 2)
    return m is not None and (m.resolved is None or m.resolved != prev.speaker)


_DESPITE = frozenset({"رغم", "ورغم", "برغم", "وبرغم", "بالرغم", "وبالرغم"})


def _despite_opening(seg: Segment, feats: list[Feat]) -> int | None:
    """Index of the subject after ``رغم أن`` / ``بالرغم من أن`` opening ``seg``, or None."""
    k = seg.i
    if k >= seg.j or feats[k].norm not in _DESPITE:
        return None
    k += 1
    if k < seg.j and feats[k].norm == "من":
        k += 1
    if k < seg.j and feats[k].norm in ("ان", "انه", "انها"):
        return k + 1 if feats[k].norm == "ان" else None
    return None


def _despite_cue(
    seg: Segment, feats: list[Feat], in_speech: list[bool], at: dict[int, Match]
) -> int | None:
    """``ورغم أن X لم يشر ...، إلا أنه قال``: the verb after ``إلا أنه``, or None."""
    q = _despite_opening(seg, feats)
    if q is None or q not in at or not at[q].is_person_name:
        return None  # ورغم أن المسعفين ...، إلا أنها رفضت: no one named, no report read
    for k in range(seg.i + 2, min(seg.j, seg.i + 2 * CUE_WINDOW) - 2):
        if in_speech[k]:
            return None
        cue = feats[k + 2].cue
        if (
            feats[k].norm == "الا"
            and feats[k + 1].norm in ("انه", "انها")
            and cue is not None
            and cue.kind == "finite"
        ):
            return k + 2
    return None


def _despite_subject(seg: Segment, feats: list[Feat], at: dict[int, Match]) -> Match | None:
    """The listed person after ``رغم أن`` when the verb follows ``إلا أنه``."""
    q = _despite_opening(seg, feats)
    if q is None:
        return None
    m = at.get(q)
    return m if m is not None and m.is_person_name and m.resolved is not None else None


_MALE_TITLES = frozenset(
    {"الامير", "امير", "الملك", "ملك", "الشيخ", "الوزير", "وزير", "السيد", "اللواء", "العميد"}
    | {"العقيد", "المقدم", "النقيب", "الرائد", "ولي"}
)  # normalized: the feminine forms end in ه (الاميره، وزيره، الرئيسه)


def _male(mention: str | None, title: str | None) -> bool:
    """The carried speaker is a man for sure: a male title first, or ``X بن Y``.

    (رئيس and the courtesy titles are left out: «رئيس مجلس إدارة الجمعية الأميرة ...».)
    """
    for text in (mention, title):
        words = normalize(text).split() if text else []
        if not words or "بنت" in words or (words[0].startswith("ال") and words[0].endswith("ه")):
            continue  # الأميرة مضاوي بنت محمد بن عبد الله: a woman
        if words[0] in _MALE_TITLES or "بن" in words[1:-1]:
            return True
    return False




def _feminine_body(mention: str | None) -> bool:
    """The carried speaker is a body named by a feminine noun: «اللجنة ...», «وزارة ...».

    Its first word is a feminine noun of a body (اللجنة, الشركة, الحكومة, or the head of a
    construct: وزارة الداخلية, هيئة الهلال الأحمر) or of a woman or girl (الطفلة ...);
    names with the feminine ending (حمزة, أسامة, البحرة) are not in these lists.
    """
    words = normalize(mention).split() if mention else []
    if not words:
        return False
    first = words[0]
    if first.startswith("ال") and first[2:] in _FEMININE_HEADS | _FEMININE_PERSONS:
        return True  # اللجنة السعودية ..., الطفلة جوليان (not البحرة, العطية: surnames)
    return len(words) > 1 and first in _FEMININE_HEADS


_FEMININE_HEADS = frozenset(
    {
        "وزاره", "هيئه", "لجنه", "جمعيه", "شركه", "رئاسه", "مديريه", "اداره", "محكمه",
        "نيابه", "جامعه", "صحيفه", "وكاله", "حكومه", "قياده", "منظمه", "رابطه", "غرفه",
        "امانه", "بلديه", "سفاره", "قنصليه", "مؤسسه", "مجموعه", "حركه", "جبهه", "دائره",
        "شرطه", "مصلحه", "كليه", "مدرسه", "قناه", "اماره", "محافظه", "دوله",
    }
)
_FEMININE_PERSONS = frozenset(
    {"طفله", "فتاه", "سيده", "مراه", "اميره", "شيخه", "طالبه", "معلمه", "مواطنه", "ممثله"}
)


_MY_EYES = frozenset({"نظري", "انتباهي", "نظرنا", "انتباهنا"})
_NEEDS_TARGET = frozenset({"لفت"})  # لفت (الانتباه) إلى أن: reports only with إلى / أن


def _target_follows(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """``لفت`` reports only toward something: ``لفت إلى أن``, ``لفت النظر إلى``, ``لفت:``."""
    if any(
        f.kind == "w" and (f.norm.startswith(("انظار", "الانظار")) or f.norm in _MY_EYES)
        for f in feats[k + 1 : min(seg.j, k + 8)]
    ):
        return False  # لفت أنظار الزوار / لفت انتباهي: drew the eyes, no report
    return any(
        f.norm in ("الي", "لي") or f.kind in ("q", ":") or "complementizer" in f.roles
        for f in feats[k + 1 : min(seg.j, k + 25)]
    )


_OWN_PART = frozenset({"جانبه", "جانبها", "جهته", "جهتها"})


def _own_part_before(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """The verb at ``k`` follows a sentence-opening ``من جانبه / من جهته / بدوره`` (and a
    comma)."""
    if k > seg.i and feats[k - 1].kind == "c":
        k -= 1
    return _after_own_part(k, seg, feats)


def _after_own_part(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """``k`` follows a sentence-opening ``من جانبه / من جهته / بدوره``."""
    if k == seg.i + 2 and feats[seg.i].norm == "من" and feats[seg.i + 1].norm in _OWN_PART:
        return True
    return k == seg.i + 1 and feats[seg.i].norm in ("بدوره", "بدورها")


def _source_follows(k: int, seg: Segment, feats: list[Feat]) -> bool:
    """``نقل`` reports only with its source: ``نقلت وكالة تاس عن لافروف``."""
    end = min(seg.j, k + 10)
    return any(
        f.norm == "عن" and not (q + 1 < end and feats[q + 1].norm == "طريق")  # عن طريق: "by"
        for q, f in enumerate(feats[k + 1 : end], start=k + 1)
    )


def _complement_follows(k: int, seg: Segment, feats: list[Feat]) -> bool:
    for f in feats[k + 1 : min(seg.j, k + 13)]:
        if f.kind in ("q", ":") or "complementizer" in f.roles:
            return True
    return False


def _subject(k: int, s: Sentence) -> tuple[str | None, str] | None:
    """The speaker named right after the verb, if any."""
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    at, lex = s.at, s.lex
    chain: list[Match] = []
    i = k
    while i < seg.j and len(chain) < 4:
        if feats[i].kind == "c" and chain:
            i += 1
            continue
        m = at.get(i)
        if m is None or not m.is_actor or _namesake_follows(m, seg, feats):
            break
        chain.append(m)
        i = m.j
    if chain and any(ch in "لب" for ch in raw[starts[chain[0].i] : chain[0].start]):
        return None  # أكد للرئيس الأميركي: the one addressed, not the speaker
    if chain:
        pick = next((m for m in chain if m.is_person_name), None)
        pick = pick or next((m for m in chain if m.resolved is not None), None)
        if pick is not None:
            return pick.resolved, raw[chain[0].start : chain[-1].end]
    sw = speaker_words()
    head = k < seg.j and (
        (
            _nationality_before(feats[k].norm)
            and k + 1 < seg.j
            and feats[k + 1].plain
            and not feats[k + 1].text.endswith("ى")
            and unlisted_name_word(feats[k + 1].norm, feats[k + 1].text, speaker_words())
        )  # طالب البوليفي كارلوس تشافيز
        or feats[k].norm in lex.title_heads
        or feats[k].norm in sw.honorifics  # أكد معالي الفريق الركن الشيخ راشد ...
        or feats[k].norm in sw.offices
        or feats[k].norm in sw.descriptors  # أكد المواطن مكي عبدالمحسن اللعاب
    )
    if k < seg.j and not chain and not head:
        named = _holder_ahead(k, seg, feats, at)  # أكد خبير الطاقة الأستاذ الدكتور صالح ...
        mention = _holder_mention(k, named, s) or _unlisted_holder(k, s)
        if mention is not None:
            return None, mention
    if k < seg.j and (chain or head):
        stop = k
        honorifics = speaker_words().honorifics
        while stop < min(seg.j, k + MENTION_WORDS):
            f = feats[stop]
            if _abbreviation_dot(stop, k, feats, honorifics):
                stop += 1
                continue
            if f.kind != "w" or f.roles & {"complementizer", "stop"} or f.cue is not None:
                break
            stop += 1
        sw_titles = speaker_words().titles
        person = next(
            (
                at[i]
                for i in range(k, stop)
                if i in at
                and at[i].is_person_name
                # المبعوث الخاص لهولاند: a genitive with ل/ب names someone else
                and not any(ch in "لب" for ch in raw[starts[i] : at[i].start])
                # قال صحفي لمعالي وزير خارجية المملكة الدكتور عادل الجبير: the one told
                and not any(f.norm[:1] == "ل" and f.norm[1:] in sw.honorifics for f in feats[k:i])
                # مستشار خامنئي: a genitive after a title names someone else
                and not (
                    i > k
                    and (feats[i - 1].norm in lex.title_heads or feats[i - 1].norm in sw_titles)
                )
                # مدير مركز الملك سلمان للإغاثة: a name inside an institution's name
                # المتحدث الرسمي لمركز الملك سلمان: also after ل/ب and الملك/الأمير
                and not (i > k and _institution_before(i, k, feats, sw.institutions))
                # مجلس الوزراء برئاسة الأمير محمد بن نايف: the council, chaired by him
                and not any(f.norm in _CHAIRED for f in feats[k:i])
                # قالت عائلة زعيم طالبان الراحل الملا محمد عمر: the family speaks
                and not _in_words(feats[k].norm, sw.relatives)
                and not _namesake_follows(at[i], seg, feats)
                # وصف وزير الإعلام الأردني الدكتور محمد المومني زيارة الأمير محمد بن
                # سلمان: a name after an honorific came first; the listed one is the object
                and not any(
                    feats[h].norm in sw.honorifics
                    and feats[h + 1].norm in sw.given
                    and not feats[h + 1].text.endswith("ى")
                    for h in range(k, i - 1)
                )
            ),
            None,
        )
        if person is not None:
            return person.resolved, raw[starts[k] : person.end]
        named = _holder_ahead(k, seg, feats, at)
        # المتحدث الرسمي بقيادة حرس الحدود في المنطقة الشرقية النقيب عمر الأكلبي; وزير
        # النفط الإيراني بيجن زنغنه (a name no list knows)
        mention = _holder_mention(k, named, s) or _unlisted_holder(k, s)
        if mention is not None:
            return None, mention
        return None, _noun_phrase(k, seg, feats, raw, starts, ends, lex.title_heads)
    return None


def _namesake_follows(m: Match, seg: Segment, feats: list[Feat]) -> bool:
    """A listed person matched by one surname (``د. عسيري``) is followed by a family name
    no list knows (``الأحوس``): the mention names a namesake, not the listed person."""
    if m.j >= seg.j or m.j - m.i > 2 or not m.is_person_name:
        return False
    honorifics = speaker_words().honorifics
    if not (
        (m.j - m.i == 2 and feats[m.i].norm in honorifics)
        or (m.j - m.i == 1 and m.i > seg.i and feats[m.i - 1].norm in honorifics)
    ):
        return False  # ووصف أوباما القيود: the object after a listed name, no namesake
    f = feats[m.j]
    return (
        f.kind == "w"
        and f.norm.startswith("ال")
        and len(f.norm) >= 5
        and not _in_word_lists(f.norm, speaker_words())
        and not _time_word(f.norm)
        and not f.norm.endswith(("يه", "ين", "ون", "ات"))  # الأمنية, المختصين
        and not f.roles
        and f.cue is None
    )


def _preverbal(
    k: int, seg: Segment, feats: list[Feat], raw: str, at: dict[int, Match], *, leading=False
) -> tuple[str | None, str] | None:
    """An actor named before the verb (``وكان لافروف أكد``, ``«بوتين أكد``)."""
    for m in at.values():
        if not (seg.i <= m.i and m.j <= k) or not m.is_actor or m.resolved is None:
            continue
        if leading:  # the subject of a sentence's first verb: دافع كيري عن ... / وكان لافروف
            before = feats[m.i - 1] if m.i > seg.i else None
            if m.i - seg.i <= TOPIC_WINDOW and (
                before is None
                or (
                    before.kind == "w"
                    and not before.roles & {"stop", "complementizer"}
                    # في إبراز إنجازات خادم الحرمين: a plural noun's genitive, no subject
                    and not (len(before.norm) >= 5 and before.norm.endswith("ات"))
                )
            ):
                return m.resolved, raw[m.start : m.end]
            continue
        if m.j == k or (m.j == k - 1 and feats[k - 1].kind == "q"):
            return m.resolved, raw[m.start : m.end]
    return None


_RELAY = frozenset({"نقلا", "نقلاً", "نقلًا"})
_STATEMENT_NOUNS = frozenset({"بيان", "تصريح", "تصريحات", "مصدر", "بيانا"})


def _relayed(
    cue_k: int, explicit: tuple[str | None, str | None], s: Sentence
) -> tuple[str | None, str | None] | None:
    """``(speaker, mention)`` of the source an outlet relays with «نقلا عن», if any.

    ``وقالت الوكالة نقلا عن بيان لهيئة شؤون الإعلام إن ...``: the authority speaks;
    ``ذكرت صحيفة ... نقلا عن مصادر`` gives no speaker (unnamed sources), not the paper.
    Only when the subject read is a news outlet (``media_heads`` of
    ``speaker_words.yaml``); None when no «نقلا عن» follows it in the sentence.
    """
    seg, feats = s.seg, s.feats
    mention = normalize(explicit[1] or "").split()
    if explicit[0] is not None and explicit[0] in s.lex.actors:
        mention = mention or [explicit[0]]
    if not mention or _strip_al(mention[0]) not in _media_heads():
        return None
    for k in range(cue_k + 1, min(seg.j - 2, cue_k + CUE_WINDOW)):
        if feats[k].norm in _RELAY and feats[k + 1].norm == "عن":
            q = k + 2
            if feats[q].norm in _STATEMENT_NOUNS and q + 1 < seg.j:
                q += 1  # نقلا عن بيان لهيئة ...: the statement's author
                if feats[q].norm[:1] == "ل" and feats[q].norm not in ("لها", "له"):
                    return _author_after_li(q, s)
                return None
            found = _subject(q, s)
            if found is None:
                return None, None
            return found
    return None


def _author_after_li(q: int, s: Sentence) -> tuple[str | None, str | None] | None:
    """The author named in ``لهيئة شؤون الإعلام`` (the genitive after a statement noun)."""
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    m = s.at.get(q)
    if m is not None and m.is_actor and m.resolved is not None:
        return m.resolved, raw[m.start : m.end]
    phrase = _noun_phrase(q, seg, feats, raw, starts, ends, s.lex.title_heads)
    text = phrase[1:] if phrase[:1] == "ل" else phrase
    return None, text.lstrip("ـ") or None


_ISSUED = frozenset({"بيان", "بيانا", "البيان"})  # بيان لـ X: X issued it
_ISSUED_BY = frozenset({"بيان", "بيانا", "البيان", "تصريح", "تصريحات", "رساله", "تقرير"})
_MEMBERS = frozenset({"اعضاء", "عضو", "ممثلي"})


def _issuer_before(cue_k: int, s: Sentence) -> tuple[str | None, str | None] | None:
    """The body whose statement opens the sentence before a verb without subject.

    ``وفي بيان لأعضاء مجلس الأمن الدولي في الأمم المتحدة صدر أمس، شدد على``: the
    Security Council speaks (``بيان لـ X``, ``بيان صادر عن X``), not the speaker of
    the sentence before. ``في تصريح لـ«الشرق الأوسط»`` names whom he spoke to, and
    ``في بيان له`` refers back to the speaker: neither is read. ``(None, mention)``
    when the body is not resolved, None when the sentence names no such statement.
    """
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    for k in range(seg.i, cue_k - 2):
        if feats[k].norm not in ("في", "وفي") or feats[k + 1].norm not in _ISSUED_BY:
            continue
        q = k + 2
        if q < cue_k and feats[q].norm in ("صادر", "الصادر", "صادرا"):
            q += 1
        by = q < cue_k and feats[q].norm == "عن"
        if by:
            q += 1
        elif not (
            feats[k + 1].norm in _ISSUED
            and feats[q].norm[:1] == "ل"
            and len(feats[q].norm) > 4
            and feats[q].norm not in ("لهم", "لها", "لهما")
        ):
            continue
        if q >= cue_k or feats[q].kind != "w":
            return None
        m = s.at.get(q)
        if m is not None and m.is_actor and m.resolved is not None and m.j <= cue_k:
            return m.resolved, raw[m.start : m.end]
        phrase = _noun_phrase(q, seg, feats, raw, starts, ends, s.lex.title_heads)
        if not by:
            phrase = phrase[1:].lstrip("ـ")  # لأعضاء, لـ«الهيئة»
            if phrase.startswith("ل"):
                phrase = "ا" + phrase  # للمجلس: المجلس
        words = phrase.split()
        if len(words) > 1 and normalize(words[0]) in _MEMBERS:
            phrase = " ".join(words[1:])  # أعضاء مجلس الأمن: the council
        inner = next(
            (
                a
                for a in range(q, cue_k)
                if a in s.at
                and s.at[a].is_actor
                and s.at[a].resolved is not None
                and raw[s.at[a].start : s.at[a].end] in phrase
            ),
            None,
        )
        if inner is not None:
            return s.at[inner].resolved, phrase
        sid, _ = s.state.speakers.resolve(phrase) if phrase else (None, None)
        return sid, phrase or None
    return None


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _media_heads() -> frozenset[str]:
    return speaker_words().media


def _nested(
    cue_k: int, seg: Segment, feats: list[Feat], at: dict[int, Match], out: Attribution
) -> None:
    """``قال إن «بوتين أكد ...»``: give the report to the inner actor."""
    for k in range(cue_k + 1, min(seg.j, cue_k + 12)):
        if "complementizer" in feats[k].roles:
            q = k + 1
            while q < seg.j and feats[q].kind == "q":
                q += 1
            m = at.get(q)
            if m is None or not m.is_actor or m.resolved is None:
                return
            v = m.j
            if v < seg.j and feats[v].cue is not None and feats[v].cue.kind == "finite":  # type: ignore[union-attr]
                inner = feats[v].cue
                assert inner is not None
                out.speaker, out.speaker_mention = m.resolved, feats[q].text
                out.cue, out.cue_class = inner.lemma, inner.cls
                out.reported_by = ""  # filled with the outer speaker by the caller
            return
        if feats[k].kind in ("q", "e"):
            return


def _colon_speaker(
    s: Sentence, out: Attribution, *, headline: bool
) -> tuple[str | None, str] | None:
    """Title-style attribution ``لافروف: ...`` / (in headlines) ``موسكو: ...``."""
    seg, feats, raw, starts, ends = s.seg, s.feats, s.raw, s.starts, s.ends
    at, lex = s.at, s.lex
    colon = next((k for k in range(seg.i, min(seg.j, seg.i + 8)) if feats[k].kind == ":"), None)
    if colon is None or colon == seg.i:
        return None
    if any(f.kind in ("e", "q") for f in feats[seg.i : colon]):
        return None
    inside = [m for m in at.values() if seg.i <= m.i and m.j <= colon]
    mention = raw[starts[seg.i] : ends[colon - 1]]
    actors = [m for m in inside if m.is_actor and m.resolved is not None]
    if actors:
        return actors[0].resolved, mention
    if not headline or any(f.kind == "p" for f in feats[seg.i : colon]):
        return None  # a dateline (سبق- الرياض: ...), not a speaker
    places = [lex.country_of(m.resolved) for m in inside if m.resolved is not None]
    if not places or None in places:
        return None
    if len(places) == 1:
        out.country = places[0]
    return None, mention


def _quote(
    seg: Segment,
    feats: list[Feat],
    in_speech: list[bool],
    out: Attribution,
    prev: Attribution | None = None,
) -> str:
    words = [k for k in range(seg.i, seg.j) if feats[k].kind == "w"]
    quoted = sum(1 for k in words if in_speech[k])
    if not quoted and out.cue is not None:
        said = _colon_speech(seg, feats, out, prev)
        if said is not None:
            out.colon_speech = True
            quoted = sum(1 for k in words if k > said)
    if words and quoted / len(words) >= DIRECT_SHARE:
        return "direct"
    if quoted:
        return "mixed"
    return "indirect" if (out.cue or out.speaker or out.speaker_mention) else "none"


def _colon_speech(
    seg: Segment, feats: list[Feat], out: Attribution, prev: Attribution | None
) -> int | None:
    """Where the speaker's own words start after a colon without quotation marks.

    ``وقدم الشويهين شرحًا ... حيث قال: من ضمن برامج المعسكر ...`` and ``قالت ريم
    محمد: ...``: the words after the colon are the speaker's (the token index of the
    colon is returned). The colon must follow the statement's reporting verb within
    a speaker's mention, with no أن/إن between (``وأوضح أن هناك نوعين: الأول ...``
    is a list inside indirect speech); only for statements with no quotation of
    speech (a name in marks, ``«أفيون سبور»``, does not count). A
    statement that carries the verb on in the same sentence (``مما استدعى نقله ...``)
    goes on with the words after that colon. None otherwise.
    """
    if out.cue_carried:
        first = feats[seg.i]
        if (
            prev is not None
            and prev.colon_speech
            and seg.how in ("connective", "length")
            and first.cue is None
            and not any(ch in "\u064b\u064c\u064d" for ch in first.text)  # داعيةً: narration
        ):
            return seg.i - 1
        return None
    cue_k = next((k for k in range(seg.i, seg.j) if feats[k].cue is not None), None)
    if cue_k is None:
        return None
    for k in range(cue_k + 1, min(seg.j - 1, cue_k + MENTION_WORDS + 3)):
        f = feats[k]
        if f.kind == ":":
            if feats[k + 1].kind == "q" and any(
                "complementizer" in g.roles for g in feats[k + 2 : min(seg.j, k + 14)]
            ):
                return None  # وأبلغ حميدان: «الشرق الأوسط» ... أن البرلمان: indirect after all
            return k
        if (
            "complementizer" in f.roles
            or f.kind in ("e", "p")
            or f.text in ("على", "إلى", "الى")
            or f.norm in ("عن", "مع", "خلال", "حول")
        ):
            return None  # يؤكد ... على التفاعل ... من خلال مقولة: the verb's complement
    return None
