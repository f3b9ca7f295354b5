"""Live training rooms in Chromium: two replicas behind the shipped nginx.conf, sharing a real Redis.

The trainer's browser is pinned to one replica and three participants' phones to the
other (each browser context carries a tlr_replica cookie that nginx hashes to that
replica, found the way test_proxy.py finds it: from nginx's access log). Every vote
reaches the trainer only through Redis.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from behaviours.pack.loader import load_pack
from behaviours.training.room_store import RedisStore
from behaviours.training.rooms import Choice, ItemKind, Room, hash_key, new_code, new_token, room_items
from bench.room_admission import vote_stuffing
from tests.helpers import SHIPPED_PACK
from tests.redis_server import RedisServer, start_redis

from .harness import (
    VIEWPORTS,
    NginxProxy,
    StreamlitServer,
    axe_violations,
    expect,
    format_violations,
    free_port,
    http_get,
    open_app,
    require_nginx,
    start_nginx,
    start_streamlit,
    wait_for_app,
)
from .test_proxy import upstream_of, wait_for_log_line_matching

pytestmark = pytest.mark.timeout(180)
# A participant's page polls every 1.5 s and the trainer's every second: allow a few polls.
POLL_WAIT_MS = 8_000


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def room_replicas(redis_server: RedisServer, server_log_dir: Path) -> Iterator[list[StreamlitServer]]:
    require_nginx()
    env = {"TRAFFIC_LIGHT_REDIS_URL": redis_server.url}
    started = []
    try:
        for name in ("rooms-a", "rooms-b"):
            started.append(start_streamlit(server_log_dir, env=env, name=name))
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def room_proxy(room_replicas: list[StreamlitServer], tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxProxy]:
    nginx = start_nginx(tmp_path_factory.mktemp("rooms-nginx"), upstream_ports=[r.port for r in room_replicas])
    try:
        yield nginx
    finally:
        nginx.stop()


def cookie_for(proxy: NginxProxy, replica: StreamlitServer) -> str:
    """A tlr_replica cookie value that nginx routes to this replica."""
    for _ in range(64):
        cookie = secrets.token_hex(16)
        path = f"/room-sticky-{cookie}"
        http_get(f"{proxy.url}{path}", headers={"Cookie": f"tlr_replica={cookie}"})
        logged = f'{path}"'
        line = next(line for line in wait_for_log_line_matching(proxy, logged) if logged in line)
        if upstream_of(line) == f"127.0.0.1:{replica.port}":
            return cookie
    raise AssertionError(f"no cookie routed to {replica.url}")


def pinned_page(browser: Any, proxy: NginxProxy, cookie: str, viewport: str) -> Any:
    """A browser of its own (a phone or the projector laptop) that nginx sends to one replica."""
    context = browser.new_context(
        **VIEWPORTS[viewport], locale="en-GB", timezone_id="Europe/London", service_workers="block"
    )
    context.set_default_timeout(15_000)
    # nginx marks its cookie Secure, which plain-HTTP tests cannot store; set the same value directly.
    context.add_cookies([{"name": "tlr_replica", "value": cookie, "url": proxy.url}])
    return context.new_page()


def wait_for_address(page: Any, pattern: str) -> str:
    """The page's address once it matches (Streamlit changes it in place, with no page load)."""
    page.wait_for_function("p => new RegExp(p).test(location.href)", arg=pattern, polling=50)
    return page.url


def start_room(page: Any, base: str) -> tuple[str, str]:
    open_app(page, base, "/room")
    page.get_by_role("button", name="Start the room").click()
    wait_for_address(page, r"/room\?room=[A-Z0-9]{6}&key=[0-9a-f]{32}$")
    wait_for_app(page)
    query = dict(part.split("=") for part in page.url.split("?", 1)[1].split("&"))
    return query["room"], query["key"]


def vote(page: Any, word: str) -> None:
    page.get_by_role("button", name=re.compile(rf"^{word}( \(your answer\))?$")).click()
    expect(page.get_by_role("button", name=f"{word} (your answer)")).to_be_visible(timeout=POLL_WAIT_MS)


def test_a_trainer_and_three_phones_on_two_replicas_share_one_room(browser, room_proxy, room_replicas):
    trainer_replica, phone_replica = room_replicas
    trainer = pinned_page(browser, room_proxy, cookie_for(room_proxy, trainer_replica), "projector")
    phone_cookie = cookie_for(room_proxy, phone_replica)
    phones = [pinned_page(browser, room_proxy, phone_cookie, "phone") for _ in range(3)]
    try:
        code, key = start_room(trainer, room_proxy.url)
        # The full address, as the phones reach it through the proxy.
        join = f"{room_proxy.url}/join?room={code}"
        expect(trainer.get_by_text(join, exact=True)).to_be_visible()
        expect(trainer.get_by_role("img", name=f"QR code that opens {join}")).to_be_visible()
        expect(trainer.get_by_text("Nobody has answered yet.")).to_be_visible()

        tokens = []
        for phone in phones:
            open_app(phone, room_proxy.url, f"/join?room={code}")
            wait_for_address(phone, rf"/join\?room={code}&p=[0-9a-f]{{48}}$")
            wait_for_app(phone)
            tokens.append(phone.url.rsplit("p=", 1)[1])
            assert key not in phone.content()  # the trainer key never reaches a participant
        assert len(set(tokens)) == 3
        for phone, word in zip(phones, ("Amber", "Amber", "Red"), strict=True):
            vote(phone, word)

        # The trainer's replica has none of these sessions: the count comes through Redis.
        expect(trainer.get_by_text("3 answered", exact=True)).to_be_visible(timeout=POLL_WAIT_MS)

        # Reconnect: the first phone reloads (new session), then opens its address on the other
        # replica (as if its replica died). Its answer is kept and never counted twice.
        phones[0].reload()
        wait_for_app(phones[0])
        expect(phones[0].get_by_role("button", name="Amber (your answer)")).to_be_visible()
        vote(phones[0], "Amber")
        moved = pinned_page(browser, room_proxy, cookie_for(room_proxy, trainer_replica), "phone")
        open_app(moved, room_proxy.url, phones[0].url.removeprefix(room_proxy.url))
        expect(moved.get_by_role("button", name="Amber (your answer)")).to_be_visible()
        vote(moved, "Red")  # a change replaces the answer: the phone says "Red (your answer)" once the store has it
        # The trainer still reads 3; after Reveal the spread (3 in all: Amber 1, Red 2) shows the change was
        # counted once, so no fixed wait for a poll is needed here.
        expect(trainer.get_by_text("3 answered", exact=True)).to_be_visible()

        # A trainer reload keeps the room (the key is in the trainer's own address).
        trainer.reload()
        wait_for_app(trainer)
        expect(trainer.get_by_text("3 answered", exact=True)).to_be_visible()

        trainer.get_by_role("button", name="Reveal").click()
        spread = trainer.get_by_text("The room's answers (3 in all)")
        expect(spread).to_be_visible(timeout=POLL_WAIT_MS)
        bars = trainer.locator("li", has_text=re.compile(r"^(Green|Amber|Red|Not sure)\b"))
        expect(bars).to_have_count(4)
        texts = [re.sub(r"\s+", " ", t).strip() for t in bars.all_inner_texts()]
        assert [t.split(" ")[0] for t in texts] == ["Green", "Amber", "Red", "Not"], texts
        assert "1 (33%)" in texts[1] and "2 (67%)" in texts[2], texts
        expect(trainer.get_by_text("The pack rates this:")).to_be_visible()
        for phone in phones[1:]:
            expect(phone.get_by_text("The pack rates this:")).to_be_visible(timeout=POLL_WAIT_MS)

        trainer.get_by_role("button", name="Next").click()
        for phone in phones[1:]:
            expect(phone.get_by_text("Item 2 of", exact=False)).to_be_visible(timeout=POLL_WAIT_MS)
            expect(phone.get_by_role("button", name="Green", exact=True)).to_be_visible()

        trainer.get_by_role("button", name="End the room").click()
        expect(phones[1].get_by_text("The trainer has ended this room.")).to_be_visible(timeout=POLL_WAIT_MS)
    finally:
        for page in [trainer, *phones]:
            page.context.close()

    # Neither the trainer key nor a participant token is in nginx's or the replicas' logs.
    logs = room_proxy.logs() + "".join(r.output() for r in room_replicas)
    assert key not in logs and not any(t in logs for t in tokens)


@pytest.mark.parametrize("viewport", ["phone", "projector"], indirect=True)
def test_join_and_trainer_pages_pass_axe(page, app_url, browser, viewport):
    code, _key = start_room(page, app_url)
    expect(page.get_by_text("Nobody has answered yet.")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "trainer, before voting: " + format_violations(violations)

    phone = browser.new_context(**VIEWPORTS[viewport], locale="en-GB").new_page()
    try:
        open_app(phone, app_url, "/join")
        violations = axe_violations(phone)
        assert not violations, "join form: " + format_violations(violations)
        open_app(phone, app_url, f"/join?room={code}")
        wait_for_address(phone, r"&p=[0-9a-f]{48}$")
        wait_for_app(phone)
        vote(phone, "Amber")
        violations = axe_violations(phone)
        assert not violations, "participant after voting: " + format_violations(violations)

        page.get_by_role("button", name="Reveal").click()
        expect(page.get_by_text("The room's answers (1 in all)")).to_be_visible(timeout=POLL_WAIT_MS)
        wait_for_app(page)
        violations = axe_violations(page)
        assert not violations, "trainer after reveal: " + format_violations(violations)
        expect(phone.get_by_text("The pack rates this:")).to_be_visible(timeout=POLL_WAIT_MS)
        violations = axe_violations(phone)
        assert not violations, "participant after reveal: " + format_violations(violations)
        for shown in (page, phone):  # nothing scrolls sideways, the long join address included
            width = shown.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], (shown.url, width)
    finally:
        phone.context.close()


def test_a_bad_code_gets_a_clear_message(page, app_url):
    open_app(page, app_url, "/join")
    page.get_by_label("Room code").fill("abc-23o")
    page.get_by_role("button", name="Join").click()
    wait_for_app(page)
    expect(page.get_by_text("That is not a room code.")).to_be_visible()
    page.get_by_label("Room code").fill("abc 234")
    page.get_by_role("button", name="Join").click()
    wait_for_app(page)
    expect(page.get_by_text("There is no room with that code.")).to_be_visible()


def test_with_redis_down_rooms_say_so_and_every_other_page_works(page, streamlit_server_factory):
    server = streamlit_server_factory(env={"TRAFFIC_LIGHT_REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    for path in ("/", "/search", "/training"):
        open_app(page, server.url, path)
        expect(page.get_by_text("Immediate danger").first).to_be_visible()
        expect(page.get_by_text("Live rooms are not available")).to_have_count(0)
    open_app(page, server.url, "/join?room=ABC234")
    expect(page.get_by_text("Live rooms are not available right now")).to_be_visible()
    open_app(page, server.url, "/room")
    page.get_by_role("button", name="Start the room").click()
    wait_for_app(page)
    expect(page.get_by_text("Live rooms are not available right now")).to_be_visible()


def test_one_websocket_stays_one_voter_however_many_tokens_it_sends(room_replicas, redis_server):
    """Issue 26, finding 1: 520 reruns of /join?room=CODE&p=<new token>, each pressing Red, counted 500 votes.

    Streamlit's own protocol over a real WebSocket to a replica on Redis (bench/ws_client.py):
    every rerun carries a token the client made up; the session stays one participant.
    """
    store = RedisStore(redis_server.url)
    try:
        code = new_code()
        band = load_pack(SHIPPED_PACK).bands[-1].id
        items = tuple(room_items(load_pack(SHIPPED_PACK), band, ItemKind.BEHAVIOUR, seed=1)[:3])
        assert store.create(Room(code=code, band=band, kind=ItemKind.BEHAVIOUR, items=items), hash_key(new_token()))
        done, _seconds, errors = vote_stuffing(room_replicas[0].url, code, 100, deadline=time.perf_counter() + 120)
        assert errors == [] and done == 100
        assert store.tally(code, 0).answered == 1
        assert store.tally(code, 0).count(Choice.RED) == 1
        assert store.joins(code, 0).total == 1
    finally:
        store.close()
