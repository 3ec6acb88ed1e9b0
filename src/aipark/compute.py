"""Compute power with its precision: totals that never mix precisions, derived figures.

FLOPS at FP16 and at FP64 differ by an order of magnitude or more, and
sources often leave the precision out ("150P").  :func:`total_compute` adds
figures only when no two known precisions differ and reports the centers
whose precision is not stated instead of assuming one.  Over no centers, or
centers that state no compute power, the total has no value (``None``) and
says so, so a loop over parks never breaks on a park that states nothing.

"Equivalent to 50,000 PCs" is a count, not FLOPS.  When a center has both,
:func:`compute_per_pc` divides them and returns a :class:`Derived` figure, so
nobody mistakes the result for a sourced fact.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._validators import _stated
from .conversion import convert
from .errors import PrecisionMismatchError, ValidationError
from .models import ComputingCenter, Precision, Source
from .units import Quantity, get_registry

__all__ = ["ComputeTotal", "Derived", "compute_per_pc", "total_compute"]


def _precision_text(precision: Precision | None) -> str:
    return precision.value if precision is not None else "precision not stated"


@attrs.frozen
class ComputeTotal:
    """The summed compute power of several centers and what is known of its precision.

    ``precision`` is the precision every added center states, or None when
    any of them states none (``precision_not_stated`` names those).  Centers
    without a compute-power figure are left out and named in ``not_counted``.

    ``value`` is None when no center states a compute power (or there are no
    centers): an unknown total, not zero; ``empty`` is then True and ``str()``
    reads ``no compute power stated``.
    """

    value: Quantity | None = attrs.field(eq=_stated)
    precision: Precision | None
    centers: tuple[str, ...]
    precision_not_stated: tuple[str, ...] = ()
    not_counted: tuple[str, ...] = ()
    #: The precision the centers that state one agree on, even when others state none.
    known_precision: Precision | None = None

    @property
    def empty(self) -> bool:
        """True when no center states a compute power: there is nothing to add."""
        return self.value is None

    def __str__(self) -> str:
        from .units import plain_quantity

        if self.value is None:
            if not self.not_counted:
                return "no compute power stated (no computing centers)"
            return f"no compute power stated (not stated for {', '.join(self.not_counted)})"
        unstated = set(self.precision_not_stated)
        stated = [c for c in self.centers if c not in unstated]
        if self.precision is not None:
            precision = self.precision.value
        elif stated and self.known_precision is not None:
            precision = (
                f"{self.known_precision.value} for {', '.join(stated)}; "
                f"precision not stated for {', '.join(self.precision_not_stated)}"
            )
        else:
            precision = "precision not stated"
        return f"{plain_quantity(self.value)} ({precision})"


def total_compute(centers: Iterable[ComputingCenter]) -> ComputeTotal:
    """Add the compute power of ``centers``, refusing to mix precisions.

    >>> import aipark
    >>> str(aipark.total_compute(aipark.QINGDAO.computing_centers))
    '250 PFLOPS (precision not stated)'

    Over no centers, or centers that state no compute power, the total is
    empty (``value`` is None) instead of an error:

    >>> aipark.total_compute(()).empty
    True
    >>> str(aipark.total_compute(()))
    'no compute power stated (no computing centers)'

    Raises :class:`~aipark.PrecisionMismatchError` when two centers state
    different precisions, and :class:`~aipark.ValidationError` when an item
    is not a computing center.
    """
    if isinstance(centers, ComputingCenter):
        centers = (centers,)
    items = tuple(centers)
    for i, center in enumerate(items):
        if not isinstance(center, ComputingCenter):
            raise ValidationError(
                f"expected ComputingCenter, got {type(center).__name__}", path=f"centers[{i}]"
            )
    counted = [c for c in items if c.compute_power is not None]
    if not counted:
        return ComputeTotal(None, None, (), not_counted=tuple(c.name for c in items))
    known = {c.precision for c in counted if c.precision is not None}
    if len(known) > 1:
        by_precision = "; ".join(
            f"{c.name}: {_precision_text(c.precision)}" for c in counted if c.precision is not None
        )
        raise PrecisionMismatchError(
            f"cannot add compute power of different precisions ({by_precision})"
        )
    unit = counted[0].compute_power.units  # type: ignore[union-attr]
    magnitude: int | float = 0
    for center in counted:
        magnitude += convert(center.compute_power, unit).magnitude  # type: ignore[arg-type]
    unstated = tuple(c.name for c in counted if c.precision is None)
    return ComputeTotal(
        get_registry().Quantity(magnitude, unit),
        precision=None if unstated or not known else next(iter(known)),
        centers=tuple(c.name for c in counted),
        precision_not_stated=unstated,
        not_counted=tuple(c.name for c in items if c.compute_power is None),
        known_precision=next(iter(known)) if known else None,
    )


@attrs.frozen
class Derived:
    """A figure aipark computed from sourced ones; no source states it.

    ``formula`` shows the arithmetic with its inputs; ``sources`` are the
    sources of those inputs.
    """

    value: Quantity = attrs.field(eq=_stated)
    formula: str
    sources: tuple[Source, ...] = ()

    def __str__(self) -> str:
        from .units import plain_quantity

        return f"{plain_quantity(self.value)} (derived: {self.formula})"


def compute_per_pc(center: ComputingCenter) -> Derived | None:
    """The compute power per PC implied by a center's FLOPS and PC-equivalent figures.

    >>> import aipark
    >>> str(aipark.compute_per_pc(aipark.QINGDAO.computing_centers[0]))
    '2 TFLOPS (derived: 100 PFLOPS / 50,000 PCs, precision not stated)'

    None when the center lacks either figure (or states zero PCs).
    """
    if not isinstance(center, ComputingCenter):
        raise ValidationError(f"expected ComputingCenter, got {type(center).__name__}")
    if center.compute_power is None or not center.pc_equivalents:
        return None
    from .units import plain_quantity

    flops = convert(center.compute_power, "FLOPS")
    per_pc: Quantity = (flops / center.pc_equivalents).to_compact()
    cited = [c.source for c in center.citations if c.field in ("compute_power", "pc_equivalents")]
    formula = (
        f"{plain_quantity(center.compute_power)} / {center.pc_equivalents:,} PCs, "
        f"{_precision_text(center.precision)}"
    )
    return Derived(per_pc, formula, tuple(dict.fromkeys(cited)))
