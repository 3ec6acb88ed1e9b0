"""aipark's unit registry and the one safe way to read quantities from text.

The registry is pint's defaults plus ``units.txt`` (mu, qing, currencies,
FLOP/FLOPS, 万/亿).  It is built once, lazily and under a lock, and it is
aipark's own: pint's application registry is never touched.

Quantities of this registry are values: in-place operations (``ito()``,
``+=``) return or demand a new object instead of mutating a shared one, so
nothing an importer does can alter data that aipark hands out.

Text from outside (``"2918 mu"``) is never given to pint's expression
parser, which evaluates arithmetic and hangs on ``"9**9**9 m"``.  aipark reads
the number itself and checks the unit against a strict grammar: names with
optional prefixes, ``*``, ``/`` and small integer powers.
"""

from __future__ import annotations

import contextvars
import difflib
import math
import operator
import pickle
import re
import threading
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeAlias

import pint
from pint.facets.plain.registry import GenericPlainRegistry, RegistryCache
from pint.util import UnitsContainer

from . import _spellings
from .errors import ConversionError, MissingRateError, ValidationError, shown

if TYPE_CHECKING:
    from collections.abc import Callable

    from pint.facets.plain import PlainQuantity, PlainUnit

    #: What aipark reads as a quantity: one of any pint registry, or text such as ``"2918 mu"``.
    QuantityInput: TypeAlias = PlainQuantity[Any] | str
    # pint's Quantity is built of facet classes that type checkers see with an
    # unknown magnitude type; its plain base carries the whole scalar API.
    _PintQuantity: TypeAlias = PlainQuantity[int | float]
    # pint's UnitLike, less its unknown magnitude types.
    _UnitInput: TypeAlias = str | PlainUnit | UnitsContainer | dict[str, Any]
else:
    _PintQuantity = pint.UnitRegistry.Quantity

__all__ = [
    "CURRENCY_DIMENSION",
    "FLOPS_DIMENSION",
    "FLOP_COUNT_HINT",
    "MAX_TEXT_LENGTH",
    "Figure",
    "Quantity",
    "UnitRegistry",
    "affine_conversion",
    "as_quantity",
    "check_magnitude",
    "conversion_factor",
    "conversion_ratio",
    "currencies_of",
    "dimensionality",
    "get_registry",
    "missing_rate_message",
    "parse_quantity",
    "parse_unit",
    "plain_quantity",
    "quantity",
    "read_figure",
    "unit_name",
    "use_as_application_registry",
]

#: Longest quantity or unit text aipark reads; longer input is refused unread.
MAX_TEXT_LENGTH: Final = 200
_MAX_POWER: Final = 9
# Integers up to 1023 bits still convert to a float; larger ones overflow.
_MAX_INT_BITS: Final = 1023
_MAX_FACTORS: Final = 12


#: True while pint's own arithmetic runs on a result it has just made (see
#: ``Quantity._mul_div``): pint's in-place methods work there and nowhere else.
_inside_pint: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "aipark_inside_pint", default=False
)


def _immutable(name: str) -> Callable[..., Any]:
    """An in-place method of pint's that raises, except for pint's own internal use."""

    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        if _inside_pint.get():
            return getattr(super(Quantity, self), name)(*args, **kwargs)
        raise TypeError("aipark quantities are immutable: use .to(...) to get a converted copy")

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"Refused: aipark quantities are immutable (pint's ``{name}`` changes one)."
    return method


class Quantity(_PintQuantity):
    """A pint quantity that never changes once made.

    In-place arithmetic returns a new quantity (so ``q += x`` rebinds ``q`` and
    leaves the original alone); methods that would mutate (``ito()`` and its
    kin, item assignment) raise :class:`TypeError`.  Pickles by unit name, so it
    unpickles into aipark's registry in any process where aipark is installed.
    """

    if TYPE_CHECKING:
        # pint annotates its constructor and conversions with its plain class and
        # leaves arithmetic unannotated; to type checkers, as at run time, they
        # give aipark quantities.
        def __new__(
            cls, value: QuantityInput | float, units: _UnitInput | None = ...
        ) -> Quantity: ...
        def __add__(self, other: Quantity | float) -> Quantity: ...
        def __radd__(self, other: Quantity | float) -> Quantity: ...
        def __sub__(self, other: Quantity | float) -> Quantity: ...
        def __rsub__(self, other: Quantity | float) -> Quantity: ...
        def __mul__(self, other: Quantity | PlainUnit | float) -> Quantity: ...
        def __rmul__(self, other: Quantity | PlainUnit | float) -> Quantity: ...
        def __truediv__(self, other: Quantity | PlainUnit | float) -> Quantity: ...
        def __rtruediv__(self, other: Quantity | PlainUnit | float) -> Quantity: ...
        def __floordiv__(self, other: Quantity | float) -> Quantity: ...
        def __mod__(self, other: Quantity | float) -> Quantity: ...
        def __pow__(self, other: float) -> Quantity: ...
        def __neg__(self) -> Quantity: ...
        def __pos__(self) -> Quantity: ...
        def __abs__(self) -> Quantity: ...
        def __lt__(self, other: Quantity | float) -> bool: ...
        def __le__(self, other: Quantity | float) -> bool: ...
        def __gt__(self, other: Quantity | float) -> bool: ...
        def __ge__(self, other: Quantity | float) -> bool: ...
        def m_as(self, units: _UnitInput | PlainQuantity[Any]) -> int | float: ...
        def to_root_units(self) -> Quantity: ...
        def to_base_units(self) -> Quantity: ...
        def to_reduced_units(self) -> Quantity: ...
        def to_compact(self, unit: UnitsContainer | None = None) -> Quantity: ...

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[Callable[..., Quantity], tuple[Any, ...]]:
        return (_unpickle, (self._magnitude, _pickled_units(self)))

    def __repr__(self) -> str:
        # pint rounds floats to 9 digits here; a repr should not hide digits.
        return f"<Quantity({self._magnitude!r}, '{unit_name(self._units)}')>"

    def __iadd__(self, other: Quantity | float) -> Quantity:  # type: ignore[override]
        return self + other

    def __isub__(self, other: Quantity | float) -> Quantity:
        return self - other

    def __imul__(self, other: Quantity | PlainUnit | float) -> Quantity:
        return self * other

    def __itruediv__(self, other: Quantity | PlainUnit | float) -> Quantity:
        return self / other

    def __ifloordiv__(self, other: Quantity | float) -> Quantity:
        return self // other

    def __imod__(self, other: Quantity | float) -> Quantity:
        return self % other

    def __ipow__(self, other: float) -> Quantity:
        return self**other

    def to(
        self,
        other: _UnitInput | PlainQuantity[Any] | None = None,
        *contexts: Any,
        **ctx_kwargs: Any,
    ) -> Quantity:
        """pint's ``to``; inside ``aipark.exchange_rates()`` money converts too."""
        convert_money = _money_conversion.get()
        if convert_money is not None and not contexts and not ctx_kwargs:
            converted = convert_money(self, other)
            if converted is not None:
                return converted
        return super().to(other, *contexts, **ctx_kwargs)

    def _add_sub(self, other: Any, op: Any) -> Any:
        try:
            return super()._add_sub(other, op)
        except pint.DimensionalityError as exc:
            verb = "subtracting" if op in (operator.sub, operator.isub) else "adding"
            raise _money_mixed(self, other, exc, verb) from None

    def compare(self, other: Any, op: Any) -> Any:
        try:
            return super().compare(other, op)
        except pint.DimensionalityError as exc:
            raise _money_mixed(self, other, exc, "comparing") from None

    def check(self, dimension: Any) -> bool:
        """pint's ``check``, remembered per unit and dimension text such as ``"[area]"``."""
        if type(dimension) is str:  # not a subclass, which could redefine hashing
            return _has_dimension(self._REGISTRY, self._units, dimension)
        return bool(super().check(dimension))

    def _mul_div(self, *args: Any, **kwargs: Any) -> Any:
        # With auto_reduce_dimensions or autoconvert_to_preferred, pint reduces
        # the new result in place (ito_reduced_units); that object is pint's own
        # until returned, so the in-place methods serve pint for this call.
        reg = self._REGISTRY
        if not (reg.auto_reduce_dimensions or getattr(reg, "autoconvert_to_preferred", False)):
            return super()._mul_div(*args, **kwargs)
        token = _inside_pint.set(True)
        try:
            return super()._mul_div(*args, **kwargs)
        finally:
            _inside_pint.reset(token)

    ito: Callable[..., Any] = _immutable("ito")
    ito_base_units: Callable[..., Any] = _immutable("ito_base_units")
    ito_root_units: Callable[..., Any] = _immutable("ito_root_units")
    ito_reduced_units: Callable[..., Any] = _immutable("ito_reduced_units")
    ito_preferred: Callable[..., Any] = _immutable("ito_preferred")
    ito_unprefixed: Callable[..., Any] = _immutable("ito_unprefixed")
    ito_quantity_type: Callable[..., Any] = _immutable("ito_quantity_type")
    __setitem__: Callable[..., Any] = _immutable("__setitem__")
    put: Callable[..., Any] = _immutable("put")
    fill: Callable[..., Any] = _immutable("fill")


class Unit(pint.UnitRegistry.Unit):
    """A pint unit that pickles by name through aipark, like :class:`Quantity`.

    pint rebuilds a pickled unit in whatever registry the unpickling process
    made its application registry, where ``shi_mu`` or ``CNY`` may not exist
    or may mean something else.
    """

    def __reduce__(self) -> tuple[Callable[..., pint.Unit], tuple[Any, ...]]:
        return (_unpickle_unit, (_pickled_units(self),))


if TYPE_CHECKING:
    # Type checkers see pint's generic registry made of aipark's Quantity and Unit,
    # so ``ureg.Quantity(...)`` and what the registry returns are aipark's.  At run
    # time it is pint.UnitRegistry, which pint.set_application_registry insists on.
    _PintRegistry: TypeAlias = pint.registry.GenericUnitRegistry[Quantity, Unit]
else:
    _PintRegistry = pint.UnitRegistry


class UnitRegistry(_PintRegistry):
    """pint's full registry whose quantities are aipark's immutable :class:`Quantity`.

    pint works out the root units and dimension of each of its ~1000 units as
    it builds a registry, a third of the cost of a command-line start; this
    registry works each out on first use instead, through the same pint code
    and into the same cache.  Only ``compatible_units()`` needs the whole
    table, which is built the first time it is asked for.
    """

    Quantity: TypeAlias = Quantity
    Unit: TypeAlias = Unit

    def _convert(self, value: Any, src: Any, dst: Any, *args: Any, **kwargs: Any) -> Any:
        """pint's conversion; between currencies, its error says how to give a rate.

        Every pint conversion (``.to``, ``.m_as``, ``+``) passes here, so
        ``yuan.to("USD")`` raises an error that is both aipark's
        :class:`~aipark.MissingRateError` and pint's ``DimensionalityError``
        (which pint itself catches, e.g. for ``==``).
        """
        try:
            return super()._convert(value, src, dst, *args, **kwargs)
        except pint.DimensionalityError as exc:
            if isinstance(exc, MissingRateError) or not (
                _currencies(self, src) and _currencies(self, dst)
            ):
                raise
            message = missing_rate_message(src, dst, call=True)
            raise _PintMissingRateError(
                message, exc.units1, exc.units2, exc.dim1, exc.dim2
            ) from None

    def _build_cache(self, loaded_files: Any = None) -> None:
        self._cache = RegistryCache()
        self._caches[()] = self._cache
        self._equivalents_built = False

    def _get_compatible_units(self, input_units: Any, group_or_system: Any = None) -> Any:
        if not self._equivalents_built:
            self._build_equivalents()
        return super()._get_compatible_units(input_units, group_or_system)

    def _build_equivalents(self) -> None:
        """Run pint's full pass once, without active contexts, for its units-by-dimension table."""
        with _lock:
            if self._equivalents_built:
                return
            cache, overlays = self._cache, self._units.maps[:-1]
            del self._units.maps[:-1]
            try:
                GenericPlainRegistry._build_cache(self)
                table = self._cache.dimensional_equivalents
            finally:
                self._units.maps[:0] = overlays
                self._cache = cache
            self._caches[()].dimensional_equivalents.update(table)
            self._equivalents_built = True


class _PintMissingRateError(MissingRateError, pint.DimensionalityError):
    """Money converted by pint without a rate: aipark's error with its hint, and pint's."""

    def __init__(
        self,
        errors: Any,
        units1: Any = None,
        units2: Any = None,
        dim1: str = "",
        dim2: str = "",
    ) -> None:
        MissingRateError.__init__(self, errors)
        self.units1, self.units2, self.dim1, self.dim2 = units1, units2, dim1, dim2
        self.extra_msg = ""

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.errors, self.units1, self.units2, self.dim1, self.dim2))


def _money_mixed(a: Any, b: Any, exc: Any, mixing: str) -> Exception:
    """pint's error for ``yuan + dollars``, with the hint when both sides are money."""
    if isinstance(exc, MissingRateError) or not isinstance(b, pint.Quantity):
        return exc  # type: ignore[no-any-return]
    reg = get_registry()
    if not (_currencies(reg, a._units) and _currencies(reg, b._units)):
        return exc  # type: ignore[no-any-return]
    message = missing_rate_message(a, b, mixing=mixing)
    return _PintMissingRateError(message, exc.units1, exc.units2, exc.dim1, exc.dim2)


def _currencies(registry: Any, units: Any) -> dict[str, float]:
    """The currencies in the dimension of ``units`` (a container or unit), by ISO code."""
    container = getattr(units, "_units", units)
    return currencies_of(registry.Quantity(1, container))


def missing_rate_message(
    src: Any, dst: Any, *, call: bool = False, cli: bool = False, mixing: str | None = None
) -> str:
    """Why money did not convert and how to give a rate, with the conversion's own units.

    ``call`` words the hint for ``q.to(...)``, which takes no rate, as a call
    of :func:`aipark.convert`; ``cli`` for the command line's options;
    ``mixing`` ("adding", "comparing") for arithmetic on two currencies.
    """
    src_name, dst_name = (
        unit_name(getattr(src, "_units", src)),
        unit_name(getattr(dst, "_units", dst)),
    )
    reg = get_registry()
    have = list(_currencies(reg, src)) or ["CNY"]
    want = list(_currencies(reg, dst)) or ["USD"]
    a, b = have[0], want[0]
    rate = "6.9028 CNY/USD" if {a, b} == {"CNY", "USD"} else f"<{b} per {a}> {b}/{a}"
    on = "on=datetime.date(2023, 2, 23)"
    if mixing:
        return (
            f"{mixing} {src_name} and {dst_name} needs an exchange rate: convert one first, "
            f"e.g. aipark.convert(value, {dst_name!r}, rate={rate!r})"
        )
    if cli:
        return (
            f"converting {src_name} to {dst_name} needs an exchange rate, e.g. --rate {rate!r}, "
            "or a date, e.g. --on 2023-02-23"
        )
    if call:
        return (
            f"converting {src_name} to {dst_name} needs an exchange rate, which .to() cannot "
            f"take: use aipark.convert(value, {dst_name!r}, rate={rate!r}) or "
            f"aipark.convert(value, {dst_name!r}, {on}) for the ECB reference rate of a day"
        )
    return (
        f"converting {src_name} to {dst_name} needs an exchange rate, e.g. rate={rate!r}, "
        f"or a date, e.g. {on}"
    )


@lru_cache(maxsize=1024)
def _has_dimension(registry: UnitRegistry, units: UnitsContainer, dimension: str) -> bool:
    """pint's ``Quantity.check``: is ``units`` of ``dimension`` (text) in ``registry``?"""
    return bool(registry._get_dimensionality(units) == registry.get_dimensionality(dimension))


_lock = threading.RLock()
_registry: UnitRegistry | None = None

#: How ``q.to(...)`` converts money in the current thread or asyncio task:
#: set by :func:`aipark.exchange_rates` for its block, None elsewhere.  The
#: function returns None for a conversion that is not its business.
_money_conversion: contextvars.ContextVar[Callable[[Quantity, Any], Quantity | None] | None] = (
    contextvars.ContextVar("aipark_money_conversion", default=None)
)


def get_registry() -> UnitRegistry:
    """aipark's registry, built on first use (a few hundred milliseconds, once)."""
    reg = _registry
    if reg is None:
        reg = _build_registry()
    return reg


def _build_registry() -> UnitRegistry:
    global _registry
    with _lock:
        if _registry is None:
            _registry = _new_registry()
        return _registry


def _new_registry() -> UnitRegistry:
    """A registry of pint's defaults and ``units.txt``, as :func:`get_registry` builds it."""
    reg = UnitRegistry(cache_folder=None, on_redefinition="raise")
    text = files("aipark").joinpath("units.txt").read_text(encoding="utf-8")
    reg.load_definitions(text.splitlines())
    return reg


def use_as_application_registry() -> None:
    """Make aipark's registry pint's application registry, for this whole process.

    An explicit opt-in: afterwards ``pint.Quantity(2918, "mu")`` and quantities
    that other libraries unpickle through pint use aipark's units (``mu`` is
    then an area, not pint's milli-atomic-mass-unit).  Importing aipark never
    does this by itself.  Text still belongs in :func:`parse_quantity`, not in
    pint's parser.
    """
    pint.set_application_registry(get_registry())  # type: ignore[no-untyped-call]


# --------------------------------------------------------------------------
# Pickling: by canonical unit name and power, into aipark's registry


def _pickled_units(obj: Any) -> tuple[tuple[str, int | float], ...]:
    """The units of a quantity or unit of aipark's registry as ``(name, power)`` pairs.

    A registry is not pickled with its quantities, so one of another registry
    (an ``aipark.UnitRegistry()`` of the user's, with units of their own)
    cannot come back as itself: it is refused here, when pickled, rather than
    unpickled into aipark's registry where its names may mean something else.
    """
    if obj._REGISTRY is not _registry:
        raise pickle.PicklingError(
            f"cannot pickle {obj!r}: it belongs to a registry other than aipark.ureg, and a "
            "registry's definitions do not travel in a pickle; pickle "
            "aipark.units.as_quantity(q) (checked against aipark's units) or the magnitude "
            "and unit text instead"
        )
    return tuple((str(name), power) for name, power in obj._units.items())


def _unpickled_units(units: object) -> UnitsContainer:
    """Check pickled ``(name, power)`` pairs (or unit text, as earlier pickles hold)."""
    if isinstance(units, str):
        return _parse_units(units)
    if not isinstance(units, tuple):
        raise ValidationError(f"cannot unpickle units from {type(units).__name__}")
    result: dict[str, int | float] = {}
    for item in units:
        name, power = item if isinstance(item, tuple) and len(item) == 2 else (None, None)
        if not isinstance(name, str):
            raise ValidationError(f"cannot unpickle units from {item!r}")
        if (
            isinstance(power, bool)
            or not isinstance(power, int | float)
            or not math.isfinite(power)
            or power == 0
        ):
            raise ValidationError(f"cannot unpickle unit {name!r} with power {power!r}")
        result[_resolve_name(name)] = power
    return UnitsContainer(result)


def _unpickle(magnitude: Any, units: object) -> Quantity:
    # Pickles are trusted data (unpickling runs code anyway), so the magnitude
    # comes back exactly as it was (int, float, Decimal, Fraction, complex, an
    # array); each unit name is still looked up, so a name aipark does not
    # define fails loudly instead of meaning something else.
    q: Quantity = object.__new__(get_registry().Quantity)
    q._magnitude = magnitude
    q._units = _unpickled_units(units)
    return q


def _unpickle_unit(units: object) -> pint.Unit:
    return get_registry().Unit(_unpickled_units(units))


# --------------------------------------------------------------------------
# Reading text


class Figure(NamedTuple):
    """A quantity read from text, with what the words around its number say.

    ``bound`` is the value of :class:`aipark.Bound` that words such as 超过,
    多, "more than" or "about" give (``"超过600亿元"`` is ``"more_than"``), or
    None when there are none.  ``precision`` is the value of
    :class:`aipark.Precision` written beside a compute figure
    (``"300P FP16"`` is ``"FP16"``), or None.
    """

    quantity: Quantity
    bound: str | None
    precision: str | None


#: The dimension of compute power: the context in which "100P" means 100 PFLOPS.
FLOPS_DIMENSION: Final = "[floating_point_operation] / [time]"

# Digits are ASCII only: str's \d would also read "٣" or "３" as digits.
_NUMBER = re.compile(
    r"""\s*(?P<sign>[+-]?)
    (?P<digits>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)
    (?P<exp>[eE][+-]?[0-9]{1,3})?""",
    re.VERBOSE,
)
_TOKEN = re.compile(r"\s*(?:(?P<name>[^\W\d]\w*)|(?P<op>\*\*|\^|\*|/|·)|(?P<int>[+-]?[0-9]+))\s*")


def _alternatives(words: Any) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TRADITIONAL: Final = str.maketrans(_spellings.TRADITIONAL)
_CHINESE_WORD = re.compile(
    rf"(?P<more>[多余])?(?P<space>\s*)(?P<word>{_alternatives(_spellings.CHINESE_MAGNITUDES)})"
    r"(?P<more2>[多余])?"
)
_ENGLISH_WORD = re.compile(
    rf"\s*(?P<word>{_alternatives(_spellings.ENGLISH_MAGNITUDES)})(?![A-Za-z])", re.IGNORECASE
)
_MORE = re.compile(r"[多余]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_RANGE = re.compile(
    rf"\s*(?:{_alternatives(_spellings.RANGE_WORDS)})\s*"
    rf"(?:{_alternatives([*_spellings.CURRENCY_SIGNS, *_spellings.REFUSED_SIGNS])})?\s*[0-9]",
    re.IGNORECASE,
)
_BOUND_PREFIX = re.compile(
    rf"(?:{_alternatives(_spellings.BOUND_PREFIXES)})(?=\s*[0-9.$€¥￥]|\s*[A-Z]{{2,3}}\$?\s*[0-9])",
    re.IGNORECASE,
)
_SIGN = re.compile(
    rf"(?:{_alternatives([*_spellings.CURRENCY_SIGNS, *_spellings.REFUSED_SIGNS])})"
    r"(?=\s*[0-9.])"
)
_TRAILING = re.compile(
    rf"""(?:
        [(（]\s*(?P<precision>{_alternatives(_spellings.PRECISIONS)})(?:精度)?\s*[)）]
        |(?P<precision2>{_alternatives(_spellings.PRECISIONS)})(?:精度)?
        |(?P<compute>{_alternatives(_spellings.COMPUTE_WORDS)})
        |(?P<bound>{_alternatives(_spellings.BOUND_SUFFIXES)})
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_PRECISIONS_UPPER: Final = {k.upper(): v for k, v in _spellings.PRECISIONS.items()}


def _check_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise ValidationError(f"expected {what} as a string, got {shown(text)}")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            f"{what} is longer than {MAX_TEXT_LENGTH} characters, got {shown(text)}"
        )
    if any(not c.isprintable() for c in text):
        raise ValidationError(f"{what} {text!r} contains control characters")
    return text


def parse_quantity(text: str, *, dimension: str | None = None) -> Quantity:
    """Read ``"2918 mu"``, ``"2,918亩"``, ``"600亿元"``, ``"$8.69 billion"`` safely.

    The number is read by aipark (integers stay integers, so money stays
    exact); the unit goes through :func:`parse_unit`.  A bare number is
    dimensionless.  ``dimension`` is the dimension the caller expects
    (``FLOPS_DIMENSION`` lets ``"100P"`` mean 100 PFLOPS); it gives context
    only, it is not checked.

    Words that bound the figure (``"超过600亿元"``) and a precision beside it
    (``"300P FP16"``) are refused here, as a bare quantity would drop them:
    :func:`read_figure` reads them, and a :class:`~aipark.Target`'s value or a
    :class:`~aipark.ComputingCenter`'s compute power keeps them.  Raises
    :class:`~aipark.ValidationError` for anything else.
    """
    figure = read_figure(text, dimension=dimension)
    if figure.bound is not None:
        raise ValidationError(
            f"{text!r} is not an exact figure (it says {figure.bound.replace('_', ' ')}): "
            "give it as a Target's value, which keeps the bound, or read it with "
            "aipark.units.read_figure()"
        )
    if figure.precision is not None:
        raise ValidationError(
            f"{text!r} names a precision ({figure.precision}): give it as a computing "
            "center's compute_power, which keeps the precision, or read it with "
            "aipark.units.read_figure()"
        )
    return figure.quantity


def read_figure(text: str, *, dimension: str | None = None) -> Figure:
    """Read a figure as sources print it: the quantity, its bound and its precision.

    >>> read_figure("超过600亿元")
    Figure(quantity=<Quantity(60000000000, 'CNY')>, bound='more_than', precision=None)
    >>> read_figure("300P FP16", dimension=FLOPS_DIMENSION).precision
    'FP16'

    Reads everything :func:`parse_quantity` reads, and also words that bound
    the figure (超过, 逾, 近, 约, 多, 余, 以上, "more than", "over", "nearly",
    "about", "some", ...) and a precision beside a compute figure (``FP16``,
    ``(FP64)``, 半精度).  A range (``"20亿至30亿元"``) is refused.  Raises
    :class:`~aipark.ValidationError` for anything it cannot read exactly.
    """
    raw = _check_text(text, "a quantity")
    text = raw.strip()
    if not text.isascii():
        text = text.translate(_TRADITIONAL)
    bound: str | None = None
    pos = 0
    found = _BOUND_PREFIX.match(text)
    if found is not None:
        bound = _spellings.BOUND_PREFIXES[found.group().lower()]
        pos = _skip_space(text, found.end())
    currency: str | None = None
    found = _SIGN.match(text, pos)
    if found is not None:
        sign = found.group()
        if sign in _spellings.REFUSED_SIGNS:
            raise ValidationError(f"{raw!r}: {_spellings.REFUSED_SIGNS[sign]}")
        currency = _spellings.CURRENCY_SIGNS[sign]
        pos = found.end()
    match = _NUMBER.match(text, pos)
    if match is None:
        raise ValidationError(f"{raw!r} does not start with a number")
    pos = match.end()
    factor = 1
    found = _CHINESE_WORD.match(text, pos)
    if found is not None and (
        not found["space"]
        or found["word"] == "万亿"  # never a prefix: 10^12 would take pint's "tera" place
        # A prefix only when a unit name follows at once: "60 亿CNY", not "1 万 mu".
        or not _ASCII_LETTER.match(text, found.end())
    ):
        if found["more"] or found["more2"]:
            bound = _merge_bound(raw, bound, "more_than")
        factor = _spellings.CHINESE_MAGNITUDES[found["word"]]
        pos = found.end()
        if text[pos:].lstrip()[:1] in ("万", "亿"):
            raise ValidationError(f"{raw!r} has two magnitude words; write one, e.g. '1万亿元'")
    else:
        found = _MORE.match(text, pos)
        if found is not None:
            bound = _merge_bound(raw, bound, "more_than")
            pos = found.end()
        found = _ENGLISH_WORD.match(text, pos)
        if found is not None:
            factor = _spellings.ENGLISH_MAGNITUDES[found["word"].lower()]
            pos = found.end()
    if _RANGE.match(text, pos):
        raise ValidationError(
            f"{raw!r} is a range: aipark reads one figure; give the lower or upper end with "
            "its bound (e.g. '至少20亿元' or 'at most 30 billion yuan')"
        )
    number = _read_number(match, factor)
    rest = text[pos:].strip()
    precision, compute = None, False
    while rest and (found := _TRAILING.search(rest)) is not None:
        if found["compute"]:
            compute = True
        elif found["bound"]:
            bound = _merge_bound(raw, bound, _spellings.BOUND_SUFFIXES[found["bound"]])
        else:
            word = (found["precision"] or found["precision2"]).upper()
            if precision is not None:
                raise ValidationError(f"{raw!r} names two precisions")
            precision = _PRECISIONS_UPPER[word]
        rest = rest[: found.start()].rstrip()
    if currency is not None:
        if rest:
            raise ValidationError(
                f"{raw!r}: a currency sign and a unit ({rest!r}) in one figure; write one of them"
            )
        units = _parse_units(currency)
    elif not rest:
        if precision is not None or compute:
            raise ValidationError(f"{raw!r} has no unit: write e.g. '300 PFLOPS'")
        units = UnitsContainer({})
    elif rest in _spellings.COMPUTE_SHORTHAND:
        if not (compute or precision is not None or _is_flops(dimension)):
            raise ValidationError(
                f"{raw!r} is ambiguous: {rest!r} after a number is compute power "
                f"({rest}FLOPS) in Chinese sources, but also {_SHORTHAND_ALSO[rest]}; write "
                f"'{match['digits']} {rest}FLOPS', or convert to a FLOPS unit"
            )
        units = UnitsContainer({_spellings.COMPUTE_SHORTHAND[rest]: 1})
    else:
        units = _parse_units(rest)
    if (precision is not None or compute) and not _is_compute(units):
        raise ValidationError(f"{raw!r}: a precision or 算力 qualifies only compute power (FLOPS)")
    q = _new_quantity(number, units)
    return Figure(q, bound, precision)


_SHORTHAND_ALSO: Final = {
    "P": "the poise, a unit of viscosity",
    "E": "an unfinished exponent, as in '5E3'",
    "T": "the tesla",
}


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _merge_bound(raw: str, bound: str | None, new: str) -> str:
    if bound is not None and bound != new:
        raise ValidationError(f"{raw!r} bounds the figure twice ({bound} and {new})")
    return new


@lru_cache(maxsize=64)
def _is_flops(dimension: str | None) -> bool:
    """Is ``dimension`` (text such as ``"[floating_point_operation] / [time]"``) compute power?"""
    if dimension is None:
        return False
    reg = get_registry()
    try:
        return bool(reg.get_dimensionality(dimension) == reg.get_dimensionality(FLOPS_DIMENSION))
    except (pint.PintError, ValueError, TypeError, AttributeError):
        return False


def _is_compute(units: UnitsContainer) -> bool:
    """A FLOPS rate or a FLOP count, the figures a precision can qualify."""
    dims = get_registry()._get_dimensionality(units)
    return "[floating_point_operation]" in dims


def _read_number(match: re.Match[str], factor: int = 1) -> int | float:
    digits = match["digits"].replace(",", "")
    value: int | float
    if "." in digits or match["exp"]:
        literal = digits + (match["exp"] or "")
        value = float(literal)
        if not math.isfinite(value):
            raise ValidationError(f"{match.group().strip()!r} is too large")
        if value == 0 and digits.strip("0.") != "":
            raise ValidationError(f"{match.group().strip()!r} is too small to represent")
        if factor != 1:
            try:  # one rounding: 1.23456789亿 is the float nearest 123456789
                value = float(Fraction(literal) * factor)
            except OverflowError:
                raise ValidationError(f"{match.group().strip()!r} is too large") from None
    else:
        value = int(digits) * factor
    return check_magnitude(-value if match["sign"] == "-" else value)


def parse_unit(text: str) -> pint.Unit:
    """Read a unit expression such as ``"hectare"``, ``"CNY/USD"``, ``"km**2"``, ``"亿元"``.

    Grammar: ``name (("*" | "/") name)*`` where each name may carry a power
    ``**n``, ``^n`` or a superscript (``m⁴``) with ``|n| <= 9``; names are
    pint names with optional prefixes, and the spellings of
    :mod:`aipark._spellings` (公顷, ``square meter``, ``PFlops``, ``°C``, ...).
    Anything else raises :class:`~aipark.ValidationError`.
    """
    text = _check_text(text, "a unit")
    return get_registry().Unit(_parse_units(text))


def _parse_units(text: str) -> UnitsContainer:
    return _parse_units_cached(text.strip())


_SUPERSCRIPT = re.compile("[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT_DIGITS: Final = str.maketrans("⁺⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "+-0123456789")
_SPELLING = re.compile(
    rf"(?P<pre>{_alternatives(_spellings.CHINESE_MAGNITUDES)})?"
    rf"(?P<spelling>{_alternatives(_spellings.UNIT_SPELLINGS)})(?![A-Za-z_])"
)
_FLOPS_NAME = re.compile(
    r"""(?<![\w-])(?P<prefix>[^\W\d_]*?)-?(?P<flop>[Ff][Ll][Oo][Pp])(?P<s>[Ss]?)
    (?P<per>\s*/\s*(?:s|sec|second)(?![\w]))?(?![\w])""",
    re.VERBOSE,
)


def _spell(text: str) -> str:
    """Rewrite the spellings of :mod:`aipark._spellings` into the registry's grammar."""
    if not text.isascii():
        text = text.translate(_TRADITIONAL)
        text = _SUPERSCRIPT.sub(lambda m: "**" + m.group().translate(_SUPERSCRIPT_DIGITS), text)
    if not text.isascii() or " " in text or "%" in text:
        text = _SPELLING.sub(_respell, text)
    if "lop" in text or "LOP" in text or "Lop" in text or "lOP" in text:
        text = _FLOPS_NAME.sub(_flops_name, text)
    if text.startswith("1") and text[1:].lstrip().startswith("/"):  # "1/s"
        text = text[1:].lstrip()
    return text


def _respell(m: re.Match[str]) -> str:
    unit = _spellings.UNIT_SPELLINGS[m["spelling"]]
    if m["pre"]:
        if "**" in unit:  # 万平方米 is 10000 m², not (10000 m)²
            raise ValidationError(
                f"unit {m.group()!r}: write the magnitude after the number instead "
                f"(e.g. '10{m['pre']}{m['spelling']}')"
            )
        return m["pre"] + unit
    return f" {unit} "


def _flops_name(m: re.Match[str]) -> str:
    prefix, flop, s, per = m["prefix"], m["flop"], m["s"], m["per"]
    written = m.group()
    if prefix.lower() in _spellings.FLOPS_REFUSED_PREFIXES or prefix in ("µ", "μ"):
        raise ValidationError(
            f"unit {written!r}: aipark refuses sub-unit FLOPS; for the large prefix write e.g. "
            "'PFLOPS' (peta), 'TFLOPS' (tera), 'EFLOPS' (exa)"
        )
    name = _spellings.FLOPS_PREFIXES.get(prefix.lower())
    if name is None:
        raise ValidationError(f"unknown unit {written!r}" + _did_you_mean(written))
    if per:
        if s:
            raise ValidationError(
                f"unit {written!r}: FLOPS is already per second; write '{name}FLOPS'"
            )
        return f"{name}FLOPS"
    if s:
        if flop == "FLOP" and s == "s":
            raise ValidationError(
                f"unit {written!r} is ambiguous: write '{prefix}FLOPS' for operations per "
                f"second or '{prefix}FLOP' for an operation count"
            )
        return f"{name}FLOPS"
    return f"{name}FLOP"


@lru_cache(maxsize=1024)
def _parse_units_cached(text: str) -> UnitsContainer:
    """Parse a unit expression into pint's container of canonical names."""
    if not text:
        raise ValidationError("missing unit")
    if text == "dimensionless":
        return UnitsContainer({})
    source = text
    text = _spell(text).strip()
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ValidationError(f"unit {source!r}: unexpected {text[pos : pos + 10]!r}")
        kind = m.lastgroup
        assert kind is not None
        tokens.append((kind, m[kind]))
        pos = m.end()
    units: dict[str, int] = {}
    sign = 1
    i = 0
    factors = 0
    expect_name = True
    if tokens and tokens[0] == ("op", "/"):  # "1/s", its "1" already dropped
        sign = -1
        i = 1
    while i < len(tokens):
        kind, value = tokens[i]
        if expect_name:
            if kind != "name":
                raise ValidationError(f"unit {source!r}: expected a unit name, got {value!r}")
            factors += 1
            if factors > _MAX_FACTORS:
                raise ValidationError(f"unit {source!r} has more than {_MAX_FACTORS} factors")
            power = 1
            if i + 1 < len(tokens) and tokens[i + 1][1] in ("**", "^"):
                if i + 2 >= len(tokens) or tokens[i + 2][0] != "int":
                    raise ValidationError(f"unit {source!r}: a power must be a small integer")
                power = int(tokens[i + 2][1])
                if power == 0 or abs(power) > _MAX_POWER:
                    raise ValidationError(
                        f"unit {source!r}: powers must be non-zero integers up to {_MAX_POWER}"
                    )
                i += 2
            name = _resolve_name(value)
            units[name] = units.get(name, 0) + sign * power
            if units[name] == 0:
                del units[name]
            expect_name = False
        else:
            if kind != "op" or value not in ("*", "/", "·"):
                raise ValidationError(f"unit {source!r}: expected '*' or '/', got {value!r}")
            sign = -1 if value == "/" else 1
            expect_name = True
        i += 1
    if expect_name:
        raise ValidationError(f"unit {source!r} ends with an operator")
    return UnitsContainer(units)


# Names that read two ways; aipark refuses them instead of guessing.
_AMBIGUOUS: Final = {
    "FLOPs": "write 'FLOP' for an operation count or 'FLOPS' for operations per second",
    "兆": "兆 is 10^12 in Taiwan and 10^6 (mega) elsewhere: write 万亿 or the number in full",
}
_DOMAIN_BY_LOWER: Final = {k.lower(): k for k in _spellings.DOMAIN_UNITS}


@lru_cache(maxsize=512)
def _resolve_name(name: str) -> str:
    """Map a unit name, alias or prefixed name to the registry's canonical name."""
    if name.startswith("万亿"):
        raise ValidationError(
            f"unit {name!r}: write 万亿 after the number ('2万亿元'); as a unit, use 亿元 or 元"
        )
    if name in _AMBIGUOUS or name[:1] == "兆":
        reason = _AMBIGUOUS.get(name, _AMBIGUOUS["兆"])
        raise ValidationError(f"unit {name!r} is ambiguous: {reason}")
    reg = get_registry()
    with _lock:  # pint's get_name() adds prefixed units to the registry
        if name in reg._units:
            resolved = str(reg._units[name].name)
        else:
            candidates = reg.parse_unit_name(name)
            if not candidates:
                raise ValidationError(f"unknown unit {name!r}" + _did_you_mean(name))
            if len(candidates) > 1:
                options = ", ".join(p + u for p, u, _ in candidates)
                raise ValidationError(f"unit {name!r} is ambiguous: it could be {options}")
            try:
                resolved = str(reg.get_name(name))
            except pint.PintError as exc:
                raise ValidationError(f"unit {name!r}: {exc}") from None
    _check_case(name, resolved)
    _check_prefixed_u(name, resolved)
    return resolved


def _check_prefixed_u(name: str, resolved: str) -> None:
    """Refuse pint's symbol ``u`` (atomic mass unit) under a prefix: ``muu``, ``ku``.

    Written that way it is nearly always a slip for a domain unit (``muu`` for
    mu), and it would silently be a mass; the spelled-out name still works.
    """
    base = "unified_atomic_mass_unit"
    if resolved != base and resolved.endswith(base) and "atomic" not in name:
        raise ValidationError(
            f"unit {name!r} would be {resolved} (the symbol 'u' with a prefix), which aipark "
            f"refuses as a likely slip: write {resolved!r} if a mass is meant" + _did_you_mean(name)
        )


def _check_case(name: str, resolved: str) -> None:
    """Refuse a name that differs from a domain unit in case only, meaning another dimension."""
    meant = _DOMAIN_BY_LOWER.get(name.lower())
    if meant is None or meant == name:
        return
    reg = get_registry()
    domain = _spellings.DOMAIN_UNITS[meant]
    ours = reg._get_dimensionality(UnitsContainer({resolved: 1}))
    theirs = reg._get_dimensionality(UnitsContainer({domain: 1}))
    if ours != theirs:
        raise ValidationError(
            f"unit {name!r} is {resolved} ({ours or 'dimensionless'}), not {meant!r} "
            f"({domain}, {theirs}): letter case changes the unit; did you mean {meant!r}?"
        )


def _did_you_mean(name: str) -> str:
    """``"; did you mean 'hectare'?"`` for the closest known names, or ``""``."""
    if len(name) > 40:
        return ""
    found = _suggest_units(name)
    if not found:
        return ""
    return "; did you mean " + " or ".join(repr(n) for n in found) + "?"


def _suggest_units(name: str) -> list[str]:
    """The known unit names closest to ``name`` (at most three), for "did you mean".

    Case-insensitive matches of aipark's domain units and of pint's names come
    first, then near spellings (``"hectar"`` gives ``["hectare"]``).
    """
    names, lower = _known_names()
    exact = lower.get(name.lower())
    if exact is not None and exact != name:
        return [exact]
    head = name[:1].lower()
    pool = [n for n in names if n[:1].lower() == head] or names
    found = difflib.get_close_matches(name, pool, n=3, cutoff=0.75)
    if not found:
        folded = difflib.get_close_matches(name.lower(), list(lower), n=3, cutoff=0.8)
        found = [lower[n] for n in folded]
    return found


@lru_cache(maxsize=1)
def _known_names() -> tuple[list[str], dict[str, str]]:
    """Every name the parser reads (domain units first), and each by its lower case."""
    reg = get_registry()
    domain = [*_spellings.DOMAIN_UNITS, *_spellings.UNIT_SPELLINGS, "PFLOPS", "TFLOPS", "EFLOPS"]
    pint_names = sorted(n for n in reg._units if n.isidentifier() and not n.startswith("_"))
    names = list(dict.fromkeys([*domain, *pint_names]))
    lower: dict[str, str] = {}
    for n in names:
        lower.setdefault(n.lower(), n)
    return names, lower


# --------------------------------------------------------------------------
# Building and checking quantities


def check_magnitude(value: object) -> int | float:
    """Return ``value`` if it is a usable amount, else raise :class:`~aipark.ValidationError`.

    An amount is an int or a finite float (never a bool) that converts to a
    float: a larger integer would overflow the first time it is converted.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"expected a number, got {shown(value)}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"expected a finite number, got {value!r}")
    elif value.bit_length() > _MAX_INT_BITS:
        raise ValidationError(f"number is too large ({value.bit_length()} bits)")
    return value


def quantity(value: object, unit: str) -> Quantity:
    """A quantity of aipark's registry from a number and unit text, both checked."""
    magnitude = check_magnitude(value)
    # Only exact str is cached: a subclass could redefine hashing and equality.
    units = _read_unit(unit) if type(unit) is str else _read_unit.__wrapped__(unit)
    return _new_quantity(magnitude, units)


@lru_cache(maxsize=1024)
def _read_unit(text: str) -> UnitsContainer:
    """The checked, parsed unit text of :func:`quantity`, cached by its exact text."""
    _check_text(text, "a unit")
    return _parse_units(text) if text.strip() else UnitsContainer({})


def _new_quantity(magnitude: int | float, units: UnitsContainer) -> Quantity:
    """``Quantity(magnitude, units)`` for a checked number and a parsed unit.

    Sets what pint's constructor sets, without its sniffing of argument types
    (text, arrays, other quantities), which takes ten times as long.
    """
    q: Quantity = object.__new__(get_registry().Quantity)
    q._magnitude = magnitude
    q._units = units
    return q


def as_quantity(value: object) -> Quantity:
    """Coerce input to a quantity of aipark's registry.

    Accepts aipark quantities (returned as they are), quantities of any other
    pint registry (checked against aipark's definitions of the same names, so
    a unit that means something else here is refused, never reinterpreted),
    and text read by :func:`parse_quantity`.
    """
    reg = get_registry()
    if isinstance(value, reg.Quantity):
        return value
    if isinstance(value, str):
        return parse_quantity(value)
    if isinstance(value, pint.Quantity):
        return _from_foreign(value)
    hint = " (a number needs its unit)" if isinstance(value, int | float) else ""
    raise ValidationError(
        f"expected a quantity or text such as '2918 mu'{hint}, got {shown(value)}"
    )


def _from_foreign(value: Any) -> Quantity:
    magnitude = value.magnitude
    if isinstance(magnitude, bool) or not isinstance(magnitude, int | float):
        raise ValidationError(
            f"expected a scalar quantity, got magnitude {type(magnitude).__name__}"
        )
    check_magnitude(magnitude)
    reg = get_registry()
    units = value._units
    try:
        ours = reg.Quantity(1, units)
        theirs_factor, theirs_root = value._REGISTRY._get_root_units(units)
        ours_factor, ours_root = reg._get_root_units(ours._units)
    except pint.PintError as exc:
        raise ValidationError(f"unit {unit_name(units)!r} is not known to aipark: {exc}") from None
    if dict(theirs_root) != dict(ours_root) or not math.isclose(
        float(theirs_factor),
        float(ours_factor),  # type: ignore[arg-type]
        rel_tol=1e-12,
    ):
        raise ValidationError(
            f"unit {unit_name(units)!r} means something else in aipark's registry; "
            "convert it to a standard unit first"
        )
    q: Quantity = reg.Quantity(magnitude, ours._units)
    return q


#: Each currency in ``units.txt`` is its own dimension: ``[currency_CNY]``.
CURRENCY_DIMENSION: Final = "[currency_"


def currencies_of(value: Any) -> dict[str, float]:
    """The currencies in a quantity's or unit's dimension, by ISO code, with powers.

    ``{"CNY": 1}`` for yuan, ``{"CNY": 1, "USD": -1}`` for a rate, ``{}`` for an area.
    """
    n = len(CURRENCY_DIMENSION)
    return {
        str(dim)[n:-1]: power
        for dim, power in value.dimensionality.items()
        if str(dim).startswith(CURRENCY_DIMENSION)
    }


@lru_cache(maxsize=1024)
def unit_name(units: UnitsContainer) -> str:
    """The canonical text of a unit, which :func:`parse_unit` reads back.

    Uses pint's canonical names (``shi_mu``, ``hectare``, ``petaFLOPS``), never
    aliases, so another registry either reads the same unit or fails.
    """
    if not units:
        return "dimensionless"
    items: list[tuple[str, float]] = sorted(
        ((name, float(power)) for name, power in units.items()),  # type: ignore[arg-type]
        key=lambda kv: (kv[1] < 0, kv[0]),  # one text per unit, whatever order it was built in
    )
    parts: list[str] = []
    for name, power in items:
        if not parts:
            text = name if power == 1 else f"{name} ** {power:g}"
        elif power > 0:
            text = f" * {name}" + (f" ** {power:g}" if power != 1 else "")
        else:
            text = f" / {name}" + (f" ** {-power:g}" if power != -1 else "")
        parts.append(text)
    return "".join(parts)


def dimensionality(q: Any) -> str:
    """The dimension of a quantity or unit as text, e.g. ``[length] ** 2``."""
    return str(q.dimensionality) if q.dimensionality else "dimensionless"


#: Why "5 EFLOP" is no compute power: FLOP counts operations, FLOPS is a rate.
FLOP_COUNT_HINT: Final = (
    ", a count of operations (FLOPS, with a capital S, is operations per second)"
)
_FLOP_COUNT: Final = UnitsContainer({"[floating_point_operation]": 1})
_FLOP_RATE: Final = UnitsContainer({"[floating_point_operation]": 1, "[time]": -1})


@lru_cache(maxsize=4096)
def conversion_ratio(src: UnitsContainer, dst: UnitsContainer) -> Fraction | None:
    """The exact factor from ``src`` to ``dst`` units, or None when one is not a plain multiple.

    pint keeps each unit's factor to root units as a float (the mu's 2000/3
    m² as 666.6666666666666), so multiplying and dividing them leaves noise:
    pint's ``EFLOPS -> PFLOPS`` is 1000.0000000000001.  aipark follows each
    unit's definition instead, reading each float it states back as the
    simple fraction it was written as, and multiplies fractions: 1 qing is
    exactly 100 mu and 1 hectare exactly 15 mu.  Offset units (degC) and
    logarithmic ones (dB) are not multiples: None, and see
    :func:`affine_conversion`.  Raises :class:`~aipark.ConversionError` when
    the dimensions differ.
    """
    reg = get_registry()
    try:
        _, src_root = reg._get_root_units(src)
        _, dst_root = reg._get_root_units(dst)
    except pint.PintError as exc:
        raise ConversionError(str(exc)) from None
    if src_root != dst_root:
        src_dim, dst_dim = reg._get_dimensionality(src), reg._get_dimensionality(dst)
        hint = FLOP_COUNT_HINT if src_dim == _FLOP_COUNT and dst_dim == _FLOP_RATE else ""
        raise ConversionError(
            f"cannot convert {unit_name(src) or 'dimensionless'} "
            f"({src_dim or 'dimensionless'}) "
            f"to {unit_name(dst) or 'dimensionless'} "
            f"({dst_dim or 'dimensionless'}){hint}"
        )
    src_exact, dst_exact = _exact_scale_of(src), _exact_scale_of(dst)
    if src_exact is None or dst_exact is None:
        return None
    return src_exact / dst_exact


def affine_conversion(src: UnitsContainer, dst: UnitsContainer) -> tuple[Fraction, Fraction] | None:
    """``(a, b)`` such that ``x`` in ``src`` is exactly ``a * x + b`` in ``dst``, for offset units.

    Defined when each side is one unit to the first power whose definition
    is a scale with an offset (20 degC is 293.15 K and 68 degF); None for
    anything else (logarithmic units, products with an offset unit), which
    pint converts or refuses.
    """
    if len(src) != 1 or len(dst) != 1:
        return None
    ((src_name, src_power),) = src.items()
    ((dst_name, dst_power),) = dst.items()
    if src_power != 1 or dst_power != 1:
        return None
    to_root, from_root = _affine(src_name), _affine(dst_name)
    if to_root is None or from_root is None:
        return None
    (a1, b1), (a2, b2) = to_root, from_root
    return a1 / a2, (b1 - b2) / a2


def _definition(name: str) -> Any:
    reg = get_registry()
    found = reg._units.get(name)
    if found is None:
        with _lock:
            try:
                found = reg._units.get(reg.get_name(name))
            except pint.PintError:
                return None
    return found


@lru_cache(maxsize=1024)
def _exact_scale(name: str) -> Fraction | None:
    """A unit's exact factor to pint's root units, from its definition; None if not a multiple."""
    definition = _definition(name)
    if definition is None or not definition.is_multiplicative:
        return None
    if definition.is_base:
        return Fraction(1)
    reference = _exact_scale_of(definition.reference)
    return None if reference is None else _rational(definition.converter.scale) * reference


def _exact_scale_of(units: UnitsContainer) -> Fraction | None:
    """The exact factor of a product of units to root units; None if one is not a multiple."""
    factor = Fraction(1)
    for name, power in units.items():
        sub = _exact_scale(name)
        if sub is None or not isinstance(power, int | float) or not float(power).is_integer():
            return None
        factor *= sub ** int(power)
    return factor


@lru_cache(maxsize=256)
def _affine(name: str) -> tuple[Fraction, Fraction] | None:
    """``(a, b)``: ``x`` of unit ``name`` is ``a * x + b`` of the root unit; None if not affine."""
    definition = _definition(name)
    if definition is None:
        return None
    if definition.is_base:
        return Fraction(1), Fraction(0)
    converter = definition.converter
    if type(converter).__name__ not in ("ScaleConverter", "OffsetConverter"):
        return None  # logarithmic
    if len(definition.reference) != 1:
        return None
    ((ref, power),) = definition.reference.items()
    inner = _affine(ref) if power == 1 else None
    if inner is None:
        return None
    scale = _rational(converter.scale)
    offset = _rational(getattr(converter, "offset", 0))
    return inner[0] * scale, inner[0] * offset + inner[1]


@lru_cache(maxsize=4096)
def conversion_factor(src: UnitsContainer, dst: UnitsContainer) -> float | None:
    """:func:`conversion_ratio` as a float (``EFLOPS -> PFLOPS`` is exactly 1000.0)."""
    ratio = conversion_ratio(src, dst)
    return None if ratio is None else float(ratio)


def _rational(x: Any) -> Fraction:
    """The fraction a unit's float factor was written as.

    The simplest fraction with a denominator up to a million when one rounds
    to ``x`` (2000/3 for 666.6666666666666), else the shortest decimal that
    does (1/10**9 for 1e-09).
    """
    if isinstance(x, int):
        return Fraction(x)
    near = Fraction(x).limit_denominator(10**6)
    return near if float(near) == x else Fraction(repr(float(x)))


def plain_quantity(q: Quantity, *, digits: int = 6) -> str:
    """Locale-neutral text that aipark's parser reads back: ``"2,918 mu"``, ``"150 PFLOPS"``.

    No babel: for the command line's ``convert`` and for logs.
    """
    label = _plain_label(q._units)
    magnitude = q.magnitude
    if isinstance(magnitude, float):
        number = f"{magnitude:,.{digits}g}" if abs(magnitude) < 1e15 else f"{magnitude:.{digits}g}"
        if "e" not in number and "." not in number and abs(magnitude) >= 10**digits:
            number = f"{round(magnitude):,}"
    else:
        number = f"{magnitude:,}"
    return f"{number} {label}".strip()


@lru_cache(maxsize=1024)
def _plain_label(units: UnitsContainer) -> str:
    """The unit in :func:`plain_quantity`: pint's symbol when aipark reads it back as the same unit.

    Prefixed Chinese money is written as people write it (万元, 亿美元, never 万CNY); a
    symbol the parser would read as another unit gives way to the canonical name.
    """
    name = unit_name(units)
    label = _PLAIN_LABELS.get(name)
    if label is not None:
        return label
    money = _PREFIXED_MONEY.fullmatch(name)
    if money is not None:
        return money["prefix"] + _CHINESE_MONEY[money["code"]]
    label = f"{get_registry().Unit(_parse_units(name)):~P}"  # from the canonical order
    if label in _spellings.COMPUTE_SHORTHAND:  # "3 P" is refused as ambiguous
        return name
    try:
        same = _parse_units(label) == units
    except ValidationError:
        same = False
    return label if same else name


_PREFIXED_MONEY = re.compile("(?P<prefix>万|亿)(?P<code>CNY|USD|EUR)")
_CHINESE_MONEY: Final = {"CNY": "元", "USD": "美元", "EUR": "欧元"}

# Short labels for units whose pint symbol is unhelpful or ambiguous.
_PLAIN_LABELS: Final = {
    "shi_mu": "mu",
    "qing": "qing",
    "CNY": "yuan",
    "USD": "USD",
    "EUR": "EUR",
    "dimensionless": "",
}
