"""Writing output tables atomically, with a manifest, and reading them back safely.

Every file is written under a hidden temporary name in its own folder and
renamed into place (:func:`os.replace`), so an interrupted run (Ctrl-C, a full
disk, SIGTERM) never leaves a truncated table under a final name. A folder of
tables (``narratives align --out DIR``, ``compare``) also gets
``manifest.json``: the run id, the command, its inputs and parameters, the
narratives version, for every table its file, row count and SHA-256, and the
reading problems of the corpus (every input left out, with the reason).
The manifest is replaced last, and tables of an earlier run that the new run
does not write are removed, so a folder holds one run.

:func:`read_tables` refuses a folder whose tables do not all belong to the run
its manifest records (a table changed, missing, or left from another run).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

MANIFEST = "manifest.json"
SUFFIXES: dict[str, str] = {"parquet": ".parquet", "csv": ".csv", "ndjson": ".ndjson"}
#: env var naming seconds to sleep between two table renames (tests interrupt a run there)
PAUSE_ENV = "NARRATIVES_TEST_PAUSE_BETWEEN_TABLES"


class OutputError(ValueError):
    """An output folder cannot be written, or holds tables of more than one run."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path next to ``path``, renamed to ``path`` when the block ends without error.

    On error or interruption the temporary file is removed and ``path`` is left
    as it was.
    """
    final = Path(path)
    temporary = _temporary(final)
    try:
        yield temporary
        os.replace(temporary, final)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def check_writable(path: str | Path, *, folder: bool, create: bool = False) -> Path:
    """Make sure ``path`` (a folder, or a file's folder) can be written, before any work.

    An existing folder gets a probe file written and removed; a folder still to
    be made is checked through its nearest existing parent (made only with
    ``create``).

    Raises
    ------
    OutputError
        Empty path, a file where a folder is wanted (or the reverse), or a
        folder that cannot be created or written; the message says which.
    """
    if str(path).strip() == "":
        raise OutputError("the output path is empty; give a file or folder name")
    target = Path(path)
    if folder and target.exists() and not target.is_dir():
        raise OutputError(f"{str(target)!r} is a file; give a folder for the output tables")
    if not folder and target.is_dir():
        raise OutputError(f"{str(target)!r} is a folder; give a file name")
    directory = target if folder else (target.parent if str(target.parent) else Path("."))
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"cannot create output directory {str(directory)!r}: it is a file")
    if create:
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(
                f"cannot create output directory {str(directory)!r}: {err.strerror or err}"
            ) from err
    if not directory.exists():
        parent = directory
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():
            raise OutputError(
                f"cannot create output directory {str(directory)!r}: {str(parent)!r} is a file"
            )
        if not os.access(parent, os.W_OK | os.X_OK):
            raise OutputError(
                f"cannot create output directory {str(directory)!r}: {str(parent)!r} "
                "is not writable"
            )
        return target
    probe = _temporary(directory / "write-test")
    try:
        probe.write_bytes(b"")
    except OSError as err:
        raise OutputError(
            f"cannot write in output directory {str(directory)!r}: {err.strerror or err}"
        ) from err
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return target


def _json_safe(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _inputs(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in paths:
        path = Path(item)
        entry: dict[str, Any] = {"path": str(path)}
        with contextlib.suppress(OSError):
            stat = path.stat()
            entry["kind"] = "folder" if path.is_dir() else "file"
            if path.is_file():
                entry["bytes"] = stat.st_size
            entry["modified"] = datetime.fromtimestamp(stat.st_mtime, UTC).isoformat()
        out.append(entry)
    return out


def read_manifest(folder: str | Path) -> dict[str, Any] | None:
    """The manifest of an output folder, or None when it has none."""
    path = Path(folder) / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise OutputError(f"{path}: unreadable manifest ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise OutputError(f"{path}: not a narratives manifest (no 'tables')")
    return data


def _table_files(folder: Path) -> dict[str, Path]:
    """Visible table files in ``folder`` by file name."""
    return {
        p.name: p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix in SUFFIXES.values()
    }


def write_outputs(
    tables: Mapping[str, pl.DataFrame],
    folder: str | Path,
    *,
    fmt: str = "parquet",
    writer: Callable[[pl.DataFrame, Path, str], None],
    command: str | None = None,
    inputs: Iterable[str | Path] = (),
    parameters: Mapping[str, Any] | None = None,
    version: str | None = None,
    reading_problems: Iterable[Mapping[str, Any]] | None = None,
) -> list[Path]:
    """Write ``tables`` to ``folder/<name>.<fmt>`` as one run, with ``manifest.json``.

    Every table goes to a temporary file first; when all are written they are
    renamed into place, tables of the folder's previous run that this run does
    not write are removed, and the manifest is replaced last. Until then the
    previous manifest stays, so a reader finds the folder either whole from
    one run or refused by :func:`read_tables`, never silently mixed.

    ``writer(frame, path, fmt)`` writes one table; ``reading_problems``
    (rows of :data:`narratives.schemas.READING_PROBLEMS`) are recorded in the
    manifest. Returns the paths written.
    """
    folder = check_writable(folder, folder=True, create=True)
    suffix = SUFFIXES[fmt]
    previous = None
    with contextlib.suppress(OutputError):
        previous = read_manifest(folder)
    run_id = uuid.uuid4().hex
    staged: dict[str, Path] = {}
    finals: list[Path] = []
    entries: dict[str, dict[str, Any]] = {}
    try:
        for name, frame in tables.items():
            final = folder / f"{name}{suffix}"
            temporary = _temporary(final)
            staged[name] = temporary
            writer(frame, temporary, fmt)
            entries[name] = {
                "file": final.name,
                "rows": frame.height,
                "columns": frame.width,
                "sha256": _sha256(temporary),
            }
        manifest = {
            "narratives_version": version,
            "run_id": run_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": command,
            "inputs": _inputs(inputs),
            "parameters": _json_safe(dict(parameters or {})),
            "format": fmt,
            "tables": entries,
        }
        if reading_problems is not None:  # every input left out or read with a caveat
            manifest["reading_problems"] = [dict(p) for p in reading_problems]
        manifest_tmp = _temporary(folder / MANIFEST)
        staged[MANIFEST] = manifest_tmp
        manifest_tmp.write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        pause = float(os.environ.get(PAUSE_ENV) or 0)
        for name in tables:
            final = folder / entries[name]["file"]
            os.replace(staged.pop(name), final)
            finals.append(final)
            if pause:
                time.sleep(pause)
        keep = {e["file"] for e in entries.values()}
        stale = {e.get("file") for e in (previous or {}).get("tables", {}).values()}
        stale |= {n for n in _table_files(folder) if Path(n).stem in _known_tables()}
        for name in sorted(str(n) for n in stale if n and n not in keep):
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        os.replace(staged.pop(MANIFEST), folder / MANIFEST)
    finally:
        for temporary in staged.values():
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
    return finals


def _known_tables() -> set[str]:
    """Names of the tables narratives writes (lower-cased schema names)."""
    from narratives import schemas

    return {
        name.lower()
        for name, value in vars(schemas).items()
        if name.isupper() and isinstance(value, pl.Schema)
    }


def check_folder(folder: str | Path, names: Iterable[str] | None = None) -> dict[str, Any]:
    """Check that the tables of ``folder`` (or those named) belong to the run of its manifest.

    Returns the manifest.

    Raises
    ------
    OutputError
        No manifest, a table missing or changed since the run (its SHA-256
        differs: written by another run, or an interrupted one), or a table
        file the manifest does not list (left from another run).
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        raise OutputError(
            f"{folder}: no {MANIFEST}, so its tables cannot be shown to come from one run; "
            "write the folder again with a narratives command"
        )
    listed: Mapping[str, Mapping[str, Any]] = manifest["tables"]
    wanted = list(listed) if names is None else list(names)
    problems: list[str] = []
    for name in wanted:
        entry = listed.get(name)
        if entry is None:
            problems.append(f"{name}: not written by the run {manifest.get('run_id')}")
            continue
        path = folder / str(entry["file"])
        if not path.exists():
            problems.append(f"{entry['file']}: missing")
        elif _sha256(path) != entry.get("sha256"):
            problems.append(f"{entry['file']}: changed since the run (another or interrupted run)")
    files = {str(e["file"]) for e in listed.values()}
    known = _known_tables()
    strays = sorted(n for n in _table_files(folder) if n not in files and Path(n).stem in known)
    problems += [f"{n}: not from the run recorded in {MANIFEST}" for n in strays]
    if problems:
        raise OutputError(
            f"{folder}: its tables do not belong to one run ({'; '.join(problems)}); "
            "write the folder again"
        )
    return manifest


def read_tables(folder: str | Path, names: Iterable[str] | None = None) -> dict[str, pl.DataFrame]:
    """The tables of an output folder written by ``narratives align`` or ``compare``.

    ``names`` limits the tables read (default: all the manifest lists).
    Only Parquet folders are read back.

    Raises
    ------
    OutputError
        When the folder's tables do not belong to one run (see :func:`check_folder`).
    """
    folder = Path(folder)
    manifest = check_folder(folder, names)
    wanted = list(manifest["tables"]) if names is None else list(names)
    out: dict[str, pl.DataFrame] = {}
    for name in wanted:
        path = folder / str(manifest["tables"][name]["file"])
        if path.suffix != ".parquet":
            raise OutputError(f"{path}: only Parquet tables are read back (write with parquet)")
        out[name] = pl.read_parquet(path)
    return out
