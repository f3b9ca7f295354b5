"""Command line for editors:

- ``python -m behaviours check [PACK_DIR]``: the check an editor runs after an edit;
- ``python -m behaviours export-site OUT [--pack PACK_DIR]``: writes the offline reference;
- ``python -m behaviours diff OLD NEW``: what changed between two packs, as Markdown for sign-off;
- ``python -m behaviours review [PACK_DIR]``: everything with a review date, due first;
- ``python -m behaviours agreement [--database URL]``: the items saved training rooms read most differently.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from behaviours.pack.loader import check_pack, default_pack_dir, display_path


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit code (0 valid, 1 errors, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m behaviours",
        description="Tools for Traffic Light Reference content packs.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="validate a content pack and list every problem")
    check.add_argument("pack_dir", nargs="?", help="the pack folder (default: TRAFFIC_LIGHT_PACK or the shipped pack)")
    export = commands.add_parser("export-site", help="write the offline reference (static HTML) into a folder")
    export.add_argument("out_dir", help="the folder to write into (created if needed)")
    export.add_argument(
        "--pack", dest="pack_dir", help="the pack folder (default: TRAFFIC_LIGHT_PACK or the shipped pack)"
    )
    diff = commands.add_parser("diff", help="what changed between two packs, as Markdown for a board to sign off")
    diff.add_argument("old_dir", help="the pack as it was (e.g. a copy of the version now live)")
    diff.add_argument("new_dir", help="the pack as edited")
    diff.add_argument("--out", help="write the report to this file instead of the screen")
    review = commands.add_parser("review", help="list everything with a review date, due first")
    review.add_argument("pack_dir", nargs="?", help="the pack folder (default: TRAFFIC_LIGHT_PACK or the shipped pack)")
    agreement = commands.add_parser(
        "agreement", help="the items saved training rooms disagree on most, with the counts, as Markdown"
    )
    agreement.add_argument(
        "--database", help="the results database (default: TRAFFIC_LIGHT_DATABASE_URL or .data/results.sqlite3)"
    )
    agreement.add_argument(
        "--pack",
        dest="pack_dir",
        help="the pack whose words name the items (default: TRAFFIC_LIGHT_PACK or the shipped pack)",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    if args.command == "export-site":
        return export_site_command(Path(args.out_dir), Path(args.pack_dir) if args.pack_dir else None)
    if args.command == "diff":
        return diff_command(Path(args.old_dir), Path(args.new_dir), Path(args.out) if args.out else None)
    if args.command == "review":
        return review_command(Path(args.pack_dir) if args.pack_dir else default_pack_dir())
    if args.command == "agreement":
        return agreement_command(args.database, Path(args.pack_dir) if args.pack_dir else None)
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


def export_site_command(out_dir: Path, pack_dir: Path | None) -> int:
    """Write the offline reference; a pack with errors is never exported: its problems are listed instead."""
    from behaviours.core.clock import today
    from behaviours.documents.site import export_site
    from behaviours.pack.loader import PackError, load_pack

    target = pack_dir or default_pack_dir()
    if _not_a_folder(target):
        return 2
    try:
        pack = load_pack(target)
    except PackError as exc:
        for problem in [*exc.problems, *exc.warnings]:
            print(problem, file=sys.stderr)
        print(
            f"{len(exc.problems)} error{'s' if len(exc.problems) != 1 else ''} in {display_path(target)}: "
            "nothing was exported; fix the errors and export again.",
            file=sys.stderr,
        )
        return 1
    written = export_site(pack, out_dir, today())
    print(f"Wrote {len(written)} pages of the offline reference to {display_path(out_dir)}.")
    return 0


def _not_a_folder(target: Path) -> bool:
    if target.is_dir():
        return False
    print(
        f"python -m behaviours: error: {display_path(target)} is not a folder; give the folder that holds pack.yaml",
        file=sys.stderr,
    )
    return True


def diff_command(old_dir: Path, new_dir: Path, out: Path | None) -> int:
    """Write what changed from OLD to NEW. NEW must be a valid pack (a broken one lists its problems instead);
    OLD, the version now live, is compared as it is even where today's checks, tightened since, find problems in
    it: the report says how many, so the sign-off can see them."""
    from behaviours.pack.diff import diff_report
    from behaviours.pack.loader import PackError, load_live_pack, load_pack

    if _not_a_folder(old_dir) or _not_a_folder(new_dir):
        return 2
    try:
        old, old_problems = load_live_pack(old_dir)
    except PackError as exc:
        return _not_comparable(old_dir, exc)
    try:
        new = load_pack(new_dir)
    except PackError as exc:
        return _not_comparable(new_dir, exc)
    report = diff_report(old, new, display_path(old_dir), display_path(new_dir))
    if old_problems:
        signature = report.rfind("\nSigned off by:")
        tail = report[signature:] if signature >= 0 else ""
        report = (
            (report[:signature] if signature >= 0 else report)
            + (
                f"\n## Checks the old pack no longer passes\n\n{display_path(old_dir)} has {len(old_problems)} "
                "problem(s) under today's checks (they were added or tightened since it was published); the new pack "
                "passes them all:\n\n" + "".join(f"- {problem}\n" for problem in old_problems)
            )
            + tail
        )
    if out is None:
        sys.stdout.write(report)
    else:
        out.write_text(report, encoding="utf-8")
        print(f"Wrote the report of what changed to {display_path(out)}.")
    return 0


def _not_comparable(target: Path, exc: Exception) -> int:
    for problem in getattr(exc, "problems", []):
        print(problem, file=sys.stderr)
    print(
        f"{display_path(target)} has errors, so it cannot be compared; fix them (python -m behaviours check) "
        "and run diff again.",
        file=sys.stderr,
    )
    return 1


def review_command(target: Path) -> int:
    """List every review date in the pack, due first; the list is shown even when the pack has errors."""
    from behaviours.core.clock import today
    from behaviours.pack import references
    from behaviours.pack.reader import read_pack
    from behaviours.pack.review import review_items, review_report

    if _not_a_folder(target):
        return 2
    content = read_pack(target)
    info = content.models.get("pack.yaml")
    directory = content.models.get("contacts.yaml")
    filled = references.values(directory) if directory is not None else {}
    name = references.resolve(info.name, filled) if info is not None else display_path(target)
    sys.stdout.write(review_report(review_items(content), today(), name))
    if content.errors:
        print(
            f"Note: {display_path(target)} has errors that stop the app showing it; "
            "run python -m behaviours check to list them.",
        )
    return 0


def agreement_command(database: str | None, pack_dir: Path | None) -> int:
    """Print the report of saved rooms (python -m behaviours agreement); exit 1 when the database cannot be read."""
    from behaviours.pack.loader import PackError, load_pack
    from behaviours.pack.model import Scenario
    from behaviours.training.reports import agreement_report
    from behaviours.training.results import ResultStore, database_url
    from behaviours.training.rooms import ItemKind, find_item

    store = ResultStore(database_url({"TRAFFIC_LIGHT_DATABASE_URL": database}) if database else None)
    outcome = store.load_results()
    store.close()
    if not outcome.ok:
        print(f"python -m behaviours agreement: {outcome.message}", file=sys.stderr)
        return 1
    try:
        pack = load_pack(pack_dir or default_pack_dir())
    except PackError:
        pack = None  # the report still lists the items by id

    def describe(kind: str, item_id: str) -> str | None:
        if pack is None or kind not in {k.value for k in ItemKind}:
            return None
        item = find_item(pack, ItemKind(kind), item_id)
        return None if item is None else item.title if isinstance(item, Scenario) else item.text

    sys.stdout.write(agreement_report(outcome.results, describe=describe))
    return 0


if __name__ == "__main__":
    sys.exit(main())
