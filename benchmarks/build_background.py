"""Build ``narratives/lexicons/background_df.tsv.gz`` from SaudiNewsNet.

Document frequencies of the match words (content tokens as
:func:`narratives.align._text.content_tokens` makes them, without removing
stopwords) and of their character 3-4-grams, counted over the sentences of
the 31,030 SaudiNewsNet articles (sentences: text between full stops,
question and exclamation marks and line breaks). Only the most frequent
terms are kept; terms left out are rarer than the rarest kept one.

    python benchmarks/build_background.py [--corpus /work/shared/corpora/saudinewsnet]

SaudiNewsNet (Mazen Alzahrani, 2015) is CC BY-NC-SA 4.0; the table holds
counts derived from it, with that origin and licence noted in
``narratives/lexicons/README.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

from narratives.align import _tfidf
from narratives.align._text import content_tokens
from narratives.normalize import normalize

OUT = Path(__file__).resolve().parents[1] / "narratives" / "lexicons" / "background_df.tsv.gz"
_SENTENCE = re.compile(r"[.!?؟\n]+")


def sentences(corpus: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for article in json.loads(z.read(name)):
                    for text in (article.get("title") or "", article.get("content") or ""):
                        out.extend(s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 10)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpora/saudinewsnet"))
    parser.add_argument("--words", type=int, default=40_000)
    parser.add_argument("--grams", type=int, default=40_000)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    texts = sentences(args.corpus)
    # distinct sentences only: syndicated copy would count one sentence many times
    texts = list(dict.fromkeys(texts))
    normalized = [normalize(t) for t in texts]
    tokens = content_tokens(texts, stopwords=frozenset(), normalized=normalized)
    words: Counter[str] = Counter()
    for toks in tokens:
        words.update(set(toks))
    grams: Counter[str] = Counter()
    step = 50_000
    for s in range(0, len(tokens), step):
        counts, names = _tfidf.char_counts(tokens[s : s + step], names=True)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        grams.update(dict(zip(names, df.tolist(), strict=True)))
    n = len(texts)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# Sentence document frequencies of match words and their character 3-4-grams\n")
        f.write("# in SaudiNewsNet (31,030 Saudi news articles, 2015; CC BY-NC-SA 4.0).\n")
        f.write("# Built by benchmarks/build_background.py; kind: total | word | char.\n")
        f.write("kind\tterm\tdf\n")
        f.write(f"total\t\t{n}\n")
        for w, c in words.most_common(args.words):
            f.write(f"word\t{w}\t{c}\n")
        for g, c in grams.most_common(args.grams):
            f.write(f"char\t{g}\t{c}\n")
    print(f"{n} sentences, {len(words)} words, {len(grams)} grams -> {args.out}")


if __name__ == "__main__":
    main()
