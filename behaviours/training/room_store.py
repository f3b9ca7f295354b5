"""Where live rooms are kept: in this process, or in Redis shared by every replica.

With TRAFFIC_LIGHT_REDIS_URL unset, rooms live in this process's memory (one
instance, nothing else to run). With it set (e.g. redis://redis:6379/0), every
replica reads and writes the same rooms, so a trainer on one replica sees the
votes of participants on another.

What is stored is only what behaviours/rooms.py allows: pack ids, the position,
the trainer key's hash, the room's secret for participant tokens, random participant ids and
their answers, the times of the last minute's joins, and counts.
Every key expires with its room (ROOM_TTL_SECONDS).
"""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from behaviours.training.rooms import (
    JOINS_PER_ROOM_PER_MINUTE,
    MAX_CHANGES_PER_ITEM,
    MAX_PARTICIPANTS,
    MINUTE,
    ROOM_TTL_SECONDS,
    Admission,
    Choice,
    JoinOutcome,
    Joins,
    Room,
    Tally,
    VoteOutcome,
    issue_participant_token,
    join_decision,
    new_code,
    new_participant_id,
    new_result_key,
    new_token,
    participant_of,
    vote_decision,
)

REDIS_ENV = "TRAFFIC_LIGHT_REDIS_URL"
KEY_PREFIX = "tlr:room:"
# A page must never hang on a dead Redis: fail within a second and say so.
REDIS_TIMEOUT_SECONDS = 1.0


def _with_result_key(room: Room) -> Room:
    """The room as created: with a fresh random result key unless it already has one."""
    return room if room.result_key else replace(room, result_key=new_result_key())


class StoreUnavailable(RuntimeError):
    """The shared store cannot be reached; pages say so in words and carry on."""


class RoomStore(ABC):
    """The operations pages need; both implementations pass the same tests."""

    @abstractmethod
    def create(self, room: Room, key_hash: str, secret: str | None = None) -> bool:
        """Store a new room (with a fresh secret for its participant tokens); False when the code is taken."""

    @abstractmethod
    def admit(self, code: str, now: float) -> Admission:
        """Admit one new participant, atomically (see rooms.join_decision), and issue their token."""

    @abstractmethod
    def participant(self, code: str, token: str | None) -> str | None:
        """The participant id of a token this room's secret signed; None for any other token."""

    @abstractmethod
    def joins(self, code: str, now: float) -> Joins:
        """How many have joined the room, and how many in the minute before ``now``."""

    @abstractmethod
    def get(self, code: str) -> Room | None:
        """The room, or None when it never existed or has expired."""

    @abstractmethod
    def key_hash(self, code: str) -> str | None:
        """The stored hash of the room's trainer key."""

    @abstractmethod
    def save(self, room: Room) -> bool:
        """Store the trainer's change (position, reveal, end); False when the room has gone."""

    @abstractmethod
    def vote(self, code: str, item_index: int, participant: str, choice: Choice, round_number: int = 1) -> VoteOutcome:
        """Record one participant's answer for one item in one round, atomically (see rooms.vote_decision)."""

    @abstractmethod
    def my_vote(self, code: str, item_index: int, participant: str, round_number: int = 1) -> Choice | None:
        """This participant's current answer for the item in that round, if any."""

    @abstractmethod
    def tally(self, code: str, item_index: int, round_number: int = 1) -> Tally:
        """The counts for one item in one round."""

    @abstractmethod
    def voters(self, code: str) -> int:
        """How many different participants answered anything in the room (the participants a result counts)."""

    def tallies(self, code: str, items: int) -> dict[tuple[int, int], Tally]:
        """Every item's counts in both rounds, keyed by (item index, round): what a room's result is made from."""
        return {(index, number): self.tally(code, index, number) for index in range(items) for number in (1, 2)}

    @abstractmethod
    def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot be reached."""

    description: str = ""


CODE_ATTEMPTS = 5  # fresh codes tried before a start gives up (a clash is about 1 in 8.9 million per live room)


def start_room(
    store: RoomStore,
    room: Room,
    key_hash: str,
    codes: Callable[[], str] = new_code,
    attempts: int = CODE_ATTEMPTS,
) -> Room | None:
    """Store ``room`` under the first of ``attempts`` fresh codes that no live room holds; None when every one was taken.

    ``room``'s own code is ignored (each attempt draws one from ``codes``). StoreUnavailable passes through.
    """
    room = _with_result_key(room)  # the caller holds the same room the store keeps, result key included
    for _attempt in range(attempts):
        candidate = replace(room, code=codes())
        if store.create(candidate, key_hash, new_token()):
            return candidate
    return None


# ------------------------------------------------------------------ in this process


@dataclass
class _MemoryRoom:
    room: Room
    key_hash: str
    expires_at: float
    secret: str = ""
    joined: int = 0
    join_times: deque[float] = field(default_factory=deque)
    votes: dict[tuple[int, int], dict[str, Choice]] = field(default_factory=dict)  # by (item, round)
    changes: dict[tuple[int, int], dict[str, int]] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)


class MemoryStore(RoomStore):
    """Rooms in this process only: right for one instance (`make run`), wrong for replicas."""

    description = "this server's memory (one instance only)"

    def __init__(self, clock: Callable[[], float] | None = None, ttl_seconds: int = ROOM_TTL_SECONDS) -> None:
        if clock is None:
            from behaviours.core.clock import now  # the app's one clock

            def clock() -> float:
                return now().timestamp()

        self._clock: Callable[[], float] = clock
        self._ttl = ttl_seconds
        self._rooms: dict[str, _MemoryRoom] = {}
        # Codes in the order they expire (every room lives the same time): a create drops the
        # expired ones from the front, so its cost does not grow with the number of rooms.
        self._expiry_order: deque[tuple[float, str]] = deque()
        self._lock = threading.Lock()

    def _live(self, code: str) -> _MemoryRoom | None:
        held = self._rooms.get(code)
        if held is not None and held.expires_at <= self._clock():
            del self._rooms[code]
            return None
        return held

    def create(self, room: Room, key_hash: str, secret: str | None = None) -> bool:
        with self._lock:
            now = self._clock()
            while self._expiry_order and self._expiry_order[0][0] <= now:
                expires_at, code = self._expiry_order.popleft()
                held = self._rooms.get(code)
                if held is not None and held.expires_at == expires_at:
                    del self._rooms[code]
            if self._live(room.code) is not None:
                return False
            expires_at = now + self._ttl
            self._rooms[room.code] = _MemoryRoom(
                room=_with_result_key(room), key_hash=key_hash, expires_at=expires_at, secret=secret or new_token()
            )
            self._expiry_order.append((expires_at, room.code))
            return True

    def admit(self, code: str, now: float) -> Admission:
        with self._lock:
            held = self._live(code)
            if held is not None:
                while held.join_times and held.join_times[0] <= now - MINUTE:
                    held.join_times.popleft()
            outcome = join_decision(
                held.room if held else None, held.joined if held else 0, len(held.join_times) if held else 0
            )
            if held is None or outcome is not JoinOutcome.ADMITTED:
                return Admission(outcome)
            held.joined += 1
            held.join_times.append(now)
            return Admission(outcome, issue_participant_token(held.secret, code))

    def participant(self, code: str, token: str | None) -> str | None:
        with self._lock:
            held = self._live(code)
            return participant_of(token, held.secret if held else None, code)

    def joins(self, code: str, now: float) -> Joins:
        with self._lock:
            held = self._live(code)
            if held is None:
                return Joins()
            return Joins(held.joined, sum(1 for t in held.join_times if now - MINUTE < t <= now))

    def get(self, code: str) -> Room | None:
        with self._lock:
            held = self._live(code)
            return held.room if held else None

    def key_hash(self, code: str) -> str | None:
        with self._lock:
            held = self._live(code)
            return held.key_hash if held else None

    def save(self, room: Room) -> bool:
        with self._lock:
            held = self._live(room.code)
            if held is None:
                return False
            held.room = replace(room, result_key=held.room.result_key)  # as Redis: only the trainer's change
            return True

    def vote(self, code: str, item_index: int, participant: str, choice: Choice, round_number: int = 1) -> VoteOutcome:
        with self._lock:
            held = self._live(code)
            votes = held.votes.setdefault((item_index, round_number), {}) if held else {}
            changes = held.changes.setdefault((item_index, round_number), {}) if held else {}
            outcome = vote_decision(
                held.room if held else None,
                item_index,
                votes.get(participant),
                choice,
                changes.get(participant, 0),
                held is not None and participant in held.people,
                len(held.people) if held else 0,
                round_number,
            )
            if held is not None and outcome is VoteOutcome.COUNTED:
                held.people.add(participant)
                votes[participant] = choice
            elif held is not None and outcome is VoteOutcome.CHANGED:
                changes[participant] = changes.get(participant, 0) + 1
                votes[participant] = choice
            return outcome

    def my_vote(self, code: str, item_index: int, participant: str, round_number: int = 1) -> Choice | None:
        with self._lock:
            held = self._live(code)
            return held.votes.get((item_index, round_number), {}).get(participant) if held else None

    def tally(self, code: str, item_index: int, round_number: int = 1) -> Tally:
        with self._lock:
            held = self._live(code)
            counts: dict[Choice, int] = {}
            for choice in (held.votes.get((item_index, round_number), {}) if held else {}).values():
                counts[choice] = counts.get(choice, 0) + 1
            return Tally(counts=counts)

    def voters(self, code: str) -> int:
        with self._lock:
            held = self._live(code)
            return len(held.people) if held else 0

    def ping(self) -> None:
        return None


# ------------------------------------------------------------------ Redis

# The whole vote in one atomic step on the server: the same rule as rooms.vote_decision.
# ARGV[6] is the round the phone answered; it must be the round on screen (KEYS[2..4] are that round's).
# A participant's answer is one field of a hash (HSET), so a repeat replaces, never adds;
# the counts hash moves by exactly one between answers. Every key lives as long as the room.
_VOTE_SCRIPT = """
local room = redis.call('HMGET', KEYS[1], 'current', 'revealed', 'ended', 'round')
if not room[1] or room[3] == '1' then return 'no_room' end
if room[1] ~= ARGV[1] or (room[4] or '1') ~= ARGV[6] or room[2] == '1' then return 'closed' end
local previous = redis.call('HGET', KEYS[2], ARGV[2])
local outcome
if not previous then
  if redis.call('SISMEMBER', KEYS[5], ARGV[2]) == 0 and redis.call('SCARD', KEYS[5]) >= tonumber(ARGV[5]) then
    return 'room_full'
  end
  redis.call('SADD', KEYS[5], ARGV[2])
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
  redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
  outcome = 'counted'
elseif previous == ARGV[3] then
  return 'unchanged'
else
  if tonumber(redis.call('HGET', KEYS[4], ARGV[2]) or '0') >= tonumber(ARGV[4]) then
    return 'too_many_changes'
  end
  redis.call('HINCRBY', KEYS[4], ARGV[2], 1)
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
  redis.call('HINCRBY', KEYS[3], previous, -1)
  redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
  outcome = 'changed'
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  for i = 2, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
end
return outcome
"""

# A new room claims its code atomically and expires on its own from the start.
_CREATE_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1
"""

# The trainer's change applies only while the room exists (no resurrecting an expired room).
_SAVE_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'current', ARGV[1], 'revealed', ARGV[2], 'ended', ARGV[3], 'version', ARGV[4],
  'locked', ARGV[5], 'round', ARGV[6])
return 1
"""

# One join, atomically: the same rule as rooms.join_decision. KEYS[2] is a sorted set of the
# last minute's joins (member: the new participant id, score: the time), trimmed on each join,
# so it never holds more than JOINS_PER_ROOM_PER_MINUTE ids. Returns the outcome and, when
# admitted, the room's secret, with which the caller signs the participant's token.
_ADMIT_SCRIPT = """
local room = redis.call('HMGET', KEYS[1], 'ended', 'locked', 'secret', 'joined')
if not room[3] or room[1] == '1' then return {'no_room'} end
if room[2] == '1' then return {'closed'} end
if tonumber(room[4] or '0') >= tonumber(ARGV[4]) then return {'full'} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return {'busy'} end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[5])
redis.call('HINCRBY', KEYS[1], 'joined', 1)
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return {'admitted', room[3]}
"""


def _as_int(value: object) -> int:
    """A Redis reply read as a whole number (a missing field counts as 0)."""
    if value is None:
        return 0
    if isinstance(value, (int, str, bytes)):
        return int(value)
    raise StoreUnavailable("The room service gave an answer that is not a number.")


def _as_list(value: object) -> list[object]:
    """A Redis pipeline's replies, as a list."""
    if isinstance(value, list):
        return value
    raise StoreUnavailable("The room service gave an answer that is not a list.")


class RedisStore(RoomStore):
    """Rooms in Redis (or Valkey): shared by every replica, expiring on their own."""

    description = "Redis, shared by every replica"

    def __init__(self, url: str, ttl_seconds: int = ROOM_TTL_SECONDS) -> None:
        import redis

        # Any Redis failure (refused, timed out, wrong password, not Redis at all) reads the same to a user.
        self._errors: tuple[type[BaseException], ...] = (redis.exceptions.RedisError, OSError)
        self._broken: str | None = None
        try:
            self._redis = redis.Redis.from_url(
                url,
                decode_responses=True,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                health_check_interval=30,
            )
        except ValueError as error:  # a malformed TRAFFIC_LIGHT_REDIS_URL: every call says unavailable
            self._broken = f"{REDIS_ENV} is not a Redis address ({error.__class__.__name__})"
            self._redis = redis.Redis(host="127.0.0.1", port=1)  # never called while broken
        self._ttl = ttl_seconds
        self._create = self._redis.register_script(_CREATE_SCRIPT)
        self._vote = self._redis.register_script(_VOTE_SCRIPT)
        self._save = self._redis.register_script(_SAVE_SCRIPT)
        self._admit = self._redis.register_script(_ADMIT_SCRIPT)

    @staticmethod
    def _keys(code: str, item_index: int, round_number: int = 1) -> list[str]:
        base = f"{KEY_PREFIX}{code}"
        # The first round keeps the names rooms had before there were rounds; the second has its own.
        slot = f"{item_index}" if round_number == 1 else f"{item_index}:r2"
        return [
            base,
            f"{base}:votes:{slot}",
            f"{base}:counts:{slot}",
            f"{base}:changes:{slot}",
            f"{base}:people",
        ]

    def _call(self, action: Callable[[], object]) -> object:
        if self._broken:
            raise StoreUnavailable(self._broken)
        try:
            return action()
        except self._errors as error:
            raise StoreUnavailable("The room service cannot be reached.") from error

    def create(self, room: Room, key_hash: str, secret: str | None = None) -> bool:
        stored = {
            **_with_result_key(room).to_fields(),
            "key_hash": key_hash,
            "secret": secret or new_token(),
            "joined": "0",
        }
        fields: list[str | int] = [part for pair in stored.items() for part in pair]
        return bool(self._call(lambda: self._create(keys=[f"{KEY_PREFIX}{room.code}"], args=[self._ttl, *fields])))

    def admit(self, code: str, now: float) -> Admission:
        person = new_participant_id()
        keys = [f"{KEY_PREFIX}{code}", f"{KEY_PREFIX}{code}:joins"]
        args: list[str | int] = [repr(now), repr(now - MINUTE), JOINS_PER_ROOM_PER_MINUTE, MAX_PARTICIPANTS, person]
        result = self._call(lambda: self._admit(keys=keys, args=args))
        parts = list(result) if isinstance(result, list) else []
        outcome = JoinOutcome(parts[0]) if parts else JoinOutcome.NO_ROOM
        if outcome is JoinOutcome.ADMITTED and len(parts) == 2:
            return Admission(outcome, issue_participant_token(str(parts[1]), code, person))
        return Admission(outcome if outcome is not JoinOutcome.ADMITTED else JoinOutcome.NO_ROOM)

    def participant(self, code: str, token: str | None) -> str | None:
        if token is None:
            return None
        secret = self._call(lambda: self._redis.hget(f"{KEY_PREFIX}{code}", "secret"))
        return participant_of(token, secret if isinstance(secret, str) else None, code)

    def joins(self, code: str, now: float) -> Joins:
        def read() -> list[object]:
            pipe = self._redis.pipeline(transaction=False)
            pipe.hget(f"{KEY_PREFIX}{code}", "joined")
            pipe.zcount(f"{KEY_PREFIX}{code}:joins", f"({now - MINUTE!r}", repr(now))
            return list(pipe.execute())

        joined, recent = _as_list(self._call(read))
        return Joins(_as_int(joined), _as_int(recent))

    def get(self, code: str) -> Room | None:
        fields = self._call(lambda: self._redis.hgetall(f"{KEY_PREFIX}{code}"))
        if not isinstance(fields, dict) or "items" not in fields:
            return None
        return Room.from_fields(fields)

    def key_hash(self, code: str) -> str | None:
        value = self._call(lambda: self._redis.hget(f"{KEY_PREFIX}{code}", "key_hash"))
        return value if isinstance(value, str) else None

    def save(self, room: Room) -> bool:
        fields = room.to_fields()
        args = [
            fields["current"],
            fields["revealed"],
            fields["ended"],
            fields["version"],
            fields["locked"],
            fields["round"],
        ]
        return bool(self._call(lambda: self._save(keys=[f"{KEY_PREFIX}{room.code}"], args=args)))

    def vote(self, code: str, item_index: int, participant: str, choice: Choice, round_number: int = 1) -> VoteOutcome:
        args = [str(item_index), participant, choice.value, MAX_CHANGES_PER_ITEM, MAX_PARTICIPANTS, str(round_number)]
        result = self._call(lambda: self._vote(keys=self._keys(code, item_index, round_number), args=args))
        return VoteOutcome(result)

    def my_vote(self, code: str, item_index: int, participant: str, round_number: int = 1) -> Choice | None:
        value = self._call(lambda: self._redis.hget(self._keys(code, item_index, round_number)[1], participant))
        return Choice(value) if isinstance(value, str) and value in {c.value for c in Choice} else None

    def tally(self, code: str, item_index: int, round_number: int = 1) -> Tally:
        raw = self._call(lambda: self._redis.hgetall(self._keys(code, item_index, round_number)[2]))
        return Tally.from_raw(raw if isinstance(raw, dict) else {})

    def voters(self, code: str) -> int:
        return _as_int(self._call(lambda: self._redis.scard(f"{KEY_PREFIX}{code}:people")))

    def tallies(self, code: str, items: int) -> dict[tuple[int, int], Tally]:
        slots = [(index, number) for index in range(items) for number in (1, 2)]

        def read() -> list[object]:
            pipe = self._redis.pipeline(transaction=False)
            for index, number in slots:
                pipe.hgetall(self._keys(code, index, number)[2])
            return list(pipe.execute())

        raws = _as_list(self._call(read))
        return {
            slot: Tally.from_raw(raw if isinstance(raw, dict) else {}) for slot, raw in zip(slots, raws, strict=True)
        }

    def ping(self) -> None:
        self._call(self._redis.ping)

    def ttl(self, code: str) -> int:
        """Seconds the room has left (-2 when gone): for tests and the bench."""
        return _as_int(self._call(lambda: self._redis.ttl(f"{KEY_PREFIX}{code}")))

    def close(self) -> None:
        self._redis.close()


def store_from_env(environ: dict[str, str] | None = None) -> RoomStore:
    """Redis when TRAFFIC_LIGHT_REDIS_URL is set, else this process's memory."""
    url = (environ if environ is not None else os.environ).get(REDIS_ENV, "").strip()
    return RedisStore(url) if url else MemoryStore()
