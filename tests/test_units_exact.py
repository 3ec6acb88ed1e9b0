"""Exact conversions: aipark.convert against fractions.Fraction arithmetic on the definitions.

The factors below are the definitions as written (1 mu = 10000/15 m², 1 qing
= 100 mu, 万 = 10^4, P = 10^15), independent of pint's floats.  A whole result
from an integer must be that integer; any other result must be the float
nearest the exact rational value.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aipark
from aipark.units import quantity

MU = Fraction(10000, 15)
FAMILIES: dict[str, dict[str, Fraction]] = {
    "area": {
        "meter ** 2": Fraction(1),
        "平方米": Fraction(1),
        "kilometer ** 2": Fraction(10**6),
        "平方公里": Fraction(10**6),
        "hectare": Fraction(10**4),
        "公顷": Fraction(10**4),
        "are": Fraction(100),
        "mu": MU,
        "亩": MU,
        "万mu": 10**4 * MU,
        "万亩": 10**4 * MU,
        "亿亩": 10**8 * MU,
        "qing": 100 * MU,
        "顷": 100 * MU,
    },
    "money": {
        "CNY": Fraction(1),
        "元": Fraction(1),
        "万元": Fraction(10**4),
        "亿元": Fraction(10**8),
        "万CNY": Fraction(10**4),
        "亿CNY": Fraction(10**8),
        "kiloCNY": Fraction(10**3),
        "megaCNY": Fraction(10**6),
        "gigaCNY": Fraction(10**9),
    },
    "compute": {
        "FLOPS": Fraction(1),
        "kFLOPS": Fraction(10**3),
        "MFLOPS": Fraction(10**6),
        "GFLOPS": Fraction(10**9),
        "TFLOPS": Fraction(10**12),
        "PFLOPS": Fraction(10**15),
        "pflops": Fraction(10**15),
        "petaflops": Fraction(10**15),
        "EFLOPS": Fraction(10**18),
        "ZFLOPS": Fraction(10**21),
        "FLOP/second": Fraction(1),
        "PFLOP/s": Fraction(10**15),
    },
}
PAIRS = [
    (src, dst, factors[src] / factors[dst])
    for factors in FAMILIES.values()
    for src in factors
    for dst in factors
]
MAGNITUDES = st.integers(-(10**18), 10**18) | st.floats(
    min_value=-1e200, max_value=1e200, allow_nan=False, allow_infinity=False
)


def _expected(magnitude: int | float, ratio: Fraction) -> int | float:
    exact = Fraction(magnitude) * ratio
    if isinstance(magnitude, int) and exact.denominator == 1:
        return exact.numerator
    return float(exact)


@settings(deadline=None)  # the first example builds the registry
@given(pair=st.sampled_from(PAIRS), magnitude=MAGNITUDES)
def test_convert_is_exact_for_every_pair_of_domain_units(
    pair: tuple[str, str, Fraction], magnitude: int | float
) -> None:
    src, dst, ratio = pair
    result = aipark.convert(quantity(magnitude, src), dst).magnitude
    expected = _expected(magnitude, ratio)
    assert result == expected
    assert type(result) is type(expected)


@settings(deadline=None)
@given(pair=st.sampled_from(PAIRS), magnitude=st.integers(-(10**6), 10**6))
def test_text_with_magnitude_words_converts_exactly(
    pair: tuple[str, str, Fraction], magnitude: int
) -> None:
    """The number and its unit as text, with or without a space, read and convert exactly."""
    src, dst, ratio = pair
    expected = _expected(magnitude, ratio)
    for text in (f"{magnitude} {src}", f"{magnitude}{src}"):
        assert aipark.convert(text, dst).magnitude == expected


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_table_covers_each_family(family: str) -> None:
    assert len(FAMILIES[family]) >= 8
