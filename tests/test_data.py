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
    citation, earlier = aipark.citations_of(PARK, "area")
    assert citation.source.id == "CD-2023-02-27"
    assert citation.reported == aipark.Q_(194.6, "hectare")
    assert not citation.conflicts
    # An earlier source disagrees; its figure is kept on its citation, not as the value.
    assert (earlier.source.id, earlier.conflicts) == ("CD-2022-05-16", True)
    assert earlier.reported == aipark.Q_(180, "hectare")
    assert source_of(PARK, "area").id == "CD-2023-02-27"
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


def test_goals_sectors_and_domains_have_their_sourced_chinese_names() -> None:
    """The reference sheet's Chinese names, each cited to the page that gives it (EEO)."""
    assert [t.local_name for t in PARK.goals] == [
        "算力服务支撑",
        "软硬件融合创新",
        "产业智能化应用",
    ]
    assert [t.local_name for t in PARK.sectors] == [
        "AI信创硬件制造",
        "AI算法软件研发",
        "AI模型训练与数据服务",
    ]
    assert [t.local_name for t in PARK.application_domains] == [
        "智慧家居",
        "工业智能",
        "智慧城市",
        "智慧金融",
        "生命健康",
    ]
    for term in (*PARK.goals, *PARK.sectors, *PARK.application_domains):
        assert term.local_name_verified
        assert source_of(term, "local_name").id == "EEO-2024-04-16"
    scenarios = next(t for t in PARK.targets if t.name == "application scenarios")
    assert scenarios.local_name == "应用场景"
    assert source_of(scenarios, "local_name").id == "EEO-2024-04-16"


def test_goals_sectors_and_domains() -> None:
    assert len(PARK.goals) == 3
    assert [t.name for t in PARK.sectors] == [
        "hardware manufacturing",
        "R&D of complex algorithm software",
        "model training and data service",
    ]
    assert [t.name for t in PARK.application_domains] == [
        "smart homes",
        "industrial intelligence",
        "smart cities",
        "smart finance",
        "life and health",
    ]
    for field in ("goals", "sectors", "application_domains", "layout"):
        assert source_of(PARK, field).id == "CD-2023-02-27"
    six = [c for c in aipark.citations_of(PARK, "application_domains") if c.conflicts]
    assert [c.source.id for c in six] == ["STD-2023-03-02", "EEO-2024-04-16"]
    assert all(c.reported_text and "空天地海" in c.reported_text for c in six)


def test_revenue_target() -> None:
    revenue, scenarios = PARK.targets
    assert revenue.value == aipark.Q_(60_000_000_000, "CNY")
    assert type(revenue.value.magnitude) is int
    assert (revenue.year, revenue.bound) == (2028, Bound.MORE_THAN)
    assert revenue.metric == "industrial operating revenue"
    assert source_of(revenue, "metric").id == "STD-2023-03-02"
    assert revenue.scope == "Qingdao Smart Computing Valley"
    assert source_of(revenue, "scope").id == "CD-2023-02-27"
    (whole_park,) = [c for c in aipark.citations_of(revenue, "scope") if c.conflicts]
    assert (whole_park.source.id, whole_park.reported_text) == ("CD-2024-04-19", "the whole park")
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
    # The 100P and the comparison are on the Qingdao Daily page, not the district's release.
    assert source_of(qdai, "compute_power").id == "QDD-2022-05-16"
    assert qdai.pc_equivalents == 50_000
    assert ids(qdai, "pc_equivalents") == {"CD-2023-02-27", "QDD-2022-05-16"}
    assert ids(qdai, "phase") == {"CD-2023-02-27", "QDD-2022-05-16"}
    assert ids(qdai, "local_name") == {"QDD-2022-05-16", "LS-2022-05-16"}
    assert "LS-2022-05-16" in ids(qdai, "hardware")
    assert qdai.phase == 1
    assert qdai.precision is None
    assert sea.name == '"Heart of the Sea" Artificial Intelligence Computing Center'
    assert sea.local_name == '"海之心"人工智能计算中心'
    assert sea.compute_power == aipark.Q_(150, "PFLOPS")
    assert source_of(sea, "compute_power").id == "CD-2023-02-27"
    assert sea.pc_equivalents is None
    assert (sea.phase, sea.precision) == (1, None)
    assert (sea.builder, sea.local_builder) == ("Sugon", "中科曙光")
    # Only the Economic Observer names Sugon; China Daily 2024-04-19 names Inspur.
    builder = aipark.citations_of(sea, "builder")
    assert [(c.source.id, c.conflicts) for c in builder] == [
        ("EEO-2024-04-16", False),
        ("CD-2024-04-19", True),
    ]
    assert builder[1].reported_text == "Inspur"
    assert "CD-2023-05-18" in ids(sea, "compute_power")


def test_platforms() -> None:
    nic, siit = PARK.platforms
    assert nic.name == "National Innovation Center of High-end Smart Appliances"
    assert nic.local_name == "国家高端智能化家用电器创新中心"
    assert source_of(nic, "local_name").id == "HAIER-2022-11-11"
    assert nic.incubated_enterprises is None
    assert siit.name == "Shandong Institutes of Industrial Technology"
    assert siit.local_name == "山东产业技术研究院"
    assert source_of(siit, "local_name").id == "SIIT-2022-07-18"
    assert siit.incubated_enterprises == 40
    assert source_of(siit, "incubated_enterprises").id == "CD-2023-02-27"


def test_sources_are_the_reference_sheets() -> None:
    assert [s.id for s in PARK.sources] == [
        "CD-2023-02-27",
        "STD-2023-03-02",
        "QDD-2022-05-16",
        "LS-2022-05-16",
        "CD-2022-05-16",
        "CD-2023-05-18",
        "EEO-2024-04-16",
        "CD-2024-04-19",
        "HAIER-2022-11-11",
        "SIIT-2022-07-18",
        "MIIT-2019-10",
        "PBOC-2023-02-23",
    ]
    primary = PARK.sources[0]
    assert (primary.publisher, primary.published) == ("China Daily", datetime.date(2023, 2, 27))
    assert (
        primary.url == "http://subsites.chinadaily.com.cn/shandong/qingdao/2023-02/27/c_865152.htm"
    )
    by_id = {s.id: s for s in PARK.sources}
    assert by_id["QDD-2022-05-16"].title == "布局人工智能 山东青岛点亮“算力灯塔”"
    assert by_id["LS-2022-05-16"].url == "http://sd.news.cn/sd/qd/2022-05/16/c_1128653516.htm"
    assert by_id["PBOC-2023-02-23"].publisher == "UrduPoint"
    for source in PARK.sources:
        assert source.language in ("en", "zh"), source.id
        assert source.url, source.id
        assert not source.title.startswith("["), f"{source.id} has a placeholder title"


def _is_figure(value: Any) -> bool:
    """A number, a quantity or a date: what a source must state."""
    if isinstance(value, bool) or value is None:
        return False
    return isinstance(value, int | float | datetime.date | aipark.Quantity)


def test_provenance_every_figure_and_verified_chinese_name_is_cited() -> None:
    """The provenance check: nothing in the prebuilt data without a page that states it."""
    uncited = []
    for obj in walk(PARK):
        if not hasattr(obj, "citations"):
            continue
        agreeing = {c.field for c in obj.citations if not c.conflicts}
        verified = getattr(obj, "local_name_verified", True)
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            chinese = field.name.startswith("local_") and isinstance(value, str)
            if chinese and field.name == "local_name" and not verified:
                # A likely rendering no source confirms carries no citation.
                assert field.name not in agreeing, f"{obj.name}: unverified name is cited"
            elif (_is_figure(value) or chinese) and field.name not in agreeing:
                uncited.append(f"{type(obj).__name__}({getattr(obj, 'name', '')}).{field.name}")
    assert uncited == []


def test_provenance_every_source_is_cited_and_every_citation_listed() -> None:
    listed = set(PARK.sources)
    cited = set()
    for obj in walk(PARK):
        for citation in getattr(obj, "citations", ()):
            assert citation.source in listed, citation
            cited.add(citation.source)
    assert cited == listed


def test_provenance_every_conflict_keeps_the_sources_reading() -> None:
    conflicts = {
        (type(obj).__name__, c.field, c.source.id)
        for obj in walk(PARK)
        for c in getattr(obj, "citations", ())
        if c.conflicts
    }
    assert conflicts == {
        ("ComputingCenter", "builder", "CD-2024-04-19"),
        ("Target", "scope", "CD-2024-04-19"),
        ("Park", "area", "CD-2022-05-16"),
        ("Park", "application_domains", "STD-2023-03-02"),
        ("Park", "application_domains", "EEO-2024-04-16"),
    }
    for obj in walk(PARK):
        for c in getattr(obj, "citations", ()):
            if c.conflicts or (c.note and "conflict" in c.note):
                assert c.reported is not None or c.reported_text, c
                assert c.note, c
                # The value stays the seed's reading: another source agrees with it.
                assert [a for a in aipark.citations_of(obj, c.field) if not a.conflicts], c


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
