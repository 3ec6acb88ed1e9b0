"""aipark.io: park files in JSON and TOML, strict reading, atomic writing, the TOML writer."""

from __future__ import annotations

import json
import math
import os
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aipark
from aipark import io
from aipark.cli import run
from aipark.io import dumps, load, loads, toml_document

from strategies import parks

QINGDAO_JSON = files("aipark.data").joinpath("qingdao.json")


# --------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_dump_then_load_gives_an_equal_park(tmp_path: Path, suffix: str) -> None:
    """A park written to a file reads back equal, in either format."""
    path = tmp_path / f"park{suffix}"
    aipark.dump(aipark.QINGDAO, path)
    assert aipark.load(path) == aipark.QINGDAO
    assert path.read_text(encoding="utf-8") == dumps(aipark.QINGDAO, suffix[1:])  # type: ignore[arg-type]


def test_the_packaged_data_file_loads() -> None:
    """The prebuilt park's own data file is a valid park file."""
    assert load(str(QINGDAO_JSON)) == aipark.QINGDAO


def test_dumps_uses_the_data_file_layout() -> None:
    """No nulls; citations name listed sources by id, as the data files do."""
    data = json.loads(dumps(aipark.QINGDAO))
    assert "null" not in dumps(aipark.QINGDAO)
    assert data["citations"][0]["source"] == "CD-2023-02-27"
    assert data["area"] == {"value": 2918, "unit": "shi_mu"}
    assert tomllib.loads(dumps(aipark.QINGDAO, "toml")) == data


def test_shared_source_ids_stay_inline() -> None:
    """Two sources with one id cannot be cited by it unambiguously: both are written out."""
    first = aipark.Source("A", "P", aipark.QINGDAO.launched, id="X")  # type: ignore[arg-type]
    second = aipark.Source("B", "P", aipark.QINGDAO.launched, id="X")  # type: ignore[arg-type]
    park = aipark.Park(
        name="P",
        sources=[first, second],
        citations=[aipark.Citation("name", second)],
    )
    assert json.loads(dumps(park))["citations"][0]["source"]["title"] == "B"
    assert loads(dumps(park), "json") == park


@settings(max_examples=50, deadline=None)
@given(park=parks, fmt=st.sampled_from(["json", "toml"]))
def test_any_park_round_trips_through_file_text(park: aipark.Park, fmt: str) -> None:
    """Any valid park (whatever its sources' ids) reads back equal from JSON or TOML text."""
    assert loads(dumps(park, fmt), fmt) == park  # type: ignore[arg-type]


def test_toml_dates_may_be_native() -> None:
    """Hand-written TOML may use TOML's own dates; they read as the ISO text would."""
    park = loads('name = "P"\nlaunched = 2023-02-23\n', "toml")
    assert park.launched == aipark.QINGDAO.launched


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """Files saved by editors that write a UTF-8 BOM still load."""
    path = tmp_path / "park.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(aipark.QINGDAO).encode())
    assert load(path) == aipark.QINGDAO


# --------------------------------------------------------------------------
# Errors name the file and the field path


def test_load_errors_name_the_file_and_every_path(tmp_path: Path) -> None:
    """A bad file raises LoadError: a ValidationError listing each field under the file's name."""
    path = tmp_path / "park.toml"
    path.write_text('name = "P"\nnmae = "typo"\n[area]\nvalue = -1\nunit = "hectare"\n')
    with pytest.raises(aipark.LoadError) as info:
        load(path)
    exc = info.value
    assert isinstance(exc, aipark.ValidationError)
    assert isinstance(exc, ValueError)
    assert exc.file == str(path)
    assert sorted(e.path for e in exc.errors) == ["area", "nmae"]
    assert str(exc).startswith(f"{path}: ")
    assert "area: must not be negative" in str(exc)


def test_syntax_errors_name_the_file_and_line(tmp_path: Path) -> None:
    """A JSON syntax error says where it is."""
    path = tmp_path / "park.json"
    path.write_text('{"name": "P",\n "area": }')
    expected = r"park\.json: line 2, column 10: not valid JSON \(expecting value\)"
    with pytest.raises(aipark.LoadError, match=expected):
        load(path)


def test_unknown_suffix_is_refused_unless_a_format_is_given(tmp_path: Path) -> None:
    """The suffix picks the format; an unknown one needs ``format=``."""
    path = tmp_path / "park.yaml"
    path.write_text(dumps(aipark.QINGDAO))
    with pytest.raises(aipark.LoadError, match=r"unknown file type '\.yaml'"):
        load(path)
    assert load(path, format="json") == aipark.QINGDAO


def test_oversized_files_are_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file larger than MAX_FILE_SIZE is refused after reading just past the limit."""
    monkeypatch.setattr(io, "MAX_FILE_SIZE", 1000)
    path = tmp_path / "park.json"
    path.write_text(dumps(aipark.QINGDAO))
    with pytest.raises(aipark.LoadError, match="larger than"):
        load(path)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    """A file that is not there is the environment's problem, not the data's: OSError."""
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "missing.json")


def test_file_names_with_control_characters_are_quoted(tmp_path: Path) -> None:
    """A file name cannot smuggle escape sequences into an error message."""
    path = tmp_path / "bad\x1b[2J.json"
    path.write_text("{}")
    with pytest.raises(aipark.LoadError) as info:
        load(path)
    assert "\x1b" not in str(info.value)
    assert "\\x1b" in info.value.file


# --------------------------------------------------------------------------
# Atomic writing


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("failing", ["fsync", "replace", "chmod"])
def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """If writing fails at any step, the old file is untouched and no temporary file remains."""
    path = tmp_path / "park.json"
    path.write_text("old")

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="disk full"):
        aipark.dump(aipark.QINGDAO, path)
    monkeypatch.undo()
    assert path.read_text() == "old"
    assert _listing(tmp_path) == ["park.json"]


def test_unwritable_data_writes_nothing(tmp_path: Path) -> None:
    """Data that cannot be written raises before any file is touched."""
    path = tmp_path / "park.json"
    with pytest.raises(aipark.ValidationError, match="expected a Park"):
        aipark.dump({"name": "P"}, path)  # type: ignore[arg-type]
    assert _listing(tmp_path) == []


def test_file_modes(tmp_path: Path) -> None:
    """A new file is 0o644; replacing a file keeps its mode."""
    new = tmp_path / "new.json"
    aipark.dump(aipark.QINGDAO, new)
    assert new.stat().st_mode & 0o777 == 0o644
    private = tmp_path / "private.toml"
    private.write_text("")
    private.chmod(0o600)
    aipark.dump(aipark.QINGDAO, private)
    assert private.stat().st_mode & 0o777 == 0o600
    assert aipark.load(private) == aipark.QINGDAO


# --------------------------------------------------------------------------
# The TOML writer

_toml_scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_toml_values = st.recursive(
    _toml_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300)
@given(data=st.dictionaries(st.text(), _toml_values, max_size=6))
def test_toml_writer_round_trips_through_tomllib(data: dict[str, Any]) -> None:
    """Whatever JSON-native data (without null) it is given, tomllib reads back the same."""
    assert tomllib.loads(toml_document(data)) == data


def test_toml_writer_escapes_what_must_be_escaped() -> None:
    """Quotes, backslashes, control characters and odd keys survive."""
    data = {"": 'a"b\\c\x00\x1f\x7f\n\t\u2028', "key with space": {"ü": [1.5e300, -0.0, True]}}
    assert tomllib.loads(toml_document(data)) == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"a": [1, None]}, "no null"),
        ({"a": 2**63}, "64 bits"),
        ({"a": math.nan}, "not a finite number"),
        ({"a": {1: "x"}}, "keys are text"),
        ({"a": {1, 2}}, "cannot write set"),
        ([1], "a TOML document is a table"),
    ],
)
def test_toml_writer_refuses_what_toml_cannot_hold(data: Any, message: str) -> None:
    """Null in a list, big integers, NaN: refused, never written as something else."""
    with pytest.raises(aipark.ValidationError, match=message):
        toml_document(data)


def test_toml_writer_leaves_out_null_fields() -> None:
    """A null in a table is an absent key (TOML has no null)."""
    assert tomllib.loads(toml_document({"a": None, "b": {"c": None, "d": 1}})) == {"b": {"d": 1}}


# --------------------------------------------------------------------------
# The command line


def test_cli_validate_accepts_a_good_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``aipark validate`` prints ok and the park's name, exit 0."""
    path = tmp_path / "park.toml"
    aipark.dump(aipark.QINGDAO, path)
    assert run(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok ({aipark.QINGDAO.name})\n"


def test_cli_validate_lists_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each error is one line, prefixed with the file and the field path, exit 1."""
    data = json.loads(dumps(aipark.QINGDAO))
    data["area"]["value"] = -1
    data["zones"][0]["kind"] = "centre"
    path = tmp_path / "park.json"
    path.write_text(json.dumps(data))
    assert run(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{path}: area: must not be negative, got -1 shi_mu",
        f"{path}: zones[0].kind: expected one of ['core', 'wing', 'functional'], got text 'centre'",
    ]


def test_cli_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is one line on stderr, exit 1, no traceback."""
    assert run(["validate", str(tmp_path / "nope.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("aipark: error: cannot read ")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_cli_dump_to_stdout(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``aipark dump qingdao --format F`` prints the park in F."""
    assert run(["dump", "qingdao", "--format", fmt]) == 0
    assert loads(capsys.readouterr().out, fmt) == aipark.QINGDAO  # type: ignore[arg-type]


def test_cli_dump_to_a_file(tmp_path: Path) -> None:
    """``-o FILE`` writes the format of its suffix; a ``--format`` saying otherwise is refused."""
    toml_path, forced = tmp_path / "park.toml", tmp_path / "forced.toml"
    assert run(["dump", "qingdao", "-o", str(toml_path)]) == 0
    assert run(["dump", "qingdao", "-o", str(forced), "--format", "json"]) == 2
    assert run(["dump", "qingdao", "-o", str(forced), "--format", "toml"]) == 0
    assert tomllib.loads(toml_path.read_text())["name"] == aipark.QINGDAO.name
    assert tomllib.loads(forced.read_text())["name"] == aipark.QINGDAO.name


def test_cli_dump_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown park or an unwritable place: one line, exit 1."""
    assert run(["dump", "atlantis"]) == 1
    assert run(["dump", "qingdao", "-o", str(tmp_path / "no" / "such" / "dir.json")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("aipark: error: unknown park 'atlantis'")
    assert err[1].startswith("aipark: error: cannot write ")
