"""Load time of the 10x pack (the realistic ceiling, issue 22.6): libyaml feeding the strict composer, and the pure reader.

`python -m bench.pack_load [FACTOR]` builds the synthetic pack (bench/synthetic_pack.py,
default 10 times the shipped one) and prints the seconds `load_pack` takes with each
reader: the median and slowest of five loads, wall clock and this process's CPU time
(on a shared machine the CPU time says what the load costs; the wall time, what a
person waits). The target is a median under 1.5 s with libyaml, the app's reader.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from behaviours.pack import yamlsource
from behaviours.pack.loader import load_pack
from bench.synthetic_pack import make_pack

RUNS = 5
TARGET_S = 1.5


def timed(pack: Path, libyaml: bool) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each of RUNS loads with the given reader."""
    saved = yamlsource.use_libyaml
    yamlsource.use_libyaml = libyaml
    try:
        seconds = []
        for _ in range(RUNS):
            wall, cpu = time.perf_counter(), time.process_time()
            load_pack(pack)
            seconds.append((time.perf_counter() - wall, time.process_time() - cpu))
        return seconds
    finally:
        yamlsource.use_libyaml = saved


def main(argv: list[str]) -> int:
    factor = int(argv[0]) if argv else 10
    with tempfile.TemporaryDirectory() as tmp:
        pack = make_pack(Path(tmp) / "pack", factor)
        size = sum(path.stat().st_size for path in pack.rglob("*.yaml"))
        behaviours = len(load_pack(pack).all_behaviours)
        print(f"{factor}x pack: {behaviours:,} behaviours, {size:,} bytes of YAML")
        readers = ([("libyaml + strict composer (the app's reader)", True)] if yamlsource.LIBYAML else []) + [
            ("pure-Python strict reader", False)
        ]
        for name, libyaml in readers:
            runs = timed(pack, libyaml)
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            slowest = max(w for w, _ in runs)
            print(
                f"load_pack with {name}: median of {RUNS} {wall:.2f} s wall ({cpu:.2f} s CPU), slowest {slowest:.2f} s"
            )
        print(f"target: median under {TARGET_S} s with the app's reader")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
