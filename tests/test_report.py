"""`narratives report`: one self-contained, offline HTML file; article text stays inert.

One report is rendered per test session (through the CLI, as the README does)
on the seed articles plus one hostile article carrying markup, a script tag
and a bidi override; every test reads that file. The browser test opens it in
Debian's headless chromium with the network off.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from narratives import __version__
from narratives.cli import main
from narratives.report import ReportError, check_offline, render_report, template_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")

HOSTILE = (
    "<script>alert(1)</script> لافروف يحذر \u202eمن الإرهاب\n"
    "موسكو-سانا\n"
    "قال وزير الخارجية الروسي سيرغي لافروف إن <script>alert(2)</script> مكافحة الإرهاب "
    "يجب أن تكون أولوية مطلقة لدى جميع الدول \u202eدون معايير مزدوجة.\n"
    'وأكد لافروف أن <img src="x" onerror="alert(3)"> روسيا ملتزمة بتحريك مبادرة الرئيس '
    "فلاديمير بوتين حول إنشاء تحالف واسع لمكافحة الإرهاب.\n"
)
TITLE = "Lavrov <b>on</b> Syria"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "005_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "broken.json").write_text("{not json <script>alert(4)</script>", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def rendered(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    start = time.perf_counter()
    # threshold 30: the seeds' cross-outlet paraphrases align, so every chart is drawn
    args = ["report", str(corpus), "-o", str(out), "--title", TITLE, "--threshold", "30"]
    result = CliRunner().invoke(main, args)
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    return out, seconds


@pytest.fixture(scope="session")
def page(rendered: tuple[Path, float]) -> str:
    return rendered[0].read_text(encoding="utf-8")


def test_report_finishes_within_a_minute_and_stays_light(rendered: tuple[Path, float]) -> None:
    path, seconds = rendered
    assert seconds < 60, f"narratives report took {seconds:.0f} s on the seeds"
    assert path.stat().st_size < 10_000_000


def test_report_loads_nothing_from_the_network(page: str) -> None:
    check_offline(page)  # no src/href to another host, no @import, no url() fetch
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "<script></script>", page, flags=re.S)
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", markup, re.I)
    assert "require.js" not in page and "MathJax" not in page
    assert "@font-face" not in page


def test_only_the_inlined_chart_code_is_executable(page: str) -> None:
    scripts = re.findall(r"<script\b([^>]*)>", page, re.I)
    executable = [a for a in scripts if 'type="application/json"' not in a]
    assert len(executable) == 2, executable  # the Vega bundle and the loader
    charts = [a for a in scripts if "narratives-spec" in a]
    assert len(charts) >= 7  # coverage, omissions, emphasis x2, verbs, labels, pairs, terms


def test_article_markup_and_bidi_overrides_are_inert(page: str) -> None:
    for payload in ("<script>alert(1)", "<script>alert(2)", '<img src="x"', "<script>alert(4)"):
        assert payload not in page
    assert "\u202e" not in page
    # the hostile article did reach the report, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "\\u003cscript\\u003ealert(1)" in page


def test_report_records_title_parameters_version_and_contents(page: str, corpus: Path) -> None:
    assert "<title>Lavrov &lt;b&gt;on&lt;/b&gt; Syria</title>" in page
    assert f"narratives {__version__}" in page
    assert str(corpus) in page  # the paths parameter
    toc = re.search(r'<nav class="toc">(.*?)</nav>', page, re.S)
    assert toc and toc.group(1).count("<li>") >= 8
    for section in ("Coverage", "Omissions", "Reporting verbs", "side by side", "Evidence"):
        assert section in toc.group(1)


def test_reading_problems_are_listed_in_the_report_not_dropped(page: str) -> None:
    problems = re.search(r'<details class="problems">(.*?)</details>', page, re.S)
    assert problems and "broken.json" in problems.group(1)
    assert "not valid JSON" in problems.group(1)
    assert page.index("About this report") < page.index('<details class="problems">')


def test_arabic_text_is_present_and_marked_right_to_left(page: str) -> None:
    assert re.search(r'<td dir="rtl">[^<]*لافروف', page)
    assert "سيرغي لافروف" in page


def test_report_template_is_packaged_with_the_library() -> None:
    assert template_path().is_file()
    assert template_path().parent.name == "notebooks"


def test_missing_corpus_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        render_report(tmp_path / "no-such-folder", tmp_path / "r.html")
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nope"), "-o", "r.html"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_page_that_would_fetch_from_a_cdn_is_refused() -> None:
    with pytest.raises(ReportError, match="network"):
        check_offline('<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>')
    with pytest.raises(ReportError, match="network"):
        check_offline("<style>@import url(https://fonts.googleapis.com/css?family=Amiri);</style>")


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-extensions",
        "--proxy-server=127.0.0.1:9",  # nowhere: even without unshare nothing is fetched
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=15000",
    ]
    prefix = ["unshare", "--net"] if shutil.which("unshare") and _can_unshare() else []
    return subprocess.run(
        [*prefix, str(CHROMIUM), *flags, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _can_unshare() -> bool:
    return (
        subprocess.run(["unshare", "--net", "true"], capture_output=True, check=False).returncode
        == 0
    )


@pytest.mark.browser
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install chromium"
)
def test_report_renders_offline_in_a_headless_browser(
    rendered: tuple[Path, float], tmp_path: Path
) -> None:
    path = rendered[0]
    run = _chromium(f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri())
    dom = run.stdout
    n_charts = len(re.findall(r'class="narratives-spec"', path.read_text(encoding="utf-8")))
    drawn = re.findall(r'<svg[^>]*class="marks"', dom)
    assert len(drawn) == n_charts, f"{len(drawn)} of {n_charts} charts drawn"
    # console messages of the report page itself (chromium's own pages log too)
    console = [
        line
        for line in run.stderr.splitlines()
        if ":CONSOLE" in line and f"source: {path.as_uri()}" in line
    ]
    errors = [line for line in console if not re.search(r'CONSOLE[^"]*"WARN ', line)]
    assert not errors, errors
    assert re.search(r"<text[^>]*>[^<]*[\u0600-\u06ff]{3,}", dom), "no Arabic text in the charts"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    _chromium(
        f"--user-data-dir={tmp_path / 'profile2'}",
        "--window-size=1280,4000",
        f"--screenshot={shot}",
        path.as_uri(),
    )
    assert shot.exists() and shot.stat().st_size > 50_000


def test_report_command_passes_its_options_to_render_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def fake(paths: list[Path], output: Path, **options: object) -> Path:
        seen.update(options, paths=paths)
        output.write_text("<html></html>", encoding="utf-8")
        return output

    monkeypatch.setattr("narratives.report.render_report", fake)
    out = tmp_path / "r.html"
    args = ["report", str(SEEDS), "-o", str(out), "--title", "T", "--threshold", "30"]
    result = CliRunner().invoke(main, [*args, "--top", "5", "--text-column", "content"])
    assert result.exit_code == 0, result.output
    assert seen["paths"] == [SEEDS]
    assert (seen["title"], seen["threshold"], seen["top"]) == ("T", 30.0, 5)
    assert seen["read_options"]["text_column"] == "content"  # type: ignore[index]
