"""The public surface, and the promise that importing aipark has no side effects."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import aipark

PUBLIC = {
    "QINGDAO",
    "AiparkError",
    "Bound",
    "Citation",
    "ComputingCenter",
    "ConversionError",
    "FieldError",
    "InnovationPlatform",
    "Location",
    "Milestone",
    "MissingRateError",
    "Observation",
    "Park",
    "Precision",
    "ProvenanceError",
    "Q_",
    "Quantity",
    "Source",
    "Target",
    "Term",
    "UnitRegistry",
    "ValidationError",
    "Zone",
    "ZoneKind",
    "__version__",
    "citations_of",
    "convert",
    "converter",
    "describe",
    "format_quantity",
    "from_dict",
    "make_converter",
    "same_value",
    "source_of",
    "to_dict",
    "ureg",
    # Money on a date, compute totals, the audit.
    "ComputeTotal",
    "Derived",
    "ExchangeRate",
    "Finding",
    "FindingKind",
    "MissingDependencyError",
    "PrecisionMismatchError",
    "Reading",
    "SourceConflict",
    "audit",
    "compute_per_pc",
    "exchange_rate",
    "exchange_rates",
    "format_findings",
    "total_compute",
    # Figures in articles.
    "Mention",
    "MentionKind",
    "extract",
    "TextFinding",
    "TextProblem",
    # Tables for analysts.
    "to_arrow",
    "to_dataframe",
    "write_parquet",
    # The park file format for other tools.
    "json_schema",
}


def test_all_is_pinned_and_importable() -> None:
    assert set(aipark.__all__) >= PUBLIC
    for name in aipark.__all__:
        assert getattr(aipark, name) is not None, name


def test_every_public_name_resolves_in_a_fresh_process() -> None:
    """Each name in ``__all__`` is importable first thing, before anything else is loaded."""
    out = run_python(
        """
        import aipark
        missing = []
        for name in aipark.__all__:
            try:
                getattr(aipark, name)
            except Exception as exc:
                missing.append(f"{name}: {exc!r}")
        print(missing)
        """
    )
    assert out == "[]"


def test_the_lazy_table_is_the_type_checking_imports() -> None:
    """``__all__`` is what ``import aipark`` defines, what it builds and what it imports lazily.

    The lazy table is read from the ``if TYPE_CHECKING:`` imports of ``__init__.py``,
    so the names type checkers see are the names that import; each resolves to the
    object of the module that defines it.
    """
    import importlib

    out = run_python(
        """
        import aipark, json
        print(json.dumps([n for n in aipark.__all__ if n in vars(aipark)]))
        """
    )
    eager = set(json.loads(out))  # names defined by ``import aipark`` itself
    lazy = aipark._lazy_table()
    assert eager <= {*aipark.errors.__all__, "__version__"}  # cheap: errors and the version
    assert set(lazy) | set(aipark._BUILT) | eager == set(aipark.__all__), (
        "a name in __all__ without a type-checking import, or the other way round"
    )
    assert not set(lazy) & eager
    for name, (module, attr) in lazy.items():
        assert getattr(aipark, name) is getattr(importlib.import_module(f"aipark.{module}"), attr)


def test_the_lazy_table_without_sources_agrees() -> None:
    """Installed without sources, aipark finds each name through its modules' ``__all__``."""
    from_modules = aipark._table_from_modules()
    for name, (module, attr) in aipark._lazy_table().items():
        assert from_modules[name] == (module, attr), name


def test_errors_hierarchy() -> None:
    assert issubclass(aipark.ValidationError, aipark.AiparkError)
    assert issubclass(aipark.ValidationError, ValueError)
    assert issubclass(aipark.ConversionError, aipark.ValidationError)


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_is_cheap() -> None:
    """``import aipark`` loads no pint, cattrs, babel or ECB rates; they come on first use."""
    out = run_python(
        """
        import sys, aipark
        heavy = ("pint", "cattrs", "babel", "currency_converter", "attrs")
        print(sorted(m for m in heavy if m in sys.modules))
        """
    )
    assert out == "[]"


def test_converting_on_the_command_line_loads_no_models() -> None:
    """``aipark convert`` needs pint, not attrs, cattrs or the exchange-rate tables."""
    out = run_python(
        """
        import contextlib, io, sys
        from aipark.cli import run
        with contextlib.redirect_stdout(io.StringIO()):
            assert run(["convert", "1 hectare", "acre"]) == 0
        heavy = ("attrs", "cattrs", "currency_converter", "aipark.models", "aipark.fx")
        print(sorted(m for m in heavy if m in sys.modules))
        """
    )
    assert out == "[]"


def test_import_and_use_leave_global_state_alone() -> None:
    out = run_python(
        """
        import pint, cattrs
        app = pint.get_application_registry().get()
        hooks = cattrs.global_converter._structure_func._function_dispatch._handler_pairs[:]
        import aipark
        aipark.QINGDAO, aipark.convert("1 mu", "ha"), aipark.to_dict(aipark.QINGDAO)
        print(pint.get_application_registry().get() is app)
        print(pint.get_application_registry().Quantity(1, "mu").check("[mass]"))
        after = cattrs.global_converter._structure_func._function_dispatch._handler_pairs
        print(after == hooks)
        """
    )
    assert out.splitlines() == ["True", "True", "True"]


def test_models_load_babel_only_to_format() -> None:
    """Models and their display hooks import neither babel nor pint until text is made."""
    out = run_python(
        """
        import sys, aipark
        park = aipark.Park(name="P", layout="x")
        assert hasattr(park, "_repr_pretty_") and hasattr(park, "_repr_html_")
        print(sorted(m for m in ("pint", "babel") if m in sys.modules))
        park._repr_html_()
        print(sorted(m for m in ("pint", "babel") if m in sys.modules))
        aipark.describe(aipark.QINGDAO)
        print(callable(aipark.convert))
        """
    )
    assert out.splitlines() == ["[]", "['babel', 'pint']", "True"]
