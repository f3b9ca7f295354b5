"""Ended, expired and unverified sign-ins (behaviours/signouts.py), with the shared list in a real Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from behaviours.core.signouts import (
    RedisSignOutList,
    SigninProblem,
    SignOutList,
    email_unverified,
    seconds_left,
    sign_outs_from_env,
    signin_key,
    signin_problem,
)
from tests.browser.harness import free_port
from tests.redis_server import RedisServer, start_redis

SIGNED_IN_AT = 1_800_000_000.0
CLAIMS = {"iss": "https://login.example", "sub": "abc", "iat": int(SIGNED_IN_AT), "nonce": "n1", "email": "a@b.uk"}


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield server
    finally:
        server.stop()


def test_each_sign_in_has_its_own_key_and_it_names_no_one():
    key = signin_key(CLAIMS)
    assert key is not None and len(key) == 64 and "abc" not in key and "a@b.uk" not in key
    assert signin_key({**CLAIMS, "nonce": "n2"}) != key  # the same person signing in again
    assert signin_key({**CLAIMS, "iat": CLAIMS["iat"] + 1}) != key
    assert signin_key({"sub": "abc"}) is None and signin_key({"iat": 1}) is None


def test_a_sign_in_lasts_a_working_day_of_10_hours():
    assert signin_problem(CLAIMS, SIGNED_IN_AT + 10 * 3600, ended=False) is SigninProblem.NONE
    assert signin_problem(CLAIMS, SIGNED_IN_AT + 10 * 3600 + 1, ended=False) is SigninProblem.EXPIRED
    assert signin_problem({**CLAIMS, "iat": None}, SIGNED_IN_AT, ended=False) is SigninProblem.EXPIRED
    assert signin_problem(CLAIMS, SIGNED_IN_AT, ended=True) is SigninProblem.ENDED
    assert seconds_left(CLAIMS, SIGNED_IN_AT + 3600) == 9 * 3600 + 60


@pytest.mark.parametrize(
    ("verified", "refused"), [(False, True), ("false", True), (True, False), ("true", False), (None, False)]
)
def test_only_an_address_the_provider_calls_unverified_is_refused(verified, refused):
    claims = {**CLAIMS, "email_verified": verified} if verified is not None else CLAIMS
    assert email_unverified(claims) is refused
    expected = SigninProblem.UNVERIFIED if refused else SigninProblem.NONE
    assert signin_problem(claims, SIGNED_IN_AT + 60, ended=False) is expected


def test_the_words_on_the_sign_in_screen():
    assert SigninProblem.ENDED.message == "You have signed out. Sign in again to use this tool."
    assert "after a working day" in SigninProblem.EXPIRED.message
    assert "not verified" in SigninProblem.UNVERIFIED.message


def test_a_sign_out_is_remembered_until_the_sign_in_would_have_expired():
    clock = [SIGNED_IN_AT]
    ended = SignOutList(clock=lambda: clock[0])
    ended.end("k", ttl_seconds=120)
    assert ended.ended("k") and not ended.ended("other")
    clock[0] += 121
    assert not ended.ended("k")


def test_a_sign_out_on_one_replica_is_seen_by_the_other_through_redis(redis_server):
    first, second = RedisSignOutList(redis_server.url), RedisSignOutList(redis_server.url)
    key = signin_key(CLAIMS)
    assert key is not None and not second.ended(key)
    first.end(key, ttl_seconds=600)
    assert second.ended(key)
    import redis

    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    assert 0 < client.ttl(f"tlr:signout:{key}") <= 600
    assert isinstance(sign_outs_from_env({"TRAFFIC_LIGHT_REDIS_URL": redis_server.url}), RedisSignOutList)
    assert type(sign_outs_from_env({})) is SignOutList


def test_with_redis_down_a_replica_still_refuses_its_own_sign_outs():
    down = RedisSignOutList(f"redis://127.0.0.1:{free_port()}/0")
    down.end("mine", ttl_seconds=600)
    assert down.ended("mine")
    assert not down.ended("another replica's")
