"""Look shared by every chart: Arabic-capable fonts, colours, RTL text (private).

No web fonts: the font stack names fonts commonly installed with an Arabic
script (Noto, DejaVu, Arial, Tahoma) and ends with a generic family, so a chart
renders offline wherever it is opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import altair as alt

from narratives.schemas import COVERAGE_STATUSES

FONT = "'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', Tahoma, Arial, 'Segoe UI', sans-serif"
FONT_SIZE = 13

#: colour of each coverage status (schemas.COVERAGE_STATUSES), strongest first:
#: blues for how closely the outlet's wording matches another outlet's,
#: gold for a claim only this outlet carries, light grey for absent.
#: Category colours are never used for outlets (see OUTLET_PALETTE).
RELATIONS: tuple[str, ...] = COVERAGE_STATUSES
RELATION_COLORS: tuple[str, ...] = (
    "#08306b",
    "#2171b5",
    "#6baed6",
    "#c6dbef",
    "#fec44f",
    "#efefef",
    "#ffffff",  # not_covered: the outlet did not cover the claim's story
)

#: word highlighting in the side-by-side view
SHARED_COLOR = "#404040"
CHANGED_COLOR = "#c2185b"

#: one colour per outlet, the same in every chart of a report: outlets are
#: sorted and take the colours in this order (20 distinct colours, strong
#: ones first; beyond 20 outlets colours repeat). None of them is used for a
#: category (coverage status, verb class, connotation).
OUTLET_PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#c7c7c7",
    "#dbdb8d",
    "#9edae5",
)


def outlet_colors(outlets: Iterable[str | None]) -> dict[str, str]:
    """Colour of each outlet: sorted outlets take :data:`OUTLET_PALETTE` in order.

    Pass every outlet of a corpus (not only those of one chart) so an outlet
    keeps its colour across charts.

    Examples
    --------
    >>> outlet_colors(["sana", "rt-arabic"])["rt-arabic"]
    '#1f77b4'
    """
    names = sorted({o for o in outlets if o})
    return {o: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, o in enumerate(names)}


def outlet_scale(outlets: Iterable[str | None]) -> alt.Scale:
    """Colour scale of outlets (domain: the sorted ``outlets``)."""
    colors = outlet_colors(outlets)
    return alt.Scale(domain=list(colors), range=list(colors.values()))


ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)


def config() -> dict[str, Any]:
    """Return the Vega-Lite ``config`` used by every narratives chart."""
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None},
        "axis": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": FONT_SIZE - 1,
            "titleFontSize": FONT_SIZE,
            "labelLimit": 0,
            "grid": False,
        },
        "legend": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": FONT_SIZE - 1,
            "titleFontSize": FONT_SIZE,
            "labelLimit": 0,
        },
        "header": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": FONT_SIZE,
            "titleFontSize": FONT_SIZE,
            "labelLimit": 0,
        },
        "title": {"font": FONT, "fontSize": FONT_SIZE + 2, "anchor": "start", "subtitleFont": FONT},
        "text": {"font": FONT, "fontSize": FONT_SIZE},
        "range": {"category": list(OUTLET_PALETTE)},
    }


def configure(chart: ChartT) -> ChartT:
    """Apply the narratives look to a top-level chart and return it.

    Every ``narratives.viz`` function calls this unless given
    ``configure=False``; pass that when you want to combine charts with
    ``alt.hconcat``/``alt.vconcat`` and configure the result once.

    Examples
    --------
    >>> import altair as alt, narratives.viz as viz
    >>> c = viz.configure(alt.Chart().mark_point())
    >>> c.to_dict()["config"]["font"].endswith("sans-serif")
    True
    """
    configured: ChartT = chart.configure(**config())
    return configured


def relation_scale() -> alt.Scale:
    """Colour scale mapping relation names to :data:`RELATION_COLORS`."""
    return alt.Scale(domain=list(RELATIONS), range=list(RELATION_COLORS))
