"""What a person waits for in real Chromium: page open until the words show, click until the answer shows.

Playwright drives Debian's Chromium (/usr/bin/chromium; nothing is
downloaded) against a real `streamlit run` server on a free loopback port.
Each target is compared in the same run with the bare hello app (the floor
for any Streamlit page) and a static HTML page (the floor for any web page).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright

from bench.baselines.neutral_text import neutral_paragraphs
from bench.baselines.static_page import serve_static_page
from bench.report import CHROMIUM_PATH, Row
from bench.stats import summarise
from bench.streamlit_server import StreamlitServer

BASELINES = Path(__file__).resolve().parent / "baselines"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATIC_TITLE = "Static baseline page"


@dataclass(frozen=True)
class BrowserInteraction:
    """Something a person does on the page, and the words that show it worked.

    `prepare(page, i)` runs untimed (typing an age); the clock then starts at
    `act(page, i)` (pressing Enter) and stops when `expect_text(i)` is
    visible. That text must appear only once the app has answered, so it
    must differ from one repetition to the next.
    """

    name: str
    act: Callable[[Page, int], object]
    expect_text: Callable[[int], str]
    prepare: Callable[[Page, int], object] | None = None


@dataclass(frozen=True)
class BrowserTarget:
    """A page to open: which script serves it, its URL path, and what shows it is ready.

    `path` follows the server's root, e.g. "lookup?age=7" for a multipage
    app. Ready means `ready_text` is visible (or `ready_selector`, a
    Playwright selector, when given).
    """

    name: str
    script: Path | None
    ready_text: str
    path: str = ""
    ready_selector: str | None = None
    interactions: Sequence[BrowserInteraction] = ()
    env: Mapping[str, str] = field(default_factory=dict)


def number_input_interaction(
    name: str,
    label: str,
    value_for: Callable[[int], float],
    expect_text: Callable[[int], str],
) -> BrowserInteraction:
    """Type `value_for(i)` into the number input labelled `label`, then time Enter until `expect_text(i)` shows."""

    def prepare(page: Page, repetition: int) -> None:
        page.get_by_label(label).fill(str(value_for(repetition)))

    def act(page: Page, repetition: int) -> None:
        page.get_by_label(label).press("Enter")

    return BrowserInteraction(name=name, act=act, expect_text=expect_text, prepare=prepare)


def _ready_locator(page: Page, target: BrowserTarget) -> Locator:
    if target.ready_selector:
        return page.locator(target.ready_selector).first
    return page.get_by_text(target.ready_text).first


def _open(page: Page, url: str, target: BrowserTarget, timeout_ms: float) -> float:
    started = time.perf_counter()
    # "commit" returns as soon as the response starts, so the wait below is
    # what times the page: until the words are visible, not until "load".
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    _ready_locator(page, target).wait_for(state="visible", timeout=timeout_ms)
    return time.perf_counter() - started


def time_page(
    browser: Browser,
    base_url: str,
    target: BrowserTarget,
    repeats: int,
    warmup: int,
    timeout_s: float = 30.0,
    screenshot_dir: Path | None = None,
) -> list[Row]:
    """Time opening the page cold and warm, then each interaction, for one target.

    Cold: a new browser context each time (empty cache, new session), as a
    first visit. Warm: new pages in one context, as a person coming back.
    """
    if repeats < 1 or warmup < 0:
        raise ValueError("repeats must be at least 1 and warmup not negative")
    timeout_ms = timeout_s * 1000
    url = f"{base_url.rstrip('/')}/{target.path.lstrip('/')}" if target.path else base_url
    rows = []

    cold = []
    for repetition in range(warmup + repeats):
        context = browser.new_context()
        try:
            elapsed = _open(context.new_page(), url, target, timeout_ms)
        finally:
            context.close()
        if repetition >= warmup:
            cold.append(elapsed)
    rows.append(Row("browser", target.name, "open, new context", summarise(cold)))

    context = browser.new_context()
    try:
        warm = []
        page: Page | None = None
        for repetition in range(warmup + repeats):
            if page is not None:
                page.close()
            page = context.new_page()
            elapsed = _open(page, url, target, timeout_ms)
            if repetition >= warmup:
                warm.append(elapsed)
        assert page is not None  # there was at least one repetition
        rows.append(Row("browser", target.name, "open, warm cache", summarise(warm)))
        if screenshot_dir is not None:
            screenshot_dir.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot_dir / f"{target.name}.png"), full_page=False)

        for interaction in target.interactions:
            samples = []
            for repetition in range(warmup + repeats):
                expected = page.get_by_text(interaction.expect_text(repetition)).first
                if interaction.prepare is not None:
                    interaction.prepare(page, repetition)
                started = time.perf_counter()
                interaction.act(page, repetition)
                expected.wait_for(state="visible", timeout=timeout_ms)
                elapsed = time.perf_counter() - started
                if repetition >= warmup:
                    samples.append(elapsed)
            rows.append(Row("browser", target.name, interaction.name, summarise(samples)))
    finally:
        context.close()
    return rows


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium under Playwright, closed afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


HELLO_TARGET = BrowserTarget(name="hello_app", script=BASELINES / "hello_app.py", ready_text="Hello")


def measure_browser(
    targets: Sequence[BrowserTarget],
    repeats: int,
    warmup: int,
    timeout_s: float = 30.0,
    static_elements: int = 60,
    screenshot_dir: Path | None = None,
) -> list[Row]:
    """Time every target, the hello app and a static page in one browser; ratios on opening.

    The static page holds `static_elements` paragraphs of neutral text and is
    ready when its heading shows. Interactions have no baseline row: neither
    floor has a widget to answer.
    """
    rows: list[Row] = []
    baselines: dict[str, dict[str, Row]] = {}
    with chromium() as browser:
        with serve_static_page(neutral_paragraphs(static_elements), title=STATIC_TITLE) as static_url:
            static = BrowserTarget(name=f"static_page[{static_elements}]", script=None, ready_text=STATIC_TITLE)
            static_rows = time_page(browser, static_url, static, repeats, warmup, timeout_s, screenshot_dir)
        baselines["static"] = {row.measure: row for row in static_rows}
        with StreamlitServer(HELLO_TARGET.script) as server:
            hello_rows = time_page(browser, server.url, HELLO_TARGET, repeats, warmup, timeout_s, screenshot_dir)
        baselines["hello"] = {row.measure: row for row in hello_rows}

        for target in targets:
            if target.script is None:
                raise ValueError(f"{target.name}: a Streamlit target needs its script")
            try:
                with StreamlitServer(target.script, env=target.env) as server:
                    target_rows = time_page(browser, server.url, target, repeats, warmup, timeout_s, screenshot_dir)
            except Exception as error:  # one broken page must not hide the others' figures
                rows.append(Row("browser", target.name, "all", None, note=f"FAILED: {error}"))
                continue
            for row in target_rows:
                for label, measures in baselines.items():
                    row.compare_with(label, measures.get(row.measure))
            rows.extend(target_rows)
    return [*rows, *hello_rows, *static_rows]
