"""The call bar in proportion, nothing cut off, and the keyboard at 200% zoom (issue 24.5-24.7).

- A green-only answer's bar holds 999 and a link to who to call, never a number to ring now;
  an amber or red answer's bar holds the number for the hour, also after a change made inside
  the look-up's fragment.
- No button, link button, page link, pill or widget label is cut off at 390, 1280 or 1920 px.
- At 200% zoom (a 640x422 CSS viewport) the bar scrolls away with the page; where it stays, a
  control reached with Tab or Shift+Tab is never under it; a jump link moves the focus to its
  part of the page; on a narrow screen (a phone's size, any browser) the pages are in a menu at
  the top that is shut on the page chosen, and on a wide one in the sidebar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from .harness import app_rerun, expect, open_app, wait_for_app
from .page_checks import EFFECT_TIMEOUT_MS, clipped_controls

pytestmark = pytest.mark.timeout(180)

COMPASS_TEL = "tel:+443456789021"  # the browser tests' moment is Wednesday 11:00: Compass is open
PHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
BAR_JS = """() => {
  const bar = document.querySelector('[data-testid="stMain"] .st-key-call_bar');
  const line = document.querySelector('[data-testid="stMain"] .st-key-danger_line');
  return {links: [...bar.querySelectorAll('a')].map(a => ({text: a.innerText.trim(), href: a.getAttribute('href')})),
          line: line ? line.innerText : ''};
}"""
EVERY_PAGE = (
    "/",
    "/?age=14",
    "/?age=16",
    "/search?q=sexting",
    "/case",
    "/training",
    "/training?mode=facilitator&band=9-13",
    "/helplines",
    "/about",
    "/join",
    "/room",
)


@pytest.fixture
def sized(browser: Any) -> Iterator[Any]:
    """A page of a given CSS size (and, for a phone, a phone's user agent)."""
    contexts: list[Any] = []

    def make(width: int, height: int, *, phone: bool = False) -> Any:
        extra = {"is_mobile": True, "has_touch": True, "user_agent": PHONE_UA} if phone else {}
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="en-GB", service_workers="block", **extra
        )
        context.set_default_timeout(EFFECT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def bar(page: Any) -> dict[str, Any]:
    return page.evaluate(BAR_JS)


def hrefs(page: Any) -> list[str]:
    return [link["href"] for link in bar(page)["links"]]


# ------------------------------------------------------------------ 24.5: proportionate urgency


def test_a_green_answer_does_not_say_ring_now_and_a_red_one_does(sized, app_url):
    page = sized(390, 844, phone=True)
    open_app(page, app_url, "/?age=3&level=green")
    expect(page.get_by_role("heading", name="Green: healthy and expected")).to_be_visible()
    shown = bar(page)
    assert shown["links"][0]["text"] == "Emergency: 999"
    assert COMPASS_TEL not in hrefs(page) and "Who to call" in shown["links"][-1]["text"], shown
    assert "Immediate danger: call 999" in shown["line"] and "Worried about a child" not in shown["line"]

    # Red, chosen inside the look-up (its fragment reruns alone): the whole frame follows.
    with app_rerun(page):
        page.get_by_text("Red", exact=True).click()
    expect(page.locator(f'.st-key-call_bar a[href="{COMPASS_TEL}"]')).to_be_visible()
    assert "Worried about a child? Compass is open now" in bar(page)["line"]
    with app_rerun(page):
        page.get_by_text("Green", exact=True).click()
    expect(page.locator(f'.st-key-call_bar a[href="{COMPASS_TEL}"]')).to_have_count(0)
    expect(page.locator(".st-key-call_bar").get_by_role("link", name="Who to call")).to_be_visible()


def test_the_who_to_call_link_opens_helplines_in_the_same_session(sized, app_url):
    page = sized(1280, 720)
    open_app(page, app_url, "/about")
    page.locator(".st-key-call_bar").get_by_role("link", name="Who to call").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Helplines and services", level=1)).to_be_visible()
    assert page.url.endswith("/helplines")
    assert len(page.context.pages) == 1  # not a new tab


# ------------------------------------------------------------------ 24.6: nothing cut off


@pytest.mark.parametrize("width", [390, 1280, 1920])
def test_no_control_is_cut_off_on_any_page(sized, app_url, width):
    page = sized(width, 900)
    cut = {}
    for path in EVERY_PAGE:
        open_app(page, app_url, path)
        found = clipped_controls(page)
        if found:
            cut[path] = found
    assert cut == {}, f"controls cut off at {width}px: {cut}"


# ------------------------------------------------------------------ 24.7: 200% zoom and the keyboard

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.matches('[data-testid="stMain"]')) return null;
  if (el.closest('.st-key-call_bar, [data-testid="stSidebar"], [data-testid="stHeader"]')) return null;
  if (el.contains(document.querySelector('.st-key-call_bar'))) return null;
  const bar = document.querySelector('.st-key-call_bar').parentElement.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  if (box.height === 0 || box.bottom <= bar.top) return null;  // above the bar (the skip link) is not under it
  return {text: (el.innerText || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40),
          top: Math.round(box.top), barBottom: Math.round(bar.bottom)};
}"""


def test_at_200_percent_zoom_the_bar_scrolls_away_with_the_page(sized, app_url):
    page = sized(640, 422)  # a 1280x844 screen at 200%
    open_app(page, app_url, "/?age=9")
    wrapper = page.locator('[data-testid="stLayoutWrapper"]:has(> .st-key-call_bar)')
    assert wrapper.evaluate("w => getComputedStyle(w).position") == "static"
    page.get_by_test_id("stMain").evaluate("m => m.scrollTo(0, 1500)")
    expect(wrapper).not_to_be_in_viewport()


def test_a_control_reached_with_the_keyboard_is_never_under_the_bar(sized, app_url):
    page = sized(1280, 720)
    open_app(page, app_url, "/?age=9")
    under = []
    for key in ["Tab"] * 70 + ["Shift+Tab"] * 60:
        page.keyboard.press(key)
        found = page.evaluate(FOCUS_JS)
        if found and found["top"] < found["barBottom"] - 1:
            under.append((key, found))
    assert under == [], f"focused controls under the call bar: {under[:5]}"


def test_a_jump_link_moves_the_focus_to_its_level(sized, app_url):
    page = sized(1280, 720)
    open_app(page, app_url, "/?age=9")
    link = page.get_by_role("link", name="Amber (").first
    target = link.get_attribute("href").removeprefix("#")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#{target}")).to_be_focused()
    # The next Tab goes on inside that level's group of cards (the element its anchor opens), not from the top.
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "id => { const group = document.getElementById(id).closest('[data-testid=\"stElementContainer\"]');"
        " return !!group && group.contains(document.activeElement) && document.activeElement.id !== id; }",
        target,
    )
    assert inside


MENU = ".st-key-page_menu"


def test_on_a_narrow_window_the_page_menu_is_at_the_top_and_shut_after_a_choice(sized, app_url):
    # A desktop browser's user agent at a phone's size (a narrow window, a tablet): Streamlit shuts its sidebar
    # after a choice only for a phone's user agent, so the pages are in a menu at the top instead (issue 24.7).
    page = sized(390, 844)
    open_app(page, app_url, "/")
    sidebar = page.get_by_test_id("stSidebar")
    menu = page.locator(f"{MENU} summary")
    expect(menu).to_have_text(re.compile(r"Menu"))
    expect(menu).to_be_in_viewport()
    box = menu.bounding_box()
    assert box is not None and box["height"] <= 48 and box["y"] < 60, f"the menu is one line, in the header: {box}"
    # The sidebar is shut and lists no pages on a narrow screen: the menu does.
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    expect(sidebar.get_by_test_id("stSidebarNav")).to_be_hidden()
    expect(page.locator(MENU).get_by_role("link", name="Search", exact=True)).to_be_hidden()

    menu.click()
    listing = page.locator(MENU)
    expect(listing.get_by_role("link", name="Look up (this page)")).to_be_visible()
    with app_rerun(page):
        listing.get_by_role("link", name="Search", exact=True).click()
    heading = page.get_by_role("heading", name="Search for a behaviour", level=1)
    expect(heading).to_be_in_viewport()
    # Nothing lies over the chosen page: the menu is shut, the sidebar too, and the heading is the topmost thing.
    expect(listing.get_by_role("link", name="Search (this page)")).to_be_hidden()
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    on_top = heading.evaluate(
        "h => { const r = h.getBoundingClientRect();"
        " const el = document.elementFromPoint(r.left + Math.min(r.width, 80) / 2, r.top + r.height / 2);"
        " return !!el && h.contains(el); }"
    )
    assert on_top, "something covers the chosen page's heading"

    # With the keyboard: Enter opens the menu, Tab goes from it into its list, Enter on a page goes there, shut.
    menu.focus()
    page.keyboard.press("Enter")
    expect(listing.get_by_role("link", name="Search (this page)")).to_be_visible()
    page.keyboard.press("Tab")
    expect(listing.get_by_role("link", name="Look up")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(listing.get_by_role("link", name="Case discussion")).to_be_focused()
    with app_rerun(page):
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Case discussion", level=1)).to_be_in_viewport()
    expect(listing.get_by_role("link", name="Case discussion (this page)")).to_be_hidden()


def test_on_a_wide_screen_the_pages_are_in_the_sidebar_and_the_top_menu_is_hidden(sized, app_url):
    page = sized(1280, 720)
    open_app(page, app_url, "/")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Search")).to_be_visible()
    expect(page.locator(f"{MENU} summary")).to_be_hidden()


def test_on_a_phone_the_sidebar_still_opens_and_holds_no_pages(sized, app_url):
    page = sized(390, 844, phone=True)
    open_app(page, app_url, "/")
    sidebar = page.get_by_test_id("stSidebar")
    page.get_by_role("button", name="Expand sidebar").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    expect(sidebar.get_by_text(re.compile(r"^Content pack: "))).to_be_visible()
    expect(sidebar.get_by_role("link", name="Helplines")).to_be_hidden()
