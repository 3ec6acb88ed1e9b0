"""Park files: read JSON or TOML safely, write them atomically.

Comes after :mod:`aipark.data` in the layering.  Reading is strict: a file
larger than :data:`MAX_FILE_SIZE`, text that is not UTF-8, duplicate keys,
``NaN`` or ``Infinity``, numbers that do not fit, nesting deeper than the
parser allows and every schema error all raise :class:`~aipark.LoadError`
naming the file and the field path.  Writing goes to a temporary file in the
same folder, which then replaces the target in one step, so a reader never
sees half a file and a failed write leaves the old file as it was.

Files use the data files' layout: citations may name a source by its ``id``
(``"source": "CD-2023-02-27"``) when the park lists it in ``sources``.

TOML is written by ``tomli-w``, the maintained writer, after aipark's own
checks of what TOML cannot hold (null in a list, integers past 64 bits, NaN).
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal

from .data import resolve_source_ids
from .errors import LoadError, ValidationError, not_a_park, one_line
from .models import Park
from .serialization import FORMAT_VERSION, from_dict, to_dict

__all__ = [
    "FORMATS",
    "MAX_FILE_SIZE",
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "sniff_format",
    "toml_document",
]

Format = Literal["json", "toml"]
#: File formats by suffix.
FORMATS: Final[Mapping[str, Format]] = {".json": "json", ".toml": "toml"}
#: Largest file :func:`load` reads (16 MiB); a park is a few kilobytes.
MAX_FILE_SIZE: Final = 16 * 2**20
# Integers of more digits cannot be a quantity's value (they overflow a float).
_MAX_DIGITS: Final = 310


# --------------------------------------------------------------------------
# Reading


def load(path: str | os.PathLike[str], *, format: Format | None = None) -> Park:
    """Read a park from a JSON or TOML file (the format follows the suffix).

    Raises :class:`~aipark.LoadError` (a :class:`~aipark.ValidationError`)
    for any content that is not a valid park, naming the file and every
    failing field path; :class:`OSError` when the file cannot be read.
    """
    name = _display(path)
    fmt = format or _format_of(path, name)
    with open(path, "rb") as f:
        raw = f.read(MAX_FILE_SIZE + 1)
    if len(raw) > MAX_FILE_SIZE:
        raise LoadError(name, f"file is larger than {MAX_FILE_SIZE // 2**20} MiB")
    try:
        return loads(raw, fmt)
    except ValidationError as exc:
        raise LoadError(name, exc.errors) from None


def loads(data: str | bytes, format: Format) -> Park:
    """Read a park from JSON or TOML text; raises :class:`~aipark.ValidationError`."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(f"not UTF-8 text (byte {exc.start})") from None
    if not isinstance(data, str):
        raise ValidationError(f"expected text or bytes, got {type(data).__name__}")
    if len(data) > MAX_FILE_SIZE:
        raise ValidationError(f"text is longer than {MAX_FILE_SIZE} characters")
    data = data.removeprefix("\ufeff")
    try:
        tree = _read_json(data) if format == "json" else _read_toml(data)
        tree = resolve_source_ids(tree)
    except RecursionError:
        raise ValidationError("input is nested too deeply") from None
    return from_dict(tree, Park)


class _RefusedError(ValueError):
    """Raised from inside a parser's hook; the message goes to the user."""


def _read_json(text: str) -> Any:
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        raise _syntax_error("JSON", text, exc.msg, exc.lineno, exc.colno) from None
    except ValueError as exc:
        raise ValidationError(f"not valid JSON: {one_line(str(exc))}") from None


def _read_toml(text: str) -> Any:
    try:
        tree = tomllib.loads(text, parse_float=_finite_float)
    except ValueError as exc:  # tomllib.TOMLDecodeError and refusals from the hooks
        message = str(exc)
        if message.startswith("Exceeds the limit"):  # Python's cap on integer digits
            message = "an integer is too large"
        at = _TOML_AT.search(message)
        if at is None:
            raise ValidationError(f"not valid TOML: {one_line(message)}") from None
        line = int(at["line"]) if at["line"] else len(text.splitlines()) or 1
        column = int(at["col"]) if at["col"] else None
        raise _syntax_error("TOML", text, message[: at.start()], line, column) from None
    return _dates_as_text(tree)


# Where tomllib says an error is: "(at line 2, column 12)" or "(at end of document)".
_TOML_AT: Final = re.compile(
    r"\s*\(at (?:line (?P<line>[0-9]+), column (?P<col>[0-9]+)|end of document)\)$"
)
# Text that looks like a date: a park file's dates are YYYY-MM-DD.
_DATE_LIKE: Final = re.compile(r"[0-9]{2,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}")
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _syntax_error(
    kind: str, text: str, message: str, line: int, column: int | None
) -> ValidationError:
    """``line 2, column 12: not valid TOML (invalid date or datetime) in 'launched = 2023-02-30'``.

    The offending line is quoted (shortened when long); a line holding
    something like a date gets the form dates take.  ``column`` None means
    the end of the file.
    """
    lines = text.splitlines()
    source = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    reason = one_line(message[:1].lower() + message[1:])
    where = f"line {line}, " + (f"column {column}" if column else "the end of the file")
    where += f": not valid {kind} ({reason})"
    if source:
        where += f" in {one_line(source, 60)!r}"
    date = _DATE_LIKE.search(source)
    if date is not None:
        if kind == "JSON":
            where += '; dates in JSON are text, e.g. "2023-02-23"'
        elif _ISO_DAY.fullmatch(date.group()):
            where += f"; {date.group()} is not a day of the calendar"
        else:
            where += "; write dates as YYYY-MM-DD, e.g. 2023-02-23"
    return ValidationError(where)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RefusedError(f"duplicate key {key[:60]!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _RefusedError(f"{name} is not a number aipark accepts")


def _bounded_int(text: str) -> int:
    # Python refuses to read integers of over 4300 digits, with a message
    # about its own settings; aipark's limit is far lower and says why.
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _RefusedError(f"integer of {len(text)} digits is too large")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _RefusedError(f"{text[:40]} is not a finite number")
    return value


def _dates_as_text(node: Any) -> Any:
    """TOML has dates of its own; aipark's wire format writes them as ISO text."""
    if type(node) is datetime.date:
        return node.isoformat()
    if isinstance(node, dict):
        return {key: _dates_as_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(item) for item in node]
    return node


def sniff_format(text: str | bytes) -> Format:
    """The format of park text whose file name says nothing (standard input).

    A JSON park is an object, so it starts with ``{``; a TOML document cannot.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "toml"


def _format_of(path: str | os.PathLike[str], name: str) -> Format:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        raise LoadError(name, f"unknown file type {suffix or '(none)'!r}; known: {known}")
    return FORMATS[suffix]


def _display(path: str | os.PathLike[str]) -> str:
    """The file name for messages: as given, or quoted if it is not plain text."""
    text = os.fspath(path)
    return text if text.isprintable() else repr(text)


# --------------------------------------------------------------------------
# Writing


def dumps(park: Park, format: Format = "json") -> str:
    """A park as JSON or TOML text that :func:`loads` reads back to an equal park.

    The text starts with ``format_version`` (see :func:`~aipark.from_dict`),
    fields without a value are left out, and citations name a source by its
    ``id`` when the park lists that source.
    """
    if not isinstance(park, Park):
        raise ValidationError(not_a_park(park))
    tree = {"format_version": FORMAT_VERSION, **_compact(to_dict(park))}
    if format == "json":
        return json.dumps(tree, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if format == "toml":
        return toml_document(_wide_quantities_as_text(tree))
    raise ValidationError(f"unknown format {format!r}; known: json, toml")


class _WideInt(int):
    """An integer past 64 bits that a park's TOML writes anyway (see below)."""

    __slots__ = ()


def _wide_quantities_as_text(value: Any) -> Any:
    """Quantities whose integer needs more than TOML's 64 bits, as text (``"10**20 CNY"``).

    A park holds integers up to 1023 bits (JSON writes them as they are);
    TOML's integers stop at 64 bits, and quantity text reads back exactly.
    """
    from .units import MAX_TEXT_LENGTH

    if isinstance(value, dict):
        magnitude = value.get("value")
        if (
            value.keys() == {"value", "unit"}
            and isinstance(magnitude, int)
            and not isinstance(magnitude, bool)
            and not -(2**63) <= magnitude < 2**63
            and isinstance(value["unit"], str)
        ):
            unit = value["unit"]
            text = f"{magnitude} {unit}" if unit != "dimensionless" else str(magnitude)
            if len(text) <= MAX_TEXT_LENGTH:
                return text
            # Too long for quantity text (over ~190 digits): a bare integer, beyond
            # TOML's 64 bits, which Python's tomllib (and so aipark) reads back.
            return {"value": _WideInt(magnitude), "unit": unit}
        return {key: _wide_quantities_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_wide_quantities_as_text(item) for item in value]
    return value


def dump(park: Park, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write a park to a JSON or TOML file (the format follows the suffix), atomically.

    The text goes to a temporary file beside ``path`` that then replaces
    ``path`` in one step: readers see the old file or the new one, never
    half of one, and a failure leaves the old file untouched.
    """
    fmt = format or _format_of(path, _display(path))
    try:
        data = dumps(park, fmt).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(f"text cannot be written as UTF-8 ({exc.reason})") from None
    _write_atomically(path, data)


def _write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` by ``data`` in one step (temporary file + rename).

    A new file gets mode 0o644; an existing one keeps its mode.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _compact(data: Any) -> Any:
    """Leave out nulls and cite listed sources by id: the layout of the data files."""
    sources = data.get("sources", ())
    ids = [source.get("id") for source in sources]
    by_id = {  # only ids that name one source, so reading them back is unambiguous
        json.dumps(source, sort_keys=True): source["id"]
        for source in sources
        if source.get("id") is not None and ids.count(source["id"]) == 1
    }

    def walk(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            if key == "source" and (ref := by_id.get(json.dumps(node, sort_keys=True))):
                return ref
            return {k: walk(v, k) for k, v in node.items() if v is not None}
        if isinstance(node, list):
            return [walk(item, key) for item in node]
        return node

    return walk(data)


# --------------------------------------------------------------------------
# TOML: aipark's checks, then tomli-w


def toml_document(data: Mapping[str, Any]) -> str:
    """``data`` (dicts, lists, text, int, finite float, bool) as a TOML document.

    Tables become ``[sections]`` and lists of tables ``[[arrays]]``; ``None``
    values in tables are left out (TOML has no null).  What TOML cannot hold
    (a null in a list, integers beyond 64 bits, NaN) raises
    :class:`~aipark.ValidationError` instead of writing something else.  The
    checked data is written by ``tomli-w``.
    """
    import tomli_w

    if not isinstance(data, Mapping):
        raise ValidationError(f"a TOML document is a table, got {type(data).__name__}")
    text: str = tomli_w.dumps(_toml_ready(data))
    return text


def _toml_ready(value: object) -> Any:
    """``value`` checked for what TOML can hold, with nulls in tables left out."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63 and not isinstance(value, _WideInt):
            raise ValidationError(f"TOML integers have 64 bits, got {value.bit_length()} bits")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"cannot write {value} (not a finite number)")
        return value
    if isinstance(value, Mapping):
        table = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(f"TOML keys are text, got {type(key).__name__}")
            if item is not None:
                table[key] = _toml_ready(item)
        return table
    if isinstance(value, list | tuple):
        return [_toml_ready(item) for item in value]
    if value is None:
        raise ValidationError("TOML has no null: a list cannot hold None")
    raise ValidationError(f"cannot write {type(value).__name__} as TOML")
