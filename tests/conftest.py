"""Shared fixtures: the packs tests load, and a clean pack choice for every test."""

import pytest

from tests.helpers import MINIMAL_PACK, SHIPPED_PACK


@pytest.fixture
def minimal_pack_dir():
    """The small valid pack under tests/fixtures: fast, and independent of content edits."""
    return MINIMAL_PACK


@pytest.fixture
def shipped_pack_dir():
    """The content pack the app ships with."""
    return SHIPPED_PACK


@pytest.fixture(autouse=True)
def _no_pack_override_leaks(monkeypatch):
    # A developer's own TRAFFIC_LIGHT_PACK must not change what the tests load.
    monkeypatch.delenv("TRAFFIC_LIGHT_PACK", raising=False)


# Every test runs at one fixed moment through the app's one clock, so the suite passes in any year
# (the shipped pack's warnings grow as contact dates age). A test that needs another moment sets it.
PINNED_NOW = "2026-12-06T12:00"


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_NOW", PINNED_NOW)
