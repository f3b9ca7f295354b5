"""What a person waits for in real Chromium: page open until the words show, click until the answer shows.

Playwright drives Debian's Chromium (/usr/bin/chromium; nothing is
downloaded) against a real `streamlit run` server on a free loopback port.
Each target is compared in the same run with the bare hello app (the floor
for any Streamlit page), a static HTML page (the floor for any web page; with
the target's own words when it gives them), and optionally a bare Streamlit
page of its own (`baseline`, e.g. a number input and a heading, for the
interactions the other two cannot do).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright

from bench.baselines.neutral_text import neutral_paragraphs
from bench.baselines.static_page import Block, serve_static_page
from bench.report import Row
from bench.stats import summarise
from bench.streamlit_server import StreamlitServer, machine_busy_percent, machine_cpu_ticks
from devharness.chromium import launch_chromium

BASELINES = Path(__file__).resolve().parent / "baselines"
STATIC_TITLE = "Static baseline page"


@dataclass(frozen=True)
class BrowserInteraction:
    """Something a person does on the page, and the words that show it worked.

    `prepare(page, i)` runs untimed (typing an age); the clock then starts at
    `act(page, i)` (pressing Enter) and stops when `expect_text(i)` is
    visible. That text must appear only once the app has answered, so it
    must differ from one repetition to the next. With `exact` (the default)
    an element's whole text must be `expect_text(i)`, so waiting for "Band
    for age 1" is not satisfied by a stale "Band for age 17".
    """

    name: str
    act: Callable[[Page, int], object]
    expect_text: Callable[[int], str]
    prepare: Callable[[Page, int], object] | None = None
    exact: bool = True


@dataclass(frozen=True)
class BrowserTarget:
    """A page to open: which script serves it, its URL path, and what shows it is ready.

    `path` follows the server's root, e.g. "lookup?age=7" for a multipage
    app. Ready means `ready_text` is visible (or `ready_selector`, a
    Playwright selector, when given).

    `static_blocks` are the page's words for the static baseline page (which
    is then ready when `ready_text` shows, as the target is); without them
    the static page holds neutral paragraphs. `baseline` is a Streamlit page
    timed in the same browser right after the target and compared with it
    on every measure of the same name, as "bare".
    """

    name: str
    script: Path | None
    ready_text: str
    path: str = ""
    ready_selector: str | None = None
    interactions: Sequence[BrowserInteraction] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    static_blocks: Sequence[Block] = ()
    baseline: BrowserTarget | None = None


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


def busy_figure(since: tuple[int, int]) -> dict[str, float]:
    """How busy the whole machine was since `since` (browser, server and anyone else's work)."""
    return {"machine busy %": machine_busy_percent(since, machine_cpu_ticks())}


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


def _url(base_url: str, target: BrowserTarget) -> str:
    return f"{base_url.rstrip('/')}/{target.path.lstrip('/')}" if target.path else base_url


def _interact(page: Page, interaction: BrowserInteraction, repetition: int, timeout_ms: float) -> float:
    expected = page.get_by_text(interaction.expect_text(repetition), exact=interaction.exact).first
    if interaction.prepare is not None:
        interaction.prepare(page, repetition)
    started = time.perf_counter()
    interaction.act(page, repetition)
    expected.wait_for(state="visible", timeout=timeout_ms)
    return time.perf_counter() - started


def time_pages(
    browser: Browser,
    pages: Sequence[tuple[BrowserTarget, str]],
    repeats: int,
    warmup: int,
    timeout_s: float = 30.0,
    screenshot_dir: Path | None = None,
) -> list[list[Row]]:
    """Time opening each page cold and warm, then its interactions; one list of rows per page.

    `pages` are (target, base URL) pairs. Every repetition does the same thing
    to each page in turn, so a burst of other work on this shared machine
    falls on the target and its baselines alike. Cold: a new browser context
    each time (empty cache, new session), as a first visit. Warm: new pages in
    one context per target, as a person coming back. An interaction is timed
    on the page left open by the warm loop.
    """
    if repeats < 1 or warmup < 0:
        raise ValueError("repeats must be at least 1 and warmup not negative")
    timeout_ms = timeout_s * 1000
    rows: list[list[Row]] = [[] for _ in pages]

    def record(index: int, measure: str, samples: list[float], busy_since: tuple[int, int]) -> None:
        rows[index].append(
            Row("browser", pages[index][0].name, measure, summarise(samples), figures=busy_figure(busy_since))
        )

    cold: list[list[float]] = [[] for _ in pages]
    busy_since = machine_cpu_ticks()
    for repetition in range(warmup + repeats):
        for index, (target, base_url) in enumerate(pages):
            context = browser.new_context()
            try:
                elapsed = _open(context.new_page(), _url(base_url, target), target, timeout_ms)
            finally:
                context.close()
            if repetition >= warmup:
                cold[index].append(elapsed)
    for index in range(len(pages)):
        record(index, "open, new context", cold[index], busy_since)

    contexts = [browser.new_context() for _ in pages]
    try:
        warm: list[list[float]] = [[] for _ in pages]
        opened: list[Page | None] = [None for _ in pages]
        busy_since = machine_cpu_ticks()
        for repetition in range(warmup + repeats):
            for index, (target, base_url) in enumerate(pages):
                if opened[index] is not None:
                    opened[index].close()
                opened[index] = contexts[index].new_page()
                elapsed = _open(opened[index], _url(base_url, target), target, timeout_ms)
                if repetition >= warmup:
                    warm[index].append(elapsed)
        for index, (target, _) in enumerate(pages):
            record(index, "open, warm cache", warm[index], busy_since)
            if screenshot_dir is not None:
                screenshot_dir.mkdir(parents=True, exist_ok=True)
                file_name = re.sub(r"[^A-Za-z0-9._-]+", "_", target.name).strip("_") or "page"
                opened[index].screenshot(path=str(screenshot_dir / f"{file_name}.png"), full_page=False)

        names = list(dict.fromkeys(i.name for target, _ in pages for i in target.interactions))
        for name in names:
            doing = [
                (index, next(i for i in target.interactions if i.name == name))
                for index, (target, _) in enumerate(pages)
                if any(i.name == name for i in target.interactions)
            ]
            samples: dict[int, list[float]] = {index: [] for index, _ in doing}
            busy_since = machine_cpu_ticks()
            for repetition in range(warmup + repeats):
                for index, interaction in doing:
                    elapsed = _interact(opened[index], interaction, repetition, timeout_ms)
                    if repetition >= warmup:
                        samples[index].append(elapsed)
            for index, _ in doing:
                record(index, name, samples[index], busy_since)
    finally:
        for context in contexts:
            context.close()
    return rows


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium under Playwright, closed afterwards."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


HELLO_TARGET = BrowserTarget(name="hello_app", script=BASELINES / "hello_app.py", ready_text="Hello")


def _static_blocks(target: BrowserTarget, static_elements: int) -> tuple[BrowserTarget, Sequence[Block]]:
    """The static page for a target: its own words when it gives them, else neutral paragraphs."""
    if target.static_blocks:
        static = BrowserTarget(name="static page, same words", script=None, ready_text=target.ready_text)
        return static, target.static_blocks
    static = BrowserTarget(name=f"static_page[{static_elements}]", script=None, ready_text=STATIC_TITLE)
    return static, neutral_paragraphs(static_elements)


def _server(stack: ExitStack, target: BrowserTarget) -> str:
    if target.script is None:
        raise ValueError(f"{target.name}: a Streamlit target needs its script")
    return stack.enter_context(StreamlitServer(target.script, env=target.env)).url


def measure_browser(
    targets: Sequence[BrowserTarget],
    repeats: int,
    warmup: int,
    timeout_s: float = 30.0,
    static_elements: int = 60,
    screenshot_dir: Path | None = None,
) -> list[Row]:
    """Time every target beside its baselines in one browser; ratios to each baseline, measure by measure.

    Baselines, timed alternately with the target (see `time_pages`): the
    hello app (ready when "Hello" shows), a static page (see
    `_static_blocks`) and the target's own `baseline` page if it has one.
    Interactions are compared only with that last one: neither floor has a
    widget to answer.
    """
    rows: list[Row] = []
    baseline_rows: list[Row] = []
    with chromium() as browser:
        for target in targets:
            try:
                with ExitStack() as stack:
                    static, blocks = _static_blocks(target, static_elements)
                    pages = [
                        (target, _server(stack, target)),
                        (HELLO_TARGET, _server(stack, HELLO_TARGET)),
                        (static, stack.enter_context(serve_static_page(blocks, title=STATIC_TITLE))),
                    ]
                    labels = ["hello", "static"]
                    if target.baseline is not None:
                        pages.append((target.baseline, _server(stack, target.baseline)))
                        labels.append("bare")
                    measured = time_pages(browser, pages, repeats, warmup, timeout_s, screenshot_dir)
            except Exception as error:  # one broken page must not hide the others' figures
                rows.append(Row("browser", target.name, "all", None, note=f"FAILED: {error}"))
                continue
            target_rows, baselines = measured[0], measured[1:]
            for row in target_rows:
                for label, baseline in zip(labels, baselines, strict=True):
                    row.compare_with(label, next((b for b in baseline if b.measure == row.measure), None))
            rows.extend(target_rows)
            for baseline in baselines:
                if len(targets) > 1:  # each target has its own baseline rows: say whose
                    for row in baseline:
                        row.target = f"{row.target} (beside {target.name})"
                baseline_rows.extend(baseline)
    return [*rows, *baseline_rows]
