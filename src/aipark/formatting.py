"""Quantities, money and names in the reader's language, through babel (CLDR).

The text layer's base: :mod:`aipark.factsheet` (``describe``) and
:mod:`aipark.display` (the REPL) write their figures, dates and names with it;
:mod:`aipark.locales` checks locales and holds the catalogs.  babel is imported
only inside functions, so ``import aipark`` stays cheap.  Every function takes
an explicit ``locale`` (a CLDR identifier such as ``"en_US"``, ``"zh_CN"`` or
``"de-DE"``); aipark never reads the process's locale.  When a caller passes none, the locale is
:data:`DEFAULT_LOCALE`, ``"en_US"``: that is what ``aipark show`` and the REPL
display use.

What comes from where:

* numbers, dates, currencies (``CN¥60B``, ``600亿``, ``60 Mrd. CN¥``) and the
  units CLDR knows (hectare, acre, square kilometer...): babel, through the
  explicit table :data:`CLDR_UNITS` from pint unit names to CLDR unit ids; a
  ratio of two such units (``1 kilometer per hour``, ``每秒5米``) through babel's
  ``format_compound_unit``;
* units CLDR lacks (亩 / mu, 顷 / qing, FLOP and FLOPS) and ``元`` for yuan in
  Chinese: aipark's own labels, with CLDR plural categories;
* anything else, prefixed FLOPS included (``150 PFLOPS``, long ``150
  petaFLOPS``): pint's symbols and names with their SI prefixes (``~P``);
* aipark's unit labels and the fact sheet's headings: English messages
  translated by gettext catalogs (:mod:`aipark.locales`) into German and
  Chinese (Simplified and Traditional); other locales get English words with
  their own numbers, dates and units.

Chinese locales (``zh`` in Han script: ``zh``, ``zh_CN``, ``zh_Hant``,
``zh_TW``...) show a thing's ``local_name``; the rest show its English name.  A
Chinese name that no source confirms (``local_name_verified=False``) is marked
as a tentative rendering and never shown as the official one.  Chinese names
are stored in Simplified characters and shown as stored in every Chinese locale.

:func:`plain_quantity` is the babel-free text the command line's ``convert``
prints; aipark's parser reads it back.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

from pint.util import UnitsContainer

from .errors import ConversionError, ValidationError
from .locales import NP_, Message, NnP_, _check_locale, _Locale, catalog
from .models import (
    Location,
)
from .units import Quantity, as_quantity, currencies_of, parse_unit, plain_quantity, unit_name

if TYPE_CHECKING:
    import babel

    from .units import QuantityInput

__all__ = [
    "CLDR_UNITS",
    "DEFAULT_LOCALE",
    "format_quantity",
    "plain_quantity",
]

#: The locale used when a caller passes none: the command line and the REPL display.
DEFAULT_LOCALE: Final = "en_US"

Length = Literal["short", "long", "narrow"]
# Widths of aipark's own labels, currencies and compact numbers: narrow is short there.
_Width = Literal["short", "long"]

#: pint's canonical unit names (as :func:`aipark.units.unit_name` writes them) to
#: CLDR unit ids, which babel formats in every locale.  Units in neither this
#: table nor aipark's own labels are written with pint's symbol.
CLDR_UNITS: Final[Mapping[str, str]] = {
    # area
    "hectare": "area-hectare",
    "acre": "area-acre",
    "kilometer ** 2": "area-square-kilometer",
    "meter ** 2": "area-square-meter",
    "centimeter ** 2": "area-square-centimeter",
    "mile ** 2": "area-square-mile",
    "yard ** 2": "area-square-yard",
    "foot ** 2": "area-square-foot",
    "inch ** 2": "area-square-inch",
    # length
    "kilometer": "length-kilometer",
    "meter": "length-meter",
    # power and energy (data centers)
    "watt": "power-watt",
    "kilowatt": "power-kilowatt",
    "megawatt": "power-megawatt",
    "gigawatt": "power-gigawatt",
    "joule": "energy-joule",
    "kilojoule": "energy-kilojoule",
    "kilowatt_hour": "energy-kilowatt-hour",
    # storage
    "byte": "digital-byte",
    "gigabyte": "digital-gigabyte",
    "terabyte": "digital-terabyte",
    "petabyte": "digital-petabyte",
    # time
    "year": "duration-year",
    "month": "duration-month",
    "week": "duration-week",
    "day": "duration-day",
    "hour": "duration-hour",
    "minute": "duration-minute",
    "second": "duration-second",
    # other
    "percent": "concentr-percent",
    "kilogram": "mass-kilogram",
    "metric_ton": "mass-tonne",
    "liter": "volume-liter",
    "meter ** 3": "volume-cubic-meter",
    "degree_Celsius": "temperature-celsius",
    "degree_Fahrenheit": "temperature-fahrenheit",
    "kelvin": "temperature-kelvin",
}

# --------------------------------------------------------------------------
# Units CLDR lacks: aipark's own labels, short and long, in English; the catalogs
# translate them.  "{0}" is the formatted number.

_UNIT_LABELS: Final[dict[str, tuple[Message, Message]]] = {
    "shi_mu": (
        NP_("unit, short", "{0} mu"),
        NP_("unit, long", "{0} mu"),
    ),
    "qing": (
        NP_("unit, short", "{0} qing"),
        NP_("unit, long", "{0} qing"),
    ),
    "FLOP": (
        NP_("unit, short", "{0} FLOP"),
        NnP_("unit, long", "{0} floating-point operation", "{0} floating-point operations"),
    ),
    "FLOPS": (
        NP_("unit, short", "{0} FLOPS"),
        NnP_(
            "unit, long",
            "{0} floating-point operation per second",
            "{0} floating-point operations per second",
        ),
    ),
}

# "600亿元": Chinese readers count yuan in 元, not in CLDR's long name 人民币.
_CHINESE_CURRENCY_LONG: Final = {"CNY": "{0}元"}

# --------------------------------------------------------------------------
# Quantities


def format_quantity(
    q: QuantityInput,
    *,
    locale: str | babel.Locale = DEFAULT_LOCALE,
    length: Length = "short",
    compact: bool = False,
) -> str:
    """A quantity as a reader of ``locale`` writes it.

    >>> format_quantity("600亿元", locale="de_DE", compact=True)
    '60\\xa0Mrd.\\xa0CN¥'
    >>> format_quantity("2918 mu", locale="zh_CN")
    '2,918亩'
    >>> format_quantity("150 PFLOPS", locale="en_US")
    '150 PFLOPS'

    ``q`` is a quantity of any pint registry or text such as ``"600亿元"``;
    ``locale`` a CLDR identifier or a :class:`babel.Locale`.  ``length`` is
    ``"short"`` (symbols: ``ha``, ``CN¥``), ``"narrow"`` (CLDR's tightest
    symbols, ``194.5ha``; where CLDR has none, as short) or ``"long"`` (names:
    ``hectares``, ``Chinese yuan``).  ``compact`` writes money and plain counts
    in the locale's compact form (``CN¥60B``, ``¥600亿``, ``60 Mrd. CN¥``; with
    ``length="long"``: ``60 billion Chinese yuan``, ``600亿元``); other
    measurements are always written in full.  Numbers keep up to three
    fraction digits (money: the currency's digits; compact: two).

    Raises :class:`~aipark.ValidationError` for an unknown locale, a bad
    ``length`` or an unreadable quantity.
    """
    loc = _check_locale(locale)
    if length not in ("short", "long", "narrow"):
        raise ValidationError(f"length must be 'short', 'long' or 'narrow', got {length!r}")
    if not isinstance(compact, bool):
        raise ValidationError(f"compact must be True or False, got {compact!r}")
    return _format(as_quantity(q), loc, length, compact)


def _format(q: Quantity, loc: _Locale, length: Length, compact: bool) -> str:
    width: _Width = "long" if length == "long" else "short"
    value = q.magnitude
    name = unit_name(q._units)
    code = _currency_code(q)
    if code is not None and name != code:  # a prefixed currency such as kiloCNY
        converted = _to(q, code).magnitude
        if math.isfinite(converted):
            value = converted
        else:  # too large in plain units (1.7e308 kCNY): keep the prefix
            code = None
    if code is not None:
        return _money(value, code, loc, width, compact)
    if name == "dimensionless":
        return _number(value, loc, compact=compact, length=width)
    own = _own_label(name, loc, width, value)
    if own is not None:
        return own.format(_number(value, loc))
    cldr = _cldr_unit(value, q, loc, length)
    if cldr is not None:
        return cldr
    # pint's symbols with their SI prefixes: "150 PFLOPS" in short, "150 petaFLOPS" in long.
    symbol = f"{q.units:P}" if length == "long" else f"{q.units:~P}"
    return f"{_number(value, loc)} {symbol}"


def _cldr_unit(value: float, q: Quantity, loc: _Locale, length: Length) -> str | None:
    """``q`` through babel when CLDR knows its unit, or both parts of a ratio (km/h)."""
    from babel.units import UnknownUnitError, format_compound_unit, format_unit

    fmt = _pattern(value)
    cldr = CLDR_UNITS.get(unit_name(q._units))
    try:
        if cldr is not None:
            text: str = format_unit(value, cldr, length=length, format=fmt, locale=loc.babel)
            return text
        powers: dict[str, Any] = dict(q._units.items())
        above = {name: power for name, power in powers.items() if power > 0}
        below = {name: -power for name, power in powers.items() if power < 0}
        numerator = CLDR_UNITS.get(unit_name(UnitsContainer(above))) if above else None
        denominator = CLDR_UNITS.get(unit_name(UnitsContainer(below))) if below else None
        if numerator is None or denominator is None:
            return None
        compound: str | None = format_compound_unit(
            value,
            numerator,
            denominator_unit=denominator,
            length=length,
            format=fmt,
            locale=loc.babel,
        )
    except UnknownUnitError:  # the locale's data lacks this unit
        return None
    return compound


def _to(q: Quantity, unit: str) -> Quantity:
    """``q`` in ``unit``, one of aipark's own unit names (never outside text), exactly."""
    from .conversion import convert

    try:
        return convert(q, unit)
    except ConversionError:  # too large for a float in ``unit``: infinite, as pint has it
        converted: Quantity = q.to(parse_unit(unit))
        return converted


def _currency_code(q: Quantity) -> str | None:
    """The ISO code when ``q`` is an amount of one currency (not a rate)."""
    codes = currencies_of(q)
    if len(codes) == 1 and len(q.dimensionality) == 1 and next(iter(codes.values())) == 1:
        return next(iter(codes))
    return None


def _money(value: float, code: str, loc: _Locale, length: _Width, compact: bool) -> str:
    from babel.numbers import (
        format_compact_currency,
        format_compact_decimal,
        format_currency,
        get_currency_name,
        get_currency_unit_pattern,
    )

    chinese_long = _CHINESE_CURRENCY_LONG.get(code) if loc.chinese else None
    if _extreme(value):  # beyond what currency patterns hold: 1E30 CNY
        number = _number(value, loc)
        if length == "short":
            return f"{number} {code}"
    elif length == "short":
        if compact:
            text: str = format_compact_currency(value, code, locale=loc.babel, fraction_digits=2)
            return text
        return format_currency(value, code, locale=loc.babel)
    elif compact:
        number = format_compact_decimal(
            value, format_type="long", locale=loc.babel, fraction_digits=2
        )
    elif chinese_long is not None:
        number = format_currency(value, code, format="#,##0.00", locale=loc.babel)
    else:
        return format_currency(value, code, locale=loc.babel, format_type="name")
    if chinese_long is not None:
        return chinese_long.format(number)
    pattern = get_currency_unit_pattern(code, count=value, locale=loc.babel)
    currency = get_currency_name(code, count=value, locale=loc.babel)
    return str(pattern).replace("{0}", number).replace("{1}", currency)


def _own_label(name: str, loc: _Locale, length: _Width, value: float) -> str | None:
    """aipark's pattern for a unit CLDR lacks, in the plural form ``value`` needs."""
    labels = _UNIT_LABELS.get(name)
    if labels is None:
        return None
    return catalog(loc.key).translate(labels[length == "long"], abs(value))


def _extreme(value: float) -> bool:
    """True for figures babel's fixed-point patterns cannot hold (its decimals keep 28 digits)."""
    return value != 0 and not 1e-6 <= abs(value) < 1e21


def _pattern(value: float) -> str | None:
    """A number pattern for figures the locale's own would spoil, else None.

    Scientific for extreme figures; three significant digits for small ones the
    locale's pattern (three fraction digits) would print as 0.
    """
    if _extreme(value):
        return "0.##E0"
    if value != 0 and abs(value) < 0.0005:
        return "@@@"
    return None


def _number(value: float, loc: _Locale, *, compact: bool = False, length: _Width = "short") -> str:
    from babel.numbers import format_compact_decimal, format_decimal

    if compact and not _extreme(value):
        text: str = format_compact_decimal(
            value, format_type=length, locale=loc.babel, fraction_digits=2
        )
        return text
    return format_decimal(value, format=_pattern(value), locale=loc.babel)


def _date(value: datetime.date, loc: _Locale, width: str = "long") -> str:
    from babel.dates import format_date

    text: str = format_date(value, format=width, locale=loc.babel)
    return text


# --------------------------------------------------------------------------
# Names and places

#: Fonts with Chinese characters (Simplified first), then the generic family: what
#: the HTML display and the SVG diagram name for Chinese text, so a browser picks
#: a Chinese font rather than drawing empty boxes (Linux: package fonts-noto-cjk).
CJK_FONT_FAMILY: Final = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",'
    ' "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)

# Han characters, CJK punctuation and full-width forms: a Chinese run.  Quotes,
# middle dots and dashes between or around them belong to the run too, so
# '"海之心"人工智能计算中心' is one run.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CHINESE_RUN: Final = re.compile(rf'"?[{_CJK}]+(?:[\-–·"]?[{_CJK}]+)*(?:"(?![\w{_CJK}]))?')


def chinese_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs, each with whether it is Chinese.

    >>> chinese_runs('Valley (青岛智算谷)')
    [('Valley (', False), ('青岛智算谷', True), (')', False)]
    """
    runs: list[tuple[str, bool]] = []
    last = 0
    for match in _CHINESE_RUN.finditer(text):
        if match.start() > last:
            runs.append((text[last : match.start()], False))
        runs.append((match[0], True))
        last = match.end()
    if last < len(text):
        runs.append((text[last:], False))
    return runs


def _name(obj: Any, loc: _Locale) -> str:
    """``obj``'s name for readers of ``loc``; an unconfirmed Chinese name is marked."""
    local = getattr(obj, "local_name", None)
    if not local:
        return loc.message("untranslated").format(name=obj.name)
    verified = getattr(obj, "local_name_verified", True)
    return loc.message("with_local" if verified else "unverified").format(
        name=obj.name, local=local
    )


@lru_cache(maxsize=1)
def _territory_codes() -> dict[str, str]:
    """English country names (CLDR) to territory codes, to name a country in any locale."""
    from babel import Locale

    return {name: code for code, name in Locale("en").territories.items() if code.isalpha()}


def _place(location: Location, loc: _Locale) -> str:
    country = location.country
    code = _territory_codes().get(country) if country else None
    if code is not None:
        country = loc.babel.territories.get(code, country)
    if loc.chinese:
        parts = [
            country,
            location.local_province or location.province,
            location.local_city or location.city,
            location.local_district or location.district,
        ]
        present = [p for p in parts if p]
        all_local = all(_is_han(p) for p in present)
        return ("" if all_local else "，").join(present)
    english = (location.district, location.city, location.province, country)
    return ", ".join(p for p in english if p)


def _is_han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c in "·-–" for c in text)
