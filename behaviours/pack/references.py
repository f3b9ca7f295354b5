"""References to local services, written once in contacts.yaml and resolved when the pack loads.

A pack names its local services in one file. Everywhere else (descriptors, level guides,
routes, law notes, criteria, scenarios) the text says ``{front_door}`` or
``{out_of_hours_number}``, and the loader puts in the name or number from contacts.yaml.
So another council adopts the pack by changing contacts.yaml, and every page, PDF, note
and offline page shows its own front door.

Hours work the same way: a contact with ``opening_hours`` has its hours in words made
from those times (plus ``hours_note`` for what times cannot say), so the two never disagree.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from pydantic import BaseModel

from behaviours.core.phones import InvalidPhoneNumber, parse_uk_number
from behaviours.pack.model import Contact, ContactsFile, Day, OpeningHours

# reference -> (the role it comes from, what it gives, as the docs list it)
REFERENCES: dict[str, tuple[str, str]] = {
    "front_door": ("front_door", "the front door's short name, e.g. Compass"),
    "front_door_name": ("front_door", "the front door's full name, e.g. Compass (Shropshire Council)"),
    "front_door_number": ("front_door", "the front door's first phone number"),
    "out_of_hours": ("out_of_hours", "the out-of-hours team's short name"),
    "out_of_hours_number": ("out_of_hours", "the out-of-hours team's first phone number"),
    "adult_safeguarding": ("adult_safeguarding", "the adult safeguarding service's short name"),
    "adult_safeguarding_number": ("adult_safeguarding", "the adult safeguarding service's first phone number"),
    "area": ("area", "the area the pack covers, e.g. Shropshire"),
    "council": ("council", "the council's name, e.g. Shropshire Council"),
}
PATTERN = re.compile(r"\{([^{}\s]*)\}")
# Search words are never shown, so they may name anything.
NOT_SHOWN = {"keywords", "synonyms"}
# The files whose text may hold references; contacts.yaml is where the names themselves are written.
REFERRING_FILES_EXCLUDE = {"contacts.yaml"}

_DAY_WORDS = {
    Day.MON: "Monday",
    Day.TUE: "Tuesday",
    Day.WED: "Wednesday",
    Day.THU: "Thursday",
    Day.FRI: "Friday",
    Day.SAT: "Saturday",
    Day.SUN: "Sunday",
}
_WEEK = list(_DAY_WORDS)


def short_name(contact: Contact) -> str:
    """A contact's name without a trailing aside in brackets, e.g. 'Compass' for 'Compass (Shropshire Council)'."""
    name = contact.name.strip()
    if name.endswith(")") and " (" in name:
        trimmed = name[: name.rindex(" (")].strip()
        if trimmed:
            return trimmed
    return name


def references_in(text: str) -> list[str]:
    """The names inside braces in a text, in order: 'call {front_door}' gives ['front_door']."""
    return PATTERN.findall(text)


def _number(contact: Contact) -> str | None:
    for channel in contact.channels:
        if channel.kind.value == "phone":
            try:
                return parse_uk_number(channel.value).display
            except InvalidPhoneNumber:
                return channel.value
    return None


def role_contact(contacts: ContactsFile, role: str) -> Contact | None:
    """The contact named for a role ('front_door', 'out_of_hours', 'adult_safeguarding'), or None."""
    wanted = getattr(contacts.roles, role, None)
    if role == "out_of_hours" and wanted is None:
        door = role_contact(contacts, "front_door")
        wanted = door.out_of_hours if door is not None else None
    return next((c for c in contacts.contacts if c.id == wanted), None) if wanted else None


def values(contacts: ContactsFile) -> dict[str, str]:
    """Every reference the pack's contacts.yaml can fill, with what it gives."""
    found: dict[str, str] = {}
    if contacts.area:
        found["area"] = contacts.area
    if contacts.council:
        found["council"] = contacts.council
    for role in ("front_door", "out_of_hours", "adult_safeguarding"):
        contact = role_contact(contacts, role)
        if contact is None:
            continue
        found[role] = short_name(contact)
        found[f"{role}_name"] = contact.name
        number = _number(contact)
        if number:
            found[f"{role}_number"] = number
    return {name: value for name, value in found.items() if name in REFERENCES}


def resolve(text: str, filled: dict[str, str]) -> str:
    """The text with each known reference replaced; anything else in braces is left as written."""
    return PATTERN.sub(lambda m: filled.get(m.group(1), m.group(0)), text)


def resolve_model(model: Any, filled: dict[str, str]) -> Any:
    """A copy of a content model (or list, or text) with every reference in its text resolved.

    Whatever holds no reference is given back as it is (not copied), so a large pack resolves quickly.
    """
    kind = type(model)
    if kind is str:
        return resolve(model, filled) if "{" in model else model
    if kind is list or kind is tuple:
        items = [
            (resolve(item, filled) if "{" in item else item) if type(item) is str else resolve_model(item, filled)
            for item in model
        ]
        if all(new is old for new, old in zip(items, model, strict=True)):
            return model
        return items if kind is list else tuple(items)
    if isinstance(model, BaseModel):
        update = {}
        for name, value in model.__dict__.items():
            if name in NOT_SHOWN or value is None:
                continue
            if type(value) is str:
                if "{" in value:
                    update[name] = resolve(value, filled)
                continue
            new = resolve_model(value, filled)
            if new is not value:
                update[name] = new
        return model.model_copy(update=update) if update else model
    if isinstance(model, str) and not isinstance(model, Enum):
        return resolve(model, filled) if "{" in model else model
    return model


def strings(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text in a YAML document's data, with its path, leaving out search words that are never shown."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    _collect(data, path, found)
    return found


def resolve_at(model: Any, filled: dict[str, str], paths: list[tuple[str | int, ...]]) -> Any:
    """``resolve_model``, looking only along ``paths`` (where the file's texts hold a '{'): the same result,
    without walking every value of a large file that holds few references."""
    if not paths:
        return model
    if not isinstance(model, BaseModel) or any(not path for path in paths):
        return resolve_model(model, filled)
    by_field: dict[str, list[tuple[str | int, ...]]] = {}
    for path in paths:
        name = path[0]
        if not isinstance(name, str) or name not in type(model).model_fields or name in NOT_SHOWN:
            return resolve_model(model, filled)  # not a plain field: look everywhere
        by_field.setdefault(name, []).append(path[1:])
    update = {}
    for name, rests in by_field.items():
        value = getattr(model, name)
        if type(value) is list and all(rest and isinstance(rest[0], int) for rest in rests):
            items = list(value)
            for index in sorted({int(rest[0]) for rest in rests}):
                if index < len(items):
                    items[index] = resolve_at(items[index], filled, [rest[1:] for rest in rests if rest[0] == index])
            new = value if all(a is b for a, b in zip(items, value, strict=True)) else items
        else:
            new = resolve_at(value, filled, rests)
        if new is not value:
            update[name] = new
    return model.model_copy(update=update) if update else model


def text_values(data: object) -> list[str]:
    """The texts of ``strings(data)``, in the same order, without their paths: quicker to scan."""
    found: list[str] = []
    _collect_texts(data, found)
    return found


def _collect_texts(data: object, found: list[str]) -> None:
    if isinstance(data, str):
        found.append(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_SHOWN:
                if type(value) is str:
                    found.append(value)
                else:
                    _collect_texts(value, found)
    elif isinstance(data, list):
        for value in data:
            if type(value) is str:
                found.append(value)
            else:
                _collect_texts(value, found)


def _collect(data: object, path: tuple[str | int, ...], found: list[tuple[tuple[str | int, ...], str]]) -> None:
    if isinstance(data, str):
        found.append((path, data))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_SHOWN:
                _collect(value, (*path, key), found)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _collect(value, (*path, i), found)


# ---------------------------------------------------------------- hours


def _day_span(days: list[Day]) -> str:
    ordered = sorted(set(days), key=_WEEK.index)
    runs: list[list[Day]] = []
    for day in ordered:
        if runs and _WEEK.index(day) == _WEEK.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{_DAY_WORDS[run[0]]} to {_DAY_WORDS[run[-1]]}")
        else:
            parts.extend(_DAY_WORDS[d] for d in run)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _time(value: Any) -> str:
    hour, minute = value.hour, value.minute
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}.{minute:02d}{suffix}"


def hours_from_times(blocks: list[OpeningHours], note: str | None = None) -> str:
    """Opening hours in words, e.g. 'Monday to Thursday 9am to 5pm; Friday 9am to 4pm', then the note."""
    words = "; ".join(f"{_day_span(b.days)} {_time(b.opens)} to {_time(b.closes)}" for b in blocks)
    if note:
        words = f"{words}. {note.strip()}"
    return words


def with_hours_in_words(contact: Contact) -> Contact:
    """A contact whose ``hours`` are made from its ``opening_hours`` (and ``hours_note``)."""
    if contact.opening_hours:
        return contact.model_copy(update={"hours": hours_from_times(contact.opening_hours, contact.hours_note)})
    if contact.hours_note and not contact.hours:
        return contact.model_copy(update={"hours": contact.hours_note})
    return contact
