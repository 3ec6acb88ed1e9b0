"""The aipark command, in-process through run() and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import aipark
from aipark.cli import run


def test_convert(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["convert", "2918 mu", "hectare"]) == 0
    assert capsys.readouterr().out == "194.5333333 ha\n"


def test_convert_money_with_rate(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["convert", "600亿元", "USD", "--rate", "6.9028 CNY/USD"]) == 0
    assert capsys.readouterr().out == "8,692,124,935 USD\n"


def test_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "qingdao"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Qingdao Artificial Intelligence Industrial Park (青岛人工智能产业园)\n")
    assert "2,918 mu" in out
    assert "150 PFLOPS (precision not stated)" in out


def test_show_json_is_accepted_by_from_dict(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "qingdao", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert aipark.from_dict(data, aipark.Park) == aipark.QINGDAO


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "9**9**9 mu", "hectare"], "unit"),
        (["convert", "1 CNY", "USD"], "exchange rate"),
        (["convert", "1 mu", "kilogram"], "cannot convert"),
        (["convert", "1 mu", "ha", "--rate", "x"], "number"),
        (["show", "atlantis"], "unknown park"),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("aipark: error: ")
    assert message in captured.err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) == 2
    assert run(["convert", "1 mu"]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["aipark"], [sys.executable, "-m", "aipark"]])
def test_subprocess(command: list[str]) -> None:
    import shutil

    if command == ["aipark"]:
        exe = shutil.which("aipark", path=str(__import__("pathlib").Path(sys.executable).parent))
        assert exe is not None, "the aipark console script is installed beside python"
        command = [exe]
    ok = subprocess.run(
        [*command, "convert", "1 qing", "mu"], capture_output=True, text=True, check=False
    )
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "100 mu\n", "")
    bad = subprocess.run(
        [*command, "convert", "1 mu", "kilogram"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("aipark: error: cannot convert")


def test_show_locale(capsys: pytest.CaptureFixture[str]) -> None:
    """`aipark show qingdao --locale zh_CN` prints the Chinese fact sheet."""
    assert run(["show", "qingdao", "--locale", "zh_CN"]) == 0
    assert capsys.readouterr().out == aipark.describe(aipark.QINGDAO, locale="zh_CN") + "\n"
    assert run(["show", "qingdao"]) == 0
    assert capsys.readouterr().out == aipark.describe(aipark.QINGDAO, locale="en_US") + "\n"


def test_show_unknown_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "qingdao", "--locale", "xx_YY"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("aipark: error: unknown locale 'xx_YY'")
    assert "Traceback" not in captured.err


def test_a_reader_that_stops_early_is_no_traceback(tmp_path: Path) -> None:
    """ "aipark extract FILE --format json | head": the pipe closes; aipark exits quietly."""
    article = tmp_path / "article.txt"
    article.write_text("园区占地2,918亩（194.6公顷），算力300P（FP16）。\n" * 2000, "utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "aipark", "extract", "--format", "json", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.read(100)
        proc.stdout.close()  # far less than the output, which fills the pipe
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err
    assert err == ""
