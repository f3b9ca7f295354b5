"""How many people at once: N concurrent sessions against one real server, over Streamlit's protocol.

Each session is a `StreamlitSession` (bench/ws_client.py) in its own thread:
it opens the page, then repeats an interaction (for the look-up, type an age
and wait for the band) with a pause between, as a person would. For each
level N the harness starts a fresh server, so levels do not share warm
caches or leftover sessions, and reports:

- latency of opening the page and of each interaction (request sent until
  that run's `script_finished`), p50/p95;
- errors by kind: connect, timeout, disconnect, exception (the page drew a
  traceback), content (the expected words were missing);
- server CPU and memory (VmRSS of the server process): idle before the
  sessions, with all N open, after they close; MiB per session.

Every loop is bounded in count and time; all traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.report import Row
from bench.stats import summarise
from bench.streamlit_server import (
    StreamlitServer,
    machine_busy_percent,
    machine_cpu_ticks,
    process_cpu_seconds,
    process_rss_kib,
)
from bench.ws_client import RunResult, SessionError, StreamlitSession

BASELINES = Path(__file__).resolve().parent / "baselines"

WsInteraction = Callable[[StreamlitSession, int], RunResult]
"""One interaction of a session that has loaded the page: repetition i in, the run's result out."""


def plain_rerun(session: StreamlitSession, repetition: int) -> RunResult:
    """Rerun the page with nothing changed (what the baselines do)."""
    return session.rerun()


def number_input_lookup(
    label: str,
    value_for: Callable[[int], float],
    expect_text: Callable[[int], str] | None = None,
) -> WsInteraction:
    """Set the number input labelled `label` to `value_for(i)`, rerun, and check `expect_text(i)` is shown."""

    def interact(session: StreamlitSession, repetition: int) -> RunResult:
        session.set_value(label, value_for(repetition))
        result = session.rerun()
        if expect_text is not None:
            result.expect_text(expect_text(repetition))
        return result

    return interact


@dataclass(frozen=True)
class CapacityTarget:
    """A page to load-test: its script, how a session reaches it, and the interaction to repeat.

    `page_name` is the URL path of a page in a multipage app ("" for the
    main page). `expect_on_load` is text the page must show once opened.
    """

    name: str
    script: Path
    interaction: WsInteraction = plain_rerun
    interaction_name: str = "rerun"
    page_name: str = ""
    query_string: str = ""
    expect_on_load: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadSettings:
    """Bounds of one load test. Think time is the mean pause between one session's
    interactions (drawn uniformly from half to one and a half times it)."""

    levels: tuple[int, ...] = (10, 25, 50, 100)
    # (sessions, replicas): levels also run on several replicas behind the shipped nginx.conf
    replicated: tuple[tuple[int, int], ...] = ()
    duration_s: float = 15.0
    max_interactions: int = 100
    think_s: float = 1.0
    timeout_s: float = 30.0
    open_deadline_s: float = 120.0


@dataclass
class _Outcome:
    open_s: float | None = None
    elements: int = 0
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    first_error: str = ""

    def fail(self, kind: str, message: str) -> None:
        self.errors[kind] += 1
        if not self.first_error:
            self.first_error = f"{kind}: {message}"


def _classify(result: RunResult) -> tuple[str, str] | None:
    if result.exceptions:
        return "exception", result.exceptions[0]
    if result.problems:
        return "content", result.problems[0]
    if not result.ok:
        return "status", result.status
    return None


class _Level:
    """One load level: N session threads, a start barrier, and a signal to close."""

    def __init__(
        self, url: str, target: CapacityTarget, settings: LoadSettings, sessions: int, behind_proxy: bool = False
    ) -> None:
        self.url = url
        self.behind_proxy = behind_proxy
        self.target = target
        self.settings = settings
        self.outcomes = [_Outcome() for _ in range(sessions)]
        self.start = threading.Barrier(sessions + 1)
        self.loops_done = threading.Semaphore(0)
        self.close = threading.Event()

    def worker(self, index: int) -> None:
        outcome = self.outcomes[index]
        chance = random.Random(index)
        session = StreamlitSession(
            self.url,
            page_name=self.target.page_name,
            query_string=self.target.query_string,
            timeout_s=self.settings.timeout_s,
            # Behind nginx each person's browser holds its own replica cookie (32 hex digits).
            cookie=f"tlr_replica={index:032x}" if self.behind_proxy else "",
        )
        alive = False
        try:
            session.connect()
            loaded = session.load()
            outcome.open_s = loaded.latency_s
            outcome.elements = len(loaded.elements)
            if self.target.expect_on_load:
                loaded.expect_text(self.target.expect_on_load)
            problem = _classify(loaded)
            if problem:
                outcome.fail(*problem)
            alive = True
        except SessionError as error:
            outcome.fail(error.kind if error.kind != "timeout" else "open timeout", str(error))
        try:
            self.start.wait(timeout=self.settings.open_deadline_s)
        except threading.BrokenBarrierError:
            alive = False
            outcome.fail("connect", "not every session opened before the deadline")
        if alive:
            self._interact(session, outcome, chance)
        self.loops_done.release()
        self.close.wait(timeout=self.settings.duration_s + self.settings.timeout_s + 60)
        session.close()

    def _interact(self, session: StreamlitSession, outcome: _Outcome, chance: random.Random) -> None:
        settings = self.settings
        stop_at = time.monotonic() + settings.duration_s
        # Start at a random point of the first pause so sessions do not move in step.
        time.sleep(chance.uniform(0, settings.think_s))
        for repetition in range(settings.max_interactions):
            if time.monotonic() >= stop_at:
                return
            try:
                result = self.target.interaction(session, repetition)
            except SessionError as error:
                outcome.fail(error.kind, str(error))
                return  # the connection is gone or out of step: this person gave up
            problem = _classify(result)
            if problem:
                outcome.fail(*problem)
            else:
                outcome.latencies.append(result.latency_s)
            pause = chance.uniform(0.5, 1.5) * settings.think_s
            time.sleep(max(0.0, min(pause, stop_at - time.monotonic())))


class _MemoryWatch:
    """Samples the server's RSS every 0.2 s in a thread to catch the peak."""

    def __init__(self, pids: Sequence[int]) -> None:
        self.pids = list(pids)
        self.peak_kib = _rss_kib(self.pids)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-watch", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            try:
                self.peak_kib = max(self.peak_kib, _rss_kib(self.pids))
            except (OSError, RuntimeError):
                return

    def __enter__(self) -> _MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def _rss_kib(pids: Sequence[int]) -> float:
    return float(sum(process_rss_kib(pid) for pid in pids))


def _cpu_seconds(pids: Sequence[int]) -> float:
    return sum(process_cpu_seconds(pid) for pid in pids)


def _client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm_up(url: str, target: CapacityTarget, timeout_s: float) -> int:
    """Open the page once and interact twice, so imports and caches are warm; returns how many
    elements the page shows after an answer (what the bare baseline draws beside it)."""
    with StreamlitSession(url, target.page_name, target.query_string, timeout_s=timeout_s) as session:
        loaded = session.load()
        problem = _classify(loaded)
        if problem:
            raise SessionError(*problem)
        answered = loaded
        for repetition in range(2):
            answered = target.interaction(session, repetition)
            problem = _classify(answered)
            if problem:
                raise SessionError(*problem)
        return len(answered.elements)


def run_level(
    target: CapacityTarget, sessions: int, settings: LoadSettings, replicas: int = 1
) -> tuple[list[Row], int]:
    """Load fresh servers with `sessions` concurrent sessions; rows for opening and interacting.

    With `replicas` above 1, that many servers run behind nginx with the shipped
    deploy/nginx.conf, and each session carries its own replica cookie, as a browser
    does after its first request; CPU and memory are the replicas' sums.
    """
    mib = 1024.0
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(StreamlitServer(target.script, env=target.env)) for _ in range(replicas)]
        pids = [server.pid for server in servers]
        for server in servers:  # each replica warm, as a running service would be
            elements = _warm_up(server.url, target, settings.timeout_s)
        url = servers[0].url
        if replicas > 1:
            # The shipped deploy/nginx.conf in front, as in production (tests/browser/harness.py).
            from tests.browser.harness import start_nginx

            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-nginx-")))
            nginx = start_nginx(
                folder, upstream_ports=[server.port for server in servers], worker_connections=4 * sessions + 256
            )
            stack.callback(nginx.stop)
            url = nginx.url
        time.sleep(0.5)
        idle_kib = _rss_kib(pids)
        level = _Level(url, target, settings, sessions, behind_proxy=replicas > 1)
        threads = [
            threading.Thread(target=level.worker, args=(index,), name=f"session-{index}", daemon=True)
            for index in range(sessions)
        ]
        with _MemoryWatch(pids) as watch:
            for thread in threads:
                thread.start()
            # A broken barrier means some sessions never opened; they report that themselves.
            with contextlib.suppress(threading.BrokenBarrierError):
                level.start.wait(timeout=settings.open_deadline_s)
            # CPU is counted over the interaction loops only, not the opening rush.
            cpu_server_before, cpu_client_before = _cpu_seconds(pids), _client_cpu_seconds()
            machine_before = machine_cpu_ticks()
            loop_started = time.monotonic()
            deadline = loop_started + settings.duration_s + settings.timeout_s + 30
            for _ in threads:
                level.loops_done.acquire(timeout=max(0.1, deadline - time.monotonic()))
            loop_s = time.monotonic() - loop_started
            cpu_server = _cpu_seconds(pids) - cpu_server_before
            cpu_client = _client_cpu_seconds() - cpu_client_before
            machine_after = machine_cpu_ticks()
            open_kib = _rss_kib(pids)
            level.close.set()
            for thread in threads:
                thread.join(timeout=10)
            time.sleep(1.0)
            closed_kib = _rss_kib(pids)

    outcomes = level.outcomes
    errors: Counter[str] = Counter()
    for outcome in outcomes:
        errors.update(outcome.errors)
    latencies = [value for outcome in outcomes for value in outcome.latencies]
    opens = [outcome.open_s for outcome in outcomes if outcome.open_s is not None]
    first_error = next((outcome.first_error for outcome in outcomes if outcome.first_error), "")
    note = ", ".join(f"{kind} {count}" for kind, count in sorted(errors.items()))
    if first_error:
        note += f"; first: {first_error[:200]}"
    memory = {
        "MiB open": open_kib / mib,
        "KiB/session": (open_kib - idle_kib) / sessions,
    }
    # Every replica's pid is gone by now; nothing else to close.
    details = {
        "MiB idle": idle_kib / mib,
        "client CPU %": 100.0 * cpu_client / loop_s,
        "MiB peak": watch.peak_kib / mib,
        "MiB after close": closed_kib / mib,
        "errors by kind": dict(errors),
        "first error": first_error,
        "elements": elements,
        "loop seconds": loop_s,
        # The machine is shared: a load average above its cores explains wide p95s.
        "load average after": os.getloadavg()[0],
        "settings": {
            "duration_s": settings.duration_s,
            "think_s": settings.think_s,
            "max_interactions": settings.max_interactions,
            "timeout_s": settings.timeout_s,
        },
    }
    rows = [
        Row(
            "capacity",
            target.name,
            f"{sessions} sessions{_on(replicas)}: open page",
            summarise(opens),
            figures={"sessions": sessions, "replicas": replicas, "done": len(opens), "errors": sum(errors.values())},
        ),
        Row(
            "capacity",
            target.name,
            f"{sessions} sessions{_on(replicas)}: {target.interaction_name}",
            summarise(latencies),
            figures={
                "sessions": sessions,
                "replicas": replicas,
                "done": len(latencies),
                "errors": sum(errors.values()),
                "per s": len(latencies) / loop_s if loop_s > 0 else float("nan"),
                "server CPU %": 100.0 * cpu_server / loop_s,
                # What one answer costs the server: at 1000 ms/s of one core (the GIL) it is saturated.
                "CPU ms/answer": 1000.0 * cpu_server / len(latencies) if latencies else float("nan"),
                # Of all cores: 100 is every core busy, with this run's work or anyone else's.
                "machine busy %": machine_busy_percent(machine_before, machine_after),
                **memory,
            },
            details=details,
            note=note,
        ),
    ]
    return rows, elements


def _on(replicas: int) -> str:
    return "" if replicas == 1 else f" on {replicas} replicas behind nginx"


def bare_target(elements: int) -> CapacityTarget:
    """The bare page with as many elements as the page it is compared with, rerun unchanged."""
    return CapacityTarget(
        name=f"bare_app[{elements}]", script=BASELINES / "bare_app.py", env={"BENCH_ELEMENTS": str(elements)}
    )


HELLO_TARGET = CapacityTarget(name="hello_app", script=BASELINES / "hello_app.py")


def measure_capacity(
    targets: Sequence[CapacityTarget],
    settings: LoadSettings,
    baselines: bool = True,
) -> list[Row]:
    """Load-test every target at every level and (with `baselines`) right after each level the bare
    page of the same element count and the hello app at the same level; ratios on p50 latency.

    Levels go in order, each target followed by its baselines, so the
    machine's other work at that time weighs on all of them.
    """
    rows: list[Row] = []
    baseline_rows: list[Row] = []
    for target in targets:
        for sessions in settings.levels:
            try:
                target_rows, elements = run_level(target, sessions, settings)
            except Exception as error:  # one broken page must not hide the others' figures
                rows.append(Row("capacity", target.name, f"{sessions} sessions", None, note=f"FAILED: {error}"))
                break
            rows.extend(target_rows)
            if not baselines:
                continue
            for label, baseline in (("bare", bare_target(elements)), ("hello", HELLO_TARGET)):
                measured, _ = run_level(baseline, sessions, settings)
                if len(targets) > 1:
                    for row in measured:
                        row.target = f"{row.target} (beside {target.name})"
                baseline_rows.extend(measured)
                for row, same in zip(target_rows, measured, strict=True):
                    row.compare_with(label, same)
                # What one answer costs the server beside what one rerun of the baseline costs it.
                answer, same_answer = target_rows[-1], measured[-1]
                mine, theirs = answer.figures.get("CPU ms/answer"), same_answer.figures.get("CPU ms/answer")
                if mine and theirs and theirs == theirs and mine == mine:
                    answer.figures[f"CPU/answer x {label}"] = mine / theirs
        for sessions, replicas in settings.replicated:
            try:
                target_rows, _ = run_level(target, sessions, settings, replicas=replicas)
            except Exception as error:
                rows.append(
                    Row("capacity", target.name, f"{sessions} sessions{_on(replicas)}", None, note=f"FAILED: {error}")
                )
                continue
            rows.extend(target_rows)
    return [*rows, *baseline_rows]
