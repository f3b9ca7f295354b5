"""Keyboard only: the emergency numbers and a whole look-up can be reached without a mouse.

Every action in these tests is a key press (page.keyboard); nothing is clicked.
"""

from __future__ import annotations

from .harness import expect, open_app
from .page_checks import shown_after_action, tab_until

COMPASS_TEL = "tel:+443456789021"


def test_tab_reaches_999_and_compass_in_the_call_bar(page, app_url):
    open_app(page, app_url, "/?age=9")  # a red answer among the levels: the bar says whom to ring now

    to_999 = tab_until(page, lambda now: now.get("href") == "tel:999", limit=40)
    assert to_999[-1]["text"] == "Emergency: 999"
    to_compass = tab_until(page, lambda now: now.get("href") == COMPASS_TEL, limit=10)
    assert to_compass[-1]["text"] == "Compass: 0345 678 9021"
    # Both are the call bar's own links, on the page (the sidebar no longer repeats them).
    assert to_999[-1]["sidebar"] == to_compass[-1]["sidebar"] == "no"


def test_a_look_up_can_be_done_with_the_keyboard_alone(page, app_url, console_errors):
    open_app(page, app_url)

    tab_until(page, lambda now: now.get("tag") == "input" and now.get("label") == "Child's age in years", limit=60)
    page.keyboard.type("9")
    page.keyboard.press("Enter")

    shown_after_action(page, page.get_by_role("heading", name="Ages 5 to 9", level=2))
    expect(page.get_by_role("heading", name="Ages 9 to 13", level=2)).to_be_visible()

    stops = tab_until(
        page,
        lambda now: now.get("tag") == "button" and "Download" in now["text"] and "handout" in now["text"],
        limit=250,
    )
    assert "Ages 5 to 9 handout (PDF)" in stops[-1]["text"]
    # Every step on the way showed where the focus was: no stop was lost on the page's body.
    assert all(stop.get("tag") not in (None, "", "body") for stop in stops)

    # Enter on the focused button hands the handout to the browser.
    with page.expect_download() as waiting:
        page.keyboard.press("Enter")
    download = waiting.value
    assert download.suggested_filename == "traffic-light-5-9.pdf"
    download.delete()
    assert console_errors == []
