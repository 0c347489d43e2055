"""narratives: cross-source narrative comparison of news.

Align statements across outlets by fuzzy matching on Arabic-normalized text,
compute what each outlet carried, stressed, worded differently or left out,
and show it in Altair charts and self-contained HTML reports.

The public API is imported lazily: ``import narratives`` loads no model and
touches no network.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name -> module that defines it
_API: dict[str, str] = {
    "read_corpus": "narratives.io",
    "normalize": "narratives.normalize",
    "extract_statements": "narratives.statements",
    "align": "narratives.align",
    "cluster_claims": "narratives.align",
    "similarity": "narratives.align",
    "group_stories": "narratives.stories",
    "evaluate": "narratives.evaluate",
    "compare": "narratives.compare",
    "render_report": "narratives.report",
    "read_outputs": "narratives.report",
    "viz": "narratives.viz",
    "schemas": "narratives.schemas",
}

#: public names that are modules rather than functions
_MODULES = frozenset({"viz", "schemas"})

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'narratives' has no attribute {name!r}")
    mod = importlib.import_module(module)
    value = mod if name in _MODULES else getattr(mod, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
