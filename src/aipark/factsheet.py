"""Fact sheets: :func:`describe` writes a park for readers of a locale.

Names, place, area in the locale's units (with the figure as stated and as
sources reported it), dates, zones, computing centers with the precision of
their figures, targets with their bound, observations, platforms, milestones
and sources, each heading and phrase from the locale's catalog
(:mod:`aipark.locales`) and each figure through :mod:`aipark.formatting`.
The REPL summary (:mod:`aipark.display`) is the same rows, brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ValidationError, not_a_park
from .formatting import (
    DEFAULT_LOCALE,
    Length,
    _currency_code,
    _date,
    _format,
    _name,
    _number,
    _place,
    _to,
)
from .locales import _check_locale, _Locale
from .models import (
    ComputingCenter,
    InnovationPlatform,
    Milestone,
    Observation,
    Park,
    Source,
    Target,
    ZoneKind,
    citations_of,
)
from .units import Quantity, unit_name

if TYPE_CHECKING:
    import babel

__all__ = ["describe"]

_Rows = list[tuple[str, str | list[str]]]


def describe(park: Park, *, locale: str | babel.Locale = DEFAULT_LOCALE) -> str:
    """A fact sheet of ``park`` for readers of ``locale`` (an identifier or a ``babel.Locale``).

    Names, place, area in the locale's units (mu and hectares in Chinese,
    hectares and acres in the US, hectares elsewhere, plus the figure as
    stated and as sources reported it), dates in the locale's format, zones,
    computing centers with the precision of their figures, targets with their
    bound, platforms, milestones and sources.
    """
    if not isinstance(park, Park):
        raise ValidationError(not_a_park(park))
    loc = _check_locale(locale)
    return "\n".join(_lines(_name(park, loc), _park_rows(park, loc, brief=False), loc))


def _lines(title: str, rows: _Rows, loc: _Locale) -> list[str]:
    """``title`` then ``  Heading: value`` rows; a list value goes below its heading."""
    colon = loc.message("colon")
    lines = [title]
    for heading, value in rows:
        if isinstance(value, str):
            lines.append(f"  {heading}{colon}{value}")
        else:
            lines.append(f"  {heading}{colon.rstrip()}")
            lines.extend(f"    {item}" for item in value)
    return lines


def _park_rows(park: Park, loc: _Locale, *, brief: bool) -> _Rows:
    """A park's headed rows: the fact sheet, or the REPL's one-screen summary when ``brief``."""
    m = loc.message
    sep = m("separator")
    rows: _Rows = []

    def add(key: str, items: list[str], *, inline: bool = False) -> None:
        if items:
            rows.append((m(key), sep.join(items) if inline else items))

    if park.location is not None:
        rows.append((m("location"), _place(park.location, loc)))
    if park.area is not None:
        rows.append((m("area"), _area(park, loc, brief=brief)))
    if park.launched is not None:
        rows.append((m("launched"), _date(park.launched, loc)))
    if park.layout is not None and not brief:
        rows.append((m("layout"), m("untranslated").format(name=park.layout)))
    if brief:
        counts = [(kind, sum(z.kind is kind for z in park.zones)) for kind in ZoneKind]
        add("zones", [f"{m(k.value)}{m('colon')}{n}" for k, n in counts if n], inline=True)
    else:
        add("zones", [f"{m(z.kind.value)}{m('colon')}{_name(z, loc)}" for z in park.zones])
    add("computing_centers", [_center(c, loc, brief=brief) for c in park.computing_centers])
    add("targets", [_target(t, loc, brief=brief) for t in park.targets])
    add("observations", [_observation(o, loc, brief=brief) for o in park.observations])
    if brief:
        add("platforms", [_name(p, loc) for p in park.platforms])
        add("sources", [_number(len(park.sources), loc)] if park.sources else [], inline=True)
        return rows
    add("platforms", [_platform(p, loc) for p in park.platforms])
    add("milestones", [_milestone(ms, loc) for ms in park.milestones])
    add("goals", [_name(t, loc) for t in park.goals], inline=True)
    add("sectors", [_name(t, loc) for t in park.sectors], inline=True)
    if park.application_domains:
        domains = sep.join(_name(t, loc) for t in park.application_domains)
        rows.append(
            (
                m("application_domains"),
                sep.join([domains, *_contested(park, "application_domains", loc, "long")]),
            )
        )
    add("sources", [_source(s, loc) for s in park.sources])
    return rows


def _area(park: Park, loc: _Locale, *, brief: bool) -> str:
    assert park.area is not None
    length: Length = "short" if brief else "long"
    stated = unit_name(park.area._units)
    shown = [_format(_to(park.area, unit), loc, length, False) for unit in loc.area_units]
    text = shown[0] + "".join(loc.message("aside").format(s) for s in shown[1:])
    notes = []
    if stated not in loc.area_units:
        notes.append(loc.message("stated").format(_format(park.area, loc, length, False)))
    if not brief:
        notes += _reported(park, "area", loc, length)
        notes += _contested(park, "area", loc, length)
    return loc.message("separator").join([text, *notes])


def _reported(
    obj: Any, field: str, loc: _Locale, length: Length, *, compact: bool = False
) -> list[str]:
    """Other readings of ``field`` that sources printed (194.6 ha for 2,918 mu, $8.69B for ¥60B).

    Only figures of the same kind as the value: a cited exchange rate is evidence,
    not a reading of the amount.
    """
    value = getattr(obj, field)
    seen: list[Quantity] = []
    for citation in citations_of(obj, field):
        reported = citation.reported
        if reported is None or reported in seen or citation.conflicts:
            continue
        same_kind = reported.dimensionality == value.dimensionality or (
            _currency_code(reported) is not None and _currency_code(value) is not None
        )
        if same_kind:
            seen.append(reported)
    return [loc.message("reported").format(_format(q, loc, length, compact)) for q in seen]


def _contested(
    obj: Any, field: str, loc: _Locale, length: Length, *, label: str | None = None
) -> list[str]:
    """A mark for each source that disagrees with ``field``, with its own reading.

    ``label`` names the field (a message key) where the row does not show it.
    """
    marks = []
    for citation in citations_of(obj, field):
        if not citation.conflicts:
            continue
        reported = citation.reported
        reading = (
            _format(reported, loc, length, False)
            if reported is not None
            else loc.message("untranslated").format(name=citation.reported_text)
        )
        source = citation.source.id or citation.source.publisher
        if label is None:
            marks.append(loc.message("contested").format(source=source, reading=reading))
        else:
            marks.append(
                loc.message("contested_field").format(
                    field=loc.message(label), source=source, reading=reading
                )
            )
    return marks


def _center(center: ComputingCenter, loc: _Locale, *, brief: bool) -> str:
    m = loc.message
    facts = []
    if center.compute_power is not None:
        precision = center.precision.value if center.precision else m("precision_not_stated")
        facts.append(
            _format(center.compute_power, loc, "short", False) + m("aside").format(precision)
        )
    if not brief:
        if center.pc_equivalents is not None:
            count = center.pc_equivalents
            facts.append(m("pc_equivalents", count).format(_number(count, loc)))
        if center.phase is not None:
            facts.append(m("phase").format(center.phase))
        builder = (loc.chinese and center.local_builder) or center.builder
        if builder:
            facts.append(m("builder").format(builder))
            facts += _contested(center, "builder", loc, "short")
        if center.investment is not None:
            facts.append(m("investment").format(_format(center.investment, loc, "long", True)))
        if center.power_capacity is not None:
            power = _format(center.power_capacity, loc, "short", False)
            facts.append(m("power_capacity").format(power))
        if center.pue is not None:
            facts.append(m("pue").format(_number(center.pue, loc)))
    name = _name(center, loc)
    return name + m("colon") + m("separator").join(facts) if facts else name


def _target(target: Target, loc: _Locale, *, brief: bool) -> str:
    m = loc.message
    length: Length = "short" if brief else "long"
    value = m(target.bound.value).format(_format(target.value, loc, length, True))
    key = "target" if target.year is None else "target_year"
    text = m(key).format(name=_name(target, loc), value=value, year=target.year)
    if brief:
        return text
    notes = [
        *_reported(target, "value", loc, length, compact=True),
        *_contested(target, "value", loc, length),
        *_contested(target, "scope", loc, length, label="scope"),
    ]
    return m("separator").join([text, *notes])


def _observation(observation: Observation, loc: _Locale, *, brief: bool) -> str:
    m = loc.message
    length: Length = "short" if brief else "long"
    value = m(observation.bound.value).format(_format(observation.value, loc, length, True))
    name = _name(observation, loc)
    if observation.as_of is not None:
        text = m("observation_as_of").format(
            name=name, value=value, date=_date(observation.as_of, loc)
        )
    elif observation.year is not None:
        text = m("observation_year").format(name=name, value=value, year=observation.year)
    else:
        text = m("observation").format(name=name, value=value)
    if brief:
        return text
    notes = [
        *_reported(observation, "value", loc, length, compact=True),
        *_contested(observation, "value", loc, length),
    ]
    return m("separator").join([text, *notes])


def _platform(platform: InnovationPlatform, loc: _Locale) -> str:
    name = _name(platform, loc)
    count = platform.incubated_enterprises
    if count is None:
        return name
    return name + loc.message("colon") + loc.message("incubated", count).format(_number(count, loc))


def _milestone(milestone: Milestone, loc: _Locale) -> str:
    when = _date(milestone.date, loc) if milestone.date else str(milestone.year or "")
    return f"{when}{loc.message('colon')}{_name(milestone, loc)}" if when else _name(milestone, loc)


def _source(source: Source, loc: _Locale) -> str:
    return loc.message("source").format(
        publisher=source.publisher, title=source.title, date=_date(source.published, loc)
    )
