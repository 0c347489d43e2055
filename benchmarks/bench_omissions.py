"""Time the omissions phase alone on the tables of a ``narratives compare --out`` folder.

The omissions of the whole corpus take minutes inside ``narratives compare``;
this runs :func:`narratives.compare.omissions` (the story rule, as
``compare`` calls it) on the ``statements``, ``claims`` and ``stories`` a
run wrote, so a change to that phase is measured (and its table checked) in
a few minutes instead of a whole run:

    python benchmarks/bench_omissions.py DIR [--out omissions.parquet] [--profile prof.out]
    python benchmarks/bench_omissions.py /work/full_s19 --out after.parquet
    python benchmarks/same_tables.py before/ after/   # folders holding omissions.parquet

Prints the wall and CPU seconds (the process and its forked workers, and
the process alone: on a loaded machine the wall time says little, and the
process's own CPU seconds are the part that ran on one core) and the
peak resident memory of the process tree while the phase ran, above what the
three input tables held before it. ``--profile`` writes a cProfile (forked
parts then run in the profiled process only when pinned to one core:
``taskset -c 0``).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import _cpu, _rss, _Sampler


def _own() -> float:
    """CPU seconds of this process alone: on an idle machine, the phase's wall time is
    about this plus the workers' share that does not overlap it."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a `narratives compare --out` folder")
    parser.add_argument("--out", type=Path, default=None, help="write the omissions table here")
    parser.add_argument("--profile", type=Path, default=None, help="write a cProfile here")
    args = parser.parse_args()

    from narratives.compare import omissions

    statements = pl.read_parquet(args.folder / "statements.parquet")
    claims = pl.read_parquet(args.folder / "claims.parquet")
    stories = pl.read_parquet(args.folder / "stories.parquet")
    print(
        f"{statements.height:,} statements, {claims['claim_id'].n_unique():,} claims, "
        f"{stories['story_id'].n_unique():,} stories",
        flush=True,
    )
    sampler = _Sampler()
    sampler.start()
    before = _rss()
    sampler.reset()
    t0, c0, p0 = time.perf_counter(), _cpu(), _own()
    if args.profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)
        table = profiler.runcall(omissions, statements, claims, stories)
        profiler.dump_stats(args.profile)
    else:
        table = omissions(statements, claims, stories)
    wall, cpu, own = time.perf_counter() - t0, _cpu() - c0, _own() - p0
    peak = max(sampler.peak, _rss())
    print(
        f"omissions: {table.height:,} rows; {wall:.1f} s wall, {cpu:.1f} s CPU "
        f"({own:.1f} in this process, {cpu - own:.1f} in forked workers), "
        f"peak {peak / 2**20:,.0f} MB ({before / 2**20:,.0f} MB before the phase)",
        flush=True,
    )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table.write_parquet(args.out)


if __name__ == "__main__":
    main()
