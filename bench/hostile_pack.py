"""How long the pack checker takes to refuse a hostile pack, and how much it says.

`python -m bench.hostile_pack` copies the shipped pack, puts a 1 MiB file of about
105,000 one-line keys in place of criteria.yaml (the case of issue 11), and prints
the seconds `check_pack` takes (best and median of a few runs) and the size of the
error text a user could be sent. A separate figure, never a timed test.
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from behaviours.pack.loader import SHIPPED_PACK, check_pack
from behaviours.pack.yamlsource import YamlRejected, read_yaml_file

RUNS = 3


def many_keys(limit: int = 1024 * 1024 - 1) -> str:
    """About 105,000 lines 'keyN: N', cut to just under 1 MiB."""
    text = "".join(f"k{n}: 1\n" for n in range(150_000))[:limit]
    return text[: text.rindex("\n") + 1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack"
        shutil.copytree(SHIPPED_PACK, pack)
        started = time.perf_counter()
        check_pack(pack)
        print(f"shipped pack, for comparison: check_pack {time.perf_counter() - started:.2f} s")
        text = many_keys()
        (pack / "criteria.yaml").write_text(text, encoding="utf-8")
        seconds = []
        for _ in range(RUNS):
            started = time.perf_counter()
            errors, _ = check_pack(pack)
            seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        with contextlib.suppress(YamlRejected):
            read_yaml_file(pack / "criteria.yaml", "criteria.yaml")
        print(f"the hostile file alone: read and refused in {time.perf_counter() - started:.3f} s")
        said = "\n".join(str(problem) for problem in errors)
        print(f"hostile pack: criteria.yaml of {len(text):,} bytes, {text.count(chr(10)):,} keys")
        print(f"check_pack: best {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s over {RUNS} runs")
        print(f"errors: {len(errors):,}, error text {len(said.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
