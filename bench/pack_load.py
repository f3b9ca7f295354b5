"""Load time of the 100-times pack with the pure-Python YAML reader and with libyaml.

`python -m bench.pack_load [FACTOR]` builds the synthetic pack (bench/synthetic_pack.py,
default 100 times the shipped one) and prints the seconds `load_pack` takes with each
reader (best and median of a few runs), so the gain of issue 17.4 can be seen.
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

RUNS = 3


def timed(pack: Path, fast: bool) -> list[float]:
    yamlsource.use_libyaml = fast
    seconds = []
    for _ in range(RUNS):
        started = time.perf_counter()
        load_pack(pack)
        seconds.append(time.perf_counter() - started)
    return seconds


def main(argv: list[str]) -> int:
    factor = int(argv[0]) if argv else 100
    with tempfile.TemporaryDirectory() as tmp:
        pack = make_pack(Path(tmp) / "pack", factor)
        size = sum(path.stat().st_size for path in pack.rglob("*.yaml"))
        print(f"{factor}x pack: {size:,} bytes of YAML")
        readers = [("pure-python", False)] + (
            [("libyaml (fast path, then strict)", True)] if yamlsource.LIBYAML else []
        )
        for name, fast in readers:
            seconds = timed(pack, fast)
            print(f"load_pack with {name}: best {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
