"""Sphinx directives that draw pages from aipark's own data at build time.

``aipark-sources`` lists every source of a prebuilt park and what each is cited
for; ``aipark-diagram`` shows the park's structure as an SVG picture or as
Mermaid text; ``aipark-audit`` shows where its sources disagree;
``aipark-enums`` lists the values every enum field of a park file accepts;
``aipark-extract-rules`` lists what ``aipark.extract`` reads and refuses.
All of them call aipark, so the pages cannot drift from the data or the models.
"""

from __future__ import annotations

from collections.abc import Iterator
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


class SourcesDirective(SphinxDirective):
    """A list of a prebuilt park's sources, each with the fields it is cited for."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        park = _park(self)
        cited: dict[aipark.Source, list[str]] = {source: [] for source in park.sources}
        for path, citation in citation_paths(park):
            cited.setdefault(citation.source, []).append(path)
        items = nodes.bullet_list()
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
            para += nodes.Text(". ")
            unique = list(dict.fromkeys(paths))
            if unique:
                times = "once" if len(paths) == 1 else f"{len(paths)} times"
                para += nodes.Text(f"Cited {times}, for ")
                for i, path in enumerate(unique):
                    if i:
                        para += nodes.Text(", ")
                    para += nodes.literal(text=path)
                para += nodes.Text(".")
            else:
                para += nodes.Text("Not cited for any field.")
            items += nodes.list_item("", para)
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
    """A prebuilt park's audit, as ``aipark audit PARK`` prints it."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        park = _park(self)
        text = aipark.format_findings(aipark.audit(park), title=f"Audit of {park.name}")
        return [nodes.literal_block(text, text, language="text")]


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


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("aipark-sources", SourcesDirective)
    app.add_directive("aipark-diagram", DiagramDirective)
    app.add_directive("aipark-audit", AuditDirective)
    app.add_directive("aipark-enums", EnumsDirective)
    app.add_directive("aipark-extract-rules", ExtractRulesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
