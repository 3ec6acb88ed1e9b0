"""from_dict's two paths agree: one pass for valid data, field by field for errors.

Valid data is structured field by field and handed to the class, whose
validators check it once; when anything fails, every field is converted and
validated on its own to name each failing path.  With attrs' validators
switched off, every model takes the second path (which calls each validator
itself), so comparing the two modes compares the two paths.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aipark

from strategies import MODELS

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.sampled_from(["", "x", "2918 mu", "FP16", "core", "2023-02-23", "petaFLOPS"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["value", "unit", "name", "x"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def outcome(data: object, cls: type) -> tuple[str, Any]:
    try:
        return ("ok", aipark.from_dict(data, cls))
    except aipark.ValidationError as exc:
        return ("error", exc.errors)


def field_by_field(data: object, cls: type) -> tuple[str, Any]:
    with attrs.validators.disabled():
        return outcome(data, cls)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into nested dicts and lists."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += paths(value, (*prefix, i))
    return found


def mutate(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@pytest.mark.parametrize("cls", list(MODELS), ids=lambda c: c.__name__)
def test_paths_agree_on_valid_and_broken_data(cls: type) -> None:
    @settings(max_examples=30, deadline=None)
    @given(MODELS[cls], st.data())
    def check(obj: Any, draw: st.DataObject) -> None:
        data = aipark.to_dict(obj)
        assert outcome(data, cls) == ("ok", obj)
        assert field_by_field(data, cls) == ("ok", obj)
        broken = aipark.to_dict(obj)
        for _ in range(draw.draw(st.integers(1, 2))):
            spots = paths(broken)
            if spots and draw.draw(st.booleans()):
                mutate(broken, draw.draw(st.sampled_from(spots)), draw.draw(json_values))
            else:
                key = draw.draw(st.sampled_from(["extra", "name", "citations"]))
                broken[key] = draw.draw(json_values)
        result = outcome(broken, cls)
        assert field_by_field(broken, cls) == result
        if result[0] == "ok":
            attrs.validate(result[1])  # what the one pass built is valid

    check()


def test_missing_fields_agree() -> None:
    data = aipark.to_dict(aipark.QINGDAO)
    del data["name"]
    del data["zones"][0]["kind"]
    result = outcome(data, aipark.Park)
    assert result[0] == "error"
    assert {e.path for e in result[1]} == {"name", "zones[0].kind"}
    assert field_by_field(data, aipark.Park) == result


def test_class_level_errors_agree() -> None:
    """Errors only the whole object can find (a citation of no field, year against date)."""
    data = {"name": "M", "date": "2023-02-23", "year": 2022}
    result = outcome(data, aipark.Milestone)
    assert result == (
        "error",
        (aipark.FieldError("year", "year 2022 contradicts date 2023-02-23"),),
    )
    assert field_by_field(data, aipark.Milestone) == result
    cited = {
        "name": "C",
        "citations": [
            {
                "field": "nonsense",
                "source": {"title": "T", "publisher": "P", "published": "2023-02-27"},
            }
        ],
    }
    result = outcome(cited, aipark.ComputingCenter)
    assert result[0] == "error"
    assert [e.path for e in result[1]] == ["citations[0].field"]
    assert field_by_field(cited, aipark.ComputingCenter) == result


def test_validation_holds_with_attrs_validators_switched_off() -> None:
    """Switching attrs' validators off (a global) never lets bad data through from_dict."""
    bad = {"name": " ", "compute_power": {"value": -1, "unit": "petaFLOPS"}, "phase": 0}
    with attrs.validators.disabled(), pytest.raises(aipark.ValidationError) as info:
        aipark.from_dict(bad, aipark.ComputingCenter)
    assert {e.path for e in info.value.errors} == {"name", "compute_power", "phase"}


def test_a_custom_hook_for_an_optional_type_is_used() -> None:
    converter = aipark.make_converter()
    converter.register_structure_hook(str | None, lambda v, _: None if v == "n/a" else v)
    center = converter.structure({"name": "C", "local_name": "n/a"}, aipark.ComputingCenter)
    assert center.local_name is None
    assert aipark.from_dict({"name": "C", "local_name": "n/a"}, aipark.ComputingCenter).local_name


def test_null_optional_fields_are_none() -> None:
    data = {"name": "C", "compute_power": None, "precision": None, "phase": None}
    assert aipark.from_dict(data, aipark.ComputingCenter) == aipark.ComputingCenter("C")


class Level(enum.Enum):
    LOW = 1
    HIGH = 2
    BOTTOM = 1  # noqa: PIE796 - an alias, on purpose


def test_enums_by_value() -> None:
    assert aipark.from_dict("FP16", aipark.Precision) is aipark.Precision.FP16
    converter = aipark.make_converter()
    assert converter.structure(1, Level) is Level.LOW
    assert converter.structure(2, Level) is Level.HIGH
    for bad in ("fp16", 16, True, None, 1.5):
        with pytest.raises(aipark.ValidationError, match="expected one of"):
            aipark.from_dict(bad, aipark.Precision)
    for bad in (True, "1", 3):
        with pytest.raises(aipark.ValidationError, match=r"expected one of \[1, 2\]"):
            converter.structure(bad, Level)


def test_a_term_written_as_text_is_checked_with_validators_off() -> None:
    """Found by the test above at the lowest dependency versions: with attrs' validators
    switched off, an empty term written as text ("") was built unchecked on that path."""
    data = aipark.to_dict(aipark.QINGDAO)
    data["application_domains"] = ["smart homes", ""]
    expected = (("application_domains[1]", "must not be empty"),)
    assert outcome(data, aipark.Park) == ("error", expected)
    assert field_by_field(data, aipark.Park) == ("error", expected)
