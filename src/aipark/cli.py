"""The ``aipark`` command: convert units and show prebuilt parks.

``run(argv)`` returns an exit code and is what tests call; ``main()`` is the
console script.  Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import AiparkError

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

    show = commands.add_parser("show", help="show a prebuilt park")
    show.add_argument("park", help="the park's key, e.g. 'qingdao'")
    show.add_argument("--format", choices=("text", "json"), default="text")
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
            from .convert import convert
            from .formatting import format_quantity

            print(format_quantity(convert(args.value, args.unit, rate=args.rate), digits=10))
        elif args.command == "show":
            from .data import get_park

            park = get_park(args.park)
            if args.format == "json":
                from .serialization import to_dict

                print(json.dumps(to_dict(park), ensure_ascii=False, indent=2))
            else:
                from .formatting import describe

                print(describe(park))
    except AiparkError as exc:
        print(f"aipark: error: {exc}", file=sys.stderr)
        return 1
    return 0


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
