"""The ``aipark`` command: convert units; show, audit, draw and dump parks; check files and texts.

``run(argv)`` returns an exit code and is what tests call; ``main()`` is the
console script.  Errors are one line on stderr, never a traceback.

Every command that reads parks takes a SOURCE: a prebuilt park's key
(``qingdao``), a park file (JSON or TOML), ``-`` for standard input, or a
folder, meaning every ``*.json`` and ``*.toml`` file in it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from .errors import AiparkError, LoadError, ValidationError

if TYPE_CHECKING:
    from .fx import ExchangeRate
    from .models import Park
    from .tables import Table
    from .units import Quantity

_SOURCE_HELP = (
    "a prebuilt park ('qingdao'), a park file (.json or .toml), '-' for standard input, "
    "or a folder of park files"
)

__all__ = ["main", "run"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aipark", description="Unit-aware facts about AI industrial parks."
    )
    from ._version import __version__

    parser.add_argument("--version", action="version", version=f"aipark {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert a quantity to another unit")
    convert.add_argument("value", help="a quantity, e.g. '2918 mu' or '600亿元'")
    convert.add_argument("unit", help="the unit to convert to, e.g. 'hectare'")
    convert.add_argument("--rate", help="exchange rate for money, e.g. '6.9028 CNY/USD'")
    convert.add_argument(
        "--on",
        type=_iso_date,
        metavar="DATE",
        help="convert money at the ECB reference rate of DATE (YYYY-MM-DD)",
    )

    show = commands.add_parser("show", help="show a park's facts")
    show.add_argument("sources", nargs="+", metavar="SOURCE", help=_SOURCE_HELP)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument(
        "--locale",
        default="en_US",
        help="CLDR locale of the text fact sheet, e.g. 'zh_CN' or 'de_DE' (default: en_US; "
        "the process's locale is never used)",
    )

    audit = commands.add_parser("audit", help="compare a park's reported figures with exact ones")
    audit.add_argument("sources", nargs="+", metavar="SOURCE", help=_SOURCE_HELP)
    audit.add_argument("--format", choices=("text", "json"), default="text")
    audit.add_argument(
        "--on",
        type=_iso_date,
        metavar="DATE",
        help="date of the exchange rates, YYYY-MM-DD (default: the park's launch)",
    )
    audit.add_argument(
        "--rel-tol",
        type=_tolerance,
        default=None,
        metavar="X",
        help="relative difference also taken as agreement, from 0 to 1 (default: 0, only the "
        "rounding of the printed digits)",
    )
    audit.add_argument(
        "--against",
        metavar="FILE",
        help="also match the park's figures with those of a text (UTF-8 file, or '-')",
    )
    audit.add_argument(
        "--source",
        metavar="ID",
        help="the id of the park's source that the --against text is (e.g. CD-2023-02-27)",
    )

    extract = commands.add_parser("extract", help="list the figures an article prints")
    extract.add_argument("file", help="a UTF-8 text file, or '-' for standard input")
    extract.add_argument("--format", choices=("text", "json"), default="text")

    dump = commands.add_parser("dump", help="write a park as JSON or TOML")
    dump.add_argument("source", metavar="SOURCE", help=_SOURCE_HELP + " holding one park")
    dump.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    dump.add_argument(
        "--format",
        choices=("json", "toml"),
        help="file format (default: from FILE's suffix, else json)",
    )

    validate = commands.add_parser("validate", help="check park files (JSON or TOML)")
    validate.add_argument("sources", nargs="+", metavar="SOURCE", help=_SOURCE_HELP)
    table = commands.add_parser("table", help="write parks' items as a table (CSV, JSON, Parquet)")
    table.add_argument("sources", nargs="+", metavar="SOURCE", help=_SOURCE_HELP)
    table.add_argument(
        "--of",
        default="parks",
        metavar="ITEMS",
        help="what each row is: parks (the default) or the items of a list every park has, "
        "such as zones, computing_centers, platforms, targets, milestones or sources",
    )
    table.add_argument(
        "--format",
        choices=("csv", "json", "parquet"),
        help="table format (default: from FILE's suffix, else csv)",
    )
    table.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    table.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="FIELD=UNIT",
        help="write a quantity column in this unit, e.g. area=mu (repeatable)",
    )
    table.add_argument("--rate", help="exchange rate for money columns, e.g. '6.9028 CNY/USD'")
    table.add_argument(
        "--on",
        type=_iso_date,
        metavar="DATE",
        help="convert money at the ECB reference rate of DATE (YYYY-MM-DD)",
    )
    schema = commands.add_parser("schema", help="print the JSON Schema of park files")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    diagram = commands.add_parser("diagram", help="draw a park's structure")
    diagram.add_argument("source", metavar="SOURCE", help=_SOURCE_HELP + " holding one park")
    diagram.add_argument("--format", choices=("mermaid", "svg"), default="mermaid")
    return parser


_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _iso_date(text: str) -> datetime.date:
    """An option's date: exactly ``YYYY-MM-DD`` (not 20230223, not 2023-W08-4)."""
    if not _ISO_DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the calendar") from None


def _tolerance(text: str) -> float:
    """A relative tolerance: a finite number from 0 up to (not including) 1."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 <= value < 1):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 0 to 1")
    return value


def _check_output(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """``dump -o FILE``: a suffix aipark reads back, agreeing with ``--format``, before writing."""
    if args.command != "dump" or args.output is None:
        return
    from .io import FORMATS

    suffix = Path(args.output).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        parser.error(
            f"argument -o/--output: {args.output!r} has the suffix {suffix or '(none)'!r}; "
            f"aipark reads park files ending in {known}"
        )
    if args.format is not None and FORMATS[suffix] != args.format:
        parser.error(f"argument --format: {args.format} does not match the suffix of {args.output}")


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 bad input, 2 usage)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        _check_output(parser, args)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.command == "convert":
            from .units import plain_quantity

            on = args.on
            rate = None if args.rate is not None or on is None else _dated_rate(args, on)
            result = _convert(args.value, args.unit, rate or args.rate, on)
            print(plain_quantity(result, digits=10))
            if rate is not None:
                print(_describe_rate(rate))
        elif args.command == "show":
            _show(args)
        elif args.command == "audit":
            _audit(args)
        elif args.command == "extract":
            _extract(args.file, args.format)
        elif args.command == "dump":
            return _dump(_one_park(args.source), args.output, args.format)
        elif args.command == "validate":
            return _validate(args.sources)
        elif args.command == "table":
            return _table(args)
        elif args.command == "schema":
            from .schema import json_schema

            return _write_text(
                json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args.output
            )
        elif args.command == "diagram":
            from . import diagram

            draw = diagram.to_svg if args.format == "svg" else diagram.to_mermaid
            sys.stdout.write(draw(_one_park(args.source)))
    except AiparkError as exc:
        print(f"aipark: error: {exc}", file=sys.stderr)
        return 1
    return 0


# --------------------------------------------------------------------------
# Sources: prebuilt keys, files, standard input, folders


def _expand(source: str) -> list[str]:
    """What a SOURCE names: itself, or each park file of a folder (sorted)."""
    from .data import PARKS
    from .io import FORMATS

    if source in PARKS or source == "-":
        return [source]
    path = Path(source)
    if path.is_dir():
        found = sorted(str(entry) for entry in path.iterdir() if entry.suffix.lower() in FORMATS)
        if not found:
            raise ValidationError(f"folder {source} holds no park files (*.json, *.toml)")
        return found
    if path.suffix.lower() in FORMATS or path.exists():
        return [source]
    known = ", ".join(sorted(PARKS))
    raise ValidationError(
        f"unknown park {source!r}: not a prebuilt park (known: {known}), a park file or a folder"
    )


def _read(entry: str) -> Park:
    """One park: a prebuilt one, standard input or a file; errors name the file."""
    from .data import PARKS, get_park
    from .io import MAX_FILE_SIZE, load, loads, sniff_format

    if entry in PARKS:
        return get_park(entry)
    try:
        if entry != "-":
            return load(entry)
        raw = getattr(sys.stdin, "buffer", sys.stdin).read(MAX_FILE_SIZE + 1)
    except OSError as exc:
        raise ValidationError(f"cannot read {entry}: {exc.strerror}") from None
    if len(raw) > MAX_FILE_SIZE:
        raise LoadError("<stdin>", f"input is larger than {MAX_FILE_SIZE // 2**20} MiB")
    try:
        return loads(raw, sniff_format(raw))
    except ValidationError as exc:
        raise LoadError("<stdin>", exc.errors) from None


def _parks(sources: Sequence[str]) -> list[Park]:
    """Every park the SOURCEs name, in order."""
    return [_read(entry) for source in sources for entry in _expand(source)]


def _one_park(source: str) -> Park:
    entries = _expand(source)
    if len(entries) != 1:
        raise ValidationError(
            f"this command takes one park; folder {source} holds {len(entries)} park files"
        )
    return _read(entries[0])


def _several(sources: Sequence[str]) -> bool:
    """Whether SOURCEs may name more than one park (then JSON output is a list)."""
    return len(sources) > 1 or any(Path(s).is_dir() for s in sources if s != "-")


# --------------------------------------------------------------------------
# Commands


def _show(args: argparse.Namespace) -> None:
    parks = _parks(args.sources)
    if args.format == "json":
        from .serialization import to_dict

        data = [to_dict(park) for park in parks]
        print(json.dumps(data if _several(args.sources) else data[0], ensure_ascii=False, indent=2))
        return
    from .factsheet import describe

    print("\n\n".join(describe(park, locale=args.locale) for park in parks))


def _convert(
    value: str, unit: str, rate: ExchangeRate | str | None, on: datetime.date | None
) -> Quantity:
    """:func:`aipark.convert`, its errors worded with the command's options."""
    from .conversion import convert
    from .errors import FieldError, MissingRateError
    from .units import missing_rate_message, parse_quantity, parse_unit

    try:
        return convert(value, unit, rate=rate, on=on)
    except MissingRateError:
        if rate is not None or on is not None:
            raise
        text = missing_rate_message(parse_quantity(value), parse_unit(unit), cli=True)
        raise MissingRateError(text) from None
    except ValidationError as exc:
        if not any(e.path == "rate" for e in exc.errors):
            raise
        raise type(exc)(
            FieldError(
                "--rate" if e.path == "rate" else e.path, e.message.replace("rate=", "--rate ")
            )
            for e in exc.errors
        ) from None


def _dated_rate(args: argparse.Namespace, on: datetime.date) -> ExchangeRate | None:
    """The ECB rate a dated money conversion uses, or None when no currencies change."""
    from .fx import currency_of, exchange_rate
    from .units import parse_quantity, parse_unit

    src = currency_of(parse_quantity(args.value))
    dst = currency_of(parse_unit(args.unit))
    if src is None or dst is None or src == dst:
        return None
    return exchange_rate(src, dst, on=on)


def _describe_rate(rate: ExchangeRate) -> str:
    """``at 6.897795 CNY/USD, the ECB reference rate of 2023-02-23 (cross rate via EUR)``."""
    from .units import plain_quantity

    shown = rate if rate.rate.magnitude >= 1 else rate.inverse()
    publisher = rate.source.publisher if rate.source is not None else "published"
    text = f"at {plain_quantity(shown.rate, digits=7)}, the {publisher} reference rate of {rate.on}"
    details = [rate.note] if rate.note else []
    if rate.requested is not None and rate.requested != rate.on:
        details.append(f"the last published before {rate.requested}")
    return text + (f" ({'; '.join(details)})" if details else "")


def _audit(args: argparse.Namespace) -> None:
    from .auditing import DEFAULT_REL_TOL, audit, format_findings

    rel_tol = DEFAULT_REL_TOL if args.rel_tol is None else args.rel_tol
    on = args.on
    if args.source is not None and args.against is None:
        raise ValidationError("--source names the source of the text given with --against")
    text = None if args.against is None else _read_text(args.against)
    parks = _parks(args.sources)
    results = [
        audit(park, on=on, rel_tol=rel_tol)
        if text is None
        else audit(park, on=on, rel_tol=rel_tol, against=text, source=args.source)
        for park in parks
    ]
    if args.format == "json":
        from .serialization import to_dict

        data = [to_dict(findings) for findings in results]
        print(json.dumps(data if _several(args.sources) else data[0], ensure_ascii=False, indent=2))
    else:
        from .text_audit import TextFinding, format_text_findings

        texts = [
            format_findings(
                [f for f in findings if not isinstance(f, TextFinding)],
                title=f"Audit of {park.name}",
            )
            + (
                ""
                if text is None
                else "\n\n"
                + format_text_findings([f for f in findings if isinstance(f, TextFinding)])
            )
            for park, findings in zip(parks, results, strict=True)
        ]
        print("\n\n".join(texts))


def _read_text(file: str) -> str:
    """A UTF-8 text file, or standard input for ``-``, as one string."""
    from .io import MAX_FILE_SIZE

    data: bytes
    try:
        if file == "-":
            data = sys.stdin.buffer.read(MAX_FILE_SIZE + 1)
        else:
            with open(file, "rb") as f:
                data = f.read(MAX_FILE_SIZE + 1)
    except OSError as exc:
        raise ValidationError(f"cannot read {file}: {exc.strerror}") from None
    if len(data) > MAX_FILE_SIZE:
        raise ValidationError(f"{file} is larger than {MAX_FILE_SIZE // 2**20} MiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        name = "standard input" if file == "-" else file
        raise ValidationError(f"{name} is not UTF-8 text (byte {exc.start})") from None


def _extract(file: str, fmt: str) -> None:
    from .extraction import extract, format_mentions

    mentions = extract(_read_text(file))
    if fmt == "json":
        from .serialization import to_dict

        print(json.dumps(to_dict(mentions), ensure_ascii=False, indent=2))
    else:
        print(format_mentions(mentions))


def _dump(park: Park, output: str | None, fmt: Literal["json", "toml"] | None) -> int:
    from .io import FORMATS, dump, dumps

    if output is None:
        sys.stdout.write(dumps(park, fmt or "json"))
        return 0
    try:
        dump(park, output, format=fmt or FORMATS.get(Path(output).suffix.lower(), "json"))
    except OSError as exc:
        print(f"aipark: error: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


_TABLE_FORMATS: dict[str, str] = {".csv": "csv", ".json": "json", ".parquet": "parquet"}


def _table(args: argparse.Namespace) -> int:
    """CSV and JSON carry no metadata, so their quantity columns name their unit."""
    from .tables import build_table, write_parquet

    units = {}
    for pair in args.unit:
        field, sep, unit = pair.partition("=")
        if not sep or not field.strip() or not unit.strip():
            raise ValidationError(f"expected FIELD=UNIT such as area=mu, got {pair!r}")
        units[field.strip()] = unit.strip()
    suffix = Path(args.output).suffix.lower() if args.output else ""
    fmt = args.format or _TABLE_FORMATS.get(suffix, "csv")
    options = {"of": args.of, "units": units, "rate": args.rate, "on": args.on}
    parks = _parks(args.sources)
    if fmt != "parquet":
        table = build_table(parks, unit_in_name=True, **options)
        return _write_text(_csv(table) if fmt == "csv" else _json_table(table), args.output)
    if args.output is None:
        raise ValidationError("a Parquet table is written to a file: give -o FILE")
    try:
        write_parquet(parks, args.output, **options)
    except OSError as exc:
        print(f"aipark: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


def _write_text(text: str, output: str | None) -> int:
    """Print ``text``, or write it to ``output`` in one step."""
    from .io import _write_atomically

    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        _write_atomically(output, text.encode("utf-8"))
    except OSError as exc:
        print(f"aipark: error: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


def _csv(table: Table) -> str:
    import csv
    import io

    def cell(value: object) -> object:
        if isinstance(value, list):
            return "; ".join(value)
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, bool):
            return "true" if value else "false"
        return value

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.names)
    writer.writerows([cell(v) for v in row] for row in zip(*table.columns, strict=True))
    return out.getvalue()


def _json_table(table: Table) -> str:
    def default(value: object) -> str:
        if isinstance(value, datetime.date):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps(table.records(), ensure_ascii=False, indent=2, default=default) + "\n"


def _validate(sources: Sequence[str]) -> int:
    """Check each file; list every error on its own line, prefixed with the file's name."""
    failed = False
    for entry in (entry for source in sources for entry in _expand(source)):
        try:
            park = _read(entry)
        except LoadError as exc:
            for error in exc.errors:
                print(f"{exc.file}: {error}", file=sys.stderr)
            failed = True
            continue
        except AiparkError as exc:
            print(f"aipark: error: {exc}", file=sys.stderr)
            failed = True
            continue
        print(f"{'<stdin>' if entry == '-' else entry}: ok ({park.name})")
    return 1 if failed else 0


def main() -> None:
    """Console-script entry point."""
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away ("aipark extract FILE | head"): not an error of
        # aipark's.  Python's recipe: point stdout at devnull so that the
        # flush at exit does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code)
