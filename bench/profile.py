"""Where a rerun's server time goes: `python -m bench.profile lookup|case [--runs N] [--top N]`.

Runs app.py under Streamlit's AppTest (in this process, the shipped pack, no
network), warms the page up, then profiles N interactions with cProfile and
prints the functions that cost most, by time spent in the function itself
("own") and by time including what it calls ("total"), in CPU time of the
script thread (a wait for a core or the GIL is not counted). Only time in this
repository's code and the libraries it calls; the figures are for reading
beside each other, not for targets (cProfile slows calls down, small ones
most).

- lookup: the look-up at /?age=9, each run changes the age (a new band each time);
- case: the case page with an age, a behaviour chosen and every criterion
  answered, each run changes one criterion's answer.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in {None, ""}:  # run as `python bench/profile.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest

from bench.server_time import environment
from bench.streamlit_server import machine_busy_percent, machine_cpu_ticks
from bench.targets import APP_ENV, APP_SCRIPT, age_for, band_heading, shipped_pack

Step = Callable[[AppTest, int], None]


def _lookup() -> tuple[Callable[[AppTest], None], Step, Callable[[int], str]]:
    def prepare(at: AppTest) -> None:
        at.query_params["age"] = "9"

    def step(at: AppTest, i: int) -> None:
        at.number_input(key="lookup_age").set_value(age_for(i))

    return prepare, step, band_heading


def _case() -> tuple[Callable[[AppTest], None], Step, Callable[[int], str]]:
    pack = shipped_pack()
    criteria = [c.id for c in pack.criteria]

    def prepare(at: AppTest) -> None:
        at.switch_page("pages/case.py")
        at.session_state["case_age"] = 9

    def step(at: AppTest, i: int) -> None:
        if not at.session_state["case_behaviours"] if "case_behaviours" in at.session_state else True:
            options = at.multiselect(key="case_behaviours").options
            at.multiselect(key="case_behaviours").set_value([options[0]] if options else [])
        answers = ("yes", "no", "unknown")
        radio = at.radio(key=f"case_crit_{criteria[i % len(criteria)]}")
        radio.set_value(radio.options[(i // len(criteria)) % len(answers)] if radio.options else None)

    return prepare, step, lambda i: "Suggested level"


PAGES = {"lookup": _lookup, "case": _case}


def profile(page: str, runs: int, top: int, warmup: int = 3, dump: str | None = None) -> str:
    prepare, step, expect = PAGES[page]()
    with environment(APP_ENV):
        at = AppTest.from_file(str(APP_SCRIPT), default_timeout=60)
        prepare(at)
        at.run()
        for i in range(warmup):
            step(at, i)
            at.run()
        # AppTest runs the script in a new thread each run; cProfile follows one thread, so each
        # script thread starts its own profiler (threading.setprofile runs in every new thread).
        profilers: list[cProfile.Profile] = []

        def start_in_thread(*_args: object) -> None:
            profiler = cProfile.Profile(time.thread_time)  # CPU time of this thread: waits are not costs
            profilers.append(profiler)
            profiler.enable()  # replaces this hook for the rest of the thread

        machine_before = machine_cpu_ticks()
        started_wall, started_cpu = time.perf_counter(), time.process_time()
        for i in range(runs):
            step(at, warmup + i)
            threading.setprofile(start_in_thread)
            at.run()
            threading.setprofile(None)
            if at.exception:
                raise RuntimeError(f"the page raised: {at.exception[0].value}")
            text = "\n".join(str(getattr(e, "value", "")) for e in at.markdown) + "\n".join(
                str(getattr(e, "value", "")) for e in at.header
            )
            if expect(warmup + i) not in text:
                raise RuntimeError(f"run {i}: '{expect(warmup + i)}' is not on the page")
        wall = time.perf_counter() - started_wall
        cpu = time.process_time() - started_cpu
        busy = machine_busy_percent(machine_before, machine_cpu_ticks())
    out = io.StringIO()
    out.write(
        f"{page}: {runs} reruns under cProfile, {1000 * wall / runs:.1f} ms wall and {1000 * cpu / runs:.1f} ms CPU "
        f"per run (profiled, so slower than real), machine busy {busy:.0f}%\n"
    )
    if not profilers:
        raise RuntimeError("no script thread was profiled")
    stats = pstats.Stats(profilers[0], stream=out)
    for other in profilers[1:]:
        stats.add(other)
    if dump:
        stats.dump_stats(dump)
    stats.strip_dirs()
    for key, title in (("tottime", "own time"), ("cumulative", "total time, including callees")):
        out.write(f"\n--- top {top} by {title} ---\n")
        stats.sort_stats(key).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=sorted(PAGES))
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--warmup", type=int, default=20, help="runs before profiling (20: every age once, so kept cards are warm)"
    )
    parser.add_argument("--dump", help="also write the raw pstats to this file (for snakeviz and the like)")
    args = parser.parse_args(argv)
    os.chdir(Path(APP_SCRIPT).parent)
    print(profile(args.page, args.runs, args.top, warmup=args.warmup, dump=args.dump))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
