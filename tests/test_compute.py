"""Compute power totals that never mix precisions, and derived per-PC figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aipark
from aipark.models import ComputingCenter, Precision


def center(name: str, power: str | None, precision: Precision | None = None) -> ComputingCenter:
    return ComputingCenter(name, compute_power=power, precision=precision)


def test_qingdao_total_reports_unknown_precision() -> None:
    """100P + 150P with no precision stated: 250 PFLOPS, precision not stated."""
    total = aipark.total_compute(aipark.QINGDAO.computing_centers)
    assert total.value == aipark.Q_(250, "petaFLOPS")
    assert type(total.value.magnitude) is int
    assert total.precision is None
    assert total.known_precision is None
    assert total.precision_not_stated == tuple(c.name for c in aipark.QINGDAO.computing_centers)
    assert str(total) == "250 PFLOPS (precision not stated)"


def test_same_precision_is_kept() -> None:
    """Centers that all state FP16 add up to an FP16 figure."""
    total = aipark.total_compute(
        [center("A", "100 PFLOPS", Precision.FP16), center("B", "50 PFLOPS", Precision.FP16)]
    )
    assert total.value == aipark.Q_(150, "petaFLOPS")
    assert total.precision is Precision.FP16
    assert str(total) == "150 PFLOPS (FP16)"


def test_different_known_precisions_are_refused() -> None:
    """FP16 and FP64 FLOPS are not the same quantity: a clear error naming both."""
    centers = [center("A", "100 PFLOPS", Precision.FP16), center("B", "1 PFLOPS", Precision.FP64)]
    with pytest.raises(aipark.PrecisionMismatchError, match=r"A: FP16; B: FP64") as info:
        aipark.total_compute(centers)
    assert isinstance(info.value, aipark.AiparkError)


def test_unknown_precision_is_reported_not_assumed() -> None:
    """FP16 plus a center that states nothing is not an FP16 total."""
    total = aipark.total_compute(
        [center("A", "100 PFLOPS", Precision.FP16), center("B", "150 PFLOPS")]
    )
    assert total.value == aipark.Q_(250, "petaFLOPS")
    assert total.precision is None
    assert total.known_precision is Precision.FP16
    assert total.precision_not_stated == ("B",)
    assert str(total) == "250 PFLOPS (FP16 for A; precision not stated for B)"


def test_units_are_converted_exactly() -> None:
    """1 EFLOPS + 100 PFLOPS is exactly 1100 PFLOPS, in the first center's unit."""
    total = aipark.total_compute([center("A", "100 PFLOPS"), center("B", "1 EFLOPS")])
    assert total.value == aipark.Q_(1100, "petaFLOPS")
    assert total.value.units == aipark.ureg.petaFLOPS


def test_centers_without_a_figure_are_named() -> None:
    """A center with no compute power is not counted, and the total says so."""
    total = aipark.total_compute((center("A", "100 PFLOPS"), center("B", None)))
    assert total.centers == ("A",)
    assert total.not_counted == ("B",)


def test_one_center_and_generators_are_accepted() -> None:
    """A single center or any iterable of centers works."""
    one = center("A", "7 TFLOPS", Precision.FP32)
    assert aipark.total_compute(one).value == aipark.Q_(7, "teraFLOPS")  # type: ignore[arg-type]
    assert aipark.total_compute(c for c in [one]).precision is Precision.FP32


def test_nothing_to_add_is_an_empty_total_not_an_error() -> None:
    """No centers, or none stating a figure: value None (unknown, not zero), and str says so."""
    for centers in ((), [], (c for c in ())):
        total = aipark.total_compute(centers)
        assert total.value is None
        assert total.empty
        assert total.centers == ()
        assert total.precision is None
        assert str(total) == "no compute power stated (no computing centers)"
    total = aipark.total_compute([center("A", None), center("B", None)])
    assert total.empty
    assert total.not_counted == ("A", "B")
    assert str(total) == "no compute power stated (not stated for A, B)"
    assert not aipark.total_compute([center("A", "1 PFLOPS")]).empty


def test_a_loop_over_parks_does_not_break() -> None:
    """A park without computing centers sits beside one with them."""
    parks = [aipark.QINGDAO, aipark.Park("Empty park")]
    totals = [str(aipark.total_compute(p.computing_centers)) for p in parks]
    assert totals == [
        "250 PFLOPS (precision not stated)",
        "no compute power stated (no computing centers)",
    ]


@pytest.mark.parametrize(
    ("centers", "message"),
    [
        ([center("A", "1 PFLOPS"), "150 PFLOPS"], r"centers\[1\]: expected ComputingCenter"),
        ([aipark.QINGDAO], r"centers\[0\]: expected ComputingCenter"),
    ],
)
def test_bad_input(centers: list[object], message: str) -> None:
    """Something that is not a center: ValidationError."""
    with pytest.raises(aipark.ValidationError, match=message):
        aipark.total_compute(centers)  # type: ignore[arg-type]


@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from(["TFLOPS", "PFLOPS", "EFLOPS"])),
        min_size=1,
        max_size=8,
    )
)
def test_total_is_the_sum_in_flops(figures: list[tuple[int, str]]) -> None:
    """Whatever the units, the total equals the sum of the figures in FLOPS."""
    centers = [center(f"C{i}", f"{n} {unit}") for i, (n, unit) in enumerate(figures)]
    total = aipark.total_compute(centers)
    expected = sum(aipark.convert(c.compute_power, "FLOPS").magnitude for c in centers)  # type: ignore[arg-type]
    assert math.isclose(
        aipark.convert(total.value, "FLOPS").magnitude, expected, rel_tol=1e-12, abs_tol=1e-9
    )


def test_per_pc_figure_is_derived_and_says_so() -> None:
    """100 PFLOPS for 50,000 PCs: 2 TFLOPS per PC, marked derived, with its inputs' sources."""
    qingdao_center = aipark.QINGDAO.computing_centers[0]
    per_pc = aipark.compute_per_pc(qingdao_center)
    assert isinstance(per_pc, aipark.Derived)
    assert per_pc.value == aipark.Q_(2, "teraFLOPS")
    assert "100 PFLOPS" in per_pc.formula
    assert "50,000 PCs" in per_pc.formula
    assert "precision not stated" in per_pc.formula
    assert str(per_pc).startswith("2 TFLOPS (derived: ")
    assert [s.id for s in per_pc.sources] == ["QDD-2022-05-16", "CD-2023-02-27"]


def test_per_pc_needs_both_figures() -> None:
    """No FLOPS, no PC count, or zero PCs: nothing to derive."""
    assert aipark.compute_per_pc(aipark.QINGDAO.computing_centers[1]) is None
    assert aipark.compute_per_pc(ComputingCenter("A", pc_equivalents=10)) is None
    assert aipark.compute_per_pc(center("A", "1 PFLOPS")) is None
    zero = ComputingCenter("A", compute_power="1 PFLOPS", pc_equivalents=0)
    assert aipark.compute_per_pc(zero) is None
    with pytest.raises(aipark.ValidationError, match="expected ComputingCenter"):
        aipark.compute_per_pc("100 PFLOPS")  # type: ignore[arg-type]
