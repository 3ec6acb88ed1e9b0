"""The import graph of aipark runs one way: no module imports one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import aipark

PACKAGE = Path(aipark.__file__).parent

# Imports against the layering, each made inside a function and only there, and why.
UPWARD: dict[tuple[str, str], str] = {
    # IPython and Jupyter look up _repr_pretty_ and _repr_html_ on the model class.
    ("models", "display"): "the REPL display hooks",
    # Inside exchange_rates(), Quantity.to() converts money through convert().
    ("fx", "conversion"): "the money conversion that exchange_rates() installs",
    # Unpickling checks each pickled unit name as the text parser checks names.
    ("units.registry", "units.parsing"): "unpickling a quantity or unit",
}


def _module_of(parts: tuple[str, ...]) -> str:
    """The aipark module that ``from`` imports from: the longest of ``parts`` that is one.

    ``units.registry`` for ``from .registry import Quantity`` inside ``units``;
    ``units`` for ``from .units import Quantity`` (a name from the package).
    """
    for end in range(len(parts), 0, -1):
        path = PACKAGE.joinpath(*parts[:end])
        if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
            return ".".join(parts[:end])
    return ".".join(parts)


def _imports() -> dict[str, dict[str, bool]]:
    """Module -> aipark modules it imports -> whether every such import is inside a function.

    Imports under ``if TYPE_CHECKING:`` do not run and are left out.
    """
    graph: dict[str, dict[str, bool]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"
        package = parts[:-1]  # what a relative import's first dot means
        edges: dict[str, bool] = {}

        def visit(
            node: ast.AST,
            in_function: bool,
            edges: dict[str, bool] = edges,
            package: tuple[str, ...] = package,
        ) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.If) and ast.unparse(child.test) == "TYPE_CHECKING":
                    continue
                if isinstance(child, ast.ImportFrom) and child.level:
                    base = package[: len(package) - child.level + 1]
                    targets = [child.module] if child.module else [a.name for a in child.names]
                    for target in targets:
                        name = _module_of((*base, *target.split(".")))
                        edges[name] = edges.get(name, True) and in_function
                function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                visit(child, in_function or function)

        visit(ast.parse(path.read_text(encoding="utf-8")), False)
        graph[module] = edges
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in ``graph`` as a list of modules, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_the_import_graph_has_no_cycle() -> None:
    """Apart from the upward imports listed (and why), imports form no cycle, lazy ones too."""
    graph = _imports()
    edges = {
        module: {target for target in targets if (module, target) not in UPWARD}
        for module, targets in graph.items()
        if module != "__init__"  # the package's lazy table names every public module
    }
    assert _cycle(edges) is None, f"import cycle: {' -> '.join(_cycle(edges) or [])}"


def test_upward_imports_stay_inside_functions() -> None:
    """Each listed upward import is made inside a function, never when the module loads."""
    graph = _imports()
    for (module, target), why in UPWARD.items():
        assert target in graph[module], f"{module} no longer imports {target}: drop the entry"
        assert graph[module][target], f"{module} imports {target} at load time ({why})"


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a"}}) is None


def test_subpackage_imports_are_resolved() -> None:
    """Imports inside a subpackage name its modules, so a cycle among them is seen too."""
    graph = _imports()
    assert "units.registry" in graph["units.parsing"]
    assert "errors" in graph["units.parsing"]
    assert "units" in graph["conversion"]
