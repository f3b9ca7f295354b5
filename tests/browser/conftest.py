"""Fixtures for browser tests: the real app server, driven by Debian's Chromium.

Every test in tests/browser/ is marked `browser` (run them alone with
`pytest -m browser`, skip them with `-m "not browser"`) and gets a 60 s
timeout unless it sets its own `@pytest.mark.timeout(...)`.

Fixtures
--------
app_server        session: `streamlit run app.py` on a free loopback port,
                  started once; `.url`, `.port`, `.output()` (the server's
                  stdout and stderr so far), `.log_path`.
app_url           session: `app_server.url`, e.g. "http://127.0.0.1:41234".
streamlit_server_factory
                  function: start another server with a different
                  environment or script; it is stopped when the test ends.
                      server = streamlit_server_factory(
                          env={"TRAFFIC_LIGHT_PACK": str(pack_dir)})
                  Keyword arguments: env, script ("app.py" by default,
                  relative to the repo root), extra_args (more command-line
                  flags), name (for the log file).
browser           session: Chromium from /usr/bin/chromium via Playwright.
viewport          function: "desktop" (1366x900) unless parametrised:
                      @pytest.mark.parametrize(
                          "viewport", ["phone", "projector", "desktop"],
                          indirect=True)
                  phone is 390x844 with touch; projector is 1280x720.
context, page     function: a fresh browser context (en-GB, Europe/London)
                  and page at that viewport; nothing carries over between
                  tests.
console_errors    function: a list that fills with the page's console errors
                  and uncaught exceptions (CSP refusals arrive here too);
                  request it before navigating. Opening a page URL such as
                  /search directly makes Streamlit's frontend probe
                  /search/_stcore/health and host-config first (two 404s in
                  the console); open "/" and click through when a test
                  asserts on console errors.
app_page          function: `page` already opened at app_url and waited for.
server_log_dir    session: the temp directory holding every server's log.

Helpers (import from .harness)
------------------------------
open_app(page, base_url, "/?age=7")   go to a path and wait for the app
expect(locator)                       Playwright's expect (import it from here)
wait_for_app(page)                    after any click or typing that may
                                      make the script rerun
with app_rerun(page): <action>        stricter, for an action that must
                                      rerun: waits for that run to start,
                                      then to finish
axe_violations(page) -> list          axe-core result, most severe first;
format_violations(list) -> str        readable assertion message
http_get(url) -> HttpResponse         plain GET, no proxy, no exceptions
is_loopback(url)                      True for this machine, data: and blob:
                                      (to assert nothing goes anywhere else)
start_nginx(dir, upstream_ports=[...])
                                      the shipped deploy/nginx.conf in front
                                      of servers (see test_proxy.py)

A typical test:

    from .harness import axe_violations, expect, format_violations, open_app

    @pytest.mark.parametrize("viewport", ["phone", "desktop"], indirect=True)
    def test_band_page_reads_red_first(page, app_url):
        open_app(page, app_url, "/?band=5-9")
        expect(page.get_by_role("heading", name="Red: act today")).to_be_visible()
        violations = axe_violations(page)
        assert not violations, format_violations(violations)

Missing tools: without /usr/bin/chromium (or Playwright) these tests skip on
a developer machine with the install command in the reason; with CI=true
they fail instead, so CI can never go green by skipping them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import (
    DEFAULT_VIEWPORT,
    MESSAGE_COUNTER_JS,
    VIEWPORTS,
    StreamlitServer,
    launch_chromium,
    open_app,
    start_streamlit,
)

_THIS_DIR = Path(__file__).resolve().parent
_DEFAULT_TIMEOUT_SECONDS = 60
# Playwright's per-action wait; long enough for a slow CI box, short enough
# that a missing element fails well inside the test timeout.
_ACTION_TIMEOUT_MS = 15_000

StreamlitServerFactory = Callable[..., StreamlitServer]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: starts the real app server and drives Chromium (slow; needs /usr/bin/chromium)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items; touch only the ones in here.
    for item in items:
        if _THIS_DIR not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(_DEFAULT_TIMEOUT_SECONDS))


# --------------------------------------------------------------------------
# App servers
# --------------------------------------------------------------------------


BROWSER_NOW = "2026-12-09T11:00"


@pytest.fixture(scope="session")
def server_log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("app-servers")


@pytest.fixture(scope="session")
def app_server(server_log_dir: Path) -> Iterator[StreamlitServer]:
    """The app as production runs it, started once for the session, its one clock pinned to office hours
    (a Wednesday at 11am) so that who to call first does not depend on when the suite runs."""
    server = start_streamlit(server_log_dir, name="app", env={"TRAFFIC_LIGHT_NOW": BROWSER_NOW})
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def app_url(app_server: StreamlitServer) -> str:
    return app_server.url


@pytest.fixture
def streamlit_server_factory(server_log_dir: Path) -> Iterator[StreamlitServerFactory]:
    """Start extra servers (another content pack, another script); stopped after the test."""
    started: list[StreamlitServer] = []

    def start(
        *,
        env: dict[str, str] | None = None,
        script: str = "app.py",
        extra_args: tuple[str, ...] | list[str] = (),
        name: str = "extra",
    ) -> StreamlitServer:
        server = start_streamlit(server_log_dir, env=env, script=script, extra_args=extra_args, name=name)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


# --------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------


# `_playwright` (one sync Playwright for the whole run) is in the repository's conftest.py, shared with
# bench/tests: a second sync_playwright() in the same process fails while the first is running.


@pytest.fixture(scope="session")
def browser(_playwright: Any) -> Iterator[Any]:
    browser = launch_chromium(_playwright)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def viewport(request: pytest.FixtureRequest) -> str:
    """Which screen to test on; parametrise indirectly with "phone", "projector" or "desktop"."""
    name = getattr(request, "param", DEFAULT_VIEWPORT)
    if name not in VIEWPORTS:
        raise ValueError(f"Unknown viewport {name!r}; choose from {sorted(VIEWPORTS)}")
    return name


@pytest.fixture
def context(browser: Any, viewport: str) -> Iterator[Any]:
    context = browser.new_context(
        **VIEWPORTS[viewport],
        locale="en-GB",
        timezone_id="Europe/London",
        service_workers="block",
    )
    context.set_default_timeout(_ACTION_TIMEOUT_MS)
    context.add_init_script(MESSAGE_COUNTER_JS)  # so that `app_rerun` sees every run (see harness.py)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.fixture
def console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


@pytest.fixture
def app_page(page: Any, app_url: str) -> Any:
    return open_app(page, app_url)
