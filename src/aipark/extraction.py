"""Extraction: find every figure an article prints, and read each through aipark's parser.

:func:`extract` scans Chinese, English or mixed text (Simplified or
Traditional characters) for figures: quantities with units ("2,918 mu",
"600亿元", "$8.69 billion", "150P"), counts ("four functional zones",
"两个计算中心", "5万台高性能PC"), ordinals of phases ("first phase", "一期"),
years and dates.  It only finds where a figure is and what qualifies it; the
figure itself is read by :func:`aipark.units.read_figure`, so extraction
accepts and refuses exactly what a park file does.  A figure that cannot be
read (a range, an ambiguous "¥") comes back as a :class:`Mention` with a
``reason`` and no quantity: never dropped, never guessed.

Chinese numerals (五千, 一点二, 两百, 兩) are read by cn2an.
"""

from __future__ import annotations

import contextlib
import enum
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from . import _spellings
from ._validators import _stated
from .errors import AiparkError, ValidationError
from .models import Bound, Precision
from .units import FLOPS_DIMENSION, Quantity, get_registry, quantity, read_figure, unit_name

if TYPE_CHECKING:
    from pint.util import UnitsContainer

__all__ = [
    "CLASSIFIERS",
    "Mention",
    "MentionKind",
    "extract",
    "format_mentions",
    "reading_rules",
]


class MentionKind(enum.Enum):
    """What a figure in a text measures."""

    AREA = "area"
    MONEY = "money"
    COMPUTE = "compute"
    RATIO = "ratio"
    #: A number of things: "four functional zones", "两个中心".
    COUNT = "count"
    #: A place in a sequence: "first phase", "一期".
    ORDINAL = "ordinal"
    YEAR = "year"
    DATE = "date"
    #: A bare number with nothing after it that it counts.
    NUMBER = "number"
    #: A quantity of another dimension: a length, a power, a duration.
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Mention:
    """One figure as a text prints it, where it is, and what aipark reads in it.

    ``text`` is ``source[start:end]``.  ``quantity`` is the figure read by
    aipark's parser (counts and ordinals are dimensionless), None for years,
    dates and figures that cannot be read; then ``reason`` says why.  ``bound``
    is set when the text qualifies the figure ("more than", 超过, 多, "some").
    ``counts`` is the noun a count or ordinal counts ("personal computers",
    "高性能PC", "phase").  ``precision`` is the precision printed beside a
    compute figure ("300P FP16", "2.5 EFLOPS (FP16)").  Years and dates fill
    ``year``, ``month`` and ``day`` as far as the text gives them ("Feb 23"
    has no year).  ``paired`` is the
    span of another printing of the same fact: "2,918 mu (194.6 hectares)".
    """

    text: str
    start: int
    end: int
    kind: MentionKind
    quantity: Quantity | None = attrs.field(default=None, eq=_stated)
    bound: Bound | None = None
    counts: str | None = None
    precision: Precision | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    reason: str | None = None
    paired: tuple[int, int] | None = None

    @property
    def readable(self) -> bool:
        """Whether aipark could read the figure (``reason`` is None)."""
        return self.reason is None


# --------------------------------------------------------------------------
# Tables (the docs page "Check a park file against its source article" lists them)

# Words before a figure that bound it and that the parser's table
# (``_spellings.BOUND_PREFIXES``) does not list yet: Traditional forms and
# a few English verbs.  Bound values as in :class:`aipark.Bound`.
_MORE_BOUND_PREFIXES: Final = {
    "超過": "more_than",
    "不超過": "at_most",
    "不少於": "at_least",
    "不低於": "at_least",
    "將近": "about",
    "大約": "about",
    "約": "about",
    "突破": "more_than",
    "不高於": "at_most",
    "不大於": "at_most",
    "不多於": "at_most",
    "不小於": "at_least",
    "低於": "less_than",
    "小於": "less_than",
    "少於": "less_than",
    "高於": "more_than",
    "大於": "more_than",
    "多於": "more_than",
    "surpass": "more_than",
    "surpasses": "more_than",
    "roughly": "about",
    "close to": "about",
    "no less than": "at_least",
    "no more than": "at_most",
}
_BOUND_PREFIXES: Final = {**_spellings.BOUND_PREFIXES, **_MORE_BOUND_PREFIXES}

#: Chinese measure words between a number and the noun it counts (个, 家, 台...).
CLASSIFIERS: Final = "个個家座台臺套项項所名位条條款种種类類批栋棟幢处處块塊片张張件部支只大"
_CLASSIFIER_SET: Final = frozenset(CLASSIFIERS)

_EN_UNITS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINALS: Final = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
#: Nouns an ordinal must stand before to be a figure ("first phase").
_STAGES: Final = ("phase", "stage", "batch", "round", "period")
_MONTHS: Final = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
# Words after a number that never start a unit in running text, though pint
# knows some of them ("in" is an inch, "a" a year, "are" 100 m²).
_NOT_UNITS: Final = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "do",
        "for",
        "from",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "per",
        "so",
        "than",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "with",
    ]
)
# Words that end the noun phrase of a count.
_NOUN_STOP: Final = frozenset(
    [
        "a",
        "an",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "namely",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "those",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
    ]
)
_NOUN_BREAK: Final = _NOUN_STOP | frozenset(_EN_UNITS) | frozenset(_EN_ORDINALS)
_CN_NOUN_STOP: Final = '的和及与與、，,。；;：:（）()「」“”"在是将將已为為等并並也又从從到至'

# --------------------------------------------------------------------------
# Scanning

_CN_DIGITS: Final = "零〇一二两兩三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_CN_MAGNITUDES: Final = "万萬亿億"
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_CN_NUM = rf"[{_CN_DIGITS}](?:[{_CN_DIGITS}{_CN_MAGNITUDES}]|[点點](?=[{_CN_DIGITS}]))*"
# The scanning patterns match words in any case; their ``(?a:...)`` groups keep
# that to ASCII letters, so that a word matched is a key of its table ("ſix"
# matches "six" under a Unicode re.IGNORECASE, and "ſix".lower() is no key).
_EN_NUM = (
    r"\b(?a:" + "|".join(sorted(_EN_UNITS, key=len, reverse=True)) + r")"
    r"(?a:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"(?:\s+(?a:hundred|thousand))?\b"
)
_MONTH = r"\b(?P<mname>(?a:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\b\.?"
_CURRENCY_PREFIX = r"(?a:US\$|HK\$|NT\$|RMB|CNY|USD|EUR|[$¥€£])"

_SCAN_BRANCHES: Final = {
    "iso": r"""
    (?P<iso>(?<![0-9])(?P<iy>[12][0-9]{3})[-/.](?P<im>[01]?[0-9])[-/.](?P<id>[0-3]?[0-9])(?![0-9]))
    """,
    "cndate": r"""
    (?P<cndate>(?:(?P<cy>[0-9]{4})年)?(?P<cm>[01]?[0-9])月(?:(?P<cd>[0-3]?[0-9])[日号號])?)
    """,
    "endate": rf"""
    (?P<endate>{_MONTH}\s+(?:(?P<ed>[0-3]?[0-9])(?:st|nd|rd|th)?\b
                              (?:,?\s+(?P<ey>[12][0-9]{{3}})\b)?
                            |(?P<emy>[12][0-9]{{3}})\b))
    """,
    "dmy": rf"""
    (?P<dmy>\b(?P<dd>[0-3]?[0-9])\s+{_MONTH.replace("mname", "dmname")}
              (?:,?\s+(?P<dy>[12][0-9]{{3}})\b)?)
    """,
    "cnpct": rf"""
    (?P<cnpct>百分之(?P<pv>{_DIGITS}|{_CN_NUM}))
    """,
    "cyear": r"""
    (?P<cyear>(?P<cyy>[0-9]{4})年(?!代))
    """,
    "ord": rf"""
    (?P<ord>(?:第(?P<onum>[{_CN_DIGITS}]+|[0-9]+)(?P<ocl>期|批|阶段|階段))
        |(?P<oshort>(?<![第{_CN_DIGITS}])[一二三四五六七八九十](?=期))
        |\b(?a:phase|stage)\s+(?P<ophase>(?a:one|two|three|four|five|[1-9]|I{{1,3}}|IV|V))\b
        |\b(?P<oword>(?a:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))
           (?=[-\s]+(?a:{"|".join(_STAGES)})\b))
    """,
    "num": rf"""
    (?P<num>(?P<cur>{_CURRENCY_PREFIX}\s?)?
        (?:(?P<digits>(?:(?<![0-9A-Za-z.\-/_^])|(?<=RMB|CNY|USD|EUR))(?:{_DIGITS})(?:[eE][+-]?[0-9]{{1,3}}(?![0-9]))?)
          |(?P<cn>{_CN_NUM})|(?P<en>{_EN_NUM})))
    """,
}
# A figure is the first branch that matches where it starts; only the branches
# that can start with the anchor's first character (a digit, an ASCII letter,
# anything else) are tried, in the same order.
_SCAN_FIRST: Final = {
    "digit": ("iso", "cndate", "dmy", "cyear", "num"),
    "letter": ("endate", "ord", "num"),
    "other": ("cnpct", "ord", "num"),
}
_SCAN: Final = {
    first: re.compile("|".join(_SCAN_BRANCHES[name] for name in names), re.VERBOSE | re.IGNORECASE)
    for first, names in _SCAN_FIRST.items()
}
_EN_MAGNITUDE_WORDS = (
    "(?a:" + "|".join(sorted(_spellings.ENGLISH_MAGNITUDES, key=len, reverse=True)) + ")"
)
_EN_MAGNITUDE_AFTER = re.compile(
    rf"\s?(?P<mag>{_EN_MAGNITUDE_WORDS})(?![A-Za-z])(?!\s+(?:of|to)\b)", re.IGNORECASE
)
_CN_AFTER = re.compile(
    rf"(?P<more>[多余餘])?(?P<mag>[十百千]?(?:[万萬][亿億]|[{_CN_MAGNITUDES}]))?(?P<more2>[多余餘])?"
)
_CN_AFTER_FIRST: Final = frozenset("多余餘十百千" + _CN_MAGNITUDES)
_CN_MAGNITUDE_SET: Final = frozenset(_CN_MAGNITUDES)
_EN_MAGNITUDE_FIRST: Final = frozenset(
    c for w in _spellings.ENGLISH_MAGNITUDES for c in (w[0].lower(), w[0].upper())
)
_RANGE = re.compile(
    rf"\s*(?:-|–|—|~|～|至|到|\bto\b|\band\b)\s*(?:{_CURRENCY_PREFIX}\s?)?(?:{_DIGITS}|{_CN_NUM})"
    rf"(?:\s?(?:{_EN_MAGNITUDE_WORDS})\b|万亿|萬億|[万萬亿億])?",
    re.IGNORECASE,
)
# comput, flops (in any case), 算力, 智算, 运算, 運算, 计算能力, 計算能力; written to
# open with a character class, so that the search skips other characters in C.
_COMPUTE_CONTEXT = re.compile(
    r"[cCfF算智运運计計](?:(?<=[cC])(?i:omput)|(?<=[fF])(?i:lops)|(?<=算)力|(?<=智)算"
    r"|(?<=[运運])算|(?<=[计計])算能力)"
)
_PERCENT = re.compile(r"\s?(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


def _odd_number(text: str, s: str, start: int, end: int, digits: str, c: str) -> Mention | None:
    """Numbers written in ways the parser would misread: "2/23/2023", "1/3", "1.000.000", "14th"."""
    if c == "/" and (slashed := _SLASHED.match(s, start)) is not None:
        stop = slashed.end()
        figure = text[start:stop]
        date = slashed["third"] is not None
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.DATE if date else MentionKind.NUMBER,
            f"{figure!r} writes the day and the month in an order aipark cannot tell: "
            "write the date as YYYY-MM-DD"
            if date
            else f"{figure!r} is a fraction: write it as a decimal number or a percentage",
        )
    if c == "." and (grouped := _DOT_GROUPS.match(s, start)) is not None:
        stop = grouped.end()
        figure = text[start:stop]
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.NUMBER,
            f"{figure!r} separates thousands with dots: write {figure.replace('.', ',')!r}",
        )
    if digits.isdigit() and (suffix := _ORDINAL_SUFFIX.match(s, end)) is not None:
        stop = suffix.end()
        noun = _NEXT_WORD.match(text, stop)
        return Mention(
            text=text[start:stop],
            start=start,
            end=stop,
            kind=MentionKind.ORDINAL,
            quantity=_count(int(digits)),
            counts=noun[1].lower() if noun else None,
        )
    return None


# "2/23/2023" (a date whose order of day and month cannot be told) or "1/3".
_SLASHED: Final = re.compile(r"[0-9]+/[0-9]+(?:/(?P<third>[0-9]+))?(?![0-9A-Za-z/])")
# "1.000.000": thousands separated by dots (two groups or more, so no decimal point).
_DOT_GROUPS: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9])")
# "14th", "1st", "2nd", "3rd": an ordinal, not 14 thou or 1 stere.
_ORDINAL_SUFFIX: Final = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_POWER = re.compile(r"\^[+-]?[0-9]+")  # "10^15": a power, which the parser does not read
_NAMES = re.compile(r"[0-9]+[GD](?![A-Za-z])")  # 5G, 3D: names, not figures
# Full-width digits and signs read as ASCII; the mapping keeps every offset.
_WIDTH: Final = str.maketrans("０１２３４５６７８９．％＄￥", "0123456789.%$¥")


# A figure starts with a digit, a Chinese numeral or 第, or a currency sign: a
# run of digits or of numerals is one anchor.  The pattern opens with a
# character class, so that ``finditer`` skips the rest of the text in C.
_ANCHOR: Final = re.compile(
    rf"[0-9$¥€£{_CN_DIGITS}第](?:(?<=[0-9])[0-9]*|(?<=[{_CN_DIGITS}第])[{_CN_DIGITS}第]*|)"
)
#: Words a figure can start with: number words, ordinals, months, currency codes.
_ANCHOR_WORDS: Final = frozenset(
    [
        *_EN_UNITS,
        *_EN_ORDINALS,
        *_MONTHS,
        "phase",
        "stage",
        "us",
        "hk",
        "nt",
        "rmb",
        "cny",
        "usd",
        "eur",
    ]
)
# Each anchor word as a whole word (no letter either side) of the text's
# lower-case ASCII copy (see :func:`_anchors`).  The word comes first (then the
# byte before it is looked at), so that the search for it runs in C.
_ANCHOR_WORD: Final = {
    w.encode(): re.compile(re.escape(w).encode() + rb"(?<![a-z]" + w.encode() + rb")(?![a-z])")
    for w in _ANCHOR_WORDS
}
# Bytes other than a-z become spaces: what is left splits into the words.
_LETTERS_ONLY: Final = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_FULL_WIDTH: Final = re.compile("[０１２３４５６７８９．％＄￥]")


def extract(text: str) -> tuple[Mention, ...]:
    """Every figure in ``text``, in order, as :class:`Mention` s.

    >>> import aipark
    >>> [m.text for m in aipark.extract("The park covers 2,918 mu (194.6 hectares).")]
    ['2,918 mu', '194.6 hectares']
    >>> m = aipark.extract("预计到2028年产业规模超过600亿元")[1]
    >>> m.kind.value, m.quantity, m.bound.value
    ('money', <Quantity(60000000000, 'CNY')>, 'more_than')

    Raises :class:`~aipark.ValidationError` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ValidationError(f"expected text as a string, got {type(text).__name__}")
    scan = text.translate(_WIDTH) if _FULL_WIDTH.search(text) else text
    mentions = _scan(text, scan)
    return tuple(_pair(text, _slogans(text, scan, mentions)))


def _scan(text: str, s: str) -> list[Mention]:
    """Mentions from left to right: :data:`_SCAN` is tried only where a figure can start.

    Searching with the whole pattern would try its every branch at every
    character; :func:`_anchors` finds where a figure can start at C speed.
    """
    out: list[Mention] = []
    pos = 0
    digit, letter, other = _SCAN["digit"].match, _SCAN["letter"].match, _SCAN["other"].match
    for start, stop in _anchors(s):
        if start < pos:
            continue
        c = s[start]
        if "0" <= c <= "9":
            m = digit(s, start)
        elif c.isascii() and c.isalpha():
            m = letter(s, start)
        else:
            m = other(s, start)
        if m is None:
            pos = stop
            continue
        kind = m.lastgroup
        found = _number(text, s, m) if kind == "num" else _MENTION[kind or ""](text, s, m)
        if found is None:
            pos = max(m.end(), start + 1)
            continue
        out.append(found)
        pos = max(found.end, start + 1)
    return out


def _anchors(s: str) -> list[tuple[int, int]]:
    """The spans where a figure can start: numbers, signs, and the words of :data:`_ANCHOR_WORDS`.

    The words are found in a lower-case ASCII copy of the text (a character
    to a byte, so offsets stay): which anchor words occur at all is a set
    intersection, and only those are searched for.
    """
    spans = [m.span() for m in _ANCHOR.finditer(s)]
    low = s.encode("ascii", "replace").lower()
    for word in _ANCHOR_WORD.keys() & low.translate(_LETTERS_ONLY).split():
        spans.extend(m.span() for m in _ANCHOR_WORD[word].finditer(low))
    spans.sort()
    return spans


def _iso(text: str, s: str, m: re.Match[str]) -> Mention | None:
    return _date(text, m, m["iy"], m["im"], m["id"])


def _cndate(text: str, s: str, m: re.Match[str]) -> Mention | None:
    if m["cy"] is None and m["cd"] is None:
        return None  # "3月" alone is a month, not a date
    return _date(text, m, m["cy"], m["cm"], m["cd"])


def _endate(text: str, s: str, m: re.Match[str]) -> Mention | None:
    return _date(text, m, m["ey"] or m["emy"], str(_MONTHS[m["mname"].lower()]), m["ed"])


def _dmy(text: str, s: str, m: re.Match[str]) -> Mention | None:
    return _date(text, m, m["dy"], str(_MONTHS[m["dmname"].lower()]), m["dd"])


def _cyear(text: str, s: str, m: re.Match[str]) -> Mention | None:
    start, end = m.span()
    return Mention(
        text=text[start:end], start=start, end=end, kind=MentionKind.YEAR, year=int(m["cyy"])
    )


def _cnpct(text: str, s: str, m: re.Match[str]) -> Mention | None:
    raw = m["pv"]
    value = raw if raw[0].isdigit() else _cn_number(raw)
    if value is None:
        return None
    reading = _read(f"{value} percent")
    return _finish(text, m.start(), m.end(), reading, _bound_before(s, m.start()), ratio=True)


def _unreadable(
    text: str,
    start: int,
    end: int,
    kind: MentionKind,
    reason: str | None,
    bound: Bound | None = None,
) -> Mention:
    """A figure aipark cannot read, with the reason: returned, never dropped, never guessed."""
    return Mention(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        bound=bound,
        reason=reason or f"{text[start:end]!r} cannot be read",
    )


def _date(
    text: str, m: re.Match[str], year: str | None, month: str, day: str | None
) -> Mention | None:
    y = int(year) if year else None
    mo, d = int(month), int(day) if day else None
    if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
        return None
    if y is not None and not 1000 <= y <= 9999:
        return None
    start, end = m.span()
    return Mention(
        text=text[start:end], start=start, end=end, kind=MentionKind.DATE, year=y, month=mo, day=d
    )


def _ordinal(text: str, m: re.Match[str]) -> Mention | None:
    if m["oword"]:
        value: int | float | None = _EN_ORDINALS[m["oword"].lower()]
        counts = _NEXT_WORD.match(text, m.end())
        noun = counts[1].lower() if counts else None
    elif m["ophase"]:
        raw = m["ophase"]
        roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
        value = int(raw) if raw.isdigit() else roman.get(raw) or _EN_UNITS.get(raw.lower())
        noun = m.group().split()[0].lower()
    elif m["oshort"]:
        value, noun = _cn_number(m["oshort"]), "期"
        if m.start() > 0 and text[m.start() - 1] == "分":  # 分三期建设: in three phases
            start, end = m.start(), m.end() + 1
            return Mention(
                text=text[start:end],
                start=start,
                end=end,
                kind=MentionKind.COUNT,
                quantity=_count(value or 0),
                counts=noun,
            )
    else:
        raw = m["onum"]
        value = int(raw) if raw.isdigit() else _cn_number(raw)
        noun = m["ocl"]
    if value is None:
        return None
    start, end = m.span()
    return Mention(
        text=text[start:end],
        start=start,
        end=end,
        kind=MentionKind.ORDINAL,
        quantity=_count(value),
        counts=noun,
    )


def _ord(text: str, s: str, m: re.Match[str]) -> Mention | None:
    return _ordinal(text, m)


#: What reads a match of each branch of :data:`_SCAN` (``num`` is :func:`_number`).
_MENTION: Final[dict[str, Callable[[str, str, re.Match[str]], Mention | None]]] = {
    "iso": _iso,
    "cndate": _cndate,
    "endate": _endate,
    "dmy": _dmy,
    "cyear": _cyear,
    "cnpct": _cnpct,
    "ord": _ord,
}


def _number(text: str, s: str, m: re.Match[str]) -> Mention | None:
    """A figure that starts with a number: read its magnitude words, unit, bound.

    The most common figure of all, so each look at the text after the number
    is tried only when the next character can start it.
    """
    cur, digits, cn, en = m.group("cur", "digits", "cn", "en")
    if cn:
        return _chinese_number(text, s, m)
    start, end = m.span()
    if (
        digits
        and s[end : end + 1] in ("G", "D")
        and digits.isdigit()  # a comma or point ends the run of digits that _NAMES wants
        and _NAMES.match(s, m.start("digits"))
    ):
        return None  # 5G, 3D: names, not figures
    if digits and (c := s[end : end + 1]) in ("/", ".", "s", "n", "r", "t", "S", "N", "R", "T"):
        odd = _odd_number(text, s, start, end, digits, c)
        if odd is not None:
            return odd
    if digits and s[end : end + 1] == "^" and (power := _POWER.match(s, end)) is not None:
        stop = power.end()
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.NUMBER,
            f"{text[start:stop]!r} is a power written with '^', which aipark does not "
            "read: write the number (e.g. '1e15' for 10^15)",
        )
    magnitude = more = ""
    c = s[end : end + 1]
    if c.isspace():
        c = s[end + 1 : end + 2]
    if c in _EN_MAGNITUDE_FIRST and (mag := _EN_MAGNITUDE_AFTER.match(s, end)) is not None:
        magnitude, end = " " + mag["mag"], mag.end()
    if digits and s[end : end + 1] in _CN_AFTER_FIRST and (cn_after := _CN_AFTER.match(s, end)):
        more = cn_after["more"] or cn_after["more2"] or ""
        magnitude += cn_after["mag"] or ""
        end = cn_after.end()
        if magnitude and s[end : end + 1] in _CN_MAGNITUDE_SET:
            # "12.5亿亿次": not 12.5亿 counting 亿次; the parser refuses two magnitude words.
            while s[end : end + 1] in _CN_MAGNITUDE_SET:
                end += 1
            return _unreadable(
                text,
                start,
                end,
                MentionKind.NUMBER,
                _read(s[start:end]).reason,
            )
    p = s[start - 1] if start else ""
    bound = _bound_before(s, start) if p in _BOUND_LAST or p.isspace() else None
    after = _FOLLOW.match(s, end)
    if after is not None and (rng := after["rng"]) is not None:
        # A range is one unreadable figure, never two guesses.
        if not (rng.strip().lower().startswith("and") and not _between(s, start)):
            return _range(text, s, m, start, after.end())
        after = _AFTER.match(s, end)
    if digits and len(digits) == 4 and not (cur or magnitude or more):
        year = _year(text, s, start, end, digits)
        if year is not None:
            return year
    # The parser reads the figure as printed; number words are read here.
    head = s[start:end] if digits else f"{_en_number(en.lower().split())}{magnitude}"
    return _with_unit(text, s, start, end, head, bound, after, word=bool(en))


def _cn_after(s: str, end: int) -> re.Match[str] | None:
    """:data:`_CN_AFTER` at ``end``, tried only when it can match more than nothing."""
    if end < len(s) and s[end] in _CN_AFTER_FIRST:
        return _CN_AFTER.match(s, end)
    return None


def _percent_after(s: str, end: int) -> re.Match[str] | None:
    """:data:`_PERCENT` at ``end``, tried only when the next character can start it."""
    c = s[end : end + 1]
    if c.isspace():
        c = s[end + 1 : end + 2]
    if not c or c not in "%pP":
        return None
    return _PERCENT.match(s, end)


def _chinese_number(text: str, s: str, m: re.Match[str]) -> Mention | None:
    """A number in Chinese numerals: a figure only before a unit or a measure word."""
    start, end = m.start("cn"), m.end("cn")
    raw = m["cn"]
    magnitude = ""
    while raw and raw[-1] in _CN_MAGNITUDES:
        magnitude = raw[-1] + magnitude
        raw = raw[:-1]
    if not raw:
        return None
    bound = _bound_before(s, start)
    # "千亿元", "百万亩": a bare 千 or 百 before a magnitude word is a number, when a
    # unit follows (alone, 千万 is also "by all means"); so is "逾百家", "近千家": after
    # a bound word, before a measure word.
    bare = (
        _BARE_CN.get(raw)
        if magnitude or (bound is not None and s[end : end + 1] in _CLASSIFIER_SET)
        else None
    )
    value = bare or _cn_number(raw)
    if value is None:
        return None
    cn = _cn_after(s, end)
    more = ""
    if cn is not None and cn.end() > end and not magnitude:
        more = cn["more"] or cn["more2"] or ""
        magnitude = cn["mag"] or ""
        end = cn.end()
    after = _FOLLOW.match(s, end)
    if after is not None and (rng := after["rng"]) is not None:
        if rng.strip()[:1] in "至到-–—~～":
            return _range(text, s, m, start, after.end())
        after = _AFTER.match(s, end)
    head = f"{value}{more}{magnitude}"
    mention = _with_unit(text, s, start, end, head, bound, after, chinese=True)
    if mention is None or mention.kind is not MentionKind.NUMBER or (magnitude and not bare):
        return mention
    return None  # a Chinese numeral with nothing after it is a word: 一直, 千万, 千亿级


_BARE_CN: Final = {"千": 1000, "仟": 1000, "百": 100, "佰": 100}


@lru_cache(maxsize=1024)
def _cn_number(raw: str) -> int | float | None:
    """A Chinese numeral's value through cn2an, or None when it is not a numeral."""
    if set(raw) <= {"百", "千", "佰", "仟"}:
        return None
    import cn2an

    try:
        value = cn2an.cn2an(raw, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return (
        int(value)
        if isinstance(value, float) and value.is_integer() and "点" not in raw and "點" not in raw
        else value
    )


def _en_number(words: list[str]) -> int | None:
    first = words[0]
    if "-" in first:
        tens, ones = first.split("-")
        value = _EN_UNITS[tens] + _EN_UNITS[ones]
    else:
        value = _EN_UNITS[first]
    for word in words[1:]:
        value *= {"hundred": 100, "thousand": 1000}[word]
    return value


def _bound_before(s: str, start: int) -> Bound | None:
    """The bound the words just before a figure give it ("more than", 超过), read backwards."""
    if start == 0 or not (s[start - 1] in _BOUND_LAST or s[start - 1].isspace()):
        return None  # no bound word (nor a currency sign after one) ends here
    before = s[max(0, start - 16) : start][::-1]
    for pattern in _BOUND_PATTERNS:
        found = pattern.match(before)
        if found is not None:
            return Bound(_BOUND_PREFIXES[found[1][::-1].lower()])
    return None


def _reversed_words(ascii_words: bool) -> str:
    words = sorted(
        (w for w in _BOUND_PREFIXES if w.isascii() == ascii_words), key=len, reverse=True
    )
    return "(?a:" + "|".join(re.escape(w[::-1]) for w in words) + ")"


# Matched against the text before a figure, reversed: a match at the start is
# cheap where a search for words at the end would try every position.
_BOUND_PATTERNS: Final = (
    re.compile(
        rf"(?:\$SU|\$KH|\s?BMR|[$¥€£])?\s+({_reversed_words(True)})(?![A-Za-z])", re.IGNORECASE
    ),
    re.compile(rf"\s?({_reversed_words(False)})"),
)
#: The characters just before a figure that a match of :data:`_BOUND_PATTERNS`
#: can start with (besides spaces): currency signs, the B of RMB, the last
#: characters of the Chinese bound words.
_BOUND_LAST: Final = frozenset("$¥€£Bb").union(w[-1] for w in _BOUND_PREFIXES if not w.isascii())


def _between(s: str, start: int) -> bool:
    return (
        re.search(r"\bbetween\s+(?:US\$|[$¥€£])?$", s[max(0, start - 12) : start], re.I) is not None
    )


def _range(text: str, s: str, m: re.Match[str], start: int, end: int) -> Mention:
    """A range ("20亿至30亿元", "$15-20 billion"): unreadable, with its unit's kind."""
    pct = _percent_after(s, end)
    if pct is not None:
        end = pct.end()
    if pct is None:
        for unit in _unit_text(s, end):
            q = _read("1" + unit).quantity
            if q is not None and q.dimensionality:
                end += len(unit)
                break
    if re.search(r"\bbetween\s+$", s[max(0, start - 9) : start], re.IGNORECASE):
        start = start - len(re.search(r"between\s+$", s[:start], re.I).group())  # type: ignore[union-attr]
    kind = MentionKind.NUMBER
    probe = s[m.start() : end]
    if pct is not None:
        kind = MentionKind.RATIO
    elif re.search(r"[$¥€£元]|yuan|dollar|RMB|USD|EUR", probe, re.IGNORECASE):
        kind = MentionKind.MONEY
    elif re.search(r"亩|畝|hectare|mu\b|km|公顷|公頃", probe, re.IGNORECASE):
        kind = MentionKind.AREA
    elif re.fullmatch(r"[12][0-9]{3}\s*[-–—~～至到]\s*[12][0-9]{3}", probe.strip()):
        kind = MentionKind.YEAR
    reason = _read(s[m.start() : end]).reason
    if reason is None or "range" not in reason:
        reason = f"{text[start:end]!r} is a range: aipark reads one figure, not a span of two"
    return _unreadable(text, start, end, kind, reason)


def _unit_text(s: str, end: int) -> tuple[str, ...]:
    """Texts after a number that could be its unit, longest first."""
    run = _UNIT_RUN.match(s, end)
    return () if run is None else _units_of(run)


def _units_of(run: re.Match[str]) -> tuple[str, ...]:
    """The unit texts of a match of :data:`_UNIT_RUN`'s groups, longest first."""
    lead = run["lead"] or ""
    chars = run["cjk"]
    if chars is not None:
        return tuple(
            lead + chars[:n] for n in range(len(chars), 0, -1) if _could_be_unit(chars[:n])
        )
    first = run["w1"]
    if first is None or _no_unit_from(first):
        return ()
    words = [w for w in run.group("w1", "w2", "w3") if w]
    texts = (" ".join(words[:n]) for n in range(len(words), 0, -1))
    return tuple(lead + text for text in texts if _unit_words(text))


@lru_cache(maxsize=4096)
def _no_unit_from(word: str) -> bool:
    """Whether no unit text of :func:`_unit_words` can start with ``word`` (most nouns).

    Only a word that could be a unit itself, or that shares a beginning with
    a spelling of :data:`_UNIT_STARTS` ("square", "museum"), can start one.
    """
    if word.lower() in _NOT_UNITS:
        return True
    if any(sp.startswith(word) or word.startswith(sp) for sp in _UNIT_STARTS):
        return False
    return not _could_be_unit(word)


# A whole word, powers and operators included ("km²", "m³/s", "kW·h"), with no
# letter but a Chinese character after it ("5 thouſand" is not "5 thou").
_EN_UNIT_WORD = (
    r"[A-Za-z][A-Za-z⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*(?:[-/·^*]+[A-Za-z0-9⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+(?:\.[0-9]+)?)*"
    r"(?![^\W\d_\u3400-\u9fff])"
)
# The words after a number that could be its unit: one space, or a hyphen
# before a letter ("a 600-mu campus"), may lead them; then a run of up to four
# Chinese characters, or up to three words.
_UNIT_RUN_PATTERN: Final = (
    r"(?P<lead>[ \u00a0]|-(?=[A-Za-z]))?(?![ \u00a0])"
    rf"(?:(?P<cjk>[\u3400-\u9fff]{{1,4}})"
    rf"|(?P<w1>{_EN_UNIT_WORD})(?: (?P<w2>{_EN_UNIT_WORD}))?(?: (?P<w3>{_EN_UNIT_WORD}))?)"
)
_UNIT_RUN: Final = re.compile(_UNIT_RUN_PATTERN)
#: What can follow a number, tried in this order: a percent sign, compute
#: shorthand ("150P", "300P算力"), words that could be its unit.
_AFTER: Final = re.compile(
    rf"(?i:(?P<pct>{_PERCENT.pattern}))"
    r"|(?P<short>[PETZ](?P<tail>\s?算力)?(?![A-Za-z]))"
    rf"|{_UNIT_RUN_PATTERN}"
)
#: :data:`_AFTER`, or first a range: one match says what follows a number.
_FOLLOW: Final = re.compile(rf"(?i:(?P<rng>{_RANGE.pattern}))|{_AFTER.pattern}")


@lru_cache(maxsize=4096)
def _unit_words(text: str) -> bool:
    """Whether every word of ``text`` could belong to a unit ("yuan per mu", not "mu site")."""
    for spelling in _UNIT_STARTS:
        if text.startswith(spelling):  # "square kilometers", then maybe more words
            more = text[len(spelling) :].split()
            return all(
                w == "per" or (w.lower() not in _NOT_UNITS and _could_be_unit(w)) for w in more
            )
    first, *more = text.split(" ")
    return _could_be_unit(first) and all(
        w == "per" or (w.lower() not in _NOT_UNITS and _could_be_unit(w)) for w in more
    )


@lru_cache(maxsize=4096)
def _could_be_unit(text: str) -> bool:
    """Whether a text after a number starts like a unit: only then is the parser asked.

    The parser's refusal of a word that is no unit ("companies") is right but
    costly (it looks for the closest unit names); most words after numbers in
    prose are nouns, so they are turned away here first.
    """
    if not text.isascii():
        text = text.translate(_TRADITIONAL)
    if text.startswith(_UNIT_STARTS) or "flop" in text.lower():
        return True
    first = text.split(" ", 1)[0]
    if first.lower() in _DOMAIN_LOWER:
        return True  # the parser refuses case traps ("Mu") with a reason worth keeping
    # "km²", "km/h", "kW·h": a unit written with powers or operators, each name a unit.
    names = (
        [n for n in _UNIT_OPERATORS.split(first) if n] if _UNIT_OPERATORS.search(first) else [first]
    )
    reg = get_registry()
    with contextlib.suppress(Exception):  # pint's name lookup, without the parser's checks
        return bool(names) and all(reg.parse_unit_name(name) for name in names)
    return False


# Letters right after the digits that business text writes for magnitudes ("20k",
# "500K", "10M") and pint reads as units no article means (the Boltzmann
# constant, molar) or as kelvin; "m" is a meter unless a plural noun follows.
_LETTER_MEANS: Final = {"k": "a thousand", "K": "a thousand", "M": "a million", "m": "a million"}
_THOUSANDS_OR_UNITS: Final = frozenset(["k", "K", "M"])
_PLURAL_NEXT: Final = re.compile(r" [A-Za-z]+[a-rt-z]s\b")
# Letters that business text writes for magnitudes and pint reads as units.
_MAGNITUDE_LETTERS: Final = frozenset(["m", "M", "k", "K", "mn", "tn"])
# A currency word right after a unit: "300m yuan", "5k dollars".
_CURRENCY_NEXT: Final = re.compile(
    r" ?(?:(?i:yuan|dollars?|euros?|renminbi|RMB|CNY|USD|EUR)(?![A-Za-z])|美元|欧元|歐元|元)"
)
# A power written as a digit right after a unit's last letter ("km2", "m3"),
# not a year, a count or a number ("300 PFLOPS2025年", "5亩3处", "hectares2,918").
_BARE_POWER: Final = re.compile(r"[23](?![0-9A-Za-z\u3400-\u9fff]|[.,][0-9])")
# Powers and operators inside a unit written as one word ("km²", "m³/s", "kW·h").
_UNIT_OPERATORS: Final = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|[/·^*]+[0-9]*(?:\.[0-9]+)?")


_UNIT_STARTS: Final = (*_spellings.UNIT_SPELLINGS, "US dollar")
_TRADITIONAL: Final = str.maketrans(_spellings.TRADITIONAL)
_DOMAIN_LOWER: Final = frozenset(name.lower() for name in _spellings.DOMAIN_UNITS)


class _Reading(NamedTuple):
    quantity: Quantity | None
    bound: Bound | None
    reason: str | None
    precision: Precision | None = None


@lru_cache(maxsize=2048)
def _read(text: str, *, compute: bool = False) -> _Reading:
    """The parser's reading of a figure's text (in a compute context or not), or its refusal."""
    dimension = FLOPS_DIMENSION if compute else None
    if _adaptable(text):
        reading = _read(_adapt(text), compute=compute)
        if reading.quantity is not None:
            return reading
    try:
        figure = read_figure(text, dimension=dimension)
    except AiparkError as exc:
        adapted = _adapt(text)
        if adapted != text:
            try:
                figure = read_figure(adapted, dimension=dimension)
            except AiparkError:
                return _Reading(None, None, str(exc))
        else:
            return _Reading(None, None, str(exc))
    return _Reading(
        figure.quantity,
        _BOUND_OF.get(figure.bound),  # type: ignore[arg-type]
        None,
        _PRECISION_OF.get(figure.precision),  # type: ignore[arg-type]
    )


_BOUND_OF: Final = {b.value: b for b in Bound}
_PRECISION_OF: Final = {p.value: p for p in Precision}


# Spellings the parser does not read yet, rewritten for it; each rewrite runs
# only after the parser has refused the text as printed.
_ADAPTED: Final = (
    ("US dollars", "USD"),
    ("US dollar", "USD"),
    ("per cent", "percent"),
    (" per ", " / "),
)


def _adaptable(text: str) -> bool:
    """Whether a rewrite of :data:`_ADAPTED` applies ("US dollars" contains "US dollar")."""
    return "US dollar" in text or "per cent" in text or " per " in text


def _adapt(text: str) -> str:
    for old, new in _ADAPTED:
        text = text.replace(old, new)
    return text


def _with_unit(
    text: str,
    s: str,
    start: int,
    end: int,
    head: str,
    bound: Bound | None,
    after: re.Match[str] | None,
    *,
    chinese: bool = False,
    word: bool = False,
) -> Mention | None:
    """The figure from ``start``: its number (``head``), then the longest unit the parser reads.

    ``after`` is the match of :data:`_AFTER` (or :data:`_FOLLOW`) at ``end``.
    """
    units: tuple[str, ...] = ()
    if after is not None:
        if after["pct"] is not None:
            stop = after.end()
            reading = _read(f"{head} percent")
            if (suffix := _bound_suffix_after(s, stop)) is not None:  # "20%以上"
                reading, stop = _read(f"{head} percent{suffix.group()}"), suffix.end()
            return _finish(text, start, stop, reading, bound, ratio=True)
        if after["short"] is not None:
            stop = after.end()
            context = s[max(0, start - 60) : stop + 10]
            compute = bool(after["tail"] or _COMPUTE_CONTEXT.search(context))
            reading = _read(head + s[end:stop], compute=compute)
            precise = _precision_after(s, stop)
            if precise is not None and reading.quantity is not None:
                reading = _read(head + s[end : precise.end()], compute=True)
                stop = precise.end()
            return _finish(text, start, stop, reading, bound)
        if after["w1"] == "B":
            # "$8.69B", "a 17B deal": billions in the news, bytes to pint; never a guess.
            stop = after.end("w1")
            figure = text[start:stop]
            return _unreadable(
                text,
                start,
                stop,
                _kind_of_text(head),
                f"{figure!r}: 'B' after a number is a billion in business news and a "
                "byte to pint; write 'billion' or 'byte'",
                bound=bound,
            )
        units = _units_of(after)
        if (
            not head[:1].isdigit()
            and (w1 := after["w1"]) is not None
            and (after["lead"] is None or w1.lower() == "per")
        ):
            # "$300m", "€40m", "US$1.2tn", "$300 per mu": a currency sign and a unit
            # the parser refuses; never "$300".
            stop = after.end("w3") if after["w3"] and w1.lower() == "per" else after.end("w1")
            if w1.lower() == "per" and after["w2"] and not after["w3"]:
                stop = after.end("w2")
            figure = text[start:stop]
            return _unreadable(
                text,
                start,
                stop,
                MentionKind.MONEY,
                _read(head + s[end:stop]).reason
                or f"{figure!r}: a currency sign and a unit in one figure",
                bound=bound,
            )
    for unit in units:
        reading = _read(head + (" " + unit[1:] if unit[:1] == "-" else unit))
        if reading.quantity is not None and _dimensioned(reading.quantity._units):
            unit_end = end + len(unit)
            if unit.strip() in _MAGNITUDE_LETTERS and (
                currency := _CURRENCY_NEXT.match(s, unit_end)
            ):
                # "300m yuan", "5k dollars": a magnitude to business text, a meter to pint.
                stop = currency.end()
                figure = text[start:stop]
                return _unreadable(
                    text,
                    start,
                    stop,
                    MentionKind.MONEY,
                    f"{figure!r}: {unit.strip()!r} before a currency is a magnitude in "
                    "business text but a unit to pint; write the magnitude as a word "
                    "('million', 'thousand', 万, 亿)",
                    bound=bound,
                )
            if unit in _THOUSANDS_OR_UNITS or (
                unit == "m" and _PLURAL_NEXT.match(s, unit_end) is not None
            ):
                # "20k users", "500K PCs", "10M people", "2m visitors": a magnitude in
                # business text; to pint the Boltzmann constant, kelvin, molar, meters.
                stop = unit_end
                figure = text[start:stop]
                return _unreadable(
                    text,
                    start,
                    stop,
                    MentionKind.NUMBER,
                    f"{figure!r}: {unit!r} after a number is {_LETTER_MEANS[unit]} in "
                    f"business text but {unit_name(reading.quantity._units)} to pint; write "
                    f"'{head} {_LETTER_MEANS[unit].split()[1]}' or the unit in full",
                    bound=bound,
                )
            if "a" <= unit[-1].lower() <= "z" and _BARE_POWER.match(s, unit_end):
                # "5 km2": not 5 km; the parser refuses the power written as a digit.
                stop = unit_end + 1
                return _unreadable(
                    text,
                    start,
                    stop,
                    _kind_of_text(head + unit),
                    _read(head + unit + s[unit_end]).reason,
                    bound=bound,
                )
            precise = _precision_after(s, unit_end)
            if precise is not None and _kind(reading.quantity) is MentionKind.COMPUTE:
                reading = _read(head + unit + s[unit_end : precise.end()])
                unit_end = precise.end()
            suffix = _bound_suffix_after(s, unit_end)
            if suffix is not None and (more := _read(head + unit + suffix.group())).bound:
                reading, unit_end = more, suffix.end()
            return _finish(text, start, unit_end, reading, bound)
    if units and _UNIT_OPERATORS.search(units[0]):
        # A unit written with powers or operators that the parser refuses ("m**99"):
        # unreadable, not a count of "m".
        unit = units[0]
        refused = _read(head + (" " + unit[1:] if unit[:1] == "-" else unit))
        if refused.reason is not None:
            stop = end + len(unit)
            return _unreadable(
                text,
                start,
                stop,
                _kind_of_text(head + unit),
                refused.reason,
                bound=bound,
            )
    if "\u3400" <= s[end : end + 1] <= "\u9fff" and (
        misread := _refused_after(text, s, start, end, head, chinese=chinese)
    ):
        return misread
    reading = _read(head.strip())
    q = reading.quantity
    if q is None:
        return _unreadable(
            text,
            start,
            end,
            _kind_of_text(head),
            reading.reason,
            bound=bound,
        )
    bound = bound or reading.bound
    if not head[:1].isdigit():  # a currency sign: money, whatever follows
        return _finish(text, start, end, reading, bound)
    stop = end + 1 if s[end : end + 1] in _CLASSIFIER_SET else end
    if (suffix := _bound_suffix_after(s, stop)) is not None:
        return _bound_after(text, start, end, stop, suffix.end(), reading, bound)
    noun = _noun(s, end, chinese=chinese)
    if noun is None:
        if (chinese and head.isdigit()) or word:
            return None  # a number word with nothing to count is a word: "one of them", 一直
        return _finish(text, start, end, reading, bound)
    return Mention(
        text=text[start:stop],
        start=start,
        end=stop,
        kind=MentionKind.COUNT,
        quantity=q,
        bound=bound,
        counts=noun,
    )


def _refused_after(
    text: str, s: str, start: int, end: int, head: str, *, chinese: bool
) -> Mention | None:
    """What two words would misread: "50亿港元" is no count of 港元, "3千家" none of 千家."""
    foreign = _FOREIGN_CURRENCY.match(s, end)
    if foreign is not None:
        name = foreign.group()
        stop = foreign.end()
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.MONEY,
            f"{text[start:stop]!r}: aipark defines no "
            f"{_spellings.FOREIGN_CURRENCY_NAMES[name]} ({name}): convert the amount to CNY, "
            "USD or EUR first",
        )
    c = s[end]
    if c == "年" and s[end + 1 : end + 2] not in _NOT_A_YEAR and head.replace(".", "").isdigit():
        return _years(text, s, start, end, head, chinese=chinese)
    if c in ("兆", "度"):
        # "20兆瓦": 兆 is mega and 10^12; "1.5亿度": 度 is a kWh of electricity and a degree.
        stop = end + 1
        if c == "兆":  # with the unit it multiplies: 兆瓦, 兆元, 兆瓦时
            unit = _CJK_WORD.match(s, stop).group()  # type: ignore[union-attr]
            stop += len(unit.rstrip(_CN_NOUN_STOP))
        figure = text[start:stop]
        return _unreadable(
            text,
            start,
            stop,
            _kind_of_text(figure),
            _read(head + s[end:stop]).reason
            if c == "兆"
            else f"{figure!r}: 度 is a kilowatt-hour of electricity and a degree of angle or "
            "temperature; write 千瓦时, kWh or ℃",
        )
    if head[-1:].isdigit() and s[end] in "百千" and not s.startswith("百分之", end):
        # Not 十 ("5十字路口" is five crossroads), nor 百分之, which starts a percentage.
        stop = end + 1
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.NUMBER,
            f"{text[start:stop]!r} mixes digits and a Chinese numeral: aipark reads "
            f"'{head}{s[end]}' only before 万 or 亿 ('5千万'); write the number in digits",
        )
    return None


def _years(text: str, s: str, start: int, end: int, head: str, *, chinese: bool) -> Mention:
    """A number of 年: a duration ("近三年", "3年内"), or a year of the Minguo calendar after 民國.

    Digits from 10 to 99 are also how sources shorten a year ("23年" for 2023), and
    from 100 how Taiwanese sources write one (115年 for 民國115年, 2026): unreadable.
    """
    stop = end + 1
    n = float(head)
    if s[max(0, start - 2) : start] in ("民國", "民国") and n.is_integer():
        return Mention(
            text=text[start - 2 : stop],
            start=start - 2,
            end=stop,
            kind=MentionKind.YEAR,
            year=int(n) + 1911,  # 民國1年 is 1912
        )
    figure = text[start:stop]
    if n >= 100:
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.YEAR,
            f"{figure!r} is a year of the Minguo calendar (民國115年 is 2026) or a "
            "duration: write the year in full",
        )
    if n >= 10 and n.is_integer() and not chinese:
        return _unreadable(
            text,
            start,
            stop,
            MentionKind.YEAR,
            f"{figure!r} is a year written short (23年 for 2023) or a duration: write "
            "the year in full, or the duration in Chinese numerals (二十年)",
        )
    return _finish(text, start, stop, _read(f"{head} year"), _bound_before(s, start))


# After N年, the characters that make it no year or duration: 年代 (a decade), 年级
# (a school year), 年度, 年底, 年初, 年末, 年中.
_NOT_A_YEAR: Final = frozenset("代级級度底初末中")
_CJK_WORD: Final = re.compile(r"[\u3400-\u9fff]{0,2}")


_FOREIGN_CURRENCY: Final = re.compile(
    "|".join(sorted(_spellings.FOREIGN_CURRENCY_NAMES, key=len, reverse=True))
)
# A foreign currency's name just before a figure in 元: "新台幣120億元", "港幣約50億元".
_FOREIGN_BEFORE: Final = re.compile(
    "(?:" + "|".join(sorted(_spellings.FOREIGN_CURRENCY_NAMES, key=len, reverse=True)) + ")"
    r"[约約大近逾超过過]{0,2}\s?$"
)


def _bound_after(
    text: str, start: int, end: int, stop: int, finish: int, reading: _Reading, bound: Bound | None
) -> Mention:
    """A bound word after a number or its measure word: "1.2以下", "300家以上".

    ``end`` is the number's end, ``stop`` its measure word's (if any), ``finish``
    the bound word's.  A second, different bound is refused, as the parser does.
    """
    figure = text[start:finish]
    after = _BOUND_OF[_spellings.BOUND_SUFFIXES[text[stop:finish]]]
    if bound is not None and bound is not after:
        return _unreadable(
            text,
            start,
            finish,
            MentionKind.COUNT if stop > end else MentionKind.NUMBER,
            f"{figure!r} bounds the figure twice ({bound.value} and {after.value})",
        )
    if stop == end:
        return _finish(text, start, finish, reading, after)
    # "100个以上应用场景": the noun after the bound word; "企业300家以上": the measure word.
    return Mention(
        text=figure,
        start=start,
        end=finish,
        kind=MentionKind.COUNT,
        quantity=reading.quantity,
        bound=after,
        counts=_cn_noun_at(text, finish) or text[end:stop],
    )


_PRECISION: Final = re.compile(
    rf"""\s?(?:[(（]\s*(?a:{"|".join(_spellings.PRECISIONS)})(?:精度)?\s*[)）]
    |(?a:{"|".join(_spellings.PRECISIONS)})(?:精度)?)(?:\s?算力)?""",
    re.VERBOSE | re.IGNORECASE,
)
_BOUND_SUFFIX: Final = re.compile("|".join(w for w in _spellings.BOUND_SUFFIXES if len(w) > 1))
_BOUND_SUFFIX_FIRST: Final = frozenset(w[0] for w in _spellings.BOUND_SUFFIXES if len(w) > 1)
# What :data:`_PRECISION` can start with after a space: a bracket or a precision's
# first character in any case.
_PRECISION_FIRST: Final = frozenset(
    "(（" + "".join(c + c.lower() + c.upper() for c in {w[0] for w in _spellings.PRECISIONS})
)


def _bound_suffix_after(s: str, end: int) -> re.Match[str] | None:
    """A bound word right after a figure (以上, 以下, 左右), tried only when one can start."""
    if s[end : end + 1] in _BOUND_SUFFIX_FIRST:
        return _BOUND_SUFFIX.match(s, end)
    return None


def _precision_after(s: str, end: int) -> re.Match[str] | None:
    """:data:`_PRECISION` at ``end``, tried only when the next character can start it."""
    c = s[end : end + 1]
    if c.isspace():
        c = s[end + 1 : end + 2]
    if not c or c not in _PRECISION_FIRST:
        return None
    return _PRECISION.match(s, end)


@lru_cache(maxsize=512)
def _dimensioned(units: UnitsContainer) -> bool:
    """Whether these units measure something: a dimension, or information.

    Information is dimensionless in pint (``bit = []``), yet "10PB" of storage
    is 10 petabytes, not the number 10.  Other dimensionless units (radians,
    percent, dB) read after a number stay words unless a rule reads them.
    pint works this out anew each time, so it is remembered.
    """
    reg = get_registry()
    if reg.get_dimensionality(units):
        return True
    return "bit" in reg.get_root_units(units)[1]._units


def _finish(
    text: str, start: int, end: int, reading: _Reading, bound: Bound | None, *, ratio: bool = False
) -> Mention:
    q = reading.quantity
    kind = MentionKind.RATIO if ratio else (_kind(q) if q is not None else MentionKind.OTHER)
    if kind is MentionKind.MONEY and "元" in text[start:end]:
        before = _FOREIGN_BEFORE.search(text, max(0, start - 8), start)
        if before is not None:
            name = before.group().rstrip("约約大近逾超过過 ")
            figure = text[before.start() : end]
            return _unreadable(
                text,
                start,
                end,
                kind,
                f"{figure!r}: 元 here is the {_spellings.FOREIGN_CURRENCY_NAMES[name]}, "
                "which aipark does not define: convert the amount to CNY, USD or EUR first",
            )
    if bound is not None and reading.bound is not None and bound is not reading.bound:
        figure = text[start:end]  # "超过20%以上": refused, as the parser does
        return _unreadable(
            text,
            start,
            end,
            kind,
            f"{figure!r} bounds the figure twice ({bound.value} and {reading.bound.value})",
        )
    return Mention(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        quantity=q,
        bound=bound or reading.bound,
        precision=reading.precision,
        reason=reading.reason,
    )


def _kind(q: Quantity) -> MentionKind:
    return _kind_of_units(q._units)


@lru_cache(maxsize=512)
def _kind_of_units(units: UnitsContainer) -> MentionKind:
    """:func:`_kind_of_unit` by pint's units, which name the unit only after a sort."""
    return _kind_of_unit(unit_name(units))


@lru_cache(maxsize=512)
def _kind_of_unit(unit: str) -> MentionKind:
    """What a quantity of ``unit`` measures (pint's dimension checks are slow; units repeat)."""
    from .units import currencies_of

    q = quantity(1, unit)
    if currencies_of(q) and len(q.dimensionality) == 1:  # yuan, not yuan per mu
        return MentionKind.MONEY
    if q.check("[area]"):
        return MentionKind.AREA
    if q.check("[floating_point_operation] / [time]"):
        return MentionKind.COMPUTE
    if not q.dimensionality:
        if str(q.units) in ("percent", "permille"):
            return MentionKind.RATIO
        return MentionKind.OTHER if _dimensioned(q._units) else MentionKind.NUMBER  # bytes
    return MentionKind.OTHER


def _kind_of_text(text: str) -> MentionKind:
    if re.search(r"[$¥€£元]|yuan|RMB|USD|EUR|CNY", text):
        return MentionKind.MONEY
    return MentionKind.NUMBER


def _year(text: str, s: str, start: int, end: int, digits: str) -> Mention | None:
    """A four-digit number read as a year, unless it counts something."""
    if len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2199:
        return None
    after = _WORD_AFTER.match(s, end)
    if after is not None:
        word = after[1]
        if word.lower() not in _NOUN_STOP and word.endswith("s") and len(word) > 3:
            return None
        if word in ("PCs", "MW", "km", "ha", "mu", "PFLOPS"):
            return None
    if "\u3400" <= s[end : end + 1] <= "\u9fff" and s[end : end + 1] in CLASSIFIERS + "亩畝元":
        return None
    if _bound_before(s, start) is not None:
        return None
    return Mention(
        text=text[start:end], start=start, end=end, kind=MentionKind.YEAR, year=int(digits)
    )


def _noun(s: str, end: int, *, chinese: bool) -> str | None:
    """The noun a bare number counts, when one follows it."""
    if chinese or "\u3400" <= s[end : end + 1] <= "\u9fff":
        pos = end + 1 if s[end : end + 1] in _CLASSIFIER_SET else end
        if pos == end and chinese:
            return None
        return _cn_noun_at(s, pos) or (s[end:pos] or None)  # "企业200家": the measure word
    m = _NOUN_PHRASE.match(s, end)
    if m is None:
        return None
    words: list[str] = []
    plurals: list[bool] = []
    plural = False
    for word in m[1].split(" "):
        low = word.lower()
        if low in _NOUN_BREAK:
            break
        if plural and low != "and" and low != "&":
            break  # "two computing centers offer": the noun ends at its plural
        words.append(word)
        plural = len(word) > 3 and word[-1] == "s" and not word.endswith(("ss", "is", "us"))
        plurals.append(plural)
    for i, word in enumerate(words):
        # "science and technology enterprises" is one noun; "companies and covers" is not.
        if word.lower() in ("and", "&") and (i == 0 or plurals[i - 1] or len(words) - i - 1 < 2):
            words = words[:i]
            break
    if not words or words[0].lower() in ("and", "percent", "per"):
        return None
    return " ".join(words)


def _cn_noun_at(s: str, pos: int) -> str:
    """The Chinese noun from ``pos``: up to ten characters, to a stop word or a space."""
    stop = pos
    while (
        stop < len(s)
        and stop - pos < 10
        and s[stop] not in _CN_NOUN_STOP
        and not s[stop].isspace()
        and ("\u3400" <= s[stop] <= "\u9fff" or s[stop].isalpha())
    ):
        stop += 1
    return s[pos:stop]


_NEXT_WORD: Final = re.compile(r"[-\s]+(\w+)")
_WORD_AFTER: Final = re.compile(r"\s?([A-Za-z]+)")
_NOUN_PHRASE: Final = re.compile(r" ((?:[A-Za-z][\w'&-]*)(?: [A-Za-z][\w'&-]*){0,5})")


def _count(value: int | float) -> Quantity:
    return quantity(value, "")


def _slogans(text: str, s: str, mentions: list[Mention]) -> list[Mention]:
    """Read "一谷两翼" (one valley, two wings): numerals before single nouns, in pairs."""
    taken: list[tuple[int, int]] | None = None
    extra = []
    for found in _SLOGAN.finditer(s):
        if taken is None:
            taken = [(m.start, m.end) for m in mentions]
        spans = [(found.start(1), found.end(2)), (found.start(3), found.end(4))]
        if any(a < e and b > st for st, e in taken for a, b in spans):
            continue
        for (a, b), num, noun in ((spans[0], found[1], found[2]), (spans[1], found[3], found[4])):
            value = _cn_number(num)
            if value is not None:
                extra.append(
                    Mention(
                        text=text[a:b],
                        start=a,
                        end=b,
                        kind=MentionKind.COUNT,
                        quantity=_count(value),
                        counts=noun,
                    )
                )
    # The scan's mentions come in order of their starts.
    every = sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions
    return [m for i, m in enumerate(every) if not _article(m) or _in_list(s, every, i)]


def _article(m: Mention) -> bool:
    """ "one", 一个, 一家: a count of one is often only "a"."""
    return (
        m.kind is MentionKind.COUNT
        and (m.text[:1] == "一" or m.text.lower() == "one")
        and m.quantity is not None
        and m.quantity.magnitude == 1
    )


def _in_list(s: str, mentions: list[Mention], i: int) -> bool:
    """Whether a count stands in a list of counts: "one valley and two wings", 一核两翼."""
    here = mentions[i]
    pairs = [(mentions[i - 1], here)] if i > 0 else []
    pairs += [(here, mentions[i + 1])] if i + 1 < len(mentions) else []
    for a, b in pairs:
        other = b if a is here else a
        if other.kind is not MentionKind.COUNT or _article(other):
            continue
        gap = s[a.end : b.start]
        if len(gap) - len(a.counts or "") <= 20 and not _CLAUSE_END.search(gap):
            return True
    return False


_CLAUSE_END: Final = re.compile(r"[，。；;.!?！？]")


# The numeral comes first (then the character before it is looked at), so
# that ``finditer`` skips to numerals in C.
_SLOGAN: Final = re.compile(
    r"([一二两兩三四五六七八九十])(?<![\u3400-\u9fff].)([\u3400-\u9fff])[、，,]?"
    r"([一二两兩三四五六七八九十])([\u3400-\u9fff])(?![\u3400-\u9fff])"
)

_PAIR_GAP: Final = re.compile(
    r"\s*(?:[(（]\s*(?:about|approximately|around|roughly|or|约|約|合|折合|约合|約合)?\s*"
    r"|,?\s*(?:or|about|i\.e\.,?|即|约合|約合|折合)\s+)$",
    re.IGNORECASE,
)


def _evolve(m: Mention, **changes: object) -> Mention:
    """``attrs.evolve`` without its look-up of the class's fields on every call."""
    fields = {name: getattr(m, name) for name in _MENTION_FIELDS}
    fields.update(changes)
    return Mention(**fields)


def _pair(text: str, mentions: list[Mention]) -> list[Mention]:
    """Link a figure and its conversion printed beside it: "2,918 mu (194.6 hectares)"."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.quantity is None or b.quantity is None or a.kind is not b.kind:
            continue
        if a.kind not in (MentionKind.AREA, MentionKind.MONEY, MentionKind.COMPUTE):
            continue
        if _PAIR_GAP.fullmatch(text, a.end, b.start) is None:
            continue
        if (
            a.kind is not MentionKind.MONEY
            and a.quantity.dimensionality != b.quantity.dimensionality
        ):
            continue
        out[i] = _evolve(a, paired=(b.start, b.end))
        out[i + 1] = _evolve(b, paired=(a.start, a.end), bound=b.bound or a.bound)
    return out


# --------------------------------------------------------------------------
# Text


def reading_rules() -> tuple[tuple[str, str, str], ...]:
    """What :func:`extract` finds and reads, and what it refuses, from the tables it reads with.

    Rows of (what, the spellings, what becomes of them), drawn from the
    parser's tables and extraction's own, so a page that shows them cannot
    drift from the code.  The docs page "Check a park file against its source
    article" is generated from this.
    """

    def words(items: Iterable[str]) -> str:
        return ", ".join(f"`{w}`" for w in items)

    def bounds(table: dict[str, str]) -> str:
        by_bound: dict[str, list[str]] = {}
        for word, bound in table.items():
            by_bound.setdefault(bound, []).append(word)
        return "; ".join(f"{b.replace('_', ' ')}: {words(ws)}" for b, ws in by_bound.items())

    spellings = list(_spellings.UNIT_SPELLINGS)
    return (
        ("numbers", "`2,918`, `194.6`, full-width `３０００`", "read by the parser"),
        (
            "Chinese numerals (through cn2an)",
            "`五千`, `一点二`, `两百`, `兩百`, `壹佰`",
            "read, then given to the parser as digits",
        ),
        (
            "English number words",
            words([*_EN_UNITS, "hundred", "thousand"]),
            'counts when a noun follows ("four functional zones")',
        ),
        (
            "Chinese magnitude words",
            words([*_spellings.CHINESE_MAGNITUDES, "萬", "億"]),
            "scale the number",
        ),
        ("English magnitude words", words(_spellings.ENGLISH_MAGNITUDES), "scale the number"),
        ("unit spellings beyond the registry's names", words(spellings), "read as their units"),
        ("Traditional characters", words(_spellings.TRADITIONAL), "read as Simplified"),
        (
            "currency signs before a number",
            words(_spellings.CURRENCY_SIGNS),
            ", ".join(f"`{k}` is {v}" for k, v in _spellings.CURRENCY_SIGNS.items()),
        ),
        (
            "currencies aipark does not define, in Chinese",
            words(_spellings.FOREIGN_CURRENCY_NAMES),
            "unreadable, with the reason, after a figure (50亿港元) or before one in 元 "
            "(新台幣120億元)",
        ),
        (
            "currency signs refused",
            words(_spellings.REFUSED_SIGNS),
            "unreadable, with the reason (`¥` is both yen and yuan)",
        ),
        ("bound words before a figure", bounds(dict(_BOUND_PREFIXES)), "the mention's `bound`"),
        (
            "bound words after a number or figure",
            bounds(dict(_spellings.BOUND_SUFFIXES)),
            "the mention's `bound`",
        ),
        (
            "compute shorthand",
            words(_spellings.COMPUTE_SHORTHAND),
            "FLOPS where the text speaks of compute ("
            + words(_spellings.COMPUTE_WORDS)
            + ', "computing power", 智算), else unreadable',
        ),
        (
            "precisions beside a compute figure",
            words(_spellings.PRECISIONS),
            "the mention's `precision`",
        ),
        (
            "ranges",
            words([*_spellings.RANGE_WORDS, "between … and"]),
            "unreadable, with the reason: never two guesses",
        ),
        ("percentages", "`%`, `percent`, `per cent`, `百分之`", "ratios"),
        ("measure words of Chinese counts", words(CLASSIFIERS), "counts, with the noun after"),
        (
            "ordinals of phases",
            words([*_EN_ORDINALS, "phase two", "第N期", "第N批", "一期"]),
            "ordinals, matched with a computing center's `phase`",
        ),
        (
            "dates",
            "`2023-02-23`, `2023年2月23日`, `2月23日`, `Feb 23`, `23 February 2023`, `June 2022`",
            "dates; a missing year stays missing",
        ),
        ("years", "`2028`, `2028年`", 'years, unless a plural noun follows ("2000 engineers")'),
        (
            "units written with powers or operators",
            "`km²`, `m³/s`, `km/h`, `kW·h`, `CNY/USD`, `m**2`",
            "read by the parser",
        ),
        ("numbers with an exponent", "`2.5e9 USD`, `1E30元`", "read by the parser"),
        (
            "powers the parser does not read",
            "`10^15`, `km2`, `m3`",
            "unreadable, with the reason: never `10` or `5 km`",
        ),
        ("names, not figures", "`5G`, `3D`, `GPT-4`, `A100`", "skipped"),
    )


def format_mentions(mentions: tuple[Mention, ...] | list[Mention]) -> str:
    """The mentions as a plain-text table: ``aipark extract`` prints this."""
    from .units import plain_quantity

    rows = [("at", "text", "kind", "reading", "bound", "counts / note")]
    for m in mentions:
        if m.quantity is not None:
            reading = plain_quantity(m.quantity, digits=12)
        elif m.year is not None or m.month is not None:
            reading = "-".join(
                [str(m.year) if m.year is not None else "-"]
                + [f"{v:02d}" for v in (m.month, m.day) if v is not None]
            )
        else:
            reading = "unreadable"
        note = m.counts or m.reason or (m.precision.value if m.precision else "")
        if m.paired is not None:
            note = (note + "; " if note else "") + f"same fact as {m.paired[0]}-{m.paired[1]}"
        rows.append(
            (
                f"{m.start}-{m.end}",
                m.text.replace("\n", " "),
                m.kind.value,
                reading,
                m.bound.value if m.bound else "",
                note,
            )
        )
    if len(rows) == 1:
        return "No figures found."
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


attrs.resolve_types(Mention, globalns=globals())
_MENTION_FIELDS: Final = tuple(f.name for f in attrs.fields(Mention))
