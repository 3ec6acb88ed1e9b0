"""to_dict / from_dict: JSON-native output, exact round trips, errors with field paths."""

from __future__ import annotations

import datetime
import json
from typing import Any

import cattrs
import pytest
from hypothesis import given, settings

import aipark

from strategies import MODELS


def assert_json_native(data: Any) -> None:
    """Only dict, list, str, int, float, bool and None, with str keys."""
    if isinstance(data, dict):
        for key, value in data.items():
            assert type(key) is str
            assert_json_native(value)
    elif isinstance(data, list):
        for item in data:
            assert_json_native(item)
    else:
        assert data is None or type(data) in (str, int, float, bool), repr(data)


@pytest.mark.parametrize("cls", list(MODELS), ids=lambda c: c.__name__)
def test_round_trip_every_model(cls: type) -> None:
    @settings(max_examples=40, deadline=None)
    @given(MODELS[cls])
    def check(obj: Any) -> None:
        data = aipark.to_dict(obj)
        assert_json_native(data)
        assert aipark.from_dict(data, cls) == obj
        assert aipark.from_dict(json.loads(json.dumps(data)), cls) == obj

    check()


def test_round_trip_keeps_magnitude_types_and_units() -> None:
    park = aipark.QINGDAO
    back = aipark.from_dict(json.loads(json.dumps(aipark.to_dict(park))), aipark.Park)
    assert back == park
    assert back.area is not None
    assert park.area is not None
    assert type(back.area.magnitude) is int
    assert back.area.units == park.area.units
    assert back.targets[0].value.magnitude == 60_000_000_000


def test_quantity_wire_format() -> None:
    assert aipark.to_dict(aipark.Q_(2918, "mu")) == {"value": 2918, "unit": "shi_mu"}
    assert aipark.to_dict(aipark.Q_(6.9028, "CNY/USD")) == {"value": 6.9028, "unit": "CNY / USD"}


def test_dates_and_enums_wire_format() -> None:
    data = aipark.to_dict(
        aipark.Target(name="T", value="1 CNY", bound=aipark.Bound.MORE_THAN, year=2028)
    )
    assert data["bound"] == "more_than"
    assert (
        aipark.to_dict(aipark.Milestone(name="M", date=datetime.date(2023, 2, 23)))["date"]
        == "2023-02-23"
    )


def test_quantity_text_is_accepted_on_input() -> None:
    park = aipark.from_dict({"name": "P", "area": "2918亩"}, aipark.Park)
    assert park.area == aipark.Q_(2918, "shi_mu")


def errors_of(data: object, cls: type = aipark.Park) -> dict[str, str]:
    with pytest.raises(aipark.ValidationError) as info:
        aipark.from_dict(data, cls)
    assert isinstance(info.value, ValueError)
    return {e.path: e.message for e in info.value.errors}


def test_every_failing_path_is_reported_at_once() -> None:
    data = aipark.to_dict(aipark.QINGDAO)
    data["area"] = {"value": 1, "unit": "kilogram"}
    data["computing_centers"][1]["compute_power"] = {"value": -150, "unit": "petaFLOPS"}
    data["zones"][0]["knd"] = "core"
    data["launched"] = "23/02/2023"
    data["targets"][1]["value"] = "9**9**9 mu"
    errors = errors_of(data)
    assert set(errors) == {
        "area",
        "computing_centers[1].compute_power",
        "zones[0].knd",
        "launched",
        "targets[1].value",
    }
    assert "area" in errors["area"]
    assert "negative" in errors["computing_centers[1].compute_power"]
    assert errors["zones[0].knd"] == "unknown field; did you mean 'kind'?"


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"name": "P", "area": {"value": True, "unit": "mu"}}, "area"),
        ({"name": "P", "area": {"value": "1", "unit": "mu"}}, "area"),
        ({"name": "P", "area": {"value": 1}}, "area"),
        ({"name": "P", "area": {"value": 1, "unit": "mu", "x": 1}}, "area.x"),
        ({"name": "P", "area": {"value": 1, "unit": "mu"}, "extra": 1}, "extra"),
        ({"name": "P", "area": [1, "mu"]}, "area"),
        ({"name": 7}, "name"),
        ({}, "name"),
        ({"name": "P", "zones": {"name": "Z"}}, "zones"),
        ({"name": "P", "zones": [{"name": "Z"}]}, "zones[0].kind"),
        ({"name": "P", "zones": [{"name": "Z", "kind": "moat"}]}, "zones[0].kind"),
        ({"name": "P", "zones": [None]}, "zones[0]"),
        ({"name": "P", "launched": "2023-02-30"}, "launched"),
        ({"name": "P", "launched": 20230223}, "launched"),
        ({"name": "P", "goals": [1]}, "goals[0]"),
        (
            {"name": "P", "computing_centers": [{"name": "C", "phase": 1.0}]},
            "computing_centers[0].phase",
        ),
        (
            {"name": "P", "computing_centers": [{"name": "C", "precision": "FP12"}]},
            "computing_centers[0].precision",
        ),
        ({"name": "P", "sources": [{"title": "T", "publisher": "P"}]}, "sources[0].published"),
        ({"name": "P", "citations": [{"field": "area", "source": "CD"}]}, "citations[0].source"),
    ],
)
def test_bad_data_names_the_path(data: dict[str, Any], path: str) -> None:
    assert path in errors_of(data)


@pytest.mark.parametrize("data", [None, [], "park", 5, 1.5, True])
def test_non_mapping_top_level(data: object) -> None:
    assert errors_of(data) == {"": errors_of(data)[""]}


def test_private_converter() -> None:
    """aipark never configures cattrs' global converter."""
    assert aipark.converter is not cattrs.global_converter
    assert isinstance(aipark.converter, cattrs.Converter)
    with pytest.raises(Exception):  # noqa: B017, PT011 - cattrs' own error, whatever it is
        cattrs.structure({"value": 1, "unit": "mu"}, aipark.Quantity)
    fresh = aipark.make_converter()
    assert fresh is not aipark.converter
    assert fresh.unstructure(aipark.QINGDAO) == aipark.to_dict(aipark.QINGDAO)


def test_make_converter_forwards_keyword_arguments_to_cattrs() -> None:
    """``make_converter(**kwargs)`` passes them to ``cattrs.Converter``; aipark's defaults yield."""
    location = aipark.Location(country="China", city="Qingdao")
    assert "district" in aipark.make_converter().unstructure(location)
    lean = aipark.make_converter(omit_if_default=True).unstructure(location)
    assert lean == {"country": "China", "city": "Qingdao"}
    assert aipark.make_converter().forbid_extra_keys is True
    assert aipark.make_converter(forbid_extra_keys=False).forbid_extra_keys is False
    with pytest.raises(TypeError):
        aipark.make_converter(no_such_option=True)
