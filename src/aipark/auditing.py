"""Audit: where a figure as a source reported it disagrees with the exact one, and why.

Sources convert figures for their readers: 2,918 mu "(194.6 hectares)", 60
billion yuan "($8.69 billion)".  aipark's data keeps such readings as
:attr:`Citation.reported <aipark.Citation.reported>` beside the stated
figure; :func:`audit` redoes every conversion exactly and returns a
:class:`Finding` for each reading that disagrees, with the arithmetic, a
plain explanation and the sources involved.

* Money is converted at the ECB reference rate of the day the figure was
  reported (:mod:`aipark.fx`).  A citation of a money figure whose
  ``reported`` is an exchange rate (a central parity, ``6.9028 CNY/USD``)
  gives another rate for that figure; the finding shows what it gives.
* Areas and other units are converted exactly; common roundings of unit
  factors (1 mu ≈ 667 m², :data:`COMMON_ROUNDINGS`) are tried to explain a
  reported figure.
* A computing center with both a FLOPS figure and an "equivalent to N PCs"
  count always gets a finding: the two measure different things, and
  translations blur them ("CPU performance").
* A source that disagrees with a value (a citation with ``conflicts=True``:
  an earlier 180 hectares for 2,918 mu, another builder) is a
  :class:`SourceConflict`, listed after the findings with the gap between the
  two readings where both are figures.
"""

from __future__ import annotations

import datetime
import enum
import math
import textwrap
from collections.abc import Iterator, Sequence
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import Any, Final, overload

import attrs

from ._validators import _stated
from .compute import compute_per_pc
from .conversion import convert
from .errors import ConversionError, ValidationError, join_path, not_a_park
from .fx import ExchangeRate, check_date, currency_of, exchange_rate, is_rate
from .models import Citation, ComputingCenter, Observation, Park, Source, citations_of
from .text_audit import TextFinding, audit_text, format_text_findings
from .units import Quantity, get_registry, parse_quantity, quantity, unit_name

__all__ = [
    "COMMON_ROUNDINGS",
    "DEFAULT_REL_TOL",
    "Finding",
    "FindingKind",
    "Reading",
    "SourceConflict",
    "audit",
    "format_findings",
]

#: Default of ``audit(rel_tol=...)``: no tolerance beyond the rounding of the
#: digits a source printed, so any figure outside that interval is a finding.
DEFAULT_REL_TOL: Final = 0.0

#: Rounded unit factors in common use, by canonical unit name: what one unit
#: is often taken to be, and how to say so.
COMMON_ROUNDINGS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "shi_mu": (("667 m**2", "1 mu ≈ 667 m²"),),
}


class FindingKind(enum.Enum):
    """What a finding is about."""

    AREA = "area"
    MONEY = "money"
    COMPUTE = "compute"
    OTHER = "other"


@attrs.frozen
class Reading:
    """Another way to arrive at the reported figure, and whether it gives it.

    ``agrees`` is None when the reading is not a figure of the same kind (a
    derived per-PC compute power).
    """

    label: str
    value: Quantity = attrs.field(eq=_stated)
    agrees: bool | None
    rate: ExchangeRate | None = None


@attrs.frozen
class Finding:
    """A reported figure that disagrees with the exact one.

    ``stated`` is the figure as aipark's data holds it (2,918 mu),
    ``reported`` the reading a source printed (194.6 ha), ``exact`` the
    exact conversion of ``stated`` to the reported unit, or, where the two
    measure different things, the figure in the other measure (100 PFLOPS
    against "50,000 PCs").  ``relative_difference`` is
    ``(reported - exact) / exact``, None when they cannot be compared.
    For money, ``rate`` is the rate ``exact`` was converted at and
    ``implied_rate`` the one the reported figure implies.
    """

    kind: FindingKind
    subject: str
    figure: str
    stated: Quantity = attrs.field(eq=_stated)
    reported: Quantity = attrs.field(eq=_stated)
    exact: Quantity = attrs.field(eq=_stated)
    relative_difference: float | None
    explanation: str
    sources: tuple[Source, ...]
    rate: ExchangeRate | None = None
    implied_rate: ExchangeRate | None = None
    readings: tuple[Reading, ...] = ()


def _stated_or_text(value: Quantity | str | None) -> object:
    return value if value is None or isinstance(value, str) else _stated(value)


@attrs.frozen
class SourceConflict:
    """A source that disagrees with a value of the park: a citation with ``conflicts=True``.

    The data keeps ``stated``, the value its other sources give (2,918 mu;
    "Sugon"; a list as its items joined by "; "); ``reported`` is the
    dissenting source's own reading (180 ha; "Inspur").  Where both are
    figures of one kind, ``exact`` is ``stated`` in the reported unit and
    ``relative_difference`` is ``(reported - exact) / exact``; otherwise both
    are None.  ``sources`` names the dissenting source first, then those of
    the value.
    """

    kind: FindingKind
    subject: str
    figure: str
    stated: Quantity | str = attrs.field(eq=_stated_or_text)
    reported: Quantity | str = attrs.field(eq=_stated_or_text)
    exact: Quantity | None = attrs.field(eq=_stated_or_text)
    relative_difference: float | None
    explanation: str
    sources: tuple[Source, ...]
    note: str | None = None


@overload
def audit(
    park: Park,
    *,
    on: datetime.date | None = None,
    rel_tol: float = DEFAULT_REL_TOL,
    rounding: bool = True,
    against: None = None,
    source: None = None,
) -> tuple[Finding | SourceConflict, ...]: ...


@overload
def audit(
    park: Park,
    *,
    on: datetime.date | None = None,
    rel_tol: float = DEFAULT_REL_TOL,
    rounding: bool = True,
    against: str,
    source: str | None = None,
) -> tuple[Finding | SourceConflict | TextFinding, ...]: ...


def audit(
    park: Park,
    *,
    on: datetime.date | None = None,
    rel_tol: float = DEFAULT_REL_TOL,
    rounding: bool = True,
    against: str | None = None,
    source: str | None = None,
) -> tuple[Finding | SourceConflict | TextFinding, ...]:
    """Every reported figure of ``park`` that disagrees with the exact one, and every conflict.

    >>> import aipark
    >>> [f.kind.value for f in aipark.audit(aipark.QINGDAO) if isinstance(f, aipark.Finding)]
    ['area', 'money', 'money', 'compute']

    Then come the :class:`SourceConflict` s, in the order of the park's
    fields: sources that disagree with a value, such as an earlier area.

    >>> area = aipark.audit(aipark.QINGDAO)[4]
    >>> area.reported, round(area.relative_difference, 4)
    (<Quantity(180, 'hectare')>, -0.0747)

    With ``rounding`` (the default) a reported figure agrees when it lies
    within the rounding interval of the digits it was printed with around the
    exact figure: 194.6 ha agrees with anything from 194.55 to 194.65 ha, and
    an integer is read as printed (2000 ha claims 1999.5 to 2000.5, so 22,515
    mu, 1501 ha, is a finding).  ``rel_tol`` (relative, default
    :data:`DEFAULT_REL_TOL`, none) lets larger differences agree too; with
    ``rounding=False`` it is the only allowance.  Money is converted at the ECB reference rate of
    ``on``: by default the park's launch date (the day its figures were
    announced) for the park's own figures and targets, and the citing
    source's publication date for a computing center's investment, an
    observation, or when the park has no launch date.

    With ``against``, the text of an article, the figures
    :func:`~aipark.extract` finds in it are matched with the park's, and
    :class:`TextFinding` s follow the usual findings: figures of the text the
    park lacks, bounds that differ ("more than" in the text, "exactly" in the
    data), figures that cannot be read, and, when ``source`` names the id of
    the park's source the text is, figures of the park cited to it that the
    text does not print.

    >>> text = "The park covers 2,918 mu and hosts about 12 start-ups."
    >>> found = aipark.audit(aipark.QINGDAO, against=text)
    >>> [f.problem.value for f in found if isinstance(f, aipark.TextFinding)]
    ['not in park']

    Findings come in the order area, money, compute, other; within a kind,
    in the order of the park's fields.  Raises
    :class:`~aipark.ValidationError` for bad arguments and
    :class:`~aipark.MissingDependencyError` when money needs rates and
    CurrencyConverter is missing.
    """
    if not isinstance(park, Park):
        raise ValidationError(not_a_park(park), path="park")
    if on is not None:
        check_date(on)
    if (
        isinstance(rel_tol, bool)
        or not isinstance(rel_tol, int | float)
        or not math.isfinite(rel_tol)
        or not 0 <= rel_tol < 1
    ):
        raise ValidationError(f"expected a number from 0 to 1, got {rel_tol!r}", path="rel_tol")
    if not isinstance(rounding, bool):
        raise ValidationError(f"expected True or False, got {rounding!r}", path="rounding")
    check = _Check(rel_tol=float(rel_tol), rounding=rounding)
    findings: list[Finding] = []
    conflicts: list[SourceConflict] = []
    for path, obj in _walk(park, ""):
        for field in dict.fromkeys(c.field for c in _readings(obj.citations)):
            findings += _conversion_findings(obj, path, field, on or _announced(obj, park), check)
        if isinstance(obj, ComputingCenter):
            findings += _compute_findings(obj, path)
        conflicts += [_conflict(obj, path, c) for c in obj.citations if c.conflicts]
    order = list(FindingKind)
    result: tuple[Finding | SourceConflict, ...] = (
        *sorted(findings, key=lambda f: order.index(f.kind)),
        *conflicts,
    )
    if against is None:
        if source is not None:
            raise ValidationError(
                "source= names the park's source that the text given as against= is",
                path="source",
            )
        return result
    return (*result, *audit_text(park, against, source=source, agrees=check.agrees))


@attrs.frozen
class _Check:
    rel_tol: float
    rounding: bool

    def agrees(self, reported: Quantity, exact: Quantity) -> bool:
        """Whether ``reported`` is ``exact`` (same unit) within the tolerances."""
        rel = _relative(reported, exact)
        if rel is not None and abs(rel) <= self.rel_tol:
            return True
        if not self.rounding:
            return False
        # Rounded to its printed digits: within half a unit of the last one.
        step = _printed_step(reported.magnitude)
        with localcontext(_EXACT):
            gap = abs(Decimal(repr(reported.magnitude)) - Decimal(exact.magnitude))
            return gap <= step / 2


# Enough digits for any float written out in full, so decimal arithmetic is exact.
_EXACT: Final = Context(prec=1000, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _printed_step(magnitude: int | float) -> Decimal:
    """The place of the last printed digit: 0.1 for 194.6, 1 for 2000.

    An integer is read as printed: "2000 hectare" claims every digit, so its
    rounding interval is 1999.5 to 2000.5, not 1500 to 2500.  A source's
    "$8.69 billion" is ``8.69 gigaUSD`` (or ``8.69e9`` written with its
    digits in a larger unit), not the integer 8690000000.  A float's digits
    are those of its shortest repr (194.6, 1500.0).
    """
    with localcontext(_EXACT):
        number = Decimal(repr(magnitude))
        return Decimal(1).scaleb(number.as_tuple().exponent)  # type: ignore[arg-type]


def _round(magnitude: int | float, step: Decimal) -> Decimal:
    with localcontext(_EXACT):
        return Decimal(magnitude).quantize(step, rounding=ROUND_HALF_EVEN)


def _relative(reported: Quantity, exact: Quantity) -> float | None:
    if exact.magnitude == 0:
        return 0.0 if reported.magnitude == 0 else None
    return float((reported.magnitude - exact.magnitude) / exact.magnitude)


def _walk(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every model in a park that records citations, with its path."""
    if hasattr(obj, "citations"):
        yield path, obj
    for field in attrs.fields(type(obj)):
        if field.name == "citations":
            continue
        value = getattr(obj, field.name)
        here = join_path(path, field.name)
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _walk(item, f"{here}[{i}]")
        elif attrs.has(type(value)):
            yield from _walk(value, here)


def _announced(obj: Any, park: Park) -> datetime.date | None:
    """The default day of a figure's exchange rate: the launch, or (None) the report's day.

    A computing center's investment and an observation are reported on their
    own days, often years from the launch.
    """
    return None if isinstance(obj, ComputingCenter | Observation) else park.launched


def _readings(citations: Sequence[Citation]) -> list[Citation]:
    """Citations that give another reading of the same figure (not a conflicting one)."""
    return [c for c in citations if c.reported is not None and not c.conflicts]


def _kind(q: Quantity) -> FindingKind:
    if currency_of(q) is not None:
        return FindingKind.MONEY
    if q.check("[area]"):
        return FindingKind.AREA
    if q.check("[floating_point_operation] / [time]"):
        return FindingKind.COMPUTE
    return FindingKind.OTHER


def _unit(q: Quantity) -> str:
    return unit_name(q._units)


def _subject(obj: Any) -> str:
    return str(getattr(obj, "name", type(obj).__name__))


def _conversion_findings(
    obj: Any, path: str, field: str, on: datetime.date | None, check: _Check
) -> list[Finding]:
    stated = getattr(obj, field)
    if not isinstance(stated, get_registry().Quantity):
        return []
    citations = [c for c in _readings(obj.citations) if c.field == field]
    rate_citations = [c for c in citations if is_rate(c.reported)]
    findings = []
    for citation in citations:
        if citation in rate_citations:
            continue
        reported = citation.reported
        assert reported is not None  # _readings keeps only citations with a reading
        src, dst = currency_of(stated), currency_of(reported)
        if src is not None and dst is not None and src != dst:
            finding = _money_finding(
                obj, path, field, citation, rate_citations, on or citation.source.published, check
            )
        else:
            finding = _unit_finding(obj, path, field, citation, check)
        if finding is not None:
            findings.append(finding)
    return findings


def _unit_finding(
    obj: Any, path: str, field: str, citation: Citation, check: _Check
) -> Finding | None:
    stated: Quantity = getattr(obj, field)
    reported: Quantity = citation.reported  # type: ignore[assignment]
    try:
        exact = convert(stated, _unit(reported))
    except ConversionError:
        return _finding(
            obj,
            path,
            field,
            citation,
            exact=stated,
            explanation=(
                f"The reported {_show(reported)} and the stated {_show(stated)} "
                "measure different things; no conversion links them."
            ),
        )
    if check.agrees(reported, exact):
        return None
    readings = []
    for factor, label in COMMON_ROUNDINGS.get(unit_name(stated._units), ()):
        approx = convert(stated.magnitude * parse_quantity(factor), _unit(reported))
        readings.append(Reading(label, approx, check.agrees(reported, approx)))
    rel = _relative(reported, exact)
    step = _printed_step(reported.magnitude)
    text = [
        f"{_show(stated)} is exactly {_show(exact)}; the reported {_show(reported)} {_differs(rel)}"
    ]
    if check.rounding:
        rounded = quantity(float(_round(exact.magnitude, step)), _unit(reported))
        text[-1] += f" and is not the exact figure rounded to its printed digits ({_show(rounded)})"
    text[-1] += "."
    text += [
        f"It matches {r.label} ({_show(r.value)}), a common rounding." for r in readings if r.agrees
    ]
    return _finding(
        obj, path, field, citation, exact=exact, explanation=" ".join(text), readings=readings
    )


def _finding(
    obj: Any,
    path: str,
    field: str,
    citation: Citation,
    *,
    exact: Quantity,
    explanation: str,
    sources: Sequence[Source] = (),
    readings: Sequence[Reading] = (),
    rate: ExchangeRate | None = None,
    implied_rate: ExchangeRate | None = None,
) -> Finding:
    """A finding about the reading ``citation`` gives of ``obj.<field>``."""
    reported: Quantity = citation.reported  # type: ignore[assignment]
    comparable = reported.dimensionality == exact.dimensionality
    return Finding(
        kind=_kind(reported),
        subject=_subject(obj),
        figure=join_path(path, field),
        stated=getattr(obj, field),
        reported=reported,
        exact=exact,
        relative_difference=_relative(reported, exact) if comparable else None,
        explanation=explanation,
        sources=tuple(dict.fromkeys(sources or (citation.source,))),
        rate=rate,
        implied_rate=implied_rate,
        readings=tuple(readings),
    )


def _money_finding(
    obj: Any,
    path: str,
    field: str,
    citation: Citation,
    rate_citations: Sequence[Citation],
    on: datetime.date,
    check: _Check,
) -> Finding | None:
    stated: Quantity = getattr(obj, field)
    reported: Quantity = citation.reported  # type: ignore[assignment]
    # Rates are shown as stated currency per reported currency (CNY/USD).
    rate = exchange_rate(currency_of(reported), currency_of(stated), on=on)
    exact = convert(stated, _unit(reported), rate=rate)
    if check.agrees(reported, exact):
        return None
    implied = ExchangeRate(
        convert(stated / reported, f"{currency_of(stated)} / {currency_of(reported)}"),
        source=citation.source,
        note="implied by the reported figure",
    )
    readings = []
    for ref in rate_citations:
        ref_rate = ExchangeRate(
            ref.reported,
            on=ref.source.published,
            source=ref.source,
            note=ref.note,
        )
        value = convert(stated, _unit(reported), rate=ref_rate)
        label = ref.note or f"the rate reported by {ref.source.id or ref.source.title}"
        readings.append(Reading(label, value, check.agrees(reported, value), ref_rate))
    rel = _relative(reported, exact)
    note = f", {rate.note}" if rate.note else ""
    published = "" if rate.on == rate.requested else f" (the last before {rate.requested})"
    text = [
        f"{_show(stated)} at the ECB reference rate of {rate.on}{published} "
        f"({_show(rate.rate)}{note}) is {_show(exact)}; the reported {_show(reported)} "
        f"{_differs(rel)} and implies "
        f"{_show(implied.rate)}."
    ]
    for r in readings:
        assert r.rate is not None
        ref_id = r.rate.source.id if r.rate.source is not None else None
        text.append(
            f"At {_show(r.rate.rate)}, {r.label}{f' ({ref_id})' if ref_id else ''}, "
            f"it is {_show(r.value)}, which "
            + ("matches the reported figure." if r.agrees else "does not match either.")
        )
    sources = [citation.source, *(r.rate.source for r in readings if r.rate and r.rate.source)]
    if rate.source is not None:
        sources.append(rate.source)
    return _finding(
        obj,
        path,
        field,
        citation,
        exact=exact,
        explanation=" ".join(text),
        sources=sources,
        rate=rate,
        implied_rate=implied,
        readings=readings,
    )


def _conflict(obj: Any, path: str, citation: Citation) -> SourceConflict:
    """The disagreement a citation with ``conflicts=True`` records, with the gap if any."""
    value = getattr(obj, citation.field)
    stated: Quantity | str
    if isinstance(value, get_registry().Quantity):
        stated = value
    elif isinstance(value, tuple):
        stated = "; ".join(map(str, value))
    else:
        stated = str(value)
    reported: Quantity | str = (
        citation.reported if citation.reported is not None else citation.reported_text or ""
    )
    backing = [c.source for c in citations_of(obj, citation.field) if not c.conflicts]
    ids = ", ".join(s.id or s.title for s in backing)
    dissent = citation.source.id or citation.source.title
    exact = rel = None
    text = f"{dissent} gives {_shown(reported)}; the data keeps {_shown(stated)}"
    text += f" ({ids})" if ids else ""
    if isinstance(reported, Quantity) and isinstance(stated, Quantity):
        try:
            exact = convert(stated, _unit(reported))
        except ConversionError:
            text += ", which measures something else"
        else:
            rel = _relative(reported, exact)
            if exact._units != stated._units:
                text += f", exactly {_show(exact)}"
            text += f": the source's figure {_differs(rel)}"
    text += f". {dissent}: {citation.note}." if citation.note else "."
    return SourceConflict(
        kind=_kind(reported) if isinstance(reported, Quantity) else FindingKind.OTHER,
        subject=_subject(obj),
        figure=join_path(path, citation.field),
        stated=stated,
        reported=reported,
        exact=exact,
        relative_difference=rel,
        explanation=text,
        sources=tuple(dict.fromkeys([citation.source, *backing])),
        note=citation.note,
    )


def _compute_findings(center: ComputingCenter, path: str) -> list[Finding]:
    if center.compute_power is None or center.pc_equivalents is None:
        return []
    per_pc = compute_per_pc(center)
    count = get_registry().Quantity(center.pc_equivalents, "")
    pc_citations = [c for c in center.citations if c.field == "pc_equivalents"]
    power_citations = [c for c in center.citations if c.field == "compute_power"]
    precision = center.precision.value if center.precision else "precision not stated"
    power_ids = ", ".join(c.source.id or c.source.title for c in power_citations)
    text = [
        f"The comparison with {center.pc_equivalents:,} PCs is a count, not compute power; "
        f"the center's compute power is {_show(center.compute_power)} ({precision}"
        + (f"; {power_ids})." if power_ids else ").")
    ]
    text += [f"{c.source.id or c.source.title}: {c.note}." for c in pc_citations if c.note]
    readings = []
    if per_pc is not None:
        text.append(f"Per PC that is {_show(per_pc.value)}, derived here; no source states it.")
        readings.append(Reading(f"per PC, derived: {per_pc.formula}", per_pc.value, None))
    sources = [c.source for c in (*pc_citations, *power_citations)]
    return [
        Finding(
            kind=FindingKind.COMPUTE,
            subject=center.name,
            figure=join_path(path, "pc_equivalents"),
            stated=count,
            reported=count,
            exact=center.compute_power,
            relative_difference=None,
            explanation=" ".join(text),
            sources=tuple(dict.fromkeys(sources)),
            readings=tuple(readings),
        )
    ]


# --------------------------------------------------------------------------
# Text


def _show(q: Quantity) -> str:
    from .units import plain_quantity

    code = currency_of(q)
    if (
        code is not None
        and len(q._units) == 1
        and dict(q.dimensionality).get(f"[currency_{code}]") == 1
    ):
        q = convert(q, code)  # 8.69 gigaUSD, as the source printed it, shows as USD
    magnitude = abs(q.magnitude)
    digits = max(6, len(str(int(magnitude)))) if magnitude >= 1 else 6
    return plain_quantity(q, digits=digits)


def _shown(value: Quantity | str) -> str:
    return f"“{value}”" if isinstance(value, str) else _show(value)


def _differs(rel: float | None) -> str:
    """``is 0.034% higher``, ``is 0.097% lower``, or ``differs`` (from zero)."""
    if rel is None:
        return "differs"
    return f"is {abs(rel):.3%} {'higher' if rel > 0 else 'lower'}"


def _kind_label(finding: Finding | SourceConflict) -> str:
    if not isinstance(finding, SourceConflict):
        return finding.kind.value
    return f"{finding.kind.value} conflict" if finding.exact is not None else "conflict"


def format_findings(
    findings: Sequence[Finding | SourceConflict | TextFinding], *, title: str | None = None
) -> str:
    """The findings as a plain-text table, each followed by its explanation.

    ``aipark audit qingdao`` prints this: the findings, then the sources that
    disagree with a value (:class:`SourceConflict`), then findings against a text.
    """
    usual = [f for f in findings if isinstance(f, Finding | SourceConflict)]
    against = [f for f in findings if isinstance(f, TextFinding)]
    if against:
        return f"{format_findings(usual, title=title)}\n\n{format_text_findings(against)}"
    rows = [("kind", "figure", "reported", "exact", "difference")]
    for f in usual:
        if isinstance(f, SourceConflict) and f.exact is None:
            continue  # a conflict of text, or of figures no conversion links: explained below
        reported = _show(f.reported) if isinstance(f.reported, Quantity) else f.reported
        if f.kind is FindingKind.COMPUTE and not getattr(f.reported, "dimensionality", True):
            reported += " PCs"
        exact = "" if f.exact is None else _show(f.exact)
        diff = (
            "not comparable" if f.relative_difference is None else f"{f.relative_difference:+.3%}"
        )
        kind = "conflict" if isinstance(f, SourceConflict) else f.kind.value
        rows.append((kind, f.figure, reported, exact, diff))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [] if title is None else [title, ""]
    if not usual:
        return "\n".join([*lines, "No findings: every reported figure agrees."])
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    for i, f in enumerate(usual, 1):
        if isinstance(f, SourceConflict) and (i == 1 or isinstance(usual[i - 2], Finding)):
            lines += [
                "",
                "Sources that disagree (the data keeps the value its other sources give):",
            ]
        header = f"{i}. {_kind_label(f)}: {f.figure} ({f.subject})"
        lines += ["", *textwrap.wrap(header, width=100, subsequent_indent="   ")]
        ids = ", ".join(s.id or s.title for s in f.sources)
        for paragraph in (f.explanation, f"Sources: {ids}"):
            lines += textwrap.wrap(
                paragraph,
                width=96,
                initial_indent="   ",
                subsequent_indent="   ",
                break_on_hyphens=False,
            )
    return "\n".join(lines)


attrs.resolve_types(Reading, globalns=globals())
attrs.resolve_types(Finding, globalns=globals())
attrs.resolve_types(SourceConflict, globalns=globals())
