"""aipark.json_schema(): park files validate against it, and what it refuses, aipark refuses."""

from __future__ import annotations

import copy
import json
import tomllib
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aipark
from aipark.cli import run
from aipark.io import dumps, loads

from strategies import parks

VALIDATOR = jsonschema.Draft202012Validator(aipark.json_schema())
QINGDAO_FILE = json.loads(dumps(aipark.QINGDAO))


def schema_accepts(document: Any) -> bool:
    return VALIDATOR.is_valid(document)


def aipark_accepts(document: Any) -> bool:
    """What ``aipark.load`` says of a file holding ``document``."""
    try:
        loads(json.dumps(document), "json")
    except aipark.ValidationError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = aipark.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert aipark.json_schema() == schema
    assert aipark.json_schema() is not schema


def test_the_schema_is_generated_from_every_model_and_field() -> None:
    defs = aipark.json_schema()["$defs"]
    models = [
        aipark.Park,
        aipark.Location,
        aipark.Zone,
        aipark.ComputingCenter,
        aipark.InnovationPlatform,
        aipark.Target,
        aipark.Milestone,
        aipark.Source,
        aipark.Citation,
    ]
    for cls in models:
        properties = defs[cls.__name__]["properties"]
        assert set(properties) - {"format_version"} == {f.name for f in attrs.fields(cls)}
        assert defs[cls.__name__]["additionalProperties"] is False
    assert defs["Zone"]["properties"]["kind"] == {"enum": [k.value for k in aipark.ZoneKind]}
    assert defs["Zone"]["required"] == ["name", "kind"]
    assert defs["Target"]["properties"]["bound"] == {"enum": [b.value for b in aipark.Bound]}
    precision = defs["ComputingCenter"]["properties"]["precision"]
    assert precision["anyOf"][0] == {"enum": [p.value for p in aipark.Precision]}
    assert defs["Park"]["properties"]["format_version"]["maximum"] == 1


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_the_qingdao_file_validates(fmt: str) -> None:
    text = dumps(aipark.QINGDAO, fmt)  # type: ignore[arg-type]
    document = json.loads(text) if fmt == "json" else tomllib.loads(text)
    VALIDATOR.validate(document)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(park=parks)
def test_generated_parks_validate(park: aipark.Park) -> None:
    VALIDATOR.validate(json.loads(dumps(park)))
    VALIDATOR.validate(aipark.to_dict(park))  # the inline form from_dict reads too


# --------------------------------------------------------------------------
# Refused by the schema: refused by aipark


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a document: keys of objects and indexes of arrays."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, (*prefix, i))
    return found


def replace(document: Any, path: tuple[Any, ...], value: Any, *, delete: bool = False) -> Any:
    out = copy.deepcopy(document)
    node = out
    for step in path[:-1]:
        node = node[step]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", " ", "core", "FP16", "more_than", "2918 mu", "2023-02-23", "x"])
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["value", "unit", "name", "kind", "x"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)

PLACES = paths(QINGDAO_FILE)


@settings(max_examples=300, deadline=None)
@given(
    place=st.sampled_from(PLACES),
    value=json_values,
    delete=st.booleans(),
)
def test_what_the_schema_refuses_aipark_refuses(
    place: tuple[Any, ...], value: Any, delete: bool
) -> None:
    document = replace(QINGDAO_FILE, place, value, delete=delete)
    if not schema_accepts(document):
        assert not aipark_accepts(document), VALIDATOR.iter_errors(document).__next__().message


@pytest.mark.parametrize(
    "change",
    [
        {"format_version": 2},
        {"format_version": 0},
        {"area": {"value": -1, "unit": "mu"}},
        {"area": {"value": 1, "unit": "mu", "note": "x"}},
        {"name": ""},
        {"name": "   "},
        {"launched": "23 February 2023"},
        {"zones": [{"name": "Z", "kind": "centre"}]},
        {"zones": [{"name": "Z"}]},
        {"computing_centers": [{"name": "C", "pc_equivalents": -5}]},
        {"computing_centers": [{"name": "C", "phase": 0}]},
        {"targets": [{"name": "T", "value": "1 CNY", "year": 28}]},
        {"targets": [{"name": "T", "value": "1 CNY", "bound": "more"}]},
        {"targets": [{"name": "T"}]},
        {"opened": "2023-02-23"},
        {"goals": "one goal"},
        {"location": {"city": 5}},
    ],
)
def test_known_mistakes_are_refused_by_both(change: dict[str, Any]) -> None:
    document = {**QINGDAO_FILE, **change}
    assert not schema_accepts(document)
    assert not aipark_accepts(document)


# --------------------------------------------------------------------------
# The command


def test_cli_schema(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    assert run(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == aipark.json_schema()
    path = tmp_path / "park.schema.json"
    assert run(["schema", "-o", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == aipark.json_schema()


def test_unions_of_types_are_any_of_them() -> None:
    """Field types beyond today's models (a union) still give a schema, not an error."""
    from aipark import schema

    @attrs.frozen
    class Reading:
        amount: int | str
        share: float | None = None

    defs: dict[str, Any] = {}
    schema._model(Reading, defs)
    properties = defs["Reading"]["properties"]
    assert properties["amount"] == {
        "anyOf": [{"type": "integer"}, {"type": "string", "minLength": 1, "pattern": r"\S"}]
    }
    assert properties["share"] == {"anyOf": [{"type": "number"}, {"type": "null"}]}
    assert defs["Reading"]["required"] == ["amount"]
