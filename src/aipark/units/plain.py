"""Plain-text output of quantities, locale-neutral, that the parser reads back."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from pint.util import UnitsContainer

from .. import _spellings
from ..errors import ValidationError
from .parsing import _parse_units
from .registry import Quantity, get_registry, unit_name


def plain_quantity(q: Quantity, *, digits: int = 6) -> str:
    """Locale-neutral text that aipark's parser reads back: ``"2,918 mu"``, ``"150 PFLOPS"``.

    No babel: for the command line's ``convert`` and for logs.
    """
    label = _plain_label(q._units)
    magnitude = q.magnitude
    if isinstance(magnitude, float):
        number = f"{magnitude:,.{digits}g}" if abs(magnitude) < 1e15 else f"{magnitude:.{digits}g}"
        if "e" not in number and "." not in number and abs(magnitude) >= 10**digits:
            number = f"{round(magnitude):,}"
    else:
        number = f"{magnitude:,}"
    return f"{number} {label}".strip()


@lru_cache(maxsize=1024)
def _plain_label(units: UnitsContainer) -> str:
    """The unit in :func:`plain_quantity`: pint's symbol when aipark reads it back as the same unit.

    Prefixed Chinese money is written as people write it (万元, 亿美元, never 万CNY); a
    symbol the parser would read as another unit gives way to the canonical name.
    """
    name = unit_name(units)
    label = _PLAIN_LABELS.get(name)
    if label is not None:
        return label
    money = _PREFIXED_MONEY.fullmatch(name)
    if money is not None:
        return money["prefix"] + _CHINESE_MONEY[money["code"]]
    label = f"{get_registry().Unit(_parse_units(name)):~P}"  # from the canonical order
    if label in _spellings.COMPUTE_SHORTHAND:  # "3 P" is refused as ambiguous
        return name
    try:
        same = _parse_units(label) == units
    except ValidationError:
        same = False
    return label if same else name


_PREFIXED_MONEY = re.compile("(?P<prefix>万|亿)(?P<code>CNY|USD|EUR)")
_CHINESE_MONEY: Final = {"CNY": "元", "USD": "美元", "EUR": "欧元"}

# Short labels for units whose pint symbol is unhelpful or ambiguous.
_PLAIN_LABELS: Final = {
    "shi_mu": "mu",
    "qing": "qing",
    "CNY": "yuan",
    "USD": "USD",
    "EUR": "EUR",
    "dimensionless": "",
}
