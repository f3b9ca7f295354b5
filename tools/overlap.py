"""Count six-word runs the content pack shares with source texts you have on disk.

A check for our own words (issue 13.8): give it a folder of plain-text files
copied from public sources (Brook, True, NSPCC, KCSIE pages). Keep those files
outside the repository, e.g. in /tmp: this project never stores source text.

    python tools/overlap.py /tmp/sources            # the shipped pack
    python tools/overlap.py /tmp/sources --pack path/to/pack --show

It prints how many distinct six-word runs the pack has, how many also occur in
the sources, and (with --show) each shared run, so an editor can reword it.
Not part of the app; no test depends on the source files.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

RUN = 6
# Field names whose values are never read as prose (ids, links, numbers, vocabularies).
NOT_PROSE = {
    "id",
    "level",
    "theme",
    "ages",
    "link",
    "value",
    "kind",
    "status",
    "days",
    "opens",
    "closes",
    "band",
    "answer",
    "raises_to",
    "audience",
    "hackett",
    "contacts",
    "deciding_criteria",
    "out_of_hours",
    "version",
    "keywords",
    "synonyms",
}
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def prose(node: object, key: str | None = None) -> Iterator[str]:
    """Every piece of prose in a parsed YAML document."""
    if key in NOT_PROSE:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from prose(v, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from prose(item, key)


def words(text: str) -> list[str]:
    """Lower-case words, with curly apostrophes made straight."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    """The distinct runs of ``size`` consecutive words in one piece of text."""
    found = words(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def pack_runs(pack_dir: Path, size: int = RUN) -> set[tuple[str, ...]]:
    """Six-word runs across every piece of prose in the pack (never across two pieces)."""
    result: set[tuple[str, ...]] = set()
    for path in sorted(pack_dir.rglob("*.yaml")):
        for piece in prose(yaml.safe_load(path.read_text(encoding="utf-8"))):
            result |= runs(piece, size)
    return result


def source_runs(source_dir: Path, size: int = RUN) -> set[tuple[str, ...]]:
    """Six-word runs in every .txt file of the source folder."""
    result: set[tuple[str, ...]] = set()
    for path in sorted(source_dir.glob("*.txt")):
        result |= runs(path.read_text(encoding="utf-8", errors="replace"), size)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sources", type=Path, help="folder of .txt files copied from sources (keep it outside the repo)"
    )
    parser.add_argument("--pack", type=Path, default=Path(__file__).resolve().parents[1] / "behaviours" / "content")
    parser.add_argument("--show", action="store_true", help="print each shared run")
    parser.add_argument("--size", type=int, default=RUN, help="words per run (default 6)")
    args = parser.parse_args(argv)
    if not args.sources.is_dir() or not any(args.sources.glob("*.txt")):
        print(f"{args.sources}: no .txt source files found", file=sys.stderr)
        return 2
    ours, theirs = pack_runs(args.pack, args.size), source_runs(args.sources, args.size)
    shared = sorted(ours & theirs)
    print(f"pack: {len(ours)} distinct {args.size}-word runs; sources: {len(theirs)}; shared: {len(shared)}")
    if args.show:
        for run in shared:
            print("  " + " ".join(run))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
