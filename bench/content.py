"""Timing of content loading and search, fed with callables so the real loader plugs in.

bench/targets.py plugs in `behaviours.load_pack(path)`, `behaviours.answers.finding.search(pack, text)`
and bench/synthetic_pack.py, which makes a pack 10 times the shipped
one in a temporary folder at bench time.
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
from bench.streamlit_server import machine_busy_percent, machine_cpu_ticks


def time_calls(
    fn: Callable[..., object],
    args_list: Sequence[tuple[Any, ...]],
    warmup: int = 1,
    repeat: int = 1,
    cpu_seconds: list[float] | None = None,
    pause_s: float = 0.0,
) -> Stats:
    """Time `fn(*args)` for every args in `args_list`, `repeat` times over.

    The first `warmup` calls (going round `args_list`) are made untimed, so
    imports and first-call caches do not count. Stats: p50, p95, mean, n (ms).
    Given a list, `cpu_seconds` gets each call's CPU time (this process):
    beside the wall time it shows whether a slow call worked or waited for a
    core on a busy machine. `pause_s` waits (untimed) before each call, as
    separate requests from people arrive, rather than calling back to back.
    """
    if not args_list:
        raise ValueError("args_list is empty: nothing to time")
    for index in range(warmup):
        fn(*args_list[index % len(args_list)])
    samples = []
    for _ in range(repeat):
        for args in args_list:
            if pause_s:
                time.sleep(pause_s)
            cpu_started = time.process_time()
            started = time.perf_counter()
            fn(*args)
            samples.append(time.perf_counter() - started)
            if cpu_seconds is not None:
                cpu_seconds.append(time.process_time() - cpu_started)
    return summarise(samples)


@dataclass(frozen=True)
class ContentPlug:
    """What the content timings need from the behaviours package.

    `make_pack(dest, factor)` writes a pack `factor` times the default one
    into the folder `dest` (which must not exist) and returns the path
    `load_pack` takes. `search(pack, text)` runs one search; `queries(pack)`
    gives the texts to time, drawn from the default pack (the same list for
    every size, so sizes compare). `size(pack)` counts what the pack holds
    (behaviours), shown beside each size.
    """

    name: str
    load_pack: Callable[[Path], Any]
    search: Callable[[Any, str], object]
    make_pack: Callable[[Path, int], Path]
    queries: Callable[[Any], Sequence[str]]
    default_pack: Path
    size: Callable[[Any], int] | None = None


# Searches from people arrive as separate requests, not back to back: the paced rows wait this long
# (untimed) before each search, so a search starts as a request does, on a thread that was waiting.
PACED_S = 0.002


def load_repeats(repeats: int, factor: int, least: int = 2) -> int:
    """How often to load a pack `factor` times the default: fewer as it grows, so a run stays bounded."""
    return max(least, math.ceil(repeats / factor))


def measure_content(
    plug: ContentPlug,
    factors: Sequence[int],
    repeats: int,
    warmup: int,
    paced: bool = False,
    least_loads: int = 2,
) -> list[Row]:
    """Load and search the default pack and packs `factors` times its size, made now in a temporary folder.

    Per size: `load` (read and validate every file, `load_repeats` times),
    `first search` (the first search on a freshly loaded pack, which builds
    the index), and `search` (every query once, on a pack whose index is
    built); with `paced`, also `search, 2 ms apart,` (the same queries, each
    after an untimed pause). Each size is loaded at least `least_loads` times.
    Ratios: each size to the default pack, the same measure.
    """
    rows: list[Row] = []
    smallest: dict[str, Row] = {}
    default = plug.load_pack(plug.default_pack)
    queries = list(plug.queries(default))
    with tempfile.TemporaryDirectory(prefix="bench-packs-") as scratch:
        for factor in factors:
            path = plug.default_pack if factor == 1 else plug.make_pack(Path(scratch) / f"pack-{factor}x", factor)
            # Only the first size needs a warm-up: imports and caches are warm after it.
            skip = warmup if factor == factors[0] else 0
            loads, first_searches = [], []
            pack = default
            for repetition in range(skip + load_repeats(repeats, factor, least_loads)):
                # The previous copy is freed before the clock starts: freeing a large pack takes time
                # too, and is not part of loading one.
                pack = None
                started = time.perf_counter()
                pack = plug.load_pack(path)
                loaded = time.perf_counter()
                plug.search(pack, queries[0])
                searched = time.perf_counter()
                if repetition >= skip:
                    loads.append(loaded - started)
                    first_searches.append(searched - loaded)
            timed: dict[str, tuple[Stats, list[float], float]] = {}
            for kind, pause in (("search", 0.0), ("search, 2 ms apart,", PACED_S))[: 2 if paced else 1]:
                cpu: list[float] = []
                busy_before = machine_cpu_ticks()
                stats = time_calls(
                    lambda text, pack=pack: plug.search(pack, text),
                    [(q,) for q in queries],
                    warmup=0,
                    cpu_seconds=cpu,
                    pause_s=pause,
                )
                timed[kind] = (stats, cpu, machine_busy_percent(busy_before, machine_cpu_ticks()))
            figures = {"pack size": f"{factor}x"}
            if plug.size is not None:
                figures["behaviours"] = plug.size(pack)
            label = f"{factor}x pack"
            measures = (
                ("load", summarise(loads)),
                ("first search", summarise(first_searches)),
                *((kind, stats) for kind, (stats, _, _) in timed.items()),
            )
            for kind, stats in measures:
                row = Row("content", plug.name, f"{kind} {label}", stats, figures=dict(figures))
                if kind in timed:
                    _, cpu, busy = timed[kind]
                    cpu_stats = summarise(cpu)
                    row.figures.update({"CPU p95 ms": cpu_stats.p95_ms, "machine busy %": busy})
                    row.details["cpu"] = cpu_stats.as_dict()
                row.compare_with("1x", smallest.get(kind))
                smallest.setdefault(kind, row)
                rows.append(row)
    return rows
