"""Does the server hold small frames back (Nagle and delayed ACK)? One session at a time, with and without uvloop.

`python -m bench.nodelay --uvloop-path DIR` times, against a fresh server
each: opening the page and back-to-back interactions (no think time, which
is when the client's delayed ACK meets the server's unset TCP_NODELAY), for
the hello app and the look-up, first on the standard asyncio loop, then with
DIR (a folder holding uvloop, e.g. from
`pip install --target DIR uvloop`) on the server's PYTHONPATH. Streamlit
runs its server on uvloop whenever uvloop can be imported
(streamlit/web/bootstrap.py), and uvloop sets TCP_NODELAY on every TCP
connection. Without --uvloop-path only the server as installed is timed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

if __package__ in {None, ""}:  # run as `python bench/nodelay.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.capacity import HELLO_TARGET, CapacityTarget
from bench.report import Row, render_section
from bench.stats import summarise
from bench.streamlit_server import StreamlitServer
from bench.targets import capacity_targets
from bench.ws_client import StreamlitSession


def time_sequential(target: CapacityTarget, env: dict[str, str], sessions: int, interactions: int) -> list[Row]:
    """Open the page `sessions` times one after another, each followed by `interactions` back to back."""
    opens, answers = [], []
    with StreamlitServer(target.script, env={**target.env, **env}) as server:
        for number in range(sessions + 1):  # the first session warms the server and is not counted
            with StreamlitSession(server.url, target.page_name, target.query_string) as session:
                opened = session.load()
                if not opened.ok:
                    raise RuntimeError(f"{target.name}: {opened.status} {opened.problems} {opened.exceptions}")
                for repetition in range(interactions):
                    result = target.interaction(session, repetition)
                    if not result.ok:
                        raise RuntimeError(f"{target.name}: {result.status} {result.problems} {result.exceptions}")
                    if number:
                        answers.append(result.latency_s)
                if number:
                    opens.append(opened.latency_s)
    loop = "uvloop" if env.get("PYTHONPATH") else "asyncio (as installed)"
    return [
        Row("nodelay", f"{target.name} on {loop}", "open page", summarise(opens)),
        Row("nodelay", f"{target.name} on {loop}", target.interaction_name, summarise(answers)),
    ]


def main(argv: list[str] | None = None) -> int:
    """Time both apps on the installed loop and, given --uvloop-path, on uvloop; ratios uvloop / installed."""
    parser = argparse.ArgumentParser(prog="python -m bench.nodelay", description=__doc__)
    parser.add_argument("--uvloop-path", type=Path, help="a folder holding the uvloop package")
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--interactions", type=int, default=15)
    options = parser.parse_args(argv)
    if options.uvloop_path and not (options.uvloop_path / "uvloop").is_dir():
        parser.error(f"{options.uvloop_path} holds no uvloop package")
    rows: list[Row] = []
    for target in (HELLO_TARGET, capacity_targets()[0]):
        installed = time_sequential(target, {}, options.sessions, options.interactions)
        rows += installed
        if options.uvloop_path:
            path = os.pathsep.join(filter(None, [str(options.uvloop_path.resolve()), os.environ.get("PYTHONPATH")]))
            with_uvloop = time_sequential(target, {"PYTHONPATH": path}, options.sessions, options.interactions)
            for row, baseline in zip(with_uvloop, installed, strict=True):
                row.compare_with("installed", baseline)
            rows += with_uvloop
    print(render_section("one session at a time, no think time", rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
