"""Static export of charts for papers (PNG, SVG, PDF) through vl-convert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import altair as alt

from narratives.viz._embed import standalone_html


def save(chart: alt.TopLevelMixin, path: str | Path, *, scale: float = 2.0) -> Path:
    """Write ``chart`` to ``path``; the suffix picks the format.

    ``.png`` (at ``scale`` times the chart's size), ``.svg``, ``.pdf`` or
    ``.html`` (self-contained: the Vega libraries are inlined, nothing is
    loaded from the network). Rendering is done by vl-convert, offline, with
    the fonts installed on this machine.

    Parameters
    ----------
    chart
        Any chart returned by :mod:`narratives.viz` (or any Altair chart).
    path
        Output file; its parent folder must exist.
    scale
        PNG pixel density (2 = sharp on paper and high-DPI screens).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        For an unknown suffix.

    Examples
    --------
    >>> import altair as alt, polars as pl, narratives.viz as viz
    >>> chart = alt.Chart(pl.DataFrame({"x": [1, 2]})).mark_point().encode(x="x")
    >>> viz.save(chart, "/tmp/chart.svg").suffix
    '.svg'
    """
    import vl_convert as vlc

    path = Path(path)
    suffix = path.suffix.lower()
    spec: dict[str, Any] = chart.to_dict()
    if suffix == ".png":
        path.write_bytes(vlc.vegalite_to_png(spec, scale=scale))
    elif suffix == ".svg":
        path.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    elif suffix == ".pdf":
        path.write_bytes(vlc.vegalite_to_pdf(spec))
    elif suffix in {".html", ".htm"}:
        path.write_text(standalone_html(spec), encoding="utf-8")
    else:
        raise ValueError(
            f"cannot save a chart as {str(path)!r}: use a .png, .svg, .pdf or .html file name"
        )
    return path
