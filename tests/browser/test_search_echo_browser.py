"""Search echoes what was typed as plain text: an address typed into the box is never a link (issue 26)."""

from __future__ import annotations

import pytest

from .harness import expect, open_app, wait_for_app

TYPED = "https://evil.example/x www.evil.example someone@evil.example"


@pytest.mark.parametrize("words", [TYPED, "touching https://evil.example/x www.evil.example"])
def test_a_typed_address_is_echoed_as_words_not_a_link(page, app_url, words):
    open_app(page, app_url, "/search")
    box = page.get_by_role("textbox", name="Search words")
    box.fill(words)
    box.press("Enter")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("evil.example/x", exact=False).first).to_be_visible()
    hrefs = main.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert not [h for h in hrefs if "evil" in h], hrefs
    # The words read as typed (the joiner that stops linking is invisible and zero-width).
    shown = main.inner_text().replace("\u2060", "")
    assert "https://evil.example/x" in shown and "www.evil.example" in shown
