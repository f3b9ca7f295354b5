"""Accessibility on every page and state, in Chromium: axe-core at WCAG 2.2 AA plus best practices.

Each check also asks for <html lang="en...">, exactly one h1, and headings that never skip a level.
A failure that Streamlit's own markup causes is let through only by name (rule and element, see
page_checks.KnownStreamlitIssue), never by switching a rule off.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.helpers import MINIMAL_PACK

from .harness import expect, open_app
from .page_checks import (
    assert_accessible,
    reach_a_case_result,
    shipped_pack,
    shown_after_action,
)

pytestmark = pytest.mark.timeout(90)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?band=0-5",
        "/?band=5-9",
        "/?band=9-13",
        "/?band=13-17",
        "/?age=9",
        "/?age=19",
        "/?age=abc",
        "/search",
        "/search?q=sexting",
        "/search?q=xylophone",
        "/search?q=masterbating&age=14",
        "/training?mode=facilitator&band=9-13",
        "/helplines",
        "/about",
    ],
)
def test_page_is_accessible(page, app_url, path):
    open_app(page, app_url, path)

    assert_accessible(page)


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_band_view_is_accessible_on_a_phone(page, app_url, viewport):
    open_app(page, app_url, "/?age=9")

    assert_accessible(page)


def test_empty_case_discussion_is_accessible(page, app_url):
    open_app(page, app_url, "/case")
    # No switched-off behaviour list (Streamlit draws its label at 2.3:1): it appears with its options.
    expect(page.get_by_role("combobox", name="Behaviours observed (type to search)")).to_have_count(0)

    assert_accessible(page)


def test_case_discussion_with_a_result_is_accessible(page, app_url):
    reach_a_case_result(page, app_url, shipped_pack())

    assert_accessible(page)


def test_quiz_with_an_answered_question_is_accessible(page, app_url):
    open_app(page, app_url, "/training?seed=42")
    question = page.get_by_role("radiogroup", name="How would you rate this behaviour?").first
    question.get_by_text("Green", exact=True).click()
    page.get_by_role("button", name="Reveal the answer").first.click()  # answers stay hidden until Reveal
    shown_after_action(page, page.get_by_text(re.compile(r"^(Correct\.|Not quite\.)")).first)

    assert_accessible(page)


def test_scenario_with_its_answer_shown_is_accessible(page, app_url):
    open_app(page, app_url, "/training?mode=scenarios&band=5-9")
    rating = page.get_by_role("radiogroup", name="Your rating").first
    rating.get_by_text("Amber", exact=True).click()
    page.get_by_role("button", name="Reveal the answer").first.click()  # answers stay hidden until Reveal
    shown_after_action(page, page.get_by_text("Suggested answer:").first)
    # The clicks scrolled the page so that the Section control sits under Streamlit's fixed header, which
    # axe's target-size rule counts as an overlap at that scroll position only; read the page from its top.
    page.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")

    assert_accessible(page)


def test_broken_pack_message_is_accessible(page, streamlit_server_factory, tmp_path):
    pack_dir = tmp_path / "broken"
    shutil.copytree(MINIMAL_PACK, pack_dir)
    contacts = pack_dir / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("value: 0345 678 9040", "value: not a number"), encoding="utf-8"
    )
    server = streamlit_server_factory(env={"TRAFFIC_LIGHT_PACK": str(pack_dir)}, name="broken-pack")

    open_app(page, server.url)

    expect(page.get_by_text("The guidance cannot be shown because the content pack has errors.")).to_be_visible()
    expect(page.get_by_text("If a child is in immediate danger, call 999.", exact=False)).to_be_visible()
    expect(page.get_by_text("For the content editor: 1 problem(s) to fix")).to_be_visible()
    expect(page.get_by_role("heading", name="Red: act today")).to_have_count(0)
    assert_accessible(page)
