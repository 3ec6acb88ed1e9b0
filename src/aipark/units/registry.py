"""aipark's unit registry and its quantities: built once, immutable, pickled by unit name.

The registry is pint's defaults plus ``units.txt`` (mu, qing, currencies,
FLOP/FLOPS, 万/亿).  It is built once, lazily and under a lock, and it is
aipark's own: pint's application registry is never touched.

Quantities of this registry are values: in-place operations (``ito()``,
``+=``) return or demand a new object instead of mutating a shared one, so
nothing an importer does can alter data that aipark hands out.  They pickle
by canonical unit name and power, into aipark's registry.
"""

from __future__ import annotations

import contextvars
import math
import operator
import pickle
import threading
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import pint
from pint.facets.plain.registry import GenericPlainRegistry, RegistryCache
from pint.util import UnitsContainer

from ..errors import MissingRateError, ValidationError, shown

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

# Integers up to 1023 bits still convert to a float; larger ones overflow.
_MAX_INT_BITS: Final = 1023


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
    from .parsing import _parse_units, _resolve_name  # each name passes the parser's checks

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


# Pickles name these by the package, as they did when aipark.units was one module.
_unpickle.__module__ = _unpickle_unit.__module__ = "aipark.units"


# --------------------------------------------------------------------------
# Reading text


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


def _new_quantity(magnitude: int | float, units: UnitsContainer) -> Quantity:
    """``Quantity(magnitude, units)`` for a checked number and a parsed unit.

    Sets what pint's constructor sets, without its sniffing of argument types
    (text, arrays, other quantities), which takes ten times as long.
    """
    q: Quantity = object.__new__(get_registry().Quantity)
    q._magnitude = magnitude
    q._units = units
    return q


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
