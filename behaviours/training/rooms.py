"""Live training rooms: the rules, with no Streamlit and no storage in them.

A trainer opens a room on one age band with a list of pack items (descriptors or
scenarios). Participants join anonymously with the room's short code and rate the
item on screen green, amber, red or "not sure". A room holds only pack item ids,
its position, and counts: never a name, never free text, never anything about a
real child. behaviours/room_store.py keeps rooms in memory or in Redis.

Rate, discuss, re-rate (issue 27): a room started with two rounds rates each item once,
sees its spread without the pack's answer, discusses it, rates it again, and only then
sees the pack's answer beside both rounds. Each round's answers are counted apart.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import urllib.parse
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from behaviours.pack.model import Behaviour, Level, Scenario
from behaviours.pack.pack import Pack

# No 0/O, 1/I/L: a code read off a projector or typed on a phone cannot be misread.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
# A room lasts one training session, then disappears on its own (Redis TTL; the same in memory).
ROOM_TTL_SECONDS = 4 * 60 * 60
# One current vote per participant per item; changing it is allowed, but only this often per item,
# so one phone cannot churn the room's counts.
MAX_CHANGES_PER_ITEM = 10
# Enough for a large training room; a cap keeps a leaked code from filling the store.
MAX_PARTICIPANTS = 500
MAX_ITEMS = 60
TOKEN_BYTES = 16
# A participant token is issued by the server: a random participant id and its HMAC under the
# room's own secret, so a client can neither choose one nor make a new one.
PARTICIPANT_ID_BYTES = 8
SIGNATURE_BYTES = 16

# Who may join, and how fast (issue 26). A training room of about 150 phones, all behind one
# office address, joins in the minute after the code goes up; a fifth more covers phones that
# join twice (a second browser). One client opening sessions in a loop is held to the same pace,
# and the trainer sees joins per minute and can close the room once everyone is in.
JOINS_PER_ROOM_PER_MINUTE = 180
# One browser session keeps one participant per room (a reload keeps it through its address);
# it may join this many different rooms an hour.
JOINS_PER_SESSION_PER_HOUR = 10
# Codes that are not a room (mistyped, unknown or ended) one session may try before it must wait.
WRONG_CODES_PER_SESSION_PER_MINUTE = 5
# Starting rooms: a trainer starts one or two a session; a replica keeps at most this many live.
ROOMS_PER_SESSION_PER_HOUR = 5
LIVE_ROOMS_PER_REPLICA = 100
MINUTE = 60.0
HOUR = 60 * MINUTE
# How often the pages poll the store (st.fragment(run_every=...)). The trainer's count should
# show a vote within a second (bench/rooms.py); a phone only needs to follow the trainer's moves.
TRAINER_POLL_SECONDS = 0.5
PARTICIPANT_POLL_SECONDS = 1.5


class Choice(str, Enum):
    """What a participant can answer: a level, or not sure."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    UNSURE = "unsure"

    @property
    def level(self) -> Level | None:
        return None if self is Choice.UNSURE else Level(self.value)


CHOICES: tuple[Choice, ...] = (Choice.GREEN, Choice.AMBER, Choice.RED, Choice.UNSURE)


class ItemKind(str, Enum):
    BEHAVIOUR = "behaviour"
    SCENARIO = "scenario"

    @property
    def words(self) -> str:
        return "Descriptors" if self is ItemKind.BEHAVIOUR else "Scenarios"


@dataclass(frozen=True)
class Room:
    """A room's shared state: what is on screen, which round of it, and whether its spread has been revealed."""

    code: str
    band: str
    kind: ItemKind
    items: tuple[str, ...]  # pack ids, in the order the room sees them
    current: int = 0
    revealed: bool = False
    ended: bool = False
    closed_to_joiners: bool = False  # the trainer has everyone in: no new participant is admitted
    version: int = 0  # goes up on every change, so a poll can tell "nothing new" cheaply
    two_rounds: bool = False  # rate, discuss, re-rate: each item is rated twice before the pack's answer
    round: int = 1  # 1: first answers; 2: answers after the spread was discussed
    # Random, made by the store when the room is created (new_result_key), kept with the room's state,
    # and stored with its saved result so that a second save of the same room (another tab) stores
    # nothing. It says nothing about the room: not its code, not a key or token. "" for a room made
    # before result keys existed, whose result is then saved without one.
    result_key: str = ""

    @property
    def position(self) -> str:
        return f"Item {self.current + 1} of {len(self.items)}"

    @property
    def current_item(self) -> str:
        return self.items[self.current]

    @property
    def stage(self) -> Stage:
        """Where the item on screen is: open for answers, its spread under discussion, or answered by the pack."""
        if not self.revealed:
            return Stage.RATING if self.round == 1 else Stage.RATING_AGAIN
        if self.two_rounds and self.round == 1:
            return Stage.DISCUSSING
        return Stage.ANSWER

    @property
    def round_words(self) -> str:
        """E.g. 'first round' / 'second round, after discussion' (empty in a one-round room)."""
        if not self.two_rounds:
            return ""
        return "First answers" if self.round == 1 else "Rating again, after discussion"

    def to_fields(self) -> dict[str, str]:
        """Flat text fields, as stored in a Redis hash."""
        return {
            "code": self.code,
            "band": self.band,
            "kind": self.kind.value,
            "items": ",".join(self.items),
            "current": str(self.current),
            "revealed": "1" if self.revealed else "0",
            "ended": "1" if self.ended else "0",
            "locked": "1" if self.closed_to_joiners else "0",
            "version": str(self.version),
            "rounds": "2" if self.two_rounds else "1",
            "round": str(self.round),
            "result_key": self.result_key,
        }

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> Room:
        return cls(
            code=fields["code"],
            band=fields["band"],
            kind=ItemKind(fields["kind"]),
            items=tuple(i for i in fields["items"].split(",") if i),
            current=int(fields["current"]),
            revealed=fields["revealed"] == "1",
            ended=fields["ended"] == "1",
            closed_to_joiners=fields.get("locked", "0") == "1",
            version=int(fields.get("version", "0")),
            two_rounds=fields.get("rounds", "1") == "2",
            round=2 if fields.get("round", "1") == "2" else 1,
            result_key=fields.get("result_key", ""),
        )


# ------------------------------------------------------------------ moving through a room


class Stage(str, Enum):
    """Where the item on screen is in its rounds."""

    RATING = "rating"  # round 1 open for answers
    DISCUSSING = "discussing"  # round 1's spread shown, the pack's answer not yet (two-round rooms)
    RATING_AGAIN = "rating_again"  # round 2 open for answers
    ANSWER = "answer"  # the spread (both rounds where there were two) and the pack's answer


def move(room: Room, change: int) -> Room:
    """Next (+1) or Previous (-1): a new item starts hidden, in its first round; the ends are clamped."""
    target = max(0, min(len(room.items) - 1, room.current + change))
    if target == room.current:
        return room
    return replace(room, current=target, revealed=False, round=1, version=room.version + 1)


def reveal(room: Room) -> Room:
    """Show the room's spread; voting on this round closes. In a two-round room's first round the
    pack's rating stays hidden (the room discusses, then rates again); otherwise it is shown too."""
    return room if room.revealed else replace(room, revealed=True, version=room.version + 1)


def rate_again(room: Room) -> Room:
    """After the first round's spread was discussed: open the second round (its answers start empty)."""
    if room.stage is not Stage.DISCUSSING:
        return room
    return replace(room, round=2, revealed=False, version=room.version + 1)


def show_answer(room: Room) -> Room:
    """Skip the second round for this item (the room already agreed): the pack's answer, beside round 1 alone."""
    if room.stage is not Stage.DISCUSSING:
        return room
    return replace(room, round=2, revealed=True, version=room.version + 1)


def end(room: Room) -> Room:
    return room if room.ended else replace(room, ended=True, version=room.version + 1)


def close_to_joiners(room: Room) -> Room:
    """Everyone is in: nobody new is admitted (those already in keep voting)."""
    return room if room.closed_to_joiners else replace(room, closed_to_joiners=True, version=room.version + 1)


def open_to_joiners(room: Room) -> Room:
    return replace(room, closed_to_joiners=False, version=room.version + 1) if room.closed_to_joiners else room


class JoinOutcome(str, Enum):
    """What happened when a session asked to join a room, each with the sentence it reads."""

    ADMITTED = "admitted"
    NO_ROOM = "no_room"  # unknown, expired or ended: one answer for all three
    CLOSED = "closed"
    BUSY = "busy"
    FULL = "full"

    @property
    def message(self) -> str:
        return _JOIN_MESSAGES[self]


NO_ROOM_MESSAGE = "There is no room with that code. Check the code on the screen; the room may have ended or expired."
_JOIN_MESSAGES = {
    JoinOutcome.ADMITTED: "",
    JoinOutcome.NO_ROOM: NO_ROOM_MESSAGE,
    JoinOutcome.CLOSED: "This room is not taking new people. Ask the trainer to open it again.",
    JoinOutcome.BUSY: "Many people are joining this room at once. Wait a few seconds, then press Join again.",
    JoinOutcome.FULL: "This room is full. Ask the trainer about another room.",
}


def join_decision(room: Room | None, joined: int, joins_last_minute: int) -> JoinOutcome:
    """The join rule both stores follow (the Redis store runs it in one Lua script)."""
    if room is None or room.ended:
        return JoinOutcome.NO_ROOM
    if room.closed_to_joiners:
        return JoinOutcome.CLOSED
    if joined >= MAX_PARTICIPANTS:
        return JoinOutcome.FULL
    if joins_last_minute >= JOINS_PER_ROOM_PER_MINUTE:
        return JoinOutcome.BUSY
    return JoinOutcome.ADMITTED


@dataclass(frozen=True)
class Admission:
    """A join's outcome and, when admitted, the participant token the server issued."""

    outcome: JoinOutcome
    token: str | None = None


@dataclass(frozen=True)
class Joins:
    """For the trainer: how many have joined, and how many in the last minute."""

    total: int = 0
    last_minute: int = 0

    @property
    def sentence(self) -> str:
        people = "Nobody has joined yet" if self.total == 0 else f"{self.total} joined"
        return f"{people} · {self.last_minute} in the last minute"


class VoteOutcome(str, Enum):
    """What happened to a vote, each with the sentence a participant reads."""

    COUNTED = "counted"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CLOSED = "closed"  # revealed, moved on, or ended
    TOO_MANY_CHANGES = "too_many_changes"
    ROOM_FULL = "room_full"
    NO_ROOM = "no_room"

    @property
    def accepted(self) -> bool:
        return self in (VoteOutcome.COUNTED, VoteOutcome.CHANGED, VoteOutcome.UNCHANGED)

    @property
    def message(self) -> str:
        return _OUTCOME_MESSAGES[self]


_OUTCOME_MESSAGES = {
    VoteOutcome.COUNTED: "Your answer is in.",
    VoteOutcome.CHANGED: "Your answer is changed.",
    VoteOutcome.UNCHANGED: "Your answer is in.",
    VoteOutcome.CLOSED: "Answers for this item have closed. Wait for the next one.",
    VoteOutcome.TOO_MANY_CHANGES: "You have changed this answer too many times; your last answer stands.",
    VoteOutcome.ROOM_FULL: "This room is full, so your answer could not be added.",
    VoteOutcome.NO_ROOM: "This room has ended or expired.",
}


def vote_decision(
    room: Room | None,
    item_index: int,
    previous: Choice | None,
    choice: Choice,
    changes_so_far: int,
    known_participant: bool,
    participants: int,
    round_number: int = 1,
) -> VoteOutcome:
    """The vote rule both stores follow (the Redis store runs the same rule in one Lua script).

    One current vote per participant per item and round: a second vote replaces the first, and
    may change it at most MAX_CHANGES_PER_ITEM times. Votes count only for the item and round on
    screen before its Reveal (a first-round answer sent late never lands in the second round).
    A room takes at most MAX_PARTICIPANTS different participants.
    """
    if room is None or room.ended:
        return VoteOutcome.NO_ROOM
    if item_index != room.current or round_number != room.round or room.revealed:
        return VoteOutcome.CLOSED
    if previous is None:
        if not known_participant and participants >= MAX_PARTICIPANTS:
            return VoteOutcome.ROOM_FULL
        return VoteOutcome.COUNTED
    if previous == choice:
        return VoteOutcome.UNCHANGED
    if changes_so_far >= MAX_CHANGES_PER_ITEM:
        return VoteOutcome.TOO_MANY_CHANGES
    return VoteOutcome.CHANGED


@dataclass(frozen=True)
class Tally:
    """How many chose each answer for one item."""

    counts: Mapping[Choice, int] = field(default_factory=dict)

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    def count(self, choice: Choice) -> int:
        return int(self.counts.get(choice, 0))

    @classmethod
    def from_raw(cls, raw: Mapping[str, int | str]) -> Tally:
        counts = {c: int(raw[c.value]) for c in CHOICES if c.value in raw and int(raw[c.value]) > 0}
        return cls(counts=counts)


def choice_word(pack: Pack, choice: Choice) -> str:
    """The word shown for an answer: the pack's level label, or 'Not sure'."""
    return "Not sure" if choice.level is None else pack.level_label(choice.level)


def spread_lines(pack: Pack, tally: Tally, width: int = 20) -> list[tuple[Choice, str, int, str]]:
    """For each answer: its word, count, and a bar of block characters (text, so it needs no colour)."""
    total = tally.answered
    lines = []
    for choice in CHOICES:
        count = tally.count(choice)
        bar = "█" * (round(width * count / total) if total else 0)
        lines.append((choice, choice_word(pack, choice), count, bar))
    return lines


def answered_sentence(answered: int) -> str:
    return "Nobody has answered yet." if answered == 0 else f"{answered} answered" if answered > 1 else "1 answered"


# ------------------------------------------------------------------ codes, tokens and keys


def new_code(rng: random.Random | None = None) -> str:
    """A fresh room code: 6 characters from CODE_ALPHABET (about 887 million codes)."""
    if rng is not None:
        return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def parse_code(raw: str | None) -> str | None:
    """A room code as typed or linked: case, spaces and hyphens forgiven; None when it cannot be one."""
    if raw is None:
        return None
    cleaned = "".join(ch for ch in str(raw).upper() if ch not in " -\t")
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


def new_token() -> str:
    """A random participant token or trainer key: 32 hex characters, meaning nothing."""
    return secrets.token_hex(TOKEN_BYTES)


def new_result_key() -> str:
    """A room's result key: 32 random hex characters of its own draw, meaning nothing (see Room.result_key)."""
    return secrets.token_hex(TOKEN_BYTES)


def parse_token(raw: str | None) -> str | None:
    if raw is None or len(raw) != TOKEN_BYTES * 2 or any(ch not in "0123456789abcdef" for ch in raw):
        return None
    return raw


def new_participant_id() -> str:
    return secrets.token_hex(PARTICIPANT_ID_BYTES)


def _signature(secret: str, code: str, participant: str) -> str:
    message = f"{code}:{participant}".encode("ascii")
    return hmac.new(secret.encode("ascii"), message, hashlib.sha256).hexdigest()[: SIGNATURE_BYTES * 2]


def issue_participant_token(secret: str, code: str, participant: str | None = None) -> str:
    """A participant token for this room: a random id and its HMAC under the room's secret."""
    person = participant or new_participant_id()
    return person + _signature(secret, code, person)


PARTICIPANT_TOKEN_LENGTH = (PARTICIPANT_ID_BYTES + SIGNATURE_BYTES) * 2


def participant_of(token: str | None, secret: str | None, code: str) -> str | None:
    """The participant id a token names, if the server issued it for this room; else None."""
    if token is None or secret is None or len(token) != PARTICIPANT_TOKEN_LENGTH:
        return None
    if any(ch not in "0123456789abcdef" for ch in token):
        return None
    person, signature = token[: PARTICIPANT_ID_BYTES * 2], token[PARTICIPANT_ID_BYTES * 2 :]
    return person if hmac.compare_digest(signature, _signature(secret, code, person)) else None


def token_participant(token: str) -> str:
    """The participant id inside a token already checked with participant_of."""
    return token[: PARTICIPANT_ID_BYTES * 2]


def hash_key(key: str) -> str:
    """The trainer key as stored: a SHA-256, so the store alone cannot open the trainer's view."""
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def key_matches(key: str | None, stored_hash: str | None) -> bool:
    if key is None or stored_hash is None or parse_token(key) is None:
        return False
    return hmac.compare_digest(hash_key(key), stored_hash)


# ------------------------------------------------------------------ how often


@dataclass(frozen=True)
class RateWindow:
    """At most ``limit`` events in any ``seconds``: a sliding window over the events' times.

    The history is a plain tuple of times, kept by whoever is limited (a session keeps its
    own in st.session_state), so the rule stays pure and a test can pin every moment.
    """

    limit: int
    seconds: float

    def recent(self, history: Sequence[float], now: float) -> tuple[float, ...]:
        return tuple(t for t in history if now - self.seconds < t <= now)

    def allows(self, history: Sequence[float], now: float) -> bool:
        return len(self.recent(history, now)) < self.limit

    def record(self, history: Sequence[float], now: float) -> tuple[float, ...]:
        """The history with this event added, and nothing older than the window kept."""
        return (*self.recent(history, now), now)


SESSION_JOINS = RateWindow(JOINS_PER_SESSION_PER_HOUR, HOUR)
SESSION_WRONG_CODES = RateWindow(WRONG_CODES_PER_SESSION_PER_MINUTE, MINUTE)
SESSION_ROOMS = RateWindow(ROOMS_PER_SESSION_PER_HOUR, HOUR)

TOO_MANY_WRONG_CODES = "Too many codes that are not a room have been tried here. Wait a minute, then try again."
TOO_MANY_JOINS = "This browser has joined too many rooms in the last hour. Ask the trainer for help."
TOO_MANY_ROOMS = (
    f"You have started {ROOMS_PER_SESSION_PER_HOUR} rooms in the last hour, the most one browser may. "
    "Reopen one from its address, or wait a while."
)
REPLICA_FULL = "This server is running as many rooms as it can. End rooms you no longer use, or try again later."


class LiveRoomCount:
    """The rooms this replica has started that have not yet expired: at most ``limit``.

    Rooms expire ROOM_TTL_SECONDS after they start, in the order they started, so the oldest
    are dropped from the front: the cost of a check does not grow with the number of rooms.
    Not thread-safe on its own; the page holds it behind a lock.
    """

    def __init__(self, limit: int = LIVE_ROOMS_PER_REPLICA, ttl_seconds: float = ROOM_TTL_SECONDS) -> None:
        self.limit = limit
        self._ttl = ttl_seconds
        self._expiries: deque[float] = deque()

    def live(self, now: float) -> int:
        while self._expiries and self._expiries[0] <= now:
            self._expiries.popleft()
        return len(self._expiries)

    def allows(self, now: float) -> bool:
        return self.live(now) < self.limit

    def record(self, now: float) -> None:
        self._expiries.append(now + self._ttl)


# ------------------------------------------------------------------ pack items


def room_items(pack: Pack, band_id: str, kind: ItemKind, seed: int) -> list[str]:
    """Every item of that kind in the band, in an order fixed by ``seed`` (so levels are mixed)."""
    if kind is ItemKind.BEHAVIOUR:
        ids = sorted(b.id for b in pack.behaviours(band_id))
    else:
        ids = sorted(s.id for s in pack.scenarios_for(band_id))
    random.Random(seed).shuffle(ids)  # noqa: S311 - a shuffle for training, not a secret
    return ids[:MAX_ITEMS]


def find_item(pack: Pack, kind: ItemKind, item_id: str) -> Behaviour | Scenario | None:
    if kind is ItemKind.BEHAVIOUR:
        return pack.behaviour(item_id)
    return next((s for s in pack.scenarios if s.id == item_id), None)


def item_level(item: Behaviour | Scenario) -> Level:
    return item.level if isinstance(item, Behaviour) else item.answer


# ------------------------------------------------------------------ links


def public_base(configured: str | None, browser_url: str | None, headers: Mapping[str, str]) -> str | None:
    """The address phones should open, without a path: scheme://host[:port].

    A configured TRAFFIC_LIGHT_PUBLIC_URL wins (a trainer may open the app by an internal
    name the phones cannot reach); then the address the trainer's browser shows; then the
    request's X-Forwarded-Proto/Host (as nginx sends them) or Host.
    """
    for candidate in (configured, browser_url):
        base = _origin(candidate)
        if base:
            return base
    host = _first(headers.get("X-Forwarded-Host")) or headers.get("Host")
    if not host or any(ch in host for ch in "/\\@ \t"):
        return None
    scheme = (_first(headers.get("X-Forwarded-Proto")) or "http").lower()
    return f"{scheme if scheme in ('http', 'https') else 'http'}://{host}"


def _first(value: str | None) -> str | None:
    return value.split(",")[0].strip() if value else None


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def join_link(base: str | None, code: str) -> str:
    """The full join address, e.g. https://host/join?room=ABC234 (relative only when no base is known)."""
    return f"{(base or '').rstrip('/')}/join?room={code}"
