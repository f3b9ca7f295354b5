"""The look-up on a phone (issue 24.1-3), measured in Chromium at 390x844: how tall the page is for
ages 3, 9, 13, 14 and 16 with developmental age 8; after words are entered, the first match's level and
action on the first screen; with a developmental age, its band first.

Without the change (main before issue 24) the look-up at 14 was 48,391 px tall on this phone, had no
"What did you see or hear?" box, and showed the developmental band after the age's band; with cards under
each level but every key rule under every item it was 11,340 px. So every test here fails there. The
bounds are what the compact rows reach with content 2.1 (57 behaviours at 14), with about 10% room;
the issue's 8,000 px at 14 is the bound itself."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .harness import app_rerun, expect, open_app, wait_for_app

SCREEN = 844
WORDS = "What did you see or hear? (a few words, no names)"
# Measured here with compact rows, a law shared by several rows said once at their head, 16px text:
# 3: 4,032; 9: 10,719; 13: 13,393; 14: 7,836; 16 (developmental age 8): 11,045. Content 2.1.1's online
# grooming item and law heads that name their rows ("The law for the 9 below") took 14 to 8,180; rows set
# a little closer on a phone (padding 0.1rem, line height 1.32) bring it to 3: 3,950; 9: 10,624;
# 13: 13,336; 14: 7,908; 16 (developmental age 8): 11,104.
# Before (one key-rule line per law under every item, 17px): 3: 5,831; 9: 15,706; 13: 19,582; 14: 11,340;
# 16 with developmental age 8: 15,948.
HEIGHT_BOUNDS = {"3": 4_450, "9": 11_800, "13": 14_750, "14": 8_000}
DEVELOPMENTAL_BOUND = 12_150

PAGE_HEIGHT_JS = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
TOPS_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  main.scrollTo(0, 0);
  const top = el => Math.round(el.getBoundingClientRect().top + main.scrollTop);
  return [...main.querySelectorAll('h2, h3')].map(h => [h.innerText.replace(/\\s+/g, ' ').trim(), top(h)]);
}"""


def _age(page: Any, age: str) -> None:
    field = page.get_by_label("Child's age in years", exact=True)
    field.fill(age)
    with app_rerun(page):
        field.press("Enter")
    expect(page.locator(".st-key-lookup_summary")).to_contain_text(f"Age {age} (")


def _height(page: Any) -> int:
    return int(page.evaluate(PAGE_HEIGHT_JS))


@pytest.mark.timeout(180)
@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
@pytest.mark.parametrize("age", ["3", "9", "13", "14"])
def test_the_look_up_at_an_age_is_compact_on_a_phone(page: Any, app_url: str, viewport: str, age: str) -> None:
    open_app(page, app_url, "/")
    _age(page, age)
    expect(page.get_by_role("heading", name="The law at this age")).to_be_attached()
    height = _height(page)
    print(f"look-up at age {age}: {height} px")
    assert height <= HEIGHT_BOUNDS[age], f"age {age}: {height} px tall, more than {HEIGHT_BOUNDS[age]}"
    # Red comes first: within two screens of the top, or three at a boundary age, where the behaviours
    # the two bands rate differently are set side by side before them.
    headings = page.evaluate(TOPS_JS)
    red = [top for text, top in headings if text.startswith("Red: act today")]
    screens = 3 if age in ("9", "13") else 2
    assert red and red[0] <= screens * SCREEN, headings


@pytest.mark.timeout(180)
@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_after_words_the_first_matchs_level_and_action_are_on_the_first_screen(
    page: Any, app_url: str, viewport: str
) -> None:
    open_app(page, app_url, "/?age=14")
    expect(page.locator(".st-key-lookup_summary")).to_contain_text("Age 14 (Ages 13 to 17)")
    box = page.get_by_label(WORDS, exact=True)
    box.fill("sent a nude")
    with app_rerun(page):
        box.press("Enter")
    lead = page.get_by_text(re.compile("^Best matches for “sent a nude” at this age"))
    expect(lead).to_be_visible()
    card = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="Do now:").filter(has_text="at age 14")
    card = card.first
    level = card.locator("strong").first
    expect(level).to_have_text(re.compile(r"^(Red: act today|Amber: take notice|Green: healthy and expected)$"))
    action = card.locator("p").filter(has_text="Do now:").first
    expect(level).to_be_visible()
    words_box = box.bounding_box()
    level_box, action_box = level.bounding_box(), action.bounding_box()
    assert words_box and level_box and action_box
    assert words_box["y"] < level_box["y"] < action_box["y"], "the answer sits below the inputs, level first"
    assert action_box["y"] + action_box["height"] <= SCREEN, (
        f"the first match's action ends at {action_box['y'] + action_box['height']} px, below the first screen"
    )
    assert "at age 14" in card.inner_text()
    # The typed words never reach the address bar.
    assert "sent" not in page.url and "q=" not in page.url


@pytest.mark.timeout(180)
@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_with_a_developmental_age_its_band_leads(page: Any, app_url: str, viewport: str) -> None:
    open_app(page, app_url, "/")
    _age(page, "16")
    field = page.get_by_label("Developmental age (if different)", exact=True)
    field.fill("8")
    with app_rerun(page):
        field.press("Enter")
    expect(page.get_by_role("heading", name="Ages 5 to 9 (Shown for developmental age 8)")).to_be_visible(
        timeout=30_000
    )
    wait_for_app(page)
    headings = page.evaluate(TOPS_JS)
    bands = [(text, top) for text, top in headings if text.startswith("Ages ")]
    assert [text for text, _ in bands] == [
        "Ages 5 to 9 (Shown for developmental age 8)",
        "Ages 13 to 17 (For age 16 in years)",
    ]
    dev_red = next(top for text, top in headings if text.startswith("Red: act today"))
    assert dev_red <= 2 * SCREEN, f"the developmental band's red level starts at {dev_red} px"
    assert dev_red < bands[1][1]
    height = _height(page)
    print(f"look-up at age 16, developmental age 8: {height} px")
    assert height <= DEVELOPMENTAL_BOUND, f"{height} px tall, more than {DEVELOPMENTAL_BOUND}"
