"""Diagrams drawn from a park's data: Mermaid text, SVG, and the command."""

from __future__ import annotations

import contextlib
import io
import re
import xml.etree.ElementTree as ET

from hypothesis import assume, given
from hypothesis import strategies as st

import aipark
from aipark.cli import run
from aipark.diagram import to_mermaid, to_svg

SVG = "{http://www.w3.org/2000/svg}"
# A node or subgraph line: an id, then one quoted label with no raw quote inside.
LABELLED = re.compile(r'^ +(subgraph )?[a-z]+[0-9]*\["[^"]*"\]$')


def labels(mermaid: str) -> list[str]:
    """The label lines of a Mermaid flowchart, entities decoded, <br> split."""
    out = []
    for line in mermaid.splitlines():
        match = re.search(r'\["(.*)"\]$', line)
        if match:
            text = match[1]
            for char, code in (("<", "#lt;"), (">", "#gt;"), ("&", "#amp;"), ('"', "#quot;")):
                text = text.replace(code, char)
            out += [part.replace("#35;", "#") for part in text.split("<br>")]
    return out


def svg_texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def run_cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = run(list(argv))
    return code, out.getvalue()


def test_mermaid_shows_every_part_of_the_park() -> None:
    """Every zone, computing center and platform of the Qingdao park is a node."""
    park = aipark.QINGDAO
    shown = labels(to_mermaid(park))
    assert shown[0] == park.name
    for zone in park.zones:
        prefix = {"core": "Core: ", "wing": "Wing: "}.get(zone.kind.value, "")
        assert prefix + zone.name in shown
    for part in (*park.computing_centers, *park.platforms):
        assert part.name in shown
    assert "2,918 mu" in shown
    assert "150 PFLOPS (precision not stated), phase 1" in shown
    assert "Layout: one valley and two wings" in shown


def test_mermaid_structure() -> None:
    """Groups hang from the park; wings link to the core; every label is one quoted string."""
    text = to_mermaid(aipark.QINGDAO)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert text.endswith("\n")
    for group in ("layout", "functional", "computing", "platforms"):
        assert f"    park --> {group}" in lines
    assert "        core1 --- wing1" in lines
    assert "        core1 --- wing2" in lines
    assert lines.count("    end") == 4
    for line in lines:
        if "[" in line:
            assert LABELLED.match(line), line


def test_only_verified_chinese_names_are_drawn() -> None:
    park = aipark.QINGDAO
    shown = labels(to_mermaid(park)) + svg_texts(to_svg(park))
    for zone in park.zones:
        assert (zone.local_name in shown) is zone.local_name_verified, zone.name


def test_special_characters_are_escaped() -> None:
    """Quotes, ampersands, hashes and angle brackets show literally in both formats."""
    name = '"Heart" & <Soul> #1'
    park = aipark.Park(name, zones=[aipark.Zone("a  b", kind=aipark.ZoneKind.FUNCTIONAL)])
    mermaid = to_mermaid(park)
    assert '"#quot;Heart#quot; #amp; #lt;Soul#gt; #35;1"' in mermaid
    assert labels(mermaid) == [name, "Functional zones", "a b"]
    assert svg_texts(to_svg(park)) == [name, "Functional zones", "a b"]


def test_a_bare_park_is_one_node() -> None:
    park = aipark.Park("Bare")
    assert to_mermaid(park) == 'flowchart LR\n    park["Bare"]\n'
    root = ET.fromstring(to_svg(park))
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Bare"]
    assert not list(root.iter(f"{SVG}path"))


def test_svg_is_standalone_and_sized_to_its_content() -> None:
    svg = to_svg(aipark.QINGDAO)
    root = ET.fromstring(svg)
    width, height = int(root.get("width", "0")), int(root.get("height", "0"))
    assert root.get("viewBox") == f"0 0 {width} {height}"
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("x", "0")) + float(rect.get("width", "0")) <= width
        assert float(rect.get("y", "0")) + float(rect.get("height", "0")) <= height
    # One link from the park to each of the four groups; no scripts, no external files.
    assert len(list(root.iter(f"{SVG}path"))) == 4
    assert "<script" not in svg
    assert "href" not in svg


def test_diagrams_are_deterministic() -> None:
    park = aipark.from_dict(aipark.to_dict(aipark.QINGDAO), aipark.Park)
    assert to_mermaid(park) == to_mermaid(aipark.QINGDAO)
    assert to_svg(park) == to_svg(aipark.QINGDAO)


# Text of any printable characters (models refuse control and invisible ones); the
# models decide the rest, such as blank names.
names = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=40,
)


@given(park_name=names, zone_names=st.lists(names, max_size=4), layout=st.none() | names)
def test_any_names_give_valid_output(
    park_name: str, zone_names: list[str], layout: str | None
) -> None:
    """Whatever names a park may have, Mermaid lines stay well formed and the SVG is valid XML."""
    kinds = list(aipark.ZoneKind)
    try:
        zones = [aipark.Zone(n, kind=kinds[i % 3]) for i, n in enumerate(zone_names)]
        park = aipark.Park(park_name, zones=zones, layout=layout)
    except aipark.ValidationError:
        assume(False)
    mermaid = to_mermaid(park)
    for line in mermaid.splitlines():
        if "[" in line:
            assert LABELLED.match(line), line
    texts = svg_texts(to_svg(park))
    assert len(texts) == len(labels(mermaid))
    assert all(text.strip() for text in texts)


def test_command_prints_mermaid_by_default() -> None:
    assert run_cli("diagram", "qingdao") == (0, to_mermaid(aipark.QINGDAO))
    assert run_cli("diagram", "qingdao", "--format", "mermaid") == (0, to_mermaid(aipark.QINGDAO))


def test_command_prints_svg() -> None:
    assert run_cli("diagram", "qingdao", "--format", "svg") == (0, to_svg(aipark.QINGDAO))


def test_command_rejects_unknown_parks_and_formats() -> None:
    code, out = run_cli("diagram", "atlantis")
    assert code == 1
    assert out == (
        "aipark: error: unknown park 'atlantis': "
        "not a prebuilt park (known: qingdao), a park file or a folder\n"
    )
    code, out = run_cli("diagram", "qingdao", "--format", "png")
    assert code == 2
    assert "invalid choice: 'png'" in out
