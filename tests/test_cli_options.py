"""Command-line options are typed: dates, numbers and output files are checked before any work."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aipark
from aipark.cli import run
from aipark.io import dumps, loads

BAD_DATES = [
    "20230223",
    "2023-W08-4",
    "2023-02-30",
    "2023-2-23",
    "23-02-23",
    "2023-02-23T00:00",
    "2023-02-23 ",
    "２０２３-02-23",  # full-width digits
    "yesterday",
    "",
]
DATED = [
    ["convert", "600亿元", "USD", "--on"],
    ["audit", "qingdao", "--on"],
    ["table", "qingdao", "--on"],
]


@pytest.mark.parametrize("day", BAD_DATES)
@pytest.mark.parametrize("command", DATED, ids=lambda c: c[0])
def test_dates_are_yyyy_mm_dd_only(
    command: list[str], day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anything but YYYY-MM-DD is a usage error (exit 2) naming the option, nothing printed."""
    assert run([*command, day]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "usage: aipark" in err
    assert "argument --on" in err
    assert "YYYY-MM-DD" in err or "calendar" in err


@pytest.mark.parametrize("command", DATED, ids=lambda c: c[0])
def test_a_good_date_is_accepted(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*command, "2023-02-23"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("value", ["nan", "inf", "-0.1", "1", "1.5", "ten", "", "0x1"])
def test_rel_tol_is_a_number_from_0_to_1(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["audit", "qingdao", "--rel-tol", value]) == 2
    assert "argument --rel-tol" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "0.5", "1e-4", "0.999"])
def test_rel_tol_accepts_numbers_from_0_to_1(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["audit", "qingdao", "--rel-tol", value]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("name", ["p.txt", "p", "p.json.bak", "p.yaml", ".toml.x"])
def test_dump_refuses_a_suffix_it_cannot_read_back_before_writing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``dump -o p.txt`` would write a file ``validate`` refuses: nothing is written."""
    target = tmp_path / name
    assert run(["dump", "qingdao", "-o", str(target)]) == 2
    assert "argument -o/--output" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert run(["dump", "qingdao", "-o", str(target), "--format", "json"]) == 2
    assert list(tmp_path.iterdir()) == []


def test_dump_refuses_a_format_that_contradicts_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "p.toml"
    assert run(["dump", "qingdao", "-o", str(target), "--format", "json"]) == 2
    assert "argument --format" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("name", ["p.json", "p.toml", "P.JSON"])
def test_dump_writes_what_validate_reads(name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    assert run(["dump", "qingdao", "-o", str(target)]) == 0
    assert run(["validate", str(target)]) == 0
    assert aipark.load(target) == aipark.QINGDAO


# --------------------------------------------------------------------------
# JSON and TOML hold the same parks

WIDE = st.integers(-(10**300), 10**300)


@settings(max_examples=60, deadline=None)
@given(
    magnitude=WIDE | st.floats(allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(["CNY", "kiloUSD", "mu", "hectare", "PFLOPS", "CNY / hectare", ""]),
)
def test_json_and_toml_write_and_read_the_same_values(magnitude: float, unit: str) -> None:
    """Whatever magnitude a park holds, both formats write it, and read it back equal."""
    try:
        target = aipark.Target(name="t", value=aipark.Q_(magnitude, unit))
    except aipark.ValidationError:
        return  # the model refuses it (e.g. more than 1023 bits): nothing to write
    park = aipark.Park(name="p", targets=[target])
    for fmt in ("json", "toml"):
        again = loads(dumps(park, fmt), fmt)
        assert again == park
        assert type(again.targets[0].value.magnitude) is type(magnitude)


def test_integers_past_64_bits_travel_in_toml_as_quantity_text() -> None:
    park = aipark.Park(name="p", area=f"{10**25} mu")
    text = dumps(park, "toml")
    assert f'area = "{10**25} shi_mu"' in text
    assert loads(text, "toml") == loads(dumps(park, "json"), "json") == park
