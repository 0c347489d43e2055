"""Builders of damaged inputs for the robustness tests (made at test time, nothing committed)."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: one short Arabic article; every builder below uses it so the good parts can be counted
TEXT = (
    "موسكو-سانا\n"
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مع الجانب الأمريكي كانت مثمرة.\n"
    "وأضاف أن الطرفين اتفقا على مواصلة الحوار حول الأزمة السورية.\n"
)

#: how a zip member can be damaged
DAMAGES = ("corrupt", "encrypted", "deflate64", "version64")

_LOCAL, _CENTRAL = b"PK\x03\x04", b"PK\x01\x02"


def _patch(data: bytearray, name: str, local: int | None, central: int | None, value: int) -> None:
    """Set a 2-byte header field of member ``name`` in its local and central headers."""
    encoded = name.encode()
    for sig, field, name_len_at, header in ((_LOCAL, local, 26, 30), (_CENTRAL, central, 28, 46)):
        if field is None:
            continue
        at = 0
        while (at := data.find(sig, at)) != -1:
            (length,) = struct.unpack("<H", data[at + name_len_at : at + name_len_at + 2])
            if bytes(data[at + header : at + header + length]) == encoded:
                data[at + field : at + field + 2] = struct.pack("<H", value)
            at += 4


def damaged_zip(path: Path, damage: str, *, bad: str = "bad.txt", good: str = "good.txt") -> Path:
    """A zip holding one good member and one member damaged as ``damage`` says."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(good, TEXT)
        info = zipfile.ZipInfo(bad)
        info.compress_type = zipfile.ZIP_DEFLATED
        if damage == "version64":
            info.extract_version = 64
        zf.writestr(info, TEXT * 40)
    data = bytearray(path.read_bytes())
    if damage == "encrypted":
        _patch(data, bad, 6, 8, 0x1)
    elif damage == "deflate64":
        _patch(data, bad, 8, 10, 9)
    elif damage == "corrupt":
        at = data.find(_LOCAL, 4)  # the second member's local header
        start = at + 30 + len(bad.encode())
        for k in range(start + 4, start + 60):
            data[k] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m narratives ARGS`` in a subprocess (what a user sees, tracebacks included)."""
    import os

    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "narratives", *args],
        capture_output=True,
        env=full,
        cwd=cwd,
        timeout=300,
    )
    # decoded without newline translation: a "\r" stays a "\r", as grep and a log file see it
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def every_bad_case(root: Path) -> int:
    """A folder holding every bad input of issue 13 at once; returns how many inputs it holds.

    An input is one article-to-be: a text file, an archive member, a JSON line, a CSV
    record, or an entry that cannot be read at all (link, hidden file, archive).
    """
    root.mkdir(parents=True, exist_ok=True)
    inputs = 0
    for outlet in ("outletA", "outletB"):  # same file names in two folders
        (root / outlet).mkdir()
        for i in (1, 2):
            (root / outlet / f"{i}.txt").write_text(f"{TEXT}{outlet} {i}", encoding="utf-8")
            inputs += 1
    (root / ".hidden.txt").write_text(TEXT + "hidden", encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    (root / "outletA" / "loop").symlink_to(root, target_is_directory=True)
    elsewhere = root.parent / f"{root.name}-linked"
    elsewhere.mkdir()
    (elsewhere / "3.txt").write_text(TEXT + "linked", encoding="utf-8")
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    inputs += 4
    for damage in DAMAGES:  # a good member and a damaged one each
        damaged_zip(root / f"{damage}.zip", damage, good=f"good-{damage}.txt")
        inputs += 1 if damage == "version64" else 2  # zipfile cannot list a 6.4 archive
    with zipfile.ZipFile(root / "odd.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../evil.txt", TEXT + "evil")
        zf.writestr(".hidden.txt", TEXT + "h")
        zf.writestr("huge.txt", TEXT.encode() + b" " * (3 * 2**20))
        zf.writestr("fine.txt", TEXT + "fine")
        inputs += 4
    lines = [
        '{"id": "j1", "text": "قال الوزير\u2028إن الحوار مستمر."}',
        '{"id": "j2", "text": "قال المتحدث\u0085إن الاجتماع انتهى."}',
        "{broken",
        '{"id": "j1", "text": "قال الوزير\u2028إن الحوار مستمر."}',  # a true duplicate
        '{"id": "j3", "text": "أكد الرئيس\u2029أن العلاقات قوية."}',
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs += 5
    (root / "feed.csv").write_text(
        'id,text\nc1,"قال الوزير إن الحوار مستمر"\nc2,"قال المتحدث إن الاجتماع انتهى\n'
        'c3,"أكد الرئيس أن العلاقات قوية"\n',
        encoding="utf-8",
    )
    inputs += 3
    (root / "wide.txt").write_bytes((TEXT + "wide").encode("utf-16-le"))
    half = TEXT.splitlines(keepends=True)
    (root / "mixed.txt").write_bytes(
        "".join(half[:2]).encode("utf-8") + ("".join(half[2:]) + "mixed").encode("cp1256")
    )
    (root / "nul.txt").write_bytes(b"\x00" * 64)
    (root / "invisible.txt").write_text("\u200b\u200c\u200f \u2060\n", encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "persian.txt").write_text(
        "وزیر امور خارجه روسیه گفت که گفتگوها با آمریکا مثبت بوده است و این روند ادامه دارد.",
        encoding="utf-8",
    )
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    inputs += 7
    return inputs
