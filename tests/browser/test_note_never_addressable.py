"""A case note is never an addressable file: behind the shipped nginx.conf and two replicas, no URL the
browser asked for while making every kind of note returns what was typed, to anyone, before or after the
tab closes, and no /media/ address is ever made for it. The marker is typed into every free-text box,
the factual account's included."""

from __future__ import annotations

import io
import re
import time
import urllib.parse
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from tests.privacy import new_marker

from .harness import NginxProxy, expect, http_get, open_app, wait_for_app
from .test_proxy import access_log_lines, offline_copy, proxy, replicas  # noqa: F401  (nginx.conf, two replicas)

pytestmark = pytest.mark.timeout(180)

FRAME = 'iframe[title="Copy or save the case note"]'
NOT_LISTED = "The behaviour I have in mind is not listed"


def _fill_the_case_page(page, marker: str) -> None:
    page.get_by_role("link", name="Case discussion").click()
    wait_for_app(page)
    age = page.get_by_label("Child's age in years")
    age.fill("11")
    age.press("Enter")
    wait_for_app(page)
    page.get_by_text(NOT_LISTED).click()
    wait_for_app(page)
    # Every free-text box on the page gets the marker (number boxes and lists are not free text), the
    # factual account's box among them.
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("textbox", name=re.compile(r"^Your factual account"))).to_be_visible()
    boxes = main.get_by_role("textbox")
    assert boxes.count() >= 3
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.fill(f"drawings {marker}")
        # A single-line box takes its text on Enter; a text area on Ctrl+Enter (Enter there starts a new line).
        box.press("Control+Enter" if box.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")
        wait_for_app(page)
    page.get_by_role("radiogroup").first.get_by_text("Yes", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Red: act today").first).to_be_visible()


def copy_and_save_the_note(page, marker: str) -> None:
    """Copy the note (the clipboard must hold the marker: the control that it went through), then make
    the PDF and save it, as a practitioner would."""
    frame = page.frame_locator(FRAME)
    frame.get_by_role("button", name="Copy note").click()
    expect(frame.get_by_role("status")).to_have_text("Copied. Paste it into your recording system.")
    # Twice: the description of the behaviour not listed, and the factual account.
    assert page.evaluate("navigator.clipboard.readText()").count(marker) == 2
    page.get_by_role("button", name="Make the PDF").click()
    wait_for_app(page)
    with page.expect_download() as waiting:
        frame.get_by_role("button", name="Save as PDF").click()
    waiting.value.delete()


def addresses_of(requested: list[str], base_url: str) -> list[str]:
    """Every address of this instance a browser asked for; there must be some, or a check proves nothing."""
    urls = sorted({url for url in requested if url.startswith(f"{base_url}/")})
    assert any("/_stcore/" in url for url in urls), f"no request was recorded: the check proves nothing: {urls}"
    return urls


def leaks_on_each_replica(
    urls: list[str], marker: str, replica_values: list[str], fetch: Callable[[str, str], bytes]
) -> list[str]:
    """Every URL whose body holds the marker, fetched once per replica: ``fetch(url, replica cookie value)``.
    nginx routes by the tlr_replica cookie, and a file kept by one replica is not on the other."""
    return [
        f"{url} (replica cookie {value})"
        for value in replica_values
        for url in urls
        if marker in fetch(url, value).decode("utf-8", "replace")
    ]


STREAM_ENDED = '"GET /_stcore/stream" 101 '  # nginx logs a WebSocket when it ends


def close_the_tab(page, nginx: NginxProxy, *, timeout: float = 15) -> None:
    """Close the tab and wait until nginx has logged the end of its WebSocket: from then on the server keeps
    the session only as a disconnected one (disconnectedSessionTTL), which is what the checks after it probe."""

    def ended() -> int:
        return sum(STREAM_ENDED in line for line in access_log_lines(nginx))

    before = ended()
    page.close()
    deadline = time.monotonic() + timeout
    while ended() <= before:
        assert time.monotonic() < deadline, f"nginx logged no end of the tab's WebSocket within {timeout} s"
        time.sleep(0.05)


def _fetchable(urls: list[str]) -> list[str]:
    return sorted({url for url in urls if urllib.parse.urlsplit(url).scheme in {"http", "https"}})


def _leaks(urls: list[str], marker: str, other_context) -> list[str]:
    """Every URL that gives the marker to a client with no cookies, or to another browser's session."""
    found = []
    for url in urls:
        if marker in http_get(url).text:
            found.append(f"no-cookie client: {url}")
        response = other_context.request.get(url, fail_on_status_code=False)
        if marker in response.text():
            found.append(f"another browser: {url}")
    return found


def _logged_paths(nginx: NginxProxy) -> list[str]:
    lines = nginx.access_log.read_text(encoding="utf-8").splitlines() if nginx.access_log.exists() else []
    return sorted({match.group(1) for line in lines if (match := re.search(r'"[A-Z]+ (\S+)"', line))})


def test_no_note_format_makes_an_address_that_gives_the_note_away(browser, proxy, replicas):  # noqa: F811
    marker = new_marker()
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London", accept_downloads=True)
    other = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=proxy.url)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        # The other browser has a session of its own on the app, with its own replica cookie.
        other_page = other.new_page()
        open_app(other_page, proxy.url)

        open_app(page, proxy.url)
        _fill_the_case_page(page, marker)
        before_note = len(requested)
        frame = page.frame_locator(FRAME)

        # 1. Copy: the clipboard holds the plain-text note (the control: the marker went through).
        frame.get_by_role("button", name="Copy note").click()
        expect(frame.get_by_role("status")).to_have_text("Copied. Paste it into your recording system.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.count(marker) == 2  # the description of a behaviour not listed, and the factual account
        assert "Red: act today" in copied and "\\" not in copied

        # 2. The text file, made in the browser.
        with page.expect_download() as waiting:
            frame.get_by_role("button", name="Save as text file").click()
        text_file = waiting.value
        assert text_file.suggested_filename.endswith(".txt")
        assert marker not in text_file.suggested_filename
        assert text_file.path().read_text(encoding="utf-8") == copied
        text_file.delete()

        # 3. The PDF: made on the server on request, sent over the WebSocket, saved by the browser.
        page.get_by_role("button", name="Make the PDF").click()
        wait_for_app(page)
        with page.expect_download() as waiting:
            frame.get_by_role("button", name="Save as PDF").click()
        pdf_file = waiting.value
        assert pdf_file.suggested_filename.endswith(".pdf")
        pdf_bytes = pdf_file.path().read_bytes()
        pdf_file.delete()
        assert " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes)).pages).count(marker) == 2

        # Streamlit's media store (/media/<id>) serves the page icon; the note actions add nothing to it.
        note_requests = requested[before_note:]
        assert not [url for url in note_requests if urllib.parse.urlsplit(url).path.startswith("/media/")], (
            note_requests
        )
        urls = _fetchable(requested)
        assert any(url.startswith(proxy.url) for url in urls), "no request was recorded: the check proves nothing"

        # While the tab is open...
        assert _leaks(urls, marker, other) == []
        # ...and after it has closed, inside the time the session is kept (disconnectedSessionTTL).
        close_the_tab(page, proxy)
        assert _leaks(urls, marker, other) == []

        # Every address nginx logged, fetched again by a client with no cookies; and the log itself.
        logged = _logged_paths(proxy)
        assert any(path.startswith("/_stcore/") for path in logged), logged
        for path in logged:
            assert marker not in http_get(f"{proxy.url}{path}").text, path
        assert marker not in proxy.logs()
        for replica in replicas:
            assert marker not in replica.output()
    finally:
        other.close()
        context.close()


def test_when_the_clipboard_is_refused_the_note_is_shown_selected_to_copy_by_hand(browser, proxy):  # noqa: F811
    marker = new_marker()
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    try:
        page = context.new_page()
        open_app(page, proxy.url)
        _fill_the_case_page(page, marker)
        frame_element = page.locator(FRAME)
        inner = frame_element.element_handle().content_frame()
        # The browser or the council's policy refuses the clipboard.
        inner.evaluate(
            "() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); }"
        )
        height_before = frame_element.bounding_box()["height"]

        # Keyboard only: the button takes focus and Enter presses it.
        frame = page.frame_locator(FRAME)
        frame.get_by_role("button", name="Copy note").focus()
        page.keyboard.press("Enter")

        expect(frame.get_by_role("status")).to_contain_text("The browser did not allow copying")
        box = frame.get_by_role("textbox", name="The note (select all and copy it)")
        expect(box).to_be_visible()
        expect(box).to_be_focused()
        assert marker in box.input_value()
        selected = inner.evaluate(
            "() => { const a = document.activeElement; return a.value.slice(a.selectionStart, a.selectionEnd); }"
        )
        assert selected == box.input_value()
        assert frame_element.bounding_box()["height"] > height_before + 100  # the frame grew to show the box
    finally:
        context.close()
