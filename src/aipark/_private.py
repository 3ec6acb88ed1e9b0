"""The private names of pint and cattrs that aipark relies on, each with its reason.

aipark uses pint's and cattrs' public API wherever one does the job.  Where
none does, the private name it uses is listed here; ``tests/test_private_api.py``
checks that every name still exists in the installed releases (and fails,
loudly, when a release removes one) and that aipark's source uses no private
name of theirs that is not listed.  CI runs that test with the lowest and
the highest versions the metadata allows.
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["PRIVATE_NAMES", "PrivateName", "missing"]


class PrivateName(NamedTuple):
    """``owner.attribute``: where it lives, what it is called, why aipark needs it."""

    #: ``module:Class`` (``pint.facets.plain.registry:GenericPlainRegistry``), a
    #: module, or ``registry`` / ``quantity`` / ``cache`` for attributes of an instance.
    owner: str
    attribute: str
    reason: str


PRIVATE_NAMES: Final[tuple[PrivateName, ...]] = (
    PrivateName(
        "pint.facets.plain.registry:GenericPlainRegistry",
        "_build_cache",
        "overridden so a registry works out each unit's root units on first use, not all "
        "~1000 as it is built (a third of a command-line start); pint's own pass still "
        "builds the units-by-dimension table when compatible_units() first needs it",
    ),
    PrivateName(
        "pint.facets.plain.registry:GenericPlainRegistry",
        "_get_compatible_units",
        "overridden to build that table first",
    ),
    PrivateName(
        "pint.facets.plain.registry:GenericPlainRegistry",
        "_get_root_units",
        "a unit's factor and root units without building a quantity: exact conversion "
        "factors, and checking a foreign registry's unit means the same here",
    ),
    PrivateName(
        "pint.facets.plain.registry:GenericPlainRegistry",
        "_get_dimensionality",
        "a unit container's dimension, cached per container, for checks and messages",
    ),
    PrivateName(
        "pint.facets.plain.registry",
        "RegistryCache",
        "the empty cache aipark's lazy registry starts from; not exported by pint itself",
    ),
    PrivateName(
        "pint.facets.plain.registry",
        "GenericPlainRegistry",
        "its _build_cache, called directly for the one full pass (pint's facet class)",
    ),
    PrivateName(
        "cache",
        "dimensional_equivalents",
        "the units-by-dimension table the full pass builds, kept in the lazy cache",
    ),
    PrivateName(
        "registry",
        "_cache",
        "the cache the lazy registry fills and the table pass swaps out",
    ),
    PrivateName("registry", "_caches", "pint keeps the cache of each context set here"),
    PrivateName(
        "registry",
        "_units",
        "unit definitions by name (a ChainMap whose maps are context overlays): canonical "
        "names, definitions for exact factors, and the table pass without overlays",
    ),
    PrivateName(
        "registry",
        "_dimensions",
        "the registry's dimensions: each currency is one, and exchange_rates() lists them",
    ),
    PrivateName(
        "pint.facets.plain.quantity:PlainQuantity",
        "_mul_div",
        "overridden so pint's own in-place reduction of a new result (auto_reduce_dimensions, "
        "autoconvert_to_preferred) works while the user-visible in-place API stays refused",
    ),
    PrivateName(
        "pint.facets.plain.quantity:PlainQuantity",
        "_is_multiplicative",
        "offset units (degC) have no conversion factor",
    ),
    PrivateName(
        "quantity",
        "_magnitude",
        "set directly to build a quantity from a checked number without pint's sniffing of "
        "argument types (ten times faster), and to unpickle a magnitude exactly as it was",
    ),
    PrivateName(
        "quantity",
        "_units",
        "a quantity's UnitsContainer: hashable cache key, equality of models as stated, "
        "pickling by canonical name and power",
    ),
    PrivateName(
        "quantity",
        "_REGISTRY",
        "which registry a quantity belongs to: only aipark.ureg's quantities pickle",
    ),
    PrivateName(
        "cattrs:Converter",
        "_structure_optional",
        "recognises cattrs' own hook for X | None, which aipark replaces by X's hook with "
        "None allowed, once per field instead of per value",
    ),
)


def missing() -> list[str]:
    """The listed names that the installed pint and cattrs no longer have."""
    from importlib import import_module

    from .units import _new_registry

    registry = _new_registry()
    instances = {
        "registry": registry,
        "quantity": registry.Quantity(1, "meter"),
        "cache": registry._cache,
    }
    gone = []
    for name in PRIVATE_NAMES:
        if name.owner in instances:
            owner: object = instances[name.owner]
        else:
            module, _, cls = name.owner.partition(":")
            try:
                owner = import_module(module)
                owner = getattr(owner, cls) if cls else owner
            except (ImportError, AttributeError):
                gone.append(f"{name.owner} (for {name.attribute})")
                continue
        if not hasattr(owner, name.attribute):
            gone.append(f"{name.owner}.{name.attribute}")
    return gone
