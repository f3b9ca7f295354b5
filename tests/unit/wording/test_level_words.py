"""How levels and the danger panel's contacts are chosen, on the shipped pack."""

import pytest

from behaviours import LEVELS, Level
from behaviours.contacts.directory import emergency_contacts, first_phone, front_door
from behaviours.wording.levels import LEVEL_COLOUR, LEVEL_ICON, level_heading


@pytest.mark.parametrize(
    ("level", "heading"),
    [(Level.GREEN, "Green: healthy and expected"), (Level.AMBER, "Amber: take notice"), (Level.RED, "Red: act today")],
)
def test_headings_start_with_the_level_in_words(shipped, level, heading):
    assert level_heading(shipped, level) == heading


def test_each_level_has_its_own_colour_and_icon_shape():
    assert len({LEVEL_COLOUR[level] for level in LEVELS}) == 3
    assert len({LEVEL_ICON[level] for level in LEVELS}) == 3


def test_the_immediate_danger_line_offers_only_emergency_numbers(shipped):
    numbers = [first_phone(c).display for c in emergency_contacts(shipped)]
    assert numbers == ["999"]


def test_the_front_door_is_compass_with_its_number(shipped):
    door = front_door(shipped)
    assert door is not None and door.id == "compass"
    assert first_phone(door).display == "0345 678 9021"
