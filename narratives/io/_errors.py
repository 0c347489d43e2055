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


def report(message: str, on_error: OnError) -> None:
    """Raise :class:`IngestError` (``"stop"``) or warn and go on (``"skip"``)."""
    if on_error == "stop":
        raise IngestError(message)
    if on_error != "skip":
        raise ValueError(f"on_error must be 'skip' or 'stop', not {on_error!r}")
    warnings.warn(message, NarrativesIngestWarning, stacklevel=3)


def note(message: str) -> None:
    """Warn about something that was read anyway (never stops the run)."""
    warnings.warn(message, NarrativesIngestWarning, stacklevel=3)
