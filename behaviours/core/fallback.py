"""The contact a deployment names for when its content pack cannot be shown.

A broken pack shows no number from the pack. The screen always says 999, and may add one
contact the deployment configures in ``TRAFFIC_LIGHT_FALLBACK_CONTACT`` as ``Name|number``
(e.g. ``Compass|0345 678 9021``). A value that is not a name and a valid UK number is not
shown at all: a wrong number is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass

from behaviours.core.phones import InvalidPhoneNumber, PhoneNumber, parse_uk_number

FALLBACK_ENV = "TRAFFIC_LIGHT_FALLBACK_CONTACT"
NAME_LIMIT = 80


@dataclass(frozen=True)
class FallbackContact:
    """A name and a checked phone number, from the deployment's settings."""

    name: str
    phone: PhoneNumber


def parse_fallback_contact(value: str | None) -> FallbackContact | None:
    """The configured contact, or None when none is set or the value is not 'Name|number' with a valid UK number."""
    if not value or value.count("|") != 1:
        return None
    name, number = (part.strip() for part in value.split("|"))
    if not name or len(name) > NAME_LIMIT or not name.isprintable():
        return None
    try:
        return FallbackContact(name, parse_uk_number(number))
    except InvalidPhoneNumber:
        return None
