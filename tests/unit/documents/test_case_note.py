"""The note for the record: everything discussed, the route with its numbers, and space for the decision."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pack_builder import MINIMAL, TODAY
from pypdf import PdfReader

from behaviours.answers.case import Answer, bands_for_case, suggest_level
from behaviours.documents.case_note import CaseRecord, contact_text, file_stem, note_markdown, note_pdf, note_plain_text
from behaviours.pack.loader import load_pack
from behaviours.pack.pack import Pack

WHEN = dt.datetime(2026, 11, 30, 10, 5)  # a Monday morning: the front door is open


@pytest.fixture(scope="module")
def minimal() -> Pack:
    return load_pack(MINIMAL, today=TODAY)


def record_for(pack: Pack, ids=(), answers=None, not_listed_text=None, age=12) -> CaseRecord:
    answers = answers or {}
    behaviours = [pack.behaviour(i) for i in ids]
    bands = bands_for_case(pack, age, None)
    not_listed = not_listed_text is not None
    return CaseRecord(
        when=WHEN,
        age=age,
        bands=bands.bands,
        band_reasons=bands.reasons,
        behaviours=behaviours,
        not_listed=not_listed,
        not_listed_text=not_listed_text,
        answers=answers,
        suggestion=suggest_level(pack, behaviours, answers, not_listed, bands.age_for_law),
    )


def plain(markdown: str) -> str:
    """The Markdown as a person reads it: backslash-escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def pdf_words(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def red_record(minimal) -> CaseRecord:
    return record_for(
        minimal,
        ids=("9-17-amber-repeated",),
        answers={"coercion": Answer.YES, "persistence": Answer.DONT_KNOW},
        not_listed_text="drawings with adult themes",
    )


EXPECTED_PARTS = [
    "Case discussion note",
    "Discussed on 30 November 2026 at 10:05 (UK time)",
    "No names or identifying details",
    "Age in years: 12",
    "Age band(s) used: Ages 9 to 17",
    "Amber: Touching that carries on after being redirected. (Ages 9 to 17)",
    "Not listed (rated with the criteria): drawings with adult themes",
    "Coercion: Was there force, a threat, a bribe or a trick? Answer: Yes",
    "Persistence: Does it carry on after being redirected, or in secret? Answer: Don't know",
    "Suggested level",
    "Red: act today",
    "Raised to Red: Coercion, answered yes",
    "This is a suggestion: professional judgement and local procedures decide.",
    "Information to gather",
    "Persistence (don't know yet)",
    "Immediate danger: call 999",
    "The route out: Refer today.",
    "Front door: 0345 678 9021",
    "Out of hours: Out-of-hours team, 0345 678 9040",
    "Emergency services: 999",
    "Decision:",
    "Decided by (role):",
    "Date and time:",
]


@pytest.mark.parametrize("part", EXPECTED_PARTS)
def test_the_markdown_note_holds(minimal, red_record, part):
    assert part in plain(note_markdown(minimal, red_record))


@pytest.mark.parametrize("part", EXPECTED_PARTS)
def test_the_pdf_note_holds(minimal, red_record, part):
    assert part in pdf_words(note_pdf(minimal, red_record))


@pytest.mark.parametrize("part", EXPECTED_PARTS)
def test_the_plain_text_note_holds(minimal, red_record, part):
    # Compared as it is, with no unescaping: what is pasted is exactly this text.
    assert part in note_plain_text(minimal, red_record)


def test_the_plain_text_note_has_no_markup_and_plain_headings(minimal, red_record):
    text = note_plain_text(minimal, red_record)
    lines = text.splitlines()

    assert "\\" not in text  # no Markdown escapes such as 1\.0\.0
    assert "Minimal test pack, version 0.1." in text
    for markup in ("**", "##", "> ", "*This", "`"):
        assert markup not in text
    assert lines[0] == "Case discussion note"
    # Headings are lines of their own, each after a blank line; lists start with "- ".
    for heading in ("The child", "Behaviours observed", "Suggested level: Red: act today", "Decision"):
        assert heading in lines
        assert lines[lines.index(heading) - 1] == ""
    assert any(line.startswith("- Call: Front door: 0345 678 9021") for line in lines)
    assert any(line.startswith("- The route out: Refer today.") for line in lines)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in lines)


def test_typed_text_is_pasted_as_typed_and_on_one_line(minimal):
    typed = "*stars* [x](y) 1. <b>\u202eevil\u202c\nsecond line"
    text = note_plain_text(minimal, record_for(minimal, not_listed_text=typed))

    # Markdown-looking characters stay literal; a direction override and a line break do not survive.
    assert "- Not listed (rated with the criteria): *stars* [x](y) 1. <b>evil second line" in text.splitlines()


def test_unanswered_questions_are_written_as_not_answered(minimal):
    record = record_for(minimal, ids=("9-17-green-curious",))

    text = plain(note_markdown(minimal, record))

    assert "Coercion: Was there force, a threat, a bribe or a trick? Answer: Not answered" in text
    assert "Suggested level: Green: healthy and expected" in text


def test_an_empty_discussion_says_so(minimal):
    text = plain(note_markdown(minimal, record_for(minimal, age=None)))

    assert "Age in years: not given" in text
    assert "Age band(s) used: none chosen" in text
    assert "- None chosen" in text
    assert "Suggested level: none yet" in text


def test_typed_text_cannot_become_a_link_or_markup_in_the_markdown(minimal):
    typed = "[click](javascript:alert(1)) <script>x</script> # heading"
    record = record_for(minimal, not_listed_text=typed)

    markdown = note_markdown(minimal, record)

    assert "[click](" not in markdown
    assert "<script>" not in markdown
    assert typed in plain(markdown)


def test_text_outside_latin_1_is_kept_exactly_in_the_pdf(minimal):
    typed = "emoji 🙂 and “quotes” – dash"
    record = record_for(minimal, not_listed_text=typed)

    assert typed in pdf_words(note_pdf(minimal, record))


def test_the_file_name_holds_only_the_date_and_time(minimal, red_record):
    assert file_stem(red_record) == "case-discussion-note-2026-11-30-1005"


def test_a_contact_is_written_with_its_numbers_and_out_of_hours_line(minimal):
    assert contact_text(minimal, minimal.contact("front-door")) == (
        "Front door: 0345 678 9021. Monday to Thursday 9am to 5pm. Out of hours: Out-of-hours team, 0345 678 9040."
    )
    assert contact_text(minimal, minimal.contact("emergency")) == "Emergency services: 999. 24 hours."
