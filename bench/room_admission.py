"""Who a room admits: one WebSocket stays one voter, and 150 real phones still join one room.

    python -m bench.room_admission [--reruns 500] [--phones 150]

Issue 26, finding 1: over one WebSocket, 520 reruns of /join?room=CODE&p=<new token>, each
pressing Red, counted 500 votes. Here, on loopback, with a redis-server and two real
replicas sharing it (as deployed), and Streamlit's own protocol (bench/ws_client.py):

1. the attack: one session opens /join?room=CODE, then reruns the page ``--reruns`` times,
   each time with a new made-up token in its address, and presses Red each time;
   the room must still count one voter and one join;
2. the training room: ``--phones`` sessions from this one address, half on each replica,
   open /join?room=CODE together (as phones do after scanning the QR code) and each
   presses Amber; all must be admitted and counted.

Printed: the voters the attack made, how long its reruns took, how many phones were
admitted, joins per minute as the trainer sees them, and the time to open /join.
Bounded: every session has a 30 s timeout and the whole run stops after ``--budget`` s.
"""

from __future__ import annotations

import argparse
import secrets
import threading
import time

from behaviours.core.clock import now
from behaviours.pack.loader import load_pack
from bench.report import REPO_ROOT
from bench.rooms import RATE_PROMPT, rig
from bench.stats import summarise
from bench.ws_client import RunResult, SessionError, StreamlitSession


def press_starting(session: StreamlitSession, word: str) -> RunResult:
    """Press the answer button whose label starts with ``word`` (it reads "Red (your answer)" once chosen)."""
    assert session.last is not None
    label = next(w.label for w in session.last.widgets if w.kind == "button" and w.label.startswith(word))
    return session.rerun(triggers=(label,))


def vote_stuffing(url: str, code: str, reruns: int, deadline: float) -> tuple[int, float, list[str]]:
    """One WebSocket: reruns with a new made-up token each time, pressing Red. Returns (reruns done, seconds, errors)."""
    errors: list[str] = []
    done = 0
    with StreamlitSession(url, page_name="join", query_string=f"room={code}") as session:
        first = session.load()
        if RATE_PROMPT not in first.text:
            return 0, 0.0, [f"the first run did not offer the answers: {first.text[:300]!r}"]
        started = time.perf_counter()
        for number in range(reruns):
            if time.perf_counter() > deadline:
                errors.append("stopped at the time budget")
                break
            # Tokens shaped like the ones the server used to accept (32 hex) and like today's (48 hex).
            session.query_string = f"room={code}&p={secrets.token_hex(16 if number % 2 else 24)}"
            try:
                page = session.rerun()
                if RATE_PROMPT not in page.text:
                    errors.append(f"rerun showed no answers: {page.text[-200:]!r}")
                    break
                press_starting(session, "Red")
            except SessionError as error:
                errors.append(str(error))
                break
            done += 1
        return done, time.perf_counter() - started, errors


def training_room(urls: list[str], code: str, phones: int, deadline: float) -> tuple[int, int, list[float], list[str]]:
    """``phones`` sessions join together and answer Amber. Returns (admitted, counted, open times, errors)."""
    admitted: list[bool] = [False] * phones
    counted: list[bool] = [False] * phones
    opened: list[float] = []
    errors: list[str] = []
    sessions = [
        StreamlitSession(urls[i % len(urls)], page_name="join", query_string=f"room={code}") for i in range(phones)
    ]
    barrier = threading.Barrier(phones, timeout=60)

    def phone(index: int) -> None:
        session = sessions[index]
        try:
            session.connect()
            barrier.wait()
            page = session.load()
            opened.append(page.latency_s)
            admitted[index] = RATE_PROMPT in page.text
            if not admitted[index]:
                errors.append(page.text[-200:])
                return
            if time.perf_counter() < deadline:
                counted[index] = "Your answer is in." in press_starting(session, "Amber").text
        except (SessionError, threading.BrokenBarrierError) as error:
            errors.append(str(error))

    threads = [threading.Thread(target=phone, args=(i,)) for i in range(phones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, deadline - time.perf_counter()))
    for session in sessions:
        session.close()
    return sum(admitted), sum(counted), opened, errors


def run(reruns: int, phones: int, budget_s: float) -> int:
    deadline = time.perf_counter() + budget_s
    pack = load_pack(REPO_ROOT / "behaviours" / "content")
    with rig(2, "none") as running:
        store, servers = running.store, running.servers
        attacked = running.new_room(pack)
        done, took, attack_errors = vote_stuffing(servers[0].url, attacked, reruns, deadline)
        voters = store.tally(attacked, 0).answered
        joined = store.joins(attacked, now().timestamp()).total

        room = running.new_room(pack)
        admitted, counted, opened, phone_errors = training_room([s.url for s in servers], room, phones, deadline)
        tally = store.tally(room, 0).answered
        joins = store.joins(room, now().timestamp())
        opening = summarise(opened)

        print(f"room admission bench: 2 replicas + Redis on loopback, budget {budget_s:.0f} s")
        print(
            f"  vote stuffing over one WebSocket: {done} reruns with a new made-up token, each pressing Red, "
            f"in {took:.1f} s: {voters} voter(s) counted, {joined} join(s)"
        )
        print(
            f"  training room: {phones} sessions from one address joined together: {admitted} admitted, "
            f"{counted} answers acknowledged, {tally} counted; the trainer sees "
            f"{joins.total} joined, {joins.last_minute} in the last minute"
        )
        print(f"  opening /join?room=CODE: p50 {opening.p50_ms:.0f} ms, p95 {opening.p95_ms:.0f} ms (n={opening.n})")
        for error in (attack_errors + phone_errors)[:5]:
            print(f"  error: {error}")
        met = voters == 1 and joined == 1 and done == reruns and admitted == phones and tally == phones
        print(f"  target (1 voter per WebSocket; every phone admitted and counted): {'met' if met else 'NOT met'}")
        return 0 if met else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=500)
    parser.add_argument("--phones", type=int, default=150)
    parser.add_argument("--budget", type=float, default=300.0, help="seconds the whole run may take")
    args = parser.parse_args(argv)
    return run(args.reruns, args.phones, args.budget)


if __name__ == "__main__":
    raise SystemExit(main())
