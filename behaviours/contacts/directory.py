"""The helplines directory: who each entry is for, which entries to show, and in what order.

Whether the front door is open now, and whom to call instead, is ``behaviours.contacts.hours.who_to_call``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from behaviours.pack.model import Audience, ChannelKind, Contact, Status
from behaviours.pack.pack import Pack

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


def short_name(contact: Contact) -> str:
    """A contact's name without a trailing aside in brackets, e.g. 'Compass' for 'Compass (Shropshire Council)'."""
    name = contact.name.strip()
    if name.endswith(")") and " (" in name:
        trimmed = name[: name.rindex(" (")].strip()
        if trimmed:
            return trimmed
    return name


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
