"""Until when whom to call reads the same (behaviours.contacts.hours.next_change): the look-up keeps the frame's
moment until then, and draws the whole page again after it (ui/moment.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from pack_builder import REPO_ROOT

from behaviours.contacts.hours import UK, call_state, next_change, openness, who_to_call
from behaviours.pack.loader import load_pack
from behaviours.pack.model import Level

SHIPPED = REPO_ROOT / "behaviours" / "content"
LEVELS = (None, *Level)


@pytest.fixture(scope="module")
def pack():
    return load_pack(SHIPPED, today=dt.date(2026, 12, 6))  # the day the contacts were last checked


def answers(pack, moment: dt.datetime) -> tuple:
    return tuple(call_state(who_to_call(pack, level, moment)) for level in LEVELS), moment.date()


# Every 47 minutes for eight days from a Thursday, across a weekend and into Christmas week,
# plus the moments just before the shipped hours change.
SAMPLES = [dt.datetime(2026, 12, 17, 0, 5, tzinfo=UK) + dt.timedelta(minutes=47 * i) for i in range(8 * 31)]
SAMPLES += [
    dt.datetime(2026, 12, 3, 16, 59, 59, tzinfo=UK),
    dt.datetime(2026, 12, 4, 15, 59, 30, tzinfo=UK),
    dt.datetime(2026, 12, 24, 23, 59, tzinfo=UK),
]


@pytest.mark.parametrize("moment", SAMPLES, ids=lambda m: m.strftime("%a-%d-%H%M%S"))
def test_answers_hold_until_the_next_change_and_not_past_it(pack, moment: dt.datetime) -> None:
    change = next_change(pack, moment)
    assert change > moment
    before = answers(pack, moment)
    for later in (moment + (change - moment) / 2, change - dt.timedelta(seconds=1)):
        if later > moment:
            assert answers(pack, later) == before, f"{later} reads differently before {change}"
    # At the change itself: the day has turned, or some service with hours opened or closed.
    if change.date() == moment.date():
        assert any(openness(c, change) != openness(c, moment) for c in pack.contacts), change


def test_thursday_just_before_five_changes_at_five_when_compass_closes(pack) -> None:
    assert next_change(pack, dt.datetime(2026, 12, 3, 16, 59, 40, tzinfo=UK)) == dt.datetime(
        2026, 12, 3, 17, 0, tzinfo=UK
    )
    assert answers(pack, dt.datetime(2026, 12, 3, 16, 59, 59, tzinfo=UK)) != answers(
        pack, dt.datetime(2026, 12, 3, 17, 0, tzinfo=UK)
    )
