"""Printable A4 handouts made from the pack: one per age band, and one of routes and helplines.

They are built from the content every time, so a handout never disagrees with the app.
Levels are said in words; the coloured bars only repeat them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from behaviours.directory import audience_words
from behaviours.hours import who_to_call
from behaviours.model import LEVELS, AgeBand, Contact, Level, Route
from behaviours.pack import Pack
from behaviours.pdf import Document, pdf_text
from behaviours.presentation import level_heading
from behaviours.wording import (
    channel_text,
    contact_text,
    hours_words,
    sheet_lines,
    status_words,
    who_to_call_lines,
)

# Kept importable from here: the words themselves live in behaviours.wording.
hours_text = hours_words


def contact_summary_line(contact: Contact) -> str:
    """A contact in one line for a route: its name and every way to reach it."""
    return contact_text(contact)


class Handout(Document):
    """A Document that keeps each list item and each section's opening lines on one page."""

    def room_for(self, height: float) -> None:
        """Start a new page when fewer than ``height`` millimetres are left on this one."""
        if self.will_page_break(height):
            self.add_page()

    def kept_bullets(self, items: Sequence[str], size: int = 10) -> None:
        """A bulleted list in which no item is split across two pages."""
        self.set_font("helvetica", "", size)
        line_height = size * 0.5
        for item in items:
            text = pdf_text(f"- {item}")
            lines = self.multi_cell(self.epw - 3, line_height, text, dry_run=True, output="LINES")
            self.room_for(len(lines) * line_height)
            self.set_x(self.l_margin + 3)
            self.multi_cell(self.epw - 3, line_height, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def section(self, title: str, items: Sequence[str], size: int = 11) -> None:
        """A small heading and its list, the heading never alone at the foot of a page."""
        if not items:
            return
        self.room_for(20)
        self.heading(title, size=size)
        self.kept_bullets(items)

    def kept_credit(self) -> None:
        """The credit, moved whole to a new page when it would not fit at the foot of this one."""
        credit = self.pack.info.credit
        self.set_font("helvetica", "I", 8)
        lines = sum(
            len(self.multi_cell(0, 4, pdf_text(text), dry_run=True, output="LINES"))
            for text in (credit.framework, credit.wording, credit.licence)
        )
        self.room_for(lines * 4 + 3)
        self.credit()

    def level_section(self, level: Level, min_height: float = 45) -> None:
        """A level bar in words, with room below it for its first lines."""
        self.room_for(min_height)
        self.level_bar(level)


def _who_to_call(pack: Pack) -> list[str]:
    """The numbers every handout carries, in the order to call them (a sheet is not tied to a moment)."""
    lines = sheet_lines(who_to_call(pack, None, None))
    lines.append("Tell your designated safeguarding lead (DSL) too.")
    return lines


def band_handout(pack: Pack, band: AgeBand, generated: dt.date | None = None) -> bytes:
    """One band on A4: each level in words with its meaning, every descriptor, what to do, record and tell,
    the numbers to call, the developmental-age note, and the pack's version, review date and credit."""
    doc = Handout(pack, f"{band.label}: sexual behaviours traffic light", generated=generated)
    doc.paragraph(
        f"Behaviours that can be seen in children and young people in this age band ({band.label.lower()}), "
        "at three levels. Every level calls for a response; only how strong it is changes. "
        "A listed behaviour is a starting point: what happened around it decides the level."
    )
    if band.summary:
        doc.paragraph(band.summary)
    criteria = ", ".join(c.name.lower() for c in pack.criteria)
    if criteria:
        doc.paragraph(f"What can change the level: {criteria}. If a behaviour is not listed, rate it with these.")
    doc.paragraph(pack.info.developmental_age_note, style="I")
    doc.section("Who to call", _who_to_call(pack))

    for level in LEVELS:
        guide = pack.level_guide(level)
        doc.level_section(level)
        doc.paragraph(guide.meaning)
        doc.section("What it can look like", [b.text for b in pack.behaviours(band, level)])
        doc.section("What to do", guide.what_to_do)
        doc.section("What to record", guide.what_to_record)
        doc.section("Who to tell", guide.who_to_tell)

    doc.kept_credit()
    return doc.to_bytes()


def _route_block(doc: Handout, pack: Pack, route: Route) -> None:
    doc.section("In your setting", route.in_your_setting)
    doc.section("The route out", route.route_out)
    doc.section("Who to call", who_to_call_lines(who_to_call(pack, None, None, route=route)))


def routes_handout(pack: Pack, generated: dt.date | None = None) -> bytes:
    """One sheet of escalation routes and helplines: each level's route, the special routes,
    and every service in the directory with how far its details are checked."""
    doc = Handout(pack, "Escalation routes and helplines", generated=generated)
    doc.paragraph(
        "What to do at each level, in your own setting and beyond it, and whom to call. "
        "Each service shows when its details were last checked."
    )
    doc.section("Who to call", _who_to_call(pack))

    for level in LEVELS:
        route = pack.route_for(level)
        doc.level_section(level, min_height=35)
        if route.title.strip() != level_heading(pack, level):
            doc.paragraph(route.title, size=11, style="B")
        _route_block(doc, pack, route)

    for route_id in ("immediate-danger", "adult", "not-listed"):
        route = pack.special_route(route_id)
        if route is None:
            continue
        doc.room_for(35)
        doc.heading(route.title, size=13)
        _route_block(doc, pack, route)

    doc.room_for(40)
    doc.heading("Directory of services", size=14)
    for contact in pack.contacts:
        _directory_entry(doc, contact)

    doc.kept_credit()
    return doc.to_bytes()


def _directory_entry(doc: Handout, contact: Contact) -> None:
    lines = [
        contact.summary,
        "For: " + ", ".join(audience_words(a) for a in contact.audience),
        *(channel_text(c.kind, c.value) for c in contact.channels),
        f"Hours: {hours_words(contact)}",
        f"Status: {status_words(contact)}",
    ]
    if contact.status_note:
        lines.append(contact.status_note)
    doc.room_for(8 + 5 * len(lines))
    doc.heading(contact.name, size=11)
    doc.kept_bullets(lines, size=9)
