"""Look shared by every chart: Arabic-capable fonts, colours, RTL text (private).

No web fonts: the font stack names fonts commonly installed with an Arabic
script (Noto, DejaVu, Arial, Tahoma) and ends with a generic family, so a chart
renders offline wherever it is opened.
"""

from __future__ import annotations

from typing import Any, TypeVar

import altair as alt

from narratives.schemas import COVERAGE_STATUSES

FONT = "'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', Tahoma, Arial, 'Segoe UI', sans-serif"
FONT_SIZE = 13

#: colour of each coverage status (schemas.COVERAGE_STATUSES), strongest first:
#: blues for how closely the outlet's wording matches another outlet's,
#: orange for a claim only this outlet carries, light grey for absent
RELATIONS: tuple[str, ...] = COVERAGE_STATUSES
RELATION_COLORS: tuple[str, ...] = (
    "#08306b",
    "#2171b5",
    "#6baed6",
    "#c6dbef",
    "#fd8d3c",
    "#efefef",
    "#ffffff",  # not_covered: the outlet did not cover the claim's story
)

#: word highlighting in the side-by-side view
SHARED_COLOR = "#404040"
CHANGED_COLOR = "#c2185b"

#: categorical palette for outlets (colour-blind safe, Okabe-Ito)
OUTLET_PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)

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
