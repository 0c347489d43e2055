"""Charts in HTML without the network and without executable article text (private).

A chart becomes an empty ``<div>`` plus its Vega-Lite spec in a
``<script type="application/json">`` block (data, never executed), with
``<``, ``>``, ``&`` and the JavaScript line separators escaped inside the
JSON, so text such as ``</script><script>alert(1)`` in an article cannot end
the block. One inlined script (the Vega, Vega-Lite and vega-embed bundle that
vl-convert carries, plus :data:`LOADER_JS`) draws every chart of the page.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any

#: vega-embed options: SVG (crisp, searchable text), no action menu (its links go online)
EMBED_OPTIONS: dict[str, Any] = {"renderer": "svg", "actions": False}

LOADER_JS = """
(function () {
  "use strict";
  function draw() {
    var blocks = document.querySelectorAll("script.narratives-spec");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      var target = document.getElementById(block.getAttribute("data-target"));
      if (!target || target.getAttribute("data-drawn")) { continue; }
      target.setAttribute("data-drawn", "1");
      var spec = JSON.parse(block.textContent);
      var options = JSON.parse(block.getAttribute("data-options") || "{}");
      vegaEmbed(target, spec, options).catch(function (err) { console.error(err); });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
"""


def safe_json(value: Any) -> str:
    """JSON text safe inside an HTML ``<script>`` element (no ``</script>`` can occur)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def chart_block(spec: dict[str, Any], div_id: str) -> str:
    """The HTML of one chart: a target ``<div>`` and its spec as inert JSON."""
    ident = html.escape(div_id, quote=True)
    options = html.escape(json.dumps(EMBED_OPTIONS), quote=True)
    return (
        f'<div class="narratives-chart" id="{ident}" dir="ltr"></div>'
        f'<script type="application/json" class="narratives-spec" data-target="{ident}" '
        f'data-options="{options}">{safe_json(spec)}</script>'
    )


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed JavaScript (from vl-convert), once per process."""
    import vl_convert as vlc

    bundle: str = vlc.javascript_bundle()  # type: ignore[call-arg]
    return bundle.replace("</script", "<\\/script")


def scripts() -> str:
    """The ``<script>`` elements that draw every chart block of a page."""
    return (
        f'<script type="text/javascript">{vega_bundle()}</script>\n'
        f'<script type="text/javascript">{LOADER_JS}</script>'
    )


def standalone_html(spec: dict[str, Any], *, title: str = "Chart") -> str:
    """A complete offline HTML page showing one chart."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>"
        f"{chart_block(spec, 'chart')}\n{scripts()}</body></html>\n"
    )


_counter = iter(range(1, 1 << 62))


def renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    """Altair renderer: a chart block as ``text/html`` (no script runs in the notebook)."""
    import hashlib

    digest = hashlib.sha1(safe_json(spec).encode("utf-8")).hexdigest()[:10]
    div_id = f"chart-{digest}-{next(_counter)}"
    return {"text/html": chart_block(spec, div_id), "text/plain": "<chart>"}


def offline_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """Altair renderer for notebooks that needs no network anywhere.

    Returns the Vega-Lite spec under its own MIME type (JupyterLab, Notebook 7
    and VS Code draw it interactively with the Vega they bundle) and a static
    SVG rendered here by vl-convert (what nbconvert's HTML export, GitHub and
    other viewers show). No ``text/html`` with CDN scripts is emitted.
    """
    import vl_convert as vlc

    try:
        svg = vlc.vegalite_to_svg(spec)
    except Exception as err:  # a chart vl-convert cannot draw still shows its spec
        svg = None
        text = f"<chart: static rendering failed: {err}>"
    else:
        text = "<chart>"
    bundle: dict[str, Any] = {"application/vnd.vegalite.v6+json": spec, "text/plain": text}
    if svg is not None:
        bundle["image/svg+xml"] = svg
    return bundle


def enable_offline() -> None:
    """Draw Altair charts without the network in notebooks and their HTML exports.

    Registers and enables the ``narratives-offline`` renderer
    (:func:`offline_renderer`): call it once at the top of a notebook. The
    default Altair renderer loads Vega from a CDN, which fails offline and in
    exported HTML ("Error loading script").

    Examples
    --------
    >>> import altair as alt, narratives.viz as viz
    >>> viz.enable_offline()
    >>> alt.renderers.active
    'narratives-offline'
    """
    import altair as alt

    alt.renderers.register("narratives-offline", offline_renderer)
    alt.renderers.enable("narratives-offline")


def setup_notebook(*, text_chars: int = 600) -> None:
    """Set a notebook up for reading Arabic news tables offline.

    Charts are drawn without the network (:func:`enable_offline`), and polars
    shows strings up to ``text_chars`` characters (its default cuts a
    statement after 30), so a statement can be read in full.

    Examples
    --------
    >>> import narratives.viz as viz
    >>> viz.setup_notebook()
    """
    import polars as pl

    enable_offline()
    pl.Config.set_fmt_str_lengths(text_chars)
    pl.Config.set_tbl_width_chars(max(200, text_chars))
