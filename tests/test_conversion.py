"""aipark.convert: every conversion the library promises, and its errors."""

from __future__ import annotations

import pint
import pytest

import aipark
from aipark import convert


@pytest.mark.parametrize(
    ("value", "unit", "expected", "expected_unit"),
    [
        ("2918 mu", "hectare", 2918 / 15, "hectare"),
        ("2918 亩", "hectare", 2918 / 15, "hectare"),
        ("15 mu", "hectare", 1, "hectare"),
        ("1 qing", "mu", 100, "shi_mu"),
        ("1 hectare", "mu", 15, "shi_mu"),
        ("150 PFLOPS", "TFLOPS", 150_000, "teraFLOPS"),
        ("1 EFLOPS", "PFLOPS", 1000, "petaFLOPS"),
        ("600亿元", "CNY", 60_000_000_000, "CNY"),
        ("60 亿CNY", "CNY", 6_000_000_000, "CNY"),
        ("1 km**2", "hectare", 100, "hectare"),
    ],
)
def test_conversions(value: str, unit: str, expected: float, expected_unit: str) -> None:
    q = convert(value, unit)
    assert q.magnitude == pytest.approx(expected, rel=1e-12)
    assert aipark.units.unit_name(q._units) == expected_unit
    assert q._REGISTRY is aipark.ureg


def test_exact_results_stay_integers() -> None:
    assert convert("150 PFLOPS", "TFLOPS").magnitude == 150_000
    assert type(convert("150 PFLOPS", "TFLOPS").magnitude) is int
    assert convert("1 EFLOPS", "PFLOPS").magnitude == 1000


def test_matches_pint() -> None:
    for value, unit in [("2918 mu", "acre"), ("3 hectare", "km**2"), ("5 PFLOPS", "GFLOPS")]:
        q = aipark.units.parse_quantity(value)
        assert convert(q, unit).magnitude == pytest.approx(q.to(unit).magnitude, rel=1e-14)


def test_accepts_quantities_and_units_of_any_registry() -> None:
    user = pint.UnitRegistry()
    assert convert(user.Quantity(1, "hectare"), user.Unit("acre")).magnitude == pytest.approx(
        user.Quantity(1, "hectare").to("acre").magnitude
    )


def test_money_needs_a_rate() -> None:
    with pytest.raises(aipark.MissingRateError, match="exchange rate"):
        convert("1 CNY", "USD")
    assert issubclass(aipark.MissingRateError, aipark.AiparkError)


@pytest.mark.parametrize("rate", ["6.9028 CNY/USD", "0.14486874 USD/CNY"])
def test_rate_in_either_direction(rate: str) -> None:
    q = convert("60000000000 CNY", "USD", rate=rate)
    assert q.magnitude == pytest.approx(60e9 / 6.9028, rel=1e-7)
    assert aipark.units.unit_name(q._units) == "USD"


def test_rate_back_and_forth() -> None:
    usd = convert("600亿元", "USD", rate="6.9028 CNY/USD")
    assert convert(usd, "CNY", rate="6.9028 CNY/USD").magnitude == pytest.approx(6e10)


@pytest.mark.parametrize(
    ("value", "unit", "rate", "error"),
    [
        ("1 mu", "kilogram", None, aipark.ConversionError),
        ("1 CNY", "hectare", None, aipark.ConversionError),
        ("1 PFLOPS", "FLOP", None, aipark.ConversionError),
        ("1 CNY", "USD", "6.9 CNY/EUR", aipark.ConversionError),
        ("1 CNY", "USD", "6.9 m", aipark.ValidationError),
        ("1 CNY", "USD", "-6.9 CNY/USD", aipark.ValidationError),
        ("1 CNY", "USD", "0 CNY/USD", aipark.ValidationError),
        ("1 nosuch", "m", None, aipark.ValidationError),
        ("1 m", "9**9**9", None, aipark.ValidationError),
    ],
)
def test_errors(value: str, unit: str, rate: str | None, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        convert(value, unit, rate=rate)
    assert isinstance(info.value, aipark.AiparkError)
    assert "\n" not in str(info.value)


def test_dimension_error_says_what_each_side_is() -> None:
    with pytest.raises(aipark.ConversionError, match=r"shi_mu.*\[length\].*kilogram.*\[mass\]"):
        convert("1 mu", "kilogram")


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [("100 degC", "K", 373.15), ("100 degC", "degF", 212.0), ("300 K", "degC", 26.85)],
)
def test_offset_units_convert_with_their_offset(text: str, unit: str, expected: float) -> None:
    """Temperatures go through pint's offset conversion, not a bare factor."""
    assert aipark.convert(text, unit).magnitude == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("20 degC", "degF", 68),
        ("20 degC", "kelvin", 293.15),
        ("68 degF", "degC", 20),
        ("-40 degC", "degF", -40),
        ("0 K", "degC", -273.15),
        ("20 °C", "degF", 68),
        ("20℃", "K", 293.15),
        ("5 delta_degC", "delta_degF", 9),
    ],
)
def test_offset_units_convert_correctly(value: str, unit: str, expected: float) -> None:
    """Offset units are not multiples: 20 °C is 68 °F, never 36 °F."""
    result = convert(value, unit).magnitude
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "unit"), [("20 degC*m", "degF*m"), ("1 degC/s", "K/s"), ("3 dB", "meter")]
)
def test_conversions_that_are_not_multiples_are_refused(value: str, unit: str) -> None:
    with pytest.raises(aipark.ConversionError):
        convert(value, unit)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("1 qing", "mu", 100),
        ("3 万亩", "mu", 30_000),
        ("1 hectare", "mu", 15),
        ("1 万元", "CNY", 10_000),
        ("3 亿元", "万元", 30_000),
        ("1 EFLOPS", "PFLOPS", 1000),
        ("2918 mu", "m**2", 2918 * 10000 / 15),
    ],
)
def test_exact_conversions(value: str, unit: str, expected: float) -> None:
    result = convert(value, unit).magnitude
    assert result == expected
    assert type(result) is type(expected)
