"""Whom to call stays true while a page is open: when a service closes between two answers, the next
answer draws the whole page again, so the call bar and the cards never keep a closed line.

The server runs under libfaketime (Debian's `faketime`). Its wall clock reads a file the test writes:
first 16:59 on a Thursday, while Compass is open, then 17:01, after it closes at 17:00. The app's own
clock reads it as the real time; the monotonic clock its server loops use is left real.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .harness import expect, open_app
from .test_answer_first_browser import BAR_LINKS_JS, type_age

FAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
OPEN, CLOSED = (
    "2026-12-10 16:59:00",
    "2026-12-10 17:01:00",
)  # a Thursday after the pack's check dates (UK time is UTC in December)
COMPASS, OUT_OF_HOURS = "tel:+443456789021", "tel:+443456789040"

pytestmark = [
    pytest.mark.timeout(180),
    pytest.mark.skipif(
        not FAKETIME.exists() and os.environ.get("CI") != "true",
        reason="needs Debian's faketime (apt-get install faketime); .ci/run installs it",
    ),
]


def _bar(page) -> list[str]:
    return [link["href"] for link in page.evaluate(BAR_LINKS_JS)]


def test_an_answer_after_compass_closes_redraws_the_call_bar_and_the_cards(page, streamlit_server_factory, tmp_path):
    clock = tmp_path / "faketime"
    clock.write_text(OPEN, encoding="utf-8")
    server = streamlit_server_factory(
        # TRAFFIC_LIGHT_NOW empty: the app reads the (faked) system clock, as production reads the real one.
        env={
            "LD_PRELOAD": str(FAKETIME),
            "FAKETIME_TIMESTAMP_FILE": str(clock),
            "FAKETIME_NO_CACHE": "1",
            "FAKETIME_DONT_FAKE_MONOTONIC": "1",
            "TRAFFIC_LIGHT_NOW": "",
        },
        name="faketime",
    )
    open_app(page, server.url, "/")
    type_age(page, "9")
    expect(page.get_by_role("heading", name="Rated differently at age 9")).to_be_visible()
    before = _bar(page)
    assert COMPASS in before and OUT_OF_HOURS not in before, before
    assert _first_numbers(page, "band-9-13-red") == ("0345 678 9021", "0345 678 9040")

    clock.write_text(CLOSED, encoding="utf-8")  # the server's clock is now past 17:00
    type_age(page, "14")
    expect(page.get_by_role("heading", name="Ages 13 to 17", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Rated differently at age 9")).to_have_count(0)
    after = _bar(page)
    assert OUT_OF_HOURS in after and COMPASS not in after, after
    # The red card says whom to call now as the bar does: the out-of-hours team first.
    first, second = _first_numbers(page, "band-13-17-red")
    assert (first, second) == ("0345 678 9040", "0345 678 9021"), (first, second)


def _first_numbers(page, anchor: str) -> tuple[str, str]:
    """Which of the two local numbers a level card names first."""
    card = page.locator('[data-testid="stColumn"]').filter(has=page.locator(f"#{anchor}")).inner_text()
    found = sorted((card.index(number), number) for number in ("0345 678 9021", "0345 678 9040") if number in card)
    return tuple(number for _, number in found)
