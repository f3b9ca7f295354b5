"""The helplines directory: who each entry is for, which entries to show, and in what order.

Whether the front door is open now, and whom to call instead, is ``behaviours.contacts.hours.who_to_call``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from behaviours.core.phones import InvalidPhoneNumber, PhoneNumber, parse_uk_number
from behaviours.pack.model import Audience, ChannelKind, Contact, Level, Status
from behaviours.pack.pack import Pack
from behaviours.pack.references import short_name as short_name

# The audiences a reader can filter by; "anyone" entries show under each of them.
AUDIENCE_CHOICES: tuple[Audience, ...] = (Audience.YOUNG_PEOPLE, Audience.PARENTS_CARERS, Audience.PROFESSIONALS)
CHANNEL_CHOICES: tuple[ChannelKind, ...] = (
    ChannelKind.PHONE,
    ChannelKind.TEXT,
    ChannelKind.EMAIL,
    ChannelKind.WEB,
    ChannelKind.CHAT,
)

_AUDIENCE_WORDS = {
    Audience.YOUNG_PEOPLE: "young people",
    Audience.PARENTS_CARERS: "parents and carers",
    Audience.PROFESSIONALS: "professionals",
    Audience.ANYONE: "anyone",
}
_CHANNEL_WORDS = {
    ChannelKind.PHONE: "phone",
    ChannelKind.TEXT: "text message",
    ChannelKind.EMAIL: "e-mail",
    ChannelKind.WEB: "website",
    ChannelKind.CHAT: "online chat",
}
_STATUS_ORDER = {Status.VERIFIED: 0, Status.UNVERIFIED: 1, Status.OUTDATED: 2}


def audience_words(audience: Audience) -> str:
    """An audience as a reader says it, e.g. 'parents and carers'."""
    return _AUDIENCE_WORDS[audience]


def channel_words(kind: ChannelKind) -> str:
    """A way of getting in touch as a reader says it, e.g. 'text message'."""
    return _CHANNEL_WORDS[kind]


def is_for(contact: Contact, audience: Audience | None) -> bool:
    """True when the entry serves this audience; entries for anyone serve every audience; None means everyone."""
    if audience is None:
        return True
    return audience in contact.audience or Audience.ANYONE in contact.audience


def reachable_by(contact: Contact, channels: Iterable[ChannelKind] | None) -> bool:
    """True when the entry offers at least one of the channels; no channels chosen means any channel."""
    wanted = set(channels or ())
    if not wanted:
        return True
    return any(channel.kind in wanted for channel in contact.channels)


def directory_order(contacts: Iterable[Contact]) -> list[Contact]:
    """Local services first, then by how far their details are checked (verified, unverified, outdated);
    otherwise the pack's own order."""
    return sorted(contacts, key=lambda c: (0 if c.local else 1, _STATUS_ORDER[c.status]))


def filter_contacts(
    pack: Pack, audience: Audience | None = None, channels: Sequence[ChannelKind] | None = None
) -> list[Contact]:
    """The directory entries for an audience (None: everyone) reachable by any of the channels (none: all),
    in directory order."""
    return directory_order(c for c in pack.contacts if is_for(c, audience) and reachable_by(c, channels))


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
