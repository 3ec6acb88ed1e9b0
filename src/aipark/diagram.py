"""Diagrams of a park's structure, drawn from its data.

A park's layout (core and wings), functional zones, computing centers (with
their investment), innovation platforms and dated observations become a
Mermaid flowchart (text that GitHub, GitLab and many documentation tools draw)
or a self-contained SVG picture.  Both come
from the same outline of the park, so they always show the same things, and
both are deterministic: the same park gives the same text byte for byte.

Chinese names are shown only when a source confirms them
(``local_name_verified``); a diagram has no room to say "unverified".
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
from typing import Final, NamedTuple

from .errors import ValidationError, not_a_park
from .formatting import CJK_FONT_FAMILY, chinese_runs, format_quantity
from .models import Bound, Park, ZoneKind

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
    if not isinstance(park, Park):
        raise ValidationError(not_a_park(park))
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
        if c.investment is not None:
            facts.append(f"investment {format_quantity(c.investment, compact=True)}")
        if c.power_capacity is not None:
            facts.append(format_quantity(c.power_capacity))
        if c.pue is not None:
            facts.append(f"PUE {c.pue:g}")
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

    observations = []
    for i, o in enumerate(park.observations, start=1):
        value = format_quantity(o.value, compact=True)
        if o.bound is not Bound.EXACTLY:
            value = f"{_BOUNDS[o.bound]} {value}"
        when = f"as of {o.as_of.isoformat()}" if o.as_of is not None else f"in {o.year}"
        observations.append(
            _Node(
                f"observation{i}",
                _lines(o.name, o.local_name, o.local_name_verified, f"{value} {when}"),
            )
        )
    if observations:
        groups.append(_Group("observations", "Observations", tuple(observations)))
    return top, tuple(groups)


_BOUNDS: Final = {
    Bound.ABOUT: "about",
    Bound.MORE_THAN: "more than",
    Bound.AT_LEAST: "at least",
    Bound.LESS_THAN: "less than",
    Bound.AT_MOST: "at most",
}


# --------------------------------------------------------------------------
# Mermaid

# Inside a quoted Mermaid label only a few sequences are syntax: a straight
# double quote ends the label, "#name;" and "&name;" are entity codes, and "<"
# before a letter opens an HTML tag.  Only those are escaped, so labels read as
# written ("R&D", "#1"); a straight double quote, which Mermaid cannot show
# inside a label, is drawn as a curly one.
_MERMAID_ENTITY = re.compile(r"([#&])(?=#?\w+;)")
_MERMAID_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_OPENING_QUOTE = re.compile(r'(^|(?<=[\s(\[{<“‘「『（]))"')


def _mermaid_text(line: str) -> str:
    line = _MERMAID_ENTITY.sub(lambda m: "#35;" if m[1] == "#" else "#38;", line)
    line = _MERMAID_TAG.sub("#lt;", line)
    return _OPENING_QUOTE.sub("“", line).replace('"', "”")


def _mermaid_label(lines: tuple[str, ...]) -> str:
    return '"' + "<br>".join(_mermaid_text(line) for line in lines) + '"'


def to_mermaid(park: Park) -> str:
    """The park's structure as a Mermaid flowchart, ending with a newline.

    Labels read as written; only what Mermaid would take for syntax is
    escaped, and straight double quotes are drawn as curly ones.

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
# SVG: the same outline as a narrow tree, top to bottom, without any drawing
# library.  It is narrow enough (under 400 units) that a phone shows it at
# about its own size, and long names wrap instead of widening it.

_FONT = 13
_LINE = 18
_PAD = 10
_GAP = 12
#: From the trunk that links the park to its groups to the groups' left edge.
_INDENT = 24
#: The widest a line of text may be before it wraps.
_MAX_TEXT = 280
#: At most this many lines for one name or fact; the rest is cut to "…".
_MAX_LINES = 4
_ELLIPSIS = "…"

#: Common Latin fonts, then fonts that have Chinese characters, then the generic family.
_FONT_FAMILY: Final = f'"Helvetica Neue", Arial, {CJK_FONT_FAMILY}'


def _text_width(text: str, bold: bool = False) -> float:
    """Estimated width in units: wide (CJK) characters take about twice the room."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    narrow = (len(text) - wide) * _FONT * (0.66 if bold else 0.6)
    return narrow + wide * _FONT * 1.05


def _fit(text: str, width: float, bold: bool) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one)."""
    end = 1
    while end < len(text) and _text_width(text[: end + 1], bold) <= width:
        end += 1
    return end


def _wrap(text: str, width: float, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width``, broken at spaces where possible.

    Each line but the last keeps the space it was broken at, so the lines
    joined give ``text`` back.  A word wider than a line is broken inside,
    Chinese anywhere between characters.  After :data:`_MAX_LINES` lines the
    rest is cut and the last line ends with an ellipsis.
    """
    lines: list[str] = []
    rest = text
    while rest and len(lines) <= _MAX_LINES:
        # No character is narrower than 0.6 em: a long rest is not measured.
        if len(rest) * _FONT * 0.6 <= width and _text_width(rest, bold) <= width:
            lines.append(rest)
            break
        end = _fit(rest, width, bold)
        space = rest.rfind(" ", 0, end + 1)
        if space > 0:
            end = space + 1
        lines.append(rest[:end])
        rest = rest[end:]
    if len(lines) > _MAX_LINES:
        last = lines[_MAX_LINES - 1].rstrip()
        last = last[: _fit(last, width - _text_width(_ELLIPSIS, bold), bold)]
        lines = [*lines[: _MAX_LINES - 1], last.rstrip() + _ELLIPSIS]
    return lines


class _Box(NamedTuple):
    """A node's lines, each wrapped to the box's width."""

    source: _Node
    wrapped: tuple[tuple[str, ...], ...]

    @property
    def height(self) -> int:
        return sum(len(w) for w in self.wrapped) * _LINE + _PAD


def _layout(node: _Node, width: float) -> _Box:
    return _Box(node, tuple(tuple(_wrap(line, width, i == 0)) for i, line in enumerate(node.lines)))


def _svg_text(x: float, y: float, parts: tuple[str, ...], attrs: str = "") -> str:
    """One line of the outline as a ``<text>``, its wrapped parts as ``<tspan>`` lines.

    Chinese runs are marked ``xml:lang="zh-Hans"`` so viewers pick a Chinese
    font and screen readers the right voice.
    """

    def marked(text: str) -> str:
        return "".join(
            f'<tspan class="zh" xml:lang="zh-Hans">{escape(run, quote=False)}</tspan>'
            if chinese
            else escape(run, quote=False)
            for run, chinese in chinese_runs(text)
        )

    if len(parts) == 1:
        return f'<text x="{x}" y="{y}"{attrs}>{marked(parts[0])}</text>'
    lines = "".join(
        f'<tspan x="{x}" y="{y + _LINE * i}">{marked(part)}</tspan>' for i, part in enumerate(parts)
    )
    return f'<text x="{x}" y="{y}"{attrs}>{lines}</text>'


def _draw(x: int, y: int, width: int, box: _Box, css: str) -> list[str]:
    out = [f'<rect class="{css}" x="{x}" y="{y}" width="{width}" height="{box.height}" rx="6"/>']
    full = " / ".join(box.source.lines)
    if any(p.endswith(_ELLIPSIS) for w in box.wrapped for p in w) and full:
        out.append(f"<title>{escape(full, quote=False)}</title>")
    row = 0
    for i, parts in enumerate(box.wrapped):
        weight = ' font-weight="bold"' if i == 0 else ""
        baseline = y + _PAD // 2 + _LINE * row + _FONT + 1
        out.append(_svg_text(x + _PAD, baseline, parts, weight))
        row += len(parts)
    return out


def to_svg(park: Park) -> str:
    """The park's structure as a standalone SVG document, ending with a newline.

    The picture has a ``viewBox`` and no fixed size, so it scales to whatever
    shows it; long names wrap onto more lines.  No fonts or scripts are
    needed to show it; text widths are estimated, so boxes fit common
    sans-serif fonts.  Chinese text is marked as such (``xml:lang``) and
    drawn with the first Chinese font the viewer has (on Linux: fonts-noto-cjk).

    >>> import aipark
    >>> aipark.to_svg(aipark.QINGDAO).startswith("<svg")
    True
    """
    top, groups = _outline(park)
    text_width = _MAX_TEXT
    nodes = [n for g in groups for n in g.nodes]
    natural = [
        _text_width(part, i == 0)
        for n in nodes
        for i, line in enumerate(n.lines)
        for part in _wrap(line, text_width, i == 0)
    ] + [_text_width(part) for g in groups for part in _wrap(g.title, text_width)]
    group_x = _GAP + _INDENT
    group_width = round(max(natural, default=0)) + 4 * _PAD
    if groups:
        width = group_x + group_width + _GAP
        top_box = _layout(top, width - 2 * _GAP - 2 * _PAD)
    else:
        top_box = _layout(top, text_width)
        longest = max(_text_width(p, True) for w in top_box.wrapped for p in w)
        width = round(longest) + 2 * _PAD + 2 * _GAP

    body = _draw(_GAP, _GAP, width - 2 * _GAP, top_box, "park")
    trunk_x = _GAP + _INDENT // 2
    trunk_y = _GAP + top_box.height
    y = trunk_y + _GAP
    for group in groups:
        title = _wrap(group.title, group_width - 2 * _PAD)
        title_height = len(title) * _LINE
        boxes = [_layout(n, group_width - 4 * _PAD) for n in group.nodes]
        height = title_height + _PAD + sum(b.height + _PAD for b in boxes) + _PAD
        anchor = y + _PAD // 2 + _LINE // 2
        body.append(f'<path class="link" d="M{trunk_x},{trunk_y} V{anchor} H{group_x}"/>')
        body.append(
            f'<rect class="group" x="{group_x}" y="{y}" width="{group_width}"'
            f' height="{height}" rx="8"/>'
        )
        body.append(_svg_text(group_x + _PAD, y + _LINE, tuple(title), ' class="title"'))
        node_y = y + title_height + _PAD
        for box in boxes:
            body += _draw(group_x + _PAD, node_y, group_width - 2 * _PAD, box, "node")
            node_y += box.height + _PAD
        y += height + _GAP
    height = max(y, trunk_y + _GAP)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' font-size="{_FONT}" xml:lang="en">',
        f"<title>{escape(top.lines[0], quote=False)}</title>",
        "<style>"
        f"svg{{font-family:{_FONT_FAMILY}}}"
        f".zh{{font-family:{CJK_FONT_FAMILY}}}"
        ".group{fill:#f4f6f8;stroke:#8a96a3}"
        ".node{fill:#ffffff;stroke:#4a6785}"
        ".park{fill:#e3ecf7;stroke:#2c4a6e;stroke-width:1.5}"
        ".title{font-style:italic;fill:#33404d}"
        ".link{fill:none;stroke:#4a6785;stroke-width:1.2}"
        "</style>",
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"
