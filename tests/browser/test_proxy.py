"""The shipped deploy/nginx.conf in front of two real replicas, driven by Chromium.

nginx runs the shipped site file with only its replica addresses, listen
port and log directory changed (harness.render_nginx_site refuses to run if
it cannot find exactly those), so what passes here is what IT deploys.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import http.client
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit

from behaviours.documents.site import export_site
from behaviours.pack.loader import load_pack
from ui import note_actions

from .harness import (
    NGINX_SITE_CONF,
    NginxProxy,
    StreamlitServer,
    expect,
    free_port,
    http_get,
    open_app,
    require_nginx,
    start_nginx,
    start_streamlit,
)

pytestmark = pytest.mark.timeout(90)

IMMEDIATE_DANGER = re.compile(r"immediate danger\W+call\W*999", re.IGNORECASE)
HEALTHCHECK = NGINX_SITE_CONF.parent / "healthcheck.py"
REPLICA_COOKIE = re.compile(r"^tlr_replica=([0-9a-f]{32}); Path=/; HttpOnly; Secure; SameSite=Lax$")


@pytest.fixture(scope="module")
def replicas(app_server: StreamlitServer, server_log_dir: Path) -> Iterator[list[StreamlitServer]]:
    """Two app servers: the session's own and a second one like it."""
    require_nginx()  # before starting anything, so a skip costs nothing
    second = start_streamlit(server_log_dir, name="replica2")
    try:
        yield [app_server, second]
    finally:
        second.stop()


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline reference exported from the shipped pack, as the Dockerfile builds it."""
    out = tmp_path_factory.mktemp("offline")
    export_site(load_pack(), out, dt.date(2026, 11, 30))
    return out


@pytest.fixture(scope="module")
def proxy(
    replicas: list[StreamlitServer], offline_copy: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NginxProxy]:
    nginx = start_nginx(
        tmp_path_factory.mktemp("nginx"), upstream_ports=[r.port for r in replicas], offline_dir=offline_copy
    )
    try:
        yield nginx
    finally:
        nginx.stop()


def access_log_lines(proxy: NginxProxy) -> list[str]:
    return proxy.access_log.read_text(encoding="utf-8").splitlines() if proxy.access_log.exists() else []


def upstream_of(line: str) -> str:
    match = re.search(r"\bupstream=(\S+)", line)
    assert match, line
    return match.group(1)


def test_app_works_through_the_proxy_over_its_websocket(page, proxy, replicas, console_errors):
    websockets: list[str] = []
    page.on("websocket", lambda ws: websockets.append(ws.url))

    # The query string stands in for an age and search words a user typed.
    open_app(page, proxy.url, "/?age=7&q=pineapple-proxy-marker")

    # The script's output only arrives over the WebSocket, through nginx.
    expect(page.get_by_text(IMMEDIATE_DANGER).first).to_be_visible()
    assert websockets == [f"ws://127.0.0.1:{proxy.port}/_stcore/stream"]
    # The CSP refuses nothing the app needs (and the app asks for nothing
    # from other hosts, which the CSP would refuse).
    refused = [e for e in console_errors if "Content Security Policy" in e]
    assert refused == [], "\n".join(refused)

    # Sticky sessions: the browser got a replica cookie, and every request
    # that carried it, the WebSocket included, reached the same replica.
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert REPLICA_COOKIE.fullmatch(
        f"tlr_replica={cookies['tlr_replica']['value']}; Path=/; HttpOnly; Secure; SameSite=Lax"
    )
    # nginx logs a WebSocket when it closes, so close the tab first.
    page.close()
    lines = wait_for_log_line_matching(proxy, '"GET /_stcore/stream" 101 ')
    with_cookie = [line for line in lines if "route=cookie" in line]
    assert any('"GET /_stcore/stream" 101 ' in line for line in with_cookie), "\n".join(lines)
    assert len({upstream_of(line) for line in with_cookie}) == 1, "\n".join(with_cookie)

    # Privacy: the query string is in no log, neither nginx's nor the apps'.
    assert "pineapple-proxy-marker" not in proxy.logs()
    for replica in replicas:
        assert "pineapple-proxy-marker" not in replica.output()


def test_html_response_carries_the_security_headers(proxy):
    response = http_get(f"{proxy.url}/?age=7")

    assert response.status == 200
    assert '<div id="root">' in response.text
    csp = response.header("Content-Security-Policy") or ""
    for directive in (
        "default-src 'self'",
        "script-src 'self' 'sha256-",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp, csp
    assert "'unsafe-eval'" not in csp
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "no-referrer"
    assert response.header("X-Frame-Options") == "DENY"
    assert "camera=()" in (response.header("Permissions-Policy") or "")
    assert response.header("Server") == "nginx"  # server_tokens off: no version
    assert REPLICA_COOKIE.fullmatch(response.header("Set-Cookie") or "")


def test_the_offline_reference_is_served_beside_the_app(proxy):
    shipped = load_pack()
    index = http_get(f"{proxy.url}/offline/")
    assert index.status == 200
    assert (index.header("Content-Type") or "").startswith("text/html")
    assert shipped.info.name in index.text
    # The server's security headers apply here too.
    assert "default-src 'self'" in (index.header("Content-Security-Policy") or "")
    assert index.header("X-Frame-Options") == "DENY"
    band = shipped.bands[0]
    page = http_get(f"{proxy.url}/offline/band-{band.id}.html")
    assert page.status == 200
    assert " ".join(band.behaviours[0].text.split()) in " ".join(html.unescape(page.text).split())
    assert http_get(f"{proxy.url}/offline/no-such-page.html").status == 404


def test_cookie_is_issued_only_once(proxy):
    first = http_get(f"{proxy.url}/")
    value = REPLICA_COOKIE.fullmatch(first.header("Set-Cookie") or "")
    assert value

    again = http_get(f"{proxy.url}/", headers={"Cookie": f"tlr_replica={value.group(1)}"})

    assert again.header("Set-Cookie") is None
    # A forged or damaged cookie is replaced, not trusted.
    forged = http_get(f"{proxy.url}/", headers={"Cookie": "tlr_replica=../../etc"})
    assert REPLICA_COOKIE.fullmatch(forged.header("Set-Cookie") or "")


def test_health_answers_through_the_proxy(proxy):
    response = http_get(f"{proxy.url}/_stcore/health")

    assert (response.status, response.text) == (200, "ok")
    assert response.header("X-Content-Type-Options") == "nosniff"


def test_each_browser_sticks_to_one_replica_and_browsers_spread_over_both(proxy, replicas):
    replica_addresses = {f"127.0.0.1:{r.port}" for r in replicas}
    seen: dict[str, set[str]] = {}
    for _browser in range(24):
        cookie = secrets.token_hex(16)
        for request in range(3):
            # A path of its own names this request's log line, so a late line from an
            # earlier request can never be mistaken for it.
            path = f"/sticky-check-{cookie}-{request}"
            response = http_get(f"{proxy.url}{path}", headers={"Cookie": f"tlr_replica={cookie}"})
            assert response.status in (200, 404), (response.status, response.text[:200])
            logged = f'{path}"'  # the log writes "METHOD path" with the path's closing quote
            line = next(line for line in wait_for_log_line_matching(proxy, logged) if logged in line)
            assert "route=cookie" in line, line
            seen.setdefault(cookie, set()).add(upstream_of(line))

    assert all(len(upstreams) == 1 for upstreams in seen.values()), seen
    assert set().union(*seen.values()) == replica_addresses


def test_metrics_are_not_served_to_the_public(proxy, replicas):
    assert http_get(f"{replicas[0].url}/_stcore/metrics").status == 200  # the replica has them
    blocked = http_get(f"{proxy.url}/_stcore/metrics")

    assert blocked.status == 404
    assert blocked.header("X-Frame-Options") == "DENY"  # headers on errors too ("always")


def test_oversized_request_body_is_refused(proxy):
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=5)
    try:
        connection.putrequest("PUT", "/_stcore/upload_file/session/file")
        connection.putheader("Content-Length", str(2 * 1024 * 1024))
        connection.endheaders()
        status = connection.getresponse().status
    finally:
        connection.close()

    assert status == 413


def test_container_healthcheck_passes_only_while_the_app_answers(app_server):
    def healthcheck(port: int) -> int:
        env = {"PATH": os.environ.get("PATH", ""), "STREAMLIT_SERVER_PORT": str(port)}
        return subprocess.run([sys.executable, str(HEALTHCHECK)], env=env, capture_output=True, timeout=20).returncode

    assert healthcheck(app_server.port) == 0
    assert healthcheck(free_port()) == 1  # nothing listening there


def test_csp_allows_exactly_the_inline_scripts_of_the_installed_streamlit():
    # Streamlit's index.html has one inline script; the CSP allows it by hash, and the case note's
    # copy/save script (ui/note_actions.py) too. A change to either fails here: put the new hash in
    # deploy/nginx.conf.
    index_html = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", index_html, flags=re.S)
    expected = {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in inline_scripts
    } | {note_actions.script_hash()}
    csp_line = next(line for line in NGINX_SITE_CONF.read_text().splitlines() if 'Content-Security-Policy "' in line)
    shipped = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp_line))

    assert shipped == expected, f"streamlit {streamlit.__version__} needs {sorted(expected)} in deploy/nginx.conf"


def wait_for_log_line_matching(proxy: NginxProxy, text: str, *, timeout: float = 10) -> list[str]:
    """The whole access log, once some line in it contains `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = access_log_lines(proxy)
        if any(text in line for line in lines):
            return lines
        time.sleep(0.05)
    raise AssertionError(f"no access-log line with {text!r} within {timeout}s:\n" + "\n".join(access_log_lines(proxy)))
