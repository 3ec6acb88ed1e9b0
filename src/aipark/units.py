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
import math
import re
import threading
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final

import pint
from pint.facets.plain.registry import GenericPlainRegistry, RegistryCache
from pint.util import UnitsContainer

from .errors import ConversionError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CURRENCY_DIMENSION",
    "MAX_TEXT_LENGTH",
    "Quantity",
    "UnitRegistry",
    "as_quantity",
    "check_magnitude",
    "conversion_factor",
    "conversion_ratio",
    "currencies_of",
    "dimensionality",
    "get_registry",
    "parse_quantity",
    "parse_unit",
    "plain_quantity",
    "quantity",
    "unit_name",
    "use_as_application_registry",
]

#: Longest quantity or unit text aipark reads; longer input is refused unread.
MAX_TEXT_LENGTH: Final = 200
_MAX_POWER: Final = 9
# Integers up to 1023 bits still convert to a float; larger ones overflow.
_MAX_INT_BITS: Final = 1023
_MAX_FACTORS: Final = 12
_SUPERSCRIPTS: Final = {"²": "**2", "³": "**3", "⁻¹": "**-1", "⁻²": "**-2", "⁻³": "**-3"}
# Chinese magnitude words written after a number ("600亿元") scale the number.
_MAGNITUDE_WORDS: Final = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# Names that read two ways; aipark refuses them instead of guessing.
_AMBIGUOUS: Final = {
    "FLOPs": "write 'FLOP' for an operation count or 'FLOPS' for operations per second",
}


class Quantity(pint.UnitRegistry.Quantity[Any]):
    """A pint quantity that never changes once made.

    In-place arithmetic returns a new quantity (so ``q += x`` rebinds ``q`` and
    leaves the original alone); methods that would mutate (``ito()`` and its
    kin, item assignment) raise :class:`TypeError`.  Pickles by unit name, so it
    unpickles into aipark's registry in any process where aipark is installed.
    """

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[Callable[[Any, str], Quantity], tuple[Any, str]]:
        return (_unpickle, (self._magnitude, unit_name(self._units)))

    def __repr__(self) -> str:
        # pint rounds floats to 9 digits here; a repr should not hide digits.
        return f"<Quantity({self._magnitude!r}, '{unit_name(self._units)}')>"

    def __iadd__(self, other: Any) -> Any:
        return self + other

    def __isub__(self, other: Any) -> Any:
        return self - other

    def __imul__(self, other: Any) -> Any:
        return self * other

    def __itruediv__(self, other: Any) -> Any:
        return self / other

    def __ifloordiv__(self, other: Any) -> Any:  # type: ignore[misc]
        return self // other

    def __imod__(self, other: Any) -> Any:  # type: ignore[misc]
        return self % other

    def __ipow__(self, other: Any) -> Any:  # type: ignore[misc]
        return self**other

    def to(self, other: Any = None, *contexts: Any, **ctx_kwargs: Any) -> Any:
        """pint's ``to``; inside ``aipark.exchange_rates()`` money converts too."""
        convert_money = _money_conversion.get()
        if convert_money is not None and not contexts and not ctx_kwargs:
            converted = convert_money(self, other)
            if converted is not None:
                return converted
        return super().to(other, *contexts, **ctx_kwargs)

    def check(self, dimension: Any) -> bool:
        """pint's ``check``, remembered per unit and dimension text such as ``"[area]"``."""
        if type(dimension) is str:  # not a subclass, which could redefine hashing
            return _has_dimension(self._REGISTRY, self._units, dimension)
        return bool(super().check(dimension))

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("aipark quantities are immutable: use .to(...) to get a converted copy")

    ito = ito_base_units = ito_root_units = ito_reduced_units = _refuse
    ito_preferred = ito_quantity_type = _refuse
    __setitem__ = put = fill = _refuse


class Unit(pint.UnitRegistry.Unit):
    """A pint unit that pickles by name through aipark, like :class:`Quantity`.

    pint rebuilds a pickled unit in whatever registry the unpickling process
    made its application registry, where ``shi_mu`` or ``CNY`` may not exist
    or may mean something else.
    """

    def __reduce__(self) -> tuple[Callable[[str], pint.Unit], tuple[str]]:
        return (_unpickle_unit, (unit_name(self._units),))


class UnitRegistry(pint.UnitRegistry):  # type: ignore[type-arg]
    """pint's full registry whose quantities are aipark's immutable :class:`Quantity`.

    pint works out the root units and dimension of each of its ~1000 units as
    it builds a registry, a third of the cost of a command-line start; this
    registry works each out on first use instead, through the same pint code
    and into the same cache.  Only ``compatible_units()`` needs the whole
    table, which is built the first time it is asked for.
    """

    Quantity = Quantity
    Unit = Unit

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


def _unpickle(magnitude: Any, unit: str) -> Quantity:
    # Pickles are trusted data (unpickling runs code anyway), so any magnitude
    # pint holds is restored as it was; the unit still goes through the strict
    # grammar, so a name aipark does not define fails loudly.
    if isinstance(magnitude, bool) or not isinstance(magnitude, int | float):
        raise ValidationError(f"cannot unpickle a quantity of magnitude {type(magnitude).__name__}")
    q: Quantity = get_registry().Quantity(magnitude, _parse_units(unit))
    return q


def _unpickle_unit(unit: str) -> pint.Unit:
    return parse_unit(unit)


# --------------------------------------------------------------------------
# Reading text


# Digits are ASCII only: str's \d would also read "٣" or "３" as digits.
_NUMBER = re.compile(
    r"""\s*(?P<sign>[+-]?)
    (?P<digits>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)
    (?P<exp>[eE][+-]?[0-9]{1,3})?
    (?P<word>万亿|亿|万)?
    \s*""",
    re.VERBOSE,
)
_TOKEN = re.compile(r"\s*(?:(?P<name>[^\W\d]\w*)|(?P<op>\*\*|\^|\*|/|·)|(?P<int>[+-]?[0-9]+))\s*")


def _check_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise ValidationError(f"expected {what} as a string, got {type(text).__name__}")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(f"{what} is longer than {MAX_TEXT_LENGTH} characters")
    if any(not c.isprintable() for c in text):
        raise ValidationError(f"{what} {text!r} contains control characters")
    return text


def parse_quantity(text: str) -> Quantity:
    """Read ``"2918 mu"``, ``"2,918亩"``, ``"600亿元"``, ``"150 PFLOPS"`` safely.

    The number is read by aipark (integers stay integers, so money stays
    exact); the unit goes through :func:`parse_unit`.  A bare number is
    dimensionless.  Raises :class:`~aipark.ValidationError` for anything else.
    """
    text = _check_text(text, "a quantity").strip()
    match = _NUMBER.match(text)
    if match is None:
        raise ValidationError(f"{text!r} does not start with a number")
    number = _read_number(match)
    rest = text[match.end() :]
    reg = get_registry()
    if not rest:
        return reg.Quantity(number, "")
    return reg.Quantity(number, _parse_units(rest))


def _read_number(match: re.Match[str]) -> int | float:
    digits = match["digits"].replace(",", "")
    value: int | float
    if "." in digits or match["exp"]:
        value = float(digits + (match["exp"] or ""))
        if not math.isfinite(value):
            raise ValidationError(f"{match.group().strip()!r} is too large")
        if value == 0 and digits.strip("0.") != "":
            raise ValidationError(f"{match.group().strip()!r} is too small to represent")
    else:
        value = int(digits)
    if match["word"]:
        value = value * _MAGNITUDE_WORDS[match["word"]]
    return check_magnitude(-value if match["sign"] == "-" else value)


def parse_unit(text: str) -> pint.Unit:
    """Read a unit expression such as ``"hectare"``, ``"CNY/USD"``, ``"km**2"``, ``"亿元"``.

    Grammar: ``name (("*" | "/") name)*`` where each name may carry a power
    ``**n`` or ``^n`` with ``|n| <= 9``; names are pint names with optional
    prefixes.  Anything else raises :class:`~aipark.ValidationError`.
    """
    text = _check_text(text, "a unit")
    return get_registry().Unit(_parse_units(text))


def _parse_units(text: str) -> UnitsContainer:
    for sup, power in _SUPERSCRIPTS.items():
        text = text.replace(sup, power)
    return _parse_units_cached(text.strip())


@lru_cache(maxsize=1024)
def _parse_units_cached(text: str) -> UnitsContainer:
    """Parse a unit expression into pint's container of canonical names."""
    if not text:
        raise ValidationError("missing unit")
    if text == "dimensionless":
        return UnitsContainer({})
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ValidationError(f"unit {text!r}: unexpected {text[pos : pos + 10]!r}")
        kind = m.lastgroup
        assert kind is not None
        tokens.append((kind, m[kind]))
        pos = m.end()
    units: dict[str, int] = {}
    sign = 1
    i = 0
    factors = 0
    expect_name = True
    while i < len(tokens):
        kind, value = tokens[i]
        if expect_name:
            if kind != "name":
                raise ValidationError(f"unit {text!r}: expected a unit name, got {value!r}")
            factors += 1
            if factors > _MAX_FACTORS:
                raise ValidationError(f"unit {text!r} has more than {_MAX_FACTORS} factors")
            power = 1
            if i + 1 < len(tokens) and tokens[i + 1][1] in ("**", "^"):
                if i + 2 >= len(tokens) or tokens[i + 2][0] != "int":
                    raise ValidationError(f"unit {text!r}: a power must be a small integer")
                power = int(tokens[i + 2][1])
                if power == 0 or abs(power) > _MAX_POWER:
                    raise ValidationError(
                        f"unit {text!r}: powers must be non-zero integers up to {_MAX_POWER}"
                    )
                i += 2
            name = _resolve_name(value)
            units[name] = units.get(name, 0) + sign * power
            if units[name] == 0:
                del units[name]
            expect_name = False
        else:
            if kind != "op" or value not in ("*", "/", "·"):
                raise ValidationError(f"unit {text!r}: expected '*' or '/', got {value!r}")
            sign = -1 if value == "/" else 1
            expect_name = True
        i += 1
    if expect_name:
        raise ValidationError(f"unit {text!r} ends with an operator")
    return UnitsContainer(units)


@lru_cache(maxsize=512)
def _resolve_name(name: str) -> str:
    """Map a unit name, alias or prefixed name to the registry's canonical name."""
    if name in _AMBIGUOUS:
        raise ValidationError(f"unit {name!r} is ambiguous: {_AMBIGUOUS[name]}")
    reg = get_registry()
    with _lock:  # pint's get_name() adds prefixed units to the registry
        if name in reg._units:
            return str(reg._units[name].name)
        candidates = reg.parse_unit_name(name)
        if not candidates:
            raise ValidationError(f"unknown unit {name!r}")
        if len(candidates) > 1:
            options = ", ".join(p + u for p, u, _ in candidates)
            raise ValidationError(f"unit {name!r} is ambiguous: it could be {options}")
        try:
            return str(reg.get_name(name))
        except pint.PintError as exc:
            raise ValidationError(f"unit {name!r}: {exc}") from None


# --------------------------------------------------------------------------
# Building and checking quantities


def check_magnitude(value: object) -> int | float:
    """Return ``value`` if it is a usable amount, else raise :class:`~aipark.ValidationError`.

    An amount is an int or a finite float (never a bool) that converts to a
    float: a larger integer would overflow the first time it is converted.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"expected a number, got {type(value).__name__}")
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
    raise ValidationError(f"expected a quantity or text such as '2918 mu', got {value!r}")


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
        key=lambda kv: kv[1] < 0,
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


@lru_cache(maxsize=4096)
def conversion_ratio(src: UnitsContainer, dst: UnitsContainer) -> Fraction | None:
    """The exact factor from ``src`` to ``dst`` units, or None for offset units.

    pint keeps each unit's factor to root units as a float (the mu's 2000/3
    m² as 666.6666666666666), so dividing two of them leaves noise: pint's
    ``EFLOPS -> PFLOPS`` is 1000.0000000000001.  Each float is read back as
    the simple fraction it was written as, when one rounds to it exactly, and
    the ratio is taken in fractions: hectare to mu is exactly 15.
    """
    reg = get_registry()
    try:
        src_factor, src_root = reg._get_root_units(src)
        dst_factor, dst_root = reg._get_root_units(dst)
    except pint.PintError as exc:
        raise ConversionError(str(exc)) from None
    if src_factor is None or dst_factor is None:
        return None
    if src_root != dst_root:
        raise ConversionError(
            f"cannot convert {unit_name(src) or 'dimensionless'} "
            f"({reg._get_dimensionality(src) or 'dimensionless'}) "
            f"to {unit_name(dst) or 'dimensionless'} "
            f"({reg._get_dimensionality(dst) or 'dimensionless'})"
        )
    return _rational(src_factor) / _rational(dst_factor)


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
    near = Fraction(x).limit_denominator(10**6)
    return near if float(near) == x else Fraction(repr(float(x)))


def plain_quantity(q: Quantity, *, digits: int = 6) -> str:
    """Locale-neutral text that aipark's parser reads back: ``"2,918 mu"``, ``"150 PFLOPS"``.

    No babel: for the command line's ``convert`` and for logs.
    """
    name = unit_name(q._units)
    label = _PLAIN_LABELS.get(name)
    if label is None:
        label = f"{q.units:~P}"
    magnitude = q.magnitude
    if isinstance(magnitude, float):
        number = f"{magnitude:,.{digits}g}" if abs(magnitude) < 1e15 else f"{magnitude:.{digits}g}"
        if "e" not in number and "." not in number and abs(magnitude) >= 10**digits:
            number = f"{round(magnitude):,}"
    else:
        number = f"{magnitude:,}"
    return f"{number} {label}".strip()


# Short labels for units whose pint symbol is unhelpful or ambiguous.
_PLAIN_LABELS: Final = {
    "shi_mu": "mu",
    "qing": "qing",
    "CNY": "yuan",
    "USD": "USD",
    "EUR": "EUR",
    "dimensionless": "",
}
