"""What one answer costs the server: `python -m bench.answer_cost [--answers N]`.

One session at a time over Streamlit's protocol (bench/ws_client.py), answers back to back
(no pause), on a fresh server per page, warmed up first. For each page: the server's CPU
time per answer (the whole process: script, protocol, WebSocket), and the wall time p50/p95.
Beside each, in the same run and on the same kind of server, the bare page of as many
elements as that answer drew, rerun unchanged (bench/baselines/bare_app.py). An answer is a
fragment's run, which sends only the fragment's elements: the bare page has as many elements as
the answer sent ("elements"), not as the whole page holds ("page elements"), which would compare
a partial redraw with a full one. The second ratio ("page bare x") is against a bare page of the
whole page's count, as this bench measured before round 5, for comparison with earlier figures.

- look-up: set the age (a new band each time), check every band heading for it;
- case: with an age given, answer the equality question Yes, No or Don't know in turn and
  check the suggested level that follows (a fragment's run since the case page's
  questions are an st.fragment; the client asks for it as a browser does).

Figures for the issue's "server CPU per answer" beside "machine busy %": the machine is shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in {None, ""}:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.proto.WidgetStates_pb2 import WidgetState

from behaviours import Level
from behaviours.wording.levels import level_heading
from bench.capacity import BASELINES
from bench.stats import summarise
from bench.streamlit_server import StreamlitServer, machine_busy_percent, machine_cpu_ticks, process_cpu_seconds
from bench.targets import AGE_LABEL, APP_ENV, APP_SCRIPT, lookup_by_age, shipped_pack
from bench.ws_client import RunResult, SessionError, StreamlitSession

Answer = Callable[[StreamlitSession, int], RunResult]
CASE_ANSWERS = (("Yes", Level.RED), ("No", None), ("Don't know", None))


def _case_answer(session: StreamlitSession, repetition: int) -> RunResult:
    """Answer equality Yes / No / Don't know; Yes must show the red heading, the others must not."""
    widget = next(w for w in session.last.widgets if w.kind == "radio" and w.label.startswith("Equality"))
    words, level = CASE_ANSWERS[repetition % len(CASE_ANSWERS)]
    session.set_state(WidgetState(id=widget.id, string_value=words))
    result = session.rerun()
    red = level_heading(shipped_pack(), Level.RED)
    if level is Level.RED:
        result.expect_text(red)
    elif red in result.text:
        result.problems.append(f"{red!r} still shown after answering {words!r}")
    return result


def _case_open(session: StreamlitSession) -> None:
    session.set_value(AGE_LABEL, 7)
    result = session.rerun()
    result.expect_text("Ages 5 to 9")
    if not result.ok:
        raise SessionError("content", "; ".join(result.problems + result.exceptions) or result.status)


def _plain(session: StreamlitSession, repetition: int) -> RunResult:
    return session.rerun()


def measure(
    name: str,
    script: Path,
    answer: Answer,
    answers: int,
    *,
    page_name: str = "",
    env: dict[str, str] | None = None,
    prepare: Callable[[StreamlitSession], None] | None = None,
) -> dict[str, object]:
    """One server, one session: warm up, then `answers` answers back to back."""
    with StreamlitServer(script, env=env or {}) as server, StreamlitSession(server.url, page_name) as session:
        opened = session.load()
        if prepare:
            prepare(session)
        for repetition in range(3):
            warm = answer(session, repetition)
            if not warm.ok:
                raise SessionError("content", "; ".join(warm.problems + warm.exceptions) or warm.status)
        latencies, problems = [], 0
        cpu_before, machine_before = process_cpu_seconds(server.pid), machine_cpu_ticks()
        for repetition in range(3, 3 + answers):
            result = answer(session, repetition)
            latencies.append(result.latency_s)
            problems += 0 if result.ok else 1
        cpu = process_cpu_seconds(server.pid) - cpu_before
        busy = machine_busy_percent(machine_before, machine_cpu_ticks())
        stats = summarise(latencies)
        return {
            "page": name,
            "elements": result.drawn,
            "page elements": len(result.elements),
            "opened elements": len(opened.elements),
            "status": result.status,
            "CPU ms/answer": 1000 * cpu / answers,
            "p50 ms": stats.p50_ms,
            "p95 ms": stats.p95_ms,
            "problems": problems,
            "machine busy %": busy,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args(argv)
    rows = []
    for name, page_name, answer, prepare in (
        ("look-up: set age", "", lookup_by_age, None),
        ("case: answer a question", "case", _case_answer, _case_open),
    ):
        started = time.monotonic()
        row = measure(name, APP_SCRIPT, answer, args.answers, page_name=page_name, env=APP_ENV, prepare=prepare)
        # Two baselines: as many elements as the answer drew (the strict comparison), and as many as the
        # whole page holds (how this bench counted before round 5; issue 24's x1.58 and x1.87 were measured so).
        bares = []
        for column, elements in (("bare x", int(row["elements"])), ("page bare x", int(row["page elements"]))):
            bare = measure(
                f"bare page [{elements}]",
                BASELINES / "bare_app.py",
                _plain,
                args.answers,
                env={"BENCH_ELEMENTS": str(elements)},
            )
            row[column] = row["CPU ms/answer"] / bare["CPU ms/answer"]
            bares.append(bare)
        rows += [row, *bares]
        print(f"{name}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    columns = [
        "page",
        "status",
        "elements",
        "page elements",
        "CPU ms/answer",
        "bare x",
        "page bare x",
        "p50 ms",
        "p95 ms",
        "problems",
        "machine busy %",
    ]
    print(" | ".join(columns))
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column, "")
            cells.append(f"{value:.2f}" if isinstance(value, float) else str(value))
        print(" | ".join(cells))
    return 1 if any(row["problems"] for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
