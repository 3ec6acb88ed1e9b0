"""Hypothesis strategies for hostile input, and the properties every reader must keep.

Shared by ``test_hostile.py`` (a few hundred examples on every run) and
``fuzz_from_dict.py`` (the same checks for a fixed time budget in CI).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
from hypothesis import strategies as st

import aipark
from aipark.io import dumps, loads
from aipark.serialization import MODELS

from strategies import parks

#: Every field name of every model: dicts keyed by them reach deep into the hooks.
FIELD_NAMES = sorted({f.name for cls in MODELS for f in attrs.fields(cls)} | {"value", "unit"})

#: Text that means something to aipark, or used to mean too much to pint.
TEXTS = [
    "2918 mu",
    "2,918亩",
    "600亿元",
    "150 PFLOPS",
    "-1 hectare",
    "1 USD",
    "9**9**9 m",
    "1e999 m",
    "1e-999 m",
    "nan m",
    "inf",
    "1 FLOPs",
    "1 m**99",
    "shi_mu",
    "hectare",
    "petaFLOPS",
    "degC",
    "2023-02-23",
    "2023-02-30",
    "2023-W08-4",
    "core",
    "FP16",
    "more_than",
    "CD-2023-02-27",
    "",
    " ",
    "\x00",
    "\x1b[2J",
    "\u202e",
    "\ud800",
    "a" * 300,
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**60, max_value=2**1100)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(TEXTS)
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)

#: Anything ``json.loads`` could return (and a little more: NaN, huge ints, lone surrogates).
json_like = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)

#: The classes from_dict is asked for.
targets = st.sampled_from([*MODELS, aipark.Quantity, tuple[aipark.Zone, ...]])

_VALID: dict[str, Any] | None = None


def valid_park() -> dict[str, Any]:
    """The prebuilt park as a dict (a fresh copy each time)."""
    global _VALID
    if _VALID is None:
        _VALID = aipark.to_dict(aipark.QINGDAO)
    return copy.deepcopy(_VALID)


def _positions(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) pair in a tree of dicts and lists."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        out.append((node, key))
        if isinstance(value, dict | list):
            _positions(value, out)
    return out


@st.composite
def mutated_parks(draw: st.DrawFn, compact: bool = False) -> dict[str, Any]:
    """A valid park dict (the prebuilt one or a generated one) with one to three places broken.

    Each break replaces, removes or adds a value.  ``compact`` starts from the
    file layout instead (sources cited by id).
    """
    park = draw(st.just(aipark.QINGDAO) | parks)
    data = json.loads(dumps(park)) if compact else aipark.to_dict(park)
    for _ in range(draw(st.integers(1, 3))):
        container, key = draw(st.sampled_from(_positions(data, [])))
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            container[key] = draw(json_like)
        elif action == "remove":
            del container[key]
        elif isinstance(container, dict):
            container[draw(keys)] = draw(json_like)
        else:
            container.insert(key, draw(json_like))
        if not data:
            break
    return data


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[str, str]:
    """The prebuilt park as JSON or TOML text with a few characters changed."""
    fmt = draw(st.sampled_from(["json", "toml"]))
    text = _text(fmt)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        new = draw(st.text(alphabet='{}[]",:=.-+eE0123456789 \n\\tnulrsafx', max_size=3))
        cut = draw(st.integers(0, 3))
        text = text[:at] + new + text[at + cut :]
    return text, fmt


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, str]:
    """A park file (JSON, sources cited by id) with a few places broken."""
    return json.dumps(draw(mutated_parks(compact=True))), "json"


_texts: dict[str, str] = {}


def _text(fmt: str) -> str:
    """The prebuilt park as a file's text."""
    if fmt not in _texts:
        _texts[fmt] = dumps(aipark.QINGDAO, fmt)  # type: ignore[arg-type]
    return _texts[fmt]


# --------------------------------------------------------------------------
# The properties


def check_error(exc: aipark.ValidationError) -> None:
    """A ValidationError lists its failures, each on one printable, bounded line."""
    assert exc.errors, "a ValidationError must list at least one failure"
    assert len(exc.errors) <= 101
    for error in exc.errors:
        text = str(error)
        assert text.isprintable(), f"error text is not printable: {text!r}"
        assert len(text) < 1000, f"error text is {len(text)} characters long"


def check_from_dict(data: object, cls: Any) -> None:
    """from_dict returns ``cls`` or raises ValidationError, never anything else.

    What it accepts survives a round trip through to_dict unchanged.
    """
    try:
        result = aipark.from_dict(data, cls)
    except aipark.ValidationError as exc:
        check_error(exc)
        return
    assert aipark.from_dict(aipark.to_dict(result), cls) == result


def check_loads(text: str, fmt: str) -> None:
    """loads returns a Park or raises ValidationError, never anything else."""
    try:
        park = loads(text, fmt)  # type: ignore[arg-type]
    except aipark.ValidationError as exc:
        check_error(exc)
        return
    assert isinstance(park, aipark.Park)
    assert loads(dumps(park, fmt), fmt) == park  # type: ignore[arg-type]
