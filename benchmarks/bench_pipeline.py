"""Benchmark the whole pipeline, stage by stage, on SaudiNewsNet samples.

Prints, per sample (about 1k, 4k, 16k and all articles, whole days in date
order): for every stage (reading, statements, stories, align = candidates +
scoring, clustering, comparisons, rendering) the wall time, CPU time and the
peak resident memory *during that stage* (the RSS summed over the process
tree, and the tree's PSS: what the machine must hold, a page the forked
workers share with their parent counted once); then the fitted cost exponent per
stage (time ~ articles^k, least squares on log-log) and the ratio of the
alignment time on all articles to passim's 43:25 (2,605 s, Spark local[2]).

    python benchmarks/bench_pipeline.py [--corpus DIR] [--sizes 1k,4k,16k,all]
                                        [--json OUT] [--profile STAGE]
                                        [--tables DIR]

Each sample runs in a fresh subprocess, so peaks of different sizes never
mix; inside it a sampling thread reads the RSS of the process *and of its
worker processes* every 20 ms and keeps the largest total seen while each
stage runs (the stage's peak includes what earlier stages still hold, as in a
real run). CPU seconds count the worker processes too.

"Align" and "clustering" run as ``narratives compare`` runs them: in a
spawned child on large tables (:func:`narratives.engine.local.isolated`),
whose memory counts in the stage's peak and whose CPU in its seconds (the
clustering's child is sent the columns ``narratives compare`` sends it,
``CLAIM_COLUMNS`` and ``LINK_COLUMNS`` of :mod:`narratives.report._inputs`).
"Statements" cuts statements and entity mentions in one pass, with the
worker processes ``narratives report`` uses
(:func:`narratives.statements.extract.statements_and_mentions`,
``n_process=default_processes()``).
"Rendering" is :func:`narratives.report.render_report` on the tables (the
page ``narratives report`` writes, not written to disk). The stages are those
of :func:`narratives.report.analyse`, timed one by one (stories computed
before the comparisons and handed to them).

``--tables DIR`` writes every table of each sample to ``DIR/<size>/`` (Parquet,
as ``narratives compare --out`` does), so that two versions of the code can be
compared table by table (``benchmarks/same_tables.py``).

Samples: the run of consecutive days (in date order) whose article count is
closest to the target; "all" is every zip.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"
PASSIM_SECONDS = 43 * 60 + 25  # passim 2, Spark local[2], alignment of all SaudiNewsNet
STAGES = ("reading", "statements", "align", "clustering", "stories", "comparisons", "rendering")
_PAGE = os.sysconf("SC_PAGE_SIZE")


# --- samples -----------------------------------------------------------------


def day_counts(corpus: Path) -> list[tuple[Path, int]]:
    """(zip, records) per daily zip, in date order (file names are dates)."""
    out = []
    for path in sorted(corpus.glob("*.zip")):
        n = 0
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    data = json.loads(zf.read(name))
                    n += len(data) if isinstance(data, list) else 1
        out.append((path, n))
    return out


def sample(days: list[tuple[Path, int]], target: int | None) -> list[Path]:
    """The consecutive days whose total is closest to ``target`` (earliest on ties)."""
    if target is None:
        return [p for p, _ in days]
    best: tuple[int, int, int] | None = None
    for a in range(len(days)):
        total = 0
        for b in range(a, len(days)):
            total += days[b][1]
            gap = abs(total - target)
            if best is None or gap < best[0]:
                best = (gap, a, b)
            if total > target:
                break
    assert best is not None
    return [p for p, _ in days[best[1] : best[2] + 1]]


def parse_size(text: str) -> int | None:
    text = text.strip().lower()
    if text == "all":
        return None
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


# --- measuring ---------------------------------------------------------------


def _rss_of(pid: int | str) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0


def _children(pid: int | str) -> list[str]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return fh.read().split()
    except FileNotFoundError:
        return []


def _rss() -> int:
    """Resident memory of this process and its worker processes (the statements pool)."""
    total, todo = 0, [str(os.getpid())]
    while todo:
        pid = todo.pop()
        total += _rss_of(pid)
        todo.extend(_children(pid))
    return total


def _pss() -> int:
    """Proportional set size of this process and its workers (a shared page counted once)."""
    total, todo = 0, [str(os.getpid())]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                total += next(int(x.split()[1]) for x in fh if x.startswith("Pss:")) * 1024
        except (OSError, StopIteration, ValueError):
            pass
        todo.extend(_children(pid))
    return total


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class _Sampler(threading.Thread):
    """Largest RSS sum and tree PSS seen since the last :meth:`reset`.

    The RSS of the tree every ``every`` seconds; its PSS (what the machine must
    hold: pages shared by the forked workers counted once) every ``pss_every``
    (reading ``smaps_rollup`` walks every mapping: costlier).
    """

    def __init__(self, every: float = 0.02, pss_every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.every, self.peak, self.stop = every, _rss(), threading.Event()
        self.pss_every, self.pss_peak = pss_every, _pss()

    def reset(self) -> None:
        self.peak, self.pss_peak = _rss(), _pss()

    def run(self) -> None:
        last = 0.0
        while not self.stop.wait(self.every):
            self.peak = max(self.peak, _rss())
            if time.perf_counter() - last >= self.pss_every:
                self.pss_peak = max(self.pss_peak, _pss())
                last = time.perf_counter()


@contextmanager
def _stage(name: str, sampler: _Sampler, out: dict[str, Any]) -> Iterator[None]:
    sampler.reset()
    t0, c0 = time.perf_counter(), _cpu()
    yield
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    peak, pss = max(sampler.peak, _rss()), max(sampler.pss_peak, _pss())
    out[name] = {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_mb": round(peak / 2**20),
        "tree_pss_mb": round(pss / 2**20),
    }
    print(
        f"  {name:<12} {wall:8.1f} s wall {cpu:8.1f} s cpu {peak / 2**20:7.0f} MB"
        f" {pss / 2**20:7.0f} MB tree PSS",
        flush=True,
    )


def _render(tables: dict[str, Any]) -> int:
    """The HTML report of the tables (what ``narratives report`` writes); returns its size."""
    from narratives.report import render_report

    return len(render_report(tables, title="bench", problems=[]))


def run_sample(
    paths: list[Path], *, profile: Path | None = None, tables_dir: Path | None = None
) -> dict[str, Any]:
    """Every stage on ``paths`` in this process; returns the per-stage figures."""
    import warnings

    import narratives as nv
    from narratives.align import align, cluster_claims
    from narratives.compare import compare  # nv.compare is shadowed by its module once imported
    from narratives.engine.local import isolated, releasing
    from narratives.report._inputs import CLAIM_COLUMNS, LINK_COLUMNS
    from narratives.statements.extract import default_processes, statements_and_mentions

    sampler = _Sampler()
    sampler.start()
    out: dict[str, Any] = {}
    stages: dict[str, Any] = {}
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared

    def step(name: str, fn: Callable[[], Any]) -> Any:
        with _stage(name, sampler, stages):
            if profiler is not None:
                return profiler.runcall(fn)
            return fn()

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        # the freed pages of each given back as the commands do (engine.local.release_memory)
        articles = step("reading", lambda: releasing(nv.read_corpus)(paths, on_error="skip"))
        statements, mentions = step(
            "statements",
            lambda: releasing(statements_and_mentions)(articles, n_process=default_processes()),
        )
        # as `narratives compare` and `report` run them: in a spawned child on large tables
        alignments = step("align", lambda: isolated(align)(statements))
        # the columns `claims_and_stories` sends the claims' child (not every column)
        claims = step(
            "clustering",
            lambda: isolated(cluster_claims)(
                statements.select(c for c in CLAIM_COLUMNS if c in statements.columns),
                alignments.select(c for c in LINK_COLUMNS if c in alignments.columns),
            ),
        )
        stories = step("stories", lambda: nv.group_stories(articles, statements, alignments))

        def comparisons() -> dict[str, Any]:
            return {
                "entity_mentions": mentions,
                **compare(articles, statements, alignments, claims, mentions, stories=stories),
            }

        tables = step("comparisons", comparisons)
        step(
            "rendering",
            lambda: _render(
                {
                    "articles": articles,
                    "statements": statements,
                    "alignments": alignments,
                    "claims": claims,
                    **tables,
                }
            ),
        )
    sampler.stop.set()
    if tables_dir is not None:
        tables_dir.mkdir(parents=True, exist_ok=True)
        every = {
            "articles": articles,
            "statements": statements,
            "alignments": alignments,
            "claims": claims,
            **tables,
        }
        for name, frame in every.items():
            if frame is not None:
                frame.write_parquet(tables_dir / f"{name}.parquet")
    if profiler is not None:
        profiler.dump_stats(str(profile))
    out["articles"] = articles.height
    out["statements"] = statements.height
    out["alignments"] = alignments.height
    out["claims"] = claims["claim_id"].n_unique() if claims.height else 0
    out["stories"] = stories["story_id"].n_unique() if stories.height else 0
    out["stages"] = stages
    out["total_s"] = round(sum(s["wall_s"] for s in stages.values()), 1)
    out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


# --- driver ------------------------------------------------------------------


def fit_exponent(sizes: list[float], times: list[float]) -> float | None:
    """Least-squares slope of log(time) on log(size)."""
    pts = [(math.log(s), math.log(t)) for s, t in zip(sizes, times, strict=True) if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return None if den == 0 else sum((x - mx) * (y - my) for x, y in pts) / den


def summary(results: dict[str, dict[str, Any]]) -> str:
    """Per stage and sample: wall s / CPU s / peak MB (RSS sum; tree PSS); exponents fitted."""
    names = list(results)
    sizes = [results[n]["articles"] for n in names]
    head = "".join(f"{n + ' (' + str(results[n]['articles']) + ')':>33}" for n in names)
    lines = [
        f"{'stage':<13}{head}   k(wall) k(cpu)",
        f"{'':<13}" + f"{'wall/cpu s, RSS, PSS MB':>33}" * len(names),
    ]
    for stage in [*STAGES, "total"]:
        cells, walls, cpus = [], [], []
        for n in names:
            r = results[n]
            s = (
                r["stages"].get(stage)
                if stage != "total"
                else {
                    "wall_s": r["total_s"],
                    "cpu_s": round(sum(x["cpu_s"] for x in r["stages"].values()), 1),
                    "peak_mb": r["peak_mb"],
                    "tree_pss_mb": max(
                        (x.get("tree_pss_mb", 0) for x in r["stages"].values()), default=0
                    ),
                }
            )
            walls.append(s["wall_s"])
            cpus.append(s["cpu_s"])
            pss = s.get("tree_pss_mb")  # absent from a --json of an older run
            cells.append(
                f"{s['wall_s']:.1f}/{s['cpu_s']:.1f} {s['peak_mb']:6d}"
                + (f" {pss:6d}" if pss is not None else "")
            )
        kw, kc = fit_exponent(sizes, walls), fit_exponent(sizes, cpus)
        fits = f"   {kw:7.2f} {kc:6.2f}" if kw is not None and kc is not None else ""
        lines.append(f"{stage:<13}" + "".join(f"{c:>33}" for c in cells) + fits)
    for n in names:
        r = results[n]
        lines.append(
            f"{n}: {r['articles']} articles ({', '.join(r.get('days', []))}), "
            f"{r['statements']} statements, {r['alignments']} alignments, "
            f"{r['claims']} claims, {r['stories']} stories"
        )
    if "all" in results:
        st = results["all"]["stages"]["align"]
        lines.append(
            f"alignment on all articles: {st['wall_s']:.0f} s wall ({st['cpu_s']:.0f} s CPU) = "
            f"{st['wall_s'] / PASSIM_SECONDS:.3f} x passim's 43:25 ({PASSIM_SECONDS} s wall); "
            f"whole pipeline {results['all']['total_s'] / PASSIM_SECONDS:.3f} x"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="1k,4k,16k,all")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--profile", type=Path, help="cProfile every stage; stats saved as PROFILE.<size>.prof"
    )
    parser.add_argument(
        "--tables", type=Path, help="write every table of each sample to TABLES/<size>/"
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: one sample, JSON on stdout
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus} (give --corpus DIR of SaudiNewsNet daily zips)")
    days = day_counts(args.corpus)
    if args.one:
        paths = sample(days, parse_size(args.one))
        print(f"{args.one}: {', '.join(p.stem for p in paths)}", file=sys.stderr, flush=True)
        prof = args.profile.with_suffix(f".{args.one}.prof") if args.profile else None
        out = args.tables / args.one if args.tables else None
        result = run_sample(paths, profile=prof, tables_dir=out)
        result["days"] = [p.stem for p in paths]
        print("RESULT " + json.dumps(result), flush=True)
        return
    results: dict[str, dict[str, Any]] = {}
    for size in args.sizes.split(","):
        print(f"== {size}", flush=True)
        cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--one", size]
        if args.profile:
            cmd += ["--profile", str(args.profile)]
        if args.tables:
            cmd += ["--tables", str(args.tables)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
        for line in proc.stdout.splitlines():
            if line.startswith("RESULT "):
                results[size] = json.loads(line[7:])
            else:
                print(line, flush=True)
    print(summary(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
