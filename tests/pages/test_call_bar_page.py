"""The frame's call bar and top line follow the page's answer (issue 24.5): a green-only answer does not
tell anyone to ring the front door or the out-of-hours team now; amber and red do, with the number
for the hour; 999 is always there, and who to call is said once (the sidebar no longer repeats it)."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from behaviours.contacts.hours import UK
from behaviours.core.clock import NOW_ENV
from tests.helpers import open_page

FRIDAY_1630 = dt.datetime(2026, 12, 11, 16, 30, tzinfo=UK)  # the case: after Compass's Friday close
WEDNESDAY_11AM = dt.datetime(2026, 12, 9, 11, 0, tzinfo=UK)
COMPASS_TEL = "tel:+443456789021"
OUT_OF_HOURS_TEL = "tel:+443456789040"


@pytest.fixture(autouse=True)
def friday_afternoon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_ENV, FRIDAY_1630.isoformat())


def bar_and_line(at: AppTest) -> tuple[str, str]:
    """The bar's text (its links) and the line under it: the first two Markdown blocks of the main area."""
    return str(at.markdown[0].value), str(at.markdown[1].value)


def who_to_call_links(at: AppTest) -> list[str]:
    return [str(link.proto.label) for link in at.get("page_link") if link.proto.label == "Who to call"]


def test_a_green_answer_at_age_3_does_not_say_ring_now() -> None:
    at = open_page("lookup", age="3", level="green")
    bar, line = bar_and_line(at)
    assert bar == "[Emergency: 999](tel:999)"
    assert "Immediate danger: call [999](tel:999)" in line
    assert OUT_OF_HOURS_TEL not in bar + line and COMPASS_TEL not in bar + line
    assert "Emergency Social Work Team" not in bar + line and "Worried about a child" not in line
    assert who_to_call_links(at) == ["Who to call"]


@pytest.mark.parametrize("level", ["amber", "red"])
def test_an_amber_or_red_answer_says_whom_to_ring_for_the_hour(level: str) -> None:
    at = open_page("lookup", age="3", level=level)
    bar, line = bar_and_line(at)
    assert bar.startswith("[Emergency: 999](tel:999) ")
    assert bar.endswith(f"({OUT_OF_HOURS_TEL})")  # Friday 16:30: Compass has closed
    assert "Worried about a child? Compass is closed now" in line
    assert who_to_call_links(at) == []


def test_in_office_hours_the_front_door_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_ENV, WEDNESDAY_11AM.isoformat())
    bar, line = bar_and_line(open_page("lookup", age="14"))  # every level at 14, red among them
    assert bar.endswith(f"({COMPASS_TEL})") and "Compass is open now" in line


def test_the_bar_follows_the_answer_when_it_changes_on_the_same_page() -> None:
    at = open_page("lookup", age="3", level="green")
    assert COMPASS_TEL not in bar_and_line(at)[0] and OUT_OF_HOURS_TEL not in bar_and_line(at)[0]
    at.radio(key="lookup_level").set_value("red").run()
    assert bar_and_line(at)[0].endswith(f"({OUT_OF_HOURS_TEL})")
    at.radio(key="lookup_level").set_value("green").run()
    assert bar_and_line(at)[0] == "[Emergency: 999](tel:999)"


def test_a_look_up_before_any_age_is_neutral() -> None:
    at = open_page("lookup")
    bar, line = bar_and_line(at)
    assert bar == "[Emergency: 999](tel:999)" and "Worried about a child" not in line


@pytest.mark.parametrize("page", ["helplines", "about", "training"])
def test_pages_without_an_answer_show_999_and_a_link_to_who_to_call(page: str) -> None:
    at = open_page(page)
    bar, line = bar_and_line(at)
    assert bar == "[Emergency: 999](tel:999)"
    assert line.startswith(":red-background[:material/emergency: **Immediate danger: call [999](tel:999)**]")
    assert "Worried about a child" not in line
    assert who_to_call_links(at) == ["Who to call"]


def test_the_case_discussion_is_about_a_concern_and_says_whom_to_ring() -> None:
    bar, line = bar_and_line(open_page("case"))
    assert bar.endswith(f"({OUT_OF_HOURS_TEL})") and "Worried about a child?" in line


@pytest.mark.parametrize("page", ["lookup", "helplines"])
def test_the_sidebar_does_not_repeat_who_to_call(page: str) -> None:
    at = open_page(page, age="9") if page == "lookup" else open_page(page)
    sidebar = " ".join(str(m.value) for m in at.sidebar.markdown)
    assert "tel:" not in sidebar and "Worried about a child" not in sidebar and "Content pack:" in sidebar


def test_words_that_lead_with_a_green_item_do_not_say_ring_now() -> None:
    """The issue's own case: a three-year-old touching herself at nap time, Friday 16:30. The age's amber
    and red behaviours still follow as reference, but the answer to the words is green."""
    at = open_page("lookup", age="3", q="touching herself at nap time")
    bar, line = bar_and_line(at)
    assert bar == "[Emergency: 999](tel:999)"
    assert OUT_OF_HOURS_TEL not in bar + line and "Worried about a child" not in line


def test_words_that_lead_with_a_red_or_amber_item_say_whom_to_ring() -> None:
    at = open_page("lookup", age="14", q="sent a nude")
    bar, line = bar_and_line(at)
    assert bar.endswith(f"({OUT_OF_HOURS_TEL})") and "Compass is closed now" in line


def test_a_search_leading_with_green_is_neutral_and_with_red_rings() -> None:
    green = open_page("search", age="3", q="touching herself at nap time")
    assert bar_and_line(green)[0] == "[Emergency: 999](tel:999)"
    red = open_page("search", age="14", q="sent a nude")
    assert bar_and_line(red)[0].endswith(f"({OUT_OF_HOURS_TEL})")
