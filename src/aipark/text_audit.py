"""Audit against a text: the figures of an article a park lacks, and those it lacks of the park.

:func:`audit_text` matches the figures :func:`aipark.extract` finds in a
text with the figures of a park: a quantity with a figure of the same
dimension that it equals within the rounding of its printed digits, or with
the figure a citation ``reported``; a count with a count of the park (a
number of computing centers, of zones of a kind, of goals, or a count field
such as ``pc_equivalents``); an ordinal with a phase; years and dates with the
park's years and dates.  :func:`aipark.audit` with ``against=`` adds what it
returns to the usual findings.
"""

from __future__ import annotations

import datetime
import enum
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final, NamedTuple

import attrs

from ._validators import _stated
from .errors import AiparkError, ValidationError, join_path
from .extraction import Mention, MentionKind, extract
from .models import Bound, Park, Source, Target, Zone
from .units import Quantity, plain_quantity, unit_name

__all__ = ["TextFinding", "TextProblem", "audit_text", "format_text_findings"]

#: What agreement of a printed figure with an exact one means (the audit's rounding rule).
Agrees = Callable[[Quantity, Quantity], bool]


class TextProblem(enum.Enum):
    """What is wrong between a park and the text it came from."""

    #: A figure of the text that no figure of the park matches.
    NOT_IN_PARK = "not in park"
    #: A figure of the park, cited to the text, that the text does not print.
    NOT_IN_TEXT = "not in text"
    #: The text and the park bound the same figure differently ("more than" and "exactly").
    BOUND_DIFFERS = "bound differs"
    #: A figure of the text that aipark cannot read, so cannot check.
    UNREADABLE = "unreadable"


def _as_stated(value: object) -> object:
    """Equality of a park's figure: a quantity as stated (magnitude and unit), else the value."""
    return _stated(value) if isinstance(value, Quantity) else value


@attrs.frozen
class TextFinding:
    """A difference between a park and a text: a figure one has and the other lacks, or a bound.

    ``mention`` is the figure in the text (None for a figure only the park
    has); ``figure`` the path of the park's figure (None for a figure only
    the text has); ``stated`` that figure's value; ``bound`` the park's bound
    of it when the problem is a bound.
    """

    problem: TextProblem
    explanation: str
    mention: Mention | None = None
    figure: str | None = None
    stated: Quantity | int | datetime.date | None = attrs.field(default=None, eq=_as_stated)
    bound: Bound | None = None
    source: Source | None = None


class _Fact(NamedTuple):
    """One figure of a park that a figure in a text can match."""

    path: str
    kind: str  # "quantity", "count", "ordinal", "year", "date"
    value: Any
    words: frozenset[str]
    bound: Bound | None = None
    #: Other readings of the same figure, from citations (the article's 194.6 ha).
    reported: tuple[Quantity, ...] = ()
    #: Whether a citation names the audited source for this figure.
    cited: bool = False
    #: Only a target for matching: never reported as missing from the text.
    checked: bool = True


def audit_text(
    park: Park, text: str, *, source: str | None, agrees: Agrees
) -> tuple[TextFinding, ...]:
    """The differences between ``park`` and the figures of ``text``.

    ``source`` is the id of the park's source the text is; with it, figures
    of the park cited to that source and missing from the text are findings
    too.  ``agrees(printed, exact)`` is the audit's rule for a printed figure
    that equals an exact one within its rounding.
    """
    if not isinstance(text, str):
        raise ValidationError(
            f"expected text as a string, got {type(text).__name__}", path="against"
        )
    cited_source = _source(park, source)
    facts = list(_facts(park, source))
    mentions = extract(text)
    findings: list[TextFinding] = []
    matched: dict[tuple[int, int], list[_Fact]] = {}
    for m in mentions:
        if m.readable:
            matched[(m.start, m.end)] = [f for f in facts if _matches(m, f, agrees)]
    for m in mentions:
        if not m.readable:
            findings.append(
                TextFinding(
                    TextProblem.UNREADABLE,
                    f"{m.text!r} cannot be read ({m.reason}), so it cannot be checked.",
                    mention=m,
                    source=cited_source,
                )
            )
            continue
        found = matched[(m.start, m.end)]
        if not found and m.paired is not None and matched.get(m.paired):
            continue  # another printing of a figure that matched
        if not found:
            findings.append(
                TextFinding(
                    TextProblem.NOT_IN_PARK,
                    f"The text's {m.kind.value} {m.text!r}{_counting(m)} matches no figure of "
                    "the park.",
                    mention=m,
                    source=cited_source,
                )
            )
            continue
        findings += _bounds(m, found, cited_source)
    if source is not None:
        seen = {f.path for found in matched.values() for f in found}
        findings += [
            TextFinding(
                TextProblem.NOT_IN_TEXT,
                f"The park's {f.path} ({_show(f.value, f.kind)}) is cited to {source}, "
                "which does not print it.",
                figure=f.path,
                stated=f.value,
                source=cited_source,
            )
            for f in facts
            if f.cited and f.checked and f.path not in seen
        ]
    return tuple(findings)


def _source(park: Park, source: str | None) -> Source | None:
    if source is None:
        return None
    if not isinstance(source, str):
        raise ValidationError(f"expected a source id, got {type(source).__name__}", path="source")
    for s in park.sources:
        if s.id == source:
            return s
    known = ", ".join(s.id for s in park.sources if s.id) or "none"
    raise ValidationError(
        f"{source!r} is not an id of the park's sources (known: {known})", path="source"
    )


def _counting(m: Mention) -> str:
    return f" (counting {m.counts})" if m.counts else ""


def _bounds(m: Mention, found: list[_Fact], source: Source | None) -> list[TextFinding]:
    """A finding when the text and the park bound the matched figure differently."""
    text_bound = m.bound or Bound.EXACTLY
    agreeing = [f for f in found if (f.bound or Bound.EXACTLY) is text_bound]
    if agreeing:
        return []
    f = found[0]
    park_bound = f.bound or Bound.EXACTLY
    how = "" if f.bound is not None else " (the field has no bound, so it reads as exact)"
    return [
        TextFinding(
            TextProblem.BOUND_DIFFERS,
            f"The text says {_bound(text_bound)} {m.text!r}; the park's {f.path} is "
            f"{_bound(park_bound)} {_show(f.value, f.kind)}{how}.",
            mention=m,
            figure=f.path,
            stated=f.value,
            bound=park_bound,
            source=source,
        )
    ]


def _bound(bound: Bound) -> str:
    return bound.value.replace("_", " ")


# --------------------------------------------------------------------------
# The park's figures


def _facts(park: Park, source: str | None) -> Iterator[_Fact]:
    """Every figure of ``park`` that a figure of a text could be."""
    yield from _model_facts(park, "", source)
    for i, s in enumerate(park.sources):
        # The text's own dateline is a date of the park's data, never missing from it.
        yield _Fact(
            join_path(f"sources[{i}]", "published"), "date", s.published, frozenset(), checked=False
        )
    yield from _count_facts(park)


def _model_facts(obj: Any, path: str, source: str | None) -> Iterator[_Fact]:
    cited_fields = {
        c.field
        for c in getattr(obj, "citations", ())
        if source is not None and c.source.id == source
    }
    words = _words_of(obj)
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        here = join_path(path, field.name)
        if field.name in ("citations", "sources") or value is None:
            continue
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _model_facts(item, f"{here}[{i}]", source)
            continue
        if attrs.has(type(value)):
            yield from _model_facts(value, here, source)
            continue
        kind = _fact_kind(field.name, value)
        if kind is None:
            continue
        reported = tuple(
            c.reported
            for c in getattr(obj, "citations", ())
            if c.field == field.name and c.reported is not None
        )
        yield _Fact(
            here,
            kind,
            value,
            words | _words(field.name) | _words(_COUNT_WORDS.get(field.name, "")),
            bound=obj.bound if isinstance(obj, Target) and field.name == "value" else None,
            reported=reported,
            cited=field.name in cited_fields,
        )


def _fact_kind(name: str, value: Any) -> str | None:
    if isinstance(value, Quantity):
        return "quantity"
    if isinstance(value, bool | enum.Enum):
        return None
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, int):
        if name == "year":
            return "year"
        return "ordinal" if name == "phase" else "count"
    return None


#: Words a text uses for the things a park counts, by field or zone kind.
_COUNT_WORDS: Final = {
    "zones": "zone zones area areas district 区 區 功能区 功能區",
    "zones:core": "core valley hub 核 谷 核心",
    "zones:wing": "wing wings pillar pillars 翼",
    "zones:functional": "functional zone zones area areas 功能区 功能區 区 區",
    "computing_centers": "center centers centre centres computing 中心 计算中心 計算中心 智算中心",
    "platforms": "platform platforms 平台",
    "targets": "target targets goal goals 目标 目標",
    "milestones": "milestone milestones",
    "goals": "goal goals aim aims 目标 目標",
    "sectors": "sector sectors industry industries 产业 產業",
    "application_domains": "domain domains field fields 领域 領域",
    "pc_equivalents": "pc pcs computer computers 台 计算机 計算機",
    "incubated_enterprises": "enterprise enterprises company companies firm firms 企业 企業 家",
}


def _count_facts(park: Park) -> Iterator[_Fact]:
    """The sizes of a park's collections: computing centers, zones of each kind, goals..."""
    for name in (
        "zones",
        "computing_centers",
        "platforms",
        "goals",
        "sectors",
        "application_domains",
        "targets",
        "milestones",
    ):
        items = getattr(park, name)
        if items:
            yield _Fact(
                f"len({name})", "count", len(items), _words(_COUNT_WORDS[name]), checked=False
            )
    kinds: dict[str, int] = {}
    for zone in park.zones:
        kinds[zone.kind.value] = kinds.get(zone.kind.value, 0) + 1
    for kind, n in kinds.items():
        yield _Fact(
            f"len(zones, kind={kind})",
            "count",
            n,
            _words(_COUNT_WORDS[f"zones:{kind}"]),
            checked=False,
        )


def _words_of(obj: Any) -> frozenset[str]:
    words: set[str] = set()
    for name in ("name", "metric", "local_name"):
        value = getattr(obj, name, None)
        if isinstance(value, str):
            words |= _words(value)
    if isinstance(obj, Zone):
        words |= _words(_COUNT_WORDS[f"zones:{obj.kind.value}"])
    return frozenset(words)


def _words(text: str) -> frozenset[str]:
    """Lower-case words, singular, and the CJK characters of ``text``."""
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z]+|[\u3400-\u9fff]+", text.replace("_", " ")):
        if word.isascii():
            low = word.lower()
            out.add(low[:-1] if low.endswith("s") and len(low) > 3 else low)
        else:
            out.add(word)
            out.update(word)
    return frozenset(out)


# --------------------------------------------------------------------------
# Matching


def _matches(m: Mention, f: _Fact, agrees: Agrees) -> bool:
    kind = m.kind
    if kind is MentionKind.YEAR:
        if f.kind == "year":
            return bool(f.value == m.year)
        return f.kind == "date" and f.value.year == m.year
    if kind is MentionKind.DATE:
        if f.kind != "date":
            return False
        return (
            (m.year is None or f.value.year == m.year)
            and f.value.month == m.month
            and (m.day is None or f.value.day == m.day)
        )
    q = m.quantity
    if q is None:
        return False
    if kind is MentionKind.ORDINAL:
        return f.kind == "ordinal" and f.value == q.magnitude
    if kind in (MentionKind.COUNT, MentionKind.NUMBER) and f.kind in ("count", "ordinal"):
        if f.kind == "ordinal" or q.magnitude != f.value:
            return False
        return m.counts is None or not f.words or _same_thing(m.counts, f.words)
    if f.kind != "quantity":
        return False
    return any(_equal(q, exact, agrees) for exact in (f.value, *f.reported))


def _same_thing(noun: str, words: frozenset[str]) -> bool:
    """Whether a counted noun ("AI computing centers", 两个计算中心) names what a fact counts."""
    mine = _words(noun)
    return bool(mine & words)


def _equal(printed: Quantity, exact: Quantity, agrees: Agrees) -> bool:
    """Whether a printed figure is ``exact`` within the rounding of its digits."""
    if printed.dimensionality != exact.dimensionality:
        return False
    from .conversion import convert

    try:
        converted = convert(exact, unit_name(printed._units))
    except AiparkError:
        return False
    return agrees(printed, converted)


# --------------------------------------------------------------------------
# Text


def _show(value: Any, kind: str) -> str:
    if kind == "year":
        return str(value)
    if isinstance(value, Quantity):
        return plain_quantity(value, digits=12)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return f"{value:,}" if isinstance(value, int) else str(value)


def format_text_findings(findings: Sequence[TextFinding]) -> str:
    """The findings against a text, a paragraph each: ``aipark audit --against`` prints this."""
    if not findings:
        return "Against the text: every figure of the text is in the park, with the same bound."
    lines = ["Against the text:"]
    for i, f in enumerate(findings, 1):
        where = f" at {f.mention.start}-{f.mention.end}" if f.mention is not None else ""
        lines.append(f"{i}. {f.problem.value}{where}: {f.figure or (f.mention and f.mention.text)}")
        lines += textwrap.wrap(
            f.explanation,
            width=96,
            initial_indent="   ",
            subsequent_indent="   ",
            break_on_hyphens=False,
        )
    return "\n".join(lines)


attrs.resolve_types(TextFinding, globalns=globals())
