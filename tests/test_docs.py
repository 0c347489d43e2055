"""docs/cli.md documents every command and every option of the CLI.

Regenerate the reference after changing a command:

    python tests/test_docs.py --write
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from narratives.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
CLI_MD = ROOT / "docs" / "cli.md"
DOCS = ["quickstart.md", "case-study.md", "cli.md"]


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(main)
    return {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}  # type: ignore[misc]


def _flags(command: click.Command) -> list[str]:
    """The option strings of a command (``--out``, ``-o`` ...) and its arguments."""
    flags: list[str] = []
    for param in command.params:
        if isinstance(param, click.Option):
            flags += [*param.opts, *param.secondary_opts]
        else:
            flags.append(param.human_readable_name)
    return flags


def _section(text: str, name: str) -> str:
    match = re.search(rf"^## `narratives {name}`\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


def render_cli_reference() -> str:
    """docs/cli.md from the commands' own help."""
    out = [
        "# Command-line reference",
        "",
        "Every command reads a corpus (files, folders or `.zip` archives) and calls one",
        "public function of `narratives`; `narratives COMMAND --help` prints the same text.",
        "This page is generated from the commands (`python tests/test_docs.py --write`) and a",
        "test checks that it lists every command and option.",
        "",
        "```text",
        CliRunner()
        .invoke(main, ["--help"], prog_name="narratives", terminal_width=100)
        .output.rstrip(),
        "```",
        "",
    ]
    for name, command in _commands().items():
        ctx = click.Context(command, info_name=f"narratives {name}", terminal_width=100)
        out += [f"## `narratives {name}`", "", "```text", command.get_help(ctx).rstrip(), "```", ""]
        rows = []
        for param in command.params:
            if isinstance(param, click.Option):
                names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
                default = "" if param.default in (None, False, ()) else f"`{param.default}`"
                help_text = (param.help or "").replace("|", "\\|").replace("\n", " ")
                rows.append(f"| {names} | {default} | {help_text} |")
        if rows:
            out += ["| option | default | meaning |", "| --- | --- | --- |", *rows, ""]
    return "\n".join(out)


def test_every_command_has_a_section_in_the_cli_reference() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    assert set(_commands()) == set(COMMANDS)
    for name in COMMANDS:
        assert _section(text, name), f"docs/cli.md has no section for `narratives {name}`"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_a_command_is_in_its_section(name: str) -> None:
    section = _section(CLI_MD.read_text(encoding="utf-8"), name)
    missing = [flag for flag in _flags(_commands()[name]) if flag not in section]
    assert not missing, (
        f"docs/cli.md misses {missing} of `narratives {name}`: "
        "run python tests/test_docs.py --write"
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_text(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert len(_commands()[name].help or "") > 40


@pytest.mark.parametrize("page", DOCS)
def test_docs_pages_exist_and_link_only_to_existing_files(page: str) -> None:
    path = ROOT / "docs" / page
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (path.parent / target).exists(), f"{page} links to missing {target}"


if __name__ == "__main__" and "--write" in sys.argv:
    CLI_MD.write_text(render_cli_reference(), encoding="utf-8")
    print(f"wrote {CLI_MD}")
