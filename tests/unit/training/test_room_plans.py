"""The training room's plans: what /room and /join show for an address, and what the live views show for a room."""

from __future__ import annotations

from dataclasses import replace

import pytest

from behaviours.training.plans import (
    JoinPlan,
    JoinView,
    ParticipantPlan,
    ParticipantView,
    RoomPlan,
    RoomView,
    plan_join,
    plan_participant,
    plan_room,
    plan_trainer_live,
)
from behaviours.training.room_store import MemoryStore, RedisStore
from behaviours.training.rooms import Choice, ItemKind, Joins, Room, Tally, end, hash_key, reveal
from tests.browser.harness import free_port

KEY = "0123456789abcdef0123456789abcdef"
OTHER_KEY = "fedcba9876543210fedcba9876543210"
NOT_YOURS = (
    "This page runs a room for the trainer who started it, from the address they were given. "
    "To take part in a room, join it with the code on the screen."
)
NOT_A_CODE = "That is not a room code. Codes have six letters and numbers, for example ABC234."


def _room(**changes: object) -> Room:
    return replace(Room(code="ABC234", band="9-13", kind=ItemKind.BEHAVIOUR, items=("a", "b", "c")), **changes)


@pytest.fixture
def store() -> MemoryStore:
    memory = MemoryStore(clock=lambda: 1_000_000.0)
    assert memory.create(_room(), hash_key(KEY))
    return memory


def _unreachable() -> RedisStore:
    return RedisStore(f"redis://127.0.0.1:{free_port()}/0")


# ------------------------------------------------------------------ /room


def test_room_without_a_code_starts_a_room(store: MemoryStore) -> None:
    assert plan_room(None, None, store) == RoomPlan(RoomView.START)


@pytest.mark.parametrize("raw", ["", "ABC23", "ABC2340", "ABCI23"])
def test_room_with_something_that_is_not_a_code_says_so(store: MemoryStore, raw: str) -> None:
    assert plan_room(raw, KEY, store) == RoomPlan(RoomView.NOT_A_CODE, message=NOT_A_CODE)


def test_room_with_its_trainer_key_is_live_and_forgives_how_the_code_was_typed(store: MemoryStore) -> None:
    held = store.get("ABC234")
    assert held is not None and replace(held, result_key="") == _room()  # the store adds only the result key
    assert plan_room("abc-234", KEY, store) == RoomPlan(RoomView.LIVE, "ABC234", held)


@pytest.mark.parametrize(
    ("code", "key"), [("ABC234", OTHER_KEY), ("ABC234", None), ("ABC234", "not-a-key"), ("XYZ789", KEY)]
)
def test_room_without_its_key_says_the_same_as_for_no_room(store: MemoryStore, code: str, key: str | None) -> None:
    assert plan_room(code, key, store) == RoomPlan(RoomView.NOT_YOURS, code, message=NOT_YOURS)


def test_an_ended_room_shows_its_summary(store: MemoryStore) -> None:
    assert store.save(end(_room()))
    plan = plan_room("ABC234", KEY, store)
    assert (plan.view, plan.code, plan.room is not None and plan.room.ended) == (RoomView.ENDED, "ABC234", True)


def test_room_when_the_store_is_down_says_so() -> None:
    assert plan_room("ABC234", KEY, _unreachable()) == RoomPlan(RoomView.STORE_DOWN, "ABC234")


# ------------------------------------------------------------------ the trainer's live view


def _tally(answered: int) -> Tally:
    return Tally({Choice.RED: answered} if answered else {})


def test_trainer_live_first_item_before_reveal() -> None:
    plan = plan_trainer_live(_room(), _tally(0), None, Joins(4, 1))
    assert plan.count == "**Nobody has answered yet.**"
    assert (plan.rate_again, plan.reveal_disabled, plan.previous_disabled, plan.next_disabled) == (
        False,
        False,
        True,
        False,
    )
    assert (plan.first_spread, plan.second_spread, plan.pack_answer, plan.skip_to_answer) == (None, None, False, False)
    assert plan.note == "The room's answers stay hidden until you press Reveal."
    assert plan.joins == "4 joined · 1 in the last minute"


def test_trainer_live_last_item_revealed_shows_the_spread_and_the_pack_answer() -> None:
    first = _tally(3)
    plan = plan_trainer_live(reveal(_room(current=2, closed_to_joiners=True)), first, None, Joins(3, 0))
    assert plan.count == "**3 answered**"
    assert (plan.reveal_disabled, plan.previous_disabled, plan.next_disabled) == (True, False, True)
    assert (plan.first_spread, plan.second_spread, plan.pack_answer, plan.note) == (first, None, True, "")
    assert plan.joins == "3 joined · 0 in the last minute · closed to new joiners"


def test_trainer_live_two_rounds_discussing_hides_the_answer_and_offers_rate_again() -> None:
    first = _tally(1)
    plan = plan_trainer_live(reveal(_room(two_rounds=True, current=1)), first, None, None)
    assert plan.count == "**1 answered** · First answers"
    assert (plan.rate_again, plan.skip_to_answer, plan.pack_answer) == (True, True, False)
    assert (plan.first_spread, plan.second_spread) == (first, None)
    assert plan.note == (
        "Discuss the spread: what would make it greener or redder? The pack's answer stays hidden "
        "until the room has rated again."
    )
    assert plan.joins is None


def test_trainer_live_rating_again_counts_the_second_round() -> None:
    plan = plan_trainer_live(_room(two_rounds=True, round=2), _tally(5), _tally(2), None)
    assert plan.count == "**2 answered** · Rating again, after discussion"
    assert (plan.first_spread, plan.rate_again) == (None, False)
    assert plan.note == "The second answers stay hidden until you press Reveal."


def test_trainer_live_answer_after_two_rounds_shows_both_spreads_and_one_when_round_two_was_skipped() -> None:
    first, second = _tally(5), _tally(4)
    both = plan_trainer_live(_room(two_rounds=True, round=2, revealed=True), first, second, None)
    assert (both.first_spread, both.second_spread, both.pack_answer) == (first, second, True)
    skipped = plan_trainer_live(_room(two_rounds=True, round=2, revealed=True), first, _tally(0), None)
    assert (skipped.first_spread, skipped.second_spread) == (first, None)


# ------------------------------------------------------------------ /join


def test_join_without_a_code_shows_the_form(store: MemoryStore) -> None:
    assert plan_join(None, None, None, store) == JoinPlan(JoinView.FORM)


def test_join_with_something_that_is_not_a_code_says_so(store: MemoryStore) -> None:
    assert plan_join("NOPE", None, None, store) == JoinPlan(JoinView.BAD_CODE)


def test_join_from_the_qr_code_joins_now(store: MemoryStore) -> None:
    assert plan_join("abc 234", None, None, store) == JoinPlan(JoinView.ENTER, "ABC234")


def test_join_a_token_the_room_issued_is_taken_back_after_a_reload(store: MemoryStore) -> None:
    token = store.admit("ABC234", 1_000_000.0).token
    assert token is not None
    assert plan_join("ABC234", token, None, store) == JoinPlan(JoinView.LIVE, "ABC234", token, adopted=True)


def test_join_a_token_the_room_never_issued_is_not_taken(store: MemoryStore) -> None:
    assert plan_join("ABC234", "0" * 48, None, store) == JoinPlan(JoinView.ENTER, "ABC234")


def test_join_the_token_this_session_holds_wins_over_another_in_the_address(store: MemoryStore) -> None:
    held = store.admit("ABC234", 1_000_000.0).token
    other = store.admit("ABC234", 1_000_000.0).token
    assert held is not None and other is not None
    plan = plan_join("ABC234", other, held, store)
    assert plan == JoinPlan(JoinView.LIVE, "ABC234", held, adopted=False, rewrite_address=True)
    assert plan_join("ABC234", held, held, store) == JoinPlan(JoinView.LIVE, "ABC234", held)


def test_join_when_the_store_is_down_says_so() -> None:
    assert plan_join("ABC234", "0" * 48, None, _unreachable()) == JoinPlan(JoinView.STORE_DOWN, "ABC234")


# ------------------------------------------------------------------ a participant's phone


def test_participant_room_gone_or_ended() -> None:
    assert plan_participant(None, None) == ParticipantPlan(
        ParticipantView.EXPIRED, "This room has expired. Thank you for taking part."
    )
    assert plan_participant(end(_room()), Choice.RED) == ParticipantPlan(
        ParticipantView.ENDED, "The trainer has ended this room. Thank you for taking part."
    )


def test_participant_rating_asks_and_reassures_until_they_answer() -> None:
    assert plan_participant(_room(), None) == ParticipantPlan(
        ParticipantView.RATING,
        "How would you rate this?",
        hint="Nobody sees who answered what; the trainer sees only how many chose each answer.",
    )
    assert plan_participant(_room(), Choice.AMBER) == ParticipantPlan(
        ParticipantView.RATING, "How would you rate this?", Choice.AMBER
    )


def test_participant_two_rounds_discuss_then_rate_again_then_see_the_answer() -> None:
    discussing = reveal(_room(two_rounds=True))
    assert plan_participant(discussing, Choice.GREEN) == ParticipantPlan(
        ParticipantView.DISCUSSING,
        "**The room is discussing its answers.** You will rate this again before the pack's answer is shown.",
        Choice.GREEN,
    )
    again = _room(two_rounds=True, round=2)
    assert plan_participant(again, None).text == "How would you rate this now, after the discussion?"
    answered = _room(two_rounds=True, round=2, revealed=True)
    assert plan_participant(answered, Choice.RED) == ParticipantPlan(
        ParticipantView.REVEALED, "Wait for the trainer to move on.", Choice.RED, " the second time"
    )


def test_participant_one_round_revealed_says_their_answer_without_a_round() -> None:
    assert plan_participant(reveal(_room()), Choice.UNSURE) == ParticipantPlan(
        ParticipantView.REVEALED, "Wait for the trainer to move on.", Choice.UNSURE
    )
