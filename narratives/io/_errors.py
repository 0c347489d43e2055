"""Errors and warnings raised while reading a corpus."""

from __future__ import annotations

import warnings
from typing import Literal

OnError = Literal["skip", "stop"]


class IngestError(ValueError):
    """A file or record cannot be read (raised with ``on_error="stop"``).

    The message names the file (and record) and the problem.
    """


class NarrativesIngestWarning(UserWarning):
    """A file or record was skipped, or read with a caveat (e.g. not UTF-8)."""


def report(message: str, on_error: OnError, *, skipped: str = "") -> None:
    """Raise :class:`IngestError` (``"stop"``) or warn and go on (``"skip"``).

    ``skipped`` names what is left out when going on (``"file"``, ``"record"``);
    the warning then ends with "<skipped> skipped".
    """
    if on_error == "stop":
        raise IngestError(message)
    if on_error != "skip":
        raise ValueError(f"on_error must be 'skip' or 'stop', not {on_error!r}")
    suffix = f"; {skipped} skipped" if skipped else ""
    warnings.warn(message + suffix, NarrativesIngestWarning, stacklevel=3)


def note(message: str) -> None:
    """Warn about something that was read anyway (never stops the run)."""
    warnings.warn(message, NarrativesIngestWarning, stacklevel=3)
