"""Compare two ``narratives compare --out`` folders table by table, row for row.

Used to check that a performance change keeps every output table: each
Parquet file of BEFORE is compared with the file of the same name in AFTER,
rows sorted by every plain column (floats last), floats to ``--tol``. For a
table that differs, the rows found on one side only are printed (up to
``--show`` of each), so they can be read and the change justified.

    python benchmarks/same_tables.py BEFORE AFTER [--tol 1e-9] [--show 5]

Exit status 0 when every table is equal, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    plain = [c for c, t in frame.schema.items() if not t.is_nested()]
    order = [c for c in plain if not frame.schema[c].is_float()] + [
        c for c in plain if frame.schema[c].is_float()
    ]
    return frame.sort(order, nulls_last=True) if order else frame


def _hashable(frame: pl.DataFrame, tol: float) -> pl.DataFrame:
    """Nested columns as JSON text, floats rounded to ``tol``: rows comparable as sets."""
    digits = max(0, round(-__import__("math").log10(tol))) if tol > 0 else 12
    out = []
    for name, dtype in frame.schema.items():
        col = pl.col(name)
        if dtype.is_nested():
            out.append(col.map_elements(repr, return_dtype=pl.String).alias(name))
        elif dtype.is_float():
            out.append(col.round(digits))
        else:
            out.append(col)
    return frame.select(out)


def compare_folders(before: Path, after: Path, *, tol: float, show: int) -> list[str]:
    """Names of the tables that differ (printed with their odd rows)."""
    names = sorted(p.name for p in before.glob("*.parquet"))
    missing = sorted({p.name for p in after.glob("*.parquet")} ^ set(names))
    differ = [f"only on one side: {m}" for m in missing]
    for name in names:
        if not (after / name).exists():
            continue
        a, b = pl.read_parquet(before / name), pl.read_parquet(after / name)
        if a.schema != b.schema:
            differ.append(name)
            print(f"{name}: schema differs\n  {a.schema}\n  {b.schema}")
            continue
        try:
            from polars.testing import assert_frame_equal

            assert_frame_equal(_sorted(a), _sorted(b), rel_tol=tol, abs_tol=tol)
            print(f"{name}: {a.height} rows, equal")
            continue
        except AssertionError:
            pass
        differ.append(name)
        ha, hb = _hashable(a, tol), _hashable(b, tol)
        only_a = ha.join(hb, on=ha.columns, how="anti", nulls_equal=True)
        only_b = hb.join(ha, on=hb.columns, how="anti", nulls_equal=True)
        print(
            f"{name}: {a.height} -> {b.height} rows; {only_a.height} only before, "
            f"{only_b.height} only after"
        )
        with pl.Config(tbl_cols=-1, fmt_str_lengths=80, tbl_width_chars=250):
            if only_a.height:
                print("  before only:", only_a.head(show))
            if only_b.height:
                print("  after only:", only_b.head(show))
    return differ


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--tol", type=float, default=1e-9)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    differ = compare_folders(args.before, args.after, tol=args.tol, show=args.show)
    print("all tables equal" if not differ else f"differ: {', '.join(differ)}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
