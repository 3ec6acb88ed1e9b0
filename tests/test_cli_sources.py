"""Every command that reads parks takes a prebuilt key, a file, a folder or standard input."""

from __future__ import annotations

import datetime
import io
import json
import sys
from pathlib import Path

import pytest

import aipark
from aipark.cli import run
from aipark.io import dumps

LAKESIDE = aipark.Park(
    name="Lakeside AI Park", area="120 hectare", launched=datetime.date(2024, 5, 1)
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with the Qingdao park as TOML, a small park as JSON, and a file of notes."""
    aipark.dump(aipark.QINGDAO, tmp_path / "qingdao.toml")
    aipark.dump(LAKESIDE, tmp_path / "lakeside.json")
    (tmp_path / "notes.txt").write_text("not a park")
    return tmp_path


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_show_reads_a_park_file(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"lakeside{suffix}"
    aipark.dump(LAKESIDE, path)
    assert run(["show", str(path)]) == 0
    assert capsys.readouterr().out == aipark.describe(LAKESIDE) + "\n"
    assert run(["show", str(path), "--format", "json"]) == 0
    assert aipark.from_dict(json.loads(capsys.readouterr().out), aipark.Park) == LAKESIDE


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_commands_read_standard_input(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` is standard input; JSON or TOML is told apart by the text itself."""
    stdin(monkeypatch, dumps(LAKESIDE, fmt))  # type: ignore[arg-type]
    assert run(["dump", "-", "--format", "json"]) == 0
    assert aipark.from_dict(json.loads(capsys.readouterr().out), aipark.Park) == LAKESIDE
    stdin(monkeypatch, dumps(aipark.QINGDAO, fmt))  # type: ignore[arg-type]
    assert run(["validate", "-"]) == 0
    assert capsys.readouterr().out == f"<stdin>: ok ({aipark.QINGDAO.name})\n"


def test_bad_standard_input_names_stdin_and_the_field(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, '{"name": "P", "area": "3 km"}')
    assert run(["show", "-"]) == 1
    assert capsys.readouterr().err == (
        "aipark: error: <stdin>: area: expected an area, got 3 kilometer ([length])\n"
    )


def test_a_folder_means_every_park_file_in_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["validate", str(folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{folder / 'lakeside.json'}: ok (Lakeside AI Park)",
        f"{folder / 'qingdao.toml'}: ok ({aipark.QINGDAO.name})",
    ]
    assert run(["show", str(folder), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [aipark.from_dict(d, aipark.Park) for d in shown] == [LAKESIDE, aipark.QINGDAO]
    assert run(["show", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out == aipark.describe(LAKESIDE) + "\n\n" + aipark.describe(aipark.QINGDAO) + "\n"


def test_audit_of_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["audit", str(folder / "qingdao.toml"), "--format", "json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert run(["audit", "qingdao", "--format", "json"]) == 0
    assert from_file == json.loads(capsys.readouterr().out)
    assert run(["audit", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Audit of Lakeside AI Park" in out
    assert f"Audit of {aipark.QINGDAO.name}" in out


def test_diagram_of_a_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diagram", str(folder / "qingdao.toml")]) == 0
    assert capsys.readouterr().out == aipark.to_mermaid(aipark.QINGDAO)


def test_commands_of_one_park_refuse_a_folder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["diagram", str(folder)]) == 1
    assert run(["dump", str(folder)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        err
        == [f"aipark: error: this command takes one park; folder {folder} holds 2 park files"] * 2
    )


def test_validate_reports_every_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad file among good ones: each bad field named with its file, the good ones ok, exit 1."""
    (folder / "broken.json").write_text('{"name": "B", "zones": [{"name": "Z", "kind": "centre"}]}')
    assert run(["validate", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"{folder / 'broken.json'}: zones[0].kind: "
        "expected one of ['core', 'wing', 'functional'], got text 'centre'\n"
    )
    assert len(captured.out.splitlines()) == 2


def test_errors_name_the_file_and_field(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "bad.toml"
    path.write_text('name = "B"\narea = -3\n')
    assert run(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"aipark: error: {path}: area: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "atlantis",
            "unknown park 'atlantis': not a prebuilt park (known: qingdao), "
            "a park file or a folder",
        ),
        ("missing.toml", "cannot read missing.toml: No such file or directory"),
    ],
)
def test_unknown_sources(
    source: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in ("show", "audit", "diagram", "dump", "validate"):
        assert run([command, source]) == 1
        err = capsys.readouterr().err
        assert err == f"aipark: error: {message}\n", command


def test_an_empty_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", str(tmp_path)]) == 1
    assert "holds no park files" in capsys.readouterr().err
