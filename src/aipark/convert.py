"""Unit conversion for people: text in, an aipark quantity out, clear errors.

Currencies are separate dimensions, so money converts only with an explicit
exchange rate; every other conversion is pint's, with conversion factors
cached per pair of units.
"""

from __future__ import annotations

from typing import Any

import pint

from .errors import ConversionError, MissingRateError, ValidationError
from .units import (
    Quantity,
    as_quantity,
    conversion_factor,
    get_registry,
    parse_quantity,
    parse_unit,
    unit_name,
)

__all__ = ["convert"]

_CURRENCY = "[currency_"


def convert(
    value: pint.Quantity | str,  # type: ignore[type-arg]
    unit: pint.Unit | str,
    *,
    rate: pint.Quantity | str | None = None,  # type: ignore[type-arg]
) -> Quantity:
    """Convert ``value`` to ``unit``.

    >>> convert("2918 mu", "hectare")
    <Quantity(194.53333333333333, 'hectare')>

    ``value`` is a quantity of any pint registry or text such as
    ``"600亿元"``; ``unit`` is a unit or its text.  Money needs ``rate``, a
    quantity such as ``"6.9028 CNY/USD"`` (either direction: its units decide
    whether aipark multiplies or divides).

    Raises :class:`~aipark.ConversionError` when the dimensions differ,
    :class:`~aipark.MissingRateError` for money without a rate, and
    :class:`~aipark.ValidationError` for unreadable input.
    """
    q = parse_quantity(value) if isinstance(value, str) else as_quantity(value)
    target = _target_unit(unit)
    if rate is not None:
        return _convert_with_rate(q, target, as_quantity(rate))
    if _is_money(q) and _is_money(target) and q.dimensionality != target.dimensionality:
        raise MissingRateError(
            f"converting {unit_name(q._units)} to {unit_name(target._units)} needs an exchange "
            f"rate, e.g. rate='6.9028 CNY/USD'"
        )
    return _to(q, target)


def _target_unit(unit: object) -> Any:
    if isinstance(unit, str):
        return parse_unit(unit)
    if isinstance(unit, pint.Unit):
        return as_quantity(1 * unit).units
    raise ValidationError(f"expected a unit or its text, got {type(unit).__name__}")


def _is_money(q: Any) -> bool:
    return any(str(dim).startswith(_CURRENCY) for dim in q.dimensionality)


def _to(q: Quantity, target: Any) -> Quantity:
    factor = conversion_factor(q._units, target._units)
    reg = get_registry()
    if factor is None:  # offset units (degC): pint's own path
        result: Quantity = q.to(target)
        return result
    magnitude = q.magnitude * factor
    if isinstance(q.magnitude, int) and factor.is_integer() and abs(magnitude) < 2**53:
        magnitude = q.magnitude * int(factor)
    converted: Quantity = reg.Quantity(magnitude, target._units)
    return converted


def _convert_with_rate(q: Quantity, target: Any, rate: Quantity) -> Quantity:
    if not _is_money(rate) or rate.magnitude <= 0:
        raise ValidationError(
            f"an exchange rate is a positive amount of one currency per another, got {rate}"
        )
    want = target.dimensionality
    for candidate in (q / rate, q * rate):
        if candidate.dimensionality == want:
            return _to(candidate, target)
    if q.dimensionality == want:
        return _to(q, target)
    raise ConversionError(
        f"rate {rate} does not convert {unit_name(q._units)} to {unit_name(target._units)}"
    )
