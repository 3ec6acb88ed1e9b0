"""Sphinx directives that draw pages from aipark's own data at build time.

``aipark-sources`` lists every source of a prebuilt park and what each is cited
for; ``aipark-diagram`` shows the park's structure as an SVG picture or as
Mermaid text; ``aipark-audit`` shows where its sources disagree;
``aipark-enums`` lists the values every enum field of a park file accepts;
``aipark-extract-rules`` lists what ``aipark.extract`` reads and refuses;
``aipark-units`` draws the tables of "Units aipark reads" from the registry and
the parser's tables.
All of them call aipark, so the pages cannot drift from the data or the models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import aipark
from aipark.data import PARKS, get_park


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def citation_paths(obj: Any, path: str = "") -> Iterator[tuple[str, aipark.Citation]]:
    """Every citation in a model tree with the field path it is about, in data order."""
    for citation in getattr(obj, "citations", ()):
        yield _join(path, citation.field), citation
    for field in attrs.fields(type(obj)):
        if field.name in ("citations", "sources"):
            continue
        value = getattr(obj, field.name)
        if attrs.has(type(value)):
            yield from citation_paths(value, _join(path, field.name))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from citation_paths(item, f"{_join(path, field.name)}[{i}]")


def _park(directive: SphinxDirective) -> aipark.Park:
    key = directive.arguments[0]
    # Rebuild the page when the data file changes.
    directive.env.note_dependency(str(files("aipark.data").joinpath(PARKS[key])))
    return get_park(key)


class details(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A collapsed part of a page: HTML ``<details>``; its first child is the summary."""


class summary(nodes.TextElement):  # noqa: N801
    """What a collapsed part is about: HTML ``<summary>``."""


def _visit_details(self: Any, node: details) -> None:
    self.body.append('<details class="aipark-details">')


def _visit_summary(self: Any, node: summary) -> None:
    self.body.append("<summary>")


def _depart(tag: str) -> Any:
    return lambda self, node: self.body.append(f"</{tag}>")


def _field_groups(paths: list[str]) -> nodes.bullet_list:
    """The cited fields grouped by the model they belong to: one short line per model."""
    grouped: dict[str, list[str]] = {}
    for path in dict.fromkeys(paths):
        owner, _, field = path.rpartition(".")  # "zones[0]", "name"
        grouped.setdefault(owner, []).append(field)
    items = nodes.bullet_list(classes=["aipark-fields"])
    for owner, fields in grouped.items():
        para = nodes.paragraph()
        para += nodes.strong(text=f"{owner}: " if owner else "the park: ")
        for i, field in enumerate(fields):
            if i:
                para += nodes.Text(", ")
            para += nodes.literal(text=field)
        items += nodes.list_item("", para)
    return items


def audit_sources(park: aipark.Park) -> list[aipark.Source]:
    """Sources the audit of ``park`` cites that the park itself does not (ECB rates)."""
    own = set(park.sources)
    found = [s for f in aipark.audit(park) for s in f.sources if s not in own]
    return list(dict.fromkeys(found))


class SourcesDirective(SphinxDirective):
    """A list of a prebuilt park's sources, each with the fields it is cited for.

    Sources that only the audit on the same page cites (the ECB's exchange
    rates) are listed too, so every source the page names is in the list.  The
    fields come collapsed, grouped by the part of the park they belong to.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        park = _park(self)
        cited: dict[aipark.Source, list[str]] = {source: [] for source in park.sources}
        for path, citation in citation_paths(park):
            # A source that disagrees with a value is cited for it too, marked.
            shown = f"{path} (disagrees)" if citation.conflicts else path
            cited.setdefault(citation.source, []).append(shown)
        by_audit = audit_sources(park)
        for source in by_audit:
            cited.setdefault(source, [])
        items = nodes.bullet_list(classes=["aipark-sources"])
        for source, paths in cited.items():
            para = nodes.paragraph()
            if source.id:
                para += nodes.strong(text=source.id)
                para += nodes.Text(": ")
            para += nodes.Text(f"{source.publisher}, ")
            title = nodes.emphasis(text=source.title)
            if source.url:
                link = nodes.reference(refuri=source.url)
                link += title
                para += link
            else:
                para += title
            para += nodes.Text(f", published {source.published.isoformat()}")
            if source.language:
                para += nodes.Text(f" (language: {source.language})")
            para += nodes.Text(".")
            item = nodes.list_item("", para)
            if paths:
                unique = list(dict.fromkeys(paths))
                times = "once" if len(paths) == 1 else f"{len(paths)} times"
                fields = "1 field" if len(unique) == 1 else f"{len(unique)} fields"
                box = details()
                box += summary(text=f"Cited {times}, for {fields}")
                box += _field_groups(paths)
                item += box
            elif source in by_audit:
                item += nodes.paragraph(
                    text="Not cited by the data: the audit below converts money at this rate."
                )
            else:
                item += nodes.paragraph(text="Not cited for any field.")
            items += item
        return [items]


class DiagramDirective(SphinxDirective):
    """A prebuilt park's structure: an SVG picture, or Mermaid text to copy."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "format": lambda arg: directives.choice(arg, ("svg", "mermaid"))
    }

    def run(self) -> list[nodes.Node]:
        park = _park(self)
        if self.options.get("format", "svg") == "mermaid":
            text = aipark.to_mermaid(park)
            block = nodes.literal_block(text, text, language="text")
            return [block]
        out = Path(self.env.srcdir) / "_generated" / f"{self.arguments[0]}.svg"
        out.parent.mkdir(exist_ok=True)
        svg = aipark.to_svg(park)
        if not out.exists() or out.read_text(encoding="utf-8") != svg:
            out.write_text(svg, encoding="utf-8")
        # A width makes Sphinx link the picture to its full-size file.
        image = nodes.image(
            uri=f"/_generated/{out.name}",
            alt=f"The structure of {park.name}",
            width="100%",
            classes=["aipark-diagram"],
        )
        return [image]


class AuditDirective(SphinxDirective):
    """A prebuilt park's audit: what ``aipark audit PARK`` prints, as paragraphs.

    Each finding's row of the command's table (reported, exact, difference)
    becomes a line of its own, so the report wraps to a phone's width where
    the command's fixed-width table would run off it.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        park = _park(self)
        findings = aipark.audit(park)
        if not findings:
            return [nodes.paragraph(text="No findings: every reported figure agrees.")]
        # The command's own table, one row per finding and per conflict of two
        # figures (a conflict of text has none), its cells parted by 2+ spaces.
        tabled = [
            f for f in findings if not isinstance(f, aipark.SourceConflict) or f.exact is not None
        ]
        lines = aipark.format_findings(findings).splitlines()[1 : 1 + len(tabled)]
        rows = {id(f): line for f, line in zip(tabled, lines, strict=True)}
        items = nodes.enumerated_list(classes=["aipark-audit"])
        for finding in findings:
            conflict = isinstance(finding, aipark.SourceConflict)
            item = nodes.list_item()
            head = nodes.paragraph()
            label = "sources disagree" if conflict else finding.kind.value
            head += nodes.strong(text=f"{label}: ")
            head += nodes.literal(text=finding.figure)
            head += nodes.Text(f" ({finding.subject})")
            item += head
            if id(finding) in rows:
                _, _, reported, exact, difference = re.split(r"\s{2,}", rows[id(finding)].strip())
                item += nodes.paragraph(
                    text=f"Reported {reported}; exact {exact}; difference {difference}."
                )
            item += nodes.paragraph(text=finding.explanation)
            ids = ", ".join(s.id or s.title for s in finding.sources)
            item += nodes.paragraph(text=f"Sources: {ids}")
            items += item
        return [items]


def models_in(obj: Any) -> Iterator[Any]:
    """Every aipark model in a model tree, the tree first, in data order."""
    yield obj
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)):
                yield from models_in(item)


class DisplayDirective(SphinxDirective):
    """The notebook display (``_repr_html_``) of one model of each kind in a prebuilt park."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        park = _park(self)
        first: dict[type, Any] = {}
        for obj in models_in(park):
            if "_repr_html_" in vars(type(obj)):
                first.setdefault(type(obj), obj)
        out: list[nodes.Node] = []
        for kind, obj in first.items():
            out.append(nodes.rubric(text=kind.__name__))
            markup = f'<div class="aipark-display">{obj._repr_html_()}</div>'
            out.append(nodes.raw("", markup, format="html"))
        return out


# Chinese runs in a built page's text, outside tags: marked with their language.
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def mark_chinese(body: str) -> str:
    """``body`` (HTML) with each Chinese run in its text wrapped in ``<span lang="zh-Hans">``.

    Text already inside a ``lang="zh-Hans"`` element (the notebook display) and
    inside ``<script>``/``<style>`` is left alone.
    """
    from aipark.formatting import chinese_runs

    out: list[str] = []
    skip = 0
    for part in _TAG_OR_TEXT.split(body):
        if part.startswith("<"):
            if re.match(r'<(script|style)\b|<span lang="zh-Hans"', part):
                skip += 1
            elif skip and re.match(r"</(script|style|span)>", part):
                skip -= 1
            elif skip and part.startswith("<span"):
                skip += 1
            out.append(part)
            continue
        if skip:
            out.append(part)
            continue
        out.extend(
            f'<span lang="zh-Hans">{run}</span>' if chinese else run
            for run, chinese in chinese_runs(part)
        )
    return "".join(out)


def _mark_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if "body" in context:
        context["body"] = mark_chinese(context["body"])


def enum_fields() -> list[tuple[str, list[str]]]:
    """``("Zone.kind", ["core", ...])`` for every enum field, from :func:`aipark.json_schema`."""
    found = []
    for model, definition in aipark.json_schema()["$defs"].items():
        for name, spec in definition.get("properties", {}).items():
            choices = [spec, *spec.get("anyOf", [])]
            values = next((c["enum"] for c in choices if "enum" in c), None)
            if values is not None:
                found.append((f"{model}.{name}", values))
    return found


class EnumsDirective(SphinxDirective):
    """Every enum field of the park file format and the values it accepts."""

    def run(self) -> list[nodes.Node]:
        items = nodes.bullet_list()
        for field, values in enum_fields():
            paragraph = nodes.paragraph()
            paragraph += nodes.literal(field, field)
            paragraph += nodes.Text(": ")
            for i, value in enumerate(values):
                if i:
                    paragraph += nodes.Text(", ")
                paragraph += nodes.literal(value, value)
            items += nodes.list_item("", paragraph)
        return [items]


class ExtractRulesDirective(SphinxDirective):
    """What ``aipark.extract`` reads and refuses, as a table drawn from the parser's tables."""

    def run(self) -> list[nodes.Node]:
        from aipark.extraction import reading_rules

        rows = ["| what | spellings | becomes |", "|---|---|---|"]
        rows += [f"| {what} | {words} | {becomes} |" for what, words, becomes in reading_rules()]
        container = nodes.container()
        self.state.nested_parse(StringList(rows, source="aipark-extract-rules"), 0, container)
        return container.children


class UnitsDirective(SphinxDirective):
    """The tables of "Units aipark reads", each under its own heading."""

    def run(self) -> list[nodes.Node]:
        from aipark._units_page import sections

        found: list[nodes.Node] = []
        for section in sections():
            node = nodes.section(ids=[nodes.make_id(f"units-{section.title}")])
            node += nodes.title(section.title, section.title)
            node += nodes.paragraph(section.text, section.text)
            node += _table(section.header, section.rows)
            found.append(node)
        return found


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += _row(header)
    group += head
    body = nodes.tbody()
    for row in rows:
        body += _row(row)
    group += body
    return table


def _row(cells: Sequence[str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(cell, cell)
        row += entry
    return row


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(details, html=(_visit_details, _depart("details")))
    app.add_node(summary, html=(_visit_summary, _depart("summary")))
    app.add_directive("aipark-sources", SourcesDirective)
    app.add_directive("aipark-diagram", DiagramDirective)
    app.add_directive("aipark-audit", AuditDirective)
    app.add_directive("aipark-enums", EnumsDirective)
    app.add_directive("aipark-extract-rules", ExtractRulesDirective)
    app.add_directive("aipark-displays", DisplayDirective)
    app.connect("html-page-context", _mark_page)
    app.add_directive("aipark-units", UnitsDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
