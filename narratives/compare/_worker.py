"""Comparison tables computed in a second Python process, beside this one (private).

Most comparisons run polars, which a *forked* worker cannot run (its thread
pool is not copied; see :mod:`narratives.engine.local`). So :func:`start`
launches a fresh interpreter (:func:`main`)
that reads the frames it needs from Arrow IPC files written to a temporary
folder, calls one function of this package with them, and writes the tables it
returns there; :meth:`Pending.result` reads them back. The two processes work
at once on the two cores: the caller computes other tables meanwhile.

The function is called on the same frames as it would be here (IPC keeps
types, values and row order), so its tables are the same. Its warnings are
recorded in the worker and issued again here; an exception in it is raised
here; a worker that could not start or died (killed for memory, say) is
reported with a warning and the function then runs in this process.
"""

from __future__ import annotations

import importlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import traceback
import warnings
from pathlib import Path
from typing import Any

import polars as pl

import narratives
from narratives.engine.local import CORES_VARIABLE

_JOB = "job.pickle"
_DONE = "done.pickle"
#: the worker's program (not ``-m``: this module is imported by its package first)
_RUN = "import sys; from narratives.compare._worker import main; main(sys.argv[1])"


class WorkerError(RuntimeError):
    """The function failed in the worker process (its traceback is the message)."""


class Pending:
    """A function running in a worker process (or already run here)."""

    def __init__(
        self,
        func: str,
        frames: dict[str, pl.DataFrame | None],
        options: dict[str, Any],
        folder: Path | None,
        process: subprocess.Popen[bytes] | None,
        value: dict[str, pl.DataFrame] | None = None,
    ) -> None:
        self._func, self._frames, self._options = func, frames, options
        self._folder, self._process, self._value = folder, process, value

    def result(self) -> dict[str, pl.DataFrame]:
        """Wait for the tables (computed here if the worker failed)."""
        if self._value is not None:
            return self._value
        assert self._process is not None and self._folder is not None
        try:
            code = self._process.wait()
            done = self._folder / _DONE
            if code != 0 or not done.exists():
                warnings.warn(
                    f"compare: the worker process computing {self._func} ended with status "
                    f"{code}; computing those tables in this process instead",
                    RuntimeWarning,
                    stacklevel=2,
                )
                self._value = _call(self._func, self._frames, self._options)
                return self._value
            with done.open("rb") as fh:
                names, caught, error = pickle.load(fh)
            for category, message in caught:
                warnings.warn(message, category, stacklevel=2)
            if error is not None:
                raise WorkerError(f"{self._func} failed in the worker process:\n{error}")
            self._value = {
                name: pl.read_ipc(self._folder / f"out-{name}.arrow")
                for name in names
            }
            return self._value
        finally:
            self._frames = {}
            shutil.rmtree(self._folder, ignore_errors=True)


def _call(
    func: str, frames: dict[str, pl.DataFrame | None], options: dict[str, Any]
) -> dict[str, pl.DataFrame]:
    module, _, name = func.rpartition(".")
    result: dict[str, pl.DataFrame] = getattr(importlib.import_module(module), name)(
        **frames, **options
    )
    return result


def start(
    func: str,
    frames: dict[str, pl.DataFrame | None],
    options: dict[str, Any],
    *,
    separate: bool = True,
    cores: int | None = None,
) -> Pending:
    """Start ``func(**frames, **options)`` in a worker process; ``.result()`` waits for it.

    ``func`` is the dotted name of a function returning a dict of frames;
    ``options`` must pickle. ``separate=False`` runs it here at once (small
    inputs, where starting an interpreter costs more than it saves). ``cores``:
    the most cores the worker's own maps use
    (:data:`narratives.engine.local.CORES_VARIABLE`; 1: it forks no workers of
    its own, as when this process uses the cores meanwhile).
    """
    if not separate:
        return Pending(func, frames, options, None, None, _call(func, frames, options))
    folder = Path(tempfile.mkdtemp(prefix="narratives-compare-"))
    try:
        for name, frame in frames.items():
            if frame is not None:
                frame.write_ipc(folder / f"in-{name}.arrow", compression="uncompressed")
        with (folder / _JOB).open("wb") as fh:
            pickle.dump((func, [n for n, f in frames.items() if f is None], options), fh)
        # the worker imports this very package, wherever it was imported from here
        home = str(Path(narratives.__file__).resolve().parent.parent)
        path = os.pathsep.join([home, os.environ.get("PYTHONPATH", "")])
        env = {**os.environ, "PYTHONPATH": path}
        if cores is not None:
            env[CORES_VARIABLE] = str(max(1, cores))
        process = subprocess.Popen(
            [sys.executable, "-c", _RUN, str(folder)],
            stdin=subprocess.DEVNULL,
            env=env,
        )
    except (OSError, pickle.PicklingError) as err:
        shutil.rmtree(folder, ignore_errors=True)
        warnings.warn(
            f"compare: could not start a worker process ({err}); computing in this process",
            RuntimeWarning,
            stacklevel=2,
        )
        return Pending(func, frames, options, None, None, _call(func, frames, options))
    return Pending(func, frames, options, folder, process)


def main(folder: str | Path) -> None:
    """The worker: read the job and its frames from ``folder``, write the tables back."""
    folder = Path(folder)
    with (folder / _JOB).open("rb") as fh:
        func, absent, options = pickle.load(fh)
    frames: dict[str, pl.DataFrame | None] = dict.fromkeys(absent)
    for path in sorted(folder.glob("in-*.arrow")):
        frames[path.stem[3:]] = pl.read_ipc(path)
    names: list[str] = []
    error = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tables = _call(func, frames, options)
            for name, table in tables.items():
                table.write_ipc(folder / f"out-{name}.arrow", compression="uncompressed")
                names.append(name)
        except Exception:
            error = traceback.format_exc()
    seen = list(dict.fromkeys((w.category, str(w.message)) for w in caught))
    with (folder / _DONE).open("wb") as fh:
        pickle.dump((names, seen, error), fh)
