"""The documentation: the API reference covers the public API, and examples really run.

The examples themselves run as tests through Sybil (see the root conftest.py);
these tests check that machinery, so a broken runner cannot pass silently.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

import aipark

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def load_conftest() -> ModuleType:
    spec = importlib.util.spec_from_file_location("aipark_docs_conftest", ROOT / "conftest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documented_names() -> list[str]:
    text = (DOCS / "reference" / "api.rst").read_text(encoding="utf-8")
    return re.findall(r"^\.\. (?:auto\w+|py:\w+):: (\S+)$", text, re.MULTILINE)


def test_api_reference_documents_every_public_name_once() -> None:
    """docs/reference/api.rst has one entry per name in aipark.__all__, and no others."""
    names = documented_names()
    missing = sorted(set(aipark.__all__) - set(names))
    assert not missing, f"add these to docs/reference/api.rst: {missing}"
    assert sorted(names) == sorted(aipark.__all__)


def test_every_page_is_in_a_toctree() -> None:
    """Sphinx warns about orphan pages; this says which one without building."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = {
        p.relative_to(DOCS).with_suffix("").as_posix()
        for p in [*DOCS.rglob("*.md"), *DOCS.rglob("*.rst")]
        if "_build" not in p.parts
    } - {"index"}
    listed = set(re.findall(r"^([\w/-]+)$", index, re.MULTILINE))
    assert pages <= listed, f"not in docs/index.md's toctrees: {sorted(pages - listed)}"


def console(text: str) -> str | None:
    run_console = load_conftest().run_console
    result: str | None = run_console(SimpleNamespace(parsed=text))
    return result


def test_console_examples_compare_output() -> None:
    assert console('$ aipark convert "15 mu" hectare\n1 ha\n') is None
    failure = console('$ aipark convert "15 mu" hectare\n2 ha\n')
    assert failure is not None
    assert "Expected:\n2 ha\nGot:\n1 ha" in failure


def test_console_examples_include_errors_in_the_output() -> None:
    """What a failing command prints on stderr is part of its output."""
    with pytest.raises(aipark.AiparkError) as caught:
        aipark.convert("1 mu", "kilogram")
    command = '$ aipark convert "1 mu" kilogram'
    assert console(f"{command}\naipark: error: {caught.value}\n") is None
    assert console(f"{command}\naipark: error: something else\n") is not None


def test_console_commands_without_output_must_succeed() -> None:
    assert console("$ aipark show qingdao\n") is None
    failure = console("$ aipark show atlantis\n")
    assert failure is not None
    assert "exited with 1" in failure


def test_console_redirects_output_to_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert console("$ aipark diagram qingdao > park.mmd\n") is None
    assert (tmp_path / "park.mmd").read_text(encoding="utf-8") == aipark.to_mermaid(aipark.QINGDAO)


def test_console_shows_other_commands_without_running_them() -> None:
    assert (
        console("$ uv sync\nResolved 42 packages\n$ aipark convert '1 qing' mu\n100 mu\n") is None
    )


def test_a_wrong_example_in_a_page_fails(tmp_path: Path) -> None:
    """Run a small page through the same Sybil setup as the docs: each kind of block runs."""
    conftest = load_conftest()
    page = tmp_path / "page.md"
    page.write_text(
        "```{code-block} toml\n:caption: area.toml\n\narea = '2918 mu'\n```\n\n"
        "```python\n>>> import pathlib, tomllib, aipark\n"
        ">>> data = tomllib.loads(pathlib.Path('area.toml').read_text())\n"
        ">>> aipark.convert(data['area'], 'hectare')\n"
        "<Quantity(194.6, 'hectare')>\n```\n\n"
        "```console\n$ aipark convert '1 qing' mu\n100 mu\n```\n",
        encoding="utf-8",
    )
    document = conftest.docs_examples.parse(page)
    conftest._setup(document.namespace)
    try:
        outcomes = []
        for example in document:
            try:
                example.evaluate()
                outcomes.append("ok")
            except Exception as exc:
                outcomes.append(type(exc).__name__)
    finally:
        conftest._teardown(document.namespace)
    # The file block, two good lines, the wrong conversion (194.533..., not 194.6), the console.
    assert outcomes == ["ok", "ok", "ok", "SybilFailure", "ok"]
