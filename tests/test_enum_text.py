"""Enum fields take their members or their text values, in code and for type checkers."""

from __future__ import annotations

import tempfile
import textwrap
import typing
from pathlib import Path

import pytest

import aipark
from aipark import models


def test_text_values_make_the_same_models() -> None:
    assert aipark.Zone(name="Z", kind="core") == aipark.Zone(name="Z", kind=aipark.ZoneKind.CORE)
    center = aipark.ComputingCenter(name="C", precision="FP16")
    assert center.precision is aipark.Precision.FP16
    assert aipark.ComputingCenter(name="C", precision=None).precision is None
    target = aipark.Target(name="T", value="600亿元", bound="more_than")
    assert target.bound is aipark.Bound.MORE_THAN
    assert aipark.from_dict(aipark.to_dict(target), aipark.Target) == target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: aipark.Zone(name="Z", kind="centre"),  # type: ignore[arg-type]
            "kind: expected one of ['core', 'wing', 'functional'], got text 'centre'",
        ),
        (
            lambda: aipark.Zone(name="Z", kind="CORE"),  # type: ignore[arg-type]
            "kind: expected one of ['core', 'wing', 'functional'], got text 'CORE'",
        ),
        (
            lambda: aipark.ComputingCenter(name="C", precision="fp16"),  # type: ignore[arg-type]
            "precision: expected one of ['FP64', 'FP32', 'TF32', 'FP16', 'BF16', 'FP8', "
            "'INT8', 'INT4'], got text 'fp16'",
        ),
        (
            lambda: aipark.Target(name="T", value="1", bound=2),  # type: ignore[arg-type]
            "bound: expected one of ['exactly', 'about', 'more_than', 'at_least', 'less_than', "
            "'at_most'], got int 2",
        ),
    ],
)
def test_a_bad_value_names_the_allowed_ones(make: typing.Any, message: str) -> None:
    with pytest.raises(aipark.ValidationError) as info:
        make()
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("alias", "enum"),
    [
        (models.ZoneKindValue, aipark.ZoneKind),
        (models.BoundValue, aipark.Bound),
        (models.PrecisionValue, aipark.Precision),
    ],
)
def test_the_typed_values_are_the_enum_values(alias: object, enum: type) -> None:
    assert list(typing.get_args(alias)) == [member.value for member in enum]


def test_mypy_strict_accepts_both_forms_and_refuses_typos() -> None:
    from mypy import api

    code = textwrap.dedent(
        """
        import aipark

        aipark.Zone(name="z", kind="core")
        aipark.Zone(name="z", kind=aipark.ZoneKind.WING)
        aipark.ComputingCenter(name="c", precision="FP16")
        aipark.ComputingCenter(name="c", precision=aipark.Precision.BF16)
        aipark.Target(name="t", value="1 CNY", bound="more_than")
        aipark.Target(name="t", value="1 CNY", bound=aipark.Bound.ABOUT)
        aipark.Zone(name="z", kind="centre")
        """
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.py"
        path.write_text(code)
        out, _, status = api.run(
            ["--strict", "--cache-dir", str(Path(folder) / "cache"), str(path)]
        )
    assert status == 1
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert len(errors) == 1, out
    assert ":10: error:" in errors[0]
    assert "Literal['centre']" in errors[0]
