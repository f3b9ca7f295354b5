"""The harness works: the real server starts, Chromium renders it, axe runs in it."""

from __future__ import annotations

import re

import pytest

from .harness import (
    AxeViolation,
    app_rerun,
    axe_violations,
    expect,
    format_violations,
    is_loopback,
    open_app,
    wait_for_app,
)

# Every state of the app (guidance, a broken pack, the sign-in screen) says
# this in some form: "Immediate danger: call 999", "... in immediate danger, call 999".
IMMEDIATE_DANGER = re.compile(r"immediate danger\W+call\W*999", re.IGNORECASE)


@pytest.mark.parametrize("viewport", ["phone", "projector", "desktop"], indirect=True)
def test_app_loads_and_says_call_999_on_every_screen(page, app_url, viewport, console_errors):
    open_app(page, app_url)

    assert page.title() == "Traffic Light Reference"
    expect(page.get_by_text(IMMEDIATE_DANGER).first).to_be_visible()
    assert console_errors == []


def test_page_declares_english(app_page):
    # Streamlit 1.67 serves <html lang="en"> from its own index.html.
    assert app_page.evaluate("document.documentElement.lang") == "en"


@pytest.mark.parametrize("viewport", ["phone", "projector", "desktop"], indirect=True)
def test_start_page_passes_axe_on_every_screen(page, app_url, viewport):
    open_app(page, app_url)

    violations = axe_violations(page)

    assert violations == [], format_violations(violations)


def test_axe_helper_returns_violations_and_catches_a_planted_fault(app_page):
    before = axe_violations(app_page)
    assert before == [], format_violations(before)

    # An image with no text alternative: the helper must name the rule and the element.
    app_page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.id = 'planted-fault';
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            document.querySelector('[data-testid="stMainBlockContainer"]').appendChild(img);
        }"""
    )
    after = axe_violations(app_page)

    # Exactly the planted fault, named by rule, impact and element, and nothing else.
    assert [(v.rule, v.impact, v.targets) for v in after] == [("image-alt", "critical", ("#planted-fault",))]
    assert isinstance(after[0], AxeViolation)
    assert "image-alt [critical]" in format_violations(after)


def test_page_asks_nothing_of_any_other_host(page, app_url):
    # Privacy: a request to a third party tells it a member of staff opened the tool.
    elsewhere: list[str] = []
    page.on("request", lambda request: None if is_loopback(request.url) else elsewhere.append(request.url))

    open_app(page, app_url)
    # The favicon is set after the first run: wait until the page names one, then two more frames, by when
    # any request the page makes for what it has drawn has been sent (and seen by the handler above).
    page.wait_for_function("() => document.querySelector('link[rel~=\"icon\"]') !== null")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")

    assert elsewhere == []


def test_query_string_stays_out_of_the_server_output(page, app_server):
    # A URL can carry an age or search words; the server must not log them.
    open_app(page, app_server.url, "/?age=7&q=pineapple-harness-marker")

    expect(page.get_by_text(IMMEDIATE_DANGER).first).to_be_visible()
    output = app_server.output()
    assert f"127.0.0.1:{app_server.port}" in output  # the capture itself works
    assert "pineapple-harness-marker" not in output


def test_factory_passes_env_and_wait_for_app_waits_for_reruns(page, streamlit_server_factory, tmp_path):
    server = streamlit_server_factory(
        env={"TRAFFIC_LIGHT_PACK": str(tmp_path)},
        script="tests/browser/apps/harness_probe.py",
        name="probe",
    )
    open_app(page, server.url)
    expect(page.get_by_text(f"Pack: {tmp_path}")).to_be_visible()

    page.get_by_role("button", name="Slow step").click()
    wait_for_app(page)

    # No auto-waiting here: the rerun sleeps 1.5 s, so this only passes if
    # wait_for_app really waited for the run to end.
    assert page.get_by_text("Slow step finished.").is_visible()

    # The same with the stricter wrapper (the button's second click reruns too).
    page.reload()
    wait_for_app(page)
    assert not page.get_by_text("Slow step finished.").is_visible()
    with app_rerun(page):
        page.get_by_role("button", name="Slow step").click()
    assert page.get_by_text("Slow step finished.").is_visible()
    # ...and it says so when an action made no run at all.
    with pytest.raises(AssertionError, match="did not make the app's script run"), app_rerun(page, timeout=500):
        page.mouse.move(5, 5)
