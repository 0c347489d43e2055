"""Time the stages of ``narratives.align`` one by one on a saved statements table.

Calls :func:`~narratives.align.aligner.prepare_alignment`, ``candidate_pairs``,
``score_in_parts``, ``finish_alignments`` and then ``cluster_claims`` as ``align``
and ``compare`` do (default options), and prints per stage the CPU seconds of this
process and of its forked workers, the wall time and the largest RSS so far. With
``--against DIR`` (a folder this script or ``narratives compare`` wrote) it checks
that the alignments and claims are equal to that folder's (sorted by their ids).

    python benchmarks/bench_align_stages.py /work/full_s23f/statements.parquet --out DIR
        [--against OTHER_DIR]

Run it under ``nice -n 10`` on a shared machine: the whole of SaudiNewsNet takes about
90 CPU s and 3 GB.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import polars as pl


def _usage() -> tuple[float, float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        own.ru_utime + own.ru_stime,
        workers.ru_utime + workers.ru_stime,
        time.perf_counter(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("statements", type=Path, help="a STATEMENTS Parquet file")
    parser.add_argument("--out", type=Path, required=True, help="folder for the two tables")
    parser.add_argument("--against", type=Path, help="folder whose tables must be equal")
    args = parser.parse_args()

    import narratives
    from narratives.align import aligner

    statements = pl.read_parquet(args.statements)
    last = _usage()

    def step(name: str) -> None:
        nonlocal last
        now = _usage()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e6
        print(
            f"{name:10s} CPU s {now[0] - last[0]:6.1f} + workers {now[1] - last[1]:6.1f}, "
            f"wall {now[2] - last[2]:6.1f} s, largest RSS {own:.2f} GB (workers {workers:.2f})",
            flush=True,
        )
        last = now

    setup = aligner.prepare_alignment(statements, processes=None)
    if setup is None:
        raise SystemExit("fewer than two statements")
    step("features")
    i, j = aligner.candidate_pairs(setup)
    step("candidates")
    lowest = aligner.lowest_score(aligner.DEFAULT_THRESHOLD, 40.0, None)
    i, j, comp, score = aligner.score_in_parts(
        setup, i, j, lowest=lowest, number_penalty=0.7, processes=None
    )
    step("scoring")
    alignments = aligner.finish_alignments(setup, i, j, comp, score, processes=None)
    step("linking")
    claims = narratives.cluster_claims(statements, alignments)
    step("claims")
    args.out.mkdir(parents=True, exist_ok=True)
    alignments.write_parquet(args.out / "alignments.parquet")
    claims.write_parquet(args.out / "claims.parquet")
    if args.against is not None:
        keys = {"alignments": ["statement_id_a", "statement_id_b"], "claims": ["statement_id"]}
        for name, frame in (("alignments", alignments), ("claims", claims)):
            other = pl.read_parquet(args.against / f"{name}.parquet")
            same = frame.sort(keys[name]).equals(other.sort(keys[name]))
            print(f"{name}: {frame.height:,} rows, {'equal' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
