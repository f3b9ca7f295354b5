"""Sign-in is optional: without an [auth] section the app is open.

Signing in, refusal by e-mail domain and deep links before sign-in are tested
for real (a real OpenID Connect provider, two replicas, nginx, Chromium) in
tests/browser/test_signin.py, not by mocking st.user.
"""

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import APP, visible_text


@pytest.fixture(autouse=True)
def minimal_pack(monkeypatch, minimal_pack_dir):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(minimal_pack_dir))


def test_without_auth_settings_the_app_is_open():
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    text = visible_text(at)
    assert "Look up a behaviour by age" in text
    assert "Sign in" not in [b.label for b in at.button]
    assert "Sign out" not in [b.label for b in at.button]
