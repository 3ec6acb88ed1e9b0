"""Tables of parks for analysts: one row per item, one unit per column.

:func:`to_arrow`, :func:`to_dataframe` and :func:`write_parquet` turn parks
into pyarrow tables, pandas frames and Parquet files; :func:`table_records`
gives the same rows as plain Python data (for CSV and JSON, which need no
extra).  The columns are generated from the models' attrs fields, so a field
added to a model is a column without a change here.

A column of quantities holds plain numbers in one unit: the default of its
dimension (area in hectares, compute power in PFLOPS), the unit all its rows
share, or the one the caller asks for.  The unit is kept where each library
keeps such things: the Arrow field's metadata (``unit``), the pandas frame's
``attrs["units"]``, and the column's name only on request.  A column whose
rows cannot share a unit (a target's value: yuan in one row, a count in the
next; or yuan and dollars) holds each value as stated, with a
``<field>_unit`` column beside it.  Money is converted between currencies only
when the caller gives a rate or a date.
"""

from __future__ import annotations

import datetime
import enum
import functools
import operator
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from .errors import MissingDependencyError, ValidationError, not_a_park
from .models import Park, Term

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from .fx import ExchangeRate

__all__ = ["DEFAULT_UNITS", "Table", "build_table", "to_arrow", "to_dataframe", "write_parquet"]

#: The unit of a quantity column when the caller names none, by dimension.
DEFAULT_UNITS: Final[Mapping[str, str]] = {
    "[area]": "hectare",
    "[floating_point_operation] / [time]": "petaFLOPS",
    "[power]": "megawatt",
    "[energy]": "megawatt_hour",
}

#: A column's kind: how Arrow and pandas store it.
Kind = Literal["text", "int", "float", "bool", "date", "list"]

_NOT_NAME: Final = re.compile(r"\W+")
_ARROW_TYPES: Final = {
    "text": "string",
    "int": "int64",
    "float": "float64",
    "bool": "bool_",
    "date": "date32",
}


@attrs.frozen
class Table:
    """Columns of plain Python values, with each column's kind and unit."""

    names: tuple[str, ...]
    kinds: tuple[Kind, ...]
    columns: tuple[list[Any], ...]
    #: Unit of each quantity column that has one, by column name.
    units: Mapping[str, str]
    #: The column that holds the unit of each row, for columns of mixed units.
    unit_columns: Mapping[str, str]

    def records(self) -> list[dict[str, Any]]:
        """One dict per row."""
        return [dict(zip(self.names, row, strict=True)) for row in zip(*self.columns, strict=True)]


# --------------------------------------------------------------------------
# What a table of each kind holds, read from the models


def tables() -> dict[str, type]:
    """``of`` values and the model of their rows: ``"parks"`` and each list of models a park has."""
    return _tables()


@functools.cache
def _tables() -> dict[str, type]:
    found: dict[str, type] = {"parks": Park}
    for field in attrs.fields(_resolved(Park)):
        item = _item_type(field.type)
        if item is not None and attrs.has(item) and field.name != "citations":
            found[field.name] = item
    return found


def _resolved(cls: type) -> Any:
    from .units import Quantity

    return attrs.resolve_types(cls, localns={"Quantity": Quantity})


def _item_type(t: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else None."""
    args: tuple[Any, ...] = getattr(t, "__args__", ())
    if getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _optional(t: Any) -> Any:
    """``X`` for ``X | None``; ``t`` itself otherwise."""
    args = getattr(t, "__args__", ())
    if type(None) in args and len(args) == 2:
        return next(a for a in args if a is not type(None))
    return t


@attrs.frozen
class _Column:
    name: str
    kind: Kind | Literal["quantity", "enum"]
    get: Callable[[Any], Any]


@functools.cache
def _columns(cls: type) -> tuple[_Column, ...]:
    """A model's columns: its fields, nested models flattened, lists of models left out."""
    from .units import Quantity

    out: list[_Column] = []
    for field in attrs.fields(_resolved(cls)):
        t = _optional(field.type)
        getter: Callable[[Any], Any] = operator.attrgetter(field.name)
        item = _item_type(t)
        if item is Term:  # goals, sectors: the English names, then the Chinese ones
            out.append(_Column(field.name, "list", _term_names(getter, "name")))
            local = f"{field.name}_local_name"
            out.append(_Column(local, "list", _term_names(getter, "local_name")))
            continue
        if field.name == "citations" or (item is not None and item is not str):
            continue
        if attrs.has(t):  # a nested model: its columns, prefixed with the field's name
            for inner in _columns(t):
                out.append(
                    _Column(f"{field.name}_{inner.name}", inner.kind, _nested(getter, inner.get))
                )
            continue
        kind: Any
        if t is Quantity:
            kind = "quantity"
        elif isinstance(t, type) and issubclass(t, enum.Enum):
            kind = "enum"
        elif _item_type(t) is str:
            kind = "list"
        elif t is bool:
            kind = "bool"
        elif t is int:
            kind = "int"
        elif t is float:
            kind = "float"
        elif t is datetime.date:
            kind = "date"
        else:  # text, and any other type as its text
            kind = "text"
            if t is not str:
                getter = _as_text(getter)
        out.append(_Column(field.name, kind, getter))
    return tuple(out)


def _as_text(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        value = inner(obj)
        return value if value is None or isinstance(value, str) else str(value)

    return get


def _term_names(get_terms: Callable[[Any], Any], attribute: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> list[str | None]:
        return [getattr(term, attribute) for term in get_terms(obj)]

    return get


def _nested(outer: Callable[[Any], Any], inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        value = outer(obj)
        return None if value is None else inner(value)

    return get


# --------------------------------------------------------------------------
# Building a table


def build_table(
    parks: Park | Iterable[Park],
    *,
    of: str = "parks",
    units: Mapping[str, str] | None = None,
    rate: Any = None,
    on: datetime.date | None = None,
    unit_in_name: bool = False,
) -> Table:
    """The rows of ``of`` across ``parks`` as plain Python columns (see :func:`to_arrow`)."""
    found = tables()
    if of not in found:
        raise ValidationError(f"unknown table {of!r}; known: {', '.join(found)}", path="of")
    park_list = _park_list(parks)
    if of == "parks":
        owners, items = [p.name for p in park_list], park_list
    else:
        owners, items = [], []
        for park in park_list:
            rows = getattr(park, of)
            owners += [park.name] * len(rows)
            items += rows
    units = dict(units or {})
    columns = _columns(found[of])
    unknown = sorted(set(units) - {c.name for c in columns if c.kind == "quantity"})
    if unknown:
        choices = [c.name for c in columns if c.kind == "quantity"]
        raise ValidationError(
            f"{unknown[0]!r} is not a quantity column of {of}; they are: {', '.join(choices)}",
            path="units",
        )
    names: list[str] = ["park"]
    kinds: list[Kind] = ["text"]
    data: list[list[Any]] = [owners]
    unit_of: dict[str, str] = {}
    unit_columns: dict[str, str] = {}
    for column in columns:
        values = list(map(column.get, items))
        if column.kind == "quantity":
            numbers, unit, stated = _quantity_column(
                values, units.get(column.name), rate, on, of, column.name
            )
            name = column.name
            if unit is not None and unit_in_name:
                name = f"{name}_{_NOT_NAME.sub('_', unit).strip('_')}"
            names.append(name)
            kinds.append("float")
            data.append(numbers)
            if unit is not None:
                unit_of[name] = unit
            else:
                names.append(f"{column.name}_unit")
                kinds.append("text")
                data.append(stated)
                unit_columns[name] = f"{column.name}_unit"
        elif column.kind == "enum":
            names.append(column.name)
            kinds.append("text")
            data.append([None if v is None else v.value for v in values])
        elif column.kind == "list":
            names.append(column.name)
            kinds.append("list")
            data.append([list(v) for v in values])
        else:
            names.append(column.name)
            kinds.append(column.kind)
            data.append(values)
    return Table(tuple(names), tuple(kinds), tuple(data), unit_of, unit_columns)


def _park_list(parks: Park | Iterable[Park]) -> list[Park]:
    if isinstance(parks, Park):
        return [parks]
    if isinstance(parks, str | bytes | Mapping):
        raise ValidationError(not_a_park(parks, "a Park or parks"))
    try:
        found = list(parks)
    except TypeError:
        raise ValidationError(not_a_park(parks, "a Park or parks")) from None
    for i, park in enumerate(found):
        if not isinstance(park, Park):
            raise ValidationError(not_a_park(park), path=f"[{i}]")
    return found


def _quantity_column(
    values: Sequence[Any],
    requested: str | None,
    rate: Any,
    on: datetime.date | None,
    of: str,
    field: str,
) -> tuple[list[float | None], str | None, list[str | None]]:
    """Numbers in one unit and that unit's name; or, if the rows cannot share one,
    the numbers as stated, None, and each row's unit."""
    from .units import parse_unit, unit_name

    present = [q for q in values if q is not None]
    target: Any = _shared_unit(present) if requested is None else parse_unit(requested)._units
    if target is None:
        stated = [None if q is None else unit_name(q._units) for q in values]
        return [None if q is None else float(q._magnitude) for q in values], None, stated
    convert_row = _row_converter(target, rate, on)
    numbers: list[float | None] = []
    for i, q in enumerate(values):
        if q is None:
            numbers.append(None)
            continue
        try:
            numbers.append(convert_row(q))
        except ValidationError as exc:
            raise exc.at(f"{of}[{i}].{field}") from None
    return numbers, unit_name(target), []


def _shared_unit(present: Sequence[Any]) -> Any:
    """The unit a column's quantities can all be written in, or None."""
    from .units import get_registry, parse_unit

    if not present:
        return None
    distinct = {q._units for q in present}
    registry = get_registry()
    dims = {registry._get_dimensionality(u) for u in distinct}
    if len(dims) != 1:
        return None  # different dimensions, or different currencies
    first = present[0]
    for dimension, unit in DEFAULT_UNITS.items():
        if first.check(dimension):
            return parse_unit(unit)._units
    return first._units if len(distinct) == 1 else _most_common(present)


def _most_common(present: Sequence[Any]) -> Any:
    counts: dict[Any, int] = {}
    for q in present:
        counts[q._units] = counts.get(q._units, 0) + 1
    return max(counts, key=lambda u: counts[u])  # the first of the most common ones


def _row_converter(target: Any, rate: Any, on: datetime.date | None) -> Callable[[Any], float]:
    """Convert one quantity to ``target``: by a cached factor per unit where there is one."""
    from .units import conversion_factor, get_registry

    factors: dict[Any, float | None] = {}
    unit = get_registry().Unit(target)

    def convert_row(q: Any) -> float:
        units = q._units
        try:
            factor = factors[units]
        except KeyError:
            try:
                factor = factors[units] = conversion_factor(units, target)
            except ValidationError:
                factor = factors[units] = None
        if factor is not None:
            return float(q._magnitude) * factor
        from .conversion import convert  # offset units, or money with a rate or date

        return float(convert(q, unit, rate=rate, on=on).magnitude)

    return convert_row


# --------------------------------------------------------------------------
# Arrow, pandas, Parquet


def _require(module: str, extra: str, feature: str) -> Any:
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"{feature} needs the {module} package: pip install 'aipark[{extra}]'"
        ) from None


def to_arrow(
    parks: Park | Iterable[Park],
    *,
    of: str = "parks",
    units: Mapping[str, str] | None = None,
    rate: str | ExchangeRate | Any = None,
    on: datetime.date | None = None,
    unit_in_name: bool = False,
) -> pyarrow.Table:
    """A pyarrow table of ``of`` (``"parks"``, ``"zones"``, ``"computing_centers"``, ...).

    One row per item, with a ``park`` column naming its park; enums as their
    text values, dates as dates.  Quantity columns hold numbers in one unit,
    recorded in the field's metadata (``field.metadata[b"unit"]``): the
    default of the dimension (:data:`DEFAULT_UNITS`), the unit every row
    shares, or ``units={"area": "mu"}``.  Rows that cannot share a unit are
    written as stated beside a ``<field>_unit`` column (its name is in the
    field's ``unit_column`` metadata).  Money changes currency only with
    ``rate`` or ``on``.  ``unit_in_name=True`` also puts the unit in the
    column's name (``area_hectare``).

    Needs pyarrow (``pip install 'aipark[arrow]'``), else raises
    :class:`~aipark.MissingDependencyError`.
    """
    pa = _require("pyarrow", "arrow", "aipark.to_arrow")
    table = build_table(parks, of=of, units=units, rate=rate, on=on, unit_in_name=unit_in_name)
    fields = []
    arrays = []
    for name, kind, column in zip(table.names, table.kinds, table.columns, strict=True):
        arrow_type = pa.list_(pa.string()) if kind == "list" else getattr(pa, _ARROW_TYPES[kind])()
        metadata: dict[str, str] = {}
        if name in table.units:
            metadata["unit"] = table.units[name]
        if name in table.unit_columns:
            metadata["unit_column"] = table.unit_columns[name]
        fields.append(pa.field(name, arrow_type, metadata=metadata or None))
        arrays.append(pa.array(column, type=arrow_type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def to_dataframe(
    parks: Park | Iterable[Park],
    *,
    of: str = "parks",
    units: Mapping[str, str] | None = None,
    rate: str | ExchangeRate | Any = None,
    on: datetime.date | None = None,
    unit_in_name: bool = False,
) -> pandas.DataFrame:
    """A pandas frame of ``of``, with the columns of :func:`to_arrow`.

    The units are in ``frame.attrs["units"]`` (column name to unit).  Dates
    are pandas dates (``datetime64``), counts nullable integers (``Int64``).
    Needs pandas (``pip install 'aipark[pandas]'``), else raises
    :class:`~aipark.MissingDependencyError`.
    """
    pd = _require("pandas", "pandas", "aipark.to_dataframe")
    table = build_table(parks, of=of, units=units, rate=rate, on=on, unit_in_name=unit_in_name)
    frame = pd.DataFrame(
        {
            name: _pandas_column(pd, kind, column)
            for name, kind, column in zip(table.names, table.kinds, table.columns, strict=True)
        }
    )
    frame.attrs["units"] = dict(table.units)
    return frame


def _pandas_column(pd: Any, kind: Kind, column: list[Any]) -> Any:
    if kind == "float":
        return pd.array([float("nan") if v is None else v for v in column], dtype="float64")
    if kind == "int":
        return pd.array(column, dtype="Int64")
    if kind == "bool":
        return pd.array(column, dtype="boolean")
    if kind == "date":
        return pd.to_datetime(pd.Series(column, dtype="object"))
    return pd.Series(column, dtype="object")


def write_parquet(
    parks: Park | Iterable[Park],
    path: str | os.PathLike[str],
    *,
    of: str = "parks",
    units: Mapping[str, str] | None = None,
    rate: str | ExchangeRate | Any = None,
    on: datetime.date | None = None,
    unit_in_name: bool = False,
) -> None:
    """Write the table of :func:`to_arrow` to a Parquet file, atomically.

    The units stay in the file's Arrow schema, and DuckDB, Polars or Spark
    read it as it is.  Needs pyarrow (``pip install 'aipark[arrow]'``).
    """
    from .io import _write_atomically

    pa = _require("pyarrow", "arrow", "aipark.write_parquet")
    pq = _require("pyarrow.parquet", "arrow", "aipark.write_parquet")
    table = to_arrow(parks, of=of, units=units, rate=rate, on=on, unit_in_name=unit_in_name)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    _write_atomically(path, sink.getvalue().to_pybytes())
