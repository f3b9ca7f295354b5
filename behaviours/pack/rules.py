"""The checks that span a whole pack, as small functions that each yield problems.

Each rule reads a ``PackContent`` (behaviours/reader.py) and the one ``today`` the
check is run against, and yields ``Problem``s: errors block the pack, warnings inform.
A rule never reads the clock, files or the environment. ``RULES`` lists them all in the
order they run; add a rule by writing a function and adding it there.

A rule skips a file that could not be read, and does not report something as missing
from a file that was read without a broken item (``content.salvaged``): the broken
item has its own message, and the missing thing may be in it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from behaviours.core.text import long_date
from behaviours.pack import links, references
from behaviours.pack.band_rules import check_content
from behaviours.pack.editor_messages import age_ranges, unknown_ref
from behaviours.pack.model import LEVELS, ChannelKind, Contact, Status
from behaviours.pack.pack import older_than
from behaviours.pack.reader import BANDS_DIR, PackContent, PathKey
from behaviours.pack.review import file_reviews
from behaviours.pack.yamlsource import Problem

CHILD_AGES = range(0, 18)
REVIEW_MONTHS = 12
SPECIAL_ROUTES = ("immediate-danger", "adult", "not-listed")
LONG_DESCRIPTOR = 400
# The longest text in the shipped pack is 756 characters (a law note); a text far past that breaks the pages
# that show it (a 1 MB descriptor made /?age=7 fail with MessageSizeError), so it is an error, not a warning.
LONGEST_TEXT = 1500
WARNING = "warning"

Rule = Callable[[PackContent, dt.date], Iterator[Problem]]

# The files whose items carry pack-wide ids, and the list field that holds them.
ID_LISTS = (
    ("criteria.yaml", "criteria"),
    ("law.yaml", "law"),
    ("contacts.yaml", "contacts"),
    ("routes.yaml", "routes"),
    ("scenarios.yaml", "scenarios"),
    ("routes.yaml", "resources"),
)


# ---------------------------------------------------------------- ids


def ids_are_unique(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Every id in the pack differs from every other; a repeat is reported at the copy, naming the original.

    Which of two places is the copy: a behaviour's id starts with its band's id (9-13-red-...), so the place
    where an id sits in the band its name gives is the original and the other is the copy, whichever file
    comes first. Otherwise the later place is the copy: bands in age order, then criteria, law, contacts,
    routes, scenarios and resources, each from top to bottom, as an editor who adds something usually
    adds it below what is there.
    """
    places: dict[str, list[tuple[str, tuple[str | int, ...], bool]]] = {}
    bands = sorted(content.bands, key=lambda item: (item[1].min_age, item[1].max_age, item[0]))
    for relative, band in bands:
        places.setdefault(band.id, []).append((relative, ("id",), True))
        for i, behaviour in content.each(relative, "behaviours"):
            at_home = behaviour.id.startswith(f"{band.id}-")
            places.setdefault(behaviour.id, []).append((relative, ("behaviours", i, "id"), at_home))
    for relative, attribute in ID_LISTS:
        for i, item in content.each(relative, attribute):
            places.setdefault(item.id, []).append((relative, (attribute, i, "id"), False))
    for item_id, found in places.items():
        if len(found) < 2:
            continue
        original = next((place for place in found if place[2]), found[0])
        first = content.where(original[0], original[1])
        for relative, path, _ in found:
            if (relative, path) != (original[0], original[1]):
                yield content.problem(
                    relative,
                    path,
                    f"the id '{item_id}' is already used at {first}; every id in a pack must be different",
                )


# ---------------------------------------------------------------- bands


def band_id_is_file_name(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A band's id is its file name, so links and references find it."""
    for relative, band in content.bands:
        stem = Path(relative).stem
        if band.id != stem:
            yield content.problem(
                relative,
                ("id",),
                f"the id '{band.id}' must match the file name; write id: {stem} or rename the file to {band.id}.yaml",
            )


def band_has_every_level(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Ages in order, and at least one behaviour at each level in every band."""
    for relative, band in content.bands:
        if band.min_age > band.max_age:
            yield content.problem(
                relative, ("max_age",), f"max_age {band.max_age} is below min_age {band.min_age}; swap them"
            )
            continue
        if content.salvaged(relative):
            continue  # the missing level may be in the behaviour that could not be read
        for level in LEVELS:
            if not any(b.level == level for b in band.behaviours):
                yield content.problem(
                    relative,
                    ("behaviours",),
                    f"band '{band.id}' has no {level.value} behaviours; add at least one with level: {level.value}",
                )


def every_age_has_a_band(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Every child's age, 0 to 17, falls in some band."""
    if not content.bands or content.unreadable_bands:
        # Ages a broken band file was meant to cover are unknown; a gap reported now would be false.
        return
    uncovered = [age for age in CHILD_AGES if not any(band.holds(age) for _, band in content.bands)]
    if uncovered:
        yield Problem(
            content.name(BANDS_DIR),
            None,
            "",
            f"no band covers age{'s' if len(uncovered) > 1 else ''} {age_ranges(uncovered)}; "
            "set min_age and max_age so every age from 0 to 17 is in a band",
        )


def _unknown_refs(
    content: PackContent,
    relative: str,
    path: PathKey,
    refs: Iterable[str],
    kind: str,
    known: Collection[str],
    where: str,
) -> Iterator[Problem]:
    """One problem for each of ``refs`` that is not in ``known``, at ``path`` and the reference's index."""
    for j, ref in enumerate(refs):
        if ref not in known:
            yield content.problem(relative, (*path, j), unknown_ref(kind, ref, known, where))


def law_references_exist(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A behaviour's law notes are in law.yaml."""
    law_ids = content.ids("law.yaml", "law")
    if law_ids is None:
        return
    for relative, _band in content.bands:
        for b_index, behaviour in content.each(relative, "behaviours"):
            yield from _unknown_refs(
                content, relative, ("behaviours", b_index, "law"), behaviour.law, "law note", law_ids, "law.yaml"
            )


def concerns_name_real_items(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Each concern in pack.yaml names themes and behaviours that the bands use."""
    info = content.models.get("pack.yaml")
    if info is None or not info.concerns or content.unreadable_bands:
        return
    if any(content.salvaged(relative) for relative, _ in content.bands):
        return
    behaviours = [b for _relative, band in content.bands for b in band.behaviours]
    themes = {b.theme for b in behaviours if b.theme}
    ids = {b.id for b in behaviours}
    for i, concern in enumerate(info.concerns):
        for field_name, known, kind in (("themes", themes, "theme"), ("behaviours", ids, "behaviour")):
            where = "a behaviour's 'theme:' in bands/" if kind == "theme" else "bands/"
            refs = getattr(concern, field_name)
            yield from _unknown_refs(content, "pack.yaml", ("concerns", i, field_name), refs, kind, known, where)


def descriptors_are_short(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A descriptor is one plain sentence; a long one gets a warning."""
    for relative, _ in content.bands:
        for b_index, behaviour in content.each(relative, "behaviours"):
            if LONG_DESCRIPTOR < len(behaviour.text) <= LONGEST_TEXT:
                yield content.problem(
                    relative,
                    ("behaviours", b_index, "text"),
                    f"this descriptor is {len(behaviour.text)} characters; keep it to one plain sentence",
                    WARNING,
                )


def texts_are_within_the_limit(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """No text shown from the pack (descriptor, consider line, note, step ...) is over ``LONGEST_TEXT`` characters."""
    for relative in content.docs:
        for index, text in enumerate(content.texts(relative)):
            if len(text) <= LONGEST_TEXT:
                continue
            path = content.text_path(relative, index)
            advice = (
                "keep it to one plain sentence"
                if relative.startswith(f"{BANDS_DIR}/") and path[-1] == "text"
                else "shorten it, or split it into several items of a list"
            )
            yield content.problem(
                relative,
                path,
                f"this text is {len(text):,} characters, over the limit of {LONGEST_TEXT:,}; {advice}",
            )


# ---------------------------------------------------------------- routes


def one_route_per_level(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Exactly one route for each level."""
    routes = content.each("routes.yaml", "routes")
    if content.models.get("routes.yaml") is None:
        return
    for level in LEVELS:
        matching = [i for i, route in routes if route.level == level]
        if not matching and not content.salvaged("routes.yaml"):
            yield content.problem(
                "routes.yaml", ("routes",), f"there is no route for {level.value}; add one with level: {level.value}"
            )
        for extra in matching[1:]:
            yield content.problem(
                "routes.yaml", ("routes", extra, "level"), f"a second route for {level.value}; keep one route per level"
            )


def special_routes_exist(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """The immediate-danger, adult and not-listed routes are present."""
    route_ids = content.ids("routes.yaml", "routes")
    if route_ids is None:
        return
    for special in SPECIAL_ROUTES:
        if special not in route_ids:
            yield content.problem(
                "routes.yaml", ("routes",), f"the route with id '{special}' is missing; every pack needs it"
            )


def routes_have_steps(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A route says something to do, and names only contacts that exist."""
    contact_ids = content.ids("contacts.yaml", "contacts")
    for i, route in content.each("routes.yaml", "routes"):
        if not route.in_your_setting and not route.route_out:
            yield content.problem(
                "routes.yaml", ("routes", i), "a route needs at least one step in in_your_setting or route_out"
            )
        if contact_ids is not None:
            yield from _unknown_refs(
                content,
                "routes.yaml",
                ("routes", i, "contacts"),
                route.contacts,
                "contact",
                contact_ids,
                "contacts.yaml",
            )


def resources_are_current(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Local documents: an unencrypted link or a link not checked for a year gets a warning."""
    for i, resource in content.each("routes.yaml", "resources"):
        yield from _http_warning(content, "routes.yaml", ("resources", i, "link"), resource.link)
        if older_than(resource.last_verified, REVIEW_MONTHS, today):
            yield content.problem(
                "routes.yaml",
                ("resources", i, "last_verified"),
                f"'{resource.title}' was last checked {long_date(resource.last_verified)}; check the link still works",
                WARNING,
            )


# ---------------------------------------------------------------- contacts and links


def _http_warning(content: PackContent, relative: str, path: tuple[str | int, ...], link: str) -> Iterator[Problem]:
    if links.is_http(link):
        yield content.problem(
            relative,
            path,
            f"'{link}' uses http:, which is not encrypted; use https: if the site supports it",
            WARNING,
        )


def contact_links_are_encrypted(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A contact's web or chat link on http: gets a warning."""
    for i, contact in content.each("contacts.yaml", "contacts"):
        for j, channel in enumerate(contact.channels):
            if channel.kind in (ChannelKind.WEB, ChannelKind.CHAT):
                yield from _http_warning(
                    content, "contacts.yaml", ("contacts", i, "channels", j, "value"), channel.value
                )


def _allowed_hosts(content: PackContent) -> list[str]:
    info = content.models.get("pack.yaml")
    return list(info.allowed_international_hosts) if info is not None else []


def _checked_links(content: PackContent) -> Iterator[tuple[str, PathKey, str]]:
    """Every link the pack opens, with its file and path: contacts' web and chat channels, law notes, resources."""
    for i, contact in content.each("contacts.yaml", "contacts"):
        for j, channel in enumerate(contact.channels):
            if channel.kind in (ChannelKind.WEB, ChannelKind.CHAT):
                yield "contacts.yaml", ("contacts", i, "channels", j, "value"), channel.value
    for i, note in content.each("law.yaml", "law"):
        if note.link:
            yield "law.yaml", ("law", i, "link"), note.link
    for i, resource in content.each("routes.yaml", "resources"):
        yield "routes.yaml", ("resources", i, "link"), resource.link


def links_open_plain_hosts(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A link's host is written in plain letters (no other script, no punycode) unless pack.yaml allows it."""
    allowed = _allowed_hosts(content)
    for relative, path, link in _checked_links(content):
        problem = links.international_host_problem(link, allowed)
        if problem:
            yield content.problem(relative, path, problem)


def sources_hold_checked_links(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A web address in a ``source`` is checked as a link is: complete, nothing before an '@', a plain host."""
    allowed = _allowed_hosts(content)
    for relative in content.docs:
        for index, text in enumerate(content.texts(relative)):
            found = links.addresses_in(text)
            if not found:
                continue
            path = content.text_path(relative, index)
            if path[-1] != "source":
                continue
            for address in found:
                problem = links.web_link_problem(address) or links.international_host_problem(address, allowed)
                if problem:
                    yield content.problem(relative, path, problem)
                    break


# Where a web address is at home: fields checked as links, where a rule of their own checks it.
_LINK_FIELDS = {"link", "source", "allowed_international_hosts"}


def _is_link_field(content: PackContent, relative: str, path: PathKey) -> bool:
    if any(part in _LINK_FIELDS for part in path if isinstance(part, str)):
        return True
    if relative == "contacts.yaml" and len(path) == 5 and path[2] == "channels":
        if path[4] == "value":
            return True
        doc = content.docs[relative]
        channel = doc.data["contacts"][path[1]]["channels"][path[3]]
        return path[4] == "label" and channel.get("kind") in (ChannelKind.WEB.value, ChannelKind.CHAT.value)
    return False


def free_text_holds_no_addresses(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A web address in free text is refused: the app must never turn an address nobody checked into a link."""
    for relative in content.docs:
        for index, text in enumerate(content.texts(relative)):
            problem = links.free_text_address_problem(text)
            if problem is None:
                continue
            path = content.text_path(relative, index)
            if not _is_link_field(content, relative, path):
                yield content.problem(relative, path, problem)


def shared_numbers_say_what_they_reach(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A phone or text channel dialling 999, 112 or 101 says so in its label, and never reads as another service's."""
    for i, contact in content.each("contacts.yaml", "contacts"):
        for j, channel in enumerate(contact.channels):
            if channel.kind not in (ChannelKind.PHONE, ChannelKind.TEXT):
                continue
            problem = links.shared_number_problem(contact.name, channel.label, channel.value)
            if problem:
                field = "label" if channel.label else "value"
                yield content.problem("contacts.yaml", ("contacts", i, "channels", j, field), problem)


def out_of_hours_exists(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A contact's out-of-hours service is another contact in the file."""
    contact_ids = content.ids("contacts.yaml", "contacts") or set()
    for i, contact in content.each("contacts.yaml", "contacts"):
        if contact.out_of_hours and contact.out_of_hours not in contact_ids:
            yield content.problem(
                "contacts.yaml",
                ("contacts", i, "out_of_hours"),
                unknown_ref("contact", contact.out_of_hours, contact_ids, "contacts.yaml"),
            )


def contacts_are_checked(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """An unverified, outdated or long-unchecked contact gets a warning."""
    for i, contact in content.each("contacts.yaml", "contacts"):
        for message in contact_warnings(contact, today):
            dated = "last_verified" if contact.checked_on == contact.last_verified else "last_checked"
            field = "status" if "unverified" in message or "outdated" in message else dated
            yield content.problem("contacts.yaml", ("contacts", i, field), message, WARNING)


def contact_warnings(contact: Contact, today: dt.date) -> list[str]:
    """What a reader should know before relying on a contact: unverified, outdated or not checked lately."""
    messages: list[str] = []
    if contact.status == Status.UNVERIFIED:
        messages.append(f"{contact.name}: these details are unverified; check them before relying on them")
    elif contact.status == Status.OUTDATED:
        messages.append(f"{contact.name}: this entry is marked outdated; check the service still runs")
    if older_than(contact.checked_on, REVIEW_MONTHS, today):
        messages.append(
            f"{contact.name}: last checked {long_date(contact.checked_on)}, over {REVIEW_MONTHS} months ago; "
            "check the details again"
        )
    return messages


def law_links_are_encrypted(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A law note's link on http: gets a warning."""
    for i, note in content.each("law.yaml", "law"):
        if note.link:
            yield from _http_warning(content, "law.yaml", ("law", i, "link"), note.link)


_NOT_CONFIRMED = re.compile(
    r"\b(not (?:yet )?(?:been )?(?:confirmed|verified|checked)|unconfirmed|unverified|still to be confirmed|"
    r"could ?n[o']?t be (?:checked|confirmed|verified)|cannot be (?:checked|confirmed|verified)|"
    r"to be (?:confirmed|checked|verified)|tbc|needs? (?:checking|confirming|verifying))\b",
    re.IGNORECASE,
)


def verified_means_verified(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A verified contact whose status note or source says it is not confirmed is an error: verified must mean it."""
    for i, contact in content.each("contacts.yaml", "contacts"):
        if contact.status != Status.VERIFIED:
            continue
        for field in ("status_note", "source"):
            said = _NOT_CONFIRMED.search(getattr(contact, field) or "")
            if said:
                name = field.replace("_", " ")
                yield content.problem(
                    "contacts.yaml",
                    ("contacts", i, field),
                    f"{contact.name}: status is verified, but the {name} says '{said.group(0)}'; "
                    f"check those details and correct the {name}, or set status: unverified",
                )
                break


def verified_contacts_cite_a_public_page(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A verified contact's source gives the https:// address of a public page the details were checked on.

    A contact whose note or source already says it is not confirmed has that message instead (one cause, one message).
    """
    for i, contact in content.each("contacts.yaml", "contacts"):
        said_not_confirmed = any(_NOT_CONFIRMED.search(text or "") for text in (contact.status_note, contact.source))
        if (
            contact.status == Status.VERIFIED
            and not said_not_confirmed
            and not any(links.is_public_https(address) for address in links.addresses_in(contact.source))
        ):
            yield content.problem(
                "contacts.yaml",
                ("contacts", i, "source"),
                f"{contact.name}: status is verified, but the source gives no public https:// address to check "
                "the details against; add the address of the page they were checked on, "
                "e.g. source: https://www.example.org/contact-us, or set status: unverified",
            )


def _future(
    content: PackContent, relative: str, path: tuple[str | int, ...], day: dt.date, today: dt.date
) -> Iterator[Problem]:
    if day > today:
        yield content.problem(
            relative,
            path,
            f"{long_date(day)} is after today ({long_date(today)}); give the date it was actually done",
        )


def dates_are_not_in_the_future(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A review or check date cannot be later than the day the pack is checked."""
    info = content.models.get("pack.yaml")
    if info is not None:
        yield from _future(content, "pack.yaml", ("last_reviewed",), info.last_reviewed, today)
    for i, contact in content.each("contacts.yaml", "contacts"):
        for field in ("last_verified", "last_checked"):
            day = getattr(contact, field)
            if day is not None:
                yield from _future(content, "contacts.yaml", ("contacts", i, field), day, today)
    for i, resource in content.each("routes.yaml", "resources"):
        yield from _future(content, "routes.yaml", ("resources", i, "last_verified"), resource.last_verified, today)


# ---------------------------------------------------------------- scenarios and the pack


def scenarios_refer_to_real_things(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A scenario names a band and criteria that exist."""
    # A band file that could not be read already has its error; its id must be its file name.
    band_ids = {band.id for _, band in content.bands} | {Path(r).stem for r in content.unreadable_bands}
    criterion_ids = content.ids("criteria.yaml", "criteria")
    for i, scenario in content.each("scenarios.yaml", "scenarios"):
        if band_ids and scenario.band not in band_ids:
            yield content.problem(
                "scenarios.yaml", ("scenarios", i, "band"), unknown_ref("band", scenario.band, band_ids, "bands/")
            )
        if criterion_ids is not None:
            path = ("scenarios", i, "deciding_criteria")
            refs = scenario.deciding_criteria
            yield from _unknown_refs(content, "scenarios.yaml", path, refs, "criterion", criterion_ids, "criteria.yaml")


def vocabulary_refers_to_real_things(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A word-list entry names behaviours and themes that exist, and at least one of them."""
    behaviour_ids = {b.id for _, band in content.bands for b in band.behaviours}
    themes = {b.theme for _, band in content.bands for b in band.behaviours if b.theme}
    # A band that could not be read may hold the id: say nothing rather than something wrong.
    complete = not content.unreadable_bands
    for i, entry in content.each("vocabulary.yaml", "entries"):
        if not entry.behaviours and not entry.themes:
            yield content.problem(
                "vocabulary.yaml",
                ("entries", i, "words"),
                "this entry names no behaviour and no theme; add `behaviours: [<id>]` or `themes: [<theme>]` "
                "saying what the words mean",
            )
        if not complete:
            continue
        path = ("entries", i)
        yield from _unknown_refs(
            content, "vocabulary.yaml", (*path, "behaviours"), entry.behaviours, "behaviour", behaviour_ids, "bands/"
        )
        yield from _unknown_refs(content, "vocabulary.yaml", (*path, "themes"), entry.themes, "theme", themes, "bands/")


def pack_is_reviewed(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """The whole pack is reviewed at least every twelve months."""
    info = content.models.get("pack.yaml")
    if info is not None and older_than(info.last_reviewed, REVIEW_MONTHS, today):
        yield content.problem(
            "pack.yaml",
            ("last_reviewed",),
            f"the pack was last reviewed on {long_date(info.last_reviewed)}, over {REVIEW_MONTHS} months ago; "
            "review it and update the date",
            WARNING,
        )


def ages_and_themes_hold_together(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Age conditions and themes (behaviours/rules_content.py, each a small rule of its own)."""
    for finding in check_content(content.bands, content.ids("law.yaml", "law")):
        yield content.problem(finding.relative, finding.path, finding.message, finding.severity)


# ---------------------------------------------------------------- local services by reference


def _referring_files(content: PackContent) -> list[str]:
    return [name for name in content.docs if name not in references.REFERRING_FILES_EXCLUDE]


def roles_name_real_contacts(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Each contact named under ``roles:`` in contacts.yaml exists; a neighbour says which area it serves."""
    directory = content.models.get("contacts.yaml")
    known = content.ids("contacts.yaml", "contacts")
    if directory is None or known is None:
        return
    named: list[tuple[str | tuple[str, int], Any]] = [
        (role, getattr(directory.roles, role)) for role in ("front_door", "out_of_hours", "adult_safeguarding")
    ]
    named += [(("neighbours", i), item) for i, item in enumerate(directory.roles.neighbours)]
    for role, contact_id in named:
        if contact_id is None or contact_id in known:
            continue
        if content.salvaged("contacts.yaml"):
            continue
        path = ("roles", *role) if isinstance(role, tuple) else ("roles", role)
        yield content.problem("contacts.yaml", path, unknown_ref("contact", contact_id, known, "contacts.yaml"))
    by_id = {c.id: (i, c) for i, c in content.each("contacts.yaml", "contacts")}
    for contact_id in directory.roles.neighbours:
        if contact_id in by_id and not by_id[contact_id][1].area:
            i = by_id[contact_id][0]
            yield content.problem(
                "contacts.yaml",
                ("contacts", i, "id"),
                "a neighbouring front door needs 'area:', the area it serves, e.g. 'area: Telford & Wrekin'; "
                "the app says 'If the child lives in ...' with it",
            )


def _roles_of_unreadable_contacts(content: PackContent) -> set[str]:
    """The roles whose contact is in contacts.yaml but could not be read: that contact has its own message."""
    directory = content.models.get("contacts.yaml")
    if directory is None or not content.salvaged("contacts.yaml"):
        return set()
    read = {contact.id for contact in directory.contacts}
    written = (content.ids("contacts.yaml", "contacts") or set()) - read
    roles = {role for role in ("front_door", "out_of_hours", "adult_safeguarding") if getattr(directory.roles, role)}
    broken = {role for role in roles if getattr(directory.roles, role) in written}
    if "out_of_hours" not in roles:
        # With no role of its own, the out-of-hours team is the front door's (references.role_contact).
        door = next((c for c in directory.contacts if c.id == directory.roles.front_door), None)
        if "front_door" in broken or (door is not None and door.out_of_hours in written):
            broken.add("out_of_hours")
    return broken


def references_are_known(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """Every {reference} in the text is one the pack knows, and contacts.yaml says what it stands for.

    A reference whose contact could not be read is not reported: the contact's own message is the one to fix.
    """
    directory = content.models.get("contacts.yaml")
    filled = references.values(directory) if directory is not None else None
    unreadable = _roles_of_unreadable_contacts(content)
    for relative in _referring_files(content):
        for index, text in enumerate(content.texts(relative)):
            if "{" not in text:
                continue
            missing_roles: set[str] = set(unreadable)
            for name in references.references_in(text):
                if name not in references.REFERENCES:
                    close = difflib.get_close_matches(name, list(references.REFERENCES), n=1)
                    hint = (
                        f"did you mean {{{close[0]}}}?"
                        if close
                        else "use one of " + ", ".join(f"{{{r}}}" for r in references.REFERENCES)
                    )
                    yield content.problem(
                        relative,
                        content.text_path(relative, index),
                        f"{{{name}}} is not a reference the pack knows; {hint}",
                    )
                elif filled is not None and name not in filled and references.REFERENCES[name][0] not in missing_roles:
                    role = references.REFERENCES[name][0]
                    missing_roles.add(role)
                    where = f"'roles: {role}:' naming a contact" if role not in ("area", "council") else f"'{role}:'"
                    yield content.problem(
                        relative,
                        content.text_path(relative, index),
                        f"{{{name}}} has nothing to stand for; add {where} in contacts.yaml",
                    )


def _spelled(number: str) -> re.Pattern[str]:
    digits = [d for d in number if d.isdigit()]
    return re.compile(r"(?<!\d)" + r"[ -]?".join(digits) + r"(?!\d)")


def _mentions(text: str, written: list[str], digits: list[str]) -> bool:
    """True when the text may name one of the values: a quick test before the exact patterns."""
    for value in written:
        if value in text:
            return True
    if digits:
        squeezed = text.replace(" ", "").replace("-", "")
        for number in digits:
            if number in squeezed:
                return True
    return False


def local_services_by_reference(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A local service's name or number written out outside contacts.yaml is refused, naming the reference to write.

    Written out, it stays behind when another council changes contacts.yaml, and sends its users to this one.
    """
    directory = content.models.get("contacts.yaml")
    if directory is None:
        return
    filled = references.values(directory)
    names: list[tuple[re.Pattern[str], str, str]] = []
    for ref in (
        "council",
        "front_door_name",
        "front_door",
        "out_of_hours_name",
        "out_of_hours",
        "adult_safeguarding_name",
        "adult_safeguarding",
    ):
        value = filled.get(ref)
        if value:
            shown = {
                "front_door_name": "front_door",
                "out_of_hours_name": "out_of_hours",
                "adult_safeguarding_name": "adult_safeguarding",
            }.get(ref, ref)
            names.append((re.compile(rf"(?<!\w){re.escape(value)}(?!\w)"), value, shown))
    for ref in ("front_door_number", "out_of_hours_number", "adult_safeguarding_number"):
        value = filled.get(ref)
        if value:
            names.append((_spelled(value), value, ref))
    # A quick look first, with plain substring tests: most texts hold none of them, and a large pack
    # has tens of thousands of texts. A number may be written with spaces or hyphens between digits.
    written = [value for _, value, ref in names if not ref.endswith("_number")]
    digits = ["".join(ch for ch in value if ch.isdigit()) for _, value, ref in names if ref.endswith("_number")]
    for relative in _referring_files(content):
        texts = content.texts(relative)
        # The same quick look over the whole file first ("\n" between texts, so nothing spans two):
        # most files name none of them at all.
        if not _mentions("\n".join(texts), written, digits):
            continue
        for index, text in enumerate(texts):
            if not _mentions(text, written, digits):
                continue
            path: PathKey | None = None
            reported: set[str] = set()
            for pattern, value, ref in names:
                if ref in reported or not pattern.search(text):
                    continue
                path = content.text_path(relative, index) if path is None else path
                if path and path[-1] == "source":
                    break  # provenance says where a fact came from, which stays true in any council's pack
                reported.add(ref)
                text = pattern.sub(" ", text)  # 'Compass (Shropshire Council)' is reported once, not three times
                yield content.problem(
                    relative,
                    path,
                    f"'{value}' is written out; write {{{ref}}} instead, so it comes from contacts.yaml "
                    "and changes with it",
                )


def hours_are_said_once(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A contact gives its hours as times or as words, never both: the words are made from the times."""
    for i, contact in content.each("contacts.yaml", "contacts"):
        if contact.opening_hours and contact.hours:
            yield content.problem(
                "contacts.yaml",
                ("contacts", i, "hours"),
                "give the hours once: opening_hours sets the times and the app words them itself; "
                "delete 'hours:' and put anything the times cannot say in 'hours_note:'",
            )


def files_are_reviewed_on_time(content: PackContent, today: dt.date) -> Iterator[Problem]:
    """A file's review block: last_reviewed not in the future; a next_review already past is a warning."""
    for relative, review in file_reviews(content).items():
        if review.last_reviewed > today:
            yield content.problem(
                relative,
                ("review", "last_reviewed"),
                f"last_reviewed ({long_date(review.last_reviewed)}) is in the future; write the date the review happened",
            )
        if review.next_review < today:
            yield content.problem(
                relative,
                ("review", "next_review"),
                f"this file was due for review on {long_date(review.next_review)}; review it, then set "
                "last_reviewed to that day and next_review to the next due date",
                WARNING,
            )


RULES: tuple[Rule, ...] = (
    ids_are_unique,
    band_id_is_file_name,
    band_has_every_level,
    every_age_has_a_band,
    law_references_exist,
    ages_and_themes_hold_together,
    concerns_name_real_items,
    descriptors_are_short,
    texts_are_within_the_limit,
    one_route_per_level,
    special_routes_exist,
    routes_have_steps,
    resources_are_current,
    contact_links_are_encrypted,
    links_open_plain_hosts,
    sources_hold_checked_links,
    free_text_holds_no_addresses,
    shared_numbers_say_what_they_reach,
    out_of_hours_exists,
    contacts_are_checked,
    verified_means_verified,
    verified_contacts_cite_a_public_page,
    dates_are_not_in_the_future,
    law_links_are_encrypted,
    scenarios_refer_to_real_things,
    vocabulary_refers_to_real_things,
    pack_is_reviewed,
    roles_name_real_contacts,
    references_are_known,
    local_services_by_reference,
    hours_are_said_once,
    files_are_reviewed_on_time,
)


def run_rules(content: PackContent, today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """Every rule, each run even when others found errors: (errors, warnings)."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for rule in RULES:
        for problem in rule(content, today):
            (errors if problem.severity == "error" else warnings).append(problem)
    return errors, warnings
