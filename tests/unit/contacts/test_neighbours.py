"""A child who lives in a neighbouring area is sent to that area's front door, wherever the front door is the route."""

from __future__ import annotations

import datetime as dt

import pytest
from pack_builder import TODAY

from behaviours.contacts.hours import Role, who_to_call
from behaviours.pack.loader import SHIPPED_PACK, load_pack
from behaviours.pack.model import Level
from behaviours.wording import contacts as wording

WEDNESDAY_MORNING = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
WEDNESDAY_EVENING = dt.datetime(2026, 12, 2, 20, 0, tzinfo=dt.UTC)
TELFORD = (
    "If the child lives in Telford & Wrekin: call Family Connect on 01952 385385 (option 1 for children); "
    "out of hours, Telford & Wrekin out-of-hours social care on 01952 676500."
)


@pytest.fixture(scope="module")
def pack():
    return load_pack(SHIPPED_PACK, TODAY)


@pytest.mark.parametrize("when", [None, WEDNESDAY_MORNING, WEDNESDAY_EVENING], ids=["sheet", "open", "closed"])
@pytest.mark.parametrize("level", [Level.AMBER, Level.RED, None], ids=["amber", "red", "frame"])
def test_wherever_the_front_door_is_the_route_telford_and_wrekin_is_named_beside_it(pack, level, when):
    answer = who_to_call(pack, level, when)
    lead = wording.lead_sentence(answer)
    assert lead is not None and lead.endswith(TELFORD)
    ids = [call.contact.id for call in answer.calls]
    assert ids.index("family-connect") > ids.index("compass")
    assert "telford-out-of-hours" in ids
    sheet = wording.sheet_lines(answer)
    assert any(line.startswith("If the child lives in Telford & Wrekin: call Family Connect") for line in sheet)


def test_the_green_and_adult_routes_do_not_name_a_front_door_so_no_neighbour(pack):
    for route in (pack.route_for(Level.GREEN), pack.special_route("adult")):
        calls = who_to_call(pack, None, WEDNESDAY_MORNING, route=route).calls
        assert all(call.role != Role.NEIGHBOUR for call in calls)


def test_adult_safeguarding_routes_by_its_own_name_and_number(pack):
    route = pack.special_route("adult")
    assert route.title == "18 and over: adult safeguarding through First Point of Contact"
    lines = wording.who_to_call_lines(who_to_call(pack, None, None, route=route))
    # Its number and hours are those on the council's own "Concerned about someone?" page (issue 23).
    assert "First Point of Contact on 0345 678 9021: Monday to Thursday 9am to 5pm; Friday 9am to 4pm" in lines
    assert (
        "Emergency Social Work Team on 0345 678 9040: when First Point of Contact is closed or does not answer" in lines
    )
    fpoc = pack.contact("shropshire-first-point-of-contact")
    assert fpoc.status.value == "verified" and "0345 678 9044" in fpoc.status_note


def test_a_closed_neighbour_says_so_and_its_out_of_hours_team_answers(pack):
    calls = {c.contact.id: c for c in who_to_call(pack, Level.RED, WEDNESDAY_EVENING).calls}
    assert wording.call_reason(calls["family-connect"]).endswith("closed now")
    assert wording.call_reason(calls["telford-out-of-hours"]) == (
        "if the child lives in Telford & Wrekin and Family Connect is closed; answers now"
    )
