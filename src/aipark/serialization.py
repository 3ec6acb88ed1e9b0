"""Dicts and JSON: aipark's own cattrs converter, ``to_dict`` and ``from_dict``.

The only module that imports cattrs.  The converter is aipark's, never
``cattrs.global_converter``; users who extend it get it as
``aipark.converter`` or build a fresh one with :func:`make_converter`.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import math
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_unstructure_fn

from . import models
from .errors import MAX_ERRORS, FieldError, ValidationError, at_most, join_path, one_line, shown
from .units import MAX_TEXT_LENGTH, Quantity, parse_quantity, quantity, unit_name

__all__ = [
    "FORMAT_VERSION",
    "configure_converter",
    "from_dict",
    "get_converter",
    "make_converter",
    "to_dict",
]

T = TypeVar("T")

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: Version of the park file format that aipark writes (``format_version``).
#: A park without the key is read as version 1; a newer one is refused.
FORMAT_VERSION: Final = 1

#: Every attrs class aipark serializes.
MODELS: Final[tuple[type, ...]] = (
    models.Source,
    models.Citation,
    models.Location,
    models.Term,
    models.Zone,
    models.ComputingCenter,
    models.InnovationPlatform,
    models.Target,
    models.Observation,
    models.Milestone,
    models.Park,
)


def make_converter(**kwargs: Any) -> cattrs.Converter:
    """A new converter configured the way aipark serializes (see :func:`configure_converter`).

    Keyword arguments go to :class:`cattrs.Converter`, as cattrs' own
    ``make_converter`` functions do: ``make_converter(omit_if_default=True)``.
    aipark's defaults are ``forbid_extra_keys=True`` and
    ``detailed_validation=True``; an argument given here wins.
    """
    kwargs.setdefault("forbid_extra_keys", True)
    kwargs.setdefault("detailed_validation", True)
    converter = cattrs.Converter(**kwargs)
    configure_converter(converter)
    return converter


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach ``converter`` aipark's wire format.

    Decisions, all JSON-native:

    * quantity: ``{"value": number, "unit": canonical unit name}``; the number
      keeps its Python type (an integer stays an integer, so money stays
      exact); the unit is pint's canonical name (``shi_mu``, never the
      ambiguous alias ``mu``).  On input, ``"2918 mu"`` text is accepted too.
      Both are read by aipark's strict parser, never by pint's evaluator.
    * date: ISO 8601 text (``"2023-02-23"``); nothing else is accepted.
    * enums: their value (``"core"``, ``"FP16"``, ``"more_than"``).
    * tuples: JSON arrays.
    * str, int, float and bool are strict: ``5`` is not a string and ``true``
      is not a number.
    * attrs classes: keys are field names; unknown keys are an error, so a
      typo cannot vanish silently.
    """
    localns = {"Quantity": Quantity}
    for cls in MODELS:
        attrs.resolve_types(cls, localns=localns)
    converter.register_unstructure_hook(Quantity, _unstructure_quantity)
    converter.register_structure_hook(Quantity, _structure_quantity)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(str, _strict(str))
    converter.register_structure_hook(bool, _strict(bool))
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_structure_hook_factory(_is_tuple, _tuple_hook_factory(converter))
    converter.register_structure_hook_factory(attrs.has, _model_hook_factory(converter))
    _configure_terms(converter)


def _configure_terms(converter: cattrs.Converter) -> None:
    """A term is its English name as text when that is all it has, else an object.

    ``"smart homes"`` and ``{"name": "smart homes", "local_name": "智慧家居"}``
    both read as a :class:`~aipark.models.Term`; ``to_dict`` writes the text
    form for a term with no Chinese name and no citations.
    """
    as_model = _model_hook_factory(converter)(models.Term)
    as_dict = make_dict_unstructure_fn(models.Term, converter)

    def structure(data: object, cls: type) -> models.Term:
        if isinstance(data, str):
            try:  # through the model hook, which validates even with attrs' validators off
                term: models.Term = as_model({"name": data}, cls)
            except ValidationError as exc:  # the text is the term: no ".name" in the path
                raise ValidationError(FieldError("", e.message) for e in exc.errors) from None
            return term
        if not isinstance(data, Mapping):
            raise ValidationError(
                f"expected text such as 'smart homes' or an object with a 'name', got {shown(data)}"
            )
        return as_model(data, cls)  # type: ignore[no-any-return]

    def unstructure(term: models.Term) -> Any:
        if term.local_name is None and term.local_name_verified and not term.citations:
            return term.name
        return as_dict(term)

    converter.register_structure_hook(models.Term, structure)
    converter.register_unstructure_hook(models.Term, unstructure)


def _unstructure_quantity(q: Quantity) -> dict[str, Any]:
    return {"value": q._magnitude, "unit": unit_name(q._units)}


def _structure_quantity(data: object, _: type) -> Quantity:
    if type(data) is dict and len(data) == 2 and "value" in data and "unit" in data:
        return quantity(data["value"], data["unit"])  # what to_dict writes
    if isinstance(data, str):
        return parse_quantity(data)
    if not isinstance(data, Mapping):
        raise ValidationError(f"expected a quantity such as {_QUANTITY_EXAMPLE}, got {shown(data)}")
    extra = [key for key in data if key not in ("value", "unit")]
    if extra:
        raise ValidationError(_unknown_fields(extra, ("value", "unit")))
    if "value" not in data or "unit" not in data:
        raise ValidationError(
            f"a quantity needs both 'value' and 'unit', such as {_QUANTITY_EXAMPLE}"
        )
    return quantity(data["value"], data["unit"])


_QUANTITY_EXAMPLE: Final = "'2918 mu' or {'value': 2918, 'unit': 'mu'}"


def _structure_date(data: object, _: type) -> datetime.date:
    # fromisoformat() alone would also take week dates such as "2023-W08-4".
    if not isinstance(data, str) or _ISO_DATE.fullmatch(data) is None:
        raise ValidationError(f"expected an ISO date such as '2023-02-23', got {shown(data)}")
    try:
        return datetime.date.fromisoformat(data)
    except ValueError:
        raise ValidationError(f"{data!r} is not a valid date (YYYY-MM-DD)") from None


def _strict(cls: type[T]) -> Callable[[object, type], T]:
    def structure(data: object, _: type) -> T:
        if type(data) is not cls:
            raise ValidationError(f"expected {cls.__name__}, got {shown(data)}")
        if isinstance(data, str) and len(data) > 100 * MAX_TEXT_LENGTH:
            raise ValidationError("text is too long")
        return data

    return structure


def _structure_int(data: object, _: type) -> int:
    if type(data) is not int:
        raise ValidationError(f"expected int, got {shown(data)}")
    return data


def _structure_float(data: object, _: type) -> float:
    if type(data) not in (int, float) or not math.isfinite(data):  # type: ignore[arg-type]
        raise ValidationError(f"expected a finite number, got {shown(data)}")
    return data  # type: ignore[return-value]


def _structure_enum(data: object, cls: type[enum.Enum]) -> enum.Enum:
    if type(data) is str:  # the usual case, by value in one look-up
        member = _enum_members(cls)[0].get(data)
        if member is not None:
            return member
    if isinstance(data, str | int) and not isinstance(data, bool):
        for value, member in _enum_members(cls)[1]:
            if value == data:
                return member
    choices = [m.value for m in cls]
    raise ValidationError(f"expected one of {choices}, got {shown(data)}")


@lru_cache(maxsize=256)
def _enum_members(
    cls: type[enum.Enum],
) -> tuple[dict[str, enum.Enum], tuple[tuple[Any, enum.Enum], ...]]:
    """An enum's members by text value, and each member with its value.

    Read once per enum, as ``member.value`` is a slow descriptor.
    """
    pairs = tuple((m.value, m) for m in cls)
    return {v: m for v, m in pairs if type(v) is str}, pairs


def _is_tuple(t: Any) -> bool:
    """``tuple[X, ...]`` and ``list[X]``: homogeneous sequences, read from JSON arrays."""
    origin = getattr(t, "__origin__", None)
    args: tuple[Any, ...] = getattr(t, "__args__", ())
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin is list and len(args) == 1


def _tuple_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(t: Any) -> Callable[[object, type], Sequence[Any]]:
        item_type = t.__args__[0]
        inner = converter.get_structure_hook(item_type)
        make = t.__origin__

        def structure(data: object, _: type) -> Sequence[Any]:
            if not isinstance(data, list | tuple):
                raise ValidationError(f"expected a list, got {shown(data)}")
            items, errors = [], []
            for i, item in enumerate(data):
                try:
                    items.append(inner(item, item_type))
                except Exception as exc:
                    errors.extend(_field_errors(exc, f"[{i}]"))
            if errors:
                raise ValidationError(errors)
            return make(items)  # type: ignore[no-any-return]

        return structure

    return factory


def _model_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Structure attrs classes field by field, collecting every error.

    Valid data takes one pass: each field through its hook, then the class,
    whose converters and validators check the result once.  Only when that
    fails is each field converted and validated on its own, so a bad area and
    a bad compute power three levels down are reported together, each with its
    path, instead of the first one hiding the rest.
    """

    def factory(cls: Any) -> Callable[[object, type], Any]:
        fields = [
            (f, converter.get_structure_hook(f.type), f.default is attrs.NOTHING)
            for f in attrs.fields(cls)
        ]
        names = {f.name for f, _, _ in fields}
        versioned = cls is models.Park
        steps = [
            (f.name, *_field_hook(converter, f.type), required, _reads_text(f))
            for f, _, required in fields
        ]

        def structure(data: object, _: type) -> Any:
            if type(data) is not dict and not isinstance(data, Mapping):
                raise ValidationError(f"expected an object (a mapping), got {shown(data)}")
            if versioned and "format_version" in data:
                _check_format_version(data["format_version"])
                data = {key: value for key, value in data.items() if key != "format_version"}
            values: dict[str, Any] = {}
            failures: dict[str, Exception] = {}
            complete = True
            for name, hook, field_type, nullable, required, reads_text in steps:
                if name in data:
                    value = data[name]
                    if (value is None and nullable) or (reads_text and type(value) is str):
                        values[name] = value  # text: the model reads its words too
                        continue
                    try:
                        values[name] = hook(value, field_type)
                    except Exception as exc:
                        failures[name] = exc
                elif required:
                    complete = False
            # Every key a field (len), none missing or failed, and attrs' validators
            # switched on, so the class itself checks every field: build it.
            if (
                complete
                and not failures
                and len(values) == len(data)
                and not attrs.validators.get_disabled()
            ):
                try:
                    return cls(**values)
                except Exception:  # reported field by field below
                    pass
            return report(data, values, failures)

        def report(
            data: Mapping[Any, Any], values: dict[str, Any], failures: dict[str, Exception]
        ) -> Any:
            errors = _unknown_fields([key for key in data if key not in names], names)
            kwargs = {}
            scratch = _Scratch()
            for field, _, required in fields:
                if field.name not in data:
                    if required:
                        errors.append(FieldError(field.name, "required field missing"))
                    continue
                if field.name in failures:
                    errors.extend(_field_errors(failures[field.name], field.name))
                    continue
                value = values[field.name]
                try:
                    value = _convert(field, value, scratch)
                except Exception as exc:  # aipark's converters name the field themselves
                    own = isinstance(exc, ValidationError)
                    errors.extend(_field_errors(exc, "" if own else field.name))
                    continue
                if field.validator is not None:
                    try:  # validators name the field themselves
                        field.validator(None, field, value)
                    except Exception as exc:
                        errors.extend(_field_errors(exc, ""))
                        continue
                kwargs[field.name] = values[field.name] if _reads_text(field) else value
            if errors:
                raise ValidationError(errors)
            return cls(**kwargs)

        return structure

    return factory


def _check_format_version(version: object) -> None:
    """A park's ``format_version``: 1 up to :data:`FORMAT_VERSION`, else a clear refusal."""
    if type(version) is not int:
        raise ValidationError(
            f"expected a whole number such as {FORMAT_VERSION}, got {shown(version)}",
            path="format_version",
        )
    if version > FORMAT_VERSION:
        raise ValidationError(
            f"the data is in park format version {version}; this aipark reads versions up to "
            f"{FORMAT_VERSION} (a newer aipark may read it)",
            path="format_version",
        )
    if version < 1:
        raise ValidationError(f"format versions start at 1, got {version}", path="format_version")


class _Scratch:
    """Stands in for the instance a ``takes_self`` converter writes to, field by field."""


def _reads_text(field: attrs.Attribute[Any]) -> bool:
    """Does the model read this quantity field's text itself (a bound or precision in its words)?"""
    # attrs.Converter(..., takes_self=True); attrs' stubs do not declare its attributes.
    return bool(getattr(field.converter, "takes_self", False)) and "Quantity" in str(field.type)


def _convert(field: attrs.Attribute[Any], value: Any, scratch: _Scratch) -> Any:
    """``value`` through the field's converter, as the class's ``__init__`` would."""
    convert: Any = field.converter
    if convert is None:
        return value
    inner = getattr(convert, "converter", None)  # an attrs.Converter
    if inner is None:
        return convert(value)
    args: list[Any] = [scratch] if getattr(convert, "takes_self", False) else []
    if getattr(convert, "takes_field", False):
        args.append(field)
    return inner(value, *args)


def _field_hook(converter: cattrs.Converter, t: Any) -> tuple[Any, Any, bool]:
    """A field type's structure hook and the type to pass it; ``X | None`` resolved once.

    cattrs' own hook for optional types looks up the hook of ``X`` for every
    value; for such a field this returns that hook of ``X`` with ``nullable``
    set instead, unless a custom hook for the optional type was registered.
    """
    hook = converter.get_structure_hook(t)
    if getattr(hook, "__func__", None) is not cattrs.Converter._structure_optional:
        return hook, t, False
    inner_type = next(a for a in t.__args__ if a is not type(None))
    return converter.get_structure_hook(inner_type), inner_type, True


def _unknown_fields(keys: list[object], names: Iterable[str]) -> list[FieldError]:
    """One error per unknown key, with the field it was probably meant to be."""
    known = sorted(names)
    errors = [
        FieldError(_key_text(key), "unknown field" + _did_you_mean(key, known))
        for key in keys[:MAX_ERRORS]
    ]
    if len(keys) > MAX_ERRORS:
        errors.append(FieldError("", f"and {len(keys) - MAX_ERRORS} more unknown fields"))
    return errors


def _did_you_mean(key: object, known: list[str]) -> str:
    if not isinstance(key, str) or len(key) > 60:
        return ""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _key_text(key: object) -> str:
    """A mapping key as a field path: as it is when short and printable, else quoted."""
    if isinstance(key, str):
        if len(key) <= 60 and key.isprintable():
            return key
        return repr(key[:40]) + ("..." if len(key) > 40 else "")
    return f"<{shown(key)}>"


# --------------------------------------------------------------------------
# Turning cattrs' exception groups into field paths


def _field_errors(exc: BaseException, path: str) -> list[FieldError]:
    if isinstance(exc, ValidationError):
        return [FieldError(join_path(path, e.path), e.message) for e in exc.errors]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        errors: list[FieldError] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            step = (
                f"[{note.index!r}]" if isinstance(note, IterableValidationNote) else str(note.name)
            )
            errors += _field_errors(sub, join_path(path, step))
        for sub in without:
            errors += _field_errors(sub, path)
        return errors
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            FieldError(join_path(path, _key_text(key)), "unknown field")
            for key in sorted(exc.extra_fields, key=str)
        ]
    if isinstance(exc, KeyError):
        return [FieldError(path, "required field missing")]
    if isinstance(exc, AttributeError | TypeError) and "items" in str(exc):
        return [FieldError(path, "expected an object (a mapping)")]
    return [FieldError(path, f"invalid value ({type(exc).__name__}: {one_line(str(exc))})")]


# --------------------------------------------------------------------------
# The library's converter and the public functions

_lock = threading.Lock()
_converter: cattrs.Converter | None = None


def get_converter() -> cattrs.Converter:
    """aipark's converter, configured on first use and shared by every caller."""
    global _converter
    if _converter is None:
        with _lock:
            if _converter is None:
                _converter = make_converter()
    return _converter


def to_dict(obj: Any) -> Any:
    """Turn a model (or a quantity, date, tuple of models) into JSON-native data."""
    return get_converter().unstructure(obj)


def from_dict(data: object, cls: type[T]) -> T:
    """Build ``cls`` from data made by :func:`to_dict` (or parsed JSON).

    The exact inverse of :func:`to_dict`.  Raises
    :class:`~aipark.ValidationError` naming every failing field path, and
    nothing else, whatever the input.
    """
    try:
        return get_converter().structure(data, cls)
    except RecursionError:
        raise ValidationError("input is nested too deeply") from None
    except Exception as exc:
        errors = _field_errors(exc, "")
    raise ValidationError(at_most(errors))
