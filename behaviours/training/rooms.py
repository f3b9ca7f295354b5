"""Live training rooms: the rules, with no Streamlit and no storage in them.

A trainer opens a room on one age band with a list of pack items (descriptors or
scenarios). Participants join anonymously with the room's short code and rate the
item on screen green, amber, red or "not sure". A room holds only pack item ids,
its position, and counts: never a name, never free text, never anything about a
real child. behaviours/room_store.py keeps rooms in memory or in Redis.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import urllib.parse
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
    """A room's shared state: what is on screen, and whether its spread has been revealed."""

    code: str
    band: str
    kind: ItemKind
    items: tuple[str, ...]  # pack ids, in the order the room sees them
    current: int = 0
    revealed: bool = False
    ended: bool = False
    version: int = 0  # goes up on every change, so a poll can tell "nothing new" cheaply

    @property
    def position(self) -> str:
        return f"Item {self.current + 1} of {len(self.items)}"

    @property
    def current_item(self) -> str:
        return self.items[self.current]

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
            "version": str(self.version),
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
            version=int(fields.get("version", "0")),
        )


# ------------------------------------------------------------------ moving through a room


def move(room: Room, change: int) -> Room:
    """Next (+1) or Previous (-1): a new item starts hidden; the ends are clamped."""
    target = max(0, min(len(room.items) - 1, room.current + change))
    if target == room.current:
        return room
    return replace(room, current=target, revealed=False, version=room.version + 1)


def reveal(room: Room) -> Room:
    """Show the room's spread and the pack's rating; voting on this item closes."""
    return room if room.revealed else replace(room, revealed=True, version=room.version + 1)


def end(room: Room) -> Room:
    return room if room.ended else replace(room, ended=True, version=room.version + 1)


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
) -> VoteOutcome:
    """The vote rule both stores follow (the Redis store runs the same rule in one Lua script).

    One current vote per participant per item: a second vote replaces the first, and may
    change it at most MAX_CHANGES_PER_ITEM times. Votes count only for the item on screen
    before its Reveal. A room takes at most MAX_PARTICIPANTS different participants.
    """
    if room is None or room.ended:
        return VoteOutcome.NO_ROOM
    if item_index != room.current or room.revealed:
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


def parse_token(raw: str | None) -> str | None:
    if raw is None or len(raw) != TOKEN_BYTES * 2 or any(ch not in "0123456789abcdef" for ch in raw):
        return None
    return raw


def hash_key(key: str) -> str:
    """The trainer key as stored: a SHA-256, so the store alone cannot open the trainer's view."""
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def key_matches(key: str | None, stored_hash: str | None) -> bool:
    if key is None or stored_hash is None or parse_token(key) is None:
        return False
    return hmac.compare_digest(hash_key(key), stored_hash)


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


def valid_items(pack: Pack, kind: ItemKind, ids: Sequence[str]) -> bool:
    return 0 < len(ids) <= MAX_ITEMS and all(find_item(pack, kind, i) is not None for i in ids)


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


def trainer_link(base: str | None, code: str, key: str) -> str:
    return f"{(base or '').rstrip('/')}/room?room={code}&key={key}"
