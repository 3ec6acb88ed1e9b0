"""The domain: parks, zones, computing centers, platforms, targets, observations and sources.

Frozen, slotted attrs classes that know nothing of dicts, JSON, locales or
files (that is :mod:`aipark.serialization` and :mod:`aipark.formatting`).
Validators run on creation, so an instance is always valid; quantity fields
accept any pint quantity or text such as ``"2918 mu"`` and store a quantity
of aipark's registry.

Provenance lives beside the data: every model has ``citations``, each naming
a field and the :class:`Source` it came from, plus the figure as the source
printed it when that differs (the article's "194.6 hectares").
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar

import attrs

from ._validators import (
    _ANY_AMOUNT,
    _AREA,
    _COMPUTE,
    _COUNT,
    _DATE,
    _FLAG,
    _MONEY,
    _OPTIONAL_TEXT,
    _POWER,
    _PUE,
    _TEXT,
    _YEAR,
    _Items,
    _plain_date,
    _plain_text,
    _positive,
    _quantity_at,
    _stated,
    _Typed,
    _units,
)
from .errors import FieldError, ProvenanceError, ValidationError, shown

if TYPE_CHECKING:
    from .units import Quantity, QuantityInput

__all__ = [
    "Bound",
    "Citation",
    "ComputingCenter",
    "InnovationPlatform",
    "Location",
    "Milestone",
    "Observation",
    "Park",
    "Precision",
    "ProvenanceError",
    "Source",
    "Target",
    "Term",
    "Zone",
    "ZoneKind",
    "citations_of",
    "source_of",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

#: The text values the enum fields accept besides the members (kept equal to
#: the enums by a test, so type checkers see each allowed spelling).
ZoneKindValue: TypeAlias = Literal["core", "wing", "functional"]
BoundValue: TypeAlias = Literal["exactly", "about", "more_than", "at_least", "less_than", "at_most"]
PrecisionValue: TypeAlias = Literal["FP64", "FP32", "TF32", "FP16", "BF16", "FP8", "INT8", "INT4"]


class ZoneKind(enum.Enum):
    """What part a zone plays in a park's layout."""

    CORE = "core"
    WING = "wing"
    FUNCTIONAL = "functional"


class Bound(enum.Enum):
    """How a target relates to its value: "exceed" is not "about"."""

    EXACTLY = "exactly"
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"


class Precision(enum.Enum):
    """Numeric precision a compute-power figure is measured in.

    FLOPS at FP16 and at FP64 differ by an order of magnitude or more, so
    figures of different precisions must not be added or compared.
    """

    FP64 = "FP64"
    FP32 = "FP32"
    TF32 = "TF32"
    FP16 = "FP16"
    BF16 = "BF16"
    FP8 = "FP8"
    INT8 = "INT8"
    INT4 = "INT4"


# One typed converter per field (or item type), so type checkers see each
# field's input type and errors name the field.
def _area(value: QuantityInput | None) -> Quantity | None:
    return _quantity_at(value, "area", "2918 mu")


def _investment(value: QuantityInput | None) -> Quantity | None:
    return _quantity_at(value, "investment", "390000000 CNY")


def _power_capacity(value: QuantityInput | None) -> Quantity | None:
    return _quantity_at(value, "power_capacity", "10 MW")


def _reported(value: QuantityInput | None) -> Quantity | None:
    return _quantity_at(value, "reported", "194.6 hectare")


def _target_value(value: QuantityInput, self_: Any) -> Quantity:
    """A target's value; text such as ``"超过600亿元"`` also gives the target its bound.

    The bound goes straight into the ``bound`` slot, where :func:`_target_bound`
    (run next, in field order) checks it against an explicit ``bound=``.
    """
    if isinstance(value, str):
        figure = _figure_at(value, "value")
        if figure.precision is not None:
            raise ValidationError(
                f"{value!r} names a precision, which a target does not keep; "
                "write the figure alone, such as '600亿元'",
                path="value",
            )
        if figure.bound is not None:
            object.__setattr__(self_, "bound", Bound(figure.bound))
        q: Quantity = figure.quantity
        return q
    found = _quantity_at(value, "value", "600亿元")
    if found is None:
        raise ValidationError("a quantity is required, such as '600亿元'", path="value")
    return found


def _target_bound(value: Bound | BoundValue | None, self_: Any) -> Bound:
    """An explicit bound, else the one the value's words give, else ``EXACTLY``."""
    worded: Bound | None = getattr(self_, "bound", None)
    if value is None:
        return worded or Bound.EXACTLY
    explicit = _bound(value)
    if worded is not None and worded is not explicit:
        raise ValidationError(
            f"bound {explicit.value!r} contradicts the value's words, which say "
            f"{worded.value!r}; give one of them",
            path="bound",
        )
    return explicit


def _compute_power(value: QuantityInput | None, self_: Any) -> Quantity | None:
    """Compute power; text reads ``"100P"`` as 100 PFLOPS and gives a precision it names."""
    if not isinstance(value, str):
        return _quantity_at(value, "compute_power", "150 PFLOPS")
    figure = _figure_at(value, "compute_power", compute=True)
    if figure.bound is not None:
        raise ValidationError(
            f"{value!r} is not an exact figure ({figure.bound.replace('_', ' ')}), and a "
            "computing center keeps no bound: give the figure as stated, such as '150 PFLOPS'",
            path="compute_power",
        )
    if figure.precision is not None:
        object.__setattr__(self_, "precision", Precision(figure.precision))
    q: Quantity = figure.quantity
    return q


def _center_precision(value: Precision | PrecisionValue | None, self_: Any) -> Precision | None:
    """An explicit precision, else the one written beside the compute power."""
    worded: Precision | None = getattr(self_, "precision", None)
    explicit = _precision(value)
    if explicit is None:
        return worded
    if worded is not None and worded is not explicit:
        raise ValidationError(
            f"precision {explicit.value!r} contradicts the compute power's text, which says "
            f"{worded.value!r}",
            path="precision",
        )
    return explicit


# The four converters above also see the instance (``attrs.Converter(takes_self=True)``),
# which type checkers cannot follow; they read a field's ``__init__`` type from a plain
# converter's first parameter, so they are shown one with the same input type.
if TYPE_CHECKING:

    def _compute_power_in(value: QuantityInput | None) -> Quantity | None: ...
    def _center_precision_in(value: Precision | PrecisionValue | None) -> Precision | None: ...
    def _target_value_in(value: QuantityInput) -> Quantity: ...
    def _target_bound_in(value: Bound | BoundValue | None) -> Bound: ...

else:
    _compute_power_in = attrs.Converter(_compute_power, takes_self=True)
    _center_precision_in = attrs.Converter(_center_precision, takes_self=True)
    _target_value_in = attrs.Converter(_target_value, takes_self=True)
    _target_bound_in = attrs.Converter(_target_bound, takes_self=True)


def _figure_at(text: str, field: str, *, compute: bool = False) -> Any:
    """:func:`aipark.units.read_figure` of ``text``, its errors placed at ``field``."""
    units = _units()
    try:
        return units.read_figure(text, dimension=units.FLOPS_DIMENSION if compute else None)
    except ValidationError as exc:
        raise exc.at(field) from None


def _to_enum(cls: type[E], value: E | str, field: str) -> E:
    """A member of ``cls`` from itself or its text value; else the allowed values."""
    if isinstance(value, cls):
        return value
    if type(value) is str:
        try:
            return cls(value)
        except ValueError:
            pass
    choices = [m.value for m in cls]
    raise ValidationError(f"expected one of {choices}, got {shown(value)}", path=field)


def _zone_kind(value: ZoneKind | ZoneKindValue) -> ZoneKind:
    return _to_enum(ZoneKind, value, "kind")


def _bound(value: Bound | BoundValue) -> Bound:
    return _to_enum(Bound, value, "bound")


def _precision(value: Precision | PrecisionValue | None) -> Precision | None:
    return None if value is None else _to_enum(Precision, value, "precision")


def _to_tuple(value: Iterable[T], field: str) -> tuple[T, ...]:
    if isinstance(value, str | bytes | dict):
        raise ValidationError(f"expected a list or tuple, got {shown(value)}", path=field)
    try:
        return tuple(value)
    except TypeError:
        raise ValidationError(f"expected a list or tuple, got {shown(value)}", path=field) from None


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return _to_tuple(value, "citations")


def _zones(value: Iterable[Zone]) -> tuple[Zone, ...]:
    return _to_tuple(value, "zones")


def _computing_centers(value: Iterable[ComputingCenter]) -> tuple[ComputingCenter, ...]:
    return _to_tuple(value, "computing_centers")


def _innovation_platforms(value: Iterable[InnovationPlatform]) -> tuple[InnovationPlatform, ...]:
    return _to_tuple(value, "platforms")


def _targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return _to_tuple(value, "targets")


def _observations(value: Iterable[Observation]) -> tuple[Observation, ...]:
    return _to_tuple(value, "observations")


def _milestones(value: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return _to_tuple(value, "milestones")


def _terms(value: Iterable[Term | str], field: str) -> tuple[Term, ...]:
    """Terms, each from itself or from its English name: ``"smart homes"``."""
    items = _to_tuple(value, field)
    errors = [
        FieldError(f"{field}[{i}]", problem)
        for i, item in enumerate(items)
        if isinstance(item, str) and (problem := _plain_text(item)) is not None
    ]
    if errors:
        raise ValidationError(errors)
    return tuple(Term(item) if isinstance(item, str) else item for item in items)


def _goals(value: Iterable[Term | str]) -> tuple[Term, ...]:
    return _terms(value, "goals")


def _sectors(value: Iterable[Term | str]) -> tuple[Term, ...]:
    return _terms(value, "sectors")


def _application_domains(value: Iterable[Term | str]) -> tuple[Term, ...]:
    return _terms(value, "application_domains")


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return _to_tuple(value, "sources")


# --------------------------------------------------------------------------
# REPL display
#
# :class:`_Model` binds these two in every model's own class.  The display
# module is imported on display only, so models stay free of babel, and
# ``repr()`` stays the attrs one.


def _repr_pretty_(self: Any, p: Any, cycle: bool) -> None:
    """IPython's display: a one-screen summary (see :func:`aipark.display.repr_pretty`)."""
    from .display import repr_pretty

    repr_pretty(self, p, cycle)


def _repr_html_(self: Any) -> str:
    """Jupyter's display: the summary as a small table."""
    from .display import repr_html

    return repr_html(self)


_DISPLAY_HOOKS: dict[str, Any] = {"_repr_pretty_": _repr_pretty_, "_repr_html_": _repr_html_}


class _Model:
    """Base of every model: binds the REPL display hooks in each model's own class.

    IPython prefers a class's own ``__repr__`` (attrs writes one) to an inherited
    ``_repr_pretty_``, so the hooks go into every subclass's namespace, where attrs
    copies them into the slotted class it builds.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, hook in _DISPLAY_HOOKS.items():
            setattr(cls, name, hook)


class _Cited(_Model):
    """Mixin for models with ``citations``: each must name a field of the model."""

    __slots__ = ()
    citations: tuple[Citation, ...]

    def __attrs_post_init__(self) -> None:
        if not self.citations:
            return
        names = attrs.fields_dict(type(self))  # type: ignore[arg-type]
        errors = [
            FieldError(
                f"citations[{i}].field", f"{c.field!r} is not a field of {type(self).__name__}"
            )
            for i, c in enumerate(self.citations)
            if c.field not in names
        ]
        if errors:
            raise ValidationError(errors)


# --------------------------------------------------------------------------
# Field factories for the fields most models share.  Each returns a field
# with a default, which type checkers read as a default of the annotated type:
# fields with a converter stay plain ``attrs.field`` calls, so checkers see
# the converter's input type.


def _optional_text() -> str | None:
    """Optional plain text (a name in Chinese, a note, a description): None or non-blank."""
    field: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    return field


def _verified() -> bool:
    """``local_name_verified``: False when no source confirms the Chinese name."""
    field: bool = attrs.field(default=True, validator=_FLAG)
    return field


# --------------------------------------------------------------------------
# Provenance


@attrs.frozen(kw_only=True)
class Source(_Model):
    """A publication that a figure or name comes from."""

    title: str = attrs.field(validator=_TEXT, kw_only=False)
    publisher: str = attrs.field(validator=_TEXT, kw_only=False)
    published: datetime.date = attrs.field(
        validator=_Typed((datetime.date,), _plain_date), kw_only=False
    )
    url: str | None = _optional_text()
    #: Short stable key, e.g. ``"CD-2023-02-27"``.
    id: str | None = _optional_text()
    #: BCP 47 language tag of the publication, e.g. ``"en"`` or ``"zh"``.
    language: str | None = _optional_text()


@attrs.frozen(kw_only=True)
class Citation(_Model):
    """Where the value of one field of a model comes from, or a source that disagrees.

    ``reported`` keeps the figure as the source printed it when it is another
    reading of the same fact (the article's "194.6 hectares" for 2,918 mu), so
    it can be compared with the exact conversion and never silently replaced;
    ``reported_text`` keeps a reading that is not a figure (a builder's name).

    ``conflicts=True`` says the source disagrees with the field's value: the
    value stays as the other citations give it, and this citation keeps the
    source's own reading (``reported`` or ``reported_text``) and a ``note``
    saying how they differ.  Such a citation needs both.
    """

    field: str = attrs.field(validator=_TEXT, kw_only=False)
    source: Source = attrs.field(validator=_Typed((Source,)), kw_only=False)
    reported: Quantity | None = attrs.field(
        default=None, converter=_reported, validator=_ANY_AMOUNT, eq=_stated
    )
    note: str | None = _optional_text()
    #: The source's reading when it is text, not a figure (``"Inspur"``).
    reported_text: str | None = _optional_text()
    #: True when the source disagrees with the field's value.
    conflicts: bool = attrs.field(default=False, validator=_FLAG)

    def __attrs_post_init__(self) -> None:
        if not self.conflicts:
            return
        errors = []
        if self.reported is None and self.reported_text is None:
            errors.append(
                FieldError(
                    "reported",
                    "a conflicting citation needs the source's own reading "
                    "('reported' or 'reported_text')",
                )
            )
        if self.note is None:
            errors.append(FieldError("note", "a conflicting citation needs a note saying how"))
        if errors:
            raise ValidationError(errors)


def citations_of(obj: Any, field: str) -> tuple[Citation, ...]:
    """Every citation an aipark model records for ``field``, in order."""
    if not attrs.has(type(obj)) or not hasattr(obj, "citations"):
        raise ProvenanceError(f"{type(obj).__name__} does not record sources")
    if field not in attrs.fields_dict(type(obj)):
        raise ProvenanceError(f"{field!r} is not a field of {type(obj).__name__}")
    return tuple(c for c in obj.citations if c.field == field)


def source_of(obj: Any, field: str) -> Source:
    """The source a field's value came from (the first one cited that agrees with it).

    Citations with ``conflicts=True`` are skipped: they name sources that
    disagree with the value.

    >>> import aipark
    >>> aipark.source_of(aipark.QINGDAO, "area").publisher
    'China Daily'
    """
    found = [c for c in citations_of(obj, field) if not c.conflicts]
    if not found:
        raise ProvenanceError(f"no source is recorded for {type(obj).__name__}.{field}")
    return found[0].source


# --------------------------------------------------------------------------
# The park and its parts


@attrs.frozen(kw_only=True)
class Location(_Cited):
    """Where a park is: administrative names in English and Simplified Chinese."""

    country: str | None = _optional_text()
    province: str | None = _optional_text()
    city: str | None = _optional_text()
    district: str | None = _optional_text()
    local_province: str | None = _optional_text()
    local_city: str | None = _optional_text()
    local_district: str | None = _optional_text()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )


@attrs.frozen(kw_only=True)
class Term(_Cited):
    """A short name in English and, when a source gives one, in Simplified Chinese.

    The park's goals, sectors and application domains are terms: text such
    as ``"smart homes"`` becomes ``Term("smart homes")``, and
    ``Term("smart homes", local_name="智慧家居")`` carries the Chinese name
    with its citation.  ``str(term)`` is the English name.
    """

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    #: Name in Simplified Chinese, when a source gives one.
    local_name: str | None = _optional_text()
    #: False when the Chinese name is a likely rendering no source confirms.
    local_name_verified: bool = _verified()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class Zone(_Cited):
    """A part of a park's layout: its core, a wing or a functional zone."""

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    #: A :class:`ZoneKind` or its value: ``kind="core"``.
    kind: ZoneKind = attrs.field(converter=_zone_kind, validator=_Typed((ZoneKind,)))
    #: Name in Simplified Chinese, when a source gives one.
    local_name: str | None = _optional_text()
    #: False when the Chinese name is a likely rendering no source confirms.
    local_name_verified: bool = _verified()
    description: str | None = _optional_text()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )


@attrs.frozen(kw_only=True)
class ComputingCenter(_Cited):
    """A computing center with its compute power, as far as sources state it."""

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    local_name: str | None = _optional_text()
    local_name_verified: bool = _verified()
    #: Operations per second, e.g. ``150 PFLOPS``; None when no source gives it.
    #: Text may use the compute shorthand ``"100P"`` and name a precision (``"300P FP16"``).
    compute_power: Quantity | None = attrs.field(
        default=None,
        converter=_compute_power_in,
        validator=_COMPUTE,
        eq=_stated,
    )
    #: The "equivalent to N personal computers" comparison: a count, not FLOPS.
    pc_equivalents: int | None = attrs.field(default=None, validator=_COUNT)
    #: Construction phase the figures describe (1 for "first phase").
    phase: int | None = attrs.field(default=None, validator=_Typed((int, type(None)), _positive))
    #: Precision of ``compute_power`` (a :class:`Precision` or its value, ``"FP16"``);
    #: None means the source does not say.
    precision: Precision | None = attrs.field(
        default=None,
        converter=_center_precision_in,
        validator=_Typed((Precision, type(None))),
    )
    builder: str | None = _optional_text()
    local_builder: str | None = _optional_text()
    hardware: str | None = _optional_text()
    #: The investment as the source states it, in its currency (``390000000 CNY``).
    investment: Quantity | None = attrs.field(
        default=None, converter=_investment, validator=_MONEY, eq=_stated
    )
    #: Power capacity, e.g. ``10 MW``; None when no source gives it.
    power_capacity: Quantity | None = attrs.field(
        default=None, converter=_power_capacity, validator=_POWER, eq=_stated
    )
    #: Power usage effectiveness (total power over IT power, 1 or more); None when unstated.
    pue: float | None = attrs.field(default=None, validator=_PUE)
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )


@attrs.frozen(kw_only=True)
class InnovationPlatform(_Cited):
    """An innovation platform (institute, innovation center) in a park."""

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    local_name: str | None = _optional_text()
    local_name_verified: bool = _verified()
    incubated_enterprises: int | None = attrs.field(default=None, validator=_COUNT)
    description: str | None = _optional_text()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )


@attrs.frozen(kw_only=True)
class Target(_Cited):
    """A planned figure: what, how much, by when, and how the value bounds it."""

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    #: Text such as ``"超过600亿元"`` gives the target its bound as well.
    value: Quantity = attrs.field(
        converter=_target_value_in,
        validator=_ANY_AMOUNT,
        eq=_stated,
    )
    year: int | None = attrs.field(default=None, validator=_YEAR)
    #: A :class:`Bound` or its value: ``bound="more_than"``.  Without one, the bound the
    #: value's words give (超过, "about", ...), else ``Bound.EXACTLY``; an explicit bound
    #: that contradicts the words is an error.
    bound: Bound = attrs.field(
        default=None,
        converter=_target_bound_in,
        validator=_Typed((Bound,)),
    )
    #: What the figure measures, e.g. "industrial operating revenue".
    metric: str | None = _optional_text()
    #: What part of the park the target is for, e.g. its core zone.
    scope: str | None = _optional_text()
    local_name: str | None = _optional_text()
    local_name_verified: bool = _verified()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )


@attrs.frozen(kw_only=True)
class Observation(_Cited):
    """A measured figure as of a date or a year: what a park has, where a target is a plan.

    ``year`` is the year the figure is for (2023's operating income), ``as_of``
    the day it was measured or reported (a count of enterprises); at least one
    is required, and they must agree.
    """

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    #: Text such as ``"超过200"`` gives the observation its bound as well.
    value: Quantity = attrs.field(
        converter=_target_value_in,
        validator=_ANY_AMOUNT,
        eq=_stated,
    )
    #: A :class:`Bound` or its value: ``bound="more_than"`` for "more than 200"; without
    #: one, the bound the value's words give, else ``Bound.EXACTLY``.
    bound: Bound = attrs.field(
        default=None,
        converter=_target_bound_in,
        validator=_Typed((Bound,)),
    )
    as_of: datetime.date | None = attrs.field(default=None, validator=_DATE)
    year: int | None = attrs.field(default=None, validator=_YEAR)
    #: What the figure measures, e.g. "operating income".
    metric: str | None = _optional_text()
    #: What part of the park the figure is for; None for the whole park.
    scope: str | None = _optional_text()
    local_name: str | None = _optional_text()
    local_name_verified: bool = _verified()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.as_of is None and self.year is None:
            raise ValidationError(
                "an observation needs the date or the year it is for (as_of or year)",
                path="as_of",
            )
        if self.as_of is not None and self.year is not None and self.as_of.year < self.year:
            raise ValidationError(
                f"a figure for {self.year} cannot be as of {self.as_of.isoformat()}", path="year"
            )


@attrs.frozen(kw_only=True)
class Milestone(_Cited):
    """A dated event in a park's history: a designation, a launch, an opening."""

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    local_name: str | None = _optional_text()
    local_name_verified: bool = _verified()
    date: datetime.date | None = attrs.field(default=None, validator=_DATE)
    #: The year, for events whose exact date no source gives.
    year: int | None = attrs.field(default=None, validator=_YEAR)
    description: str | None = _optional_text()
    authority: str | None = _optional_text()
    local_authority: str | None = _optional_text()
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.date is not None and self.year is not None and self.date.year != self.year:
            raise ValidationError(
                f"year {self.year} contradicts date {self.date.isoformat()}", path="year"
            )


@attrs.frozen(kw_only=True)
class Park(_Cited):
    """An AI industrial park: its place, area, layout, facilities, targets and observations."""

    name: str = attrs.field(validator=_TEXT, kw_only=False)
    local_name: str | None = _optional_text()
    local_name_verified: bool = _verified()
    location: Location | None = attrs.field(
        default=None,
        validator=_Typed((Location, type(None))),
    )
    #: Total area as stated by the source (2,918 mu stays 2,918 mu).
    area: Quantity | None = attrs.field(default=None, converter=_area, validator=_AREA, eq=_stated)
    launched: datetime.date | None = attrs.field(default=None, validator=_DATE)
    #: The layout in a phrase, e.g. "one valley and two wings".
    layout: str | None = _optional_text()
    zones: tuple[Zone, ...] = attrs.field(default=(), converter=_zones, validator=_Items(Zone))
    computing_centers: tuple[ComputingCenter, ...] = attrs.field(
        default=(), converter=_computing_centers, validator=_Items(ComputingCenter)
    )
    platforms: tuple[InnovationPlatform, ...] = attrs.field(
        default=(),
        converter=_innovation_platforms,
        validator=_Items(InnovationPlatform),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=_targets, validator=_Items(Target)
    )
    #: Measured figures with their dates, beside the targets (plans).
    observations: tuple[Observation, ...] = attrs.field(
        default=(), converter=_observations, validator=_Items(Observation)
    )
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(), converter=_milestones, validator=_Items(Milestone)
    )
    goals: tuple[Term, ...] = attrs.field(default=(), converter=_goals, validator=_Items(Term))
    sectors: tuple[Term, ...] = attrs.field(default=(), converter=_sectors, validator=_Items(Term))
    application_domains: tuple[Term, ...] = attrs.field(
        default=(), converter=_application_domains, validator=_Items(Term)
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_sources, validator=_Items(Source)
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=_Items(Citation)
    )
