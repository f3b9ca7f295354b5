"""The shipped server limits, on the real server: an oversized message from a client is refused and the
connection closed, while a page full of text within every box's max_chars works."""

from __future__ import annotations

import pytest

from bench.ws_client import SessionError, StreamlitSession

from .harness import http_get

pytestmark = pytest.mark.timeout(120)

DESCRIBE = "Describe the type of behaviour in a few words (no names)"
NOT_LISTED = "The behaviour I have in mind is not listed"


def _case_session(app_server) -> StreamlitSession:
    session = StreamlitSession(app_server.url, page_name="case")
    session.connect()
    session.load()
    session.set_value(NOT_LISTED, True)
    assert session.rerun().ok
    return session


def test_a_client_message_over_the_limit_is_refused_and_the_server_carries_on(app_server):
    session = _case_session(app_server)
    try:
        session.set_value(DESCRIBE, "x" * (2 * 1024 * 1024))  # 2 MiB into a 200-character box
        with pytest.raises(SessionError) as refused:
            session.rerun()
        assert refused.value.kind == "disconnect"
    finally:
        session.close()

    assert http_get(f"{app_server.url}/_stcore/health").text == "ok"
    # ...and a new session works at once.
    _case_session(app_server).close()


def test_a_message_under_the_limit_is_accepted(app_server):
    # Far more than any page sends (every box stops at 200 characters), and still under 1 MB.
    session = _case_session(app_server)
    try:
        session.set_value(DESCRIBE, "y" * 500_000)
        result = session.rerun()
        assert result.ok, (result.status, result.problems)
    finally:
        session.close()
