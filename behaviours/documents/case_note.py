"""The note for the record of a case discussion, as plain text, as Markdown and as PDF.

The plain-text note is made in memory for each run of the case page, and the PDF when the
practitioner asks for it; both go only to that browser tab, inside its own WebSocket message
(ui/note_actions.py). A note is never written to disk, never given a web address, and not
kept by the tool.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from behaviours.answers.case import Answer, Suggestion, answer_words, routes_for_case
from behaviours.contacts.directory import first_phone
from behaviours.contacts.hours import Role, who_to_call
from behaviours.core.text import clean_input
from behaviours.documents.pdf import footer_line, render_pdf
from behaviours.pack.model import AgeBand, Behaviour, Contact, Route
from behaviours.pack.pack import Pack
from behaviours.wording import contacts as wording
from behaviours.wording.levels import level_heading

NOTE_TITLE = "Case discussion note"
NO_DETAILS = "No names or identifying details. The tool kept nothing: this note exists only where you save it."
WRITE_INS = ("Decision:", "Decided by (role):", "Date and time:")

# The characters that make Markdown links, HTML, emphasis, code or tables. Unlike the app's md(),
# colons and full stops stay as they are, so the note still reads well in a plain text editor.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~]|&(?=[#A-Za-z0-9]))")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=#])")


def note_text(text: str) -> str:
    """Text for the Markdown note, shown literally by any Markdown viewer and still readable as plain text."""
    folded = " ".join(clean_input(str(text), 100_000).split())
    escaped = _MARKUP.sub(r"\\\1", folded)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped)


@dataclass(frozen=True)
class CaseRecord:
    """What a case discussion chose and concluded, ready to be written as a note."""

    when: dt.datetime
    age: int | None
    bands: Sequence[AgeBand]
    band_reasons: Sequence[str]
    behaviours: Sequence[Behaviour]
    not_listed: bool
    not_listed_text: str | None
    answers: Mapping[str, Answer | None]
    suggestion: Suggestion
    adult: bool = False
    notices: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Section:
    """One part of the note: a heading, then paragraphs, then bullets."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


def file_stem(record: CaseRecord) -> str:
    """A file name without extension, holding only the date and time: never anything typed."""
    return f"case-discussion-note-{record.when:%Y-%m-%d-%H%M}"


def when_text(when: dt.datetime) -> str:
    """The date and time of the discussion, e.g. '29 November 2026 at 14:05 (UK time)'."""
    return f"{wording.date_words(when.date())} at {when:%H:%M} (UK time)"


def contact_text(pack: Pack, contact: Contact) -> str:
    """A contact in plain words with every number and address written out, its hours, and its out-of-hours line."""
    ways = [wording.printed_value(c.kind, c.value) for c in contact.channels]
    parts = [f"{contact.name}: {', '.join(ways)}"]
    hours = wording.hours_words(contact)
    if hours != wording.HOURS_NOT_KNOWN:
        parts.append(hours)
    fallback = pack.contact(contact.out_of_hours) if contact.out_of_hours else None
    if fallback is not None:
        phone = first_phone(fallback)
        parts.append(f"Out of hours: {fallback.name}" + (f", {phone.display}" if phone else ""))
    return ". ".join(part.strip().rstrip(".") for part in parts) + "."


def _route_sections(pack: Pack, routes: Sequence[Route], when: dt.datetime) -> list[_Section]:
    sections: list[_Section] = []
    answer = who_to_call(pack, None, when, route=routes[0]) if routes else None
    lead = wording.lead_sentence(answer) if answer is not None else None
    if lead:
        sections.append(_Section("Who to call first, at the time of the discussion", paragraphs=[lead]))
    for route in routes:
        bullets = [f"In your setting: {step}" for step in route.in_your_setting]
        bullets += [f"The route out: {step}" for step in route.route_out]
        calls = who_to_call(pack, None, when, route=route).calls
        # In the order to call them now; an out-of-hours team is written on its door's line.
        named_by_door = {
            c.contact.id for c in calls if c.role in (Role.OUT_OF_HOURS, Role.NEIGHBOUR) and c.door is not None
        }
        bullets += [f"Call: {contact_text(pack, c.contact)}" for c in calls if c.contact.id not in named_by_door]
        sections.append(_Section(heading=route.title, bullets=bullets))
    return sections


def _sections(pack: Pack, record: CaseRecord) -> list[_Section]:
    suggestion = record.suggestion
    child = [f"Age in years: {record.age if record.age is not None else 'not given'}"]
    child.append("Age band(s) used: " + (", ".join(b.label for b in record.bands) or "none chosen"))
    child += list(record.band_reasons) + list(record.notices)

    seen = [f"{pack.level_label(b.level)}: {b.text} ({pack.band_of(b).label})" for b in record.behaviours]
    if record.not_listed:
        described = record.not_listed_text or "no description given"
        seen.append(f"Not listed (rated with the criteria): {described}")
    if not seen:
        seen.append("None chosen")

    answers = [f"{c.name}: {c.question} Answer: {answer_words(record.answers.get(c.id))}" for c in pack.criteria]

    if suggestion.level is not None:
        level_words = f"Suggested level: {level_heading(pack, suggestion.level)}"
    else:
        level_words = "Suggested level: none yet"
    sections = [
        _Section("The child", bullets=child),
        _Section("Behaviours observed", bullets=seen),
        _Section("The criteria", bullets=answers),
        _Section(level_words, paragraphs=[suggestion.caveat], bullets=list(suggestion.reasons)),
        _Section("Information to gather", bullets=list(suggestion.to_find_out) or ["Every question was answered."]),
    ]
    routes = routes_for_case(pack, suggestion.level, not_listed=record.not_listed, adult=record.adult)
    if routes:
        sections.append(_Section("What to do and whom to call"))
        sections += _route_sections(pack, routes, record.when)
    return sections


def note_markdown(pack: Pack, record: CaseRecord) -> str:
    """The note as Markdown; every piece of text is escaped, so nothing in it becomes a link or markup."""
    lines = [
        f"# {NOTE_TITLE}",
        "",
        f"Discussed on {note_text(when_text(record.when))}. Made with {note_text(pack.info.name)}, version {note_text(pack.info.version)}.",
        "",
        f"> {note_text(NO_DETAILS)}",
    ]
    route_heading_seen = False
    for section in _sections(pack, record):
        level = "###" if route_heading_seen else "##"
        lines += ["", f"{level} {note_text(section.heading)}"]
        if section.heading == "What to do and whom to call":
            route_heading_seen = True
        for paragraph in section.paragraphs:
            lines += ["", f"*{note_text(paragraph)}*"]
        if section.bullets:
            lines.append("")
            lines += [f"- {note_text(item)}" for item in section.bullets]
    lines += ["", "## Decision", ""]
    for label in WRITE_INS:
        lines += [f"**{note_text(label)}**", "", "", ""]
    lines.append(f"*{note_text(pack.info.credit.framework)}*")
    return "\n".join(lines).rstrip() + "\n"


def plain_text(text: str) -> str:
    """One piece of text for the plain-text note: control and direction characters removed, on one line."""
    return " ".join(clean_input(str(text), 100_000).split())


def note_plain_text(pack: Pack, record: CaseRecord) -> str:
    """The note as plain text that pastes cleanly into school and council recording systems.

    Nothing is escaped or marked up: headings are lines of their own, lists start with "- ",
    and a version reads "1.0.0", not "1\\.0\\.0". Each heading, paragraph and list item is one
    line, never broken inside: the recording systems (CPOMS, MyConcern, case management
    forms) wrap text to their own box, and a line broken at a fixed width there reads as a
    ragged column. A blank line separates the sections.
    """
    lines = [
        NOTE_TITLE,
        "",
        plain_text(f"Discussed on {when_text(record.when)}. Made with {pack.info.name}, version {pack.info.version}."),
        plain_text(NO_DETAILS),
    ]
    for section in _sections(pack, record):
        lines += ["", plain_text(section.heading)]
        lines += [plain_text(paragraph) for paragraph in section.paragraphs]
        lines += [f"- {plain_text(item)}" for item in section.bullets]
    lines += ["", "Decision"]
    for label in WRITE_INS:  # each followed by an empty line to write in
        lines += [label, ""]
    lines.append(plain_text(pack.info.credit.framework))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def note_pdf(pack: Pack, record: CaseRecord) -> bytes:
    """The note as a tagged A4 PDF (behaviours/templates/print/note.html), made in memory and never saved,
    with real, searchable text and space to write the decision."""
    sections = []
    route_heading_seen = False
    for section in _sections(pack, record):
        suggested = section.heading.startswith("Suggested level") and record.suggestion.level is not None
        sections.append(
            {
                "heading": section.heading,
                "tag": "h3" if route_heading_seen else "h2",
                "level": record.suggestion.level if suggested else None,
                "paragraphs": section.paragraphs,
                "bullets": section.bullets,
            }
        )
        route_heading_seen = route_heading_seen or section.heading == "What to do and whom to call"
    info = pack.info
    context = {
        "pack": pack,
        "title": NOTE_TITLE,
        "footer": footer_line(info.name, info.version, info.last_reviewed, record.when.date()),
        "discussed": f"Discussed on {when_text(record.when)}. Made with {info.name}, version {info.version}.",
        "no_details": NO_DETAILS,
        "sections": sections,
        "write_ins": [{"label": label, "lines": 3 if label == "Decision:" else 1} for label in WRITE_INS],
    }
    return render_pdf("note.html", context)
