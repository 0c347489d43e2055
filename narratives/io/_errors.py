"""Errors, warnings and the record of reading problems.

Every file, member, line or record that is not turned into an article, or
that is read with a caveat, is reported once: as a
:class:`NarrativesIngestWarning` (or an :class:`IngestError` with
``on_error="stop"``) and, while :func:`collecting` is active, as one row of
:data:`narratives.schemas.READING_PROBLEMS` (``source``, ``location``,
``problem``, ``action``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

OnError = Literal["skip", "stop"]

_PROBLEMS: ContextVar[list[dict[str, Any]] | None] = ContextVar("narratives_problems", default=None)


class IngestError(ValueError):
    """A file or record cannot be read (raised with ``on_error="stop"``).

    The message names the file (and record) and the problem; ``where``,
    ``location`` and ``problem`` hold them apart when known.
    """

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        location: str | None = None,
        problem: str | None = None,
    ) -> None:
        super().__init__(message)
        self.where = where
        self.location = location
        self.problem = problem


def fail(where: str, problem: str, *, location: str | None = None) -> IngestError:
    """An :class:`IngestError` for ``where`` (``location``): raise it."""
    named = f"{where} {location}" if location else where
    return IngestError(f"{named}: {problem}", where=where, location=location, problem=problem)


class NarrativesIngestWarning(UserWarning):
    """A file or record was skipped, or read with a caveat (e.g. not UTF-8)."""


@contextmanager
def collecting(problems: list[dict[str, Any]] | None) -> Iterator[None]:
    """Append every problem reported inside the block to ``problems`` (None: do not record)."""
    if problems is None:
        yield
        return
    token = _PROBLEMS.set(problems)
    try:
        yield
    finally:
        _PROBLEMS.reset(token)


def _numbers(items: Sequence[object]) -> str:
    shown = ", ".join(map(str, items[:10]))
    return shown + (f", ... ({len(items)} in all)" if len(items) > 10 else "")


def _record(source: str, locations: Sequence[str | None], problem: str, action: str) -> None:
    problems = _PROBLEMS.get()
    if problems is None:
        return
    for location in locations or [None]:
        problems.append(
            {"source": source, "location": location, "problem": problem, "action": action}
        )


def _message(source: str, locations: Sequence[str | None], problem: str) -> str:
    named = [loc for loc in locations if loc]
    if not named:
        return f"{source}: {problem}"
    if len(named) == 1:
        return f"{source} {named[0]}: {problem}"
    kind = named[0].split(" ", 1)[0]
    numbers = [loc.split(" ", 1)[-1] for loc in named]
    return f"{source}: {problem} ({len(named)} {kind}s: {_numbers(numbers)})"


def report(
    problem: str,
    on_error: OnError,
    *,
    where: str,
    location: str | None = None,
    locations: Sequence[str] | None = None,
    skipped: str = "file",
) -> None:
    """Raise :class:`IngestError` (``"stop"``) or warn, record and go on (``"skip"``).

    ``where`` names the file (``"archive.zip::member"`` for a member),
    ``location`` the line or record (``"line 3"``, ``"record 4"``), or
    ``locations`` several of them (one problem row each, one warning);
    ``skipped`` names what is left out when going on; the warning then ends
    with "<skipped> skipped".
    """
    if on_error not in ("skip", "stop"):
        raise ValueError(f"on_error must be 'skip' or 'stop', not {on_error!r}")
    locs: list[str | None] = list(locations) if locations else [location]
    message = _message(where, locs, problem)
    if on_error == "stop":
        _record(where, locs, problem, "run stopped")
        raise IngestError(message)
    action = f"{skipped} skipped"
    _record(where, locs, problem, action)
    warnings.warn(f"{message}; {action}", NarrativesIngestWarning, stacklevel=3)


def note(
    problem: str,
    *,
    where: str,
    location: str | None = None,
    locations: Sequence[str] | None = None,
    action: str = "read anyway",
) -> None:
    """Warn and record something that never stops the run (read with a caveat, or left out)."""
    locs: list[str | None] = list(locations) if locations else [location]
    _record(where, locs, problem, action)
    suffix = "" if action == "read anyway" else f"; {action}"
    warnings.warn(_message(where, locs, problem) + suffix, NarrativesIngestWarning, stacklevel=3)
