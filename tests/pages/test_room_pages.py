"""The room pages as a trainer and a participant use them (AppTest, the in-process store or a dead Redis)."""

from __future__ import annotations

import pytest

from behaviours.pack.loader import load_pack
from behaviours.training.rooms import parse_code, parse_token
from tests.browser.harness import free_port
from tests.helpers import SHIPPED_PACK, main_text, open_page
from ui.room import STORE_DOWN, room_store

SHIPPED = load_pack(SHIPPED_PACK)


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
    trainer, code, key = start_room()
    phone = open_page("pages/join.py", {"room": code})
    assert not phone.exception
    token = phone.query_params["p"]
    assert parse_token(token) == token
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


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"room": "nope"}, "That is not a room code."),
        ({"room": "ABC234"}, "There is no room with that code."),
    ],
)
def test_a_bad_or_unknown_code_gets_a_clear_message(params, message):
    at = open_page("pages/join.py", params)
    assert not at.exception
    assert message in main_text(at)
    room = open_page("pages/room.py", params)
    assert not room.exception
    assert message.split(".")[0] in main_text(room)


def test_without_the_trainer_key_the_room_cannot_be_driven():
    _at, code, _key = start_room()
    at = open_page("pages/room.py", {"room": code, "key": "0" * 32})
    assert "This page is for the trainer who started the room." in main_text(at)
    assert not [b for b in at.button if b.label == "Reveal"]


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
