"""A two-round room as the trainer runs it (AppTest): rate, discuss, re-rate, end, summary, save.

Saving is tried against a database that is down (the page says so and carries on) and against a
real SQLite file (the page says saved, and the file holds counts only).
"""

from __future__ import annotations

import pytest

from behaviours.training.results import ResultStore
from behaviours.training.rooms import Choice, token_participant
from tests.browser.harness import free_port
from tests.helpers import main_text, open_page
from ui.room import result_store, room_store

ANSWERS_FIRST = (Choice.GREEN, Choice.AMBER, Choice.AMBER, Choice.RED, Choice.UNSURE)
ANSWERS_AGAIN = (Choice.AMBER, Choice.AMBER, Choice.AMBER, Choice.AMBER, Choice.RED)


@pytest.fixture(autouse=True)
def fresh_stores(monkeypatch):
    monkeypatch.delenv("TRAFFIC_LIGHT_REDIS_URL", raising=False)
    room_store.clear()
    result_store.clear()
    yield
    room_store.clear()
    result_store.clear()


def press(at, label):
    next(b for b in at.button if b.label.startswith(label)).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def start_two_round_room():
    at = open_page("pages/room.py")
    at.toggle(key="room_two_rounds").set_value(True)
    press(at, "Start the room")
    return at, at.query_params["room"]


def five_people(code):
    store = room_store()
    return [token_participant(store.admit(code, 0).token) for _ in range(5)]


def run_two_rounds(at, code):
    store = room_store()
    people = five_people(code)
    phone = open_page("pages/join.py", {"room": code})
    for person, choice in zip(people, ANSWERS_FIRST, strict=True):
        store.vote(code, 0, person, choice, 1)
    at.run()
    assert "5 answered" in main_text(at) and "First answers" in main_text(at)

    press(at, "Reveal")
    text = main_text(at)
    assert "The room's answers (5 in all)" in text
    assert "The pack rates this:" not in text  # discussed first, without the pack's answer
    assert "Discuss the spread" in text
    phone.run()
    assert "The room is discussing its answers." in main_text(phone)
    assert "The pack rates this:" not in main_text(phone)

    press(at, "Rate again")
    assert "Nobody has answered yet." in main_text(at)
    phone.run()
    assert "How would you rate this now, after the discussion?" in main_text(phone)
    for person, choice in zip(people, ANSWERS_AGAIN, strict=True):
        store.vote(code, 0, person, choice, 2)
    at.run()
    assert "5 answered" in main_text(at)

    press(at, "Reveal")
    text = main_text(at)
    assert "First answers (5 in all)" in text and "After discussion (5 in all)" in text
    assert "**1** (20%)" in text and "**4** (80%)" in text  # green first; amber after discussion
    assert "The pack rates this:" in text
    press(at, "End the room")
    return people


def test_a_two_round_room_ends_with_its_summary_and_a_dead_database_only_says_not_saved(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_DATABASE_URL", f"postgresql://nobody@127.0.0.1:{free_port()}/results")
    at, code = start_two_round_room()
    run_two_rounds(at, code)
    text = main_text(at)
    assert "This room has ended." in text
    assert "How the room agreed" in text
    assert "Percent agreement (two raters, same level)" in text
    assert "Bolton, Gandevia and Newell (2021)" in text and "Source: Child Abuse & Neglect 117:105062" in text
    assert len(at.get("vega_lite_chart")) == 1  # the items the room split on, its numbers in the text beside it
    assert (
        "agreement 17%, then 60% after discussion" in text
    )  # 2 of 12 pairs before (not sure left out); 12 of 20 after
    press(at, "Save this room's result")
    text = main_text(at)
    assert "The result could not be saved: the results database cannot be reached just now." in text
    assert "How the room agreed" in text  # the room and its figures are still there
    assert at.get("download_button")  # the PDF is still offered
    for page, params in (("pages/training.py", {}), ("pages/join.py", {"room": code})):
        assert not open_page(page, params).exception


def test_a_saved_room_keeps_its_counts_per_round_and_says_saved(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'results.sqlite3'}"
    monkeypatch.setenv("TRAFFIC_LIGHT_DATABASE_URL", url)
    at, code = start_two_round_room()
    people = run_two_rounds(at, code)
    press(at, "Save this room's result")
    assert "The room's result is saved: counts and the date only, no names." in main_text(at)
    assert next(b for b in at.button if b.label.startswith("Save this room's result")).disabled  # once
    saved = ResultStore(url).load_results()
    assert saved.ok and len(saved.results) == 1
    result = saved.results[0]
    assert result.participants == 5 and result.rounds == (1, 2)
    (first,) = result.round_counts(1)
    (again,) = result.round_counts(2)
    assert (first.green, first.amber, first.red, first.not_sure) == (1, 2, 1, 1)
    assert (again.green, again.amber, again.red, again.not_sure) == (0, 4, 1, 0)
    raw = (tmp_path / "results.sqlite3").read_bytes()
    assert code.encode() not in raw and not any(p.encode() in raw for p in people)


def saved_room(url, participants, first):
    """Save one room with the shipped pack's first three 9-13 descriptors and these first-round counts."""
    import datetime as dt

    from behaviours.pack.loader import load_pack
    from behaviours.training.debrief import room_result
    from behaviours.training.rooms import ItemKind, Room, Tally, room_items
    from tests.helpers import SHIPPED_PACK

    pack = load_pack(SHIPPED_PACK)
    items = tuple(sorted(room_items(pack, "9-13", ItemKind.BEHAVIOUR, seed=0))[:3])
    room = Room(code="ABC234", band="9-13", kind=ItemKind.BEHAVIOUR, items=items)
    tallies = {(i, 1): Tally.from_raw(raw) for i, raw in enumerate(first)}
    result = room_result(pack, "3f9a0c2d51e7", room, tallies, participants, dt.date(2026, 3, 4))
    assert ResultStore(url).save_result(result).saved
    return pack, items


def test_the_agreement_page_lists_the_items_rooms_split_on_with_their_counts(monkeypatch, tmp_path):
    from behaviours.training.debrief import item_words
    from behaviours.training.rooms import ItemKind

    url = f"sqlite:///{tmp_path / 'results.sqlite3'}"
    monkeypatch.setenv("TRAFFIC_LIGHT_DATABASE_URL", url)
    split = {"green": 3, "amber": 1, "red": 3}
    agreed = {"green": 7}
    pack, items = saved_room(url, 7, [split, agreed, {"red": 6, "unsure": 1}])
    saved_room(url, 3, [{"red": 3}] * 3)  # a small room: left out
    at = open_page("pages/agreement.py")
    text = main_text(at)
    assert "From 1 saved room with 5 or more participants (7 participants in all); 1 smaller room left out." in text
    assert "Items where raters split most (first answers)" in text
    words = item_words(pack, ItemKind.BEHAVIOUR, items[0])
    # Pairs agreeing: 3*2 + 0 + 3*2 = 12 of 7*6 = 42 -> 29%.
    assert f"{words} | " in text and "| 1 | 3 | 1 | 3 | 0 | 29% |" in text
    assert "Items rated differently from the pack's level most often (first answers)" in text
    assert "Bolton, Gandevia and Newell (2021)" in text
    assert len(at.get("vega_lite_chart")) == 2  # a chart beside each list


def test_the_agreement_page_with_the_database_down_says_so(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_DATABASE_URL", f"postgresql://nobody@127.0.0.1:{free_port()}/results")
    text = main_text(open_page("pages/agreement.py"))
    assert "Saved results cannot be shown just now: the results database cannot be reached." in text


def test_a_room_saved_from_two_tabs_is_kept_once_and_the_second_tab_says_so(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'results.sqlite3'}"
    monkeypatch.setenv("TRAFFIC_LIGHT_DATABASE_URL", url)
    at, code = start_two_round_room()
    trainer_key = at.query_params["key"]
    run_two_rounds(at, code)
    other_tab = open_page("pages/room.py", {"room": code, "key": trainer_key})
    assert "This room has ended." in main_text(other_tab)
    press(at, "Save this room's result")
    assert "The room's result is saved: counts and the date only, no names." in main_text(at)
    press(other_tab, "Save this room's result")
    text = main_text(other_tab)
    assert "This room's result is already saved (from this screen or another one)" in text
    assert "The room's result is saved:" not in text
    assert next(b for b in other_tab.button if b.label.startswith("Save this room's result")).disabled
    saved = ResultStore(url).load_results()
    assert saved.ok and len(saved.results) == 1 and saved.results[0].participants == 5
    raw = (tmp_path / "results.sqlite3").read_bytes()
    assert code.encode() not in raw and trainer_key.encode() not in raw
