"""What a person sees on every page and link of the app, in Chromium, against the shipped content pack.

The AppTests (tests/pages/) check the Markdown each page sends; these check what
the browser draws from it: the words on screen, and where each link really goes (its href).
"""

from __future__ import annotations

import re

import pytest

from behaviours.answers.finding import search
from behaviours.core.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.core.text import mailto
from behaviours.pack.model import ChannelKind, Status

from .harness import expect, open_app
from .page_checks import reach_a_case_result, shipped_pack, visible_words

COMPASS = "0345 678 9021"
COMPASS_TEL = "tel:+443456789021"
LEVEL_HEADINGS = ("Green: healthy and expected", "Amber: take notice", "Red: act today")
TRACEBACK = '[data-testid="stException"]'


@pytest.fixture(scope="module")
def shipped():
    return shipped_pack()


# ------------------------------------------------------------------ look up


def test_age_9_shows_both_bands_every_level_in_words_and_whom_to_call(page, app_url):
    open_app(page, app_url, "/?age=9")

    for band in ("Ages 5 to 9", "Ages 9 to 13"):
        expect(page.get_by_role("heading", name=band, level=2)).to_be_visible()
    for heading in LEVEL_HEADINGS:
        expect(page.get_by_role("heading", name=heading, level=3)).to_have_count(2)
    expect(page.get_by_text("Age 9 sits on the boundary between two bands")).to_be_visible()

    # Who to call is said once on the page, in its own section the cards link to, with numbers a phone
    # can dial (not text only); the call bar keeps 999.
    expect(page.get_by_role("heading", name="Who to call", level=2)).to_have_count(1)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("link", name="Who to call").first).to_have_attribute("href", "#who-to-call")
    expect(main.locator(f'a[href="{COMPASS_TEL}"]').first).to_be_visible()
    expect(main.locator('a[href="tel:999"]').first).to_be_visible()
    # The call bar links to the same two numbers (a red answer: ring now); the sidebar no longer repeats them.
    bar = page.get_by_test_id("stMain").locator(".st-key-call_bar")
    expect(bar.get_by_role("link", name="Emergency: 999")).to_have_attribute("href", "tel:999")
    expect(bar.get_by_role("link", name=f"Compass: {COMPASS}")).to_have_attribute("href", COMPASS_TEL)
    expect(page.get_by_test_id("stSidebar").locator('a[href^="tel:"]')).to_have_count(0)
    # The link filled the controls once and left the address bar.
    assert "age=" not in page.url


def test_age_19_shows_the_adult_notice(page, app_url, shipped):
    open_app(page, app_url, "/?age=19")

    words = visible_words(page)
    assert " ".join(shipped.info.adult_note.split()) in words
    expect(page.get_by_role("heading", name="(a guide only, for vulnerable young adults)")).to_be_visible()


def test_age_abc_says_so_and_shows_no_traceback(page, app_url):
    open_app(page, app_url, "/?age=abc")

    expect(page.get_by_text("“abc” is not an age in whole years. Enter a whole number from 0 to 25.")).to_be_visible()
    expect(page.get_by_label("Child's age in years")).to_have_value("")
    expect(page.get_by_role("button", name="Ages 5 to 9")).to_be_visible()  # browse a band instead
    expect(page.locator(TRACEBACK)).to_have_count(0)


def test_band_and_level_link_shows_only_red(page, app_url):
    open_app(page, app_url, "/?band=5-9&level=red")

    expect(page.get_by_role("heading", name="Ages 5 to 9", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Red: act today")).to_have_count(1)
    for heading in LEVEL_HEADINGS[:2]:
        expect(page.get_by_role("heading", name=heading)).to_have_count(0)
    expect(page.get_by_role("heading", name="Ages 9 to 13")).to_have_count(0)


# ------------------------------------------------------------------ search


def test_search_sexting_finds_the_image_sharing_descriptors(page, app_url, shipped):
    open_app(page, app_url, "/search?q=sexting")

    hits = search(shipped, "sexting")
    assert any("images" in hit.behaviour.text for hit in hits)
    words = visible_words(page)
    for hit in hits:
        assert " ".join(hit.behaviour.text.split()) in words, hit.behaviour.id
    expect(page.get_by_role("textbox", name="Search words")).to_have_value("sexting")
    expect(page.get_by_text(re.compile(r"\d+ behaviours? in \d+ age bands?"))).to_be_visible()
    assert "q=" not in page.url


# ------------------------------------------------------------------ helplines


def expected_links(contact) -> list[str]:
    """The href each way of reaching a contact should have, as the directory promises."""
    hrefs = []
    for channel in contact.channels:
        if channel.kind in (ChannelKind.PHONE, ChannelKind.TEXT):
            try:
                number = parse_uk_number(channel.value)
            except InvalidPhoneNumber:
                continue
            hrefs.append(number.tel_uri if channel.kind == ChannelKind.PHONE else number.sms_uri)
        elif channel.kind == ChannelKind.EMAIL:
            hrefs.append(mailto(channel.value.removeprefix("mailto:")))
    return hrefs


def status_words(contact) -> list[str]:
    checked = f"{contact.checked_on:%d %B %Y}".lstrip("0")
    if contact.status == Status.VERIFIED:
        return [f"Verified {checked}"]
    return ["Unverified" if contact.status == Status.UNVERIFIED else "Outdated", f"last checked {checked}"]


def test_helplines_lists_every_entry_with_its_status_and_working_links(page, app_url, shipped):
    open_app(page, app_url, "/helplines")

    expect(page.get_by_text(f"Showing {len(shipped.contacts)} of {len(shipped.contacts)} entries")).to_be_visible()
    kinds_seen: set[str] = set()
    for contact in shipped.contacts:
        heading = page.get_by_role("heading", name=contact.name, exact=True)
        expect(heading).to_have_count(1)
        card = heading.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")
        for words in status_words(contact):
            expect(card).to_contain_text(words)
        for href in expected_links(contact):
            expect(card.locator(f'a[href="{href}"]').first).to_be_attached()
            kinds_seen.add(href.split(":", 1)[0])
    # The shipped directory has every kind of link; make sure each was really checked.
    assert kinds_seen == {"tel", "sms", "mailto"}


# ------------------------------------------------------------------ about


def test_about_shows_the_version_and_the_privacy_statement(page, app_url, shipped):
    open_app(page, app_url, "/about")

    expect(page.get_by_text(f"Version: {shipped.info.version}")).to_be_visible()
    expect(page.get_by_role("heading", name="Privacy", level=2)).to_be_visible()
    expect(page.get_by_text("Nothing you type is stored.")).to_be_visible()
    expect(page.get_by_text("never put in the web address", exact=False)).to_be_visible()


# ------------------------------------------------------------------ training


def first_question(page) -> str:
    card = page.locator('[data-testid="stVerticalBlock"]').filter(has=page.get_by_text("Question 1 of")).last
    return card.inner_text()


def test_the_same_quiz_number_gives_the_same_first_question_in_two_browsers(browser, page, app_url):
    open_app(page, app_url, "/training?seed=42")
    mine = first_question(page)
    expect(page.get_by_text("quiz number 42", exact=False)).to_be_visible()

    other = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    try:
        theirs_page = open_app(other.new_page(), app_url, "/training?seed=42")
        theirs = first_question(theirs_page)
    finally:
        other.close()

    assert mine.startswith("Question 1 of ")
    assert "How would you rate this behaviour?" in mine
    assert mine == theirs


# ------------------------------------------------------------------ case discussion


def test_case_discussion_reaches_red_for_a_14_year_old_sharing_nude_images(page, app_url, shipped):
    reach_a_case_result(page, app_url, shipped)

    expect(page.get_by_role("heading", name="Red: act today")).to_be_visible()
    expect(page.get_by_text("Raised to Red: Equality, answered yes", exact=False)).to_be_visible()
    expect(
        page.get_by_text("This is a suggestion: professional judgement and local procedures decide.")
    ).to_be_visible()
    main = page.get_by_test_id("stMain")
    expect(main.locator(f'a[href="{COMPASS_TEL}"]').first).to_be_visible()
    note = page.frame_locator('iframe[title="Copy or save the case note"]')
    expect(note.get_by_role("button", name="Copy note")).to_be_visible()
    expect(page.get_by_role("button", name="Make the PDF")).to_be_visible()
    expect(page.locator(TRACEBACK)).to_have_count(0)


# ------------------------------------------------------------------ a deep link on a fresh server


@pytest.mark.timeout(90)
def test_a_deep_link_opened_first_on_a_fresh_server_still_runs_the_frame(page, streamlit_server_factory):
    # Streamlit's legacy pages/ mode would run pages/training.py alone for the first request
    # after a start, without app.py: no danger panel, and no sign-in. ui/pack_loading.py
    # (_leave_legacy_multipage_mode) sends that run back through the frame.
    server = streamlit_server_factory(name="fresh")

    open_app(page, server.url, "/training?mode=facilitator&band=9-13")

    sidebar = page.get_by_test_id("stSidebar")
    expect(page.get_by_test_id("stMain").get_by_text("Immediate danger: call 999")).to_be_visible()
    expect(sidebar.get_by_role("link", name="Case discussion")).to_be_visible()  # the frame's navigation
    expect(page.get_by_role("heading", name="Training", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Ages 9 to 13", level=2)).to_be_visible()
    expect(page.get_by_text("Band 3 of 4 · Green")).to_be_visible()
    expect(page.locator(TRACEBACK)).to_have_count(0)
