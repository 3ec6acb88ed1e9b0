"""Fuzz aipark's readers for a fixed time: from_dict, loads and parse_quantity.

Runs the same properties as ``test_hostile.py`` (anything but a ValidationError
is a failure, and so is a message that is not one clean line) with fresh
random seeds, round after round, until the time budget is spent.  CI runs it
for under a minute::

    uv run python tests/fuzz_from_dict.py --seconds 40

On a failure, hypothesis prints the smallest input it found and the script
exits with status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

import aipark
import hostile_strategies as hs


def _parse_quantity(text: str) -> None:
    with contextlib.suppress(aipark.ValidationError):
        aipark.units.parse_quantity(text)


# (name, strategy, property): each target gets an equal share of every round.
TARGETS: list[tuple[str, st.SearchStrategy[Any], Callable[[Any], None]]] = [
    ("from_dict(garbage)", st.tuples(hs.json_like, hs.targets), lambda c: hs.check_from_dict(*c)),
    ("from_dict(broken park)", hs.mutated_parks(), lambda d: hs.check_from_dict(d, aipark.Park)),
    ("loads(broken file)", hs.mutated_files(), lambda c: hs.check_loads(*c)),
    ("loads(broken text)", hs.mutated_texts(), lambda c: hs.check_loads(*c)),
    ("parse_quantity(text)", st.text(max_size=250), _parse_quantity),
]


def run_round(strategy: st.SearchStrategy[Any], check: Callable[[Any], None], n: int) -> None:
    """Run ``check`` on ``n`` fresh examples (no example database: every round is new)."""

    @settings(
        max_examples=n,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @seed(random.getrandbits(64))
    @given(strategy)
    def fuzz(case: Any) -> None:
        check(case)

    fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0, help="time budget")
    parser.add_argument("--examples", type=int, default=50, help="examples per target per round")
    args = parser.parse_args(argv)
    aipark.from_dict(aipark.to_dict(aipark.QINGDAO), aipark.Park)  # build everything once
    deadline = time.monotonic() + args.seconds
    counts = dict.fromkeys((name for name, _, _ in TARGETS), 0)
    rounds = 0
    while time.monotonic() < deadline:
        for name, strategy, check in TARGETS:
            if time.monotonic() >= deadline:
                break
            try:
                run_round(strategy, check, args.examples)
            except Exception:
                print(f"fuzz: {name} failed after {counts[name]} examples", file=sys.stderr)
                raise
            counts[name] += args.examples
        rounds += 1
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"fuzz: {rounds} rounds, no failures; examples: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
