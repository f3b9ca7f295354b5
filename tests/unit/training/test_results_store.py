"""The saved-results store: SQLite and a real PostgreSQL server pass the same tests.

PostgreSQL is Debian's, started by these tests (tests/postgres_server.py); without it those
cases skip with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Date, Integer, SmallInteger, String, create_engine, inspect, text

from behaviours import Level
from behaviours.__main__ import main
from behaviours.core.clock import pinned
from behaviours.training.agreement import ItemCounts
from behaviours.training.results import (
    ResultStore,
    RoomResult,
    RoundTally,
    SaveOutcome,
    database_url,
    store_from_env,
)
from behaviours.training.rooms import new_result_key
from tests.browser.harness import free_port
from tests.postgres_server import PostgresServer, start_postgres

COURSES = ("Harmful sexual behaviour: level 2", "Designated safeguarding lead refresher")


@pytest.fixture(scope="module")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    server = start_postgres(tmp_path_factory.mktemp("postgres"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'results.sqlite3'}"
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def store(url: str) -> Iterator[ResultStore]:
    results = ResultStore(url)
    yield results
    results.close()


def tally(item_id: str, round_number: int, green: int, amber: int, red: int, not_sure: int, level: Level) -> RoundTally:
    return RoundTally(round=round_number, counts=ItemCounts(item_id, green, amber, red, not_sure, level))


def a_result(participants: int = 6, course: str | None = None, held_on: dt.date = dt.date(2027, 3, 4)) -> RoomResult:
    return RoomResult(
        pack_name="Traffic Light Reference: Shropshire pack",
        pack_version="2.0.0",
        pack_hash="3f9a0c2d51e7",
        band="9-13",
        kind="behaviour",
        participants=participants,
        held_on=held_on,
        course=course,
        tallies=(
            tally("sharing-nudes", 1, 0, 2, 3, 1, Level.RED),
            tally("sharing-nudes", 2, 0, 1, 5, 0, Level.RED),
            tally("kissing-peer", 1, 4, 2, 0, 0, Level.GREEN),
        ),
    )


def test_a_result_is_saved_and_read_back_whole(store):
    outcome = store.save_result(a_result(course=COURSES[0]), courses=COURSES)
    assert outcome.saved
    assert outcome.message == "The room's result is saved: counts and the date only, no names."
    read = store.load_results()
    assert read.ok and read.message is None
    assert read.results == (a_result(course=COURSES[0]),)


def test_results_come_back_oldest_first(store):
    assert store.save_result(a_result(held_on=dt.date(2027, 5, 1))).saved
    assert store.save_result(a_result(held_on=dt.date(2027, 1, 9), participants=8)).saved
    assert [r.held_on for r in store.load_results().results] == [dt.date(2027, 1, 9), dt.date(2027, 5, 1)]


def test_a_course_must_be_one_the_pack_lists(store):
    outcome = store.save_result(a_result(course="Monday with Sam"), courses=COURSES)
    assert not outcome.saved
    assert "not one of the training courses this pack lists" in outcome.message
    assert store.load_results().results == ()


def test_two_stores_on_one_database_share_results_and_migrate_once(url):
    first, second = ResultStore(url), ResultStore(url)
    assert first.save_result(a_result()).saved
    assert second.save_result(a_result(participants=9)).saved
    assert sorted(r.participants for r in first.load_results().results) == [6, 9]
    first.close()
    second.close()


def test_the_stored_rows_hold_exactly_what_was_given(store, url):
    assert store.save_result(a_result()).saved
    engine = create_engine(url)
    with engine.connect() as connection:
        rooms = connection.execute(text("SELECT * FROM room_results")).mappings().all()
        tallies = connection.execute(text("SELECT * FROM item_tallies ORDER BY id")).mappings().all()
    engine.dispose()
    assert len(rooms) == 1
    room = dict(rooms[0])
    room.pop("id")
    assert room == {
        "pack_name": "Traffic Light Reference: Shropshire pack",
        "pack_version": "2.0.0",
        "pack_hash": "3f9a0c2d51e7",
        "band": "9-13",
        "item_kind": "behaviour",
        "participants": 6,
        "held_on": dt.date(2027, 3, 4) if "postgresql" in url else "2027-03-04",
        "course": None,
        "result_key": None,
    }
    assert [
        (t["item_id"], t["round"], t["pack_level"], t["green"], t["amber"], t["red"], t["not_sure"]) for t in tallies
    ] == [
        ("sharing-nudes", 1, "red", 0, 2, 3, 1),
        ("sharing-nudes", 2, "red", 0, 1, 5, 0),
        ("kissing-peer", 1, "green", 4, 2, 0, 0),
    ]


# ------------------------------------------------------------------ each room once


def count_rows(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rooms = connection.execute(text("SELECT COUNT(*) FROM room_results")).scalar_one()
        tallies = connection.execute(text("SELECT COUNT(*) FROM item_tallies")).scalar_one()
    engine.dispose()
    return rooms, tallies


def test_a_room_saved_twice_is_kept_once_and_the_second_save_says_so(store, url):
    key = new_result_key()
    first = store.save_result(replace(a_result(), result_key=key))
    assert first.saved and first.kept and not first.already_saved
    other_tab = ResultStore(url)  # another trainer screen, perhaps on another replica
    second = other_tab.save_result(replace(a_result(), result_key=key))
    other_tab.close()
    assert not second.saved and second.already_saved and second.kept
    assert second.message.startswith("This room's result is already saved")
    assert "nothing more was stored" in second.message
    assert count_rows(url) == (1, 3)
    assert store.load_results().results == (replace(a_result(), result_key=key),)


def test_two_rooms_are_two_results_and_rooms_without_a_key_are_each_kept(store, url):
    assert store.save_result(replace(a_result(), result_key=new_result_key())).saved
    assert store.save_result(replace(a_result(), result_key=new_result_key())).saved
    assert store.save_result(a_result()).saved  # a room from before result keys: nothing to match it on
    assert store.save_result(a_result()).saved
    assert count_rows(url) == (4, 12)


def test_two_saves_of_one_room_at_the_same_moment_store_it_once(url):
    key = new_result_key()
    stores = [ResultStore(url), ResultStore(url)]
    assert all(s.load_results().ok for s in stores)  # both migrated and connected: only the saves race
    together = threading.Barrier(2, timeout=30)
    outcomes: list[SaveOutcome] = []

    def save(results: ResultStore) -> None:
        together.wait()
        outcomes.append(results.save_result(replace(a_result(), result_key=key)))

    threads = [threading.Thread(target=save, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for results in stores:
        results.close()
    assert sorted((o.saved, o.already_saved) for o in outcomes) == [(False, True), (True, False)], outcomes
    assert count_rows(url) == (1, 3)


def test_results_saved_before_result_keys_survive_the_upgrade(url):
    from alembic import command
    from alembic.config import Config

    from behaviours.training.results import MIGRATIONS_DIR

    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO room_results (pack_name, pack_version, pack_hash, band, item_kind, participants, "
                "held_on) VALUES ('Pack', '2.0.0', 'ab12', '9-13', 'behaviour', 5, '2027-01-02')"
            )
        )
    engine.dispose()
    results = ResultStore(url)
    read = results.load_results()
    key = new_result_key()
    assert results.save_result(replace(a_result(), result_key=key)).saved
    assert results.save_result(replace(a_result(), result_key=key)).already_saved
    results.close()
    assert read.ok and [(r.participants, r.result_key) for r in read.results] == [(5, None)]
    assert count_rows(url) == (2, 3)


# ------------------------------------------------------------------ nothing about a person


# Every column the store may have, and what it holds. A new column fails this test until it is
# added here, after checking it can hold only a pack identifier, a count or a date.
ALLOWED_COLUMNS = {
    "room_results": {
        "id": Integer,
        "pack_name": String,
        "pack_version": String,
        "pack_hash": String,
        "band": String,
        "item_kind": String,
        "participants": Integer,
        "held_on": Date,
        "course": String,
        "result_key": String,  # random, made per room (rooms.new_result_key): says nothing about anyone
    },
    "item_tallies": {
        "id": Integer,
        "result_id": Integer,
        "item_id": String,
        "round": (SmallInteger, Integer),
        "pack_level": String,
        "green": Integer,
        "amber": Integer,
        "red": Integer,
        "not_sure": Integer,
    },
    "alembic_version": {"version_num": String},
}
PERSONAL_WORDS = ("person", "participant_", "user", "email", "token", "ip", "session", "note", "comment", "child")


def test_the_schema_has_no_column_for_a_name_a_token_a_time_or_free_text(store, url):
    assert store.load_results().ok  # creates the tables
    engine = create_engine(url)
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    assert tables == set(ALLOWED_COLUMNS)
    for table in tables:
        columns = {column["name"]: column["type"] for column in inspector.get_columns(table)}
        assert set(columns) == set(ALLOWED_COLUMNS[table]), table
        for name, kind in columns.items():
            assert isinstance(kind, ALLOWED_COLUMNS[table][name]), f"{table}.{name} is {kind}"
            # No DATETIME, TIME or TIMESTAMP, so no time of day; no unbounded TEXT, so no free text.
            assert not any(word in str(kind).upper() for word in ("TIME", "TEXT", "BLOB", "BYTEA", "JSON")), name
            if isinstance(kind, String):
                assert kind.length is not None and kind.length <= 200, f"{table}.{name} has no short limit"
            assert not any(word in name for word in PERSONAL_WORDS if name not in {"participants"}), name
    engine.dispose()


def test_the_migrations_build_exactly_the_models_tables(store, url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from behaviours.training.results import Base

    assert store.load_results().ok
    engine = create_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"held_on": dt.datetime(2027, 3, 4, 14, 30)}, "held_on must be a date without a time of day"),
        ({"band": "Year 5, Mrs Jones's class"}, "band must be a band id"),
        ({"pack_hash": "see notes"}, "pack_hash must be the pack's hex content hash"),
        ({"kind": "free text"}, "kind must be one of behaviour, scenario"),
        ({"participants": 2}, "sharing-nudes: more answers than participants"),
        ({"course": "Ann\nSmith"}, "course must be one of the pack's course labels"),
        (
            {"tallies": (tally("Alex said he was scared", 1, 1, 0, 0, 0, Level.RED),)},
            "'Alex said he was scared': an item id is a pack id",
        ),
        ({"tallies": (tally("a", 3, 1, 0, 0, 0, Level.RED),)}, "a: round must be 1 or 2"),
        ({"result_key": "ABC234"}, "result_key must be the room's random result key"),
        ({"result_key": "Ann Smith's room"}, "result_key must be the room's random result key"),
    ],
)
def test_a_result_refuses_anything_but_identifiers_counts_and_a_date(change, message):
    fields = {**a_result().__dict__, **change}
    with pytest.raises(ValueError, match=message):
        RoomResult(**fields)


def test_the_date_comes_from_the_one_clock():
    from behaviours.training.results import today_for_result

    with pinned(dt.datetime(2027, 3, 4, 23, 59)):
        assert today_for_result() == dt.date(2027, 3, 4)


# ------------------------------------------------------------------ the database down


def closed_port_url() -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/results"


def test_a_database_that_is_down_is_reported_in_words_not_raised():
    down = ResultStore(closed_port_url(), connect_timeout=1)
    outcome = down.save_result(a_result())
    assert not outcome.saved
    assert outcome.message == (
        "The result could not be saved: the results database cannot be reached just now. "
        "The room itself is not affected, and its figures are still on this screen."
    )
    read = down.load_results()
    assert read.results == ()
    assert read.message == (
        "Saved results cannot be shown just now: the results database cannot be reached. "
        "Rooms and every other page still work."
    )


def test_a_sqlite_file_that_cannot_be_made_is_reported_in_words(tmp_path):
    (tmp_path / "not-a-folder").write_text("a file where the folder should be")
    outcome = ResultStore(f"sqlite:///{tmp_path / 'not-a-folder' / 'results.sqlite3'}").save_result(a_result())
    assert not outcome.saved
    assert outcome.message.startswith("The result could not be saved")


def test_an_unsupported_database_is_reported_in_words():
    outcome = ResultStore("mysql://someone@127.0.0.1/results").save_result(a_result())
    assert not outcome.saved
    assert "cannot be reached" in outcome.message


def test_the_store_comes_back_when_the_database_does(postgres_server):
    # The same store (one per server process) saves again once its database is there.
    name = "later_" + secrets.token_hex(4)
    store = ResultStore(postgres_server.url(name), connect_timeout=1)
    assert not store.save_result(a_result()).saved
    assert not store.load_results().ok
    postgres_server.new_database(name)
    assert store.save_result(a_result()).saved
    assert store.load_results().results == (a_result(),)
    store.close()


# ------------------------------------------------------------------ where the database is


def test_the_default_database_is_a_sqlite_file_in_the_project_data_folder():
    url = database_url({})
    assert url.startswith("sqlite:///")
    assert url.endswith("/.data/results.sqlite3")


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://tl:pw@db:5432/tl", "postgresql+psycopg://tl:pw@db:5432/tl"),
        ("postgres://tl@db/tl", "postgresql+psycopg://tl@db/tl"),
        ("postgresql+psycopg://tl@db/tl", "postgresql+psycopg://tl@db/tl"),
        ("sqlite:////srv/results.sqlite3", "sqlite:////srv/results.sqlite3"),
    ],
)
def test_the_database_address_from_the_environment(given, used):
    assert database_url({"TRAFFIC_LIGHT_DATABASE_URL": given}) == used
    assert store_from_env({"TRAFFIC_LIGHT_DATABASE_URL": given}).url == used


# ------------------------------------------------------------------ python -m behaviours agreement


def test_the_command_lists_the_items_rooms_disagree_on(store, url, capsys):
    assert store.save_result(a_result()).saved
    small = RoomResult(
        **{**a_result().__dict__, "participants": 4, "tallies": (tally("kissing-peer", 1, 0, 0, 4, 0, Level.GREEN),)}
    )
    assert store.save_result(small).saved  # four participants: left out of every cross-room figure
    assert main(["agreement", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "From 1 saved room with 5 or more participants (6 participants in all); 1 smaller room left out." in out
    # kissing-peer: 4 green, 2 amber; 14 agreeing ordered pairs of 30 = 47%.
    assert "| kissing-peer | 9-13 | Green | 1 | 4 | 2 | 0 | 0 | 47% |" in out
    # sharing-nudes (first answers): red 3 of 5 named levels.
    assert "| sharing-nudes | 9-13 | Red | 1 | 0 | 2 | 3 | 1 | 3 of 5 (60%) |" in out


def test_the_command_says_so_when_the_database_is_down(capsys):
    assert main(["agreement", "--database", closed_port_url()]) == 1
    err = capsys.readouterr().err
    assert "Saved results cannot be shown just now" in err
