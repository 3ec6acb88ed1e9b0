"""Run every example in README.md and docs/*.md as a test, with Sybil.

Three kinds of block are executed, each in the document's own namespace and
in a fresh temporary working directory:

* ``python`` blocks: doctests when they start with ``>>>``, else plain code;
* ``console`` blocks: each ``$ aipark ...`` line is run through
  :func:`aipark.cli.run` and its output compared with the lines below it
  (a command shown without output must succeed, and ``> file`` writes the
  output to that file); other commands, such as
  ``$ uv sync``, are shown for people and not run;
* ``code-block`` directives with a ``:caption:`` naming a file (``park.toml``):
  the block is written to that file, for the examples after it to read.

Docstring examples in ``src/`` run through pytest's ``--doctest-modules``.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import shlex
import tempfile
from typing import Any

from sybil import Example, Sybil
from sybil.parsers.abstract.lexers import LexerCollection
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.myst.lexers import DirectiveLexer

# docs/conf.py and its extension import Sphinx, which only the docs group has.
collect_ignore_glob = ["docs/*.py", "docs/_ext/*", "docs/_build/*"]


def run_console(example: Example) -> str | None:
    """Run each ``$ aipark ...`` line of a console block and compare its output."""
    from aipark.cli import run

    commands: list[tuple[str, list[str]]] = []
    for line in example.parsed.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    for command, expected_lines in commands:
        argv = shlex.split(command)
        if argv[0] != "aipark":
            continue
        target = None
        if len(argv) > 2 and argv[-2] == ">":
            argv, target = argv[:-2], argv[-1]
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = run(argv[1:])
        if target is not None:
            with open(target, "w", encoding="utf-8") as f:
                f.write(out.getvalue())
            out = io.StringIO()
        expected = "\n".join(expected_lines).rstrip()
        actual = "\n".join(line.rstrip() for line in out.getvalue().splitlines()).rstrip()
        if not expected:
            if code != 0:
                return f"$ {command}\nexited with {code}:\n{actual}"
        elif actual != expected:
            return f"$ {command}\nExpected:\n{expected}\nGot:\n{actual}"
    return None


class FileBlockParser:
    """Write ``code-block`` directives that have a ``:caption:`` to that file."""

    def __init__(self) -> None:
        self.lexers = LexerCollection(
            [DirectiveLexer(directive="code-block", arguments="toml|json|text")]
        )

    def __call__(self, document: Any) -> Any:
        for region in self.lexers(document):
            name = region.lexemes.get("options", {}).get("caption")
            if name:
                region.parsed = (name, str(region.lexemes["source"]))
                region.evaluator = self.write
                yield region

    @staticmethod
    def write(example: Example) -> None:
        name, text = example.parsed
        if os.path.dirname(name):
            raise ValueError(f"file blocks name a file in the working directory, not {name!r}")
        with open(name, "w", encoding="utf-8") as f:
            f.write(text)


def _setup(namespace: dict[str, Any]) -> None:
    namespace["_aipark_cwd"] = os.getcwd()
    namespace["_aipark_tmp"] = tmp = tempfile.TemporaryDirectory(prefix="aipark-docs-")
    os.chdir(tmp.name)


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["_aipark_cwd"])
    namespace["_aipark_tmp"].cleanup()


docs_examples = Sybil(
    parsers=[
        # The same flags as pyproject.toml's doctest_optionflags for src/.
        PythonCodeBlockParser(doctest_optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS),
        CodeBlockParser("console", run_console),
        FileBlockParser(),
        SkipParser(),
    ],
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
)
pytest_collect_file = docs_examples.pytest()


def pytest_addoption(parser: Any) -> None:
    parser.addoption(
        "--browser",
        action="store_true",
        help="also run tests/browser: the built docs in the system's Chromium (see .ci/run)",
    )


def pytest_ignore_collect(collection_path: Any, config: Any) -> bool | None:
    """tests/browser needs a browser and built docs: collected only with --browser."""
    if collection_path.name == "browser" and collection_path.parent.name == "tests":
        return not config.getoption("--browser")
    return None
