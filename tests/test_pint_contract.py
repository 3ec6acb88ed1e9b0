"""aipark's registry class keeps pint's behaviour: options, systems, arithmetic.

``aipark.UnitRegistry`` differs from pint's on purpose only where the docs
say so (immutability of the in-place API, pickling through aipark, the repr).
Here each of pint's registry options is run on both classes and the results
compared; the full comparison is pint's own test suite (``.ci/pint_suite.py``).
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from typing import Any

import numpy as np
import pint
import pytest

import aipark

Case = tuple[dict[str, Any], Callable[[Any], Any]]

CASES: dict[str, Case] = {
    "reduce m/s": ({"auto_reduce_dimensions": True}, lambda r: 1 * r.m / r.s),
    "reduce km*m": ({"auto_reduce_dimensions": True}, lambda r: (3 * r.km) * (2 * r.m) / r.s),
    "reduce km/m": (
        {"auto_reduce_dimensions": True},
        lambda r: r.Quantity(3, "km") / r.Quantity(2, "m"),
    ),
    "reduce km*(1/m)": (
        {"auto_reduce_dimensions": True},
        lambda r: r.Quantity(3, "km") * r.Quantity(2, "1/m"),
    ),
    "reduce array sqrt": (
        {"auto_reduce_dimensions": True},
        lambda r: np.sqrt(r.Quantity(np.array([4.0, 9.0]), "m**2")),
    ),
    "offset times length": (
        {"autoconvert_offset_to_baseunit": True},
        lambda r: r.Quantity(10, "degC") * r.Quantity(2, "m"),
    ),
    "offset squared": (
        {"autoconvert_offset_to_baseunit": True},
        lambda r: r.Quantity(10, "degC") ** 2,
    ),
    "offset array squared": (
        {"autoconvert_offset_to_baseunit": True},
        lambda r: r.Quantity(np.array([10.0, 20.0]), "degC") ** 2,
    ),
    "offset plus delta": (
        {"autoconvert_offset_to_baseunit": True},
        lambda r: r.Quantity(10, "degC") + r.Quantity(5, "delta_degC"),
    ),
    "imperial base": ({"system": "imperial"}, lambda r: r.Quantity(1, "m").to_base_units()),
    "cgs base": ({"system": "cgs"}, lambda r: r.Quantity(1, "N").to_base_units()),
    "cgs product": (
        {"system": "cgs"},
        lambda r: (r.Quantity(1, "N") * r.Quantity(2, "m")).to_base_units(),
    ),
    "mks speed": ({"system": "mks"}, lambda r: r.Quantity(1, "mile/hour").to_base_units()),
    "preferred": (
        {"autoconvert_to_preferred": True},
        lambda r: r.Quantity(1, "N") * r.Quantity(2, "m"),
    ),
    "force ndarray": ({"force_ndarray": True}, lambda r: r.Quantity(3, "m") * 2),
    "force ndarray like": ({"force_ndarray_like": True}, lambda r: r.Quantity(3, "m") * 2),
    "decimal": (
        {"non_int_type": decimal.Decimal},
        lambda r: r.Quantity(decimal.Decimal(3), "km").to("m"),
    ),
    "offset refused by default": ({}, lambda r: r.Quantity(10, "degC") * r.Quantity(2, "m")),
}


@functools.cache
def _registry(cls: type, options: tuple[tuple[str, Any], ...]) -> Any:
    """One registry per class and options for the whole module: building one takes a while."""
    return cls(**dict(options))


def _outcome(kwargs: dict[str, Any], cls: type, job: Callable[[Any], Any]) -> Any:
    registry = _registry(cls, tuple(sorted(kwargs.items())))
    try:
        q = job(registry)
    except Exception as exc:
        return type(exc).__name__
    magnitude = np.asarray(q.magnitude)
    return magnitude.tolist(), str(magnitude.dtype), type(q.magnitude).__name__, str(q.units)


@pytest.mark.parametrize("name", list(CASES))
def test_options_behave_as_in_stock_pint(name: str) -> None:
    kwargs, job = CASES[name]
    assert _outcome(kwargs, aipark.UnitRegistry, job) == _outcome(kwargs, pint.UnitRegistry, job)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"auto_reduce_dimensions": True}, {"autoconvert_to_preferred": True}],
    ids=["default", "auto_reduce_dimensions", "autoconvert_to_preferred"],
)
@pytest.mark.parametrize(
    "method",
    [
        "ito",
        "ito_base_units",
        "ito_root_units",
        "ito_reduced_units",
        "ito_preferred",
        "ito_unprefixed",
        "ito_quantity_type",
    ],
)
def test_the_in_place_api_stays_refused_with_every_option(
    kwargs: dict[str, Any], method: str
) -> None:
    """pint's own internal reduction works; the same methods called by a user still raise."""
    registry = _registry(aipark.UnitRegistry, tuple(sorted(kwargs.items())))
    q = registry.Quantity(3, "km") * registry.Quantity(2, "1/m")
    before = (q.magnitude, q._units)
    args = {"ito": ("m",), "ito_quantity_type": (registry.Quantity,)}.get(method, ())
    with pytest.raises(TypeError, match="immutable"):
        getattr(q, method)(*args)
    assert (q.magnitude, q._units) == before


def test_item_assignment_stays_refused() -> None:
    q = aipark.Q_(np.array([1.0, 2.0]), "m")
    for attempt in (
        lambda: q.__setitem__(0, aipark.Q_(5, "m")),
        lambda: q.fill(0),
        lambda: q.put(0, 1),
    ):
        with pytest.raises(TypeError, match="immutable"):
            attempt()
    assert q.magnitude.tolist() == [1.0, 2.0]


def test_shared_registry_keeps_pints_defaults() -> None:
    """aipark.ureg itself runs with pint's default options."""
    reg = aipark.ureg
    assert not reg.auto_reduce_dimensions
    assert not reg.autoconvert_offset_to_baseunit
    assert reg.default_system == pint.UnitRegistry().default_system
