"""The training page on a projector (1280x720) in Chromium: the facilitator's items fill the
screen, any band and level is one click away, answers stay hidden until Reveal, and a reload
keeps the quiz and the band because both are in the address.

Run with ``-s`` to see the measured share of the screen the items take.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest

from .harness import expect, open_app, wait_for_app
from .page_checks import assert_accessible

pytestmark = [pytest.mark.timeout(120), pytest.mark.parametrize("viewport", ["projector"], indirect=True)]

# How much of the 1280x720 screen the facilitator's items (band heading and level card) cover,
# and where they start; the sidebar counts only while it is open.
SCREEN_SHARE_JS = """
() => {
  const width = window.innerWidth, height = window.innerHeight;
  const onScreen = (element) => {
    if (!element) return 0;
    const r = element.getBoundingClientRect();
    return Math.max(0, Math.min(r.right, width) - Math.max(r.left, 0))
         * Math.max(0, Math.min(r.bottom, height) - Math.max(r.top, 0));
  };
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const open = sidebar && sidebar.getAttribute('data-collapsed') !== 'true';
  const items = document.querySelector('.st-key-facilitator');
  return {
    items: onScreen(items) / (width * height),
    sidebar: open ? onScreen(sidebar) / (width * height) : 0,
    items_top: items.getBoundingClientRect().top / height,
  };
}
"""
# The sidebar slides shut: wait until the items' box has not moved for a few frames.
SETTLED_JS = """
() => {
  const box = document.querySelector('.st-key-facilitator')?.getBoundingClientRect();
  if (!box) return false;
  const now = [box.left, box.top, box.width].join();
  const settled = window.__tlrItemsBox === now && performance.now() - window.__tlrItemsSince > 300;
  if (window.__tlrItemsBox !== now) { window.__tlrItemsBox = now; window.__tlrItemsSince = performance.now(); }
  return settled;
}
"""
REVEALED = re.compile(r"^(Correct\.|Not quite\.|Answer:)")


def address(page) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query))


def reload(page) -> None:
    page.reload(wait_until="domcontentloaded")
    wait_for_app(page)


def first_question(page):
    return page.locator('[data-testid="stVerticalBlock"]').filter(has=page.get_by_text("Question 1 of")).last


# ------------------------------------------------------------------ facilitator view


def test_the_items_fill_the_projector_and_any_band_and_level_is_one_click_away(page, app_url, viewport):
    open_app(page, app_url, "/training?mode=facilitator&band=9-13")
    main = page.get_by_test_id("stMain")

    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    expect(main.get_by_text("Immediate danger: call 999")).to_be_in_viewport()  # 999 stays on the page
    page.wait_for_function(SETTLED_JS, polling=50)
    share = page.evaluate(SCREEN_SHARE_JS)
    print(
        f"\nfacilitator view at 1280x720: items {share['items']:.1%} of the screen, "
        f"sidebar {share['sidebar']:.1%}, items start {share['items_top']:.1%} down"
    )
    assert share["sidebar"] == 0
    assert share["items"] >= 0.6, f"the items cover only {share['items']:.1%} of the projector's screen"
    assert share["items_top"] <= 0.4, "page furniture above the items takes more than 40% of the height"

    # Straight to 13-17 at red: two clicks, wherever the facilitator was.
    page.get_by_role("radiogroup", name="Age band").get_by_role("radio", name="Ages 13 to 17").click()
    expect(main.get_by_text("Band 4 of 4 · Green")).to_be_visible()
    wait_for_app(page)
    page.get_by_role("radiogroup", name="Level").get_by_role("radio", name="Red").click()
    expect(main.get_by_text("Band 4 of 4 · Red")).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Ages 13 to 17", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Red: act today", level=3)).to_be_in_viewport()
    assert address(page) | {"seed": "?"} == {
        "mode": "facilitator",
        "seed": "?",
        "band": "13-17",
        "n": "10",
        "level": "red",
    }

    # The keyboard (and a presenter's clicker) still steps: Page Up is Previous, Page Down is Next.
    page.keyboard.press("PageUp")
    expect(main.get_by_text("Band 4 of 4 · Amber")).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Amber: take notice", level=3)).to_be_visible()
    page.get_by_role("button", name=re.compile("^Next")).focus()
    page.keyboard.press("Enter")
    expect(main.get_by_text("Band 4 of 4 · Red")).to_be_visible()
    wait_for_app(page)

    reload(page)
    expect(main.get_by_text("Band 4 of 4 · Red")).to_be_visible()
    expect(page.get_by_role("heading", name="Red: act today", level=3)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    assert_accessible(page)


# ------------------------------------------------------------------ quiz


def test_quiz_answers_stay_hidden_until_reveal_and_a_reload_keeps_the_quiz_and_band(page, app_url, viewport):
    open_app(page, app_url, "/training?seed=8466&band=9-13&n=5")
    question = first_question(page)
    before = question.inner_text()
    expect(page.get_by_text(REVEALED)).to_have_count(0)
    expect(page.get_by_role("button", name="Reveal the answer")).to_have_count(5)
    assert_accessible(page)  # answers hidden

    question.get_by_role("radiogroup", name="How would you rate this behaviour?").get_by_text(
        "Amber", exact=True
    ).click()
    wait_for_app(page)
    expect(page.get_by_text(REVEALED)).to_have_count(0)  # a rating alone shows nothing

    question.get_by_role("button", name="Reveal the answer").click()
    # The rating reached the server before the reveal: the feedback is about Amber.
    expect(
        page.get_by_text(re.compile(r"^(Correct\. This is rated Amber|Not quite\. You chose Amber)"))
    ).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_text(REVEALED)).to_have_count(1)
    expect(page.get_by_role("button", name="Reveal the answer")).to_have_count(4)
    expect(page.get_by_text("1 of 5 answers revealed.", exact=False)).to_be_visible()
    assert_accessible(page)  # one answer shown

    assert address(page) == {"seed": "8466", "band": "9-13", "n": "5"}
    reload(page)
    assert address(page) == {"seed": "8466", "band": "9-13", "n": "5"}
    expect(page.get_by_text("quiz number 8466", exact=False)).to_be_visible()
    expect(page.get_by_role("combobox", name="Age band")).to_have_value(re.compile("Ages 9 to 13"))
    assert first_question(page).inner_text() == before, "the same quiz after a reload, its answer hidden again"

    # The share line gives the full address, and its link opens exactly what it shows.
    full = f"{app_url}/training?seed=8466&band=9-13&n=5"
    link = page.get_by_role("link", name=full)
    expect(link).to_have_attribute("href", full)


def test_a_reload_keeps_a_quiz_that_came_without_a_link(page, app_url, viewport):
    open_app(page, app_url, "/training")
    shown = page.get_by_text(re.compile(r"quiz number \d+")).first.inner_text()
    number = re.search(r"quiz number (\d+)", shown).group(1)
    assert address(page) == {"seed": number, "n": "10"}
    reload(page)
    expect(page.get_by_text(f"quiz number {number}.", exact=False)).to_be_visible()
    # Leaving the page leaves the quiz behind: the next page's address carries none of it.
    page.get_by_test_id("stSidebar").get_by_role("link", name="Look up").click()
    expect(page.get_by_role("heading", name="Look up", level=1)).to_be_visible()
    wait_for_app(page)
    assert address(page) == {}


# ------------------------------------------------------------------ scenarios


def test_scenario_answers_stay_hidden_until_reveal(page, app_url, viewport):
    open_app(page, app_url, "/training?mode=scenarios&band=5-9")
    expect(page.get_by_text("Suggested answer:")).to_have_count(0)
    # Nothing is revealed yet, so the first rating and the first Reveal belong to the first scenario.
    page.get_by_role("radiogroup", name="Your rating").first.get_by_text("Amber", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text("Suggested answer:")).to_have_count(0)
    assert_accessible(page)  # answers hidden

    page.get_by_role("button", name="Reveal the answer").first.click()
    expect(page.get_by_text(re.compile(r"^You chose Amber"))).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_text("Suggested answer:")).to_have_count(1)
    assert_accessible(page)  # one answer shown
    assert address(page) == {"mode": "scenarios", "seed": address(page)["seed"], "band": "5-9", "n": "10"}
