"""The validators and converters aipark's models share, as small callables with readable reprs.

Used by :mod:`aipark.models` and by the modules that define models of their
own (:mod:`aipark.fx`, :mod:`aipark.compute`, :mod:`aipark.auditing`...), so
none of them imports another's private helpers.  Quantities are checked
through :mod:`aipark.units`, imported on first use: importing the models must
not import pint.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

import attrs

from .errors import FieldError, ValidationError, shown

if TYPE_CHECKING:
    from .units import Quantity


@attrs.frozen(repr=False)
class _Dimension:
    """Validate a quantity's dimension, finiteness and (optionally) sign.

    The dimension :data:`_MONEY_DIMENSION` means an amount in one currency:
    each currency is its own dimension, so no single pint dimension says "money".
    """

    dimension: str | None
    label: str
    non_negative: bool = False

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        magnitude = value.magnitude
        if isinstance(magnitude, bool) or not isinstance(magnitude, int | float):
            raise ValidationError(
                f"expected a scalar magnitude, got {shown(magnitude)}", path=attribute.name
            )
        try:
            _units().check_magnitude(magnitude)
        except ValidationError as exc:
            raise exc.at(attribute.name) from None
        if self.dimension is not None and not self._has_dimension(value):
            raise ValidationError(
                f"expected {self.label}, got {value} ({value.dimensionality or 'dimensionless'})"
                + _count_hint(value, self.dimension),
                path=attribute.name,
            )
        if self.non_negative and magnitude < 0:
            raise ValidationError(f"must not be negative, got {value}", path=attribute.name)

    def _has_dimension(self, value: Any) -> bool:
        if self.dimension != _MONEY_DIMENSION:
            return bool(value.check(self.dimension))
        codes = _units().currencies_of(value)
        return len(value.dimensionality) == 1 and list(codes.values()) == [1]

    def __repr__(self) -> str:
        sign = ", non-negative" if self.non_negative else ""
        return f"<dimension validator {self.label}{sign}>"


def _count_hint(value: Any, dimension: str) -> str:
    """Why ``5 EFLOP`` is no compute power: FLOP counts operations, FLOPS is a rate."""
    if dimension != _COMPUTE_DIMENSION or not value.check("[floating_point_operation]"):
        return ""
    hint: str = _units().FLOP_COUNT_HINT
    return f"{hint}: write '{value.magnitude} {value.units:~}S'"


_MONEY_DIMENSION: Final = "money"


@attrs.frozen(repr=False)
class _Typed:
    """Validate type (never letting ``bool`` pose as ``int``) and an optional check."""

    types: tuple[type, ...]
    check: Callable[[Any], str | None] | None = None

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and type(None) in self.types:
            return
        if (isinstance(value, bool) and bool not in self.types) or not isinstance(
            value, self.types
        ):
            names = " or ".join(t.__name__ for t in self.types if t is not type(None))
            raise ValidationError(f"expected {names}, got {shown(value)}", path=attribute.name)
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 63:
            # JSON and TOML readers elsewhere hold at most 64-bit integers.
            raise ValidationError("integer out of the 64-bit range", path=attribute.name)
        if self.check is not None and (problem := self.check(value)) is not None:
            raise ValidationError(problem, path=attribute.name)

    def __repr__(self) -> str:
        return f"<type validator {[t.__name__ for t in self.types]}>"


@attrs.frozen(repr=False)
class _Items:
    """Validate that every item of a tuple has the given type; errors name the index."""

    type: type

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        errors = [
            FieldError(
                f"{attribute.name}[{i}]",
                f"expected {self.type.__name__}, got {shown(item)}",
            )
            for i, item in enumerate(value)
            if not isinstance(item, self.type) or (isinstance(item, bool) and self.type is not bool)
        ]
        if self.type is str:
            errors += [
                FieldError(f"{attribute.name}[{i}]", problem)
                for i, item in enumerate(value)
                if isinstance(item, str) and (problem := _plain_text(item)) is not None
            ]
        if errors:
            raise ValidationError(errors)

    def __repr__(self) -> str:
        return f"<items validator {self.type.__name__}>"


# C0 and C1 controls (escape sequences rewrite a terminal), the bidi
# overrides that make text display in another order than it reads, and lone
# surrogates (no UTF-8 file can hold them).
_NOT_TEXT: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _plain_text(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    if (found := _NOT_TEXT.search(value)) is not None:
        return f"contains a character not allowed in text: {found.group()!r}"
    return None


def _not_negative(value: int) -> str | None:
    return f"must not be negative, got {value}" if value < 0 else None


def _positive(value: int) -> str | None:
    return f"must be positive, got {value}" if value < 1 else None


def _at_least_one(value: float) -> str | None:
    """A power usage effectiveness: total power over IT power, so 1 or more."""
    if not math.isfinite(value) or value < 1:
        return f"expected a power usage effectiveness of 1 or more, got {value}"
    return None


def _plausible_year(value: int) -> str | None:
    return None if 1000 <= value <= 9999 else f"expected a four-digit year, got {value}"


def _plain_date(value: datetime.date) -> str | None:
    return "expected a date, not a datetime" if isinstance(value, datetime.datetime) else None


@functools.cache
def _units() -> ModuleType:
    """:mod:`aipark.units`, imported on first use: importing models must not import pint.

    Cached, as an import statement in a function costs microseconds per call.
    """
    from . import units

    return units


def _quantity_at(value: object, field: str, example: str) -> Quantity | None:
    """Store any pint quantity, or quantity text, as a quantity of aipark's registry.

    Errors name ``field`` and show an ``example`` of what it takes, as
    validators' errors do: converters run first and are not told the field.
    """
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValidationError(
            f"expected a quantity or text such as {example!r} (a number needs its unit), "
            f"got {shown(value)}",
            path=field,
        )
    try:
        q: Quantity = _units().as_quantity(value)
    except ValidationError as exc:
        raise exc.at(field) from None
    return q


def _stated(value: Quantity | None) -> object:
    """A quantity as stated, for equality and hashing: its magnitude and its units.

    ``1 hectare`` and ``15 mu`` are the same area but not the same stated
    data, so models holding them differ (:func:`aipark.same_value` compares
    across units).  Magnitudes compare as Python numbers: ``2918 == 2918.0``.
    """
    if value is None:
        return None
    return (value.magnitude, value._units)


_TEXT: Final = _Typed((str,), _plain_text)
_OPTIONAL_TEXT: Final = _Typed((str, type(None)), _plain_text)
_FLAG: Final = _Typed((bool,))
_COUNT: Final = _Typed((int, type(None)), _not_negative)
_YEAR: Final = _Typed((int, type(None)), _plausible_year)
_DATE: Final = _Typed((datetime.date, type(None)), _plain_date)
_AREA: Final = _Dimension("[area]", "an area", non_negative=True)
_COMPUTE_DIMENSION: Final = "[floating_point_operation] / [time]"
_COMPUTE: Final = _Dimension(_COMPUTE_DIMENSION, "FLOPS", non_negative=True)
_ANY_AMOUNT: Final = _Dimension(None, "an amount")
_MONEY: Final = _Dimension(_MONEY_DIMENSION, "an amount of money, e.g. 390000000 CNY", True)
_POWER: Final = _Dimension("[power]", "a power, e.g. 10 MW", non_negative=True)
_PUE: Final = _Typed((int, float, type(None)), lambda v: _at_least_one(v))
