"""Live rooms under load: phones voting within a window in one room, over replicas, Redis and a results database.

    python -m bench.rooms [--phones 100] [--window 10] [--replicas 2] [--database none|sqlite|postgres]

Everything is real and on loopback: a redis-server from Debian (as the tests start it),
``--replicas`` `streamlit run app.py` processes with TRAFFIC_LIGHT_REDIS_URL pointing at it,
with ``--database`` a results database (a PostgreSQL server started as tests/postgres_server.py
starts it, or an SQLite file) named by TRAFFIC_LIGHT_DATABASE_URL, and Streamlit's own
WebSocket protocol (bench/ws_client.py), with fragment reruns as the browser sends them for
`st.fragment(run_every=...)`:

- the trainer's session on the first replica polls its fragment every TRAINER_POLL_SECONDS,
  as the browser does, and reads "N answered" from each run;
- the phones, spread over the replicas, each holding a token the room issued, open
  /join?room=CODE&p=TOKEN (bench/room_admission.py measures joining itself), poll their
  fragment every PARTICIPANT_POLL_SECONDS, and each presses one answer at a random moment
  inside the window. They run in a child process of their own, so that their threads never
  hold up the trainer's session in this one (both read the same monotonic clock);
- with a database, once every vote is in, the trainer presses "End the room", then "Save
  this room's result" while the phones still poll, and a second trainer tab (another
  replica when there are two) presses Save too: it must say the result is already saved.

Printed: vote-to-count p50/p95 (from a vote's press returning on the phone until the end of
the first trainer run that started after it, so its count includes that vote: poll wait
included), lost votes (Redis's counts, every phone's stored answer and the saved result's
counts against what was pressed), the time to save (pressing Save until the saved message is
on the trainer's page), the time of a vote and of a poll, memory per phone, and the load
average. bench/room_load.py runs the issue-27 set: 150 phones on two replicas, then one
replica at rising numbers of phones.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from behaviours.core.clock import now
from behaviours.pack.loader import load_pack
from behaviours.pack.pack import Pack
from behaviours.training.results import (
    ALREADY_SAVED_MESSAGE,
    DATABASE_ENV,
    SAVED_MESSAGE,
    ResultStore,
)
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
from bench.stats import Stats, summarise
from bench.streamlit_server import (
    StreamlitServer,
    machine_busy_percent,
    machine_cpu_ticks,
    process_cpu_seconds,
    process_rss_kib,
)
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


DATABASES = ("none", "sqlite", "postgres")
RATE_PROMPT = "How would you rate this?"  # what a phone shows while it may answer
END_LABEL = "End the room"
SAVE_LABEL = "Save this room's result"
VOTE_TO_COUNT_TARGET_S = 1.0
SAVE_TARGET_S = 2.0


@dataclass
class Rig:
    """What a room runs on: a redis-server, a results database (or none) and the app's replicas."""

    redis_url: str
    database_url: str | None
    servers: list[StreamlitServer]
    store: RedisStore

    @property
    def urls(self) -> list[str]:
        return [server.url for server in self.servers]

    @property
    def replicas(self) -> int:
        return len(self.servers)

    def new_room(self, pack: Pack, key: str | None = None, seed: int = 18) -> str:
        """A room on five of the pack's oldest band's items, opened with ``key`` (a fresh one when None); its code."""
        band = pack.bands[-1].id
        items = tuple(room_items(pack, band, ItemKind.BEHAVIOUR, seed)[:5])
        code = new_code()
        self.store.create(
            Room(code=code, band=band, kind=ItemKind.BEHAVIOUR, items=items), hash_key(key or new_token())
        )
        return code


@contextlib.contextmanager
def rig(replicas: int, database: str) -> Iterator[Rig]:
    """Start everything on loopback; stop only what was started here, by its own handle."""
    if database not in DATABASES:
        raise ValueError(f"database must be one of {', '.join(DATABASES)}")
    log_dir = Path(tempfile.mkdtemp(prefix="bench-rooms-"))
    started: list[object] = []
    store: RedisStore | None = None
    try:
        redis_server = start_redis(log_dir)
        started.append(redis_server)
        env = {"TRAFFIC_LIGHT_REDIS_URL": redis_server.url}
        database_url = None
        if database == "postgres":
            postgres = start_postgres(log_dir / "postgres")
            started.append(postgres)
            database_url = postgres.new_database()
        elif database == "sqlite":
            database_url = f"sqlite:///{log_dir / 'results.sqlite3'}"
        if database_url is not None:
            env[DATABASE_ENV] = database_url
            # A deployed database already has its tables; each replica still checks on its first save.
            results = ResultStore(database_url)
            if not results.load_results().ok:
                raise SystemExit(f"the {database} results database did not answer")
            results.close()
        servers = [StreamlitServer(REPO_ROOT / "app.py", env=env) for _ in range(replicas)]
        for server in servers:
            started.append(server)
            server.start()
        store = RedisStore(redis_server.url)
        yield Rig(redis_server.url, database_url, servers, store)
    finally:
        if store is not None:
            store.close()
        for thing in reversed(started):
            thing.stop()  # type: ignore[attr-defined]
        shutil.rmtree(log_dir, ignore_errors=True)


def start_postgres(log_dir: Path):
    sys.path.insert(0, str(REPO_ROOT))
    from tests.postgres_server import start_postgres as start

    return start(log_dir)


def phone(
    person: Participant, session: FragmentSession, opened: float, window_s: float, label: str, stop: threading.Event
) -> None:
    """One phone: polls as the browser does, and presses its answer once, at its moment in the window."""
    try:
        next_poll = opened + random.uniform(0, PARTICIPANT_POLL_SECONDS)  # a poll's phase
        vote_time = opened + person.vote_at
        while not stop.is_set():
            moment = time.perf_counter()
            if not person.sent and moment >= vote_time:
                person.sent = time.perf_counter()
                result = session.fragment_rerun(triggers=(label,))
                person.acked = time.perf_counter()
                person.accepted = "Your answer is in." in result.text
                continue
            if moment >= next_poll:
                person.polls.append(session.fragment_rerun().latency_s)
                next_poll += PARTICIPANT_POLL_SECONDS
                continue
            stop.wait(max(0.0, min(next_poll, vote_time if not person.sent else next_poll) - moment))
    except SessionError as error:
        person.error = str(error)


def _crowd(
    conn: Connection, urls: list[str], code: str, people: list[Participant], window_s: float, words: dict[str, str]
) -> None:
    """The phones, in a child process: open every page, then vote and poll until told to stop."""
    sessions: list[FragmentSession] = []
    try:
        open_times = []
        for person in people:
            session = FragmentSession(
                urls[person.replica], page_name="join", query_string=f"room={code}&p={person.token}"
            )
            sessions.append(session)
            session.connect()
            result = session.load()
            open_times.append(result.latency_s)
            if RATE_PROMPT not in result.text:
                conn.send(("failed", "a phone's page did not offer the answers:\n" + result.text[:500]))
                return
        conn.send(("ready", open_times))
        message = conn.recv()
        if message[0] != "go":
            return
        stop = threading.Event()
        threads = [
            threading.Thread(target=phone, args=(person, session, message[1], window_s, words[person.choice], stop))
            for person, session in zip(people, sessions, strict=True)
        ]
        for thread in threads:
            thread.start()
        conn.recv()  # "stop": the trainer has saved, or the run is over
        stop.set()
        for thread in threads:
            thread.join(timeout=40)
        conn.send(("done", people))
    except (SessionError, EOFError, OSError) as error:
        with contextlib.suppress(OSError):
            conn.send(("failed", str(error)))
    finally:
        for session in sessions:
            session.close()


class Crowd:
    """The phones' child process, driven over a pipe; stopped by its own handle if it hangs."""

    def __init__(self, urls: list[str], code: str, people: list[Participant], window_s: float, words: dict[str, str]):
        context = multiprocessing.get_context("fork")  # before any thread of this process starts
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_crowd, args=(child, urls, code, people, window_s, words), daemon=True)
        self._process.start()
        child.close()

    def receive(self, timeout_s: float) -> tuple:
        if not self._conn.poll(max(0.1, timeout_s)):
            raise TimeoutError(f"the phones did not answer within {timeout_s:.0f} s")
        message = self._conn.recv()
        if message[0] == "failed":
            raise RuntimeError(message[1])
        return message

    def send(self, *message: object) -> None:
        with contextlib.suppress(OSError):
            self._conn.send(message)

    def close(self) -> None:
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=5)
        self._conn.close()


@dataclass
class RoomRun:
    """What one room under load showed."""

    phones: int
    replicas: int
    window_s: float
    database: str
    vote_to_count: Stats
    from_press: Stats
    unseen: int
    lost: int
    redis_count: int
    trainer_last: int
    stored_right: int
    rejected: int
    errors: list[str]
    ack: Stats
    phone_poll: Stats
    trainer_poll: Stats
    opening: Stats
    save_s: float | None = None
    save_problem: str = ""
    second_tab: str = ""
    saved_right: bool | None = None
    memory_kib_per_phone: float = 0.0
    redis_bytes_per_phone: float = 0.0
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    busy_percent: float = float("nan")
    replica_cpu_s: float = 0.0  # all replicas' CPU while the phones voted and polled and the trainer watched
    voting_s: float = 0.0

    @property
    def millicores_per_phone(self) -> float:
        """Replica CPU per phone in the room, in thousandths of a core (what an autoscaler's CPU target counts)."""
        return 1000 * self.replica_cpu_s / self.voting_s / self.phones if self.voting_s and self.phones else 0.0

    @property
    def votes_met(self) -> bool:
        return (
            self.vote_to_count.n > 0
            and self.vote_to_count.p95_ms < VOTE_TO_COUNT_TARGET_S * 1000
            and self.lost == 0
            and self.unseen == 0
            and not self.errors
        )

    @property
    def save_met(self) -> bool | None:
        if self.database == "none":
            return None
        return (
            self.save_s is not None
            and self.save_s < SAVE_TARGET_S
            and bool(self.saved_right)
            and self.second_tab == "already saved"
        )

    @property
    def load_words(self) -> str:
        return f"load average {self.load_before[0]:.2f} before, {self.load_after[0]:.2f} after; machine busy {self.busy_percent:.0f} %"

    def lines(self) -> list[str]:
        stats = self.vote_to_count
        lines = [
            f"{self.phones} phones on {self.replicas} replica(s) + Redis"
            + (f" + {self.database}" if self.database != "none" else "")
            + f", votes within {self.window_s:.0f} s ({self.load_words})",
            f"  vote to count on the trainer's screen: p50 {stats.p50_ms:.0f} ms, p95 {stats.p95_ms:.0f} ms, "
            f"max {stats.max_ms:.0f} ms (n={stats.n}, never shown {self.unseen}); "
            f"from the press being sent: p95 {self.from_press.p95_ms:.0f} ms",
            f"  lost votes: {self.lost} (Redis count {self.redis_count}, trainer's last count {self.trainer_last}, "
            f"stored answers matching what was pressed {self.stored_right}/{self.phones}, rejected {self.rejected}, "
            f"session errors {len(self.errors)})",
            f"  a vote (press to acknowledgement): p50 {self.ack.p50_ms:.0f} ms, p95 {self.ack.p95_ms:.0f} ms; "
            f"a phone's poll p95 {self.phone_poll.p95_ms:.0f} ms (n={self.phone_poll.n}); "
            f"a trainer's poll p95 {self.trainer_poll.p95_ms:.0f} ms (n={self.trainer_poll.n}); "
            f"opening /join p95 {self.opening.p95_ms:.0f} ms",
            f"  replicas' CPU while voting: {self.replica_cpu_s:.1f} s over {self.voting_s:.1f} s, "
            f"{self.millicores_per_phone:.1f} millicores a phone",
            f"  memory per phone: replicas {self.memory_kib_per_phone:.0f} KiB (RSS), Redis {self.redis_bytes_per_phone:.0f} bytes",
        ]
        if self.database != "none":
            saved = f"{self.save_s * 1000:.0f} ms" if self.save_s is not None else "not saved"
            lines.append(
                f"  save (press to the saved message): {saved}{' (' + self.save_problem + ')' if self.save_problem else ''}; "
                f"saved counts match the votes: {'yes' if self.saved_right else 'NO'}; "
                f"a second tab's save: {self.second_tab or 'not tried'}"
            )
        lines += [f"  error: {error}" for error in self.errors[:5]]
        verdict = "met" if self.votes_met else "NOT met"
        lines.append(f"  target (vote-to-count p95 < 1000 ms, 0 lost): {verdict}")
        if self.save_met is not None:
            lines.append(f"  target (save < 2000 ms, kept once, counts right): {'met' if self.save_met else 'NOT met'}")
        return lines


def _press(session: FragmentSession, label: str, fragment: bool) -> RunResult:
    return session.fragment_rerun(triggers=(label,)) if fragment else session.rerun(triggers=(label,))


def end_and_save(rig: Rig, trainer: FragmentSession, code: str, key: str) -> tuple[float | None, str, str]:
    """The trainer ends the room and saves it; then a second tab saves it too. Returns (seconds, problem, second tab)."""
    ended = _press(trainer, END_LABEL, fragment=True)
    if "This room has ended." not in ended.text:
        return None, "the room did not end: " + ended.text[-300:], ""
    # End reruns the whole page from inside the poll; the client may have seen only the poll's own run
    # finish. Read the page again, as a browser shows it once that run is done, until Save is offered.
    offered = time.perf_counter() + 30
    while not any(w.label == SAVE_LABEL for w in ended.widgets) and time.perf_counter() < offered:
        ended = trainer.rerun()
    if not any(w.label == SAVE_LABEL for w in ended.widgets):
        return None, "no Save button after the room ended: " + ended.text[-300:], ""
    saved = _press(trainer, SAVE_LABEL, fragment=False)
    took = saved.latency_s if SAVED_MESSAGE in saved.text else None
    problem = "" if took is not None else "no saved message: " + saved.text[-300:]
    other = rig.urls[-1]
    with FragmentSession(other, page_name="room", query_string=f"room={code}&key={key}") as tab:
        tab.load()
        again = tab.rerun(triggers=(SAVE_LABEL,))
    if ALREADY_SAVED_MESSAGE in again.text:
        second = "already saved"
    elif SAVED_MESSAGE in again.text:
        second = "SAVED AGAIN"
    else:
        second = "no message: " + again.text[-200:]
    return took, problem, second


def saved_counts_match(url: str, result_key: str, people: list[Participant]) -> bool:
    """The database holds this room once, with one first-round count per answer pressed."""
    results = ResultStore(url)
    try:
        read = results.load_results()
    finally:
        results.close()
    mine = [r for r in read.results if r.result_key == result_key]
    if len(mine) != 1:
        return False
    first = mine[0].round_counts(1)[0]
    pressed = {c.value: sum(1 for p in people if p.choice == c.value) for c in CHOICES}
    return mine[0].participants == len(people) and (first.green, first.amber, first.red, first.not_sure) == (
        pressed["green"],
        pressed["amber"],
        pressed["red"],
        pressed["unsure"],
    )


def run_room(rig: Rig, pack: Pack, phones: int, window_s: float, seed: int, budget_s: float = 300.0) -> RoomRun:
    """One room: the phones vote within the window while the trainer's screen is watched; then end and save."""
    deadline = time.perf_counter() + budget_s
    rng = random.Random(seed)  # which answer, and when
    store = rig.store
    key = new_token()
    code = rig.new_room(pack, key, seed)
    room = store.get(code)
    assert room is not None
    words = {c.value: ("Not sure" if c.level is None else pack.level_label(c.level)) for c in CHOICES}

    # Warm every replica (the first run imports and loads the pack), as a running server is.
    for url in rig.urls:
        with FragmentSession(url, page_name="join", query_string=f"room={code}&p={new_token()}") as s:
            s.load()
    # Each phone holds a token the server issued (as after its first visit); opening
    # /join?room=CODE&p=TOKEN is then what a phone does after a reload.
    people = [
        Participant(
            replica=i % rig.replicas,
            token=_issued(store, code),
            choice=rng.choice([c.value for c in CHOICES]),
            vote_at=rng.uniform(0, window_s),
        )
        for i in range(phones)
    ]
    # The trainer's page first (it imports the summary's libraries), then the readings, then the phones.
    trainer = FragmentSession(rig.urls[0], page_name="room", query_string=f"room={code}&key={key}")
    trainer.connect()
    first = trainer.load()
    if answered(first) is None or not trainer.fragment_ids:
        trainer.close()
        raise RuntimeError("trainer page did not show a count:\n" + first.text[:500])
    load_before = os.getloadavg()
    ticks_before = machine_cpu_ticks()
    redis_before = redis_memory(rig.redis_url)
    rss_before = [process_rss_kib(s.pid) for s in rig.servers]

    crowd = Crowd(rig.urls, code, people, window_s, words)
    observations: list[tuple[float, float, int]] = []  # (run started, run finished, count)
    trainer_polls: list[float] = []
    stop = threading.Event()
    errors: list[str] = []
    save_s: float | None = None
    save_problem = second_tab = ""
    cpu_voting = voting_s = 0.0
    try:
        _, open_times = crowd.receive(deadline - time.perf_counter())
        rss_open = [process_rss_kib(s.pid) for s in rig.servers]

        def trainer_loop() -> None:
            while not stop.is_set():
                began = time.perf_counter()
                try:
                    result = trainer.fragment_rerun()
                except SessionError as error:
                    errors.append(f"trainer: {error}")
                    return
                ended = time.perf_counter()
                trainer_polls.append(result.latency_s)
                count = answered(result)
                if count is not None:
                    observations.append((began, ended, count))
                stop.wait(max(0.0, TRAINER_POLL_SECONDS - (ended - began)))

        watcher = threading.Thread(target=trainer_loop)
        watcher.start()
        opened = time.perf_counter() + 0.5
        cpu_before = sum(process_cpu_seconds(s.pid) for s in rig.servers)
        crowd.send("go", opened)
        # Every vote is pressed inside the window; then let the trainer see the last ones (at most 10 s more),
        # and keep watching a little longer, so that a vote acknowledged during the run that first counted
        # it is also seen by a run that started after its acknowledgement.
        settle = min(opened + window_s + 10, deadline)
        while time.perf_counter() < settle and (
            time.perf_counter() < opened + window_s or not observations or observations[-1][2] < phones
        ):
            time.sleep(0.1)
        all_in = time.perf_counter()
        while time.perf_counter() < min(settle, all_in + 2.0) or (
            time.perf_counter() < settle and sum(1 for o in observations if o[0] > all_in) < 2
        ):
            time.sleep(0.1)
        stop.set()
        watcher.join()
        voting_s = time.perf_counter() - opened
        cpu_voting = sum(process_cpu_seconds(s.pid) for s in rig.servers) - cpu_before
        if rig.database_url is not None and time.perf_counter() < deadline:
            save_s, save_problem, second_tab = end_and_save(rig, trainer, code, key)
        crowd.send("stop")
        _, people = crowd.receive(max(30.0, deadline - time.perf_counter()))
    finally:
        stop.set()
        crowd.send("stop")
        crowd.close()
        trainer.close()
    redis_after = redis_memory(rig.redis_url)

    # Vote to count shown: the first trainer run that started after the vote's press had returned.
    latencies, from_press = [], []
    unseen = 0
    for person in people:
        shown = next((end for began, end, _count in observations if person.acked and began >= person.acked), None)
        if shown is None:
            unseen += 1
        else:
            latencies.append(shown - person.acked)
            from_press.append(shown - person.sent)
    tally = store.tally(code, 0)
    stored_right = sum(
        1 for p in people if (v := store.my_vote(code, 0, token_participant(p.token))) and v.value == p.choice
    )
    errors += [p.error for p in people if p.error]
    return RoomRun(
        phones=phones,
        replicas=rig.replicas,
        window_s=window_s,
        database=_database_name(rig.database_url),
        vote_to_count=summarise(latencies),
        from_press=summarise(from_press),
        unseen=unseen,
        lost=phones - tally.answered,
        redis_count=tally.answered,
        trainer_last=observations[-1][2] if observations else 0,
        stored_right=stored_right,
        rejected=sum(1 for p in people if p.sent and not p.accepted),
        errors=errors,
        ack=summarise([p.acked - p.sent for p in people if p.acked]),
        phone_poll=summarise([x for p in people for x in p.polls]),
        trainer_poll=summarise(trainer_polls),
        opening=summarise(open_times),
        save_s=save_s,
        save_problem=save_problem,
        second_tab=second_tab,
        saved_right=saved_counts_match(rig.database_url, room.result_key, people) if rig.database_url else None,
        memory_kib_per_phone=(sum(rss_open) - sum(rss_before)) / phones,
        redis_bytes_per_phone=(redis_after - redis_before) / phones,
        load_before=load_before,
        load_after=os.getloadavg(),
        busy_percent=machine_busy_percent(ticks_before, machine_cpu_ticks()),
        replica_cpu_s=cpu_voting,
        voting_s=voting_s,
    )


def _database_name(url: str | None) -> str:
    if url is None:
        return "none"
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", "--participants", dest="phones", type=int, default=100)
    parser.add_argument("--window", type=float, default=10.0, help="seconds in which every phone votes")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--database", choices=DATABASES, default="none", help="results database: save the room too")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--budget", type=float, default=300.0, help="seconds the room may take once started")
    args = parser.parse_args(argv)
    pack = load_pack(REPO_ROOT / "behaviours" / "content")
    with rig(args.replicas, args.database) as running:
        result = run_room(running, pack, args.phones, args.window, args.seed, args.budget)
    print("rooms bench: " + "\n".join(result.lines()))
    met = result.votes_met and result.save_met is not False
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
