"""The case page's questions, suggestion, route and note redraw as one fragment: in a real browser,
changing an answer must still change the suggested level, the route and the note, and a change
above the fragment (the age) must still reach it."""

from __future__ import annotations

import re

import pytest

from behaviours import Level
from behaviours.wording.levels import level_heading

from .harness import expect
from .page_checks import reach_a_case_result, shipped_pack, shown_after_action

NOTE_FRAME = 'iframe[title="Copy or save the case note"]'


@pytest.fixture(scope="module")
def shipped():
    return shipped_pack()


def _note_source(page) -> str:
    """The note the page sent this session, as the frame holds it (srcdoc)."""
    return page.locator(NOTE_FRAME).get_attribute("srcdoc") or ""


@pytest.mark.timeout(150)
def test_changing_an_answer_changes_the_level_the_route_and_the_note(page, app_url, shipped):
    red, amber = level_heading(shipped, Level.RED), level_heading(shipped, Level.AMBER)
    red_step = shipped.level_guide(Level.RED).what_to_do[0]
    amber_step = shipped.level_guide(Level.AMBER).what_to_do[0]
    reach_a_case_result(page, app_url, shipped)  # age 14, the nude-images descriptor, equality yes: red
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=red)).to_be_visible()
    expect(main.get_by_text(f"What to do now ({shipped.level_label(Level.RED)})", exact=False)).to_be_visible()
    expect(main.get_by_text(red_step, exact=False).first).to_be_visible()
    assert "Red" in _note_source(page)

    equality = page.get_by_role("radiogroup", name=re.compile(r"^Equality"))
    equality.get_by_text("No", exact=True).click()
    shown_after_action(page, main.get_by_role("heading", name=amber), "a no on equality leaves the behaviour's amber")
    expect(main.get_by_role("heading", name=red)).to_have_count(0)
    expect(main.get_by_text(f"What to do now ({shipped.level_label(Level.AMBER)})", exact=False)).to_be_visible()
    expect(main.get_by_text(amber_step, exact=False).first).to_be_visible()
    expect(main.get_by_text("Raised to Red: Equality", exact=False)).to_have_count(0)
    expect(page.get_by_text("If anyone is in immediate danger, call 999 first")).to_have_count(0)
    note = _note_source(page)
    assert "Amber" in note and "Raised to Red" not in note

    equality.get_by_text("Don't know", exact=True).click()
    shown_after_action(
        page, main.get_by_text("Information to gather"), "don't know puts equality on the list to find out"
    )
    expect(main.get_by_role("heading", name=amber)).to_be_visible()

    equality.get_by_text("Yes", exact=True).click()
    shown_after_action(page, main.get_by_role("heading", name=red), "yes raises it to red again")
    expect(page.get_by_text("If anyone is in immediate danger, call 999 first")).to_be_visible()
    assert "Raised to Red" in _note_source(page)

    # Outside the fragment, the frame and section 2 stayed as they were.
    expect(main.locator(".st-key-danger_line").get_by_text("Immediate danger: call 999")).to_be_visible()
    expect(main.get_by_text("Ages 13 to 17 is the band for age 14", exact=False).first).to_be_visible()


@pytest.mark.timeout(150)
def test_a_change_of_age_above_the_fragment_reaches_the_suggestion(page, app_url, shipped):
    reach_a_case_result(page, app_url, shipped)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Starts at Amber", exact=False)).to_be_visible()

    age = page.get_by_label("Child's age in years")
    age.fill("7")
    age.press("Enter")
    # The 13-17 behaviour is not in the 5-9 band: it is taken off, and the suggestion no longer counts it.
    shown_after_action(page, main.get_by_text("Ages 5 to 9 is the band for age 7", exact=False).first)
    expect(main.get_by_text("Starts at Amber", exact=False)).to_have_count(0)
