"""Debian's Chromium under Playwright, launched the one way the tests and the benchmarks share."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM_PATH = Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces for "only traffic to 127.0.0.1": any other host name
    # fails to resolve, so a stray font or analytics request fails fast
    # instead of waiting on a network the test machine does not have.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


def chromium_installed() -> bool:
    """True when Debian's Chromium is at CHROMIUM_PATH and can be run."""
    return CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def launch_chromium(playwright: Any) -> Any:
    """A headless Chromium Browser from a started Playwright (`sync_playwright().start()`)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True)
