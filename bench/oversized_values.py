"""Memory under oversized widget values: many sessions from one address, each filling a text box with ~990 KB (990,000 characters).

    python -m bench.oversized_values [--sessions 150] [--kb 990]

Issue 26, finding 7: 150 WebSockets from one address, each setting the search box to about
990 KB (the box's max_chars of 200 is checked only in the browser), took a replica from 251
to 526 MiB, above the Kubernetes limit of 512Mi. Here, on loopback, one real replica started
as the image starts it (deploy/serve.py, which refuses client messages over 64 KB; or with
--plain, `streamlit run` with only .streamlit/config.toml's 1 MB) is driven with Streamlit's own protocol
(bench/ws_client.py): each session opens /search, sets "Search words" to the value and
reruns, and stays connected, as the attacker's did. The replica's RSS is read before and
after; every session has a timeout and the run stops after ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from bench.report import REPO_ROOT
from bench.streamlit_server import process_rss_kib
from bench.ws_client import SessionError, StreamlitSession
from devharness.server import start_streamlit, start_streamlit_via

LIMIT_MIB = 512  # the Deployment's memory limit (deploy/k8s)


def run(sessions: int, value_kb: int, budget_s: float, plain: bool = False) -> tuple[int, int, int, list[str]]:
    """(RSS before in KiB, the most RSS seen with the sessions open, sessions the server refused, other errors)."""
    deadline = time.perf_counter() + budget_s
    value = "a " * (value_kb * 1000 // 2)
    log_dir = Path(tempfile.mkdtemp(prefix="bench-oversized-"))
    if plain:
        server = start_streamlit(log_dir, name="plain")
    else:
        server = start_streamlit_via(REPO_ROOT / "deploy" / "serve.py", log_dir, name="serve-py")
    try:
        with StreamlitSession(server.url, page_name="search") as warm:
            warm.load()
        before = process_rss_kib(server.pid)
        opened: list[StreamlitSession] = []
        errors: list[str] = []
        refused = 0
        lock = threading.Lock()
        peak = before

        def hostile(index: int) -> None:
            nonlocal refused
            session = StreamlitSession(server.url, page_name="search", timeout_s=30)
            with lock:
                opened.append(session)
            try:
                session.connect()
                session.load()
                session.set_value("Search words", value)
                session.rerun()
            except SessionError as error:
                with lock:
                    if error.kind == "disconnect":  # closed by the server: 1009, message too big
                        refused += 1
                    else:
                        errors.append(f"session {index}: {error}")

        batch = 10
        for start in range(0, sessions, batch):
            if time.perf_counter() > deadline:
                errors.append("stopped at the time budget")
                break
            threads = [threading.Thread(target=hostile, args=(i,)) for i in range(start, min(sessions, start + batch))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=max(1.0, deadline - time.perf_counter()))
            peak = max(peak, process_rss_kib(server.pid))
        peak = max(peak, process_rss_kib(server.pid))
        for session in opened:
            session.close()
        return before, peak, refused, errors
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=150)
    parser.add_argument("--kb", type=int, default=990)
    parser.add_argument("--budget", type=float, default=240.0)
    parser.add_argument("--plain", action="store_true", help="`streamlit run`, without deploy/serve.py's limit")
    args = parser.parse_args(argv)
    before, peak, refused, errors = run(args.sessions, args.kb, args.budget, args.plain)
    print(f"oversized values: {args.sessions} sessions from one address, each a {args.kb} KB search")
    print(f"  replica RSS: {before / 1024:.0f} MiB before, {peak / 1024:.0f} MiB at most with every session open")
    print(f"  sessions whose message the server refused (connection closed): {refused} of {args.sessions}")
    for error in errors[:5]:
        print(f"  error: {error}")
    met = peak / 1024 < LIMIT_MIB and not errors
    print(f"  target (under {LIMIT_MIB} MiB, no session error): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
