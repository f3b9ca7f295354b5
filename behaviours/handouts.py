"""Printable A4 handouts made from the pack: one per age band, and one of routes and helplines.

They are built from the content every time, so a handout never disagrees with the app.
Each handout is a template in behaviours/templates/print/ filled from a plain context; the
offline site (behaviours/site.py) fills the same templates for the web.
Levels are said in words; colour only repeats them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from behaviours.clock import today
from behaviours.directory import audience_words, channel_words, directory_order
from behaviours.lookup import how_level_changes, law_for_item
from behaviours.model import LEVELS, AgeBand, Behaviour, ChannelKind, Contact, LawNote, Route, Status
from behaviours.pack import Pack
from behaviours.pdf import footer_line, render_pdf
from behaviours.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.presentation import emergency_contacts, first_phone, front_door, level_heading
from behaviours.text import long_date

ROUTES_TITLE = "Escalation routes and helplines"
SPECIAL_ROUTES = ("immediate-danger", "adult", "not-listed")
# The routes sheet must fit two sides; rating a behaviour that is not listed is on every band handout.
SHEET_ROUTES = ("immediate-danger", "adult")
# Only the emergency's steps inside a setting are repeated on the sheet; the rest are on the band handouts.
SHEET_SETTING_STEPS = ("immediate-danger",)
# Said in words on every sheet, so an unchecked number is never mistaken for a checked one.
NOT_CONFIRMED = "Not yet confirmed"
OUT_OF_DATE = "Out of date"


def status_words(contact: Contact) -> str:
    """How far a contact's details are checked, in words with the date, e.g. 'Verified 1 June 2025'
    or 'Not yet confirmed: last checked 1 June 2025'."""
    checked = long_date(contact.last_verified)
    if contact.status == Status.VERIFIED:
        return f"Verified {checked}"
    word = NOT_CONFIRMED if contact.status == Status.UNVERIFIED else OUT_OF_DATE
    return f"{word}: last checked {checked}"


def channel_text(kind: ChannelKind, value: str, *, inline: bool = False, printed: bool = False) -> str:
    """One way to reach a contact, in words: 'Phone: 0345 678 9021' on its own line, 'phone 0345 678 9021' inline.
    ``printed`` writes a web address as a reader types it ('www.nspcc.org.uk'), without 'https://'."""
    shown = value.removeprefix("mailto:")
    if printed and kind in (ChannelKind.WEB, ChannelKind.CHAT):
        shown = shown.removeprefix("https://").removesuffix("/")
    if kind in (ChannelKind.PHONE, ChannelKind.TEXT):
        try:
            shown = parse_uk_number(value).display
        except InvalidPhoneNumber:
            shown = value
    if inline:
        return f"{channel_words(kind)} {shown}"
    return f"{channel_words(kind).capitalize()}: {shown}"


def hours_text(contact: Contact) -> str | None:
    """A contact's opening hours in words, or None when the pack does not give them."""
    if contact.open_always:
        return "24 hours"
    return contact.hours.strip() if contact.hours else None


def contact_summary_line(contact: Contact) -> str:
    """A contact in one line for a route: its name, every way to reach it and its hours when known."""
    ways = "; ".join(channel_text(c.kind, c.value, inline=True) for c in contact.channels)
    hours = hours_text(contact)
    return f"{contact.name}: {ways}" + (f" ({hours.rstrip('.')})" if hours else "")


def who_to_call(pack: Pack) -> list[str]:
    """The numbers every handout carries: 999, the front door, its out-of-hours team, the DSL."""
    lines: list[str] = []
    for contact in emergency_contacts(pack):
        phone = first_phone(contact)
        if phone:
            lines.append(f"Immediate danger: call {phone.display}.")
    door = front_door(pack)
    if door is not None:
        phone = first_phone(door)
        number = f" on {phone.display}" if phone else ""
        hours = f" ({door.hours.strip().rstrip('.')})" if door.hours else ""
        lines.append(f"Worried about a child: call {door.name}{number}{hours}.")
        fallback = pack.contact(door.out_of_hours) if door.out_of_hours else None
        if fallback is not None:
            out_phone = first_phone(fallback)
            out_number = f" on {out_phone.display}" if out_phone else ""
            lines.append(f"Out of hours: call {fallback.name}{out_number}.")
    lines.append("Tell your designated safeguarding lead (DSL) too.")
    return lines


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
        "who_to_call": who_to_call(pack),
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


def _call_line(pack: Pack, route: Route) -> str:
    parts = []
    for contact in pack.contacts_for(route):
        phone = first_phone(contact)
        parts.append(f"{contact.name} {phone.display}" if phone else contact.name)
    return "; ".join(parts) + "." if parts else ""


def _route(pack: Pack, route: Route, *, setting_steps: bool = True, call: bool = True) -> dict[str, Any]:
    return {
        "level": route.level,
        "title": route.title,
        "in_your_setting": route.in_your_setting if setting_steps else [],
        "route_out": route.route_out,
        "call": _call_line(pack, route) if call else "",
    }


def directory_entry(contact: Contact, *, with_note: bool = True) -> dict[str, Any]:
    """A service on the routes sheet: how to reach it, its hours, who it is for, and how far it is checked.
    Without ``with_note`` (the two-sided sheet) an unconfirmed entry says so and when, not why."""
    lines = [channel_text(c.kind, c.value, printed=True).rstrip(".") for c in contact.channels]
    hours = hours_text(contact)
    lines.append(f"Hours: {hours.rstrip('.')}" if hours else "Hours: not given")
    lines.append("For: " + ", ".join(audience_words(a) for a in contact.audience))
    status = status_words(contact)
    # A verified entry's note is background; an unconfirmed entry's note says what is in doubt.
    if with_note and contact.status_note and contact.status != Status.VERIFIED:
        status = f"{status}. {contact.status_note.strip()}"
    return {
        "name": contact.name,
        "lines": lines,
        "status": status,
        "unconfirmed": contact.status != Status.VERIFIED,
    }


def routes_context(pack: Pack, generated: dt.date, *, sheet: bool = True) -> dict[str, Any]:
    """What the routes page shows: each level's route, the special routes, then local services and helplines.
    The printed ``sheet`` keeps to two sides of A4; the offline page (``sheet=False``) shows every step."""
    routes = [_route(pack, pack.route_for(level), setting_steps=not sheet, call=not sheet) for level in LEVELS]
    specials = [r for r in (pack.special_route(i) for i in (SHEET_ROUTES if sheet else SPECIAL_ROUTES)) if r]
    routes += [_route(pack, r, setting_steps=not sheet or r.id in SHEET_SETTING_STEPS) for r in specials]
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
        "who_to_call": who_to_call(pack),
        "routes": routes,
        "directory": [group for group in directory if group["entries"]],
        "out_of_date": "; ".join(c.name for c in out_of_date) + "." if out_of_date else "",
    }


def band_handout(pack: Pack, band: AgeBand, generated: dt.date | None = None) -> bytes:
    """One band on A4 as a tagged PDF: each level in words with its meaning, every descriptor, what to do,
    record and tell, the numbers to call, the developmental-age note, and the pack's version and credit."""
    return render_pdf("band.html", band_context(pack, band, generated or today()))


def routes_handout(pack: Pack, generated: dt.date | None = None) -> bytes:
    """The routes and helplines sheet as a tagged PDF: local routes first, then every service with its hours
    and how far its details are checked."""
    return render_pdf("routes.html", routes_context(pack, generated or today()))
