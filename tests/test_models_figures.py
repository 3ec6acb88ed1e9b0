"""Figures as text in models: a target's bound and a center's precision come from the words."""

from __future__ import annotations

import pytest

import aipark
from aipark import Bound, ComputingCenter, Precision, Target, from_dict, to_dict


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("超过600亿元", Bound.MORE_THAN),
        ("600多亿元", Bound.MORE_THAN),
        ("逾600亿元", Bound.MORE_THAN),
        ("约600亿元", Bound.ABOUT),
        ("近600亿元", Bound.ABOUT),
        ("over 60 billion yuan", Bound.MORE_THAN),
        ("about 60 billion yuan", Bound.ABOUT),
        ("at least 60 billion yuan", Bound.AT_LEAST),
        ("600亿元以上", Bound.AT_LEAST),
        ("600亿元", Bound.EXACTLY),
    ],
)
def test_target_bound_comes_from_the_value_text(text: str, bound: Bound) -> None:
    target = Target(name="revenue", value=text)
    assert target.bound is bound
    assert target.value == aipark.Q_(60_000_000_000, "CNY")
    assert from_dict({"name": "revenue", "value": text}, Target) == target


def test_explicit_bound_that_agrees_is_fine() -> None:
    target = Target(name="revenue", value="超过600亿元", bound="more_than")
    assert target.bound is Bound.MORE_THAN


@pytest.mark.parametrize("bound", ["exactly", "about", Bound.AT_MOST])
def test_explicit_bound_that_contradicts_the_words_is_an_error(bound: object) -> None:
    with pytest.raises(aipark.ValidationError, match="contradicts"):
        Target(name="revenue", value="超过600亿元", bound=bound)  # type: ignore[arg-type]
    text = bound.value if isinstance(bound, Bound) else bound
    with pytest.raises(aipark.ValidationError, match=r"^bound: .*contradicts"):
        from_dict({"name": "revenue", "value": "超过600亿元", "bound": text}, Target)


def test_to_dict_writes_the_bound_and_reads_back() -> None:
    target = Target(name="revenue", value="超过600亿元")
    data = to_dict(target)
    assert data["bound"] == "more_than"
    assert data["value"] == {"value": 60_000_000_000, "unit": "CNY"}
    assert from_dict(data, Target) == target


@pytest.mark.parametrize(("text", "value"), [("20亿至30亿元", "range"), ("300P FP16", "precision")])
def test_target_refuses_what_it_cannot_keep(text: str, value: str) -> None:
    with pytest.raises(aipark.ValidationError, match=value):
        Target(name="x", value=text)


@pytest.mark.parametrize(
    ("text", "flops", "precision"),
    [
        ("100P", 100 * 10**15, None),
        ("300P算力", 300 * 10**15, None),
        ("5E", 5 * 10**18, None),
        ("500T", 500 * 10**12, None),
        ("300 pflops", 300 * 10**15, None),
        ("300P FP16", 300 * 10**15, Precision.FP16),
        ("2.5 EFLOPS (FP16)", 2.5 * 10**18, Precision.FP16),
        ("100 PFLOPS（FP64）", 100 * 10**15, Precision.FP64),
        ("1 EFLOPS 半精度", 10**18, Precision.FP16),
    ],
)
def test_compute_power_shorthand_and_precision(
    text: str, flops: float, precision: Precision | None
) -> None:
    center = ComputingCenter(name="c", compute_power=text)
    assert center.compute_power is not None
    assert aipark.convert(center.compute_power, "FLOPS").magnitude == flops
    assert center.precision is precision
    assert from_dict({"name": "c", "compute_power": text}, ComputingCenter) == center


def test_precision_in_the_text_and_explicitly() -> None:
    agree = ComputingCenter(name="c", compute_power="300P FP16", precision=Precision.FP16)
    assert agree.precision is Precision.FP16
    with pytest.raises(aipark.ValidationError, match="contradicts"):
        ComputingCenter(name="c", compute_power="300P FP16", precision="FP64")
    with pytest.raises(aipark.ValidationError, match=r"^precision: .*contradicts"):
        from_dict({"name": "c", "compute_power": "300P FP16", "precision": "FP64"}, ComputingCenter)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("超过100P", "keeps no bound"),
        ("5 Mu", "did you mean 'mu'"),
        ("5 nflops", "sub-unit"),
        ("100 P FP16 FP32", "two precisions"),
        ("100 mu", "expected FLOPS"),
    ],
)
def test_compute_power_refusals_name_the_field(text: str, words: str) -> None:
    with pytest.raises(aipark.ValidationError, match=words) as info:
        from_dict({"name": "c", "compute_power": text}, ComputingCenter)
    assert str(info.value).startswith("compute_power: ")


def test_other_quantity_fields_refuse_shorthand_and_bounds() -> None:
    with pytest.raises(aipark.ValidationError, match="ambiguous"):
        aipark.Park(name="P", area="100P")
    with pytest.raises(aipark.ValidationError, match="read_figure"):
        aipark.Park(name="P", area="约2918亩")


@pytest.mark.parametrize(
    ("key", "meant"), [("compute_powr", "compute_power"), ("Precision", "precision")]
)
def test_unknown_keys_suggest_the_field(key: str, meant: str) -> None:
    with pytest.raises(
        aipark.ValidationError, match=f"{key}: unknown field; did you mean '{meant}'"
    ):
        from_dict({"name": "c", key: "150P"}, ComputingCenter)
