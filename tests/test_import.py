"""The public surface, and the promise that importing aipark has no side effects."""

from __future__ import annotations

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
    "Park",
    "Precision",
    "ProvenanceError",
    "Q_",
    "Quantity",
    "Source",
    "Target",
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
