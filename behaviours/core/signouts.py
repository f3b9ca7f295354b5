"""Sign-ins the app still honours: a sign-out ends one everywhere, and none lasts past a working day.

Streamlit keeps who is signed in in a signed cookie (``_streamlit_user``) holding the
identity provider's ID-token claims. Deleting that cookie at sign-out does not stop a
copy of it from working: the signature is still good. So the app keeps a list of ended
sign-ins, keyed by a hash of claims that differ at every sign-in (issuer, subject, the
time it was issued, ``iat``, and the random ``nonce`` the app sent for that sign-in),
checked on every page run before anything is shown. With TRAFFIC_LIGHT_REDIS_URL set the
list is in Redis, so every replica sees a sign-out made on any of them; otherwise it is in
this process (one instance). An entry lives only as long as the sign-in could: after
SIGNIN_LIFETIME_SECONDS the sign-in is refused anyway.

Nothing here holds a name or an address: only a SHA-256 of the claims above.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Mapping
from enum import Enum

# A working day on a shared office computer: a sign-in older than this is refused and the
# person signs in again. Streamlit's own cookie lasts 30 days; deploy/serve.py shortens it
# to this, and this check holds whatever the cookie says (docs/deploy.md).
SIGNIN_LIFETIME_SECONDS = 10 * 60 * 60
REDIS_ENV = "TRAFFIC_LIGHT_REDIS_URL"
KEY_PREFIX = "tlr:signout:"
REDIS_TIMEOUT_SECONDS = 1.0

_LOGGER = logging.getLogger(__name__)


class SigninProblem(str, Enum):
    """Why a signed-in identity is not let in, each with the words the sign-in screen shows."""

    NONE = "none"
    ENDED = "ended"  # signed out, on any replica
    EXPIRED = "expired"  # older than a working day, or with no issue time
    UNVERIFIED = "unverified"  # the provider says the e-mail address is not verified

    @property
    def message(self) -> str:
        return _PROBLEM_MESSAGES[self]


_PROBLEM_MESSAGES = {
    SigninProblem.NONE: "",
    SigninProblem.ENDED: "You have signed out. Sign in again to use this tool.",
    SigninProblem.EXPIRED: "Your sign-in has ended after a working day. Sign in again to use this tool.",
    SigninProblem.UNVERIFIED: (
        "This account's e-mail address is not verified by your organisation's sign-in service, "
        "so it cannot be used here. Ask your IT team to verify it, or sign in with another work account."
    ),
}


def signin_key(claims: Mapping[str, object]) -> str | None:
    """A hash naming this one sign-in (not the person): None when the claims cannot name one."""
    subject, issued = claims.get("sub"), claims.get("iat")
    if not subject or issued is None:
        return None
    parts = (claims.get("iss", ""), subject, issued, claims.get("nonce", ""))
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def issued_at(claims: Mapping[str, object]) -> float | None:
    try:
        value = claims.get("iat")
        if value is None or isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return None
        return float(value)
    except (TypeError, ValueError):
        return None


def email_unverified(claims: Mapping[str, object]) -> bool:
    """True only when the provider says so (``email_verified: false``); a provider that sends no
    such claim (Entra ID by default) is trusted through its tenant instead (docs/deploy.md)."""
    value = claims.get("email_verified")
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def signin_problem(claims: Mapping[str, object], now: float, ended: bool) -> SigninProblem:
    """The rule app.py applies to every run of a signed-in session, before anything is shown."""
    if ended:
        return SigninProblem.ENDED
    issued = issued_at(claims)
    if issued is None or now - issued > SIGNIN_LIFETIME_SECONDS:
        return SigninProblem.EXPIRED
    if email_unverified(claims):
        return SigninProblem.UNVERIFIED
    return SigninProblem.NONE


def seconds_left(claims: Mapping[str, object], now: float) -> int:
    """How long a sign-out must be remembered: until the sign-in would have expired anyway."""
    issued = issued_at(claims)
    remaining = SIGNIN_LIFETIME_SECONDS if issued is None else issued + SIGNIN_LIFETIME_SECONDS - now
    return max(60, int(remaining) + 60)


def _app_clock() -> float:
    """Seconds since the epoch from the app's one clock."""
    from behaviours.core.clock import now

    return now().timestamp()


class SignOutList:
    """Ended sign-ins in this process: right for one instance, and the fallback for Redis."""

    description = "this server's memory (one instance only)"

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self._clock: Callable[[], float] = clock if clock is not None else _app_clock
        self._ended: dict[str, float] = {}
        self._lock = threading.Lock()

    def end(self, key: str, ttl_seconds: int) -> None:
        with self._lock:
            now = self._clock()
            if len(self._ended) > 10_000:  # bounded: forget the ones that would be refused anyway
                self._ended = {k: t for k, t in self._ended.items() if t > now}
            self._ended[key] = now + ttl_seconds

    def ended(self, key: str) -> bool:
        with self._lock:
            until = self._ended.get(key)
            return until is not None and until > self._clock()


class RedisSignOutList(SignOutList):
    """Ended sign-ins in Redis, seen by every replica; each one also kept here.

    When Redis cannot be reached, a replica still refuses the sign-outs made on it (kept in
    its memory) and logs a warning; it cannot see another replica's until Redis is back. The
    guidance stays available rather than every page failing with the shared store.
    """

    description = "Redis, shared by every replica"

    def __init__(self, url: str, clock: Callable[[], float] | None = None) -> None:
        super().__init__(clock)
        import redis

        self._errors: tuple[type[BaseException], ...] = (redis.exceptions.RedisError, OSError, ValueError)
        try:
            self._redis: redis.Redis | None = redis.Redis.from_url(
                url,
                decode_responses=True,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
            )
        except ValueError:
            _LOGGER.warning("%s is not a Redis address: sign-outs are kept on this replica only.", REDIS_ENV)
            self._redis = None

    def end(self, key: str, ttl_seconds: int) -> None:
        super().end(key, ttl_seconds)
        if self._redis is None:
            return
        try:
            self._redis.set(f"{KEY_PREFIX}{key}", "1", ex=ttl_seconds)
        except self._errors:
            _LOGGER.warning("Redis cannot be reached: this sign-out is kept on this replica only.")

    def ended(self, key: str) -> bool:
        if super().ended(key):
            return True
        if self._redis is None:
            return False
        try:
            return bool(self._redis.exists(f"{KEY_PREFIX}{key}"))
        except self._errors:
            _LOGGER.warning("Redis cannot be reached: only this replica's sign-outs are checked.")
            return False


def sign_outs_from_env(environ: Mapping[str, str] | None = None) -> SignOutList:
    """Redis when TRAFFIC_LIGHT_REDIS_URL is set, else this process's memory."""
    url = (environ if environ is not None else os.environ).get(REDIS_ENV, "").strip()
    return RedisSignOutList(url) if url else SignOutList()
