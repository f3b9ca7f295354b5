"""Case 3 of the practitioners' trial on a 390x844 phone (issue 25): Boxing Day 2026 at 11am, a 15-year-old
whose 22-year-old "boyfriend" buys her vapes and a phone. From an empty case page to a copied note in at most
nine interactions; the suggested level within two screens of the last question answered; the note shown on the
page exactly as it is copied, with Copy within one screen of its start; the note short, in three parts, with the
out-of-hours number first and no 999 route until someone is said to be in immediate danger.

The server's one clock is pinned by TRAFFIC_LIGHT_NOW (behaviours/clock.py) to Saturday 26 December 2026, 11am:
Compass is closed (Boxing Day, and Monday 28 December is the substitute bank holiday) until Tuesday 29 December.
"""

from __future__ import annotations

import re

import pytest

from .harness import expect, open_app, wait_for_app
from .page_checks import shown_after_action

SCREEN = 844
MAX_INTERACTIONS = 9
MAX_WORDS = 300
FRAME = 'iframe[title="Copy or save the case note"]'
OUT_OF_HOURS = "0345 678 9040"

pytestmark = pytest.mark.timeout(240)

# Where an element sits on the page (not the screen): its top plus how far the main area has scrolled.
PAGE_TOP_JS = """(element) => {
  const main = document.querySelector('[data-testid="stMain"]');
  return element.getBoundingClientRect().top + (main ? main.scrollTop : 0) + window.scrollY;
}"""


class Interactions:
    """Counts what a practitioner does: each typed entry, tap or press is one."""

    def __init__(self) -> None:
        self.count = 0

    def type_in(self, field, text: str) -> None:
        self.count += 1
        field.fill(text)
        field.press("Enter")

    def tap(self, target) -> None:
        self.count += 1
        target.click()


def _page_top(locator) -> float:
    return float(locator.evaluate(PAGE_TOP_JS))


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_case_3_on_a_phone_reaches_a_short_copied_note_in_nine_steps(page, viewport, streamlit_server_factory):
    server = streamlit_server_factory(env={"TRAFFIC_LIGHT_NOW": "2026-12-26T11:00"}, name="boxing-day")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    open_app(page, server.url, "/case")
    main = page.get_by_test_id("stMain")
    did = Interactions()

    did.type_in(page.get_by_label("Child's age in years"), "15")
    shown_after_action(page, main.get_by_text("Ages 13 to 17 is the band for age 15", exact=False).first)
    find = page.get_by_label("Find a behaviour (a word or two; no names)")
    did.type_in(find, "boyfriend")
    partner = page.get_by_role("button", name=re.compile(r"^Add: Red: An adult or someone much older"))
    shown_after_action(page, partner)
    did.tap(partner)
    shown_after_action(page, page.get_by_role("button", name=re.compile(r"^Added: Red: An adult or someone much")))
    did.type_in(find, "vapes")
    gifts = page.get_by_role("button", name=re.compile(r"^Add: Amber: A young person has money, a phone"))
    shown_after_action(page, gifts)
    did.tap(gifts)
    shown_after_action(page, page.get_by_role("button", name=re.compile(r"^Added: Amber: A young person has money")))
    did.tap(page.get_by_role("radiogroup", name=re.compile(r"^Equality")).get_by_text("Yes", exact=True))
    wait_for_app(page)
    last_question = page.get_by_role("radiogroup", name=re.compile(r"^Change and other signs of risk"))
    did.tap(last_question.get_by_text("Yes", exact=True))
    frame = page.frame_locator(FRAME)
    shown_after_action(page, frame.locator("#note-text"), "the note is shown on the page")
    expect(frame.locator("#note-text")).to_contain_text("Answered yes: Equality; Change and other signs of risk")

    # The suggested level sits within two screens of the last question answered.
    level = main.get_by_role("heading", name="Red: act today").first
    expect(level).to_be_visible()
    gap = _page_top(level) - _page_top(last_question)
    assert 0 < gap <= 2 * SCREEN, f"the suggested level is {gap:.0f}px below the last question answered"

    # Copy sits within one screen of the note's start (measured at one scroll position, so both boxes agree).
    note = frame.locator("#note-text")
    note.scroll_into_view_if_needed()
    copy = frame.get_by_role("button", name="Copy note")
    copy_box, note_box = copy.bounding_box(), note.bounding_box()
    assert copy_box is not None and note_box is not None
    assert abs(note_box["y"] - copy_box["y"]) <= SCREEN, (copy_box, note_box)

    did.tap(copy)
    expect(frame.get_by_role("status")).to_have_text("Copied. Paste it into your recording system.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert did.count <= MAX_INTERACTIONS, f"{did.count} interactions from an empty page to a copied note"

    # What was copied is what the page shows.
    assert note.inner_text().strip() == copied.strip()
    words = len(copied.split())
    assert words <= MAX_WORDS, f"the default note is {words} words:\n{copied}"
    lines = copied.splitlines()
    assert [line for line in lines if line in ("Concern", "Risk", "Action")] == ["Concern", "Risk", "Action"]
    assert "Type of concern: Child sexual exploitation" in lines
    assert "Suggested level: Red: act today" in lines
    # Whom to call at 11am on Boxing Day: the out-of-hours team first, Compass with when it reopens.
    calls = lines[lines.index("Call now:") + 1 :]
    assert calls[0].startswith(f"- Emergency Social Work Team on {OUT_OF_HOURS}"), calls[:3]
    assert "- Compass on 0345 678 9021: closed now (Boxing Day); reopens Tuesday 29 December 2026 at 9am" in lines
    assert "Immediate danger" not in copied and "999" not in copied
    assert "still to be confirmed" not in copied

    # Said, the immediate-danger route comes in, with 999 first.
    page.get_by_text("Someone is in immediate danger now: add the 999 route").click()
    shown_after_action(page, frame.get_by_text("Immediate danger: call 999:"), "the 999 route joins the note")
    shown = frame.locator("#note-text").inner_text()
    assert shown.index("Emergency services on 999") < shown.index(OUT_OF_HOURS)
