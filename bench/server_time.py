"""Server script-run time of a page with Streamlit's AppTest, compared with bare pages.

AppTest runs the script in this process, without a browser or a socket, so
the figure is the Python cost of one run of the page: what every click costs
the server before any network or rendering.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from bench.report import Row
from bench.stats import summarise
from bench.streamlit_server import machine_busy_percent, machine_cpu_ticks

BASELINES = Path(__file__).resolve().parent / "baselines"
BARE_APP = BASELINES / "bare_app.py"
HELLO_APP = BASELINES / "hello_app.py"


class _NoMissingContextWarning(logging.Filter):
    """AppTest sets widget values on the main thread, which logs "missing
    ScriptRunContext" on every interaction: noise in a benchmark. A filter,
    because Streamlit resets its loggers' levels whenever it reads config."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in str(record.msg)


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NoMissingContextWarning())

Interaction = Callable[[AppTest, int], object]
"""Changes widgets on an AppTest that has already run, e.g.
`lambda at, i: at.number_input[0].set_value(3 + i % 10)`. It must not call
`run()`: the harness times that. `i` is the repetition number, so a look-up
can ask for a different age each time."""


@dataclass(frozen=True)
class ServerTarget:
    """A page to time: its script, how to open it, and the interactions to time on it.

    `prepare` runs once on each fresh AppTest before its first run (for
    `at.switch_page("pages/lookup.py")`, query params or session state).
    `expect` maps an interaction's name to the text the page must show after
    repetition i (e.g. `lambda i: f"Band for age {1 + i % 17}"`), checked
    after the timed run so a look-up that silently stops working fails.
    `compare_elements` is the element count of the bare page it is compared
    with; left None, it is counted from the page after its first run.
    """

    name: str
    script: Path
    interactions: Mapping[str, Interaction] = field(default_factory=dict)
    prepare: Callable[[AppTest], object] | None = None
    expect: Mapping[str, Callable[[int], str]] = field(default_factory=dict)
    env: Mapping[str, str] = field(default_factory=dict)
    compare_elements: int | None = None


FIRST_RUN_NOTE = "" if hasattr(AppTest.from_string(""), "_bidi_component_manager") else "incl. AppTest component scan"


class ScriptRunError(RuntimeError):
    """The page raised while being timed, so its figures would mean nothing."""


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the script runs, then put them back."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _leaves(block: Block) -> Iterator[object]:
    for child in block.children.values():
        if isinstance(child, Block):
            yield from _leaves(child)
        else:
            yield child


def count_elements(at: AppTest) -> int:
    """How many elements (not containers) the last run drew, main area and sidebar."""
    return sum(1 for _ in _leaves(at.main)) + sum(1 for _ in _leaves(at.sidebar))


def page_text(at: AppTest) -> str:
    """The words the last run put on the page (bodies and labels), one element a line."""
    words = []
    for block in (at.main, at.sidebar):
        for element in _leaves(block):
            proto = getattr(element, "proto", None)
            for name in ("body", "label"):
                value = getattr(proto, name, None)
                if isinstance(value, str) and value:
                    words.append(value)
    return "\n".join(words)


_shared_component_manager: object | None = None


def _fresh(target: ServerTarget, timeout: float) -> AppTest:
    """A new AppTest for the target, as a new browser session would get.

    Each AppTest scans every installed package for v2 components on its first
    run (about 45 ms here), which a real server does once at start. Handing
    every AppTest the manager the first one built keeps that scan out of
    "first run". It is a private attribute: on a Streamlit without it the scan
    stays in, and the rows say so (see `FIRST_RUN_NOTE`).
    """
    global _shared_component_manager
    at = AppTest.from_file(str(Path(target.script).resolve()), default_timeout=timeout)
    if hasattr(at, "_bidi_component_manager"):
        if _shared_component_manager is None:
            at.run()  # builds the manager once; this run is not timed
            _shared_component_manager = at._bidi_component_manager
            at = AppTest.from_file(str(Path(target.script).resolve()), default_timeout=timeout)
        at._bidi_component_manager = _shared_component_manager
    if target.prepare is not None:
        target.prepare(at)
    return at


def _timed_run(at: AppTest, what: str) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if len(at.exception):
        raise ScriptRunError(f"{what}: the page raised: {at.exception[0].value}")
    return elapsed


def _sampled(
    repetitions: int,
    warmup: int,
    sample: Callable[[int], float],
    beside: Callable[[int], float] | None,
) -> tuple[list[float], list[float], float]:
    """Take `sample(i)` and, right after it, `beside(i)` for every repetition; drop the warm-up ones.

    Returns both lists of seconds and how busy the machine was meanwhile.
    Alternating the two keeps a neighbour's burst of work from landing on
    one side of a ratio only.
    """
    own: list[float] = []
    paired: list[float] = []
    busy_since = machine_cpu_ticks()
    for repetition in range(repetitions):
        elapsed = sample(repetition)
        beside_elapsed = beside(repetition) if beside is not None else None
        if repetition >= warmup:
            own.append(elapsed)
            if beside_elapsed is not None:
                paired.append(beside_elapsed)
    return own, paired, machine_busy_percent(busy_since, machine_cpu_ticks())


def count_page_elements(target: ServerTarget, timeout: float = 30.0) -> int:
    """How many elements the page draws on its first run (an untimed run)."""
    with environment(target.env):
        at = _fresh(target, timeout)
        _timed_run(at, "first run")
        return count_elements(at)


def time_script_runs(
    target: ServerTarget,
    repeats: int,
    warmup: int,
    timeout: float = 30.0,
    beside: ServerTarget | None = None,
) -> tuple[list[Row], int, list[Row]]:
    """Time a page's first run, plain rerun and each interaction; return rows, element count and `beside` rows.

    First run: a fresh AppTest each time (a new session opening the page).
    Rerun and interactions: one AppTest run again and again (a session in use).
    The first `warmup` repetitions of each are run and thrown away.

    `beside` (the bare page) is run right after every sample of the target:
    a first run after each first run, a rerun after each rerun and each
    interaction, so each of the target's rows is compared, as "bare", with
    samples taken in the same seconds. Its own rows (first run, rerun) come
    back third.
    """
    rows: list[Row] = []
    beside_rows: list[Row] = []
    with environment({**(beside.env if beside else {}), **target.env}):
        last: dict[str, AppTest] = {}

        def first_run(repetition: int) -> float:
            last["target"] = _fresh(target, timeout)
            return _timed_run(last["target"], "first run")

        def beside_first_run(repetition: int) -> float:
            assert beside is not None
            last["beside"] = _fresh(beside, timeout)
            return _timed_run(last["beside"], f"first run of {beside.name}")

        def beside_rerun(repetition: int) -> float:
            return _timed_run(last["beside"], f"rerun of {beside.name if beside else ''}")

        has_beside = beside is not None
        samples, paired, busy = _sampled(warmup + repeats, warmup, first_run, beside_first_run if has_beside else None)
        at = last["target"]
        elements = count_elements(at)

        def add(measure: str, own: list[float], pairs: list[float], busy: float, elements: int) -> None:
            row = Row(
                "server",
                target.name,
                measure,
                summarise(own),
                figures={"elements": elements, "machine busy %": busy},
                note=FIRST_RUN_NOTE if measure == "first run" else "",
            )
            if beside is not None:
                bare = Row("server", beside.name, measure, summarise(pairs))
                row.compare_with("bare", bare)
                row.details["bare beside"] = bare.stats.as_dict() if bare.stats else None
                if measure in {"first run", "rerun"}:
                    bare.target = f"{beside.name} (beside {target.name})"
                    bare.figures = {"elements": count_elements(last["beside"]), "machine busy %": busy}
                    beside_rows.append(bare)
            rows.append(row)

        add("first run", samples, paired, busy, elements)
        samples, paired, busy = _sampled(
            warmup + repeats, warmup, lambda i: _timed_run(at, "rerun"), beside_rerun if has_beside else None
        )
        add("rerun", samples, paired, busy, elements)

        for name, interact in target.interactions.items():

            def interaction(repetition: int, name: str = name, interact: Interaction = interact) -> float:
                interact(at, repetition)
                elapsed = _timed_run(at, name)
                if name in target.expect and target.expect[name](repetition) not in page_text(at):
                    raise ScriptRunError(f"{name}: {target.expect[name](repetition)!r} not on the page")
                return elapsed

            samples, paired, busy = _sampled(
                warmup + repeats, warmup, interaction, beside_rerun if has_beside else None
            )
            add(name, samples, paired, busy, count_elements(at))
    return rows, elements, beside_rows


def bare_target(elements: int) -> ServerTarget:
    """The bare page with the same number of elements as the page it is compared with."""
    return ServerTarget(name=f"bare_app[{elements}]", script=BARE_APP, env={"BENCH_ELEMENTS": str(elements)})


HELLO_TARGET = ServerTarget(name="hello_app", script=HELLO_APP)


def measure_server(
    targets: list[ServerTarget],
    repeats: int,
    warmup: int,
    timeout: float = 30.0,
) -> list[Row]:
    """Time every target beside the bare page of its element count, and the hello app once.

    Ratios: "bare" against the bare page's samples taken alternately with
    the target's (see `time_script_runs`); "hello" against the hello app's
    first run or rerun, timed at the start. Interactions are compared with
    reruns (what any click costs).
    """
    hello_rows, _, _ = time_script_runs(HELLO_TARGET, repeats, warmup, timeout)
    hello = {row.measure: row for row in hello_rows}
    rows: list[Row] = []
    baseline_rows: list[Row] = []
    for target in targets:
        try:
            elements = target.compare_elements or count_page_elements(target, timeout)
            target_rows, _, bare_rows = time_script_runs(target, repeats, warmup, timeout, beside=bare_target(elements))
        except Exception as error:  # one broken page must not hide the others' figures
            rows.append(Row("server", target.name, "all", None, note=f"FAILED: {error}"))
            continue
        for row in target_rows:
            row.compare_with("hello", hello.get(row.measure if row.measure == "first run" else "rerun"))
        rows.extend(target_rows)
        baseline_rows.extend(bare_rows)
    return [*rows, *baseline_rows, *hello_rows]
