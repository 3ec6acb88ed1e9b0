"""The installed package: one version, its data files, its public names.

CI runs these against the built wheel installed in a clean environment, so a
file missing from the wheel fails here.
"""

from __future__ import annotations

import importlib.metadata
import json
from importlib.resources import files

import aipark


def test_version_has_one_source() -> None:
    """The installed metadata's version is the one written in aipark/_version.py."""
    assert importlib.metadata.version("aipark") == aipark.__version__
    text = files("aipark").joinpath("_version.py").read_text(encoding="utf-8")
    assert f'__version__ = "{aipark.__version__}"' in text


def test_data_files_are_installed() -> None:
    package = files("aipark")
    assert package.joinpath("py.typed").is_file()
    assert "shi_mu" in package.joinpath("units.txt").read_text(encoding="utf-8")
    data = json.loads(package.joinpath("data", "qingdao.json").read_text(encoding="utf-8"))
    assert data["name"] == aipark.QINGDAO.name


def test_every_public_name_resolves() -> None:
    for name in aipark.__all__:
        assert getattr(aipark, name) is not None, name
    assert sorted(aipark.__all__) == sorted(set(aipark.__all__))


def test_console_script_is_declared() -> None:
    scripts = importlib.metadata.entry_points(group="console_scripts")
    (script,) = [s for s in scripts if s.name == "aipark"]
    assert script.value == "aipark.cli:main"
