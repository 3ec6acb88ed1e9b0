"""aipark's caches and short cuts in units.py give exactly what the uncached paths give.

Each cached function is compared with the function it wraps (``__wrapped__``),
the lazily filled registry with one that pint fills eagerly, and the direct
quantity constructor with pint's.  No test here measures time: the speed
figures live in ``benchmarks/``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pint.facets.plain.registry import GenericPlainRegistry

import aipark
from aipark import units
from aipark.units import conversion_factor, parse_unit, quantity, unit_name

UNIT_TEXTS = [
    "mu",
    "亩",
    "市亩",
    "shi_mu",
    "hectare",
    "ha",
    "km**2",
    "km²",
    "m^2",
    "acre",
    "顷",
    "PFLOPS",
    "petaFLOPS",
    "EFLOPS",
    "TFLOPS",
    "FLOP / s",
    "flops",
    "CNY",
    "元",
    "亿元",
    "USD",
    "CNY/USD",
    "CNY / USD",
    "kg·m/s**2",
    "dimensionless",
    "degC",
    " hectare ",
]
BAD_UNIT_TEXTS = ["", "   ", "furlongs_per_mu", "FLOPs", "m**99", "m *", "2 m", "m\x00", "x" * 500]
DIMENSIONS = [
    "[area]",
    "[length] ** 2",
    "[floating_point_operation] / [time]",
    "[currency_CNY]",
    "",
]


def outcome(fn: Callable[..., Any], *args: Any) -> tuple[str, Any]:
    """What ``fn(*args)`` returns, or the type and message of what it raises."""
    try:
        return ("value", fn(*args))
    except Exception as exc:
        return (type(exc).__name__, str(exc))


def containers() -> list[Any]:
    return [units._read_unit(text) for text in UNIT_TEXTS]


CACHES = (
    units._read_unit,
    units._parse_units_cached,
    units._resolve_name,
    units.unit_name,
    units.conversion_factor,
    units._has_dimension,
)


@pytest.fixture(autouse=True)
def cold_caches() -> None:
    """Every test starts from empty caches, so both the first and the cached call run."""
    for cached in CACHES:
        cached.cache_clear()


def test_caches_are_bounded() -> None:
    for cached in CACHES:
        assert cached.cache_info().maxsize is not None, cached


@pytest.mark.parametrize("text", UNIT_TEXTS + BAD_UNIT_TEXTS)
def test_unit_text_cached_twice_is_uncached(text: str) -> None:
    """First call, second (cached) call and the wrapped function agree, errors included."""
    first = outcome(units._read_unit, text)
    assert outcome(units._read_unit, text) == first
    assert outcome(units._read_unit.__wrapped__, text) == first
    stripped = text.strip()
    assert outcome(units._parse_units_cached, stripped) == outcome(
        units._parse_units_cached.__wrapped__, stripped
    )


@given(st.text(max_size=30))
def test_any_unit_text_cached_is_uncached(text: str) -> None:
    assert outcome(units._read_unit, text) == outcome(units._read_unit.__wrapped__, text)
    assert outcome(units._read_unit, text) == outcome(units._read_unit.__wrapped__, text)


def test_unit_names_cached_are_uncached() -> None:
    for units_ in containers():
        assert unit_name(units_) == unit_name.__wrapped__(units_)
        assert unit_name(units_) == unit_name.__wrapped__(units_)


def test_conversion_factors_cached_are_uncached() -> None:
    """Every pair, factors and refusals alike, gives the same outcome with or without the cache."""
    pairs = [(a, b) for a in containers() for b in containers()]
    first = [outcome(conversion_factor, a, b) for a, b in pairs]
    assert [outcome(conversion_factor, a, b) for a, b in pairs] == first
    assert [outcome(conversion_factor.__wrapped__, a, b) for a, b in pairs] == first
    assert ("value", 1000.0) in first  # EFLOPS -> PFLOPS
    assert any(kind == "ConversionError" for kind, _ in first)


def test_check_agrees_with_pint() -> None:
    """aipark's remembered ``check`` answers as pint's own, for units and dimension text."""
    for text in UNIT_TEXTS:
        q = quantity(1, text)
        for dim in DIMENSIONS:
            expected = pint.Quantity.check(q, dim)
            assert q.check(dim) is expected
            assert q.check(dim) is expected  # cached
    area = quantity(1, "mu")
    assert area.check("[area]")
    assert not area.check("[length]")
    assert area.check(aipark.ureg.hectare) is pint.Quantity.check(area, aipark.ureg.hectare)


def test_check_with_text_subclass_skips_the_cache() -> None:
    """A str subclass could redefine hashing and equality, so it never becomes a cache key."""

    class Dimension(str):
        __slots__ = ()

    area = quantity(1, "mu")
    assert area.check(Dimension("[area]")) is pint.Quantity.check(area, "[area]")
    assert units._has_dimension.cache_info().currsize == 0


def test_unit_text_subclass_skips_the_cache() -> None:
    class Anything(str):
        __slots__ = ()

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return hash("hectare")

    assert quantity(1, "hectare").units == aipark.ureg.hectare
    assert quantity(1, Anything("acre")).units == aipark.ureg.acre


@pytest.mark.parametrize(
    "magnitude", [0, 1, -7, 2918, 10**20, 0.5, -1e-300, 1.7976931348623157e308]
)
@pytest.mark.parametrize("text", ["mu", "PFLOPS", "CNY/USD", "dimensionless", "degC"])
def test_direct_quantity_is_pints_quantity(magnitude: float, text: str) -> None:
    """The short-cut constructor makes the very object pint's constructor makes."""
    units_ = units._read_unit(text)
    ours = units._new_quantity(magnitude, units_)
    pints = aipark.ureg.Quantity(magnitude, units_)
    assert type(ours) is type(pints)
    assert vars(ours) == vars(pints)
    assert type(ours.magnitude) is type(magnitude)
    assert ours == pints
    assert repr(ours) == repr(pints)
    assert ours.dimensionality == pints.dimensionality
    assert ours.to_root_units() == pints.to_root_units()


def test_caches_agree_across_threads() -> None:
    """Eight threads filling cold caches at once get what one thread gets alone."""

    def work() -> list[tuple[str, Any]]:
        results = []
        for text in UNIT_TEXTS + BAD_UNIT_TEXTS:
            results.append(outcome(lambda t: repr(quantity(3, t)), text))
            results.append(outcome(lambda t: unit_name(parse_unit(t)._units), text))
            results.append(outcome(lambda t: repr(aipark.convert(f"3 {t}", "hectare")), text))
        return results

    expected = work()
    for cached in (units._read_unit, units.unit_name, units.conversion_factor):
        cached.cache_clear()
    results: list[list[tuple[str, Any]]] = []
    barrier = threading.Barrier(8)

    def run() -> None:
        barrier.wait()
        results.append(work())

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8
    assert all(r == expected for r in results)


# --------------------------------------------------------------------------
# The registry's lazily filled cache against pint's eager pass


@pytest.fixture(scope="module")
def eager() -> Any:
    """A registry filled by pint's full pass, run after units.txt is loaded."""
    reg = units._new_registry()
    GenericPlainRegistry._build_cache(reg)
    return reg


def test_registry_starts_with_an_empty_cache() -> None:
    reg = units._new_registry()
    assert reg._cache.root_units == {}
    assert reg._cache.dimensionality == {}
    assert not reg._equivalents_built


def test_lazy_root_units_and_dimensions_are_pints(eager: Any) -> None:
    """For each unit pint's pass covers, the lazy registry computes the same."""
    lazy = units._new_registry()
    root_units = eager._cache.root_units
    assert len(root_units) > 400
    for units_, expected in root_units.items():
        assert lazy._get_root_units(units_) == expected, units_
        assert lazy._get_dimensionality(units_) == eager._cache.dimensionality[units_], units_


def test_lazy_units_by_dimension_are_pints(eager: Any) -> None:
    lazy = units._new_registry()
    assert lazy.get_compatible_units("hectare") == {
        lazy.Unit(str(u)) for u in eager.get_compatible_units("hectare")
    }
    assert lazy._caches[()].dimensional_equivalents == eager._cache.dimensional_equivalents
    assert "shi_mu" in lazy._get_compatible_units(lazy.parse_units("hectare")._units)


def test_units_by_dimension_ignore_an_active_context(eager: Any) -> None:
    """Built inside a context that redefines a unit, the table is still the plain one."""
    lazy = units._new_registry()
    lazy.add_context(pint.Context.from_lines(["@context halfacre", "    acre = 0.5 * hectare"]))
    with lazy.context("halfacre"):
        assert lazy.Quantity(1, "acre").to("hectare").magnitude == 0.5
        lazy.get_compatible_units("hectare")
    assert lazy._caches[()].dimensional_equivalents == eager._cache.dimensional_equivalents
    assert lazy.Quantity(1, "acre").to("hectare") == eager.Quantity(1, "acre").to("hectare")
