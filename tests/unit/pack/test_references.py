"""References to local services ({front_door} ...) and hours in words made from the times."""

from __future__ import annotations

import datetime as dt

import pytest
from pack_builder import TODAY

from behaviours.pack import references
from behaviours.pack.loader import SHIPPED_PACK, load_pack
from behaviours.pack.model import Day, Level, OpeningHours


def _block(days: list[str], opens: str, closes: str) -> OpeningHours:
    return OpeningHours(days=[Day(d) for d in days], opens=opens, closes=closes)


@pytest.mark.parametrize(
    ("blocks", "words"),
    [
        (
            [(["mon", "tue", "wed", "thu"], "09:00", "17:00"), (["fri"], "09:00", "16:00")],
            "Monday to Thursday 9am to 5pm; Friday 9am to 4pm",
        ),
        ([(["mon", "tue", "wed", "thu", "fri"], "08:30", "17:30")], "Monday to Friday 8.30am to 5.30pm"),
        ([(["sat", "sun"], "10:00", "12:00")], "Saturday and Sunday 10am to 12pm"),
        ([(["mon", "wed", "fri"], "09:00", "13:00")], "Monday, Wednesday and Friday 9am to 1pm"),
    ],
)
def test_hours_in_words_are_made_from_the_times(blocks, words):
    assert references.hours_from_times([_block(*b) for b in blocks]) == words


def test_a_note_follows_the_hours_it_adds_to():
    block = _block(["mon"], "09:00", "17:00")
    assert references.hours_from_times([block], "Closed at lunch.") == "Monday 9am to 5pm. Closed at lunch."


def _texts(model):
    if isinstance(model, str):
        yield model
    elif isinstance(model, (list, tuple)):
        for item in model:
            yield from _texts(item)
    elif hasattr(type(model), "model_fields"):
        for name in type(model).model_fields:
            yield from _texts(getattr(model, name))


def test_no_reference_is_left_unresolved_in_the_shipped_pack(shipped):
    every = [shipped.info, *shipped.bands, *shipped.criteria, *shipped.law, *shipped.routes, *shipped.scenarios]
    left = [text for model in every for text in _texts(model) if references.PATTERN.search(text)]
    assert left == []


def test_the_shipped_pack_shows_its_front_door_by_name_and_number(shipped):
    amber = shipped.route_for(Level.AMBER)
    assert any("Compass" in step for step in amber.route_out)
    assert "First Point of Contact on 0345 678 9021" in shipped.info.adult_note
    assert shipped.contact("compass").hours == (
        "Monday to Thursday 9am to 5pm; Friday 9am to 4pm. Outside these hours, call the Emergency Social Work Team."
    )


def test_a_changed_time_changes_the_words(tmp_path):
    import shutil

    pack_dir = shutil.copytree(SHIPPED_PACK, tmp_path / "pack")
    contacts = pack_dir / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace('closes: "16:00"', 'closes: "16:30"', 1), encoding="utf-8")
    pack = load_pack(pack_dir, TODAY)
    assert pack.contact("compass").hours.startswith("Monday to Thursday 9am to 5pm; Friday 9am to 4.30pm.")


def test_resolution_leaves_unknown_braces_and_enums_alone():
    assert references.resolve("{front_door} and {other}", {"front_door": "Door"}) == "Door and {other}"
    assert references.references_in("call {front_door} on {front_door_number}") == ["front_door", "front_door_number"]
    assert dt.date(2026, 1, 1) == references.resolve_model(dt.date(2026, 1, 1), {})
