"""Speed of aipark.to_arrow against the table a user would build by hand.

Run with ``uv run python benchmarks/tables.py`` (``--quick`` for a smoke run).
A park with 100,000 computing centers becomes a pyarrow table two ways:
``aipark.to_arrow(park, of="computing_centers")``, with its unit handling
(one unit per column, recorded in the field's metadata; the ``park`` column),
and by hand: a list per column pulled out of the models
(``[float(c.compute_power.magnitude) for c in ...]``), then ``pyarrow.table``,
with the same columns and no units.  Timings are the least CPU time of
several interleaved rounds; the goal is at most 3x.  The script reports, it
does not gate: it exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from importlib.metadata import version
from typing import Any

import pyarrow as pa
from bench import best_of  # the script's folder is on the path: benchmarks/bench.py

import aipark

CENTERS = 100_000
GOAL = 3.0


def make_park(n: int) -> aipark.Park:
    units = ("petaFLOPS", "teraFLOPS", "exaFLOPS")
    precisions = (None, "FP16", "FP64", "INT8")
    centers = [
        aipark.ComputingCenter(
            name=f"Center {i}",
            local_name=f"计算中心{i}",
            compute_power=aipark.Q_(float(i % 997 + 1), units[i % 3]),
            pc_equivalents=i * 10,
            phase=i % 3 + 1,
            precision=precisions[i % 4],  # type: ignore[arg-type]
            builder="A builder" if i % 2 else None,
            hardware="accelerators",
        )
        for i in range(n)
    ]
    return aipark.Park(name="A large park", computing_centers=centers)


def by_hand(park: aipark.Park) -> pa.Table:
    """What a user writes without aipark's tables: a list per column, then pyarrow.table."""
    centers = park.computing_centers
    return pa.table(
        {
            "park": [park.name] * len(centers),
            "name": [c.name for c in centers],
            "local_name": [c.local_name for c in centers],
            "local_name_verified": [c.local_name_verified for c in centers],
            "compute_power": [
                None if c.compute_power is None else float(c.compute_power.magnitude)
                for c in centers
            ],
            "pc_equivalents": [c.pc_equivalents for c in centers],
            "phase": [c.phase for c in centers],
            "precision": [None if c.precision is None else c.precision.value for c in centers],
            "builder": [c.builder for c in centers],
            "local_builder": [c.local_builder for c in centers],
            "hardware": [c.hardware for c in centers],
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and centers")
    args = parser.parse_args(argv)
    rounds, n = (2, 10_000) if args.quick else (7, CENTERS)
    print(
        f"aipark {aipark.__version__}, pyarrow {version('pyarrow')}, pint {version('pint')}; "
        f"Python {platform.python_version()} on {platform.machine()} {platform.system()}, "
        f"{os.cpu_count()} CPUs"
    )
    park = make_park(n)
    ours: Any = aipark.to_arrow(park, of="computing_centers")
    theirs = by_hand(park)
    # The same rows; aipark's in one unit (PFLOPS), the hand-made one as stated.
    assert ours.num_rows == theirs.num_rows == n
    assert ours.schema.field("compute_power").metadata == {b"unit": b"petaFLOPS"}
    t_ours, t_hand = best_of(
        rounds, lambda: aipark.to_arrow(park, of="computing_centers"), lambda: by_hand(park)
    )
    ratio = t_ours / t_hand
    print(
        f"   to_arrow of {n:,} computing centers vs by hand: "
        f"{t_ours * 1e3:8.1f} vs {t_hand * 1e3:8.1f} ms {ratio:6.2f}x"
        f"  goal <= {GOAL:g}x: {'met' if ratio <= GOAL else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
