"""Sign-in for real: a real OpenID Connect provider, two replicas, the shipped nginx, Chromium.

Nothing here mocks st.user. oidc-provider-mock runs on loopback; two app
replicas (started by deploy/serve.py, as the image starts them, and sharing a
real redis-server for the list of ended sign-ins) read one secrets.toml (written to a temp directory and passed with
--secrets.files, so nothing is written into the repository) that shares the
cookie_secret and names the proxy's /oauth2callback; nginx runs the shipped
deploy/nginx.conf in front of them. Chromium signs in through the proxy the
way a practitioner would.
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.redis_server import RedisServer, start_redis

from .harness import (
    NGINX_SITE_CONF,
    NginxProxy,
    OidcProvider,
    StreamlitServer,
    expect,
    free_port,
    http_get,
    require_nginx,
    start_nginx,
    start_oidc_provider,
    start_streamlit_via,
    wait_for_app,
    write_auth_secrets,
)

pytestmark = pytest.mark.timeout(150)

ALLOWED_DOMAIN = "shropshire.gov.uk"
ALLOWED_EMAIL = f"dsl.test@{ALLOWED_DOMAIN}"
OTHER_EMAIL = "someone@example.org"
SIGN_IN_PROMPT = "Sign in with your work account to use this tool."
REFUSAL = "This account is not allowed to use this instance."
# Words only the guidance pages show; none may appear before sign-in.
GUIDANCE_WORDS = ("Look up a behaviour by age", "Compass", "Red", "Amber", "Green")

# Every page in app.py's navigation, and a heading or phrase each one shows.
PAGES = {
    "/": "Look up a behaviour by age",
    "/search": "Search",
    "/case": "Case discussion",
    "/training": "Training",
    "/helplines": "Helplines",
    "/about": "About",
}


@pytest.fixture(scope="module")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    require_nginx()
    provider = start_oidc_provider(tmp_path_factory.mktemp("oidc"))
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture(scope="module")
def proxy_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def secrets_file(oidc_provider: OidcProvider, proxy_port: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One secrets.toml for every replica (shared cookie_secret), outside the repository."""
    return write_auth_secrets(
        tmp_path_factory.mktemp("signin-secrets") / "secrets.toml",
        redirect_uri=f"http://127.0.0.1:{proxy_port}/oauth2callback",
        cookie_secret=secrets.token_hex(32),
        server_metadata_url=oidc_provider.metadata_url,
        allowed_domains=[ALLOWED_DOMAIN],
    )


@pytest.fixture(scope="module")
def signin_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("signin-redis"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def signin_replicas(
    secrets_file: Path, server_log_dir: Path, signin_redis: RedisServer
) -> Iterator[list[StreamlitServer]]:
    """Two replicas with sign-in on, one shared secrets file and Redis, Host allow-list as the container sets it."""
    # As deploy/compose.yaml and deploy/k8s/ set it: only the service's own host name.
    env = {"STREAMLIT_SERVER_ALLOWED_HOSTS": "127.0.0.1", "TRAFFIC_LIGHT_REDIS_URL": signin_redis.url}
    started: list[StreamlitServer] = []
    try:
        for name in ("signin1", "signin2"):
            started.append(
                start_streamlit_via(
                    NGINX_SITE_CONF.parent / "serve.py",
                    server_log_dir,
                    env=env,
                    extra_args=["--secrets.files", str(secrets_file)],
                    name=name,
                )
            )
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def signin_proxy(
    signin_replicas: list[StreamlitServer], proxy_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NginxProxy]:
    nginx = start_nginx(
        tmp_path_factory.mktemp("nginx-signin"),
        upstream_ports=[r.port for r in signin_replicas],
        listen_port=proxy_port,
    )
    try:
        yield nginx
    finally:
        nginx.stop()


def replica_cookies(proxy: NginxProxy, replicas: list[StreamlitServer]) -> dict[int, str]:
    """One tlr_replica cookie value per replica port, found by asking nginx where each one goes."""
    found: dict[int, str] = {}
    for _ in range(64):
        value = secrets.token_hex(16)
        path = f"/route-probe-{value}"
        http_get(f"{proxy.url}{path}", headers={"Cookie": f"tlr_replica={value}"})
        deadline = time.monotonic() + 5
        line = ""
        while time.monotonic() < deadline and not line:
            text = proxy.access_log.read_text(encoding="utf-8") if proxy.access_log.exists() else ""
            line = next((entry for entry in text.splitlines() if f'{path}"' in entry), "")
            time.sleep(0.02)
        match = re.search(r"\bupstream=127\.0\.0\.1:(\d+)\b", line)
        assert match, line
        found.setdefault(int(match.group(1)), value)
        if len(found) == len(replicas):
            return found
    raise AssertionError(f"could not find a cookie for every replica: {found}")


def use_replica(context: Any, proxy: NginxProxy, cookie_value: str) -> None:
    """Pin this browser to one replica (nginx routes by this cookie)."""
    context.add_cookies([{"name": "tlr_replica", "value": cookie_value, "url": proxy.url}])


def main_text(page: Any) -> str:
    return page.locator('[data-testid="stApp"]').inner_text()


def open_through(page: Any, proxy: NginxProxy, path: str) -> None:
    page.goto(f"{proxy.url}{path}", wait_until="domcontentloaded")
    wait_for_app(page)


def sign_in_as(page: Any, proxy: NginxProxy, provider: OidcProvider, email: str) -> None:
    """From the sign-in screen: press Sign in, authorise as `email` at the provider, come back."""
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{provider.url}/oauth2/authorize*")
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{proxy.url}/**")
    wait_for_app(page)


def test_sign_in_reach_every_page_on_both_replicas_then_sign_out(
    context, page, oidc_provider, signin_proxy, signin_replicas
):
    cookies = replica_cookies(signin_proxy, signin_replicas)
    first, second = (cookies[r.port] for r in signin_replicas)
    use_replica(context, signin_proxy, first)

    open_through(page, signin_proxy, "/")
    expect(page.get_by_text(SIGN_IN_PROMPT)).to_be_visible()
    sign_in_as(page, signin_proxy, oidc_provider, ALLOWED_EMAIL)
    expect(page.get_by_text(f"Signed in as {ALLOWED_EMAIL}")).to_be_visible()

    for path, words in PAGES.items():
        open_through(page, signin_proxy, path)
        text = main_text(page)
        assert SIGN_IN_PROMPT not in text, path
        assert words in text, (path, text[:400])
        assert re.search(r"immediate danger\W+call\W*999", text, re.IGNORECASE), path

    # The other replica accepts the same sign-in: the replicas share cookie_secret.
    use_replica(context, signin_proxy, second)
    open_through(page, signin_proxy, "/case")
    assert SIGN_IN_PROMPT not in main_text(page)
    expect(page.get_by_text(f"Signed in as {ALLOWED_EMAIL}")).to_be_visible()
    # The page at /case was served once by each replica (nginx logs which).
    upstreams = {
        line.split("upstream=")[1].split()[0]
        for line in signin_proxy.access_log.read_text(encoding="utf-8").splitlines()
        if '"GET /case" 200' in line
    }
    assert upstreams == {f"127.0.0.1:{r.port}" for r in signin_replicas}, upstreams

    page.get_by_role("button", name="Sign out").click()
    # The app signs out and sends the browser to the provider's end-session page
    # (OpenID Connect RP-initiated logout, as Entra ID offers), which comes back.
    page.wait_for_url(f"{oidc_provider.url}/oauth2/end_session*")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{signin_proxy.url}/**")
    wait_for_app(page)
    expect(page.get_by_text(SIGN_IN_PROMPT)).to_be_visible()
    open_through(page, signin_proxy, "/case")
    assert SIGN_IN_PROMPT in main_text(page)
    assert "Case discussion" not in main_text(page)


def sign_out_at_provider(page: Any, proxy: NginxProxy, provider: OidcProvider) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{provider.url}/oauth2/end_session*")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{proxy.url}/**")
    wait_for_app(page)


def test_cookies_copied_before_sign_out_open_nothing_on_either_replica(
    browser, context, page, oidc_provider, signin_proxy, signin_replicas
):
    """Issue 26, finding 2: cookies copied before "Sign out" still opened /case as signed in on both replicas."""
    cookies = replica_cookies(signin_proxy, signin_replicas)
    use_replica(context, signin_proxy, cookies[signin_replicas[0].port])
    open_through(page, signin_proxy, "/")
    sign_in_as(page, signin_proxy, oidc_provider, ALLOWED_EMAIL)
    expect(page.get_by_text(f"Signed in as {ALLOWED_EMAIL}")).to_be_visible()
    copied = [c for c in context.cookies() if c["name"].startswith("_streamlit_user")]
    assert {c["name"] for c in copied} >= {"_streamlit_user", "_streamlit_user_tokens"}
    # The sign-in cookie lasts a working day (10 hours), not Streamlit's 30 days.
    user_cookie = next(c for c in copied if c["name"] == "_streamlit_user")
    assert 9.5 * 3600 < user_cookie["expires"] - time.time() <= 10 * 3600 + 60, user_cookie["expires"] - time.time()

    # Before sign-out the copied cookies work on both replicas (so the check below can fail).
    replay = browser.new_context(locale="en-GB")
    try:
        replay.add_cookies(copied)
        replayed = replay.new_page()
        for replica in signin_replicas:
            use_replica(replay, signin_proxy, cookies[replica.port])
            open_through(replayed, signin_proxy, "/case")
            expect(replayed.get_by_text(f"Signed in as {ALLOWED_EMAIL}")).to_be_visible()

        sign_out_at_provider(page, signin_proxy, oidc_provider)
        expect(page.get_by_text(SIGN_IN_PROMPT)).to_be_visible()

        for replica in signin_replicas:
            use_replica(replay, signin_proxy, cookies[replica.port])
            open_through(replayed, signin_proxy, "/case")
            expect(replayed.get_by_text(SIGN_IN_PROMPT)).to_be_visible()
            text = main_text(replayed)
            assert "You have signed out. Sign in again to use this tool." in text
            assert "Case discussion" not in text and "Signed in as" not in text, (replica.port, text[:300])
    finally:
        replay.close()


def test_an_account_whose_provider_says_email_unverified_is_refused(page, oidc_provider, signin_proxy):
    """Issue 26, finding 3: an account with email_verified false and an allowed domain signed in."""
    email = f"unverified.{secrets.token_hex(3)}@{ALLOWED_DOMAIN}"
    body = json.dumps({"email": email, "email_verified": False}).encode()
    request = urllib.request.Request(
        f"{oidc_provider.url}/users/{email}", data=body, method="PUT", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204
    open_through(page, signin_proxy, "/")
    sign_in_as(page, signin_proxy, oidc_provider, email)
    expect(page.get_by_text("This account's e-mail address is not verified")).to_be_visible()
    text = main_text(page)
    assert "999" in text and "Look up a behaviour by age" not in text and "Signed in as" not in text
    open_through(page, signin_proxy, "/case")
    assert "not verified" in main_text(page) and "Case discussion" not in main_text(page)


def set_cookie_headers(port: int, path: str, headers: dict[str, str]) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return [value for name, value in response.getheaders() if name.lower() == "set-cookie"]
    finally:
        connection.close()


def test_sign_in_cookies_are_secure_behind_tls(signin_proxy):
    # /auth/logout always sets (clears) both sign-in cookies: the same Set-Cookie path as sign-in.
    behind_tls = set_cookie_headers(signin_proxy.port, "/auth/logout", {"X-Forwarded-Proto": "https"})
    auth = [c for c in behind_tls if c.startswith("_streamlit_user")]
    assert len(auth) >= 2 and all(re.search(r";\s*Secure\b", c, re.IGNORECASE) for c in auth), behind_tls
    plain = set_cookie_headers(signin_proxy.port, "/auth/logout", {})
    assert not any(re.search(r";\s*Secure\b", c, re.IGNORECASE) for c in plain if c.startswith("_streamlit_user"))


def test_an_address_outside_the_allowed_domain_is_refused(page, oidc_provider, signin_proxy):
    open_through(page, signin_proxy, "/")
    sign_in_as(page, signin_proxy, oidc_provider, OTHER_EMAIL)

    expect(page.get_by_text(REFUSAL)).to_be_visible()
    text = main_text(page)
    assert "999" in text
    for words in GUIDANCE_WORDS[:1]:
        assert words not in text
    # Still refused on every page, not only the first.
    open_through(page, signin_proxy, "/case")
    assert REFUSAL in main_text(page)
    assert "Case discussion" not in main_text(page)


def test_a_deep_link_before_sign_in_shows_only_the_sign_in_screen(page, signin_proxy):
    for path in ("/case", "/training?band=5-9", "/?age=7&band=5-9&level=red", "/helplines"):
        open_through(page, signin_proxy, path)
        text = main_text(page)
        assert SIGN_IN_PROMPT in text, path
        assert "999" in text
        for words in (*GUIDANCE_WORDS, "Case discussion", "Training", "Helplines"):
            assert words not in text, (path, words, text)
        expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def raw_get(port: int, path: str) -> tuple[int, str | None]:
    """GET without following redirects: (status, Location)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def test_nothing_sent_to_the_callback_is_logged_verbatim(page, signin_proxy, signin_replicas):
    marker = f"callback-marker-{secrets.token_hex(6)}"
    # Through nginx: refused before any replica sees it, plain and percent-encoded.
    for query in (
        f"error={marker}&error_description={marker}-description",
        f"state=x&%65rror={marker}&error_description={marker}",
        f"ERROR={marker}",
    ):
        assert raw_get(signin_proxy.port, f"/oauth2callback?{query}") == (302, "/"), query

    # Straight to a replica (as a cluster without this nginx would): the app's
    # own filter, installed by app.py on the replica's first page load, keeps
    # the client's words out and the standard error code in.
    replica = signin_replicas[0]
    page.goto(f"{replica.url}/", wait_until="domcontentloaded")
    wait_for_app(page)  # app.py has run on this replica: its filter is in place
    for query in (f"error={marker}&error_description={marker}", "error=access_denied&error_description=" + marker):
        status, _ = raw_get(replica.port, f"/oauth2callback?{query}")
        assert status in (302, 307), status

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "access_denied (description not logged)" not in replica.output():
        time.sleep(0.05)
    output = replica.output()
    assert "Sign-in callback returned an error: (not a standard code) (description not logged)." in output
    assert "Sign-in callback returned an error: access_denied (description not logged)." in output
    assert marker not in signin_proxy.logs()
    for server in signin_replicas:
        assert marker not in server.output()


def websocket_status(port: int, *, host: str, origin: str | None) -> int:
    """The status a WebSocket handshake to /_stcore/stream gets (101 when accepted)."""
    import websocket

    try:
        connection = websocket.create_connection(
            f"ws://127.0.0.1:{port}/_stcore/stream",
            host=host,
            origin=origin,
            suppress_origin=origin is None,
            subprotocols=["streamlit"],
            timeout=10,
        )
    except websocket.WebSocketBadStatusException as error:
        return error.status_code
    connection.close()
    return 101


def test_a_websocket_from_another_site_is_refused(signin_proxy, signin_replicas):
    own = f"127.0.0.1:{signin_proxy.port}"
    assert websocket_status(signin_proxy.port, host=own, origin=f"http://{own}") == 101
    assert websocket_status(signin_proxy.port, host=own, origin=None) == 101
    # Another site's page in the user's browser: nginx refuses it (403, no replica asked).
    assert websocket_status(signin_proxy.port, host=own, origin="http://evil.example") == 403
    # DNS rebinding: another name pointed at this server. The replicas refuse a Host
    # outside STREAMLIT_SERVER_ALLOWED_HOSTS, through nginx and directly.
    assert websocket_status(signin_proxy.port, host="evil.example", origin="http://evil.example") == 403
    replica = signin_replicas[1]
    assert websocket_status(replica.port, host="evil.example", origin="http://evil.example") == 403
    assert websocket_status(replica.port, host=f"127.0.0.1:{replica.port}", origin=None) == 101

    lines = signin_proxy.access_log.read_text(encoding="utf-8").splitlines()
    refused_by_nginx = [line for line in lines if '"GET /_stcore/stream" 403' in line and "upstream=-" in line]
    assert refused_by_nginx, "\n".join(lines[-10:])


def test_the_image_launcher_filters_the_callback_log_before_any_page_is_served(secrets_file, server_log_dir):
    # deploy/serve.py is how the image starts a replica; a fresh one has run no app.py yet.
    marker = f"fresh-replica-marker-{secrets.token_hex(6)}"
    replica = start_streamlit_via(
        NGINX_SITE_CONF.parent / "serve.py",
        server_log_dir,
        extra_args=["--secrets.files", str(secrets_file)],
        name="serve-py",
    )
    try:
        status, _ = raw_get(replica.port, f"/oauth2callback?error={marker}&error_description={marker}")
        assert status in (302, 307), status
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and "Sign-in callback returned an error" not in replica.output():
            time.sleep(0.05)
        output = replica.output()
    finally:
        replica.stop()
    assert "Sign-in callback returned an error: (not a standard code) (description not logged)." in output
    assert marker not in output
