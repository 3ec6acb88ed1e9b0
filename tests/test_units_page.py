"""The page "Units aipark reads": drawn from the registry and parser, and true of the parser."""

from __future__ import annotations

from pathlib import Path

import pytest

import aipark
from aipark import _spellings
from aipark._units_page import DOMAIN_UNITS, sections, spellings_of
from aipark.units import FLOPS_DIMENSION, parse_quantity, parse_unit, read_figure, unit_name

PAGE = Path(__file__).parent.parent / "docs" / "reference" / "units.md"
TABLES = {s.title: s for s in sections()}


def _cells(title: str, column: int) -> list[str]:
    return [row[column] for row in TABLES[title].rows]


def test_the_page_draws_its_tables_from_the_directive() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert "```{aipark-units}" in text
    assert "reference/units" in (PAGE.parent.parent / "index.md").read_text(encoding="utf-8")


def test_every_table_has_a_header_and_rows_of_its_width() -> None:
    for section in sections():
        assert section.rows, section.title
        assert all(len(row) == len(section.header) for row in section.rows), section.title


@pytest.mark.parametrize("name", DOMAIN_UNITS)
def test_every_spelling_listed_reads_as_its_unit(name: str) -> None:
    units = parse_unit(name)._units
    spellings = spellings_of(name)
    assert name in spellings
    for spelling in spellings:
        if spelling in _spellings.COMPUTE_SHORTHAND:
            q = parse_quantity(f"1{spelling}", dimension=FLOPS_DIMENSION)
        else:
            q = parse_quantity(f"1 {spelling}")
        assert q._units == units, spelling


def test_every_table_of_the_parser_is_on_the_page() -> None:
    listed = " ".join(" ".join(row) for s in sections() for row in s.rows)
    for table in (
        _spellings.UNIT_SPELLINGS,
        _spellings.DOMAIN_UNITS,
        _spellings.CHINESE_MAGNITUDES,
        _spellings.ENGLISH_MAGNITUDES,
        _spellings.TRADITIONAL,
        _spellings.CURRENCY_SIGNS,
        _spellings.REFUSED_SIGNS,
        _spellings.BOUND_PREFIXES,
        _spellings.BOUND_SUFFIXES,
        _spellings.PRECISIONS,
    ):
        missing = [key for key in table if key not in listed]
        assert not missing


def test_definitions_are_exact() -> None:
    definitions = dict(zip(_cells("Domain units", 0), _cells("Domain units", 1), strict=True))
    assert definitions["shi_mu"] == "2,000/3 m²"
    assert definitions["qing"] == "200,000/3 m²"
    assert definitions["hectare"] == "10^4 m²"
    assert definitions["petaFLOPS"] == "10^15 FLOP per second"
    assert "exchange rate" in definitions["CNY"]


@pytest.mark.parametrize("row", TABLES["Magnitude words"].rows, ids=lambda r: r[0])
def test_magnitude_examples_read_as_stated(row: tuple[str, ...]) -> None:
    word, factor, example = row
    q = parse_quantity(example)
    number = int(example.split(word)[0])
    scale = 10 ** int(factor[3:]) if factor.startswith("10^") else int(factor.replace(",", ""))
    assert q.magnitude == number * scale
    assert unit_name(q._units) in ("shi_mu", "CNY")


@pytest.mark.parametrize("row", TABLES["Currency signs"].rows, ids=lambda r: r[0])
def test_currency_sign_examples(row: tuple[str, ...]) -> None:
    _, code, example = row
    assert unit_name(parse_quantity(example)._units) == code


@pytest.mark.parametrize("row", TABLES["Words that bound a figure"].rows, ids=lambda r: r[0])
def test_bound_words_give_their_bound(row: tuple[str, ...]) -> None:
    word, where, bound = row
    text = f"{word} 600亿元" if where == "before" else f"600亿元{word}"
    if word in ("多", "余"):
        text = f"600{word}亿元"
    figure = read_figure(text)
    assert figure.bound == bound
    assert aipark.Bound(bound).value == bound


@pytest.mark.parametrize(
    "row", TABLES["Precisions beside a compute figure"].rows, ids=lambda r: r[0]
)
def test_precision_words_give_their_precision(row: tuple[str, ...]) -> None:
    word, precision = row
    assert read_figure(f"2.5 EFLOPS ({word})").precision == precision
    assert aipark.Precision(precision).value == precision


@pytest.mark.parametrize("row", TABLES["Refused, with a hint"].rows, ids=lambda r: r[0])
def test_refused_text_is_refused(row: tuple[str, ...]) -> None:
    text = row[0]
    if not text[:1].isdigit() and not text.startswith("5 "):
        text = f"{text}5" if text in _spellings.REFUSED_SIGNS else f"1 {text}"
    with pytest.raises(aipark.ValidationError):
        read_figure(text)


@pytest.mark.parametrize("row", TABLES["Case traps"].rows, ids=lambda r: r[0])
def test_case_traps_are_refused_naming_the_unit_meant(row: tuple[str, ...]) -> None:
    text, _, meant = row
    with pytest.raises(aipark.ValidationError, match=f"'{meant}'"):
        parse_quantity(f"1 {text}")


def test_case_traps_include_the_known_ones() -> None:
    assert {"Mu", "MU", "mU"} <= set(_cells("Case traps", 0))
