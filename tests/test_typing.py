"""The users' example CI type-checks in strict mode also runs: its types describe real behaviour."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import aipark
from typecheck import users_example as example


def test_arithmetic_on_quantities_gives_aipark_quantities() -> None:
    """What the checkers are told (``Quantity``) is what arithmetic returns."""
    power, area = aipark.Q_(100, "PFLOPS"), aipark.Q_(2918, "mu")
    per_area = example.density(power, area)
    assert isinstance(per_area, aipark.Quantity)
    assert per_area.to("PFLOPS/hectare").magnitude == pytest.approx(100 / (2918 / 15))
    total = example.combined(aipark.Q_(3, "hectare"), aipark.Q_(15, "mu"))
    assert isinstance(total, aipark.Quantity)
    assert total.to("hectare").magnitude == pytest.approx(
        2.5
    )  # ((2 * 4 ha - 3 ha) / 2) ** 2 ** 0.5
    assert example.larger(aipark.Q_(1, "hectare"), aipark.Q_(14, "mu"))
    assert isinstance(example.registry_quantity(), aipark.Quantity)


def test_the_example_runs_against_the_prebuilt_park(tmp_path: Path) -> None:
    """Conversion, files, fact sheets, money, compute and the audit, as the example uses them."""
    park = aipark.QINGDAO
    assert example.area_in_hectares(park) == pytest.approx(2918 / 15)
    assert example.round_trip(park, tmp_path) == park
    sheets = example.fact_sheets(park)
    assert len(sheets) == 5
    assert sheets[4] == "194.5ha"
    assert sheets[2].startswith("青岛人工智能产业园")
    dollars = example.yuan_in_dollars("600亿元")
    assert math.isclose(dollars.magnitude, 60e9 / 6.9028)
    total, _ = example.compute(park)
    assert total is not None
    # On one date for all: the investment (2022) and the income (2024) are audited at it too.
    assert example.audited(park) == ["area", "money", "money", "money", "compute"]
