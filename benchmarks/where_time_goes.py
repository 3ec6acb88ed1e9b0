"""Where the time goes: the parts of a record's round trip, and of a command-line start.

Run with ``uv run python benchmarks/where_time_goes.py``; ``benchmarks/README.md``
keeps the figures of the last run.  CPU times, best of several rounds.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable

import attrs
from bench import ENV, make_records

import aipark
from aipark import ComputingCenter

ROUNDS = 7


def per_item(run: Callable[[], object], n: int) -> float:
    """Best CPU time of ``run`` over ROUNDS, in µs per item."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best / n * 1e6


def record_parts(n: int = 5000) -> None:
    centers, _, _ = make_records(n)
    data = [aipark.to_dict(c) for c in centers]
    fields = [{a.name: getattr(c, a.name) for a in attrs.fields(ComputingCenter)} for c in centers]
    quantities = [d["compute_power"] for d in data]
    converter = aipark.converter
    quantity_hook = converter.get_structure_hook(aipark.Quantity)
    print(f"A ComputingCenter round trip, µs per record ({n:,} records)")
    rows = [
        ("to_dict", lambda: [aipark.to_dict(c) for c in centers]),
        ("from_dict", lambda: [aipark.from_dict(d, ComputingCenter) for d in data]),
        ("  of which ComputingCenter(**fields)", lambda: [ComputingCenter(**f) for f in fields]),
        ("  of which the quantity hook", lambda: [quantity_hook(q, None) for q in quantities]),
    ]
    for label, run in rows:
        print(f"  {label:<44} {per_item(run, n):6.2f}")
    with attrs.validators.disabled():
        bare = per_item(lambda: [ComputingCenter(**f) for f in fields], n)
    print(f"  {'    ComputingCenter(**fields), no validators':<44} {bare:6.2f}")

    profile = cProfile.Profile()
    profile.enable()
    for d in data:
        aipark.from_dict(d, ComputingCenter)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime").print_stats(12)
    print("from_dict under cProfile, by own time:")
    print(_trim(out.getvalue()))


STARTUP = """
import time
t0 = time.process_time()
import aipark
t1 = time.process_time()
import pint
t2 = time.process_time()
from aipark import units
reg = units._new_registry()
t3 = time.process_time()
from pint.facets.plain.registry import GenericPlainRegistry
GenericPlainRegistry._build_cache(reg)
t4 = time.process_time()
print(f"{(t1 - t0) * 1e3:.0f} {(t2 - t1) * 1e3:.0f} {(t3 - t2) * 1e3:.0f} {(t4 - t3) * 1e3:.0f}")
"""


def startup_parts(runs: int = 7) -> None:
    """Median of each phase of a fresh start, in ms."""
    phases: list[list[float]] = [[], [], [], []]
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", STARTUP], check=True, capture_output=True, text=True, env=ENV
        ).stdout
        for i, value in enumerate(out.split()):
            phases[i].append(float(value))
    labels = [
        "import aipark (attrs, the models)",
        "import pint",
        "aipark's registry (pint's definitions, units.txt)",
        "pint's eager cache pass, which aipark defers",
    ]
    print(f"A fresh start, ms CPU (median of {runs})")
    for label, values in zip(labels, phases, strict=True):
        print(f"  {label:<52} {sorted(values)[len(values) // 2]:6.0f}")


def _trim(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return textwrap.indent("\n".join(lines[start:]), "  ")


def main() -> int:
    record_parts()
    startup_parts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
