"""Typed text echoed in Markdown can never become a link (behaviours/text.md_typed).

Streamlit's Markdown (remark-gfm) links "http://", "https://", "www." and e-mail addresses in
plain text when the character before them is the start, a space or punctuation, after
backslash escapes are resolved. md_typed puts an invisible word joiner (not punctuation)
right before each, so none can start a link. tests/browser/test_search_echo_browser.py
checks the rendered page.
"""

from __future__ import annotations

import re

import pytest

from behaviours.core.text import WORD_JOINER, md, md_typed

LINK_STARTS = re.compile(r"https?:|www\.|@", re.IGNORECASE)


@pytest.mark.parametrize(
    "typed",
    ["https://evil.example/x", "HTTP://EVIL.EXAMPLE", "www.evil.example", "see (www.evil.example)", "a@evil.example"],
)
def test_an_address_typed_is_never_a_link(typed):
    shown = re.sub(r"\\(.)", r"\1", md_typed(typed))  # the text Markdown reads, escapes resolved
    starts = list(LINK_STARTS.finditer(shown))
    assert starts
    assert all(shown[m.start() - 1] == WORD_JOINER for m in starts), shown
    assert shown.replace(WORD_JOINER, "") == typed
    # md alone leaves them linkable: the character before is the start, a space or "(".
    plain = re.sub(r"\\(.)", r"\1", md(typed))
    assert any(m.start() == 0 or plain[m.start() - 1] in " (a" for m in LINK_STARTS.finditer(plain))


def test_ordinary_words_are_unchanged():
    assert md_typed("touching at school") == md("touching at school")
