"""The exceptions aipark raises.

Every error aipark raises on purpose is an :class:`AiparkError`, so callers can
catch one type; errors about bad input are also :class:`ValueError`, as Python
code expects.  Messages are one plain line that names the offending field.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AiparkError",
    "ConversionError",
    "FieldError",
    "LoadError",
    "MissingDependencyError",
    "MissingRateError",
    "PrecisionMismatchError",
    "ProvenanceError",
    "ValidationError",
]


class AiparkError(Exception):
    """Base class of every error raised by aipark."""


class FieldError(tuple[str, str]):
    """One failure: the field path (``computing_centers[1].compute_power``) and why."""

    __slots__ = ()

    def __new__(cls, path: str, message: str) -> FieldError:
        return super().__new__(cls, (path, message))

    def __getnewargs__(self) -> tuple[str, str]:
        # Pickle as FieldError(path, message): tuple's default passes one tuple.
        return (self.path, self.message)

    @property
    def path(self) -> str:
        return self[0]

    @property
    def message(self) -> str:
        return self[1]

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ValidationError(AiparkError, ValueError):
    """Bad input: data, a unit, a quantity.

    ``errors`` lists every failure found, each with its field path, so a caller
    can fix all of them at once.
    """

    errors: tuple[FieldError, ...]

    def __init__(self, errors: str | Iterable[FieldError], *, path: str = "") -> None:
        if isinstance(errors, str):
            errors = (FieldError(path, errors),)
        self.errors = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def at(self, prefix: str) -> ValidationError:
        """The same error with every path placed under ``prefix``."""
        return type(self)(FieldError(join_path(prefix, e.path), e.message) for e in self.errors)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.errors))


class LoadError(ValidationError):
    """A file that does not hold valid data: names the file, then every failing field.

    ``str()`` reads ``park.toml: area: must not be negative, got -1 ha``;
    ``file`` is the file's name as given and ``errors`` the field errors.
    """

    file: str

    def __init__(self, file: str, errors: str | Iterable[FieldError], *, path: str = "") -> None:
        super().__init__(errors, path=path)
        self.file = file
        self.args: tuple[object, ...] = (f"{file}: {self.args[0]}",)

    def at(self, prefix: str) -> LoadError:
        inner = ValidationError(self.errors).at(prefix)
        return type(self)(self.file, inner.errors)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.file, self.errors))


class ConversionError(ValidationError):
    """A quantity cannot be converted to the requested unit."""


class MissingRateError(ConversionError):
    """Converting between currencies needs an exchange rate, which was not given."""


class PrecisionMismatchError(ValidationError):
    """Compute figures of different precisions (FP16, FP64) cannot be added or compared."""


class ProvenanceError(AiparkError, LookupError):
    """No source is recorded for the requested field."""


class MissingDependencyError(AiparkError, ImportError):
    """An optional feature needs a package that is not installed; the message names the extra."""


def join_path(prefix: str, path: str) -> str:
    """Join field paths: ``join_path("zones[0]", "name") == "zones[0].name"``."""
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


#: Most field errors one error lists; the rest are counted in one more line.
MAX_ERRORS = 100


def at_most(errors: list[FieldError], limit: int = MAX_ERRORS) -> list[FieldError]:
    """``errors``, or their first ``limit`` and an "and N more errors" line."""
    if len(errors) <= limit + 1:  # room for the "and N more" line
        return errors
    return [*errors[:limit], FieldError("", f"and {len(errors) - limit} more errors")]


def one_line(text: str, limit: int = 200) -> str:
    """Text from elsewhere (a dependency's message) fit for a one-line error message."""
    shown = "".join(c if c.isprintable() else " " for c in text[:limit])
    return shown + "..." if len(text) > limit else shown


def shown(value: object) -> str:
    """Describe a value in an error message: its kind and, when short, the value itself.

    ``shown("85") == "text '85'"``, ``shown(7.2) == "float 7.2"``; long text
    is cut to 40 characters and containers are named by type only.
    """
    if value is None:
        return "null"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"text {text!r}"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"int of {value.bit_length()} bits"
    if isinstance(value, bool | int | float):
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__


def not_a_park(value: object, expected: str = "a Park") -> str:
    """``expected a Park, got text 'qingdao'``, with where a park comes from when it is text."""
    message = f"expected {expected}, got {shown(value)}"
    if isinstance(value, str):
        message += ": pass aipark.QINGDAO, or aipark.load('park.toml') for a file"
    return message


def _rebuild(cls: type[ValidationError], errors: tuple[FieldError, ...]) -> ValidationError:
    return cls(errors)
