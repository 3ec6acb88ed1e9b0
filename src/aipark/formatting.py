"""Human-readable text for quantities and parks.

Plain English for now; locale-aware output through babel belongs here too.
"""

from __future__ import annotations

from typing import Any

from .models import Bound, Park
from .units import Quantity, unit_name

__all__ = ["describe", "format_quantity"]

# Short labels for units whose pint symbol is unhelpful or ambiguous.
_LABELS = {
    "shi_mu": "mu",
    "qing": "qing",
    "CNY": "yuan",
    "USD": "USD",
    "EUR": "EUR",
    "dimensionless": "",
}

_BOUNDS = {
    Bound.EXACTLY: "",
    Bound.ABOUT: "about ",
    Bound.MORE_THAN: "more than ",
    Bound.AT_LEAST: "at least ",
    Bound.LESS_THAN: "less than ",
    Bound.AT_MOST: "at most ",
}


def format_quantity(q: Quantity, *, digits: int = 6) -> str:
    """``2918 shi_mu`` as ``"2,918 mu"``, ``150 petaFLOPS`` as ``"150 PFLOPS"``."""
    name = unit_name(q._units)
    label = _LABELS.get(name)
    if label is None:
        label = f"{q.units:~P}"
    magnitude = q.magnitude
    if isinstance(magnitude, float):
        number = f"{magnitude:,.{digits}g}" if abs(magnitude) < 1e15 else f"{magnitude:.{digits}g}"
        if "e" not in number and "." not in number and abs(magnitude) >= 10**digits:
            number = f"{round(magnitude):,}"
    else:
        number = f"{magnitude:,}"
    return f"{number} {label}".strip()


def _named(obj: Any) -> str:
    local = getattr(obj, "local_name", None)
    if local and getattr(obj, "local_name_verified", True):
        return f"{obj.name} ({local})"
    if local:
        return f"{obj.name} ({local}, unverified)"
    return str(obj.name)


def describe(park: Park) -> str:
    """A plain-text fact sheet of a park."""
    lines = [_named(park)]
    if park.location is not None:
        loc = park.location
        parts = [p for p in (loc.district, loc.city, loc.province, loc.country) if p]
        lines.append(f"  Location: {', '.join(parts)}")
    if park.area is not None:
        from .conversion import convert

        lines.append(
            f"  Area: {format_quantity(park.area)}"
            f" ({format_quantity(convert(park.area, 'hectare'), digits=5)})"
        )
    if park.launched is not None:
        lines.append(f"  Launched: {park.launched.isoformat()}")
    if park.layout:
        lines.append(f"  Layout: {park.layout}")
    for zone in park.zones:
        lines.append(f"  Zone ({zone.kind.value}): {_named(zone)}")
    for center in park.computing_centers:
        facts = []
        if center.compute_power is not None:
            precision = center.precision.value if center.precision else "precision not stated"
            facts.append(f"{format_quantity(center.compute_power)} ({precision})")
        if center.pc_equivalents is not None:
            facts.append(f"equivalent to {center.pc_equivalents:,} PCs")
        if center.phase is not None:
            facts.append(f"phase {center.phase}")
        lines.append(f"  Computing center: {_named(center)}" + (": " if facts else ""))
        if facts:
            lines[-1] += "; ".join(facts)
    for platform in park.platforms:
        extra = (
            f": {platform.incubated_enterprises} incubated enterprises"
            if platform.incubated_enterprises is not None
            else ""
        )
        lines.append(f"  Platform: {_named(platform)}{extra}")
    for target in park.targets:
        year = f" by {target.year}" if target.year else ""
        lines.append(
            f"  Target: {target.name}: {_BOUNDS[target.bound]}{format_quantity(target.value)}{year}"
        )
    for milestone in park.milestones:
        when = milestone.date.isoformat() if milestone.date else str(milestone.year or "")
        lines.append(f"  Milestone: {when} {_named(milestone)}".rstrip())
    for label, items in (
        ("Goals", park.goals),
        ("Sectors", park.sectors),
        ("Application domains", park.application_domains),
    ):
        if items:
            lines.append(f"  {label}: {'; '.join(items)}")
    for source in park.sources:
        lines.append(
            f"  Source: {source.publisher}, {source.title}, {source.published.isoformat()}"
        )
    return "\n".join(lines)
