"""The tables of the documentation page "Units aipark reads", drawn from the registry and parser.

Nothing here is written by hand: each row comes from aipark's registry
(``units.txt`` over pint's defaults) or from the parser's tables in
:mod:`aipark._spellings`, so the page says what the parser does.  The docs'
``aipark-units`` directive renders these sections; the tests read every
spelling listed back through the parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

from . import _spellings
from .units import _AMBIGUOUS, _exact_scale_of, get_registry, parse_unit, unit_name

__all__ = ["DOMAIN_UNITS", "Section", "sections"]

#: The units of parks and computing centers the page lists, by canonical name.
DOMAIN_UNITS = (
    "shi_mu",
    "qing",
    "hectare",
    "meter ** 2",
    "kilometer ** 2",
    "CNY",
    "USD",
    "EUR",
    "FLOP",
    "FLOPS",
    "teraFLOPS",
    "petaFLOPS",
    "exaFLOPS",
    "zettaFLOPS",
)

_FLOPS_SYMBOLS = {"tera": "T", "peta": "P", "exa": "E", "zetta": "Z"}


class Section(NamedTuple):
    """One table of the page: a title, a sentence saying what it lists, a header and rows."""

    title: str
    text: str
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def sections() -> list[Section]:
    """Every table of the page, in order."""
    return [
        _units(),
        _magnitudes(),
        _symbols(),
        _traditional(),
        _signs(),
        _bounds(),
        _precisions(),
        _refused(),
        _case_traps(),
    ]


def spellings_of(name: str) -> list[str]:
    """Every spelling the parser reads as the unit ``name`` (canonical, such as ``shi_mu``)."""
    reg = get_registry()
    units = parse_unit(name)._units
    found: list[str] = []
    if len(units) == 1 and name in reg._units:
        found += [k for k, d in reg._units.items() if d.name == name and k != "_"]
    else:
        found += [name, f"{reg.Unit(units):~P}", f"{reg.Unit(units):~C}"]
    found += [k for k, v in _spellings.UNIT_SPELLINGS.items() if v == name]
    prefix = name[: -len("FLOPS")] if name.endswith("FLOPS") else None
    if prefix in _FLOPS_SYMBOLS:
        letter = _FLOPS_SYMBOLS[prefix]
        found += [
            f"{letter}FLOPS",
            f"{letter}Flops",
            f"{letter}flops",
            f"{letter.lower()}flops",
            f"{prefix}flops",
            f"{letter}FLOP/s",
            f"{prefix}-FLOPS",
        ]
        found += [k for k, v in _spellings.COMPUTE_SHORTHAND.items() if v == name]
    return sorted(dict.fromkeys(found), key=lambda s: (s != name, s.lower(), s))


def _definition(name: str) -> str:
    """The exact definition of a unit in root units: ``2000/3 m²``; currencies are their own."""
    reg = get_registry()
    units = parse_unit(name)._units
    dimension = reg._get_dimensionality(units)
    if any(str(d).startswith("[currency_") for d in dimension):
        return f"its own dimension, {dimension}: converts only with an exchange rate"
    factor = _exact_scale_of(units)
    assert factor is not None, name
    _, root = reg._get_root_units(units)
    root_text = f"{reg.Unit(root):~P}" if root else ""
    if root_text in ("FLOP/s",):
        root_text = "FLOP per second"
    if root == units:
        return f"a base unit, {dimension}"
    return f"{_fraction(Fraction(factor))} {root_text}".strip()


def _fraction(x: Fraction) -> str:
    if x.denominator == 1:
        n = x.numerator
        return f"10^{len(str(n)) - 1}" if n >= 10**4 and str(n).strip("0") == "1" else f"{n:,}"
    return f"{x.numerator:,}/{x.denominator:,}"


def _units() -> Section:
    rows = [
        (unit_name(parse_unit(name)._units), _definition(name), ", ".join(spellings_of(name)))
        for name in DOMAIN_UNITS
    ]
    return Section(
        "Domain units",
        "Each unit with its exact definition (what conversions compute with) and every "
        "spelling the parser reads as it; prefixes such as k, M, 万 and 亿 combine with any.",
        ("unit (as aipark writes it)", "exact definition", "spellings"),
        rows,
    )


def _magnitudes() -> Section:
    rows = [
        (word, _fraction(Fraction(factor)), f"3{word}亩" if factor < 10**12 else f"2{word}元")
        for word, factor in _spellings.CHINESE_MAGNITUDES.items()
    ]
    rows += [
        (word, _fraction(Fraction(factor)), f"60 {word} yuan")
        for word, factor in _spellings.ENGLISH_MAGNITUDES.items()
    ]
    return Section(
        "Magnitude words",
        "Written after the number, with or without a space, a magnitude word scales it; "
        "the quantity keeps the plain unit (3万亩 is 30000 mu).",
        ("word", "factor", "example"),
        rows,
    )


def _symbols() -> Section:
    rows = [
        (spelling, unit)
        for spelling, unit in _spellings.UNIT_SPELLINGS.items()
        if unit not in DOMAIN_UNITS
    ]
    rows.append(("m², s⁻¹, m⁴ (any superscript power)", "meter ** 2, ..."))
    rows.append(("1/s", "second ** -1"))
    return Section(
        "Symbols",
        "Symbols pint's own parser does not read; aipark writes them too (see plain_quantity).",
        ("symbol", "unit"),
        rows,
    )


def _traditional() -> Section:
    rows = [(t, s) for t, s in _spellings.TRADITIONAL.items()]
    return Section(
        "Traditional characters",
        "Hong Kong and Taiwan sources print these; each reads as its Simplified form.",
        ("Traditional", "Simplified"),
        rows,
    )


def _signs() -> Section:
    rows = [(sign, code, f"{sign}8.69 billion") for sign, code in _spellings.CURRENCY_SIGNS.items()]
    return Section(
        "Currency signs",
        "Before the number, as CLDR's English data reads them.",
        ("sign", "currency", "example"),
        rows,
    )


def _bounds() -> Section:
    rows = [(word, "before", bound) for word, bound in _spellings.BOUND_PREFIXES.items()]
    rows += [(word, "after", bound) for word, bound in _spellings.BOUND_SUFFIXES.items()]
    return Section(
        "Words that bound a figure",
        "A Target takes its bound from these words (read_figure returns it); parse_quantity "
        "and every other field refuse them rather than drop them.",
        ("word", "where", "bound"),
        rows,
    )


def _precisions() -> Section:
    rows = [(word, precision) for word, precision in _spellings.PRECISIONS.items()]
    return Section(
        "Precisions beside a compute figure",
        "Written after the figure, alone or in brackets (2.5 EFLOPS (FP16)); a "
        "ComputingCenter keeps it as its precision, other fields refuse it.",
        ("word", "precision"),
        rows,
    )


def _refused() -> Section:
    rows = [(sign, reason) for sign, reason in _spellings.REFUSED_SIGNS.items()]
    rows += [
        (
            f"100{letter}",
            f"{unit} in a compute field or with a FLOPS target; elsewhere ambiguous",
        )
        for letter, unit in _spellings.COMPUTE_SHORTHAND.items()
    ]
    rows += [
        (f"5 {prefix}flops", "sub-unit FLOPS: nobody means them")
        for prefix in _spellings.FLOPS_REFUSED_PREFIXES
    ]
    rows += [(name, reason) for name, reason in _AMBIGUOUS.items()]
    rows += [
        (f"5 {text}", "pint's symbol u (atomic mass) under a prefix: a likely slip")
        for text in ("muu", "ku")
    ]
    rows += [
        (f"20亿{word}30亿元", "a range: aipark reads one figure, give one end with its bound")
        for word in _spellings.RANGE_WORDS
    ]
    return Section(
        "Refused, with a hint",
        "Text that reads two ways is refused with a message saying how to write it.",
        ("text", "why"),
        rows,
    )


def _case_traps() -> Section:
    """Letter-case variants of domain spellings that pint would read as another dimension."""
    reg = get_registry()
    rows = []
    for spelling, canonical in _spellings.DOMAIN_UNITS.items():
        meant = reg._get_dimensionality(parse_unit(canonical)._units)
        variants = {spelling.upper(), spelling.lower(), spelling.capitalize(), spelling.title()}
        variants |= {spelling[:-1] + spelling[-1].swapcase(), spelling[0].lower() + spelling[1:]}
        for variant in sorted(variants - {spelling}):
            try:
                found = reg.parse_units(variant)
            except Exception:  # pint does not know it: an unknown unit, with "did you mean"
                continue
            if found.dimensionality != meant:
                other = unit_name(found._units)
                rows.append((variant, f"{other} ({found.dimensionality})", spelling))
    return Section(
        "Case traps",
        "Each of these differs from a domain unit only in letter case and would be another "
        "dimension to pint; aipark refuses it and names the unit probably meant.",
        ("text", "what pint reads", "probably meant"),
        rows,
    )
