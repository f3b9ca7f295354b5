"""The helplines directory: who each entry is for, which entries to show, in what order,
and whether the local front door is open now."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from behaviours.hours import Openness, contact_to_call, openness
from behaviours.model import Audience, ChannelKind, Contact, Status
from behaviours.pack import Pack
from behaviours.phones import PhoneNumber
from behaviours.presentation import first_phone, front_door

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


@dataclass(frozen=True)
class FrontDoorNow:
    """Whether the local front door is open at a moment, and whom to call instead when it is closed."""

    door: Contact
    state: Openness
    call_instead: Contact | None = None
    call_instead_phone: PhoneNumber | None = None

    @property
    def sentence(self) -> str:
        """The state in plain words, e.g. 'Compass is closed now: call Emergency Social Work Team on 0345 678 9040'."""
        door = short_name(self.door)
        if self.state == Openness.OPEN:
            return f"{door} is open now."
        if self.state == Openness.UNKNOWN:
            return f"{door}: this tool does not know its opening hours."
        if self.call_instead is None:
            return f"{door} is closed now."
        number = f" on {self.call_instead_phone.display}" if self.call_instead_phone else ""
        return f"{door} is closed now: call {short_name(self.call_instead)}{number}."


def front_door_now(pack: Pack, when: dt.datetime) -> FrontDoorNow | None:
    """Whether the pack's front door (Compass in the shipped pack) is open at ``when``; None if the pack has none."""
    door = front_door(pack)
    if door is None:
        return None
    state = openness(door, when)
    if state != Openness.CLOSED:
        return FrontDoorNow(door, state)
    fallback = contact_to_call(pack, door, when)
    if fallback is door:
        return FrontDoorNow(door, state)
    return FrontDoorNow(door, state, fallback, first_phone(fallback))
