"""Helpers for AppTest page tests: read a page the way a person reads it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

_TEXT_ELEMENTS = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success")


def visible_text(at: AppTest) -> str:
    """Every piece of text a person reads on the page, joined, with md()'s backslash-escapes removed."""
    parts: list[str] = []
    for kind in _TEXT_ELEMENTS:
        parts.extend(str(element.value) for element in getattr(at, kind))
    parts.extend(str(expander.label) for expander in at.expander)
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


# The jump-link target some sections' Markdown opens with (HTML that no one reads: a level's list, who to call).
_ANCHOR = re.compile(r'\A<div id="[^"]*" class="tlr-anchor[^"]*"(?: tabindex="-1")?></div>\n\n')


def markdown_body(text: str) -> str:
    """A Markdown element's source without the jump-link target it may open with: the section's own words."""
    return _ANCHOR.sub("", text)


REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "app.py")
MINIMAL_PACK = REPO / "tests" / "fixtures" / "packs" / "minimal"
SHIPPED_PACK = REPO / "behaviours" / "content"


def open_page(
    page: str | None = None,
    params: Mapping[str, str | list[str]] | None = None,
    /,
    *,
    timeout: float = 60,
    **query: str | list[str],
) -> AppTest:
    """Run the app as a browser opens ``/page?params``, and fail the test if the run raised.

    ``page`` is a page name ("lookup") or file ("pages/lookup.py"); None opens
    the default page. Parameters come as a mapping, as keywords, or both; a
    list value repeats the key (``?age=1&age=2``).

        open_page("lookup", age="9")
        open_page("pages/search.py", {"q": "sexting"})
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    for name, value in {**(params or {}), **query}.items():
        at.query_params[name] = value
    if page:
        at.switch_page(page if page.endswith(".py") else f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def main_text(at: AppTest) -> str:
    """Like visible_text, but only the page's main area: the sidebar's always-visible panel is left out."""
    parts: list[str] = []
    for kind in _TEXT_ELEMENTS:
        parts.extend(str(element.value) for element in getattr(at.main, kind))
    parts.extend(str(expander.label) for expander in at.main.expander)
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def note_data(at: AppTest) -> dict | None:
    """What the case page's note frame holds (text, file stem, PDF as base64), or None if it is not shown."""
    import json

    frames = [element.proto.srcdoc for element in at.main.get("iframe") if 'id="note-data"' in element.proto.srcdoc]
    if not frames:
        return None
    assert len(frames) == 1
    found = re.search(r'<script type="application/json" id="note-data">(.*?)</script>', frames[0], flags=re.S)
    assert found
    return json.loads(found.group(1))
