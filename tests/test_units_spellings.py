"""Units as people write them: real-world spellings read exactly, traps refused.

The spellings are those of published articles about AI parks and computing
centers (the Qingdao park's sources among them: "2,918 mu", "600亿元",
"$8.69 billion", "150P"), in Simplified and Traditional Chinese and English.
Each is checked against its exact value in base units: m² for area, the
currency itself for money, FLOPS for compute power.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aipark
from aipark import _spellings
from aipark.cli import run
from aipark.units import FLOPS_DIMENSION, parse_quantity, read_figure

MU = Fraction(10000, 15)  # m² per mu, by definition
HA = 10_000
KM2 = 10**6
P, E, T = 10**15, 10**18, 10**12

# (text as printed, exact value in base units, base unit, bound, precision)
SPELLINGS: list[tuple[str, Fraction | int, str, str | None, str | None]] = [
    # area: the Qingdao park and its peers
    ("2,918 mu", 2918 * MU, "m**2", None, None),
    ("2918亩", 2918 * MU, "m**2", None, None),
    ("2,918亩", 2918 * MU, "m**2", None, None),
    ("2918 市亩", 2918 * MU, "m**2", None, None),
    ("2918 畝", 2918 * MU, "m**2", None, None),
    ("3万亩", 30_000 * MU, "m**2", None, None),
    ("3 万亩", 30_000 * MU, "m**2", None, None),
    ("3萬畝", 30_000 * MU, "m**2", None, None),
    ("1万多亩", 10_000 * MU, "m**2", "more_than", None),
    ("2900余亩", 2900 * MU, "m**2", "more_than", None),
    ("约1200亩", 1200 * MU, "m**2", "about", None),
    ("7 qing", 700 * MU, "m**2", None, None),
    ("7顷", 700 * MU, "m**2", None, None),
    ("194.6 hectares", Fraction("194.6") * HA, "m**2", None, None),
    ("180 hectares", 180 * HA, "m**2", None, None),
    ("180 ha", 180 * HA, "m**2", None, None),
    ("180公顷", 180 * HA, "m**2", None, None),
    ("180 公頃", 180 * HA, "m**2", None, None),
    ("about 180 hectares", 180 * HA, "m**2", "about", None),
    ("6,000 square meters", 6000, "m**2", None, None),
    ("6000 square metres", 6000, "m**2", None, None),
    ("6000平方米", 6000, "m**2", None, None),
    ("10万平方米", 100_000, "m**2", None, None),
    ("6000 平方公尺", 6000, "m**2", None, None),
    ("1.2平方公里", Fraction("1.2") * KM2, "m**2", None, None),
    ("1.2 平方千米", Fraction("1.2") * KM2, "m**2", None, None),
    ("3 square kilometers", 3 * KM2, "m**2", None, None),
    ("3 sq km", 3 * KM2, "m**2", None, None),
    ("3 km²", 3 * KM2, "m**2", None, None),
    ("3 km^2", 3 * KM2, "m**2", None, None),
    # money
    ("600亿元", 60_000_000_000, "CNY", None, None),
    ("600 亿元", 60_000_000_000, "CNY", None, None),
    ("600億元", 60_000_000_000, "CNY", None, None),
    ("超过600亿元", 60_000_000_000, "CNY", "more_than", None),
    ("600多亿元", 60_000_000_000, "CNY", "more_than", None),
    ("逾600亿元", 60_000_000_000, "CNY", "more_than", None),
    ("近600亿元", 60_000_000_000, "CNY", "about", None),
    ("超過600億元", 60_000_000_000, "CNY", "more_than", None),
    ("約1200畝", 1200 * MU, "m**2", "about", None),
    ("2900餘畝", 2900 * MU, "m**2", "more_than", None),
    ("突破100亿元", 10_000_000_000, "CNY", "more_than", None),
    ("no less than 60 billion yuan", 60_000_000_000, "CNY", "at_least", None),
    ("1 EFLOPS 雙精度", 10**18, "FLOPS", None, "FP64"),
    ("170亿元", 17_000_000_000, "CNY", None, None),
    ("3.9亿元", 390_000_000, "CNY", None, None),
    ("1.23456789亿元", 123_456_789, "CNY", None, None),
    ("2万亿元", 2 * 10**12, "CNY", None, None),
    ("2 万亿元", 2 * 10**12, "CNY", None, None),
    ("5000万元", 50_000_000, "CNY", None, None),
    ("5000 萬元", 50_000_000, "CNY", None, None),
    ("100元", 100, "CNY", None, None),
    ("100 人民币", 100, "CNY", None, None),
    ("100 人民幣", 100, "CNY", None, None),
    ("60 billion yuan", 60_000_000_000, "CNY", None, None),
    ("over 60 billion yuan", 60_000_000_000, "CNY", "more_than", None),
    ("exceed 60 billion yuan", 60_000_000_000, "CNY", "more_than", None),
    ("390 million yuan", 390_000_000, "CNY", None, None),
    ("about 390 million yuan", 390_000_000, "CNY", "about", None),
    ("17 billion yuan", 17_000_000_000, "CNY", None, None),
    ("RMB 60 billion", 60_000_000_000, "CNY", None, None),
    ("RMB60bn", 60_000_000_000, "CNY", None, None),
    ("60 billion RMB", 60_000_000_000, "CNY", None, None),
    ("60 billion CNY", 60_000_000_000, "CNY", None, None),
    ("$8.69 billion", Fraction("8.69") * 10**9, "USD", None, None),
    ("US$8.69 billion", Fraction("8.69") * 10**9, "USD", None, None),
    ("$2.35 billion", Fraction("2.35") * 10**9, "USD", None, None),
    ("$57.56 million", Fraction("57.56") * 10**6, "USD", None, None),
    ("1.5 million USD", 1_500_000, "USD", None, None),
    ("10亿美元", 1_000_000_000, "USD", None, None),
    ("€5", 5, "EUR", None, None),
    ("€5 billion", 5_000_000_000, "EUR", None, None),
    ("5亿欧元", 500_000_000, "EUR", None, None),
    ("5 億歐元", 500_000_000, "EUR", None, None),
    ("5 euros", 5, "EUR", None, None),
    # compute power
    ("150 PFLOPS", 150 * P, "FLOPS", None, None),
    ("150 PFlops", 150 * P, "FLOPS", None, None),
    ("150 Pflops", 150 * P, "FLOPS", None, None),
    ("150 pflops", 150 * P, "FLOPS", None, None),
    ("150 petaflops", 150 * P, "FLOPS", None, None),
    ("150 PFLOP/s", 150 * P, "FLOPS", None, None),
    ("150 peta-FLOPS", 150 * P, "FLOPS", None, None),
    ("150 TFLOPS", 150 * T, "FLOPS", None, None),
    ("150 teraflops", 150 * T, "FLOPS", None, None),
    ("150 tflops", 150 * T, "FLOPS", None, None),
    ("5 EFLOPS", 5 * E, "FLOPS", None, None),
    ("5 exaflops", 5 * E, "FLOPS", None, None),
    ("5 Eflops", 5 * E, "FLOPS", None, None),
    ("1 ZFLOPS", 10**21, "FLOPS", None, None),
    ("1 zettaflops", 10**21, "FLOPS", None, None),
    ("300P算力", 300 * P, "FLOPS", None, None),
    ("2.5 EFLOPS (FP16)", Fraction("2.5") * E, "FLOPS", None, "FP16"),
    ("300P FP16", 300 * P, "FLOPS", None, "FP16"),
    ("100 PFLOPS（FP64）", 100 * P, "FLOPS", None, "FP64"),
    ("超过100P算力", 100 * P, "FLOPS", "more_than", None),
    ("nearly 100 petaflops", 100 * P, "FLOPS", "about", None),
]

# Compute shorthand, read where the dimension is compute power.
SHORTHAND: list[tuple[str, int]] = [
    ("100P", 100 * P),
    ("150P", 150 * P),
    ("5E", 5 * E),
    ("500T", 500 * T),
    ("100 P", 100 * P),
]

# Text that must be refused, with words the message must contain.
TRAPS: list[tuple[str, str]] = [
    ("2918 Mu", "did you mean 'mu'"),
    ("1 MU", "did you mean 'mu'"),
    ("1 mU", "did you mean 'mu'"),
    ("2918 muu", "did you mean 'mu'"),
    ("3 ku", "the symbol 'u' with a prefix"),
    ("1 Ha", "did you mean 'ha'"),
    ("1 Cny", "did you mean 'CNY'"),
    ("1 hectar", "did you mean 'hectare'"),
    ("5 PFLOPs", "ambiguous"),
    ("5 FLOPs", "ambiguous"),
    ("5 nflops", "sub-unit FLOPS"),
    ("5 µflops", "sub-unit FLOPS"),
    ("5 nanoflops", "sub-unit FLOPS"),
    ("1 PFLOPS/s", "already per second"),
    ("100P", "ambiguous"),
    ("5E", "ambiguous"),
    ("5 T", "ambiguous"),
    ("20亿至30亿元", "range"),
    ("20-30亿元", "range"),
    ("$15-20 billion", "range"),
    ("15 to 20 billion yuan", "range"),
    ("¥5", "yen"),
    ("￥600亿", "yen"),
    ("HK$5", "Hong Kong dollar"),
    ("1兆元", "ambiguous"),
    ("1 亿亿元", "two magnitude words"),
    ("$5 PFLOPS", "currency sign and a unit"),
    ("300 m FP16", "only compute power"),
    ("10 FP16", "no unit"),
    ("超过约600亿元", "does not start with a number"),
    ("多600亿元", "does not start with a number"),
]


def _base(value: Fraction | int, text: str) -> float | int:
    """What aipark must return: an int for a whole result from an int, else the nearest float."""
    exact = Fraction(value)
    return exact.numerator if exact.denominator == 1 and "." not in text else float(exact)


@pytest.mark.parametrize(("text", "value", "base", "bound", "precision"), SPELLINGS)
def test_real_world_spellings(
    text: str, value: Fraction | int, base: str, bound: str | None, precision: str | None
) -> None:
    """Each spelling reads to its exact value in base units, with its bound and precision."""
    figure = read_figure(text)
    assert (figure.bound, figure.precision) == (bound, precision)
    result = aipark.convert(figure.quantity, base).magnitude
    expected = _base(value, text)
    if isinstance(expected, int):
        assert result == expected
        assert type(result) is int
    else:
        assert result == pytest.approx(expected, rel=1e-15)


def test_there_are_enough_spellings_and_traps() -> None:
    assert len(SPELLINGS) + len(SHORTHAND) >= 60
    assert len(TRAPS) >= 20


@pytest.mark.parametrize(("text", "value"), SHORTHAND)
def test_compute_shorthand_in_a_compute_context(text: str, value: int) -> None:
    q = parse_quantity(text, dimension=FLOPS_DIMENSION)
    assert aipark.convert(q, "FLOPS").magnitude == value


@pytest.mark.parametrize(("text", "words"), TRAPS)
def test_traps_are_refused(text: str, words: str) -> None:
    with pytest.raises(aipark.ValidationError, match=words.replace("$", r"\$")) as info:
        read_figure(text)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("text", ["超过600亿元", "600多亿元", "about 5 mu", "300P FP16"])
def test_parse_quantity_refuses_what_it_would_drop(text: str) -> None:
    """A bound or a precision is never dropped: parse_quantity refuses, read_figure keeps it."""
    with pytest.raises(aipark.ValidationError, match="read_figure"):
        parse_quantity(text, dimension=FLOPS_DIMENSION)


def test_convert_takes_its_context_from_the_target_unit() -> None:
    assert aipark.convert("100P", "TFLOPS").magnitude == 100_000
    assert type(aipark.convert("100P", "TFLOPS").magnitude) is int
    with pytest.raises(aipark.ValidationError, match="ambiguous"):
        aipark.convert("100P", "Pa*s")


@pytest.mark.parametrize(
    "text", ["1 万亩", "1万亩", "1 万 亩", "1 万 mu", "1万mu", "10000 mu", "10 thousand mu"]
)
def test_magnitude_word_with_or_without_space(text: str) -> None:
    assert aipark.convert(text, "mu").magnitude == 10_000


@pytest.mark.parametrize(
    ("text", "unit"),
    [("1 万元", "CNY"), ("60 亿CNY", "亿CNY"), ("1万元", "CNY")],
)
def test_magnitude_words_and_prefixes_agree(text: str, unit: str) -> None:
    q = parse_quantity(text)
    assert aipark.units.unit_name(q._units) == unit
    assert (
        aipark.convert(q, "CNY").magnitude == aipark.convert(text.replace(" ", ""), "CNY").magnitude
    )


@pytest.mark.parametrize(
    ("argv", "out"),
    [
        (["convert", "20 degC", "degF"], "68 °F\n"),
        (["convert", "100P", "TFLOPS"], "100,000 TFLOPS\n"),
        (["convert", "3 万亩", "mu"], "30,000 mu\n"),
        (["convert", "1 qing", "mu"], "100 mu\n"),
        (["convert", "30000 CNY", "万元"], "3 万元\n"),
        (["convert", "$8.69 billion", "USD"], "8,690,000,000 USD\n"),
    ],
)
def test_command_line_reads_the_same(
    argv: list[str], out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == 0
    assert capsys.readouterr().out == out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "1 hectar", "mu"], "did you mean 'hectare'?"),
        (["convert", "2918 Mu", "hectare"], "did you mean 'mu'?"),
        (["convert", "1 mu", "hectar"], "did you mean 'hectare'?"),
        (["convert", "100P", "Pa*s"], "ambiguous"),
        (["convert", "20 degC*m", "degF*m"], "cannot convert"),
    ],
)
def test_command_line_refusals_help(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_park_files_suggest_the_field_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "park.json"
    path.write_text(
        '{"name": "X", "computing_centers": [{"name": "c", "compute_powr": "100P"}]}',
        encoding="utf-8",
    )
    assert run(["validate", str(path)]) == 1
    assert "compute_powr: unknown field; did you mean 'compute_power'?" in capsys.readouterr().err


WORDS = [
    *_spellings.BOUND_PREFIXES,
    *_spellings.BOUND_SUFFIXES,
    *_spellings.CURRENCY_SIGNS,
    *_spellings.REFUSED_SIGNS,
    *_spellings.PRECISIONS,
    *_spellings.UNIT_SPELLINGS,
    *_spellings.CHINESE_MAGNITUDES,
    *_spellings.ENGLISH_MAGNITUDES,
    *_spellings.RANGE_WORDS,
    "算力",
    "P",
    "E",
    "T",
    "FLOPS",
    "pflops",
    "mu",
    "元",
    "(",
    ")",
    "/",
    "**",
    "²",
    "1",
    "2.5",
    "1e3",
    " ",
    "-",
]


@settings(deadline=None, max_examples=300)
@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=8).map("".join),
    st.sampled_from([None, FLOPS_DIMENSION, "[length] ** 2", "[nonsense"]),
)
def test_any_mix_of_the_words_is_read_or_refused_cleanly(text: str, dimension: str | None) -> None:
    """Whatever the words, read_figure returns a figure or raises aipark's ValidationError."""
    try:
        figure = read_figure(text, dimension=dimension)
    except aipark.ValidationError as exc:
        refusal = str(exc)
        figure = None
    if figure is None:
        assert "\n" not in refusal
    else:
        assert figure.bound in (None, *(b.value for b in aipark.Bound))
        assert figure.precision in (None, *(p.value for p in aipark.Precision))


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("低于1.25", "less_than"),
        ("少于100", "less_than"),
        ("高于40 MW", "more_than"),
        ("大于5亩", "more_than"),
        ("多于3", "more_than"),
        ("不高于1.3", "at_most"),
        ("不大于1.3", "at_most"),
        ("不多于10", "at_most"),
        ("不小于1.2", "at_least"),
        ("低於1.25", "less_than"),
    ],
)
def test_comparative_bound_words_of_chinese_sources(text: str, bound: str) -> None:
    """低于/高于 and their negations; 不大于 is at most, never "more than"."""
    assert read_figure(text).bound == bound


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5千万元", "5e7 CNY"),
        ("3百亿元", "3e10 CNY"),
        ("5千亿元", "5e11 CNY"),
        ("2十万亩", "2e5 mu"),
        ("1千万亿元", "1e15 CNY"),
        ("5千米", "5 km"),
        ("5千瓦时", "5 kWh"),
    ],
)
def test_compound_chinese_magnitudes(text: str, value: str) -> None:
    """千万, 百亿, 千亿 are one magnitude word as sources print them; 千米 and 千瓦 stay units."""
    assert read_figure(text).quantity == parse_quantity(value)


def test_two_magnitude_words_are_still_refused() -> None:
    with pytest.raises(aipark.ValidationError, match="two magnitude words"):
        read_figure("5百万亿元")
