"""Charts of the comparison tables (Altair), for notebooks, reports and papers.

Every function takes the tidy frames returned by :func:`narratives.compare`
(or :func:`narratives.align`) and returns an ``alt.Chart``; none computes a
metric or writes a file. Arabic text is drawn right to left with
Arabic-capable fonts, labels are cut between words, rows are capped (``top``)
so charts stay legible, and every string from an article is cleaned of control
and bidi-override characters before it is drawn (it is drawn as text, never as
markup). :func:`save` exports any chart as PNG/SVG/PDF for papers.
"""

from __future__ import annotations

from narratives.viz._embed import enable_offline, setup_notebook
from narratives.viz._html import Table, table
from narratives.viz._theme import OUTLET_PALETTE, config, configure, outlet_colors
from narratives.viz.coverage import coverage_heatmap, omission_bars
from narratives.viz.emphasis import emphasis_by_claim, emphasis_by_outlet
from narratives.viz.export import save
from narratives.viz.framing import label_choices, reporting_verbs
from narratives.viz.headlines import headlines
from narratives.viz.side_by_side import side_by_side
from narratives.viz.voices import voices_by_outlet
from narratives.viz.wording import distinguishing_terms, substitution_table

__all__ = [
    "OUTLET_PALETTE",
    "Table",
    "config",
    "configure",
    "coverage_heatmap",
    "distinguishing_terms",
    "emphasis_by_claim",
    "emphasis_by_outlet",
    "enable_offline",
    "headlines",
    "label_choices",
    "omission_bars",
    "outlet_colors",
    "reporting_verbs",
    "save",
    "setup_notebook",
    "side_by_side",
    "substitution_table",
    "table",
    "voices_by_outlet",
]
