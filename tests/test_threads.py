"""Threads: concurrent use gives exactly the results of serial use.

Conversions, to_dict/from_dict, file text and formatting share caches (the
registry's prefixed units, conversion factors, the converter, the prebuilt
park).  Each test runs the same jobs from many threads at once, every thread
in its own order, and compares every result with a serial run.  The cold
start, where the registry, converter and park are built while threads race
for them, runs in a fresh process.
"""

from __future__ import annotations

import functools
import json
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import aipark
from aipark.factsheet import describe
from aipark.formatting import format_quantity
from aipark.io import dumps, loads
from aipark.units import parse_quantity, unit_name

_PREFIXES = ["", "k", "M", "G", "P", "m", "µ", "kilo", "mega", "peta", "milli", "万", "亿"]
_UNITS = ["m", "s", "g", "FLOPS", "FLOP", "mu", "CNY", "hectare", "byte"]
_LOCALES = ["en_US", "zh_CN", "de_DE"]


def _converting(text: str, unit: str) -> Callable[[], str]:
    def job() -> str:
        try:
            q = aipark.convert(text, unit)
        except aipark.ValidationError as exc:
            return f"error: {exc}"
        shown = " | ".join(format_quantity(q, locale=loc) for loc in _LOCALES)
        return f"{q.magnitude!r} {unit_name(q._units)} | {shown}"

    return job


def _round_trip() -> str:
    park = aipark.QINGDAO
    data = aipark.to_dict(park)
    assert aipark.from_dict(data, aipark.Park) == park
    return json.dumps(data, sort_keys=True)


def _file_text() -> str:
    text = dumps(aipark.QINGDAO, "toml")
    assert loads(text, "toml") == aipark.QINGDAO
    return text


def _parsing(text: str) -> Callable[[], str]:
    def job() -> str:
        try:
            return repr(parse_quantity(text))
        except aipark.ValidationError as exc:
            return f"error: {exc}"

    return job


JOBS: list[Callable[[], str]] = [
    *(_converting(f"1.5 {p}{u}", u) for p in _PREFIXES for u in _UNITS),
    *(_parsing(t) for t in ["2918 mu", "2,918亩", "600亿元", "9**9**9 m", "1 FLOPs", "3 kFLOPS"]),
    _round_trip,
    _file_text,
    *(functools.partial(describe, aipark.QINGDAO, locale=loc) for loc in _LOCALES),
    lambda: format_quantity("600亿元", locale="de_DE", compact=True),
]


def race(threads: int = 16) -> tuple[list[str], list[list[str]]]:
    """Run every job from ``threads`` threads at once (each in its own order), then serially."""
    barrier = threading.Barrier(threads)
    results: list[list[str]] = [[] for _ in range(threads)]
    failures: list[BaseException] = []

    def worker(i: int) -> None:
        order = list(range(len(JOBS)))
        random.Random(i).shuffle(order)
        out = [""] * len(JOBS)
        try:
            barrier.wait()
            for k in order:
                out[k] = JOBS[k]()
        except BaseException as exc:
            failures.append(exc)
        results[i] = out

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    if failures:
        raise failures[0]
    serial = [job() for job in JOBS]
    return serial, results


def test_threads_match_serial_use() -> None:
    """Warm caches: 16 threads give the same conversions, dicts, files and text as one."""
    serial, results = race()
    for out in results:
        assert out == serial


def test_cold_start_race_matches_serial_use() -> None:
    """In a fresh process, threads racing to build the registry, converter and park agree."""
    code = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
import aipark.units, aipark.serialization, aipark.data
assert aipark.units.registry._registry is None and aipark.serialization._converter is None
assert not aipark.data._cache
from test_threads import race
serial, results = race(16)
print(json.dumps([sum(out == serial for out in results), len(results)]))
"""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode()
    agreeing, total = json.loads(proc.stdout)
    assert agreeing == total == 16


def test_jobs_cover_errors_and_successes() -> None:
    """The jobs exercise both conversions that work and ones that are refused."""
    outcomes = [job() for job in JOBS]
    assert any(out.startswith("error: ") for out in outcomes)
    assert sum(not out.startswith("error: ") for out in outcomes) > len(JOBS) // 2


def test_public_names_stay_functions_once_their_modules_are_imported() -> None:
    """Importing every submodule (as formatting and the CLI do) shadows no public name.

    Python binds an imported submodule on its package: a submodule named like
    a lazily loaded function (``aipark.convert`` once was) replaced it, and
    threads racing through the lazy loader got a module.
    """
    code = """
import importlib, pkgutil, types
import aipark
for info in pkgutil.walk_packages(aipark.__path__, "aipark."):
    if info.name != "aipark.__main__":
        importlib.import_module(info.name)
shadowed = [n for n in aipark.__all__ if isinstance(getattr(aipark, n), types.ModuleType)]
print(shadowed, round(aipark.convert("2918 mu", "hectare").magnitude, 2))
"""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.split() == [b"[]", b"194.53"]
