"""The registry, the strict parser and canonical unit names."""

from __future__ import annotations

import math

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aipark
from aipark.units import parse_quantity, parse_unit, quantity, unit_name


def test_registry_is_aiparks_own_and_lazy() -> None:
    """aipark.ureg is built from pint's defaults plus units.txt, and is not pint's app registry."""
    assert isinstance(aipark.ureg, pint.UnitRegistry)
    assert aipark.ureg is aipark.units.get_registry()
    assert pint.get_application_registry().get() is not aipark.ureg
    assert aipark.Q_ is aipark.ureg.Quantity


@pytest.mark.parametrize(
    "text", ["2918 mu", "2918 亩", "2918亩", "2,918 mu", "2918 市亩", "2918 shi_mu"]
)
def test_mu_spellings(text: str) -> None:
    q = parse_quantity(text)
    assert q.magnitude == 2918
    assert q.to("hectare").magnitude == pytest.approx(2918 / 15)


def test_mu_is_exactly_a_fifteenth_of_a_hectare() -> None:
    assert aipark.Q_(15, "mu").to("m**2").magnitude == pytest.approx(10000, rel=1e-15)
    assert aipark.Q_(1, "qing").to("mu").magnitude == pytest.approx(100)
    assert aipark.Q_(1, "顷").to("hectare").magnitude == pytest.approx(100 / 15)


def test_mu_is_an_area_here_but_a_mass_in_stock_pint() -> None:
    """The hazard the canonical name avoids."""
    assert aipark.Q_(1, "mu").check("[area]")
    assert pint.UnitRegistry().Quantity(1, "mu").check("[mass]")


@pytest.mark.parametrize(
    "unit", ["shi_mu", "qing", "CNY", "USD", "EUR", "FLOP", "FLOPS", "petaFLOPS", "亿CNY"]
)
def test_canonical_names_never_mean_something_else_to_stock_pint(unit: str) -> None:
    """A stock registry reading aipark's output either agrees or fails loudly."""
    stock = pint.UnitRegistry()
    ours = parse_unit(unit)
    try:
        theirs = stock.parse_units(unit_name(ours._units))
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError):
        return
    assert dict(theirs.dimensionality) == dict(ours.dimensionality)
    assert stock.Quantity(1, theirs).to_base_units().magnitude == pytest.approx(
        aipark.Q_(1, ours).to_base_units().magnitude
    )


def test_canonical_name_of_mu_is_not_mu() -> None:
    assert unit_name(parse_unit("mu")._units) == "shi_mu"
    assert aipark.to_dict(parse_quantity("1 亩"))["unit"] == "shi_mu"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("600亿元", 60_000_000_000, "CNY"),
        ("3万亩", 30_000, "shi_mu"),
        ("1.5亿 USD", 150_000_000.0, "USD"),
        ("2万亿元", 2 * 10**12, "CNY"),
        ("60 亿CNY", 60, "亿CNY"),
    ],
)
def test_chinese_magnitude_words(text: str, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert q.magnitude == value
    assert type(q.magnitude) is type(value)
    assert unit_name(q._units) == unit


def test_yi_prefix_converts() -> None:
    assert aipark.convert("60 亿CNY", "CNY").magnitude == 6_000_000_000


@pytest.mark.parametrize(
    ("text", "dim"),
    [
        ("1 CNY", "[currency_CNY]"),
        ("1 yuan", "[currency_CNY]"),
        ("1 元", "[currency_CNY]"),
        ("1 RMB", "[currency_CNY]"),
        ("1 USD", "[currency_USD]"),
        ("1 FLOP", "[floating_point_operation]"),
    ],
)
def test_currency_and_compute_dimensions(text: str, dim: str) -> None:
    assert parse_quantity(text).check(dim)


def test_flops_is_a_rate_and_flops_lowercase_too() -> None:
    for text in ("1 FLOPS", "1 flops", "1 petaflops", "1 PFLOPS"):
        assert parse_quantity(text).check("[floating_point_operation] / [time]"), text


def test_ambiguous_FLOPs_is_refused() -> None:
    with pytest.raises(aipark.ValidationError, match="ambiguous"):
        parse_quantity("5 FLOPs")


@pytest.mark.parametrize(
    "text",
    [
        "9**9**9 mu",
        "2918 mu**9**9",
        "1 m**99",
        "1 m**0",
        "1 m/",
        "1 */m",
        "1 (m)",
        "1 m + 1 m",
        "1 mu; import os",
        "mu",
        "",
        "1 nosuchunit",
        "1e999 m",
        "nan m",
        "inf m",
        "1 m\x00",
        "1 " + "m*" * 20 + "m",
        "1" * 300 + " m",
        "1 mu.attr",
        "1 __class__",
    ],
)
def test_hostile_text_is_a_validation_error(text: str) -> None:
    with pytest.raises(aipark.ValidationError):
        parse_quantity(text)


def test_non_text_is_refused() -> None:
    with pytest.raises(aipark.ValidationError, match="as a string"):
        parse_quantity(5)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [True, None, "1", float("nan"), float("inf"), [1]])
def test_quantity_refuses_non_numbers(value: object) -> None:
    with pytest.raises(aipark.ValidationError):
        quantity(value, "m")


@pytest.mark.parametrize(
    "unit", ["meter", "meter ** 2", "CNY / USD", "second ** -1", "kilogram * meter / second ** 2"]
)
def test_unit_names_read_back(unit: str) -> None:
    assert unit_name(parse_unit(unit)._units) == unit


@pytest.mark.parametrize(("text", "unit"), [("km²", "kilometer ** 2"), ("m^2", "meter ** 2")])
def test_power_spellings(text: str, unit: str) -> None:
    assert unit_name(parse_unit(text)._units) == unit


@given(st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_parse_exactly(value: float) -> None:
    q = parse_quantity(f"{value!r} mu")
    assert q.magnitude == value
    assert type(q.magnitude) is type(value)


def test_foreign_quantity_is_adopted() -> None:
    stock = pint.UnitRegistry()
    q = aipark.units.as_quantity(stock.Quantity(3, "hectare"))
    assert q._REGISTRY is aipark.ureg
    assert q == aipark.Q_(3, "hectare")


def test_foreign_unit_with_another_meaning_is_refused() -> None:
    """A user's registry whose 'shi_mu' is not ours must not be silently reinterpreted."""
    other = pint.UnitRegistry()
    other.define("shi_mu = 2 * meter ** 2")
    with pytest.raises(aipark.ValidationError, match="means something else"):
        aipark.units.as_quantity(other.Quantity(1, "shi_mu"))


def test_quantities_are_immutable() -> None:
    q = aipark.Q_(2918, "mu")
    alias = q
    with pytest.raises(TypeError, match="immutable"):
        q.ito("hectare")
    q += aipark.Q_(1, "mu")
    q *= 2
    assert alias.magnitude == 2918
    assert alias.units == aipark.ureg.shi_mu
    assert q.magnitude == 5838


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("150 hectare", "mu", 2250),
        ("1 km**2", "mu", 1500),
        ("2918 mu", "hectare", 2918 / 15),
        ("1.5 hectare", "mu", 22.5),
        ("3 nm", "m", 3e-9),
        ("1 EFLOPS", "PFLOPS", 1000),
        ("7 qing", "hectare", 700 / 15),
    ],
)
def test_conversions_carry_no_float_noise(value: str, unit: str, expected: float) -> None:
    """Where pint's float factors leave noise (2250.0000000000005), aipark is exact."""
    result = aipark.convert(value, unit).magnitude
    assert result == expected
    assert type(result) is type(expected)


def test_conversion_factor_is_exact() -> None:
    """EFLOPS -> PFLOPS is exactly 1000, where a float product is not."""
    factor = aipark.units.conversion_factor(
        parse_unit("EFLOPS")._units, parse_unit("PFLOPS")._units
    )
    assert factor == 1000
    assert math.isclose(
        aipark.units.conversion_factor(parse_unit("mu")._units, parse_unit("ha")._units),
        1 / 15,
        rel_tol=1e-15,
    )
