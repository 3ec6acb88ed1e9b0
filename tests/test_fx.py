"""Dated exchange rates: ECB reference rates, weekends and holidays, refusals, pint contexts."""

from __future__ import annotations

import datetime
import math
import sys

import pint
import pytest

import aipark
from aipark import fx
from aipark.cli import run

LAUNCH = datetime.date(2023, 2, 23)  # a Thursday
# The ECB's published euro reference rates of 2023-02-23 (euro-denominated).
ECB_USD_PER_EUR = 1.0616
ECB_CNY_PER_EUR = 7.3227


def test_launch_day_conversion_is_within_half_a_percent_of_the_reported_figure() -> None:
    """60 billion yuan on the launch day: close to the article's $8.69 billion."""
    usd = aipark.convert("600亿元", "USD", on=LAUNCH)
    assert str(usd.units) == "USD"
    assert abs(usd.magnitude - 8.69e9) / 8.69e9 < 0.005


def test_launch_day_conversion_is_the_ecb_cross_rate() -> None:
    """The rate is the cross rate of the ECB's published USD and CNY rates that day."""
    usd = aipark.convert("60000000000 CNY", "USD", on=LAUNCH)
    expected = 60e9 * ECB_USD_PER_EUR / ECB_CNY_PER_EUR
    assert math.isclose(usd.magnitude, expected, rel_tol=1e-12)


def test_rate_carries_day_source_and_direction() -> None:
    """An ExchangeRate says which day and which publication it comes from."""
    rate = aipark.exchange_rate("USD", "CNY", on=LAUNCH)
    assert rate.on == rate.requested == LAUNCH
    assert (rate.base, rate.quote) == ("USD", "CNY")
    assert math.isclose(rate.rate.magnitude, ECB_CNY_PER_EUR / ECB_USD_PER_EUR, rel_tol=1e-12)
    assert rate.source is not None
    assert rate.source.publisher == "European Central Bank"
    assert rate.source.published == LAUNCH
    assert rate.note == "cross rate via EUR"
    direct = aipark.exchange_rate("EUR", "USD", on=LAUNCH)
    assert direct.note is None
    assert direct.rate.magnitude == ECB_USD_PER_EUR


@pytest.mark.parametrize(
    ("requested", "published"),
    [
        (datetime.date(2023, 2, 25), datetime.date(2023, 2, 24)),  # Saturday
        (datetime.date(2023, 2, 26), datetime.date(2023, 2, 24)),  # Sunday
        (datetime.date(2023, 4, 7), datetime.date(2023, 4, 6)),  # Good Friday
        (datetime.date(2023, 4, 10), datetime.date(2023, 4, 6)),  # Easter Monday
        (datetime.date(2023, 12, 26), datetime.date(2023, 12, 22)),  # Boxing Day
    ],
)
def test_days_without_rates_use_the_last_published_rate(
    requested: datetime.date, published: datetime.date
) -> None:
    """Weekends and TARGET holidays resolve to the previous business day, and say so."""
    rate = aipark.exchange_rate("CNY", "USD", on=requested)
    assert rate.on == published
    assert rate.requested == requested
    assert rate.source is not None
    assert rate.source.published == published
    assert rate.rate == aipark.exchange_rate("CNY", "USD", on=published).rate
    converted = aipark.convert("100 CNY", "USD", on=requested)
    assert converted == aipark.convert("100 CNY", "USD", on=published)


@pytest.mark.parametrize(
    ("currencies", "day"),
    [
        (("EUR", "USD"), datetime.date(1998, 12, 31)),  # before the euro
        (("CNY", "USD"), datetime.date(2005, 3, 31)),  # before the ECB's CNY series
        (("CNY", "USD"), datetime.date(2100, 1, 1)),  # after the bundled data
    ],
)
def test_dates_outside_the_data_are_refused(
    currencies: tuple[str, str], day: datetime.date
) -> None:
    """No silent nearest rate: a clear MissingRateError naming the covered range."""
    with pytest.raises(aipark.MissingRateError, match="bundled data covers"):
        aipark.exchange_rate(*currencies, on=day)
    with pytest.raises(aipark.AiparkError, match="bundled data covers"):
        aipark.convert(f"1 {currencies[0]}", currencies[1], on=day)


def test_day_after_the_last_rate_is_refused_even_on_a_weekend() -> None:
    """After the data ends aipark cannot know what was published, so it refuses."""
    last = fx._load_table().bounds["USD"].last_date
    aipark.exchange_rate("EUR", "USD", on=last)
    with pytest.raises(aipark.MissingRateError):
        aipark.exchange_rate("EUR", "USD", on=last + datetime.timedelta(days=1))


@pytest.mark.parametrize("day", ["2023-02-23", datetime.datetime(2023, 2, 23, 12), 20230223, None])
def test_dates_must_be_dates(day: object) -> None:
    """Text, datetimes and numbers are not taken for a date."""
    with pytest.raises(aipark.ValidationError, match="date"):
        aipark.exchange_rate("CNY", "USD", on=day)  # type: ignore[arg-type]


def test_convert_checks_on_even_without_money() -> None:
    """A bad ``on`` is an error even where no rate is needed."""
    with pytest.raises(aipark.ValidationError, match="date"):
        aipark.convert("2918 mu", "hectare", on="2023-02-23")  # type: ignore[arg-type]
    assert aipark.convert("2918 mu", "hectare", on=LAUNCH) == aipark.convert("2918 mu", "hectare")


@pytest.mark.parametrize(
    ("src", "dst", "message"),
    [
        ("hectare", "USD", "not a currency"),
        ("CNY/USD", "USD", "not a currency"),
        ("CNY", "CNY", "needs no exchange rate"),
        ("dollar", "CNY", "unknown unit"),
    ],
)
def test_bad_currencies_are_refused(src: str, dst: str, message: str) -> None:
    """Only single, different currencies have a rate."""
    with pytest.raises(aipark.ValidationError, match=message):
        aipark.exchange_rate(src, dst, on=LAUNCH)


def test_currency_aliases_and_units_are_accepted() -> None:
    """元 and a pint unit name the same currency as CNY."""
    by_alias = aipark.exchange_rate("元", "USD", on=LAUNCH)
    by_unit = aipark.exchange_rate(aipark.ureg.CNY, aipark.ureg.USD, on=LAUNCH)
    assert by_alias == by_unit == aipark.exchange_rate("CNY", "USD", on=LAUNCH)


def test_explicit_rate_wins_over_a_date() -> None:
    """rate= is used as given, whatever on= says."""
    parity = aipark.convert("600亿元", "USD", rate="6.9028 CNY/USD")
    assert aipark.convert("600亿元", "USD", rate="6.9028 CNY/USD", on=LAUNCH) == parity
    ecb = aipark.exchange_rate("CNY", "USD", on=datetime.date(2023, 2, 24))
    assert aipark.convert("600亿元", "USD", rate=ecb, on=LAUNCH) == aipark.convert(
        "600亿元", "USD", on=datetime.date(2023, 2, 24)
    )


def test_exchange_rate_objects_work_in_either_direction() -> None:
    """An ExchangeRate converts both ways; inverse() flips it and keeps its day."""
    rate = aipark.ExchangeRate("6.9028 CNY/USD", on=LAUNCH)
    usd = aipark.convert("600亿元", "USD", rate=rate)
    assert math.isclose(usd.magnitude, 60e9 / 6.9028, rel_tol=1e-12)
    back = aipark.convert(usd, "CNY", rate=rate.inverse())
    assert math.isclose(back.magnitude, 60e9, rel_tol=1e-12)
    assert rate.inverse().on == LAUNCH
    assert (rate.inverse().base, rate.inverse().quote) == ("CNY", "USD")


def test_money_without_rate_or_date_is_refused() -> None:
    """The error says both ways to give a rate."""
    with pytest.raises(aipark.MissingRateError, match=r"rate=.*on="):
        aipark.convert("600亿元", "USD")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rate": "-6.9 CNY/USD"}, "rate"),
        ({"rate": "0 CNY/USD"}, "rate"),
        ({"rate": "6.9 m/s"}, "rate"),
        ({"rate": "6.9 CNY"}, "rate"),
        ({"rate": "6.9 CNY*USD"}, "rate"),
        ({"rate": "6.9 CNY/USD", "on": datetime.datetime(2023, 2, 23)}, "on"),
        ({"rate": "6.9 CNY/USD", "on": LAUNCH, "requested": datetime.date(2023, 2, 22)}, "earlier"),
        ({"rate": "6.9 CNY/USD", "note": 3}, "note"),
    ],
)
def test_exchange_rate_validation(kwargs: dict[str, object], field: str) -> None:
    """Bad rates are ValidationErrors naming the field."""
    rate = kwargs.pop("rate")
    with pytest.raises(aipark.ValidationError, match=field):
        aipark.ExchangeRate(rate, **kwargs)  # type: ignore[arg-type]


def test_exchange_rate_round_trips_through_dicts() -> None:
    """A rate with its source survives to_dict / from_dict unchanged."""
    rate = aipark.exchange_rate("CNY", "USD", on=datetime.date(2023, 2, 25))
    data = aipark.to_dict(rate)
    assert data["on"] == "2023-02-24"
    assert data["requested"] == "2023-02-25"
    assert aipark.from_dict(data, aipark.ExchangeRate) == rate


def test_money_stays_exact_through_dicts() -> None:
    """60 billion yuan is an integer in data and stays one."""
    target = aipark.QINGDAO.targets[0]
    data = aipark.to_dict(target)
    assert data["value"] == {"value": 60000000000, "unit": "CNY"}
    again = aipark.from_dict(data, aipark.Target)
    assert again == target
    assert type(again.value.magnitude) is int


# --------------------------------------------------------------------------
# with aipark.exchange_rates(on=...)


def test_pint_conversions_inside_a_block_use_the_rates_of_the_day() -> None:
    """Ordinary q.to() converts money inside the block, and only there."""
    yuan = aipark.Q_(60_000_000_000, "CNY")
    with aipark.exchange_rates(on=LAUNCH) as rates:
        usd = yuan.to("USD")
        assert usd == aipark.convert(yuan, "USD", on=LAUNCH)
        assert rates["CNY", "USD"].on == LAUNCH
        assert aipark.Q_(1, "EUR").to("CNY").magnitude == pytest.approx(ECB_CNY_PER_EUR)
        assert aipark.Q_(1, "kiloUSD").to("CNY").magnitude == pytest.approx(
            1000 * ECB_CNY_PER_EUR / ECB_USD_PER_EUR
        )
        assert aipark.convert(yuan, "USD") == usd  # aipark.convert uses the block's date
    with pytest.raises(pint.DimensionalityError):
        yuan.to("USD")
    with pytest.raises(aipark.MissingRateError):
        aipark.convert(yuan, "USD")


def test_blocks_nest_and_unwind_on_errors() -> None:
    """The inner block's date wins; leaving it, even by an exception, restores the outer one."""
    yuan = aipark.Q_(100, "CNY")
    later = datetime.date(2024, 2, 23)

    def fail_inside_a_later_block() -> None:
        with aipark.exchange_rates(on=later):
            assert yuan.to("USD") == aipark.convert(yuan, "USD", on=later)
            assert aipark.fx.active_date() == later
            raise RuntimeError("leave the block")

    with aipark.exchange_rates(on=LAUNCH):
        outer = yuan.to("USD")
        with pytest.raises(RuntimeError, match="leave the block"):
            fail_inside_a_later_block()
        assert yuan.to("USD") == outer
        assert aipark.fx.active_date() == LAUNCH
    assert aipark.fx.active_date() is None


def test_block_refuses_dates_outside_the_data_on_entry() -> None:
    """No currency of the registry has a rate: the block does not start."""
    with (
        pytest.raises(aipark.MissingRateError),
        aipark.exchange_rates(on=datetime.date(1990, 1, 1)),
    ):
        pytest.fail("the block must not run")
    assert aipark.fx.active_date() is None


def test_block_before_the_yuan_series_refuses_only_the_yuan() -> None:
    """In 2000 the ECB published USD but not CNY: the yuan conversion is a clear error."""
    with aipark.exchange_rates(on=datetime.date(2000, 1, 4)) as rates:
        assert aipark.Q_(1, "EUR").to("USD").magnitude == rates["EUR", "USD"].rate.magnitude
        assert ("CNY", "USD") not in rates
        with pytest.raises(aipark.MissingRateError, match="2005-04-01"):
            aipark.Q_(1, "CNY").to("USD")


def test_missing_currencyconverter_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the optional package the error says what to install."""
    monkeypatch.setattr(fx, "_table", None)
    monkeypatch.setitem(sys.modules, "currency_converter", None)
    fx._ecb_rate.cache_clear()
    try:
        with pytest.raises(aipark.MissingDependencyError, match=r"aipark\[fx\]"):
            aipark.convert("1 CNY", "USD", on=LAUNCH)
        assert issubclass(aipark.MissingDependencyError, ImportError)
    finally:
        fx._ecb_rate.cache_clear()


def test_convert_command_with_a_date_says_which_rate(capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI prints the amount, then the rate, its day and source."""
    assert run(["convert", "600亿元", "USD", "--on", "2023-02-25"]) == 0
    amount, rate = capsys.readouterr().out.splitlines()
    expected = aipark.convert("600亿元", "USD", on=datetime.date(2023, 2, 24))
    assert amount == f"{round(expected.magnitude):,} USD"
    assert "European Central Bank" in rate
    assert "2023-02-24" in rate
    assert "last published before 2023-02-25" in rate


def test_convert_command_rate_wins(capsys: pytest.CaptureFixture[str]) -> None:
    """With --rate the date is not used and no ECB rate is printed."""
    assert run(["convert", "600亿元", "USD", "--on", "2023-02-23", "--rate", "6.9028 CNY/USD"]) == 0
    assert capsys.readouterr().out == "8,692,124,935 USD\n"


def test_convert_command_uncovered_date(capsys: pytest.CaptureFixture[str]) -> None:
    """A date outside the data: exit code 1 and one line on stderr."""
    assert run(["convert", "600亿元", "USD", "--on", "1990-01-01"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("aipark: error: ")
    assert err.count("\n") == 1


# --------------------------------------------------------------------------
# Blocks belong to their thread or asyncio task


def _seen_inside(day: datetime.date) -> tuple[object, object, object]:
    """What a block on ``day`` sees: q.to, convert without a date, and the active date."""
    yuan = aipark.Q_(100, "CNY")
    return yuan.to("USD"), aipark.convert(yuan, "USD"), aipark.fx.active_date()


def _expected(day: datetime.date) -> tuple[object, object, object]:
    usd = aipark.convert("100 CNY", "USD", on=day)
    return usd, usd, day


EARLIER = datetime.date(2015, 1, 5)


def test_overlapping_blocks_in_threads_each_use_their_own_date() -> None:
    """A enters, B enters, A leaves while B is inside: B keeps its rate, and nothing leaks."""
    import threading

    a_inside, b_inside, a_left = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, object] = {}
    failures: list[BaseException] = []

    def thread_a() -> None:
        try:
            with aipark.exchange_rates(on=LAUNCH):
                a_inside.set()
                assert b_inside.wait(30)
                seen["A"] = _seen_inside(LAUNCH)
            a_left.set()
            seen["A after"] = aipark.fx.active_date()
        except BaseException as exc:
            failures.append(exc)
            a_left.set()

    def thread_b() -> None:
        try:
            assert a_inside.wait(30)
            with aipark.exchange_rates(on=EARLIER):
                b_inside.set()
                assert a_left.wait(30)
                seen["B"] = _seen_inside(EARLIER)
            seen["B after"] = aipark.fx.active_date()
        except BaseException as exc:
            failures.append(exc)
            b_inside.set()

    threads = [threading.Thread(target=thread_a), threading.Thread(target=thread_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    assert seen["A"] == _expected(LAUNCH)
    assert seen["B"] == _expected(EARLIER)
    assert seen["A"] != seen["B"]
    assert seen["A after"] is seen["B after"] is None
    assert aipark.fx.active_date() is None
    with pytest.raises(pint.DimensionalityError):
        aipark.Q_(100, "CNY").to("USD")


def test_many_threads_in_blocks_of_different_dates_agree_with_serial_use() -> None:
    """Twelve threads, each inside a block of its own date, all at once."""
    import threading

    days = [datetime.date(2010 + i, 3, 1 + i) for i in range(12)]
    barrier = threading.Barrier(len(days))
    seen: dict[datetime.date, list[object]] = {}

    def work(day: datetime.date) -> None:
        with aipark.exchange_rates(on=day):
            barrier.wait()
            seen[day] = [_seen_inside(day) for _ in range(20)]

    threads = [threading.Thread(target=work, args=(day,)) for day in days]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for day in days:
        assert seen[day] == [_expected(day)] * 20, day


def test_overlapping_blocks_in_asyncio_tasks_each_use_their_own_date() -> None:
    """A enters, B enters, both convert, A leaves, B converts again: each sees its own date."""
    import asyncio

    async def main() -> tuple[object, ...]:
        a_inside, b_inside, a_left = asyncio.Event(), asyncio.Event(), asyncio.Event()

        async def task_a() -> object:
            with aipark.exchange_rates(on=LAUNCH):
                a_inside.set()
                await b_inside.wait()
                seen = _seen_inside(LAUNCH)
            a_left.set()
            return seen

        async def task_b() -> tuple[object, object]:
            await a_inside.wait()
            with aipark.exchange_rates(on=EARLIER):
                b_inside.set()
                both_inside = _seen_inside(EARLIER)
                await a_left.wait()
                return both_inside, _seen_inside(EARLIER)

        a, (b_first, b_later) = await asyncio.gather(task_a(), task_b())
        return a, b_first, b_later, aipark.fx.active_date()

    a, b_first, b_later, after = asyncio.run(main())
    assert a == _expected(LAUNCH)
    assert b_first == b_later == _expected(EARLIER)
    assert after is None


def test_a_task_inherits_the_block_it_was_created_in() -> None:
    """asyncio copies the context into a task: a block around create_task applies inside."""
    import asyncio

    async def main() -> object:
        with aipark.exchange_rates(on=EARLIER):
            task = asyncio.create_task(asyncio.sleep(0, result=None))
            await task
            inner = asyncio.create_task(_async_seen())
        return await inner

    async def _async_seen() -> object:
        await asyncio.sleep(0)
        return _seen_inside(EARLIER)

    assert asyncio.run(main()) == _expected(EARLIER)


def test_a_thread_started_inside_a_block_does_not_inherit_it() -> None:
    """Threads start with an empty context: money needs a date again there."""
    import threading

    outcome: list[object] = []

    def work() -> None:
        outcome.append(aipark.fx.active_date())
        try:
            aipark.convert("100 CNY", "USD")
        except aipark.MissingRateError as exc:
            outcome.append(type(exc))

    with aipark.exchange_rates(on=LAUNCH):
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    assert outcome == [None, aipark.MissingRateError]


def test_blocks_leave_the_registry_untouched() -> None:
    """No pint context is enabled on the shared registry, inside a block or after one."""
    reg = aipark.ureg
    assert list(reg._active_ctx.contexts) == []
    with aipark.exchange_rates(on=LAUNCH):
        assert list(reg._active_ctx.contexts) == []
        assert not any(name.startswith("aipark") for name in reg._contexts)
    assert list(reg._active_ctx.contexts) == []


def test_prices_convert_with_to_inside_a_block() -> None:
    """q.to converts prices too inside a block, as convert does."""
    price = aipark.Q_(1_000_000, "CNY/hectare")
    with aipark.exchange_rates(on=LAUNCH):
        assert price.to("USD/hectare") == aipark.convert(price, "USD/hectare", on=LAUNCH)
        assert price.to("CNY/mu").magnitude == pytest.approx(1_000_000 / 15)


def test_user_registries_are_not_converted_by_a_block() -> None:
    """Only quantities of aipark's own registry convert money inside a block."""
    own = aipark.UnitRegistry()
    own.define("CNY = [currency_CNY]")
    own.define("USD = [currency_USD]")
    with aipark.exchange_rates(on=LAUNCH), pytest.raises(pint.DimensionalityError):
        own.Quantity(1, "CNY").to("USD")
