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

from .harness import expect
from .test_note_never_addressable import (
    _fill_the_case_page,
    addresses_of,
    copy_and_save_the_note,
    leaks_on_each_replica,
)
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
    signin_redis,
    signin_replicas,
    use_replica,
)

pytestmark = pytest.mark.timeout(240)


def test_a_second_signed_in_colleague_cannot_fetch_anything_the_first_typed(
    browser,
    oidc_provider,  # noqa: F811
    signin_proxy,  # noqa: F811
    signin_replicas,  # noqa: F811
):
    marker = new_marker()
    every_replica = list(replica_cookies(signin_proxy, signin_replicas).values())

    def as_colleague(url: str, replica_value: str) -> bytes:
        use_replica(colleague, signin_proxy, replica_value)
        return colleague.request.get(url, fail_on_status_code=False).body()

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
        copy_and_save_the_note(page, marker)

        urls = addresses_of(requested, signin_proxy.url)  # the provider's pages are not this instance's
        # The colleague's cookies really are a signed-in session: the guidance opens for them, not the sign-in screen.
        open_through(other_page, signin_proxy, "/case")
        expect(other_page.get_by_text(SIGN_IN_PROMPT)).to_have_count(0)

        assert leaks_on_each_replica(urls, marker, every_replica, as_colleague) == []
        # After the practitioner signs out and closes the tab.
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url(f"{oidc_provider.url}/oauth2/end_session*")
        page.close()
        assert leaks_on_each_replica(urls, marker, every_replica, as_colleague) == []
    finally:
        colleague.close()
        first.close()
