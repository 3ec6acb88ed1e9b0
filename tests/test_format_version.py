"""``format_version``: written by aipark, 1 when absent, newer versions refused by name."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

import aipark
from aipark.io import dumps, loads
from aipark.serialization import FORMAT_VERSION


def test_files_written_by_aipark_carry_the_version() -> None:
    assert FORMAT_VERSION == 1
    assert json.loads(dumps(aipark.QINGDAO))["format_version"] == 1
    toml = dumps(aipark.QINGDAO, "toml")
    assert toml.startswith("format_version = 1\n")
    assert tomllib.loads(toml)["format_version"] == 1


@pytest.mark.parametrize("version", [None, 1])
def test_an_old_or_current_file_reads(version: int | None) -> None:
    """A file without the key is version 1, as is one that says so."""
    data: dict[str, Any] = aipark.to_dict(aipark.QINGDAO)
    if version is not None:
        data["format_version"] = version
    assert "format_version" not in aipark.to_dict(aipark.QINGDAO)
    assert aipark.from_dict(data, aipark.Park) == aipark.QINGDAO


def test_a_newer_file_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.toml"
    path.write_text('format_version = 2\nname = "P"\nfuture_field = 1\n')
    with pytest.raises(aipark.LoadError) as info:
        aipark.load(path)
    assert str(info.value) == (
        f"{path}: format_version: the data is in park format version 2; "
        "this aipark reads versions up to 1 (a newer aipark may read it)"
    )


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("1", "format_version: expected a whole number such as 1, got text '1'"),
        (1.0, "format_version: expected a whole number such as 1, got float 1.0"),
        (True, "format_version: expected a whole number such as 1, got bool True"),
        (0, "format_version: format versions start at 1, got 0"),
        (3, "format_version: the data is in park format version 3; this aipark reads"),
    ],
)
def test_from_dict_checks_the_key(version: object, message: str) -> None:
    with pytest.raises(aipark.ValidationError) as info:
        aipark.from_dict({"name": "P", "format_version": version}, aipark.Park)
    assert str(info.value).startswith(message)


def test_only_a_park_carries_the_version() -> None:
    """Inside a park the key means nothing: a zone with it is an unknown field."""
    with pytest.raises(aipark.ValidationError, match=r"zones\[0\].format_version: unknown field"):
        loads(
            '{"name": "P", "zones": [{"name": "Z", "kind": "core", "format_version": 1}]}', "json"
        )
