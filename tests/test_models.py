"""Model construction, defaults, validators and immutability."""

from __future__ import annotations

import datetime

import attrs
import pint
import pytest

import aipark
from aipark import (
    Bound,
    Citation,
    ComputingCenter,
    InnovationPlatform,
    Location,
    Milestone,
    Park,
    Source,
    Target,
    Zone,
    ZoneKind,
)

SOURCE = Source("T", "P", datetime.date(2023, 2, 27))


def test_every_model_builds_from_its_name() -> None:
    """The contract: name alone (Zone also kind, Target also value); the rest defaults."""
    park = Park(name="P")
    assert park.local_name is None
    assert park.area is None
    assert park.launched is None
    assert park.zones == park.computing_centers == park.platforms == park.targets == ()
    assert park.sources == ()
    assert Zone(name="Z", kind=ZoneKind.CORE).local_name is None
    center = ComputingCenter(name="C")
    assert (center.compute_power, center.pc_equivalents, center.phase, center.precision) == (
        None,
        None,
        None,
        None,
    )
    assert InnovationPlatform(name="I").incubated_enterprises is None
    target = Target(name="T", value="1 CNY")
    assert (target.year, target.bound) == (None, Bound.EXACTLY)
    assert Milestone(name="M").date is None
    assert Location().city is None


def test_contract_field_names() -> None:
    """Names other projects code against."""
    expected = {
        Park: {
            "name",
            "local_name",
            "area",
            "zones",
            "computing_centers",
            "platforms",
            "targets",
            "launched",
            "sources",
        },
        Zone: {"name", "local_name", "kind"},
        ComputingCenter: {
            "name",
            "local_name",
            "compute_power",
            "pc_equivalents",
            "phase",
            "precision",
        },
        Target: {"value", "year", "bound"},
        InnovationPlatform: {"name", "local_name", "incubated_enterprises"},
        Source: {"title", "publisher", "published", "url"},
    }
    for cls, names in expected.items():
        assert names <= set(attrs.fields_dict(cls)), cls
    assert {k.name for k in ZoneKind} == {"CORE", "WING", "FUNCTIONAL"}


def test_collections_become_tuples() -> None:
    park = Park(name="P", zones=[Zone(name="Z", kind=ZoneKind.WING)], goals=["g"])
    assert isinstance(park.zones, tuple)
    assert park.goals == ("g",)


def test_models_are_frozen_and_slotted() -> None:
    park = Park(name="P")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        park.name = "Q"  # type: ignore[misc]
    assert not hasattr(park, "__dict__")


@pytest.mark.parametrize(
    ("cls", "kwargs", "path"),
    [
        (Park, {"area": "5 kg"}, "area"),
        (Park, {"area": "-1 hectare"}, "area"),
        (Park, {"area": "1 PFLOPS"}, "area"),
        (Park, {"name": ""}, "name"),
        (Park, {"name": 5}, "name"),
        (Park, {"launched": "2023-02-23"}, "launched"),
        (Park, {"launched": datetime.datetime(2023, 2, 23)}, "launched"),
        (Park, {"goals": ["ok", ""]}, "goals[1]"),
        (Park, {"zones": ["not a zone"]}, "zones[0]"),
        (Park, {"zones": "abc"}, ""),
        (Park, {"local_name_verified": 1}, "local_name_verified"),
        (ComputingCenter, {"compute_power": "5 m"}, "compute_power"),
        (ComputingCenter, {"compute_power": "-5 PFLOPS"}, "compute_power"),
        (ComputingCenter, {"compute_power": "5 FLOP"}, "compute_power"),
        (ComputingCenter, {"pc_equivalents": -1}, "pc_equivalents"),
        (ComputingCenter, {"pc_equivalents": True}, "pc_equivalents"),
        (ComputingCenter, {"phase": 0}, "phase"),
        (ComputingCenter, {"precision": "fp16"}, "precision"),
        (InnovationPlatform, {"incubated_enterprises": 2.5}, "incubated_enterprises"),
        (Target, {"value": "1 CNY", "year": 28}, "year"),
        (Target, {"value": "1 CNY", "bound": "more"}, "bound"),
        (Milestone, {"date": datetime.date(2019, 10, 14), "year": 2020}, "year"),
        (Park, {"citations": [Citation("nosuchfield", SOURCE)]}, "citations[0].field"),
    ],
)
def test_validators_name_the_field(cls: type, kwargs: dict[str, object], path: str) -> None:
    kwargs = {"name": "N", **kwargs}
    if cls is Target:
        kwargs.setdefault("value", "1 CNY")
    with pytest.raises(aipark.ValidationError) as info:
        cls(**kwargs)
    assert [e.path for e in info.value.errors] == [path]
    assert str(info.value).startswith(f"{path}: " if path else "")


def test_nan_and_inf_quantities_are_refused() -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(aipark.ValidationError, match="finite"):
            Park(name="P", area=aipark.Q_(bad, "hectare"))


def test_target_needs_a_value() -> None:
    with pytest.raises(TypeError):
        Target(name="T")  # type: ignore[call-arg]


def test_quantity_from_another_registry_is_stored_in_aiparks() -> None:
    user = pint.UnitRegistry()
    park = Park(name="P", area=user.Quantity(12, "acre"))
    assert park.area is not None
    assert park.area._REGISTRY is aipark.ureg
    assert park.area.to("acre").magnitude == pytest.approx(12)


def test_text_quantities_are_parsed_safely() -> None:
    assert Park(name="P", area="2918亩").area == aipark.Q_(2918, "shi_mu")
    with pytest.raises(aipark.ValidationError):
        Park(name="P", area="9**9**9 mu")


def test_source_of_and_citations_of() -> None:
    other = Source("U", "Q", datetime.date(2024, 1, 1))
    center = ComputingCenter(
        name="C",
        compute_power="1 PFLOPS",
        citations=[Citation("compute_power", SOURCE), Citation("compute_power", other)],
    )
    assert aipark.source_of(center, "compute_power") is SOURCE
    assert [c.source for c in aipark.citations_of(center, "compute_power")] == [SOURCE, other]
    with pytest.raises(aipark.ProvenanceError, match="no source"):
        aipark.source_of(center, "phase")
    with pytest.raises(aipark.ProvenanceError, match="not a field"):
        aipark.source_of(center, "nope")
    with pytest.raises(aipark.ProvenanceError):
        aipark.source_of(object(), "x")


def test_equal_models_hash_equal() -> None:
    a = Park(name="P", area="10 mu")
    b = Park(name="P", area="10 mu")
    assert a == b
    assert hash(a) == hash(b)
