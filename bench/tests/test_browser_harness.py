"""The browser harness against the stand-in look-up: pages timed side by side, answers matched exactly.

Needs Debian's Chromium (/usr/bin/chromium): marked `browser`, skipped without
it on a developer machine and failed without it under CI=true, like tests/browser.
"""

import pytest

from bench.baselines.static_page import serve_static_page
from bench.browser_time import BrowserTarget, _interact, number_input_interaction, time_pages
from bench.server_time import BASELINES
from bench.streamlit_server import StreamlitServer
from bench.targets import AGE_LABEL
from devharness.chromium import launch_chromium

pytestmark = pytest.mark.browser

LOOKUP = BrowserTarget(
    name="lookup stand-in",
    script=BASELINES / "lookup_app.py",
    ready_text="Band for age 0",
    env={"BENCH_ELEMENTS": "12"},
    interactions=[
        number_input_interaction("set age", AGE_LABEL, lambda i: 17 - 16 * i, lambda i: f"Band for age {17 - 16 * i}")
    ],
)
STATIC = BrowserTarget(name="static", script=None, ready_text="Ready words")


@pytest.fixture(scope="module")
def browser(_playwright):
    # The run's one Playwright (conftest.py at the top of the repository), as tests/browser uses.
    launched = launch_chromium(_playwright)
    try:
        yield launched
    finally:
        launched.close()


def test_pages_are_timed_side_by_side_and_only_those_with_the_interaction_do_it(browser):
    with StreamlitServer(LOOKUP.script, env=LOOKUP.env) as server, serve_static_page(["Ready words"]) as static_url:
        lookup_rows, static_rows = time_pages(
            browser, [(LOOKUP, server.url), (STATIC, static_url)], repeats=2, warmup=0
        )
    assert [row.measure for row in lookup_rows] == ["open, new context", "open, warm cache", "set age"]
    assert [row.measure for row in static_rows] == ["open, new context", "open, warm cache"]
    assert all(row.stats.n == 2 for row in lookup_rows + static_rows)


def test_an_answer_that_only_contains_the_expected_words_does_not_count(browser):
    # Age 17 shows "Band for age 17", which contains "Band for age 1": a stale page must not pass.
    wrong = number_input_interaction("set age", AGE_LABEL, lambda i: 17, lambda i: "Band for age 1")
    with StreamlitServer(LOOKUP.script, env=LOOKUP.env) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(server.url)
            page.get_by_text("Band for age 0").wait_for()
            with pytest.raises(Exception, match="Timeout"):
                _interact(page, wrong, 0, timeout_ms=3000)
            assert page.get_by_text("Band for age 17", exact=True).is_visible()
        finally:
            context.close()
