"""Printable handouts: every descriptor, the levels in words and the numbers to call are in the PDF's text,
and the routes sheet fits two sides of A4. Descriptors are read from the pack, never written here."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from pack_builder import SHIPPED_BAND_IDS

from behaviours.core.text import long_date
from behaviours.documents.handouts import band_handout, printed_calls, routes_context, routes_handout
from behaviours.documents.pdf import credit_paragraphs, weasyprint_problem
from behaviours.pack.model import LEVELS, Status
from behaviours.pack.pack import Pack
from behaviours.wording.contacts import HOURS_NOT_KNOWN, entry_lines, hours_line, status_word, status_words
from tests.browser.harness import missing_tool
from tests.pdf_reading import page_count, pdf_words

PRINTED = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _weasyprint() -> None:
    problem = weasyprint_problem()
    if problem:
        missing_tool(problem)


def collapsed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def band_pdfs(shipped: Pack) -> dict[str, bytes]:
    if weasyprint_problem():
        return {}
    return {band.id: band_handout(shipped, band, generated=PRINTED) for band in shipped.bands}


@pytest.fixture(scope="module")
def band_texts(band_pdfs: dict[str, bytes]) -> dict[str, str]:
    return {band_id: pdf_words(data) for band_id, data in band_pdfs.items()}


@pytest.fixture(scope="module")
def routes_pdf(shipped: Pack) -> bytes:
    return b"" if weasyprint_problem() else routes_handout(shipped, generated=PRINTED)


@pytest.fixture(scope="module")
def routes_text(routes_pdf: bytes) -> str:
    return pdf_words(routes_pdf) if routes_pdf else ""


# ------------------------------------------------------------------ band handouts


def test_every_descriptor_is_in_its_band_handout_exactly(band_texts: dict[str, str], shipped: Pack) -> None:
    missing = [b.id for b in shipped.all_behaviours if collapsed(b.text) not in band_texts[shipped.band_of(b).id]]
    assert missing == []


@pytest.mark.parametrize("band_id", SHIPPED_BAND_IDS)
def test_a_band_handout_has_the_levels_in_words_and_the_numbers_to_call(
    shipped, band_texts: dict[str, str], band_id: str
) -> None:
    text = band_texts[band_id]
    band = shipped.band(band_id)
    assert text.startswith(collapsed(band.label))
    for level in LEVELS:
        guide = shipped.level_guide(level)
        assert f"{guide.label}: {guide.headline}" in text
        assert collapsed(guide.meaning) in text
        for step in (*guide.what_to_do, *guide.what_to_record, *guide.who_to_tell):
            assert collapsed(step) in text
    assert "Immediate danger: call 999" in text
    assert "0345 678 9021" in text
    assert "Out of hours: call" in text
    assert "0345 678 9040" in text
    assert collapsed(shipped.info.developmental_age_note) in text


@pytest.mark.parametrize("band_id", SHIPPED_BAND_IDS)
def test_a_band_handout_names_the_pack_version_review_date_and_credit_with_one_date_format(
    shipped, band_texts: dict[str, str], band_id: str
) -> None:
    text = band_texts[band_id]
    info = shipped.info
    assert f"version {info.version}, reviewed {long_date(info.last_reviewed)}." in text
    assert f"Printed {long_date(PRINTED)}." in text
    for paragraph in credit_paragraphs(info.credit.framework, info.credit.wording, info.credit.licence):
        assert collapsed(paragraph) in text
    assert "TRAFFIC_LIGHT_PACK" not in text


def test_a_band_handout_does_not_include_other_bands(shipped, band_texts: dict[str, str]) -> None:
    only_in_0_5 = [b for b in shipped.behaviours("0-5") if all(b.text != o.text for o in shipped.behaviours("13-17"))]
    assert only_in_0_5
    assert collapsed(only_in_0_5[0].text) not in band_texts["13-17"]


@pytest.mark.parametrize("band_id", SHIPPED_BAND_IDS)
def test_the_last_page_of_a_band_handout_holds_more_than_the_credit(
    shipped, band_pdfs: dict[str, bytes], band_id: str
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    last = " ".join(PdfReader(BytesIO(band_pdfs[band_id])).pages[-1].extract_text().split())
    credit = " ".join(shipped.info.credit.framework.split())
    before_credit = last.split(credit[:40])[0]
    assert len(before_credit.split()) > 20, f"the last page holds little but the credit: {last[:200]!r}"


def test_a_band_handout_from_the_minimal_pack(minimal: Pack) -> None:
    text = pdf_words(band_handout(minimal, minimal.band("0-9"), generated=PRINTED))
    for behaviour in minimal.behaviours("0-9"):
        assert collapsed(behaviour.text) in text
    for words in ("Green: healthy and expected", "Amber: take notice", "Red: act today", "999", "0345 678 9021"):
        assert words in text


# ------------------------------------------------------------------ routes and helplines


def test_the_routes_sheet_fits_two_sides_of_a4(routes_pdf: bytes) -> None:
    pages = page_count(routes_pdf)
    print(f"routes sheet: {pages} page(s)")
    assert pages <= 2


def test_every_contact_is_on_the_routes_sheet_with_its_status_in_words(routes_text: str, shipped: Pack) -> None:
    for contact in shipped.contacts:
        _on_the_routes_sheet(routes_text, contact)


def _on_the_routes_sheet(routes_text: str, contact) -> None:
    assert collapsed(contact.name) in routes_text, contact.id
    if contact.status == Status.OUTDATED:
        assert f"{status_word(Status.OUTDATED)}, do not rely on them" in routes_text
    else:
        assert status_words(contact) in routes_text
        for line in entry_lines(contact):
            assert collapsed(line) in routes_text


def test_unconfirmed_details_are_marked_in_words(shipped, routes_text: str) -> None:
    unverified = [c for c in shipped.contacts if c.status == Status.UNVERIFIED]
    assert unverified, "the shipped pack has no unverified contact to check"
    word = status_word(Status.UNVERIFIED)
    # Once on each unverified entry, with the date it was last checked.
    assert routes_text.count(f"{word}: last checked") == len(unverified)
    assert "Hours: Hours" not in routes_text


def test_local_routes_and_services_come_first(shipped, routes_text: str) -> None:
    context = routes_context(shipped, PRINTED)
    titles = [group["title"] for group in context["directory"]]
    assert titles == ["Local services", "Helplines and national services"]
    local = routes_text.index("Local services")
    national = routes_text.index("Helplines and national services")
    assert routes_text.index(shipped.route_for(LEVELS[0]).title) < local < national
    for entry in context["directory"][0]["entries"]:
        assert local < routes_text.index(collapsed(entry["name"]), local) < national


def test_the_routes_sheet_has_each_levels_route_and_the_emergency_route(shipped, routes_text: str) -> None:
    assert routes_text.startswith("Escalation routes and helplines")
    for level in LEVELS:
        route = shipped.route_for(level)
        assert collapsed(route.title) in routes_text
        for step in route.route_out:
            assert collapsed(step) in routes_text
    danger = shipped.special_route("immediate-danger")
    for step in (*danger.in_your_setting, *danger.route_out):
        assert collapsed(step) in routes_text
    assert collapsed(shipped.special_route("adult").title) in routes_text
    assert "999" in routes_text
    assert "0345 678 9021" in routes_text


def test_hours_are_a_line_of_their_own_without_repeating_the_word(minimal: Pack) -> None:
    contact = minimal.contacts[0]
    assert hours_line(contact.model_copy(update={"hours": None, "open_always": False})) == HOURS_NOT_KNOWN
    assert hours_line(contact.model_copy(update={"hours": "Mon to Fri 9am to 5pm.", "open_always": False})) == (
        "Hours: Mon to Fri 9am to 5pm"
    )
    assert hours_line(contact.model_copy(update={"open_always": True})) == "Hours: 24 hours"


def test_a_printed_web_address_is_written_as_a_reader_types_it(minimal: Pack) -> None:
    from behaviours.pack.model import Channel, ChannelKind

    web = Channel(kind=ChannelKind.WEB, value="https://www.nspcc.org.uk/")
    contact = minimal.contacts[0].model_copy(update={"channels": [web]})
    assert entry_lines(contact)[0] == "Website: www.nspcc.org.uk"


def test_every_handout_carries_the_frames_calls_and_the_dsl(
    shipped, band_texts: dict[str, str], routes_text: str
) -> None:
    lines = printed_calls(shipped)
    assert lines[0] == "Immediate danger: call 999."
    assert lines[-1] == "Tell your designated safeguarding lead (DSL) too."
    for text in (*band_texts.values(), routes_text):
        for line in lines:
            assert collapsed(line) in text


def test_credit_leaves_out_the_setting_name_only() -> None:
    paragraphs = credit_paragraphs(
        "Framework line.", "Wording line.", "Shared on these terms. Load another pack by setting TRAFFIC_LIGHT_PACK."
    )
    assert paragraphs == ["Framework line.", "Wording line.", "Shared on these terms."]


def _lines(data: bytes) -> list[str]:
    from io import BytesIO

    from pypdf import PdfReader

    return [line.strip() for page in PdfReader(BytesIO(data)).pages for line in page.extract_text().splitlines()]


def test_no_line_is_broken_early_before_an_inline_span(band_pdfs: dict[str, bytes], routes_pdf: bytes) -> None:
    """WeasyPrint 70 once left 'Department' alone on a line before the italic source that followed it:
    a line of one word whose sentence goes on, in lower case, on the next line was broken too early."""
    lone_word = re.compile(r"^[A-Za-z'’]+$")
    for name, data in {**band_pdfs, "routes": routes_pdf}.items():
        lines = _lines(data)
        early = [(a, b) for a, b in itertools.pairwise(lines) if lone_word.match(a) and b[:1].islower()]
        assert not early, f"{name}: a line broken early: {early}"
