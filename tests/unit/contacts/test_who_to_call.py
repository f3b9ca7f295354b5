"""Whom to call now: the front door while it is open, the out-of-hours team first while it is closed
(evenings, weekends, England's bank holidays), 999 for immediate danger, and when the door reopens."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pack_builder import REPO_ROOT

from behaviours.contacts.hours import UK, Openness, Role, bank_holiday, closes_at, next_opening, openness, who_to_call
from behaviours.pack.model import Level
from behaviours.pack.pack import Pack
from behaviours.wording.contacts import call_text, lead_sentence, who_to_call_lines

SHIPPED = REPO_ROOT / "behaviours" / "content"
COMPASS, OUT_OF_HOURS = "0345 678 9021", "0345 678 9040"
UTC = dt.UTC

WEDNESDAY_11AM = dt.datetime(2026, 12, 2, 11, 0, tzinfo=UK)
FRIDAY_1630 = dt.datetime(2026, 12, 4, 16, 30, tzinfo=UK)
FRIDAY_1530 = dt.datetime(2026, 12, 4, 15, 30, tzinfo=UK)
FRIDAY_1730 = dt.datetime(2026, 12, 4, 17, 30, tzinfo=UK)
SATURDAY_NOON = dt.datetime(2026, 12, 5, 12, 0, tzinfo=UK)
CHRISTMAS_11AM = dt.datetime(2026, 12, 25, 11, 0, tzinfo=UK)
EASTER_MONDAY_11AM = dt.datetime(2027, 3, 29, 11, 0, tzinfo=UK)
# Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
SPRING_BEFORE = dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
SPRING_AFTER = dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
AUTUMN_BEFORE = dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
AUTUMN_AFTER = dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
TELFORD = (
    " If the child lives in Telford & Wrekin: call Family Connect on 01952 385385 (option 1 for children); "
    "out of hours, Telford & Wrekin out-of-hours social care on 01952 676500."
)


def _ids(pack: Pack, level: Level | None, when: dt.datetime | None) -> list[str]:
    return [call.contact.id for call in who_to_call(pack, level, when).calls]


def test_bank_holidays_are_englands() -> None:
    assert bank_holiday(dt.date(2026, 12, 25)) == "Christmas Day"
    assert bank_holiday(dt.date(2027, 3, 29)) == "Easter Monday"
    assert bank_holiday(dt.date(2026, 12, 28)) is not None  # Boxing Day, observed on the Monday
    assert bank_holiday(dt.date(2026, 12, 2)) is None
    assert bank_holiday(dt.date(2026, 3, 17)) is None  # St Patrick's Day is Northern Ireland's, not England's


def test_weekday_11am_the_front_door_leads(shipped: Pack) -> None:
    answer = who_to_call(shipped, Level.RED, WEDNESDAY_11AM)
    assert _ids(shipped, Level.RED, WEDNESDAY_11AM) == [
        "emergency-999",
        "compass",
        "emergency-duty-team",
        "family-connect",  # a child who lives in Telford & Wrekin goes to its own front door
        "telford-out-of-hours",
        "police-101",
        "ceop",
        "report-remove",
        "shropshire-lado",  # an allegation against an adult who works with children
    ]
    assert answer.lead is not None and answer.lead.contact.id == "compass"
    assert lead_sentence(answer) == (
        f"Compass is open now, until 5pm: call Compass on {COMPASS}. "
        f"Out of hours: Emergency Social Work Team on {OUT_OF_HOURS}.{TELFORD}"
    )


def test_friday_closes_at_4pm_in_the_shipped_pack(shipped: Pack) -> None:
    compass = shipped.contact("compass")
    assert compass is not None
    assert openness(compass, FRIDAY_1530) == Openness.OPEN
    assert lead_sentence(who_to_call(shipped, None, FRIDAY_1530)) == (
        f"Compass is open now, until 4pm: call Compass on {COMPASS}. "
        f"Out of hours: Emergency Social Work Team on {OUT_OF_HOURS}.{TELFORD}"
    )


@pytest.mark.parametrize(
    ("when", "reopens", "why"),
    [
        (FRIDAY_1630, "Monday 7 December 2026 at 9am", ""),
        (FRIDAY_1730, "Monday 7 December 2026 at 9am", ""),
        (SATURDAY_NOON, "Monday 7 December 2026 at 9am", ""),
        # Christmas Day is a Friday; Boxing Day falls on the Saturday and is observed on Monday 28th.
        (CHRISTMAS_11AM, "Tuesday 29 December 2026 at 9am", " (Christmas Day)"),
        (EASTER_MONDAY_11AM, "Tuesday 30 March 2027 at 9am", " (Easter Monday)"),
    ],
    ids=["friday-1630", "friday-1730", "saturday", "christmas-day", "easter-monday"],
)
def test_closed_front_door_puts_the_out_of_hours_number_first(
    shipped: Pack, when: dt.datetime, reopens: str, why: str
) -> None:
    answer = who_to_call(shipped, Level.RED, when)
    assert _ids(shipped, Level.RED, when)[:5] == [
        "emergency-999",
        "emergency-duty-team",
        "compass",
        "family-connect",
        "telford-out-of-hours",
    ]
    assert answer.lead is not None and answer.lead.contact.id == "emergency-duty-team"
    assert answer.lead.phone is not None and answer.lead.phone.display == OUT_OF_HOURS
    assert answer.door_closed
    assert lead_sentence(answer) == (
        f"Compass is closed now{why}: call Emergency Social Work Team on {OUT_OF_HOURS}. "
        f"Compass ({COMPASS}) reopens {reopens}.{TELFORD}"
    )
    lines = who_to_call_lines(answer)
    assert lines[1] == f"Emergency Social Work Team on {OUT_OF_HOURS}: answers now, while Compass is closed"
    assert lines[2] == f"Compass on {COMPASS}: closed now{why}; reopens {reopens}"


def test_a_red_route_names_compass_and_the_out_of_hours_team_once_each(shipped: Pack) -> None:
    for when in (WEDNESDAY_11AM, FRIDAY_1730, CHRISTMAS_11AM, None):
        ids = _ids(shipped, Level.RED, when)
        assert len(ids) == len(set(ids)), ids
        assert ids.count("compass") == 1 and ids.count("emergency-duty-team") == 1


@pytest.mark.parametrize(
    ("when", "reopens_utc"),
    [
        (SPRING_BEFORE, dt.datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),  # 9am BST
        (SPRING_AFTER, dt.datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
        (AUTUMN_BEFORE, dt.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)),  # 9am GMT
        (AUTUMN_AFTER, dt.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)),
    ],
    ids=["spring-00:30utc", "spring-01:30utc", "autumn-00:30utc", "autumn-01:30utc"],
)
def test_clock_change_sundays(shipped: Pack, when: dt.datetime, reopens_utc: dt.datetime) -> None:
    compass = shipped.contact("compass")
    assert compass is not None
    assert openness(compass, when) == Openness.CLOSED
    assert next_opening(compass, when) == reopens_utc
    answer = who_to_call(shipped, None, when)
    assert answer.lead is not None and answer.lead.contact.id == "emergency-duty-team"
    sentence = lead_sentence(answer)
    assert sentence is not None and "reopens Monday" in sentence and "at 9am" in sentence


def test_the_hour_the_clocks_change_is_read_in_uk_time(shipped: Pack) -> None:
    compass = shipped.contact("compass")
    assert compass is not None
    # Monday 30 March 2026, 08:30 UTC is 9.30am BST: open. Monday 26 October 2026, 08:30 UTC is 8.30am GMT: closed.
    assert openness(compass, dt.datetime(2026, 3, 30, 8, 30, tzinfo=UTC)) == Openness.OPEN
    assert openness(compass, dt.datetime(2026, 10, 26, 8, 30, tzinfo=UTC)) == Openness.CLOSED


def test_the_frame_answer_is_999_then_the_door_pair(shipped: Pack) -> None:
    assert _ids(shipped, None, WEDNESDAY_11AM) == [
        "emergency-999",
        "compass",
        "emergency-duty-team",
        "family-connect",
        "telford-out-of-hours",
    ]
    assert _ids(shipped, None, FRIDAY_1730) == [
        "emergency-999",
        "emergency-duty-team",
        "compass",
        "family-connect",
        "telford-out-of-hours",
    ]
    answer = who_to_call(shipped, None, FRIDAY_1730)
    assert [c.role for c in answer.calls] == [
        Role.EMERGENCY,
        Role.OUT_OF_HOURS,
        Role.DOOR,
        Role.NEIGHBOUR,
        Role.NEIGHBOUR,
    ]


def test_a_green_route_has_no_front_door(shipped: Pack) -> None:
    answer = who_to_call(shipped, Level.GREEN, FRIDAY_1730)
    assert answer.door is None and lead_sentence(answer) is None
    assert [c.contact.id for c in answer.calls] == ["nspcc-helpline", "childline"]
    assert call_text(answer.calls[0]) == "NSPCC helpline on 0808 800 5000: Hours not known"


def test_a_printed_sheet_is_not_tied_to_a_moment(shipped: Pack) -> None:
    answer = who_to_call(shipped, None, None)
    assert _ids(shipped, None, None) == [
        "emergency-999",
        "compass",
        "emergency-duty-team",
        "family-connect",
        "telford-out-of-hours",
    ]
    sentence = lead_sentence(answer)
    assert sentence is not None
    assert "now" not in sentence.split(".")[0]
    assert sentence.startswith(f"Call Compass on {COMPASS} (Monday to Thursday 9am to 5pm; Friday 9am to 4pm")
    assert sentence.endswith(f"or Emergency Social Work Team on {OUT_OF_HOURS} out of hours.{TELFORD}")


def test_minimal_pack_front_door(minimal: Pack) -> None:
    monday_10am = dt.datetime(2026, 11, 30, 10, 0, tzinfo=UK)
    monday_5pm = dt.datetime(2026, 11, 30, 17, 0, tzinfo=UK)
    assert lead_sentence(who_to_call(minimal, None, monday_10am)) == (
        f"Front door is open now, until 5pm: call Front door on {COMPASS}. "
        f"Out of hours: Out-of-hours team on {OUT_OF_HOURS}."
    )
    assert lead_sentence(who_to_call(minimal, None, monday_5pm)) == (
        f"Front door is closed now: call Out-of-hours team on {OUT_OF_HOURS}. "
        f"Front door ({COMPASS}) reopens Tuesday 1 December 2026 at 9am."
    )


def test_closed_door_without_an_out_of_hours_service_says_closed_and_999(minimal: Pack) -> None:
    door = minimal.contact("front-door")
    assert door is not None
    alone = door.model_copy(update={"out_of_hours": None})
    pack = dataclasses.replace(minimal, contacts=tuple(alone if c.id == "front-door" else c for c in minimal.contacts))
    sunday = dt.datetime(2026, 11, 29, 12, 0, tzinfo=UK)
    assert lead_sentence(who_to_call(pack, None, sunday)) == (
        "Front door is closed now: call 999 if anyone is in danger. "
        f"Front door ({COMPASS}) reopens Monday 30 November 2026 at 9am."
    )


def test_door_without_structured_hours_says_they_are_not_known(minimal: Pack) -> None:
    door = minimal.contact("front-door")
    assert door is not None
    vague = door.model_copy(update={"opening_hours": []})
    pack = dataclasses.replace(minimal, contacts=tuple(vague if c.id == "front-door" else c for c in minimal.contacts))
    answer = who_to_call(pack, None, dt.datetime(2026, 11, 29, 12, 0, tzinfo=UK))
    assert answer.door is not None and answer.door.state == Openness.UNKNOWN
    assert lead_sentence(answer) == (
        f"This tool does not know Front door's opening hours: call Front door on {COMPASS}, "
        f"and if it does not answer, call Out-of-hours team on {OUT_OF_HOURS}."
    )


# Compass's opening and closing minutes, written out (issue 22.3): 9am to 5pm Monday to Thursday, 9am to 4pm on
# Friday; open from the opening minute, closed from the closing minute. 7 December 2026 is a Monday.
@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.datetime(2026, 12, 7, 8, 59, tzinfo=UK), Openness.CLOSED),
        (dt.datetime(2026, 12, 7, 9, 0, tzinfo=UK), Openness.OPEN),
        (dt.datetime(2026, 12, 10, 16, 59, tzinfo=UK), Openness.OPEN),
        (dt.datetime(2026, 12, 10, 17, 0, tzinfo=UK), Openness.CLOSED),
        (dt.datetime(2026, 12, 11, 15, 59, tzinfo=UK), Openness.OPEN),
        (dt.datetime(2026, 12, 11, 16, 0, tzinfo=UK), Openness.CLOSED),
    ],
    ids=["monday-0859", "monday-0900", "thursday-1659", "thursday-1700", "friday-1559", "friday-1600"],
)
def test_compass_is_open_from_its_opening_minute_until_its_closing_minute(
    shipped: Pack, when: dt.datetime, expected: Openness
) -> None:
    compass = shipped.contact("compass")
    assert compass is not None
    assert openness(compass, when) is expected


def test_compass_next_opens_after_the_moment_asked_not_at_it(shipped: Pack) -> None:
    compass = shipped.contact("compass")
    assert compass is not None
    monday_9am = dt.datetime(2026, 12, 7, 9, 0, tzinfo=UK)
    assert next_opening(compass, dt.datetime(2026, 12, 7, 8, 59, tzinfo=UK)) == monday_9am
    # At 9am sharp it has just opened: the next opening is Tuesday's, not this one.
    assert next_opening(compass, monday_9am) == dt.datetime(2026, 12, 8, 9, 0, tzinfo=UK)
    # Closed from 4pm on Friday until 9am on Monday.
    assert next_opening(compass, dt.datetime(2026, 12, 11, 16, 0, tzinfo=UK)) == dt.datetime(
        2026, 12, 14, 9, 0, tzinfo=UK
    )


def test_compass_closes_at_its_closing_minute_from_its_opening_minute_on(shipped: Pack) -> None:
    compass = shipped.contact("compass")
    assert compass is not None
    # At 9am sharp on Monday it is open until 5pm; at 5pm sharp on Thursday and 4pm sharp on Friday it is closed.
    assert closes_at(compass, dt.datetime(2026, 12, 7, 9, 0, tzinfo=UK)) == dt.datetime(2026, 12, 7, 17, 0, tzinfo=UK)
    assert closes_at(compass, dt.datetime(2026, 12, 11, 15, 59, tzinfo=UK)) == dt.datetime(
        2026, 12, 11, 16, 0, tzinfo=UK
    )
    assert closes_at(compass, dt.datetime(2026, 12, 10, 17, 0, tzinfo=UK)) is None
    assert closes_at(compass, dt.datetime(2026, 12, 11, 16, 0, tzinfo=UK)) is None
