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
            for char, code in (("<", "#lt;"), ("&", "#38;")):
                text = text.replace(code, char)
            out += [part.replace("#35;", "#") for part in text.split("<br>")]
    return out


def curly(name: str) -> str:
    """A name as Mermaid shows it: straight double quotes become curly ones."""
    return re.sub(r'(^|(?<=[\s(]))"', "“", name).replace('"', "”")


def svg_texts(svg: str) -> list[str]:
    """Each line of the outline: one <text>, its wrapped parts joined."""
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


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
        assert curly(part.name) in shown
    assert "2,918 mu" in shown
    assert "150 PFLOPS (precision not stated), phase 1" in shown
    assert "100 PFLOPS (precision not stated), phase 1, investment CN¥390M" in shown
    assert shown[-4:-2] == ["operating income", "CN¥17B in 2023"]
    assert shown[-2:] == ["AI enterprises", "more than 200 as of 2024-04-16"]
    svg = svg_texts(to_svg(park))
    assert "more than 200 as of 2024-04-16" in svg
    assert "Layout: one valley and two wings" in shown


def test_mermaid_structure() -> None:
    """Groups hang from the park; wings link to the core; every label is one quoted string."""
    text = to_mermaid(aipark.QINGDAO)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert text.endswith("\n")
    for group in ("layout", "functional", "computing", "platforms", "observations"):
        assert f"    park --> {group}" in lines
    assert "        core1 --- wing1" in lines
    assert "        core1 --- wing2" in lines
    assert lines.count("    end") == 5
    for line in lines:
        if "[" in line:
            assert LABELLED.match(line), line


def test_only_verified_chinese_names_are_drawn() -> None:
    park = aipark.QINGDAO
    shown = labels(to_mermaid(park)) + svg_texts(to_svg(park))
    for zone in park.zones:
        assert (zone.local_name in shown) is zone.local_name_verified, zone.name


def test_special_characters_are_escaped() -> None:
    """Only what Mermaid reads as syntax is escaped; the SVG shows everything literally."""
    name = '"Heart" & <Soul> #1 R&D'
    park = aipark.Park(name, zones=[aipark.Zone("a  b", kind=aipark.ZoneKind.FUNCTIONAL)])
    mermaid = to_mermaid(park)
    assert '"“Heart” & #lt;Soul> #1 R&D"' in mermaid
    assert labels(mermaid) == [curly(name), "Functional zones", "a b"]
    assert svg_texts(to_svg(park)) == [name, "Functional zones", "a b"]


def test_mermaid_escapes_only_what_would_be_read_as_syntax() -> None:
    """Entity-like text and tags are escaped; plain "&", "#", ">" and "<" read as written."""
    park = aipark.Park('a &amp; b #quot; c &#35; <b> 1 < 2 > 0 "q"')
    label = to_mermaid(park).splitlines()[1]
    assert label == '    park["a #38;amp; b #35;quot; c #38;#35;35; #lt;b> 1 < 2 > 0 “q”"]'
    assert labels(to_mermaid(park)) == ["a &amp; b #quot; c &#35; <b> 1 < 2 > 0 “q”"]


def test_qingdao_mermaid_has_no_entity_codes() -> None:
    """The prebuilt park's Mermaid text reads without decoding anything."""
    text = to_mermaid(aipark.QINGDAO)
    assert "#" not in text
    assert "Hisense Global R&D Center" in text
    assert "“Heart of the Sea” Artificial Intelligence Computing Center" in text
    assert "“海之心”人工智能计算中心" in text


def test_a_bare_park_is_one_node() -> None:
    park = aipark.Park("Bare")
    assert to_mermaid(park) == 'flowchart LR\n    park["Bare"]\n'
    root = ET.fromstring(to_svg(park))
    assert [t.text for t in root.iter(f"{SVG}text")] == ["Bare"]
    assert not list(root.iter(f"{SVG}path"))


def test_svg_is_standalone_and_scales_to_its_container() -> None:
    """A viewBox and no fixed size; narrow enough to read on a phone; nothing outside it."""
    svg = to_svg(aipark.QINGDAO)
    root = ET.fromstring(svg)
    assert root.get("width") is None
    assert root.get("height") is None
    x0, y0, width, height = (int(v) for v in root.get("viewBox", "").split())
    assert (x0, y0) == (0, 0)
    # 13-unit text stays at 11 px or more while the picture is 310 px wide or more.
    assert width <= 310 * 13 / 11
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("x", "0")) + float(rect.get("width", "0")) <= width
        assert float(rect.get("y", "0")) + float(rect.get("height", "0")) <= height
    # One link from the park to each of the five groups; no scripts, no external files.
    assert len(list(root.iter(f"{SVG}path"))) == 5
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


def test_long_names_wrap_instead_of_widening_the_picture() -> None:
    """Lines wrap at spaces within the width; an endless word is cut, in full in a tooltip."""
    long = "Innovation " * 6 + "Center"
    endless = "X" * 400
    park = aipark.Park(
        "P",
        zones=[
            aipark.Zone(long.strip(), kind=aipark.ZoneKind.FUNCTIONAL),
            aipark.Zone(endless, kind=aipark.ZoneKind.FUNCTIONAL),
        ],
    )
    root = ET.fromstring(to_svg(park))
    assert int(root.get("viewBox", "").split()[2]) <= 400
    texts = list(root.iter(f"{SVG}text"))
    wrapped = [t for t in texts if "".join(t.itertext()) == long.strip()]
    assert len(wrapped) == 1
    parts = [p.text or "" for p in wrapped[0].iter(f"{SVG}tspan")]
    assert len(parts) > 1
    assert all(p.strip() and p.strip() == p.strip(" ") for p in parts)
    cut = "".join(texts[-1].itertext())
    assert cut.endswith("…")
    assert len(list(texts[-1].iter(f"{SVG}tspan"))) == 4
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert endless in titles


def test_chinese_text_is_marked_and_has_a_chinese_font() -> None:
    """Chinese runs carry xml:lang="zh-Hans"; the fonts name Chinese ones before sans-serif."""
    svg = to_svg(aipark.QINGDAO)
    root = ET.fromstring(svg)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    chinese = ["".join(t.itertext()) for t in root.iter() if t.get(xml_lang) == "zh-Hans"]
    assert "青岛人工智能产业园" in chinese
    assert "“海之心”人工智能计算中心".replace("“", '"').replace("”", '"') in chinese
    assert root.get(xml_lang) == "en"
    style = "".join(next(root.iter(f"{SVG}style")).itertext())
    for rule in style.split("}"):
        if "font-family" in rule:
            fonts = rule.split("font-family:")[1]
            assert fonts.index("Noto Sans CJK SC") < fonts.index("sans-serif")


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
