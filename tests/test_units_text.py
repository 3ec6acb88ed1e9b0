"""Text that reads back: canonical unit names and plain_quantity, for every unit."""

from __future__ import annotations

import pytest

import aipark
from aipark.units import get_registry, parse_quantity, plain_quantity, unit_name

Q_ = aipark.Q_


def _canonical_names() -> list[str]:
    return sorted({d.name for d in get_registry()._units.values()})


def test_every_registry_unit_reads_back_from_plain_text() -> None:
    """What `aipark convert` prints for 3 of any unit parses back to the same quantity."""
    failures = []
    for name in _canonical_names():
        q = Q_(3, name)
        text = plain_quantity(q)
        try:
            back = parse_quantity(text)
        except aipark.AiparkError as exc:
            failures.append(f"{name}: {text!r} -> {exc}")
            continue
        if back._units != q._units and not (
            back.dimensionality == q.dimensionality
            and aipark.convert(back, unit_name(q._units)).magnitude == 3
        ):
            failures.append(f"{name}: {text!r} -> {back!r}")
    assert len(_canonical_names()) > 400
    assert not failures


@pytest.mark.parametrize(
    ("unit", "text"),
    [
        ("1/s", "2.5 1/s"),
        ("degC", "2.5 °C"),
        ("degF", "2.5 °F"),
        ("percent", "2.5 %"),
        ("m**4", "2.5 m⁴"),
        ("m**-5", "2.5 1/m⁵"),
        ("kg*m**6/s**7", "2.5 kg·m⁶/s⁷"),
        ("km**2", "2.5 km²"),
        ("CNY/petaFLOPS", "2.5 CNY/PFLOPS"),
        ("万CNY", "2.5 万元"),
        ("亿CNY", "2.5 亿元"),
        ("亿USD", "2.5 亿美元"),
        ("万EUR", "2.5 万欧元"),
        ("poise", "2.5 poise"),
        ("tesla", "2.5 tesla"),
        ("mu", "2.5 mu"),
        ("qing", "2.5 qing"),
        ("petaFLOPS", "2.5 PFLOPS"),
    ],
)
def test_plain_text_of_units(unit: str, text: str) -> None:
    q = Q_(2.5, unit)
    assert plain_quantity(q) == text
    back = parse_quantity(text)
    assert back.dimensionality == q.dimensionality
    assert aipark.convert(back, unit_name(q._units)).magnitude == 2.5


def test_prefixed_chinese_money_never_prints_as_wan_cny() -> None:
    for unit in ("万CNY", "亿CNY"):
        assert "CNY" not in plain_quantity(Q_(3, unit))
        assert "CNY" not in aipark.format_quantity(Q_(3, unit), locale="zh_CN")


def test_unit_text_does_not_depend_on_first_seen_order() -> None:
    """kg*m/s and m*kg/s are one unit and write as one text."""
    one = Q_(1, "kg") * Q_(1, "m") / Q_(1, "s")
    other = Q_(1, "m") * Q_(1, "kg") / Q_(1, "s")
    assert unit_name(other._units) == unit_name(one._units) == "kilogram * meter / second"
    assert aipark.to_dict(other)["unit"] == aipark.to_dict(one)["unit"]
    assert plain_quantity(other) == plain_quantity(one)
    assert unit_name((Q_(1, "USD") / Q_(1, "CNY"))._units) == "USD / CNY"


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [("20 °C", "en_US", "20°C"), ("20℃", "zh_CN", "20°C"), ("68 degF", "en_US", "68°F")],
)
def test_offset_units_format_as_stated(text: str, locale: str, expected: str) -> None:
    assert aipark.format_quantity(text, locale=locale) == expected
