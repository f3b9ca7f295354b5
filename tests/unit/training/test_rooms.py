"""Live rooms: the pure rules (codes, links, moving, tallies) and both stores, against a real Redis."""

from __future__ import annotations

import itertools
import random
import re
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from behaviours.pack.pack import Pack
from behaviours.training.room_store import (
    MemoryStore,
    RedisStore,
    RoomStore,
    StoreUnavailable,
    start_room,
    store_from_env,
)
from behaviours.training.rooms import (
    CODE_ALPHABET,
    MAX_CHANGES_PER_ITEM,
    ROOM_TTL_SECONDS,
    SESSION_JOINS,
    SESSION_ROOMS,
    SESSION_WRONG_CODES,
    Choice,
    ItemKind,
    JoinOutcome,
    LiveRoomCount,
    Room,
    Tally,
    VoteOutcome,
    choice_word,
    close_to_joiners,
    end,
    find_item,
    hash_key,
    issue_participant_token,
    join_link,
    key_matches,
    move,
    new_code,
    new_token,
    open_to_joiners,
    parse_code,
    parse_token,
    participant_of,
    public_base,
    reveal,
    room_items,
    spread_lines,
)
from tests.browser.harness import free_port
from tests.redis_server import RedisServer, start_redis

# ------------------------------------------------------------------ pure rules


def test_codes_use_only_unambiguous_characters():
    codes = {new_code() for _ in range(500)}
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(CODE_ALPHABET)
    assert len(codes) > 490  # random, not a counter


@pytest.mark.parametrize(
    ("raw", "code"),
    [("abc234", "ABC234"), (" ABC-234 ", "ABC234"), ("ABC 234", "ABC234"), ("ABC23O", None), ("ABC2341", None)],
)
def test_codes_typed_on_a_phone_are_forgiven_case_spaces_and_hyphens(raw, code):
    assert parse_code(raw) == code


@pytest.mark.parametrize("raw", [None, "", "ABCDE", "<script>", "ABCDEF\x00", "ILLO01"])
def test_anything_else_is_not_a_code(raw):
    assert parse_code(raw) is None


def test_tokens_are_random_hex_and_the_trainer_key_is_checked_against_its_hash():
    key = new_token()
    assert parse_token(key) == key and parse_token(key.upper()) is None and parse_token("x" * 32) is None
    stored = hash_key(key)
    assert stored != key
    assert key_matches(key, stored)
    assert not key_matches(new_token(), stored)
    assert not key_matches(None, stored) and not key_matches(key, None)


def test_moving_starts_each_item_hidden_and_stops_at_the_ends():
    room = Room(code="ABC234", band="9-13", kind=ItemKind.BEHAVIOUR, items=("a", "b", "c"))
    shown = reveal(room)
    assert shown.revealed and shown.version == 1
    after = move(shown, 1)
    assert (after.current, after.revealed, after.version) == (1, False, 2)
    assert move(move(after, 1), 1).current == 2
    assert move(room, -1) is room  # already at the start: nothing changes, no new version
    assert end(room).ended


def test_room_round_trips_through_flat_fields():
    room = Room(code="ABC234", band="9-13", kind=ItemKind.SCENARIO, items=("a", "b"), current=1, revealed=True)
    assert Room.from_fields(room.to_fields()) == room
    closed = close_to_joiners(room)
    assert closed.closed_to_joiners and Room.from_fields(closed.to_fields()) == closed
    assert not open_to_joiners(closed).closed_to_joiners


def test_participant_tokens_are_the_servers_own_and_name_one_room():
    secret = new_token()
    token = issue_participant_token(secret, "ABC234")
    assert len(token) == 48 and set(token) <= set("0123456789abcdef")
    person = participant_of(token, secret, "ABC234")
    assert person == token[:16]
    assert participant_of(token, secret, "ABC235") is None  # another room's code
    assert participant_of(token, new_token(), "ABC234") is None  # another room's secret
    forged = token[:16] + "0" * 32
    assert participant_of(forged, secret, "ABC234") is None
    assert participant_of(new_token() + new_token()[:16], secret, "ABC234") is None  # made up by a client
    assert participant_of(token.upper(), secret, "ABC234") is None
    assert participant_of(None, secret, "ABC234") is None and participant_of(token, None, "ABC234") is None


def test_session_limits_are_what_the_room_needs():
    # Literals, not the module's constants: these are the numbers the deploy guide promises.
    assert (SESSION_JOINS.limit, SESSION_JOINS.seconds) == (10, 3600)
    assert (SESSION_WRONG_CODES.limit, SESSION_WRONG_CODES.seconds) == (5, 60)
    assert (SESSION_ROOMS.limit, SESSION_ROOMS.seconds) == (5, 3600)
    history: tuple[float, ...] = ()
    for second in range(5):
        assert SESSION_WRONG_CODES.allows(history, 1000.0 + second)
        history = SESSION_WRONG_CODES.record(history, 1000.0 + second)
    assert not SESSION_WRONG_CODES.allows(history, 1005.0)
    assert not SESSION_WRONG_CODES.allows(history, 1059.9)
    assert SESSION_WRONG_CODES.allows(history, 1060.0)  # the first guess is a minute old
    assert len(SESSION_WRONG_CODES.record(history, 1200.0)) == 1  # nothing older than the window is kept


def test_a_replica_keeps_at_most_100_live_rooms_and_frees_them_as_they_expire():
    count = LiveRoomCount()
    for minute in range(100):
        assert count.allows(60.0 * minute)
        count.record(60.0 * minute)
    assert not count.allows(6000.0)
    assert count.live(6000.0) == 100
    # The first room started at 0 expires four hours later; then there is room for one more.
    assert not count.allows(4 * 3600 - 1)
    assert count.allows(4 * 3600)


def test_items_come_from_the_band_in_a_repeatable_mixed_order(shipped: Pack) -> None:
    band = shipped.bands[0].id
    items = room_items(shipped, band, ItemKind.BEHAVIOUR, seed=7)
    assert sorted(items) == sorted(b.id for b in shipped.behaviours(band))
    assert items == room_items(shipped, band, ItemKind.BEHAVIOUR, seed=7)
    assert all(find_item(shipped, ItemKind.BEHAVIOUR, b) is not None for b in items)
    assert find_item(shipped, ItemKind.BEHAVIOUR, "no-such-item") is None
    scenarios = room_items(shipped, band, ItemKind.SCENARIO, seed=7)
    assert scenarios and all(find_item(shipped, ItemKind.SCENARIO, s) is not None for s in scenarios)


def test_spread_says_every_answer_in_words_with_its_count(shipped: Pack) -> None:
    tally = Tally(counts={Choice.AMBER: 3, Choice.RED: 1})
    lines = spread_lines(shipped, tally, width=8)
    assert [(word, count) for _c, word, count, _bar in lines] == [
        ("Green", 0),
        ("Amber", 3),
        ("Red", 1),
        ("Not sure", 0),
    ]
    assert [len(bar) for *_rest, bar in lines] == [0, 6, 2, 0]
    assert choice_word(shipped, Choice.UNSURE) == "Not sure"


@pytest.mark.parametrize(
    ("configured", "browser_url", "headers", "expected"),
    [
        ("https://tl.example.org/", "http://localhost:8501/room", {}, "https://tl.example.org"),
        (None, "https://tl.example.org/room", {}, "https://tl.example.org"),
        (
            None,
            None,
            {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "tl.example.org", "Host": "app1"},
            "https://tl.example.org",
        ),
        (None, None, {"Host": "127.0.0.1:8501"}, "http://127.0.0.1:8501"),
        (None, "javascript:alert(1)", {"Host": "evil/path"}, None),
        (None, None, {}, None),
    ],
)
def test_the_join_address_is_the_public_one(configured, browser_url, headers, expected):
    assert public_base(configured, browser_url, headers) == expected


def test_join_link_is_the_full_address():
    assert join_link("https://tl.example.org", "ABC234") == "https://tl.example.org/join?room=ABC234"


# ------------------------------------------------------------------ both stores, one suite


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield server
    finally:
        server.stop()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "redis"])
def store(request) -> Iterator[RoomStore]:
    if request.param == "memory":
        yield MemoryStore(clock=FakeClock())
    else:
        server = request.getfixturevalue("redis_server")
        redis_store = RedisStore(server.url)
        yield redis_store
        redis_store.close()


def open_room(store: RoomStore, items=("a", "b", "c")) -> tuple[Room, str]:
    room = Room(code=new_code(), band="9-13", kind=ItemKind.BEHAVIOUR, items=tuple(items))
    key = new_token()
    assert store.create(room, hash_key(key))
    return room, key


def test_a_room_is_stored_and_read_back(store):
    room, key = open_room(store)
    stored = store.get(room.code)
    assert stored == replace(room, result_key=stored.result_key)
    assert key_matches(key, store.key_hash(room.code))
    assert store.get(new_code()) is None
    assert not store.create(room, hash_key(new_token()))  # a code is never handed out twice


def test_each_room_gets_its_own_random_result_key_that_says_nothing_about_it(store):
    (room, key), (other, _) = open_room(store), open_room(store)
    made = store.get(room.code).result_key
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert made != store.get(other.code).result_key
    assert room.code.lower() not in made and made != key and made not in hash_key(key)
    assert store.save(move(store.get(room.code), 1))
    assert store.get(room.code).result_key == made  # the trainer's changes keep it
    given = Room(code=new_code(), band="9-13", kind=ItemKind.BEHAVIOUR, items=("a",), result_key=new_token())
    assert store.create(given, hash_key(new_token()))
    assert store.get(given.code) == given


def _taken(store: RoomStore, *codes: str) -> None:
    for code in codes:
        assert store.create(Room(code=code, band="0-5", kind=ItemKind.BEHAVIOUR, items=("x",)), hash_key(new_token()))


def _fresh_codes(count: int) -> list[str]:
    """Codes no earlier test used (the Redis server is shared by the module's tests)."""
    codes: set[str] = set()
    while len(codes) < count:
        codes.add(new_code())
    return sorted(codes)


def test_starting_a_room_skips_codes_live_rooms_hold(store):
    first, second, third, fourth = _fresh_codes(4)
    _taken(store, first, second)
    drawn = iter([first, second, third, fourth])
    wanted = Room(code="", band="9-13", kind=ItemKind.SCENARIO, items=("s1", "s2"), two_rounds=True)
    key = "0123456789abcdef0123456789abcdef"
    room = start_room(store, wanted, hash_key(key), codes=lambda: next(drawn))
    assert room is not None and re.fullmatch(r"[0-9a-f]{32}", room.result_key)
    assert replace(room, result_key="") == Room(
        code=third, band="9-13", kind=ItemKind.SCENARIO, items=("s1", "s2"), two_rounds=True
    )
    assert store.get(third) == room, "the page holds the room the store keeps, its result key included"
    assert key_matches(key, store.key_hash(third))
    assert next(drawn) == fourth, "the first free code is kept; no more are drawn"
    assert store.get(first).band == "0-5", "a live room is never overwritten"


def test_starting_a_room_gives_up_after_five_codes_that_are_all_taken(store):
    codes = _fresh_codes(6)
    _taken(store, *codes[:5])
    drawn = iter(codes)
    wanted = Room(code="", band="9-13", kind=ItemKind.BEHAVIOUR, items=("a",))
    assert start_room(store, wanted, hash_key(new_token()), codes=lambda: next(drawn)) is None
    assert next(drawn) == codes[5], "exactly five codes are tried"
    assert store.get(codes[5]) is None


def test_a_re_vote_replaces_and_never_counts_twice(store):
    room, _ = open_room(store)
    alice, bob = new_token(), new_token()
    assert store.vote(room.code, 0, alice, Choice.AMBER) is VoteOutcome.COUNTED
    assert store.vote(room.code, 0, alice, Choice.AMBER) is VoteOutcome.UNCHANGED
    assert store.vote(room.code, 0, bob, Choice.RED) is VoteOutcome.COUNTED
    assert store.vote(room.code, 0, alice, Choice.RED) is VoteOutcome.CHANGED
    tally = store.tally(room.code, 0)
    assert tally.answered == 2
    assert (tally.count(Choice.AMBER), tally.count(Choice.RED)) == (0, 2)
    assert store.my_vote(room.code, 0, alice) is Choice.RED
    assert store.my_vote(room.code, 0, new_token()) is None


def test_votes_count_only_for_the_item_on_screen_before_reveal(store):
    room, _ = open_room(store)
    person = new_token()
    assert store.vote(room.code, 1, person, Choice.GREEN) is VoteOutcome.CLOSED
    assert store.save(reveal(room))
    assert store.vote(room.code, 0, person, Choice.GREEN) is VoteOutcome.CLOSED
    moved = move(store.get(room.code), 1)
    assert store.save(moved)
    assert store.get(room.code).current == 1
    assert store.vote(room.code, 1, person, Choice.GREEN) is VoteOutcome.COUNTED
    assert store.tally(room.code, 0).answered == 0
    assert store.save(end(moved))
    assert store.vote(room.code, 1, person, Choice.RED) is VoteOutcome.NO_ROOM
    assert store.vote(new_code(), 0, person, Choice.RED) is VoteOutcome.NO_ROOM


def test_changes_are_limited_per_item(store):
    room, _ = open_room(store)
    person = new_token()
    store.vote(room.code, 0, person, Choice.GREEN)
    answers = [Choice.RED, Choice.GREEN] * MAX_CHANGES_PER_ITEM
    outcomes = [store.vote(room.code, 0, person, c) for c in answers]
    assert outcomes.count(VoteOutcome.CHANGED) == MAX_CHANGES_PER_ITEM
    assert outcomes[MAX_CHANGES_PER_ITEM] is VoteOutcome.TOO_MANY_CHANGES
    assert store.my_vote(room.code, 0, person) is answers[MAX_CHANGES_PER_ITEM - 1]  # the last allowed one stands
    assert store.tally(room.code, 0).answered == 1


def test_the_room_caps_its_participants(store, monkeypatch):
    import behaviours.training.room_store as room_store
    import behaviours.training.rooms as rooms

    monkeypatch.setattr(rooms, "MAX_PARTICIPANTS", 3)
    monkeypatch.setattr(room_store, "MAX_PARTICIPANTS", 3)
    room, _ = open_room(store)
    people = [new_token() for _ in range(4)]
    outcomes = [store.vote(room.code, 0, p, Choice.AMBER) for p in people]
    assert outcomes == [VoteOutcome.COUNTED] * 3 + [VoteOutcome.ROOM_FULL]
    store.save(move(store.get(room.code), 1))
    assert store.vote(room.code, 1, people[0], Choice.AMBER) is VoteOutcome.COUNTED  # already in the room


def test_concurrent_votes_lose_nothing_and_count_each_person_once(store):
    room, _ = open_room(store)
    people = [new_token() for _ in range(40)]
    rng = random.Random(3)
    final: dict[str, Choice] = {}

    def voter(person: str) -> None:
        for choice in rng.sample(list(Choice), 3):
            store.vote(room.code, 0, person, choice)
            final[person] = choice

    threads = [threading.Thread(target=voter, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    tally = store.tally(room.code, 0)
    assert tally.answered == len(people)
    for choice in Choice:
        assert tally.count(choice) == sum(1 for c in final.values() if c is choice)


def test_a_store_admits_participants_with_its_own_tokens(store):
    room, _ = open_room(store)
    other, _ = open_room(store)
    admission = store.admit(room.code, 1000.0)
    assert admission.outcome is JoinOutcome.ADMITTED and admission.token is not None
    person = store.participant(room.code, admission.token)
    assert person == admission.token[:16]
    assert store.participant(other.code, admission.token) is None
    assert store.participant(room.code, new_token() + new_token()[:16]) is None
    assert store.participant(room.code, None) is None
    assert store.vote(room.code, 0, person, Choice.RED) is VoteOutcome.COUNTED
    assert store.joins(room.code, 1000.0).total == 1


def test_a_room_admits_180_joins_a_minute(store):
    room, _ = open_room(store)
    outcomes = [store.admit(room.code, 5000.0 + i / 10).outcome for i in range(180)]
    assert outcomes == [JoinOutcome.ADMITTED] * 180
    assert store.admit(room.code, 5018.0).outcome is JoinOutcome.BUSY
    assert store.joins(room.code, 5018.0).last_minute == 180
    # A minute after the first joins, the next ones get in.
    assert store.admit(room.code, 5060.05).outcome is JoinOutcome.ADMITTED
    joins = store.joins(room.code, 5060.05)
    assert joins.total == 181 and joins.sentence == f"181 joined · {joins.last_minute} in the last minute"


def test_a_room_admits_at_most_500_people(store):
    room, _ = open_room(store)
    moment = 10_000.0
    admitted = 0
    for _ in range(3):
        admitted += sum(store.admit(room.code, moment).outcome is JoinOutcome.ADMITTED for _ in range(180))
        moment += 61
    assert admitted == 500
    assert store.admit(room.code, moment + 61).outcome is JoinOutcome.FULL


def test_a_closed_room_takes_nobody_new_and_an_ended_room_reads_as_no_room(store):
    room, _ = open_room(store)
    first = store.admit(room.code, 1000.0)
    assert store.save(close_to_joiners(store.get(room.code)))
    assert store.admit(room.code, 1001.0).outcome is JoinOutcome.CLOSED
    person = store.participant(room.code, first.token)
    assert store.vote(room.code, 0, person, Choice.AMBER) is VoteOutcome.COUNTED  # those in keep answering
    assert store.save(open_to_joiners(store.get(room.code)))
    assert store.admit(room.code, 1002.0).outcome is JoinOutcome.ADMITTED
    assert store.save(end(store.get(room.code)))
    assert store.admit(room.code, 1003.0).outcome is JoinOutcome.NO_ROOM
    assert store.admit(new_code(), 1003.0).outcome is JoinOutcome.NO_ROOM


def test_the_memory_store_creates_a_room_in_the_same_time_with_60000_rooms():
    import time

    def cost_of_200_creates(rooms: int) -> float:
        store = MemoryStore(clock=FakeClock())
        codes = iter(f"{n:06d}" for n in range(rooms + 200))  # distinct, so no create is refused
        for code in itertools.islice(codes, rooms):
            assert store.create(Room(code=code, band="9-13", kind=ItemKind.BEHAVIOUR, items=("a",)), "h")
        started = time.perf_counter()
        for code in codes:
            assert store.create(Room(code=code, band="9-13", kind=ItemKind.BEHAVIOUR, items=("a",)), "h")
        return time.perf_counter() - started

    few, many = cost_of_200_creates(1_000), cost_of_200_creates(60_000)
    # Scanning every room on create made this about 60 times slower (15.6 ms a create at 60,000 rooms).
    assert many < 5 * few + 0.05, (few, many)


def test_memory_rooms_expire_after_their_time():
    clock = FakeClock()
    store = MemoryStore(clock=clock)
    room, _ = open_room(store)
    clock.now += ROOM_TTL_SECONDS - 1
    assert store.get(room.code).items == room.items
    clock.now += 2
    assert store.get(room.code) is None
    assert store.vote(room.code, 0, new_token(), Choice.RED) is VoteOutcome.NO_ROOM


def test_redis_keys_expire_with_the_room(redis_server):
    import redis

    store = RedisStore(redis_server.url)
    room, _ = open_room(store)
    store.vote(room.code, 0, new_token(), Choice.RED)
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    keys = client.keys(f"tlr:room:{room.code}*")
    assert len(keys) >= 4
    assert all(0 < client.ttl(k) <= ROOM_TTL_SECONDS for k in keys), {k: client.ttl(k) for k in keys}
    # Only ids, counts, tokens and the key's hash are kept: the trainer key itself is not.
    stored = client.hgetall(f"tlr:room:{room.code}")
    assert set(stored) == {
        "code",
        "band",
        "kind",
        "items",
        "current",
        "revealed",
        "ended",
        "locked",
        "version",
        "rounds",
        "round",
        "result_key",
        "key_hash",
        "secret",
        "joined",
    }


def test_an_unreachable_redis_says_so_quickly():
    store = RedisStore(f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(StoreUnavailable):
        store.ping()
    with pytest.raises(StoreUnavailable):
        store.get("ABC234")


@pytest.mark.parametrize("url", ["not-a-url", "http://127.0.0.1:6379/0"])
def test_a_malformed_redis_setting_is_unavailable_not_a_crash(url):
    store = RedisStore(url)
    with pytest.raises(StoreUnavailable):
        store.get("ABC234")


def test_the_store_follows_the_setting(redis_server):
    assert isinstance(store_from_env({}), MemoryStore)
    assert isinstance(store_from_env({"TRAFFIC_LIGHT_REDIS_URL": redis_server.url}), RedisStore)
