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
    ValidationError,
)

if TYPE_CHECKING:
    import cattrs

    from .auditing import Finding, FindingKind, Reading, audit, format_findings
    from .compute import ComputeTotal, Derived, compute_per_pc, total_compute
    from .conversion import convert, same_value
    from .diagram import to_mermaid, to_svg
    from .extraction import Mention, MentionKind, extract
    from .formatting import describe, format_quantity
    from .fx import ExchangeRate, exchange_rate, exchange_rates
    from .io import dump, load
    from .models import (
        Bound,
        Citation,
        ComputingCenter,
        InnovationPlatform,
        Location,
        Milestone,
        Park,
        Precision,
        ProvenanceError,
        Source,
        Target,
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
    "Park",
    "Precision",
    "PrecisionMismatchError",
    "ProvenanceError",
    "Quantity",
    "Reading",
    "Source",
    "Target",
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

# Public names and the modules that define them, imported on first access: pint,
# cattrs, babel and attrs load only when something needs them.
_LAZY = {
    "Bound": ("models", "Bound"),
    "Citation": ("models", "Citation"),
    "ComputingCenter": ("models", "ComputingCenter"),
    "InnovationPlatform": ("models", "InnovationPlatform"),
    "Location": ("models", "Location"),
    "Milestone": ("models", "Milestone"),
    "Park": ("models", "Park"),
    "Precision": ("models", "Precision"),
    "ProvenanceError": ("models", "ProvenanceError"),
    "Source": ("models", "Source"),
    "Target": ("models", "Target"),
    "Zone": ("models", "Zone"),
    "ZoneKind": ("models", "ZoneKind"),
    "citations_of": ("models", "citations_of"),
    "source_of": ("models", "source_of"),
    "convert": ("conversion", "convert"),
    "same_value": ("conversion", "same_value"),
    "describe": ("formatting", "describe"),
    "format_quantity": ("formatting", "format_quantity"),
    "from_dict": ("serialization", "from_dict"),
    "to_dict": ("serialization", "to_dict"),
    "make_converter": ("serialization", "make_converter"),
    "Quantity": ("units", "Quantity"),
    "UnitRegistry": ("units", "UnitRegistry"),
    "ExchangeRate": ("fx", "ExchangeRate"),
    "exchange_rate": ("fx", "exchange_rate"),
    "exchange_rates": ("fx", "exchange_rates"),
    "ComputeTotal": ("compute", "ComputeTotal"),
    "Derived": ("compute", "Derived"),
    "compute_per_pc": ("compute", "compute_per_pc"),
    "total_compute": ("compute", "total_compute"),
    "audit": ("auditing", "audit"),
    "Finding": ("auditing", "Finding"),
    "FindingKind": ("auditing", "FindingKind"),
    "Reading": ("auditing", "Reading"),
    "format_findings": ("auditing", "format_findings"),
    "use_as_application_registry": ("units", "use_as_application_registry"),
    "extract": ("extraction", "extract"),
    "Mention": ("extraction", "Mention"),
    "TextFinding": ("text_audit", "TextFinding"),
    "TextProblem": ("text_audit", "TextProblem"),
    "MentionKind": ("extraction", "MentionKind"),
    "load": ("io", "load"),
    "dump": ("io", "dump"),
    "json_schema": ("schema", "json_schema"),
    "to_arrow": ("tables", "to_arrow"),
    "to_dataframe": ("tables", "to_dataframe"),
    "write_parquet": ("tables", "write_parquet"),
    "to_mermaid": ("diagram", "to_mermaid"),
    "to_svg": ("diagram", "to_svg"),
}


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(import_module(f".{module}", __name__), attr)
    elif name == "ureg":
        value = import_module(".units", __name__).get_registry()
    elif name == "Q_":
        value = import_module(".units", __name__).get_registry().Quantity
    elif name == "converter":
        value = import_module(".serialization", __name__).get_converter()
    elif name == "QINGDAO":
        value = import_module(".data", __name__).get_park("qingdao")
    else:
        raise AttributeError(f"module 'aipark' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
