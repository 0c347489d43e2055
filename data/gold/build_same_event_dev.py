"""Rebuild ``same_event_dev.jsonl`` from the SaudiNewsNet daily zips.

Every document of ``same_event_dev.yaml`` names its ``source`` as
``<day>.zip#<position in that day's JSON array>``; this script copies those
records (title and content exactly as crawled) into JSON Lines with the fields
``id, outlet, published, title, text, url``. ``published`` is the day of
``date_extracted`` (the crawl date: the article was published on or before it).

    python3 data/gold/build_same_event_dev.py [--corpus DIR]

SaudiNewsNet: github.com/parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpora" / "saudinewsnet"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=HERE / "same_event_dev.yaml")
    parser.add_argument("--out", type=Path, default=HERE / "same_event_dev.jsonl")
    args = parser.parse_args()
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    days: dict[str, list] = {}
    rows = []
    for doc_id, doc in gold["documents"].items():
        name, pos = doc["source"].split("#")
        if name not in days:
            with zipfile.ZipFile(args.corpus / name) as z:
                days[name] = json.loads(z.read(z.namelist()[0]))
        rec = days[name][int(pos)]
        if rec["source"] != doc["outlet"]:
            raise SystemExit(f"{doc_id}: outlet {rec['source']} != {doc['outlet']}")
        rows.append(
            {
                "id": doc_id,
                "outlet": rec["source"],
                "published": rec["date_extracted"][:10],
                "title": rec["title"],
                "text": rec["content"],
                "url": rec["url"],
            }
        )
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles -> {args.out}")


if __name__ == "__main__":
    main()
