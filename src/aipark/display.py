"""How aipark's models show in a REPL: IPython's pretty printer and Jupyter's HTML.

The models' ``_repr_pretty_`` and ``_repr_html_`` hooks, which IPython and
Jupyter look up on the model class, import this module when a model is first
shown: it is the one import from the models up to the text layer.  The
summaries use :mod:`aipark.formatting` for quantities, dates, names and the
fact sheet's rows, always in :data:`~aipark.formatting.DEFAULT_LOCALE`.
"""

from __future__ import annotations

import datetime
import enum
import html
from collections.abc import Callable
from typing import Any, Final

import attrs

from .factsheet import _lines, _park_rows, _Rows
from .formatting import (
    CJK_FONT_FAMILY,
    DEFAULT_LOCALE,
    _currency_code,
    _date,
    _format,
    _name,
    _number,
    _place,
    chinese_runs,
)
from .locales import _check_locale, _Locale
from .models import Citation, Location, Park, Source
from .units import Quantity

__all__ = ["repr_html", "repr_pretty"]


def _summary(obj: Any, loc: _Locale) -> tuple[str, _Rows]:
    """A title and rows: what a REPL shows of an aipark model.

    Every model follows the park's rules: headings are words, compute power
    carries the precision of its figure, and an unconfirmed Chinese name is
    marked in the title.
    """
    title = f"{type(obj).__name__}: {_title(obj, loc)}"
    if isinstance(obj, Park):
        return title, _park_rows(obj, loc, brief=True)
    rows: _Rows = []
    for field in attrs.fields(type(obj)):
        if field.name in _IN_TITLE.get(type(obj), _IN_TITLE[None]):
            continue
        if field.name == "precision" and getattr(obj, "compute_power", None) is not None:
            continue  # shown with the compute power
        value = getattr(obj, field.name)
        text = str(value) if field.name == "year" and value is not None else _field_text(value, loc)
        if text and isinstance(value, Quantity) and _is_compute_power(value):
            precision = getattr(obj, "precision", None)
            text += loc.message("aside").format(
                precision.value if precision is not None else loc.message("precision_not_stated")
            )
        if text:
            rows.append((_label(field.name, loc), text))
    return title, rows


def _is_compute_power(value: Quantity) -> bool:
    return bool(value.check("[floating_point_operation] / [time]"))


# Fields whose heading is one of the fact sheet's own.
_HEADING_MESSAGES: Final = frozenset(
    {"location", "area", "launched", "layout", "zones", "computing_centers", "targets"}
    | {"platforms", "milestones", "goals", "sectors", "application_domains", "sources"}
)
_FIELD_LABELS: Final = {"pc_equivalents": "PC equivalents", "url": "URL", "id": "ID"}


def _label(field: str, loc: _Locale) -> str:
    """A field's heading in words: ``compute_power`` is "Compute power"."""
    if field in _HEADING_MESSAGES:
        return loc.message(field)
    if field.startswith("local_"):
        return f"{_label(field.removeprefix('local_'), loc)} (Chinese)"
    return _FIELD_LABELS.get(field) or field.replace("_", " ").capitalize()


# Fields a summary's title already shows.
_IN_TITLE: Final[dict[type | None, tuple[str, ...]]] = {
    None: ("name", "local_name", "local_name_verified"),
    Source: ("title",),
    Citation: ("field",),
}


def _title(obj: Any, loc: _Locale) -> str:
    if isinstance(obj, Source):
        return obj.title
    if isinstance(obj, Citation):
        return obj.field
    if isinstance(obj, Location):
        return _place(obj, loc)
    return _name(obj, loc)


_FIELD_TEXT: Final[list[tuple[type, Callable[[Any, _Locale], str]]]] = [
    (Quantity, lambda v, loc: _format(v, loc, "short", _currency_code(v) is not None)),
    (datetime.date, lambda v, loc: _date(v, loc, "medium")),
    (enum.Enum, lambda v, loc: str(v.value)),
    (Source, lambda v, loc: f"{v.publisher}, {_date(v.published, loc, 'medium')}"),
    (Location, lambda v, loc: _place(v, loc)),
    (bool, lambda v, loc: str(v)),
    (int, lambda v, loc: _number(v, loc)),
]


def _field_text(value: Any, loc: _Locale) -> str:
    if value is None or value == ():
        return ""
    for kind, text in _FIELD_TEXT:
        if isinstance(value, kind):
            return text(value, loc)
    if isinstance(value, tuple):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        if all(isinstance(v, Citation) for v in value):
            return _number(len(value), loc)
        return "; ".join(_title(v, loc) for v in value)
    return str(value)


def repr_pretty(obj: Any, p: Any, cycle: bool) -> None:
    """IPython's ``_repr_pretty_``: a one-screen summary in :data:`DEFAULT_LOCALE`.

    Uses only the printer's ``text()``.
    """
    if cycle:
        p.text(f"{type(obj).__name__}(...)")
        return
    loc = _check_locale(DEFAULT_LOCALE)
    lines = _lines(*_summary(obj, loc), loc)
    if isinstance(obj, Park):
        lines.append("  (aipark.describe(park) gives the full fact sheet; repr() every field)")
    p.text("\n".join(lines))


# The notebook display's layout, inline so that it holds in Jupyter, VS Code and
# any page it is pasted into: left-aligned cells, headings that wrap between words, and
# a title row as wide as the table can be (a <caption> is only as wide as the
# table's cells and would squeeze the title into a narrow column).
_TABLE_STYLE: Final = "border-collapse:collapse;max-width:100%;margin:0"
_TITLE_STYLE: Final = (
    "text-align:left;font-weight:bold;padding:0.2em 0.5em 0.3em 0;"
    "white-space:normal;overflow-wrap:break-word"
)
_HEADING_STYLE: Final = (
    "text-align:left;vertical-align:top;font-weight:normal;padding:0.1em 1em 0.1em 0"
)
# A long address or figure may break anywhere, so the table fits a phone;
# Chinese runs opt out below.
_VALUE_STYLE: Final = "text-align:left;vertical-align:top;padding:0.1em 0;overflow-wrap:anywhere"
# Chinese runs: a Chinese font, and no line break inside a word (CJK text has no
# spaces, so browsers would otherwise break between any two characters).
_CHINESE_STYLE: Final = f"font-family:{CJK_FONT_FAMILY};word-break:keep-all;overflow-wrap:normal"


def _html_text(text: str) -> str:
    """``text`` escaped, its Chinese runs marked ``lang="zh-Hans"``."""
    return "".join(
        f'<span lang="zh-Hans" style="{html.escape(_CHINESE_STYLE)}">{html.escape(run)}</span>'
        if chinese
        else html.escape(run)
        for run, chinese in chinese_runs(text)
    )


def repr_html(obj: Any) -> str:
    """Jupyter's ``_repr_html_``: the same summary as a small table.

    One layout for every model: a title row, then one row per heading.
    Chinese text is marked ``lang="zh-Hans"`` and names Chinese fonts first.
    """
    loc = _check_locale(DEFAULT_LOCALE)
    title, rows = _summary(obj, loc)
    body = "".join(
        f'<tr><th scope="row" style="{_HEADING_STYLE}">{_html_text(label)}</th>'
        f'<td style="{_VALUE_STYLE}">'
        + (_html_text(value) if isinstance(value, str) else "<br>".join(map(_html_text, value)))
        + "</td></tr>"
        for label, value in rows
    )
    return (
        f'<table class="aipark" data-aipark-model="{type(obj).__name__}" lang="en"'
        f' style="{_TABLE_STYLE}"><thead><tr><th colspan="2" scope="colgroup"'
        f' style="{_TITLE_STYLE}">{_html_text(title)}</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
