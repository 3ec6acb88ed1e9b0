"""Process safety: pickling across processes, copying, multiprocessing, global state.

A quantity pickled by aipark must come back as the same amount in the same
unit in any process, whatever pint's application registry is there, and fail
loudly where aipark's units are unknown.  Importing aipark must not change
pint's or cattrs' global state.
"""

from __future__ import annotations

import copy
import functools
import json
import multiprocessing
import pickle
import subprocess
import sys
import textwrap
from typing import Any

import pytest

import aipark
from aipark.units import parse_unit


def _run(code: str, stdin: bytes = b"") -> str:
    """Run ``code`` in a fresh Python process; return its stdout, failing on any error."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def _models() -> dict[str, Any]:
    """One instance of every model (and a quantity, a unit, errors), from the prebuilt park."""
    park = aipark.QINGDAO
    reported = next(c for c in park.citations if c.reported is not None)
    return {
        "park": park,
        "location": park.location,
        "zone": park.zones[0],
        "computing_center": park.computing_centers[1],
        "platform": park.platforms[1],
        "target": park.targets[0],
        "milestone": park.milestones[0],
        "source": park.sources[0],
        "citation": reported,
        "area": park.area,
        "money": park.targets[0].value,
        "compute": park.computing_centers[1].compute_power,
    }


# --------------------------------------------------------------------------
# Pickling into a fresh process

_CHILD = """
    import json, pickle, sys
    import aipark
    results = []
    for blob in pickle.load(sys.stdin.buffer):  # one pickle per protocol
        objects = pickle.loads(blob)
        out = {name: [type(obj).__name__, aipark.to_dict(obj)] for name, obj in objects.items()}
        park = objects["park"]
        out["hectares"] = round(aipark.convert(park.area, "hectare").magnitude, 2)
        out["same_as_prebuilt"] = park == aipark.QINGDAO
        out["area_is_aipark"] = isinstance(park.area, aipark.Quantity)
        results.append(out)
    json.dump(results, sys.stdout)
"""


def test_every_model_unpickles_in_a_fresh_process() -> None:
    """With every pickle protocol, every model comes back equal: the area is still 194.53 ha."""
    objects = _models()
    protocols = range(pickle.HIGHEST_PROTOCOL + 1)
    blobs = [pickle.dumps(objects, protocol=protocol) for protocol in protocols]
    results = json.loads(_run(_CHILD, pickle.dumps(blobs)))
    assert len(results) == len(protocols)
    for out in results:
        assert out["hectares"] == 194.53
        assert out["same_as_prebuilt"] is True
        assert out["area_is_aipark"] is True
        for name, obj in objects.items():
            assert out[name] == [type(obj).__name__, aipark.to_dict(obj)], name


def test_unpickling_ignores_pints_application_registry() -> None:
    """In a process whose pint registry reads "mu" as a mass, the park's area is still an area."""
    blob = pickle.dumps((aipark.QINGDAO, parse_unit("mu / FLOPS")))
    out = _run(
        """
        import pickle, sys
        import pint
        stock = pint.UnitRegistry()
        pint.set_application_registry(stock)
        assert stock.Quantity(1, "mu").check("[mass]")
        park, unit = pickle.load(sys.stdin.buffer)
        import aipark
        print(park.area.check("[area]"), round(aipark.convert(park.area, "ha").magnitude, 2))
        print(unit == aipark.units.parse_unit("mu / FLOPS"), isinstance(unit, aipark.units.Unit))
        """,
        blob,
    )
    assert out.split() == ["True", "194.53", "True", "True"]


def test_unpickling_without_aipark_fails_loudly() -> None:
    """Where aipark cannot be imported, a pickled quantity raises instead of becoming pint's."""
    blob = pickle.dumps(aipark.QINGDAO.area)
    out = _run(
        """
        import pickle, sys
        sys.modules["aipark"] = None  # as if aipark were not installed
        try:
            pickle.load(sys.stdin.buffer)
        except ImportError as exc:
            print(type(exc).__name__)
        """,
        blob,
    )
    assert out.strip() == "ModuleNotFoundError"


@pytest.mark.parametrize("obj", [aipark.Q_(2918, "mu"), parse_unit("mu")], ids=["quantity", "unit"])
def test_unknown_unit_in_a_pickle_fails_loudly(obj: object) -> None:
    """A unit name aipark does not define (a tampered or newer pickle) raises ValidationError."""
    blob = pickle.dumps(obj)
    assert b"shi_mu" in blob  # pickled by canonical name, not by registry
    with pytest.raises(aipark.ValidationError, match="unknown unit 'xxx_mu'"):
        pickle.loads(blob.replace(b"shi_mu", b"xxx_mu"))


def test_units_pickle_by_name() -> None:
    """A unit unpickles into aipark's registry as the same unit."""
    unit = parse_unit("mu / FLOPS")
    again = pickle.loads(pickle.dumps(unit))
    assert again == unit
    assert isinstance(again, aipark.units.Unit)


def test_errors_pickle() -> None:
    """ValidationError and LoadError keep their field errors (and file) through pickle."""
    with pytest.raises(aipark.ValidationError) as info:
        aipark.from_dict({"name": "", "area": "-1 mu"}, aipark.Park)
    errors = [info.value, aipark.LoadError("park.toml", info.value.errors)]
    for exc in errors:
        again = pickle.loads(pickle.dumps(exc))
        assert type(again) is type(exc)
        assert again.errors == exc.errors
        assert str(again) == str(exc)
    assert str(errors[1]).startswith("park.toml: ")


# --------------------------------------------------------------------------
# Copies


@pytest.mark.parametrize("name", list(_models()))
def test_deepcopy_and_copy_keep_equality_and_units(name: str) -> None:
    """copy.copy and copy.deepcopy give equal objects, of aipark's registry, hashing alike."""
    obj = _models()[name]
    for clone in (copy.copy(obj), copy.deepcopy(obj)):
        assert clone == obj
        assert hash(clone) == hash(obj)
        assert aipark.to_dict(clone) == aipark.to_dict(obj)
    deep = copy.deepcopy(aipark.QINGDAO)
    assert isinstance(deep.area, aipark.Quantity)
    assert round(aipark.convert(deep.area, "hectare").magnitude, 2) == 194.53


# --------------------------------------------------------------------------
# multiprocessing (spawn: workers are fresh processes)


def test_multiprocessing_round_trips_models_and_conversions() -> None:
    """Workers convert, rebuild models and send them (or their ValidationError) back unchanged."""
    objects = list(_models().values())
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        to_hectares = functools.partial(aipark.convert, unit="hectare")
        hectares = pool.map(to_hectares, [aipark.QINGDAO.area] * 4)
        returned = pool.map(copy.copy, objects)
        dicts = pool.map(aipark.to_dict, objects)
        rebuilt = pool.apply(aipark.from_dict, (aipark.to_dict(aipark.QINGDAO), aipark.Park))
        with pytest.raises(aipark.ValidationError) as info:
            pool.apply(aipark.from_dict, ({"name": "", "area": "-1 mu"}, aipark.Park))
    assert [e.path for e in info.value.errors] == ["name", "area"]
    assert [round(q.magnitude, 2) for q in hectares] == [194.53] * 4
    assert all(isinstance(q, aipark.Quantity) for q in hectares)
    assert returned == objects
    assert dicts == [aipark.to_dict(obj) for obj in objects]
    assert rebuilt == aipark.QINGDAO


# --------------------------------------------------------------------------
# Global state: pint's application registry and cattrs' global converter


def test_importing_and_using_aipark_leaves_global_state_alone() -> None:
    """After using all of aipark, pint's registry still reads "mu" as a mass and cattrs is stock."""
    out = _run(
        """
        import datetime, json, pickle
        import cattrs, pint

        def snapshot():
            app = pint.get_application_registry()
            gc = cattrs.global_converter
            try:
                app.Quantity(1, "shi_mu")
                shi_mu = "defined"
            except pint.UndefinedUnitError:
                shi_mu = "undefined"
            return {
                "registry": id(app.get()),
                "mu": str(app.Quantity(1, "mu").dimensionality),
                "shi_mu": shi_mu,
                "converter": id(gc),
                "lenient int": gc.structure("5", int),
                "date": type(gc.unstructure(datetime.date(2023, 2, 23))).__name__,
            }

        before = snapshot()
        import aipark
        from aipark.factsheet import describe
        from aipark.io import dumps, loads
        park = aipark.QINGDAO
        assert aipark.from_dict(aipark.to_dict(park), aipark.Park) == park
        assert loads(dumps(park, "toml"), "toml") == park
        aipark.convert("2918 mu", "hectare")
        describe(park)
        pickle.loads(pickle.dumps(park))
        after = snapshot()
        print(json.dumps([before, after, aipark.converter is cattrs.global_converter]))
        """
    )
    before, after, same_converter = json.loads(out)
    assert before == after
    assert after["mu"] == "[mass]"
    assert after["shi_mu"] == "undefined"
    assert same_converter is False


def test_use_as_application_registry_is_an_explicit_opt_in() -> None:
    """After opting in, pint's application registry is aipark's: "mu" is an area there."""
    out = _run(
        """
        import pint
        import aipark
        assert pint.get_application_registry().get() is not aipark.ureg
        aipark.use_as_application_registry()
        app = pint.get_application_registry()
        print(app.get() is aipark.ureg, round(app.Quantity(2918, "mu").to("hectare").magnitude, 2))
        """
    )
    assert out.split() == ["True", "194.53"]


# --------------------------------------------------------------------------
# Every quantity pickles exactly: any magnitude pint holds, any unit power


def _every_kind_of_quantity() -> dict[str, Any]:
    import decimal
    import fractions

    import numpy as np

    q = aipark.Q_
    return {
        "int": q(2918, "mu"),
        "big int": q(10**300, "CNY"),
        "float": q(194.53333333333333, "hectare"),
        "negative zero": q(-0.0, "m"),
        "decimal": q(decimal.Decimal("194.60"), "hectare"),
        "fraction": q(fractions.Fraction(2000, 3), "m**2"),
        "complex": q(1 + 2j, "V"),
        "float array": q(np.array([1.5, 2.25, -3.0]), "PFLOPS"),
        "int matrix": q(np.arange(6, dtype=np.int64).reshape(2, 3), "mu"),
        "power 12": q(3, "m") ** 12,
        "power -10": q(2, "s") ** -10,
        "root": q(2.0, "m") ** 0.5,
        "fractional power": (q(8.0, "m**3/s") ** (1 / 3)),
        "offset unit": q(21.5, "degC"),
        "dimensionless": q(7, ""),
        "prefixed": q(1, "kiloUSD/petaFLOPS"),
    }


def _same(a: Any, b: Any) -> bool:
    """Exactly the same quantity: class, magnitude type, value (and dtype/shape), units."""
    import numpy as np

    if type(a) is not type(b) or a._units != b._units:
        return False
    x, y = a._magnitude, b._magnitude
    if type(x) is not type(y):
        return False
    if isinstance(x, np.ndarray):
        return x.dtype == y.dtype and x.shape == y.shape and bool((x == y).all())
    return bool(x == y) and repr(x) == repr(y)


@pytest.mark.parametrize("name", list(_every_kind_of_quantity()))
def test_every_quantity_pickles_and_copies_exactly(name: str) -> None:
    q = _every_kind_of_quantity()[name]
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert _same(pickle.loads(pickle.dumps(q, protocol=protocol)), q), protocol
    assert _same(copy.copy(q), q)
    assert _same(copy.deepcopy(q), q)
    unit = q.units
    assert pickle.loads(pickle.dumps(unit)) == unit
    assert pickle.loads(pickle.dumps(unit))._units == unit._units


def test_every_quantity_comes_back_from_a_fresh_process_unchanged() -> None:
    """Each kind unpickles into aipark's registry in another process and comes back the same."""
    objects = _every_kind_of_quantity()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import pickle, sys, aipark; objects = pickle.load(sys.stdin.buffer); "
            "assert all(q._REGISTRY is aipark.ureg for q in objects.values()); "
            "sys.stdout.buffer.write(pickle.dumps(objects))",
        ],
        input=pickle.dumps(objects),
        capture_output=True,
        timeout=120,
        check=True,
    )
    back = pickle.loads(result.stdout)
    for name, q in objects.items():
        assert _same(back[name], q), name


def test_quantities_of_a_users_registry_refuse_to_pickle() -> None:
    """A registry's own units cannot travel in a pickle: the error comes when pickling."""
    own = aipark.UnitRegistry()
    own.define("foo = 3 * meter")
    q = own.Quantity(2, "foo")
    for obj in (q, q.units, [q]):
        with pytest.raises(pickle.PicklingError, match=r"registry other than aipark\.ureg"):
            pickle.dumps(obj)
    # Copies stay in the user's registry; a checked conversion makes a picklable one.
    assert copy.deepcopy(q)._REGISTRY is own
    assert copy.copy(q) == q
    ours = aipark.units.as_quantity(own.Quantity(2, "hectare"))
    assert pickle.loads(pickle.dumps(ours)) == aipark.Q_(2, "hectare")
    # pint's default "mu" (a mass) never becomes aipark's mu (an area) through a pickle.
    with pytest.raises(pickle.PicklingError):
        pickle.dumps(aipark.UnitRegistry().Quantity(1, "mu"))


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ((("meter", True),), "power True"),
        ((("meter", 0),), "power 0"),
        ((("meter", float("inf")),), "power inf"),
        ((("meter", "2"),), "power '2'"),
        (((3, 1),), "from"),
        ((("meter",),), "from"),
        (["meter", 1], "from list"),
        ((("xxx_mu", 1),), "unknown unit 'xxx_mu'"),
    ],
)
def test_tampered_pickled_units_fail_loudly(units: object, message: str) -> None:
    with pytest.raises(aipark.ValidationError, match=message):
        aipark.units._unpickle(1, units)
    with pytest.raises(aipark.ValidationError, match=message):
        aipark.units._unpickle_unit(units)
