"""Timing of content loading and search, fed with callables so the real loader plugs in.

The behaviours package will provide `load_pack(path)` and `Pack.search(text)`,
and a generator of synthetic packs 10 and 100 times the default one; until
then bench/targets.py feeds the stand-in in bench/baselines/standin_pack.py.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.report import Row
from bench.stats import Stats, summarise


def time_calls(
    fn: Callable[..., object],
    args_list: Sequence[tuple[Any, ...]],
    warmup: int = 1,
    repeat: int = 1,
) -> Stats:
    """Time `fn(*args)` for every args in `args_list`, `repeat` times over.

    The first `warmup` calls (going round `args_list`) are made untimed, so
    imports and first-call caches do not count. Stats: p50, p95, mean, n (ms).
    """
    if not args_list:
        raise ValueError("args_list is empty: nothing to time")
    for index in range(warmup):
        fn(*args_list[index % len(args_list)])
    samples = []
    for _ in range(repeat):
        for args in args_list:
            started = time.perf_counter()
            fn(*args)
            samples.append(time.perf_counter() - started)
    return summarise(samples)


@dataclass(frozen=True)
class ContentPlug:
    """What the content timings need from the behaviours package.

    `make_pack(factor, folder)` writes a synthetic pack `factor` times the
    default one into `folder` and returns the path `load_pack` takes.
    `search(pack, text)` runs one search; `queries` are what practitioners
    would type.
    """

    name: str
    load_pack: Callable[[Path], Any]
    search: Callable[[Any, str], object]
    make_pack: Callable[[int, Path], Path]
    queries: Sequence[str]
    default_pack: Path | None = None


def measure_content(plug: ContentPlug, factors: Sequence[int], repeats: int, warmup: int) -> list[Row]:
    """Load and search packs of each size; ratios of each size to the smallest.

    Size 1 is the default pack when `default_pack` is given, otherwise one
    made by `make_pack(1, ...)`.
    """
    rows: list[Row] = []
    smallest: dict[str, Row] = {}
    with tempfile.TemporaryDirectory(prefix="bench-packs-") as scratch:
        for factor in factors:
            if factor == 1 and plug.default_pack is not None:
                path = plug.default_pack
            else:
                path = plug.make_pack(factor, Path(scratch) / f"pack-{factor}x")
            label = f"{factor}x pack"
            load = time_calls(plug.load_pack, [(path,)], warmup=warmup, repeat=repeats)
            pack = plug.load_pack(path)
            search = time_calls(
                lambda text, pack=pack: plug.search(pack, text),
                [(text,) for text in plug.queries],
                warmup=warmup,
                repeat=max(1, math.ceil(repeats / len(plug.queries))),
            )
            for measure, stats in ((f"load {label}", load), (f"search {label}", search)):
                row = Row("content", plug.name, measure, stats, figures={"pack size": factor})
                kind = measure.split()[0]
                row.compare_with("1x", smallest.get(kind))
                smallest.setdefault(kind, row)
                rows.append(row)
    return rows
