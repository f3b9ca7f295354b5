"""Rate, discuss, re-rate: the rounds of a room item, in both stores, and what a saved room keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from behaviours.pack.pack import Pack
from behaviours.training.debrief import item_words, level_words, room_debrief, room_result, room_rounds
from behaviours.training.results import RoomResult
from behaviours.training.room_store import MemoryStore, RedisStore, RoomStore
from behaviours.training.rooms import (
    Choice,
    ItemKind,
    Room,
    Stage,
    Tally,
    VoteOutcome,
    find_item,
    hash_key,
    item_level,
    move,
    new_code,
    new_result_key,
    new_token,
    rate_again,
    reveal,
    room_items,
    show_answer,
)
from tests.redis_server import RedisServer, start_redis

BAND = "5-9"  # the shipped pack's second band


def two_round_room(items=("a", "b")) -> Room:
    return Room(code=new_code(), band="9-13", kind=ItemKind.BEHAVIOUR, items=tuple(items), two_rounds=True)


# ------------------------------------------------------------------ the rule


def test_a_two_round_item_goes_rate_discuss_rate_again_answer():
    room = two_round_room()
    assert room.stage is Stage.RATING
    room = reveal(room)
    assert room.stage is Stage.DISCUSSING  # the spread, not yet the pack's answer
    room = rate_again(room)
    assert (room.stage, room.round, room.revealed) == (Stage.RATING_AGAIN, 2, False)
    room = reveal(room)
    assert room.stage is Stage.ANSWER
    assert rate_again(room) == room  # only from the discussion
    room = move(room, 1)
    assert (room.current, room.round, room.stage) == (1, 1, Stage.RATING)


def test_a_one_round_reveal_shows_the_answer_at_once_and_cannot_rate_again():
    room = reveal(dataclasses.replace(two_round_room(), two_rounds=False))
    assert room.stage is Stage.ANSWER
    assert rate_again(room) == room and show_answer(room) == room


def test_the_trainer_may_skip_the_second_round_when_the_room_agreed():
    room = show_answer(reveal(two_round_room()))
    assert room.stage is Stage.ANSWER and room.round == 2


def test_rounds_round_trip_through_flat_fields():
    room = rate_again(reveal(two_round_room()))
    assert Room.from_fields(room.to_fields()) == room
    old = {k: v for k, v in room.to_fields().items() if k not in ("round", "rounds")}  # a room from before rounds
    assert Room.from_fields(old).round == 1 and not Room.from_fields(old).two_rounds


# ------------------------------------------------------------------ both stores


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("redis-rounds"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["memory", "redis"])
def store(request) -> Iterator[RoomStore]:
    if request.param == "memory":
        yield MemoryStore(clock=lambda: 1_000_000.0)
    else:
        redis_store = RedisStore(request.getfixturevalue("redis_server").url)
        yield redis_store
        redis_store.close()


def test_each_round_is_counted_apart_and_a_late_first_answer_never_lands_in_the_second(store):
    made = two_round_room()
    assert store.create(made, hash_key(new_token()))
    room = store.get(made.code)  # as the page reads it: with the result key the store made
    alice, bob = new_token(), new_token()
    assert store.vote(room.code, 0, alice, Choice.GREEN, 1) is VoteOutcome.COUNTED
    assert store.vote(room.code, 0, bob, Choice.RED, 1) is VoteOutcome.COUNTED
    assert store.vote(room.code, 0, alice, Choice.AMBER, 2) is VoteOutcome.CLOSED  # round 2 not open yet
    room = reveal(room)
    assert store.save(room)
    assert store.vote(room.code, 0, alice, Choice.AMBER, 1) is VoteOutcome.CLOSED  # under discussion
    room = rate_again(room)
    assert store.save(room)
    assert store.get(room.code) == room
    assert store.vote(room.code, 0, bob, Choice.AMBER, 1) is VoteOutcome.CLOSED  # a late first answer
    assert store.my_vote(room.code, 0, alice, 2) is None  # the second round starts empty
    assert store.vote(room.code, 0, alice, Choice.AMBER, 2) is VoteOutcome.COUNTED
    assert store.vote(room.code, 0, bob, Choice.AMBER, 2) is VoteOutcome.COUNTED
    assert store.vote(room.code, 0, bob, Choice.AMBER, 2) is VoteOutcome.UNCHANGED
    first, second = store.tally(room.code, 0, 1), store.tally(room.code, 0, 2)
    assert (first.count(Choice.GREEN), first.count(Choice.RED), first.count(Choice.AMBER)) == (1, 1, 0)
    assert (second.count(Choice.AMBER), second.answered) == (2, 2)
    assert (
        store.my_vote(room.code, 0, alice, 1) is Choice.GREEN and store.my_vote(room.code, 0, alice, 2) is Choice.AMBER
    )
    assert store.voters(room.code) == 2  # two people, whatever the rounds
    tallies = store.tallies(room.code, 2)
    assert tallies[(0, 1)] == first and tallies[(0, 2)] == second and tallies[(1, 1)].answered == 0


# ------------------------------------------------------------------ what a saved room keeps


def shipped_room(shipped: Pack) -> Room:
    items = tuple(room_items(shipped, BAND, ItemKind.BEHAVIOUR, seed=3)[:3])
    return Room(code="ABC234", band=BAND, kind=ItemKind.BEHAVIOUR, items=items, two_rounds=True)


def tally(green=0, amber=0, red=0, unsure=0) -> Tally:
    return Tally.from_raw({"green": green, "amber": amber, "red": red, "unsure": unsure})


def test_a_saved_room_keeps_pack_ids_counts_per_round_participants_and_the_date_only(shipped: Pack) -> None:
    room = shipped_room(shipped)
    tallies = {
        (0, 1): tally(green=2, amber=3),
        (0, 2): tally(amber=5),
        (1, 1): tally(red=4, unsure=1),
        (2, 1): tally(),  # nobody answered the third item: it is not kept
    }
    result = room_result(shipped, "3f9a0c2d51e7", room, tallies, participants=5, held_on=dt.date(2026, 3, 4))
    assert isinstance(result, RoomResult)
    assert (result.pack_name, result.pack_version) == (shipped.info.name, shipped.info.version)
    assert (result.band, result.kind, result.participants, result.held_on) == (
        BAND,
        "behaviour",
        5,
        dt.date(2026, 3, 4),
    )
    assert result.rounds == (1, 2)
    assert [(c.item_id, c.green, c.amber, c.red, c.not_sure) for c in result.round_counts(1)] == [
        (room.items[0], 2, 3, 0, 0),
        (room.items[1], 0, 0, 4, 1),
    ]
    assert [(c.item_id, c.amber) for c in result.round_counts(2)] == [(room.items[0], 5)]
    level = item_level(find_item(shipped, ItemKind.BEHAVIOUR, room.items[0]))
    assert result.round_counts(1)[0].pack_level is level
    # Nothing else: the code, a token or a time of day has no field to go in.
    assert {f.name for f in dataclasses.fields(RoomResult)} == {
        "pack_name",
        "pack_version",
        "pack_hash",
        "band",
        "kind",
        "participants",
        "held_on",
        "tallies",
        "course",
        "result_key",  # random, made with the room: a second save of the room stores nothing
    }
    assert "ABC234" not in repr(result)
    assert result.result_key is None  # a room made before result keys
    key = new_result_key()
    keyed = room_result(
        shipped, "3f9a0c2d51e7", dataclasses.replace(room, result_key=key), tallies, 5, dt.date(2026, 3, 4)
    )
    assert keyed.result_key == key and "ABC234" not in key


def test_a_time_of_day_is_refused(shipped: Pack) -> None:
    room = shipped_room(shipped)
    with pytest.raises(ValueError, match="held_on must be a date without a time of day"):
        room_result(shipped, "3f9a0c2d51e7", room, {(0, 1): tally(green=1)}, 1, dt.datetime(2026, 3, 4, 10, 30))


def test_an_item_the_pack_no_longer_has_is_left_out(shipped: Pack) -> None:
    room = dataclasses.replace(shipped_room(shipped), items=("no-such-item", *shipped_room(shipped).items[1:]))
    rounds = room_rounds(shipped, room, {(0, 1): tally(green=3), (1, 1): tally(red=2)})
    assert [c.item_id for c in rounds[1]] == [room.items[1]]


def test_each_answer_is_said_in_words_with_its_count_and_share(shipped: Pack) -> None:
    counts = room_rounds(shipped, shipped_room(shipped), {(0, 1): tally(green=1, amber=3, red=1)})[1][0]
    assert level_words(shipped, counts) == "Green 1 (20%), Amber 3 (60%), Red 1 (20%), Not sure 0 (0%)"


def test_the_summary_says_both_rounds_and_the_items_the_room_split_on_most_first(shipped: Pack) -> None:
    room = shipped_room(shipped)
    tallies = {
        (0, 1): tally(green=5),  # everyone agreed
        (1, 1): tally(green=2, amber=1, red=2),  # split
        (1, 2): tally(amber=4, red=1),
        (2, 1): tally(amber=3, red=2),
    }
    summary = room_debrief(shipped, room, tallies, participants=5, resamples=50)
    assert summary.round_names == ("First answers", "After discussion")
    names = [name for name, _values in summary.figures]
    assert names[0] == "Percent agreement (two raters, same level)" and "Krippendorff's alpha" in names[1]
    # Round 1 over three items: pairs agreeing 10/10, 2/10, 4/10 -> 16 of 30 = 53%.
    assert summary.figures[0][1][0].startswith("53%")
    # Round 2, only the re-rated item: 6 of 10 pairs -> 60%.
    assert summary.figures[0][1][1].startswith("60%")
    assert summary.split[0].item_id == room.items[1]
    assert summary.split[0].words == item_words(shipped, ItemKind.BEHAVIOUR, room.items[1])
    assert summary.split[0].first == "Green 2 (40%), Amber 1 (20%), Red 2 (40%), Not sure 0 (0%)"
    assert summary.split[0].second == "Green 0 (0%), Amber 4 (80%), Red 1 (20%), Not sure 0 (0%)"
    assert summary.split[0].agreement_words == "agreement 20%, then 60% after discussion"
    assert any("Bolton, Gandevia and Newell (2021)" in line and "Source:" in line for line in summary.published)


def test_a_room_nobody_answered_has_an_empty_summary(shipped: Pack) -> None:
    summary = room_debrief(shipped, shipped_room(shipped), {}, participants=0)
    assert summary.empty and summary.published
