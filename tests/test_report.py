"""`narratives report`: one offline HTML file; every figure one click from its evidence.

One report is rendered per test session (through the CLI, as the README does)
on the seed articles plus one hostile article carrying markup, a script tag
and a bidi override; most tests read that file. The browser tests open it in
Debian's headless chromium with the network off (tests/_browser.py) and click
through it; screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

import narratives as nv
from narratives import __version__
from narratives.align import align, cluster_claims
from narratives.cli import main
from narratives.compare import compare
from narratives.report import ReportError, check_offline, read_outputs, render_report

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _browser import CHROMIUM, Browser

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
ARTIFACTS = ROOT / "tests" / "artifacts"
SNN = Path("/work/shared/corpora/saudinewsnet")

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
def rendered(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float, str]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    start = time.perf_counter()
    # threshold 30: the seeds' cross-outlet paraphrases align, so every chart is drawn
    args = ["report", str(corpus), "-o", str(out), "--title", TITLE, "--threshold", "30"]
    args += ["--comparable", "speaker"]  # the seeds cover five occasions: one story each
    result = CliRunner().invoke(main, args)
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    return out, seconds, result.output


@pytest.fixture(scope="session")
def page(rendered: tuple[Path, float, str]) -> str:
    return rendered[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_tables() -> dict[str, pl.DataFrame]:
    articles = nv.read_corpus(SEEDS)
    statements = nv.extract_statements(articles)
    # the functions from their modules: once another test imported the subpackage
    # narratives.compare, `nv.compare` is that module (see the closing note)
    alignments = align(statements, threshold=30)
    claims = cluster_claims(statements, alignments, threshold=30)
    tables = compare(articles, statements, alignments, claims)
    return {
        "articles": articles,
        "statements": statements,
        "alignments": alignments,
        "claims": claims,
        **tables,
    }


def test_report_finishes_within_a_minute_and_stays_light(
    rendered: tuple[Path, float, str],
) -> None:
    path, seconds, _ = rendered
    assert seconds < 60, f"narratives report took {seconds:.0f} s on the seeds"
    assert path.stat().st_size < 10_000_000


def test_report_prints_its_phases_on_stderr(rendered: tuple[Path, float, str]) -> None:
    output = rendered[2]
    for phase in ("reading the corpus", "statements:", "align:", "compare:", "rendering", "wrote"):
        assert f"report: {phase}" in output


def test_report_loads_nothing_from_the_network(page: str) -> None:
    check_offline(page)  # no src/href to another host, no @import, no url() fetch
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "<script></script>", page, flags=re.S)
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src)\s*=", markup, re.I)
    assert "require.js" not in page and "MathJax" not in page
    assert "@font-face" not in page


def test_only_the_inlined_chart_code_is_executable(page: str) -> None:
    scripts = re.findall(r"<script\b([^>]*)>", page, re.I)
    executable = [a for a in scripts if 'type="application/json"' not in a]
    assert len(executable) == 2, executable  # the Vega bundle and the report's own script
    charts = [a for a in scripts if "narratives-spec" in a]
    # coverage, omissions, emphasis, verbs, labels, pairs; on the seeds (five events) the
    # per-outlet emphasis summary and the distinguishing terms are empty (issue 11: outlets
    # compared on stories they share; terms only with |z| >= 1.96)
    assert len(charts) >= 6


def test_article_markup_and_bidi_overrides_are_inert(page: str) -> None:
    for payload in ("<script>alert(1)", "<script>alert(2)", '<img src="x"', "<script>alert(4)"):
        assert payload not in page
    assert "\u202e" not in page
    # the hostile article did reach the report, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "\\u003cscript\\u003ealert(1)" in page


def test_report_records_title_parameters_version_and_contents(page: str) -> None:
    assert "<title>Lavrov &lt;b&gt;on&lt;/b&gt; Syria</title>" in page
    assert f"narratives {__version__}" in page
    toc = re.search(r'<nav class="toc">(.*?)</nav>', page, re.S)
    assert toc and toc.group(1).count("<li>") >= 10
    for section in ("corpus holds", "trusted", "Coverage", "Omissions", "Framing", "side by side"):
        assert section in toc.group(1)
    assert "Evidence: the articles cited" in toc.group(1)


def test_no_absolute_local_path_anywhere(page: str, corpus: Path) -> None:
    assert str(corpus) not in page
    assert str(ROOT) not in page
    assert not re.search(r"(?<![\w/])/(?:tmp|home|root|work|Users)/", page)
    about = re.search(r'<table class="narratives-table about">(.*?)</table>', page, re.S)
    assert about is not None
    assert "None" not in about.group(1) and "{" not in about.group(1)
    assert re.search(r"<th>threshold</th><td>30.0</td>", about.group(1))


def test_reading_problems_are_listed_in_the_report_not_dropped(page: str) -> None:
    problems = re.search(r'<details class="problems">(.*?)</details>', page, re.S)
    assert problems and "broken.json" in problems.group(1)
    assert "not valid JSON" in problems.group(1)


def test_arabic_text_is_present_and_marked_right_to_left(page: str) -> None:
    assert re.search(r'<td dir="rtl">[^<]*لافروف', page)
    assert "سيرغي لافروف" in page


def test_every_link_to_evidence_lands_on_a_statement_in_an_embedded_article(page: str) -> None:
    anchors = set(re.findall(r'<mark class="st" id="([^"]+)"', page))
    anchors |= set(re.findall(r'class="st-anchor" id="([^"]+)"', page))
    cited = set()
    for value in re.findall(r'data-ev="([^"]+)"', page):
        cited |= set(value.split())
    for spec in re.findall(r'class="narratives-spec"[^>]*>(.*?)</script>', page, re.S):
        for rows in json.loads(spec).get("datasets", {}).values():
            for row in rows:
                cited |= set(str(row.get("_ev", "")).split())
    cited.discard("")
    assert cited, "nothing links to evidence"
    assert cited <= anchors, sorted(cited - anchors)[:5]
    # the coverage chart and the omission table carry links
    assert re.search(r'<tr data-ev="s-', page)


def test_report_embeds_only_the_articles_it_cites(page: str) -> None:
    embedded = re.findall(r'<article class="evidence" id="([^"]+)"', page)
    assert embedded
    for art in re.findall(r'<article class="evidence".*?</article>', page, re.S):
        assert '<mark class="st"' in art  # an article is embedded only for a cited statement
    # a URL is a working link, isolated left to right
    assert 'href="http' not in page or '<bdi dir="ltr">http' in page


def test_sana_distancing_verb_for_kerry_is_never_cut(page: str) -> None:
    specs = [
        json.loads(s)
        for s in re.findall(r'class="narratives-spec"[^>]*>(.*?)</script>', page, re.S)
    ]
    verbs = [s for s in specs if "Reporting verbs" in json.dumps(s.get("title", ""))]
    assert verbs
    rows = [r for d in verbs[0]["datasets"].values() for r in d]
    assert any(
        r.get("speaker") == "kerry" and "زعم" in r.get("verb", "") and r.get("outlet") == "sana"
        for r in rows
    )


def test_render_report_takes_the_frames_themselves(seed_tables: dict[str, pl.DataFrame]) -> None:
    page = nv.render_report(seed_tables, title="From Python", parameters={"threshold": 30})
    check_offline(page)
    assert "<title>From Python</title>" in page
    # a frame the user filtered is what the report shows
    only_sana = {
        **seed_tables,
        "reporting_verbs": seed_tables["reporting_verbs"].filter(pl.col("outlet") == "sana"),
    }
    filtered = render_report(only_sana, title="Filtered")
    verbs = re.search(r"Reporting verbs by outlet and speaker.*?</script>", filtered, re.S)
    assert verbs and '"outlet":"rt-arabic"' not in verbs.group(0)


def test_render_report_needs_statements() -> None:
    with pytest.raises(ValueError, match="statements"):
        render_report({"articles": pl.DataFrame()})


def _saved(folder: Path, tables: dict[str, pl.DataFrame]) -> Path:
    """``tables`` written to ``folder`` as a compare output folder (one Parquet file each)."""
    folder.mkdir()
    for name, frame in tables.items():
        frame.write_parquet(folder / f"{name}.parquet")
    return folder


def test_report_from_a_compare_output_folder_reads_tables_not_a_corpus(
    tmp_path: Path, seed_tables: dict[str, pl.DataFrame]
) -> None:
    folder = _saved(tmp_path / "compared", seed_tables)
    assert set(read_outputs(folder)) == set(seed_tables)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert "reading the tables" in result.output
    assert "compare:" not in result.output  # the saved comparisons are used as they are
    page = out.read_text(encoding="utf-8")
    assert "Coverage" in page and "No problems while reading" in page
    # an analysis option recomputes the comparisons from the saved pipeline tables
    again = CliRunner().invoke(main, ["report", str(folder), "-o", str(out), "--comparable", "all"])
    assert again.exit_code == 0 and "compare:" in again.output


def test_report_from_an_align_output_folder_runs_only_the_comparisons(tmp_path: Path) -> None:
    folder = tmp_path / "aligned"
    done = CliRunner().invoke(main, ["align", str(SEEDS), "-o", str(folder), "--threshold", "30"])
    assert done.exit_code == 0, done.output
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""  # --quiet
    assert "Which outlet carried which claim" in out.read_text(encoding="utf-8")


def test_report_has_every_analysis_option_of_compare() -> None:
    from narratives.cli import compare, report

    def names(cmd: object) -> set[str]:
        return {o for p in cmd.params for o in p.opts}  # type: ignore[attr-defined]

    missing = names(compare.command) - names(report.command) - {"--format"}
    assert not missing


def test_every_compare_option_of_report_reaches_narratives_compare(
    seed_tables: dict[str, pl.DataFrame],
) -> None:
    from narratives.cli import report

    defaults = {p.name: p.default for p in report.command.params if p.name in report._ANALYSIS}
    options = report._compare_options(defaults)
    tables = compare(
        seed_tables["articles"],
        seed_tables["statements"],
        seed_tables["alignments"],
        seed_tables["claims"],
        **options,
    )  # an option compare does not know raises TypeError
    assert "coverage" in tables


def test_report_runs_from_a_folder_holding_a_narratives_dir(tmp_path: Path) -> None:
    (tmp_path / "narratives").mkdir()
    out = tmp_path / "r.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "narratives", "report", str(SEEDS), "-o", str(out), "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert out.stat().st_size > 100_000


def test_missing_corpus_path_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nope"), "-o", "r.html"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_page_that_would_fetch_from_a_cdn_is_refused() -> None:
    with pytest.raises(ReportError, match="network"):
        check_offline('<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>')
    with pytest.raises(ReportError, match="network"):
        check_offline("<style>@import url(https://fonts.googleapis.com/css?family=Amiri);</style>")


def test_report_command_passes_its_options_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def fake(tables: dict[str, pl.DataFrame], **options: object) -> str:
        seen.update(options)
        return "<html></html>"

    monkeypatch.setattr("narratives.report.render_report", fake)
    out = tmp_path / "r.html"
    args = ["report", str(SEEDS), "-o", str(out), "--title", "T", "--threshold", "30"]
    result = CliRunner().invoke(main, [*args, "--top", "5", "--rows", "7", "-q"])
    assert result.exit_code == 0, result.output
    assert (seen["title"], seen["top"], seen["rows"]) == ("T", 5, 7)
    assert seen["parameters"]["threshold"] == 30.0  # type: ignore[index]


# --- in a browser ---------------------------------------------------------------

COVERAGE_CELL = """(function () {
  var h = [...document.querySelectorAll('h2')].find(x => x.textContent.startsWith('Coverage'));
  var paths = h.parentNode.querySelectorAll('.narratives-chart g.mark-rect path');
  for (var i = 0; i < paths.length; i++) {
    var d = paths[i].__data__ && paths[i].__data__.datum;
    if (d && d._ev && d.status !== 'absent') return paths[i];
  }
  return null; })()"""
STORY_CELL = COVERAGE_CELL.replace("startsWith('Coverage')", "startsWith('Story ')").replace(
    "var paths = h.", "if (!h) return null; var paths = h."
)
OMISSION_ROW = """(function () {
  var h = [...document.querySelectorAll('h2')].find(x => x.textContent.startsWith('Omissions'));
  return h.parentNode.querySelector('tbody tr[data-ev]'); })()"""
CURRENT = """(function () {
  var panel = document.getElementById('evidence-panel');
  var mark = panel.querySelector('.panel-article article.evidence mark.current');
  return panel.hidden || !mark ? null : mark.textContent; })()"""


def check_report_in_browser(path: Path, profile: Path, name: str) -> dict[str, object]:
    """Open, wait for every chart, click a coverage cell and an omission row; screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    browser = Browser(profile)
    try:
        seconds = browser.open(path)
        n_specs = browser.evaluate("document.querySelectorAll('script.narratives-spec').length")
        drawn = browser.evaluate(
            "document.querySelectorAll('.narratives-chart[data-ready] svg.marks').length"
        )
        assert drawn == n_specs, f"{drawn} of {n_specs} charts drawn"
        browser.screenshot(ARTIFACTS / f"{name}-top.png")
        browser.click(COVERAGE_CELL)
        cell = browser.wait_for(CURRENT, timeout=5)
        browser.screenshot(ARTIFACTS / f"{name}-coverage-click.png")
        browser.evaluate("document.getElementById('evidence-panel').hidden = true")
        browser.click(OMISSION_ROW)
        row = browser.wait_for(CURRENT, timeout=5)
        heading = browser.evaluate(
            "document.querySelector('#evidence-panel .panel-title').textContent"
        )
        assert "left out" in heading, heading
        browser.screenshot(ARTIFACTS / f"{name}-omission-click.png")
        story = None
        if browser.evaluate(f"!!{STORY_CELL}"):  # a story shared by two outlets: its matrix
            browser.evaluate("document.getElementById('evidence-panel').hidden = true")
            browser.click(STORY_CELL)
            story = browser.wait_for(CURRENT, timeout=5)
            browser.screenshot(ARTIFACTS / f"{name}-story-click.png")
        first = browser.evaluate("window.narrativesTimes.first") / 1000
        kerry = browser.evaluate(
            "[...document.querySelectorAll('.narratives-chart svg text')]"
            ".some(t => t.textContent.includes('زعم'))"
        )
        browser.drain()
        return {
            "seconds": seconds,
            "first_chart_seconds": first,
            "story": story,
            "cell": cell,
            "row": row,
            "kerry": kerry,
            "errors": browser.errors(),
            "requests": [u for u in browser.requests() if not u.startswith(("file:", "data:"))],
        }
    finally:
        browser.close()


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install chromium"
)


@pytest.mark.browser
@needs_chromium
def test_seeds_report_in_a_browser_every_figure_one_click_from_its_article(
    rendered: tuple[Path, float, str], tmp_path: Path
) -> None:
    seen = check_report_in_browser(rendered[0], tmp_path / "profile", "report-seeds")
    assert not seen["errors"], seen["errors"]
    assert not seen["requests"], seen["requests"]
    assert seen["cell"] and seen["row"]  # the cited statements, shown inside their articles
    assert seen["kerry"], "SANA's زعم for Kerry is not drawn"
    assert (ARTIFACTS / "report-seeds-coverage-click.png").stat().st_size > 20_000


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
@pytest.mark.skipif(not (SNN / "2015-07-22.zip").exists(), reason="SaudiNewsNet not here")
def test_two_saudinewsnet_days_report_in_a_browser(tmp_path: Path) -> None:
    days = tmp_path / "snn"
    days.mkdir()
    for day in ("2015-07-22", "2015-07-23"):
        shutil.copy(SNN / f"{day}.zip", days / f"{day}.zip")
    out = tmp_path / "snn.html"
    result = CliRunner().invoke(main, ["report", str(days), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size < 10_000_000
    page = out.read_text(encoding="utf-8")
    assert str(tmp_path) not in page
    seen = check_report_in_browser(out, tmp_path / "profile", "report-saudinewsnet")
    assert not seen["errors"], seen["errors"]
    assert not seen["requests"], seen["requests"]
    assert seen["cell"] and seen["row"]
    assert seen["story"], "no story section drew a claim x outlet matrix that opens its evidence"
    assert seen["first_chart_seconds"] < 3  # the others are drawn one by one after it
    assert seen["seconds"] < 60


def test_a_chosen_story_gets_its_framing_with_the_distancing_verb_first(
    seed_tables: dict[str, pl.DataFrame],
) -> None:
    statements = seed_tables["statements"]
    zaama = statements.filter(pl.col("cue") == "زعم", pl.col("speaker") == "kerry")
    assert zaama.height, "the seeds lost SANA's زعم for Kerry"
    stories = seed_tables["stories"]
    story = stories.filter(pl.col("article_id") == zaama["article_id"][0])["story_id"][0]
    page = render_report(seed_tables, story_ids=[story])
    section = page.split(f"Framing in story {story}", 1)[1].split("</section>", 1)[0]
    verbs = section.split("reporting verbs by speaker and outlet", 1)[1].split("</table>", 1)[0]
    first_row = verbs.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "kerry" in first_row and "زعم" in first_row and "distancing" in first_row
    assert 'data-ev="' in first_row  # the row opens the statement in its article


@pytest.mark.parametrize("length", [800, 12_000])
def test_a_long_article_is_embedded_as_an_excerpt_around_its_cited_statement(
    length: int,
) -> None:
    from narratives.report._evidence import Evidence

    filler = "كلمة " * (length // 5)
    cited = "وزعم كيري أن روسيا قررت تزويد الحكومة السورية بالسلاح."
    raw = filler[: length // 2] + cited + " " + filler[: length // 2]
    start = raw.index(cited)
    articles = pl.DataFrame(
        {"article_id": ["a"], "outlet": ["sana"], "raw_text": [raw], "title": ["t"]}
    )
    statements = pl.DataFrame(
        {
            "statement_id": ["a:1"],
            "article_id": ["a"],
            "outlet": ["sana"],
            "start": [start],
            "end": [start + len(cited)],
            "text": [cited],
        }
    )
    ev = Evidence(articles, statements)
    assert ev.cite(["a:1"]) == ["s-a_1"]
    body = ev.articles_html()[0]["body"]
    assert f'<mark class="st" id="s-a_1" data-s="s-a_1">{cited}</mark>' in body
    plain = re.sub(r"<[^>]+>", "", body)
    if length < 2 * ev.whole_below:
        assert "not cited" not in body and raw in plain  # a short article is shown whole
    else:
        assert "Excerpt:" in body and len(body) < length // 2
        kept = re.sub(r"\[… [\d,]+ characters not cited …\]", "\0", plain.split("file.", 1)[1])
        for part in kept.split("\0"):
            assert part in raw  # every embedded part is the article's own text
        left_out = sum(int(n.replace(",", "")) for n in re.findall(r"\[… ([\d,]+) char", body))
        assert left_out + sum(len(p) for p in kept.split("\0")) == len(raw)


def _unstamped(page: str) -> str:
    """The page without its generation time (the minute it was made)."""
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "", page)


def test_report_is_the_same_without_the_tables_it_does_not_show(
    tmp_path: Path, seed_tables: dict[str, pl.DataFrame]
) -> None:
    # `narratives report FOLDER` leaves NOT_RENDERED on disk (memory on a large corpus):
    # the page must not change for it
    from narratives.report._inputs import NOT_RENDERED

    assert set(seed_tables) >= NOT_RENDERED
    folder = _saved(tmp_path / "compared", seed_tables)
    lean = read_outputs(folder, skip=NOT_RENDERED)
    assert set(lean) == set(seed_tables) - NOT_RENDERED
    full = _unstamped(render_report(read_outputs(folder), title="t"))
    assert _unstamped(render_report(lean, title="t")) == full
    assert "Coverage" in full and "Evidence: the articles cited" in full


def test_evidence_looks_statements_up_in_the_frame(seed_tables: dict[str, pl.DataFrame]) -> None:
    from narratives.report._evidence import Evidence, Rows

    statements = seed_tables["statements"]
    ev = Evidence(seed_tables["articles"], statements)
    ev.set_claims(seed_tables["claims"])
    assert isinstance(ev._st, Rows) and isinstance(ev._art, Rows)  # no dict per row
    sid, text, article = statements.select("statement_id", "text", "article_id").row(3)
    assert ev.knows(sid) and not ev.knows("no-such-statement")
    assert ev.statement_text(sid) == text
    anchors = ev.cite([sid, "no-such-statement"])
    assert anchors == [ev.statement_anchor(sid)] and ev.n_articles == 1
    # the article is embedded with the cited statement highlighted in its own text
    (embedded,) = ev.articles_html()
    assert embedded["id"] == article and f'id="{anchors[0]}"' in embedded["body"]
    claim = seed_tables["claims"].filter(pl.col("statement_id") == sid)["claim_id"][0]
    assert sid in ev.claim_statements(claim)


def test_claim_texts_not_read_twice_leave_the_page_as_it_was(
    tmp_path: Path, seed_tables: dict[str, pl.DataFrame]
) -> None:
    # `narratives report` reads the claims' texts once, from coverage
    # (NOT_RENDERED_COLUMNS: claims, emphasis_claims, emphasis_stories without them; about
    # 0.3 GB on all of SaudiNewsNet); the page is the one the full tables give
    from narratives.report._inputs import NOT_RENDERED_COLUMNS

    folder = _saved(tmp_path / "compared", seed_tables)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the columns left out are no "older version" warning
        light = read_outputs(folder, skip_columns=NOT_RENDERED_COLUMNS)
    assert (
        light["emphasis_claims"]["representative"].null_count() == light["emphasis_claims"].height
    )
    assert light["coverage"]["representative"].null_count() < light["coverage"].height
    full = read_outputs(folder)
    assert light["emphasis_claims"].filter(pl.col("claim_outlets") >= 2).height  # a chart
    when = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC in \d+ s")
    pages = [when.sub("", render_report(tables, title="t")) for tables in (light, full)]
    assert pages[0] == pages[1]
