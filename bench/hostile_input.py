"""Timing of hostile input: 10 KB search queries, and pack files the YAML reader must refuse.

The unit tests bound the work these do by counting calls, which gives the same
answer on any machine (tests/work.py; tests/unit/test_queries.py and
tests/unit/test_yaml_properties.py). How long they take is measured here, each
beside a harmless baseline of the same kind, and printed, never asserted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from behaviours import load_pack
from behaviours.answers.finding import search
from behaviours.pack.yamlsource import YamlRejected, parse_yaml_text
from bench.content import time_calls
from bench.report import Row
from bench.synthetic_pack import shipped_pack_dir

SHORT_QUERY = "touching"
LONG_QUERIES = {
    "1,200 words": "touching " * 1200,
    "one 10,000-letter word": "touching " + "x" * 10_000,
    "5,000 question marks": "touching" + " ?" * 5_000,
}

PLAIN_YAML = "a: [lol, lol, lol]\nb: text\n"
YAML_BOMBS = {
    "billion laughs": 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "quadratic blow-up": "x: &x " + "lol" * 50_000 + "\ny: [" + ", ".join(["*x"] * 5_000) + "]\n",
    "5,000 open brackets": "a: " + "[" * 5_000,
}


def _read(text: str) -> None:
    with contextlib.suppress(YamlRejected):
        parse_yaml_text(text, "bench.yaml")


def _rows(
    measure: Callable[[str], object], baseline: tuple[str, str], hostile: dict[str, str], repeats: int
) -> list[Row]:
    label, text = baseline
    first = Row("content", "hostile input", label, time_calls(measure, [(text,)], warmup=1, repeat=repeats))
    rows = [first]
    for name, value in hostile.items():
        row = Row("content", "hostile input", name, time_calls(measure, [(value,)], warmup=1, repeat=repeats))
        row.compare_with("baseline", first)
        rows.append(row)
    return rows


def measure_hostile_input(repeats: int) -> list[Row]:
    """Search the shipped pack with 10 KB queries and read YAML bombs; ratios to a short query / a plain file."""
    pack = load_pack(shipped_pack_dir())
    search(pack, "warm the index")
    searches = _rows(lambda text: search(pack, text), (f"search '{SHORT_QUERY}'", SHORT_QUERY), LONG_QUERIES, repeats)
    for row in searches[1:]:
        row.measure = f"search {row.measure}"
    reads = _rows(_read, ("read a plain YAML file", PLAIN_YAML), YAML_BOMBS, repeats)
    for row in reads[1:]:
        row.measure = f"refuse {row.measure}"
    return searches + reads
