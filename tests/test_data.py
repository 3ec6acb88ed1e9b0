"""The prebuilt Qingdao park holds every fact of the reference sheet, each with its source."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import aipark
from aipark import Bound, ZoneKind, source_of

PARK = aipark.QINGDAO


def ids(obj: Any, field: str) -> set[str | None]:
    return {c.source.id for c in aipark.citations_of(obj, field)}


def walk(obj: Any) -> Iterator[Any]:
    """Every model instance inside ``obj``, ``obj`` included."""
    if attrs.has(type(obj)):
        yield obj
        for field in attrs.fields(type(obj)):
            yield from walk(getattr(obj, field.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from walk(item)


def test_identity_and_place() -> None:
    assert PARK.name == "Qingdao Artificial Intelligence Industrial Park"
    assert PARK.local_name == "青岛人工智能产业园"
    assert ids(PARK, "local_name") == {"STD-2023-03-02", "EEO-2024-04-16"}
    loc = PARK.location
    assert loc is not None
    assert (loc.district, loc.city, loc.province, loc.country) == (
        "Laoshan District",
        "Qingdao",
        "Shandong",
        "China",
    )
    assert (loc.local_district, loc.local_city, loc.local_province) == (
        "崂山区",
        "青岛市",
        "山东省",
    )
    assert source_of(loc, "district").id == "CD-2023-02-27"


def test_area_as_stated_and_as_reported() -> None:
    assert PARK.area == aipark.Q_(2918, "shi_mu")
    assert type(PARK.area.magnitude) is int
    (citation,) = aipark.citations_of(PARK, "area")
    assert citation.source.id == "CD-2023-02-27"
    assert citation.reported == aipark.Q_(194.6, "hectare")
    assert aipark.convert(PARK.area, "hectare").magnitude == pytest.approx(194.5333, abs=1e-4)


def test_launch_and_milestones() -> None:
    assert PARK.launched == datetime.date(2023, 2, 23)
    assert source_of(PARK, "launched").id == "CD-2023-02-27"
    pilot, launch, hq = PARK.milestones
    assert pilot.year == 2019
    assert pilot.authority == "Ministry of Industry and Information Technology"
    assert pilot.local_authority == "工业和信息化部"
    assert pilot.local_name == "济南-青岛人工智能创新应用先导区"
    assert ids(pilot, "year") == {"CD-2023-02-27"}
    assert ids(pilot, "local_name") == {"MIIT-2019-10"}
    assert launch.date == hq.date == datetime.date(2023, 2, 23)
    assert launch.local_name == "开园活动"
    assert "National Innovation Institute of High-end Smart Appliances" in hq.name


def test_layout_core_wings_and_functional_zones() -> None:
    assert PARK.layout == "one valley and two wings"
    by_kind = {kind: [z for z in PARK.zones if z.kind is kind] for kind in ZoneKind}
    (core,) = by_kind[ZoneKind.CORE]
    assert (core.name, core.local_name, core.local_name_verified) == (
        "Qingdao Smart Computing Valley",
        "青岛智算谷",
        True,
    )
    assert [z.name for z in by_kind[ZoneKind.WING]] == [
        "Haier Science and Technology Innovation Ecosystem Park",
        "Hisense Global R&D Center",
    ]
    assert [z.name for z in by_kind[ZoneKind.FUNCTIONAL]] == [
        "software research and development",
        "hardware manufacturing",
        "science and technology innovation bases",
        "comprehensive services",
    ]


def test_unverified_chinese_names_are_marked() -> None:
    unverified = {z.local_name for z in PARK.zones if not z.local_name_verified}
    assert unverified == {"海尔科创生态园", "海信全球研发中心", "软件研发区", "硬件制造区"}
    verified = {z.local_name for z in PARK.zones if z.local_name_verified}
    assert verified == {"青岛智算谷", "科创基地", "综合服务区"}
    for obj in walk(PARK):
        if getattr(obj, "local_name", None) and getattr(obj, "local_name_verified", False):
            assert obj.local_name not in unverified


def test_goals_sectors_and_domains() -> None:
    assert len(PARK.goals) == 3
    assert PARK.sectors == (
        "hardware manufacturing",
        "R&D of complex algorithm software",
        "model training and data service",
    )
    assert PARK.application_domains == (
        "smart homes",
        "industrial intelligence",
        "smart cities",
        "smart finance",
        "life and health",
    )
    for field in ("goals", "sectors", "application_domains", "layout"):
        assert source_of(PARK, field).id == "CD-2023-02-27"


def test_revenue_target() -> None:
    revenue, scenarios = PARK.targets
    assert revenue.value == aipark.Q_(60_000_000_000, "CNY")
    assert type(revenue.value.magnitude) is int
    assert (revenue.year, revenue.bound) == (2028, Bound.MORE_THAN)
    assert revenue.metric == "industrial operating revenue"
    assert source_of(revenue, "metric").id == "STD-2023-03-02"
    assert revenue.scope == "Qingdao Smart Computing Valley"
    reported, parity = [c for c in aipark.citations_of(revenue, "value") if c.reported]
    assert reported.reported == aipark.Q_(8_690_000_000, "USD")
    assert parity.reported == aipark.Q_(6.9028, "CNY/USD")  # the rate, cited for the audit
    assert parity.source.id == "PBOC-2023-02-23"
    assert scenarios.value == aipark.Q_(100, "dimensionless")
    assert scenarios.bound is Bound.ABOUT
    assert scenarios.year is None


def test_computing_centers() -> None:
    qdai, sea = PARK.computing_centers
    assert qdai.local_name == "青岛人工智能计算中心"
    assert qdai.compute_power == aipark.Q_(100, "PFLOPS")
    assert source_of(qdai, "compute_power").id == "XH-2022-05-16"
    assert qdai.pc_equivalents == 50_000
    assert ids(qdai, "pc_equivalents") == {"CD-2023-02-27", "XH-2022-05-16"}
    assert qdai.phase == 1
    assert qdai.precision is None
    assert sea.name == '"Heart of the Sea" Artificial Intelligence Computing Center'
    assert sea.local_name == '"海之心"人工智能计算中心'
    assert sea.compute_power == aipark.Q_(150, "PFLOPS")
    assert source_of(sea, "compute_power").id == "CD-2023-02-27"
    assert sea.pc_equivalents is None
    assert (sea.phase, sea.precision) == (1, None)
    assert (sea.builder, sea.local_builder) == ("Sugon", "中科曙光")


def test_platforms() -> None:
    nic, siit = PARK.platforms
    assert nic.name == "National Innovation Center of High-end Smart Appliances"
    assert nic.local_name == "国家高端智能化家用电器创新中心"
    assert source_of(nic, "local_name").id == "HAIER-2022-11-11"
    assert nic.incubated_enterprises is None
    assert siit.name == "Shandong Institutes of Industrial Technology"
    assert siit.local_name == "山东产业技术研究院"
    assert siit.incubated_enterprises == 40
    assert source_of(siit, "incubated_enterprises").id == "CD-2023-02-27"


def test_sources_are_the_reference_sheets() -> None:
    assert [s.id for s in PARK.sources] == [
        "CD-2023-02-27",
        "STD-2023-03-02",
        "XH-2022-05-16",
        "CD-2023-05-18",
        "EEO-2024-04-16",
        "HAIER-2022-11-11",
        "MIIT-2019-10",
        "PBOC-2023-02-23",
    ]
    primary = PARK.sources[0]
    assert (primary.publisher, primary.published) == ("China Daily", datetime.date(2023, 2, 27))
    assert (
        primary.url == "http://subsites.chinadaily.com.cn/shandong/qingdao/2023-02/27/c_865152.htm"
    )


def test_every_citation_points_at_a_listed_source_and_every_figure_is_cited() -> None:
    listed = set(PARK.sources)
    cited = set()
    for obj in walk(PARK):
        for citation in getattr(obj, "citations", ()):
            assert citation.source in listed
            cited.add(citation.source.id)
        for name in (
            "area",
            "compute_power",
            "pc_equivalents",
            "incubated_enterprises",
            "value",
            "year",
            "date",
        ):
            if getattr(obj, name, None) is not None and name in attrs.fields_dict(type(obj)):
                assert aipark.citations_of(obj, name), f"{type(obj).__name__}.{name} is uncited"
        if getattr(obj, "local_name_verified", True) is False:
            assert not aipark.citations_of(obj, "local_name"), "an unverified name has no source"
    assert cited >= {s.id for s in PARK.sources} - {"PBOC-2023-02-23"}


def test_prebuilt_park_cannot_be_changed_by_an_importer() -> None:
    area = PARK.area
    assert area is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        PARK.area = aipark.Q_(1, "mu")  # type: ignore[misc]
    with pytest.raises(TypeError):
        area.ito("hectare")
    area += aipark.Q_(1, "mu")
    assert aipark.QINGDAO.area == aipark.Q_(2918, "shi_mu")
    assert aipark.QINGDAO is PARK
    assert hash(PARK) == hash(aipark.from_dict(aipark.to_dict(PARK), aipark.Park))


def test_unknown_park() -> None:
    from aipark.data import get_park

    with pytest.raises(aipark.ValidationError, match="unknown park"):
        get_park("atlantis")


def test_data_file_with_a_bad_source_id_names_the_citation() -> None:
    from aipark.data import resolve_source_ids

    with pytest.raises(aipark.ValidationError) as info:
        resolve_source_ids(
            {"name": "P", "sources": [], "zones": [{"citations": [{"source": "NOPE"}]}]}
        )
    assert info.value.errors[0].path == "zones[0].citations[0].source"
