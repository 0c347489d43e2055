"""The ``narratives`` command line: a thin layer over the public functions.

Each command lives in its own module (``narratives/cli/<command>.py``) and
exposes a click command named ``command``; this group imports a module only
when its command runs, so ``narratives --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from typing import Any

import click

from narratives import __version__

#: command name -> module defining ``command``
COMMANDS: dict[str, str] = {
    "ingest": "narratives.cli.ingest",
    "statements": "narratives.cli.statements",
    "align": "narratives.cli.align",
    "evaluate": "narratives.cli.evaluate",
    "compare": "narratives.cli.compare",
    "report": "narratives.cli.report",
    "similarity": "narratives.cli.similarity",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(module).command
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="narratives")
def main(**_: Any) -> None:
    """Compare how news outlets report the same statements.

    Typical run on the bundled sample corpus:

        narratives report data/seeds -o report.html
    """
    _exit_cleanly_on_sigterm()
    click.get_current_context().with_resource(_warnings_on_one_line())


@contextlib.contextmanager
def _warnings_on_one_line() -> Iterator[None]:
    """Print Python warnings as ``warning: Category: message``, one line, no source line."""
    import warnings

    from narratives.cli._options import echo_warning

    shown = warnings.showwarning

    def show(message: Any, category: type[Warning], *_args: Any, **_kw: Any) -> None:
        echo_warning(f"{category.__name__}: {' '.join(str(message).split())}")

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = shown


def _exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so temporary files and folders are removed on the way out."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
