"""Server memory for 50 case-discussion sessions, and the largest message the app sends.

`python -m bench.memory [--sessions 50] [--ttl-wait 135]` starts the real app on a free
loopback port and prints:

- the server's resident memory (VmRSS) when idle after a warm-up session, with all the
  sessions open (each has filled in the case page and had its note and PDF made), right
  after they close, and again after server.disconnectedSessionTTL (120 s) plus a margin,
  when Streamlit has dropped them; then the same again, to show whether that memory is
  reused by the next sessions or lost;
- the server's own connect and disconnect counts at each point (/_stcore/metrics);
- the largest WebSocket message the server sent on the case page (the note frame with
  its PDF inside) and on every other page: the figures server.maxMessageSize in
  .streamlit/config.toml is set from.

Figures, not pass/fail: nothing here is a test. Only the server started here is stopped.
"""

from __future__ import annotations

import argparse
import re
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.report import REPO_ROOT
from bench.streamlit_server import StreamlitServer, process_rss_kib
from bench.ws_client import StreamlitSession

AGE = "Child's age in years"
NOT_LISTED = "The behaviour I have in mind is not listed"
DESCRIBE = "Describe the type of behaviour in a few words (no names)"
MAKE_PDF = "Make the PDF"
TTL_S = 120  # server.disconnectedSessionTTL in .streamlit/config.toml


class _Sizes:
    """Wraps a session's WebSocket receive to keep the largest frame's size."""

    def __init__(self) -> None:
        self.largest = 0

    def watch(self, session: StreamlitSession) -> None:
        ws: Any = session._ws  # the client's own socket; only its recv is wrapped
        receive = ws.recv

        def recv() -> Any:
            frame = receive()
            if isinstance(frame, bytes | str):
                self.largest = max(self.largest, len(frame))
            return frame

        ws.recv = recv


def _session_count(server: StreamlitServer) -> str:
    """The server's active-session gauge from /_stcore/metrics, or '?' if it has none."""
    try:
        with urllib.request.urlopen(f"{server.url}/_stcore/metrics", timeout=5) as answer:
            text = answer.read().decode("utf-8", "replace")
    except OSError:
        return "?"
    found = re.findall(r'^session_events_total\{type="(\w+)"\} (\d+)', text, flags=re.M)
    if found:
        return ", ".join(f"{kind} {count}" for kind, count in found)
    gauge = re.search(r"^active_sessions\S* (\d+)", text, flags=re.M)
    return gauge.group(1) if gauge else "?"


def _fill_case_page(session: StreamlitSession, index: int) -> None:
    session.load()
    session.set_value(AGE, 11.0)
    session.rerun()
    session.set_value(NOT_LISTED, True)
    session.rerun()
    # A full 200-character description (the box's max_chars), different for every session.
    session.set_value(DESCRIBE, (f"session {index} " + "drawings with adult themes " * 10)[:200])
    result = session.rerun()
    result = session.rerun(triggers=[MAKE_PDF])
    if not result.ok:
        raise RuntimeError(f"session {index}: {result.status} {result.problems} {result.exceptions}")
    if not any("note-data" in getattr(proto, "srcdoc", "") for _kind, proto in result.elements.values()):
        raise RuntimeError(f"session {index}: the note frame was not sent")


# Every page, opened as a link would open it; the look-up and search links fill the page.
PAGES = {
    "look-up": ("", ""),
    "look-up 13-17": ("", "band=13-17"),
    "search": ("search", "q=images"),
    "training": ("training", "seed=42"),
    "helplines": ("helplines", ""),
    "about": ("about", ""),
}


def _largest_per_page(server: StreamlitServer) -> dict[str, int]:
    """The largest message each page's first run sends."""
    found = {}
    for name, (page, query) in PAGES.items():
        sizes = _Sizes()
        with StreamlitSession(server.url, page_name=page, query_string=query) as session:
            sizes.watch(session)
            result = session.load()
            if not result.ok:
                raise RuntimeError(f"{name}: {result.status} {result.problems}")
        found[name] = sizes.largest
    return found


def _mib(kib: int) -> str:
    return f"{kib / 1024:7.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--ttl-wait", type=float, default=TTL_S + 15, help="seconds to wait after closing")
    args = parser.parse_args(argv)

    sizes = _Sizes()
    with StreamlitServer(Path(REPO_ROOT) / "app.py") as server:
        warm = StreamlitSession(server.url, page_name="case")
        warm.connect()
        sizes.watch(warm)
        _fill_case_page(warm, -1)
        warm.close()
        time.sleep(2)
        idle = process_rss_kib(server.pid)
        print(f"idle after one warm-up session  : {_mib(idle)}  sessions: {_session_count(server)}")
        print("(sessions: the server's connect/disconnect counts; this client answers no pings while it")
        print(" fills the others in, so early sessions may be disconnected; the server keeps them for the TTL)")

        # Two rounds: if the second round costs little more than the first left behind, the memory
        # of closed sessions is reused (Python keeps freed memory for itself rather than returning it).
        for round_number in (1, 2):
            sessions = []
            started = time.perf_counter()
            for index in range(args.sessions):
                session = StreamlitSession(server.url, page_name="case", timeout_s=60)
                session.connect()
                sizes.watch(session)
                _fill_case_page(session, index)
                sessions.append(session)
            opened = process_rss_kib(server.pid)
            print(
                f"round {round_number}: {args.sessions} sessions open     : {_mib(opened)}  "
                f"(+{(opened - idle) / args.sessions:.0f} KiB per session on idle; "
                f"filled in {time.perf_counter() - started:.0f} s)  sessions: {_session_count(server)}"
            )
            for session in sessions:
                session.close()
            time.sleep(2)
            closed = process_rss_kib(server.pid)
            print(f"round {round_number}: just after they closed : {_mib(closed)}  sessions: {_session_count(server)}")
            time.sleep(args.ttl_wait)
            after = process_rss_kib(server.pid)
            print(
                f"round {round_number}: {args.ttl_wait:.0f} s later (TTL {TTL_S} s) : {_mib(after)}  "
                f"({(after - idle) / 1024:+.1f} MiB on idle)"
            )
        page_sizes = _largest_per_page(server)
    print(f"largest message, case page     : {sizes.largest / 1024:.1f} KiB ({sizes.largest} bytes, note with its PDF)")
    for page, size in page_sizes.items():
        print(f"largest message, {page:<14}: {size / 1024:.1f} KiB ({size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
