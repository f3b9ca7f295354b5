"""Where a live server's CPU goes while it answers: `python -m bench.server_profile [lookup|case] [--answers N]`.

Starts the app as `bench.answer_cost` does (a real Streamlit server on the shipped pack), answers
back to back over Streamlit's own protocol (look-up: set the age, a new band each time; case:
answer a question), and samples the server process with py-spy (requirements-dev.txt) while it
does. Unlike `bench.profile` (cProfile under AppTest, which always reruns the whole script), this
sees what a browser's answer costs: a fragment's run, the protocol and the event loop. It prints
the share of samples by what the server was doing and the functions of this repository that cost
most, in milliseconds of server time per answer. Sampling needs ptrace (root, or
`kernel.yama.ptrace_scope = 0`); `--raw FILE` keeps py-spy's samples.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

if __package__ in {None, ""}:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.answer_cost import _case_answer, _case_open
from bench.streamlit_server import StreamlitServer
from bench.targets import APP_ENV, APP_SCRIPT, lookup_by_age
from bench.ws_client import StreamlitSession

RATE = 500  # samples per second
REPO = Path(__file__).resolve().parent.parent
# py-spy names a frame "function (path:line)", the path relative to the import root: pages are on it themselves.
OURS = ("(behaviours/", "(ui/", "(app.py", *(f"({page.name}:" for page in (REPO / "pages").glob("*.py")))

# What the server was doing: the first rule that matches, going up a sample's stack from the function
# running at that moment, so each sample counts once, for the most specific thing it was in.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Markdown text: Streamlit's dedent of each body", ("clean_text", "dedent")),
    ("hashing each message (md5 of its bytes)", ("calc_hash", "populate_hash_if_needed")),
    ("widgets: registering and reading them", ("register_widget", "compute_and_register_element_id")),
    ("this repository's code (plans, cards from the cache, who to call)", OURS),
    ("Streamlit: element calls, layout blocks, the script run, the session", ("(streamlit/",)),
    ("WebSocket and HTTP: uvicorn, starlette", ("(uvicorn/", "(starlette/", "(websockets/")),
    ("event loop", ("(asyncio/", "(uvloop/")),
)


def categorise(lines: Iterable[str]) -> tuple[int, Counter[str], Counter[str]]:
    """(samples, samples per category, samples per repository function: the deepest of ours in the stack)."""
    total, by_category, ours = 0, Counter[str](), Counter[str]()
    for line in lines:
        stack, _, count_text = line.rstrip("\n").rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        by_category[_category(frames)] += count
        mine = [frame for frame in frames if any(part in frame for part in OURS)]
        if mine:
            ours[mine[-1]] += count
    return total, by_category, ours


def _category(frames: list[str]) -> str:
    for frame in reversed(frames):
        for name, words in CATEGORIES:
            if any(word in frame for word in words):
                return name
    return "other (threads, Python itself)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=("lookup", "case"), nargs="?", default="lookup")
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--raw", type=Path, help="keep py-spy's raw samples here")
    parser.add_argument(
        "--gil",
        action="store_true",
        help="sample only the thread holding the GIL: a thread waiting for it (the script thread while the "
        "event loop sends, and the other way) is not counted, so each sample is Python work being done",
    )
    args = parser.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        print("py-spy is not installed: pip install -r requirements-dev.txt", file=sys.stderr)
        return 1
    answer, page_name, prepare = (
        (lookup_by_age, "", None) if args.page == "lookup" else (_case_answer, "case", _case_open)
    )
    with tempfile.TemporaryDirectory(prefix="bench-spy-") as scratch:
        raw = args.raw or Path(scratch) / "samples.txt"
        with StreamlitServer(APP_SCRIPT, env=APP_ENV) as server, StreamlitSession(server.url, page_name) as session:
            session.load()
            if prepare:
                prepare(session)
            for repetition in range(3):
                answer(session, repetition)
            sampler = subprocess.Popen(
                [
                    spy,
                    "record",
                    "-p",
                    str(server.pid),
                    "-o",
                    str(raw),
                    "-f",
                    "raw",
                    "-r",
                    str(RATE),
                    "--nonblocking",
                    *(["--gil"] if args.gil else []),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            time.sleep(1.0)  # py-spy attaches
            problems = 0
            for repetition in range(3, 3 + args.answers):
                problems += 0 if answer(session, repetition).ok else 1
            sampler.send_signal(signal.SIGINT)
            _, errors = sampler.communicate(timeout=60)
        if not raw.exists():
            print(f"py-spy recorded nothing: {errors.decode(errors='replace').strip()}", file=sys.stderr)
            return 1
        total, by_category, ours = categorise(raw.read_text().splitlines())
    per_answer = 1000 / RATE / args.answers
    print(f"{args.page}: {args.answers} answers ({problems} with a problem), {total} samples at {RATE}/s")
    print(f"server time per answer: {total * per_answer:.2f} ms (sampled; includes waiting for a core)")
    print("\nshare | ms/answer | what the server was doing")
    for name, count in by_category.most_common():
        print(f"{100 * count / total:5.1f}% | {count * per_answer:6.2f} | {name}")
    print(f"\nthis repository's functions (deepest of ours in the stack, with what they call), top {args.top}:")
    for frame, count in ours.most_common(args.top):
        print(f"{100 * count / total:5.1f}% | {count * per_answer:6.2f} | {frame}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
