"""Another signed-in colleague cannot fetch a case note: with sign-in on (a real OpenID Connect provider,
two replicas, the shipped nginx.conf), every address one practitioner's browser asked for while typing a
case and making the note is fetched with a second signed-in account's cookies, before and after the
first signs out. None returns what was typed.

test_note_never_addressable.py makes the same check for clients without sign-in; here the other client
holds a valid session cookie of the same instance, as a curious colleague would.
"""

from __future__ import annotations

import pytest

from tests.privacy import new_marker

from .harness import expect, wait_for_app
from .test_note_never_addressable import FRAME, _fill_the_case_page
from .test_signin import (  # noqa: F401  (the provider, two signed-in replicas and nginx, as the sign-in tests run them)
    ALLOWED_DOMAIN,
    SIGN_IN_PROMPT,
    oidc_provider,
    open_through,
    proxy_port,
    replica_cookies,
    secrets_file,
    sign_in_as,
    signin_proxy,
    signin_replicas,
    use_replica,
)

pytestmark = pytest.mark.timeout(240)


def _leaks(urls: list[str], marker: str, colleague, proxy, replica_values: list[str]) -> list[str]:
    """Every URL that gives the marker to the colleague, sent to each replica in turn (nginx routes by
    the tlr_replica cookie, and a file kept by one replica is not on the other)."""
    found = []
    for value in replica_values:
        use_replica(colleague, proxy, value)
        for url in urls:
            response = colleague.request.get(url, fail_on_status_code=False)
            if marker in response.body().decode("utf-8", "replace"):
                found.append(f"{url} (replica cookie {value})")
    return found


def test_a_second_signed_in_colleague_cannot_fetch_anything_the_first_typed(
    browser,
    oidc_provider,  # noqa: F811
    signin_proxy,  # noqa: F811
    signin_replicas,  # noqa: F811
):
    marker = new_marker()
    every_replica = list(replica_cookies(signin_proxy, signin_replicas).values())
    first = browser.new_context(locale="en-GB", timezone_id="Europe/London", accept_downloads=True)
    colleague = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    try:
        first.grant_permissions(["clipboard-read", "clipboard-write"], origin=signin_proxy.url)
        # The colleague signs in first, on the same instance, and keeps the session open.
        other_page = colleague.new_page()
        open_through(other_page, signin_proxy, "/")
        sign_in_as(other_page, signin_proxy, oidc_provider, f"colleague@{ALLOWED_DOMAIN}")
        expect(other_page.get_by_text(f"Signed in as colleague@{ALLOWED_DOMAIN}")).to_be_visible()

        page = first.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        open_through(page, signin_proxy, "/")
        sign_in_as(page, signin_proxy, oidc_provider, f"practitioner@{ALLOWED_DOMAIN}")
        expect(page.get_by_text(f"Signed in as practitioner@{ALLOWED_DOMAIN}")).to_be_visible()
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

        # Every address of this instance the practitioner's browser asked for (the provider's pages are not ours).
        urls = sorted({url for url in requested if url.startswith(f"{signin_proxy.url}/")})
        assert any("/_stcore/" in url for url in urls), f"no request was recorded: the check proves nothing: {urls}"
        # The colleague's cookies really are a signed-in session: the guidance opens for them, not the sign-in screen.
        open_through(other_page, signin_proxy, "/case")
        expect(other_page.get_by_text(SIGN_IN_PROMPT)).to_have_count(0)

        assert _leaks(urls, marker, colleague, signin_proxy, every_replica) == []
        # After the practitioner signs out and closes the tab.
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url(f"{oidc_provider.url}/oauth2/end_session*")
        page.close()
        assert _leaks(urls, marker, colleague, signin_proxy, every_replica) == []
    finally:
        colleague.close()
        first.close()
