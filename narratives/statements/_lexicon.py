"""Load the gazetteers and the reporting-verb lexicon into lookup tables.

Everything here is data-driven: the shipped files in ``narratives/lexicons/``
(``actors.yaml``, ``entities.yaml``, ``reporting_verbs.tsv``,
``clause_markers.tsv``), merged with a user's own files of the same format.
Lookups are on match-normalized tokens (:func:`narratives.normalize.normalize`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from narratives._resources import load_tsv, load_yaml
from narratives.normalize import normalize

Source = str | Path | None

CUE_KINDS = ("finite", "participle")
MARKER_ROLES = (
    "connective",
    "connective_bare",
    "complementizer",
    "stop",
    "resumptive",
    "particle",
    "opener",
    "relative",
)


@dataclass(frozen=True)
class Cue:
    """A reporting verb form: its lemma (the ``cue`` column) and class."""

    lemma: str
    cls: str
    kind: str  # finite | participle
    slot: str  # subject | after_an
    ambiguous: bool
    feminine: bool = False  # قالت, أعلنت: a noun right after is the (female) subject
    transitive: bool = True  # أكد ضرورة: a noun right after may be the object
    gender: str | None = None  # m | f of the speaker the form agrees with, None = plural/unknown


@dataclass(frozen=True)
class Entry:
    """What a gazetteer phrase names.

    ``kind`` is ``name`` (a name of actor/entity ``id``), ``title`` (an office
    held by ``id`` between ``valid_from`` and ``valid_to``) or ``generic`` (a
    description resolved in context: ``affiliation`` + ``role``, ``id`` empty).
    """

    id: str
    kind: str
    type: str
    is_actor: bool
    affiliation: str | None = None
    role: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass
class Lexicon:
    """All lookup tables the statements stage uses (see module docstring)."""

    cues: dict[str, Cue]
    markers: dict[str, set[tuple[str, ...]]]
    phrases: dict[tuple[str, ...], list[Entry]]
    first_token: dict[str, list[tuple[str, ...]]]
    actors: dict[str, dict[str, Any]]
    entities: dict[str, dict[str, Any]]
    title_heads: set[str]
    max_phrase: int = 1
    single_markers: dict[str, set[str]] = field(default_factory=dict)
    bare_heads: set[str] = field(default_factory=set)  # first words of multi-word markers
    # written forms that normalize to a reporting verb but are none (يدعى "is named", نُقل)
    homographs: tuple[str, ...] = ()
    # names that count only in context (القاعدة the group, not "the base"): (before, after) words
    contexts: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = field(
        default_factory=dict
    )
    memo: dict[str, Any] = field(default_factory=dict)  # per-process caches (token features)

    def entity_type(self, entity_id: str) -> str | None:
        """``person``/``institution`` for actors, ``place``/``group``/... for entities."""
        info = self.actors.get(entity_id) or self.entities.get(entity_id)
        return None if info is None else str(info.get("type"))

    def country_of(self, entity_id: str) -> str | None:
        """The country a place stands for (``moscow`` -> ``russia``), else itself."""
        info = self.entities.get(entity_id)
        if info is None or info.get("type") != "place":
            return None
        return str(info.get("country") or entity_id)


def _norm_tokens(text: str) -> tuple[str, ...]:
    return tuple(normalize(str(text)).replace('"', " ").split())


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _merged_yaml(name: str, user: Source, key: str) -> dict[str, Any]:
    data = load_yaml(name) or {}
    if user is not None:
        extra = load_yaml(user) or {}
        for k, v in extra.items():
            if isinstance(v, Mapping) and isinstance(data.get(k), Mapping):
                data[k] = {**data[k], **v}
            elif isinstance(v, list) and isinstance(data.get(k), list):
                data[k] = [*data[k], *v]
            else:
                data[k] = v
    if not isinstance(data.get(key), Mapping):
        raise ValueError(f"{user or name}: expected a mapping under {key!r}")
    return data


def _add(phrases: dict[tuple[str, ...], list[Entry]], text: str, entry: Entry) -> None:
    key = _norm_tokens(text)
    if key and entry not in phrases.setdefault(key, []):
        phrases[key].append(entry)


def load_lexicon(
    actors: Source = None,
    verbs: Source = None,
    entities: Source = None,
    markers: Source = None,
) -> Lexicon:
    """Build the lookup tables from the shipped files merged with user files.

    Parameters
    ----------
    actors, entities
        Your own YAML (same format as ``actors.yaml`` / ``entities.yaml``);
        its ids are added to, or override, the shipped ones.
    verbs, markers
        Your own TSV (same columns as ``reporting_verbs.tsv`` /
        ``clause_markers.tsv``); its rows are added, and win over shipped rows
        of the same form.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.cues["اكد"].lemma, lex.cues["اكد"].cls, lex.cues["مشيرا"].lemma
    ('أكد', 'assertive', 'أشار')
    """
    sources = tuple(None if x is None else str(x) for x in (actors, verbs, entities, markers))
    return _cached(*sources, _stamp(sources))


def _stamp(sources: tuple[str | None, ...]) -> tuple[int, ...]:
    """Modification times of the user files, so an edited file is read again."""
    return tuple(Path(x).stat().st_mtime_ns if x and Path(x).exists() else 0 for x in sources)


@lru_cache(maxsize=8)
def _cached(
    actors: str | None,
    verbs: str | None,
    entities: str | None,
    markers: str | None,
    stamp: tuple[int, ...],
) -> Lexicon:
    actor_data = _merged_yaml("actors.yaml", actors, "actors")
    entity_data = _merged_yaml("entities.yaml", entities, "entities")
    phrases: dict[tuple[str, ...], list[Entry]] = {}
    actor_info: dict[str, dict[str, Any]] = {}
    for aid, info in actor_data["actors"].items():
        aid = str(aid)
        info = dict(info or {})
        info.setdefault("type", "person")
        info["roles"] = list(info.get("roles") or [])
        actor_info[aid] = info
        for name in info.get("names") or []:
            _add(phrases, name, Entry(aid, "name", info["type"], True, info.get("affiliation")))
        for t in info.get("titles") or []:
            entry = Entry(
                aid,
                "title",
                info["type"],
                True,
                info.get("affiliation"),
                valid_from=_date(t.get("from")),
                valid_to=_date(t.get("to")),
            )
            _add(phrases, t["title"], entry)
    for g in actor_data.get("generic_titles") or []:
        entry = Entry("", "generic", "person", True, g.get("affiliation"), g.get("role"))
        _add(phrases, g["title"], entry)
    entity_info: dict[str, dict[str, Any]] = {}
    contexts: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = {}
    for eid, info in entity_data["entities"].items():
        eid = str(eid)
        info = dict(info or {})
        entity_info[eid] = info
        typ = str(info.get("type", "organisation"))
        for name in info.get("names") or []:
            _add(phrases, name, Entry(eid, "name", typ, False, info.get("country")))
        for item in info.get("context_names") or []:
            _add(phrases, item["name"], Entry(eid, "name", typ, False, info.get("country")))
            contexts[_norm_tokens(item["name"])] = (
                frozenset(normalize(str(w)) for w in item.get("before") or []),
                frozenset(normalize(str(w)) for w in item.get("after") or []),
            )
    first_token: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(phrases, key=len, reverse=True):
        first_token.setdefault(key[0], []).append(key)
    title_heads = {normalize(str(w)) for w in actor_data.get("title_heads") or []}
    return Lexicon(
        cues=_load_cues(verbs),
        markers=(m := _load_markers(markers)),
        phrases=phrases,
        first_token=first_token,
        actors=actor_info,
        entities=entity_info,
        title_heads=title_heads,
        max_phrase=max(map(len, phrases), default=1),
        single_markers={role: {k[0] for k in keys if len(k) == 1} for role, keys in m.items()},
        bare_heads={k[0] for keys in m.values() for k in keys if len(k) > 1},
        homographs=_load_homographs(),
        contexts=contexts,
    )


_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670"


def unmarked(text: str) -> str:
    """``text`` without tatweel and Arabic diacritics (letters, ى and hamza kept)."""
    return text.replace("\u0640", "").translate({ord(c): None for c in _MARKS})


def _load_homographs() -> tuple[str, ...]:
    """``reporting_homographs.tsv``: written forms (diacritics only where listed)."""
    rows = load_tsv("reporting_homographs.tsv")
    return tuple(sorted({str(w).replace("\u0640", "") for w in rows["written"]}, key=len))


def is_homograph(text: str, lex: Lexicon) -> bool:
    """A token written as a form of ``reporting_homographs.tsv`` (يدعى, نُقل, ...).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> is_homograph("يُدعى", lex), is_homograph("ويدعى", lex), is_homograph("يدعي", lex)
    (True, True, False)
    >>> is_homograph("نُقل", lex), is_homograph("ونقل", lex)
    (True, False)
    """
    marked = text.replace("\u0640", "")
    plain = unmarked(marked)
    for form in (marked, marked[1:]) if marked[:1] in "وف" else (marked,):
        for w in lex.homographs:
            if unmarked(w) != w:
                if form.startswith(w):
                    return True
            elif unmarked(form) == w:
                return True
    return plain in lex.homographs


def _load_cues(user: Source) -> dict[str, Cue]:
    frames = [load_tsv("reporting_verbs.tsv")]
    if user is not None:
        frames.insert(0, load_tsv(user))  # user rows win
    cues: dict[str, Cue] = {}
    for frame in frames:
        for row in frame.iter_rows(named=True):
            kind = row.get("kind") or "finite"
            if kind not in CUE_KINDS:
                raise ValueError(f"reporting verbs: form {row['form']!r} has unknown kind {kind!r}")
            form = normalize(row["form"])
            lemma_norm = normalize(row.get("lemma") or row["form"])
            cues.setdefault(
                form,
                Cue(
                    lemma=normalize(row.get("lemma") or row["form"], "display"),
                    cls=row.get("class") or "neutral",
                    kind=kind,
                    slot=row.get("slot") or "subject",
                    ambiguous=(row.get("ambiguous") or "no").strip().lower() == "yes",
                    feminine=form.endswith("ت") and not lemma_norm.endswith("ت"),
                    transitive=(row.get("transitive") or "yes").strip().lower() == "yes",
                    gender=_gender(form, lemma_norm, kind),
                ),
            )
    return cues


def _gender(form: str, lemma: str, kind: str) -> str | None:
    """Whom a verb form agrees with: قالت/تقول/مشيرة f, قال/يقول/مشيرا m, قالوا/مشيرين None."""
    if form.endswith(("وا", "ين", "ون")) and not lemma.endswith(("وا", "ين", "ون")):
        return None
    if kind == "participle":
        return "f" if form.endswith("ه") else "m" if form.endswith("ا") else None
    if (form.endswith("ت") and (not lemma.endswith("ت") or form == lemma + "ت")) or (
        form.startswith("ت") and not lemma.startswith("ت")
    ):  # لفتت (lemma لفت): feminine too
        return "f"
    return "m"


def _load_markers(user: Source) -> dict[str, set[tuple[str, ...]]]:
    frames = [load_tsv("clause_markers.tsv")]
    if user is not None:
        frames.append(load_tsv(user))
    out: dict[str, set[tuple[str, ...]]] = {role: set() for role in MARKER_ROLES}
    for frame in frames:
        for row in frame.iter_rows(named=True):
            role = row["role"]
            if role not in out:
                raise ValueError(f"clause markers: form {row['form']!r} has unknown role {role!r}")
            out[role].add(_norm_tokens(row["form"]))
    return out
