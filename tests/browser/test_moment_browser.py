"""Whom to call stays true while a page is open: when a service closes between two answers, the next
answer draws the whole page again, so the call bar and the cards never keep a closed line.

The server's one clock (behaviours/core/clock.py) reads a file the test writes (TRAFFIC_LIGHT_NOW_FILE):
first 16:59 on a Thursday, while Compass is open, then 17:01, after it closes at 17:00.

It once ran the whole server under libfaketime (Debian's `faketime`) instead. That flaked ("The app did
not finish running within 30000 ms"). Measured on 6 December on a busy machine: under faketime, none of
15 page loads showed the age field within 30 s (frozen or ticking fake time, the file read at every call
or cached for a second); without it, 5 of 5 did, in 3.5 to 12 s. libfaketime rewrites every time call
and timed wait in every thread of the server, not only the app's clock (and with
FAKETIME_DONT_FAKE_MONOTONIC, Python's time.sleep fails with EINVAL). Only the app's clock needs to
move, so only the app's clock is moved.
"""

from __future__ import annotations

import pytest

from behaviours.core.clock import NOW_ENV, NOW_FILE_ENV

from .harness import expect, open_app
from .test_answer_first_browser import BAR_LINKS_JS, type_age

# A Thursday after the pack's check dates, UK time.
OPEN, CLOSED = "2026-12-10T16:59", "2026-12-10T17:01"
COMPASS, OUT_OF_HOURS = "tel:+443456789021", "tel:+443456789040"

pytestmark = pytest.mark.timeout(180)
# A fresh server's first answers (the pack loaded, the fragment and the whole-page redraw when the bar or a
# service changes) took over 30 s twice in six runs while the full suite shared this 2-core machine.
SLOW_RUN_MS = 90_000


def _bar(page) -> list[str]:
    return [link["href"] for link in page.evaluate(BAR_LINKS_JS)]


def test_an_answer_after_compass_closes_redraws_the_call_bar_and_the_cards(page, streamlit_server_factory, tmp_path):
    clock = tmp_path / "now"
    clock.write_text(OPEN, encoding="utf-8")
    # TRAFFIC_LIGHT_NOW empty, so the moment comes from the file, read at every answer.
    server = streamlit_server_factory(env={NOW_ENV: "", NOW_FILE_ENV: str(clock)}, name="moving-clock")
    open_app(page, server.url, "/")
    type_age(page, "9", timeout=SLOW_RUN_MS)
    expect(page.get_by_role("heading", name="Rated differently at age 9")).to_be_visible()
    before = _bar(page)
    assert COMPASS in before and OUT_OF_HOURS not in before, before
    assert _first_numbers(page) == ("0345 678 9021", "0345 678 9040")

    clock.write_text(CLOSED, encoding="utf-8")  # the app's clock is now past 17:00
    type_age(page, "14", timeout=SLOW_RUN_MS)
    expect(page.get_by_role("heading", name="Ages 13 to 17", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Rated differently at age 9")).to_have_count(0)
    after = _bar(page)
    assert OUT_OF_HOURS in after and COMPASS not in after, after
    # The page's one "Who to call" says whom to call now as the bar does: the out-of-hours team first.
    first, second = _first_numbers(page)
    assert (first, second) == ("0345 678 9040", "0345 678 9021"), (first, second)


def _first_numbers(page) -> tuple[str, str]:
    """Which of the two local numbers the page's one "Who to call" section names first (cards link to it)."""
    card = page.evaluate(
        "() => document.getElementById('who-to-call').closest('[data-testid=\"stElementContainer\"]').innerText"
    )
    found = sorted((card.index(number), number) for number in ("0345 678 9021", "0345 678 9040") if number in card)
    return tuple(number for _, number in found)
