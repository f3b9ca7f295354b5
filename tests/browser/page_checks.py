"""Checks the page-level browser tests share: accessibility at WCAG 2.2 AA, the heading outline, keyboard focus.

No fixtures here (conftest.py has those); plain functions, so a one-off debugging script can use them too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

from behaviours import Level, Pack, load_pack
from tests.helpers import SHIPPED_PACK

from .harness import AxeViolation, axe_violations, expect, format_violations, open_app, wait_for_app

NUDE_IMAGES_ID = "13-17-amber-taking-or-sending-images"
# WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices (heading-order and
# page-has-heading-one among them): everything the accessibility statement claims.
WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}


@dataclass(frozen=True)
class KnownStreamlitIssue:
    """One axe failure that Streamlit's own markup causes, let through by name.

    Only this rule on elements matching this selector is let through; the same rule
    anywhere else, and every other rule, still fails the test. A let-through that no
    longer happens fails too, so that it is removed (and the accessibility statement
    updated) as soon as Streamlit or our code fixes it.
    """

    rule: str
    selector: str
    why: str


def accessibility_violations(
    page: Any, *, known: tuple[KnownStreamlitIssue, ...] = ()
) -> tuple[list[AxeViolation], set[KnownStreamlitIssue]]:
    """axe-core at WCAG 2.2 AA plus best practices, minus only the named Streamlit issues on their own elements.

    Returns the violations left, and which of the known issues were actually seen.
    """
    violations = axe_violations(page, options=WCAG_22_AA)
    kept: list[AxeViolation] = []
    seen: set[KnownStreamlitIssue] = set()
    for violation in violations:
        targets = violation.targets
        for issue in known:
            if issue.rule == violation.rule:
                remaining = tuple(t for t in targets if not _target_matches(page, t, issue.selector))
                if len(remaining) < len(targets):
                    seen.add(issue)
                targets = remaining
        if targets:
            kept.append(replace(violation, targets=targets))
    return kept, seen


def _target_matches(page: Any, target: str, selector: str) -> bool:
    return bool(
        page.evaluate(
            "([target, selector]) => { const el = document.querySelector(target); return !!el && el.matches(selector); }",
            [target, selector],
        )
    )


def assert_accessible(page: Any, *, known: tuple[KnownStreamlitIssue, ...] = ()) -> None:
    """No axe violation, the page says it is in English, one h1, and headings that never skip a level."""
    violations, seen = accessibility_violations(page, known=known)
    assert violations == [], format_violations(violations)
    no_longer = [issue.why for issue in known if issue not in seen]
    assert no_longer == [], (
        f"fixed now, so remove the let-through (and update the accessibility statement): {no_longer}"
    )
    assert page.evaluate("document.documentElement.lang").lower().startswith("en")
    outline = heading_outline(page)
    assert [level for level, _ in outline].count(1) == 1, f"expected exactly one h1: {outline}"
    assert_no_skipped_levels(outline)


def heading_outline(page: Any) -> list[tuple[int, str]]:
    """(level, words) of every heading on the page, in reading order."""
    pairs = page.evaluate(
        """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
               .map(h => [Number(h.tagName.slice(1)), h.innerText.trim().slice(0, 80)])"""
    )
    return [(int(level), str(words)) for level, words in pairs]


def assert_no_skipped_levels(outline: list[tuple[int, str]]) -> None:
    """The first heading is the h1, and each heading is at most one level below the one before."""
    assert outline and outline[0][0] == 1, f"the page should open with its h1: {outline}"
    for (before, _), (level, words) in itertools.pairwise(outline):
        assert level <= before + 1, f"h{before} is followed by h{level} ({words!r}): a level is skipped in {outline}"


def focused(page: Any) -> dict[str, str]:
    """What has the keyboard focus: its tag, href, accessible label and text."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return {};
            const label = el.getAttribute('aria-label')
                || (el.labels && el.labels.length ? el.labels[0].innerText : '') || '';
            return {
                tag: el.tagName.toLowerCase(),
                href: el.getAttribute('href') || '',
                label: label.trim(),
                text: (el.innerText || '').trim(),
                sidebar: el.closest('[data-testid="stSidebar"]') ? 'yes' : 'no',
            };
        }"""
    )


def tab_until(page: Any, wanted: Any, *, limit: int = 200) -> list[dict[str, str]]:
    """Press Tab until `wanted(focused)` is true; returns every stop on the way. Fails after `limit` presses."""
    stops: list[dict[str, str]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        stops.append(now)
        if wanted(now):
            return stops
    raise AssertionError(f"{limit} presses of Tab never reached the element; the last stops: {stops[-8:]}")


# How long an action's visible effect may take on a busy CI machine (Playwright's expect waits 5 s by default).
EFFECT_TIMEOUT_MS = 20_000


def shown_after_action(page: Any, effect: Any, message: str | None = None) -> None:
    """Wait until an action's effect is on screen, then until the script run that drew it has finished.

    Used instead of harness.app_rerun: a fast rerun can start and finish within one React
    commit, leaving data-test-script-state unchanged, so app_rerun then reports "no run"
    although the page did update (seen in about 1 of 10 clicks on a radio under load).
    Waiting for the effect itself cannot miss it.
    """
    expect(effect, message).to_be_visible(timeout=EFFECT_TIMEOUT_MS)
    wait_for_app(page)


def shipped_pack() -> Pack:
    """The content pack the app ships with, as the session server loads it."""
    return load_pack(SHIPPED_PACK)


def visible_words(page: Any, selector: str = '[data-testid="stMain"]') -> str:
    """The rendered text of an area with whitespace squeezed, for 'is this sentence on screen' checks."""
    return re.sub(r"\s+", " ", page.locator(selector).first.inner_text())


def reach_a_case_result(page: Any, app_url: str, shipped: Pack) -> None:
    """A 14-year-old, the nude-images descriptor, and equality answered yes: driven as a person would."""
    descriptor = next(b for b in shipped.behaviours("13-17", Level.AMBER) if b.id == NUDE_IMAGES_ID)
    open_app(page, app_url, "/case")
    age = page.get_by_label("Child's age in years")
    age.fill("14")
    age.press("Enter")
    shown_after_action(page, page.get_by_text("Ages 13 to 17 is the band for age 14", exact=False).first)
    behaviours = page.get_by_role("combobox", name="Behaviours observed (type to search)")
    expect(behaviours, "an age gives behaviours to choose from").to_be_enabled()
    behaviours.click()
    behaviours.press_sequentially(descriptor.text[:40])
    page.get_by_role("option", name=descriptor.text, exact=False).click()
    shown_after_action(page, page.get_by_text("Starts at Amber", exact=False), "the chosen behaviour sets a level")
    page.keyboard.press("Escape")
    equality = page.get_by_role("radiogroup", name=re.compile(r"^Equality"))
    equality.get_by_text("Yes", exact=True).click()
    shown_after_action(
        page, page.get_by_role("heading", name="Red: act today"), "equality answered yes raises it to red"
    )


# Every control a person reads a label on: buttons (download and link buttons among them), page links,
# pills, and widget labels (a select box's among them). A control is cut off when its words overflow
# a box that hides the rest (scrollWidth > clientWidth under overflow hidden, or "..." by
# text-overflow), or when a box around it that hides overflow (a row of pills that scrolls) ends
# before the control does.
_CLIPPED_JS = """() => {
  const controls = document.querySelectorAll(
    '[data-testid="stMain"] button, [data-testid="stMain"] a[data-testid="stPageLink-NavLink"], '
    + '[data-testid="stMain"] a[data-testid^="stBaseLinkButton"], [data-testid="stMain"] [data-testid="stWidgetLabel"], '
    + '[data-testid="stMain"] [data-baseweb="select"] [value], [data-testid="stMain"] [data-baseweb="select"] div[title]');
  const hides = (cs) => cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
  const out = [];
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const text = (el.innerText || el.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
    for (const part of [el, ...el.querySelectorAll('*')]) {
      const cs = getComputedStyle(part);
      if (hides(cs) && part.scrollWidth > part.clientWidth + 1 && part.getAttribute('data-testid') !== 'stIconMaterial') {
        out.push({text, why: `its words need ${part.scrollWidth}px in a ${part.clientWidth}px box`});
        break;
      }
    }
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (up.matches('[data-testid="stMain"]')) break;
      const cs = getComputedStyle(up);
      if (cs.overflowX === 'visible') continue;
      const clip = up.getBoundingClientRect();
      if (box.right > clip.right + 1 || box.left < clip.left - 1) {
        out.push({text, why: `it ends at ${Math.round(box.right)}px, outside a box that ends at ${Math.round(clip.right)}px`});
        break;
      }
    }
  }
  return out;
}"""


def clipped_controls(page: Any) -> list[dict[str, str]]:
    """Each control in the main area whose words or box are cut off, as {"text", "why"}."""
    return list(page.evaluate(_CLIPPED_JS))
