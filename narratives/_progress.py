"""One updating progress line per multi-phase stage (private).

Long stages (``align``, ``compare``) run several phases, some silent for
tens of seconds on a large corpus. :func:`phases` gives them one tqdm line on
stderr (one widget in a notebook) that names the phase running and what it
works on; it is off unless the caller asked for progress, so the stage
functions stay silent by default.
"""

from __future__ import annotations

from typing import Any

from tqdm.auto import tqdm


class Phases:
    """Announce the phases of one stage: ``step("scoring", "1,204,311 pairs")``."""

    def __init__(self, stage: str, total: int, *, enabled: bool) -> None:
        self.stage = stage
        self._bar: Any = (
            tqdm(
                total=total,
                desc=stage,
                unit="phase",
                bar_format="{desc} [phase {n_fmt}/{total_fmt}, {elapsed}]",
                leave=True,
            )
            if enabled
            else None
        )

    def step(self, name: str, detail: str = "") -> None:
        """Start phase ``name`` (the previous one is done); the line shows its number."""
        if self._bar is None:
            return
        self._bar.set_description_str(f"{self.stage}: {name} {detail}".strip(), refresh=False)
        self._bar.update(1)  # the bar counts the phase running as its number
        self._bar.refresh()  # shown at once, however soon after the last phase

    def close(self, summary: str = "") -> None:
        """All phases done; ``summary`` replaces the phase name."""
        if self._bar is None:
            return
        self._bar.n = self._bar.total
        self._bar.set_description_str(f"{self.stage}: {summary or 'done'}", refresh=True)
        self._bar.close()
        self._bar = None


def phases(stage: str, total: int, *, progress: bool) -> Phases:
    """A :class:`Phases` line for ``stage`` with ``total`` phases (silent unless ``progress``)."""
    return Phases(stage, total, enabled=progress)
