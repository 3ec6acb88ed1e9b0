"""Unit conversion for people: text in, an aipark quantity out, clear errors.

Currencies are separate dimensions, so money converts only with an explicit
exchange rate or the reference rate of a date (:mod:`aipark.fx`); every other
conversion is pint's, with conversion factors cached per pair of units.
"""

from __future__ import annotations

import datetime
import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import pint

from .errors import ConversionError, MissingRateError, ValidationError, one_line, shown
from .units import (
    FLOPS_DIMENSION,
    Quantity,
    _has_dimension,
    affine_conversion,
    as_quantity,
    conversion_ratio,
    currencies_of,
    get_registry,
    missing_rate_message,
    parse_quantity,
    parse_unit,
    plain_quantity,
    unit_name,
)

if TYPE_CHECKING:
    from .fx import ExchangeRate
    from .units import QuantityInput

__all__ = ["convert", "same_value"]


def convert(
    value: QuantityInput,
    unit: pint.Unit | str,
    *,
    rate: QuantityInput | ExchangeRate | None = None,
    on: datetime.date | None = None,
) -> Quantity:
    """Convert ``value`` to ``unit``.

    >>> convert("2918 mu", "hectare")
    <Quantity(194.53333333333333, 'hectare')>

    ``value`` is a quantity of any pint registry or text such as
    ``"600亿元"``; ``unit`` is a unit or its text.  Money needs ``rate``, a
    quantity such as ``"6.9028 CNY/USD"`` (either direction: its units decide
    whether aipark multiplies or divides) or an :class:`~aipark.ExchangeRate`.
    Instead of a rate, ``on=datetime.date(2023, 2, 23)`` uses the ECB reference
    rate of that day (see :func:`aipark.exchange_rate` for weekends and
    holidays); inside ``with aipark.exchange_rates(on=...)`` the block's date
    is used.  An explicit ``rate`` always wins.

    Raises :class:`~aipark.ConversionError` when the dimensions differ,
    :class:`~aipark.MissingRateError` for money without a rate, and
    :class:`~aipark.ValidationError` for unreadable input.
    """
    target = _target_unit(unit)
    if isinstance(value, str):  # "100P" is 100 PFLOPS when the target is compute power
        compute = _has_dimension(get_registry(), target._units, FLOPS_DIMENSION)
        q = parse_quantity(value, dimension=FLOPS_DIMENSION if compute else None)
    else:
        q = as_quantity(value)
    if rate is not None or on is not None:  # aipark.fx only when money needs it
        from .fx import ExchangeRate, check_date

        if on is not None:
            check_date(on)
        if rate is not None:
            rate_q = rate.rate if isinstance(rate, ExchangeRate) else _rate(rate, q, target)
            return _convert_with_rate(q, target, rate_q)
    if _is_money(q) and _is_money(target) and q.dimensionality != target.dimensionality:
        from .fx import active_date, currency_of, exchange_rate

        day = on if on is not None else active_date()
        src, dst = currency_of(q), currency_of(target)
        if day is not None and src is not None and dst is not None:
            return _convert_with_rate(q, target, exchange_rate(src, dst, on=day).rate)
        raise MissingRateError(missing_rate_message(q, target))
    return _to(q, target)


def _rate_example(number: object, q: Quantity, target: Any) -> str:
    """``rate='7.2 CNY/USD'``: the form of a rate, for this conversion's currencies."""
    src = next(iter(currencies_of(q)), "USD")
    dst = next(iter(currencies_of(target)), "CNY")
    if src == dst:
        src, dst = "USD", "CNY"
    if isinstance(number, bool) or not isinstance(number, int | float) or number <= 0:
        number = 6.9028 if {src, dst} == {"CNY", "USD"} else 1.5
    return f"rate='{number} {dst}/{src}'"


def _rate(rate: object, q: Quantity, target: Any) -> Quantity:
    """The ``rate`` argument as a quantity; errors name it and show the form it takes."""
    if isinstance(rate, int | float) and not isinstance(rate, bool):
        raise ValidationError(
            f"expected an exchange rate with its currencies, such as "
            f"{_rate_example(rate, q, target)}, got {shown(rate)}",
            path="rate",
        )
    try:
        return as_quantity(rate)
    except ValidationError as exc:
        raise exc.at("rate") from None


def _shown_rate(rate: Quantity) -> str:
    text = plain_quantity(rate)
    return f"{text}, a bare number" if rate.dimensionless else text


def _target_unit(unit: object) -> Any:
    if isinstance(unit, str):
        return parse_unit(unit)
    if isinstance(unit, pint.Unit):
        return as_quantity(1 * unit).units
    raise ValidationError(f"expected a unit or its text such as 'hectare', got {shown(unit)}")


def _is_money(q: Any) -> bool:
    return bool(currencies_of(q))


def _to(q: Quantity, target: Any) -> Quantity:
    """``q`` in ``target`` units, exactly where the definitions are exact."""
    src, dst = q._units, target._units
    ratio = conversion_ratio(src, dst)
    try:
        if ratio is not None:
            value = _scale(q.magnitude, ratio)
        elif (line := affine_conversion(src, dst)) is not None:  # degC -> degF
            value = _exact_number(q.magnitude, Fraction(q.magnitude) * line[0] + line[1])
        else:  # logarithmic units, products with an offset unit: pint's path or refusal
            value = _pint_to(q, target)
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        # 1e308 qing is a finite area, but not in square meters: refuse
        # rather than hand back inf.
        raise ConversionError(
            f"the result in {unit_name(dst)} is too large to represent as a number"
        )
    converted: Quantity = get_registry().Quantity(value, dst)
    return converted


def _pint_to(q: Quantity, target: Any) -> Any:
    try:
        return q.to(target).magnitude
    except (pint.PintError, TypeError, ValueError, ArithmeticError) as exc:
        raise ConversionError(
            f"cannot convert {unit_name(q._units)} to {unit_name(target._units)}: "
            f"{one_line(str(exc))}"
        ) from None


def _exact_number(magnitude: Any, exact: Fraction) -> Any:
    """An int for a whole result from an int, else the float nearest ``exact``."""
    if isinstance(magnitude, int) and exact.denominator == 1:
        return exact.numerator
    return float(exact)


def _scale(magnitude: Any, ratio: Fraction) -> Any:
    """``magnitude * ratio`` with one rounding: the float nearest the exact product.

    An integer stays an integer when the result is whole (150 PFLOPS is
    150000 TFLOPS, 1 qing is 100 mu); 2918 mu is 2918 / 15 ha, correctly rounded.
    """
    num, den = ratio.numerator, ratio.denominator
    if isinstance(magnitude, int):
        whole, rest = divmod(magnitude * num, den)
        return whole if not rest else magnitude * num / den  # int / int rounds once
    if den == 1 and num < 2**53:
        return magnitude * num
    if num == 1 and den < 2**53:
        return magnitude / den
    return float(Fraction(magnitude) * ratio)


def _convert_with_rate(q: Quantity, target: Any, rate: Quantity) -> Quantity:
    if not _is_money(rate) or rate.magnitude <= 0:
        raise ValidationError(
            "expected a positive amount of one currency per another, such as "
            f"{_rate_example(rate.magnitude, q, target)}, got {_shown_rate(rate)}",
            path="rate",
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


def same_value(
    a: QuantityInput,
    b: QuantityInput,
    *,
    rel_tol: float = 1e-12,
) -> bool:
    """Whether two figures are the same amount, whatever units they are stated in.

    >>> same_value("1 hectare", "15 mu"), same_value("100 PFLOPS", "0.1 EFLOPS")
    (True, True)
    >>> same_value("1 hectare", "16 mu"), same_value("1 hectare", "1 PFLOPS")
    (False, False)

    Models compare figures as stated (``Park(area="1 hectare")`` is not
    ``Park(area="15 mu")``); this compares what they denote.  ``a`` is
    converted to ``b``'s unit exactly (:func:`convert`), then the two agree
    when equal within ``rel_tol`` (default ``1e-12``: float rounding, never a
    difference anyone printed).  Figures of different dimensions, including
    different currencies, are not the same value.  Raises
    :class:`~aipark.ValidationError` for unreadable input.
    """
    x = parse_quantity(a) if isinstance(a, str) else as_quantity(a)
    y = parse_quantity(b) if isinstance(b, str) else as_quantity(b)
    if not (isinstance(rel_tol, float | int) and not isinstance(rel_tol, bool) and rel_tol >= 0):
        raise ValidationError(f"rel_tol must be a non-negative number, got {rel_tol!r}")
    if x.dimensionality != y.dimensionality:
        return False
    try:
        converted = _to(x, y.units).magnitude
    except ConversionError:  # too large for b's unit: not b's finite amount
        return False
    other = y.magnitude
    if isinstance(converted, int) and isinstance(other, int):
        return converted == other
    return math.isclose(converted, other, rel_tol=rel_tol)
