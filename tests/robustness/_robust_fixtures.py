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
    return subprocess.run(
        [sys.executable, "-m", "narratives", *args],
        capture_output=True,
        text=True,
        env=full,
        cwd=cwd,
        timeout=300,
    )
