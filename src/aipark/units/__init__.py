"""aipark's units: the registry, the one safe reader of text, exact ratios, plain text.

Each job has its own module: :mod:`~aipark.units.registry` (the registry and
its immutable quantities, pickling), :mod:`~aipark.units.parsing` (reading
text), :mod:`~aipark.units.exact` (exact conversion ratios) and
:mod:`~aipark.units.plain` (plain-text output).  This package re-exports what
the rest of aipark imports from ``aipark.units``; pickles name
``aipark.units._unpickle`` and ``aipark.units._unpickle_unit``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .exact import (
    FLOP_COUNT_HINT,
    affine_conversion,
    conversion_factor,
    conversion_ratio,
)
from .exact import (
    _exact_scale_of as _exact_scale_of,
)
from .parsing import (
    _AMBIGUOUS as _AMBIGUOUS,
)
from .parsing import (
    FLOPS_DIMENSION,
    MAX_TEXT_LENGTH,
    Figure,
    as_quantity,
    parse_quantity,
    parse_unit,
    quantity,
    read_figure,
)
from .parsing import (
    _parse_units_cached as _parse_units_cached,
)
from .parsing import (
    _read_unit as _read_unit,
)
from .parsing import (
    _resolve_name as _resolve_name,
)
from .plain import plain_quantity
from .registry import (
    CURRENCY_DIMENSION,
    Quantity,
    UnitRegistry,
    check_magnitude,
    currencies_of,
    dimensionality,
    get_registry,
    missing_rate_message,
    unit_name,
    use_as_application_registry,
)
from .registry import (
    Unit as Unit,
)
from .registry import (
    _has_dimension as _has_dimension,
)
from .registry import (
    _money_conversion as _money_conversion,
)
from .registry import (
    _new_quantity as _new_quantity,
)
from .registry import (
    _new_registry as _new_registry,
)
from .registry import (
    _unpickle as _unpickle,
)
from .registry import (
    _unpickle_unit as _unpickle_unit,
)

if TYPE_CHECKING:
    from .registry import QuantityInput as QuantityInput

__all__ = [
    "CURRENCY_DIMENSION",
    "FLOPS_DIMENSION",
    "FLOP_COUNT_HINT",
    "MAX_TEXT_LENGTH",
    "Figure",
    "Quantity",
    "UnitRegistry",
    "affine_conversion",
    "as_quantity",
    "check_magnitude",
    "conversion_factor",
    "conversion_ratio",
    "currencies_of",
    "dimensionality",
    "get_registry",
    "missing_rate_message",
    "parse_quantity",
    "parse_unit",
    "plain_quantity",
    "quantity",
    "read_figure",
    "unit_name",
    "use_as_application_registry",
]
