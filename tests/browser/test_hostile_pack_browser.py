"""A hostile content pack in the real browser: its HTML, scripts, links and directives show as text and do nothing.

The pack is tests/pages/test_hostile_input.py's: <script>, <img onerror>, javascript: and data: links,
Streamlit directives, a Markdown heading, and a 10,000-character descriptor, all in valid content.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pages.test_hostile_input import HOSTILE_TEXT, build_hostile_pack

from .harness import StreamlitServer, expect, open_app, start_streamlit, wait_for_app

pytestmark = pytest.mark.timeout(90)

TRACEBACK = '[data-testid="stException"]'
# Anything that could run or navigate: a script or handler the pack smuggled in, or a link out of the allowed schemes.
DANGEROUS_DOM = """() => {
    const bad = [];
    for (const a of document.querySelectorAll('a[href], area[href]')) {
        const href = a.getAttribute('href').trim().toLowerCase();
        if (/^(javascript|data|vbscript|file):/.test(href)) bad.push('link: ' + href.slice(0, 60));
    }
    for (const el of document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stSidebar"] *')) {
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push('element: ' + el.tagName);
        for (const attr of el.getAttributeNames()) {
            if (attr.startsWith('on')) bad.push('handler: ' + el.tagName + ' ' + attr);
        }
    }
    for (const img of document.querySelectorAll('img')) {
        if (img.getAttribute('src') === 'x') bad.push('img from the pack');
    }
    return bad;
}"""


@pytest.fixture(scope="module")
def hostile_server(server_log_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """One app server for the module, with the hostile pack."""
    pack_dir = build_hostile_pack(tmp_path_factory.mktemp("hostile-pack") / "hostile")
    server = start_streamlit(server_log_dir, env={"TRAFFIC_LIGHT_PACK": str(pack_dir)}, name="hostile")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def dialogs(page) -> list[str]:
    """Every alert, confirm or prompt the page tries to open (dismissed at once, and failed on later)."""
    opened: list[str] = []

    def on_dialog(dialog) -> None:
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return opened


def assert_inert(page, dialogs: list[str]) -> None:
    # Every image has loaded or failed (so an onerror would have fired, had one got in), and the page has
    # drawn two more frames (so would an inline script or handler).
    page.wait_for_function("() => Array.from(document.images).every(image => image.complete)")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert dialogs == []
    assert page.title() == "Traffic Light Reference"
    assert page.evaluate("document.title") != "pwned"
    assert page.evaluate(DANGEROUS_DOM) == []
    expect(page.locator(TRACEBACK)).to_have_count(0)


def test_the_band_view_shows_the_hostile_text_literally_and_stays_usable(page, hostile_server, dialogs):
    open_app(page, hostile_server.url, "/?band=0-9")

    main = page.get_by_test_id("stMain")
    for words in (HOSTILE_TEXT["script"], HOSTILE_TEXT["js_link"], HOSTILE_TEXT["image"], ":red[Fake red heading]"):
        expect(main.get_by_text(words, exact=False).first).to_be_visible()
    expect(main.get_by_role("heading", name="Not a heading")).to_have_count(0)
    expect(main.get_by_role("heading", name="Fake red heading")).to_have_count(0)
    expect(main.get_by_role("link", name="Call now")).to_have_count(0)
    assert_inert(page, dialogs)

    # The 10,000-character descriptor wraps inside its card: nothing scrolls sideways.
    sizes = page.evaluate("() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    assert sizes["scroll"] <= sizes["inner"] + 1, sizes
    long_item = main.locator("li", has_text="long long long").first
    box = long_item.bounding_box()
    assert box is not None and box["x"] + box["width"] <= sizes["inner"], box

    # The level filter still works.
    page.get_by_role("radiogroup", name="Show levels").get_by_text("Red", exact=True).click()
    expect(main.get_by_role("heading", name="Green: healthy and expected")).to_have_count(0, timeout=20_000)
    wait_for_app(page)
    expect(main.get_by_role("heading", name="Red: act today")).to_have_count(1)
    expect(main.get_by_role("heading", name="Amber: take notice")).to_have_count(0)
    expect(main.get_by_text(":red[Fake red heading]", exact=False).first).to_be_visible()
    assert_inert(page, dialogs)

    # Control: the DOM check does see such a link when one is really there.
    page.evaluate(
        """() => {
            const a = document.createElement('a');
            a.href = 'javascript:void(0)';
            a.textContent = 'planted';
            document.querySelector('[data-testid="stMain"]').appendChild(a);
        }"""
    )
    assert page.evaluate(DANGEROUS_DOM) == ["link: javascript:void(0)"]


@pytest.mark.parametrize(
    "path",
    [
        "/search?q=script",
        "/helplines",
        "/training?mode=facilitator&band=0-9",
        "/about",
    ],
)
def test_other_pages_stay_inert_with_the_hostile_pack(page, hostile_server, dialogs, path):
    open_app(page, hostile_server.url, path)

    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_inert(page, dialogs)
