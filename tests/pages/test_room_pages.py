"""The room pages as a trainer and a participant use them (AppTest, the in-process store or a dead Redis)."""

from __future__ import annotations

import pytest

from behaviours.training.rooms import ItemKind, Room, hash_key, new_code, new_token, parse_code, parse_token
from tests.browser.harness import free_port
from tests.helpers import main_text, open_page
from ui.room import STORE_DOWN, room_store


@pytest.fixture(autouse=True)
def fresh_store(monkeypatch):
    monkeypatch.delenv("TRAFFIC_LIGHT_REDIS_URL", raising=False)
    room_store.clear()
    yield
    room_store.clear()


def start_room():
    at = open_page("pages/room.py")
    assert not at.exception
    next(b for b in at.button if b.label == "Start the room").click()
    at.run()
    assert not at.exception
    code, key = at.query_params["room"], at.query_params["key"]
    return at, parse_code(code), key


def button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def test_a_trainer_starts_a_room_and_sees_the_full_join_address():
    at, code, key = start_room()
    assert code and parse_token(key) == key
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert f"/join?room={code}" in html and code in html
    assert "data:image/svg+xml" in html and 'alt="QR code that opens ' in html
    assert key not in html and key not in main_text(at)
    assert "Nobody has answered yet." in main_text(at)


def test_a_participant_joins_votes_and_the_trainer_sees_count_then_spread():
    _trainer, code, key = start_room()
    phone = open_page("pages/join.py", {"room": code})
    assert not phone.exception
    token = phone.query_params["p"]
    assert len(token) == 48 and room_store().participant(code, token) == token[:16]
    assert "How would you rate this?" in main_text(phone)
    button(phone, "Amber").click()
    phone.run()
    assert "Your answer is in." in main_text(phone)
    assert button(phone, "Amber").label == "Amber (your answer)"

    # The same phone reloading (same address, new session) keeps its answer and is not counted twice.
    again = open_page("pages/join.py", {"room": code, "p": token})
    assert button(again, "Amber").label == "Amber (your answer)"
    button(again, "Amber").click()
    again.run()

    trainer = open_page("pages/room.py", {"room": code, "key": key})
    assert "1 answered" in main_text(trainer)
    button(trainer, "Reveal").click()
    trainer.run()
    text = main_text(trainer)
    assert "The room's answers (1 in all)" in text
    assert "Amber" in text and "**1** (100%)" in text
    assert "The pack rates this:" in text

    phone.run()
    assert "The pack rates this:" in main_text(phone)
    assert "You answered **Amber**." in main_text(phone)


NO_ROOM = "There is no room with that code. Check the code on the screen; the room may have ended or expired."
NOT_YOURS = "This page runs a room for the trainer who started it, from the address they were given."


def test_a_bad_code_gets_a_clear_message():
    at = open_page("pages/join.py", {"room": "nope"})
    assert "That is not a room code." in main_text(at)
    room = open_page("pages/room.py", {"room": "nope"})
    assert "That is not a room code." in main_text(room)


def answer_without_the_code(text: str, code: str) -> str:
    return text.replace(code, "CODE")


def test_an_unknown_and_an_ended_code_get_the_same_answer_on_join_and_room():
    trainer, code, _key = start_room()
    button(trainer, "End the room").click()
    trainer.run()
    assert room_store().get(code).ended
    unknown = new_code()
    join_ended = main_text(open_page("pages/join.py", {"room": code}))
    join_unknown = main_text(open_page("pages/join.py", {"room": unknown}))
    assert NO_ROOM in join_ended
    assert answer_without_the_code(join_ended, code) == answer_without_the_code(join_unknown, unknown)
    # /room without the trainer's key: one answer for a live, an ended and an unknown code.
    _live, live_code, _ = start_room()
    answers = {
        answer_without_the_code(main_text(open_page("pages/room.py", {"room": c, "key": "0" * 32})), c)
        for c in (live_code, code, unknown)
    }
    answers.add(answer_without_the_code(main_text(open_page("pages/room.py", {"room": unknown})), unknown))
    assert len(answers) == 1 and NOT_YOURS in answers.pop()


def test_without_the_trainer_key_the_room_cannot_be_driven():
    _at, code, _key = start_room()
    at = open_page("pages/room.py", {"room": code, "key": "0" * 32})
    assert NOT_YOURS in main_text(at)
    assert not [b for b in at.button if b.label == "Reveal"]


def press(at, label):
    button(at, label).click()
    at.run()
    assert not at.exception


def test_one_session_is_one_voter_whatever_token_its_address_carries():
    """Issue 26, finding 1: reruns of /join?room=CODE&p=<new token> each pressing Red made 500 votes."""
    _trainer, code, _key = start_room()
    phone = open_page("pages/join.py", {"room": code})
    issued = phone.query_params["p"]
    for _ in range(25):
        phone.query_params["p"] = new_token() + new_token()[:16]  # a token the client made up
        phone.run()
        assert "How would you rate this?" in main_text(phone)
        press(phone, "Red")
    assert room_store().tally(code, 0).answered == 1
    assert room_store().joins(code, 0).total == 1
    assert phone.query_params["p"] == issued
    # A new session with a made-up token is not let in under it: the server issues its own.
    forged = new_token() + new_token()[:16]
    other = open_page("pages/join.py", {"room": code, "p": forged})
    assert other.query_params["p"] != forged and room_store().participant(code, other.query_params["p"])


def test_a_session_may_try_5_wrong_codes_a_minute():
    _trainer, code, _key = start_room()
    phone = open_page("pages/join.py")
    for typed in ("AAAAAA", "BBBBBB", "nope", "CCCCCC", "DDDDDD"):
        phone.text_input(key="join_code").set_value(typed)
        press(phone, "Join")
        assert "That is not a room code." in main_text(phone) or NO_ROOM in main_text(phone)
    phone.text_input(key="join_code").set_value(code)  # the right code, but only after a wait
    press(phone, "Join")
    assert "Too many codes that are not a room have been tried here. Wait a minute" in main_text(phone)
    assert "How would you rate this?" not in main_text(phone)


def test_a_session_joins_at_most_10_rooms_an_hour():
    store = room_store()
    codes = []
    for _ in range(11):
        room = Room(code=new_code(), band="9-13", kind=ItemKind.BEHAVIOUR, items=("a",))
        assert store.create(room, hash_key(new_token()))
        codes.append(room.code)
    phone = open_page("pages/join.py")
    for code in codes[:10]:
        phone.text_input(key="join_code").set_value(code)
        press(phone, "Join")
        assert phone.query_params["room"] == code and len(phone.query_params["p"]) == 48
        phone.query_params.clear()  # back to /join, as following the next room's link
        phone.run()
    phone.text_input(key="join_code").set_value(codes[10])
    press(phone, "Join")
    assert "This browser has joined too many rooms in the last hour." in main_text(phone)
    assert store.joins(codes[10], 0).total == 0


def test_a_trainer_closes_the_room_to_new_joiners_and_sees_joins_a_minute():
    trainer, code, _key = start_room()
    assert "Nobody has joined yet · 0 in the last minute" in main_text(trainer)
    first = open_page("pages/join.py", {"room": code})
    second = open_page("pages/join.py", {"room": code})
    trainer.run()
    assert "2 joined · 2 in the last minute" in main_text(trainer)
    press(trainer, "Close to new joiners")
    assert "closed to new joiners" in main_text(trainer)
    late = open_page("pages/join.py", {"room": code})
    assert "This room is not taking new people. Ask the trainer to open it again." in main_text(late)
    for phone in (first, second):  # those already in keep answering, after a reload too
        phone.run()
        press(phone, "Amber")
        assert "Your answer is in." in main_text(phone)
    again = open_page("pages/join.py", {"room": code, "p": first.query_params["p"]})
    assert button(again, "Amber").label == "Amber (your answer)"
    press(trainer, "Let new people join")
    assert "How would you rate this?" in main_text(open_page("pages/join.py", {"room": code}))


def test_a_session_starts_at_most_5_rooms_an_hour():
    at, _code, _key = start_room()
    for _ in range(4):
        at.query_params.clear()
        at.run()
        press(at, "Start the room")
        assert at.query_params.get("key")
    at.query_params.clear()
    at.run()
    press(at, "Start the room")
    assert "You have started 5 rooms in the last hour, the most one browser may." in main_text(at)
    assert "key" not in at.query_params


def test_a_replica_runs_at_most_100_live_rooms():
    from ui.room import replica_rooms, room_moment

    replica_rooms.clear()
    try:
        for _ in range(99):
            assert replica_rooms().claim(room_moment())
        start_room()  # the hundredth
        at = open_page("pages/room.py")
        press(at, "Start the room")
        assert "This server is running as many rooms as it can." in main_text(at)
    finally:
        replica_rooms.clear()


def test_with_redis_down_the_room_says_so_and_other_pages_work(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    room_store.clear()
    for page, params in (("pages/join.py", {"room": "ABC234"}), ("pages/room.py", {"room": "ABC234"})):
        at = open_page(page, params)
        assert not at.exception
        assert "Live rooms are not available right now" in main_text(at), page
    at = open_page("pages/room.py")
    next(b for b in at.button if b.label == "Start the room").click()
    at.run()
    assert STORE_DOWN.split(":")[0] in main_text(at)
    for page, params in ((None, {"age": "9"}), ("pages/search.py", {"q": "sexting"}), ("pages/training.py", {})):
        at = open_page(page, params)
        assert not at.exception, page
        assert "Live rooms are not available" not in main_text(at)
