"""Write docs/tables.md from the schemas and column comments in narratives/schemas.py.

python docs/make_tables.py          # rewrite docs/tables.md
python docs/make_tables.py --check  # exit 1 if docs/tables.md is out of date (tests call this)
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "narratives" / "schemas.py"
TARGET = ROOT / "docs" / "tables.md"

HEADER = """# Tables

Every table that flows between the stages, generated from
`narratives/schemas.py` by `python docs/make_tables.py` (a test checks that
this page is up to date). Offsets (`start`, `end`) are character offsets into
the article's `raw_text`: `raw_text[start:end]` is the text they describe.

    files ─► read_corpus ─► ARTICLES ─► extract_statements ─► STATEMENTS (+ ENTITY_MENTIONS)
          ─► align ─► ALIGNMENTS ─► cluster_claims ─► CLAIMS ─► compare ─► comparison tables

`ARTICLES.spans` is a list of `{role, start, end}`: `role` is `headline`,
`subheadline` (a crosshead inside the body), `body`, `dateline`, `credit`,
`date` or `boilerplate`. Cleaning keeps the first three as text and records
the rest (outlet and date inference use them), so nothing is dropped without a
trace.
"""

_COLUMN = re.compile(r'^\s*"(?P<name>\w+)":\s*(?P<dtype>[^#]+?),?\s*(?:#\s*(?P<note>.*))?$')


def _dtype(text: str) -> str:
    return text.strip().rstrip(",").replace("pl.", "")


def render() -> str:
    source = SOURCE.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parts = [HEADER]
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        call = node.value
        if not (isinstance(call, ast.Call) and ast.unparse(call.func) == "pl.Schema"):
            continue
        # the comment block right above the schema, if any
        above: list[str] = []
        i = node.lineno - 2
        while i >= 0 and lines[i].lstrip().startswith("#") and "----" not in lines[i]:
            above.insert(0, lines[i].lstrip()[1:].strip())
            i -= 1
        parts.append(f"\n## `{name}`\n")
        if above:
            parts.append(" ".join(line for line in above if line) + "\n")
        parts.append("\n| column | type | meaning |\n|---|---|---|")
        pending: list[str] = []
        for line in lines[node.lineno - 1 : node.end_lineno]:
            stripped = line.strip()
            if stripped.startswith("#"):
                pending.append(stripped[1:].strip())
                continue
            match = _COLUMN.match(line)
            if match:
                note = " ".join([*pending, match.group("note") or ""]).strip()
                note = note.replace("|", "\\|")
                dtype = _dtype(match.group("dtype"))
                parts.append(f"| `{match.group('name')}` | {dtype} | {note} |")
                pending = []
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python docs/make_tables.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
