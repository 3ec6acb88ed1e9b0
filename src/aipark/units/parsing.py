"""The one reader of text: numbers, magnitude words, spellings, shorthands and did-you-mean.

Text from outside (``"2918 mu"``) is never given to pint's expression
parser, which evaluates arithmetic and hangs on ``"9**9**9 m"``.  aipark reads
the number itself and checks the unit against a strict grammar: names with
optional prefixes, ``*``, ``/`` and small integer powers.
"""

from __future__ import annotations

import difflib
import math
import re
from fractions import Fraction
from functools import lru_cache
from typing import Any, Final, NamedTuple

import pint
from pint.util import UnitsContainer

from .. import _spellings
from ..errors import ValidationError, shown
from .registry import (
    Quantity,
    _lock,
    _new_quantity,
    check_magnitude,
    get_registry,
    unit_name,
)

#: Longest quantity or unit text aipark reads; longer input is refused unread.
MAX_TEXT_LENGTH: Final = 200
_MAX_POWER: Final = 9
_MAX_FACTORS: Final = 12


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
    """A regex group of ``words``, longest first, each escaped.

    Under ``re.IGNORECASE`` a Unicode pattern also matches four non-ASCII
    letters for ASCII ones ("thouſand", "MİLLİON", the Kelvin sign for k);
    then ``.lower()`` would not find the word in its table.  The group's
    ``a`` flag keeps case-insensitive matching of the words to ASCII.
    """
    return "(?a:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


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
        or len(found["word"]) > 1  # 万亿, 千万: never a prefix (the registry has 万 and 亿)
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
    rf"(?P<pre>{_alternatives(['万亿', '亿', '万'])})?"  # the registry's prefixes, and 万亿
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
                raise ValidationError(f"unknown unit {name!r}" + _power_hint(name, reg))
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


def _power_hint(name: str, reg: Any) -> str:
    """For a length with a digit, "km2" or "m3" (web pages print them for km² and m³):
    how to write the power; else the closest names."""
    power = _BARE_POWER.fullmatch(name)
    if power is not None and len(found := reg.parse_unit_name(power["unit"])) == 1:
        _, base, _ = found[0]
        if reg.get_dimensionality(base) == reg.get_dimensionality("meter"):  # km2, not ha2
            unit, n = power["unit"], power["n"]
            return f": write the power as '{unit}{_SUPERSCRIPTS[n]}' or '{unit}**{n}'"
    return _did_you_mean(name)


_BARE_POWER: Final = re.compile(r"(?P<unit>[A-Za-z]+)(?P<n>[23])")
_SUPERSCRIPTS: Final = {"2": "²", "3": "³"}


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
