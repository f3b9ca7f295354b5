"""Optional sign-in: open without [auth]; with it, signed-out users see only a sign-in
screen, and signed-in users outside the allowed domains are turned away."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import APP, visible_text

AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-secret-not-used",
        "client_id": "client",
        "client_secret": "secret",
        "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
    },
    "access": {"allowed_domains": ["shropshire.gov.uk"]},
}


@pytest.fixture(autouse=True)
def minimal_pack(monkeypatch, minimal_pack_dir):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(minimal_pack_dir))


def run_app(secrets=None, user=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if secrets:
        at.secrets.update(secrets)
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception
    return at


def test_without_auth_settings_the_app_is_open():
    at = run_app()
    text = visible_text(at)
    assert "Look up a behaviour by age" in text
    assert "Sign in" not in [b.label for b in at.button]


def test_signed_out_user_sees_only_the_sign_in_screen_and_999():
    at = run_app(AUTH, {"is_logged_in": False})
    text = visible_text(at)
    assert "Sign in with your work account" in text
    assert "999" in text
    assert "Look up a behaviour by age" not in text
    assert [b.label for b in at.button] == ["Sign in"]


def test_signed_in_user_from_an_allowed_domain_gets_the_app():
    at = run_app(AUTH, {"is_logged_in": True, "email": "dsl@shropshire.gov.uk", "name": "A DSL"})
    assert "Look up a behaviour by age" in visible_text(at)


def test_signed_in_user_from_another_domain_is_turned_away():
    at = run_app(AUTH, {"is_logged_in": True, "email": "someone@gmail.com"})
    text = visible_text(at)
    assert "not allowed to use this instance" in text
    assert "Look up a behaviour by age" not in text
    assert "Sign out" in [b.label for b in at.button]
