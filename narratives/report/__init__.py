"""Self-contained HTML reports, rendered in-process from the tables.

:func:`render_report` takes the frames themselves (those of
:func:`narratives.compare` and the pipeline) and returns one HTML page that
needs nothing from the network: the Vega, Vega-Lite and vega-embed JavaScript
is inlined once (vl-convert carries it), charts are stored as inert JSON,
there is no web font and no CDN script. Every chart mark and table row links
to the statements behind it; the page embeds the articles it cites, and only
those. :func:`read_outputs` reads the tables of an ``align``/``compare``
output folder; :func:`analyse` runs the stages a set of tables still lacks.

The packaged notebook ``narratives/notebooks/report.ipynb`` is an example to
run (it calls these functions); it is not used to render reports.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from narratives.report._inputs import analyse, collect_warnings, is_output_folder, read_outputs
from narratives.report._render import ReportError, check_offline, render_report

__all__ = [
    "ReportError",
    "analyse",
    "check_offline",
    "collect_warnings",
    "is_output_folder",
    "read_outputs",
    "render_report",
    "template_path",
]


def template_path() -> Path:
    """Path of the packaged example report notebook (from a wheel or a checkout)."""
    return Path(str(resources.files("narratives") / "notebooks" / "report.ipynb"))
