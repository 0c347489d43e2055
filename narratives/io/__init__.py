"""Reading a corpus into the ARTICLES table (:data:`narratives.schemas.ARTICLES`).

:func:`read_corpus` reads files, folders and zip archives; the per-article
functions it is made of (:func:`clean_article`, :func:`infer_outlet`,
:func:`infer_date`, :func:`articles_from_records`) work on single articles or
partitions and do no I/O.
"""

from __future__ import annotations

from narratives.io._corpus import articles_from_records, read_corpus
from narratives.io._errors import IngestError, NarrativesIngestWarning
from narratives.io._language import detect_language
from narratives.io.clean import CleanedArticle, clean_article, load_rules
from narratives.io.dates import infer_date, parse_date_value
from narratives.io.outlets import infer_outlet, load_outlets

__all__ = [
    "CleanedArticle",
    "IngestError",
    "NarrativesIngestWarning",
    "articles_from_records",
    "clean_article",
    "detect_language",
    "infer_date",
    "infer_outlet",
    "load_outlets",
    "load_rules",
    "parse_date_value",
    "read_corpus",
]
