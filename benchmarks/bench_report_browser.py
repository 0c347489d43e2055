"""How heavy a report is and how fast it opens: size, first chart, every chart, clicks.

Opens an HTML report written by ``narratives report`` in Debian's headless
chromium with no network (tests/_browser.py), and prints one line per figure:
the file size, the milliseconds from navigation to the first chart drawn and to
the last (``window.narrativesTimes``, set by the report's script), console
errors and network requests. With ``--shots DIR`` it also clicks a coverage
cell and an omission row (each must open the cited statement inside its
article) and saves screenshots.

    python3 benchmarks/bench_report_browser.py /tmp/full.html --shots /tmp/shots
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _browser import Browser

SECTION_CELL = """(function () {
  var h = [...document.querySelectorAll('h2')].find(x => x.textContent.startsWith(%s));
  if (!h) return null;
  var paths = h.parentNode.querySelectorAll('.narratives-chart g.mark-rect path');
  for (var i = 0; i < paths.length; i++) {
    var d = paths[i].__data__ && paths[i].__data__.datum;
    if (d && d._ev && d.status !== 'absent') return paths[i];
  }
  return null; })()"""
SECTION_ROW = """(function () {
  var h = [...document.querySelectorAll('h2')].find(x => x.textContent.startsWith(%s));
  return h ? h.parentNode.querySelector('tbody tr[data-ev]') : null; })()"""
CURRENT = """(function () {
  var panel = document.getElementById('evidence-panel');
  var mark = panel.querySelector('.panel-article article.evidence mark.current');
  return panel.hidden || !mark ? null : mark.textContent; })()"""
#: headings whose section is photographed with --shots
SECTION_SHOTS = (
    "Story ",
    "Framing",
    "Reporting verbs",
    "Labels",
    "Aligned statements",
    "Omissions",
    "Emphasis",
    "How far",
)
HIDE_PANEL = "document.getElementById('evidence-panel').hidden = true"


def _cpu(root: int) -> float:
    """CPU seconds (user + system) of process ``root`` and all its descendants so far."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    tree, total, todo = {root}, 0.0, [root]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0.0))[1]
        for child, (parent, _) in stats.items():
            if parent == pid and child not in tree:
                tree.add(child)
                todo.append(child)
    return round(total, 2)


def _busy(browser: Browser) -> float:
    """Seconds the page's main thread has worked (Chromium's TaskDuration metric)."""
    metrics = browser.send("Performance.getMetrics")["metrics"]
    return round(next(m["value"] for m in metrics if m["name"] == "TaskDuration"), 2)


def measure(path: Path, shots: Path | None, *, timeout: float = 120.0) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(Path(profile))
        try:
            browser.send("Performance.enable")
            cpu_before = _cpu(browser.proc.pid)
            start = time.monotonic()
            browser.send("Page.navigate", url=path.resolve().as_uri())
            first = browser.wait_for(
                "window.narrativesTimes && window.narrativesTimes.first", timeout=timeout
            )
            busy_first = _busy(browser)
            cpu_first = _cpu(browser.proc.pid) - cpu_before
            last = browser.wait_for(
                "window.narrativesTimes && window.narrativesTimes.all", timeout=timeout
            )
            wall = time.monotonic() - start
            n_charts = browser.evaluate(
                "document.querySelectorAll('script.narratives-spec').length"
            )
            drawn = browser.evaluate(
                "document.querySelectorAll('.narratives-chart[data-ready] svg.marks').length"
            )
            out: dict[str, object] = {
                "file": path.name,
                "mb": round(path.stat().st_size / 1e6, 2),
                "first_chart_ms": round(first),
                "all_charts_ms": round(last),
                "wall_s": round(wall, 2),
                # main-thread busy seconds (parse, script, layout): what a loaded machine inflates
                "busy_s_at_first_chart": busy_first,
                "busy_s_at_all_charts": _busy(browser),
                # CPU seconds of every chromium process from navigation to the first chart
                "chromium_cpu_s_at_first_chart": round(cpu_first, 2),
                "charts": f"{drawn} of {n_charts} drawn",
                "articles_embedded": browser.evaluate(
                    "document.querySelectorAll('article.evidence').length"
                ),
            }
            if shots is not None:
                shots.mkdir(parents=True, exist_ok=True)
                stem = path.stem
                browser.screenshot(shots / f"{stem}-top.png")
                clicks = {
                    "story-cell": SECTION_CELL % "'Story '",
                    "coverage-cell": SECTION_CELL % "'Coverage'",
                    "omission-row": SECTION_ROW % "'Omissions'",
                    "framing-row": SECTION_ROW % "'Framing'",
                }
                for name, element in clicks.items():
                    browser.evaluate(HIDE_PANEL)
                    try:
                        browser.click(element)
                        out[name] = bool(browser.wait_for(CURRENT, timeout=5))
                    except AssertionError:
                        out[name] = "nothing to click (no such section or mark)"
                        continue
                    except TimeoutError:
                        out[name] = "failed: the click opened no statement"
                        continue
                    browser.screenshot(shots / f"{stem}-{name}.png")
                browser.evaluate(HIDE_PANEL)
                titles = browser.evaluate(
                    "[...document.querySelectorAll('main h2, main h3')].map(h => h.textContent)"
                )
                for k, title in enumerate(titles):
                    if not any(title.startswith(w) for w in SECTION_SHOTS):
                        continue
                    browser.evaluate(
                        "[...document.querySelectorAll('main h2, main h3')]"
                        f"[{k}].scrollIntoView({{block: 'start'}})"
                    )
                    time.sleep(0.3)
                    browser.screenshot(shots / f"{stem}-section-{k:02d}.png")
                out["kerry_zaama_drawn"] = browser.evaluate(
                    "[...document.querySelectorAll('.narratives-chart svg text')]"
                    ".some(t => t.textContent.includes('زعم'))"
                )
            browser.drain()
            out["console_errors"] = browser.errors()
            out["requests"] = [
                u for u in browser.requests() if not u.startswith(("file:", "data:"))
            ]
            return out
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reports", nargs="+", type=Path)
    parser.add_argument("--shots", type=Path, default=None, help="folder for screenshots")
    args = parser.parse_args()
    for path in args.reports:
        print(json.dumps(measure(path, args.shots), ensure_ascii=False))


if __name__ == "__main__":
    main()
