"""The ``aipark`` command: convert units, show, audit, draw and dump parks, validate files.

``run(argv)`` returns an exit code and is what tests call; ``main()`` is the
console script.  Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from .errors import AiparkError, ValidationError

if TYPE_CHECKING:
    from .fx import ExchangeRate

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
        "--on", metavar="DATE", help="convert money at the ECB reference rate of DATE (YYYY-MM-DD)"
    )

    show = commands.add_parser("show", help="show a prebuilt park")
    show.add_argument("park", help="the park's key, e.g. 'qingdao'")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument(
        "--locale",
        default="en_US",
        help="CLDR locale of the text fact sheet, e.g. 'zh_CN' or 'de_DE' (default: en_US; "
        "the process's locale is never used)",
    )

    audit = commands.add_parser("audit", help="compare a park's reported figures with exact ones")
    audit.add_argument("park", help="the park's key, e.g. 'qingdao'")
    audit.add_argument("--format", choices=("text", "json"), default="text")
    audit.add_argument(
        "--on", metavar="DATE", help="date of the exchange rates (default: the park's launch)"
    )
    audit.add_argument(
        "--rel-tol", type=float, default=None, help="relative difference taken as agreement"
    )

    dump = commands.add_parser("dump", help="write a prebuilt park as JSON or TOML")
    dump.add_argument("park", help="the park's key, e.g. 'qingdao'")
    dump.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    dump.add_argument(
        "--format",
        choices=("json", "toml"),
        help="file format (default: from FILE's suffix, else json)",
    )

    validate = commands.add_parser("validate", help="check a park file (JSON or TOML)")
    validate.add_argument("file", help="the file to check, e.g. 'park.toml'")
    diagram = commands.add_parser("diagram", help="draw a prebuilt park's structure")
    diagram.add_argument("park", help="the park's key, e.g. 'qingdao'")
    diagram.add_argument("--format", choices=("mermaid", "svg"), default="mermaid")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 bad input, 2 usage)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.command == "convert":
            from .conversion import convert
            from .units import plain_quantity

            on = _date(args.on)
            rate = None if args.rate is not None or on is None else _dated_rate(args, on)
            result = convert(args.value, args.unit, rate=rate or args.rate, on=on)
            print(plain_quantity(result, digits=10))
            if rate is not None:
                print(_describe_rate(rate))
        elif args.command == "show":
            from .data import get_park

            park = get_park(args.park)
            if args.format == "json":
                from .serialization import to_dict

                print(json.dumps(to_dict(park), ensure_ascii=False, indent=2))
            else:
                from .formatting import describe

                print(describe(park, locale=args.locale))
        elif args.command == "audit":
            _audit(args)
        elif args.command == "dump":
            return _dump(args.park, args.output, args.format)
        elif args.command == "validate":
            return _validate(args.file)
        elif args.command == "diagram":
            from . import diagram
            from .data import get_park

            draw = diagram.to_svg if args.format == "svg" else diagram.to_mermaid
            sys.stdout.write(draw(get_park(args.park)))
    except AiparkError as exc:
        print(f"aipark: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{text!r} is not a date (YYYY-MM-DD)") from None


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
    from .data import get_park

    park = get_park(args.park)
    rel_tol = DEFAULT_REL_TOL if args.rel_tol is None else args.rel_tol
    findings = audit(park, on=_date(args.on), rel_tol=rel_tol)
    if args.format == "json":
        from .serialization import to_dict

        print(json.dumps(to_dict(findings), ensure_ascii=False, indent=2))
    else:
        print(format_findings(findings, title=f"Audit of {park.name}"))


def _dump(key: str, output: str | None, fmt: Literal["json", "toml"] | None) -> int:
    from pathlib import Path

    from .data import get_park
    from .io import FORMATS, dump, dumps

    park = get_park(key)
    if output is None:
        sys.stdout.write(dumps(park, fmt or "json"))
        return 0
    try:
        dump(park, output, format=fmt or FORMATS.get(Path(output).suffix.lower(), "json"))
    except OSError as exc:
        print(f"aipark: error: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0


def _validate(file: str) -> int:
    """Check a file; list every error on its own line, prefixed with the file's name."""
    from .errors import LoadError
    from .io import load

    try:
        park = load(file)
    except LoadError as exc:
        for error in exc.errors:
            print(f"{exc.file}: {error}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"aipark: error: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"{file}: ok ({park.name})")
    return 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
