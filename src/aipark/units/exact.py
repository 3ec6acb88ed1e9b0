"""Exact conversion ratios: each unit's factor followed through its definition as fractions."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any, Final

import pint
from pint.util import UnitsContainer

from ..errors import ConversionError
from .registry import _lock, get_registry, unit_name

FLOP_COUNT_HINT: Final = (
    ", a count of operations (FLOPS, with a capital S, is operations per second)"
)
_FLOP_COUNT: Final = UnitsContainer({"[floating_point_operation]": 1})
_FLOP_RATE: Final = UnitsContainer({"[floating_point_operation]": 1, "[time]": -1})


@lru_cache(maxsize=4096)
def conversion_ratio(src: UnitsContainer, dst: UnitsContainer) -> Fraction | None:
    """The exact factor from ``src`` to ``dst`` units, or None when one is not a plain multiple.

    pint keeps each unit's factor to root units as a float (the mu's 2000/3
    m² as 666.6666666666666), so multiplying and dividing them leaves noise:
    pint's ``EFLOPS -> PFLOPS`` is 1000.0000000000001.  aipark follows each
    unit's definition instead, reading each float it states back as the
    simple fraction it was written as, and multiplies fractions: 1 qing is
    exactly 100 mu and 1 hectare exactly 15 mu.  Offset units (degC) and
    logarithmic ones (dB) are not multiples: None, and see
    :func:`affine_conversion`.  Raises :class:`~aipark.ConversionError` when
    the dimensions differ.
    """
    reg = get_registry()
    try:
        _, src_root = reg._get_root_units(src)
        _, dst_root = reg._get_root_units(dst)
    except pint.PintError as exc:
        raise ConversionError(str(exc)) from None
    if src_root != dst_root:
        src_dim, dst_dim = reg._get_dimensionality(src), reg._get_dimensionality(dst)
        hint = FLOP_COUNT_HINT if src_dim == _FLOP_COUNT and dst_dim == _FLOP_RATE else ""
        raise ConversionError(
            f"cannot convert {unit_name(src) or 'dimensionless'} "
            f"({src_dim or 'dimensionless'}) "
            f"to {unit_name(dst) or 'dimensionless'} "
            f"({dst_dim or 'dimensionless'}){hint}"
        )
    src_exact, dst_exact = _exact_scale_of(src), _exact_scale_of(dst)
    if src_exact is None or dst_exact is None:
        return None
    return src_exact / dst_exact


def affine_conversion(src: UnitsContainer, dst: UnitsContainer) -> tuple[Fraction, Fraction] | None:
    """``(a, b)`` such that ``x`` in ``src`` is exactly ``a * x + b`` in ``dst``, for offset units.

    Defined when each side is one unit to the first power whose definition
    is a scale with an offset (20 degC is 293.15 K and 68 degF); None for
    anything else (logarithmic units, products with an offset unit), which
    pint converts or refuses.
    """
    if len(src) != 1 or len(dst) != 1:
        return None
    ((src_name, src_power),) = src.items()
    ((dst_name, dst_power),) = dst.items()
    if src_power != 1 or dst_power != 1:
        return None
    to_root, from_root = _affine(src_name), _affine(dst_name)
    if to_root is None or from_root is None:
        return None
    (a1, b1), (a2, b2) = to_root, from_root
    return a1 / a2, (b1 - b2) / a2


def _definition(name: str) -> Any:
    reg = get_registry()
    found = reg._units.get(name)
    if found is None:
        with _lock:
            try:
                found = reg._units.get(reg.get_name(name))
            except pint.PintError:
                return None
    return found


@lru_cache(maxsize=1024)
def _exact_scale(name: str) -> Fraction | None:
    """A unit's exact factor to pint's root units, from its definition; None if not a multiple."""
    definition = _definition(name)
    if definition is None or not definition.is_multiplicative:
        return None
    if definition.is_base:
        return Fraction(1)
    reference = _exact_scale_of(definition.reference)
    return None if reference is None else _rational(definition.converter.scale) * reference


def _exact_scale_of(units: UnitsContainer) -> Fraction | None:
    """The exact factor of a product of units to root units; None if one is not a multiple."""
    factor = Fraction(1)
    for name, power in units.items():
        sub = _exact_scale(name)
        if sub is None or not isinstance(power, int | float) or not float(power).is_integer():
            return None
        factor *= sub ** int(power)
    return factor


@lru_cache(maxsize=256)
def _affine(name: str) -> tuple[Fraction, Fraction] | None:
    """``(a, b)``: ``x`` of unit ``name`` is ``a * x + b`` of the root unit; None if not affine."""
    definition = _definition(name)
    if definition is None:
        return None
    if definition.is_base:
        return Fraction(1), Fraction(0)
    converter = definition.converter
    if type(converter).__name__ not in ("ScaleConverter", "OffsetConverter"):
        return None  # logarithmic
    if len(definition.reference) != 1:
        return None
    ((ref, power),) = definition.reference.items()
    inner = _affine(ref) if power == 1 else None
    if inner is None:
        return None
    scale = _rational(converter.scale)
    offset = _rational(getattr(converter, "offset", 0))
    return inner[0] * scale, inner[0] * offset + inner[1]


@lru_cache(maxsize=4096)
def conversion_factor(src: UnitsContainer, dst: UnitsContainer) -> float | None:
    """:func:`conversion_ratio` as a float (``EFLOPS -> PFLOPS`` is exactly 1000.0)."""
    ratio = conversion_ratio(src, dst)
    return None if ratio is None else float(ratio)


def _rational(x: Any) -> Fraction:
    """The fraction a unit's float factor was written as.

    The simplest fraction with a denominator up to a million when one rounds
    to ``x`` (2000/3 for 666.6666666666666), else the shortest decimal that
    does (1/10**9 for 1e-09).
    """
    if isinstance(x, int):
        return Fraction(x)
    near = Fraction(x).limit_denominator(10**6)
    return near if float(near) == x else Fraction(repr(float(x)))
