"""The local engine's parallel map: work split over forked worker processes.

The pipeline's per-pair stages (alignment scoring, contradiction checks, the
omissions' closest statements) read large per-statement features (TF-IDF
matrices, token lists) that are costly to pickle. A *forked* worker inherits
them from the parent's memory instead (copy on write), so only the small
arguments of each chunk (row numbers) and its results travel between
processes. Where ``fork`` is not available (Windows, macOS by default) or
the work is small, everything runs in this process: the results are the
same either way, in the same order.

A forked child cannot run polars (its thread pool is not copied: a polars
operation waits for ever). The work handed to workers is plain Python, numpy
and scipy, but some of it reads a shipped lexicon on first use; so the
lexicons are read in the parent first (:func:`warm_lexicons`), and a worker
that stops using CPU for :data:`STALL_SECONDS` is taken for blocked: the
pool is ended and the rest of the work runs in this process.

A stage that builds large transient features (the alignment's TF-IDF
matrices, token lists and scored pairs) can run in a *spawned* child instead
(:func:`isolated`): its frame goes there and its result frame comes back as
Arrow, and the memory the stage used is returned to the system when the child
ends. Run in this process, it stays: Python keeps an arena of freed objects
as long as one live object is left in it (measured on all of SaudiNewsNet:
the alignment features freed 1.25 GB of 2.5 GB, 43 MB of live objects pinning
1 GB of arenas), so every later stage started from that high-water mark.
"""

from __future__ import annotations

import functools
import gc
import inspect
import itertools
import multiprocessing
import multiprocessing.connection
import os
import pickle
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial, wraps
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from tqdm.auto import tqdm

T = TypeVar("T")
R = TypeVar("R")

#: the function and items a forked worker inherits (set only while a map runs)
_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
#: seconds without CPU use by every worker, results pending, after which the pool is ended
STALL_SECONDS = 20
#: rows of a stage's input below which :func:`isolated` runs it in this process (a
#: spawned child costs about 2 s of imports; 20,000 statements are about 1,500 articles)
CHILD_MIN_ROWS = 20_000
#: articles from which the command line and ``narratives report`` cut the statements in
#: a spawned child (:func:`isolated`; it starts its own workers): what gathering the
#: workers' rows leaves in a process (0.4 GB on all of SaudiNewsNet beyond the frames,
#: docs/scale.md, perf26) goes back to the system with the child, not carried by the
#: parent through the alignment, the stories and the omissions' forked workers
STATEMENTS_CHILD_MIN = 1_500
#: cached loaders not worth reading ahead (a tokenizer, the charts' JavaScript)
_NOT_LEXICONS = frozenset({"make_tokenizer", "vega_bundle"})


def warm_lexicons() -> None:
    """Call every cached loader without arguments of the imported ``narratives`` modules.

    They read the shipped lexicons with polars, which a forked worker cannot
    run; read once here, the workers find them in the copied caches.
    """
    for name, module in list(sys.modules.items()):
        if name != "narratives" and not name.startswith("narratives."):
            continue
        for attr, value in list(vars(module).items()):
            if (
                not hasattr(value, "cache_info")
                or getattr(value, "__module__", None) != name
                or attr in _NOT_LEXICONS
            ):
                continue
            try:
                params = inspect.signature(value).parameters.values()
            except (TypeError, ValueError):
                continue
            if all(
                p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                for p in params
            ):
                try:
                    value()
                except Exception:  # a loader that needs a user file: not ours to read
                    continue


def _cpu_ticks(pids: list[int]) -> int | None:
    """CPU clock ticks used so far by the processes ``pids`` (None: unknown, no /proc)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            return None
    return total


def release_memory() -> int:
    """Give the memory this process freed back to the system; return the bytes of RSS it gave.

    A cycle collection, then glibc's ``malloc_trim(0)``: Python frees large
    objects (an article's text, a worker's pickled rows) to the C heap, which
    keeps them as free pages of the process until it is trimmed (measured on all
    of SaudiNewsNet: reading the corpus left 827 MB resident for 202 MB of
    articles, 289 MB after this). A stage boundary is the place to call it: the
    pages kept would otherwise stay for every later stage, and be copied into
    each forked worker's share. Elsewhere than glibc only the collection runs.
    """
    before = _resident()
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    return max(0, before - _resident())


def _resident() -> int:
    """This process's resident set in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


#: environment variable capping :func:`usable_cores` (a whole number of 1 or more): a
#: process started beside another that already uses the cores sets it (the second
#: process of :func:`narratives.compare.compare` runs with 1, so its maps fork no workers)
CORES_VARIABLE = "NARRATIVES_CORES"


def usable_cores() -> int:
    """Cores this process may run on (at most ``$NARRATIVES_CORES`` when that is set)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    cap = os.environ.get(CORES_VARIABLE, "").strip()
    if cap.isdigit() and int(cap) >= 1:
        n = min(n, int(cap))
    return n


def _serve(conn: Any) -> None:
    """A forked worker: run the items whose numbers arrive on ``conn``, send back each result."""
    assert _JOB is not None
    func, items = _JOB
    while (k := conn.recv()) is not None:
        try:
            conn.send((k, True, func(items[k])))
        except BaseException as err:  # re-raised in the parent
            try:
                conn.send((k, False, err))
            except Exception:  # an exception that does not pickle
                conn.send((k, False, RuntimeError(f"{type(err).__name__}: {err}")))
    conn.close()


def _as_connection(conn: Any) -> Connection:
    """``conn`` as the pipe end it is (``connection.wait`` is typed for sockets too)."""
    assert isinstance(conn, Connection)
    return conn


def _hand_out(conn: Any, queue: Iterator[int], running: dict[Any, int]) -> None:
    """Send the worker at ``conn`` its next item number, or the end (None) when there is none."""
    k = next(queue, None)
    try:
        conn.send(k)
    except (BrokenPipeError, OSError):  # the worker is gone: its item runs here later
        running.pop(conn, None)
        return
    if k is None:
        running.pop(conn, None)
    else:
        running[conn] = k


def fork_map(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    processes: int | None = None,
    progress: bool = False,
    desc: str | None = None,
) -> list[R]:
    """``[func(x) for x in items]``, the items shared out to forked worker processes.

    ``func`` may be a closure over large objects: the workers inherit it, nothing
    of it is pickled; each item and each result is pickled (keep them small:
    arrays of row numbers in, arrays out). ``processes`` defaults to the usable
    cores; 1, a single item, or no ``fork`` on this platform runs in-process.
    ``progress`` shows a bar over the items (``desc``) on stderr.

    Each worker talks to this process over its own pipe (no lock is shared, so
    a worker killed at any moment cannot block the others or this process): it
    gets the number of its next item when it sends a result. Items whose worker
    ended early (killed for memory, say) or stopped working (see
    :data:`STALL_SECONDS`) run in this process after the others, with a warning.
    An exception in ``func`` is raised here.

    Examples
    --------
    >>> fork_map(lambda x: x * x, [1, 2, 3], processes=2)
    [1, 4, 9]
    """
    global _JOB
    n = usable_cores() if processes is None else processes
    n = min(n, len(items))
    bar = partial(tqdm, total=len(items), disable=not progress, desc=desc, unit="part")
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods() or _JOB is not None:
        return [func(x) for x in bar(items)]
    warm_lexicons()
    _JOB = (func, items)
    context = multiprocessing.get_context("fork")
    results: dict[int, R] = {}
    workers: dict[Any, Any] = {}  # this side's pipe end -> its process
    running: dict[Any, int] = {}  # pipe end -> the item its worker is on
    queue = iter(range(len(items)))
    stalled = False
    # the C heap's free pages go back to the system before the workers fork: kept, they
    # are this process's resident pages all the while the workers run (no collection:
    # a full one costs seconds on a large heap; glibc's trim alone a few milliseconds)
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    # the parent's objects leave the collector's generations: a worker's collections
    # would otherwise write to every object's header and copy all their pages
    gc.freeze()
    try:
        for _ in range(n):
            here, there = context.Pipe()
            process = context.Process(target=_serve, args=(there,), daemon=True)
            process.start()
            there.close()
            workers[here] = process
        for conn in workers:
            _hand_out(conn, queue, running)
        with bar() as shown:
            last, still = None, 0
            while running and not stalled:
                ready = multiprocessing.connection.wait(list(running), timeout=1.0)
                for conn in ready:
                    try:
                        k, ok, value = _as_connection(conn).recv()
                    except (EOFError, OSError):  # the worker is gone, its item with it
                        running.pop(conn)
                        continue
                    if not ok:
                        raise value
                    results[k] = value
                    shown.update()
                    _hand_out(conn, queue, running)
                if ready:
                    still = 0
                    continue
                ticks = _cpu_ticks([workers[c].pid for c in running])
                still = still + 1 if ticks is not None and ticks == last else 0
                last = ticks
                if still >= STALL_SECONDS:
                    warnings.warn(
                        f"{desc or 'fork_map'}: the worker processes stopped working "
                        f"(a polars call in a forked process?); the last "
                        f"{len(items) - len(results)} of {len(items)} parts run in this process",
                        RuntimeWarning,
                        stacklevel=2,
                    )
                    stalled = True
    finally:
        for conn, process in workers.items():
            if process.is_alive():
                # SIGKILL: a handler of SIGTERM (Python's) never runs in a process
                # waiting inside native code
                process.kill()
            process.join()
            conn.close()
        _JOB = None
        gc.unfreeze()
    if len(results) < len(items) and not stalled:
        warnings.warn(
            f"{desc or 'fork_map'}: a worker process ended early (out of memory?); "
            f"{len(items) - len(results)} of {len(items)} parts run in this process",
            RuntimeWarning,
            stacklevel=2,
        )
    return [results[k] if k in results else func(items[k]) for k in range(len(items))]


def chunks(n: int, parts: int, *, least: int = 1) -> list[slice]:
    """``parts`` contiguous slices of ``range(n)`` of near-equal size (at least ``least`` each).

    Examples
    --------
    >>> chunks(10, 3)
    [slice(0, 4, None), slice(4, 7, None), slice(7, 10, None)]
    >>> chunks(10, 3, least=6)
    [slice(0, 10, None)]
    """
    parts = max(1, min(parts, n // max(least, 1)))
    # the larger parts first, as in numpy.array_split
    size, extra = divmod(n, parts)
    bounds = [0]
    for k in range(parts):
        bounds.append(bounds[-1] + size + (1 if k < extra else 0))
    return [slice(a, b) for a, b in itertools.pairwise(bounds)]


def _in_child(
    func: Callable[..., R], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[R, list[tuple[type[Warning], str]]]:
    """Run in the spawned child: ``func``'s result and the warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = func(*args, **kwargs)
    return out, [(w.category, str(w.message)) for w in caught]


def in_child(func: Callable[..., R], /, *args: Any, **kwargs: Any) -> R:
    """``func(*args, **kwargs)`` run in a spawned child process, its result returned here.

    The arguments and the result are pickled (polars frames travel as Arrow
    IPC), so keep them to tables; ``func`` must be importable (a module-level
    function, or a ``functools.partial`` of one). The warnings ``func`` gives
    are given again here, and an exception it raises is raised here. When the
    call cannot be pickled, or ``spawn`` is not available, it runs in this
    process. What ``func`` allocates is the child's and goes back to the
    system when the child ends (see the module docstring).

    Examples
    --------
    >>> in_child(divmod, 7, 2)
    (3, 1)
    """
    return start_in_child(func, *args, **kwargs)(stacklevel=3)


def start_in_child(func: Callable[..., R], /, *args: Any, **kwargs: Any) -> Callable[..., R]:
    """:func:`in_child` started but not waited for: this process goes on meanwhile.

    Returns ``wait()``, which waits for the child and gives ``func``'s result (its
    warnings given again, its exception raised) as :func:`in_child` does. Where
    ``in_child`` would run the call in this process, it runs now, before this
    returns.

    Examples
    --------
    >>> wait = start_in_child(divmod, 7, 2)
    >>> wait()
    (3, 1)
    """
    if "spawn" not in multiprocessing.get_all_start_methods() or _JOB is not None:
        return _done(func(*args, **kwargs))
    try:
        pickle.dumps((func, kwargs))  # the frames in args pickle; a lambda does not
    except Exception:
        return _done(func(*args, **kwargs))
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(1, mp_context=context)
    future = pool.submit(_in_child, func, args, kwargs)

    def wait(stacklevel: int = 2) -> R:
        try:
            out, caught = future.result()
        finally:
            pool.shutdown()
        release_memory()  # the pickled arguments and result, freed: not kept by later stages
        for category, message in caught:
            warnings.warn(message, category, stacklevel=stacklevel)
        return out

    return wait


def _done(value: R) -> Callable[..., R]:
    """A ``wait()`` of :func:`start_in_child` for a call already made."""

    def wait(stacklevel: int = 2) -> R:
        return value

    return wait


def releasing(func: Callable[..., R]) -> Callable[..., R]:
    """``func`` followed by :func:`release_memory` (a stage whose garbage is large).

    The statements stage, say: its workers' rows arrive pickled and are freed
    once they are a frame, and those pages would otherwise stay with the
    process for the alignment, the comparisons and their workers.
    """

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> R:
        out = func(*args, **kwargs)
        release_memory()
        return out

    return run


def isolated(
    func: Callable[..., R], *, min_rows: int = CHILD_MIN_ROWS, release: bool = False
) -> Callable[..., R]:
    """``func`` whose calls on a table of ``min_rows`` rows or more run in a spawned child.

    ``func``'s first argument is a polars frame (the stage's input); smaller
    inputs run in this process, where starting a child costs more than it
    saves, followed by :func:`release_memory` with ``release`` (as
    :func:`releasing`). The result is the same either way (:func:`in_child`).
    The command line and ``narratives report`` run the statements stage
    (:data:`STATEMENTS_CHILD_MIN` articles or more) and the alignment so on
    large corpora.
    """

    @wraps(func)
    def run(data: Any, /, *args: Any, **kwargs: Any) -> R:
        if getattr(data, "height", 0) < min_rows:
            out = func(data, *args, **kwargs)
            if release:
                release_memory()
            return out
        return in_child(func, data, *args, **kwargs)

    return run


def started(
    func: Callable[..., R], *, min_rows: int | None = None
) -> Callable[..., Callable[..., R]]:
    """:func:`isolated`, started: ``started(func)(data, ...)`` returns ``wait()``
    (:func:`start_in_child`); a table below ``min_rows`` rows (default
    :data:`CHILD_MIN_ROWS`) is worked on at once, here."""

    @wraps(func)
    def start(data: Any, /, *args: Any, **kwargs: Any) -> Callable[..., R]:
        if getattr(data, "height", 0) < (CHILD_MIN_ROWS if min_rows is None else min_rows):
            return _done(func(data, *args, **kwargs))
        return start_in_child(func, data, *args, **kwargs)

    return start


def in_parts(
    func: Callable[[slice], list[T]],
    n: int,
    *,
    least: int = 1,
    processes: int | None = None,
    per_core: int = 1,
) -> list[T]:
    """``func(slice(0, n))``, the slice cut in parts run on forked workers, in order.

    ``func`` must give, for a slice, one result per item of it, each depending on
    that item alone (then the parts give the list of one call). ``processes``
    workers (None: the usable cores), ``per_core`` parts each; fewer than ``least``
    items a part, or one core, run in this process.

    Examples
    --------
    >>> words = ["ا", "بب", "ججج"]
    >>> in_parts(lambda span: [len(w) for w in words[span]], len(words))
    [1, 2, 3]
    """
    cores = usable_cores() if processes is None else processes
    spans = chunks(n, per_core * cores, least=least)
    if cores <= 1 or len(spans) <= 1:
        return func(slice(0, n))
    return [x for part in fork_map(func, spans, processes=cores) for x in part]
