"""pint's and cattrs' private names that aipark uses: all listed, all still there."""

from __future__ import annotations

import ast
from pathlib import Path

import aipark
from aipark._private import PRIVATE_NAMES, missing

SOURCE = Path(aipark.__file__).parent


def test_every_listed_private_name_still_exists() -> None:
    """A pint or cattrs release that removes one fails here, naming it, not silently elsewhere."""
    gone = missing()
    assert gone == [], f"private names aipark relies on are gone from this release: {gone}"


def test_every_entry_says_why() -> None:
    for name in PRIVATE_NAMES:
        assert len(name.reason) > 20, name


def _own_private_names() -> set[str]:
    """Private names aipark itself defines (functions, classes, attributes, parameters)."""
    own: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                own.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                own.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                own.add(node.attr)
            elif isinstance(node, ast.alias):
                own.add(node.asname or node.name.split(".")[-1])
            elif isinstance(node, ast.arg):
                own.add(node.arg)
    return own


def test_aipark_uses_no_unlisted_private_name() -> None:
    """Every ``x._name`` in aipark's source is aipark's own or listed in aipark._private."""
    listed = {name.attribute for name in PRIVATE_NAMES}
    # Set by aipark on pint's objects (the lazy registry's flag, quantities built directly)
    # or read from them with aipark's own meaning: listed above as instance attributes.
    own = _own_private_names() - listed
    used: dict[str, str] = {}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                used.setdefault(node.attr, f"{path.name}:{node.lineno}")
    unlisted = {attr: where for attr, where in used.items() if attr not in own | listed}
    assert unlisted == {}, "list these in aipark/_private.py with the reason aipark needs them"
