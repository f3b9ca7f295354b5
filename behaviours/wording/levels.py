"""How each level is shown: words first, then a colour and an icon that repeat them.

Streamlit draws these, but the rules (the heading's words, which colour, which icon)
live here so that every page shows a level the same way and tests can check it.
"""

from __future__ import annotations

from behaviours.core.phones import InvalidPhoneNumber, PhoneNumber, parse_uk_number
from behaviours.pack.model import ChannelKind, Contact, Level
from behaviours.pack.pack import Pack

# Streamlit's named colours; the theme in .streamlit/config.toml sets their shades.
LEVEL_COLOUR = {Level.GREEN: "green", Level.AMBER: "orange", Level.RED: "red"}
# A different shape for each level, so the icon carries meaning without colour too.
LEVEL_ICON = {Level.GREEN: ":material/check_circle:", Level.AMBER: ":material/warning:", Level.RED: ":material/report:"}


def level_heading(pack: Pack, level: Level) -> str:
    """The words that open every level heading, e.g. 'Red: act today'."""
    guide = pack.level_guide(level)
    return f"{guide.label}: {guide.headline}"


def front_door(pack: Pack) -> Contact | None:
    """The local front door for worries about a child: contacts.yaml's ``roles: front_door``, else the first
    local contact on the amber route."""
    named = pack.contact(pack.roles.front_door) if pack.roles.front_door else None
    if named is not None:
        return named
    route = pack.route_for(Level.AMBER)
    return next((c for c in pack.contacts_for(route) if c.local), None)


def neighbour_doors(pack: Pack) -> list[Contact]:
    """The front doors of neighbouring areas (contacts.yaml ``roles: neighbours``), for a child who lives there."""
    return [c for c in (pack.contact(i) for i in pack.roles.neighbours) if c is not None]


def emergency_contacts(pack: Pack) -> list[Contact]:
    """The emergency-number contacts of the immediate-danger route (999 in the shipped pack).

    The route may also name the front door; the panel's first line is only for emergency numbers.
    """
    route = pack.special_route("immediate-danger")
    if route is None:
        return []
    return [c for c in pack.contacts_for(route) if (phone := first_phone(c)) is not None and phone.kind == "emergency"]


def first_phone(contact: Contact) -> PhoneNumber | None:
    """The first phone number a contact gives, checked and ready to dial."""
    for channel in contact.channels:
        if channel.kind == ChannelKind.PHONE:
            try:
                return parse_uk_number(channel.value)
            except InvalidPhoneNumber:
                return None
    return None
