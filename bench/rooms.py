"""Live rooms under load: 100 phones voting within 10 s in one room, across two replicas and Redis.

    python -m bench.rooms [--participants 100] [--window 10]

Everything is real and on loopback: a redis-server from Debian (as the tests start it),
two `streamlit run app.py` replicas with TRAFFIC_LIGHT_REDIS_URL pointing at it, and
Streamlit's own WebSocket protocol (bench/ws_client.py), with fragment reruns as the
browser sends them for `st.fragment(run_every=...)`:

- the trainer's session on replica A polls its fragment every TRAINER_POLL_SECONDS, as
  the browser does, and reads "N answered" from each run;
- the participants, half on each replica, each holding a token the room issued, open
  /join?room=CODE&p=TOKEN (bench/room_admission.py measures joining itself), poll their
  fragment every PARTICIPANT_POLL_SECONDS, and each presses one answer at a random
  moment inside the window.

Printed: vote-to-count p50/p95 (from pressing the answer until a trainer run that started
after the vote was acknowledged has finished: an upper bound, poll wait included), lost
votes (Redis's counts and every participant's stored answer against what was sent),
the time of a vote and of a poll, and memory per participant (replica RSS and Redis).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from behaviours.core.clock import now
from behaviours.pack.loader import load_pack
from behaviours.training.room_store import RedisStore
from behaviours.training.rooms import (
    CHOICES,
    PARTICIPANT_POLL_SECONDS,
    TRAINER_POLL_SECONDS,
    ItemKind,
    Room,
    hash_key,
    new_code,
    new_token,
    room_items,
    token_participant,
)
from bench.report import REPO_ROOT
from bench.stats import summarise
from bench.streamlit_server import StreamlitServer, process_rss_kib
from bench.ws_client import RunResult, SessionError, StreamlitSession

ANSWERED = re.compile(r"\b(\d+) answered\b|Nobody has answered yet")


class _Sniffer:
    """Wraps the client's WebSocket to note the fragment ids the server asks to rerun on a timer."""

    def __init__(self, ws, found: list[str]) -> None:
        self._ws = ws
        self._found = found

    def recv(self):
        frame = self._ws.recv()
        if isinstance(frame, bytes) and frame:
            message = ForwardMsg()
            message.ParseFromString(frame)
            if message.WhichOneof("type") == "auto_rerun" and message.auto_rerun.fragment_id not in self._found:
                self._found.append(message.auto_rerun.fragment_id)
        return frame

    def __getattr__(self, name: str):
        return getattr(self._ws, name)


class FragmentSession(StreamlitSession):
    """A StreamlitSession that can also rerun the page's polling fragment, as the browser does."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fragment_ids: list[str] = []

    def connect(self) -> float:
        took = super().connect()
        self._ws = _Sniffer(self._ws, self.fragment_ids)  # type: ignore[assignment]
        return took

    def fragment_rerun(self, triggers: tuple[str, ...] = ()) -> RunResult:
        """One run of the polling fragment: a timer tick, or a button inside it pressed."""
        if self._ws is None or not self.fragment_ids:
            raise SessionError("usage", "no polling fragment on this page")
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.fragment_id = self.fragment_ids[0]
        state.is_auto_rerun = not triggers
        state.context_info.timezone = self.timezone
        state.context_info.locale = self.locale
        state.context_info.url = f"{self.base_url}/{self.page_name}"
        state.widget_states.widgets.extend(self._states.values())
        for label in triggers:
            state.widget_states.widgets.append(WidgetState(id=self.widget(label).id, trigger_value=True))
        started = time.perf_counter()
        self._ws.send_binary(message.SerializeToString())
        result = self._read_run(started)
        # A fragment run sends only the fragment's elements; keep the widgets we knew.
        if result.widgets:
            self.last = result
        return result


def answered(result: RunResult) -> int | None:
    match = ANSWERED.search(result.text)
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 0


@dataclass
class Participant:
    replica: int
    token: str
    choice: str
    vote_at: float  # seconds after the window opens
    sent: float = 0.0
    acked: float = 0.0
    accepted: bool = False
    polls: list[float] = field(default_factory=list)
    error: str = ""


def _issued(store: RedisStore, code: str) -> str:
    admission = store.admit(code, now().timestamp())
    if admission.token is None:
        raise SystemExit(f"the room did not admit a participant: {admission.outcome.value}")
    return admission.token


def redis_memory(url: str) -> int:
    import redis

    client = redis.Redis.from_url(url)
    try:
        return int(client.info("memory")["used_memory"])
    finally:
        client.close()


def start_redis(log_dir: Path):
    sys.path.insert(0, str(REPO_ROOT))
    from tests.redis_server import start_redis as start

    return start(log_dir)


RATE_PROMPT = "How would you rate this?"  # what a phone shows while it may answer


@dataclass
class RoomRig:
    """Two replicas sharing a redis-server, a store on it, and the shipped pack's oldest band: what both room
    benches run against."""

    redis_url: str
    servers: list[StreamlitServer]
    store: RedisStore
    band: str
    items: tuple[str, ...]
    words: dict[str, str]  # each answer's value -> its button label ("Red", "Not sure")

    def new_room(self, key: str | None = None) -> str:
        """A room on the band's items, opened with ``key`` (a fresh one when None); its code."""
        code = new_code()
        self.store.create(
            Room(code=code, band=self.band, kind=ItemKind.BEHAVIOUR, items=self.items), hash_key(key or new_token())
        )
        return code


@contextmanager
def room_rig(prefix: str, seed: int) -> Iterator[RoomRig]:
    """Start Redis and two replicas on loopback; stop them all however the bench ends."""
    log_dir = Path(tempfile.mkdtemp(prefix=prefix))
    redis_server = start_redis(log_dir)
    env = {"TRAFFIC_LIGHT_REDIS_URL": redis_server.url}
    servers = [StreamlitServer(REPO_ROOT / "app.py", env=env) for _ in range(2)]
    store = RedisStore(redis_server.url)
    try:
        for server in servers:
            server.start()
        pack = load_pack(REPO_ROOT / "behaviours" / "content")
        band = pack.bands[-1].id
        items = tuple(room_items(pack, band, ItemKind.BEHAVIOUR, seed)[:5])
        words = {c.value: ("Not sure" if c.level is None else pack.level_label(c.level)) for c in CHOICES}
        yield RoomRig(redis_server.url, servers, store, band, items, words)
    finally:
        store.close()
        for server in servers:
            server.stop()
        redis_server.stop()


def run(participants: int, window_s: float, seed: int) -> int:
    rng = random.Random(seed)
    with room_rig("bench-rooms-", seed) as rig:
        return _run(rig, rng, participants, window_s)


def _run(rig: RoomRig, rng: random.Random, participants: int, window_s: float) -> int:
    servers, store, words = rig.servers, rig.store, rig.words
    key = new_token()
    code = rig.new_room(key)
    # Warm both replicas (first run imports and loads the pack), as a real server would be.
    for server in servers:
        with FragmentSession(server.url, page_name="join", query_string=f"room={code}&p={new_token()}") as s:
            s.load()
    redis_before = redis_memory(rig.redis_url)
    rss_before = [process_rss_kib(s.pid) for s in servers]

    trainer = FragmentSession(servers[0].url, page_name="room", query_string=f"room={code}&key={key}")
    trainer.connect()
    first = trainer.load()
    if answered(first) is None or not trainer.fragment_ids:
        print("trainer page did not show a count:\n" + first.text[:500])
        return 1

    # Each phone holds a token the server issued (as after its first visit); opening
    # /join?room=CODE&p=TOKEN is then what a phone does after a reload.
    people = [
        Participant(
            replica=i % 2,
            token=_issued(store, code),
            choice=rng.choice([c.value for c in CHOICES]),
            vote_at=rng.uniform(0, window_s),
        )
        for i in range(participants)
    ]
    sessions = []
    open_times = []
    for person in people:
        session = FragmentSession(
            servers[person.replica].url, page_name="join", query_string=f"room={code}&p={person.token}"
        )
        session.connect()
        result = session.load()
        open_times.append(result.latency_s)
        if RATE_PROMPT not in result.text:
            print("participant page did not offer the answers:\n" + result.text[:500])
            return 1
        sessions.append(session)
    rss_open = [process_rss_kib(s.pid) for s in servers]

    observations: list[tuple[float, float, int]] = []  # (run started, run finished, count)
    trainer_polls: list[float] = []
    stop = threading.Event()

    def trainer_loop() -> None:
        while not stop.is_set():
            began = time.perf_counter()
            result = trainer.fragment_rerun()
            ended = time.perf_counter()
            trainer_polls.append(result.latency_s)
            count = answered(result)
            if count is not None:
                observations.append((began, ended, count))
            stop.wait(max(0.0, TRAINER_POLL_SECONDS - (ended - began)))

    opened = time.perf_counter() + 0.5

    def phone(person: Participant, session: FragmentSession) -> None:
        try:
            next_poll = opened + random.uniform(0, PARTICIPANT_POLL_SECONDS)
            vote_time = opened + person.vote_at
            done_at = opened + window_s + 2
            while time.perf_counter() < done_at:
                now = time.perf_counter()
                if not person.sent and now >= vote_time:
                    person.sent = time.perf_counter()
                    result = session.fragment_rerun(triggers=(words[person.choice],))
                    person.acked = time.perf_counter()
                    person.accepted = "Your answer is in." in result.text
                    continue
                if now >= next_poll:
                    person.polls.append(session.fragment_rerun().latency_s)
                    next_poll += PARTICIPANT_POLL_SECONDS
                    continue
                time.sleep(max(0.0, min(next_poll, vote_time if not person.sent else done_at) - now))
        except SessionError as error:
            person.error = str(error)

    threads = [threading.Thread(target=trainer_loop)]
    threads += [threading.Thread(target=phone, args=(p, s)) for p, s in zip(people, sessions, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads[1:]:
        thread.join()
    # Let the trainer see the last votes, then stop it.
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline and (not observations or observations[-1][2] < participants):
        time.sleep(0.1)
    stop.set()
    threads[0].join()
    rss_after = [process_rss_kib(s.pid) for s in servers]
    redis_after = redis_memory(rig.redis_url)

    # Vote to count shown: the first trainer run that started after the vote was acknowledged.
    latencies = []
    unseen = 0
    for person in people:
        shown = next((end for began, end, _count in observations if began >= person.acked), None)
        if shown is None:
            unseen += 1
        else:
            latencies.append(shown - person.sent)
    tally = store.tally(code, 0)
    stored_right = sum(
        1 for p in people if (v := store.my_vote(code, 0, token_participant(p.token))) and v.value == p.choice
    )
    errors = [p.error for p in people if p.error]
    rejected = sum(1 for p in people if p.sent and not p.accepted)
    final_count = observations[-1][2] if observations else 0
    lost = participants - tally.answered

    vote_stats = summarise(latencies)
    ack = summarise([p.acked - p.sent for p in people if p.sent])
    poll = summarise([x for p in people for x in p.polls])
    tpoll = summarise(trainer_polls)
    opening = summarise(open_times)
    print(f"rooms bench: {participants} participants on 2 replicas + Redis, votes within {window_s:.0f} s")
    print(f"  trainer polls every {TRAINER_POLL_SECONDS} s, participants every {PARTICIPANT_POLL_SECONDS} s")
    print(
        f"  vote to count shown on the trainer's page: p50 {vote_stats.p50_ms:.0f} ms, "
        f"p95 {vote_stats.p95_ms:.0f} ms, max {vote_stats.max_ms:.0f} ms (n={vote_stats.n}, never shown {unseen})"
    )
    print(
        f"  lost votes: {lost} (Redis count {tally.answered}, trainer's last count {final_count}, "
        f"stored answers matching what was pressed {stored_right}/{participants}, rejected {rejected}, "
        f"session errors {len(errors)})"
    )
    print(f"  a vote (press to acknowledgement): p50 {ack.p50_ms:.1f} ms, p95 {ack.p95_ms:.1f} ms")
    print(
        f"  a participant poll: p50 {poll.p50_ms:.1f} ms, p95 {poll.p95_ms:.1f} ms (n={poll.n}); "
        f"a trainer poll: p50 {tpoll.p50_ms:.1f} ms, p95 {tpoll.p95_ms:.1f} ms (n={tpoll.n})"
    )
    print(f"  opening /join: p50 {opening.p50_ms:.0f} ms, p95 {opening.p95_ms:.0f} ms")
    per_open = (sum(rss_open) - sum(rss_before)) / participants
    per_after = (sum(rss_after) - sum(rss_before)) / participants
    print(
        f"  memory per participant: replicas {per_open:.0f} KiB once joined, {per_after:.0f} KiB after voting "
        f"(RSS, both replicas); Redis {(redis_after - redis_before) / participants:.0f} bytes"
    )
    for error in errors[:5]:
        print(f"  error: {error}")
    met = vote_stats.p95_ms < 1000 and lost == 0 and unseen == 0 and not errors
    print(f"  target (p95 < 1000 ms, 0 lost): {'met' if met else 'NOT met'}")
    for session in [trainer, *sessions]:
        session.close()
    return 0 if met else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100)
    parser.add_argument("--window", type=float, default=10.0, help="seconds in which every participant votes")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args(argv)
    return run(args.participants, args.window, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
