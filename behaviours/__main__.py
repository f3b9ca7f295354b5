"""Command line: ``python -m behaviours check [PACK_DIR]``, the check an editor runs after an edit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from behaviours.loader import check_pack, default_pack_dir, display_path


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit code (0 valid, 1 errors, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m behaviours",
        description="Tools for Traffic Light Reference content packs.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="validate a content pack and list every problem")
    check.add_argument("pack_dir", nargs="?", help="the pack folder (default: TRAFFIC_LIGHT_PACK or the shipped pack)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    if args.command != "check":
        parser.print_usage(sys.stderr)
        print("python -m behaviours: error: say which command, e.g. 'check'", file=sys.stderr)
        return 2
    target = Path(args.pack_dir) if args.pack_dir else default_pack_dir()
    if not target.is_dir():
        print(
            f"python -m behaviours: error: {display_path(target)} is not a folder; give the folder that holds pack.yaml",
            file=sys.stderr,
        )
        return 2
    errors, warnings = check_pack(target)
    for problem in [*errors, *warnings]:
        print(problem)
    name = display_path(target)
    if errors:
        print(
            f"{len(errors)} error{'s' if len(errors) != 1 else ''}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''} in {name}: the pack cannot be used until the errors are fixed."
        )
        return 1
    print(f"0 errors, {len(warnings)} warning{'s' if len(warnings) != 1 else ''} in {name}: the pack is valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
