"""Fixtures shared by every test folder (tests/ and bench/tests)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Any]:
    """One sync Playwright for the whole run: a second one in the same process fails while this one runs."""
    from tests.browser.harness import require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    manager = sync_playwright()
    playwright = manager.start()
    try:
        yield playwright
    finally:
        manager.__exit__(None, None, None)
