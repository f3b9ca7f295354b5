"""A case note is not on any replica's server for anyone to fetch: behind the shipped nginx.conf and two
replicas (no sign-in), every address the browser asked for while making the note is fetched by a
client with no session, once on each replica (nginx routes by the tlr_replica cookie, and a file kept
by one replica is not on the other), before and after the tab closes.

test_note_never_addressable.py sends its fetches where nginx's routing takes them; this sends them
to each replica by name.
"""

from __future__ import annotations

import pytest

from tests.privacy import new_marker

from .harness import http_get, open_app
from .test_note_never_addressable import (
    _fill_the_case_page,
    addresses_of,
    close_the_tab,
    copy_and_save_the_note,
    leaks_on_each_replica,
)
from .test_proxy import offline_copy, proxy, replicas  # noqa: F401  (the shipped nginx.conf in front of two replicas)
from .test_signin import replica_cookies

pytestmark = pytest.mark.timeout(180)


def _without_a_session(url: str, replica_value: str) -> bytes:
    return http_get(url, headers={"Cookie": f"tlr_replica={replica_value}"}).body


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
        copy_and_save_the_note(page, marker)

        urls = addresses_of(requested, proxy.url)
        assert leaks_on_each_replica(urls, marker, every_replica, _without_a_session) == []
        close_the_tab(page, proxy)  # the tab has closed; its session is still kept (disconnectedSessionTTL)
        assert leaks_on_each_replica(urls, marker, every_replica, _without_a_session) == []
    finally:
        context.close()
