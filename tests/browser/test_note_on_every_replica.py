"""A case note is not on any replica's server for anyone to fetch: behind the shipped nginx.conf and two
replicas (no sign-in), every address the browser asked for while making the note is fetched by a
client with no session, once on each replica (nginx routes by the tlr_replica cookie, and a file kept
by one replica is not on the other), before and after the tab closes.

test_note_never_addressable.py sends its fetches where nginx's routing takes them; this sends them
to each replica by name.
"""

from __future__ import annotations

import time

import pytest

from tests.privacy import new_marker

from .harness import expect, http_get, open_app, wait_for_app
from .test_note_never_addressable import FRAME, _fill_the_case_page
from .test_proxy import offline_copy, proxy, replicas  # noqa: F401  (the shipped nginx.conf in front of two replicas)
from .test_signin import replica_cookies

pytestmark = pytest.mark.timeout(180)


def _leaks(urls: list[str], marker: str, replica_values: list[str]) -> list[str]:
    found = []
    for value in replica_values:
        for url in urls:
            body = http_get(url, headers={"Cookie": f"tlr_replica={value}"}).text
            if marker in body:
                found.append(f"{url} (replica cookie {value})")
    return found


def test_no_replica_gives_the_note_to_a_client_without_a_session(browser, proxy, replicas):  # noqa: F811
    marker = new_marker()
    every_replica = list(replica_cookies(proxy, replicas).values())
    assert len(every_replica) == 2
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London", accept_downloads=True)
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=proxy.url)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_app(page, proxy.url)
        _fill_the_case_page(page, marker)
        frame = page.frame_locator(FRAME)
        frame.get_by_role("button", name="Copy note").click()
        expect(frame.get_by_role("status")).to_have_text("Copied. Paste it into your recording system.")
        assert marker in page.evaluate("navigator.clipboard.readText()")  # the control: the marker went through
        page.get_by_role("button", name="Make the PDF").click()
        wait_for_app(page)
        with page.expect_download() as waiting:
            frame.get_by_role("button", name="Save as PDF").click()
        waiting.value.delete()

        urls = sorted({url for url in requested if url.startswith(f"{proxy.url}/")})
        assert any("/_stcore/" in url for url in urls), f"no request was recorded: the check proves nothing: {urls}"
        assert _leaks(urls, marker, every_replica) == []
        page.close()
        time.sleep(2)  # the tab has closed; its session is still kept (disconnectedSessionTTL)
        assert _leaks(urls, marker, every_replica) == []
    finally:
        context.close()
