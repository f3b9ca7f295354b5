"""Printable handouts: every descriptor, the levels in words and the numbers to call are in the PDF's text."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from pack_builder import MINIMAL, REPO_ROOT, TODAY
from pypdf import PdfReader

from behaviours.handouts import band_handout, routes_handout, status_words
from behaviours.loader import load_pack
from behaviours.model import LEVELS, Status
from behaviours.pack import Pack

SHIPPED_DIR = REPO_ROOT / "behaviours" / "content"
SHIPPED = load_pack(SHIPPED_DIR)
PRINTED = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def minimal() -> Pack:
    return load_pack(MINIMAL, today=TODAY)


def collapsed(text: str) -> str:
    return " ".join(text.split())


def pdf_words(data: bytes) -> str:
    """The PDF's text as a reader would read it aloud: pages joined, line wraps and spacing collapsed."""
    reader = PdfReader(io.BytesIO(data))
    return collapsed(" ".join(page.extract_text() for page in reader.pages))


def expected(text: str) -> str:
    """Pack text as the handout should print it. The shipped pack is plain ASCII
    (test_the_shipped_pack_needs_no_stand_ins), so only spacing changes; the
    stand-ins for typographic marks are checked with literals below."""
    return collapsed(text)


@pytest.fixture(scope="module")
def band_texts() -> dict[str, str]:
    return {band.id: pdf_words(band_handout(SHIPPED, band, generated=PRINTED)) for band in SHIPPED.bands}


@pytest.fixture(scope="module")
def routes_text() -> str:
    return pdf_words(routes_handout(SHIPPED, generated=PRINTED))


# ------------------------------------------------------------------ band handouts


@pytest.mark.parametrize("behaviour_id", [b.id for b in SHIPPED.all_behaviours])
def test_every_descriptor_is_in_its_band_handout(band_texts: dict[str, str], behaviour_id: str) -> None:
    behaviour = SHIPPED.behaviour(behaviour_id)
    band = SHIPPED.band_of(behaviour)
    assert expected(behaviour.text) in band_texts[band.id]


@pytest.mark.parametrize("band_id", [band.id for band in SHIPPED.bands])
def test_a_band_handout_has_the_levels_in_words_and_the_numbers_to_call(
    band_texts: dict[str, str], band_id: str
) -> None:
    text = band_texts[band_id]
    band = SHIPPED.band(band_id)
    assert text.startswith(expected(band.label))
    for level in LEVELS:
        guide = SHIPPED.level_guide(level)
        assert expected(f"{guide.label}: {guide.headline}") in text
        assert expected(guide.meaning) in text
        for step in (*guide.what_to_do, *guide.what_to_record, *guide.who_to_tell):
            assert expected(step) in text
    assert "Immediate danger: call 999" in text
    assert "0345 678 9021" in text
    assert "Out of hours: call" in text
    assert "0345 678 9040" in text
    assert expected(SHIPPED.info.developmental_age_note) in text


@pytest.mark.parametrize("band_id", [band.id for band in SHIPPED.bands])
def test_a_band_handout_names_the_pack_version_review_date_and_credit(band_texts: dict[str, str], band_id: str) -> None:
    text = band_texts[band_id]
    info = SHIPPED.info
    assert f"version {info.version}" in text
    assert f"reviewed {info.last_reviewed.day} {info.last_reviewed:%B %Y}" in text
    assert "Printed 30 November 2026" in text
    assert expected(info.credit.framework) in text
    assert expected(info.credit.licence) in text


def test_a_band_handout_does_not_include_other_bands(band_texts: dict[str, str]) -> None:
    only_in_0_5 = [b for b in SHIPPED.behaviours("0-5") if all(b.text != o.text for o in SHIPPED.behaviours("13-17"))]
    assert only_in_0_5
    assert expected(only_in_0_5[0].text) not in band_texts["13-17"]


def test_the_shipped_pack_needs_no_stand_ins() -> None:
    # If this fails, `expected` above must learn the stand-ins before the handout tests mean anything.
    texts = [b.text for b in SHIPPED.all_behaviours] + [c.name for c in SHIPPED.contacts]
    assert [t for t in texts if not t.isascii()] == []


def test_typographic_marks_print_as_their_plain_stand_ins(tmp_path) -> None:
    pack_dir = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack_dir)
    band_file = pack_dir / "bands" / "0-9.yaml"
    band_file.write_text(
        band_file.read_text(encoding="utf-8").replace(
            "text: Curious questions about bodies.",
            'text: "Curious questions \u2013 \u201cwhere do babies come from?\u201d \u2013 and it\u2019s fine\u2026"',
        ),
        encoding="utf-8",
    )
    pack = load_pack(pack_dir, today=TODAY)
    text = pdf_words(band_handout(pack, pack.band("0-9"), generated=PRINTED))
    assert 'Curious questions - "where do babies come from?" - and it\'s fine...' in text


def test_a_band_handout_is_a_real_a4_pdf(minimal: Pack) -> None:
    data = band_handout(minimal, minimal.bands[0], generated=PRINTED)
    assert data.startswith(b"%PDF-")
    page = PdfReader(io.BytesIO(data)).pages[0]
    width_mm, height_mm = (float(v) / 72 * 25.4 for v in (page.mediabox.width, page.mediabox.height))
    assert (round(width_mm), round(height_mm)) == (210, 297)


def test_a_band_handout_from_the_minimal_pack(minimal: Pack) -> None:
    text = pdf_words(band_handout(minimal, minimal.band("0-9"), generated=PRINTED))
    for behaviour in minimal.behaviours("0-9"):
        assert expected(behaviour.text) in text
    for words in ("Green: healthy and expected", "Amber: take notice", "Red: act today", "999", "0345 678 9021"):
        assert words in text


# ------------------------------------------------------------------ routes and helplines


@pytest.mark.parametrize("contact_id", [c.id for c in SHIPPED.contacts])
def test_every_contact_is_on_the_routes_sheet_with_its_status_in_words(routes_text: str, contact_id: str) -> None:
    contact = SHIPPED.contact(contact_id)
    assert expected(contact.name) in routes_text
    assert expected(status_words(contact)) in routes_text


def test_the_routes_sheet_has_each_levels_route_and_the_special_routes(routes_text: str) -> None:
    assert routes_text.startswith("Escalation routes and helplines")
    for level in LEVELS:
        route = SHIPPED.route_for(level)
        assert expected(route.title) in routes_text
        for step in (*route.in_your_setting, *route.route_out):
            assert expected(step) in routes_text
    for route_id in ("immediate-danger", "adult", "not-listed"):
        assert expected(SHIPPED.special_route(route_id).title) in routes_text
    assert "999" in routes_text
    assert "0345 678 9021" in routes_text


def test_status_words_say_how_far_details_are_checked(minimal: Pack) -> None:
    contact = minimal.contacts[0]
    assert status_words(contact) == "Verified 1 November 2026"
    unverified = contact.model_copy(update={"status": Status.UNVERIFIED})
    assert status_words(unverified) == "Unverified: last checked 1 November 2026"
    outdated = contact.model_copy(update={"status": Status.OUTDATED})
    assert status_words(outdated) == "Outdated: last checked 1 November 2026"
