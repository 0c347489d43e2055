"""Write ``contradictions_dev.csv`` from ``contradictions_dev_spec.yaml``.

Every ``text_a`` is a verbatim sentence (or headline) of an article in
``same_event_dev.jsonl`` (checked here). A contradiction's ``text_b`` is
``text_a`` with one minimal manual edit (``old`` -> ``new``, checked to occur
in ``text_a``), or a sentence written out (``text_b``) where the frame changes.
A paraphrase's ``text_b`` is a real sentence of another outlet of the same
story carrying the same claim; an ``unrelated_same_topic`` pair is two real
sentences on one topic that make different claims. See CONTRADICTIONS_README.md.

    python3 data/gold/build_contradictions_dev.py
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FIELDS = ["id", "text_a", "text_b", "label", "kind", "source"]


def articles() -> dict[str, str]:
    """Raw text (title, blank line, text) of every article of the same-event dev set."""
    out = {}
    for line in (HERE / "same_event_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out[r["id"]] = f"{r['title']}\n\n{r['text']}"
    return out


def rows(spec: dict, raw: dict[str, str]) -> list[dict[str, str]]:
    """All pairs of the spec, checked: every sentence verbatim in its article."""
    sent = spec["sentences"]
    for key, s in sent.items():
        if s["text"] not in raw[s["doc"]]:
            raise SystemExit(f"{key}: not verbatim in {s['doc']}")
    out: list[dict[str, str]] = []
    for c in spec["contradictions"]:
        a = sent[c["a"]]
        if "text_b" in c:
            text_b = c["text_b"]
        elif c["old"] in a["text"]:
            text_b = a["text"].replace(c["old"], c["new"], 1)
        else:
            raise SystemExit(f"{c['a']}: {c['old']!r} not in its sentence")
        out.append({"text_a": a["text"], "text_b": text_b, "label": "contradicts",
                    "kind": c["kind"], "source": a["doc"]})
    for label in ("paraphrase", "unrelated_same_topic"):
        for p in spec["paraphrases" if label == "paraphrase" else label]:
            a, b = sent[p["a"]], sent[p["b"]]
            out.append({"text_a": a["text"], "text_b": b["text"], "label": label, "kind": "",
                        "source": f"{a['doc']} | {b['doc']}"})
    return [{"id": f"c{k:03d}", **r} for k, r in enumerate(out, 1)]


def main() -> None:
    spec = yaml.safe_load((HERE / "contradictions_dev_spec.yaml").read_text(encoding="utf-8"))
    data = rows(spec, articles())
    path = HERE / "contradictions_dev.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(data)
    print(f"{len(data)} pairs -> {path}")


if __name__ == "__main__":
    main()
