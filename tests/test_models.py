"""Model construction, defaults, validators and immutability."""

from __future__ import annotations

import datetime
import pickle
from typing import Any

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
    assert park.goals == (aipark.models.Term("g"),)
    assert str(park.goals[0]) == "g"


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
        (Park, {"zones": "abc"}, "zones"),
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


# --------------------------------------------------------------------------
# Equality is of the stated data; aipark.same_value compares across units


@pytest.mark.parametrize(
    ("make", "one", "other"),
    [
        (lambda v: Park(name="x", area=v), "1 hectare", "15 mu"),
        (lambda v: aipark.ComputingCenter(name="c", compute_power=v), "100 PFLOPS", "0.1 EFLOPS"),
        (lambda v: aipark.Target(name="t", value=v), "60000000000 CNY", "600 亿CNY"),
        (lambda v: aipark.Target(name="t", value=v), "1 km**2", "100 hectare"),
    ],
)
def test_same_amount_in_other_units_is_other_data(make: Any, one: str, other: str) -> None:
    """Two models holding one amount in different units differ, hash apart and stay in a set."""
    a, b = make(one), make(other)
    assert aipark.same_value(one, other)
    assert a != b
    assert hash(a) != hash(b)
    assert len({a, b}) == 2
    assert aipark.to_dict(a) != aipark.to_dict(b)
    assert make(one) == a
    assert hash(make(one)) == hash(a)


def test_equality_follows_to_dict() -> None:
    """Equal models have equal dicts and equal dicts rebuild equal models, across formats."""
    from aipark.io import dumps, loads

    parks = [Park(name="x", area=v) for v in ("1 hectare", "15 mu", "15.0 mu", "10000 m**2")]
    for park in parks:
        for fmt in ("json", "toml"):
            again = loads(dumps(park, fmt), fmt)
            assert again == park
            assert hash(again) == hash(park)
        assert pickle.loads(pickle.dumps(park)) == park
        assert aipark.from_dict(aipark.to_dict(park), Park) == park
    distinct = {aipark.to_dict(p)["area"]["unit"] for p in parks}
    assert len(distinct) == 3
    assert parks[1] == parks[2]  # 15 and 15.0 mu: the same magnitude in the same unit
    assert parks[0] != parks[1] != parks[3] != parks[0]


def test_the_prebuilt_park_equals_its_round_trips() -> None:
    park = aipark.QINGDAO
    again = aipark.from_dict(aipark.to_dict(park), Park)
    assert again == park
    assert hash(again) == hash(park)
    converted = attrs.evolve(park, area=aipark.convert(park.area, "hectare"))
    assert converted != park
    assert aipark.same_value(converted.area, park.area)


def test_every_quantity_field_compares_as_stated() -> None:
    """Each attrs class of aipark with a quantity field compares it by magnitude and unit."""
    import importlib
    import pkgutil

    checked = []
    for info in pkgutil.iter_modules(aipark.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"aipark.{info.name}")
        for cls in vars(module).values():
            if not (isinstance(cls, type) and attrs.has(cls) and cls.__module__ == module.__name__):
                continue
            for field in attrs.fields(cls):
                if "Quantity" in str(field.type):
                    checked.append(f"{cls.__name__}.{field.name}")
                    assert field.eq_key is not None, f"{cls.__name__}.{field.name}"
                    q = aipark.Q_(1, "m")
                    assert field.eq_key(q) != field.eq_key(aipark.Q_(100, "cm"))
    assert {"Park.area", "Target.value", "Citation.reported", "ExchangeRate.rate"} <= set(checked)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("1 hectare", "15 mu", True),
        ("15 mu", "1 hectare", True),
        ("100 PFLOPS", "0.1 EFLOPS", True),
        ("0.1 EFLOPS", "100 PFLOPS", True),
        ("2918 mu", "194.53333333333333 hectare", True),
        ("2918 mu", "194.6 hectare", False),
        ("1 hectare", "16 mu", False),
        ("1 hectare", "1 PFLOPS", False),
        ("1 CNY", "1 USD", False),
        ("600亿元", "60000000000 CNY", True),
        ("0 mu", "0 hectare", True),
        ("1e308 qing", "1 m**2", False),
        ("100 degC", "373.15 K", True),
        ("9007199254740993 m", "9007199254740992 m", False),  # integers compare exactly
    ],
)
def test_same_value(a: str, b: str, same: bool) -> None:
    assert aipark.same_value(a, b) is same
    assert aipark.same_value(aipark.ureg.Quantity(1, "m"), pint.UnitRegistry().Quantity(100, "cm"))


def test_same_value_survives_round_trips() -> None:
    """A figure converted and converted back is the same value as before."""
    for text, unit in [("2918 mu", "hectare"), ("150 PFLOPS", "EFLOPS"), ("7 qing", "acre")]:
        q = aipark.convert(text, unit)
        assert aipark.same_value(q, text)
        assert aipark.same_value(aipark.convert(q, text.split()[1]), text)


@pytest.mark.parametrize("bad", [-1e-9, "0.1", True, float("nan")])
def test_same_value_checks_its_tolerance(bad: object) -> None:
    with pytest.raises(aipark.ValidationError, match="rel_tol"):
        aipark.same_value("1 m", "1 m", rel_tol=bad)  # type: ignore[arg-type]


def test_a_conflicting_citation_keeps_the_sources_reading_and_a_note() -> None:
    """A source that disagrees is recorded, never silently dropped or silently adopted."""
    other = Source("U", "Q", datetime.date(2022, 5, 16))
    park = Park(
        name="P",
        area="2918 mu",
        citations=[
            Citation("area", SOURCE),
            Citation("area", other, conflicts=True, reported="180 ha", note="earlier figure"),
        ],
    )
    # The value's source is the one that agrees, even when the dissent is listed first.
    assert aipark.source_of(park, "area") is SOURCE
    assert park.citations[1].reported == aipark.Q_(180, "hectare")
    builder = Citation("builder", other, conflicts=True, reported_text="Inspur", note="names")
    assert (builder.reported, builder.reported_text) == (None, "Inspur")
    with pytest.raises(aipark.ValidationError) as info:
        Citation("area", other, conflicts=True)
    assert [e.path for e in info.value.errors] == ["reported", "note"]
    with pytest.raises(aipark.ValidationError, match="note"):
        Citation("area", other, conflicts=True, reported_text="x")
    with pytest.raises(aipark.ValidationError, match="expected bool"):
        Citation("area", other, conflicts="yes")  # type: ignore[arg-type]
    only_dissent = Park(name="P", area="1 mu", citations=[park.citations[1]])
    with pytest.raises(aipark.ProvenanceError, match="no source"):
        aipark.source_of(only_dissent, "area")
    assert aipark.from_dict(aipark.to_dict(park), Park) == park
    assert aipark.to_dict(builder)["conflicts"] is True


def test_a_computing_centers_investment_power_and_pue() -> None:
    """Money as stated, power in a power unit, PUE a ratio of 1 or more; each checked."""
    center = ComputingCenter(name="C", investment="3.9亿元", power_capacity="12 MW", pue=1.25)
    assert center.investment == aipark.Q_(390_000_000, "CNY")
    assert center.power_capacity == aipark.Q_(12, "MW")
    assert center.pue == 1.25
    assert ComputingCenter(name="C", investment="57.56 megaUSD").investment is not None
    for field, bad, message in [
        ("investment", "390 hectare", "expected an amount of money"),
        ("investment", "6.9 CNY/USD", "expected an amount of money"),
        ("investment", "-5 CNY", "must not be negative"),
        ("investment", 390, "a number needs its unit"),
        ("power_capacity", "12 MWh", "expected a power"),
        ("power_capacity", "150 PFLOPS", "expected a power"),
        ("pue", 0.9, "1 or more"),
        ("pue", float("nan"), "1 or more"),
        ("pue", "1.2", "expected int or float"),
    ]:
        with pytest.raises(aipark.ValidationError, match=message) as info:
            ComputingCenter(name="C", **{field: bad})
        assert info.value.errors[0].path == field
    again = aipark.from_dict(aipark.to_dict(center), ComputingCenter)
    assert again == center


def test_an_observation_is_dated() -> None:
    """A measured figure needs its year or its as-of date, and they must agree."""
    income = aipark.Observation(name="income", value="170亿元", year=2023)
    assert income.value == aipark.Q_(17_000_000_000, "CNY")
    assert income.bound is Bound.EXACTLY
    count = aipark.Observation(
        name="firms", value="200", bound="more_than", as_of=datetime.date(2024, 4, 16)
    )
    assert count.bound is Bound.MORE_THAN
    with pytest.raises(aipark.ValidationError, match="as_of or year"):
        aipark.Observation(name="x", value="1 CNY")
    with pytest.raises(aipark.ValidationError, match="cannot be as of") as info:
        aipark.Observation(name="x", value="1 CNY", year=2024, as_of=datetime.date(2023, 12, 31))
    assert info.value.errors[0].path == "year"
    # A figure for 2023 reported in 2024 is fine.
    aipark.Observation(name="x", value="1 CNY", year=2023, as_of=datetime.date(2024, 4, 16))
    park = Park(name="P", observations=[income, count])
    assert aipark.from_dict(aipark.to_dict(park), Park) == park
    assert aipark.to_dict(count)["as_of"] == "2024-04-16"
    with pytest.raises(aipark.ValidationError) as info:
        aipark.from_dict({"name": "P", "observations": [{"name": "x", "value": "1 CNY"}]}, Park)
    assert info.value.errors[0].path.startswith("observations[0]")


def test_an_observations_words_give_its_bound() -> None:
    count = aipark.Observation(name="firms", value="超过200", as_of=datetime.date(2024, 4, 16))
    assert (count.value, count.bound) == (aipark.Q_(200, ""), Bound.MORE_THAN)
    with pytest.raises(aipark.ValidationError, match="contradicts"):
        aipark.Observation(name="firms", value="超过200", bound="about", year=2024)
