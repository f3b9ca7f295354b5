"""Saved room results: counts only, kept in a real database (SQLite by default, PostgreSQL when set).

When a room ends, the trainer may save its result: the pack's name, version and hash, the
band, each item's id and the pack's level for it, the count of each answer per round, the
number of participants, the date (no time of day) and an optional course label from the
pack's ``courses`` list. A room is saved once: its result key (random, made when the room was
created, see rooms.Room.result_key) is stored in a UNIQUE column, so a second save of the same room,
from another tab or trainer screen, stores nothing and says the result is already saved. Nothing else can be stored: the tables have no column for a name, a
token, a time, free text or anything about a child, and ``RoomResult`` accepts only pack
identifiers, counts and a date.

Where: ``TRAFFIC_LIGHT_DATABASE_URL`` if set (``postgresql+psycopg://user:pass@host/db``, or
``sqlite:////path/file.sqlite3``), else the SQLite file ``.data/results.sqlite3`` in the
project folder (created on first save; gitignored). The tables are made and upgraded by the
Alembic migrations in ``behaviours/training/migrations/`` the first time the store is used.

A database that is down never raises into a page: ``save_result`` returns a ``SaveOutcome``
saying whether it saved, in plain words, and ``load_results`` returns no results and a message.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from alembic.util.exc import CommandError
from sqlalchemy import (
    CheckConstraint,
    Date,
    Engine,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
    create_engine,
    make_url,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from behaviours import Level
from behaviours.core.clock import today
from behaviours.training.agreement import ItemCounts

DATABASE_ENV = "TRAFFIC_LIGHT_DATABASE_URL"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / ".data" / "results.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# A page waits at most this long for a database that does not answer, then says so.
CONNECT_TIMEOUT_SECONDS = 3
ROUNDS = (1, 2)
ITEM_KINDS = ("behaviour", "scenario")
MAX_PARTICIPANTS = 500  # as behaviours/rooms.py caps a room
# Lengths of the only text columns: every one holds a pack identifier or pack-defined label.
PACK_NAME_LENGTH = 200
PACK_VERSION_LENGTH = 40
PACK_HASH_LENGTH = 64
IDENTIFIER_LENGTH = 80
COURSE_LENGTH = 80
RESULT_KEY_LENGTH = 32

_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HASH = re.compile(r"^[0-9a-f]+$")
_RESULT_KEY = re.compile(rf"^[0-9a-f]{{{RESULT_KEY_LENGTH}}}$")
# Any PostgreSQL advisory lock number works, as long as every replica uses the same one.
_MIGRATION_LOCK = 27_2027

SAVED_MESSAGE = "The room's result is saved: counts and the date only, no names."
ALREADY_SAVED_MESSAGE = (
    "This room's result is already saved (from this screen or another one), so nothing more was stored: "
    "each room is kept once."
)
NOT_SAVED_MESSAGE = (
    "The result could not be saved: the results database cannot be reached just now. "
    "The room itself is not affected, and its figures are still on this screen."
)
NOT_READ_MESSAGE = (
    "Saved results cannot be shown just now: the results database cannot be reached. "
    "Rooms and every other page still work."
)
UNKNOWN_COURSE_MESSAGE = (
    "The result could not be saved: the course chosen is not one of the training courses this pack lists."
)

log = logging.getLogger(__name__)


# ------------------------------------------------------------------ what may be saved


@dataclass(frozen=True)
class RoundTally:
    """One item's counts in one round (1: first answers; 2: after the spread was discussed)."""

    round: int
    counts: ItemCounts


@dataclass(frozen=True)
class RoomResult:
    """Everything a saved room keeps. Only pack identifiers, counts and a date: nothing about a person."""

    pack_name: str
    pack_version: str
    pack_hash: str
    band: str
    kind: str  # "behaviour" or "scenario", as behaviours/rooms.py's ItemKind
    participants: int
    held_on: dt.date
    tallies: tuple[RoundTally, ...]
    course: str | None = None
    # The room's random result key (rooms.Room.result_key): saving the same room twice stores it once.
    result_key: str | None = None

    def __post_init__(self) -> None:
        problems = list(_result_problems(self))
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def rounds(self) -> tuple[int, ...]:
        return tuple(sorted({tally.round for tally in self.tallies}))

    def round_counts(self, round_number: int) -> list[ItemCounts]:
        """The counts of every item in one round, in saved order."""
        return [tally.counts for tally in self.tallies if tally.round == round_number]


def today_for_result() -> dt.date:
    """The date a result is saved with: today in the UK from the one clock, never a time of day."""
    return today()


def _short_text(value: object, length: int) -> bool:
    return isinstance(value, str) and 0 < len(value) <= length and value.isprintable() and value == value.strip()


def _result_problems(result: RoomResult) -> list[str]:
    problems = []
    if not _short_text(result.pack_name, PACK_NAME_LENGTH):
        problems.append("pack_name must be the pack's name, one line")
    if not _short_text(result.pack_version, PACK_VERSION_LENGTH):
        problems.append("pack_version must be the pack's version, one line")
    if not isinstance(result.pack_hash, str) or not _HASH.match(result.pack_hash) or len(result.pack_hash) > 64:
        problems.append("pack_hash must be the pack's hex content hash")
    if not isinstance(result.band, str) or not _IDENTIFIER.match(result.band) or len(result.band) > 80:
        problems.append("band must be a band id")
    if result.kind not in ITEM_KINDS:
        problems.append(f"kind must be one of {', '.join(ITEM_KINDS)}")
    participants = result.participants
    if isinstance(participants, bool) or not isinstance(participants, int) or not 0 <= participants <= MAX_PARTICIPANTS:
        problems.append(f"participants must be a whole number from 0 to {MAX_PARTICIPANTS}")
        participants = MAX_PARTICIPANTS
    # A datetime is a date too; refusing it keeps the time of day out of the store.
    if type(result.held_on) is not dt.date:
        problems.append("held_on must be a date without a time of day")
    if result.course is not None and not _short_text(result.course, COURSE_LENGTH):
        problems.append("course must be one of the pack's course labels")
    if result.result_key is not None and not (
        isinstance(result.result_key, str) and _RESULT_KEY.match(result.result_key)
    ):
        problems.append(f"result_key must be the room's random result key ({RESULT_KEY_LENGTH} hex characters)")
    seen: set[tuple[str, int]] = set()
    for tally in result.tallies:
        counts = tally.counts
        if tally.round not in ROUNDS:
            problems.append(f"{counts.item_id}: round must be 1 or 2")
        if not isinstance(counts.item_id, str) or not _IDENTIFIER.match(counts.item_id) or len(counts.item_id) > 80:
            problems.append(f"{counts.item_id!r}: an item id is a pack id")
        if counts.pack_level is None:
            problems.append(f"{counts.item_id}: the pack's level for the item is needed")
        if counts.answered > participants:
            problems.append(f"{counts.item_id}: more answers than participants")
        if (counts.item_id, tally.round) in seen:
            problems.append(f"{counts.item_id}: round {tally.round} given twice")
        seen.add((counts.item_id, tally.round))
    return problems


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to a save, in words a trainer reads."""

    saved: bool
    message: str
    already_saved: bool = False  # the room's result was saved before (e.g. from another tab): nothing stored now

    @property
    def kept(self) -> bool:
        """The room's result is in the database, saved now or before."""
        return self.saved or self.already_saved


@dataclass(frozen=True)
class ReadOutcome:
    """Saved results, or none and why."""

    results: tuple[RoomResult, ...]
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.message is None


# ------------------------------------------------------------------ the tables


class Base(DeclarativeBase):
    pass


class RoomResultRow(Base):
    """One saved room. No column for a person, a time of day or free text: see the module docstring."""

    __tablename__ = "room_results"
    __table_args__ = (
        CheckConstraint("participants >= 0", name="participants_not_negative"),
        CheckConstraint("item_kind IN ('behaviour', 'scenario')", name="item_kind_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pack_name: Mapped[str] = mapped_column(String(PACK_NAME_LENGTH))
    pack_version: Mapped[str] = mapped_column(String(PACK_VERSION_LENGTH))
    pack_hash: Mapped[str] = mapped_column(String(PACK_HASH_LENGTH))
    band: Mapped[str] = mapped_column(String(IDENTIFIER_LENGTH))
    item_kind: Mapped[str] = mapped_column(String(10))
    participants: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[dt.date] = mapped_column(Date)
    course: Mapped[str | None] = mapped_column(String(COURSE_LENGTH), nullable=True)
    # Random (see RoomResult.result_key); UNIQUE, so each room is saved once. NULL for rooms without one.
    result_key: Mapped[str | None] = mapped_column(String(RESULT_KEY_LENGTH), nullable=True, unique=True, index=True)
    tallies: Mapped[list[ItemTallyRow]] = relationship(
        back_populates="result", cascade="all, delete-orphan", order_by="ItemTallyRow.id"
    )


class ItemTallyRow(Base):
    """One item's answers in one round of a saved room: counts only."""

    __tablename__ = "item_tallies"
    __table_args__ = (
        UniqueConstraint("result_id", "item_id", "round", name="one_tally_per_item_and_round"),
        CheckConstraint("round IN (1, 2)", name="round_is_one_or_two"),
        CheckConstraint("pack_level IN ('green', 'amber', 'red')", name="pack_level_known"),
        CheckConstraint("green >= 0 AND amber >= 0 AND red >= 0 AND not_sure >= 0", name="counts_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("room_results.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(IDENTIFIER_LENGTH))
    round: Mapped[int] = mapped_column(SmallInteger)
    pack_level: Mapped[str] = mapped_column(String(5))
    green: Mapped[int] = mapped_column(Integer)
    amber: Mapped[int] = mapped_column(Integer)
    red: Mapped[int] = mapped_column(Integer)
    not_sure: Mapped[int] = mapped_column(Integer)
    result: Mapped[RoomResultRow] = relationship(back_populates="tallies")


def _to_rows(result: RoomResult) -> RoomResultRow:
    return RoomResultRow(
        pack_name=result.pack_name,
        pack_version=result.pack_version,
        pack_hash=result.pack_hash,
        band=result.band,
        item_kind=result.kind,
        participants=result.participants,
        held_on=result.held_on,
        course=result.course,
        result_key=result.result_key,
        tallies=[
            ItemTallyRow(
                item_id=tally.counts.item_id,
                round=tally.round,
                pack_level=tally.counts.pack_level.value if tally.counts.pack_level else "",
                green=tally.counts.green,
                amber=tally.counts.amber,
                red=tally.counts.red,
                not_sure=tally.counts.not_sure,
            )
            for tally in result.tallies
        ],
    )


def _from_rows(row: RoomResultRow) -> RoomResult:
    return RoomResult(
        pack_name=row.pack_name,
        pack_version=row.pack_version,
        pack_hash=row.pack_hash,
        band=row.band,
        kind=row.item_kind,
        participants=row.participants,
        held_on=row.held_on,
        course=row.course,
        result_key=row.result_key,
        tallies=tuple(
            RoundTally(
                round=tally.round,
                counts=ItemCounts(
                    item_id=tally.item_id,
                    green=tally.green,
                    amber=tally.amber,
                    red=tally.red,
                    not_sure=tally.not_sure,
                    pack_level=Level(tally.pack_level),
                ),
            )
            for tally in row.tallies
        ),
    )


# ------------------------------------------------------------------ where the database is


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """TRAFFIC_LIGHT_DATABASE_URL when set (postgresql:// is read as postgresql+psycopg://), else the SQLite file."""
    url = (environ if environ is not None else os.environ).get(DATABASE_ENV, "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def upgrade_database(engine: Engine) -> None:
    """Create or upgrade the tables to the newest migration (Alembic ``upgrade head``)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Replicas starting together take turns, so only one creates the tables.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class ResultStore:
    """Saved room results in one database. Never raises into a page: outcomes carry the message."""

    def __init__(self, url: str | None = None, *, connect_timeout: int = CONNECT_TIMEOUT_SECONDS) -> None:
        self.url = url if url is not None else database_url()
        self._connect_timeout = connect_timeout
        self._engine: Engine | None = None
        self._ready = False
        self._lock = threading.Lock()

    def _engine_ready(self) -> Engine:
        """The engine, with the tables upgraded on first use; raises when the database cannot be reached."""
        with self._lock:
            if self._engine is None:
                url = make_url(self.url)
                if url.get_backend_name() == "sqlite":
                    if url.database and url.database != ":memory:":
                        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
                    self._engine = create_engine(url)
                elif url.get_backend_name() == "postgresql":
                    self._engine = create_engine(
                        url, pool_pre_ping=True, connect_args={"connect_timeout": self._connect_timeout}
                    )
                else:
                    raise _UnsupportedDatabase(url.get_backend_name())
            if not self._ready:
                upgrade_database(self._engine)
                self._ready = True
            return self._engine

    def save_result(self, result: RoomResult, *, courses: Sequence[str] = ()) -> SaveOutcome:
        """Keep one room's result; ``courses`` is the pack's list, which a course label must come from."""
        if result.course is not None and result.course not in courses:
            return SaveOutcome(saved=False, message=UNKNOWN_COURSE_MESSAGE)
        try:
            engine = self._engine_ready()
            if result.result_key is not None and self._has_key(engine, result.result_key):
                return SaveOutcome(saved=False, message=ALREADY_SAVED_MESSAGE, already_saved=True)
            with Session(engine) as session, session.begin():
                session.add(_to_rows(result))
        except IntegrityError as error:
            # Two saves of one room at the same moment: the UNIQUE result key lets one in.
            if result.result_key is not None and self._has_key_safely(result.result_key):
                return SaveOutcome(saved=False, message=ALREADY_SAVED_MESSAGE, already_saved=True)
            log.warning("results database: could not save (%s)", type(error).__name__)
            return SaveOutcome(saved=False, message=NOT_SAVED_MESSAGE)
        except _FAILURES as error:
            log.warning("results database: could not save (%s)", type(error).__name__)
            return SaveOutcome(saved=False, message=NOT_SAVED_MESSAGE)
        return SaveOutcome(saved=True, message=SAVED_MESSAGE)

    @staticmethod
    def _has_key(engine: Engine, result_key: str) -> bool:
        with Session(engine) as session:
            found = session.scalar(select(RoomResultRow.id).where(RoomResultRow.result_key == result_key))
        return found is not None

    def _has_key_safely(self, result_key: str) -> bool:
        try:
            return self._has_key(self._engine_ready(), result_key)
        except _FAILURES:
            return False

    def load_results(self) -> ReadOutcome:
        """Every saved result, oldest first; none and a message when the database cannot be read."""
        try:
            engine = self._engine_ready()
            with Session(engine) as session:
                rows = session.scalars(select(RoomResultRow).order_by(RoomResultRow.held_on, RoomResultRow.id))
                results = tuple(_from_rows(row) for row in rows)
        except _READ_FAILURES as error:
            log.warning("results database: could not read (%s)", type(error).__name__)
            return ReadOutcome(results=(), message=NOT_READ_MESSAGE)
        return ReadOutcome(results=results)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


class _UnsupportedDatabase(Exception):
    """TRAFFIC_LIGHT_DATABASE_URL names a database this app does not support (only SQLite and PostgreSQL)."""


# Whatever a database that is down, unreachable, misnamed or half-migrated can raise.
_FAILURES: tuple[type[BaseException], ...] = (SQLAlchemyError, OSError, CommandError, _UnsupportedDatabase)
# Reading also refuses a row that is not a valid result (edited by hand): a message, not a crash.
_READ_FAILURES: tuple[type[BaseException], ...] = (*_FAILURES, ValueError)


def store_from_env(environ: Mapping[str, str] | None = None) -> ResultStore:
    """The store the app uses: TRAFFIC_LIGHT_DATABASE_URL, else the SQLite file under .data/."""
    return ResultStore(database_url(environ))
