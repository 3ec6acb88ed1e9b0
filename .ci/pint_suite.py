"""Run pint's own test suite against aipark's registry class; compare with the known differences.

The source release of the pint installed in this environment is downloaded
from the package index (``pip download --no-binary :all:``), unpacked in a
temporary folder, and its ``pint/testsuite`` run with ``aipark_in_pint``
(this folder) replacing ``pint.UnitRegistry`` by ``aipark.UnitRegistry``.
Stock pint passes its own suite, so every failing test is a difference
between aipark's class and pint's.  ``pint-differences.txt`` lists the
differences aipark makes on purpose, each with its reason; a failure not in
that list fails this script (exit 1).  An entry that no longer fails is
reported, so the list can be trimmed.

    uv run python .ci/pint_suite.py [--sdist pint-X.tar.gz]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "pint-differences.txt"


def expected_differences() -> dict[str, str]:
    """Test ids from ``pint-differences.txt``, each with the reason of its section."""
    found: dict[str, str] = {}
    reason = ""
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            reason = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            found[line.strip()] = reason
    return found


def download(version: str, into: Path) -> Path:
    """The sdist of pint ``version`` from the package index, via pip."""
    pip = [sys.executable, "-m", "pip"]
    if subprocess.run([*pip, "--version"], capture_output=True, check=False).returncode:
        # uv's environments have no pip; the Python they were made from has.
        bases = (Path(sys.base_prefix) / "bin" / name for name in ("python3", "python"))
        pip = [str(next(b for b in bases if b.exists())), "-m", "pip"]
    subprocess.run(
        [
            *pip,
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            f"pint=={version}",
            "--dest",
            str(into),
        ],
        check=True,
    )
    (sdist,) = into.glob("pint-*.tar.gz")
    return sdist


def failures(junit: Path) -> set[str]:
    """Ids (``module::Class::test[param]``) of the tests that failed or errored."""
    failed = set()
    for case in ET.parse(junit).iter("testcase"):
        if any(child.tag in ("failure", "error") for child in case):
            classname = case.get("classname", "").removeprefix("pint.testsuite.")
            module, _, cls = classname.partition(".")
            failed.add("::".join(part for part in (module, cls, case.get("name", "")) if part))
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help="use this pint sdist instead of downloading")
    args = parser.parse_args()
    version = importlib.metadata.version("pint")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pint-suite-") as tmp:
        work = Path(tmp)
        sdist = args.sdist or download(version, work)
        if not sdist.name.startswith(f"pint-{version}."):
            print(f"{sdist.name} is not the installed pint {version}", file=sys.stderr)
            return 1
        with tarfile.open(sdist) as archive:
            archive.extractall(work, filter="data")
        root = work / f"pint-{version}"
        print(f"pint {version}: sdist ready after {time.monotonic() - started:.0f} s")
        junit = work / "junit.xml"
        env = {**os.environ, "PYTHONPATH": str(HERE)}
        run = subprocess.run(
            [
                *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
                *("-p", "aipark_in_pint", "--junitxml", str(junit), "-W", "ignore"),
                *("pint/testsuite", "--ignore", "pint/testsuite/benchmarks", "--no-header"),
                *("-o", "console_output_style=classic", "--tb=no"),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        print(run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr)
        if not junit.exists():
            print(run.stdout, run.stderr, file=sys.stderr)
            return 1
        failed = failures(junit)
        shutil.rmtree(root, ignore_errors=True)
    expected = expected_differences()
    new = sorted(failed - expected.keys())
    gone = sorted(expected.keys() - failed)
    print(
        f"{len(failed)} of pint's tests fail with aipark.UnitRegistry, all expected: "
        f"{not new} ({time.monotonic() - started:.0f} s)"
    )
    for test in gone:
        print(f"no longer differs (remove from {EXPECTED.name}): {test}")
    for test in new:
        print(f"NEW DIFFERENCE from pint: {test}", file=sys.stderr)
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
