"""Layouts: a phone stacks the level cards and never scrolls sideways; a projector shows large, side-by-side levels."""

from __future__ import annotations

import pytest

from .harness import expect, open_app, wait_for_app

LEVEL_HEADINGS = ("Green: healthy and expected", "Amber: take notice", "Red: act today")
# Every page, and the states with the most on them.
PAGES = (
    "/?band=5-9",
    "/?age=9",
    "/search?q=sexting",
    "/case",
    "/training?seed=42",
    "/training?mode=facilitator&band=9-13",
    "/helplines",
    "/about",
)


GROUP_BOX_JS = """(id) => {
  const anchor = document.getElementById(id);
  // The target opens its level's Markdown: the group is that element.
  const group = anchor && anchor.closest('[data-testid="stElementContainer"]');
  if (!group) return null;
  const r = group.getBoundingClientRect();
  return {x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height};
}"""


def level_boxes(page, band: str) -> list[dict[str, float]]:
    """The bounding box of each level's group of cards in a band (what its jump link targets), green, amber, red."""
    boxes = []
    for heading, level in zip(LEVEL_HEADINGS, ("green", "amber", "red"), strict=True):
        expect(page.get_by_role("heading", name=heading, level=3).first).to_be_visible()
        box = page.evaluate(GROUP_BOX_JS, f"band-{band}-{level}")
        assert box is not None, heading
        boxes.append(box)
    return boxes


def horizontal_overflow(page) -> dict[str, float]:
    return page.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")


# ------------------------------------------------------------------ phone


@pytest.mark.timeout(90)
@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_on_a_phone_the_level_cards_stack_and_no_page_scrolls_sideways(page, app_url, viewport):
    open_app(page, app_url, "/?band=5-9")

    green, amber, red = level_boxes(page, "5-9")
    # Most serious first (issue 15.2): red, then amber, then green.
    for above, below in ((red, amber), (amber, green)):
        assert below["y"] >= above["y"] + above["height"] - 1, "cards should sit one below the other"
        assert abs(below["x"] - above["x"]) <= 1, "stacked cards share the same left edge"
        assert below["width"] >= 0.75 * 390, "a stacked card uses the width of the screen"

    wide = {}
    for path in PAGES:
        open_app(page, app_url, path)
        sizes = horizontal_overflow(page)
        if sizes["scroll"] > sizes["inner"] + 1:
            wide[path] = sizes
    assert wide == {}, f"pages wider than the phone's screen: {wide}"


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_on_a_phone_999_stays_on_the_page_and_the_sidebar_opens_again(page, app_url, viewport):
    open_app(page, app_url, "/helplines")
    sidebar = page.get_by_test_id("stSidebar")
    main = page.get_by_test_id("stMain")

    # On a phone the page comes first: the sidebar starts closed...
    expect(sidebar).to_have_attribute("data-collapsed", "true")

    # ...and the numbers are on the page itself, at the top, on screen: 999 and, on Helplines, who to call now.
    expect(main.get_by_text("Immediate danger: call 999")).to_be_in_viewport()
    expect(main.locator('a[href="tel:999"]').first).to_be_in_viewport()
    expect(main.locator('a[href="tel:+443456789021"]').first).to_be_in_viewport()

    # The sidebar comes back with its control, without a second copy of who to call (issue 24.5); on a phone
    # the pages are in the menu at the top instead (issue 24.7).
    menu = page.locator(".st-key-page_menu summary")
    menu.click()
    expect(page.locator(".st-key-page_menu").get_by_role("link", name="Helplines (this page)")).to_be_in_viewport()
    menu.click()
    page.get_by_role("button", name="Expand sidebar").click()
    wait_for_app(page)
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    expect(sidebar.locator('a[href^="tel:"]')).to_have_count(0)


# ------------------------------------------------------------------ projector and desktop


@pytest.mark.parametrize("viewport", ["projector"], indirect=True)
def test_the_facilitator_view_is_large_enough_to_read_on_a_projector(page, app_url, viewport):
    open_app(page, app_url, "/training?mode=facilitator&band=9-13")

    heading = page.get_by_role("heading", name="Green: healthy and expected", level=3)
    expect(heading).to_be_in_viewport()
    size = float(heading.evaluate("h => getComputedStyle(h).fontSize").removesuffix("px"))
    assert size >= 28, f"the level heading is {size}px; a projector needs at least 28px"
    body = page.get_by_test_id("stMain").locator('.st-key-facilitator [data-testid="stMarkdownContainer"] li').first
    body_size = float(body.evaluate("li => getComputedStyle(li).fontSize").removesuffix("px"))
    assert body_size >= 22, f"the descriptors are {body_size}px on the projector"
    sizes = horizontal_overflow(page)
    assert sizes["scroll"] <= sizes["inner"] + 1


@pytest.mark.parametrize("viewport", ["desktop", "projector"], indirect=True)
def test_on_a_wide_screen_the_levels_run_most_serious_first_and_use_the_width(page, app_url, viewport):
    # Round 3's compact cards (issue 24.2) put each level's group under the one before, on every screen, so a
    # projected band reads red, then amber, then green, each as wide as the page's text.
    open_app(page, app_url, "/?band=9-13")

    green, amber, red = level_boxes(page, "9-13")
    main_width = page.evaluate("() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').clientWidth")
    for above, below in ((red, amber), (amber, green)):
        assert below["y"] >= above["y"] + above["height"] - 1, "most serious first: each level below the one before"
        assert abs(below["x"] - above["x"]) <= 1, "the levels share the same left edge"
    for box in (red, amber, green):
        assert box["width"] >= 0.6 * main_width, "a level's cards use the width of the page"
    sizes = horizontal_overflow(page)
    assert sizes["scroll"] <= sizes["inner"] + 1


@pytest.mark.timeout(90)
@pytest.mark.parametrize("viewport", ["projector"], indirect=True)
def test_nothing_scrolled_under_shows_above_the_call_bar(page, app_url, viewport):
    # Streamlit's header above the sticky call bar was see-through: scrolled on a projector, a strip of
    # half-cut controls showed above 999 and Compass. The header must be opaque white and reach down to
    # the bar, so nothing scrolled under it shows between the top of the screen and the bar.
    open_app(page, app_url, "/?age=14")
    expect(page.get_by_role("heading", name="The law at this age")).to_be_attached()
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollBy(0, 720)")
    found = page.evaluate(
        """() => {
          const bar = document.querySelector('[class*="st-key-call_bar"]').getBoundingClientRect();
          const header = document.querySelector('[data-testid="stHeader"]');
          const box = header.getBoundingClientRect();
          return {colour: getComputedStyle(header).backgroundColor, top: box.top,
                  gap: Math.round(bar.top - box.bottom)};
        }"""
    )
    assert found["colour"] == "rgb(255, 255, 255)", found
    assert found["top"] <= 0 and found["gap"] <= 8, found  # the bar's own white padding covers a few px
