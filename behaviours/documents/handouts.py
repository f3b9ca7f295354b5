"""Printable A4 handouts made from the pack: one per age band, and one of routes and helplines.

They are built from the content every time, so a handout never disagrees with the app.
Each handout is a template in behaviours/templates/print/ filled from a plain context; the
offline site (behaviours/site.py) fills the same templates for the web.
Levels are said in words; colour only repeats them. A level, a route and a contact are put into
words by the app's own functions (``presentation.level_heading``, ``hours.who_to_call`` with no
moment, ``behaviours.wording.contacts``), so a sheet can never word them differently from the app.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from behaviours.answers.lookup import how_level_changes, law_for_item
from behaviours.contacts.directory import directory_order
from behaviours.contacts.hours import who_to_call
from behaviours.core.clock import today
from behaviours.documents.pdf import footer_line, render_pdf
from behaviours.pack.model import LEVELS, AgeBand, Behaviour, Contact, LawNote, Route, Status
from behaviours.pack.pack import Pack
from behaviours.training.debrief import Debrief, summary_title
from behaviours.wording import contacts as wording
from behaviours.wording.levels import level_heading

ROUTES_TITLE = "Escalation routes and helplines"
SPECIAL_ROUTES = ("immediate-danger", "adult", "not-listed")
# The routes sheet must fit two sides; rating a behaviour that is not listed is on every band handout.
SHEET_ROUTES = ("immediate-danger", "adult")
# Only the emergency's steps inside a setting are repeated on the sheet; the rest are on the band handouts.
SHEET_SETTING_STEPS = ("immediate-danger",)


def printed_calls(pack: Pack) -> list[str]:
    """The numbers every handout and offline page carries, as the app words them for a sheet read at any hour:
    999, the front door with its hours, its out-of-hours team, and the DSL."""
    return wording.printed_calls(who_to_call(pack, None, None))


def common_context(pack: Pack, title: str, generated: dt.date, *, made: str = "Printed") -> dict[str, Any]:
    """What every printed page and offline page carries: the pack, a title, and the footer line."""
    info = pack.info
    return {
        "pack": pack,
        "title": title,
        "generated": generated,
        "footer": footer_line(info.name, info.version, info.last_reviewed, generated, made=made),
    }


def band_title(band: AgeBand) -> str:
    """The title of a band's handout and offline page."""
    return f"{band.label}: sexual behaviours traffic light"


def band_context(pack: Pack, band: AgeBand, generated: dt.date) -> dict[str, Any]:
    """What the band template shows: each level in words with its descriptors and steps, and whom to call."""
    levels = []
    for level in LEVELS:
        guide = pack.level_guide(level)
        levels.append(
            {
                "level": level,
                "heading": level_heading(pack, level),
                "meaning": guide.meaning,
                "behaviours": [_item(pack, behaviour) for behaviour in pack.behaviours(band, level)],
                "what_to_do": guide.what_to_do,
                "what_to_record": guide.what_to_record,
                "who_to_tell": guide.who_to_tell,
            }
        )
    return {
        **common_context(pack, band_title(band), generated),
        "band": band,
        "criteria_names": ", ".join(c.name.lower() for c in pack.criteria),
        "who_to_call": printed_calls(pack),
        "levels": levels,
        "band_law": _law_in_band(pack, band),
    }


def _item(pack: Pack, behaviour: Behaviour) -> dict[str, Any]:
    """A descriptor as printed: its words, how its level changes with age, and the law on it (by age)."""
    return {
        "text": behaviour.text,
        "consider": behaviour.consider,
        "changes": how_level_changes(pack, behaviour),
        "law": [
            f"{item.note.title} (at {item.ages})" if item.ages else item.note.title
            for item in law_for_item(pack, behaviour, None)
        ],
    }


def _law_in_band(pack: Pack, band: AgeBand) -> list[LawNote]:
    """Every law note the band's items carry, once each, in the pack's order: the text behind the titles."""
    used = {item.note.id for behaviour in band.behaviours for item in law_for_item(pack, behaviour, None)}
    return [note for note in pack.law if note.id in used]


def _route(
    pack: Pack, route: Route, *, setting_steps: bool = True, call: bool = True, named: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A route as printed: its steps, then its calls in the app's order and words, leaving out ``named`` contacts
    (on the two-sided sheet, those already under "Who to call now")."""
    calls = [c for c in who_to_call(pack, None, None, route=route).calls if c.contact.id not in named] if call else []
    return {
        "level": route.level,
        "title": route.title,
        "in_your_setting": route.in_your_setting if setting_steps else [],
        "route_out": route.route_out,
        "calls": wording.route_call_lines(calls),
    }


def directory_entry(contact: Contact, *, with_note: bool = True) -> dict[str, Any]:
    """A service on the routes sheet, in the app's words: how to reach it, its hours, who it is for, and how far
    it is checked. Without ``with_note`` (the two-sided sheet) an unconfirmed entry says so and when, not why."""
    status = wording.status_words(contact)
    # A verified entry's note is background; an unconfirmed entry's note says what is in doubt.
    if with_note and contact.status_note and contact.status != Status.VERIFIED:
        status = f"{status}. {contact.status_note.strip()}"
    return {
        "name": contact.name,
        "lines": wording.entry_lines(contact),
        "status": status,
        "unconfirmed": contact.status != Status.VERIFIED,
    }


def routes_context(pack: Pack, generated: dt.date, *, sheet: bool = True) -> dict[str, Any]:
    """What the routes page shows: each level's route, the special routes, then local services and helplines.
    The printed ``sheet`` keeps to two sides of A4; the offline page (``sheet=False``) shows every step."""
    routes = [_route(pack, pack.route_for(level), setting_steps=not sheet, call=not sheet) for level in LEVELS]
    specials = [r for r in (pack.special_route(i) for i in (SHEET_ROUTES if sheet else SPECIAL_ROUTES)) if r]
    on_top = frozenset(c.contact.id for c in who_to_call(pack, None, None).calls) if sheet else frozenset()
    routes += [_route(pack, r, setting_steps=not sheet or r.id in SHEET_SETTING_STEPS, named=on_top) for r in specials]
    # Old services and campaigns are named once, in words, rather than taking space a reader needs.
    ordered = [c for c in directory_order(pack.contacts) if c.status != Status.OUTDATED]
    out_of_date = [c for c in pack.contacts if c.status == Status.OUTDATED]
    directory = [
        {"title": "Local services", "entries": [directory_entry(c, with_note=not sheet) for c in ordered if c.local]},
        {
            "title": "Helplines and national services",
            "entries": [directory_entry(c, with_note=not sheet) for c in ordered if not c.local],
        },
    ]
    return {
        **common_context(pack, ROUTES_TITLE, generated),
        "page_class": "sheet-routes" if sheet else "",
        "sheet": sheet,
        "who_to_call": printed_calls(pack),
        "routes": routes,
        "directory": [group for group in directory if group["entries"]],
        "out_of_date": "; ".join(c.name for c in out_of_date) + "." if out_of_date else "",
        "out_of_date_word": wording.status_word(Status.OUTDATED),
    }


def band_handout(pack: Pack, band: AgeBand, generated: dt.date | None = None) -> bytes:
    """One band on A4 as a tagged PDF: each level in words with its meaning, every descriptor, what to do,
    record and tell, the numbers to call, the developmental-age note, and the pack's version and credit."""
    return render_pdf("band.html", band_context(pack, band, generated or today()))


def routes_handout(pack: Pack, generated: dt.date | None = None) -> bytes:
    """The routes and helplines sheet as a tagged PDF: local routes first, then every service with its hours
    and how far its details are checked."""
    return render_pdf("routes.html", routes_context(pack, generated or today()))


def room_summary_context(
    pack: Pack, summary: Debrief, held_on: dt.date, *, room_items: int, course: str | None = None
) -> dict[str, Any]:
    """What the room summary sheet shows: the same words as the projector summary (behaviours/training/debrief.py)."""
    return {
        **common_context(pack, summary_title(summary), held_on),
        "summary": summary,
        "held_on": held_on,
        "room_items": room_items,
        "course": course,
    }


def room_summary_handout(
    pack: Pack, summary: Debrief, held_on: dt.date, *, room_items: int, course: str | None = None
) -> bytes:
    """A training room's agreement figures as an A4 PDF for the trainer's records: counts and figures only."""
    return render_pdf(
        "room-summary.html", room_summary_context(pack, summary, held_on, room_items=room_items, course=course)
    )
