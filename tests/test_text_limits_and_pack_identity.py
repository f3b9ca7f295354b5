"""Every free-text box has a length limit, and every page says which content pack is live."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from behaviours import load_pack
from behaviours.pack.identity import content_hash
from tests.helpers import MINIMAL_PACK, REPO, SHIPPED_PACK, main_text, open_page

PAGES = [
    "pages/lookup.py",
    "pages/search.py",
    "pages/case.py",
    "pages/training.py",
    "pages/helplines.py",
    "pages/about.py",
]
TEXT_WIDGETS = ("text_input", "text_area", "chat_input")
# A few more characters than a person needs; the box stops typing there and the server trims again.
LONGEST_ALLOWED = 500


def _text_widgets(at):
    return [widget for kind in TEXT_WIDGETS for widget in at.get(kind)]


def _open_every_box(page: str, at):
    """Switch on what shows a page's conditional boxes (the case page's 'not listed' description)."""
    if page == "pages/case.py":
        at.checkbox(key="case_not_listed").check().run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_text_box_on_every_page_has_a_max_chars(page):
    at = _open_every_box(page, open_page(page))

    assert not at.exception
    for widget in _text_widgets(at):
        assert 0 < widget.proto.max_chars <= LONGEST_ALLOWED, (page, widget.label, widget.proto.max_chars)


def test_the_case_page_control_finds_its_text_box():
    # The check above means something only if it sees the boxes it is meant to check.
    at = _open_every_box("pages/case.py", open_page("pages/case.py"))
    # The description of a behaviour not listed, and the note's factual account.
    assert [w.key for w in _text_widgets(at)] == ["case_not_listed_text", "case_account"]
    assert len(_text_widgets(open_page("pages/search.py"))) == 1


def test_every_text_box_in_the_code_has_a_max_chars():
    # Catches a box the page tests never reach (behind a switch or a rare state).
    missing = []
    for path in [*REPO.joinpath("pages").glob("*.py"), *REPO.joinpath("ui").glob("*.py"), REPO / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text_box = isinstance(node, ast.Call) and getattr(node.func, "attr", None) in TEXT_WIDGETS
            if is_text_box and not any(keyword.arg == "max_chars" for keyword in node.keywords):
                missing.append(f"{Path(path).relative_to(REPO)}:{node.lineno}")
    assert missing == []


@pytest.mark.parametrize("page", PAGES)
def test_every_page_names_the_live_content_pack_at_the_foot_of_the_frame(page):
    shipped = load_pack(SHIPPED_PACK)
    label = f"Content pack: {shipped.info.name} {shipped.info.version} ({content_hash(SHIPPED_PACK)})"

    at = open_page(page)

    assert not at.exception
    footer = at.sidebar.markdown[-1].value
    assert footer.startswith(":gray[")
    assert label in re.sub(r"\\(.)", r"\1", footer)


def test_about_names_the_live_pack(monkeypatch):
    monkeypatch.setenv("TRAFFIC_LIGHT_PACK", str(MINIMAL_PACK))
    at = open_page("pages/about.py")

    text = main_text(at)
    assert f"**Live on this server:** Content pack: Minimal test pack 0.1 ({content_hash(MINIMAL_PACK)})" in text
