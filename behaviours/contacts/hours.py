"""Whether a service is open at a moment (UK time, England's bank holidays), when it next
opens, and whom to call now.

``who_to_call`` is the one answer to "whom do I ring, in what order, at this moment" that
every page, the handouts and the case note use; ``behaviours.wording.contacts`` puts it into words.

Structured weekly hours (``opening_hours``) are read as working-day hours: on a bank
holiday in England the service is taken to be closed, which errs towards the out-of-hours
number rather than a line that may not answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import holidays

from behaviours.contacts.directory import emergency_contacts, first_phone, front_door, neighbour_doors
from behaviours.core.clock import UK, in_uk
from behaviours.core.phones import PhoneNumber
from behaviours.pack.model import Contact, Day, Level, Route
from behaviours.pack.pack import Pack

__all__ = [
    "UK",
    "Call",
    "Openness",
    "Role",
    "WhoToCall",
    "bank_holiday",
    "call_state",
    "next_change",
    "next_opening",
    "openness",
    "who_to_call",
]

_DAYS = (Day.MON, Day.TUE, Day.WED, Day.THU, Day.FRI, Day.SAT, Day.SUN)
_LOOK_AHEAD_DAYS = 21  # long enough to pass any run of bank holidays and weekends


class Openness(str, Enum):
    """What the pack lets us say about a service's hours at a moment."""

    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())


def bank_holiday(day: dt.date) -> str | None:
    """The name of England's bank holiday on ``day`` (e.g. 'Christmas Day'), or None."""
    return _bank_holidays(day.year).get(day)


def _clock(value: object) -> dt.time:
    """An opening or closing time from the pack ('09:00' or a datetime.time) as a time."""
    if isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(str(value))


def _blocks_on(contact: Contact, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    """The (opens, closes) blocks of a contact on a date: none on a bank holiday."""
    if bank_holiday(day):
        return []
    weekday = _DAYS[day.weekday()]
    return [(_clock(b.opens), _clock(b.closes)) for b in contact.opening_hours if weekday in b.days]


def openness(contact: Contact, when: dt.datetime) -> Openness:
    """Open, closed, or unknown (the pack gives no structured hours) at ``when``."""
    if contact.open_always:
        return Openness.OPEN
    if not contact.opening_hours:
        return Openness.UNKNOWN
    local = in_uk(when)
    clock = local.time().replace(tzinfo=None)
    if any(opens <= clock < closes for opens, closes in _blocks_on(contact, local.date())):
        return Openness.OPEN
    return Openness.CLOSED


def closes_at(contact: Contact, when: dt.datetime) -> dt.datetime | None:
    """When an open contact with structured hours next closes; None if always open or hours unknown."""
    if contact.open_always or not contact.opening_hours:
        return None
    local = in_uk(when)
    clock = local.time().replace(tzinfo=None)
    for opens, closes in _blocks_on(contact, local.date()):
        if opens <= clock < closes:
            return dt.datetime.combine(local.date(), closes, tzinfo=UK)
    return None


def next_opening(contact: Contact, when: dt.datetime) -> dt.datetime | None:
    """The first moment after ``when`` at which a closed contact opens, skipping bank holidays."""
    if contact.open_always or not contact.opening_hours:
        return None
    local = in_uk(when)
    for offset in range(_LOOK_AHEAD_DAYS):
        day = local.date() + dt.timedelta(days=offset)
        starts = sorted(
            dt.datetime.combine(day, opens, tzinfo=UK)
            for opens, _closes in _blocks_on(contact, day)
            if dt.datetime.combine(day, opens, tzinfo=UK) > local
        )
        if starts:
            return starts[0]
    return None


def next_change(pack: Pack, when: dt.datetime) -> dt.datetime:
    """The first moment after ``when`` at which whom to call may read differently: a service with
    hours opens or closes, or the day ends (dates, bank holidays). Until then every answer of
    ``who_to_call`` for this pack reads as it does at ``when``."""
    local = in_uk(when)
    tomorrow = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0, 0), tzinfo=UK)
    changes = [tomorrow]
    for contact in pack.contacts:
        state = openness(contact, local)
        if state is Openness.OPEN:
            moment = closes_at(contact, local)
        elif state is Openness.CLOSED:
            moment = next_opening(contact, local)
        else:
            moment = None
        if moment is not None:
            changes.append(moment)
    return min(changes)


class Role(str, Enum):
    """Why a contact is in the list of whom to call."""

    EMERGENCY = "emergency"  # 999: if anyone is in immediate danger
    DOOR = "door"  # a service with hours (Compass): whom to call while it is open
    OUT_OF_HOURS = "out-of-hours"  # the service that answers while the door is closed
    NEIGHBOUR = "neighbour"  # a neighbouring area's front door (or its out-of-hours team), for a child who lives there
    OTHER = "other"  # the rest of a route: police 101, helplines, reporting


@dataclass(frozen=True)
class Call:
    """One contact to call, with why, and what is known about its hours at the moment asked."""

    contact: Contact
    phone: PhoneNumber | None
    role: Role
    state: Openness
    door: Contact | None = None  # for OUT_OF_HOURS: the service it stands in for
    reopens: dt.datetime | None = None  # for a closed DOOR: when it next opens
    closes: dt.datetime | None = None  # for an open DOOR: when it closes today
    holiday: str | None = None  # the bank holiday that closes the DOOR today
    area: str | None = None  # for NEIGHBOUR: the area whose children it serves


@dataclass(frozen=True)
class WhoToCall:
    """Whom to call, in order, at one moment (or, with no moment, for a printed sheet)."""

    calls: tuple[Call, ...]
    when: dt.datetime | None

    @property
    def emergency(self) -> tuple[Call, ...]:
        """The emergency numbers: for immediate danger only."""
        return tuple(c for c in self.calls if c.role == Role.EMERGENCY)

    @property
    def lead(self) -> Call | None:
        """Whom to ring first for a worry that is not an emergency: the door if open, else out of hours."""
        return next((c for c in self.calls if c.role in (Role.DOOR, Role.OUT_OF_HOURS)), None)

    @property
    def door(self) -> Call | None:
        """The service with office hours (Compass), wherever it sits in the order."""
        return next((c for c in self.calls if c.role == Role.DOOR), None)

    @property
    def door_closed(self) -> bool:
        """True when a moment was given and the door is closed at it."""
        door = self.door
        return door is not None and door.state == Openness.CLOSED


def _door_pair(pack: Pack, door: Contact, when: dt.datetime | None) -> list[Call]:
    """The door and its out-of-hours service, the one that answers now first."""
    state = openness(door, when) if when is not None else Openness.UNKNOWN
    day = in_uk(when).date() if when is not None else None
    door_call = Call(
        door,
        first_phone(door),
        Role.DOOR,
        state,
        reopens=next_opening(door, when) if when is not None and state == Openness.CLOSED else None,
        closes=closes_at(door, when) if when is not None and state == Openness.OPEN else None,
        holiday=bank_holiday(day) if day is not None and door.opening_hours and not door.open_always else None,
    )
    fallback = pack.contact(door.out_of_hours) if door.out_of_hours else None
    if fallback is None:
        return [door_call]
    out_state = Openness.OPEN if state == Openness.CLOSED else Openness.UNKNOWN
    if fallback.open_always:
        out_state = Openness.OPEN
    out_call = Call(fallback, first_phone(fallback), Role.OUT_OF_HOURS, out_state, door=door)
    return [out_call, door_call] if state == Openness.CLOSED else [door_call, out_call]


def _neighbours(pack: Pack, when: dt.datetime | None) -> list[Call]:
    """Beside the front door: each neighbouring area's front door and its out-of-hours team, for a child who lives there."""
    calls: list[Call] = []
    for neighbour in neighbour_doors(pack):
        state = openness(neighbour, when) if when is not None else Openness.UNKNOWN
        calls.append(Call(neighbour, first_phone(neighbour), Role.NEIGHBOUR, state, area=neighbour.area))
        fallback = pack.contact(neighbour.out_of_hours) if neighbour.out_of_hours else None
        if fallback is not None:
            out_state = Openness.OPEN if state == Openness.CLOSED else Openness.UNKNOWN
            calls.append(
                Call(fallback, first_phone(fallback), Role.NEIGHBOUR, out_state, door=neighbour, area=neighbour.area)
            )
    return calls


def who_to_call(
    pack: Pack,
    level: Level | None,
    when: dt.datetime | None,
    *,
    route: Route | None = None,
    contacts: Sequence[Contact] | None = None,
) -> WhoToCall:
    """Whom to call at ``when``, in order, for a level's route (or ``route``, or ``contacts``); the frame's without.

    - The emergency numbers come first: they are for immediate danger.
    - A service with office hours and its out-of-hours team come next, the one that answers
      now first: on an evening, a weekend or a bank holiday the out-of-hours number leads.
    - Then the rest of the route (police 101, helplines, reporting), each once.

    With ``level`` and ``route`` both None the answer is the frame's: 999, then the pack's
    front door with its out-of-hours team. With ``when`` None the answer is for a printed
    sheet: the door first, its out-of-hours team after it, nothing said about "now".
    """
    if route is None and level is not None:
        route = pack.route_for(level)
    if contacts is not None:
        named = list(contacts)
    elif route is None:
        door = front_door(pack)
        named = [*emergency_contacts(pack), *([door] if door is not None else [])]
    else:
        named = pack.contacts_for(route)
    emergency_ids = {c.id for c in emergency_contacts(pack)}
    door = front_door(pack)
    door_id = door.id if door is not None else None
    calls: list[Call] = []
    seen: set[str] = set()
    for contact in named:  # emergency numbers first, in the route's order
        if contact.id in emergency_ids and contact.id not in seen:
            seen.add(contact.id)
            calls.append(Call(contact, first_phone(contact), Role.EMERGENCY, Openness.OPEN))
    for contact in named:
        if contact.id in seen:
            continue
        if contact.id == door_id or (contact.out_of_hours and pack.contact(contact.out_of_hours) is not None):
            pair = _door_pair(pack, contact, when)
            if contact.id == door_id:
                pair += _neighbours(pack, when)
            calls += [c for c in pair if c.contact.id not in seen]
            seen.update(c.contact.id for c in pair)
            continue
        # An out-of-hours team named before its door is placed with the door, not here.
        if any(other.out_of_hours == contact.id for other in named if other.id not in seen):
            continue
        seen.add(contact.id)
        state = openness(contact, when) if when is not None else Openness.UNKNOWN
        calls.append(Call(contact, first_phone(contact), Role.OTHER, state))
    return WhoToCall(tuple(calls), when)


CallState = tuple[
    bool, tuple[tuple[str, str, str, str | None, dt.datetime | None, dt.datetime | None, str | None], ...]
]


def call_state(answer: WhoToCall) -> CallState:
    """What an answer's words depend on, without the moment itself: each call's contact, role and
    openness, the door it stands in for, when the door reopens or closes, and its bank holiday.

    Two moments with the same state read the same (``behaviours.wording.contacts``), so Markdown made
    from an answer can be kept under this key and used until a service opens or closes.
    """
    return (
        answer.when is None,
        tuple(
            (
                c.contact.id,
                c.role.value,
                c.state.value,
                c.door.id if c.door is not None else None,
                c.reopens,
                c.closes,
                c.holiday,
            )
            for c in answer.calls
        ),
    )
