"""Hypothesis strategies for every aipark model, built through the public constructors."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

import aipark
import aipark.units

text = st.text(
    alphabet=st.characters(categories=("L", "N", "Zs", "P")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")
optional_text = st.none() | text
dates = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31))
years = st.integers(1000, 9999)
magnitudes = st.integers(0, 10**15) | st.floats(0, 1e15, allow_nan=False, allow_infinity=False)
signed_magnitudes = st.integers(-(10**15), 10**15) | st.floats(
    -1e15, 1e15, allow_nan=False, allow_infinity=False
)

AREA_UNITS = ("shi_mu", "qing", "hectare", "meter ** 2", "kilometer ** 2", "acre")
COMPUTE_UNITS = ("FLOPS", "teraFLOPS", "petaFLOPS", "exaFLOPS")
ANY_UNITS = (*AREA_UNITS, *COMPUTE_UNITS, "CNY", "USD", "dimensionless", "CNY / USD")


def quantities(units: tuple[str, ...], values: st.SearchStrategy[int | float] = magnitudes):
    return st.builds(aipark.units.quantity, values, st.sampled_from(units))


sources = st.builds(
    aipark.Source,
    title=text,
    publisher=text,
    published=dates,
    url=optional_text,
    id=optional_text,
    language=st.none() | st.sampled_from(["en", "zh"]),
)


def citations(fields: list[str]):
    return st.lists(
        st.builds(
            aipark.Citation,
            field=st.sampled_from(fields),
            source=sources,
            reported=st.none() | quantities(ANY_UNITS, signed_magnitudes),
            note=optional_text,
        ),
        max_size=2,
    )


def _fields(cls: type) -> list[str]:
    import attrs

    return [f.name for f in attrs.fields(cls)]


named = {"local_name": optional_text, "local_name_verified": st.booleans()}

locations = st.builds(
    aipark.Location,
    country=optional_text,
    province=optional_text,
    city=optional_text,
    district=optional_text,
    local_province=optional_text,
    local_city=optional_text,
    local_district=optional_text,
    citations=citations(_fields(aipark.Location)),
)
terms = text | st.builds(aipark.Term, name=text, citations=citations(_fields(aipark.Term)), **named)
zones = st.builds(
    aipark.Zone,
    name=text,
    kind=st.sampled_from(aipark.ZoneKind),
    description=optional_text,
    citations=citations(_fields(aipark.Zone)),
    **named,
)
computing_centers = st.builds(
    aipark.ComputingCenter,
    name=text,
    compute_power=st.none() | quantities(COMPUTE_UNITS),
    pc_equivalents=st.none() | st.integers(0, 10**9),
    phase=st.none() | st.integers(1, 9),
    precision=st.none() | st.sampled_from(aipark.Precision),
    builder=optional_text,
    local_builder=optional_text,
    hardware=optional_text,
    citations=citations(_fields(aipark.ComputingCenter)),
    **named,
)
platforms = st.builds(
    aipark.InnovationPlatform,
    name=text,
    incubated_enterprises=st.none() | st.integers(0, 10**6),
    description=optional_text,
    citations=citations(_fields(aipark.InnovationPlatform)),
    **named,
)
targets = st.builds(
    aipark.Target,
    name=text,
    value=quantities(ANY_UNITS, signed_magnitudes),
    year=st.none() | years,
    bound=st.sampled_from(aipark.Bound),
    metric=optional_text,
    scope=optional_text,
    citations=citations(_fields(aipark.Target)),
    **named,
)
milestones = st.builds(
    aipark.Milestone,
    name=text,
    date=st.none() | dates,
    description=optional_text,
    authority=optional_text,
    local_authority=optional_text,
    citations=citations(_fields(aipark.Milestone)),
    **named,
)
parks = st.builds(
    aipark.Park,
    name=text,
    location=st.none() | locations,
    area=st.none() | quantities(AREA_UNITS),
    launched=st.none() | dates,
    layout=optional_text,
    zones=st.lists(zones, max_size=3),
    computing_centers=st.lists(computing_centers, max_size=2),
    platforms=st.lists(platforms, max_size=2),
    targets=st.lists(targets, max_size=2),
    milestones=st.lists(milestones, max_size=2),
    goals=st.lists(terms, max_size=3),
    sectors=st.lists(terms, max_size=3),
    application_domains=st.lists(terms, max_size=3),
    sources=st.lists(sources, max_size=2),
    citations=citations(_fields(aipark.Park)),
    **named,
)

#: Every model with a strategy, for parametrized round-trip tests.
MODELS = {
    aipark.Source: sources,
    aipark.Location: locations,
    aipark.Zone: zones,
    aipark.ComputingCenter: computing_centers,
    aipark.InnovationPlatform: platforms,
    aipark.Target: targets,
    aipark.Milestone: milestones,
    aipark.Park: parks,
}
