"""Diagrams of a park's structure, drawn from its data.

A park's layout (core and wings), functional zones, computing centers and
innovation platforms become a Mermaid flowchart (text that GitHub, GitLab and
many documentation tools draw) or a self-contained SVG picture.  Both come
from the same outline of the park, so they always show the same things, and
both are deterministic: the same park gives the same text byte for byte.

Chinese names are shown only when a source confirms them
(``local_name_verified``); a diagram has no room to say "unverified".
"""

from __future__ import annotations

import unicodedata
from html import escape
from typing import NamedTuple

from .formatting import format_quantity
from .models import Park, ZoneKind

__all__ = ["to_mermaid", "to_svg"]


class _Node(NamedTuple):
    id: str
    lines: tuple[str, ...]


class _Group(NamedTuple):
    id: str
    title: str
    nodes: tuple[_Node, ...]
    #: Pairs of node ids drawn as links inside the group (a wing to its core).
    links: tuple[tuple[str, str], ...] = ()


def _one_line(text: str) -> str:
    """Text on one line: line breaks and other invisible characters become spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _lines(name: str, local_name: str | None, verified: bool, *facts: str) -> tuple[str, ...]:
    shown_local = (local_name,) if local_name and verified else ()
    rest = (_one_line(line) for line in (*shown_local, *facts))
    # A name of nothing but invisible characters still gets a visible box.
    return (_one_line(name) or "\ufffd", *(line for line in rest if line))


def _outline(park: Park) -> tuple[_Node, tuple[_Group, ...]]:
    """The park as one node and its parts as titled groups, in data order."""
    area = format_quantity(park.area) if park.area is not None else ""
    top = _Node("park", _lines(park.name, park.local_name, park.local_name_verified, area))
    groups: list[_Group] = []

    by_kind = {kind: [z for z in park.zones if z.kind is kind] for kind in ZoneKind}
    layout: list[_Node] = []
    for kind, label in ((ZoneKind.CORE, "Core"), (ZoneKind.WING, "Wing")):
        layout += [
            _Node(
                f"{kind.value}{i}",
                _lines(f"{label}: {z.name}", z.local_name, z.local_name_verified),
            )
            for i, z in enumerate(by_kind[kind], start=1)
        ]
    if layout:
        cores = [n.id for n in layout if n.id.startswith(ZoneKind.CORE.value)]
        wings = [n.id for n in layout if n.id.startswith(ZoneKind.WING.value)]
        links = tuple((cores[0], wing) for wing in wings) if len(cores) == 1 else ()
        title = f"Layout: {_one_line(park.layout)}" if park.layout else "Layout"
        groups.append(_Group("layout", title, tuple(layout), links))

    functional = tuple(
        _Node(f"zone{i}", _lines(z.name, z.local_name, z.local_name_verified))
        for i, z in enumerate(by_kind[ZoneKind.FUNCTIONAL], start=1)
    )
    if functional:
        groups.append(_Group("functional", "Functional zones", functional))

    centers = []
    for i, c in enumerate(park.computing_centers, start=1):
        facts = []
        if c.compute_power is not None:
            precision = c.precision.value if c.precision is not None else "precision not stated"
            facts.append(f"{format_quantity(c.compute_power)} ({precision})")
        if c.phase is not None:
            facts.append(f"phase {c.phase}")
        centers.append(
            _Node(
                f"center{i}", _lines(c.name, c.local_name, c.local_name_verified, ", ".join(facts))
            )
        )
    if centers:
        groups.append(_Group("computing", "Computing centers", tuple(centers)))

    platforms = tuple(
        _Node(
            f"platform{i}",
            _lines(
                p.name,
                p.local_name,
                p.local_name_verified,
                f"{p.incubated_enterprises} incubated enterprises"
                if p.incubated_enterprises is not None
                else "",
            ),
        )
        for i, p in enumerate(park.platforms, start=1)
    )
    if platforms:
        groups.append(_Group("platforms", "Innovation platforms", platforms))
    return top, tuple(groups)


# --------------------------------------------------------------------------
# Mermaid

# Mermaid reads these characters as syntax even inside a quoted label; its
# entity codes show them literally.  "#" goes first so codes stay intact.
_MERMAID_ESCAPES = (("#", "#35;"), ('"', "#quot;"), ("&", "#amp;"), ("<", "#lt;"), (">", "#gt;"))


def _mermaid_label(lines: tuple[str, ...]) -> str:
    escaped = []
    for line in lines:
        for char, code in _MERMAID_ESCAPES:
            line = line.replace(char, code)
        escaped.append(line)
    return '"' + "<br>".join(escaped) + '"'


def to_mermaid(park: Park) -> str:
    """The park's structure as a Mermaid flowchart, ending with a newline.

    >>> import aipark
    >>> print(aipark.to_mermaid(aipark.QINGDAO).splitlines()[0])
    flowchart LR
    """
    top, groups = _outline(park)
    out = ["flowchart LR", f"    {top.id}[{_mermaid_label(top.lines)}]"]
    for group in groups:
        out.append(f"    subgraph {group.id}[{_mermaid_label((group.title,))}]")
        out += [f"        {node.id}[{_mermaid_label(node.lines)}]" for node in group.nodes]
        out += [f"        {a} --- {b}" for a, b in group.links]
        out.append("    end")
    out += [f"    {top.id} --> {group.id}" for group in groups]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# SVG: the same outline, laid out left to right without any drawing library.

_FONT = 13
_LINE = 18
_PAD = 10
_GAP = 12
_LINK = 60


def _text_width(text: str) -> int:
    """Estimated width in pixels: wide (CJK) characters take about twice the room."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return round((len(text) - wide) * _FONT * 0.6 + wide * _FONT * 1.05)


def _box_height(node: _Node) -> int:
    return len(node.lines) * _LINE + _PAD


def _box(x: int, y: int, width: int, node: _Node, css: str) -> list[str]:
    out = [
        f'<rect class="{css}" x="{x}" y="{y}" width="{width}" height="{_box_height(node)}" rx="6"/>'
    ]
    for i, line in enumerate(node.lines):
        weight = ' font-weight="bold"' if i == 0 else ""
        out.append(
            f'<text x="{x + _PAD}" y="{y + _PAD // 2 + _LINE * i + _FONT + 1}"{weight}>'
            f"{escape(line, quote=False)}</text>"
        )
    return out


def to_svg(park: Park) -> str:
    """The park's structure as a standalone SVG document, ending with a newline.

    No fonts or scripts are needed to show it; text widths are estimated, so
    boxes fit common sans-serif fonts.

    >>> import aipark
    >>> aipark.to_svg(aipark.QINGDAO).startswith("<svg")
    True
    """
    top, groups = _outline(park)
    top_width = max(_text_width(line) for line in top.lines) + 2 * _PAD
    node_width = max(
        [_text_width(line) for g in groups for n in g.nodes for line in n.lines]
        + [_text_width(g.title) for g in groups]
        + [0]
    )
    group_width = node_width + 4 * _PAD
    group_x = _GAP + top_width + _LINK

    body: list[str] = []
    anchors: list[int] = []
    y = _GAP
    for group in groups:
        height = _LINE + _PAD + sum(_box_height(n) + _PAD for n in group.nodes) + _PAD
        body.append(
            f'<rect class="group" x="{group_x}" y="{y}" width="{group_width}"'
            f' height="{height}" rx="8"/>'
        )
        body.append(
            f'<text class="title" x="{group_x + _PAD}" y="{y + _LINE}">'
            f"{escape(group.title, quote=False)}</text>"
        )
        anchors.append(y + _LINE // 2 + _PAD // 2)
        node_y = y + _LINE + _PAD
        for node in group.nodes:
            body += _box(group_x + _PAD, node_y, group_width - 2 * _PAD, node, "node")
            node_y += _box_height(node) + _PAD
        y += height + _GAP

    total_height = max(y, _box_height(top) + 2 * _GAP)
    top_y = (total_height - _box_height(top)) // 2
    top_mid = top_y + _box_height(top) // 2
    links = [
        f'<path class="link" d="M{_GAP + top_width},{top_mid}'
        f" C{_GAP + top_width + _LINK // 2},{top_mid} {group_x - _LINK // 2},{anchor}"
        f' {group_x},{anchor}"/>'
        for anchor in anchors
    ]
    width = group_x + group_width + _GAP if groups else top_width + 2 * _GAP
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total_height}"'
        f' viewBox="0 0 {width} {total_height}" font-family="sans-serif" font-size="{_FONT}">',
        f"<title>{escape(top.lines[0], quote=False)}</title>",
        "<style>"
        ".group{fill:#f4f6f8;stroke:#8a96a3}"
        ".node{fill:#ffffff;stroke:#4a6785}"
        ".park{fill:#e3ecf7;stroke:#2c4a6e;stroke-width:1.5}"
        ".title{font-style:italic;fill:#33404d}"
        ".link{fill:none;stroke:#4a6785;stroke-width:1.2}"
        "</style>",
    ]
    parts = head + links + _box(_GAP, top_y, top_width, top, "park") + body + ["</svg>"]
    return "\n".join(parts) + "\n"
