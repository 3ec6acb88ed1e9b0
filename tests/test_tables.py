"""Tables of parks: pandas, Arrow, Parquet (read back by DuckDB), CSV and JSON."""

from __future__ import annotations

import csv
import datetime
import enum
import io
import json
import sys
from pathlib import Path

import attrs
import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

import aipark
from aipark.cli import run
from aipark.tables import tables

from strategies import parks

QINGDAO = aipark.QINGDAO
SOURCE = aipark.Source("A report", "A publisher", datetime.date(2024, 1, 1))
LAKESIDE = aipark.Park(
    name="Lakeside AI Park",
    local_name="湖畔人工智能园",
    area="1.5 km**2",
    launched=datetime.date(2024, 5, 1),
    zones=[aipark.Zone(name="Lakeside Core", kind="core")],
    computing_centers=[
        aipark.ComputingCenter(name="Lake One", compute_power="2 EFLOPS", precision="FP16"),
        aipark.ComputingCenter(name="Lake Two"),
    ],
    targets=[aipark.Target(name="revenue", value="2000000000 USD", year=2030, bound="at_least")],
)


def unit_of(table: pa.Table, column: str) -> str | None:
    metadata = table.schema.field(column).metadata or {}
    unit = metadata.get(b"unit")
    return None if unit is None else unit.decode()


# --------------------------------------------------------------------------
# Rows and columns


@pytest.mark.parametrize("of", list(tables()))
def test_one_row_per_item_with_its_park(of: str) -> None:
    table = aipark.to_arrow([QINGDAO, LAKESIDE], of=of)
    expected = [
        park.name
        for park in (QINGDAO, LAKESIDE)
        for _ in ([park] if of == "parks" else getattr(park, of))
    ]
    assert table.column("park").to_pylist() == expected
    assert table.column_names[0] == "park"


@pytest.mark.parametrize("of", list(tables()))
def test_every_field_is_a_column(of: str) -> None:
    """Columns come from the models' fields, so a new field is a new column."""
    cls = attrs.resolve_types(tables()[of], localns={"Quantity": aipark.Quantity})
    names = aipark.to_arrow(QINGDAO, of=of).column_names
    for field in attrs.fields(cls):
        if field.name == "citations" or field.name in tables():
            continue  # provenance, and the lists of models that have tables of their own
        nested = next((a for a in getattr(field.type, "__args__", ()) if attrs.has(a)), None)
        if nested is not None:
            for inner in attrs.fields(nested):
                if inner.name != "citations":
                    assert f"{field.name}_{inner.name}" in names
        else:
            assert field.name in names, field.name


def test_the_parks_table() -> None:
    rows = aipark.to_arrow([QINGDAO, LAKESIDE]).to_pylist()
    assert rows[0]["name"] == QINGDAO.name
    assert rows[0]["local_name"] == "青岛人工智能产业园"
    assert rows[0]["launched"] == datetime.date(2023, 2, 23)
    assert rows[0]["location_local_city"] == "青岛市"
    assert rows[0]["goals"] == [goal.name for goal in QINGDAO.goals]
    assert rows[0]["goals_local_name"] == ["算力服务支撑", "软硬件融合创新", "产业智能化应用"]
    assert rows[0]["area"] == pytest.approx(2918 / 15)
    assert rows[1]["area"] == pytest.approx(150.0)
    assert rows[1]["location_city"] is None


def test_enums_are_text_and_dates_are_dates() -> None:
    zones = aipark.to_arrow(QINGDAO, of="zones")
    assert zones.schema.field("kind").type == pa.string()
    assert zones.column("kind").to_pylist() == [z.kind.value for z in QINGDAO.zones]
    milestones = aipark.to_arrow(QINGDAO, of="milestones")
    assert milestones.schema.field("date").type == pa.date32()
    assert milestones.column("date").to_pylist() == [m.date for m in QINGDAO.milestones]
    centers = aipark.to_arrow(LAKESIDE, of="computing_centers")
    assert centers.column("precision").to_pylist() == ["FP16", None]


# --------------------------------------------------------------------------
# Units


def test_quantity_columns_hold_one_default_unit() -> None:
    centers = aipark.to_arrow([QINGDAO, LAKESIDE], of="computing_centers")
    assert unit_of(centers, "compute_power") == "petaFLOPS"
    assert centers.column("compute_power").to_pylist() == [100.0, 150.0, 2000.0, None]
    parks_table = aipark.to_arrow([QINGDAO, LAKESIDE])
    assert unit_of(parks_table, "area") == "hectare"


def test_the_caller_chooses_the_unit() -> None:
    table = aipark.to_arrow(QINGDAO, units={"area": "mu"})
    assert unit_of(table, "area") == "shi_mu"
    assert table.column("area").to_pylist() == [2918.0]
    named = aipark.to_arrow(QINGDAO, units={"area": "mu"}, unit_in_name=True)
    assert "area_shi_mu" in named.column_names
    assert "area" not in named.column_names
    assert unit_of(named, "area_shi_mu") == "shi_mu"


def test_rows_that_cannot_share_a_unit_are_written_as_stated() -> None:
    """A target's value: yuan in one row, a count in the next, dollars in a third."""
    table = aipark.to_arrow([QINGDAO, LAKESIDE], of="targets")
    assert table.column("value").to_pylist() == [6e10, 100.0, 2e9]
    assert table.column("value_unit").to_pylist() == ["CNY", "dimensionless", "USD"]
    assert unit_of(table, "value") is None
    assert table.schema.field("value").metadata == {b"unit_column": b"value_unit"}


def test_money_changes_currency_only_with_a_rate_or_a_date() -> None:
    money = aipark.Park(
        name="P",
        targets=[
            aipark.Target(name="a", value="600亿元"),
            aipark.Target(name="b", value="1000000000 USD"),
        ],
    )
    with pytest.raises(aipark.MissingRateError) as info:
        aipark.to_arrow(money, of="targets", units={"value": "USD"})
    assert str(info.value).startswith("targets[0].value: converting CNY to USD needs")
    table = aipark.to_arrow(money, of="targets", units={"value": "USD"}, rate="6.9028 CNY/USD")
    assert unit_of(table, "value") == "USD"
    assert table.column("value").to_pylist() == pytest.approx([6e10 / 6.9028, 1e9])
    dated = aipark.to_arrow(
        money, of="targets", units={"value": "USD"}, on=datetime.date(2023, 2, 23)
    )
    assert dated.column("value").to_pylist()[0] == pytest.approx(8_698_430_907, rel=1e-9)


def test_one_currency_shares_its_unit() -> None:
    one = aipark.Park(name="P", targets=[aipark.Target(name="a", value="600亿元")])
    table = aipark.to_arrow(one, of="targets")
    assert unit_of(table, "value") == "CNY"
    assert "value_unit" not in table.column_names


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"of": "zone"}, "of: unknown table 'zone'; known: parks, zones, computing_centers"),
        ({"units": {"name": "mu"}}, "units: 'name' is not a quantity column of parks"),
        ({"units": {"area": "kg"}}, "parks[0].area: cannot convert shi_mu"),
        ({"units": {"area": "nonsense"}}, "nonsense"),
    ],
)
def test_bad_requests_are_validation_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(aipark.ValidationError) as info:
        aipark.to_arrow(QINGDAO, **kwargs)  # type: ignore[arg-type]
    assert message in str(info.value)


def test_parks_must_be_parks() -> None:
    with pytest.raises(aipark.ValidationError, match=r"\[1\]: expected a Park, got text 'qingdao'"):
        aipark.to_arrow([QINGDAO, "qingdao"])  # type: ignore[list-item]


@settings(max_examples=30, deadline=None)
@given(park=parks)
def test_any_park_tabulates_in_its_units(park: aipark.Park) -> None:
    """Generated parks: every quantity reads back from its column in the column's unit."""
    centers = aipark.to_arrow(park, of="computing_centers")
    for center, value in zip(
        park.computing_centers, centers.column("compute_power").to_pylist(), strict=True
    ):
        if center.compute_power is None:
            assert value is None
        else:
            assert value == pytest.approx(center.compute_power.to("petaFLOPS").magnitude, rel=1e-12)
    table = aipark.to_arrow(park, of="targets")
    if "value_unit" in table.column_names:
        stated = table.column("value_unit").to_pylist()
        assert stated == [aipark.to_dict(t.value)["unit"] for t in park.targets]


# --------------------------------------------------------------------------
# pandas


def test_dataframe_units_and_types() -> None:
    frame = aipark.to_dataframe([QINGDAO, LAKESIDE], of="computing_centers")
    assert frame.attrs["units"] == {"compute_power": "petaFLOPS", "investment": "CNY"}
    assert list(frame["compute_power"].iloc[:3]) == [100.0, 150.0, 2000.0]
    assert pd.isna(frame["compute_power"].iloc[3])
    assert str(frame["pc_equivalents"].dtype) == "Int64"
    assert list(frame["park"]) == [QINGDAO.name] * 2 + [LAKESIDE.name] * 2
    milestones = aipark.to_dataframe(QINGDAO, of="milestones")
    assert milestones["date"].dtype.kind == "M"
    assert milestones["date"].iloc[0].date() == QINGDAO.milestones[0].date


def test_dataframe_matches_arrow() -> None:
    for of in tables():
        frame = aipark.to_dataframe(QINGDAO, of=of)
        table = aipark.to_arrow(QINGDAO, of=of)
        assert list(frame.columns) == table.column_names


# --------------------------------------------------------------------------
# Parquet, read by DuckDB


def test_parquet_read_by_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "centers.parquet"
    aipark.write_parquet([QINGDAO, LAKESIDE], path, of="computing_centers")
    rows = duckdb.sql(
        f"SELECT park, sum(compute_power), count(*) FROM '{path}' GROUP BY park ORDER BY park"
    ).fetchall()
    assert rows == [(LAKESIDE.name, 2000.0, 2), (QINGDAO.name, 250.0, 2)]
    assert pq.read_schema(path).field("compute_power").metadata == {b"unit": b"petaFLOPS"}
    parks_path = tmp_path / "parks.parquet"
    aipark.write_parquet([QINGDAO, LAKESIDE], parks_path, units={"area": "mu"})
    rows = duckdb.sql(
        f"SELECT min(launched), max(area), list_contains(first(goals), '{QINGDAO.goals[0].name}') "
        f"FROM '{parks_path}'"
    ).fetchall()
    assert rows == [(datetime.date(2023, 2, 23), 2918.0, True)]


# --------------------------------------------------------------------------
# Without the extras


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", lambda: aipark.to_dataframe(QINGDAO), "aipark[pandas]"),
        ("pyarrow", lambda: aipark.to_arrow(QINGDAO), "aipark[arrow]"),
        ("pyarrow", lambda: aipark.write_parquet(QINGDAO, "x.parquet"), "aipark[arrow]"),
    ],
)
def test_missing_extras_name_the_extra(
    module: str, call: object, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(aipark.MissingDependencyError) as info:
        call()  # type: ignore[operator]
    assert f"pip install '{extra}'" in str(info.value)


# --------------------------------------------------------------------------
# The command line


def test_cli_table_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["table", "qingdao", "--of", "computing_centers"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["compute_power_petaFLOPS"] for row in rows] == ["100.0", "150.0"]
    assert rows[0]["local_name"] == "青岛人工智能计算中心"
    assert rows[0]["local_name_verified"] == "true"


def test_cli_table_json_with_units(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["table", "qingdao", "--format", "json", "--unit", "area=mu"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["area_shi_mu"] == 2918.0
    assert rows[0]["launched"] == "2023-02-23"


def test_cli_table_files_and_parquet(tmp_path: Path) -> None:
    aipark.dump(LAKESIDE, tmp_path / "lakeside.toml")
    out = tmp_path / "all.parquet"
    assert run(["table", "qingdao", str(tmp_path), "--of", "targets", "-o", str(out)]) == 0
    rows = duckdb.sql(f"SELECT park, value, value_unit FROM '{out}' ORDER BY value").fetchall()
    assert rows == [
        (QINGDAO.name, 100.0, "dimensionless"),
        (LAKESIDE.name, 2e9, "USD"),
        (QINGDAO.name, 6e10, "CNY"),
    ]
    csv_out = tmp_path / "zones.csv"
    assert run(["table", str(tmp_path / "lakeside.toml"), "--of", "zones", "-o", str(csv_out)]) == 0
    assert csv_out.read_text().splitlines() == [
        "park,name,kind,local_name,local_name_verified,description",
        "Lakeside AI Park,Lakeside Core,core,,true,",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--of", "zone"], "unknown table 'zone'"),
        (["--unit", "area"], "expected FIELD=UNIT such as area=mu, got 'area'"),
        (["--format", "parquet"], "give -o FILE"),
        (
            ["--unit", "value=USD", "--of", "targets"],
            "targets[0].value: converting CNY to USD needs",
        ),
        (
            ["--unit", "value=USD", "--of", "targets", "--rate", "6.9 CNY/USD"],
            "targets[1].value: rate 6.9 CNY / USD does not convert dimensionless to USD",
        ),
    ],
)
def test_cli_table_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["table", "qingdao", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("aipark: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_kinds_cover_every_field_type() -> None:
    """Every field type of every model maps to a column kind that Arrow can hold."""
    for cls in tables().values():
        table = aipark.to_arrow(QINGDAO, of=next(k for k, v in tables().items() if v is cls))
        for field in table.schema:
            assert not pa.types.is_null(field.type), field.name
    assert issubclass(aipark.ZoneKind, enum.Enum)


def test_other_field_types_become_text_columns() -> None:
    """A field of a type the tables do not know (a union) is written as its text."""
    from aipark import tables as tables_module

    @attrs.frozen
    class Reading:
        amount: int | str

    columns = tables_module._columns(Reading)
    assert [(c.name, c.kind) for c in columns] == [("amount", "text")]
    assert [columns[0].get(Reading(5)), columns[0].get(Reading("five"))] == ["5", "five"]


def test_observations_and_investment_are_tabulated() -> None:
    """Measured figures with their dates; a center's investment in its currency."""
    rows = aipark.to_arrow(QINGDAO, of="observations").to_pylist()
    assert [(r["name"], r["value"], r["value_unit"]) for r in rows] == [
        ("operating income", 1.7e10, "CNY"),
        ("AI enterprises", 200.0, "dimensionless"),
    ]
    assert [(r["year"], r["as_of"], r["bound"]) for r in rows] == [
        (2023, None, "exactly"),
        (None, datetime.date(2024, 4, 16), "more_than"),
    ]
    centers = aipark.to_arrow(QINGDAO, of="computing_centers")
    assert unit_of(centers, "investment") == "CNY"
    assert centers.column("investment").to_pylist() == [3.9e8, None]
    assert centers.column("pue").to_pylist() == [None, None]
