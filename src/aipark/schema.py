"""The park file format as a JSON Schema (draft 2020-12), generated from the models.

Every attrs field of every model becomes a property, typed from its
annotation (text, whole numbers, dates, quantities, enums, lists, nested
models), with the bounds its validator checks (a count is not negative, a
year has four digits) and its required fields; unknown keys are refused.  A
field added to a model is in the schema without a change here.

The schema never refuses what :func:`aipark.load` accepts: editors and
programs in other languages can check a file with it, and aipark's own checks
(a quantity's dimension, a citation naming a field of its model) go further.
"""

from __future__ import annotations

import copy
import datetime
import enum
import functools
import types
from typing import Any, Final, Union

import attrs

from . import _validators, models
from .serialization import FORMAT_VERSION

__all__ = ["json_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_QUANTITY_EXAMPLES: Final = ["2918 mu", "150 PFLOPS", {"value": 2918, "unit": "shi_mu"}]


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of aipark's park files, JSON or TOML.

    Generated from the models: every field with its type, the enums' values,
    the two forms of a quantity (``{"value": 2918, "unit": "shi_mu"}`` or text
    such as ``"2918 mu"``), the required fields and ``format_version``.  A new
    dict each call.

    >>> import aipark
    >>> schema = aipark.json_schema()
    >>> schema["$defs"]["Zone"]["properties"]["kind"]
    {'enum': ['core', 'wing', 'functional']}
    >>> schema["$defs"]["Park"]["required"]
    ['name']
    """
    return copy.deepcopy(_schema())


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    _model(models.Park, defs)
    defs["Park"]["properties"] = {
        "format_version": {
            "description": "Version of the park file format; 1 when absent.",
            "type": "integer",
            "minimum": 1,
            "maximum": FORMAT_VERSION,
        },
        **defs["Park"]["properties"],
    }
    defs["Quantity"] = _quantity(non_negative=False)
    defs["NonNegativeQuantity"] = _quantity(non_negative=True)
    return {
        "$schema": DIALECT,
        "title": "aipark park file",
        "description": (
            "A park as aipark reads it from JSON or TOML: its place, area, zones, computing "
            "centers, platforms, targets and milestones, with the sources of its figures."
        ),
        "$ref": "#/$defs/Park",
        "$defs": dict(sorted(defs.items())),
    }


def _model(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """Add ``cls`` (and the models inside it) to ``defs``; return a reference to it."""
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # placeholder: a model may refer to itself
        from .units import Quantity

        resolved: Any = attrs.resolve_types(cls, localns={"Quantity": Quantity})
        properties = {f.name: _field(f, defs) for f in attrs.fields(resolved)}
        required = [f.name for f in attrs.fields(resolved) if f.default is attrs.NOTHING]
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        defs[name] = {
            "title": name,
            "description": " ".join(doc.split()),
            "type": "object",
            "properties": properties,
            **({"required": required} if required else {}),
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}


def _field(field: attrs.Attribute[Any], defs: dict[str, Any]) -> dict[str, Any]:
    t = field.type
    args = getattr(t, "__args__", ())
    if type(None) in args:  # X | None: null is also accepted
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [*(_type(a, field, defs) for a in inner), {"type": "null"}]}
    return _type(t, field, defs)


def _type(t: Any, field: attrs.Attribute[Any], defs: dict[str, Any]) -> dict[str, Any]:
    from .units import Quantity

    args: tuple[Any, ...] = getattr(t, "__args__", ())
    if isinstance(t, types.UnionType) or getattr(t, "__origin__", None) is Union:
        return {"anyOf": [_type(a, field, defs) for a in args]}
    if getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type(args[0], field, defs)}
    if t is Quantity:
        validator = field.validator
        non_negative = isinstance(validator, _validators._Dimension) and validator.non_negative
        label = validator.label if isinstance(validator, _validators._Dimension) else "an amount"
        ref = "NonNegativeQuantity" if non_negative else "Quantity"
        return {"$ref": f"#/$defs/{ref}", "description": f"{label}, in any unit aipark reads"}
    if t is models.Source:  # park files may cite a listed source by its id
        return {
            "anyOf": [
                _model(t, defs),
                {"type": "string", "description": "the id of a source in the park's sources"},
            ]
        }
    if t is models.Term:  # a term with only its English name may be that text
        return {
            "anyOf": [
                {"type": "string", "minLength": 1, "pattern": r"\S", "description": "its name"},
                _model(t, defs),
            ]
        }
    if attrs.has(t):
        return _model(t, defs)
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return {"enum": [member.value for member in t]}
    if t is str:
        return {"type": "string", "minLength": 1, "pattern": r"\S"}
    if t is bool:
        return {"type": "boolean"}
    if t is int:
        return {"type": "integer", **_int_bounds(field)}
    if t is float:
        return {"type": "number"}
    if t is datetime.date:
        return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    raise TypeError(f"no JSON Schema for {field.name}: {t!r}")


def _int_bounds(field: attrs.Attribute[Any]) -> dict[str, int]:
    check = getattr(field.validator, "check", None)
    bounds: dict[Any, dict[str, int]] = {
        _validators._not_negative: {"minimum": 0},
        _validators._positive: {"minimum": 1},
        _validators._plausible_year: {"minimum": 1000, "maximum": 9999},
    }
    return bounds.get(check, {})


def _quantity(*, non_negative: bool) -> dict[str, Any]:
    value: dict[str, Any] = {"type": "number"}
    if non_negative:
        value["minimum"] = 0
    return {
        "description": (
            "A quantity: text such as '2918 mu' or '600亿元', or its value and unit"
            + (" (not negative)" if non_negative else "")
        ),
        "examples": _QUANTITY_EXAMPLES,
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "properties": {"value": value, "unit": {"type": "string"}},
                "required": ["value", "unit"],
                "additionalProperties": False,
            },
        ],
    }
