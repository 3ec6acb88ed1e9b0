"""The built documentation in a real browser: what readers see at 1280 and 390 px.

Run by ``.ci/run`` after the docs are built, with the system's Chromium
(Debian's ``chromium-headless-shell`` and a CJK font, ``fonts-noto-cjk``):
``uv run --group browser pytest --browser tests/browser``.  The ordinary
``pytest`` skips this folder (see the root ``conftest.py``), so the quick start
needs no browser.  Screenshots go to ``docs/_build/screenshots/`` for a person
to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

import aipark
import aipark.models

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "docs" / "_build"
SHOTS = BUILD / "screenshots"
WIDTHS = (1280, 390)
PAGES = (
    "index",
    "tutorial",
    "reference/qingdao",
    "how-to/diagram",
    "how-to/own-park",
    "how-to/notebook",
)
# Chromium on a machine with no network of its own (see the CI machine's notes).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CANDIDATES = ("chromium-headless-shell", "chromium")
# Fonts that have Chinese characters; a page "draws Chinese" when one of them does.
CJK_FONT = re.compile(
    r"CJK|Source Han|WenQuanYi|PingFang|Hiragino|YaHei|SimSun|Droid Sans Fallback"
)
SOURCE_ID = re.compile(r"\b[A-Z]{2,}-\d{4}-\d{2}(?:-\d{2})?\b")
MIN_TEXT_PX = 11


def chromium() -> str:
    """The system's Chromium: $AIPARK_CHROMIUM, or Debian's headless shell or browser."""
    found = os.environ.get("AIPARK_CHROMIUM") or next(
        (p for p in map(shutil.which, CANDIDATES) if p), None
    )
    if not found:
        pytest.fail("no Chromium: install Debian's chromium-headless-shell (see .ci/run)")
    return found


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The built docs, served on localhost."""
    if not (BUILD / "index.html").exists():
        pytest.fail("build the docs first: sphinx-build docs docs/_build")
    handler = functools.partial(_QuietHandler, directory=str(BUILD))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium(), args=FLAGS)
        yield launched
        launched.close()


def visit(browser: Browser, url: str, width: int) -> tuple[Page, list[str]]:
    """A page at ``width`` CSS px, with every console error and uncaught exception."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, errors


def fonts_of(page: Page, selector: str, limit: int = 12) -> list[tuple[str, list[str]]]:
    """Each matching element's text and the fonts Chromium really drew it with (DevTools)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]["nodeId"]
    ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    out = []
    for node in ids[:limit]:
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        text = cdp.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
        out.append((text, [f["familyName"] for f in fonts if f["glyphCount"]]))
    cdp.detach()
    return out


def assert_chinese_drawn_in_a_cjk_font(page: Page, selector: str) -> int:
    drawn = fonts_of(page, selector)
    for text, fonts in drawn:
        assert any(CJK_FONT.search(f) for f in fonts), f"{text} drawn in {fonts}"
    return len(drawn)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_reads_at_width(browser: Browser, site: str, name: str, width: int) -> None:
    """No console errors; at 390 px nothing wider than the screen; Chinese in a CJK font."""
    page, errors = visit(browser, f"{site}/{name}.html", width)
    page.screenshot(path=str(SHOTS / f"{name.replace('/', '-')}-{width}.png"), full_page=True)
    assert errors == []
    if width < 600:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} is {overflow} px wider than a {width} px screen"
        # Examples (error messages, output) wrap inside their box: nothing to scroll to.
        hidden = page.eval_on_selector_all(
            ".highlight pre",
            "pres => pres.filter(p => p.scrollWidth > p.clientWidth + 1)"
            ".map(p => p.textContent.slice(0, 60))",
        )
        assert hidden == [], f"{name}: code boxes that scroll sideways: {hidden}"
    chinese = page.locator('[lang="zh-Hans"]').count()
    if name != "index":
        assert chinese > 0, f"{name}: no Chinese text marked lang=zh-Hans"
    if chinese:
        assert assert_chinese_drawn_in_a_cjk_font(page, '[lang="zh-Hans"]') > 0
    page.close()


def smallest_font(svg: str) -> float:
    root = ET.fromstring(svg)
    sizes = [float(e.get("font-size", "")) for e in root.iter() if e.get("font-size")]
    sizes += [float(s) for s in re.findall(r"font-size:\s*([\d.]+)", svg)]
    return min(sizes)


@pytest.mark.parametrize("name", ["reference/qingdao", "how-to/diagram"])
def test_diagram_text_is_legible_on_a_phone(browser: Browser, site: str, name: str) -> None:
    """At 390 px the diagram's smallest text is 11 CSS px or more; it links to its full size."""
    page, errors = visit(browser, f"{site}/{name}.html", 390)
    image = page.locator("img.aipark-diagram")
    assert image.count() == 1
    shown = image.evaluate("img => img.getBoundingClientRect().width")
    href = image.evaluate("img => img.closest('a') && img.closest('a').href")
    assert href, "the diagram does not link to its full-size file"
    assert href.endswith(".svg")
    svg = page.request.get(image.evaluate("img => img.src")).text()
    view_width = float(ET.fromstring(svg).get("viewBox", "").split()[2])
    smallest = smallest_font(svg) * shown / view_width
    assert smallest >= MIN_TEXT_PX, f"smallest diagram text {smallest:.1f} px at 390 px"

    # The picture itself, inline, so the fonts of its Chinese lines can be asked for.
    inline = svg.replace("<svg ", '<svg style="width:100%" ', 1)
    page.set_content(f'<div style="width:{shown}px">{inline}</div>')
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(SHOTS / f"diagram-{name.replace('/', '-')}-390.png"), full_page=True)
    assert assert_chinese_drawn_in_a_cjk_font(page, ".zh") >= 5
    assert errors == []
    page.close()


# For each span, the pairs of Han characters that a line break separates.
BREAKS_INSIDE = """spans => spans.flatMap(span => {
  const text = span.firstChild, out = [], han = /[\\u3400-\\u9fff]/;
  let top = null;
  for (let i = 0; i < text.length; i++) {
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const y = range.getBoundingClientRect().top;
    if (top !== null && y > top + 1 && han.test(text.data[i]) && han.test(text.data[i - 1]))
      out.push(text.data.slice(i - 1, i + 1));
    top = y;
  }
  return out;
})"""


def display_models() -> set[str]:
    return {
        name
        for name, cls in vars(aipark.models).items()
        if isinstance(cls, type) and "_repr_html_" in vars(cls) and not name.startswith("_")
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_notebook_display_of_every_model(browser: Browser, site: str, width: int) -> None:
    """The how-to shows every model's display; its title never breaks inside a Chinese name."""
    page, errors = visit(browser, f"{site}/how-to/notebook.html", width)
    shown = set(
        page.eval_on_selector_all("[data-aipark-model]", "ts => ts.map(t => t.dataset.aiparkModel)")
    )
    assert shown == display_models()
    for model in sorted(shown):
        table = page.locator(f'table[data-aipark-model="{model}"]')
        table.screenshot(path=str(SHOTS / f"display-{model}-{width}.png"))
        box = table.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= width, f"{model} display wider than the screen"
        # No line break falls between two Chinese characters of the title row.
        breaks = table.locator("thead span[lang='zh-Hans']").evaluate_all(BREAKS_INSIDE)
        assert breaks == [], f"{model}: a Chinese name breaks inside a word: {breaks}"
    assert errors == []
    page.close()


def test_data_page_lists_every_source_it_cites(browser: Browser, site: str) -> None:
    """Every source id on the data page is an entry of its Sources list; fields are collapsed."""
    page, errors = visit(browser, f"{site}/reference/qingdao.html", 390)
    listed = set(page.locator("ul.aipark-sources > li > p > strong").all_inner_texts())
    cited = set(SOURCE_ID.findall(page.locator("article").inner_text()))
    assert cited, "no source ids found on the data page"
    assert cited <= listed, f"cited but not listed: {sorted(cited - listed)}"
    assert {s.id for s in aipark.QINGDAO.sources} <= listed
    closed = page.locator("ul.aipark-sources details:not([open])").count()
    assert closed == page.locator("ul.aipark-sources details").count() > 0
    assert errors == []
    page.close()
