"""aipark: typed, unit-aware domain models for AI industrial parks.

>>> import aipark
>>> aipark.convert("2918 mu", "hectare")
<Quantity(194.53333333333333, 'hectare')>
>>> aipark.QINGDAO.area
<Quantity(2918, 'shi_mu')>

Importing aipark is cheap and has no side effects: the unit registry, the
converter and the prebuilt park are built on first use, and pint's
application registry and cattrs' global converter are left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    AiparkError,
    ConversionError,
    FieldError,
    LoadError,
    MissingDependencyError,
    MissingRateError,
    PrecisionMismatchError,
    ProvenanceError,
    ValidationError,
)

if TYPE_CHECKING:
    import cattrs

    from .auditing import Finding, FindingKind, Reading, SourceConflict, audit, format_findings
    from .compute import ComputeTotal, Derived, compute_per_pc, total_compute
    from .conversion import convert, same_value
    from .diagram import to_mermaid, to_svg
    from .extraction import Mention, MentionKind, extract
    from .factsheet import describe
    from .formatting import format_quantity
    from .fx import ExchangeRate, exchange_rate, exchange_rates
    from .io import dump, load
    from .models import (
        Bound,
        Citation,
        ComputingCenter,
        InnovationPlatform,
        Location,
        Milestone,
        Observation,
        Park,
        Precision,
        Source,
        Target,
        Term,
        Zone,
        ZoneKind,
        citations_of,
        source_of,
    )
    from .schema import json_schema
    from .serialization import from_dict, make_converter, to_dict
    from .tables import to_arrow, to_dataframe, write_parquet
    from .text_audit import TextFinding, TextProblem
    from .units import Quantity, UnitRegistry, use_as_application_registry

    #: aipark's unit registry: pint's defaults plus the mu, the qing, currencies,
    #: FLOP and FLOPS, and the magnitude words 万 and 亿.  Built on first use.
    ureg: UnitRegistry
    #: Makes quantities of :data:`ureg`: ``Q_(2918, "mu")``.
    Q_: type[Quantity]
    #: The Qingdao Artificial Intelligence Industrial Park, every fact cited to
    #: its source.  Loaded from a data file on first use.
    QINGDAO: Park
    #: aipark's cattrs converter, the one :func:`to_dict` and :func:`from_dict`
    #: use; register hooks on it to serialize your own classes beside aipark's.
    converter: cattrs.Converter

__all__ = [
    "QINGDAO",
    "Q_",
    "AiparkError",
    "Bound",
    "Citation",
    "ComputeTotal",
    "ComputingCenter",
    "ConversionError",
    "Derived",
    "ExchangeRate",
    "FieldError",
    "Finding",
    "FindingKind",
    "InnovationPlatform",
    "LoadError",
    "Location",
    "Mention",
    "MentionKind",
    "Milestone",
    "MissingDependencyError",
    "MissingRateError",
    "Observation",
    "Park",
    "Precision",
    "PrecisionMismatchError",
    "ProvenanceError",
    "Quantity",
    "Reading",
    "Source",
    "SourceConflict",
    "Target",
    "Term",
    "TextFinding",
    "TextProblem",
    "UnitRegistry",
    "ValidationError",
    "Zone",
    "ZoneKind",
    "__version__",
    "audit",
    "citations_of",
    "compute_per_pc",
    "convert",
    "converter",
    "describe",
    "dump",
    "exchange_rate",
    "exchange_rates",
    "extract",
    "format_findings",
    "format_quantity",
    "from_dict",
    "json_schema",
    "load",
    "make_converter",
    "same_value",
    "source_of",
    "to_arrow",
    "to_dataframe",
    "to_dict",
    "to_mermaid",
    "to_svg",
    "total_compute",
    "ureg",
    "use_as_application_registry",
    "write_parquet",
]

# The type-checking imports above are the one list of the names aipark imports
# lazily: on first access to one, __getattr__ reads that block of this file for
# the module to import (as scientific Python's lazy_loader reads a stub file), so
# pint, cattrs, babel and attrs load only when something needs them.  aipark's
# own registry, converter and prebuilt park are built on first use.
_BUILT: dict[str, Callable[[], Any]] = {
    "ureg": lambda: _module("units").get_registry(),
    "Q_": lambda: _module("units").get_registry().Quantity,
    "converter": lambda: _module("serialization").get_converter(),
    "QINGDAO": lambda: _module("data").get_park("qingdao"),
}


def _module(name: str) -> Any:
    from importlib import import_module

    return import_module(f".{name}", __name__)


@functools.cache
def _lazy_table() -> dict[str, tuple[str, str]]:
    """Public name -> (module, attribute), from this file's ``if TYPE_CHECKING:`` imports."""
    import re

    try:
        with open(__file__, encoding="utf-8") as f:
            source = f.read()
    except OSError:  # installed without sources (a frozen app): ask every module
        return _table_from_modules()
    block = source.split("\nif TYPE_CHECKING:\n", 1)[1]
    end = re.search(r"\n(?=\S)", block)  # the first line back at the left margin
    block = block[: end.end()] if end else block
    pattern = r"^    from \.(\w+) import (?:\(([^)]*)\)|(.*))$"
    return {
        name: (module, name)
        for module, wrapped, line in re.findall(pattern, block, re.M)
        for name in (wrapped or line).replace(",", " ").split()
    }


def _table_from_modules() -> dict[str, tuple[str, str]]:
    """The same table from the ``__all__`` of every submodule, importing them all."""
    import pkgutil

    table: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name != "__main__":
            for attr in getattr(_module(info.name), "__all__", ()):
                table.setdefault(attr, (info.name, attr))
    return table


def __getattr__(name: str) -> Any:
    if name in _BUILT:
        value = _BUILT[name]()
    elif name in __all__ and name in _lazy_table():
        module, attr = _lazy_table()[name]
        value = getattr(_module(module), attr)
    else:
        raise AttributeError(f"module 'aipark' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
