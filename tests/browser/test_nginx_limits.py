"""The shipped deploy/nginx.conf against one greedy client, and for one training room behind NAT.

Everything here comes from 127.0.0.1, so the attacker, the health probes and
the "training room" all share one client address, as a council NAT would
make them. nginx runs with the main-context settings docs/deploy.md
recommends (worker_connections 4096); the site file is the shipped one.
Each test prints its figures (run with -s to see them).
"""

from __future__ import annotations

import contextlib
import http.client
import re
import selectors
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import NGINX_SITE_CONF, NginxProxy, StreamlitServer, open_app, require_nginx, start_nginx, start_streamlit

pytestmark = pytest.mark.timeout(120)

# The main context shipped beside the site file (deploy/nginx-main.conf).
_MAIN = (NGINX_SITE_CONF.parent / "nginx-main.conf").read_text(encoding="utf-8")
RECOMMENDED_WORKER_CONNECTIONS = int(re.search(r"^\s*worker_connections (\d+);", _MAIN, re.M)[1])
# Read from the shipped deploy/nginx.conf, so the test follows the file.
_SITE = NGINX_SITE_CONF.read_text(encoding="utf-8")
CONN_LIMIT_PER_ADDRESS = int(re.search(r"^\s*limit_conn traffic_light_conn_per_address (\d+);", _SITE, re.M)[1])
HEADER_TIMEOUT_S = int(re.search(r"^\s*client_header_timeout (\d+)s;", _SITE, re.M)[1])


@pytest.fixture(scope="module")
def limit_replicas(app_server: StreamlitServer, server_log_dir: Path) -> Iterator[list[StreamlitServer]]:
    require_nginx()
    second = start_streamlit(server_log_dir, name="limits2")
    try:
        yield [app_server, second]
    finally:
        second.stop()


@pytest.fixture(scope="module")
def limit_proxy(limit_replicas, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxProxy]:
    nginx = start_nginx(
        tmp_path_factory.mktemp("nginx-limits"),
        upstream_ports=[r.port for r in limit_replicas],
        worker_connections=RECOMMENDED_WORKER_CONNECTIONS,
    )
    try:
        yield nginx
    finally:
        nginx.stop()


class SlowClients(threading.Thread):
    """Opens up to `target` sockets, `rate` a second, each sending a request header that never ends.

    Every second each socket sends one more header line (the classic slow
    client). When nginx closes one, another is opened in its place, until
    `duration` seconds have passed or `max_total` sockets were opened; then
    it closes everything and stops by itself.
    """

    def __init__(self, port: int, *, target: int, rate: float, duration: float, max_total: int) -> None:
        super().__init__(name="slow-clients", daemon=True)
        self.port, self.target, self.rate, self.duration, self.max_total = port, target, rate, duration, max_total
        self.opened = 0
        self.open_failures = 0
        self.peak_open = 0
        self.lifetimes: list[float] = []  # seconds from open to nginx closing it

    def run(self) -> None:
        selector = selectors.DefaultSelector()
        started = time.monotonic()
        sockets: dict[socket.socket, float] = {}
        next_line = time.monotonic() + 1
        try:
            while (now := time.monotonic()) - started < self.duration:
                allowed = min(self.target, int((now - started) * self.rate) + 1)
                while len(sockets) < allowed and self.opened < self.max_total:
                    sock = socket.socket()
                    sock.settimeout(1)
                    try:
                        sock.connect(("127.0.0.1", self.port))
                        sock.sendall(b"GET /?slow=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    except OSError:
                        self.open_failures += 1
                        sock.close()
                        break
                    sock.setblocking(False)
                    sockets[sock] = time.monotonic()
                    selector.register(sock, selectors.EVENT_READ)
                    self.opened += 1
                self.peak_open = max(self.peak_open, len(sockets))
                for key, _ in selector.select(timeout=0.05):
                    sock = key.fileobj
                    try:
                        data = sock.recv(4096)
                    except OSError:
                        data = b""
                    if not data:  # closed by nginx
                        self.lifetimes.append(time.monotonic() - sockets.pop(sock))
                        selector.unregister(sock)
                        sock.close()
                if time.monotonic() >= next_line:
                    next_line += 1
                    for sock in list(sockets):
                        with contextlib.suppress(OSError):
                            sock.send(b"X-Slow: 1\r\n")
        finally:
            for sock in sockets:
                selector.unregister(sock)
                sock.close()
            selector.close()


def probe_health(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/_stcore/health")
        response = connection.getresponse()
        return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False
    finally:
        connection.close()


def test_health_probes_keep_passing_while_one_client_holds_1500_slow_connections(limit_proxy):
    attacker = SlowClients(limit_proxy.port, target=1500, rate=300, duration=20, max_total=9000)
    attacker.start()
    results: list[bool] = []
    while attacker.is_alive():
        results.append(probe_health(limit_proxy.port))
        attacker.join(timeout=0.1)  # a probe every tenth of a second until the attack ends

    passed = sum(results)
    rate = passed / len(results)
    lifetimes = sorted(attacker.lifetimes)
    median_life = lifetimes[len(lifetimes) // 2] if lifetimes else float("nan")
    print(
        f"\nslow clients: {attacker.opened} opened, peak {attacker.peak_open} open at once, "
        f"{attacker.open_failures} refused; nginx cut them off after a median {median_life:.1f} s; "
        f"health probes through nginx: {passed}/{len(results)} passed ({rate:.1%})"
    )
    assert attacker.peak_open >= 1500, "the test did not reach its 1,500 slow connections"
    assert rate >= 0.95
    # client_header_timeout did the cutting off (not the test ending).
    assert lifetimes, "nginx closed no slow connection"
    assert HEADER_TIMEOUT_S - 0.5 <= median_life <= HEADER_TIMEOUT_S + 3
    assert probe_health(limit_proxy.port)


def test_a_room_of_100_websockets_behind_one_address_all_connect(limit_proxy, page):
    import websocket

    # One real page load first: how many requests a browser makes to open the app.
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, limit_proxy.url, "/")
    page.close()

    connections: list[Any] = []
    started = time.monotonic()
    try:
        for _ in range(100):
            connections.append(
                websocket.create_connection(
                    f"ws://127.0.0.1:{limit_proxy.port}/_stcore/stream",
                    origin=limit_proxy.url,
                    subprotocols=["streamlit"],
                    timeout=10,
                )
            )
        elapsed = time.monotonic() - started
        # With all 100 open, the page and the health check still answer for the 101st person.
        assert probe_health(limit_proxy.port)
        connection = http.client.HTTPConnection("127.0.0.1", limit_proxy.port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        for ws in connections:
            ws.close()
    print(
        f"\none page load made {len(requests)} requests; 100 WebSockets from one address connected in {elapsed:.1f} s"
    )
    assert len(connections) == 100
    assert not any(status in limit_proxy.access_log.read_text() for status in ('" 429 ', '" 503 '))


def test_one_address_over_the_connection_limit_gets_a_clear_429(limit_proxy):
    # Requests whose header has arrived but whose body never comes: each holds
    # one of the address's connection slots until client_body_timeout.
    held: list[socket.socket] = []
    refused: list[bytes] = []
    try:
        for _ in range(CONN_LIMIT_PER_ADDRESS + 20):
            sock = socket.create_connection(("127.0.0.1", limit_proxy.port), timeout=5)
            sock.sendall(b"POST /hold HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n")
            held.append(sock)
        refused = _answers_to(held, expected=20, timeout=5)
    finally:
        for sock in held:
            sock.close()

    print(f"\n{len(held)} held requests from one address: {len(refused)} answered at once")
    assert 15 <= len(refused) <= 25, [r[:60] for r in refused]
    for data in refused:
        assert data.startswith(b"HTTP/1.1 429 "), data[:200]
        assert b"Too many requests from your network at once" in data
        assert b"call 999" in data
    # Once they are gone, the same address is served again.
    deadline = time.monotonic() + 5
    while not probe_health(limit_proxy.port):
        assert time.monotonic() < deadline, "the address was not served again within 5 s of closing its connections"
        time.sleep(0.05)


def _answers_to(held: list[socket.socket], *, expected: int, timeout: float) -> list[bytes]:
    """What nginx answered on the held connections: read as answers arrive, until `expected` have or `timeout`
    passes, then whatever else has arrived by then (so that more than expected is seen too)."""
    answers: dict[socket.socket, bytes] = {}
    with selectors.DefaultSelector() as waiting:
        for sock in held:
            waiting.register(sock, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        while len(answers) < expected and (left := deadline - time.monotonic()) > 0:
            for key, _ in waiting.select(left):
                sock = held[held.index(key.fileobj)]  # type: ignore[arg-type]  # selectors types fileobj loosely
                answers[sock] = sock.recv(4096)
                waiting.unregister(sock)
        for key, _ in waiting.select(0):
            sock = held[held.index(key.fileobj)]  # type: ignore[arg-type]  # as above
            answers[sock] = sock.recv(4096)
    return [data for data in answers.values() if data]
