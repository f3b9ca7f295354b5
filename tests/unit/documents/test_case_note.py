"""The note for the record: short, in three parts (Concern, Risk, Action), whom to call at the hour, the steps
for the level and the decision lines; the whole route and the 999 route only when asked for."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from pack_builder import REPO_ROOT, TODAY
from pypdf import PdfReader

from behaviours.answers.case import Answer, bands_for_case, suggest_level
from behaviours.answers.plans import plan_case
from behaviours.core.clock import in_uk
from behaviours.documents.case_note import (
    ACCOUNT_MAX,
    CaseRecord,
    file_stem,
    note_markdown,
    note_pdf,
    note_plain_text,
    plan_case_note,
)
from behaviours.pack.loader import load_pack
from behaviours.pack.pack import Pack

SHIPPED = REPO_ROOT / "behaviours" / "content"
WHEN = dt.datetime(2026, 11, 30, 10, 5)  # a Monday morning: the front door is open


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
    "Discussed on Monday 30 November 2026 at 10.05am (UK time)",
    "Concern",
    "Child: age 12; Ages 9 to 17",
    "Amber at age 12: Touching that carries on after being redirected.",
    "Not listed (rated with the criteria): drawings with adult themes",
    "Risk",
    "Suggested level: Red: act today",
    "Raised to Red: Coercion answered yes.",
    "This is a suggestion: professional judgement and local procedures decide.",
    "Answered yes: Coercion",
    "Still to find out: Persistence",
    "Action",
    "Front door on 0345 678 9021: open now, until 5pm",
    "Out-of-hours team on 0345 678 9040: when Front door is closed or does not answer",
    "Steps (Red: act today):",
    "Protect now.",
    "Decision:",
    "Decided by (role):",
    "Date and time:",
    "Made with Minimal test pack, version 0.1. Inspired by a traffic-light framework (test credit).",
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


def test_the_plain_text_note_has_no_markup_and_three_parts_on_lines_of_their_own(minimal, red_record):
    text = note_plain_text(minimal, red_record)
    lines = text.splitlines()

    assert "\\" not in text  # no Markdown escapes such as 1\.0\.0
    for markup in ("**", "##", "> ", "*This", "`"):
        assert markup not in text
    assert lines[0] == "Case discussion note"
    # The parts are headings on lines of their own, each after a blank line, in order; lists start with "- ".
    assert [line for line in lines if line in ("Concern", "Risk", "Action")] == ["Concern", "Risk", "Action"]
    for heading in ("Concern", "Risk", "Action"):
        assert lines[lines.index(heading) - 1] == ""
    assert "- Front door on 0345 678 9021: open now, until 5pm" in lines
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in lines)


def test_the_default_note_has_no_999_route_and_no_route_in_full(minimal, red_record):
    text = note_plain_text(minimal, red_record)

    assert "999" not in text
    assert "In your setting:" not in text and "The route out:" not in text
    assert "Tell your DSL today." not in text  # a route step, not one of the level's steps


def test_immediate_danger_puts_999_first_and_adds_its_route(minimal, red_record):
    text = note_plain_text(minimal, replace(red_record, immediate_danger=True))
    lines = text.splitlines()

    assert lines[lines.index("Call now:") + 1] == "- Emergency services on 999: if anyone is in immediate danger"
    assert "Immediate danger: call 999:" in lines
    assert "- Call 999." in lines


def test_the_full_route_adds_every_route_once_with_the_services_not_listed_yet(minimal, red_record):
    text = note_plain_text(minimal, replace(red_record, full_route=True, immediate_danger=True))
    lines = text.splitlines()

    assert lines.count("Red: act today") == 1 and lines.count("Immediate danger: call 999") == 1
    assert "- Tell your DSL today." in lines and "- Refer today." in lines
    assert text.count("0345 678 9021") == 1  # each service on one line, once


def test_the_account_keeps_its_lines_and_is_cleaned(minimal):
    typed = "She said: \u201che buys me things\u201d.\r\n\n\u202eI saw the phone.\u202c  Twice."
    text = note_plain_text(minimal, replace(record_for(minimal), account=typed))
    lines = text.splitlines()

    heading = lines.index("Account (what was seen or heard, and the child's own words):")
    assert lines[heading + 1 : heading + 3] == ["She said: \u201che buys me things\u201d.", "I saw the phone. Twice."]


def test_an_account_is_cut_at_its_limit(minimal):
    text = note_plain_text(minimal, replace(record_for(minimal), account="a" * (ACCOUNT_MAX + 50)))

    assert "a" * ACCOUNT_MAX in text and "a" * (ACCOUNT_MAX + 1) not in text


def test_typed_text_is_pasted_as_typed_and_on_one_line(minimal):
    typed = "*stars* [x](y) 1. <b>\u202eevil\u202c\nsecond line"
    text = note_plain_text(minimal, record_for(minimal, not_listed_text=typed))

    # Markdown-looking characters stay literal; a direction override and a line break do not survive.
    assert "- Not listed (rated with the criteria): *stars* [x](y) 1. <b>evil second line" in text.splitlines()


def test_unanswered_questions_are_to_find_out_by_their_short_names(minimal):
    record = record_for(minimal, ids=("9-17-green-curious",))

    text = plain(note_markdown(minimal, record))

    assert "Still to find out: Coercion; Persistence" in text
    assert "Was there force" not in text
    assert "Suggested level: Green: healthy and expected" in text


def test_an_empty_discussion_says_so(minimal):
    text = plain(note_markdown(minimal, record_for(minimal, age=None)))

    assert "Child: age not given; no band chosen" in text
    assert "Behaviours seen: none chosen" in text
    assert "Suggested level: none yet" in text


def test_typed_text_cannot_become_a_link_or_markup_in_the_markdown(minimal):
    typed = "[click](javascript:alert(1)) <script>x</script> # heading"
    record = replace(record_for(minimal, not_listed_text=typed), account=typed)

    markdown = note_markdown(minimal, record)

    assert "[click](" not in markdown
    assert "<script>" not in markdown
    assert plain(markdown).count(typed) == 2


def test_text_outside_latin_1_is_kept_exactly_in_the_pdf(minimal):
    typed = "emoji 🙂 and “quotes” – dash"
    record = replace(record_for(minimal, not_listed_text=typed), account=typed)

    assert pdf_words(note_pdf(minimal, record)).count(typed) == 2


def test_the_file_name_holds_only_the_date_and_time(minimal, red_record):
    assert file_stem(replace(red_record, account="secret words")) == "case-discussion-note-2026-11-30-1005"


# ------------------------------------------------------------------ case 3 of the practitioners' trial (shipped pack)

BOXING_DAY = in_uk(dt.datetime(2026, 12, 26, 11, 0))  # a Saturday; Monday 28 December is the substitute bank holiday
CASE_3 = ("13-17-red-much-older-partner", "13-17-amber-unexplained-money-or-gifts")
CASE_3_ANSWERS = {"equality": Answer.YES, "change": Answer.YES}


@pytest.fixture(scope="module")
def case_3() -> tuple[Pack, CaseRecord]:
    shipped = load_pack(SHIPPED, today=TODAY)
    plan = plan_case(
        shipped,
        age=15,
        band_id=None,
        developmental_band=None,
        chosen_ids=CASE_3,
        answers=CASE_3_ANSWERS,
        not_listed=False,
        now=BOXING_DAY,
    )
    note = plan_case_note(
        shipped,
        plan,
        age=15,
        answers=CASE_3_ANSWERS,
        not_listed=False,
        not_listed_text="",
        account="",
        immediate_danger=False,
        full_route=False,
        now=BOXING_DAY,
    )
    assert note is not None
    return shipped, note.record


def test_case_3s_default_note_is_short_in_three_parts_and_the_out_of_hours_team_leads(case_3):
    shipped, record = case_3
    text = note_plain_text(shipped, record)
    lines = text.splitlines()

    assert len(text.split()) <= 300, len(text.split())
    assert [line for line in lines if line in ("Concern", "Risk", "Action")] == ["Concern", "Risk", "Action"]
    assert "Discussed on Saturday 26 December 2026 at 11am (UK time)." in lines
    assert "Type of concern: Child sexual exploitation" in lines
    assert "Suggested level: Red: act today" in lines
    assert "Answered yes: Equality; Change and other signs of risk" in lines
    assert lines[lines.index("Call now:") + 1] == (
        "- Emergency Social Work Team on 0345 678 9040: answers now, while Compass is closed"
    )
    assert "- Compass on 0345 678 9021: closed now (Boxing Day); reopens Tuesday 29 December 2026 at 9am" in lines
    assert "999" not in text and "Immediate danger" not in text
    assert "still to be confirmed" not in text
    assert text.count("0345 678 9021") == 1 and text.count("0345 678 9040") == 1
    assert lines[-1].startswith("Made with ") and lines[-2] == ""
