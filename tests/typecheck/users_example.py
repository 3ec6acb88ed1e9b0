# pyright: strict
"""A user's code against aipark's public API, type-checked in strict mode.

CI runs ``mypy --strict`` and ``pyright --strict`` on this file: every aipark
name it uses must have a type both checkers see whole, quantities included
(arithmetic on two aipark quantities is an aipark :class:`~aipark.Quantity`,
never ``Any``).  ``tests/test_typing.py`` also runs it, so it stays true.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import assert_type

from babel import Locale

import aipark
from aipark import ComputingCenter, Park, Quantity


def area_in_hectares(park: Park) -> float | None:
    """The park's area in hectares, as a plain number."""
    if park.area is None:
        return None
    hectares = assert_type(aipark.convert(park.area, "hectare"), Quantity)
    magnitude: float = hectares.magnitude
    return magnitude


def density(power: Quantity, area: Quantity) -> Quantity:
    """Compute power per hectare: arithmetic on two quantities is a quantity."""
    per_area: Quantity = power / area.to("hectare")
    return per_area


def combined(first: Quantity, second: Quantity) -> Quantity:
    """Sums, differences, scaling and powers keep aipark's type (checked exactly, not as Any)."""
    total = assert_type(first + second, Quantity)
    doubled = assert_type(2 * total - first, Quantity)
    squared = assert_type((doubled / 2) ** 2, Quantity)
    assert_type(-squared, Quantity)
    assert_type(abs(first), Quantity)
    assert_type(first * second, Quantity)
    assert_type(first.to("hectare"), Quantity)
    assert_type(first.magnitude, int | float)
    return assert_type(squared**0.5, Quantity)


def larger(first: Quantity, second: Quantity) -> bool:
    """Comparisons give bool."""
    return first > second


def yuan_in_dollars(amount: str) -> Quantity:
    """Money with an explicit exchange rate."""
    return aipark.convert(amount, "USD", rate="6.9028 CNY/USD")


def fact_sheets(park: Park) -> list[str]:
    """The fact sheet in three languages, and quantities for German and Chinese readers."""
    sheets = [aipark.describe(park, locale=locale) for locale in ("en_US", "de_DE", "zh_CN")]
    sheets.append(aipark.format_quantity("600亿元", locale="de_DE", compact=True))
    sheets.append(aipark.format_quantity("194.5 ha", locale=Locale.parse("zh_CN"), length="narrow"))
    return sheets


def round_trip(park: Park, folder: Path) -> Park:
    """Dicts, files and back."""
    data = aipark.to_dict(park)
    again: Park = aipark.from_dict(data, Park)
    path = folder / "park.toml"
    aipark.dump(again, path)
    return aipark.load(path)


def my_center() -> ComputingCenter:
    """A model of one's own, with a quantity made by aipark's registry."""
    power = assert_type(aipark.Q_(150, "PFLOPS"), Quantity)
    return ComputingCenter(name="My center", compute_power=power, precision=aipark.Precision.FP16)


def from_text() -> tuple[ComputingCenter, aipark.Target, aipark.Zone]:
    """Models from the text sources print: shorthand, precision, bound words, enum values."""
    center = ComputingCenter(name="Text center", compute_power="300P", precision="FP16")
    target = aipark.Target(name="Revenue", value="超过600亿元", year=2025)
    assert target.bound is aipark.Bound.MORE_THAN
    return center, target, aipark.Zone(name="Core", kind="core")


def compute(park: Park) -> tuple[Quantity | None, aipark.Derived | None]:
    """A total over several centers and a derived per-PC figure."""
    total: aipark.ComputeTotal = aipark.total_compute([*park.computing_centers, my_center()])
    per_pc = aipark.compute_per_pc(park.computing_centers[0]) if park.computing_centers else None
    return total.value, per_pc


def audited(park: Park) -> list[str]:
    """The audit's findings, by kind (the sources that disagree follow them)."""
    found = aipark.audit(park, on=datetime.date(2023, 2, 23))
    findings: list[aipark.Finding] = [f for f in found if isinstance(f, aipark.Finding)]
    conflicts: list[aipark.SourceConflict] = [
        f for f in found if isinstance(f, aipark.SourceConflict)
    ]
    assert all(c.sources for c in conflicts)
    return [finding.kind.value for finding in findings]


def registry_quantity() -> Quantity:
    """The registry's own ``Quantity`` class makes aipark quantities."""
    registry: aipark.UnitRegistry = aipark.ureg
    return assert_type(registry.Quantity(2918, "mu"), Quantity)
